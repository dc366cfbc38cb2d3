/*
 * check_export_json.c — the node-link JSON writer (export_json.c) and the
 * round trips through the JSON reader (graph_read_json.c): byte-for-byte
 * golden files for the small graph full of strings that need escaping
 * that check_export.c uses, every column back with its type and every
 * number bit for bit, GraphML -> JSON -> GraphML and JSON -> GraphML ->
 * JSON giving the same bytes, values JSON cannot hold, and errors.
 *
 * The golden files (tests/data/golden/tricky.json, empty.json) were
 * checked by hand against the corpus described at tu_tricky_graph() (export_fixture.h).
 * AG_UPDATE_GOLDEN=1 rewrites them from the current output instead of
 * comparing (then read the diff).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export_fixture.h"
#include "export_internal.h"
#include "graph_internal.h"

static ag_lexicon *lex;
static char tmpdir[64];

static void setup(void)
{
    lex = tu_lexicon(tu_tricky_lexicon);
    tu_tmpdir(tmpdir, sizeof tmpdir, "check_export_json");
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    tu_rm_tree(tmpdir);
}

static char *write_file(const ag_graph *g, ag_format f, const char *name, size_t *len)
{
    static char path[160];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    ck_assert_msg(ag_export_file(g, f, path, &err) == AG_OK, "export to %s failed: %s", name, err.message);
    return tu_slurp(path, len);
}

static ag_graph *read_back(const char *name)
{
    char path[160];
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    ck_assert_msg(ag_graph_read_file(path, &g, &err) == AG_OK, "reading %s failed: %s", name, err.message);
    return g;
}

/* The same nodes, edges, columns (names, order, types) and values, the
 * numbers bit for bit. */
static void assert_same_graph(const ag_graph *g, const ag_graph *h)
{
    ck_assert_uint_eq(ag_graph_node_count(h), ag_graph_node_count(g));
    ck_assert_uint_eq(ag_graph_edge_count(h), ag_graph_edge_count(g));
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b, c, d;
        ag_graph_edge_ends(g, e, &a, &b);
        ag_graph_edge_ends(h, e, &c, &d);
        ck_assert_uint_eq(a, c);
        ck_assert_uint_eq(b, d);
    }
    for (int dom = 0; dom < 3; dom++) {
        ag_domain d = (ag_domain)dom;
        size_t n = d == AG_NODES ? ag_graph_node_count(g) : d == AG_EDGES ? ag_graph_edge_count(g) : 1;
        ck_assert_uint_eq(ag_graph_attr_count(h, d), ag_graph_attr_count(g, d));
        for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
            const char *name = ag_graph_attr_name(g, d, a);
            ck_assert_str_eq(ag_graph_attr_name(h, d, a), name);
            ck_assert_msg(ag_graph_attr_type(h, d, a) == ag_graph_attr_type(g, d, a), "%s: type %d, was %d", name,
                          ag_graph_attr_type(h, d, a), ag_graph_attr_type(g, d, a));
            for (size_t k = 0; k < n; k++) {
                ck_assert_int_eq(ag_graph_has_value(h, d, a, k), ag_graph_has_value(g, d, a, k));
                if (!ag_graph_has_value(g, d, a, k))
                    continue;
                if (ag_graph_attr_type(g, d, a) == AG_ATTR_STRING) {
                    ck_assert_str_eq(ag_graph_get_string(h, d, a, k), ag_graph_get_string(g, d, a, k));
                } else {
                    double x = ag_graph_get_number(g, d, a, k), y = ag_graph_get_number(h, d, a, k);
                    ck_assert_msg(x == y, "%s[%zu]: %.17g, was %.17g", name, k, y, x);
                }
            }
        }
    }
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_json_golden)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t len;
    char *got = tu_export_memory(g, AG_FORMAT_JSON, &len);
    tu_check_golden("golden/tricky.json", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* ag_export_file writes the stream's bytes, with no temporary left. */
START_TEST(test_json_file)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t flen, mlen;
    char *file, *mem;
    ck_assert_int_eq(ag_format_from_path("graph.json"), AG_FORMAT_JSON);
    file = write_file(g, AG_FORMAT_JSON, "out.json", &flen);
    mem = tu_export_memory(g, AG_FORMAT_JSON, &mlen);
    tu_assert_same("out.json", file, flen, mem, mlen);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    free(file);
    free(mem);
    ag_graph_free(g);
}
END_TEST

/* Written and read back, the graph is the same, control character and
 * all (JSON can hold it, unlike XML); integers stay integers. */
START_TEST(test_json_read_back)
{
    ag_graph *g = tu_tricky_graph(lex), *h;
    size_t len, note, x;
    free(write_file(g, AG_FORMAT_JSON, "rt.json", &len));
    h = read_back("rt.json");
    assert_same_graph(g, h);
    note = (size_t)ag_graph_attr_find(h, AG_NODES, "note");
    x = (size_t)ag_graph_attr_find(h, AG_NODES, "x");
    ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, note, 1), "ctl\x01 tab\t cr\r end");
    ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, note, 0), "line1\nline2");
    ck_assert(ag_graph_get_number(h, AG_NODES, x, 0) == 0.1);
    ck_assert(ag_graph_get_number(h, AG_NODES, x, 1) == 2.0);
    ck_assert(ag_graph_get_number(h, AG_NODES, x, 2) == 1e-9);
    ck_assert(ag_graph_get_number(h, AG_NODES, x, 3) == 1.0 / 3.0);
    ck_assert_int_eq(ag_graph_attr_type(h, AG_NODES, x), AG_ATTR_DOUBLE);
    ck_assert_int_eq(ag_graph_attr_type(h, AG_NODES, (size_t)ag_graph_attr_find(h, AG_NODES, "mentions")),
                     AG_ATTR_INT);
    ck_assert_int_eq(ag_graph_attr_type(h, AG_EDGES, (size_t)ag_graph_attr_find(h, AG_EDGES, "weight")),
                     AG_ATTR_DOUBLE);
    /* affiliation: a column with one value, absent elsewhere */
    ck_assert_int_eq(ag_graph_has_value(h, AG_NODES, (size_t)ag_graph_attr_find(h, AG_NODES, "affiliation"), 0), 0);
    ag_graph_free(h);
    ag_graph_free(g);
}
END_TEST

/* GraphML -> JSON -> GraphML and JSON -> GraphML -> JSON: the same bytes.
 * (The first GraphML has already turned the control character into
 * U+FFFD, which both formats then carry.) */
START_TEST(test_round_trips_byte_identical)
{
    ag_graph *g = tu_tricky_graph(lex), *h, *k, *m;
    size_t l1, l2, l3, l4;
    char *graphml1, *json1, *graphml2, *json2;

    graphml1 = write_file(g, AG_FORMAT_GRAPHML, "a.graphml", &l1);
    h = read_back("a.graphml");
    json1 = write_file(h, AG_FORMAT_JSON, "b.json", &l2);
    k = read_back("b.json");
    assert_same_graph(h, k);
    graphml2 = write_file(k, AG_FORMAT_GRAPHML, "c.graphml", &l3);
    tu_assert_same("GraphML -> JSON -> GraphML", graphml2, l3, graphml1, l1);

    m = read_back("c.graphml");
    json2 = write_file(m, AG_FORMAT_JSON, "d.json", &l4);
    tu_assert_same("JSON -> GraphML -> JSON", json2, l4, json1, l2);

    free(graphml1);
    free(json1);
    free(graphml2);
    free(json2);
    ag_graph_free(m);
    ag_graph_free(k);
    ag_graph_free(h);
    ag_graph_free(g);
}
END_TEST

/* The empty graph goes round too: its columns are declared in
 * "attributes", so they come back with no element to carry a value. */
START_TEST(test_empty_round_trip)
{
    ag_graph *g = tu_empty_graph(lex), *h;
    size_t l1, l2;
    char *a, *b;
    a = write_file(g, AG_FORMAT_JSON, "e.json", &l1);
    h = read_back("e.json");
    assert_same_graph(g, h);
    b = write_file(h, AG_FORMAT_JSON, "f.json", &l2);
    tu_assert_same("empty JSON -> JSON", b, l2, a, l1);
    free(a);
    free(b);
    ag_graph_free(h);
    ag_graph_free(g);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

/* An edge attribute named "source" would collide with the link's end:
 * refused before anything is written. */
START_TEST(test_json_reserved_edge_attribute)
{
    ag_graph *g = tu_tricky_graph(lex);
    char *buf = NULL;
    size_t n = 0, col;
    ag_error err;
    FILE *fp = open_memstream(&buf, &n);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, _i ? "target" : "source", AG_ATTR_STRING, &col, &err), AG_OK);
    ck_assert_int_eq(ag_export_stream(g, AG_FORMAT_JSON, fp, "mem", &err), AG_EINVAL);
    ck_assert_str_eq(err.file, "mem");
    ck_assert_ptr_nonnull(strstr(err.message, "\"source\" or \"target\""));
    fclose(fp);
    ck_assert_uint_eq(n, 0);
    free(buf);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_json_write_error)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_error err;
    FILE *fp = fopen("/dev/full", "w");
    if (!fp) {
        ag_graph_free(g);
        return;   /* no /dev/full on this system */
    }
    setvbuf(fp, NULL, _IONBF, 0);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_stream(g, AG_FORMAT_JSON, fp, "full", &err), AG_EIO);
    ck_assert_str_eq(err.file, "full");
    fclose(fp);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

START_TEST(test_json_empty_golden)
{
    ag_graph *g = tu_empty_graph(lex);
    size_t len;
    char *got = tu_export_memory(g, AG_FORMAT_JSON, &len);
    tu_check_golden("golden/empty.json", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* Values of every kind, on a two-node graph made by hand: a whole double
 * stays a real ("2.0"), a large integer is written in full, infinities
 * and NaN are left out (JSON has none), booleans are true/false, an empty
 * string is kept, every control character is escaped and invalid UTF-8
 * becomes U+FFFD. */
START_TEST(test_json_values)
{
    static const char want[] =
        "{\n"
        "  \"directed\": false,\n"
        "  \"multigraph\": false,\n"
        "  \"graph\": {\"big\": 1152921504606846976, \"neg\": -0.5},\n"
        "  \"attributes\": {\n"
        "    \"graph\": {\"big\": \"integer\", \"neg\": \"double\"},\n"
        "    \"nodes\": {\"id\": \"string\", \"d\": \"double\", \"b\": \"boolean\", \"s\": \"string\"},\n"
        "    \"links\": {\"w\": \"double\"}\n"
        "  },\n"
        "  \"nodes\": [\n"
        "    {\"id\": \"a\\\"\\\\\", \"d\": 2.0, \"b\": true, \"s\": \"\"},\n"
        "    {\"id\": \"\\u0001\\b\\f\\n\\r\\t\\u001f\xEF\xBF\xBD/\x7F\", \"b\": false, \"s\": \"\xC3\xA9\"}\n"
        "  ],\n"
        "  \"links\": [\n"
        "    {\"source\": \"a\\\"\\\\\", \"target\": \"\\u0001\\b\\f\\n\\r\\t\\u001f\xEF\xBF\xBD/\x7F\"}\n"
        "  ],\n"
        "  \"edges\": [\n"
        "    {\"source\": \"a\\\"\\\\\", \"target\": \"\\u0001\\b\\f\\n\\r\\t\\u001f\xEF\xBF\xBD/\x7F\"}\n"
        "  ]\n"
        "}\n";
    size_t from = 0, to = 1, c_id, c_d, c_b, c_s, c_w, c_big, c_neg, len;
    ag_graph *g = NULL;
    ag_error err;
    char *got;
    ck_assert_int_eq(ag__graph_new(2, 1, &from, &to, &g, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "id", AG_ATTR_STRING, &c_id, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "d", AG_ATTR_DOUBLE, &c_d, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "b", AG_ATTR_BOOL, &c_b, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "s", AG_ATTR_STRING, &c_s, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, "w", AG_ATTR_DOUBLE, &c_w, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_GRAPH, "big", AG_ATTR_INT, &c_big, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_GRAPH, "neg", AG_ATTR_DOUBLE, &c_neg, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c_id, 0, "a\"\\", &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c_id, 1, "\x01\b\f\n\r\t\x1f\xff/\x7f", &err), AG_OK);
    ag__graph_set_number(g, AG_NODES, c_d, 0, 2.0);
    ag__graph_set_number(g, AG_NODES, c_d, 1, INFINITY);
    ag__graph_set_number(g, AG_NODES, c_b, 0, 1);
    ag__graph_set_number(g, AG_NODES, c_b, 1, 0);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c_s, 0, "", &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c_s, 1, "\xC3\xA9", &err), AG_OK);
    ag__graph_set_number(g, AG_EDGES, c_w, 0, NAN);
    ag__graph_set_number(g, AG_GRAPH, c_big, 0, 1152921504606846976.0);   /* 2^60 */
    ag__graph_set_number(g, AG_GRAPH, c_neg, 0, -0.5);
    got = tu_export_memory(g, AG_FORMAT_JSON, &len);
    tu_assert_same("values", got, len, want, sizeof want - 1);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* The format's name and extension. */
START_TEST(test_json_format_name)
{
    ck_assert_int_eq(ag_format_parse("json"), AG_FORMAT_JSON);
    ck_assert_str_eq(ag_format_name(AG_FORMAT_JSON), "json");
    ck_assert_int_eq(ag_format_from_path("a.b/graph.json"), AG_FORMAT_JSON);
    ck_assert_int_eq(ag_format_from_path("graph.jsonl"), AG_FORMAT_UNKNOWN);
}
END_TEST

Suite *export_json_suite(void);
Suite *export_json_suite(void)
{
    Suite *s = suite_create("export_json");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_json_golden);
    tcase_add_test(core, test_json_file);
    tcase_add_test(core, test_json_read_back);
    tcase_add_test(core, test_round_trips_byte_identical);
    tcase_add_test(core, test_empty_round_trip);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_loop_test(errors, test_json_reserved_edge_attribute, 0, 2);
    tcase_add_test(errors, test_json_write_error);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_json_empty_golden);
    tcase_add_test(edge, test_json_values);
    tcase_add_test(edge, test_json_format_name);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(export_json_suite());
}

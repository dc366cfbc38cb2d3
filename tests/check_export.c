/*
 * check_export.c — the GraphML and DOT writers (export.c, export_graphml.c,
 * export_dot.c): byte-for-byte golden files for a small graph full of
 * strings that need escaping, numbers that must read back exactly, the
 * format names, atomic file output, and a GraphML round trip through
 * ag_graph_read_file().
 *
 * The golden files (tests/data/golden/tricky.*, empty.*) were written by
 * hand from the corpus described at tu_tricky_graph() (export_fixture.h); "@VERSION@" in them
 * stands for the library's version string.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_fixture.h"

static ag_lexicon *lex;
static char tmpdir[64];

/* A golden file with @VERSION@ (which every one of this suite's has)
 * made the library's version. */
static char *golden(const char *name, size_t *len)
{
    char *raw = tu_slurp(tu_data(name), NULL);
    ck_assert_msg(strstr(raw, "@VERSION@") != NULL, "%s lacks @VERSION@", name);
    free(raw);
    return tu_golden(name, len);
}

static void setup(void)
{
    lex = tu_lexicon(tu_tricky_lexicon);
    tu_tmpdir(tmpdir, sizeof tmpdir, "check_export");
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    tu_rm_tree(tmpdir);
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_graphml_golden)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t glen, wlen;
    char *got = tu_export_memory(g, AG_FORMAT_GRAPHML, &glen), *want;
    tu_update_golden("golden/tricky.graphml", got, glen);
    want = golden("golden/tricky.graphml", &wlen);
    tu_assert_same("tricky.graphml", got, glen, want, wlen);
    free(got);
    free(want);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_dot_golden)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t glen, wlen;
    char *got = tu_export_memory(g, AG_FORMAT_DOT, &glen), *want;
    tu_update_golden("golden/tricky.dot", got, glen);
    want = golden("golden/tricky.dot", &wlen);
    tu_assert_same("tricky.dot", got, glen, want, wlen);
    free(got);
    free(want);
    ag_graph_free(g);
}
END_TEST

/* ag_export_file writes the same bytes as the stream writer, and "-" is
 * not needed for that. */
static const struct {
    ag_format f;
    const char *file;
    const char *golden;
} file_cases[] = {
    { AG_FORMAT_GRAPHML, "out.graphml", "golden/tricky.graphml" },
    { AG_FORMAT_DOT, "out.dot", "golden/tricky.dot" },
    { AG_FORMAT_DOT, "out.gv", "golden/tricky.dot" },
};

START_TEST(test_export_file)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[128];
    size_t glen, wlen;
    char *got, *want;
    ag_error err;
    struct stat sb;
    mode_t old = umask(022);
    snprintf(path, sizeof path, "%s/%s", tmpdir, file_cases[_i].file);
    ck_assert_int_eq(ag_format_from_path(path), file_cases[_i].f);
    ck_assert_int_eq(ag_export_file(g, file_cases[_i].f, path, &err), AG_OK);
    umask(old);
    got = tu_slurp(path, &glen);
    want = golden(file_cases[_i].golden, &wlen);
    tu_assert_same(file_cases[_i].file, got, glen, want, wlen);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);   /* no temporary left beside it */
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_uint_eq(sb.st_mode & 0777, 0644);
    free(got);
    free(want);
    ag_graph_free(g);
}
END_TEST

/* Export, read back: the same nodes, edges, attribute names, types (ints
 * stay ints) and values, the numbers bit for bit. */
START_TEST(test_graphml_round_trip)
{
    ag_graph *g = tu_tricky_graph(lex), *h = NULL;
    char path[128];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/rt.graphml", tmpdir);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GRAPHML, path, &err), AG_OK);
    ck_assert_msg(ag_graph_read_file(path, &h, &err) == AG_OK, "read failed: %s", err.message);

    ck_assert_uint_eq(ag_graph_node_count(h), 4);
    ck_assert_uint_eq(ag_graph_edge_count(h), 4);
    for (size_t v = 0; v < 4; v++)
        ck_assert_str_eq(ag_graph_node_id(h, v), ag_graph_node_id(g, v));
    for (size_t e = 0; e < 4; e++) {
        size_t a, b, c, d;
        ag_graph_edge_ends(g, e, &a, &b);
        ag_graph_edge_ends(h, e, &c, &d);
        ck_assert_uint_eq(a, c);
        ck_assert_uint_eq(b, d);
    }
    for (int dom = 0; dom < 3; dom++) {
        ag_domain d = (ag_domain)dom;
        size_t n = d == AG_NODES ? 4 : d == AG_EDGES ? 4 : 1;
        ck_assert_uint_eq(ag_graph_attr_count(h, d), ag_graph_attr_count(g, d));
        for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
            const char *name = ag_graph_attr_name(g, d, a);
            long b = ag_graph_attr_find(h, d, name);
            ck_assert_msg(b >= 0, "attribute %s lost", name);
            ck_assert_msg(ag_graph_attr_type(h, d, (size_t)b) == ag_graph_attr_type(g, d, a),
                          "attribute %s: type %d, was %d", name, ag_graph_attr_type(h, d, (size_t)b),
                          ag_graph_attr_type(g, d, a));
            for (size_t k = 0; k < n; k++) {
                if (ag_graph_attr_type(g, d, a) == AG_ATTR_STRING) {
                    const char *x = ag_graph_get_string(g, d, a, k), *y = ag_graph_get_string(h, d, (size_t)b, k);
                    if (!x) {
                        /* an absent string (no affiliation) is left out and reads back absent */
                        ck_assert_msg(y == NULL, "%s[%zu]: \"%s\", was absent", name, k, y);
                        ck_assert_int_eq(ag_graph_has_value(h, d, (size_t)b, k), 0);
                        continue;
                    }
                    ck_assert_ptr_nonnull(y);
                    if (strcmp(name, "note") == 0 && k == 1)
                        continue;   /* the control character, checked below */
                    ck_assert_msg(strcmp(x, y) == 0, "%s[%zu]: \"%s\", was \"%s\"", name, k, y, x);
                } else {
                    double x = ag_graph_get_number(g, d, a, k), y = ag_graph_get_number(h, d, (size_t)b, k);
                    if (isnan(x))
                        ck_assert_msg(isnan(y), "%s[%zu]: %.17g, was missing", name, k, y);
                    else
                        ck_assert_msg(x == y, "%s[%zu]: %.17g, was %.17g", name, k, y, x);
                }
            }
        }
    }
    /* the numbers as written: 0.1, 2, 1e-9, 1/3 come back exactly */
    {
        size_t x = (size_t)ag_graph_attr_find(h, AG_NODES, "x");
        ck_assert(ag_graph_get_number(h, AG_NODES, x, 0) == 0.1);
        ck_assert(ag_graph_get_number(h, AG_NODES, x, 1) == 2.0);
        ck_assert(ag_graph_get_number(h, AG_NODES, x, 2) == 1e-9);
        ck_assert(ag_graph_get_number(h, AG_NODES, x, 3) == 1.0 / 3.0);
    }
    /* the newline, tab and carriage return survive; the control character
     * became U+FFFD on the way out */
    {
        size_t note = (size_t)ag_graph_attr_find(h, AG_NODES, "note");
        ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, note, 0), "line1\nline2");
        ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, note, 1), "ctl\xEF\xBF\xBD tab\t cr\r end");
    }
    ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, (size_t)ag_graph_attr_find(h, AG_NODES, "label"), 0),
                     "Azerbaijan <\"Baku\"> & 'Co'");
    ck_assert_str_eq(ag_graph_get_string(h, AG_NODES, (size_t)ag_graph_attr_find(h, AG_NODES, "label"), 1),
                     "back\\slash");
    ck_assert_int_eq(ag_graph_attr_type(h, AG_GRAPH, (size_t)ag_graph_attr_find(h, AG_GRAPH, "windows")),
                     AG_ATTR_INT);
    ck_assert_double_eq(ag_graph_get_number(h, AG_GRAPH, (size_t)ag_graph_attr_find(h, AG_GRAPH, "windows"), 0), 5);
    ag_graph_free(h);
    ag_graph_free(g);
}
END_TEST

/* Graphviz's "weight" takes whole numbers only: with npmi as the weight
 * (tricky_graph's values in the comment above it) no edge has one, and the
 * measures are there under their own names. Pen widths scale the weight
 * between the lightest (AZE-Ellada, -0.292) and the heaviest (AZE-power,
 * 0.139) edge: 0.5 + 5.5 (w - min) / (max - min). */
START_TEST(test_dot_weight_whole_numbers_only)
{
    /* each edge line up to its npmi value: no weight between the pen width and the counts */
    static const char *const want[] = {
        "\n  \"AZE\" -- \"EU\" [penwidth=1.688, \"count\"=\"2\", \"docs\"=\"1\", \"npmi\"=\"-0.19897784671578994\"",
        "\n  \"AZE\" -- \"samantha-power\" [penwidth=6.000, \"count\"=\"1\", \"docs\"=\"1\", "
        "\"npmi\"=\"0.13864688385321391\"",
        "\n  \"AZE\" -- \"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1\" [penwidth=0.500, \"count\"=\"1\", \"docs\"=\"1\", "
        "\"npmi\"=\"-0.29202967422017917\"",
        "\n  \"EU\" -- \"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1\" [penwidth=2.783, \"count\"=\"1\", \"docs\"=\"1\", "
        "\"npmi\"=\"-0.11328275255937834\"",
    };
    ag_graph_options o = AG_GRAPH_OPTIONS_INIT;
    ag_cooc *c = tu_tricky_cooc(lex);
    ag_graph *g = NULL;
    ag_error err;
    size_t len;
    char *got;

    o.weight = AG_MEASURE_NPMI;
    ck_assert_int_eq(ag_graph_build(lex, c, &o, &g, &err), AG_OK);
    got = tu_export_memory(g, AG_FORMAT_DOT, &len);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(got, want[i]) != NULL, "no line starting%s in\n%s", want[i], got);
    ck_assert_ptr_null(strstr(got, "weight="));
    free(got);
    ag_graph_free(g);

    /* dice: positive, never whole but for 1 -- no weight either */
    g = NULL;
    o.weight = AG_MEASURE_DICE;
    ck_assert_int_eq(ag_graph_build(lex, c, &o, &g, &err), AG_OK);
    got = tu_export_memory(g, AG_FORMAT_DOT, &len);
    ck_assert_ptr_null(strstr(got, "weight="));
    ck_assert_ptr_nonnull(strstr(got, "\n  \"AZE\" -- \"EU\" [penwidth=6.000, \"count\"=\"2\", "));
    free(got);
    ag_graph_free(g);
    ag_cooc_free(c);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

START_TEST(test_missing_directory)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[160];
    ag_error err;
    struct stat sb;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/no/such/dir/out.graphml", tmpdir);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GRAPHML, path, &err), AG_EIO);
    ck_assert_int_eq(err.status, AG_EIO);
    ck_assert_str_eq(err.file, path);
    ck_assert(err.message[0] != '\0');
    ck_assert_int_ne(stat(path, &sb), 0);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 0);
    ag_graph_free(g);
}
END_TEST

/* A failed export leaves an existing file as it was and no temporary;
 * a successful one replaces it. */
START_TEST(test_replace_only_on_success)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[128], *got, *want;
    size_t glen, wlen;
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/keep.graphml", tmpdir);
    tu_write_text(path, "previous contents\n");
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_UNKNOWN, path, &err), AG_EINVAL);
    got = tu_slurp(path, NULL);
    ck_assert_str_eq(got, "previous contents\n");
    free(got);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);

    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GRAPHML, path, &err), AG_OK);
    got = tu_slurp(path, &glen);
    want = golden("golden/tricky.graphml", &wlen);
    tu_assert_same("replaced file", got, glen, want, wlen);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    free(got);
    free(want);
    ag_graph_free(g);
}
END_TEST

/* The target is a directory: the rename fails, the temporary goes. */
START_TEST(test_target_is_directory)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[128], inner[160];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/taken.graphml", tmpdir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(inner, sizeof inner, "%s/x", path);
    tu_write_text(inner, "x");
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GRAPHML, path, &err), AG_EIO);
    ck_assert_str_eq(err.file, path);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    ck_assert_uint_eq(tu_dir_entries(path), 1);
    ag_graph_free(g);
}
END_TEST

/* Every write failing (an unbuffered stream on /dev/full) is AG_EIO. */
START_TEST(test_write_error)
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
    ck_assert_int_eq(ag_export_stream(g, _i ? AG_FORMAT_DOT : AG_FORMAT_GRAPHML, fp, "full", &err), AG_EIO);
    ck_assert_str_eq(err.file, "full");
    fclose(fp);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_unknown_format_stream)
{
    ag_graph *g = tu_tricky_graph(lex);
    char *buf = NULL;
    size_t n = 0;
    ag_error err;
    FILE *fp = open_memstream(&buf, &n);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_stream(g, AG_FORMAT_UNKNOWN, fp, "mem", &err), AG_EINVAL);
    ck_assert_int_eq(ag_export_stream(g, (ag_format)42, fp, "mem", &err), AG_EINVAL);
    fclose(fp);
    ck_assert_uint_eq(n, 0);   /* nothing written */
    free(buf);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

static const struct {
    const char *path;
    ag_format f;
} path_cases[] = {
    { "graph.graphml", AG_FORMAT_GRAPHML },
    { "out/graph.dot", AG_FORMAT_DOT },
    { "graph.gv", AG_FORMAT_DOT },
    { "/a.b/c.tar.dot", AG_FORMAT_DOT },
    { "dir.graphml/graph", AG_FORMAT_UNKNOWN },
    { "graph", AG_FORMAT_UNKNOWN },
    { "graph.json", AG_FORMAT_JSON },
    { "graph.gexf", AG_FORMAT_GEXF },
    { "graph.csv", AG_FORMAT_CSV },
    { "graph.xml", AG_FORMAT_UNKNOWN },
    { "graph.graphml.bak", AG_FORMAT_UNKNOWN },
    { "graph.", AG_FORMAT_UNKNOWN },
    { "-", AG_FORMAT_UNKNOWN },
    { "", AG_FORMAT_UNKNOWN },
    { "Graph.GraphML", AG_FORMAT_GRAPHML },
    { "GRAPH.DOT", AG_FORMAT_DOT },
    { "g.Json", AG_FORMAT_JSON },
    { "g.graphmlgraphmlgraphml", AG_FORMAT_UNKNOWN },
};

START_TEST(test_format_from_path)
{
    ck_assert_msg(ag_format_from_path(path_cases[_i].path) == path_cases[_i].f, "%s: %d, expected %d",
                  path_cases[_i].path, ag_format_from_path(path_cases[_i].path), path_cases[_i].f);
}
END_TEST

START_TEST(test_format_names)
{
    ck_assert_int_eq(ag_format_parse("graphml"), AG_FORMAT_GRAPHML);
    ck_assert_int_eq(ag_format_parse("dot"), AG_FORMAT_DOT);
    ck_assert_int_eq(ag_format_parse("gv"), AG_FORMAT_DOT);
    ck_assert_int_eq(ag_format_parse("xml"), AG_FORMAT_UNKNOWN);
    ck_assert_int_eq(ag_format_parse(""), AG_FORMAT_UNKNOWN);
    ck_assert_str_eq(ag_format_name(AG_FORMAT_GRAPHML), "graphml");
    ck_assert_str_eq(ag_format_name(AG_FORMAT_DOT), "dot");
    ck_assert_str_eq(ag_format_name(AG_FORMAT_UNKNOWN), "unknown");
}
END_TEST

/* No documents: every column is still declared; DOT has no statements. */
START_TEST(test_empty_graph_golden)
{
    ag_graph *g = tu_empty_graph(lex);
    size_t glen, wlen;
    char *got = tu_export_memory(g, AG_FORMAT_GRAPHML, &glen), *want;
    tu_update_golden("golden/empty.graphml", got, glen);
    want = golden("golden/empty.graphml", &wlen);
    tu_assert_same("empty.graphml", got, glen, want, wlen);
    free(got);
    free(want);
    got = tu_export_memory(g, AG_FORMAT_DOT, &glen);
    tu_update_golden("golden/empty.dot", got, glen);
    want = golden("golden/empty.dot", &wlen);
    tu_assert_same("empty.dot", got, glen, want, wlen);
    free(got);
    free(want);
    ag_graph_free(g);
}
END_TEST

/* A graph from another tool (no label, type or mentions): DOT falls back
 * to the id as label and the neutral look; every edge has the same pen. */
START_TEST(test_dot_of_foreign_graph)
{
    ag_graph *g = NULL;
    ag_error err;
    size_t len;
    char *got;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(tu_data("golden/centrality_triangle.graphml"), &g, &err) == AG_OK, "%s",
                  err.message);
    got = tu_export_memory(g, AG_FORMAT_DOT, &len);
    ck_assert_ptr_nonnull(strstr(got, "\n  \"x\" [label=\"x\", shape=ellipse, style=\"filled\", fillcolor=\"#d9d9d9\", "
                                      "width=0.400, height=0.300, fontsize=9.0];\n"));
    ck_assert_ptr_nonnull(strstr(got, "\n  \"x\" -- \"y\" [penwidth=3.250, weight=\"1\"];\n"));
    ck_assert_ptr_nonnull(strstr(got, "\n  \"y\" -- \"z\" [penwidth=3.250, weight=\"1\"];\n"));
    free(got);
    ag_graph_free(g);
}
END_TEST

/* A graph from another tool whose node ids and attribute names are not XML
 * name tokens ("New York", "Baku 2", "party name": the XSD wants NMTOKENs,
 * igraph reads them anyway): every node gets an "ag-node-N" XML id (AZE
 * keeps its own) with the original id as "id" data, the attribute name
 * becomes "party_name", and the output validates against the GraphML XSD
 * when xmllint and ../shared's copy of the XSD are there. */
START_TEST(test_graphml_foreign_ids)
{
    static const char xsd[] = AG_SHARED_DIR "/data/xsd-graphml/relative/graphml.xsd";
    ag_graph *g = NULL, *h = NULL;
    ag_error err;
    char path[128], cmd[512];
    size_t glen, wlen;
    char *got, *want;
    struct stat sb;

    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(tu_data("golden/foreign_ids.graphml"), &g, &err) == AG_OK, "%s", err.message);
    ck_assert_str_eq(ag_graph_node_id(g, 0), "New York");
    ck_assert_str_eq(ag_graph_attr_name(g, AG_NODES, 1), "party name");
    got = tu_export_memory(g, AG_FORMAT_GRAPHML, &glen);
    want = golden("golden/foreign_ids.expected.graphml", &wlen);
    tu_assert_same("foreign_ids.expected.graphml", got, glen, want, wlen);
    free(got);
    free(want);

    /* written to a file, it reads back with the original ids */
    snprintf(path, sizeof path, "%s/foreign.graphml", tmpdir);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GRAPHML, path, &err), AG_OK);
    ck_assert_msg(ag_graph_read_file(path, &h, &err) == AG_OK, "%s", err.message);
    ck_assert_uint_eq(ag_graph_node_count(h), 3);
    ck_assert_str_eq(ag_graph_node_id(h, 0), "New York");
    ck_assert_str_eq(ag_graph_node_id(h, 1), "Baku 2");
    ck_assert_str_eq(ag_graph_node_id(h, 2), "AZE");
    ck_assert_int_ge(ag_graph_attr_find(h, AG_NODES, "party_name"), 0);
    ag_graph_free(h);

    if (stat(xsd, &sb) == 0 && system("command -v xmllint >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "xmllint --nonet --noout --schema '%s' '%s' 2>/dev/null", xsd, path);
        ck_assert_msg(system(cmd) == 0, "the GraphML XSD rejects the export (%s)", cmd);
    }
    ag_graph_free(g);
}
END_TEST

Suite *export_suite(void);
Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_graphml_golden);
    tcase_add_test(core, test_dot_golden);
    tcase_add_loop_test(core, test_export_file, 0, (int)(sizeof file_cases / sizeof file_cases[0]));
    tcase_add_test(core, test_graphml_round_trip);
    tcase_add_test(core, test_dot_weight_whole_numbers_only);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_test(errors, test_missing_directory);
    tcase_add_test(errors, test_replace_only_on_success);
    tcase_add_test(errors, test_target_is_directory);
    tcase_add_loop_test(errors, test_write_error, 0, 2);
    tcase_add_test(errors, test_unknown_format_stream);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_loop_test(edge, test_format_from_path, 0, (int)(sizeof path_cases / sizeof path_cases[0]));
    tcase_add_test(edge, test_format_names);
    tcase_add_test(edge, test_empty_graph_golden);
    tcase_add_test(edge, test_dot_of_foreign_graph);
    tcase_add_test(edge, test_graphml_foreign_ids);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(export_suite());
}

/*
 * check_graph_read_json.c — reading node-link JSON (graph_read_json.c,
 * through ag_graph_read_file): files networkx wrote (tests/data/convert/
 * networkx.json with "edges", as networkx 3.6 writes it, and
 * networkx_links.json with "links", as earlier versions do), types found
 * from the values, declarations in "attributes" kept, the format found by
 * content, and every error with the file, line and column of the value at
 * fault.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static char tmpdir[64];

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/check_graph_read_json.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Writes text to tmpdir/name; returns the path (static). */
static const char *write_text(const char *name, const char *text)
{
    static char path[160];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static ag_graph *read_ok(const char *path)
{
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(path, &g, &err) == AG_OK, "%s: %s", path, err.message);
    return g;
}

static size_t column(const ag_graph *g, ag_domain d, const char *name, ag_attr_type type)
{
    long a = ag_graph_attr_find(g, d, name);
    ck_assert_msg(a >= 0, "no attribute %s", name);
    ck_assert_msg(ag_graph_attr_type(g, d, (size_t)a) == type, "%s: type %d, expected %d", name,
                  ag_graph_attr_type(g, d, (size_t)a), type);
    return (size_t)a;
}

/* --- core ------------------------------------------------------------------ */

/* What networkx wrote, under "edges" (3.6) or "links" (before): integer
 * ids as text, integers stay integers, integers mixed with reals become
 * doubles, booleans, a list as its JSON text, null as missing (a column
 * with nothing but null is a column of missing strings), columns in the
 * order their keys first appear, after the ids. */
START_TEST(test_networkx_file)
{
    static const char *const files[] = { "convert/networkx.json", "convert/networkx_links.json" };
    static const char *const names[] = { "id", "label", "size", "score", "ok", "tags", "note" };
    ag_graph *g = read_ok(tu_data(files[_i]));
    size_t a, b, c;

    ck_assert_uint_eq(ag_graph_node_count(g), 3);
    ck_assert_uint_eq(ag_graph_edge_count(g), 2);
    ck_assert_str_eq(ag_graph_node_id(g, 0), "1");
    ck_assert_str_eq(ag_graph_node_id(g, 2), "3");
    ag_graph_edge_ends(g, 0, &a, &b);
    ck_assert_uint_eq(a, 0);
    ck_assert_uint_eq(b, 1);
    ag_graph_edge_ends(g, 1, &a, &b);
    ck_assert_uint_eq(a, 1);
    ck_assert_uint_eq(b, 2);

    ck_assert_uint_eq(ag_graph_attr_count(g, AG_NODES), 7);
    for (size_t i = 0; i < 7; i++)
        ck_assert_str_eq(ag_graph_attr_name(g, AG_NODES, i), names[i]);
    c = column(g, AG_NODES, "label", AG_ATTR_STRING);
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, c, 2), "Three, \"quoted\"");
    c = column(g, AG_NODES, "size", AG_ATTR_INT);
    ck_assert(ag_graph_get_number(g, AG_NODES, c, 1) == 4);
    c = column(g, AG_NODES, "score", AG_ATTR_DOUBLE);
    ck_assert(ag_graph_get_number(g, AG_NODES, c, 0) == 0.5);
    ck_assert(ag_graph_get_number(g, AG_NODES, c, 1) == 2);
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, c, 2), 0);
    c = column(g, AG_NODES, "ok", AG_ATTR_BOOL);
    ck_assert(ag_graph_get_number(g, AG_NODES, c, 0) == 1);
    ck_assert(ag_graph_get_number(g, AG_NODES, c, 1) == 0);
    c = column(g, AG_NODES, "tags", AG_ATTR_STRING);
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, c, 0), "[\"a\",\"b\"]");
    c = column(g, AG_NODES, "note", AG_ATTR_STRING);
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, c, 0), 0);

    c = column(g, AG_EDGES, "weight", AG_ATTR_DOUBLE);
    ck_assert(ag_graph_get_number(g, AG_EDGES, c, 0) == 2.5);
    ck_assert(ag_graph_get_number(g, AG_EDGES, c, 1) == 1);
    c = column(g, AG_EDGES, "count", AG_ATTR_INT);
    ck_assert(ag_graph_get_number(g, AG_EDGES, c, 0) == 3);
    c = column(g, AG_GRAPH, "name", AG_ATTR_STRING);
    ck_assert_str_eq(ag_graph_get_string(g, AG_GRAPH, c, 0), "made by networkx");
    ag_graph_free(g);
}
END_TEST

/* "attributes" fixes order and types: a declared column without any
 * value exists; a double holds an integer; an undeclared key follows the
 * declared ones; "id" may be declared anywhere. */
START_TEST(test_declarations)
{
    const char *path = write_text("decl.json",
        "{\"attributes\": {\"nodes\": {\"w\": \"double\", \"id\": \"string\", \"empty\": \"boolean\"},\n"
        "                \"links\": {\"k\": \"integer\"}, \"graph\": {\"g\": \"string\"}},\n"
        " \"graph\": {},\n"
        " \"nodes\": [{\"id\": \"a\", \"extra\": 1, \"w\": 3}, {\"id\": \"b\", \"w\": 0.25}],\n"
        " \"links\": [{\"source\": \"b\", \"target\": \"a\", \"k\": 4.0}]}\n");
    ag_graph *g = read_ok(path);
    static const char *const names[] = { "w", "id", "empty", "extra" };
    size_t a, b;
    ck_assert_uint_eq(ag_graph_attr_count(g, AG_NODES), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(ag_graph_attr_name(g, AG_NODES, i), names[i]);
    ck_assert(ag_graph_get_number(g, AG_NODES, column(g, AG_NODES, "w", AG_ATTR_DOUBLE), 0) == 3);
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, column(g, AG_NODES, "empty", AG_ATTR_BOOL), 0), 0);
    column(g, AG_NODES, "extra", AG_ATTR_INT);
    ck_assert_str_eq(ag_graph_node_id(g, 1), "b");
    ck_assert(ag_graph_get_number(g, AG_EDGES, column(g, AG_EDGES, "k", AG_ATTR_INT), 0) == 4);
    ck_assert_int_eq(ag_graph_has_value(g, AG_GRAPH, column(g, AG_GRAPH, "g", AG_ATTR_STRING), 0), 0);
    ag_graph_edge_ends(g, 0, &a, &b);
    ck_assert_uint_eq(a, 0);   /* undirected: the ends in node order */
    ck_assert_uint_eq(b, 1);
    ag_graph_free(g);
}
END_TEST

/* The content decides, not the name: JSON (after a byte-order mark and
 * blank lines) in a file called .graphml is JSON; an empty or junk .json
 * file is malformed JSON, not malformed GraphML. */
START_TEST(test_detection)
{
    ag_graph *g = read_ok(write_text("in.graphml", "\xEF\xBB\xBF\n\n  {\"nodes\": [{\"id\": \"x\"}], \"links\": []}"));
    ag_error err;
    ck_assert_uint_eq(ag_graph_node_count(g), 1);
    ck_assert_str_eq(ag_graph_node_id(g, 0), "x");
    ag_graph_free(g);
    g = NULL;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_graph_read_file(write_text("empty.json", ""), &g, &err), AG_ESYNTAX);
    ck_assert_ptr_null(g);
    ck_assert_ptr_nonnull(strstr(err.message, "malformed JSON"));
    ck_assert_int_eq(ag_graph_read_file(write_text("blank.json", " \n"), &g, &err), AG_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.message, "malformed JSON"));
    ck_assert_int_eq(ag_graph_read_file(write_text("junk.json", "nonsense"), &g, &err), AG_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.message, "malformed JSON"));
    ck_assert_uint_eq(err.line, 1);
    /* junk in a file named otherwise is reported as not GraphML */
    ck_assert_int_eq(ag_graph_read_file(write_text("junk.txt", "nonsense"), &g, &err), AG_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.message, "GraphML"));
    /* and GraphML is still GraphML */
    g = read_ok(tu_data("golden/centrality_triangle.graphml"));
    ck_assert_uint_eq(ag_graph_node_count(g), 3);
    ag_graph_free(g);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

static const struct {
    const char *text;
    ag_status status;
    unsigned long line, column;
    const char *message;
} bad[] = {
    /* malformed: jansson's position */
    { "{\"nodes\": [", AG_ESYNTAX, 1, 11, "malformed JSON" },
    { "{\"nodes\": [],\n \"nodes\": []}", AG_ESYNTAX, 2, 8, "duplicate object key" },
    { "{\"nodes\": [{\"id\": \"a\\u0000b\"}]}", AG_ESYNTAX, 1, 28, "\\u0000 is not allowed" },
    { "{\"nodes\": [{\"id\": 99999999999999999999}]}", AG_ESYNTAX, 1, 38, "too big integer" },
    /* not a graph: the position of the value at fault */
    { "[1, 2]", AG_ESCHEMA, 1, 1, "a node-link graph is an object" },
    { "{\"links\": []}", AG_ESCHEMA, 1, 1, "needs a \"nodes\" list" },
    { "{\"nodes\": {}}", AG_ESCHEMA, 1, 11, "\"nodes\" must be a list, not an object" },
    { "{\"nodes\": [], \"links\": 3}", AG_ESCHEMA, 1, 24, "\"links\" must be a list, not an integer" },
    { "{\"nodes\": [], \"graph\": []}", AG_ESCHEMA, 1, 24, "\"graph\" must be an object" },
    { "{\"nodes\": [{\"id\": \"a\"}, 7]}", AG_ESCHEMA, 1, 25, "every member of \"nodes\" must be an object, not an integer" },
    { "{\"nodes\": [\n  {\"name\": \"a\"}]}", AG_ESCHEMA, 2, 3, "every node needs an \"id\"" },
    { "{\"nodes\": [{\"id\": 1.5}]}", AG_ESCHEMA, 1, 19, "a node id must be a string or an integer, not a real number" },
    { "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"a\"}\n]}", AG_ESCHEMA, 3, 10, "node id \"a\" is used twice (first by nodes[0])" },
    { "{\"nodes\": [{\"id\": 1}, {\"id\": \"1\"}]}", AG_ESCHEMA, 1, 30, "node id \"1\" is used twice" },
    { "{\"nodes\": [{\"id\": \"a\"}],\n \"links\": [{\"source\": \"a\", \"target\": \"zz\"}]}", AG_ESCHEMA, 2, 38,
      "no node has the id \"zz\"" },
    { "{\"nodes\": [{\"id\": \"a\"}],\n \"edges\": [{\"source\": \"a\"}]}", AG_ESCHEMA, 2, 12, "every link needs a \"target\"" },
    { "{\"nodes\": [{\"id\": \"a\"}], \"links\": [[]]}", AG_ESCHEMA, 1, 36, "every member of \"links\" must be an object, not an array" },
    { "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": true}]}", AG_ESCHEMA, 1, 62,
      "a link's \"target\" must be a node id, not a boolean" },
    { "{\"nodes\": [{\"id\": \"a\", \"x\": 1},\n           {\"id\": \"b\", \"x\": \"one\"}]}", AG_ESCHEMA, 2, 29,
      "attribute \"x\" is a string here but a number in nodes[0]" },
    { "{\"nodes\": [{\"id\": \"a\", \"x\": true}, {\"id\": \"b\", \"x\": 2}]}", AG_ESCHEMA, 1, 53,
      "attribute \"x\" is an integer here but a boolean in nodes[0]" },
    { "{\"attributes\": {\"nodes\": {\"x\": \"integer\"}},\n \"nodes\": [{\"id\": \"a\", \"x\": 1.5}]}", AG_ESCHEMA, 2, 29,
      "attribute \"x\" is declared integer but this value is a real number" },
    { "{\"attributes\": {\"links\": {\"w\": \"float\"}}, \"nodes\": []}", AG_ESCHEMA, 1, 32,
      "the type of attribute \"w\" must be" },
    { "{\"attributes\": {\"nodes\": {\"id\": \"integer\"}}, \"nodes\": []}", AG_ESCHEMA, 1, 33, "node ids are strings" },
    { "{\"attributes\": [], \"nodes\": []}", AG_ESCHEMA, 1, 16, "\"attributes\" must be an object" },
};

START_TEST(test_errors)
{
    char name[32];
    const char *path;
    ag_graph *g = (ag_graph *)&g;
    ag_error err;
    snprintf(name, sizeof name, "bad%d.json", _i);
    path = write_text(name, bad[_i].text);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_graph_read_file(path, &g, &err), bad[_i].status);
    ck_assert_ptr_null(g);
    ck_assert_int_eq(err.status, bad[_i].status);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(strstr(err.message, bad[_i].message) != NULL, "case %d: \"%s\" lacks \"%s\"", _i, err.message,
                  bad[_i].message);
    ck_assert_msg(err.line == bad[_i].line && err.column == bad[_i].column, "case %d (%s): at %lu:%lu, expected %lu:%lu",
                  _i, err.message, err.line, err.column, bad[_i].line, bad[_i].column);
}
END_TEST

START_TEST(test_missing_file)
{
    ag_graph *g = NULL;
    ag_error err;
    char path[128];
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/absent.json", tmpdir);
    ck_assert_int_eq(ag_graph_read_file(path, &g, &err), AG_ENOENT);
    ck_assert_str_eq(err.file, path);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

/* "directed" and "multigraph" do not change anything: edges are taken as
 * undirected (ends in node order), parallel edges kept, self-loops too;
 * "links" wins over "edges" when both are there; ids may be integers on
 * one side and strings on the other. */
START_TEST(test_directed_multigraph)
{
    ag_graph *g = read_ok(write_text("multi.json",
        "{\"directed\": true, \"multigraph\": true, \"nodes\": [{\"id\": \"b\"}, {\"id\": 7}],\n"
        " \"links\": [{\"source\": \"7\", \"target\": \"b\", \"key\": 0}, {\"source\": 7, \"target\": \"b\", \"key\": 1},\n"
        "           {\"source\": \"b\", \"target\": \"b\", \"key\": 0}],\n"
        " \"edges\": []}"));
    size_t a, b;
    ck_assert_uint_eq(ag_graph_edge_count(g), 3);
    for (size_t e = 0; e < 2; e++) {
        ag_graph_edge_ends(g, e, &a, &b);
        ck_assert_uint_eq(a, 0);
        ck_assert_uint_eq(b, 1);
    }
    ag_graph_edge_ends(g, 2, &a, &b);
    ck_assert_uint_eq(a, 0);
    ck_assert_uint_eq(b, 0);
    ck_assert(ag_graph_get_number(g, AG_EDGES, column(g, AG_EDGES, "key", AG_ATTR_INT), 1) == 1);
    ck_assert_str_eq(ag_graph_node_id(g, 1), "7");
    ag_graph_free(g);
}
END_TEST

/* Nodes only; an empty graph; strings with escapes and non-ASCII. */
START_TEST(test_small_graphs)
{
    ag_graph *g = read_ok(write_text("nodes.json", "{\"nodes\": [{\"id\": \"\\u00e9\\n\\\"\", \"o\": {\"k\": [1, null]}}]}"));
    ck_assert_uint_eq(ag_graph_edge_count(g), 0);
    ck_assert_str_eq(ag_graph_node_id(g, 0), "\xC3\xA9\n\"");
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, column(g, AG_NODES, "o", AG_ATTR_STRING), 0),
                     "{\"k\":[1,null]}");
    ag_graph_free(g);
    g = read_ok(write_text("none.json", "{\"nodes\": []}"));
    ck_assert_uint_eq(ag_graph_node_count(g), 0);
    ck_assert_uint_eq(ag_graph_attr_count(g, AG_NODES), 1);   /* the ids */
    ag_graph_free(g);
}
END_TEST

Suite *graph_read_json_suite(void);
Suite *graph_read_json_suite(void)
{
    Suite *s = suite_create("graph_read_json");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_loop_test(core, test_networkx_file, 0, 2);
    tcase_add_test(core, test_declarations);
    tcase_add_test(core, test_detection);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_loop_test(errors, test_errors, 0, (int)(sizeof bad / sizeof bad[0]));
    tcase_add_test(errors, test_missing_file);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_directed_multigraph);
    tcase_add_test(edge, test_small_graphs);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(graph_read_json_suite());
}

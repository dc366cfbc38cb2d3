/*
 * check_export_gexf.c — the GEXF 1.3 writer (export_gexf.c): byte-for-byte
 * golden files for the small graph full of strings that need escaping
 * that check_export.c uses, colours by type and by community, sizes by
 * mentions, a graph from another tool, the XSD (viz elements apart, as
 * agcheck does: the published 1.3 schema mis-declares them), and write
 * errors.
 *
 * The golden files (tests/data/golden/tricky.gexf, empty.gexf) were
 * checked by hand against the corpus described at tu_tricky_graph() (export_fixture.h); in them
 * "@VERSION@" stands for the library's version. AG_UPDATE_GOLDEN=1
 * rewrites them from the current output instead of comparing (then read
 * the diff).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_fixture.h"
#include "export_internal.h"
#include "graph_internal.h"

static ag_lexicon *lex;
static char tmpdir[64];

static void setup(void)
{
    lex = tu_lexicon(tu_tricky_lexicon);
    tu_tmpdir(tmpdir, sizeof tmpdir, "check_export_gexf");
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    tu_rm_tree(tmpdir);
}

/* The <node ...> element of the node with this XML id, up to </node>. */
static char *node_block(const char *gexf, const char *id)
{
    char open[128];
    const char *p, *q;
    snprintf(open, sizeof open, "<node id=\"%s\"", id);
    p = strstr(gexf, open);
    ck_assert_msg(p != NULL, "no node %s", id);
    q = strstr(p, "</node>");
    ck_assert_ptr_nonnull(q);
    return strndup(p, (size_t)(q - p));
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_gexf_golden)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t len;
    char *got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    tu_check_golden("golden/tricky.gexf", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* ag_export_file writes the stream's bytes, with no temporary left. */
START_TEST(test_gexf_file)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[128], *file, *mem;
    size_t flen, mlen;
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/out.gexf", tmpdir);
    ck_assert_int_eq(ag_format_from_path(path), AG_FORMAT_GEXF);
    ck_assert_msg(ag_export_file(g, AG_FORMAT_GEXF, path, &err) == AG_OK, "%s", err.message);
    file = tu_slurp(path, &flen);
    mem = tu_export_memory(g, AG_FORMAT_GEXF, &mlen);
    tu_assert_same("out.gexf", file, flen, mem, mlen);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    free(file);
    free(mem);
    ag_graph_free(g);
}
END_TEST

/* Kelly's colours by community: 0 -> the first (vivid yellow), 1 and 21
 * -> the second (strong purple), -1 -> the twentieth (dark olive green),
 * a missing community -> neutral grey; the type no longer colours. The
 * community column is declared like any other. */
START_TEST(test_gexf_community_colors)
{
    static const struct {
        const char *id;
        double community;
        const char *color;
    } want[] = {
        { "AZE", 0, "<viz:color r=\"243\" g=\"195\" b=\"0\"/>" },
        { "EU", 1, "<viz:color r=\"135\" g=\"86\" b=\"146\"/>" },
        { "samantha-power", 21, "<viz:color r=\"135\" g=\"86\" b=\"146\"/>" },
        { "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1", NAN, "<viz:color r=\"217\" g=\"217\" b=\"217\"/>" },
    };
    ag_graph *g = tu_tricky_graph(lex);
    size_t col, len;
    ag_error err;
    char *got;
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "community", AG_ATTR_INT, &col, &err), AG_OK);
    for (size_t v = 0; v < 4; v++)
        ag__graph_set_number(g, AG_NODES, col, v, want[v].community);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    for (size_t v = 0; v < 4; v++) {
        char *block = node_block(got, want[v].id);
        ck_assert_msg(strstr(block, want[v].color) != NULL, "%s: want %s in\n%s", want[v].id, want[v].color, block);
        free(block);
    }
    ck_assert_ptr_nonnull(strstr(got, "<attribute id=\"community\" title=\"community\" type=\"long\"/>"));
    ck_assert_ptr_nonnull(strstr(got, "<attvalue for=\"community\" value=\"21\"/>"));
    free(got);

    /* -1 wraps to the last colour */
    ag__graph_set_number(g, AG_NODES, col, 0, -1);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    {
        char *block = node_block(got, "AZE");
        ck_assert_ptr_nonnull(strstr(block, "<viz:color r=\"43\" g=\"61\" b=\"38\"/>"));
        free(block);
    }
    free(got);
    ag_graph_free(g);
}
END_TEST

/* A "community" that is not an integer does not colour: the type does. */
START_TEST(test_gexf_community_not_integer)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t col, len;
    ag_error err;
    char *got, *block;
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "community", AG_ATTR_STRING, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, col, 0, "0", &err), AG_OK);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    block = node_block(got, "AZE");
    ck_assert_ptr_nonnull(strstr(block, "<viz:color r=\"158\" g=\"197\" b=\"232\"/>"));
    free(block);
    block = node_block(got, "EU");
    ck_assert_ptr_nonnull(strstr(block, "<viz:color r=\"169\" g=\"216\" b=\"160\"/>"));
    free(block);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* The XSD accepts the output once the viz elements are taken out (the
 * published 1.3 schema declares them in the wrong namespace), as agcheck
 * checks it. Skipped without xmllint or ../shared. */
START_TEST(test_gexf_xsd)
{
    static const char xsd[] = AG_SHARED_DIR "/data/xsd-gexf/1.3/gexf.xsd";
    ag_graph *g = tu_tricky_graph(lex);
    char path[160], cmd[1024];
    size_t len;
    char *got;
    FILE *fp;
    struct stat sb;
    if (stat(xsd, &sb) != 0 || system("command -v xmllint >/dev/null 2>&1") != 0) {
        ag_graph_free(g);
        return;
    }
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    snprintf(path, sizeof path, "%s/noviz.gexf", tmpdir);
    fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    for (const char *p = got; *p;) {
        const char *v = strstr(p, "<viz:");
        if (!v) {
            fputs(p, fp);
            break;
        }
        fwrite(p, 1, (size_t)(v - p), fp);
        p = strstr(v, "/>") + 2;
    }
    fclose(fp);
    snprintf(cmd, sizeof cmd, "xmllint --nonet --noout --schema '%s' '%s' 2>/dev/null", xsd, path);
    ck_assert_msg(system(cmd) == 0, "the GEXF 1.3 XSD rejects the export (%s)", cmd);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

/* Every write failing (an unbuffered stream on /dev/full) is AG_EIO. */
START_TEST(test_gexf_write_error)
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
    ck_assert_int_eq(ag_export_stream(g, AG_FORMAT_GEXF, fp, "full", &err), AG_EIO);
    ck_assert_str_eq(err.file, "full");
    fclose(fp);
    ag_graph_free(g);
}
END_TEST

/* A file that cannot be created: AG_EIO naming it, nothing left behind. */
START_TEST(test_gexf_missing_directory)
{
    ag_graph *g = tu_tricky_graph(lex);
    char path[160];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/no/such/dir/out.gexf", tmpdir);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GEXF, path, &err), AG_EIO);
    ck_assert_str_eq(err.file, path);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 0);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

/* No documents: every column still declared, no nodes, no edges. */
START_TEST(test_gexf_empty_golden)
{
    ag_graph *g = tu_empty_graph(lex);
    size_t len;
    char *got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    tu_check_golden("golden/empty.gexf", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* A graph from another tool (no label, type or mentions): the id is the
 * label, the colour neutral, no size; the weight is the edge's own. */
START_TEST(test_gexf_foreign_graph)
{
    ag_graph *g = NULL;
    ag_error err;
    size_t len;
    char *got, *block;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(tu_data("golden/centrality_triangle.graphml"), &g, &err) == AG_OK, "%s",
                  err.message);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    block = node_block(got, "x");
    ck_assert_str_eq(block, "<node id=\"x\" label=\"x\">\n        <viz:color r=\"217\" g=\"217\" b=\"217\"/>\n      ");
    free(block);
    ck_assert_ptr_nonnull(strstr(got, "\n      <edge id=\"0\" source=\"x\" target=\"y\" weight=\"1\">\n"));
    ck_assert_ptr_null(strstr(got, "viz:size"));
    ck_assert_ptr_null(strstr(got, "title=\"weight\""));
    free(got);
    ag_graph_free(g);
}
END_TEST

/* Edge weights that GEXF cannot hold (missing, infinite) are left out;
 * an infinite attribute value is written "-Infinity" (Java and Python
 * read it); booleans are true/false. */
START_TEST(test_gexf_odd_values)
{
    ag_graph *g = tu_tricky_graph(lex);
    size_t col, len;
    ag_error err;
    char *got;
    long w = ag_graph_attr_find(g, AG_EDGES, "weight"), npmi = ag_graph_attr_find(g, AG_EDGES, "npmi");
    ck_assert_int_ge(w, 0);
    ag__graph_set_number(g, AG_EDGES, (size_t)w, 0, NAN);
    ag__graph_set_number(g, AG_EDGES, (size_t)w, 1, INFINITY);
    ck_assert_int_ge(npmi, 0);
    ag__graph_set_number(g, AG_EDGES, (size_t)npmi, 2, -INFINITY);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, "flag", AG_ATTR_BOOL, &col, &err), AG_OK);
    ag__graph_set_number(g, AG_EDGES, col, 3, 1);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    ck_assert_ptr_nonnull(strstr(got, "<edge id=\"0\" source=\"AZE\" target=\"EU\">\n"));
    ck_assert_ptr_nonnull(strstr(got, "<edge id=\"1\" source=\"AZE\" target=\"samantha-power\">\n"));
    ck_assert_ptr_nonnull(strstr(got, "<attvalue for=\"npmi\" value=\"-Infinity\"/>"));
    ck_assert_ptr_nonnull(strstr(got, "<attribute id=\"flag\" title=\"flag\" type=\"boolean\"/>"));
    ck_assert_ptr_nonnull(strstr(got, "<attvalue for=\"flag\" value=\"true\"/>"));
    free(got);
    ag_graph_free(g);
}
END_TEST

/* Attribute ids are the names, but unique ignoring case (as Gephi
 * compares them) and clear of Gephi's own columns; titles stay the
 * names. */
START_TEST(test_gexf_attribute_ids)
{
    static const char *const want[] = {
        "<attribute id=\"note\" title=\"note\" type=\"string\"/>",
        "<attribute id=\"NOTE_2\" title=\"NOTE\" type=\"string\"/>",
        "<attribute id=\"Interval_2\" title=\"Interval\" type=\"long\"/>",
        "<attribute id=\"weight\" title=\"weight\" type=\"double\"/>",   /* nodes may have one */
        "<attribute id=\"label_2\" title=\"label\" type=\"string\"/>",   /* an edge label */
        "<attvalue for=\"NOTE_2\" value=\"n&quot;&lt;\"/>",
        "<attvalue for=\"label_2\" value=\"l\"/>",
    };
    ag_graph *g = tu_tricky_graph(lex);
    size_t col, len;
    ag_error err;
    char *got;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "NOTE", AG_ATTR_STRING, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, col, 0, "n\"<", &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "Interval", AG_ATTR_INT, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "weight", AG_ATTR_DOUBLE, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, "label", AG_ATTR_STRING, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_EDGES, col, 0, "l", &err), AG_OK);
    got = tu_export_memory(g, AG_FORMAT_GEXF, &len);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(got, want[i]) != NULL, "no %s", want[i]);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* The format's name and extension. */
START_TEST(test_gexf_format_name)
{
    ck_assert_int_eq(ag_format_parse("gexf"), AG_FORMAT_GEXF);
    ck_assert_str_eq(ag_format_name(AG_FORMAT_GEXF), "gexf");
    ck_assert_int_eq(ag_format_from_path("out/graph.gexf"), AG_FORMAT_GEXF);
    ck_assert_int_eq(ag_format_from_path("graph.gexf.bak"), AG_FORMAT_UNKNOWN);
    ck_assert_int_eq(ag_format_parse("GEXF"), AG_FORMAT_UNKNOWN);
}
END_TEST

/* A prepared export is complete beside its target, which appears only
 * at the commit; an aborted one leaves nothing. */
START_TEST(test_gexf_prepare_commit)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_export_pending *p = NULL, *q = NULL;
    char path[128], other[128], *file, *mem;
    size_t flen, mlen;
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/a.gexf", tmpdir);
    snprintf(other, sizeof other, "%s/b.gexf", tmpdir);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_GEXF, path, &p, &err), AG_OK);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_GEXF, other, &q, &err), AG_OK);
    ck_assert_int_ne(access(path, F_OK), 0);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);   /* the two temporaries */
    ag_export_abort(q);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    ck_assert_int_eq(ag_export_commit(p, &err), AG_OK);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 1);
    file = tu_slurp(path, &flen);
    mem = tu_export_memory(g, AG_FORMAT_GEXF, &mlen);
    tu_assert_same("a.gexf", file, flen, mem, mlen);
    ck_assert_int_ne(access(other, F_OK), 0);
    free(file);
    free(mem);
    ag_graph_free(g);
}
END_TEST

Suite *export_gexf_suite(void);
Suite *export_gexf_suite(void)
{
    Suite *s = suite_create("export_gexf");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_gexf_golden);
    tcase_add_test(core, test_gexf_file);
    tcase_add_test(core, test_gexf_community_colors);
    tcase_add_test(core, test_gexf_community_not_integer);
    tcase_add_test(core, test_gexf_xsd);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_test(errors, test_gexf_write_error);
    tcase_add_test(errors, test_gexf_missing_directory);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_gexf_empty_golden);
    tcase_add_test(edge, test_gexf_foreign_graph);
    tcase_add_test(edge, test_gexf_odd_values);
    tcase_add_test(edge, test_gexf_attribute_ids);
    tcase_add_test(edge, test_gexf_format_name);
    tcase_add_test(edge, test_gexf_prepare_commit);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(export_gexf_suite());
}

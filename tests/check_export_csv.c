/*
 * check_export_csv.c — the CSV writer (export_csv.c, with the file pair
 * and RFC 4180 quoting of export.c): byte-for-byte golden files for the
 * small graph full of strings that need escaping that check_export.c
 * uses, how NAME.csv names the pair, quoting, column names that collide,
 * standard output refused, and the pair written atomically: both files
 * complete before either is renamed, an existing pair kept on failure.
 *
 * The golden files (tests/data/golden/tricky.nodes.csv, tricky.edges.csv,
 * empty.nodes.csv, empty.edges.csv) were checked by hand against the
 * corpus described at tu_tricky_graph() (export_fixture.h). AG_UPDATE_GOLDEN=1 rewrites them
 * from the current output instead of comparing (then read the diff).
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
    tu_tmpdir(tmpdir, sizeof tmpdir, "check_export_csv");
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    tu_rm_tree(tmpdir);
}

static char *in_tmp(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
    return path[k];
}

/* Exports g as CSV to tmpdir/name and compares the pair with
 * golden/<stem>.nodes.csv and golden/<stem>.edges.csv. */
static void check_pair(const ag_graph *g, const char *name, const char *written, const char *stem)
{
    static const char *const tables[] = { "nodes", "edges" };
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_export_file(g, AG_FORMAT_CSV, in_tmp(name), &err) == AG_OK, "%s", err.message);
    for (int t = 0; t < 2; t++) {
        char file[160], gold[160];
        size_t len;
        char *got;
        snprintf(file, sizeof file, "%s.%s.csv", written, tables[t]);
        snprintf(gold, sizeof gold, "golden/%s.%s.csv", stem, tables[t]);
        got = tu_slurp(in_tmp(file), &len);
        tu_check_golden(gold, got, len);
        free(got);
    }
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_csv_golden)
{
    ag_graph *g = tu_tricky_graph(lex);
    check_pair(g, "tricky.csv", "tricky", "tricky");
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);   /* the pair, no temporary */
    ag_graph_free(g);
}
END_TEST

/* How the pair is named from the path given. */
static const struct {
    const char *path;
    const char *nodes;
    const char *edges;
} name_cases[] = {
    { "g.csv", "g.nodes.csv", "g.edges.csv" },
    { "g.nodes.csv", "g.nodes.csv", "g.edges.csv" },
    { "g.edges.csv", "g.nodes.csv", "g.edges.csv" },
    { "g", "g.nodes.csv", "g.edges.csv" },
    { "g.json", "g.json.nodes.csv", "g.json.edges.csv" },
    { ".csv", ".csv.nodes.csv", ".csv.edges.csv" },
    { "d.csv/g.csv", "d.csv/g.nodes.csv", "d.csv/g.edges.csv" },
};

START_TEST(test_csv_names)
{
    ag_graph *g = tu_tricky_graph(lex);
    struct stat sb;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(mkdir(in_tmp("d.csv"), 0755), 0);
    ck_assert_msg(ag_export_file(g, AG_FORMAT_CSV, in_tmp(name_cases[_i].path), &err) == AG_OK, "%s: %s",
                  name_cases[_i].path, err.message);
    ck_assert_msg(stat(in_tmp(name_cases[_i].nodes), &sb) == 0, "%s: no %s", name_cases[_i].path,
                  name_cases[_i].nodes);
    ck_assert_msg(stat(in_tmp(name_cases[_i].edges), &sb) == 0, "%s: no %s", name_cases[_i].path,
                  name_cases[_i].edges);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), strchr(name_cases[_i].path, '/') ? 1 : 3);
    ag_graph_free(g);
}
END_TEST

/* RFC 4180: quoted when holding a comma, a quote, CR or LF, with quotes
 * doubled; control characters other than tab, CR and LF as U+FFFD. */
static const struct {
    const char *in;
    const char *out;
} field_cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line1\nline2", "\"line1\nline2\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "tab\there", "tab\there" },
    { "ctl\x01", "ctl\xEF\xBF\xBD" },
    { "bad\xff", "bad\xEF\xBF\xBD" },
    { "semi;colon 'q' <x>", "semi;colon 'q' <x>" },
    { "\xCE\x95\xCE\xBB", "\xCE\x95\xCE\xBB" },
    { " lead", " lead" },
};

START_TEST(test_csv_field)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(fp);
    ag__csv_field(fp, field_cases[_i].in);
    fclose(fp);
    ck_assert_str_eq(buf, field_cases[_i].out);
    free(buf);
}
END_TEST

/* A failure (the edges file's name is taken by a directory) leaves an
 * existing pair as it was and no temporary; success replaces both. */
START_TEST(test_csv_atomic_pair)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_error err;
    char *got;
    memset(&err, 0, sizeof err);
    tu_write_text(in_tmp("x.nodes.csv"), "old nodes\n");
    ck_assert_int_eq(mkdir(in_tmp("x.edges.csv"), 0755), 0);
    tu_write_text(in_tmp("x.edges.csv/inside"), "x");
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_CSV, in_tmp("x.csv"), &err), AG_EIO);
    ck_assert_str_eq(err.file, in_tmp("x.edges.csv"));
    got = tu_slurp(in_tmp("x.nodes.csv"), NULL);
    ck_assert_str_eq(got, "old nodes\n");
    free(got);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);
    ck_assert_uint_eq(tu_dir_entries(in_tmp("x.edges.csv")), 1);

    /* the way cleared, both are replaced */
    unlink(in_tmp("x.edges.csv/inside"));
    rmdir(in_tmp("x.edges.csv"));
    tu_write_text(in_tmp("x.edges.csv"), "old edges\n");
    check_pair(g, "x.csv", "x", "tricky");
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);
    ag_graph_free(g);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

/* Two files cannot go to standard output, nor to one stream. */
START_TEST(test_csv_no_stream)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_export_pending *p = (ag_export_pending *)&p;
    char *buf = NULL;
    size_t n = 0;
    ag_error err;
    FILE *fp = open_memstream(&buf, &n);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_CSV, "-", &err), AG_EINVAL);
    ck_assert_str_eq(err.file, "-");
    ck_assert_ptr_nonnull(strstr(err.message, "NAME.nodes.csv and NAME.edges.csv"));
    ck_assert_ptr_nonnull(strstr(err.message, "standard output"));
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_CSV, "-", &p, &err), AG_EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(ag_export_stream(g, AG_FORMAT_CSV, fp, "mem", &err), AG_EINVAL);
    ck_assert_str_eq(err.file, "mem");
    fclose(fp);
    ck_assert_uint_eq(n, 0);
    free(buf);
    ag_graph_free(g);
}
END_TEST

/* A directory that does not exist: AG_EIO naming the first file, nothing
 * left behind. */
START_TEST(test_csv_missing_directory)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_CSV, in_tmp("no/such/x.csv"), &err), AG_EIO);
    ck_assert_str_eq(err.file, in_tmp("no/such/x.nodes.csv"));
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 0);
    ag_graph_free(g);
}
END_TEST

/* Writes that fail are AG_EIO, table by table. */
START_TEST(test_csv_write_error)
{
    ag_graph *g = tu_tricky_graph(lex);
    FILE *fp = fopen("/dev/full", "w");
    if (!fp) {
        ag_graph_free(g);
        return;   /* no /dev/full on this system */
    }
    setvbuf(fp, NULL, _IONBF, 0);
    ck_assert_int_eq(_i ? ag__export_csv_edges(g, fp) : ag__export_csv_nodes(g, fp), AG_EIO);
    fclose(fp);
    ag_graph_free(g);
}
END_TEST

/* A prepared pair that is aborted leaves nothing; committed, it is in place. */
START_TEST(test_csv_prepare_abort)
{
    ag_graph *g = tu_tricky_graph(lex);
    ag_export_pending *p = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_CSV, in_tmp("y.csv"), &p, &err), AG_OK);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);   /* two temporaries */
    ag_export_abort(p);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 0);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_CSV, in_tmp("y.csv"), &p, &err), AG_OK);
    ck_assert_int_eq(ag_export_commit(p, &err), AG_OK);
    ck_assert_uint_eq(tu_dir_entries(tmpdir), 2);
    ck_assert_int_eq(access(in_tmp("y.nodes.csv"), R_OK), 0);
    ck_assert_int_eq(access(in_tmp("y.edges.csv"), R_OK), 0);
    ag_export_abort(NULL);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

START_TEST(test_csv_empty_golden)
{
    ag_graph *g = tu_empty_graph(lex);
    check_pair(g, "empty.csv", "empty", "empty");
    ag_graph_free(g);
}
END_TEST

/* Column names that collide with the fixed ones, ignoring case, get a
 * suffix; a label that is not a string, or a weight that is, is an
 * attribute like any other, so Label falls back to the id and Weight to
 * 1; a value that is missing is an empty field. */
START_TEST(test_csv_colliding_names)
{
    static const char nodes_want[] =
        "Id,Label,label_2,ID_2,label_2_2,\"a,b\"\r\n"
        "p,p,7,,,\r\n"
        "\"q,1\",\"q,1\",,x,true,\"say \"\"hi\"\"\"\r\n";
    static const char edges_want[] =
        "Source,Target,Type,Weight,weight_2,TYPE_2\r\n"
        "p,\"q,1\",Undirected,1,heavy,-Infinity\r\n";
    size_t from = 0, to = 1, c, len;
    ag_graph *g = NULL;
    ag_error err;
    char *got;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag__graph_new(2, 1, &from, &to, &g, &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "id", AG_ATTR_STRING, &c, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c, 0, "p", &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c, 1, "q,1", &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "label", AG_ATTR_INT, &c, &err), AG_OK);
    ag__graph_set_number(g, AG_NODES, c, 0, 7);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "ID", AG_ATTR_STRING, &c, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c, 1, "x", &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "label_2", AG_ATTR_BOOL, &c, &err), AG_OK);
    ag__graph_set_number(g, AG_NODES, c, 1, 1);
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "a,b", AG_ATTR_STRING, &c, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, c, 1, "say \"hi\"", &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, "weight", AG_ATTR_STRING, &c, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_EDGES, c, 0, "heavy", &err), AG_OK);
    ck_assert_int_eq(ag__graph_add_column(g, AG_EDGES, "TYPE", AG_ATTR_DOUBLE, &c, &err), AG_OK);
    ag__graph_set_number(g, AG_EDGES, c, 0, -INFINITY);
    ck_assert_msg(ag_export_file(g, AG_FORMAT_CSV, in_tmp("c.csv"), &err) == AG_OK, "%s", err.message);
    got = tu_slurp(in_tmp("c.nodes.csv"), &len);
    tu_assert_same("c.nodes.csv", got, len, nodes_want, sizeof nodes_want - 1);
    free(got);
    got = tu_slurp(in_tmp("c.edges.csv"), &len);
    tu_assert_same("c.edges.csv", got, len, edges_want, sizeof edges_want - 1);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* The format's name and extensions. */
START_TEST(test_csv_format_name)
{
    ck_assert_int_eq(ag_format_parse("csv"), AG_FORMAT_CSV);
    ck_assert_str_eq(ag_format_name(AG_FORMAT_CSV), "csv");
    ck_assert_int_eq(ag_format_from_path("graph.csv"), AG_FORMAT_CSV);
    ck_assert_int_eq(ag_format_from_path("graph.nodes.csv"), AG_FORMAT_CSV);
    ck_assert_int_eq(ag_format_from_path("graph.tsv"), AG_FORMAT_UNKNOWN);
}
END_TEST

Suite *export_csv_suite(void);
Suite *export_csv_suite(void)
{
    Suite *s = suite_create("export_csv");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_csv_golden);
    tcase_add_loop_test(core, test_csv_names, 0, (int)(sizeof name_cases / sizeof name_cases[0]));
    tcase_add_loop_test(core, test_csv_field, 0, (int)(sizeof field_cases / sizeof field_cases[0]));
    tcase_add_test(core, test_csv_atomic_pair);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_test(errors, test_csv_no_stream);
    tcase_add_test(errors, test_csv_missing_directory);
    tcase_add_loop_test(errors, test_csv_write_error, 0, 2);
    tcase_add_test(errors, test_csv_prepare_abort);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_csv_empty_golden);
    tcase_add_test(edge, test_csv_colliding_names);
    tcase_add_test(edge, test_csv_format_name);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(export_csv_suite());
}

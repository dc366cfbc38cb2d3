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
 * corpus described at tricky_graph(). AG_UPDATE_GOLDEN=1 rewrites them
 * from the current output instead of comparing (then read the diff).
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_internal.h"
#include "graph_internal.h"
#include "testutil.h"

/* --- the tricky graph (as in check_export.c) ---------------------------------- */

/* Labels with < > & " ' and a backslash; attrs strings with a newline, a
 * tab, a carriage return and a control character; non-ASCII ids and
 * labels; a non-ASCII attrs key; numbers 0.1, 2, 1e-9, 1/3. */
static const char tricky_lexicon[] =
    "{\"lexicon\": \"tricky\", \"version\": 1, \"actors\": ["
    " {\"id\": \"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1\", \"type\": \"state\","
    "  \"label\": \"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 \xC4\xB0lham \xC6\x8Fliyev\","
    "  \"names\": [\"Hellas\"], \"attrs\": {\"note\": \"\xC3\xA9\", \"x\": 0.3333333333333333}},"
    " {\"id\": \"samantha-power\", \"label\": \"Samantha Power\", \"type\": \"leader\","
    "  \"names\": [\"Samantha Power\"], \"affiliation\": \"USA\","
    "  \"attrs\": {\"ab.c-d_\xC3\xA9\": \"k\", \"x\": 1e-9}},"
    " {\"id\": \"EU\", \"label\": \"back\\\\slash\", \"type\": \"org\", \"names\": [\"European Union\"],"
    "  \"attrs\": {\"note\": \"ctl\\u0001 tab\\t cr\\r end\", \"x\": 2}},"
    " {\"id\": \"AZE\", \"label\": \"Azerbaijan <\\\"Baku\\\"> & 'Co'\", \"type\": \"state\","
    "  \"names\": [\"Azerbaijan\"], \"attrs\": {\"note\": \"line1\\nline2\", \"x\": 0.1}}"
    "]}";

static ag_lexicon *lex;
static char tmpdir[64];

static void add_doc(ag_cooc *c, const uint32_t (*am)[2], size_t n, size_t sentences)
{
    ag_mention m[16];
    ag_scan_result r;
    ag_error err;
    memset(&r, 0, sizeof r);
    memset(m, 0, sizeof m);
    for (size_t i = 0; i < n; i++) {
        m[i].actor = am[i][0];
        m[i].kind = AG_KIND_NAME;
        m[i].start = 8 * i;
        m[i].end = 8 * i + 4;
        m[i].sentence = am[i][1];
    }
    r.mentions = m;
    r.n_mentions = n;
    r.sentences = sentences;
    r.paragraphs = 1;
    ck_assert_int_eq(ag_cooc_add(c, &r, &err), AG_OK);
}

/*
 * One document of five sentences (N = 5):
 *   s0: AZE EU   s1: AZE EU   s2: AZE samantha-power   s3: AZE Ellada   s4: EU Ellada
 * AZE 4 windows/mentions, EU 3, samantha-power 1, Ellada 2; nodes in id
 * (byte) order: AZE, EU, samantha-power, Ellada. Edges AZE-EU (count 2),
 * AZE-power, AZE-Ellada, EU-Ellada (count 1 each).
 */
static ag_graph *tricky_graph(void)
{
    ag_window w;
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    uint32_t gr = 0, pw = 1, eu = 2, az = 3;
    const uint32_t am[][2] = { { az, 0 }, { eu, 0 }, { az, 1 }, { eu, 1 }, { az, 2 },
                               { pw, 2 }, { az, 3 }, { gr, 3 }, { eu, 4 }, { gr, 4 } };
    memset(&w, 0, sizeof w);
    w.unit = AG_WINDOW_SENTENCE;
    ck_assert_uint_eq(ag_lexicon_find(lex, "AZE"), az);
    ck_assert_uint_eq(ag_lexicon_find(lex, "samantha-power"), pw);
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    add_doc(c, am, sizeof am / sizeof am[0], 5);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ag_cooc_free(c);
    return g;
}

static ag_graph *empty_graph(void)
{
    ag_window w;
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_graph_options o = AG_GRAPH_OPTIONS_INIT;
    ag_error err;
    memset(&w, 0, sizeof w);
    w.unit = AG_WINDOW_PARAGRAPH;
    o.weight = AG_MEASURE_JACCARD;
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_graph_build(lex, c, &o, &g, &err), AG_OK);
    ag_cooc_free(c);
    return g;
}

/* --- files and comparison -------------------------------------------------- */

/* The whole file (NUL-terminated); *len its size. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    rewind(fp);
    buf = (char *)malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    if (len)
        *len = (size_t)n;
    return buf;
}

/* s with every `from` replaced by `to` (a new string). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, fl = strlen(from), tl = strlen(to);
    char *out, *o;
    for (const char *p = s; (p = strstr(p, from)) != NULL; p += fl)
        n++;
    out = o = (char *)malloc(strlen(s) + n * (tl > fl ? tl - fl : 0) + 1);
    for (const char *p = s, *q; ; p = q + fl) {
        q = strstr(p, from);
        if (!q) {
            strcpy(o, p);
            break;
        }
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, tl);
        o += tl;
    }
    return out;
}

/* Byte-for-byte, with the first difference in the message. */
static void assert_same(const char *what, const char *got, size_t glen, const char *want, size_t wlen)
{
    size_t i = 0, line = 1;
    while (i < glen && i < wlen && got[i] == want[i]) {
        if (got[i] == '\n')
            line++;
        i++;
    }
    if (i == glen && i == wlen)
        return;
    {
        size_t ls = i;
        while (ls > 0 && want[ls - 1] != '\n')
            ls--;
        ck_abort_msg("%s differs at byte %zu (line %zu)\n  want: %.160s\n  got:  %.160s", what, i, line, want + ls,
                     got + ls);
    }
}

/* got against tests/data/<name> with @VERSION@ filled in; with
 * AG_UPDATE_GOLDEN set, the golden file is rewritten instead. */
static void check_golden(const char *name, const char *got, size_t glen)
{
    char *want, *raw;
    size_t wlen;
    if (getenv("AG_UPDATE_GOLDEN")) {
        char *text = replace_all(got, AG_VERSION_STRING, "@VERSION@");
        FILE *fp = fopen(tu_data(name), "wb");
        ck_assert_ptr_nonnull(fp);
        fputs(text, fp);
        fclose(fp);
        free(text);
        return;
    }
    raw = slurp(tu_data(name), NULL);
    want = replace_all(raw, "@VERSION@", AG_VERSION_STRING);
    wlen = strlen(want);
    assert_same(name, got, glen, want, wlen);
    free(raw);
    free(want);
}

/* Number of directory entries other than . and .. */
static size_t dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        struct stat sb;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            rm_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void setup(void)
{
    lex = tu_lexicon(tricky_lexicon);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/check_export_csv.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    rm_tree(tmpdir);
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
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
        got = slurp(in_tmp(file), &len);
        check_golden(gold, got, len);
        free(got);
    }
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_csv_golden)
{
    ag_graph *g = tricky_graph();
    check_pair(g, "tricky.csv", "tricky", "tricky");
    ck_assert_uint_eq(dir_entries(tmpdir), 2);   /* the pair, no temporary */
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
    ag_graph *g = tricky_graph();
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
    ck_assert_uint_eq(dir_entries(tmpdir), strchr(name_cases[_i].path, '/') ? 1 : 3);
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
    ag_graph *g = tricky_graph();
    ag_error err;
    char *got;
    memset(&err, 0, sizeof err);
    write_text(in_tmp("x.nodes.csv"), "old nodes\n");
    ck_assert_int_eq(mkdir(in_tmp("x.edges.csv"), 0755), 0);
    write_text(in_tmp("x.edges.csv/inside"), "x");
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_CSV, in_tmp("x.csv"), &err), AG_EIO);
    ck_assert_str_eq(err.file, in_tmp("x.edges.csv"));
    got = slurp(in_tmp("x.nodes.csv"), NULL);
    ck_assert_str_eq(got, "old nodes\n");
    free(got);
    ck_assert_uint_eq(dir_entries(tmpdir), 2);
    ck_assert_uint_eq(dir_entries(in_tmp("x.edges.csv")), 1);

    /* the way cleared, both are replaced */
    unlink(in_tmp("x.edges.csv/inside"));
    rmdir(in_tmp("x.edges.csv"));
    write_text(in_tmp("x.edges.csv"), "old edges\n");
    check_pair(g, "x.csv", "x", "tricky");
    ck_assert_uint_eq(dir_entries(tmpdir), 2);
    ag_graph_free(g);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

/* Two files cannot go to standard output, nor to one stream. */
START_TEST(test_csv_no_stream)
{
    ag_graph *g = tricky_graph();
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
    ag_graph *g = tricky_graph();
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_CSV, in_tmp("no/such/x.csv"), &err), AG_EIO);
    ck_assert_str_eq(err.file, in_tmp("no/such/x.nodes.csv"));
    ck_assert_uint_eq(dir_entries(tmpdir), 0);
    ag_graph_free(g);
}
END_TEST

/* Writes that fail are AG_EIO, table by table. */
START_TEST(test_csv_write_error)
{
    ag_graph *g = tricky_graph();
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
    ag_graph *g = tricky_graph();
    ag_export_pending *p = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_CSV, in_tmp("y.csv"), &p, &err), AG_OK);
    ck_assert_uint_eq(dir_entries(tmpdir), 2);   /* two temporaries */
    ag_export_abort(p);
    ck_assert_uint_eq(dir_entries(tmpdir), 0);
    ck_assert_int_eq(ag_export_prepare(g, AG_FORMAT_CSV, in_tmp("y.csv"), &p, &err), AG_OK);
    ck_assert_int_eq(ag_export_commit(p, &err), AG_OK);
    ck_assert_uint_eq(dir_entries(tmpdir), 2);
    ck_assert_int_eq(access(in_tmp("y.nodes.csv"), R_OK), 0);
    ck_assert_int_eq(access(in_tmp("y.edges.csv"), R_OK), 0);
    ag_export_abort(NULL);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

START_TEST(test_csv_empty_golden)
{
    ag_graph *g = empty_graph();
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
    got = slurp(in_tmp("c.nodes.csv"), &len);
    assert_same("c.nodes.csv", got, len, nodes_want, sizeof nodes_want - 1);
    free(got);
    got = slurp(in_tmp("c.edges.csv"), &len);
    assert_same("c.edges.csv", got, len, edges_want, sizeof edges_want - 1);
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

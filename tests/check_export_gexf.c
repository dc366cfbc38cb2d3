/*
 * check_export_gexf.c — the GEXF 1.3 writer (export_gexf.c): byte-for-byte
 * golden files for the small graph full of strings that need escaping
 * that check_export.c uses, colours by type and by community, sizes by
 * mentions, a graph from another tool, the XSD (viz elements apart, as
 * agcheck does: the published 1.3 schema mis-declares them), and write
 * errors.
 *
 * The golden files (tests/data/golden/tricky.gexf, empty.gexf) were
 * checked by hand against the corpus described at tricky_graph(); in them
 * "@VERSION@" stands for the library's version. AG_UPDATE_GOLDEN=1
 * rewrites them from the current output instead of comparing (then read
 * the diff).
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
 * AZE-power, AZE-Ellada, EU-Ellada (count 1 each). GEXF sizes are
 * 10 + 40 sqrt(mentions / 4): 50, 44.641, 30, 38.284.
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

static char *export_memory(const ag_graph *g, ag_format f, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    ag_error err;
    FILE *fp = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(fp);
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_export_stream(g, f, fp, "memory", &err) == AG_OK, "export failed: %s", err.message);
    fclose(fp);
    *len = n;
    return buf;
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
    snprintf(tmpdir, sizeof tmpdir, "/tmp/check_export_gexf.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    rm_tree(tmpdir);
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
    ag_graph *g = tricky_graph();
    size_t len;
    char *got = export_memory(g, AG_FORMAT_GEXF, &len);
    check_golden("golden/tricky.gexf", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* ag_export_file writes the stream's bytes, with no temporary left. */
START_TEST(test_gexf_file)
{
    ag_graph *g = tricky_graph();
    char path[128], *file, *mem;
    size_t flen, mlen;
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/out.gexf", tmpdir);
    ck_assert_int_eq(ag_format_from_path(path), AG_FORMAT_GEXF);
    ck_assert_msg(ag_export_file(g, AG_FORMAT_GEXF, path, &err) == AG_OK, "%s", err.message);
    file = slurp(path, &flen);
    mem = export_memory(g, AG_FORMAT_GEXF, &mlen);
    assert_same("out.gexf", file, flen, mem, mlen);
    ck_assert_uint_eq(dir_entries(tmpdir), 1);
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
    ag_graph *g = tricky_graph();
    size_t col, len;
    ag_error err;
    char *got;
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "community", AG_ATTR_INT, &col, &err), AG_OK);
    for (size_t v = 0; v < 4; v++)
        ag__graph_set_number(g, AG_NODES, col, v, want[v].community);
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
    size_t col, len;
    ag_error err;
    char *got, *block;
    ck_assert_int_eq(ag__graph_add_column(g, AG_NODES, "community", AG_ATTR_STRING, &col, &err), AG_OK);
    ck_assert_int_eq(ag__graph_set_string(g, AG_NODES, col, 0, "0", &err), AG_OK);
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
    char path[160], cmd[1024];
    size_t len;
    char *got;
    FILE *fp;
    struct stat sb;
    if (stat(xsd, &sb) != 0 || system("command -v xmllint >/dev/null 2>&1") != 0) {
        ag_graph_free(g);
        return;
    }
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
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
    ag_graph *g = tricky_graph();
    char path[160];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/no/such/dir/out.gexf", tmpdir);
    ck_assert_int_eq(ag_export_file(g, AG_FORMAT_GEXF, path, &err), AG_EIO);
    ck_assert_str_eq(err.file, path);
    ck_assert_uint_eq(dir_entries(tmpdir), 0);
    ag_graph_free(g);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

/* No documents: every column still declared, no nodes, no edges. */
START_TEST(test_gexf_empty_golden)
{
    ag_graph *g = empty_graph();
    size_t len;
    char *got = export_memory(g, AG_FORMAT_GEXF, &len);
    check_golden("golden/empty.gexf", got, len);
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
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
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
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
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
    got = export_memory(g, AG_FORMAT_GEXF, &len);
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
    ag_graph *g = tricky_graph();
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
    ck_assert_uint_eq(dir_entries(tmpdir), 2);   /* the two temporaries */
    ag_export_abort(q);
    ck_assert_uint_eq(dir_entries(tmpdir), 1);
    ck_assert_int_eq(ag_export_commit(p, &err), AG_OK);
    ck_assert_uint_eq(dir_entries(tmpdir), 1);
    file = slurp(path, &flen);
    mem = export_memory(g, AG_FORMAT_GEXF, &mlen);
    assert_same("a.gexf", file, flen, mem, mlen);
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

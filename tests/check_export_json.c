/*
 * check_export_json.c — the node-link JSON writer (export_json.c) and the
 * round trips through the JSON reader (graph_read_json.c): byte-for-byte
 * golden files for the small graph full of strings that need escaping
 * that check_export.c uses, every column back with its type and every
 * number bit for bit, GraphML -> JSON -> GraphML and JSON -> GraphML ->
 * JSON giving the same bytes, values JSON cannot hold, and errors.
 *
 * The golden files (tests/data/golden/tricky.json, empty.json) were
 * checked by hand against the corpus described at tricky_graph().
 * AG_UPDATE_GOLDEN=1 rewrites them from the current output instead of
 * comparing (then read the diff).
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
    snprintf(tmpdir, sizeof tmpdir, "/tmp/check_export_json.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
    rm_tree(tmpdir);
}

static char *write_file(const ag_graph *g, ag_format f, const char *name, size_t *len)
{
    static char path[160];
    ag_error err;
    memset(&err, 0, sizeof err);
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    ck_assert_msg(ag_export_file(g, f, path, &err) == AG_OK, "export to %s failed: %s", name, err.message);
    return slurp(path, len);
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
    ag_graph *g = tricky_graph();
    size_t len;
    char *got = export_memory(g, AG_FORMAT_JSON, &len);
    check_golden("golden/tricky.json", got, len);
    free(got);
    ag_graph_free(g);
}
END_TEST

/* ag_export_file writes the stream's bytes, with no temporary left. */
START_TEST(test_json_file)
{
    ag_graph *g = tricky_graph();
    size_t flen, mlen;
    char *file, *mem;
    ck_assert_int_eq(ag_format_from_path("graph.json"), AG_FORMAT_JSON);
    file = write_file(g, AG_FORMAT_JSON, "out.json", &flen);
    mem = export_memory(g, AG_FORMAT_JSON, &mlen);
    assert_same("out.json", file, flen, mem, mlen);
    ck_assert_uint_eq(dir_entries(tmpdir), 1);
    free(file);
    free(mem);
    ag_graph_free(g);
}
END_TEST

/* Written and read back, the graph is the same, control character and
 * all (JSON can hold it, unlike XML); integers stay integers. */
START_TEST(test_json_read_back)
{
    ag_graph *g = tricky_graph(), *h;
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
    ag_graph *g = tricky_graph(), *h, *k, *m;
    size_t l1, l2, l3, l4;
    char *graphml1, *json1, *graphml2, *json2;

    graphml1 = write_file(g, AG_FORMAT_GRAPHML, "a.graphml", &l1);
    h = read_back("a.graphml");
    json1 = write_file(h, AG_FORMAT_JSON, "b.json", &l2);
    k = read_back("b.json");
    assert_same_graph(h, k);
    graphml2 = write_file(k, AG_FORMAT_GRAPHML, "c.graphml", &l3);
    assert_same("GraphML -> JSON -> GraphML", graphml2, l3, graphml1, l1);

    m = read_back("c.graphml");
    json2 = write_file(m, AG_FORMAT_JSON, "d.json", &l4);
    assert_same("JSON -> GraphML -> JSON", json2, l4, json1, l2);

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
    ag_graph *g = empty_graph(), *h;
    size_t l1, l2;
    char *a, *b;
    a = write_file(g, AG_FORMAT_JSON, "e.json", &l1);
    h = read_back("e.json");
    assert_same_graph(g, h);
    b = write_file(h, AG_FORMAT_JSON, "f.json", &l2);
    assert_same("empty JSON -> JSON", b, l2, a, l1);
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
    ag_graph *g = tricky_graph();
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
    ag_graph *g = tricky_graph();
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
    ag_graph *g = empty_graph();
    size_t len;
    char *got = export_memory(g, AG_FORMAT_JSON, &len);
    check_golden("golden/empty.json", got, len);
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
    got = export_memory(g, AG_FORMAT_JSON, &len);
    assert_same("values", got, len, want, sizeof want - 1);
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

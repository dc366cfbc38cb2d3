/*
 * export_fixture.c — the exporter suites' shared graphs (see
 * export_fixture.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_fixture.h"

const char tu_tricky_lexicon[] =
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

/* Adds one document: mention i of actor am[i][0] in sentence am[i][1]. */
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

ag_cooc *tu_tricky_cooc(const ag_lexicon *lex)
{
    ag_window w;
    ag_cooc *c = NULL;
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
    return c;
}

ag_graph *tu_tricky_graph(const ag_lexicon *lex)
{
    ag_cooc *c = tu_tricky_cooc(lex);
    ag_graph *g = NULL;
    ag_error err;
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ag_cooc_free(c);
    return g;
}

ag_graph *tu_empty_graph(const ag_lexicon *lex)
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

char *tu_export_memory(const ag_graph *g, ag_format f, size_t *len)
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

/*
 * fuzz_text.c — libFuzzer harness for the text pipeline.
 *
 * Input: any bytes. The first two bytes choose the options (window,
 * counting, slices, evidence, edge measure, filters, communities); the
 * rest is split into documents at every 0x1E byte. Each document goes
 * through a scanner over a fixed small lexicon (every alias kind, a
 * blocker, a well-behaved PCRE2 pattern and one that backtracks
 * catastrophically), its mentions into a co-occurrence counter; then the
 * graph is built, filtered and written in every format to memory. Labels
 * and attributes hold characters every format must escape.
 */
#include <math.h>
#include <stdint.h>

#include "fuzz_common.h"

static const char lexicon_json[] =
    "{\"lexicon\": \"fuzz\", \"version\": 1, \"actors\": [\n"
    " {\"id\": \"AZE\", \"label\": \"Azerbaijan <&> \\\"'\", \"type\": \"state\",\n"
    "  \"names\": [\"Azerbaijan\", \"Republic of Azerbaijan\"], \"metonyms\": [\"Baku\"],\n"
    "  \"demonyms\": [\"Azerbaijani\", \"Azeri\"], \"attrs\": {\"iso2\": \"AZ\", \"note\": \"a\\nb\\\\c\\u0001\", \"pop\": 10.1}},\n"
    " {\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"], \"metonyms\": [\"Yerevan\"],\n"
    "  \"attrs\": {\"iso2\": \"AM\", \"pop\": 3}},\n"
    " {\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\",\n"
    "  \"names\": [\"United States\", \"U.S.\", \"US\"], \"metonyms\": [\"Washington\", \"White House\"],\n"
    "  \"not\": [\"Washington Post\", \"Washington state\"]},\n"
    " {\"id\": \"ilham-aliyev\", \"label\": \"Ilham Aliyev\", \"type\": \"leader\", \"names\": [\"Ilham Aliyev\", \"\\u0130lham \\u018fliyev\"],\n"
    "  \"short\": [\"Aliyev\"], \"short_default\": true, \"affiliation\": \"AZE\",\n"
    "  \"roles\": [{\"title\": \"President\", \"from\": \"2003-10-31\"}]},\n"
    " {\"id\": \"heydar-aliyev\", \"label\": \"Heydar Aliyev\", \"type\": \"leader\", \"names\": [\"Heydar Aliyev\"],\n"
    "  \"short\": [\"Aliyev\"], \"affiliation\": \"AZE\"},\n"
    " {\"id\": \"UN\", \"label\": \"United Nations\", \"type\": \"org\", \"names\": [\"United Nations\"], \"short\": [\"UN\"],\n"
    "  \"patterns\": [\"U\\\\.?N\\\\.? Secretary[- ]General\", \"(a+)+$\"]},\n"
    " {\"id\": \"TUR\", \"label\": \"T\\u00fcrkiye\", \"type\": \"state\", \"names\": [\"Turkey\", \"T\\u00fcrkiye\"],\n"
    "  \"demonyms\": [\"Turkish\"], \"not\": [\"turkey\"]}\n"
    "]}\n";

static ag_lexicon *lex;
static const char *const dates[] = { "2024-01-15", "2024-02", "2024", "2023-12-31T10:00:00Z", "bad", NULL };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ag_error err;
    (void)argc;
    (void)argv;
    if (ag_lexicon_new(&lex, &err) != AG_OK ||
        ag_lexicon_load_buffer(lex, "fuzz.json", lexicon_json, sizeof lexicon_json - 1, &err) != AG_OK ||
        ag_lexicon_compile(lex, &err) != AG_OK) {
        char buf[1200];
        fprintf(stderr, "the harness's lexicon does not load: %s\n", ag_error_format(&err, buf, sizeof buf));
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_match_options mo = AG_MATCH_OPTIONS_INIT;
    ag_cooc_options co = AG_COOC_OPTIONS_INIT;
    ag_graph_options go = AG_GRAPH_OPTIONS_INIT;
    ag_window w = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_scanner *sc = NULL;
    ag_cooc *cooc = NULL;
    ag_graph *g = NULL;
    ag_error err;
    unsigned a, b;
    const char *text, *end;
    uint64_t seq = 0;

    if (size < 2)
        return 0;
    a = data[0];
    b = data[1];
    text = (const char *)data + 2;
    end = (const char *)data + size;

    w.unit = (ag_window_unit)(a & 3);
    if (w.unit == AG_WINDOW_TOKENS) {
        w.tokens = 1 + ((a >> 2) & 7);
        w.clip = (ag_window_unit)((a >> 5) % 3);
    }
    mo.kinds = (a & 0x80) ? AG_KINDS_ALL : AG_KINDS_DEFAULT;
    mo.metonym_places = (b & 1) != 0;
    co.count = (b & 2) ? AG_COUNT_BINARY : AG_COUNT_FULL;
    co.slice = (ag_slice_unit)((b >> 2) % 5);
    co.evidence = (b & 0x20) ? 2 : 0;
    go.evidence = co.evidence;
    go.weight = (ag_measure)((b >> 6) + (a & 0x40 ? 4 : 0)) ;
    if (go.weight >= AG_MEASURE_COUNT_ALL)
        go.weight = AG_MEASURE_COUNT;
    if (a & 0x10) {
        go.backbone = 0.3;
        go.largest_component = 1;
    }
    if (a & 0x08) {
        go.top = 4;
        go.min_mentions = 1;
        go.min_weight = (b & 0x10) ? 0.5 : -1e300;
        go.top_edges = 3;
    }

    FUZZ_ASSERT(ag_scanner_new(lex, &mo, &sc, &err) == AG_OK, "ag_scanner_new");
    FUZZ_ASSERT(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &cooc, &err) == AG_OK, "ag_cooc_new");
    FUZZ_ASSERT(ag_cooc_configure(cooc, &co, &err) == AG_OK, "ag_cooc_configure");
    while (text <= end) {
        const char *stop = memchr(text, 0x1E, (size_t)(end - text));
        size_t len = (size_t)((stop ? stop : end) - text);
        ag_scan_result res;
        ag_cooc_doc d;
        char id[32];
        FUZZ_ASSERT(ag_scanner_scan(sc, text, len, &res, &err) == AG_OK, "ag_scanner_scan");
        for (size_t i = 0; i < res.n_mentions; i++) {
            const ag_mention *m = &res.mentions[i];
            FUZZ_ASSERT(m->start < m->end && m->end <= len, "a mention outside its text");
            FUZZ_ASSERT(i == 0 || res.mentions[i - 1].start <= m->start, "mentions out of text order");
            FUZZ_ASSERT(m->actor < ag_lexicon_actor_count(lex), "a mention of no actor");
            FUZZ_ASSERT(m->sentence < res.sentences || res.sentences == 0, "a mention beyond the last sentence");
        }
        snprintf(id, sizeof id, "doc<%llu>&\"", (unsigned long long)seq);
        memset(&d, 0, sizeof d);
        d.res = &res;
        d.tokens = res.token_list;
        d.text = text;
        d.id = id;
        d.date = dates[seq % 6];
        d.seq = seq++;
        FUZZ_ASSERT(ag_cooc_add_document(cooc, &d, &err) == AG_OK, "ag_cooc_add_document");
        if (!stop)
            break;
        text = stop + 1;
    }
    FUZZ_ASSERT(ag_graph_build(lex, cooc, &go, &g, &err) == AG_OK, "ag_graph_build");
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t u, v;
        ag_graph_edge_ends(g, e, &u, &v);
        FUZZ_ASSERT(u != v && u < ag_graph_node_count(g) && v < ag_graph_node_count(g), "a bad edge");
    }
    if (b & 0x10) {
        double q;
        ag_status st = ag_graph_communities(g, (a & 0x20) ? AG_COMMUNITIES_LEIDEN : AG_COMMUNITIES_LOUVAIN, &q, &err);
        FUZZ_ASSERT(st == AG_OK, "ag_graph_communities");
    }
    fuzz_export_all(g);

    ag_graph_free(g);
    ag_cooc_free(cooc);
    ag_scanner_free(sc);
    return 0;
}

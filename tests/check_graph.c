/*
 * check_graph.c — the actor graph built from co-occurrence counts (graph.c)
 * and read from GraphML (graph_read.c): node and edge order, attribute
 * columns and their types, every measure worked out by hand, the --weight
 * choice, the filters, the graph attributes, and the errors.
 *
 * The counts come from scan results made here by hand (no text, no
 * matcher), so every expected number below follows from the tables in the
 * comments and nothing else.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* Lexicon order is deliberately not id order: nodes must come out sorted. */
static const char lexicon_json[] =
    "{\"lexicon\": \"graph-test\", \"version\": 1, \"actors\": ["
    " {\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\", \"names\": [\"United States\"],"
    "  \"attrs\": {\"iso2\": \"US\", \"pop\": 335}},"
    " {\"id\": \"ilham-aliyev\", \"label\": \"Ilham Aliyev\", \"type\": \"leader\", \"names\": [\"Ilham Aliyev\"],"
    "  \"affiliation\": \"AZE\"},"
    " {\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"],"
    "  \"attrs\": {\"iso2\": \"AZ\", \"region\": \"Western Asia\"}},"
    " {\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"],"
    "  \"attrs\": {\"pop\": 2.8}},"
    " {\"id\": \"EU\", \"label\": \"European Union\", \"type\": \"org\", \"names\": [\"European Union\"]},"
    " {\"id\": \"NATO\", \"label\": \"NATO\", \"type\": \"org\", \"names\": [\"NATO\"]}"
    "]}";

static ag_lexicon *lex;
static uint32_t USA, ILHAM, AZE, ARM;

/* One mention: actor, sentence, paragraph. */
typedef struct {
    uint32_t actor, sentence, paragraph;
} hand_mention;

/* Feeds one document's mentions (in text order) to c. */
static void add_doc(ag_cooc *c, const hand_mention *hm, size_t n, size_t sentences, size_t paragraphs)
{
    ag_mention m[32];
    ag_scan_result r;
    ag_error err;
    ck_assert_uint_le(n, 32);
    memset(&r, 0, sizeof r);
    memset(m, 0, sizeof m);
    for (size_t i = 0; i < n; i++) {
        m[i].actor = hm[i].actor;
        m[i].alias = 0;
        m[i].kind = AG_KIND_NAME;
        m[i].start = 10 * i;
        m[i].end = 10 * i + 5;
        m[i].token = (uint32_t)(2 * i);
        m[i].token_end = (uint32_t)(2 * i + 1);
        m[i].sentence = hm[i].sentence;
        m[i].paragraph = hm[i].paragraph;
    }
    r.mentions = m;
    r.n_mentions = n;
    r.sentences = sentences;
    r.paragraphs = paragraphs;
    r.tokens = 2 * n + 1;
    ck_assert_int_eq(ag_cooc_add(c, &r, &err), AG_OK);
}

/*
 * The corpus, two documents, ten sentences, four paragraphs:
 *
 *   doc 1 (6 sentences, 2 paragraphs: s0-s2 | s3-s5)
 *     s0: AZE USA        s1: AZE        s2: AZE ARM AZE
 *     s3: AZE ARM ARM    s4: ARM USA    s5: -
 *   doc 2 (4 sentences, 2 paragraphs: s0-s1 | s2-s3)
 *     s0: ARM USA        s1: -          s2: USA ilham     s3: USA ARM
 *
 * Sentence windows (N = 10):
 *   ARM  windows 5 (d1 s2 s3 s4, d2 s0 s3)  mentions 6  docs 2
 *   AZE  windows 4 (d1 s0-s3)               mentions 5  docs 1
 *   USA  windows 5 (d1 s0 s4, d2 s0 s2 s3)  mentions 5  docs 2
 *   ilham windows 1 (d2 s2)                 mentions 1  docs 1
 *   ARM-AZE c 2 docs 1; ARM-USA c 3 docs 2; AZE-USA c 1 docs 1; USA-ilham c 1 docs 1
 */
static ag_cooc *corpus(ag_window_unit unit)
{
    ag_window w = { unit };
    ag_cooc *c = NULL;
    ag_error err;
    const hand_mention d1[] = {
        { AZE, 0, 0 }, { USA, 0, 0 },
        { AZE, 1, 0 },
        { AZE, 2, 0 }, { ARM, 2, 0 }, { AZE, 2, 0 },
        { AZE, 3, 1 }, { ARM, 3, 1 }, { ARM, 3, 1 },
        { ARM, 4, 1 }, { USA, 4, 1 },
    };
    const hand_mention d2[] = {
        { ARM, 0, 0 }, { USA, 0, 0 },
        { USA, 2, 1 }, { ILHAM, 2, 1 },
        { USA, 3, 1 }, { ARM, 3, 1 },
    };
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    add_doc(c, d1, sizeof d1 / sizeof d1[0], 6, 2);
    add_doc(c, d2, sizeof d2 / sizeof d2[0], 4, 2);
    return c;
}

static ag_graph *build(ag_window_unit unit, const ag_graph_options *opts)
{
    ag_cooc *c = corpus(unit);
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_build(lex, c, opts, &g, &err) == AG_OK, "build failed: %s", err.message);
    ck_assert_ptr_nonnull(g);
    ag_cooc_free(c);
    return g;
}

static size_t col(const ag_graph *g, ag_domain d, const char *name)
{
    long a = ag_graph_attr_find(g, d, name);
    ck_assert_msg(a >= 0, "no attribute \"%s\"", name);
    return (size_t)a;
}

static double num(const ag_graph *g, ag_domain d, const char *name, size_t elem)
{
    return ag_graph_get_number(g, d, col(g, d, name), elem);
}

static const char *str(const ag_graph *g, ag_domain d, const char *name, size_t elem)
{
    return ag_graph_get_string(g, d, col(g, d, name), elem);
}

/* "ARM", "AZE", ... in node order, joined with commas (static buffer). */
static const char *node_list(const ag_graph *g)
{
    static char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t v = 0; v < ag_graph_node_count(g); v++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", v ? "," : "", ag_graph_node_id(g, v));
    return buf;
}

/* "ARM-AZE,ARM-USA,..." in edge order (static buffer). */
static const char *edge_list(const ag_graph *g)
{
    static char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s-%s", e ? "," : "", ag_graph_node_id(g, a),
                              ag_graph_node_id(g, b));
    }
    return buf;
}

/* "name:type,name:type,..." of a domain's columns (types as S I D B). */
static const char *column_list(const ag_graph *g, ag_domain d)
{
    static char buf[512];
    static const char letter[] = "SIDB";
    size_t n = 0;
    buf[0] = '\0';
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s:%c", a ? "," : "", ag_graph_attr_name(g, d, a),
                              letter[ag_graph_attr_type(g, d, a)]);
    return buf;
}

static void setup(void)
{
    lex = tu_lexicon(lexicon_json);
    USA = (uint32_t)ag_lexicon_find(lex, "USA");
    ILHAM = (uint32_t)ag_lexicon_find(lex, "ilham-aliyev");
    AZE = (uint32_t)ag_lexicon_find(lex, "AZE");
    ARM = (uint32_t)ag_lexicon_find(lex, "ARM");
    /* the lexicon keeps load order: the test relies on ids not being in it */
    ck_assert_uint_eq(USA, 0);
    ck_assert_uint_eq(ILHAM, 1);
    ck_assert_uint_eq(AZE, 2);
    ck_assert_uint_eq(ARM, 3);
}

static void teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
}

/* --- core ------------------------------------------------------------------ */

START_TEST(test_node_and_edge_order)
{
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    /* by id in byte order: upper case before lower case; EU and NATO were never mentioned */
    ck_assert_uint_eq(ag_graph_node_count(g), 4);
    ck_assert_str_eq(node_list(g), "ARM,AZE,USA,ilham-aliyev");
    /* by end nodes (node indices), not by lexicon index */
    ck_assert_uint_eq(ag_graph_edge_count(g), 4);
    ck_assert_str_eq(edge_list(g), "ARM-AZE,ARM-USA,AZE-USA,USA-ilham-aliyev");
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        ck_assert_uint_lt(a, b);   /* no self-loops, smaller end first */
    }
    ag_graph_free(g);
}
END_TEST

START_TEST(test_attribute_columns)
{
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    /* the fixed node columns, then the lexicon attrs keys in byte order;
     * "pop" is a number for every actor that has it, so it is a double */
    ck_assert_str_eq(column_list(g, AG_NODES), "id:S,label:S,type:S,mentions:I,docs:I,affiliation:S,iso2:S,pop:D,region:S");
    ck_assert_str_eq(column_list(g, AG_EDGES), "weight:D,count:I,docs:I,npmi:D,jaccard:D,dice:D,pmi:D,assoc:D");
    ck_assert_str_eq(column_list(g, AG_GRAPH), "window:S,weight_measure:S,documents:I,windows:I,count_mode:S");
    ck_assert_int_eq(ag_graph_attr_find(g, AG_NODES, "nope"), -1);
    ck_assert_int_eq(ag_graph_attr_find(g, AG_EDGES, "label"), -1);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_node_values)
{
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    size_t iso2 = col(g, AG_NODES, "iso2"), pop = col(g, AG_NODES, "pop"), region = col(g, AG_NODES, "region");
    /* ARM */
    ck_assert_str_eq(str(g, AG_NODES, "id", 0), "ARM");
    ck_assert_str_eq(str(g, AG_NODES, "label", 0), "Armenia");
    ck_assert_str_eq(str(g, AG_NODES, "type", 0), "state");
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 0), 6);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 0), 2);
    ck_assert_ptr_null(str(g, AG_NODES, "affiliation", 0));
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, iso2, 0), 0);
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, iso2, 0));
    ck_assert_double_eq(ag_graph_get_number(g, AG_NODES, pop, 0), 2.8);
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, region, 0), 0);
    /* AZE */
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 1), 5);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 1), 1);
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, iso2, 1), "AZ");
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, pop, 1), 0);
    ck_assert(isnan(ag_graph_get_number(g, AG_NODES, pop, 1)));
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, region, 1), "Western Asia");
    /* USA */
    ck_assert_str_eq(str(g, AG_NODES, "label", 2), "United States");
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 2), 5);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 2), 2);
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, iso2, 2), "US");
    ck_assert_double_eq(ag_graph_get_number(g, AG_NODES, pop, 2), 335);
    /* ilham-aliyev */
    ck_assert_str_eq(str(g, AG_NODES, "type", 3), "leader");
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 3), 1);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 3), 1);
    ck_assert_str_eq(str(g, AG_NODES, "affiliation", 3), "AZE");
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, iso2, 3), 0);
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, pop, 3), 0);
    /* the wrong accessor for a column's type gives "missing" */
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, col(g, AG_NODES, "mentions"), 0));
    ck_assert(isnan(ag_graph_get_number(g, AG_NODES, col(g, AG_NODES, "label"), 0)));
    ag_graph_free(g);
}
END_TEST

/* N = 10 windows. c, n_a, n_b per edge (see corpus()):
 *   ARM-AZE   c 2, 5, 4: npmi ln(2*10/20)/-ln(.2) = 0;  jaccard 2/7; dice 4/9
 *   ARM-USA   c 3, 5, 5: npmi ln(30/25)/-ln(.3);     jaccard 3/7; dice 6/10
 *   AZE-USA   c 1, 4, 5: npmi ln(10/20)/ln(10);      jaccard 1/8; dice 2/9
 *   USA-ilham c 1, 5, 1: npmi ln(10/5)/ln(10);       jaccard 1/5; dice 2/6 */
START_TEST(test_measures)
{
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    static const double count[] = { 2, 3, 1, 1 }, docs[] = { 1, 2, 1, 1 };
    const double npmi[] = { 0.0, log(1.2) / log(10.0 / 3.0), -log(2.0) / log(10.0), log(2.0) / log(10.0) };
    static const double jaccard[] = { 2.0 / 7, 3.0 / 7, 1.0 / 8, 1.0 / 5 };
    static const double dice[] = { 4.0 / 9, 0.6, 2.0 / 9, 1.0 / 3 };
    for (size_t e = 0; e < 4; e++) {
        ck_assert_double_eq(num(g, AG_EDGES, "count", e), count[e]);
        ck_assert_double_eq(num(g, AG_EDGES, "docs", e), docs[e]);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", e), npmi[e], 1e-12);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "jaccard", e), jaccard[e], 1e-15);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "dice", e), dice[e], 1e-15);
        /* the default weight is the count */
        ck_assert_double_eq(num(g, AG_EDGES, "weight", e), count[e]);
    }
    /* the same numbers as decimals, in case log() were the thing that is wrong */
    ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", 1), 0.1514333, 1e-6);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", 2), -0.301030, 1e-6);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", 3), 0.301030, 1e-6);
    /* ln(1) = 0 exactly: npmi is exactly 0 when the pair co-occurs as often as chance says */
    ck_assert(num(g, AG_EDGES, "npmi", 0) == 0.0);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_graph_attributes)
{
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    ck_assert_str_eq(str(g, AG_GRAPH, "window", 0), "sentence");
    ck_assert_str_eq(str(g, AG_GRAPH, "weight_measure", 0), "count");
    ck_assert_double_eq(num(g, AG_GRAPH, "documents", 0), 2);
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 10);
    ag_graph_free(g);
}
END_TEST

/* --weight: the chosen measure becomes "weight"; the others stay as they are. */
typedef struct {
    ag_measure m;
    const char *name;
    double w[4];
} weight_case;

static const weight_case weight_cases[] = {
    { AG_MEASURE_COUNT, "count", { 2, 3, 1, 1 } },
    { AG_MEASURE_DOCS, "docs", { 1, 2, 1, 1 } },
    { AG_MEASURE_NPMI, "npmi", { 0.0, 0.15143328498688996, -0.30102999566398120, 0.30102999566398120 } },
    { AG_MEASURE_JACCARD, "jaccard", { 2.0 / 7, 3.0 / 7, 0.125, 0.2 } },
    { AG_MEASURE_DICE, "dice", { 4.0 / 9, 0.6, 2.0 / 9, 1.0 / 3 } },
};

START_TEST(test_weight_choice)
{
    const weight_case *wc = &weight_cases[_i];
    ag_graph_options o = AG_GRAPH_OPTIONS_INIT;
    ag_graph *g;
    ag_measure parsed = AG_MEASURE_COUNT_ALL;
    o.weight = wc->m;
    g = build(AG_WINDOW_SENTENCE, &o);
    ck_assert_uint_eq(ag_graph_edge_count(g), 4);
    for (size_t e = 0; e < 4; e++) {
        ck_assert_double_eq_tol(num(g, AG_EDGES, "weight", e), wc->w[e], 1e-12);
        ck_assert_double_eq(num(g, AG_EDGES, "count", e), weight_cases[0].w[e]);
        ck_assert_double_eq(num(g, AG_EDGES, "docs", e), weight_cases[1].w[e]);
    }
    ck_assert_str_eq(str(g, AG_GRAPH, "weight_measure", 0), wc->name);
    ck_assert_int_eq(ag_measure_parse(wc->name, &parsed), 0);
    ck_assert_int_eq(parsed, wc->m);
    ck_assert_str_eq(ag_measure_name(wc->m), wc->name);
    ag_graph_free(g);
}
END_TEST

/* Filters: --types, then --min-mentions (nodes with their edges), then
 * --min-weight (edges only). */
typedef struct {
    const char *what;
    ag_measure weight;
    double min_weight;
    uint64_t min_mentions;
    unsigned types;
    const char *nodes;
    const char *edges;
} filter_case;

#define T(x) (1u << AG_TYPE_##x)

static const filter_case filter_cases[] = {
    { "none", AG_MEASURE_COUNT, -1e300, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA,AZE-USA,USA-ilham-aliyev" },
    { "min-mentions 5 drops ilham (1)", AG_MEASURE_COUNT, -1e300, 5, AG_TYPES_ALL, "ARM,AZE,USA",
      "ARM-AZE,ARM-USA,AZE-USA" },
    { "min-mentions 6 keeps ARM alone", AG_MEASURE_COUNT, -1e300, 6, AG_TYPES_ALL, "ARM", "" },
    { "min-mentions 7 keeps nobody", AG_MEASURE_COUNT, -1e300, 7, AG_TYPES_ALL, "", "" },
    { "min-weight 2 on count keeps the nodes", AG_MEASURE_COUNT, 2, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA" },
    { "min-weight 3 on count", AG_MEASURE_COUNT, 3, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev", "ARM-USA" },
    { "min-weight 2 on docs", AG_MEASURE_DOCS, 2, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev", "ARM-USA" },
    { "min-weight 0 on npmi keeps npmi == 0", AG_MEASURE_NPMI, 0, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA,USA-ilham-aliyev" },
    { "min-weight 0.2 on jaccard", AG_MEASURE_JACCARD, 0.2, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA,USA-ilham-aliyev" },
    { "min-weight 0.5 on dice", AG_MEASURE_DICE, 0.5, 0, AG_TYPES_ALL, "ARM,AZE,USA,ilham-aliyev", "ARM-USA" },
    { "types state", AG_MEASURE_COUNT, -1e300, 0, T(STATE), "ARM,AZE,USA", "ARM-AZE,ARM-USA,AZE-USA" },
    { "types leader", AG_MEASURE_COUNT, -1e300, 0, T(LEADER), "ilham-aliyev", "" },
    { "types org: nothing mentioned", AG_MEASURE_COUNT, -1e300, 0, T(ORG), "", "" },
    { "types leader,org", AG_MEASURE_COUNT, -1e300, 0, T(LEADER) | T(ORG), "ilham-aliyev", "" },
    { "types state,leader + min-mentions 5", AG_MEASURE_COUNT, -1e300, 5, T(STATE) | T(LEADER), "ARM,AZE,USA",
      "ARM-AZE,ARM-USA,AZE-USA" },
    { "all three", AG_MEASURE_COUNT, 2, 5, T(STATE), "ARM,AZE,USA", "ARM-AZE,ARM-USA" },
};

START_TEST(test_filters)
{
    const filter_case *fc = &filter_cases[_i];
    ag_graph_options o = AG_GRAPH_OPTIONS_INIT;
    ag_graph *g;
    o.weight = fc->weight;
    o.min_weight = fc->min_weight;
    o.min_mentions = fc->min_mentions;
    o.types = fc->types;
    g = build(AG_WINDOW_SENTENCE, &o);
    ck_assert_msg(strcmp(node_list(g), fc->nodes) == 0, "%s: nodes %s, expected %s", fc->what, node_list(g), fc->nodes);
    ck_assert_msg(strcmp(edge_list(g), fc->edges) == 0, "%s: edges %s, expected %s", fc->what, edge_list(g), fc->edges);
    /* filters never change the counts of what stays, nor the graph attributes */
    for (size_t v = 0; v < ag_graph_node_count(g); v++)
        if (strcmp(ag_graph_node_id(g, v), "ARM") == 0)
            ck_assert_double_eq(num(g, AG_NODES, "mentions", v), 6);
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 10);
    ck_assert_double_eq(num(g, AG_GRAPH, "documents", 0), 2);
    ag_graph_free(g);
}
END_TEST

/* Paragraph windows (N = 4: d1 p0 p1, d2 p0 p1):
 *   ARM 4 (d1p0 d1p1 d2p0 d2p1), AZE 2 (d1p0 d1p1), USA 4, ilham 1 (d2p1)
 *   ARM-AZE c 2; ARM-USA c 4 = N; ARM-ilham c 1 (d2p1: s2 ilham, s3 ARM);
 *   AZE-USA c 2; USA-ilham c 1. */
START_TEST(test_paragraph_window)
{
    ag_graph *g = build(AG_WINDOW_PARAGRAPH, NULL);
    static const double count[] = { 2, 4, 1, 2, 1 }, docs[] = { 1, 2, 1, 1, 1 };
    static const double jaccard[] = { 0.5, 1.0, 0.25, 0.5, 0.25 };
    static const double dice[] = { 2.0 / 3, 1.0, 0.4, 2.0 / 3, 0.4 };
    static const double npmi[] = { 0.0, 1.0, 0.0, 0.0, 0.0 };
    ck_assert_str_eq(node_list(g), "ARM,AZE,USA,ilham-aliyev");
    ck_assert_str_eq(edge_list(g), "ARM-AZE,ARM-USA,ARM-ilham-aliyev,AZE-USA,USA-ilham-aliyev");
    for (size_t e = 0; e < 5; e++) {
        ck_assert_double_eq(num(g, AG_EDGES, "count", e), count[e]);
        ck_assert_double_eq(num(g, AG_EDGES, "docs", e), docs[e]);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", e), npmi[e], 1e-15);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "jaccard", e), jaccard[e], 1e-15);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "dice", e), dice[e], 1e-15);
    }
    /* c = N: npmi is 1 (ln 1 / -ln 1 would be 0/0) */
    ck_assert(num(g, AG_EDGES, "npmi", 1) == 1.0);
    ck_assert_str_eq(str(g, AG_GRAPH, "window", 0), "paragraph");
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 4);
    ck_assert_double_eq(num(g, AG_GRAPH, "documents", 0), 2);
    /* mentions and docs do not depend on the window */
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 0), 6);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 2), 2);
    ag_graph_free(g);
}
END_TEST

/* Document windows (N = 2): ARM 2, AZE 1, USA 2, ilham 1.
 *   ARM-AZE c 1: npmi ln(1*2/2)/-ln(1/2) = 0, jaccard 1/2, dice 2/3
 *   ARM-USA c 2 = N: npmi 1, jaccard 1, dice 1
 *   ARM-ilham c 1, AZE-USA c 1, USA-ilham c 1: each like ARM-AZE. */
START_TEST(test_document_window)
{
    ag_graph *g = build(AG_WINDOW_DOCUMENT, NULL);
    ck_assert_str_eq(edge_list(g), "ARM-AZE,ARM-USA,ARM-ilham-aliyev,AZE-USA,USA-ilham-aliyev");
    ck_assert_double_eq(num(g, AG_EDGES, "count", 1), 2);
    ck_assert(num(g, AG_EDGES, "npmi", 1) == 1.0);
    ck_assert_double_eq(num(g, AG_EDGES, "jaccard", 1), 1.0);
    ck_assert_double_eq(num(g, AG_EDGES, "dice", 1), 1.0);
    for (size_t e = 0; e < 5; e++) {
        if (e == 1)
            continue;
        ck_assert_double_eq(num(g, AG_EDGES, "count", e), 1);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", e), 0.0, 1e-15);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "jaccard", e), 0.5, 1e-15);
        ck_assert_double_eq_tol(num(g, AG_EDGES, "dice", e), 2.0 / 3, 1e-15);
    }
    ck_assert_str_eq(str(g, AG_GRAPH, "window", 0), "document");
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 2);
    ag_graph_free(g);
}
END_TEST

/* The brief's toy case, alone: N 10, n_a 4, n_b 5, c 2 -> npmi 0,
 * jaccard 2/7, dice 4/9; and a negative npmi: N 10, n_a 5, n_b 5, c 1 ->
 * log10(10/25) = -0.39794000867203760. */
START_TEST(test_toy_measures)
{
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    /* one document of 10 sentences: AZE in s0-s3, ARM in s2-s6; USA in s5-s9 */
    hand_mention m[20];
    size_t n = 0;
    for (uint32_t s = 0; s < 10; s++) {
        if (s <= 3)
            m[n++] = (hand_mention){ AZE, s, 0 };
        if (s >= 2 && s <= 6)
            m[n++] = (hand_mention){ ARM, s, 0 };
        if (s >= 5)
            m[n++] = (hand_mention){ USA, s, 0 };
    }
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    add_doc(c, m, n, 10, 1);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    /* ARM-AZE c 2 (s2 s3), ARM-USA c 2 (s5 s6), no AZE-USA */
    ck_assert_str_eq(edge_list(g), "ARM-AZE,ARM-USA");
    ck_assert_double_eq(num(g, AG_EDGES, "count", 0), 2);
    ck_assert(num(g, AG_EDGES, "npmi", 0) == 0.0);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "jaccard", 0), 2.0 / 7, 1e-15);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "dice", 0), 4.0 / 9, 1e-15);
    /* ARM-USA: n 5, 5, c 2: npmi ln(20/25)/-ln(0.2), jaccard 2/8, dice 4/10 */
    ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", 1), log(0.8) / log(5.0), 1e-12);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "npmi", 1), -0.138646884, 1e-9);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "jaccard", 1), 0.25, 1e-15);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "dice", 1), 0.4, 1e-15);
    ag_graph_free(g);
    ag_cooc_free(c);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */


/* --- the newer filters: top, min_count, top_edges, backbone, largest component --- */

/* Same corpus, sentence windows. Mentions: ARM 6, AZE 5, USA 5, ilham 1.
 * Counts: ARM-AZE 2, ARM-USA 3, AZE-USA 1, USA-ilham 1.
 * Disparity (weight = count): strength and degree ARM 5/2, AZE 3/2, USA 5/3,
 * ilham 1/1 (no vote). alpha = (1 - w/s)^(k-1) at each end:
 *   ARM-AZE  ARM 0.6   AZE 1/3      ARM-USA  ARM 0.4   USA 0.16
 *   AZE-USA  AZE 2/3   USA 0.64     USA-ilham USA 0.64 */
typedef struct {
    const char *what;
    size_t top, top_edges;
    uint64_t min_count;
    double backbone;
    int largest;
    const char *nodes, *edges;
} filter2_case;

static const filter2_case filter2_cases[] = {
    { "top 2: ARM, then AZE before USA (tie, id order)", 2, 0, 0, 0, 0, "ARM,AZE", "ARM-AZE" },
    { "top 3", 3, 0, 0, 0, 0, "ARM,AZE,USA", "ARM-AZE,ARM-USA,AZE-USA" },
    { "min-count 2", 0, 0, 2, 0, 0, "ARM,AZE,USA,ilham-aliyev", "ARM-AZE,ARM-USA" },
    { "top-edges 1", 0, 1, 0, 0, 0, "ARM,AZE,USA,ilham-aliyev", "ARM-USA" },
    { "top-edges 3: the tie at 1 goes to AZE-USA (id order)", 0, 3, 0, 0, 0, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA,AZE-USA" },
    { "backbone 0.2", 0, 0, 0, 0.2, 0, "ARM,AZE,USA,ilham-aliyev", "ARM-USA" },
    { "backbone 0.35", 0, 0, 0, 0.35, 0, "ARM,AZE,USA,ilham-aliyev", "ARM-AZE,ARM-USA" },
    { "backbone 0.65 keeps all", 0, 0, 0, 0.65, 0, "ARM,AZE,USA,ilham-aliyev",
      "ARM-AZE,ARM-USA,AZE-USA,USA-ilham-aliyev" },
    { "min-count 2, largest component", 0, 0, 2, 0, 1, "ARM,AZE,USA", "ARM-AZE,ARM-USA" },
    { "top-edges 1, largest component", 0, 1, 0, 0, 1, "ARM,USA", "ARM-USA" },
    { "top 2 then backbone 0.5: one edge, degree 1 at both ends: dropped", 2, 0, 0, 0.5, 0, "ARM,AZE", "" },
};

START_TEST(test_filters_2)
{
    const filter2_case *fc = &filter2_cases[_i];
    ag_graph_options o = AG_GRAPH_OPTIONS_INIT;
    ag_graph *g;
    o.top = fc->top;
    o.top_edges = fc->top_edges;
    o.min_count = fc->min_count;
    o.backbone = fc->backbone;
    o.largest_component = fc->largest;
    g = build(AG_WINDOW_SENTENCE, &o);
    ck_assert_msg(strcmp(node_list(g), fc->nodes) == 0, "%s: nodes %s, expected %s", fc->what, node_list(g), fc->nodes);
    ck_assert_msg(strcmp(edge_list(g), fc->edges) == 0, "%s: edges %s, expected %s", fc->what, edge_list(g), fc->edges);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_pmi_assoc)
{
    /* ARM-USA: c 3, n 5 and 5, N 10: pmi = ln(30/25); links k ARM 5, USA 5, m 7: assoc = 2*7*3/25 */
    ag_graph *g = build(AG_WINDOW_SENTENCE, NULL);
    size_t e;
    for (e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        if (strcmp(ag_graph_node_id(g, a), "ARM") == 0 && strcmp(ag_graph_node_id(g, b), "USA") == 0)
            break;
    }
    ck_assert_uint_lt(e, ag_graph_edge_count(g));
    ck_assert_double_eq_tol(num(g, AG_EDGES, "pmi", e), log(30.0 / 25.0), 1e-15);
    ck_assert_double_eq_tol(num(g, AG_EDGES, "assoc", e), 42.0 / 25.0, 1e-15);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_series)
{
    /* the corpus's two documents dated in two months */
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc_options co = AG_COOC_OPTIONS_INIT;
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    const ag_point *pts;
    const hand_mention d1[] = {
        { AZE, 0, 0 }, { USA, 0, 0 }, { AZE, 1, 0 }, { AZE, 2, 0 }, { ARM, 2, 0 }, { AZE, 2, 0 },
        { AZE, 3, 1 }, { ARM, 3, 1 }, { ARM, 3, 1 }, { ARM, 4, 1 }, { USA, 4, 1 },
    };
    const hand_mention d2[] = {
        { ARM, 0, 0 }, { USA, 0, 0 }, { USA, 2, 1 }, { ILHAM, 2, 1 }, { USA, 3, 1 }, { ARM, 3, 1 },
    };
    const char *dates[2] = { "2025-09-15", "2025-08-01" };   /* the second document is the earlier */
    co.slice = AG_SLICE_MONTH;
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(c, &co, &err), AG_OK);
    for (int k = 0; k < 2; k++) {
        const hand_mention *hm = k ? d2 : d1;
        size_t n = k ? sizeof d2 / sizeof d2[0] : sizeof d1 / sizeof d1[0];
        ag_mention m[32];
        ag_scan_result r;
        ag_cooc_doc d;
        memset(m, 0, sizeof m);
        memset(&r, 0, sizeof r);
        memset(&d, 0, sizeof d);
        for (size_t i = 0; i < n; i++) {
            m[i].actor = hm[i].actor;
            m[i].sentence = hm[i].sentence;
            m[i].paragraph = hm[i].paragraph;
        }
        r.mentions = m;
        r.n_mentions = n;
        r.sentences = k ? 4 : 6;
        r.paragraphs = 2;
        d.res = &r;
        d.date = dates[k];
        ck_assert_int_eq(ag_cooc_add_document(c, &d, &err), AG_OK);
    }
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ck_assert_uint_eq(ag_graph_slice_count(g), 2);
    ck_assert_str_eq(ag_graph_slice(g, 0)->label, "2025-08");
    ck_assert_str_eq(ag_graph_slice(g, 1)->end, "2025-09-30");
    /* nodes: ARM (node 0) 2 mentions in August (d2), 4 in September (d1); ilham (node 3) only in August */
    ck_assert_uint_eq(ag_graph_node_series(g, 0, &pts), 2);
    ck_assert_uint_eq(pts[0].slice, 0);
    ck_assert_double_eq(pts[0].value, 2);
    ck_assert_double_eq(pts[1].value, 4);
    ck_assert_uint_eq(ag_graph_node_series(g, 3, &pts), 1);
    ck_assert_uint_eq(pts[0].slice, 0);
    /* edges: ARM-USA (edge 1) count 2 in August, 1 in September; ARM-AZE (edge 0) only September */
    ck_assert_uint_eq(ag_graph_edge_series(g, 1, &pts), 2);
    ck_assert_double_eq(pts[0].value, 2);
    ck_assert_double_eq(pts[1].value, 1);
    ck_assert_uint_eq(ag_graph_edge_series(g, 0, &pts), 1);
    ck_assert_uint_eq(pts[0].slice, 1);
    ck_assert_double_eq(pts[0].value, 2);
    ag_graph_free(g);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_evidence_attribute)
{
    static const char ev_lex[] =
        "{\"actors\": ["
        "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"]},"
        "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]}]}";
    static const char text[] = "Azerbaijan met Armenia. Armenia thanked Azerbaijan. Armenia and Azerbaijan.";
    ag_lexicon *l2 = tu_lexicon(ev_lex);
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc_options co = AG_COOC_OPTIONS_INIT;
    ag_graph_options go = AG_GRAPH_OPTIONS_INIT;
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_cooc_doc d;
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    co.evidence = 2;
    go.evidence = 2;
    ck_assert_int_eq(ag_cooc_new(2, &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(c, &co, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_new(l2, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    memset(&d, 0, sizeof d);
    d.res = &r;
    d.tokens = r.token_list;
    d.text = text;
    d.id = "talks.txt";
    ck_assert_int_eq(ag_cooc_add_document(c, &d, &err), AG_OK);
    ck_assert_int_eq(ag_graph_build(l2, c, &go, &g, &err), AG_OK);
    ck_assert_uint_eq(ag_graph_edge_count(g), 1);
    ck_assert_str_eq(str(g, AG_EDGES, "evidence", 0),
                     "talks.txt [0,23): Azerbaijan met Armenia. | talks.txt [24,51): Armenia thanked Azerbaijan.");
    ag_graph_free(g);
    ag_cooc_free(c);
    ag_scanner_free(s);
    ag_lexicon_free(l2);
}
END_TEST

START_TEST(test_counts_of_another_lexicon)
{
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    ag_graph *g = (ag_graph *)&w;   /* must come back NULL */
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex) + 1, &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_EINVAL);
    ck_assert_ptr_null(g);
    ck_assert_int_eq(err.status, AG_EINVAL);
    ck_assert(err.message[0] != '\0');
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_measure_names)
{
    ag_measure m = AG_MEASURE_DICE;
    ck_assert_int_eq(ag_measure_parse("NPMI", &m), -1);
    ck_assert_int_eq(ag_measure_parse("", &m), -1);
    ck_assert_int_eq(ag_measure_parse("counts", &m), -1);
    ck_assert_int_eq(m, AG_MEASURE_DICE);   /* untouched on failure */
    ck_assert_str_eq(ag_measure_name(AG_MEASURE_COUNT_ALL), "?");
}
END_TEST

START_TEST(test_read_missing_file)
{
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_graph_read_file("/nonexistent/dir/g.graphml", &g, &err), AG_ENOENT);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(err.file, "/nonexistent/dir/g.graphml");
}
END_TEST

static char *write_temp(const char *content)
{
    static char path[64];
    int fd;
    snprintf(path, sizeof path, "/tmp/check_graph.XXXXXX");
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

static const char *const malformed[] = {
    "",
    "this is not XML\n",
    ("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
     "  <graph id=\"G\" edgedefault=\"undirected\">\n    <node id=\"a\">\n  </graph>\n</graphml>\n"),
};

START_TEST(test_read_malformed)
{
    char *path = write_temp(malformed[_i]);
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_graph_read_file(path, &g, &err), AG_ESYNTAX);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(err.file, path);
    unlink(path);
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

/* A string attribute a node does not have reads as missing (NULL), not as
 * the "" igraph fills in; an empty value cannot be told from it and reads
 * the same. Numbers that are absent are NaN. Attribute names are kept as
 * the file has them, spaces included (the GraphML writer fixes them). */
START_TEST(test_read_absent_values)
{
    char *path = write_temp(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"k0\" for=\"node\" attr.name=\"party name\" attr.type=\"string\"/>\n"
        "  <key id=\"k1\" for=\"node\" attr.name=\"seats\" attr.type=\"double\"/>\n"
        "  <graph edgedefault=\"undirected\">\n"
        "    <node id=\"a\"><data key=\"k0\">Dem</data><data key=\"k1\">3</data></node>\n"
        "    <node id=\"b\"/>\n"
        "    <node id=\"c\"><data key=\"k0\"></data></node>\n"
        "    <edge source=\"a\" target=\"b\"/>\n"
        "  </graph>\n</graphml>\n");
    ag_graph *g = NULL;
    ag_error err;
    size_t party, seats;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(path, &g, &err) == AG_OK, "%s", err.message);
    unlink(path);
    ck_assert_str_eq(node_list(g), "a,b,c");
    ck_assert_str_eq(column_list(g, AG_NODES), "id:S,party name:S,seats:D");
    party = col(g, AG_NODES, "party name");
    seats = col(g, AG_NODES, "seats");
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, party, 0), "Dem");
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, party, 0), 1);
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, party, 1));
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, party, 1), 0);
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, party, 2));
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, party, 2), 0);
    ck_assert_double_eq(ag_graph_get_number(g, AG_NODES, seats, 0), 3);
    ck_assert(isnan(ag_graph_get_number(g, AG_NODES, seats, 1)));
    ck_assert_int_eq(ag_graph_has_value(g, AG_NODES, seats, 1), 0);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_empty_counts)
{
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ck_assert_uint_eq(ag_graph_node_count(g), 0);
    ck_assert_uint_eq(ag_graph_edge_count(g), 0);
    /* the columns are declared all the same, so an empty graph still has a schema */
    ck_assert_str_eq(column_list(g, AG_NODES), "id:S,label:S,type:S,mentions:I,docs:I,affiliation:S");
    ck_assert_str_eq(column_list(g, AG_EDGES), "weight:D,count:I,docs:I,npmi:D,jaccard:D,dice:D,pmi:D,assoc:D");
    ck_assert_double_eq(num(g, AG_GRAPH, "documents", 0), 0);
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 0);
    ck_assert_str_eq(str(g, AG_GRAPH, "window", 0), "sentence");
    ag_graph_free(g);
    ag_cooc_free(c);
    ag_graph_free(NULL);
}
END_TEST

/* One window holding both actors: c = N = 1 -> npmi 1, not 0/0. */
START_TEST(test_single_window)
{
    ag_window w = { AG_WINDOW_DOCUMENT };
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    const hand_mention m[] = { { AZE, 0, 0 }, { ARM, 0, 0 }, { AZE, 1, 0 } };
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    add_doc(c, m, 3, 2, 1);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ck_assert_str_eq(edge_list(g), "ARM-AZE");
    ck_assert_double_eq(num(g, AG_EDGES, "count", 0), 1);
    ck_assert(num(g, AG_EDGES, "npmi", 0) == 1.0);
    ck_assert_double_eq(num(g, AG_EDGES, "jaccard", 0), 1.0);
    ck_assert_double_eq(num(g, AG_EDGES, "dice", 0), 1.0);
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 1), 2);
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 1);
    ag_graph_free(g);
    ag_cooc_free(c);
}
END_TEST

/* One actor alone in every window: a node without edges. */
START_TEST(test_isolated_actor)
{
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    const hand_mention m[] = { { USA, 0, 0 }, { USA, 0, 0 }, { USA, 2, 0 } };
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    add_doc(c, m, 3, 3, 1);
    ck_assert_int_eq(ag_graph_build(lex, c, NULL, &g, &err), AG_OK);
    ck_assert_str_eq(node_list(g), "USA");
    ck_assert_uint_eq(ag_graph_edge_count(g), 0);
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 0), 3);
    ck_assert_double_eq(num(g, AG_NODES, "docs", 0), 1);
    ck_assert_double_eq(num(g, AG_GRAPH, "windows", 0), 3);
    ag_graph_free(g);
    ag_cooc_free(c);
}
END_TEST

/* Ids in byte order whatever their case or script; an attrs key used with
 * a number by one actor and a string by another is a string column (the
 * number as written); attrs keys named like a built-in attribute do not
 * replace it. */
static const char odd_lexicon[] =
    "{\"lexicon\": \"odd\", \"version\": 1, \"actors\": ["
    " {\"id\": \"\xCE\xA9mega\", \"label\": \"Omega\", \"type\": \"org\", \"names\": [\"Omega\"],"
    "  \"attrs\": {\"code\": 31, \"label\": \"shadow\", \"mentions\": 99}},"
    " {\"id\": \"zeta\", \"label\": \"Zeta person\", \"type\": \"leader\", \"names\": [\"Zeta Person\"],"
    "  \"attrs\": {\"code\": \"Z-1\"}},"
    " {\"id\": \"\xC3\xA1\x62\x63\", \"label\": \"Abc\", \"type\": \"state\", \"names\": [\"Abc\"]},"
    " {\"id\": \"Zeta\", \"label\": \"Zeta state\", \"type\": \"state\", \"names\": [\"Zeta\"]}"
    "]}";

START_TEST(test_byte_order_and_attr_types)
{
    ag_lexicon *odd = tu_lexicon(odd_lexicon);
    ag_window w = { AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    ag_graph *g = NULL;
    ag_error err;
    const hand_mention m[] = { { 0, 0, 0 }, { 1, 0, 0 }, { 2, 0, 0 }, { 3, 0, 0 }, { 0, 1, 0 } };
    size_t code;
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(odd), &w, &c, &err), AG_OK);
    add_doc(c, m, 5, 2, 1);
    ck_assert_int_eq(ag_graph_build(odd, c, NULL, &g, &err), AG_OK);
    /* 'Z' 0x5A < 'z' 0x7A < U+00E1 (C3 A1) < U+03A9 (CE A9) */
    ck_assert_str_eq(node_list(g), "Zeta,zeta,\xC3\xA1\x62\x63,\xCE\xA9mega");
    ck_assert_uint_eq(ag_graph_edge_count(g), 6);
    ck_assert_str_eq(edge_list(g), "Zeta-zeta,Zeta-\xC3\xA1\x62\x63,Zeta-\xCE\xA9mega,zeta-\xC3\xA1\x62\x63,"
                                   "zeta-\xCE\xA9mega,\xC3\xA1\x62\x63-\xCE\xA9mega");
    ck_assert_str_eq(column_list(g, AG_NODES), "id:S,label:S,type:S,mentions:I,docs:I,affiliation:S,code:S");
    code = col(g, AG_NODES, "code");
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, code, 0));
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, code, 1), "Z-1");
    ck_assert_ptr_null(ag_graph_get_string(g, AG_NODES, code, 2));
    ck_assert_str_eq(ag_graph_get_string(g, AG_NODES, code, 3), "31");
    ck_assert_str_eq(str(g, AG_NODES, "label", 3), "Omega");
    ck_assert_double_eq(num(g, AG_NODES, "mentions", 3), 2);
    ck_assert_str_eq(str(g, AG_NODES, "type", 3), "org");
    ag_graph_free(g);
    ag_cooc_free(c);
    ag_lexicon_free(odd);
}
END_TEST

Suite *graph_suite(void);
Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_node_and_edge_order);
    tcase_add_test(core, test_attribute_columns);
    tcase_add_test(core, test_node_values);
    tcase_add_test(core, test_measures);
    tcase_add_test(core, test_graph_attributes);
    tcase_add_loop_test(core, test_weight_choice, 0, (int)(sizeof weight_cases / sizeof weight_cases[0]));
    tcase_add_loop_test(core, test_filters, 0, (int)(sizeof filter_cases / sizeof filter_cases[0]));
    tcase_add_test(core, test_paragraph_window);
    tcase_add_test(core, test_document_window);
    tcase_add_test(core, test_toy_measures);
    tcase_add_loop_test(core, test_filters_2, 0, (int)(sizeof filter2_cases / sizeof filter2_cases[0]));
    tcase_add_test(core, test_pmi_assoc);
    tcase_add_test(core, test_series);
    tcase_add_test(core, test_evidence_attribute);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_test(errors, test_counts_of_another_lexicon);
    tcase_add_test(errors, test_measure_names);
    tcase_add_test(errors, test_read_missing_file);
    tcase_add_loop_test(errors, test_read_malformed, 0, (int)(sizeof malformed / sizeof malformed[0]));
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_empty_counts);
    tcase_add_test(edge, test_single_window);
    tcase_add_test(edge, test_isolated_actor);
    tcase_add_test(edge, test_byte_order_and_attr_types);
    tcase_add_test(edge, test_read_absent_values);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(graph_suite());
}

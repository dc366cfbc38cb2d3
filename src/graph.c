/*
 * graph.c — the actor graph: igraph topology, typed attribute columns, and
 * the build from co-occurrence counts.
 *
 * Input: a lexicon and the counts of cooccur.c. Output: nodes (the actors
 * mentioned that pass the filters, ordered by id) and edges (pairs that
 * share a window, ordered by their end nodes) with every measure as an
 * attribute; the chosen one is also "weight". Measures (N = windows,
 * n_a = windows with a, c = windows with both):
 *   npmi    = ln(c N / (n_a n_b)) / -ln(c / N)        (1 when c = N)
 *   jaccard = c / (n_a + n_b - c)
 *   dice    = 2 c / (n_a + n_b)
 * Filters, in this order: --types, --min-mentions (nodes, with their
 * edges), then --min-weight (edges). No file formats here (export_*.c,
 * graph_read.c).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/graph.h"
#include "graph_internal.h"
#include "internal.h"

/* --- igraph errors --------------------------------------------------------- */

static _Thread_local char igraph_reason[256];
static pthread_once_t attr_once = PTHREAD_ONCE_INIT;

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    snprintf(igraph_reason, sizeof igraph_reason, "%s (%s)", reason ? reason : "unknown",
             igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

static void install_attributes(void)
{
    igraph_set_attribute_table(&igraph_cattribute_table);
}

void ag__igraph_init(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    pthread_once(&attr_once, install_attributes);
}

const char *ag__igraph_reason(igraph_error_t code)
{
    return igraph_reason[0] ? igraph_reason : igraph_strerror(code);
}

ag_status ag__igraph_fail(ag_error *err, igraph_error_t code, const char *what)
{
    return ag__fail(err, AG_EGRAPH, "%s: %s", what, ag__igraph_reason(code));
}

/* --- measures -------------------------------------------------------------- */

static const char *const measure_names[AG_MEASURE_COUNT_ALL] = { "count", "docs", "npmi", "jaccard",
                                                                   "dice", "pmi", "assoc" };

int ag_measure_parse(const char *s, ag_measure *out)
{
    for (int m = 0; m < AG_MEASURE_COUNT_ALL; m++) {
        if (strcmp(s, measure_names[m]) == 0) {
            *out = (ag_measure)m;
            return 0;
        }
    }
    return -1;
}

const char *ag_measure_name(ag_measure m)
{
    return (unsigned)m < AG_MEASURE_COUNT_ALL ? measure_names[m] : "?";
}

/* --- the graph object ------------------------------------------------------- */

ag_status ag__graph_new(size_t n_nodes, size_t n_edges, const size_t *from, const size_t *to, ag_graph **out,
                        ag_error *err)
{
    ag_graph *g = (ag_graph *)calloc(1, sizeof *g);
    igraph_vector_int_t ev;
    igraph_error_t rc;

    *out = NULL;
    if (!g)
        return ag__fail(err, AG_ENOMEM, "out of memory creating a graph");
    g->n_nodes = n_nodes;
    g->n_edges = n_edges;
    g->efrom = (size_t *)malloc((n_edges ? n_edges : 1) * sizeof *g->efrom);
    g->eto = (size_t *)malloc((n_edges ? n_edges : 1) * sizeof *g->eto);
    if (!g->efrom || !g->eto) {
        ag_graph_free(g);
        return ag__fail(err, AG_ENOMEM, "out of memory creating a graph");
    }
    if (n_edges) {
        memcpy(g->efrom, from, n_edges * sizeof *from);
        memcpy(g->eto, to, n_edges * sizeof *to);
    }
    ag__igraph_init();
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * n_edges)) != IGRAPH_SUCCESS) {
        ag_graph_free(g);
        return ag__fail(err, AG_ENOMEM, "out of memory creating a graph");
    }
    for (size_t e = 0; e < n_edges; e++) {
        VECTOR(ev)[2 * e] = (igraph_integer_t)from[e];
        VECTOR(ev)[2 * e + 1] = (igraph_integer_t)to[e];
    }
    rc = igraph_create(&g->ig, &ev, (igraph_integer_t)n_nodes, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (rc != IGRAPH_SUCCESS) {
        ag_status st = ag__igraph_fail(err, rc, "cannot create the graph");
        ag_graph_free(g);
        return st;
    }
    g->has_ig = 1;
    *out = g;
    return AG_OK;
}

static size_t domain_size(const ag_graph *g, ag_domain d)
{
    return d == AG_NODES ? g->n_nodes : d == AG_EDGES ? g->n_edges : 1;
}

void ag_graph_free(ag_graph *g)
{
    if (!g)
        return;
    for (int d = 0; d < 3; d++) {
        for (size_t i = 0; i < g->n_cols[d]; i++) {
            ag_column *c = &g->cols[d][i];
            if (c->s)
                for (size_t k = 0; k < domain_size(g, (ag_domain)d); k++)
                    free(c->s[k]);
            free(c->s);
            free(c->d);
            free(c->name);
        }
        free(g->cols[d]);
    }
    if (g->has_ig)
        igraph_destroy(&g->ig);
    free(g->efrom);
    free(g->eto);
    for (size_t i = 0; i < g->n_slices; i++)
        free(g->slice_labels[i]);
    free(g->slice_labels);
    free(g->slices);
    if (g->node_series)
        for (size_t v = 0; v < g->n_nodes; v++)
            free(g->node_series[v].v);
    if (g->edge_series)
        for (size_t e = 0; e < g->n_edges; e++)
            free(g->edge_series[e].v);
    free(g->node_series);
    free(g->edge_series);
    free(g);
}

ag_status ag__graph_add_column(ag_graph *g, ag_domain d, const char *name, ag_attr_type type, size_t *index,
                               ag_error *err)
{
    size_t n = domain_size(g, d) ? domain_size(g, d) : 1;
    ag_column *c;

    if (ag_graph_attr_find(g, d, name) >= 0)
        return ag__fail(err, AG_EINVAL, "attribute \"%s\" is defined twice", name);
    if (ag__grow((void **)&g->cols[d], &g->cap_cols[d], g->n_cols[d] + 1, sizeof(ag_column)) != 0)
        return ag__fail(err, AG_ENOMEM, "out of memory adding attribute \"%s\"", name);
    c = &g->cols[d][g->n_cols[d]];
    memset(c, 0, sizeof *c);
    c->name = ag__strdup(name);
    c->type = type;
    if (type == AG_ATTR_STRING) {
        c->s = (char **)calloc(n, sizeof *c->s);
    } else {
        c->d = (double *)malloc(n * sizeof *c->d);
        if (c->d)
            for (size_t k = 0; k < n; k++)
                c->d[k] = NAN;
    }
    if (!c->name || (!c->s && !c->d)) {
        free(c->name);
        free(c->s);
        free(c->d);
        return ag__fail(err, AG_ENOMEM, "out of memory adding attribute \"%s\"", name);
    }
    *index = g->n_cols[d]++;
    return AG_OK;
}

ag_status ag__graph_set_string(ag_graph *g, ag_domain d, size_t col, size_t elem, const char *value, ag_error *err)
{
    ag_column *c = &g->cols[d][col];
    char *copy = NULL;
    if (value && !(copy = ag__strdup(value)))
        return ag__fail(err, AG_ENOMEM, "out of memory setting attribute \"%s\"", c->name);
    free(c->s[elem]);
    c->s[elem] = copy;
    return AG_OK;
}

void ag__graph_set_number(ag_graph *g, ag_domain d, size_t col, size_t elem, double value)
{
    g->cols[d][col].d[elem] = value;
}

const igraph_t *ag__graph_igraph(const ag_graph *g)
{
    return &g->ig;
}

size_t ag_graph_node_count(const ag_graph *g)
{
    return g->n_nodes;
}

size_t ag_graph_edge_count(const ag_graph *g)
{
    return g->n_edges;
}

void ag_graph_edge_ends(const ag_graph *g, size_t edge, size_t *from, size_t *to)
{
    *from = g->efrom[edge];
    *to = g->eto[edge];
}

size_t ag_graph_attr_count(const ag_graph *g, ag_domain d)
{
    return g->n_cols[d];
}

const char *ag_graph_attr_name(const ag_graph *g, ag_domain d, size_t attr)
{
    return g->cols[d][attr].name;
}

ag_attr_type ag_graph_attr_type(const ag_graph *g, ag_domain d, size_t attr)
{
    return g->cols[d][attr].type;
}

long ag_graph_attr_find(const ag_graph *g, ag_domain d, const char *name)
{
    for (size_t i = 0; i < g->n_cols[d]; i++)
        if (strcmp(g->cols[d][i].name, name) == 0)
            return (long)i;
    return -1;
}

const char *ag_graph_get_string(const ag_graph *g, ag_domain d, size_t attr, size_t elem)
{
    const ag_column *c = &g->cols[d][attr];
    return c->s ? c->s[elem] : NULL;
}

double ag_graph_get_number(const ag_graph *g, ag_domain d, size_t attr, size_t elem)
{
    const ag_column *c = &g->cols[d][attr];
    return c->d ? c->d[elem] : NAN;
}

int ag_graph_has_value(const ag_graph *g, ag_domain d, size_t attr, size_t elem)
{
    const ag_column *c = &g->cols[d][attr];
    return c->s ? c->s[elem] != NULL : !isnan(c->d[elem]);
}

const char *ag_graph_node_id(const ag_graph *g, size_t node)
{
    long a = ag_graph_attr_find(g, AG_NODES, "id");
    return a >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a, node) : NULL;
}

size_t ag_graph_slice_count(const ag_graph *g)
{
    return g->n_slices;
}

const ag_slice *ag_graph_slice(const ag_graph *g, size_t i)
{
    return i < g->n_slices ? &g->slices[i] : NULL;
}

size_t ag_graph_node_series(const ag_graph *g, size_t node, const ag_point **points)
{
    *points = g->node_series && node < g->n_nodes ? g->node_series[node].v : NULL;
    return *points ? g->node_series[node].n : 0;
}

size_t ag_graph_edge_series(const ag_graph *g, size_t edge, const ag_point **points)
{
    *points = g->edge_series && edge < g->n_edges ? g->edge_series[edge].v : NULL;
    return *points ? g->edge_series[edge].n : 0;
}

/* --- build from counts ------------------------------------------------------ */

typedef struct {
    uint32_t a, b;          /* node indices, a < b (actor indices until the nodes are numbered) */
    uint32_t actor_a, actor_b;
    const ag_pair_counts *p;
    double m[AG_MEASURE_COUNT_ALL];
    int keep;
} edge_rec;

static int by_ends(const void *x, const void *y)
{
    const edge_rec *a = (const edge_rec *)x, *b = (const edge_rec *)y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

typedef struct {
    const char *id;
    uint32_t actor;
    uint64_t mentions;
} id_rec;

static int by_id(const void *x, const void *y)
{
    return strcmp(((const id_rec *)x)->id, ((const id_rec *)y)->id);
}

static int by_mentions(const void *x, const void *y)
{
    const id_rec *a = (const id_rec *)x, *b = (const id_rec *)y;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Every measure of a pair: c windows shared, d documents shared, n_a and
 * n_b windows of each, n all windows, k_a and k_b link strengths, m the
 * total link strength. */
static void measures(uint64_t c, uint64_t d, uint64_t na, uint64_t nb, uint64_t n, uint64_t ka, uint64_t kb,
                     uint64_t m, double *out)
{
    double cc = (double)c, nn = (double)n;
    out[AG_MEASURE_COUNT] = cc;
    out[AG_MEASURE_DOCS] = (double)d;
    out[AG_MEASURE_PMI] = log(cc * nn / ((double)na * (double)nb));
    out[AG_MEASURE_NPMI] = c >= n ? 1.0 : out[AG_MEASURE_PMI] / -log(cc / nn);
    out[AG_MEASURE_JACCARD] = cc / ((double)na + (double)nb - cc);
    out[AG_MEASURE_DICE] = 2.0 * cc / ((double)na + (double)nb);
    out[AG_MEASURE_ASSOC] = 2.0 * (double)m * cc / ((double)ka * (double)kb);
}

/* The disparity filter (Serrano, Boguñá, Vespignani 2009): an edge stays
 * when, at one of its ends with degree k > 1, its share p of the node's
 * strength is unlikely under a uniform split: (1 - p)^(k - 1) < alpha.
 * Edges with a weight that is not positive are dropped first. */
static void disparity(edge_rec *e, size_t n_edges, size_t n_nodes, int weight, double alpha, double *strength,
                      uint32_t *degree)
{
    memset(strength, 0, n_nodes * sizeof *strength);
    memset(degree, 0, n_nodes * sizeof *degree);
    for (size_t i = 0; i < n_edges; i++) {
        if (!e[i].keep)
            continue;
        if (!(e[i].m[weight] > 0)) {
            e[i].keep = 0;
            continue;
        }
        strength[e[i].a] += e[i].m[weight];
        strength[e[i].b] += e[i].m[weight];
        degree[e[i].a]++;
        degree[e[i].b]++;
    }
    for (size_t i = 0; i < n_edges; i++) {
        int significant = 0;
        uint32_t ends[2];
        if (!e[i].keep)
            continue;
        ends[0] = e[i].a;
        ends[1] = e[i].b;
        for (int k = 0; k < 2; k++) {
            uint32_t v = ends[k];
            if (degree[v] > 1 && pow(1.0 - e[i].m[weight] / strength[v], (double)(degree[v] - 1)) < alpha)
                significant = 1;
        }
        e[i].keep = significant;
    }
}

static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

typedef struct {
    double weight;
    const char *lo, *hi;   /* the ends' ids, in byte order */
    edge_rec *e;
} ranked_edge;

/* Heaviest first; ties by the ends' ids. */
static int by_rank(const void *x, const void *y)
{
    const ranked_edge *a = (const ranked_edge *)x, *b = (const ranked_edge *)y;
    int d;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    d = strcmp(a->lo, b->lo);
    return d ? d : strcmp(a->hi, b->hi);
}

/* Writes "doc [start,end): text" records joined by " | ", each text cut
 * to about 300 bytes at a character boundary. */
static char *evidence_string(const ag_evidence *ev, size_t n)
{
    size_t cap = 64, len = 0;
    char *s = (char *)malloc(cap);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t tlen = strlen(ev[i].text), cut = tlen;
        int truncated = 0;
        char head[96];
        if (cut > 300) {
            cut = 300;
            while (cut > 0 && ((unsigned char)ev[i].text[cut] & 0xC0) == 0x80)
                cut--;
            truncated = 1;
        }
        snprintf(head, sizeof head, "%s%s [%zu,%zu): ", i ? " | " : "", "", ev[i].start, ev[i].end);
        if (ag__grow((void **)&s, &cap, len + strlen(ev[i].doc) + strlen(head) + cut + 8, 1) != 0) {
            free(s);
            return NULL;
        }
        len += (size_t)sprintf(s + len, "%s%s", i ? " | " : "", ev[i].doc);
        len += (size_t)sprintf(s + len, " [%zu,%zu): ", ev[i].start, ev[i].end);
        memcpy(s + len, ev[i].text, cut);
        len += cut;
        if (truncated) {
            memcpy(s + len, "\xE2\x80\xA6", 3);
            len += 3;
        }
        s[len] = '\0';
    }
    return s;
}

ag_status ag_graph_build(const ag_lexicon *lex, ag_cooc *c, const ag_graph_options *opts, ag_graph **out,
                         ag_error *err)
{
    ag_graph_options defaults = AG_GRAPH_OPTIONS_INIT;
    size_t n_actors = ag_lexicon_actor_count(lex);
    uint32_t *nodes = NULL, *node_of = NULL, *parent = NULL, *degree = NULL;
    id_rec *recs = NULL;
    double *strength = NULL;
    edge_rec *edges = NULL;
    ranked_edge *ranked = NULL;
    size_t n_nodes = 0, n_edges = 0, n_pairs, *from = NULL, *to = NULL;
    const ag_pair_counts *pairs;
    ag_graph *g = NULL;
    ag_status st;
    char **attr_keys = NULL;
    size_t n_attr_keys = 0, cap_attr_keys = 0;
    uint64_t total_links = 0;

    *out = NULL;
    if (!opts)
        opts = &defaults;
    if ((unsigned)opts->weight >= AG_MEASURE_COUNT_ALL)
        return ag__fail(err, AG_EINVAL, "unknown weight measure");
    if (ag_cooc_actor_count(c) != n_actors)
        return ag__fail(err, AG_EINVAL, "counts were made with another lexicon");
    if ((st = ag_cooc_pairs(c, &pairs, &n_pairs, err)) != AG_OK)
        return st;

    nodes = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *nodes);
    node_of = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *node_of);
    recs = (id_rec *)malloc((n_actors ? n_actors : 1) * sizeof *recs);
    edges = (edge_rec *)malloc((n_pairs ? n_pairs : 1) * sizeof *edges);
    parent = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *parent);
    degree = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *degree);
    strength = (double *)malloc((n_actors ? n_actors : 1) * sizeof *strength);
    if (!nodes || !node_of || !recs || !edges || !parent || !degree || !strength) {
        st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
        goto done;
    }

    /* actors: types, min_mentions, top */
    for (size_t a = 0; a < n_actors; a++) {
        const ag_actor_counts *k = ag_cooc_actor(c, a);
        const ag_actor *actor = ag_lexicon_actor(lex, a);
        total_links += k->links;
        node_of[a] = UINT32_MAX;
        if (k->mentions == 0 || k->mentions < opts->min_mentions || !(opts->types & (1u << actor->type)))
            continue;
        recs[n_nodes].id = actor->id;
        recs[n_nodes].actor = (uint32_t)a;
        recs[n_nodes].mentions = k->mentions;
        n_nodes++;
    }
    if (opts->top && opts->top < n_nodes) {
        qsort(recs, n_nodes, sizeof *recs, by_mentions);
        n_nodes = opts->top;
    }
    for (size_t i = 0; i < n_nodes; i++)
        node_of[recs[i].actor] = (uint32_t)i;   /* provisional numbering */

    /* edges: measures from all the counts, then min_count and min_weight */
    for (size_t i = 0; i < n_pairs; i++) {
        const ag_pair_counts *p = &pairs[i];
        const ag_actor_counts *ka = ag_cooc_actor(c, p->a), *kb = ag_cooc_actor(c, p->b);
        edge_rec *e = &edges[n_edges];
        if (node_of[p->a] == UINT32_MAX || node_of[p->b] == UINT32_MAX)
            continue;
        e->a = node_of[p->a];
        e->b = node_of[p->b];
        e->actor_a = p->a;
        e->actor_b = p->b;
        e->p = p;
        measures(p->count, p->docs, ka->windows, kb->windows, ag_cooc_windows(c), ka->links, kb->links,
                 total_links / 2, e->m);
        e->keep = p->count >= opts->min_count && e->m[opts->weight] >= opts->min_weight;
        n_edges++;
    }
    if (opts->backbone > 0)
        disparity(edges, n_edges, n_nodes, opts->weight, opts->backbone, strength, degree);
    if (opts->top_edges) {
        size_t kept = 0;
        ranked = (ranked_edge *)malloc((n_edges ? n_edges : 1) * sizeof *ranked);
        if (!ranked) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
            goto done;
        }
        for (size_t i = 0; i < n_edges; i++) {
            if (!edges[i].keep)
                continue;
            const char *ia = ag_lexicon_actor(lex, edges[i].actor_a)->id;
            const char *ib = ag_lexicon_actor(lex, edges[i].actor_b)->id;
            int order = strcmp(ia, ib) < 0;
            ranked[kept].weight = edges[i].m[opts->weight];
            ranked[kept].lo = order ? ia : ib;
            ranked[kept].hi = order ? ib : ia;
            ranked[kept].e = &edges[i];
            kept++;
        }
        qsort(ranked, kept, sizeof *ranked, by_rank);
        for (size_t i = opts->top_edges; i < kept; i++)
            ranked[i].e->keep = 0;
    }
    if (opts->largest_component && n_nodes) {
        /* keep the component with most actors; ties: most mentions, then the smallest id */
        uint32_t best = UINT32_MAX;
        uint64_t *size = (uint64_t *)calloc(n_nodes, sizeof *size), *ment = (uint64_t *)calloc(n_nodes, sizeof *ment);
        const char **small = (const char **)calloc(n_nodes, sizeof *small);
        if (!size || !ment || !small) {
            free(size);
            free(ment);
            free(small);
            st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
            goto done;
        }
        for (uint32_t v = 0; v < n_nodes; v++)
            parent[v] = v;
        for (size_t i = 0; i < n_edges; i++)
            if (edges[i].keep)
                parent[find_root(parent, edges[i].a)] = find_root(parent, edges[i].b);
        for (uint32_t v = 0; v < n_nodes; v++) {
            uint32_t r = find_root(parent, v);
            size[r]++;
            ment[r] += recs[v].mentions;
            if (!small[r] || strcmp(recs[v].id, small[r]) < 0)
                small[r] = recs[v].id;
        }
        for (uint32_t v = 0; v < n_nodes; v++) {
            if (!size[v])
                continue;
            if (best == UINT32_MAX || size[v] > size[best] || (size[v] == size[best] && ment[v] > ment[best]) ||
                (size[v] == size[best] && ment[v] == ment[best] && strcmp(small[v], small[best]) < 0))
                best = v;
        }
        {
            size_t kept = 0;
            for (uint32_t v = 0; v < n_nodes; v++)
                if (find_root(parent, v) == best)
                    recs[kept++] = recs[v];
            for (size_t i = 0; i < n_edges; i++)
                if (edges[i].keep && find_root(parent, edges[i].a) != best)
                    edges[i].keep = 0;
            n_nodes = kept;
        }
        free(size);
        free(ment);
        free(small);
    }

    /* final numbering: nodes by id, edges by their ends */
    qsort(recs, n_nodes, sizeof *recs, by_id);
    for (size_t a = 0; a < n_actors; a++)
        node_of[a] = UINT32_MAX;
    for (size_t i = 0; i < n_nodes; i++) {
        nodes[i] = recs[i].actor;
        node_of[recs[i].actor] = (uint32_t)i;
    }
    {
        size_t kept = 0;
        for (size_t i = 0; i < n_edges; i++) {
            edge_rec e = edges[i];
            uint32_t x = node_of[e.actor_a], y = node_of[e.actor_b];
            if (!e.keep || x == UINT32_MAX || y == UINT32_MAX)
                continue;
            e.a = x < y ? x : y;
            e.b = x < y ? y : x;
            edges[kept++] = e;
        }
        n_edges = kept;
    }
    qsort(edges, n_edges, sizeof *edges, by_ends);

    from = (size_t *)malloc((n_edges ? n_edges : 1) * sizeof *from);
    to = (size_t *)malloc((n_edges ? n_edges : 1) * sizeof *to);
    if (!from || !to) {
        st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
        goto done;
    }
    for (size_t e = 0; e < n_edges; e++) {
        from[e] = edges[e].a;
        to[e] = edges[e].b;
    }
    if ((st = ag__graph_new(n_nodes, n_edges, from, to, &g, err)) != AG_OK)
        goto done;
    /* node attributes: the fixed ones, then every attrs key in byte order */
    {
        size_t c_id, c_label, c_type, c_mentions, c_docs, c_aff;
        if ((st = ag__graph_add_column(g, AG_NODES, "id", AG_ATTR_STRING, &c_id, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_NODES, "label", AG_ATTR_STRING, &c_label, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_NODES, "type", AG_ATTR_STRING, &c_type, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_NODES, "mentions", AG_ATTR_INT, &c_mentions, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_NODES, "docs", AG_ATTR_INT, &c_docs, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_NODES, "affiliation", AG_ATTR_STRING, &c_aff, err)) != AG_OK)
            goto done;
        for (size_t i = 0; i < n_nodes; i++) {
            const ag_actor *a = ag_lexicon_actor(lex, nodes[i]);
            const ag_actor_counts *k = ag_cooc_actor(c, nodes[i]);
            if ((st = ag__graph_set_string(g, AG_NODES, c_id, i, a->id, err)) != AG_OK ||
                (st = ag__graph_set_string(g, AG_NODES, c_label, i, a->label, err)) != AG_OK ||
                (st = ag__graph_set_string(g, AG_NODES, c_type, i, ag_actor_type_name(a->type), err)) != AG_OK ||
                (st = ag__graph_set_string(g, AG_NODES, c_aff, i, a->affiliation, err)) !=
                    AG_OK)
                goto done;
            ag__graph_set_number(g, AG_NODES, c_mentions, i, (double)k->mentions);
            ag__graph_set_number(g, AG_NODES, c_docs, i, (double)k->docs);
            for (size_t j = 0; j < a->n_attrs; j++) {
                size_t m;
                for (m = 0; m < n_attr_keys; m++)
                    if (strcmp(attr_keys[m], a->attrs[j].key) == 0)
                        break;
                if (m == n_attr_keys) {
                    if (ag__grow((void **)&attr_keys, &cap_attr_keys, n_attr_keys + 1, sizeof *attr_keys) != 0) {
                        st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                        goto done;
                    }
                    attr_keys[n_attr_keys++] = (char *)a->attrs[j].key;
                }
            }
        }
        /* keys sorted for a stable column order */
        for (size_t x = 1; x < n_attr_keys; x++)
            for (size_t y = x; y > 0 && strcmp(attr_keys[y - 1], attr_keys[y]) > 0; y--) {
                char *t = attr_keys[y];
                attr_keys[y] = attr_keys[y - 1];
                attr_keys[y - 1] = t;
            }
        for (size_t m = 0; m < n_attr_keys; m++) {
            size_t col;
            int numeric = 1;
            for (size_t i = 0; i < n_nodes && numeric; i++) {
                const ag_actor *a = ag_lexicon_actor(lex, nodes[i]);
                for (size_t j = 0; j < a->n_attrs; j++)
                    if (strcmp(a->attrs[j].key, attr_keys[m]) == 0 && !a->attrs[j].is_number)
                        numeric = 0;
            }
            if (ag_graph_attr_find(g, AG_NODES, attr_keys[m]) >= 0)
                continue;   /* a lexicon attrs key named like a built-in attribute: the built-in wins */
            if ((st = ag__graph_add_column(g, AG_NODES, attr_keys[m], numeric ? AG_ATTR_DOUBLE : AG_ATTR_STRING,
                                           &col, err)) != AG_OK)
                goto done;
            for (size_t i = 0; i < n_nodes; i++) {
                const ag_actor *a = ag_lexicon_actor(lex, nodes[i]);
                for (size_t j = 0; j < a->n_attrs; j++) {
                    if (strcmp(a->attrs[j].key, attr_keys[m]) != 0)
                        continue;
                    if (numeric)
                        ag__graph_set_number(g, AG_NODES, col, i, a->attrs[j].number);
                    else if ((st = ag__graph_set_string(g, AG_NODES, col, i, a->attrs[j].value, err)) != AG_OK)
                        goto done;
                }
            }
        }
    }

    /* edge attributes: weight, then every measure in ag_measure's order, then evidence */
    {
        size_t c_weight, c_evidence = 0, cols[AG_MEASURE_COUNT_ALL];
        if ((st = ag__graph_add_column(g, AG_EDGES, "weight", AG_ATTR_DOUBLE, &c_weight, err)) != AG_OK)
            goto done;
        for (int m = 0; m < AG_MEASURE_COUNT_ALL; m++) {
            ag_attr_type t = (m == AG_MEASURE_COUNT || m == AG_MEASURE_DOCS) ? AG_ATTR_INT : AG_ATTR_DOUBLE;
            if ((st = ag__graph_add_column(g, AG_EDGES, measure_names[m], t, &cols[m], err)) != AG_OK)
                goto done;
        }
        if (opts->evidence &&
            (st = ag__graph_add_column(g, AG_EDGES, "evidence", AG_ATTR_STRING, &c_evidence, err)) != AG_OK)
            goto done;
        for (size_t e = 0; e < n_edges; e++) {
            ag__graph_set_number(g, AG_EDGES, c_weight, e, edges[e].m[opts->weight]);
            for (int m = 0; m < AG_MEASURE_COUNT_ALL; m++)
                ag__graph_set_number(g, AG_EDGES, cols[m], e, edges[e].m[m]);
            if (opts->evidence) {
                const ag_evidence *ev;
                size_t n = ag_cooc_evidence(c, edges[e].actor_a < edges[e].actor_b ? edges[e].actor_a : edges[e].actor_b,
                                            edges[e].actor_a < edges[e].actor_b ? edges[e].actor_b : edges[e].actor_a,
                                            &ev);
                char *text;
                if (n > opts->evidence)
                    n = opts->evidence;
                if (!n)
                    continue;
                text = evidence_string(ev, n);
                if (!text) {
                    st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                    goto done;
                }
                st = ag__graph_set_string(g, AG_EDGES, c_evidence, e, text, err);
                free(text);
                if (st != AG_OK)
                    goto done;
            }
        }
    }

    /* graph attributes: how it was made */
    {
        size_t c_window, c_measure, c_count, c_docs, c_windows;
        char wname[64];
        const ag_cooc_options *co = ag_cooc_options_get(c);
        if ((st = ag__graph_add_column(g, AG_GRAPH, "window", AG_ATTR_STRING, &c_window, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "weight_measure", AG_ATTR_STRING, &c_measure, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "documents", AG_ATTR_INT, &c_docs, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "windows", AG_ATTR_INT, &c_windows, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "count_mode", AG_ATTR_STRING, &c_count, err)) != AG_OK ||
            (st = ag__graph_set_string(g, AG_GRAPH, c_window, 0,
                                       ag_window_format(ag_cooc_window(c), wname, sizeof wname), err)) != AG_OK ||
            (st = ag__graph_set_string(g, AG_GRAPH, c_measure, 0, measure_names[opts->weight], err)) != AG_OK ||
            (st = ag__graph_set_string(g, AG_GRAPH, c_count, 0, co->count == AG_COUNT_BINARY ? "binary" : "full",
                                       err)) != AG_OK)
            goto done;
        ag__graph_set_number(g, AG_GRAPH, c_docs, 0, (double)ag_cooc_documents(c));
        ag__graph_set_number(g, AG_GRAPH, c_windows, 0, (double)ag_cooc_windows(c));
    }

    /* time series: mentions of each node and weight of each edge per slice */
    if (ag_cooc_slice_count(c)) {
        size_t ns = ag_cooc_slice_count(c);
        g->slices = (ag_slice *)calloc(ns, sizeof *g->slices);
        g->slice_labels = (char **)calloc(ns, sizeof *g->slice_labels);
        g->node_series = (ag_series *)calloc(n_nodes ? n_nodes : 1, sizeof *g->node_series);
        g->edge_series = (ag_series *)calloc(n_edges ? n_edges : 1, sizeof *g->edge_series);
        if (!g->slices || !g->slice_labels || !g->node_series || !g->edge_series) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
            goto done;
        }
        g->n_slices = ns;
        for (size_t k = 0; k < ns; k++) {
            g->slices[k] = *ag_cooc_slice(c, k);
            g->slice_labels[k] = ag__strdup(g->slices[k].label);
            g->slices[k].label = g->slice_labels[k];
            if (!g->slice_labels[k]) {
                st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                goto done;
            }
        }
        for (size_t v = 0; v < n_nodes; v++) {
            ag_series *sr = &g->node_series[v];
            sr->v = (ag_point *)malloc(ns * sizeof *sr->v);
            if (!sr->v) {
                st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                goto done;
            }
            for (size_t k = 0; k < ns; k++) {
                ag_actor_counts ac = ag_cooc_slice_actor(c, k, nodes[v]);
                if (ac.mentions) {
                    sr->v[sr->n].slice = (uint32_t)k;
                    sr->v[sr->n].value = (double)ac.mentions;
                    sr->n++;
                }
            }
        }
        {
            /* the total link strength of each slice, for assoc */
            uint64_t *slice_links = (uint64_t *)calloc(ns, sizeof *slice_links);
            if (!slice_links) {
                st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                goto done;
            }
            for (size_t k = 0; k < ns; k++)
                for (size_t a = 0; a < n_actors; a++)
                    slice_links[k] += ag_cooc_slice_actor(c, k, (uint32_t)a).links;
            for (size_t e = 0; e < n_edges && st == AG_OK; e++) {
                ag_series *sr = &g->edge_series[e];
                sr->v = (ag_point *)malloc(ns * sizeof *sr->v);
                if (!sr->v) {
                    st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
                    break;
                }
                for (size_t k = 0; k < ns; k++) {
                    ag_pair_counts pc = ag_cooc_slice_pair(c, k, edges[e].actor_a, edges[e].actor_b);
                    ag_actor_counts ka, kb;
                    double m[AG_MEASURE_COUNT_ALL];
                    if (!pc.count)
                        continue;
                    ka = ag_cooc_slice_actor(c, k, edges[e].actor_a);
                    kb = ag_cooc_slice_actor(c, k, edges[e].actor_b);
                    measures(pc.count, pc.docs, ka.windows, kb.windows, ag_cooc_slice_windows(c, k), ka.links,
                             kb.links, slice_links[k] / 2, m);
                    sr->v[sr->n].slice = (uint32_t)k;
                    sr->v[sr->n].value = m[opts->weight];
                    sr->n++;
                }
            }
            free(slice_links);
            if (st != AG_OK)
                goto done;
        }
    }

    *out = g;
    g = NULL;   /* owned by the caller now */

done:
    ag_graph_free(g);
    free(nodes);
    free(node_of);
    free(recs);
    free(edges);
    free(ranked);
    free(parent);
    free(degree);
    free(strength);
    free(from);
    free(to);
    free(attr_keys);
    return st;
}

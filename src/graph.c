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

static const char *const measure_names[AG_MEASURE_COUNT_ALL] = { "count", "docs", "npmi", "jaccard", "dice" };

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

/* --- build from counts ------------------------------------------------------ */

typedef struct {
    uint32_t a, b;          /* node indices, a < b */
    const ag_pair_counts *p;
    double m[AG_MEASURE_COUNT_ALL];
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
} id_rec;

static int by_id(const void *x, const void *y)
{
    return strcmp(((const id_rec *)x)->id, ((const id_rec *)y)->id);
}

static void measures(const ag_pair_counts *p, uint64_t na, uint64_t nb, uint64_t windows, double *m)
{
    double c = (double)p->count, n = (double)windows;
    m[AG_MEASURE_COUNT] = c;
    m[AG_MEASURE_DOCS] = (double)p->docs;
    if (p->count >= windows)
        m[AG_MEASURE_NPMI] = 1.0;
    else
        m[AG_MEASURE_NPMI] = log(c * n / ((double)na * (double)nb)) / -log(c / n);
    m[AG_MEASURE_JACCARD] = c / ((double)na + (double)nb - c);
    m[AG_MEASURE_DICE] = 2.0 * c / ((double)na + (double)nb);
}

ag_status ag_graph_build(const ag_lexicon *lex, ag_cooc *c, const ag_graph_options *opts, ag_graph **out,
                         ag_error *err)
{
    ag_graph_options defaults = AG_GRAPH_OPTIONS_INIT;
    size_t n_actors = ag_lexicon_actor_count(lex);
    uint32_t *nodes = NULL, *node_of = NULL;
    size_t n_nodes = 0, n_edges = 0, n_pairs, *from = NULL, *to = NULL;
    const ag_pair_counts *pairs;
    edge_rec *edges = NULL;
    ag_graph *g = NULL;
    ag_status st;
    char **attr_keys = NULL;
    size_t n_attr_keys = 0, cap_attr_keys = 0;

    *out = NULL;
    if (!opts)
        opts = &defaults;
    if (ag_cooc_actor_count(c) != n_actors)
        return ag__fail(err, AG_EINVAL, "counts were made with another lexicon");
    if ((st = ag_cooc_pairs(c, &pairs, &n_pairs, err)) != AG_OK)
        return st;

    nodes = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *nodes);
    node_of = (uint32_t *)malloc((n_actors ? n_actors : 1) * sizeof *node_of);
    edges = (edge_rec *)malloc((n_pairs ? n_pairs : 1) * sizeof *edges);
    if (!nodes || !node_of || !edges) {
        st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
        goto done;
    }
    for (size_t a = 0; a < n_actors; a++) {
        const ag_actor_counts *k = ag_cooc_actor(c, a);
        const ag_actor *actor = ag_lexicon_actor(lex, a);
        node_of[a] = UINT32_MAX;
        if (k->mentions == 0 || k->mentions < opts->min_mentions || !(opts->types & (1u << actor->type)))
            continue;
        nodes[n_nodes++] = (uint32_t)a;
    }
    {
        id_rec *recs = (id_rec *)malloc((n_nodes ? n_nodes : 1) * sizeof *recs);
        if (!recs) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the graph");
            goto done;
        }
        for (size_t i = 0; i < n_nodes; i++) {
            recs[i].id = ag_lexicon_actor(lex, nodes[i])->id;
            recs[i].actor = nodes[i];
        }
        qsort(recs, n_nodes, sizeof *recs, by_id);
        for (size_t i = 0; i < n_nodes; i++)
            nodes[i] = recs[i].actor;
        free(recs);
    }
    for (size_t i = 0; i < n_nodes; i++)
        node_of[nodes[i]] = (uint32_t)i;

    for (size_t i = 0; i < n_pairs; i++) {
        const ag_pair_counts *p = &pairs[i];
        uint32_t x = node_of[p->a], y = node_of[p->b];
        edge_rec *e;
        if (x == UINT32_MAX || y == UINT32_MAX)
            continue;
        e = &edges[n_edges];
        e->a = x < y ? x : y;
        e->b = x < y ? y : x;
        e->p = p;
        measures(p, ag_cooc_actor(c, p->a)->windows, ag_cooc_actor(c, p->b)->windows, ag_cooc_windows(c), e->m);
        if (e->m[opts->weight] < opts->min_weight)
            continue;
        n_edges++;
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

    /* edge attributes */
    {
        size_t c_weight, cols[AG_MEASURE_COUNT_ALL];
        static const ag_attr_type types[AG_MEASURE_COUNT_ALL] = { AG_ATTR_INT, AG_ATTR_INT, AG_ATTR_DOUBLE,
                                                                  AG_ATTR_DOUBLE, AG_ATTR_DOUBLE };
        if ((st = ag__graph_add_column(g, AG_EDGES, "weight", AG_ATTR_DOUBLE, &c_weight, err)) != AG_OK)
            goto done;
        for (int m = 0; m < AG_MEASURE_COUNT_ALL; m++)
            if ((st = ag__graph_add_column(g, AG_EDGES, measure_names[m], types[m], &cols[m], err)) != AG_OK)
                goto done;
        for (size_t e = 0; e < n_edges; e++) {
            ag__graph_set_number(g, AG_EDGES, c_weight, e, edges[e].m[opts->weight]);
            for (int m = 0; m < AG_MEASURE_COUNT_ALL; m++)
                ag__graph_set_number(g, AG_EDGES, cols[m], e, edges[e].m[m]);
        }
    }

    /* graph attributes: how it was made */
    {
        size_t c_window, c_measure, c_docs, c_windows;
        if ((st = ag__graph_add_column(g, AG_GRAPH, "window", AG_ATTR_STRING, &c_window, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "weight_measure", AG_ATTR_STRING, &c_measure, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "documents", AG_ATTR_INT, &c_docs, err)) != AG_OK ||
            (st = ag__graph_add_column(g, AG_GRAPH, "windows", AG_ATTR_INT, &c_windows, err)) != AG_OK ||
            (st = ag__graph_set_string(g, AG_GRAPH, c_window, 0, ag_window_name(ag_cooc_window(c)), err)) != AG_OK ||
            (st = ag__graph_set_string(g, AG_GRAPH, c_measure, 0, measure_names[opts->weight], err)) != AG_OK)
            goto done;
        ag__graph_set_number(g, AG_GRAPH, c_docs, 0, (double)ag_cooc_documents(c));
        ag__graph_set_number(g, AG_GRAPH, c_windows, 0, (double)ag_cooc_windows(c));
    }

    *out = g;
    g = NULL;   /* owned by the caller now */

done:
    ag_graph_free(g);
    free(nodes);
    free(node_of);
    free(edges);
    free(from);
    free(to);
    free(attr_keys);
    return st;
}

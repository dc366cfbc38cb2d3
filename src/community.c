/*
 * community.c — communities by Louvain or Leiden, through igraph.
 *
 * Input: a graph. Output: the "community" node attribute and the
 * "modularity" graph attribute. Weights: the edge "weight" when every one
 * is positive, else "count" when present and positive, else 1 per edge
 * (modularity needs non-negative weights). Deterministic: igraph's random
 * generator is seeded with a fixed value before each run, and communities
 * are renumbered by size. It computes no centralities (centrality.c).
 */
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/community.h"
#include "graph_internal.h"
#include "internal.h"

#define AG_COMMUNITY_SEED 20260101
#define LEIDEN_ITERATIONS 100   /* a bound: partitions settle within a few */

int ag_community_parse(const char *s, ag_community_method *out)
{
    if (strcmp(s, "louvain") == 0)
        *out = AG_COMMUNITIES_LOUVAIN;
    else if (strcmp(s, "leiden") == 0)
        *out = AG_COMMUNITIES_LEIDEN;
    else
        return -1;
    return 0;
}

const char *ag_community_name(ag_community_method m)
{
    return m == AG_COMMUNITIES_LOUVAIN ? "louvain" : m == AG_COMMUNITIES_LEIDEN ? "leiden" : "none";
}

/* Fills w with a usable weight per edge: see the file header. */
static void choose_weights(const ag_graph *g, igraph_vector_t *w)
{
    static const char *const names[] = { "weight", "count" };
    size_t m = ag_graph_edge_count(g);
    for (size_t k = 0; k < 2; k++) {
        long a = ag_graph_attr_find(g, AG_EDGES, names[k]);
        int ok = a >= 0 && ag_graph_attr_type(g, AG_EDGES, (size_t)a) != AG_ATTR_STRING;
        for (size_t e = 0; e < m && ok; e++) {
            double x = ag_graph_get_number(g, AG_EDGES, (size_t)a, e);
            ok = isfinite(x) && x > 0;
        }
        if (ok) {
            for (size_t e = 0; e < m; e++)
                VECTOR(*w)[e] = ag_graph_get_number(g, AG_EDGES, (size_t)a, e);
            return;
        }
    }
    for (size_t e = 0; e < m; e++)
        VECTOR(*w)[e] = 1.0;
}

typedef struct {
    igraph_integer_t label;
    size_t size;
    size_t first;     /* smallest node index in the community */
} community;

static int by_size(const void *x, const void *y)
{
    const community *a = (const community *)x, *b = (const community *)y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

ag_status ag_graph_communities(ag_graph *g, ag_community_method method, double *modularity, ag_error *err)
{
    const igraph_t *ig = ag__graph_igraph(g);
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), col, gcol;
    igraph_vector_t w, strength;
    igraph_vector_int_t membership;
    igraph_real_t q = 0;
    igraph_error_t rc = IGRAPH_SUCCESS;
    community *comms = NULL;
    igraph_integer_t *renumber = NULL;
    ag_status st = AG_OK;
    long existing;

    if (method != AG_COMMUNITIES_LOUVAIN && method != AG_COMMUNITIES_LEIDEN)
        return ag__fail(err, AG_EINVAL, "unknown community method");
    ag__igraph_init();
    if (igraph_vector_init(&w, (igraph_integer_t)m))
        return ag__fail(err, AG_ENOMEM, "out of memory finding communities");
    if (igraph_vector_init(&strength, 0)) {
        igraph_vector_destroy(&w);
        return ag__fail(err, AG_ENOMEM, "out of memory finding communities");
    }
    if (igraph_vector_int_init(&membership, (igraph_integer_t)n)) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&strength);
        return ag__fail(err, AG_ENOMEM, "out of memory finding communities");
    }
    choose_weights(g, &w);
    igraph_rng_seed(igraph_rng_default(), AG_COMMUNITY_SEED);

    if (m == 0) {
        /* no edges: every node alone, modularity 0 (and nothing for igraph to optimise) */
        for (size_t v = 0; v < n; v++)
            VECTOR(membership)[v] = (igraph_integer_t)v;
    } else if (method == AG_COMMUNITIES_LOUVAIN) {
        rc = igraph_community_multilevel(ig, &w, 1.0, &membership, NULL, NULL);
    } else {
        /* modularity as Leiden's quality: node weights = strengths, resolution 1/(2m) */
        double total = 0;
        igraph_integer_t clusters;
        for (size_t e = 0; e < m; e++)
            total += VECTOR(w)[e];
        rc = igraph_strength(ig, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, m ? &w : NULL);
        if (rc == IGRAPH_SUCCESS)
            rc = igraph_community_leiden(ig, &w, &strength, 1.0 / (2.0 * total), 0.01, 0, LEIDEN_ITERATIONS,
                                         &membership, &clusters, NULL);
    }
    if (rc == IGRAPH_SUCCESS && m)
        rc = igraph_modularity(ig, &membership, &w, 1.0, IGRAPH_UNDIRECTED, &q);
    if (rc != IGRAPH_SUCCESS) {
        st = ag__fail(err, AG_EGRAPH, "igraph could not find %s communities: %s", ag_community_name(method),
                      ag__igraph_reason(rc));
        goto done;
    }
    if (isnan(q))
        q = 0;   /* a graph without edges */

    /* renumber: largest community first, ties by its first node */
    comms = (community *)calloc(n ? n : 1, sizeof *comms);
    renumber = (igraph_integer_t *)malloc((n ? n : 1) * sizeof *renumber);
    if (!comms || !renumber) {
        st = ag__fail(err, AG_ENOMEM, "out of memory finding communities");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        comms[i].label = (igraph_integer_t)i;
        comms[i].first = n;
    }
    for (size_t v = 0; v < n; v++) {
        community *c = &comms[VECTOR(membership)[v]];
        c->size++;
        if (v < c->first)
            c->first = v;
    }
    qsort(comms, n, sizeof *comms, by_size);
    for (size_t i = 0; i < n; i++)
        renumber[comms[i].label] = (igraph_integer_t)i;

    existing = ag_graph_attr_find(g, AG_GRAPH, "modularity");
    if (existing >= 0 && ag_graph_attr_type(g, AG_GRAPH, (size_t)existing) == AG_ATTR_STRING) {
        st = ag__fail(err, AG_EINVAL, "the graph has a \"modularity\" attribute that is not a number");
        goto done;
    }
    existing = ag_graph_attr_find(g, AG_NODES, "community");
    if (existing >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)existing) == AG_ATTR_INT) {
        col = (size_t)existing;
    } else if (existing >= 0) {
        st = ag__fail(err, AG_EINVAL, "the graph has a \"community\" attribute that is not an integer");
        goto done;
    } else if ((st = ag__graph_add_column(g, AG_NODES, "community", AG_ATTR_INT, &col, err)) != AG_OK) {
        goto done;
    }
    for (size_t v = 0; v < n; v++)
        ag__graph_set_number(g, AG_NODES, col, v, (double)renumber[VECTOR(membership)[v]]);
    existing = ag_graph_attr_find(g, AG_GRAPH, "modularity");
    if (existing >= 0) {
        gcol = (size_t)existing;
        g->cols[AG_GRAPH][gcol].type = AG_ATTR_DOUBLE;   /* one declared int or boolean holds the fraction now */
    } else if ((st = ag__graph_add_column(g, AG_GRAPH, "modularity", AG_ATTR_DOUBLE, &gcol, err)) != AG_OK) {
        goto done;
    }
    ag__graph_set_number(g, AG_GRAPH, gcol, 0, q);
    if (modularity)
        *modularity = q;

done:
    free(comms);
    free(renumber);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&membership);
    return st;
}

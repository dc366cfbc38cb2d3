/*
 * centrality.c — node centralities, computed by igraph.
 *
 * Input: a graph and which edge attribute is the weight. Output: for every
 * node degree, strength, betweenness, closeness, harmonic, eigenvector and
 * PageRank, as networkx defines them (agcheck compares to 1e-6): path-based
 * measures run on the distance 1/weight; closeness uses the
 * Wasserman–Faust scaling networkx applies to graphs that are not
 * connected; eigenvector is scaled to a maximum of 1. Weights must be
 * finite and positive in weighted mode: anything else is an error naming
 * the edge, never a silent wrong number.
 */
#include <igraph.h>
#include <math.h>
#include <string.h>

#include "actorgraph/centrality.h"
#include "graph_internal.h"
#include "internal.h"

static const char *const names[AG_C_COUNT] = { "degree", "strength", "betweenness", "closeness",
                                                "harmonic", "eigenvector", "pagerank" };

const char *ag_centrality_name(ag_centrality_measure m)
{
    return (unsigned)m < AG_C_COUNT ? names[m] : "?";
}

int ag_centrality_parse(const char *s, ag_centrality_measure *out)
{
    for (int m = 0; m < AG_C_COUNT; m++) {
        if (strcmp(s, names[m]) == 0) {
            *out = (ag_centrality_measure)m;
            return 0;
        }
    }
    return -1;
}

static void store(double *out, size_t n, ag_centrality_measure m, const igraph_vector_t *v)
{
    for (size_t i = 0; i < n; i++)
        out[i * AG_C_COUNT + m] = VECTOR(*v)[i];
}

ag_status ag_centrality_compute(const ag_graph *g, const ag_centrality_options *opts, double *out, ag_error *err)
{
    ag_centrality_options defaults = AG_CENTRALITY_OPTIONS_INIT;
    const igraph_t *ig = ag__graph_igraph(g);
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    igraph_vector_t w, dist, res;
    igraph_vector_int_t deg, reach;
    int have_w = 0, have_res = 0, have_deg = 0, have_reach = 0, weighted;
    igraph_error_t rc = IGRAPH_SUCCESS;
    ag_status st = AG_OK;
    const char *what = "";

    if (!opts)
        opts = &defaults;
    if (n == 0)
        return AG_OK;
    weighted = opts->weighted && m > 0;
    ag__igraph_init();

    if (weighted) {
        long a = ag_graph_attr_find(g, AG_EDGES, opts->weight_attr ? opts->weight_attr : "weight");
        if (a < 0)
            return ag__fail(err, AG_ESCHEMA, "the graph's edges have no \"%s\" attribute (use --unweighted)",
                            opts->weight_attr ? opts->weight_attr : "weight");
        if (ag_graph_attr_type(g, AG_EDGES, (size_t)a) == AG_ATTR_STRING)
            return ag__fail(err, AG_ESCHEMA, "edge attribute \"%s\" is text, not a number",
                            ag_graph_attr_name(g, AG_EDGES, (size_t)a));
        if (igraph_vector_init(&w, (igraph_integer_t)m) || igraph_vector_init(&dist, (igraph_integer_t)m))
            return ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        have_w = 1;
        for (size_t e = 0; e < m; e++) {
            double x = ag_graph_get_number(g, AG_EDGES, (size_t)a, e);
            if (!isfinite(x) || x <= 0) {
                size_t u, v;
                ag_graph_edge_ends(g, e, &u, &v);
                st = ag__fail(err, AG_ESCHEMA,
                              "edge %s -- %s has %s %g: weighted centrality needs finite weights above 0 "
                              "(filter with --min-weight, or use --unweighted)",
                              ag_graph_node_id(g, u), ag_graph_node_id(g, v), ag_graph_attr_name(g, AG_EDGES, (size_t)a),
                              x);
                goto done;
            }
            VECTOR(w)[e] = x;
            VECTOR(dist)[e] = 1.0 / x;
        }
    }
    if (igraph_vector_init(&res, 0)) {
        st = ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        goto done;
    }
    have_res = 1;
    if (igraph_vector_int_init(&deg, 0)) {
        st = ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        goto done;
    }
    have_deg = 1;
    if (igraph_vector_int_init(&reach, 0)) {
        st = ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        goto done;
    }
    have_reach = 1;

    what = "degree";
    if ((rc = igraph_degree(ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS)) != IGRAPH_SUCCESS)
        goto igraph_failed;
    for (size_t i = 0; i < n; i++)
        out[i * AG_C_COUNT + AG_C_DEGREE] = (double)VECTOR(deg)[i];

    what = "strength";
    if ((rc = igraph_strength(ig, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, weighted ? &w : NULL)) !=
        IGRAPH_SUCCESS)
        goto igraph_failed;
    store(out, n, AG_C_STRENGTH, &res);

    what = "betweenness";
    if ((rc = igraph_betweenness(ig, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, weighted ? &dist : NULL)) !=
        IGRAPH_SUCCESS)
        goto igraph_failed;
    store(out, n, AG_C_BETWEENNESS, &res);

    what = "closeness";
    if ((rc = igraph_closeness(ig, &res, &reach, NULL, igraph_vss_all(), IGRAPH_ALL, weighted ? &dist : NULL, 1)) !=
        IGRAPH_SUCCESS)
        goto igraph_failed;
    for (size_t i = 0; i < n; i++) {
        double r = (double)VECTOR(reach)[i], c = VECTOR(res)[i];
        /* networkx: (r/(n-1)) * (r/sum of distances); igraph's normalised value is r/sum */
        out[i * AG_C_COUNT + AG_C_CLOSENESS] = (n > 1 && r > 0 && isfinite(c)) ? c * r / (double)(n - 1) : 0.0;
    }

    what = "harmonic centrality";
    if ((rc = igraph_harmonic_centrality(ig, &res, igraph_vss_all(), IGRAPH_ALL, weighted ? &dist : NULL, 0)) !=
        IGRAPH_SUCCESS)
        goto igraph_failed;
    store(out, n, AG_C_HARMONIC, &res);

    what = "eigenvector centrality";
    if (m == 0) {
        for (size_t i = 0; i < n; i++)
            out[i * AG_C_COUNT + AG_C_EIGENVECTOR] = 1.0;
    } else {
        igraph_arpack_options_t arpack;
        igraph_real_t value;
        igraph_arpack_options_init(&arpack);
        if ((rc = igraph_eigenvector_centrality(ig, &res, &value, 0, 1, weighted ? &w : NULL, &arpack)) !=
            IGRAPH_SUCCESS)
            goto igraph_failed;
        for (size_t i = 0; i < n; i++)
            out[i * AG_C_COUNT + AG_C_EIGENVECTOR] = fabs(VECTOR(res)[i]);
    }

    what = "PageRank";
    {
        igraph_real_t value;
        if ((rc = igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), 0,
                                  opts->damping, weighted ? &w : NULL, NULL)) != IGRAPH_SUCCESS)
            goto igraph_failed;
        store(out, n, AG_C_PAGERANK, &res);
    }
    goto done;

igraph_failed:
    st = ag__fail(err, AG_EGRAPH, "igraph could not compute %s: %s", what, ag__igraph_reason(rc));

done:
    if (have_w) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&dist);
    }
    if (have_res)
        igraph_vector_destroy(&res);
    if (have_deg)
        igraph_vector_int_destroy(&deg);
    if (have_reach)
        igraph_vector_int_destroy(&reach);
    return st;
}

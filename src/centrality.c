/*
 * centrality.c — node centralities, computed by igraph.
 *
 * Input: a graph and which edge attribute is the weight. Output: for every
 * node degree, strength, betweenness, closeness, harmonic, eigenvector and
 * PageRank, as networkx defines them (agcheck compares to 1e-6): path-based
 * measures run on the distance 1/weight; closeness uses the
 * Wasserman–Faust scaling networkx applies to graphs that are not
 * connected; eigenvector is scaled to a maximum of 1; weighted
 * betweenness is computed here, deciding ties between paths as networkx
 * does (exact floating-point equality). Weights must be
 * finite and positive in weighted mode: anything else is an error naming
 * the edge, never a silent wrong number.
 */
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
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

/* --- weighted betweenness -----------------------------------------------------
 * Brandes' algorithm over Dijkstra, written to decide ties exactly as
 * networkx does: path lengths are summed from the source outwards and two
 * paths tie only when their floating-point lengths are equal. (igraph
 * compares with a tolerance, so 1/3 + 1/6 and 1/2 tie there and not in
 * networkx; the acceptance checks compare with networkx.) */

typedef struct {
    double dist;
    uint64_t seq;
    uint32_t pred, v;
} heap_item;

typedef struct {
    heap_item *v;
    size_t n, cap;
} heap;

static int heap_less(const heap_item *a, const heap_item *b)
{
    return a->dist < b->dist || (a->dist == b->dist && a->seq < b->seq);
}

static int heap_push(heap *h, heap_item it)
{
    size_t i;
    if (ag__grow((void **)&h->v, &h->cap, h->n + 1, sizeof *h->v) != 0)
        return -1;
    i = h->n++;
    while (i > 0 && heap_less(&it, &h->v[(i - 1) / 2])) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = it;
    return 0;
}

static heap_item heap_pop(heap *h)
{
    heap_item top = h->v[0], last = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && heap_less(&h->v[c + 1], &h->v[c]))
            c++;
        if (!heap_less(&h->v[c], &last))
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n)
        h->v[i] = last;
    return top;
}

static ag_status weighted_betweenness(const ag_graph *g, const double *dist_of_edge, double *out, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    size_t *start = (size_t *)calloc(n + 1, sizeof *start);
    uint32_t *nbr = (uint32_t *)malloc((2 * m + 1) * sizeof *nbr);
    double *wt = (double *)malloc((2 * m + 1) * sizeof *wt);
    double *sigma = (double *)malloc((n + 1) * sizeof *sigma);
    double *delta = (double *)malloc((n + 1) * sizeof *delta);
    double *seen = (double *)malloc((n + 1) * sizeof *seen);
    double *bc = (double *)calloc(n + 1, sizeof *bc);
    unsigned char *done = (unsigned char *)malloc(n + 1), *has_seen = (unsigned char *)malloc(n + 1);
    uint32_t *order = (uint32_t *)malloc((n + 1) * sizeof *order);
    uint32_t *pred = (uint32_t *)malloc((2 * m + 1) * sizeof *pred);   /* predecessor lists, packed */
    size_t *pstart = (size_t *)malloc((n + 1) * sizeof *pstart), *pcount = (size_t *)malloc((n + 1) * sizeof *pcount);
    heap h = { NULL, 0, 0 };
    ag_status st = AG_OK;

    if (!start || !nbr || !wt || !sigma || !delta || !seen || !bc || !done || !has_seen || !order || !pred ||
        !pstart || !pcount) {
        st = ag__fail(err, AG_ENOMEM, "out of memory computing betweenness");
        goto done;
    }
    /* adjacency in edge order, as networkx builds it from the file */
    for (size_t e = 0; e < m; e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        start[a + 1]++;
        if (a != b)
            start[b + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        start[v + 1] += start[v];
        pstart[v] = start[v];     /* a node has at most degree predecessors */
    }
    {
        size_t *fill = (size_t *)malloc((n + 1) * sizeof *fill);
        if (!fill) {
            st = ag__fail(err, AG_ENOMEM, "out of memory computing betweenness");
            goto done;
        }
        memcpy(fill, start, n * sizeof *fill);
        for (size_t e = 0; e < m; e++) {
            size_t a, b;
            ag_graph_edge_ends(g, e, &a, &b);
            nbr[fill[a]] = (uint32_t)b;
            wt[fill[a]++] = dist_of_edge[e];
            if (a != b) {
                nbr[fill[b]] = (uint32_t)a;
                wt[fill[b]++] = dist_of_edge[e];
            }
        }
        free(fill);
    }

    for (size_t s = 0; s < n; s++) {
        size_t n_order = 0;
        uint64_t seq = 0;
        heap_item it;
        memset(done, 0, n);
        memset(has_seen, 0, n);
        for (size_t v = 0; v < n; v++) {
            sigma[v] = 0.0;
            pcount[v] = 0;
        }
        sigma[s] = 1.0;
        seen[s] = 0.0;
        has_seen[s] = 1;
        h.n = 0;
        it.dist = 0.0;
        it.seq = seq++;
        it.pred = (uint32_t)s;
        it.v = (uint32_t)s;
        if (heap_push(&h, it) != 0) {
            st = ag__fail(err, AG_ENOMEM, "out of memory computing betweenness");
            goto done;
        }
        while (h.n) {
            heap_item x = heap_pop(&h);
            uint32_t v = x.v;
            if (done[v])
                continue;
            sigma[v] += sigma[x.pred];
            order[n_order++] = v;
            done[v] = 1;
            for (size_t k = start[v]; k < start[v + 1]; k++) {
                uint32_t w = nbr[k];
                double vw = x.dist + wt[k];
                if (!done[w] && (!has_seen[w] || vw < seen[w])) {
                    seen[w] = vw;
                    has_seen[w] = 1;
                    it.dist = vw;
                    it.seq = seq++;
                    it.pred = v;
                    it.v = w;
                    if (heap_push(&h, it) != 0) {
                        st = ag__fail(err, AG_ENOMEM, "out of memory computing betweenness");
                        goto done;
                    }
                    sigma[w] = 0.0;
                    pred[pstart[w]] = v;
                    pcount[w] = 1;
                } else if (has_seen[w] && vw == seen[w]) {
                    sigma[w] += sigma[v];
                    pred[pstart[w] + pcount[w]++] = v;
                }
            }
        }
        for (size_t k = 0; k < n_order; k++)
            delta[order[k]] = 0.0;
        while (n_order) {
            uint32_t w = order[--n_order];
            double coeff = (1.0 + delta[w]) / sigma[w];
            for (size_t k = 0; k < pcount[w]; k++) {
                uint32_t v = pred[pstart[w] + k];
                delta[v] += sigma[v] * coeff;
            }
            if (w != s)
                bc[w] += delta[w];
        }
    }
    for (size_t v = 0; v < n; v++)
        out[v * AG_C_COUNT + AG_C_BETWEENNESS] = bc[v] * 0.5;   /* each pair was counted from both ends */

done:
    free(start);
    free(nbr);
    free(wt);
    free(sigma);
    free(delta);
    free(seen);
    free(bc);
    free(done);
    free(has_seen);
    free(order);
    free(pred);
    free(pstart);
    free(pcount);
    free(h.v);
    return st;
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
        if (ag_graph_attr_type(g, AG_EDGES, (size_t)a) == AG_ATTR_STRING) {
            /* a JSON column of nothing but nulls is typed as text: say what is missing */
            size_t e = 0, u, v;
            while (e < m && !ag_graph_has_value(g, AG_EDGES, (size_t)a, e))
                e++;
            if (e < m)
                return ag__fail(err, AG_ESCHEMA, "edge attribute \"%s\" is text, not a number",
                                ag_graph_attr_name(g, AG_EDGES, (size_t)a));
            ag_graph_edge_ends(g, 0, &u, &v);
            return ag__fail(err, AG_ESCHEMA,
                            "edge %s -- %s has no %s (missing or NaN): weighted centrality needs finite weights "
                            "above 0 (filter with --min-weight, or use --unweighted)",
                            ag_graph_node_id(g, u), ag_graph_node_id(g, v), ag_graph_attr_name(g, AG_EDGES, (size_t)a));
        }
        if (igraph_vector_init(&w, (igraph_integer_t)m))
            return ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        if (igraph_vector_init(&dist, (igraph_integer_t)m)) {
            igraph_vector_destroy(&w);
            return ag__fail(err, AG_ENOMEM, "out of memory computing centrality");
        }
        have_w = 1;
        for (size_t e = 0; e < m; e++) {
            double x = ag_graph_get_number(g, AG_EDGES, (size_t)a, e);
            if (!isfinite(x) || x <= 0) {
                size_t u, v;
                char num[200];
                ag_graph_edge_ends(g, e, &u, &v);
                if (isnan(x))
                    snprintf(num, sizeof num, "no %s (missing or NaN)", ag_graph_attr_name(g, AG_EDGES, (size_t)a));
                else
                    snprintf(num, sizeof num, "%s ", ag_graph_attr_name(g, AG_EDGES, (size_t)a));
                if (!isnan(x))
                    ag__format_number(x, num + strlen(num), sizeof num - strlen(num));
                st = ag__fail(err, AG_ESCHEMA,
                              "edge %s -- %s has %s: weighted centrality needs finite weights above 0 "
                              "(filter with --min-weight, or use --unweighted)",
                              ag_graph_node_id(g, u), ag_graph_node_id(g, v), num);
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
    if (weighted) {
        if ((st = weighted_betweenness(g, VECTOR(dist), out, err)) != AG_OK)
            goto done;
    } else {
        if ((rc = igraph_betweenness(ig, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL)) != IGRAPH_SUCCESS)
            goto igraph_failed;
        store(out, n, AG_C_BETWEENNESS, &res);
    }

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

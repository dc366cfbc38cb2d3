/*
 * actorgraph/centrality.h — who is central in the actor graph.
 *
 * Degree, strength, betweenness, closeness, harmonic, eigenvector and
 * PageRank for every node, computed by igraph. Weighted by default:
 * strength, eigenvector and PageRank use the edge weight as it is; the
 * path-based measures (betweenness, closeness, harmonic) use the distance
 * 1/weight, so a heavier tie is a shorter path. Betweenness is not
 * normalised; closeness follows networkx (Wasserman–Faust scaling for
 * graphs that are not connected); eigenvector is scaled to a maximum of 1;
 * PageRank uses damping 0.85 unless told otherwise.
 */
#ifndef ACTORGRAPH_CENTRALITY_H
#define ACTORGRAPH_CENTRALITY_H

#include <stddef.h>

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_C_DEGREE = 0,
    AG_C_STRENGTH = 1,
    AG_C_BETWEENNESS = 2,
    AG_C_CLOSENESS = 3,
    AG_C_HARMONIC = 4,
    AG_C_EIGENVECTOR = 5,
    AG_C_PAGERANK = 6,
    AG_C_COUNT = 7
} ag_centrality_measure;

typedef struct {
    int weighted;              /* 0: every edge weighs 1 */
    const char *weight_attr;   /* edge attribute used as weight ("weight") */
    double damping;            /* PageRank damping factor */
} ag_centrality_options;

#define AG_CENTRALITY_OPTIONS_INIT { 1, "weight", 0.85 }

const char *ag_centrality_name(ag_centrality_measure m);
/* Parses a measure name; returns 0 on success. */
int ag_centrality_parse(const char *s, ag_centrality_measure *out);

/* Computes every measure for every node into out, row-major:
 * out[node * AG_C_COUNT + measure]. `out` must hold
 * ag_graph_node_count(g) * AG_C_COUNT doubles. AG_ESCHEMA when a weight is
 * missing, not finite, or not positive (weighted mode); AG_EGRAPH when
 * igraph fails. */
ag_status ag_centrality_compute(const ag_graph *g, const ag_centrality_options *opts,
                                double *out, ag_error *err);

#ifdef __cplusplus
}
#endif

#endif

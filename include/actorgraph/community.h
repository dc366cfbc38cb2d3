/*
 * actorgraph/community.h — communities of actors, by igraph.
 *
 * Louvain (multilevel) or Leiden modularity optimisation on the graph's
 * weights (when every weight is positive; else on the count, or on 1 for
 * each edge). The result is a "community" node attribute: communities are
 * numbered from 0 by size, largest first (ties: the one holding the
 * smallest node id first), so the same graph always gives the same
 * numbers; igraph's random generator is seeded with a fixed value.
 */
#ifndef ACTORGRAPH_COMMUNITY_H
#define ACTORGRAPH_COMMUNITY_H

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_COMMUNITIES_NONE = 0,
    AG_COMMUNITIES_LOUVAIN = 1,
    AG_COMMUNITIES_LEIDEN = 2
} ag_community_method;

/* Parses "louvain" or "leiden". Returns 0 on success. */
int ag_community_parse(const char *s, ag_community_method *out);
const char *ag_community_name(ag_community_method m);

/* Finds communities and stores them in the integer node attribute
 * "community" (replacing one that is there) and the modularity in the
 * graph attribute "modularity". *modularity receives it too (may be NULL).
 * AG_EGRAPH when igraph fails. */
ag_status ag_graph_communities(ag_graph *g, ag_community_method method, double *modularity, ag_error *err);

#ifdef __cplusplus
}
#endif

#endif

/*
 * graph_internal.h — the graph's insides for graph.c, graph_read.c,
 * centrality.c and the exporters: attribute columns, the igraph_t, and
 * the bridge from igraph's error handler to ag_error.
 */
#ifndef AG_GRAPH_INTERNAL_H
#define AG_GRAPH_INTERNAL_H

#include <igraph.h>

#include "actorgraph/graph.h"

typedef struct {
    char *name;
    ag_attr_type type;
    char **s;        /* AG_ATTR_STRING: NULL = missing */
    double *d;       /* numbers and booleans: NaN = missing */
} ag_column;

typedef struct {
    ag_point *v;
    size_t n;
} ag_series;

struct ag_graph {
    igraph_t ig;
    int has_ig;
    size_t n_nodes, n_edges;
    size_t *efrom, *eto;
    ag_column *cols[3];
    size_t n_cols[3], cap_cols[3];
    /* time slices (empty when the graph is static) */
    ag_slice *slices;
    char **slice_labels;
    size_t n_slices;
    ag_series *node_series, *edge_series;
};

/* A graph with this topology (edges from[i]-to[i], undirected) and no
 * attributes yet. */
ag_status ag__graph_new(size_t n_nodes, size_t n_edges, const size_t *from, const size_t *to,
                        ag_graph **out, ag_error *err);

/* Adds an empty column; its index goes to *index. AG_EINVAL when the name
 * is taken. */
ag_status ag__graph_add_column(ag_graph *g, ag_domain d, const char *name, ag_attr_type type,
                               size_t *index, ag_error *err);

/* Copies value (NULL: missing). */
ag_status ag__graph_set_string(ag_graph *g, ag_domain d, size_t col, size_t elem, const char *value,
                               ag_error *err);
void ag__graph_set_number(ag_graph *g, ag_domain d, size_t col, size_t elem, double value);

const igraph_t *ag__graph_igraph(const ag_graph *g);

/* Installs the library's igraph error and warning handlers (once). */
void ag__igraph_init(void);

/* igraph's reason for its last error on this thread. */
const char *ag__igraph_reason(igraph_error_t code);

/* AG_EGRAPH with igraph's last reason, prefixed with `what`. */
ag_status ag__igraph_fail(ag_error *err, igraph_error_t code, const char *what);

#endif

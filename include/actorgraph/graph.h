/*
 * actorgraph/graph.h — the actor graph: igraph topology plus typed
 * attributes.
 *
 * A graph is either built from co-occurrence counts (nodes are the actors
 * mentioned, edges the pairs that share a window, with the measures of
 * docs/measures.md as edge attributes, after the filters) or read from a
 * file (GraphML, or the tool's own JSON). Nodes and edges are in a
 * deterministic order: nodes by id (byte order), edges by their end nodes.
 *
 * Attributes are columns of one type each; a missing value reads as NULL
 * (strings) or NaN (numbers). Every node has a string attribute "id".
 */
#ifndef ACTORGRAPH_GRAPH_H
#define ACTORGRAPH_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "cooccur.h"
#include "lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_graph ag_graph;

typedef enum {
    AG_MEASURE_COUNT = 0,    /* c: windows shared */
    AG_MEASURE_DOCS = 1,     /* documents shared */
    AG_MEASURE_NPMI = 2,     /* ln(c N / (n_a n_b)) / -ln(c / N), in [-1, 1]; 1 when c = N */
    AG_MEASURE_JACCARD = 3,  /* c / (n_a + n_b - c) */
    AG_MEASURE_DICE = 4,     /* 2 c / (n_a + n_b) */
    AG_MEASURE_PMI = 5,      /* ln(c N / (n_a n_b)) */
    AG_MEASURE_ASSOC = 6,    /* VOSviewer's association strength: 2 m c / (k_a k_b) */
    AG_MEASURE_COUNT_ALL = 7
} ag_measure;

/* Parses a measure name ("count", "docs", "npmi", "pmi", "jaccard", "dice",
 * "assoc"). */
int ag_measure_parse(const char *s, ag_measure *out);
const char *ag_measure_name(ag_measure m);

typedef struct {
    ag_measure weight;        /* which measure becomes the "weight" attribute */
    unsigned types;           /* AG_TYPES_* bit set of actor types kept */
    uint64_t min_mentions;    /* drop actors with fewer mentions (and their edges) */
    size_t top;               /* keep only the N most mentioned actors (0: all) */
    uint64_t min_count;       /* drop edges with a smaller count */
    double min_weight;        /* drop edges whose weight is below this */
    double backbone;          /* disparity filter significance alpha (0: off) */
    size_t top_edges;         /* keep only the N heaviest edges (0: all) */
    int largest_component;    /* keep only the largest connected component */
    unsigned evidence;        /* write up to N evidence windows as an edge attribute (0: none) */
} ag_graph_options;

#define AG_GRAPH_OPTIONS_INIT { AG_MEASURE_COUNT, AG_TYPES_ALL, 0, 0, 0, -1e300, 0.0, 0, 0, 0 }

typedef enum {
    AG_ATTR_STRING = 0,
    AG_ATTR_INT = 1,
    AG_ATTR_DOUBLE = 2,
    AG_ATTR_BOOL = 3
} ag_attr_type;

typedef enum { AG_NODES = 0, AG_EDGES = 1, AG_GRAPH = 2 } ag_domain;

/* Builds the graph of everything c counted. Node attributes: id, label,
 * type, mentions, docs, affiliation (missing when none) and each lexicon
 * attrs key; edge attributes: weight, count, docs, npmi, jaccard, dice, pmi,
 * assoc, and evidence (when asked for). Graph attributes: window,
 * weight_measure, documents, windows, count_mode.
 *
 * Filters apply in this order: types, min_mentions, top (actors), then
 * min_count, min_weight, backbone, top_edges (edges), then
 * largest_component. Actors left without edges stay unless the last one
 * removes them. Measures are always computed from all the counts, before
 * any filter. When c keeps time slices, every node and edge also gets a
 * series: its mentions, or its weight, per slice. */
ag_status ag_graph_build(const ag_lexicon *lex, ag_cooc *c, const ag_graph_options *opts,
                         ag_graph **out, ag_error *err);

/* Time slices (when built from counts with slices), in time order. */
size_t ag_graph_slice_count(const ag_graph *g);
const ag_slice *ag_graph_slice(const ag_graph *g, size_t i);

/* A value in one slice. */
typedef struct {
    uint32_t slice;
    double value;
} ag_point;

/* A node's mentions per slice, or an edge's weight per slice: only the
 * slices where the actor or the pair occurs, in time order. The array is
 * owned by the graph. */
size_t ag_graph_node_series(const ag_graph *g, size_t node, const ag_point **points);
size_t ag_graph_edge_series(const ag_graph *g, size_t edge, const ag_point **points);

/* Reads a graph written by actorgraph or another tool. GraphML needs node
 * ids; edges are taken as undirected. AG_ESYNTAX for malformed input. */
ag_status ag_graph_read_file(const char *path, ag_graph **out, ag_error *err);

void ag_graph_free(ag_graph *g);

size_t ag_graph_node_count(const ag_graph *g);
size_t ag_graph_edge_count(const ag_graph *g);
void ag_graph_edge_ends(const ag_graph *g, size_t edge, size_t *from, size_t *to);

/* Attribute columns of a domain, in a fixed order. */
size_t ag_graph_attr_count(const ag_graph *g, ag_domain d);
const char *ag_graph_attr_name(const ag_graph *g, ag_domain d, size_t attr);
ag_attr_type ag_graph_attr_type(const ag_graph *g, ag_domain d, size_t attr);
/* Index of the named attribute, or -1. */
long ag_graph_attr_find(const ag_graph *g, ag_domain d, const char *name);

/* Values; `elem` is the node or edge index (0 for AG_GRAPH). */
const char *ag_graph_get_string(const ag_graph *g, ag_domain d, size_t attr, size_t elem);
double ag_graph_get_number(const ag_graph *g, ag_domain d, size_t attr, size_t elem);
int ag_graph_has_value(const ag_graph *g, ag_domain d, size_t attr, size_t elem);

/* The node's "id" attribute. */
const char *ag_graph_node_id(const ag_graph *g, size_t node);

#ifdef __cplusplus
}
#endif

#endif

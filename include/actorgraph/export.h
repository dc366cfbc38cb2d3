/*
 * actorgraph/export.h — from the graph to the files users open.
 *
 * GraphML (Gephi, networkx, igraph; valid against the GraphML XSD) and DOT
 * (Graphviz dot/sfdp: node size by mentions, colour and shape by type, pen
 * width by weight). Every attribute is declared with its type and every
 * string escaped. Output is deterministic: the same graph gives the same
 * bytes. Files are written to a temporary name and renamed into place.
 */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <stdio.h>

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_FORMAT_UNKNOWN = 0,
    AG_FORMAT_GRAPHML = 1,
    AG_FORMAT_DOT = 2
} ag_format;

/* The format named by a path's extension (.graphml, .dot, .gv), or
 * AG_FORMAT_UNKNOWN. */
ag_format ag_format_from_path(const char *path);
/* Parses a format name ("graphml", "dot", "gv"). */
ag_format ag_format_parse(const char *name);
const char *ag_format_name(ag_format f);

/* Writes g to an open stream; `name` stands for the stream in messages.
 * AG_EIO when a write fails. */
ag_status ag_export_stream(const ag_graph *g, ag_format format, FILE *fp,
                           const char *name, ag_error *err);

/* Writes g to path atomically ("-" is standard output). */
ag_status ag_export_file(const ag_graph *g, ag_format format, const char *path, ag_error *err);

#ifdef __cplusplus
}
#endif

#endif

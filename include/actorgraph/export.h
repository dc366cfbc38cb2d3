/*
 * actorgraph/export.h — from the graph to the files users open.
 *
 * GraphML (Gephi, networkx, igraph; valid against the GraphML XSD), GEXF
 * 1.3 (Gephi: typed attributes, colour and size by type or community),
 * DOT (Graphviz dot/sfdp: node size by mentions, colour and shape by
 * type, pen width by weight), node-link JSON (networkx's node_link_graph,
 * and actorgraph's own reader) and CSV (Gephi's spreadsheet import: two
 * files, NAME.nodes.csv and NAME.edges.csv). Every attribute is declared
 * with its type and every string escaped. Output is deterministic: the
 * same graph gives the same bytes. Files are written to a temporary name
 * and renamed into place.
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
    AG_FORMAT_DOT = 2,
    AG_FORMAT_GEXF = 3,
    AG_FORMAT_JSON = 4,
    AG_FORMAT_CSV = 5     /* two files: NAME.nodes.csv and NAME.edges.csv */
} ag_format;

/* The format named by a path's extension (.graphml, .gexf, .dot, .gv,
 * .json, .csv), or AG_FORMAT_UNKNOWN. */
ag_format ag_format_from_path(const char *path);
/* Parses a format name ("graphml", "gexf", "dot", "gv", "json", "csv"). */
ag_format ag_format_parse(const char *name);
const char *ag_format_name(ag_format f);

/* Writes g to an open stream; `name` stands for the stream in messages.
 * AG_EIO when a write fails; AG_EINVAL for an unknown format, for CSV
 * (two files: use ag_export_file or ag_export_prepare) and for a graph
 * the format cannot hold (JSON: an edge attribute named "source" or
 * "target"). */
ag_status ag_export_stream(const ag_graph *g, ag_format format, FILE *fp,
                           const char *name, ag_error *err);

/* Writes g to path atomically ("-" is standard output; not for CSV).
 * CSV: a path NAME.csv (or NAME.nodes.csv, NAME.edges.csv, or NAME with
 * -f csv) writes NAME.nodes.csv and NAME.edges.csv. */
ag_status ag_export_file(const ag_graph *g, ag_format format, const char *path, ag_error *err);

/* An export written in full to temporary files beside its targets but
 * not yet renamed into place: a program writing several outputs prepares
 * them all, then commits them all, so one failure leaves every existing
 * file as it was. */
typedef struct ag_export_pending ag_export_pending;

/* Writes g as ag_export_file would, up to (not including) the renames:
 * every byte written and flushed. "-" writes to standard output at once.
 * On failure nothing is left behind and *out is NULL. */
ag_status ag_export_prepare(const ag_graph *g, ag_format format, const char *path,
                            ag_export_pending **out, ag_error *err);
/* Closes the temporaries, checking the close; no rename yet. */
ag_status ag_export_flush(ag_export_pending *p, ag_error *err);
/* Closes (unless done) and renames the temporaries into place (CSV: both
 * files, the renames last, once both are complete); frees p. */
ag_status ag_export_commit(ag_export_pending *p, ag_error *err);
/* Removes the temporaries; frees p. NULL-safe. */
void ag_export_abort(ag_export_pending *p);

#ifdef __cplusplus
}
#endif

#endif

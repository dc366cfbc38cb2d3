/*
 * export_internal.h — what the writers share: numbers that read back
 * exactly, escaping for XML, DOT, JSON and CSV, and the definition of the
 * tool's own JSON, which export_json.c writes and graph_read_json.c reads.
 */
#ifndef AG_EXPORT_INTERNAL_H
#define AG_EXPORT_INTERNAL_H

#include <stdio.h>

#include "actorgraph/graph.h"

/* Writes s as XML character data (attribute-safe: quotes, line breaks and
 * tabs become references). Invalid UTF-8 and characters XML 1.0 forbids
 * become U+FFFD. */
void ag__xml_escape(FILE *fp, const char *s);

/* The type name GraphML's attr.type and GEXF's type use for t: string,
 * long, double or boolean. */
const char *ag__xml_type(ag_attr_type t);

/* Frees n malloc'ed strings and their array (NULL-safe). */
void ag__free_strings(char **v, size_t n);

/* Writes s inside a DOT double-quoted string: backslash and quote
 * escaped, line breaks as \n, invalid UTF-8 and control characters as
 * U+FFFD. */
void ag__dot_escape(FILE *fp, const char *s);

/* Writes s as a JSON string, quotes included: quote, backslash and every
 * control character escaped (\n, \t, ..., \u0001), invalid UTF-8 as
 * U+FFFD, everything else as UTF-8. */
void ag__json_escape(FILE *fp, const char *s);

/* Writes s as one CSV field (RFC 4180): in double quotes, with quotes
 * doubled, when it holds a comma, a quote, CR or LF; as it is otherwise.
 * Invalid UTF-8 and control characters other than tab, CR and LF become
 * U+FFFD. */
void ag__csv_field(FILE *fp, const char *s);

/* An attribute's number as the text formats write it (GEXF, CSV, JSON):
 * booleans as true/false; integers in full, never in exponent form
 * ("123456789012345678"); other numbers as by ag__format_number, with
 * infinities as "Infinity" and "-Infinity" (what Java, Python and
 * JavaScript read). */
void ag__format_value(ag_attr_type t, double v, char *buf, size_t size);

/* The colour of community c in a fixed palette of 20 colours of maximum
 * contrast (Kelly's), repeating after the 20th. Returns 0 and fills rgb, or
 * -1 when c is not a number. */
int ag__community_rgb(double c, unsigned char rgb[3]);

ag_status ag__export_graphml(const ag_graph *g, FILE *fp);
ag_status ag__export_dot(const ag_graph *g, FILE *fp);
ag_status ag__export_gexf(const ag_graph *g, FILE *fp);
/* AG_EINVAL (err filled, nothing written) for an edge attribute named
 * "source" or "target". */
ag_status ag__export_json(const ag_graph *g, FILE *fp, const char *name, ag_error *err);
/* The two tables of the CSV export. */
ag_status ag__export_csv_nodes(const ag_graph *g, FILE *fp);
ag_status ag__export_csv_edges(const ag_graph *g, FILE *fp);

/* --- the tool's JSON ------------------------------------------------------
 * networkx's node-link layout: {"directed": false, "multigraph": false,
 * "graph": {...}, "attributes": {...}, "nodes": [{"id": ..., ...}],
 * "links": [{"source": ..., "target": ..., ...}], "edges": [the same]}.
 * "attributes" declares every column with its type, in order, for
 * {"graph", "nodes", "links"}; networkx ignores it. "links" is what
 * networkx before 3.6 reads by default, "edges" what 3.6 and later read. */

/* The type names of "attributes": "string", "integer", "double",
 * "boolean". */
const char *ag__json_type_name(ag_attr_type t);
/* 0 and *out set, or -1 for an unknown name. */
int ag__json_type_parse(const char *name, ag_attr_type *out);

/* Reads the tool's JSON, or any node-link JSON networkx writes
 * (graph_read_json.c); called by ag_graph_read_file. */
ag_status ag__graph_read_json(const char *path, ag_graph **out, ag_error *err);

#endif

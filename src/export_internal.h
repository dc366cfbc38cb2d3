/*
 * export_internal.h — what the writers share: numbers that read back
 * exactly, and escaping for XML and DOT.
 */
#ifndef AG_EXPORT_INTERNAL_H
#define AG_EXPORT_INTERNAL_H

#include <stdio.h>

#include "actorgraph/graph.h"

/* Writes s as XML character data (attribute-safe: quotes, line breaks and
 * tabs become references). Invalid UTF-8 and characters XML 1.0 forbids
 * become U+FFFD. */
void ag__xml_escape(FILE *fp, const char *s);

/* Writes s inside a DOT double-quoted string: backslash and quote
 * escaped, line breaks as \n, invalid UTF-8 and control characters as
 * U+FFFD. */
void ag__dot_escape(FILE *fp, const char *s);

ag_status ag__export_graphml(const ag_graph *g, FILE *fp);
ag_status ag__export_dot(const ag_graph *g, FILE *fp);

#endif

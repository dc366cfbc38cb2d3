/*
 * export_fixture.h — the graph the exporter suites share: four actors
 * whose ids, labels and attributes need every kind of escaping, in one
 * document of five sentences, and a graph with no edges.
 */
#ifndef AG_EXPORT_FIXTURE_H
#define AG_EXPORT_FIXTURE_H

#include "testutil.h"

/* Labels with < > & " ' and a backslash; attrs strings with a newline, a
 * tab, a carriage return and a control character; non-ASCII ids and
 * labels; a non-ASCII attrs key; numbers 0.1, 2, 1e-9, 1/3. Actors in
 * index order: Ellada (0), samantha-power (1), EU (2), AZE (3). */
extern const char tu_tricky_lexicon[];

/*
 * The counts of one document of five sentences (N = 5), sentence windows,
 * with lex = tu_tricky_lexicon:
 *   s0: AZE EU   s1: AZE EU   s2: AZE samantha-power   s3: AZE Ellada   s4: EU Ellada
 * AZE 4 windows/mentions, EU 3, samantha-power 1, Ellada 2; nodes in id
 * (byte) order: AZE, EU, samantha-power, Ellada.
 *   AZE-EU     c 2: npmi ln(10/12)/-ln(2/5) = -0.19897784671578994, jaccard 2/5, dice 4/7
 *   AZE-power  c 1: npmi ln(5/4)/ln 5 = 0.13864688385321391, jaccard 1/4, dice 2/5
 *   AZE-Ellada c 1: npmi ln(5/8)/ln 5 = -0.29202967422017917, jaccard 1/5, dice 1/3
 *   EU-Ellada  c 1: npmi ln(5/6)/ln 5 = -0.11328275255937834, jaccard 1/4, dice 2/5
 * DOT sizes scale with sqrt(mentions / 4): 1, 0.866, 0.5, 0.707, pen
 * widths with the weight (count) between 1 and 2; GEXF sizes are
 * 10 + 40 sqrt(mentions / 4): 50, 44.641, 30, 38.284.
 */
ag_cooc *tu_tricky_cooc(const ag_lexicon *lex);
/* Its graph with the default options (count weights). */
ag_graph *tu_tricky_graph(const ag_lexicon *lex);

/* The graph of no document at all, paragraph windows, Jaccard weights. */
ag_graph *tu_empty_graph(const ag_lexicon *lex);

/* g written as format f to memory (*len bytes, NUL-terminated). Free it. */
char *tu_export_memory(const ag_graph *g, ag_format f, size_t *len);

#endif

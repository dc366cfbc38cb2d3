/*
 * actorgraph/partial.h — co-occurrence counts as mergeable text.
 *
 * A partial holds everything an accumulator (cooccur.h) counted: the
 * totals, every actor's and pair's counts, the time slices and the kept
 * evidence. Partials written on different machines over different parts
 * of a corpus, read back into one accumulator, give exactly the counts of
 * one run over the whole corpus, and so exactly its graph.
 *
 * The format (docs/partial.md) is UTF-8 text, one record a line, fields
 * separated by tabs, the record type first: header lines start with '#',
 * data lines with A, P, S, SA, SP, E or N. Every data record is additive,
 * so the concatenation of partials is a partial, and the lines may come in
 * any order once the header has been read (sorted by Hadoop's shuffle, for
 * example). Records of other types (upper-case letters) belong to the
 * application; the reader hands them to a callback.
 */
#ifndef ACTORGRAPH_PARTIAL_H
#define ACTORGRAPH_PARTIAL_H

#include <stdio.h>

#include "common.h"
#include "cooccur.h"
#include "lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AG_PARTIAL_VERSION 1

/* The lexicon's fingerprint: 16 hex digits over every actor and alias, so
 * that partials made with different lexicons are not merged. */
void ag_partial_fingerprint(const ag_lexicon *lex, char out[17]);

/* Writes the header and every record of c (counted with the actors of
 * lex). `scan` describes the settings that decided what was counted and
 * must be the same in every partial merged (kinds, ...); NULL for none.
 * The application's own records may follow (ag_partial_write_record). */
ag_status ag_partial_write(FILE *fp, const ag_lexicon *lex, ag_cooc *c, const char *scan, ag_error *err);

/* Writes one record: the fields joined by tabs, each escaped (a backslash,
 * tab, line feed, carriage return and other control bytes become \\, \t,
 * \n, \r and \xHH), and a line feed. */
void ag_partial_write_record(FILE *fp, const char *const *fields, size_t n);

/* A record the library does not know: its fields, unescaped. Return 0 to
 * go on, or non-zero to stop (after filling err). */
typedef int (*ag_partial_record_fn)(void *userdata, const char *const *fields, size_t n, const char *path,
                                    unsigned long line, ag_error *err);

typedef struct ag_partial_reader ag_partial_reader;

/* A reader that adds every partial it reads into one accumulator, for the
 * actors of lex (the same lexicon the partials were made with). */
ag_status ag_partial_reader_new(const ag_lexicon *lex, ag_partial_reader **out, ag_error *err);
void ag_partial_reader_free(ag_partial_reader *r);

/* The callback for the application's records (without one they are an
 * error). */
void ag_partial_reader_on_record(ag_partial_reader *r, ag_partial_record_fn fn, void *userdata);

/* Reads one partial (or several concatenated) from fp; path names it in
 * messages. Headers must agree with those read before. AG_ESYNTAX or
 * AG_ESCHEMA name the file and line. */
ag_status ag_partial_read(ag_partial_reader *r, FILE *fp, const char *path, ag_error *err);

/* After the last partial: checks what only all of them together can
 * tell (every pair with evidence has counts in one of them). AG_ESCHEMA
 * names the partial read last. */
ag_status ag_partial_reader_finish(ag_partial_reader *r, ag_error *err);

/* The accumulator (NULL until a complete header was read); the reader
 * keeps it. */
ag_cooc *ag_partial_reader_cooc(ag_partial_reader *r);
/* The partials' scan settings ("" when none). */
const char *ag_partial_reader_scan(const ag_partial_reader *r);

#ifdef __cplusplus
}
#endif

#endif

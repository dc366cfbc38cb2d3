/*
 * actorgraph/cooccur.h — from mentions to co-occurrence counts.
 *
 * An accumulator takes one document's mentions at a time, cuts them into
 * windows, and counts for every actor the mentions, documents and windows it
 * appears in, and for every pair of distinct actors the windows and
 * documents they share. Within one window a pair counts once, however often
 * either actor is repeated; no actor pairs with itself. Counts are
 * integers, so accumulators filled on different threads merge exactly, in
 * any order.
 *
 * Windows: a sentence, a paragraph, a document, or — tokens:N — a mention
 * and the N words that follow it, clipped at the end of its sentence (or
 * paragraph, or not at all). With binary counting every count is taken at
 * most once per document (and the windows are the documents).
 *
 * Optional extras, set with ag_cooc_configure() before the first document:
 * time slices (documents carry a date; counts are also kept per day, week,
 * month or year) and evidence (for each pair, the first N windows that
 * linked it by document id and offset, with byte offsets and text).
 *
 * It computes no measures (graph.h does).
 */
#ifndef ACTORGRAPH_COOCCUR_H
#define ACTORGRAPH_COOCCUR_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "match.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_WINDOW_SENTENCE = 0,
    AG_WINDOW_PARAGRAPH = 1,
    AG_WINDOW_DOCUMENT = 2,
    AG_WINDOW_TOKENS = 3
} ag_window_unit;

typedef struct {
    ag_window_unit unit;
    unsigned tokens;          /* AG_WINDOW_TOKENS: the words after the mention */
    ag_window_unit clip;      /* AG_WINDOW_TOKENS: sentence, paragraph or document (none) */
} ag_window;

/* Parses "sentence", "paragraph", "document", "tokens:N" or
 * "tokens:N:sentence|paragraph|none". Returns 0 on success. */
int ag_window_parse(const char *s, ag_window *out);
/* "sentence", ..., "tokens:5:sentence"; into buf, which it returns. */
const char *ag_window_format(const ag_window *w, char *buf, size_t size);
/* The unit's name ("sentence", "paragraph", "document", "tokens"). */
const char *ag_window_name(const ag_window *w);

typedef enum { AG_COUNT_FULL = 0, AG_COUNT_BINARY = 1 } ag_count_mode;

typedef enum {
    AG_SLICE_NONE = 0,
    AG_SLICE_DAY = 1,
    AG_SLICE_WEEK = 2,        /* ISO weeks, starting on Monday */
    AG_SLICE_MONTH = 3,
    AG_SLICE_YEAR = 4
} ag_slice_unit;

int ag_slice_parse(const char *s, ag_slice_unit *out);
const char *ag_slice_name(ag_slice_unit u);

typedef struct {
    ag_count_mode count;
    ag_slice_unit slice;
    unsigned evidence;        /* keep the first N windows of each pair (0: none) */
} ag_cooc_options;

#define AG_COOC_OPTIONS_INIT { AG_COUNT_FULL, AG_SLICE_NONE, 0 }

/* One document, as ag_cooc_add_document() takes it. Everything is
 * borrowed for the call; what evidence keeps is copied. */
typedef struct {
    const ag_scan_result *res;   /* required */
    const ag_tokens *tokens;     /* required for tokens:N windows and evidence */
    const char *text;            /* required for evidence */
    const char *id;              /* evidence: the document's id */
    const char *date;            /* slices: YYYY, YYYY-MM, YYYY-MM-DD, or an ISO timestamp; NULL: none */
    uint64_t seq;                /* the document's place in the input (informational) */
} ag_cooc_doc;

typedef struct ag_cooc ag_cooc;

typedef struct {
    uint64_t mentions;   /* mentions of the actor */
    uint64_t docs;       /* documents that mention it */
    uint64_t windows;    /* windows that mention it */
    uint64_t links;      /* sum of the counts of its pairs (its total link strength) */
} ag_actor_counts;

typedef struct {
    uint32_t a, b;       /* actor indices, a < b */
    uint64_t count;      /* windows containing both */
    uint64_t docs;       /* documents in which they share a window */
} ag_pair_counts;

/* One window that linked a pair. A pair keeps the first N by (document
 * id, start): the same whatever the input order or sharding. */
typedef struct {
    const char *doc;     /* the document's id */
    size_t start, end;   /* byte offsets of the sentences that hold both mentions */
    const char *text;    /* those bytes, as UTF-8 (invalid bytes replaced) */
} ag_evidence;

/* A time slice: its label ("2025-08", "2025-W32") and first and last day. */
typedef struct {
    const char *label;
    char start[11];      /* YYYY-MM-DD */
    char end[11];
} ag_slice;

/* An accumulator for a lexicon of n_actors actors. */
ag_status ag_cooc_new(size_t n_actors, const ag_window *window, ag_cooc **out, ag_error *err);
void ag_cooc_free(ag_cooc *c);

/* Counting mode, slices and evidence; before the first document. */
ag_status ag_cooc_configure(ag_cooc *c, const ag_cooc_options *opts, ag_error *err);
const ag_cooc_options *ag_cooc_options_get(const ag_cooc *c);

/* Adds one document. AG_EINVAL when the window or the options need what
 * doc does not give (tokens, text). A date that cannot be read leaves the
 * document out of the slices (and is counted: ag_cooc_undated()). */
ag_status ag_cooc_add_document(ag_cooc *c, const ag_cooc_doc *doc, ag_error *err);

/* Adds one document's scan result (sentence, paragraph and document
 * windows; no slices, no evidence). */
ag_status ag_cooc_add(ag_cooc *c, const ag_scan_result *doc, ag_error *err);

/* Adds everything src counted into dst (same actors, window and options). */
ag_status ag_cooc_merge(ag_cooc *dst, const ag_cooc *src, ag_error *err);

size_t ag_cooc_actor_count(const ag_cooc *c);
const ag_actor_counts *ag_cooc_actor(const ag_cooc *c, size_t actor);
uint64_t ag_cooc_documents(const ag_cooc *c);
uint64_t ag_cooc_windows(const ag_cooc *c);      /* all windows, with or without mentions */
uint64_t ag_cooc_sentences(const ag_cooc *c);
uint64_t ag_cooc_undated(const ag_cooc *c);      /* documents left out of the slices */
const ag_window *ag_cooc_window(const ag_cooc *c);

/* The pairs, sorted by (a, b). The array is owned by the accumulator and
 * valid until it next changes. */
ag_status ag_cooc_pairs(ag_cooc *c, const ag_pair_counts **pairs, size_t *n, ag_error *err);

/* The evidence kept for pair (a, b), a < b, ordered by document id and offset. */
size_t ag_cooc_evidence(const ag_cooc *c, uint32_t a, uint32_t b, const ag_evidence **ev);

/* Slices, in time order (valid until the accumulator next changes). */
size_t ag_cooc_slice_count(const ag_cooc *c);
const ag_slice *ag_cooc_slice(const ag_cooc *c, size_t i);
/* Per-slice counts: windows and documents of the slice, an actor's counts
 * in it, a pair's counts in it (zeros when absent). */
uint64_t ag_cooc_slice_windows(const ag_cooc *c, size_t slice);
uint64_t ag_cooc_slice_documents(const ag_cooc *c, size_t slice);
ag_actor_counts ag_cooc_slice_actor(const ag_cooc *c, size_t slice, uint32_t actor);
ag_pair_counts ag_cooc_slice_pair(const ag_cooc *c, size_t slice, uint32_t a, uint32_t b);

#ifdef __cplusplus
}
#endif

#endif

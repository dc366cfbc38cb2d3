/*
 * actorgraph/cooccur.h — from mentions to co-occurrence counts.
 *
 * An accumulator takes one document's mentions at a time, cuts them into
 * windows (sentence, paragraph, document), and counts for every actor the
 * mentions, documents and windows it appears in, and for every pair of
 * distinct actors the windows and documents they share. Within one window a
 * pair counts once, however often either actor is repeated; no actor pairs
 * with itself. Counts are integers, so accumulators filled on different
 * threads merge exactly, in any order.
 *
 * It computes no measures (graph.h does) and keeps no text.
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
    AG_WINDOW_DOCUMENT = 2
} ag_window_unit;

typedef struct {
    ag_window_unit unit;
} ag_window;

/* Parses "sentence", "paragraph" or "document". Returns 0 on success. */
int ag_window_parse(const char *s, ag_window *out);
const char *ag_window_name(const ag_window *w);

typedef struct ag_cooc ag_cooc;

typedef struct {
    uint64_t mentions;   /* mentions of the actor */
    uint64_t docs;       /* documents that mention it */
    uint64_t windows;    /* windows that mention it */
} ag_actor_counts;

typedef struct {
    uint32_t a, b;       /* actor indices, a < b */
    uint64_t count;      /* windows containing both */
    uint64_t docs;       /* documents in which they share a window */
} ag_pair_counts;

/* An accumulator for a lexicon of n_actors actors. */
ag_status ag_cooc_new(size_t n_actors, const ag_window *window, ag_cooc **out, ag_error *err);
void ag_cooc_free(ag_cooc *c);

/* Adds one document's scan result. */
ag_status ag_cooc_add(ag_cooc *c, const ag_scan_result *doc, ag_error *err);

/* Adds everything src counted into dst (same actors and window). */
ag_status ag_cooc_merge(ag_cooc *dst, const ag_cooc *src, ag_error *err);

size_t ag_cooc_actor_count(const ag_cooc *c);
const ag_actor_counts *ag_cooc_actor(const ag_cooc *c, size_t actor);
uint64_t ag_cooc_documents(const ag_cooc *c);
uint64_t ag_cooc_windows(const ag_cooc *c);      /* all windows, with or without mentions */
uint64_t ag_cooc_sentences(const ag_cooc *c);
const ag_window *ag_cooc_window(const ag_cooc *c);

/* The pairs, sorted by (a, b). The array is owned by the accumulator and
 * valid until it next changes. */
ag_status ag_cooc_pairs(ag_cooc *c, const ag_pair_counts **pairs, size_t *n, ag_error *err);

#ifdef __cplusplus
}
#endif

#endif

/*
 * cooccur_internal.h — the counter's insides, shared by cooccur.c (counting,
 * merging, results) and partial.c (writing and reading partial counts).
 */
#ifndef AG_COOCCUR_INTERNAL_H
#define AG_COOCCUR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "actorgraph/cooccur.h"

/* Small open-addressing tables keyed by a 64-bit key (0 = empty). */
typedef struct {
    uint64_t key;
    uint32_t slice;          /* slice tables: the slice index + 1; else 0 */
    uint32_t n_ev;
    uint64_t count;
    uint64_t docs;
    uint64_t windows;        /* actor tables: windows; pair tables: unused */
    uint64_t links;          /* actor tables: sum of pair counts */
    ag_evidence *ev;         /* pair tables with evidence */
} slot;

typedef struct {
    slot *v;
    size_t mask, n;
} table;

typedef struct {
    int64_t key;          /* ordering key: day number, week number, month index, year */
    char label[16];
    ag_slice pub;
    uint64_t windows, documents;
} slice_rec;

struct ag_cooc {
    size_t n_actors;
    ag_window window;
    ag_cooc_options opts;
    int started;                 /* a document was added: options are fixed */

    ag_actor_counts *actors;
    uint64_t documents, windows, sentences, undated;
    table pairs;                 /* pair_key -> count, docs, evidence */

    slice_rec *slices;           /* in the order first seen; sorted copies on demand */
    size_t n_slices, cap_slices;
    table slice_ids;             /* slice ordering key -> index + 1 (in .count) */
    table slice_actors;          /* (actor + 1, slice + 1) -> mentions (count), docs, windows */
    table slice_pairs;           /* (pair, slice + 1) -> count, docs */

    /* one document's counts, before they are added */
    table doc_pairs;             /* pair_key -> count (windows), evidence */
    uint32_t *doc_actors;        /* actors touched, in first-seen order */
    size_t n_doc_actors;
    uint64_t *act_mentions, *act_windows;
    uint64_t *act_stamp;         /* == serial when touched by this document */
    uint64_t *win_stamp;         /* == tick when already in the current window */
    uint32_t *win_first;         /* the first mention of the actor in the current window */
    uint64_t serial, tick;
    uint32_t *in_window;
    size_t n_in_window;
    uint32_t *words;             /* words before each token (tokens:N windows) */
    size_t cap_words;

    ag_pair_counts *sorted;
    size_t n_sorted;
    int sorted_valid;
    size_t *slice_order;         /* slice indices in time order */
    int slice_order_valid;
};

/* The slot for (key, slice), created when missing (NULL: out of memory). */
slot *ag__table_get(table *t, uint64_t key, uint32_t slice);

/* Pair keys: (a << 32) | b with a < b. */
static inline uint64_t ag__pair_key(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32) | b;
}

/* The index of the slice holding `date`-like label rec (created when new),
 * or -1 when out of memory. */
long ag__cooc_slice_add(ag_cooc *c, const slice_rec *rec);

/* The slice a canonical label names ("2025-W32" in weekly slices); -1
 * when label is not one. */
int ag__slice_from_label(ag_slice_unit unit, const char *label, slice_rec *out);

/* Inserts evidence (taking ownership of its strings) into a pair's list,
 * which keeps the first `keep` by (document id, start). 0 or -1. */
int ag__evidence_insert(slot *p, ag_evidence *ev, unsigned keep);

#endif

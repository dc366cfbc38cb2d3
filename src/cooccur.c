/*
 * cooccur.c — co-occurrence counts from mentions.
 *
 * Input: one document's mentions at a time (text order). Output: integer
 * counts per actor (mentions, documents, windows) and per pair of distinct
 * actors (windows shared, documents shared), in an open-addressing table
 * keyed by the pair. A pair counts once per window however often either
 * actor repeats; an actor never pairs with itself. Measures are computed
 * from these counts by graph.c, never here.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/cooccur.h"
#include "internal.h"

typedef struct {
    uint64_t key;        /* (a << 32) | b, a < b; 0 marks an empty slot (a == b never occurs) */
    uint64_t count;
    uint64_t docs;
    uint64_t last_doc;   /* serial of the last document that counted for docs */
} pair_slot;

struct ag_cooc {
    size_t n_actors;
    ag_window window;
    ag_actor_counts *actors;
    uint64_t documents, windows, sentences;

    pair_slot *pairs;
    size_t pair_mask, n_pairs;

    /* scratch for one document */
    uint64_t serial;
    uint64_t *doc_seen;     /* per actor: serial of the last document it was counted in */
    uint64_t *win_seen;     /* per actor: window tick it was last counted in */
    uint64_t tick;
    uint32_t *in_window;
    size_t n_in_window;

    ag_pair_counts *sorted;
    size_t n_sorted;
    int sorted_valid;
};

int ag_window_parse(const char *s, ag_window *out)
{
    if (strcmp(s, "sentence") == 0)
        out->unit = AG_WINDOW_SENTENCE;
    else if (strcmp(s, "paragraph") == 0)
        out->unit = AG_WINDOW_PARAGRAPH;
    else if (strcmp(s, "document") == 0)
        out->unit = AG_WINDOW_DOCUMENT;
    else
        return -1;
    return 0;
}

const char *ag_window_name(const ag_window *w)
{
    switch (w->unit) {
    case AG_WINDOW_SENTENCE: return "sentence";
    case AG_WINDOW_PARAGRAPH: return "paragraph";
    case AG_WINDOW_DOCUMENT: return "document";
    }
    return "?";
}

ag_status ag_cooc_new(size_t n_actors, const ag_window *window, ag_cooc **out, ag_error *err)
{
    ag_cooc *c = (ag_cooc *)calloc(1, sizeof *c);
    size_t n = n_actors ? n_actors : 1;

    *out = NULL;
    if (!c)
        return ag__fail(err, AG_ENOMEM, "out of memory creating counts");
    c->n_actors = n_actors;
    c->window = *window;
    c->actors = (ag_actor_counts *)calloc(n, sizeof *c->actors);
    c->doc_seen = (uint64_t *)calloc(n, sizeof *c->doc_seen);
    c->win_seen = (uint64_t *)calloc(n, sizeof *c->win_seen);
    c->in_window = (uint32_t *)malloc(n * sizeof *c->in_window);
    c->pair_mask = 1023;
    c->pairs = (pair_slot *)calloc(c->pair_mask + 1, sizeof *c->pairs);
    if (!c->actors || !c->doc_seen || !c->win_seen || !c->in_window || !c->pairs) {
        ag_cooc_free(c);
        return ag__fail(err, AG_ENOMEM, "out of memory creating counts");
    }
    *out = c;
    return AG_OK;
}

void ag_cooc_free(ag_cooc *c)
{
    if (!c)
        return;
    free(c->actors);
    free(c->doc_seen);
    free(c->win_seen);
    free(c->in_window);
    free(c->pairs);
    free(c->sorted);
    free(c);
}

static size_t slot_of(uint64_t key, size_t mask)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 32)) & mask;
}

static int pairs_resize(ag_cooc *c, size_t size)
{
    pair_slot *t = (pair_slot *)calloc(size, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i <= c->pair_mask; i++) {
        if (c->pairs[i].key) {
            size_t j = slot_of(c->pairs[i].key, size - 1);
            while (t[j].key)
                j = (j + 1) & (size - 1);
            t[j] = c->pairs[i];
        }
    }
    free(c->pairs);
    c->pairs = t;
    c->pair_mask = size - 1;
    return 0;
}

static pair_slot *pair_get(ag_cooc *c, uint32_t a, uint32_t b)
{
    uint64_t key = ((uint64_t)a << 32) | b;
    size_t j;
    if ((c->n_pairs + 1) * 2 > c->pair_mask + 1 && pairs_resize(c, (c->pair_mask + 1) * 2) != 0)
        return NULL;
    j = slot_of(key, c->pair_mask);
    while (c->pairs[j].key && c->pairs[j].key != key)
        j = (j + 1) & c->pair_mask;
    if (!c->pairs[j].key) {
        c->pairs[j].key = key;
        c->n_pairs++;
    }
    return &c->pairs[j];
}

static int by_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Counts the distinct actors gathered in c->in_window as one window. */
static int close_window(ag_cooc *c)
{
    size_t n = c->n_in_window;
    if (n > 1)
        qsort(c->in_window, n, sizeof *c->in_window, by_u32);
    for (size_t i = 0; i < n; i++) {
        c->actors[c->in_window[i]].windows++;
        for (size_t j = i + 1; j < n; j++) {
            pair_slot *p = pair_get(c, c->in_window[i], c->in_window[j]);
            if (!p)
                return -1;
            p->count++;
            if (p->last_doc != c->serial) {
                p->last_doc = c->serial;
                p->docs++;
            }
        }
    }
    c->n_in_window = 0;
    c->tick++;
    return 0;
}

static uint32_t window_of(const ag_cooc *c, const ag_mention *m)
{
    switch (c->window.unit) {
    case AG_WINDOW_SENTENCE: return m->sentence;
    case AG_WINDOW_PARAGRAPH: return m->paragraph;
    case AG_WINDOW_DOCUMENT: return 0;
    }
    return 0;
}

ag_status ag_cooc_add(ag_cooc *c, const ag_scan_result *doc, ag_error *err)
{
    uint32_t current = 0;

    c->sorted_valid = 0;
    c->serial++;
    c->tick++;
    c->documents++;
    c->sentences += doc->sentences;
    switch (c->window.unit) {
    case AG_WINDOW_SENTENCE: c->windows += doc->sentences; break;
    case AG_WINDOW_PARAGRAPH: c->windows += doc->paragraphs; break;
    case AG_WINDOW_DOCUMENT: c->windows += 1; break;
    }
    c->n_in_window = 0;
    for (size_t i = 0; i < doc->n_mentions; i++) {
        const ag_mention *m = &doc->mentions[i];
        uint32_t w = window_of(c, m);
        if (m->actor >= c->n_actors)
            return ag__fail(err, AG_EINTERNAL, "mention of actor %u beyond the %zu counted", m->actor, c->n_actors);
        if (i > 0 && w != current && close_window(c) != 0)
            return ag__fail(err, AG_ENOMEM, "out of memory counting pairs");
        current = w;
        c->actors[m->actor].mentions++;
        if (c->doc_seen[m->actor] != c->serial) {
            c->doc_seen[m->actor] = c->serial;
            c->actors[m->actor].docs++;
        }
        if (c->win_seen[m->actor] != c->tick) {
            c->win_seen[m->actor] = c->tick;
            c->in_window[c->n_in_window++] = m->actor;
        }
    }
    if (doc->n_mentions && close_window(c) != 0)
        return ag__fail(err, AG_ENOMEM, "out of memory counting pairs");
    return AG_OK;
}

ag_status ag_cooc_merge(ag_cooc *dst, const ag_cooc *src, ag_error *err)
{
    if (dst->n_actors != src->n_actors || dst->window.unit != src->window.unit)
        return ag__fail(err, AG_EINVAL, "counts of different lexicons or windows cannot be merged");
    dst->sorted_valid = 0;
    dst->documents += src->documents;
    dst->windows += src->windows;
    dst->sentences += src->sentences;
    for (size_t i = 0; i < src->n_actors; i++) {
        dst->actors[i].mentions += src->actors[i].mentions;
        dst->actors[i].docs += src->actors[i].docs;
        dst->actors[i].windows += src->actors[i].windows;
    }
    for (size_t i = 0; i <= src->pair_mask; i++) {
        const pair_slot *s = &src->pairs[i];
        pair_slot *d;
        if (!s->key)
            continue;
        d = pair_get(dst, (uint32_t)(s->key >> 32), (uint32_t)s->key);
        if (!d)
            return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
        d->count += s->count;
        d->docs += s->docs;
    }
    return AG_OK;
}

size_t ag_cooc_actor_count(const ag_cooc *c)
{
    return c->n_actors;
}

const ag_actor_counts *ag_cooc_actor(const ag_cooc *c, size_t actor)
{
    return actor < c->n_actors ? &c->actors[actor] : NULL;
}

uint64_t ag_cooc_documents(const ag_cooc *c)
{
    return c->documents;
}

uint64_t ag_cooc_windows(const ag_cooc *c)
{
    return c->windows;
}

uint64_t ag_cooc_sentences(const ag_cooc *c)
{
    return c->sentences;
}

const ag_window *ag_cooc_window(const ag_cooc *c)
{
    return &c->window;
}

static int by_pair(const void *x, const void *y)
{
    const ag_pair_counts *a = (const ag_pair_counts *)x, *b = (const ag_pair_counts *)y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

ag_status ag_cooc_pairs(ag_cooc *c, const ag_pair_counts **pairs, size_t *n, ag_error *err)
{
    if (!c->sorted_valid) {
        size_t k = 0;
        ag_pair_counts *v = (ag_pair_counts *)realloc(c->sorted, (c->n_pairs ? c->n_pairs : 1) * sizeof *v);
        if (!v)
            return ag__fail(err, AG_ENOMEM, "out of memory sorting pairs");
        c->sorted = v;
        for (size_t i = 0; i <= c->pair_mask; i++) {
            const pair_slot *s = &c->pairs[i];
            if (!s->key)
                continue;
            v[k].a = (uint32_t)(s->key >> 32);
            v[k].b = (uint32_t)s->key;
            v[k].count = s->count;
            v[k].docs = s->docs;
            k++;
        }
        qsort(v, k, sizeof *v, by_pair);
        c->n_sorted = k;
        c->sorted_valid = 1;
    }
    *pairs = c->sorted;
    *n = c->n_sorted;
    return AG_OK;
}

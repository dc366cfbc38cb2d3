/*
 * cooccur.c — co-occurrence counts from mentions.
 *
 * Input: one document's mentions at a time (text order), with its tokens,
 * text, id and date when windows, slices or evidence need them. Output:
 * integer counts per actor (mentions, documents, windows) and per pair of
 * distinct actors (windows shared, documents shared), overall and per time
 * slice, and for each pair the first N windows that linked it.
 *
 * Each document is first counted on its own (a small per-document table),
 * then added to the totals and to its slice: so binary counting, document
 * counts and slices all follow from one place. Measures are computed from
 * these counts by graph.c, never here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/cooccur.h"
#include "cooccur_internal.h"
#include "internal.h"
#include "text_internal.h"

/* --- small open-addressing tables keyed by a 64-bit key (0 = empty) ------- */

static int table_init(table *t, size_t size)
{
    t->v = (slot *)calloc(size, sizeof *t->v);
    t->mask = size - 1;
    t->n = 0;
    return t->v ? 0 : -1;
}

static size_t slot_of(uint64_t key, uint32_t slice, size_t mask)
{
    uint64_t h = (key ^ ((uint64_t)slice << 44)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 32)) & mask;
}

static int table_resize(table *t, size_t size)
{
    slot *v = (slot *)calloc(size, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i <= t->mask; i++) {
        if (t->v[i].key) {
            size_t j = slot_of(t->v[i].key, t->v[i].slice, size - 1);
            while (v[j].key)
                j = (j + 1) & (size - 1);
            v[j] = t->v[i];
        }
    }
    free(t->v);
    t->v = v;
    t->mask = size - 1;
    return 0;
}

/* The slot for (key, slice), created (zeroed) when missing; NULL when out
 * of memory. slice is 0 outside slice tables. */
slot *ag__table_get(table *t, uint64_t key, uint32_t slice)
{
    size_t j;
    if ((t->n + 1) * 2 > t->mask + 1 && table_resize(t, (t->mask + 1) * 2) != 0)
        return NULL;
    j = slot_of(key, slice, t->mask);
    while (t->v[j].key && (t->v[j].key != key || t->v[j].slice != slice))
        j = (j + 1) & t->mask;
    if (!t->v[j].key) {
        t->v[j].key = key;
        t->v[j].slice = slice;
        t->n++;
    }
    return &t->v[j];
}

static const slot *table_find(const table *t, uint64_t key, uint32_t slice)
{
    size_t j;
    if (!t->v)
        return NULL;
    j = slot_of(key, slice, t->mask);
    while (t->v[j].key) {
        if (t->v[j].key == key && t->v[j].slice == slice)
            return &t->v[j];
        j = (j + 1) & t->mask;
    }
    return NULL;
}

static void evidence_free(ag_evidence *ev, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        free((char *)ev[i].doc);
        free((char *)ev[i].text);
    }
    free(ev);
}

static void table_free(table *t)
{
    if (!t->v)
        return;
    for (size_t i = 0; i <= t->mask; i++)
        if (t->v[i].ev)
            evidence_free(t->v[i].ev, t->v[i].n_ev);
    free(t->v);
    t->v = NULL;
}

/* Empties a table but keeps its memory (used once per document). */
static void table_clear(table *t)
{
    if (t->n) {
        memset(t->v, 0, (t->mask + 1) * sizeof *t->v);
        t->n = 0;
    }
}


/* --- slices ------------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static int64_t day_number(int y, int m, int d)
{
    int64_t yy = y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil(int64_t z, int *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Reads YYYY, YYYY-MM, YYYY-MM-DD (a time after 'T' or ' ' is ignored).
 * Missing month or day count as the first. Returns 0 on success and
 * reports how precise the date was (1 year, 2 month, 3 day). */
static int parse_date(const char *s, int *y, int *m, int *d, int *precision)
{
    int n = 0;
    if (!s)
        return -1;
    while (isspace((unsigned char)*s))
        s++;
    for (int i = 0; i < 4; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    *y = n;
    *m = 1;
    *d = 1;
    *precision = 1;
    s += 4;
    if (*s == '-' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) {
        *m = (s[1] - '0') * 10 + (s[2] - '0');
        if (*m < 1 || *m > 12)
            return -1;
        *precision = 2;
        s += 3;
        if (*s == '-' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) {
            *d = (s[1] - '0') * 10 + (s[2] - '0');
            if (*d < 1 || *d > days_in_month(*y, *m))
                return -1;
            *precision = 3;
            s += 3;
        }
    }
    return (*s == '\0' || *s == 'T' || *s == ' ' || (*precision < 3 && *s == '\0')) ? 0 : -1;
}

/* The slice a date falls in; -1 when the date cannot be read or is too
 * coarse for the slice unit (a bare year in monthly slices). */
static int slice_of(ag_slice_unit unit, const char *date, slice_rec *out)
{
    int y, m, d, prec, need = unit == AG_SLICE_YEAR ? 1 : unit == AG_SLICE_MONTH ? 2 : 3;
    int64_t first, last;
    if (parse_date(date, &y, &m, &d, &prec) != 0 || prec < need)
        return -1;
    memset(out, 0, sizeof *out);
    switch (unit) {
    case AG_SLICE_DAY:
        first = last = day_number(y, m, d);
        out->key = first;
        snprintf(out->label, sizeof out->label, "%04d-%02d-%02d", y, m, d);
        break;
    case AG_SLICE_WEEK: {
        /* ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday */
        int64_t dn = day_number(y, m, d);
        int64_t weekday = ((dn % 7) + 7 + 3) % 7;   /* 1970-01-01 was a Thursday: Monday = 0 */
        int64_t thursday = dn - weekday + 3;
        int ty, tm, td;
        civil(thursday, &ty, &tm, &td);
        first = dn - weekday;
        last = first + 6;
        out->key = first;
        snprintf(out->label, sizeof out->label, "%04d-W%02d", ty,
                 (int)((thursday - day_number(ty, 1, 1)) / 7 + 1));
        break;
    }
    case AG_SLICE_MONTH:
        first = day_number(y, m, 1);
        last = day_number(y, m, days_in_month(y, m));
        out->key = (int64_t)y * 12 + m;
        snprintf(out->label, sizeof out->label, "%04d-%02d", y, m);
        break;
    case AG_SLICE_YEAR:
        first = day_number(y, 1, 1);
        last = day_number(y, 12, 31);
        out->key = y;
        snprintf(out->label, sizeof out->label, "%04d", y);
        break;
    default:
        return -1;
    }
    civil(first, &y, &m, &d);
    snprintf(out->pub.start, sizeof out->pub.start, "%04d-%02d-%02d", y, m, d);
    civil(last, &y, &m, &d);
    snprintf(out->pub.end, sizeof out->pub.end, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* The slice a label names ("2025-08-09", "2025-W32", "2025-08", "2025"),
 * as slice_of() would make it; -1 unless label is exactly such a label of
 * this unit. */
int ag__slice_from_label(ag_slice_unit unit, const char *label, slice_rec *out)
{
    char date[16];
    if (unit == AG_SLICE_WEEK) {
        /* YYYY-Www: the Monday of ISO week 1 is the Monday of the week holding 4 January */
        int y = 0, w = 0, n = 0, yy, mm, dd;
        int64_t jan4, monday;
        if (strlen(label) != 8 || sscanf(label, "%4d-W%2d%n", &y, &w, &n) != 2 || n != 8 || w < 1 || w > 53 ||
            !isdigit((unsigned char)label[0]) || !isdigit((unsigned char)label[6]))
            return -1;
        jan4 = day_number(y, 1, 4);
        monday = jan4 - ((jan4 % 7) + 7 + 3) % 7 + (int64_t)(w - 1) * 7;
        civil(monday, &yy, &mm, &dd);
        snprintf(date, sizeof date, "%04d-%02d-%02d", yy, mm, dd);
    } else {
        size_t n = strlen(label);
        if (n >= sizeof date)
            return -1;
        memcpy(date, label, n + 1);
    }
    if (slice_of(unit, date, out) != 0 || strcmp(out->label, label) != 0)
        return -1;
    return 0;
}

/* --- the accumulator ------------------------------------------------------------ */


static const char *const unit_names[4] = { "sentence", "paragraph", "document", "tokens" };

int ag_window_parse(const char *s, ag_window *out)
{
    ag_window w = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    if (strcmp(s, "sentence") == 0) {
        w.unit = AG_WINDOW_SENTENCE;
    } else if (strcmp(s, "paragraph") == 0) {
        w.unit = AG_WINDOW_PARAGRAPH;
    } else if (strcmp(s, "document") == 0) {
        w.unit = AG_WINDOW_DOCUMENT;
    } else if (strncmp(s, "tokens:", 7) == 0) {
        const char *p = s + 7;
        char *end;
        unsigned long n;
        if (!isdigit((unsigned char)*p))
            return -1;
        n = strtoul(p, &end, 10);
        if (n == 0 || n > 100000)
            return -1;
        w.unit = AG_WINDOW_TOKENS;
        w.tokens = (unsigned)n;
        if (*end == ':') {
            if (strcmp(end + 1, "sentence") == 0)
                w.clip = AG_WINDOW_SENTENCE;
            else if (strcmp(end + 1, "paragraph") == 0)
                w.clip = AG_WINDOW_PARAGRAPH;
            else if (strcmp(end + 1, "none") == 0 || strcmp(end + 1, "document") == 0)
                w.clip = AG_WINDOW_DOCUMENT;
            else
                return -1;
        } else if (*end) {
            return -1;
        }
    } else {
        return -1;
    }
    *out = w;
    return 0;
}

const char *ag_window_name(const ag_window *w)
{
    return (unsigned)w->unit < 4 ? unit_names[w->unit] : "?";
}

const char *ag_window_format(const ag_window *w, char *buf, size_t size)
{
    if (w->unit == AG_WINDOW_TOKENS)
        snprintf(buf, size, "tokens:%u:%s", w->tokens, w->clip == AG_WINDOW_DOCUMENT ? "none" : unit_names[w->clip]);
    else
        snprintf(buf, size, "%s", ag_window_name(w));
    return buf;
}

static const char *const slice_names[5] = { "none", "day", "week", "month", "year" };

int ag_slice_parse(const char *s, ag_slice_unit *out)
{
    for (int i = 1; i < 5; i++) {
        if (strcmp(s, slice_names[i]) == 0) {
            *out = (ag_slice_unit)i;
            return 0;
        }
    }
    return -1;
}

const char *ag_slice_name(ag_slice_unit u)
{
    return (unsigned)u < 5 ? slice_names[u] : "?";
}

ag_status ag_cooc_new(size_t n_actors, const ag_window *window, ag_cooc **out, ag_error *err)
{
    ag_cooc *c = (ag_cooc *)calloc(1, sizeof *c);
    ag_cooc_options defaults = AG_COOC_OPTIONS_INIT;
    size_t n = n_actors ? n_actors : 1;

    *out = NULL;
    if (!c)
        return ag__fail(err, AG_ENOMEM, "out of memory creating counts");
    if (window->unit > AG_WINDOW_TOKENS || (window->unit == AG_WINDOW_TOKENS && window->tokens == 0)) {
        free(c);
        return ag__fail(err, AG_EINVAL, "bad window");
    }
    c->n_actors = n_actors;
    c->window = *window;
    if (window->unit != AG_WINDOW_TOKENS) {
        c->window.tokens = 0;
        c->window.clip = AG_WINDOW_SENTENCE;
    }
    c->opts = defaults;
    c->actors = (ag_actor_counts *)calloc(n, sizeof *c->actors);
    c->doc_actors = (uint32_t *)malloc(n * sizeof *c->doc_actors);
    c->act_mentions = (uint64_t *)calloc(n, sizeof *c->act_mentions);
    c->act_windows = (uint64_t *)calloc(n, sizeof *c->act_windows);
    c->act_stamp = (uint64_t *)calloc(n, sizeof *c->act_stamp);
    c->win_stamp = (uint64_t *)calloc(n, sizeof *c->win_stamp);
    c->win_first = (uint32_t *)calloc(n, sizeof *c->win_first);
    c->in_window = (uint32_t *)malloc(n * sizeof *c->in_window);
    if (!c->actors || !c->doc_actors || !c->act_mentions || !c->act_windows || !c->act_stamp || !c->win_stamp ||
        !c->win_first || !c->in_window || table_init(&c->pairs, 1024) != 0 || table_init(&c->doc_pairs, 64) != 0) {
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
    free(c->doc_actors);
    free(c->act_mentions);
    free(c->act_windows);
    free(c->act_stamp);
    free(c->win_stamp);
    free(c->win_first);
    free(c->in_window);
    free(c->words);
    table_free(&c->pairs);
    table_free(&c->doc_pairs);
    table_free(&c->slice_ids);
    table_free(&c->slice_actors);
    table_free(&c->slice_pairs);
    free(c->slices);
    free(c->sorted);
    free(c->slice_order);
    free(c);
}

ag_status ag_cooc_configure(ag_cooc *c, const ag_cooc_options *opts, ag_error *err)
{
    if (c->started)
        return ag__fail(err, AG_EINVAL, "counting options must be set before the first document");
    if ((unsigned)opts->count > AG_COUNT_BINARY || (unsigned)opts->slice > AG_SLICE_YEAR)
        return ag__fail(err, AG_EINVAL, "bad counting options");
    c->opts = *opts;
    if (opts->slice != AG_SLICE_NONE && !c->slice_ids.v &&
        (table_init(&c->slice_ids, 64) != 0 || table_init(&c->slice_actors, 1024) != 0 ||
         table_init(&c->slice_pairs, 1024) != 0))
        return ag__fail(err, AG_ENOMEM, "out of memory creating counts");
    return AG_OK;
}

const ag_cooc_options *ag_cooc_options_get(const ag_cooc *c)
{
    return &c->opts;
}

/* --- one document ----------------------------------------------------------------- */

typedef struct {
    const ag_cooc_doc *doc;
    const ag_mention *m;
    size_t n;
    uint32_t *sent_start, *sent_end;   /* byte span of each sentence (evidence) */
} doc_ctx;

static uint32_t window_id(const ag_window_unit unit, const ag_mention *m)
{
    switch (unit) {
    case AG_WINDOW_SENTENCE: return m->sentence;
    case AG_WINDOW_PARAGRAPH: return m->paragraph;
    default: return 0;
    }
}

/* Copies s[0..n) as UTF-8, with each invalid byte as U+FFFD. */
static char *utf8_copy(const char *s, size_t n)
{
    char *out = (char *)malloc(3 * n + 1), *o = out;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    if (!out)
        return NULL;
    while (p < end) {
        uint32_t cp;
        size_t k = ag__utf8_decode(p, end, &cp);
        if (k == 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
        } else {
            memcpy(o, p, k);
            o += k;
            p += k;
        }
    }
    *o = '\0';
    return out;
}

/* Records the pair (a, b) of the current window in the document's table,
 * with the window's evidence span when evidence is kept. */
static int doc_pair(ag_cooc *c, doc_ctx *d, uint32_t a, uint32_t b, uint32_t ma, uint32_t mb)
{
    slot *s = ag__table_get(&c->doc_pairs, ag__pair_key(a < b ? a : b, a < b ? b : a), 0);
    if (!s)
        return -1;
    s->count++;
    if (c->opts.evidence && s->n_ev < c->opts.evidence) {
        const ag_mention *first = &d->m[ma < mb ? ma : mb], *last = &d->m[ma < mb ? mb : ma];
        size_t start = d->sent_start[first->sentence], end = d->sent_end[last->sentence];
        ag_evidence *ev;
        if (!s->ev && !(s->ev = (ag_evidence *)calloc(c->opts.evidence, sizeof *s->ev)))
            return -1;
        ev = &s->ev[s->n_ev];
        ev->start = start;
        ev->end = end;
        ev->doc = ag__strdup(d->doc->id ? d->doc->id : "");
        ev->text = utf8_copy(d->doc->text + start, end - start);
        if (!ev->doc || !ev->text) {
            free((char *)ev->doc);
            free((char *)ev->text);
            return -1;
        }
        s->n_ev++;
    }
    return 0;
}

static void touch_actor(ag_cooc *c, uint32_t a)
{
    if (c->act_stamp[a] != c->serial) {
        c->act_stamp[a] = c->serial;
        c->act_mentions[a] = 0;
        c->act_windows[a] = 0;
        c->doc_actors[c->n_doc_actors++] = a;
    }
}

/* Counts the distinct actors gathered in c->in_window as one window. */
static int close_window(ag_cooc *c, doc_ctx *d)
{
    size_t n = c->n_in_window;
    for (size_t i = 0; i < n; i++) {
        uint32_t a = c->in_window[i];
        c->act_windows[a]++;
        for (size_t j = i + 1; j < n; j++) {
            uint32_t b = c->in_window[j];
            if (doc_pair(c, d, a, b, c->win_first[a], c->win_first[b]) != 0)
                return -1;
        }
    }
    c->n_in_window = 0;
    c->tick++;
    return 0;
}

static void window_add(ag_cooc *c, uint32_t actor, uint32_t mention)
{
    if (c->win_stamp[actor] != c->tick) {
        c->win_stamp[actor] = c->tick;
        c->win_first[actor] = mention;
        c->in_window[c->n_in_window++] = actor;
    }
}

/* Sentence, paragraph and document windows. */
static int count_unit_windows(ag_cooc *c, doc_ctx *d)
{
    uint32_t current = 0;
    c->tick++;
    c->n_in_window = 0;
    for (size_t i = 0; i < d->n; i++) {
        uint32_t w = window_id(c->window.unit, &d->m[i]);
        if (i > 0 && w != current && close_window(c, d) != 0)
            return -1;
        current = w;
        window_add(c, d->m[i].actor, (uint32_t)i);
    }
    return d->n && close_window(c, d) != 0 ? -1 : 0;
}

/* tokens:N windows: each mention and the mentions that start at most N words
 * after it ends, inside the clip unit. */
static int count_token_windows(ag_cooc *c, doc_ctx *d)
{
    const ag_tokens *t = d->doc->tokens;
    for (size_t i = 0; i < d->n; i++) {
        const ag_mention *m = &d->m[i];
        uint32_t clip = window_id(c->window.clip, m);
        c->tick++;
        c->n_in_window = 0;
        window_add(c, m->actor, (uint32_t)i);
        for (size_t j = i + 1; j < d->n; j++) {
            const ag_mention *o = &d->m[j];
            if (window_id(c->window.clip, o) != clip)
                break;
            if (o->token >= t->n || c->words[o->token] - c->words[m->token_end] > c->window.tokens)
                break;
            window_add(c, o->actor, (uint32_t)j);
        }
        if (close_window(c, d) != 0)
            return -1;
    }
    return 0;
}

static int prepare_words(ag_cooc *c, const ag_tokens *t)
{
    uint32_t w = 0;
    if (ag__grow((void **)&c->words, &c->cap_words, t->n + 1, sizeof *c->words) != 0)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        c->words[i] = w;
        if (t->v[i].flags & (AG_TF_WORD | AG_TF_NUMBER))
            w++;
    }
    c->words[t->n] = w;
    return 0;
}

long ag__cooc_slice_add(ag_cooc *c, const slice_rec *rec)
{
    slot *s = ag__table_get(&c->slice_ids, (uint64_t)(rec->key + ((int64_t)1 << 40)), 0);
    if (!s)
        return -1;
    if (!s->count) {
        if (ag__grow((void **)&c->slices, &c->cap_slices, c->n_slices + 1, sizeof *c->slices) != 0)
            return -1;
        c->slices[c->n_slices] = *rec;
        c->slices[c->n_slices].windows = 0;
        c->slices[c->n_slices].documents = 0;
        s->count = ++c->n_slices;
        c->slice_order_valid = 0;
    }
    return (long)s->count - 1;
}

/* The slice index of a date (created when new), -1 when the date cannot
 * be read, -2 when out of memory. */
static long slice_index(ag_cooc *c, const char *date)
{
    slice_rec rec;
    long k;
    if (slice_of(c->opts.slice, date, &rec) != 0)
        return -1;
    k = ag__cooc_slice_add(c, &rec);
    return k < 0 ? -2 : k;
}

/* Adds one document's counts (in c's per-document tables) to the totals
 * and to slice s (when s >= 0). */
static int apply_document(ag_cooc *c, long s, uint64_t doc_windows)
{
    int binary = c->opts.count == AG_COUNT_BINARY;
    uint64_t nwin = binary ? 1 : doc_windows;

    c->windows += nwin;
    if (s >= 0) {
        c->slices[s].windows += nwin;
        c->slices[s].documents++;
    }
    for (size_t i = 0; i < c->n_doc_actors; i++) {
        uint32_t a = c->doc_actors[i];
        uint64_t win = binary ? (c->act_windows[a] ? 1 : 0) : c->act_windows[a];
        c->actors[a].mentions += c->act_mentions[a];
        c->actors[a].docs++;
        c->actors[a].windows += win;
        if (s >= 0) {
            slot *x = ag__table_get(&c->slice_actors, (uint64_t)a + 1, (uint32_t)s + 1);
            if (!x)
                return -1;
            x->count += c->act_mentions[a];
            x->docs++;
            x->windows += win;
        }
    }
    for (size_t i = 0; i <= c->doc_pairs.mask && c->doc_pairs.n; i++) {
        slot *dp = &c->doc_pairs.v[i];
        slot *p;
        uint64_t count;
        if (!dp->key)
            continue;
        count = binary ? 1 : dp->count;
        if (!(p = ag__table_get(&c->pairs, dp->key, 0)))
            return -1;
        p->count += count;
        p->docs++;
        c->actors[(uint32_t)(dp->key >> 32)].links += count;
        c->actors[(uint32_t)dp->key].links += count;
        if (dp->n_ev) {
            /* keep the first windows by (document id, offset), whatever the input order */
            int failed = 0;
            for (uint32_t k = 0; k < dp->n_ev; k++)
                if (!failed && ag__evidence_insert(p, &dp->ev[k], c->opts.evidence) != 0)
                    failed = 1;
                else if (failed) {
                    free((char *)dp->ev[k].doc);
                    free((char *)dp->ev[k].text);
                }
            free(dp->ev);
            dp->ev = NULL;
            dp->n_ev = 0;
            if (failed)
                return -1;
        }
        if (s >= 0) {
            /* one lookup at a time: a lookup may grow the table and move its slots */
            slot *x = ag__table_get(&c->slice_pairs, dp->key, (uint32_t)s + 1);
            if (!x)
                return -1;
            x->count += count;
            x->docs++;
            if (!(x = ag__table_get(&c->slice_actors, (dp->key >> 32) + 1, (uint32_t)s + 1)))
                return -1;
            x->links += count;
            if (!(x = ag__table_get(&c->slice_actors, (uint64_t)(uint32_t)dp->key + 1, (uint32_t)s + 1)))
                return -1;
            x->links += count;
        }
    }
    return 0;
}

ag_status ag_cooc_add_document(ag_cooc *c, const ag_cooc_doc *doc, ag_error *err)
{
    const ag_scan_result *res = doc->res;
    doc_ctx d;
    long slice = -1;
    uint64_t doc_windows = 0;
    int rc = 0;

    memset(&d, 0, sizeof d);
    d.doc = doc;
    d.m = res->mentions;
    d.n = res->n_mentions;
    if ((c->window.unit == AG_WINDOW_TOKENS || c->opts.evidence) && !doc->tokens)
        return ag__fail(err, AG_EINVAL, "this window or evidence needs the document's tokens");
    if (c->opts.evidence && !doc->text)
        return ag__fail(err, AG_EINVAL, "evidence needs the document's text");
    c->started = 1;
    c->sorted_valid = 0;
    c->serial++;
    c->documents++;
    c->sentences += res->sentences;
    c->n_doc_actors = 0;
    table_clear(&c->doc_pairs);

    if (c->opts.slice != AG_SLICE_NONE) {
        slice = doc->date ? slice_index(c, doc->date) : -1;
        if (slice == -2)
            return ag__fail(err, AG_ENOMEM, "out of memory counting slices");
        if (slice < 0)
            c->undated++;
    }
    if (c->opts.evidence && res->sentences) {
        const ag_tokens *t = doc->tokens;
        d.sent_start = (uint32_t *)malloc(res->sentences * sizeof *d.sent_start);
        d.sent_end = (uint32_t *)calloc(res->sentences, sizeof *d.sent_end);
        if (!d.sent_start || !d.sent_end) {
            rc = -1;
            goto done;
        }
        for (size_t i = 0; i < t->n; i++) {
            uint32_t s = t->v[i].sentence;
            if (s >= res->sentences)
                continue;
            if (t->v[i].flags & AG_TF_SENT_START || i == 0)
                d.sent_start[s] = t->v[i].start;
            d.sent_end[s] = t->v[i].end;
        }
    }

    for (size_t i = 0; i < d.n; i++) {
        if (d.m[i].actor >= c->n_actors) {
            free(d.sent_start);
            free(d.sent_end);
            return ag__fail(err, AG_EINTERNAL, "mention of actor %u beyond the %zu counted", d.m[i].actor,
                            c->n_actors);
        }
        touch_actor(c, d.m[i].actor);
        c->act_mentions[d.m[i].actor]++;
    }
    switch (c->window.unit) {
    case AG_WINDOW_SENTENCE:
        doc_windows = res->sentences;
        rc = count_unit_windows(c, &d);
        break;
    case AG_WINDOW_PARAGRAPH:
        doc_windows = res->paragraphs;
        rc = count_unit_windows(c, &d);
        break;
    case AG_WINDOW_DOCUMENT:
        doc_windows = 1;
        rc = count_unit_windows(c, &d);
        break;
    case AG_WINDOW_TOKENS:
        doc_windows = d.n;
        rc = prepare_words(c, doc->tokens);
        if (rc == 0)
            rc = count_token_windows(c, &d);
        break;
    }
    if (rc == 0)
        rc = apply_document(c, slice, doc_windows);

done:
    free(d.sent_start);
    free(d.sent_end);
    if (rc != 0) {
        /* leave no half-moved evidence behind */
        for (size_t i = 0; i <= c->doc_pairs.mask; i++)
            if (c->doc_pairs.v[i].ev) {
                evidence_free(c->doc_pairs.v[i].ev, c->doc_pairs.v[i].n_ev);
                c->doc_pairs.v[i].ev = NULL;
                c->doc_pairs.v[i].n_ev = 0;
            }
        return ag__fail(err, AG_ENOMEM, "out of memory counting pairs");
    }
    return AG_OK;
}

ag_status ag_cooc_add(ag_cooc *c, const ag_scan_result *doc, ag_error *err)
{
    ag_cooc_doc d;
    memset(&d, 0, sizeof d);
    d.res = doc;
    return ag_cooc_add_document(c, &d, err);
}

/* --- merging --------------------------------------------------------------------- */

/* Evidence order: by document id, then by offset (then end and text, so
 * that two documents sharing an id still sort the same way). It depends
 * on nothing but the evidence: not on the order of the inputs, the number
 * of threads or how a corpus was split into shards. */
static int ev_before(const ag_evidence *a, const ag_evidence *b)
{
    int d = strcmp(a->doc, b->doc);
    if (d != 0)
        return d < 0;
    if (a->start != b->start)
        return a->start < b->start;
    if (a->end != b->end)
        return a->end < b->end;
    return strcmp(a->text, b->text) < 0;
}

int ag__evidence_insert(slot *p, ag_evidence *ev, unsigned keep)
{
    uint32_t pos = 0;
    if (!p->ev && !(p->ev = (ag_evidence *)calloc(keep, sizeof *p->ev)))
        goto drop;
    while (pos < p->n_ev && !ev_before(ev, &p->ev[pos]))
        pos++;
    if (pos >= keep)
        goto drop;
    if (p->n_ev == keep) {        /* full: the last one goes */
        free((char *)p->ev[keep - 1].doc);
        free((char *)p->ev[keep - 1].text);
        p->n_ev--;
    }
    memmove(&p->ev[pos + 1], &p->ev[pos], (p->n_ev - pos) * sizeof *p->ev);
    p->ev[pos] = *ev;
    p->n_ev++;
    return 0;
drop:
    free((char *)ev->doc);
    free((char *)ev->text);
    return p->ev ? 0 : -1;
}

/* Keeps the first `keep` of the union of dst's and src's evidence (copies). */
static int merge_evidence(slot *d, const slot *s, unsigned keep)
{
    ag_evidence *out;
    uint32_t i = 0, j = 0, n = 0;
    if (!s->n_ev)
        return 0;
    out = (ag_evidence *)calloc(keep, sizeof *out);
    if (!out)
        return -1;
    while (n < keep && (i < d->n_ev || j < s->n_ev)) {
        if (j >= s->n_ev || (i < d->n_ev && ev_before(&d->ev[i], &s->ev[j]))) {
            out[n++] = d->ev[i];
            d->ev[i++].doc = NULL;   /* moved */
        } else {
            out[n].start = s->ev[j].start;
            out[n].end = s->ev[j].end;
            out[n].doc = ag__strdup(s->ev[j].doc);
            out[n].text = ag__strdup(s->ev[j].text);
            if (!out[n].doc || !out[n].text) {
                evidence_free(out, n + 1);
                return -1;
            }
            n++;
            j++;
        }
    }
    for (uint32_t k = 0; k < d->n_ev; k++) {
        if (d->ev[k].doc) {          /* not moved: dropped */
            free((char *)d->ev[k].doc);
            free((char *)d->ev[k].text);
        }
    }
    free(d->ev);
    d->ev = out;
    d->n_ev = n;
    return 0;
}

ag_status ag_cooc_merge(ag_cooc *dst, const ag_cooc *src, ag_error *err)
{
    if (dst->n_actors != src->n_actors || dst->window.unit != src->window.unit ||
        dst->window.tokens != src->window.tokens || dst->window.clip != src->window.clip ||
        memcmp(&dst->opts, &src->opts, sizeof dst->opts) != 0)
        return ag__fail(err, AG_EINVAL, "counts of different lexicons, windows or options cannot be merged");
    dst->started = 1;
    dst->sorted_valid = 0;
    dst->documents += src->documents;
    dst->windows += src->windows;
    dst->sentences += src->sentences;
    dst->undated += src->undated;
    for (size_t i = 0; i < src->n_actors; i++) {
        dst->actors[i].mentions += src->actors[i].mentions;
        dst->actors[i].docs += src->actors[i].docs;
        dst->actors[i].windows += src->actors[i].windows;
        dst->actors[i].links += src->actors[i].links;
    }
    for (size_t i = 0; i <= src->pairs.mask; i++) {
        const slot *s = &src->pairs.v[i];
        slot *d;
        if (!s->key)
            continue;
        if (!(d = ag__table_get(&dst->pairs, s->key, 0)) || merge_evidence(d, s, dst->opts.evidence) != 0)
            return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
        d->count += s->count;
        d->docs += s->docs;
    }
    if (src->n_slices) {
        /* slice indices differ between accumulators: map src's to dst's */
        long *map = (long *)malloc(src->n_slices * sizeof *map);
        if (!map)
            return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
        for (size_t k = 0; k < src->n_slices; k++) {
            slot *x = ag__table_get(&dst->slice_ids, (uint64_t)(src->slices[k].key + ((int64_t)1 << 40)), 0);
            if (!x) {
                free(map);
                return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
            }
            if (!x->count) {
                if (ag__grow((void **)&dst->slices, &dst->cap_slices, dst->n_slices + 1, sizeof *dst->slices) != 0) {
                    free(map);
                    return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
                }
                dst->slices[dst->n_slices] = src->slices[k];
                dst->slices[dst->n_slices].windows = 0;
                dst->slices[dst->n_slices].documents = 0;
                x->count = ++dst->n_slices;
                dst->slice_order_valid = 0;
            }
            map[k] = (long)x->count - 1;
            dst->slices[map[k]].windows += src->slices[k].windows;
            dst->slices[map[k]].documents += src->slices[k].documents;
        }
        for (size_t i = 0; i <= src->slice_actors.mask; i++) {
            const slot *x = &src->slice_actors.v[i];
            slot *y;
            if (!x->key)
                continue;
            if (!(y = ag__table_get(&dst->slice_actors, x->key, (uint32_t)map[x->slice - 1] + 1))) {
                free(map);
                return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
            }
            y->count += x->count;
            y->docs += x->docs;
            y->windows += x->windows;
            y->links += x->links;
        }
        for (size_t i = 0; i <= src->slice_pairs.mask; i++) {
            const slot *x = &src->slice_pairs.v[i];
            slot *y;
            if (!x->key)
                continue;
            if (!(y = ag__table_get(&dst->slice_pairs, x->key, (uint32_t)map[x->slice - 1] + 1))) {
                free(map);
                return ag__fail(err, AG_ENOMEM, "out of memory merging counts");
            }
            y->count += x->count;
            y->docs += x->docs;
        }
        free(map);
    }
    return AG_OK;
}

/* --- results ----------------------------------------------------------------------- */

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

uint64_t ag_cooc_undated(const ag_cooc *c)
{
    return c->undated;
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
        ag_pair_counts *v = (ag_pair_counts *)realloc(c->sorted, (c->pairs.n ? c->pairs.n : 1) * sizeof *v);
        if (!v)
            return ag__fail(err, AG_ENOMEM, "out of memory sorting pairs");
        c->sorted = v;
        for (size_t i = 0; i <= c->pairs.mask; i++) {
            const slot *s = &c->pairs.v[i];
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

size_t ag_cooc_evidence(const ag_cooc *c, uint32_t a, uint32_t b, const ag_evidence **ev)
{
    const slot *s = a < b ? table_find(&c->pairs, ag__pair_key(a, b), 0) : NULL;
    *ev = s ? s->ev : NULL;
    return s ? s->n_ev : 0;
}

static int by_slice_key(const void *x, const void *y)
{
    const int64_t *a = (const int64_t *)x, *b = (const int64_t *)y;
    return a[0] < b[0] ? -1 : a[0] > b[0];
}

static void order_slices(ag_cooc *c)
{
    int64_t *keys;
    if (c->slice_order_valid)
        return;
    free(c->slice_order);
    c->slice_order = (size_t *)malloc((c->n_slices ? c->n_slices : 1) * sizeof *c->slice_order);
    keys = (int64_t *)malloc((c->n_slices ? c->n_slices : 1) * 2 * sizeof *keys);
    if (!c->slice_order || !keys) {
        free(keys);
        free(c->slice_order);
        c->slice_order = NULL;
        return;
    }
    for (size_t i = 0; i < c->n_slices; i++) {
        keys[2 * i] = c->slices[i].key;
        keys[2 * i + 1] = (int64_t)i;
    }
    qsort(keys, c->n_slices, 2 * sizeof *keys, by_slice_key);
    for (size_t i = 0; i < c->n_slices; i++)
        c->slice_order[i] = (size_t)keys[2 * i + 1];
    free(keys);
    c->slice_order_valid = 1;
}

/* The internal index of the i-th slice in time order. */
static size_t slice_at(const ag_cooc *c, size_t i)
{
    order_slices((ag_cooc *)c);
    return c->slice_order ? c->slice_order[i] : i;
}

size_t ag_cooc_slice_count(const ag_cooc *c)
{
    return c->n_slices;
}

const ag_slice *ag_cooc_slice(const ag_cooc *c, size_t i)
{
    slice_rec *r;
    if (i >= c->n_slices)
        return NULL;
    r = &c->slices[slice_at(c, i)];
    r->pub.label = r->label;
    return &r->pub;
}

uint64_t ag_cooc_slice_windows(const ag_cooc *c, size_t slice)
{
    return slice < c->n_slices ? c->slices[slice_at(c, slice)].windows : 0;
}

uint64_t ag_cooc_slice_documents(const ag_cooc *c, size_t slice)
{
    return slice < c->n_slices ? c->slices[slice_at(c, slice)].documents : 0;
}

ag_actor_counts ag_cooc_slice_actor(const ag_cooc *c, size_t slice, uint32_t actor)
{
    ag_actor_counts r = { 0, 0, 0, 0 };
    const slot *s;
    if (slice >= c->n_slices)
        return r;
    s = table_find(&c->slice_actors, (uint64_t)actor + 1, (uint32_t)slice_at(c, slice) + 1);
    if (s) {
        r.mentions = s->count;
        r.docs = s->docs;
        r.windows = s->windows;
        r.links = s->links;
    }
    return r;
}

ag_pair_counts ag_cooc_slice_pair(const ag_cooc *c, size_t slice, uint32_t a, uint32_t b)
{
    ag_pair_counts r;
    const slot *s;
    memset(&r, 0, sizeof r);
    r.a = a < b ? a : b;
    r.b = a < b ? b : a;
    if (slice >= c->n_slices || a == b)
        return r;
    s = table_find(&c->slice_pairs, ag__pair_key(r.a, r.b), (uint32_t)slice_at(c, slice) + 1);
    if (s) {
        r.count = s->count;
        r.docs = s->docs;
    }
    return r;
}

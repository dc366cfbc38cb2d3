/*
 * partial.c — writing an accumulator's counts as text, and adding such
 * text back into an accumulator.
 *
 * The format is described in docs/partial.md. Writing walks the counter's
 * tables in a fixed order (actors by lexicon index, pairs by index, slices
 * in time order), so a partial depends only on what was counted. Reading
 * is order-free: every data record adds to a count, so partials can be
 * concatenated, split and sorted before they are merged; only the header
 * must come before the first data record of a stream, and every header
 * must agree with the ones read before.
 */
#include <errno.h>
#include <sys/types.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/partial.h"
#include "cooccur_internal.h"
#include "internal.h"

#define MAX_FIELDS 8

/* --- the lexicon's fingerprint ---------------------------------------------- */

typedef struct {
    uint64_t h;
} fnv;

static void fnv_bytes(fnv *f, const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) {
        f->h ^= s[i];
        f->h *= 0x100000001b3ull;
    }
}

/* A string and its end (NULL hashes differently from ""). */
static void fnv_str(fnv *f, const char *s)
{
    static const unsigned char none = 0xff, end = 0;
    if (s)
        fnv_bytes(f, s, strlen(s) + 1);
    else
        fnv_bytes(f, &none, 1);
    fnv_bytes(f, &end, 1);
}

static void fnv_num(fnv *f, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    fnv_bytes(f, b, 8);
}

void ag_partial_fingerprint(const ag_lexicon *lex, char out[17])
{
    fnv f = { 0xcbf29ce484222325ull };
    size_t n = ag_lexicon_actor_count(lex), m = ag_lexicon_alias_count(lex);
    fnv_num(&f, n);
    for (size_t i = 0; i < n; i++) {
        const ag_actor *a = ag_lexicon_actor(lex, i);
        fnv_str(&f, a->id);
        fnv_str(&f, a->label);
        fnv_num(&f, (uint64_t)a->type);
        fnv_str(&f, a->affiliation);
        fnv_num(&f, (uint64_t)a->short_default);
        fnv_str(&f, a->valid_from);
        fnv_str(&f, a->valid_to);
        fnv_num(&f, a->n_attrs);
        for (size_t k = 0; k < a->n_attrs; k++) {
            fnv_str(&f, a->attrs[k].key);
            fnv_str(&f, a->attrs[k].value);
        }
        fnv_num(&f, a->n_roles);
        for (size_t k = 0; k < a->n_roles; k++) {
            fnv_str(&f, a->roles[k].title);
            fnv_str(&f, a->roles[k].from);
            fnv_str(&f, a->roles[k].to);
        }
    }
    fnv_num(&f, m);
    for (size_t i = 0; i < m; i++) {
        const ag_alias *al = ag_lexicon_alias(lex, i);
        fnv_str(&f, al->text);
        fnv_num(&f, (uint64_t)al->kind);
        fnv_num(&f, al->actor);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)f.h);
}

/* --- writing ---------------------------------------------------------------- */

static void write_field(FILE *fp, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= 0x20 && ch != 0x7f && ch != '\\')
            continue;
        fwrite(run, 1, (size_t)(s - run), fp);
        switch (ch) {
        case '\\': fputs("\\\\", fp); break;
        case '\t': fputs("\\t", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\r': fputs("\\r", fp); break;
        default: fprintf(fp, "\\x%02X", ch); break;
        }
        run = s + 1;
    }
    fwrite(run, 1, (size_t)(s - run), fp);
}

void ag_partial_write_record(FILE *fp, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc('\t', fp);
        write_field(fp, fields[i] ? fields[i] : "");
    }
    fputc('\n', fp);
}

static const char *actor_id(const ag_lexicon *lex, uint32_t i)
{
    return ag_lexicon_actor(lex, i)->id;
}

typedef struct {
    const slot *s;
    size_t rank;      /* the slice's place in time order */
} slice_slot;

static int by_rank_key(const void *x, const void *y)
{
    const slice_slot *a = (const slice_slot *)x, *b = (const slice_slot *)y;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->s->key < b->s->key ? -1 : a->s->key > b->s->key;
}

typedef struct {
    int64_t key;
    size_t index;
} slice_key;

static int by_slice_key(const void *x, const void *y)
{
    const slice_key *a = (const slice_key *)x, *b = (const slice_key *)y;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* The slots of a slice table, in time order of their slices and then by key. */
static slice_slot *sorted_slice_slots(const table *t, const size_t *rank)
{
    slice_slot *v = (slice_slot *)malloc((t->n ? t->n : 1) * sizeof *v);
    size_t k = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; t->v && i <= t->mask; i++) {
        if (!t->v[i].key)
            continue;
        v[k].s = &t->v[i];
        v[k].rank = rank[t->v[i].slice - 1];
        k++;
    }
    qsort(v, k, sizeof *v, by_rank_key);
    return v;
}

ag_status ag_partial_write(FILE *fp, const ag_lexicon *lex, ag_cooc *c, const char *scan, ag_error *err)
{
    char fingerprint[17], wname[64], a[4][24];
    const ag_pair_counts *pairs;
    size_t n_pairs;
    slice_key *keys = NULL;
    size_t *rank = NULL;
    slice_slot *sa = NULL, *sp = NULL;
    ag_status st;

    if (ag_lexicon_actor_count(lex) != c->n_actors)
        return ag__fail(err, AG_EINVAL, "the counts are for %zu actors, the lexicon has %zu", c->n_actors,
                        ag_lexicon_actor_count(lex));
    if ((st = ag_cooc_pairs(c, &pairs, &n_pairs, err)) != AG_OK)
        return st;
    ag_partial_fingerprint(lex, fingerprint);

    fprintf(fp, "#actorgraph-partial\t%d\n", AG_PARTIAL_VERSION);
    fprintf(fp, "#lexicon\t%s\t%zu\n", fingerprint, c->n_actors);
    fprintf(fp, "#window\t%s\n", ag_window_format(&c->window, wname, sizeof wname));
    fprintf(fp, "#count\t%s\n", c->opts.count == AG_COUNT_BINARY ? "binary" : "full");
    fprintf(fp, "#slice\t%s\n", ag_slice_name(c->opts.slice));
    fprintf(fp, "#evidence\t%u\n", c->opts.evidence);
    fputs("#scan\t", fp);
    write_field(fp, scan ? scan : "");
    fputc('\n', fp);

    fprintf(fp, "N\tdocuments\t%llu\n", (unsigned long long)c->documents);
    fprintf(fp, "N\twindows\t%llu\n", (unsigned long long)c->windows);
    fprintf(fp, "N\tsentences\t%llu\n", (unsigned long long)c->sentences);
    fprintf(fp, "N\tundated\t%llu\n", (unsigned long long)c->undated);

    for (uint32_t i = 0; i < c->n_actors; i++) {
        const ag_actor_counts *x = &c->actors[i];
        if (!x->mentions && !x->docs && !x->windows && !x->links)
            continue;
        fputs("A\t", fp);
        write_field(fp, actor_id(lex, i));
        fprintf(fp, "\t%llu\t%llu\t%llu\t%llu\n", (unsigned long long)x->mentions, (unsigned long long)x->docs,
                (unsigned long long)x->windows, (unsigned long long)x->links);
    }
    for (size_t i = 0; i < n_pairs; i++) {
        fputs("P\t", fp);
        write_field(fp, actor_id(lex, pairs[i].a));
        fputc('\t', fp);
        write_field(fp, actor_id(lex, pairs[i].b));
        fprintf(fp, "\t%llu\t%llu\n", (unsigned long long)pairs[i].count, (unsigned long long)pairs[i].docs);
    }

    if (c->n_slices) {
        keys = (slice_key *)malloc(c->n_slices * sizeof *keys);
        rank = (size_t *)malloc(c->n_slices * sizeof *rank);
        if (!keys || !rank) {
            st = ag__fail(err, AG_ENOMEM, "out of memory writing the partial");
            goto done;
        }
        for (size_t i = 0; i < c->n_slices; i++) {
            keys[i].key = c->slices[i].key;
            keys[i].index = i;
        }
        qsort(keys, c->n_slices, sizeof *keys, by_slice_key);
        for (size_t i = 0; i < c->n_slices; i++)
            rank[keys[i].index] = i;
        for (size_t i = 0; i < c->n_slices; i++) {
            const slice_rec *s = &c->slices[keys[i].index];
            fprintf(fp, "S\t%s\t%llu\t%llu\n", s->label, (unsigned long long)s->windows,
                    (unsigned long long)s->documents);
        }
        if (!(sa = sorted_slice_slots(&c->slice_actors, rank)) || !(sp = sorted_slice_slots(&c->slice_pairs, rank))) {
            st = ag__fail(err, AG_ENOMEM, "out of memory writing the partial");
            goto done;
        }
        for (size_t i = 0; i < c->slice_actors.n; i++) {
            const slot *x = sa[i].s;
            fprintf(fp, "SA\t%s\t", c->slices[x->slice - 1].label);
            write_field(fp, actor_id(lex, (uint32_t)(x->key - 1)));
            fprintf(fp, "\t%llu\t%llu\t%llu\t%llu\n", (unsigned long long)x->count, (unsigned long long)x->docs,
                    (unsigned long long)x->windows, (unsigned long long)x->links);
        }
        for (size_t i = 0; i < c->slice_pairs.n; i++) {
            const slot *x = sp[i].s;
            fprintf(fp, "SP\t%s\t", c->slices[x->slice - 1].label);
            write_field(fp, actor_id(lex, (uint32_t)(x->key >> 32)));
            fputc('\t', fp);
            write_field(fp, actor_id(lex, (uint32_t)x->key));
            fprintf(fp, "\t%llu\t%llu\n", (unsigned long long)x->count, (unsigned long long)x->docs);
        }
    }

    for (size_t i = 0; i < n_pairs; i++) {
        const ag_evidence *ev;
        size_t n = ag_cooc_evidence(c, pairs[i].a, pairs[i].b, &ev);
        for (size_t k = 0; k < n; k++) {
            const char *f[7];
            snprintf(a[0], sizeof a[0], "%zu", ev[k].start);
            snprintf(a[1], sizeof a[1], "%zu", ev[k].end);
            f[0] = "E";
            f[1] = actor_id(lex, pairs[i].a);
            f[2] = actor_id(lex, pairs[i].b);
            f[3] = ev[k].doc;
            f[4] = a[0];
            f[5] = a[1];
            f[6] = ev[k].text;
            ag_partial_write_record(fp, f, 7);
        }
    }
    st = ferror(fp) ? ag__fail(err, AG_EIO, "cannot write the partial: %s", strerror(errno)) : AG_OK;

done:
    free(keys);
    free(rank);
    free(sa);
    free(sp);
    return st;
}

/* --- reading ---------------------------------------------------------------- */

enum { H_VERSION, H_LEXICON, H_WINDOW, H_COUNT, H_SLICE, H_EVIDENCE, H_SCAN, H_COUNT_ };

static const char *const header_names[H_COUNT_] = { "actorgraph-partial", "lexicon", "window", "count",
                                                    "slice", "evidence", "scan" };

struct ag_partial_reader {
    const ag_lexicon *lex;
    ag_cooc *c;
    char *header[H_COUNT_];      /* each header's value, as read (escaped); NULL until seen */
    ag_partial_record_fn fn;
    void *userdata;
    char *line;
    size_t cap;
    char *pending;               /* data lines read before the header was complete */
    size_t pending_len, pending_cap;
    char last_path[512];         /* the partial read last, for ag_partial_reader_finish's message */
};

ag_status ag_partial_reader_new(const ag_lexicon *lex, ag_partial_reader **out, ag_error *err)
{
    ag_partial_reader *r = (ag_partial_reader *)calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return ag__fail(err, AG_ENOMEM, "out of memory reading partials");
    r->lex = lex;
    *out = r;
    return AG_OK;
}

void ag_partial_reader_free(ag_partial_reader *r)
{
    if (!r)
        return;
    ag_cooc_free(r->c);
    for (int i = 0; i < H_COUNT_; i++)
        free(r->header[i]);
    free(r->line);
    free(r->pending);
    free(r);
}

void ag_partial_reader_on_record(ag_partial_reader *r, ag_partial_record_fn fn, void *userdata)
{
    r->fn = fn;
    r->userdata = userdata;
}

ag_cooc *ag_partial_reader_cooc(ag_partial_reader *r)
{
    return r->c;
}

const char *ag_partial_reader_scan(const ag_partial_reader *r)
{
    return r->c && r->header[H_SCAN] ? r->header[H_SCAN] : "";
}

/* Undoes write_field in place; -1 on a bad escape. */
static int unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        switch (p[1]) {
        case '\\': *o++ = '\\'; p++; break;
        case 't': *o++ = '\t'; p++; break;
        case 'n': *o++ = '\n'; p++; break;
        case 'r': *o++ = '\r'; p++; break;
        case 'x': {
            int v = 0;
            for (int k = 2; k < 4; k++) {
                char ch = p[k];
                v <<= 4;
                if (ch >= '0' && ch <= '9')
                    v |= ch - '0';
                else if (ch >= 'A' && ch <= 'F')
                    v |= ch - 'A' + 10;
                else if (ch >= 'a' && ch <= 'f')
                    v |= ch - 'a' + 10;
                else
                    return -1;
            }
            if (v == 0)
                return -1;   /* NUL has no place in a field */
            *o++ = (char)v;
            p += 3;
            break;
        }
        default:
            return -1;
        }
    }
    *o = '\0';
    return 0;
}

typedef struct {
    ag_partial_reader *r;
    const char *path;
    unsigned long line;
    ag_error *err;
} ctx;

static ag_status bad(const ctx *x, const char *fmt, const char *a, const char *b)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    return ag__fail_at(x->err, AG_ESYNTAX, x->path, x->line, 0, "%s", msg);
}

/* A count: decimal digits only, within 64 bits. */
static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* Parses fields[first..first+n) as counts into v. */
static ag_status counts(const ctx *x, char **f, size_t first, size_t n, uint64_t *v)
{
    for (size_t i = 0; i < n; i++)
        if (parse_u64(f[first + i], &v[i]) != 0)
            return bad(x, "\"%s\" is not a count (a whole number from 0 to 18446744073709551615)", f[first + i], NULL);
    return AG_OK;
}

static ag_status add(const ctx *x, uint64_t *to, uint64_t v)
{
    if (*to + v < *to)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0, "a count overflows 64 bits when added");
    *to += v;
    return AG_OK;
}

static ag_status actor(const ctx *x, const char *id, uint32_t *out)
{
    size_t i = ag_lexicon_find(x->r->lex, id);
    if (i == (size_t)-1)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0,
                           "actor \"%s\" is not in the lexicon (give merge the lexicons extract used)", id);
    *out = (uint32_t)i;
    return AG_OK;
}

/* Two distinct actors, as a pair key. */
static ag_status pair(const ctx *x, const char *ida, const char *idb, uint64_t *key)
{
    uint32_t a = 0, b = 0;
    ag_status st;
    if ((st = actor(x, ida, &a)) != AG_OK || (st = actor(x, idb, &b)) != AG_OK)
        return st;
    if (a == b)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0, "a pair of \"%s\" with itself", ida);
    *key = ag__pair_key(a < b ? a : b, a < b ? b : a);
    return AG_OK;
}

static ag_status slice(const ctx *x, const char *label, long *out)
{
    slice_rec rec;
    ag_cooc *c = x->r->c;
    if (c->opts.slice == AG_SLICE_NONE)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0,
                           "a time slice record in a partial without slices (#slice none)");
    if (ag__slice_from_label(c->opts.slice, label, &rec) != 0)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0, "\"%s\" is not a %s slice", label,
                           ag_slice_name(c->opts.slice));
    if ((*out = ag__cooc_slice_add(c, &rec)) < 0)
        return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
    return AG_OK;
}

/* The accumulator, made from the header when the first data record comes. */
static ag_status start(const ctx *x)
{
    ag_partial_reader *r = x->r;
    char fingerprint[17], extra;
    ag_window w;
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    unsigned long long n_actors, evidence;
    char have[17];
    ag_status st;

    for (int i = 0; i < H_SCAN; i++)
        if (!r->header[i])
            return ag__fail_at(x->err, AG_ESYNTAX, x->path, 0, 0,
                               "the header line #%s is missing: is this a partial written by "
                               "actorgraph extract --partial?",
                               header_names[i]);
    if (!r->header[H_SCAN] && !(r->header[H_SCAN] = ag__strdup("")))
        return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
    if (strcmp(r->header[H_VERSION], "1") != 0)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0,
                           "partial format version %s; this actorgraph reads version %d", r->header[H_VERSION],
                           AG_PARTIAL_VERSION);
    if (sscanf(r->header[H_LEXICON], "%16[0-9a-f]\t%llu%c", have, &n_actors, &extra) != 2 || strlen(have) != 16)
        return ag__fail_at(x->err, AG_ESYNTAX, x->path, x->line, 0, "bad #lexicon header \"%s\"",
                           r->header[H_LEXICON]);
    ag_partial_fingerprint(r->lex, fingerprint);
    if (strcmp(have, fingerprint) != 0 || n_actors != ag_lexicon_actor_count(r->lex))
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, 0, 0,
                           "made with another lexicon (fingerprint %s, %llu actors) than the one loaded (%s, %zu "
                           "actors): give merge the same -l as extract",
                           have, n_actors, fingerprint, ag_lexicon_actor_count(r->lex));
    if (ag_window_parse(r->header[H_WINDOW], &w) != 0)
        return ag__fail_at(x->err, AG_ESYNTAX, x->path, 0, 0, "bad #window header \"%s\"", r->header[H_WINDOW]);
    if (strcmp(r->header[H_COUNT], "binary") == 0)
        o.count = AG_COUNT_BINARY;
    else if (strcmp(r->header[H_COUNT], "full") != 0)
        return ag__fail_at(x->err, AG_ESYNTAX, x->path, 0, 0, "bad #count header \"%s\"", r->header[H_COUNT]);
    if (strcmp(r->header[H_SLICE], "none") != 0 && ag_slice_parse(r->header[H_SLICE], &o.slice) != 0)
        return ag__fail_at(x->err, AG_ESYNTAX, x->path, 0, 0, "bad #slice header \"%s\"", r->header[H_SLICE]);
    if (sscanf(r->header[H_EVIDENCE], "%llu%c", &evidence, &extra) != 1 || evidence > 100000)
        return ag__fail_at(x->err, AG_ESYNTAX, x->path, 0, 0, "bad #evidence header \"%s\"", r->header[H_EVIDENCE]);
    o.evidence = (unsigned)evidence;
    if ((st = ag_cooc_new(ag_lexicon_actor_count(r->lex), &w, &r->c, x->err)) != AG_OK)
        return st;
    if ((st = ag_cooc_configure(r->c, &o, x->err)) != AG_OK)
        return st;
    r->c->started = 1;
    return AG_OK;
}

static ag_status header_line(const ctx *x, char *rest)
{
    ag_partial_reader *r = x->r;
    char *tab = strchr(rest, '\t');
    int h = -1;
    if (!tab)
        return bad(x, "header line \"#%s\" has no value", rest, NULL);
    *tab = '\0';
    for (int i = 0; i < H_COUNT_; i++)
        if (strcmp(rest, header_names[i]) == 0)
            h = i;
    if (h < 0)
        return bad(x, "unknown header \"#%s\"", rest, NULL);
    if (h == H_SCAN && unescape(tab + 1) != 0)
        return bad(x, "bad escape in the #scan header", NULL, NULL);
    if (!r->header[h]) {   /* (once counting started every header is set: #scan to "" if it was missing) */
        if (!(r->header[h] = ag__strdup(tab + 1)))
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        return AG_OK;
    }
    if (strcmp(r->header[h], tab + 1) != 0)
        return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0,
                           "this partial's #%s header differs from the partials read before (\"%s\" vs \"%s\"): "
                           "only partials made with the same options can be merged",
                           header_names[h], tab + 1, r->header[h]);
    return AG_OK;
}

static ag_status data_line(const ctx *x, char **f, size_t n)
{
    ag_partial_reader *r = x->r;
    ag_cooc *c;
    uint64_t v[4], key = 0;
    uint32_t a = 0;
    long s = -1;
    ag_status st;
    const char *type = f[0];
    int known = strcmp(type, "N") == 0 || strcmp(type, "A") == 0 || strcmp(type, "P") == 0 ||
                strcmp(type, "S") == 0 || strcmp(type, "SA") == 0 || strcmp(type, "SP") == 0 ||
                strcmp(type, "E") == 0;
    static const size_t arity[7][2] = { { 'N', 3 }, { 'A', 6 }, { 'P', 5 }, { 'S', 4 }, { 'a', 7 }, { 'p', 6 },
                                        { 'E', 7 } };

    if (!known) {
        for (const char *p = type; *p; p++)
            if (*p < 'A' || *p > 'Z')
                return bad(x, "unknown record type \"%s\"", type, NULL);
        if (!r->fn)
            return bad(x, "unknown record type \"%s\"", type, NULL);
        if (r->fn(r->userdata, (const char *const *)f, n, x->path, x->line, x->err) != 0)
            return x->err ? x->err->status : AG_ESYNTAX;
        return AG_OK;
    }
    if (!r->c)
        return ag__fail(x->err, AG_EINTERNAL, "a data record before the header");
    c = r->c;
    c->sorted_valid = 0;
    {
        size_t want = 0;
        int code = strcmp(type, "SA") == 0 ? 'a' : strcmp(type, "SP") == 0 ? 'p' : type[0];
        for (int i = 0; i < 7; i++)
            if ((int)arity[i][0] == code)
                want = arity[i][1];
        if (n != want) {
            char got[24], need[24];
            snprintf(got, sizeof got, "%zu", n);
            snprintf(need, sizeof need, "%zu", want);
            return ag__fail_at(x->err, AG_ESYNTAX, x->path, x->line, 0, "a record of type \"%s\" has %s fields, not %s", type,
                               got, need);
        }
    }
    switch (type[0]) {
    case 'N':
        if ((st = counts(x, f, 2, 1, v)) != AG_OK)
            return st;
        if (strcmp(f[1], "documents") == 0)
            return add(x, &c->documents, v[0]);
        if (strcmp(f[1], "windows") == 0)
            return add(x, &c->windows, v[0]);
        if (strcmp(f[1], "sentences") == 0)
            return add(x, &c->sentences, v[0]);
        if (strcmp(f[1], "undated") == 0)
            return add(x, &c->undated, v[0]);
        return bad(x, "unknown total \"%s\" (documents, windows, sentences, undated)", f[1], NULL);
    case 'A': {
        ag_actor_counts *t;
        if ((st = actor(x, f[1], &a)) != AG_OK || (st = counts(x, f, 2, 4, v)) != AG_OK)
            return st;
        t = &c->actors[a];
        if ((st = add(x, &t->mentions, v[0])) != AG_OK || (st = add(x, &t->docs, v[1])) != AG_OK ||
            (st = add(x, &t->windows, v[2])) != AG_OK)
            return st;
        return add(x, &t->links, v[3]);
    }
    case 'P': {
        slot *p;
        if ((st = pair(x, f[1], f[2], &key)) != AG_OK || (st = counts(x, f, 3, 2, v)) != AG_OK)
            return st;
        if (v[0] == 0)
            return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0, "a pair with a count of 0");
        if (!(p = ag__table_get(&c->pairs, key, 0)))
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        if ((st = add(x, &p->count, v[0])) != AG_OK)
            return st;
        return add(x, &p->docs, v[1]);
    }
    case 'E': {
        slot *p;
        ag_evidence ev;
        if (!c->opts.evidence)
            return ag__fail_at(x->err, AG_ESCHEMA, x->path, x->line, 0,
                               "an evidence record in a partial that keeps none (#evidence 0)");
        if ((st = pair(x, f[1], f[2], &key)) != AG_OK || (st = counts(x, f, 4, 2, v)) != AG_OK)
            return st;
        if (v[0] > v[1] || v[1] > SIZE_MAX)
            return bad(x, "evidence offsets %s..%s are not a span", f[4], f[5]);
        if (!(p = ag__table_get(&c->pairs, key, 0)))
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        ev.start = (size_t)v[0];
        ev.end = (size_t)v[1];
        ev.doc = ag__strdup(f[3]);
        ev.text = ag__strdup(f[6]);
        if (!ev.doc || !ev.text) {
            free((char *)ev.doc);
            free((char *)ev.text);
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        }
        if (ag__evidence_insert(p, &ev, c->opts.evidence) != 0)
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        return AG_OK;
    }
    default:
        break;
    }
    /* S, SA, SP */
    if ((st = slice(x, f[1], &s)) != AG_OK)
        return st;
    if (strcmp(type, "S") == 0) {
        if ((st = counts(x, f, 2, 2, v)) != AG_OK || (st = add(x, &c->slices[s].windows, v[0])) != AG_OK)
            return st;
        return add(x, &c->slices[s].documents, v[1]);
    }
    if (strcmp(type, "SA") == 0) {
        slot *t;
        if ((st = actor(x, f[2], &a)) != AG_OK || (st = counts(x, f, 3, 4, v)) != AG_OK)
            return st;
        if (!(t = ag__table_get(&c->slice_actors, (uint64_t)a + 1, (uint32_t)s + 1)))
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        if ((st = add(x, &t->count, v[0])) != AG_OK || (st = add(x, &t->docs, v[1])) != AG_OK ||
            (st = add(x, &t->windows, v[2])) != AG_OK)
            return st;
        return add(x, &t->links, v[3]);
    }
    {
        slot *t;
        if ((st = pair(x, f[2], f[3], &key)) != AG_OK || (st = counts(x, f, 4, 2, v)) != AG_OK)
            return st;
        if (!(t = ag__table_get(&c->slice_pairs, key, (uint32_t)s + 1)))
            return ag__fail(x->err, AG_ENOMEM, "out of memory reading partials");
        if ((st = add(x, &t->count, v[0])) != AG_OK)
            return st;
        return add(x, &t->docs, v[1]);
    }
}

/* Splits a data line into its fields, unescapes them and adds the record. */
static ag_status data_text(const ctx *x, char *line)
{
    char *f[MAX_FIELDS + 1], *p = line;
    size_t n = 0;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (n == MAX_FIELDS)
            return bad(x, "a record of type \"%s\" has too many fields", line, NULL);
        f[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    for (size_t i = 0; i < n; i++)
        if (unescape(f[i]) != 0)
            return ag__fail_at(x->err, AG_ESYNTAX, x->path, x->line, 0, "field %zu has a bad backslash escape", i + 1);
    f[n] = NULL;
    return data_line(x, f, n);
}

/* Keeps a data line that came before its stream's header (a sorted or
 * shuffled stream): "line number\0line\0". */
static int defer(ag_partial_reader *r, unsigned long line, const char *text, size_t len)
{
    char num[24];
    size_t k = (size_t)snprintf(num, sizeof num, "%lu", line) + 1;
    if (ag__grow((void **)&r->pending, &r->pending_cap, r->pending_len + k + len + 1, 1) != 0)
        return -1;
    memcpy(r->pending + r->pending_len, num, k);
    memcpy(r->pending + r->pending_len + k, text, len + 1);
    r->pending_len += k + len + 1;
    return 0;
}

/* Counting starts: the accumulator is made and the deferred lines added. */
static ag_status begin(ctx *x)
{
    ag_partial_reader *r = x->r;
    unsigned long here = x->line;
    ag_status st = start(x);
    for (size_t i = 0; st == AG_OK && i < r->pending_len;) {
        char *num = r->pending + i, *line = num + strlen(num) + 1;
        x->line = strtoul(num, NULL, 10);
        i = (size_t)(line - r->pending) + strlen(line) + 1;
        st = data_text(x, line);
    }
    r->pending_len = 0;
    x->line = here;
    return st;
}

static int header_complete(const ag_partial_reader *r)
{
    for (int i = 0; i < H_COUNT_; i++)
        if (!r->header[i])
            return 0;
    return 1;
}

ag_status ag_partial_read(ag_partial_reader *r, FILE *fp, const char *path, ag_error *err)
{
    ctx x = { r, path, 0, err };
    unsigned long records = 0;
    ssize_t len;
    ag_status st = AG_OK;

    r->pending_len = 0;
    while ((len = getline(&r->line, &r->cap, fp)) >= 0) {
        x.line++;
        if (len > 0 && r->line[len - 1] == '\n')
            r->line[--len] = '\0';
        if (len > 0 && r->line[len - 1] == '\r')
            r->line[--len] = '\0';
        if (len == 0)
            continue;
        if (strlen(r->line) != (size_t)len)
            return ag__fail_at(err, AG_ESYNTAX, path, x.line, 0, "a NUL byte: this is not a partial");
        records++;
        if (r->line[0] == '#') {
            if ((st = header_line(&x, r->line + 1)) != AG_OK)
                return st;
            if (!r->c && header_complete(r) && (st = begin(&x)) != AG_OK)
                return st;
        } else if (!r->c) {
            if (defer(r, x.line, r->line, (size_t)len) != 0)
                return ag__fail(err, AG_ENOMEM, "out of memory reading partials");
        } else if ((st = data_text(&x, r->line)) != AG_OK) {
            return st;
        }
    }
    if (ferror(fp))
        return ag__fail_at(err, AG_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    if (records == 0)
        return ag__fail_at(err, AG_ESYNTAX, path, 0, 0,
                           "empty: a partial starts with the header line #actorgraph-partial");
    x.line = 0;
    if (!r->c && (st = begin(&x)) != AG_OK)
        return st;
    snprintf(r->last_path, sizeof r->last_path, "%s", path);
    return AG_OK;
}

ag_status ag_partial_reader_finish(ag_partial_reader *r, ag_error *err)
{
    /* evidence arrives with its pair's counts, in whichever partial and
     * order: a pair with evidence but no count in any of them is not
     * from extract */
    if (!r->c)
        return AG_OK;
    for (size_t i = 0; i <= r->c->pairs.mask; i++)
        if (r->c->pairs.v[i].key && r->c->pairs.v[i].count == 0)
            return ag__fail_at(err, AG_ESCHEMA, r->last_path, 0, 0,
                               "evidence for a pair (%s, %s) that has no P record in any partial read",
                               ag_lexicon_actor(r->lex, (size_t)(r->c->pairs.v[i].key >> 32))->id,
                               ag_lexicon_actor(r->lex, (size_t)(uint32_t)r->c->pairs.v[i].key)->id);
    return AG_OK;
}

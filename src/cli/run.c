/*
 * run.c — the document loop shared by extract, mentions and eval, and the
 * options and statistics that go with it.
 *
 * With -j N > 1, the calling thread reads documents into batches (about a
 * megabyte each), N - 1 threads scan them (tokenize, segment, match,
 * resolve: nearly all the work), the calling thread scans too whenever it
 * would otherwise wait, and it hands each document's result to the
 * command's callback in input order. So every command gets
 * the same calls in the same order whatever N is, and its output is the
 * same. A bounded pool of batches keeps memory flat.
 */
#define _XOPEN_SOURCE 700   /* nftw */
#include <ftw.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

void run_options_init(run_options *o)
{
    ag_reader_options r = AG_READER_OPTIONS_INIT;
    ag_match_options m = AG_MATCH_OPTIONS_INIT;
    memset(o, 0, sizeof *o);
    o->reader = r;
    o->reader.warn = cli_diag;
    o->match = m;
    o->types = AG_TYPES_ALL;
    {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = cores > 1 ? (unsigned)(cores > 64 ? 64 : cores) : 1;
    }
}

void run_options_free(run_options *o)
{
    cli_list_free(&o->inputs);
    cli_list_free(&o->lexicons);
}

int run_parse_option(const char *cmd, int opt, const char *arg, run_options *o)
{
    unsigned long long n;
    switch (opt) {
    case 'l':
        if (cli_list_add(&o->lexicons, (char *)arg) != 0)
            return cli_usage(cmd, "out of memory"), -1;
        return 1;
    case 'q':
        cli_quiet = 1;
        return 1;
    case 'j':
        if (cli_parse_uint(arg, &n) != 0 || n == 0 || n > 64)
            return cli_usage(cmd, "--jobs takes a number of threads from 1 to 64, not '%s'", arg), -1;
        o->jobs = (unsigned)n;
        return 1;
    case OPT_KINDS:
        if (ag_kinds_parse(arg, &o->match.kinds) != 0)
            return cli_usage(cmd, "--kinds takes a comma-separated list of names, short, metonyms, demonyms, "
                                  "patterns (or all), not '%s'", arg), -1;
        return 1;
    case OPT_TEXT_FIELD:
        o->reader.text_field = arg;
        return 1;
    case OPT_ID_FIELD:
        o->reader.id_field = arg;
        return 1;
    case OPT_DATE_FIELD:
        o->reader.date_field = arg;
        return 1;
    case OPT_INPUT_FORMAT:
        if (strcmp(arg, "auto") == 0)
            o->reader.format = AG_INPUT_AUTO;
        else if (strcmp(arg, "text") == 0 || strcmp(arg, "txt") == 0)
            o->reader.format = AG_INPUT_TEXT;
        else if (strcmp(arg, "jsonl") == 0)
            o->reader.format = AG_INPUT_JSONL;
        else
            return cli_usage(cmd, "--input-format takes auto, text or jsonl, not '%s'", arg), -1;
        return 1;
    case OPT_METONYM_PLACES:
        o->match.metonym_places = 1;
        return 1;
    case OPT_MAX_DOCUMENT:
        if (cli_parse_uint(arg, &n) != 0 || n == 0 || n > AG_TEXT_MAX)
            return cli_usage(cmd, "--max-document takes a byte count from 1 to %zu, not '%s'", (size_t)AG_TEXT_MAX,
                             arg), -1;
        o->reader.max_document = (size_t)n;
        return 1;
    default:
        return 0;
    }
}

void run_stats_init(run_stats *s)
{
    memset(s, 0, sizeof *s);
    s->unresolved_surfaces = json_object();
    s->limited_patterns = json_object();
}

void run_stats_free(run_stats *s)
{
    json_decref(s->unresolved_surfaces);
    json_decref(s->limited_patterns);
    s->unresolved_surfaces = NULL;
    s->limited_patterns = NULL;
}

/* --- progress ------------------------------------------------------------------ */

typedef struct {
    int on;
    const ag_reader *reader;
    uint64_t total;              /* bytes of all inputs; 0 when unknown (a pipe) */
    struct timespec start, last;
    unsigned tick;
} progress;

static progress the_progress;    /* run_documents() is not reentrant: one loop at a time */

static uint64_t walk_total;

static int add_size(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    size_t n = strlen(path);
    (void)ftw;
    if (type == FTW_F && S_ISREG(sb->st_mode) &&
        ((n > 4 && strcmp(path + n - 4, ".txt") == 0) || (n > 6 && strcmp(path + n - 6, ".jsonl") == 0)))
        walk_total += (uint64_t)sb->st_size;
    return 0;
}

/* The bytes the inputs hold (what the reader will read), or 0 when some
 * input's size cannot be known in advance. */
static uint64_t inputs_size(const run_options *opts)
{
    uint64_t total = 0;
    size_t n = opts->inputs.n;
    for (size_t i = 0; i < (n ? n : 1); i++) {
        const char *path = n ? opts->inputs.v[i] : "-";
        struct stat sb;
        if (strcmp(path, "-") == 0) {
            if (fstat(STDIN_FILENO, &sb) != 0 || !S_ISREG(sb.st_mode))
                return 0;
            total += (uint64_t)sb.st_size;
        } else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            walk_total = 0;
            nftw(path, add_size, 16, FTW_PHYS);
            total += walk_total;
        } else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            total += (uint64_t)sb.st_size;
        }
    }
    return total;
}

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* ACTORGRAPH_PROGRESS=always|never overrides "when standard error is a terminal". */
static void progress_start(progress *p, const run_options *opts, const ag_reader *reader)
{
    const char *env = getenv("ACTORGRAPH_PROGRESS");
    memset(p, 0, sizeof *p);
    if (cli_quiet || (env && strcmp(env, "never") == 0))
        return;
    if (!(env && strcmp(env, "always") == 0) && !isatty(STDERR_FILENO))
        return;
    p->on = 1;
    p->reader = reader;
    p->total = inputs_size(opts);
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->last = p->start;
    p->last.tv_sec--;   /* the first line comes at once */
}

/* "12,345,678" */
static void with_commas(uint64_t v, char *buf, size_t size)
{
    char digits[32];
    size_t n = (size_t)snprintf(digits, sizeof digits, "%llu", (unsigned long long)v), o = 0;
    for (size_t i = 0; i < n && o + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* "820 kB", "104.7 MB", "12.3 GB" */
static void size_text(uint64_t bytes, char *buf, size_t size)
{
    if (bytes < 1000000)
        snprintf(buf, size, "%.0f kB", (double)bytes / 1e3);
    else if (bytes < 1000000000)
        snprintf(buf, size, "%.1f MB", (double)bytes / 1e6);
    else
        snprintf(buf, size, "%.2f GB", (double)bytes / 1e9);
}

/* "actorgraph: 12,345 documents, 28.6 MB of 104.7 MB (27%), 139.1 MB/s, 0:00:01 left" */
static void progress_draw(progress *p, uint64_t documents, const struct timespec *now)
{
    uint64_t done = ag_reader_stats_get(p->reader)->input_bytes;
    double secs = seconds_between(&p->start, now), rate = secs > 0 ? (double)done / secs : 0;
    char docs[32], read[32], total[32], line[200];
    size_t n;
    with_commas(documents, docs, sizeof docs);
    size_text(done, read, sizeof read);
    n = (size_t)snprintf(line, sizeof line, "actorgraph: %s document%s, %s", docs, documents == 1 ? "" : "s", read);
    if (p->total) {
        size_text(p->total, total, sizeof total);
        n += (size_t)snprintf(line + n, sizeof line - n, " of %s (%.0f%%)", total,
                              done >= p->total ? 100.0 : 100.0 * (double)done / (double)p->total);
    }
    if (rate > 0)
        n += (size_t)snprintf(line + n, sizeof line - n, ", %.1f MB/s", rate / 1e6);
    if (p->total && rate > 0) {
        double left = done >= p->total ? 0 : (double)(p->total - done) / rate;
        long s = (long)(left + 0.5);
        snprintf(line + n, sizeof line - n, ", %ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
    }
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
    cli_progress_shown = 1;
}

/* Called for every document handed over; redraws at most 5 times a second. */
static void progress_tick(progress *p, uint64_t documents)
{
    struct timespec now;
    if (!p->on || ((++p->tick & 15) != 0 && p->tick != 1))
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (seconds_between(&p->last, &now) < 0.2)
        return;
    p->last = now;
    progress_draw(p, documents, &now);
}

static void progress_end(progress *p)
{
    if (p->on)
        cli_progress_erase();
    p->on = 0;
}

static void count(run_stats *s, const ag_document *doc, const ag_scan_result *res, const ag_lexicon *lex)
{
    (void)lex;
    progress_tick(&the_progress, s->documents + 1);
    s->documents++;
    s->bytes += doc->len;
    s->tokens += res->tokens;
    s->sentences += res->sentences;
    s->paragraphs += res->paragraphs;
    s->blocked += res->blocked;
    s->places += res->places;
    s->guarded += res->guarded;
    s->pattern_limits += res->pattern_limits;
    s->invalid_bytes += res->invalid_bytes;
    for (size_t i = 0; i < res->n_mentions; i++)
        s->mentions[res->mentions[i].kind]++;
    s->unresolved += res->n_unresolved;
    for (size_t i = 0; i < res->n_unresolved; i++) {
        const ag_unresolved *u = &res->unresolved[i];
        char key[256];
        size_t n = u->end - u->start;
        json_t *v;
        if (n >= sizeof key || !ag_utf8_valid(doc->text + u->start, n))
            continue;
        memcpy(key, doc->text + u->start, n);
        key[n] = '\0';
        v = json_object_get(s->unresolved_surfaces, key);
        if (v)
            json_integer_set(v, json_integer_value(v) + 1);
        else
            json_object_set_new(s->unresolved_surfaces, key, json_integer(1));
    }
}

/* Warnings about one document: bytes that are not UTF-8 (the first ten
 * documents), a pattern that hit the PCRE2 match limit (once per pattern). */
static void warn_document(run_stats *s, const ag_document *doc, const ag_scan_result *res, const ag_lexicon *lex)
{
    if (cli_quiet)
        return;
    if ((res->invalid_bytes && s->utf8_warnings < 10) || res->pattern_limits)
        cli_progress_erase();
    if (res->invalid_bytes && s->utf8_warnings < 10) {
        if (doc->line)
            fprintf(stderr, "actorgraph: warning: %s:%lu: %zu byte%s not valid UTF-8, read as U+FFFD (offsets "
                            "unchanged)\n", doc->source, doc->line, res->invalid_bytes,
                    res->invalid_bytes == 1 ? " is" : "s are");
        else
            fprintf(stderr, "actorgraph: warning: %s: %zu byte%s not valid UTF-8, read as U+FFFD (offsets "
                            "unchanged)\n", doc->source, res->invalid_bytes, res->invalid_bytes == 1 ? " is" : "s are");
        if (++s->utf8_warnings == 10)
            fprintf(stderr, "actorgraph: warning: more documents with invalid UTF-8 are not listed (see --stats)\n");
    }
    if (res->pattern_limits && res->limited_alias != UINT32_MAX && !json_object_get(s->limited_patterns,
                                                                                    ag_lexicon_alias(lex, res->limited_alias)->text)) {
        const ag_alias *al = ag_lexicon_alias(lex, res->limited_alias);
        const ag_actor *a = ag_lexicon_actor(lex, al->actor);
        fprintf(stderr, "actorgraph: warning: %s: pattern \"%s\" of actor \"%s\" hit the PCRE2 match limit (it "
                        "backtracks too much); the rest of this document was not searched with it\n",
                doc->id, al->text, a->id);
        json_object_set_new(s->limited_patterns, al->text, json_true());
    }
}

/* --- one thread ------------------------------------------------------------ */

static int run_serial(const run_options *opts, const ag_lexicon *lex, ag_reader *reader, run_fn fn, void *userdata,
                      run_stats *stats)
{
    ag_scanner *scanner = NULL;
    ag_error err;
    int rc = 0;

    memset(&err, 0, sizeof err);
    if (ag_scanner_new(lex, &opts->match, &scanner, &err) != AG_OK)
        return cli_fail(&err);
    for (;;) {
        ag_document doc;
        ag_scan_result res;
        int got;
        if (ag_reader_next(reader, &doc, &got, &err) != AG_OK) {
            rc = cli_fail(&err);
            break;
        }
        if (!got)
            break;
        if (ag_scanner_scan(scanner, doc.text, doc.len, &res, &err) != AG_OK) {
            if (!err.file[0]) {
                snprintf(err.file, sizeof err.file, "%s", doc.source);
                err.line = doc.line;
            }
            rc = cli_fail(&err);
            break;
        }
        count(stats, &doc, &res, lex);
        warn_document(stats, &doc, &res, lex);
        if ((rc = fn(userdata, &doc, &res)) != 0)
            break;
    }
    ag_scanner_free(scanner);
    return rc;
}

/* --- several threads ----------------------------------------------------------- */

#define BATCH_BYTES ((size_t)1 << 20)
#define BATCH_DOCS 1024

enum { BATCH_FREE = 0, BATCH_FILLED, BATCH_SCANNING, BATCH_SCANNED };

typedef struct {
    size_t text, len, id, date, source;   /* offsets into the arena; date: SIZE_MAX for none */
    unsigned long line;
    uint64_t seq;
    size_t m_off, m_n, u_off, u_n, t_off, t_n;
    ag_scan_result r;                      /* its scalars */
} batch_doc;

typedef struct {
    int state;
    uint64_t order;
    batch_doc *docs;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    ag_mention *m;
    size_t mn, mcap;
    ag_unresolved *u;
    size_t un, ucap;
    ag_token *t;
    size_t tn, tcap;
    int tokens;                            /* the tokens were kept (every document has a list, maybe empty) */
    ag_status st;                          /* the first scan error, and where */
    ag_error err;
    size_t failed;
} batch;

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    batch *b;
    size_t nb;
    int stop;
    const ag_lexicon *lex;
    const run_options *opts;
} pool;

typedef struct {
    pool *p;
    ag_scanner *scanner;
} worker;

static size_t arena_put(batch *b, const char *s, size_t len)
{
    size_t at = b->alen;
    if (cli_grow((void **)&b->arena, &b->acap, b->alen + len + 1, 1) != 0)
        return SIZE_MAX;
    memcpy(b->arena + at, s, len);
    b->arena[at + len] = '\0';
    b->alen += len + 1;
    return at;
}

/* Copies a document into the batch. 0, or -1 when out of memory. */
static int batch_add(batch *b, const ag_document *doc)
{
    batch_doc *d;
    if (cli_grow((void **)&b->docs, &b->cap, b->n + 1, sizeof *b->docs) != 0)
        return -1;
    d = &b->docs[b->n];
    memset(d, 0, sizeof *d);
    d->text = arena_put(b, doc->text, doc->len);
    d->len = doc->len;
    d->id = arena_put(b, doc->id, strlen(doc->id));
    d->date = doc->date ? arena_put(b, doc->date, strlen(doc->date)) : SIZE_MAX - 1;
    d->source = arena_put(b, doc->source, strlen(doc->source));
    if (d->text == SIZE_MAX || d->id == SIZE_MAX || d->date == SIZE_MAX || d->source == SIZE_MAX)
        return -1;
    d->line = doc->line;
    d->seq = doc->seq;
    b->n++;
    return 0;
}

static void batch_reset(batch *b)
{
    b->n = b->alen = b->mn = b->un = b->tn = 0;
    b->st = AG_OK;
    b->failed = 0;
}

static void batch_free(batch *b)
{
    free(b->docs);
    free(b->arena);
    free(b->m);
    free(b->u);
    free(b->t);
}

/* Scans every document of a batch (on a worker thread). */
static void scan_batch(worker *w, batch *b)
{
    int tokens = w->p->opts->need_tokens;
    b->tokens = tokens;
    for (size_t i = 0; i < b->n; i++) {
        batch_doc *d = &b->docs[i];
        ag_scan_result r;
        if (ag_scanner_scan(w->scanner, b->arena + d->text, d->len, &r, &b->err) != AG_OK) {
            b->st = b->err.status;
            b->failed = i;
            return;
        }
        d->r = r;
        d->m_off = b->mn;
        d->m_n = r.n_mentions;
        d->u_off = b->un;
        d->u_n = r.n_unresolved;
        d->t_off = b->tn;
        d->t_n = tokens ? r.token_list->n : 0;
        if (cli_grow((void **)&b->m, &b->mcap, b->mn + r.n_mentions + 1, sizeof *b->m) != 0 ||
            cli_grow((void **)&b->u, &b->ucap, b->un + r.n_unresolved + 1, sizeof *b->u) != 0 ||
            (tokens && cli_grow((void **)&b->t, &b->tcap, b->tn + d->t_n + 1, sizeof *b->t) != 0)) {
            b->st = AG_ENOMEM;
            memset(&b->err, 0, sizeof b->err);
            b->err.status = AG_ENOMEM;
            snprintf(b->err.message, sizeof b->err.message, "out of memory scanning");
            b->failed = i;
            return;
        }
        if (r.n_mentions)
            memcpy(b->m + b->mn, r.mentions, r.n_mentions * sizeof *b->m);
        if (r.n_unresolved)
            memcpy(b->u + b->un, r.unresolved, r.n_unresolved * sizeof *b->u);
        if (tokens && d->t_n)
            memcpy(b->t + b->tn, r.token_list->v, d->t_n * sizeof *b->t);
        b->mn += r.n_mentions;
        b->un += r.n_unresolved;
        b->tn += d->t_n;
    }
}

static void *work(void *arg)
{
    worker *w = (worker *)arg;
    pool *p = w->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        batch *next = NULL;
        for (size_t i = 0; i < p->nb; i++)
            if (p->b[i].state == BATCH_FILLED && (!next || p->b[i].order < next->order))
                next = &p->b[i];
        if (!next) {
            if (p->stop)
                break;
            pthread_cond_wait(&p->work, &p->lock);
            continue;
        }
        next->state = BATCH_SCANNING;
        pthread_mutex_unlock(&p->lock);
        scan_batch(w, next);
        pthread_mutex_lock(&p->lock);
        next->state = BATCH_SCANNED;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands a scanned batch's documents to the callback, in order. */
static int consume(batch *b, const ag_lexicon *lex, run_fn fn, void *userdata, run_stats *stats)
{
    for (size_t i = 0; i < b->n; i++) {
        batch_doc *d = &b->docs[i];
        ag_document doc;
        ag_scan_result r;
        ag_tokens toks;
        int rc;
        if (b->st != AG_OK && i == b->failed) {
            if (!b->err.file[0]) {
                snprintf(b->err.file, sizeof b->err.file, "%s", b->arena + d->source);
                b->err.line = d->line;
            }
            return cli_fail(&b->err);
        }
        doc.id = b->arena + d->id;
        doc.text = b->arena + d->text;
        doc.len = d->len;
        doc.date = d->date == SIZE_MAX - 1 ? NULL : b->arena + d->date;
        doc.source = b->arena + d->source;
        doc.line = d->line;
        doc.seq = d->seq;
        r = d->r;
        r.mentions = b->m + d->m_off;
        r.unresolved = b->u + d->u_off;
        memset(&toks, 0, sizeof toks);
        toks.v = b->t ? b->t + d->t_off : NULL;
        toks.n = d->t_n;
        toks.cap = d->t_n;
        r.token_list = b->tokens ? &toks : NULL;   /* as the scanner gives it: empty, not absent */
        count(stats, &doc, &r, lex);
        warn_document(stats, &doc, &r, lex);
        if ((rc = fn(userdata, &doc, &r)) != 0)
            return rc;
    }
    return 0;
}

/* Waits for the batch next in input order, hands it over, frees it. While
 * it waits, the calling thread scans batches no worker has taken yet (the
 * earliest first), with its own scanner: so N jobs are N busy threads, the
 * calling one included. */
static int consume_next(pool *p, worker *self, uint64_t *next, const ag_lexicon *lex, run_fn fn, void *userdata,
                        run_stats *stats)
{
    batch *oldest = NULL;
    int rc;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        batch *todo = NULL;
        for (size_t i = 0; i < p->nb && !oldest; i++)
            if (p->b[i].state == BATCH_SCANNED && p->b[i].order == *next)
                oldest = &p->b[i];
        if (oldest)
            break;
        for (size_t i = 0; i < p->nb; i++)
            if (p->b[i].state == BATCH_FILLED && (!todo || p->b[i].order < todo->order))
                todo = &p->b[i];
        if (todo) {
            todo->state = BATCH_SCANNING;
            pthread_mutex_unlock(&p->lock);
            scan_batch(self, todo);
            pthread_mutex_lock(&p->lock);
            todo->state = BATCH_SCANNED;
            continue;
        }
        pthread_cond_wait(&p->done, &p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    rc = consume(oldest, lex, fn, userdata, stats);
    pthread_mutex_lock(&p->lock);
    oldest->state = BATCH_FREE;
    pthread_mutex_unlock(&p->lock);
    (*next)++;
    return rc;
}

static int run_parallel(const run_options *opts, const ag_lexicon *lex, ag_reader *reader, run_fn fn,
                        void *userdata, run_stats *stats)
{
    pool p;
    worker *workers, self;
    pthread_t *threads;
    size_t started = 0, n_workers = opts->jobs - 1;   /* and the calling thread */
    uint64_t next_fill = 0, next_consume = 0;
    batch *cur = NULL;
    ag_error err;
    int rc = 0;

    memset(&p, 0, sizeof p);
    memset(&err, 0, sizeof err);
    memset(&self, 0, sizeof self);
    p.nb = 2 * opts->jobs + 2;
    p.b = (batch *)calloc(p.nb, sizeof *p.b);
    workers = (worker *)calloc(n_workers ? n_workers : 1, sizeof *workers);
    threads = (pthread_t *)calloc(n_workers ? n_workers : 1, sizeof *threads);
    p.lex = lex;
    p.opts = opts;
    if (!p.b || !workers || !threads) {
        free(p.b);
        free(workers);
        free(threads);
        fprintf(stderr, "actorgraph: out of memory starting %zu threads\n", n_workers);
        return EXIT_INTERNAL;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    self.p = &p;
    if (ag_scanner_new(lex, &opts->match, &self.scanner, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto stop;
    }
    for (size_t i = 0; i < n_workers; i++) {
        workers[i].p = &p;
        if (ag_scanner_new(lex, &opts->match, &workers[i].scanner, &err) != AG_OK) {
            rc = cli_fail(&err);
            goto stop;
        }
        if (pthread_create(&threads[i], NULL, work, &workers[i]) != 0) {
            fprintf(stderr, "actorgraph: cannot start a scanning thread\n");
            rc = EXIT_INTERNAL;
            goto stop;
        }
        started++;
    }

    for (int reading = 1; rc == 0;) {
        ag_document doc;
        int got;
        if (reading && !cur) {
            pthread_mutex_lock(&p.lock);
            for (size_t i = 0; i < p.nb && !cur; i++)
                if (p.b[i].state == BATCH_FREE)
                    cur = &p.b[i];
            pthread_mutex_unlock(&p.lock);
            if (!cur) {
                /* every batch is in flight: hand the oldest over, which frees it */
                rc = consume_next(&p, &self, &next_consume, lex, fn, userdata, stats);
                continue;
            }
            batch_reset(cur);
        }
        if (reading) {
            if (ag_reader_next(reader, &doc, &got, &err) != AG_OK) {
                rc = cli_fail(&err);
                break;
            }
            if (got) {
                if (batch_add(cur, &doc) != 0) {
                    fprintf(stderr, "actorgraph: out of memory reading documents\n");
                    rc = EXIT_INTERNAL;
                    break;
                }
                if (cur->alen < BATCH_BYTES && cur->n < BATCH_DOCS)
                    continue;
            } else {
                reading = 0;
            }
            if (cur->n) {
                pthread_mutex_lock(&p.lock);
                cur->order = next_fill++;
                cur->state = BATCH_FILLED;
                pthread_cond_signal(&p.work);
                pthread_mutex_unlock(&p.lock);
            }
            cur = NULL;
            continue;
        }
        if (next_consume == next_fill)
            break;
        rc = consume_next(&p, &self, &next_consume, lex, fn, userdata, stats);
    }

stop:
    pthread_mutex_lock(&p.lock);
    p.stop = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.lock);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    for (size_t i = 0; i < n_workers; i++)
        ag_scanner_free(workers[i].scanner);
    ag_scanner_free(self.scanner);
    for (size_t i = 0; i < p.nb; i++)
        batch_free(&p.b[i]);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    free(p.b);
    free(workers);
    free(threads);
    return rc;
}

int run_documents(const run_options *opts, const ag_lexicon *lex, run_fn fn, void *userdata, run_stats *stats)
{
    ag_reader *reader = NULL;
    ag_error err;
    int rc;

    memset(&err, 0, sizeof err);
    if (ag_reader_new((const char *const *)opts->inputs.v, opts->inputs.n, &opts->reader, &reader, &err) != AG_OK)
        return cli_fail(&err);
    if (!cli_quiet && isatty(STDIN_FILENO)) {
        /* a command with no INPUT waits on the terminal: say so */
        int from_stdin = opts->inputs.n == 0;
        for (size_t i = 0; i < opts->inputs.n; i++)
            from_stdin |= strcmp(opts->inputs.v[i], "-") == 0;
        if (from_stdin)
            fprintf(stderr, "actorgraph: reading text from the terminal (end it with Ctrl-D; "
                            "name files or directories to read those)\n");
    }
    progress_start(&the_progress, opts, reader);
    rc = opts->jobs > 1 ? run_parallel(opts, lex, reader, fn, userdata, stats)
                        : run_serial(opts, lex, reader, fn, userdata, stats);
    progress_end(&the_progress);
    stats->reader = *ag_reader_stats_get(reader);
    ag_reader_free(reader);
    if (rc == 0 && stats->documents == 0 && stats->reader.skipped_files) {
        /* a mistyped path: an empty result would replace a good one */
        fprintf(stderr, "actorgraph: error: no input could be read; nothing was written\n");
        rc = EXIT_INPUT;
    }
    return rc;
}

json_t *run_stats_json(const run_stats *s, const ag_lexicon *lex)
{
    json_t *o = json_object(), *m = json_object(), *u = json_object(), *sk = json_object();
    uint64_t total = 0;
    (void)lex;
    json_object_set_new(o, "documents", json_integer((json_int_t)s->documents));
    json_object_set_new(o, "bytes", json_integer((json_int_t)s->bytes));
    json_object_set_new(o, "tokens", json_integer((json_int_t)s->tokens));
    json_object_set_new(o, "sentences", json_integer((json_int_t)s->sentences));
    json_object_set_new(o, "paragraphs", json_integer((json_int_t)s->paragraphs));
    for (int k = 0; k < AG_KIND_COUNT; k++) {
        json_object_set_new(m, ag_alias_kind_name((ag_alias_kind)k), json_integer((json_int_t)s->mentions[k]));
        total += s->mentions[k];
    }
    json_object_set_new(m, "total", json_integer((json_int_t)total));
    json_object_set_new(o, "mentions", m);
    json_object_set_new(u, "total", json_integer((json_int_t)s->unresolved));
    json_object_set(u, "surfaces", s->unresolved_surfaces);
    json_object_set_new(o, "unresolved_short", u);
    json_object_set_new(o, "blocked", json_integer((json_int_t)s->blocked));
    json_object_set_new(o, "places", json_integer((json_int_t)s->places));
    json_object_set_new(o, "given_name_guarded", json_integer((json_int_t)s->guarded));
    json_object_set_new(o, "pattern_limits", json_integer((json_int_t)s->pattern_limits));
    json_object_set_new(o, "invalid_utf8_bytes", json_integer((json_int_t)s->invalid_bytes));
    json_object_set_new(sk, "files", json_integer((json_int_t)s->reader.skipped_files));
    json_object_set_new(sk, "lines", json_integer((json_int_t)s->reader.skipped_lines));
    json_object_set_new(sk, "large", json_integer((json_int_t)s->reader.skipped_large));
    json_object_set_new(sk, "binary", json_integer((json_int_t)s->reader.skipped_binary));
    json_object_set_new(o, "skipped", sk);
    return o;
}

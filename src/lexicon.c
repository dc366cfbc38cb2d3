/*
 * lexicon.c — the actor store: ids, aliases, cross-file validation and
 * compilation.
 *
 * Input: actors handed over by the JSON reader (lexicon_json.c). Output: an
 * immutable lexicon with an id index, PCRE2 patterns compiled and the alias
 * index built (match.c). Checks that need every file at once live here: an
 * alias claimed by two actors in one kind, affiliations to unknown ids,
 * aliases repeated after folding. It does not parse JSON.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/lexicon.h"
#include "actorgraph/text.h"
#include "internal.h"
#include "lexicon_internal.h"

#define NO_ACTOR UINT32_MAX

ag_status ag_lexicon_new(ag_lexicon **out, ag_error *err)
{
    ag_lexicon *lex = (ag_lexicon *)calloc(1, sizeof *lex);
    *out = NULL;
    if (!lex)
        return ag__fail(err, AG_ENOMEM, "out of memory creating a lexicon");
    *out = lex;
    return AG_OK;
}

#define LEX_CHUNK ((size_t)64 << 10)

void *ag__lex_alloc(ag_lexicon *lex, size_t n)
{
    ag_lex_chunk *c = lex->arena;
    size_t head = (sizeof(ag_lex_chunk) + 7) & ~(size_t)7;
    n = (n + 7) & ~(size_t)7;
    if (!c || c->used + n > c->size) {
        size_t room = n > LEX_CHUNK / 4 ? n : LEX_CHUNK;
        ag_lex_chunk *fresh = (ag_lex_chunk *)malloc(head + room);
        if (!fresh)
            return NULL;
        fresh->used = 0;
        fresh->size = room;
        if (c && n > LEX_CHUNK / 4) {
            /* a large piece gets a chunk of its own, behind the current one */
            fresh->next = c->next;
            c->next = fresh;
            fresh->used = n;
            return (char *)fresh + head;
        }
        fresh->next = c;
        lex->arena = c = fresh;
    }
    c->used += n;
    return (char *)c + head + c->used - n;
}

char *ag__lex_strdup(ag_lexicon *lex, const char *s)
{
    size_t n;
    char *copy;
    if (!s)
        return NULL;
    n = strlen(s) + 1;
    copy = (char *)ag__lex_alloc(lex, n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

void ag__actor_clear(ag_actor *a)
{
    memset(a, 0, sizeof *a);
}

void ag_lexicon_free(ag_lexicon *lex)
{
    ag_lex_chunk *c;
    if (!lex)
        return;
    free(lex->actors);
    free(lex->actor_pos);
    free(lex->aliases);
    free(lex->alias_pos);
    for (size_t i = 0; i < lex->n_files; i++)
        free(lex->files[i]);
    free(lex->files);
    free(lex->ids);
    for (size_t i = 0; i < lex->n_patterns; i++)
        pcre2_code_free((pcre2_code *)lex->patterns[i].code);
    free(lex->patterns);
    ag__index_free(lex->index);
    c = lex->arena;
    while (c) {
        ag_lex_chunk *next = c->next;
        free(c);
        c = next;
    }
    free(lex);
}

void ag_lexicon_set_diagnostics(ag_lexicon *lex, ag_diag_fn fn, void *userdata)
{
    lex->diag = fn;
    lex->diag_ud = userdata;
}

ag_status ag__lex_report(ag_lexicon *lex, ag_diag_severity sev, ag_status status,
                         const char *file, unsigned long line, unsigned long column,
                         ag_error *err, const char *fmt, ...)
{
    ag_error e;
    va_list ap;

    memset(&e, 0, sizeof e);
    e.status = status;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.line = line;
    e.column = column;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);

    if (sev == AG_DIAG_ERROR) {
        lex->n_errors++;
        if (lex->pending.status == AG_OK)
            lex->pending = e;
    }
    if (lex->diag) {
        lex->diag(lex->diag_ud, sev, &e);
        return AG_OK;
    }
    if (sev == AG_DIAG_WARNING)
        return AG_OK;
    if (err)
        *err = e;
    return status;
}

void ag__lex_begin(ag_lexicon *lex)
{
    memset(&lex->pending, 0, sizeof lex->pending);
}

ag_status ag__lex_end(ag_lexicon *lex, ag_error *err)
{
    if (lex->pending.status == AG_OK)
        return AG_OK;
    if (err)
        *err = lex->pending;
    return lex->pending.status;
}

void ag_lexicon_set_strict(ag_lexicon *lex, int strict)
{
    lex->strict = strict;
}

long ag__lex_add_file(ag_lexicon *lex, const char *path)
{
    char *copy;
    if (ag__grow((void **)&lex->files, &lex->cap_files, lex->n_files + 1, sizeof *lex->files) != 0)
        return -1;
    copy = ag__strdup(path);
    if (!copy)
        return -1;
    lex->files[lex->n_files] = copy;
    return (long)lex->n_files++;
}

/* --- the id index -------------------------------------------------------- */

static uint64_t str_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

static int ids_rehash(ag_lexicon *lex, size_t cap)
{
    uint32_t *t = (uint32_t *)malloc(cap * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < cap; i++)
        t[i] = NO_ACTOR;
    for (size_t a = 0; a < lex->n_actors; a++) {
        size_t j = (size_t)str_hash(lex->actors[a].id) & (cap - 1);
        while (t[j] != NO_ACTOR)
            j = (j + 1) & (cap - 1);
        t[j] = (uint32_t)a;
    }
    free(lex->ids);
    lex->ids = t;
    lex->ids_cap = cap;
    return 0;
}

size_t ag_lexicon_find(const ag_lexicon *lex, const char *id)
{
    size_t j;
    if (!lex->ids_cap || !id)
        return (size_t)-1;
    j = (size_t)str_hash(id) & (lex->ids_cap - 1);
    while (lex->ids[j] != NO_ACTOR) {
        if (strcmp(lex->actors[lex->ids[j]].id, id) == 0)
            return lex->ids[j];
        j = (j + 1) & (lex->ids_cap - 1);
    }
    return (size_t)-1;
}

ag_status ag__lex_add_actor(ag_lexicon *lex, ag_actor *actor, ag_pos pos, ag_error *err)
{
    size_t prev = ag_lexicon_find(lex, actor->id);

    if (prev != (size_t)-1) {
        const ag_pos *pp = &lex->actor_pos[prev];
        ag_status st = ag__lex_report(lex, AG_DIAG_ERROR, AG_ESCHEMA, lex->files[pos.file], pos.line,
                                      pos.column, err, "duplicate id \"%s\" (first defined at %s:%lu:%lu)",
                                      actor->id, lex->files[pp->file], pp->line, pp->column);
        ag__actor_clear(actor);
        return st;      /* AG_OK in diagnostics mode: the actor is dropped, loading goes on */
    }
    if (lex->n_actors >= UINT32_MAX - 1 ||
        ag__grow((void **)&lex->actors, &lex->cap_actors, lex->n_actors + 1, sizeof *lex->actors) != 0) {
        ag__actor_clear(actor);
        return ag__fail(err, AG_ENOMEM, "out of memory adding actor");
    }
    {
        size_t cap = lex->cap_actors;
        ag_pos *np = (ag_pos *)realloc(lex->actor_pos, cap * sizeof *np);
        if (!np) {
            ag__actor_clear(actor);
            return ag__fail(err, AG_ENOMEM, "out of memory adding actor");
        }
        lex->actor_pos = np;
    }
    lex->actors[lex->n_actors] = *actor;
    lex->actors[lex->n_actors].source = lex->files[pos.file];
    lex->actors[lex->n_actors].line = pos.line;
    lex->actor_pos[lex->n_actors] = pos;
    lex->n_actors++;
    memset(actor, 0, sizeof *actor);   /* owned by the lexicon now */

    if (lex->n_actors * 2 > lex->ids_cap) {
        if (ids_rehash(lex, lex->ids_cap ? lex->ids_cap * 2 : 64) != 0)
            return ag__fail(err, AG_ENOMEM, "out of memory indexing ids");
    } else {
        size_t j = (size_t)str_hash(lex->actors[lex->n_actors - 1].id) & (lex->ids_cap - 1);
        while (lex->ids[j] != NO_ACTOR)
            j = (j + 1) & (lex->ids_cap - 1);
        lex->ids[j] = (uint32_t)(lex->n_actors - 1);
    }
    return AG_OK;
}

ag_status ag__lex_add_alias(ag_lexicon *lex, const char *text, ag_alias_kind kind, ag_pos pos,
                            ag_error *err)
{
    char *copy;
    if (lex->n_actors == 0)
        return ag__fail(err, AG_EINTERNAL, "alias added before any actor");
    if (lex->n_aliases >= UINT32_MAX - 1 ||
        ag__grow((void **)&lex->aliases, &lex->cap_aliases, lex->n_aliases + 1, sizeof *lex->aliases) != 0)
        return ag__fail(err, AG_ENOMEM, "out of memory adding alias");
    {
        ag_pos *np = (ag_pos *)realloc(lex->alias_pos, lex->cap_aliases * sizeof *np);
        if (!np)
            return ag__fail(err, AG_ENOMEM, "out of memory adding alias");
        lex->alias_pos = np;
    }
    copy = ag__lex_strdup(lex, text);
    if (!copy)
        return ag__fail(err, AG_ENOMEM, "out of memory adding alias");
    lex->aliases[lex->n_aliases].text = copy;
    lex->aliases[lex->n_aliases].kind = kind;
    lex->aliases[lex->n_aliases].actor = lex->n_actors - 1;
    lex->alias_pos[lex->n_aliases] = pos;
    lex->n_aliases++;
    return AG_OK;
}

/* --- accessors ------------------------------------------------------------ */

size_t ag_lexicon_actor_count(const ag_lexicon *lex)
{
    return lex->n_actors;
}

const ag_actor *ag_lexicon_actor(const ag_lexicon *lex, size_t index)
{
    return index < lex->n_actors ? &lex->actors[index] : NULL;
}

size_t ag_lexicon_alias_count(const ag_lexicon *lex)
{
    return lex->n_aliases;
}

const ag_alias *ag_lexicon_alias(const ag_lexicon *lex, size_t index)
{
    return index < lex->n_aliases ? &lex->aliases[index] : NULL;
}

static const char *const type_names[AG_TYPE_COUNT] = { "state", "leader", "org" };
static const char *const kind_names[AG_KIND_COUNT + 1] = { "names", "short", "metonyms", "demonyms",
                                                           "patterns", "not" };

const char *ag_actor_type_name(ag_actor_type type)
{
    return (unsigned)type < AG_TYPE_COUNT ? type_names[type] : "?";
}

const char *ag_alias_kind_name(ag_alias_kind kind)
{
    return (unsigned)kind <= AG_KIND_COUNT ? kind_names[kind] : "?";
}

static int word_is(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && strncmp(s, w, len) == 0;
}

int ag_actor_type_parse(const char *s, size_t len, ag_actor_type *out)
{
    if (word_is(s, len, "state") || word_is(s, len, "states"))
        *out = AG_TYPE_STATE;
    else if (word_is(s, len, "leader") || word_is(s, len, "leaders"))
        *out = AG_TYPE_LEADER;
    else if (word_is(s, len, "org") || word_is(s, len, "orgs") || word_is(s, len, "organization") ||
             word_is(s, len, "organizations") || word_is(s, len, "organisation") ||
             word_is(s, len, "organisations"))
        *out = AG_TYPE_ORG;
    else
        return -1;
    return 0;
}

static int parse_list(const char *list, unsigned *out, int (*one)(const char *, size_t, unsigned *))
{
    unsigned set = 0;
    const char *p = list;
    if (!list || !*list || list[strlen(list) - 1] == ',')
        return -1;
    while (*p) {
        size_t len = strcspn(p, ",");
        unsigned bit;
        if (len == 0 || one(p, len, &bit) != 0)
            return -1;
        set |= bit;
        p += len;
        if (*p == ',')
            p++;
    }
    *out = set;
    return 0;
}

static int one_kind(const char *s, size_t len, unsigned *bit)
{
    if (word_is(s, len, "all")) {
        *bit = AG_KINDS_ALL;
        return 0;
    }
    for (unsigned k = 0; k < AG_KIND_COUNT; k++) {
        const char *n = kind_names[k];
        size_t nl = strlen(n);
        /* "names" or "name", "metonyms" or "metonym", ... */
        if (word_is(s, len, n) || (len + 1 == nl && strncmp(s, n, len) == 0 && n[nl - 1] == 's')) {
            *bit = 1u << k;
            return 0;
        }
    }
    return -1;
}

static int one_type(const char *s, size_t len, unsigned *bit)
{
    ag_actor_type t;
    if (word_is(s, len, "all")) {
        *bit = AG_TYPES_ALL;
        return 0;
    }
    if (ag_actor_type_parse(s, len, &t) != 0)
        return -1;
    *bit = 1u << t;
    return 0;
}

int ag_kinds_parse(const char *list, unsigned *out)
{
    return parse_list(list, out, one_kind);
}

int ag_types_parse(const char *list, unsigned *out)
{
    return parse_list(list, out, one_type);
}

int ag__date_valid(const char *s)
{
    static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    size_t len = strlen(s);
    int y, m, d;

    for (size_t i = 0; i < len; i++) {
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    if (len != 4 && len != 7 && len != 10)
        return 0;
    y = atoi(s);
    (void)y;
    if (len == 4)
        return 1;
    m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return 0;
    if (len == 7)
        return 1;
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return leap;
    }
    return 1;
}

/* --- compile -------------------------------------------------------------- */

typedef struct {
    uint64_t hash;
    uint32_t alias;     /* the first alias with this text and kind */
    uint32_t dflt;      /* short names: the first owner with short_default */
} seen_entry;

/* The alias as the matcher sees it: folded tokens, case kept, joined by
 * 0x1F (so "United  States" and "United States" are one alias). */
static size_t alias_form(const char *s, ag_tokens *t, char *buf, size_t size)
{
    size_t n = 0;
    ag_error e;
    if (ag_tokenize(s, strlen(s), t, &e) != AG_OK)
        return (size_t)-1;
    for (size_t k = 0; k < t->n; k++) {
        if (k && n + 1 < size)
            buf[n++] = 0x1F;
        n += ag_fold(s + t->v[k].start, t->v[k].end - t->v[k].start, 0, buf + (n < size ? n : size),
                     n < size ? size - n : 0);
    }
    if (n >= size)
        return (size_t)-1;
    buf[n] = '\0';
    return n;
}

static uint64_t form_hash(const char *form, size_t n, ag_alias_kind kind)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)kind;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)form[i]) * 0x100000001b3ull;
    return h;
}

/* Aliases claimed twice in one kind (errors across actors, warnings within
 * one actor). Shorts may be shared by different actors, but only one of
 * them may be the default owner. */
static ag_status check_alias_clashes(ag_lexicon *lex, ag_error *err)
{
    size_t cap = 64;
    seen_entry *t;
    char **forms;
    ag_tokens toks;
    ag_status st = AG_OK;

    while (cap < lex->n_aliases * 2 + 2)
        cap *= 2;
    t = (seen_entry *)calloc(cap, sizeof *t);
    forms = (char **)calloc(lex->n_aliases ? lex->n_aliases : 1, sizeof *forms);
    if (!t || !forms) {
        free(t);
        free(forms);
        return ag__fail(err, AG_ENOMEM, "out of memory checking aliases");
    }
    ag_tokens_init(&toks);
    for (size_t i = 0; i < cap; i++)
        t[i].alias = t[i].dflt = UINT32_MAX;

    for (size_t i = 0; i < lex->n_aliases && st == AG_OK; i++) {
        const ag_alias *a = &lex->aliases[i];
        const ag_pos *pa = &lex->alias_pos[i];
        char buf[2048];
        size_t n, j;
        uint64_t h;
        if (a->kind == AG_KIND_PATTERN || (n = alias_form(a->text, &toks, buf, sizeof buf)) == (size_t)-1)
            continue;
        if (n == 0) {   /* only spaces of some kind (U+00A0, U+3000, ...): nothing to match */
            st = ag__lex_report(lex, AG_DIAG_ERROR, AG_ESCHEMA, lex->files[pa->file], pa->line, pa->column, err,
                                "alias \"%s\" in \"%s\" of actor \"%s\" has no letters, digits or punctuation",
                                a->text, ag_alias_kind_name(a->kind), lex->actors[a->actor].id);
            continue;
        }
        forms[i] = ag__strndup(buf, n);
        if (!forms[i]) {
            st = ag__fail(err, AG_ENOMEM, "out of memory checking aliases");
            break;
        }
        h = form_hash(buf, n, a->kind);
        for (j = (size_t)h & (cap - 1); t[j].alias != UINT32_MAX; j = (j + 1) & (cap - 1)) {
            const ag_alias *b = &lex->aliases[t[j].alias];
            const ag_pos *pb = &lex->alias_pos[t[j].alias];
            if (t[j].hash != h || strcmp(forms[t[j].alias], forms[i]) != 0)
                continue;
            if (a->actor == b->actor) {
                ag__lex_report(lex, AG_DIAG_WARNING, AG_ESCHEMA, lex->files[pa->file], pa->line, pa->column, err,
                               "\"%s\" repeats \"%s\" in \"%s\" of actor \"%s\" (the matcher sees them as one)",
                               a->text, b->text, ag_alias_kind_name(a->kind), lex->actors[a->actor].id);
            } else if (a->kind != AG_KIND_SHORT && a->kind != AG_KIND_BLOCKER) {
                st = ag__lex_report(lex, AG_DIAG_ERROR, AG_ESCHEMA, lex->files[pa->file], pa->line, pa->column,
                                    err,
                                    "alias \"%s\" in \"%s\" of actor \"%s\" is already claimed by actor \"%s\" (%s:%lu:%lu)",
                                    a->text, ag_alias_kind_name(a->kind), lex->actors[a->actor].id,
                                    lex->actors[b->actor].id, lex->files[pb->file], pb->line, pb->column);
            } else if (a->kind == AG_KIND_SHORT && lex->actors[a->actor].short_default) {
                if (t[j].dflt != UINT32_MAX && lex->aliases[t[j].dflt].actor != a->actor) {
                    const ag_pos *pd = &lex->alias_pos[t[j].dflt];
                    st = ag__lex_report(lex, AG_DIAG_ERROR, AG_ESCHEMA, lex->files[pa->file], pa->line, pa->column,
                                        err,
                                        "short name \"%s\" has two default owners: \"%s\" and \"%s\" (%s:%lu:%lu); "
                                        "only one may have short_default",
                                        a->text, lex->actors[lex->aliases[t[j].dflt].actor].id,
                                        lex->actors[a->actor].id, lex->files[pd->file], pd->line, pd->column);
                } else if (t[j].dflt == UINT32_MAX) {
                    t[j].dflt = (uint32_t)i;
                }
            }
            break;
        }
        if (t[j].alias == UINT32_MAX) {
            t[j].hash = h;
            t[j].alias = (uint32_t)i;
            if (a->kind == AG_KIND_SHORT && lex->actors[a->actor].short_default)
                t[j].dflt = (uint32_t)i;
        }
    }
    for (size_t i = 0; i < lex->n_aliases; i++)
        free(forms[i]);
    free(forms);
    free(t);
    ag_tokens_free(&toks);
    return st;
}

static ag_status check_affiliations(ag_lexicon *lex, ag_error *err)
{
    for (size_t i = 0; i < lex->n_actors; i++) {
        const ag_actor *a = &lex->actors[i];
        const ag_pos *p = &lex->actor_pos[i];
        ag_status st;
        if (!a->affiliation || ag_lexicon_find(lex, a->affiliation) != (size_t)-1)
            continue;
        st = ag__lex_report(lex, lex->strict ? AG_DIAG_ERROR : AG_DIAG_WARNING, AG_ESCHEMA, lex->files[p->file],
                            p->line, p->column, err,
                            "actor \"%s\" has affiliation \"%s\", which no loaded lexicon defines", a->id,
                            a->affiliation);
        if (st != AG_OK)
            return st;
    }
    return AG_OK;
}

static ag_status compile_patterns(ag_lexicon *lex, ag_error *err)
{
    size_t n = 0;

    for (size_t i = 0; i < lex->n_aliases; i++)
        if (lex->aliases[i].kind == AG_KIND_PATTERN)
            n++;
    if (n == 0)
        return AG_OK;
    lex->patterns = (ag_pattern *)calloc(n, sizeof *lex->patterns);
    if (!lex->patterns)
        return ag__fail(err, AG_ENOMEM, "out of memory compiling patterns");
    for (size_t i = 0; i < lex->n_aliases; i++) {
        const ag_alias *a = &lex->aliases[i];
        const ag_pos *p = &lex->alias_pos[i];
        int code;
        PCRE2_SIZE offset;
        pcre2_code *re;

        if (a->kind != AG_KIND_PATTERN)
            continue;
        re = pcre2_compile((PCRE2_SPTR)a->text, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &code,
                           &offset, NULL);
        if (re) {
            /* the pattern as written compiles (so error offsets above are the user's);
             * match it only where it starts and ends on a word boundary */
            size_t size = strlen(a->text) + 64;
            char *wrapped = (char *)malloc(size);
            pcre2_code_free(re);
            re = NULL;
            if (!wrapped)
                return ag__fail(err, AG_ENOMEM, "out of memory compiling patterns");
            snprintf(wrapped, size, "(?<![\\p{L}\\p{N}])(?:%s)(?![\\p{L}\\p{N}])", a->text);
            re = pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &code, &offset,
                               NULL);
            free(wrapped);
            if (re)
                offset = 0;
        }
        if (!re) {
            PCRE2_UCHAR msg[256];
            ag_status st;
            pcre2_get_error_message(code, msg, sizeof msg);
            st = ag__lex_report(lex, AG_DIAG_ERROR, AG_EPATTERN, lex->files[p->file], p->line, p->column, err,
                                "pattern \"%s\" of actor \"%s\" does not compile at offset %zu: %s", a->text,
                                lex->actors[a->actor].id, (size_t)offset, (const char *)msg);
            if (st != AG_OK)
                return st;      /* no diagnostics callback: stop at the first */
            continue;
        }
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* optional: falls back to the interpreter */
        lex->patterns[lex->n_patterns].code = re;
        lex->patterns[lex->n_patterns].alias = (uint32_t)i;
        lex->n_patterns++;
    }
    return AG_OK;
}

void ag_lexicon_set_threads(ag_lexicon *lex, unsigned threads)
{
    lex->threads = threads ? threads : 1;
}

typedef struct {
    ag_lexicon *lex;
    ag_status st;
    ag_error err;
} index_job;

static void *build_index(void *arg)
{
    index_job *job = (index_job *)arg;
    memset(&job->err, 0, sizeof job->err);
    job->st = ag__index_build(job->lex, &job->err);
    return NULL;
}

/*
 * The checks (alias clashes, affiliations, patterns) and the alias index
 * read the same aliases and write nothing the other reads, so with two
 * threads allowed the index is built on a second thread while the checks
 * run; it is thrown away when a check fails, as if never built.
 */
ag_status ag_lexicon_compile(ag_lexicon *lex, ag_error *err)
{
    ag_status st;
    index_job job;
    pthread_t thread;
    int threaded = 0;

    if (lex->compiled)
        return ag__fail(err, AG_EINVAL, "lexicon is already compiled");
    ag__lex_begin(lex);
    job.lex = lex;
    job.st = AG_OK;
    if (lex->threads > 1 && pthread_create(&thread, NULL, build_index, &job) == 0)
        threaded = 1;
    st = check_alias_clashes(lex, err);
    if (st == AG_OK)
        st = check_affiliations(lex, err);
    if (st == AG_OK)
        st = compile_patterns(lex, err);
    if (st == AG_OK)
        st = ag__lex_end(lex, err);
    if (threaded) {
        pthread_join(thread, NULL);
        if (st != AG_OK) {
            ag__index_free(lex->index);
            lex->index = NULL;
            return st;
        }
        if (job.st != AG_OK) {
            if (err)
                *err = job.err;
            return job.st;
        }
    } else {
        if (st != AG_OK)
            return st;
        if ((st = ag__index_build(lex, err)) != AG_OK)
            return st;
    }
    lex->compiled = 1;
    return AG_OK;
}

/*
 * import_petrarch.c — PETRARCH/TABARI `.actors` dictionaries to a lexicon.
 *
 * Input: CAMEO actor dictionaries. Output: one lexicon JSON file (one
 * actor per line, states, then organisations, then leaders, each by id)
 * that `lexicon check` accepts. It keeps names and codes only: no agents,
 * no stemming, no PETRARCH "intervening words"; it does not guess which
 * synonyms are demonyms or capitals (all become `names`).
 *
 * Reading. What a line starts with counts, not its indentation: `[` codes
 * for the current entry; `+` synonyms (a `+` next to a blank or `_` starts
 * another: "+A_ +B_", "X+_Y"), then optional codes; anything else a new
 * entry — but, as in PETRARCH, a phrase line that comes while the current
 * entry has no code yet joins it. Comments: `#` to the end of the line,
 * `<!-- ... -->` (may span lines), a line starting `<!`. Codes: `[CODE]`,
 * `[CODE >DATE]`, `[CODE <DATE]`, `[CODE DATE-DATE]`, several per line;
 * DATE is YYYYMMDD or YYMMDD (YY 00-30 is 20YY, else 19YY, as PETRARCH
 * reads it); a date that cannot be read is dropped with a warning and the
 * code kept. `[---]` is the null code. In phrases `_` and blanks separate
 * words; an unclosed "(" ends the phrase ("(ACTING_"); control bytes and
 * characters other than letters, digits and - ' . , & / ( ) + are dropped
 * with a warning.
 *
 * Mapping. An entry with a plain 3-letter country code gives its names to
 * that state (the current code when there are several: IRAQ [IRQ <2003]
 * [IRQ >2006]). Else an entry with a dated code is a person (unless its
 * first phrase has an institution word: COUNCIL, FRONT, ...): one `leader`
 * whose id is the ASCII name, codes become roles, its main code `attrs`
 * and affiliation; one-word phrases become `short` names; a person left
 * without a full name is not written. Else the names go to the entry's
 * main code: an `org` actor with the code as id. An entry with only
 * `[---]` becomes a blocker on the owner of the longest alias inside it.
 * Phrases are re-cased as news text writes them (convert_word()); phrases
 * that name nobody in particular are skipped (useless_alias()); one owner
 * per alias and kind: the first claim in input order wins, the rest are
 * counted as dropped.
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/import.h"
#include "actorgraph/text.h"
#include "internal.h"
#include "text_internal.h"
#include "words.h"

#define FILE_MAX ((size_t)1 << 30)
#define ALIAS_MAX 1024   /* what the lexicon reader accepts */
#define CODE_MAX 64      /* a code becomes an id; ids may have 256 bytes */

/* --- small containers ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
} strbuf;

static int sb_add(strbuf *b, const char *s, size_t n)
{
    if (ag__grow((void **)&b->s, &b->cap, b->n + n + 1, 1) != 0)
        return -1;
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

static int sb_addc(strbuf *b, char c)
{
    return sb_add(b, &c, 1);
}

static void sb_clear(strbuf *b)
{
    b->n = 0;
    if (b->s)
        b->s[0] = '\0';
}

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static int sv_push(strvec *v, const char *s, size_t n)
{
    char *copy = ag__strndup(s, n);
    if (!copy || ag__grow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v) != 0) {
        free(copy);
        return -1;
    }
    v->v[v->n++] = copy;
    return 0;
}

static void sv_free(strvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    free(v->v);
    memset(v, 0, sizeof *v);
}

/* A string -> size_t map (open addressing, keys copied). */
typedef struct {
    char *key;
    size_t len;
    uint64_t hash;
    size_t value;
} slot;

typedef struct {
    slot *t;
    size_t cap, n;
} strmap;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = AG_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = ag__hash_byte(h, (unsigned char)s[i]);
    return h;
}

static slot *map_find(const strmap *m, const char *key, size_t len, uint64_t h)
{
    if (!m->cap)
        return NULL;
    for (size_t j = (size_t)h & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
        slot *e = &m->t[j];
        if (!e->key)
            return e;
        if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
            return e;
    }
}

static size_t *map_get(const strmap *m, const char *key, size_t len)
{
    slot *e = map_find(m, key, len, hash_bytes(key, len));
    return e && e->key ? &e->value : NULL;
}

/* Inserts key with value unless present; *existing tells which. Returns
 * the value slot or NULL when out of memory. */
static size_t *map_put(strmap *m, const char *key, size_t len, size_t value, int *existing)
{
    uint64_t h = hash_bytes(key, len);
    slot *e;
    if (m->n * 2 + 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        slot *t = (slot *)calloc(cap, sizeof *t), *old = m->t;
        size_t oldcap = m->cap;
        if (!t)
            return NULL;
        m->t = t;
        m->cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key)
                *map_find(m, old[i].key, old[i].len, old[i].hash) = old[i];
        free(old);
    }
    e = map_find(m, key, len, h);
    if (e->key) {
        *existing = 1;
        return &e->value;
    }
    e->key = ag__strndup(key, len);
    if (!e->key)
        return NULL;
    e->len = len;
    e->hash = h;
    e->value = value;
    m->n++;
    *existing = 0;
    return &e->value;
}

static void map_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->t[i].key);
    free(m->t);
    memset(m, 0, sizeof *m);
}

/* --- what the reader keeps ------------------------------------------------ */

typedef struct {
    char *code;             /* upper case; "---" for the null code */
    char from[11], to[11];  /* YYYY-MM-DD, "" when open */
    int dated;              /* a date restriction was written (even one that could not be read) */
} pcode;

typedef struct {
    char *words;            /* cleaned: words joined by single spaces, as written */
    unsigned long line, col;
} phrase;

typedef struct {
    phrase *ph;
    size_t n_ph, cap_ph;
    pcode *codes;
    size_t n_codes, cap_codes;
    size_t file;
    unsigned long line;
    int saw_code;           /* a `[` was seen (even if every code was skipped) */
} group;

enum { G_NONE, G_STATE, G_ORG, G_PERSON, G_BLOCKER };

typedef struct {
    char *id;
    char *label;
    ag_actor_type type;
    char *code;             /* the code; persons: their main code */
    size_t group;           /* persons: their entry */
    strvec names, shorts, nots;
    size_t n_groups;        /* entries whose names it holds */
    int label_undated;      /* the label comes from an entry with the code undated */
    int emitted;
} actor;

struct ag_import {
    ag_import_options opts;
    char *lexicon;
    strvec files;
    group *groups;
    size_t n_groups, cap_groups;
    actor *actors;
    size_t n_actors, cap_actors;
    strmap code_actor;      /* code -> actor index */
    strmap claims;          /* kind + form (+ actor) -> actor index */
    strmap initials;        /* context + initials of a phrase */
    strmap ids;             /* ids in use */
    ag_tokens toks;
    strbuf scratch;         /* the phrase being read */
    strbuf key;             /* map keys */
    strbuf text;            /* the alias being converted */
    strbuf form;            /* its form as the matcher sees it */
    ag_import_stats stats;
    int written;
};

/* --- messages ------------------------------------------------------------- */

static void warn(ag_import *imp, size_t file, unsigned long line, unsigned long col, const char *fmt, ...)
    AG_PRINTF(5, 6);

static void warn(ag_import *imp, size_t file, unsigned long line, unsigned long col, const char *fmt, ...)
{
    ag_error e;
    va_list ap;
    imp->stats.warnings++;
    if (!imp->opts.warn)
        return;
    memset(&e, 0, sizeof e);
    e.status = AG_ESYNTAX;
    snprintf(e.file, sizeof e.file, "%s", imp->files.v[file]);
    e.line = line;
    e.column = col;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    imp->opts.warn(imp->opts.userdata, AG_DIAG_WARNING, &e);
}

/* The 1-based column (in characters) of p on the line starting at start. */
static unsigned long column(const char *start, const char *p)
{
    unsigned long col = 1;
    for (; start < p; start++)
        if (((unsigned char)*start & 0xC0) != 0x80)
            col++;
    return col;
}

/* The line being read: the original bytes and a working copy with the same
 * offsets (comments blanked, control bytes marked 0x01). */
typedef struct {
    ag_import *imp;
    size_t file;
    unsigned long line;
    const char *orig;
    const char *work;
} lctx;

/* The column of a pointer into the working copy. */
static unsigned long col_at(const lctx *lc, const char *q)
{
    return column(lc->orig, lc->orig + (q - lc->work));
}

/* --- API: create, free ------------------------------------------------------ */

ag_status ag_import_new(ag_import_format format, const ag_import_options *opts, ag_import **out, ag_error *err)
{
    static const ag_import_options defaults = AG_IMPORT_OPTIONS_INIT;
    ag_import *imp = NULL;
    ag_status st = AG_OK;

    *out = NULL;
    if (format != AG_IMPORT_PETRARCH) {
        st = ag__fail(err, AG_EINVAL, "unknown import format %d", (int)format);
        goto done;
    }
    imp = (ag_import *)calloc(1, sizeof *imp);
    if (!imp) {
        st = ag__fail(err, AG_ENOMEM, "out of memory creating an importer");
        goto done;
    }
    imp->opts = opts ? *opts : defaults;
    imp->lexicon = ag__strdup(imp->opts.lexicon && *imp->opts.lexicon ? imp->opts.lexicon : "petrarch");
    if (!imp->lexicon) {
        st = ag__fail(err, AG_ENOMEM, "out of memory creating an importer");
        goto done;
    }
    imp->opts.lexicon = imp->lexicon;
    ag_tokens_init(&imp->toks);
    *out = imp;
    imp = NULL;   /* owned by the caller now */
done:
    ag_import_free(imp);
    return st;
}

void ag_import_free(ag_import *imp)
{
    if (!imp)
        return;
    for (size_t i = 0; i < imp->n_groups; i++) {
        group *g = &imp->groups[i];
        for (size_t k = 0; k < g->n_ph; k++)
            free(g->ph[k].words);
        for (size_t k = 0; k < g->n_codes; k++)
            free(g->codes[k].code);
        free(g->ph);
        free(g->codes);
    }
    free(imp->groups);
    for (size_t i = 0; i < imp->n_actors; i++) {
        actor *a = &imp->actors[i];
        free(a->id);
        free(a->label);
        free(a->code);
        sv_free(&a->names);
        sv_free(&a->shorts);
        sv_free(&a->nots);
    }
    free(imp->actors);
    sv_free(&imp->files);
    map_free(&imp->code_actor);
    map_free(&imp->claims);
    map_free(&imp->initials);
    map_free(&imp->ids);
    ag_tokens_free(&imp->toks);
    free(imp->scratch.s);
    free(imp->key.s);
    free(imp->text.s);
    free(imp->form.s);
    free(imp->lexicon);
    free(imp);
}

const ag_import_stats *ag_import_stats_get(const ag_import *imp)
{
    return &imp->stats;
}

int ag_import_format_parse(const char *name, ag_import_format *out)
{
    if (strcmp(name, "petrarch") == 0 || strcmp(name, "tabari") == 0 || strcmp(name, "cameo") == 0) {
        *out = AG_IMPORT_PETRARCH;
        return 0;
    }
    return -1;
}

/* --- reading: dates and codes --------------------------------------------- */

/* YYMMDD or YYYYMMDD (n digits at s) as YYYY-MM-DD; -1 when not a date. */
static int parse_date(const char *s, size_t n, char out[11])
{
    static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, d;
    if (n == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else {
        return -1;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return -1;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return -1;
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static size_t digits(const char *s, const char *end)
{
    size_t n = 0;
    while (s + n < end && s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

/* Reads the inside of one `[...]`; adds the code to g or warns. p..end is
 * the text between the brackets, `line0` the start of the line. */
static ag_status read_code(const lctx *lc, group *g, const char *p, const char *end, int *used, ag_error *err)
{
    ag_import *imp = lc->imp;
    size_t file = lc->file;
    unsigned long lineno = lc->line;
    const char *c0, *c1, *q;
    pcode pc;
    size_t n;

    memset(&pc, 0, sizeof pc);
    imp->stats.codes++;
    while (p < end && is_blank(*p))
        p++;
    while (end > p && is_blank(end[-1]))
        end--;
    if (p == end) {
        warn(imp, file, lineno, col_at(lc, p), "empty code \"[]\" skipped");
        imp->stats.skipped_codes++;
        return AG_OK;
    }
    c0 = p;
    while (p < end && !is_blank(*p) && *p != '<' && *p != '>')
        p++;
    c1 = p;
    if (c1 - c0 > CODE_MAX) {
        warn(imp, file, lineno, col_at(lc, c0), "code \"%.20s...\" is longer than %d characters; skipped", c0, CODE_MAX);
        imp->stats.skipped_codes++;
        return AG_OK;
    }
    if (!(c1 - c0 == 3 && memcmp(c0, "---", 3) == 0)) {
        for (q = c0; q < c1; q++) {
            if (!isalnum((unsigned char)*q)) {
                warn(imp, file, lineno, col_at(lc, c0), "code \"%.*s\" may hold only letters and digits; skipped",
                     (int)(c1 - c0), c0);
                imp->stats.skipped_codes++;
                return AG_OK;
            }
        }
    }
    while (p < end && is_blank(*p))
        p++;
    pc.dated = p < end;
    if (p < end) {
        const char *r = p;
        if (*p == '<' || *p == '>') {
            char dir = *p++;
            while (p < end && is_blank(*p))
                p++;
            n = digits(p, end);
            if (n == 0 || p + n != end)
                goto bad_restriction;
            if (parse_date(p, n, dir == '>' ? pc.from : pc.to) != 0)
                goto bad_date;
        } else {
            const char *d2;
            size_t n2;
            n = digits(p, end);
            if (n == 0)
                goto bad_restriction;
            q = p + n;
            while (q < end && is_blank(*q))
                q++;
            if (q == end || *q != '-')
                goto bad_restriction;
            q++;
            while (q < end && is_blank(*q))
                q++;
            d2 = q;
            n2 = digits(d2, end);
            if (n2 == 0 || d2 + n2 != end)
                goto bad_restriction;
            if (parse_date(p, n, pc.from) != 0)
                goto bad_date;
            if (parse_date(d2, n2, pc.to) != 0) {
                p = d2;
                n = n2;
                goto bad_date;
            }
            if (strcmp(pc.to, pc.from) < 0) {
                warn(imp, file, lineno, col_at(lc, r), "date range \"%.*s\" ends before it starts; dates dropped",
                     (int)(end - r), r);
                goto no_dates;
            }
        }
        goto ok;
    bad_restriction:
        warn(imp, file, lineno, col_at(lc, r),
             "cannot read the date restriction \"%.*s\" (>DATE, <DATE or DATE-DATE); dates dropped", (int)(end - r),
             r);
        goto no_dates;
    bad_date:
        warn(imp, file, lineno, col_at(lc, p), "\"%.*s\" is not a date (YYMMDD or YYYYMMDD); dates dropped", (int)n,
             p);
    no_dates:
        imp->stats.bad_dates++;
        pc.from[0] = pc.to[0] = '\0';
    }
ok:
    pc.code = ag__strndup(c0, (size_t)(c1 - c0));
    if (!pc.code || ag__grow((void **)&g->codes, &g->cap_codes, g->n_codes + 1, sizeof *g->codes) != 0) {
        free(pc.code);
        return ag__fail(err, AG_ENOMEM, "out of memory reading %s", imp->files.v[file]);
    }
    for (char *s = pc.code; *s; s++)
        *s = (char)toupper((unsigned char)*s);
    g->codes[g->n_codes++] = pc;
    (*used)++;
    return AG_OK;
}

/* Reads every `[...]` from p on. */
static ag_status read_codes(const lctx *lc, group *g, const char *p, const char *end, int *used, ag_error *err)
{
    ag_import *imp = lc->imp;
    ag_status st = AG_OK;
    g->saw_code = 1;
    while (p < end && st == AG_OK) {
        const char *close;
        if (is_blank(*p)) {
            p++;
            continue;
        }
        if (*p != '[') {
            const char *e = end;
            while (e > p && is_blank(e[-1]))
                e--;
            warn(imp, lc->file, lc->line, col_at(lc, p), "text after the codes ignored: \"%.*s\"", (int)(e - p), p);
            break;
        }
        close = memchr(p, ']', (size_t)(end - p));
        if (!close)
            return ag__fail_at(err, AG_ESYNTAX, imp->files.v[lc->file], lc->line, col_at(lc, p),
                               "unterminated code: \"[\" without \"]\"");
        st = read_code(lc, g, p + 1, close, used, err);
        p = close + 1;
    }
    return st;
}

/* --- reading: phrases ------------------------------------------------------ */

static int phrase_char_ok(unsigned char c)
{
    return c >= 0x80 || isalnum(c) || c == '-' || c == '\'' || c == '.' || c == ',' || c == '&' || c == '/' ||
           c == '(' || c == ')' || c == '+';
}

/* Cleans one phrase (p..end, no `+` inside) into words joined by single
 * spaces and adds it to g; warns about what it drops. */
static ag_status add_phrase(const lctx *lc, group *g, const char *p, const char *end, int *used, ag_error *err)
{
    ag_import *imp = lc->imp;
    size_t file = lc->file;
    unsigned long lineno = lc->line;
    strbuf *b = &imp->scratch;
    int depth = 0, pending_space = 0;
    phrase ph;

    sb_clear(b);
    imp->stats.phrases++;
    for (const char *q = p; q < end; q++) {
        unsigned char c = (unsigned char)*q;
        if (c == '(' && !memchr(q, ')', (size_t)(end - q)))
            break;   /* "STANKO_TODOROV (ACTING_": an unclosed note ends the phrase */
        if (c == '(')
            depth++;
        if (c == ')') {
            if (depth == 0) {
                warn(imp, file, lineno, col_at(lc, q), "character ')' dropped from the phrase");
                continue;
            }
            depth--;
        }
        if (c == '_' || c == ' ' || c == '\t') {
            pending_space = b->n > 0;
            continue;
        }
        if (c == 0x01)   /* a control byte removed (and reported) by the line reader */
            continue;
        if (c == '`')
            c = '\'';
        if (!phrase_char_ok(c)) {
            warn(imp, file, lineno, col_at(lc, q), "character '%c' dropped from the phrase", c);
            continue;
        }
        if (pending_space && sb_addc(b, ' ') != 0)
            goto nomem;
        pending_space = 0;
        if (sb_addc(b, (char)c) != 0)
            goto nomem;
    }
    {
        int alnum = 0;
        for (size_t i = 0; i < b->n; i++)
            if ((unsigned char)b->s[i] >= 0x80 || isalnum((unsigned char)b->s[i]))
                alnum = 1;
        if (!alnum) {
            warn(imp, file, lineno, col_at(lc, p), "phrase \"%.*s\" has no letter or digit; skipped",
                 (int)(end - p), p);
            imp->stats.skipped_phrases++;
            return AG_OK;
        }
    }
    ph.words = ag__strndup(b->s, b->n);
    ph.line = lineno;
    ph.col = col_at(lc, p);
    if (!ph.words || ag__grow((void **)&g->ph, &g->cap_ph, g->n_ph + 1, sizeof *g->ph) != 0) {
        free(ph.words);
        goto nomem;
    }
    g->ph[g->n_ph++] = ph;
    (*used)++;
    return AG_OK;
nomem:
    return ag__fail(err, AG_ENOMEM, "out of memory reading %s", imp->files.v[file]);
}

/* The phrases of p..end: a `+` next to a blank or `_` starts another one
 * ("+TAIOAN_ +TAWIAN_", "AL_ISLAMI+_ISLAMIC_ADEN_ARMY_"); one between two
 * letters belongs to the name ("B+H_OCEAN_CARRIERS_"). */
static ag_status add_phrases(const lctx *lc, group *g, const char *p, const char *end, int *used, ag_error *err)
{
    ag_status st = AG_OK;
    while (p < end && st == AG_OK) {
        const char *plus = p, *e, *s = p;
        while ((plus = memchr(plus, '+', (size_t)(end - plus))) != NULL) {
            int before = plus == p || is_blank(plus[-1]) || plus[-1] == '_';
            int after = plus + 1 == end || is_blank(plus[1]) || plus[1] == '_';
            if (before || after)
                break;
            plus++;
        }
        e = plus ? plus : end;
        while (s < e && is_blank(*s))
            s++;
        while (e > s && is_blank(e[-1]))
            e--;
        if (s < e)
            st = add_phrase(lc, g, s, e, used, err);
        p = plus ? plus + 1 : end;
    }
    return st;
}

static group *new_group(ag_import *imp, size_t file, unsigned long lineno)
{
    group *g;
    if (ag__grow((void **)&imp->groups, &imp->cap_groups, imp->n_groups + 1, sizeof *imp->groups) != 0)
        return NULL;
    g = &imp->groups[imp->n_groups++];
    memset(g, 0, sizeof *g);
    g->file = file;
    g->line = lineno;
    imp->stats.entries++;
    return g;
}

static ag_status parse(ag_import *imp, size_t file, const char *data, size_t len, ag_error *err)
{
    const char *name = imp->files.v[file], *p = data, *end = data + len;
    char *work = NULL;
    size_t work_cap = 0, bad;
    unsigned long lineno = 0, comment_line = 0, comment_col = 0;
    int in_comment = 0;
    group *cur = NULL;
    ag_status st = AG_OK;

    if ((bad = ag__utf8_invalid_at(data, len)) < len) {
        const char *ls = data + bad;
        unsigned long ln = 1;
        for (const char *q = data; q < data + bad; q++)
            if (*q == '\n')
                ln++;
        while (ls > data && ls[-1] != '\n')
            ls--;
        st = ag__fail_at(err, AG_ESYNTAX, name, ln, column(ls, data + bad), "invalid UTF-8 (byte 0x%02X)",
                         (unsigned char)data[bad]);
        goto done;
    }
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    imp->stats.files++;

    while (p < end && st == AG_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end, *line0 = p;
        size_t n, i, first;
        int used = 0, has_text = 0;
        char c;

        lineno++;
        imp->stats.lines++;
        if (le > p && le[-1] == '\r')
            le--;
        n = (size_t)(le - p);
        if (ag__grow((void **)&work, &work_cap, n + 1, 1) != 0) {
            st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", name);
            goto done;
        }
        /* the line with comments blanked and control bytes marked, offsets kept */
        for (i = 0; i < n;) {
            if (in_comment) {
                if (n - i >= 3 && memcmp(p + i, "-->", 3) == 0) {
                    memset(work + i, ' ', 3);
                    i += 3;
                    in_comment = 0;
                } else {
                    work[i++] = ' ';
                }
            } else if (p[i] == '#') {
                memset(work + i, ' ', n - i);
                i = n;
            } else if (n - i >= 2 && memcmp(p + i, "<!", 2) == 0 && !(n - i >= 4 && memcmp(p + i, "<!--", 4) == 0) &&
                       !has_text) {
                memset(work + i, ' ', n - i);   /* "<! -- ... -->": PETRARCH skips a line that starts "<!" */
                i = n;
            } else if (n - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
                in_comment = 1;
                comment_line = lineno;
                comment_col = column(p, p + i);
                memset(work + i, ' ', 4);
                i += 4;
            } else {
                unsigned char b = (unsigned char)p[i];
                if ((b < 0x20 && b != '\t') || b == 0x7F) {
                    warn(imp, file, lineno, column(p, p + i), "control byte 0x%02X removed", b);
                    work[i++] = 0x01;
                } else {
                    work[i] = p[i];
                    if (!is_blank(p[i]))
                        has_text = 1;
                    i++;
                }
            }
        }
        work[n] = '\0';
        p = nl ? nl + 1 : end;
        if (!has_text)
            continue;
        for (first = 0; first < n && (is_blank(work[first]) || work[first] == 0x01); first++)
            ;
        if (first == n)
            continue;
        c = work[first];
        {
            lctx lcv = { imp, file, lineno, line0, work };
            const lctx *lc = &lcv;
            const char *wend = work + n, *wl = work + first, *bracket;
            if (c == '[' || c == '+') {
                if (!cur) {
                    st = ag__fail_at(err, AG_ESYNTAX, name, lineno, col_at(lc, wl), "%s before any entry",
                                     c == '[' ? "a code" : "a synonym");
                    goto done;
                }
                if (c == '+')
                    wl++;
            } else if (!cur || cur->saw_code) {
                if (!(cur = new_group(imp, file, lineno))) {
                    st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", name);
                    goto done;
                }
            }
            bracket = memchr(wl, '[', (size_t)(wend - wl));
            if (!bracket)
                bracket = wend;
            if (c != '[')
                st = add_phrases(lc, cur, wl, bracket, &used, err);
            if (st == AG_OK && bracket < wend)
                st = read_codes(lc, cur, bracket, wend, &used, err);
            if (st == AG_OK && !used) {
                warn(imp, file, lineno, col_at(lc, work + first), "nothing usable on this line; skipped");
                imp->stats.skipped_lines++;
            }
        }
    }
    if (in_comment)
        st = ag__fail_at(err, AG_ESYNTAX, name, comment_line, comment_col, "unterminated comment: \"<!--\" without \"-->\"");
done:
    free(work);
    return st;
}

ag_status ag_import_add_buffer(ag_import *imp, const char *name, const char *data, size_t len, ag_error *err)
{
    if (imp->written)
        return ag__fail(err, AG_EINVAL, "the importer has already written its lexicon");
    if (sv_push(&imp->files, name, strlen(name)) != 0)
        return ag__fail(err, AG_ENOMEM, "out of memory reading %s", name);
    return parse(imp, imp->files.n - 1, data, len, err);
}

ag_status ag_import_add_file(ag_import *imp, const char *path, ag_error *err)
{
    FILE *fp = NULL;
    char *data = NULL;
    size_t len = 0, cap = 0;
    ag_status st = AG_OK;

    fp = fopen(path, "rb");
    if (!fp) {
        st = ag__fail_at(err, errno == ENOENT ? AG_ENOENT : AG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        goto done;
    }
    for (;;) {
        size_t got;
        if (ag__grow((void **)&data, &cap, len + 65536, 1) != 0) {
            st = ag__fail_at(err, AG_ENOMEM, path, 0, 0, "out of memory reading the file");
            goto done;
        }
        got = fread(data + len, 1, cap - len, fp);
        len += got;
        if (len > FILE_MAX) {
            st = ag__fail_at(err, AG_ELIMIT, path, 0, 0, "dictionary is larger than %zu bytes", FILE_MAX);
            goto done;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        st = ag__fail_at(err, AG_EIO, path, 0, 0, "read error: %s", strerror(errno));
        goto done;
    }
    st = ag_import_add_buffer(imp, path, data ? data : "", len, err);
done:
    if (fp)
        fclose(fp);
    free(data);
    return st;
}

/* --- codes ------------------------------------------------------------------ */

/* Three-letter CAMEO codes that are not countries: regions, sectors and
 * roles, religions. Every other three-letter code is taken for a state. */
static const char *const not_states[] = {
    "AFR", "AGR", "ARB", "ASA", "ATH", "BAH", "BLK", "BUD", "BUS", "CAS", "CAU", "CFR", "CHR", "CON", "COP",
    "CRB", "CRM", "CVL", "DEV", "EAF", "EDU", "EEU", "EIN", "ELI", "ENV", "EUR", "GOV", "HIN", "HLH", "HRI",
    "IGO", "IMG", "INS", "ITJ", "JAN", "JEW", "JUD", "LAB", "LAM", "LEG", "MDS", "MEA", "MED", "MIL", "MNC",
    "MOD", "MOS", "NAF", "NGM", "NGO", "NMR", "OCC", "OPP", "PGS", "PTY", "RAD", "REB", "REF", "REL", "SAF",
    "SAM", "SAS", "SCN", "SEA", "SEP", "SHI", "SHN", "SIK", "SPY", "TAM", "TAO", "UAF", "UIG", "UNK", "UNO",
    "UNR", "WAF", "WEU", "WST", "ZRO",
};

static int is_state_code(const char *c)
{
    if (strlen(c) != 3 || !isupper((unsigned char)c[0]) || !isupper((unsigned char)c[1]) ||
        !isupper((unsigned char)c[2]))
        return 0;
    for (size_t i = 0; i < sizeof not_states / sizeof not_states[0]; i++)
        if (strcmp(c, not_states[i]) == 0)
            return 0;
    return 1;
}

/* A place inside a state: a state code and another country code
 * (USAGUM Guam, GBRGIB Gibraltar, PSEGZA Gaza, YUGHRV Croatia in
 * Yugoslavia). Its names are place names, cased like a state's. */
static int is_territory_code(const char *c)
{
    char a[4], b[4];
    if (strlen(c) != 6)
        return 0;
    memcpy(a, c, 3);
    memcpy(b, c + 3, 3);
    a[3] = b[3] = '\0';
    return is_state_code(a) && is_state_code(b);
}

static int is_null_code(const pcode *c)
{
    return strcmp(c->code, "---") == 0;
}

/* Rank of a code as an entry's main code (higher is better). People: the
 * open-ended role that started last, then the one that ended last, then a
 * code without dates. Others: a code without dates first. */
static int better_code(const pcode *a, const pcode *b, int person)
{
    int ca = !a->from[0] && !a->to[0] ? 0 : !a->to[0] ? 2 : 1;
    int cb = !b->from[0] && !b->to[0] ? 0 : !b->to[0] ? 2 : 1;
    if (!person) {
        ca = ca == 0 ? 3 : ca;
        cb = cb == 0 ? 3 : cb;
    }
    if (ca != cb)
        return ca > cb;
    if (ca == 2)
        return strcmp(a->from, b->from) > 0;
    if (ca == 1)
        return strcmp(a->to, b->to) > 0 || (strcmp(a->to, b->to) == 0 && strcmp(a->from, b->from) > 0);
    return 0;
}

/* The main code among g's non-null codes (only state codes when `states`). */
static const pcode *main_code(const group *g, int person, int states)
{
    const pcode *best = NULL;
    for (size_t i = 0; i < g->n_codes; i++) {
        const pcode *c = &g->codes[i];
        if (is_null_code(c) || (states && !is_state_code(c->code)))
            continue;
        if (!best || better_code(c, best, person))
            best = c;
    }
    return best;
}

/* --- words --------------------------------------------------------------- */

static int word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(*list, w, n) == 0)
            return 1;
    return 0;
}

/* Words that make a dated entry an institution, not a person. */
static const char *const institution_words[] = {
    "ACADEMY", "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION", "AUTHORITY",
    "BANK", "BATTALION", "BLOC", "BOARD", "BRIGADE", "BRIGADES", "BUREAU", "CABINET", "CENTER", "CENTRE",
    "COALITION", "COMMAND", "COMMISSION", "COMMITTEE", "COMPANY", "CONGRESS", "CORPORATION", "COUNCIL",
    "COURT", "DEPARTMENT", "DISTRICT", "DIVISION", "FEDERATION", "FORCE", "FORCES", "FOUNDATION", "FRONT",
    "FUND", "GOVERNMENT", "GROUP", "GUARD", "GUARDS", "INSTITUTE", "INTERNET", "ISLANDS", "KINGDOM",
    "LEAGUE", "MILITIA", "MINISTRY", "MOVEMENT", "NETWORK", "OFFICE", "OPPOSITION", "ORGANISATION",
    "ORGANIZATION", "PARLIAMENT", "PARTY", "POLICE", "PROGRAM", "PROGRAMME", "PROVINCE", "REBELS",
    "REGIMENT", "REGION", "REPUBLIC", "SENATE", "SERVICE", "SERVICES", "SOCIETY", "STATE", "STATES",
    "TRIBUNAL", "TROOPS", "UNION", "UNIVERSITY", NULL,
};

/* Name particles, written in lower case. The foreign ones also get a
 * variant with a capital (cap_particle()). */
static const char *const english_particles[] = { "OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH",
                                                 NULL };
static const char *const foreign_particles[] = { "AL", "EL", "BIN", "IBN", "BINT", "DE", "DA", "DO", "DOS", "DAS",
                                                 "DEL", "DELLA", "DI", "DU", "DES", "LA", "LE", "LES", "VAN",
                                                 "VON", "DER", "DEN", "TER", NULL };

/* Abbreviations without a vowel that are not acronyms. */
static const char *const abbreviations[] = { "MR", "MRS", "MS", "DR", "ST", "JR", "SR", "LT", "SGT", "CPL",
                                             "PVT", "MT", "FT", "MSGR", "LTD", "PLC", "LLC", "HLDGS", "SVC",
                                             "BLVD", "MGMT", "INTL", "NATL", "DEPT", "GOVT", NULL };

/* Particles news text often capitalises whatever the name ("Al Qaeda"). */
static const char *const arabic_particles[] = { "AL", "EL", "BIN", "IBN", "BINT", NULL };

static int is_particle(const char *w, size_t n)
{
    return word_in(w, n, english_particles) || word_in(w, n, foreign_particles);
}

/* Upper/lower case of a code point in the Latin, Greek and Cyrillic
 * blocks that dictionaries use; other code points are returned as they are. */
static uint32_t cp_lower(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c == 0x130)
        return 'i';
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    return c;
}

static uint32_t cp_upper(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) ||
        (c >= 0x430 && c <= 0x44F))
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    if (c == 0xFF)
        return 0x178;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c & ~1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c : c - 1;
    return c;
}

static int put_cp(strbuf *b, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return sb_add(b, u, n);
}

/* Decodes the code point at *p (valid UTF-8: checked when the file was read). */
static uint32_t next_cp(const char **p, const char *end)
{
    uint32_t c;
    size_t n = ag__utf8_decode((const unsigned char *)*p, (const unsigned char *)end, &c);
    if (n == 0) {
        c = (unsigned char)**p;
        n = 1;
    }
    *p += n;
    return c;
}

/* Letters, lower-case letters, digits and vowels of a word. */
typedef struct {
    size_t letters, lower, digits, vowels, dots;
} word_shape;

static int is_letter(uint32_t c)
{
    fold_entry scratch;
    if (c < 0x80)
        return isalpha((int)c);
    return ag__fold_lookup(c, &scratch)->cls == FC_LETTER;
}

static word_shape shape(const char *w, size_t n)
{
    word_shape s = { 0, 0, 0, 0, 0 };
    const char *p = w, *end = w + n;
    while (p < end) {
        uint32_t c = next_cp(&p, end);
        if (c >= '0' && c <= '9')
            s.digits++;
        else if (c == '.')
            s.dots++;
        else if (is_letter(c)) {
            s.letters++;
            if (cp_upper(c) != c)
                s.lower++;
            if (c >= 0x80 || strchr("AEIOUYaeiouy", (int)c))
                s.vowels++;   /* any non-ASCII letter counts as a vowel */
        }
    }
    return s;
}

/* Appends w with its first letter upper case and the rest lower case. */
static int put_title(strbuf *b, const char *w, size_t n)
{
    const char *p = w, *end = w + n;
    int first = 1;
    while (p < end) {
        uint32_t c = next_cp(&p, end);
        if (put_cp(b, first ? cp_upper(c) : cp_lower(c)) != 0)
            return -1;
        first = 0;
    }
    return 0;
}

static int put_lower(strbuf *b, const char *w, size_t n)
{
    const char *p = w, *end = w + n;
    while (p < end)
        if (put_cp(b, cp_lower(next_cp(&p, end))) != 0)
            return -1;
    return 0;
}

/* What the case of a word depends on beyond the word itself. */
typedef struct {
    ag_import *imp;
    const char *context;   /* the code (or "#entry") whose names vouch for acronyms */
    int kind;              /* G_STATE, G_ORG, G_PERSON, G_BLOCKER */
    int single;            /* the phrase is this one word */
    int first;             /* the word opens the phrase */
    int last;              /* the word ends the phrase */
    int cap_particles;     /* the variant with capitalised particles (cap_particle()) */
} word_ctx;

/* Whether the context's names (or, with context "*", any names) vouch
 * for w as an acronym. */
static int initials_known(ag_import *imp, const char *context, const char *w, size_t n)
{
    strbuf *b = &imp->key;
    sb_clear(b);
    if (sb_add(b, context, strlen(context)) != 0 || sb_addc(b, '\x1F') != 0 || sb_add(b, w, n) != 0)
        return 0;
    return map_get(&imp->initials, b->s, b->n) != NULL;
}

/* Whether this variant writes the particle with a capital: foreign
 * particles in people's names (Nguyen Van Linh), Arabic ones everywhere
 * (Al-Qaeda). */
static int cap_particle(const word_ctx *wc, const char *w, size_t n)
{
    if (!wc->cap_particles)
        return 0;
    return word_in(w, n, arabic_particles) || (wc->kind == G_PERSON && word_in(w, n, foreign_particles));
}

static int is_roman(const char *w, size_t n)
{
    if (n == 0 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVX", w[i]))
            return 0;
    return 1;
}

/* One part of a word between hyphens and apostrophes, title-cased unless a
 * rule says otherwise. `sep` is the character before it (0 for the first
 * part), `prev_n` the length of the part before, `next` the character
 * after it (0 for the last part). */
static int put_part(strbuf *b, const word_ctx *wc, const char *w, size_t n, char sep, size_t prev_n, char next)
{
    if (n == 0)
        return 0;
    if (sep == '\'') {
        /* O'Brien, N'Djamena, d'Ivoire; Qa'ida, Dato' */
        if (prev_n <= 1)
            return put_title(b, w, n);
        return put_lower(b, w, n);
    }
    if (sep == 0 && next == '\'' && n == 1 && (w[0] == 'D' || w[0] == 'L') && !wc->first)
        return put_lower(b, w, n);   /* Côte d'Ivoire, Giscard d'Estaing */
    if ((sep == '-' || next == '-') && is_particle(w, n) && !cap_particle(wc, w, n))
        return put_lower(b, w, n);   /* al-Qaeda, Bashar al-Assad, state-of-the-art */
    if (sep == '-' && n == 1)
        return put_lower(b, w, n);   /* Mazar-i-Sharif, Sar-e Pol */
    if (n >= 4 && strncmp(w, "MC", 2) == 0 && isalpha((unsigned char)w[2]))
        return sb_add(b, "Mc", 2) || put_title(b, w + 2, n - 2);   /* McCain */
    return put_title(b, w, n);
}

/*
 * The case news text uses for one word of an upper-case phrase:
 * - written with a lower-case letter, a digit or '&', or without letters:
 *   kept as written ("Secy", "G7", "AT&T");
 * - dotted initials stay ("U.S.", "W."); other dotted words are
 *   title-cased ("St.", "Gen.");
 * - particles are lower case (of, the, and, al, bin, de, van, ...), except
 *   an English one that opens the phrase ("In Tam", "On Semiconductor");
 * - acronyms stay upper case: a word without a vowel (BBC, PKK; not Mr, Dr,
 *   St), a word that spells the initials of another name of the same code
 *   (NATO beside North Atlantic Treaty Organization, UN beside United
 *   Nations), a one-word phrase of at most three letters other than a
 *   person's (UK, PRC), a one-word phrase of at most five letters for an
 *   organisation (OPEC, HAMAS), and, outside people's names, a word that
 *   is a two-letter one-word name elsewhere ("US Secretary of Defense",
 *   because US is a name of the United States);
 * - Roman numerals ending a name stay (William Howard Taft IV);
 * - everything else is title-cased part by part: Guinea-Bissau, O'Brien,
 *   McCain, al-Qaeda, Mazar-i-Sharif.
 */
static int convert_word(strbuf *b, const word_ctx *wc, const char *w, size_t n)
{
    word_shape s;

    if (n >= 2 && w[0] == '(')   /* "(AAIA)", "(NORTH)": the word inside */
        return sb_addc(b, '(') || convert_word(b, wc, w + 1, n - 1);
    if (n >= 2 && w[n - 1] == ')')
        return convert_word(b, wc, w, n - 1) || sb_addc(b, ')');
    s = shape(w, n);

    if (s.letters == 0 || s.lower > 0 || s.digits > 0 || memchr(w, '&', n))
        return sb_add(b, w, n);
    if (s.dots > 0) {
        int initials = 1;
        size_t run = 0;
        for (size_t i = 0; i < n; i++) {
            if (w[i] == '.') {
                if (run > 1)
                    initials = 0;
                run = 0;
            } else if (((unsigned char)w[i] & 0xC0) != 0x80) {
                run++;
            }
        }
        if (run > 1)
            initials = 0;
        if (initials)
            return sb_add(b, w, n);
    } else {
        /* an English particle that opens a name is the name's first word: "In Tam", "On Semiconductor" */
        int opens_name = wc->first && word_in(w, n, english_particles) && !(n == 3 && strncmp(w, "THE", 3) == 0);
        if (is_particle(w, n) && !wc->single && !opens_name)
            return cap_particle(wc, w, n) ? put_title(b, w, n) : put_lower(b, w, n);
        if (s.vowels == 0 && s.letters >= 2 && !word_in(w, n, abbreviations))
            return sb_add(b, w, n);
        if (wc->single && wc->kind != G_PERSON && s.letters <= 3)
            return sb_add(b, w, n);
        if (wc->single && wc->kind == G_ORG && s.letters <= 5)
            return sb_add(b, w, n);
        if (s.letters >= 2 && (initials_known(wc->imp, wc->context, w, n) ||
                               (wc->kind != G_PERSON && initials_known(wc->imp, "*", w, n))))
            return sb_add(b, w, n);
        if (!wc->first && wc->last && is_roman(w, n))
            return sb_add(b, w, n);   /* William Howard Taft IV */
    }
    /* title case, part by part */
    {
        const char *part = w;
        size_t prev_n = 0;
        char sep = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || w[i] == '-' || w[i] == '\'' || w[i] == '.' || w[i] == ',' || w[i] == '/') {
                size_t pn = (size_t)(w + i - part);
                char next = i < n ? w[i] : 0;
                if (put_part(b, wc, part, pn, sep, prev_n, next) != 0 || (next && sb_addc(b, next) != 0))
                    return -1;
                sep = next;
                prev_n = pn;
                part = w + i + 1;
            }
        }
    }
    return 0;
}

/* --- phrases to aliases ------------------------------------------------------ */

enum { V_CAP_PARTICLES = 1u, V_AL_TOGGLE = 2u, V_COUNT = 4u };

static int is_al(const char *w, size_t n)
{
    return n == 2 && (strncmp(w, "AL", 2) == 0 || strncmp(w, "EL", 2) == 0);
}

/* The number of words of a cleaned phrase. */
static size_t count_words(const char *words)
{
    size_t n = 0;
    for (const char *p = words; *p;) {
        size_t len = strcspn(p, " ");
        if (len)
            n++;
        p += len;
        while (*p == ' ')
            p++;
    }
    return n;
}

/* Converts a cleaned phrase (words joined by spaces) into the alias in
 * imp->text. Variants: V_CAP_PARTICLES capitalises particles (cap_particle()),
 * V_AL_TOGGLE writes "al Bashir" as "al-Bashir" and "al-Assad" as "al Assad".
 * Returns 0, or -1 when out of memory. */
static int convert_phrase(ag_import *imp, const char *words, const char *context, int kind, unsigned variant)
{
    strbuf *out = &imp->text;
    const char *p = words;
    size_t n = count_words(words), k = 0;
    word_ctx wc;

    sb_clear(out);
    if (n >= 2 && strncmp(p, "THE ", 4) == 0) {
        p += 4;   /* "THE_UNITED_NATIONS": text that says "the" matches anyway */
        n--;
    }
    wc.imp = imp;
    wc.context = context;
    wc.kind = kind;
    wc.single = n == 1;
    wc.cap_particles = (variant & V_CAP_PARTICLES) != 0;
    for (; *p; k++) {
        const char *word = p;
        size_t len = strcspn(p, " ");
        char sep = ' ';
        p += len;
        while (*p == ' ')
            p++;
        wc.first = k == 0;
        wc.last = k + 1 == n;
        if ((variant & V_AL_TOGGLE) && is_al(word, len) && k + 1 < n) {
            sep = '-';   /* al Bashir -> al-Bashir */
        } else if ((variant & V_AL_TOGGLE) && len > 3 && is_al(word, 2) && word[2] == '-') {
            wc.single = wc.last = 0;   /* "al-Qaeda" as "al Qaeda": two words now */
            if (convert_word(out, &wc, word, 2) != 0 || sb_addc(out, ' ') != 0)
                return -1;
            wc.first = 0;
            wc.last = k + 1 == n;
            word += 3;
            len -= 3;
        }
        if (convert_word(out, &wc, word, len) != 0)
            return -1;
        if (k + 1 < n && sb_addc(out, sep) != 0)
            return -1;
    }
    return 0;
}


static int has_institution_word(const char *words)
{
    char up[64];
    for (const char *p = words; *p;) {
        size_t len = strcspn(p, " -");
        if (len < sizeof up) {
            for (size_t i = 0; i < len; i++)
                up[i] = (char)toupper((unsigned char)p[i]);
            if (word_in(up, len, institution_words))
                return 1;
        }
        p += len;
        while (*p == ' ' || *p == '-')
            p++;
    }
    return 0;
}

/* Records the initials of a phrase of two or more words (all words, and
 * without particles) as acronyms the context vouches for. */
static int add_initials(ag_import *imp, const char *context, const char *words)
{
    char all[64], some[64];
    size_t na = 0, ns = 0, nw = 0;
    for (const char *p = words; *p;) {
        size_t len = strcspn(p, " ");
        if (len && isalpha((unsigned char)*p) && na < sizeof all) {
            char c = (char)toupper((unsigned char)*p);
            all[na++] = c;
            if (!is_particle(p, len) && ns < sizeof some)
                some[ns++] = c;
        }
        nw++;
        p += len;
        while (*p == ' ')
            p++;
    }
    if (nw < 2)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *ini = pass ? some : all;
        size_t n = pass ? ns : na;
        strbuf *b = &imp->key;
        int existing;
        if (n < 2 || n >= sizeof all)
            continue;
        sb_clear(b);
        if (sb_add(b, context, strlen(context)) != 0 || sb_addc(b, '\x1F') != 0 || sb_add(b, ini, n) != 0 ||
            !map_put(&imp->initials, b->s, b->n, 0, &existing))
            return -1;
    }
    return 0;
}

/* A two-letter one-word name of a state or organisation (US, UK, UN, EU)
 * is an acronym in every phrase other than people's names. */
static int add_global_acronym(ag_import *imp, int kind, const char *words)
{
    size_t len = strlen(words);
    word_shape s = shape(words, len);
    strbuf *b = &imp->key;
    int existing;
    if (kind == G_PERSON || len != 2 || s.letters != 2 || s.lower != 0 || is_particle(words, len))
        return 0;
    sb_clear(b);
    if (sb_add(b, "*\x1F", 2) != 0 || sb_add(b, words, len) != 0 || !map_put(&imp->initials, b->s, b->n, 0, &existing))
        return -1;
    return 0;
}

/* The alias as the matcher sees it (as lexicon.c computes it): folded
 * tokens, case kept, joined by 0x1F. Empty when it has no token. */
static int alias_form(ag_import *imp, const char *s, strbuf *out)
{
    ag_error e;
    char buf[64];
    sb_clear(out);
    if (ag_tokenize(s, strlen(s), &imp->toks, &e) != AG_OK)
        return -1;
    for (size_t k = 0; k < imp->toks.n; k++) {
        const ag_token *t = &imp->toks.v[k];
        size_t need = ag_fold(s + t->start, t->end - t->start, 0, buf, sizeof buf);
        if (k && sb_addc(out, '\x1F') != 0)
            return -1;
        if (need < sizeof buf) {
            if (sb_add(out, buf, need) != 0)
                return -1;
        } else {
            char *big = (char *)malloc(need + 1);
            if (!big)
                return -1;
            ag_fold(s + t->start, t->end - t->start, 0, big, need + 1);
            if (sb_add(out, big, need) != 0) {
                free(big);
                return -1;
            }
            free(big);
        }
    }
    return 0;
}

/* --- actors and claims -------------------------------------------------------- */

static actor *new_actor(ag_import *imp, size_t *index)
{
    actor *a;
    if (ag__grow((void **)&imp->actors, &imp->cap_actors, imp->n_actors + 1, sizeof *imp->actors) != 0)
        return NULL;
    *index = imp->n_actors;
    a = &imp->actors[imp->n_actors++];
    memset(a, 0, sizeof *a);
    a->group = (size_t)-1;
    return a;
}

/* The label: the alias with its first letter upper case ("al Qaeda" -> "Al Qaeda"). */
static char *make_label(const char *alias)
{
    strbuf b = { NULL, 0, 0 };
    const char *p = alias, *end = alias + strlen(alias);
    uint32_t c = next_cp(&p, end);
    if (put_cp(&b, cp_upper(c)) != 0 || sb_add(&b, p, (size_t)(end - p)) != 0) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

enum { CLAIM_ADDED, CLAIM_MINE, CLAIM_OTHER, CLAIM_EMPTY };

/* Claims imp->text as an alias of kind for actor ai: "names" have one owner,
 * "short" and "not" are only deduplicated per actor. Returns CLAIM_* or -1
 * when out of memory. */
static int claim(ag_import *imp, size_t ai, ag_alias_kind kind)
{
    strbuf *key = &imp->key;
    size_t *owner;
    int existing;
    strvec *list;

    if (alias_form(imp, imp->text.s, &imp->form) != 0)
        return -1;
    if (imp->form.n == 0)
        return CLAIM_EMPTY;
    sb_clear(key);
    if (kind == AG_KIND_NAME) {
        if (sb_addc(key, 'N') != 0)
            return -1;
    } else {
        char head[32];
        snprintf(head, sizeof head, "%c%zu:", kind == AG_KIND_SHORT ? 'S' : 'B', ai);
        if (sb_add(key, head, strlen(head)) != 0)
            return -1;
    }
    if (sb_add(key, imp->form.s, imp->form.n) != 0 || !(owner = map_put(&imp->claims, key->s, key->n, ai, &existing)))
        return -1;
    if (existing)
        return *owner == ai ? CLAIM_MINE : CLAIM_OTHER;
    list = kind == AG_KIND_NAME ? &imp->actors[ai].names
           : kind == AG_KIND_SHORT ? &imp->actors[ai].shorts
                                   : &imp->actors[ai].nots;
    return sv_push(list, imp->text.s, imp->text.n) == 0 ? CLAIM_ADDED : -1;
}

/* Nouns that name a kind of organisation, not one. */
static const char *const generic_nouns[] = {
    "AGENCY", "ALLIANCE", "ASSOCIATION", "BOARD", "BRIGADE", "BRIGADES", "BUREAU", "COALITION", "COMMAND",
    "COMMISSION", "COMMITTEE", "COMPANY", "CORPORATION", "DEPARTMENT", "DIVISION", "FEDERATION", "FORCE",
    "FORCES", "FOUNDATION", "FRONT", "FUND", "GROUP", "INSTITUTE", "LEAGUE", "MINISTRY", "MOVEMENT", "OFFICE",
    "ORGANISATION", "ORGANIZATION", "PARTY", "SERVICE", "SERVICES", "SOCIETY", "TRIBUNAL", "UNION", NULL,
};

/* 1 for a function word, 2 for another common word (a month or weekday, a
 * title, an institution, a kind of organisation), 0 for the rest. */
static int common_word(const char *s, const ag_token *t)
{
    char up[32];
    size_t n = t->end - t->start;
    unsigned cls = ag__word_class(t->key);
    if (cls & AG_W_STOP)
        return 1;
    if (cls & (AG_W_TIME | AG_W_TITLE | AG_W_INSTITUTION))
        return 2;
    if (n >= sizeof up)
        return 0;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)toupper((unsigned char)s[t->start + i]);
    return word_in(up, n, generic_nouns) ? 2 : 0;
}

/* Why the alias in imp->text would only make noise, or NULL: fewer than
 * two letters and digits ("B", "380"), or at most two words besides
 * function words, all of them common, and no number unless with a month
 * ("Senate", "Secretary of State", "Supreme Court", "May 15"; not "Group
 * of 77"): such a phrase names nobody in particular outside the news it
 * was written for. */
static const char *useless_alias(ag_import *imp)
{
    const char *s = imp->text.s, *p = s, *end = s + imp->text.n;
    size_t letters = 0, alnum = 0, words = 0, content = 0;
    int number = 0, date = 0;
    ag_error e;

    while (p < end) {
        uint32_t c = next_cp(&p, end);
        if (is_letter(c))
            letters++;
        if (is_letter(c) || (c >= '0' && c <= '9'))
            alnum++;
    }
    if (letters == 0 || alnum < 2)
        return "has fewer than two letters and digits";
    if (imp->text.n > ALIAS_MAX)
        return "is longer than the lexicon's limit of 1024 bytes";
    if (ag_tokenize(s, imp->text.n, &imp->toks, &e) != AG_OK)
        return NULL;
    for (size_t k = 0; k < imp->toks.n; k++) {
        const ag_token *t = &imp->toks.v[k];
        int c;
        if (t->flags & AG_TF_NUMBER)
            number = 1;
        if (!(t->flags & AG_TF_WORD))
            continue;
        if ((c = common_word(s, t)) == 0)
            return NULL;
        if (ag__word_class(t->key) & AG_W_TIME)
            date = 1;
        words++;
        content += c == 2;
    }
    if (number && !date)
        return NULL;   /* "Group of 77", "MS-13"; but "May 15" is a date */
    return words && content <= 2 ? "is made of common words only" : NULL;
}

/* Adds phrase ph (and its variants) to actor ai. */
static int add_names(ag_import *imp, size_t ai, size_t file, const phrase *ph, const char *context, int kind)
{
    ag_alias_kind ak = kind == G_PERSON && count_words(ph->words) == 1 ? AG_KIND_SHORT : AG_KIND_NAME;
    for (unsigned v = 0; v < V_COUNT; v++) {
        int r;
        if (convert_phrase(imp, ph->words, context, kind, v) != 0)
            return -1;
        if (v == 0) {
            const char *why = useless_alias(imp);
            if (why) {
                warn(imp, file, ph->line, ph->col, "phrase \"%s\" %s; skipped", imp->text.s, why);
                imp->stats.skipped_phrases++;
                return 0;
            }
        }
        r = claim(imp, ai, ak);
        if (r < 0)
            return -1;
        if (v == 0) {
            if (r == CLAIM_OTHER) {
                imp->stats.dropped++;
                return 0;   /* and not its variants either */
            }
            if (r == CLAIM_MINE)
                imp->stats.repeated++;
            if (r == CLAIM_EMPTY)
                return 0;
        }
    }
    return 0;
}

/* The [---] phrase in imp->text: a blocker on the owner of the longest
 * alias it contains. */
static int add_blocker(ag_import *imp)
{
    strbuf *key = &imp->key;
    size_t starts[65], ends[65], nt = 0, i, *owner = NULL;
    const char *f;

    if (alias_form(imp, imp->text.s, &imp->form) != 0)
        return -1;
    if (imp->form.n == 0)
        return 0;
    sb_clear(key);
    if (sb_addc(key, 'N') != 0 || sb_add(key, imp->form.s, imp->form.n) != 0)
        return -1;
    if (map_get(&imp->claims, key->s, key->n)) {
        imp->stats.dropped++;   /* the phrase itself is somebody's name */
        return 0;
    }
    f = imp->form.s;
    for (i = 0; i <= imp->form.n && nt < 64; i++) {
        if (i == imp->form.n || f[i] == '\x1F') {
            ends[nt] = i;
            starts[nt + 1] = i + 1;
            nt++;
        }
    }
    starts[0] = 0;
    for (size_t len = nt - 1; len >= 1 && !owner; len--) {
        for (size_t s = 0; s + len <= nt && !owner; s++) {
            sb_clear(key);
            if (sb_addc(key, 'N') != 0 || sb_add(key, f + starts[s], ends[s + len - 1] - starts[s]) != 0)
                return -1;
            owner = map_get(&imp->claims, key->s, key->n);
        }
    }
    if (!owner) {
        imp->stats.unused_blockers++;
        return 0;
    }
    if (claim(imp, *owner, AG_KIND_BLOCKER) < 0)
        return -1;
    return 0;
}

/* A lower-case ASCII id from a name: "Manfred Wörner" -> "manfred-worner". */
static int slug(const char *label, strbuf *out)
{
    size_t need = ag_fold(label, strlen(label), 1, NULL, 0);
    char *folded = (char *)malloc(need + 1);
    int dash = 0;
    if (!folded)
        return -1;
    ag_fold(label, strlen(label), 1, folded, need + 1);
    sb_clear(out);
    for (size_t i = 0; i < need && out->n < 120; i++) {
        unsigned char c = (unsigned char)folded[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && out->n && sb_addc(out, '-') != 0)
                break;
            dash = 0;
            if (sb_addc(out, (char)c) != 0)
                break;
        } else if (c != '\'') {
            dash = 1;
        }
    }
    free(folded);
    if (out->n == 0 && sb_add(out, "person", 6) != 0)
        return -1;
    return 0;
}

/* Gives actor a a unique id based on base (adding -2, -3, ... when taken). */
static int assign_id(ag_import *imp, actor *a, const char *base)
{
    char *id = NULL;
    int existing = 1;
    for (unsigned k = 1; existing; k++) {
        size_t len = strlen(base) + 16;
        free(id);
        if (!(id = (char *)malloc(len)))
            return -1;
        if (k == 1)
            snprintf(id, len, "%s", base);
        else
            snprintf(id, len, "%s-%u", base, k);
        if (!map_put(&imp->ids, id, strlen(id), 0, &existing)) {
            free(id);
            return -1;
        }
    }
    a->id = id;
    return 0;
}

static ag_status build(ag_import *imp, ag_error *err)
{
    int *kind = NULL;
    const pcode **target = NULL;
    char ctx[32];
    ag_status st = AG_OK;

    kind = (int *)calloc(imp->n_groups + 1, sizeof *kind);
    target = (const pcode **)calloc(imp->n_groups + 1, sizeof *target);
    if (!kind || !target)
        goto nomem;

    /* what each entry is */
    for (size_t gi = 0; gi < imp->n_groups; gi++) {
        const group *g = &imp->groups[gi];
        size_t real = 0, null = 0, dated = 0;
        for (size_t k = 0; k < g->n_codes; k++) {
            if (is_null_code(&g->codes[k]))
                null++;
            else
                real++;
            if (!is_null_code(&g->codes[k]) && g->codes[k].dated)
                dated++;
        }
        if (g->n_ph == 0) {
            kind[gi] = G_NONE;
        } else if (real == 0) {
            kind[gi] = null ? G_BLOCKER : G_NONE;
            if (!null) {
                imp->stats.uncoded++;
                warn(imp, g->file, g->line, 0, "entry \"%s\" has no code; ignored", g->ph[0].words);
            }
        } else if ((target[gi] = main_code(g, 0, 1)) != NULL) {
            kind[gi] = G_STATE;
        } else if (dated && !has_institution_word(g->ph[0].words)) {
            kind[gi] = G_PERSON;
            target[gi] = main_code(g, 1, 0);
        } else {
            kind[gi] = G_ORG;
            target[gi] = main_code(g, 0, 0);
        }
    }

    /* acronyms the names of each code (or person) vouch for */
    for (size_t gi = 0; gi < imp->n_groups; gi++) {
        const group *g = &imp->groups[gi];
        const char *context = target[gi] ? target[gi]->code : "";
        if (kind[gi] == G_PERSON) {
            snprintf(ctx, sizeof ctx, "#%zu", gi);
            context = ctx;
        }
        for (size_t k = 0; k < g->n_ph; k++)
            if (add_initials(imp, context, g->ph[k].words) != 0)
                goto nomem;
    }

    /* acronyms that hold everywhere */
    for (size_t gi = 0; gi < imp->n_groups; gi++) {
        const group *g = &imp->groups[gi];
        if (kind[gi] == G_NONE || kind[gi] == G_BLOCKER)
            continue;
        for (size_t k = 0; k < g->n_ph; k++)
            if (add_global_acronym(imp, kind[gi], g->ph[k].words) != 0)
                goto nomem;
    }

    /* actors and their names, claims in input order */
    for (size_t gi = 0; gi < imp->n_groups; gi++) {
        const group *g = &imp->groups[gi];
        const char *context;
        size_t ai, *found;
        actor *a;
        int existing, case_kind;

        if (kind[gi] == G_NONE || kind[gi] == G_BLOCKER)
            continue;
        if (kind[gi] == G_PERSON) {
            snprintf(ctx, sizeof ctx, "#%zu", gi);
            context = ctx;
            if (!(a = new_actor(imp, &ai)))
                goto nomem;
            a->type = AG_TYPE_LEADER;
            a->group = gi;
            if (!(a->code = ag__strdup(target[gi]->code)))
                goto nomem;
        } else {
            context = target[gi]->code;
            found = map_get(&imp->code_actor, context, strlen(context));
            if (found) {
                ai = *found;
            } else {
                if (!(a = new_actor(imp, &ai)))
                    goto nomem;
                a->type = is_state_code(context) ? AG_TYPE_STATE : AG_TYPE_ORG;
                if (!(a->code = ag__strdup(context)) || !(a->id = ag__strdup(context)) ||
                    !map_put(&imp->code_actor, context, strlen(context), ai, &existing) ||
                    !map_put(&imp->ids, context, strlen(context), ai, &existing))
                    goto nomem;
            }
        }
        case_kind = kind[gi] == G_ORG && is_territory_code(context) ? G_STATE : kind[gi];
        for (size_t k = 0; k < g->n_ph; k++)
            if (add_names(imp, ai, g->file, &g->ph[k], context, case_kind) != 0)
                goto nomem;
        a = &imp->actors[ai];
        a->n_groups++;
        {
            /* the label: the first phrase (people: the first of two or more
             * words); a code's from the first entry that has it undated */
            int undated = !target[gi]->dated;
            size_t k = 0;
            if (kind[gi] == G_PERSON)
                while (k + 1 < g->n_ph && count_words(g->ph[k].words) < 2)
                    k++;
            if (!a->label || (undated && !a->label_undated && kind[gi] != G_PERSON)) {
                free(a->label);
                if (convert_phrase(imp, g->ph[k].words, context, case_kind, 0) != 0 ||
                    !(a->label = make_label(imp->text.s)))
                    goto nomem;
                a->label_undated = undated;
            }
        }
    }

    /* [---] entries: blockers */
    for (size_t gi = 0; gi < imp->n_groups; gi++) {
        const group *g = &imp->groups[gi];
        if (kind[gi] != G_BLOCKER)
            continue;
        for (size_t k = 0; k < g->n_ph; k++)
            if (convert_phrase(imp, g->ph[k].words, "---", G_BLOCKER, 0) != 0 || add_blocker(imp) != 0)
                goto nomem;
    }

    /* which actors are written; ids of people */
    for (size_t ai = 0; ai < imp->n_actors; ai++) {
        actor *a = &imp->actors[ai];
        a->emitted = a->names.n > 0;
        if (a->type == AG_TYPE_LEADER && !a->emitted)
            imp->stats.nameless++;
        if (a->type == AG_TYPE_LEADER && a->emitted) {
            if (slug(a->label, &imp->key) != 0 || assign_id(imp, a, imp->key.s) != 0)
                goto nomem;
        }
    }
    goto done;
nomem:
    st = ag__fail(err, AG_ENOMEM, "out of memory building the lexicon");
done:
    free(kind);
    free(target);
    return st;
}

/* --- output ------------------------------------------------------------------ */

static int type_rank(ag_actor_type t)
{
    return t == AG_TYPE_STATE ? 0 : t == AG_TYPE_ORG ? 1 : 2;
}

static int by_type_and_id(const void *pa, const void *pb)
{
    const actor *a = *(const actor *const *)pa, *b = *(const actor *const *)pb;
    if (type_rank(a->type) != type_rank(b->type))
        return type_rank(a->type) - type_rank(b->type);
    return strcmp(a->id, b->id);
}

static int set_new(json_t *obj, const char *key, json_t *v)
{
    return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *string_array(const strvec *v)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < v->n; i++) {
        if (json_array_append_new(arr, json_string(v->v[i])) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

/* The emitted actor with this code, or NULL. */
static const actor *code_actor(const ag_import *imp, const char *code, size_t len)
{
    size_t *i = map_get(&imp->code_actor, code, len);
    return i && imp->actors[*i].emitted ? &imp->actors[*i] : NULL;
}

/* The actor's affiliation: the state its code starts with, or (people)
 * the actor of their main code. */
static const char *affiliation(const ag_import *imp, const actor *a)
{
    const actor *s;
    if (strlen(a->code) > 3) {
        char pre[4];
        memcpy(pre, a->code, 3);
        pre[3] = '\0';
        if (is_state_code(pre) && (s = code_actor(imp, pre, 3)) != NULL)
            return s->id;
    }
    if (a->type == AG_TYPE_LEADER && (s = code_actor(imp, a->code, strlen(a->code))) != NULL)
        return s->id;
    return NULL;
}

static json_t *actor_json(const ag_import *imp, const actor *a)
{
    json_t *o = json_object(), *attrs;
    const char *aff = affiliation(imp, a);

    if (!o)
        return NULL;
    if (set_new(o, "id", json_string(a->id)) || set_new(o, "label", json_string(a->label)) ||
        set_new(o, "type", json_string(ag_actor_type_name(a->type))) ||
        (a->names.n && set_new(o, "names", string_array(&a->names))) ||
        (a->shorts.n && set_new(o, "short", string_array(&a->shorts))) ||
        (a->nots.n && set_new(o, "not", string_array(&a->nots))) || (aff && set_new(o, "affiliation", json_string(aff))))
        goto fail;
    if (a->type == AG_TYPE_LEADER) {
        const group *g = &imp->groups[a->group];
        json_t *roles = json_array();
        if (!roles || json_object_set_new(o, "roles", roles) != 0)
            goto fail;
        for (size_t k = 0; k < g->n_codes; k++) {
            const pcode *c = &g->codes[k];
            json_t *r;
            int seen = 0;
            if (is_null_code(c))
                continue;
            for (size_t j = 0; j < k && !seen; j++)
                seen = strcmp(g->codes[j].code, c->code) == 0 && strcmp(g->codes[j].from, c->from) == 0 &&
                       strcmp(g->codes[j].to, c->to) == 0;
            if (seen)
                continue;
            if (!(r = json_object()) || json_array_append_new(roles, r) != 0 ||
                set_new(r, "title", json_string(c->code)) || (c->from[0] && set_new(r, "from", json_string(c->from))) ||
                (c->to[0] && set_new(r, "to", json_string(c->to))))
                goto fail;
        }
    }
    if (!(attrs = json_object()) || json_object_set_new(o, "attrs", attrs) != 0 ||
        set_new(attrs, "cameo", json_string(a->code)))
        goto fail;
    return o;
fail:
    json_decref(o);
    return NULL;
}

/* CAMEO's three-letter parts other than states, for labels. */
static const char *const glossary[][2] = {
    { "AFR", "Africa" }, { "AGR", "agriculture" }, { "ASA", "Asia" }, { "ATH", "atheist" },
    { "BAH", "Baha'i" }, { "BLK", "Balkans" }, { "BUD", "Buddhist" }, { "BUS", "business" },
    { "CAS", "Central Asia" }, { "CAU", "Caucasus" }, { "CFR", "Central Africa" }, { "CHR", "Christian" },
    { "CON", "Confucian" }, { "COP", "police" }, { "CRB", "Caribbean" }, { "CRM", "criminals" },
    { "CVL", "civilians" }, { "DEV", "development" }, { "EAF", "East Africa" }, { "EDU", "education" },
    { "EEU", "Eastern Europe" }, { "ELI", "elites" }, { "ENV", "environment" }, { "EUR", "Europe" },
    { "GOV", "government" }, { "HIN", "Hindu" }, { "HLH", "health" }, { "HRI", "human rights" },
    { "IGO", "intergovernmental organisations" }, { "IMG", "militant groups" }, { "INS", "insurgents" },
    { "JAN", "Jain" }, { "JEW", "Jewish" }, { "JUD", "judiciary" }, { "LAB", "labour" },
    { "LAM", "Latin America" }, { "LEG", "legislature" }, { "MDS", "Mediterranean" }, { "MEA", "Middle East" },
    { "MED", "media" }, { "MIL", "military" }, { "MNC", "multinational corporations" }, { "MOD", "moderates" },
    { "MOS", "Muslim" }, { "NAF", "North Africa" }, { "NGM", "non-governmental movements" },
    { "NGO", "non-governmental organisations" }, { "NMR", "North America" }, { "OCC", "occupied" },
    { "OPP", "opposition" }, { "PGS", "Persian Gulf" }, { "PTY", "parties" }, { "RAD", "radicals" },
    { "REB", "rebels" }, { "REF", "refugees" }, { "SAF", "Southern Africa" }, { "SAM", "South America" },
    { "SAS", "South Asia" }, { "SCN", "Scandinavia" }, { "SEA", "Southeast Asia" }, { "SEP", "separatists" },
    { "SHN", "Shinto" }, { "SIK", "Sikh" }, { "SPY", "intelligence" }, { "TAO", "Taoist" },
    { "UAF", "armed forces" }, { "UNR", "unrecognised" }, { "WAF", "West Africa" }, { "WEU", "Western Europe" },
    { "WST", "the West" }, { "ZRO", "Zoroastrian" },
};

/* A label spelled out from the code, for codes that group many entries
 * (MNCUSA "Multinational corporations (United States of America)", USAGOV
 * "United States of America (government)"); NULL when a part is unknown. */
static char *decoded_label(const ag_import *imp, const char *code)
{
    size_t n = strlen(code);
    strbuf b = { NULL, 0, 0 };
    if (n == 0 || n % 3 != 0)
        return NULL;
    for (size_t i = 0; i < n; i += 3) {
        const char *term = NULL;
        const actor *st;
        for (size_t k = 0; k < sizeof glossary / sizeof glossary[0] && !term; k++)
            if (strncmp(glossary[k][0], code + i, 3) == 0)
                term = glossary[k][1];
        if (!term && (st = code_actor(imp, code + i, 3)) != NULL && st->type == AG_TYPE_STATE)
            term = st->label;
        if (!term || sb_add(&b, i == 0 ? "" : i == 3 ? " (" : ", ", i == 0 ? 0 : 2) != 0 ||
            sb_add(&b, term, strlen(term)) != 0) {
            free(b.s);
            return NULL;
        }
    }
    if (n > 3 && sb_addc(&b, ')') != 0) {
        free(b.s);
        return NULL;
    }
    {
        char *label = make_label(b.s);
        free(b.s);
        return label;
    }
}

/* Writes a JSON value on one line (jansson does the escaping). */
static int dump(FILE *out, const json_t *v)
{
    return json_dumpf(v, out, JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
}

ag_status ag_import_write(ag_import *imp, FILE *out, ag_error *err)
{
    actor **order = NULL;
    size_t n = 0;
    json_t *v = NULL;
    strbuf desc = { NULL, 0, 0 };
    ag_status st = AG_OK;

    if (imp->written)
        return ag__fail(err, AG_EINVAL, "the importer has already written its lexicon");
    imp->written = 1;
    if ((st = build(imp, err)) != AG_OK)
        goto done;
    order = (actor **)malloc((imp->n_actors + 1) * sizeof *order);
    if (!order)
        goto nomem;
    for (size_t i = 0; i < imp->n_actors; i++) {
        actor *a = &imp->actors[i];
        if (!a->emitted)
            continue;
        order[n++] = a;
        imp->stats.actors++;
        imp->stats.actors_by_type[a->type]++;
        imp->stats.aliases += a->names.n + a->shorts.n + a->nots.n;
        imp->stats.aliases_by_kind[AG_KIND_NAME] += a->names.n;
        imp->stats.aliases_by_kind[AG_KIND_SHORT] += a->shorts.n;
        imp->stats.aliases_by_kind[AG_KIND_BLOCKER] += a->nots.n;
    }
    /* codes that group many entries get a label spelled out from the code */
    for (size_t i = 0; i < n; i++) {
        actor *a = order[i];
        char *label;
        if (a->type == AG_TYPE_LEADER || a->n_groups < 3 || !(label = decoded_label(imp, a->code)))
            continue;
        free(a->label);
        a->label = label;
    }
    qsort(order, n, sizeof *order, by_type_and_id);

    if (sb_add(&desc, "Imported with 'actorgraph lexicon import --from petrarch' from", 62) != 0)
        goto nomem;
    for (size_t i = 0; i < imp->files.n; i++) {
        const char *base = strrchr(imp->files.v[i], '/');
        base = base ? base + 1 : imp->files.v[i];
        if (sb_add(&desc, i ? ", " : " ", i ? 2 : 1) != 0 || sb_add(&desc, base, strlen(base)) != 0)
            goto nomem;
    }
    if (sb_addc(&desc, '.') != 0)
        goto nomem;

    fputs("{\n  \"lexicon\": ", out);
    if (!(v = json_string(imp->lexicon)) || dump(out, v) != 0)
        goto io;
    json_decref(v);
    fputs(",\n  \"version\": 1,\n  \"description\": ", out);
    if (!(v = json_string(desc.s)) || dump(out, v) != 0)
        goto io;
    json_decref(v);
    v = NULL;
    fputs(",\n  \"actors\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        if (!(v = actor_json(imp, order[i])))
            goto nomem;
        if (dump(out, v) != 0)
            goto io;
        json_decref(v);
        v = NULL;
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", out);
    if (fflush(out) != 0 || ferror(out))
        goto io;
    goto done;
io:
    st = ag__fail(err, AG_EIO, "cannot write the lexicon: %s", strerror(errno));
    goto done;
nomem:
    st = ag__fail(err, AG_ENOMEM, "out of memory writing the lexicon");
done:
    json_decref(v);
    free(order);
    free(desc.s);
    return st;
}

ag_status ag_import_petrarch(const char *const *paths, size_t n, const ag_import_options *opts, FILE *out,
                             ag_import_stats *stats, ag_error *err)
{
    ag_import *imp = NULL;
    ag_status st;

    if ((st = ag_import_new(AG_IMPORT_PETRARCH, opts, &imp, err)) != AG_OK)
        goto done;
    for (size_t i = 0; i < n && st == AG_OK; i++)
        st = ag_import_add_file(imp, paths[i], err);
    if (st == AG_OK)
        st = ag_import_write(imp, out, err);
    if (stats)
        *stats = imp->stats;
done:
    ag_import_free(imp);
    return st;
}

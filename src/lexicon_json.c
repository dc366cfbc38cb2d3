/*
 * lexicon_json.c — reads lexicon JSON files into the actor store.
 *
 * Input: a file, a directory of *.json files, or a buffer. Output: actors
 * and aliases added to the lexicon, every schema rule of lexicons/README.md
 * checked, each problem reported as file:line:col. The file is validated by
 * json_scan and each actor parsed on its own into a small tree
 * (json_tree.c); jansson parses only what that parser does not take, so
 * that its words describe every syntax error. Because the trees carry no
 * positions, a small scanner over the raw text finds the line and column
 * of a value from its path when (and only when) a problem must be
 * reported. The only jansson user on the lexicon side.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "actorgraph/lexicon.h"
#include "internal.h"
#include "json_scan.h"
#include "json_tree.h"
#include "lexicon_internal.h"

#define LEXICON_FILE_MAX ((size_t)1 << 30)
#define ALIAS_MAX 1024
#define ID_MAX 256

/* --- positions: path -> line:column in the raw text ---------------------- */

/* Where every actor object and every alias string starts, found in one
 * linear pass over the raw text (so loading stays linear in the file's
 * size); positions of anything else are looked up only for messages. */
typedef struct {
    size_t offset;
    unsigned long line, column;
} spot;

typedef struct {
    spot *v;
    size_t n, cap;
    size_t *actor_at;      /* per actor: index of its spot in v */
    size_t *actor_end;     /* per actor: the offset just past its value */
    size_t (*alias_at)[AG_KIND_COUNT + 1][2];   /* per actor and kind: first spot, count */
    size_t n_actors, cap_actors;
    size_t actors_array;   /* the offset of the actors' '[' the index found; SIZE_MAX: none */
} pos_index;

static int kind_of_key(const char *k, size_t len)
{
    static const char *const keys[AG_KIND_COUNT + 1] = { "names", "short", "metonyms", "demonyms", "patterns", "not" };
    for (int i = 0; i <= AG_KIND_COUNT; i++)
        if (strlen(keys[i]) == len && memcmp(keys[i], k, len) == 0)
            return i;
    return -1;
}

static int add_spot(pos_index *ix, size_t off)
{
    if (ag__grow((void **)&ix->v, &ix->cap, ix->n + 1, sizeof *ix->v) != 0)
        return -1;
    ix->v[ix->n].offset = off;
    ix->n++;
    return 0;
}

/* Room for actor a in the index. */
static int grow_actors(pos_index *ix, size_t a)
{
    size_t cap;
    void *p;
    if (a < ix->cap_actors)
        return 0;
    cap = ix->cap_actors ? ix->cap_actors * 2 : 256;
    if (!(p = realloc(ix->actor_at, cap * sizeof *ix->actor_at)))
        return -1;
    ix->actor_at = (size_t *)p;
    if (!(p = realloc(ix->actor_end, cap * sizeof *ix->actor_end)))
        return -1;
    ix->actor_end = (size_t *)p;
    if (!(p = realloc(ix->alias_at, cap * sizeof *ix->alias_at)))
        return -1;
    ix->alias_at = (size_t(*)[AG_KIND_COUNT + 1][2])p;
    memset(ix->alias_at + ix->cap_actors, 0, (cap - ix->cap_actors) * sizeof *ix->alias_at);
    ix->cap_actors = cap;
    return 0;
}

/* Walks {"actors": [{...,"names": ["..", ..], ...}, ...]} once (the text
 * is valid JSON): where each actor starts and ends, and where each alias
 * starts. Returns 0, or -1 (no index: callers fall back to iterating the
 * array and locating each path). */
static int index_positions(const char *text, size_t len, pos_index *ix)
{
    ag_jwalk sc = { text, len, 0 };
    memset(ix, 0, sizeof *ix);
    ix->actors_array = SIZE_MAX;
    ag__jwalk_ws(&sc);
    if (sc.i >= len || text[sc.i] != '{')
        return -1;
    sc.i++;
    for (;;) {
        size_t kstart, klen;
        ag__jwalk_ws(&sc);
        if (sc.i >= len || text[sc.i] != '"')
            break;
        kstart = sc.i;
        ag__jwalk_string(&sc);
        klen = sc.i - kstart;
        ag__jwalk_ws(&sc);
        sc.i++; /* ':' */
        ag__jwalk_ws(&sc);
        if (klen == 8 && memcmp(text + kstart, "\"actors\"", 8) == 0 && sc.i < len && text[sc.i] == '[') {
            size_t a = 0;
            ix->actors_array = sc.i;
            sc.i++;
            for (;; a++) {
                ag__jwalk_ws(&sc);
                if (sc.i >= len || text[sc.i] == ']')
                    break;
                if (grow_actors(ix, a) != 0)
                    return -1;
                ix->actor_at[a] = ix->n;
                if (add_spot(ix, sc.i) != 0)
                    return -1;
                if (text[sc.i] != '{') {
                    ag__jwalk_value(&sc);
                } else {
                    sc.i++;
                    for (;;) {
                        size_t k2;
                        int kind;
                        ag__jwalk_ws(&sc);
                        if (sc.i >= len || text[sc.i] != '"')
                            break;
                        k2 = sc.i;
                        ag__jwalk_string(&sc);
                        kind = kind_of_key(text + k2 + 1, sc.i - k2 - 2);
                        ag__jwalk_ws(&sc);
                        sc.i++; /* ':' */
                        ag__jwalk_ws(&sc);
                        if (kind >= 0 && sc.i < len && text[sc.i] == '[') {
                            ix->alias_at[a][kind][0] = ix->n;
                            sc.i++;
                            for (;;) {
                                ag__jwalk_ws(&sc);
                                if (sc.i >= len || text[sc.i] == ']')
                                    break;
                                if (add_spot(ix, sc.i) != 0)
                                    return -1;
                                ix->alias_at[a][kind][1]++;
                                ag__jwalk_value(&sc);
                                ag__jwalk_ws(&sc);
                                if (sc.i < len && text[sc.i] == ',')
                                    sc.i++;
                            }
                            sc.i++; /* ']' */
                        } else {
                            ag__jwalk_value(&sc);
                        }
                        ag__jwalk_ws(&sc);
                        if (sc.i < len && text[sc.i] == ',')
                            sc.i++;
                    }
                    sc.i++; /* '}' */
                }
                ix->actor_end[a] = sc.i;
                ag__jwalk_ws(&sc);
                if (sc.i < len && text[sc.i] == ',')
                    sc.i++;
            }
            ix->n_actors = a;
            break;
        }
        ag__jwalk_value(&sc);
        ag__jwalk_ws(&sc);
        if (sc.i < len && text[sc.i] == ',')
            sc.i++;
    }
    /* offsets come in file order: one pass turns them into lines and columns */
    {
        unsigned long line = 1, col = 1;
        size_t at = 0;
        for (size_t k = 0; k < ix->n; k++) {
            size_t off = ix->v[k].offset;
            const char *nl;
            while (at < off && (nl = (const char *)memchr(text + at, '\n', off - at)) != NULL) {
                line++;
                col = 1;
                at = (size_t)(nl - text) + 1;
            }
            for (; at < off; at++)
                col += ((unsigned char)text[at] & 0xC0) != 0x80;
            ix->v[k].line = line;
            ix->v[k].column = col;
        }
    }
    return 0;
}

static void pos_index_free(pos_index *ix)
{
    free(ix->v);
    free(ix->actor_at);
    free(ix->actor_end);
    free(ix->alias_at);
    memset(ix, 0, sizeof *ix);
}

/* --- the reader ------------------------------------------------------------ */

typedef struct {
    ag_lexicon *lex;
    const char *name;   /* the file, for messages */
    const char *text;
    size_t len;
    uint32_t file;
    ag_error *err;
    ag_jpath path[8];
    size_t depth;
    pos_index ix;
    int have_ix;
    size_t actor;       /* the actor being read */
} reader;

static ag_pos pos_of(reader *r, int want_key)
{
    ag_pos p;
    size_t off = ag__jpath_locate(r->text, r->len, r->path, r->depth, want_key);
    ag__json_line_col(r->text, off, &p.line, &p.column);
    p.file = r->file;
    return p;
}

/* Reports a schema error at the current path. Returns the status to stop
 * with, or AG_OK to go on (diagnostics mode). */
static ag_status schema_error(reader *r, int want_key, const char *fmt, ...) AG_PRINTF(3, 4);

static ag_status schema_error(reader *r, int want_key, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    ag_pos p = pos_of(r, want_key);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ag__lex_report(r->lex, AG_DIAG_ERROR, AG_ESCHEMA, r->name, p.line, p.column, r->err, "%s", msg);
}

static void schema_warning(reader *r, const char *fmt, ...) AG_PRINTF(2, 3);

static void schema_warning(reader *r, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    ag_pos p = pos_of(r, 0);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ag__lex_report(r->lex, AG_DIAG_WARNING, AG_ESCHEMA, r->name, p.line, p.column, r->err, "%s", msg);
}

/* The position of alias j of kind k of the current actor, from the index
 * when it has one. */
static ag_pos alias_pos(reader *r, int k, size_t j)
{
    if (r->have_ix && r->actor < r->ix.n_actors && j < r->ix.alias_at[r->actor][k][1]) {
        const spot *sp = &r->ix.v[r->ix.alias_at[r->actor][k][0] + j];
        ag_pos p;
        p.file = r->file;
        p.line = sp->line;
        p.column = sp->column;
        return p;
    }
    return pos_of(r, 0);
}

static ag_pos actor_pos(reader *r)
{
    if (r->have_ix && r->actor < r->ix.n_actors) {
        const spot *sp = &r->ix.v[r->ix.actor_at[r->actor]];
        ag_pos p;
        p.file = r->file;
        p.line = sp->line;
        p.column = sp->column;
        return p;
    }
    return pos_of(r, 0);
}

static void push_key(reader *r, const char *key)
{
    r->path[r->depth].key = key;
    r->path[r->depth].index = 0;
    r->depth++;
}

static void push_index(reader *r, size_t index)
{
    r->path[r->depth].key = NULL;
    r->path[r->depth].index = index;
    r->depth++;
}

static void pop(reader *r)
{
    r->depth--;
}

static const char *json_type_name(const ag_jt *v)
{
    switch (v->type) {
    case AG_JT_OBJECT: return "an object";
    case AG_JT_ARRAY: return "an array";
    case AG_JT_STRING: return "a string";
    case AG_JT_INTEGER: return "an integer";
    case AG_JT_REAL: return "a number";
    case AG_JT_TRUE:
    case AG_JT_FALSE: return "a boolean";
    case AG_JT_NULL: return "null";
    }
    return "a value";
}

#define IS_STRING(v) ((v)->type == AG_JT_STRING)
#define IS_OBJECT(v) ((v)->type == AG_JT_OBJECT)
#define IS_ARRAY(v) ((v)->type == AG_JT_ARRAY)
#define IS_INTEGER(v) ((v)->type == AG_JT_INTEGER)
#define IS_NUMBER(v) ((v)->type == AG_JT_INTEGER || (v)->type == AG_JT_REAL)
#define IS_BOOLEAN(v) ((v)->type == AG_JT_TRUE || (v)->type == AG_JT_FALSE)

static int has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return 1;
    return 0;
}

/* A GraphML/XML name token: letters, digits, '-', '_', '.', ':' and
 * non-ASCII characters (node ids and attribute names must be one). */
static int name_token(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == ':'))
            return 0;
    }
    return 1;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!strchr(" \t\r\n", *s))
            return 0;
    return 1;
}

/* A required or optional string member; *out is a copy (NULL when absent).
 * Returns 0 when fine, -1 when an error was reported (and *st is set when
 * loading must stop). */
static int get_string(reader *r, const ag_jt *obj, const char *key, int required, const char *what,
                      char **out, ag_status *st)
{
    const ag_jt *v = ag__jt_get(obj, key);
    *out = NULL;
    if (!v) {
        if (required) {
            *st = schema_error(r, 0, "%s lacks the required key \"%s\"", what, key);
            return -1;
        }
        return 0;
    }
    push_key(r, key);
    if (!IS_STRING(v)) {
        *st = schema_error(r, 0, "\"%s\" of %s must be a string, not %s", key, what, json_type_name(v));
        pop(r);
        return -1;
    }
    if (blank((v)->str) || has_control((v)->str)) {
        *st = schema_error(r, 0, "\"%s\" of %s must be a non-empty string without control characters", key,
                           what);
        pop(r);
        return -1;
    }
    pop(r);
    *out = ag__lex_strdup(r->lex, (v)->str);
    if (!*out) {
        *st = ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
        return -1;
    }
    return 0;
}

static int get_date(reader *r, const ag_jt *obj, const char *key, const char *what, char **out, ag_status *st)
{
    if (get_string(r, obj, key, 0, what, out, st) != 0)
        return -1;
    if (*out && !ag__date_valid(*out)) {
        push_key(r, key);
        *st = schema_error(r, 0, "\"%s\" of %s is \"%s\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)", key, what,
                           *out);
        pop(r);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* True when `to` lies before `from`, compared at the coarser of the two
 * precisions ("2020" does not lie before "2020-05-01"). */
static int ends_before(const char *from, const char *to)
{
    size_t n = strlen(from) < strlen(to) ? strlen(from) : strlen(to);
    return strncmp(to, from, n) < 0;
}

static int check_keys(reader *r, const ag_jt *obj, const char *const *allowed, const char *what, ag_status *st)
{
    const char *key;
    const ag_jt *v;
    int bad = 0;
    for (size_t k_ = 0; k_ < obj->n && ((key = obj->keys[k_]), (v = &obj->items[k_]), 1); k_++) {
        size_t i;
        (void)v;
        for (i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], key) == 0)
                break;
        if (!allowed[i]) {
            push_key(r, key);
            *st = schema_error(r, 1, "unknown key \"%s\" in %s", key, what);
            pop(r);
            bad = 1;
            if (*st != AG_OK)
                return -1;
        }
    }
    return bad ? -1 : 0;
}

static const char *const actor_keys[] = { "id", "label", "type", "names", "short", "short_default",
                                          "metonyms", "demonyms", "patterns", "not", "affiliation",
                                          "roles", "valid", "attrs", NULL };
static const char *const alias_keys[AG_KIND_COUNT + 1] = { "names", "short", "metonyms", "demonyms",
                                                           "patterns", "not" };

/* Checks every alias list; adds the aliases to the last actor when `add`. */
static ag_status read_aliases(reader *r, const ag_jt *obj, const char *what, int add)
{
    ag_status st = AG_OK;
    for (int k = 0; k <= AG_KIND_COUNT; k++) {
        const ag_jt *arr = ag__jt_get(obj, alias_keys[k]);
        size_t i;
        const ag_jt *v;
        if (!arr)
            continue;
        push_key(r, alias_keys[k]);
        if (!IS_ARRAY(arr)) {
            st = schema_error(r, 0, "\"%s\" of %s must be an array of strings, not %s", alias_keys[k], what,
                              json_type_name(arr));
            pop(r);
            if (st != AG_OK)
                return st;
            continue;
        }
        for (i = 0; i < arr->n && ((v = &arr->items[i]), 1); i++) {
            const char *s;
            push_index(r, i);
            if (!IS_STRING(v)) {
                st = schema_error(r, 0, "\"%s\"[%zu] of %s must be a string, not %s", alias_keys[k], i, what,
                                  json_type_name(v));
            } else if ((s = (v)->str), blank(s) || has_control(s)) {
                st = schema_error(r, 0, "\"%s\"[%zu] of %s must be a non-empty string without control characters",
                                  alias_keys[k], i, what);
            } else if (strlen(s) > ALIAS_MAX) {
                st = schema_error(r, 0, "\"%s\"[%zu] of %s is longer than %d bytes", alias_keys[k], i, what,
                                  ALIAS_MAX);
            } else if (add) {
                st = ag__lex_add_alias(r->lex, s, (ag_alias_kind)k, alias_pos(r, k, i), r->err);
            }
            pop(r);
            if (st != AG_OK) {
                pop(r);
                return st;
            }
        }
        pop(r);
    }
    return st;
}

/* What an error message calls a value: parts joined into buf (size > 0),
 * cut to fit. Cheaper than snprintf, which matters once per actor and
 * role of a large lexicon. */
static void describe(char *buf, size_t size, const char *a, const char *b, const char *c)
{
    size_t n = 0;
    const char *parts[3] = { a, b, c };
    for (int k = 0; k < 3; k++)
        for (const char *q = parts[k]; q && *q && n + 1 < size; q++)
            buf[n++] = *q;
    buf[n] = '\0';
}

/* A whole number as decimal text, into buf (at least 24 bytes). */
static const char *decimal(size_t v, char *buf)
{
    char tmp[24];
    size_t n = 0, o = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return buf;
}

static ag_status read_roles(reader *r, const ag_jt *arr, ag_actor *a, const char *what)
{
    static const char *const role_keys[] = { "title", "from", "to", NULL };
    ag_status st = AG_OK;
    size_t i;
    const ag_jt *v;

    push_key(r, "roles");
    if (!IS_ARRAY(arr)) {
        st = schema_error(r, 0, "\"roles\" of %s must be an array of objects, not %s", what, json_type_name(arr));
        pop(r);
        return st;
    }
    a->roles = (ag_role *)ag__lex_alloc(r->lex, ((arr)->n ? (arr)->n : 1) * sizeof *a->roles);
    if (!a->roles) {
        pop(r);
        return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
    }
    for (i = 0; i < arr->n && ((v = &arr->items[i]), 1); i++) {
        ag_role *role = (ag_role *)&a->roles[a->n_roles];
        char *title = NULL, *from = NULL, *to = NULL;
        char rwhat[360];
        {
            char num[24], head[40];
            describe(head, sizeof head, "roles[", decimal(i, num), "] of ");
            describe(rwhat, sizeof rwhat, head, what, NULL);
        }
        push_index(r, i);
        if (!IS_OBJECT(v)) {
            st = schema_error(r, 0, "%s must be an object, not %s", rwhat, json_type_name(v));
        } else if ((check_keys(r, v, role_keys, rwhat, &st) | (st == AG_OK ? get_string(r, v, "title", 1, rwhat, &title, &st) : -1) |
                    (st == AG_OK ? get_date(r, v, "from", rwhat, &from, &st) : -1) |
                    (st == AG_OK ? get_date(r, v, "to", rwhat, &to, &st) : -1)) == 0) {
            if (from && to && ends_before(from, to)) {
                push_key(r, "to");
                st = schema_error(r, 0, "%s ends (%s) before it starts (%s)", rwhat, to, from);
                pop(r);
            } else {
                role->title = title;
                role->from = from;
                role->to = to;
                a->n_roles++;
            }
        }
        pop(r);
        if (st != AG_OK)
            break;
    }
    pop(r);
    return st;
}

static ag_status read_attrs(reader *r, const ag_jt *obj, ag_actor *a, const char *what)
{
    ag_status st = AG_OK;
    const char *key;
    const ag_jt *v;

    push_key(r, "attrs");
    if (!IS_OBJECT(obj)) {
        st = schema_error(r, 0, "\"attrs\" of %s must be an object, not %s", what, json_type_name(obj));
        pop(r);
        return st;
    }
    a->attrs = (ag_attr *)ag__lex_alloc(r->lex, ((obj)->n ? (obj)->n : 1) * sizeof *a->attrs);
    if (!a->attrs) {
        pop(r);
        return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
    }
    for (size_t k_ = 0; k_ < obj->n && ((key = obj->keys[k_]), (v = &obj->items[k_]), 1); k_++) {
        ag_attr *at = (ag_attr *)&a->attrs[a->n_attrs];
        char num[64];
        push_key(r, key);
        if (!name_token(key)) {
            st = schema_error(r, 1, "attribute name \"%s\" of %s may hold only letters, digits, '-', '_', '.' and ':'",
                              key, what);
        } else if (IS_STRING(v) || IS_NUMBER(v)) {
            memset(at, 0, sizeof *at);
            if (IS_NUMBER(v)) {
                if (IS_INTEGER(v))
                    snprintf(num, sizeof num, "%lld", v->integer);
                else
                    ag__format_number(v->real, num, sizeof num);
                at->is_number = 1;
                at->number = IS_INTEGER(v) ? (double)v->integer : v->real;
            }
            at->key = ag__lex_strdup(r->lex, key);
            at->value = ag__lex_strdup(r->lex, IS_NUMBER(v) ? num : v->str);
            if (!at->key || !at->value)
                st = ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
            a->n_attrs++;
        } else {
            st = schema_error(r, 0, "attribute \"%s\" of %s must be a string or a number, not %s", key, what,
                              json_type_name(v));
        }
        pop(r);
        if (st != AG_OK)
            break;
    }
    pop(r);
    return st;
}

static ag_status read_actor(reader *r, const ag_jt *obj, size_t index)
{
    static const char *const valid_keys[] = { "from", "to", NULL };
    ag_actor a;
    ag_status st = AG_OK;
    char what[320];
    char *type = NULL;
    const ag_jt *v;
    ag_pos pos;
    size_t aliases_before = r->lex->n_aliases;
    int bad = 0;

    memset(&a, 0, sizeof a);
    {
        char num[24];
        describe(what, sizeof what, "actor #", decimal(index + 1, num), NULL);
    }
    r->actor = index;
    pos = actor_pos(r);
    if (!IS_OBJECT(obj))
        return schema_error(r, 0, "%s must be an object, not %s", what, json_type_name(obj));

    if (get_string(r, obj, "id", 1, what, (char **)&a.id, &st) != 0) {
        ag__actor_clear(&a);
        return st;
    }
    if (strlen(a.id) > ID_MAX || !name_token(a.id)) {
        push_key(r, "id");
        if (strlen(a.id) > ID_MAX)
            st = schema_error(r, 0, "id of %s is longer than %d bytes", what, ID_MAX);
        else
            st = schema_error(r, 0, "id \"%s\" may hold only letters, digits, '-', '_', '.' and ':'", a.id);
        pop(r);
        ag__actor_clear(&a);
        return st;
    }
    describe(what, sizeof what, "actor \"", a.id, "\"");

    if (check_keys(r, obj, actor_keys, what, &st) != 0)
        bad = 1;
    if (st == AG_OK && get_string(r, obj, "label", 1, what, (char **)&a.label, &st) != 0)
        bad = 1;
    if (st == AG_OK && get_string(r, obj, "type", 1, what, &type, &st) != 0)
        bad = 1;
    if (st == AG_OK && type) {
        ag_actor_type t;
        if (strcmp(type, "state") == 0 || strcmp(type, "leader") == 0 || strcmp(type, "org") == 0) {
            ag_actor_type_parse(type, strlen(type), &t);
            a.type = t;
        } else {
            push_key(r, "type");
            st = schema_error(r, 0, "\"type\" of %s must be \"state\", \"leader\" or \"org\", not \"%s\"", what,
                              type);
            pop(r);
            bad = 1;
        }
    }
    if (st == AG_OK && get_string(r, obj, "affiliation", 0, what, (char **)&a.affiliation, &st) != 0)
        bad = 1;
    if (st == AG_OK && (v = ag__jt_get(obj, "short_default")) != NULL) {
        if (IS_BOOLEAN(v)) {
            a.short_default = (v->type == AG_JT_TRUE);
        } else {
            push_key(r, "short_default");
            st = schema_error(r, 0, "\"short_default\" of %s must be true or false, not %s", what,
                              json_type_name(v));
            pop(r);
            bad = 1;
        }
    }
    if (st == AG_OK && (v = ag__jt_get(obj, "valid")) != NULL) {
        push_key(r, "valid");
        if (!IS_OBJECT(v)) {
            st = schema_error(r, 0, "\"valid\" of %s must be an object with \"from\" and \"to\", not %s", what,
                              json_type_name(v));
            bad = 1;
        } else {
            int bad_valid = check_keys(r, v, valid_keys, "\"valid\"", &st) != 0;
            if (st == AG_OK && get_date(r, v, "from", "\"valid\"", (char **)&a.valid_from, &st) != 0)
                bad_valid = 1;
            if (st == AG_OK && get_date(r, v, "to", "\"valid\"", (char **)&a.valid_to, &st) != 0)
                bad_valid = 1;
            if (st == AG_OK && !bad_valid && a.valid_from && a.valid_to && ends_before(a.valid_from, a.valid_to)) {
                push_key(r, "to");
                st = schema_error(r, 0, "\"valid\" of %s ends (%s) before it starts (%s)", what, a.valid_to,
                                  a.valid_from);
                pop(r);
                bad_valid = 1;
            }
            bad |= bad_valid;
        }
        pop(r);
    }
    if (st == AG_OK && (v = ag__jt_get(obj, "roles")) != NULL) {
        size_t before = r->lex->n_errors;
        st = read_roles(r, v, &a, what);
        if (r->lex->n_errors > before)
            bad = 1;
    }
    if (st == AG_OK && (v = ag__jt_get(obj, "attrs")) != NULL) {
        size_t before = r->lex->n_errors;
        st = read_attrs(r, v, &a, what);
        if (r->lex->n_errors > before)
            bad = 1;
    }
    if (st != AG_OK || bad) {
        ag__actor_clear(&a);
        if (st == AG_OK)
            st = read_aliases(r, obj, what, 0);   /* report their problems too */
        return st;
    }

    {
        size_t actors_before = r->lex->n_actors;
        st = ag__lex_add_actor(r->lex, &a, pos, r->err);
        if (st != AG_OK || r->lex->n_actors == actors_before)
            return st;   /* a duplicate id: reported, actor dropped */
    }
    {
        size_t before = r->lex->n_errors;
        st = read_aliases(r, obj, what, 1);
        if (st != AG_OK)
            return st;
        if (r->lex->n_errors == before && ag__jt_get(obj, "short_default") &&
            r->lex->actors[r->lex->n_actors - 1].short_default) {
            int has_short = 0;
            for (size_t i = aliases_before; i < r->lex->n_aliases; i++)
                if (r->lex->aliases[i].kind == AG_KIND_SHORT)
                    has_short = 1;
            if (!has_short) {
                push_key(r, "short_default");
                schema_warning(r, "%s has \"short_default\" but no \"short\" names", what);
                pop(r);
            }
        }
    }
    return AG_OK;
}

/* Reports a syntax error at byte offset off. */
static ag_status syntax_error(ag_lexicon *lex, const char *name, const char *data, size_t off, ag_error *err,
                              const char *what)
{
    unsigned long line, col;
    ag__json_line_col(data, off, &line, &col);
    return ag__lex_report(lex, AG_DIAG_ERROR, AG_ESYNTAX, name, line, col, err, "malformed JSON: %s", what);
}

/* A jansson value as a tree in p's arena. 0, or -1 when out of memory. */
static int from_jansson(ag_jt_parser *p, json_t *j, ag_jt *out)
{
    memset(out, 0, sizeof *out);
    switch (json_typeof(j)) {
    case JSON_OBJECT:
    case JSON_ARRAY: {
        size_t n = json_is_object(j) ? json_object_size(j) : json_array_size(j), k = 0;
        out->type = json_is_object(j) ? AG_JT_OBJECT : AG_JT_ARRAY;
        out->n = n;
        if (!n)
            return 0;
        if (!(out->items = (ag_jt *)ag__jt_alloc(p, n * sizeof *out->items)))
            return -1;
        if (json_is_object(j)) {
            const char *key;
            json_t *v;
            if (!(out->keys = (const char **)ag__jt_alloc(p, n * sizeof *out->keys)))
                return -1;
            json_object_foreach(j, key, v) {
                char *copy = (char *)ag__jt_alloc(p, strlen(key) + 1);
                if (!copy)
                    return -1;
                strcpy(copy, key);
                out->keys[k] = copy;
                if (from_jansson(p, v, &out->items[k++]) != 0)
                    return -1;
            }
        } else {
            json_t *v;
            json_array_foreach(j, k, v) {
                if (from_jansson(p, v, &out->items[k]) != 0)
                    return -1;
            }
        }
        return 0;
    }
    case JSON_STRING: {
        char *copy = (char *)ag__jt_alloc(p, json_string_length(j) + 1);
        if (!copy)
            return -1;
        memcpy(copy, json_string_value(j), json_string_length(j) + 1);
        out->type = AG_JT_STRING;
        out->str = copy;
        out->n = json_string_length(j);
        return 0;
    }
    case JSON_INTEGER:
        out->type = AG_JT_INTEGER;
        out->integer = (long long)json_integer_value(j);
        return 0;
    case JSON_REAL:
        out->type = AG_JT_REAL;
        out->real = json_real_value(j);
        return 0;
    case JSON_TRUE:
        out->type = AG_JT_TRUE;
        return 0;
    case JSON_FALSE:
        out->type = AG_JT_FALSE;
        return 0;
    default:
        out->type = AG_JT_NULL;
        return 0;
    }
}

/* The value [a, b) of the file as a tree in p (keep: beside the trees
 * already there; else in their place): json_tree's, or, for what it does
 * not take, jansson's error or jansson's tree. */
static ag_status parse_piece(reader *r, ag_jt_parser *p, int keep, size_t a, size_t b, const ag_jt **out)
{
    int nomem = 0;
    json_error_t jerr;
    json_t *j;
    ag_jt *t;

    *out = keep ? ag__jt_parse_more(p, r->text + a, b - a, &nomem) : ag__jt_parse(p, r->text + a, b - a, &nomem);
    if (*out)
        return AG_OK;
    if (nomem)
        return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
    j = json_loadb(r->text + a, b - a, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (!j)
        return syntax_error(r->lex, r->name, r->text, a + (size_t)jerr.position, r->err, jerr.text);
    if (!keep)
        ag__jt_reset(p);
    t = (ag_jt *)ag__jt_alloc(p, sizeof *t);
    if (!t || from_jansson(p, j, t) != 0) {
        json_decref(j);
        return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->name);
    }
    json_decref(j);
    *out = t;
    return AG_OK;
}

/*
 * The file is validated once by json_scan (no tree), then its top-level
 * members are parsed one by one, and each actor on its own into a small
 * tree that is dropped once read: a lexicon of 20,000 actors never exists
 * as one tree, so loading stays fast and small.
 */
ag_status ag_lexicon_load_buffer(ag_lexicon *lex, const char *name, const char *data, size_t len, ag_error *err)
{
    static const char *const top_keys[] = { "lexicon", "version", "actors", "description", NULL };
    json_error_t jerr;
    const ag_jt *actors, *v;
    ag_jt root;
    ag_jt_parser *top = NULL, *one = NULL;
    size_t cap_root = 0;
    reader r;
    long file;
    ag_status st = AG_OK;
    size_t actors_at = 0, actors_end = 0;
    ag_jscan j;

    if (lex->compiled)
        return ag__fail(err, AG_EINVAL, "lexicon is already compiled; load every file first");
    ag__lex_begin(lex);
    file = ag__lex_add_file(lex, name);
    if (file < 0)
        return ag__fail(err, AG_ENOMEM, "out of memory loading %s", name);

    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;   /* a byte-order mark, as Windows editors write */
        len -= 3;
    }
    memset(&r, 0, sizeof r);
    memset(&root, 0, sizeof root);

    /* validate; on an error let jansson say it, in its words */
    {
        size_t a, b;
        ag__jscan_init(&j, data, len);
        if (ag__jscan_value(&j, &a, &b) != 0 || ag__jscan_end(&j) != 0) {
            json_t *whole = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
            if (!whole) {
                /* jansson counts columns in characters, 1-based, and sometimes 0 at a line start */
                ag__lex_report(lex, AG_DIAG_ERROR, AG_ESYNTAX, name, (unsigned long)(jerr.line > 0 ? jerr.line : 1),
                               (unsigned long)(jerr.column > 0 ? jerr.column : 1), err, "malformed JSON: %s",
                               jerr.text);
                return ag__lex_end(lex, err);
            }
            json_decref(whole);
            syntax_error(lex, name, data, j.error_pos, err, j.error);
            return ag__lex_end(lex, err);
        }
    }

    r.lex = lex;
    r.name = lex->files[file];
    r.text = data;
    r.len = len;
    r.file = (uint32_t)file;
    r.err = err;
    top = ag__jt_parser_new();
    one = ag__jt_parser_new();
    if (!top || !one) {
        st = ag__fail(err, AG_ENOMEM, "out of memory loading %s", name);
        goto done;
    }

    /* the top level, member by member; "actors" stays text for now */
    ag__jscan_init(&j, data, len);
    j.trusted = 1;   /* validated above */
    if (ag__jscan_object(&j) != 0) {
        int nomem;
        const ag_jt *whole = ag__jt_parse(top, data, len, &nomem);
        st = schema_error(&r, 0, "a lexicon must be an object with an \"actors\" array, not %s",
                          whole ? json_type_name(whole) : "this");
        goto done;
    }
    root.type = AG_JT_OBJECT;
    {
        size_t key, key_end, val, val_end;
        int m;
        while ((m = ag__jscan_member(&j, &key, &key_end, &val, &val_end)) == 1) {
            char kbuf[256], *kcopy;
            size_t kn;
            ag_jt x;
            if (key_end - key > sizeof kbuf - 1)
                continue;   /* no key this long is known: check_keys reports it */
            kn = ag__jscan_decode(data, key, key_end, kbuf);
            kbuf[kn] = '\0';
            if (ag__jt_get(&root, kbuf)) {
                /* a duplicate member: jansson's words and position, as for other syntax errors */
                json_t *whole = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
                json_decref(whole);
                st = ag__lex_report(lex, AG_DIAG_ERROR, AG_ESYNTAX, name,
                                    (unsigned long)(jerr.line > 0 ? jerr.line : 1),
                                    (unsigned long)(jerr.column > 0 ? jerr.column : 1), err, "malformed JSON: %s",
                                    whole ? "duplicate object key" : jerr.text);
                goto done;   /* diagnostics mode: ag__lex_end() returns the error */
            }
            memset(&x, 0, sizeof x);
            if (strcmp(kbuf, "actors") == 0 && data[val] == '[') {
                actors_at = val;
                actors_end = val_end;
                x.type = AG_JT_ARRAY;   /* a stand-in: the actors are read one by one below */
            } else {
                const ag_jt *parsed;
                if ((st = parse_piece(&r, top, 1, val, val_end, &parsed)) != AG_OK)
                    goto done;
                if (!parsed)
                    goto done;
                x = *parsed;
            }
            if (root.n == cap_root) {
                size_t cap = cap_root ? cap_root * 2 : 8;
                ag_jt *items = (ag_jt *)ag__jt_alloc(top, cap * sizeof *items);
                const char **keys = (const char **)ag__jt_alloc(top, cap * sizeof *keys);
                if (!items || !keys) {
                    st = ag__fail(err, AG_ENOMEM, "out of memory loading %s", name);
                    goto done;
                }
                if (root.n) {
                    memcpy(items, root.items, root.n * sizeof *items);
                    memcpy(keys, root.keys, root.n * sizeof *keys);
                }
                root.items = items;
                root.keys = keys;
                cap_root = cap;
            }
            kcopy = (char *)ag__jt_alloc(top, kn + 1);
            if (!kcopy) {
                st = ag__fail(err, AG_ENOMEM, "out of memory loading %s", name);
                goto done;
            }
            memcpy(kcopy, kbuf, kn + 1);
            root.keys[root.n] = kcopy;
            root.items[root.n] = x;
            root.n++;
        }
    }

    if (check_keys(&r, &root, top_keys, "the lexicon's top level", &st) != 0 && st != AG_OK)
        goto done;
    if ((v = ag__jt_get(&root, "lexicon")) && !IS_STRING(v)) {
        push_key(&r, "lexicon");
        st = schema_error(&r, 0, "\"lexicon\" must be a string (the lexicon's name), not %s", json_type_name(v));
        pop(&r);
        if (st != AG_OK)
            goto done;
    }
    if ((v = ag__jt_get(&root, "version")) && (!IS_INTEGER(v) || v->integer != 1)) {
        push_key(&r, "version");
        st = schema_error(&r, 0, "\"version\" must be 1 (the only version of the format)");
        pop(&r);
        if (st != AG_OK)
            goto done;
    }
    actors = ag__jt_get(&root, "actors");
    if (!actors) {
        st = schema_error(&r, 0, "the lexicon lacks the required key \"actors\"");
        goto done;
    }
    push_key(&r, "actors");
    if (!IS_ARRAY(actors)) {
        st = schema_error(&r, 0, "\"actors\" must be an array, not %s", json_type_name(actors));
        pop(&r);
        goto done;
    }
    /* the index spells "actors" plainly; a key written with escapes
     * ("\u0061ctors") is found by the scanner alone */
    r.have_ix = index_positions(data, len, &r.ix) == 0 && r.ix.actors_array == actors_at;
    if (r.have_ix) {
        /* the index knows where each actor is */
        for (size_t i = 0; st == AG_OK && i < r.ix.n_actors; i++) {
            const ag_jt *actor = NULL;
            push_index(&r, i);
            st = parse_piece(&r, one, 0, r.ix.v[r.ix.actor_at[i]].offset, r.ix.actor_end[i], &actor);
            if (st == AG_OK && actor)
                st = read_actor(&r, actor, i);
            pop(&r);
        }
    } else {
        size_t a, b, i = 0;
        ag__jscan_init(&j, data, actors_end);
        j.trusted = 1;
        j.pos = actors_at;
        ag__jscan_array(&j);
        while (st == AG_OK && ag__jscan_element(&j, &a, &b) == 1) {
            const ag_jt *actor = NULL;
            push_index(&r, i);
            st = parse_piece(&r, one, 0, a, b, &actor);
            if (st == AG_OK && actor)
                st = read_actor(&r, actor, i);
            pop(&r);
            i++;
        }
    }
    pop(&r);

done:
    pos_index_free(&r.ix);
    ag__jt_parser_free(top);
    ag__jt_parser_free(one);
    if (st != AG_OK)
        return st;
    return ag__lex_end(lex, err);
}

ag_status ag_lexicon_load_file(ag_lexicon *lex, const char *path, ag_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *data = NULL;
    size_t len = 0, cap = 0;
    ag_status st;

    if (!fp)
        return ag__fail_at(err, AG_ENOENT, path, 0, 0, "cannot open lexicon: %s", strerror(errno));
    for (;;) {
        size_t got;
        if (len + 65536 + 1 > cap && ag__grow((void **)&data, &cap, len + 65536 + 1, 1) != 0) {
            fclose(fp);
            free(data);
            return ag__fail_at(err, AG_ENOMEM, path, 0, 0, "out of memory reading lexicon");
        }
        got = fread(data + len, 1, cap - len - 1, fp);
        len += got;
        if (len > LEXICON_FILE_MAX) {
            fclose(fp);
            free(data);
            return ag__fail_at(err, AG_ELIMIT, path, 0, 0, "lexicon is larger than %zu bytes", LEXICON_FILE_MAX);
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int e = errno;
        fclose(fp);
        free(data);
        return ag__fail_at(err, AG_EIO, path, 0, 0, "cannot read lexicon: %s", strerror(e));
    }
    fclose(fp);
    data[len] = '\0';
    st = ag_lexicon_load_buffer(lex, path, data, len, err);
    free(data);
    return st;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.json below dir, appended to *files (the caller sorts). */
static ag_status collect(const char *dir, char ***files, size_t *n, size_t *cap, int depth, ag_error *err)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t nn = 0, nc = 0;
    ag_status st = AG_OK;

    if (depth > 64)
        return ag__fail_at(err, AG_ELIMIT, dir, 0, 0, "lexicon directories nest deeper than 64 levels");
    d = opendir(dir);
    if (!d)
        return ag__fail_at(err, AG_ENOENT, dir, 0, 0, "cannot open lexicon directory: %s", strerror(errno));
    while ((e = readdir(d)) != NULL) {
        char *full;
        size_t len;
        if (e->d_name[0] == '.')
            continue;
        len = strlen(dir) + strlen(e->d_name) + 2;
        full = (char *)malloc(len);
        if (!full || ag__grow((void **)&names, &nc, nn + 1, sizeof *names) != 0) {
            free(full);
            st = ag__fail(err, AG_ENOMEM, "out of memory listing %s", dir);
            break;
        }
        snprintf(full, len, "%s/%s", dir, e->d_name);
        names[nn++] = full;
    }
    closedir(d);
    for (size_t i = 0; i < nn; i++) {
        struct stat sb;
        if (st == AG_OK && stat(names[i], &sb) == 0) {
            if (S_ISDIR(sb.st_mode)) {
                st = collect(names[i], files, n, cap, depth + 1, err);
            } else if (S_ISREG(sb.st_mode) && has_suffix(names[i], ".json")) {
                if (ag__grow((void **)files, cap, *n + 1, sizeof **files) != 0) {
                    st = ag__fail(err, AG_ENOMEM, "out of memory listing %s", dir);
                } else {
                    (*files)[(*n)++] = names[i];
                    names[i] = NULL;   /* owned by files now */
                }
            }
        }
        free(names[i]);
    }
    free(names);
    return st;
}

ag_status ag_lexicon_load_path(ag_lexicon *lex, const char *path, ag_error *err)
{
    struct stat sb;
    char **files = NULL;
    size_t n = 0, cap = 0;
    ag_status st, first = AG_OK;

    if (stat(path, &sb) != 0)
        return ag__fail_at(err, AG_ENOENT, path, 0, 0, "cannot open lexicon: %s", strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return ag_lexicon_load_file(lex, path, err);
    st = collect(path, &files, &n, &cap, 0, err);
    if (n > 1)
        qsort(files, n, sizeof *files, by_name);   /* byte order of the whole path */
    if (st == AG_OK && n == 0)
        st = ag__fail_at(err, AG_EINVAL, path, 0, 0, "no *.json lexicon files in this directory");
    for (size_t i = 0; i < n && st == AG_OK; i++) {
        ag_error e1;
        ag_status s1 = ag_lexicon_load_file(lex, files[i], &e1);
        if (s1 != AG_OK) {
            if (first == AG_OK) {
                first = s1;
                if (err)
                    *err = e1;
            }
            if (!lex->diag)
                st = s1;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
    return st != AG_OK ? st : first;
}

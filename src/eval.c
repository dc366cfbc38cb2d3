/*
 * eval.c — gold files and the scoring of mentions against them.
 *
 * Input: a gold JSON file (the shared gold/README.md format) and, one at a
 * time, scanned documents with their mentions. Output: per gold document
 * and overall true/false positives and negatives, precision, recall, F1,
 * the traps hit and the sentence pairs found, by the rules of eval.h (the
 * reference scorer's). jansson parses the gold; as in lexicon_json.c its
 * values carry no positions, so a small walk over the raw text finds the
 * line and column of a value when a problem must be reported. It does not
 * scan text or print.
 */
#include <jansson.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/eval.h"
#include "internal.h"
#include "text_internal.h"

#define GOLD_FILE_MAX ((size_t)1 << 30)
#define PATH_MAX_DEPTH 8

typedef struct {
    char *text;
    char *must_not_be;        /* "any actor" when absent */
    long long start;          /* code-point offset of the one occurrence, -1: every occurrence */
} gold_trap;

typedef struct {
    char *a, *b;
} gold_pair;

typedef struct {
    char *name;
    char **actors;            /* distinct, in file order */
    size_t n_actors;
    char **dontcare;          /* borderline ids and demonym_only */
    size_t n_dontcare;
    gold_pair *pairs;
    size_t n_pairs;
    gold_trap *traps;
    size_t n_traps;
} gold_doc;

typedef struct {
    char *key;                /* ag_gold_key() of an id, label or aka */
    const char *id;           /* the gold id (owned by ids[]) */
    size_t order;
} gold_name;

struct ag_gold {
    char **ids;
    size_t n_ids, cap_ids;
    gold_name *names;         /* sorted by key, one per key (the first in the file) */
    size_t n_names, cap_names;
    gold_doc *docs;           /* sorted by name */
    size_t n_docs;
};

/* --- comparison keys ---------------------------------------------------------- */

size_t ag_gold_key(const char *s, size_t len, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t n = 0;

    while (p < end) {
        const fold_entry *e;
        fold_entry scratch;
        size_t step = 1;
        uint32_t cp;

        if (*p < 0x80) {
            e = ag__fold_ascii(*p);
        } else {
            step = ag__utf8_decode(p, end, &cp);
            if (step == 0) {
                p++;
                continue;
            }
            e = ag__fold_lookup(cp, &scratch);
        }
        p += step;
        if (e->cls != FC_LETTER && e->cls != FC_DIGIT)
            continue;
        for (const char *q = e->lower; *q; q++) {
            if (n + 1 < size)
                out[n] = *q;
            n++;
        }
    }
    if (size > 0)
        out[n < size ? n : size - 1] = '\0';
    return n;
}

/* ag_gold_key() into a new string; NULL when out of memory. */
static char *key_dup(const char *s)
{
    size_t len = strlen(s), need = ag_gold_key(s, len, NULL, 0) + 1;
    char *k = (char *)malloc(need);
    if (k)
        ag_gold_key(s, len, k, need);
    return k;
}

static int by_key_order(const void *x, const void *y)
{
    const gold_name *a = (const gold_name *)x, *b = (const gold_name *)y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

const char *ag_gold_lookup(const ag_gold *g, const char *name)
{
    char buf[256], *key = buf;
    size_t len = strlen(name), need = ag_gold_key(name, len, NULL, 0) + 1;
    const char *found = NULL;
    size_t lo = 0, hi = g->n_names;

    if (need > sizeof buf && !(key = (char *)malloc(need)))
        return NULL;
    ag_gold_key(name, len, key, need);
    if (key[0]) {
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(g->names[mid].key, key);
            if (c == 0) {
                found = g->names[mid].id;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    if (key != buf)
        free(key);
    return found;
}

/* --- loading ------------------------------------------------------------------ */

typedef struct {
    const char *key;          /* object member, or NULL for an array index */
    size_t index;
} path_el;

typedef struct {
    const char *name;
    const char *text;
    size_t len;
    path_el path[PATH_MAX_DEPTH];
    size_t depth;
    ag_error *err;
    ag_gold *g;
} loader;

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i + 1;
}

/* Skips one value of text that jansson has accepted. */
static size_t skip_value(const char *s, size_t n, size_t i)
{
    size_t depth = 0;
    i = skip_ws(s, n, i);
    do {
        if (i >= n)
            return n;
        if (s[i] == '"') {
            i = skip_string(s, n, i);
        } else if (s[i] == '{' || s[i] == '[') {
            depth++;
            i++;
        } else if (s[i] == '}' || s[i] == ']') {
            depth -= depth > 0;
            i++;
        } else if (depth == 0) {
            while (i < n && !strchr(",}] \t\r\n", s[i]))
                i++;
        } else {
            i++;
        }
    } while (depth > 0);
    return i;
}

/* Offset of the value at the loader's path (as far as it can be followed). */
static size_t locate(const loader *L)
{
    const char *s = L->text;
    size_t n = L->len, i = skip_ws(s, n, 0);

    for (size_t d = 0; d < L->depth && i < n; d++) {
        const path_el *p = &L->path[d];
        if (p->key) {
            size_t klen = strlen(p->key);
            int found = 0;
            if (s[i] != '{')
                break;
            i++;
            for (;;) {
                size_t k;
                int match;
                i = skip_ws(s, n, i);
                if (i >= n || s[i] != '"')
                    break;
                k = i;
                i = skip_string(s, n, i);
                match = i - k - 2 == klen && memcmp(s + k + 1, p->key, klen) == 0;
                i = skip_ws(s, n, i);
                if (i < n && s[i] == ':')
                    i = skip_ws(s, n, i + 1);
                if (match) {
                    found = 1;
                    break;
                }
                i = skip_ws(s, n, skip_value(s, n, i));
                if (i < n && s[i] == ',')
                    i++;
            }
            if (!found)
                break;
        } else {
            if (s[i] != '[')
                break;
            i++;
            for (size_t k = 0; k < p->index && i < n; k++) {
                i = skip_ws(s, n, skip_value(s, n, i));
                if (i < n && s[i] == ',')
                    i++;
            }
            i = skip_ws(s, n, i);
        }
    }
    return i < n ? i : n;
}

static ag_status schema_error(loader *L, const char *fmt, ...) AG_PRINTF(2, 3);

static ag_status schema_error(loader *L, const char *fmt, ...)
{
    char msg[400];
    unsigned long line = 1, col = 1;
    size_t off = locate(L);
    va_list ap;

    for (size_t i = 0; i < off; i++) {
        if (L->text[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)L->text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ag__fail_at(L->err, AG_ESCHEMA, L->name, line, col, "%s", msg);
}

static void push_key(loader *L, const char *key)
{
    if (L->depth < PATH_MAX_DEPTH) {
        L->path[L->depth].key = key;
        L->path[L->depth].index = 0;
    }
    L->depth++;
}

static void push_index(loader *L, size_t index)
{
    if (L->depth < PATH_MAX_DEPTH) {
        L->path[L->depth].key = NULL;
        L->path[L->depth].index = index;
    }
    L->depth++;
}

static void pop(loader *L)
{
    L->depth--;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

static ag_status nomem(loader *L)
{
    return ag__fail_at(L->err, AG_ENOMEM, L->name, 0, 0, "out of memory loading the gold file");
}

/* A non-empty string at member `key` of obj (pushed on the path for
 * messages); *out is NULL when the member is absent and not required. */
static ag_status get_string(loader *L, json_t *obj, const char *key, int required, const char *what,
                            const char **out)
{
    json_t *v = json_object_get(obj, key);
    ag_status st = AG_OK;

    *out = NULL;
    if (!v) {
        if (required)
            st = schema_error(L, "%s lacks the required key \"%s\"", what, key);
        return st;
    }
    push_key(L, key);
    if (!json_is_string(v))
        st = schema_error(L, "\"%s\" of %s must be a string, not %s", key, what, type_name(v));
    else if (json_string_length(v) == 0)
        st = schema_error(L, "\"%s\" of %s is empty", key, what);
    else
        *out = json_string_value(v);
    pop(L);
    return st;
}

static int str_in(char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return 1;
    return 0;
}

/* Appends a copy of s to (*v, *n) unless it is there already. */
static ag_status add_unique(loader *L, char ***v, size_t *n, size_t *cap, const char *s)
{
    char *d;
    if (str_in(*v, *n, s))
        return AG_OK;
    if (ag__grow((void **)v, cap, *n + 1, sizeof **v) != 0 || !(d = ag__strdup(s)))
        return nomem(L);
    (*v)[(*n)++] = d;
    return AG_OK;
}

static ag_status add_name(loader *L, const char *name, const char *id)
{
    ag_gold *g = L->g;
    char *key = key_dup(name);

    if (!key)
        return nomem(L);
    if (!key[0]) {   /* no letter or digit: it can match nothing */
        free(key);
        return AG_OK;
    }
    if (ag__grow((void **)&g->names, &g->cap_names, g->n_names + 1, sizeof *g->names) != 0) {
        free(key);
        return nomem(L);
    }
    g->names[g->n_names].key = key;
    g->names[g->n_names].id = id;
    g->names[g->n_names].order = g->n_names;
    g->n_names++;
    return AG_OK;
}

static ag_status read_id(loader *L, const char *id, json_t *v)
{
    ag_gold *g = L->g;
    const char *label;
    json_t *aka;
    char *own;
    ag_status st;

    if (!id[0])
        return schema_error(L, "a gold id is empty");
    if (!json_is_object(v))
        return schema_error(L, "gold id \"%s\" must be an object, not %s", id, type_name(v));
    if (ag__grow((void **)&g->ids, &g->cap_ids, g->n_ids + 1, sizeof *g->ids) != 0 || !(own = ag__strdup(id)))
        return nomem(L);
    g->ids[g->n_ids++] = own;
    if ((st = get_string(L, v, "label", 0, "a gold id", &label)) != AG_OK)
        return st;
    if ((st = add_name(L, own, own)) != AG_OK || (label && (st = add_name(L, label, own)) != AG_OK))
        return st;
    aka = json_object_get(v, "aka");
    if (!aka)
        return AG_OK;
    push_key(L, "aka");
    if (!json_is_array(aka)) {
        st = schema_error(L, "\"aka\" of gold id \"%s\" must be an array of names, not %s", id, type_name(aka));
    } else {
        size_t i;
        json_t *a;
        json_array_foreach(aka, i, a) {
            push_index(L, i);
            if (!json_is_string(a))
                st = schema_error(L, "the names in \"aka\" of gold id \"%s\" must be strings, not %s", id,
                                  type_name(a));
            else
                st = add_name(L, json_string_value(a), own);
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    return st;
}

/* An array of id strings at member `key` (absent: nothing, unless required). */
static ag_status read_id_list(loader *L, json_t *obj, const char *key, int required, const char *doc,
                              char ***v, size_t *n)
{
    json_t *arr = json_object_get(obj, key), *x;
    size_t cap = *n, i;
    ag_status st = AG_OK;

    if (!arr)
        return required ? schema_error(L, "document \"%s\" lacks the required key \"%s\"", doc, key) : AG_OK;
    push_key(L, key);
    if (!json_is_array(arr)) {
        st = schema_error(L, "\"%s\" of document \"%s\" must be an array of ids, not %s", key, doc, type_name(arr));
    } else {
        json_array_foreach(arr, i, x) {
            push_index(L, i);
            if (!json_is_string(x) || json_string_length(x) == 0)
                st = schema_error(L, "\"%s\" of document \"%s\" must hold non-empty id strings, not %s", key, doc,
                                  json_is_string(x) ? "an empty string" : type_name(x));
            else
                st = add_unique(L, v, n, &cap, json_string_value(x));
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    return st;
}

static ag_status read_borderline(loader *L, json_t *obj, const char *doc, gold_doc *d)
{
    json_t *arr = json_object_get(obj, "borderline"), *x;
    size_t cap = d->n_dontcare, i;
    ag_status st = AG_OK;

    if (!arr)
        return AG_OK;
    push_key(L, "borderline");
    if (!json_is_array(arr)) {
        st = schema_error(L, "\"borderline\" of document \"%s\" must be an array of {\"id\": ..., \"why\": ...}, "
                             "not %s", doc, type_name(arr));
    } else {
        json_array_foreach(arr, i, x) {
            const char *id;
            push_index(L, i);
            if (!json_is_object(x))
                st = schema_error(L, "a \"borderline\" entry of document \"%s\" must be an object with an \"id\", "
                                     "not %s", doc, type_name(x));
            else if ((st = get_string(L, x, "id", 1, "a borderline entry", &id)) == AG_OK)
                st = add_unique(L, &d->dontcare, &d->n_dontcare, &cap, id);
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    return st;
}

static ag_status read_pairs(loader *L, json_t *obj, const char *doc, gold_doc *d)
{
    json_t *arr = json_object_get(obj, "sentence_pairs"), *x;
    size_t i;
    ag_status st = AG_OK;

    if (!arr)
        return AG_OK;
    push_key(L, "sentence_pairs");
    if (!json_is_array(arr)) {
        st = schema_error(L, "\"sentence_pairs\" of document \"%s\" must be an array of [id, id], not %s", doc,
                          type_name(arr));
    } else if (json_array_size(arr) && !(d->pairs = (gold_pair *)calloc(json_array_size(arr), sizeof *d->pairs))) {
        st = nomem(L);
    } else {
        json_array_foreach(arr, i, x) {
            json_t *a = json_array_get(x, 0), *b = json_array_get(x, 1);
            push_index(L, i);
            if (!json_is_array(x) || json_array_size(x) != 2 || !json_is_string(a) || !json_is_string(b)) {
                st = schema_error(L, "a sentence pair of document \"%s\" must be an array of two id strings", doc);
            } else {
                gold_pair *p = &d->pairs[d->n_pairs];
                p->a = ag__strdup(json_string_value(a));
                p->b = ag__strdup(json_string_value(b));
                d->n_pairs++;
                if (!p->a || !p->b)
                    st = nomem(L);
            }
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    return st;
}

static ag_status read_traps(loader *L, json_t *obj, const char *doc, gold_doc *d)
{
    json_t *arr = json_object_get(obj, "traps"), *x;
    size_t i;
    ag_status st = AG_OK;

    if (!arr)
        return AG_OK;
    push_key(L, "traps");
    if (!json_is_array(arr)) {
        st = schema_error(L, "\"traps\" of document \"%s\" must be an array of {\"text\": ..., \"must_not_be\": ...}, "
                             "not %s", doc, type_name(arr));
    } else if (json_array_size(arr) && !(d->traps = (gold_trap *)calloc(json_array_size(arr), sizeof *d->traps))) {
        st = nomem(L);
    } else {
        json_array_foreach(arr, i, x) {
            const char *text = NULL, *bad = NULL;
            json_t *start;
            push_index(L, i);
            if (!json_is_object(x)) {
                st = schema_error(L, "a trap of document \"%s\" must be an object with a \"text\", not %s", doc,
                                  type_name(x));
            } else if ((st = get_string(L, x, "text", 1, "a trap", &text)) == AG_OK &&
                       (st = get_string(L, x, "must_not_be", 0, "a trap", &bad)) == AG_OK) {
                gold_trap *t = &d->traps[d->n_traps++];
                t->start = -1;
                if ((start = json_object_get(x, "start")) != NULL) {
                    push_key(L, "start");
                    if (!json_is_integer(start) || json_integer_value(start) < 0)
                        st = schema_error(L, "\"start\" of a trap must be a character offset (an integer >= 0)");
                    else
                        t->start = (long long)json_integer_value(start);
                    pop(L);
                }
                t->text = ag__strdup(text);
                t->must_not_be = ag__strdup(bad ? bad : "any actor");
                if (st == AG_OK && (!t->text || !t->must_not_be))
                    st = nomem(L);
            }
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    return st;
}

static ag_status read_doc(loader *L, const char *name, json_t *v, gold_doc *d)
{
    ag_status st;

    if (!name[0] || strchr(name, '/'))
        return schema_error(L, "document name \"%s\" must be a file name (documents are matched by the last "
                               "component of their id)", name);
    if (!json_is_object(v))
        return schema_error(L, "document \"%s\" must be an object, not %s", name, type_name(v));
    if (!(d->name = ag__strdup(name)))
        return nomem(L);
    if ((st = read_id_list(L, v, "actors", 1, name, &d->actors, &d->n_actors)) != AG_OK ||
        (st = read_id_list(L, v, "demonym_only", 0, name, &d->dontcare, &d->n_dontcare)) != AG_OK ||
        (st = read_borderline(L, v, name, d)) != AG_OK || (st = read_pairs(L, v, name, d)) != AG_OK ||
        (st = read_traps(L, v, name, d)) != AG_OK)
        return st;
    return AG_OK;
}

static int by_doc_name(const void *x, const void *y)
{
    return strcmp(((const gold_doc *)x)->name, ((const gold_doc *)y)->name);
}

static ag_status read_gold(loader *L, json_t *root)
{
    ag_gold *g = L->g;
    json_t *ids, *docs, *v;
    const char *key;
    ag_status st = AG_OK;

    if (!json_is_object(root))
        return schema_error(L, "a gold file must be an object with \"ids\" and \"docs\", not %s", type_name(root));
    ids = json_object_get(root, "ids");
    if (ids) {
        push_key(L, "ids");
        if (!json_is_object(ids))
            st = schema_error(L, "\"ids\" must be an object (gold id -> {\"label\", \"aka\", ...}), not %s",
                              type_name(ids));
        else
            json_object_foreach(ids, key, v) {
                push_key(L, key);
                st = read_id(L, key, v);
                pop(L);
                if (st != AG_OK)
                    break;
            }
        pop(L);
        if (st != AG_OK)
            return st;
    }
    docs = json_object_get(root, "docs");
    if (!docs)
        return schema_error(L, "the gold file lacks the required key \"docs\"");
    push_key(L, "docs");
    if (!json_is_object(docs)) {
        st = schema_error(L, "\"docs\" must be an object (file name -> annotations), not %s", type_name(docs));
    } else if (json_object_size(docs) &&
               !(g->docs = (gold_doc *)calloc(json_object_size(docs), sizeof *g->docs))) {
        st = nomem(L);
    } else {
        json_object_foreach(docs, key, v) {
            push_key(L, key);
            st = read_doc(L, key, v, &g->docs[g->n_docs++]);
            pop(L);
            if (st != AG_OK)
                break;
        }
    }
    pop(L);
    if (st != AG_OK)
        return st;
    if (g->n_docs > 1)
        qsort(g->docs, g->n_docs, sizeof *g->docs, by_doc_name);
    if (g->n_names > 1) {
        size_t m = 0;
        qsort(g->names, g->n_names, sizeof *g->names, by_key_order);
        for (size_t i = 0; i < g->n_names; i++) {
            if (m && strcmp(g->names[m - 1].key, g->names[i].key) == 0)
                free(g->names[i].key);
            else
                g->names[m++] = g->names[i];
        }
        g->n_names = m;
    }
    return AG_OK;
}

ag_status ag_gold_load_buffer(const char *name, const char *data, size_t len, ag_gold **out, ag_error *err)
{
    json_error_t jerr;
    json_t *root = NULL;
    loader L;
    ag_status st;

    *out = NULL;
    memset(&L, 0, sizeof L);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return ag__fail_at(err, AG_ESYNTAX, name, (unsigned long)(jerr.line > 0 ? jerr.line : 1),
                           (unsigned long)(jerr.column > 0 ? jerr.column : 1), "malformed JSON: %s", jerr.text);
    L.name = name;
    L.text = data;
    L.len = len;
    L.err = err;
    L.g = (ag_gold *)calloc(1, sizeof *L.g);
    if (!L.g) {
        json_decref(root);
        return ag__fail_at(err, AG_ENOMEM, name, 0, 0, "out of memory loading the gold file");
    }
    st = read_gold(&L, root);
    json_decref(root);
    if (st != AG_OK) {
        ag_gold_free(L.g);
        return st;
    }
    *out = L.g;
    return AG_OK;
}

ag_status ag_gold_load_file(const char *path, ag_gold **out, ag_error *err)
{
    FILE *fp;
    char *data = NULL;
    size_t len = 0, cap = 0;
    ag_status st;

    *out = NULL;
    if (!(fp = fopen(path, "rb")))
        return ag__fail_at(err, AG_ENOENT, path, 0, 0, "cannot open the gold file: %s", strerror(errno));
    for (;;) {
        size_t got;
        if (ag__grow((void **)&data, &cap, len + 65536 + 1, 1) != 0) {
            st = ag__fail_at(err, AG_ENOMEM, path, 0, 0, "out of memory reading the gold file");
            goto done;
        }
        got = fread(data + len, 1, cap - len - 1, fp);
        len += got;
        if (len > GOLD_FILE_MAX) {
            st = ag__fail_at(err, AG_ELIMIT, path, 0, 0, "the gold file is larger than %zu bytes", GOLD_FILE_MAX);
            goto done;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        st = ag__fail_at(err, AG_EIO, path, 0, 0, "cannot read the gold file: %s", strerror(errno));
        goto done;
    }
    data[len] = '\0';
    st = ag_gold_load_buffer(path, data, len, out, err);

done:
    fclose(fp);
    free(data);
    return st;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void ag_gold_free(ag_gold *g)
{
    if (!g)
        return;
    free_list(g->ids, g->n_ids);
    for (size_t i = 0; i < g->n_names; i++)
        free(g->names[i].key);
    free(g->names);
    for (size_t i = 0; i < g->n_docs; i++) {
        gold_doc *d = &g->docs[i];
        free(d->name);
        free_list(d->actors, d->n_actors);
        free_list(d->dontcare, d->n_dontcare);
        for (size_t k = 0; k < d->n_pairs; k++) {
            free(d->pairs[k].a);
            free(d->pairs[k].b);
        }
        free(d->pairs);
        for (size_t k = 0; k < d->n_traps; k++) {
            free(d->traps[k].text);
            free(d->traps[k].must_not_be);
        }
        free(d->traps);
    }
    free(g->docs);
    free(g);
}

size_t ag_gold_doc_count(const ag_gold *g)
{
    return g->n_docs;
}

const char *ag_gold_doc_name(const ag_gold *g, size_t i)
{
    return i < g->n_docs ? g->docs[i].name : NULL;
}

/* The gold document named like the last component of doc_id, or -1. */
static long find_doc(const ag_gold *g, const char *doc_id)
{
    const char *slash = strrchr(doc_id, '/'), *base = slash ? slash + 1 : doc_id;
    size_t lo = 0, hi = g->n_docs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->docs[mid].name, base);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* --- scoring ------------------------------------------------------------------ */

typedef struct {
    ag_eval_found *found;     /* every actor found, in order of first mention */
    size_t n_found, cap_found;
    ag_eval_trap_hit *hits;
    size_t n_hits, cap_hits;
    unsigned char *pair_found;
    size_t inputs;
    /* results, filled by ag_eval_finish */
    ag_eval_found *fps;
    const char **fns;
    ag_eval_pair *missed;
    ag_eval_doc res;
} eval_doc;

struct ag_eval {
    const ag_gold *gold;
    const ag_lexicon *lex;
    const char **key;         /* per lexicon actor: the gold id it is taken for, else its own id */
    eval_doc *docs;
    char **strings;           /* surfaces and document ids kept for the results */
    size_t n_strings, cap_strings;
    int finished;
};

ag_status ag_eval_new(const ag_gold *gold, const ag_lexicon *lex, ag_eval **out, ag_error *err)
{
    ag_eval *ev;
    size_t n = ag_lexicon_actor_count(lex);

    *out = NULL;
    ev = (ag_eval *)calloc(1, sizeof *ev);
    if (!ev)
        return ag__fail(err, AG_ENOMEM, "out of memory creating an evaluator");
    ev->gold = gold;
    ev->lex = lex;
    ev->key = (const char **)calloc(n ? n : 1, sizeof *ev->key);
    ev->docs = (eval_doc *)calloc(gold->n_docs ? gold->n_docs : 1, sizeof *ev->docs);
    if (!ev->key || !ev->docs)
        goto nomem;
    for (size_t i = 0; i < gold->n_docs; i++) {
        size_t np = gold->docs[i].n_pairs;
        if (np && !(ev->docs[i].pair_found = (unsigned char *)calloc(np, 1)))
            goto nomem;
    }
    for (size_t i = 0; i < n; i++) {
        const ag_actor *a = ag_lexicon_actor(lex, i);
        const char *k = ag_gold_lookup(gold, a->id);
        if (!k)
            k = ag_gold_lookup(gold, a->label);
        ev->key[i] = k ? k : a->id;
    }
    *out = ev;
    return AG_OK;

nomem:
    ag_eval_free(ev);
    return ag__fail(err, AG_ENOMEM, "out of memory creating an evaluator");
}

void ag_eval_free(ag_eval *ev)
{
    if (!ev)
        return;
    if (ev->docs) {
        for (size_t i = 0; i < ev->gold->n_docs; i++) {
            eval_doc *d = &ev->docs[i];
            free(d->found);
            free(d->hits);
            free(d->pair_found);
            free(d->fps);
            free(d->fns);
            free(d->missed);
        }
    }
    free_list(ev->strings, ev->n_strings);
    free(ev->docs);
    free(ev->key);
    free(ev);
}

/* A copy of [s, s+n) kept until the evaluator is freed; NULL when out of memory. */
static const char *keep(ag_eval *ev, const char *s, size_t n)
{
    char *d;
    if (ag__grow((void **)&ev->strings, &ev->cap_strings, ev->n_strings + 1, sizeof *ev->strings) != 0 ||
        !(d = ag__strndup(s, n)))
        return NULL;
    ev->strings[ev->n_strings++] = d;
    return d;
}

/* Byte offset of code point `cp` in text, or -1 past the end. */
static long long byte_offset(const char *text, size_t len, long long cp)
{
    size_t i = 0;
    for (long long k = 0; k < cp; k++) {
        if (i >= len)
            return -1;
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    return (long long)i;
}

static int add_hit(ag_eval *ev, eval_doc *d, const gold_trap *t, const char *key, const ag_mention *m,
                   const char *doc, const char *text)
{
    ag_eval_trap_hit *h;
    if (ag__grow((void **)&d->hits, &d->cap_hits, d->n_hits + 1, sizeof *d->hits) != 0)
        return -1;
    h = &d->hits[d->n_hits];
    h->trap = t->text;
    h->must_not_be = t->must_not_be;
    h->id = key;
    h->start = m->start;
    h->end = m->end;
    h->doc = doc;
    if (!(h->text = keep(ev, text + m->start, m->end - m->start)))
        return -1;
    d->n_hits++;
    return 0;
}

/* Every mention overlapping [a, b) and taken for what the trap forbids. */
static int trap_span(ag_eval *ev, eval_doc *d, const gold_trap *t, size_t a, size_t b, const ag_scan_result *res,
                     const char *doc, const char *text)
{
    int any = strcmp(t->must_not_be, "any actor") == 0;
    for (size_t i = 0; i < res->n_mentions; i++) {
        const ag_mention *m = &res->mentions[i];
        const char *key = ev->key[m->actor];
        if (m->start < b && m->end > a && (any || strcmp(key, t->must_not_be) == 0) &&
            add_hit(ev, d, t, key, m, doc, text) != 0)
            return -1;
    }
    return 0;
}

static int check_traps(ag_eval *ev, eval_doc *d, const gold_doc *gd, const char *text, size_t len,
                       const ag_scan_result *res, const char *doc)
{
    for (size_t k = 0; k < gd->n_traps; k++) {
        const gold_trap *t = &gd->traps[k];
        size_t tl = strlen(t->text);
        if (t->start >= 0) {
            long long b0 = byte_offset(text, len, t->start);
            if (b0 >= 0 && trap_span(ev, d, t, (size_t)b0, (size_t)b0 + tl, res, doc, text) != 0)
                return -1;
            continue;
        }
        for (size_t i = 0; tl <= len && i + tl <= len; i++) {
            if (memcmp(text + i, t->text, tl) == 0 && trap_span(ev, d, t, i, i + tl, res, doc, text) != 0)
                return -1;
        }
    }
    return 0;
}

/* Marks the gold pairs whose two actors share a sentence of this document. */
static void check_pairs(const ag_eval *ev, eval_doc *d, const gold_doc *gd, const ag_scan_result *res)
{
    size_t i = 0;
    while (i < res->n_mentions) {
        size_t j = i;
        while (j < res->n_mentions && res->mentions[j].sentence == res->mentions[i].sentence)
            j++;
        for (size_t p = 0; p < gd->n_pairs; p++) {
            int has_a = 0, has_b = 0;
            if (d->pair_found[p])
                continue;
            for (size_t k = i; k < j; k++) {
                const ag_mention *m = &res->mentions[k];
                if (m->kind == AG_KIND_DEMONYM)
                    continue;
                has_a |= strcmp(ev->key[m->actor], gd->pairs[p].a) == 0;
                has_b |= strcmp(ev->key[m->actor], gd->pairs[p].b) == 0;
            }
            d->pair_found[p] = (unsigned char)(has_a && has_b);
        }
        i = j;
    }
}

ag_status ag_eval_add(ag_eval *ev, const char *doc_id, const char *text, size_t len, const ag_scan_result *res,
                      int *scored, ag_error *err)
{
    long di;
    eval_doc *d;
    const gold_doc *gd;
    const char *doc;

    if (scored)
        *scored = 0;
    if (ev->finished)
        return ag__fail(err, AG_EINVAL, "the evaluation is finished; no more documents can be added");
    di = find_doc(ev->gold, doc_id);
    if (di < 0)
        return AG_OK;
    d = &ev->docs[di];
    gd = &ev->gold->docs[di];
    if (!(doc = keep(ev, doc_id, strlen(doc_id))))
        goto nomem;
    d->inputs++;
    for (size_t i = 0; i < res->n_mentions; i++) {
        const ag_mention *m = &res->mentions[i];
        const char *key = ev->key[m->actor];
        ag_eval_found *f = NULL;
        if (m->kind == AG_KIND_DEMONYM)
            continue;
        for (size_t k = 0; k < d->n_found && !f; k++)
            if (d->found[k].id == key)   /* keys are canonical pointers: one per gold id or actor */
                f = &d->found[k];
        if (!f) {
            if (ag__grow((void **)&d->found, &d->cap_found, d->n_found + 1, sizeof *d->found) != 0)
                goto nomem;
            f = &d->found[d->n_found];
            memset(f, 0, sizeof *f);
            f->id = key;
            f->start = m->start;
            f->end = m->end;
            f->kind = m->kind;
            f->doc = doc;
            if (!(f->text = keep(ev, text + m->start, m->end - m->start)))
                goto nomem;
            d->n_found++;
        }
        f->mentions++;
    }
    if (check_traps(ev, d, gd, text, len, res, doc) != 0)
        goto nomem;
    check_pairs(ev, d, gd, res);
    if (scored)
        *scored = 1;
    return AG_OK;

nomem:
    return ag__fail(err, AG_ENOMEM, "out of memory scoring %s", doc_id);
}

static int by_found_id(const void *x, const void *y)
{
    return strcmp(((const ag_eval_found *)x)->id, ((const ag_eval_found *)y)->id);
}

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static int found_has(const eval_doc *d, const char *id)
{
    for (size_t k = 0; k < d->n_found; k++)
        if (strcmp(d->found[k].id, id) == 0)
            return 1;
    return 0;
}

ag_status ag_eval_finish(ag_eval *ev, ag_eval_summary *out, ag_error *err)
{
    ag_eval_summary s;

    memset(&s, 0, sizeof s);
    if (!ev->finished) {
        for (size_t i = 0; i < ev->gold->n_docs; i++) {
            eval_doc *d = &ev->docs[i];
            const gold_doc *gd = &ev->gold->docs[i];
            ag_eval_doc *r = &d->res;

            memset(r, 0, sizeof *r);
            r->name = gd->name;
            r->inputs = d->inputs;
            free(d->fps);   /* left by an earlier call that ran out of memory */
            free(d->fns);
            free(d->missed);
            d->fps = (ag_eval_found *)malloc((d->n_found ? d->n_found : 1) * sizeof *d->fps);
            d->fns = (const char **)malloc((gd->n_actors ? gd->n_actors : 1) * sizeof *d->fns);
            d->missed = (ag_eval_pair *)malloc((gd->n_pairs ? gd->n_pairs : 1) * sizeof *d->missed);
            if (!d->fps || !d->fns || !d->missed)
                return ag__fail(err, AG_ENOMEM, "out of memory computing the scores");
            for (size_t k = 0; k < gd->n_actors; k++) {
                if (found_has(d, gd->actors[k]))
                    r->tp++;
                else
                    d->fns[r->n_false_negatives++] = gd->actors[k];
            }
            for (size_t k = 0; k < d->n_found; k++) {
                const char *id = d->found[k].id;
                if (!str_in(gd->actors, gd->n_actors, id) && !str_in(gd->dontcare, gd->n_dontcare, id))
                    d->fps[r->n_false_positives++] = d->found[k];
            }
            qsort(d->fps, r->n_false_positives, sizeof *d->fps, by_found_id);
            qsort(d->fns, r->n_false_negatives, sizeof *d->fns, by_string);
            for (size_t p = 0; p < gd->n_pairs; p++) {
                if (d->pair_found[p]) {
                    r->pairs_found++;
                } else {
                    d->missed[r->n_missed_pairs].a = gd->pairs[p].a;
                    d->missed[r->n_missed_pairs].b = gd->pairs[p].b;
                    r->n_missed_pairs++;
                }
            }
            r->fp = r->n_false_positives;
            r->fn = r->n_false_negatives;
            r->pairs = gd->n_pairs;
            r->false_positives = d->fps;
            r->false_negatives = d->fns;
            r->missed_pairs = d->missed;
            r->trap_hits = d->hits;
            r->n_trap_hits = d->n_hits;
            r->precision = ratio(r->tp, r->tp + r->fp);
            r->recall = ratio(r->tp, r->tp + r->fn);
            r->f1 = f1(r->precision, r->recall);
        }
        ev->finished = 1;
    }
    for (size_t i = 0; i < ev->gold->n_docs; i++) {
        const ag_eval_doc *r = &ev->docs[i].res;
        s.documents++;
        s.documents_seen += r->inputs > 0;
        s.inputs_scored += r->inputs;
        s.tp += r->tp;
        s.fp += r->fp;
        s.fn += r->fn;
        s.trap_hits += r->n_trap_hits;
        s.pairs += r->pairs;
        s.pairs_found += r->pairs_found;
    }
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
    s.f1 = f1(s.precision, s.recall);
    s.pair_recall = ratio(s.pairs_found, s.pairs);
    if (out)
        *out = s;
    return AG_OK;
}

size_t ag_eval_doc_count(const ag_eval *ev)
{
    return ev->finished ? ev->gold->n_docs : 0;
}

const ag_eval_doc *ag_eval_doc_get(const ag_eval *ev, size_t i)
{
    return ev->finished && i < ev->gold->n_docs ? &ev->docs[i].res : NULL;
}

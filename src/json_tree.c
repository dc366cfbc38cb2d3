/*
 * json_tree.c — a small read-only JSON tree in an arena (see json_tree.h).
 *
 * Recursive descent over the text. A container's children are gathered in
 * a scratch vector of their depth and copied into the arena when the
 * container closes, so siblings are contiguous and nothing is allocated
 * per value once the vectors and the arena have grown.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_scan.h"
#include "json_tree.h"
#include "text_internal.h"

#define MAX_DEPTH 64
#define CHUNK ((size_t)64 << 10)

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    /* the room follows, 16-byte aligned */
} chunk;

typedef struct {
    ag_jt *items;
    const char **keys;
    size_t n, cap;
} scratch;

struct ag_jt_parser {
    chunk *first, *cur;
    scratch level[MAX_DEPTH];
    const char *s, *end;
    int nomem;
};

#define CHUNK_HEAD ((sizeof(chunk) + 15) & ~(size_t)15)

ag_jt_parser *ag__jt_parser_new(void)
{
    return (ag_jt_parser *)calloc(1, sizeof(ag_jt_parser));
}

void ag__jt_parser_free(ag_jt_parser *p)
{
    chunk *c;
    if (!p)
        return;
    c = p->first;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    for (int i = 0; i < MAX_DEPTH; i++) {
        free(p->level[i].items);
        free(p->level[i].keys);
    }
    free(p);
}

void ag__jt_reset(ag_jt_parser *p)
{
    for (chunk *c = p->first; c; c = c->next)
        c->used = 0;
    p->cur = p->first;
}

void *ag__jt_alloc(ag_jt_parser *p, size_t size)
{
    chunk *c = p->cur;
    size = (size + 15) & ~(size_t)15;
    while (c && c->used + size > c->size)
        c = c->next;   /* a later chunk (kept from an earlier parse) may have room */
    if (!c) {
        size_t room = size > CHUNK ? size : CHUNK;
        c = (chunk *)malloc(CHUNK_HEAD + room);
        if (!c) {
            p->nomem = 1;
            return NULL;
        }
        c->used = 0;
        c->size = room;
        c->next = NULL;
        if (!p->first) {
            p->first = c;
        } else {
            chunk *last = p->first;
            while (last->next)
                last = last->next;
            last->next = c;
        }
    }
    p->cur = c;
    c->used += size;
    return (char *)c + CHUNK_HEAD + c->used - size;
}

static void blanks(ag_jt_parser *p)
{
    while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
        p->s++;
}

static int hex4(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* A string literal at p->s (on its quote): decoded into the arena. */
static const char *string(ag_jt_parser *p, size_t *len)
{
    const char *q = p->s + 1, *start = q;
    int plain = 1;
    char *out, *o;
    /* find the end, check the bytes */
    while (q < p->end && *q != '"') {
        unsigned char c = (unsigned char)*q;
        if (c < 0x20)
            return NULL;
        if (c == '\\') {
            plain = 0;
            if (q + 1 >= p->end)
                return NULL;
            q += q[1] == 'u' ? 6 : 2;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = ag__utf8_decode((const unsigned char *)q, (const unsigned char *)p->end, &cp);
            if (k == 0)
                return NULL;
            q += k;
            continue;
        }
        q++;
    }
    if (q >= p->end)
        return NULL;
    out = (char *)ag__jt_alloc(p, (size_t)(q - start) + 1);
    if (!out)
        return NULL;
    if (plain) {
        memcpy(out, start, (size_t)(q - start));
        out[q - start] = '\0';
        *len = (size_t)(q - start);
        p->s = q + 1;
        return out;
    }
    o = out;
    for (const char *r = start; r < q;) {
        unsigned cp, lo;
        if (*r != '\\') {
            *o++ = *r++;
            continue;
        }
        switch (r[1]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
            if (r + 6 > q || hex4(r + 2, &cp) != 0 || cp == 0)
                return NULL;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return NULL;   /* a lone low surrogate */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (r + 12 > q || r[6] != '\\' || r[7] != 'u' || hex4(r + 8, &lo) != 0 || lo < 0xDC00 ||
                    lo > 0xDFFF)
                    return NULL;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                r += 6;
            }
            o += ag__jscan_put_utf8(o, cp);
            r += 6;
            continue;
        default:
            return NULL;
        }
        r += 2;
    }
    *o = '\0';
    *len = (size_t)(o - out);
    p->s = q + 1;
    return out;
}

static int number(ag_jt_parser *p, ag_jt *v)
{
    const char *q = p->s;
    int real = 0;
    char buf[64], *endp;
    if (q < p->end && *q == '-')
        q++;
    if (q >= p->end || *q < '0' || *q > '9')
        return -1;
    if (*q == '0' && q + 1 < p->end && q[1] >= '0' && q[1] <= '9')
        return -1;
    while (q < p->end && *q >= '0' && *q <= '9')
        q++;
    if (q < p->end && *q == '.') {
        real = 1;
        q++;
        if (q >= p->end || *q < '0' || *q > '9')
            return -1;
        while (q < p->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < p->end && (*q == 'e' || *q == 'E')) {
        real = 1;
        q++;
        if (q < p->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= p->end || *q < '0' || *q > '9')
            return -1;
        while (q < p->end && *q >= '0' && *q <= '9')
            q++;
    }
    if ((size_t)(q - p->s) >= sizeof buf)
        return -1;   /* let jansson judge very long numbers */
    memcpy(buf, p->s, (size_t)(q - p->s));
    buf[q - p->s] = '\0';
    errno = 0;
    if (real) {
        v->type = AG_JT_REAL;
        v->real = strtod(buf, &endp);
        if (errno == ERANGE && isinf(v->real))
            return -1;
    } else {
        v->type = AG_JT_INTEGER;
        v->integer = strtoll(buf, &endp, 10);
        if (errno == ERANGE)
            return -1;
    }
    p->s = q;
    return 0;
}

static int value(ag_jt_parser *p, ag_jt *v, int depth);

static int container(ag_jt_parser *p, ag_jt *v, int depth, char close)
{
    scratch *sc;
    if (depth >= MAX_DEPTH)
        return -1;
    sc = &p->level[depth];
    sc->n = 0;
    p->s++;   /* the opening bracket */
    blanks(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
    } else {
        for (;;) {
            const char *key = NULL;
            size_t klen;
            if (sc->n == sc->cap) {
                size_t cap = sc->cap ? sc->cap * 2 : 16;
                ag_jt *items = (ag_jt *)realloc(sc->items, cap * sizeof *items);
                const char **keys;
                if (!items) {
                    p->nomem = 1;
                    return -1;
                }
                sc->items = items;
                keys = (const char **)realloc(sc->keys, cap * sizeof *keys);
                if (!keys) {
                    p->nomem = 1;
                    return -1;
                }
                sc->keys = keys;
                sc->cap = cap;
            }
            if (close == '}') {
                blanks(p);
                if (p->s >= p->end || *p->s != '"' || !(key = string(p, &klen)))
                    return -1;
                for (size_t i = 0; i < sc->n; i++)
                    if (strcmp(sc->keys[i], key) == 0)
                        return -1;   /* a duplicate: jansson names it */
                blanks(p);
                if (p->s >= p->end || *p->s != ':')
                    return -1;
                p->s++;
            }
            sc->keys[sc->n] = key;
            if (value(p, &sc->items[sc->n], depth + 1) != 0)
                return -1;
            sc = &p->level[depth];   /* (deeper levels have their own vectors) */
            sc->n++;
            blanks(p);
            if (p->s < p->end && *p->s == ',') {
                p->s++;
                continue;
            }
            if (p->s < p->end && *p->s == close) {
                p->s++;
                break;
            }
            return -1;
        }
    }
    v->type = close == '}' ? AG_JT_OBJECT : AG_JT_ARRAY;
    v->n = sc->n;
    v->items = NULL;
    v->keys = NULL;
    if (sc->n) {
        v->items = (ag_jt *)ag__jt_alloc(p, sc->n * sizeof *v->items);
        if (!v->items)
            return -1;
        memcpy(v->items, sc->items, sc->n * sizeof *v->items);
        if (close == '}') {
            v->keys = (const char **)ag__jt_alloc(p, sc->n * sizeof *v->keys);
            if (!v->keys)
                return -1;
            memcpy(v->keys, sc->keys, sc->n * sizeof *v->keys);
        }
    }
    return 0;
}

static int literal(ag_jt_parser *p, const char *word, size_t n)
{
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0)
        return -1;
    p->s += n;
    return 0;
}

static int value(ag_jt_parser *p, ag_jt *v, int depth)
{
    memset(v, 0, sizeof *v);
    blanks(p);
    if (p->s >= p->end)
        return -1;
    switch (*p->s) {
    case '{': return container(p, v, depth, '}');
    case '[': return container(p, v, depth, ']');
    case '"':
        v->type = AG_JT_STRING;
        return (v->str = string(p, &v->n)) ? 0 : -1;
    case 't':
        v->type = AG_JT_TRUE;
        return literal(p, "true", 4);
    case 'f':
        v->type = AG_JT_FALSE;
        return literal(p, "false", 5);
    case 'n':
        v->type = AG_JT_NULL;
        return literal(p, "null", 4);
    default:
        return number(p, v);
    }
}

const ag_jt *ag__jt_parse(ag_jt_parser *p, const char *s, size_t n, int *nomem)
{
    ag__jt_reset(p);
    return ag__jt_parse_more(p, s, n, nomem);
}

const ag_jt *ag__jt_parse_more(ag_jt_parser *p, const char *s, size_t n, int *nomem)
{
    ag_jt *root;
    p->nomem = 0;
    p->s = s;
    p->end = s + n;
    root = (ag_jt *)ag__jt_alloc(p, sizeof *root);
    if (root && value(p, root, 0) == 0) {
        blanks(p);
        if (p->s == p->end) {
            *nomem = 0;
            return root;
        }
    }
    *nomem = p->nomem;
    return NULL;
}

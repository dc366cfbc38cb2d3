/*
 * json_tree.h — a small read-only JSON tree in an arena.
 *
 * For JSON that is almost always well-formed and read in many small pieces
 * (the actors of a lexicon): one pass, one arena reused for every piece,
 * no allocation per value. It takes only what jansson would take the same
 * way; on anything else (a syntax error, invalid UTF-8 or \u0000 in a
 * string, a duplicate key, an integer beyond 64 bits, a real that
 * overflows, deep nesting) it returns NULL and the caller asks jansson,
 * which says what is wrong in its own words.
 */
#ifndef AG_JSON_TREE_H
#define AG_JSON_TREE_H

#include <stddef.h>

typedef enum {
    AG_JT_OBJECT,
    AG_JT_ARRAY,
    AG_JT_STRING,
    AG_JT_INTEGER,
    AG_JT_REAL,
    AG_JT_TRUE,
    AG_JT_FALSE,
    AG_JT_NULL
} ag_jt_type;

typedef struct ag_jt ag_jt;
struct ag_jt {
    ag_jt_type type;
    size_t n;               /* members of an object, elements of an array, bytes of a string */
    const char *str;        /* a string's value, NUL-terminated UTF-8 */
    long long integer;
    double real;
    ag_jt *items;           /* an array's elements, an object's member values */
    const char **keys;      /* an object's member names, in order */
};

typedef struct ag_jt_parser ag_jt_parser;

ag_jt_parser *ag__jt_parser_new(void);
void ag__jt_parser_free(ag_jt_parser *p);

/* Parses the one JSON value in [s, s + n) (blanks around it allowed).
 * The tree lives until the next parse or allocation. NULL when the text is
 * not taken (see above) or memory ran out (*nomem set). */
const ag_jt *ag__jt_parse(ag_jt_parser *p, const char *s, size_t n, int *nomem);

/* The same, keeping the trees parsed before. */
const ag_jt *ag__jt_parse_more(ag_jt_parser *p, const char *s, size_t n, int *nomem);

/* Room in the parser's arena (for building trees by hand); NULL when out
 * of memory. */
void *ag__jt_alloc(ag_jt_parser *p, size_t size);
/* Forgets every tree (keeps the memory). */
void ag__jt_reset(ag_jt_parser *p);

/* A member's value, NULL when absent. */
static inline const ag_jt *ag__jt_get(const ag_jt *obj, const char *key)
{
    if (!obj || obj->type != AG_JT_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n; i++) {
        const char *k = obj->keys[i], *q = key;
        while (*k && *k == *q) {
            k++;
            q++;
        }
        if (*k == *q)
            return &obj->items[i];
    }
    return NULL;
}

#endif

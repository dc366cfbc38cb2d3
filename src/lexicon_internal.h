/*
 * lexicon_internal.h — the lexicon's insides, shared by lexicon.c (store,
 * validation, compile), lexicon_json.c (the JSON reader) and match.c (the
 * alias index it builds and the scanner reads).
 */
#ifndef AG_LEXICON_INTERNAL_H
#define AG_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "actorgraph/lexicon.h"

typedef struct ag_index ag_index;

/* Where an alias or actor was written, for messages. */
typedef struct {
    uint32_t file;          /* index into lex->files */
    unsigned long line;
    unsigned long column;
} ag_pos;

typedef struct {
    void *code;             /* pcre2_code_8 * */
    uint32_t alias;         /* index into lex->aliases */
} ag_pattern;

/* Memory for the lexicon's strings and small arrays, freed all at once:
 * a large lexicon holds hundreds of thousands of them. */
typedef struct ag_lex_chunk ag_lex_chunk;
struct ag_lex_chunk {
    ag_lex_chunk *next;
    size_t used, size;
};

struct ag_lexicon {
    ag_actor *actors;
    ag_pos *actor_pos;
    size_t n_actors, cap_actors;

    ag_alias *aliases;
    ag_pos *alias_pos;
    size_t n_aliases, cap_aliases;

    char **files;
    size_t n_files, cap_files;

    /* id -> actor index: open addressing over a power-of-two table */
    uint32_t *ids;
    size_t ids_cap;

    ag_diag_fn diag;
    void *diag_ud;
    size_t n_errors;
    ag_error pending;       /* first error of the current call, in diagnostics mode */
    int strict;             /* unknown affiliations are errors */

    ag_lex_chunk *arena;    /* the newest chunk first */

    unsigned threads;       /* ag_lexicon_set_threads(): 0 or 1 is one */
    int compiled;
    ag_index *index;
    ag_pattern *patterns;
    size_t n_patterns;
};

/* Reports a problem at pos: through the callback when one is set (the
 * caller then goes on), else into err. Returns status for errors, AG_OK
 * for warnings and for errors handed to a callback. */
ag_status ag__lex_report(ag_lexicon *lex, ag_diag_severity sev, ag_status status,
                         const char *file, unsigned long line, unsigned long column,
                         ag_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Starts a public call: forgets the previous call's pending error. */
void ag__lex_begin(ag_lexicon *lex);

/* Ends a public call in diagnostics mode: the first error reported since
 * ag__lex_begin() (copied to err), or AG_OK. */
ag_status ag__lex_end(ag_lexicon *lex, ag_error *err);

/* Adds a file name; returns its index or -1. */
long ag__lex_add_file(ag_lexicon *lex, const char *path);

/* Adds the actor (its strings and arrays in the lexicon's arena).
 * AG_ESCHEMA for a duplicate id. */
ag_status ag__lex_add_actor(ag_lexicon *lex, ag_actor *actor, ag_pos pos, ag_error *err);

/* Adds an alias of the last added actor; copies text. */
ag_status ag__lex_add_alias(ag_lexicon *lex, const char *text, ag_alias_kind kind, ag_pos pos,
                            ag_error *err);

/* Room for n bytes (8-aligned) or a copy of s in the lexicon's arena,
 * kept until the lexicon is freed; NULL when out of memory (and for a
 * NULL s). Actors' strings and arrays and aliases' texts live there. */
void *ag__lex_alloc(ag_lexicon *lex, size_t n);
char *ag__lex_strdup(ag_lexicon *lex, const char *s);

/* Forgets what an actor points to (the arena keeps it; not the struct). */
void ag__actor_clear(ag_actor *a);

/* The alias index (match.c). */
ag_status ag__index_build(ag_lexicon *lex, ag_error *err);
void ag__index_free(ag_index *ix);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day. */
int ag__date_valid(const char *s);

#endif

/*
 * actorgraph/lexicon.h — gazetteers: actors and their aliases.
 *
 * A lexicon is loaded from one or more JSON files (format:
 * lexicons/README.md), validated, then compiled once into the alias index
 * the matcher uses. After ag_lexicon_compile() it is immutable and may be
 * shared by any number of scanners on any number of threads.
 *
 * Ownership: paths and buffers passed in are borrowed; everything kept is
 * copied. Pointers returned by accessors live as long as the lexicon.
 */
#ifndef ACTORGRAPH_LEXICON_H
#define ACTORGRAPH_LEXICON_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_lexicon ag_lexicon;

typedef enum {
    AG_TYPE_STATE = 0,
    AG_TYPE_LEADER = 1,
    AG_TYPE_ORG = 2,
    AG_TYPE_COUNT = 3
} ag_actor_type;

/* Alias kinds, in the order of the lexicon keys. */
typedef enum {
    AG_KIND_NAME = 0,     /* "names" */
    AG_KIND_SHORT = 1,    /* "short" */
    AG_KIND_METONYM = 2,  /* "metonyms" */
    AG_KIND_DEMONYM = 3,  /* "demonyms" */
    AG_KIND_PATTERN = 4,  /* "patterns" */
    AG_KIND_COUNT = 5,
    AG_KIND_BLOCKER = 5   /* "not": a phrase that suppresses matches inside it */
} ag_alias_kind;

/* Bit sets of kinds (1u << AG_KIND_x). */
#define AG_KINDS_ALL 0x1fu
#define AG_KINDS_DEFAULT ((1u << AG_KIND_NAME) | (1u << AG_KIND_SHORT) | \
                          (1u << AG_KIND_METONYM) | (1u << AG_KIND_PATTERN))

/* Bit sets of types (1u << AG_TYPE_x). */
#define AG_TYPES_ALL 0x7u

typedef struct {
    const char *key;
    const char *value;    /* the value as text (numbers as written) */
    int is_number;
    double number;        /* valid when is_number */
} ag_attr;

typedef struct {
    const char *title;
    const char *from;     /* NULL when not given */
    const char *to;       /* NULL when still in office */
} ag_role;

typedef struct {
    const char *id;
    const char *label;
    ag_actor_type type;
    const char *affiliation;   /* NULL when none */
    int short_default;
    const char *valid_from;    /* NULL when not given */
    const char *valid_to;
    const ag_attr *attrs;
    size_t n_attrs;
    const ag_role *roles;
    size_t n_roles;
    const char *source;        /* the file the actor came from */
    unsigned long line;        /* where its object starts in that file */
} ag_actor;

typedef struct {
    const char *text;          /* as written in the lexicon */
    ag_alias_kind kind;        /* AG_KIND_BLOCKER for "not" phrases */
    size_t actor;              /* index of the owning actor */
} ag_alias;

/* Severity of a diagnostic reported while loading or checking. */
typedef enum { AG_DIAG_ERROR = 0, AG_DIAG_WARNING = 1 } ag_diag_severity;

/* Called for every problem found; `err` holds file, line, column, message.
 * Without a callback, loading stops at the first error. */
typedef void (*ag_diag_fn)(void *userdata, ag_diag_severity severity, const ag_error *err);

/* Creates an empty lexicon. */
ag_status ag_lexicon_new(ag_lexicon **out, ag_error *err);
void ag_lexicon_free(ag_lexicon *lex);

/* Reports every problem through `fn` (errors and warnings) instead of
 * stopping at the first error. Loading still fails (returns the first
 * error's status) when any error was reported. */
void ag_lexicon_set_diagnostics(ag_lexicon *lex, ag_diag_fn fn, void *userdata);

/* Strict mode (what `lexicon check` uses): an affiliation to an id that no
 * loaded lexicon defines is an error instead of a warning. */
void ag_lexicon_set_strict(ag_lexicon *lex, int strict);

/* Loads one JSON lexicon file. Errors name the file, line and column:
 * AG_ESYNTAX for malformed JSON, AG_ESCHEMA for schema violations (missing
 * or mistyped fields, unknown keys, bad dates, duplicate ids),
 * AG_EIO when the file cannot be read. */
ag_status ag_lexicon_load_file(ag_lexicon *lex, const char *path, ag_error *err);

/* Loads a file, or every *.json below a directory (recursively, in byte
 * order of the path). */
ag_status ag_lexicon_load_path(ag_lexicon *lex, const char *path, ag_error *err);

/* Loads a lexicon from memory; `name` stands for the file in messages. */
ag_status ag_lexicon_load_buffer(ag_lexicon *lex, const char *name,
                                 const char *data, size_t len, ag_error *err);

/* Lets ag_lexicon_compile() use this many threads (default 1): with two,
 * the alias index is built while the cross-file checks run. */
void ag_lexicon_set_threads(ag_lexicon *lex, unsigned threads);

/* Validates cross-file facts (an alias claimed by two actors in one kind,
 * unknown affiliations are warnings), compiles PCRE2 patterns and builds the
 * alias index. Must be called once, after the last load and before any
 * scanner is created. AG_EPATTERN names the pattern and the offset. */
ag_status ag_lexicon_compile(ag_lexicon *lex, ag_error *err);

size_t ag_lexicon_actor_count(const ag_lexicon *lex);
const ag_actor *ag_lexicon_actor(const ag_lexicon *lex, size_t index);

/* Index of the actor with this id, or (size_t)-1. */
size_t ag_lexicon_find(const ag_lexicon *lex, const char *id);

/* Every alias and blocker, in load order. */
size_t ag_lexicon_alias_count(const ag_lexicon *lex);
const ag_alias *ag_lexicon_alias(const ag_lexicon *lex, size_t index);

/* Names used in the lexicon format and on the command line. */
const char *ag_actor_type_name(ag_actor_type type);     /* "state", "leader", "org" */
const char *ag_alias_kind_name(ag_alias_kind kind);     /* "names", "short", ..., "not" */

/* Parses "state" / "leader" / "org" (also "states", "leaders", "orgs",
 * "organizations"). Returns 0 on success. */
int ag_actor_type_parse(const char *s, size_t len, ag_actor_type *out);

/* Parses a comma-separated list of kinds ("names,short" or "all") into a
 * bit set. Returns 0 on success, -1 naming nothing usable. */
int ag_kinds_parse(const char *list, unsigned *out);

/* Parses a comma-separated list of types ("state,org") into a bit set. */
int ag_types_parse(const char *list, unsigned *out);

#ifdef __cplusplus
}
#endif

#endif

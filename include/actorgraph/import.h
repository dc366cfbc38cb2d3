/*
 * actorgraph/import.h — other projects' gazetteers turned into lexicons.
 *
 * An importer reads dictionaries in a foreign format (today: the
 * PETRARCH/TABARI `.actors` files of the CAMEO/Phoenix event coders),
 * gathers every file first, then writes one lexicon JSON file (format:
 * lexicons/README.md) that `actorgraph lexicon check` accepts. The output
 * is deterministic: the same files in the same order give the same bytes.
 * How entries become actors and aliases is described in
 * src/import_petrarch.c and in lexicons/README.md.
 *
 * Problems that spoil one line (a date that is not a date, a code with
 * odd characters, a stray byte) are warnings: the line or code is skipped
 * and counted, and the import goes on. Problems that make the file's
 * structure unreadable are errors naming file:line:col (AG_ESYNTAX).
 *
 * Ownership: paths, names and buffers are borrowed; what is kept is copied.
 */
#ifndef ACTORGRAPH_IMPORT_H
#define ACTORGRAPH_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "common.h"
#include "lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_IMPORT_PETRARCH = 0   /* PETRARCH/TABARI .actors dictionaries */
} ag_import_format;

typedef struct {
    const char *lexicon;   /* the "lexicon" name written at the top ("petrarch") */
    ag_diag_fn warn;       /* called for every warning (file:line:col); may be NULL */
    void *userdata;
} ag_import_options;

#define AG_IMPORT_OPTIONS_INIT { "petrarch", NULL, NULL }

typedef struct {
    size_t files;          /* files read */
    size_t lines;          /* lines read */
    size_t entries;        /* entries: a primary phrase, its synonyms and codes */
    size_t phrases;        /* phrases read (primary and synonyms) */
    size_t codes;          /* codes read, with or without dates */
    size_t actors;         /* actors written */
    size_t actors_by_type[AG_TYPE_COUNT];
    size_t aliases;        /* aliases written, blockers included */
    size_t aliases_by_kind[AG_KIND_COUNT + 1];   /* indexed by ag_alias_kind */
    size_t dropped;        /* phrases another actor had already claimed */
    size_t repeated;       /* phrases the same actor already had (merged silently) */
    size_t skipped_lines;  /* lines ignored with a warning */
    size_t skipped_codes;  /* codes ignored with a warning (empty, characters other than letters and digits) */
    size_t bad_dates;      /* date restrictions that could not be read: the code is kept without them */
    size_t skipped_phrases;/* phrases with nothing usable left (no letter or digit) */
    size_t uncoded;        /* entries without any code (ignored) */
    size_t nameless;       /* people left without a full name (one-word phrases only, or all claimed) */
    size_t unused_blockers;/* [---] phrases that contain no alias to protect */
    size_t warnings;       /* warnings reported */
} ag_import_stats;

typedef struct ag_import ag_import;

/* Creates an importer for one format. opts may be NULL (the defaults). */
ag_status ag_import_new(ag_import_format format, const ag_import_options *opts, ag_import **out,
                        ag_error *err);
void ag_import_free(ag_import *imp);

/* Reads one dictionary file. AG_ENOENT when it cannot be opened, AG_EIO
 * when reading fails, AG_ESYNTAX (file:line:col) for invalid UTF-8, an
 * unterminated "<!--" or "[", or a synonym or code line before any entry. */
ag_status ag_import_add_file(ag_import *imp, const char *path, ag_error *err);

/* The same for a dictionary in memory; `name` stands for the file in
 * messages. */
ag_status ag_import_add_buffer(ag_import *imp, const char *name, const char *data, size_t len,
                               ag_error *err);

/* Builds the actors from everything read so far and writes the lexicon
 * JSON to out. AG_EIO when writing fails, AG_ENOMEM. May be called once. */
ag_status ag_import_write(ag_import *imp, FILE *out, ag_error *err);

/* Counts so far (complete after ag_import_write()). */
const ag_import_stats *ag_import_stats_get(const ag_import *imp);

/* The whole conversion in one call: reads paths[0..n) in order and writes
 * the lexicon to out. stats (may be NULL) receives the counts. */
ag_status ag_import_petrarch(const char *const *paths, size_t n, const ag_import_options *opts, FILE *out,
                             ag_import_stats *stats, ag_error *err);

/* Parses a format name ("petrarch", also "tabari" and "cameo"). Returns 0
 * on success. */
int ag_import_format_parse(const char *name, ag_import_format *out);

#ifdef __cplusplus
}
#endif

#endif

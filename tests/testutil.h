/*
 * testutil.h — small helpers the Check suites share: a lexicon from a
 * JSON string, a document's mentions as one comparable string, the path
 * of test data, skipping when ../shared is absent, files and temporary
 * directories, and golden files.
 */
#ifndef AG_TESTUTIL_H
#define AG_TESTUTIL_H

#include <check.h>
#include <stddef.h>

#include "actorgraph/actorgraph.h"

/* A compiled lexicon from a JSON text; fails the test when it does not load. */
ag_lexicon *tu_lexicon(const char *json);

/* Loads JSON and returns the status; *err receives the first problem. */
ag_status tu_lexicon_status(const char *json, ag_error *err);

/* The mentions of text as "id:kind:surface|id:kind:surface|..." (kinds
 * abbreviated: n s m d p); "" for none. `kinds` as AG_KINDS_*, 0 for all.
 * The string is static: valid until the next call. */
const char *tu_mentions(const ag_lexicon *lex, const char *text, unsigned kinds);

/* The same with the sentence number of each mention: "id@sentence|...". */
const char *tu_mention_sentences(const ag_lexicon *lex, const char *text);

/* The path of a file under tests/data (static buffer). */
const char *tu_data(const char *name);

/* The shared test material directory, or NULL when absent. */
const char *tu_shared(void);

/* --- files ------------------------------------------------------------------ */

/* The whole file, NUL-terminated (fails the test when it cannot be read);
 * *len its size when len is not NULL. Free it. */
char *tu_slurp(const char *path, size_t *len);
/* Writes text to path (replacing it). */
void tu_write_text(const char *path, const char *text);
/* Makes a new directory /tmp/NAME.XXXXXX into dir (at least 64 bytes). */
void tu_tmpdir(char *dir, size_t size, const char *name);
/* The entries of a directory other than . and .. */
size_t tu_dir_entries(const char *dir);
/* Removes a directory and everything in it (missing: nothing). */
void tu_rm_tree(const char *dir);

/* --- golden files ------------------------------------------------------------ */

/* got and want byte for byte; the failure names `what` and shows the
 * first differing line of each. */
void tu_assert_same(const char *what, const char *got, size_t glen, const char *want, size_t wlen);
/* tests/data/NAME with every "@VERSION@" made the library's version; *len
 * its length. Free it. */
char *tu_golden(const char *name, size_t *len);
/* With AG_UPDATE_GOLDEN set, rewrites tests/data/NAME from got (the
 * version back to @VERSION@; read the diff before committing it) and
 * returns 1; else 0. */
int tu_update_golden(const char *name, const char *got, size_t glen);
/* got against tests/data/NAME (or NAME rewritten from it, as above). */
void tu_check_golden(const char *name, const char *got, size_t glen);

/* Runs a suite; returns the process exit status (0 when all passed). */
int tu_run(Suite *s);

#endif

/*
 * testutil.h — small helpers the Check suites share: a lexicon from a
 * JSON string, a document's mentions as one comparable string, the path
 * of test data, and skipping when ../shared is absent.
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

/* Runs a suite; returns the process exit status (0 when all passed). */
int tu_run(Suite *s);

#endif

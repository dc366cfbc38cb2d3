/*
 * actorgraph/match.h — from text to actor mentions.
 *
 * A scanner takes one document at a time through the whole front of the
 * pipeline: tokenize, segment, find every alias and blocker (leftmost-
 * longest, one hash probe per token whatever the lexicon's size), run the
 * PCRE2 `patterns`, then resolve in document context: blockers, short names
 * (most recent full name, short_default, the given-name guard), metonyms
 * used as places. What comes out is the document's mentions, in text order.
 *
 * A scanner is single-threaded scratch space: one per thread, all sharing
 * one compiled lexicon. Results live in the scanner until the next scan.
 */
#ifndef ACTORGRAPH_MATCH_H
#define ACTORGRAPH_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "lexicon.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_scanner ag_scanner;

typedef struct {
    unsigned kinds;          /* AG_KINDS_* bit set of alias kinds that count */
    int metonym_places;      /* count metonyms even where they name a place */
} ag_match_options;

#define AG_MATCH_OPTIONS_INIT { AG_KINDS_DEFAULT, 0 }

typedef struct {
    uint32_t actor;          /* index into the lexicon's actors */
    uint32_t alias;          /* index into the lexicon's aliases (the matched one) */
    ag_alias_kind kind;
    size_t start;            /* byte offsets into the original text */
    size_t end;
    uint32_t token;          /* first token, and one past the last */
    uint32_t token_end;
    uint32_t sentence;       /* 0-based within the document */
    uint32_t paragraph;
} ag_mention;

/* A short alias nobody could own, for the run's statistics. */
typedef struct {
    uint32_t alias;          /* index into the lexicon's aliases */
    size_t start;
    size_t end;
} ag_unresolved;

/* One document's results; arrays owned by the scanner. */
typedef struct {
    const ag_mention *mentions;
    size_t n_mentions;
    const ag_unresolved *unresolved;
    size_t n_unresolved;
    size_t tokens;
    size_t sentences;
    size_t paragraphs;
    size_t invalid_bytes;    /* bytes that were not valid UTF-8 */
    size_t blocked;          /* candidates dropped by a blocker */
    size_t places;           /* metonyms dropped as places */
    size_t guarded;          /* short names dropped by the given-name guard */
    size_t pattern_limits;   /* pattern runs stopped by the PCRE2 match limit */
    uint32_t limited_alias;  /* the first pattern (alias index) stopped so, or UINT32_MAX */
    const ag_tokens *token_list; /* the document's tokens (owned by the scanner) */
} ag_scan_result;

/* Creates a scanner over a compiled lexicon (borrowed: it must outlive the
 * scanner). `opts` may be NULL for the defaults. */
ag_status ag_scanner_new(const ag_lexicon *lex, const ag_match_options *opts,
                         ag_scanner **out, ag_error *err);
void ag_scanner_free(ag_scanner *s);

/* Scans one document. `out` is filled with arrays owned by the scanner,
 * valid until the next call. AG_ELIMIT when the text is longer than
 * AG_TEXT_MAX, AG_ENOMEM. */
ag_status ag_scanner_scan(ag_scanner *s, const char *text, size_t len,
                          ag_scan_result *out, ag_error *err);

/* The tokens of the last scanned document (for window computations). */
const ag_tokens *ag_scanner_tokens(const ag_scanner *s);

#ifdef __cplusplus
}
#endif

#endif

/*
 * match_internal.h — the alias index and the scanner's scratch, shared by
 * match.c (index, candidate search, patterns) and resolve.c (document
 * context rules).
 */
#ifndef AG_MATCH_INTERNAL_H
#define AG_MATCH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "actorgraph/match.h"
#include "lexicon_internal.h"

#define AG_NONE UINT32_MAX

/* A trie node: aliases ending here are terms[term_start .. term_start+term_count). */
typedef struct {
    uint32_t term_start;
    uint32_t term_count;
    uint8_t has_children;
    uint8_t shapes;      /* AG_SHAPE_* of the alias tokens that lead here */
} ag_node;

/* The case shape of a token, to stop walking the trie early: an alias
 * token that starts with a capital can only match a text token that does
 * (outside all-caps text). */
enum { AG_SHAPE_LOWER = 1, AG_SHAPE_UPPER = 2, AG_SHAPE_OTHER = 4 };

/* The first-token filter: a 2^18-bit Bloom filter of the keys of every
 * alias's first token (32 KB, so it stays in the L1 cache), asked before
 * the edge table for each token of the text. */
#define AG_FIRST_BITS 18

/* An edge of the token trie, in an open-addressing table. */
typedef struct {
    uint64_t token;      /* token key */
    uint32_t parent;     /* AG_NONE marks an empty slot */
    uint32_t child;
} ag_edge;

/* Per alias: where it ends in the trie and its case-kept folded tokens. */
typedef struct {
    uint32_t node;       /* AG_NONE for patterns */
    uint32_t n_tokens;
    uint32_t cased;      /* offset into ix->cased: tokens, each NUL-terminated */
    uint8_t lower_initial;  /* starts with a lower-case letter: a capital matches too */
} ag_alias_info;

struct ag_index {
    ag_node *nodes;
    size_t n_nodes, cap_nodes;
    uint32_t *terms;
    ag_edge *edges;
    size_t edge_mask;    /* table size - 1 */
    size_t n_edges;
    ag_alias_info *alias;  /* indexed like lex->aliases */
    uint64_t first[(1u << AG_FIRST_BITS) / 64];
    char *cased;
    size_t cased_len, cased_cap;
};

/* A stretch of tokens that matched, before document context is applied. */
typedef struct {
    uint32_t begin, end;   /* token span */
    uint32_t node;         /* trie node (AG_NONE for a pattern match) */
    uint32_t alias;        /* the alias that decides the kind (first by priority) */
    uint8_t kind;          /* ag_alias_kind, AG_KIND_BLOCKER for blockers */
} ag_candidate;

struct ag_scanner {
    const ag_lexicon *lex;
    const ag_index *ix;
    ag_match_options opts;
    ag_tokens toks;
    const char *text;
    size_t len;

    ag_candidate *cands;
    size_t n_cands, cap_cands;
    ag_candidate *pcands;         /* pattern matches of this document */
    size_t n_pcands, cap_pcands;
    ag_mention *mentions;
    size_t n_mentions, cap_mentions;
    ag_unresolved *unresolved;
    size_t n_unresolved, cap_unresolved;

    /* document context, reset per document by bumping the stamp */
    uint32_t stamp;
    uint32_t *full_stamp;   /* per actor: document stamp of its last full-name mention */
    uint32_t *full_pos;     /* per actor: candidate ordinal of that mention */
    uint32_t *taken_stamp;  /* per trie node: a short alias used for somebody else */
    uint32_t *taken_pos;

    char *subject;          /* patterns run on this padded copy of the text */
    size_t subject_cap;
    void *match_data;       /* pcre2_match_data_8 * */
    void *match_ctx;        /* pcre2_match_context_8 * */

    ag_scan_result result;
};

/* True when the tokens [begin, end) spell alias `a` with the right case
 * (ignoring case where the tokens are CASELESS). */
int ag__alias_case_ok(const ag_scanner *s, uint32_t a, uint32_t begin, uint32_t end);

/* Applies blockers, metonym, short-name and kind rules to s->cands and
 * fills s->mentions and s->unresolved. */
ag_status ag__resolve(ag_scanner *s, ag_error *err);

#endif

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

/* The first-token filters, 2^18-bit Bloom filters (32 KB each, so they
 * stay in the L1 cache) asked before any table for each token of the text:
 * `first` holds every alias's first token with its case shape ("the" does
 * not pass for an alias that starts with "THE9", nor "to" for "To Lam"),
 * `pair` the same with the alias's second token, or none for an alias of
 * one token ("The" before "company" does not pass for "THE9 Limited"). */
#define AG_FIRST_BITS 18

/* The continuation filter: a 2^20-bit Bloom filter of every deeper edge
 * (parent node, token) (128 KB, for the L2 cache), asked before the edge
 * table, which is too large for any cache with a big lexicon: most
 * continuations fail ("The" of "THE9 Limited" before "president"). */
#define AG_NEXT_BITS 20

/* The root's children (the first tokens of the aliases) in a table of
 * their own, small enough for the L2 cache, apart from the deeper edges. */
typedef struct {
    uint64_t token;
    uint32_t child;      /* AG_NONE marks an empty slot */
    uint32_t pad;
} ag_root_edge;

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
    uint64_t pair[(1u << AG_FIRST_BITS) / 64];
    ag_root_edge *root;
    size_t root_mask;
    uint64_t *next;      /* AG_NEXT_BITS bits */
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

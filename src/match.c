/*
 * match.c — the alias index and the scan for candidates.
 *
 * Input: a compiled lexicon and one document's text. Output: candidates —
 * token spans that spell an alias or a blocker, chosen leftmost-longest —
 * handed to resolve.c, which turns them into mentions.
 *
 * Every literal alias is cut into tokens with the document tokenizer and
 * inserted into a trie whose edges live in one hash table keyed by (parent
 * node, token key). Scanning costs one probe per token plus one per token
 * that continues a prefix, whatever the lexicon's size. Case is checked
 * only when a candidate ends (the keys are lower-cased). PCRE2 `patterns`
 * run separately over the text and join the leftmost-longest choice when
 * they start and end on token boundaries.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/match.h"
#include "actorgraph/segment.h"
#include "internal.h"
#include "match_internal.h"
#include "text_internal.h"

#define PATTERN_MATCH_LIMIT 1000000u
#define PATTERN_DEPTH_LIMIT 10000u

/* --- the index ------------------------------------------------------------ */

static inline unsigned token_shape(uint32_t flags)
{
    if (!(flags & AG_TF_WORD))
        return AG_SHAPE_OTHER;
    return (flags & AG_TF_UPPER_INITIAL) ? AG_SHAPE_UPPER : AG_SHAPE_LOWER;
}

/* A filter's bits for (token, case shape, the token after it): two, from
 * different parts of the mix. */
static inline void first_bits(uint64_t key, unsigned shape, uint64_t next, uint32_t *a, uint32_t *b)
{
    uint64_t k = (key + (uint64_t)shape * 0x9E3779B97F4A7C15ull) ^ (next * 0xD6E8FEB86659FD93ull);
    k ^= k >> 29;
    *a = (uint32_t)(k >> 20) & ((1u << AG_FIRST_BITS) - 1);
    *b = (uint32_t)(k >> 44) & ((1u << AG_FIRST_BITS) - 1);
}

static inline void bits_set(uint64_t *filter, uint64_t key, unsigned shapes, uint64_t next)
{
    for (unsigned shape = 1; shape <= AG_SHAPE_OTHER; shape <<= 1) {
        uint32_t a, b;
        if (!(shapes & shape))
            continue;
        first_bits(key, shape, next, &a, &b);
        filter[a >> 6] |= 1ull << (a & 63);
        filter[b >> 6] |= 1ull << (b & 63);
    }
}

static inline int bits_probe(const uint64_t *filter, uint64_t key, unsigned shape, uint64_t next)
{
    uint32_t a, b;
    first_bits(key, shape, next, &a, &b);
    return (filter[a >> 6] >> (a & 63)) & (filter[b >> 6] >> (b & 63)) & 1;
}

/* An alias's first token (with its shapes) in the first filter, and its
 * first two in the pair filter (the second 0 for an alias of one token). */
static inline void first_set(ag_index *ix, uint64_t key, unsigned shapes, uint64_t next)
{
    bits_set(ix->first, key, shapes, 0);
    bits_set(ix->pair, key, shapes, next);
}

static inline int first_shape(const ag_index *ix, const ag_token *tk, uint32_t i, uint32_t n, unsigned shape)
{
    uint64_t key = tk[i].key;
    if (!bits_probe(ix->first, key, shape, 0))
        return 0;
    return bits_probe(ix->pair, key, shape, 0) || (i + 1 < n && bits_probe(ix->pair, key, shape, tk[i + 1].key));
}

/* May the text's token i start an alias? Its first token must pass the
 * first filter, and then an alias of one token or one whose first two are
 * tokens i and i + 1 the pair filter. In all-caps text any case shape may. */
static inline int first_maybe(const ag_index *ix, const ag_token *tk, uint32_t i, uint32_t n)
{
    if (!(tk[i].flags & AG_TF_CASELESS))
        return first_shape(ix, tk, i, n, token_shape(tk[i].flags));
    for (unsigned shape = 1; shape <= AG_SHAPE_OTHER; shape <<= 1)
        if (first_shape(ix, tk, i, n, shape))
            return 1;
    return 0;
}

static inline void next_bits(uint32_t parent, uint64_t token, uint32_t *a, uint32_t *b)
{
    uint64_t k = (token ^ ((uint64_t)parent * 0xD6E8FEB86659FD93ull)) * 0x9E3779B97F4A7C15ull;
    *a = (uint32_t)(k >> 24) & ((1u << AG_NEXT_BITS) - 1);
    *b = (uint32_t)(k >> 44) & ((1u << AG_NEXT_BITS) - 1);
}

static inline int next_maybe(const ag_index *ix, uint32_t parent, uint64_t token)
{
    uint32_t a, b;
    next_bits(parent, token, &a, &b);
    return (ix->next[a >> 6] >> (a & 63)) & (ix->next[b >> 6] >> (b & 63)) & 1;
}

static size_t root_slot(uint64_t token, size_t mask)
{
    return (size_t)(token ^ (token >> 29)) & mask;
}

/* The root's child along a first token (AG_NONE: none). */
static inline uint32_t root_get(const ag_index *ix, uint64_t token)
{
    size_t j = root_slot(token, ix->root_mask);
    for (;;) {
        const ag_root_edge *e = &ix->root[j];
        if (e->child == AG_NONE || e->token == token)
            return e->child;
        j = (j + 1) & ix->root_mask;
    }
}

static size_t edge_slot(uint64_t token, uint32_t parent, size_t mask)
{
    uint64_t h = token + (uint64_t)parent * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 29)) & mask;
}

static uint32_t edge_get(const ag_index *ix, uint32_t parent, uint64_t token)
{
    size_t j = edge_slot(token, parent, ix->edge_mask);
    for (;;) {
        const ag_edge *e = &ix->edges[j];
        if (e->parent == AG_NONE)
            return AG_NONE;
        if (e->token == token && e->parent == parent)
            return e->child;
        j = (j + 1) & ix->edge_mask;
    }
}

static int edges_resize(ag_index *ix, size_t size)
{
    ag_edge *old = ix->edges;
    size_t old_size = old ? ix->edge_mask + 1 : 0;
    ag_edge *t = (ag_edge *)malloc(size * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < size; i++)
        t[i].parent = AG_NONE;
    ix->edges = t;
    ix->edge_mask = size - 1;
    for (size_t i = 0; i < old_size; i++) {
        if (old[i].parent != AG_NONE) {
            size_t j = edge_slot(old[i].token, old[i].parent, ix->edge_mask);
            while (t[j].parent != AG_NONE)
                j = (j + 1) & ix->edge_mask;
            t[j] = old[i];
        }
    }
    free(old);
    return 0;
}

static uint32_t node_new(ag_index *ix)
{
    if (ix->n_nodes >= UINT32_MAX - 1 ||
        ag__grow((void **)&ix->nodes, &ix->cap_nodes, ix->n_nodes + 1, sizeof *ix->nodes) != 0)
        return AG_NONE;
    memset(&ix->nodes[ix->n_nodes], 0, sizeof ix->nodes[0]);
    return (uint32_t)ix->n_nodes++;
}

/* The child of parent along token, created when missing. */
static uint32_t edge_add(ag_index *ix, uint32_t parent, uint64_t token)
{
    uint32_t child = edge_get(ix, parent, token);
    size_t j;
    if (child != AG_NONE)
        return child;
    if ((ix->n_edges + 1) * 2 > ix->edge_mask + 1 && edges_resize(ix, (ix->edge_mask + 1) * 2) != 0)
        return AG_NONE;
    child = node_new(ix);
    if (child == AG_NONE)
        return AG_NONE;
    ix->nodes[parent].has_children = 1;
    j = edge_slot(token, parent, ix->edge_mask);
    while (ix->edges[j].parent != AG_NONE)
        j = (j + 1) & ix->edge_mask;
    ix->edges[j].token = token;
    ix->edges[j].parent = parent;
    ix->edges[j].child = child;
    ix->n_edges++;
    return child;
}

void ag__index_free(ag_index *ix)
{
    if (!ix)
        return;
    free(ix->nodes);
    free(ix->terms);
    free(ix->edges);
    free(ix->root);
    free(ix->next);
    free(ix->alias);
    free(ix->cased);
    free(ix);
}

static int cased_append(ag_index *ix, const char *s, size_t len)
{
    /* one folded code point takes at most 6 bytes (fold_entry's pieces),
     * and takes at least one byte of s: fold once, into room for the worst */
    size_t room = len * 6 + 1;
    if (ag__grow((void **)&ix->cased, &ix->cased_cap, ix->cased_len + room, 1) != 0)
        return -1;
    ix->cased_len += ag_fold(s, len, 0, ix->cased + ix->cased_len, room) + 1;
    return 0;
}

/* Order of aliases ending at one node: the kind that wins when two kinds
 * spell the same text. */
static int kind_rank(ag_alias_kind k)
{
    switch (k) {
    case AG_KIND_NAME: return 0;
    case AG_KIND_METONYM: return 1;
    case AG_KIND_DEMONYM: return 2;
    case AG_KIND_SHORT: return 3;
    case AG_KIND_BLOCKER: return 4;
    default: return 5;
    }
}

static int by_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

ag_status ag__index_build(ag_lexicon *lex, ag_error *err)
{
    ag_index *ix = (ag_index *)calloc(1, sizeof *ix);
    ag_tokens t;
    ag_status st = AG_OK;
    size_t size = 1024;
    uint32_t *count = NULL;

    ag_tokens_init(&t);
    if (!ix)
        return ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
    while (size < lex->n_aliases * 4)
        size *= 2;
    ix->alias = (ag_alias_info *)calloc(lex->n_aliases ? lex->n_aliases : 1, sizeof *ix->alias);
    if (!ix->alias || edges_resize(ix, size) != 0 || node_new(ix) != 0) {
        st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
        goto done;
    }

    for (size_t a = 0; a < lex->n_aliases; a++) {
        const ag_alias *al = &lex->aliases[a];
        ag_alias_info *info = &ix->alias[a];
        uint32_t node = 0;

        info->node = AG_NONE;
        if (al->kind == AG_KIND_PATTERN)
            continue;
        if ((st = ag_tokenize(al->text, strlen(al->text), &t, err)) != AG_OK)
            goto done;
        if (t.n == 0) {
            const ag_pos *p = &lex->alias_pos[a];
            st = ag__fail_at(err, AG_ESCHEMA, lex->files[p->file], p->line, p->column,
                             "alias \"%s\" of actor \"%s\" has no letters, digits or punctuation", al->text,
                             lex->actors[al->actor].id);
            goto done;
        }
        info->cased = (uint32_t)ix->cased_len;
        info->n_tokens = (uint32_t)t.n;
        info->lower_initial = (t.v[0].flags & AG_TF_WORD) && !(t.v[0].flags & AG_TF_UPPER_INITIAL) &&
                              (t.v[0].flags & AG_TF_HAS_LOWER);
        first_set(ix, t.v[0].key,
                  token_shape(t.v[0].flags) | (info->lower_initial ? (unsigned)AG_SHAPE_UPPER : 0u),
                  t.n > 1 ? t.v[1].key : 0);
        for (size_t k = 0; k < t.n; k++) {
            unsigned shape = token_shape(t.v[k].flags);
            node = edge_add(ix, node, t.v[k].key);
            if (node == AG_NONE || cased_append(ix, al->text + t.v[k].start, t.v[k].end - t.v[k].start) != 0) {
                st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
                goto done;
            }
            if (k == 0 && info->lower_initial)
                shape |= AG_SHAPE_UPPER;   /* "al-Qaeda" also matches "Al-Qaeda" */
            ix->nodes[node].shapes |= (uint8_t)shape;
        }
        info->node = node;
        ix->nodes[node].term_count++;
    }

    /* the root's children, in their own table */
    {
        size_t n_root = 0, root_size = 64;
        for (size_t e = 0; e <= ix->edge_mask; e++)
            n_root += ix->edges[e].parent == 0;
        while (root_size < n_root * 2)
            root_size *= 2;
        ix->root = (ag_root_edge *)malloc(root_size * sizeof *ix->root);
        if (!ix->root) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
            goto done;
        }
        for (size_t k = 0; k < root_size; k++)
            ix->root[k].child = AG_NONE;
        ix->root_mask = root_size - 1;
        ix->next = (uint64_t *)calloc((1u << AG_NEXT_BITS) / 64, sizeof *ix->next);
        if (!ix->next) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
            goto done;
        }
        for (size_t e = 0; e <= ix->edge_mask; e++) {
            size_t j;
            if (ix->edges[e].parent == AG_NONE)
                continue;
            if (ix->edges[e].parent != 0) {
                uint32_t a, b;
                next_bits(ix->edges[e].parent, ix->edges[e].token, &a, &b);
                ix->next[a >> 6] |= 1ull << (a & 63);
                ix->next[b >> 6] |= 1ull << (b & 63);
                continue;
            }
            j = root_slot(ix->edges[e].token, ix->root_mask);
            while (ix->root[j].child != AG_NONE)
                j = (j + 1) & ix->root_mask;
            ix->root[j].token = ix->edges[e].token;
            ix->root[j].child = ix->edges[e].child;
        }
    }

    /* group the aliases by the node they end at, best kind first */
    {
        uint32_t total = 0;
        ix->terms = (uint32_t *)malloc((lex->n_aliases ? lex->n_aliases : 1) * sizeof *ix->terms);
        count = (uint32_t *)calloc(ix->n_nodes, sizeof *count);
        if (!ix->terms || !count) {
            st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
            goto done;
        }
        for (size_t n = 0; n < ix->n_nodes; n++) {
            ix->nodes[n].term_start = total;
            total += ix->nodes[n].term_count;
        }
        for (size_t a = 0; a < lex->n_aliases; a++) {
            uint32_t node = ix->alias[a].node;
            if (node != AG_NONE)
                ix->terms[ix->nodes[node].term_start + count[node]++] = (uint32_t)a;
        }
        {
            uint32_t most = 0;
            uint64_t *keyed;
            for (size_t n = 0; n < ix->n_nodes; n++)
                if (ix->nodes[n].term_count > most)
                    most = ix->nodes[n].term_count;
            keyed = (uint64_t *)malloc((most ? most : 1) * sizeof *keyed);
            if (!keyed) {
                st = ag__fail(err, AG_ENOMEM, "out of memory building the alias index");
                goto done;
            }
            for (size_t n = 0; n < ix->n_nodes; n++) {
                uint32_t *terms = ix->terms + ix->nodes[n].term_start;
                uint32_t m = ix->nodes[n].term_count;
                if (m < 2)
                    continue;
                for (uint32_t k = 0; k < m; k++)
                    keyed[k] = ((uint64_t)kind_rank(lex->aliases[terms[k]].kind) << 32) | terms[k];
                qsort(keyed, m, sizeof *keyed, by_u64);
                for (uint32_t k = 0; k < m; k++)
                    terms[k] = (uint32_t)keyed[k];
            }
            free(keyed);
        }
    }
    lex->index = ix;
    ix = NULL;   /* owned by the lexicon now */

done:
    free(count);
    ag_tokens_free(&t);
    ag__index_free(ix);
    return st;
}

/* --- the scanner ------------------------------------------------------------ */

ag_status ag_scanner_new(const ag_lexicon *lex, const ag_match_options *opts, ag_scanner **out, ag_error *err)
{
    ag_scanner *s = NULL;
    ag_match_options defaults = AG_MATCH_OPTIONS_INIT;
    size_t n_actors = lex->n_actors ? lex->n_actors : 1;
    size_t n_nodes;

    *out = NULL;
    if (!lex->compiled)
        return ag__fail(err, AG_EINVAL, "the lexicon must be compiled before scanning");
    n_nodes = lex->index->n_nodes;
    s = (ag_scanner *)calloc(1, sizeof *s);
    if (!s)
        return ag__fail(err, AG_ENOMEM, "out of memory creating a scanner");
    s->lex = lex;
    s->ix = lex->index;
    s->opts = opts ? *opts : defaults;
    ag_tokens_init(&s->toks);
    s->full_stamp = (uint32_t *)calloc(n_actors, sizeof(uint32_t));
    s->full_pos = (uint32_t *)calloc(n_actors, sizeof(uint32_t));
    s->taken_stamp = (uint32_t *)calloc(n_nodes, sizeof(uint32_t));
    s->taken_pos = (uint32_t *)calloc(n_nodes, sizeof(uint32_t));
    if (!s->full_stamp || !s->full_pos || !s->taken_stamp || !s->taken_pos)
        goto nomem;
    if (lex->n_patterns) {
        pcre2_match_context *ctx = pcre2_match_context_create(NULL);
        s->match_ctx = ctx;
        s->match_data = pcre2_match_data_create(1, NULL);
        if (!ctx || !s->match_data)
            goto nomem;
        pcre2_set_match_limit(ctx, PATTERN_MATCH_LIMIT);
        pcre2_set_depth_limit(ctx, PATTERN_DEPTH_LIMIT);
    }
    *out = s;
    return AG_OK;

nomem:
    ag_scanner_free(s);
    return ag__fail(err, AG_ENOMEM, "out of memory creating a scanner");
}

void ag_scanner_free(ag_scanner *s)
{
    if (!s)
        return;
    ag_tokens_free(&s->toks);
    free(s->cands);
    free(s->pcands);
    free(s->subject);
    free(s->mentions);
    free(s->unresolved);
    free(s->full_stamp);
    free(s->full_pos);
    free(s->taken_stamp);
    free(s->taken_pos);
    pcre2_match_data_free((pcre2_match_data *)s->match_data);
    pcre2_match_context_free((pcre2_match_context *)s->match_ctx);
    free(s);
}

const ag_tokens *ag_scanner_tokens(const ag_scanner *s)
{
    return &s->toks;
}

/* Compares one token of the text with one folded alias token. */
static int token_equal(const char *text, const ag_token *tok, const char *cased, int allow_capital)
{
    size_t len = tok->end - tok->start;
    const char *p = text + tok->start;

    if (!(tok->flags & AG_TF_NONASCII)) {
        if (memcmp(p, cased, len) == 0 && cased[len] == '\0')
            return 1;
        return allow_capital && cased[0] >= 'a' && cased[0] <= 'z' && p[0] == cased[0] - 32 &&
               memcmp(p + 1, cased + 1, len - 1) == 0 && cased[len] == '\0';
    }
    {
        ag_fold_iter it;
        int c, first = 1;
        ag__fold_iter_init(&it, p, len, 0);
        while ((c = ag__fold_iter_next(&it)) >= 0) {
            int want = (unsigned char)*cased;
            if (c != want && !(first && allow_capital && want >= 'a' && want <= 'z' && c == want - 32))
                return 0;
            cased++;
            first = 0;
        }
        return *cased == '\0';
    }
}

int ag__alias_case_ok(const ag_scanner *s, uint32_t a, uint32_t begin, uint32_t end)
{
    const ag_alias_info *info = &s->ix->alias[a];
    const char *c = s->ix->cased + info->cased;

    if (end - begin != info->n_tokens)
        return 0;
    for (uint32_t k = begin; k < end; k++) {
        const ag_token *tok = &s->toks.v[k];
        if (!(tok->flags & AG_TF_CASELESS) &&
            !token_equal(s->text, tok, c, k == begin && info->lower_initial))
            return 0;
        c += strlen(c) + 1;
    }
    return 1;
}

static int push_candidate(ag_candidate **v, size_t *n, size_t *cap, const ag_candidate *c)
{
    if (*n == *cap && ag__grow((void **)v, cap, *n + 1, sizeof **v) != 0)
        return -1;
    (*v)[(*n)++] = *c;
    return 0;
}

/* The token that starts (or, with at_end, ends) at byte offset off. */
static long token_at(const ag_tokens *t, size_t off, int at_end)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t v = at_end ? t->v[mid].end : t->v[mid].start;
        if (v < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->n && (at_end ? t->v[lo].end : t->v[lo].start) == off)
        return (long)lo;
    return -1;
}

static int by_span(const void *x, const void *y)
{
    const ag_candidate *a = (const ag_candidate *)x, *b = (const ag_candidate *)y;
    if (a->begin != b->begin)
        return a->begin < b->begin ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;     /* longest first */
    return a->alias < b->alias ? -1 : a->alias > b->alias;
}

/* The next character boundary after at. */
static size_t next_char(const char *s, size_t at, size_t len)
{
    at++;
    while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
        at++;
    return at;
}

/* Runs every pattern over the text; keeps matches that start and end on
 * token boundaries inside one paragraph. PCRE2 reads a copy of the text
 * with zero padding after it (its JIT may read ahead) and '?' for each
 * invalid UTF-8 byte (so every offset stays the same). */
static ag_status run_patterns(ag_scanner *s, ag_error *err)
{
    const ag_lexicon *lex = s->lex;
    char *subject;

    s->n_pcands = 0;
    if (!lex->n_patterns || s->toks.n == 0)
        return AG_OK;
    if (ag__grow((void **)&s->subject, &s->subject_cap, s->len + 64, 1) != 0)
        return ag__fail(err, AG_ENOMEM, "out of memory running patterns");
    subject = s->subject;
    memcpy(subject, s->text, s->len);
    memset(subject + s->len, 0, 64);
    if (s->toks.invalid_bytes) {
        const unsigned char *p = (const unsigned char *)subject, *end = p + s->len;
        while (p < end) {
            uint32_t cp;
            size_t n = ag__utf8_decode(p, end, &cp);
            if (n == 0) {
                subject[p - (const unsigned char *)subject] = '?';
                n = 1;
            }
            p += n;
        }
    }
    for (size_t i = 0; i < lex->n_patterns; i++) {
        const pcre2_code *re = (const pcre2_code *)lex->patterns[i].code;
        PCRE2_SIZE at = 0;
        while (at <= s->len) {
            int rc = pcre2_match(re, (PCRE2_SPTR)subject, s->len, at, 0, (pcre2_match_data *)s->match_data,
                                 (pcre2_match_context *)s->match_ctx);
            PCRE2_SIZE *ov;
            long b, e;
            if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
                if (!s->result.pattern_limits)
                    s->result.limited_alias = lex->patterns[i].alias;
                s->result.pattern_limits++;
                break;
            }
            if (rc < 0)
                break;
            ov = pcre2_get_ovector_pointer((pcre2_match_data *)s->match_data);
            if (ov[1] <= ov[0]) {          /* empty match: step one character on */
                at = next_char(subject, ov[0], s->len);
                continue;
            }
            b = token_at(&s->toks, ov[0], 0);
            e = token_at(&s->toks, ov[1], 1);
            if (b < 0 || e < b) {
                at = next_char(subject, ov[0], s->len);   /* not on token boundaries: try further on */
                continue;
            }
            {
                int crosses = 0;
                for (long k = b + 1; k <= e && !crosses; k++)
                    crosses = (s->toks.v[k].flags & AG_TF_PARA_START) != 0;
                if (crosses) {
                    at = next_char(subject, ov[0], s->len);
                    continue;
                }
            }
            {
                ag_candidate c;
                c.begin = (uint32_t)b;
                c.end = (uint32_t)e + 1;
                c.node = AG_NONE;
                c.alias = lex->patterns[i].alias;
                c.kind = AG_KIND_PATTERN;
                if (push_candidate(&s->pcands, &s->n_pcands, &s->cap_pcands, &c) != 0)
                    return ag__fail(err, AG_ENOMEM, "out of memory running patterns");
            }
            at = ov[1];
        }
    }
    if (s->n_pcands > 1)
        qsort(s->pcands, s->n_pcands, sizeof *s->pcands, by_span);
    return AG_OK;
}

/* Leftmost-longest over the trie and the pattern matches. */
static ag_status find_candidates(ag_scanner *s, ag_error *err)
{
    const ag_index *ix = s->ix;
    const ag_token *tk = s->toks.v;
    uint32_t n = (uint32_t)s->toks.n;
    size_t p = 0;
    uint32_t i = 0;

    s->n_cands = 0;
    while (i < n) {
        ag_candidate best;
        uint32_t node = 0;

        best.end = 0;
        if (!first_maybe(ix, tk, i, n))
            goto next;
        for (uint32_t j = i; j < n; j++) {
            const ag_node *nd;
            if (j > i && (tk[j].flags & AG_TF_PARA_START))
                break;
            if (j == i)
                node = root_get(ix, tk[j].key);
            else
                node = next_maybe(ix, node, tk[j].key) ? edge_get(ix, node, tk[j].key) : AG_NONE;
            if (node == AG_NONE)
                break;
            nd = &ix->nodes[node];
            if (!(tk[j].flags & AG_TF_CASELESS) && !(nd->shapes & token_shape(tk[j].flags)))
                break;   /* every alias here wants the other case */
            for (uint32_t t = 0; t < nd->term_count; t++) {
                uint32_t a = ix->terms[nd->term_start + t];
                if (ag__alias_case_ok(s, a, i, j + 1)) {
                    best.begin = i;
                    best.end = j + 1;
                    best.node = node;
                    best.alias = a;
                    best.kind = (uint8_t)s->lex->aliases[a].kind;
                    break;
                }
            }
            if (!nd->has_children)
                break;
        }
    next:
        while (p < s->n_pcands && s->pcands[p].begin < i)
            p++;
        if (p < s->n_pcands && s->pcands[p].begin == i && s->pcands[p].end > best.end)
            best = s->pcands[p];
        if (best.end) {
            if (push_candidate(&s->cands, &s->n_cands, &s->cap_cands, &best) != 0)
                return ag__fail(err, AG_ENOMEM, "out of memory scanning");
            i = best.end;
        } else {
            i++;
        }
    }
    return AG_OK;
}

ag_status ag_scanner_scan(ag_scanner *s, const char *text, size_t len, ag_scan_result *out, ag_error *err)
{
    ag_segments seg;
    ag_status st;

    memset(&s->result, 0, sizeof s->result);
    memset(out, 0, sizeof *out);
    s->result.limited_alias = UINT32_MAX;
    s->text = text;
    s->len = len;
    s->n_mentions = 0;
    s->n_unresolved = 0;
    if (++s->stamp == 0) {   /* wrapped after 2^32 documents: forget every stamp */
        memset(s->full_stamp, 0, (s->lex->n_actors ? s->lex->n_actors : 1) * sizeof(uint32_t));
        memset(s->taken_stamp, 0, s->ix->n_nodes * sizeof(uint32_t));
        s->stamp = 1;
    }
    if ((st = ag_tokenize(text, len, &s->toks, err)) != AG_OK)
        return st;
    ag_segment(text, len, &s->toks, &seg);
    if ((st = run_patterns(s, err)) != AG_OK)
        return st;
    if ((st = find_candidates(s, err)) != AG_OK)
        return st;
    if ((st = ag__resolve(s, err)) != AG_OK)
        return st;

    s->result.mentions = s->mentions;
    s->result.n_mentions = s->n_mentions;
    s->result.unresolved = s->unresolved;
    s->result.n_unresolved = s->n_unresolved;
    s->result.tokens = s->toks.n;
    s->result.sentences = s->toks.n ? seg.sentences : 0;
    s->result.paragraphs = s->toks.n ? seg.paragraphs : 0;
    s->result.invalid_bytes = s->toks.invalid_bytes;
    s->result.token_list = &s->toks;
    *out = s->result;
    return AG_OK;
}

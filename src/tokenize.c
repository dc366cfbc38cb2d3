/*
 * tokenize.c — from text to tokens, in one pass over the bytes.
 *
 * Input: UTF-8 text. Output: word tokens (runs of letters), number tokens
 * (runs of digits; a letter-digit change cuts), and one token per
 * punctuation character, each with byte offsets into the original, the
 * key of its folded lower-case form (text_internal.h), case flags and what
 * whitespace came before it. A run of ASCII letters or digits is found by
 * a table lookup per byte and hashed 8 bytes at a time; a token with other
 * characters goes through the fold table a character at a time, with the
 * same key. No allocation per token: the buffer is reused.
 * Sentences and paragraphs are the segmenter's job, not this file's.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/text.h"
#include "internal.h"
#include "text_internal.h"

/* ASCII classes: S space or control, N line feed, R carriage return,
 * U upper-case letter, L lower-case letter, D digit, P punctuation. */
enum { S = 0, N, R, U, L, D, P };

static const unsigned char ascii_class[256] = {
    S, S, S, S, S, S, S, S, S, S, N, S, S, R, S, S,   /* 0x00 */
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,   /* 0x10 */
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 0x20  !"#$%&'()*+,-./ */
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,   /* 0x30 0-9:;<=>? */
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,   /* 0x40 @A-O */
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,   /* 0x50 P-Z[\]^_ */
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,   /* 0x60 `a-o */
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S    /* 0x70 p-z{|}~ DEL */
    /* 0x80-0xFF: 0 here, decoded as UTF-8 below */
};

/* ASCII letters for the fast path's inner loop: 1 lower case, 2 upper case. */
static const unsigned char letter_bits[256] = {
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2,
    ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2,
    ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
};

#if defined(__SSE2__)
#include <emmintrin.h>

/* The end of the run of ASCII letters that starts at p, 16 bytes a step
 * (no branch per byte, so no misprediction where a word ends); *seen gets
 * 1 for a lower-case letter in the run, 2 for a capital. Only where 16
 * bytes can be read. */
static inline const unsigned char *letter_run16(const unsigned char *p, const unsigned char *end, unsigned *seen)
{
    const __m128i lo = _mm_set1_epi8(0x60), hi = _mm_set1_epi8(0x7b), bit5 = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)p);
        __m128i x = _mm_or_si128(v, bit5);
        /* signed compares: bytes from 0x80 are negative, so never letters */
        __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
        __m128i lower = _mm_cmpeq_epi8(_mm_and_si128(v, bit5), bit5);
        unsigned a = (unsigned)_mm_movemask_epi8(alpha), l = (unsigned)_mm_movemask_epi8(lower);
        unsigned run = a == 0xFFFF ? 0xFFFF : (1u << __builtin_ctz(~a)) - 1;
        *seen |= ((a & run & l) ? 1u : 0u) | ((a & run & ~l) ? 2u : 0u);
        if (a != 0xFFFF)
            return p + __builtin_ctz(~a);
        p += 16;
    }
    return NULL;   /* not 16 bytes left: the caller goes on byte by byte */
}
#endif

void ag_tokens_init(ag_tokens *t)
{
    memset(t, 0, sizeof *t);
}

void ag_tokens_free(ag_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    memset(t, 0, sizeof *t);
}

static int reserve(ag_tokens *t, size_t need)
{
    size_t cap;
    ag_token *v;

    if (need <= t->cap)
        return 0;
    cap = t->cap ? t->cap : 256;
    while (cap < need)
        cap *= 2;
    v = (ag_token *)realloc(t->v, cap * sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->cap = cap;
    return 0;
}

uint64_t ag_token_key(const char *s, size_t len)
{
    ag_fold_iter it;
    ag_hstate h;
    int c;

    ag__hs_init(&h);
    ag__fold_iter_init(&it, s, len, 1);
    while ((c = ag__fold_iter_next(&it)) >= 0)
        ag__hs_byte(&h, (unsigned char)c);
    return ag__hs_final(&h);
}

/* n (at most 8) bytes at p as a little-endian number, whatever the
 * machine's byte order (compilers turn the full case into one load). */
static inline uint64_t load_le(const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)p[i] << (8 * i);
    return w;
}

/* The last r (1 to 7) bytes of a key at p: one masked load when 8 bytes
 * can be read there (the rest of the buffer), else byte by byte. */
static inline uint64_t load_tail(const unsigned char *p, size_t r, const unsigned char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        return w & (~0ull >> (8 * (8 - r)));
    }
#else
    (void)end;
#endif
    return load_le(p, r);
}

/* The key of n ASCII letters or digits at p (end: the end of the buffer):
 * lower-cased 8 bytes at a time (OR 0x20 lower-cases a letter and leaves
 * a digit as it is). */
static inline uint64_t ascii_key(const unsigned char *p, size_t n, const unsigned char *end)
{
    uint64_t h = AG_KEY_SEED;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = ag__key_block(h, load_le(p + i, 8) | 0x2020202020202020ull);
    if (i < n)
        h = ag__key_block(h, load_tail(p + i, n - i, end) | (0x2020202020202020ull >> (8 * (8 - (n - i)))));
    return ag__key_final(h, n);
}

typedef struct {
    ag_tokens *t;
    int in;              /* 0 none, FC_LETTER word, FC_DIGIT number (the slow path's token) */
    ag_token cur;
    ag_hstate h;
    int has_upper, has_lower, first_letter;
    unsigned letters;    /* letters in the current word, up to 2 */
    uint32_t ws;         /* whitespace flags for the next token */
    int at_line_start;
    int indent;
    size_t line_start, line_last;
} state;

static inline int push(state *st, const ag_token *tok)
{
    ag_tokens *t = st->t;
    if (t->n == t->cap && reserve(t, t->n + 1) != 0)
        return -1;
    t->v[t->n++] = *tok;
    st->line_last = tok->end;
    return 0;
}

/* A new token at the end of the list, filled in place (NULL: out of memory). */
static inline ag_token *new_token(state *st, uint32_t start, uint32_t end, uint64_t key, uint32_t flags)
{
    ag_tokens *t = st->t;
    ag_token *tok;
    if (t->n == t->cap && reserve(t, t->n + 1) != 0)
        return NULL;
    tok = &t->v[t->n++];
    tok->start = start;
    tok->end = end;
    tok->key = key;
    tok->flags = flags;
    tok->punct = 0;
    tok->sentence = 0;
    tok->paragraph = 0;
    st->line_last = end;
    return tok;
}

/* Flags every token takes from the whitespace before it. */
static inline uint32_t take_ws(state *st)
{
    uint32_t f = st->ws;
    if (st->at_line_start && st->indent >= 2 && (st->ws & AG_TF_NEWLINE_BEFORE))
        f |= AG_TF_INDENT_BEFORE;
    st->ws = 0;
    st->at_line_start = 0;
    return f;
}

static int finish(state *st)
{
    if (!st->in)
        return 0;
    if (st->in == FC_LETTER) {
        if (st->has_upper && !st->has_lower)
            st->cur.flags |= AG_TF_ALL_UPPER;
        if (st->has_lower)
            st->cur.flags |= AG_TF_HAS_LOWER;
        if (st->letters == 1)
            st->cur.flags |= AG_TF_ONE_LETTER;
    }
    st->cur.key = ag__hs_final(&st->h);
    st->in = 0;
    return push(st, &st->cur);
}

static void begin(state *st, int kind, size_t at)
{
    memset(&st->cur, 0, sizeof st->cur);
    st->cur.start = (uint32_t)at;
    st->cur.flags = take_ws(st) | (kind == FC_LETTER ? AG_TF_WORD : AG_TF_NUMBER);
    st->in = kind;
    ag__hs_init(&st->h);
    st->has_upper = st->has_lower = 0;
    st->first_letter = 1;
    st->letters = 0;
}

static void newline(state *st, size_t at)
{
    ag_tokens *t = st->t;
    if (st->line_last > st->line_start) {
        size_t n = st->line_last - st->line_start;
        if (n > AG_WRAP_LIMIT)
            t->long_lines++;
        else if (n > t->max_line)
            t->max_line = n;
        t->lines++;
    }
    if (st->ws & AG_TF_NEWLINE_BEFORE)
        st->ws |= AG_TF_BLANKLINE_BEFORE;
    st->ws |= AG_TF_NEWLINE_BEFORE | AG_TF_SPACE_BEFORE;
    st->at_line_start = 1;
    st->indent = 0;
    st->line_start = at;
    st->line_last = at;
}

static int punct_token(state *st, size_t at, size_t end, const char *fold, uint32_t cp)
{
    ag_token tok;
    ag_hstate h;

    memset(&tok, 0, sizeof tok);
    tok.start = (uint32_t)at;
    tok.end = (uint32_t)end;
    tok.flags = take_ws(st) | AG_TF_PUNCT;
    if (end - at > 1 || *fold & 0x80)
        tok.flags |= AG_TF_NONASCII;
    ag__hs_init(&h);
    for (; *fold; fold++)
        ag__hs_byte(&h, (unsigned char)*fold);
    tok.key = ag__hs_final(&h);
    tok.punct = cp;
    return push(st, &tok);
}

/* Continues a run of ASCII letters (kind U/L) or digits (D) from p in the
 * slow path: what the fast path found up to p is fed to st's token. */
static void resume_slow(state *st, const unsigned char *base, const unsigned char *start, const unsigned char *p,
                        int digits)
{
    begin(st, digits ? FC_DIGIT : FC_LETTER, (size_t)(start - base));
    for (const unsigned char *q = start; q < p; q++) {
        unsigned char c = *q;
        if (!digits) {
            if (ascii_class[c] == U) {
                st->has_upper = 1;
                if (st->first_letter)
                    st->cur.flags |= AG_TF_UPPER_INITIAL;
                c = (unsigned char)(c | 0x20);
            } else {
                st->has_lower = 1;
            }
            st->first_letter = 0;
            st->letters += st->letters < 2;
        }
        ag__hs_byte(&st->h, c);
    }
    st->cur.end = (uint32_t)(p - base);
}

ag_status ag_tokenize(const char *text, size_t len, ag_tokens *t, ag_error *err)
{
    const unsigned char *base = (const unsigned char *)text;
    const unsigned char *p = base, *end = base + len;
    state st;

    if (len > AG_TEXT_MAX)
        return ag__fail(err, AG_ELIMIT, "text of %zu bytes is longer than the %zu bytes a document may have",
                        len, (size_t)AG_TEXT_MAX);
    t->n = 0;
    t->invalid_bytes = 0;
    t->max_line = 0;
    t->lines = 0;
    t->long_lines = 0;
    if (reserve(t, len / 4 + 16) != 0)
        goto nomem;

    memset(&st, 0, sizeof st);
    st.t = t;
    st.at_line_start = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;   /* a byte-order mark: not text, not space */
        st.line_start = st.line_last = 3;
    }

    while (p < end) {
        unsigned char c = *p;
        size_t at = (size_t)(p - base);

        if (c == ' ' && !st.in) {
            /* the commonest byte: a space between tokens */
            st.ws |= AG_TF_SPACE_BEFORE;
            if (st.at_line_start)
                st.indent++;
            p++;
            continue;
        }
        if (c < 0x80) {
            unsigned k = ascii_class[c];
            if (!st.in && (k == U || k == L || k == D)) {
                /* fast path: a whole run of ASCII letters or digits */
                const unsigned char *q = p + 1;
                unsigned seen = 0, b;
                uint32_t flags;
                if (k == D) {
                    while (q < end && ascii_class[*q] == D)
                        q++;
                } else {
                    const unsigned char *r = NULL;
#if defined(__SSE2__)
                    r = letter_run16(p, end, &seen);
#endif
                    if (r) {
                        q = r;
                    } else {
                        /* near the end of the text */
                        seen |= letter_bits[c];
                        for (q = p + 1; q < end && (b = letter_bits[*q]) != 0; q++)
                            seen |= b;
                    }
                }
                if (q < end && *q >= 0x80) {
                    /* a non-ASCII letter, digit or mark may continue the token: slow path */
                    uint32_t cp;
                    fold_entry scratch;
                    size_t step = ag__utf8_decode(q, end, &cp);
                    const fold_entry *e = step ? ag__fold_lookup(cp, &scratch) : NULL;
                    if (e && (e->cls == FC_MARK || e->cls == (k == D ? FC_DIGIT : FC_LETTER))) {
                        resume_slow(&st, base, p, q, k == D);
                        p = q;
                        continue;
                    }
                }
                flags = take_ws(&st);
                if (k == D) {
                    flags |= AG_TF_NUMBER;
                } else {
                    flags |= AG_TF_WORD;
                    if (k == U)
                        flags |= AG_TF_UPPER_INITIAL;
                    if (seen == 2)
                        flags |= AG_TF_ALL_UPPER;
                    if (seen & 1)
                        flags |= AG_TF_HAS_LOWER;
                    if (q - p == 1)
                        flags |= AG_TF_ONE_LETTER;
                }
                if (!new_token(&st, (uint32_t)at, (uint32_t)(q - base), ascii_key(p, (size_t)(q - p), end), flags))
                    goto nomem;
                p = q;
                continue;
            }
            if (k == P && !st.in) {
                /* fast path: one ASCII punctuation character */
                ag_token *tok = new_token(&st, (uint32_t)at, (uint32_t)at + 1,
                                          ag__key_final(ag__key_block(AG_KEY_SEED, c), 1),
                                          take_ws(&st) | AG_TF_PUNCT);
                if (!tok)
                    goto nomem;
                tok->punct = c;
                p++;
                continue;
            }
            switch (k) {
            case U:
            case L:
                if (st.in != FC_LETTER) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_LETTER, at);
                }
                if (k == U) {
                    st.has_upper = 1;
                    if (st.first_letter)
                        st.cur.flags |= AG_TF_UPPER_INITIAL;
                    c = (unsigned char)(c | 0x20);
                } else {
                    st.has_lower = 1;
                }
                st.first_letter = 0;
                st.letters += st.letters < 2;
                ag__hs_byte(&st.h, c);
                st.cur.end = (uint32_t)(at + 1);
                break;
            case D:
                if (st.in != FC_DIGIT) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_DIGIT, at);
                }
                ag__hs_byte(&st.h, c);
                st.cur.end = (uint32_t)(at + 1);
                break;
            case S:
                if (finish(&st) != 0)
                    goto nomem;
                st.ws |= AG_TF_SPACE_BEFORE;
                if (st.at_line_start)
                    st.indent += c == '\t' ? 2 : 1;
                break;
            case N:
                if (finish(&st) != 0)
                    goto nomem;
                newline(&st, at + 1);
                break;
            case R:
                if (finish(&st) != 0)
                    goto nomem;
                if (p + 1 < end && p[1] == '\n') {
                    p++;
                    at++;
                }
                newline(&st, at + 1);
                break;
            default: {
                char one[2] = { (char)c, 0 };
                if (finish(&st) != 0 || punct_token(&st, at, at + 1, one, c) != 0)
                    goto nomem;
                break;
            }
            }
            p++;
            continue;
        }

        /* non-ASCII */
        {
            uint32_t cp;
            size_t step = ag__utf8_decode(p, end, &cp);
            fold_entry scratch;
            const fold_entry *e;

            if (step == 0) {
                t->invalid_bytes++;
                if (finish(&st) != 0 || punct_token(&st, at, at + 1, "\xEF\xBF\xBD", 0xFFFD) != 0)
                    goto nomem;
                p++;
                continue;
            }
            e = ag__fold_lookup(cp, &scratch);
            switch (e->cls) {
            case FC_LETTER:
                if (st.in != FC_LETTER) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_LETTER, at);
                }
                if (e->flags & FF_UPPER) {
                    st.has_upper = 1;
                    if (st.first_letter)
                        st.cur.flags |= AG_TF_UPPER_INITIAL;
                } else if (e->flags & FF_LOWER) {
                    st.has_lower = 1;
                }
                st.first_letter = 0;
                st.letters += st.letters < 2;
                for (const char *f = e->lower; *f; f++)
                    ag__hs_byte(&st.h, (unsigned char)*f);
                st.cur.flags |= AG_TF_NONASCII;
                st.cur.end = (uint32_t)(at + step);
                break;
            case FC_DIGIT:
                if (st.in != FC_DIGIT) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_DIGIT, at);
                }
                for (const char *f = e->lower; *f; f++)
                    ag__hs_byte(&st.h, (unsigned char)*f);
                st.cur.flags |= AG_TF_NONASCII;
                st.cur.end = (uint32_t)(at + step);
                break;
            case FC_MARK:
                if (st.in) {
                    st.cur.end = (uint32_t)(at + step);
                    st.cur.flags |= AG_TF_NONASCII;
                }
                break;
            case FC_SPACE:
                if (finish(&st) != 0)
                    goto nomem;
                st.ws |= AG_TF_SPACE_BEFORE;
                if (st.at_line_start)
                    st.indent++;
                break;
            case FC_NEWLINE:
                if (finish(&st) != 0)
                    goto nomem;
                newline(&st, at + step);
                break;
            default:
                if (finish(&st) != 0 || punct_token(&st, at, at + step, e->lower, e->punct) != 0)
                    goto nomem;
                break;
            }
            p += step;
        }
    }
    if (finish(&st) != 0)
        goto nomem;
    newline(&st, len);
    return AG_OK;

nomem:
    return ag__fail(err, AG_ENOMEM, "out of memory tokenizing %zu bytes", len);
}

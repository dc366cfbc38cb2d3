/*
 * tokenize.c — from text to tokens, in one pass over the bytes.
 *
 * Input: UTF-8 text. Output: word tokens (runs of letters), number tokens
 * (runs of digits; a letter-digit change cuts), and one token per
 * punctuation character, each with byte offsets into the original, the
 * hash of its folded lower-case form, case flags and what whitespace came
 * before it. ASCII takes a table-driven fast path; other code points go
 * through the fold table. No allocation per token: the buffer is reused.
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

static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, N, S, S, R, S, S,   /* 0x00 */
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,   /* 0x10 */
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 0x20  !"#$%&'()*+,-./ */
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,   /* 0x30 0-9:;<=>? */
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,   /* 0x40 @A-O */
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,   /* 0x50 P-Z[\]^_ */
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,   /* 0x60 `a-o */
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S    /* 0x70 p-z{|}~ DEL */
};

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
    uint64_t h = AG_HASH_SEED;
    int c;

    ag__fold_iter_init(&it, s, len, 1);
    while ((c = ag__fold_iter_next(&it)) >= 0)
        h = ag__hash_byte(h, (unsigned char)c);
    return h;
}

/* What a code point does to the token being built. */
typedef struct {
    int cls;             /* FC_* */
    int upper, lower;    /* case of a letter */
    const char *fold;    /* lower-case folded bytes to hash */
    uint32_t punct;
} piece;

typedef struct {
    ag_tokens *t;
    int in;              /* 0 none, FC_LETTER word, FC_DIGIT number */
    ag_token cur;
    uint64_t h;
    int has_upper, has_lower, first_letter;
    unsigned letters;    /* letters in the current word, up to 2 */
    uint32_t ws;         /* whitespace flags for the next token */
    int at_line_start;
    int indent;
    size_t line_start, line_last;
} state;

static int finish(state *st)
{
    ag_tokens *t = st->t;
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
    st->cur.key = st->h;
    if (t->n == t->cap && reserve(t, t->n + 1) != 0)
        return -1;
    t->v[t->n++] = st->cur;
    st->line_last = st->cur.end;
    st->in = 0;
    return 0;
}

static void begin(state *st, int kind, size_t at)
{
    memset(&st->cur, 0, sizeof st->cur);
    st->cur.start = (uint32_t)at;
    st->cur.flags = st->ws | (kind == FC_LETTER ? AG_TF_WORD : AG_TF_NUMBER);
    if (st->at_line_start && st->indent >= 2 && (st->ws & AG_TF_NEWLINE_BEFORE))
        st->cur.flags |= AG_TF_INDENT_BEFORE;
    st->ws = 0;
    st->at_line_start = 0;
    st->in = kind;
    st->h = AG_HASH_SEED;
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
    ag_tokens *t = st->t;
    ag_token *tok;
    uint64_t h = AG_HASH_SEED;

    if (t->n == t->cap && reserve(t, t->n + 1) != 0)
        return -1;
    tok = &t->v[t->n++];
    memset(tok, 0, sizeof *tok);
    tok->start = (uint32_t)at;
    tok->end = (uint32_t)end;
    tok->flags = st->ws | AG_TF_PUNCT;
    if (st->at_line_start && st->indent >= 2 && (st->ws & AG_TF_NEWLINE_BEFORE))
        tok->flags |= AG_TF_INDENT_BEFORE;
    if (end - at > 1 || *fold & 0x80)
        tok->flags |= AG_TF_NONASCII;
    for (; *fold; fold++)
        h = ag__hash_byte(h, (unsigned char)*fold);
    tok->key = h;
    tok->punct = cp;
    st->ws = 0;
    st->at_line_start = 0;
    st->line_last = end;
    return 0;
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

        if (c < 0x80) {
            switch (ascii_class[c]) {
            case U:
            case L:
                if (st.in != FC_LETTER) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_LETTER, at);
                }
                if (ascii_class[c] == U) {
                    st.has_upper = 1;
                    if (st.first_letter)
                        st.cur.flags |= AG_TF_UPPER_INITIAL;
                    c = (unsigned char)(c | 0x20);
                } else {
                    st.has_lower = 1;
                }
                st.first_letter = 0;
                st.letters += st.letters < 2;
                st.h = ag__hash_byte(st.h, c);
                st.cur.end = (uint32_t)(at + 1);
                break;
            case D:
                if (st.in != FC_DIGIT) {
                    if (finish(&st) != 0)
                        goto nomem;
                    begin(&st, FC_DIGIT, at);
                }
                st.h = ag__hash_byte(st.h, c);
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
                    st.h = ag__hash_byte(st.h, (unsigned char)*f);
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
                    st.h = ag__hash_byte(st.h, (unsigned char)*f);
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
    return ag__fail(err, AG_ENOMEM, "out of memory while tokenizing %zu bytes", len);
}

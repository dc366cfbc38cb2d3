/*
 * actorgraph/text.h — normalisation and tokens.
 *
 * Text is UTF-8 (ptr, len). The tokenizer cuts it into word, number and
 * punctuation tokens in one pass, keeping byte offsets into the original,
 * and gives each token a 64-bit key: the hash of its folded, lower-cased
 * form (diacritics stripped, typographic quotes, apostrophes and dashes
 * made ASCII). Nothing is copied: the folded text is never materialised.
 * Invalid UTF-8 bytes act as separators and are counted.
 *
 * It does not find sentences (segment.h) or aliases (match.h).
 */
#ifndef ACTORGRAPH_TEXT_H
#define ACTORGRAPH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Token flags. */
enum {
    AG_TF_WORD = 1u << 0,         /* letters */
    AG_TF_NUMBER = 1u << 1,       /* digits */
    AG_TF_PUNCT = 1u << 2,        /* one punctuation or symbol character */
    AG_TF_UPPER_INITIAL = 1u << 3,/* word whose first letter is upper case */
    AG_TF_ALL_UPPER = 1u << 4,    /* word with no lower-case letter */
    AG_TF_SPACE_BEFORE = 1u << 5, /* whitespace between this and the previous token */
    AG_TF_NEWLINE_BEFORE = 1u << 6,  /* ... including a line break */
    AG_TF_BLANKLINE_BEFORE = 1u << 7,/* ... including an empty line */
    AG_TF_INDENT_BEFORE = 1u << 8,   /* a line break followed by indentation */
    AG_TF_NONASCII = 1u << 9,     /* contains a non-ASCII character */
    AG_TF_CASELESS = 1u << 10,    /* inside all-caps text (set by the segmenter) */
    AG_TF_SENT_START = 1u << 11,  /* first token of a sentence (segmenter) */
    AG_TF_PARA_START = 1u << 12,  /* first token of a paragraph (segmenter) */
    AG_TF_HAS_LOWER = 1u << 13,   /* word with a lower-case letter */
    AG_TF_ONE_LETTER = 1u << 14   /* word of exactly one letter (an initial: "J", "U") */
};

typedef struct {
    uint32_t start;     /* byte offset of the first byte */
    uint32_t end;       /* byte offset one past the last byte */
    uint64_t key;       /* hash of the folded, lower-cased token */
    uint32_t flags;     /* AG_TF_* */
    uint32_t punct;     /* punctuation tokens: the folded code point ('.', '\'', '-'); else 0 */
    uint32_t sentence;  /* 0-based, set by the segmenter */
    uint32_t paragraph; /* 0-based, set by the segmenter */
} ag_token;

/* A reusable token buffer; memory is kept between documents. */
typedef struct {
    ag_token *v;
    size_t n;
    size_t cap;
    size_t invalid_bytes;   /* bytes that were not valid UTF-8 */
    size_t max_line;        /* longest line of at most AG_WRAP_LIMIT bytes, trailing spaces excluded */
    size_t lines;           /* number of non-empty lines */
    size_t long_lines;      /* lines longer than AG_WRAP_LIMIT bytes */
} ag_tokens;

/* Lines up to this long may be hard-wrapped text (see segment.h). */
#define AG_WRAP_LIMIT 100

/* The longest text the tokenizer takes (offsets are 32-bit). */
#define AG_TEXT_MAX ((size_t)UINT32_MAX - 1)

void ag_tokens_init(ag_tokens *t);
void ag_tokens_free(ag_tokens *t);

/* Tokenizes text into t (replacing its contents). AG_ELIMIT when len
 * exceeds AG_TEXT_MAX, AG_ENOMEM. */
ag_status ag_tokenize(const char *text, size_t len, ag_tokens *t, ag_error *err);

/* The key ag_tokenize() gives a token made of these bytes (which must
 * form one token). */
uint64_t ag_token_key(const char *s, size_t len);

/* Writes the folded form of s (case kept unless `lower`) into out, at most
 * `size` bytes including a terminating NUL; returns the length it needs.
 * Invalid UTF-8 becomes U+FFFD. */
size_t ag_fold(const char *s, size_t len, int lower, char *out, size_t size);

/* True when the folded, case-kept forms of the two strings are equal. */
int ag_fold_equal(const char *a, size_t alen, const char *b, size_t blen);

/* True when s is valid UTF-8. */
int ag_utf8_valid(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif

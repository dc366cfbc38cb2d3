/*
 * text_internal.h — what normalize.c shares with the tokenizer and the
 * alias index: UTF-8 decoding and the per-code-point fold table.
 */
#ifndef AG_TEXT_INTERNAL_H
#define AG_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

enum { FC_LETTER = 1, FC_DIGIT, FC_MARK, FC_SPACE, FC_NEWLINE, FC_PUNCT, FC_INVALID };
enum { FF_UPPER = 1, FF_LOWER = 2 };

typedef struct {
    uint8_t cls;        /* FC_* */
    uint8_t flags;      /* FF_* */
    char cased[7];      /* folded form, case kept, NUL-terminated */
    char lower[7];      /* folded form, lower case */
    uint32_t punct;     /* FC_PUNCT: the code point it stands for */
} fold_entry;

typedef struct {
    uint32_t lo, hi;
    const fold_entry *table;
} fold_range;

#define AG_HASH_SEED 0xcbf29ce484222325ull
#define AG_HASH_PRIME 0x100000001b3ull

static inline uint64_t ag__hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * AG_HASH_PRIME;
}

/* The token key: the folded lower-case bytes taken 8 at a time (little
 * endian, the last block zero-padded), each block folded in with a
 * multiply, the length and a final mix at the end. Streaming form, so a
 * token can be hashed a byte at a time (slow path) or a block at a time
 * (ASCII fast path) with the same result. */
typedef struct {
    uint64_t h, w;
    unsigned k;     /* bytes pending in w */
    uint64_t n;     /* bytes so far */
} ag_hstate;

#define AG_KEY_SEED 0x9E3779B97F4A7C15ull
#define AG_KEY_MUL 0xA0761D6478BD642Full

static inline uint64_t ag__key_block(uint64_t h, uint64_t w)
{
    h = (h ^ w) * AG_KEY_MUL;
    return h ^ (h >> 31);
}

static inline uint64_t ag__key_final(uint64_t h, uint64_t n)
{
    h ^= n * 0xE7037ED1A0B428DBull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

static inline void ag__hs_init(ag_hstate *s)
{
    s->h = AG_KEY_SEED;
    s->w = 0;
    s->k = 0;
    s->n = 0;
}

static inline void ag__hs_byte(ag_hstate *s, unsigned char c)
{
    s->w |= (uint64_t)c << (8 * s->k);
    s->n++;
    if (++s->k == 8) {
        s->h = ag__key_block(s->h, s->w);
        s->w = 0;
        s->k = 0;
    }
}

static inline uint64_t ag__hs_final(ag_hstate *s)
{
    uint64_t h = s->k ? ag__key_block(s->h, s->w) : s->h;
    return ag__key_final(h, s->n);
}

/* Decodes one UTF-8 sequence at p (p < end). Returns its length and sets
 * *cp, or returns 0 when the bytes are not valid UTF-8 (overlong,
 * surrogate, truncated, > U+10FFFF). */
size_t ag__utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *cp);

/* The offset of the first byte of s that is not valid UTF-8, or len. */
size_t ag__utf8_invalid_at(const char *s, size_t len);

/* The fold entry of a non-ASCII code point; `scratch` is filled and
 * returned for code points outside the generated table. */
const fold_entry *ag__fold_lookup(uint32_t cp, fold_entry *scratch);

/* The fold entry of an ASCII byte. */
const fold_entry *ag__fold_ascii(unsigned char c);

/* Streams the folded bytes of a string (spaces and newlines as one ' ',
 * marks dropped, invalid bytes as U+FFFD). */
typedef struct {
    const unsigned char *p, *end;
    const char *piece;
    int lower;
    fold_entry scratch;
} ag_fold_iter;

void ag__fold_iter_init(ag_fold_iter *it, const char *s, size_t len, int lower);
/* The next folded byte, or -1 at the end. */
int ag__fold_iter_next(ag_fold_iter *it);

#endif

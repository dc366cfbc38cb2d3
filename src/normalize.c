/*
 * normalize.c — UTF-8 decoding and folding.
 *
 * Input: UTF-8 bytes. Output: per code point, a class (letter, digit,
 * mark, space, newline, punctuation) and a folded form in which diacritics
 * are stripped and typographic quotes, apostrophes and dashes become ASCII.
 * The table comes from scripts/gen_fold.py; code points outside it are
 * letters of scripts without case (CJK, Hebrew, Indic ...) unless they lie
 * in a symbol block. Nothing here allocates; offsets are never changed,
 * because nothing is rewritten: callers fold on the fly.
 */
#include <string.h>

#include "actorgraph/text.h"
#include "text_internal.h"

#include "fold_table.inc"

size_t ag__utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
    unsigned char c = p[0];
    size_t n;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int in_symbol_block(uint32_t cp)
{
    return (cp >= 0x2070 && cp <= 0x2BFF)      /* super/subscripts, currency, arrows, maths, boxes */
        || (cp >= 0x2E00 && cp <= 0x2E7F)      /* supplemental punctuation */
        || (cp >= 0xFE10 && cp <= 0xFE6F)      /* vertical and small forms */
        || (cp >= 0xFFF0 && cp <= 0xFFFF)      /* specials, U+FFFD */
        || (cp >= 0x1F000 && cp <= 0x1FAFF);   /* emoji and pictographs */
}

const fold_entry *ag__fold_lookup(uint32_t cp, fold_entry *scratch)
{
    for (size_t i = 0; i < sizeof fold_ranges / sizeof fold_ranges[0]; i++) {
        if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi)
            return &fold_ranges[i].table[cp - fold_ranges[i].lo];
    }
    memset(scratch, 0, sizeof *scratch);
    if (cp == 0xFEFF) {                                  /* byte-order mark */
        scratch->cls = FC_SPACE;
    } else if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        scratch->cls = FC_MARK;                          /* variation selectors */
    } else if (in_symbol_block(cp)) {
        scratch->cls = FC_PUNCT;
        scratch->punct = cp;
    } else {
        scratch->cls = FC_LETTER;                        /* caseless scripts */
    }
    if (scratch->cls == FC_LETTER || scratch->cls == FC_PUNCT) {
        unsigned char *o = (unsigned char *)scratch->cased;
        size_t n = 0;
        if (cp < 0x800) {
            o[n++] = (unsigned char)(0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            o[n++] = (unsigned char)(0xE0 | (cp >> 12));
            o[n++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        } else {
            o[n++] = (unsigned char)(0xF0 | (cp >> 18));
            o[n++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            o[n++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        }
        o[n++] = (unsigned char)(0x80 | (cp & 0x3F));
        o[n] = 0;
        memcpy(scratch->lower, scratch->cased, sizeof scratch->lower);
    }
    return scratch;
}

const fold_entry *ag__fold_ascii(unsigned char c)
{
    return &fold_0000[c & 0x7F];
}

size_t ag__utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t cp;
        size_t n;
        if (*p < 0x80) {
            p++;
            continue;
        }
        n = ag__utf8_decode(p, end, &cp);
        if (n == 0)
            return (size_t)(p - (const unsigned char *)s);
        p += n;
    }
    return len;
}

int ag_utf8_valid(const char *s, size_t len)
{
    return ag__utf8_invalid_at(s, len) == len;
}

void ag__fold_iter_init(ag_fold_iter *it, const char *s, size_t len, int lower)
{
    it->p = (const unsigned char *)s;
    it->end = it->p + len;
    it->piece = "";
    it->lower = lower;
}

int ag__fold_iter_next(ag_fold_iter *it)
{
    while (*it->piece == '\0') {
        uint32_t cp;
        size_t step;
        const fold_entry *e;

        if (it->p >= it->end)
            return -1;
        if (*it->p < 0x80) {   /* ASCII: the table directly */
            e = ag__fold_ascii(*it->p++);
            it->piece = e->cls == FC_SPACE || e->cls == FC_NEWLINE ? " " : it->lower ? e->lower : e->cased;
            continue;
        }
        step = ag__utf8_decode(it->p, it->end, &cp);
        if (step == 0) {
            it->piece = "\xEF\xBF\xBD";
            it->p++;
            break;
        }
        it->p += step;
        e = ag__fold_lookup(cp, &it->scratch);
        if (e->cls == FC_SPACE || e->cls == FC_NEWLINE)
            it->piece = " ";
        else if (e->cls == FC_MARK)
            it->piece = "";
        else
            it->piece = it->lower ? e->lower : e->cased;
    }
    return (unsigned char)*it->piece++;
}

size_t ag_fold(const char *s, size_t len, int lower, char *out, size_t size)
{
    ag_fold_iter it;
    size_t n = 0;
    int c;

    ag__fold_iter_init(&it, s, len, lower);
    while ((c = ag__fold_iter_next(&it)) >= 0) {
        if (n + 1 < size)
            out[n] = (char)c;
        n++;
    }
    if (size > 0)
        out[n < size ? n : size - 1] = '\0';
    return n;
}

int ag_fold_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    ag_fold_iter ia, ib;
    int ca, cb;

    ag__fold_iter_init(&ia, a, alen, 0);
    ag__fold_iter_init(&ib, b, blen, 0);
    do {
        ca = ag__fold_iter_next(&ia);
        cb = ag__fold_iter_next(&ib);
        if (ca != cb)
            return 0;
    } while (ca >= 0);
    return 1;
}

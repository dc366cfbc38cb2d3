/*
 * json_scan.c — a validating JSON scanner without a document tree (see
 * json_scan.h). Strict RFC 8259 grammar, except that bytes above 0x7F in
 * strings are taken as they are (invalid UTF-8 is the text pipeline's to
 * replace, not a reason to lose a document). Nesting is limited to
 * AG_JSON_MAX_DEPTH levels.
 */
#include <string.h>

#include "json_scan.h"

static int fail(ag_jscan *j, const char *what)
{
    if (!j->error) {
        j->error = what;
        j->error_pos = j->pos < j->n ? j->pos : j->n;
    }
    return -1;
}

static void ws(ag_jscan *j)
{
    while (j->pos < j->n) {
        char c = j->s[j->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        j->pos++;
    }
}

void ag__jscan_init(ag_jscan *j, const char *s, size_t n)
{
    memset(j, 0, sizeof *j);
    j->s = s;
    j->n = n;
}

static int hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Bytes that end a run of plain string content: '"', '\\' and controls. */
static const unsigned char special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

#if defined(__SSE2__)
#include <emmintrin.h>

/* The first byte from p that is special ('"', '\\' or a control), 16
 * bytes a step; end when there is none in the last full 16. */
static inline const unsigned char *skip_plain16(const unsigned char *p, const unsigned char *end)
{
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                 _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));   /* v <= 0x1f, unsigned */
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
    return p;
}
#endif

static int string(ag_jscan *j)
{
    const unsigned char *s = (const unsigned char *)j->s, *p = s + j->pos + 1, *end = s + j->n;
    for (;;) {
        /* plain content, sixteen or four bytes a step */
#if defined(__SSE2__)
        p = skip_plain16(p, end);
#endif
        while (end - p >= 4 && !(special[p[0]] | special[p[1]] | special[p[2]] | special[p[3]]))
            p += 4;
        while (p < end && !special[*p])
            p++;
        if (p >= end)
            break;
        if (*p == '"') {
            j->pos = (size_t)(p + 1 - s);
            return 0;
        }
        if (*p < 0x20) {
            j->pos = (size_t)(p - s);
            return fail(j, "control character in a string (escape it)");
        }
        /* a backslash */
        if (p + 1 >= end) {
            j->pos = (size_t)(p - s);
            return fail(j, "unterminated string");
        }
        if (p[1] == 'u') {
            if (end - p <= 5 || !hex((char)p[2]) || !hex((char)p[3]) || !hex((char)p[4]) || !hex((char)p[5])) {
                j->pos = (size_t)(p - s);
                return fail(j, "\\u needs four hexadecimal digits");
            }
            p += 6;
            continue;
        }
        if (!p[1] || !strchr("\"\\/bfnrt", p[1])) {
            j->pos = (size_t)(p - s);
            return fail(j, "unknown escape in a string");
        }
        p += 2;
    }
    j->pos = j->n;
    return fail(j, "unterminated string");
}

static int digits(ag_jscan *j)
{
    size_t start = j->pos;
    while (j->pos < j->n && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
        j->pos++;
    return j->pos > start ? 0 : fail(j, "a digit was expected");
}

static int number(ag_jscan *j)
{
    if (j->s[j->pos] == '-')
        j->pos++;
    if (j->pos < j->n && j->s[j->pos] == '0')
        j->pos++;
    else if (digits(j) != 0)
        return -1;
    if (j->pos < j->n && j->s[j->pos] == '.') {
        j->pos++;
        if (digits(j) != 0)
            return -1;
    }
    if (j->pos < j->n && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
        j->pos++;
        if (j->pos < j->n && (j->s[j->pos] == '+' || j->s[j->pos] == '-'))
            j->pos++;
        if (digits(j) != 0)
            return -1;
    }
    return 0;
}

static int literal(ag_jscan *j, const char *word)
{
    size_t len = strlen(word);
    if (j->n - j->pos < len || memcmp(j->s + j->pos, word, len) != 0)
        return fail(j, "not a JSON value");
    j->pos += len;
    return 0;
}

static int value(ag_jscan *j);

static int container(ag_jscan *j, char close)
{
    int first = 1;
    if (++j->depth > AG_JSON_MAX_DEPTH)
        return fail(j, "nested too deep");
    j->pos++;   /* open */
    for (;;) {
        ws(j);
        if (j->pos >= j->n)
            return fail(j, close == '}' ? "unterminated object" : "unterminated array");
        if (j->s[j->pos] == close && first) {
            j->pos++;
            break;
        }
        if (!first) {
            if (j->s[j->pos] == close) {
                j->pos++;
                break;
            }
            if (j->s[j->pos] != ',')
                return fail(j, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
            j->pos++;
            ws(j);
        }
        if (close == '}') {
            if (j->pos >= j->n || j->s[j->pos] != '"')
                return fail(j, "a string (the member's name) expected");
            if (string(j) != 0)
                return -1;
            ws(j);
            if (j->pos >= j->n || j->s[j->pos] != ':')
                return fail(j, "':' expected");
            j->pos++;
        }
        if (value(j) != 0)
            return -1;
        first = 0;
    }
    j->depth--;
    return 0;
}

/* Skips a value of text already validated: strings found with memchr,
 * nothing checked. */
static int skip_trusted(ag_jscan *j)
{
    const char *s = j->s;
    unsigned depth = 0;
    for (;;) {
        ws(j);
        if (j->pos >= j->n)
            return fail(j, "a value was expected");
        switch (s[j->pos]) {
        case '"': {
            const char *p = s + j->pos + 1, *end = s + j->n, *q;
            for (;;) {
                size_t bs = 0;
                q = (const char *)memchr(p, '"', (size_t)(end - p));
                if (!q)
                    return fail(j, "unterminated string");
                while (q - bs - 1 >= s + j->pos + 1 && q[-1 - (long)bs] == '\\')
                    bs++;
                if (bs % 2 == 0)
                    break;
                p = q + 1;
            }
            j->pos = (size_t)(q + 1 - s);
            break;
        }
        case '{':
        case '[':
            depth++;
            j->pos++;
            continue;
        case '}':
        case ']':
            if (depth == 0)
                return fail(j, "a value was expected");
            depth--;
            j->pos++;
            break;
        case ',':
        case ':':
            j->pos++;
            continue;
        default:
            while (j->pos < j->n && !strchr(",:}] \t\r\n", s[j->pos]))
                j->pos++;
            break;
        }
        if (depth == 0)
            return 0;
    }
}

static int value(ag_jscan *j)
{
    if (j->trusted)
        return skip_trusted(j);
    ws(j);
    if (j->pos >= j->n)
        return fail(j, "a value was expected");
    switch (j->s[j->pos]) {
    case '"': return string(j);
    case '{': return container(j, '}');
    case '[': return container(j, ']');
    case 't': return literal(j, "true");
    case 'f': return literal(j, "false");
    case 'n': return literal(j, "null");
    default:
        if (j->s[j->pos] == '-' || (j->s[j->pos] >= '0' && j->s[j->pos] <= '9'))
            return number(j);
        return fail(j, "not a JSON value");
    }
}

int ag__jscan_value(ag_jscan *j, size_t *start, size_t *end)
{
    ws(j);
    *start = j->pos;
    if (value(j) != 0)
        return -1;
    *end = j->pos;
    return 0;
}

static int open_container(ag_jscan *j, char c, const char *what)
{
    ws(j);
    if (j->pos >= j->n || j->s[j->pos] != c)
        return fail(j, what);
    j->pos++;
    return 0;
}

int ag__jscan_object(ag_jscan *j)
{
    return open_container(j, '{', "an object was expected");
}

int ag__jscan_array(ag_jscan *j)
{
    return open_container(j, '[', "an array was expected");
}

/* Before the next member or element: 1 when there is one (separator
 * consumed), 0 after the closing bracket, -1 on an error. A container is at
 * its start when the last non-space character is its opening bracket. */
static int next_item(ag_jscan *j, char close)
{
    size_t back = j->pos;
    int first;
    while (back > 0 && strchr(" \t\n\r", j->s[back - 1]))
        back--;
    first = back > 0 && j->s[back - 1] == (close == '}' ? '{' : '[');
    ws(j);
    if (j->pos >= j->n)
        return fail(j, close == '}' ? "unterminated object" : "unterminated array");
    if (j->s[j->pos] == close) {
        j->pos++;
        return 0;
    }
    if (!first) {
        if (j->s[j->pos] != ',')
            return fail(j, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
        j->pos++;
        ws(j);
    }
    return 1;
}

int ag__jscan_member(ag_jscan *j, size_t *key, size_t *key_end, size_t *val, size_t *val_end)
{
    int rc = next_item(j, '}');
    if (rc <= 0)
        return rc;
    if (j->pos >= j->n || j->s[j->pos] != '"')
        return fail(j, "a string (the member's name) expected");
    *key = j->pos;
    if (string(j) != 0)
        return -1;
    *key_end = j->pos;
    ws(j);
    if (j->pos >= j->n || j->s[j->pos] != ':')
        return fail(j, "':' expected");
    j->pos++;
    return ag__jscan_value(j, val, val_end) == 0 ? 1 : -1;
}

int ag__jscan_element(ag_jscan *j, size_t *val, size_t *val_end)
{
    int rc = next_item(j, ']');
    if (rc <= 0)
        return rc;
    return ag__jscan_value(j, val, val_end) == 0 ? 1 : -1;
}

int ag__jscan_end(ag_jscan *j)
{
    ws(j);
    return j->pos == j->n ? 0 : fail(j, "trailing characters after the JSON value");
}

int ag__jscan_plain(const char *s, size_t start, size_t end)
{
    return memchr(s + start + 1, '\\', end - start - 2) == NULL;
}

int ag__jscan_key_is(const char *s, size_t start, size_t end, const char *key)
{
    size_t len = strlen(key);
    if (ag__jscan_plain(s, start, end))
        return end - start - 2 == len && memcmp(s + start + 1, key, len) == 0;
    {
        char buf[256];
        size_t n;
        if (end - start > sizeof buf)
            return 0;
        n = ag__jscan_decode(s, start, end, buf);
        return n == len && memcmp(buf, key, len) == 0;
    }
}

static unsigned hexval(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

size_t ag__jscan_put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t ag__jscan_decode(const char *s, size_t start, size_t end, char *out)
{
    size_t n = 0, i = start + 1, last = end - 1;
    while (i < last) {
        const char *bs = (const char *)memchr(s + i, '\\', last - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : last - i;
        memcpy(out + n, s + i, run);
        n += run;
        i += run;
        if (i >= last)
            break;
        switch (s[i + 1]) {
        case 'n': out[n++] = '\n'; i += 2; break;
        case 't': out[n++] = '\t'; i += 2; break;
        case 'r': out[n++] = '\r'; i += 2; break;
        case 'b': out[n++] = '\b'; i += 2; break;
        case 'f': out[n++] = '\f'; i += 2; break;
        case 'u': {
            unsigned cp = hexval(s + i + 2);
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 5 < last && s[i] == '\\' && s[i + 1] == 'u') {
                unsigned lo = hexval(s + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;   /* a lone surrogate */
            n += ag__jscan_put_utf8(out + n, cp);
            break;
        }
        default: out[n++] = s[i + 1]; i += 2; break;   /* \" \\ \/ */
        }
    }
    return n;
}

/* --- positions for messages ------------------------------------------------ */

void ag__jwalk_string(ag_jwalk *w)
{
    w->i++; /* opening quote */
    for (;;) {
        const char *q = w->i < w->n ? (const char *)memchr(w->s + w->i, '"', w->n - w->i) : NULL;
        size_t bs = 0, at;
        if (!q) {
            w->i = w->n;
            return;
        }
        at = (size_t)(q - w->s);
        while (at - bs > w->i && w->s[at - bs - 1] == '\\')
            bs++;
        w->i = at + 1;
        if (bs % 2 == 0)
            return;   /* not escaped */
    }
}

void ag__jwalk_value(ag_jwalk *w)
{
    size_t depth = 0;
    ag__jwalk_ws(w);
    do {
        if (w->i >= w->n)
            return;
        switch (w->s[w->i]) {
        case '"':
            ag__jwalk_string(w);
            break;
        case '{':
        case '[':
            depth++;
            w->i++;
            break;
        case '}':
        case ']':
            depth -= depth > 0;
            w->i++;
            break;
        default:
            if (depth == 0) {
                while (w->i < w->n && !strchr(",}] \t\r\n", w->s[w->i]))
                    w->i++;
            } else {
                w->i++;
            }
        }
    } while (depth > 0);
}

size_t ag__jpath_locate(const char *text, size_t len, const ag_jpath *path, size_t depth, int want_key)
{
    ag_jwalk w = { text, len, 0 };
    for (size_t d = 0; d < depth; d++) {
        ag__jwalk_ws(&w);
        if (w.i >= w.n)
            break;
        if (path[d].key) {
            size_t klen = strlen(path[d].key);
            int found = 0;
            if (w.s[w.i] != '{')
                break;
            w.i++;
            for (;;) {
                size_t kstart;
                ag__jwalk_ws(&w);
                if (w.i >= w.n || w.s[w.i] != '"')
                    break;
                kstart = w.i;
                ag__jwalk_string(&w);
                if (w.i - kstart - 2 == klen && memcmp(w.s + kstart + 1, path[d].key, klen) == 0) {
                    if (want_key && d + 1 == depth)
                        return kstart;
                    ag__jwalk_ws(&w);
                    w.i++; /* ':' */
                    found = 1;
                    break;
                }
                ag__jwalk_ws(&w);
                w.i++; /* ':' */
                ag__jwalk_value(&w);
                ag__jwalk_ws(&w);
                if (w.i < w.n && w.s[w.i] == ',')
                    w.i++;
            }
            if (!found)
                break;
        } else {
            if (w.s[w.i] != '[')
                break;
            w.i++;
            for (size_t k = 0; k < path[d].index; k++) {
                ag__jwalk_value(&w);
                ag__jwalk_ws(&w);
                if (w.i < w.n && w.s[w.i] == ',')
                    w.i++;
            }
        }
    }
    ag__jwalk_ws(&w);
    return w.i < len ? w.i : len;
}

void ag__json_line_col(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
    unsigned long l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

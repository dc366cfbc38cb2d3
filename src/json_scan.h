/*
 * json_scan.h — a validating JSON scanner without a document tree.
 *
 * Walks JSON text in place: validates a value, iterates an object's members
 * or an array's elements as byte spans, decodes a string. What it finds
 * points into the text. Used where building a tree per value would cost
 * more than the work itself: JSON lines (one document each) and the actor
 * array of a large lexicon (each actor then goes to jansson on its own).
 */
#ifndef AG_JSON_SCAN_H
#define AG_JSON_SCAN_H

#include <stddef.h>

typedef struct {
    const char *s;
    size_t n;
    size_t pos;           /* where scanning is */
    const char *error;    /* set on failure: what is wrong ... */
    size_t error_pos;     /* ... and where (byte offset) */
    unsigned depth;
    int trusted;          /* the text was validated before: skip values without checking them */
} ag_jscan;

#define AG_JSON_MAX_DEPTH 512

void ag__jscan_init(ag_jscan *j, const char *s, size_t n);

/* Validates the value at the scanning position (after whitespace); its
 * span is [*start, *end). Returns 0, or -1 with error set. */
int ag__jscan_value(ag_jscan *j, size_t *start, size_t *end);

/* Expects an object: returns 0 and moves past '{', or -1. */
int ag__jscan_object(ag_jscan *j);
/* The next member: 1 with the key's span (quotes included) and the value's
 * span, 0 after the closing '}', -1 on an error. */
int ag__jscan_member(ag_jscan *j, size_t *key, size_t *key_end, size_t *val, size_t *val_end);

/* Expects an array: returns 0 and moves past '[', or -1. */
int ag__jscan_array(ag_jscan *j);
/* The next element: 1 with its span, 0 after ']', -1 on an error. */
int ag__jscan_element(ag_jscan *j, size_t *val, size_t *val_end);

/* Only whitespace is left: 0, or -1 ("trailing characters"). */
int ag__jscan_end(ag_jscan *j);

/* True when the string literal [start, end) (quotes included) equals key. */
int ag__jscan_key_is(const char *s, size_t start, size_t end, const char *key);

/* True when the literal has no escape: its bytes are start+1 .. end-1. */
int ag__jscan_plain(const char *s, size_t start, size_t end);

/* Decodes the string literal [start, end) into out (which must hold
 * end - start bytes): escapes resolved, \u sequences as UTF-8 (a lone
 * surrogate as U+FFFD). Returns the length. The literal must have been
 * validated by the scanner. */
size_t ag__jscan_decode(const char *s, size_t start, size_t end, char *out);

/* Writes code point cp (at most U+10FFFF) to o as UTF-8: 1 to 4 bytes,
 * their count returned. */
size_t ag__jscan_put_utf8(char *o, unsigned cp);

/* --- positions for messages ------------------------------------------------ */

/* A tolerant walker over text already known to be JSON: skips blanks, a
 * string or a whole value, never reading past n. */
typedef struct {
    const char *s;
    size_t n, i;
} ag_jwalk;

static inline void ag__jwalk_ws(ag_jwalk *w)
{
    while (w->i < w->n && (w->s[w->i] == ' ' || w->s[w->i] == '\t' || w->s[w->i] == '\n' || w->s[w->i] == '\r'))
        w->i++;
}

/* At a string's opening quote: to just past its closing one. */
void ag__jwalk_string(ag_jwalk *w);
/* One value (after blanks), nested ones included. */
void ag__jwalk_value(ag_jwalk *w);

/* One step of a path into a document: an object member, or (key NULL)
 * an array element. */
typedef struct {
    const char *key;
    size_t index;
} ag_jpath;

/* The offset of the value at path (of its key, with want_key) in valid
 * JSON text; as far as the path could be followed when it goes missing.
 * Keys written with escapes do not match. */
size_t ag__jpath_locate(const char *text, size_t len, const ag_jpath *path, size_t depth, int want_key);

/* The 1-based line and column (in characters, as jansson counts them) of
 * a byte offset. */
void ag__json_line_col(const char *text, size_t off, unsigned long *line, unsigned long *col);

#endif

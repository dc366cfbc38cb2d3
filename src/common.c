/*
 * common.c — status strings, error formatting and the small helpers of
 * internal.h. The error record is a fixed buffer: nothing here allocates
 * on the error path.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/common.h"
#include "internal.h"

const char *ag_status_string(ag_status status)
{
    switch (status) {
    case AG_OK: return "success";
    case AG_EINVAL: return "invalid argument";
    case AG_ESYNTAX: return "malformed input";
    case AG_ESCHEMA: return "input breaks the schema";
    case AG_ENOMEM: return "out of memory";
    case AG_EIO: return "input/output error";
    case AG_EGRAPH: return "graph library error";
    case AG_ELIMIT: return "limit exceeded";
    case AG_EPATTERN: return "bad regular expression";
    case AG_EINTERNAL: return "internal error";
    case AG_ENOENT: return "input cannot be opened";
    }
    return "unknown status";
}

int ag_status_is_input_error(ag_status status)
{
    return status == AG_EINVAL || status == AG_ESYNTAX || status == AG_ESCHEMA ||
           status == AG_ELIMIT || status == AG_EPATTERN || status == AG_ENOENT;
}

char *ag_error_format(const ag_error *err, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (!err) {
        snprintf(buf, size, "unknown error");
    } else if (err->file[0] && err->line && err->column) {
        snprintf(buf, size, "%s:%lu:%lu: %s", err->file, err->line, err->column, err->message);
    } else if (err->file[0] && err->line) {
        snprintf(buf, size, "%s:%lu: %s", err->file, err->line, err->message);
    } else if (err->file[0]) {
        snprintf(buf, size, "%s: %s", err->file, err->message);
    } else {
        snprintf(buf, size, "%s", err->message[0] ? err->message : ag_status_string(err->status));
    }
    return buf;
}

const char *ag_version(void)
{
    return AG_VERSION_STRING;
}

static void set(ag_error *err, ag_status status, const char *file, unsigned long line,
                unsigned long column, const char *fmt, va_list ap)
{
    memset(err, 0, sizeof *err);
    err->status = status;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

ag_status ag__fail(ag_error *err, ag_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        set(err, status, NULL, 0, 0, fmt, ap);
        va_end(ap);
    }
    return status;
}

ag_status ag__fail_at(ag_error *err, ag_status status, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        set(err, status, file, line, column, fmt, ap);
        va_end(ap);
    }
    return status;
}

char *ag__strdup(const char *s)
{
    return s ? ag__strndup(s, strlen(s)) : NULL;
}

char *ag__strndup(const char *s, size_t n)
{
    char *d;
    if (!s)
        return NULL;
    d = (char *)malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

int ag__grow(void **v, size_t *cap, size_t need, size_t size)
{
    size_t c;
    void *n;
    if (need <= *cap)
        return 0;
    c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return -1;
        c *= 2;
    }
    n = realloc(*v, c * size);
    if (!n)
        return -1;
    *v = n;
    *cap = c;
    return 0;
}

void ag__format_number(double v, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, "NaN");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, size, v > 0 ? "INF" : "-INF");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        /* a whole number: its digits ("-0" is "0"), without printf */
        char tmp[24];
        long long n = (long long)v;
        unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
        size_t k = 0, o = 0;
        do {
            tmp[k++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (n < 0 && o + 1 < size)
            buf[o++] = '-';
        while (k && o + 1 < size)
            buf[o++] = tmp[--k];
        if (size)
            buf[o] = '\0';
        return;
    }
    /* %.15g is already the shortest for every double that 15 digits give
     * back (%g drops trailing zeros); the rest need 16 or 17. (Fixed
     * formats: "%.*g" sends glibc down its slow positional path.) */
    snprintf(buf, size, "%.15g", v);
    if (strtod(buf, NULL) == v)
        return;
    snprintf(buf, size, "%.16g", v);
    if (strtod(buf, NULL) == v)
        return;
    snprintf(buf, size, "%.17g", v);
}

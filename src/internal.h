/*
 * internal.h — helpers every module of the library shares: filling the
 * error record, and checked allocation. Not installed, not public.
 */
#ifndef AG_INTERNAL_H
#define AG_INTERNAL_H

#include <stddef.h>

#include "actorgraph/common.h"

#if defined(__GNUC__)
#define AG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define AG_PRINTF(a, b)
#endif

/* Fills err (when not NULL) and returns status. */
ag_status ag__fail(ag_error *err, ag_status status, const char *fmt, ...) AG_PRINTF(3, 4);

/* The same, naming a file and a position (line/column 0 when unknown). */
ag_status ag__fail_at(ag_error *err, ag_status status, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, ...) AG_PRINTF(6, 7);

/* strdup that returns NULL on failure (and for NULL). */
char *ag__strdup(const char *s);
char *ag__strndup(const char *s, size_t n);

/* The shortest decimal that reads back as exactly v ("0.5", "12",
 * "0.33333333333333331"); "NaN"/"INF"/"-INF" for non-finite values. */
void ag__format_number(double v, char *buf, size_t size);

/* Grows *v (elements of `size` bytes) to hold at least `need`; 0 or -1. */
int ag__grow(void **v, size_t *cap, size_t need, size_t size);

#endif

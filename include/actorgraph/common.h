/*
 * actorgraph/common.h — status codes, the error record and the version.
 *
 * Every fallible function in the library returns an ag_status (AG_OK == 0)
 * and takes an optional `ag_error *err` last. The error record is a fixed
 * buffer owned by the caller: the library fills it, never allocates it, and
 * leaves it untouched on success. Codes are never renumbered or reused.
 *
 * Ownership, for every public header: inputs are borrowed; what an object
 * keeps is copied; `const` pointers a function returns are borrowed until
 * their parent object changes or is freed; `ag_x_free(NULL)` is a no-op.
 */
#ifndef ACTORGRAPH_COMMON_H
#define ACTORGRAPH_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AG_VERSION_MAJOR 0
#define AG_VERSION_MINOR 1
#define AG_VERSION_PATCH 0
#define AG_VERSION_STRING "0.1.0"

typedef enum {
    AG_OK = 0,
    AG_EINVAL = 1,     /* bad argument or option value */
    AG_ESYNTAX = 2,    /* malformed input: JSON, GraphML, text a reader rejects */
    AG_ESCHEMA = 3,    /* well-formed input that breaks the lexicon or graph schema */
    AG_ENOMEM = 4,     /* out of memory */
    AG_EIO = 5,        /* read, write, rename or close failed */
    AG_EGRAPH = 6,     /* igraph reported an error */
    AG_ELIMIT = 7,     /* a documented limit was exceeded (document size, regex budget) */
    AG_EPATTERN = 8,   /* a PCRE2 pattern does not compile */
    AG_EINTERNAL = 9,  /* a bug: an invariant did not hold */
    AG_ENOENT = 10     /* an input named by the user cannot be opened */
} ag_status;

/* Where and why something failed. `file` is empty when no file is involved;
 * `line`/`column` are 1-based and 0 when unknown. */
typedef struct {
    ag_status status;
    char file[512];
    unsigned long line;
    unsigned long column;
    char message[512];
} ag_error;

/* A short constant description of a status code ("out of memory"). */
const char *ag_status_string(ag_status status);

/* True for the codes that mean "the user's input is wrong" (exit status 1)
 * rather than an internal or I/O failure (exit status 2). */
int ag_status_is_input_error(ag_status status);

/* Formats `err` as "file:line:col: message" (the parts that are known) into
 * buf. Returns buf. */
char *ag_error_format(const ag_error *err, char *buf, size_t size);

/* The library's version string, e.g. "0.1.0". */
const char *ag_version(void);

#ifdef __cplusplus
}
#endif

#endif

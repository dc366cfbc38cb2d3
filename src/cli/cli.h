/*
 * cli.h — what the subcommands share: exit codes, messages, the default
 * lexicon, the reader's warning callback, JSON string output.
 */
#ifndef AG_CLI_H
#define AG_CLI_H

#include <stdio.h>

#include "actorgraph/actorgraph.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_INTERNAL = 2 };

/* Set by -q: no warnings, no progress. */
extern int cli_quiet;

/* A progress line is on standard error (run.c); anything else printed
 * there erases it first with cli_progress_erase(). */
extern int cli_progress_shown;
void cli_progress_erase(void);

/* Prints "actorgraph: <where>: <message>" for err and returns the exit
 * status its code calls for (1 for bad input, 2 for the rest). */
int cli_fail(const ag_error *err);

/* Prints "actorgraph: <message>" and returns EXIT_INPUT (usage errors). */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A diagnostics callback printing warnings (unless quiet) and errors. */
void cli_diag(void *userdata, ag_diag_severity sev, const ag_error *err);

/* Loads the lexicons named by -l (or the default ones) and compiles them
 * (with up to `threads` threads). Returns 0, or an exit status after
 * printing why. */
int cli_load_lexicons(char **paths, size_t n, unsigned threads, ag_lexicon **out);

/* Where the bundled lexicons are: $ACTORGRAPH_LEXICONS, next to the
 * binary, or the install prefix. NULL when none is found. */
const char *cli_default_lexicons(void);

/* Writes s (len bytes) as a JSON string, quotes included. */
void cli_json_string(FILE *fp, const char *s, size_t len);

/* Collects -l / -o style repeatable options. */
typedef struct {
    char **v;
    size_t n, cap;
} cli_list;

int cli_list_add(cli_list *l, char *s);
void cli_list_free(cli_list *l);

/* Grows *v (elements of `size` bytes) to hold at least `need`; 0 or -1. */
int cli_grow(void **v, size_t *cap, size_t need, size_t size);

/* Parses an unsigned integer option; returns 0 on success. */
int cli_parse_uint(const char *s, unsigned long long *out);
/* Parses a floating-point option; returns 0 on success. */
int cli_parse_double(const char *s, double *out);

int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_mentions(int argc, char **argv);
int cmd_centrality(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_communities(int argc, char **argv);

#endif

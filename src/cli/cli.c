/*
 * cli.c — helpers every subcommand uses: messages and exit codes, finding
 * and loading lexicons, JSON string output, option parsing.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef AG_INSTALL_LEXICONS
#define AG_INSTALL_LEXICONS "/usr/local/share/actorgraph/lexicons"
#endif

int cli_quiet = 0;
int cli_progress_shown = 0;

void cli_progress_erase(void)
{
    if (cli_progress_shown) {
        fputs("\r\033[K", stderr);
        cli_progress_shown = 0;
    }
}

int cli_fail(const ag_error *err)
{
    char buf[1200];
    cli_progress_erase();
    fprintf(stderr, "actorgraph: %s\n", ag_error_format(err, buf, sizeof buf));
    return ag_status_is_input_error(err->status) ? EXIT_INPUT : EXIT_INTERNAL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "actorgraph %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'actorgraph %s --help'.\n", cmd);
    return EXIT_INPUT;
}

void cli_diag(void *userdata, ag_diag_severity sev, const ag_error *err)
{
    char buf[1200];
    (void)userdata;
    if (sev == AG_DIAG_WARNING && cli_quiet)
        return;
    cli_progress_erase();
    fprintf(stderr, "actorgraph: %s: %s\n", sev == AG_DIAG_WARNING ? "warning" : "error",
            ag_error_format(err, buf, sizeof buf));
}

static int is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *cli_default_lexicons(void)
{
    static char found[PATH_MAX + 64];
    const char *env = getenv("ACTORGRAPH_LEXICONS");
    char exe[PATH_MAX];
    ssize_t n;

    if (env && *env)
        return env;
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        static const char *const rel[] = { "lexicons", "../lexicons", "../share/actorgraph/lexicons",
                                           "../../lexicons" };
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                snprintf(found, sizeof found, "%s/%s", exe, rel[i]);
                if (is_dir(found))
                    return found;
            }
        }
    }
    if (is_dir(AG_INSTALL_LEXICONS))
        return AG_INSTALL_LEXICONS;
    return NULL;
}

int cli_load_lexicons(char **paths, size_t n, unsigned threads, ag_lexicon **out)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    ag_status st;
    const char *dflt = NULL;

    *out = NULL;
    memset(&err, 0, sizeof err);
    if (n == 0) {
        dflt = cli_default_lexicons();
        if (!dflt) {
            fprintf(stderr, "actorgraph: no lexicon given (-l) and the bundled lexicons were not found; "
                            "set ACTORGRAPH_LEXICONS to their directory\n");
            return EXIT_INPUT;
        }
    }
    if ((st = ag_lexicon_new(&lex, &err)) != AG_OK)
        return cli_fail(&err);
    ag_lexicon_set_diagnostics(lex, cli_diag, NULL);
    ag_lexicon_set_threads(lex, threads);
    for (size_t i = 0; i < (n ? n : 1); i++) {
        const char *p = n ? paths[i] : dflt;
        if ((st = ag_lexicon_load_path(lex, p, &err)) != AG_OK) {
            int code = EXIT_INPUT;
            if (st == AG_ESYNTAX || st == AG_ESCHEMA || st == AG_EPATTERN)
                fprintf(stderr, "actorgraph: cannot use lexicon %s (errors above)\n", p);
            else
                code = cli_fail(&err);
            ag_lexicon_free(lex);
            return code;
        }
    }
    if ((st = ag_lexicon_compile(lex, &err)) != AG_OK) {
        int code = EXIT_INPUT;
        if (st == AG_ESYNTAX || st == AG_ESCHEMA || st == AG_EPATTERN)
            fprintf(stderr, "actorgraph: the lexicons have errors (listed above)\n");
        else
            code = cli_fail(&err);
        ag_lexicon_free(lex);
        return code;
    }
    *out = lex;
    return 0;
}

void cli_json_string(FILE *fp, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    fputc('"', fp);
    while (p < end) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            fputc('\\', fp);
            fputc(c, fp);
            p++;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': fputs("\\n", fp); break;
            case '\r': fputs("\\r", fp); break;
            case '\t': fputs("\\t", fp); break;
            default: fprintf(fp, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
            }
            p++;
        } else if (c < 0x80) {
            fputc(c, fp);
            p++;
        } else {
            /* copy a valid UTF-8 sequence; an invalid byte becomes U+FFFD */
            size_t n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
            int ok = n && (size_t)(end - p) >= n && ag_utf8_valid((const char *)p, n);
            if (ok) {
                fwrite(p, 1, n, fp);
                p += n;
            } else {
                fputs("\\ufffd", fp);
                p++;
            }
        }
    }
    fputc('"', fp);
}

int cli_list_add(cli_list *l, char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **v = (char **)realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

void cli_list_free(cli_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

int cli_parse_uint(const char *s, unsigned long long *out)
{
    char *end;
    unsigned long long v;
    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int cli_parse_double(const char *s, double *out)
{
    char *end;
    double v;
    if (!s || !*s)
        return -1;
    errno = 0;
    v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int cli_grow(void **v, size_t *cap, size_t need, size_t size)
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

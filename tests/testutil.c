/*
 * testutil.c — helpers for the Check suites (see testutil.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

ag_status tu_lexicon_status(const char *json, ag_error *err)
{
    ag_lexicon *lex = NULL;
    ag_status st;
    memset(err, 0, sizeof *err);
    ck_assert_int_eq(ag_lexicon_new(&lex, err), AG_OK);
    st = ag_lexicon_load_buffer(lex, "test.json", json, strlen(json), err);
    if (st == AG_OK)
        st = ag_lexicon_compile(lex, err);
    ag_lexicon_free(lex);
    return st;
}

ag_lexicon *tu_lexicon(const char *json)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char buf[1200];
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    if (ag_lexicon_load_buffer(lex, "test.json", json, strlen(json), &err) != AG_OK ||
        ag_lexicon_compile(lex, &err) != AG_OK)
        ck_abort_msg("lexicon does not load: %s", ag_error_format(&err, buf, sizeof buf));
    return lex;
}

static const char kind_letter[] = "nsmdp";

static const char *render(const ag_lexicon *lex, const char *text, unsigned kinds, int sentences)
{
    static char out[65536];
    ag_match_options opts = AG_MATCH_OPTIONS_INIT;
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    size_t n = 0;

    opts.kinds = kinds ? kinds : AG_KINDS_ALL;
    out[0] = '\0';
    ck_assert_int_eq(ag_scanner_new(lex, &opts, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    for (size_t i = 0; i < r.n_mentions; i++) {
        const ag_mention *m = &r.mentions[i];
        const ag_actor *a = ag_lexicon_actor(lex, m->actor);
        if (sentences)
            n += (size_t)snprintf(out + n, sizeof out - n, "%s%s@%u", i ? "|" : "", a->id, m->sentence);
        else
            n += (size_t)snprintf(out + n, sizeof out - n, "%s%s:%c:%.*s", i ? "|" : "", a->id,
                                  kind_letter[m->kind], (int)(m->end - m->start), text + m->start);
        if (n >= sizeof out)
            break;
    }
    ag_scanner_free(s);
    return out;
}

const char *tu_mentions(const ag_lexicon *lex, const char *text, unsigned kinds)
{
    return render(lex, text, kinds, 0);
}

const char *tu_mention_sentences(const ag_lexicon *lex, const char *text)
{
    return render(lex, text, 0, 1);
}

const char *tu_data(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", AG_TEST_DATA, name);
    return path;
}

const char *tu_shared(void)
{
    struct stat sb;
    return stat(AG_SHARED_DIR "/seeds", &sb) == 0 ? AG_SHARED_DIR : NULL;
}

char *tu_slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    rewind(fp);
    buf = (char *)malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    if (len)
        *len = (size_t)n;
    return buf;
}

void tu_write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_msg(fp != NULL, "cannot write %s", path);
    fputs(text, fp);
    fclose(fp);
}

void tu_tmpdir(char *dir, size_t size, const char *name)
{
    snprintf(dir, size, "/tmp/%s.XXXXXX", name);
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

size_t tu_dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

void tu_rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        struct stat sb;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            tu_rm_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

void tu_assert_same(const char *what, const char *got, size_t glen, const char *want, size_t wlen)
{
    size_t i = 0, line = 1, ls;
    while (i < glen && i < wlen && got[i] == want[i]) {
        if (got[i] == '\n')
            line++;
        i++;
    }
    if (i == glen && i == wlen)
        return;
    for (ls = i; ls > 0 && want[ls - 1] != '\n'; ls--)
        ;
    ck_abort_msg("%s differs at byte %zu (line %zu)\n  want: %.160s\n  got:  %.160s", what, i, line, want + ls,
                 got + ls);
}

/* s with every `from` replaced by `to` (malloc'ed). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, fl = strlen(from), tl = strlen(to);
    char *out, *o;
    for (const char *p = s; (p = strstr(p, from)) != NULL; p += fl)
        n++;
    out = o = (char *)malloc(strlen(s) + n * (tl > fl ? tl - fl : 0) + 1);
    ck_assert_ptr_nonnull(out);
    for (const char *p = s, *q;; p = q + fl) {
        q = strstr(p, from);
        if (!q) {
            strcpy(o, p);
            break;
        }
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, tl);
        o += tl;
    }
    return out;
}

char *tu_golden(const char *name, size_t *len)
{
    char *raw = tu_slurp(tu_data(name), NULL), *out = replace_all(raw, "@VERSION@", AG_VERSION_STRING);
    free(raw);
    *len = strlen(out);
    return out;
}

int tu_update_golden(const char *name, const char *got, size_t glen)
{
    char *copy, *text;
    FILE *fp;
    if (!getenv("AG_UPDATE_GOLDEN"))
        return 0;
    copy = (char *)malloc(glen + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, got, glen);
    copy[glen] = '\0';
    text = replace_all(copy, AG_VERSION_STRING, "@VERSION@");
    fp = fopen(tu_data(name), "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    free(text);
    free(copy);
    return 1;
}

void tu_check_golden(const char *name, const char *got, size_t glen)
{
    size_t wlen;
    char *want;
    if (tu_update_golden(name, got, glen))
        return;
    want = tu_golden(name, &wlen);
    tu_assert_same(name, got, glen, want, wlen);
    free(want);
}

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

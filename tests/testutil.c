/*
 * testutil.c — helpers for the Check suites (see testutil.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

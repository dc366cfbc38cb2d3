/*
 * fuzz_lexicon.c — libFuzzer harness for the lexicon loader.
 *
 * Input: any bytes, taken as one JSON lexicon file. The first byte picks
 * the mode (diagnostics callback or stop at the first error; strict or
 * not); the rest is loaded with ag_lexicon_load_buffer and, when it loads,
 * compiled (aliases, blockers, PCRE2 patterns) and run over a fixed text.
 * A failure must come back as a status with a message, never a crash, a
 * leak or a sanitizer report; a lexicon that compiles must scan.
 */
#include <stdint.h>

#include "fuzz_common.h"

static const char sample[] =
    "Azerbaijan and Armenia met in Baku. President Aliyev said the U.S. and the EU agreed.\n"
    "\n"
    "WASHINGTON POST REPORTS: Moscow's position, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab. Erdo\xc4\x9f" "an \xff spoke.";

static unsigned diagnostics;

static void on_diag(void *userdata, ag_diag_severity sev, const ag_error *err)
{
    char buf[1200];
    (void)userdata;
    (void)sev;
    ag_error_format(err, buf, sizeof buf);
    FUZZ_ASSERT(buf[0] != '\0', "a diagnostic without a message");
    diagnostics++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_lexicon *lex = NULL;
    ag_scanner *sc = NULL;
    ag_error err;
    ag_status st;
    unsigned mode;

    if (size < 1)
        return 0;
    mode = data[0];
    data++;
    size--;
    memset(&err, 0, sizeof err);
    FUZZ_ASSERT(ag_lexicon_new(&lex, &err) == AG_OK, "ag_lexicon_new");
    if (mode & 1)
        ag_lexicon_set_diagnostics(lex, on_diag, NULL);
    if (mode & 2)
        ag_lexicon_set_strict(lex, 1);
    st = ag_lexicon_load_buffer(lex, "fuzz.json", (const char *)data, size, &err);
    if (st == AG_OK)
        st = ag_lexicon_compile(lex, &err);
    if (st != AG_OK) {
        FUZZ_ASSERT(err.message[0] != '\0', "a failure without a message");
        FUZZ_ASSERT(st != AG_EINTERNAL, "AG_EINTERNAL: an invariant did not hold");
    } else {
        ag_match_options mo = AG_MATCH_OPTIONS_INIT;
        ag_scan_result res;
        mo.kinds = AG_KINDS_ALL;
        mo.metonym_places = (mode & 4) != 0;
        FUZZ_ASSERT(ag_scanner_new(lex, &mo, &sc, &err) == AG_OK, "ag_scanner_new on a compiled lexicon");
        FUZZ_ASSERT(ag_scanner_scan(sc, sample, sizeof sample - 1, &res, &err) == AG_OK, "ag_scanner_scan");
        for (size_t i = 0; i < res.n_mentions; i++) {
            FUZZ_ASSERT(res.mentions[i].start < res.mentions[i].end && res.mentions[i].end <= sizeof sample - 1,
                        "a mention outside the text");
            FUZZ_ASSERT(res.mentions[i].actor < ag_lexicon_actor_count(lex), "a mention of no actor");
        }
        for (size_t i = 0; i < ag_lexicon_actor_count(lex); i++)
            FUZZ_ASSERT(ag_lexicon_find(lex, ag_lexicon_actor(lex, i)->id) == i, "ag_lexicon_find");
    }
    ag_scanner_free(sc);
    ag_lexicon_free(lex);
    return 0;
}

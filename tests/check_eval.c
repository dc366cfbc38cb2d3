/*
 * check_eval.c — gold files and scoring (src/eval.c): the comparison keys,
 * id/label/aka lookup, true and false positives and negatives, demonyms,
 * borderline and demonym-only actors, traps (every occurrence, a given
 * start, any actor), sentence pairs, documents matched by file name and
 * micro-averaging; gold files that break the format, with their line and
 * column; and the seeds' gold file when ../shared is there. Every expected
 * number is counted by hand from the texts below.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static const char *const LEX_JSON =
    "{\"lexicon\": \"eval\", \"version\": 1, \"actors\": ["
    "{\"id\": \"TUR\", \"label\": \"Turkey\", \"type\": \"state\", \"names\": [\"Türkiye\", \"Turkey\"], \"metonyms\": [\"Ankara\"], \"demonyms\": [\"Turkish\"], \"not\": [\"Turkey Unpacked\"]},"
    "{\"id\": \"GEO\", \"label\": \"Georgia\", \"type\": \"state\", \"names\": [\"Georgia\"], \"metonyms\": [\"Tbilisi\"]},"
    "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"], \"metonyms\": [\"Moscow\"], \"demonyms\": [\"Russian\"]},"
    "{\"id\": \"UKR\", \"label\": \"Ukraine\", \"type\": \"state\", \"names\": [\"Ukraine\"]},"
    "{\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\", \"names\": [\"United States\", \"U.S.\"], \"metonyms\": [\"Washington\"]},"
    "{\"id\": \"us-state-department\", \"label\": \"State Department\", \"type\": \"org\", \"names\": [\"State Department\"]},"
    "{\"id\": \"recep-tayyip-erdogan\", \"label\": \"Recep Tayyip Erdoğan\", \"type\": \"leader\", \"names\": [\"Recep Tayyip Erdoğan\"], \"short\": [\"Erdoğan\"], \"short_default\": true},"
    "{\"id\": \"vladimir-putin\", \"label\": \"Vladimir Putin\", \"type\": \"leader\", \"names\": [\"Vladimir Putin\"], \"short\": [\"Putin\"], \"short_default\": true}"
    "]}";

/* Gold ids spelled unlike the lexicon's: matched by label and aka. */
static const char *const GOLD_JSON =
    "{\n"
    " \"ids\": {\n"
    "  \"TUR\": {\"label\": \"Türkiye\", \"aka\": []},\n"
    "  \"GEO\": {\"label\": \"Georgia\"},\n"
    "  \"RUS\": {\"label\": \"Russia\"},\n"
    "  \"USA\": {\"label\": \"United States\"},\n"
    "  \"STATE-DEPT\": {\"label\": \"U.S. State Department\", \"aka\": [\"State Department\"]},\n"
    "  \"erdogan\": {\"label\": \"Recep Tayyip Erdogan\"},\n"
    "  \"putin\": {\"label\": \"Vladimir Putin\"},\n"
    "  \"UKR\": {\"label\": \"Ukraine\"}\n"
    " },\n"
    " \"docs\": {\n"
    "  \"b.txt\": {\"actors\": [\"RUS\", \"UKR\"]},\n"
    "  \"a.txt\": {\n"
    "   \"actors\": [\"TUR\", \"erdogan\", \"STATE-DEPT\", \"putin\", \"TUR\"],\n"
    "   \"demonym_only\": [\"RUS\"],\n"
    "   \"borderline\": [{\"id\": \"USA\", \"why\": \"arguable\"}],\n"
    "   \"sentence_pairs\": [[\"TUR\", \"erdogan\"], [\"TUR\", \"putin\"], [\"STATE-DEPT\", \"putin\"]],\n"
    "   \"traps\": [{\"text\": \"Turkey Unpacked\", \"must_not_be\": \"TUR\"},\n"
    "             {\"text\": \"Ankara\", \"must_not_be\": \"TUR\"},\n"
    "             {\"text\": \"Georgia\", \"must_not_be\": \"GEO\", \"start\": 72},\n"
    "             {\"text\": \"Moscow\"}]\n"
    "  }\n"
    " }\n"
    "}\n";

#define TEXT_A "Türkiye and Erdoğan met. The State Department and Putin spoke. Georgia, Georgia. Ankara said."
/* ü and ğ take two bytes each, so byte offsets run ahead of code points: TUR 0-8, erdogan 13-21,
 * STATE-DEPT 31-47, putin 52-57, GEO 65-72 and 74-81 (code points 63 and 72), TUR (Ankara)
 * 83-89. Sentences: 0 (TUR, erdogan), 1 (STATE-DEPT, putin), 2 (GEO, GEO), 3 (TUR). */

static ag_lexicon *lex;
static ag_gold *gold;
static ag_scanner *scanner;

static void setup(void)
{
    ag_match_options opts = AG_MATCH_OPTIONS_INIT;
    ag_error err;
    char buf[1200];

    lex = tu_lexicon(LEX_JSON);
    opts.kinds = AG_KINDS_ALL;
    ck_assert_int_eq(ag_scanner_new(lex, &opts, &scanner, &err), AG_OK);
    if (ag_gold_load_buffer("gold.json", GOLD_JSON, strlen(GOLD_JSON), &gold, &err) != AG_OK)
        ck_abort_msg("gold does not load: %s", ag_error_format(&err, buf, sizeof buf));
}

static void teardown(void)
{
    ag_scanner_free(scanner);
    ag_gold_free(gold);
    ag_lexicon_free(lex);
    scanner = NULL;
    gold = NULL;
    lex = NULL;
}

/* Scans text and adds it to ev as doc_id; returns *scored. */
static int add(ag_eval *ev, const char *doc_id, const char *text)
{
    ag_scan_result r;
    ag_error err;
    int scored = -1;
    ck_assert_int_eq(ag_scanner_scan(scanner, text, strlen(text), &r, &err), AG_OK);
    ck_assert_int_eq(ag_eval_add(ev, doc_id, text, strlen(text), &r, &scored, &err), AG_OK);
    return scored;
}

static ag_eval *new_eval(void)
{
    ag_eval *ev = NULL;
    ag_error err;
    ck_assert_int_eq(ag_eval_new(gold, lex, &ev, &err), AG_OK);
    return ev;
}

static const ag_eval_doc *doc_named(const ag_eval *ev, const char *name)
{
    for (size_t i = 0; i < ag_eval_doc_count(ev); i++)
        if (strcmp(ag_eval_doc_get(ev, i)->name, name) == 0)
            return ag_eval_doc_get(ev, i);
    ck_abort_msg("no gold document %s", name);
    return NULL;
}

/* --- core ----------------------------------------------------------------- */

typedef struct {
    const char *in, *want;
} key_case;

static const key_case key_cases[] = {
    { "Recep Tayyip Erdoğan", "receptayyiperdogan" },
    { "Türkiye", "turkiye" },
    { "U.S. State Department", "usstatedepartment" },
    { "OSCE-MINSK-GROUP", "osceminskgroup" },
    { "Nagorno-Karabakh Republic / Artsakh", "nagornokarabakhrepublicartsakh" },
    { "G20", "g20" },
    { "Ahmed al-Sharaa", "ahmedalsharaa" },
    { "İlham Əliyev", "ilhamaliyev" },
    { "Москва", "москва" },
    { "", "" },
    { " -/ .", "" },
};

START_TEST(test_key)
{
    const key_case *c = &key_cases[_i];
    char out[64];
    size_t n = ag_gold_key(c->in, strlen(c->in), out, sizeof out);
    ck_assert_str_eq(out, c->want);
    ck_assert_uint_eq(n, strlen(c->want));
}
END_TEST

START_TEST(test_gold_docs_and_lookup)
{
    ck_assert_uint_eq(ag_gold_doc_count(gold), 2);
    ck_assert_str_eq(ag_gold_doc_name(gold, 0), "a.txt");   /* byte order, not file order */
    ck_assert_str_eq(ag_gold_doc_name(gold, 1), "b.txt");
    ck_assert_ptr_null(ag_gold_doc_name(gold, 2));
    ck_assert_str_eq(ag_gold_lookup(gold, "TUR"), "TUR");
    ck_assert_str_eq(ag_gold_lookup(gold, "Turkiye"), "TUR");           /* label, folded */
    ck_assert_str_eq(ag_gold_lookup(gold, "RECEP TAYYIP ERDOĞAN"), "erdogan");
    ck_assert_str_eq(ag_gold_lookup(gold, "state-department"), "STATE-DEPT");   /* aka */
    ck_assert_str_eq(ag_gold_lookup(gold, "us-state-department"), "STATE-DEPT"); /* label */
    ck_assert_ptr_null(ag_gold_lookup(gold, "Turkey"));                  /* not listed */
    ck_assert_ptr_null(ag_gold_lookup(gold, "..."));
}
END_TEST

START_TEST(test_score_document)
{
    ag_eval *ev = new_eval();
    ag_eval_summary s;
    const ag_eval_doc *d;
    ag_error err;

    ck_assert_int_eq(add(ev, "corpus/a.txt", TEXT_A), 1);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    ck_assert_uint_eq(ag_eval_doc_count(ev), 2);
    d = doc_named(ev, "a.txt");
    ck_assert_uint_eq(d->inputs, 1);
    /* TUR (label Türkiye), erdogan (label), STATE-DEPT (aka), putin (label); the
       repeated TUR in the gold counts once */
    ck_assert_uint_eq(d->tp, 4);
    ck_assert_uint_eq(d->fn, 0);
    /* GEO is neither gold, borderline nor demonym-only */
    ck_assert_uint_eq(d->fp, 1);
    ck_assert_uint_eq(d->n_false_positives, 1);
    ck_assert_str_eq(d->false_positives[0].id, "GEO");
    ck_assert_str_eq(d->false_positives[0].text, "Georgia");
    ck_assert_uint_eq(d->false_positives[0].start, 65);
    ck_assert_uint_eq(d->false_positives[0].end, 72);
    ck_assert_uint_eq(d->false_positives[0].mentions, 2);
    ck_assert_int_eq(d->false_positives[0].kind, AG_KIND_NAME);
    ck_assert_str_eq(d->false_positives[0].doc, "corpus/a.txt");
    ck_assert_double_eq_tol(d->precision, 0.8, 1e-12);
    ck_assert_double_eq_tol(d->recall, 1.0, 1e-12);
    ck_assert_double_eq_tol(d->f1, 2 * 0.8 / 1.8, 1e-12);
    /* traps: "Turkey Unpacked" and "Moscow" do not occur; Ankara is TUR; the
       Georgia at code point 72 is the second one (bytes 74-81) */
    ck_assert_uint_eq(d->n_trap_hits, 2);
    ck_assert_str_eq(d->trap_hits[0].trap, "Ankara");
    ck_assert_str_eq(d->trap_hits[0].id, "TUR");
    ck_assert_str_eq(d->trap_hits[0].text, "Ankara");
    ck_assert_uint_eq(d->trap_hits[0].start, 83);
    ck_assert_uint_eq(d->trap_hits[0].end, 89);
    ck_assert_str_eq(d->trap_hits[1].trap, "Georgia");
    ck_assert_str_eq(d->trap_hits[1].must_not_be, "GEO");
    ck_assert_uint_eq(d->trap_hits[1].start, 74);
    ck_assert_uint_eq(d->trap_hits[1].end, 81);
    /* pairs: TUR+erdogan share sentence 0, STATE-DEPT+putin sentence 1 */
    ck_assert_uint_eq(d->pairs, 3);
    ck_assert_uint_eq(d->pairs_found, 2);
    ck_assert_uint_eq(d->n_missed_pairs, 1);
    ck_assert_str_eq(d->missed_pairs[0].a, "TUR");
    ck_assert_str_eq(d->missed_pairs[0].b, "putin");
    /* b.txt was not among the inputs: its two actors are missed */
    d = doc_named(ev, "b.txt");
    ck_assert_uint_eq(d->inputs, 0);
    ck_assert_uint_eq(d->fn, 2);
    ck_assert_str_eq(d->false_negatives[0], "RUS");
    ck_assert_str_eq(d->false_negatives[1], "UKR");
    /* micro-averaged: tp 4, fp 1, fn 2 */
    ck_assert_uint_eq(s.documents, 2);
    ck_assert_uint_eq(s.documents_seen, 1);
    ck_assert_uint_eq(s.tp, 4);
    ck_assert_uint_eq(s.fp, 1);
    ck_assert_uint_eq(s.fn, 2);
    ck_assert_uint_eq(s.trap_hits, 2);
    ck_assert_double_eq_tol(s.precision, 0.8, 1e-12);
    ck_assert_double_eq_tol(s.recall, 4.0 / 6.0, 1e-12);
    ck_assert_double_eq_tol(s.pair_recall, 2.0 / 3.0, 1e-12);
    ag_eval_free(ev);
}
END_TEST

START_TEST(test_demonyms_left_out)
{
    ag_eval *ev = new_eval();
    ag_eval_summary s;
    ag_error err;
    const ag_eval_doc *d;

    /* "Russian" is a demonym: no true positive for RUS; "Turkish" no false positive */
    ck_assert_int_eq(add(ev, "b.txt", "Russian and Turkish troops. Ukraine waited."), 1);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    d = doc_named(ev, "b.txt");
    ck_assert_uint_eq(d->tp, 1);
    ck_assert_uint_eq(d->fp, 0);
    ck_assert_uint_eq(d->fn, 1);
    ck_assert_str_eq(d->false_negatives[0], "RUS");
    ck_assert_uint_eq(s.trap_hits, 0);
    ag_eval_free(ev);
}
END_TEST

START_TEST(test_borderline_and_demonym_only)
{
    ag_eval *ev = new_eval();
    ag_eval_summary s;
    ag_error err;
    const ag_eval_doc *d;

    /* USA is borderline, RUS demonym-only: found by name, neither counts */
    ck_assert_int_eq(add(ev, "a.txt", "Washington and Russia watched. Türkiye said."), 1);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    d = doc_named(ev, "a.txt");
    ck_assert_uint_eq(d->tp, 1);
    ck_assert_uint_eq(d->fp, 0);
    ck_assert_uint_eq(d->fn, 3);
    ck_assert_str_eq(d->false_negatives[0], "STATE-DEPT");
    ck_assert_str_eq(d->false_negatives[1], "erdogan");
    ck_assert_str_eq(d->false_negatives[2], "putin");
    ag_eval_free(ev);
}
END_TEST

START_TEST(test_documents_by_file_name)
{
    ag_eval *ev = new_eval();
    ag_eval_summary s;
    ag_error err;

    ck_assert_int_eq(add(ev, "x/y/c.txt", "Russia."), 0);     /* not a gold document */
    ck_assert_int_eq(add(ev, "a.txt.bak", "Russia."), 0);
    ck_assert_int_eq(add(ev, "/abs/path/b.txt", "Russia."), 1);
    ck_assert_int_eq(add(ev, "other/b.txt", "Ukraine."), 1);  /* same name: one document */
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    ck_assert_uint_eq(doc_named(ev, "b.txt")->inputs, 2);
    ck_assert_uint_eq(doc_named(ev, "b.txt")->tp, 2);
    ck_assert_uint_eq(s.inputs_scored, 2);
    ck_assert_uint_eq(s.documents_seen, 1);
    ag_eval_free(ev);
}
END_TEST

START_TEST(test_any_actor_trap)
{
    static const char json[] =
        "{\"docs\": {\"t.txt\": {\"actors\": [], \"traps\": [{\"text\": \"Moscow said\", \"must_not_be\": \"any actor\"},"
        " {\"text\": \"Putin\"}]}}}";
    ag_gold *g = NULL;
    ag_eval *ev = NULL;
    ag_eval_summary s;
    ag_scan_result r;
    ag_error err;
    const char *text = "Moscow said Putin left. Putin";

    ck_assert_int_eq(ag_gold_load_buffer("t.json", json, strlen(json), &g, &err), AG_OK);
    ck_assert_int_eq(ag_eval_new(g, lex, &ev, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(scanner, text, strlen(text), &r, &err), AG_OK);
    ck_assert_int_eq(ag_eval_add(ev, "t.txt", text, strlen(text), &r, NULL, &err), AG_OK);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    /* Moscow (RUS) inside "Moscow said", and both Putins */
    ck_assert_uint_eq(s.trap_hits, 3);
    ck_assert_str_eq(ag_eval_doc_get(ev, 0)->trap_hits[0].id, "RUS");
    ck_assert_str_eq(ag_eval_doc_get(ev, 0)->trap_hits[0].must_not_be, "any actor");
    /* no gold actors and found ones: precision 0, recall 0 */
    ck_assert_uint_eq(s.fp, 2);
    ck_assert_double_eq(s.precision, 0.0);
    ck_assert_double_eq(s.recall, 0.0);
    ck_assert_double_eq(s.f1, 0.0);
    ag_eval_free(ev);
    ag_gold_free(g);
}
END_TEST

/* --- errors --------------------------------------------------------------- */

typedef struct {
    const char *json;
    ag_status status;
    unsigned long line, column;
    const char *message;   /* a part of it */
} gold_error_case;

static const gold_error_case error_cases[] = {
    { "{\"docs\": {\n  \"a.txt\": {\"actors\": [\"X\",]}}}", AG_ESYNTAX, 2, 0, "malformed JSON" },
    { "{\"docs\": {}, \"docs\": {}}", AG_ESYNTAX, 1, 0, "duplicate" },
    { "[]", AG_ESCHEMA, 1, 1, "must be an object" },
    { "{\"ids\": {}}", AG_ESCHEMA, 1, 1, "lacks the required key \"docs\"" },
    { "{\"docs\": []}", AG_ESCHEMA, 1, 10, "\"docs\" must be an object" },
    { "{\"docs\": {\n \"a.txt\": {\"demonym_only\": []}}}", AG_ESCHEMA, 2, 11, "lacks the required key \"actors\"" },
    { "{\"docs\": {\n \"a.txt\": {\n  \"actors\": \"TUR\"}}}", AG_ESCHEMA, 3, 13, "must be an array of ids" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [\"TUR\",\n 7]}}}", AG_ESCHEMA, 2, 2, "non-empty id strings" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [], \"borderline\": [{\"why\": \"x\"}]}}}", AG_ESCHEMA, 1, 50,
      "lacks the required key \"id\"" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [], \"sentence_pairs\": [[\"A\", \"B\", \"C\"]]}}}", AG_ESCHEMA, 1, 54,
      "two id strings" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [], \"traps\": [{\"must_not_be\": \"TUR\"}]}}}", AG_ESCHEMA, 1, 45,
      "lacks the required key \"text\"" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [], \"traps\": [{\"text\": \"\"}]}}}", AG_ESCHEMA, 1, 54, "is empty" },
    { "{\"docs\": {\"a.txt\": {\"actors\": [], \"traps\": [{\"text\": \"x\", \"start\": -1}]}}}", AG_ESCHEMA, 1, 68,
      "character offset" },
    { "{\"docs\": {\"dir/a.txt\": {\"actors\": []}}}", AG_ESCHEMA, 1, 24, "must be a file name" },
    { "{\"ids\": {\"TUR\": {\"label\": 1}}, \"docs\": {}}", AG_ESCHEMA, 1, 27, "\"label\" of a gold id must be a string" },
    { "{\"ids\": {\"TUR\": {\"aka\": [\"x\", null]}}, \"docs\": {}}", AG_ESCHEMA, 1, 31, "must be strings" },
    { "{\"ids\": {\"TUR\": []}, \"docs\": {}}", AG_ESCHEMA, 1, 17, "must be an object" },
};

START_TEST(test_gold_errors)
{
    const gold_error_case *c = &error_cases[_i];
    ag_gold *g = (ag_gold *)&g;   /* not NULL: a failed load must set it NULL */
    ag_error err;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_gold_load_buffer("g.json", c->json, strlen(c->json), &g, &err), c->status);
    ck_assert_ptr_null(g);
    ck_assert_int_eq(err.status, c->status);
    ck_assert_str_eq(err.file, "g.json");
    ck_assert_uint_eq(err.line, c->line);
    if (c->column)
        ck_assert_uint_eq(err.column, c->column);
    ck_assert_msg(strstr(err.message, c->message) != NULL, "case %d: \"%s\" lacks \"%s\"", _i, err.message,
                  c->message);
}
END_TEST

START_TEST(test_gold_file_errors)
{
    ag_gold *g = NULL;
    ag_error err;

    ck_assert_int_eq(ag_gold_load_file(tu_data("gold/no-such-file.json"), &g, &err), AG_ENOENT);
    ck_assert_ptr_null(g);
    ck_assert_msg(strstr(err.file, "no-such-file.json") != NULL, "file %s", err.file);
    ck_assert_int_eq(ag_status_is_input_error(err.status), 1);
}
END_TEST

START_TEST(test_add_after_finish)
{
    ag_eval *ev = new_eval();
    ag_scan_result r;
    ag_error err;
    int scored = -1;

    ck_assert_int_eq(ag_eval_finish(ev, NULL, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(scanner, "Russia", 6, &r, &err), AG_OK);
    ck_assert_int_eq(ag_eval_add(ev, "b.txt", "Russia", 6, &r, &scored, &err), AG_EINVAL);
    ck_assert_int_eq(scored, 0);
    /* finishing twice gives the same totals */
    ck_assert_int_eq(ag_eval_finish(ev, NULL, &err), AG_OK);
    ck_assert_uint_eq(doc_named(ev, "b.txt")->fn, 2);
    ag_eval_free(ev);
}
END_TEST

/* --- edge ----------------------------------------------------------------- */

START_TEST(test_key_truncated)
{
    char out[5];
    ck_assert_uint_eq(ag_gold_key("Erdoğan", strlen("Erdoğan"), out, sizeof out), 7);
    ck_assert_str_eq(out, "erdo");
    ck_assert_uint_eq(ag_gold_key("Erdoğan", strlen("Erdoğan"), NULL, 0), 7);
    /* an invalid byte is skipped */
    ck_assert_uint_eq(ag_gold_key("a\xff" "b", 3, out, sizeof out), 2);
    ck_assert_str_eq(out, "ab");
}
END_TEST

START_TEST(test_empty_gold_and_text)
{
    static const char json[] = "{\"docs\": {\"e.txt\": {\"actors\": [\"TUR\"], "
                               "\"traps\": [{\"text\": \"Türkiye\", \"start\": 99}]}}}";
    ag_gold *g = NULL;
    ag_eval *ev = NULL;
    ag_eval_summary s;
    ag_scan_result r;
    ag_error err;

    ck_assert_int_eq(ag_gold_load_buffer("e.json", "{\"docs\": {}}", 12, &g, &err), AG_OK);
    ck_assert_uint_eq(ag_gold_doc_count(g), 0);
    ck_assert_int_eq(ag_eval_new(g, lex, &ev, &err), AG_OK);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    ck_assert_uint_eq(s.documents, 0);
    ck_assert_double_eq(s.precision, 0.0);
    ck_assert_double_eq(s.pair_recall, 0.0);
    ag_eval_free(ev);
    ag_gold_free(g);

    /* an empty text: nothing found; a trap start past the end finds nothing */
    ck_assert_int_eq(ag_gold_load_buffer("e.json", json, strlen(json), &g, &err), AG_OK);
    ck_assert_int_eq(ag_eval_new(g, lex, &ev, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(scanner, "", 0, &r, &err), AG_OK);
    ck_assert_int_eq(ag_eval_add(ev, "e.txt", "", 0, &r, NULL, &err), AG_OK);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    ck_assert_uint_eq(s.fn, 1);
    ck_assert_uint_eq(s.trap_hits, 0);
    ag_eval_free(ev);
    ag_gold_free(g);
}
END_TEST

START_TEST(test_overlapping_trap_occurrences)
{
    /* a trap inside one long token, and a trap that only touches a mention */
    static const char json[] = "{\"docs\": {\"o.txt\": {\"actors\": [], \"traps\": [{\"text\": \"RussiaRussia\"}, "
                               "{\"text\": \"'s\"}]}}}";
    ag_gold *g = NULL;
    ag_eval *ev = NULL;
    ag_eval_summary s;
    ag_scan_result r;
    ag_error err;
    const char *text = "RussiaRussiaRussia Russia's";

    ck_assert_int_eq(ag_gold_load_buffer("o.json", json, strlen(json), &g, &err), AG_OK);
    ck_assert_int_eq(ag_eval_new(g, lex, &ev, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(scanner, text, strlen(text), &r, &err), AG_OK);
    /* "RussiaRussiaRussia" is one token: no mention inside it; Russia at 19-25
       ends where "'s" (25-27) begins, so the two do not overlap */
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_uint_eq(r.mentions[0].end, 25);
    ck_assert_int_eq(ag_eval_add(ev, "o.txt", text, strlen(text), &r, NULL, &err), AG_OK);
    ck_assert_int_eq(ag_eval_finish(ev, &s, &err), AG_OK);
    ck_assert_uint_eq(s.trap_hits, 0);
    ag_eval_free(ev);
    ag_gold_free(g);
}
END_TEST

START_TEST(test_seeds_gold)
{
    const char *shared = tu_shared();
    char path[4096];
    ag_gold *g = NULL;
    ag_error err;
    char buf[1200];

    if (!shared)
        return;   /* ../shared is absent: nothing to check */
    snprintf(path, sizeof path, "%s/gold/seeds.json", shared);
    if (ag_gold_load_file(path, &g, &err) != AG_OK)
        ck_abort_msg("%s", ag_error_format(&err, buf, sizeof buf));
    ck_assert_uint_eq(ag_gold_doc_count(g), 2);
    ck_assert_str_eq(ag_gold_doc_name(g, 0), "000_36419ce101ba8a4b.txt");
    ck_assert_str_eq(ag_gold_lookup(g, "Turkiye"), "TUR");
    ck_assert_str_eq(ag_gold_lookup(g, "XNK"), "NKR");
    ck_assert_str_eq(ag_gold_lookup(g, "us-state-department"), "STATE-DEPT");
    ck_assert_str_eq(ag_gold_lookup(g, "Minsk Group"), "OSCE-MG");
    ag_gold_free(g);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *eval_suite(void);
Suite *eval_suite(void)
{
    Suite *s = suite_create("eval");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_loop_test(core, test_key, 0, N(key_cases));
    tcase_add_test(core, test_gold_docs_and_lookup);
    tcase_add_test(core, test_score_document);
    tcase_add_test(core, test_demonyms_left_out);
    tcase_add_test(core, test_borderline_and_demonym_only);
    tcase_add_test(core, test_documents_by_file_name);
    tcase_add_test(core, test_any_actor_trap);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_loop_test(errors, test_gold_errors, 0, N(error_cases));
    tcase_add_test(errors, test_gold_file_errors);
    tcase_add_test(errors, test_add_after_finish);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_key_truncated);
    tcase_add_test(edge, test_empty_gold_and_text);
    tcase_add_test(edge, test_overlapping_trap_occurrences);
    tcase_add_test(edge, test_seeds_gold);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(eval_suite());
}

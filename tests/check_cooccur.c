/*
 * check_cooccur.c — co-occurrence counts (src/cooccur.c): pairs once per
 * window, no self pairs, sentence/paragraph/document windows, document
 * counts, actor counts, window totals, merging and the sorted pair list.
 * Most tests feed hand-made mention arrays; one goes through a scanner.
 * Every expected count is worked out by hand.
 */
#include <string.h>

#include "testutil.h"

#define M(actor, sent, para) { (actor), 0, AG_KIND_NAME, 0, 0, 0, 0, (sent), (para) }

/* Document A: 4 sentences in 2 paragraphs; sentence 3 has no mention.
 *   s0 p0: 0 1 0     s1 p0: 2     s2 p1: 1 2     s3 p1: -          */
static const ag_mention doc_a_m[] = {
    M(0, 0, 0), M(1, 0, 0), M(0, 0, 0), M(2, 1, 0), M(1, 2, 1), M(2, 2, 1),
};
/* Document B: 2 sentences in 1 paragraph.
 *   s0 p0: 1 2 1     s1 p0: 0 3                                      */
static const ag_mention doc_b_m[] = {
    M(1, 0, 0), M(2, 0, 0), M(1, 0, 0), M(0, 1, 0), M(3, 1, 0),
};
/* Document C: the pair 0-1 in each of 3 sentences. */
static const ag_mention doc_c_m[] = {
    M(0, 0, 0), M(1, 0, 0), M(0, 1, 0), M(1, 1, 0), M(1, 2, 0), M(0, 2, 0),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define N_ACTORS 5   /* actor 4 is never mentioned */

static ag_scan_result doc(const ag_mention *m, size_t n, size_t sentences, size_t paragraphs)
{
    ag_scan_result r;
    memset(&r, 0, sizeof r);
    r.mentions = m;
    r.n_mentions = n;
    r.sentences = sentences;
    r.paragraphs = paragraphs;
    return r;
}

static ag_scan_result doc_a(void) { return doc(doc_a_m, N(doc_a_m), 4, 2); }
static ag_scan_result doc_b(void) { return doc(doc_b_m, N(doc_b_m), 2, 1); }
static ag_scan_result doc_c(void) { return doc(doc_c_m, N(doc_c_m), 3, 1); }

static ag_cooc *cooc(size_t n_actors, ag_window_unit unit)
{
    ag_cooc *c = NULL;
    ag_window w = { unit, 0, AG_WINDOW_SENTENCE };
    ag_error err;
    ck_assert_int_eq(ag_cooc_new(n_actors, &w, &c, &err), AG_OK);
    ck_assert_ptr_nonnull(c);
    return c;
}

static void add(ag_cooc *c, ag_scan_result r)
{
    ag_error err;
    ck_assert_int_eq(ag_cooc_add(c, &r, &err), AG_OK);
}

/* Asserts the whole sorted pair list. */
static void expect_pairs(ag_cooc *c, const ag_pair_counts *want, size_t n_want)
{
    const ag_pair_counts *p = NULL;
    size_t n = 0;
    ag_error err;

    ck_assert_int_eq(ag_cooc_pairs(c, &p, &n, &err), AG_OK);
    ck_assert_uint_eq(n, n_want);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(p[i].a == want[i].a && p[i].b == want[i].b && p[i].count == want[i].count &&
                          p[i].docs == want[i].docs,
                      "pair %zu: got (%u,%u) count %llu docs %llu, want (%u,%u) count %llu docs %llu", i, p[i].a,
                      p[i].b, (unsigned long long)p[i].count, (unsigned long long)p[i].docs, want[i].a, want[i].b,
                      (unsigned long long)want[i].count, (unsigned long long)want[i].docs);
    }
}

static void expect_actor(const ag_cooc *c, size_t actor, uint64_t mentions, uint64_t docs, uint64_t windows)
{
    const ag_actor_counts *a = ag_cooc_actor(c, actor);
    ck_assert_ptr_nonnull(a);
    ck_assert_msg(a->mentions == mentions && a->docs == docs && a->windows == windows,
                  "actor %zu: got mentions %llu docs %llu windows %llu, want %llu %llu %llu", actor,
                  (unsigned long long)a->mentions, (unsigned long long)a->docs, (unsigned long long)a->windows,
                  (unsigned long long)mentions, (unsigned long long)docs, (unsigned long long)windows);
}

/* --- one document, three windows ---------------------------------------- */

START_TEST(test_sentence_window)
{
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 1, 2, 1, 1 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(c, doc_a());
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 2, 1, 1);
    expect_actor(c, 1, 2, 1, 2);
    expect_actor(c, 2, 2, 1, 2);
    expect_actor(c, 3, 0, 0, 0);
    expect_actor(c, 4, 0, 0, 0);
    ck_assert_uint_eq(ag_cooc_documents(c), 1);
    ck_assert_uint_eq(ag_cooc_windows(c), 4);    /* sentence 3 has no mention and still counts */
    ck_assert_uint_eq(ag_cooc_sentences(c), 4);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_paragraph_window)
{
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 0, 2, 1, 1 }, { 1, 2, 2, 1 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_PARAGRAPH);

    add(c, doc_a());
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 2, 1, 1);
    expect_actor(c, 1, 2, 1, 2);
    expect_actor(c, 2, 2, 1, 2);
    ck_assert_uint_eq(ag_cooc_documents(c), 1);
    ck_assert_uint_eq(ag_cooc_windows(c), 2);
    ck_assert_uint_eq(ag_cooc_sentences(c), 4);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_document_window)
{
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 0, 2, 1, 1 }, { 1, 2, 1, 1 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_DOCUMENT);

    add(c, doc_a());
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 2, 1, 1);
    expect_actor(c, 1, 2, 1, 1);
    expect_actor(c, 2, 2, 1, 1);
    ck_assert_uint_eq(ag_cooc_windows(c), 1);
    ck_assert_uint_eq(ag_cooc_sentences(c), 4);
    ag_cooc_free(c);
}
END_TEST

/* --- two documents ------------------------------------------------------- */

/* The expected pairs of A then B, per window unit. */
static const ag_pair_counts ab_sentence[] = { { 0, 1, 1, 1 }, { 0, 3, 1, 1 }, { 1, 2, 2, 2 } };
static const ag_pair_counts ab_paragraph[] = {
    { 0, 1, 2, 2 }, { 0, 2, 2, 2 }, { 0, 3, 1, 1 }, { 1, 2, 3, 2 }, { 1, 3, 1, 1 }, { 2, 3, 1, 1 },
};
static const ag_pair_counts ab_document[] = {
    { 0, 1, 2, 2 }, { 0, 2, 2, 2 }, { 0, 3, 1, 1 }, { 1, 2, 2, 2 }, { 1, 3, 1, 1 }, { 2, 3, 1, 1 },
};

static void expect_ab(ag_cooc *c, ag_window_unit unit)
{
    switch (unit) {
    case AG_WINDOW_SENTENCE:
        expect_pairs(c, ab_sentence, N(ab_sentence));
        expect_actor(c, 0, 3, 2, 2);
        expect_actor(c, 1, 4, 2, 3);
        expect_actor(c, 2, 3, 2, 3);
        expect_actor(c, 3, 1, 1, 1);
        ck_assert_uint_eq(ag_cooc_windows(c), 6);
        break;
    case AG_WINDOW_PARAGRAPH:
        expect_pairs(c, ab_paragraph, N(ab_paragraph));
        expect_actor(c, 0, 3, 2, 2);
        expect_actor(c, 1, 4, 2, 3);
        expect_actor(c, 2, 3, 2, 3);
        expect_actor(c, 3, 1, 1, 1);
        ck_assert_uint_eq(ag_cooc_windows(c), 3);
        break;
    case AG_WINDOW_DOCUMENT:
        expect_pairs(c, ab_document, N(ab_document));
        expect_actor(c, 0, 3, 2, 2);
        expect_actor(c, 1, 4, 2, 2);
        expect_actor(c, 2, 3, 2, 2);
        expect_actor(c, 3, 1, 1, 1);
        ck_assert_uint_eq(ag_cooc_windows(c), 2);
        break;
    case AG_WINDOW_TOKENS:
        ck_abort_msg("token windows are tested apart: they need tokens");
        break;
    }
    expect_actor(c, 4, 0, 0, 0);
    ck_assert_uint_eq(ag_cooc_documents(c), 2);
    ck_assert_uint_eq(ag_cooc_sentences(c), 6);
}

static const ag_window_unit units[] = { AG_WINDOW_SENTENCE, AG_WINDOW_PARAGRAPH, AG_WINDOW_DOCUMENT };

START_TEST(test_two_documents)
{
    ag_cooc *c = cooc(N_ACTORS, units[_i]);
    add(c, doc_a());
    add(c, doc_b());
    expect_ab(c, units[_i]);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_merge)
{
    ag_error err;
    ag_cooc *x = cooc(N_ACTORS, units[_i]), *y = cooc(N_ACTORS, units[_i]);
    ag_cooc *x2 = cooc(N_ACTORS, units[_i]), *y2 = cooc(N_ACTORS, units[_i]);
    ag_cooc *empty = cooc(N_ACTORS, units[_i]);

    add(x, doc_a());
    add(y, doc_b());
    ck_assert_int_eq(ag_cooc_merge(x, y, &err), AG_OK);
    expect_ab(x, units[_i]);

    /* the other order */
    add(x2, doc_b());
    add(y2, doc_a());
    ck_assert_int_eq(ag_cooc_merge(x2, y2, &err), AG_OK);
    expect_ab(x2, units[_i]);

    /* into an empty accumulator, and an empty one into a full one */
    ck_assert_int_eq(ag_cooc_merge(empty, x, &err), AG_OK);
    expect_ab(empty, units[_i]);
    ag_cooc_free(y);
    y = cooc(N_ACTORS, units[_i]);
    ck_assert_int_eq(ag_cooc_merge(x2, y, &err), AG_OK);
    expect_ab(x2, units[_i]);

    ag_cooc_free(x);
    ag_cooc_free(y);
    ag_cooc_free(x2);
    ag_cooc_free(y2);
    ag_cooc_free(empty);
}
END_TEST

START_TEST(test_add_after_merge)
{
    /* a document added after a merge counts as it would have without one */
    static const ag_pair_counts want[] = { { 0, 1, 4, 2 }, { 0, 3, 1, 1 }, { 1, 2, 2, 2 } };
    ag_error err;
    ag_cooc *x = cooc(N_ACTORS, AG_WINDOW_SENTENCE), *y = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    ag_cooc *z = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(x, doc_a());
    add(y, doc_b());
    ck_assert_int_eq(ag_cooc_merge(x, y, &err), AG_OK);
    add(x, doc_c());
    add(z, doc_a());
    add(z, doc_b());
    add(z, doc_c());
    expect_pairs(x, want, N(want));
    expect_pairs(z, want, N(want));
    expect_actor(x, 0, 6, 3, 5);
    expect_actor(x, 1, 7, 3, 6);
    ck_assert_uint_eq(ag_cooc_documents(x), 3);
    ck_assert_uint_eq(ag_cooc_windows(x), 9);
    ag_cooc_free(x);
    ag_cooc_free(y);
    ag_cooc_free(z);
}
END_TEST

START_TEST(test_docs_once_per_document)
{
    static const ag_pair_counts want[] = { { 0, 1, 3, 1 } };
    static const ag_pair_counts want2[] = { { 0, 1, 6, 2 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(c, doc_c());
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 3, 1, 3);
    expect_actor(c, 1, 3, 1, 3);
    add(c, doc_c());
    expect_pairs(c, want2, N(want2));
    expect_actor(c, 0, 6, 2, 6);
    ck_assert_uint_eq(ag_cooc_documents(c), 2);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_repeats_and_self)
{
    /* one actor repeated: no pair; two actors repeated: one pair */
    static const ag_mention alone[] = { M(2, 0, 0), M(2, 0, 0), M(2, 0, 0) };
    static const ag_mention twice[] = { M(3, 0, 0), M(1, 0, 0), M(3, 0, 0), M(1, 0, 0), M(3, 0, 0) };
    static const ag_pair_counts want[] = { { 1, 3, 1, 1 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(c, doc(alone, N(alone), 1, 1));
    expect_pairs(c, NULL, 0);
    expect_actor(c, 2, 3, 1, 1);
    add(c, doc(twice, N(twice), 1, 1));
    expect_pairs(c, want, N(want));
    expect_actor(c, 1, 2, 1, 1);
    expect_actor(c, 3, 3, 1, 1);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_pairs_sorted)
{
    static const ag_mention m[] = { M(4, 0, 0), M(3, 0, 0), M(2, 0, 0), M(1, 0, 0), M(0, 0, 0), M(4, 0, 0) };
    static const ag_pair_counts want[] = {
        { 0, 1, 1, 1 }, { 0, 2, 1, 1 }, { 0, 3, 1, 1 }, { 0, 4, 1, 1 }, { 1, 2, 1, 1 },
        { 1, 3, 1, 1 }, { 1, 4, 1, 1 }, { 2, 3, 1, 1 }, { 2, 4, 1, 1 }, { 3, 4, 1, 1 },
    };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(c, doc(m, N(m), 1, 1));
    expect_pairs(c, want, N(want));
    expect_actor(c, 4, 2, 1, 1);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_pairs_refreshed)
{
    /* the sorted list follows later documents */
    static const ag_pair_counts want1[] = { { 0, 1, 1, 1 }, { 1, 2, 1, 1 } };
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    add(c, doc_a());
    expect_pairs(c, want1, N(want1));
    add(c, doc_b());
    expect_pairs(c, ab_sentence, N(ab_sentence));
    ag_cooc_free(c);
}
END_TEST

/* Through a scanner: windows come from the real segmenter. */
START_TEST(test_from_scanner)
{
    static const char *json =
        "{\"lexicon\": \"c\", \"version\": 1, \"actors\": ["
        "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]},"
        "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]},"
        "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"]}]}";
    static const char *text = "Russia and Armenia met. Russia, Russia and Armenia again. Azerbaijan stayed away.\n"
                              "\n"
                              "Nobody else came.";
    static const ag_pair_counts want_sentence[] = { { 0, 1, 2, 1 } };
    static const ag_pair_counts want_paragraph[] = { { 0, 1, 1, 1 }, { 0, 2, 1, 1 }, { 1, 2, 1, 1 } };
    ag_lexicon *lex = tu_lexicon(json);
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    ag_cooc *cs = cooc(ag_lexicon_actor_count(lex), AG_WINDOW_SENTENCE);
    ag_cooc *cp = cooc(ag_lexicon_actor_count(lex), AG_WINDOW_PARAGRAPH);

    ck_assert_uint_eq(ag_lexicon_find(lex, "RUS"), 0);
    ck_assert_uint_eq(ag_lexicon_find(lex, "ARM"), 1);
    ck_assert_uint_eq(ag_lexicon_find(lex, "AZE"), 2);
    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.sentences, 4);
    ck_assert_uint_eq(r.paragraphs, 2);
    ck_assert_int_eq(ag_cooc_add(cs, &r, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_add(cp, &r, &err), AG_OK);
    expect_pairs(cs, want_sentence, N(want_sentence));
    expect_actor(cs, 0, 3, 1, 2);
    expect_actor(cs, 1, 2, 1, 2);
    expect_actor(cs, 2, 1, 1, 1);
    ck_assert_uint_eq(ag_cooc_windows(cs), 4);
    expect_pairs(cp, want_paragraph, N(want_paragraph));
    expect_actor(cp, 0, 3, 1, 1);
    ck_assert_uint_eq(ag_cooc_windows(cp), 2);
    ck_assert_uint_eq(ag_cooc_sentences(cp), 4);
    ag_cooc_free(cs);
    ag_cooc_free(cp);
    ag_scanner_free(s);
    ag_lexicon_free(lex);
}
END_TEST

/* --- windows by name ----------------------------------------------------- */

typedef struct {
    const char *s;
    int rc;
    ag_window_unit unit;
} wcase;

static const wcase window_cases[] = {
    { "sentence", 0, AG_WINDOW_SENTENCE },
    { "paragraph", 0, AG_WINDOW_PARAGRAPH },
    { "document", 0, AG_WINDOW_DOCUMENT },
};

START_TEST(test_window_parse)
{
    const wcase *c = &window_cases[_i];
    ag_window w;
    w.unit = (ag_window_unit)99;
    ck_assert_int_eq(ag_window_parse(c->s, &w), c->rc);
    ck_assert_int_eq(w.unit, c->unit);
    ck_assert_str_eq(ag_window_name(&w), c->s);
}
END_TEST

static const char *const bad_windows[] = { "", "sentences", "Sentence", "para", "doc", "sentence ", "tokens" };

START_TEST(test_window_parse_bad)
{
    ag_window w;
    ck_assert_int_eq(ag_window_parse(bad_windows[_i], &w), -1);
}
END_TEST


/* --- token windows, binary counting, slices, evidence --------------------- */

static const char *TOK_LEX =
    "{\"actors\": ["
    "{\"id\": \"A\", \"label\": \"A\", \"type\": \"state\", \"names\": [\"Avalon\"]},"
    "{\"id\": \"B\", \"label\": \"B\", \"type\": \"state\", \"names\": [\"Borduria\"]},"
    "{\"id\": \"C\", \"label\": \"C\", \"type\": \"state\", \"names\": [\"Carpania\"]}]}";

/* Scans text and adds it to c as document seq with date. */
static void add_text(ag_cooc *c, const ag_lexicon *lex, const char *id, const char *text, const char *date,
                     uint64_t seq)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_cooc_doc d;
    ag_error err;
    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    d.res = &r;
    d.tokens = r.token_list;
    d.text = text;
    d.id = id;
    d.date = date;
    d.seq = seq;
    ck_assert_int_eq(ag_cooc_add_document(c, &d, &err), AG_OK);
    ag_scanner_free(s);
}

static ag_cooc *token_cooc(const char *window)
{
    ag_cooc *c = NULL;
    ag_window w;
    ag_error err;
    ck_assert_int_eq(ag_window_parse(window, &w), 0);
    ck_assert_int_eq(ag_cooc_new(3, &w, &c, &err), AG_OK);
    return c;
}

/* "Avalon met Borduria and then Carpania spoke. Borduria left."
 * words:    0      1   2        3   4    5        6       7        8
 * A ends after word 0; B starts 1 word later; C starts 4 words after A
 * (too far for tokens:3) and 2 after B; the second Borduria is in the next
 * sentence. Windows (anchors): A{A,B} B{B,C} C{C} B{B}. */
static const char *TOK_TEXT = "Avalon met Borduria and then Carpania spoke. Borduria left.";

START_TEST(test_token_windows)
{
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 1, 2, 1, 1 } };
    ag_lexicon *lex = tu_lexicon(TOK_LEX);
    ag_cooc *c = token_cooc("tokens:3");
    add_text(c, lex, "d", TOK_TEXT, NULL, 0);
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 1, 1, 1);
    expect_actor(c, 1, 2, 1, 3);
    expect_actor(c, 2, 1, 1, 2);
    ck_assert_uint_eq(ag_cooc_windows(c), 4);   /* one per mention */
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_token_windows_unclipped)
{
    /* without the sentence clip, Carpania's window reaches the second Borduria */
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 1, 2, 2, 1 } };
    ag_lexicon *lex = tu_lexicon(TOK_LEX);
    ag_cooc *c = token_cooc("tokens:3:none");
    add_text(c, lex, "d", TOK_TEXT, NULL, 0);
    expect_pairs(c, want, N(want));
    expect_actor(c, 1, 2, 1, 4);
    expect_actor(c, 2, 1, 1, 2);
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_token_window_distance)
{
    /* tokens:4 lets Avalon reach Carpania (4 words after it ends); punctuation is no word.
     * Borduria and Carpania share Avalon's window and Borduria's: count 2 */
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 0, 2, 1, 1 }, { 1, 2, 2, 1 } };
    ag_lexicon *lex = tu_lexicon(TOK_LEX);
    ag_cooc *c = token_cooc("tokens:4");
    add_text(c, lex, "d", TOK_TEXT, NULL, 0);
    expect_pairs(c, want, N(want));
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_token_window_needs_tokens)
{
    ag_cooc *c = token_cooc("tokens:3");
    ag_scan_result r = doc_a();
    ag_error err;
    ck_assert_int_eq(ag_cooc_add(c, &r, &err), AG_EINVAL);
    ck_assert_str_eq(err.message, "this window or evidence needs the document's tokens");
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_binary_counting)
{
    /* doc A pairs (0,1) (1,2); doc B pairs (1,2) (0,3): each at most once per document */
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 }, { 0, 3, 1, 1 }, { 1, 2, 2, 2 } };
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_error err;
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    o.count = AG_COUNT_BINARY;
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_OK);
    add(c, doc_a());
    add(c, doc_b());
    expect_pairs(c, want, N(want));
    expect_actor(c, 0, 3, 2, 2);
    expect_actor(c, 1, 4, 2, 2);
    expect_actor(c, 3, 1, 1, 1);
    ck_assert_uint_eq(ag_cooc_windows(c), 2);   /* the documents */
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_links)
{
    /* links: the sum of an actor's pair counts; doc A gives (0,1) 1, (1,2) 1 */
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    add(c, doc_a());
    ck_assert_uint_eq(ag_cooc_actor(c, 0)->links, 1);
    ck_assert_uint_eq(ag_cooc_actor(c, 1)->links, 2);
    ck_assert_uint_eq(ag_cooc_actor(c, 2)->links, 1);
    ag_cooc_free(c);
}
END_TEST

static void add_dated(ag_cooc *c, ag_scan_result r, const char *date, uint64_t seq)
{
    ag_cooc_doc d;
    ag_error err;
    memset(&d, 0, sizeof d);
    d.res = &r;
    d.date = date;
    d.seq = seq;
    ck_assert_int_eq(ag_cooc_add_document(c, &d, &err), AG_OK);
}

START_TEST(test_month_slices)
{
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_error err;
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    ag_pair_counts p;
    ag_actor_counts a;
    o.slice = AG_SLICE_MONTH;
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_OK);
    add_dated(c, doc_b(), "2025-09-01", 0);
    add_dated(c, doc_a(), "2025-08-09T10:30:00Z", 1);
    add_dated(c, doc_c(), "2025-08-30", 2);
    add_dated(c, doc_c(), "sometime in 2025", 3);
    add_dated(c, doc_c(), "2025", 4);   /* too coarse for months */
    ck_assert_uint_eq(ag_cooc_slice_count(c), 2);
    ck_assert_uint_eq(ag_cooc_undated(c), 2);
    ck_assert_str_eq(ag_cooc_slice(c, 0)->label, "2025-08");
    ck_assert_str_eq(ag_cooc_slice(c, 0)->start, "2025-08-01");
    ck_assert_str_eq(ag_cooc_slice(c, 0)->end, "2025-08-31");
    ck_assert_str_eq(ag_cooc_slice(c, 1)->label, "2025-09");
    ck_assert_uint_eq(ag_cooc_slice_windows(c, 0), 7);   /* 4 + 3 sentences */
    ck_assert_uint_eq(ag_cooc_slice_windows(c, 1), 2);
    ck_assert_uint_eq(ag_cooc_slice_documents(c, 0), 2);
    p = ag_cooc_slice_pair(c, 0, 1, 0);                  /* either order */
    ck_assert_uint_eq(p.count, 4);
    ck_assert_uint_eq(p.docs, 2);
    p = ag_cooc_slice_pair(c, 1, 0, 1);
    ck_assert_uint_eq(p.count, 0);
    p = ag_cooc_slice_pair(c, 1, 0, 3);
    ck_assert_uint_eq(p.count, 1);
    a = ag_cooc_slice_actor(c, 0, 0);
    ck_assert_uint_eq(a.mentions, 5);                    /* 2 in A, 3 in C */
    ck_assert_uint_eq(a.windows, 4);
    ck_assert_uint_eq(a.links, 4);                       /* (0,1) 1 in A, 3 in C */
    ck_assert_uint_eq(ag_cooc_documents(c), 5);          /* undated documents still count overall */
    ag_cooc_free(c);
}
END_TEST

typedef struct {
    ag_slice_unit unit;
    const char *date, *label, *start, *end;
} slice_case;

static const slice_case slice_cases[] = {
    { AG_SLICE_DAY, "2025-08-09", "2025-08-09", "2025-08-09", "2025-08-09" },
    { AG_SLICE_WEEK, "2025-08-09", "2025-W32", "2025-08-04", "2025-08-10" },
    { AG_SLICE_WEEK, "2024-12-31", "2025-W01", "2024-12-30", "2025-01-05" },   /* ISO year differs */
    { AG_SLICE_WEEK, "2021-01-03", "2020-W53", "2020-12-28", "2021-01-03" },
    { AG_SLICE_MONTH, "2024-02-10", "2024-02", "2024-02-01", "2024-02-29" },
    { AG_SLICE_YEAR, "1987", "1987", "1987-01-01", "1987-12-31" },
};

START_TEST(test_slice_labels)
{
    const slice_case *k = &slice_cases[_i];
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_error err;
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    o.slice = k->unit;
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_OK);
    add_dated(c, doc_a(), k->date, 0);
    ck_assert_uint_eq(ag_cooc_slice_count(c), 1);
    ck_assert_str_eq(ag_cooc_slice(c, 0)->label, k->label);
    ck_assert_str_eq(ag_cooc_slice(c, 0)->start, k->start);
    ck_assert_str_eq(ag_cooc_slice(c, 0)->end, k->end);
    ag_cooc_free(c);
}
END_TEST

static const char *EV_LEX =
    "{\"actors\": ["
    "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"]},"
    "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]}]}";

START_TEST(test_evidence)
{
    ag_lexicon *lex = tu_lexicon(EV_LEX);
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_window w = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_cooc *c = NULL;
    const ag_evidence *ev;
    ag_error err;
    o.evidence = 2;
    ck_assert_int_eq(ag_cooc_new(2, &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_OK);
    add_text(c, lex, "first", "Azerbaijan met Armenia. Armenia thanked Azerbaijan. Armenia and Azerbaijan.",
             NULL, 0);
    add_text(c, lex, "second", "Armenia, Azerbaijan.", NULL, 1);
    ck_assert_uint_eq(ag_cooc_evidence(c, 0, 1, &ev), 2);   /* the first two windows, in input order */
    ck_assert_str_eq(ev[0].doc, "first");
    ck_assert_uint_eq(ev[0].start, 0);
    ck_assert_uint_eq(ev[0].end, 23);
    ck_assert_str_eq(ev[0].text, "Azerbaijan met Armenia.");
    ck_assert_uint_eq(ev[1].start, 24);
    ck_assert_uint_eq(ev[1].end, 51);
    ck_assert_str_eq(ev[1].text, "Armenia thanked Azerbaijan.");
    ck_assert_uint_eq(ag_cooc_evidence(c, 1, 0, &ev), 0);   /* pairs are asked for as (a < b) */
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_evidence_merge_by_document_id)
{
    /* "later" is counted first, in another accumulator: the merge still keeps "earlier", first by id */
    ag_lexicon *lex = tu_lexicon(EV_LEX);
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_window w = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_cooc *x = NULL, *y = NULL;
    const ag_evidence *ev;
    ag_error err;
    o.evidence = 1;
    ck_assert_int_eq(ag_cooc_new(2, &w, &x, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_new(2, &w, &y, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(x, &o, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(y, &o, &err), AG_OK);
    add_text(x, lex, "later", "Armenia, Azerbaijan.", NULL, 7);
    add_text(y, lex, "earlier", "Azerbaijan met Armenia.", NULL, 3);
    ck_assert_int_eq(ag_cooc_merge(x, y, &err), AG_OK);
    ck_assert_uint_eq(ag_cooc_evidence(x, 0, 1, &ev), 1);
    ck_assert_str_eq(ev[0].doc, "earlier");
    ck_assert_str_eq(ev[0].text, "Azerbaijan met Armenia.");
    ag_cooc_free(x);
    ag_cooc_free(y);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_slices_merge)
{
    /* two accumulators with the same months in different orders merge into one set of slices */
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_error err;
    ag_cooc *x = cooc(N_ACTORS, AG_WINDOW_SENTENCE), *y = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    o.slice = AG_SLICE_MONTH;
    ck_assert_int_eq(ag_cooc_configure(x, &o, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(y, &o, &err), AG_OK);
    add_dated(x, doc_a(), "2025-08-09", 0);
    add_dated(y, doc_b(), "2025-09-01", 1);
    add_dated(y, doc_c(), "2025-08-30", 2);
    ck_assert_int_eq(ag_cooc_merge(x, y, &err), AG_OK);
    ck_assert_uint_eq(ag_cooc_slice_count(x), 2);
    ck_assert_str_eq(ag_cooc_slice(x, 0)->label, "2025-08");
    ck_assert_uint_eq(ag_cooc_slice_pair(x, 0, 0, 1).count, 4);
    ck_assert_uint_eq(ag_cooc_slice_windows(x, 0), 7);
    ck_assert_uint_eq(ag_cooc_slice_actor(x, 1, 3).mentions, 1);
    ag_cooc_free(x);
    ag_cooc_free(y);
}
END_TEST

START_TEST(test_configure_after_start)
{
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_error err;
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    add(c, doc_a());
    o.count = AG_COUNT_BINARY;
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_EINVAL);
    ck_assert_str_eq(err.message, "counting options must be set before the first document");
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_window_format)
{
    ag_window w;
    char buf[64];
    ck_assert_int_eq(ag_window_parse("tokens:5", &w), 0);
    ck_assert_uint_eq(w.tokens, 5);
    ck_assert_str_eq(ag_window_format(&w, buf, sizeof buf), "tokens:5:sentence");
    ck_assert_int_eq(ag_window_parse("tokens:12:paragraph", &w), 0);
    ck_assert_str_eq(ag_window_format(&w, buf, sizeof buf), "tokens:12:paragraph");
    ck_assert_int_eq(ag_window_parse("tokens:2:none", &w), 0);
    ck_assert_int_eq(w.clip, AG_WINDOW_DOCUMENT);
    ck_assert_str_eq(ag_window_format(&w, buf, sizeof buf), "tokens:2:none");
    ck_assert_str_eq(ag_window_name(&w), "tokens");
    ck_assert_int_eq(ag_window_parse("tokens:0", &w), -1);
    ck_assert_int_eq(ag_window_parse("tokens:5:word", &w), -1);
    ck_assert_int_eq(ag_window_parse("tokens:5x", &w), -1);
    ck_assert_int_eq(ag_window_parse("tokens:-1", &w), -1);
}
END_TEST

/* --- errors -------------------------------------------------------------- */

START_TEST(test_merge_mismatch)
{
    ag_error err;
    ag_cooc *a = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    ag_cooc *b = cooc(N_ACTORS + 1, AG_WINDOW_SENTENCE);
    ag_cooc *p = cooc(N_ACTORS, AG_WINDOW_PARAGRAPH);

    add(a, doc_a());
    add(b, doc_b());
    add(p, doc_b());
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_cooc_merge(a, b, &err), AG_EINVAL);
    ck_assert_int_eq(err.status, AG_EINVAL);
    ck_assert_int_eq(ag_cooc_merge(a, p, &err), AG_EINVAL);
    ck_assert_int_eq(ag_cooc_merge(p, a, &err), AG_EINVAL);
    /* nothing was added */
    ck_assert_uint_eq(ag_cooc_documents(a), 1);
    ck_assert_uint_eq(ag_cooc_windows(a), 4);
    expect_actor(a, 1, 2, 1, 2);
    ag_cooc_free(a);
    ag_cooc_free(b);
    ag_cooc_free(p);
}
END_TEST

START_TEST(test_actor_out_of_range)
{
    static const ag_mention m[] = { M(0, 0, 0), M(N_ACTORS, 0, 0) };
    ag_error err;
    ag_scan_result r = doc(m, N(m), 1, 1);
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);

    ck_assert_int_eq(ag_cooc_add(c, &r, &err), AG_EINTERNAL);
    ck_assert_ptr_null(ag_cooc_actor(c, N_ACTORS));
    ag_cooc_free(c);
}
END_TEST

/* --- edge ---------------------------------------------------------------- */

START_TEST(test_empty_documents)
{
    ag_cooc *c = cooc(N_ACTORS, AG_WINDOW_SENTENCE);
    add(c, doc(NULL, 0, 0, 0));        /* empty text */
    add(c, doc(NULL, 0, 3, 2));        /* text without mentions */
    expect_pairs(c, NULL, 0);
    expect_actor(c, 0, 0, 0, 0);
    ck_assert_uint_eq(ag_cooc_documents(c), 2);
    ck_assert_uint_eq(ag_cooc_windows(c), 3);
    ck_assert_uint_eq(ag_cooc_sentences(c), 3);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_no_actors)
{
    ag_cooc *c = cooc(0, AG_WINDOW_PARAGRAPH);
    add(c, doc(NULL, 0, 2, 2));
    ck_assert_uint_eq(ag_cooc_actor_count(c), 0);
    ck_assert_ptr_null(ag_cooc_actor(c, 0));
    expect_pairs(c, NULL, 0);
    ck_assert_uint_eq(ag_cooc_windows(c), 2);
    ck_assert_int_eq(ag_cooc_window(c)->unit, AG_WINDOW_PARAGRAPH);
    ag_cooc_free(c);
    ag_cooc_free(NULL);
}
END_TEST

START_TEST(test_many_pairs)
{
    /* 60 actors in one window: 1770 pairs, well past the first table size */
    enum { K = 60 };
    ag_mention m[K];
    const ag_pair_counts *p = NULL;
    size_t n = 0, i = 0;
    ag_error err;
    ag_cooc *c = cooc(K, AG_WINDOW_SENTENCE);

    for (uint32_t k = 0; k < K; k++) {
        ag_mention x = M(K - 1 - k, 0, 0);
        m[k] = x;
    }
    add(c, doc(m, K, 1, 1));
    add(c, doc(m, K, 2, 1));
    ck_assert_int_eq(ag_cooc_pairs(c, &p, &n, &err), AG_OK);
    ck_assert_uint_eq(n, K * (K - 1) / 2);
    for (uint32_t a = 0; a < K; a++) {
        for (uint32_t b = a + 1; b < K; b++, i++) {
            ck_assert_uint_eq(p[i].a, a);
            ck_assert_uint_eq(p[i].b, b);
            ck_assert_uint_eq(p[i].count, 2);
            ck_assert_uint_eq(p[i].docs, 2);
        }
    }
    expect_actor(c, 0, 2, 2, 2);
    ck_assert_uint_eq(ag_cooc_windows(c), 3);
    ag_cooc_free(c);
}
END_TEST

START_TEST(test_window_gaps)
{
    /* mentions in sentences 0 and 5 of one paragraph: two sentence windows, one paragraph window */
    static const ag_mention m[] = { M(0, 0, 0), M(1, 5, 0) };
    static const ag_pair_counts want[] = { { 0, 1, 1, 1 } };
    ag_cooc *s = cooc(2, AG_WINDOW_SENTENCE), *p = cooc(2, AG_WINDOW_PARAGRAPH);

    add(s, doc(m, N(m), 6, 1));
    add(p, doc(m, N(m), 6, 1));
    expect_pairs(s, NULL, 0);
    expect_pairs(p, want, N(want));
    ck_assert_uint_eq(ag_cooc_windows(s), 6);
    ck_assert_uint_eq(ag_cooc_windows(p), 1);
    ag_cooc_free(s);
    ag_cooc_free(p);
}
END_TEST

Suite *cooccur_suite(void);
Suite *cooccur_suite(void)
{
    Suite *s = suite_create("cooccur");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_test(core, test_sentence_window);
    tcase_add_test(core, test_paragraph_window);
    tcase_add_test(core, test_document_window);
    tcase_add_loop_test(core, test_two_documents, 0, (int)N(units));
    tcase_add_loop_test(core, test_merge, 0, (int)N(units));
    tcase_add_test(core, test_add_after_merge);
    tcase_add_test(core, test_docs_once_per_document);
    tcase_add_test(core, test_repeats_and_self);
    tcase_add_test(core, test_pairs_sorted);
    tcase_add_test(core, test_pairs_refreshed);
    tcase_add_test(core, test_from_scanner);
    tcase_add_loop_test(core, test_window_parse, 0, (int)N(window_cases));
    tcase_add_test(core, test_token_windows);
    tcase_add_test(core, test_token_windows_unclipped);
    tcase_add_test(core, test_token_window_distance);
    tcase_add_test(core, test_binary_counting);
    tcase_add_test(core, test_links);
    tcase_add_test(core, test_month_slices);
    tcase_add_loop_test(core, test_slice_labels, 0, (int)N(slice_cases));
    tcase_add_test(core, test_evidence);
    tcase_add_test(core, test_evidence_merge_by_document_id);
    tcase_add_test(core, test_slices_merge);
    tcase_add_test(core, test_window_format);
    suite_add_tcase(s, core);

    tcase_add_test(errors, test_merge_mismatch);
    tcase_add_test(errors, test_token_window_needs_tokens);
    tcase_add_test(errors, test_configure_after_start);
    tcase_add_test(errors, test_actor_out_of_range);
    tcase_add_loop_test(errors, test_window_parse_bad, 0, (int)N(bad_windows));
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_empty_documents);
    tcase_add_test(edge, test_no_actors);
    tcase_add_test(edge, test_many_pairs);
    tcase_add_test(edge, test_window_gaps);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(cooccur_suite());
}

/*
 * check_segment.c — sentences, paragraphs and all-caps text (segment.c).
 *
 * Expected counts follow segment.h and lexicons/README.md: a sentence ends
 * at . ! ? or an ellipsis before whitespace and a capital, digit or opening
 * quote, except after title abbreviations, "No." before a number, initials
 * and dotted acronyms (unless a function word follows); closing quotes stay
 * in the sentence. Paragraphs end at empty lines, at indented lines, and at
 * every line break unless the text is hard-wrapped (segment.h: at least 3
 * lines of at most AG_WRAP_LIMIT bytes, one at least 40, few longer ones);
 * in wrapped text only short or overlong lines end a paragraph.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static ag_tokens toks;
static ag_segments segs;

static void seg(const char *text)
{
    ag_error err;
    ck_assert_int_eq(ag_tokenize(text, strlen(text), &toks, &err), AG_OK);
    ag_segment(text, strlen(text), &toks, &segs);
}

/* Index of the first token spelled `word`, failing the test when none is. */
static size_t find(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < toks.n; i++)
        if (toks.v[i].end - toks.v[i].start == n && memcmp(text + toks.v[i].start, word, n) == 0)
            return i;
    ck_abort_msg("no token \"%s\"", word);
    return 0;
}

/* Ten bytes of filler that never end a sentence. */
#define T10 "and so on "
#define LONG_LINE(last) T10 T10 T10 T10 T10 T10 T10 T10 T10 T10 T10 last   /* 113 bytes */

/* Three lines of 54, 51 and 49 bytes: hard-wrapped copy. */
#define WRAPPED \
    "The foreign ministers of Armenia and Azerbaijan met in\n" \
    "Washington on Friday to discuss a peace treaty that\n" \
    "officials from both sides say is almost finished.\n"

typedef struct {
    const char *text;
    size_t sentences, paragraphs;
    const char *word1;           /* NULL: no word checked */
    unsigned sent1, para1;
    const char *word2;
    unsigned sent2, para2;
} seg_case;

/* Real sentence and paragraph ends. */
static const seg_case seg_cases[] = {
    { "Russia imposed sanctions on the U.S. The next day talks stalled.", 2, 1, "U", 0, 0, "next", 1, 0 },
    { "Talks in the U.S. It was cold.", 2, 1, "It", 1, 0, NULL, 0, 0 },
    /* after a dotted acronym a capitalised name starts a sentence; a title or an institution does not */
    { "Sanctions hit the U.S. Russia objected.", 2, 1, "Russia", 1, 0, NULL, 0, 0 },
    { "The U.S. Army and Russia said so.", 1, 1, "Russia", 0, 0, NULL, 0, 0 },
    { "Talks with the U.K. Foreign Office resumed.", 1, 1, "resumed", 0, 0, NULL, 0, 0 },
    { "She spoke to J. R. Smith yesterday.", 1, 1, "yesterday", 0, 0, NULL, 0, 0 },
    { "The answer was No. Five people voted against.", 2, 1, "No", 0, 0, "Five", 1, 0 },
    { "J. R. Smith arrived. He spoke.", 2, 1, "Smith", 0, 0, "He", 1, 0 },
    { "They met Plan B. Then they left.", 2, 1, "Then", 1, 0, NULL, 0, 0 },
    { "Growth was 3.5 percent. Prices rose.", 2, 1, "percent", 0, 0, "Prices", 1, 0 },
    { "It was signed in Jan. The talks resumed.", 2, 1, "talks", 1, 0, NULL, 0, 0 },
    { "Apple Inc. The company said so.", 2, 1, "company", 1, 0, NULL, 0, 0 },
    { "Talks ended. 2024 was a hard year.", 2, 1, "2024", 1, 0, NULL, 0, 0 },
    /* ellipses */
    { "wait... He said no.", 2, 1, "wait", 0, 0, "He", 1, 0 },
    { "wait… He said no.", 2, 1, "He", 1, 0, NULL, 0, 0 },
    { "wait . . . He said no.", 2, 1, "He", 1, 0, NULL, 0, 0 },
    /* quotes and brackets */
    { "He said \"no.\" Then he left.", 2, 1, "no", 0, 0, "Then", 1, 0 },
    { "He said “no.” Then he left.", 2, 1, "Then", 1, 0, NULL, 0, 0 },
    { "He said \"no\". Then he left.", 2, 1, "Then", 1, 0, NULL, 0, 0 },
    { "Talks ended. \"We will return,\" he said.", 2, 1, "We", 1, 0, "said", 1, 0 },
    { "He left (finally). Then he returned.", 2, 1, "Then", 1, 0, NULL, 0, 0 },
    { "(He left.) Then he returned.", 2, 1, "Then", 1, 0, NULL, 0, 0 },
    /* ? and ! */
    { "Why? Because we can.", 2, 1, "Because", 1, 0, NULL, 0, 0 },
    { "Stop! He shouted.", 2, 1, "He", 1, 0, NULL, 0, 0 },
    { "What?! No way.", 2, 1, "No", 1, 0, NULL, 0, 0 },
    /* paragraphs */
    { "Baku spoke.\n\nYerevan replied.\n\nMoscow waited.", 3, 3, "Yerevan", 1, 1, "Moscow", 2, 2 },
    { "Baku spoke\nYerevan replied\nMoscow waited", 3, 3, "Yerevan", 1, 1, "Moscow", 2, 2 },
    { "Leaders met in Baku\nand agreed on a text", 2, 2, "and", 1, 1, NULL, 0, 0 },
    { LONG_LINE("one") "\n" LONG_LINE("two") "\n" LONG_LINE("six"), 3, 3, "two", 1, 1, "six", 2, 2 },
    { "The foreign ministers of Armenia and Azerbaijan met in\nWashington on Friday.", 2, 2,
      "Washington", 1, 1, NULL, 0, 0 },
    /* one overlong line among wrapped lines: the text stays wrapped, and the
       overlong line ends its paragraph */
    { "The foreign ministers of Armenia and Azerbaijan met in\n"
      "Washington on Friday to discuss a peace treaty that\n" LONG_LINE("six") "\n"
      "officials say is almost finished.", 2, 2, "Washington", 0, 0, "officials", 1, 1 },
    { "The foreign ministers of Armenia and Azerbaijan met on\n"
      "Friday. They agreed to meet again in Washington next\n"
      "month to finish the text of the peace treaty, aides said.\n", 2, 1, "Friday", 0, 0, "They", 1, 0 },
    { "    BAKU, Nov 3 (Reuters) - The foreign ministers of Armenia\n"
      "and Azerbaijan met in Washington on Friday to discuss a\n"
      "peace treaty.\n"
      "    Officials from both sides say the text is almost\n"
      "finished, diplomats said.\n", 2, 2, "Washington", 0, 0, "Officials", 1, 1 },
    { "    BAKU, Nov 3 (Reuters) - The foreign ministers of Armenia\n"
      "and Azerbaijan met in Washington on Friday to discuss\n"
      "    peace, officials from both sides said on Friday\n", 2, 2, "Washington", 0, 0, "peace", 1, 1 },
    /* headlines without a full stop */
    { "Armenia and Azerbaijan sign peace deal\nThe leaders met in Washington on Friday.", 2, 2,
      "deal", 0, 0, "leaders", 1, 1 },
    { "Armenia and Azerbaijan sign peace deal\n\n" WRAPPED, 2, 2, "deal", 0, 0, "Washington", 1, 1 },
    { "BREAKING: RUSSIA ATTACKS\nRussian forces struck Kharkiv overnight.", 2, 2,
      "ATTACKS", 0, 0, "Russian", 1, 1 },
    /* a headline line (17 bytes, less than half of the longest, 54) right
       above hard-wrapped copy ends its paragraph and so its sentence */
    { "Peace deal signed\n" WRAPPED, 2, 2, "signed", 0, 0, "foreign", 1, 1 },
    /* so does a short last line inside wrapped copy (11 bytes) */
    { "The foreign ministers of Armenia and Azerbaijan met in\n"
      "Washington.\n"
      "Officials from both sides say the text is almost\n"
      "finished, diplomats said on Friday.\n", 2, 2, "Washington", 0, 0, "Officials", 1, 1 },
    /* a 115-byte headline above three wrapped lines: one overlong line does
       not unwrap the text; the headline is its own paragraph and the three
       lines stay one */
    { LONG_LINE("three") "\n" WRAPPED, 2, 2, "three", 0, 0, "Washington", 1, 1 },
};

/* Full stops, line breaks and marks that look like ends and are not. */
static const seg_case trap_cases[] = {
    { "The U.S. President said talks would resume.", 1, 1, "said", 0, 0, NULL, 0, 0 },
    { "The U.N. Security Council met.", 1, 1, "met", 0, 0, NULL, 0, 0 },
    { "Mr. Smith met Dr. Jones in St. Petersburg on Monday.", 1, 1, "Monday", 0, 0, NULL, 0, 0 },
    { "He lives at No. 5 Downing Street.", 1, 1, "Downing", 0, 0, NULL, 0, 0 },
    { "Talks with J. R. Smith resumed.", 1, 1, "R", 0, 0, "resumed", 0, 0 },
    { "Growth was 3.5 percent.", 1, 1, "5", 0, 0, "percent", 0, 0 },
    { "The deal was signed on Jan. 5 in Baku.", 1, 1, "Baku", 0, 0, NULL, 0, 0 },
    { "See news.az for more.", 1, 1, "more", 0, 0, NULL, 0, 0 },
    { "wait... and then he left.", 1, 1, "left", 0, 0, NULL, 0, 0 },
    { "wait… and then he left.", 1, 1, "left", 0, 0, NULL, 0, 0 },
    { "\"Why?\" he asked.", 1, 1, "asked", 0, 0, NULL, 0, 0 },
    { "Why? because we can.", 1, 1, "can", 0, 0, NULL, 0, 0 },
    { "Stop! he shouted.", 1, 1, "shouted", 0, 0, NULL, 0, 0 },
    { "Yahoo! is a company.", 1, 1, "company", 0, 0, NULL, 0, 0 },
    /* an initial written as "O" + U+0308 (a decomposed Ö) is one letter */
    { "O\xCC\x88. Yilmaz came.", 1, 1, "Yilmaz", 0, 0, "came", 0, 0 },
    { "Talks with \xC3\x96. Yilmaz ended.", 1, 1, "Yilmaz", 0, 0, NULL, 0, 0 },
    /* hard-wrapped copy: single line breaks do not end anything */
    { WRAPPED, 1, 1, "Washington", 0, 0, "finished", 0, 0 },
};

/* Texts with little or nothing in them. */
static const seg_case edge_cases[] = {
    { "...", 1, 1, NULL, 0, 0, NULL, 0, 0 },
    { "Baku", 1, 1, "Baku", 0, 0, NULL, 0, 0 },
    { "\n\n   Baku spoke.", 1, 1, "Baku", 0, 0, NULL, 0, 0 },
    { "Baku spoke.\n\n\n", 1, 1, "spoke", 0, 0, NULL, 0, 0 },
    { "", 0, 0, NULL, 0, 0, NULL, 0, 0 },
    { " \n\n \t", 0, 0, NULL, 0, 0, NULL, 0, 0 },
};

static void check_case(const seg_case *c)
{
    seg(c->text);
    ck_assert_msg(segs.sentences == c->sentences, "%zu sentences instead of %zu in \"%s\"", segs.sentences,
                  c->sentences, c->text);
    ck_assert_msg(segs.paragraphs == c->paragraphs, "%zu paragraphs instead of %zu in \"%s\"", segs.paragraphs,
                  c->paragraphs, c->text);
    if (c->word1) {
        size_t i = find(c->text, c->word1);
        ck_assert_uint_eq(toks.v[i].sentence, c->sent1);
        ck_assert_uint_eq(toks.v[i].paragraph, c->para1);
    }
    if (c->word2) {
        size_t i = find(c->text, c->word2);
        ck_assert_uint_eq(toks.v[i].sentence, c->sent2);
        ck_assert_uint_eq(toks.v[i].paragraph, c->para2);
    }
    if (toks.n) {
        /* the last token closes the count */
        ck_assert_uint_eq(toks.v[toks.n - 1].sentence + 1, c->sentences);
        ck_assert_uint_eq(toks.v[toks.n - 1].paragraph + 1, c->paragraphs);
    }
}

START_TEST(test_segment_table)
{
    check_case(&seg_cases[_i]);
}
END_TEST

START_TEST(test_trap_table)
{
    check_case(&trap_cases[_i]);
}
END_TEST

START_TEST(test_edge_table)
{
    check_case(&edge_cases[_i]);
}
END_TEST

/* --- numbering and start flags of every token -------------------------------- */

START_TEST(test_numbering_and_flags)
{
    /* 0 Baku 1 spoke 2 . 3 Yerevan 4 replied 5 . 6 Moscow 7 waited 8 . */
    static const unsigned sent[] = { 0, 0, 0, 1, 1, 1, 2, 2, 2 };
    static const unsigned para[] = { 0, 0, 0, 0, 0, 0, 1, 1, 1 };
    static const unsigned starts[] = {
        AG_TF_SENT_START | AG_TF_PARA_START, 0, 0, AG_TF_SENT_START, 0, 0,
        AG_TF_SENT_START | AG_TF_PARA_START, 0, 0
    };
    seg("Baku spoke. Yerevan replied.\n\nMoscow waited.");
    ck_assert_uint_eq(toks.n, 9);
    ck_assert_uint_eq(segs.sentences, 3);
    ck_assert_uint_eq(segs.paragraphs, 2);
    for (size_t i = 0; i < toks.n; i++) {
        ck_assert_uint_eq(toks.v[i].sentence, sent[i]);
        ck_assert_uint_eq(toks.v[i].paragraph, para[i]);
        ck_assert_uint_eq(toks.v[i].flags & (AG_TF_SENT_START | AG_TF_PARA_START), starts[i]);
    }
}
END_TEST

START_TEST(test_closing_quote_stays)
{
    /* 0 He 1 said 2 " 3 no 4 . 5 " 6 Then 7 he 8 left 9 . */
    seg("He said \"no.\" Then he left.");
    ck_assert_uint_eq(toks.n, 10);
    ck_assert_uint_eq(toks.v[4].sentence, 0);
    ck_assert_uint_eq(toks.v[5].sentence, 0);
    ck_assert_uint_eq(toks.v[5].flags & AG_TF_SENT_START, 0);
    ck_assert_uint_eq(toks.v[6].sentence, 1);
    ck_assert_uint_eq(toks.v[6].flags & AG_TF_SENT_START, AG_TF_SENT_START);

    /* an opening quote starts the next sentence */
    seg("Talks ended. \"We will return.\"");
    ck_assert_uint_eq(toks.v[3].sentence, 1);
    ck_assert_uint_eq(toks.v[3].flags & AG_TF_SENT_START, AG_TF_SENT_START);
}
END_TEST

/* --- the wrap decision at its edges ------------------------------------------- */

/* Three (or `lines`) lines of exactly `width` bytes, each starting with the
 * capitalised "Then" so that every paragraph break shows. */
static void wrapped_text(char *buf, size_t size, size_t width, size_t lines)
{
    size_t n = 0;
    for (size_t l = 0; l < lines; l++) {
        for (size_t i = 0; i < width; i++) {
            char c = i < 4 ? "Then"[i] : (i % 2 == 0 ? ' ' : 'x');
            if (i == width - 1)
                c = 'x';
            ck_assert_uint_lt(n, size - 2);
            buf[n++] = c;
        }
        buf[n++] = '\n';
    }
    buf[n] = '\0';
}

typedef struct {
    size_t width, lines, paragraphs;
} wrap_case;

static const wrap_case wrap_cases[] = {
    { 100, 3, 1 },      /* AG_WRAP_LIMIT: still wrapped */
    { 101, 3, 3 },      /* one byte over: every line a paragraph (and none counts for max_line) */
    { 40, 3, 1 },       /* the shortest long line */
    { 39, 3, 3 },       /* too short to be wrap */
    { 60, 2, 2 },       /* two lines are not enough */
    { 60, 4, 1 },
};

START_TEST(test_wrap_edges)
{
    const wrap_case *c = &wrap_cases[_i];
    static char buf[1024];
    wrapped_text(buf, sizeof buf, c->width, c->lines);
    seg(buf);
    ck_assert_uint_eq(toks.max_line, c->width > AG_WRAP_LIMIT ? 0 : c->width);
    ck_assert_uint_eq(toks.long_lines, c->width > AG_WRAP_LIMIT ? c->lines : 0);
    ck_assert_uint_eq(toks.lines, c->lines);
    ck_assert_uint_eq(segs.paragraphs, c->paragraphs);
    ck_assert_uint_eq(segs.sentences, c->paragraphs);
}
END_TEST

/* The line statistics behind the last case of seg_cases: the headline is
 * a long line, so the longest wrapped line is 54 bytes. */
START_TEST(test_overlong_headline_keeps_wrap)
{
    seg(LONG_LINE("three") "\n" WRAPPED);
    ck_assert_uint_eq(toks.lines, 4);
    ck_assert_uint_eq(toks.long_lines, 1);
    ck_assert_uint_eq(toks.max_line, 54);
    ck_assert_uint_eq(segs.paragraphs, 2);
    ck_assert_uint_eq(toks.v[find(LONG_LINE("three") "\n" WRAPPED, "officials")].paragraph, 1);
    ck_assert_uint_eq(toks.v[find(LONG_LINE("three") "\n" WRAPPED, "officials")].flags & AG_TF_PARA_START, 0);
}
END_TEST

/* --- all-caps text ---------------------------------------------------------------- */

/* "1" for each token with AG_TF_CASELESS, "0" for the others. */
static const char *caseless_map(void)
{
    static char out[128];
    size_t i;
    for (i = 0; i < toks.n && i + 1 < sizeof out; i++)
        out[i] = (toks.v[i].flags & AG_TF_CASELESS) ? '1' : '0';
    out[i] = '\0';
    return out;
}

typedef struct {
    const char *text;
    const char *words;      /* space-separated words that must be caseless */
    const char *not_words;  /* ... and words that must not be */
} caps_case;

static const caps_case caps_cases[] = {
    { "BREAKING: RUSSIA ATTACKS\nRussian forces struck Kharkiv.", "BREAKING RUSSIA ATTACKS",
      "Russian forces struck Kharkiv" },
    { "\"ISRAEL. DO NOT DROP THOSE BOMBS,\" Trump wrote", "ISRAEL DO NOT DROP THOSE BOMBS", "Trump wrote" },
    { "He wrote DO NOT DROP and left", "DO NOT DROP", "He wrote and left" },
    { "He said ROUND 2 OF TALKS ended", "ROUND 2 OF TALKS", "He said ended" },
    { "UKRAINE\nKyiv said on Monday.", "UKRAINE", "Kyiv said on Monday" },
    { "ERDOĞAN VE ƏLIYEV GÖRÜŞTÜ", "ERDOĞAN VE ƏLIYEV GÖRÜŞTÜ", "" },
    { "The US and NATO agreed", "", "The US and NATO agreed" },
    { "Leaders of the EU, NATO and UN met", "", "Leaders of the EU NATO and UN met" },
    { "NATO SUMMIT opens", "", "NATO SUMMIT opens" },
};

static void check_words(const char *text, const char *list, unsigned want)
{
    char word[64];
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n) {
            ck_assert_uint_lt(n, sizeof word);
            memcpy(word, p, n);
            word[n] = '\0';
            ck_assert_msg((toks.v[find(text, word)].flags & AG_TF_CASELESS) == want,
                          "\"%s\" in \"%s\": caseless should be %u (map %s)", word, text, want ? 1u : 0u,
                          caseless_map());
        }
        p += n;
        while (*p == ' ')
            p++;
    }
}

START_TEST(test_caseless_table)
{
    const caps_case *c = &caps_cases[_i];
    seg(c->text);
    check_words(c->text, c->words, AG_TF_CASELESS);
    check_words(c->text, c->not_words, 0);
}
END_TEST

START_TEST(test_caseless_whole_line)
{
    /* every token of an all-caps line, punctuation included; none of the next */
    seg("BREAKING: RUSSIA ATTACKS\nRussian forces struck Kharkiv.");
    ck_assert_str_eq(caseless_map(), "111100000");
}
END_TEST

/* --- repeat runs ---------------------------------------------------------------------- */

START_TEST(test_segment_twice)
{
    /* segmenting the same tokens again gives the same flags, not more */
    const char *text = "BREAKING: RUSSIA ATTACKS\nRussian forces struck. Kyiv said so.";
    ag_token first[16];
    size_t n;
    seg(text);
    n = toks.n;
    ck_assert_uint_le(n, 16);
    memcpy(first, toks.v, n * sizeof *first);
    ag_segment(text, strlen(text), &toks, &segs);
    ck_assert_uint_eq(segs.sentences, 3);
    ck_assert_uint_eq(segs.paragraphs, 2);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(toks.v[i].flags, first[i].flags);
        ck_assert_uint_eq(toks.v[i].sentence, first[i].sentence);
        ck_assert_uint_eq(toks.v[i].paragraph, first[i].paragraph);
    }

    /* and a different text through the same buffer starts from scratch */
    seg("plain words here");
    ck_assert_str_eq(caseless_map(), "000");
    ck_assert_uint_eq(toks.v[0].flags & (AG_TF_SENT_START | AG_TF_PARA_START),
                      AG_TF_SENT_START | AG_TF_PARA_START);
    ck_assert_uint_eq(toks.v[1].flags & (AG_TF_SENT_START | AG_TF_PARA_START), 0);
}
END_TEST

Suite *segment_suite(void);
Suite *segment_suite(void)
{
    Suite *s = suite_create("segment");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_loop_test(core, test_segment_table, 0, (int)(sizeof seg_cases / sizeof seg_cases[0]));
    tcase_add_test(core, test_numbering_and_flags);
    tcase_add_test(core, test_closing_quote_stays);
    tcase_add_loop_test(core, test_caseless_table, 0, (int)(sizeof caps_cases / sizeof caps_cases[0]));
    tcase_add_test(core, test_caseless_whole_line);
    suite_add_tcase(s, core);

    /* ag_segment never fails: its "errors" are texts that look like
     * sentence ends and are not */
    tcase_add_loop_test(errors, test_trap_table, 0, (int)(sizeof trap_cases / sizeof trap_cases[0]));
    suite_add_tcase(s, errors);

    tcase_add_loop_test(edge, test_edge_table, 0, (int)(sizeof edge_cases / sizeof edge_cases[0]));
    tcase_add_loop_test(edge, test_wrap_edges, 0, (int)(sizeof wrap_cases / sizeof wrap_cases[0]));
    tcase_add_test(edge, test_overlong_headline_keeps_wrap);
    tcase_add_test(edge, test_segment_twice);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    int rc;
    ag_tokens_init(&toks);
    rc = tu_run(segment_suite());
    ag_tokens_free(&toks);
    return rc;
}

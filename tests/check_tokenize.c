/*
 * check_tokenize.c — the tokenizer: token boundaries, offsets, keys, flags,
 * line statistics and how it copes with bytes that are not text.
 *
 * Offsets and flags below are counted by hand from the rules in text.h and
 * lexicons/README.md ("How aliases match"): runs of letters, runs of digits
 * (a letter-digit change cuts), one token per punctuation character, byte
 * offsets into the original bytes.
 */
#include <string.h>

#include "testutil.h"

static ag_tokens toks;

static void tokn(const char *text, size_t len)
{
    ag_error err;
    ck_assert_int_eq(ag_tokenize(text, len, &toks, &err), AG_OK);
}

static void tok(const char *text)
{
    tokn(text, strlen(text));
}

static uint64_t key(const char *s)
{
    return ag_token_key(s, strlen(s));
}

/* Flag shorthands for the tables. */
#define W AG_TF_WORD
#define N AG_TF_NUMBER
#define P AG_TF_PUNCT
#define UI AG_TF_UPPER_INITIAL
#define AU AG_TF_ALL_UPPER
#define HL AG_TF_HAS_LOWER
#define SB AG_TF_SPACE_BEFORE
#define NL AG_TF_NEWLINE_BEFORE
#define BL AG_TF_BLANKLINE_BEFORE
#define IN AG_TF_INDENT_BEFORE
#define NA AG_TF_NONASCII
#define OL AG_TF_ONE_LETTER

START_TEST(test_words_and_punctuation)
{
    tok("Russia's pro-Russian");
    ck_assert_uint_eq(toks.n, 6);
    ck_assert_uint_eq(toks.v[0].start, 0);
    ck_assert_uint_eq(toks.v[0].end, 6);
    ck_assert_uint_eq(toks.v[1].punct, '\'');
    ck_assert_uint_eq(toks.v[3].start, 9);
    ck_assert_uint_eq(toks.v[4].punct, '-');
    ck_assert(toks.v[0].key == ag_token_key("russia", 6));
}
END_TEST

/* --- whole token lists with exact offsets and flags ------------------------- */

typedef struct {
    uint32_t start, end, flags;
} exp_tok;

typedef struct {
    const char *text;
    size_t len;              /* 0: strlen */
    size_t n;
    exp_tok t[12];
    size_t lines, max_line;
} tok_case;

static const tok_case tok_cases[] = {
    /* multi-byte letters: offsets count bytes of the original */
    { "Erdoğan met Əliyev in Łódź.", 0, 6,
      { { 0, 8, W | UI | HL | NA }, { 9, 12, W | HL | SB }, { 13, 20, W | UI | HL | NA | SB },
        { 21, 23, W | HL | SB }, { 24, 31, W | UI | HL | NA | SB }, { 31, 32, P } },
      1, 32 },
    /* a letter-digit change cuts; hyphens are tokens */
    { "G20 summit, F-16s", 0, 8,
      { { 0, 1, W | UI | AU | OL }, { 1, 3, N }, { 4, 10, W | HL | SB }, { 10, 11, P },
        { 12, 13, W | UI | AU | SB | OL }, { 13, 14, P }, { 14, 16, N }, { 16, 17, W | HL | OL } },
      1, 17 },
    { "COVID19 3rd", 0, 4,
      { { 0, 5, W | UI | AU }, { 5, 7, N }, { 8, 9, N | SB }, { 9, 11, W | HL } },
      1, 11 },
    /* case flags */
    { "iPhone 5, x", 0, 4,
      { { 0, 6, W | HL }, { 7, 8, N | SB }, { 8, 9, P }, { 10, 11, W | HL | SB | OL } },
      1, 11 },
    { "İLHAM ƏLIYEV Россия 中国", 0, 4,
      { { 0, 6, W | UI | AU | NA }, { 7, 14, W | UI | AU | NA | SB },
        { 15, 27, W | UI | HL | NA | SB }, { 28, 34, W | NA | SB } },
      1, 34 },
    /* apostrophes, straight and curly, are tokens of their own */
    { "Russia’s ‘pro-Russian’ stance", 0, 9,
      { { 0, 6, W | UI | HL }, { 6, 9, P | NA }, { 9, 10, W | HL | OL }, { 11, 14, P | NA | SB },
        { 14, 17, W | HL }, { 17, 18, P }, { 18, 25, W | UI | HL }, { 25, 28, P | NA },
        { 29, 35, W | HL | SB } },
      1, 35 },
    { "Baku—Yerevan", 0, 3,
      { { 0, 4, W | UI | HL }, { 4, 7, P | NA }, { 7, 14, W | UI | HL } },
      1, 14 },
    /* whitespace before a token: spaces, line breaks, empty lines, indentation */
    { "NATO and EU\n\nTalks\n    resumed\n\tafter\n a pause", 0, 8,
      { { 0, 4, W | UI | AU }, { 5, 8, W | HL | SB }, { 9, 11, W | UI | AU | SB },
        { 13, 18, W | UI | HL | SB | NL | BL }, { 23, 30, W | HL | SB | NL | IN },
        { 32, 37, W | HL | SB | NL | IN }, { 39, 40, W | HL | SB | NL | OL }, { 41, 46, W | HL | SB } },
      5, 11 },
    { "One\n   \nTwo", 0, 2,                       /* a line of spaces is empty */
      { { 0, 3, W | UI | HL }, { 8, 11, W | UI | HL | SB | NL | BL } },
      2, 3 },
    /* CRLF and a lone CR are line breaks; CRLF is one break, not two */
    { "One\r\nTwo\r\n\r\nThree\rFour", 0, 4,
      { { 0, 3, W | UI | HL }, { 5, 8, W | UI | HL | SB | NL },
        { 12, 17, W | UI | HL | SB | NL | BL }, { 18, 22, W | UI | HL | SB | NL } },
      4, 5 },
    /* U+2028 LINE SEPARATOR is a line break, NBSP a space */
    { "Baku\xE2\x80\xA8Yerevan", 0, 2,
      { { 0, 4, W | UI | HL }, { 7, 14, W | UI | HL | SB | NL } },
      2, 7 },
    { "United\xC2\xA0States", 0, 2,
      { { 0, 6, W | UI | HL }, { 8, 14, W | UI | HL | SB } },
      1, 14 },
    /* NUL and control characters separate like spaces */
    { "A\0B\x01" "C\x7F" "d", 7, 4,
      { { 0, 1, W | UI | AU | OL }, { 2, 3, W | UI | AU | SB | OL }, { 4, 5, W | UI | AU | SB | OL },
        { 6, 7, W | HL | SB | OL } },
      1, 7 },
    /* invalid bytes: one punctuation token each, not whitespace */
    { "Baku\xFF\xFE" "said", 0, 4,
      { { 0, 4, W | UI | HL }, { 4, 5, P | NA }, { 5, 6, P | NA }, { 6, 10, W | HL } },
      1, 10 },
    { "\xE2\x82" "A", 0, 3,
      { { 0, 1, P | NA }, { 1, 2, P | NA }, { 2, 3, W | UI | AU | OL } },
      1, 3 },
    /* digits of other scripts and fullwidth forms */
    { "٢٠٢٣ and 2023", 0, 3,
      { { 0, 8, N | NA }, { 9, 12, W | HL | SB }, { 13, 17, N | SB } },
      1, 17 },
    { "ＵＮ", 0, 1, { { 0, 6, W | UI | AU | NA } }, 1, 6 },
    /* a combining mark makes its token non-ASCII, though every letter is ASCII */
    { "Cafe\xCC\x81 cafe", 0, 2, { { 0, 6, W | UI | HL | NA }, { 7, 11, W | HL | SB } }, 1, 11 },
    /* one letter is one letter however many bytes or code points: "O" +
       U+0308 (decomposed Ö), precomposed "Ö", "Ə"; "Ol" and "Öz" are two */
    { "O\xCC\x88. \xC3\x96 \xC6\x8F Ol \xC3\x96z", 0, 6,
      { { 0, 3, W | UI | AU | NA | OL }, { 3, 4, P }, { 5, 7, W | UI | AU | NA | SB | OL },
        { 8, 10, W | UI | AU | NA | SB | OL }, { 11, 13, W | UI | HL | SB }, { 14, 17, W | UI | HL | NA | SB } },
      1, 17 },
};

START_TEST(test_token_table)
{
    const tok_case *c = &tok_cases[_i];
    tokn(c->text, c->len ? c->len : strlen(c->text));
    ck_assert_uint_eq(toks.n, c->n);
    for (size_t i = 0; i < c->n; i++) {
        ck_assert_msg(toks.v[i].start == c->t[i].start && toks.v[i].end == c->t[i].end,
                      "token %zu: [%u, %u) instead of [%u, %u)", i, toks.v[i].start, toks.v[i].end,
                      c->t[i].start, c->t[i].end);
        ck_assert_msg(toks.v[i].flags == c->t[i].flags, "token %zu: flags 0x%x instead of 0x%x", i,
                      toks.v[i].flags, c->t[i].flags);
        ck_assert_uint_eq(toks.v[i].sentence, 0);
        ck_assert_uint_eq(toks.v[i].paragraph, 0);
    }
    ck_assert_uint_eq(toks.lines, c->lines);
    ck_assert_uint_eq(toks.max_line, c->max_line);
}
END_TEST

/* --- keys ------------------------------------------------------------------ */

START_TEST(test_keys_fold)
{
    tok("Erdoğan met ƏLIYEV in Łódź");
    ck_assert_uint_eq(toks.n, 5);
    ck_assert(toks.v[0].key == key("erdogan"));
    ck_assert(toks.v[0].key == key("Erdogan"));
    ck_assert(toks.v[1].key == key("met"));
    ck_assert(toks.v[2].key == key("aliyev"));
    ck_assert(toks.v[4].key == key("lodz"));
    ck_assert(toks.v[0].key != toks.v[2].key);

    tok("٢٠٢٣ 2023 ＵＮ UN Cafe\xCC\x81 cafe");
    ck_assert_uint_eq(toks.n, 6);
    ck_assert(toks.v[0].key == toks.v[1].key);
    ck_assert(toks.v[2].key == toks.v[3].key);
    ck_assert(toks.v[4].key == toks.v[5].key);
    ck_assert_uint_eq(toks.v[4].start, 24);
    ck_assert_uint_eq(toks.v[4].end, 30);           /* the mark stays inside the token */
}
END_TEST

START_TEST(test_apostrophe_keys)
{
    uint64_t straight, curly, left, modifier;

    tok("Russia's");
    ck_assert_uint_eq(toks.n, 3);
    straight = toks.v[1].key;
    ck_assert_uint_eq(toks.v[1].punct, '\'');

    tok("Russia’s");
    ck_assert_uint_eq(toks.n, 3);
    curly = toks.v[1].key;
    ck_assert_uint_eq(toks.v[1].punct, '\'');
    ck_assert_uint_eq(toks.v[1].end - toks.v[1].start, 3);

    tok("‘x");
    left = toks.v[0].key;
    tok("Kyivʼs");                           /* U+02BC MODIFIER LETTER APOSTROPHE */
    ck_assert_uint_eq(toks.n, 3);
    modifier = toks.v[1].key;

    ck_assert(straight == key("'"));
    ck_assert(curly == straight);
    ck_assert(left == straight);
    ck_assert(modifier == straight);
    ck_assert(toks.v[0].key == key("kyiv"));
}
END_TEST

START_TEST(test_punct_code_points)
{
    tok("“Baku” – «Yerevan» … ?");
    ck_assert_uint_eq(toks.n, 9);
    ck_assert_uint_eq(toks.v[0].punct, '"');
    ck_assert_uint_eq(toks.v[2].punct, '"');
    ck_assert_uint_eq(toks.v[3].punct, '-');
    ck_assert_uint_eq(toks.v[4].punct, '"');
    ck_assert_uint_eq(toks.v[6].punct, '"');
    ck_assert_uint_eq(toks.v[7].punct, 0x2026);
    ck_assert_uint_eq(toks.v[8].punct, '?');
    ck_assert_uint_eq(toks.v[1].punct, 0);          /* words have none */
    ck_assert(toks.v[0].key == key("\""));
    ck_assert(toks.v[3].key == key("-"));
}
END_TEST

/* --- what is not text ---------------------------------------------------------- */

START_TEST(test_invalid_bytes)
{
    tok("Baku\xFF\xFE" "said");
    ck_assert_uint_eq(toks.invalid_bytes, 2);
    ck_assert_uint_eq(toks.v[1].punct, 0xFFFD);
    ck_assert(toks.v[1].key == key("\xEF\xBF\xBD"));
    ck_assert(toks.v[3].key == key("said"));

    tok("\xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80");   /* overlong, surrogate, > U+10FFFF */
    ck_assert_uint_eq(toks.invalid_bytes, 9);
    ck_assert_uint_eq(toks.n, 9);

    tok("Erdoğan Łódź");                                /* valid multi-byte is not counted */
    ck_assert_uint_eq(toks.invalid_bytes, 0);
    ck_assert_uint_eq(toks.n, 2);

    tok("Baku\xD0");                                    /* truncated at the end */
    ck_assert_uint_eq(toks.invalid_bytes, 1);
    ck_assert_uint_eq(toks.n, 2);
    ck_assert_uint_eq(toks.v[1].start, 4);
    ck_assert_uint_eq(toks.v[1].end, 5);
}
END_TEST

START_TEST(test_byte_order_mark)
{
    tok("\xEF\xBB\xBF" "Baku said");
    ck_assert_uint_eq(toks.n, 2);
    ck_assert_uint_eq(toks.invalid_bytes, 0);
    ck_assert_uint_eq(toks.v[0].start, 3);
    ck_assert_uint_eq(toks.v[0].end, 7);
    ck_assert(toks.v[0].key == key("baku"));
    ck_assert_uint_eq(toks.v[0].flags & (W | UI | HL | NA | NL), W | UI | HL);
    ck_assert_uint_eq(toks.v[1].start, 8);

    /* the mark is neither text nor space: no SPACE_BEFORE on the first
     * token, and the line is "Baku said", 9 bytes, without it */
    ck_assert_uint_eq(toks.v[0].flags, W | UI | HL);
    ck_assert_uint_eq(toks.v[1].flags, W | HL | SB);
    ck_assert_uint_eq(toks.lines, 1);
    ck_assert_uint_eq(toks.max_line, 9);

    /* the first line is the longest: 8 bytes, not 11 */
    tok("\xEF\xBB\xBF" "Ministry\nsaid so");
    ck_assert_uint_eq(toks.n, 3);
    ck_assert_uint_eq(toks.v[0].flags, W | UI | HL);
    ck_assert_uint_eq(toks.lines, 2);
    ck_assert_uint_eq(toks.max_line, 8);
}
END_TEST

START_TEST(test_empty_text)
{
    tok("Baku \xFF");                   /* leave something behind */
    ck_assert_uint_eq(toks.n, 2);
    tok("");
    ck_assert_uint_eq(toks.n, 0);
    ck_assert_uint_eq(toks.invalid_bytes, 0);
    ck_assert_uint_eq(toks.lines, 0);
    ck_assert_uint_eq(toks.max_line, 0);

    tok("  \r\n\t\n \xC2\xA0");          /* only whitespace */
    ck_assert_uint_eq(toks.n, 0);
    ck_assert_uint_eq(toks.lines, 0);
    ck_assert_uint_eq(toks.max_line, 0);
}
END_TEST

/* --- lines ---------------------------------------------------------------------- */

START_TEST(test_lines_and_max_line)
{
    /* trailing spaces do not count; leading indentation does */
    tok("short\nthe longest line   \n\n  mid");
    ck_assert_uint_eq(toks.lines, 3);
    ck_assert_uint_eq(toks.max_line, 16);

    tok("Łódź\n");                       /* bytes, not characters */
    ck_assert_uint_eq(toks.lines, 1);
    ck_assert_uint_eq(toks.max_line, 7);

    tok("a\r\nbb\rccc\n\n\n");
    ck_assert_uint_eq(toks.lines, 3);
    ck_assert_uint_eq(toks.max_line, 3);

    tok("\n\n\nBaku.");
    ck_assert_uint_eq(toks.lines, 1);
    ck_assert_uint_eq(toks.max_line, 5);
    ck_assert_uint_eq(toks.v[0].flags & (NL | BL), NL | BL);
}
END_TEST

/* Lines longer than AG_WRAP_LIMIT are counted apart and never make
 * max_line: 120 bytes, then 60, then exactly 100, then 101. */
START_TEST(test_long_lines)
{
    static char text[512];
    size_t n = 0;
    const size_t widths[] = { 120, 60, AG_WRAP_LIMIT, AG_WRAP_LIMIT + 1 };
    for (size_t l = 0; l < 4; l++) {
        for (size_t i = 0; i < widths[l]; i++)
            text[n++] = i % 5 == 4 ? ' ' : 'x';
        text[n - 1] = 'x';             /* no trailing space */
        text[n++] = '\n';
    }
    text[n] = '\0';
    tok(text);
    ck_assert_uint_eq(toks.lines, 4);
    ck_assert_uint_eq(toks.long_lines, 2);
    ck_assert_uint_eq(toks.max_line, AG_WRAP_LIMIT);

    tok("short line\nanother");
    ck_assert_uint_eq(toks.long_lines, 0);
    ck_assert_uint_eq(toks.max_line, 10);
}
END_TEST

START_TEST(test_reuse_and_growth)
{
    /* many tokens: the buffer grows past its first reservation */
    static char big[6001];
    for (size_t i = 0; i < 3000; i++) {
        big[2 * i] = 'a';
        big[2 * i + 1] = ',';
    }
    big[6000] = '\0';
    tok(big);
    ck_assert_uint_eq(toks.n, 6000);
    ck_assert_uint_eq(toks.v[5999].start, 5999);
    ck_assert_uint_eq(toks.v[5999].punct, ',');

    tok("again");
    ck_assert_uint_eq(toks.n, 1);
    ck_assert_uint_eq(toks.v[0].end, 5);
}
END_TEST

START_TEST(test_free_is_safe)
{
    ag_tokens t;
    ag_error err;
    ag_tokens_init(&t);
    ck_assert_uint_eq(t.n, 0);
    ag_tokens_free(&t);                 /* never used */
    ck_assert_int_eq(ag_tokenize("Baku", 4, &t, &err), AG_OK);
    ag_tokens_free(&t);
    ck_assert_uint_eq(t.n, 0);
    ck_assert_ptr_null(t.v);
    ag_tokens_free(&t);                 /* twice */
    ag_tokens_free(NULL);
}
END_TEST

Suite *tokenize_suite(void);
Suite *tokenize_suite(void)
{
    Suite *s = suite_create("tokenize");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_test(core, test_words_and_punctuation);
    tcase_add_loop_test(core, test_token_table, 0, (int)(sizeof tok_cases / sizeof tok_cases[0]));
    tcase_add_test(core, test_keys_fold);
    tcase_add_test(core, test_apostrophe_keys);
    tcase_add_test(core, test_punct_code_points);
    tcase_add_test(core, test_lines_and_max_line);
    tcase_add_test(core, test_long_lines);
    suite_add_tcase(s, core);

    tcase_add_test(errors, test_invalid_bytes);
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_byte_order_mark);
    tcase_add_test(edge, test_empty_text);
    tcase_add_test(edge, test_reuse_and_growth);
    tcase_add_test(edge, test_free_is_safe);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    int rc;
    ag_tokens_init(&toks);
    rc = tu_run(tokenize_suite());
    ag_tokens_free(&toks);
    return rc;
}

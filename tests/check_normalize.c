/*
 * check_normalize.c — UTF-8 folding (normalize.c): ag_fold, ag_fold_equal,
 * ag_utf8_valid and the token keys built on the same fold.
 *
 * Expected values are worked out from the rules in text.h and
 * lexicons/README.md: diacritics stripped (Erdoğan = Erdogan, ß = ss,
 * ə = a), typographic quotes, apostrophes and dashes made ASCII, spaces as
 * ' ', combining marks dropped, invalid bytes as U+FFFD.
 */
#include <string.h>

#include "testutil.h"

#define FFFD "\xEF\xBF\xBD"

/* The folded form of s as a NUL-terminated string (static buffer). */
static const char *fold(const char *s, size_t len, int lower)
{
    static char out[256];
    size_t need = ag_fold(s, len, lower, out, sizeof out);
    ck_assert_uint_lt(need, sizeof out);
    ck_assert_uint_eq(strlen(out), need);
    return out;
}

/* --- ag_fold, one row per spelling --------------------------------------- */

typedef struct {
    const char *in;
    size_t len;           /* 0: strlen(in) */
    const char *cased;    /* ag_fold(..., lower = 0) */
    const char *lower;    /* ag_fold(..., lower = 1) */
} fold_case;

static const fold_case fold_cases[] = {
    { "Erdoğan", 0, "Erdogan", "erdogan" },
    { "İlham Əliyev", 0, "Ilham Aliyev", "ilham aliyev" },
    { "ilham əliyev", 0, "ilham aliyev", "ilham aliyev" },
    { "ılıca", 0, "ilica", "ilica" },                            /* dotless i */
    { "Straße", 0, "Strasse", "strasse" },
    { "GROẞE", 0, "GROSSE", "grosse" },                          /* capital sharp s */
    { "Łódź", 0, "Lodz", "lodz" },
    { "Türkiye", 0, "Turkiye", "turkiye" },
    { "São Tomé and Príncipe", 0, "Sao Tome and Principe", "sao tome and principe" },
    { "Ñuñoa", 0, "Nunoa", "nunoa" },
    { "Øresund Æbeltoft Œuvre", 0, "Oresund AEbeltoft OEuvre", "oresund aebeltoft oeuvre" },
    { "Þingvellir Đakovo", 0, "THingvellir Dakovo", "thingvellir dakovo" },
    { "Việt Nam", 0, "Viet Nam", "viet nam" },                   /* Latin Extended Additional */
    { "Путин", 0, "Путин", "путин" },                            /* Cyrillic keeps its letters */
    { "Ёлка", 0, "Елка", "елка" },                               /* ... but loses diacritics */
    { "MOSCOW", 0, "MOSCOW", "moscow" },
    /* typographic punctuation */
    { "Russia’s", 0, "Russia's", "russia's" },
    { "‘Baku’", 0, "'Baku'", "'baku'" },
    { "“U.S.”", 0, "\"U.S.\"", "\"u.s.\"" },
    { "«non» „ja“", 0, "\"non\" \"ja\"", "\"non\" \"ja\"" },
    { "Armenia–Azerbaijan — talks", 0, "Armenia-Azerbaijan - talks", "armenia-azerbaijan - talks" },
    { "pro‑Russian", 0, "pro-Russian", "pro-russian" },          /* U+2011 non-breaking hyphen */
    { "Ukraine’ʼ", 0, "Ukraine''", "ukraine''" },                /* U+2019 and U+02BC */
    /* spaces and line breaks: each becomes one ' ' */
    { "United\xC2\xA0" "States", 0, "United States", "united states" },  /* NBSP */
    { "a\xE3\x80\x80" "b", 0, "a b", "a b" },                   /* ideographic space */
    { "Tab\there", 0, "Tab here", "tab here" },
    { "one\ntwo", 0, "one two", "one two" },
    { "a\0b", 3, "a b", "a b" },                                 /* NUL is a separator */
    /* combining marks and invisible characters vanish */
    { "Cafe\xCC\x81", 0, "Cafe", "cafe" },                       /* e + U+0301 */
    { "E\xCC\x81" "tienne", 0, "Etienne", "etienne" },
    { "Aze\xC2\xAD" "ri", 0, "Azeri", "azeri" },                 /* soft hyphen */
    { "a\xE2\x80\x8D" "b", 0, "ab", "ab" },                     /* zero-width joiner */
    /* digits of other scripts become ASCII digits */
    { "٢٠٢٣", 0, "2023", "2023" },
    { "ＵＮ１", 0, "UN1", "un1" },                                /* fullwidth forms */
    /* invalid UTF-8: each bad byte is one U+FFFD */
    { "a\xFF" "b", 0, "a" FFFD "b", "a" FFFD "b" },
    { "\xC3", 0, FFFD, FFFD },                                   /* truncated at the end */
    { "\xC0\xAF", 0, FFFD FFFD, FFFD FFFD },                     /* overlong '/' */
    { "\xED\xA0\x80", 0, FFFD FFFD FFFD, FFFD FFFD FFFD },       /* surrogate U+D800 */
    { "", 0, "", "" },
};

START_TEST(test_fold_table)
{
    const fold_case *c = &fold_cases[_i];
    size_t len = c->len ? c->len : strlen(c->in);
    ck_assert_str_eq(fold(c->in, len, 0), c->cased);
    ck_assert_str_eq(fold(c->in, len, 1), c->lower);
}
END_TEST

START_TEST(test_fold_respects_len)
{
    /* only the first len bytes are read, NUL or not */
    ck_assert_str_eq(fold("Erdoğan", 5, 0), "Erdo" FFFD);   /* cuts ğ in half */
    ck_assert_str_eq(fold("Erdoğan", 6, 0), "Erdog");
    ck_assert_str_eq(fold("Baku, Azerbaijan", 4, 1), "baku");
}
END_TEST

/* --- truncation ----------------------------------------------------------- */

START_TEST(test_fold_truncates)
{
    char out[16];
    const char *s = "Erdoğan";   /* 8 bytes, folds to 7 */

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(ag_fold(s, strlen(s), 0, out, 4), 7);
    ck_assert_str_eq(out, "Erd");
    ck_assert_int_eq(out[4], 'X');            /* nothing written past size */

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(ag_fold(s, strlen(s), 1, out, 7), 7);
    ck_assert_str_eq(out, "erdoga");          /* one short: the NUL takes the last byte */

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(ag_fold(s, strlen(s), 0, out, 8), 7);
    ck_assert_str_eq(out, "Erdogan");         /* exact fit */

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(ag_fold(s, strlen(s), 0, out, 1), 7);
    ck_assert_int_eq(out[0], '\0');
    ck_assert_int_eq(out[1], 'X');
}
END_TEST

START_TEST(test_fold_measures_without_writing)
{
    char out[4] = { 'X', 'X', 'X', 'X' };
    /* size 0: only the needed length, the buffer is not touched */
    ck_assert_uint_eq(ag_fold("Straße", strlen("Straße"), 0, out, 0), 7);
    ck_assert_int_eq(out[0], 'X');
    ck_assert_uint_eq(ag_fold("Straße", strlen("Straße"), 0, NULL, 0), 7);
    /* growth and shrinkage of the byte length */
    ck_assert_uint_eq(ag_fold("Þ", strlen("Þ"), 0, NULL, 0), 2);          /* 2 bytes -> "TH" */
    ck_assert_uint_eq(ag_fold("ẞ", strlen("ẞ"), 0, NULL, 0), 2);          /* 3 bytes -> "SS" */
    ck_assert_uint_eq(ag_fold("“", strlen("“"), 0, NULL, 0), 1);          /* 3 bytes -> '"' */
    ck_assert_uint_eq(ag_fold("\xFF\xFE", 2, 0, NULL, 0), 6);              /* 2 bad bytes -> 2 x FFFD */
    ck_assert_uint_eq(ag_fold("", 0, 0, NULL, 0), 0);
}
END_TEST

/* --- ag_fold_equal --------------------------------------------------------- */

typedef struct {
    const char *a, *b;
    int equal;
} pair_case;

static const pair_case equal_cases[] = {
    { "Erdoğan", "Erdogan", 1 },
    { "İlham Əliyev", "Ilham Aliyev", 1 },
    { "Straße", "Strasse", 1 },
    { "Russia’s", "Russia's", 1 },
    { "“U.S.”", "\"U.S.\"", 1 },
    { "Armenia–Azerbaijan", "Armenia-Azerbaijan", 1 },
    { "Café", "Cafe\xCC\x81", 1 },                 /* precomposed = decomposed */
    { "United\xC2\xA0States", "United States", 1 },
    { "Türkiye", "Turkiye", 1 },
    { "", "", 1 },
    { "Erdogan", "erdogan", 0 },                   /* case is kept */
    { "US", "us", 0 },
    { "Aliyev", "Aliev", 0 },
    { "Erdo", "Erdogan", 0 },                      /* a prefix is not equal */
    { "Erdogan", "Erdo", 0 },
    { "", "a", 0 },
    { "Russia's", "Russias", 0 },
    { "a\xFF", "a", 0 },
};

START_TEST(test_fold_equal_table)
{
    const pair_case *c = &equal_cases[_i];
    ck_assert_int_eq(ag_fold_equal(c->a, strlen(c->a), c->b, strlen(c->b)), c->equal);
    ck_assert_int_eq(ag_fold_equal(c->b, strlen(c->b), c->a, strlen(c->a)), c->equal);
}
END_TEST

START_TEST(test_fold_equal_lengths)
{
    ck_assert_int_eq(ag_fold_equal("Erdogan", 4, "Erdo", 4), 1);
    ck_assert_int_eq(ag_fold_equal("Erdogan", 5, "Erdoğan", 5), 0);   /* "Erdog" vs "Erdo" + half of ğ */
    ck_assert_int_eq(ag_fold_equal("Erdogan", 5, "Erdoğan", 6), 1);
    ck_assert_int_eq(ag_fold_equal("a\0b", 3, "a b", 3), 1);
    ck_assert_int_eq(ag_fold_equal("a\0b", 3, "a", 1), 0);
}
END_TEST

/* --- ag_utf8_valid ---------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t len;   /* 0: strlen */
    int valid;
} utf8_case;

static const utf8_case utf8_cases[] = {
    { "plain ASCII", 0, 1 },
    { "", 0, 1 },
    { "Erdoğan İlham Əliyev Łódź", 0, 1 },
    { "\xC2\x80", 0, 1 },                  /* U+0080, smallest 2-byte */
    { "\xDF\xBF", 0, 1 },                  /* U+07FF */
    { "\xE0\xA0\x80", 0, 1 },              /* U+0800, smallest 3-byte */
    { "\xED\x9F\xBF", 0, 1 },              /* U+D7FF, just below the surrogates */
    { "\xEE\x80\x80", 0, 1 },              /* U+E000, just above */
    { "\xEF\xBF\xBF", 0, 1 },              /* U+FFFF */
    { "\xF0\x90\x80\x80", 0, 1 },          /* U+10000, smallest 4-byte */
    { "\xF4\x8F\xBF\xBF", 0, 1 },          /* U+10FFFF, the last code point */
    { "a\0b", 3, 1 },                      /* NUL is valid UTF-8 */
    /* overlong forms */
    { "\xC0\x80", 0, 0 },
    { "\xC1\xBF", 0, 0 },
    { "\xE0\x80\xAF", 0, 0 },
    { "\xE0\x9F\xBF", 0, 0 },
    { "\xF0\x80\x80\xAF", 0, 0 },
    { "\xF0\x8F\xBF\xBF", 0, 0 },
    /* surrogates */
    { "\xED\xA0\x80", 0, 0 },              /* U+D800 */
    { "\xED\xBF\xBF", 0, 0 },              /* U+DFFF */
    { "\xED\xA0\xBD\xED\xB8\x80", 0, 0 },  /* a CESU-8 pair */
    /* beyond U+10FFFF */
    { "\xF4\x90\x80\x80", 0, 0 },          /* U+110000 */
    { "\xF5\x80\x80\x80", 0, 0 },
    { "\xF8\x88\x80\x80\x80", 0, 0 },      /* old 5-byte form */
    { "\xFE", 0, 0 },
    { "\xFF", 0, 0 },
    /* truncated sequences and stray continuation bytes */
    { "\xC3", 0, 0 },
    { "\xE2\x82", 0, 0 },
    { "\xF0\x9F\x98", 0, 0 },
    { "\xE2\x82" "A", 0, 0 },
    { "\x80", 0, 0 },
    { "abc\xBF", 0, 0 },
    { "Erdo\xC4", 0, 0 },
};

START_TEST(test_utf8_valid_table)
{
    const utf8_case *c = &utf8_cases[_i];
    ck_assert_int_eq(ag_utf8_valid(c->s, c->len ? c->len : strlen(c->s)), c->valid);
}
END_TEST

START_TEST(test_utf8_valid_len)
{
    /* a sequence cut by len is truncated even when the bytes go on */
    ck_assert_int_eq(ag_utf8_valid("Erdoğan", 5), 0);
    ck_assert_int_eq(ag_utf8_valid("Erdoğan", 6), 1);
    ck_assert_int_eq(ag_utf8_valid("\xFF", 0), 1);          /* nothing read */
}
END_TEST

/* --- token keys -------------------------------------------------------------- */

static uint64_t key(const char *s)
{
    return ag_token_key(s, strlen(s));
}

static const pair_case key_cases[] = {
    { "Erdoğan", "erdogan", 1 },
    { "ERDOGAN", "erdogan", 1 },
    { "ERDOĞAN", "Erdogan", 1 },
    { "İlham", "ilham", 1 },
    { "ILHAM", "ılham", 1 },
    { "Əliyev", "aliyev", 1 },
    { "Straße", "STRASSE", 1 },
    { "Łódź", "lodz", 1 },
    { "Türkiye", "TURKIYE", 1 },
    { "Café", "cafe\xCC\x81", 1 },
    { "Путин", "ПУТИН", 1 },
    { "’", "'", 1 },
    { "‘", "'", 1 },
    { "“", "\"", 1 },
    { "—", "-", 1 },
    { "–", "-", 1 },
    { "٢٠٢٣", "2023", 1 },
    { "ＵＮ", "un", 1 },
    { "\xFF", FFFD, 1 },
    { "Aliyev", "Aliev", 0 },
    { "Russia", "Russian", 0 },
    { "Georgia", "Georgian", 0 },
    { "a", "b", 0 },
    { "", "a", 0 },
    { "'", "\"", 0 },
    { "-", "'", 0 },
    { "Путин", "Putin", 0 },          /* no transliteration between scripts */
    { "20", "2", 0 },
};

START_TEST(test_token_key_table)
{
    const pair_case *c = &key_cases[_i];
    if (c->equal)
        ck_assert_msg(key(c->a) == key(c->b), "key(\"%s\") != key(\"%s\")", c->a, c->b);
    else
        ck_assert_msg(key(c->a) != key(c->b), "key(\"%s\") == key(\"%s\")", c->a, c->b);
}
END_TEST

START_TEST(test_token_key_len)
{
    ck_assert(ag_token_key("Russian", 6) == key("russia"));
    ck_assert(ag_token_key("Russian", 7) != key("russia"));
    ck_assert(ag_token_key("", 0) == ag_token_key("x", 0));
}
END_TEST

Suite *normalize_suite(void);
Suite *normalize_suite(void)
{
    Suite *s = suite_create("normalize");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_loop_test(core, test_fold_table, 0, (int)(sizeof fold_cases / sizeof fold_cases[0]));
    tcase_add_loop_test(core, test_fold_equal_table, 0, (int)(sizeof equal_cases / sizeof equal_cases[0]));
    tcase_add_loop_test(core, test_token_key_table, 0, (int)(sizeof key_cases / sizeof key_cases[0]));
    suite_add_tcase(s, core);

    tcase_add_loop_test(errors, test_utf8_valid_table, 0, (int)(sizeof utf8_cases / sizeof utf8_cases[0]));
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_fold_respects_len);
    tcase_add_test(edge, test_fold_truncates);
    tcase_add_test(edge, test_fold_measures_without_writing);
    tcase_add_test(edge, test_fold_equal_lengths);
    tcase_add_test(edge, test_utf8_valid_len);
    tcase_add_test(edge, test_token_key_len);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(normalize_suite());
}

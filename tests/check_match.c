/*
 * check_match.c — the matcher (src/match.c): token boundaries, case rules,
 * folding, leftmost-longest over aliases, blockers and patterns, offsets,
 * sentence and paragraph numbers, the pattern budget and kind filtering.
 * Every expected value is worked out by hand from lexicons/README.md.
 */
#include <string.h>

#include "testutil.h"

#define NAMES (1u << AG_KIND_NAME)
#define ALL 0u   /* tu_mentions: 0 means every kind */

/* A small purpose-built gazetteer: every actor is here for some test. */
static const char *const LEX_JSON =
    "{\"lexicon\": \"match\", \"version\": 1, \"actors\": ["
    "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\","
    " \"names\": [\"Azerbaijan\"], \"metonyms\": [\"Baku\"], \"demonyms\": [\"Azerbaijani\", \"Azeri\"]},"
    "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\","
    " \"names\": [\"Armenia\"], \"metonyms\": [\"Yerevan\"], \"demonyms\": [\"Armenian\"]},"
    "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\","
    " \"names\": [\"Russia\", \"Russian Federation\"], \"metonyms\": [\"Moscow\", \"Kremlin\"],"
    " \"demonyms\": [\"Russian\"]},"
    "{\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\","
    " \"names\": [\"United States\", \"U.S.\", \"US\", \"America\"], \"metonyms\": [\"Washington\"],"
    " \"not\": [\"Washington Post\"]},"
    "{\"id\": \"GEO\", \"label\": \"Georgia\", \"type\": \"state\","
    " \"names\": [\"Georgia\"], \"demonyms\": [\"Georgian\"]},"
    "{\"id\": \"PNG\", \"label\": \"Papua New Guinea\", \"type\": \"state\", \"names\": [\"Papua New Guinea\"]},"
    "{\"id\": \"GIN\", \"label\": \"Guinea\", \"type\": \"state\", \"names\": [\"Guinea\"]},"
    "{\"id\": \"GNB\", \"label\": \"Guinea-Bissau\", \"type\": \"state\", \"names\": [\"Guinea-Bissau\"]},"
    "{\"id\": \"NER\", \"label\": \"Niger\", \"type\": \"state\", \"names\": [\"Niger\"]},"
    "{\"id\": \"CIV\", \"label\": \"Côte d'Ivoire\", \"type\": \"state\", \"names\": [\"Côte d'Ivoire\"]},"
    "{\"id\": \"UN\", \"label\": \"United Nations\", \"type\": \"org\", \"names\": [\"United Nations\", \"UN\"]},"
    "{\"id\": \"UNSC\", \"label\": \"UN Security Council\", \"type\": \"org\", \"names\": [\"UN Security Council\"]},"
    "{\"id\": \"al-qaeda\", \"label\": \"al-Qaeda\", \"type\": \"org\", \"names\": [\"al-Qaeda\"]},"
    "{\"id\": \"ISIS\", \"label\": \"Islamic State\", \"type\": \"org\", \"names\": [\"Islamic State\"]},"
    "{\"id\": \"ISKP\", \"label\": \"Islamic State Khorasan Province\", \"type\": \"org\","
    " \"patterns\": [\"Islamic State[- ]Khorasan(?: Province)?\"]},"
    "{\"id\": \"hezbollah\", \"label\": \"Hezbollah\", \"type\": \"org\", \"patterns\": [\"H[ei]z?b[ou]llah\"]},"
    "{\"id\": \"recep-tayyip-erdogan\", \"label\": \"Recep Tayyip Erdoğan\", \"type\": \"leader\","
    " \"names\": [\"Recep Tayyip Erdoğan\"], \"short\": [\"Erdogan\"], \"short_default\": true},"
    "{\"id\": \"samantha-power\", \"label\": \"Samantha Power\", \"type\": \"leader\","
    " \"names\": [\"Samantha Power\"], \"short\": [\"Power\"], \"affiliation\": \"USA\"}"
    "]}";

static ag_lexicon *lex;

static void lex_setup(void)
{
    lex = tu_lexicon(LEX_JSON);
}

static void lex_teardown(void)
{
    ag_lexicon_free(lex);
    lex = NULL;
}

typedef struct {
    const char *text;
    unsigned kinds;        /* AG_KINDS_*, ALL (0) for every kind */
    const char *want;      /* tu_mentions() rendering */
} mention_case;

static void check_case(const mention_case *c)
{
    const char *got = tu_mentions(lex, c->text, c->kinds);
    ck_assert_msg(strcmp(got, c->want) == 0, "text \"%s\": want \"%s\", got \"%s\"", c->text, c->want, got);
}

/* --- token boundaries ----------------------------------------------------- */

static const mention_case boundary_cases[] = {
    { "Armenia-Azerbaijan talks resumed.", ALL, "ARM:n:Armenia|AZE:n:Azerbaijan" },
    { "A pro-Russian party won.", ALL, "RUS:d:Russian" },
    { "Russia’s army moved.", ALL, "RUS:n:Russia" },
    { "Russia's army moved.", ALL, "RUS:n:Russia" },
    { "Nigeria and Niger signed.", ALL, "NER:n:Niger" },
    { "Nigerian troops left.", ALL, "" },
    { "Georgian wine sells well.", ALL, "GEO:d:Georgian" },
    { "Georgian wine sells well.", NAMES, "" },
    { "Georgia voted.", NAMES, "GEO:n:Georgia" },
    { "Azerbaijanis voted.", ALL, "" },
    { "The Russian Federation and Russia.", ALL, "RUS:n:Russian Federation|RUS:n:Russia" },
    { "(Armenia)", ALL, "ARM:n:Armenia" },
    { "United  States", ALL, "USA:n:United  States" },
};

START_TEST(test_token_boundaries)
{
    check_case(&boundary_cases[_i]);
}
END_TEST

/* --- case ----------------------------------------------------------------- */

static const mention_case case_cases[] = {
    /* lower-case "power" is never Samantha Power */
    { "Samantha Power spoke about power.", ALL, "samantha-power:n:Samantha Power" },
    { "Samantha Power spoke. Power said more.", ALL, "samantha-power:n:Samantha Power|samantha-power:s:Power" },
    { "Let us talk to the US today.", ALL, "USA:n:US" },
    { "Tell us more.", ALL, "" },
    { "Us and them.", ALL, "" },
    { "the usa", ALL, "" },
    { "russia and armenia", ALL, "" },
    /* an all-caps line ignores case */
    { "RUSSIA WARNS AZERBAIJAN\nArmenia said nothing.", ALL,
      "RUS:n:RUSSIA|AZE:n:AZERBAIJAN|ARM:n:Armenia" },
    { "KREMLIN REJECTS GEORGIAN OFFER", ALL, "RUS:m:KREMLIN|GEO:d:GEORGIAN" },
    { "AL-QAEDA CLAIMS ATTACK", ALL, "al-qaeda:n:AL-QAEDA" },
    /* a run of three or more all-caps words inside a mixed line */
    { "He wrote: \"RUSSIA MUST STOP NOW\" on Monday.", ALL, "RUS:n:RUSSIA" },
    { "He wrote: \"STOP RUSSIA NOW\" on Monday.", ALL, "RUS:n:RUSSIA" },
    /* one or two all-caps words in a mixed line keep their case */
    { "Talks with RUSSIA stalled.", ALL, "" },
    { "Talks with RUSSIA and AZERBAIJAN stalled.", ALL, "" },
    { "He shouted NO RUSSIA at them.", ALL, "" },
    /* an alias starting lower case also matches capitalised */
    { "Al-Qaeda claimed it.", ALL, "al-qaeda:n:Al-Qaeda" },
    { "Experts on al-Qaeda met.", ALL, "al-qaeda:n:al-Qaeda" },
    { "Experts on al-qaeda met.", ALL, "" },
    { "Experts on Al-qaeda met.", ALL, "" },
    /* ... but an upper-case alias never matches lower case */
    { "Experts on armenia met.", ALL, "" },
};

START_TEST(test_case_rules)
{
    check_case(&case_cases[_i]);
}
END_TEST

/* --- folding -------------------------------------------------------------- */

static const mention_case fold_cases[] = {
    { "Erdoğan spoke.", ALL, "recep-tayyip-erdogan:s:Erdoğan" },
    { "Erdogan spoke.", ALL, "recep-tayyip-erdogan:s:Erdogan" },
    { "Recep Tayyip Erdogan spoke.", ALL, "recep-tayyip-erdogan:n:Recep Tayyip Erdogan" },
    { "Recep Tayyip Erdoğan spoke.", ALL, "recep-tayyip-erdogan:n:Recep Tayyip Erdoğan" },
    { "Officials said “U.S.” forces left.", ALL, "USA:n:U.S." },
    { "Officials said \"U.S.\" forces left.", ALL, "USA:n:U.S." },
    { "Guinea–Bissau voted.", ALL, "GNB:n:Guinea–Bissau" },
    { "Guinea—Bissau voted.", ALL, "GNB:n:Guinea—Bissau" },
    { "Guinea-Bissau voted.", ALL, "GNB:n:Guinea-Bissau" },
    { "Cote d’Ivoire voted.", ALL, "CIV:n:Cote d’Ivoire" },
    { "Côte d'Ivoire voted.", ALL, "CIV:n:Côte d'Ivoire" },
    { "Cote d'ivoire voted.", ALL, "" },
};

START_TEST(test_folding)
{
    check_case(&fold_cases[_i]);
}
END_TEST

/* --- leftmost-longest ----------------------------------------------------- */

static const mention_case longest_cases[] = {
    { "Papua New Guinea voted.", ALL, "PNG:n:Papua New Guinea" },
    { "Guinea-Bissau and Guinea voted.", ALL, "GNB:n:Guinea-Bissau|GIN:n:Guinea" },
    { "The UN Security Council and the UN met.", ALL, "UNSC:n:UN Security Council|UN:n:UN" },
    { "The UN Security council met.", ALL, "UN:n:UN" },
    { "The Washington Post reported it.", ALL, "" },
    { "The Washington Post reported that Washington will respond.", ALL, "USA:m:Washington" },
    { "Washington said the Washington Post lied.", ALL, "USA:m:Washington" },
    /* a pattern match longer than the literal at the same start wins */
    { "Islamic State Khorasan Province claimed it.", ALL, "ISKP:p:Islamic State Khorasan Province" },
    { "Islamic State-Khorasan claimed it.", ALL, "ISKP:p:Islamic State-Khorasan" },
    { "Islamic State claimed it.", ALL, "ISIS:n:Islamic State" },
    /* patterns match on token boundaries only */
    { "Hezbollah and Hizbullah fired.", ALL, "hezbollah:p:Hezbollah|hezbollah:p:Hizbullah" },
    { "A pro-Hezbollah rally.", ALL, "hezbollah:p:Hezbollah" },
    { "Hezbollahs fired.", ALL, "" },
    { "AntiHezbollah fired.", ALL, "" },
    { "Hezbollahs and Hezbollah.", ALL, "hezbollah:p:Hezbollah" },
};

START_TEST(test_leftmost_longest)
{
    check_case(&longest_cases[_i]);
}
END_TEST

START_TEST(test_blocker_counted)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char *text = "The Washington Post said Washington and the Washington Post disagree.";

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_uint_eq(r.mentions[0].start, 25);
    ck_assert_uint_eq(r.mentions[0].end, 35);
    ck_assert_uint_eq(r.blocked, 2);
    ag_scanner_free(s);
}
END_TEST

/* --- offsets, sentences, paragraphs -------------------------------------- */

START_TEST(test_offsets)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char *text = "Erdoğan visited Azerbaijan. “U.S.” envoys and Guinea–Bissau.";

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 4);
    /* Erdoğan: 6 ASCII bytes + ğ (2 bytes) */
    ck_assert_uint_eq(r.mentions[0].start, 0);
    ck_assert_uint_eq(r.mentions[0].end, 8);
    ck_assert_int_eq(r.mentions[0].kind, AG_KIND_SHORT);
    ck_assert_uint_eq(r.mentions[0].token, 0);
    ck_assert_uint_eq(r.mentions[0].token_end, 1);
    ck_assert_uint_eq(r.mentions[1].start, 17);
    ck_assert_uint_eq(r.mentions[1].end, 27);
    ck_assert_uint_eq(r.mentions[1].actor, ag_lexicon_find(lex, "AZE"));
    ck_assert_uint_eq(r.mentions[1].token, 2);
    ck_assert_uint_eq(r.mentions[1].token_end, 3);
    /* ". " then “ (3 bytes at 29), then U.S. = 4 tokens */
    ck_assert_uint_eq(r.mentions[2].start, 32);
    ck_assert_uint_eq(r.mentions[2].end, 36);
    ck_assert_uint_eq(r.mentions[2].token, 5);
    ck_assert_uint_eq(r.mentions[2].token_end, 9);
    ck_assert_str_eq(ag_lexicon_alias(lex, r.mentions[2].alias)->text, "U.S.");
    /* ” (3 bytes) " envoys and " then Guinea–Bissau: 6 + 3 + 6 bytes */
    ck_assert_uint_eq(r.mentions[3].start, 51);
    ck_assert_uint_eq(r.mentions[3].end, 66);
    ck_assert_str_eq(ag_lexicon_alias(lex, r.mentions[3].alias)->text, "Guinea-Bissau");
    ag_scanner_free(s);
}
END_TEST

static const mention_case sentence_cases[] = {
    { "Russia spoke. Armenia replied.\n\nAzerbaijan waited. Then Georgia.", ALL, "RUS@0|ARM@1|AZE@2|GEO@3" },
    { "Russia and Armenia spoke! Did Azerbaijan? Yes, Georgia.", ALL, "RUS@0|ARM@0|AZE@1|GEO@2" },
    { "U.S. officials met Armenia. Russia waited.", ALL, "USA@0|ARM@0|RUS@1" },
    { "Russia\nArmenia\nAzerbaijan", ALL, "RUS@0|ARM@1|AZE@2" },
};

START_TEST(test_sentences)
{
    const mention_case *c = &sentence_cases[_i];
    const char *got = tu_mention_sentences(lex, c->text);
    ck_assert_msg(strcmp(got, c->want) == 0, "text \"%s\": want \"%s\", got \"%s\"", c->text, c->want, got);
}
END_TEST

START_TEST(test_paragraphs)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char *text = "Russia spoke. Armenia replied.\n\nAzerbaijan waited.\n    Georgia too.";

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 4);
    ck_assert_uint_eq(r.mentions[0].paragraph, 0);
    ck_assert_uint_eq(r.mentions[1].paragraph, 0);
    ck_assert_uint_eq(r.mentions[1].sentence, 1);
    ck_assert_uint_eq(r.mentions[2].paragraph, 1);
    ck_assert_uint_eq(r.mentions[2].sentence, 2);
    ck_assert_uint_eq(r.mentions[3].paragraph, 2);
    ck_assert_uint_eq(r.mentions[3].sentence, 3);
    ck_assert_uint_eq(r.sentences, 4);
    ck_assert_uint_eq(r.paragraphs, 3);
    ag_scanner_free(s);
}
END_TEST

/* Hard-wrapped text (three lines or more, none over 100 bytes, the longest
 * at least 40): a line break inside a paragraph is only whitespace. */
static const char WRAPPED[] =
    "Officials from several Pacific states met on Monday with the\n"
    "leaders of the Pacific Islands Forum, of Fiji and of Papua New\n"
    "Guinea to discuss the fisheries agreement signed last year\n"
    "in the region.\n";

static const char WRAPPED_BREAK[] =
    "Officials from several Pacific states met on Monday with the\n"
    "leaders of Papua New\n"
    "\n"
    "Guinea and Fiji to discuss the fisheries agreement signed\n"
    "last year in the region.\n";

START_TEST(test_line_break_inside_alias)
{
    ck_assert_str_eq(tu_mentions(lex, WRAPPED, ALL), "PNG:n:Papua New\nGuinea");
    ck_assert_str_eq(tu_mention_sentences(lex, WRAPPED), "PNG@0");
    ck_assert_str_eq(tu_mentions(lex, WRAPPED_BREAK, ALL), "GIN:n:Guinea");
    ck_assert_str_eq(tu_mention_sentences(lex, WRAPPED_BREAK), "GIN@1");
}
END_TEST

/* --- kinds ---------------------------------------------------------------- */

static const mention_case kind_cases[] = {
    { "Russian troops left Russia for Moscow's bases.", AG_KINDS_ALL,
      "RUS:d:Russian|RUS:n:Russia|RUS:m:Moscow" },
    { "Russian troops left Russia for Moscow's bases.", AG_KINDS_DEFAULT, "RUS:n:Russia|RUS:m:Moscow" },
    { "Russian troops left Russia for Moscow's bases.", NAMES, "RUS:n:Russia" },
    { "Russian troops left Russia for Moscow's bases.", 1u << AG_KIND_DEMONYM, "RUS:d:Russian" },
    { "Erdogan met Hezbollah in Armenia.", AG_KINDS_DEFAULT,
      "recep-tayyip-erdogan:s:Erdogan|hezbollah:p:Hezbollah|ARM:n:Armenia" },
    { "Erdogan met Hezbollah in Armenia.", 1u << AG_KIND_PATTERN, "hezbollah:p:Hezbollah" },
    { "Erdogan met Hezbollah in Armenia.", 1u << AG_KIND_SHORT, "recep-tayyip-erdogan:s:Erdogan" },
};

START_TEST(test_kinds)
{
    check_case(&kind_cases[_i]);
}
END_TEST

START_TEST(test_default_options)
{
    /* NULL options are AG_MATCH_OPTIONS_INIT: demonyms do not count */
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char *text = "Azerbaijani and Armenian leaders met in Azerbaijan.";

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_uint_eq(r.mentions[0].actor, ag_lexicon_find(lex, "AZE"));
    ck_assert_int_eq(r.mentions[0].kind, AG_KIND_NAME);
    ck_assert_uint_eq(r.mentions[0].start, 40);
    ag_scanner_free(s);
}
END_TEST

/* --- patterns: the backtracking budget ----------------------------------- */

static const char *const REDOS_JSON =
    "{\"lexicon\": \"redos\", \"version\": 1, \"actors\": ["
    "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]},"
    "{\"id\": \"redos\", \"label\": \"Redos\", \"type\": \"org\", \"patterns\": [\"(a+)+$\"]}"
    "]}";

START_TEST(test_pattern_limit)
{
    ag_lexicon *rlex = tu_lexicon(REDOS_JSON);
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    char text[128];

    /* "Russia " + 64 × 'a' + "b": (a+)+$ backtracks exponentially */
    memcpy(text, "Russia ", 7);
    memset(text + 7, 'a', 64);
    text[71] = 'b';
    text[72] = '\0';
    ck_assert_int_eq(ag_scanner_new(rlex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), &r, &err), AG_OK);
    ck_assert_uint_eq(r.pattern_limits, 1);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_uint_eq(r.mentions[0].start, 0);
    ck_assert_uint_eq(r.mentions[0].end, 6);

    /* the same scanner goes on normally, and the pattern still matches */
    ck_assert_int_eq(ag_scanner_scan(s, "Russia aaa", 10, &r, &err), AG_OK);
    ck_assert_uint_eq(r.pattern_limits, 0);
    ck_assert_uint_eq(r.n_mentions, 2);
    ck_assert_uint_eq(r.mentions[1].actor, ag_lexicon_find(rlex, "redos"));
    ck_assert_int_eq(r.mentions[1].kind, AG_KIND_PATTERN);
    ck_assert_uint_eq(r.mentions[1].start, 7);
    ck_assert_uint_eq(r.mentions[1].end, 10);
    ag_scanner_free(s);
    ag_lexicon_free(rlex);
}
END_TEST

/* --- patterns: word boundaries and paragraphs ---------------------------- */

static const char *const PATTERN_JSON =
    "{\"lexicon\": \"patterns\", \"version\": 1, \"actors\": ["
    "{\"id\": \"ISIS\", \"label\": \"Islamic State\", \"type\": \"org\", \"patterns\": [\"ISIS(?:-K)?\"]},"
    "{\"id\": \"PNG\", \"label\": \"Papua New Guinea\", \"type\": \"state\","
    " \"patterns\": [\"Papua New\\\\s+Guinea\"]}"
    "]}";

static const mention_case pattern_cases[] = {
    /* the greedy "ISIS-K" would end inside "Khorasan": PCRE2 backtracks to
       the match that ends on a token boundary */
    { "ISIS-Khorasan claimed it.", ALL, "ISIS:p:ISIS" },
    { "ISIS-K claimed it.", ALL, "ISIS:p:ISIS-K" },
    { "ISIS claimed it.", ALL, "ISIS:p:ISIS" },
    { "ISISK claimed it.", ALL, "" },
    /* a pattern never spans a paragraph break (an empty line), though \s
       would take it */
    { "They flew to Papua New\n\nGuinea's capital.", ALL, "" },
    { "They flew to Papua New  Guinea's capital.", ALL, "PNG:p:Papua New  Guinea" },
    /* a soft line break of hard-wrapped text is inside the paragraph */
    { "Officials from several Pacific states met on Monday with the\n"
      "leaders of the Pacific Islands Forum, of Fiji and of Papua New\n"
      "Guinea to discuss the fisheries agreement signed last year\n"
      "in the region.\n", ALL, "PNG:p:Papua New\nGuinea" },
};

START_TEST(test_pattern_boundaries)
{
    ag_lexicon *plex = tu_lexicon(PATTERN_JSON);
    const mention_case *c = &pattern_cases[_i];
    const char *got = tu_mentions(plex, c->text, c->kinds);
    ck_assert_msg(strcmp(got, c->want) == 0, "text \"%s\": want \"%s\", got \"%s\"", c->text, c->want, got);
    ag_lexicon_free(plex);
}
END_TEST

/* --- errors --------------------------------------------------------------- */

START_TEST(test_uncompiled_lexicon)
{
    ag_lexicon *l = NULL;
    ag_scanner *s = (ag_scanner *)&s;   /* must come back NULL */
    ag_error err;
    const char *json = "{\"lexicon\": \"x\", \"version\": 1, \"actors\": ["
                       "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]}]}";

    ck_assert_int_eq(ag_lexicon_new(&l, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(l, "x.json", json, strlen(json), &err), AG_OK);
    ck_assert_int_eq(ag_scanner_new(l, NULL, &s, &err), AG_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(err.status, AG_EINVAL);
    ag_lexicon_free(l);
}
END_TEST

START_TEST(test_text_too_long)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    /* the length is refused before a byte is read */
    ck_assert_int_eq(ag_scanner_scan(s, "Russia", AG_TEXT_MAX + 1, &r, &err), AG_ELIMIT);
    ck_assert_uint_eq(r.n_mentions, 0);
    /* and the scanner still works */
    ck_assert_int_eq(ag_scanner_scan(s, "Russia", 6, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 1);
    ag_scanner_free(s);
}
END_TEST

START_TEST(test_bad_pattern)
{
    ag_error err;
    const char *json = "{\"lexicon\": \"x\", \"version\": 1, \"actors\": ["
                       "{\"id\": \"X\", \"label\": \"X\", \"type\": \"org\", \"patterns\": [\"Hez(bollah\"]}]}";
    ck_assert_int_eq(tu_lexicon_status(json, &err), AG_EPATTERN);
    ck_assert_int_eq(err.status, AG_EPATTERN);
}
END_TEST

START_TEST(test_alias_without_tokens)
{
    ag_error err;
    const char *json = "{\"lexicon\": \"x\", \"version\": 1, \"actors\": ["
                       "{\"id\": \"X\", \"label\": \"X\", \"type\": \"org\", \"names\": [\"   \"]}]}";
    ck_assert_int_eq(tu_lexicon_status(json, &err), AG_ESCHEMA);
}
END_TEST

/* --- edge ----------------------------------------------------------------- */

START_TEST(test_empty_text)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, "", 0, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 0);
    ck_assert_uint_eq(r.tokens, 0);
    ck_assert_uint_eq(r.sentences, 0);
    ck_assert_uint_eq(r.paragraphs, 0);
    ck_assert_int_eq(ag_scanner_scan(s, " \n\n \t", 5, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 0);
    ck_assert_uint_eq(r.sentences, 0);
    ag_scanner_free(s);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    /* Literal names only (patterns: test_invalid_utf8_patterns). */
    static const char *json =
        "{\"lexicon\": \"lit\", \"version\": 1, \"actors\": ["
        "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]},"
        "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]}]}";
    ag_lexicon *l = tu_lexicon(json);
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char text[] = "Russia\xff" "Armenia \xc3 Russia\xe2\x80";

    ck_assert_int_eq(ag_scanner_new(l, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, text, sizeof text - 1, &r, &err), AG_OK);
    ck_assert_uint_eq(r.invalid_bytes, 4);
    ck_assert_uint_eq(r.n_mentions, 3);
    ck_assert_uint_eq(r.mentions[0].start, 0);
    ck_assert_uint_eq(r.mentions[0].end, 6);
    ck_assert_uint_eq(r.mentions[1].start, 7);
    ck_assert_uint_eq(r.mentions[1].end, 14);
    ck_assert_uint_eq(r.mentions[2].start, 17);
    ck_assert_uint_eq(r.mentions[2].end, 23);
    ag_scanner_free(s);
    ag_lexicon_free(l);
}
END_TEST

/* Patterns over text with invalid UTF-8 run on a copy with '?' for each
 * bad byte: the offsets are those of the original. (Run this suite under
 * valgrind: PCRE2's JIT reads ahead of the subject, which must be padded.) */
START_TEST(test_invalid_utf8_patterns)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;
    const char text[] = "Russia\xff" "Hezbollah \xc3 Hizbullah\xe2\x80";

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    for (int round = 0; round < 2; round++) {     /* the second time on the scanner's reused buffer */
        ck_assert_int_eq(ag_scanner_scan(s, text, sizeof text - 1, &r, &err), AG_OK);
        ck_assert_uint_eq(r.invalid_bytes, 4);
        ck_assert_uint_eq(r.n_mentions, 3);
        ck_assert_uint_eq(r.mentions[0].actor, ag_lexicon_find(lex, "RUS"));
        ck_assert_uint_eq(r.mentions[0].start, 0);
        ck_assert_uint_eq(r.mentions[0].end, 6);
        ck_assert_uint_eq(r.mentions[1].actor, ag_lexicon_find(lex, "hezbollah"));
        ck_assert_int_eq(r.mentions[1].kind, AG_KIND_PATTERN);
        ck_assert_uint_eq(r.mentions[1].start, 7);
        ck_assert_uint_eq(r.mentions[1].end, 16);
        ck_assert_uint_eq(r.mentions[2].actor, ag_lexicon_find(lex, "hezbollah"));
        ck_assert_int_eq(r.mentions[2].kind, AG_KIND_PATTERN);
        ck_assert_uint_eq(r.mentions[2].start, 19);
        ck_assert_uint_eq(r.mentions[2].end, 28);
    }
    /* a longer valid text after it, then the short one again */
    ck_assert_int_eq(ag_scanner_scan(s, "Hezbollah and Hizbullah and Hezbollah.", 38, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 3);
    ck_assert_uint_eq(r.mentions[2].start, 28);
    ck_assert_int_eq(ag_scanner_scan(s, "Hizbullah\xff", 10, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_uint_eq(r.mentions[0].end, 9);
    ag_scanner_free(s);
}
END_TEST

START_TEST(test_text_not_terminated)
{
    /* only len bytes are read: "Russian" cut to "Russia" is a name */
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, "Russian", 6, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_int_eq(r.mentions[0].kind, AG_KIND_NAME);
    ck_assert_uint_eq(r.mentions[0].end, 6);
    ag_scanner_free(s);
}
END_TEST

START_TEST(test_results_replaced)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_error err;

    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, "Russia, Armenia, Georgia.", 25, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 3);
    ck_assert_int_eq(ag_scanner_scan(s, "Nothing here. Or here.", 22, &r, &err), AG_OK);
    ck_assert_uint_eq(r.n_mentions, 0);
    ck_assert_uint_eq(r.sentences, 2);
    ck_assert_uint_eq(r.tokens, 6);
    ag_scanner_free(s);
}
END_TEST

static const mention_case edge_cases[] = {
    { "Russia", ALL, "RUS:n:Russia" },
    { "Papua New", ALL, "" },
    { "Papua New Guinea-Bissau", ALL, "PNG:n:Papua New Guinea" },
    { "UN Security", ALL, "UN:n:UN" },
    { "U.S", ALL, "" },
};

START_TEST(test_edge_table)
{
    check_case(&edge_cases[_i]);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *match_suite(void);
Suite *match_suite(void)
{
    Suite *s = suite_create("match");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_unchecked_fixture(core, lex_setup, lex_teardown);
    tcase_add_loop_test(core, test_token_boundaries, 0, N(boundary_cases));
    tcase_add_loop_test(core, test_case_rules, 0, N(case_cases));
    tcase_add_loop_test(core, test_folding, 0, N(fold_cases));
    tcase_add_loop_test(core, test_leftmost_longest, 0, N(longest_cases));
    tcase_add_test(core, test_blocker_counted);
    tcase_add_test(core, test_offsets);
    tcase_add_loop_test(core, test_sentences, 0, N(sentence_cases));
    tcase_add_test(core, test_paragraphs);
    tcase_add_test(core, test_line_break_inside_alias);
    tcase_add_loop_test(core, test_kinds, 0, N(kind_cases));
    tcase_add_test(core, test_default_options);
    tcase_add_test(core, test_pattern_limit);
    tcase_add_loop_test(core, test_pattern_boundaries, 0, N(pattern_cases));
    suite_add_tcase(s, core);

    tcase_add_unchecked_fixture(errors, lex_setup, lex_teardown);
    tcase_add_test(errors, test_uncompiled_lexicon);
    tcase_add_test(errors, test_text_too_long);
    tcase_add_test(errors, test_bad_pattern);
    tcase_add_test(errors, test_alias_without_tokens);
    suite_add_tcase(s, errors);

    tcase_add_unchecked_fixture(edge, lex_setup, lex_teardown);
    tcase_add_test(edge, test_empty_text);
    tcase_add_test(edge, test_invalid_utf8);
    tcase_add_test(edge, test_invalid_utf8_patterns);
    tcase_add_test(edge, test_text_not_terminated);
    tcase_add_test(edge, test_results_replaced);
    tcase_add_loop_test(edge, test_edge_table, 0, N(edge_cases));
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(match_suite());
}

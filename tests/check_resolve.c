/*
 * check_resolve.c — the document-context rules (src/resolve.c): short
 * names (most recent full name, short_default, unresolved), the given-name
 * guard, titles and sentence openers that do not block, metonyms acting or
 * naming a place, media outlets, and one-word names that are given names.
 * Every expected value is worked out by hand from lexicons/README.md.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static const char *const LEX_JSON =
    "{\"lexicon\": \"resolve\", \"version\": 1, \"actors\": ["
    "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"], \"metonyms\": [\"Baku\"], \"demonyms\": [\"Azerbaijani\"]},"
    "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"], \"metonyms\": [\"Yerevan\"]},"
    "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"], \"metonyms\": [\"Moscow\", \"Kremlin\"], \"demonyms\": [\"Russian\"]},"
    "{\"id\": \"UKR\", \"label\": \"Ukraine\", \"type\": \"state\", \"names\": [\"Ukraine\"], \"metonyms\": [\"Kyiv\"]},"
    "{\"id\": \"IRN\", \"label\": \"Iran\", \"type\": \"state\", \"names\": [\"Iran\"], \"metonyms\": [\"Tehran\"]},"
    "{\"id\": \"KGZ\", \"label\": \"Kyrgyzstan\", \"type\": \"state\", \"names\": [\"Kyrgyzstan\"], \"metonyms\": [\"Bishkek\"]},"
    "{\"id\": \"TUR\", \"label\": \"Turkey\", \"type\": \"state\", \"names\": [\"Turkey\"], \"metonyms\": [\"Ankara\"]},"
    "{\"id\": \"ISR\", \"label\": \"Israel\", \"type\": \"state\", \"names\": [\"Israel\"]},"
    "{\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\", \"names\": [\"United States\", \"America\"], \"metonyms\": [\"Washington\", \"White House\"], \"not\": [\"Washington Post\"]},"
    "{\"id\": \"TCD\", \"label\": \"Chad\", \"type\": \"state\", \"names\": [\"Chad\"]},"
    "{\"id\": \"JOR\", \"label\": \"Jordan\", \"type\": \"state\", \"names\": [\"Jordan\"]},"
    "{\"id\": \"SDN\", \"label\": \"Sudan\", \"type\": \"state\", \"names\": [\"Sudan\"]},"
    "{\"id\": \"FRA\", \"label\": \"France\", \"type\": \"state\", \"names\": [\"France\"], \"metonyms\": [\"Paris\"]},"
    "{\"id\": \"kim-jong-un\", \"label\": \"Kim Jong Un\", \"type\": \"leader\", \"names\": [\"Kim Jong Un\"], \"short\": [\"Kim\"], \"short_default\": true},"
    "{\"id\": \"yuri-kim\", \"label\": \"Yuri Kim\", \"type\": \"leader\", \"names\": [\"Yuri Kim\"], \"short\": [\"Kim\"], \"affiliation\": \"USA\"},"
    "{\"id\": \"ilham-aliyev\", \"label\": \"Ilham Aliyev\", \"type\": \"leader\", \"names\": [\"Ilham Aliyev\"], \"short\": [\"Aliyev\"], \"short_default\": true, \"affiliation\": \"AZE\"},"
    "{\"id\": \"heydar-aliyev\", \"label\": \"Heydar Aliyev\", \"type\": \"leader\", \"names\": [\"Heydar Aliyev\"], \"short\": [\"Aliyev\"], \"affiliation\": \"AZE\"},"
    "{\"id\": \"stephen-miller\", \"label\": \"Stephen Miller\", \"type\": \"leader\", \"names\": [\"Stephen Miller\"], \"short\": [\"Miller\"], \"affiliation\": \"USA\"},"
    "{\"id\": \"chris-miller\", \"label\": \"Chris Miller\", \"type\": \"leader\", \"names\": [\"Chris Miller\"], \"short\": [\"Miller\"], \"affiliation\": \"USA\"},"
    "{\"id\": \"vladimir-putin\", \"label\": \"Vladimir Putin\", \"type\": \"leader\", \"names\": [\"Vladimir Putin\"], \"short\": [\"Putin\"], \"short_default\": true, \"affiliation\": \"RUS\"},"
    "{\"id\": \"sergey-lavrov\", \"label\": \"Sergey Lavrov\", \"type\": \"leader\", \"names\": [\"Sergey Lavrov\"], \"short\": [\"Lavrov\"], \"short_default\": true, \"affiliation\": \"RUS\"},"
    "{\"id\": \"bashar-al-assad\", \"label\": \"Bashar al-Assad\", \"type\": \"leader\", \"names\": [\"Bashar al-Assad\"], \"short\": [\"Assad\"], \"short_default\": true}"
    "]}";

static ag_lexicon *lex;
static ag_scanner *scan_default;   /* every kind, metonym places dropped */
static ag_scanner *scan_places;    /* every kind, metonym places counted */

static void setup(void)
{
    ag_match_options opts = AG_MATCH_OPTIONS_INIT;
    ag_error err;

    lex = tu_lexicon(LEX_JSON);
    opts.kinds = AG_KINDS_ALL;
    ck_assert_int_eq(ag_scanner_new(lex, &opts, &scan_default, &err), AG_OK);
    opts.metonym_places = 1;
    ck_assert_int_eq(ag_scanner_new(lex, &opts, &scan_places, &err), AG_OK);
}

static void teardown(void)
{
    ag_scanner_free(scan_default);
    ag_scanner_free(scan_places);
    ag_lexicon_free(lex);
    scan_default = scan_places = NULL;
    lex = NULL;
}

/* Scans text and renders its mentions as tu_mentions() does. */
static const char *scan(ag_scanner *s, const char *text, ag_scan_result *r)
{
    static char out[4096];
    static const char letters[] = "nsmdp";
    ag_error err;
    size_t n = 0;

    out[0] = '\0';
    ck_assert_int_eq(ag_scanner_scan(s, text, strlen(text), r, &err), AG_OK);
    for (size_t i = 0; i < r->n_mentions && n < sizeof out; i++) {
        const ag_mention *m = &r->mentions[i];
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s:%c:%.*s", i ? "|" : "",
                              ag_lexicon_actor(lex, m->actor)->id, letters[m->kind],
                              (int)(m->end - m->start), text + m->start);
    }
    return out;
}

typedef struct {
    const char *text;
    const char *want;
    size_t unresolved, guarded, blocked, places;
} rcase;

static void check(const rcase *c)
{
    ag_scan_result r;
    const char *got = scan(scan_default, c->text, &r);

    ck_assert_msg(strcmp(got, c->want) == 0, "text \"%s\": want \"%s\", got \"%s\"", c->text, c->want, got);
    ck_assert_msg(r.n_unresolved == c->unresolved, "text \"%s\": %zu unresolved, want %zu", c->text,
                  r.n_unresolved, c->unresolved);
    ck_assert_msg(r.guarded == c->guarded, "text \"%s\": %zu guarded, want %zu", c->text, r.guarded, c->guarded);
    ck_assert_msg(r.blocked == c->blocked, "text \"%s\": %zu blocked, want %zu", c->text, r.blocked, c->blocked);
    ck_assert_msg(r.places == c->places, "text \"%s\": %zu places, want %zu", c->text, r.places, c->places);
}

/* --- short names ---------------------------------------------------------- */

static const rcase short_cases[] = {
    /* the owner whose full name came most recently */
    { "Kim Jong Un met officials. Yuri Kim arrived later. Kim said the talks went well.",
      "kim-jong-un:n:Kim Jong Un|yuri-kim:n:Yuri Kim|yuri-kim:s:Kim", 0, 0, 0, 0 },
    { "Yuri Kim arrived. Kim Jong Un spoke. Kim said no.",
      "yuri-kim:n:Yuri Kim|kim-jong-un:n:Kim Jong Un|kim-jong-un:s:Kim", 0, 0, 0, 0 },
    { "Yuri Kim arrived. Kim said no.", "yuri-kim:n:Yuri Kim|yuri-kim:s:Kim", 0, 0, 0, 0 },
    { "Stephen Miller spoke. Chris Miller replied. Miller said no.",
      "stephen-miller:n:Stephen Miller|chris-miller:n:Chris Miller|chris-miller:s:Miller", 0, 0, 0, 0 },
    { "Chris Miller spoke. Stephen Miller replied. Miller said no.",
      "chris-miller:n:Chris Miller|stephen-miller:n:Stephen Miller|stephen-miller:s:Miller", 0, 0, 0, 0 },
    { "Heydar Aliyev founded it. Aliyev said.", "heydar-aliyev:n:Heydar Aliyev|heydar-aliyev:s:Aliyev", 0, 0, 0,
      0 },
    { "Heydar Aliyev founded it. Ilham Aliyev spoke. Aliyev said.",
      "heydar-aliyev:n:Heydar Aliyev|ilham-aliyev:n:Ilham Aliyev|ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    { "Ilham Aliyev spoke. Heydar Aliyev was his father. Aliyev said.",
      "ilham-aliyev:n:Ilham Aliyev|heydar-aliyev:n:Heydar Aliyev|heydar-aliyev:s:Aliyev", 0, 0, 0, 0 },
    /* no full name before: the short_default owner */
    { "Kim said no.", "kim-jong-un:s:Kim", 0, 0, 0, 0 },
    { "Aliyev said.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    { "Assad said.", "bashar-al-assad:s:Assad", 0, 0, 0, 0 },
    /* a full name after the short does not reach back */
    { "Aliyev said. Heydar Aliyev agreed.", "ilham-aliyev:s:Aliyev|heydar-aliyev:n:Heydar Aliyev", 0, 0, 0, 0 },
    /* no default: unresolved */
    { "Miller said no.", "", 1, 0, 0, 0 },
    { "Miller said no. Stephen Miller agreed. Miller left.",
      "stephen-miller:n:Stephen Miller|stephen-miller:s:Miller", 1, 0, 0, 0 },
};

START_TEST(test_short_names)
{
    check(&short_cases[_i]);
}
END_TEST

START_TEST(test_unresolved_offsets)
{
    ag_scan_result r;
    const ag_alias *al;

    ck_assert_str_eq(scan(scan_default, "Officials said Miller left.", &r), "");
    ck_assert_uint_eq(r.n_unresolved, 1);
    ck_assert_uint_eq(r.unresolved[0].start, 15);
    ck_assert_uint_eq(r.unresolved[0].end, 21);
    al = ag_lexicon_alias(lex, r.unresolved[0].alias);
    ck_assert_str_eq(al->text, "Miller");
    ck_assert_int_eq(al->kind, AG_KIND_SHORT);

    ck_assert_str_eq(scan(scan_default, "Miller met Miller.", &r), "");
    ck_assert_uint_eq(r.n_unresolved, 2);
    ck_assert_uint_eq(r.unresolved[0].start, 0);
    ck_assert_uint_eq(r.unresolved[0].end, 6);
    ck_assert_uint_eq(r.unresolved[1].start, 11);
    ck_assert_uint_eq(r.unresolved[1].end, 17);
}
END_TEST

/* --- the given-name guard ------------------------------------------------- */

static const rcase guard_cases[] = {
    { "Alekper Aliyev said.", "", 0, 1, 0, 0 },
    /* the surname is taken until an owner's full name comes again */
    { "Alekper Aliyev, a journalist, wrote. Later Aliyev said more.", "", 1, 1, 0, 0 },
    { "Alekper Aliyev wrote. Ilham Aliyev replied. Aliyev added.",
      "ilham-aliyev:n:Ilham Aliyev|ilham-aliyev:s:Aliyev", 0, 1, 0, 0 },
    { "Alekper Aliyev wrote. Heydar Aliyev replied. Aliyev added.",
      "heydar-aliyev:n:Heydar Aliyev|heydar-aliyev:s:Aliyev", 0, 1, 0, 0 },
    /* even over a full name that came before the other person */
    { "Stephen Miller spoke. Aaron David Miller, an analyst, disagreed. Miller said more.",
      "stephen-miller:n:Stephen Miller", 1, 1, 0, 0 },
    { "Stephen Miller spoke. Aaron D. Miller disagreed. Miller said more.", "stephen-miller:n:Stephen Miller", 1,
      1, 0, 0 },
    { "Aaron D. Miller said.", "", 0, 1, 0, 0 },
    /* particles between given name and surname */
    { "Hafez al-Assad ruled. Assad said.", "", 1, 1, 0, 0 },
    { "Bashar al-Assad spoke. President al-Assad said.",
      "bashar-al-assad:n:Bashar al-Assad|bashar-al-assad:s:Assad", 0, 0, 0, 0 },
    /* a given name opening the sentence still blocks */
    { "Officials met. Alekper Aliyev said.", "", 0, 1, 0, 0 },
    /* the soft line break of hard-wrapped text (lines of 61, 56 and 57
       bytes) does not separate the given name from the surname */
    { "Police in the capital questioned the local journalist Alekper\n"
      "Aliyev on Monday about his reporting on the border talks\n"
      "with the neighbours, his lawyer told reporters on Friday.\n",
      "", 0, 1, 0, 0 },
};

START_TEST(test_given_name_guard)
{
    check(&guard_cases[_i]);
}
END_TEST

/* --- what does not block -------------------------------------------------- */

static const rcase noblock_cases[] = {
    { "President Aliyev said.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    { "Mr Putin said.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    { "Mr. Putin said.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    { "Foreign Minister Lavrov said.", "sergey-lavrov:s:Lavrov", 0, 0, 0, 0 },
    { "Stephen Miller spoke. Senator Miller said.", "stephen-miller:n:Stephen Miller|stephen-miller:s:Miller", 0,
      0, 0, 0 },
    { "Stephen Miller spoke. Dr. Miller said.", "stephen-miller:n:Stephen Miller|stephen-miller:s:Miller", 0, 0,
      0, 0 },
    { "Since Aliyev took office, little changed.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    { "When Putin spoke, nobody listened.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    { "On Monday Putin said no.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    { "In March Lavrov said no.", "sergey-lavrov:s:Lavrov", 0, 0, 0, 0 },
    { "Russian Putin said no.", "RUS:d:Russian|vladimir-putin:s:Putin", 0, 0, 0, 0 },
    /* sentence-opening adverbs: listed ones, and any other -ly word of six
       letters or more ("Reportedly") */
    { "Separately Aliyev said.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    { "Initially Putin said no.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    { "Afterwards Lavrov said no.", "sergey-lavrov:s:Lavrov", 0, 0, 0, 0 },
    { "Talks ended. Reportedly Putin left.", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
};

START_TEST(test_no_block)
{
    check(&noblock_cases[_i]);
}
END_TEST

START_TEST(test_demonym_not_counted_still_no_block)
{
    /* the demonym is no mention under the default kinds, yet it is no given name */
    ck_assert_str_eq(tu_mentions(lex, "Russian Putin said no.", AG_KINDS_DEFAULT), "vladimir-putin:s:Putin");
}
END_TEST

START_TEST(test_context_without_kind)
{
    /* full names count as context even when only short names are wanted */
    ck_assert_str_eq(tu_mentions(lex, "Stephen Miller spoke. Miller said.", 1u << AG_KIND_SHORT),
                     "stephen-miller:s:Miller");
    ck_assert_str_eq(tu_mentions(lex, "Heydar Aliyev spoke. Aliyev said.", 1u << AG_KIND_SHORT),
                     "heydar-aliyev:s:Aliyev");
}
END_TEST

/* --- metonyms ------------------------------------------------------------- */

typedef struct {
    const char *text;
    const char *want;          /* places dropped (the default) */
    const char *want_places;   /* metonym_places = 1 */
    size_t places;
} mcase;

static const mcase metonym_cases[] = {
    /* acting or owning */
    { "Baku said it would respond.", "AZE:m:Baku", "AZE:m:Baku", 0 },
    { "Moscow's position hardened.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "Moscow’s position hardened.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "Talks between Baku and Yerevan resumed.", "AZE:m:Baku|ARM:m:Yerevan", "AZE:m:Baku|ARM:m:Yerevan", 0 },
    { "The Kremlin said no.", "RUS:m:Kremlin", "RUS:m:Kremlin", 0 },
    { "The vote went in Moscow's favour.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "Pressure on Moscow grew.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "Ankara and Washington agreed.", "TUR:m:Ankara|USA:m:Washington", "TUR:m:Ankara|USA:m:Washington", 0 },
    /* places */
    { "He lived in Tehran.", "", "IRN:m:Tehran", 1 },
    { "She flew to Bishkek.", "", "KGZ:m:Bishkek", 1 },
    { "They returned from Moscow.", "", "RUS:m:Moscow", 1 },
    { "Fighting near Kyiv continued.", "", "UKR:m:Kyiv", 1 },
    { "Officials met in the Kremlin.", "", "RUS:m:Kremlin", 1 },
    { "Strikes on Kyiv continued.", "", "UKR:m:Kyiv", 1 },
    { "Russian strikes on Kyiv continued.", "RUS:d:Russian", "RUS:d:Russian|UKR:m:Kyiv", 1 },
    { "Protesters filled the streets of Moscow.", "", "RUS:m:Moscow", 1 },
    { "A Baku-based think tank said so.", "", "AZE:m:Baku", 1 },
    { "Kyiv was the primary target.", "", "UKR:m:Kyiv", 1 },
    { "Moscow residents queued.", "", "RUS:m:Moscow", 1 },
    { "In Yerevan, crowds gathered.", "", "ARM:m:Yerevan", 1 },
    /* a city's mayor is the city's */
    { "Moscow Mayor Sergei Sobyanin said so.", "", "RUS:m:Moscow", 1 },
    /* a soft line break of hard-wrapped text (54, 58, 58 bytes) between the
       preposition and the place */
    { "The delegation that had arrived on Sunday had flown in\n"
      "Moscow on a chartered plane, officials at the airport told\n"
      "reporters, before leaving for the talks on Monday morning.\n",
      "", "RUS:m:Moscow", 1 },
    /* both in one text */
    { "Baku said talks in Baku would resume.", "AZE:m:Baku", "AZE:m:Baku|AZE:m:Baku", 1 },
    /* after "a"/"an" the place describes a noun ... */
    { "A Moscow consultancy said so.", "", "RUS:m:Moscow", 1 },
    { "He works for an Ankara law firm.", "", "TUR:m:Ankara", 1 },
    /* ... unless the noun is the government's own, or a compound makes it act */
    { "A Kremlin official said so.", "RUS:m:Kremlin", "RUS:m:Kremlin", 0 },
    { "An Ankara spokesman denied it.", "TUR:m:Ankara", "TUR:m:Ankara", 0 },
    { "A Moscow-backed group fought.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "Talks with a Moscow delegation failed.", "RUS:m:Moscow", "RUS:m:Moscow", 0 },
    { "He is a Kremlin critic.", "RUS:m:Kremlin", "RUS:m:Kremlin", 0 },
    /* "the" is no such article */
    { "The Kremlin said no.", "RUS:m:Kremlin", "RUS:m:Kremlin", 0 },
    /* the object of a verb of motion is a place */
    { "She fled Baku in 1990.", "", "AZE:m:Baku", 1 },
    { "Troops left Kyiv overnight.", "", "UKR:m:Kyiv", 1 },
    { "Putin visited Tehran.", "vladimir-putin:s:Putin", "vladimir-putin:s:Putin|IRN:m:Tehran", 1 },
    { "Baku warned Yerevan.", "AZE:m:Baku|ARM:m:Yerevan", "AZE:m:Baku|ARM:m:Yerevan", 0 },
};

START_TEST(test_metonyms)
{
    const mcase *c = &metonym_cases[_i];
    ag_scan_result r;
    const char *got = scan(scan_default, c->text, &r);

    ck_assert_msg(strcmp(got, c->want) == 0, "text \"%s\": want \"%s\", got \"%s\"", c->text, c->want, got);
    ck_assert_msg(r.places == c->places, "text \"%s\": %zu places, want %zu", c->text, r.places, c->places);
    got = scan(scan_places, c->text, &r);
    ck_assert_msg(strcmp(got, c->want_places) == 0, "text \"%s\" (places counted): want \"%s\", got \"%s\"",
                  c->text, c->want_places, got);
    ck_assert_uint_eq(r.places, 0);
}
END_TEST

/* --- outlets and given names ---------------------------------------------- */

static const rcase outlet_cases[] = {
    { "The Kyiv Post reported it.", "", 0, 0, 1, 0 },
    { "Turkey Unpacked, a podcast, said so.", "", 0, 0, 1, 0 },
    { "The Times of Israel reported it.", "", 0, 0, 1, 0 },
    { "Voice of America reported it.", "", 0, 0, 1, 0 },
    { "The Washington Post reported it.", "", 0, 0, 1, 0 },
    { "The Washington Times reported it.", "", 0, 0, 1, 0 },
    { "Russia Today aired it.", "", 0, 0, 1, 0 },
    { "The Kyiv Post said Kyiv would reply.", "UKR:m:Kyiv", 0, 0, 1, 0 },
    { "Kyiv posted a statement.", "UKR:m:Kyiv", 0, 0, 0, 0 },
    { "Russia today aired it.", "RUS:n:Russia", 0, 0, 0, 0 },
    /* "Press" after a name is not an outlet ("White House Press Secretary") */
    { "White House Press Secretary Karine Jean-Pierre said so.", "USA:m:White House", 0, 0, 0, 0 },
    { "The President of Russia spoke.", "RUS:n:Russia", 0, 0, 0, 0 },
};

START_TEST(test_outlets)
{
    check(&outlet_cases[_i]);
}
END_TEST

static const rcase given_cases[] = {
    { "Chad Smith scored.", "", 0, 1, 0, 0 },
    { "Jordan Bardella spoke.", "", 0, 1, 0, 0 },
    { "Israel Katz said no.", "", 0, 1, 0, 0 },
    { "Paris Hilton arrived.", "", 0, 1, 0, 0 },
    { "Chad's army moved.", "TCD:n:Chad", 0, 0, 0, 0 },
    { "Jordan and Israel signed.", "JOR:n:Jordan|ISR:n:Israel", 0, 0, 0, 0 },
    { "Paris said no.", "FRA:m:Paris", 0, 0, 0, 0 },
    { "The Chad Sudan border closed.", "TCD:n:Chad|SDN:n:Sudan", 0, 0, 0, 0 },
    { "Chad President Deby spoke.", "TCD:n:Chad", 0, 0, 0, 0 },
    { "Troops left Chad. Sudan objected.", "TCD:n:Chad|SDN:n:Sudan", 0, 0, 0, 0 },
    /* a state's institution is no surname */
    { "Israel Police said so.", "ISR:n:Israel", 0, 0, 0, 0 },
    /* a surname that is somebody's short name does not make "Chad" a state:
       both are guarded, and the surname is taken */
    { "Chad Miller spoke.", "", 0, 2, 0, 0 },
    { "Chad Miller spoke. Miller left.", "", 1, 2, 0, 0 },
    { "Stephen Miller spoke. Jordan Miller replied. Miller said.", "stephen-miller:n:Stephen Miller", 1, 2, 0, 0 },
    { "Chad Miller spoke. Stephen Miller replied. Miller said.",
      "stephen-miller:n:Stephen Miller|stephen-miller:s:Miller", 0, 2, 0, 0 },
};

START_TEST(test_given_name_places)
{
    check(&given_cases[_i]);
}
END_TEST

/* --- errors: which aliases may be shared ---------------------------------- */

#define TWO(a, b)                                                                               \
    "{\"lexicon\": \"x\", \"version\": 1, \"actors\": ["                                        \
    "{\"id\": \"a\", \"label\": \"A\", \"type\": \"leader\", " a "},"                           \
    "{\"id\": \"b\", \"label\": \"B\", \"type\": \"leader\", " b "}]}"

START_TEST(test_shared_aliases)
{
    ag_error err;
    ck_assert_int_eq(tu_lexicon_status(TWO("\"short\": [\"Miller\"]", "\"short\": [\"Miller\"]"), &err), AG_OK);
    ck_assert_int_eq(tu_lexicon_status(TWO("\"names\": [\"Miller\"]", "\"names\": [\"Miller\"]"), &err),
                     AG_ESCHEMA);
    ck_assert_int_eq(tu_lexicon_status(TWO("\"metonyms\": [\"Baku\"]", "\"metonyms\": [\"Baku\"]"), &err),
                     AG_ESCHEMA);
}
END_TEST

START_TEST(test_unknown_owner_shorts)
{
    /* a short name shared by two actors, neither the default: unresolved until a full name */
    ag_lexicon *l = tu_lexicon(TWO("\"names\": [\"Anna Smith\"], \"short\": [\"Smith\"]",
                                   "\"names\": [\"Bob Smith\"], \"short\": [\"Smith\"]"));
    ck_assert_str_eq(tu_mentions(l, "Smith spoke. Bob Smith spoke. Smith left.", 0), "b:n:Bob Smith|b:s:Smith");
    ag_lexicon_free(l);
}
END_TEST

/* --- edge ----------------------------------------------------------------- */

START_TEST(test_documents_independent)
{
    ag_scan_result r;

    /* a full name in one document is no context for the next */
    ck_assert_str_eq(scan(scan_default, "Heydar Aliyev spoke.", &r), "heydar-aliyev:n:Heydar Aliyev");
    ck_assert_str_eq(scan(scan_default, "Aliyev said.", &r), "ilham-aliyev:s:Aliyev");
    /* nor is a taken surname */
    ck_assert_str_eq(scan(scan_default, "Alekper Aliyev wrote.", &r), "");
    ck_assert_uint_eq(r.guarded, 1);
    ck_assert_str_eq(scan(scan_default, "Aliyev said.", &r), "ilham-aliyev:s:Aliyev");
    ck_assert_uint_eq(r.guarded, 0);
    ck_assert_uint_eq(r.n_unresolved, 0);
    ck_assert_str_eq(scan(scan_default, "Stephen Miller spoke.", &r), "stephen-miller:n:Stephen Miller");
    ck_assert_str_eq(scan(scan_default, "Miller said.", &r), "");
    ck_assert_uint_eq(r.n_unresolved, 1);
}
END_TEST

START_TEST(test_many_documents)
{
    /* the per-document context survives many scans on one scanner */
    ag_scan_result r;
    for (int i = 0; i < 1000; i++) {
        const char *got = scan(scan_default, (i & 1) ? "Aliyev said." : "Heydar Aliyev spoke. Aliyev said.", &r);
        ck_assert_str_eq(got, (i & 1) ? "ilham-aliyev:s:Aliyev" : "heydar-aliyev:n:Heydar Aliyev|heydar-aliyev:s:Aliyev");
    }
}
END_TEST

static const rcase edge_cases[] = {
    /* a short name opening the text: nothing before it to guard */
    { "Putin", "vladimir-putin:s:Putin", 0, 0, 0, 0 },
    /* a metonym closing the text after a preposition */
    { "to Moscow", "", 0, 0, 0, 1 },
    /* the headline ignores case for the match and has no given names */
    { "PUTIN MEETS ALIYEV", "vladimir-putin:s:PUTIN|ilham-aliyev:s:ALIYEV", 0, 0, 0, 0 },
    /* a paragraph break separates the given name from the surname */
    { "They met Alekper\n\nAliyev said.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    /* a sentence break too */
    { "They met Alekper. Aliyev said.", "ilham-aliyev:s:Aliyev", 0, 0, 0, 0 },
    /* a preposition in the sentence before is not "in Moscow" */
    { "They stayed in. Moscow said no.", "RUS:m:Moscow", 0, 0, 0, 0 },
};

START_TEST(test_edge_table)
{
    check(&edge_cases[_i]);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *resolve_suite(void);
Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_unchecked_fixture(core, setup, teardown);
    tcase_add_loop_test(core, test_short_names, 0, N(short_cases));
    tcase_add_test(core, test_unresolved_offsets);
    tcase_add_loop_test(core, test_given_name_guard, 0, N(guard_cases));
    tcase_add_loop_test(core, test_no_block, 0, N(noblock_cases));
    tcase_add_test(core, test_demonym_not_counted_still_no_block);
    tcase_add_test(core, test_context_without_kind);
    tcase_add_loop_test(core, test_metonyms, 0, N(metonym_cases));
    tcase_add_loop_test(core, test_outlets, 0, N(outlet_cases));
    tcase_add_loop_test(core, test_given_name_places, 0, N(given_cases));
    tcase_add_test(core, test_unknown_owner_shorts);
    suite_add_tcase(s, core);

    tcase_add_test(errors, test_shared_aliases);
    suite_add_tcase(s, errors);

    tcase_add_unchecked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_documents_independent);
    tcase_add_test(edge, test_many_documents);
    tcase_add_loop_test(edge, test_edge_table, 0, N(edge_cases));
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(resolve_suite());
}

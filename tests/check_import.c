/*
 * check_import.c — PETRARCH/TABARI dictionaries to lexicons
 * (import_petrarch.c): every quirk of the format on invented dictionaries
 * (comments, `+` synonyms, codes on following lines, dated codes and the
 * century rule, tabs, control bytes, non-ASCII), the mapping to states,
 * organisations and leaders, the casing heuristic, duplicate claims,
 * blockers, the exact output for tests/data/import/small.actors.txt, and
 * errors and warnings with file:line:col.
 *
 * Dictionaries are given as C strings named "test.actors"; columns are
 * counted in characters from 1, a tab counting one.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* --- helpers ------------------------------------------------------------- */

typedef struct {
    size_t n;
    ag_error e[32];
} warns;

static void collect(void *userdata, ag_diag_severity sev, const ag_error *err)
{
    warns *w = (warns *)userdata;
    ck_assert_int_eq(sev, AG_DIAG_WARNING);
    if (w->n < 32)
        w->e[w->n] = *err;
    w->n++;
}

/* Runs the importer over dict and returns its status; *out receives the
 * lexicon text (free it) when it succeeds. */
static ag_status run(const char *dict, size_t len, char **out, ag_import_stats *stats, warns *w, ag_error *err)
{
    ag_import_options opts = AG_IMPORT_OPTIONS_INIT;
    ag_import *imp = NULL;
    char *buf = NULL;
    size_t n = 0;
    FILE *fp;
    ag_status st;

    *out = NULL;
    memset(err, 0, sizeof *err);
    if (w) {
        memset(w, 0, sizeof *w);
        opts.warn = collect;
        opts.userdata = w;
    }
    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, &opts, &imp, err), AG_OK);
    st = ag_import_add_buffer(imp, "test.actors", dict, len, err);
    if (st == AG_OK) {
        fp = open_memstream(&buf, &n);
        ck_assert_ptr_nonnull(fp);
        st = ag_import_write(imp, fp, err);
        fclose(fp);
        if (st == AG_OK)
            *out = buf;
        else
            free(buf);
    }
    if (stats)
        *stats = *ag_import_stats_get(imp);
    ag_import_free(imp);
    return st;
}

/* The lexicon text of dict; the import must succeed. */
static char *convert(const char *dict, ag_import_stats *stats, warns *w)
{
    char *out;
    ag_error err;
    ag_status st = run(dict, strlen(dict), &out, stats, w, &err);
    char buf[1200];
    ck_assert_msg(st == AG_OK, "import failed: %s", ag_error_format(&err, buf, sizeof buf));
    return out;
}

/* Loads a lexicon text strictly (as `lexicon check` does); fails the test
 * on any error or warning. */
static void assert_valid_lexicon(const char *text)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char buf[1200];
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ag_lexicon_set_strict(lex, 1);
    ck_assert_msg(ag_lexicon_load_buffer(lex, "out.json", text, strlen(text), &err) == AG_OK &&
                      ag_lexicon_compile(lex, &err) == AG_OK,
                  "the output is no valid lexicon: %s", ag_error_format(&err, buf, sizeof buf));
    ag_lexicon_free(lex);
}

static json_t *parse(const char *text)
{
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    ck_assert_msg(root != NULL, "output is not JSON: %s (line %d)", je.text, je.line);
    return root;
}

/* The actor with this id in a parsed lexicon, or NULL. */
static json_t *actor(json_t *root, const char *id)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(root, "actors"), i, a) {
        if (strcmp(json_string_value(json_object_get(a, "id")), id) == 0)
            return a;
    }
    return NULL;
}

/* The strings of a list as "a|b|c" ("" when absent); static buffer. */
static const char *joined(json_t *a, const char *key)
{
    static char buf[4096];
    size_t i, n = 0;
    json_t *v;
    buf[0] = '\0';
    json_array_foreach(json_object_get(a, key), i, v) {
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "", json_string_value(v));
        ck_assert_uint_lt(n, sizeof buf);
    }
    return buf;
}

/* A member of an actor as compact JSON ("" when absent); static buffer. */
static const char *member(json_t *a, const char *key)
{
    static char buf[4096];
    json_t *v = json_object_get(a, key);
    char *s;
    if (!v)
        return "";
    s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

/* The ids of all actors, in output order, as "A|B|c". */
static const char *ids(json_t *root)
{
    static char buf[4096];
    size_t i, n = 0;
    json_t *a;
    buf[0] = '\0';
    json_array_foreach(json_object_get(root, "actors"), i, a)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "", json_string_value(json_object_get(a, "id")));
    return buf;
}

/* --- core ---------------------------------------------------------------- */

START_TEST(test_state_and_synonyms)
{
    ag_import_stats st;
    char *out = convert("FREEDONIA_  [FRD]\n+FREEDONIAN_ \n+REPUBLIC_OF_FREEDONIA_\n", &st, NULL);
    json_t *root = parse(out), *a = actor(root, "FRD");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(member(a, "label"), "\"Freedonia\"");
    ck_assert_str_eq(member(a, "type"), "\"state\"");
    ck_assert_str_eq(joined(a, "names"), "Freedonia|Freedonian|Republic of Freedonia");
    ck_assert_str_eq(member(a, "attrs"), "{\"cameo\":\"FRD\"}");
    ck_assert_str_eq(member(a, "affiliation"), "");
    ck_assert_uint_eq(st.entries, 1);
    ck_assert_uint_eq(st.phrases, 3);
    ck_assert_uint_eq(st.actors, 1);
    ck_assert_uint_eq(st.actors_by_type[AG_TYPE_STATE], 1);
    ck_assert_uint_eq(st.aliases_by_kind[AG_KIND_NAME], 3);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_codes_on_following_lines)
{
    char *out = convert("FREEDONIA_ [FRD]\n"
                        "FREEDONIAN_NATIONAL_GUARD_\n"
                        "+FNG_\n"
                        "\t[FRDMIL]\n",
                        NULL, NULL);
    json_t *root = parse(out), *a = actor(root, "FRDMIL");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(member(a, "type"), "\"org\"");
    ck_assert_str_eq(member(a, "label"), "\"Freedonian National Guard\"");
    ck_assert_str_eq(joined(a, "names"), "Freedonian National Guard|FNG");
    ck_assert_str_eq(member(a, "affiliation"), "\"FRD\"");
    ck_assert_str_eq(ids(root), "FRD|FRDMIL");
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_person)
{
    char *out = convert("FREEDONIA_ [FRD]\n"
                        "RUFUS_T._FIREFLY_  # a note\n"
                        "+PRESIDENT_FIREFLY_\n"
                        "+FIREFLY_\n"
                        "\t[FRDELI 310101-330630]\n"
                        "\t[FRDGOV >330701]\n"
                        "\t[FRDELI]\n",
                        NULL, NULL);
    json_t *root = parse(out), *a = actor(root, "rufus-t-firefly");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(member(a, "type"), "\"leader\"");
    ck_assert_str_eq(member(a, "label"), "\"Rufus T. Firefly\"");
    ck_assert_str_eq(joined(a, "names"), "Rufus T. Firefly|President Firefly");
    ck_assert_str_eq(joined(a, "short"), "Firefly");
    ck_assert_str_eq(member(a, "short_default"), "");
    ck_assert_str_eq(member(a, "affiliation"), "\"FRD\"");
    ck_assert_str_eq(member(a, "roles"), "[{\"title\":\"FRDELI\",\"from\":\"1931-01-01\",\"to\":\"1933-06-30\"},"
                                         "{\"title\":\"FRDGOV\",\"from\":\"1933-07-01\"},{\"title\":\"FRDELI\"}]");
    ck_assert_str_eq(member(a, "attrs"), "{\"cameo\":\"FRDGOV\"}");
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

/* A person's one code with a date restriction, and the role it gives. */
static const struct {
    const char *restriction;
    const char *role;
} dates[] = {
    { "310101-330630", "{\"title\":\"FRDGOV\",\"from\":\"1931-01-01\",\"to\":\"1933-06-30\"}" },
    { "300101-301231", "{\"title\":\"FRDGOV\",\"from\":\"2030-01-01\",\"to\":\"2030-12-31\"}" },   /* 00-30: 20YY */
    { "000229-000301", "{\"title\":\"FRDGOV\",\"from\":\"2000-02-29\",\"to\":\"2000-03-01\"}" },
    { "19990101-20001231", "{\"title\":\"FRDGOV\",\"from\":\"1999-01-01\",\"to\":\"2000-12-31\"}" },
    { ">19330315", "{\"title\":\"FRDGOV\",\"from\":\"1933-03-15\"}" },
    { "> 140301", "{\"title\":\"FRDGOV\",\"from\":\"2014-03-01\"}" },
    { "<090120", "{\"title\":\"FRDGOV\",\"to\":\"2009-01-20\"}" },
    { " 990101 - 991231 ", "{\"title\":\"FRDGOV\",\"from\":\"1999-01-01\",\"to\":\"1999-12-31\"}" },
    /* dates that are no dates: the code stays, without dates */
    { "2004017-20061201", "{\"title\":\"FRDGOV\"}" },
    { ">201005011", "{\"title\":\"FRDGOV\"}" },
    { "1920030320-20060520", "{\"title\":\"FRDGOV\"}" },
    { "010229-010301", "{\"title\":\"FRDGOV\"}" },
    { "991301-991231", "{\"title\":\"FRDGOV\"}" },
    { "20121207-20120802", "{\"title\":\"FRDGOV\"}" },
    { "20121204", "{\"title\":\"FRDGOV\"}" },
    { ">", "{\"title\":\"FRDGOV\"}" },
};

START_TEST(test_dates)
{
    char dict[256], *out;
    json_t *root, *a;
    snprintf(dict, sizeof dict, "JOHN_DOE_\n\t[FRDGOV %s]\n", dates[_i].restriction);
    out = convert(dict, NULL, NULL);
    root = parse(out);
    a = actor(root, "john-doe");
    ck_assert_msg(a != NULL, "no person for [FRDGOV %s]", dates[_i].restriction);
    {
        char *s = json_dumps(json_array_get(json_object_get(a, "roles"), 0), JSON_COMPACT | JSON_PRESERVE_ORDER);
        ck_assert_str_eq(s, dates[_i].role);
        free(s);
    }
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_several_codes_on_one_line)
{
    ag_import_stats st;
    char *out = convert("JOHN_DOE_\t[FRDELI 600701-601231][FRDGOV 630701-631231] [IGORNC 711001-840625]# a note\n",
                        &st, NULL);
    json_t *root = parse(out), *a = actor(root, "john-doe");
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(json_array_size(json_object_get(a, "roles")), 3);
    ck_assert_str_eq(member(a, "attrs"), "{\"cameo\":\"IGORNC\"}");   /* the role that ended last */
    ck_assert_str_eq(member(a, "affiliation"), "");                  /* no IGORNC actor */
    ck_assert_uint_eq(st.codes, 3);
    json_decref(root);
    free(out);
}
END_TEST

/* A dictionary, an actor id and the names it must get. */
static const struct {
    const char *dict, *id, *names;
} casing[] = {
    { "REPUBLIC_OF_THE_ISLES_AND_REEFS_ [XIS]", "XIS", "Republic of the Isles and Reefs" },
    { "THE_GRAND_DUCHY_ [GDY]", "GDY", "Grand Duchy" },
    { "NORTH_ATLANTIC_RIVER_ORGANIZATION_ [IGONRO]\n+NARO_\n+NARO_SECRETARY_GENERAL_", "IGONRO",
      "North Atlantic River Organization|NARO|NARO Secretary General" },
    { "BRKZ_PARTY_ [SYLPTY]\n+MR_SMITH'S_PARTY_", "SYLPTY", "BRKZ Party|Mr Smith's Party" },
    { "OPAX [IGOOPX]\n+HEZBOLAND_", "IGOOPX", "OPAX|Hezboland" },
    { "CUBANIA_ [CUB]\n+HAVA_\n+UFR_\n+US_", "CUB", "Cubania|Hava|UFR|US" },
    { "FREEDONIA_ [FRD]\n+FR_\nFR_RIVER_COMMAND_ [FRDMIL]", "FRDMIL", "FR River Command" },
    { "O'HARA_AND_D'ARTAGNAN_ [SYLREB]\n+N'DALA_QA'IDA_", "SYLREB", "O'Hara and d'Artagnan|N'Dala Qa'ida" },
    { "BAB-I-SALAM_ [SYLREB]\n+SAR-E_POL_\n+GUINEA-BISSAUX_", "SYLREB", "Bab-i-Salam|Sar-e Pol|Guinea-Bissaux" },
    { "J.R._EWING_ [SYLREB]\n+ST._PETERSVILLE_\n+U.N._RIVER_MISSION_", "SYLREB",
      "J.R. Ewing|St. Petersville|U.N. River Mission" },
    { "MCALLISTER_FOUNDATION_ [SYLREB]\n+Secy_Gen_MAXWELL_\n+AT&T_WORKS_\n+G7_RIVER_", "SYLREB",
      "McAllister Foundation|Secy Gen Maxwell|AT&T Works|G7 River" },
    { "LOUIS_XIV_ [FRDGOV 500101-501231]", "louis-xiv", "Louis XIV" },
    { "JÜRGEN_KÖNIGSBERG_ [FRDGOV 810101-811231]", "jurgen-konigsberg", "Jürgen Königsberg" },
    { "ÉCOLE_DES_ÎLES_ [NGOFRD]", "NGOFRD", "École des Îles" },
    { "AL-ZARQA_FRONT_ [SYLREB]", "SYLREB", "al-Zarqa Front|Al-Zarqa Front|al Zarqa Front|Al Zarqa Front" },
    { "HANS_VAN_DER_BERG_ [FRDGOV 900101-901231]", "hans-van-der-berg", "Hans van der Berg|Hans Van Der Berg" },
    { "KOREANA_(NORTH)_ [PRQ]\n+ARMY_OF_THE_FREE_HILLS_(AFH)_", "PRQ", "Koreana (North)|Army of the Free Hills (AFH)" },
    { "STANKO_TODOROVSKI (ACTING_ [FRDGOV 700101-701231]", "stanko-todorovski", "Stanko Todorovski" },
};

START_TEST(test_casing)
{
    char *out = convert(casing[_i].dict, NULL, NULL);
    json_t *root = parse(out), *a = actor(root, casing[_i].id);
    ck_assert_msg(a != NULL, "no actor %s in %s", casing[_i].id, out);
    ck_assert_str_eq(joined(a, "names"), casing[_i].names);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_duplicate_claims)
{
    ag_import_stats st;
    char *out = convert("RIVER_NATIONS_COUNCIL_ [IGORNC]\n"
                        "+COMMON_MARKET_OF_RIVERS_\n"
                        "+RIVER_NATIONS_COUNCIL_\n"
                        "FREEDONIA_TRADE_BLOC_ [FRDBUS]\n"
                        "+COMMON_MARKET_OF_RIVERS_\n",
                        &st, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(joined(actor(root, "IGORNC"), "names"), "River Nations Council|Common Market of Rivers");
    ck_assert_str_eq(joined(actor(root, "FRDBUS"), "names"), "Freedonia Trade Bloc");
    ck_assert_uint_eq(st.dropped, 1);
    ck_assert_uint_eq(st.repeated, 1);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_people_with_one_name)
{
    ag_import_stats st;
    char *out = convert("KONRAD_ADLER_ [IGOLRN 990101-031231]\n"
                        "KONRAD_ADLER_ [IGONRO 040101-081231]\n"
                        "+DR._KONRAD_ADLER_\n"
                        "KONRAD_ADLER_ [IGOXYZ 090101-091231]\n",
                        &st, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(ids(root), "konrad-adler|konrad-adler-2");
    ck_assert_str_eq(joined(actor(root, "konrad-adler-2"), "names"), "Dr. Konrad Adler");
    ck_assert_str_eq(member(actor(root, "konrad-adler-2"), "label"), "\"Konrad Adler\"");
    ck_assert_uint_eq(st.dropped, 2);
    ck_assert_uint_eq(st.nameless, 1);   /* the third: all its names taken */
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_blockers)
{
    ag_import_stats st;
    char *out = convert("FREEDONIA_ [FRD]\n"
                        "FREEDONIA_BAY_ [---]\n"
                        "NOWHERE_AT_ALL_ [---]\n"
                        "FREEDONIA_ [---]\n"
                        "JEAN_DUPONTEL_ [FRDGOV 000101-080801] [---]\n",
                        &st, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(joined(actor(root, "FRD"), "not"), "Freedonia Bay");
    ck_assert_str_eq(member(actor(root, "jean-dupontel"), "roles"),
                     "[{\"title\":\"FRDGOV\",\"from\":\"2000-01-01\",\"to\":\"2008-08-01\"}]");
    ck_assert_uint_eq(st.unused_blockers, 1);
    ck_assert_uint_eq(st.dropped, 1);   /* "Freedonia" is a name, not a blocker */
    ck_assert_uint_eq(st.aliases_by_kind[AG_KIND_BLOCKER], 1);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_useless_phrases)
{
    ag_import_stats st;
    warns w;
    char *out = convert("SECRETARY_OF_STATE_ [FRDGOV]\n"
                        "MAY_15_ [SYLREB]\n"
                        "B_ [IGOZRB]\n"
                        "380_ [IGOZRB]\n"
                        "SENATE_ [FRDLEG]\n"
                        "GROUP_OF_77_ [IGOGSS]\n"
                        "CENTRAL_INTELLIGENCE_AGENCY_ [FRDSPY]\n",
                        &st, &w);
    json_t *root = parse(out);
    ck_assert_str_eq(ids(root), "FRDSPY|IGOGSS");
    ck_assert_str_eq(joined(actor(root, "IGOGSS"), "names"), "Group of 77");
    ck_assert_uint_eq(st.skipped_phrases, 5);
    ck_assert_uint_eq(w.n, 5);
    ck_assert_str_eq(w.e[0].message, "phrase \"Secretary of State\" is made of common words only; skipped");
    ck_assert_uint_eq(w.e[0].line, 1);
    ck_assert_uint_eq(w.e[0].column, 1);
    ck_assert_str_eq(w.e[2].message, "phrase \"B\" has fewer than two letters and digits; skipped");
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_states_and_territories)
{
    char *out = convert("IRAQIA_ [IRX <20030320]\n"
                        "\t[IRXOCC 20030320-20060520]\n"
                        "\t[IRX >20060520]\n"
                        "LEIPZAU_ [DDX 491007-901003] [DEX >19901003]\n"
                        "DEXLAND_ [DEX]\n"
                        "GUAM_ [DEXGUM]\n"
                        "SUPREME_COUNCIL_OF_DEXLAND_ [DEXOPP >110101]\n",
                        NULL, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(ids(root), "DEX|IRX|DEXGUM|DEXOPP");
    ck_assert_str_eq(joined(actor(root, "IRX"), "names"), "Iraqia");
    ck_assert_str_eq(joined(actor(root, "DEX"), "names"), "Leipzau|Dexland");
    ck_assert_str_eq(member(actor(root, "DEX"), "label"), "\"Dexland\"");   /* from the entry with DEX undated */
    ck_assert_str_eq(joined(actor(root, "DEXGUM"), "names"), "Guam");        /* a place, not an acronym */
    ck_assert_str_eq(member(actor(root, "DEXOPP"), "type"), "\"org\"");      /* an institution, not a person */
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_class_labels)
{
    char *out = convert("FREEDONIA_ [FRD]\n"
                        "ACME_WIDGETS_ [MNCFRD]\n"
                        "BOLT_WORKS_ [MNCFRD]\n"
                        "COG_CORPORATION_ [MNCFRD]\n"
                        "PALACE_OF_FREEDONIA_ [FRDGOV]\n"
                        "+HALL_OF_FREEDONIA_\n",
                        NULL, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(member(actor(root, "MNCFRD"), "label"), "\"Multinational corporations (Freedonia)\"");
    ck_assert_str_eq(member(actor(root, "FRDGOV"), "label"), "\"Palace of Freedonia\"");   /* one entry */
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_exact_output)
{
    ag_import *imp = NULL;
    ag_error err;
    char *buf = NULL, *expected;
    size_t n = 0;
    FILE *fp;

    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, NULL, &imp, &err), AG_OK);
    ck_assert_int_eq(ag_import_add_file(imp, tu_data("import/small.actors.txt"), &err), AG_OK);
    fp = open_memstream(&buf, &n);
    ck_assert_int_eq(ag_import_write(imp, fp, &err), AG_OK);
    fclose(fp);
    expected = tu_slurp(tu_data("import/small.expected.json"), NULL);
    ck_assert_str_eq(buf, expected);
    assert_valid_lexicon(buf);
    ck_assert_uint_eq(ag_import_stats_get(imp)->warnings, 0);
    free(expected);
    free(buf);
    ag_import_free(imp);
}
END_TEST

START_TEST(test_fixtures)
{
    const char *paths[2];
    ag_import_stats st;
    ag_error err;
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    FILE *fp;
    json_t *root;

    paths[0] = strdup(tu_data("import/quirks.actors.txt"));
    paths[1] = strdup(tu_data("import/second.actors.txt"));
    fp = open_memstream(&a, &na);
    ck_assert_int_eq(ag_import_petrarch(paths, 2, NULL, fp, &st, &err), AG_OK);
    fclose(fp);
    fp = open_memstream(&b, &nb);
    ck_assert_int_eq(ag_import_petrarch(paths, 2, NULL, fp, NULL, &err), AG_OK);
    fclose(fp);
    ck_assert_str_eq(a, b);   /* deterministic */
    assert_valid_lexicon(a);
    ck_assert_uint_eq(st.files, 2);
    ck_assert_uint_eq(st.actors, 20);
    ck_assert_uint_eq(st.actors_by_type[AG_TYPE_STATE], 2);
    ck_assert_uint_eq(st.actors_by_type[AG_TYPE_ORG], 6);
    ck_assert_uint_eq(st.actors_by_type[AG_TYPE_LEADER], 12);
    ck_assert_uint_eq(st.aliases_by_kind[AG_KIND_NAME], 47);
    ck_assert_uint_eq(st.aliases_by_kind[AG_KIND_SHORT], 2);
    ck_assert_uint_eq(st.aliases_by_kind[AG_KIND_BLOCKER], 2);
    ck_assert_uint_eq(st.dropped, 3);
    ck_assert_uint_eq(st.uncoded, 1);
    ck_assert_uint_eq(st.unused_blockers, 1);
    ck_assert_uint_eq(st.bad_dates, 2);
    root = parse(a);
    /* what the second file adds: IGOLRN; "Freedonia" stays the state's */
    ck_assert_str_eq(joined(actor(root, "IGOLRN"), "names"), "League of River Nations|LRN");
    ck_assert_str_eq(member(actor(root, "konrad-adler-2"), "affiliation"), "\"IGONRO\"");
    json_decref(root);
    free(a);
    free(b);
    free((char *)paths[0]);
    free((char *)paths[1]);
}
END_TEST

/* --- errors -------------------------------------------------------------- */

/* A broken dictionary and where the error must be. */
static const struct {
    const char *dict;
    unsigned long line, column;
    const char *message;
} broken[] = {
    { "FREEDONIA_ [FRD]\n+FR\xC3(EE\n", 2, 4, "invalid UTF-8 (byte 0xC3)" },
    { "FREEDONIA_ [FRD]\n  <!-- open\n+X\n", 2, 3, "unterminated comment: \"<!--\" without \"-->\"" },
    { "FREEDONIA_ [FRD]\n+FREEDONIAN_ [FRD\n", 2, 14, "unterminated code: \"[\" without \"]\"" },
    { "FREEDONIA_ [FRD] [SYL\n", 1, 18, "unterminated code: \"[\" without \"]\"" },
    { "# header\n\n\t[FRD]\n", 3, 2, "a code before any entry" },
    { "+FREEDONIAN_\n", 1, 1, "a synonym before any entry" },
};

START_TEST(test_syntax_errors)
{
    char *out;
    ag_error err;
    ag_status st = run(broken[_i].dict, strlen(broken[_i].dict), &out, NULL, NULL, &err);
    ck_assert_int_eq(st, AG_ESYNTAX);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(err.file, "test.actors");
    ck_assert_uint_eq(err.line, broken[_i].line);
    ck_assert_uint_eq(err.column, broken[_i].column);
    ck_assert_str_eq(err.message, broken[_i].message);
}
END_TEST

/* A dictionary and the first warning it must give. */
static const struct {
    const char *dict;
    unsigned long line, column;
    const char *message;
} warnings[] = {
    { "JOHN_DOE_\n\t[FRDGOV 2004017-20061201]\n", 2, 10, "\"2004017\" is not a date (YYMMDD or YYYYMMDD); dates dropped" },
    { "JOHN_DOE_ [FRDGOV 20121207-20120802]\n", 1, 19,
      "date range \"20121207-20120802\" ends before it starts; dates dropped" },
    { "JOHN_DOE_ [FRDGOV 20121204]\n", 1, 19,
      "cannot read the date restriction \"20121204\" (>DATE, <DATE or DATE-DATE); dates dropped" },
    { "KARL_Z\x1aZWEIG_ [FRDGOV]\n", 1, 7, "control byte 0x1A removed" },
    { "FOOLAND_ [FR-D]\n", 1, 11, "code \"FR-D\" may hold only letters and digits; skipped" },
    { "FOOLAND_ []\n", 1, 11, "empty code \"[]\" skipped" },
    { "FOOLAND_ [FRD] trailing words\n", 1, 16, "text after the codes ignored: \"trailing words\"" },
    { "FOO\"LAND_ [FRD]\n", 1, 4, "character '\"' dropped from the phrase" },
    { "FOOLAND)_ [FRD]\n", 1, 8, "character ')' dropped from the phrase" },
    { "LOST_ENTRY_\n", 1, 0, "entry \"LOST ENTRY\" has no code; ignored" },
    { "FOOLAND_ [FRD]\n+_\n", 2, 2, "phrase \"_\" has no letter or digit; skipped" },
    { "FOOLAND_ [FRD]\n\t[FRD 2004017]\n", 2, 7,
      "cannot read the date restriction \"2004017\" (>DATE, <DATE or DATE-DATE); dates dropped" },
    { "JÖRG_Ü\"BEL_ [FRD]\n", 1, 7, "character '\"' dropped from the phrase" },
    { "FOOLAND_ [ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDE]\n", 1, 11,
      "code \"ABCDEFGHIJABCDEFGHIJ...\" is longer than 64 characters; skipped" },
};

START_TEST(test_warnings)
{
    warns w;
    char *out = convert(warnings[_i].dict, NULL, &w);
    ck_assert_uint_ge(w.n, 1);
    ck_assert_str_eq(w.e[0].file, "test.actors");
    ck_assert_str_eq(w.e[0].message, warnings[_i].message);
    ck_assert_uint_eq(w.e[0].line, warnings[_i].line);
    ck_assert_uint_eq(w.e[0].column, warnings[_i].column);
    assert_valid_lexicon(out);
    free(out);
}
END_TEST

START_TEST(test_missing_file)
{
    ag_import *imp = NULL;
    ag_error err;
    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, NULL, &imp, &err), AG_OK);
    ck_assert_int_eq(ag_import_add_file(imp, "/nonexistent/dir/x.actors", &err), AG_ENOENT);
    ck_assert_str_eq(err.file, "/nonexistent/dir/x.actors");
    ag_import_free(imp);
}
END_TEST

START_TEST(test_misuse)
{
    ag_import *imp = (ag_import *)1;
    ag_import_format f;
    ag_error err;
    FILE *fp = fopen("/dev/null", "w");
    ck_assert_int_eq(ag_import_new((ag_import_format)7, NULL, &imp, &err), AG_EINVAL);
    ck_assert_ptr_null(imp);
    ck_assert_int_eq(ag_import_format_parse("petrarch", &f), 0);
    ck_assert_int_eq(f, AG_IMPORT_PETRARCH);
    ck_assert_int_eq(ag_import_format_parse("gazetteer", &f), -1);
    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, NULL, &imp, &err), AG_OK);
    ck_assert_int_eq(ag_import_write(imp, fp, &err), AG_OK);
    ck_assert_int_eq(ag_import_write(imp, fp, &err), AG_EINVAL);
    ck_assert_int_eq(ag_import_add_buffer(imp, "x", "A_ [B]\n", 7, &err), AG_EINVAL);
    ag_import_free(imp);
    ag_import_free(NULL);
    fclose(fp);
}
END_TEST

START_TEST(test_write_fails)
{
    ag_import *imp = NULL;
    ag_error err;
    FILE *fp = fopen("/dev/full", "w");
    if (!fp)
        return;   /* no /dev/full here */
    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, NULL, &imp, &err), AG_OK);
    ck_assert_int_eq(ag_import_add_buffer(imp, "x", "FREEDONIA_ [FRD]\n", 17, &err), AG_OK);
    ck_assert_int_eq(ag_import_write(imp, fp, &err), AG_EIO);
    ag_import_free(imp);
    fclose(fp);
}
END_TEST

/* --- edge ---------------------------------------------------------------- */

START_TEST(test_empty)
{
    ag_import_stats st;
    char *out = convert("", &st, NULL);
    ck_assert_str_eq(out, "{\n  \"lexicon\": \"petrarch\",\n  \"version\": 1,\n"
                          "  \"description\": \"Imported with 'actorgraph lexicon import --from petrarch' from "
                          "test.actors.\",\n  \"actors\": []\n}\n");
    ck_assert_uint_eq(st.files, 1);
    ck_assert_uint_eq(st.actors, 0);
    assert_valid_lexicon(out);
    free(out);
}
END_TEST

/* Dictionaries with a quirk and the names of actor FRD they must give. */
static const struct {
    const char *dict, *names;
} quirks[] = {
    { "\xEF\xBB\xBF" "FREEDONIA_ [FRD]\r\n+FREEDONIAN_\r\n", "Freedonia|Freedonian" },     /* BOM, CRLF */
    { "FREEDONIA_ [FRD]\n\t\n \t \n+NEW\t_HAVEN_\n", "Freedonia|New Haven" },               /* tab lines, tab in a name */
    { "FREEDONIA_ [FRD]\n+KARL_Z\x1aZWEIG_\n", "Freedonia|Karl Zzweig" },                   /* control byte */
    { "FREEDONIA_ [FRD]# note\n+FREDONIA_ <!-- x --> [FRD]\n<! -- odd -->\n", "Freedonia|Fredonia" },
    { "<!-- a\n# b [XXX]\n-->\nFREEDONIA_ [FRD]\n", "Freedonia" },                        /* comment over lines */
    { "FREEDONIA_ [FRD]\n+TAIOANA_ +TAWIANA_\n+X_RIVER+_Y_RIVER_\n+B+H_RIVER_CARRIERS_\n",
      "Freedonia|Taioana|Tawiana|X River|Y River|B+H River Carriers" },
    { "FREEDONIA_\nFREEDONIAN_REPUBLIC_\n\t[FRD]\n", "Freedonia|Freedonian Republic" },   /* codeless lines join */
    { "FREEDONIA_ [FRD]\n\tFREEDONIAN_REPUBLIC_ [FRD]\n", "Freedonia|Freedonian Republic" }, /* indented entry */
    { "FREEDONIA_ [frd]\n", "Freedonia" },                                                 /* lower-case code */
    { "FREEDONIA_ [FRD]\n+FREEDONIA_\n+Freedonia\n+FREEDONIA-_\n", "Freedonia|Freedonia-" }, /* repeats */
};

START_TEST(test_quirks)
{
    char *out = convert(quirks[_i].dict, NULL, NULL);
    json_t *root = parse(out), *a = actor(root, "FRD");
    ck_assert_msg(a != NULL, "no FRD in %s", out);
    ck_assert_str_eq(joined(a, "names"), quirks[_i].names);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_one_word_people)
{
    ag_import_stats st;
    char *out = convert("SUHARTINO_ [FRDGOV 670312-980521]\n", &st, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(ids(root), "");
    ck_assert_uint_eq(st.nameless, 1);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_ids)
{
    char *out = convert("O'NEILL_MCBRIDE-SMYTHE_ [FRDGOV 700101-701231]\n"
                        "СЕРГЕЙ_ИВАНОВ_ [FRDGOV 700101-701231]\n",
                        NULL, NULL);
    json_t *root = parse(out);
    ck_assert_str_eq(ids(root), "oneill-mcbride-smythe|person");
    ck_assert_str_eq(joined(actor(root, "person"), "names"), "Сергей Иванов");
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_long_phrases)
{
    char dict[4096], expected[2048];
    size_t n = 0, m = 0;
    ag_import_stats st;
    char *out;
    json_t *root;

    /* 100 words: all kept */
    n += (size_t)snprintf(dict + n, sizeof dict - n, "FREEDONIA_ [FRD]\n+");
    for (int i = 0; i < 100; i++) {
        n += (size_t)snprintf(dict + n, sizeof dict - n, "WORD%c%c_", 'A' + i / 26 % 26, 'A' + i % 26);
        m += (size_t)snprintf(expected + m, sizeof expected - m, "%sWord%c%c", i ? " " : "", 'a' + i / 26 % 26,
                              'a' + i % 26);
    }
    /* one word of 1100 letters: longer than an alias may be */
    n += (size_t)snprintf(dict + n, sizeof dict - n, "\n+");
    for (int i = 0; i < 1100; i++)
        dict[n++] = 'X';
    dict[n++] = '\n';
    dict[n] = '\0';
    out = convert(dict, &st, NULL);
    root = parse(out);
    ck_assert_uint_eq(json_array_size(json_object_get(actor(root, "FRD"), "names")), 2);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(actor(root, "FRD"), "names"), 1)), expected);
    ck_assert_uint_eq(st.skipped_phrases, 1);
    assert_valid_lexicon(out);
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(test_lexicon_name)
{
    ag_import_options opts = AG_IMPORT_OPTIONS_INIT;
    ag_import *imp = NULL;
    ag_error err;
    char *buf = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&buf, &n);
    opts.lexicon = "phoenix";
    ck_assert_int_eq(ag_import_new(AG_IMPORT_PETRARCH, &opts, &imp, &err), AG_OK);
    ck_assert_int_eq(ag_import_write(imp, fp, &err), AG_OK);
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(buf, "\"lexicon\": \"phoenix\""));
    free(buf);
    ag_import_free(imp);
}
END_TEST

Suite *import_suite(void);
Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_test(core, test_state_and_synonyms);
    tcase_add_test(core, test_codes_on_following_lines);
    tcase_add_test(core, test_person);
    tcase_add_loop_test(core, test_dates, 0, (int)(sizeof dates / sizeof dates[0]));
    tcase_add_test(core, test_several_codes_on_one_line);
    tcase_add_loop_test(core, test_casing, 0, (int)(sizeof casing / sizeof casing[0]));
    tcase_add_test(core, test_duplicate_claims);
    tcase_add_test(core, test_people_with_one_name);
    tcase_add_test(core, test_blockers);
    tcase_add_test(core, test_useless_phrases);
    tcase_add_test(core, test_states_and_territories);
    tcase_add_test(core, test_class_labels);
    tcase_add_test(core, test_exact_output);
    tcase_add_test(core, test_fixtures);
    suite_add_tcase(s, core);

    tcase_add_loop_test(errors, test_syntax_errors, 0, (int)(sizeof broken / sizeof broken[0]));
    tcase_add_loop_test(errors, test_warnings, 0, (int)(sizeof warnings / sizeof warnings[0]));
    tcase_add_test(errors, test_missing_file);
    tcase_add_test(errors, test_misuse);
    tcase_add_test(errors, test_write_fails);
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_empty);
    tcase_add_loop_test(edge, test_quirks, 0, (int)(sizeof quirks / sizeof quirks[0]));
    tcase_add_test(edge, test_one_word_people);
    tcase_add_test(edge, test_ids);
    tcase_add_test(edge, test_long_phrases);
    tcase_add_test(edge, test_lexicon_name);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(import_suite());
}

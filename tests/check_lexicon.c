/*
 * check_lexicon.c — loading, validating and compiling lexicons (lexicon.c,
 * lexicon_json.c): the fields of good files, every schema error with its
 * status, message and line:column, warnings, diagnostics mode, directories,
 * and the kind/type list parsers.
 *
 * Line and column numbers are counted by hand from the layout of each JSON
 * text (1-based, columns in characters). Most single-actor cases use doc():
 *
 *     line 1  {
 *     line 2    "actors": [
 *     line 3      {                    <- the actor object, column 5
 *     line 4        MEMBER 0,          <- keys at column 7
 *     line 5        MEMBER 1, ...
 *
 * so a member's key is at 4+k:7 and a scalar value at 4+k:(len(key)+11).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

/* --- helpers ------------------------------------------------------------- */

/* The one-actor document around `members` (one member per line, no commas). */
static const char *doc(const char *members)
{
    static char out[4096];
    size_t n = (size_t)snprintf(out, sizeof out, "{\n  \"actors\": [\n    {\n");
    const char *p = members;
    while (*p) {
        size_t len = strcspn(p, "\n");
        n += (size_t)snprintf(out + n, sizeof out - n, "      %.*s%s\n", (int)len, p, p[len] ? "," : "");
        p += len;
        if (*p)
            p++;
    }
    n += (size_t)snprintf(out + n, sizeof out - n, "    }\n  ]\n}\n");
    ck_assert_uint_lt(n, sizeof out);
    return out;
}

#define BASE "\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"\n\"type\": \"state\""

/* Diagnostics collected through ag_lexicon_set_diagnostics(). */
typedef struct {
    size_t errors, warnings;
    ag_error e[16];
    ag_diag_severity sev[16];
    size_t n;
} diags;

static void collect(void *userdata, ag_diag_severity severity, const ag_error *err)
{
    diags *d = (diags *)userdata;
    if (severity == AG_DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->n < 16) {
        d->e[d->n] = *err;
        d->sev[d->n] = severity;
        d->n++;
    }
}

/* Loads json as "test.json" and compiles it with diagnostics on; returns the
 * first failing status. */
static ag_status load_diag(const char *json, diags *d, ag_error *err)
{
    ag_lexicon *lex = NULL;
    ag_status st;
    memset(d, 0, sizeof *d);
    memset(err, 0, sizeof *err);
    ck_assert_int_eq(ag_lexicon_new(&lex, err), AG_OK);
    ag_lexicon_set_diagnostics(lex, collect, d);
    st = ag_lexicon_load_buffer(lex, "test.json", json, strlen(json), err);
    if (st == AG_OK)
        st = ag_lexicon_compile(lex, err);
    ag_lexicon_free(lex);
    return st;
}

static void assert_error(const ag_error *e, ag_status status, const char *file, unsigned long line,
                         unsigned long column, const char *message)
{
    ck_assert_int_eq(e->status, status);
    ck_assert_str_eq(e->file, file);
    ck_assert_msg(e->line == line && e->column == column, "at %lu:%lu instead of %lu:%lu (%s)", e->line,
                  e->column, line, column, e->message);
    ck_assert_str_eq(e->message, message);
}

/* --- good lexicons ------------------------------------------------------- */

START_TEST(test_good_file)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    diags d;
    const ag_actor *a;
    const char *path = tu_data("lexicon/good.json");
    char source[4096];

    snprintf(source, sizeof source, "%s", path);
    memset(&d, 0, sizeof d);
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ag_lexicon_set_diagnostics(lex, collect, &d);
    ck_assert_int_eq(ag_lexicon_load_file(lex, path, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    ck_assert_uint_eq(d.errors, 0);
    ck_assert_uint_eq(d.warnings, 0);
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 6);

    a = ag_lexicon_actor(lex, 0);
    ck_assert_str_eq(a->id, "AZE");
    ck_assert_str_eq(a->label, "Azerbaijan");
    ck_assert_int_eq(a->type, AG_TYPE_STATE);
    ck_assert_ptr_null(a->affiliation);
    ck_assert_int_eq(a->short_default, 0);
    ck_assert_ptr_null(a->valid_from);
    ck_assert_ptr_null(a->valid_to);
    ck_assert_uint_eq(a->n_roles, 0);
    ck_assert_str_eq(a->source, source);
    ck_assert_uint_eq(a->line, 5);
    ck_assert_uint_eq(a->n_attrs, 4);
    ck_assert_str_eq(a->attrs[0].key, "iso2");
    ck_assert_str_eq(a->attrs[0].value, "AZ");
    ck_assert_int_eq(a->attrs[0].is_number, 0);
    ck_assert_str_eq(a->attrs[1].key, "numeric");
    ck_assert_str_eq(a->attrs[1].value, "31");
    ck_assert_int_eq(a->attrs[1].is_number, 1);
    ck_assert_double_eq(a->attrs[1].number, 31.0);
    ck_assert_str_eq(a->attrs[2].key, "area");
    ck_assert_int_eq(a->attrs[2].is_number, 1);
    ck_assert_double_eq(a->attrs[2].number, 86.6);
    ck_assert_str_eq(a->attrs[3].key, "share");
    ck_assert_str_eq(a->attrs[3].value, "0.5");
    ck_assert_double_eq(a->attrs[3].number, 0.5);

    a = ag_lexicon_actor(lex, 1);
    ck_assert_str_eq(a->id, "ilham-aliyev");
    ck_assert_int_eq(a->type, AG_TYPE_LEADER);
    ck_assert_str_eq(a->affiliation, "AZE");
    ck_assert_int_eq(a->short_default, 1);
    ck_assert_uint_eq(a->line, 10);
    ck_assert_uint_eq(a->n_attrs, 0);
    ck_assert_uint_eq(a->n_roles, 2);
    ck_assert_str_eq(a->roles[0].title, "President of Azerbaijan");
    ck_assert_str_eq(a->roles[0].from, "2003-10-31");
    ck_assert_ptr_null(a->roles[0].to);
    ck_assert_str_eq(a->roles[1].title, "Prime Minister of Azerbaijan");
    ck_assert_str_eq(a->roles[1].from, "2003-08");
    ck_assert_str_eq(a->roles[1].to, "2003-11");

    a = ag_lexicon_actor(lex, 2);
    ck_assert_str_eq(a->id, "heydar-aliyev");
    ck_assert_int_eq(a->short_default, 0);
    ck_assert_uint_eq(a->line, 16);

    a = ag_lexicon_actor(lex, 3);
    ck_assert_str_eq(a->id, "SUN");
    ck_assert_str_eq(a->valid_from, "1922-12-30");
    ck_assert_str_eq(a->valid_to, "1991-12-26");
    ck_assert_uint_eq(a->line, 18);

    a = ag_lexicon_actor(lex, 5);
    ck_assert_str_eq(a->id, "NATO");
    ck_assert_int_eq(a->type, AG_TYPE_ORG);
    ck_assert_uint_eq(a->line, 25);
    ck_assert_ptr_null(ag_lexicon_actor(lex, 6));

    ck_assert_uint_eq(ag_lexicon_find(lex, "AZE"), 0);
    ck_assert_uint_eq(ag_lexicon_find(lex, "heydar-aliyev"), 2);
    ck_assert_uint_eq(ag_lexicon_find(lex, "USA"), 4);
    ck_assert_uint_eq(ag_lexicon_find(lex, "NATO"), 5);
    ck_assert_uint_eq(ag_lexicon_find(lex, "aze"), (size_t)-1);       /* ids are case-sensitive */
    ck_assert_uint_eq(ag_lexicon_find(lex, "AZ"), (size_t)-1);
    ck_assert_uint_eq(ag_lexicon_find(lex, ""), (size_t)-1);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_good_aliases)
{
    /* per actor: how many aliases of each kind (names short metonyms demonyms patterns not) */
    static const size_t want[6][AG_KIND_COUNT + 1] = {
        { 2, 0, 1, 3, 0, 0 },   /* AZE */
        { 2, 1, 0, 0, 0, 0 },   /* ilham-aliyev */
        { 1, 1, 0, 0, 0, 0 },   /* heydar-aliyev */
        { 2, 0, 0, 0, 0, 0 },   /* SUN */
        { 2, 0, 1, 0, 1, 1 },   /* USA */
        { 2, 0, 0, 0, 0, 0 },   /* NATO */
    };
    static const struct {
        const char *text;
        ag_alias_kind kind;
    } aze[6] = {
        { "Azerbaijan", AG_KIND_NAME }, { "Republic of Azerbaijan", AG_KIND_NAME }, { "Baku", AG_KIND_METONYM },
        { "Azerbaijani", AG_KIND_DEMONYM }, { "Azerbaijanis", AG_KIND_DEMONYM }, { "Azeri", AG_KIND_DEMONYM },
    };
    size_t got[6][AG_KIND_COUNT + 1];
    ag_lexicon *lex = NULL;
    ag_error err;
    size_t usa_pattern = 0, usa_blocker = 0;

    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_path(lex, tu_data("lexicon/good.json"), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    ck_assert_uint_eq(ag_lexicon_alias_count(lex), 20);
    memset(got, 0, sizeof got);
    for (size_t i = 0; i < ag_lexicon_alias_count(lex); i++) {
        const ag_alias *al = ag_lexicon_alias(lex, i);
        ck_assert_uint_lt(al->actor, 6);
        got[al->actor][al->kind]++;
        if (al->actor == 4 && al->kind == AG_KIND_PATTERN)
            usa_pattern = i;
        if (al->actor == 4 && al->kind == AG_KIND_BLOCKER)
            usa_blocker = i;
    }
    ck_assert_ptr_null(ag_lexicon_alias(lex, 20));
    for (size_t a = 0; a < 6; a++)
        for (size_t k = 0; k <= AG_KIND_COUNT; k++)
            ck_assert_msg(got[a][k] == want[a][k], "actor %zu kind %s: %zu aliases instead of %zu", a,
                          ag_alias_kind_name((ag_alias_kind)k), got[a][k], want[a][k]);
    for (size_t i = 0; i < 6; i++) {
        const ag_alias *al = ag_lexicon_alias(lex, i);
        ck_assert_str_eq(al->text, aze[i].text);
        ck_assert_int_eq(al->kind, aze[i].kind);
        ck_assert_uint_eq(al->actor, 0);
    }
    /* as written: the pattern is kept verbatim, "İlham ..." unfolded */
    ck_assert_str_eq(ag_lexicon_alias(lex, usa_pattern)->text, "\\bU\\.S\\.A\\b");
    ck_assert_str_eq(ag_lexicon_alias(lex, usa_blocker)->text, "Washington Post");
    ck_assert_str_eq(ag_lexicon_alias(lex, 7)->text, "İlham Heydər oğlu Əliyev");
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_buffer_name_and_minimal_actor)
{
    ag_lexicon *lex = tu_lexicon("{\"actors\": [{\"id\": \"X\", \"label\": \"Ex\", \"type\": \"org\"}]}");
    const ag_actor *a = ag_lexicon_actor(lex, 0);
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 1);
    ck_assert_uint_eq(ag_lexicon_alias_count(lex), 0);
    ck_assert_str_eq(a->source, "test.json");
    ck_assert_uint_eq(a->line, 1);
    ck_assert_uint_eq(a->n_attrs, 0);
    ck_assert_uint_eq(a->n_roles, 0);
    ag_lexicon_free(lex);

    lex = tu_lexicon("{\"actors\": []}");
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 0);
    ck_assert_uint_eq(ag_lexicon_find(lex, "X"), (size_t)-1);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_escaped_actors_key)
{
    /* "\u0061ctors" is "actors": read by the scanner, positions still right */
    ag_lexicon *lex = tu_lexicon("{\"lexicon\": \"x\", \"version\": 1,\n\"\\u0061ctors\": [\n"
                                 "  {\"id\": \"X\", \"label\": \"Ex\", \"type\": \"org\", \"names\": [\"Exland\"]},\n"
                                 "  {\"id\": \"Y\", \"label\": \"Why\", \"type\": \"org\"}]}");
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 2);
    ck_assert_uint_eq(ag_lexicon_alias_count(lex), 1);
    ck_assert_str_eq(ag_lexicon_actor(lex, 1)->id, "Y");
    ck_assert_uint_eq(ag_lexicon_actor(lex, 1)->line, 4);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_shared_aliases_that_are_fine)
{
    ag_error err;
    diags d;
    /* a short shared by two actors, one string in different kinds, a blocker
     * on two actors, and two spellings that differ only in case */
    const char *json =
        "{\"actors\": [\n"
        "  {\"id\": \"ilham-aliyev\", \"label\": \"I\", \"type\": \"leader\", \"short\": [\"Aliyev\"],\n"
        "   \"short_default\": true},\n"
        "  {\"id\": \"heydar-aliyev\", \"label\": \"H\", \"type\": \"leader\", \"short\": [\"Aliyev\"]},\n"
        "  {\"id\": \"USA\", \"label\": \"U\", \"type\": \"state\", \"metonyms\": [\"Washington\"],\n"
        "   \"names\": [\"US\"], \"not\": [\"Washington Post\"]},\n"
        "  {\"id\": \"george-washington\", \"label\": \"G\", \"type\": \"leader\", \"short\": [\"Washington\"],\n"
        "   \"not\": [\"Washington Post\"]},\n"
        "  {\"id\": \"us-band\", \"label\": \"B\", \"type\": \"org\", \"names\": [\"Us\"]}\n"
        "]}\n";
    ck_assert_int_eq(load_diag(json, &d, &err), AG_OK);
    ck_assert_uint_eq(d.errors, 0);
    ck_assert_uint_eq(d.warnings, 0);
    ck_assert_int_eq(tu_lexicon_status(json, &err), AG_OK);
}
END_TEST

/* Numbers in attrs keep the shortest text that reads back as the same
 * double (not %.17g's 86.599999999999994); whole numbers have no exponent. */
START_TEST(test_attr_numbers_shortest)
{
    static const struct {
        const char *key, *value;
        double number;
    } want[] = {
        { "area", "86.6", 86.6 },     { "share", "0.1", 0.1 },  { "big", "1000", 1000.0 },
        { "third", "0.3333333333333333", 1.0 / 3.0 }, { "count", "31", 31.0 },
    };
    ag_lexicon *lex = tu_lexicon(doc(BASE "\n\"attrs\": {\"area\": 86.6, \"share\": 0.1, \"big\": 1e3, "
                                          "\"third\": 0.3333333333333333, \"count\": 31}"));
    const ag_actor *a = ag_lexicon_actor(lex, 0);
    ck_assert_uint_eq(a->n_attrs, 5);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_str_eq(a->attrs[i].key, want[i].key);
        ck_assert_str_eq(a->attrs[i].value, want[i].value);
        ck_assert_int_eq(a->attrs[i].is_number, 1);
        ck_assert(a->attrs[i].number == want[i].number);
    }
    ag_lexicon_free(lex);
}
END_TEST

/* A file saved by an editor that writes a UTF-8 byte-order mark loads, and
 * positions count from after the mark (editors do not show it). */
START_TEST(test_byte_order_mark)
{
    static const char json[] = "\xEF\xBB\xBF{\"actors\": [{\"id\": \"A\", \"label\": \"A\", \"type\": \"org\", "
                               "\"names\": [\"Alpha\"]}]}";
    static const char bad[] = "\xEF\xBB\xBF{\"actors\": [{\"id\": \"A\", \"label\": \"A\", \"type\": \"stat\"}]}";
    ag_lexicon *lex = tu_lexicon(json);
    ag_error err;
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 1);
    ck_assert_str_eq(ag_lexicon_actor(lex, 0)->id, "A");
    ck_assert_uint_eq(ag_lexicon_actor(lex, 0)->line, 1);
    ck_assert_str_eq(ag_lexicon_alias(lex, 0)->text, "Alpha");
    ck_assert_str_eq(tu_mentions(lex, "Alpha met.", 0), "A:n:Alpha");
    ag_lexicon_free(lex);

    ck_assert_int_eq(tu_lexicon_status(bad, &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, "test.json", 1, 47,
                 "\"type\" of actor \"A\" must be \"state\", \"leader\" or \"org\", not \"stat\"");
}
END_TEST

/* --- dates ------------------------------------------------------------------ */

typedef struct {
    const char *date;
    int valid;
} date_case;

static const date_case date_cases[] = {
    { "2024-02-29", 1 },   /* leap year */
    { "2000-02-29", 1 },   /* divisible by 400 */
    { "2023-02-28", 1 },
    { "2023-12-31", 1 },
    { "2023-04-30", 1 },
    { "1991-12", 1 },
    { "1991", 1 },
    { "2023-02-29", 0 },   /* not a leap year */
    { "1900-02-29", 0 },   /* divisible by 100, not 400 */
    { "2023-02-30", 0 },
    { "2023-04-31", 0 },
    { "2023-13-01", 0 },
    { "2023-00-10", 0 },
    { "2023-01-00", 0 },
    { "2023-01-32", 0 },
    { "2023-13", 0 },
    { "2023-1-5", 0 },
    { "2023-01-5", 0 },
    { "23", 0 },
    { "2023-", 0 },
    { "2023/01/01", 0 },
    { "2023-01-01T10:00", 0 },
    { "01-01-2023", 0 },
    { "year", 0 },
};

START_TEST(test_date_table)
{
    const date_case *c = &date_cases[_i];
    char members[256], msg[256];
    ag_error err;
    ag_status st;

    /* "valid" is the 4th member: line 7, its '{' at column 16, "from" value at 25 */
    snprintf(members, sizeof members, BASE "\n\"valid\": {\"from\": \"%s\"}", c->date);
    st = tu_lexicon_status(doc(members), &err);
    if (c->valid) {
        ck_assert_int_eq(st, AG_OK);
        return;
    }
    ck_assert_int_eq(st, AG_ESCHEMA);
    snprintf(msg, sizeof msg, "\"from\" of \"valid\" is \"%s\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)", c->date);
    assert_error(&err, AG_ESCHEMA, "test.json", 7, 25, msg);
}
END_TEST

START_TEST(test_role_dates)
{
    ag_error err;
    /* the same day, and an open role, are fine */
    ck_assert_int_eq(tu_lexicon_status(doc(BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2020-01-01\", "
                                                "\"to\": \"2020-01-01\"}, {\"title\": \"Q\"}]"), &err),
                     AG_OK);
    ck_assert_int_eq(tu_lexicon_status(doc(BASE "\n\"roles\": []"), &err), AG_OK);
}
END_TEST

/* Dates of different precision compare at the coarser one: a role from
 * 2020-05-01 to "2020" ends within the year it started (the error cases,
 * 2019 and 2020-04-30 against 2020-05, are in err_cases). */
START_TEST(test_dates_of_different_precision)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    const ag_actor *a;
    const char *json = doc(BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2020-05-01\", \"to\": \"2020\"},"
                               " {\"title\": \"Q\", \"from\": \"2021\", \"to\": \"2021-01-01\"}]\n"
                               "\"valid\": {\"from\": \"1922-12-30\", \"to\": \"1922-12\"}");

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "test.json", json, strlen(json), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    a = ag_lexicon_actor(lex, 0);
    ck_assert_uint_eq(a->n_roles, 2);
    ck_assert_str_eq(a->roles[0].from, "2020-05-01");
    ck_assert_str_eq(a->roles[0].to, "2020");
    ck_assert_str_eq(a->roles[1].from, "2021");
    ck_assert_str_eq(a->roles[1].to, "2021-01-01");
    ck_assert_str_eq(a->valid_from, "1922-12-30");
    ck_assert_str_eq(a->valid_to, "1922-12");
    ag_lexicon_free(lex);
}
END_TEST

/* --- schema errors: one table, each with its message and position -------------- */

typedef struct {
    const char *members;      /* for doc(); NULL when json is given */
    const char *json;
    ag_status status;
    unsigned long line, column;
    const char *message;
} err_case;

static const err_case err_cases[] = {
    /* the top level */
    { NULL, "[]", AG_ESCHEMA, 1, 1, "a lexicon must be an object with an \"actors\" array, not an array" },
    { NULL, "\n\n  [1]", AG_ESCHEMA, 3, 3, "a lexicon must be an object with an \"actors\" array, not an array" },
    { NULL, "{\"lexicon\": \"x\"}", AG_ESCHEMA, 1, 1, "the lexicon lacks the required key \"actors\"" },
    { NULL, "{\"actors\": {}}", AG_ESCHEMA, 1, 12, "\"actors\" must be an array, not an object" },
    { NULL, "{\"actors\": \"AZE\"}", AG_ESCHEMA, 1, 12, "\"actors\" must be an array, not a string" },
    { NULL, "{\"actors\": [], \"extra\": 1}", AG_ESCHEMA, 1, 16, "unknown key \"extra\" in the lexicon's top level" },
    { NULL, "{\"actors\": [], \"version\": 2}", AG_ESCHEMA, 1, 27,
      "\"version\" must be 1 (the only version of the format)" },
    { NULL, "{\"lexicon\": 5, \"actors\": []}", AG_ESCHEMA, 1, 13,
      "\"lexicon\" must be a string (the lexicon's name), not an integer" },
    /* actors that are not objects */
    { NULL, "{\"actors\": [\"AZE\"]}", AG_ESCHEMA, 1, 13, "actor #1 must be an object, not a string" },
    { NULL, "{\"actors\": [{\"id\": \"A\", \"label\": \"A\", \"type\": \"state\"}, 5]}", AG_ESCHEMA, 1, 57,
      "actor #2 must be an object, not an integer" },
    /* required keys: the error points at the actor's '{' */
    { "\"label\": \"Azerbaijan\"\n\"type\": \"state\"", NULL, AG_ESCHEMA, 3, 5,
      "actor #1 lacks the required key \"id\"" },
    { "\"id\": \"AZE\"\n\"type\": \"state\"", NULL, AG_ESCHEMA, 3, 5, "actor \"AZE\" lacks the required key \"label\"" },
    { "\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"", NULL, AG_ESCHEMA, 3, 5,
      "actor \"AZE\" lacks the required key \"type\"" },
    /* unknown keys: the error points at the key */
    { BASE "\n\"bogus\": 1", NULL, AG_ESCHEMA, 7, 7, "unknown key \"bogus\" in actor \"AZE\"" },
    { "\"id\": \"AZE\"\n\"nmes\": [\"Azerbaijan\"]\n\"label\": \"Azerbaijan\"\n\"type\": \"state\"", NULL,
      AG_ESCHEMA, 5, 7, "unknown key \"nmes\" in actor \"AZE\"" },
    /* strings that are not */
    { "\"id\": 7\n\"label\": \"Azerbaijan\"\n\"type\": \"state\"", NULL, AG_ESCHEMA, 4, 13,
      "\"id\" of actor #1 must be a string, not an integer" },
    { "\"id\": \"\"\n\"label\": \"Azerbaijan\"\n\"type\": \"state\"", NULL, AG_ESCHEMA, 4, 13,
      "\"id\" of actor #1 must be a non-empty string without control characters" },
    { "\"id\": \"AZE\"\n\"label\": [\"Azerbaijan\"]\n\"type\": \"state\"", NULL, AG_ESCHEMA, 5, 16,
      "\"label\" of actor \"AZE\" must be a string, not an array" },
    { "\"id\": \"AZE\"\n\"label\": \" \"\n\"type\": \"state\"", NULL, AG_ESCHEMA, 5, 16,
      "\"label\" of actor \"AZE\" must be a non-empty string without control characters" },
    { "\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"\n\"type\": 1", NULL, AG_ESCHEMA, 6, 15,
      "\"type\" of actor \"AZE\" must be a string, not an integer" },
    { "\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"\n\"type\": \"country\"", NULL, AG_ESCHEMA, 6, 15,
      "\"type\" of actor \"AZE\" must be \"state\", \"leader\" or \"org\", not \"country\"" },
    { "\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"\n\"type\": \"states\"", NULL, AG_ESCHEMA, 6, 15,
      "\"type\" of actor \"AZE\" must be \"state\", \"leader\" or \"org\", not \"states\"" },
    { BASE "\n\"affiliation\": 5", NULL, AG_ESCHEMA, 7, 22,
      "\"affiliation\" of actor \"AZE\" must be a string, not an integer" },
    /* alias lists */
    { BASE "\n\"names\": \"Azerbaijan\"", NULL, AG_ESCHEMA, 7, 16,
      "\"names\" of actor \"AZE\" must be an array of strings, not a string" },
    { BASE "\n\"not\": {}", NULL, AG_ESCHEMA, 7, 14, "\"not\" of actor \"AZE\" must be an array of strings, not an object" },
    { BASE "\n\"names\": [\"Azerbaijan\", 5]", NULL, AG_ESCHEMA, 7, 31,
      "\"names\"[1] of actor \"AZE\" must be a string, not an integer" },
    { BASE "\n\"metonyms\": [null]", NULL, AG_ESCHEMA, 7, 20,
      "\"metonyms\"[0] of actor \"AZE\" must be a string, not null" },
    { BASE "\n\"names\": [\"\"]", NULL, AG_ESCHEMA, 7, 17,
      "\"names\"[0] of actor \"AZE\" must be a non-empty string without control characters" },
    { BASE "\n\"short\": [\"  \"]", NULL, AG_ESCHEMA, 7, 17,
      "\"short\"[0] of actor \"AZE\" must be a non-empty string without control characters" },
    { BASE "\n\"names\": [\"Azer\\tbaijan\"]", NULL, AG_ESCHEMA, 7, 17,
      "\"names\"[0] of actor \"AZE\" must be a non-empty string without control characters" },
    /* short_default, attrs, valid */
    { BASE "\n\"short_default\": \"yes\"", NULL, AG_ESCHEMA, 7, 24,
      "\"short_default\" of actor \"AZE\" must be true or false, not a string" },
    { BASE "\n\"short_default\": 1", NULL, AG_ESCHEMA, 7, 24,
      "\"short_default\" of actor \"AZE\" must be true or false, not an integer" },
    { BASE "\n\"attrs\": [\"AZ\"]", NULL, AG_ESCHEMA, 7, 16, "\"attrs\" of actor \"AZE\" must be an object, not an array" },
    { BASE "\n\"attrs\": {\"iso2\": [\"AZ\"]}", NULL, AG_ESCHEMA, 7, 25,
      "attribute \"iso2\" of actor \"AZE\" must be a string or a number, not an array" },
    { BASE "\n\"attrs\": {\"un\": true}", NULL, AG_ESCHEMA, 7, 23,
      "attribute \"un\" of actor \"AZE\" must be a string or a number, not a boolean" },
    { BASE "\n\"attrs\": {\"un\": {}}", NULL, AG_ESCHEMA, 7, 23,
      "attribute \"un\" of actor \"AZE\" must be a string or a number, not an object" },
    { BASE "\n\"valid\": \"1991\"", NULL, AG_ESCHEMA, 7, 16,
      "\"valid\" of actor \"AZE\" must be an object with \"from\" and \"to\", not a string" },
    { BASE "\n\"valid\": {\"since\": \"1991\"}", NULL, AG_ESCHEMA, 7, 17, "unknown key \"since\" in \"valid\"" },
    { BASE "\n\"valid\": {\"to\": \"2023-1-5\"}", NULL, AG_ESCHEMA, 7, 23,
      "\"to\" of \"valid\" is \"2023-1-5\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)" },
    /* roles */
    { BASE "\n\"roles\": {\"title\": \"President\"}", NULL, AG_ESCHEMA, 7, 16,
      "\"roles\" of actor \"AZE\" must be an array of objects, not an object" },
    { BASE "\n\"roles\": [\"President\"]", NULL, AG_ESCHEMA, 7, 17,
      "roles[0] of actor \"AZE\" must be an object, not a string" },
    { BASE "\n\"roles\": [{\"from\": \"2003\"}]", NULL, AG_ESCHEMA, 7, 17,
      "roles[0] of actor \"AZE\" lacks the required key \"title\"" },
    { BASE "\n\"roles\": [{\"title\": \"President\", \"since\": \"2003\"}]", NULL, AG_ESCHEMA, 7, 40,
      "unknown key \"since\" in roles[0] of actor \"AZE\"" },
    { BASE "\n\"roles\": [{\"title\": 5}]", NULL, AG_ESCHEMA, 7, 27,
      "\"title\" of roles[0] of actor \"AZE\" must be a string, not an integer" },
    { BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2023-13-01\"}]", NULL, AG_ESCHEMA, 7, 40,
      "\"from\" of roles[0] of actor \"AZE\" is \"2023-13-01\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)" },
    { BASE "\n\"roles\": [{\"title\": \"P\", \"to\": \"2023-02-30\"}]", NULL, AG_ESCHEMA, 7, 38,
      "\"to\" of roles[0] of actor \"AZE\" is \"2023-02-30\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)" },
    { BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2020-01-01\", \"to\": \"2019-12-31\"}]", NULL, AG_ESCHEMA, 7,
      60, "roles[0] of actor \"AZE\" ends (2019-12-31) before it starts (2020-01-01)" },
    /* dates of different precision compare at the coarser one ("2020" does not
       end before 2020-05-01, 2019 does) */
    { BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2020-05-01\", \"to\": \"2019\"}]", NULL, AG_ESCHEMA, 7,
      60, "roles[0] of actor \"AZE\" ends (2019) before it starts (2020-05-01)" },
    { BASE "\n\"roles\": [{\"title\": \"P\", \"from\": \"2020-05\", \"to\": \"2020-04-30\"}]", NULL, AG_ESCHEMA, 7,
      57, "roles[0] of actor \"AZE\" ends (2020-04-30) before it starts (2020-05)" },
    /* a valid period in the wrong order, at its "to" value */
    { BASE "\n\"valid\": {\"from\": \"1991\", \"to\": \"1990\"}", NULL, AG_ESCHEMA, 7, 39,
      "\"valid\" of actor \"AZE\" ends (1990) before it starts (1991)" },
    { BASE "\n\"valid\": {\"from\": \"1991-12-26\", \"to\": \"1991-11\"}", NULL, AG_ESCHEMA, 7, 45,
      "\"valid\" of actor \"AZE\" ends (1991-11) before it starts (1991-12-26)" },
    /* ids and attrs keys are XML name tokens (they become GraphML ids and attr.names) */
    { "\"id\": \"Foo Bar\"\n\"label\": \"Foo\"\n\"type\": \"org\"", NULL, AG_ESCHEMA, 4, 13,
      "id \"Foo Bar\" may hold only letters, digits, '-', '_', '.' and ':'" },
    { "\"id\": \"x&y\"\n\"label\": \"X and Y\"\n\"type\": \"org\"", NULL, AG_ESCHEMA, 4, 13,
      "id \"x&y\" may hold only letters, digits, '-', '_', '.' and ':'" },
    { BASE "\n\"attrs\": {\"a b\": \"x\"}", NULL, AG_ESCHEMA, 7, 17,
      "attribute name \"a b\" of actor \"AZE\" may hold only letters, digits, '-', '_', '.' and ':'" },
    { BASE "\n\"attrs\": {\"iso2\": \"AZ\", \"pop/km2\": 120}", NULL, AG_ESCHEMA, 7, 31,
      "attribute name \"pop/km2\" of actor \"AZE\" may hold only letters, digits, '-', '_', '.' and ':'" },
    /* duplicate ids name the first definition */
    { NULL,
      "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\"},\n"
      "    {\"id\": \"AZE\", \"label\": \"Azerbaijan again\", \"type\": \"state\"}\n"
      "  ]\n"
      "}\n",
      AG_ESCHEMA, 4, 5, "duplicate id \"AZE\" (first defined at test.json:3:5)" },
    /* one alias, two actors, one kind (found at compile) */
    { NULL,
      "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"GEO\", \"label\": \"Georgia\", \"type\": \"state\", \"names\": [\"Georgia\"]},\n"
      "    {\"id\": \"georgia-us\", \"label\": \"Georgia (U.S. state)\", \"type\": \"state\",\n"
      "     \"names\": [\"Georgia\"]}\n"
      "  ]\n"
      "}\n",
      AG_ESCHEMA, 5, 16,
      "alias \"Georgia\" in \"names\" of actor \"georgia-us\" is already claimed by actor \"GEO\" (test.json:3:66)" },
    { NULL,
      "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"TUR\", \"label\": \"Turkey\", \"type\": \"state\", \"metonyms\": [\"Ankara\"]},\n"
      "    {\"id\": \"XTR\", \"label\": \"Somewhere\", \"type\": \"state\",\n"
      "     \"metonyms\": [\"Ankara\"]}\n"
      "  ]\n"
      "}\n",
      AG_ESCHEMA, 5, 19,
      "alias \"Ankara\" in \"metonyms\" of actor \"XTR\" is already claimed by actor \"TUR\" (test.json:3:68)" },
    { NULL,
      "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"TUR\", \"label\": \"Turkey\", \"type\": \"state\", \"names\": [\"Türkiye\"]},\n"
      "    {\"id\": \"XTR\", \"label\": \"Somewhere\", \"type\": \"state\",\n"
      "     \"names\": [\"Turkiye\"]}\n"
      "  ]\n"
      "}\n",
      AG_ESCHEMA, 5, 16,
      "alias \"Turkiye\" in \"names\" of actor \"XTR\" is already claimed by actor \"TUR\" (test.json:3:65)" },
    /* an alias of nothing but a no-break space: nothing for the matcher (found at compile, on every -j) */
    { NULL,
      "{\"actors\": [\n"
      "  {\"id\": \"ALA\", \"label\": \"Aland\", \"type\": \"state\", \"names\": [\"Aland\", \"\\u00a0\"]}\n"
      "]}\n",
      AG_ESCHEMA, 2, 71, "alias \"\u00a0\" in \"names\" of actor \"ALA\" has no letters, digits or punctuation" },
    /* the matcher sees "United  States" (two spaces) as "United States": a clash */
    { NULL,
      "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"USA\", \"label\": \"US\", \"type\": \"state\", \"names\": [\"United States\"]},\n"
      "    {\"id\": \"XUS\", \"label\": \"Other\", \"type\": \"state\", \"names\": [\"United  States\"]}\n"
      "  ]\n"
      "}\n",
      AG_ESCHEMA, 4, 64,
      "alias \"United  States\" in \"names\" of actor \"XUS\" is already claimed by actor \"USA\" (test.json:3:61)" },
    /* a short name may be shared, but only one owner may be its default */
    { NULL,
      "{\"actors\": [\n"
      "  {\"id\": \"ilham-aliyev\", \"label\": \"I\", \"type\": \"leader\", \"short\": [\"Aliyev\"], \"short_default\": true},\n"
      "  {\"id\": \"heydar-aliyev\", \"label\": \"H\", \"type\": \"leader\", \"short\": [\"Aliyev\"], \"short_default\": true}\n"
      "]}\n",
      AG_ESCHEMA, 3, 69,
      "short name \"Aliyev\" has two default owners: \"ilham-aliyev\" and \"heydar-aliyev\" (test.json:2:68); "
      "only one may have short_default" },
    /* patterns that PCRE2 rejects (found at compile) */
    { BASE "\n\"patterns\": [\"Baku)\"]", NULL, AG_EPATTERN, 7, 20,
      "pattern \"Baku)\" of actor \"AZE\" does not compile at offset 4: unmatched closing parenthesis" },
    /* malformed JSON: jansson's message, line and column */
    { NULL, "{\n  \"actors\": [\n    {\"id\": \"A\",}\n  ]\n}", AG_ESYNTAX, 3, 16,
      "malformed JSON: string or '}' expected near '}'" },
    { NULL, "{\"actors\": [", AG_ESYNTAX, 1, 12, "malformed JSON: ']' expected near end of file" },
    { NULL, "{\"actors\": [], \"actors\": []}", AG_ESYNTAX, 1, 23,
      "malformed JSON: duplicate object key near '\"actors\"'" },
};

START_TEST(test_error_table)
{
    const err_case *c = &err_cases[_i];
    const char *json = c->members ? doc(c->members) : c->json;
    ag_error err;
    diags d;

    /* stopping at the first error */
    ck_assert_int_eq(tu_lexicon_status(json, &err), c->status);
    assert_error(&err, c->status, "test.json", c->line, c->column, c->message);

    /* the same error through the callback, and as the call's result */
    ck_assert_int_eq(load_diag(json, &d, &err), c->status);
    ck_assert_uint_eq(d.errors, 1);
    ck_assert_uint_eq(d.warnings, 0);
    ck_assert_int_eq(d.sev[0], AG_DIAG_ERROR);
    assert_error(&d.e[0], c->status, "test.json", c->line, c->column, c->message);
    assert_error(&err, c->status, "test.json", c->line, c->column, c->message);
}
END_TEST

/* --- warnings: reported, never fatal ---------------------------------------------- */

typedef struct {
    const char *json;
    unsigned long line, column;
    const char *message;
} warn_case;

static const warn_case warn_cases[] = {
    /* two spellings of one folded form in one actor */
    { "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"recep-tayyip-erdogan\", \"label\": \"Erdogan\", \"type\": \"leader\",\n"
      "     \"names\": [\"Recep Tayyip Erdoğan\", \"Recep Tayyip Erdogan\"]}\n"
      "  ]\n"
      "}\n",
      4, 40,
      "\"Recep Tayyip Erdogan\" repeats \"Recep Tayyip Erdoğan\" in \"names\" of actor \"recep-tayyip-erdogan\" "
      "(the matcher sees them as one)" },
    { "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"ilham-aliyev\", \"label\": \"Ilham Aliyev\", \"type\": \"leader\",\n"
      "     \"names\": [\"Ilham Aliyev\", \"İlham Əliyev\"]}\n"
      "  ]\n"
      "}\n",
      4, 32,
      "\"İlham Əliyev\" repeats \"Ilham Aliyev\" in \"names\" of actor \"ilham-aliyev\" (the matcher sees them as one)" },
    /* spellings that differ only in the space between tokens */
    { "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"USA\", \"label\": \"United States\", \"type\": \"state\",\n"
      "     \"names\": [\"United States\", \"United  States\"]}\n"
      "  ]\n"
      "}\n",
      4, 33,
      "\"United  States\" repeats \"United States\" in \"names\" of actor \"USA\" (the matcher sees them as one)" },
    /* an affiliation nobody defines (found at compile, at the actor) */
    { "{\n"
      "  \"actors\": [\n"
      "    {\"id\": \"samantha-power\", \"label\": \"Samantha Power\", \"type\": \"leader\",\n"
      "     \"affiliation\": \"USA\"}\n"
      "  ]\n"
      "}\n",
      3, 5, "actor \"samantha-power\" has affiliation \"USA\", which no loaded lexicon defines" },
    /* short_default without a short name */
    { "{\"actors\": [{\"id\": \"X\", \"label\": \"X\", \"type\": \"leader\", \"short_default\": true}]}", 1, 74,
      "actor \"X\" has \"short_default\" but no \"short\" names" },
};

START_TEST(test_warning_table)
{
    const warn_case *c = &warn_cases[_i];
    ag_error err;
    diags d;

    ck_assert_int_eq(load_diag(c->json, &d, &err), AG_OK);
    ck_assert_uint_eq(d.errors, 0);
    ck_assert_uint_eq(d.warnings, 1);
    ck_assert_int_eq(d.sev[0], AG_DIAG_WARNING);
    assert_error(&d.e[0], AG_ESCHEMA, "test.json", c->line, c->column, c->message);
    ck_assert_int_eq(err.status, AG_OK);          /* a warning is not the call's error */

    /* without a callback the lexicon loads and compiles */
    ck_assert_int_eq(tu_lexicon_status(c->json, &err), AG_OK);
}
END_TEST

/* --- diagnostics mode: many errors from one file ---------------------------------- */

START_TEST(test_diagnostics_collect_all)
{
    static const struct {
        ag_diag_severity sev;
        unsigned long line, column;
    } want[] = {
        { AG_DIAG_ERROR, 4, 51 },     /* A1: unknown key "bogus" */
        { AG_DIAG_ERROR, 5, 42 },     /* A2: type "country" */
        { AG_DIAG_ERROR, 6, 71 },     /* A3: 2023-02-29 */
        { AG_DIAG_ERROR, 7, 70 },     /* A4: names[1] is 4 */
        { AG_DIAG_ERROR, 9, 5 },      /* A5 again */
        { AG_DIAG_ERROR, 10, 5 },     /* no id */
        { AG_DIAG_WARNING, 11, 71 },  /* A8: short_default without short */
    };
    const char *path = tu_data("lexicon/several_errors.json");
    char dup_msg[4200];
    ag_lexicon *lex = NULL;
    ag_error err;
    diags d;

    memset(&d, 0, sizeof d);
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ag_lexicon_set_diagnostics(lex, collect, &d);
    ck_assert_int_eq(ag_lexicon_load_file(lex, path, &err), AG_ESCHEMA);
    ck_assert_uint_eq(d.errors, 6);
    ck_assert_uint_eq(d.warnings, 1);
    ck_assert_uint_eq(d.n, 7);
    for (size_t i = 0; i < d.n; i++) {
        ck_assert_int_eq(d.sev[i], want[i].sev);
        ck_assert_str_eq(d.e[i].file, path);
        ck_assert_msg(d.e[i].line == want[i].line && d.e[i].column == want[i].column,
                      "diagnostic %zu at %lu:%lu instead of %lu:%lu: %s", i, d.e[i].line, d.e[i].column,
                      want[i].line, want[i].column, d.e[i].message);
    }
    ck_assert_str_eq(d.e[0].message, "unknown key \"bogus\" in actor \"A1\"");
    ck_assert_str_eq(d.e[3].message, "\"names\"[1] of actor \"A4\" must be a string, not an integer");
    snprintf(dup_msg, sizeof dup_msg, "duplicate id \"A5\" (first defined at %s:8:5)", path);
    ck_assert_str_eq(d.e[4].message, dup_msg);
    ck_assert_str_eq(d.e[5].message, "actor #7 lacks the required key \"id\"");

    /* the call's error is the first one */
    assert_error(&err, AG_ESCHEMA, path, 4, 51, "unknown key \"bogus\" in actor \"A1\"");

    /* the actors without errors are kept */
    ck_assert_uint_ne(ag_lexicon_find(lex, "A5"), (size_t)-1);
    ck_assert_uint_ne(ag_lexicon_find(lex, "A8"), (size_t)-1);
    ck_assert_uint_eq(ag_lexicon_find(lex, "A1"), (size_t)-1);
    ck_assert_uint_eq(ag_lexicon_find(lex, "A2"), (size_t)-1);
    ck_assert_uint_eq(ag_lexicon_find(lex, "A3"), (size_t)-1);
    ck_assert_str_eq(ag_lexicon_actor(lex, ag_lexicon_find(lex, "A5"))->label, "Five");
    ag_lexicon_free(lex);
}
END_TEST

/* An actor that is dropped for one error still has its aliases checked:
 * a bad type and a bad alias are two errors, not one. */
START_TEST(test_diagnostics_actor_and_alias)
{
    ag_error err;
    diags d;
    const char *json = doc("\"id\": \"AZE\"\n\"label\": \"Azerbaijan\"\n\"type\": \"country\"\n"
                           "\"names\": [\"Azerbaijan\", 5]");

    ck_assert_int_eq(load_diag(json, &d, &err), AG_ESCHEMA);
    ck_assert_uint_eq(d.errors, 2);
    ck_assert_uint_eq(d.warnings, 0);
    assert_error(&d.e[0], AG_ESCHEMA, "test.json", 6, 15,
                 "\"type\" of actor \"AZE\" must be \"state\", \"leader\" or \"org\", not \"country\"");
    assert_error(&d.e[1], AG_ESCHEMA, "test.json", 7, 31,
                 "\"names\"[1] of actor \"AZE\" must be a string, not an integer");
    assert_error(&err, AG_ESCHEMA, "test.json", 6, 15,
                 "\"type\" of actor \"AZE\" must be \"state\", \"leader\" or \"org\", not \"country\"");
}
END_TEST

/* A role with an unknown key and a bad date: both are reported. */
START_TEST(test_diagnostics_role_key_and_date)
{
    ag_error err;
    diags d;
    const char *json = doc(BASE "\n\"roles\": [{\"title\": \"P\", \"since\": \"2003\", \"from\": \"2023-13-01\"}]");

    ck_assert_int_eq(load_diag(json, &d, &err), AG_ESCHEMA);
    ck_assert_uint_eq(d.errors, 2);
    ck_assert_uint_eq(d.warnings, 0);
    assert_error(&d.e[0], AG_ESCHEMA, "test.json", 7, 32, "unknown key \"since\" in roles[0] of actor \"AZE\"");
    assert_error(&d.e[1], AG_ESCHEMA, "test.json", 7, 57,
                 "\"from\" of roles[0] of actor \"AZE\" is \"2023-13-01\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)");

    /* without diagnostics the first one stops the load */
    ck_assert_int_eq(tu_lexicon_status(json, &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, "test.json", 7, 32, "unknown key \"since\" in roles[0] of actor \"AZE\"");
}
END_TEST

START_TEST(test_diagnostics_several_at_compile)
{
    /* two clashes and a bad pattern: all reported, the first one returned */
    const char *json =
        "{\n"
        "  \"actors\": [\n"
        "    {\"id\": \"A\", \"label\": \"A\", \"type\": \"state\", \"names\": [\"Alpha\", \"Beta\"]},\n"
        "    {\"id\": \"B\", \"label\": \"B\", \"type\": \"state\", \"names\": [\"Beta\", \"Alpha\"]},\n"
        "    {\"id\": \"C\", \"label\": \"C\", \"type\": \"state\", \"patterns\": [\"(\"], \"affiliation\": \"Z\"}\n"
        "  ]\n"
        "}\n";
    ag_error err;
    diags d;

    ck_assert_int_eq(load_diag(json, &d, &err), AG_ESCHEMA);
    ck_assert_uint_eq(d.errors, 3);
    ck_assert_uint_eq(d.warnings, 1);
    ck_assert_uint_eq(d.n, 4);
    ck_assert_uint_eq(d.e[0].line, 4);                /* B's "Beta" */
    ck_assert_uint_eq(d.e[0].column, 58);
    ck_assert_uint_eq(d.e[1].line, 4);                /* B's "Alpha" */
    ck_assert_uint_eq(d.e[1].column, 66);
    ck_assert_int_eq(d.sev[2], AG_DIAG_WARNING);      /* C's affiliation */
    ck_assert_int_eq(d.e[3].status, AG_EPATTERN);
    ck_assert_uint_eq(d.e[3].line, 5);
    ck_assert_uint_eq(d.e[3].column, 61);
    ck_assert_str_eq(d.e[3].message,
                     "pattern \"(\" of actor \"C\" does not compile at offset 1: missing closing parenthesis");
    assert_error(&err, AG_ESCHEMA, "test.json", 4, 58,
                 "alias \"Beta\" in \"names\" of actor \"B\" is already claimed by actor \"A\" (test.json:3:67)");
}
END_TEST

/* --- files and directories ----------------------------------------------------------- */

START_TEST(test_load_directory_sorted)
{
    static const char *const want[][2] = {
        { "A", "lexicon/dir/a.json" }, { "C", "lexicon/dir/c.json" }, { "B", "lexicon/dir/sub/b.json" },
    };
    ag_lexicon *lex = NULL;
    ag_error err;
    char path[4096];

    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_path(lex, tu_data("lexicon/dir"), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 3);    /* notes.txt is skipped */
    for (size_t i = 0; i < 3; i++) {
        const ag_actor *a = ag_lexicon_actor(lex, i);
        snprintf(path, sizeof path, "%s", tu_data(want[i][1]));
        ck_assert_str_eq(a->id, want[i][0]);
        ck_assert_str_eq(a->source, path);
    }
    ck_assert_uint_eq(ag_lexicon_alias_count(lex), 3);
    ck_assert_str_eq(ag_lexicon_alias(lex, 2)->text, "Bravo");
    ag_lexicon_free(lex);
}
END_TEST

/* Byte order of the whole path, not of each directory's entries: '-'
 * (0x2D) sorts before '/' (0x2F), so order/a-b.json comes before
 * order/a/x.json even though the directory "a" sorts before "a-b.json". */
START_TEST(test_load_directory_path_order)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char path[4096];

    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_path(lex, tu_data("lexicon/order"), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 2);
    ck_assert_str_eq(ag_lexicon_actor(lex, 0)->id, "AB");
    snprintf(path, sizeof path, "%s", tu_data("lexicon/order/a-b.json"));
    ck_assert_str_eq(ag_lexicon_actor(lex, 0)->source, path);
    ck_assert_str_eq(ag_lexicon_actor(lex, 1)->id, "AX");
    snprintf(path, sizeof path, "%s", tu_data("lexicon/order/a/x.json"));
    ck_assert_str_eq(ag_lexicon_actor(lex, 1)->source, path);
    ck_assert_str_eq(ag_lexicon_alias(lex, 0)->text, "Ab");
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_duplicate_across_files)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char first[4096], second[4096], msg[4300];
    const char *one = "{\"actors\": [{\"id\": \"AZE\", \"label\": \"A\", \"type\": \"state\"}]}";
    const char *two = "\n {\"actors\": [{\"id\": \"AZE\", \"label\": \"B\", \"type\": \"org\"}]}";

    snprintf(first, sizeof first, "%s", tu_data("lexicon/dup/a.json"));
    snprintf(second, sizeof second, "%s", tu_data("lexicon/dup/b.json"));
    snprintf(msg, sizeof msg, "duplicate id \"AZE\" (first defined at %s:3:5)", first);
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_path(lex, tu_data("lexicon/dup"), &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, second, 4, 5, msg);
    ag_lexicon_free(lex);

    /* the same between two buffers */
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "one.json", one, strlen(one), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "two.json", two, strlen(two), &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, "two.json", 2, 14, "duplicate id \"AZE\" (first defined at one.json:1:13)");
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_alias_clash_across_files)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    const char *one = "{\"actors\": [{\"id\": \"AZE\", \"label\": \"A\", \"type\": \"state\", \"metonyms\": [\"Baku\"]}]}";
    const char *two = "{\"actors\": [\n  {\"id\": \"baku-fc\", \"label\": \"B\", \"type\": \"org\", \"metonyms\": [\"Baku\"]}]}";

    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "one.json", one, strlen(one), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "two.json", two, strlen(two), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, "two.json", 2, 63,
                 "alias \"Baku\" in \"metonyms\" of actor \"baku-fc\" is already claimed by actor \"AZE\" (one.json:1:71)");
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_compile_with_two_threads)
{
    /* the index built beside the checks: the same scans when they pass, the
     * same error and no index when one fails */
    const char *good = "{\"actors\": [{\"id\": \"AZE\", \"label\": \"A\", \"type\": \"state\", "
                       "\"names\": [\"Azerbaijan\"], \"metonyms\": [\"Baku\"]},"
                       "{\"id\": \"ARM\", \"label\": \"B\", \"type\": \"state\", \"names\": [\"Armenia\"]}]}";
    const char *clash = "{\"actors\": [\n{\"id\": \"AZE\", \"label\": \"A\", \"type\": \"state\", \"metonyms\": [\"Baku\"]},\n"
                        "{\"id\": \"baku-fc\", \"label\": \"B\", \"type\": \"org\", \"metonyms\": [\"Baku\"]}]}";
    ag_lexicon *one = NULL, *two = NULL;
    ag_error err;

    ck_assert_int_eq(ag_lexicon_new(&one, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_new(&two, &err), AG_OK);
    ag_lexicon_set_threads(two, 2);
    ck_assert_int_eq(ag_lexicon_load_buffer(one, "g.json", good, strlen(good), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(two, "g.json", good, strlen(good), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(one, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(two, &err), AG_OK);
    ck_assert_str_eq(tu_mentions(two, "Baku and Armenia met in Azerbaijan.", 0), "AZE:m:Baku|ARM:n:Armenia|AZE:n:Azerbaijan");
    ck_assert_str_eq(tu_mentions(one, "Baku and Armenia met in Azerbaijan.", 0), "AZE:m:Baku|ARM:n:Armenia|AZE:n:Azerbaijan");
    ag_lexicon_free(one);
    ag_lexicon_free(two);

    ck_assert_int_eq(ag_lexicon_new(&two, &err), AG_OK);
    ag_lexicon_set_threads(two, 2);
    ck_assert_int_eq(ag_lexicon_load_buffer(two, "c.json", clash, strlen(clash), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(two, &err), AG_ESCHEMA);
    assert_error(&err, AG_ESCHEMA, "c.json", 3, 61,
                 "alias \"Baku\" in \"metonyms\" of actor \"baku-fc\" is already claimed by actor \"AZE\" (c.json:2:59)");
    ag_lexicon_free(two);
}
END_TEST

START_TEST(test_path_errors)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char missing[4096], nojson[4096], msg[600];

    snprintf(missing, sizeof missing, "%s", tu_data("lexicon/no-such-file.json"));
    snprintf(nojson, sizeof nojson, "%s", tu_data("lexicon/nojson"));
    snprintf(msg, sizeof msg, "cannot open lexicon: %s", strerror(ENOENT));
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);

    ck_assert_int_eq(ag_lexicon_load_path(lex, missing, &err), AG_ENOENT);
    assert_error(&err, AG_ENOENT, missing, 0, 0, msg);
    ck_assert_int_eq(ag_lexicon_load_file(lex, missing, &err), AG_ENOENT);
    assert_error(&err, AG_ENOENT, missing, 0, 0, msg);

    ck_assert_int_eq(ag_lexicon_load_path(lex, nojson, &err), AG_EINVAL);
    assert_error(&err, AG_EINVAL, nojson, 0, 0, "no *.json lexicon files in this directory");

    ck_assert_uint_eq(ag_lexicon_actor_count(lex), 0);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_syntax_error_file)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    char path[4096];

    snprintf(path, sizeof path, "%s", tu_data("lexicon/syntax.json"));
    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_path(lex, path, &err), AG_ESYNTAX);
    assert_error(&err, AG_ESYNTAX, path, 3, 58, "malformed JSON: string or '}' expected near '}'");
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_call_order_errors)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    const char *json = "{\"actors\": []}";

    ck_assert_int_eq(ag_lexicon_new(&lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "a.json", json, strlen(json), &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_OK);
    ck_assert_int_eq(ag_lexicon_compile(lex, &err), AG_EINVAL);
    ck_assert_int_eq(ag_lexicon_load_buffer(lex, "b.json", json, strlen(json), &err), AG_EINVAL);
    ck_assert_int_eq(err.status, AG_EINVAL);
    ag_lexicon_free(lex);
    ag_lexicon_free(NULL);
}
END_TEST

/* --- kinds and types ----------------------------------------------------------------- */

typedef struct {
    const char *list;
    int rc;
    unsigned bits;
} list_case;

#define K(x) (1u << AG_KIND_##x)
#define T(x) (1u << AG_TYPE_##x)

static const list_case kind_cases[] = {
    { "names", 0, K(NAME) },
    { "name", 0, K(NAME) },
    { "short", 0, K(SHORT) },
    { "names,short", 0, K(NAME) | K(SHORT) },
    { "metonym,demonyms", 0, K(METONYM) | K(DEMONYM) },
    { "patterns", 0, K(PATTERN) },
    { "pattern,names,names", 0, K(PATTERN) | K(NAME) },
    { "all", 0, AG_KINDS_ALL },
    { "names,all", 0, AG_KINDS_ALL },
    { "", -1, 0 },
    { "nam", -1, 0 },
    { "shorts", -1, 0 },
    { "shor", -1, 0 },
    { "not", -1, 0 },
    { "blockers", -1, 0 },
    { "Names", -1, 0 },
    { "names short", -1, 0 },
    { ",names", -1, 0 },
    { "names,,short", -1, 0 },
    { "names,", -1, 0 },
    { "names,short,", -1, 0 },
    { "names,bogus", -1, 0 },
};

static const list_case type_cases[] = {
    { "state", 0, T(STATE) },
    { "states", 0, T(STATE) },
    { "leader", 0, T(LEADER) },
    { "leaders", 0, T(LEADER) },
    { "org", 0, T(ORG) },
    { "orgs", 0, T(ORG) },
    { "organizations", 0, T(ORG) },
    { "state,org", 0, T(STATE) | T(ORG) },
    { "states,leaders,orgs", 0, AG_TYPES_ALL },
    { "all", 0, AG_TYPES_ALL },
    { "", -1, 0 },
    { "person", -1, 0 },
    { "country", -1, 0 },
    { "State", -1, 0 },
    { "state,,org", -1, 0 },
    { "state,", -1, 0 },
    { "state,org,", -1, 0 },
};

START_TEST(test_kinds_parse_table)
{
    const list_case *c = &kind_cases[_i];
    unsigned out = 0xdeadu;
    ck_assert_int_eq(ag_kinds_parse(c->list, &out), c->rc);
    ck_assert_uint_eq(out, c->rc == 0 ? c->bits : 0xdeadu);   /* untouched on failure */
}
END_TEST

START_TEST(test_types_parse_table)
{
    const list_case *c = &type_cases[_i];
    unsigned out = 0xdeadu;
    ck_assert_int_eq(ag_types_parse(c->list, &out), c->rc);
    ck_assert_uint_eq(out, c->rc == 0 ? c->bits : 0xdeadu);
}
END_TEST

START_TEST(test_names_of_types_and_kinds)
{
    ag_actor_type t = AG_TYPE_COUNT;
    unsigned out = 0xdeadu;
    ck_assert_str_eq(ag_actor_type_name(AG_TYPE_STATE), "state");
    ck_assert_str_eq(ag_actor_type_name(AG_TYPE_LEADER), "leader");
    ck_assert_str_eq(ag_actor_type_name(AG_TYPE_ORG), "org");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_NAME), "names");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_SHORT), "short");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_METONYM), "metonyms");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_DEMONYM), "demonyms");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_PATTERN), "patterns");
    ck_assert_str_eq(ag_alias_kind_name(AG_KIND_BLOCKER), "not");
    ck_assert_int_eq(ag_actor_type_parse("leaders", 7, &t), 0);
    ck_assert_int_eq(t, AG_TYPE_LEADER);
    ck_assert_int_eq(ag_actor_type_parse("organisations", 13, &t), 0);
    ck_assert_int_eq(t, AG_TYPE_ORG);
    ck_assert_int_eq(ag_actor_type_parse("state,org", 5, &t), 0);    /* len bounds the word */
    ck_assert_int_eq(t, AG_TYPE_STATE);
    ck_assert_int_eq(ag_actor_type_parse("stat", 4, &t), -1);
    ck_assert_int_eq(ag_kinds_parse(NULL, &out), -1);
    ck_assert_int_eq(ag_types_parse(NULL, &out), -1);
    ck_assert_uint_eq(out, 0xdeadu);
}
END_TEST

Suite *lexicon_suite(void);
Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *core = tcase_create("core");
    TCase *errors = tcase_create("errors");
    TCase *edge = tcase_create("edge");

    tcase_add_test(core, test_good_file);
    tcase_add_test(core, test_good_aliases);
    tcase_add_test(core, test_buffer_name_and_minimal_actor);
    tcase_add_test(core, test_escaped_actors_key);
    tcase_add_test(core, test_shared_aliases_that_are_fine);
    tcase_add_test(core, test_load_directory_sorted);
    tcase_add_test(core, test_load_directory_path_order);
    tcase_add_test(core, test_attr_numbers_shortest);
    tcase_add_loop_test(core, test_kinds_parse_table, 0, (int)(sizeof kind_cases / sizeof kind_cases[0]));
    tcase_add_loop_test(core, test_types_parse_table, 0, (int)(sizeof type_cases / sizeof type_cases[0]));
    tcase_add_test(core, test_names_of_types_and_kinds);
    suite_add_tcase(s, core);

    tcase_add_loop_test(errors, test_error_table, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_loop_test(errors, test_date_table, 0, (int)(sizeof date_cases / sizeof date_cases[0]));
    tcase_add_loop_test(errors, test_warning_table, 0, (int)(sizeof warn_cases / sizeof warn_cases[0]));
    tcase_add_test(errors, test_diagnostics_collect_all);
    tcase_add_test(errors, test_diagnostics_actor_and_alias);
    tcase_add_test(errors, test_diagnostics_role_key_and_date);
    tcase_add_test(errors, test_diagnostics_several_at_compile);
    tcase_add_test(errors, test_duplicate_across_files);
    tcase_add_test(errors, test_alias_clash_across_files);
    tcase_add_test(errors, test_compile_with_two_threads);
    tcase_add_test(errors, test_path_errors);
    tcase_add_test(errors, test_syntax_error_file);
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_role_dates);
    tcase_add_test(edge, test_dates_of_different_precision);
    tcase_add_test(edge, test_byte_order_mark);
    tcase_add_test(edge, test_call_order_errors);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(lexicon_suite());
}

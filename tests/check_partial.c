/*
 * check_partial.c — partials: the exact text written for known counts,
 * reading it back into the same counts, shards that merge into the single
 * run's counts in any order of lines, ISO-week labels, and every kind of
 * bad partial with its message and line.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *LEX =
    "{\"actors\": ["
    "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"]},"
    "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]},"
    "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]}]}";

typedef struct {
    const char *id, *date, *text;
} doc;

static const doc DOCS[] = {
    { "b\tdoc", "2025-08-09", "Armenia met Azerbaijan.\nRussia watched." },
    { "a\\doc", "2025-09-01", "Russia, Armenia and Azerbaijan. Armenia again with Russia." },
    { "c", "2025-08-30", "Azerbaijan.\x01 Russia and Azerbaijan." },
};

static void add(ag_cooc *c, const ag_lexicon *lex, const doc *d)
{
    ag_scanner *s = NULL;
    ag_scan_result r;
    ag_cooc_doc cd;
    ag_error err;
    ck_assert_int_eq(ag_scanner_new(lex, NULL, &s, &err), AG_OK);
    ck_assert_int_eq(ag_scanner_scan(s, d->text, strlen(d->text), &r, &err), AG_OK);
    memset(&cd, 0, sizeof cd);
    cd.res = &r;
    cd.tokens = r.token_list;
    cd.text = d->text;
    cd.id = d->id;
    cd.date = d->date;
    ck_assert_int_eq(ag_cooc_add_document(c, &cd, &err), AG_OK);
    ag_scanner_free(s);
}

/* An accumulator (sentence windows, monthly slices, 2 windows of evidence)
 * holding DOCS[first..last). */
static ag_cooc *counted(const ag_lexicon *lex, size_t first, size_t last)
{
    ag_window w = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_cooc_options o = AG_COOC_OPTIONS_INIT;
    ag_cooc *c = NULL;
    ag_error err;
    o.slice = AG_SLICE_MONTH;
    o.evidence = 2;
    ck_assert_int_eq(ag_cooc_new(ag_lexicon_actor_count(lex), &w, &c, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_configure(c, &o, &err), AG_OK);
    for (size_t i = first; i < last; i++)
        add(c, lex, &DOCS[i]);
    return c;
}

/* The partial of c as a string (caller frees). */
static char *written(const ag_lexicon *lex, ag_cooc *c, const char *scan)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ag_error err;
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(ag_partial_write(fp, lex, c, scan, &err), AG_OK);
    fclose(fp);
    return buf;
}

/* Reads text into r; returns the status (err filled). */
static ag_status read_text(ag_partial_reader *r, const char *text, ag_error *err)
{
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    ag_status st;
    ck_assert_ptr_nonnull(fp);
    st = ag_partial_read(r, fp, "p.agp", err);
    fclose(fp);
    return st;
}

static const char *EXPECTED_HEAD = "#actorgraph-partial\t1\n"
                                   "#lexicon\t%s\t3\n"
                                   "#window\tsentence\n"
                                   "#count\tfull\n"
                                   "#slice\tmonth\n"
                                   "#evidence\t2\n"
                                   "#scan\tkinds=x\\ty\n";

static const char *EXPECTED_BODY =
    "N\tdocuments\t3\n"
    "N\twindows\t6\n"
    "N\tsentences\t6\n"
    "N\tundated\t0\n"
    "A\tAZE\t4\t3\t4\t4\n"
    "A\tARM\t3\t2\t3\t4\n"
    "A\tRUS\t4\t3\t4\t4\n"
    "P\tAZE\tARM\t2\t2\n"
    "P\tAZE\tRUS\t2\t2\n"
    "P\tARM\tRUS\t2\t1\n"
    "S\t2025-08\t4\t2\n"
    "S\t2025-09\t2\t1\n"
    "SA\t2025-08\tAZE\t3\t2\t3\t2\n"
    "SA\t2025-08\tARM\t1\t1\t1\t1\n"
    "SA\t2025-08\tRUS\t2\t2\t2\t1\n"
    "SA\t2025-09\tAZE\t1\t1\t1\t2\n"
    "SA\t2025-09\tARM\t2\t1\t2\t3\n"
    "SA\t2025-09\tRUS\t2\t1\t2\t3\n"
    "SP\t2025-08\tAZE\tARM\t1\t1\n"
    "SP\t2025-08\tAZE\tRUS\t1\t1\n"
    "SP\t2025-09\tAZE\tARM\t1\t1\n"
    "SP\t2025-09\tAZE\tRUS\t1\t1\n"
    "SP\t2025-09\tARM\tRUS\t2\t1\n"
    "E\tAZE\tARM\ta\\\\doc\t0\t31\tRussia, Armenia and Azerbaijan.\n"
    "E\tAZE\tARM\tb\\tdoc\t0\t23\tArmenia met Azerbaijan.\n"
    "E\tAZE\tRUS\ta\\\\doc\t0\t31\tRussia, Armenia and Azerbaijan.\n"
    "E\tAZE\tRUS\tc\t13\t35\tRussia and Azerbaijan.\n"
    "E\tARM\tRUS\ta\\\\doc\t0\t31\tRussia, Armenia and Azerbaijan.\n"
    "E\tARM\tRUS\ta\\\\doc\t32\t58\tArmenia again with Russia.\n";

static char *expected_text(const ag_lexicon *lex)
{
    char fp[17], *out = malloc(4096);
    ag_partial_fingerprint(lex, fp);
    snprintf(out, 4096, EXPECTED_HEAD, fp);
    strcat(out, EXPECTED_BODY);
    return out;
}

START_TEST(test_write_exact)
{
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_cooc *c = counted(lex, 0, 3);
    char *got = written(lex, c, "kinds=x\ty"), *want = expected_text(lex);
    ck_assert_str_eq(got, want);
    free(got);
    free(want);
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_read_back)
{
    /* read back, the counts are the same and written again, the same text */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_cooc *c = counted(lex, 0, 3), *back;
    char *text = written(lex, c, "kinds=x\ty"), *again;
    ag_partial_reader *r = NULL;
    const ag_evidence *ev;
    ag_error err;
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_ptr_null(ag_partial_reader_cooc(r));
    ck_assert_int_eq(read_text(r, text, &err), AG_OK);
    back = ag_partial_reader_cooc(r);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(ag_partial_reader_scan(r), "kinds=x\ty");
    ck_assert_uint_eq(ag_cooc_documents(back), 3);
    ck_assert_uint_eq(ag_cooc_windows(back), 6);
    ck_assert_uint_eq(ag_cooc_actor(back, 0)->mentions, 4);
    ck_assert_uint_eq(ag_cooc_actor(back, 0)->links, 4);   /* AZE-ARM 2 + AZE-RUS 2 */
    ck_assert_uint_eq(ag_cooc_slice_count(back), 2);
    ck_assert_str_eq(ag_cooc_slice(back, 1)->label, "2025-09");
    ck_assert_str_eq(ag_cooc_slice(back, 1)->start, "2025-09-01");
    ck_assert_str_eq(ag_cooc_slice(back, 1)->end, "2025-09-30");
    ck_assert_uint_eq(ag_cooc_slice_pair(back, 1, 1, 2).count, 2);
    ck_assert_uint_eq(ag_cooc_evidence(back, 0, 1, &ev), 2);
    ck_assert_str_eq(ev[1].doc, "b\tdoc");
    ck_assert_uint_eq(ev[1].end, 23);
    again = written(lex, back, ag_partial_reader_scan(r));
    ck_assert_str_eq(again, text);
    free(again);
    free(text);
    ag_partial_reader_free(r);
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

/* Reverses the order of the lines of text (in place is not needed: a copy). */
static char *reversed_lines(const char *text)
{
    size_t n = strlen(text), o = 0;
    char *out = malloc(n + 2);
    const char *end = text + n;
    while (end > text) {
        const char *start = end - 1;
        while (start > text && start[-1] != '\n')
            start--;
        memcpy(out + o, start, (size_t)(end - start));
        o += (size_t)(end - start);
        if (out[o - 1] != '\n')
            out[o++] = '\n';
        end = start;
    }
    out[o] = '\0';
    return out;
}

START_TEST(test_shards_merge_to_single)
{
    /* documents counted in two accumulators, their partials read in either
     * order, concatenated, or with every line reversed (header last): the
     * single accumulator's partial, byte for byte */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_cooc *all = counted(lex, 0, 3), *x = counted(lex, 0, 1), *y = counted(lex, 1, 3);
    char *want = written(lex, all, "s"), *px = written(lex, x, "s"), *py = written(lex, y, "s");
    char *both = malloc(strlen(px) + strlen(py) + 1), *rev;
    ag_error err;
    strcpy(both, py);
    strcat(both, px);
    rev = reversed_lines(both);
    for (int way = 0; way < 3; way++) {
        ag_partial_reader *r = NULL;
        char *got;
        ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
        if (way == 0) {
            ck_assert_int_eq(read_text(r, px, &err), AG_OK);
            ck_assert_int_eq(read_text(r, py, &err), AG_OK);
        } else {
            ck_assert_int_eq(read_text(r, way == 1 ? both : rev, &err), AG_OK);
        }
        got = written(lex, ag_partial_reader_cooc(r), "s");
        ck_assert_str_eq(got, want);
        free(got);
        ag_partial_reader_free(r);
    }
    free(rev);
    free(both);
    free(want);
    free(px);
    free(py);
    ag_cooc_free(all);
    ag_cooc_free(x);
    ag_cooc_free(y);
    ag_lexicon_free(lex);
}
END_TEST

/* A header for LEX with the given slice unit and evidence, and no scan. */
static char *header(const ag_lexicon *lex, const char *slice, unsigned evidence)
{
    char fp[17], *out = malloc(512);
    ag_partial_fingerprint(lex, fp);
    snprintf(out, 512,
             "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentence\n#count\tfull\n#slice\t%s\n#evidence\t%u\n",
             fp, slice, evidence);
    return out;
}

static char *with_header(const ag_lexicon *lex, const char *slice, const char *body)
{
    char *h = header(lex, slice, 2), *out = malloc(strlen(h) + strlen(body) + 1);
    strcpy(out, h);
    strcat(out, body);
    free(h);
    return out;
}

START_TEST(test_week_labels)
{
    /* ISO weeks across a year's end: 2020 had 53, 2021-W01 starts on 4 January */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_partial_reader *r = NULL;
    ag_cooc *c;
    ag_error err;
    char *text = with_header(lex, "week", "S\t2021-W01\t2\t1\nS\t2020-W53\t3\t1\nS\t2025-W01\t1\t1\n");
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_int_eq(read_text(r, text, &err), AG_OK);
    c = ag_partial_reader_cooc(r);
    ck_assert_uint_eq(ag_cooc_slice_count(c), 3);
    ck_assert_str_eq(ag_cooc_slice(c, 0)->label, "2020-W53");
    ck_assert_str_eq(ag_cooc_slice(c, 0)->start, "2020-12-28");
    ck_assert_str_eq(ag_cooc_slice(c, 0)->end, "2021-01-03");
    ck_assert_str_eq(ag_cooc_slice(c, 1)->start, "2021-01-04");
    ck_assert_str_eq(ag_cooc_slice(c, 2)->start, "2024-12-30");   /* 2025-W01 starts in 2024 */
    ck_assert_uint_eq(ag_cooc_slice_windows(c, 0), 3);
    free(text);
    ag_partial_reader_free(r);
    ag_lexicon_free(lex);
}
END_TEST

typedef struct {
    const char *slice;      /* the header's slice unit */
    const char *body;       /* after the header ("!" first: the whole text, no header) */
    ag_status status;
    unsigned long line;
    const char *message;
} bad_case;

/* Lines: the header has 6, so the first body line is line 7. */
static const bad_case BAD[] = {
    { "none", "A\tAZE\t1\t1\t1\n", AG_ESYNTAX, 7, "a record of type \"A\" has 5 fields, not 6" },
    { "none", "A\tXYZ\t1\t1\t1\t0\n", AG_ESCHEMA, 7,
      "actor \"XYZ\" is not in the lexicon (give merge the lexicons extract used)" },
    { "none", "P\tAZE\tAZE\t1\t1\n", AG_ESCHEMA, 7, "a pair of \"AZE\" with itself" },
    { "none", "P\tAZE\tARM\t0\t0\n", AG_ESCHEMA, 7, "a pair with a count of 0" },
    { "none", "P\tAZE\tARM\t-1\t1\n", AG_ESYNTAX, 7,
      "\"-1\" is not a count (a whole number from 0 to 18446744073709551615)" },
    { "none", "P\tAZE\tARM\t18446744073709551616\t1\n", AG_ESYNTAX, 7,
      "\"18446744073709551616\" is not a count (a whole number from 0 to 18446744073709551615)" },
    { "none", "P\tAZE\tARM\t18446744073709551615\t1\nP\tARM\tAZE\t1\t1\n", AG_ESCHEMA, 8,
      "a count overflows 64 bits when added" },
    { "none", "N\tpages\t3\n", AG_ESYNTAX, 7, "unknown total \"pages\" (documents, windows, sentences, undated)" },
    { "none", "X\t1\n", AG_ESYNTAX, 7, "unknown record type \"X\"" },
    { "none", "a\t1\n", AG_ESYNTAX, 7, "unknown record type \"a\"" },
    { "none", "S\t2025-08\t1\t1\n", AG_ESCHEMA, 7, "a time slice record in a partial without slices (#slice none)" },
    { "month", "S\t2025-13\t1\t1\n", AG_ESCHEMA, 7, "\"2025-13\" is not a month slice" },
    { "month", "S\t2025-08-01\t1\t1\n", AG_ESCHEMA, 7, "\"2025-08-01\" is not a month slice" },
    { "week", "S\t2025-W54\t1\t1\n", AG_ESCHEMA, 7, "\"2025-W54\" is not a week slice" },
    { "week", "S\t2025-W1\t1\t1\n", AG_ESCHEMA, 7, "\"2025-W1\" is not a week slice" },
    { "none", "E\tAZE\tARM\td\t0\t5\ttext\n", AG_ESCHEMA, 0, "evidence for a pair (AZE, ARM) that has no P record in any partial read" },
    { "none", "P\tAZE\tARM\t1\t1\nE\tAZE\tARM\td\t9\t5\ttext\n", AG_ESYNTAX, 8, "evidence offsets 9..5 are not a span" },
    { "none", "P\tAZE\tARM\t1\t1\nE\tAZE\tARM\td\\q\t0\t5\ttext\n", AG_ESYNTAX, 8, "field 4 has a bad backslash escape" },
    { "none", "P\tAZE\tARM\t1\t1\nE\tAZE\tARM\td\\x00\t0\t5\ttext\n", AG_ESYNTAX, 8,
      "field 4 has a bad backslash escape" },
    { "none", "A\t1\t2\t3\t4\t5\t6\t7\t8\n", AG_ESYNTAX, 7, "a record of type \"A\" has too many fields" },
    { "none", "#window\tparagraph\n", AG_ESCHEMA, 7,
      "this partial's #window header differs from the partials read before (\"paragraph\" vs \"sentence\"): only "
      "partials made with the same options can be merged" },
    { "none", "#colour\tred\n", AG_ESYNTAX, 7, "unknown header \"#colour\"" },
    { "none", "#window\n", AG_ESYNTAX, 7, "header line \"#window\" has no value" },
    { "!", "", AG_ESYNTAX, 0, "empty: a partial starts with the header line #actorgraph-partial" },
    { "!", "\n\n", AG_ESYNTAX, 0, "empty: a partial starts with the header line #actorgraph-partial" },
    { "!", "A\tAZE\t1\t1\t1\t0\n", AG_ESYNTAX, 0,
      "the header line #actorgraph-partial is missing: is this a partial written by actorgraph extract --partial?" },
    { "!", "#actorgraph-partial\t2\n#lexicon\t0000000000000000\t3\n#window\tsentence\n#count\tfull\n#slice\tnone\n"
           "#evidence\t0\n",
      AG_ESCHEMA, 0, "partial format version 2; this actorgraph reads version 1" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t0123456789abcdef\t3\n#window\tsentence\n#count\tfull\n#slice\tnone\n"
           "#evidence\t0\n",
      AG_ESCHEMA, 0,
      "made with another lexicon (fingerprint 0123456789abcdef, 3 actors) than the one loaded (%s, 3 actors): "
      "give merge the same -l as extract" },
    { "!", "#actorgraph-partial\t1\n#lexicon\tnot hex\n#window\tsentence\n#count\tfull\n#slice\tnone\n#evidence\t0\n",
      AG_ESYNTAX, 0, "bad #lexicon header \"not hex\"" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentences\n#count\tfull\n#slice\tnone\n#evidence\t0\n",
      AG_ESYNTAX, 0, "bad #window header \"sentences\"" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentence\n#count\tsome\n#slice\tnone\n#evidence\t0\n",
      AG_ESYNTAX, 0, "bad #count header \"some\"" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentence\n#count\tfull\n#slice\thour\n#evidence\t0\n",
      AG_ESYNTAX, 0, "bad #slice header \"hour\"" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentence\n#count\tfull\n#slice\tnone\n#evidence\t2x\n",
      AG_ESYNTAX, 0, "bad #evidence header \"2x\"" },
    { "!", "#actorgraph-partial\t1\n#lexicon\t%s\t3\n#window\tsentence\n#count\tfull\n#slice\tnone\n#evidence\t0\n"
           "P\tAZE\tARM\t1\t1\nE\tAZE\tARM\td\t0\t5\ttext\n",
      AG_ESCHEMA, 8, "an evidence record in a partial that keeps none (#evidence 0)" },
};

START_TEST(test_bad_partials)
{
    const bad_case *b = &BAD[_i];
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_partial_reader *r = NULL;
    char fp[17], text[2048], message[512];
    ag_error err;
    ag_status st;
    ag_partial_fingerprint(lex, fp);
    if (strcmp(b->slice, "!") == 0) {
        snprintf(text, sizeof text, b->body, fp);
    } else {
        char *t = with_header(lex, b->slice, b->body);
        snprintf(text, sizeof text, "%s", t);
        free(t);
    }
    snprintf(message, sizeof message, b->message, fp);
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    st = read_text(r, text, &err);
    if (st == AG_OK)
        st = ag_partial_reader_finish(r, &err);
    ck_assert_int_eq(st, b->status);
    ck_assert_str_eq(err.file, "p.agp");
    ck_assert_uint_eq(err.line, b->line);
    ck_assert_str_eq(err.message, message);
    ag_partial_reader_free(r);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_nul_byte)
{
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_partial_reader *r = NULL;
    static const char text[] = "#actorgraph-partial\t1\nA\tA\0ZE\t1\n";
    FILE *fp = fmemopen((void *)text, sizeof text - 1, "r");
    ag_error err;
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_int_eq(ag_partial_read(r, fp, "p.agp", &err), AG_ESYNTAX);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_str_eq(err.message, "a NUL byte: this is not a partial");
    fclose(fp);
    ag_partial_reader_free(r);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_second_partial_must_agree)
{
    /* a partial with another window, after a good one: named by its header line */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_partial_reader *r = NULL;
    char *good = with_header(lex, "none", "N\tdocuments\t1\n"), *other = with_header(lex, "month", "");
    ag_error err;
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_int_eq(read_text(r, good, &err), AG_OK);
    ck_assert_int_eq(read_text(r, other, &err), AG_ESCHEMA);
    ck_assert_uint_eq(err.line, 5);
    ck_assert_str_eq(err.message, "this partial's #slice header differs from the partials read before (\"month\" vs "
                                  "\"none\"): only partials made with the same options can be merged");
    free(good);
    free(other);
    ag_partial_reader_free(r);
    ag_lexicon_free(lex);
}
END_TEST

typedef struct {
    int calls;
    char seen[256];
} app_state;

static int on_app(void *userdata, const char *const *fields, size_t n, const char *path, unsigned long line,
                  ag_error *err)
{
    app_state *s = (app_state *)userdata;
    (void)path;
    (void)err;
    s->calls++;
    for (size_t i = 0; i < n; i++) {
        strcat(s->seen, fields[i]);
        strcat(s->seen, i + 1 < n ? "|" : ";");
    }
    return line == 99 ? -1 : 0;
}

START_TEST(test_application_records)
{
    /* records of other upper-case types go to the callback, unescaped; without one they are an error */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_partial_reader *r = NULL;
    app_state s = { 0, "" };
    char *text = with_header(lex, "none", "R\tmentions\tnames\t4\nU\tAli\\tyev\t2\n");
    ag_error err;
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ag_partial_reader_on_record(r, on_app, &s);
    ck_assert_int_eq(read_text(r, text, &err), AG_OK);
    ck_assert_int_eq(s.calls, 2);
    ck_assert_str_eq(s.seen, "R|mentions|names|4;U|Ali\tyev|2;");
    ag_partial_reader_free(r);
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_int_eq(read_text(r, text, &err), AG_ESYNTAX);
    ck_assert_str_eq(err.message, "unknown record type \"R\"");
    ck_assert_uint_eq(err.line, 7);
    free(text);
    ag_partial_reader_free(r);
    ag_lexicon_free(lex);
}
END_TEST

START_TEST(test_fingerprint)
{
    /* the same lexicon twice: the same; one alias more, a label changed: different */
    ag_lexicon *a = tu_lexicon(LEX), *b = tu_lexicon(LEX);
    ag_lexicon *c = tu_lexicon(
        "{\"actors\": ["
        "{\"id\": \"AZE\", \"label\": \"Azerbaijan\", \"type\": \"state\", \"names\": [\"Azerbaijan\", \"Azerbaidjan\"]},"
        "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]},"
        "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]}]}");
    ag_lexicon *d = tu_lexicon(
        "{\"actors\": ["
        "{\"id\": \"AZE\", \"label\": \"Azərbaycan\", \"type\": \"state\", \"names\": [\"Azerbaijan\"]},"
        "{\"id\": \"ARM\", \"label\": \"Armenia\", \"type\": \"state\", \"names\": [\"Armenia\"]},"
        "{\"id\": \"RUS\", \"label\": \"Russia\", \"type\": \"state\", \"names\": [\"Russia\"]}]}");
    char fa[17], fb[17], fc[17], fd[17];
    ag_partial_fingerprint(a, fa);
    ag_partial_fingerprint(b, fb);
    ag_partial_fingerprint(c, fc);
    ag_partial_fingerprint(d, fd);
    ck_assert_uint_eq(strlen(fa), 16);
    ck_assert_str_eq(fa, fb);
    ck_assert_str_ne(fa, fc);
    ck_assert_str_ne(fa, fd);
    ck_assert_str_ne(fc, fd);
    ag_lexicon_free(a);
    ag_lexicon_free(b);
    ag_lexicon_free(c);
    ag_lexicon_free(d);
}
END_TEST

START_TEST(test_write_record_escapes)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    const char *f[4] = { "U", "a\tb\\c\nd\re\x01\x7f", "", NULL };
    ag_partial_write_record(fp, f, 4);
    fclose(fp);
    ck_assert_str_eq(buf, "U\ta\\tb\\\\c\\nd\\re\\x01\\x7F\t\t\n");
    free(buf);
}
END_TEST

START_TEST(test_empty_partial)
{
    /* a partial of no documents: a header and zero totals, read back as empty counts */
    ag_lexicon *lex = tu_lexicon(LEX);
    ag_cooc *c = counted(lex, 0, 0);
    char *text = written(lex, c, NULL);
    ag_partial_reader *r = NULL;
    const ag_pair_counts *pairs;
    size_t n;
    ag_error err;
    ck_assert_ptr_nonnull(strstr(text, "#scan\t\nN\tdocuments\t0\n"));
    ck_assert_ptr_null(strstr(text, "\nA\t"));
    ck_assert_int_eq(ag_partial_reader_new(lex, &r, &err), AG_OK);
    ck_assert_int_eq(read_text(r, text, &err), AG_OK);
    ck_assert_int_eq(ag_cooc_pairs(ag_partial_reader_cooc(r), &pairs, &n, &err), AG_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_eq(ag_cooc_documents(ag_partial_reader_cooc(r)), 0);
    free(text);
    ag_partial_reader_free(r);
    ag_cooc_free(c);
    ag_lexicon_free(lex);
}
END_TEST

static Suite *partial_suite(void)
{
    Suite *s = suite_create("partial");
    TCase *core = tcase_create("core");
    tcase_add_test(core, test_write_exact);
    tcase_add_test(core, test_read_back);
    tcase_add_test(core, test_shards_merge_to_single);
    tcase_add_test(core, test_week_labels);
    tcase_add_loop_test(core, test_bad_partials, 0, (int)(sizeof BAD / sizeof BAD[0]));
    tcase_add_test(core, test_nul_byte);
    tcase_add_test(core, test_second_partial_must_agree);
    tcase_add_test(core, test_application_records);
    tcase_add_test(core, test_fingerprint);
    tcase_add_test(core, test_write_record_escapes);
    tcase_add_test(core, test_empty_partial);
    suite_add_tcase(s, core);
    return s;
}

int main(void)
{
    return tu_run(partial_suite());
}

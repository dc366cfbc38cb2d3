/*
 * run.c — the document loop shared by extract and mentions, and the
 * options and statistics that go with it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

void run_options_init(run_options *o)
{
    ag_reader_options r = AG_READER_OPTIONS_INIT;
    ag_match_options m = AG_MATCH_OPTIONS_INIT;
    memset(o, 0, sizeof *o);
    o->reader = r;
    o->reader.warn = cli_diag;
    o->match = m;
    o->types = AG_TYPES_ALL;
}

void run_options_free(run_options *o)
{
    cli_list_free(&o->inputs);
    cli_list_free(&o->lexicons);
}

int run_parse_option(const char *cmd, int opt, const char *arg, run_options *o)
{
    unsigned long long n;
    switch (opt) {
    case 'l':
        if (cli_list_add(&o->lexicons, (char *)arg) != 0)
            return cli_usage(cmd, "out of memory"), -1;
        return 1;
    case 'q':
        cli_quiet = 1;
        return 1;
    case OPT_KINDS:
        if (ag_kinds_parse(arg, &o->match.kinds) != 0)
            return cli_usage(cmd, "--kinds takes a comma-separated list of names, short, metonyms, demonyms, "
                                  "patterns (or all), not '%s'", arg), -1;
        return 1;
    case OPT_TEXT_FIELD:
        o->reader.text_field = arg;
        return 1;
    case OPT_ID_FIELD:
        o->reader.id_field = arg;
        return 1;
    case OPT_DATE_FIELD:
        o->reader.date_field = arg;
        return 1;
    case OPT_INPUT_FORMAT:
        if (strcmp(arg, "auto") == 0)
            o->reader.format = AG_INPUT_AUTO;
        else if (strcmp(arg, "text") == 0 || strcmp(arg, "txt") == 0)
            o->reader.format = AG_INPUT_TEXT;
        else if (strcmp(arg, "jsonl") == 0)
            o->reader.format = AG_INPUT_JSONL;
        else
            return cli_usage(cmd, "--input-format takes auto, text or jsonl, not '%s'", arg), -1;
        return 1;
    case OPT_METONYM_PLACES:
        o->match.metonym_places = 1;
        return 1;
    case OPT_MAX_DOCUMENT:
        if (cli_parse_uint(arg, &n) != 0 || n == 0 || n > AG_TEXT_MAX)
            return cli_usage(cmd, "--max-document takes a byte count from 1 to %zu, not '%s'", (size_t)AG_TEXT_MAX,
                             arg), -1;
        o->reader.max_document = (size_t)n;
        return 1;
    default:
        return 0;
    }
}

void run_stats_init(run_stats *s)
{
    memset(s, 0, sizeof *s);
    s->unresolved_surfaces = json_object();
    s->limited_patterns = json_object();
}

void run_stats_free(run_stats *s)
{
    json_decref(s->unresolved_surfaces);
    json_decref(s->limited_patterns);
    s->unresolved_surfaces = NULL;
    s->limited_patterns = NULL;
}

static void count(run_stats *s, const ag_document *doc, const ag_scan_result *res, const ag_lexicon *lex)
{
    (void)lex;
    s->documents++;
    s->bytes += doc->len;
    s->tokens += res->tokens;
    s->sentences += res->sentences;
    s->paragraphs += res->paragraphs;
    s->blocked += res->blocked;
    s->places += res->places;
    s->guarded += res->guarded;
    s->pattern_limits += res->pattern_limits;
    s->invalid_bytes += res->invalid_bytes;
    for (size_t i = 0; i < res->n_mentions; i++)
        s->mentions[res->mentions[i].kind]++;
    s->unresolved += res->n_unresolved;
    for (size_t i = 0; i < res->n_unresolved; i++) {
        const ag_unresolved *u = &res->unresolved[i];
        char key[256];
        size_t n = u->end - u->start;
        json_t *v;
        if (n >= sizeof key || !ag_utf8_valid(doc->text + u->start, n))
            continue;
        memcpy(key, doc->text + u->start, n);
        key[n] = '\0';
        v = json_object_get(s->unresolved_surfaces, key);
        if (v)
            json_integer_set(v, json_integer_value(v) + 1);
        else
            json_object_set_new(s->unresolved_surfaces, key, json_integer(1));
    }
}

/* Warnings about one document: bytes that are not UTF-8 (the first ten
 * documents), a pattern that hit the PCRE2 match limit (once per pattern). */
static void warn_document(run_stats *s, const ag_document *doc, const ag_scan_result *res, const ag_lexicon *lex)
{
    if (cli_quiet)
        return;
    if (res->invalid_bytes && s->utf8_warnings < 10) {
        if (doc->line)
            fprintf(stderr, "actorgraph: warning: %s:%lu: %zu byte%s not valid UTF-8, read as U+FFFD (offsets "
                            "unchanged)\n", doc->source, doc->line, res->invalid_bytes,
                    res->invalid_bytes == 1 ? " is" : "s are");
        else
            fprintf(stderr, "actorgraph: warning: %s: %zu byte%s not valid UTF-8, read as U+FFFD (offsets "
                            "unchanged)\n", doc->source, res->invalid_bytes, res->invalid_bytes == 1 ? " is" : "s are");
        if (++s->utf8_warnings == 10)
            fprintf(stderr, "actorgraph: warning: more documents with invalid UTF-8 are not listed (see --stats)\n");
    }
    if (res->pattern_limits && res->limited_alias != UINT32_MAX && !json_object_get(s->limited_patterns,
                                                                                    ag_lexicon_alias(lex, res->limited_alias)->text)) {
        const ag_alias *al = ag_lexicon_alias(lex, res->limited_alias);
        const ag_actor *a = ag_lexicon_actor(lex, al->actor);
        fprintf(stderr, "actorgraph: warning: %s: pattern \"%s\" of actor \"%s\" hit the PCRE2 match limit (it "
                        "backtracks too much); the rest of this document was not searched with it\n",
                doc->id, al->text, a->id);
        json_object_set_new(s->limited_patterns, al->text, json_true());
    }
}

int run_documents(const run_options *opts, const ag_lexicon *lex, run_fn fn, void *userdata, run_stats *stats)
{
    ag_reader *reader = NULL;
    ag_scanner *scanner = NULL;
    ag_error err;
    int rc = 0;

    memset(&err, 0, sizeof err);
    if (ag_reader_new((const char *const *)opts->inputs.v, opts->inputs.n, &opts->reader, &reader, &err) != AG_OK ||
        ag_scanner_new(lex, &opts->match, &scanner, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    for (;;) {
        ag_document doc;
        ag_scan_result res;
        int got;
        if (ag_reader_next(reader, &doc, &got, &err) != AG_OK) {
            rc = cli_fail(&err);
            break;
        }
        if (!got)
            break;
        if (ag_scanner_scan(scanner, doc.text, doc.len, &res, &err) != AG_OK) {
            if (!err.file[0]) {
                snprintf(err.file, sizeof err.file, "%s", doc.source);
                err.line = doc.line;
            }
            rc = cli_fail(&err);
            break;
        }
        count(stats, &doc, &res, lex);
        warn_document(stats, &doc, &res, lex);
        if ((rc = fn(userdata, &doc, &res)) != 0)
            break;
    }
    stats->reader = *ag_reader_stats_get(reader);

done:
    ag_scanner_free(scanner);
    ag_reader_free(reader);
    return rc;
}

json_t *run_stats_json(const run_stats *s, const ag_lexicon *lex)
{
    json_t *o = json_object(), *m = json_object(), *u = json_object(), *sk = json_object();
    uint64_t total = 0;
    (void)lex;
    json_object_set_new(o, "documents", json_integer((json_int_t)s->documents));
    json_object_set_new(o, "bytes", json_integer((json_int_t)s->bytes));
    json_object_set_new(o, "tokens", json_integer((json_int_t)s->tokens));
    json_object_set_new(o, "sentences", json_integer((json_int_t)s->sentences));
    json_object_set_new(o, "paragraphs", json_integer((json_int_t)s->paragraphs));
    for (int k = 0; k < AG_KIND_COUNT; k++) {
        json_object_set_new(m, ag_alias_kind_name((ag_alias_kind)k), json_integer((json_int_t)s->mentions[k]));
        total += s->mentions[k];
    }
    json_object_set_new(m, "total", json_integer((json_int_t)total));
    json_object_set_new(o, "mentions", m);
    json_object_set_new(u, "total", json_integer((json_int_t)s->unresolved));
    json_object_set(u, "surfaces", s->unresolved_surfaces);
    json_object_set_new(o, "unresolved_short", u);
    json_object_set_new(o, "blocked", json_integer((json_int_t)s->blocked));
    json_object_set_new(o, "places", json_integer((json_int_t)s->places));
    json_object_set_new(o, "given_name_guarded", json_integer((json_int_t)s->guarded));
    json_object_set_new(o, "pattern_limits", json_integer((json_int_t)s->pattern_limits));
    json_object_set_new(o, "invalid_utf8_bytes", json_integer((json_int_t)s->invalid_bytes));
    json_object_set_new(sk, "files", json_integer((json_int_t)s->reader.skipped_files));
    json_object_set_new(sk, "lines", json_integer((json_int_t)s->reader.skipped_lines));
    json_object_set_new(sk, "large", json_integer((json_int_t)s->reader.skipped_large));
    json_object_set_new(sk, "binary", json_integer((json_int_t)s->reader.skipped_binary));
    json_object_set_new(o, "skipped", sk);
    return o;
}

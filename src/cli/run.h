/*
 * run.h — the document loop the text commands share: read inputs, scan
 * each document, hand every result to the command in input order, and
 * count what happened for --stats.
 */
#ifndef AG_CLI_RUN_H
#define AG_CLI_RUN_H

#include <jansson.h>
#include <stdint.h>

#include "cli.h"

typedef struct {
    uint64_t documents, bytes, tokens, sentences, paragraphs;
    uint64_t mentions[AG_KIND_COUNT];
    uint64_t unresolved;
    uint64_t blocked, places, guarded, pattern_limits, invalid_bytes;
    json_t *unresolved_surfaces;   /* surface -> count */
    json_t *limited_patterns;      /* patterns already warned about */
    unsigned utf8_warnings;
    ag_reader_stats reader;
} run_stats;

/* The text commands' shared options. */
typedef struct {
    cli_list inputs;
    cli_list lexicons;
    ag_reader_options reader;
    ag_match_options match;
    unsigned types;
    unsigned jobs;        /* threads that scan, the calling one included (1: it alone) */
    int need_tokens;      /* the callback reads res->token_list (token windows, evidence) */
} run_options;

/* Called for every document, in input order, on the calling thread
 * (whatever the number of scanning threads). Returns 0 to go on, or an
 * exit status to stop with. */
typedef int (*run_fn)(void *userdata, const ag_document *doc, const ag_scan_result *res);

/* Reads every input, scans it with lex and calls fn. Returns 0 or an exit
 * status (after printing why); EXIT_INPUT when inputs were named but none
 * could be read, so that the caller writes nothing. */
int run_documents(const run_options *opts, const ag_lexicon *lex, run_fn fn, void *userdata, run_stats *stats);

void run_stats_init(run_stats *s);
void run_stats_free(run_stats *s);

/* The statistics as a JSON object (new reference). */
json_t *run_stats_json(const run_stats *s, const ag_lexicon *lex);

/* Option codes of the shared long options (short ones use their letter). */
enum {
    OPT_KINDS = 256,
    OPT_TEXT_FIELD,
    OPT_ID_FIELD,
    OPT_DATE_FIELD,
    OPT_INPUT_FORMAT,
    OPT_METONYM_PLACES,
    OPT_MAX_DOCUMENT,
    OPT_JOBS,
    OPT_RUN_LAST
};

#define RUN_LONG_OPTIONS                                               \
    { "lexicon", required_argument, NULL, 'l' },                       \
    { "kinds", required_argument, NULL, OPT_KINDS },                   \
    { "text-field", required_argument, NULL, OPT_TEXT_FIELD },         \
    { "id-field", required_argument, NULL, OPT_ID_FIELD },             \
    { "date-field", required_argument, NULL, OPT_DATE_FIELD },         \
    { "input-format", required_argument, NULL, OPT_INPUT_FORMAT },     \
    { "metonym-places", no_argument, NULL, OPT_METONYM_PLACES },       \
    { "max-document", required_argument, NULL, OPT_MAX_DOCUMENT },     \
    { "jobs", required_argument, NULL, 'j' },                          \
    { "quiet", no_argument, NULL, 'q' }

#define RUN_HELP                                                                                     \
    "  -l, --lexicon PATH      lexicon file or directory of *.json (repeatable;\n"                   \
    "                          default: the bundled lexicons)\n"                                    \
    "      --kinds LIST        alias kinds that count: names,short,metonyms,demonyms,\n"            \
    "                          patterns, or all (default: all but demonyms)\n"                      \
    "      --metonym-places    count capitals even where they name a place (\"in Moscow\")\n"      \
    "      --input-format F    auto, text or jsonl (default auto: by extension;\n"                  \
    "                          standard input is JSONL when it starts with '{')\n"                  \
    "      --text-field F      JSONL field holding the text (default text)\n"                      \
    "      --id-field F        JSONL field holding the document id (default id)\n"                 \
    "      --date-field F      JSONL field holding the date (default date)\n"                      \
    "      --max-document N    skip documents larger than N bytes (default 33554432)\n"           \
    "  -j, --jobs N            scan with N threads (default: the number of cores);\n"   \
    "                          the output is the same for every N\n"                  \
    "  -q, --quiet             no warnings\n"

void run_options_init(run_options *o);
void run_options_free(run_options *o);

/* Common option parsing: returns 1 when the option was one of the shared
 * ones (and consumed), 0 when not, or -1 after printing a usage error. */
int run_parse_option(const char *cmd, int opt, const char *arg, run_options *opts);

#endif

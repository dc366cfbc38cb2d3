/*
 * cmd_extract.c — `actorgraph extract`: text in, actor graph out.
 *
 * Parses options, runs the document loop into a co-occurrence counter,
 * and hands the counts to output.c, which builds the graph with the
 * filters and writes every output (graphs, evidence, partial, --stats)
 * atomically. All the work is the library's.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "output.h"

enum { OPT_COUNT = OPT_OUTPUT_LAST + 1, OPT_SLICE, OPT_DATE };

/* In pieces: C limits a string literal's length. */
static const char *const help_head =
    "usage: actorgraph extract [OPTIONS] [INPUT...]\n"
    "\n"
    "Finds the actors in the inputs and writes the graph of the actors that\n"
    "appear in the same window. INPUT is a file (*.jsonl: one document per line,\n"
    "anything else: one document), a directory (read recursively for *.txt and\n"
    "*.jsonl) or - for standard input; no INPUT reads standard input.\n"
    "\n"
    "Output\n";

static const char *const help_counting =
    "\n"
    "Counting\n"
    "  -w, --window UNIT       sentence (default), paragraph, document, or tokens:N\n"
    "                          (a mention and the N words after it, inside its\n"
    "                          sentence; tokens:N:paragraph or tokens:N:none to clip\n"
    "                          wider or not at all)\n"
    "      --count MODE        full (default): every window counts; binary: each\n"
    "                          pair and actor counts at most once per document\n"
    "                          (the windows are then the documents)\n"
    "      --slice UNIT        also count per day, week, month or year of each\n"
    "                          document's date (dynamic GEXF)\n"
    "      --date DATE         the date of text-file documents (JSONL documents\n"
    "                          use their date field)\n";

static const char *const help_tail =
    "\n"
    "Input\n"
    RUN_HELP
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n";

typedef struct {
    ag_cooc *cooc;
    const char *date;     /* --date, for documents without their own */
} extract_state;

static int on_document(void *userdata, const ag_document *doc, const ag_scan_result *res)
{
    extract_state *x = (extract_state *)userdata;
    ag_cooc_doc d;
    ag_error err;
    d.res = res;
    d.tokens = res->token_list;
    d.text = doc->text;
    d.id = doc->id;
    d.date = doc->date ? doc->date : x->date;
    d.seq = doc->seq;
    if (ag_cooc_add_document(x->cooc, &d, &err) != AG_OK)
        return cli_fail(&err);
    return 0;
}

/* The settings that decide what is counted, beyond the lexicon, window and
 * counting options: partials must agree on them to be merged. */
static void scan_settings(const run_options *ro, char *buf, size_t size)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, size - n, "kinds=");
    for (int k = 0, first = 1; k < AG_KIND_COUNT && n < size; k++) {
        if (!(ro->match.kinds & (1u << k)))
            continue;
        n += (size_t)snprintf(buf + n, size - n, "%s%s", first ? "" : ",", ag_alias_kind_name((ag_alias_kind)k));
        first = 0;
    }
    if (n < size)
        snprintf(buf + n, size - n, " metonym-places=%s max-document=%zu", ro->match.metonym_places ? "yes" : "no",
                 ro->reader.max_document);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        RUN_LONG_OPTIONS,
        OUTPUT_LONG_OPTIONS,
        { "window", required_argument, NULL, 'w' },
        { "count", required_argument, NULL, OPT_COUNT },
        { "slice", required_argument, NULL, OPT_SLICE },
        { "date", required_argument, NULL, OPT_DATE },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    run_options ro;
    run_stats stats;
    output_options oo;
    output_run run;
    ag_window window = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_cooc_options copts = AG_COOC_OPTIONS_INIT;
    ag_lexicon *lex = NULL;
    extract_state x = { NULL, NULL };
    char scan[256];
    ag_error err;
    int rc = 0, opt;

    memset(&run, 0, sizeof run);
    clock_gettime(CLOCK_MONOTONIC, &run.start);
    run_options_init(&ro);
    run_stats_init(&stats);
    output_options_init(&oo);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:o:f:w:j:qh", longopts, NULL)) != -1) {
        int shared = run_parse_option("extract", opt, optarg, &ro);
        if (shared == 0)
            shared = output_parse_option("extract", opt, optarg, &oo);
        if (shared < 0) {
            rc = EXIT_INPUT;
            goto done;
        }
        if (shared)
            continue;
        switch (opt) {
        case 'w':
            if (ag_window_parse(optarg, &window) != 0) {
                rc = cli_usage("extract", "--window takes sentence, paragraph, document or tokens:N[:sentence|"
                                          "paragraph|none], not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_COUNT:
            if (strcmp(optarg, "full") == 0) {
                copts.count = AG_COUNT_FULL;
            } else if (strcmp(optarg, "binary") == 0) {
                copts.count = AG_COUNT_BINARY;
            } else {
                rc = cli_usage("extract", "--count takes full or binary, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_SLICE:
            if (ag_slice_parse(optarg, &copts.slice) != 0) {
                rc = cli_usage("extract", "--slice takes day, week, month or year, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_DATE:
            if (strlen(optarg) < 4) {
                rc = cli_usage("extract", "--date takes YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", optarg);
                goto done;
            }
            x.date = optarg;
            break;
        case 'h':
            fputs(help_head, stdout);
            fputs(output_help_outputs, stdout);
            fputs(help_counting, stdout);
            fputs(output_help_weights, stdout);
            fputs("\n", stdout);
            fputs(output_help_filters, stdout);
            fputs(help_tail, stdout);
            goto done;
        default:
            rc = cli_usage("extract", "unknown option");
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        cli_list_add(&ro.inputs, argv[i]);
    if ((rc = output_check("extract", &oo)) != 0)
        goto done;

    copts.evidence = oo.evidence_given ? oo.evidence : (oo.evidence_path ? 3 : 0);
    ro.need_tokens = window.unit == AG_WINDOW_TOKENS || copts.evidence > 0;

    if ((rc = cli_load_lexicons(ro.lexicons.v, ro.lexicons.n, ro.jobs, &lex)) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (ag_cooc_new(ag_lexicon_actor_count(lex), &window, &x.cooc, &err) != AG_OK ||
        ag_cooc_configure(x.cooc, &copts, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = run_documents(&ro, lex, on_document, &x, &stats)) != 0)
        goto done;
    if (stats.documents == 0 && !cli_quiet)
        fprintf(stderr, "actorgraph: warning: no documents were read; the graph is empty\n");
    if (copts.slice != AG_SLICE_NONE && ag_cooc_undated(x.cooc) && !cli_quiet)
        fprintf(stderr, "actorgraph: warning: %llu document%s without a usable date %s in no time slice\n",
                (unsigned long long)ag_cooc_undated(x.cooc), ag_cooc_undated(x.cooc) == 1 ? "" : "s",
                ag_cooc_undated(x.cooc) == 1 ? "is" : "are");
    scan_settings(&ro, scan, sizeof scan);
    run.scan = scan;
    run.stats = run_stats_json(&stats, lex);
    rc = output_write(&oo, lex, x.cooc, &run);
    json_decref(run.stats);
    if (rc == 0 && stats.reader.skipped_files)
        rc = EXIT_INPUT;   /* the outputs are written, but some input could not be read */

done:
    ag_cooc_free(x.cooc);
    ag_lexicon_free(lex);
    run_stats_free(&stats);
    run_options_free(&ro);
    output_options_free(&oo);
    return rc;
}

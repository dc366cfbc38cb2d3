/*
 * cmd_extract.c — `actorgraph extract`: text in, actor graph out.
 *
 * Parses options, runs the document loop into a co-occurrence counter,
 * builds the graph with the filters and writes every -o output (and the
 * --stats summary) atomically. All the work is the library's.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run.h"

enum { OPT_WEIGHT = OPT_RUN_LAST + 1, OPT_MIN_WEIGHT, OPT_MIN_MENTIONS, OPT_TYPES, OPT_STATS };

static const char help[] =
    "usage: actorgraph extract [OPTIONS] [INPUT...]\n"
    "\n"
    "Finds the actors in the inputs and writes the graph of the actors that\n"
    "appear in the same window. INPUT is a file (*.jsonl: one document per line,\n"
    "anything else: one document), a directory (read recursively for *.txt and\n"
    "*.jsonl) or - for standard input; no INPUT reads standard input.\n"
    "\n"
    "  -o, --output PATH       write the graph here (repeatable); the format comes\n"
    "                          from the extension: .graphml, .dot, .gv; - is\n"
    "                          standard output (default: GraphML to standard output)\n"
    "  -f, --format FMT        graphml or dot, for every output, whatever its name\n"
    "  -w, --window UNIT       sentence, paragraph or document (default sentence):\n"
    "                          two actors co-occur when they share one\n"
    "      --weight MEASURE    what becomes the edge weight (default count):\n"
    "                            count    windows in which both occur\n"
    "                            docs     documents in which they co-occur\n"
    "                            npmi     ln(c N / (n_a n_b)) / -ln(c / N)\n"
    "                            jaccard  c / (n_a + n_b - c)\n"
    "                            dice     2 c / (n_a + n_b)\n"
    "                          (c: windows with both, n_a: windows with a, N: all\n"
    "                          windows); every measure is written as an attribute\n"
    "      --min-mentions N    keep actors mentioned at least N times\n"
    "      --min-weight X      keep edges whose weight is at least X\n"
    "      --types LIST        keep actors of these types: state,leader,org\n"
    "      --stats FILE        write a JSON summary of the run (- for stderr)\n"
    RUN_HELP
    "  -h, --help              this help\n"
    "\n"
    "Filters apply in this order: --types, --min-mentions, --min-weight.\n"
    "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n";

typedef struct {
    ag_cooc *cooc;
} extract_state;

static int on_document(void *userdata, const ag_document *doc, const ag_scan_result *res)
{
    extract_state *x = (extract_state *)userdata;
    ag_error err;
    (void)doc;
    if (ag_cooc_add(x->cooc, res, &err) != AG_OK)
        return cli_fail(&err);
    return 0;
}

/* Every output is written to its temporary file first; only when all of
 * them are complete are they renamed into place, so a failure leaves every
 * existing output as it was. */
typedef struct {
    ag_outfile *f[64];
    size_t n;
} pending;

static int pending_open(pending *p, const char *path, FILE **fp)
{
    ag_error err;
    if (p->n == sizeof p->f / sizeof p->f[0]) {
        fprintf(stderr, "actorgraph: too many outputs (at most %zu)\n", sizeof p->f / sizeof p->f[0]);
        return EXIT_INPUT;
    }
    if (ag_outfile_open(path, &p->f[p->n], &err) != AG_OK)
        return cli_fail(&err);
    *fp = ag_outfile_stream(p->f[p->n++]);
    return 0;
}

static int pending_commit(pending *p)
{
    ag_error err;
    int rc = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (rc == 0 && ag_outfile_commit(p->f[i], &err) != AG_OK)
            rc = cli_fail(&err);
        else if (rc != 0)
            ag_outfile_abort(p->f[i]);
    }
    p->n = 0;
    return rc;
}

static void pending_abort(pending *p)
{
    for (size_t i = 0; i < p->n; i++)
        ag_outfile_abort(p->f[i]);
    p->n = 0;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        RUN_LONG_OPTIONS,
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "window", required_argument, NULL, 'w' },
        { "weight", required_argument, NULL, OPT_WEIGHT },
        { "min-weight", required_argument, NULL, OPT_MIN_WEIGHT },
        { "min-mentions", required_argument, NULL, OPT_MIN_MENTIONS },
        { "types", required_argument, NULL, OPT_TYPES },
        { "stats", required_argument, NULL, OPT_STATS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    run_options ro;
    run_stats stats;
    cli_list outputs = { 0 };
    ag_format forced = AG_FORMAT_UNKNOWN;
    ag_window window = { AG_WINDOW_SENTENCE };
    ag_graph_options gopts = AG_GRAPH_OPTIONS_INIT;
    const char *stats_path = NULL;
    ag_lexicon *lex = NULL;
    extract_state x = { NULL };
    ag_graph *graph = NULL;
    pending out = { { NULL }, 0 };
    ag_error err;
    struct timespec t0, t1;
    int rc = 0, opt;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    run_options_init(&ro);
    run_stats_init(&stats);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:o:f:w:qh", longopts, NULL)) != -1) {
        int shared = run_parse_option("extract", opt, optarg, &ro);
        unsigned long long n;
        if (shared < 0) {
            rc = EXIT_INPUT;
            goto done;
        }
        if (shared)
            continue;
        switch (opt) {
        case 'o':
            cli_list_add(&outputs, optarg);
            break;
        case 'f':
            forced = ag_format_parse(optarg);
            if (forced == AG_FORMAT_UNKNOWN) {
                rc = cli_usage("extract", "unknown format '%s' (graphml, dot)", optarg);
                goto done;
            }
            break;
        case 'w':
            if (ag_window_parse(optarg, &window) != 0) {
                rc = cli_usage("extract", "--window takes sentence, paragraph or document, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_WEIGHT:
            if (ag_measure_parse(optarg, &gopts.weight) != 0) {
                rc = cli_usage("extract", "--weight takes count, docs, npmi, jaccard or dice, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_MIN_WEIGHT:
            if (cli_parse_double(optarg, &gopts.min_weight) != 0) {
                rc = cli_usage("extract", "--min-weight takes a number, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_MIN_MENTIONS:
            if (cli_parse_uint(optarg, &n) != 0) {
                rc = cli_usage("extract", "--min-mentions takes a whole number, not '%s'", optarg);
                goto done;
            }
            gopts.min_mentions = n;
            break;
        case OPT_TYPES:
            if (ag_types_parse(optarg, &gopts.types) != 0) {
                rc = cli_usage("extract", "--types takes a comma-separated list of state, leader, org, not '%s'",
                               optarg);
                goto done;
            }
            break;
        case OPT_STATS:
            stats_path = optarg;
            break;
        case 'h':
            fputs(help, stdout);
            goto done;
        default:
            rc = cli_usage("extract", "unknown option");
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        cli_list_add(&ro.inputs, argv[i]);
    if (outputs.n == 0)
        cli_list_add(&outputs, "-");
    for (size_t i = 0; i < outputs.n; i++) {
        ag_format f = forced != AG_FORMAT_UNKNOWN ? forced : ag_format_from_path(outputs.v[i]);
        if (f == AG_FORMAT_UNKNOWN && strcmp(outputs.v[i], "-") != 0) {
            rc = cli_usage("extract", "cannot tell the format of '%s' from its extension (.graphml, .dot, .gv); "
                                      "name it so or add -f", outputs.v[i]);
            goto done;
        }
    }

    if ((rc = cli_load_lexicons(ro.lexicons.v, ro.lexicons.n, &lex)) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (ag_cooc_new(ag_lexicon_actor_count(lex), &window, &x.cooc, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = run_documents(&ro, lex, on_document, &x, &stats)) != 0)
        goto done;
    if (stats.documents == 0 && !cli_quiet)
        fprintf(stderr, "actorgraph: warning: no documents were read; the graph is empty\n");
    if (ag_graph_build(lex, x.cooc, &gopts, &graph, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < outputs.n; i++) {
        ag_format f = forced != AG_FORMAT_UNKNOWN ? forced : ag_format_from_path(outputs.v[i]);
        FILE *fp = NULL;
        if (f == AG_FORMAT_UNKNOWN)
            f = AG_FORMAT_GRAPHML;
        if ((rc = pending_open(&out, outputs.v[i], &fp)) != 0)
            goto done;
        if (ag_export_stream(graph, f, fp, outputs.v[i], &err) != AG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    if (stats_path) {
        json_t *js = run_stats_json(&stats, lex);
        FILE *fp = stderr;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        json_object_set_new(js, "actors", json_integer((json_int_t)ag_graph_node_count(graph)));
        json_object_set_new(js, "edges", json_integer((json_int_t)ag_graph_edge_count(graph)));
        json_object_set_new(js, "window", json_string(ag_window_name(&window)));
        json_object_set_new(js, "weight", json_string(ag_measure_name(gopts.weight)));
        json_object_set_new(js, "seconds",
                            json_real((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9));
        if (strcmp(stats_path, "-") != 0 && (rc = pending_open(&out, stats_path, &fp)) != 0) {
            json_decref(js);
            goto done;
        }
        if (json_dumpf(js, fp, JSON_INDENT(2) | JSON_SORT_KEYS) != 0 || fputc('\n', fp) == EOF) {
            fprintf(stderr, "actorgraph: %s: cannot write the statistics\n", stats_path);
            rc = EXIT_INTERNAL;
        }
        json_decref(js);
        if (rc)
            goto done;
    }
    if ((rc = pending_commit(&out)) != 0)
        goto done;
    if (stats.reader.skipped_files)
        rc = EXIT_INPUT;   /* the outputs are written, but some input could not be read */

done:
    pending_abort(&out);
    ag_graph_free(graph);
    ag_cooc_free(x.cooc);
    ag_lexicon_free(lex);
    run_stats_free(&stats);
    run_options_free(&ro);
    cli_list_free(&outputs);
    return rc;
}

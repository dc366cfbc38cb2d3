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

#include "actorgraph/community.h"
#include "run.h"

enum {
    OPT_WEIGHT = OPT_RUN_LAST + 1,
    OPT_MIN_WEIGHT,
    OPT_MIN_MENTIONS,
    OPT_MIN_COUNT,
    OPT_TOP,
    OPT_TOP_EDGES,
    OPT_TYPES,
    OPT_LARGEST,
    OPT_BACKBONE,
    OPT_COUNT,
    OPT_COMMUNITIES,
    OPT_EVIDENCE,
    OPT_EVIDENCE_OUT,
    OPT_SLICE,
    OPT_DATE,
    OPT_STATS
};

/* In pieces: C limits a string literal's length. */
static const char *const help[] = {
    "usage: actorgraph extract [OPTIONS] [INPUT...]\n"
    "\n"
    "Finds the actors in the inputs and writes the graph of the actors that\n"
    "appear in the same window. INPUT is a file (*.jsonl: one document per line,\n"
    "anything else: one document), a directory (read recursively for *.txt and\n"
    "*.jsonl) or - for standard input; no INPUT reads standard input.\n"
    "\n"
    "Output\n"
    "  -o, --output PATH       write the graph here (repeatable); the format comes\n"
    "                          from the extension: .graphml, .gexf, .dot, .gv,\n"
    "                          .json, .csv (writes NAME.nodes.csv and\n"
    "                          NAME.edges.csv); - is standard output, except for\n"
    "                          CSV (default: GraphML to standard output)\n"
    "  -f, --format FMT        graphml, gexf, dot, json or csv, for every output,\n"
    "                          whatever its name\n"
    "      --stats FILE        write a JSON summary of the run (- for stderr)\n"
    "      --evidence N        keep, for each edge, the first N windows that linked\n"
    "                          it (document, byte offsets, text) as the edge\n"
    "                          attribute \"evidence\"\n"
    "      --evidence-out FILE write every kept window as a JSON line (with\n"
    "                          --evidence; default 3 windows per edge)\n"
    "\n"
    "Counting\n"
    "  -w, --window UNIT       sentence (default), paragraph, document, or tokens:N\n"
    ,
    "                          (a mention and the N words after it, inside its\n"
    "                          sentence; tokens:N:paragraph or tokens:N:none to clip\n"
    "                          wider or not at all)\n"
    "      --count MODE        full (default): every window counts; binary: each\n"
    "                          pair and actor counts at most once per document\n"
    "                          (the windows are then the documents)\n"
    "      --weight MEASURE    what becomes the edge weight (default count); all\n"
    "                          are written as attributes. With c windows holding\n"
    "                          both, n_a windows holding a, N windows in all, k_a\n"
    "                          the sum of a's counts and m the sum of all counts:\n"
    "                            count    c\n"
    "                            docs     documents in which they share a window\n"
    "                            pmi      ln(c N / (n_a n_b))\n"
    "                            npmi     pmi / -ln(c / N), in [-1, 1]\n"
    "                            jaccard  c / (n_a + n_b - c)\n"
    "                            dice     2 c / (n_a + n_b)\n"
    "                            assoc    2 m c / (k_a k_b), VOSviewer's association\n"
    "                                     strength (observed / expected)\n"
    "      --slice UNIT        also count per day, week, month or year of each\n"
    "                          document's date (dynamic GEXF)\n"
    "      --date DATE         the date of text-file documents (JSONL documents\n"
    "                          use their date field)\n"
    ,
    "\n"
    "Filters, in this order\n"
    "      --types LIST        keep actors of these types: state,leader,org\n"
    "      --min-mentions N    keep actors mentioned at least N times\n"
    "      --top N             keep the N most mentioned actors\n"
    "      --min-count N       keep edges with a count of at least N\n"
    "      --min-weight X      keep edges whose weight is at least X\n"
    "      --backbone ALPHA    keep edges the disparity filter (Serrano, Boguna and\n"
    "                          Vespignani 2009) finds significant at level ALPHA\n"
    "                          for one of their ends (e.g. 0.05)\n"
    "      --top-edges N       keep the N heaviest edges\n"
    "      --largest-component keep only the largest connected component\n"
    "      --communities M     louvain or leiden: add a \"community\" attribute\n"
    "                          (colours in DOT and GEXF), computed last\n"
    "\n"
    "Input\n"
    RUN_HELP
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n",
    NULL
};

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

/* One JSON line per kept window of each edge, in edge order. */
static int write_evidence(FILE *fp, const ag_graph *g, const ag_lexicon *lex, const ag_cooc *c)
{
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t u, v, a, b, n;
        const ag_evidence *ev;
        ag_graph_edge_ends(g, e, &u, &v);
        a = ag_lexicon_find(lex, ag_graph_node_id(g, u));
        b = ag_lexicon_find(lex, ag_graph_node_id(g, v));
        n = ag_cooc_evidence(c, (uint32_t)(a < b ? a : b), (uint32_t)(a < b ? b : a), &ev);
        for (size_t k = 0; k < n; k++) {
            fputs("{\"source\":", fp);
            cli_json_string(fp, ag_graph_node_id(g, u), strlen(ag_graph_node_id(g, u)));
            fputs(",\"target\":", fp);
            cli_json_string(fp, ag_graph_node_id(g, v), strlen(ag_graph_node_id(g, v)));
            fputs(",\"doc\":", fp);
            cli_json_string(fp, ev[k].doc, strlen(ev[k].doc));
            fprintf(fp, ",\"start\":%zu,\"end\":%zu,\"text\":", ev[k].start, ev[k].end);
            cli_json_string(fp, ev[k].text, strlen(ev[k].text));
            fputs("}\n", fp);
        }
    }
    return ferror(fp) ? -1 : 0;
}

/* Every output is written to its temporary file first; only when all of
 * them are complete are they renamed into place, so a failure leaves every
 * existing output as it was. */
typedef struct {
    ag_outfile *f[64];
    size_t n;
    ag_export_pending *graphs[64];   /* the graph outputs (CSV: two files each) */
    size_t n_graphs;
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

static int pending_graph(pending *p, const ag_graph *g, ag_format f, const char *path)
{
    ag_error err;
    if (p->n_graphs == sizeof p->graphs / sizeof p->graphs[0]) {
        fprintf(stderr, "actorgraph: too many outputs (at most %zu)\n", sizeof p->graphs / sizeof p->graphs[0]);
        return EXIT_INPUT;
    }
    if (ag_export_prepare(g, f, path, &p->graphs[p->n_graphs], &err) != AG_OK)
        return cli_fail(&err);
    p->n_graphs++;
    return 0;
}

static int pending_commit(pending *p)
{
    ag_error err;
    int rc = 0;
    for (size_t i = 0; i < p->n_graphs; i++) {
        if (rc == 0 && ag_export_commit(p->graphs[i], &err) != AG_OK)
            rc = cli_fail(&err);
        else if (rc != 0)
            ag_export_abort(p->graphs[i]);
    }
    p->n_graphs = 0;
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
    for (size_t i = 0; i < p->n_graphs; i++)
        ag_export_abort(p->graphs[i]);
    p->n_graphs = 0;
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
        { "min-count", required_argument, NULL, OPT_MIN_COUNT },
        { "top", required_argument, NULL, OPT_TOP },
        { "top-edges", required_argument, NULL, OPT_TOP_EDGES },
        { "types", required_argument, NULL, OPT_TYPES },
        { "largest-component", no_argument, NULL, OPT_LARGEST },
        { "backbone", required_argument, NULL, OPT_BACKBONE },
        { "count", required_argument, NULL, OPT_COUNT },
        { "communities", required_argument, NULL, OPT_COMMUNITIES },
        { "evidence", required_argument, NULL, OPT_EVIDENCE },
        { "evidence-out", required_argument, NULL, OPT_EVIDENCE_OUT },
        { "slice", required_argument, NULL, OPT_SLICE },
        { "date", required_argument, NULL, OPT_DATE },
        { "stats", required_argument, NULL, OPT_STATS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    run_options ro;
    run_stats stats;
    cli_list outputs = { 0 };
    ag_format forced = AG_FORMAT_UNKNOWN;
    ag_window window = { AG_WINDOW_SENTENCE, 0, AG_WINDOW_SENTENCE };
    ag_graph_options gopts = AG_GRAPH_OPTIONS_INIT;
    const char *stats_path = NULL, *evidence_path = NULL;
    ag_cooc_options copts = AG_COOC_OPTIONS_INIT;
    ag_community_method communities = AG_COMMUNITIES_NONE;
    int evidence_given = 0;
    ag_lexicon *lex = NULL;
    extract_state x = { NULL, NULL };
    ag_graph *graph = NULL;
    pending out = { { NULL }, 0, { NULL }, 0 };
    ag_error err;
    struct timespec t0, t1;
    int rc = 0, opt;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    run_options_init(&ro);
    run_stats_init(&stats);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:o:f:w:j:qh", longopts, NULL)) != -1) {
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
                rc = cli_usage("extract", "--window takes sentence, paragraph, document or tokens:N[:sentence|"
                                          "paragraph|none], not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_WEIGHT:
            if (ag_measure_parse(optarg, &gopts.weight) != 0) {
                rc = cli_usage("extract", "--weight takes count, docs, pmi, npmi, jaccard, dice or assoc, not '%s'",
                               optarg);
                goto done;
            }
            break;
        case OPT_MIN_COUNT:
            if (cli_parse_uint(optarg, &n) != 0) {
                rc = cli_usage("extract", "--min-count takes a whole number, not '%s'", optarg);
                goto done;
            }
            gopts.min_count = n;
            break;
        case OPT_TOP:
        case OPT_TOP_EDGES:
            if (cli_parse_uint(optarg, &n) != 0 || n == 0) {
                rc = cli_usage("extract", "--%s takes a whole number above 0, not '%s'",
                               opt == OPT_TOP ? "top" : "top-edges", optarg);
                goto done;
            }
            if (opt == OPT_TOP)
                gopts.top = (size_t)n;
            else
                gopts.top_edges = (size_t)n;
            break;
        case OPT_LARGEST:
            gopts.largest_component = 1;
            break;
        case OPT_BACKBONE:
            if (cli_parse_double(optarg, &gopts.backbone) != 0 || gopts.backbone <= 0 || gopts.backbone >= 1) {
                rc = cli_usage("extract", "--backbone takes a significance level between 0 and 1, not '%s'", optarg);
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
        case OPT_COMMUNITIES:
            if (ag_community_parse(optarg, &communities) != 0) {
                rc = cli_usage("extract", "--communities takes louvain or leiden, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_EVIDENCE:
            if (cli_parse_uint(optarg, &n) != 0 || n == 0 || n > 1000) {
                rc = cli_usage("extract", "--evidence takes a number of windows from 1 to 1000, not '%s'", optarg);
                goto done;
            }
            copts.evidence = (unsigned)n;
            evidence_given = 1;
            break;
        case OPT_EVIDENCE_OUT:
            evidence_path = optarg;
            break;
        case OPT_SLICE:
            if (ag_slice_parse(optarg, &copts.slice) != 0) {
                rc = cli_usage("extract", "--slice takes day, week, month or year, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_DATE: {
            if (strlen(optarg) < 4) {
                rc = cli_usage("extract", "--date takes YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", optarg);
                goto done;
            }
            x.date = optarg;
            break;
        }
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
            for (size_t k = 0; help[k]; k++)
                fputs(help[k], stdout);
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

    if (evidence_path && !evidence_given)
        copts.evidence = 3;
    ro.need_tokens = window.unit == AG_WINDOW_TOKENS || copts.evidence > 0;
    gopts.evidence = evidence_given ? copts.evidence : 0;

    if ((rc = cli_load_lexicons(ro.lexicons.v, ro.lexicons.n, &lex)) != 0)
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
    if (ag_graph_build(lex, x.cooc, &gopts, &graph, &err) != AG_OK ||
        (communities != AG_COMMUNITIES_NONE && ag_graph_communities(graph, communities, NULL, &err) != AG_OK)) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < outputs.n; i++) {
        ag_format f = forced != AG_FORMAT_UNKNOWN ? forced : ag_format_from_path(outputs.v[i]);
        if (f == AG_FORMAT_UNKNOWN)
            f = AG_FORMAT_GRAPHML;
        if ((rc = pending_graph(&out, graph, f, outputs.v[i])) != 0)
            goto done;
    }
    if (evidence_path) {
        FILE *fp = NULL;
        if ((rc = pending_open(&out, evidence_path, &fp)) != 0)
            goto done;
        if (write_evidence(fp, graph, lex, x.cooc) != 0) {
            fprintf(stderr, "actorgraph: %s: cannot write the evidence\n", evidence_path);
            rc = EXIT_INTERNAL;
            goto done;
        }
    }
    if (stats_path) {
        json_t *js = run_stats_json(&stats, lex);
        FILE *fp = stderr;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        json_object_set_new(js, "actors", json_integer((json_int_t)ag_graph_node_count(graph)));
        json_object_set_new(js, "edges", json_integer((json_int_t)ag_graph_edge_count(graph)));
        {
            char wname[64];
            json_object_set_new(js, "window", json_string(ag_window_format(&window, wname, sizeof wname)));
        }
        if (copts.slice != AG_SLICE_NONE) {
            json_object_set_new(js, "slices", json_integer((json_int_t)ag_cooc_slice_count(x.cooc)));
            json_object_set_new(js, "undated", json_integer((json_int_t)ag_cooc_undated(x.cooc)));
        }
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

/*
 * output.c — the graph options and outputs `extract` and `merge` share.
 *
 * Every output is written to its temporary file first; only when all of
 * them are complete are they renamed into place, so a failure leaves every
 * existing output as it was.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "output.h"

const char *const output_help_outputs =
    "  -o, --output PATH       write the graph here (repeatable); the format comes\n"
    "                          from the extension: .graphml, .gexf, .dot, .gv,\n"
    "                          .json, .csv (writes NAME.nodes.csv and\n"
    "                          NAME.edges.csv); - is standard output, except for\n"
    "                          CSV (default: GraphML to standard output)\n"
    "  -f, --format FMT        graphml, gexf, dot, json or csv, for every output,\n"
    "                          whatever its name\n"
    "      --partial PATH      write the counts as a partial (- for standard\n"
    "                          output) for `actorgraph merge`; without -o, no graph\n"
    "      --stats FILE        write a JSON summary of the run (- for stderr)\n"
    "      --evidence N        keep, for each edge, the first N windows that linked\n"
    "                          it, by document id and offset (document, byte\n"
    "                          offsets, text), as the edge attribute \"evidence\"\n"
    "      --evidence-out FILE write every kept window as a JSON line (with\n"
    "                          --evidence; default 3 windows per edge)\n";

const char *const output_help_weights =
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
    "                                     strength (observed / expected)\n";

const char *const output_help_filters =
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
    "                          (colours in DOT and GEXF), computed last\n";

void output_options_init(output_options *o)
{
    ag_graph_options g = AG_GRAPH_OPTIONS_INIT;
    memset(o, 0, sizeof *o);
    o->forced = AG_FORMAT_UNKNOWN;
    o->graph = g;
    o->communities = AG_COMMUNITIES_NONE;
}

void output_options_free(output_options *o)
{
    cli_list_free(&o->outputs);
}

/* A usage error, as output_parse_option() reports it. */
#define usage(...) (cli_usage(__VA_ARGS__), -1)

int output_parse_option(const char *cmd, int opt, const char *arg, output_options *o)
{
    unsigned long long n;
    switch (opt) {
    case 'o':
        cli_list_add(&o->outputs, (char *)arg);
        return 1;
    case 'f':
        o->forced = ag_format_parse(arg);
        if (o->forced == AG_FORMAT_UNKNOWN)
            return usage(cmd, "unknown format '%s' (graphml, gexf, dot, json, csv)", arg);
        return 1;
    case OPT_WEIGHT:
        if (ag_measure_parse(arg, &o->graph.weight) != 0)
            return usage(cmd, "--weight takes count, docs, pmi, npmi, jaccard, dice or assoc, not '%s'", arg);
        return 1;
    case OPT_MIN_COUNT:
        if (cli_parse_uint(arg, &n) != 0)
            return usage(cmd, "--min-count takes a whole number, not '%s'", arg);
        o->graph.min_count = n;
        return 1;
    case OPT_TOP:
    case OPT_TOP_EDGES:
        if (cli_parse_uint(arg, &n) != 0 || n == 0)
            return usage(cmd, "--%s takes a whole number above 0, not '%s'", opt == OPT_TOP ? "top" : "top-edges",
                             arg);
        if (opt == OPT_TOP)
            o->graph.top = (size_t)n;
        else
            o->graph.top_edges = (size_t)n;
        return 1;
    case OPT_LARGEST:
        o->graph.largest_component = 1;
        return 1;
    case OPT_BACKBONE:
        if (cli_parse_double(arg, &o->graph.backbone) != 0 || o->graph.backbone <= 0 || o->graph.backbone >= 1)
            return usage(cmd, "--backbone takes a significance level between 0 and 1, not '%s'", arg);
        return 1;
    case OPT_COMMUNITIES:
        if (ag_community_parse(arg, &o->communities) != 0)
            return usage(cmd, "--communities takes louvain or leiden, not '%s'", arg);
        return 1;
    case OPT_EVIDENCE:
        if (cli_parse_uint(arg, &n) != 0 || n == 0 || n > 1000)
            return usage(cmd, "--evidence takes a number of windows from 1 to 1000, not '%s'", arg);
        o->evidence = (unsigned)n;
        o->evidence_given = 1;
        return 1;
    case OPT_EVIDENCE_OUT:
        o->evidence_path = arg;
        return 1;
    case OPT_PARTIAL:
        o->partial_path = arg;
        return 1;
    case OPT_MIN_WEIGHT:
        if (cli_parse_double(arg, &o->graph.min_weight) != 0)
            return usage(cmd, "--min-weight takes a number, not '%s'", arg);
        return 1;
    case OPT_MIN_MENTIONS:
        if (cli_parse_uint(arg, &n) != 0)
            return usage(cmd, "--min-mentions takes a whole number, not '%s'", arg);
        o->graph.min_mentions = n;
        return 1;
    case OPT_TYPES:
        if (ag_types_parse(arg, &o->graph.types) != 0)
            return usage(cmd, "--types takes a comma-separated list of state, leader, org, not '%s'", arg);
        return 1;
    case OPT_STATS:
        o->stats_path = arg;
        return 1;
    default:
        return 0;
    }
}

static ag_format format_of(const output_options *o, const char *path)
{
    return o->forced != AG_FORMAT_UNKNOWN ? o->forced : ag_format_from_path(path);
}

int output_check(const char *cmd, output_options *o)
{
    int to_stdout = 0;
    if (o->outputs.n == 0 && !o->partial_path)
        cli_list_add(&o->outputs, "-");
    for (size_t i = 0; i < o->outputs.n; i++) {
        if (strcmp(o->outputs.v[i], "-") == 0) {
            to_stdout++;
            continue;
        }
        if (format_of(o, o->outputs.v[i]) == AG_FORMAT_UNKNOWN)
            return cli_usage(cmd, "cannot tell the format of '%s' from its extension (.graphml, .gexf, .dot, .gv, "
                                  ".json, .csv); name it so or add -f",
                             o->outputs.v[i]);
    }
    if (o->partial_path && strcmp(o->partial_path, "-") == 0)
        to_stdout++;
    if (o->evidence_path && strcmp(o->evidence_path, "-") == 0)
        to_stdout++;
    if (to_stdout > 1)
        return cli_usage(cmd, "only one output can go to standard output");
    return 0;
}

/* --- the pending outputs --------------------------------------------------- */

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

static void pending_abort(pending *p);

/* Every output flushed and closed first; only when all of them are
 * complete is any renamed into place. */
static int pending_commit(pending *p)
{
    ag_error err;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < p->n_graphs; i++)
        if (ag_export_flush(p->graphs[i], &err) != AG_OK)
            rc = cli_fail(&err);
    for (size_t i = 0; rc == 0 && i < p->n; i++)
        if (ag_outfile_flush(p->f[i], &err) != AG_OK)
            rc = cli_fail(&err);
    if (rc != 0) {
        pending_abort(p);
        return rc;
    }
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

/* --- run statistics in partials ---------------------------------------------- */

static void stats_records(FILE *fp, json_t *o, const char **path, size_t depth)
{
    const char *key;
    json_t *v;
    if (depth >= 6)
        return;
    json_object_foreach(o, key, v)
    {
        path[depth + 1] = key;
        if (json_is_object(v)) {
            stats_records(fp, v, path, depth + 1);
        } else if (json_is_integer(v) && json_integer_value(v) >= 0) {
            char num[24];
            snprintf(num, sizeof num, "%" PRIdMAX, (intmax_t)json_integer_value(v));
            path[depth + 2] = num;
            ag_partial_write_record(fp, path, depth + 3);
        }
    }
}

void output_write_stats_records(FILE *fp, json_t *stats)
{
    const char *path[8] = { "R" };
    if (stats)
        stats_records(fp, stats, path, 0);
}

int output_add_stats_record(json_t *stats, const char *const *f, size_t n)
{
    json_t *o = stats, *leaf;
    unsigned long long v;
    if (n < 3 || cli_parse_uint(f[n - 1], &v) != 0 || v > (unsigned long long)INT64_MAX)
        return -1;
    for (size_t i = 1; i + 2 < n; i++) {
        json_t *next = json_object_get(o, f[i]);
        if (!next) {
            next = json_object();
            if (json_object_set_new(o, f[i], next) != 0)
                return -1;
        } else if (!json_is_object(next)) {
            return -1;
        }
        o = next;
    }
    leaf = json_object_get(o, f[n - 2]);
    if (!leaf)
        return json_object_set_new(o, f[n - 2], json_integer((json_int_t)v));
    if (!json_is_integer(leaf) || (unsigned long long)json_integer_value(leaf) > (unsigned long long)INT64_MAX - v)
        return -1;
    return json_integer_set(leaf, json_integer_value(leaf) + (json_int_t)v);
}

/* --- writing everything ------------------------------------------------------- */

int output_write(const output_options *o, const ag_lexicon *lex, ag_cooc *c, const output_run *run)
{
    ag_graph_options gopts = o->graph;
    const ag_cooc_options *co = ag_cooc_options_get(c);
    ag_graph *graph = NULL;
    pending out = { { NULL }, 0, { NULL }, 0 };
    int need_graph = o->outputs.n > 0 || o->evidence_path || o->stats_path;
    ag_error err;
    int rc = 0;

    memset(&err, 0, sizeof err);
    gopts.evidence = o->evidence_given ? o->evidence : 0;
    if (gopts.evidence > co->evidence)
        gopts.evidence = co->evidence;
    if (need_graph && (ag_graph_build(lex, c, &gopts, &graph, &err) != AG_OK ||
                       (o->communities != AG_COMMUNITIES_NONE &&
                        ag_graph_communities(graph, o->communities, NULL, &err) != AG_OK))) {
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < o->outputs.n; i++) {
        ag_format f = format_of(o, o->outputs.v[i]);
        if (f == AG_FORMAT_UNKNOWN)
            f = AG_FORMAT_GRAPHML;
        if ((rc = pending_graph(&out, graph, f, o->outputs.v[i])) != 0)
            goto done;
    }
    if (o->evidence_path) {
        FILE *fp = NULL;
        if ((rc = pending_open(&out, o->evidence_path, &fp)) != 0)
            goto done;
        if (write_evidence(fp, graph, lex, c) != 0) {
            fprintf(stderr, "actorgraph: %s: cannot write the evidence\n", o->evidence_path);
            rc = EXIT_INTERNAL;
            goto done;
        }
    }
    if (o->partial_path) {
        FILE *fp = NULL;
        if ((rc = pending_open(&out, o->partial_path, &fp)) != 0)
            goto done;
        if (ag_partial_write(fp, lex, c, run->scan, &err) != AG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
        output_write_stats_records(fp, run->stats);
        if (ferror(fp)) {
            fprintf(stderr, "actorgraph: %s: cannot write the partial: %s\n", o->partial_path, strerror(errno));
            rc = EXIT_INTERNAL;
            goto done;
        }
    }
    if (o->stats_path) {
        json_t *js = run->stats ? json_deep_copy(run->stats) : json_object();
        FILE *fp = stderr;
        char wname[64];
        struct timespec t1;
        json_object_set_new(js, "actors", json_integer((json_int_t)ag_graph_node_count(graph)));
        json_object_set_new(js, "edges", json_integer((json_int_t)ag_graph_edge_count(graph)));
        json_object_set_new(js, "window", json_string(ag_window_format(ag_cooc_window(c), wname, sizeof wname)));
        if (co->slice != AG_SLICE_NONE) {
            json_object_set_new(js, "slices", json_integer((json_int_t)ag_cooc_slice_count(c)));
            json_object_set_new(js, "undated", json_integer((json_int_t)ag_cooc_undated(c)));
        }
        json_object_set_new(js, "weight", json_string(ag_measure_name(gopts.weight)));
        clock_gettime(CLOCK_MONOTONIC, &t1);
        json_object_set_new(js, "seconds", json_real((double)(t1.tv_sec - run->start.tv_sec) +
                                                     (double)(t1.tv_nsec - run->start.tv_nsec) / 1e9));
        if (strcmp(o->stats_path, "-") != 0 && (rc = pending_open(&out, o->stats_path, &fp)) != 0) {
            json_decref(js);
            goto done;
        }
        if (json_dumpf(js, fp, JSON_INDENT(2) | JSON_SORT_KEYS) != 0 || fputc('\n', fp) == EOF) {
            fprintf(stderr, "actorgraph: %s: cannot write the statistics\n", o->stats_path);
            rc = EXIT_INTERNAL;
        }
        json_decref(js);
        if (rc)
            goto done;
    }
    rc = pending_commit(&out);

done:
    pending_abort(&out);
    ag_graph_free(graph);
    return rc;
}

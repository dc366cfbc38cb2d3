/*
 * cmd_convert.c — `actorgraph convert`: a graph file in, the same graph
 * in other formats out.
 *
 * Reads GraphML or node-link JSON, writes every -o output (format from -f
 * or the extension) to temporary files, and renames them into place only
 * when all of them are complete. All the work is the library's.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: actorgraph convert [OPTIONS] GRAPH\n"
    "\n"
    "Reads GRAPH — GraphML (as actorgraph, Gephi, networkx or igraph write it) or\n"
    "node-link JSON (as actorgraph or networkx write it) — and writes the same\n"
    "graph in other formats. Edges are taken as undirected.\n"
    "\n"
    "  -o, --output PATH       write the graph here (repeatable); the format comes\n"
    "                          from the extension: .graphml, .gexf, .dot, .gv,\n"
    "                          .json, .csv (writes NAME.nodes.csv and\n"
    "                          NAME.edges.csv); - is standard output\n"
    "                          (default: GraphML to standard output)\n"
    "  -f, --format FMT        graphml, gexf, dot, json or csv, for every output,\n"
    "                          whatever its name\n"
    "  -h, --help              this help\n"
    "\n"
    "CSV is two files, so it cannot go to standard output. Every output is\n"
    "written in full before any is renamed into place: a failure leaves every\n"
    "existing file as it was.\n"
    "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n";

int cmd_convert(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    cli_list outputs = { 0 };
    ag_format forced = AG_FORMAT_UNKNOWN;
    ag_export_pending **pending = NULL;
    size_t n_pending = 0;
    ag_graph *g = NULL;
    ag_error err;
    int rc = 0, opt;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            if (cli_list_add(&outputs, optarg) != 0) {
                fprintf(stderr, "actorgraph: out of memory\n");
                rc = EXIT_INTERNAL;
                goto done;
            }
            break;
        case 'f':
            forced = ag_format_parse(optarg);
            if (forced == AG_FORMAT_UNKNOWN) {
                rc = cli_usage("convert", "-f takes graphml, gexf, dot, json or csv, not '%s'", optarg);
                goto done;
            }
            break;
        case 'h':
            fputs(help, stdout);
            goto done;
        default:
            rc = cli_usage("convert", "unknown option");
            goto done;
        }
    }
    if (optind + 1 != argc) {
        rc = cli_usage("convert", "needs exactly one GRAPH file");
        goto done;
    }
    if (outputs.n == 0 && cli_list_add(&outputs, "-") != 0) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = EXIT_INTERNAL;
        goto done;
    }
    for (size_t i = 0; i < outputs.n; i++) {
        ag_format f = forced != AG_FORMAT_UNKNOWN ? forced : ag_format_from_path(outputs.v[i]);
        if (f == AG_FORMAT_UNKNOWN && strcmp(outputs.v[i], "-") != 0) {
            rc = cli_usage("convert", "cannot tell the format of '%s' from its extension (.graphml, .gexf, .dot, "
                                      ".gv, .json, .csv); name it so or add -f", outputs.v[i]);
            goto done;
        }
        if (f == AG_FORMAT_CSV && strcmp(outputs.v[i], "-") == 0) {
            rc = cli_usage("convert", "CSV is two files (NAME.nodes.csv and NAME.edges.csv) and cannot go to "
                                      "standard output; give -o NAME.csv");
            goto done;
        }
    }

    memset(&err, 0, sizeof err);
    if (ag_graph_read_file(argv[optind], &g, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    pending = (ag_export_pending **)calloc(outputs.n, sizeof *pending);
    if (!pending) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = EXIT_INTERNAL;
        goto done;
    }
    for (size_t i = 0; i < outputs.n; i++) {
        ag_format f = forced != AG_FORMAT_UNKNOWN ? forced : ag_format_from_path(outputs.v[i]);
        if (f == AG_FORMAT_UNKNOWN)
            f = AG_FORMAT_GRAPHML;   /* standard output */
        if (ag_export_prepare(g, f, outputs.v[i], &pending[n_pending], &err) != AG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
        n_pending++;
    }
    for (size_t i = 0; i < n_pending; i++) {
        ag_export_pending *p = pending[i];
        pending[i] = NULL;
        if (rc == 0 && ag_export_commit(p, &err) != AG_OK)
            rc = cli_fail(&err);
        else if (rc != 0)
            ag_export_abort(p);
    }

done:
    for (size_t i = 0; i < n_pending; i++)
        ag_export_abort(pending[i]);
    free(pending);
    ag_graph_free(g);
    cli_list_free(&outputs);
    return rc;
}

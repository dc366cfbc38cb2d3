/*
 * cmd_centrality.c — `actorgraph centrality`: graph in, ranked table out.
 *
 * Reads a GraphML file, asks the library for every centrality, and prints
 * them sorted (an aligned table, TSV, or JSON for scripts).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_UNWEIGHTED = 300, OPT_TOP, OPT_SORT, OPT_FORMAT, OPT_DAMPING, OPT_WEIGHT_ATTR };

static const char help[] =
    "usage: actorgraph centrality [OPTIONS] GRAPH\n"
    "\n"
    "Prints every node's centralities, most central first. GRAPH is GraphML\n"
    "(as written by actorgraph extract, Gephi, networkx or igraph).\n"
    "\n"
    "  degree       number of neighbours\n"
    "  strength     sum of the weights of the node's edges\n"
    "  betweenness  shortest paths through the node (not normalised)\n"
    "  closeness    (r/(n-1)) * (r / sum of distances to the r reachable nodes)\n"
    "  harmonic     sum of 1/distance to every other node\n"
    "  eigenvector  principal eigenvector of the weighted adjacency, max 1\n"
    "  pagerank     PageRank with damping 0.85, weighted\n"
    "\n"
    "Weighted by default: path-based measures (betweenness, closeness,\n"
    "harmonic) use distance = 1/weight, so a heavy tie is a short path;\n"
    "strength, eigenvector and PageRank use the weight itself. Weights must\n"
    "be positive numbers.\n"
    "\n"
    "      --unweighted        every edge weighs 1\n"
    "      --weight-attr NAME  the edge attribute to use as weight (default weight)\n"
    "      --sort MEASURE      order by this measure (default pagerank)\n"
    "      --top N             only the N first rows\n"
    "      --format F          table (default), tsv or json\n"
    "      --damping D         PageRank damping factor (default 0.85)\n"
    "  -h, --help              this help\n";

typedef struct {
    size_t node;
    double key;
    const char *id;
} row;

static int by_key(const void *x, const void *y)
{
    const row *a = (const row *)x, *b = (const row *)y;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return strcmp(a->id, b->id);
}

static void number(FILE *fp, double v)
{
    char buf[40];
    if (!isfinite(v)) {
        fputs("null", fp);
        return;
    }
    snprintf(buf, sizeof buf, "%.17g", v);
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, fp);
}

/* The columns a UTF-8 string takes in the table: one per character
 * (continuation bytes take none). */
static size_t columns(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* s in a cell of width characters: cut at a character boundary when
 * longer, padded with spaces when shorter. */
static void cell(const char *s, int width)
{
    int used = 0;
    const char *p = s;
    while (*p) {
        const char *q = p + 1;
        while (((unsigned char)*q & 0xC0) == 0x80)
            q++;
        if (used == width)
            break;
        fwrite(p, 1, (size_t)(q - p), stdout);
        used++;
        p = q;
    }
    for (; used < width; used++)
        fputc(' ', stdout);
}

int cmd_centrality(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "unweighted", no_argument, NULL, OPT_UNWEIGHTED },
        { "weight-attr", required_argument, NULL, OPT_WEIGHT_ATTR },
        { "top", required_argument, NULL, OPT_TOP },
        { "sort", required_argument, NULL, OPT_SORT },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "damping", required_argument, NULL, OPT_DAMPING },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    ag_centrality_options co = AG_CENTRALITY_OPTIONS_INIT;
    ag_centrality_measure sort = AG_C_PAGERANK;
    unsigned long long top = 0;
    const char *format = "table";
    ag_graph *g = NULL;
    double *values = NULL;
    row *rows = NULL;
    ag_error err;
    int rc = 0, opt;
    size_t n, shown;
    long a_label;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_UNWEIGHTED:
            co.weighted = 0;
            break;
        case OPT_WEIGHT_ATTR:
            co.weight_attr = optarg;
            break;
        case OPT_TOP:
            if (cli_parse_uint(optarg, &top) != 0)
                return cli_usage("centrality", "--top takes a whole number, not '%s'", optarg);
            break;
        case OPT_SORT:
            if (ag_centrality_parse(optarg, &sort) != 0)
                return cli_usage("centrality", "--sort takes degree, strength, betweenness, closeness, harmonic, "
                                               "eigenvector or pagerank, not '%s'", optarg);
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") != 0 && strcmp(optarg, "tsv") != 0 && strcmp(optarg, "json") != 0)
                return cli_usage("centrality", "--format takes table, tsv or json, not '%s'", optarg);
            format = optarg;
            break;
        case OPT_DAMPING:
            if (cli_parse_double(optarg, &co.damping) != 0 || co.damping < 0 || co.damping > 1)
                return cli_usage("centrality", "--damping takes a number from 0 to 1, not '%s'", optarg);
            break;
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        default:
            return cli_usage("centrality", "unknown option");
        }
    }
    if (optind + 1 != argc)
        return cli_usage("centrality", "needs exactly one GRAPH file");

    memset(&err, 0, sizeof err);
    if (ag_graph_read_file(argv[optind], &g, &err) != AG_OK)
        return cli_fail(&err);
    n = ag_graph_node_count(g);
    values = (double *)calloc(n ? n * AG_C_COUNT : 1, sizeof *values);
    rows = (row *)calloc(n ? n : 1, sizeof *rows);
    if (!values || !rows) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = EXIT_INTERNAL;
        goto done;
    }
    if (ag_centrality_compute(g, &co, values, &err) != AG_OK) {
        if (!err.file[0])
            snprintf(err.file, sizeof err.file, "%s", argv[optind]);
        rc = cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        rows[i].node = i;
        rows[i].key = values[i * AG_C_COUNT + sort];
        rows[i].id = ag_graph_node_id(g, i);
    }
    qsort(rows, n, sizeof *rows, by_key);
    shown = top && top < n ? (size_t)top : n;
    a_label = ag_graph_attr_find(g, AG_NODES, "label");

    if (strcmp(format, "json") == 0) {
        fputs("[\n", stdout);
        for (size_t r = 0; r < shown; r++) {
            size_t i = rows[r].node;
            const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, i) : NULL;
            fputs("  {\"id\": ", stdout);
            cli_json_string(stdout, rows[r].id, strlen(rows[r].id));
            fputs(", \"label\": ", stdout);
            if (label)
                cli_json_string(stdout, label, strlen(label));
            else
                fputs("null", stdout);
            for (int m = 0; m < AG_C_COUNT; m++) {
                printf(", \"%s\": ", ag_centrality_name((ag_centrality_measure)m));
                number(stdout, values[i * AG_C_COUNT + m]);
            }
            fputs(r + 1 < shown ? "},\n" : "}\n", stdout);
        }
        fputs("]\n", stdout);
    } else if (strcmp(format, "tsv") == 0) {
        fputs("rank\tid\tlabel", stdout);
        for (int m = 0; m < AG_C_COUNT; m++)
            printf("\t%s", ag_centrality_name((ag_centrality_measure)m));
        fputc('\n', stdout);
        for (size_t r = 0; r < shown; r++) {
            size_t i = rows[r].node;
            const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, i) : NULL;
            printf("%zu\t%s\t%s", r + 1, rows[r].id, label ? label : "");
            for (int m = 0; m < AG_C_COUNT; m++) {
                fputc('\t', stdout);
                number(stdout, values[i * AG_C_COUNT + m]);
            }
            fputc('\n', stdout);
        }
    } else {
        int wid = 2, wlab = 5;
        for (size_t r = 0; r < shown; r++) {
            const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, rows[r].node) : NULL;
            int l1 = (int)columns(rows[r].id), l2 = label ? (int)columns(label) : 0;
            wid = l1 > wid ? (l1 > 28 ? 28 : l1) : wid;
            wlab = l2 > wlab ? (l2 > 32 ? 32 : l2) : wlab;
        }
        printf("%4s  %-*s  %-*s %7s %10s %12s %10s %10s %11s %10s\n", "rank", wid, "id", wlab, "label", "degree",
               "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank");
        for (size_t r = 0; r < shown; r++) {
            size_t i = rows[r].node;
            const double *v = &values[i * AG_C_COUNT];
            const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, i) : NULL;
            printf("%4zu  ", r + 1);
            cell(rows[r].id, wid);
            fputs("  ", stdout);
            cell(label ? label : "", wlab);
            printf(" %7.0f %10.4g %12.4g %10.4f %10.4f %11.4f %10.5f\n", v[AG_C_DEGREE], v[AG_C_STRENGTH],
                   v[AG_C_BETWEENNESS], v[AG_C_CLOSENESS], v[AG_C_HARMONIC], v[AG_C_EIGENVECTOR], v[AG_C_PAGERANK]);
        }
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "actorgraph: cannot write to standard output\n");
        rc = EXIT_INTERNAL;
    }

done:
    free(values);
    free(rows);
    ag_graph_free(g);
    return rc;
}

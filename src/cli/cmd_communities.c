/*
 * cmd_communities.c — `actorgraph communities`: a graph's communities and
 * their modularity, by Louvain or Leiden (community.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/community.h"
#include "cli.h"

static const char help[] =
    "usage: actorgraph communities [OPTIONS] GRAPH\n"
    "\n"
    "Finds communities in a graph (GraphML or the tool's JSON) by modularity and\n"
    "prints them, largest first, with their members (most mentioned first) and\n"
    "the partition's modularity. Weights: the edge weight when every weight is\n"
    "positive, else the count, else 1 per edge. The same graph always gives\n"
    "the same communities.\n"
    "\n"
    "      --method M          louvain (default) or leiden\n"
    "      --format F          table (default), tsv (node, community) or json\n"
    "  -o, --output PATH       also write the graph with its \"community\" attribute\n"
    "                          (format from the extension)\n"
    "  -h, --help              this help\n";

typedef struct {
    size_t node;
    long community;
    double mentions;
    const char *id;
} member;

static int by_community(const void *x, const void *y)
{
    const member *a = (const member *)x, *b = (const member *)y;
    if (a->community != b->community)
        return a->community < b->community ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

int cmd_communities(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "method", required_argument, NULL, 'm' },
        { "format", required_argument, NULL, 'F' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    ag_community_method method = AG_COMMUNITIES_LOUVAIN;
    const char *format = "table", *output = NULL;
    ag_graph *g = NULL;
    member *members = NULL;
    ag_error err;
    double q = 0;
    int opt, rc = 0;
    size_t n;
    long a_comm, a_ment, a_label;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'm':
            if (ag_community_parse(optarg, &method) != 0)
                return cli_usage("communities", "--method takes louvain or leiden, not '%s'", optarg);
            break;
        case 'F':
            if (strcmp(optarg, "table") != 0 && strcmp(optarg, "tsv") != 0 && strcmp(optarg, "json") != 0)
                return cli_usage("communities", "--format takes table, tsv or json, not '%s'", optarg);
            format = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(help, stdout);
            return EXIT_OK;
        default:
            return cli_usage("communities", "unknown option");
        }
    }
    if (optind + 1 != argc)
        return cli_usage("communities", "needs exactly one GRAPH file");
    if (output && ag_format_from_path(output) == AG_FORMAT_UNKNOWN)
        return cli_usage("communities", "cannot tell the format of '%s' from its extension", output);

    memset(&err, 0, sizeof err);
    if (ag_graph_read_file(argv[optind], &g, &err) != AG_OK)
        return cli_fail(&err);
    if (ag_graph_communities(g, method, &q, &err) != AG_OK) {
        if (!err.file[0])   /* about the graph read: name its file */
            snprintf(err.file, sizeof err.file, "%s", argv[optind]);
        rc = cli_fail(&err);
        goto done;
    }
    n = ag_graph_node_count(g);
    a_comm = ag_graph_attr_find(g, AG_NODES, "community");
    a_ment = ag_graph_attr_find(g, AG_NODES, "mentions");
    a_label = ag_graph_attr_find(g, AG_NODES, "label");
    members = (member *)calloc(n ? n : 1, sizeof *members);
    if (!members) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = EXIT_INTERNAL;
        goto done;
    }
    for (size_t v = 0; v < n; v++) {
        members[v].node = v;
        members[v].community = (long)ag_graph_get_number(g, AG_NODES, (size_t)a_comm, v);
        members[v].mentions = a_ment >= 0 ? ag_graph_get_number(g, AG_NODES, (size_t)a_ment, v) : 0;
        members[v].id = ag_graph_node_id(g, v);
    }
    qsort(members, n, sizeof *members, by_community);

    if (strcmp(format, "json") == 0) {
        printf("{\"method\": \"%s\", \"modularity\": %.17g, \"communities\": [", ag_community_name(method), q);
        for (size_t i = 0; i < n; i++) {
            int first = i == 0 || members[i].community != members[i - 1].community;
            if (first)
                printf("%s\n  {\"community\": %ld, \"members\": [", i ? "]}," : "", members[i].community);
            else
                fputs(", ", stdout);
            cli_json_string(stdout, members[i].id, strlen(members[i].id));
        }
        printf("%s\n]}\n", n ? "]}" : "");
    } else if (strcmp(format, "tsv") == 0) {
        fputs("id\tcommunity\n", stdout);
        for (size_t i = 0; i < n; i++)
            printf("%s\t%ld\n", members[i].id, members[i].community);
    } else {
        printf("%s communities, modularity %.4f\n", ag_community_name(method), q);
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && members[j].community == members[i].community)
                j++;
            printf("\n%ld (%zu actor%s):", members[i].community, j - i, j - i == 1 ? "" : "s");
            for (size_t k = i; k < j; k++) {
                const char *label =
                    a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, members[k].node) : NULL;
                printf("%s %s", k > i ? "," : "", label ? label : members[k].id);
            }
            fputc('\n', stdout);
            i = j;
        }
    }
    if (output && ag_export_file(g, ag_format_from_path(output), output, &err) != AG_OK)
        rc = cli_fail(&err);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "actorgraph: cannot write to standard output\n");
        rc = EXIT_INTERNAL;
    }

done:
    free(members);
    ag_graph_free(g);
    return rc;
}

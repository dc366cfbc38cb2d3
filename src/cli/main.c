/*
 * main.c — the actorgraph command: a table of subcommands, --help and
 * --version. Each subcommand lives in cmd_<name>.c and parses its own
 * options; this file only dispatches and installs the signal handlers that
 * remove temporary output files when a run is interrupted.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    { "extract", cmd_extract, "text -> actor co-occurrence graph (GraphML, GEXF, DOT, JSON, CSV)" },
    { "merge", cmd_merge, "partial counts (extract --partial) -> one graph" },
    { "mentions", cmd_mentions, "text -> one JSON line per actor mention" },
    { "centrality", cmd_centrality, "graph -> ranked table of centralities" },
    { "communities", cmd_communities, "graph -> communities and their modularity" },
    { "convert", cmd_convert, "graph -> the same graph in another format" },
    { "eval", cmd_eval, "text + annotated gold -> precision and recall" },
    { "lexicon", cmd_lexicon, "check, summarise and import gazetteers" },
};

static void usage(FILE *fp)
{
    fputs("usage: actorgraph COMMAND [OPTIONS] [ARGS...]\n"
          "\n"
          "Finds the political actors in news and policy text with gazetteers, links\n"
          "the actors that appear together, and writes the weighted graph.\n"
          "\n"
          "commands:\n",
          fp);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "  actorgraph COMMAND --help   options of one command\n"
          "  actorgraph --version        the version\n"
          "\n"
          "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n",
          fp);
}

static void on_signal(int sig)
{
    ag_outfile_cleanup_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

int main(int argc, char **argv)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);

    if (argc < 2) {
        usage(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("actorgraph %s\n", ag_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "actorgraph: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return EXIT_INPUT;
}

/*
 * cmd_merge.c — `actorgraph merge`: partials in, one graph out.
 *
 * Reads any number of partials (extract --partial) into one counter with
 * the library's partial reader, sums their run statistics (R records), and
 * hands the counts to output.c: the graph is the one a single run over all
 * the inputs would have written.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "output.h"

static const char *const help_head =
    "usage: actorgraph merge [OPTIONS] [PARTIAL...]\n"
    "\n"
    "Combines partial counts written by `actorgraph extract --partial` (on other\n"
    "machines, over other parts of a corpus) into the graph one extract over all\n"
    "of it would write, byte for byte. PARTIAL is a file, a directory (its *.agp\n"
    "files, in name order) or - for standard input (the default). Partials may\n"
    "be concatenated, and their lines sorted or shuffled, as long as each\n"
    "stream starts with its header. Give merge the lexicons extract used (-l)\n"
    "and the graph options (weight, filters, --evidence) wanted; the counting\n"
    "options (window, count, slices, evidence kept) come from the partials,\n"
    "which must agree on them.\n"
    "\n"
    "Output\n";

static const char *const help_tail =
    "\n"
    "  -l, --lexicon PATH      lexicon file or directory of *.json (repeatable;\n"
    "                          default: the bundled lexicons)\n"
    "  -q, --quiet             no warnings\n"
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input or usage, 2 internal or I/O failure.\n";

static int on_record(void *userdata, const char *const *fields, size_t n, const char *path, unsigned long line,
                     ag_error *err)
{
    json_t *stats = (json_t *)userdata;
    if (strcmp(fields[0], "R") == 0 && output_add_stats_record(stats, fields, n) == 0)
        return 0;
    memset(err, 0, sizeof *err);
    err->status = AG_ESYNTAX;
    snprintf(err->file, sizeof err->file, "%s", path);
    err->line = line;
    if (strcmp(fields[0], "R") == 0)
        snprintf(err->message, sizeof err->message, "bad statistics record (R, names..., a count)");
    else
        snprintf(err->message, sizeof err->message, "unknown record type \"%s\"", fields[0]);
    return -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the *.agp files of directory dir to list, in name order. */
static int add_directory(cli_list *list, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t first = list->n;
    if (!d) {
        fprintf(stderr, "actorgraph: %s: cannot open the directory: %s\n", dir, strerror(errno));
        return EXIT_INPUT;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        char *path;
        if (n < 5 || strcmp(e->d_name + n - 4, ".agp") != 0)
            continue;
        path = (char *)malloc(strlen(dir) + n + 2);
        if (!path) {
            closedir(d);
            fprintf(stderr, "actorgraph: out of memory\n");
            return EXIT_INTERNAL;
        }
        sprintf(path, "%s/%s", dir, e->d_name);
        cli_list_add(list, path);
    }
    closedir(d);
    if (list->n == first) {
        fprintf(stderr, "actorgraph: %s: no *.agp partials in the directory\n", dir);
        return EXIT_INPUT;
    }
    qsort(list->v + first, list->n - first, sizeof *list->v, by_name);
    return 0;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option longopts[] = {
        OUTPUT_LONG_OPTIONS,
        { "lexicon", required_argument, NULL, 'l' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    output_options oo;
    output_run run;
    cli_list lexicons = { 0 }, inputs = { 0 }, owned = { 0 };
    ag_lexicon *lex = NULL;
    ag_partial_reader *reader = NULL;
    json_t *stats = json_object();
    ag_cooc *c;
    ag_error err;
    int rc = 0, opt;

    memset(&run, 0, sizeof run);
    clock_gettime(CLOCK_MONOTONIC, &run.start);
    output_options_init(&oo);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:o:f:qh", longopts, NULL)) != -1) {
        int shared = output_parse_option("merge", opt, optarg, &oo);
        if (shared < 0) {
            rc = EXIT_INPUT;
            goto done;
        }
        if (shared)
            continue;
        switch (opt) {
        case 'l':
            cli_list_add(&lexicons, optarg);
            break;
        case 'q':
            cli_quiet = 1;
            break;
        case 'h':
            fputs(help_head, stdout);
            fputs(output_help_outputs, stdout);
            fputs("\nGraph\n", stdout);
            fputs(output_help_weights, stdout);
            fputs("\n", stdout);
            fputs(output_help_filters, stdout);
            fputs(help_tail, stdout);
            goto done;
        default:
            rc = cli_usage("merge", "unknown option");
            goto done;
        }
    }
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            size_t before = owned.n;
            if ((rc = add_directory(&owned, argv[i])) != 0)
                goto done;
            for (size_t k = before; k < owned.n; k++)
                cli_list_add(&inputs, owned.v[k]);
        } else {
            cli_list_add(&inputs, argv[i]);
        }
    }
    if (inputs.n == 0)
        cli_list_add(&inputs, "-");
    if ((rc = output_check("merge", &oo)) != 0)
        goto done;

    if ((rc = cli_load_lexicons(lexicons.v, lexicons.n, 2, &lex)) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (ag_partial_reader_new(lex, &reader, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    ag_partial_reader_on_record(reader, on_record, stats);
    for (size_t i = 0; i < inputs.n; i++) {
        int is_stdin = strcmp(inputs.v[i], "-") == 0;
        FILE *fp = is_stdin ? stdin : fopen(inputs.v[i], "rb");
        ag_status st;
        if (!fp) {
            fprintf(stderr, "actorgraph: %s: cannot open the partial: %s\n", inputs.v[i], strerror(errno));
            rc = EXIT_INPUT;
            goto done;
        }
        st = ag_partial_read(reader, fp, is_stdin ? "<stdin>" : inputs.v[i], &err);
        if (!is_stdin)
            fclose(fp);
        if (st != AG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    if (ag_partial_reader_finish(reader, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    c = ag_partial_reader_cooc(reader);
    if (oo.evidence_given && oo.evidence > ag_cooc_options_get(c)->evidence) {
        rc = cli_usage("merge", "--evidence %u: the partials kept only %u window%s per pair (extract --evidence "
                                "decides how many)",
                       oo.evidence, ag_cooc_options_get(c)->evidence, ag_cooc_options_get(c)->evidence == 1 ? "" : "s");
        goto done;
    }
    if (oo.evidence_path && ag_cooc_options_get(c)->evidence == 0) {
        rc = cli_usage("merge", "--evidence-out: the partials kept no evidence (extract --evidence N keeps it)");
        goto done;
    }
    json_object_set_new(stats, "partials", json_integer((json_int_t)inputs.n));
    run.stats = stats;
    run.scan = ag_partial_reader_scan(reader);
    rc = output_write(&oo, lex, c, &run);

done:
    ag_partial_reader_free(reader);
    ag_lexicon_free(lex);
    json_decref(stats);
    output_options_free(&oo);
    for (size_t i = 0; i < owned.n; i++)
        free(owned.v[i]);
    cli_list_free(&owned);
    cli_list_free(&inputs);
    cli_list_free(&lexicons);
    return rc;
}

/*
 * cmd_lexicon.c — `actorgraph lexicon check|stats|import`: lint, summarise
 * and import gazetteers.
 *
 * check loads every file with diagnostics on, so it reports every problem
 * (not just the first) as file:line:col: message, then the cross-file
 * checks of compilation. stats counts actors by type and aliases by kind.
 * import converts foreign dictionaries (import.h) and writes the lexicon
 * atomically; it reads every input before it creates the output.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: actorgraph lexicon check [LEXICON...]\n"
    "       actorgraph lexicon stats [--format table|json] [LEXICON...]\n"
    "       actorgraph lexicon import --from petrarch [-o OUT.json] [--name NAME] [-q] FILE...\n"
    "\n"
    "LEXICON is a lexicon file or a directory of *.json files (default: the\n"
    "bundled lexicons).\n"
    "\n"
    "check  reports every problem as file:line:col: message: malformed JSON,\n"
    "       unknown or mistyped keys, missing fields, bad dates, duplicate ids,\n"
    "       an alias claimed by two actors in one kind, patterns that do not\n"
    "       compile (with the offset), affiliations to ids no lexicon defines;\n"
    "       warnings for aliases that repeat each other. Exit 1 when any error.\n"
    "stats  counts actors by type and aliases by kind.\n"
    "import converts PETRARCH/TABARI (CAMEO, Phoenix) .actors dictionaries into\n"
    "       one lexicon: one actor per CAMEO code for states and organisations,\n"
    "       one leader per person entry (dated codes become roles), phrases\n"
    "       re-cased as news text writes them. Files are read in the order\n"
    "       given; when two entries claim one phrase the first keeps it.\n"
    "       Warnings (bad dates, odd characters) name file:line:col; a summary\n"
    "       line goes to stderr. See lexicons/README.md for the mapping.\n"
    "       --from FORMAT      the dictionaries' format: petrarch (required; tabari and cameo\n"
    "                          are taken as the same, the format PETRARCH inherited)\n"
    "  -o, --output PATH       the lexicon to write (default, and '-': standard\n"
    "                          output); written to a temporary file, renamed into place\n"
    "       --name NAME        the \"lexicon\" name in the output (default: petrarch)\n"
    "  -q, --quiet             no warnings and no summary\n";

typedef struct {
    size_t errors, warnings;
} tally;

static void report(void *userdata, ag_diag_severity sev, const ag_error *err)
{
    tally *t = (tally *)userdata;
    char buf[1200];
    if (sev == AG_DIAG_ERROR)
        t->errors++;
    else
        t->warnings++;
    printf("%s: %s\n", sev == AG_DIAG_ERROR ? "error" : "warning", ag_error_format(err, buf, sizeof buf));
}

/* Loads (and compiles) the lexicons with every problem reported to t. */
static ag_lexicon *load_all(char **paths, size_t n, tally *t, int *io_failed, int strict)
{
    ag_lexicon *lex = NULL;
    ag_error err;
    const char *dflt = NULL;

    *io_failed = 0;
    if (n == 0 && !(dflt = cli_default_lexicons())) {
        fprintf(stderr, "actorgraph: no lexicon given and the bundled lexicons were not found\n");
        *io_failed = 1;
        return NULL;
    }
    if (ag_lexicon_new(&lex, &err) != AG_OK) {
        cli_fail(&err);
        *io_failed = 1;
        return NULL;
    }
    ag_lexicon_set_diagnostics(lex, report, t);
    ag_lexicon_set_strict(lex, strict);
    for (size_t i = 0; i < (n ? n : 1); i++) {
        ag_status st = ag_lexicon_load_path(lex, n ? paths[i] : dflt, &err);
        if (st != AG_OK && st != AG_ESYNTAX && st != AG_ESCHEMA && st != AG_EPATTERN) {
            report(t, AG_DIAG_ERROR, &err);
            *io_failed = 1;
        }
    }
    if (!*io_failed && t->errors == 0) {
        ag_status st = ag_lexicon_compile(lex, &err);
        if (st != AG_OK && st != AG_ESYNTAX && st != AG_ESCHEMA && st != AG_EPATTERN)
            report(t, AG_DIAG_ERROR, &err);
    }
    return lex;
}

static int check(int argc, char **argv)
{
    tally t = { 0, 0 };
    int io_failed;
    ag_lexicon *lex = load_all(argv, (size_t)argc, &t, &io_failed, 1);
    size_t actors = lex ? ag_lexicon_actor_count(lex) : 0, aliases = lex ? ag_lexicon_alias_count(lex) : 0;
    ag_lexicon_free(lex);
    printf("%zu error%s, %zu warning%s; %zu actors, %zu aliases\n", t.errors, t.errors == 1 ? "" : "s", t.warnings,
           t.warnings == 1 ? "" : "s", actors, aliases);
    return t.errors || io_failed ? EXIT_INPUT : EXIT_OK;
}

static int stats(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { NULL, 0, NULL, 0 },
    };
    tally t = { 0, 0 };
    int io_failed, opt, json = 0;
    size_t by_type[AG_TYPE_COUNT] = { 0 }, by_kind[AG_KIND_COUNT + 1] = { 0 };
    ag_lexicon *lex;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
        if (opt == 'f' && (strcmp(optarg, "json") == 0 || strcmp(optarg, "table") == 0))
            json = strcmp(optarg, "json") == 0;
        else
            return cli_usage("lexicon stats", "--format takes table or json");
    }
    lex = load_all(argv + optind, (size_t)(argc - optind), &t, &io_failed, 0);
    if (!lex || t.errors || io_failed) {
        ag_lexicon_free(lex);
        fprintf(stderr, "actorgraph: the lexicons have errors; run 'actorgraph lexicon check'\n");
        return EXIT_INPUT;
    }
    for (size_t i = 0; i < ag_lexicon_actor_count(lex); i++)
        by_type[ag_lexicon_actor(lex, i)->type]++;
    for (size_t i = 0; i < ag_lexicon_alias_count(lex); i++)
        by_kind[ag_lexicon_alias(lex, i)->kind]++;
    if (json) {
        printf("{\"actors\": %zu, \"types\": {", ag_lexicon_actor_count(lex));
        for (int k = 0; k < AG_TYPE_COUNT; k++)
            printf("%s\"%s\": %zu", k ? ", " : "", ag_actor_type_name((ag_actor_type)k), by_type[k]);
        printf("}, \"aliases\": %zu, \"kinds\": {", ag_lexicon_alias_count(lex));
        for (int k = 0; k <= AG_KIND_COUNT; k++)
            printf("%s\"%s\": %zu", k ? ", " : "", ag_alias_kind_name((ag_alias_kind)k), by_kind[k]);
        printf("}}\n");
    } else {
        printf("actors   %8zu\n", ag_lexicon_actor_count(lex));
        for (int k = 0; k < AG_TYPE_COUNT; k++)
            printf("  %-8s %7zu\n", ag_actor_type_name((ag_actor_type)k), by_type[k]);
        printf("aliases  %8zu\n", ag_lexicon_alias_count(lex));
        for (int k = 0; k <= AG_KIND_COUNT; k++)
            printf("  %-8s %7zu\n", ag_alias_kind_name((ag_alias_kind)k), by_kind[k]);
    }
    ag_lexicon_free(lex);
    return EXIT_OK;
}

static int import(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "from", required_argument, NULL, 'F' },
        { "output", required_argument, NULL, 'o' },
        { "name", required_argument, NULL, 'n' },
        { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    ag_import_options opts = AG_IMPORT_OPTIONS_INIT;
    ag_import_format format;
    ag_import *imp = NULL;
    ag_outfile *out = NULL;
    const ag_import_stats *s;
    const char *from = NULL, *path = "-";
    ag_error err;
    int opt, rc = EXIT_OK;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:q", longopts, NULL)) != -1) {
        if (opt == 'F')
            from = optarg;
        else if (opt == 'o')
            path = optarg;
        else if (opt == 'n')
            opts.lexicon = optarg;
        else if (opt == 'q')
            cli_quiet = 1;
        else
            return cli_usage("lexicon import", "unknown option");
    }
    if (!from)
        return cli_usage("lexicon import", "--from is required (petrarch)");
    if (ag_import_format_parse(from, &format) != 0)
        return cli_usage("lexicon import", "unknown format '%s' for --from (petrarch)", from);
    if (optind >= argc)
        return cli_usage("lexicon import", "no dictionary to import");
    if (!*opts.lexicon)
        return cli_usage("lexicon import", "--name must not be empty");
    opts.warn = cli_diag;

    if (ag_import_new(format, &opts, &imp, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        if (ag_import_add_file(imp, argv[i], &err) != AG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    if (ag_outfile_open(path, &out, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if (ag_import_write(imp, ag_outfile_stream(out), &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    rc = ag_outfile_commit(out, &err) == AG_OK ? EXIT_OK : cli_fail(&err);
    out = NULL;   /* freed by commit */
    if (rc == EXIT_OK && !cli_quiet) {
        s = ag_import_stats_get(imp);
        fprintf(stderr,
                "actorgraph: imported %zu file%s: %zu actors (%zu states, %zu orgs, %zu leaders), "
                "%zu aliases (%zu names, %zu short, %zu not); %zu duplicates dropped, %zu lines skipped, "
                "%zu warning%s\n",
                s->files, s->files == 1 ? "" : "s", s->actors, s->actors_by_type[AG_TYPE_STATE],
                s->actors_by_type[AG_TYPE_ORG], s->actors_by_type[AG_TYPE_LEADER], s->aliases,
                s->aliases_by_kind[AG_KIND_NAME], s->aliases_by_kind[AG_KIND_SHORT],
                s->aliases_by_kind[AG_KIND_BLOCKER], s->dropped, s->skipped_lines, s->warnings,
                s->warnings == 1 ? "" : "s");
    }
done:
    ag_outfile_abort(out);
    ag_import_free(imp);
    return rc;
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(help, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "check") == 0)
        return check(argc - 2, argv + 2);
    if (strcmp(argv[1], "stats") == 0)
        return stats(argc - 1, argv + 1);
    if (strcmp(argv[1], "import") == 0)
        return import(argc - 1, argv + 1);
    return cli_usage("lexicon", "unknown subcommand '%s' (check, stats, import)", argv[1]);
}

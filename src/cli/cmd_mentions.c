/*
 * cmd_mentions.c — `actorgraph mentions`: one JSON object per line for
 * every actor mention, in input order, with byte offsets into the
 * original text. The evidence behind every edge, and what `eval` and
 * agcheck score.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "run.h"

static const char help[] =
    "usage: actorgraph mentions [OPTIONS] [INPUT...]\n"
    "\n"
    "Prints one JSON object per line for every actor mention in the inputs:\n"
    "  {\"doc\": ..., \"actor\": ..., \"label\": ..., \"kind\": ..., \"text\": ...,\n"
    "   \"start\": ..., \"end\": ..., \"sentence\": ..., \"paragraph\": ...}\n"
    "start and end are byte offsets into the original text (end exclusive);\n"
    "sentence and paragraph count from 0 within the document. For *.txt inputs\n"
    "doc is the file's path as given or found; for JSONL, the id field.\n"
    "\n"
    "  -o, --output PATH       write here instead of standard output\n"
    RUN_HELP
    "  -h, --help              this help\n";

typedef struct {
    FILE *fp;
    const ag_lexicon *lex;
} mentions_state;

static int on_document(void *userdata, const ag_document *doc, const ag_scan_result *res)
{
    mentions_state *x = (mentions_state *)userdata;
    for (size_t i = 0; i < res->n_mentions; i++) {
        const ag_mention *m = &res->mentions[i];
        const ag_actor *a = ag_lexicon_actor(x->lex, m->actor);
        fputs("{\"doc\":", x->fp);
        cli_json_string(x->fp, doc->id, strlen(doc->id));
        fputs(",\"actor\":", x->fp);
        cli_json_string(x->fp, a->id, strlen(a->id));
        fputs(",\"label\":", x->fp);
        cli_json_string(x->fp, a->label, strlen(a->label));
        fprintf(x->fp, ",\"kind\":\"%s\",\"text\":", ag_alias_kind_name(m->kind));
        cli_json_string(x->fp, doc->text + m->start, m->end - m->start);
        fprintf(x->fp, ",\"start\":%zu,\"end\":%zu,\"sentence\":%u,\"paragraph\":%u}\n", m->start, m->end,
                m->sentence, m->paragraph);
    }
    if (ferror(x->fp)) {
        fprintf(stderr, "actorgraph: cannot write the mentions\n");
        return EXIT_INTERNAL;
    }
    return 0;
}

int cmd_mentions(int argc, char **argv)
{
    static const struct option longopts[] = {
        RUN_LONG_OPTIONS,
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    run_options ro;
    run_stats stats;
    const char *output = "-";
    ag_lexicon *lex = NULL;
    ag_outfile *out = NULL;
    mentions_state x;
    ag_error err;
    int rc = 0, opt;

    run_options_init(&ro);
    run_stats_init(&stats);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:o:j:qh", longopts, NULL)) != -1) {
        int shared = run_parse_option("mentions", opt, optarg, &ro);
        if (shared < 0) {
            rc = EXIT_INPUT;
            goto done;
        }
        if (shared)
            continue;
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(help, stdout);
            goto done;
        default:
            rc = cli_usage("mentions", "unknown option");
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        cli_list_add(&ro.inputs, argv[i]);
    if ((rc = cli_load_lexicons(ro.lexicons.v, ro.lexicons.n, ro.jobs, &lex)) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (ag_outfile_open(output, &out, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    x.fp = ag_outfile_stream(out);
    x.lex = lex;
    if ((rc = run_documents(&ro, lex, on_document, &x, &stats)) != 0) {
        ag_outfile_abort(out);
        out = NULL;
        goto done;
    }
    rc = ag_outfile_commit(out, &err) == AG_OK ? 0 : cli_fail(&err);
    out = NULL;
    if (rc == 0 && stats.reader.skipped_files)
        rc = EXIT_INPUT;

done:
    ag_outfile_abort(out);
    ag_lexicon_free(lex);
    run_stats_free(&stats);
    run_options_free(&ro);
    return rc;
}

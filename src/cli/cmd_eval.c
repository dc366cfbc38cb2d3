/*
 * cmd_eval.c — `actorgraph eval`: precision and recall against annotated
 * documents.
 *
 * Loads the gold file, runs the shared document loop (so every option of
 * extract and mentions applies), hands each document's mentions to the
 * library's evaluator and prints the per-document and overall figures,
 * the false positives and negatives, the traps hit and the missed sentence
 * pairs, as a table or as JSON. The scoring is the library's (eval.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

enum { OPT_GOLD = OPT_RUN_LAST + 1, OPT_FORMAT, OPT_MIN_PRECISION, OPT_MIN_RECALL, OPT_STATS };

static const char help[] =
    "usage: actorgraph eval --gold GOLD.json [OPTIONS] [INPUT...]\n"
    "\n"
    "Finds the actors in the inputs and scores them against annotated documents.\n"
    "An input counts when its file name (the last part of its id) is a document\n"
    "of the gold file; the others are read and ignored. A found actor matches a\n"
    "gold id when, lower-cased, folded and reduced to letters and digits, its id\n"
    "or label equals the gold id, label or one of its aka names. Demonym mentions\n"
    "are left out; borderline and demonym-only actors are neither rewarded nor\n"
    "penalised. Precision and recall are micro-averaged over the gold documents\n"
    "(a gold document missing from the inputs counts its actors as missed).\n"
    "\n"
    "      --gold FILE         the annotated documents (required)\n"
    "      --format FMT        text (default) or json\n"
    "      --min-precision X   exit 1 when the overall precision is below X\n"
    "      --min-recall Y      exit 1 when the overall recall is below Y\n"
    "      --stats FILE        write a JSON summary of the run, with the short\n"
    "                          names nobody could own (- for stderr)\n"
    RUN_HELP
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 when every threshold is met and no trap was hit; 1 when not,\n"
    "or on bad input or usage; 2 on an internal or I/O failure.\n";

static int on_document(void *userdata, const ag_document *doc, const ag_scan_result *res)
{
    ag_error err;
    memset(&err, 0, sizeof err);
    if (ag_eval_add((ag_eval *)userdata, doc->id, doc->text, doc->len, res, NULL, &err) != AG_OK)
        return cli_fail(&err);
    return 0;
}

/* --- text ----------------------------------------------------------------- */

static void print_quoted(FILE *fp, const char *s)
{
    cli_json_string(fp, s, strlen(s));
}

static void print_text(FILE *fp, const ag_eval *ev, const ag_eval_summary *s)
{
    size_t w = strlen("document");

    for (size_t i = 0; i < ag_eval_doc_count(ev); i++) {
        size_t n = strlen(ag_eval_doc_get(ev, i)->name);
        if (n > w)
            w = n;
    }
    fprintf(fp, "%-*s  precision  recall     F1   tp   fp   fn  traps  pairs\n", (int)w, "document");
    for (size_t i = 0; i < ag_eval_doc_count(ev); i++) {
        const ag_eval_doc *d = ag_eval_doc_get(ev, i);
        fprintf(fp, "%-*s  %9.3f  %6.3f  %5.3f %4zu %4zu %4zu  %5zu  %zu/%zu%s\n", (int)w, d->name, d->precision,
                d->recall, d->f1, d->tp, d->fp, d->fn, d->n_trap_hits, d->pairs_found, d->pairs,
                d->inputs ? "" : "  (not among the inputs)");
        for (size_t k = 0; k < d->n_false_positives; k++) {
            const ag_eval_found *f = &d->false_positives[k];
            fprintf(fp, "  false positive  %s  ", f->id);
            print_quoted(fp, f->text);
            fprintf(fp, " at %zu-%zu (%s", f->start, f->end, ag_alias_kind_name(f->kind));
            if (f->mentions > 1)
                fprintf(fp, "; %zu mentions", f->mentions);
            fputs(")\n", fp);
        }
        for (size_t k = 0; k < d->n_false_negatives; k++)
            fprintf(fp, "  false negative  %s\n", d->false_negatives[k]);
        for (size_t k = 0; k < d->n_trap_hits; k++) {
            const ag_eval_trap_hit *h = &d->trap_hits[k];
            fputs("  trap hit        ", fp);
            print_quoted(fp, h->trap);
            fprintf(fp, " taken for %s: ", h->id);
            print_quoted(fp, h->text);
            fprintf(fp, " at %zu-%zu (must not be %s)\n", h->start, h->end, h->must_not_be);
        }
        for (size_t k = 0; k < d->n_missed_pairs; k++)
            fprintf(fp, "  missed pair     %s + %s\n", d->missed_pairs[k].a, d->missed_pairs[k].b);
    }
    fprintf(fp,
            "overall: precision %.3f recall %.3f F1 %.3f pair-recall %.3f traps-hit %zu "
            "(tp %zu, fp %zu, fn %zu; %zu of %zu documents)\n",
            s->precision, s->recall, s->f1, s->pair_recall, s->trap_hits, s->tp, s->fp, s->fn, s->documents_seen,
            s->documents);
}

/* --- JSON ----------------------------------------------------------------- */

static json_t *doc_json(const ag_eval_doc *d)
{
    json_t *o = json_object(), *fps = json_array(), *fns = json_array(), *traps = json_array(),
           *missed = json_array();

    json_object_set_new(o, "doc", json_string(d->name));
    json_object_set_new(o, "inputs", json_integer((json_int_t)d->inputs));
    json_object_set_new(o, "precision", json_real(d->precision));
    json_object_set_new(o, "recall", json_real(d->recall));
    json_object_set_new(o, "f1", json_real(d->f1));
    json_object_set_new(o, "tp", json_integer((json_int_t)d->tp));
    json_object_set_new(o, "fp", json_integer((json_int_t)d->fp));
    json_object_set_new(o, "fn", json_integer((json_int_t)d->fn));
    for (size_t k = 0; k < d->n_false_positives; k++) {
        const ag_eval_found *f = &d->false_positives[k];
        json_t *x = json_object();
        json_object_set_new(x, "id", json_string(f->id));
        json_object_set_new(x, "text", json_string(f->text));
        json_object_set_new(x, "start", json_integer((json_int_t)f->start));
        json_object_set_new(x, "end", json_integer((json_int_t)f->end));
        json_object_set_new(x, "kind", json_string(ag_alias_kind_name(f->kind)));
        json_object_set_new(x, "mentions", json_integer((json_int_t)f->mentions));
        json_object_set_new(x, "input", json_string(f->doc));
        json_array_append_new(fps, x);
    }
    for (size_t k = 0; k < d->n_false_negatives; k++)
        json_array_append_new(fns, json_string(d->false_negatives[k]));
    for (size_t k = 0; k < d->n_trap_hits; k++) {
        const ag_eval_trap_hit *h = &d->trap_hits[k];
        json_t *x = json_object();
        json_object_set_new(x, "trap", json_string(h->trap));
        json_object_set_new(x, "must_not_be", json_string(h->must_not_be));
        json_object_set_new(x, "id", json_string(h->id));
        json_object_set_new(x, "text", json_string(h->text));
        json_object_set_new(x, "start", json_integer((json_int_t)h->start));
        json_object_set_new(x, "end", json_integer((json_int_t)h->end));
        json_object_set_new(x, "input", json_string(h->doc));
        json_array_append_new(traps, x);
    }
    for (size_t k = 0; k < d->n_missed_pairs; k++)
        json_array_append_new(missed, json_pack("[ss]", d->missed_pairs[k].a, d->missed_pairs[k].b));
    json_object_set_new(o, "false_positives", fps);
    json_object_set_new(o, "false_negatives", fns);
    json_object_set_new(o, "trap_hits", traps);
    json_object_set_new(o, "pairs", json_integer((json_int_t)d->pairs));
    json_object_set_new(o, "pairs_found", json_integer((json_int_t)d->pairs_found));
    json_object_set_new(o, "missed_pairs", missed);
    return o;
}

static int print_json(FILE *fp, const ag_eval *ev, const ag_eval_summary *s, int ok)
{
    json_t *root = json_object(), *docs = json_array(), *all = json_object();
    int rc;

    for (size_t i = 0; i < ag_eval_doc_count(ev); i++)
        json_array_append_new(docs, doc_json(ag_eval_doc_get(ev, i)));
    json_object_set_new(all, "documents", json_integer((json_int_t)s->documents));
    json_object_set_new(all, "documents_seen", json_integer((json_int_t)s->documents_seen));
    json_object_set_new(all, "precision", json_real(s->precision));
    json_object_set_new(all, "recall", json_real(s->recall));
    json_object_set_new(all, "f1", json_real(s->f1));
    json_object_set_new(all, "tp", json_integer((json_int_t)s->tp));
    json_object_set_new(all, "fp", json_integer((json_int_t)s->fp));
    json_object_set_new(all, "fn", json_integer((json_int_t)s->fn));
    json_object_set_new(all, "trap_hits", json_integer((json_int_t)s->trap_hits));
    json_object_set_new(all, "pairs", json_integer((json_int_t)s->pairs));
    json_object_set_new(all, "pairs_found", json_integer((json_int_t)s->pairs_found));
    json_object_set_new(all, "pair_recall", json_real(s->pair_recall));
    json_object_set_new(root, "documents", docs);
    json_object_set_new(root, "overall", all);
    json_object_set_new(root, "ok", json_boolean(ok));
    rc = json_dumpf(root, fp, JSON_INDENT(2)) == 0 && fputc('\n', fp) != EOF ? 0 : -1;
    json_decref(root);
    return rc;
}

static int write_stats(const char *path, const run_stats *stats, const ag_lexicon *lex, const ag_eval_summary *s)
{
    json_t *js = run_stats_json(stats, lex);
    ag_outfile *out = NULL;
    FILE *fp = stderr;
    ag_error err;
    int rc = 0;

    json_object_set_new(js, "gold_documents", json_integer((json_int_t)s->documents));
    json_object_set_new(js, "gold_documents_seen", json_integer((json_int_t)s->documents_seen));
    if (strcmp(path, "-") != 0) {
        if (ag_outfile_open(path, &out, &err) != AG_OK) {
            json_decref(js);
            return cli_fail(&err);
        }
        fp = ag_outfile_stream(out);
    }
    if (json_dumpf(js, fp, JSON_INDENT(2) | JSON_SORT_KEYS) != 0 || fputc('\n', fp) == EOF) {
        fprintf(stderr, "actorgraph: %s: cannot write the statistics\n", path);
        rc = EXIT_INTERNAL;
    }
    json_decref(js);
    if (out) {
        if (rc)
            ag_outfile_abort(out);
        else if (ag_outfile_commit(out, &err) != AG_OK)
            rc = cli_fail(&err);
    }
    return rc;
}

static int parse_share(const char *opt, const char *arg, double *out)
{
    if (cli_parse_double(arg, out) != 0 || *out < 0 || *out > 1)
        return cli_usage("eval", "%s takes a number from 0 to 1, not '%s'", opt, arg);
    return 0;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = {
        RUN_LONG_OPTIONS,
        { "gold", required_argument, NULL, OPT_GOLD },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "min-precision", required_argument, NULL, OPT_MIN_PRECISION },
        { "min-recall", required_argument, NULL, OPT_MIN_RECALL },
        { "stats", required_argument, NULL, OPT_STATS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    run_options ro;
    run_stats stats;
    const char *gold_path = NULL, *stats_path = NULL;
    double min_p = -1, min_r = -1;
    int json = 0, ok, rc = 0, opt;
    ag_gold *gold = NULL;
    ag_lexicon *lex = NULL;
    ag_eval *ev = NULL;
    ag_eval_summary sum;
    ag_error err;

    run_options_init(&ro);
    run_stats_init(&stats);
    memset(&err, 0, sizeof err);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:j:qh", longopts, NULL)) != -1) {
        int shared = run_parse_option("eval", opt, optarg, &ro);
        if (shared < 0) {
            rc = EXIT_INPUT;
            goto done;
        }
        if (shared)
            continue;
        switch (opt) {
        case OPT_GOLD:
            gold_path = optarg;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0) {
                rc = cli_usage("eval", "--format takes text or json, not '%s'", optarg);
                goto done;
            }
            json = strcmp(optarg, "json") == 0;
            break;
        case OPT_MIN_PRECISION:
            if ((rc = parse_share("--min-precision", optarg, &min_p)) != 0)
                goto done;
            break;
        case OPT_MIN_RECALL:
            if ((rc = parse_share("--min-recall", optarg, &min_r)) != 0)
                goto done;
            break;
        case OPT_STATS:
            stats_path = optarg;
            break;
        case 'h':
            fputs(help, stdout);
            goto done;
        default:
            rc = cli_usage("eval", "unknown option");
            goto done;
        }
    }
    if (!gold_path) {
        rc = cli_usage("eval", "--gold FILE is required (the annotated documents)");
        goto done;
    }
    for (int i = optind; i < argc; i++)
        cli_list_add(&ro.inputs, argv[i]);

    if (ag_gold_load_file(gold_path, &gold, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = cli_load_lexicons(ro.lexicons.v, ro.lexicons.n, ro.jobs, &lex)) != 0)
        goto done;
    if (ag_eval_new(gold, lex, &ev, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if ((rc = run_documents(&ro, lex, on_document, ev, &stats)) != 0)
        goto done;
    if (ag_eval_finish(ev, &sum, &err) != AG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    if (!cli_quiet) {
        for (size_t i = 0; i < ag_eval_doc_count(ev); i++) {
            const ag_eval_doc *d = ag_eval_doc_get(ev, i);
            if (!d->inputs)
                fprintf(stderr, "actorgraph: warning: gold document %s is not among the inputs; its %zu actors "
                                "count as missed\n", d->name, d->fn);
        }
    }
    ok = sum.trap_hits == 0 && (min_p < 0 || sum.precision >= min_p) && (min_r < 0 || sum.recall >= min_r);
    if (json ? print_json(stdout, ev, &sum, ok) != 0 : (print_text(stdout, ev, &sum), ferror(stdout) != 0)) {
        fprintf(stderr, "actorgraph: cannot write the results\n");
        rc = EXIT_INTERNAL;
        goto done;
    }
    fflush(stdout);
    if (stats_path && (rc = write_stats(stats_path, &stats, lex, &sum)) != 0)
        goto done;
    if (!ok) {
        if (sum.trap_hits)
            fprintf(stderr, "actorgraph eval: %zu trap%s hit\n", sum.trap_hits, sum.trap_hits == 1 ? "" : "s");
        if (min_p >= 0 && sum.precision < min_p)
            fprintf(stderr, "actorgraph eval: precision %.4f is below %g\n", sum.precision, min_p);
        if (min_r >= 0 && sum.recall < min_r)
            fprintf(stderr, "actorgraph eval: recall %.4f is below %g\n", sum.recall, min_r);
        rc = EXIT_INPUT;
    } else if (stats.reader.skipped_files) {
        rc = EXIT_INPUT;   /* the figures are printed, but some input could not be read */
    }

done:
    ag_eval_free(ev);
    ag_gold_free(gold);
    ag_lexicon_free(lex);
    run_stats_free(&stats);
    run_options_free(&ro);
    return rc;
}

/*
 * output.h — what `extract` and `merge` share once the counting is done:
 * the graph options (weight, filters, communities), the outputs (graphs,
 * evidence, partial, statistics) and writing them all atomically.
 */
#ifndef AG_CLI_OUTPUT_H
#define AG_CLI_OUTPUT_H

#include <jansson.h>
#include <time.h>

#include "actorgraph/community.h"
#include "actorgraph/partial.h"
#include "run.h"

typedef struct {
    cli_list outputs;               /* -o */
    ag_format forced;               /* -f */
    ag_graph_options graph;         /* weight and filters; graph.evidence is set by output_write */
    ag_community_method communities;
    const char *stats_path;         /* --stats */
    const char *evidence_path;      /* --evidence-out */
    const char *partial_path;       /* --partial */
    unsigned evidence;              /* --evidence N; 0 when not given */
    int evidence_given;
} output_options;

/* What output_write needs besides the counts. */
typedef struct {
    json_t *stats;                  /* the run's statistics (borrowed; NULL: none) */
    const char *scan;               /* the settings written into a partial's #scan header */
    struct timespec start;          /* when the command started (CLOCK_MONOTONIC) */
} output_run;

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
    OPT_COMMUNITIES,
    OPT_EVIDENCE,
    OPT_EVIDENCE_OUT,
    OPT_PARTIAL,
    OPT_STATS,
    OPT_OUTPUT_LAST
};

#define OUTPUT_LONG_OPTIONS                                                \
    { "output", required_argument, NULL, 'o' },                            \
    { "format", required_argument, NULL, 'f' },                            \
    { "weight", required_argument, NULL, OPT_WEIGHT },                     \
    { "min-weight", required_argument, NULL, OPT_MIN_WEIGHT },             \
    { "min-mentions", required_argument, NULL, OPT_MIN_MENTIONS },         \
    { "min-count", required_argument, NULL, OPT_MIN_COUNT },               \
    { "top", required_argument, NULL, OPT_TOP },                           \
    { "top-edges", required_argument, NULL, OPT_TOP_EDGES },               \
    { "types", required_argument, NULL, OPT_TYPES },                       \
    { "largest-component", no_argument, NULL, OPT_LARGEST },               \
    { "backbone", required_argument, NULL, OPT_BACKBONE },                 \
    { "communities", required_argument, NULL, OPT_COMMUNITIES },           \
    { "evidence", required_argument, NULL, OPT_EVIDENCE },                 \
    { "evidence-out", required_argument, NULL, OPT_EVIDENCE_OUT },         \
    { "partial", required_argument, NULL, OPT_PARTIAL },                   \
    { "stats", required_argument, NULL, OPT_STATS }

/* The help text of the options above, in pieces (C limits a literal's length). */
extern const char *const output_help_outputs;
extern const char *const output_help_weights;
extern const char *const output_help_filters;

void output_options_init(output_options *o);
void output_options_free(output_options *o);

/* Returns 1 when opt was one of the output options (and consumed), 0 when
 * not, or -1 after printing a usage error. */
int output_parse_option(const char *cmd, int opt, const char *arg, output_options *o);

/* Checks the outputs once every option is read (formats, standard output
 * used twice); with no output at all, GraphML goes to standard output.
 * Returns 0 or an exit status. */
int output_check(const char *cmd, output_options *o);

/* Builds the graph of c and writes every output: all of them or, when one
 * fails, none. Returns 0 or an exit status. */
int output_write(const output_options *o, const ag_lexicon *lex, ag_cooc *c, const output_run *run);

/* The run statistics as a partial's R records ("R", path..., value), and
 * back: the values of R records are summed into a statistics object. */
void output_write_stats_records(FILE *fp, json_t *stats);
int output_add_stats_record(json_t *stats, const char *const *fields, size_t n);

#endif

/*
 * fuzz_common.h — what the libFuzzer harnesses share: writing a graph in
 * every format to memory, with oracles that turn a wrong output into a
 * crash the fuzzer reports (JSON that jansson cannot read back, XML that
 * libxml2 finds malformed, a writer that fails on a graph it was given).
 * Header-only: each harness is one translation unit.
 */
#ifndef AG_FUZZ_COMMON_H
#define AG_FUZZ_COMMON_H

#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"
#include "export_internal.h"

/* Helpers a harness may not use. */
#define FUZZ_FN static __attribute__((unused))

/* Stops the fuzzer with a message: an oracle failed. */
#define FUZZ_ASSERT(cond, what)                                                        \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "fuzz oracle failed: %s (%s:%d)\n", what, __FILE__, __LINE__); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

FUZZ_FN void fuzz_quiet_xml(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Well-formed XML, or abort. */
FUZZ_FN void fuzz_check_xml(const char *buf, size_t len, const char *what)
{
    xmlDocPtr doc;
    xmlSetGenericErrorFunc(NULL, fuzz_quiet_xml);
    doc = xmlReadMemory(buf, (int)len, "out.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        fwrite(buf, 1, len < 4000 ? len : 4000, stderr);
    FUZZ_ASSERT(doc != NULL, what);
    xmlFreeDoc(doc);
}

/* Valid JSON, or abort. */
FUZZ_FN void fuzz_check_json(const char *buf, size_t len, const char *what)
{
    json_error_t jerr;
    json_t *v = json_loadb(buf, len, JSON_ALLOW_NUL, &jerr);
    if (!v)
        fprintf(stderr, "%d:%d: %s\n", jerr.line, jerr.column, jerr.text);
    FUZZ_ASSERT(v != NULL, what);
    json_decref(v);
}

/* CSV with every quote balanced (RFC 4180: a field in quotes doubles its
 * quotes), so that a reader sees the rows that were written. */
FUZZ_FN void fuzz_check_csv(const char *buf, size_t len, const char *what)
{
    int in_quotes = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '"') {
            if (in_quotes && i + 1 < len && buf[i + 1] == '"')
                i++;
            else
                in_quotes = !in_quotes;
        }
    }
    FUZZ_ASSERT(!in_quotes, what);
    FUZZ_ASSERT(len > 0 && buf[len - 1] == '\n', what);
}

typedef ag_status (*fuzz_writer)(const ag_graph *g, FILE *fp);

FUZZ_FN void fuzz_write(const ag_graph *g, fuzz_writer w, const char *what, void (*check)(const char *, size_t, const char *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ag_status st;
    FUZZ_ASSERT(fp != NULL, "open_memstream");
    st = w(g, fp);
    FUZZ_ASSERT(fclose(fp) == 0, "fclose of a memory stream");
    FUZZ_ASSERT(st == AG_OK, what);
    if (check)
        check(buf, len, what);
    free(buf);
}

FUZZ_FN ag_status fuzz_graphml(const ag_graph *g, FILE *fp) { return ag_export_stream(g, AG_FORMAT_GRAPHML, fp, "mem", NULL); }
FUZZ_FN ag_status fuzz_gexf(const ag_graph *g, FILE *fp) { return ag_export_stream(g, AG_FORMAT_GEXF, fp, "mem", NULL); }
FUZZ_FN ag_status fuzz_dot(const ag_graph *g, FILE *fp) { return ag_export_stream(g, AG_FORMAT_DOT, fp, "mem", NULL); }
FUZZ_FN ag_status fuzz_csv_nodes(const ag_graph *g, FILE *fp) { return ag__export_csv_nodes(g, fp); }
FUZZ_FN ag_status fuzz_csv_edges(const ag_graph *g, FILE *fp) { return ag__export_csv_edges(g, fp); }

/* The JSON writer refuses (AG_EINVAL) an edge attribute named "source" or
 * "target"; anything else it writes must read back. Returns the JSON
 * (malloc'ed, *len bytes) or NULL when refused. */
FUZZ_FN char *fuzz_json(const ag_graph *g, size_t *len)
{
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    ag_error err;
    ag_status st;
    FUZZ_ASSERT(fp != NULL, "open_memstream");
    st = ag_export_stream(g, AG_FORMAT_JSON, fp, "mem", &err);
    FUZZ_ASSERT(fclose(fp) == 0, "fclose of a memory stream");
    if (st == AG_EINVAL) {
        FUZZ_ASSERT(ag_graph_attr_find(g, AG_EDGES, "source") >= 0 || ag_graph_attr_find(g, AG_EDGES, "target") >= 0,
                    "the JSON writer refused a graph without a source/target attribute");
        free(buf);
        return NULL;
    }
    FUZZ_ASSERT(st == AG_OK, "the JSON writer failed");
    fuzz_check_json(buf, *len, "the JSON writer wrote invalid JSON");
    return buf;
}

/* Every format; the XML formats well-formed, the JSON readable. */
FUZZ_FN void fuzz_export_all(const ag_graph *g)
{
    size_t len;
    char *json;
    fuzz_write(g, fuzz_graphml, "GraphML writer", fuzz_check_xml);
    fuzz_write(g, fuzz_gexf, "GEXF writer", fuzz_check_xml);
    fuzz_write(g, fuzz_dot, "DOT writer", NULL);
    fuzz_write(g, fuzz_csv_nodes, "CSV nodes writer", fuzz_check_csv);
    fuzz_write(g, fuzz_csv_edges, "CSV edges writer", fuzz_check_csv);
    json = fuzz_json(g, &len);
    free(json);
}

static char fuzz_temp_dir[256] __attribute__((unused));
static char fuzz_temp_path[2][300] __attribute__((unused));

FUZZ_FN void fuzz_remove_temps(void)
{
    for (int i = 0; i < 2; i++)
        if (fuzz_temp_path[i][0])
            unlink(fuzz_temp_path[i]);
    if (fuzz_temp_dir[0])
        rmdir(fuzz_temp_dir);
}

/* A temporary file holding data, named slot<N><suffix> in a directory of
 * the process's own (removed at exit); every run reuses it. */
FUZZ_FN const char *fuzz_temp_file(int slot, const char *suffix, const char *data, size_t len)
{
    char *path = fuzz_temp_path[slot];
    FILE *fp;
    if (!fuzz_temp_dir[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(fuzz_temp_dir, sizeof fuzz_temp_dir, "%s/ag_fuzz.XXXXXX", dir && *dir ? dir : "/tmp");
        FUZZ_ASSERT(mkdtemp(fuzz_temp_dir) != NULL, "mkdtemp");
        atexit(fuzz_remove_temps);
    }
    if (!path[0])
        snprintf(path, sizeof fuzz_temp_path[slot], "%s/slot%d%s", fuzz_temp_dir, slot, suffix);
    fp = fopen(path, "wb");
    FUZZ_ASSERT(fp != NULL, "fopen of the temporary file");
    FUZZ_ASSERT(fwrite(data, 1, len, fp) == len, "fwrite of the temporary file");
    FUZZ_ASSERT(fclose(fp) == 0, "fclose of the temporary file");
    return path;
}

/* The graph readers' harness: data as a file with this suffix, read with
 * ag_graph_read_file; a failure needs a message, and is an input error
 * (exit 1) for anything but an unreadable file. A graph that reads is
 * measured (centrality, communities), written in every format, and its
 * JSON must read back to the same numbers of nodes and edges. */
FUZZ_FN void fuzz_graph_file(const uint8_t *data, size_t size, const char *suffix)
{
    ag_graph *g = NULL, *back = NULL;
    ag_error err;
    ag_status st;
    const char *path = fuzz_temp_file(0, suffix, (const char *)data, size);
    char *json;
    size_t len, n;

    memset(&err, 0, sizeof err);
    st = ag_graph_read_file(path, &g, &err);
    if (st != AG_OK) {
        FUZZ_ASSERT(g == NULL, "a failed read left a graph");
        FUZZ_ASSERT(err.message[0] != '\0', "a failed read without a message");
        FUZZ_ASSERT(ag_status_is_input_error(st), "a malformed graph is not reported as bad input");
        return;
    }
    n = ag_graph_node_count(g);
    for (size_t v = 0; v < n; v++)
        FUZZ_ASSERT(ag_graph_node_id(g, v) != NULL, "a node without an id");
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t u, v;
        ag_graph_edge_ends(g, e, &u, &v);
        FUZZ_ASSERT(u < n && v < n, "an edge to no node");
    }
    {
        ag_centrality_options co = AG_CENTRALITY_OPTIONS_INIT;
        double *values = (double *)calloc(n ? n * AG_C_COUNT : 1, sizeof *values);
        FUZZ_ASSERT(values != NULL, "calloc");
        st = ag_centrality_compute(g, &co, values, &err);
        FUZZ_ASSERT(st == AG_OK || (ag_status_is_input_error(st) && err.message[0]), "weighted centrality");
        co.weighted = 0;
        st = ag_centrality_compute(g, &co, values, &err);
        FUZZ_ASSERT(st == AG_OK, "unweighted centrality");
        free(values);
    }
    fuzz_export_all(g);
    json = fuzz_json(g, &len);
    if (json) {
        const char *back_path = fuzz_temp_file(1, ".json", json, len);
        st = ag_graph_read_file(back_path, &back, &err);
        if (st != AG_OK) {
            char buf[1200];
            fprintf(stderr, "%s\n", ag_error_format(&err, buf, sizeof buf));
        }
        FUZZ_ASSERT(st == AG_OK, "the JSON written does not read back");
        FUZZ_ASSERT(ag_graph_node_count(back) == n, "the JSON read back has other nodes");
        FUZZ_ASSERT(ag_graph_edge_count(back) == ag_graph_edge_count(g), "the JSON read back has other edges");
        ag_graph_free(back);
        free(json);
    }
    if (ag_graph_attr_find(g, AG_NODES, "community") < 0) {
        int text_modularity = ag_graph_attr_find(g, AG_GRAPH, "modularity") >= 0 &&
                              ag_graph_attr_type(g, AG_GRAPH, (size_t)ag_graph_attr_find(g, AG_GRAPH, "modularity")) ==
                                  AG_ATTR_STRING;
        st = ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, NULL, &err);
        FUZZ_ASSERT(st == AG_OK || (text_modularity && st == AG_EINVAL), "communities");
    }
    ag_graph_free(g);
}

#endif

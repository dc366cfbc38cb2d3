/*
 * graph_read.c — graphs from files: GraphML, through igraph's reader, or
 * node-link JSON (graph_read_json.c).
 *
 * Input: a GraphML file written by actorgraph, Gephi, networkx, igraph or
 * yEd. Output: an ag_graph with the file's node ids as the "id" attribute
 * and every declared attribute as a column (an empty string reads as a
 * missing value: igraph cannot tell them apart). igraph stores every number as
 * a double; the <key> declarations are read again here so that "int" and
 * "long" attributes come back as integers and a round trip keeps its
 * types. Edges are taken as undirected whatever the file says.
 */
#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/graph.h"
#include "export_internal.h"
#include "graph_internal.h"
#include "internal.h"

typedef struct {
    char name[128];
    char domain[8];     /* "node", "edge", "graph", "all" */
    int integer;
} key_decl;

/* The value of attribute `name` inside the tag text [p, end). */
static int tag_attr(const char *p, const char *end, const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    for (const char *q = p; q + n + 2 < end; q++) {
        if (strncmp(q, name, n) == 0 && (q == p || q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n') &&
            q[n] == '=' && (q[n + 1] == '"' || q[n + 1] == '\'')) {
            char quote = q[n + 1];
            const char *v = q + n + 2, *ve = memchr(v, quote, (size_t)(end - v));
            size_t len;
            if (!ve)
                return 0;
            len = (size_t)(ve - v) < size - 1 ? (size_t)(ve - v) : size - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            return 1;
        }
    }
    return 0;
}

/* Which declared keys are integers ("int", "long"): a light scan of the <key> tags. */
static size_t scan_keys(FILE *fp, key_decl **out)
{
    char *text = NULL;
    size_t len = 0, cap = 0, n = 0, kcap = 0;
    key_decl *keys = NULL;

    *out = NULL;
    for (;;) {
        size_t got;
        if (ag__grow((void **)&text, &cap, len + 65536 + 1, 1) != 0)
            break;
        got = fread(text + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
        /* keys come before the graph: stop reading once the graph element starts */
        if (len > 0) {
            text[len] = '\0';
            if (strstr(text, "<graph ") || strstr(text, "<graph>"))
                break;
        }
    }
    if (!text)
        return 0;
    text[len] = '\0';
    for (const char *p = text; (p = strstr(p, "<key")) != NULL; p++) {
        const char *end = strchr(p, '>');
        char type[32];
        key_decl k;
        if (!end)
            break;
        memset(&k, 0, sizeof k);
        if (!tag_attr(p, end, "attr.name", k.name, sizeof k.name))
            continue;
        if (!tag_attr(p, end, "for", k.domain, sizeof k.domain))
            snprintf(k.domain, sizeof k.domain, "all");
        k.integer = tag_attr(p, end, "attr.type", type, sizeof type) &&
                    (strcmp(type, "int") == 0 || strcmp(type, "long") == 0);
        if (ag__grow((void **)&keys, &kcap, n + 1, sizeof *keys) != 0)
            break;
        keys[n++] = k;
    }
    free(text);
    *out = keys;
    return n;
}

static int declared_integer(const key_decl *keys, size_t n, const char *domain, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(keys[i].name, name) == 0 && (strcmp(keys[i].domain, domain) == 0 || strcmp(keys[i].domain, "all") == 0))
            return keys[i].integer;
    return 0;
}

/* A value of an attribute declared "int" or "long" that is not a whole
 * number ("0.4", "inf"): an error naming the element, as the JSON reader
 * does, rather than an integer column holding a fraction. NaN is a
 * missing value. */
static ag_status check_integer(const ag_graph *g, ag_domain d, const char *name, size_t k, double v,
                               const char *path, ag_error *err)
{
    char num[40];
    if (isnan(v) || (isfinite(v) && v == floor(v)))
        return AG_OK;
    ag__format_value(AG_ATTR_DOUBLE, v, num, sizeof num);
    if (d == AG_NODES)
        return ag__fail_at(err, AG_ESCHEMA, path, 0, 0,
                           "node \"%s\": attribute \"%s\" is declared int or long but its value %s is not a whole number",
                           ag_graph_node_id(g, k), name, num);
    if (d == AG_EDGES) {
        size_t a, b;
        ag_graph_edge_ends(g, k, &a, &b);
        return ag__fail_at(err, AG_ESCHEMA, path, 0, 0,
                           "edge %zu (\"%s\" -- \"%s\"): attribute \"%s\" is declared int or long but its value %s "
                           "is not a whole number",
                           k, ag_graph_node_id(g, a), ag_graph_node_id(g, b), name, num);
    }
    return ag__fail_at(err, AG_ESCHEMA, path, 0, 0,
                       "graph attribute \"%s\" is declared int or long but its value %s is not a whole number", name,
                       num);
}

static ag_status copy_columns(ag_graph *g, const igraph_t *ig, ag_domain d, const igraph_strvector_t *names,
                              const igraph_vector_int_t *types, const key_decl *keys, size_t n_keys,
                              const char *path, ag_error *err)
{
    static const char *const dom_name[3] = { "node", "edge", "graph" };
    size_t count = d == AG_NODES ? g->n_nodes : d == AG_EDGES ? g->n_edges : 1;
    ag_status st;

    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
        const char *name = igraph_strvector_get(names, i);
        igraph_attribute_type_t t = (igraph_attribute_type_t)VECTOR(*types)[i];
        ag_attr_type type;
        size_t col;

        if (d == AG_NODES && strcmp(name, "id") == 0)
            continue;   /* the node ids are copied first, below */
        type = t == IGRAPH_ATTRIBUTE_STRING ? AG_ATTR_STRING
               : t == IGRAPH_ATTRIBUTE_BOOLEAN ? AG_ATTR_BOOL
               : declared_integer(keys, n_keys, dom_name[d], name) ? AG_ATTR_INT : AG_ATTR_DOUBLE;
        if ((st = ag__graph_add_column(g, d, name, type, &col, err)) != AG_OK)
            return st;
        for (size_t k = 0; k < count; k++) {
            igraph_integer_t x = (igraph_integer_t)k;
            if (type == AG_ATTR_STRING) {
                const char *v = d == AG_NODES ? VAS(ig, name, x) : d == AG_EDGES ? EAS(ig, name, x) : GAS(ig, name);
                /* igraph gives "" for a value the file does not have */
                if ((st = ag__graph_set_string(g, d, col, k, v && *v ? v : NULL, err)) != AG_OK)
                    return st;
            } else if (type == AG_ATTR_BOOL) {
                igraph_bool_t v = d == AG_NODES ? VAB(ig, name, x) : d == AG_EDGES ? EAB(ig, name, x) : GAB(ig, name);
                ag__graph_set_number(g, d, col, k, v ? 1.0 : 0.0);
            } else {
                double v = d == AG_NODES ? VAN(ig, name, x) : d == AG_EDGES ? EAN(ig, name, x) : GAN(ig, name);
                if (type == AG_ATTR_INT && (st = check_integer(g, d, name, k, v, path, err)) != AG_OK)
                    return st;
                ag__graph_set_number(g, d, col, k, v);
            }
        }
    }
    return AG_OK;
}

/* igraph's GraphML reader reports the precise reason first ("Line 7:
 * Opening and ending tag mismatch", "Node with missing ID encountered.")
 * and then, on its way out, a generic one ("Cannot parse GraphML file.");
 * while it reads, this handler keeps the first. */
static _Thread_local char first_reason[400];

static void keep_first_reason(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    if (!first_reason[0] && reason && *reason) {
        size_t n = 0;
        for (const char *p = reason; *p && n + 1 < sizeof first_reason; p++)
            first_reason[n++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
        while (n && first_reason[n - 1] == ' ')
            n--;
        first_reason[n] = '\0';
    }
    if (!first_reason[0] && code == IGRAPH_ENOMEM)
        snprintf(first_reason, sizeof first_reason, "out of memory");
    IGRAPH_FINALLY_FREE();
}

/* The error for a GraphML file igraph could not read: libxml2's "Line N: "
 * becomes the position. */
static ag_status graphml_error(const char *path, igraph_error_t rc, ag_error *err)
{
    unsigned long line = 0;
    const char *why = first_reason[0] ? first_reason : igraph_strerror(rc);
    int used = 0;
    if (rc == IGRAPH_ENOMEM)
        return ag__fail_at(err, AG_ENOMEM, path, 0, 0, "out of memory reading the graph");
    if (strcmp(why, "Graph index was too large.") == 0)
        why = "there is no <graph> element in the file";
    if (strstr(why, ": Document is empty"))
        return ag__fail_at(err, AG_ESYNTAX, path, 0, 0,
                           "neither GraphML nor JSON: the file does not start with '<', '{' or '['");
    if (sscanf(why, "Line %lu: %n", &line, &used) == 1 && used > 0)
        return ag__fail_at(err, AG_ESYNTAX, path, line, 0, "malformed GraphML: %s", why + used);
    return ag__fail_at(err, AG_ESYNTAX, path, 0, 0, "not a GraphML graph actorgraph can read: %s", why);
}

/* What a graph file holds, judged by its first 4 KB. */
typedef enum { KIND_GRAPHML, KIND_JSON, KIND_EMPTY, KIND_GEXF } file_kind;

/* JSON when the first character after a byte-order mark and blanks is
 * '{' or '['; GraphML when it is '<', unless a <gexf root shows; otherwise
 * (junk) whichever the name says, so that the message fits: .json is
 * JSON. Empty when the file holds nothing but blanks (a .json file: JSON,
 * whose reader says so). */
static file_kind kind_of(FILE *fp, const char *path)
{
    char head[4097];
    size_t n = fread(head, 1, sizeof head - 1, fp), i = 0;
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    int named_json = dot && (!slash || dot > slash) && strcmp(dot, ".json") == 0;
    rewind(fp);
    head[n] = '\0';
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    if (i < n && (head[i] == '{' || head[i] == '['))
        return KIND_JSON;
    if (i < n && head[i] == '<')
        return strstr(head + i, "<gexf") ? KIND_GEXF : KIND_GRAPHML;   /* GEXF looks like GraphML to igraph */
    if (i == n && n < sizeof head - 1 && !named_json)
        return KIND_EMPTY;
    return named_json ? KIND_JSON : KIND_GRAPHML;
}

ag_status ag_graph_read_file(const char *path, ag_graph **out, ag_error *err)
{
    FILE *fp;
    igraph_t ig;
    igraph_error_t rc;
    key_decl *keys = NULL;
    size_t n_keys;
    ag_graph *g = NULL;
    size_t *from = NULL, *to = NULL, n, m;
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    ag_status st = AG_OK;
    int have_lists = 0;

    *out = NULL;
    fp = fopen(path, "rb");
    if (!fp)
        return ag__fail_at(err, AG_ENOENT, path, 0, 0, "cannot open graph: %s", strerror(errno));
    switch (kind_of(fp, path)) {
    case KIND_EMPTY:
        fclose(fp);
        return ag__fail_at(err, AG_ESYNTAX, path, 0, 0, "the file is empty: there is no graph in it");
    case KIND_JSON:
        fclose(fp);
        return ag__graph_read_json(path, out, err);
    case KIND_GEXF:
        fclose(fp);
        return ag__fail_at(err, AG_ESYNTAX, path, 0, 0,
                           "a GEXF file: actorgraph reads GraphML and JSON graphs (Gephi exports GraphML)");
    case KIND_GRAPHML:
        break;
    }
    n_keys = scan_keys(fp, &keys);
    rewind(fp);
    ag__igraph_init();
    {
        igraph_error_handler_t *previous = igraph_set_error_handler(keep_first_reason);
        first_reason[0] = '\0';
        rc = igraph_read_graph_graphml(&ig, fp, 0);
        igraph_set_error_handler(previous);
    }
    fclose(fp);
    if (rc != IGRAPH_SUCCESS) {
        free(keys);
        return graphml_error(path, rc, err);
    }
    n = (size_t)igraph_vcount(&ig);
    m = (size_t)igraph_ecount(&ig);
    from = (size_t *)malloc((m ? m : 1) * sizeof *from);
    to = (size_t *)malloc((m ? m : 1) * sizeof *to);
    if (!from || !to) {
        st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", path);
        goto done;
    }
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t a, b;
        igraph_edge(&ig, (igraph_integer_t)e, &a, &b);
        from[e] = (size_t)(a < b ? a : b);
        to[e] = (size_t)(a < b ? b : a);
    }
    if ((st = ag__graph_new(n, m, from, to, &g, err)) != AG_OK)
        goto done;
    /* empty vectors allocate nothing that can fail in practice; destroyed together below */
    igraph_strvector_init(&gn, 0);
    igraph_strvector_init(&vn, 0);
    igraph_strvector_init(&en, 0);
    igraph_vector_int_init(&gt, 0);
    igraph_vector_int_init(&vt, 0);
    igraph_vector_int_init(&et, 0);
    have_lists = 1;
    if ((rc = igraph_cattribute_list(&ig, &gn, &gt, &vn, &vt, &en, &et)) != IGRAPH_SUCCESS) {
        st = ag__igraph_fail(err, rc, "cannot list the graph's attributes");
        goto done;
    }
    {
        size_t col;
        if ((st = ag__graph_add_column(g, AG_NODES, "id", AG_ATTR_STRING, &col, err)) != AG_OK)
            goto done;
        for (size_t v = 0; v < n; v++) {
            char fallback[32];
            const char *id = igraph_cattribute_has_attr(&ig, IGRAPH_ATTRIBUTE_VERTEX, "id")
                                 ? VAS(&ig, "id", (igraph_integer_t)v) : NULL;
            if (!id || !*id) {
                snprintf(fallback, sizeof fallback, "n%zu", v);
                id = fallback;
            }
            if ((st = ag__graph_set_string(g, AG_NODES, col, v, id, err)) != AG_OK)
                goto done;
        }
    }
    if ((st = copy_columns(g, &ig, AG_GRAPH, &gn, &gt, keys, n_keys, path, err)) != AG_OK ||
        (st = copy_columns(g, &ig, AG_NODES, &vn, &vt, keys, n_keys, path, err)) != AG_OK ||
        (st = copy_columns(g, &ig, AG_EDGES, &en, &et, keys, n_keys, path, err)) != AG_OK)
        goto done;
    *out = g;
    g = NULL;   /* owned by the caller now */

done:
    if (have_lists) {
        igraph_strvector_destroy(&gn);
        igraph_strvector_destroy(&vn);
        igraph_strvector_destroy(&en);
        igraph_vector_int_destroy(&gt);
        igraph_vector_int_destroy(&vt);
        igraph_vector_int_destroy(&et);
    }
    igraph_destroy(&ig);
    ag_graph_free(g);
    free(from);
    free(to);
    free(keys);
    return st;
}

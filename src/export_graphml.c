/*
 * export_graphml.c — GraphML for Gephi, networkx, igraph and yEd.
 *
 * Input: a graph. Output: GraphML 1.0 that validates against the
 * published XSD: every attribute declared once with its type (string,
 * long, double, boolean), node XML ids are the actor ids (so networkx keys
 * nodes by them and igraph reads them into "id") — or, when some id is not
 * an XML name token (a graph from elsewhere), "ag-node-N" with the id kept
 * as data — undirected edges, every string escaped, attribute names made
 * name tokens. Missing values are left out. Deterministic: columns and
 * elements are written in the graph's own order.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"
#include "text_internal.h"

/* Whether the character at p (n bytes, code point cp) may be in an XML
 * name token (what GraphML's XSD requires of node ids and attribute
 * names): letters, digits, marks, '-', '_', '.', ':'. */
static int token_char(uint32_t cp)
{
    fold_entry scratch;
    const fold_entry *e;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-' ||
               cp == '_' || cp == '.' || cp == ':';
    e = ag__fold_lookup(cp, &scratch);
    return e->cls == FC_LETTER || e->cls == FC_DIGIT || e->cls == FC_MARK;
}

static int name_token(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    if (p == end)
        return 0;
    while (p < end) {
        uint32_t cp;
        size_t n = ag__utf8_decode(p, end, &cp);
        if (n == 0 || !token_char(cp))
            return 0;
        p += n;
    }
    return 1;
}

/* name as a name token (malloc'ed): every character a token cannot hold
 * becomes '_' (one per character, invalid bytes included). NULL when out
 * of memory. */
static char *token_of(const char *name)
{
    const unsigned char *p = (const unsigned char *)name, *end = p + strlen(name);
    char *out = (char *)malloc(strlen(name) + 2), *q = out;
    if (!out)
        return NULL;
    if (p == end)
        *q++ = '_';
    while (p < end) {
        uint32_t cp;
        size_t n = ag__utf8_decode(p, end, &cp);
        if (n == 0 || !token_char(cp)) {
            *q++ = '_';
            p += n ? n : 1;
        } else {
            memcpy(q, p, n);
            q += n;
            p += n;
        }
    }
    *q = '\0';
    return out;
}

/* Whether t is taken for attribute a of a domain: by an earlier
 * attribute's written name, or by a later attribute whose own name is
 * already a token (it keeps it). */
static int name_taken(const ag_graph *g, ag_domain d, char *const *names, size_t a, const char *t)
{
    for (size_t i = 0; i < a; i++)
        if (strcmp(names[i], t) == 0)
            return 1;
    for (size_t j = a + 1; j < ag_graph_attr_count(g, d); j++)
        if (strcmp(ag_graph_attr_name(g, d, j), t) == 0 && name_token(t))
            return 1;
    return 0;
}

/* The attribute names of a domain as distinct name tokens: a name that
 * is not a token is made one, and when that equals another attribute's
 * name ("we ird" beside "we_ird") it gets "_2", "_3", ... Returns a
 * malloc'ed array of malloc'ed strings, or NULL when out of memory. */
static char **key_names(const ag_graph *g, ag_domain d)
{
    size_t n = ag_graph_attr_count(g, d);
    char **names = (char **)calloc(n ? n : 1, sizeof *names);
    if (!names)
        return NULL;
    for (size_t a = 0; a < n; a++) {
        char *base = token_of(ag_graph_attr_name(g, d, a)), *t = NULL;
        if (base && !name_taken(g, d, names, a, base)) {
            t = base;
            base = NULL;
        }
        for (unsigned k = 2; base && !t; k++) {
            t = (char *)malloc(strlen(base) + 16);
            if (!t)
                break;
            sprintf(t, "%s_%u", base, k);
            if (name_taken(g, d, names, a, t)) {
                free(t);
                t = NULL;
            }
        }
        free(base);
        if (!t) {
            for (size_t i = 0; i < a; i++)
                free(names[i]);
            free(names);
            return NULL;
        }
        names[a] = t;
    }
    return names;
}

static const char key_prefix[3] = { 'v', 'e', 'g' };
static const char *const key_for[3] = { "node", "edge", "graph" };

/* The "id" node column is the XML id itself: written as data only when
 * some id cannot be an XML id. */
static int skipped(const ag_graph *g, ag_domain d, size_t a, int ids_as_data)
{
    return !ids_as_data && d == AG_NODES && strcmp(ag_graph_attr_name(g, d, a), "id") == 0;
}

/* indent<data key="PN"> without printf: the writer's hottest line */
static void write_key(FILE *fp, const char *indent, ag_domain d, size_t a)
{
    char buf[64], digits[24];
    size_t n = 0, k = 0;
    for (const char *p = indent; *p && n < 16; p++)
        buf[n++] = *p;
    memcpy(buf + n, "<data key=\"", 11);
    n += 11;
    buf[n++] = key_prefix[d];
    do {
        digits[k++] = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    while (k)
        buf[n++] = digits[--k];
    buf[n++] = '"';
    buf[n++] = '>';
    fwrite(buf, 1, n, fp);
}

static void write_data(const ag_graph *g, ag_domain d, size_t elem, FILE *fp, const char *indent, int ids_as_data)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        char num[40];
        if (skipped(g, d, a, ids_as_data) || !ag_graph_has_value(g, d, a, elem))
            continue;
        write_key(fp, indent, d, a);
        switch (ag_graph_attr_type(g, d, a)) {
        case AG_ATTR_STRING:
            ag__xml_escape(fp, ag_graph_get_string(g, d, a, elem));
            break;
        case AG_ATTR_BOOL:
            fputs(ag_graph_get_number(g, d, a, elem) != 0 ? "true" : "false", fp);
            break;
        default:
            ag__format_number(ag_graph_get_number(g, d, a, elem), num, sizeof num);
            fputs(num, fp);
        }
        fputs("</data>\n", fp);
    }
}

/* The XML id of a node: its own id when that is a name token; else
 * "ag-node-N", N its index, with the id itself in the "id" data. An id of
 * that form is replaced too, so that no two nodes can share an XML id. */
static void write_id(FILE *fp, const ag_graph *g, size_t node, int ids_as_data)
{
    const char *id = ag_graph_node_id(g, node);
    if (!id || !name_token(id) || (ids_as_data && strncmp(id, "ag-node-", 8) == 0))
        fprintf(fp, "ag-node-%zu", node);
    else
        fputs(id, fp);
}

ag_status ag__export_graphml(const ag_graph *g, FILE *fp)
{
    int ids_as_data = 0;
    for (size_t v = 0; v < ag_graph_node_count(g) && !ids_as_data; v++)
        ids_as_data = !ag_graph_node_id(g, v) || !name_token(ag_graph_node_id(g, v));
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          fp);
    fputs("  <!-- written by actorgraph " AG_VERSION_STRING " -->\n", fp);
    for (int k = 0; k < 3; k++) {
        static const ag_domain order[3] = { AG_GRAPH, AG_NODES, AG_EDGES };
        ag_domain dom = order[k];
        char **names = key_names(g, dom);
        if (!names)
            return AG_ENOMEM;
        for (size_t a = 0; a < ag_graph_attr_count(g, dom); a++) {
            if (skipped(g, dom, a, ids_as_data))
                continue;
            fprintf(fp, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", key_prefix[dom], a,
                    key_for[dom], names[a], ag__xml_type(ag_graph_attr_type(g, dom, a)));
        }
        ag__free_strings(names, ag_graph_attr_count(g, dom));
    }
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", fp);
    write_data(g, AG_GRAPH, 0, fp, "    ", ids_as_data);
    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        fputs("    <node id=\"", fp);
        write_id(fp, g, v, ids_as_data);
        fputs("\">\n", fp);
        write_data(g, AG_NODES, v, fp, "      ", ids_as_data);
        fputs("    </node>\n", fp);
    }
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        fputs("    <edge source=\"", fp);
        write_id(fp, g, a, ids_as_data);
        fputs("\" target=\"", fp);
        write_id(fp, g, b, ids_as_data);
        fputs("\">\n", fp);
        write_data(g, AG_EDGES, e, fp, "      ", ids_as_data);
        fputs("    </edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
    return ferror(fp) ? AG_EIO : AG_OK;
}

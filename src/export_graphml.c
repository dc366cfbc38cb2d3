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
#include <string.h>

#include "export_internal.h"
#include "internal.h"
#include "text_internal.h"

/* An XML name token (what GraphML's XSD requires of node ids and attribute
 * names): letters, digits, marks, '-', '_', '.', ':'. */
static int name_token(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    if (p == end)
        return 0;
    while (p < end) {
        uint32_t cp;
        size_t n = ag__utf8_decode(p, end, &cp);
        fold_entry scratch;
        const fold_entry *e;
        if (n == 0)
            return 0;
        if (cp < 0x80) {
            if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-' ||
                  cp == '_' || cp == '.' || cp == ':'))
                return 0;
        } else {
            e = ag__fold_lookup(cp, &scratch);
            if (e->cls != FC_LETTER && e->cls != FC_DIGIT && e->cls != FC_MARK)
                return 0;
        }
        p += n;
    }
    return 1;
}

/* Writes name, with every character a name token cannot hold as '_'. */
static void write_name(FILE *fp, const char *name)
{
    if (name_token(name)) {
        ag__xml_escape(fp, name);
        return;
    }
    if (!*name)
        fputs("_", fp);
    for (const char *p = name; *p; p++) {
        char one[2] = { *p, 0 };
        if ((unsigned char)*p >= 0x80 || name_token(one))
            fputc(*p, fp);
        else
            fputc('_', fp);
    }
}

static const char *graphml_type(ag_attr_type t)
{
    switch (t) {
    case AG_ATTR_STRING: return "string";
    case AG_ATTR_INT: return "long";
    case AG_ATTR_DOUBLE: return "double";
    case AG_ATTR_BOOL: return "boolean";
    }
    return "string";
}

static const char key_prefix[3] = { 'v', 'e', 'g' };
static const char *const key_for[3] = { "node", "edge", "graph" };

/* The "id" node column is the XML id itself: written as data only when
 * some id cannot be an XML id. */
static int skipped(const ag_graph *g, ag_domain d, size_t a, int ids_as_data)
{
    return !ids_as_data && d == AG_NODES && strcmp(ag_graph_attr_name(g, d, a), "id") == 0;
}

static void write_data(const ag_graph *g, ag_domain d, size_t elem, FILE *fp, const char *indent, int ids_as_data)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        char num[40];
        if (skipped(g, d, a, ids_as_data) || !ag_graph_has_value(g, d, a, elem))
            continue;
        fprintf(fp, "%s<data key=\"%c%zu\">", indent, key_prefix[d], a);
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

static void write_id(FILE *fp, const ag_graph *g, size_t node)
{
    const char *id = ag_graph_node_id(g, node);
    if (!id || !name_token(id))
        fprintf(fp, "ag-node-%zu", node);   /* the id itself goes in the "id" data */
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
        for (size_t a = 0; a < ag_graph_attr_count(g, dom); a++) {
            if (skipped(g, dom, a, ids_as_data))
                continue;
            fprintf(fp, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"", key_prefix[dom], a, key_for[dom]);
            write_name(fp, ag_graph_attr_name(g, dom, a));
            fprintf(fp, "\" attr.type=\"%s\"/>\n", graphml_type(ag_graph_attr_type(g, dom, a)));
        }
    }
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", fp);
    write_data(g, AG_GRAPH, 0, fp, "    ", ids_as_data);
    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        fputs("    <node id=\"", fp);
        write_id(fp, g, v);
        fputs("\">\n", fp);
        write_data(g, AG_NODES, v, fp, "      ", ids_as_data);
        fputs("    </node>\n", fp);
    }
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        fputs("    <edge source=\"", fp);
        write_id(fp, g, a);
        fputs("\" target=\"", fp);
        write_id(fp, g, b);
        fputs("\">\n", fp);
        write_data(g, AG_EDGES, e, fp, "      ", ids_as_data);
        fputs("    </edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
    return ferror(fp) ? AG_EIO : AG_OK;
}

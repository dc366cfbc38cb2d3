/*
 * export_graphml.c — GraphML for Gephi, networkx, igraph and yEd.
 *
 * Input: a graph. Output: GraphML 1.0 that validates against the
 * published XSD: every attribute declared once with its type (string,
 * long, double, boolean), node XML ids are the actor ids (so networkx keys
 * nodes by them and igraph reads them into "id"), undirected edges, every
 * string escaped. Missing values are left out. Deterministic: columns and
 * elements are written in the graph's own order.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

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

/* The "id" node column is the XML id itself: not written as data. */
static int skipped(const ag_graph *g, ag_domain d, size_t a)
{
    return d == AG_NODES && strcmp(ag_graph_attr_name(g, d, a), "id") == 0;
}

static void write_data(const ag_graph *g, ag_domain d, size_t elem, FILE *fp, const char *indent)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        char num[40];
        if (skipped(g, d, a) || !ag_graph_has_value(g, d, a, elem))
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
    char fallback[32];
    if (!id) {
        snprintf(fallback, sizeof fallback, "n%zu", node);
        id = fallback;
    }
    ag__xml_escape(fp, id);
}

ag_status ag__export_graphml(const ag_graph *g, FILE *fp)
{
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
            if (skipped(g, dom, a))
                continue;
            fprintf(fp, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"", key_prefix[dom], a, key_for[dom]);
            ag__xml_escape(fp, ag_graph_attr_name(g, dom, a));
            fprintf(fp, "\" attr.type=\"%s\"/>\n", graphml_type(ag_graph_attr_type(g, dom, a)));
        }
    }
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", fp);
    write_data(g, AG_GRAPH, 0, fp, "    ");
    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        fputs("    <node id=\"", fp);
        write_id(fp, g, v);
        fputs("\">\n", fp);
        write_data(g, AG_NODES, v, fp, "      ");
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
        write_data(g, AG_EDGES, e, fp, "      ");
        fputs("    </edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
    return ferror(fp) ? AG_EIO : AG_OK;
}

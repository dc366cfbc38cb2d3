/*
 * export_json.c — node-link JSON for networkx and for actorgraph itself.
 *
 * Input: a graph. Output: the layout of networkx's node_link_data —
 * {"directed": false, "multigraph": false, "graph": {graph attributes},
 * "attributes": {...}, "nodes": [{"id": ..., attributes}], "links":
 * [{"source": ..., "target": ..., attributes}], "edges": [the same]} —
 * which node_link_graph reads whatever networkx's version: before 3.6 it
 * takes "links", from 3.6 on "edges". "attributes" declares every column
 * with its type, in order ({"graph": {...}, "nodes": {...}, "links":
 * {...}}), so that actorgraph reads back exactly what it wrote, columns
 * without values included; networkx ignores it. Integers are JSON
 * integers, doubles JSON reals (shortest form that reads back exactly,
 * always with a '.' or an exponent), booleans true/false; missing values
 * and non-finite numbers (JSON has none) are left out. One node or link
 * per line, keys in column order. Written directly, not through jansson,
 * whose reals come out with 17 digits (0.1 as 0.10000000000000001) and
 * whose tree would hold a large graph a second time; reading is jansson's
 * (graph_read_json.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

const char *ag__json_type_name(ag_attr_type t)
{
    switch (t) {
    case AG_ATTR_STRING: return "string";
    case AG_ATTR_INT: return "integer";
    case AG_ATTR_DOUBLE: return "double";
    case AG_ATTR_BOOL: return "boolean";
    }
    return "string";
}

int ag__json_type_parse(const char *name, ag_attr_type *out)
{
    static const ag_attr_type types[] = { AG_ATTR_STRING, AG_ATTR_INT, AG_ATTR_DOUBLE, AG_ATTR_BOOL };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(name, ag__json_type_name(types[i])) == 0) {
            *out = types[i];
            return 0;
        }
    }
    return -1;
}

static int is_node_id(const ag_graph *g, ag_domain d, size_t a)
{
    return d == AG_NODES && strcmp(ag_graph_attr_name(g, d, a), "id") == 0;
}

/* Writes the value of column a for elem, which has one JSON can hold. */
static void write_value(FILE *fp, const ag_graph *g, ag_domain d, size_t a, size_t elem)
{
    ag_attr_type t = ag_graph_attr_type(g, d, a);
    char num[48];

    if (t == AG_ATTR_STRING) {
        ag__json_escape(fp, ag_graph_get_string(g, d, a, elem));
        return;
    }
    ag__format_value(t, ag_graph_get_number(g, d, a, elem), num, sizeof num);
    if (t == AG_ATTR_DOUBLE && !strpbrk(num, ".eE"))
        strcat(num, ".0");   /* a real, not an integer, when it reads back */
    fputs(num, fp);
}

/* Writes the members of one element that have a value JSON can hold,
 * each preceded by ", " unless it is the first and `first` is set. */
static void write_members(FILE *fp, const ag_graph *g, ag_domain d, size_t elem, int first)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        if (is_node_id(g, d, a))
            continue;
        if (!ag_graph_has_value(g, d, a, elem) ||
            (ag_graph_attr_type(g, d, a) != AG_ATTR_STRING && !isfinite(ag_graph_get_number(g, d, a, elem))))
            continue;
        if (!first)
            fputs(", ", fp);
        first = 0;
        ag__json_escape(fp, ag_graph_attr_name(g, d, a));
        fputs(": ", fp);
        write_value(fp, g, d, a, elem);
    }
}

static void write_node_id(FILE *fp, const ag_graph *g, size_t v)
{
    const char *id = ag_graph_node_id(g, v);
    if (id)
        ag__json_escape(fp, id);
    else
        fprintf(fp, "\"n%zu\"", v);
}

static void write_declarations(FILE *fp, const ag_graph *g, ag_domain d, const char *key, int last)
{
    fprintf(fp, "    \"%s\": {", key);
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        if (a > 0)
            fputs(", ", fp);
        ag__json_escape(fp, ag_graph_attr_name(g, d, a));
        fprintf(fp, ": \"%s\"", ag__json_type_name(ag_graph_attr_type(g, d, a)));
    }
    fputs(last ? "}\n" : "},\n", fp);
}

static void write_links(FILE *fp, const ag_graph *g, const char *key, int last)
{
    size_t m = ag_graph_edge_count(g);
    fprintf(fp, "  \"%s\": [%s", key, m ? "\n" : "");
    for (size_t e = 0; e < m; e++) {
        size_t a, b;
        ag_graph_edge_ends(g, e, &a, &b);
        fputs("    {\"source\": ", fp);
        write_node_id(fp, g, a);
        fputs(", \"target\": ", fp);
        write_node_id(fp, g, b);
        write_members(fp, g, AG_EDGES, e, 0);
        fputs(e + 1 < m ? "},\n" : "}\n", fp);
    }
    fprintf(fp, "%s]%s\n", m ? "  " : "", last ? "" : ",");
}

ag_status ag__export_json(const ag_graph *g, FILE *fp, const char *name, ag_error *err)
{
    size_t n = ag_graph_node_count(g);

    if (ag_graph_attr_find(g, AG_EDGES, "source") >= 0 || ag_graph_attr_find(g, AG_EDGES, "target") >= 0)
        return ag__fail_at(err, AG_EINVAL, name, 0, 0,
                           "node-link JSON cannot hold an edge attribute named \"source\" or \"target\"");

    fputs("{\n  \"directed\": false,\n  \"multigraph\": false,\n  \"graph\": {", fp);
    write_members(fp, g, AG_GRAPH, 0, 1);
    fputs("},\n  \"attributes\": {\n", fp);
    write_declarations(fp, g, AG_GRAPH, "graph", 0);
    write_declarations(fp, g, AG_NODES, "nodes", 0);
    write_declarations(fp, g, AG_EDGES, "links", 1);
    fprintf(fp, "  },\n  \"nodes\": [%s", n ? "\n" : "");
    for (size_t v = 0; v < n; v++) {
        fputs("    {\"id\": ", fp);
        write_node_id(fp, g, v);
        write_members(fp, g, AG_NODES, v, 0);
        fputs(v + 1 < n ? "},\n" : "}\n", fp);
    }
    fprintf(fp, "%s],\n", n ? "  " : "");
    write_links(fp, g, "links", 0);
    write_links(fp, g, "edges", 1);
    fputs("}\n", fp);
    return ferror(fp) ? AG_EIO : AG_OK;
}

/*
 * export_gexf.c — GEXF 1.3 for Gephi.
 *
 * Input: a graph. Output: an undirected GEXF 1.3 graph as the GEXF primer
 * writes one — static, or dynamic when the graph has time slices. Every attribute column is declared once, with its
 * type (string, long, double, boolean), in <attributes class="node"|
 * "edge"> — its name as title and, as Gephi writes them, as id (see
 * attribute_ids) — and its values are <attvalue>s (missing values left
 * out). Node ids are the actor ids and node labels the "label" attribute
 * (the id when there is none), so neither is repeated as an attribute;
 * the "weight" attribute is the edge's own weight (Gephi's Weight column;
 * left out when missing or not finite, which Gephi reads as 1). Colour by
 * type with the DOT palette, or — when the graph has an integer node
 * attribute "community" — by community, with Kelly's 20 colours of
 * maximum contrast (repeating after the 20th); size by mentions, area
 * proportional, from 10 to 50. GEXF has no graph attributes: they go into
 * <meta><description> as "name: value; ...". Dynamic graphs (extract
 * --slice): every node and edge has a spell per slice it occurs in
 * (timeformat date, closed intervals from the slice's first to its last
 * day), nodes a dynamic "mentions_in_slice" and edges a dynamic "weight"
 * (which Gephi takes as the edge's weight over time), so Gephi's timeline
 * replays the network. Deterministic: columns and elements in the graph's
 * own order, no modification date. Not written: positions, hierarchy.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"
#include "internal.h"

typedef struct {
    unsigned char r, g, b;
} rgb;

typedef struct {
    const char *type;
    rgb color;
} type_color;

/* the palette of export_dot.c: state #9ec5e8, leader #f4a9a8, org #a9d8a0 */
static const type_color type_colors[] = {
    { "state", { 0x9e, 0xc5, 0xe8 } },
    { "leader", { 0xf4, 0xa9, 0xa8 } },
    { "org", { 0xa9, 0xd8, 0xa0 } },
};
static const rgb neutral = { 0xd9, 0xd9, 0xd9 };

/* Kenneth Kelly's colours of maximum contrast (1965), without white and
 * black, in his order: neighbouring community numbers differ most. */

/* Columns that GEXF holds in its own fields rather than as attributes:
 * the node id, a string label, a numeric weight. */
static int own_field(const ag_graph *g, ag_domain d, size_t a)
{
    const char *name = ag_graph_attr_name(g, d, a);
    ag_attr_type t = ag_graph_attr_type(g, d, a);
    if (d == AG_NODES)
        return strcmp(name, "id") == 0 || (strcmp(name, "label") == 0 && t == AG_ATTR_STRING);
    return strcmp(name, "weight") == 0 && t != AG_ATTR_STRING;
}

/* Gephi's own columns, which an attribute id must not take. */
static int reserved_id(ag_domain d, const char *id)
{
    static const char *const names[] = { "id", "label", "interval", "timeset", "weight" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(id, names[i]) == 0 && (d == AG_EDGES || strcmp(names[i], "weight") != 0))
            return 1;
    return 0;
}

/* The attribute ids of domain d: each column's name, as Gephi itself
 * writes them (and as graphology keys attributes by), unless another
 * column has it, ignoring case (Gephi does), or Gephi has a column of its
 * own by that name; then NAME_2, NAME_3, ... NULL entries for the columns
 * GEXF holds in its own fields. The array is NULL when out of memory. */
static char **attribute_ids(const ag_graph *g, ag_domain d)
{
    size_t n = ag_graph_attr_count(g, d);
    char **ids = (char **)calloc(n ? n : 1, sizeof *ids);

    for (size_t a = 0; ids && a < n; a++) {
        const char *name = ag_graph_attr_name(g, d, a);
        size_t len = strlen(name);
        int taken;
        if (own_field(g, d, a))
            continue;
        if (!(ids[a] = (char *)malloc(len + 24))) {
            ag__free_strings(ids, a);
            return NULL;
        }
        memcpy(ids[a], name, len + 1);
        for (unsigned k = 2;; k++) {
            taken = reserved_id(d, ids[a]);
            for (size_t b = 0; b < a && !taken; b++)
                taken = ids[b] && strcasecmp(ids[b], ids[a]) == 0;
            if (!taken)
                break;
            snprintf(ids[a] + len, 24, "_%u", k);
        }
    }
    return ids;
}

/* Dynamic attributes: Gephi reads a dynamic edge attribute "weight" as the
 * edge's weight over time. Neither id can clash with a static column:
 * attribute_ids() renames "weight" and keeps ids apart. */
#define DYN_NODE "mentions_in_slice"
#define DYN_EDGE "weight"

static void write_value(FILE *fp, const ag_graph *g, ag_domain d, size_t a, size_t elem)
{
    char num[40];
    if (ag_graph_attr_type(g, d, a) == AG_ATTR_STRING) {
        ag__xml_escape(fp, ag_graph_get_string(g, d, a, elem));
    } else {
        ag__format_value(ag_graph_attr_type(g, d, a), ag_graph_get_number(g, d, a, elem), num, sizeof num);
        fputs(num, fp);
    }
}

static void write_declarations(FILE *fp, const ag_graph *g, ag_domain d, char *const *ids)
{
    fprintf(fp, "    <attributes class=\"%s\" mode=\"static\">\n", d == AG_NODES ? "node" : "edge");
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        if (!ids[a])
            continue;
        fputs("      <attribute id=\"", fp);
        ag__xml_escape(fp, ids[a]);
        fputs("\" title=\"", fp);
        ag__xml_escape(fp, ag_graph_attr_name(g, d, a));
        fprintf(fp, "\" type=\"%s\"/>\n", ag__xml_type(ag_graph_attr_type(g, d, a)));
    }
    fputs("    </attributes>\n", fp);
}

/* Writes the element's attribute values; with time slices, also its value
 * per slice under the dynamic attribute dyn_id. */
static void write_attvalues(FILE *fp, const ag_graph *g, ag_domain d, size_t elem, char *const *ids,
                            const char *dyn_id)
{
    const ag_point *pts = NULL;
    size_t npts = 0;
    int open = 0;
    if (dyn_id)
        npts = d == AG_NODES ? ag_graph_node_series(g, elem, &pts) : ag_graph_edge_series(g, elem, &pts);
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        if (!ids[a] || !ag_graph_has_value(g, d, a, elem))
            continue;
        if (!open) {
            fputs("        <attvalues>\n", fp);
            open = 1;
        }
        fputs("          <attvalue for=\"", fp);
        ag__xml_escape(fp, ids[a]);
        fputs("\" value=\"", fp);
        write_value(fp, g, d, a, elem);
        fputs("\"/>\n", fp);
    }
    for (size_t k = 0; k < npts; k++) {
        const ag_slice *sl = ag_graph_slice(g, pts[k].slice);
        char num[40];
        if (!open) {
            fputs("        <attvalues>\n", fp);
            open = 1;
        }
        ag__format_number(pts[k].value, num, sizeof num);
        fprintf(fp, "          <attvalue for=\"%s\" value=\"%s\" start=\"%s\" end=\"%s\"/>\n", dyn_id, num, sl->start,
                sl->end);
    }
    if (open)
        fputs("        </attvalues>\n", fp);
}

/* The slices in which a node or an edge occurs. */
static void write_spells(FILE *fp, const ag_graph *g, ag_domain d, size_t elem)
{
    const ag_point *pts;
    size_t n = d == AG_NODES ? ag_graph_node_series(g, elem, &pts) : ag_graph_edge_series(g, elem, &pts);
    if (!n)
        return;
    fputs("        <spells>\n", fp);
    for (size_t k = 0; k < n; k++) {
        const ag_slice *sl = ag_graph_slice(g, pts[k].slice);
        fprintf(fp, "          <spell start=\"%s\" end=\"%s\"/>\n", sl->start, sl->end);
    }
    fputs("        </spells>\n", fp);
}

static void write_meta(FILE *fp, const ag_graph *g)
{
    fputs("  <meta>\n    <creator>actorgraph " AG_VERSION_STRING "</creator>\n", fp);
    if (ag_graph_attr_count(g, AG_GRAPH) > 0) {
        const char *sep = "";
        fputs("    <description>", fp);
        for (size_t a = 0; a < ag_graph_attr_count(g, AG_GRAPH); a++) {
            if (!ag_graph_has_value(g, AG_GRAPH, a, 0))
                continue;
            fputs(sep, fp);
            ag__xml_escape(fp, ag_graph_attr_name(g, AG_GRAPH, a));
            fputs(": ", fp);
            write_value(fp, g, AG_GRAPH, a, 0);
            sep = "; ";
        }
        fputs("</description>\n", fp);
    }
    fputs("  </meta>\n", fp);
}

static void write_node_id(FILE *fp, const ag_graph *g, size_t v)
{
    const char *id = ag_graph_node_id(g, v);
    if (id)
        ag__xml_escape(fp, id);
    else
        fprintf(fp, "n%zu", v);
}

static rgb node_color(const ag_graph *g, size_t v, long a_type, long a_community)
{
    if (a_community >= 0) {
        unsigned char k[3];
        rgb c;
        if (ag__community_rgb(ag_graph_get_number(g, AG_NODES, (size_t)a_community, v), k) != 0)
            return neutral;
        c.r = k[0];
        c.g = k[1];
        c.b = k[2];
        return c;
    }
    if (a_type >= 0) {
        const char *type = ag_graph_get_string(g, AG_NODES, (size_t)a_type, v);
        for (size_t i = 0; type && i < sizeof type_colors / sizeof type_colors[0]; i++)
            if (strcmp(type, type_colors[i].type) == 0)
                return type_colors[i].color;
    }
    return neutral;
}

ag_status ag__export_gexf(const ag_graph *g, FILE *fp)
{
    long a_label = ag_graph_attr_find(g, AG_NODES, "label");
    long a_type = ag_graph_attr_find(g, AG_NODES, "type");
    long a_mentions = ag_graph_attr_find(g, AG_NODES, "mentions");
    long a_community = ag_graph_attr_find(g, AG_NODES, "community");
    long a_weight = ag_graph_attr_find(g, AG_EDGES, "weight");
    double max_mentions = 0;
    int dynamic = ag_graph_slice_count(g) > 0;
    char **node_ids = attribute_ids(g, AG_NODES), **edge_ids = attribute_ids(g, AG_EDGES);

    if (!node_ids || !edge_ids) {
        ag__free_strings(node_ids, ag_graph_attr_count(g, AG_NODES));
        ag__free_strings(edge_ids, ag_graph_attr_count(g, AG_EDGES));
        return AG_ENOMEM;
    }

    if (a_type >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_type) != AG_ATTR_STRING)
        a_type = -1;
    if (a_label >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_label) != AG_ATTR_STRING)
        a_label = -1;   /* a label that is not a string stays an attribute (own_field) */
    if (a_community >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_community) != AG_ATTR_INT)
        a_community = -1;
    if (a_mentions >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_mentions) == AG_ATTR_STRING)
        a_mentions = -1;
    if (a_weight >= 0 && ag_graph_attr_type(g, AG_EDGES, (size_t)a_weight) == AG_ATTR_STRING)
        a_weight = -1;
    for (size_t v = 0; a_mentions >= 0 && v < ag_graph_node_count(g); v++) {
        double m = ag_graph_get_number(g, AG_NODES, (size_t)a_mentions, v);
        if (isfinite(m) && m > max_mentions)
            max_mentions = m;
    }

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
          "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
          fp);
    write_meta(fp, g);
    if (dynamic) {
        /* time slices: spells on nodes and edges, mentions and weight per slice */
        size_t ns = ag_graph_slice_count(g);
        fprintf(fp,
                "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" "
                "timerepresentation=\"interval\" start=\"%s\" end=\"%s\">\n",
                ag_graph_slice(g, 0)->start, ag_graph_slice(g, ns - 1)->end);
    } else {
        fputs("  <graph mode=\"static\" defaultedgetype=\"undirected\">\n", fp);
    }
    write_declarations(fp, g, AG_NODES, node_ids);
    write_declarations(fp, g, AG_EDGES, edge_ids);
    if (dynamic)
        fputs("    <attributes class=\"node\" mode=\"dynamic\">\n"
              "      <attribute id=\"" DYN_NODE "\" title=\"mentions in the slice\" type=\"long\"/>\n"
              "    </attributes>\n"
              "    <attributes class=\"edge\" mode=\"dynamic\">\n"
              "      <attribute id=\"" DYN_EDGE "\" title=\"weight in the slice\" type=\"double\"/>\n"
              "    </attributes>\n",
              fp);

    fprintf(fp, "    <nodes count=\"%zu\">\n", ag_graph_node_count(g));
    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, v) : NULL;
        rgb c = node_color(g, v, a_type, a_community);
        fputs("      <node id=\"", fp);
        write_node_id(fp, g, v);
        fputs("\" label=\"", fp);
        if (label)
            ag__xml_escape(fp, label);
        else
            write_node_id(fp, g, v);
        fputs("\">\n", fp);
        if (dynamic)
            write_spells(fp, g, AG_NODES, v);
        write_attvalues(fp, g, AG_NODES, v, node_ids, dynamic ? DYN_NODE : NULL);
        fprintf(fp, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", c.r, c.g, c.b);
        if (a_mentions >= 0 && ag_graph_has_value(g, AG_NODES, (size_t)a_mentions, v)) {
            double m = ag_graph_get_number(g, AG_NODES, (size_t)a_mentions, v);
            double scale = max_mentions > 0 && isfinite(m) && m > 0 ? sqrt(m / max_mentions) : 0.0;
            fprintf(fp, "        <viz:size value=\"%.3f\"/>\n", 10.0 + 40.0 * scale);
        }
        fputs("      </node>\n", fp);
    }
    fputs("    </nodes>\n", fp);

    fprintf(fp, "    <edges count=\"%zu\">\n", ag_graph_edge_count(g));
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        double w = a_weight >= 0 ? ag_graph_get_number(g, AG_EDGES, (size_t)a_weight, e) : NAN;
        ag_graph_edge_ends(g, e, &a, &b);
        fprintf(fp, "      <edge id=\"%zu\" source=\"", e);
        write_node_id(fp, g, a);
        fputs("\" target=\"", fp);
        write_node_id(fp, g, b);
        fputc('"', fp);
        if (isfinite(w)) {
            char num[40];
            ag__format_number(w, num, sizeof num);
            fprintf(fp, " weight=\"%s\"", num);
        }
        fputs(">\n", fp);
        if (dynamic)
            write_spells(fp, g, AG_EDGES, e);
        write_attvalues(fp, g, AG_EDGES, e, edge_ids, dynamic ? DYN_EDGE : NULL);
        fputs("      </edge>\n", fp);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", fp);
    ag__free_strings(node_ids, ag_graph_attr_count(g, AG_NODES));
    ag__free_strings(edge_ids, ag_graph_attr_count(g, AG_EDGES));
    return ferror(fp) ? AG_EIO : AG_OK;
}

/*
 * export_dot.c — Graphviz DOT for dot, neato and sfdp.
 *
 * Input: a graph. Output: an undirected DOT graph that Graphviz renders
 * without a warning: node size by mentions (area proportional), shape by
 * type (state: ellipse, leader: box, org: hexagon), colour by community
 * when the graph has an integer "community" attribute, else by type
 * (state: blue, leader: red, org: green), pen width by weight (scaled
 * between the lightest and heaviest edge), and "weight" (which Graphviz
 * layouts also read: heavier, shorter) when it is a whole number, as
 * Graphviz requires (counts are; for npmi, jaccard or dice the measure is
 * still there under its own name). Every other attribute is written too,
 * as a quoted attribute Graphviz ignores and readers such as networkx keep.
 * Large graphs ask dot for a quicker layout (DOT_LARGE).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

/* Above this many edges the graph asks dot for a quicker layout (a few
 * seconds instead of minutes on 2,500 edges) and draws straight edges in
 * sfdp (routing splines around nodes is what makes sfdp slow). */
#define DOT_LARGE 300

typedef struct {
    const char *type;
    const char *shape;
    const char *fill;
    const char *style;
} look;

static const look looks[] = {
    { "state", "ellipse", "#9ec5e8", "filled" },
    { "leader", "box", "#f4a9a8", "filled,rounded" },
    { "org", "hexagon", "#a9d8a0", "filled" },
};
static const look other = { "", "ellipse", "#d9d9d9", "filled" };

/* Attributes that Graphviz itself defines: ours are written under these
 * names only when we mean Graphviz's meaning. */
static int reserved(const char *name)
{
    static const char *const names[] = { "label", "weight", "width", "height", "shape", "color", "fillcolor",
                                         "style", "penwidth", "fontsize", "tooltip", "pos", "id", "class",
                                         "len", "group", "comment", "URL", "href", "xlabel", NULL };
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

static void write_value(FILE *fp, const ag_graph *g, ag_domain d, size_t a, size_t elem)
{
    char num[40];
    fputc('"', fp);
    if (ag_graph_attr_type(g, d, a) == AG_ATTR_STRING) {
        ag__dot_escape(fp, ag_graph_get_string(g, d, a, elem));
    } else {
        ag__format_number(ag_graph_get_number(g, d, a, elem), num, sizeof num);
        fputs(num, fp);
    }
    fputc('"', fp);
}

static void write_extra(FILE *fp, const ag_graph *g, ag_domain d, size_t elem)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        const char *name = ag_graph_attr_name(g, d, a);
        if (reserved(name) || !ag_graph_has_value(g, d, a, elem))
            continue;
        fputs(", \"", fp);
        ag__dot_escape(fp, name);
        fputs("\"=", fp);
        write_value(fp, g, d, a, elem);
    }
}

static void id_quoted(FILE *fp, const ag_graph *g, size_t v)
{
    const char *id = ag_graph_node_id(g, v);
    fputc('"', fp);
    if (id)
        ag__dot_escape(fp, id);
    else
        fprintf(fp, "n%zu", v);
    fputc('"', fp);
}

ag_status ag__export_dot(const ag_graph *g, FILE *fp)
{
    long a_label = ag_graph_attr_find(g, AG_NODES, "label");
    long a_type = ag_graph_attr_find(g, AG_NODES, "type");
    long a_mentions = ag_graph_attr_find(g, AG_NODES, "mentions");
    long a_weight = ag_graph_attr_find(g, AG_EDGES, "weight");
    long a_community = ag_graph_attr_find(g, AG_NODES, "community");
    double max_mentions = 0, wmin = INFINITY, wmax = -INFINITY;

    for (size_t v = 0; v < ag_graph_node_count(g); v++)
        if (a_mentions >= 0 && ag_graph_get_number(g, AG_NODES, (size_t)a_mentions, v) > max_mentions)
            max_mentions = ag_graph_get_number(g, AG_NODES, (size_t)a_mentions, v);
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        double w = a_weight >= 0 ? ag_graph_get_number(g, AG_EDGES, (size_t)a_weight, e) : 1.0;
        if (isfinite(w)) {
            if (w < wmin)
                wmin = w;
            if (w > wmax)
                wmax = w;
        }
    }

    fputs("// written by actorgraph " AG_VERSION_STRING "\n", fp);
    fputs("graph actorgraph {\n", fp);
    if (ag_graph_edge_count(g) > DOT_LARGE)
        /* dot's crossing minimisation and ranking take minutes on a few thousand edges */
        fputs("  graph [outputorder=edgesfirst, overlap=false, mclimit=0.1, nslimit=1, nslimit1=1, "
              "fontname=\"Helvetica\"];\n",
              fp);
    else
        fputs("  graph [outputorder=edgesfirst, overlap=false, splines=true, fontname=\"Helvetica\"];\n", fp);
    fputs("  node [fontname=\"Helvetica\", fontsize=11, penwidth=0.8, color=\"#4d4d4d\"];\n", fp);
    fputs("  edge [color=\"#7f7f7f99\"];\n", fp);

    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        const char *type = a_type >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_type, v) : NULL;
        const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, v) : NULL;
        double mentions = a_mentions >= 0 ? ag_graph_get_number(g, AG_NODES, (size_t)a_mentions, v) : NAN;
        double scale = (max_mentions > 0 && isfinite(mentions)) ? sqrt(mentions / max_mentions) : 0.0;
        const look *lk = &other;
        for (size_t i = 0; i < sizeof looks / sizeof looks[0]; i++)
            if (type && strcmp(type, looks[i].type) == 0)
                lk = &looks[i];
        fputs("  ", fp);
        id_quoted(fp, g, v);
        fputs(" [label=\"", fp);
        ag__dot_escape(fp, label ? label : (ag_graph_node_id(g, v) ? ag_graph_node_id(g, v) : ""));
        {
            /* colour by community when the graph has them, else by type; shape always by type */
            char fill[8];
            unsigned char rgb[3];
            snprintf(fill, sizeof fill, "%s", lk->fill);
            if (a_community >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_community) == AG_ATTR_INT &&
                ag__community_rgb(ag_graph_get_number(g, AG_NODES, (size_t)a_community, v), rgb) == 0)
                snprintf(fill, sizeof fill, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
            fprintf(fp, "\", shape=%s, style=\"%s\", fillcolor=\"%s\", width=%.3f, height=%.3f, fontsize=%.1f",
                    lk->shape, lk->style, fill, 0.4 + 1.6 * scale, 0.3 + 0.9 * scale, 9.0 + 9.0 * scale);
        }
        write_extra(fp, g, AG_NODES, v);
        fputs("];\n", fp);
    }
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        double w = a_weight >= 0 ? ag_graph_get_number(g, AG_EDGES, (size_t)a_weight, e) : 1.0;
        double t = (isfinite(w) && wmax > wmin) ? (w - wmin) / (wmax - wmin) : 0.5;
        char num[40];
        ag_graph_edge_ends(g, e, &a, &b);
        fputs("  ", fp);
        id_quoted(fp, g, a);
        fputs(" -- ", fp);
        id_quoted(fp, g, b);
        fprintf(fp, " [penwidth=%.3f", 0.5 + 5.5 * t);
        if (a_weight >= 0 && isfinite(w) && w >= 0 && w == floor(w) && w < 1e9) {
            /* Graphviz's own weight (heavier, shorter) takes whole numbers only */
            ag__format_number(w, num, sizeof num);
            fprintf(fp, ", weight=\"%s\"", num);
        }
        write_extra(fp, g, AG_EDGES, e);
        fputs("];\n", fp);
    }
    fputs("}\n", fp);
    return ferror(fp) ? AG_EIO : AG_OK;
}

/*
 * export_csv.c — the two tables of Gephi's spreadsheet import.
 *
 * Input: a graph. Output: the nodes table (Id, Label, then every other
 * node attribute) and the edges table (Source, Target, Type = Undirected,
 * Weight, then every other edge attribute): UTF-8 without a byte-order
 * mark, CRLF line ends, RFC 4180 quoting (ag__csv_field). Missing values
 * are empty fields; a node without a label is labelled with its id (as in
 * GEXF and DOT); in a graph without a numeric "weight" attribute every
 * edge weighs 1 (Gephi's default), while an edge whose weight is missing
 * or NaN gets an empty Weight (no number is made up) and an infinite one
 * "Infinity" or "-Infinity". An attribute whose name is already a column name, ignoring
 * case (an attribute "ID" beside Id), is written as "NAME_2" ("_3", ...).
 * export.c names the two files and writes them atomically.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"
#include "internal.h"

/* Columns the fixed fields already hold: the node id, a string label, a
 * numeric weight. */
static int own_field(const ag_graph *g, ag_domain d, size_t a)
{
    const char *name = ag_graph_attr_name(g, d, a);
    ag_attr_type t = ag_graph_attr_type(g, d, a);
    if (d == AG_NODES)
        return strcmp(name, "id") == 0 || (strcmp(name, "label") == 0 && t == AG_ATTR_STRING);
    return strcmp(name, "weight") == 0 && t != AG_ATTR_STRING;
}

static int taken(char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* The header row: the fixed names, then every other attribute under a
 * name no earlier column has. */
static ag_status write_header(FILE *fp, const ag_graph *g, ag_domain d, const char *const *fixed, size_t n_fixed)
{
    size_t cap = n_fixed + ag_graph_attr_count(g, d), n = 0;
    char **names = (char **)calloc(cap, sizeof *names);
    ag_status st = AG_OK;

    if (!names)
        return AG_ENOMEM;
    for (size_t i = 0; i < n_fixed; i++) {
        if (!(names[n++] = ag__strdup(fixed[i]))) {
            st = AG_ENOMEM;
            goto done;
        }
        fputs(i ? "," : "", fp);
        ag__csv_field(fp, fixed[i]);
    }
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        const char *name = ag_graph_attr_name(g, d, a);
        size_t len = strlen(name);
        char *unique;
        if (own_field(g, d, a))
            continue;
        if (!(unique = (char *)malloc(len + 24))) {
            st = AG_ENOMEM;
            goto done;
        }
        memcpy(unique, name, len + 1);
        for (unsigned k = 2; taken(names, n, unique); k++)
            snprintf(unique + len, 24, "_%u", k);
        names[n++] = unique;
        fputc(',', fp);
        ag__csv_field(fp, unique);
    }
    fputs("\r\n", fp);

done:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return st;
}

static void write_others(FILE *fp, const ag_graph *g, ag_domain d, size_t elem)
{
    for (size_t a = 0; a < ag_graph_attr_count(g, d); a++) {
        char num[40];
        if (own_field(g, d, a))
            continue;
        fputc(',', fp);
        if (!ag_graph_has_value(g, d, a, elem))
            continue;
        if (ag_graph_attr_type(g, d, a) == AG_ATTR_STRING) {
            ag__csv_field(fp, ag_graph_get_string(g, d, a, elem));
        } else {
            ag__format_value(ag_graph_attr_type(g, d, a), ag_graph_get_number(g, d, a, elem), num, sizeof num);
            fputs(num, fp);
        }
    }
    fputs("\r\n", fp);
}

static void write_id(FILE *fp, const ag_graph *g, size_t v)
{
    const char *id = ag_graph_node_id(g, v);
    if (id)
        ag__csv_field(fp, id);
    else
        fprintf(fp, "n%zu", v);
}

ag_status ag__export_csv_nodes(const ag_graph *g, FILE *fp)
{
    static const char *const fixed[] = { "Id", "Label" };
    long a_label = ag_graph_attr_find(g, AG_NODES, "label");
    ag_status st;

    if (a_label >= 0 && ag_graph_attr_type(g, AG_NODES, (size_t)a_label) != AG_ATTR_STRING)
        a_label = -1;
    if ((st = write_header(fp, g, AG_NODES, fixed, 2)) != AG_OK)
        return st;
    for (size_t v = 0; v < ag_graph_node_count(g); v++) {
        const char *label = a_label >= 0 ? ag_graph_get_string(g, AG_NODES, (size_t)a_label, v) : NULL;
        write_id(fp, g, v);
        fputc(',', fp);
        if (label)
            ag__csv_field(fp, label);
        else
            write_id(fp, g, v);
        write_others(fp, g, AG_NODES, v);
    }
    return ferror(fp) ? AG_EIO : AG_OK;
}

ag_status ag__export_csv_edges(const ag_graph *g, FILE *fp)
{
    static const char *const fixed[] = { "Source", "Target", "Type", "Weight" };
    long a_weight = ag_graph_attr_find(g, AG_EDGES, "weight");
    ag_status st;

    if (a_weight >= 0 && ag_graph_attr_type(g, AG_EDGES, (size_t)a_weight) == AG_ATTR_STRING)
        a_weight = -1;
    if ((st = write_header(fp, g, AG_EDGES, fixed, 4)) != AG_OK)
        return st;
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        size_t a, b;
        double w = a_weight >= 0 ? ag_graph_get_number(g, AG_EDGES, (size_t)a_weight, e) : NAN;
        char num[40] = "1";   /* a graph without weights: every edge weighs 1 */
        ag_graph_edge_ends(g, e, &a, &b);
        if (a_weight >= 0 && isnan(w))
            num[0] = '\0';    /* a missing weight stays missing: no number made up */
        else if (a_weight >= 0)
            ag__format_value(AG_ATTR_DOUBLE, w, num, sizeof num);
        write_id(fp, g, a);
        fputc(',', fp);
        write_id(fp, g, b);
        fprintf(fp, ",Undirected,%s", num);
        write_others(fp, g, AG_EDGES, e);
    }
    return ferror(fp) ? AG_EIO : AG_OK;
}

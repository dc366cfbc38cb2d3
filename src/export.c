/*
 * export.c — picks the writer for a format and writes atomically; the
 * number and escaping helpers every writer uses.
 *
 * Input: a graph and a path or stream. Output: the file (CSV: the two
 * files), written under a temporary name and renamed into place only when
 * every write, flush and close succeeded; ag_export_prepare and
 * ag_export_commit split the two steps, so that a program with several
 * outputs renames none before all are complete. Numeric output is wrapped
 * in igraph's safe locale, so a host program's locale cannot turn "0.5"
 * into "0,5". The writers themselves are export_<format>.c.
 */
#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "actorgraph/export.h"
#include "actorgraph/io.h"
#include "export_internal.h"
#include "internal.h"
#include "text_internal.h"

/* --- format names ----------------------------------------------------------- */

/* Kelly's 20 colours of maximum contrast, in his order. */
static const unsigned char palette[][3] = {
    { 0xf3, 0xc3, 0x00 }, { 0x87, 0x56, 0x92 }, { 0xf3, 0x84, 0x00 }, { 0xa1, 0xca, 0xf1 }, { 0xbe, 0x00, 0x32 },
    { 0xc2, 0xb2, 0x80 }, { 0x84, 0x84, 0x82 }, { 0x00, 0x88, 0x56 }, { 0xe6, 0x8f, 0xac }, { 0x00, 0x67, 0xa5 },
    { 0xf9, 0x93, 0x79 }, { 0x60, 0x4e, 0x97 }, { 0xf6, 0xa6, 0x00 }, { 0xb3, 0x44, 0x6c }, { 0xdc, 0xd3, 0x00 },
    { 0x88, 0x2d, 0x17 }, { 0x8d, 0xb6, 0x00 }, { 0x65, 0x45, 0x22 }, { 0xe2, 0x58, 0x22 }, { 0x2b, 0x3d, 0x26 },
};

int ag__community_rgb(double c, unsigned char rgb[3])
{
    size_t n = sizeof palette / sizeof palette[0];
    double k;
    if (!isfinite(c))
        return -1;
    k = fmod(c, (double)n);
    if (k < 0)
        k += (double)n;
    memcpy(rgb, palette[(size_t)k % n], 3);
    return 0;
}

ag_format ag_format_parse(const char *name)
{
    if (strcmp(name, "graphml") == 0)
        return AG_FORMAT_GRAPHML;
    if (strcmp(name, "dot") == 0 || strcmp(name, "gv") == 0)
        return AG_FORMAT_DOT;
    if (strcmp(name, "gexf") == 0)
        return AG_FORMAT_GEXF;
    if (strcmp(name, "json") == 0)
        return AG_FORMAT_JSON;
    if (strcmp(name, "csv") == 0)
        return AG_FORMAT_CSV;
    return AG_FORMAT_UNKNOWN;
}

ag_format ag_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    char ext[16];
    size_t n = 0;
    if (!dot || (slash && dot < slash))
        return AG_FORMAT_UNKNOWN;
    /* the extension in any case: g.GraphML is GraphML */
    for (const char *p = dot + 1; *p; p++) {
        if (n + 1 == sizeof ext)
            return AG_FORMAT_UNKNOWN;
        ext[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    }
    ext[n] = '\0';
    return ag_format_parse(ext);
}

const char *ag_format_name(ag_format f)
{
    switch (f) {
    case AG_FORMAT_GRAPHML: return "graphml";
    case AG_FORMAT_DOT: return "dot";
    case AG_FORMAT_GEXF: return "gexf";
    case AG_FORMAT_JSON: return "json";
    case AG_FORMAT_CSV: return "csv";
    default: return "unknown";
    }
}

/* --- numbers ----------------------------------------------------------------- */

void ag__format_value(ag_attr_type t, double v, char *buf, size_t size)
{
    if (t == AG_ATTR_BOOL) {
        snprintf(buf, size, "%s", v != 0 ? "true" : "false");
    } else if (t == AG_ATTR_INT && v == floor(v) && fabs(v) < 9.2e18) {
        snprintf(buf, size, "%.0f", v);
        if (strcmp(buf, "-0") == 0)
            snprintf(buf, size, "0");
    } else if (isinf(v)) {
        snprintf(buf, size, "%s", v > 0 ? "Infinity" : "-Infinity");
    } else {
        ag__format_number(v, buf, size);
    }
}

/* --- escaping ---------------------------------------------------------------- */

/* Decodes the character at p into *cp and its length into *n; an invalid
 * byte comes back alone, as U+FFFD with *n == 0. Returns the next position. */
static const char *next_char(const char *p, uint32_t *cp, size_t *n)
{
    const unsigned char *u = (const unsigned char *)p;
    *n = ag__utf8_decode(u, u + strnlen(p, 4), cp);
    if (*n == 0) {
        *cp = 0xFFFD;
        return p + 1;
    }
    return p + *n;
}

#define REPLACEMENT "\xEF\xBF\xBD"

void ag__xml_escape(FILE *fp, const char *s)
{
    const char *p = s;
    while (*p) {
        uint32_t cp;
        size_t n;
        const char *q = next_char(p, &cp, &n);
        switch (cp) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&apos;", fp); break;
        case '\n': fputs("&#10;", fp); break;
        case '\r': fputs("&#13;", fp); break;
        case '\t': fputs("&#9;", fp); break;
        default:
            if (n == 0 || cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
                fputs(REPLACEMENT, fp);
            else
                fwrite(p, 1, n, fp);
        }
        p = q;
    }
}

const char *ag__xml_type(ag_attr_type t)
{
    switch (t) {
    case AG_ATTR_STRING: return "string";
    case AG_ATTR_INT: return "long";
    case AG_ATTR_DOUBLE: return "double";
    case AG_ATTR_BOOL: return "boolean";
    }
    return "string";
}

void ag__free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

void ag__dot_escape(FILE *fp, const char *s)
{
    const char *p = s;
    while (*p) {
        uint32_t cp;
        size_t n;
        const char *q = next_char(p, &cp, &n);
        switch (cp) {
        case '\\': fputs("\\\\", fp); break;
        case '"': fputs("\\\"", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\r': break;
        case '\t': fputc(' ', fp); break;
        default:
            if (n == 0 || cp < 0x20 || cp == 0x7F)
                fputs(REPLACEMENT, fp);
            else
                fwrite(p, 1, n, fp);
        }
        p = q;
    }
}

void ag__json_escape(FILE *fp, const char *s)
{
    const char *p = s;
    fputc('"', fp);
    while (*p) {
        uint32_t cp;
        size_t n;
        const char *q = next_char(p, &cp, &n);
        switch (cp) {
        case '"': fputs("\\\"", fp); break;
        case '\\': fputs("\\\\", fp); break;
        case '\b': fputs("\\b", fp); break;
        case '\f': fputs("\\f", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\r': fputs("\\r", fp); break;
        case '\t': fputs("\\t", fp); break;
        default:
            if (n == 0)
                fputs(REPLACEMENT, fp);
            else if (cp < 0x20)
                fprintf(fp, "\\u%04x", (unsigned)cp);
            else
                fwrite(p, 1, n, fp);
        }
        p = q;
    }
    fputc('"', fp);
}

void ag__csv_field(FILE *fp, const char *s)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    const char *p = s;
    if (quote)
        fputc('"', fp);
    while (*p) {
        uint32_t cp;
        size_t n;
        const char *q = next_char(p, &cp, &n);
        if (cp == '"')
            fputs("\"\"", fp);
        else if (n == 0 || (cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n'))
            fputs(REPLACEMENT, fp);
        else
            fwrite(p, 1, n, fp);
        p = q;
    }
    if (quote)
        fputc('"', fp);
}

/* --- writing ----------------------------------------------------------------- */

typedef enum { TABLE_NONE, TABLE_NODES, TABLE_EDGES } csv_table;

static ag_status write_stream(const ag_graph *g, ag_format format, csv_table table, FILE *fp, const char *name,
                              ag_error *err)
{
    igraph_safelocale_t loc;
    ag_status st;

    if (format == AG_FORMAT_CSV && table == TABLE_NONE)
        return ag__fail_at(err, AG_EINVAL, name, 0, 0,
                           "CSV is two files (NAME.nodes.csv and NAME.edges.csv): it cannot be written to one stream");
    if (igraph_enter_safelocale(&loc) != IGRAPH_SUCCESS)
        return ag__fail(err, AG_ENOMEM, "cannot switch to the C locale");
    errno = 0;
    switch (format) {
    case AG_FORMAT_GRAPHML: st = ag__export_graphml(g, fp); break;
    case AG_FORMAT_DOT: st = ag__export_dot(g, fp); break;
    case AG_FORMAT_GEXF: st = ag__export_gexf(g, fp); break;
    case AG_FORMAT_JSON: st = ag__export_json(g, fp, name, err); break;
    case AG_FORMAT_CSV: st = table == TABLE_NODES ? ag__export_csv_nodes(g, fp) : ag__export_csv_edges(g, fp); break;
    default:
        igraph_exit_safelocale(&loc);
        return ag__fail_at(err, AG_EINVAL, name, 0, 0, "unknown output format");
    }
    igraph_exit_safelocale(&loc);
    if (st == AG_ENOMEM)
        return ag__fail_at(err, AG_ENOMEM, name, 0, 0, "out of memory writing the graph");
    if (st != AG_OK && st != AG_EIO)
        return st;   /* the writer said why */
    if (st != AG_OK || ferror(fp))
        return ag__fail_at(err, AG_EIO, name, 0, 0, "write failed: %s", strerror(errno ? errno : EIO));
    return AG_OK;
}

ag_status ag_export_stream(const ag_graph *g, ag_format format, FILE *fp, const char *name, ag_error *err)
{
    return write_stream(g, format, TABLE_NONE, fp, name, err);
}

struct ag_export_pending {
    ag_outfile *f[2];
    char *path[2];
    size_t n;
};

void ag_export_abort(ag_export_pending *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        ag_outfile_abort(p->f[i]);
        free(p->path[i]);
    }
    free(p);
}

/* NAME.csv, NAME.nodes.csv, NAME.edges.csv and NAME all stand for the
 * pair NAME.nodes.csv, NAME.edges.csv. */
static ag_status csv_paths(const char *path, char **nodes, char **edges, ag_error *err)
{
    const char *slash = strrchr(path, '/');
    size_t base = strlen(path), name = strlen(slash ? slash + 1 : path);
    static const char *const suffixes[] = { ".nodes.csv", ".edges.csv", ".csv" };

    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t k = strlen(suffixes[i]);
        if (name > k && strcmp(path + base - k, suffixes[i]) == 0) {
            base -= k;
            break;
        }
    }
    *nodes = (char *)malloc(base + 11);
    *edges = (char *)malloc(base + 11);
    if (!*nodes || !*edges) {
        free(*nodes);
        free(*edges);
        *nodes = *edges = NULL;
        return ag__fail(err, AG_ENOMEM, "out of memory naming %s", path);
    }
    memcpy(*nodes, path, base);
    memcpy(*edges, path, base);
    strcpy(*nodes + base, ".nodes.csv");
    strcpy(*edges + base, ".edges.csv");
    return AG_OK;
}

/* Opens a temporary for path (which p owns from now on, whatever
 * happens), writes into it and flushes. */
static ag_status prepare_one(ag_export_pending *p, const ag_graph *g, ag_format format, csv_table table,
                             char *path, ag_error *err)
{
    ag_outfile *f = NULL;
    ag_status st;
    FILE *fp;

    if ((st = ag_outfile_open(path, &f, err)) != AG_OK) {
        free(path);
        return st;
    }
    p->f[p->n] = f;
    p->path[p->n] = path;
    p->n++;
    fp = ag_outfile_stream(f);
    if ((st = write_stream(g, format, table, fp, path, err)) != AG_OK)
        return st;
    if (strcmp(path, "-") != 0 && (fflush(fp) != 0 || ferror(fp)))
        return ag__fail_at(err, AG_EIO, path, 0, 0, "write failed: %s", strerror(errno ? errno : EIO));
    return AG_OK;
}

ag_status ag_export_prepare(const ag_graph *g, ag_format format, const char *path, ag_export_pending **out,
                            ag_error *err)
{
    ag_export_pending *p;
    char *nodes = NULL, *edges = NULL, *copy = NULL;
    ag_status st;

    *out = NULL;
    if (format == AG_FORMAT_CSV && strcmp(path, "-") == 0)
        return ag__fail_at(err, AG_EINVAL, "-", 0, 0,
                           "CSV is two files (NAME.nodes.csv and NAME.edges.csv) and cannot go to standard "
                           "output: name the output NAME.csv");
    p = (ag_export_pending *)calloc(1, sizeof *p);
    if (!p)
        return ag__fail(err, AG_ENOMEM, "out of memory writing %s", path);
    if (format == AG_FORMAT_CSV) {
        if ((st = csv_paths(path, &nodes, &edges, err)) == AG_OK) {
            st = prepare_one(p, g, format, TABLE_NODES, nodes, err);
            if (st == AG_OK)
                st = prepare_one(p, g, format, TABLE_EDGES, edges, err);
            else
                free(edges);
        }
    } else if (!(copy = ag__strdup(path))) {
        st = ag__fail(err, AG_ENOMEM, "out of memory writing %s", path);
    } else {
        st = prepare_one(p, g, format, TABLE_NONE, copy, err);
    }
    if (st != AG_OK) {
        ag_export_abort(p);
        return st;
    }
    *out = p;
    return AG_OK;
}

ag_status ag_export_flush(ag_export_pending *p, ag_error *err)
{
    for (size_t i = 0; i < p->n; i++) {
        ag_status st = ag_outfile_flush(p->f[i], err);
        if (st != AG_OK)
            return st;
    }
    return AG_OK;
}

ag_status ag_export_commit(ag_export_pending *p, ag_error *err)
{
    ag_status st = AG_OK;
    size_t i;

    /* a directory in the way would fail the second rename after the first
     * was done: find it before either */
    for (i = 0; p->n > 1 && i < p->n; i++) {
        struct stat sb;
        if (stat(p->path[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            st = ag__fail_at(err, AG_EIO, p->path[i], 0, 0, "cannot write the output file: %s", strerror(EISDIR));
            ag_export_abort(p);
            return st;
        }
    }
    for (i = 0; i < p->n; i++) {
        ag_outfile *f = p->f[i];
        p->f[i] = NULL;
        if (st == AG_OK)
            st = ag_outfile_commit(f, err);
        else
            ag_outfile_abort(f);
        free(p->path[i]);
    }
    free(p);
    return st;
}

ag_status ag_export_file(const ag_graph *g, ag_format format, const char *path, ag_error *err)
{
    ag_export_pending *p = NULL;
    ag_status st = ag_export_prepare(g, format, path, &p, err);
    if (st != AG_OK)
        return st;
    return ag_export_commit(p, err);
}

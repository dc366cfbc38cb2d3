/*
 * export.c — picks the writer for a format and writes atomically; the
 * number and escaping helpers every writer uses.
 *
 * Input: a graph and a path or stream. Output: the file, written under a
 * temporary name and renamed into place only when every write, flush and
 * close succeeded. Numeric output is wrapped in igraph's safe locale, so a
 * host program's locale cannot turn "0.5" into "0,5".
 */
#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/io.h"
#include "export_internal.h"
#include "internal.h"
#include "text_internal.h"

ag_format ag_format_parse(const char *name)
{
    if (strcmp(name, "graphml") == 0)
        return AG_FORMAT_GRAPHML;
    if (strcmp(name, "dot") == 0 || strcmp(name, "gv") == 0)
        return AG_FORMAT_DOT;
    return AG_FORMAT_UNKNOWN;
}

ag_format ag_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return AG_FORMAT_UNKNOWN;
    return ag_format_parse(dot + 1);
}

const char *ag_format_name(ag_format f)
{
    switch (f) {
    case AG_FORMAT_GRAPHML: return "graphml";
    case AG_FORMAT_DOT: return "dot";
    default: return "unknown";
    }
}

/* Decodes the character at p into *cp and its length into *n; an invalid
 * byte comes back alone, as U+FFFD with *n == 0. Returns the next position. */
static const char *next_char(const char *p, uint32_t *cp, size_t *n)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t len = strlen(p);
    *n = ag__utf8_decode(u, u + (len < 4 ? len : 4), cp);
    if (*n == 0) {
        *cp = 0xFFFD;
        return p + 1;
    }
    return p + *n;
}

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
                fputs("\xEF\xBF\xBD", fp);
            else
                fwrite(p, 1, n, fp);
        }
        p = q;
    }
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
                fputs("\xEF\xBF\xBD", fp);
            else
                fwrite(p, 1, n, fp);
        }
        p = q;
    }
}

ag_status ag_export_stream(const ag_graph *g, ag_format format, FILE *fp, const char *name, ag_error *err)
{
    igraph_safelocale_t loc;
    ag_status st;

    if (igraph_enter_safelocale(&loc) != IGRAPH_SUCCESS)
        return ag__fail(err, AG_ENOMEM, "cannot switch to the C locale");
    switch (format) {
    case AG_FORMAT_GRAPHML: st = ag__export_graphml(g, fp); break;
    case AG_FORMAT_DOT: st = ag__export_dot(g, fp); break;
    default: st = AG_EINVAL;
    }
    igraph_exit_safelocale(&loc);
    if (st == AG_EINVAL)
        return ag__fail_at(err, AG_EINVAL, name, 0, 0, "unknown output format");
    if (st != AG_OK || ferror(fp))
        return ag__fail_at(err, AG_EIO, name, 0, 0, "write failed: %s", strerror(errno ? errno : EIO));
    return AG_OK;
}

ag_status ag_export_file(const ag_graph *g, ag_format format, const char *path, ag_error *err)
{
    ag_outfile *f = NULL;
    ag_status st;

    if ((st = ag_outfile_open(path, &f, err)) != AG_OK)
        return st;
    if ((st = ag_export_stream(g, format, ag_outfile_stream(f), path, err)) != AG_OK) {
        ag_outfile_abort(f);
        return st;
    }
    return ag_outfile_commit(f, err);
}

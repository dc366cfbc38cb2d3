/*
 * input.c — the document reader: files, directories, JSONL, standard input.
 *
 * Input: the command line's INPUT arguments. Output: one document at a
 * time, with its id, text, date and where it came from. JSON lines are
 * validated and read in place (json_scan.c), without a tree per line. A directory is
 * walked recursively (*.txt and *.jsonl, in byte order of the path, links
 * to directories not followed); a file named on the command line is read
 * whatever its extension (*.jsonl as JSON lines, anything else as one
 * text). Only the current document is in memory. An input that cannot be
 * used is reported through the warning callback and skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "actorgraph/io.h"
#include "internal.h"
#include "json_scan.h"

#define DIR_DEPTH_MAX 64

struct ag_reader {
    ag_reader_options opts;
    char **queue;          /* paths still to read, in order */
    size_t qn, qcap, qi;

    FILE *fp;
    char *path;            /* the current file */
    int jsonl;
    int is_stdin;
    unsigned long line;

    char *buf;             /* the current text file's text */
    size_t cap;
    char *lb;              /* JSONL: a window of the file; lines are found and used in place */
    size_t lb_cap, lb_start, lb_end;
    int lb_eof, lb_skipping;
    char *id;              /* a text file's id (its path) */
    char *text;            /* a JSONL text with escapes, decoded */
    size_t text_cap;
    char *id_buf, *date_buf;   /* a JSONL document's id and date */
    size_t id_cap, date_cap;
    ag_reader_stats stats;
    uint64_t seq;
};

static void warn(ag_reader *r, const char *file, unsigned long line, unsigned long col, const char *fmt, ...)
    AG_PRINTF(5, 6);

static void warn(ag_reader *r, const char *file, unsigned long line, unsigned long col, const char *fmt, ...)
{
    ag_error e;
    va_list ap;
    if (!r->opts.warn)
        return;
    memset(&e, 0, sizeof e);
    e.status = AG_ESYNTAX;
    snprintf(e.file, sizeof e.file, "%s", file);
    e.line = line;
    e.column = col;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->opts.warn(r->opts.userdata, AG_DIAG_WARNING, &e);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Inserts paths at the queue's read position, keeping their order. */
static int queue_insert(ag_reader *r, char **paths, size_t n)
{
    if (ag__grow((void **)&r->queue, &r->qcap, r->qn + n, sizeof *r->queue) != 0)
        return -1;
    memmove(r->queue + r->qi + n, r->queue + r->qi, (r->qn - r->qi) * sizeof *r->queue);
    memcpy(r->queue + r->qi, paths, n * sizeof *paths);
    r->qn += n;
    return 0;
}

/* The directories on the way down, to recognise a symbolic link that loops. */
typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id;

/* Every *.txt and *.jsonl below dir, appended to *out (the caller sorts).
 * Symbolic links to directories are followed unless they lead back to a
 * directory on the way down. */
static int walk(ag_reader *r, const char *dir, dir_id *up, int depth, char ***out, size_t *n, size_t *cap)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t nn = 0, nc = 0;
    int rc = 0;
    struct stat here;

    if (depth >= DIR_DEPTH_MAX) {
        warn(r, dir, 0, 0, "directories nest deeper than %d levels; not read", DIR_DEPTH_MAX);
        r->stats.skipped_files++;
        return 0;
    }
    if (stat(dir, &here) != 0 || !(d = opendir(dir))) {
        warn(r, dir, 0, 0, "cannot read directory: %s", strerror(errno));
        r->stats.skipped_files++;
        return 0;
    }
    for (int k = 0; k < depth; k++) {
        if (up[k].dev == here.st_dev && up[k].ino == here.st_ino) {
            closedir(d);
            warn(r, dir, 0, 0, "symbolic link leads back to a directory above it; not followed");
            r->stats.skipped_files++;
            return 0;
        }
    }
    up[depth].dev = here.st_dev;
    up[depth].ino = here.st_ino;
    while ((e = readdir(d)) != NULL) {
        size_t len;
        char *full;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        len = strlen(dir) + strlen(e->d_name) + 2;
        full = (char *)malloc(len);
        if (!full || ag__grow((void **)&names, &nc, nn + 1, sizeof *names) != 0) {
            free(full);
            rc = -1;
            break;
        }
        snprintf(full, len, "%s%s%s", dir, has_suffix(dir, "/") ? "" : "/", e->d_name);
        names[nn++] = full;
    }
    closedir(d);
    for (size_t i = 0; i < nn; i++) {
        struct stat sb;
        if (rc == 0) {
            if (stat(names[i], &sb) != 0) {
                struct stat lb;
                if (lstat(names[i], &lb) == 0 && S_ISLNK(lb.st_mode))
                    warn(r, names[i], 0, 0, "broken symbolic link; skipped");
                else
                    warn(r, names[i], 0, 0, "cannot read: %s", strerror(errno));
                r->stats.skipped_files++;
            } else if (S_ISDIR(sb.st_mode)) {
                rc = walk(r, names[i], up, depth + 1, out, n, cap);
            } else if (S_ISREG(sb.st_mode) && (has_suffix(names[i], ".txt") || has_suffix(names[i], ".jsonl"))) {
                if (ag__grow((void **)out, cap, *n + 1, sizeof **out) != 0) {
                    rc = -1;
                } else {
                    (*out)[(*n)++] = names[i];
                    names[i] = NULL;   /* owned by *out now */
                }
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Why the first bytes of a file are not text we can read, or NULL. */
static const char *not_text(const unsigned char *p, size_t n, char *why, size_t size)
{
    size_t nul = 0, ctl = 0;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        snprintf(why, size, "UTF-16 or UTF-32 text (byte-order mark %02X %02X): convert it to UTF-8, "
                            "e.g. iconv -f UTF-16 -t UTF-8",
                 p[0], p[1]);
        return why;
    }
    if (n > 8192)
        n = 8192;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == 0)
            nul++;
        else if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f' && p[i] != '\v' &&
                 p[i] != 0x1B)
            ctl++;
    }
    if (n && (nul * 100 >= n || (nul + ctl) * 10 >= n)) {
        snprintf(why, size, "binary file (%zu%% of its first %zu bytes are control bytes)", (nul + ctl) * 100 / n, n);
        return why;
    }
    return NULL;
}

ag_status ag_reader_new(const char *const *inputs, size_t n_inputs, const ag_reader_options *opts, ag_reader **out,
                        ag_error *err)
{
    ag_reader_options defaults = AG_READER_OPTIONS_INIT;
    ag_reader *r = (ag_reader *)calloc(1, sizeof *r);
    static const char *const stdin_only[] = { "-" };

    *out = NULL;
    if (!r)
        return ag__fail(err, AG_ENOMEM, "out of memory creating a reader");
    r->opts = opts ? *opts : defaults;
    if (!r->opts.text_field)
        r->opts.text_field = "text";
    if (!r->opts.id_field)
        r->opts.id_field = "id";
    if (!r->opts.date_field)
        r->opts.date_field = "date";
    if (n_inputs == 0) {
        inputs = stdin_only;
        n_inputs = 1;
    }
    r->queue = (char **)calloc(n_inputs, sizeof *r->queue);
    if (!r->queue) {
        ag_reader_free(r);
        return ag__fail(err, AG_ENOMEM, "out of memory creating a reader");
    }
    r->qcap = n_inputs;
    for (size_t i = 0; i < n_inputs; i++) {
        r->queue[i] = ag__strdup(inputs[i]);
        if (!r->queue[i]) {
            r->qn = i;
            ag_reader_free(r);
            return ag__fail(err, AG_ENOMEM, "out of memory creating a reader");
        }
    }
    r->qn = n_inputs;
    *out = r;
    return AG_OK;
}

static void close_current(ag_reader *r)
{
    if (r->fp && !r->is_stdin)
        fclose(r->fp);
    r->fp = NULL;
    r->is_stdin = 0;
    free(r->path);
    r->path = NULL;
    r->lb_start = r->lb_end = 0;
    r->lb_eof = r->lb_skipping = 0;
}

void ag_reader_free(ag_reader *r)
{
    if (!r)
        return;
    close_current(r);
    for (size_t i = r->qi; i < r->qn; i++)
        free(r->queue[i]);
    free(r->queue);
    free(r->buf);
    free(r->lb);
    free(r->id);
    free(r->text);
    free(r->id_buf);
    free(r->date_buf);
    free(r);
}

const ag_reader_stats *ag_reader_stats_get(const ag_reader *r)
{
    return &r->stats;
}

/* Reads a whole stream into r->buf. 1: read; 0: too large (skipped); -1: error (errno). */
static int slurp(ag_reader *r, FILE *fp, size_t *len)
{
    size_t n = 0;
    for (;;) {
        size_t got;
        if (n + 65536 + 1 > r->cap && ag__grow((void **)&r->buf, &r->cap, n + 65536 + 1, 1) != 0) {
            errno = ENOMEM;
            return -1;
        }
        got = fread(r->buf + n, 1, r->cap - n - 1, fp);
        n += got;
        r->stats.input_bytes += got;
        if (n > r->opts.max_document) {
            size_t skipped;
            while ((skipped = fread(r->buf, 1, r->cap - 1, fp)) > 0)
                r->stats.input_bytes += skipped;
            return 0;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp))
        return -1;
    r->buf[n] = '\0';
    *len = n;
    return 1;
}

#define LINE_CHUNK ((size_t)1 << 20)

/* The next line of the open JSONL file (without its line feed and a
 * carriage return before it), in place in r->lb and NUL-terminated: valid
 * until the next call. The file is read a megabyte at a time; a line is
 * found with memchr and never copied. 1: a line; 0: end of file; 2: a line
 * longer than max_document (consumed, skipped); -1: error (errno). */
static int read_line(ag_reader *r, char **line, size_t *len)
{
    for (;;) {
        char *start = r->lb + r->lb_start, *nl;
        size_t avail = r->lb_end - r->lb_start, got;

        nl = avail ? (char *)memchr(start, '\n', avail) : NULL;
        if (nl || (r->lb_eof && avail)) {
            size_t n = nl ? (size_t)(nl - start) : avail;
            r->lb_start += nl ? n + 1 : n;
            r->stats.input_bytes += nl ? n + 1 : n;
            if (r->lb_skipping) {
                r->lb_skipping = 0;
                return 2;
            }
            if (n && start[n - 1] == '\r')
                n--;
            start[n] = '\0';   /* over the line feed, or in the byte kept free after the data */
            *line = start;
            *len = n;
            return n > r->opts.max_document ? 2 : 1;
        }
        if (r->lb_eof) {
            if (r->lb_skipping) {
                r->lb_skipping = 0;
                return 2;
            }
            return 0;
        }
        if (avail > r->opts.max_document) {
            /* too long already: drop what is here and skip to the line's end */
            r->stats.input_bytes += avail;
            r->lb_start = r->lb_end = 0;
            r->lb_skipping = 1;
            avail = 0;
        }
        if (r->lb_start) {
            memmove(r->lb, start, avail);
            r->lb_start = 0;
            r->lb_end = avail;
        }
        if (r->lb_cap - r->lb_end < LINE_CHUNK / 2 + 1 &&
            ag__grow((void **)&r->lb, &r->lb_cap, r->lb_end + LINE_CHUNK + 1, 1) != 0) {
            errno = ENOMEM;
            return -1;
        }
        got = fread(r->lb + r->lb_end, 1, r->lb_cap - r->lb_end - 1, r->fp);
        r->lb_end += got;
        if (got == 0) {
            if (ferror(r->fp))
                return -1;
            r->lb_eof = 1;
        }
    }
}

static ag_status open_next(ag_reader *r, int *opened, ag_error *err)
{
    char *path;
    struct stat sb;

    *opened = 0;
    if (r->qi >= r->qn)
        return AG_OK;
    path = r->queue[r->qi++];
    if (strcmp(path, "-") == 0) {
        int c = getc(stdin);
        if (c != EOF)
            ungetc(c, stdin);
        r->fp = stdin;
        r->is_stdin = 1;
        r->path = path;
        r->jsonl = r->opts.format == AG_INPUT_JSONL || (r->opts.format == AG_INPUT_AUTO && c == '{');
        r->line = 0;
        r->stats.files++;
        *opened = 1;
        return AG_OK;
    }
    if (stat(path, &sb) != 0) {
        warn(r, path, 0, 0, "cannot read: %s", strerror(errno));
        r->stats.skipped_files++;
        free(path);
        return AG_OK;
    }
    if (S_ISDIR(sb.st_mode)) {
        char **found = NULL;
        size_t n = 0, cap = 0;
        dir_id up[DIR_DEPTH_MAX];
        int rc = walk(r, path, up, 0, &found, &n, &cap);
        if (rc == 0 && n > 1)
            qsort(found, n, sizeof *found, by_name);   /* byte order of the whole path */
        if (rc != 0 || (n && queue_insert(r, found, n) != 0)) {
            for (size_t i = 0; i < n; i++)
                free(found[i]);
            free(found);
            free(path);
            return ag__fail(err, AG_ENOMEM, "out of memory listing inputs");
        }
        free(found);
        free(path);
        return AG_OK;
    }
    r->fp = fopen(path, "rb");
    if (!r->fp) {
        warn(r, path, 0, 0, "cannot read: %s", strerror(errno));
        r->stats.skipped_files++;
        free(path);
        return AG_OK;
    }
    r->path = path;
    r->jsonl = r->opts.format == AG_INPUT_JSONL || (r->opts.format == AG_INPUT_AUTO && has_suffix(path, ".jsonl"));
    if (!r->jsonl && r->opts.format == AG_INPUT_AUTO && (has_suffix(path, ".json") || has_suffix(path, ".ndjson"))) {
        /* read as one text document, as any name but *.jsonl is: say so */
        int c;
        while ((c = getc(r->fp)) == ' ' || c == '\t' || c == '\r' || c == '\n')
            ;
        if (c == '{' || c == '[')
            warn(r, path, 0, 0, "JSON read as one text document (name JSON lines *.jsonl, or give "
                                "--input-format jsonl)");
        rewind(r->fp);
    }
    r->line = 0;
    r->stats.files++;
    *opened = 1;
    return AG_OK;
}

/* A member's value as text into *buf (grown as needed): a string decoded,
 * an integer as written; NULL for anything else. */
static const char *field_text(const char *line, size_t v, size_t v_end, char **buf, size_t *cap, size_t *len)
{
    if (line[v] == '"') {
        if (ag__grow((void **)buf, cap, v_end - v + 1, 1) != 0)
            return NULL;
        *len = ag__jscan_decode(line, v, v_end, *buf);
    } else if (line[v] == '-' || (line[v] >= '0' && line[v] <= '9')) {
        for (size_t k = v; k < v_end; k++)
            if (line[k] == '.' || line[k] == 'e' || line[k] == 'E')
                return NULL;   /* not an integer */
        if (ag__grow((void **)buf, cap, v_end - v + 1, 1) != 0)
            return NULL;
        memcpy(*buf, line + v, v_end - v);
        *len = v_end - v;
    } else {
        return NULL;
    }
    (*buf)[*len] = '\0';
    return *buf;
}

/* The column (1-based, in characters) of byte offset off in line. */
static unsigned long column_of(const char *line, size_t off)
{
    unsigned long col = 1;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* The next document from the open JSONL file: 1 found, 0 end of file.
 * Lines are validated and read in place, without building a JSON tree: the
 * text is used where it lies when it has no escape, decoded otherwise. */
static int next_jsonl(ag_reader *r, ag_document *doc, ag_status *st, ag_error *err)
{
    for (;;) {
        size_t len = 0, k, v[3] = { 0, 0, 0 }, v_end[3] = { 0, 0, 0 };
        char *lp = NULL;
        int found[3] = { 0, 0, 0 }, rc = read_line(r, &lp, &len), m;
        const char *fields[3];
        const char *line;
        ag_jscan j;

        if (rc == 0)
            return 0;
        if (rc < 0) {
            *st = ag__fail_at(err, AG_EIO, r->path, r->line + 1, 0, "read failed: %s", strerror(errno));
            return 0;
        }
        r->line++;
        if (rc == 2) {
            warn(r, r->path, r->line, 0, "line longer than the %zu-byte document limit (--max-document); skipped",
                 r->opts.max_document);
            r->stats.skipped_large++;
            continue;
        }
        line = lp;
        for (k = 0; k < len && strchr(" \t\r", line[k]); k++)
            ;
        if (k == len)
            continue;   /* blank line */

        fields[0] = r->opts.text_field;
        fields[1] = r->opts.id_field;
        fields[2] = r->opts.date_field;
        ag__jscan_init(&j, line, len);
        if (ag__jscan_object(&j) == 0) {
            size_t key, key_end, val, val_end;
            while ((m = ag__jscan_member(&j, &key, &key_end, &val, &val_end)) == 1) {
                for (int f = 0; f < 3; f++) {
                    if (!found[f] && ag__jscan_key_is(line, key, key_end, fields[f])) {
                        found[f] = 1;   /* the first of duplicate members counts */
                        v[f] = val;
                        v_end[f] = val_end;
                    }
                }
            }
            if (m == 0)
                ag__jscan_end(&j);
        }
        if (j.error) {
            warn(r, r->path, r->line, column_of(line, j.error_pos), "not a JSON object: %s; line skipped", j.error);
            r->stats.skipped_lines++;
            continue;
        }
        if (!found[0] || line[v[0]] != '"') {
            warn(r, r->path, r->line, found[0] ? column_of(line, v[0]) : 1, "no string field \"%s\"; line skipped",
                 r->opts.text_field);
            r->stats.skipped_lines++;
            continue;
        }
        if (ag__jscan_plain(line, v[0], v_end[0])) {
            doc->text = line + v[0] + 1;   /* in place: valid until the next line is read */
            doc->len = v_end[0] - v[0] - 2;
        } else {
            if (ag__grow((void **)&r->text, &r->text_cap, v_end[0] - v[0] + 1, 1) != 0) {
                *st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", r->path);
                return 0;
            }
            doc->len = ag__jscan_decode(line, v[0], v_end[0], r->text);
            r->text[doc->len] = '\0';
            doc->text = r->text;
        }
        {
            size_t idlen, datelen;
            const char *id = found[1] ? field_text(line, v[1], v_end[1], &r->id_buf, &r->id_cap, &idlen) : NULL;
            if (!id) {
                size_t n = strlen(r->path) + 24;
                if (ag__grow((void **)&r->id_buf, &r->id_cap, n, 1) != 0) {
                    *st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", r->path);
                    return 0;
                }
                snprintf(r->id_buf, n, "%s:%lu", r->path, r->line);
                id = r->id_buf;
            }
            doc->id = id;
            doc->date = found[2] ? field_text(line, v[2], v_end[2], &r->date_buf, &r->date_cap, &datelen) : NULL;
        }
        doc->source = r->path;
        doc->line = r->line;
        return 1;
    }
}

ag_status ag_reader_next(ag_reader *r, ag_document *doc, int *got, ag_error *err)
{
    ag_status st = AG_OK;

    *got = 0;
    memset(doc, 0, sizeof *doc);
    for (;;) {
        if (!r->fp) {
            int opened;
            if ((st = open_next(r, &opened, err)) != AG_OK)
                return st;
            if (!opened) {
                if (r->qi >= r->qn)
                    return AG_OK;   /* the end */
                continue;
            }
        }
        if (r->jsonl) {
            if (next_jsonl(r, doc, &st, err)) {
                break;
            }
            close_current(r);
            if (st != AG_OK)
                return st;
            continue;
        } else {
            size_t len = 0;
            int rc = slurp(r, r->fp, &len);
            if (rc < 0) {
                st = ag__fail_at(err, errno == ENOMEM ? AG_ENOMEM : AG_EIO, r->path, 0, 0, "read failed: %s",
                                 strerror(errno));
                close_current(r);
                return st;
            }
            if (rc == 0) {
                warn(r, r->path, 0, 0, "larger than the %zu-byte document limit (--max-document); skipped",
                     r->opts.max_document);
                r->stats.skipped_large++;
                close_current(r);
                continue;
            }
            {
                char why[200];
                if (not_text((const unsigned char *)r->buf, len, why, sizeof why)) {
                    warn(r, r->path, 0, 0, "%s; skipped", why);
                    r->stats.skipped_binary++;
                    close_current(r);
                    continue;
                }
            }
            free(r->id);
            r->id = r->path;      /* the path is the id; keep it until the next document */
            r->path = NULL;
            doc->id = r->id;
            doc->text = r->buf;
            doc->len = len;
            doc->date = NULL;
            doc->source = r->id;
            doc->line = 0;
            if (r->fp && !r->is_stdin)
                fclose(r->fp);
            r->fp = NULL;
            r->is_stdin = 0;
            break;
        }
    }
    doc->seq = r->seq++;
    r->stats.documents++;
    r->stats.bytes += doc->len;
    *got = 1;
    return AG_OK;
}

/*
 * check_io.c — documents in and files out (input.c, outfile.c): the
 * reader over files, directories (recursive, in byte order of the path),
 * JSONL (one document per line, id/date fields, "path:line" ids, blank
 * lines, bad lines skipped with a warning naming file:line), missing files,
 * the document size limit and sequence numbers; the atomic writer (commit
 * replaces, abort leaves the target and no temporary, mode 0666 & ~umask).
 *
 * Every test works in its own temporary directory made with mkdtemp.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static char root[64];

static const char *at(const char *rel)
{
    static char buf[8][256];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
    return buf[k];
}

static void put(const char *rel, const char *text)
{
    FILE *fp = fopen(at(rel), "wb");
    ck_assert_msg(fp != NULL, "cannot create %s", at(rel));
    fputs(text, fp);
    fclose(fp);
}

static void mkdir_at(const char *rel)
{
    ck_assert_int_eq(mkdir(at(rel), 0755), 0);
}

/* Names in a directory other than . and .., sorted, joined with commas. */
static const char *listing(const char *dir)
{
    static char buf[1024];
    char *names[64];
    size_t n = 0, len = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "," : "", names[i]);
        free(names[i]);
    }
    return buf;
}

static void setup(void)
{
    snprintf(root, sizeof root, "/tmp/check_io.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
}

static void teardown(void)
{
    tu_rm_tree(root);
}

/* --- reader helpers ---------------------------------------------------------- */

typedef struct {
    int count;
    char where[1024];   /* "file:line|..." with file relative to root */
} warnings;

static void on_warning(void *userdata, ag_diag_severity sev, const ag_error *err)
{
    warnings *w = (warnings *)userdata;
    size_t n = strlen(w->where);
    const char *file = err->file;
    ck_assert_int_eq(sev, AG_DIAG_WARNING);
    ck_assert(err->message[0] != '\0');
    if (strncmp(file, root, strlen(root)) == 0 && file[strlen(root)] == '/')
        file += strlen(root) + 1;
    snprintf(w->where + n, sizeof w->where - n, "%s%s:%lu", n ? "|" : "", file, err->line);
    w->count++;
}

/* Reads everything; returns "id=text@seq|..." (text cut at 20 bytes). */
static const char *read_all(const char *const *inputs, size_t n, ag_reader_options *o, warnings *w,
                            ag_reader_stats *stats)
{
    static char buf[4096];
    ag_reader *r = NULL;
    ag_error err;
    size_t len = 0;
    uint64_t expect_seq = 0;
    memset(&err, 0, sizeof err);
    if (w) {
        memset(w, 0, sizeof *w);
        o->warn = on_warning;
        o->userdata = w;
    }
    ck_assert_int_eq(ag_reader_new(inputs, n, o, &r, &err), AG_OK);
    buf[0] = '\0';
    for (;;) {
        ag_document doc;
        int got = -1;
        const char *id;
        ck_assert_msg(ag_reader_next(r, &doc, &got, &err) == AG_OK, "reader failed: %s", err.message);
        if (!got)
            break;
        ck_assert_uint_eq(doc.seq, expect_seq);
        expect_seq++;
        id = doc.id;
        if (strncmp(id, root, strlen(root)) == 0 && id[strlen(root)] == '/')
            id += strlen(root) + 1;
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s=%.*s@%llu", len ? "|" : "", id,
                                (int)(doc.len < 20 ? doc.len : 20), doc.text, (unsigned long long)doc.seq);
    }
    if (stats)
        *stats = *ag_reader_stats_get(r);
    ag_reader_free(r);
    return buf;
}

/* --- reader: core ------------------------------------------------------------ */

START_TEST(test_one_text_file)
{
    const char *in[1];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader *r = NULL;
    ag_document doc;
    ag_error err;
    int got = -1;
    const ag_reader_stats *st;
    put("a.txt", "Baku said so.\nYerevan did not.\n");
    in[0] = at("a.txt");
    ck_assert_int_eq(ag_reader_new(in, 1, &o, &r, &err), AG_OK);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_int_eq(got, 1);
    ck_assert_str_eq(doc.id, in[0]);
    ck_assert_str_eq(doc.source, in[0]);
    ck_assert_uint_eq(doc.len, 31);
    ck_assert(memcmp(doc.text, "Baku said so.\nYerevan did not.\n", 31) == 0);
    ck_assert_ptr_null(doc.date);
    ck_assert_uint_eq(doc.line, 0);
    ck_assert_uint_eq(doc.seq, 0);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_int_eq(got, 0);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);   /* the end stays the end */
    ck_assert_int_eq(got, 0);
    st = ag_reader_stats_get(r);
    ck_assert_uint_eq(st->files, 1);
    ck_assert_uint_eq(st->documents, 1);
    ck_assert_uint_eq(st->bytes, 31);
    ck_assert_uint_eq(st->skipped_files + st->skipped_lines + st->skipped_large, 0);
    ag_reader_free(r);
}
END_TEST

/* A directory: *.txt and *.jsonl below it, recursively, in byte order of
 * the path; other files ignored. */
START_TEST(test_directory)
{
    const char *in[1];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    warnings w;
    ag_reader_stats st;
    mkdir_at("corpus");
    mkdir_at("corpus/sub");
    mkdir_at("corpus/sub/deeper");
    mkdir_at("corpus/empty");
    put("corpus/b.txt", "B");
    put("corpus/a.txt", "A");
    put("corpus/notes.md", "not a document");
    put("corpus/a.txt.orig", "not a document either");
    put("corpus/sub/c.txt", "C");
    put("corpus/sub/deeper/d.jsonl", "{\"id\": \"d1\", \"text\": \"D1\"}\n{\"id\": \"d2\", \"text\": \"D2\"}\n");
    put("corpus/z.jsonl", "{\"text\": \"Z\"}\n");
    in[0] = at("corpus");
    ck_assert_str_eq(read_all(in, 1, &o, &w, &st),
                     "corpus/a.txt=A@0|corpus/b.txt=B@1|corpus/sub/c.txt=C@2|d1=D1@3|d2=D2@4|corpus/z.jsonl:1=Z@5");
    ck_assert_int_eq(w.count, 0);
    ck_assert_uint_eq(st.files, 5);
    ck_assert_uint_eq(st.documents, 6);
    ck_assert_uint_eq(st.bytes, 8);
}
END_TEST

/* The same directory named with a trailing slash gives the same ids. */
START_TEST(test_directory_trailing_slash)
{
    const char *in[1];
    char path[128];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    mkdir_at("d");
    put("d/x.txt", "X");
    snprintf(path, sizeof path, "%s/d/", root);
    in[0] = path;
    ck_assert_str_eq(read_all(in, 1, &o, NULL, NULL), "d/x.txt=X@0");
}
END_TEST

/*
 * JSONL: ids from the id field (a number is written as such), else
 * "path:line"; dates from the date field; blank and whitespace-only lines
 * skipped silently; a line that is not JSON, not an object, or has no
 * string text field is skipped with a warning naming file:line; CRLF line
 * ends and a last line without a line feed are fine.
 */
static const char jsonl[] =
    "{\"id\": \"d1\", \"date\": \"2024-01-02\", \"text\": \"Alpha\"}\n"   /* 1 */
    "\n"                                                                   /* 2 */
    "{\"text\": \"Beta\"}\n"                                               /* 3 */
    "this is not JSON\n"                                                   /* 4 */
    "{\"id\": \"d5\", \"text\": 42}\n"                                     /* 5 */
    "[\"an\", \"array\"]\n"                                                /* 6 */
    "{\"id\": 7, \"text\": \"Gamma\", \"date\": \"2024\"}\n"               /* 7 */
    " \t \n"                                                               /* 8 */
    "{\"id\": \"d9\", \"body\": \"no text field\"}\n"                      /* 9 */
    "{\"id\": \"crlf\", \"text\": \"Delta\"}\r\n"                          /* 10 */
    "{\"text\": \"Last\"}";                                                /* 11, no line feed */

START_TEST(test_jsonl)
{
    const char *in[1];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader *r = NULL;
    ag_document doc;
    ag_error err;
    int got;
    warnings w;
    ag_reader_stats st;
    put("news.jsonl", jsonl);
    in[0] = at("news.jsonl");
    ck_assert_str_eq(read_all(in, 1, &o, &w, &st),
                     "d1=Alpha@0|news.jsonl:3=Beta@1|7=Gamma@2|crlf=Delta@3|news.jsonl:11=Last@4");
    ck_assert_int_eq(w.count, 4);
    ck_assert_str_eq(w.where, "news.jsonl:4|news.jsonl:5|news.jsonl:6|news.jsonl:9");
    ck_assert_uint_eq(st.skipped_lines, 4);
    ck_assert_uint_eq(st.documents, 5);
    ck_assert_uint_eq(st.files, 1);
    ck_assert_uint_eq(st.bytes, 5 + 4 + 5 + 5 + 4);

    /* dates, sources and line numbers */
    memset(&err, 0, sizeof err);
    o.warn = NULL;
    ck_assert_int_eq(ag_reader_new(in, 1, &o, &r, &err), AG_OK);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_str_eq(doc.date, "2024-01-02");
    ck_assert_str_eq(doc.source, in[0]);
    ck_assert_uint_eq(doc.line, 1);
    ck_assert_uint_eq(doc.len, 5);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_ptr_null(doc.date);
    ck_assert_uint_eq(doc.line, 3);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_str_eq(doc.id, "7");
    ck_assert_str_eq(doc.date, "2024");
    ck_assert_uint_eq(doc.line, 7);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_str_eq(doc.id, "crlf");
    ck_assert_uint_eq(doc.len, 5);
    ck_assert_uint_eq(doc.line, 10);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_uint_eq(doc.line, 11);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_int_eq(got, 0);
    ag_reader_free(r);
}
END_TEST

/* --text-field, --id-field, --date-field; escapes in the text decoded. */
START_TEST(test_jsonl_fields)
{
    const char *in[1];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader *r = NULL;
    ag_document doc;
    ag_error err;
    int got;
    warnings w;
    put("f.jsonl", "{\"uid\": \"u1\", \"when\": \"2020-05\", \"body\": \"Line one\\nLine \\\"two\\\" \\u00e9\", "
                   "\"text\": \"ignored\", \"id\": \"ignored\"}\n"
                   "{\"text\": \"no body\"}\n");
    in[0] = at("f.jsonl");
    o.text_field = "body";
    o.id_field = "uid";
    o.date_field = "when";
    ck_assert_str_eq(read_all(in, 1, &o, &w, NULL), "u1=Line one\nLine \"two\" @0");
    ck_assert_str_eq(w.where, "f.jsonl:2");
    memset(&err, 0, sizeof err);
    o.warn = NULL;
    ck_assert_int_eq(ag_reader_new(in, 1, &o, &r, &err), AG_OK);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_uint_eq(doc.len, 22);
    ck_assert(memcmp(doc.text, "Line one\nLine \"two\" \xC3\xA9", 22) == 0);
    ck_assert_str_eq(doc.date, "2020-05");
    ag_reader_free(r);
}
END_TEST

/* Sequence numbers run across inputs in the order given. */
START_TEST(test_seq_across_inputs)
{
    const char *in[3];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader_stats st;
    put("one.txt", "One");
    put("two.jsonl", "{\"id\": \"t1\", \"text\": \"Two\"}\n{\"id\": \"t2\", \"text\": \"Three\"}\n");
    put("four.txt", "Four");
    in[0] = at("four.txt");
    in[1] = at("two.jsonl");
    in[2] = at("one.txt");
    ck_assert_str_eq(read_all(in, 3, &o, NULL, &st), "four.txt=Four@0|t1=Two@1|t2=Three@2|one.txt=One@3");
    ck_assert_uint_eq(st.files, 3);
    ck_assert_uint_eq(st.documents, 4);
}
END_TEST

/* A file named on the command line is read whatever its extension; the
 * format can be forced either way. */
START_TEST(test_forced_format)
{
    const char *in[1];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    warnings w;
    put("lines.txt", "{\"id\": \"j\", \"text\": \"J\"}\n");
    put("notes.md", "Markdown");
    in[0] = at("lines.txt");
    ck_assert_str_eq(read_all(in, 1, &o, &w, NULL), "lines.txt={\"id\": \"j\", \"text\": @0");
    o.format = AG_INPUT_JSONL;
    ck_assert_str_eq(read_all(in, 1, &o, &w, NULL), "j=J@0");
    in[0] = at("notes.md");
    o.format = AG_INPUT_AUTO;
    ck_assert_str_eq(read_all(in, 1, &o, &w, NULL), "notes.md=Markdown@0");
    put("raw.jsonl", "{\"text\": \"T\"}\n");
    in[0] = at("raw.jsonl");
    o.format = AG_INPUT_TEXT;
    ck_assert_str_eq(read_all(in, 1, &o, &w, NULL), "raw.jsonl={\"text\": \"T\"}\n@0");
    ck_assert_int_eq(w.count, 0);
}
END_TEST

/* --- reader: errors ---------------------------------------------------------- */

/* A missing input is a warning naming it; the others are still read. */
START_TEST(test_missing_file)
{
    const char *in[3];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    warnings w;
    ag_reader_stats st;
    put("here.txt", "Here");
    in[0] = at("gone.txt");
    in[1] = at("here.txt");
    in[2] = at("gone-dir/x.jsonl");
    ck_assert_str_eq(read_all(in, 3, &o, &w, &st), "here.txt=Here@0");
    ck_assert_int_eq(w.count, 2);
    ck_assert_str_eq(w.where, "gone.txt:0|gone-dir/x.jsonl:0");
    ck_assert_uint_eq(st.skipped_files, 2);
    ck_assert_uint_eq(st.files, 1);
    ck_assert_uint_eq(st.documents, 1);
}
END_TEST

/* Without a callback, problems are still counted and skipped. */
START_TEST(test_no_callback)
{
    const char *in[2];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader_stats st;
    put("bad.jsonl", "nope\n{\"text\": \"ok\"}\n");
    in[0] = at("bad.jsonl");
    in[1] = at("missing.txt");
    ck_assert_str_eq(read_all(in, 2, &o, NULL, &st), "bad.jsonl:2=ok@0");
    ck_assert_uint_eq(st.skipped_lines, 1);
    ck_assert_uint_eq(st.skipped_files, 1);
}
END_TEST

/* --max-document: a file over the limit is skipped with a warning; one
 * exactly at the limit is read. */
START_TEST(test_max_document)
{
    const char *in[3];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    warnings w;
    ag_reader_stats st;
    put("ten.txt", "0123456789");
    put("eleven.txt", "0123456789A");
    put("small.txt", "tiny");
    in[0] = at("eleven.txt");
    in[1] = at("ten.txt");
    in[2] = at("small.txt");
    o.max_document = 10;
    ck_assert_str_eq(read_all(in, 3, &o, &w, &st), "ten.txt=0123456789@0|small.txt=tiny@1");
    ck_assert_str_eq(w.where, "eleven.txt:0");
    ck_assert_uint_eq(st.skipped_large, 1);
    ck_assert_uint_eq(st.documents, 2);
    ck_assert_uint_eq(st.bytes, 14);
}
END_TEST

/* --- reader: edge ------------------------------------------------------------ */

START_TEST(test_empty_inputs)
{
    const char *in[2];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    warnings w;
    ag_reader_stats st;
    put("empty.txt", "");
    put("empty.jsonl", "");
    mkdir_at("nothing");
    in[0] = at("empty.txt");
    in[1] = at("nothing");
    /* an empty text file is an empty document */
    ck_assert_str_eq(read_all(in, 2, &o, &w, &st), "empty.txt=@0");
    ck_assert_uint_eq(st.documents, 1);
    ck_assert_uint_eq(st.bytes, 0);
    in[0] = at("empty.jsonl");
    ck_assert_str_eq(read_all(in, 1, &o, &w, &st), "");
    ck_assert_int_eq(w.count, 0);
    ck_assert_uint_eq(st.files, 1);
    ck_assert_uint_eq(st.documents, 0);
}
END_TEST

/* Only the current document's strings live: ids of earlier documents are
 * not needed after the next call, but the current one's are intact even
 * when the next file is much larger. */
START_TEST(test_large_document)
{
    const char *in[2];
    ag_reader_options o = AG_READER_OPTIONS_INIT;
    ag_reader *r = NULL;
    ag_document doc;
    ag_error err;
    int got;
    size_t big = 300000;
    char *text = (char *)malloc(big + 1);
    FILE *fp;
    for (size_t i = 0; i < big; i++)
        text[i] = (char)('a' + i % 26);
    text[big] = '\0';
    fp = fopen(at("big.txt"), "wb");
    fwrite(text, 1, big, fp);
    fclose(fp);
    put("small.txt", "small");
    in[0] = at("small.txt");
    in[1] = at("big.txt");
    ck_assert_int_eq(ag_reader_new(in, 2, &o, &r, &err), AG_OK);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_uint_eq(doc.len, 5);
    ck_assert_int_eq(ag_reader_next(r, &doc, &got, &err), AG_OK);
    ck_assert_int_eq(got, 1);
    ck_assert_uint_eq(doc.len, big);
    ck_assert(memcmp(doc.text, text, big) == 0);
    ck_assert_uint_eq(ag_reader_stats_get(r)->bytes, big + 5);
    ag_reader_free(r);
    free(text);
    ag_reader_free(NULL);
}
END_TEST

/* --- atomic writer ----------------------------------------------------------- */

static void write_through(ag_outfile *f, const char *text)
{
    ck_assert_int_ge(fputs(text, ag_outfile_stream(f)), 0);
}

static const mode_t masks[] = { 022, 077, 0, 027 };

START_TEST(test_commit_creates_with_mode)
{
    ag_outfile *f = NULL;
    ag_error err;
    struct stat sb;
    char *got;
    mode_t old = umask(masks[_i]);
    ck_assert_int_eq(ag_outfile_open(at("out.txt"), &f, &err), AG_OK);
    umask(old);
    write_through(f, "fresh\n");
    ck_assert_int_eq(ag_outfile_commit(f, &err), AG_OK);
    ck_assert_int_eq(stat(at("out.txt"), &sb), 0);
    ck_assert_uint_eq(sb.st_mode & 0777, 0666 & ~masks[_i]);
    got = tu_slurp(at("out.txt"), NULL);
    ck_assert_str_eq(got, "fresh\n");
    free(got);
    ck_assert_str_eq(listing(root), "out.txt");
}
END_TEST

/* Until the commit, the data is in a temporary beside the target and the
 * target is untouched; after it, only the target is left. */
START_TEST(test_temporary_beside_target)
{
    ag_outfile *f = NULL;
    ag_error err;
    const char *l;
    char *got;
    put("graph.graphml", "old\n");
    ck_assert_int_eq(ag_outfile_open(at("graph.graphml"), &f, &err), AG_OK);
    write_through(f, "new\n");
    fflush(ag_outfile_stream(f));
    l = listing(root);
    ck_assert_msg(l[0] == '.' && strstr(l, "graph.graphml") != NULL && strstr(l, ",graph.graphml") != NULL,
                  "while open: %s", l);
    got = tu_slurp(at("graph.graphml"), NULL);
    ck_assert_str_eq(got, "old\n");
    free(got);
    ck_assert_int_eq(ag_outfile_commit(f, &err), AG_OK);
    ck_assert_str_eq(listing(root), "graph.graphml");
    got = tu_slurp(at("graph.graphml"), NULL);
    ck_assert_str_eq(got, "new\n");
    free(got);
}
END_TEST

START_TEST(test_abort_keeps_target)
{
    ag_outfile *f = NULL;
    ag_error err;
    char *got;
    put("keep.dot", "precious\n");
    ck_assert_int_eq(ag_outfile_open(at("keep.dot"), &f, &err), AG_OK);
    write_through(f, "half-writ");
    ag_outfile_abort(f);
    got = tu_slurp(at("keep.dot"), NULL);
    ck_assert_str_eq(got, "precious\n");
    free(got);
    ck_assert_str_eq(listing(root), "keep.dot");
    /* abort with no target at all leaves nothing */
    ck_assert_int_eq(ag_outfile_open(at("never.dot"), &f, &err), AG_OK);
    write_through(f, "x");
    ag_outfile_abort(f);
    ck_assert_str_eq(listing(root), "keep.dot");
    ag_outfile_abort(NULL);
}
END_TEST

START_TEST(test_relative_path)
{
    ag_outfile *f = NULL;
    ag_error err;
    char cwd[512], *got;
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(root), 0);
    ck_assert_int_eq(ag_outfile_open("plain.txt", &f, &err), AG_OK);
    write_through(f, "here");
    ck_assert_int_eq(ag_outfile_commit(f, &err), AG_OK);
    ck_assert_int_eq(chdir(cwd), 0);
    got = tu_slurp(at("plain.txt"), NULL);
    ck_assert_str_eq(got, "here");
    free(got);
    ck_assert_str_eq(listing(root), "plain.txt");
}
END_TEST

/* The signal handler's cleanup removes every open temporary. */
START_TEST(test_cleanup_all)
{
    ag_outfile *a = NULL, *b = NULL;
    ag_error err;
    ck_assert_int_eq(ag_outfile_open(at("a.out"), &a, &err), AG_OK);
    ck_assert_int_eq(ag_outfile_open(at("b.out"), &b, &err), AG_OK);
    write_through(a, "a");
    ck_assert_str_ne(listing(root), "");
    ag_outfile_cleanup_all();
    ck_assert_str_eq(listing(root), "");
    ag_outfile_abort(a);
    ag_outfile_abort(b);
    ck_assert_str_eq(listing(root), "");
}
END_TEST

START_TEST(test_stdout)
{
    ag_outfile *f = NULL;
    ag_error err;
    ck_assert_int_eq(ag_outfile_open("-", &f, &err), AG_OK);
    ck_assert_ptr_eq(ag_outfile_stream(f), stdout);
    ck_assert_int_eq(ag_outfile_commit(f, &err), AG_OK);
    ck_assert_int_eq(ag_outfile_open("-", &f, &err), AG_OK);
    ag_outfile_abort(f);   /* never closes standard output */
    ck_assert_int_ne(fflush(stdout), EOF);
    ck_assert_str_eq(listing(root), "");
}
END_TEST

/* --- atomic writer: errors --------------------------------------------------- */

START_TEST(test_open_in_missing_directory)
{
    ag_outfile *f = (ag_outfile *)&f;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_outfile_open(at("no/such/out.txt"), &f, &err), AG_EIO);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(err.status, AG_EIO);
    ck_assert_str_eq(err.file, at("no/such/out.txt"));
    ck_assert(err.message[0] != '\0');
    ck_assert_str_eq(listing(root), "");
}
END_TEST

/* The rename fails (the target is a non-empty directory): AG_EIO, the
 * directory stays, the temporary goes. */
START_TEST(test_commit_fails)
{
    ag_outfile *f = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    mkdir_at("taken");
    put("taken/inside", "x");
    ck_assert_int_eq(ag_outfile_open(at("taken"), &f, &err), AG_OK);
    write_through(f, "data");
    ck_assert_int_eq(ag_outfile_commit(f, &err), AG_EIO);
    ck_assert_str_eq(err.file, at("taken"));
    ck_assert_str_eq(listing(root), "taken");
    ck_assert_str_eq(listing(at("taken")), "inside");
}
END_TEST

Suite *io_suite(void);
Suite *io_suite(void)
{
    Suite *s = suite_create("io");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, test_one_text_file);
    tcase_add_test(core, test_directory);
    tcase_add_test(core, test_jsonl);
    tcase_add_test(core, test_jsonl_fields);
    tcase_add_test(core, test_seq_across_inputs);
    tcase_add_test(core, test_forced_format);
    tcase_add_loop_test(core, test_commit_creates_with_mode, 0, (int)(sizeof masks / sizeof masks[0]));
    tcase_add_test(core, test_temporary_beside_target);
    tcase_add_test(core, test_abort_keeps_target);
    suite_add_tcase(s, core);

    tcase_add_checked_fixture(errors, setup, teardown);
    tcase_add_test(errors, test_missing_file);
    tcase_add_test(errors, test_no_callback);
    tcase_add_test(errors, test_max_document);
    tcase_add_test(errors, test_open_in_missing_directory);
    tcase_add_test(errors, test_commit_fails);
    suite_add_tcase(s, errors);

    tcase_add_checked_fixture(edge, setup, teardown);
    tcase_add_test(edge, test_directory_trailing_slash);
    tcase_add_test(edge, test_empty_inputs);
    tcase_add_test(edge, test_large_document);
    tcase_add_test(edge, test_relative_path);
    tcase_add_test(edge, test_cleanup_all);
    tcase_add_test(edge, test_stdout);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(io_suite());
}

/*
 * actorgraph/io.h — documents in, files out.
 *
 * The reader turns the command line's inputs into a stream of documents:
 * a file is one document (*.jsonl: one per line), a directory is read
 * recursively (*.txt and *.jsonl, in byte order of the path; symbolic links
 * to directories are followed, loops are not), "-" is standard input. Documents are read one at a time, so memory does not
 * grow with the corpus. Problems that spoil one input (an unreadable file,
 * a JSONL line that is not an object with a text field) are reported
 * through the warning callback and skipped; the run goes on. Binary
 * files and UTF-16/32 text are recognised by their first 8 KB and skipped.
 *
 * The atomic writer gives every output a temporary name beside the target
 * and renames it into place only when everything was written, flushed and
 * closed, so a failed run never leaves a half-written or clobbered file.
 */
#ifndef ACTORGRAPH_IO_H
#define ACTORGRAPH_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common.h"
#include "lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_INPUT_AUTO = 0,    /* by extension; standard input: JSONL when it starts with '{' */
    AG_INPUT_TEXT = 1,
    AG_INPUT_JSONL = 2
} ag_input_format;

typedef struct {
    ag_input_format format;
    const char *text_field;   /* "text" */
    const char *id_field;     /* "id" */
    const char *date_field;   /* "date" */
    size_t max_document;      /* bytes; larger documents are skipped with a warning */
    ag_diag_fn warn;          /* called for every skipped input; may be NULL */
    void *userdata;
} ag_reader_options;

/* 32 MiB: a book is a few MB; a document's tokens take about 6 times its size. */
#define AG_MAX_DOCUMENT_DEFAULT ((size_t)32 << 20)
#define AG_READER_OPTIONS_INIT { AG_INPUT_AUTO, "text", "id", "date", AG_MAX_DOCUMENT_DEFAULT, NULL, NULL }

typedef struct {
    const char *id;       /* *.txt: the path as given or found; JSONL: the id field, else "path:line" */
    const char *text;
    size_t len;
    const char *date;     /* NULL when absent */
    const char *source;   /* the file it came from ("-" for standard input) */
    unsigned long line;   /* JSONL line number, 0 for whole files */
    uint64_t seq;         /* 0, 1, 2, ... in input order */
} ag_document;

typedef struct {
    uint64_t files;           /* files opened */
    uint64_t documents;       /* documents produced */
    uint64_t bytes;           /* bytes of text produced */
    uint64_t input_bytes;     /* bytes read from the inputs so far (JSON and all) */
    uint64_t skipped_files;   /* unreadable or not found */
    uint64_t skipped_lines;   /* JSONL lines that are not a usable object */
    uint64_t skipped_large;   /* documents over max_document */
    uint64_t skipped_binary;  /* files that are not text (binary, UTF-16/32) */
} ag_reader_stats;

typedef struct ag_reader ag_reader;

/* A reader over inputs (borrowed until the reader is freed). An empty list
 * means standard input. */
ag_status ag_reader_new(const char *const *inputs, size_t n_inputs,
                        const ag_reader_options *opts, ag_reader **out, ag_error *err);
void ag_reader_free(ag_reader *r);

/* The next document: returns AG_OK and sets *got to 1, or to 0 at the end.
 * The document's strings live until the next call. Fatal errors only (out
 * of memory, a read error in the middle of a file); inputs that cannot be
 * used are warnings. */
ag_status ag_reader_next(ag_reader *r, ag_document *doc, int *got, ag_error *err);

const ag_reader_stats *ag_reader_stats_get(const ag_reader *r);

/* --- atomic output ------------------------------------------------------ */

typedef struct ag_outfile ag_outfile;

/* Opens a temporary file beside path ("-": standard output, written
 * directly). */
ag_status ag_outfile_open(const char *path, ag_outfile **out, ag_error *err);
FILE *ag_outfile_stream(ag_outfile *f);
/* Flushes and closes the temporary file, without renaming it: with
 * several outputs, flush them all first and rename (commit) only when all
 * succeeded. f stays open for ag_outfile_commit or ag_outfile_abort. */
ag_status ag_outfile_flush(ag_outfile *f, ag_error *err);
/* Flushes, closes (unless done) and renames the temporary file into
 * place; frees f, also on failure. */
ag_status ag_outfile_commit(ag_outfile *f, ag_error *err);
/* Removes the temporary file; frees f. NULL-safe. */
void ag_outfile_abort(ag_outfile *f);

/* Removes every temporary file still open (async-signal-safe: for a
 * SIGINT/SIGTERM handler). */
void ag_outfile_cleanup_all(void);

#ifdef __cplusplus
}
#endif

#endif

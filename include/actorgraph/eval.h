/*
 * actorgraph/eval.h — measured precision: mentions scored against
 * annotated documents.
 *
 * A gold file (format: the shared gold/README.md) names, for each annotated
 * document, the actors a careful reader finds in it, the ones that are
 * arguable (neither rewarded nor penalised), the pairs that certainly share
 * a sentence, and the traps a matcher must not fall into. An evaluator
 * takes the scanned documents one at a time, keeps those whose file name
 * (the last component of the document id) is a gold document, and counts:
 *   - a mention is taken for a gold id when, after lower-casing, folding
 *     diacritics and keeping only letters and digits (ag_gold_key), its
 *     actor's id or label equals that gold id, its label or one of its
 *     `aka` names; otherwise it stands for its own lexicon id;
 *   - true positives are gold `actors` found, false positives found actors
 *     that are neither in `actors`, `borderline` nor `demonym_only`, false
 *     negatives gold `actors` not found; `demonyms` mentions are left out;
 *   - a trap is hit by every mention (of any kind) overlapping one of the
 *     trap's occurrences and taken for its `must_not_be` (any actor when
 *     that is absent or "any actor");
 *   - a sentence pair is found when both actors have a mention in one
 *     sentence.
 * Precision and recall are micro-averaged over the gold documents (a gold
 * document missing from the inputs counts its actors as missed). These are
 * the rules of the reference scorer (`agcheck gold`) but for two details:
 * the folding is the tokenizer's, which equates a little more than Unicode
 * NFKD (ß = ss, ø = o) and a little less in compatibility characters
 * (ligatures, superscript digits); and a pair is looked for in each input
 * document's sentences, not in all inputs that share a file name at once.
 *
 * It reads no files but the gold file and prints nothing: the command
 * formats the results.
 *
 * Ownership: the gold must outlive every evaluator made from it, and the
 * lexicon too; results are borrowed from the evaluator until it is freed.
 */
#ifndef ACTORGRAPH_EVAL_H
#define ACTORGRAPH_EVAL_H

#include <stddef.h>

#include "common.h"
#include "lexicon.h"
#include "match.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_gold ag_gold;
typedef struct ag_eval ag_eval;

/* Loads a gold file. Errors name the file, line and column: AG_ESYNTAX for
 * malformed JSON (and duplicate keys), AG_ESCHEMA for a missing or
 * mistyped field, AG_ENOENT when it cannot be opened, AG_EIO, AG_ENOMEM. */
ag_status ag_gold_load_file(const char *path, ag_gold **out, ag_error *err);

/* The same from memory; `name` stands for the file in messages. */
ag_status ag_gold_load_buffer(const char *name, const char *data, size_t len, ag_gold **out, ag_error *err);

void ag_gold_free(ag_gold *g);

/* The annotated documents, in byte order of their names. */
size_t ag_gold_doc_count(const ag_gold *g);
const char *ag_gold_doc_name(const ag_gold *g, size_t i);

/* The gold id that `name` (an id, label or aka) stands for, or NULL. When
 * two gold ids claim one key, the first in the file wins. */
const char *ag_gold_lookup(const ag_gold *g, const char *name);

/* The comparison key of s: folded (diacritics stripped), lower case, only
 * letters and digits. Writes at most `size` bytes with the NUL and returns
 * the length it needs ("Recep Tayyip Erdoğan" -> "receptayyiperdogan"). */
size_t ag_gold_key(const char *s, size_t len, char *out, size_t size);

/* --- scoring ---------------------------------------------------------------- */

/* An actor found in a document: every non-demonym mention counted once. */
typedef struct {
    const char *id;          /* the gold id it is taken for, else its lexicon id */
    const char *text;        /* the surface of its first mention */
    size_t start, end;       /* that mention's byte offsets */
    ag_alias_kind kind;
    size_t mentions;         /* how many mentions it has */
    const char *doc;         /* the input document of the first mention */
} ag_eval_found;

/* A mention that fell into a trap. */
typedef struct {
    const char *trap;        /* the trap's text */
    const char *must_not_be; /* a gold id, or "any actor" */
    const char *id;          /* what the mention was taken for */
    const char *text;        /* the mention's surface */
    size_t start, end;       /* the mention's byte offsets */
    const char *doc;         /* the input document */
} ag_eval_trap_hit;

typedef struct {
    const char *a, *b;
} ag_eval_pair;

/* One gold document's results. */
typedef struct {
    const char *name;
    size_t inputs;           /* input documents scored against it (0: it was not among them) */
    size_t tp, fp, fn;
    double precision, recall, f1;   /* 0 where undefined (no found or no gold actors) */
    const ag_eval_found *false_positives;   /* sorted by id */
    size_t n_false_positives;
    const char *const *false_negatives;     /* gold ids, sorted */
    size_t n_false_negatives;
    const ag_eval_trap_hit *trap_hits;      /* in input order */
    size_t n_trap_hits;
    size_t pairs, pairs_found;
    const ag_eval_pair *missed_pairs;       /* in gold order */
    size_t n_missed_pairs;
} ag_eval_doc;

/* Every gold document together (micro-averaged). */
typedef struct {
    size_t documents;        /* gold documents */
    size_t documents_seen;   /* of them, found among the inputs */
    size_t inputs_scored;    /* input documents that matched a gold document */
    size_t tp, fp, fn, trap_hits, pairs, pairs_found;
    double precision, recall, f1, pair_recall;   /* 0 where undefined */
} ag_eval_summary;

/* An evaluator of `lex`'s mentions against `gold` (both borrowed). */
ag_status ag_eval_new(const ag_gold *gold, const ag_lexicon *lex, ag_eval **out, ag_error *err);
void ag_eval_free(ag_eval *ev);

/* Scores one scanned document: `doc_id` (its file name picks the gold
 * document), its text and the scanner's result for it. *scored (may be
 * NULL) is set to 1 when it is a gold document, 0 when it is ignored.
 * AG_EINVAL after ag_eval_finish(), AG_ENOMEM. */
ag_status ag_eval_add(ag_eval *ev, const char *doc_id, const char *text, size_t len,
                      const ag_scan_result *res, int *scored, ag_error *err);

/* Computes the results; `out` (may be NULL) receives the totals. Call once,
 * after the last document. AG_ENOMEM. */
ag_status ag_eval_finish(ag_eval *ev, ag_eval_summary *out, ag_error *err);

/* The per-document results after ag_eval_finish(), in the gold's order. */
size_t ag_eval_doc_count(const ag_eval *ev);
const ag_eval_doc *ag_eval_doc_get(const ag_eval *ev, size_t i);

#ifdef __cplusplus
}
#endif

#endif

/*
 * actorgraph/segment.h — sentences, paragraphs and all-caps text.
 *
 * Works on the tokens of one document: numbers every token's sentence and
 * paragraph, marks their first tokens, and marks tokens inside all-caps
 * text (headlines, shouted runs) so the matcher can ignore case there.
 *
 * Paragraphs end at an empty line, at a line break followed by
 * indentation, and — unless the text is hard-wrapped — at every line break.
 * Text is hard-wrapped (as wire copy is) when it has at least three lines of
 * at most AG_WRAP_LIMIT bytes, the longest at least 40, and at most one in
 * ten lines longer; there a line break ends a paragraph only after a line
 * shorter than half the longest (a headline, a paragraph's last line) or
 * longer than the limit. Sentences end at . ! ? and ellipses followed by
 * space and a capital, digit or opening quote, except after a title
 * abbreviation ("Mr."), "No." before a number, an initial ("J. R. Smith")
 * unless a function word follows, or a dotted acronym followed by a title
 * or an institution ("U.S. President", "U.S. Army"; but "the U.S. The next
 * day" and "the U.S. Russia objected" break); every paragraph break also
 * ends a sentence.
 */
#ifndef ACTORGRAPH_SEGMENT_H
#define ACTORGRAPH_SEGMENT_H

#include <stddef.h>

#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    size_t sentences;
    size_t paragraphs;
} ag_segments;

/* Sets sentence, paragraph and the AG_TF_SENT_START, AG_TF_PARA_START and
 * AG_TF_CASELESS flags of every token in t. `text` is the text t was made
 * from. Never fails. */
void ag_segment(const char *text, size_t len, ag_tokens *t, ag_segments *out);

#ifdef __cplusplus
}
#endif

#endif

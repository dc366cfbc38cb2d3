/*
 * segment.c — sentences, paragraphs and all-caps text, over tokens.
 *
 * Input: one document's tokens (with the whitespace flags the tokenizer
 * recorded). Output: every token's sentence and paragraph number, the
 * SENT_START / PARA_START flags, and the CASELESS flag on tokens inside
 * all-caps lines and runs of three or more all-caps words.
 *
 * Rules (segment.h has them all): a full stop ends a sentence
 * only before whitespace and then a capital, digit or opening quote, and
 * not after a title abbreviation ("Mr."), after "No." before a number,
 * after an initial or a dotted acronym ("J. R. Smith", "U.S. President")
 * unless a function word follows ("U.S. The next day"). Closing quotes and
 * brackets after the stop stay in the sentence. It does not match aliases.
 */
#include <string.h>

#include "actorgraph/segment.h"
#include "words.h"

static int is_terminal(const ag_token *t)
{
    return (t->flags & AG_TF_PUNCT) &&
           (t->punct == '.' || t->punct == '!' || t->punct == '?' || t->punct == 0x2026);
}

static int is_closer(const ag_token *t)
{
    return (t->flags & AG_TF_PUNCT) &&
           (t->punct == '"' || t->punct == '\'' || t->punct == ')' || t->punct == ']' ||
            t->punct == '}');
}

static int is_opener(const ag_token *t)
{
    return (t->flags & AG_TF_PUNCT) &&
           (t->punct == '"' || t->punct == '\'' || t->punct == '(' || t->punct == '[' ||
            t->punct == 0x00BF || t->punct == 0x00A1);
}

/* A word that can open a sentence: a capital, or a letter of a script
 * without case. */
static int opens(const ag_token *t)
{
    if (t->flags & AG_TF_NUMBER)
        return 1;
    if (t->flags & AG_TF_WORD)
        return (t->flags & AG_TF_UPPER_INITIAL) ||
               ((t->flags & AG_TF_NONASCII) && !(t->flags & (AG_TF_HAS_LOWER | AG_TF_ALL_UPPER)));
    return is_opener(t);
}

static int capitalised_function_word(const ag_token *t)
{
    return (t->flags & AG_TF_WORD) && (t->flags & AG_TF_UPPER_INITIAL) &&
           (ag__word_class(t->key) & AG_W_STOP);
}

/* Does a sentence end with the terminal token at j, the next sentence
 * starting at token k (the first token after the terminal run)? */
static int ends_sentence(const ag_tokens *t, size_t j, size_t k)
{
    const ag_token *next = &t->v[k];
    const ag_token *term = &t->v[j];

    if (!(next->flags & AG_TF_SPACE_BEFORE) || !opens(next))
        return 0;
    if (term->punct != '.' || j == 0)
        return 1;
    /* a single full stop right after a word: abbreviations and initials */
    {
        const ag_token *prev = &t->v[j - 1];
        int multi = j + 1 < t->n && t->v[j + 1].punct == '.' && !(t->v[j + 1].flags & AG_TF_SPACE_BEFORE);
        unsigned cls;

        if (multi || (term->flags & AG_TF_SPACE_BEFORE) || !(prev->flags & AG_TF_WORD))
            return 1;
        if (prev->flags & AG_TF_ONE_LETTER) {
            /* a dotted acronym ("U.S.", "U.K."): names of institutions and titles follow it
             * ("U.S. Army", "U.S. President"); another capitalised word starts a sentence.
             * A lone initial ("J. R. Smith") is followed by more of a name. */
            int acronym = j >= 3 && t->v[j - 2].punct == '.' && !(t->v[j - 1].flags & AG_TF_SPACE_BEFORE) &&
                          (t->v[j - 3].flags & AG_TF_ONE_LETTER) && !(t->v[j - 2].flags & AG_TF_SPACE_BEFORE);
            if (acronym && (next->flags & AG_TF_WORD) && (next->flags & AG_TF_UPPER_INITIAL) &&
                !(next->flags & AG_TF_ALL_UPPER))
                return !(ag__word_class(next->key) & (AG_W_TITLE | AG_W_INSTITUTION));
            return capitalised_function_word(next);
        }
        cls = ag__word_class(prev->key);
        if (cls & AG_W_ABBR_TITLE)
            return 0;
        if (cls & (AG_W_ABBR_NUMBER | AG_W_ABBR_MONTH))
            return !(next->flags & AG_TF_NUMBER);
        if (cls & AG_W_ABBR_END)
            return capitalised_function_word(next);
        return 1;
    }
}

/* All-caps text in the line [line, end), whose words were counted: with
 * capitals and no lower case the whole line is caseless; in a mixed line,
 * runs of three or more all-caps words are. */
static void caseless_line(ag_tokens *t, size_t line, size_t end, size_t lower, size_t upper)
{
    if (upper >= 1 && lower == 0) {
        for (size_t i = line; i < end; i++)
            t->v[i].flags |= AG_TF_CASELESS;
    } else if (upper >= 3) {
        size_t i = line;
        while (i < end) {
            size_t j = i, words = 0, last = i;
            while (j < end) {
                const ag_token *x = &t->v[j];
                if (x->flags & AG_TF_WORD) {
                    if (!(x->flags & AG_TF_ALL_UPPER))
                        break;
                    if (x->end - x->start >= 2)
                        words++;
                    last = j;
                }
                j++;
            }
            if (words >= 3)
                for (size_t m = i; m <= last; m++)
                    t->v[m].flags |= AG_TF_CASELESS;
            i = j + 1;
        }
    }
}

void ag_segment(const char *text, size_t len, ag_tokens *t, ag_segments *out)
{
    size_t wrapped_lines = t->lines - t->long_lines;
    int wrapped = wrapped_lines >= 3 && t->max_line >= 40 &&
                  (t->long_lines <= 1 || t->long_lines * 10 <= t->lines);
    uint32_t sent = 0, para = 0;
    size_t boundary = 0;    /* a sentence starts at this token (0: none pending) */
    size_t run_end = 0;     /* tokens before this belong to a terminal run already judged */
    size_t line_first = 0;  /* first token of the current line */
    size_t lower = 0, upper = 0;   /* words of the current line with lower case, all in capitals */

    (void)text;
    (void)len;
    memset(out, 0, sizeof *out);
    if (t->n == 0)
        return;

    for (size_t i = 0; i < t->n; i++) {
        ag_token *x = &t->v[i];
        uint32_t f = x->flags & ~(AG_TF_SENT_START | AG_TF_PARA_START | AG_TF_CASELESS);
        int para_break = i == 0 || (f & (AG_TF_BLANKLINE_BEFORE | AG_TF_INDENT_BEFORE));

        if (!para_break && (f & AG_TF_NEWLINE_BEFORE)) {
            if (!wrapped) {
                para_break = 1;
            } else {
                /* in wrapped text only a short or overlong line ends a paragraph */
                size_t prev_len = t->v[i - 1].end - t->v[line_first].start;
                para_break = prev_len * 2 < t->max_line || prev_len > AG_WRAP_LIMIT;
            }
        }
        if ((f & AG_TF_NEWLINE_BEFORE) && i > 0) {
            if (upper)
                caseless_line(t, line_first, i, lower, upper);
            lower = upper = 0;
            line_first = i;
        }
        /* (branch-free: every token is counted) */
        lower += (f & (AG_TF_WORD | AG_TF_HAS_LOWER)) == (AG_TF_WORD | AG_TF_HAS_LOWER);
        upper += ((f & (AG_TF_WORD | AG_TF_HAS_LOWER | AG_TF_ALL_UPPER)) == (AG_TF_WORD | AG_TF_ALL_UPPER)) &
                 (x->end - x->start >= 2);

        if (i > 0 && para_break) {
            para++;
            sent++;
        } else if (i > 0 && boundary == i) {
            sent++;
        }
        if (para_break)
            f |= AG_TF_PARA_START | AG_TF_SENT_START;
        else if (boundary == i && i > 0)
            f |= AG_TF_SENT_START;
        x->flags = f;
        x->sentence = sent;
        x->paragraph = para;

        if (is_terminal(x) && i >= run_end) {
            size_t k = i + 1;
            while (k < t->n && !(t->v[k].flags & AG_TF_SPACE_BEFORE) &&
                   (is_terminal(&t->v[k]) || is_closer(&t->v[k])))
                k++;
            run_end = k;
            if (k < t->n && ends_sentence(t, i, k))
                boundary = k;
        }
    }
    if (upper)
        caseless_line(t, line_first, t->n, lower, upper);
    t->v[0].flags |= AG_TF_SENT_START | AG_TF_PARA_START;
    out->sentences = (size_t)sent + 1;
    out->paragraphs = (size_t)para + 1;
}

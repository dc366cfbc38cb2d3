/*
 * resolve.c — from candidates to mentions, with the document's context.
 *
 * Input: the leftmost-longest candidates of one document (match.c), in
 * text order. Output: mentions and unresolved short names. The rules, in
 * the order they apply to each candidate:
 *   - blockers and media outlets ("Kyiv Post", "Times of Israel") are no
 *     actor;
 *   - a one-word name that is also a given name ("Chad", "Jordan") followed
 *     by a capitalised surname is somebody's name;
 *   - a metonym after a locative preposition or a verb of motion ("fled
 *     Baku"), or with a place cue ("Baku-based", "a London consultancy"),
 *     names a place;
 *   - a short name goes to the owner whose full name came most recently,
 *     else to the short_default owner, else nowhere; after a given name
 *     ("Alekper Aliyev") it is somebody else's and takes the surname;
 *   - what is left and whose kind is wanted becomes a mention.
 * It reads the word lists of words.c; it never looks at the raw lexicon.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "match_internal.h"
#include "words.h"

typedef struct {
    const ag_token *v;
    uint32_t n;
    const char *text;
} toks;

static int is_word(const toks *t, long i)
{
    return i >= 0 && (uint32_t)i < t->n && (t->v[i].flags & AG_TF_WORD);
}

static int word_in(const toks *t, long i, unsigned cls)
{
    return is_word(t, i) && (ag__word_class(t->v[i].key) & cls);
}

static int word_is(const toks *t, long i, const char *w)
{
    return is_word(t, i) && t->v[i].key == ag__key(w);
}

static int punct_is(const toks *t, long i, uint32_t cp)
{
    return i >= 0 && (uint32_t)i < t->n && (t->v[i].flags & AG_TF_PUNCT) && t->v[i].punct == cp;
}

/* Token i continues the sentence of token i-1 (spaces and the soft line
 * breaks of wrapped text allowed). */
static int same_line(const toks *t, long i)
{
    return i >= 0 && (uint32_t)i < t->n && !(t->v[i].flags & (AG_TF_PARA_START | AG_TF_SENT_START));
}

static int glued(const toks *t, long i)
{
    return same_line(t, i) && !(t->v[i].flags & AG_TF_SPACE_BEFORE);
}

/* "Moscow's", "Baku’s": the place owns something, so it acts. */
static int possessive_after(const toks *t, long e)
{
    return punct_is(t, e, '\'') && glued(t, e) && word_is(t, e + 1, "s") && glued(t, e + 1);
}

/* A capitalised word that can be a given name: not a title, a function
 * word, a weekday or month, and in mixed-case text. */
static int given_name_like(const toks *t, long i)
{
    const ag_token *x;
    if (!is_word(t, i))
        return 0;
    x = &t->v[i];
    if (!(x->flags & AG_TF_UPPER_INITIAL) || (x->flags & AG_TF_CASELESS))
        return 0;
    if (ag__word_class(x->key) & (AG_W_STOP | AG_W_TITLE | AG_W_TIME))
        return 0;
    /* a sentence-opening adverb ("Separately Aliyev said") */
    if ((x->flags & AG_TF_SENT_START) && x->end - x->start >= 6 && !(x->flags & AG_TF_NONASCII) &&
        !(ag__word_class(x->key) & AG_W_NAME_LY))
        return !(t->text[x->end - 2] == 'l' && t->text[x->end - 1] == 'y');
    return 1;
}

/* Is the metonym at [b, e) a place rather than the government? */
static int names_a_place(const toks *t, long b, long e)
{
    long p = b - 1;

    if (possessive_after(t, e))
        return 0;
    if (word_is(t, p, "the") && same_line(t, b))
        p--;
    if (p >= 0 && same_line(t, p + 1)) {
        if (word_in(t, p, AG_W_LOCATIVE | AG_W_MOTION))
            return 1;
        if ((word_is(t, p, "on") || word_is(t, p, "over") || word_is(t, p, "against")) &&
            word_in(t, p - 1, AG_W_ATTACK))
            return 1;
        if (word_is(t, p, "of") && word_in(t, p - 1, AG_W_PLACE_NOUN))
            return 1;
    }
    if (punct_is(t, e, '-') && glued(t, e) && word_is(t, e + 1, "based"))
        return 1;
    /* "a London consultancy", "an Ankara court": the place describes a noun,
       unless the noun is the government's own ("a Kremlin official") or a
       compound makes the place act ("a Moscow-backed group") */
    if ((word_is(t, b - 1, "a") || word_is(t, b - 1, "an")) && same_line(t, b) &&
        !(punct_is(t, e, '-') && glued(t, e)) && !(same_line(t, e) && word_in(t, e, AG_W_GOV_NOUN)))
        return 1;
    if (same_line(t, e) && word_in(t, e, AG_W_PLACE_NOUN))
        return 1;
    if (same_line(t, e) && word_in(t, e, AG_W_COPULA)) {
        long k = e + 1;
        int skipped = 0;
        while (skipped < 4 && same_line(t, k) && word_in(t, k, AG_W_FILLER | AG_W_COPULA)) {
            k++;
            skipped++;
        }
        if (same_line(t, k) && word_in(t, k, AG_W_HIT))
            return 1;
    }
    return 0;
}

/* "Kyiv Post", "Turkey Unpacked", "The Times of Israel", "Voice of America". */
static int inside_outlet_name(const toks *t, long b, long e)
{
    if (same_line(t, e) && is_word(t, e) && (t->v[e].flags & AG_TF_UPPER_INITIAL) &&
        !(t->v[e].flags & AG_TF_CASELESS) && word_in(t, e, AG_W_OUTLET))
        return 1;
    if (word_is(t, b - 1, "of") && same_line(t, b) && same_line(t, b - 1) && is_word(t, b - 2) &&
        (t->v[b - 2].flags & AG_TF_UPPER_INITIAL) && word_in(t, b - 2, AG_W_OUTLET_HEAD))
        return 1;
    return 0;
}

/* "Chad Smith", "Jordan Bardella", "Chad Harris": a one-word place name
 * that is also a given name, followed by a capitalised word that is not
 * itself an alias, or is one only as somebody's surname (a short name). */
static int given_name_before_surname(const ag_scanner *s, const toks *t, const ag_candidate *c,
                                     const ag_candidate *next)
{
    if (c->end - c->begin != 1 || !word_in(t, c->begin, AG_W_GIVEN))
        return 0;
    if (next && next->begin == c->end && next->kind != AG_KIND_SHORT)
        return 0;   /* "The Chad Sudan border": two places; "Chad Harris": a surname follows */
    (void)s;
    return same_line(t, c->end) && given_name_like(t, c->end) && !(t->v[c->end].flags & AG_TF_ALL_UPPER) &&
           !word_in(t, c->end, AG_W_INSTITUTION | AG_W_PLACE_NOUN);
}

/* "Alekper Aliyev", "Aaron David Miller", "Aaron D. Miller", "Hafez al-Assad":
 * the short name at b is directly preceded by a given name. */
static int after_given_name(const toks *t, long b, const ag_candidate *prev)
{
    long p = b - 1;

    if (!same_line(t, b))
        return 0;
    if (t->v[b].flags & AG_TF_CASELESS)
        return 0;
    /* skip name particles: "al-", "de", "van der" */
    while (p >= 0 && same_line(t, p + 1)) {
        if (punct_is(t, p, '-') && word_in(t, p - 1, AG_W_PARTICLE) && !(t->v[p - 1].flags & AG_TF_UPPER_INITIAL)) {
            p -= 2;
        } else if (word_in(t, p, AG_W_PARTICLE) && !(t->v[p].flags & AG_TF_UPPER_INITIAL)) {
            p--;
        } else {
            break;
        }
    }
    if (p < 0 || !same_line(t, p + 1))
        return 0;
    if (prev && prev->end > (uint32_t)p)   /* the word before is itself a mention ("Russian Putin") */
        return 0;
    /* an initial: "D. Miller" */
    if (punct_is(t, p, '.') && glued(t, p) && is_word(t, p - 1) && t->v[p - 1].end - t->v[p - 1].start == 1 &&
        (t->v[p - 1].flags & AG_TF_UPPER_INITIAL)) {
        const ag_token *x = &t->v[p - 1];
        (void)x;
        return !word_in(t, p - 1, AG_W_TITLE);
    }
    return given_name_like(t, p);
}

static int emit(ag_scanner *s, const ag_candidate *c, uint32_t actor, uint32_t alias)
{
    ag_mention *m;
    const ag_token *b = &s->toks.v[c->begin], *e = &s->toks.v[c->end - 1];

    if (!(s->opts.kinds & (1u << c->kind)))
        return 0;
    if (s->n_mentions == s->cap_mentions &&
        ag__grow((void **)&s->mentions, &s->cap_mentions, s->n_mentions + 1, sizeof *s->mentions) != 0)
        return -1;
    m = &s->mentions[s->n_mentions++];
    m->actor = actor;
    m->alias = alias;
    m->kind = (ag_alias_kind)c->kind;
    m->start = b->start;
    m->end = e->end;
    m->token = c->begin;
    m->token_end = c->end;
    m->sentence = b->sentence;
    m->paragraph = b->paragraph;
    return 0;
}

static int unresolved(ag_scanner *s, const ag_candidate *c)
{
    ag_unresolved *u;
    if (s->n_unresolved == s->cap_unresolved &&
        ag__grow((void **)&s->unresolved, &s->cap_unresolved, s->n_unresolved + 1, sizeof *s->unresolved) != 0)
        return -1;
    u = &s->unresolved[s->n_unresolved++];
    u->alias = c->alias;
    u->start = s->toks.v[c->begin].start;
    u->end = s->toks.v[c->end - 1].end;
    return 0;
}

/* The owner of a short name at candidate ordinal `pos`, or AG_NONE. */
static uint32_t resolve_short(ag_scanner *s, const ag_candidate *c, uint32_t pos, uint32_t *alias_out)
{
    const ag_index *ix = s->ix;
    const ag_node *nd = &ix->nodes[c->node];
    uint32_t best = AG_NONE, best_alias = AG_NONE, best_pos = 0, dflt = AG_NONE, dflt_alias = AG_NONE;
    uint32_t taken = s->taken_stamp[c->node] == s->stamp ? s->taken_pos[c->node] : 0;

    (void)pos;
    for (uint32_t k = 0; k < nd->term_count; k++) {
        uint32_t a = ix->terms[nd->term_start + k];
        const ag_alias *al = &s->lex->aliases[a];
        uint32_t actor = (uint32_t)al->actor;
        if (al->kind != AG_KIND_SHORT || !ag__alias_case_ok(s, a, c->begin, c->end))
            continue;
        if (s->full_stamp[actor] == s->stamp && s->full_pos[actor] > best_pos) {
            best = actor;
            best_alias = a;
            best_pos = s->full_pos[actor];
        }
        if (dflt == AG_NONE && s->lex->actors[actor].short_default) {
            dflt = actor;
            dflt_alias = a;
        }
    }
    if (best != AG_NONE && best_pos > taken) {
        *alias_out = best_alias;
        return best;
    }
    if (taken)
        return AG_NONE;     /* the surname belongs to somebody introduced after them */
    *alias_out = dflt_alias;
    return dflt;
}

ag_status ag__resolve(ag_scanner *s, ag_error *err)
{
    toks t;
    uint32_t given_end = AG_NONE;   /* end of the last place name taken for a given name */
    t.v = s->toks.v;
    t.n = (uint32_t)s->toks.n;
    t.text = s->text;

    for (size_t i = 0; i < s->n_cands; i++) {
        const ag_candidate *c = &s->cands[i];
        const ag_candidate *prev = i ? &s->cands[i - 1] : NULL;
        const ag_candidate *next = i + 1 < s->n_cands ? &s->cands[i + 1] : NULL;
        uint32_t pos = (uint32_t)i + 1;
        uint32_t actor = (uint32_t)s->lex->aliases[c->alias].actor;
        uint32_t alias = c->alias;
        int rc = 0;

        if (c->kind == AG_KIND_BLOCKER) {
            s->result.blocked++;
            continue;
        }
        if (c->kind != AG_KIND_SHORT && inside_outlet_name(&t, c->begin, c->end)) {
            s->result.blocked++;
            continue;
        }
        switch (c->kind) {
        case AG_KIND_NAME:
        case AG_KIND_PATTERN:
            if (given_name_before_surname(s, &t, c, next)) {
                s->result.guarded++;
                given_end = c->end;
                continue;
            }
            s->full_stamp[actor] = s->stamp;
            s->full_pos[actor] = pos;
            rc = emit(s, c, actor, alias);
            break;
        case AG_KIND_METONYM:
            if (given_name_before_surname(s, &t, c, next)) {
                s->result.guarded++;
                given_end = c->end;
                continue;
            }
            if (!s->opts.metonym_places && names_a_place(&t, c->begin, c->end)) {
                s->result.places++;
                continue;
            }
            rc = emit(s, c, actor, alias);
            break;
        case AG_KIND_DEMONYM:
            rc = emit(s, c, actor, alias);
            break;
        case AG_KIND_SHORT:
            if (c->begin == given_end || after_given_name(&t, c->begin, prev)) {
                s->taken_stamp[c->node] = s->stamp;
                s->taken_pos[c->node] = pos;
                s->result.guarded++;
                continue;
            }
            actor = resolve_short(s, c, pos, &alias);
            rc = actor == AG_NONE ? unresolved(s, c) : emit(s, c, actor, alias);
            break;
        default:
            break;
        }
        if (rc != 0)
            return ag__fail(err, AG_ENOMEM, "out of memory resolving mentions");
    }
    return AG_OK;
}

/*
 * words.h — the small closed word lists the segmenter and the resolver
 * consult: abbreviations, sentence-opening function words, titles,
 * locative prepositions and place cues. Looked up by token key (the hash of
 * the folded lower-case word), so a check costs one binary search.
 */
#ifndef AG_WORDS_H
#define AG_WORDS_H

#include <stdint.h>

enum {
    AG_W_STOP = 1u << 0,        /* function word: opens sentences, never a given name */
    AG_W_TITLE = 1u << 1,       /* title or office word before a name ("President", "Mr") */
    AG_W_LOCATIVE = 1u << 2,    /* preposition after which a capital names a place */
    AG_W_PLACE_NOUN = 1u << 3,  /* noun after a capital that makes it a place ("Moscow airport") */
    AG_W_COPULA = 1u << 4,      /* was, were, is ... */
    AG_W_HIT = 1u << 5,         /* what happens to a place ("targeted", "shelled", "target") */
    AG_W_ATTACK = 1u << 6,      /* noun before "on X" that makes X a place ("strikes on Kyiv") */
    AG_W_FILLER = 1u << 7,      /* determiners and adjectives skipped after a copula */
    AG_W_ABBR_TITLE = 1u << 8,  /* "Mr." "Dr." "St.": never end a sentence */
    AG_W_ABBR_NUMBER = 1u << 9, /* "No." "Art.": no break before a number */
    AG_W_ABBR_MONTH = 1u << 10, /* "Jan.": no break before a number */
    AG_W_ABBR_END = 1u << 11,   /* "Inc." "etc.": break only before a function word */
    AG_W_TIME = 1u << 12,       /* weekdays and months: capitalised, never given names */
    AG_W_OUTLET = 1u << 13,     /* word after a name that makes it a media outlet ("Kyiv Post") */
    AG_W_OUTLET_HEAD = 1u << 14,/* word before "of NAME" that makes an outlet ("Times of Israel") */
    AG_W_GIVEN = 1u << 15,      /* place names that are also given names ("Chad", "Jordan") */
    AG_W_PARTICLE = 1u << 16,   /* name particles between given name and surname ("al", "de") */
    AG_W_INSTITUTION = 1u << 17,/* after a state's name: its institution, not a surname ("Israel Police") */
    AG_W_NAME_LY = 1u << 18,    /* given names that look like adverbs ("Beverly", "Kimberly") */
    AG_W_GOV_NOUN = 1u << 19,   /* after "a" + capital: the government's own ("a Kremlin official") */
    AG_W_MOTION = 1u << 20      /* verb whose object is a place ("fled Baku", "visited Moscow") */
};

/* The key of a word (as ag_token_key computes it), for comparisons with
 * single known words ("s", "of", "based"). */
uint64_t ag__key(const char *word);

/* The AG_W_* classes of the word whose token key is `key` (0 when none). */
unsigned ag__word_class(uint64_t key);

#endif

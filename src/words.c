/*
 * words.c — the closed word lists of words.h, as data. Keys are computed
 * once (pthread_once) with the tokenizer's own hash into a small hash table.
 * Lists are English: news in other languages needs lists of its own.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/text.h"
#include "words.h"

typedef struct {
    unsigned cls;
    const char *words;   /* space-separated, lower case */
} word_list;

static const word_list lists[] = {
    { AG_W_STOP,
      "the a an in on at it its he she they we i you this that these those there their his her "
      "our my your but and or nor so yet if when whenever while as after before since although "
      "though however meanwhile moreover furthermore also then now still some many most both each "
      "every all no not one two three what who whom whose why how where which for from by with "
      "without under over to of into last next earlier later today yesterday tomorrow tonight "
      "during despite instead such other another even only just unlike like until unless because "
      "whether once perhaps indeed thus hence nevertheless nonetheless otherwise again already here "
      "asked says said according following amid among between against toward towards upon about "
      "above below across along around behind beyond near through throughout within did does do is "
      "was were are has had have will would can could should may might must let dear yes neither "
      "either whereas wherever same more less few several any much very first second third new "
      "both than while whilst sources critics analysts officials observers experts supporters "
      "afterwards afterward besides overall instead elsewhere regardless nor thus therefore hence "
      "separately additionally ultimately initially finally eventually instead" },
    { AG_W_TITLE,
      "mr mrs ms miss mx dr prof professor sir dame lord lady president presidents vice premier "
      "prime minister ministers chancellor secretary general gen lt lieutenant col colonel maj major "
      "capt captain cmdr commander adm admiral sgt sergeant marshal field brigadier senator sen rep "
      "representative congressman congresswoman governor gov mayor king queen prince princess crown "
      "emir sheikh sultan shah ayatollah imam pope patriarch cardinal bishop archbishop rabbi "
      "ambassador envoy spokesman spokeswoman spokesperson speaker chairman chairwoman chair chief "
      "director commissioner judge justice deputy foreign defence defense interior finance economy "
      "trade energy security national state leader head supreme acting former late then ex "
      "incumbent outgoing incoming comrade citizen herr frau monsieur madame mme mlle senor sr "
      "attorney counsel officer agent inspector superintendent mp mep high special assistant "
      "undersecretary under elect official strongman dictator autocrat opposition rival challenger "
      "candidate nominee whip caliph tsar czar emperor empress generalissimo hon rev" },
    { AG_W_LOCATIVE,
      "in at to from near into inside outside around across toward towards via through throughout "
      "within onto off past beyond nearby en" },
    { AG_W_PLACE_NOUN,
      "based residents resident streets airport airports mayor city outskirts suburbs suburb metro "
      "subway marathon time region oblast province district districts skyline hotel hotels "
      "university stock bureau correspondent correspondents office offices embassy consulate "
      "skies sky neighbourhood neighborhood centre center downtown citizens people river port "
      "station zoo museum theatre theater cathedral square" },
    { AG_W_COPULA, "was were is are be been being became becomes remains remained" },
    { AG_W_HIT,
      "hit hits targeted target targets attacked shelled bombed struck rocked shaken pounded "
      "plunged blacked evacuated flooded besieged encircled captured liberated occupied surrounded "
      "scene site venue host hosts shelling bombing" },
    { AG_W_ATTACK,
      "attack attacks strike strikes assault assaults offensive raid raids bombing bombings "
      "shelling march advance drones missiles rockets airstrike airstrikes bombardment" },
    { AG_W_FILLER,
      "the a an main primary biggest largest latest first key principal chief main only also "
      "again once repeatedly heavily largely" },
    { AG_W_ABBR_TITLE,
      "mr mrs ms mx dr prof st sr jr gen gens lt col capt cpt sgt maj adm gov sen sens rep reps "
      "rev hon pres supt insp messrs mme mlle mt ft cmdr brig cpl pvt fr ste vs v" },
    { AG_W_ABBR_NUMBER, "no nos nr art arts vol vols fig figs p pp ch sec para op tel ca approx est" },
    { AG_W_ABBR_MONTH, "jan feb mar apr jun jul aug sep sept oct nov dec" },
    { AG_W_ABBR_END, "inc ltd co corp plc llc etc al bros dept govt intl assn univ ave blvd rd" },
    { AG_W_TIME,
      "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
      "july august september october november december christmas easter ramadan eid" },
    { AG_W_OUTLET,
      "times post daily today tribune herald journal news gazette telegraph observer independent "
      "express mirror standard chronicle unpacked dispatch monitor review weekly insider eye radio tv "
      "television broadcasting airlines airways international" },
    { AG_W_OUTLET_HEAD, "times voice radio" },
    { AG_W_GIVEN, "chad jordan israel georgia india paris victoria sydney austin florence santiago" },
    { AG_W_NAME_LY, "beverly kimberly shelly charly presley bradly stanly" },
    { AG_W_GOV_NOUN,
      "official officials spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers "
      "advisor advisors source sources statement statements readout envoy envoys delegation delegations "
      "decision position policy proposal proposals insider insiders memo briefing negotiator negotiators "
      "diplomat diplomats minister ministers ministry government administration leadership regime ally "
      "allies demand demands request offer plan critic critics opponent opponents foe foes loyalist "
      "loyalists crony cronies mouthpiece proxy proxies puppet backer backers" },
    { AG_W_MOTION,
      "fled flee flees fleeing visited visit visits visiting toured tour tours touring reached reach "
      "reaches reaching left leave leaves leaving entered enter enters entering evacuated evacuate "
      "evacuates evacuating" },
    { AG_W_PARTICLE, "al el ul bin ibn abu de del della van von der den di da du le la ter ten dos das bint ben" },
    { AG_W_INSTITUTION,
      "police army navy government cabinet parliament ministry ministries embassy military forces court "
      "courts authorities authority administration council senate congress assembly guard guards "
      "intelligence customs treasury bank central embassy embassies marines marine coast navy air "
      "department departments agency forces troops officials diplomats envoy delegation dollar dollars "
      "economy census supreme federal attorney district states" },
};

typedef struct {
    uint64_t key;
    unsigned cls;
} entry;

/* An open-addressing table, a quarter full: most lookups are one probe
 * into a slot that is empty (the word is in no list). */
#define SLOTS 4096

static entry *table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static size_t slot_of(uint64_t key)
{
    return (size_t)(key ^ (key >> 29)) & (SLOTS - 1);
}

static void add(entry *t, uint64_t key, unsigned cls)
{
    size_t j = slot_of(key);
    while (t[j].key && t[j].key != key)
        j = (j + 1) & (SLOTS - 1);
    t[j].key = key;
    t[j].cls |= cls;   /* one word may be in several lists */
}

static void build(void)
{
    entry *t = (entry *)calloc(SLOTS, sizeof *t);
    size_t n = 0;

    if (!t)
        return;   /* lookups then find nothing: rules fall back to the plain cases */
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const char *w = lists[i].words;
        while (*w) {
            size_t len = strcspn(w, " ");
            if (len && ++n < SLOTS / 2)
                add(t, ag_token_key(w, len), lists[i].cls);
            w += len;
            while (*w == ' ')
                w++;
        }
    }
    table = t;
}

uint64_t ag__key(const char *word)
{
    return ag_token_key(word, strlen(word));
}

unsigned ag__word_class(uint64_t key)
{
    size_t j;
    pthread_once(&once, build);
    if (!table || !key)
        return 0;
    for (j = slot_of(key); table[j].key; j = (j + 1) & (SLOTS - 1))
        if (table[j].key == key)
            return table[j].cls;
    return 0;
}

/*
 * words.c — the closed word lists of words.h, as data. Keys are computed
 * once (pthread_once) with the tokenizer's own hash, sorted, and searched.
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

static entry *table;
static size_t table_n;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const entry *)a)->key, y = ((const entry *)b)->key;
    return x < y ? -1 : x > y;
}

static void build(void)
{
    size_t cap = 0, n = 0;
    entry *t;

    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const char *w = lists[i].words;
        for (; *w; w++)
            if (*w == ' ')
                cap++;
        cap++;
    }
    t = (entry *)malloc(cap * sizeof *t);
    if (!t)
        return;   /* lookups then find nothing: rules fall back to the plain cases */
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const char *w = lists[i].words;
        while (*w) {
            size_t len = strcspn(w, " ");
            if (len) {
                t[n].key = ag_token_key(w, len);
                t[n].cls = lists[i].cls;
                n++;
            }
            w += len;
            while (*w == ' ')
                w++;
        }
    }
    qsort(t, n, sizeof *t, by_key);
    /* merge duplicates: one word may be in several lists */
    {
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (m && t[m - 1].key == t[i].key)
                t[m - 1].cls |= t[i].cls;
            else
                t[m++] = t[i];
        }
        n = m;
    }
    table = t;
    table_n = n;
}

uint64_t ag__key(const char *word)
{
    return ag_token_key(word, strlen(word));
}

unsigned ag__word_class(uint64_t key)
{
    size_t lo = 0, hi;

    pthread_once(&once, build);
    hi = table_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < table_n && table[lo].key == key ? table[lo].cls : 0;
}

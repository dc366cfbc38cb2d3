#!/usr/bin/env bash
# `actorgraph lexicon import --from petrarch`: converts the invented
# dictionaries of tests/data/import (the exact output of small.actors.txt,
# every quirk of quirks.actors.txt), checks that the result passes
# `lexicon check` and finds mentions, that errors name file:line:col and
# leave an existing output untouched, and the usage errors. When the
# shared Phoenix dictionaries are there, it also converts the three
# Phoenix actor files and prints the counts.
. "$(dirname "$0")/lib.sh"

IMPORT_DATA=$AG_TEST_DATA/import
cd "$IMPORT_DATA" || exit 1

# --- the small dictionary: exact output, stdout, summary ------------------------------
run 0 "$AG_BIN" lexicon import --from petrarch -o "$T/small.json" small.actors.txt
same "$T/small.json" small.expected.json "small.actors.txt converts to small.expected.json"
has "$T/err" '^actorgraph: imported 1 file: 4 actors \(2 states, 1 orgs, 1 leaders\), 11 aliases \(9 names, 1 short, 1 not\); 0 duplicates dropped, 0 lines skipped, 0 warnings$' \
    "a one-line summary on stderr"
equals "$(wc -l <"$T/err")" 1 "nothing else on stderr"
run 0 "$AG_BIN" lexicon import --from petrarch -o - small.actors.txt
same "$T/out" small.expected.json "-o - writes the same to standard output"
run 0 "$AG_BIN" lexicon import --from=petrarch small.actors.txt
same "$T/out" small.expected.json "without -o: standard output"
run 0 "$AG_BIN" lexicon import -q --from petrarch --name phoenix -o "$T/named.json" small.actors.txt
equals "$(cat "$T/err")" "" "-q: silent"
has "$T/named.json" '^  "lexicon": "phoenix",$' "--name sets the lexicon's name"
run 0 "$AG_BIN" lexicon check "$T/small.json"
has "$T/out" '^0 errors, 0 warnings; 4 actors, 11 aliases$' "the small lexicon passes lexicon check"

# --- every quirk, two files ------------------------------------------------------------
run 0 "$AG_BIN" lexicon import --from petrarch -o "$T/quirks.json" quirks.actors.txt second.actors.txt
has "$T/err" 'imported 2 files: 20 actors \(2 states, 6 orgs, 12 leaders\), 51 aliases \(47 names, 2 short, 2 not\); 3 duplicates dropped' \
    "quirks: the summary counts"
has "$T/err" '^actorgraph: warning: quirks\.actors\.txt:42:7: control byte 0x1A removed$' "quirks: a control byte, file:line:col"
has "$T/err" '^actorgraph: warning: quirks\.actors\.txt:47:11: "201005011" is not a date' "quirks: a bad date, file:line:col"
has "$T/err" '^actorgraph: warning: quirks\.actors\.txt:74:1: phrase "May 15" is made of common words only; skipped$' \
    "quirks: a phrase that names nobody"
run 0 "$AG_BIN" lexicon check "$T/quirks.json"
has "$T/out" '^0 errors, 0 warnings; 20 actors, 51 aliases$' "quirks: the lexicon passes lexicon check"
has "$T/quirks.json" '"id": "FRD", "label": "Freedonia", "type": "state", "names": \["Freedonia", "Freedonian", "FR", "Taioana", "Tawiana", "New Freedonia City", "Freedonia \(North\)"\], "not": \["Freedonia Bay"\]' \
    "quirks: synonyms, two on one line, a blocker"
has "$T/quirks.json" '"id": "rufus-t-firefly", .*"roles": \[\{"title": "FRDELI", "from": "1931-01-01", "to": "1933-06-30"\}, \{"title": "FRDGOV", "from": "1933-07-01"\}' \
    "quirks: several codes on one line become roles"
has "$T/quirks.json" '"id": "trentino-de-la-vega", .*\{"title": "SYLGOV", "from": "1935-01-01"\}' "quirks: '> DATE' with a blank"
has "$T/quirks.json" '"id": "karl-zzweig"' "quirks: the control byte is gone from the name"
has "$T/quirks.json" '"names": \["Jürgen Königsberg"\]' "quirks: non-ASCII names keep their letters"
lacks "$T/quirks.json" 'Secretary of State|"May 15"|"B"' "quirks: no phrase that names nobody"
lacks "$T/quirks.json" 'LOST|Lost Entry' "quirks: the entry without a code is not there"

# the imported lexicon at work
printf 'President Firefly of Freedonia met NARO officials.\nThe Freedonia Bay fleet sailed.\n' >"$T/news.txt"
run 0 "$AG_BIN" mentions -l "$T/quirks.json" "$T/news.txt"
equals "$(grep -o '"actor":"[^"]*","label":"[^"]*","kind":"[a-z]*","text":"[^"]*"' "$T/out" | tr '\n' ' ')" \
    '"actor":"rufus-t-firefly","label":"Rufus T. Firefly","kind":"names","text":"President Firefly" "actor":"FRD","label":"Freedonia","kind":"names","text":"Freedonia" "actor":"IGONRO","label":"North Atlantic River Organization","kind":"names","text":"NARO" ' \
    "mentions with the imported lexicon (the blocker keeps 'Freedonia Bay' out)"

# --- errors: file:line:col, nothing written, an existing output untouched -----------
printf 'an earlier lexicon\n' >"$T/keep.json"
run 1 "$AG_BIN" lexicon import --from petrarch -o "$T/keep.json" small.actors.txt broken.actors.txt
has "$T/err" '^actorgraph: broken\.actors\.txt:3:14: unterminated code: "\[" without "\]"$' "an unterminated code: file:line:col"
equals "$(cat "$T/keep.json")" "an earlier lexicon" "a failed import leaves the output untouched"
equals "$(find "$T" -name '.keep.json*' | wc -l)" 0 "and no temporary file"
run 1 "$AG_BIN" lexicon import --from petrarch -o "$T/none.json" no-such.actors.txt
has "$T/err" 'no-such\.actors\.txt' "a missing dictionary is named"
[ ! -e "$T/none.json" ] || fail "a failed import writes nothing"
run 2 "$AG_BIN" lexicon import --from petrarch -o "$T/no/such/dir/x.json" small.actors.txt
has "$T/err" 'x\.json' "an output that cannot be created: exit 2, named"

# --- usage -------------------------------------------------------------------------------
run 1 "$AG_BIN" lexicon import small.actors.txt
has "$T/err" '--from is required' "--from is required"
run 1 "$AG_BIN" lexicon import --from tabular small.actors.txt
has "$T/err" "unknown format 'tabular'" "an unknown format is named"
run 1 "$AG_BIN" lexicon import --from petrarch
has "$T/err" 'no dictionary to import' "no input"
run 0 "$AG_BIN" lexicon import --help
has "$T/out" 'lexicon import --from petrarch' "lexicon import --help shows the usage"
has "$T/out" '^ +--from FORMAT' "--help documents --from"

# --- the Phoenix dictionaries, when the shared material is there ----------------------
PHOENIX=$AG_SHARED_DIR/data/phoenix-dictionaries
if [ -f "$PHOENIX/Phoenix.Countries.actors.txt" ]; then
    start=$(date +%s.%N)
    run 0 "$AG_BIN" lexicon import --from petrarch -o "$T/phoenix.json" "$PHOENIX/Phoenix.Countries.actors.txt" \
        "$PHOENIX/Phoenix.International.actors.txt" "$PHOENIX/Phoenix.MilNonState.actors.txt"
    end=$(date +%s.%N)
    echo "phoenix: $(tail -1 "$T/err" | sed 's/^actorgraph: //') in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s"
    run 0 "$AG_BIN" lexicon check "$T/phoenix.json"
    has "$T/out" '^0 errors, 0 warnings; ' "phoenix: the lexicon passes lexicon check"
    echo "phoenix: lexicon check: $(tail -1 "$T/out")"
    run 0 "$AG_BIN" lexicon stats --format json "$T/phoenix.json"
    echo "phoenix: $(cat "$T/out")"
    has "$T/phoenix.json" '"id": "USA", "label": "United States of America", "type": "state", "names": \[[^]]*"United States"' \
        "phoenix: the United States"
    has "$T/phoenix.json" '"id": "IGOWSTNAT", .*"NATO"' "phoenix: NATO keeps its capitals"
    has "$T/phoenix.json" '"id": "angela-merkel", .*"affiliation": "DEU"' "phoenix: a leader with her state"
    lacks "$T/phoenix.json" '"(Senate|Organization|May 15|Secretary of State|B)"' "phoenix: no phrase that names nobody"
else
    echo "phoenix part skipped: $PHOENIX is absent"
fi

finish

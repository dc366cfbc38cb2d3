#!/usr/bin/env bash
# Bad lexicons: malformed JSON (file:line:col), wrong types, unknown keys,
# duplicate ids (in one file and across files), an alias claimed twice,
# PCRE2 patterns that do not compile (with the offset), empty files,
# invalid UTF-8, missing files; each stops the run with exit 1 before any
# output is touched. A pattern that backtracks catastrophically is not an
# error: the run goes on, names the pattern once, counts it, exits 0.
. "$(dirname "$0")/lib.sh"

printf 'Russia met Armenia.' >doc.txt
old=$'an earlier graph\n'
printf '%s' "$old" >keep.graphml
untouched() {
    equals "$(cat keep.graphml; printf x)" "${old}x" "$1: the existing output is untouched"
}

cat >syntax.json <<'JSON'
{"lexicon": "bad", "version": 1,
 "actors": [
   {"id": "XYZ" "label": "Xyz"}
 ]}
JSON
run 1 "$AG_BIN" extract -l syntax.json -o keep.graphml doc.txt
stderr_is "actorgraph: error: syntax.json:3:23: malformed JSON: '}' expected near '\"label\"'
actorgraph: cannot use lexicon syntax.json (errors above)" "malformed JSON: file:line:col"
untouched "malformed JSON"
run 1 "$AG_BIN" lexicon check syntax.json
equals "$(head -1 "$T/out")" "error: syntax.json:3:23: malformed JSON: '}' expected near '\"label\"'" \
    "lexicon check: malformed JSON"

cat >types.json <<'JSON'
{"lexicon": "types", "version": 1,
 "actors": [
   {"id": 5, "label": "Five", "type": "state"},
   {"id": "A", "label": ["A"], "type": "state"},
   {"id": "B", "label": "B", "type": "stat"},
   {"id": "C", "label": "C", "type": "org", "names": "C org"},
   {"id": "D", "label": "D", "type": "org", "names": ["D org", 7]},
   {"id": "E", "label": "E", "type": "org", "short_default": "yes"},
   {"id": "F", "label": "F", "type": "org", "attrs": {"x": [1]}},
   {"id": "G", "label": "G", "type": "leader", "roles": [{"title": "P", "from": "2003-13-01"}]},
   {"id": "H", "label": "H", "type": "org", "shrot": ["H"]}
 ]}
JSON
run 1 "$AG_BIN" extract -l types.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: types.json:3:11: "id" of actor #1 must be a string, not an integer
actorgraph: error: types.json:4:25: "label" of actor "A" must be a string, not an array
actorgraph: error: types.json:5:38: "type" of actor "B" must be "state", "leader" or "org", not "stat"
actorgraph: error: types.json:6:54: "names" of actor "C" must be an array of strings, not a string
actorgraph: error: types.json:7:64: "names"[1] of actor "D" must be a string, not an integer
actorgraph: error: types.json:8:62: "short_default" of actor "E" must be true or false, not a string
actorgraph: error: types.json:9:60: attribute "x" of actor "F" must be a string or a number, not an array
actorgraph: error: types.json:10:81: "from" of roles[0] of actor "G" is "2003-13-01", not a date (YYYY, YYYY-MM or YYYY-MM-DD)
actorgraph: error: types.json:11:45: unknown key "shrot" in actor "H"
actorgraph: cannot use lexicon types.json (errors above)' "wrong types and an unknown key: every one named"
untouched "wrong types"

cat >dup.json <<'JSON'
{"lexicon": "dup", "version": 1,
 "actors": [
   {"id": "X", "label": "X", "type": "org", "names": ["Ex"]},
   {"id": "X", "label": "X again", "type": "org", "names": ["Ex two"]}
 ]}
JSON
run 1 "$AG_BIN" extract -l dup.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: dup.json:4:4: duplicate id "X" (first defined at dup.json:3:4)
actorgraph: cannot use lexicon dup.json (errors above)' "a duplicate id in one file"
cat >dup2.json <<'JSON'
{"lexicon": "dup2", "version": 1,
 "actors": [
   {"id": "AZE", "label": "Azerbaijan", "type": "state", "names": ["Azerbaijan Republic"]}
 ]}
JSON
run 1 "$AG_BIN" extract -l "$LEX" -l dup2.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: dup2.json:3:4: duplicate id "AZE" (first defined at lex.json:2:3)
actorgraph: cannot use lexicon dup2.json (errors above)' "a duplicate id across files: both places named"
untouched "duplicate ids"
printf '{"lexicon": "d", "version": 1, "actors": [{"id": "A", "label": "A", "type": "org", "names": ["Ex"]}, {"id": "B", "label": "B", "type": "org", "names": ["Ex"]}]}' >twice.json
run 1 "$AG_BIN" extract -l twice.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: twice.json:1:153: alias "Ex" in "names" of actor "B" is already claimed by actor "A" (twice.json:1:94)
actorgraph: the lexicons have errors (listed above)' "an alias claimed by two actors"

cat >pat.json <<'JSON'
{"lexicon": "pat", "version": 1,
 "actors": [
   {"id": "P", "label": "P", "type": "org", "patterns": ["Foo(bar", "[z-a]x"]}
 ]}
JSON
run 1 "$AG_BIN" extract -l pat.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: pat.json:3:58: pattern "Foo(bar" of actor "P" does not compile at offset 7: missing closing parenthesis
actorgraph: error: pat.json:3:69: pattern "[z-a]x" of actor "P" does not compile at offset 3: range out of order in character class
actorgraph: the lexicons have errors (listed above)' "patterns that do not compile: each named with its offset"
untouched "bad patterns"
run 1 "$AG_BIN" lexicon check pat.json
has "$T/out" '^2 errors, 0 warnings; 1 actors, 2 aliases$' "lexicon check: the summary counts both"

: >empty.json
run 1 "$AG_BIN" extract -l empty.json -o keep.graphml doc.txt
stderr_is "actorgraph: error: empty.json:1:1: malformed JSON: '[' or '{' expected near end of file
actorgraph: cannot use lexicon empty.json (errors above)" "an empty lexicon file"
printf '{"lexicon": "u", "version": 1, "actors": [{"id": "X\xff", "label": "X", "type": "state"}]}' >utf.json
run 1 "$AG_BIN" extract -l utf.json -o keep.graphml doc.txt
stderr_is "actorgraph: error: utf.json:1:52: malformed JSON: unable to decode byte 0xff near '\"X'
actorgraph: cannot use lexicon utf.json (errors above)" "invalid UTF-8 in a lexicon: the byte and its position"
printf '[]' >array.json
run 1 "$AG_BIN" extract -l array.json -o keep.graphml doc.txt
stderr_is 'actorgraph: error: array.json:1:1: a lexicon must be an object with an "actors" array, not an array
actorgraph: cannot use lexicon array.json (errors above)' "a lexicon that is not an object"
mkdir nolex
run 1 "$AG_BIN" extract -l nolex -o keep.graphml doc.txt
stderr_is "actorgraph: nolex: no *.json lexicon files in this directory" "a lexicon directory without lexicons"
run 1 "$AG_BIN" extract -l nothere.json -o keep.graphml doc.txt
stderr_is "actorgraph: nothere.json: cannot open lexicon: No such file or directory" "a missing lexicon"
untouched "empty, invalid, missing lexicons"
printf '\xef\xbb\xbf{"lexicon": "b", "version": 1, "actors": [{"id": "RUS", "label": "Russia", "type": "state", "names": ["Russia"]}]}' >bom.json
run 0 "$AG_BIN" mentions -l bom.json doc.txt
equals "$(field actor)" '"RUS"' "a lexicon with a byte-order mark loads"

# --- catastrophic backtracking: the match limit stops it, the run goes on -------------------
cat >runaway.json <<'JSON'
{"lexicon": "runaway", "version": 1,
 "actors": [
   {"id": "AAA", "label": "A run", "type": "org", "patterns": ["(a+)+$"]},
   {"id": "RUS", "label": "Russia", "type": "state", "names": ["Russia"]},
   {"id": "ARM", "label": "Armenia", "type": "state", "names": ["Armenia"]}
 ]}
JSON
{ printf 'Russia met Armenia. '; head -c 30000 /dev/zero | tr '\0' a; printf 'b. Russia and Armenia again.\n'; } >runaway.txt
cp runaway.txt runaway2.txt
measure 0 "$AG_BIN" extract -l runaway.json -o runaway.graphml --stats runaway-stats.json runaway.txt runaway2.txt
stderr_is 'actorgraph: warning: runaway.txt: pattern "(a+)+$" of actor "AAA" hit the PCRE2 match limit (it backtracks too much); the rest of this document was not searched with it' \
    "a runaway pattern: named once, with its actor"
equals "$(stat_value runaway-stats.json pattern_limits)" 2 "a runaway pattern: --stats pattern_limits counts each document"
has runaway.graphml '<data key="e1">4</data>' "a runaway pattern: the names are still matched (count 4)"
echo "measured: a runaway pattern over two 30 KB documents: ${secs} s"
below "$secs" 30 "a runaway pattern: seconds"
run 0 "$AG_BIN" mentions -q -l runaway.json runaway.txt
stderr_is "" "a runaway pattern with -q: no warning"

finish

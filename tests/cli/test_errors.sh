#!/usr/bin/env bash
# How runs fail: a missing input is a warning and exit 1 but the outputs
# are still written; a bad lexicon is exit 1 naming file:line:col; an
# output that cannot be created is exit 2; a failed run leaves an existing
# output untouched and no temporary file behind.
. "$(dirname "$0")/lib.sh"

cd "$CLI_DATA" || exit 1
mkdir "$T/w"
old=$'a graph from an earlier run\n'
reset_keep() { printf '%s' "$old" >"$T/w/keep.graphml"; }
untouched() {   # WHAT: keep.graphml as it was and nothing else in $T/w
    equals "$(cat "$T/w/keep.graphml"; printf x)" "${old}x" "$1: the existing output is untouched"
    equals "$(ls -A "$T/w")" "keep.graphml" "$1: no other file (no temporary) left"
}

# --- a missing input: warning, exit 1, outputs written ----------------------------------
run 1 "$AG_BIN" extract -l lexicon.json -o "$T/m.graphml" -o "$T/m.dot" docs/one.txt docs/absent.txt
has "$T/err" 'warning: docs/absent\.txt: ' "missing input: a warning naming it"
has "$T/m.graphml" '<data key="g2">1</data>' "missing input: the graph of the other document is written"
has "$T/m.graphml" '<edge source="RUS" target="ilham-aliyev">' "missing input: with its edges"
has "$T/m.dot" '^  "RUS" -- "ilham-aliyev" ' "missing input: the DOT too"
run 1 "$AG_BIN" extract -q -l lexicon.json -o "$T/q.graphml" docs/absent.txt docs/one.txt
same "$T/q.graphml" "$T/m.graphml" "missing input with -q: same graph"
equals "$(cat "$T/err")" "" "-q silences the warning (the exit status still tells)"
run 1 "$AG_BIN" mentions -l lexicon.json docs/absent.txt docs/two.txt
equals "$(grep -c '"doc":"docs/two.txt"' "$T/out")" 4 "mentions with a missing input: the others are printed"
has "$T/err" 'docs/absent\.txt' "mentions: the missing input is named"

# a JSONL line that is not JSON is a warning, not a failure
run 0 "$AG_BIN" extract -l lexicon.json -o "$T/n.graphml" --stats "$T/n.json" news.jsonl
has "$T/err" 'news\.jsonl:2' "bad JSONL line named file:line"
has "$T/n.json" '^    "lines": 1,?$' "stats count the skipped line"
equals "$(stat_value "$T/n.json" documents)" 2 "stats: the two good lines are documents"

# --- a bad lexicon: exit 1, file:line:col, nothing written -------------------------------
cat >"$T/bad-schema.json" <<'EOF'
{"lexicon": "bad", "version": 1,
 "actors": [
   {"id": "XYZ", "label": "Xyz", "type": "stat", "names": ["Xyz"]}
 ]}
EOF
cat >"$T/bad-json.json" <<'EOF'
{"lexicon": "bad", "version": 1,
 "actors": [
   {"id": "XYZ" "label": "Xyz"}
 ]}
EOF
reset_keep
run 1 "$AG_BIN" extract -l "$T/bad-schema.json" -o "$T/w/keep.graphml" docs/one.txt
has "$T/err" 'bad-schema\.json:3:[0-9]+: .*type' "schema error: file:line:col and the key"
untouched "bad lexicon (schema)"
run 1 "$AG_BIN" extract -l "$T/bad-json.json" -o "$T/w/keep.graphml" docs/one.txt
has "$T/err" 'bad-json\.json:3:[0-9]+: ' "JSON syntax error: file:line:col"
untouched "bad lexicon (syntax)"
run 1 "$AG_BIN" mentions -l "$T/bad-schema.json" -o "$T/w/keep.graphml" docs/one.txt
untouched "mentions with a bad lexicon"
run 1 "$AG_BIN" extract -l "$T/no-such-lexicon.json" -o "$T/w/keep.graphml" docs/one.txt
has "$T/err" 'no-such-lexicon\.json' "a missing lexicon is named"
untouched "missing lexicon"

# --- outputs that cannot be written: exit 2 ---------------------------------------------
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/no/such/dir/g.graphml" docs/one.txt
has "$T/err" "$T/w/no/such/dir/g\\.graphml" "an output in a missing directory is named"
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/no/g.graphml" -o "$T/w/keep.graphml" docs/one.txt
untouched "an unwritable first output"
run 2 "$AG_BIN" mentions -l lexicon.json -o "$T/w/no/m.jsonl" docs/one.txt
untouched "mentions into a missing directory"
mkdir -p "$T/w/dir.graphml/inside"
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/dir.graphml" docs/one.txt
has "$T/err" 'dir\.graphml' "an output that is a directory is named"
rm -rf "$T/w/dir.graphml"
untouched "an output that is a directory"
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/s.graphml" --stats "$T/w/no/stats.json" docs/one.txt
has "$T/err" 'stats\.json' "unwritable --stats is named"
[ ! -e "$T/w/s.graphml" ] || fail "unwritable --stats: the graph was written all the same"
untouched "unwritable --stats"

# every output is renamed into place only when all of them are complete:
# a later output that cannot be created leaves an earlier one as it was
reset_keep
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/keep.graphml" -o "$T/w/nodir/x.dot" docs/one.txt
has "$T/err" 'nodir/x\.dot' "an unwritable second output is named"
untouched "an unwritable second output"
run 2 "$AG_BIN" extract -l lexicon.json -o "$T/w/keep.graphml" --stats "$T/w/nodir/s.json" docs/one.txt
has "$T/err" 'nodir/s\.json' "unwritable --stats after an output is named"
untouched "unwritable --stats after an output"

# --- a usage error: nothing replaced --------------------------------------------------
reset_keep
run 1 "$AG_BIN" extract -l lexicon.json -o "$T/w/keep.graphml" -o "$T/w/other.svg" docs/one.txt
untouched "usage error"

finish

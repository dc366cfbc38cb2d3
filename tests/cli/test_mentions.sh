#!/usr/bin/env bash
# `actorgraph mentions` end to end: the exact JSON lines of the small
# corpus (tests/data/cli/mentions.expected, offsets counted by hand), JSONL
# and standard input, -o; then every mention of the bundled examples has
# the documented fields in order, and its text is exactly the bytes
# [start, end) of its file.
. "$(dirname "$0")/lib.sh"

cd "$CLI_DATA" || exit 1

run 0 "$AG_BIN" mentions -l lexicon.json docs/one.txt docs/two.txt
same "$T/out" "$CLI_DATA/mentions.expected" "mentions of the small corpus"
equals "$(cat "$T/err")" "" "no warnings"

run 0 "$AG_BIN" mentions -l lexicon.json -o "$T/m.jsonl" docs/one.txt docs/two.txt
same "$T/m.jsonl" "$CLI_DATA/mentions.expected" "mentions -o FILE"
equals "$(cat "$T/out")" "" "mentions -o FILE: standard output stays empty"

# --kinds: only full names
run 0 "$AG_BIN" mentions -l lexicon.json --kinds names docs/one.txt docs/two.txt
grep '"kind":"names"' "$CLI_DATA/mentions.expected" >"$T/names.expected"
same "$T/out" "$T/names.expected" "mentions --kinds names"

# JSONL: ids from the id field or path:line, offsets into the text field;
# a line that is not JSON is a warning naming file:line, and the run goes on
run 0 "$AG_BIN" mentions -l lexicon.json news.jsonl
cat >"$T/news.expected" <<'EOF'
{"doc":"n1","actor":"RUS","label":"Russia","kind":"names","text":"Russia","start":0,"end":6,"sentence":0,"paragraph":0}
{"doc":"n1","actor":"AZE","label":"Azerbaijan","kind":"names","text":"Azerbaijan","start":11,"end":21,"sentence":0,"paragraph":0}
{"doc":"news.jsonl:3","actor":"ARM","label":"Armenia","kind":"names","text":"Armenia","start":0,"end":7,"sentence":0,"paragraph":0}
EOF
same "$T/out" "$T/news.expected" "mentions of JSONL"
has "$T/err" 'warning: news\.jsonl:2(:[0-9]+)?: ' "JSONL: the bad line is named"
run 0 "$AG_BIN" mentions -q -l lexicon.json news.jsonl
equals "$(cat "$T/err")" "" "-q silences the warning"

# --max-document: a JSONL line longer than the limit is skipped with a
# warning naming file:line, also when it ends with its line feed; the next
# line, exactly 20 bytes, is read
printf '{"id": "long", "text": "Russia and Azerbaijan talked."}\n{"text": "Armenia."}\n' >"$T/long.jsonl"
run 0 "$AG_BIN" mentions -l lexicon.json --max-document 20 "$T/long.jsonl"
equals "$(cat "$T/out")" \
    "{\"doc\":\"$T/long.jsonl:2\",\"actor\":\"ARM\",\"label\":\"Armenia\",\"kind\":\"names\",\"text\":\"Armenia\",\"start\":0,\"end\":7,\"sentence\":0,\"paragraph\":0}" \
    "--max-document 20: only the short line"
has "$T/err" "warning: $T/long\\.jsonl:1: line longer than the 20-byte document limit \\(--max-document\\); skipped" \
    "--max-document 20: the long line is named file:line"

# standard input: "-" and no INPUT at all; JSONL detected by its first byte
run 0 "$AG_BIN" mentions -l lexicon.json - <docs/two.txt
sed 's/"doc":"docs\/two.txt"/"doc":"-"/' "$CLI_DATA/mentions.expected" | grep '"doc":"-"' >"$T/stdin.expected"
same "$T/out" "$T/stdin.expected" "mentions from standard input"
run 0 "$AG_BIN" mentions -q -l lexicon.json <news.jsonl
sed 's/"doc":"news.jsonl:3"/"doc":"-:3"/' "$T/news.expected" >"$T/news.stdin.expected"
same "$T/out" "$T/news.stdin.expected" "JSONL on standard input (no INPUT)"

# --- the bundled examples -----------------------------------------------------
shopt -s nullglob
texts=("$EXAMPLES"/*.txt)
[ ${#texts[@]} -gt 0 ] || fail "no bundled examples in $EXAMPLES"
run 0 "$AG_BIN" mentions -q -l "$LEXICONS" "${texts[@]}"
cp "$T/out" "$T/examples.jsonl"
total=$(wc -l <"$T/examples.jsonl")
[ "$total" -gt 0 ] || fail "no mentions in the bundled examples"

re='^\{"doc":"([^"\\]*)","actor":"([^"\\]+)","label":"(([^"\\]|\\.)+)","kind":"(names|short|metonyms|demonyms|patterns)","text":"(([^"\\]|\\.)+)","start":([0-9]+),"end":([0-9]+),"sentence":([0-9]+),"paragraph":([0-9]+)\}$'
declare -A content
bad=0
checked=0
last_doc=
last_start=0
while IFS= read -r line; do
    if ! [[ $line =~ $re ]]; then
        fail "not a mention line with the documented fields in order: $line"
        bad=$((bad + 1))
        if [ $bad -ge 5 ]; then break; fi
        continue
    fi
    doc=${BASH_REMATCH[1]}
    text=${BASH_REMATCH[6]}
    start=${BASH_REMATCH[8]}
    end=${BASH_REMATCH[9]}
    if [ -z "${content[$doc]+set}" ]; then
        c=$(cat "$doc" && printf x) || { fail "doc $doc is not a readable path"; continue; }
        content[$doc]=${c%x}
    fi
    if [ "$doc" = "$last_doc" ] && [ "$start" -lt "$last_start" ]; then
        fail "$doc: mentions out of text order at $start"
    fi
    last_doc=$doc
    last_start=$start
    [ "$end" -gt "$start" ] || fail "$doc: empty span $start-$end"
    # JSON escapes that can occur in a surface string
    text=${text//\\\\/$'\001'}
    text=${text//\\\"/\"}
    text=${text//\\n/$'\n'}
    text=${text//\\t/$'\t'}
    text=${text//$'\001'/\\}
    if [[ $text == *\\u* ]]; then
        continue   # \uXXXX: only for control characters and invalid UTF-8
    fi
    file=${content[$doc]}
    if [ "${file:start:end-start}" != "$text" ]; then
        fail "$doc: bytes $start-$end are '${file:start:end-start}', the mention says '$text'"
    fi
    checked=$((checked + 1))
done <"$T/examples.jsonl"
equals "$checked" "$total" "every mention of the examples checked against its file"
docs_seen=$(grep -o '^{"doc":"[^"]*"' "$T/examples.jsonl" | sort -u | wc -l)
[ "$docs_seen" -ge 2 ] || fail "mentions from only $docs_seen documents"

# --- a mistyped input path: nothing read, so the previous output stays -------------------------
printf 'previous\n' >"$T/keep.jsonl"
run 1 "$AG_BIN" mentions -l "$LEXICONS" -o "$T/keep.jsonl" "$T/exmaples"
has "$T/err" '^actorgraph: error: no input could be read; nothing was written$' "mentions, no input readable: the error"
equals "$(cat "$T/keep.jsonl")" "previous" "mentions, no input readable: the output is untouched"

finish

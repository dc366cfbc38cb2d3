#!/usr/bin/env bash
# Hostile text: invalid UTF-8, NUL bytes, CRLF and CR line ends, a
# byte-order mark, empty files, binary files, UTF-16 and UTF-32, JSONL
# lines that are not JSON or lack the text field. Each case with its exact
# warning, its exit status and what the run still gets right (offsets into
# the original bytes, the counts in --stats).
. "$(dirname "$0")/lib.sh"

# --- invalid UTF-8: replaced for matching, counted, warned about; offsets into the original
printf 'Russia and Armenia \xff\xfe met. Azerbaijan \xc3 said.\n' >inv.txt
run 0 "$AG_BIN" extract -l "$LEX" -o inv.graphml --stats inv.json inv.txt
stderr_is "actorgraph: warning: inv.txt: 3 bytes are not valid UTF-8, read as U+FFFD (offsets unchanged)" \
    "invalid UTF-8: the warning"
equals "$(stat_value inv.json invalid_utf8_bytes)" 3 "invalid UTF-8: --stats invalid_utf8_bytes"
has inv.graphml '<edge source="ARM" target="RUS">' "invalid UTF-8: the actors on both sides of the bad bytes are linked"
run 0 "$AG_BIN" mentions -l "$LEX" inv.txt
equals "$(field start | tr '\n' ' ')" "0 11 27 " "invalid UTF-8: mention offsets count the bad bytes"
equals "$(mention_bytes inv.txt 27 37)" "Azerbaijan" "invalid UTF-8: bytes [27,37) of the file are the mention"
printf 'Baku \x80said.' >one-bad.txt
run 0 "$AG_BIN" mentions -l "$LEX" one-bad.txt
stderr_is "actorgraph: warning: one-bad.txt: 1 byte is not valid UTF-8, read as U+FFFD (offsets unchanged)" \
    "one invalid byte: the warning"
run 0 "$AG_BIN" mentions -q -l "$LEX" inv.txt
stderr_is "" "invalid UTF-8 with -q: no warning"

# overlong forms, surrogates and code points past U+10FFFF are invalid too
printf 'Armenia \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 Russia.' >forms.txt
run 0 "$AG_BIN" extract -l "$LEX" -o forms.graphml --stats forms.json forms.txt
equals "$(stat_value forms.json invalid_utf8_bytes)" 9 "overlong, surrogate, >U+10FFFF: 9 invalid bytes"
has forms.graphml '<edge source="ARM" target="RUS">' "overlong, surrogate, >U+10FFFF: the actors around them are found"

# the first ten documents are named, then one line says there are more
mkdir many
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do printf 'Baku \xff.' >"many/d$i.txt"; done
run 0 "$AG_BIN" extract -l "$LEX" -o many.graphml --stats many.json many
equals "$(grep -c 'not valid UTF-8' "$T/err")" 10 "invalid UTF-8 in 12 documents: 10 named"
has "$T/err" '^actorgraph: warning: many/d10\.txt: 1 byte is not valid UTF-8' "the tenth is named"
lacks "$T/err" 'many/d11\.txt' "the eleventh is not named"
has "$T/err" '^actorgraph: warning: more documents with invalid UTF-8 are not listed \(see --stats\)$' \
    "then a line says there are more"
equals "$(stat_value many.json invalid_utf8_bytes)" 12 "invalid UTF-8 in 12 documents: all counted"

# evidence taken from a sentence with invalid bytes is valid UTF-8 JSON
run 0 "$AG_BIN" extract -q -l "$LEX" -o ev.graphml --evidence-out ev.jsonl inv.txt
if have_python; then
    equals "$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1], encoding="utf-8").readline())["text"])' ev.jsonl)" \
        "Russia and Armenia �� met." "evidence: the bad bytes are U+FFFD in valid JSON"
fi

# --- NUL bytes: a separator inside text, offsets unchanged -------------------------------
{ printf 'Russia\0Armenia met in Yerevan.\n'; for _ in $(seq 40); do printf 'The talks went on for a long time and nobody left the room.\n'; done; } >nul.txt
run 0 "$AG_BIN" mentions -l "$LEX" nul.txt
stderr_is "" "a NUL byte in a text: no warning"
equals "$(field text | tr '\n' ' ')" '"Russia" "Armenia" ' "a NUL byte separates the words beside it"
equals "$(field start | tr '\n' ' ')" "0 7 " "a NUL byte: offsets count it"
printf '{"id": "n", "text": "Russia\\u0000Armenia"}\n' >nul.jsonl
run 0 "$AG_BIN" mentions -l "$LEX" nul.jsonl
equals "$(field text | tr '\n' ' ')" '"Russia" "Armenia" ' "JSONL: an escaped NUL in the text separates the words"

# --- CRLF and CR line ends: the same sentences, paragraphs and graph as LF ----------------
printf 'Russia met Armenia.\nBaku said so.\n\nYerevan and Moscow talked.\nAzerbaijan too.\n' >lf.txt
sed 's/$/\r/' lf.txt >crlf.txt
tr '\n' '\r' <lf.txt >cr.txt
for w in sentence paragraph; do
    for f in lf crlf cr; do
        run 0 "$AG_BIN" extract -l "$LEX" -w "$w" -o "$f.$w.graphml" "$f.txt"
    done
    same crlf.$w.graphml lf.$w.graphml "CRLF: the $w graph is the LF one"
    same cr.$w.graphml lf.$w.graphml "CR: the $w graph is the LF one"
done
for f in lf crlf cr; do
    "$AG_BIN" mentions -l "$LEX" "$f.txt" | sed 's/"start".*"sentence"/"sentence"/; s/"doc":"[^"]*",//' >"$f.mentions"
done
same crlf.mentions lf.mentions "CRLF: every mention in the same sentence and paragraph"
same cr.mentions lf.mentions "CR: every mention in the same sentence and paragraph"
equals "$(sed -n 's/.*"text":"\([^"]*\)".*"paragraph":\([0-9]*\).*/\1 \2/p' lf.mentions | tr '\n' ' ')" \
    "Russia 0 Armenia 0 Baku 1 Yerevan 2 Moscow 2 Azerbaijan 3 " "LF: every line break ends a paragraph (text not hard-wrapped)"

# --- a byte-order mark: skipped for matching, counted in offsets -------------------------
printf '\xef\xbb\xbfRussia met Armenia.' >bom.txt
run 0 "$AG_BIN" mentions -l "$LEX" bom.txt
stderr_is "" "a byte-order mark: no warning"
equals "$(field start | tr '\n' ' ')" "3 14 " "a byte-order mark: offsets count its three bytes"
equals "$(mention_bytes bom.txt 3 9)" "Russia" "a byte-order mark: the first word right after it is found"

# --- empty inputs: read, nothing found, exit 0 ----------------------------------------
: >empty.txt
run 0 "$AG_BIN" extract -l "$LEX" -o empty.graphml --stats empty.json empty.txt
stderr_is "" "an empty text file: no warning"
equals "$(stat_value empty.json documents)" 1 "an empty text file is one (empty) document"
has empty.graphml '<graph id="G" edgedefault="undirected">' "an empty text file: an empty graph is written"
: >empty.jsonl
run 0 "$AG_BIN" extract -l "$LEX" -o empty2.graphml empty.jsonl
stderr_is "actorgraph: warning: no documents were read; the graph is empty" "an empty JSONL file: the warning"
run 0 "$AG_BIN" extract -l "$LEX" -o empty3.graphml --stats empty3.json - </dev/null
stderr_is "" "empty standard input: one empty document, no warning"
equals "$(stat_value empty3.json documents)" 1 "empty standard input is one (empty) document"

# --- binary files: recognised by their first 8 KB and skipped with a warning ---------
/usr/bin/python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 40)' >bin.txt
run 0 "$AG_BIN" extract -l "$LEX" -o bin.graphml --stats bin.json bin.txt
stderr_is "actorgraph: warning: bin.txt: binary file (10% of its first 8192 bytes are control bytes); skipped
actorgraph: warning: no documents were read; the graph is empty" "a binary file: the warning"
equals "$(json_get bin.json 'd["skipped"]["binary"]')" 1 "a binary file: --stats skipped.binary"
mkdir mixed
cp bin.txt mixed/b.txt
printf 'Russia met Armenia.' >mixed/a.txt
run 0 "$AG_BIN" extract -l "$LEX" -o mixed.graphml --stats mixed.json mixed
stderr_is "actorgraph: warning: mixed/b.txt: binary file (10% of its first 8192 bytes are control bytes); skipped" \
    "a binary file in a directory: the warning"
has mixed.graphml '<edge source="ARM" target="RUS">' "a binary file in a directory: the text beside it is read"
equals "$(stat_value mixed.json documents)" 1 "a binary file in a directory: one document"

# --- UTF-16 and UTF-32: named, with the way to convert them ----------------------------
printf '\xff\xfeR\0u\0s\0s\0i\0a\0' >le.txt
printf '\xfe\xff\0R\0u\0s\0s\0i\0a' >be.txt
printf '\xff\xfe\0\0R\0\0\0' >u32.txt
for f in le be u32; do
    run 0 "$AG_BIN" extract -l "$LEX" -o "$f.graphml" --stats "$f.json" "$f.txt"
    equals "$(json_get "$f.json" 'd["skipped"]["binary"]')" 1 "$f.txt: counted as skipped"
done
run 0 "$AG_BIN" mentions -l "$LEX" le.txt be.txt u32.txt
stderr_is "actorgraph: warning: le.txt: UTF-16 or UTF-32 text (byte-order mark FF FE): convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8; skipped
actorgraph: warning: be.txt: UTF-16 or UTF-32 text (byte-order mark FE FF): convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8; skipped
actorgraph: warning: u32.txt: UTF-16 or UTF-32 text (byte-order mark FF FE): convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8; skipped" \
    "UTF-16 LE, BE and UTF-32 LE: the warnings"
printf 'R\0u\0s\0s\0i\0a\0 \0m\0e\0t\0.\0' >nobom16.txt
run 0 "$AG_BIN" mentions -l "$LEX" nobom16.txt
stderr_is "actorgraph: warning: nobom16.txt: binary file (50% of its first 22 bytes are control bytes); skipped" \
    "UTF-16 without a byte-order mark: skipped as binary"

# --- JSONL lines that are not JSON or lack the text field: file:line:col, skipped, counted
printf '%s\n' '{"id": "a", "text": "Russia met Armenia."}' 'not json' '{"id": "b"}' '[1, 2]' \
    '{"text": 5}' '' '{"text": "Baku said." } trailing' '{"text": "Yerevan said.", "id": "c"' \
    '{"body": "Moscow said."}' '{"id": "d", "text": "Azerbaijan said."}' >bad.jsonl
run 0 "$AG_BIN" extract -l "$LEX" -o bad.graphml --stats bad.json bad.jsonl
stderr_is 'actorgraph: warning: bad.jsonl:2:1: not a JSON object: an object was expected; line skipped
actorgraph: warning: bad.jsonl:3:1: no string field "text"; line skipped
actorgraph: warning: bad.jsonl:4:1: not a JSON object: an object was expected; line skipped
actorgraph: warning: bad.jsonl:5:10: no string field "text"; line skipped
actorgraph: warning: bad.jsonl:7:25: not a JSON object: trailing characters after the JSON value; line skipped
actorgraph: warning: bad.jsonl:8:36: not a JSON object: unterminated object; line skipped
actorgraph: warning: bad.jsonl:9:1: no string field "text"; line skipped' "bad JSONL lines: the warnings"
equals "$(json_get bad.json 'd["skipped"]["lines"]')" 7 "bad JSONL lines: --stats skipped.lines"
equals "$(stat_value bad.json documents)" 2 "bad JSONL lines: the two good lines are read"
has bad.graphml '<edge source="ARM" target="RUS">' "bad JSONL lines: the good lines make the graph"
run 0 "$AG_BIN" mentions -l "$LEX" --text-field body bad.jsonl
has "$T/out" '"doc":"bad.jsonl:9","actor":"RUS"' "--text-field body: line 9 is read"
has "$T/err" '^actorgraph: warning: bad.jsonl:1:1: no string field "body"; line skipped$' \
    "--text-field body: the lines without it are named"
run 0 "$AG_BIN" extract -q -l "$LEX" -o bad2.graphml bad.jsonl
stderr_is "" "bad JSONL lines with -q: no warnings"

# a JSONL line with invalid UTF-8 in its text is read, like a text file
printf '{"id": "x", "text": "Russia \xff met Armenia."}\n' >inv.jsonl
run 0 "$AG_BIN" mentions -l "$LEX" inv.jsonl
stderr_is "actorgraph: warning: inv.jsonl:1: 1 byte is not valid UTF-8, read as U+FFFD (offsets unchanged)" \
    "invalid UTF-8 in a JSONL text: the warning names file:line"
equals "$(field text | tr '\n' ' ')" '"Russia" "Armenia" ' "invalid UTF-8 in a JSONL text: the line is read"

finish

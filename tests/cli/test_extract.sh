#!/usr/bin/env bash
# `actorgraph extract` end to end: the exact graph of a small hand-checked
# corpus (tests/data/cli: two texts, a five-actor lexicon), its --stats,
# the options that shape it, standard input and output; then the bundled
# examples with the bundled lexicons: GraphML and DOT written, and
# byte-identical whatever the order of the inputs.
. "$(dirname "$0")/lib.sh"

cd "$CLI_DATA" || exit 1

# --- the small corpus -------------------------------------------------------
# docs/one.txt: s0 Azerbaijan, Armenia | s1 Baku (AZE) || s2 Ilham Aliyev, Russia | s3 Aliyev (short)
# docs/two.txt: s0 Moscow (RUS), Yerevan (ARM) | s1 Armenia, European Union
# N = 6 sentences; edges ARM-AZE, ARM-EU, ARM-RUS, RUS-ilham-aliyev, each count 1.
expected=$(versioned "$CLI_DATA/extract.expected.graphml")

run 0 "$AG_BIN" extract -q -l lexicon.json -o "$T/small.graphml" -o "$T/small.dot" --stats "$T/stats.json" \
    docs/one.txt docs/two.txt
same "$T/small.graphml" "$expected" "GraphML of the small corpus"
equals "$(cat "$T/out")" "" "nothing on standard output when every output is a file"

# DOT: one statement per node and edge, in the graph's order
equals "$(grep -c -- ' -- ' "$T/small.dot")" 4 "DOT edges"
equals "$(grep -o '^  "[^"]*" \[label' "$T/small.dot" | tr -d ' "[' | tr '\n' ,)" \
    "ARMlabel,AZElabel,EUlabel,RUSlabel,ilham-aliyevlabel," "DOT nodes in id order"
has "$T/small.dot" '^  "ARM" -- "EU" \[.*weight="1", "count"="1", "docs"="1", "npmi"="0.3868528072345416", "jaccard"="0.3333333333333333", "dice"="0.5", "pmi"="0.6931471805599453", "assoc"="2.6666666666666665"\];$' "DOT edge attributes"
has "$T/small.dot" '^  "ilham-aliyev" \[label="Ilham Aliyev", shape=box, ' "DOT leader look"
has "$T/small.dot" '^  "EU" \[label="European Union", shape=hexagon, ' "DOT org look"

# --stats: the documented keys with the values of this corpus
s=$T/stats.json
equals "$(stat_value "$s" documents)" 2 "stats documents"
equals "$(stat_value "$s" sentences)" 6 "stats sentences"
equals "$(stat_value "$s" paragraphs)" 3 "stats paragraphs"
equals "$(stat_value "$s" names)" 6 "stats mentions.names"
equals "$(stat_value "$s" metonyms)" 3 "stats mentions.metonyms"
equals "$(stat_value "$s" short)" 1 "stats mentions.short"
equals "$(stat_value "$s" demonyms)" 0 "stats mentions.demonyms"
equals "$(stat_value "$s" patterns)" 0 "stats mentions.patterns"
has "$s" '^    "total": 10,?$' "stats mentions.total"
has "$s" '^  "unresolved_short": \{$' "stats unresolved_short"
has "$s" '^    "total": 0,?$' "stats unresolved_short.total"
equals "$(stat_value "$s" actors)" 5 "stats actors"
equals "$(stat_value "$s" edges)" 4 "stats edges"
equals "$(stat_value "$s" window)" '"sentence"' "stats window"
equals "$(stat_value "$s" weight)" '"count"' "stats weight"
has "$s" '^  "seconds": [0-9.e+-]+,?$' "stats seconds"
has "$s" '^\{$' "stats is one JSON object"

# -o - writes to standard output; -f forces the format
run 0 "$AG_BIN" extract -q -l lexicon.json -o - -f dot docs/one.txt docs/two.txt
same "$T/out" "$T/small.dot" "-o - -f dot"
run 0 "$AG_BIN" extract -q -l lexicon.json docs/one.txt docs/two.txt
same "$T/out" "$expected" "no -o: GraphML on standard output"
run 0 "$AG_BIN" extract -q -l lexicon.json -f graphml -o "$T/forced.dot" docs/one.txt docs/two.txt
same "$T/forced.dot" "$expected" "-f graphml wins over the .dot name"
run 0 "$AG_BIN" extract -q -l lexicon.json -o "$T/small.gv" docs/one.txt docs/two.txt
same "$T/small.gv" "$T/small.dot" ".gv is DOT"

# a directory input, and standard input
mkdir -p "$T/corpus/nested" && cp docs/one.txt "$T/corpus/" && cp docs/two.txt "$T/corpus/nested/"
cp lexicon.json "$T/corpus/ignored.json"
run 0 "$AG_BIN" extract -q -l lexicon.json -o "$T/dir.graphml" "$T/corpus"
same "$T/dir.graphml" "$expected" "a directory gives the same graph"
run 0 "$AG_BIN" extract -q -l lexicon.json - <docs/one.txt
has "$T/out" '<data key="g2">1</data>' "standard input: one document"
has "$T/out" '<data key="g3">4</data>' "standard input: four sentences"
has "$T/out" '<edge source="RUS" target="ilham-aliyev">' "standard input: its edges"

# --weight, --window and the filters
run 0 "$AG_BIN" extract -q -l lexicon.json --weight jaccard docs/one.txt docs/two.txt
has "$T/out" '<data key="g1">jaccard</data>' "--weight jaccard: graph attribute"
equals "$(grep -A1 '<edge source="ARM" target="AZE">' "$T/out" | tail -1)" '      <data key="e0">0.25</data>' \
    "--weight jaccard: weight of ARM-AZE"
run 0 "$AG_BIN" extract -q -l lexicon.json --weight npmi --min-weight 0.1 docs/one.txt docs/two.txt
equals "$(count_lines "$T/out" '<edge ')" 2 "--min-weight 0.1 on npmi keeps ARM-EU and RUS-ilham"
equals "$(count_lines "$T/out" '<node ')" 5 "--min-weight keeps the nodes"
# paragraphs: one.txt p0 {AZE ARM}, p1 {ilham RUS}; two.txt p0 {RUS ARM EU}: 5 pairs, N = 3
run 0 "$AG_BIN" extract -q -l lexicon.json -w paragraph docs/one.txt docs/two.txt
has "$T/out" '<data key="g0">paragraph</data>' "--window paragraph"
has "$T/out" '<data key="g3">3</data>' "--window paragraph: 3 windows"
equals "$(count_lines "$T/out" '<edge ')" 5 "--window paragraph: edges"
has "$T/out" '<edge source="EU" target="RUS">' "--window paragraph: EU-RUS"
run 0 "$AG_BIN" extract -q -l lexicon.json --window document docs/one.txt docs/two.txt
has "$T/out" '<data key="g3">2</data>' "--window document: 2 windows"
run 0 "$AG_BIN" extract -q -l lexicon.json --types state docs/one.txt docs/two.txt
equals "$(grep -o '<node id="[^"]*"' "$T/out" | tr '\n' ' ')" '<node id="ARM" <node id="AZE" <node id="RUS" ' "--types state"
equals "$(count_lines "$T/out" '<edge ')" 2 "--types state: ARM-AZE and ARM-RUS"
run 0 "$AG_BIN" extract -q -l lexicon.json --min-mentions 2 docs/one.txt docs/two.txt
lacks "$T/out" '<node id="EU"' "--min-mentions 2 drops EU (1 mention)"
equals "$(count_lines "$T/out" '<edge ')" 3 "--min-mentions 2: edges"
run 0 "$AG_BIN" extract -q -l lexicon.json --kinds names docs/one.txt docs/two.txt
has "$T/out" '<data key="g3">6</data>' "--kinds names: same windows"
equals "$(grep -A3 '<node id="ARM">' "$T/out" | tail -1)" '      <data key="v3">2</data>' \
    "--kinds names: Yerevan no longer counts for ARM"

# --- the bundled examples with the bundled lexicons ---------------------------
shopt -s nullglob
texts=("$EXAMPLES"/*.txt)
[ ${#texts[@]} -gt 0 ] || fail "no bundled examples in $EXAMPLES"
reversed=()
for ((i = ${#texts[@]} - 1; i >= 0; i--)); do reversed+=("${texts[i]}"); done

run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/a.graphml" -o "$T/a.dot" --stats "$T/a.json" "${texts[@]}"
has "$T/a.graphml" '^<graphml xmlns="http://graphml.graphdrawing.org/xmlns"$' "examples: GraphML"
has "$T/a.dot" '^graph actorgraph \{$' "examples: DOT"
equals "$(stat_value "$T/a.json" documents)" "${#texts[@]}" "examples: every text is a document"
equals "$(count_lines "$T/a.graphml" '^    <node id=')" "$(stat_value "$T/a.json" actors)" "examples: nodes = stats actors"
equals "$(count_lines "$T/a.graphml" '^    <edge ')" "$(stat_value "$T/a.json" edges)" "examples: edges = stats edges"
equals "$(count_lines "$T/a.dot" ' -- ')" "$(stat_value "$T/a.json" edges)" "examples: DOT edges = stats edges"
[ "$(stat_value "$T/a.json" edges)" -gt 0 ] 2>/dev/null || fail "examples: no edges at all"
for key in documents sentences mentions unresolved_short actors edges seconds; do
    has "$T/a.json" "^  \"$key\": " "examples: stats key $key"
done
for key in names short metonyms demonyms patterns total; do
    has "$T/a.json" "^    \"$key\": [0-9]+,?\$" "examples: stats mentions.$key"
done
lacks "$T/a.graphml" '<edge source="([^"]*)" target="\1">' "examples: no self-loops"

# deterministic: a second run, with the inputs in the reverse order (each
# run with the bundled lexicons costs seconds, so the directory form is
# checked on the small corpus above)
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/b.graphml" -o "$T/b.dot" "${reversed[@]}"
same "$T/b.graphml" "$T/a.graphml" "examples: GraphML whatever the input order"
same "$T/b.dot" "$T/a.dot" "examples: DOT whatever the input order"

# the progress line: only on a terminal (forced here), never with -q; it
# erases itself, and the outputs do not change
run 0 env ACTORGRAPH_PROGRESS=always "$AG_BIN" extract -l "$LEXICONS" -o "$T/p.graphml" "$EXAMPLES"
has "$T/err" $'^\ractorgraph: [0-9,]+ documents?, [0-9.]+ kB of 3[0-9] kB \\([0-9]+%\\), [0-9.]+ MB/s, 0:00:[0-9]{2} left\033\\[K' "progress line"
has "$T/err" $'\r\033\\[K$' "the progress line is erased at the end"
same "$T/p.graphml" "$T/a.graphml" "the same graph with the progress line"
run 0 env ACTORGRAPH_PROGRESS=always "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/p.graphml" "$EXAMPLES"
equals "$(wc -c <"$T/err")" 0 "no progress with -q"
run 0 "$AG_BIN" extract -l "$LEXICONS" -o "$T/p.graphml" "$EXAMPLES"
equals "$(wc -c <"$T/err")" 0 "no progress when standard error is not a terminal"

# --- a document without tokens, with a window or evidence that needs them, on every -j ----------
printf '%s\n' '{"id": "a", "text": "Russia met Armenia."}' '{"id": "b", "text": "   "}' \
    '{"id": "c", "text": ""}' >"$T/blank-docs.jsonl"
for j in 1 2 3; do
    run 0 "$AG_BIN" extract -q -j "$j" -l "$LEXICONS" -w tokens:5 --evidence 2 -o "$T/blank$j.graphml" "$T/blank-docs.jsonl"
    has "$T/blank$j.graphml" '<edge source="ARM" target="RUS">' "blank documents, -j $j: the graph is made"
done
same "$T/blank2.graphml" "$T/blank1.graphml" "blank documents: -j 2 writes what -j 1 does"
same "$T/blank3.graphml" "$T/blank1.graphml" "blank documents: -j 3 writes what -j 1 does"

# --- a mistyped input path: nothing read, so nothing replaced ----------------------------------
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/keep.graphml" "$EXAMPLES"
cp "$T/keep.graphml" "$T/keep.before"
run 1 "$AG_BIN" extract -l "$LEXICONS" -o "$T/keep.graphml" "$T/exmaples"
equals "$(cat "$T/err")" "actorgraph: warning: $T/exmaples: cannot read: No such file or directory
actorgraph: error: no input could be read; nothing was written" "no input readable: the messages"
same "$T/keep.graphml" "$T/keep.before" "no input readable: the existing graph is untouched"

# --- JSON under another name than *.jsonl is one text document, with a warning -----------------
cp "$T/blank-docs.jsonl" "$T/news.ndjson"
run 0 "$AG_BIN" extract -l "$LEXICONS" --stats "$T/nd.json" -o "$T/nd.graphml" "$T/news.ndjson"
equals "$(cat "$T/err")" "actorgraph: warning: $T/news.ndjson: JSON read as one text document (name JSON lines *.jsonl, or give --input-format jsonl)" \
    "*.ndjson: the warning"
run 0 "$AG_BIN" extract -l "$LEXICONS" --input-format jsonl --stats "$T/nd2.json" -o "$T/nd2.graphml" "$T/news.ndjson"
equals "$(cat "$T/err")" "" "*.ndjson with --input-format jsonl: no warning"
equals "$(sed -n 's/^  "documents": \([0-9]*\),$/\1/p' "$T/nd2.json")" 3 "*.ndjson with --input-format jsonl: three documents"
# an extension in capitals names the format all the same
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/caps.GraphML" "$EXAMPLES/01_armenia-azerbaijan-summit.txt"
has "$T/caps.GraphML" '^<graphml ' "-o NAME.GraphML writes GraphML"

finish

#!/usr/bin/env bash
# `extract --partial` and `merge`: a corpus split into shards, counted by
# GNU parallel (through its --sshlogin code path, on this machine), by a
# Hadoop Streaming-style map / sort / reduce, and by hand, merges into
# output byte-identical to the single run, in every format, with slices,
# evidence and communities; merge combining partials into a partial; and
# the mistakes a user can make (other lexicon, other window, too much
# evidence, not a partial) with their messages.
. "$(dirname "$0")/lib.sh"

cd "$T" || exit 1

# --- a dated JSONL corpus: every paragraph of the examples a document ----------
# (ids and dates on every line, so evidence and slices do not depend on where
# a line was read)
n=0
for f in "$EXAMPLES"/*.txt; do
    n=$((n + 1))
    awk -v file="$(basename "$f")" -v n="$n" '
        function flush() {
            if (text == "") return
            gsub(/\\/, "\\\\", text); gsub(/"/, "\\\"", text); gsub(/\t/, "\\t", text)
            printf "{\"id\": \"%s#%d\", \"date\": \"2025-%02d-%02d\", \"text\": \"%s\"}\n", file, k, 1 + (n + k) % 12, 1 + (k * 3) % 28, text
            k++; text = ""
        }
        /^[[:space:]]*$/ { flush(); next }
        { text = text == "" ? $0 : text "\\n" $0 }
        END { flush() }' "$f"
done >corpus.jsonl
equals "$(wc -l <corpus.jsonl)" 84 "paragraph documents in the example corpus"
mkdir shards
split -n l/5 -d --additional-suffix=.jsonl corpus.jsonl shards/part
equals "$(ls shards | wc -l)" 5 "five shards"

OPTS=(-q --slice month --evidence 2)
GRAPH=(--weight npmi --communities louvain --evidence 2)
run 0 "$AG_BIN" extract "${OPTS[@]}" "${GRAPH[@]}" -o single.graphml -o single.gexf -o single.json -o single.csv \
    -o single.dot --evidence-out single.evidence.jsonl --stats single.stats.json corpus.jsonl

# same_as_single PREFIX WHAT: every output PREFIX.* equals the single run's
same_as_single() {
    for e in graphml gexf json nodes.csv edges.csv dot evidence.jsonl; do
        same "$1.$e" "single.$e" "$2: $e"
    done
}

# --- GNU parallel: one extract per shard, through --sshlogin ------------------
if command -v parallel >/dev/null 2>&1; then
    # the README's recipe, with this machine (:) as the only host: --trc
    # (transfer the shard, return the partial, clean up) is then a no-op
    mkdir gnu
    (cd gnu && ls ../shards/*.jsonl | parallel --will-cite --sshlogin 3/: --trc {/.}.agp --halt now,fail=1 \
        "$AG_BIN" extract "${OPTS[@]}" -j1 --partial {/.}.agp {} 2>/dev/null) || fail "GNU parallel"
    equals "$(ls gnu/*.agp | wc -l)" 5 "GNU parallel wrote a partial per shard"
    run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o gnu.graphml -o gnu.gexf -o gnu.json -o gnu.csv -o gnu.dot \
        --evidence-out gnu.evidence.jsonl --stats gnu.stats.json gnu
    same_as_single gnu "GNU parallel shards merged"
    equals "$(stat_value gnu.stats.json documents)" 84 "merged --stats: documents"
    equals "$(stat_value gnu.stats.json partials)" 5 "merged --stats: partials"
    for k in bytes tokens sentences paragraphs actors edges slices undated blocked; do
        equals "$(stat_value gnu.stats.json $k)" "$(stat_value single.stats.json $k)" "merged --stats: $k"
    done
    equals "$(grep -c '"names"' gnu.stats.json)" 1 "merged --stats: mentions by kind"
    equals "$(stat_value gnu.stats.json names)" "$(stat_value single.stats.json names)" "merged --stats: names"
else
    echo "SKIP (part): GNU parallel is not installed (Debian: apt-get install parallel)"
fi

# --- Hadoop Streaming / Spark pipe(): mappers read JSONL on standard input -----
# and write partials on standard output; the shuffle sorts the lines; one
# reducer merges standard input
mkdir map
for s in shards/*.jsonl; do
    "$AG_BIN" extract "${OPTS[@]}" --partial - <"$s" >"map/$(basename "$s" .jsonl).out" || fail "mapper on $s"
done
cat map/*.out | LC_ALL=C sort >shuffled
run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o hadoop.graphml -o hadoop.gexf -o hadoop.json -o hadoop.csv -o hadoop.dot \
    --evidence-out hadoop.evidence.jsonl - <shuffled
same_as_single hadoop "mapper partials sorted and reduced"
# Spark's pipe() keeps each partition's lines in order; any interleaving of
# whole lines merges the same (here: every partial's lines reversed, header last)
cat map/*.out | tac >reversed
run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o reversed.graphml reversed
same reversed.graphml single.graphml "lines in reverse order"
# split across files the other way: one file with every evidence line, one with
# the rest; the evidence checks wait for the last file, so either order merges
cat map/*.out >all.agp
{ grep '^#' map/part00.out; grep '^E	' all.agp; } >evidence-only.agp
grep -v '^E	' all.agp >no-evidence.agp
run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o split1.graphml no-evidence.agp evidence-only.agp
same split1.graphml single.graphml "evidence in a file after its pairs"
run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o split2.graphml evidence-only.agp no-evidence.agp
same split2.graphml single.graphml "evidence in a file before its pairs"

# --- merge as a combiner: partials into a partial, then into the graph --------
run 0 "$AG_BIN" merge -q --partial combined.agp map/part00.out map/part01.out map/part02.out
has combined.agp '^#actorgraph-partial	1$' "a combined partial has the header"
equals "$(count_lines combined.agp '^#')" 7 "one header, not three"
run 0 "$AG_BIN" merge -q "${GRAPH[@]}" -o combined.graphml combined.agp map/part03.out map/part04.out
same combined.graphml single.graphml "combined partials"

# --- the same for every window and counting mode --------------------------------
for w in "-w paragraph --slice week" "-w tokens:5 --count binary --slice day" "-w document --slice year"; do
    # shellcheck disable=SC2086
    "$AG_BIN" extract -q $w -o w.graphml corpus.jsonl || fail "single run $w"
    rm -f wparts/*
    mkdir -p wparts
    for s in shards/*.jsonl; do
        # shellcheck disable=SC2086
        "$AG_BIN" extract -q $w -j2 --partial "wparts/$(basename "$s" .jsonl).agp" "$s" || fail "shard $s $w"
    done
    run 0 "$AG_BIN" merge -q -o wm.graphml wparts
    same wm.graphml w.graphml "merged shards, $w"
done

# --- a partial holds what it says -------------------------------------------------
"$AG_BIN" extract -q -l "$CLI_DATA/lexicon.json" --partial small.agp "$CLI_DATA/docs/one.txt" "$CLI_DATA/docs/two.txt"
has small.agp '^#window	sentence$' "header: window"
has small.agp '^#count	full$' "header: count"
has small.agp '^#slice	none$' "header: slice"
has small.agp '^#evidence	0$' "header: evidence"
has small.agp '^#scan	kinds=names,short,metonyms,patterns metonym-places=no max-document=33554432$' "header: scan"
has small.agp '^N	documents	2$' "documents"
has small.agp '^N	windows	6$' "windows"
has small.agp '^P	AZE	ARM	1	1$' "the ARM-AZE pair"
has small.agp '^R	mentions	names	6$' "run statistics"
run 0 "$AG_BIN" merge -q -l "$CLI_DATA/lexicon.json" small.agp
same "$T/out" "$(versioned "$CLI_DATA/extract.expected.graphml")" "merge of one partial: the extract golden"

# --- mistakes -------------------------------------------------------------------
run 1 "$AG_BIN" merge -q -o x.graphml small.agp
has "$T/err" "^actorgraph: small.agp: made with another lexicon \(fingerprint [0-9a-f]{16}, 5 actors\) than the one loaded \([0-9a-f]{16}, [0-9]+ actors\): give merge the same -l as extract$" "another lexicon"
"$AG_BIN" extract -q -w paragraph --partial para.agp "$EXAMPLES/01_armenia-azerbaijan-summit.txt"
run 1 "$AG_BIN" merge -q -o x.graphml wparts/part00.agp para.agp
has "$T/err" "^actorgraph: para.agp:3: this partial's #window header differs from the partials read before \(\"paragraph\" vs \"document\"\): only partials made with the same options can be merged$" "another window"
run 1 "$AG_BIN" merge -q --evidence 3 -o x.graphml map/part00.out
has "$T/err" "^actorgraph merge: --evidence 3: the partials kept only 2 windows per pair \(extract --evidence decides how many\)$" "more evidence than kept"
run 1 "$AG_BIN" merge -q --evidence-out x.jsonl para.agp
has "$T/err" "^actorgraph merge: --evidence-out: the partials kept no evidence \(extract --evidence N keeps it\)$" "evidence-out without evidence"
run 1 "$AG_BIN" merge -q -o x.graphml "$EXAMPLES/01_armenia-azerbaijan-summit.txt"
has "$T/err" "^actorgraph: .*01_armenia-azerbaijan-summit.txt: the header line #actorgraph-partial is missing: is this a partial written by actorgraph extract --partial\?$" "a text is not a partial"
: >empty.agp
run 1 "$AG_BIN" merge -q -o x.graphml empty.agp
has "$T/err" "^actorgraph: empty.agp: empty: a partial starts with the header line #actorgraph-partial$" "an empty file"
run 1 "$AG_BIN" merge -q -o x.graphml missing.agp
has "$T/err" "^actorgraph: missing.agp: cannot open the partial: No such file or directory$" "a missing file"
mkdir nothing
run 1 "$AG_BIN" merge -q -o x.graphml nothing
has "$T/err" "^actorgraph: nothing: no \*.agp partials in the directory$" "an empty directory"
sed 's/^R	bytes	\([0-9]*\)$/R	bytes	lots/' small.agp >badstats.agp
run 1 "$AG_BIN" merge -q -l "$CLI_DATA/lexicon.json" -o x.graphml badstats.agp
has "$T/err" "^actorgraph: badstats.agp:[0-9]+: bad statistics record \(R, names..., a count\)$" "a bad statistics record"
run 1 "$AG_BIN" extract -q --partial - -o - "$EXAMPLES"
has "$T/err" "only one output can go to standard output" "two outputs on standard output"
# a failed merge leaves an existing output alone
echo keep >kept.graphml
run 1 "$AG_BIN" merge -q -o kept.graphml small.agp
equals "$(cat kept.graphml)" keep "the existing output is untouched"

finish

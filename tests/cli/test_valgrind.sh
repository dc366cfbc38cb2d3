#!/usr/bin/env bash
# The command line under valgrind: the main commands on small inputs —
# extract with every output format and the options that take other code
# paths (paragraph and token windows, slices, evidence, filters,
# communities, threads, warnings about bad input), mentions, centrality,
# communities, convert, eval, merge, lexicon check, stats and import, and
# their failures — each with no memory error and no definite leak
# (--leak-check=full; definite leaks count as errors). Skipped when
# valgrind is missing, or when the binary is built with a sanitizer
# (valgrind cannot run those).
. "$(dirname "$0")/lib.sh"

command -v valgrind >/dev/null 2>&1 || skip "valgrind is not installed"
if grep -aq -e '__asan_init' -e '__ubsan_handle' "$AG_BIN"; then
    skip "$AG_BIN is built with a sanitizer, which valgrind cannot run"
fi

VG=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --track-origins=yes --log-file="$T/vg.%p")

# vg WANT CMD...: CMD's exit status is WANT, and valgrind found nothing
vg() {
    local want=$1
    shift
    rm -f "$T"/vg.*
    run "$want" "${VG[@]}" "$@"
    checks=$((checks + 1))
    if [ -n "$(cat "$T"/vg.* 2>/dev/null)" ]; then
        fail "valgrind reports on: $*"
        head -40 "$T"/vg.* | sed 's/^/    /' >&2
    fi
}

D=$CLI_DATA
L=$D/lexicon.json
cd "$T" || exit 1
printf '%s\n' '{"id": "a", "date": "2025-01-03", "text": "Russia met Armenia. Baku said so.\n\nAzerbaijan and Yerevan replied."}' \
    'not json' '{"id": "b", "date": "2025-02-10", "text": "Ilham Aliyev thanked Russia. Aliyev and the European Union \u00e9 talked."}' \
    '{"id": "c", "text": 5}' >news.jsonl
printf 'Russia and Armenia \xff met.\r\nMoscow said.' >bad.txt
head -c 3000 /dev/zero >binary.txt

vg 0 "$AG_BIN" extract -l "$L" -o g.graphml -o g.gexf -o g.dot -o g.json -o g.csv --stats stats.json \
    --evidence 2 --evidence-out ev.jsonl --communities louvain "$D/docs" news.jsonl
vg 0 "$AG_BIN" extract -l "$L" -w paragraph --slice month --weight npmi --backbone 0.5 --top 4 -o s.gexf news.jsonl
vg 0 "$AG_BIN" extract -l "$L" -w tokens:3 --count binary --communities leiden --largest-component -j 2 \
    -o t.json "$D/docs" news.jsonl
vg 1 "$AG_BIN" extract -l "$L" -o w.graphml bad.txt binary.txt absent.txt news.jsonl
vg 0 "$AG_BIN" extract -l "$L" --evidence 2 --partial part.agp "$D/docs"
vg 0 "$AG_BIN" merge -l "$L" -o merged.graphml part.agp
vg 0 "$AG_BIN" mentions -l "$L" -o m.jsonl "$D/docs" news.jsonl bad.txt
vg 0 "$AG_BIN" mentions -l "$LEXICONS" "$EXAMPLES/01_armenia-azerbaijan-summit.txt"
vg 0 "$AG_BIN" centrality g.graphml
vg 0 "$AG_BIN" centrality --format json --sort betweenness g.json
vg 0 "$AG_BIN" communities --format json g.graphml
vg 0 "$AG_BIN" convert g.graphml -o c.json -o c.csv -o c.gexf -o c.dot
vg 0 "$AG_BIN" convert g.json -o c.graphml
vg 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$AG_TEST_DATA/gold/gold.json" "$AG_TEST_DATA/gold/georgia.txt" \
    "$AG_TEST_DATA/gold/guinea.txt"
vg 0 "$AG_BIN" lexicon check "$L"
vg 0 "$AG_BIN" lexicon stats "$L"
vg 0 "$AG_BIN" lexicon import --from petrarch -o imported.json "$AG_TEST_DATA/import/small.actors.txt"

# failures: their error paths free what they took too
printf '{"lexicon": "bad", "version": 1, "actors": [{"id": "X", "label": "X", "type": "stat", "patterns": ["(a"]},\n {"id": "X"}]}' >bad-lex.json
vg 1 "$AG_BIN" lexicon check bad-lex.json
vg 1 "$AG_BIN" extract -l bad-lex.json -o never.graphml "$D/docs"
printf '{"lexicon": "p", "version": 1, "actors": [{"id": "P", "label": "P", "type": "org", "patterns": ["Fo(o"]}]}' >bad-pat.json
vg 1 "$AG_BIN" extract -l bad-pat.json -o never.graphml "$D/docs"
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><edge source="a" target="b"><data key="x">1</da></edge></graph></graphml>\n' >bad.graphml
vg 1 "$AG_BIN" centrality bad.graphml
vg 1 "$AG_BIN" convert bad.graphml -o never.json
printf '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": -1}]}' >neg.json
vg 1 "$AG_BIN" centrality neg.json
vg 2 "$AG_BIN" extract -l "$L" -o no/such/dir/g.graphml "$D/docs"
vg 1 "$AG_BIN" extract --window sideways "$D/docs"

finish

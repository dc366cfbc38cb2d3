#!/usr/bin/env bash
# `actorgraph centrality` end to end: the weighted star of
# tests/data/golden/centrality_star.graphml (values derived in
# check_centrality.c) in every output format and with every option, its
# errors, and `--format json` on the graph of the bundled examples.
. "$(dirname "$0")/lib.sh"

STAR=$AG_TEST_DATA/golden/centrality_star.graphml

# json_field JSON_FILE ID KEY: the number a row of `--format json` gives.
json_field() {
    grep "^  {\"id\": \"$2\"," "$1" | sed -n "s/.*\"$3\": \\([^,}]*\\).*/\\1/p"
}

# --- json ---------------------------------------------------------------------
run 0 "$AG_BIN" centrality --format json "$STAR"
cp "$T/out" "$T/star.json"
equals "$(head -1 "$T/star.json")" "[" "json: an array"
equals "$(tail -1 "$T/star.json")" "]" "json: closed"
equals "$(count_lines "$T/star.json" '^  \{"id": ')" 4 "json: one row per node"
# sorted by PageRank: c (71/148), l3, then l1 and l2 (equal up to rounding)
equals "$(grep -o '^  {"id": "[^"]*"' "$T/star.json" | cut -d'"' -f4 | head -2 | tr '\n' ' ')" "c l3 " "json: order"
has "$T/star.json" '^  \{"id": "c", "label": "Centre", "degree": 3, "strength": 4, "betweenness": 3, "closeness": [0-9.e+-]+, "harmonic": 4, "eigenvector": 1, "pagerank": [0-9.e+-]+\},$' \
    "json: the fields of a row, in order"
near "$(json_field "$T/star.json" c pagerank)" 0.479729729729730 1e-9 "json: PageRank of c = 71/148"
near "$(json_field "$T/star.json" l1 pagerank)" 0.139442567567568 1e-9 "json: PageRank of l1"
near "$(json_field "$T/star.json" l3 pagerank)" 0.241385135135135 1e-9 "json: PageRank of l3"
near "$(json_field "$T/star.json" c closeness)" 1.2 1e-12 "json: closeness of c = 3/2.5"
near "$(json_field "$T/star.json" l1 closeness)" 0.666666666666667 1e-12 "json: closeness of l1 = 3/4.5"
near "$(json_field "$T/star.json" l3 harmonic)" 3.33333333333333 1e-12 "json: harmonic of l3 = 2 + 2/1.5"
near "$(json_field "$T/star.json" l3 eigenvector)" 0.816496580927726 1e-9 "json: eigenvector of l3 = 2/sqrt 6"
near "$(json_field "$T/star.json" l2 strength)" 1 0 "json: strength of l2"

# --- tsv and table ----------------------------------------------------------------
run 0 "$AG_BIN" centrality --format tsv --sort degree "$STAR"
equals "$(head -1 "$T/out")" "$(printf 'rank\tid\tlabel\tdegree\tstrength\tbetweenness\tcloseness\tharmonic\teigenvector\tpagerank')" \
    "tsv: header"
equals "$(sed -n 2p "$T/out" | cut -f1-6)" "$(printf '1\tc\tCentre\t3\t4\t3')" "tsv: first row by degree"
equals "$(count_lines "$T/out" '^[0-9]+	')" 4 "tsv: rows"
run 0 "$AG_BIN" centrality --format tsv --sort strength --top 2 "$STAR"
equals "$(tail -n +2 "$T/out" | cut -f1,2 | tr '\t\n' ': ')" "1:c 2:l3 " "tsv --sort strength --top 2"
run 0 "$AG_BIN" centrality "$STAR"
has "$T/out" '^rank +id +label +degree +strength +betweenness +closeness +harmonic +eigenvector +pagerank$' "table: header"
has "$T/out" '^ +1 +c +Centre +3 +4 +3 +1\.2000 +4\.0000 +1\.0000 +0\.47973$' "table: first row"
equals "$(count_lines "$T/out" '^ +[0-9]+ ')" 4 "table: rows"
# labels beyond ASCII line up by characters, and a long one is cut between characters
long=$(printf 'Ü%.0s' $(seq 40))
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">' \
    '<key id="l" for="node" attr.name="label" attr.type="string"/>' \
    '<graph edgedefault="undirected"><node id="a"><data key="l">Türkiye</data></node>' \
    "<node id=\"b\"><data key=\"l\">$long</data></node>" \
    '<node id="c"><data key="l">Chad</data></node>' \
    '<edge source="a" target="b"/><edge source="b" target="c"/></graph></graphml>' >"$T/wide.graphml"
run 0 "$AG_BIN" centrality --unweighted --sort degree "$T/wide.graphml"
equals "$(sed -n 2p "$T/out")" \
    "$(printf '   1  b   %s %7s %10s %12s %10s %10s %11s %10s' "$(printf 'Ü%.0s' $(seq 32))" 2 2 1 1.0000 2.0000 1.0000 0.48649)" \
    "table: a long label, cut at 32 characters"
equals "$(sed -n 3p "$T/out")" \
    "$(printf '   2  a   Türkiye%25s %7s %10s %12s %10s %10s %11s %10s' '' 1 1 0 0.6667 1.5000 0.7071 0.25676)" \
    "table: a label beyond ASCII padded by characters, not bytes"

# --- options ----------------------------------------------------------------------
run 0 "$AG_BIN" centrality --format json --unweighted "$STAR"
near "$(json_field "$T/out" l3 pagerank)" 0.173423423423423 1e-9 "--unweighted: PageRank of a leaf = 77/444"
near "$(json_field "$T/out" c strength)" 3 0 "--unweighted: strength = degree"
near "$(json_field "$T/out" l1 closeness)" 0.6 1e-12 "--unweighted: closeness of a leaf = 3/5"
run 0 "$AG_BIN" centrality --format json --weight-attr count "$STAR"
near "$(json_field "$T/out" c strength)" 19 0 "--weight-attr count: strength 5 + 5 + 9"
run 0 "$AG_BIN" centrality --format json --damping 0 "$STAR"
near "$(json_field "$T/out" l1 pagerank)" 0.25 1e-12 "--damping 0: uniform"

# --- errors -----------------------------------------------------------------------
head='<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
cat >"$T/zero.graphml" <<EOF
$head<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="p"/><node id="q"/><node id="r"/>
<edge source="p" target="q"><data key="w">1</data></edge>
<edge source="q" target="r"><data key="w">0</data></edge></graph></graphml>
EOF
run 1 "$AG_BIN" centrality "$T/zero.graphml"
has "$T/err" 'zero\.graphml: .*q -- r' "a zero weight: the file and the edge are named"
equals "$(cat "$T/out")" "" "a zero weight: no table"
run 0 "$AG_BIN" centrality --unweighted "$T/zero.graphml"

cat >"$T/noweight.graphml" <<EOF
$head<graph edgedefault="undirected"><node id="p"/><node id="q"/><edge source="p" target="q"/></graph></graphml>
EOF
run 1 "$AG_BIN" centrality "$T/noweight.graphml"
has "$T/err" '"weight"' "no weight attribute: named"
has "$T/err" '--unweighted' "no weight attribute: the way out is named"

printf 'not a graph\n' >"$T/junk.graphml"
run 1 "$AG_BIN" centrality "$T/junk.graphml"
has "$T/err" 'junk\.graphml' "malformed GraphML: the file is named"

run 1 "$AG_BIN" centrality "$T/absent.graphml"
has "$T/err" 'absent\.graphml' "a missing graph file is named"
equals "$(cat "$T/out")" "" "a missing graph file: no table"

run 1 "$AG_BIN" centrality
run 1 "$AG_BIN" centrality "$STAR" "$STAR"
run 1 "$AG_BIN" centrality --format xml "$STAR"
run 1 "$AG_BIN" centrality --sort fame "$STAR"
run 1 "$AG_BIN" centrality --damping 1.5 "$STAR"
run 1 "$AG_BIN" centrality --top many "$STAR"

# --- the graph of the bundled examples -------------------------------------------
shopt -s nullglob
texts=("$EXAMPLES"/*.txt)
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/examples.graphml" "${texts[@]}"
nodes=$(count_lines "$T/examples.graphml" '^    <node id=')
run 0 "$AG_BIN" centrality --format json "$T/examples.graphml"
cp "$T/out" "$T/examples.json"
equals "$(count_lines "$T/examples.json" '^  \{"id": ')" "$nodes" "examples: one row per node"
equals "$(count_lines "$T/examples.json" '"degree": [0-9]+, "strength": [0-9.e+-]+, "betweenness": [0-9.e+-]+, "closeness": [0-9.e+-]+, "harmonic": [0-9.e+-]+, "eigenvector": [0-9.e+-]+, "pagerank": [0-9.e+-]+\},?$')" \
    "$nodes" "examples: every row has every measure as a number"
sed -n 's/.*"pagerank": \([^}]*\)}.*/\1/p' "$T/examples.json" >"$T/pr"
awk 'NR > 1 && $1 > prev + 0 { bad = 1 } { prev = $1; sum += $1 } END { exit !(bad == 0 && sum > 0.999999 && sum < 1.000001) }' "$T/pr" ||
    fail "examples: PageRank not descending or not summing to 1"
equals "$(grep -o '"id": "[^"]*"' "$T/examples.json" | sort | uniq -d)" "" "examples: no node twice"
run 0 "$AG_BIN" centrality --format tsv --top 5 "$T/examples.graphml"
equals "$(count_lines "$T/out" '^[0-9]+	')" 5 "examples: --top 5"

finish

#!/usr/bin/env bash
# `actorgraph convert` end to end: the graph of the bundled examples in
# every format; GraphML -> JSON -> GraphML and JSON -> GraphML -> JSON
# byte-identical; -f, standard output, CSV's pair of files; `centrality`
# reading JSON; errors (with file:line:col for malformed JSON) and atomic
# outputs; then the real consumers: `agcheck gexf|json|csv|graphml|dot` on
# the examples graph, on the golden files of the GEXF, JSON and CSV
# writers, and — when ../shared/seeds exists — on the seeds graph. Each
# consumer's check is skipped alone when its tools are missing.
. "$(dirname "$0")/lib.sh"

G=$AG_TEST_DATA/golden
shopt -s nullglob
texts=("$EXAMPLES"/*.txt)
[ "${#texts[@]}" -gt 0 ] || fail "no example texts in $EXAMPLES"

# --- every format from the examples graph ----------------------------------------
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/ex.graphml" "${texts[@]}"
nodes=$(count_lines "$T/ex.graphml" '^    <node id=')
edges=$(count_lines "$T/ex.graphml" '^    <edge source=')
[ "$edges" -gt 0 ] || fail "the examples graph has no edges"

run 0 "$AG_BIN" convert "$T/ex.graphml" -o "$T/ex.gexf" -o "$T/ex.json" -o "$T/ex.csv" -o "$T/ex.dot" \
    -o "$T/ex2.graphml"
equals "$(cat "$T/out" "$T/err")" "" "convert: silent"
same "$T/ex2.graphml" "$T/ex.graphml" "GraphML -> GraphML"
equals "$(count_lines "$T/ex.gexf" '^      <node id=')" "$nodes" "gexf: every node"
equals "$(count_lines "$T/ex.gexf" '^      <edge id=')" "$edges" "gexf: every edge"
has "$T/ex.gexf" '^<gexf xmlns="http://gexf.net/1.3" ' "gexf: version 1.3"
equals "$(count_lines "$T/ex.json" '^    \{"id": ')" "$nodes" "json: every node"
equals "$(count_lines "$T/ex.json" '^    \{"source": ')" "$((2 * edges))" "json: every edge, in links and in edges"
equals "$(($(wc -l <"$T/ex.nodes.csv") - 1))" "$nodes" "csv: a row per node"
equals "$(($(wc -l <"$T/ex.edges.csv") - 1))" "$edges" "csv: a row per edge"
equals "$(head -1 "$T/ex.edges.csv" | cut -d, -f1-4)" "Source,Target,Type,Weight" "csv: Gephi's edge columns"
equals "$(head -1 "$T/ex.nodes.csv" | cut -d, -f1-2)" "Id,Label" "csv: Gephi's node columns"
[ ! -e "$T/ex.csv" ] || fail "csv: NAME.csv itself is not written"
equals "$(count_lines "$T/ex.dot" ' -- ')" "$edges" "dot: every edge"
equals "$(ls -A "$T" | grep -c '^\.')" 0 "no temporary file left"

# --- round trips --------------------------------------------------------------------
run 0 "$AG_BIN" convert "$T/ex.json" -o "$T/rt.graphml"
same "$T/rt.graphml" "$T/ex.graphml" "GraphML -> JSON -> GraphML"
run 0 "$AG_BIN" convert "$T/rt.graphml" -o "$T/rt.json"
same "$T/rt.json" "$T/ex.json" "JSON -> GraphML -> JSON"
run 0 "$AG_BIN" convert "$T/ex.json" -o "$T/rt2.json" -o "$T/rt.gexf" -o "$T/rt.csv"
same "$T/rt2.json" "$T/ex.json" "JSON -> JSON"
same "$T/rt.gexf" "$T/ex.gexf" "GEXF from JSON = GEXF from GraphML"
same "$T/rt.nodes.csv" "$T/ex.nodes.csv" "CSV nodes from JSON = from GraphML"
same "$T/rt.edges.csv" "$T/ex.edges.csv" "CSV edges from JSON = from GraphML"

# a tricky graph (control character, quotes, non-ASCII) from JSON and back
run 0 "$AG_BIN" convert "$G/tricky.json" -o "$T/tricky.json"
same "$T/tricky.json" "$G/tricky.json" "tricky JSON -> JSON"
run 0 "$AG_BIN" convert "$G/tricky.json" -o "$T/tricky.gexf" -o "$T/tricky.csv"
same "$T/tricky.gexf" "$(versioned "$G/tricky.gexf")" "tricky JSON -> the GEXF golden file"
same "$T/tricky.nodes.csv" "$G/tricky.nodes.csv" "tricky JSON -> the CSV golden nodes"
same "$T/tricky.edges.csv" "$G/tricky.edges.csv" "tricky JSON -> the CSV golden edges"

# --- -f, standard output, the CSV pair's names ---------------------------------------
run 0 "$AG_BIN" convert -f gexf "$T/ex.json" -o "$T/forced.out"
same "$T/forced.out" "$T/ex.gexf" "-f gexf whatever the name"
run 0 "$AG_BIN" convert --format json --output - "$T/ex.graphml"
same "$T/out" "$T/ex.json" "-o - -f json: JSON on standard output"
run 0 "$AG_BIN" convert "$T/ex.json"
same "$T/out" "$T/ex.graphml" "no -o: GraphML on standard output"
run 0 "$AG_BIN" convert "$T/ex.json" -f csv -o "$T/pair"
same "$T/pair.nodes.csv" "$T/ex.nodes.csv" "-f csv -o NAME: NAME.nodes.csv"
run 0 "$AG_BIN" convert "$T/ex.json" -o "$T/named.edges.csv"
same "$T/named.edges.csv" "$T/ex.edges.csv" "-o NAME.edges.csv: the pair"
[ -f "$T/named.nodes.csv" ] || fail "-o NAME.edges.csv writes NAME.nodes.csv too"

# --- centrality reads JSON ------------------------------------------------------------
run 0 "$AG_BIN" centrality --format tsv "$T/ex.graphml"
cp "$T/out" "$T/c.graphml.tsv"
run 0 "$AG_BIN" centrality --format tsv "$T/ex.json"
same "$T/out" "$T/c.graphml.tsv" "centrality: the same table from JSON as from GraphML"
run 0 "$AG_BIN" centrality --format tsv "$AG_TEST_DATA/convert/networkx.json"
equals "$(count_lines "$T/out" '^[0-9]+	')" 3 "centrality of a graph networkx wrote"

# --- errors ---------------------------------------------------------------------------
run 0 "$AG_BIN" convert --help
has "$T/out" '^usage: actorgraph convert' "--help"
has "$T/out" 'graphml, gexf, dot, json or csv' "--help lists the formats"
run 1 "$AG_BIN" convert
has "$T/err" 'exactly one GRAPH' "no GRAPH"
run 1 "$AG_BIN" convert "$T/ex.json" "$T/ex.graphml"
run 1 "$AG_BIN" convert -f xml "$T/ex.json" -o "$T/x.xml"
has "$T/err" "-f takes graphml, gexf, dot, json or csv, not 'xml'" "unknown -f"
run 1 "$AG_BIN" convert "$T/ex.json" -o "$T/x.xml"
has "$T/err" "cannot tell the format of '.*x\.xml'" "unknown extension"
run 1 "$AG_BIN" convert "$T/ex.json" -f csv -o -
has "$T/err" 'CSV is two files .* cannot go to standard output' "CSV to standard output"
equals "$(cat "$T/out")" "" "CSV to standard output: nothing written"
run 1 "$AG_BIN" convert "$T/absent.json" -o "$T/x.gexf"
has "$T/err" 'absent\.json' "a missing graph is named"
[ ! -e "$T/x.gexf" ] || fail "a failed conversion writes nothing"

printf '{"nodes": [\n  {"id": "a"},\n  {"id": }\n]}\n' >"$T/bad.json"
run 1 "$AG_BIN" convert "$T/bad.json" -o "$T/x.gexf"
has "$T/err" '^actorgraph: .*bad\.json:3:10: malformed JSON' "malformed JSON: file:line:col"
printf '{"nodes": [{"id": "a"}],\n "links": [{"source": "a", "target": "b"}]}\n' >"$T/dangling.json"
run 1 "$AG_BIN" convert "$T/dangling.json" -o "$T/x.gexf"
has "$T/err" 'dangling\.json:2:38: no node has the id "b"' "a link to no node: file:line:col"
run 1 "$AG_BIN" centrality "$T/dangling.json"
has "$T/err" 'dangling\.json:2:38:' "centrality: the same message"

# one output that cannot be written: none is, and an existing file stays
printf 'previous\n' >"$T/keep.gexf"
run 2 "$AG_BIN" convert "$T/ex.json" -o "$T/keep.gexf" -o "$T/no/such/dir/x.json"
has "$T/err" 'no/such/dir/x\.json' "the output that failed is named"
equals "$(cat "$T/keep.gexf")" "previous" "a failed conversion leaves existing outputs alone"
equals "$(ls -A "$T" | grep -c '^\.')" 0 "no temporary file left after a failure"

# --- the real consumers ---------------------------------------------------------------
ran=0
if [ -x "$AGCHECK" ] && command -v xmllint >/dev/null && have_python_modules networkx; then
    for f in "$T/ex.gexf" "$T/tricky.gexf" "$(versioned "$G/empty.gexf")"; do
        run 0 "$AGCHECK" gexf "$f"
        has "$T/out" '^ok gexf 1\.3' "agcheck gexf $(basename "$f")"
    done
    ran=$((ran + 1))
else
    echo "note: agcheck gexf skipped (needs ../shared, xmllint, python3-networkx)"
fi
if [ -x "$AGCHECK" ] && have_python_modules networkx; then
    for f in "$T/ex.json" "$G/tricky.json" "$G/empty.json"; do
        run 0 "$AGCHECK" json "$f"
        has "$T/out" '^ok json' "agcheck json $(basename "$f")"
    done
    ran=$((ran + 1))
else
    echo "note: agcheck json skipped (needs ../shared, python3-networkx)"
fi
if [ -x "$AGCHECK" ] && [ -x /usr/bin/python3 ]; then
    for f in "$T/ex" "$G/tricky"; do
        run 0 "$AGCHECK" csv "$f"
        has "$T/out" '^ok csv' "agcheck csv $(basename "$f")"
    done
    ran=$((ran + 1))
else
    echo "note: agcheck csv skipped (needs ../shared, python3)"
fi
if [ -x "$AGCHECK" ] && command -v xmllint >/dev/null && have_python_modules "networkx, igraph"; then
    run 0 "$AGCHECK" graphml "$T/rt.graphml"
    has "$T/out" '^ok graphml' "agcheck graphml on GraphML from JSON"
    ran=$((ran + 1))
fi
if [ -x "$AGCHECK" ] && command -v dot >/dev/null && command -v sfdp >/dev/null; then
    run 0 "$AGCHECK" dot "$T/ex.dot"
    has "$T/out" '^ok dot' "agcheck dot on DOT from GraphML"
    ran=$((ran + 1))
fi

# the seeds graph, through JSON into every format
if [ -d "$AG_SHARED_DIR/seeds" ] && [ "$ran" -gt 0 ]; then
    run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/seeds.json" "$AG_SHARED_DIR/seeds"
    run 0 "$AG_BIN" convert "$T/seeds.json" -o "$T/seeds.gexf" -o "$T/seeds.csv" -o "$T/seeds.graphml" \
        -o "$T/seeds2.json"
    same "$T/seeds2.json" "$T/seeds.json" "seeds: JSON -> JSON"
    if command -v xmllint >/dev/null && have_python_modules networkx; then
        run 0 "$AGCHECK" gexf "$T/seeds.gexf"
        has "$T/out" '^ok gexf 1\.3' "agcheck gexf on the seeds graph"
    fi
    if have_python_modules networkx; then
        run 0 "$AGCHECK" json "$T/seeds.json"
        has "$T/out" '^ok json' "agcheck json on the seeds graph"
    fi
    run 0 "$AGCHECK" csv "$T/seeds"
    has "$T/out" '^ok csv' "agcheck csv on the seeds graph"
    if command -v xmllint >/dev/null && have_python_modules "networkx, igraph"; then
        run 0 "$AGCHECK" graphml "$T/seeds.graphml"
        has "$T/out" '^ok graphml' "agcheck graphml on the seeds graph from JSON"
    fi
else
    echo "note: the seeds graph skipped (needs ../shared/seeds and the consumers' tools)"
fi

finish

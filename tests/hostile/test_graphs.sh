#!/usr/bin/env bash
# Bad graphs for centrality, communities and convert: malformed GraphML
# and JSON (the position when the parser knows it), graphs that are not
# graphs, missing, zero, negative, NaN and infinite weights (centrality:
# an error naming the edge; convert: copied as they are, a missing or NaN
# value written as missing), and the empty graph. Every failure is exit 1
# with the file named, and leaves existing outputs untouched.
. "$(dirname "$0")/lib.sh"

head='<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
key_w='<key id="w" for="edge" attr.name="weight" attr.type="double"/>'
old=$'an earlier graph\n'
printf '%s' "$old" >keep.json
untouched() {
    equals "$(cat keep.json; printf x)" "${old}x" "$1: the existing output is untouched"
}
# fails_everywhere FILE MESSAGE WHAT: centrality, communities and convert
# all exit 1 with exactly MESSAGE.
fails_everywhere() {
    run 1 "$AG_BIN" centrality "$1"
    stderr_is "$2" "centrality, $3"
    equals "$(cat "$T/out")" "" "centrality, $3: no table"
    run 1 "$AG_BIN" communities "$1"
    stderr_is "$2" "communities, $3"
    run 1 "$AG_BIN" convert "$1" -o keep.json
    stderr_is "$2" "convert, $3"
    untouched "convert, $3"
}

# --- malformed GraphML ------------------------------------------------------------------
printf '%s\n  %s\n  <graph id="G" edgedefault="undirected">\n    <node id="a"/><node id="b"/>\n    <edge source="a" target="b"><data key="w">1</da\n' \
    "$head" "$key_w" >truncated.graphml
fails_everywhere truncated.graphml \
    "actorgraph: truncated.graphml:7: malformed GraphML: Opening and ending tag mismatch: data line 6 and da" \
    "truncated GraphML"
printf '%s\n<graph edgedefault="undirected"><node id="\xff"/></graph></graphml>\n' "$head" >utf.graphml
fails_everywhere utf.graphml \
    "actorgraph: utf.graphml:3: malformed GraphML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0x22 0x2F 0x3E" \
    "invalid UTF-8 in GraphML"
printf '%s\n<graph edgedefault="undirected"><node/></graph></graphml>\n' "$head" >noid.graphml
fails_everywhere noid.graphml \
    "actorgraph: noid.graphml: not a GraphML graph actorgraph can read: Node with missing ID encountered." \
    "a node without an id"
printf '%s\n<graph edgedefault="undirected"><node id="a"/><edge target="a"/></graph></graphml>\n' "$head" >noend.graphml
fails_everywhere noend.graphml \
    "actorgraph: noend.graphml: not a GraphML graph actorgraph can read: Edge with missing source or target encountered." \
    "an edge without a source"
printf '%s\n%s\n<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">heavy</data></edge></graph></graphml>\n' \
    "$head" "$key_w" >word.graphml
fails_everywhere word.graphml \
    "actorgraph: word.graphml: not a GraphML graph actorgraph can read: Unexpected character 'h' while parsing real number." \
    "a word where a number is declared"
printf '%s\n<key id="c" for="edge" attr.name="count" attr.type="long"/>\n<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="c">2.5</data></edge></graph></graphml>\n' \
    "$head" >frac.graphml
fails_everywhere frac.graphml \
    "actorgraph: frac.graphml: edge 0 (\"a\" -- \"b\"): attribute \"count\" is declared int or long but its value 2.5 is not a whole number" \
    "a fraction where an integer is declared"
printf '%s\n</graphml>\n' "$head" >nograph.graphml
fails_everywhere nograph.graphml \
    "actorgraph: nograph.graphml: not a GraphML graph actorgraph can read: there is no <graph> element in the file" \
    "GraphML without a graph"
: >empty.graphml
fails_everywhere empty.graphml "actorgraph: empty.graphml: the file is empty: there is no graph in it" "an empty file"
printf 'nodes: a, b\n' >junk.graphml
fails_everywhere junk.graphml \
    "actorgraph: junk.graphml: neither GraphML nor JSON: the file does not start with '<', '{' or '['" "junk"
run 1 "$AG_BIN" centrality absent.graphml
stderr_is "actorgraph: absent.graphml: cannot open graph: No such file or directory" "a missing graph file"

# --- malformed and impossible JSON graphs --------------------------------------------------
printf '{"nodes": [{"id": "a"}, {"id": "b"}],\n "links": [{"source": "a", "target": "b", "weight": 1}\n' >truncated.json
fails_everywhere truncated.json "actorgraph: truncated.json:3:1: malformed JSON: ']' expected near end of file" \
    "truncated JSON"
printf '{"nodes": [{"id": "a"}, {"id": "a"}], "links": []}\n' >dupid.json
fails_everywhere dupid.json 'actorgraph: dupid.json:1:32: node id "a" is used twice (first by nodes[0])' \
    "a node id used twice"
printf '{"nodes": [{"id": "a"}],\n "links": [{"source": "a", "target": "zz"}]}\n' >unknown.json
fails_everywhere unknown.json 'actorgraph: unknown.json:2:38: no node has the id "zz"' "a link to no node"
printf '{"nodes": [{"name": "a"}], "links": []}\n' >noid.json
fails_everywhere noid.json 'actorgraph: noid.json:1:12: every node needs an "id"' "a JSON node without an id"
printf '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": NaN}]}\n' >nan.json
fails_everywhere nan.json \
    "actorgraph: nan.json:1:92: malformed JSON: invalid token near 'NaN' (JSON has no NaN or Infinity: write null for a missing value)" \
    "NaN in JSON (as Python writes it)"
printf '[{"id": "a"}]\n' >array.json
fails_everywhere array.json \
    'actorgraph: array.json:1:1: a node-link graph is an object with "nodes" and "links", not an array' \
    "a JSON array"
: >empty.json
fails_everywhere empty.json "actorgraph: empty.json:1:1: malformed JSON: '[' or '{' expected near end of file" \
    "an empty .json file"

# --- weights: centrality names the edge; --unweighted is the way out ------------------------
weighted() {   # weighted FILE VALUE: a triangle p q r whose q-r edge has VALUE ("" for no data)
    local qr=""
    [ -n "$2" ] && qr="<data key=\"w\">$2</data>"
    printf '%s\n%s\n<graph edgedefault="undirected"><node id="p"/><node id="q"/><node id="r"/>\n<edge source="p" target="q"><data key="w">1</data></edge>\n<edge source="q" target="r">%s</edge>\n<edge source="p" target="r"><data key="w">2</data></edge>\n</graph></graphml>\n' \
        "$head" "$key_w" "$qr" >"$1"
}
tail_msg="weighted centrality needs finite weights above 0 (filter with --min-weight, or use --unweighted)"
for case in "zero 0 weight 0" "negative -1.5 weight -1.5" "nan NaN no weight (missing or NaN)" \
    "inf INF weight INF" "minf -INF weight -INF" "missing '' no weight (missing or NaN)"; do
    read -r name value said <<<"$case"
    [ "$value" = "''" ] && value=
    weighted "w-$name.graphml" "$value"
    run 1 "$AG_BIN" centrality "w-$name.graphml"
    stderr_is "actorgraph: w-$name.graphml: edge q -- r has $said: $tail_msg" "centrality, a $name weight"
    equals "$(cat "$T/out")" "" "centrality, a $name weight: no table"
    run 0 "$AG_BIN" centrality --unweighted --format tsv "w-$name.graphml"
    equals "$(sed -n 2p "$T/out" | cut -f2,4)" "p	2" "centrality --unweighted, a $name weight: computed"
    run 0 "$AG_BIN" communities "w-$name.graphml"
    has "$T/out" '^louvain communities, modularity' "communities, a $name weight: falls back to unweighted"
done
printf '%s\n<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>\n' \
    "$head" >noweight.graphml
run 1 "$AG_BIN" centrality noweight.graphml
stderr_is "actorgraph: noweight.graphml: the graph's edges have no \"weight\" attribute (use --unweighted)" \
    "centrality, no weight attribute at all"
printf '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": "heavy"}]}\n' >textw.json
run 1 "$AG_BIN" centrality textw.json
stderr_is 'actorgraph: textw.json: edge attribute "weight" is text, not a number' "centrality, a text weight"
printf '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": null}]}\n' >nullw.json
run 1 "$AG_BIN" centrality nullw.json
stderr_is "actorgraph: nullw.json: edge a -- b has no weight (missing or NaN): $tail_msg" "centrality, a null weight"
printf '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": -2}]}\n' >negw.json
run 1 "$AG_BIN" centrality negw.json
stderr_is "actorgraph: negw.json: edge a -- b has weight -2: $tail_msg" "centrality, a negative JSON weight"
"$AG_BIN" extract -q -l "$LEXICONS" -o made.gexf "$EXAMPLES/01_armenia-azerbaijan-summit.txt" || fail "made.gexf"
run 1 "$AG_BIN" centrality made.gexf
stderr_is 'actorgraph: made.gexf: a GEXF file: actorgraph reads GraphML and JSON graphs (Gephi exports GraphML)' \
    "centrality of a GEXF file: says so"
printf '{"graph": {"modularity": "high"}, "nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}\n' >textq.json
run 1 "$AG_BIN" communities textq.json
stderr_is 'actorgraph: textq.json: the graph has a "modularity" attribute that is not a number' \
    "communities, a graph whose modularity is text"

# --- convert copies weights as they are (npmi weights are negative, for one) ----------------
printf '%s\n%s\n<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/><node id="d"/>\n<edge source="a" target="b"><data key="w">-1.5</data></edge>\n<edge source="b" target="c"><data key="w">0</data></edge>\n<edge source="c" target="d"><data key="w">NaN</data></edge>\n<edge source="d" target="a"/>\n<edge source="a" target="c"><data key="w">-INF</data></edge>\n</graph></graphml>\n' \
    "$head" "$key_w" >odd.graphml
run 0 "$AG_BIN" convert odd.graphml -o odd.graphml.out.graphml -o odd.json -o odd.csv -o odd.gexf
stderr_is "" "convert, odd weights: no message"
equals "$(grep -o '<data key="e0">[^<]*</data>' odd.graphml.out.graphml | tr '\n' ' ')" \
    '<data key="e0">-1.5</data> <data key="e0">0</data> <data key="e0">-INF</data> ' \
    "convert to GraphML: -1.5, 0 and -INF copied; NaN and missing stay missing"
if have_python; then
    equals "$(json_get odd.json '[l.get("weight") for l in d["links"]]')" "[-1.5, 0.0, None, None, None]" \
        "convert to JSON: -1.5 and 0 copied; NaN, missing and -INF missing (JSON has no such numbers)"
fi
equals "$(cut -d, -f4 odd.edges.csv | tr -d '\r' | tr '\n' ' ')" "Weight -1.5 0   -Infinity " \
    "convert to CSV: Weight -1.5, 0, empty for NaN and missing, -Infinity"
equals "$(grep -o 'weight="[^"]*"' odd.gexf | tr '\n' ' ')" 'weight="-1.5" weight="0" ' \
    "convert to GEXF: finite weights copied, the others left out"
run 1 "$AG_BIN" centrality odd.json
stderr_is "actorgraph: odd.json: edge a -- b has weight -1.5: $tail_msg" "centrality of the converted JSON: still refused"

# --- the empty graph ------------------------------------------------------------------------
printf '%s\n<graph id="G" edgedefault="undirected"></graph>\n</graphml>\n' "$head" >nothing.graphml
printf '{"nodes": [], "links": []}\n' >nothing.json
for f in nothing.graphml nothing.json; do
    run 0 "$AG_BIN" centrality "$f"
    stderr_is "" "centrality of an empty graph ($f): no message"
    equals "$(wc -l <"$T/out")" 1 "centrality of an empty graph ($f): the header only"
    run 0 "$AG_BIN" centrality --format json "$f"
    equals "$(tr -d '\n' <"$T/out")" "[]" "centrality --format json of an empty graph ($f)"
    run 0 "$AG_BIN" communities --format json "$f"
    equals "$(tr -d '\n' <"$T/out")" '{"method": "louvain", "modularity": 0, "communities": []}' \
        "communities of an empty graph ($f)"
    run 0 "$AG_BIN" convert "$f" -o "$f.out.graphml" -o "$f.out.gexf" -o "$f.out.json" -o "$f.out.csv" -o "$f.out.dot"
    stderr_is "" "convert of an empty graph ($f): no message"
    has "$f.out.gexf" '<nodes count="0">' "convert of an empty graph ($f): an empty GEXF"
    equals "$(tr -d '\r' <"$f.out.nodes.csv")" "Id,Label" "convert of an empty graph ($f): the CSV header"
done

finish

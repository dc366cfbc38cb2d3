#!/usr/bin/env bash
# Output safety: labels, ids, attribute names and values holding < > & " '
# commas, semicolons, newlines, tabs, CR, quotes, backslashes, control
# characters and non-ASCII text are escaped in every format, and the real
# consumers read back exactly what was written: GraphML and GEXF validate
# against the XSDs (xmllint) and load in networkx, DOT renders with dot and
# sfdp without a warning and keeps every node, JSON loads with Python's
# json, CSV with Python's csv. XML 1.0 cannot hold control characters
# other than tab, LF and CR: they become U+FFFD (in CSV too); JSON keeps
# them, escaped. Parts whose tools are missing are skipped with a note.
. "$(dirname "$0")/lib.sh"
have_python || skip "needs /usr/bin/python3"
READBACK=$AG_SOURCE_DIR/tests/hostile/readback.py
GRAPHML_XSD=$AG_SHARED_DIR/data/xsd-graphml/relative/graphml.xsd
have_nx=0
have_python_modules networkx && have_nx=1
have_xsd=0
command -v xmllint >/dev/null && [ -f "$GRAPHML_XSD" ] && have_xsd=1
have_dot=0
command -v dot >/dev/null && command -v sfdp >/dev/null && command -v gvpr >/dev/null && have_dot=1
[ "$have_nx" = 1 ] || echo "note: the networkx read-backs are skipped (needs python3-networkx)"
[ "$have_xsd" = 1 ] || echo "note: XSD validation is skipped (needs xmllint and $GRAPHML_XSD)"
[ "$have_dot" = 1 ] || echo "note: the Graphviz checks are skipped (needs graphviz)"

# check_dot FILE NODES EDGES: dot and sfdp render it silently, with every node and edge
check_dot() {
    [ "$have_dot" = 1 ] || return 0
    for engine in dot sfdp; do
        run 0 "$engine" -Tsvg -o /dev/null "$1"
        stderr_is "" "$engine renders $1 without a warning"
    done
    run 0 gvpr 'BEG_G { printf("%d %d\n", nNodes($G), nEdges($G)) }' "$1"
    equals "$(cat "$T/out")" "$2 $3" "$1: every node and edge survives (no two ids merged)"
}
# check_graphml_xsd FILE
check_graphml_xsd() {
    [ "$have_xsd" = 1 ] || return 0
    run 0 xmllint --nonet --noout --schema "$GRAPHML_XSD" "$1"
}
# check_agcheck FORMAT FILE: the shared acceptance check of one format
check_agcheck() {
    if [ -x "$AGCHECK" ] && [ "$have_nx" = 1 ] && [ "$have_xsd" = 1 ] && [ "$have_dot" = 1 ]; then
        run 0 "$AGCHECK" "$1" "$2"
        has "$T/out" "^ok $1" "agcheck $1 $2"
    fi
}

# --- a graph from elsewhere, through convert: ids, labels, attribute names and values ----
/usr/bin/python3 - <<'PY'
import json
ids = ['a<b>&"c\'', 'new\nline', 'tab\there\r', 'back\\slash "q"', 'ctl\u0001\u001f\u007f', 'uni é 日本 😀',
       'comma,semi;', '-leading dash', '  spaces  ', '#hash', '=eq', ' ']
nodes = [{"id": i, "label": "L:" + i, "note": "n:" + i + "\u0002", "we ird<key>&\"'": i[:3], "we_ird": 1} for i in ids]
links = [{"source": ids[k], "target": ids[(k + 1) % len(ids)], "weight": k + 0.5, "why": "w:" + ids[k]}
         for k in range(len(ids))]
json.dump({"graph": {"title": "g<&>\"'\n"}, "nodes": nodes, "links": links}, open("weird.json", "w"), ensure_ascii=False)
PY
run 0 "$AG_BIN" convert weird.json -o w.graphml -o w.gexf -o w.dot -o w.json -o w.csv
stderr_is "" "convert of the weird graph: no message"
check_graphml_xsd w.graphml
check_agcheck gexf w.gexf
check_dot w.dot 12 12
formats=(json csv)
[ "$have_nx" = 1 ] && formats+=(graphml gexf)
run 0 /usr/bin/python3 "$READBACK" weird.json w "${formats[@]}"
for f in "${formats[@]}"; do has "$T/out" "^ok $f\$" "every string of the weird graph reads back from $f"; done
has "$T/out" '^ok' "readback ran"
# attribute names that are not XML name tokens are made tokens, and kept apart
equals "$(grep -o 'attr.name="we_[^"]*"' w.graphml | tr '\n' ' ')" 'attr.name="we_ird_key____" attr.name="we_ird" ' \
    "GraphML: \"we ird<key>&\\\"'\" and \"we_ird\" stay two attributes"
if [ "$have_nx" = 1 ]; then
    run 0 /usr/bin/python3 -c 'import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
print(sorted(set(k for n, d in g.nodes(data=True) for k in d)))' w.graphml
    equals "$(cat "$T/out")" "['id', 'label', 'note', 'we_ird', 'we_ird_key____']" "networkx sees every node attribute"
fi
# centrality and communities print the ids as JSON that loads
run 0 "$AG_BIN" centrality --format json w.json
cp "$T/out" cent.json
run 0 /usr/bin/python3 -c 'import json, sys; print(sorted(r["id"] for r in json.load(open(sys.argv[1]))) == sorted(r["id"] for r in json.load(open(sys.argv[2]))["nodes"]))' cent.json weird.json
equals "$(cat "$T/out")" "True" "centrality --format json: every id exactly"
"$AG_BIN" communities --format json w.json >comm.json
run 0 /usr/bin/python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(sum(len(c["members"]) for c in d["communities"]))' comm.json
equals "$(cat "$T/out")" 12 "communities --format json: loads, every actor"

# --- a lexicon's labels and attribute values, through extract ------------------------------
cat >weird-lex.json <<'JSON'
{"lexicon": "weird", "version": 1, "actors": [
 {"id": "A.B", "label": "Q&A <b> \"quoted\" 'single' back\\slash", "type": "org", "names": ["Alpha Beta"],
  "attrs": {"note": "line1\nline2\ttab\r\u0001\u007f end", "k_2": "v&<>\"'", "num": 3.5}},
 {"id": "G-1", "label": "Gamma, \"the\" one; #1 = 2", "type": "state", "names": ["Gamma"]},
 {"id": "Δέλτα_日本", "label": "😀 emoji — ünï", "type": "leader", "names": ["Delta"], "affiliation": "A.B"}
]}
JSON
printf 'Alpha Beta met Gamma and Delta, "quoted" <b>&amp;</b>.\nGamma said.' >weird.txt
run 0 "$AG_BIN" extract -l weird-lex.json -o x.graphml -o x.gexf -o x.dot -o x.json -o x.csv \
    --evidence 2 --evidence-out x-evidence.jsonl --stats x-stats.json weird.txt
stderr_is "" "extract with the weird lexicon: no message"
check_graphml_xsd x.graphml
for f in graphml gexf dot json; do check_agcheck "$f" "x.$f"; done
check_agcheck csv x
check_dot x.dot 3 3
run 0 /usr/bin/python3 - x.json x.nodes.csv x-evidence.jsonl x-stats.json weird-lex.json <<'PY'
import csv, json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
lex = json.load(open(sys.argv[5], encoding="utf-8"))
want = {a["id"]: a for a in lex["actors"]}
for n in g["nodes"]:
    assert n["label"] == want[n["id"]]["label"], ("json label", n)
    for k, v in want[n["id"]].get("attrs", {}).items():
        assert n[k] == v, ("json attr", k, n[k], v)
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
for r in rows:
    assert r["Label"] == want[r["Id"]]["label"], ("csv label", r)
    note = want[r["Id"]].get("attrs", {}).get("note")
    if note:
        assert r["note"] == note.replace("\u0001", "\ufffd"), ("csv note", r["note"])
ev = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert ev and all(e["text"] for e in ev), ev
json.load(open(sys.argv[4], encoding="utf-8"))
print("ok %d nodes, %d csv rows, %d evidence lines" % (len(g["nodes"]), len(rows), len(ev)))
PY
has "$T/out" '^ok 3 nodes, 3 csv rows, 3 evidence lines$' "extract: labels and attributes read back exactly from JSON and CSV"
if [ "$have_nx" = 1 ]; then
    run 0 /usr/bin/python3 -c 'import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
import json; print(json.dumps([g.nodes["A.B"]["label"], g.nodes["A.B"]["note"]]))' x.graphml
    equals "$(cat "$T/out")" '["Q&A <b> \"quoted\" '"'"'single'"'"' back\\slash", "line1\nline2\ttab\r\ufffd\u007f end"]' \
        "extract: networkx reads the label and the note back from GraphML"
fi
run 0 "$AG_BIN" mentions -l weird-lex.json weird.txt
cp "$T/out" mentions.jsonl
run 0 /usr/bin/python3 -c 'import json, sys; print(len([json.loads(l) for l in open(sys.argv[1])]))' mentions.jsonl
equals "$(cat "$T/out")" 4 "mentions: every line is JSON"

finish

#!/usr/bin/env bash
# The hand-written golden files the C suites compare against are themselves
# accepted by the real consumers: tests/data/golden/tricky.graphml and
# empty.graphml by `agcheck graphml`, the .dot files by `agcheck dot`, and
# the hand-derived centrality graphs agree with networkx through `agcheck
# centrality`. Skipped (77) without ../shared or without the tools.
. "$(dirname "$0")/lib.sh"

[ -x "$AGCHECK" ] || skip "no $AGCHECK"
G=$AG_TEST_DATA/golden
ran=0

if command -v xmllint >/dev/null && have_python_modules "networkx, igraph"; then
    for f in tricky empty; do
        run 0 "$AGCHECK" graphml "$(versioned "$G/$f.graphml")"
        has "$T/out" '^ok graphml' "agcheck graphml on golden/$f.graphml"
    done
    ran=$((ran + 1))
fi

# what the GraphML writer makes of a graph from another tool, whose node ids
# and attribute names are not name tokens (check_export.c compares its
# output with this file byte for byte): valid against the XSD
XSD=$AG_SHARED_DIR/data/xsd-graphml/relative/graphml.xsd
if command -v xmllint >/dev/null && [ -f "$XSD" ]; then
    run 0 xmllint --nonet --noout --schema "$XSD" "$(versioned "$G/foreign_ids.expected.graphml")"
    ran=$((ran + 1))
fi

if command -v dot >/dev/null && command -v sfdp >/dev/null; then
    for f in tricky empty; do
        run 0 "$AGCHECK" dot "$(versioned "$G/$f.dot")"
        has "$T/out" '^ok dot' "agcheck dot on golden/$f.dot"
    done
    ran=$((ran + 1))
fi

if have_python_modules "networkx, scipy"; then
    for f in star split triangle tie; do
        run 0 "$AG_BIN" centrality --format json "$G/centrality_$f.graphml"
        cp "$T/out" "$T/$f.json"
        run 0 "$AGCHECK" centrality "$G/centrality_$f.graphml" "$T/$f.json"
        has "$T/out" '^ok centrality' "agcheck centrality on golden/centrality_$f.graphml"
    done
    ran=$((ran + 1))
fi

[ "$ran" -gt 0 ] || skip "none of the consumers' tools are installed"
finish

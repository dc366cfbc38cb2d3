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

if command -v dot >/dev/null && command -v sfdp >/dev/null; then
    for f in tricky empty; do
        run 0 "$AGCHECK" dot "$(versioned "$G/$f.dot")"
        has "$T/out" '^ok dot' "agcheck dot on golden/$f.dot"
    done
    ran=$((ran + 1))
fi

if have_python_modules "networkx, scipy"; then
    for f in star split triangle; do
        run 0 "$AG_BIN" centrality --format json "$G/centrality_$f.graphml"
        cp "$T/out" "$T/$f.json"
        run 0 "$AGCHECK" centrality "$G/centrality_$f.graphml" "$T/$f.json"
        has "$T/out" '^ok centrality' "agcheck centrality on golden/centrality_$f.graphml"
    done
    ran=$((ran + 1))
fi

[ "$ran" -gt 0 ] || skip "none of the consumers' tools are installed"
finish

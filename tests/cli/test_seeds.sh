#!/usr/bin/env bash
# The real consumers on the seed corpus (../shared/seeds) with the bundled
# lexicons: `agcheck graphml` (GraphML XSD, networkx, igraph), `agcheck
# dot` (Graphviz dot and sfdp render it silently) and `agcheck centrality`
# (our numbers agree with networkx to 1e-6). Skipped (77) without the
# shared material; each check is skipped alone when its tools are missing.
. "$(dirname "$0")/lib.sh"

[ -d "$AG_SHARED_DIR/seeds" ] || skip "no $AG_SHARED_DIR/seeds"
[ -x "$AGCHECK" ] || skip "no $AGCHECK"

ran=0
run 0 "$AG_BIN" extract -q -l "$LEXICONS" -o "$T/seeds.graphml" -o "$T/seeds.dot" --stats "$T/seeds.json" \
    "$AG_SHARED_DIR/seeds"
[ "$(stat_value "$T/seeds.json" edges)" -gt 0 ] 2>/dev/null || fail "the seeds graph has no edges"

if command -v xmllint >/dev/null && have_python_modules "networkx, igraph"; then
    run 0 "$AGCHECK" graphml "$T/seeds.graphml"
    has "$T/out" '^ok graphml' "agcheck graphml on the seeds graph"
    ran=$((ran + 1))
else
    echo "note: agcheck graphml skipped (needs xmllint, python3-networkx, python3-igraph)"
fi

if command -v dot >/dev/null && command -v sfdp >/dev/null; then
    run 0 "$AGCHECK" dot "$T/seeds.dot"
    has "$T/out" '^ok dot' "agcheck dot on the seeds graph"
    ran=$((ran + 1))
else
    echo "note: agcheck dot skipped (needs Graphviz)"
fi

if have_python_modules "networkx, scipy"; then
    run 0 "$AG_BIN" centrality --format json "$T/seeds.graphml"
    cp "$T/out" "$T/seeds.centrality.json"
    run 0 "$AGCHECK" centrality "$T/seeds.graphml" "$T/seeds.centrality.json"
    has "$T/out" '^ok centrality' "agcheck centrality on the seeds graph"
    ran=$((ran + 1))
else
    echo "note: agcheck centrality skipped (needs python3-networkx and python3-scipy)"
fi

[ "$ran" -gt 0 ] || skip "none of the consumers' tools are installed"
finish

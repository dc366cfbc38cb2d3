#!/usr/bin/env bash
# `actorgraph eval` on the shared seeds: the quality bar on the annotated
# seeds (../shared/gold/seeds.json) and on our reading of the other two
# (tests/data/gold/seeds-001-003.json), and the same figures as the
# reference scorer, `agcheck gold`, on the output of `mentions` — also for
# runs that are not perfect (--kinds names, --kinds short) and for our own
# gold set, so that the agreement is tested where it can differ. Skipped
# (77) without ../shared; the agcheck comparison is skipped alone when
# agcheck cannot run.
. "$(dirname "$0")/lib.sh"

SEEDS=$AG_SHARED_DIR/seeds
SEEDS_GOLD=$AG_SHARED_DIR/gold/seeds.json
GOLD=$AG_TEST_DATA/gold
[ -d "$SEEDS" ] && [ -f "$SEEDS_GOLD" ] || skip "no $SEEDS or $SEEDS_GOLD"

# ge A B: A >= B as numbers
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 >= b + 0) }'; }

run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$SEEDS_GOLD" --min-precision 0.97 --min-recall 0.95 "$SEEDS"
cat "$T/out"
cp "$T/out" "$T/seeds.txt"
has "$T/seeds.txt" '^000_36419ce101ba8a4b\.txt ' "figures of seed 000"
has "$T/seeds.txt" '^002_7646bf9929032d9b\.txt ' "figures of seed 002"
has "$T/seeds.txt" '^overall: .* traps-hit 0 \(tp [0-9]+, fp [0-9]+, fn [0-9]+; 2 of 2 documents\)$' "no trap hit"

run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$GOLD/seeds-001-003.json" --min-precision 0.97 --min-recall 0.95 "$SEEDS"
cat "$T/out"
has "$T/out" '^overall: precision 1\.000 recall 1\.000 .* traps-hit 0 ' "every actor of seeds 001 and 003 found"

# --- the same numbers as agcheck gold ----------------------------------------------------
if ! [ -x "$AGCHECK" ] || ! have_python_modules "json, unicodedata"; then
    echo "note: agcheck gold comparison skipped (needs $AGCHECK and python3)"
    finish
fi

# figures GOLD DOCS [OPTIONS...]: eval's and agcheck's summaries, reduced to
# "precision recall pair-recall traps tp fp fn", must be equal
figures() {
    local gold=$1 docs=$2 what
    shift 2
    what="$(basename "$gold") $*"
    run 0 "$AG_BIN" mentions -l "$LEXICONS" "$@" "$docs"
    cp "$T/out" "$T/m.jsonl"
    checks=$((checks + 1))
    "$AGCHECK" gold "$gold" "$T/m.jsonl" --docs="$docs" >"$T/agcheck.out" 2>&1
    sed -n 's/^gold: precision \([0-9.]*\) recall \([0-9.]*\) pair-recall \([0-9.]*\) traps-hit \([0-9]*\) (tp \([0-9]*\), fp \([0-9]*\), fn \([0-9]*\))$/\1 \2 \3 \4 \5 \6 \7/p' \
        "$T/agcheck.out" >"$T/agcheck.fig"
    "$AG_BIN" eval -q -l "$LEXICONS" --gold "$gold" "$@" "$docs" >"$T/eval.out" 2>&1
    sed -n 's/^overall: precision \([0-9.]*\) recall \([0-9.]*\) F1 [0-9.]* pair-recall \([0-9.]*\) traps-hit \([0-9]*\) (tp \([0-9]*\), fp \([0-9]*\), fn \([0-9]*\);.*/\1 \2 \3 \4 \5 \6 \7/p' \
        "$T/eval.out" >"$T/eval.fig"
    [ -s "$T/agcheck.fig" ] || fail "$what: no summary from agcheck: $(tail -1 "$T/agcheck.out")"
    same "$T/eval.fig" "$T/agcheck.fig" "$what: eval and agcheck gold agree"
    echo "  $what: $(cat "$T/eval.fig")"
}

echo "eval and agcheck gold (precision recall pair-recall traps tp fp fn):"
figures "$SEEDS_GOLD" "$SEEDS"
figures "$SEEDS_GOLD" "$SEEDS" --kinds names
figures "$SEEDS_GOLD" "$SEEDS" --kinds short,metonyms
figures "$SEEDS_GOLD" "$SEEDS" --kinds all --metonym-places
figures "$GOLD/seeds-001-003.json" "$SEEDS"
figures "$GOLD/seeds-001-003.json" "$SEEDS" --kinds metonyms,demonyms --metonym-places
figures "$GOLD/gold.json" "$GOLD"
figures "$GOLD/gold.json" "$GOLD" --kinds names
figures "$GOLD/gold.json" "$GOLD" --kinds all --metonym-places

finish

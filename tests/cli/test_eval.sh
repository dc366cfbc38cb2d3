#!/usr/bin/env bash
# `actorgraph eval` on our own annotated documents (tests/data/gold: news
# texts written for this test, gold.json in the shared gold format): the
# quality bar (precision >= 0.97, recall >= 0.95, no trap hit) with the
# bundled lexicons; then what the command reports and how it fails, on
# small gold files whose figures are counted by hand: false positives with
# surface and byte offsets, false negatives, traps, documents missing from
# the inputs, thresholds, --format json, --stats, the shared options and
# usage errors.
. "$(dirname "$0")/lib.sh"

GOLD=$AG_TEST_DATA/gold

# ge A B: A >= B as numbers
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 >= b + 0) }'; }

# precision_of FILE, recall_of FILE: the figures of the "overall:" line
precision_of() { sed -n 's/^overall: precision \([0-9.]*\) recall .*/\1/p' "$1"; }
recall_of() { sed -n 's/^overall: precision [0-9.]* recall \([0-9.]*\) .*/\1/p' "$1"; }

# --- the documents themselves ------------------------------------------------------------
shopt -s nullglob
texts=("$GOLD"/*.txt)
[ ${#texts[@]} -ge 10 ] || fail "at least 10 annotated documents, found ${#texts[@]}"
for f in "${texts[@]}"; do
    n=$(wc -w <"$f")
    { [ "$n" -ge 150 ] && [ "$n" -le 400 ]; } || fail "$(basename "$f"): $n words, not 150-400"
    grep -q "\"$(basename "$f")\": {" "$GOLD/gold.json" || fail "$(basename "$f") is not annotated in gold.json"
done
checks=$((checks + ${#texts[@]}))

# --- the quality bar ---------------------------------------------------------------------
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$GOLD/gold.json" --min-precision 0.97 --min-recall 0.95 "$GOLD"
cp "$T/out" "$T/own.txt"
cat "$T/own.txt"
p=$(precision_of "$T/own.txt")
r=$(recall_of "$T/own.txt")
checks=$((checks + 3))
ge "$p" 0.97 || fail "precision $p < 0.97 on our gold set"
ge "$r" 0.95 || fail "recall $r < 0.95 on our gold set"
has "$T/own.txt" '^overall: .* traps-hit 0 \(tp [0-9]+, fp [0-9]+, fn [0-9]+; 12 of 12 documents\)$' \
    "every trap avoided, every document read"
lacks "$T/own.txt" '^  trap hit' "no trap hit listed"
equals "$(grep -Ec '^[a-z0-9-]+\.txt +[01]\.[0-9]{3} ' "$T/own.txt")" 12 "one line per document"
equals "$(cat "$T/err")" "" "no warnings"

# the same as JSON
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$GOLD/gold.json" --format json "$GOLD"
cp "$T/out" "$T/own.json"
has "$T/own.json" '^  "ok": true$' "JSON: ok"
equals "$(grep -c '^      "doc": ' "$T/own.json")" 12 "JSON: twelve documents"
if have_python_modules json; then
    run 0 /usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
o = d["overall"]
tp = sum(x["tp"] for x in d["documents"]); fp = sum(x["fp"] for x in d["documents"]); fn = sum(x["fn"] for x in d["documents"])
assert (o["tp"], o["fp"], o["fn"]) == (tp, fp, fn), (o, tp, fp, fn)
assert abs(o["precision"] - tp / (tp + fp)) < 1e-12 and abs(o["recall"] - tp / (tp + fn)) < 1e-12
assert o["trap_hits"] == 0 and all(not x["trap_hits"] for x in d["documents"])
print("%.3f %.3f" % (o["precision"], o["recall"]))' "$T/own.json"
    equals "$(cat "$T/out")" "$p $r" "JSON and text agree"
fi

# --- what a run reports, on a gold file counted by hand ----------------------------------
# georgia.txt: AZE is left out of the gold (a false positive: "Baku", then
# "Azerbaijan"), JOR added (a false negative): tp 9, fp 1, fn 1.
cat >"$T/g1.json" <<'EOF'
{"ids": {"GEO": {"label": "Georgia"}, "kallas": {"label": "Kaja Kallas"}},
 "docs": {"georgia.txt": {
   "actors": ["GEO", "EU", "RUS", "USA", "TUR", "irakli-kobakhidze", "kallas", "mikheil-kavelashvili",
              "dmitry-peskov", "JOR"],
   "sentence_pairs": [["GEO", "EU"], ["AZE", "JOR"]]}}}
EOF
baku=$(grep -bo 'Baku' "$GOLD/georgia.txt" | head -1 | cut -d: -f1)
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g1.json" "$GOLD/georgia.txt"
has "$T/out" "^  false positive  AZE  \"Baku\" at $baku-$((baku + 4)) \\(metonyms; 2 mentions\\)\$" \
    "the false positive, its first surface and byte offsets"
has "$T/out" '^  false negative  JOR$' "the false negative"
has "$T/out" '^  missed pair     AZE \+ JOR$' "the missed pair"
has "$T/out" '^georgia\.txt +0\.900 +0\.900 +0\.900 +9 +1 +1 +0 +1/2$' "the document's figures"
has "$T/out" '^overall: precision 0\.900 recall 0\.900 F1 0\.900 pair-recall 0\.500 traps-hit 0 \(tp 9, fp 1, fn 1; 1 of 1 documents\)$' \
    "the overall figures"
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g1.json" --min-precision 0.97 "$GOLD/georgia.txt"
has "$T/err" 'precision 0\.9000 is below 0\.97' "--min-precision not met: exit 1, and why"
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g1.json" --min-recall 0.95 "$GOLD/georgia.txt"
has "$T/err" 'recall 0\.9000 is below 0\.95' "--min-recall not met: exit 1, and why"
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g1.json" --min-precision 0.9 --min-recall 0.9 "$GOLD/georgia.txt"
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g1.json" --format json "$GOLD/georgia.txt"
has "$T/out" "^          \"start\": $baku,\$" "JSON: the false positive's offset"
has "$T/out" '^          "text": "Baku",$' "JSON: its surface"

# a trap: every Tbilisi (three, all acting) is GEO; a trap fails the run whatever the thresholds
cat >"$T/g2.json" <<'EOF'
{"docs": {"georgia.txt": {"actors": ["GEO"], "borderline": [{"id": "EU"}, {"id": "RUS"}, {"id": "USA"},
  {"id": "TUR"}, {"id": "AZE"}, {"id": "irakli-kobakhidze"}, {"id": "kaja-kallas"}, {"id": "mikheil-kavelashvili"},
  {"id": "dmitry-peskov"}],
  "traps": [{"text": "Tbilisi", "must_not_be": "GEO"}, {"text": "Georgia Tech", "must_not_be": "any actor"}]},
 "missing.txt": {"actors": ["GEO"]}}}
EOF
tb=$(grep -bo 'Tbilisi' "$GOLD/georgia.txt" | head -1 | cut -d: -f1)
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g2.json" "$GOLD/georgia.txt"
has "$T/out" "^  trap hit        \"Tbilisi\" taken for GEO: \"Tbilisi\" at $tb-$((tb + 7)) \\(must not be GEO\\)\$" \
    "the trap hit, with the mention's offsets"
equals "$(grep -c '^  trap hit' "$T/out")" 3 "three trap hits"
has "$T/err" '3 traps hit' "exit 1 on a trap hit"
has "$T/err" 'warning: gold document missing\.txt is not among the inputs; its 1 actors count as missed' \
    "a gold document missing from the inputs is named"
has "$T/out" '^missing\.txt .*  \(not among the inputs\)$' "... and marked"
has "$T/out" '^overall: precision 1\.000 recall 0\.500 .* traps-hit 3 \(tp 1, fp 0, fn 1; 1 of 2 documents\)$' \
    "... and its actors count as missed"
run 1 "$AG_BIN" eval -q -l "$LEXICONS" --gold "$T/g2.json" --format json "$GOLD/georgia.txt"
has "$T/out" '^  "ok": false$' "JSON: not ok"
lacks "$T/err" 'warning' "-q silences the warning"

# --- the shared options reach the scanner ------------------------------------------------
# gaza.txt names Trump only as "the Trump administration" (a short name)
# section DOC FILE: the lines of one document in a text report
section() { awk -v d="$1" '$1 == d { f = 1; print; next } /^[^ ]/ { f = 0 } f' "$2"; }
run 0 "$AG_BIN" eval -q -l "$LEXICONS" --gold "$GOLD/gold.json" "$GOLD/gaza.txt"
section gaza.txt "$T/out" >"$T/gaza.all"
has "$T/gaza.all" '^gaza\.txt +1\.000 +1\.000 ' "all kinds: gaza.txt complete"
run 0 "$AG_BIN" eval -q -l "$LEXICONS" --kinds names,metonyms --gold "$GOLD/gold.json" "$GOLD/gaza.txt"
section gaza.txt "$T/out" >"$T/gaza.names"
has "$T/gaza.names" '^  false negative  donald-trump$' "--kinds names,metonyms: Trump missed"
equals "$(grep -c '^  false negative' "$T/gaza.names")" 1 "--kinds names,metonyms: only Trump missed"
# JSONL input: documents matched by the file name of their id
if have_python_modules json; then
    /usr/bin/python3 -c '
import json, sys
for f in sys.argv[1:]:
    print(json.dumps({"id": "corpus/" + f.rsplit("/", 1)[1], "text": open(f, encoding="utf-8").read()}))' \
        "${texts[@]}" >"$T/gold.jsonl"
    run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$GOLD/gold.json" "$T/gold.jsonl"
    sed -n '/^overall/p' "$T/own.txt" >"$T/own.overall"
    sed -n '/^overall/p' "$T/out" >"$T/jsonl.overall"
    same "$T/jsonl.overall" "$T/own.overall" "JSONL input scores as the text files"
fi

# --- --stats: the short names nobody could own -------------------------------------------
# Miller (two owners, no default) twice; Harris once; "Chad Harris" is somebody
# else: Chad and Harris both guarded, not unresolved.
printf 'Miller said no. Harris agreed. Miller left. Chad Harris wrote.\n' >"$T/stats.txt"
printf '{"docs": {"stats.txt": {"actors": []}}}\n' >"$T/g3.json"
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g3.json" --stats "$T/stats.json" "$T/stats.txt"
sed -n '/"unresolved_short"/,/"total"/p' "$T/stats.json" >"$T/unresolved"
cat >"$T/unresolved.expected" <<'EOF'
  "unresolved_short": {
    "surfaces": {
      "Harris": 1,
      "Miller": 2
    },
    "total": 3
EOF
same "$T/unresolved" "$T/unresolved.expected" "--stats: unresolved short names with surfaces and counts"
equals "$(stat_value "$T/stats.json" given_name_guarded)" 2 "--stats: Chad and Harris guarded"
equals "$(stat_value "$T/stats.json" documents)" 1 "--stats: documents"
equals "$(stat_value "$T/stats.json" gold_documents_seen)" 1 "--stats: gold documents seen"
run 0 "$AG_BIN" extract -l "$LEXICONS" -o "$T/stats.graphml" --stats "$T/extract.json" "$T/stats.txt"
sed -n '/"unresolved_short"/,/"total"/p' "$T/extract.json" >"$T/unresolved.extract"
same "$T/unresolved.extract" "$T/unresolved" "--stats: the same as extract's"
run 0 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/g3.json" --stats - "$T/stats.txt"
has "$T/err" '^      "Miller": 2$' "--stats -: to standard error"

# --- usage and bad gold files ------------------------------------------------------------
run 1 "$AG_BIN" eval -l "$LEXICONS" "$GOLD"
has "$T/err" '--gold FILE is required' "no --gold"
run 1 "$AG_BIN" eval --gold "$GOLD/gold.json" --format xml "$GOLD"
has "$T/err" "--format takes text or json, not 'xml'" "bad --format"
run 1 "$AG_BIN" eval --gold "$GOLD/gold.json" --min-precision 1.5 "$GOLD"
has "$T/err" "--min-precision takes a number from 0 to 1, not '1.5'" "bad --min-precision"
run 1 "$AG_BIN" eval --gold "$GOLD/gold.json" --min-recall x "$GOLD"
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/absent.json" "$GOLD"
has "$T/err" 'absent\.json: cannot open the gold file' "a gold file that is not there"
printf '{"docs": {\n  "a.txt": {"actors": "GEO"}}}\n' >"$T/bad.json"
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/bad.json" "$GOLD"
has "$T/err" 'bad\.json:2:23: "actors" of document "a\.txt" must be an array of ids' "schema error: file:line:col"
printf '{"docs": {\n  "a.txt": {"actors": [}}}\n' >"$T/bad.json"
run 1 "$AG_BIN" eval -l "$LEXICONS" --gold "$T/bad.json" "$GOLD"
has "$T/err" 'bad\.json:2:[0-9]+: malformed JSON' "syntax error: file:line:col"
run 0 "$AG_BIN" eval --help
has "$T/out" '--min-precision X' "--help lists the options"
has "$T/out" '--kinds LIST' "--help lists the shared options"

finish

#!/usr/bin/env bash
# Times `actorgraph extract` on the same text with the bundled lexicons and
# with the bundled lexicons plus a generated 50,000-alias gazetteer, to show
# that the matcher's cost per byte does not grow with the lexicon's size.
#
#   bench/lexicon_scale.sh [BUILD_DIR]      (default: build-bench, a Release build)
#
# Input: Reuters-21578 (../shared/data/reuters21578/corpus.jsonl) four times, 75 MB,
# when present, else the bundled examples repeated to about 18 MB.
# Prints the median of 5 runs of each: the whole run, the same run on an empty
# input (loading and compiling the lexicon), and the difference (the scan),
# in seconds, MB/s and s/MB.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
if [ ! -x "$build/actorgraph" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" >/dev/null
fi
bin=$build/actorgraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -f ../shared/data/reuters21578/corpus.jsonl ]; then
  input=$tmp/reuters4.jsonl
  for _ in 1 2 3 4; do cat ../shared/data/reuters21578/corpus.jsonl; done > "$input"
  what="Reuters-21578 JSONL x4"
else
  input=$tmp/examples.txt
  for _ in $(seq 400); do cat examples/*.txt; done > "$input"
  what="bundled examples x400"
fi
bytes=$(stat -c %s "$input")

# 50,000 aliases: 25,000 invented leaders, each with a two-word name and a
# one-word short name, deterministic (awk's srand(42)).
awk 'BEGIN {
  srand(42);
  ns = split("ka lo mi re su vat zen dor bel nic ash tor ul vi gra pen sol mar que fin hal wes rud", syl, " ");
  printf "{\"lexicon\": \"generated\", \"version\": 1, \"actors\": [\n";
  n = 0;
  while (n < 25000) {
    first = ""; last = "";
    k = 2 + int(rand() * 2); for (i = 0; i < k; i++) first = first syl[1 + int(rand() * ns)];
    k = 2 + int(rand() * 3); for (i = 0; i < k; i++) last = last syl[1 + int(rand() * ns)];
    first = toupper(substr(first, 1, 1)) substr(first, 2);
    last = toupper(substr(last, 1, 1)) substr(last, 2);
    name = first " " last;
    if (name in seen) continue;
    seen[name] = 1;
    printf "%s{\"id\": \"gen-%d\", \"label\": \"%s\", \"type\": \"leader\", \"names\": [\"%s\"], \"short\": [\"%s\"]}\n", (n ? "," : ""), n, name, name, last;
    n++;
  }
  printf "]}\n";
}' > "$tmp/generated.json"

aliases_bundled=$("$bin" lexicon stats --format json lexicons | sed -n 's/.*"aliases": \([0-9]*\).*/\1/p')
aliases_big=$("$bin" lexicon stats --format json lexicons "$tmp/generated.json" | sed -n 's/.*"aliases": \([0-9]*\).*/\1/p')

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() {   # seconds CMD...: wall time of CMD, from bash's microsecond clock
  local t0=$EPOCHREALTIME
  "$@" >/dev/null
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}
run() {   # one thread, so that the scan is the matcher's cost and nothing else
  for _ in 1 2 3 4 5; do seconds "$bin" extract -q -j1 "$@" "$input" -o "$tmp/out.graphml"; done | median
}
load() {   # the same run on an empty input: loading and compiling the lexicon
  for _ in 1 2 3 4 5; do seconds "$bin" extract -q -j1 "$@" /dev/null -o "$tmp/empty.graphml"; done | median
}
t_small=$(run -l lexicons)
t_big=$(run -l lexicons -l "$tmp/generated.json")
l_small=$(load -l lexicons)
l_big=$(load -l lexicons -l "$tmp/generated.json")

awk -v b="$bytes" -v w="$what" -v s="$t_small" -v l="$t_big" -v ls="$l_small" -v ll="$l_big" \
    -v na="$aliases_bundled" -v nb="$aliases_big" 'BEGIN {
  mb = b / 1e6;
  printf "input: %s, %.1f MB (median of 5 runs)\n", w, mb;
  printf "%-30s %8s %8s %9s %8s %8s\n", "lexicon", "total s", "load s", "scan s", "MB/s", "s/MB";
  printf "%-30s %8.3f %8.3f %9.3f %8.1f %8.4f\n", "bundled (" na " aliases)", s, ls, s - ls, mb / (s - ls), (s - ls) / mb;
  printf "%-30s %8.3f %8.3f %9.3f %8.1f %8.4f\n", "+ generated (" nb " aliases)", l, ll, l - ll, mb / (l - ll), (l - ll) / mb;
  printf "scan time, large/bundled: %.2f\n", (l - ll) / (s - ls);
}'

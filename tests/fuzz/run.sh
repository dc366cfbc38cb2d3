#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS [HARNESS...] — builds the libFuzzer harnesses
# (clang, ASan, UBSan) and runs each for SECONDS, at most $AG_FUZZ_JOBS at
# a time (default: the number of cores). HARNESS is lexicon, text,
# graphml or json_graph (default: all four). Each starts from its seed
# corpus, tests/fuzz/corpus/HARNESS/, which it only reads; what it learns
# goes to $AG_FUZZ_OUT/HARNESS/corpus (default: a temporary directory,
# removed afterwards unless something was found; set AG_FUZZ_OUT to keep
# the corpora between runs). Prints the executions of every harness and
# exits 1 when one found a crash, a leak, a sanitizer report or a timeout,
# with the input that does it (replay: build-fuzz/tests/fuzz/fuzz_HARNESS FILE).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [HARNESS...]}
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(lexicon text graphml json_graph)
build=${AG_FUZZ_BUILD:-$root/build-fuzz}
jobs=${AG_FUZZ_JOBS:-$(nproc)}

if ! command -v clang >/dev/null 2>&1; then
    echo "tests/fuzz/run.sh: clang is not installed (Debian: apt-get install clang libclang-rt-dev)" >&2
    exit 1
fi
CC=clang cmake -S "$root" -B "$build" -DAG_FUZZ=ON -DBUILD_TESTING=OFF -DAG_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "fuzz_$h"); done
cmake --build "$build" -j"$(nproc)" "${targets[@]}" >/dev/null

if [ -n "${AG_FUZZ_OUT:-}" ]; then
    out=$AG_FUZZ_OUT
    keep=1
else
    out=$(mktemp -d "${TMPDIR:-/tmp}/ag_fuzz_run.XXXXXX")
    keep=0
fi
mkdir -p "$out"

# What each harness reads: its largest input and its dictionary.
max_len() { case $1 in lexicon) echo 8192 ;; *) echo 16384 ;; esac; }
dict() { case $1 in graphml) echo "$here/xml.dict" ;; *) echo "$here/json.dict" ;; esac; }

run_one() {
    local h=$1 dir=$out/$1
    mkdir -p "$dir/corpus"
    rm -f "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*
    # ASan's and UBSan's reports end the run; leaks are findings too.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    TMPDIR="$dir" "$build/tests/fuzz/fuzz_$h" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$(max_len "$h")" \
        -dict="$(dict "$h")" -artifact_prefix="$dir/" -print_final_stats=1 \
        "$dir/corpus" "$here/corpus/$h" >"$dir/log" 2>&1
}

status=0
pids=()
names=()
for h in "${harnesses[@]}"; do
    if [ ! -d "$here/corpus/$h" ]; then
        echo "tests/fuzz/run.sh: no harness '$h' (lexicon, text, graphml, json_graph)" >&2
        exit 1
    fi
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_one "$h" &
    pids+=($!)
    names+=("$h")
done
for i in "${!pids[@]}"; do
    h=${names[$i]}
    if wait "${pids[$i]}"; then rc=0; else rc=$?; fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h/log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$h/log" | tail -1)
    corpus=$(find "$out/$h/corpus" -type f | wc -l)
    found=$(find "$out/$h" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
        status=1
        echo "fuzz_$h: FOUND A PROBLEM after ${execs:-?} executions (exit $rc)"
        grep -E 'ERROR|SUMMARY|fuzz oracle|runtime error|Test unit written' "$out/$h/log" | head -20 | sed 's/^/    /'
        for f in $found; do echo "    input: $f"; done
        echo "    log: $out/$h/log"
    else
        echo "fuzz_$h: ${execs:-?} executions in ${seconds} s (${rate:-?}/s), corpus $corpus inputs, no finding"
    fi
done
if [ "$status" -eq 0 ] && [ "$keep" -eq 0 ]; then
    rm -rf "$out"
fi
exit "$status"

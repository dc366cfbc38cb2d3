# shellcheck shell=bash
# tests/hostile/lib.sh — what the hostile-input tests share (sourced).
#
# Builds on tests/cli/lib.sh (run, has, equals, same, skip, finish, $T, a
# temporary directory removed at exit). Every test works in $T/w, so that
# the paths in messages are short and exact, with a small lexicon of its
# own ($LEX) whose actors the texts below mention.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

mkdir -p "$T/w"
cd "$T/w" || exit 1
LEX=lex.json
cat >"$LEX" <<'JSON'
{"lexicon": "hostile", "version": 1, "actors": [
  {"id": "AZE", "label": "Azerbaijan", "type": "state", "names": ["Azerbaijan"], "metonyms": ["Baku"]},
  {"id": "ARM", "label": "Armenia", "type": "state", "names": ["Armenia"], "metonyms": ["Yerevan"]},
  {"id": "RUS", "label": "Russia", "type": "state", "names": ["Russia"], "metonyms": ["Moscow"]}
]}
JSON

# stderr_is EXPECTED WHAT: standard error of the last run, exactly (each
# line of EXPECTED is one line of stderr).
stderr_is() {
    checks=$((checks + 1))
    if [ "$(cat "$T/err")" != "$1" ]; then
        fail "$2: standard error differs"
        diff <(printf '%s\n' "$1") "$T/err" | head -12 | sed 's/^/    /' >&2
    fi
}

# json_get FILE EXPR: a value from a JSON file, with Python (EXPR in terms
# of d, the loaded document).
json_get() {
    /usr/bin/python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print($2)" "$1"
}

# mention_bytes FILE START END: the bytes [START, END) of FILE.
mention_bytes() {
    head -c "$3" "$1" | tail -c "$(($3 - $2))"
}

# field NAME: the value of "NAME" in each JSON line of $T/out (mentions).
field() {
    sed -n "s/.*\"$1\":\\(\"[^\"]*\"\\|[0-9]*\\).*/\\1/p" "$T/out"
}

have_python() {
    [ -x /usr/bin/python3 ]
}

# measure WANT CMD...: like run, and sets $rss_kb (peak resident memory of
# CMD, in KiB) and $secs (wall-clock seconds), measured by Python's
# getrusage of its child. Under AddressSanitizer, the quarantine of freed
# memory is kept small so that peak memory means what the program keeps.
measure() {
    local want=$1 line
    shift
    checks=$((checks + 1))
    line=$(ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}quarantine_size_mb=8" /usr/bin/python3 -c '
import resource, subprocess, sys, time
t = time.time()
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    rc = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "%.2f" % (time.time() - t))
' "$T/out" "$T/err" "$@" </dev/null)
    # shellcheck disable=SC2034  # rss_kb and secs are for the scripts that source this file
    read -r rc rss_kb secs <<<"$line"
    if [ "$rc" != "$want" ]; then
        fail "exit status $rc, expected $want: $*"
        sed -n '1,5s/^/    stderr: /p' "$T/err" >&2
    fi
}

# below ACTUAL LIMIT WHAT (numbers)
below() {
    checks=$((checks + 1))
    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 < b + 0) }' || fail "$3: $1, expected below $2"
}

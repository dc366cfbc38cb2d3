# tests/cli/lib.sh — what the command-line tests share (sourced, not run).
#
# Environment (set by ctest; defaults for running a script by hand from a
# build directory): AG_BIN the actorgraph binary, AG_SOURCE_DIR the
# checkout, AG_TEST_DATA its tests/data, AG_SHARED_DIR the shared material.
# Every check records a failure and goes on, so one run lists them all;
# finish exits 1 when any failed. Exit 77 means skipped.

set -u

AG_SOURCE_DIR=${AG_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
AG_BIN=${AG_BIN:-$PWD/actorgraph}
AG_TEST_DATA=${AG_TEST_DATA:-$AG_SOURCE_DIR/tests/data}
AG_SHARED_DIR=${AG_SHARED_DIR:-$AG_SOURCE_DIR/../shared}

if [ ! -x "$AG_BIN" ]; then
    echo "AG_BIN ($AG_BIN) is not an executable" >&2
    exit 1
fi

# shellcheck disable=SC2034  # used by the scripts that source this file
LEXICONS=$AG_SOURCE_DIR/lexicons
# shellcheck disable=SC2034
EXAMPLES=$AG_SOURCE_DIR/examples
# shellcheck disable=SC2034
CLI_DATA=$AG_TEST_DATA/cli
# shellcheck disable=SC2034
AGCHECK=$AG_SHARED_DIR/checks/agcheck
VERSION=$("$AG_BIN" --version | awk '{print $2}')

T=$(mktemp -d "${TMPDIR:-/tmp}/ag_cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C

failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run WANT CMD...: runs CMD with stdout in $T/out and stderr in $T/err and
# checks its exit status; $rc holds it.
run() {
    local want=$1
    shift
    checks=$((checks + 1))
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" != "$want" ]; then
        fail "exit status $rc, expected $want: $*"
        sed -n '1,5s/^/    stderr: /p' "$T/err" >&2
    fi
}

# has FILE REGEX WHAT: the file has a line matching the extended regex.
has() {
    checks=$((checks + 1))
    grep -Eq -- "$2" "$1" || fail "$3: no line matches /$2/ in $(basename "$1")"
}

# lacks FILE REGEX WHAT
lacks() {
    checks=$((checks + 1))
    ! grep -Eq -- "$2" "$1" || fail "$3: a line matches /$2/ in $(basename "$1")"
}

# same FILE1 FILE2 WHAT: byte-identical.
same() {
    checks=$((checks + 1))
    if ! cmp -s "$1" "$2"; then
        fail "$3: $(basename "$1") and $(basename "$2") differ"
        diff "$1" "$2" | head -10 | sed 's/^/    /' >&2
    fi
}

# equals ACTUAL EXPECTED WHAT
equals() {
    checks=$((checks + 1))
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# near ACTUAL EXPECTED TOLERANCE WHAT (numbers)
near() {
    checks=$((checks + 1))
    awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && d <= t) }' ||
        fail "$4: got '$1', expected $2 (within $3)"
}

# versioned FILE: a copy of a golden file with @VERSION@ filled in.
versioned() {
    local out
    out=$T/$(basename "$1").expected
    sed "s/@VERSION@/$VERSION/" "$1" >"$out"
    echo "$out"
}

# count_lines FILE REGEX
count_lines() {
    grep -Ec -- "$2" "$1" || true
}

# stat_value FILE KEY: the value of a "key": value line of a pretty JSON file.
stat_value() {
    sed -n "s/^ *\"$2\": \\([^,{]*\\),\\{0,1\\}\$/\\1/p" "$1" | head -1
}

skip() {
    echo "SKIP: $*"
    exit 77
}

finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$failures of $checks checks failed"
        exit 1
    fi
    echo "ok: $checks checks"
    exit 0
}

# Tools the acceptance checks need.
have_python_modules() {
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1
}

#!/usr/bin/env bash
# Output safety: outputs are written to a temporary file beside the target
# and renamed into place, so an existing output is untouched when a run
# fails or is interrupted (SIGINT, SIGTERM, SIGHUP remove the temporaries
# and the process dies of the signal); every write, flush and close is
# checked, so a full disk is exit 2 naming the path (simulated with
# ulimit -f, SIGXFSZ ignored: writes then fail with EFBIG). A device or a
# pipe named as an output is written in place, never replaced; a symbolic
# link is written through.
. "$(dirname "$0")/lib.sh"

EX=$AG_SOURCE_DIR/examples
LEXICONS=$AG_SOURCE_DIR/lexicons
old=$'an earlier output\n'
keep() {   # keep FILE...: each holds $old
    for f in "$@"; do printf '%s' "$old" >"$f"; done
}
untouched() {   # untouched WHAT FILE...: each still holds $old, and no temporary is left
    local f
    for f in "${@:2}"; do
        equals "$(cat "$f"; printf x)" "${old}x" "$1: $f is untouched"
    done
    equals "$(find . -name '.*.??????' | head -3)" "" "$1: no temporary file is left"
}

# --- interrupted runs -----------------------------------------------------------------------
mkfifo input.fifo
exec 3<>input.fifo
printf 'Russia met Armenia.\n' >doc.txt
for sig in INT TERM HUP; do
    case $sig in INT) num=2 ;; TERM) num=15 ;; HUP) num=1 ;; esac
    # mentions streams into its output: the temporary exists for the whole run
    keep keep.jsonl
    "$AG_BIN" mentions -l "$LEX" -o keep.jsonl - <input.fifo 2>"$T/err" &
    pid=$!
    printf '{"id": "a", "text": "Russia met Armenia."}\n{"id": "b", "text": "Baku said."}\n' >&3
    for _ in $(seq 100); do
        [ -n "$(find . -name '.keep.jsonl.*')" ] && break
        sleep 0.05
    done
    checks=$((checks + 1))
    [ -n "$(find . -name '.keep.jsonl.*')" ] || fail "SIG$sig: mentions has its temporary open while it runs"
    sleep 0.2
    kill -s "$sig" "$pid"
    wait "$pid" 2>/dev/null
    equals "$?" "$((128 + num))" "mentions, SIG$sig: the process dies of the signal"
    untouched "mentions, SIG$sig" keep.jsonl
    # extract, interrupted while it reads; and with its outputs named
    keep keep.graphml keep.json
    "$AG_BIN" extract -l "$LEX" -o keep.graphml --stats keep.json - <input.fifo 2>"$T/err" &
    pid=$!
    printf 'Russia met Armenia.\n' >&3
    sleep 0.5
    kill -s "$sig" "$pid"
    wait "$pid" 2>/dev/null
    equals "$?" "$((128 + num))" "extract, SIG$sig: the process dies of the signal"
    untouched "extract, SIG$sig" keep.graphml keep.json
done
exec 3>&-

# --- a full disk: exit 2, the path named, nothing replaced, no temporary left ---------------
# (the examples with the bundled lexicons make outputs of 10 to 300 KB; the limit is 8 KiB)
full() {   # full WANT CMD...: CMD with an 8 KiB file size limit and SIGXFSZ ignored
    local want=$1
    shift
    run "$want" bash -c 'ulimit -f "${AG_FSIZE_KB:-8}"; trap "" XFSZ; exec "$@"' full "$@"
}
for ext in graphml gexf json dot; do
    keep "keep.$ext"
    full 2 "$AG_BIN" extract -l "$LEXICONS" -o "keep.$ext" "$EX"
    stderr_is "actorgraph: keep.$ext: write failed: File too large" "a full disk writing .$ext: exit 2 naming the path"
    untouched "a full disk writing .$ext" "keep.$ext"
done
keep keep.nodes.csv keep.edges.csv
full 2 "$AG_BIN" extract -l "$LEXICONS" -o keep.csv "$EX"
stderr_is "actorgraph: keep.nodes.csv: write failed: File too large" "a full disk writing CSV: the file named"
untouched "a full disk writing CSV" keep.nodes.csv keep.edges.csv
# all or nothing: the first output fits (5.8 KB), the second does not (8.4 KB); neither is replaced
keep keep.dot keep.graphml
AG_FSIZE_KB=7 full 2 "$AG_BIN" extract -l "$LEXICONS" --top 3 -o keep.dot -o keep.graphml --evidence 1000 "$EX"
has "$T/err" '^actorgraph: keep\.graphml: write failed: File too large$' "a full disk on the second output: named"
untouched "a full disk on the second output" keep.dot keep.graphml
# the graph fits (5.6 KB), the evidence does not (11 KB)
keep keep.dot ev.jsonl
full 2 "$AG_BIN" extract -l "$LEXICONS" --top 8 -o keep.dot --evidence-out ev.jsonl "$EX"
stderr_is "actorgraph: ev.jsonl: cannot write the output file: File too large" \
    "a full disk writing --evidence-out: exit 2 naming the path"
untouched "a full disk writing --evidence-out: the graph that fitted is not renamed either" keep.dot ev.jsonl
keep keep.jsonl
full 2 "$AG_BIN" mentions -l "$LEXICONS" -o keep.jsonl "$EX"
has "$T/err" '^actorgraph: .*cannot write' "a full disk writing mentions: exit 2 and a message"
untouched "a full disk writing mentions" keep.jsonl
"$AG_BIN" extract -q -l "$LEXICONS" -o ex.json "$EX"
keep keep.gexf
full 2 "$AG_BIN" convert ex.json -o keep.gexf
stderr_is "actorgraph: keep.gexf: write failed: File too large" "convert onto a full disk: exit 2 naming the path"
untouched "convert onto a full disk" keep.gexf
# standard output on a full device
if [ -w /dev/full ]; then
    run 2 bash -c '"$@" >/dev/full' full "$AG_BIN" extract -l "$LEXICONS" -f dot -o - "$EX"
    stderr_is "actorgraph: -: write failed: No space left on device" "extract to a full standard output: exit 2"
    run 2 bash -c '"$@" >/dev/full' full "$AG_BIN" convert ex.json -f json
    stderr_is "actorgraph: -: write failed: No space left on device" "convert to a full standard output: exit 2"
    run 2 bash -c '"$@" >/dev/full' full "$AG_BIN" centrality ex.json
    has "$T/err" '^actorgraph: cannot write to standard output' "centrality to a full standard output: exit 2"
fi

# --- devices, pipes and links named as outputs ----------------------------------------------
if [ "$(id -u)" -eq 0 ] && mknod -m 666 null.dev c 1 3 2>/dev/null; then
    run 0 "$AG_BIN" extract -l "$LEX" -o null.dev -f dot doc.txt
    checks=$((checks + 1))
    [ -c null.dev ] || fail "a character device as the output is written to, not replaced"
fi
run 0 "$AG_BIN" extract -l "$LEX" -o /dev/stdout -f json doc.txt
has "$T/out" '"source": "ARM"' "-o /dev/stdout: the graph goes to standard output"
mkfifo out.fifo
timeout 20 cat out.fifo >from-fifo.json &   # (a bound, should the writer never come)
reader=$!
run 0 "$AG_BIN" extract -l "$LEX" -o out.fifo -f json doc.txt
wait "$reader"
checks=$((checks + 1))
[ -p out.fifo ] || fail "a FIFO as the output is written to, not replaced"
has from-fifo.json '"source": "ARM"' "a FIFO as the output: the reader gets the graph"
mkdir real
keep real/target.graphml
chmod 640 real/target.graphml
ln -s real/target.graphml link.graphml
run 0 "$AG_BIN" extract -l "$LEX" -o link.graphml doc.txt
checks=$((checks + 1))
[ -L link.graphml ] || fail "a symbolic link as the output stays a link"
has real/target.graphml '<edge source="ARM" target="RUS">' "a symbolic link as the output: its target is written"
equals "$(stat -c %a real/target.graphml)" 640 "an output replaced keeps its permissions"
ln -s real/later.graphml dangling.graphml
run 0 "$AG_BIN" extract -l "$LEX" -o dangling.graphml doc.txt
checks=$((checks + 1))
[ -L dangling.graphml ] || fail "a dangling symbolic link as the output stays a link"
has real/later.graphml '<edge source="ARM" target="RUS">' "a dangling symbolic link: the file it names is made"
# a plain file under /dev/ (a tmpfs such as /dev/shm) is replaced like any other, not appended to
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm=$(mktemp -d /dev/shm/ag_hostile.XXXXXX)
    run 0 "$AG_BIN" extract -l "$LEX" -f json -o "$shm/g.json" doc.txt
    run 0 "$AG_BIN" extract -l "$LEX" -f json -o "$shm/g.json" doc.txt
    equals "$(grep -c '"directed"' "$shm/g.json")" 1 "a plain file under /dev/shm: replaced, not appended to"
    rm -rf "$shm"
fi

finish

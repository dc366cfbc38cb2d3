#!/usr/bin/env bash
# Bounded resources: a 200 MB single line (a text file, a JSONL line,
# standard input) is skipped with the document-cap message, quickly and
# without reading it into memory; --max-document moves the cap; and
# extract over a large generated corpus keeps its peak memory small and
# flat (documents are streamed: memory grows with the graph, not the
# corpus). The inputs are generated here, in the temporary directory.
# Prints what it measured.
. "$(dirname "$0")/lib.sh"
have_python || skip "needs /usr/bin/python3 to measure memory"

cap=33554432   # the default --max-document, 32 MiB

# --- a 200 MB single line -----------------------------------------------------------------
yes 'Russia met Armenia in Baku and Azerbaijan said so. ' | tr -d '\n' | head -c 200000000 >big.txt
equals "$(wc -c <big.txt)" 200000000 "the generated line is 200 MB"
measure 0 "$AG_BIN" extract -l "$LEX" -o big.graphml --stats big.json big.txt
stderr_is "actorgraph: warning: big.txt: larger than the $cap-byte document limit (--max-document); skipped
actorgraph: warning: no documents were read; the graph is empty" "a 200 MB text: the document-cap message"
equals "$(json_get big.json 'd["skipped"]["large"]')" 1 "a 200 MB text: --stats skipped.large"
echo "measured: a 200 MB text file: peak RSS ${rss_kb} KiB, ${secs} s"
below "$rss_kb" 131072 "a 200 MB text: peak memory (KiB) stays near the cap, far below the file"
below "$secs" 60 "a 200 MB text: seconds"

{ printf '{"id": "big", "text": "'; cat big.txt; printf '"}\n{"id": "small", "text": "Russia met Armenia."}\n'; } >big.jsonl
rm big.txt
measure 0 "$AG_BIN" extract -l "$LEX" -o bigl.graphml --stats bigl.json big.jsonl
stderr_is "actorgraph: warning: big.jsonl:1: line longer than the $cap-byte document limit (--max-document); skipped" \
    "a 200 MB JSONL line: the document-cap message names file:line"
equals "$(stat_value bigl.json documents)" 1 "a 200 MB JSONL line: the next line is read"
has bigl.graphml '<edge source="ARM" target="RUS">' "a 200 MB JSONL line: the next line makes the graph"
echo "measured: a 200 MB JSONL line: peak RSS ${rss_kb} KiB, ${secs} s"
below "$rss_kb" 131072 "a 200 MB JSONL line: peak memory (KiB)"
below "$secs" 60 "a 200 MB JSONL line: seconds"

head -n 1 big.jsonl >big1.jsonl
rm big.jsonl
checks=$((checks + 1))
"$AG_BIN" extract -l "$LEX" -o bigs.graphml --input-format text - <big1.jsonl >"$T/out" 2>"$T/err"
equals "$?" 0 "200 MB on standard input: exit status"
stderr_is "actorgraph: warning: -: larger than the $cap-byte document limit (--max-document); skipped
actorgraph: warning: no documents were read; the graph is empty" "200 MB on standard input: the document-cap message"
rm big1.jsonl

# --- --max-document moves the cap: N bytes are read, N + 1 are not ----------------------
printf 'Russia met Armenia.' >n19.txt
printf 'Russia met Armenia..' >n20.txt
run 0 "$AG_BIN" extract -l "$LEX" --max-document 19 -o cap.graphml --stats cap.json n19.txt n20.txt
stderr_is "actorgraph: warning: n20.txt: larger than the 19-byte document limit (--max-document); skipped" \
    "--max-document 19: a 20-byte text is skipped"
equals "$(stat_value cap.json documents)" 1 "--max-document 19: the 19-byte text is read"
run 1 "$AG_BIN" extract -l "$LEX" --max-document 0 n19.txt
has "$T/err" "^actorgraph extract: --max-document takes a byte count from 1 to [0-9]+, not '0'$" \
    "--max-document 0: a usage error"

# --- memory grows with the graph, not with the corpus ------------------------------------
gen() {   # gen N: N JSONL documents about the same six actors
    awk -v n="$1" 'BEGIN { split("Russia Armenia Azerbaijan Baku Yerevan Moscow", a, " ");
        for (i = 0; i < n; i++)
            printf "{\"id\": \"d%d\", \"text\": \"%s met %s in the capital on day %d. Officials from %s said the talks would go on. Nobody else was there.\"}\n",
                i, a[i % 6 + 1], a[(i + 1) % 6 + 1], i, a[(i + 3) % 6 + 1] }'
}
gen 25000 >small.jsonl
gen 250000 >large.jsonl
measure 0 "$AG_BIN" extract -q -l "$LEX" -o small.graphml small.jsonl
small_kb=$rss_kb
measure 0 "$AG_BIN" extract -q -l "$LEX" -o large.graphml --stats large.json large.jsonl
large_kb=$rss_kb
equals "$(stat_value large.json documents)" 250000 "the large corpus: every document read"
echo "measured: extract of $(wc -c <small.jsonl) bytes: peak RSS ${small_kb} KiB; of $(wc -c <large.jsonl) bytes: ${large_kb} KiB, ${secs} s"
below "$large_kb" 65536 "extract of a 37 MB corpus: peak memory (KiB)"
below "$((large_kb - small_kb))" 16384 "ten times the corpus: peak memory grows by less than 16 MiB"
measure 0 "$AG_BIN" extract -q -j 2 -l "$LEX" -o large2.graphml large.jsonl
echo "measured: extract -j 2 of the large corpus: peak RSS ${rss_kb} KiB, ${secs} s"
below "$rss_kb" 65536 "extract -j 2 of a 37 MB corpus: peak memory (KiB)"
same large2.graphml large.graphml "extract -j 2: the same graph"
measure 0 "$AG_BIN" mentions -q -l "$LEX" -o mentions.jsonl large.jsonl
echo "measured: mentions of the large corpus: peak RSS ${rss_kb} KiB, ${secs} s"
below "$rss_kb" 65536 "mentions of a 37 MB corpus: peak memory (KiB)"

finish

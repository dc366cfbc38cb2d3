#!/usr/bin/env bash
# The command line's usage contract: every --help exits 0 with the usage
# on standard output; --version; usage errors exit 1 with a message on
# standard error naming what was wrong, and write nothing.
. "$(dirname "$0")/lib.sh"

cd "$CLI_DATA" || exit 1

# --- help and version -----------------------------------------------------------
for args in "--help" "-h" "help" "extract --help" "extract -h" "mentions --help" "mentions -h" \
    "centrality --help" "centrality -h" "lexicon --help" "lexicon check --help" "lexicon check -h" \
    "lexicon stats --help" "lexicon stats -h"; do
    # shellcheck disable=SC2086
    run 0 "$AG_BIN" $args
    has "$T/out" '^usage: actorgraph' "'$args' prints the usage"
    equals "$(cat "$T/err")" "" "'$args' is silent on standard error"
done
run 0 "$AG_BIN" --help
for cmd in extract mentions centrality lexicon; do
    has "$T/out" "^  $cmd " "the top-level help lists $cmd"
done
run 0 "$AG_BIN" extract --help
for opt in --output --format --window --weight --min-weight --min-mentions --types --stats --lexicon --kinds \
    --text-field --id-field --date-field --quiet; do
    has "$T/out" "^ +(-[a-z], )?$opt" "extract --help documents $opt"
done
run 0 "$AG_BIN" centrality --help
for opt in --unweighted --top --sort --format; do
    has "$T/out" "^ +$opt" "centrality --help documents $opt"
done
run 0 "$AG_BIN" --version
has "$T/out" '^actorgraph [0-9]+\.[0-9]+\.[0-9]+$' "--version"

# --- usage errors: exit 1, a message, nothing written ---------------------------------
mkdir "$T/w"
usage_error() {   # PATTERN ARGS...: exit 1, stderr matches PATTERN, nothing written in $T/w
    local pattern=$1
    shift
    run 1 "$AG_BIN" "$@"
    has "$T/err" "$pattern" "'$*' says what is wrong"
    equals "$(cat "$T/out")" "" "'$*' prints nothing on standard output"
    equals "$(ls -A "$T/w")" "" "'$*' writes no file"
}
usage_error 'usage: actorgraph'
usage_error "unknown command 'frobnicate'" frobnicate
usage_error 'bogus' extract --bogus -o "$T/w/g.graphml" docs/one.txt
usage_error 'bogus' mentions --bogus -o "$T/w/m.jsonl" docs/one.txt
usage_error 'bogus' centrality --bogus "$AG_TEST_DATA/golden/centrality_star.graphml"
usage_error "--window.*sideways" extract -l lexicon.json -w sideways -o "$T/w/g.graphml" docs/one.txt
usage_error "--window.*tokens:0" extract -l lexicon.json -w tokens:0 -o "$T/w/g.graphml" docs/one.txt
usage_error "'$T/w/g.xyz'" extract -l lexicon.json -o "$T/w/g.xyz" docs/one.txt
usage_error "'$T/w/g'" extract -l lexicon.json -o "$T/w/g.graphml" -o "$T/w/g" docs/one.txt
usage_error "format.*svg" extract -l lexicon.json -f svg -o "$T/w/g.graphml" docs/one.txt
usage_error "--weight.*strength" extract -l lexicon.json --weight strength -o "$T/w/g.graphml" docs/one.txt
usage_error "--min-weight.*heavy" extract -l lexicon.json --min-weight heavy -o "$T/w/g.graphml" docs/one.txt
usage_error "--min-mentions.*-1" extract -l lexicon.json --min-mentions -1 -o "$T/w/g.graphml" docs/one.txt
usage_error "--min-mentions.*2x" extract -l lexicon.json --min-mentions 2x -o "$T/w/g.graphml" docs/one.txt
usage_error "--types.*states,people" extract -l lexicon.json --types states,people -o "$T/w/g.graphml" docs/one.txt
usage_error "--kinds.*nicknames" extract -l lexicon.json --kinds nicknames -o "$T/w/g.graphml" docs/one.txt
usage_error "--max-document.*0" extract -l lexicon.json --max-document 0 -o "$T/w/g.graphml" docs/one.txt
usage_error "--input-format.*xml" mentions -l lexicon.json --input-format xml -o "$T/w/m.jsonl" docs/one.txt
usage_error 'needs exactly one GRAPH' centrality

finish

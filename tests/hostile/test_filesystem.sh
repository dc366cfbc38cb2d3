#!/usr/bin/env bash
# Inputs the file system spoils: missing files, unreadable files and
# directories (a warning each, the run goes on, writes its outputs and
# exits 1), symbolic links that loop or dangle, directories nested past
# the walk's depth limit. Run as root, permissions do not stop reads: the
# unreadable cases then run as the user nobody (setpriv), or are skipped
# with a message when that is not possible.
. "$(dirname "$0")/lib.sh"

printf 'Russia met Armenia.' >ok.txt

# --- a missing input -------------------------------------------------------------------
run 1 "$AG_BIN" extract -l "$LEX" -o miss.graphml --stats miss.json absent.txt ok.txt
stderr_is "actorgraph: warning: absent.txt: cannot read: No such file or directory" "a missing input: the warning"
has miss.graphml '<edge source="ARM" target="RUS">' "a missing input: the outputs are written"
equals "$(json_get miss.json 'd["skipped"]["files"]')" 1 "a missing input: --stats skipped.files"
run 1 "$AG_BIN" mentions -l "$LEX" absent.txt ok.txt
equals "$(grep -c '"doc":"ok.txt"' "$T/out")" 2 "mentions with a missing input: the other input's mentions"

# --- unreadable files and directories ---------------------------------------------------
mkdir -p perm/sub perm/locked
printf 'Russia met Armenia.' >perm/a.txt
printf 'Baku and Yerevan.' >perm/sub/b.txt
printf 'Moscow said.' >perm/locked/c.txt
printf 'Azerbaijan and Russia.' >perm/secret.txt
chmod 000 perm/locked perm/secret.txt
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    # root reads everything: try again as nobody, who needs to reach the
    # binary, the lexicon and this directory
    chmod 755 "$T"
    chmod 777 "$T/w"
    if command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=65534 --regid=65534 --clear-groups "$AG_BIN" --version >/dev/null 2>&1 &&
        ! setpriv --reuid=65534 --regid=65534 --clear-groups cat perm/secret.txt >/dev/null 2>&1; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        echo "running as root: the unreadable-input cases run as nobody"
    else
        as_user=(skip-it)
        echo "SKIPPED (running as root, which reads files whatever their permissions, and cannot run as nobody): unreadable files and directories"
    fi
fi
if [ "${as_user[0]:-}" != skip-it ]; then
    run 1 "${as_user[@]}" "$AG_BIN" extract -l "$LEX" -o perm.graphml --stats perm.json perm
    stderr_is "actorgraph: warning: perm/locked: cannot read directory: Permission denied
actorgraph: warning: perm/secret.txt: cannot read: Permission denied" \
        "an unreadable directory and file in a walk: the warnings"
    has perm.graphml '<edge source="ARM" target="AZE">' "an unreadable directory: the rest is read"
    equals "$(json_get perm.json 'd["skipped"]["files"]')" 2 "an unreadable directory and file: --stats skipped.files"
    run 1 "${as_user[@]}" "$AG_BIN" extract -l "$LEX" -o perm2.graphml --stats perm2.json perm/secret.txt perm/a.txt
    stderr_is "actorgraph: warning: perm/secret.txt: cannot read: Permission denied" "an unreadable file: the warning"
    has perm2.graphml '<edge source="ARM" target="RUS">' "an unreadable file: the rest is read"
    run 1 "${as_user[@]}" "$AG_BIN" mentions -l "$LEX" perm/secret.txt perm/a.txt
    stderr_is "actorgraph: warning: perm/secret.txt: cannot read: Permission denied" "mentions: an unreadable file"
    equals "$(grep -c '"doc":"perm/a.txt"' "$T/out")" 2 "mentions: the readable file's mentions"
    run 1 "${as_user[@]}" "$AG_BIN" extract -q -l "$LEX" -o perm3.graphml perm/secret.txt
    stderr_is "actorgraph: error: no input could be read; nothing was written" \
        "the only input unreadable, with -q: no warning, but the error"
    checks=$((checks + 1))
    [ ! -e perm3.graphml ] || fail "the only input unreadable: no graph written"
    # an unreadable lexicon is an error, not a warning
    cp "$LEX" secret-lex.json
    chmod 000 secret-lex.json
    run 1 "${as_user[@]}" "$AG_BIN" extract -l secret-lex.json -o perm4.graphml perm/a.txt
    stderr_is "actorgraph: secret-lex.json: cannot open lexicon: Permission denied" "an unreadable lexicon: the error"
    [ ! -e perm4.graphml ] || fail "an unreadable lexicon: no output is written"
    checks=$((checks + 1))
fi
chmod 755 perm/locked
chmod 644 perm/secret.txt

# --- symbolic links: loops are not followed, dangling links are named ----------------------
mkdir -p links/a/b
printf 'Russia met Armenia.' >links/a/b/x.txt
ln -s ../.. links/a/b/up            # back to links/
ln -s ../../a links/a/b/side        # back to links/a
ln -s missing.txt links/dangling.txt
ln -s self.txt links/self.txt       # a link to itself
ln -s a links/other                 # a second way into links/a: read twice, as given
run 1 "$AG_BIN" extract -l "$LEX" -o links.graphml --stats links.json links
sort "$T/err" >"$T/err.sorted"
mv "$T/err.sorted" "$T/err"
has "$T/err" '^actorgraph: warning: links/a/b/up: symbolic link leads back to a directory above it; not followed$' \
    "a link to a directory above: not followed"
has "$T/err" '^actorgraph: warning: links/a/b/side: symbolic link leads back to a directory above it; not followed$' \
    "a link to the parent's parent: not followed"
has "$T/err" '^actorgraph: warning: links/other/b/up: symbolic link leads back to a directory above it; not followed$' \
    "the same loop reached through another link: not followed"
has "$T/err" '^actorgraph: warning: links/dangling\.txt: broken symbolic link; skipped$' "a dangling link: named"
has "$T/err" '^actorgraph: warning: links/self\.txt: .*symbolic link' "a link to itself: named"
equals "$(stat_value links.json documents)" 2 "links: x.txt read once per path that reaches it"
has links.graphml '<edge source="ARM" target="RUS">' "links: the graph is written"

# --- directories nested deeper than the walk goes -----------------------------------------
p=deep
for _ in $(seq 70); do p=$p/d; done
mkdir -p "$p"
printf 'Moscow said.' >"$p/x.txt"
printf 'Russia met Armenia.' >deep/y.txt
run 1 "$AG_BIN" extract -l "$LEX" -o deep.graphml --stats deep.json deep
has "$T/err" '^actorgraph: warning: deep(/d){64}: directories nest deeper than 64 levels; not read$' \
    "directories 70 deep: the 65th level is named"
equals "$(stat_value deep.json documents)" 1 "directories 70 deep: the shallow file is read"

finish

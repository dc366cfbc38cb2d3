#!/usr/bin/env python3
"""Generates lexicons/states.json: one actor for every ISO 3166-1 entry, plus
the de-facto states and the historic states that still fill archives.

A dev-time script: the generated lexicon is committed, so building and running
actorgraph needs no Python. Rerun after editing the overlay:

    python3 scripts/gen_states.py [--iso PATH] [-o lexicons/states.json]

Inputs:
- Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json by default):
  alpha-2, alpha-3 and numeric codes and the official name of every entry.
- The hand-curated overlay, scripts/lexicon-data/states/*.json, merged in
  file-name order. Each file maps an alpha-3 code to an entry:

    label          common English short name (required)
    label_alias    false when the label must not be matched as a name
    names, short, metonyms, demonyms, not
                   alias lists as in lexicons/README.md; the label comes
                   first among the names, the official name last
    short_default  as in lexicons/README.md
    official_name  replaces the iso-codes official name; null drops it
    m49            the lowest UN M49 area the entry belongs to ("Western
                   Asia", "Eastern Africa", "Caribbean"); null for none
    status, sovereign, associated
                   copied into attrs ("territory" and the alpha-3 code of
                   the administering state, ...)
    extra          true for entries that are not in ISO 3166-1 (de-facto
                   and historic states); they may give iso2 and numeric
    valid          {"from": DATE, "to": DATE} for states that no longer exist

The script fails, naming the problem, when an overlay entry names a code
iso-codes does not know (and is not marked extra), when a code appears in two
overlay files, when an ISO code has no entry, or when the result breaks the
lexicon rules: an alias claimed twice (after folding diacritics, typographic
quotes and case), an alias starting with a lower-case letter, a blocker that
covers no alias, a bad date. Output is deterministic: actors ordered by id,
two-space indentation, UTF-8, trailing newline.
"""
import argparse
import datetime
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_OVERLAY = os.path.join(HERE, "lexicon-data", "states")
DEFAULT_OUT = os.path.join(ROOT, "lexicons", "states.json")

# UN M49: lowest area -> (region, sub-region, intermediate region).
M49 = {
    "Northern Africa": ("Africa", "Northern Africa", None),
    "Eastern Africa": ("Africa", "Sub-Saharan Africa", "Eastern Africa"),
    "Middle Africa": ("Africa", "Sub-Saharan Africa", "Middle Africa"),
    "Southern Africa": ("Africa", "Sub-Saharan Africa", "Southern Africa"),
    "Western Africa": ("Africa", "Sub-Saharan Africa", "Western Africa"),
    "Caribbean": ("Americas", "Latin America and the Caribbean", "Caribbean"),
    "Central America": ("Americas", "Latin America and the Caribbean", "Central America"),
    "South America": ("Americas", "Latin America and the Caribbean", "South America"),
    "Northern America": ("Americas", "Northern America", None),
    "Central Asia": ("Asia", "Central Asia", None),
    "Eastern Asia": ("Asia", "Eastern Asia", None),
    "South-eastern Asia": ("Asia", "South-eastern Asia", None),
    "Southern Asia": ("Asia", "Southern Asia", None),
    "Western Asia": ("Asia", "Western Asia", None),
    "Eastern Europe": ("Europe", "Eastern Europe", None),
    "Northern Europe": ("Europe", "Northern Europe", None),
    "Channel Islands": ("Europe", "Northern Europe", "Channel Islands"),
    "Southern Europe": ("Europe", "Southern Europe", None),
    "Western Europe": ("Europe", "Western Europe", None),
    "Australia and New Zealand": ("Oceania", "Australia and New Zealand", None),
    "Melanesia": ("Oceania", "Melanesia", None),
    "Micronesia": ("Oceania", "Micronesia", None),
    "Polynesia": ("Oceania", "Polynesia", None),
}

ENTRY_KEYS = {"label", "label_alias", "names", "short", "short_default", "metonyms", "demonyms", "not",
              "official_name", "m49", "status", "sovereign", "associated", "extra", "iso2", "numeric",
              "valid"}
KINDS = ("names", "short", "metonyms", "demonyms")

# Strings other lexicons claim, or that stand for no state: never a state alias.
RESERVED = {"EU", "UN", "NATO", "Brussels", "The Hague", "Foggy Bottom", "Emirates"}

# Letters without an ASCII base under NFKD, as scripts/gen_fold.py folds them.
SPECIAL = {
    "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o",
    "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "Þ": "TH", "þ": "th", "ı": "i",
    "Ə": "A", "ə": "a", "Ħ": "H", "ħ": "h", "ʻ": "", "ʿ": "", "ʾ": "",
}
APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\uff07"
QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_ok(d):
    """YYYY, YYYY-MM or YYYY-MM-DD, naming a real month and day."""
    if not isinstance(d, str) or not DATE_RE.match(d):
        return False
    try:
        datetime.date.fromisoformat((d + "-01-01")[:10] if len(d) < 10 else d)
    except ValueError:
        return False
    return True


def die(msg):
    sys.stderr.write("gen_states: %s\n" % msg)
    sys.exit(1)


def fold(s):
    """The matcher's folded form, case kept: diacritics off, quotes and dashes plain."""
    out = []
    for ch in s:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
        elif ch in APOSTROPHES:
            out.append("'")
        elif ch in QUOTES:
            out.append('"')
        elif ch in DASHES:
            out.append("-")
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def tokens(s):
    """Tokens as the matcher cuts them: letter runs, digit runs, single punctuation."""
    return tuple(re.findall(r"[^\W\d_]+|\d+|[^\w\s]|_", fold(s)))


def load_iso(path):
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as e:
        die("cannot read %s: %s" % (path, e))
    iso = {}
    for r in rows:
        iso[r["alpha_3"]] = r
    if len(iso) != len(rows):
        die("%s: repeated alpha-3 codes" % path)
    return iso


def load_overlay(directory, iso):
    files = sorted(glob.glob(os.path.join(directory, "*.json")))
    if not files:
        die("no overlay files in %s" % directory)
    merged, origin = {}, {}
    for path in files:
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            die("cannot read %s: %s" % (path, e))
        if not isinstance(data, dict):
            die("%s: top level must be an object mapping codes to entries" % name)
        for code, entry in data.items():
            if code in merged:
                die("%s: %s is already defined in %s" % (name, code, origin[code]))
            if not isinstance(entry, dict):
                die("%s: %s: entry must be an object" % (name, code))
            unknown = set(entry) - ENTRY_KEYS
            if unknown:
                die("%s: %s: unknown keys %s" % (name, code, ", ".join(sorted(unknown))))
            if entry.get("extra"):
                if code in iso:
                    die("%s: %s is marked extra but is an ISO 3166-1 code" % (name, code))
                if not re.fullmatch(r"[A-Z]{3}", code):
                    die("%s: %s: a state id is three upper-case letters" % (name, code))
            elif code not in iso:
                die("%s: %s is not an ISO 3166-1 alpha-3 code (mark de-facto and historic states \"extra\": true)"
                    % (name, code))
            if "m49" not in entry:
                die("%s: %s: m49 missing (null when the entry has no UN M49 region)" % (name, code))
            if entry["m49"] is not None and entry["m49"] not in M49:
                die("%s: %s: unknown M49 area %r" % (name, code, entry["m49"]))
            if not isinstance(entry.get("label"), str) or not entry["label"]:
                die("%s: %s: label missing" % (name, code))
            merged[code] = entry
            origin[code] = name
    missing = sorted(set(iso) - set(merged))
    if missing:
        die("ISO codes without an overlay entry: %s" % " ".join(missing))
    return merged, origin


def add_unique(lst, s):
    if s not in lst:
        lst.append(s)


def build_actor(code, e, iso_row):
    actor = {"id": code, "label": e["label"], "type": "state"}
    names = []
    if e.get("label_alias", True):
        names.append(e["label"])
    for n in e.get("names", []):
        add_unique(names, n)
    official = e["official_name"] if "official_name" in e else (iso_row or {}).get("official_name")
    if official:
        if official.startswith("the "):
            official = official[4:]
        if fold(official) != fold(e["label"]) and fold(official) not in {fold(n) for n in names}:
            names.append(official)
    if names:
        actor["names"] = names
    for kind in ("short", "metonyms", "demonyms"):
        if e.get(kind):
            lst = []
            for a in e[kind]:
                add_unique(lst, a)
            actor[kind] = lst
    if e.get("short_default"):
        actor["short_default"] = True
    if e.get("not"):
        lst = []
        for a in e["not"]:
            add_unique(lst, a)
        actor["not"] = lst
    if e.get("valid"):
        actor["valid"] = e["valid"]
    attrs = {}
    if iso_row:
        attrs["iso2"] = iso_row["alpha_2"]
        attrs["iso3"] = iso_row["alpha_3"]
        attrs["numeric"] = iso_row["numeric"]
    else:
        if e.get("iso2"):
            attrs["iso2"] = e["iso2"]
        if e.get("numeric"):
            attrs["numeric"] = e["numeric"]
    if e["m49"]:
        region, sub, inter = M49[e["m49"]]
        attrs["region"] = region
        attrs["subregion"] = sub
        if inter:
            attrs["intermediate_region"] = inter
    for key in ("status", "sovereign", "associated"):
        if e.get(key):
            attrs[key] = e[key]
    actor["attrs"] = attrs
    return actor


def check(actors):
    ids = {a["id"] for a in actors}
    claimed = {}          # case-folded alias -> (actor, kind, text)
    alias_tokens = set()
    problems = []
    for a in actors:
        for kind in KINDS:
            for s in a.get(kind, []):
                if not isinstance(s, str) or not s.strip():
                    problems.append("%s: empty %s alias" % (a["id"], kind))
                    continue
                if s != s.strip() or "  " in s:
                    problems.append("%s: stray spaces in %r" % (a["id"], s))
                if s[0].islower():
                    problems.append("%s: %s alias %r starts with a lower-case letter" % (a["id"], kind, s))
                if s in RESERVED:
                    problems.append("%s: %r is reserved (another lexicon's, or nobody's)" % (a["id"], s))
                key = fold(s).casefold()
                prev = claimed.get(key)
                if prev and not (kind == "short" and prev[1] == "short" and prev[0] != a["id"]):
                    problems.append("%s: %s alias %r clashes with %s %s %r"
                                    % (a["id"], kind, s, prev[0], prev[1], prev[2]))
                claimed.setdefault(key, (a["id"], kind, s))
                alias_tokens.add(tokens(s))
        for key in ("sovereign", "associated"):
            ref = a["attrs"].get(key)
            if ref and ref not in ids:
                problems.append("%s: %s %r is no state id" % (a["id"], key, ref))
        v = a.get("valid")
        if v is not None:
            if not isinstance(v, dict) or set(v) - {"from", "to"}:
                problems.append("%s: valid must be {\"from\", \"to\"}" % a["id"])
            else:
                for d in v.values():
                    if not date_ok(d):
                        problems.append("%s: bad date %r" % (a["id"], d))
                if "from" in v and "to" in v and v["from"] > v["to"]:
                    problems.append("%s: valid ends before it begins" % a["id"])
    blockers = {}
    for a in actors:
        for b in a.get("not", []):
            k = fold(b)
            if k in blockers:
                problems.append("%s: blocker %r repeats one of %s" % (a["id"], b, blockers[k]))
            blockers[k] = a["id"]
            if fold(b).casefold() in claimed:
                problems.append("%s: blocker %r equals an alias" % (a["id"], b))
            bt = tokens(b)
            if not any(bt[i:i + len(t)] == t for t in alias_tokens for i in range(len(bt) - len(t) + 1)):
                problems.append("%s: blocker %r covers no alias" % (a["id"], b))
    if problems:
        die("lexicon rules broken:\n  " + "\n  ".join(problems))


def main():
    ap = argparse.ArgumentParser(description="Generate lexicons/states.json from iso-codes and the overlay.")
    ap.add_argument("--iso", default=DEFAULT_ISO, help="iso-codes iso_3166-1.json (default: %(default)s)")
    ap.add_argument("--overlay", default=DEFAULT_OVERLAY, help="overlay directory (default: %(default)s)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT, help="output file (default: %(default)s)")
    args = ap.parse_args()

    iso = load_iso(args.iso)
    overlay, _ = load_overlay(args.overlay, iso)
    actors = [build_actor(code, overlay[code], iso.get(code)) for code in sorted(overlay)]
    check(actors)
    lexicon = {"lexicon": "states", "version": 1, "actors": actors}
    text = json.dumps(lexicon, indent=2, ensure_ascii=False) + "\n"
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    counts = {k: sum(len(a.get(k, [])) for a in actors) for k in KINDS + ("not",)}
    sys.stderr.write("gen_states: %d actors -> %s (%s)\n" % (
        len(actors), args.output, ", ".join("%s %d" % kv for kv in counts.items())))


if __name__ == "__main__":
    main()

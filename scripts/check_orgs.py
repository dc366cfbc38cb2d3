#!/usr/bin/env python3
"""Lint lexicons/organizations.json (stdlib only).

Usage: scripts/check_orgs.py [PATH]      (default: lexicons/organizations.json
                                          next to this script's parent)

Checks, each failure printed as PATH: actor ID: message:
  - valid JSON; top level {"lexicon": "organizations", "version": 1, "actors": [...]}
  - only the keys the lexicon format knows; id, label and type present; type "org"
  - ids unique, well formed (upper-case acronym or lower-case hyphenated name),
    never an ISO 3166-1 alpha-3 code; actors ordered by id
  - alias lists are arrays of non-empty strings; no alias in lower case only
    (case-sensitive matching makes such an alias a common word)
  - one alias string (after folding diacritics and typographic variants, case
    kept) belongs to one actor per kind; `short` and `not` may be shared
  - no alias repeated within an actor (folded), no short alias that is also a
    full name somewhere in the file
  - short_default is a boolean and only set with a `short` list
  - affiliation names an ISO alpha-3 code (current or historic), a
    user-assigned X.. code, or an id of this file
  - attrs values are strings or numbers; attrs.kind from the known set;
    founded/dissolved are years, dissolved not before founded
  - the file is written as json.dumps(indent=2, ensure_ascii=False) + newline
Warnings (printed, not failing): single-token aliases that are common English
words when upper-cased text is matched without case.
Exit status 0 when clean, 1 when any check fails.
"""
import json
import os
import re
import sys
import unicodedata

ACTOR_KEYS = {"id", "label", "type", "names", "short", "short_default", "metonyms", "demonyms",
              "patterns", "not", "affiliation", "roles", "valid", "attrs"}
ALIAS_KINDS = ("names", "short", "metonyms", "demonyms", "patterns", "not")
SHARED_KINDS = {"short", "not"}
KINDS = {"igo", "ngo", "armed-group", "agency", "court", "party", "forum", "military"}
# Ids the leaders lexicon uses as affiliation: they must exist with exactly these spellings.
REQUIRED_IDS = {"UN", "UNGA", "UNSC", "UNHCR", "WHO", "IAEA", "EU", "european-commission",
                "european-council", "european-parliament", "EEAS", "NATO", "OSCE", "COE", "IMF",
                "world-bank", "WTO", "AU", "arab-league", "ASEAN", "ICC", "ICJ", "HAMAS",
                "HEZBOLLAH", "HOUTHIS"}
# Historic codes kept by the states lexicon (ISO 3166-3 and the ones it documents).
HISTORIC_CODES = {"SUN", "YUG", "CSK", "DDR", "SCG", "ANT", "ZAR", "BUR", "TMP", "YMD", "VDR"}
# A few common English words that also appear as acronyms; all-caps lines match them.
COMMON_WORDS = {"who", "is", "pace", "ice", "raw", "let", "aid", "us", "it", "am", "an", "as", "at",
                "be", "by", "do", "go", "he", "if", "in", "me", "my", "no", "of", "on", "or", "so",
                "to", "up", "we", "all", "and", "any", "are", "but", "can", "for", "had", "has",
                "her", "him", "his", "how", "its", "may", "new", "not", "now", "old", "one", "our",
                "out", "see", "she", "the", "two", "use", "was", "way", "why", "yes", "you", "fed",
                "quad", "eco", "nam", "sis", "war", "arms", "art", "law", "tax", "oil", "gas",
                "man", "sun", "top", "set", "run", "cap", "act", "age", "era", "end", "net"}

FOLD_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'",
    "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u0131": "i", "\u0130": "I", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE", "\u0153": "oe",
    "\u0152": "OE", "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L", "\u0111": "d",
    "\u0110": "D", "\u00f0": "d", "\u00d0": "D", "\u00fe": "th", "\u00de": "Th", "\u0259": "e",
    "\u018f": "E",
}


def fold(s):
    """Diacritics and typographic variants folded, case kept, whitespace collapsed."""
    s = "".join(FOLD_MAP.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def load_iso3():
    codes = set()
    for name in ("iso_3166-1.json", "iso_3166-3.json"):
        path = os.path.join("/usr/share/iso-codes/json", name)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError:
            continue
        for rows in data.values():
            for row in rows:
                if "alpha_3" in row:
                    codes.add(row["alpha_3"])
    return codes


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "..", "lexicons", "organizations.json")
    path = os.path.normpath(path)
    problems = []
    warnings = []

    def bad(who, msg):
        problems.append(f"{path}: {who}: {msg}")

    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        doc = json.loads(text)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1

    if not isinstance(doc, dict) or set(doc) != {"lexicon", "version", "actors"}:
        bad("top level", 'must be an object with exactly "lexicon", "version", "actors"')
        return report(problems, warnings)
    if doc["lexicon"] != "organizations":
        bad("top level", '"lexicon" must be "organizations"')
    if doc["version"] != 1 or isinstance(doc["version"], bool):
        bad("top level", '"version" must be the integer 1')
    actors = doc["actors"]
    if not isinstance(actors, list) or not actors:
        bad("top level", '"actors" must be a non-empty array')
        return report(problems, warnings)

    if text != json.dumps(doc, indent=2, ensure_ascii=False) + "\n":
        bad("file", "not in canonical form (json.dumps indent=2, ensure_ascii=False, final newline)")

    iso3 = load_iso3()
    if not iso3:
        warnings.append("iso-codes not installed: the ISO alpha-3 checks are skipped")

    ids = [a.get("id") for a in actors if isinstance(a, dict)]
    id_set = set()
    for i in ids:
        if i in id_set:
            bad(f"actor {i}", "duplicate id")
        id_set.add(i)
    for want in sorted(REQUIRED_IDS - id_set):
        bad("file", f'required id "{want}" is missing')
    order = [(str(i).lower(), str(i)) for i in ids]
    if order != sorted(order):
        bad("file", "actors are not ordered by id (case-insensitive, then byte order)")

    owners = {}          # (kind, folded) -> actor id
    all_names = {}       # folded name -> actor id
    shorts = []          # (actor id, alias)
    for a in actors:
        if not isinstance(a, dict):
            bad("actors", "every actor must be an object")
            continue
        aid = a.get("id")
        who = f"actor {aid}"
        for k in sorted(set(a) - ACTOR_KEYS):
            bad(who, f'unknown key "{k}"')
        for k in ("id", "label", "type"):
            if not isinstance(a.get(k), str) or not a.get(k, "").strip():
                bad(who, f'"{k}" must be a non-empty string')
        if not isinstance(aid, str):
            continue
        if a.get("type") != "org":
            bad(who, 'type must be "org"')
        if not (re.fullmatch(r"[A-Z][A-Z0-9]*(?:[-+][A-Z0-9]+)*", aid)
                or re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", aid)):
            bad(who, "id is neither an upper-case acronym nor a lower-case hyphenated name")
        if aid in iso3:
            bad(who, "id is an ISO 3166 alpha-3 code")

        seen_here = {}
        for kind in ALIAS_KINDS:
            if kind not in a:
                continue
            lst = a[kind]
            if not isinstance(lst, list) or not lst:
                bad(who, f'"{kind}" must be a non-empty array of strings')
                continue
            for s in lst:
                if not isinstance(s, str) or not s.strip() or s != s.strip():
                    bad(who, f'"{kind}" has an empty or padded entry: {s!r}')
                    continue
                if kind == "patterns":
                    try:
                        re.compile(s)
                    except re.error as e:
                        bad(who, f"pattern {s!r} does not compile: {e}")
                    continue
                f = fold(s)
                if kind != "not" and not re.search(r"[A-Z0-9]", f):
                    bad(who, f'"{kind}" alias {s!r} has no capital or digit: it would match a common word')
                if kind != "not" and " " not in f and f.lower() in COMMON_WORDS:
                    warnings.append(f"{path}: {who}: {kind} alias {s!r} is a common word in all-caps text")
                if f in seen_here:
                    bad(who, f'{s!r} in "{kind}" repeats {seen_here[f][1]!r} in "{seen_here[f][0]}"')
                else:
                    seen_here[f] = (kind, s)
                if kind in SHARED_KINDS:
                    if kind == "short":
                        shorts.append((aid, s))
                    continue
                key = (kind, f)
                if key in owners and owners[key] != aid:
                    bad(who, f'{kind} alias {s!r} is already claimed by actor {owners[key]}')
                owners.setdefault(key, aid)
                if kind == "names":
                    all_names.setdefault(f, aid)

        if "short_default" in a:
            if not isinstance(a["short_default"], bool):
                bad(who, '"short_default" must be a boolean')
            if "short" not in a:
                bad(who, '"short_default" without a "short" list')

        aff = a.get("affiliation")
        if aff is not None:
            if not isinstance(aff, str):
                bad(who, '"affiliation" must be a string')
            elif aff == aid:
                bad(who, "affiliated to itself")
            elif not (aff in id_set or aff in iso3 or aff in HISTORIC_CODES
                      or re.fullmatch(r"X[A-Z]{2}", aff)):
                bad(who, f'affiliation "{aff}" is neither an ISO alpha-3 code nor an id of this file')

        attrs = a.get("attrs")
        if attrs is not None:
            if not isinstance(attrs, dict):
                bad(who, '"attrs" must be an object')
            else:
                for k, v in attrs.items():
                    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
                        bad(who, f'attrs "{k}" must be a string or a number')
                if attrs.get("kind") not in KINDS:
                    bad(who, f'attrs "kind" must be one of {sorted(KINDS)}')
                for k in ("founded", "dissolved"):
                    if k in attrs and not re.fullmatch(r"\d{4}", str(attrs[k])):
                        bad(who, f'attrs "{k}" must be a year (YYYY)')
                if ("founded" in attrs and "dissolved" in attrs
                        and str(attrs["dissolved"]) < str(attrs["founded"])):
                    bad(who, "dissolved before it was founded")

    for aid, s in shorts:
        f = fold(s)
        if f in all_names:
            bad(f"actor {aid}", f"short alias {s!r} is a full name of actor {all_names[f]}")

    return report(problems, warnings, len(actors))


def report(problems, warnings, n=0):
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {n} actors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Lint lexicons/leaders.json (stdlib only).

    python3 scripts/check_leaders.py [lexicons/leaders.json]

Checks: valid JSON and top-level shape; only known actor keys; ids
well-formed, unique and in sorted order; every actor a leader with a label,
full names and an affiliation (an ISO 3166-1 alpha-3 code, a de-facto state
code or a known organisation id); every full name has at least two word
tokens and an upper-case letter; no alias is listed twice in one actor after
folding (diacritics, typographic apostrophes and dashes, spacing); no full
name belongs to two actors; at most one actor is the default owner of a
short name; no full or short name equals a country name; role dates are
YYYY, YYYY-MM or YYYY-MM-DD and "from" is not after "to".

Exit status 0 when clean, 1 when any error was found (warnings do not fail).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PATH = os.path.join(HERE, "..", "lexicons", "leaders.json")
ISO_PATH = "/usr/share/iso-codes/json/iso_3166-1.json"

MIN_ACTORS = 380
ACTOR_KEYS = {"id", "label", "type", "names", "short", "short_default", "affiliation", "roles", "not", "attrs"}
ROLE_KEYS = {"title", "from", "to"}
DEFACTO = {"XKX", "XNK", "XAB", "XSO", "XTR", "XSL", "XNC", "TWN"}
HISTORIC = {"SUN", "YUG", "CSK", "DDR", "XWG"}
ORGS = {"UN", "UNGA", "UNSC", "UNHCR", "WHO", "IAEA", "EU", "european-commission", "european-council",
        "european-parliament", "EEAS", "NATO", "OSCE", "COE", "IMF", "world-bank", "WTO", "AU",
        "arab-league", "ASEAN", "ICC", "ICJ", "HAMAS", "HEZBOLLAH", "HOUTHIS"}
# Country names that ISO spells differently from the news, also checked.
EXTRA_PLACES = {"Russia", "Iran", "Syria", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Vietnam", "Laos",
                "South Korea", "North Korea", "Taiwan", "Turkey", "Türkiye", "Kosovo", "Palestine", "Vatican",
                "Brunei", "Czechia", "Ivory Coast", "Cape Verde", "Macedonia", "Micronesia", "Congo",
                "Abkhazia", "South Ossetia", "Transnistria", "Artsakh", "Somaliland", "Northern Cyprus",
                "Europe", "Africa", "Asia", "America", "Georgia", "Jordan", "Chad", "Niger", "Guinea"}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Letters whose decomposition has no ASCII base (kept in step with the tokenizer's fold table).
SPECIAL = {"ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o",
           "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "Þ": "TH", "þ": "th", "ı": "i",
           "ƒ": "f", "Ə": "A", "ə": "a", "Ɛ": "E", "ɛ": "e", "Ŋ": "NG", "ŋ": "ng", "Ħ": "H", "ħ": "h",
           "Ŧ": "T", "ŧ": "t", "Ɔ": "O", "ɔ": "o", "Ƴ": "Y", "ƴ": "y", "ʻ": "", "ʿ": "", "ʾ": ""}
APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\uff07"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def fold(s):
    """Folded string with case kept: what the matcher compares."""
    out = []
    for c in s:
        if c in SPECIAL:
            out.append(SPECIAL[c])
        elif c in APOSTROPHES:
            out.append("'")
        elif c in DASHES:
            out.append("-")
        else:
            out.append(c)
    s = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in s if not unicodedata.combining(c))


def tokens(s):
    """Tokens as the matcher cuts them: letter runs, digit runs, single punctuation."""
    toks, cur, kind = [], [], None
    for c in fold(s):
        k = "L" if c.isalpha() else "D" if c.isdigit() else "S" if c.isspace() else "P"
        if k in ("L", "D") and k == kind:
            cur.append(c)
            continue
        if cur:
            toks.append("".join(cur))
        cur, kind = [], k
        if k in ("L", "D"):
            cur = [c]
        elif k == "P":
            toks.append(c)
            kind = None
    if cur:
        toks.append("".join(cur))
    return tuple(toks)


def word_count(s):
    return sum(1 for t in tokens(s) if t[0].isalnum())


def check_date(d):
    m = DATE_RE.match(d) if isinstance(d, str) else None
    if not m:
        return False
    y, mo, da = m.group(1), m.group(2), m.group(3)
    if mo and not 1 <= int(mo) <= 12:
        return False
    if da:
        days = [31, 29 if int(y) % 4 == 0 and (int(y) % 100 or int(y) % 400 == 0) else 28,
                31, 30, 31, 30, 31, 31, 30, 31, 30, 31][int(mo) - 1]
        if not 1 <= int(da) <= days:
            return False
    return True


def load_iso():
    codes, places = set(), set(EXTRA_PLACES)
    try:
        with open(ISO_PATH, encoding="utf-8") as f:
            for c in json.load(f)["3166-1"]:
                codes.add(c["alpha_3"])
                for k in ("name", "common_name", "official_name"):
                    if k in c:
                        places.add(c[k])
    except OSError:
        print(f"warning: {ISO_PATH} not found; alpha-3 codes not verified", file=sys.stderr)
        codes = None
    return codes, {tokens(p) for p in places}


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_PATH
    errors, warnings = [], []

    def err(msg):
        errors.append(msg)

    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1

    if not isinstance(doc, dict) or set(doc) != {"lexicon", "version", "actors"}:
        err("top level must be an object with exactly lexicon, version, actors")
        doc = doc if isinstance(doc, dict) else {}
    if doc.get("lexicon") != "leaders" or doc.get("version") != 1:
        err('top level must say "lexicon": "leaders", "version": 1')
    actors = doc.get("actors", [])
    if not isinstance(actors, list):
        err("actors must be an array")
        actors = []

    iso_codes, places = load_iso()
    ids, name_owner, short_defaults = [], {}, {}

    for i, a in enumerate(actors):
        where = f"actor #{i}"
        if not isinstance(a, dict):
            err(f"{where}: not an object")
            continue
        aid = a.get("id")
        where = f"actor {aid!r}"
        for k in set(a) - ACTOR_KEYS:
            err(f"{where}: unknown key {k!r}")
        if not isinstance(aid, str) or not ID_RE.match(aid):
            err(f"{where}: id must match {ID_RE.pattern}")
        ids.append(aid)
        if not isinstance(a.get("label"), str) or not a["label"].strip():
            err(f"{where}: label missing")
        if a.get("type") != "leader":
            err(f"{where}: type must be \"leader\"")

        # affiliation
        aff = a.get("affiliation")
        if not isinstance(aff, str) or not aff:
            err(f"{where}: affiliation missing")
        elif aff not in ORGS and aff not in DEFACTO and aff not in HISTORIC:
            if not re.match(r"^[A-Z]{3}$", aff) or (iso_codes is not None and aff not in iso_codes):
                err(f"{where}: affiliation {aff!r} is neither an ISO alpha-3 code nor a known id")

        # aliases
        names = a.get("names", [])
        shorts = a.get("short", [])
        if not isinstance(names, list) or not names:
            err(f"{where}: names must be a non-empty array")
            names = []
        if not isinstance(shorts, list):
            err(f"{where}: short must be an array")
            shorts = []
        for kind, lst in (("names", names), ("short", shorts), ("not", a.get("not", []))):
            seen = {}
            for s in lst:
                if not isinstance(s, str) or not s.strip():
                    err(f"{where}: {kind} has an empty or non-string entry")
                    continue
                if s != s.strip() or "  " in s:
                    err(f"{where}: {kind} {s!r} has stray whitespace")
                if not any(c.isupper() for c in s):
                    err(f"{where}: {kind} {s!r} has no upper-case letter (aliases are case-sensitive)")
                t = tokens(s)
                if t in seen:
                    err(f"{where}: {kind} {s!r} repeats {seen[t]!r} after folding")
                seen[t] = s
                if kind != "not" and t in places:
                    err(f"{where}: {kind} {s!r} is a country or place name")
                if kind == "names":
                    if word_count(s) < 2:
                        err(f"{where}: name {s!r} has fewer than two word tokens")
                    if t in name_owner and name_owner[t] != aid:
                        err(f"{where}: name {s!r} is also a name of {name_owner[t]!r}")
                    name_owner[t] = aid
        for s in shorts:
            if isinstance(s, str) and tokens(s) in {tokens(n) for n in names if isinstance(n, str)}:
                err(f"{where}: short {s!r} repeats one of its names")

        d = a.get("short_default")
        if d is not None and not isinstance(d, bool):
            err(f"{where}: short_default must be a boolean")
        if d and not shorts:
            err(f"{where}: short_default without short names")
        if d:
            for s in shorts:
                if isinstance(s, str):
                    short_defaults.setdefault(tokens(s), []).append(aid)

        # roles
        roles = a.get("roles", [])
        if not isinstance(roles, list):
            err(f"{where}: roles must be an array")
            roles = []
        if not roles:
            warnings.append(f"{where}: no roles")
        for r in roles:
            if not isinstance(r, dict):
                err(f"{where}: role is not an object")
                continue
            for k in set(r) - ROLE_KEYS:
                err(f"{where}: role has unknown key {k!r}")
            if not isinstance(r.get("title"), str) or not r["title"].strip():
                err(f"{where}: role without title")
            if "from" not in r:
                err(f"{where}: role {r.get('title')!r} has no from date")
            for k in ("from", "to"):
                if k in r and not check_date(r[k]):
                    err(f"{where}: role {r.get('title')!r} has a bad {k} date {r[k]!r}")
            if check_date(r.get("from")) and check_date(r.get("to")):
                f_, t_ = r["from"], r["to"]
                n = min(len(f_), len(t_))
                if f_[:n] > t_[:n]:
                    err(f"{where}: role {r.get('title')!r} ends ({t_}) before it starts ({f_})")

    # names must not be another actor's short name either
    all_shorts = {}
    for a in actors:
        if isinstance(a, dict):
            for s in a.get("short", []) or []:
                if isinstance(s, str):
                    all_shorts.setdefault(tokens(s), set()).add(a.get("id"))
    for t, owner in name_owner.items():
        others = all_shorts.get(t, set()) - {owner}
        if others:
            err(f"name {' '.join(t)!r} of {owner!r} is a short name of {sorted(others)}")

    for t, owners in sorted(short_defaults.items()):
        if len(owners) > 1:
            err(f"short {' '.join(t)!r} is the default of several actors: {owners}")

    seen_ids = set()
    for x in ids:
        if x in seen_ids:
            err(f"id {x!r} is used twice")
        seen_ids.add(x)
    str_ids = [x for x in ids if isinstance(x, str)]
    if str_ids != sorted(str_ids):
        err("actors are not ordered by id")
    if len(actors) < MIN_ACTORS:
        err(f"only {len(actors)} actors (expected at least {MIN_ACTORS})")

    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    shared = sorted((" ".join(t), sorted(o)) for t, o in all_shorts.items() if len(o) > 1)
    print(f"{path}: {len(actors)} actors, {len(name_owner)} full names, "
          f"{len(all_shorts)} short names ({len(shared)} shared), "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

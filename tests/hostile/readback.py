#!/usr/bin/python3
"""Reads actorgraph's outputs back with the real consumers' parsers and
compares every string with what was written (test_escaping.sh).

  readback.py EXPECTED.json NAME [graphml gexf json csv]...

EXPECTED.json is a node-link graph (the input of `convert`); NAME.graphml,
NAME.gexf, NAME.json and NAME.nodes.csv / NAME.edges.csv are its outputs.
Strings come back exactly from JSON; from the XML formats and CSV with
every control character but tab, LF and CR as U+FFFD (XML 1.0 cannot
hold them). Prints one line per format; exits 1 on the first difference.
"""
import csv, json, re, sys, tempfile, os


def xml_text(s):
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in s)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def expect(what, got, want):
    if got != want:
        fail("%s: got %r, expected %r" % (what, got, want))


def main(expected_path, name, formats):
    want = json.load(open(expected_path, encoding="utf-8"))
    ids = [n["id"] for n in want["nodes"]]
    labels = {n["id"]: n.get("label") for n in want["nodes"]}
    whys = sorted(l["why"] for l in want["links"])
    for fmt in formats:
        if fmt == "json":
            d = json.load(open(name + ".json", encoding="utf-8"))
            expect("json ids", sorted(n["id"] for n in d["nodes"]), sorted(ids))
            expect("json labels", {n["id"]: n.get("label") for n in d["nodes"]}, labels)
            expect("json edge strings", sorted(l["why"] for l in d["links"]), whys)
            expect("json graph attribute", d["graph"].get("title"), want["graph"]["title"])
        elif fmt == "graphml":
            import networkx as nx
            g = nx.read_graphml(name + ".graphml")
            got = sorted(d.get("id", n) for n, d in g.nodes(data=True))
            expect("graphml ids", got, sorted(xml_text(i) for i in ids))
            expect("graphml labels", sorted(d["label"] for n, d in g.nodes(data=True)),
                   sorted(xml_text(l) for l in labels.values()))
            expect("graphml edge strings", sorted(d["why"] for a, b, d in g.edges(data=True)),
                   sorted(xml_text(w) for w in whys))
            expect("graphml graph attribute", g.graph.get("title"), xml_text(want["graph"]["title"]))
        elif fmt == "gexf":
            import networkx as nx
            text = open(name + ".gexf", encoding="utf-8").read()
            # networkx reads the 1.2draft namespace; GEXF 1.3's structure is the same
            text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
            with tempfile.NamedTemporaryFile("w", suffix=".gexf", delete=False, encoding="utf-8") as t:
                t.write(text)
            try:
                g = nx.read_gexf(t.name)
            finally:
                os.unlink(t.name)
            expect("gexf ids", sorted(g.nodes()), sorted(xml_text(i) for i in ids))
            expect("gexf labels", sorted(d["label"] for n, d in g.nodes(data=True)),
                   sorted(xml_text(l) for l in labels.values()))
            expect("gexf edge strings", sorted(d["why"] for a, b, d in g.edges(data=True)),
                   sorted(xml_text(w) for w in whys))
        elif fmt == "csv":
            nodes = list(csv.DictReader(open(name + ".nodes.csv", encoding="utf-8", newline="")))
            edges = list(csv.DictReader(open(name + ".edges.csv", encoding="utf-8", newline="")))
            expect("csv ids", sorted(n["Id"] for n in nodes), sorted(xml_text(i) for i in ids))
            expect("csv labels", sorted(n["Label"] for n in nodes), sorted(xml_text(l) for l in labels.values()))
            expect("csv edge strings", sorted(e["why"] for e in edges), sorted(xml_text(w) for w in whys))
            ends = {n["Id"] for n in nodes}
            for e in edges:
                if e["Source"] not in ends or e["Target"] not in ends:
                    fail("csv edge %r -- %r names no node" % (e["Source"], e["Target"]))
        else:
            fail("unknown format " + fmt)
        print("ok " + fmt)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

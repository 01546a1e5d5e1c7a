#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""B-cubed estimate of library speakers against the gold speakers of a statement set.

    bench/identity/bcubed.py LIBRARY.db GOLD_DIR [GOLD_DIR ...]

The library must hold the .txt files of the gold folders (`arx import GOLD_DIR/*.txt`). Each
gold statement with a named speaker is matched to the library statement of its article that
overlaps it most; statements the library does not have are left out (that is statement
recall, not identity) and counted. Its library speaker is its cluster (an unattributed
statement is a cluster of its own); its gold cluster is the gold speaker:

- a proper name is one person across the library, and a surname alone ("Trump") is the one
  gold full name with that surname when there is exactly one ("Donald Trump");
- a description ("officers", "a WeWork spokesperson") is a speaker of its article only.

This is an estimate on a development set, not the held-out measure: the gold names of this
project's sets were written per article, so the cross-article rules above are ours.
"""

import glob
import json
import os
import re
import sqlite3
import sys
from urllib.parse import unquote, urlparse


def fold(name):
    return " ".join(re.sub(r"[.,’']", " ", name).lower().split())


def is_proper(name):
    words = name.split()
    return bool(words) and words[0][0].isupper() and words[0].lower() not in (
        "the", "a", "an", "one", "two", "some", "several", "many", "most", "other", "his", "her",
        "their", "its", "those", "these", "former", "top") and all(
        w[0].isupper() or w in ("of", "and", "de", "van", "von", "al") for w in words)


def gold_identities(gold):
    """doc -> list of (start, end, identity)"""
    full_by_last = {}
    for doc, statements in gold.items():
        for s in statements:
            name = s["speaker"]
            if name and is_proper(name) and len(name.split()) >= 2:
                full_by_last.setdefault(fold(name).split()[-1], set()).add(fold(name))
    out = {}
    for doc, statements in gold.items():
        rows = []
        for s in statements:
            name = s["speaker"]
            if not name:
                continue
            if is_proper(name):
                key = fold(name)
                if len(key.split()) == 1 and len(full_by_last.get(key, ())) == 1:
                    key = next(iter(full_by_last[key]))
                identity = "lib:" + key
            else:
                identity = "doc:%s:%s" % (doc, fold(name))
            rows.append((s["start"], s["end"], identity))
        out[doc] = rows
    return out


def main():
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    gold = {}
    for folder in sys.argv[2:]:
        for path in sorted(glob.glob(os.path.join(folder, "*.gold.json"))):
            data = json.load(open(path))
            gold[data["doc"]] = data["statements"]
    identities = gold_identities(gold)

    articles = {}
    for article_id, uri in db.execute("SELECT id, source_uri FROM articles"):
        if uri:
            articles[os.path.basename(unquote(urlparse(uri).path))] = article_id

    items = []   # (gold identity, system cluster)
    missing = 0
    for doc, rows in identities.items():
        article_id = articles.get(doc)
        system = [] if article_id is None else db.execute(
            "SELECT id, span_start, span_end, eff_person_id FROM statements"
            " WHERE article_id = ? AND hidden = 0", (article_id,)).fetchall()
        for start, end, identity in rows:
            best, overlap = None, 0
            for sid, s_start, s_end, person in system:
                o = min(end, s_end) - max(start, s_start)
                if o > overlap:
                    best, overlap = (sid, person), o
            if best is None:
                missing += 1
                continue
            cluster = "p%d" % best[1] if best[1] is not None else "s%d" % best[0]
            items.append((identity, cluster))

    by_gold, by_system = {}, {}
    for i, (g, s) in enumerate(items):
        by_gold.setdefault(g, set()).add(i)
        by_system.setdefault(s, set()).add(i)
    precision = recall = 0.0
    for i, (g, s) in enumerate(items):
        both = len(by_gold[g] & by_system[s])
        precision += both / len(by_system[s])
        recall += both / len(by_gold[g])
    n = len(items)
    p, r = precision / n, recall / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    print("statements scored: %d (gold statements with a speaker the library does not have: %d)"
          % (n, missing))
    print("gold speakers: %d, library clusters: %d" % (len(by_gold), len(by_system)))
    print("B-cubed precision %.3f  recall %.3f  F1 %.3f" % (p, r, f))


if __name__ == "__main__":
    main()

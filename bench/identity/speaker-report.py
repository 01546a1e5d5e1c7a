#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-section speaker counts of a library and how many speakers each named person is.

    build/src/cli/arx --library LIB speakers --json > speakers.jsonl
    bench/identity/speaker-report.py speakers.jsonl "Donald Trump" "Hillary Clinton" ...

A named person counts every speaker (of any kind) with statements whose name or alias is
that person's name: the full name, the name with a middle name or initial ("Donald J.
Trump", "Hillary Rodham Clinton"), or the surname alone as the speaker's own name ("Trump").
Speakers with another first name ("Eric Trump", "Bill Clinton") are other people.
"""

import json
import re
import sys


def fold(text):
    return re.sub(r"[.’']", "", text).lower().split()


def same_person(full, name):
    """Whether the speaker name @name can only be the person @full ("Donald Trump")."""
    f = fold(full)
    n = [w for w in fold(name) if w not in ("mr", "mrs", "ms", "sen", "gov", "rep", "dr", "president")]
    if not n:
        return False
    if n == f[-1:]:
        return True
    return len(n) >= 2 and n[0] == f[0] and n[-1] == f[-1]


def main():
    rows = [json.loads(line) for line in open(sys.argv[1])]
    rows = [r for r in rows if r.get("statements", 0) > 0]
    sections = {}
    for r in rows:
        key = (r.get("kind", "person"), "article" in r)
        count = sections.setdefault(key, [0, 0])
        count[0] += 1
        count[1] += r["statements"]
    print("speakers with statements: %d" % len(rows))
    for (kind, local), (n, statements) in sorted(sections.items()):
        print("  %-13s %-16s %5d speakers, %6d statements" %
              (kind, "one article" if local else "library-wide", n, statements))
    for full in sys.argv[2:]:
        hits = [r for r in rows if same_person(full, r["name"])]
        print("%-18s %d speaker(s): %s" % (full, len(hits), "; ".join(
            "%s [%s, %d statements]" % (r["name"], r.get("kind"), r["statements"]) for r in hits)))


if __name__ == "__main__":
    main()

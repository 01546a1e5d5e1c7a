#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists library speakers whose names look like no speaker at all.

Reads `arx speakers --json` (JSON Lines) from stdin or a file and prints every speaker with
statements whose name is a pronoun, a relative pronoun, a bare group word typed as a person
or organisation, a headline (a title-case run with a verb), a clause fragment, a description
typed as a person, a lower-case word inside a proper name ("Sanders let Kingson"), or an
organisation's name typed person ("Washington Post"); then the counts. Aliases are checked
the same way, and a speaker whose descriptions give two ages has somebody else's.

The rules here are deliberately independent of src/store/arx-identity*.c (written apart, from
the issue's examples), so the count is a check on the library, not the library's own opinion.

    build/src/cli/arx --library LIB speakers --json | bench/identity/suspicious-speakers.py
"""

import json
import re
import sys

PRONOUNS = set("""i me we us you he him she her they them it who whom which that this these
those one someone somebody everyone nobody some many several both others most all each
another few what whoever there here its his their our my your""".split())

# Bare plural group words (lower case when written alone).
GROUP_WORDS = set("""officials experts critics sources analysts residents aides advisers
advisors observers supporters opponents lawmakers members leaders democrats republicans
voters police people protesters economists scientists researchers officers authorities
investigators prosecutors lawyers attorneys activists executives employees workers parents
students teachers doctors fans users consumers customers families victims witnesses
insiders allies strategists pollsters staff organizers diplomats""".split())

HEADLINE_VERBS = set("""says said wants will would won't is are was were has have had to can
can't could should may might must does did not calls takes gets makes hits slams blasts
defends urges warns vows plans asks tells claims admits denies rejects backs leads wins
loses drops quits fires reveals responds attacks accuses praises insists explains
announces launches endorses mocks""".split())

CLAUSE_WORDS = set("""is are was were has have had will would can could should may might
must do does did said says told sent went that which who whom whose because although if
when while to by from with without into over after before than as not been being""".split())

DETERMINERS = set("the a an his her their its our my your one some".split())

# Words that may stand lower case inside a proper name ("Department of Justice", "Ana de Soto").
NAME_JOINERS = set("of for and the on & de da di du del della der den van von la le y al el bin ibn".split())

# Last words of organisations' names: a person named so is an organisation typed person.
ORG_LAST_WORDS = set("""campaign administration committee department party agency commission
council foundation university institute association network magazine newspaper news post
times journal tribune herald gazette chronicle""".split())


def words_of(name):
    return re.findall(r"[\w’'.-]+", name)


def why_suspicious(name, kind):
    words = words_of(name)
    if not words:
        return "empty"
    low = [w.lower().strip(".") for w in words]
    if len(low) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if kind in ("person", "organization"):
        if low[-1] in GROUP_WORDS and (len(low) == 1 or not words[-1][0].isupper()
                                      or low[0] in DETERMINERS):
            return "group word as " + kind
    capitalised = [w for w in words if w[0].isupper()]
    if len(words) >= 3 and len(capitalised) == len(words) and any(l in HEADLINE_VERBS for l in low[1:]):
        return "headline"
    # Organisations have long names ("The Roper Center for Public Opinion Research");
    # people do not.
    if kind == "person" and len(words) >= 5 and len(capitalised) == len(words):
        return "title-case run"
    if any(l in CLAUSE_WORDS for l in low[1:]) and not all(w[0].isupper() or w in ("of", "for", "and", "the") for w in words):
        return "clause fragment"
    if len(words) > 6 and any(not w[0].isupper() and w not in ("of", "for", "and", "the", "on", "&") for w in words):
        return "long fragment"
    if kind == "person" and low[0] in DETERMINERS and not words[-1][0].isupper():
        return "description as person"
    if kind in ("person", "organization") and len(words) >= 3 and words[0][0].isupper() and \
            words[-1][0].isupper() and any(not w[0].isupper() and w.lower() not in NAME_JOINERS
                                           for w in words[1:-1]):
        return "lower-case word in name"
    if kind == "person" and len(words) >= 2 and low[-1] in ORG_LAST_WORDS:
        return "organisation as person"
    return None


def conflicting_ages(aliases):
    """Two different ages among one speaker's descriptions: one is somebody else's."""
    ages = set()
    for alias in aliases:
        ages.update(re.findall(r"\b(\d+)-year-old\b", alias))
    return len(ages) > 1


def main():
    source = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    names = aliases = 0
    counts = {}
    for line in source:
        row = json.loads(line)
        if row.get("statements", 0) == 0:
            continue
        why = why_suspicious(row["name"], row.get("kind", "person"))
        if why:
            names += 1
            counts[why] = counts.get(why, 0) + 1
            print("speaker  %-22s %5d  %s" % (why, row["statements"], row["name"]))
        if conflicting_ages(row.get("aliases", [])):
            aliases += 1
            print("alias    %-22s %5s  %s  (of %s)" % ("conflicting ages", "",
                                                      ", ".join(row["aliases"]), row["name"]))
        for alias in row.get("aliases", []):
            why = why_suspicious(alias, "alias")
            if why and why not in ("description as person",):
                aliases += 1
                print("alias    %-22s %5s  %s  (of %s)" % (why, "", alias, row["name"]))
    print("suspicious speaker names: %d  (%s)" % (names, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    print("suspicious aliases: %d" % aliases)


if __name__ == "__main__":
    main()

"""Recall of T103 on wrong offices planted into human translations (and its noise).

Every mention of a person the office table knows (full name, one person of that name,
outside quotations) in the given human translations gets a wrong title planted right
before it: an office of the family of the person's highest office (head of government,
head of state, foreign minister, ...) taken from a template list, skipping renderings
that are right for the person.  The templates are split in two halves: ``dev`` (looked
at while writing the rule) and ``heldout``; recall is reported for each.  A planted title
counts as found when a T103 finding starts within its span.

    python benchmarks/offices_planted.py ../shared/corpora/wmt22-toen/*/human-*

Prints per half: planted, found, recall, and a few misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lintnews.analyses.names.mentions import NAMES
from lintnews.analyses.offices import knowledge, name_key, norm_title
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors

# family -> wrong titles; even positions are the dev half, odd positions held out
TEMPLATES = {
    "hog": ["Prime Minister", "Chancellor", "President", "Premier", "First Minister", "Federal Prime Minister",
            "Chairman of the Government", "Head Minister"],
    "hos": ["Prime Minister", "Premier", "Chancellor", "King", "State Chairman", "Republic President"],
    "fm": ["Foreign Secretary", "Secretary of State", "Foreign Minister", "Chancellor", "Minister of Foreign Cases",
           "Diplomacy Minister"],
    "def": ["Defence Secretary", "Secretary of Defense", "Defense Minister", "Minister of the Armies"],
    "fin": ["Chancellor of the Exchequer", "Treasury Secretary", "Finance Minister", "Minister of the Treasury"],
    "int": ["Home Secretary", "Interior Minister", "Secretary of Homeland Security", "Minister of Inner Affairs"],
    "sg": ["General Secretary", "Secretary-General", "Secretary-in-Chief", "Chief Secretary"],
    "cj": ["Chief Judge", "President of the Supreme Court", "Chief Justice", "Grand Judge"],
}
ORDER = ["hos", "hog", "sg", "cj", "fm", "def", "fin", "int"]


def plant(text: str, k, half: str, counter: list[int]) -> tuple[str, list[tuple[int, int, str]]]:
    out, spans, pos = [], [], 0
    for m in NAMES.of(Document("x.txt", text)).mentions:
        if len(m.words) < 2 or m.title.split()[-1:] and m.title.split()[-1][:1].isupper():
            continue  # a full name with no capitalised word (a title) right before it
        people = k.people(name_key(m.words))
        if len({p.pid for p in people}) != 1:
            continue
        p = people[0]
        fams = {h.family for h in p.holdings}
        fam = next((f for f in ORDER if f in fams), None)
        if fam is None:
            continue
        ok = set()
        for h in p.holdings:
            ok |= k.accepted(h)
        choices = [t for i, t in enumerate(TEMPLATES[fam]) if (i % 2 == 0) == (half == "dev")]
        choices = [t for t in choices if norm_title(t) not in ok]
        if not choices:
            continue
        counter[0] += 1
        title = choices[counter[0] % len(choices)]
        start = m.full.start
        before = text[max(0, start - 40) : start]
        if '"' in before or "“" in before:
            continue
        out.append(text[pos:start])
        at = sum(len(s) for s in out)
        out.append(title + " ")
        spans.append((at, at + len(title), f"{title} {p.name}"))
        pos = start
    out.append(text[pos:])
    return "".join(out), spans


def main(argv: list[str]) -> int:
    k = knowledge()
    files = [f for a in argv for f in sorted(Path(a).glob("*.txt"))]
    for half in ("dev", "heldout"):
        planted = found = 0
        misses = []
        counter = [0]
        for f in files:
            text, spans = plant(f.read_text(encoding="utf-8"), k, half, counter)
            if not spans:
                continue
            errs = office_errors(Document(str(f), text), k)
            for s, e, what in spans:
                planted += 1
                if any(s <= x.start < e or x.start <= s < x.end for x in errs):
                    found += 1
                elif len(misses) < 8:
                    misses.append(f"{f.parent.parent.name}/{f.name}: {what}")
        rate = found / planted if planted else 0.0
        print(f"{half}: planted {planted}, found {found}, recall {rate:.1%}")
        for m in misses:
            print("   miss:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Namesakes in the office table: how many names two or more people share, and how many of
them T103 can judge.

A name key (N101's spelling key of the name) shared by several people of the table
(``lintnews/data/offices.tsv``) was never judged before issue 17's fix: "Wang Yi" (the
foreign minister and three legislators), "Kim Jong Un" (whose key "Kim Jong-hoon"
shares).  For every shared key with a holder of a compared office (head of government or
of state, foreign minister...), each such holder's name as the table spells it is put in
a sentence twice:

* after a title of a compared family that no namesake held ("Prime Minister Wang Yi"):
  a finding is a judged name (wrong whoever is meant);
* after the title the table suggests for the holder's own latest compared office
  ("Foreign Minister Wang Yi"): a finding is a false alarm.

    python benchmarks/offices_namesakes.py [-v]

Run it on other code with ``PYTHONPATH=<that tree>`` (only public functions are used).
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict

from lintnews.analyses.offices import REPORTED, knowledge, office_table
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors

#: a title for each compared family, in the order tried; a family's group shares titles
TITLES = [("hog", "Prime Minister"), ("hos", "President"), ("fm", "Foreign Minister"), ("fin", "Finance Minister"),
          ("def", "Defence Minister"), ("int", "Interior Minister"), ("hea", "Health Minister")]
GROUPS = {"hog": {"hog", "hos"}, "hos": {"hog", "hos"}}


def spelling(name: str) -> str:
    """A name's letters without case, accents, hyphens or spaces (as T103 compares them)."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c)).lower()


def shared_keys() -> dict[str, dict[str, tuple[str, tuple]]]:
    """key -> {person id: (name, holdings)} for keys of two or more people."""
    table = office_table()
    by_key: dict[str, set[str]] = defaultdict(set)
    data = table.data
    start, end = table.people_section
    for line in data[start:end].split(b"\n"):
        if line.startswith(b"P\t"):
            _p, key, _name, pid, _cells = line.split(b"\t")
            by_key[key.decode()].add(pid.decode())
    out = {}
    for key, pids in by_key.items():
        if len(pids) > 1:
            people = table.people(key)
            out[key] = {p.pid: (p.name, p.holdings) for p in people}
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    k = knowledge()
    shared = shared_keys()
    with_holder = {key: ps for key, ps in shared.items() if any(h.family in REPORTED for _n, hs in ps.values() for h in hs)}
    print(f"name keys shared by two or more people: {len(shared)}; with a holder of a compared office: {len(with_holder)}")
    for label, keys in (("all", shared), ("with a holder of a compared office", with_holder)):
        spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, ps in keys.items():
            for pid, (name, _hs) in ps.items():
                spellings[(key, spelling(name))].add(pid)
        one = sum(len(pids) == 1 for pids in spellings.values())
        print(f"  {label}: {len(spellings)} spellings of those keys, {one} of them name one person (the rest, "
              f"{len(spellings) - one}, are namesakes spelled alike)")
    judged = silent = names = false_alarms = 0
    for key, ps in sorted(with_holder.items()):
        held = {h.family for _n, hs in ps.values() for h in hs if h.family in REPORTED}
        for pid, (name, hs) in sorted(ps.items()):
            if not any(h.family in REPORTED for h in hs):
                continue
            names += 1
            wrong = next((t for fam, t in TITLES if not (GROUPS.get(fam, {fam}) & held)), None)
            if wrong is not None:
                errs = office_errors(Document("x.txt", f"On Monday, {wrong} {name} met reporters.\n"), k)
                judged += bool(errs)
                if verbose:
                    print(f"  {'judged' if errs else 'silent'}: {wrong} {name}", *(e.message for e in errs))
            own = max((h for h in hs if h.family in REPORTED), key=lambda h: (h.start or "0", h.end or "9999"))
            right = k.suggestion(own)
            errs = office_errors(Document("x.txt", f"On Monday, {right} {name} met reporters.\n"), k)
            false_alarms += bool(errs)
            silent += not errs
            if verbose and errs:
                print(f"  FALSE ALARM: {right} {name}", *(e.message for e in errs))
    print(f"holders of a compared office among them: {names}; a wrong title judged for {judged}; "
          f"their own office's title: silent for {silent}, reported for {false_alarms}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""T103 on invented wrong-office sentences (``offices_invented.tsv``), split in two halves
by a hash of the sentence: ``tune`` (looked at while changing the rule) and ``test``
(reported once).  Each sentence is its own document; a wrong title counts as found when
a T103 finding starts within its [bracketed] span; a ``right`` sentence with a finding
is a false positive.

    python benchmarks/offices_invented.py [tune|test|both] [-v] [--mid] [--cases FILE]

``--cases`` reads another file of the same format (``offices_invented_unknown.tsv``:
people the table does not know, in articles that name two or more countries).

``--mid`` puts "On Monday, " before every sentence (the title then stands mid-sentence).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from lintnews.analyses.offices import knowledge
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors

CASES = Path(__file__).with_name("offices_invented.tsv")


def half(sentence: str) -> str:
    return "tune" if hashlib.sha1(sentence.encode()).digest()[0] % 2 == 0 else "test"


def cases(path: Path = CASES) -> list[tuple[str, str, str, int, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, marked = line.split("\t")
        s, e = marked.index("["), marked.index("]")
        text = marked[:s] + marked[s + 1 : e] + marked[e + 1 :]
        out.append((half(marked), kind, text, s, e - 1))
    return out


def main(argv: list[str]) -> int:
    which = argv[0] if argv and not argv[0].startswith("-") else "tune"
    verbose = "-v" in argv
    lead = "On Monday, " if "--mid" in argv else ""
    path = Path(argv[argv.index("--cases") + 1]) if "--cases" in argv else CASES
    k = knowledge()
    halves = ("tune", "test") if which == "both" else (which,)
    for h in halves:
        tally: dict[str, list[int]] = {}
        for hh, kind, text, s, e in cases(path):
            if hh != h:
                continue
            errs = office_errors(Document("x.txt", lead + text + "\n"), k)
            hit = any(len(lead) + s <= x.start < len(lead) + e for x in errs)
            t = tally.setdefault(kind, [0, 0])
            t[0] += 1
            t[1] += hit if kind != "right" else bool(errs)
            if verbose and (hit != (kind != "right") or (kind == "right" and errs)):
                print(f"  {h} {kind} {'FP' if kind == 'right' else 'miss'}: {text}", *(x.message for x in errs))
        for kind, (n, f) in sorted(tally.items()):
            label = "false positives" if kind == "right" else "found"
            print(f"{h} {kind}: {n} sentences, {label} {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

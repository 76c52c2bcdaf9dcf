"""T103 on another country's title put in place of an office before a name in real text.

Every "<office> <Capitalised Name>" of the given texts (President, Prime Minister,
Chancellor, Foreign Minister, Governor, Mayor...; not after "deputy", "vice" or "former",
not in a quotation) is replaced, one at a time, by each title of another system in
``SUBSTITUTES`` (written for this script, not taken from any benchmark's lists), and the
document is judged by T103 (``office_errors``).  A substitution counts as found when a
finding starts within the new title.  Sites are grouped by office and by what follows: a
full name the office table knows, a full name it does not, a surname alone.  Some
substitutes are right for some people (Dmitry Medvedev was President; Narendra Modi was
Chief Minister of Gujarat): read the misses.

    python benchmarks/offices_substituted.py ../shared/corpora/clean-en [-v]

Run it on other code with ``PYTHONPATH=<that tree>`` (only public functions are used).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lintnews.analyses.offices import knowledge, name_key
from lintnews.core.document import Document, in_quote
from lintnews.rules.titles_known import office_errors

SUBSTITUTES = {
    "Governor": ["Prefect", "Landeshauptmann", "Premier", "Chief Minister", "Minister-President"],
    "Mayor": ["Burgomaster", "Reeve", "Provost", "Alcalde"],
    "President": ["Premier", "Chief Executive", "First Minister", "Federal Chancellor", "President of the Government", "King",
                  "Supreme Leader"],
    "Prime Minister": ["Federal Chancellor", "Chief Minister", "Minister-President", "First Minister", "Grand Vizier", "President"],
    "Foreign Minister": ["Foreign Secretary", "Secretary of State", "External Affairs Minister", "Foreign Affairs Secretary"],
    "Defence Minister": ["Defence Secretary", "Secretary of Defense"],
    "Defense Minister": ["Defense Secretary", "Secretary of Defense"],
    "Secretary of State": ["Foreign Secretary", "Foreign Minister"],
    "Chancellor": ["Premier", "Federal Prime Minister", "President", "First Minister"],
}
SITE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, SUBSTITUTES)) + r") ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})")
LESSER = re.compile(r"(Vice|Deputy|Former|former|vice|deputy)[ -]$")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if not a.startswith("-")]
    k = knowledge()
    tally: Counter = Counter()
    misses: dict[tuple[str, str], list[str]] = defaultdict(list)
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for m in SITE.finditer(text):
                if LESSER.search(text[max(0, m.start() - 12) : m.start()]):
                    continue
                office, name = m.group(1), m.group(2)
                words = name.split()
                kind = ("full-known" if k.people(name_key(words)) else "full-unknown") if len(words) > 1 else "surname"
                for title in SUBSTITUTES[office]:
                    doc = Document(path.name, text[: m.start(1)] + title + text[m.end(1) :])
                    if in_quote(doc, m.start(1)):
                        continue
                    hit = any(m.start(1) <= e.start <= m.start(1) + len(title) for e in office_errors(doc, k))
                    tally[(office, kind, hit)] += 1
                    if not hit:
                        misses[(office, kind)].append(f"{path.name}: {title} {name}")
    total = [0, 0]
    for office, kind in sorted({(o, kd) for o, kd, _ in tally}):
        hit, n = tally[(office, kind, True)], tally[(office, kind, True)] + tally[(office, kind, False)]
        total[0] += hit
        total[1] += n
        print(f"{office:18} {kind:13} found {hit:4} / {n:4}")
    print(f"{'all':32} found {total[0]:4} / {total[1]:4}")
    if verbose:
        for key, found in sorted(misses.items()):
            print(*key)
            for line in found[:15]:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

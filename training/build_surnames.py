#!/usr/bin/env python3
"""Build the table of frequent surnames (``lintnews/data/surnames.txt``).

N101 (name-variant) reads it to tell two people from one person spelled two ways: two
spellings that are both frequent surnames ("Daley"/"Daly", "Smyth"/"Smith",
"Cohen"/"Chen"), written in different articles with no given name in common, are two
families' names, not a respelling.

Input (nothing is downloaded at run time; the build checks the input's SHA-256):

- **US surnames by frequency** (US Census 1990, public domain, a work of the US
  government): ``dist.all.last`` of the PyPI source archive ``names-0.3.0.tar.gz``
  (MIT-licensed package by Trey Hunner; its README states that its data files are public
  domain, derived from the 1990 Census).  88,799 surnames, each with its share of the
  people of the Census sample, the cumulative share and the rank.  The same archive
  ``training/build_given_names.py`` reads (the same pinned SHA-256).

Method: the first ``--top`` surnames by rank (the file's order), lower case, one per
line; line *n* after the header is the surname of rank *n*.  At the default 20,000 the
last surname kept (rank 20,000) is borne by about 0.0004% of the people counted (about
a thousand people of 250 million); together the kept surnames are borne by 78% of them.
Census spellings have no apostrophes, spaces or accents ("OCONNOR"); readers fold a name
the same way before they look it up (``lintnews.analyses.names.surnames``).

Output (ASCII text): ``#`` header lines naming the input and parameters, then the
surnames.  A rerun with the same input writes the same bytes (``--check`` rebuilds and
compares).

Usage (from the repository root)::

    python -m pip download --no-deps -d ~/.cache/lintnews-given-names names==0.3.0
    python training/build_surnames.py            # writes lintnews/data/surnames.txt
    python training/build_surnames.py --check    # rebuild and compare byte for byte
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lintnews" / "data" / "surnames.txt"
DEFAULT_INPUTS = Path(os.environ.get("LINTNEWS_GIVEN_NAMES_INPUTS", Path.home() / ".cache" / "lintnews-given-names"))
CENSUS = "names-0.3.0.tar.gz"
CENSUS_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
MEMBER = "names-0.3.0/names/dist.all.last"


def read_census(archive: Path) -> list[tuple[str, float, float, int]]:
    """Rows ``(SURNAME, share, cumulative share, rank)`` of ``dist.all.last``, file order."""
    if not archive.is_file():
        raise SystemExit(f"missing input {archive} (see the usage in training/build_surnames.py)")
    data = archive.read_bytes()
    if hashlib.sha256(data).hexdigest() != CENSUS_SHA256:
        raise SystemExit(f"{archive}: SHA-256 differs from the pinned {CENSUS_SHA256}")
    with tarfile.open(archive) as sdist:
        text = sdist.extractfile(MEMBER).read().decode("ascii")
    rows = []
    for line in text.splitlines():
        fields = line.split()
        if fields:
            name, share, cumulative, rank = fields
            rows.append((name, float(share), float(cumulative), int(rank)))
    return rows


def build(rows: list[tuple[str, float, float, int]], top: int) -> str:
    """The output text for the rows of the Census file."""
    if [r[3] for r in rows] != list(range(1, len(rows) + 1)):
        raise SystemExit("the Census file is not in rank order")
    kept = rows[:top]
    header = [
        "# Frequent surnames, lower case, by rank (line n after this header: rank n).",
        "# Built by training/build_surnames.py from dist.all.last of names-0.3.0.tar.gz",
        f"#   (US Census 1990, public domain; sha256 {CENSUS_SHA256[:16]}); --top {top}:",
        f"#   {len(kept)} surnames, {kept[-1][2]:.3f}% of the people counted." if kept else "#   none.",
    ]
    return "\n".join(header + [name.lower() for name, *_ in kept]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=DEFAULT_INPUTS, help="folder holding names-0.3.0.tar.gz (default %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--top", type=int, default=20_000, help="how many surnames, by rank")
    parser.add_argument("--check", action="store_true", help="rebuild and compare with --out; write nothing")
    args = parser.parse_args(argv)
    text = build(read_census(args.inputs / CENSUS), args.top)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="ascii") == text
        print(f"{args.out}: {'identical' if same else 'DIFFERS'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="ascii", newline="\n")
    print(f"wrote {args.out}: {text.count(chr(10)) - 4} surnames, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

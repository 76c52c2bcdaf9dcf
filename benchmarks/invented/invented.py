"""Score lintnews (default rules) on the invented cases of ``cases.tsv``.

Each case is one document.  A case with an expected span is found when a finding of any
rule overlaps the first occurrence of that span; a case with "-" must draw no finding at
all.  The cases are split in two halves by the SHA-256 of their text (first byte even:
``tune``, odd: ``held``): write rules against the tune half, read the held half once.

    python benchmarks/invented/invented.py [--half tune|held|all] [--misses]
"""

from __future__ import annotations

import argparse
import hashlib
from collections import defaultdict
from pathlib import Path

from lintnews.api import lint_texts

CASES = Path(__file__).with_name("cases.tsv")


def load(path: Path = CASES) -> list[tuple[str, str, str]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, expected, text = line.split("\t")
        cases.append((kind, expected, text.replace("\\n", "\n") + "\n"))
    return cases


def half(text: str) -> str:
    return "tune" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def offsets(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def score(cases, which: str = "all"):
    texts = {f"case-{n:03d}.txt": c[2] for n, c in enumerate(cases) if which in ("all", half(c[2]))}
    findings = defaultdict(list)
    for f in lint_texts(texts):
        text = texts[f.path]
        start, end = offsets(text, f.line, f.column), offsets(text, f.end_line, f.end_column)
        findings[f.path].append((start, max(end, start + 1), f.code))
    rows = []
    for n, (kind, expected, text) in enumerate(cases):
        path = f"case-{n:03d}.txt"
        if path not in texts:
            continue
        got = findings.get(path, [])
        if expected == "-":
            ok = not got
        else:
            s = text.find(expected)
            if s < 0:
                raise ValueError(f"{path}: {expected!r} not in its text")
            e = s + len(expected)
            ok = any(a < e and s < b for a, b, _ in got)
        rows.append((kind, ok, sorted({c for *_, c in got}), text))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["tune", "held", "all"], default="tune")
    parser.add_argument("--misses", action="store_true", help="list the cases gone wrong")
    args = parser.parse_args()
    rows = score(load(), args.half)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for kind, ok, _, _ in rows:
        by_kind[kind].append(ok)
    print(f"| kind ({args.half}) | right | cases |\n|---|---:|---:|")
    for kind in sorted(by_kind):
        print(f"| {kind} | {sum(by_kind[kind])} | {len(by_kind[kind])} |")
    if args.misses:
        for kind, ok, codes, text in rows:
            if not ok:
                print(f"- {kind} {codes}: {text.strip()!r}")


if __name__ == "__main__":
    main()

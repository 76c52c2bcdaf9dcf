"""Title findings (T101, T102, T103) per translation system, against the human translation.

Each system's documents are linted as one corpus (the corpus rules see that system's
documents only), restricted to the documents the system and the human translation of
the same pair both have, so the counts compare like with like.  A finding on a human
translation is mostly a false alarm (or a slip of the translator); on a system's output
it may be a real mistranslated office: the report shows a sample of each to read.

    python benchmarks/titles_by_system.py --corpora ../shared/corpora [--show 10] [--json]

Reads ``<corpora>/zh-en/<system>/*.txt`` (human: ``human-A``) and
``<corpora>/wmt22-toen/manifest.tsv`` (human: ``human-A``, else ``human-B`` for cs-en).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from lintnews.api import lint_texts

RULES = ["T101", "T102", "T103"]


def _zh(corpora: Path) -> dict[tuple[str, str], dict[str, Path]]:
    root = corpora / "zh-en"
    return {("zh-en", d.name): {p.name: p for p in sorted(d.glob("*.txt"))} for d in sorted(root.iterdir()) if d.is_dir()}


def _wmt(corpora: Path) -> dict[tuple[str, str], dict[str, Path]]:
    root = corpora / "wmt22-toen"
    sets: dict[tuple[str, str], dict[str, Path]] = defaultdict(dict)
    with open(root / "manifest.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            sets[(row["pair"], row["system"])][row["docid"]] = root / row["path"]
    return dict(sets)


def _human(systems: dict[tuple[str, str], dict[str, Path]], pair: str) -> str | None:
    for name in ("human-A", "human-B", "human-C"):
        if (pair, name) in systems:
            return name
    return None


def measure(name: str, systems: dict[tuple[str, str], dict[str, Path]]) -> list[dict]:
    rows = []
    for (pair, system), docs in sorted(systems.items()):
        human = _human(systems, pair)
        if human is None:
            continue
        common = sorted(set(docs) & set(systems[(pair, human)]))
        if not common:
            continue
        texts = {f"{pair}/{system}/{d}": docs[d].read_text(encoding="utf-8") for d in common}
        words = sum(len(t.split()) for t in texts.values())
        found = lint_texts(texts, select=RULES)
        rows.append(
            {
                "corpus": name,
                "pair": pair,
                "system": system,
                "human": system == human,
                "reference": human,
                "documents": len(common),
                "words": words,
                "findings": len(found),
                "by_rule": {r: sum(1 for f in found if f.code == r) for r in RULES if any(f.code == r for f in found)},
                "examples": [
                    {"path": f.path, "line": f.line, "code": f.code, "message": f.message,
                     "text": texts[f.path].split("\n")[f.line - 1][max(0, f.column - 40) : f.column + 80]}
                    for f in found
                ],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--show", type=int, default=10, help="findings to show (a fixed random sample of the systems')")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", choices=["zh-en", "wmt22-toen"], default=None)
    args = ap.parse_args(argv)
    rows = []
    if args.only in (None, "zh-en"):
        rows += measure("zh-en", _zh(args.corpora))
    if args.only in (None, "wmt22-toen"):
        rows += measure("wmt22-toen", _wmt(args.corpora))
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    print("| corpus | pair | system | documents | words | title findings | per 10k words | by rule | human on the same documents |")
    print("|---|---|---|---:|---:|---:|---:|---|---:|")
    human = {(r["corpus"], r["pair"], r["reference"]): r for r in rows if r["human"]}
    for r in rows:
        h = human.get((r["corpus"], r["pair"], r["reference"]))
        rate = 1e4 * r["findings"] / r["words"] if r["words"] else 0.0
        by = ", ".join(f"{k} {v}" for k, v in r["by_rule"].items()) or "–"
        ref = "(reference)" if r["human"] else (f"{h['findings']} ({r['reference']})" if h else "–")
        print(f"| {r['corpus']} | {r['pair']} | {r['system']} | {r['documents']} | {r['words']:,} | {r['findings']} | {rate:.2f} | {by} | {ref} |")
    shown = [e for r in rows if not r["human"] for e in r["examples"]]
    random.Random(0).shuffle(shown)
    # one finding per distinct message first (the same sentence recurs across systems)
    seen: set[str] = set()
    firsts = [e for e in shown if not (e["message"] in seen or seen.add(e["message"]))]  # type: ignore[func-returns-value]
    shown = firsts + [e for e in shown if e not in firsts]
    print(f"\n{min(args.show, len(shown))} of the {len(shown)} findings on system output:\n")
    for e in shown[: args.show]:
        print(f"- `{e['path']}:{e['line']}` {e['code']}: {e['message']}  \n  «{e['text'].strip()}»")
    refs = [e for r in rows if r["human"] for e in r["examples"]]
    print(f"\nThe {len(refs)} findings on human translations:\n")
    for e in refs:
        print(f"- `{e['path']}:{e['line']}` {e['code']}: {e['message']}  \n  «{e['text'].strip()}»")
    return 0


if __name__ == "__main__":
    sys.exit(main())

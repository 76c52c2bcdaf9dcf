#!/usr/bin/env python3
"""Measure rule M103 (unusual-phrase): recall on hand-made swaps, false alarms on human text.

::

    python benchmarks/phrase_anomaly.py --swaps benchmarks/phrases/swaps.tsv --half test
    python benchmarks/phrase_anomaly.py --clean ../shared/corpora/clean-en
    python benchmarks/phrase_anomaly.py --zh-en ../shared/corpora/zh-en
    python benchmarks/phrase_anomaly.py --human ../shared/corpora/wmt22-toen   # every human-* folder

``--swaps``: a TSV of (swap, original, kind) written by hand (``benchmarks/phrases/
swaps.tsv``).  Each swap is put into a sentence (a capitalised swap after "the", a
lower-case one mid-sentence) and the rule must report exactly the swap.  The items are
dealt into two halves by a hash of the original phrase (both swaps of one phrase fall in
the same half): ``tune`` is the half the thresholds were chosen on, ``test`` the half held
out.  ``--clean``/``--human``: every finding is listed, with the rate per 10,000 words.
``--zh-en``: findings per 1,000 words per system (each a folder) against human-A.
``--speed FOLDER``: the table's load time (a fresh process, best of 5) and the CPU time
of linting FOLDER in this process with the default rules, with and without M103 and M104,
alternating ``--reps`` times (best of each); on a busy machine read the spread too.

The rule runs as lintnews runs it (the view of each document, quotations left out),
through :func:`lintnews.analyses.phrases.find_unusual_phrases`; ``--table`` reads
another table (to compare builds).  Words are whitespace tokens.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lintnews.analyses.phrases import find_unusual_phrases, load_table, reported_phrases  # noqa: E402
from lintnews.core.document import make_document  # noqa: E402

SENTENCE_LOWER = "Officials said on Tuesday that {} had become a worry for many families across the region."
SENTENCE_PROPER = "A spokesman for the {} said on Tuesday that the talks would continue next week."
# An adverbial idiom (kind "idiom", rule M104): where it opens a sentence and a comma follows.
SENTENCE_IDIOM = "{}, the ministry said on Tuesday that the talks would continue next week."


def half_of(original: str) -> str:
    key = original.lower().rstrip("s")
    return "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "test"


def read_swaps(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            swap, original, kind = line.split("\t")
            rows.append((swap, original, kind))
    return rows


#: ``--as-rule``: only what M103 reports (names, and swaps the article contradicts itself
#: on), not every row of the table found
AS_RULE = False


def findings(path: str, text: str, table) -> list:
    doc = make_document(path, text)
    find = reported_phrases if AS_RULE else find_unusual_phrases
    return [h for h in find(doc.view, table) if not doc.in_quote(h.start)]


def run_swaps(path: Path, half: str, table) -> None:
    rows = [r for r in read_swaps(path) if half == "all" or half_of(r[1]) == half]
    found = 0
    by_kind: dict[str, list[int]] = {}
    for swap, original, kind in rows:
        if kind == "idiom":
            sentence = SENTENCE_IDIOM.format(swap)
        else:
            sentence = (SENTENCE_PROPER if swap[0].isupper() else SENTENCE_LOWER).format(swap)
        hits = findings("swap.txt", sentence, table)
        ok = [h for h in hits if h.phrase == swap]
        found += bool(ok)
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += bool(ok)
        by_kind[kind][1] += 1
        mark = "found" if ok else "MISSED"
        extra = f" -> {ok[0].suggestion} (x{ok[0].ratio:.1f})" if ok else ""
        wrong = [h.phrase for h in hits if h.phrase != swap]
        print(f"{mark:6} {swap!r} ({original}){extra}{'  other: ' + str(wrong) if wrong else ''}")
    kinds = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(by_kind.items()))
    print(f"\nrecall ({half} half): {found}/{len(rows)} = {found / max(len(rows), 1):.1%} ({kinds})")


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


def run_clean(folders: list[Path], table, label: str) -> None:
    words = 0
    listed = []
    for folder in folders:
        for path in documents(folder):
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            for h in findings(str(path), text, table):
                line = text.count("\n", 0, h.start) + 1
                listed.append(f"{path}:{line}: '{h.phrase}' -> '{h.suggestion}' (x{h.ratio:.1f})")
    for item in listed:
        print(item)
    print(f"\n{label}: {len(listed)} findings in {words:,} words = {len(listed) / max(words, 1) * 10_000:.2f} per 10,000 words")


def run_zh_en(folder: Path, table) -> None:
    print("| system | words | findings | per 1k words |\n| --- | ---: | ---: | ---: |")
    listed: list[str] = []
    for system in sorted(p for p in folder.iterdir() if p.is_dir()):
        words = count = 0
        for path in documents(system):
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            hits = findings(str(path), text, table)
            count += len(hits)
            listed.extend(f"{system.name}/{path.name}: '{h.phrase}' -> '{h.suggestion}'" for h in hits)
        print(f"| {system.name} | {words:,} | {count} | {count / max(words, 1) * 1000:.3f} |")
    print(*listed, sep="\n")


def run_speed(folder: Path, reps: int) -> None:
    import subprocess
    import time

    from lintnews.api import lint_texts

    code = "import time; from lintnews.analyses import phrases as p; t = time.perf_counter(); p.load_table(); print(time.perf_counter() - t)"
    loads = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(5)]
    print(f"table load: best {min(loads):.3f} s, worst {max(loads):.3f} s (5 fresh processes)")
    texts = {str(p): p.read_text(encoding="utf-8") for p in documents(folder)}
    lint_texts(dict(list(texts.items())[:10]))  # rules and their data loaded once, as in a run
    times: dict[str, list[float]] = {"without M103, M104": [], "with M103, M104": []}
    for _ in range(reps):
        for label, ignore in (("without M103, M104", ["M103", "M104"]), ("with M103, M104", [])):
            start = time.process_time()
            lint_texts(texts, ignore=ignore)
            times[label].append(time.process_time() - start)
    for label, values in times.items():
        print(f"{label}: best {min(values):.2f} s CPU, all {', '.join(f'{v:.2f}' for v in values)} ({len(texts)} documents)")
    print(f"M103 and M104 add {min(times['with M103, M104']) / min(times['without M103, M104']) - 1:+.1%} (best against best)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--swaps", type=Path)
    parser.add_argument("--half", choices=("tune", "test", "all"), default="test")
    parser.add_argument("--clean", type=Path, nargs="*", default=[])
    parser.add_argument("--human", type=Path, help="a wmt22-toen folder: its human-* translations, zh-en left out")
    parser.add_argument("--zh-en", type=Path)
    parser.add_argument("--table", help="a phrase table other than the shipped one")
    parser.add_argument("--speed", type=Path, help="a folder of articles to time the rule on")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--as-rule", action="store_true",
                        help="count only what M103 reports (a name, or the set phrase written elsewhere in the document), no idioms")
    args = parser.parse_args(argv)
    global AS_RULE
    AS_RULE = args.as_rule
    table = load_table(args.table)
    if args.swaps:
        run_swaps(args.swaps, args.half, table)
    if args.clean:
        run_clean(args.clean, table, "clean")
    if args.human:
        folders = sorted(p for p in args.human.glob("*/human-*") if p.parent.name != "zh-en")
        run_clean(folders, table, "human translations (wmt22-toen, zh-en left out)")
    if args.zh_en:
        run_zh_en(args.zh_en, table)
    if args.speed:
        run_speed(args.speed, args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Wall-clock time of every default rule on 1 MB inputs of hostile shapes (issue 21).

    python benchmarks/linear.py [--mb 1] [--shapes news,names,...] [--rules 3]

Each shape is linted as one document with the default rule set, in this process (the
per-document stage and the corpus stage), and the table gives the total CPU time and the
slowest rules.  The promise of docs/robustness.md is that no 1 MB input takes more than
5 s; ``tests/test_linear_work.py`` bounds the *work* (function calls) of each rule on
the same shapes instead, since tests make no timed assertions.  With ``--mb 0.25`` the
ratio column compares with a quarter of the size (linear: 4).
"""

from __future__ import annotations

import argparse
import collections
import random
import time

from lintnews.api import configured_rules
from lintnews.core.document import make_document
from lintnews.run import pipeline
from rules_profile import timed_document_stage  # beside this script
from lintnews.run.config import Config

NEWS = (
    "The foreign minister said on Monday that talks with the government would continue next "
    "week, according to a statement published by the ministry. \u201cWe are ready,\u201d she said.\n"
)


def _names(size: int) -> str:
    vowels = "aeiou"
    lines, i = [], 0
    while sum(map(len, lines)) < size:
        lines.append(f"Mr. B{vowels[i % 5]}{vowels[i // 5 % 5]}r{vowels[i // 25 % 5]}n said the talks would go on.")
        i += 1
    return "\n".join(lines)


def _capitalised(size: int, rng: random.Random) -> str:
    words = ["".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(2, 9))).capitalize() for _ in range(5000)]
    return " ".join(rng.choice(words) for _ in range(size // 6))


def _code_points(size: int, rng: random.Random) -> str:
    return "".join(chr(rng.choice([rng.randint(32, 0x2FF), rng.randint(0x370, 0x4FF), rng.randint(0x4E00, 0x9FFF), 10])) for _ in range(size // 2))


def shapes(size: int) -> dict[str, str]:
    rng = random.Random(21)

    def fill(piece: str) -> str:
        return (piece * (size // len(piece) + 1))[:size]

    return {
        "news, in lines": fill(NEWS),
        "news, one line": fill(NEWS.replace("\n", " ")),
        "'Nov. On ' (item 20)": fill("Nov. On "),
        "'Mr. Xaaxa said. ' (item 20)": fill("Mr. Xaaxa said. "),
        "random capitalised words (item 20)": _capitalised(size, rng),
        "125 spellings of a name (item 21)": _names(size),
        "unclosed '<!--' (item 19)": fill("<!-- note\n"),
        "one token of hex digits": fill("0123456789abcdef"),
        "foreign words and scripts": fill("The ministry však said 21 procent and 3 тыс. people, pan Aslin and Также 県. "),
        "quotes and punctuation": fill("\u201cHe said ,, \u2018no\u2019 ( . \" ' \u201d "),
        "random code points": _code_points(size, rng)[:size],
    }


def lint_one(text: str, rules) -> tuple[float, collections.Counter[str], int]:
    spent: collections.Counter[str] = collections.Counter()
    start_all = time.process_time()
    doc = make_document("bench.txt", text)
    result = timed_document_stage(doc, rules, spent)
    start = time.process_time()
    found = pipeline.finish([result], rules)
    spent["(corpus stage)"] += time.process_time() - start
    return time.process_time() - start_all, spent, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--shapes", help="comma-separated substrings of shape names (default: all)")
    parser.add_argument("--rules", type=int, default=3, help="how many of the slowest rules to name")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    rules = configured_rules(Config())
    lint_one(NEWS * 20, rules)  # load every list first
    wanted = args.shapes.split(",") if args.shapes else None
    print(f"Default rules, one document of {size / 1e6:g} MB per shape; CPU seconds (time.process_time).\n")
    print("| input | findings | CPU time | ratio to 1/4 size | slowest rules |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, text in shapes(size).items():
        if wanted and not any(w in name for w in wanted):
            continue
        seconds, spent, found = lint_one(text, rules)
        quarter, _, _ = lint_one(shapes(size // 4)[name], rules)
        slowest = ", ".join(f"{code} {s:.2f}" for code, s in spent.most_common(args.rules))
        print(f"| {name} | {found:,} | {seconds:.2f} s | {seconds / max(quarter, 1e-3):.1f} | {slowest} |", flush=True)


if __name__ == "__main__":
    main()

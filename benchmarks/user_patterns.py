"""How long RE2 takes on users' patterns at and past lintnews's limits (issue 21, items 17-18).

    python benchmarks/user_patterns.py [--mb 1]

Item 17: a pattern at MAX_PROGRAM_SIZE, with a capturing group (RE2's slowest path), on
hostile text (lines of 50,000 characters that keep every thread alive), and an ordinary
pattern on the same text; the pattern of the issue, ``(.*a){1000}``, is refused.
Item 18: a phrase list of 100,000 entries, loaded into an existence and a substitution
rule, and matched over news-like text.  Wall-clock times, for docs/robustness.md; the
tests bound the work instead.
"""

from __future__ import annotations

import argparse
import random
import time

from lintnews.analyses.matching import MAX_PHRASE_CHARS, MAX_PROGRAM_SIZE, PatternError, compile_user
from lintnews.core.document import make_document
from lintnews.rules.types import rule_from_spec


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each text in MB")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    hostile = ("ab" * 25_000 + "\n") * (size // 50_001 + 1)
    print(f"MAX_PROGRAM_SIZE = {MAX_PROGRAM_SIZE}; texts of {size / 1e6:.1f} MB\n")
    print("| user pattern | text | compiled | time |\n| --- | --- | --- | ---: |")
    cases = [
        (r"(.*a){49}", "at the limit, with a group"),
        (r"(?:.*a){49}", "at the limit, no group"),
        (r"\b(?:minister|ministry)\s+of\s+(\pL+)", "ordinary"),
        (r"(.*a){1000}", "issue 21 item 17"),
    ]
    for pattern, what in cases:
        try:
            regex = compile_user(pattern)
        except PatternError as exc:
            print(f"| `{pattern}` ({what}) | – | refused: {str(exc)[:60]}... | – |")
            continue
        _, seconds = timed(lambda: sum(1 for _ in regex.finditer(hostile[:size])))
        print(f"| `{pattern}` ({what}) | lines of 50,000 'ab' | yes | {seconds:.2f} s |")

    rng = random.Random(0)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(30_000)]
    unique: set[str] = set()
    while len(unique) < 100_000:
        unique.add(" ".join(rng.sample(words, rng.randint(1, 3))))
    phrases = sorted(unique)
    text = " ".join(rng.choice(words) for _ in range(size // 6))[:size]
    doc = make_document("bench.txt", text)
    print("\n| phrase list | load | matches in the text | match time |\n| --- | ---: | ---: | ---: |")
    for kind, spec in (
        ("existence", {"tokens": phrases}),
        ("substitution", {"swap": [{"wrong": p, "expected": p.upper()} for p in phrases]}),
    ):
        full = {"code": "X901", "name": "bench", "type": kind, "message": "{match}", "ignore_case": True, **spec}
        rule, load = timed(lambda: rule_from_spec(full, "user.yaml", trusted=False))
        found, seconds = timed(lambda: list(rule.check(doc, **{a.name: a.of(doc) for a in rule.needs})))
        print(f"| {len(phrases):,} phrases, {kind}, user pack | {load:.2f} s | {len(found):,} | {seconds:.2f} s |")
    # The automaton's worst case: a phrase at the length limit that repeats itself, over a
    # text of the same (its fallback links are followed up to the phrase's length).
    periodic = "lol " * (MAX_PHRASE_CHARS // 4 - 1) + "end"
    full = {"code": "X902", "name": "bench", "type": "existence", "message": "{match}", "tokens": [periodic]}
    rule = rule_from_spec(full, "user.yaml", trusted=False)
    doc = make_document("periodic.txt", ("lol " * (size // 4))[:size])
    found, seconds = timed(lambda: list(rule.check(doc, **{a.name: a.of(doc) for a in rule.needs})))
    print(f"| 1 phrase of {len(periodic)} characters repeating itself, over 'lol lol ...' | – | {len(found):,} | {seconds:.2f} s |")


if __name__ == "__main__":
    main()

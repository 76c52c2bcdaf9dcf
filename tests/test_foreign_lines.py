"""S103 reads only the lines the matching layer points to: the same words as reading every line."""

from __future__ import annotations

import os
import random
from pathlib import Path

from lintnews.analyses import foreign
from lintnews.analyses.foreign import ForeignWord, _in_line, _PRIORITY
from lintnews.core.document import make_document

PIECES = [
    "The government", "však", "said", "21 procent", "more", "3 тыс.", "people", "pan Aslin", "met",
    "Matsumoto-san", "and", "Herr Schmidt", "in", "Також", "the", "ministry", "jedoch", "WНO", "také",
    "announced", "funds", "for", "the", "year", "2022", "*auch*", "“und”", "Jiang nüshi", "ŽE", "auch",
    "ČESKÁ", "uden", "Também", "\n", "\n\n", "\r\n", ".", ",", "  ",
]


def _every_line(doc) -> tuple[ForeignWord, ...]:
    """The analysis as it was: every line of the view read."""
    found = []
    for line_start, line in doc.lines():
        if not line.strip():
            continue
        taken: list[tuple[int, int]] = []
        for start, end, kind, word in sorted(_in_line(line), key=lambda f: (f[0], _PRIORITY[f[2]], -f[1])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(ForeignWord(line_start + start, line_start + end, kind, word))
    return tuple(found)


def test_the_lines_read_give_the_words_of_every_line():
    rng = random.Random(103)
    hits = 0
    for n in range(400):
        text = " ".join(rng.choices(PIECES, k=rng.randint(5, 80)))
        doc = make_document(f"f{n}.txt", text)
        expected = _every_line(doc)
        assert foreign._find(doc) == expected, text
        hits += len(expected)
    assert hits > 100  # the texts do hold foreign words


def test_the_lines_read_give_the_words_of_every_line_of_real_news():
    # ../shared/corpora next to the checkout, or where LINTNEWS_CORPORA says.
    corpora = os.environ.get("LINTNEWS_CORPORA") or Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
    corpus = Path(corpora) / "wmt22-toen"
    files = sorted(corpus.rglob("*.txt"))[:300] if corpus.is_dir() else []
    if not files:
        import pytest

        pytest.skip("../shared/corpora is absent")
    for path in files:
        doc = make_document(path.name, path.read_text(encoding="utf-8", errors="replace"))
        assert foreign._find(doc) == _every_line(doc), path


def test_a_sentence_start_is_read_backwards_as_the_regex_reads_it():
    import re

    regex = re.compile(r"(?:^|[.!?][\"”’)]?\s+)[\"“‘(]?$")
    rng = random.Random(5)
    alphabet = ".!?\"”’)“‘( \tab"  # a line holds no line break (where \$ would differ)
    for _ in range(20_000):
        line = "".join(rng.choices(alphabet, k=rng.randint(0, 8)))
        start = rng.randint(0, len(line))
        assert foreign._at_sentence_start(line, start) == (regex.search(line[:start]) is not None), (line, start)

"""Frequent surnames: is a name word a surname many families bear?

``lintnews/data/surnames.txt`` is built by ``training/build_surnames.py`` from the 1990
US Census surname list (public domain): the 20,000 most frequent surnames, by rank.
N101 reads it to tell two people from one person spelled two ways: "Daley" and "Daly",
"Smyth" and "Smith", "Cohen" and "Chen" are each a frequent surname, so two such
spellings in different articles, with no given name in common, name two people.

The table is read once per process.  A word is looked up folded: accents dropped, lower
case, apostrophes, hyphens and spaces removed ("O'Connor" -> "oconnor"), as the Census
writes names.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lintnews.analyses.names.keys import strip_accents

#: The built table (see ``training/README-surnames.md``).
DATA = Path(__file__).resolve().parent.parent.parent / "data" / "surnames.txt"
#: A surname of at most this rank is frequent: every surname of the table.
FREQUENT_RANK = 20_000

_NOT_LETTERS = re.compile(r"['’\-\s.]")


@functools.lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    lines = [line for line in DATA.read_text(encoding="ascii").split("\n") if line and not line.startswith("#")]
    return {name: rank for rank, name in enumerate(lines, 1)}


def fold(word: str) -> str:
    """How the table writes a name: "O'Connor" -> "oconnor", "Müller" -> "muller"."""
    return _NOT_LETTERS.sub("", strip_accents(word)).lower()


def surname_rank(word: str) -> int | None:
    """The rank of ``word`` among US surnames (1 is "Smith"), or None when it is not
    among the 20,000 most frequent."""
    return _ranks().get(fold(word))


def is_frequent_surname(word: str, max_rank: int = FREQUENT_RANK) -> bool:
    """Whether ``word`` is a surname of at most ``max_rank`` in the Census table."""
    rank = surname_rank(word)
    return rank is not None and rank <= max_rank

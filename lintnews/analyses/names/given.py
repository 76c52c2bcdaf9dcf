"""Given names: is a capitalised word a person's given name?

Two lists are read once per process (about 7-13 ms of CPU; some 25,400 names):

- ``rules/given-names.txt``, written by hand (common names of English news and of heads
  of state), whose names were chosen as not being common English words;
- ``lintnews/data/given-names.txt``, built by ``training/build_given_names.py`` from
  Wikidata (CC0): the given names borne by at least two people with an entry there, of
  every country, romanised in Latin letters, with their diacritics and their ASCII forms
  ("Jürgen", "Jurgen", "Juergen", "Uğur", "Ugur", "Kateřina", "Katerina").  A name that is
  also another kind of word carries a mark: a common English word ("Will", "Grace"), a
  place or nationality ("Paris", "Jordan"), a month or weekday, an honorific or title
  word, a function word of another language, far more often an English surname
  ("Johnson"), or two letters only.

``is_given_name(word)`` answers for any name of the two lists; ``strict=True`` only for
the names that are no other kind of word (the hand-written list and the unmarked names):
a word such as "May" or "Hope" must not on its own make a capitalised word a person's
name.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lintnews.core.data import word_list

#: The built list (see ``training/README-given-names.md``).
DATA = Path(__file__).resolve().parent.parent.parent / "data" / "given-names.txt"
#: The line after which the built list holds its marked names, as ``name<TAB>marks``.
MARKED = "#marked"


@functools.lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """``(strict, every)``: the names without a mark, and every name."""
    text = DATA.read_text(encoding="utf-8")
    unmarked, _, marked = text.partition(f"\n{MARKED}\n")
    # The header's "#" lines come first; no name starts with "#".
    first_name = unmarked.find("\n", unmarked.rfind("\n#", 0, 4096) + 1) + 1
    strict = word_list("given-names.txt").union(unmarked[first_name:].split("\n"))
    every = strict.union(line.partition("\t")[0] for line in marked.split("\n") if line)
    return strict, every


def given_names(strict: bool = True) -> frozenset[str]:
    """The given names: those that are no other kind of word (``strict``), or all."""
    strict_names, every = _lists()
    return strict_names if strict else every


def is_given_name(word: str, strict: bool = False) -> bool:
    """Whether ``word`` (as written: "Jürgen", not "jürgen") is a known given name.

    With ``strict``, a name that is also a common English word, a place, a month, a title
    word, a function word of another language or mostly an English surname does not count.
    """
    return word in given_names(strict)

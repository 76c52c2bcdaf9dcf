"""Spelling keys for names: a transliteration-folded form and a consonant skeleton.

Stock phonetic keys (Soundex, Metaphone) split real variant pairs that differ in the
first vowel ("Erian"/"Arian") or in an h ("Zabihullah"/"Zabiullah").  The skeleton
folds the common transliteration swaps, drops h and the vowels (keeping whether the
name starts with a vowel) and collapses doubled letters; names with the same skeleton
fall in one block, and only names inside a block are ever compared.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Order matters: digraphs before the single letters they contain.
_SWAPS = [
    ("ph", "f"),
    ("ck", "k"),
    ("ks", "x"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
    ("ee", "i"),
    ("ea", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("y", "i"),
    ("h", ""),
]
_VOWELS = re.compile(r"[aeiou]")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=131072)
def strip_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=131072)
def folded(name: str) -> str:
    """Lower case, no accents, transliteration swaps applied, doubled letters collapsed."""
    s = strip_accents(name).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _SWAPS:
        s = s.replace(a, b)
    return _DOUBLES.sub(r"\1", s)


@functools.lru_cache(maxsize=131072)
def skeleton(name: str) -> str:
    """The blocking key: ``folded`` without vowels, marked when it starts with a vowel."""
    f = folded(name)
    mark = "_" if f[:1] in "aeiou" and f else ""
    return mark + _DOUBLES.sub(r"\1", _VOWELS.sub("", f))


# Swaps that would split other pairs if the first key made them: German "sch" against
# the English "sh" ("Scholz"/"Sholz", while "Scolz" stays with "Scholz"), "kh" against
# "h" ("Kharkiv"/"Harkiv", while "Kakhovka" keeps its k in the first key), the pinyin
# and Wade-Giles spellings of one sound ("zh"/"j", "hs"/"x"), and a "g" after the first
# letter against "h" ("Oleg"/"Oleh", the Russian and Ukrainian readings of one letter;
# the first key keeps the g of "Greg"; a first g or h is ``variants._first_letter_pairs``'
# and stays: "Geddes" and "Hedges" are two names).
_SECOND_SWAPS = [("sch", "sh"), ("kh", "h"), ("zh", "j"), ("hs", "x")]


@functools.lru_cache(maxsize=131072)
def second_skeleton(name: str) -> str:
    """A second blocking key, for the swaps the first key cannot fold without splitting
    other pairs: names are compared when either key is equal."""
    s = strip_accents(name).lower()
    for a, b in _SECOND_SWAPS:
        s = s.replace(a, b)
    s = s[:1] + s[1:].replace("g", "h")
    return skeleton(s)

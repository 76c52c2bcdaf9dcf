"""English word knowledge, from pyspellchecker's word-frequency list, loaded once.

The name rules use it to tell a name from an English word ("Prior" is a word, "Badin"
is not); the spelling rule uses it to find unknown words.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def spellchecker():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


@functools.lru_cache(maxsize=None)
def known_words() -> frozenset[str]:
    """The dictionary's words as a frozenset, for set operations in C.

    ``set.difference`` against pyspellchecker's ``Counter`` would iterate all 160,000
    words; against a set it tests each member of the smaller set.  A set rather than a
    dict copy: a lookup touches two places in memory instead of three, which halves the
    time of a lookup that misses the processor's caches (most do: the words of a document
    are spread over a table of megabytes).  Built once per process, in about 10 ms.
    """
    return frozenset(spellchecker().word_frequency.dictionary)


def frequency(word: str) -> int:
    """How often the lower-cased word occurs in pyspellchecker's English corpus (0: unknown)."""
    return spellchecker().word_frequency.dictionary.get(word.lower(), 0)


#: Words at least this frequent in pyspellchecker's list count as ordinary English
#: words (for comparison: "arian" 108, "pompeii" 50, "hurricane" 5,523, "prior" 18,192).
COMMON_WORD_FREQUENCY = 1000


def is_common_word(word: str) -> bool:
    return frequency(word) >= COMMON_WORD_FREQUENCY


def is_known_word(word: str) -> bool:
    return word.lower() in spellchecker().word_frequency.dictionary

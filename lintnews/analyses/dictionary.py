"""English word knowledge, from pyspellchecker's word-frequency list, loaded once.

The name rules use it to tell a name from an English word ("Prior" is a word, "Badin"
is not); the spelling rule uses it to find unknown words.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def spellchecker():
    """pyspellchecker's English checker (edit distance 1), loaded once per process.

    Loading costs about 0.1 s, most of it parsing the word list.  The list's words are
    all lower-case already, and ``SpellChecker(language="en")`` lower-cases each of its
    160,000 words again in Python (a quarter of the time); so the list is loaded as it is
    into a case-sensitive checker, after one C-level test that no word has a capital in
    it (else the usual way).  The words, frequencies and alphabet are the same; lookups
    here lower-case the word first, as a case-insensitive checker would.  Nothing is
    cached on disk.
    """
    import gzip
    import json
    import pkgutil

    from spellchecker import SpellChecker

    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    words = json.loads(gzip.decompress(packed)) if packed else {}
    if not words or not "".join(words).islower():  # pragma: no cover - pyspellchecker 0.9's list is lower-case
        return SpellChecker(language="en", distance=1)
    checker = SpellChecker(language=None, case_sensitive=True, distance=1)
    checker.word_frequency.load_json(words)
    return checker


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


#: Sets of words looked up one by one before known_words() is built: a run over a few
#: files does not pay its 10 ms, a run over an archive pays them once.
LOOKUPS_BEFORE_WORD_SET = 64
_lookups = 0


def _word_set() -> frozenset[str] | None:
    """known_words(), or None while few sets of words have been looked up."""
    global _lookups
    if _lookups < LOOKUPS_BEFORE_WORD_SET:
        _lookups += 1
        return None
    return known_words()


def unknown_words(words: set[str]) -> set[str]:
    """The lower-case ``words`` that are not in the dictionary."""
    word_set = _word_set()
    if word_set is None:
        dictionary = spellchecker().word_frequency.dictionary
        return {word for word in words if word not in dictionary}
    return words - word_set


def known_among(words: set[str]) -> set[str]:
    """The lower-case ``words`` that are in the dictionary."""
    word_set = _word_set()
    if word_set is None:
        dictionary = spellchecker().word_frequency.dictionary
        return {word for word in words if word in dictionary}
    return word_set & words


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

"""English word knowledge: pyspellchecker's English word-frequency list, read once.

The name rules use it to tell a name from an English word ("Prior" is a word, "Badin"
is not); the spelling rule uses it to find unknown words and their corrections.

The list is shipped as ``lintnews/data/english-words.txt`` (built from pyspellchecker's
``resources/en.json.gz`` by ``training/build_english_words.py``: the same 160,572 words
and counts), a table that is looked up without being parsed: a word's bucket (by the
CRC-32 of its UTF-8 bytes) holds about 20 ``\\nword count`` lines, and a lookup finds
``\\nword `` in it.  Reading the table takes a few milliseconds where parsing
pyspellchecker's JSON took about 0.1 s, most of a one-file run's start-up.  A run that
looks up many sets of words (an archive) builds the set of all words once, for set
operations in C.  Nothing is written to disk.
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path

from lintnews.core.data import builtin_yaml

WORDS_PATH = Path(__file__).resolve().parent.parent / "data" / "english-words.txt"
_MAGIC = "# lintnews English words v1 "


class WordTable:
    """The shipped word table: ``frequency(word)`` (0: not a word), ``letters``,
    ``longest`` (the length of the longest word), ``words()`` (all of them)."""

    def __init__(self, text: str) -> None:
        header, _, body = text.partition("\n")
        if not header.startswith(_MAGIC):
            raise ValueError("not a lintnews English word table (v1)")
        fields = dict(item.partition("=")[::2] for item in header[len(_MAGIC) :].split())
        self.letters: frozenset[str] = frozenset(fields["letters"])
        self.longest = int(fields["longest"])
        self.size = int(fields["words"])
        self._buckets = body.split("\t")
        if len(self._buckets) != int(fields["buckets"]):
            raise ValueError("a damaged English word table: wrong number of buckets")

    def frequency(self, word: str) -> int:
        """How often ``word`` (as it is: the list is lower-case) occurs; 0 when it is not listed."""
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no word of the list
            return 0
        bucket = self._buckets[zlib.crc32(key) % len(self._buckets)]
        start = bucket.find(f"\n{word} ")
        if start < 0 or not word or " " in word or "\n" in word or "\t" in word:
            return 0
        start += len(word) + 2
        return int(bucket[start : bucket.index("\n", start)])

    def __contains__(self, word: str) -> bool:
        return self.frequency(word) > 0

    def items(self) -> list[tuple[str, int]]:
        """Every ``(word, count)``, bucket by bucket."""
        tokens = "".join(self._buckets).split()
        return list(zip(tokens[0::2], map(int, tokens[1::2])))

    def words(self) -> frozenset[str]:
        return frozenset("".join(self._buckets).split()[0::2])


@functools.lru_cache(maxsize=None)
def word_table() -> WordTable:
    """The shipped table, read once per process (a few milliseconds)."""
    return WordTable(WORDS_PATH.read_bytes().decode("utf-8"))


@functools.lru_cache(maxsize=None)
def spellchecker():
    """pyspellchecker's English checker (edit distance 1), loaded once per process: the
    source of the shipped table, for tests and tools (lintnews reads the table).

    The list's words are all lower-case already, and ``SpellChecker(language="en")``
    lower-cases each of its 160,000 words again in Python (a quarter of the time); so the
    list is loaded as it is into a case-sensitive checker, after one C-level test that no
    word has a capital in it (else the usual way).
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

    ``set.difference`` against a set tests each member of the smaller set in C; looked up
    one by one in the table, each word costs a hash and a search of its bucket in Python
    (under a microsecond).  Built once per process, in about 30 ms: worth it for a run
    that looks up many sets of words, not for one short file.
    """
    return word_table().words()


#: Sets of words looked up one by one before known_words() is built: a run over a few
#: files does not pay its 30 ms, a run over an archive pays them once.
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
        frequency = word_table().frequency
        return {word for word in words if not frequency(word)}
    return words - word_set


def known_among(words: set[str]) -> set[str]:
    """The lower-case ``words`` that are in the dictionary."""
    word_set = _word_set()
    if word_set is None:
        frequency = word_table().frequency
        return {word for word in words if frequency(word)}
    return word_set & words


def frequency(word: str) -> int:
    """How often the lower-cased word occurs in pyspellchecker's English corpus (0: unknown)."""
    return word_table().frequency(word.lower())


def letters() -> frozenset[str]:
    """Every letter of the dictionary's words (the letters an edit may put in)."""
    return word_table().letters


def longest_word_length() -> int:
    return word_table().longest


#: Words at least this frequent in pyspellchecker's list count as ordinary English
#: words (for comparison: "arian" 108, "pompeii" 50, "hurricane" 5,523, "prior" 18,192).
COMMON_WORD_FREQUENCY = 1000


def is_common_word(word: str) -> bool:
    return frequency(word) >= COMMON_WORD_FREQUENCY


def is_known_word(word: str) -> bool:
    return frequency(word) > 0


@functools.lru_cache(maxsize=1)
def english_forms() -> tuple[list[tuple[str, str]], tuple[str, ...], tuple[str, ...]]:
    """``rules/spelling.yaml``'s British-to-American endings, prefixes and suffixes: the
    forms of a known word that are English too."""
    data = builtin_yaml("spelling.yaml")
    return [(str(a), str(b)) for a, b in data["british"]], tuple(data["prefixes"]), tuple(data["suffixes"])


@functools.lru_cache(maxsize=65536)
def acceptable(word: str) -> bool:
    """Known, a British spelling of a known word, or a known word with an affix."""
    if is_known_word(word):
        return True
    british, prefixes, suffixes = english_forms()
    for ending, american in british:
        if ending in word and is_known_word(word[::-1].replace(ending[::-1], american[::-1], 1)[::-1]):
            return True
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 3 and acceptable(word[len(p):]):
            return True
    for s in suffixes:
        if word.endswith(s) and len(word) - len(s) >= 3 and is_known_word(word[: -len(s)]):
            return True
    return False


def one_edit_candidates(word: str) -> set[str] | None:
    """What ``spellchecker().candidates(word)`` returns for a lower-case word that the
    dictionary does not know, ten times faster.

    pyspellchecker (with distance 1) returns the known words one edit away from the word
    (a letter deleted, two neighbours swapped, a letter of its alphabet put in place of
    one or inserted), or the word itself when it is too long to be checked.  It tests
    each of the few hundred edits in Python; here they are built in comprehensions and
    intersected with the dictionary (in C once lexicon.known_words() is built).  Its
    other tests cannot apply to a word of a-z that is not in the dictionary.
    """
    if len(word) > longest_word_length() + 3:
        return {word}
    alphabet = letters()
    heads_tails = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {head + tail[1:] for head, tail in heads_tails if tail}
    edits.update(head + tail[1] + tail[0] + tail[2:] for head, tail in heads_tails if len(tail) > 1)
    edits.update(head + letter + tail[1:] for head, tail in heads_tails if tail for letter in alphabet)
    edits.update(head + letter + tail for head, tail in heads_tails for letter in alphabet)
    return known_among(edits) or None


# How other European languages write a sound that English spells otherwise, as
# (their spelling, the English one): "Komission", "Prezident", "Organisazion" (z, c
# for t only before i: "-zion", "-cion"),
# "Filosofy", "Sistem", "Jugoslav", "Kwota".  Read from the foreign word to the English.
COGNATE_LETTERS = (
    ("k", "c"), ("k", "ch"), ("k", "ck"), ("z", "s"), ("zi", "ti"), ("z", "c"), ("ci", "ti"), ("s", "c"), ("c", "s"),
    ("f", "ph"), ("t", "th"), ("sch", "sh"), ("sz", "sh"), ("kw", "qu"),
    ("i", "y"), ("y", "i"), ("j", "y"), ("j", "i"), ("v", "w"), ("w", "v"), ("ts", "c"), ("ks", "x"),
)
# Endings other languages give a word that English ends otherwise: "Demokratie",
# "Akademia", "Politika", "Kultur", "Minut", "Sozialismus", "Programa".
COGNATE_ENDINGS = (
    ("ie", "y"), ("ia", "y"), ("ija", "y"), ("iya", "y"), ("ika", "ic"), ("ika", "ics"), ("ik", "ic"), ("ik", "ics"),
    ("ismus", "ism"), ("izm", "ism"), ("ismo", "ism"), ("ur", "ure"), ("ut", "ute"), ("at", "ate"), ("iv", "ive"),
    ("ion", "ion"), ("ija", "ia"), ("iya", "ia"), ("a", ""), ("o", ""), ("e", ""), ("i", ""),
)
_CONSONANTS = frozenset("bcdfgklmnprstz")
#: At most this many correspondences are undone in one word.
COGNATE_STEPS = 2


def _cognate_steps(word: str, endings: bool = True) -> set[str]:
    """The words one correspondence away: a letter of COGNATE_LETTERS replaced, an ending
    of COGNATE_ENDINGS, or a consonant doubled or undoubled ("Komission" ->
    "Kommission", "Programm" -> "Program")."""
    out: set[str] = set()
    for theirs, ours in COGNATE_LETTERS:
        at = word.find(theirs)
        while at != -1:
            out.add(word[:at] + ours + word[at + len(theirs) :])
            at = word.find(theirs, at + 1)
    for theirs, ours in COGNATE_ENDINGS if endings else ():
        if word.endswith(theirs) and len(word) - len(theirs) >= (5 if theirs == "ie" else 3):
            out.add(word[: len(word) - len(theirs)] + ours)
    for i, c in enumerate(word):
        if c in _CONSONANTS:
            if i + 1 < len(word) and word[i + 1] == c:
                out.add(word[:i] + word[i + 1 :])
            elif i > 0:
                out.add(word[: i + 1] + c + word[i + 1 :])
    out.discard(word)
    return out


@functools.lru_cache(maxsize=65536)
def cognate_candidates(word: str) -> frozenset[str]:
    """The known words that a lower-case ``word`` is a cognate spelling of: one or two
    letter correspondences of another language undone (``COGNATE_LETTERS``, a consonant
    single or doubled): "komission" -> "commission", "prezydent" -> "president",
    "organisazion" -> "organisation".  Empty for a known word."""
    if is_known_word(word) or len(word) > longest_word_length():
        return frozenset()
    found: set[str] = set()
    frontier = {word}
    for n in range(COGNATE_STEPS):
        # an ending only of the word as written: "Yardea" is not "yard" + two endings
        frontier = {step for w in frontier for step in _cognate_steps(w, endings=n == 0)}
        found |= known_among(frontier)
    return frozenset(found)

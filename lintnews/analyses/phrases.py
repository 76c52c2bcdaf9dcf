"""Knowledge of English set phrases: the phrase table and the readings M103 and M104 make of it.

The table is built by ``training/build_phrase_table.py`` from the Google Books bigram
counts that symspellpy ships and from WordNet 3.0 (sources and licences in
``lintnews/data/NOTICE-phrases.txt``).  Each row maps a *suspect* phrase Q (one word of
a set phrase P swapped for a near-synonym, or an adverbial idiom with an article or a
preposition changed word for word) to P and both counts.  The functions here are pure
functions of a document's view and the table; the rules decide what to report.
"""

from __future__ import annotations

import functools
import gzip
import re
from itertools import islice
from pathlib import Path
from typing import NamedTuple

TABLE_NAME = "phrases-v1.tsv.gz"

# A word of letters only, not glued to a digit, apostrophe, hyphen, slash or handle mark:
# "long-term", "People's", "COVID-19" and "@user" hold no word this rule reads.
_WORD = re.compile(r"(?<![\w'’/@#&-])[A-Za-z]+(?![\w'’/@&-])")
# What may stand before a sentence-initial capital (after spaces): nothing, or the end of
# a sentence, a colon, an opening quote or bracket, a dash or a list mark.
_SENTENCE_OPENERS = frozenset('.!?:;"“”‘’\'([—–-•*#>')
# Capitalised words that may stand before a capitalised name without being part of it.
_NAME_OPENERS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"})


class Entry(NamedTuple):
    """One row of the table: a suspect phrase and the set phrase it is a swap of."""

    phrase: str  # Q, lower case
    original: str  # P, lower case
    count: int  # Q's count in the bigram list (0: not listed, rarer than ``floor``)
    original_count: int  # P's count
    proper: bool  # P is a proper name ("White House"): only capitalised Q is read


class Hit(NamedTuple):
    """A finding of :func:`find_unusual_phrases`: ``view[start:end]`` is ``phrase``."""

    start: int
    end: int
    phrase: str
    suggestion: str
    ratio: float
    #: True when the phrase is not in the bigram list: ``ratio`` is then a lower bound
    absent: bool
    #: an idiom changed word for word (M104's), not a swap of a set phrase
    idiom: bool = False


class PhraseTable:
    """The table, read once: ``lookup("curiosity rates")`` -> :class:`Entry` or None."""

    def __init__(self, text: str):
        header, _, body = text.partition("\n")
        if not header.startswith("# lintnews phrase table v1"):
            raise ValueError("not a lintnews phrase table (v1)")
        floor = re.search(r"floor=(\d+)", header)
        #: the smallest count in the bigram list: an unlisted phrase is rarer than this
        self.floor = int(floor.group(1)) if floor else 1
        rows = body.split("\n")
        if rows and not rows[-1]:
            rows.pop()
        #: an article put into a prepositional idiom ("for the example" -> "for example"):
        #: rows of three words, read by :func:`find_article_idioms`
        self.idioms: dict[str, str] = {}
        #: how each idiom row changes its idiom: ``ci`` an article put into a two-word
        #: idiom; ``ka`` into a longer one; ``kd`` an article dropped; ``ks`` swapped;
        #: ``kp`` the opening preposition swapped (see ``training/build_phrase_table.py``)
        self.idiom_kinds: dict[str, str] = {}
        pairs = []
        for row in rows:
            q, _, rest = row.partition("\t")
            flags = rest.rpartition("\t")[2]
            if flags == "ci" or flags.startswith("k"):  # an idiom's row ("on contrary" has two words)
                self.idioms[q] = rest.partition("\t")[0]
                self.idiom_kinds[q] = flags
            else:
                pairs.append(row)
        rows = pairs
        #: the idioms' regex, built once
        self.idiom_pattern = _idiom_pattern(frozenset(self.idioms))
        self._rows = rows
        # Q -> row number; the row itself is split only when Q occurs in a text.
        self._index = {row[: row.index("\t")]: i for i, row in enumerate(rows)}
        #: the first words of every Q: a cheap test before a pair of words is joined
        self.first_words = frozenset(q.partition(" ")[0] for q in self._index)
        #: every Q as ASCII bytes, for :func:`may_hold_phrase`
        self.byte_keys = frozenset(q.encode("ascii") for q in self._index)

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, phrase: str) -> Entry | None:
        i = self._index.get(phrase)
        if i is None:
            return None
        q, p, cq, cp, flags = self._rows[i].split("\t")
        return Entry(q, p, int(cq), int(cp), flags.startswith("N"))


def table_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / TABLE_NAME


@functools.lru_cache(maxsize=1)
def load_table(path: str | None = None) -> PhraseTable:
    """The shipped table (or the one at ``path``), read on first use."""
    data = Path(path).read_bytes() if path else table_path().read_bytes()
    return PhraseTable(gzip.decompress(data).decode("utf-8"))


def _shape(word: str) -> str:
    """``"l"`` lower case, ``"T"`` capitalised, ``""`` anything else (capitals, mixed)."""
    if word.islower():
        return "l"
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return "T"
    return ""


def _sentence_initial(view: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and view[i] == " ":
        i -= 1
    return i < 0 or view[i] == "\n" or view[i] in _SENTENCE_OPENERS


def _recase(word: str, like: str) -> str:
    return word.capitalize() if _shape(like) == "T" else word


# ASCII letters stay (the view is lower-cased first), every other byte becomes a space.
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_JOIN = b" ".join


def may_hold_phrase(view: str, table: PhraseTable) -> bool:
    """Whether ``view`` can hold a phrase of the table: a C-level test of every pair of
    neighbouring words, lower-cased, with everything but ASCII letters read as a space.

    Every pair :func:`find_unusual_phrases` reads is such a pair (its words are ASCII
    letters with spaces between), so a view without one has no finding; most have none.
    """
    words = view.lower().encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()
    return not table.byte_keys.isdisjoint(map(_JOIN, zip(words, islice(words, 1, None))))


# What may follow an idiom with an article put in, where nothing can continue it: "for
# the example, ..." but not "for the example of" nor "in the particular case".
# A clause may follow a noun ("for the example he gave"), so only a mark ends the idiom.
_IDIOM_END = r"(?=[ ]*(?:[,.;:!?)\n—–]|$))"


# What may stand before an adverbial that opens a clause (after spaces): nothing, the end
# of a sentence, a comma, a colon, a semicolon, an opening quote or bracket, a dash.
_CLAUSE_OPENERS = _SENTENCE_OPENERS | frozenset(",")


def _clause_initial(view: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and view[i] == " ":
        i -= 1
    return i < 0 or view[i] == "\n" or view[i] in _CLAUSE_OPENERS


@functools.lru_cache(maxsize=4)
def _idiom_pattern(idioms: frozenset[str]) -> re.Pattern[str] | None:
    if not idioms:
        return None
    return re.compile(rf"(?<![\w'’/@#&-])(?:{_trie_pattern(sorted(q.split(' ') for q in idioms))}){_IDIOM_END}", re.IGNORECASE)


def _trie_pattern(phrases: list[list[str]]) -> str:
    """An alternation of word sequences, factored by their first words (a trie), so that
    the regex engine tries one branch per word instead of every phrase at every position;
    a longer phrase is tried before a phrase that is its prefix."""
    branches: dict[str, list[list[str]]] = {}
    for words in phrases:
        branches.setdefault(words[0], []).append(words[1:])
    parts = []
    for word, rests in sorted(branches.items()):
        longer = [r for r in rests if r]
        tail = f"[ ](?:{_trie_pattern(longer)})" if longer else ""
        if longer and len(longer) < len(rests):
            tail = f"(?:{tail})?"
        parts.append(re.escape(word) + tail)
    return "|".join(parts)


def find_article_idioms(view: str, table: PhraseTable) -> list[Hit]:
    """An adverbial idiom of English with an article or its preposition changed word for
    word, where the idiom ends (nothing a noun phrase could go on with follows): "for the
    example, ..." -> "for example", "In the same time, ..." -> "At the same time".

    An article put into a two-word idiom (``ci``) is read before any mark or a line end,
    one dropped from a longer idiom (``kd``) before a punctuation mark only (a headline
    drops articles); the other changes (``ka``, ``ks``, ``kp``: "In the other hand")
    only where the idiom opens a clause and a comma follows it, the place of an adverbial
    that no literal reading takes.  Lower case, or capitalised at the start of a sentence;
    pure, no I/O."""
    pattern = table.idiom_pattern
    if pattern is None:
        return []
    hits = []
    for m in pattern.finditer(view):
        phrase = m.group()
        words = phrase.split(" ")
        if not all(w.islower() for w in words[1:]):
            continue
        if not (words[0].islower() or (_shape(words[0]) == "T" and _sentence_initial(view, m.start()))):
            continue
        kind = table.idiom_kinds.get(phrase.lower(), "ci")
        if kind != "ci":
            after = view[m.end() : m.end() + 80].lstrip(" ")[:1]
            if kind == "kd":
                if not after or after not in ",.;:!?)—–":  # a mark, not the end of a headline
                    continue
            elif not (after == "," and _clause_initial(view, m.start())):
                continue
        original = table.idioms[phrase.lower()]
        suggestion = _recase(original.split(" ")[0], words[0]) + " " + original.split(" ", 1)[1]
        hits.append(Hit(m.start(), m.end(), phrase, suggestion, 0.0, True, idiom=True))
    return hits


def find_unusual_phrases(view: str, table: PhraseTable, idioms: bool = True) -> list[Hit]:
    """Every rare swap of a set phrase in ``view``, in order: pure, no I/O.

    A pair of words separated by spaces only is read when both are lower case (the first
    may be capitalised at the start of a sentence) and the table's set phrase is a common
    phrase; or when both are capitalised and form a capitalised run of their own (a name
    such as "Ultimate Court" or "Armed Pressures", not part of "Ultimate Court Records
    Inc" nor of a headline in title case).  A proper name's swap ("White Home") is read
    capitalised only.  Any other casing (a person's name beside a word, capitals) is not
    read.
    """
    hits: list[Hit] = find_article_idioms(view, table) if idioms and table.idioms else []
    if not may_hold_phrase(view, table):
        return hits
    first_words = table.first_words
    words = list(_WORD.finditer(view))
    for i in range(len(words) - 1):
        m1 = words[i]
        w1 = m1.group()
        low1 = w1.lower()
        if low1 not in first_words:
            continue
        m2 = words[i + 1]
        s1, e1, s2, e2 = m1.start(), m1.end(), m2.start(), m2.end()
        if e1 == s2 or view.count(" ", e1, s2) != s2 - e1:
            continue  # something other than spaces between the words
        w2 = m2.group()
        entry = table.lookup(f"{low1} {w2.lower()}")
        if entry is None:
            continue
        shapes = _shape(w1) + _shape(w2)
        if shapes == "TT":  # a name of its own: "the Ultimate Court", "the Armed Pressures"
            if not _own_run(view, words, i):
                continue
        elif entry.proper or not (shapes == "ll" or (shapes == "Tl" and _sentence_initial(view, s1))):
            continue
        orig1, orig2 = entry.original.split(" ")
        suggestion = f"{_recase(orig1, w1)} {_recase(orig2, w2)}"
        absent = entry.count == 0
        ratio = entry.original_count / max(entry.count, table.floor)
        hits.append(Hit(s1, e2, view[s1:e2], suggestion, ratio, absent))
    return sorted(hits)


def _stem(word: str) -> str:
    """A crude stem for finding a phrase's inflections: "rates" -> "rat", "market" -> "market"."""
    for ending in ("ies", "es", "s", "e", "y"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def written_elsewhere(view: str, hit: Hit) -> bool:
    """Whether ``view`` writes the set phrase ``hit.suggestion`` (in any case, singular or
    plural) outside the hit itself: the article's own wording is the evidence that the
    rare phrase is its swap ("interest rates" in one paragraph, "curiosity rates" in
    another), as a spinner or a literal translator leaves it, and an editor does not."""
    first, second = hit.suggestion.lower().split(" ")
    pattern = re.compile(rf"(?<![\w-]){re.escape(first)}[ ]+{re.escape(_stem(second))}[a-z]{{0,3}}(?![\w-])", re.IGNORECASE)
    return any(m.start() >= hit.end or m.end() <= hit.start for m in pattern.finditer(view))


def reported_phrases(view: str, table: PhraseTable) -> list[Hit]:
    """The hits of :func:`find_unusual_phrases` that M103 reports: a swap written as a name
    of its own ("the Armed Pressures"), and a lower-case swap where the article writes the
    set phrase elsewhere (:func:`written_elsewhere`).  Idioms are M104's (not looked for)."""
    hits = []
    for hit in find_unusual_phrases(view, table, idioms=False):
        first, second = hit.phrase.split(" ")
        if (first[:1].isupper() and second[:1].isupper()) or written_elsewhere(view, hit):
            hits.append(hit)
    return hits


def _own_run(view: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether words ``i`` and ``i + 1`` are a capitalised run of their own."""

    def joined(a: re.Match[str], b: re.Match[str]) -> bool:
        gap = view[a.end() : b.start()]
        return bool(gap) and gap.count(" ") == len(gap)

    if i > 0 and joined(words[i - 1], words[i]):
        before = words[i - 1].group()
        if before[0].isupper() and before not in _NAME_OPENERS:
            return False
    if i > 0 and view[words[i - 1].end() : words[i].start()].strip(" ") == "&" and words[i - 1].group()[0].isupper():
        return False  # "Clinical & Experimental Research": part of a longer name
    if i > 1 and words[i - 1].group() == "and" and joined(words[i - 1], words[i]) and joined(words[i - 2], words[i - 1]):
        if words[i - 2].group()[0].isupper():
            return False  # "Nuclear Science and Technology Organisation"
    if i + 2 < len(words) and joined(words[i + 1], words[i + 2]):
        if words[i + 2].group()[0].isupper():
            return False
    return True

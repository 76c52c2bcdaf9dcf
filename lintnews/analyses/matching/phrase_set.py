"""Phrase lists matched with Aho-Corasick: tens of thousands of phrases, one pass over the text.

A phrase list (an existence rule's ``tokens``, a substitution rule's ``wrong`` phrases) used
to be joined into one regex of :func:`.phrases.phrase_regex` alternatives; that regex grows
with the list, so a list of 1,500 entries was the most a user pack could hold and 30,000
took seconds to refuse (issue 21, item 18).  :class:`PhraseSet` finds exactly the matches
that regex finds, with one automaton (pyahocorasick) built once when the rule is built:

- the text and the phrases are *normalised* alike, character for character: every run of
  white space (``\\s``, Python's) becomes one space, every apostrophe of
  :data:`.phrases.APOSTROPHES` one ``'``, every quotation mark of
  :data:`.phrases.DOUBLE_QUOTES` one ``"``, and with ``ignore_case`` every letter its case
  fold, the one Python's ``re`` uses under ``IGNORECASE`` (``casefold.fold``, checked against
  ``re`` on every cased code point by the tests);
- the automaton reports every occurrence of a normalised phrase in the normalised text;
  the offsets are mapped back to the text, and the word boundaries of ``phrase_regex``
  (no word character before a phrase that starts with a letter or digit, none after one
  that ends with one) are checked on the text;
- of the occurrences, the leftmost is taken, at one place the phrase of lowest *priority*
  (its position in the list: the alternative the regex would try first), then the
  leftmost one from where it ended, as ``finditer`` takes the regex's matches.

Loading is linear in the size of the list, matching linear in the text plus the number of
occurrences.  ``tests/test_phrase_set.py`` compares it with the regex on random lists and
texts.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import Any, NamedTuple

from lintnews.core.analysis import Analysis
from lintnews.analyses.matching.phrases import APOSTROPHES, DOUBLE_QUOTES
from lintnews.analyses.matching.casefold import _fold_table
from lintnews.analyses.matching.scan import CASE_EXOTIC_TEXT, UTF8_VIEW, _options, quiet_stderr, re2_module
from lintnews.analyses.matching.superset import PY_SPACES

_SPACE_RUNS = re.compile(r"\s+")

#: A phrase longer than this (normalised) is refused.  The automaton (pyahocorasick) looks
#: for the phrases ending at each character by following its fallback links, as many as
#: the longest phrase has characters when a phrase repeats itself ("a a a ... a" over a
#: text of "a a a"): the work per character of text is bounded by this length.
MAX_PHRASE_CHARS = 200


class PhraseError(ValueError):
    """A phrase list the automaton will not take; the message says why."""
_MULTI_SPACES = re.compile(" {2,}")


class PhraseMatch(NamedTuple):
    """One match: its span in the text and the index of its phrase in the list."""

    start: int
    end: int
    index: int


@functools.lru_cache(maxsize=2)
def _table(ignore_case: bool) -> dict[int, int]:
    """The character map of the normalisation (before runs of spaces are collapsed)."""
    table: dict[int, int] = dict(_fold_table()) if ignore_case else {}
    for code in range(0x3001):  # U+3000 is the last white space character
        if chr(code).isspace() and code != 32:
            table[code] = 32
    for ch in APOSTROPHES:
        table[ord(ch)] = ord("'")
    for ch in DOUBLE_QUOTES:
        table[ord(ch)] = ord('"')
    return table


#: The characters whose lower case (``str.lower``) is not the case fold of ``_fold_table``
#: (Python's ``re`` folds Greek sigma, iota, mu and a few more together; dotted and
#: dotless i; the long s; "İ".lower() is two characters).  A text without them is mapped
#: by ``str.lower``; ``tests/test_phrase_set.py`` computes the set again.
LOWER_IS_NOT_FOLD = (
    "\u0130\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb06"
)
_NOT_FOLD = re.compile(f"[{re.escape(LOWER_IS_NOT_FOLD)}]")
#: White space other than the space, as ``str.isspace`` has it (U+3000 is the last).
_SPACES = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x3001) if chr(c).isspace() and c != 32) + "]")
_APOSTROPHES = re.compile(f"[{re.escape(APOSTROPHES)}]")
_DOUBLE_QUOTES = re.compile(f"[{re.escape(DOUBLE_QUOTES)}]")


def _mapped(text: str, ignore_case: bool) -> str:
    """``text.translate(_table(ignore_case))``, by ``str.lower`` and three replacements in C
    (several times faster, and without building the table) unless the text holds one of
    the few characters whose lower case is not their fold."""
    if ignore_case:
        if _NOT_FOLD.search(text):
            return text.translate(_table(ignore_case))
        text = text.lower()
    return _DOUBLE_QUOTES.sub('"', _APOSTROPHES.sub("'", _SPACES.sub(" ", text)))


def normalise_phrase(phrase: str, ignore_case: bool) -> str:
    """A phrase as the automaton holds it."""
    return _MULTI_SPACES.sub(" ", _mapped(phrase, ignore_case))


class _Normalised:
    """A text normalised, with the map back: each collapsed run of spaces is recorded as
    (its place in the normalised text, its start and its length in the text)."""

    __slots__ = ("text", "runs_at", "runs")

    def __init__(self, text: str, ignore_case: bool) -> None:
        mapped = _mapped(text, ignore_case)
        self.runs_at: list[int] = []
        self.runs: list[tuple[int, int, int]] = []  # (normalised offset, start, length)
        if "  " not in mapped:
            self.text = mapped
            return
        pieces = []
        at, shift = 0, 0
        for m in _MULTI_SPACES.finditer(mapped):
            start, end = m.span()
            pieces.append(mapped[at : start + 1])
            place = start - shift
            self.runs_at.append(place)
            self.runs.append((place, start, end - start))
            shift += end - start - 1
            at = end
        pieces.append(mapped[at:])
        self.text = "".join(pieces)

    def start(self, i: int) -> int:
        """Where the character at normalised offset ``i`` starts in the text."""
        k = bisect_left(self.runs_at, i)  # runs before i
        if k < len(self.runs) and self.runs[k][0] == i:
            return self.runs[k][1]
        if k == 0:
            return i
        place, start, length = self.runs[k - 1]
        return start + length + (i - place - 1)

    def end(self, i: int) -> int:
        """Where the character at normalised offset ``i`` ends in the text."""
        k = bisect_left(self.runs_at, i)
        if k < len(self.runs) and self.runs[k][0] == i:
            return self.runs[k][1] + self.runs[k][2]
        return self.start(i) + 1


def _is_word(ch: str) -> bool:
    """Python's ``\\w`` on a ``str``."""
    return ch.isalnum() or ch == "_"


class PhraseSet(Analysis[list]):
    """The matches of a list of phrases in a document's view: ``PhraseMatch(start, end,
    index)``, exactly those of ``re.finditer`` over the alternation of
    ``phrase_regex(phrase)`` for the phrases in list order (with ``re.IGNORECASE`` when
    ``ignore_case``).  ``numbers``, increasing, is what each phrase's matches give as
    ``index`` (its place among a rule's alternatives)."""

    def __init__(self, name: str, phrases: list[str], ignore_case: bool = False, numbers: list[int] | None = None) -> None:
        super().__init__(name, self._find)
        self.phrases = list(phrases)
        self.ignore_case = ignore_case
        #: What a match of each phrase reports as its index (default: its place in the list).
        self.numbers = list(range(len(self.phrases))) if numbers is None else list(numbers)
        self._automaton: Any = None
        self._search: Any = _UNBUILT  # see _may_occur
        self._build()

    def _build(self) -> None:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        # Normalised in one call when a separator is free (a list is mostly short phrases).
        joined = "\x00".join(self.phrases)
        if joined.count("\x00") == len(self.phrases) - 1:
            keys = _MULTI_SPACES.sub(" ", _mapped(joined, self.ignore_case)).split("\x00")
        else:
            keys = [normalise_phrase(phrase, self.ignore_case) for phrase in self.phrases]
        for index, (phrase, key) in enumerate(zip(self.phrases, keys)):
            if len(key) > MAX_PHRASE_CHARS:
                raise PhraseError(f"phrase {phrase[:40]!r}... of {len(key):,} characters, over the limit of {MAX_PHRASE_CHARS}")
            if key and key not in automaton:  # the first of equal phrases is the one tried first
                automaton.add_word(key, (self.numbers[index], len(key), phrase[:1].isalnum(), phrase[-1:].isalnum()))
        if len(automaton):
            automaton.make_automaton()
            self._automaton = automaton

    def plain(self, doc: Any) -> list[PhraseMatch]:
        """The matches as the alternation of the phrases' regexes finds them (what
        :meth:`find` must equal; for tests, slow to compile for a long list)."""
        if not self.phrases:
            return []
        regex = self.plain_regex()
        return [PhraseMatch(m.start(), m.end(), self.numbers[m.lastindex - 1]) for m in regex.finditer(doc.view)]

    def plain_regex(self) -> re.Pattern[str]:
        """The alternation of the phrases' regexes, group k + 1 around phrase k."""
        from lintnews.analyses.matching.phrases import phrase_regex

        source = "|".join(f"({phrase_regex(p)})" for p in self.phrases)
        return re.compile(source, re.IGNORECASE if self.ignore_case else 0)

    def _find(self, doc: Any) -> list[PhraseMatch]:
        if self._automaton is None or not self._may_occur(doc):
            return []
        return self.find(doc.view)

    #: Lists of up to this many phrases are first looked for with one RE2 search.
    FEW_PHRASES = 1000

    def _may_occur(self, doc: Any) -> bool:
        """False when no phrase can occur in the document: one RE2 search of the document's
        bytes for an alternation of the normalised phrases (:func:`_superset_source`), about
        a twentieth of the cost of normalising the text for the automaton.  True when it
        cannot tell (no UTF-8 form, a letter of ``CASE_EXOTIC`` under ``ignore_case``)."""
        if self._search is _UNBUILT:
            self._search = None
            keys = list(self._automaton.keys())
            if len(keys) <= self.FEW_PHRASES and all(map(str.isascii, keys)):
                self._search = _re2_search(_superset_source(keys, self.ignore_case))
        if self._search is None:
            return True
        data = UTF8_VIEW.of(doc)
        if data is None or (self.ignore_case and CASE_EXOTIC_TEXT.of(doc)):
            return True
        return self._search(data)

    def find(self, text: str) -> list[PhraseMatch]:
        if self._automaton is None or not text:
            return []
        norm = _Normalised(text, self.ignore_case)
        found = []
        simple = not norm.runs
        limit = len(text)
        for last, (index, length, head, tail) in self._automaton.iter(norm.text):
            first = last - length + 1
            if simple:
                start, end = first, last + 1
            else:
                start, end = norm.start(first), norm.end(last)
            if head and start > 0 and _is_word(text[start - 1]):
                continue
            if tail and end < limit and _is_word(text[end]):
                continue
            found.append((start, index, end))
        found.sort()
        matches = []
        taken_to, last_start = 0, -1
        for start, index, end in found:
            if start < taken_to or start == last_start:
                continue
            matches.append(PhraseMatch(start, end, index))
            taken_to, last_start = end, start
        return matches

    # Sent to another process with its rule: the automaton is built again there.
    def __getstate__(self) -> dict:
        return {"name": self.name, "phrases": self.phrases, "ignore_case": self.ignore_case, "numbers": self.numbers}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["name"], state["phrases"], state["ignore_case"], state["numbers"])


_UNBUILT = object()


def _superset_source(keys: list[str], ignore_case: bool) -> str:
    """An RE2 pattern that matches wherever a normalised phrase of ``keys`` (ASCII) occurs
    in the normalised text: a space of a phrase is any run of Python's white space, an
    apostrophe or quotation mark any of its forms, another character itself (with
    ``ignore_case``, RE2 folds an ASCII letter to both cases, as Python does for a text
    without a letter of ``CASE_EXOTIC``).  Word boundaries are left out: a superset."""
    def one_of(chars: str) -> str:
        return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in chars) + "]"

    space, apostrophe, quote = one_of(PY_SPACES) + "+", one_of(APOSTROPHES), one_of(DOUBLE_QUOTES)
    special = {" ": space, "'": apostrophe, '"': quote}
    alternatives = ("".join(special.get(ch) or re.escape(ch) for ch in key) for key in keys)
    return ("(?i)" if ignore_case else "") + "(?:" + "|".join(alternatives) + ")"


def _re2_search(source: str) -> Any:
    """``data -> whether the RE2 pattern matches somewhere in data``; None when RE2 refuses it."""
    try:
        re2 = re2_module()
        with quiet_stderr():
            compiled = re2.compile(source, options=_options(64 << 20))
    except Exception:
        return None
    raw = getattr(compiled, "_regexp", None)
    anchor = getattr(getattr(getattr(re2, "_re2", None), "RE2", None), "Anchor", None)
    if raw is not None and anchor is not None:  # the binding's raw search: offsets only
        match, unanchored = raw.Match, anchor.UNANCHORED
        return lambda data: match(unanchored, data, 0, len(data))[0][0] >= 0
    return lambda data: compiled.search(data) is not None

    def __repr__(self) -> str:
        return f"PhraseSet({self.name!r}, {len(self.phrases)} phrases)"


def merge_matches(*lists: list[PhraseMatch]) -> list[PhraseMatch]:
    """Matches found separately (phrases by a :class:`PhraseSet`, regexes by their
    regex) taken as one alternation would take them: leftmost first, at one place the
    lowest index, then from where it ended."""
    found = sorted((m for matches in lists for m in matches), key=lambda m: (m.start, m.index))
    merged = []
    taken_to, last_start = 0, -1
    for m in found:
        if m.start < taken_to or m.start == last_start or m.start == m.end:
            continue
        merged.append(m)
        taken_to, last_start = m.end, m.start
    return merged

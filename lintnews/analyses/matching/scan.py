"""Finding where declared patterns can match: one RE2 pass per document, then RE2 searches.

Every pattern a rule declares (:mod:`.pattern`) that has an RE2 superset
(:mod:`.superset`, :mod:`.phrases`) registers it in one :class:`PatternSet`; a document's
UTF-8 bytes go through that set once (an RE2::Set, one automaton for all patterns), which
says which patterns can match at all.  Most documents match none of most patterns and
their regexes never run.  For a pattern that can match, :class:`Candidates` gives the
places: every offset where a match can start (:meth:`Candidates.starts`), or, for a
pattern whose matches stay within a line, the lines that can hold one
(:meth:`Candidates.lines`).  :func:`matches_at` then tries the Python regex at those
offsets only, with ``finditer``'s results.

RE2 reads bytes and knows no Python case folding, so the candidates are not used on a
text without a UTF-8 form (a lone surrogate, possible through the API) nor, for a
case-insensitive pattern, on a text with a letter of :data:`.superset.CASE_EXOTIC`: the
Python regex then reads the whole text.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterable, Iterator
from itertools import repeat

from lintnews.core.analysis import Analysis
from lintnews.analyses.matching.superset import CASE_EXOTIC


@functools.lru_cache(maxsize=1)
def re2_module():
    import re2  # google-re2, imported on first use

    return re2


@contextlib.contextmanager
def quiet_stderr():
    """RE2 (through absl) logs some parse problems to file descriptor 2 itself, bypassing
    Python; silence it while compiling so a bad pattern gives one line of error, not
    thousands."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _options(max_mem: int):
    options = re2_module().Options()
    options.log_errors = False
    options.max_mem = max_mem
    return options


def _encode_view(doc) -> bytes | None:
    try:
        return doc.view.encode("utf-8")
    except UnicodeEncodeError:
        return None


#: The document's view as UTF-8 bytes, what RE2 reads (None: the text has no UTF-8 form).
UTF8_VIEW: Analysis[bytes | None] = Analysis("utf8_view", _encode_view)
#: Whether the view holds a letter Python folds to ASCII under IGNORECASE.
CASE_EXOTIC_TEXT: Analysis[bool] = Analysis("case_exotic", lambda doc: any(ch in doc.view for ch in CASE_EXOTIC))


class PatternSet:
    """Every registered superset, run over a document in one RE2 pass (RE2::Set automata).

    A superset is kept once (a rule pack loaded twice adds nothing).  Patterns are
    registered as rules are built, in any thread; an automaton is compiled when first
    asked, and again when patterns have joined it, and a document's answers are kept
    with its analyses, automaton by automaton, with the number of patterns each covered,
    so that a pattern registered later makes only its own automaton run again.  One automaton holds at most :attr:`PER_AUTOMATON` patterns, in the order
    they were registered: the states of one automaton over many patterns that each keep
    a partial match alive (a run of letters, a word and a space) multiply, and two
    smaller ones scan a document faster than one large one (``benchmarks/README.md``).
    """

    PER_AUTOMATON = 12

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.automata: list = []  # compiled automata, one per PER_AUTOMATON patterns; None: to compile
        self.lock = threading.Lock()

    def add(self, source: str) -> int:
        with self.lock:
            if source not in self.index:
                number = self.index[source] = len(self.index)
                # Only the automaton this pattern joins is compiled again: the others, and
                # the answers they gave on documents, stay as they are (a rule whose
                # patterns are made on first use adds them after the first pass).
                part = number // self.PER_AUTOMATON
                if part < len(self.automata):
                    self.automata[part] = None
            return self.index[source]

    def _automaton(self, part: int):
        with self.lock:
            while len(self.automata) <= part:
                self.automata.append(None)
            automaton = self.automata[part]
            if automaton is None:
                sources = sorted(self.index, key=self.index.__getitem__)[part * self.PER_AUTOMATON : (part + 1) * self.PER_AUTOMATON]
                with quiet_stderr():
                    automaton = re2_module().Set.SearchSet(_options(256 << 20))
                    for source in sources:
                        automaton.Add(source)
                    automaton.Compile()
                self.automata[part] = automaton
            return automaton

    def match(self, doc, data: bytes, index: int) -> bool:
        """Whether superset ``index`` matches somewhere in ``data`` (the document's bytes);
        each automaton runs over a document once, when first asked (again only when
        patterns have joined it since)."""
        part, at = divmod(index, self.PER_AUTOMATON)
        answers = doc.analyses.get(self)
        if answers is None:
            answers = doc.analyses[self] = {}
        # The answer of an automaton, with the number of patterns it held then.
        held = min(len(self.index) - part * self.PER_AUTOMATON, self.PER_AUTOMATON)
        known = answers.get(part)
        if known is None or known[0] != held:
            automaton = self._automaton(part)
            known = answers[part] = (held, frozenset(automaton.Match(data) or ()))
        return at in known[1]

    def matching(self, doc, data: bytes) -> frozenset[int]:
        """The indexes of every superset that matches somewhere in ``data``."""
        return frozenset(i for i in range(len(self.index)) if self.match(doc, data, i))


#: The one set of this process.
SHARED = PatternSet()


class Candidates:
    """Where a pattern with this RE2 superset can match in a document.

    ``ignore_case``: the superset folds case (not used on a text with a letter of
    :data:`.superset.CASE_EXOTIC`).
    """

    def __init__(self, superset: str, ignore_case: bool, patterns: PatternSet | None = None) -> None:
        re2 = re2_module()
        with quiet_stderr():
            compiled = re2.compile(superset, options=_options(64 << 20))
        # The binding's raw search (offsets only) when it has one: a third of the cost of
        # its ``search``, which builds a match object, per call.
        raw = getattr(compiled, "_regexp", None)
        anchor = getattr(getattr(getattr(re2, "_re2", None), "RE2", None), "Anchor", None)
        self._raw = (raw.Match, anchor.UNANCHORED) if raw is not None and anchor is not None else None
        self.regex = compiled
        self.superset = superset
        self.ignore_case = ignore_case
        self.patterns = patterns or SHARED
        self.index = self.patterns.add(superset)

    # A rule sent to a worker process (spawned, or a Dask worker) arrives with its
    # patterns; the index in the set is this process's, so the candidates are built again
    # there, registering the superset in that process's set.
    def __getstate__(self) -> dict:
        return {"superset": self.superset, "ignore_case": self.ignore_case}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["superset"], state["ignore_case"])

    @classmethod
    def of(cls, superset: str | None, ignore_case: bool) -> Candidates | None:
        """The candidates of a superset (None when there is none or RE2 refuses it)."""
        if superset is None:
            return None
        try:
            return cls(superset, ignore_case)
        except Exception:  # RE2 refused the pattern (too large, say): the regex runs alone
            return None

    def _bytes(self, doc) -> bytes | None:
        """The document's bytes, or None when RE2's answer cannot be trusted on it."""
        data = UTF8_VIEW.of(doc)
        if data is None or (self.ignore_case and CASE_EXOTIC_TEXT.of(doc)):
            return None
        return data

    def may_match(self, doc) -> bool | None:
        """Whether the superset matches somewhere in the document (None: cannot tell)."""
        data = self._bytes(doc)
        return None if data is None else self.patterns.match(doc, data, self.index)

    def matches(self, regex, doc, within_lines: bool = False) -> list:
        """``list(regex.finditer(doc.view))`` for the regex of this superset, the regex
        tried only at the :meth:`starts` (or, ``within_lines``, over the :meth:`lines`)."""
        data = self._bytes(doc)
        if data is None:
            return list(regex.finditer(doc.view))
        if not self.patterns.match(doc, data, self.index):
            return []
        if within_lines:
            return list(matches_in_lines(regex, doc.view, self._lines(doc, data)))
        return list(matches_at(regex, doc.view, self._starts(doc, data)))

    def _search(self, data: bytes, at: int) -> int:
        """The byte offset of the next match at or after ``at`` (-1: none)."""
        if self._raw is not None:
            match, unanchored = self._raw
            return match(unanchored, data, at, len(data))[0][0]
        m = self.regex.search(data, at)
        return -1 if m is None else m.start()

    def starts(self, doc) -> Iterator[int] | None:
        """Every character offset where a match can start, in order; None: cannot tell,
        every offset is possible."""
        data = self._bytes(doc)
        if data is None:
            return None
        if not self.patterns.match(doc, data, self.index):
            return iter(())
        return self._starts(doc, data)

    def _starts(self, doc, data: bytes) -> Iterator[int]:
        ascii_only = len(data) == len(doc.view)
        search = self._search
        byte_at, char_at = 0, 0
        start = search(data, 0)
        while start >= 0:
            if ascii_only:
                yield start
            elif data[start] & 0xC0 != 0x80:  # a character's first byte, not a continuation
                char_at += len(data[byte_at:start].decode("utf-8"))
                byte_at = start
                yield char_at
            if start >= len(data):
                return
            start = search(data, start + 1)

    def lines(self, doc) -> list[tuple[int, int]] | None:
        """``(start, end)`` of each line that holds a match of a superset built with
        ``within_lines`` (see :meth:`lintnews.core.document.Document.line_spans`); None:
        cannot tell, every line is possible."""
        data = self._bytes(doc)
        if data is None:
            return None
        if not self.patterns.match(doc, data, self.index):
            return []
        return self._lines(doc, data)

    def _lines(self, doc, data: bytes) -> list[tuple[int, int]]:
        search = self._search
        found = []
        line, counted_to = 0, 0  # the line number of byte offset counted_to
        start = search(data, 0)
        while start >= 0:
            line += data.count(b"\n", counted_to, start)
            line_end = data.find(b"\n", start)
            found.append(line)
            if line_end < 0:
                break
            counted_to = line_end + 1
            line += 1
            start = search(data, counted_to)
        return doc.spans_of_lines(found)


def matches_at(regex, text: str, starts: Iterable[int] | None) -> Iterator:
    """``regex.finditer(text)``, trying the regex only at ``starts`` (None: everywhere).

    ``starts`` must be increasing and hold every offset where ``regex`` can match (as
    :meth:`Candidates.starts` gives them).  The scan takes the leftmost match, then the
    leftmost one from where it ended, as ``finditer`` does; a match depends only on where
    it starts, since lookbehinds and anchors see the whole text.  After an empty match
    ``finditer`` may take a longer one at the same place, so from there it scans itself.
    """
    if starts is None:
        yield from regex.finditer(text)
        return
    match = regex.match
    taken_to = 0
    for start in starts:
        if start < taken_to:
            continue
        m = match(text, start)
        if m is None:
            continue
        if m.end() == start:
            yield from regex.finditer(text, start)
            return
        yield m
        taken_to = m.end()


def matches_in_lines(regex, text: str, lines: Iterable[tuple[int, int]] | None) -> Iterator:
    """``regex.finditer(text)`` for a regex whose matches lie within a line, scanning only
    ``lines`` (None: everywhere).  A lookbehind still sees the line break before a line;
    at a line's end the regex sees the end of the text, which it must read as it reads a
    line break (a test compares every rule that declares it with a scan of the whole
    text)."""
    if lines is None:
        yield from regex.finditer(text)
        return
    for start, end in lines:
        yield from regex.finditer(text, start, end)


#: Up to this many words are looked for one by one by :func:`matches_of_words`.
FEW_WORDS = 16


def matches_of_words(regex, text: str, words: Iterable[str], few: int = FEW_WORDS) -> list:
    """``[m for m in regex.finditer(text) if m.group() in words]``, for a regex whose
    matches are whole words (no match can start inside another).

    A few words are looked for with ``str.find``, which jumps from one occurrence to the
    next, and the regex is tried only there; more than ``few`` (:data:`FEW_WORDS`), and one
    scan of the text finds them all (a text of thousands of odd words stays linear).  A
    regex that is slow to scan with may be given a larger ``few``: a ``str.find`` over the
    text costs about a hundredth of a scan with a regex of lookbehinds.
    """
    wanted = set(words)
    if len(wanted) > few:
        return [m for m in regex.finditer(text) if m.group() in wanted]
    starts = set()
    for word in wanted:
        at = text.find(word)
        while at != -1:
            starts.add(at)
            at = text.find(word, at + 1)
    match = regex.match
    return [m for m in map(match, repeat(text), sorted(starts)) if m is not None and m.group() in wanted]


def matches_of_characters(regex, text: str, characters: str) -> list:
    """``list(regex.finditer(text))`` for a regex that matches exactly one of
    ``characters``: their places found with ``str.find`` (a scan in C), the regex tried
    there."""
    places = []
    for ch in characters:
        at = text.find(ch)
        while at != -1:
            places.append(at)
            at = text.find(ch, at + 1)
    match = regex.match
    return [match(text, at) for at in sorted(places)]

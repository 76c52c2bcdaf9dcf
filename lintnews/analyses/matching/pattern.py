"""Patterns a rule declares, and the matches it receives.

A rule states its regular expression once, as a :class:`Pattern`, and lists it in its
``needs``; the engine gives it the pattern's matches in the document's view as a keyword
argument named after the pattern::

    DOUBLED = Pattern("doubled", r"(?<=\\w)(,,|;;)(?![.\\w])", within_lines=True)

    class DoubledPunctuation(DocumentRule):
        needs = (DOUBLED,)

        def check(self, doc, doubled):
            for m in doubled:
                ...

The matches are exactly ``list(regex.finditer(doc.view))`` (:meth:`Pattern.plain`); how
they are found is this layer's business (:mod:`.scan`): the regex runs only where the
RE2 superset of the regex says it can match, and a regex of one character (``[“”]``) is
tried where ``str.find`` finds it.  ``within_lines=True`` declares that no
match crosses a line break and that the regex reads the end of a line as it reads the
end of the text; then only the lines that can hold a match are scanned.  ``lines``
names a function of this layer that finds those lines where RE2 cannot (a repeated word,
:mod:`.repeats`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from lintnews.core.analysis import Analysis
from lintnews.analyses.matching.scan import Candidates, matches_in_lines, matches_of_characters
from lintnews.analyses.matching.superset import re2_superset, single_characters


class Pattern(Analysis[list]):
    """A regular expression a rule reads; its value for a document is the list of its
    matches over the view, in order.

    ``regex``: a source, compiled here with Python's ``re`` and ``flags``, or a compiled
    regex (a user pack's, compiled with RE2: it runs alone, RE2 being fast already).
    """

    def __init__(
        self,
        name: str,
        regex: Any,
        flags: int = 0,
        within_lines: bool = False,
        lines: Callable[[Any], list[tuple[int, int]] | None] | None = None,
    ) -> None:
        super().__init__(name, self._find)
        self.regex = re.compile(regex, flags) if isinstance(regex, str) else regex
        self.within_lines = within_lines or lines is not None
        self.lines = lines
        self.candidates: Candidates | None = None
        self.characters: str | None = None
        if lines is None and isinstance(self.regex, re.Pattern) and isinstance(self.regex.pattern, str):
            self.characters = single_characters(self.regex.pattern, self.regex.flags)
            if self.characters is None:
                superset = re2_superset(self.regex.pattern, self.regex.flags, within_lines)
                self.candidates = Candidates.of(superset, bool(self.regex.flags & re.IGNORECASE))

    def plain(self, doc: Any) -> list:
        """The matches as the regex alone finds them, over the whole view."""
        return list(self.regex.finditer(doc.view))

    def _find(self, doc: Any) -> list:
        if self.lines is not None:
            return list(matches_in_lines(self.regex, doc.view, self.lines(doc)))
        if self.characters is not None:
            return matches_of_characters(self.regex, doc.view, self.characters)
        if self.candidates is None:
            return list(self.regex.finditer(doc.view))
        return self.candidates.matches(self.regex, doc, self.within_lines)

    # Sent to another process with its rule: the candidates register there again.
    def __getstate__(self) -> dict:
        return {
            "name": self.name,
            "regex": self.regex,
            "within_lines": self.within_lines,
            "lines": self.lines,
            "candidates": self.candidates,
            "characters": self.characters,
        }

    def __setstate__(self, state: dict) -> None:
        self.name, self.compute = state["name"], self._find
        self.regex, self.within_lines, self.lines = state["regex"], state["within_lines"], state["lines"]
        self.candidates, self.characters = state["candidates"], state["characters"]

    def __repr__(self) -> str:
        return f"Pattern({self.name!r}, {getattr(self.regex, 'pattern', self.regex)!r})"


class Patterns(Analysis[list]):
    """Several regular expressions a rule reads together (its groups of interchangeable
    forms, say); the value is, regex by regex, the spans ``(start, end)`` of its matches,
    exactly those of ``regex.finditer(doc.view)``.

    Found together: the one pass and the places where any of them can start come from the
    union of their supersets, and at each such place one Python match tries every regex
    (each in a lookahead that captures its match), instead of one scan per regex.  Taken
    as ``finditer`` takes them: a regex's match that starts inside its previous one is
    passed over.  Regexes of a user's pack (RE2) or with groups of their own run one by one.
    """

    def __init__(self, name: str, regexes: list[Any]) -> None:
        super().__init__(name, self._find)
        self.regexes = regexes
        self.candidates: Candidates | None = None
        self.together: re.Pattern[str] | None = None
        self.together_source: str | None = None
        if not all(isinstance(r, re.Pattern) and isinstance(r.pattern, str) and r.groups == 0 for r in regexes):
            return
        supersets = [re2_superset(r.pattern, r.flags) for r in regexes]
        if None in supersets:
            return
        # The regex of them all is compiled when a document first has a place to try it.
        self.together_source = "".join(f"(?:(?=({_scoped(r)}))|)" for r in regexes)
        ignore_case = any(r.flags & re.IGNORECASE for r in regexes)
        self.candidates = Candidates.of("|".join(f"(?:{s})" for s in supersets), ignore_case)

    def _together(self) -> re.Pattern[str] | None:
        if self.together is None and self.together_source is not None:
            try:
                self.together = re.compile(self.together_source)
            except re.error:  # a regex with flags of its own inside: one by one
                self.together_source = None
        return self.together

    def plain(self, doc: Any) -> list[list[tuple[int, int]]]:
        return [[m.span() for m in r.finditer(doc.view)] for r in self.regexes]

    def _find(self, doc: Any) -> list[list[tuple[int, int]]]:
        starts = self.candidates.starts(doc) if self.candidates is not None else None
        if starts is None:
            return self.plain(doc)
        found: list[list[tuple[int, int]]] = [[] for _ in self.regexes]
        starts = iter(starts)
        first = next(starts, None)
        if first is None:
            return found
        together = self._together()
        if together is None:
            return self.plain(doc)
        match = together.match
        view = doc.view
        taken_to = [0] * (len(self.regexes) + 1)
        for start in itertools.chain((first,), starts):
            m = match(view, start)
            spans = m.regs
            # Regexes after the last one that matched (lastindex) did not match here.
            for number in range(1, (m.lastindex or 0) + 1):
                begin, end = spans[number]
                if begin < 0 or begin < taken_to[number]:
                    continue
                if begin == end:  # an empty match: finditer's own rules, regex by regex
                    return self.plain(doc)
                taken_to[number] = end
                found[number - 1].append((begin, end))
        return found

    def __getstate__(self) -> dict:
        return {
            "name": self.name,
            "regexes": self.regexes,
            "candidates": self.candidates,
            "together": self.together,
            "together_source": self.together_source,
        }

    def __setstate__(self, state: dict) -> None:
        self.name, self.compute, self.regexes = state["name"], self._find, state["regexes"]
        self.candidates, self.together = state["candidates"], state["together"]
        self.together_source = state["together_source"]


def _scoped(regex: re.Pattern[str]) -> str:
    """A regex's source as a group that keeps its flags to itself."""
    flags = "".join(letter for flag, letter in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s")) if regex.flags & flag)
    return f"(?{flags}:{regex.pattern})" if flags else f"(?:{regex.pattern})"


def plain_arguments(needs: tuple[Analysis[Any], ...], doc: Any) -> dict[str, Any]:
    """The keyword arguments of a rule, its patterns' matches found by the regexes alone
    (what the fast path must equal; for tests and for reading a rule's plain behaviour)."""
    return {a.name: a.plain(doc) if hasattr(a, "plain") else a.of(doc) for a in needs}

"""G105 repeated-word."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress, islice

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register

# A lower-case word written twice in a row, also as the tail of a compound
# ("cross-border border").  Capitalised repeats are often names ("Run Run Shaw").
_REPEATED = re.compile(r"(?<![\w’'])(?:[a-z]+-)?(?P<word>[a-z]+)(?P<gap> +)(?P=word)\b(?![’'-])")
# Up to this many candidate words are looked for one by one; more, and the whole text is
# scanned once (a text of thousands of doubled words stays linear).
_FEW_WORDS = 16
# Doubles that English grammar allows: "what it is is", "he had had", "that that".
_ALLOWED = frozenset({"had", "that", "is", "do", "bye", "no", "so", "very", "ha", "far", "knock", "tut", "chop"})


@register
class RepeatedWord(DocumentRule):
    """Finds a word written twice in a row: ``announce the the candidates``,
    ``cross-border border trade``.

    Why: a translator that renders a compound and then its head again, or an edit that
    left the old word beside the new one, leaves a doubled word every reader trips on.

    Example: ``cross-border border trade`` -> ``cross-border trade``.

    Grammatical doubles ("had had", "that that", "is is") and capitalised repeats
    (names such as "Run Run Shaw") are not reported.
    """

    code = "G105"
    name = "repeated-word"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        for line_start, line_end in _candidate_lines(doc):
            yield from self._check_line(doc, view, line_start, line_end)

    def _check_line(self, doc: Document, view: str, line_start: int, line_end: int) -> Iterator[Finding]:
        # A match lies within one line (letters, a hyphen, spaces), and the lookarounds
        # see the view beyond pos and endpos as they would in a scan of the whole view.
        for m in _REPEATED.finditer(view, line_start, line_end):
            word = m.group("word")
            if word in _ALLOWED:
                continue
            start, end = m.start("gap"), m.end()
            yield self.finding(
                doc,
                m.start("word"),
                end,
                f"'{word}' is repeated",
                suggestion=word,
                fix=Fix(start, end, "", safe=True),
            )


def _candidate_lines(doc: Document) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines of the view that can hold a reported repeat, in order.

    Both words of a match are whole runs of lower-case letters with only spaces between
    them (a compound's hyphen separates runs), so they are two equal lower-case tokens in
    a row of :attr:`Document.lowercase_runs`: one C-level comparison finds the few
    candidate words (most documents have none), and a search for each, which jumps from
    one occurrence to the next, finds their lines.  The full scan, which tries every
    position, runs over those lines only.
    """
    runs = doc.lowercase_runs
    words = {run for run in compress(runs, map(operator.eq, runs, islice(runs, 1, None))) if run.islower()}
    words -= _ALLOWED  # never reported; a line with another repeat is read whole
    if not words:
        return []
    view = doc.view
    if len(words) > _FEW_WORDS:  # one scan of the whole text, not one per word
        return [(0, len(view))]
    lines = set()
    for word in words:
        for m in re.finditer(f"{word} +{word}", view):
            lines.add((view.rfind("\n", 0, m.start()) + 1, _line_end(view, m.start())))
    return sorted(lines)


def _line_end(view: str, offset: int) -> int:
    end = view.find("\n", offset)
    return len(view) if end == -1 else end

"""G105 repeated-word."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress, islice

from lintnews.document import Document
from lintnews.finding import Finding, Fix
from lintnews.registry import DocumentRule, register

# A lower-case word written twice in a row, also as the tail of a compound
# ("cross-border border").  Capitalised repeats are often names ("Run Run Shaw").
_REPEATED = re.compile(r"(?<![\w’'])(?:[a-z]+-)?(?P<word>[a-z]+)(?P<gap> +)(?P=word)\b(?![’'-])")
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
        if not has_adjacent_equal_runs(doc):
            return
        for m in _REPEATED.finditer(doc.view):
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


def has_adjacent_equal_runs(doc: Document) -> bool:
    """False when the view cannot contain a repeated word (one C-level comparison).

    Both words of a match are whole runs of lower-case letters with only spaces between
    them, and the compound's hyphen separates runs, so they are two equal lower-case
    tokens in a row of :attr:`Document.lowercase_runs`; most documents have none, and
    the regex scan, which tries every position, is skipped.
    """
    runs = doc.lowercase_runs
    # Equal neighbours are few (most are numbers and initials, "AA"), and only a
    # lower-case one can be a repeated word.
    return any(run.islower() for run in compress(runs, map(operator.eq, runs, islice(runs, 1, None))))

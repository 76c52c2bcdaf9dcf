"""G105 repeated-word."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern
from lintnews.analyses.matching.repeats import lines_with_repeated_word

# A lower-case word written twice in a row, also as the tail of a compound
# ("cross-border border").  Capitalised repeats are often names ("Run Run Shaw").
REPEATED = Pattern(
    "repeated",
    r"(?<![\w’'])(?:[a-z]+-)?(?P<word>[a-z]+)(?P<gap> +)(?P=word)\b(?![’'-])",
    lines=lines_with_repeated_word,
)
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

    needs = (REPEATED,)

    def check(self, doc: Document, repeated: list) -> Iterator[Finding]:
        for m in repeated:
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

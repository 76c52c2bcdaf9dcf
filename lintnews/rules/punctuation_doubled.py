"""P101 doubled-punctuation."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

# A full stop, comma, semicolon or colon followed (after optional spaces) by another
# one.  An ellipsis ("...", "…") is not doubled punctuation, and neither is an
# abbreviation's full stop before a comma ("U.S., Canada": no space between them).
# (?=[.,;:]) first: every match starts with one of those, and a pattern that starts with
# a lookbehind is otherwise tried at every position (same matches, faster scan).
DOUBLED = Pattern(
    "doubled",
    r"(?=[.,;:])(?:(?<=\w|[”\"’)\]])([.,;:])( +)([.,;:])(?![.\w])|(?<=\w)(,,|;;|,\.|;\.|,;|:[.,;]|\.\.)(?![.\w]))",
    within_lines=True,
)


@register
class DoubledPunctuation(DocumentRule):
    """Finds punctuation marks doubled up: ``issue. .``, ``Washington. , DC``, ``said,,``.

    Why: machine translation and spinners drop or move words between two marks and leave
    both marks behind; no editor lets ". ," through.

    Example: ``adding that Mr Pompeo had ignored the issue. .`` -> ``the issue.``;
    ``New York and Washington. , DC`` -> ``Washington, DC``.  Fix (safe): keep the
    second mark, which the text goes on from.

    An ellipsis (``...``) and an abbreviation's full stop before a comma (``U.S.,``)
    are not reported.
    """

    code = "P101"
    name = "doubled-punctuation"

    needs = (DOUBLED,)

    def check(self, doc: Document, doubled: list) -> Iterator[Finding]:
        for m in doubled:
            start, end = m.span()
            if m.group(1):
                # Keep the mark the text goes on from: "issue. ." -> "issue.",
                # "Washington. , DC" -> "Washington, DC".
                keep = m.group(3)
            else:
                pair = m.group(4)
                keep = "." if "." in pair else pair[0]
            text = doc.view[start:end]
            yield self.finding(
                doc,
                start,
                end,
                f"doubled punctuation '{text}'",
                suggestion=keep,
                fix=Fix(start, end, keep, safe=True),
            )

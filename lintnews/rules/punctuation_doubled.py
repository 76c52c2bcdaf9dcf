"""P101 doubled-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register

# A full stop, comma, semicolon or colon followed (after optional spaces) by another
# one.  An ellipsis ("...", "…") is not doubled punctuation, and neither is an
# abbreviation's full stop before a comma ("U.S., Canada": no space between them).
# (?=[.,;:]) first: every match starts with one of those, and a pattern that starts with
# a lookbehind is otherwise tried at every position (same matches, faster scan).
_DOUBLED = re.compile(r"(?=[.,;:])(?:(?<=\w|[”\"’)\]])([.,;:])( +)([.,;:])(?![.\w])|(?<=\w)(,,|;;|,\.|;\.|,;|:[.,;]|\.\.)(?![.\w]))")


def _starting_with(mark: str, seconds: str) -> re.Pattern[str]:
    """_DOUBLED's matches that start with ``mark``, as a pattern that starts with it.

    ``seconds``: the marks that may follow it directly.  A pattern that starts with a
    literal is tried only where the literal is (one scan per mark instead of a try at
    every position); the lookbehinds after the mark are _DOUBLED's, moved over it."""
    m = re.escape(mark)
    return re.compile(rf"{m}(?:(?<=[\w”\"’)\]]{m}) +[.,;:]|(?<=\w{m})[{re.escape(seconds)}])(?![.\w])")


# Together they match where _DOUBLED does: a line none of them matches has no doubled
# punctuation and is not scanned in full.
# (``mark in view`` first: a fast test that lets a rare mark's scan be skipped.)
_HINTS = tuple((mark, _starting_with(mark, seconds)) for mark, seconds in ((".", "."), (",", ",.;"), (";", ";."), (":", ".,;")))


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

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        places = [m.start() for mark, hint in _HINTS if mark in view for m in hint.finditer(view)]
        # A match lies within a line; only the lines where the patterns above match are
        # scanned.
        for line_start, line_end in doc.line_spans(places):
            yield from self._check_line(doc, line_start, line_end)

    def _check_line(self, doc: Document, line_start: int, line_end: int) -> Iterator[Finding]:
        for m in _DOUBLED.finditer(doc.view, line_start, line_end):
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

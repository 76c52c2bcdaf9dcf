"""P103 unbalanced-quotes."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

_OPEN, _CLOSE = "“", "”"
MARKS = Pattern("marks", f"[{_OPEN}{_CLOSE}]")
_STRAIGHT = '"'


@register
class UnbalancedQuotes(DocumentRule):
    """Finds a closing quotation mark that no opening one precedes, and an opening one
    that is never closed, counting over the whole document.

    Why: machine translation reorders clauses and drops or duplicates quotation marks,
    so readers cannot tell who said what.

    Example: ``he said the talks were over.” The envoy left`` (no opening ``“`` before it).

    The count runs over the whole document, not line by line: news style lets a
    quotation run over several paragraphs, and sentence-per-line text splits one
    quotation over several lines.  Only typographic quotes are counted: a straight
    ``"`` cannot tell opening from closing.  A quotation opened with a straight ``"`` and
    closed with a curly ``”`` on the same line (or opened curly and closed straight) is
    not unbalanced: it is reported as mixed quotation marks, at the straight one.
    """

    code = "P103"
    name = "unbalanced-quotes"

    needs = (MARKS,)

    def check(self, doc: Document, marks: list) -> Iterator[Finding]:
        view = doc.view
        open_stack: list[int] = []
        for m in marks:
            i = m.start()
            if m.group() == _OPEN:
                open_stack.append(i)
            else:
                if open_stack:
                    open_stack.pop()
                else:
                    straight = self._straight_partner(view, i, before=True)
                    if straight is not None:
                        yield self._mixed(doc, straight, _OPEN)
                    else:
                        yield self.finding(doc, i, i + 1, "closing quotation mark without an opening one")
        last_open, last_close = view.rfind(_OPEN), view.rfind(_CLOSE)
        for i in open_stack:
            # A quote left open that a later paragraph reopens is a continued quotation.
            if last_open <= i or last_close <= i:
                straight = self._straight_partner(view, i, before=False)
                if straight is not None:
                    yield self._mixed(doc, straight, _CLOSE)
                else:
                    yield self.finding(doc, i, i + 1, "quotation mark opened and never closed")

    @staticmethod
    def _straight_partner(view: str, i: int, before: bool) -> int | None:
        """The straight quote that pairs with the curly one at ``i`` on its line: the last
        of an odd number of straight quotes before it (an opener), or the first of an odd
        number after it (a closer), with no curly quote between them."""
        line_start = view.rfind("\n", 0, i) + 1
        line_end = view.find("\n", i)
        line_end = len(view) if line_end == -1 else line_end
        if before:
            span = view[line_start:i]
            span = span[max(span.rfind(_OPEN), span.rfind(_CLOSE)) + 1 :]
            count = span.count(_STRAIGHT)
            return i - len(span) + span.rfind(_STRAIGHT) if count % 2 else None
        span = view[i + 1 : line_end]
        cut = min((p for p in (span.find(_OPEN), span.find(_CLOSE)) if p != -1), default=len(span))
        span = span[:cut]
        return i + 1 + span.find(_STRAIGHT) if span.count(_STRAIGHT) % 2 else None

    def _mixed(self, doc: Document, at: int, curly: str) -> Finding:
        return self.finding(
            doc,
            at,
            at + 1,
            f"mixed quotation marks: a straight '\"' pairs with a curly one; write '{curly}'",
            suggestion=curly,
        )

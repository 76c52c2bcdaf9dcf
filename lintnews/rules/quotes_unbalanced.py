"""P103 unbalanced-quotes."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

_OPEN, _CLOSE = "“", "”"
MARKS = Pattern("marks", f"[{_OPEN}{_CLOSE}]")


@register
class UnbalancedQuotes(DocumentRule):
    """Finds a closing quotation mark that no opening one precedes, and an opening one
    that is never closed, counting over the whole document.

    Why: machine translation reorders clauses and drops or duplicates quotation marks,
    so readers cannot tell who said what.

    Example: ``he said the talks were over.” The envoy left`` (no opening ``“`` before it).

    The count runs over the whole document, not line by line: news style lets a
    quotation run over several paragraphs, and sentence-per-line text splits one
    quotation over several lines.  Only typographic quotes are checked: a straight
    ``"`` cannot tell opening from closing.
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
                    yield self.finding(doc, i, i + 1, "closing quotation mark without an opening one")
        last_open, last_close = view.rfind(_OPEN), view.rfind(_CLOSE)
        for i in open_stack:
            # A quote left open that a later paragraph reopens is a continued quotation.
            if last_open <= i or last_close <= i:
                yield self.finding(doc, i, i + 1, "quotation mark opened and never closed")

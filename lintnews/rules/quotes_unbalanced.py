"""P103 unbalanced-quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

_OPEN, _CLOSE = "“", "”"
_MARKS = re.compile(f"[{_OPEN}{_CLOSE}]")


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

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _alternate(doc.view):
            yield from self._check_stack(doc)

    def _check_stack(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        open_stack: list[int] = []
        for m in _MARKS.finditer(view):
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


def _alternate(view: str) -> bool:
    """True when the typographic quotes open and close in turn (or there are none).

    Then every closing mark has its opening one and every opening one is closed: the
    stack below would report nothing.  Most documents are so, and are told in a few
    C-level string operations instead of a Python step per quotation mark.
    """
    if _OPEN not in view:
        return _CLOSE not in view
    before_first, *after_opens = view.split(_OPEN)
    return _CLOSE not in before_first and all(piece.count(_CLOSE) == 1 for piece in after_opens)

"""P103 unbalanced-quotes."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.registry import DocumentRule, register

_OPEN, _CLOSE = "“", "”"


@register
class UnbalancedQuotes(DocumentRule):
    """Finds a closing quotation mark with no opening one in its paragraph, and an
    opening one that is never closed.

    Why: machine translation reorders clauses and drops or duplicates quotation marks,
    so readers cannot tell who said what.

    Example: ``he said the talks were over.” The envoy left`` (no opening ``“``).

    A quotation left open at the end of a paragraph is news style when the next
    paragraph opens with a quotation mark (the quote continues), and is not reported.
    Only typographic quotes are checked: straight ``"`` cannot tell opening from closing.
    """

    code = "P103"
    name = "unbalanced-quotes"

    def check(self, doc: Document) -> Iterator[Finding]:
        paragraphs = [(start, line) for start, line in doc.lines() if line.strip()]
        for i, (start, line) in enumerate(paragraphs):
            depth = 0
            open_at = -1
            for j, ch in enumerate(line):
                if ch == _OPEN:
                    if depth == 0:
                        open_at = j
                    depth += 1
                elif ch == _CLOSE:
                    if depth == 0:
                        yield self.finding(doc, start + j, start + j + 1, "closing quotation mark without an opening one")
                    else:
                        depth -= 1
            if depth > 0:
                following = paragraphs[i + 1][1].lstrip() if i + 1 < len(paragraphs) else ""
                if not following.startswith(_OPEN):
                    yield self.finding(
                        doc, start + open_at, start + open_at + 1, "quotation mark opened and never closed"
                    )

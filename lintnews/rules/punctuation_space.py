"""P102 space-before-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register

# A word followed by spaces and then , ; . ! ? that ends the word's clause.  Not: a
# decimal (" .5"), an ellipsis (" ..."), a dash or quote, French typography before : ; ! ?
# in a French quotation (too rare in English news to matter; ":" is left alone).
# Both patterns start with (?=[ \t]) so that the scan skips to spaces instead of trying
# the lookbehind at every position (same matches).
_SPACE_BEFORE = re.compile(r"(?=[ \t])(?<=[^\W_])([ \t]+)([,.;!?])(?![.\d\w])")
# A closing typographic quote with a space before it and a letter straight after it:
# ``insurgency, ”he added``.
_SPACE_BEFORE_CLOSE_QUOTE = re.compile(r"(?=[ \t])(?<=[,.;!?])([ \t]+)(”)(?=\w)")
# Necessary conditions, one per mark, each a pattern that starts with the mark (a scan
# that jumps from one mark to the next): a space or tab right before it and, for the
# closing quote, a letter right after.  The full scans, which try every space, run only
# over the lines where one matches.  (``mark in view`` first: a fast test that lets a
# rare mark's scan be skipped.)
_SPACE_HINTS = tuple((mark, re.compile(rf"{re.escape(mark)}(?<=[ \t]{re.escape(mark)})(?![.\d\w])")) for mark in ",.;!?")
_CLOSE_QUOTE_HINT = re.compile(r"”(?<=[,.;!?][ \t]”)(?=\w)")


@register
class SpaceBeforePunctuation(DocumentRule):
    """Finds a space between a word and the punctuation that closes it: ``said ,``.

    Why: tokenised machine-translation output and scraped text joined from pieces keep
    the spaces their tokenizer put around punctuation; edited English never has them.

    Example: ``the talks ended , he said`` -> ``the talks ended, he said``;
    ``insurgency, ”he added`` -> ``insurgency,” he added``.
    """

    code = "P102"
    name = "space-before-punctuation"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        # A match lies within a line; only the lines where a hint matches are scanned.
        places = [m.start() for mark, hint in _SPACE_HINTS if mark in view for m in hint.finditer(view)]
        for line_start, line_end in doc.line_spans(places):
            yield from self._check_spaces(doc, line_start, line_end)
        if "”" not in view:
            return
        for line_start, line_end in doc.line_spans(m.start() for m in _CLOSE_QUOTE_HINT.finditer(view)):
            yield from self._check_close_quotes(doc, line_start, line_end)

    def _check_spaces(self, doc: Document, line_start: int, line_end: int) -> Iterator[Finding]:
        for m in _SPACE_BEFORE.finditer(doc.view, line_start, line_end):
            start, end = m.span()
            mark = m.group(2)
            yield self.finding(doc, start, end, f"space before '{mark}'", suggestion=mark, fix=Fix(start, end, mark, safe=True))

    def _check_close_quotes(self, doc: Document, line_start: int, line_end: int) -> Iterator[Finding]:
        for m in _SPACE_BEFORE_CLOSE_QUOTE.finditer(doc.view, line_start, line_end):
            start, end = m.span()
            yield self.finding(doc, start, end, "space before a closing quotation mark, none after it", suggestion="” ")

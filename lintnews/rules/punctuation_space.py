"""P102 space-before-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

# A word followed by spaces and then , ; . ! ? that ends the word's clause.  Not: a
# decimal (" .5"), an ellipsis (" ..."), a dash or quote, French typography before : ; ! ?
# in a French quotation (too rare in English news to matter; ":" is left alone).
# Both patterns start with (?=[ \t]) so that the scan skips to spaces instead of trying
# the lookbehind at every position (same matches).
SPACE_BEFORE = Pattern("space_before", r"(?=[ \t])(?<=[^\W_])([ \t]+)([,.;!?])(?![.\d\w])", within_lines=True)
# A closing typographic quote with a space before it and a letter straight after it:
# ``insurgency, ”he added``.
SPACE_BEFORE_CLOSE_QUOTE = Pattern("space_before_close_quote", r"(?=[ \t])(?<=[,.;!?])([ \t]+)(”)(?=\w)", within_lines=True)


# A spaced ellipsis (". . .", ". . . .": the style of transcripts and of quotations
# shortened in print), whose first dot a space before is part of.
SPACED_ELLIPSIS = re.compile(r"\.(?:[ \t]\.){2,}")


@register
class SpaceBeforePunctuation(DocumentRule):
    """Finds a space between a word and the punctuation that closes it: ``said ,``.

    Why: tokenised machine-translation output and scraped text joined from pieces keep
    the spaces their tokenizer put around punctuation; edited English never has them.

    Example: ``the talks ended , he said`` -> ``the talks ended, he said``;
    ``insurgency, ”he added`` -> ``insurgency,” he added``.

    A spaced ellipsis (``the laws . . . become``) is not reported.
    """

    code = "P102"
    name = "space-before-punctuation"

    needs = (SPACE_BEFORE, SPACE_BEFORE_CLOSE_QUOTE)

    def check(self, doc: Document, space_before: list, space_before_close_quote: list) -> Iterator[Finding]:
        for m in space_before:
            start, end = m.span()
            mark = m.group(2)
            if mark == "." and SPACED_ELLIPSIS.match(doc.view, m.start(2)):
                continue  # "the laws . . . become": a spaced ellipsis
            yield self.finding(doc, start, end, f"space before '{mark}'", suggestion=mark, fix=Fix(start, end, mark, safe=True))
        for m in space_before_close_quote:
            start, end = m.span()
            yield self.finding(doc, start, end, "space before a closing quotation mark, none after it", suggestion="” ")

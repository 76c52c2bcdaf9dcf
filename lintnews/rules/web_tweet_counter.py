"""W103 tweet-thread-counter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

# A counter at the start of a paragraph, before what reads as a tweet's first word, or
# at its end.
LEADING = Pattern("leading", r"^[ \t]*(?P<n>\d{1,2})/(?P<m>\d{1,2})[ \t]+(?=[A-Z@#“\"])", re.M, within_lines=True)
TRAILING = Pattern("trailing", r"[ \t]\(?(?P<n>\d{1,2})/(?P<m>\d{1,2})\)?[ \t]*$", re.M, within_lines=True)
_TWEET_LENGTH = 280


@register
class TweetThreadCounter(DocumentRule):
    """Finds a tweet-thread counter (``1/3``) at the start or end of a paragraph.

    Why: an embedded tweet thread copied with the article body turns into a paragraph
    that starts "1/3 After six days in Doha, I'm headed to ...": a quotation that lost its
    attribution and its quotation marks.

    Example: ``1/3 After six days in Doha, I’m headed to #Afghanistan for consultations.``

    Reported only where the paragraph is tweet-sized (280 characters) and the counter
    reads as one (``n/m`` with n <= m <= 25); ``9/11`` is a date.
    """

    code = "W103"
    name = "tweet-thread-counter"

    needs = (LEADING, TRAILING)

    def check(self, doc: Document, leading: list, trailing: list) -> Iterator[Finding]:
        view = doc.view
        for m in sorted(leading + trailing, key=lambda m: m.start()):
            line_start = view.rfind("\n", 0, m.start()) + 1
            line_end = view.find("\n", m.start())
            line_end = len(view) if line_end == -1 else line_end
            if len(view[line_start:line_end].strip()) > _TWEET_LENGTH:
                continue
            n, total = int(m.group("n")), int(m.group("m"))
            if not (1 <= n <= total <= 25 and total >= 2) or (n, total) == (9, 11):
                continue
            counter = f"{n}/{total}"
            a = view.index(counter, m.start(), line_end)
            yield self.finding(
                doc,
                a,
                a + len(counter),
                f"'{counter}' is a tweet-thread counter: an embedded tweet was pasted into the article as text",
            )

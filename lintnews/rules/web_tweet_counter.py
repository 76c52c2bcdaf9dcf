"""W103 tweet-thread-counter."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

_LEADING = re.compile(r"^[ \t]*(?P<n>\d{1,2})/(?P<m>\d{1,2})[ \t]+(?=[A-Z@#“\"])", re.M)
_TRAILING = re.compile(r"[ \t]\(?(?P<n>\d{1,2})/(?P<m>\d{1,2})\)?[ \t]*$", re.M)
_TWEET_LENGTH = 280
# A digit, a slash, a digit: in every counter.  Starting with the slash, the scan jumps
# from one slash to the next; only the lines with a match are read.
_DIGIT_SLASH_DIGIT = re.compile(r"/(?<=\d/)\d")


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

    def check(self, doc: Document) -> Iterator[Finding]:
        return self._check_lines(doc, _lines_with_digit_slash_digit(doc))

    def _check_lines(self, doc: Document, lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
        for start, line in lines:
            if not line.strip() or len(line.strip()) > _TWEET_LENGTH:
                continue
            for regex in (_LEADING, _TRAILING):
                m = regex.search(line)
                if not m:
                    continue
                n, total = int(m.group("n")), int(m.group("m"))
                if not (1 <= n <= total <= 25 and total >= 2) or (n, total) == (9, 11):
                    continue
                counter = f"{n}/{total}"
                a = start + line.index(counter, m.start())
                yield self.finding(
                    doc,
                    a,
                    a + len(counter),
                    f"'{counter}' is a tweet-thread counter: an embedded tweet was pasted into the article as text",
                )


def _lines_with_digit_slash_digit(doc: Document) -> Iterator[tuple[int, str]]:
    """``(start_offset, line)`` for the lines of the view where a counter can be, in order."""
    view = doc.view
    if "/" not in view:
        return
    done = -1  # the end of the last line given
    for m in _DIGIT_SLASH_DIGIT.finditer(view):
        if m.start() < done:
            continue
        start = view.rfind("\n", 0, m.start()) + 1
        end = view.find("\n", m.start())
        done = len(view) if end == -1 else end
        yield start, view[start:done]

"""W105 page-furniture: captions, credits, copyright notices and interface text that a
scraper kept, recognised by their shape rather than by a list of exact lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

# A caption's or credit's label and a short value: "Photo: ČTK", "(Photo: EPA-EFE)",
# "Image caption: Volodymyr Zelenskyy", "Source: Getty Images".
_LABELLED = re.compile(
    r"\(?(?:Photo|Photos|Image|Picture|Pictures|Caption|Image caption|Photo caption|Photo credit|Image credit"
    r"|Credit|Credits|Source|Text|Foto|Video|Illustration|Graphic|Graphics|Cover photo)"
    r" ?[:|/] ?[^\s:()][^:()\n]{0,58}\)?[ \t]*$"
)
# The same label glued to the start of a paragraph: "Photo: ČTK The minister said ...".
# The value's end is not known; the label and its first word are reported.
_LABEL_GLUED = re.compile(
    r"\(?(?:Photo|Photos|Image|Picture|Caption|Image caption|Photo caption|Photo credit|Image credit|Credit|Foto)"
    r" ?: ?\S+"
)
# Copyright and syndication notices.
_NOTICE = re.compile(r"(?:©|\(c\) |Copyright )|.*\b(?:All rights reserved|may not be (?:published|reproduced|redistributed))")
#: A copyright notice has at most this many words.
MAX_NOTICE_WORDS = 16
# Interface text: an instruction to click, share, subscribe or scroll, or a notice of
# the page itself.  The first word is an imperative or a notice; one of the others names
# a part of the page or of a service.
_INTERFACE_START = re.compile(
    r"(?:Click|Tap|Share|Subscribe|Sign up|Sign in|Log in|Login|Register|Follow us|Follow|Scroll|Skip|Download"
    r"|Get the latest|Get our|Pin it|Tweet|Email|E-mail|Print|Read more|Read next|Read also|Watch|Listen"
    r"|Comments are|Trending|Most read|Advertisement|Continue reading|Sponsored|Newsletter)\b"
)
_INTERFACE_WORDS = re.compile(
    r"\b(?:newsletter|inbox|window|app|comment|comments|account|notifications|cookies|button|link|page|site"
    r"|content|access|updates|alerts|feed|e-?mail|podcast|channel|story|article|Telegram|WhatsApp|Facebook"
    r"|Twitter|Instagram|YouTube|LinkedIn|Pinterest|closed|here|video|live)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?[ \t]+")
#: An interface line has at most this many words.
MAX_INTERFACE_WORDS = 10


def _segments(line: str) -> Iterator[tuple[int, str]]:
    """The whole line, and the text after its last sentence end (residue glued on)."""
    yield 0, line
    ends = list(_SENTENCE_END.finditer(line))
    if ends:
        start = ends[-1].end()
        yield start, line[start:]


def _interface(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_INTERFACE_WORDS or not _INTERFACE_START.match(text):
        return False
    return len(words) <= 2 or _INTERFACE_WORDS.search(text, len(words[0])) is not None


@register
class PageFurniture(DocumentRule):
    """Finds captions, credits, copyright notices and interface text left in an article:
    ``Photo: ČTK``, ``(Photo: EPA-EFE)``, ``© 2022 iStock. All rights reserved.``,
    ``Subscribe to our daily newsletter``, ``Click to share on WhatsApp (Opens in new
    window)``, ``Comments are closed.``.

    Why: a scraper that keeps the page around an article brings its captions, credits and
    buttons along; in a corpus or a reprint they read as text.

    Example: a paragraph ending ``... the talks resumed. Photo: EPA-EFE``.

    W101 knows exact furniture lines from a list; this rule knows their shapes: a
    caption's or credit's label with a short value, a copyright notice, or a short line
    (at most ten words) that starts with an instruction or notice of the page ("Click",
    "Share", "Subscribe", "Comments are") and names a part of the page or a service.
    Each is found on a line of its own, or glued after a line's last sentence.
    """

    code = "W105"
    name = "page-furniture"

    def check(self, doc: Document) -> Iterator[Finding]:
        for line_start, line in doc.lines():
            if not line.strip():
                continue
            for offset, segment in _segments(line):
                found = self._in_segment(segment)
                if found is not None:
                    start, end, what = found
                    text = segment[start:end].strip()
                    at = line_start + offset + start + (len(segment[start:end]) - len(segment[start:end].lstrip()))
                    yield self.finding(doc, at, at + len(text), f"'{text}' is {what} left by a scraper, not article text")
                    break

    @staticmethod
    def _in_segment(segment: str) -> tuple[int, int, str] | None:
        stripped = segment.strip()
        if not stripped:
            return None
        lead = len(segment) - len(segment.lstrip())
        if _LABELLED.match(stripped):
            return lead, lead + len(stripped), "a caption or credit"
        m = _LABEL_GLUED.match(stripped)
        if m:
            return lead, lead + m.end(), "the start of a caption or credit"
        if _NOTICE.match(stripped) and len(stripped.split()) <= MAX_NOTICE_WORDS:
            return lead, lead + len(stripped), "a copyright notice"
        if _interface(stripped):
            return lead, lead + len(stripped), "interface text of the web page"
        return None

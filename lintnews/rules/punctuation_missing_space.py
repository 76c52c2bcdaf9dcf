"""P104 missing-space-after-punctuation and P105 line-broken-mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register

# Two words joined by a comma, or a sentence's full stop glued to the next sentence:
# "well,and", "said.The".  Not in numbers (1,000; 2.5), addresses (example.com,
# a@b.org), initials and abbreviations (U.S., e.g.); "!" and "?" belong to names too
# ("Yahoo!News"), and are left alone.
_GLUED = re.compile(
    r"(?<![\w.@/:\-])(?:(?P<left>[a-z]{2,}|[A-Z][a-z]+)(?P<mark>,)(?P<right>[a-z]{2,}|[A-Z][a-z]+)"
    r"|(?P<left2>[a-z]{2,})(?P<stop>\.)(?P<right2>[A-Z][a-z]+))(?![\w.@/\-])"
)
_ADDRESS_ENDINGS = frozenset("com org net gov edu info io co uk de fr ru cn jp html htm php asp pdf jpg png txt".split())


@register
class MissingSpaceAfterPunctuation(DocumentRule):
    """Finds a comma or a sentence end with no space after it: ``Moreover,the``,
    ``said.The``.

    Why: a scraper that drops markup between two elements, or a machine translation that
    re-joins segments, leaves two words stuck to one mark; spell checkers and search see
    one non-word.

    Example: ``The talks went well,and the ministers left.`` -> ``well, and``.

    Numbers (``1,000``, ``2.5``), web and e-mail addresses and file names
    (``example.com``), and abbreviations written with full stops (``U.S.``, ``e.g.``) are
    left alone.
    """

    code = "P104"
    name = "missing-space-after-punctuation"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        for m in _GLUED.finditer(view):
            comma = m.group("mark") is not None
            left, mark, right = (m.group("left"), ",", m.group("right")) if comma else (m.group("left2"), ".", m.group("right2"))
            if right.lower() in _ADDRESS_ENDINGS:
                continue  # an address ("example.Com") or a file name
            at = m.end("mark" if comma else "stop")
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"no space after '{mark}' in '{m.group()}'",
                suggestion=f"{left}{mark} {right}",
                fix=Fix(at, at, " ", safe=True),
            )


# A line that ends in a word and a next line that starts with a lower-case word.
_BROKEN = re.compile(r"(?P<end>[a-z]{2,})[ \t]*\n(?P<start>[a-z]{2,})\b")
#: A document with two or more sentences running over two lines, more than this share
#: of its lines, is wrapped on purpose (hard-wrapped prose, chat lines) and left alone.
MAX_OPEN_LINE_SHARE = 0.1


@register
class LineBrokenMidSentence(DocumentRule):
    """Finds a paragraph broken in the middle of a sentence: a line that ends without
    punctuation and a next line that continues in lower case (``... they have been`` /
    ``looking for ...``).

    Why: a scraper that keeps a page's layout breaks, or a translation that re-segments
    a sentence, splits one sentence over two paragraphs.

    Example: ``The ministers have been`` + new line + ``looking for a compromise.`` ->
    one line.

    Documents wrapped on purpose (many lines that end mid-sentence, as in hard-wrapped
    text) are left alone.
    """

    code = "P105"
    name = "line-broken-mid-sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        if "\n" not in view.rstrip("\n"):
            return
        breaks = list(_BROKEN.finditer(view))
        lines = sum(1 for line in view.split("\n") if line.strip())
        if len(breaks) >= 2 and len(breaks) > MAX_OPEN_LINE_SHARE * lines:
            return  # wrapped on purpose
        for m in breaks:
            yield self.finding(
                doc,
                m.start("end"),
                m.end("start"),
                f"the sentence breaks between '{m.group('end')}' and '{m.group('start')}': one sentence over two lines",
                suggestion=f"{m.group('end')} {m.group('start')}",
            )

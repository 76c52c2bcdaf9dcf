"""W102 run-together-tags."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.dictionary import is_known_word
from lintnews.core.rule import DocumentRule, register

_CAMEL = re.compile(r"(?<![\w@#/.])(?:[A-Z][a-z]{2,}){3,}(?![\w/.])")
# Three capitalised words glued together, in Document.shape (where every capital is "A"):
# the second and third capitals each come straight after a lower-case letter.  Starting
# with a literal, the scan jumps from one capital to the next; a document without a match
# has no run-together tags and skips the line-by-line scan.
_HINT = re.compile(rb"A(?<=[a-z]A)[a-z]{2,}+A[a-z]{2}")
_SEGMENT = re.compile(r"[A-Z][a-z]+")
# Tags and breadcrumbs stand on a short line of their own; in running text a camel-case
# word is a brand ("CoinMarketCap").
_TAG_LINE_WORDS = 6
# Tags glued onto the text at a line's edge: before its first word ("CrimeEconomyIt was
# ...") or after its last sentence ("... record level.PoliticsBusinessSociety").
_GLUED_START = re.compile(r"^(?P<tags>(?:[A-Z][a-z]{2,}){2,})(?P<first>[A-Z][a-z]{0,7})(?=[ ,;:’'])", re.MULTILINE)
_GLUED_END = re.compile(r"(?<=[.!?\"”])(?P<tags>(?:[A-Z][a-z]{2,}){2,})[ \t]*$", re.MULTILINE)


@register
class RunTogetherTags(DocumentRule):
    """Finds category tags run together without spaces: ``PacificPeacePolitics``.

    Why: a scraper that takes a page's tag list or breadcrumbs joins the link texts
    without separators; the result is a non-word no reader should see.

    Example: ``Asia PacificPeacePolitics`` (tags "Pacific", "Peace", "Politics").

    Reported: three or more capitalised English words glued together on a short line of
    their own, and two or more glued onto the text at a line's edge, before its first
    word (``CrimeEconomyIt was``) or after its last sentence (``... level.PoliticsWorld``).
    Brand names glue two (``WhatsApp``, ``BlackRock``), and a brand in running text is a
    brand (``CoinMarketCap``).
    """

    code = "W102"
    name = "run-together-tags"

    def check(self, doc: Document) -> Iterator[Finding]:
        if _HINT.search(doc.shape):
            yield from self._check_lines(doc, doc.lines())
        yield from self._glued(doc)

    def _glued(self, doc: Document) -> Iterator[Finding]:
        for m in [*_GLUED_START.finditer(doc.view), *_GLUED_END.finditer(doc.view)]:
            parts = _SEGMENT.findall(m.group("tags"))
            first = m.groupdict().get("first")
            if not all(is_known_word(p) for p in parts) or (first is not None and not is_known_word(first)):
                continue
            yield self.finding(
                doc,
                m.start("tags"),
                m.end("tags"),
                f"category tags glued to the text: '{m.group('tags')}' ({', '.join(parts)})",
                suggestion=" ".join(parts),
            )

    def _check_lines(self, doc: Document, lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
        for line_start, line in lines:
            if len(line.split()) <= _TAG_LINE_WORDS:
                yield from self._check_line(doc, line_start, line)

    def _check_line(self, doc: Document, line_start: int, line: str) -> Iterator[Finding]:
        for m in _CAMEL.finditer(line):
            parts = _SEGMENT.findall(m.group(0))
            if all(is_known_word(p) for p in parts):
                yield self.finding(
                    doc,
                    line_start + m.start(),
                    line_start + m.end(),
                    f"category tags run together: '{m.group(0)}' ({', '.join(parts)})",
                    suggestion=" ".join(parts),
                )

"""W102 run-together-tags."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.dictionary import is_known_word
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

CAMEL = Pattern("camel", r"(?<![\w@#/.])(?:[A-Z][a-z]{2,}){3,}(?![\w/.])", within_lines=True)
_SEGMENT = re.compile(r"[A-Z][a-z]+")
# Tags and breadcrumbs stand on a short line of their own; in running text a camel-case
# word is a brand ("CoinMarketCap").
_TAG_LINE_WORDS = 6
# Tags glued onto the text at a line's edge: before its first word ("CrimeEconomyIt was
# ...") or after its last sentence ("... record level.PoliticsBusinessSociety").
GLUED_START = Pattern(
    "glued_tags_start",
    r"^(?P<tags>(?:[A-Z][a-z]{2,}|U[SKN]|EU){2,})(?:(?P<first>[A-Z][a-z]{0,14})(?=[ ,;:’'])|(?=[“\"‘(])|(?P<loose>(?=\d)| (?=[A-Z])))",
    re.MULTILINE,
    within_lines=True,
)
GLUED_END = Pattern(
    "glued_tags_end",
    r"(?<=[.!?\"”’)…])[ \t]?(?P<tags>(?:[A-Z][a-z]{2,}|U[SKN]|EU){2,}(?:[A-Z]{2,4})?)[ \t]*$",
    re.MULTILINE,
    within_lines=True,
)
# Names of a news site's sections that the dictionary does not know.
_SECTION_NAMES = frozenset(
    "Tech Defence Covid Coronavirus Brexit Crypto Cryptocurrency Motorsport Esports Podcasts Kyiv Showbiz Opinion"
    " Biz Sci Entertainment Lifestyle Multimedia Infographics Longreads Op-ed Explainers Fintech Startups".split()
)
_SEGMENT_OR_ACRONYM = re.compile(r"[A-Z][a-z]+|U[SKN]|EU|[A-Z]{2,4}$")


def _tag_word(part: str) -> bool:
    # an acronym ends a run of tags: "SportFootballNHL"
    return is_known_word(part) or part in _SECTION_NAMES or (part.isupper() and len(part) >= 2)


@register
class RunTogetherTags(DocumentRule):
    """Finds category tags run together without spaces: ``PacificPeacePolitics``.

    Why: a scraper that takes a page's tag list or breadcrumbs joins the link texts
    without separators; the result is a non-word no reader should see.

    Example: ``Asia PacificPeacePolitics`` (tags "Pacific", "Peace", "Politics").

    Reported: three or more capitalised English words glued together on a short line of
    their own, and two or more glued onto the text at a line's edge, before its first
    word (``CrimeEconomyIt was``; three or more before a space or a digit: ``WorldScienceSpace
    NASA said``, ``WorldWeatherClimate2022 was``)
    or after its last sentence (``... level.PoliticsWorld``, ``... level. SportFootballNHL``).
    Brand names glue two (``WhatsApp``, ``BlackRock``), and a brand in running text is a
    brand (``CoinMarketCap``).
    """

    code = "W102"
    name = "run-together-tags"

    needs = (CAMEL, GLUED_START, GLUED_END)

    def check(self, doc: Document, camel: list, glued_tags_start: list, glued_tags_end: list) -> Iterator[Finding]:
        yield from self._run_together(doc, camel)
        for m in [*glued_tags_start, *glued_tags_end]:
            parts = _SEGMENT_OR_ACRONYM.findall(m.group("tags"))
            first = m.groupdict().get("first")
            if sum(len(p) > 2 for p in parts) < 2:
                continue
            if m.groupdict().get("loose") is not None and len(parts) < 3:
                continue  # a brand before a space or a digit: "YouTube The", "PlayStation5"
            if not all(_tag_word(p) for p in parts) or (first is not None and not is_known_word(first)):
                continue
            yield self.finding(
                doc,
                m.start("tags"),
                m.end("tags"),
                f"category tags glued to the text: '{m.group('tags')}' ({', '.join(parts)})",
                suggestion=" ".join(parts),
            )

    def _run_together(self, doc: Document, camel: list) -> Iterator[Finding]:
        view = doc.view
        for m in camel:
            line_start = view.rfind("\n", 0, m.start()) + 1
            line_end = view.find("\n", m.end())
            if len(view[line_start : len(view) if line_end == -1 else line_end].split()) > _TAG_LINE_WORDS:
                continue
            parts = _SEGMENT.findall(m.group(0))
            if all(is_known_word(p) for p in parts):
                yield self.finding(
                    doc,
                    m.start(),
                    m.end(),
                    f"category tags run together: '{m.group(0)}' ({', '.join(parts)})",
                    suggestion=" ".join(parts),
                )

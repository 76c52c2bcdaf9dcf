"""Title mentions: an office written right before a person's name ("US Secretary of
State Mike Pompeo"), found with the title table ``rules/titles.yaml`` in the name
mentions of a document."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lintnews.analyses.names.mentions import NAMES
from lintnews.core.corpus import Loc
from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document
from lintnews.core.facts import fact_type
from lintnews.core.analysis import Analysis, analysis


@dataclass(frozen=True)
class TitleTable:
    office_of: dict[str, tuple[str, int]]  # rendering -> (portfolio, office index)
    markers: dict[str, str]  # marker -> jurisdiction
    not_used: dict[str, dict[str, str]]  # jurisdiction -> rendering -> real office
    regex: re.Pattern[str]
    renderings: tuple[str, ...]  # every rendering: a title the regex finds ends with one


@functools.lru_cache(maxsize=1)
def title_table() -> TitleTable:
    data = builtin_yaml("titles.yaml")
    office_of = {}
    for portfolio, offices in data["portfolios"].items():
        for i, renderings in enumerate(offices):
            for r in renderings:
                office_of[str(r)] = (portfolio, i)
    markers, not_used = {}, {}
    for jurisdiction, spec in data["jurisdictions"].items():
        for marker in spec["markers"]:
            markers[str(marker)] = jurisdiction
        not_used[jurisdiction] = {str(k): str(v) for k, v in spec.get("not-used", {}).items()}
    titles = "|".join(re.escape(t) for t in sorted(office_of, key=len, reverse=True))
    marks = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    regex = re.compile(rf"(?:(?<![\w.])(?P<marker>{marks})\s+)?(?P<title>{titles})\s*$")
    return TitleTable(office_of, markers, not_used, regex, tuple(office_of))


@fact_type
@dataclass(frozen=True)
class TitleMention:
    person: str  # "Mike Pompeo" or "Pompeo"
    surname: str
    rendering: str  # "Foreign Secretary"
    jurisdiction: str | None  # from a marker right before the title
    loc: Loc  # the title and the name


def collect_titles(doc: Document) -> list[TitleMention]:
    """The titled person mentions of a document (computed once for T101 and T102)."""
    return list(TITLES.of(doc))


def _find_titles(doc: Document) -> tuple[TitleMention, ...]:
    table = title_table()
    found = []
    for m in NAMES.of(doc).mentions:
        # The regex ends with a rendering and spaces: a title that does not end with one
        # (most titles: "", "On", "In the") is not searched.
        if not m.title or not m.title.rstrip().endswith(table.renderings):
            continue
        t = table.regex.search(m.title)
        if not t:
            continue
        # Offsets of the title in the document: it ends right before the name.
        title_len = len(m.title) - t.start("title")
        start = _title_start(doc, m.full.start, t.group("title"), title_len)
        marker = t.group("marker")
        found.append(
            TitleMention(
                person=" ".join(m.words),
                surname=m.surname,
                rendering=t.group("title"),
                jurisdiction=table.markers.get(marker) if marker else None,
                loc=Loc.of(doc, start, m.full.end),
            )
        )
    return tuple(found)


#: The titled person mentions of a document ("Foreign Secretary Mike Pompeo").
TITLES: Analysis[tuple[TitleMention, ...]] = analysis("titles")(_find_titles)


def _title_start(doc: Document, name_start: int, title: str, fallback_len: int) -> int:
    """Where the title begins in the text (titles may span line-internal spaces)."""
    window = doc.view[max(0, name_start - len(title) - 20) : name_start]
    at = window.rfind(title.split()[0])
    if at >= 0:
        return name_start - len(window) + at
    return max(0, name_start - fallback_len - 1)

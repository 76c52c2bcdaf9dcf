"""T101 conflicting-titles and T102 title-not-in-jurisdiction.

Both read the title table ``rules/titles.yaml`` and the person mentions of the name
rules: a title is the office written right before a person's name ("US Secretary of
State Mike Pompeo").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lintnews.corpus import Corpus, Loc
from lintnews.data import builtin_yaml
from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.names.mentions import extract
from lintnews.registry import CorpusRule, register


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


@dataclass(frozen=True)
class TitleMention:
    person: str  # "Mike Pompeo" or "Pompeo"
    surname: str
    rendering: str  # "Foreign Secretary"
    jurisdiction: str | None  # from a marker right before the title
    loc: Loc  # the title and the name


def collect_titles(doc: Document) -> list[TitleMention]:
    """The titled person mentions of a document (computed once for T101 and T102)."""
    cached = doc.__dict__.get("_title_mentions")
    if cached is not None:
        return list(cached)
    table = title_table()
    found = []
    for m in extract(doc).mentions:
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
    doc.__dict__["_title_mentions"] = tuple(found)
    return found


def _title_start(doc: Document, name_start: int, title: str, fallback_len: int) -> int:
    """Where the title begins in the text (titles may span line-internal spaces)."""
    window = doc.view[max(0, name_start - len(title) - 20) : name_start]
    at = window.rfind(title.split()[0])
    if at >= 0:
        return name_start - len(window) + at
    return max(0, name_start - fallback_len - 1)


def _people(mentions: list[TitleMention]) -> dict[str, list[TitleMention]]:
    """Group title mentions by person: a bare surname joins the only full name it has."""
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.person != m.surname:
            full_by_surname[m.surname].add(m.person)
    people: dict[str, list[TitleMention]] = defaultdict(list)
    for m in mentions:
        names = full_by_surname.get(m.surname, set())
        key = next(iter(names)) if m.person == m.surname and len(names) == 1 else m.person
        people[key].append(m)
    return people


def _all(corpus: Corpus, code: str) -> list[TitleMention]:
    facts = corpus.of(code)
    return [m for p in corpus.paths for m in facts.get(p, [])]


def _where(mentions: list[TitleMention]) -> str:
    return ", ".join(m.loc.short() for m in mentions[:3]) + (", ..." if len(mentions) > 3 else "")


@register
class TitleNotInJurisdiction(CorpusRule):
    """Finds a title that does not exist in the person's country: a US "Foreign Secretary".

    Why: machine translation back-translates offices through another language's
    vocabulary: "Secretary of State" becomes "Foreign Secretary" or "Foreign Minister",
    titles the United States does not have.

    Example: ``Foreign Secretary Mike Pompeo`` where other articles write
    ``US Secretary of State Mike Pompeo`` -> ``Secretary of State Mike Pompeo``.

    The country comes from a marker before the title (``US``, ``British``) or from the
    person's other titled mentions in the corpus.  The table of titles and of renderings
    a country does not use is ``rules/titles.yaml``.
    """

    code = "T102"
    name = "title-not-in-jurisdiction"
    severity = "error"

    def collect(self, doc: Document) -> list[TitleMention]:
        return collect_titles(doc)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        table = title_table()
        for person, mentions in sorted(_people(_all(corpus, self.code)).items()):
            known = [m for m in mentions if m.jurisdiction]
            countries = {m.jurisdiction for m in known}
            for m in mentions:
                jurisdiction = m.jurisdiction or (next(iter(countries)) if len(countries) == 1 else None)
                if jurisdiction is None:
                    continue
                real = table.not_used[jurisdiction].get(m.rendering)
                if real is None:
                    continue
                if m.jurisdiction:
                    evidence = f"'{m.rendering}' is not an office in the {jurisdiction}"
                else:
                    shown = [k for k in known if k.jurisdiction == jurisdiction]
                    evidence = (
                        f"'{m.rendering}' is not an office in the {jurisdiction}; {person} is a {jurisdiction} "
                        f"'{shown[0].rendering}' at {_where(shown)}"
                    )
                related = [k.loc.related(f"{jurisdiction} '{k.rendering}'") for k in known[:4]]
                yield self.finding_at(m.loc, f"{evidence}; the office is '{real}'", suggestion=real, related=related)


@register
class ConflictingTitles(CorpusRule):
    """Finds one person given two renderings of the same office across the corpus:
    ``Secretary of State Mike Pompeo`` and ``Foreign Secretary Mike Pompeo``.

    Why: a translation that renders an office differently from one article to the next
    tells readers the person holds two jobs.  The majority rendering is taken as right.

    Example: ``Foreign Secretary Mike Pompeo`` (once) against ``Secretary of State Mike
    Pompeo`` (three times).

    Only offices of one portfolio are compared (foreign affairs, defence, finance, ...):
    "Vice President" and "President" of one person are a career, not a conflict.
    """

    code = "T101"
    name = "conflicting-titles"

    def collect(self, doc: Document) -> list[TitleMention]:
        return collect_titles(doc)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        table = title_table()
        for person, mentions in sorted(_people(_all(corpus, self.code)).items()):
            by_portfolio: dict[str, list[TitleMention]] = defaultdict(list)
            for m in mentions:
                by_portfolio[table.office_of[m.rendering][0]].append(m)
            for portfolio, ms in sorted(by_portfolio.items()):
                offices = Counter(table.office_of[m.rendering][1] for m in ms)
                if len(offices) < 2:
                    continue
                ranked = offices.most_common()
                top_count = ranked[0][1]
                majority = {o for o, c in ranked if c == top_count}
                for m in ms:
                    office = table.office_of[m.rendering][1]
                    others = [o for o in ms if table.office_of[o.rendering][1] != office]
                    if office in majority and len(majority) == 1:
                        continue
                    counterpart = max(others, key=lambda o: offices[table.office_of[o.rendering][1]])
                    message = (
                        f"{person} is '{m.rendering}' here but '{counterpart.rendering}' at {_where(others)}: "
                        "one office rendered two ways"
                    )
                    suggestion = counterpart.rendering if len(majority) == 1 else None
                    related = [o.loc.related(f"'{o.rendering}'") for o in others[:4]]
                    yield self.finding_at(m.loc, message, suggestion=suggestion, related=related)

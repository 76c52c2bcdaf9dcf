"""T101 conflicting-titles and T102 title-not-in-jurisdiction.

Both read the title table ``rules/titles.yaml`` and the person mentions of the name
rules: a title is the office written right before a person's name ("US Secretary of
State Mike Pompeo").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lintnews.core.corpus import Corpus, Loc
from lintnews.core.document import Document
from lintnews.core.finding import Finding, Group, Related, Variant
from lintnews.analyses.titles import TITLES, TitleMention, title_table
from lintnews.core.rule import CorpusRule, register


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


class _BySurname(CorpusRule):
    """T101 and T102 group a person's titled mentions by surname (a bare surname joins
    the only full name it has), so their findings depend only on the mentions of the same
    surnames: the key of a title mention."""

    def slices(self, facts: list[TitleMention]) -> list[tuple[str | None, Any]]:
        by_surname: dict[str, list[tuple[int, TitleMention]]] = defaultdict(list)
        for i, m in enumerate(facts):
            by_surname[m.surname].append((i, m))
        return [(surname, tuple(ms)) for surname, ms in by_surname.items()]

    def join(self, slices: list[Any]) -> list[TitleMention]:
        return [m for _, m in sorted((pair for part in slices for pair in part), key=lambda pair: pair[0])]


def _where(mentions: list[TitleMention], label: Callable[[Loc], str]) -> str:
    return ", ".join(label(m.loc) for m in mentions[:3]) + (", ..." if len(mentions) > 3 else "")


def _group(person: str, canonical: str | None, mentions: list[TitleMention]) -> Group:
    """The person's titles among ``mentions``, one variant per rendering, each with its
    places (the title and the name): the canonical rendering first, then the others."""
    places: dict[str, dict[tuple[str, int, int], TitleMention]] = defaultdict(dict)
    for m in mentions:
        places[m.rendering][(m.loc.path, m.loc.start, m.loc.end)] = m
    variants = [Variant(rendering, tuple(at[k].loc for k in sorted(at))) for rendering, at in places.items()]
    variants.sort(key=lambda v: (v.text != canonical, v.text))
    return Group(person, canonical, tuple(variants))


@register
class TitleNotInJurisdiction(_BySurname):
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

    needs = (TITLES,)

    def collect(self, doc: Document, titles: tuple[TitleMention, ...]) -> list[TitleMention]:
        return list(titles)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        for person, known, wrong in _wrong_titles(_all(corpus, self.code), corpus.label):
            # One group per office a country has: the titles given instead of it, and the
            # person's titles that name the country (the evidence).
            groups = {
                key: _group(person, key[1], [w.mention for w in wrong if (w.jurisdiction, w.real) == key] + known)
                for key in dict.fromkeys((w.jurisdiction, w.real) for w in wrong)
            }
            for w in wrong:
                group = groups[(w.jurisdiction, w.real)]
                yield self.finding_at(w.mention.loc, w.message, suggestion=w.real, related=w.related, group=group)


@dataclass(frozen=True)
class WrongTitle:
    """A title that is no office in the person's country, and what to say of it."""

    mention: TitleMention
    jurisdiction: str
    real: str  # the office the country has
    message: str
    related: list[Related]


def _wrong_titles(titles: list[TitleMention], label: Callable[[Loc], str] = Loc.short) -> Iterator[tuple[str, list[TitleMention], list[WrongTitle]]]:
    """Per person: the titles that name a country, and the titles that are no office there."""
    table = title_table()
    for person, mentions in sorted(_people(titles).items()):
        known = [m for m in mentions if m.jurisdiction]
        countries = {m.jurisdiction for m in known}
        # The known mentions of each country, listed once (not once per mention: a person
        # mentioned 100,000 times made it quadratic).
        shown_by_country: dict[str, list[TitleMention]] = defaultdict(list)
        for k in known:
            shown_by_country[k.jurisdiction].append(k)  # type: ignore[index]
        wrong: list[WrongTitle] = []
        for m in mentions:
            jurisdiction = m.jurisdiction or (next(iter(countries)) if len(countries) == 1 else None)
            real = table.not_used[jurisdiction].get(m.rendering) if jurisdiction is not None else None
            if real is None:
                continue
            if m.jurisdiction:
                evidence = f"'{m.rendering}' is not an office in the {jurisdiction}"
            else:
                shown = shown_by_country[jurisdiction]
                evidence = (
                    f"'{m.rendering}' is not an office in the {jurisdiction}; {person} is a {jurisdiction} "
                    f"'{shown[0].rendering}' at {_where(shown, label)}"
                )
            related = [k.loc.related(f"{jurisdiction} '{k.rendering}'") for k in known[:4]]
            wrong.append(WrongTitle(m, jurisdiction, real, f"{evidence}; the office is '{real}'", related))
        if wrong:
            yield person, known, wrong


def not_in_jurisdiction(titles: list[TitleMention]) -> Iterator[tuple[TitleMention, str, str, list[Related]]]:
    """T102's findings over a corpus's title mentions: ``(mention, message, the real
    office, related locations)`` (T103 reads it to leave these titles to T102)."""
    for _, _, wrong in _wrong_titles(titles):
        for w in wrong:
            yield w.mention, w.message, w.real, w.related


@register
class ConflictingTitles(_BySurname):
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

    needs = (TITLES,)

    def collect(self, doc: Document, titles: tuple[TitleMention, ...]) -> list[TitleMention]:
        return list(titles)

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
                # The canonical rendering, which each finding suggests: the first of the
                # majority office (every finding's counterpart); none when offices tie.
                canonical = None
                if len(majority) == 1:
                    canonical = next(o.rendering for o in ms if table.office_of[o.rendering][1] in majority)
                group = _group(person, canonical, ms)
                # Per office: the mentions of the other offices (in corpus order) and the
                # first of them whose office is the most frequent; computed once per office,
                # not once per mention (a person mentioned 100,000 times made it quadratic).
                office_of = [table.office_of[m.rendering][1] for m in ms]
                others_of: dict[int, tuple[list[TitleMention], TitleMention]] = {}
                for m, office in zip(ms, office_of):
                    if office in majority and len(majority) == 1:
                        continue
                    if office not in others_of:
                        others = [o for o, o_office in zip(ms, office_of) if o_office != office]
                        # max() keeps the first of equal keys: the first mention of the most
                        # frequent other office.
                        top = max(count for o_office, count in offices.items() if o_office != office)
                        first = next(o for o, o_office in zip(ms, office_of) if o_office != office and offices[o_office] == top)
                        others_of[office] = (others, first)
                    others, counterpart = others_of[office]
                    message = (
                        f"{person} is '{m.rendering}' here but '{counterpart.rendering}' at {_where(others, corpus.label)}: "
                        "one office rendered two ways"
                    )
                    related = [o.loc.related(f"'{o.rendering}'") for o in others[:4]]
                    yield self.finding_at(m.loc, message, suggestion=canonical, related=related, group=group)

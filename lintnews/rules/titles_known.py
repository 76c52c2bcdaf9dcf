"""T103 office-not-held: a title next to a person's name that is not an office the
person held, or that no English usage gives anyone.

The knowledge (who held which office, each country's offices and their renderings) and
the titled mentions of a document are the analysis layer's
(:mod:`lintnews.analyses.offices`); this module only judges them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lintnews.analyses.offices import (
    ADDRESS,
    LITERAL,
    OFFICE,
    OFFICE_TITLES,
    REPORTED,
    Holding,
    Knowledge,
    OfficeMention,
    Person,
    knowledge,
    title_index,
)
from lintnews.core.corpus import Corpus
from lintnews.core.document import Document, in_quote
from lintnews.core.finding import Finding
from lintnews.core.options import FrozenMap, Invalid, Kind, Option, freeze, strings
from lintnews.core.rule import CorpusRule, register
from lintnews.rules.titles import TitleNotInJurisdiction, not_in_jurisdiction

#: offices whose holders "His Majesty", "His Highness" or "His Holiness" are right for
_ROYAL = re.compile(r"\b(king|queen|monarch|emperor|empress|emir|amir|sultan|prince|princess|sheikh|pope|pontiff|"
                    r"crown|ayatollah|patriarch|dalai lama|grand duke|royal|sovereign|ruler)\b", re.I)
#: labels of a lesser office that holds a greater one's title ("Deputy Prime Minister")
_LESSER = ("deputy ", "vice ", "assistant ", "first deputy ", "acting ", "under ", "shadow ", "parliamentary ", "junior ")
#: offices whose holders "His Excellency" is the right style for
_DIPLOMATIC = ("ambassador", "permanent representative", "envoy", "high commissioner", "nuncio")


@dataclass(frozen=True)
class OfficeError:
    start: int  # the title and the name in the text
    end: int
    title: str
    name: str
    message: str
    suggestion: str | None


def office_errors(
    doc: Document, k: Knowledge, mentions: Sequence[OfficeMention] | None = None, memo: dict | None = None
) -> list[OfficeError]:
    """The titles of a document that are not offices their person held (pure: the
    document, the knowledge, and the document's office mentions).  ``memo`` keeps the
    verdicts that depend on the mention alone (a full name, no form of address) between
    documents judged with the same knowledge."""
    if mentions is None:
        mentions = OFFICE_TITLES.of(doc)
    errors = []
    for m in mentions:
        if memo is not None and m.key and not m.kinds & ADDRESS:
            key = (m.written, m.rendering, m.kinds, m.marker, m.qualifier, m.after, m.key, m.name)
            verdict = memo.get(key, False)
            if verdict is False:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                found = _judge_mention(doc, k, m, mentions)
                verdict = memo[key] = None if found is None else (found.message, found.suggestion)
            if verdict is not None:
                errors.append(OfficeError(m.start, m.end, m.written, m.name, *verdict))
            continue
        error = _judge_mention(doc, k, m, mentions)
        if error is not None:
            errors.append(error)
    return errors


_MEMO_SIZE = 50_000


def _judge_mention(doc: Document, k: Knowledge, m: OfficeMention, mentions: Sequence[OfficeMention]) -> OfficeError | None:
    if m.key and m.key in k.ignore:
        return None
    if m.kinds & LITERAL and m.rendering in k.literal:
        lit = k.literal[m.rendering]
        native = f" ({lit.native})" if lit.native else ""
        message = f"'{m.written}' is a word-by-word rendering of an office{native}; in English it is '{lit.office}'"
        return OfficeError(m.start, m.end, m.written, m.name, message, lit.office)
    person = _person(doc, k, m, mentions)
    if person is not None and any(p in k.ignore for p in (m.key, *m.full_keys)):
        return None
    if m.kinds & ADDRESS and m.rendering in k.address:
        return _address(doc, k, m, person, mentions)
    if not m.kinds & OFFICE:
        return None
    if person is not None and (m.marker is None or any(h.country == m.marker for h in person.holdings)):
        if m.qualifier:
            return None  # "former", "deputy", "Party": another office or another time
        return _office(k, m, person)
    if m.marker and m.qualifier in ("", "time"):
        # unknown, or the table knows none of the person's offices in that country: the
        # title is judged against the country's system ("former Georgian Chancellor")
        return _marked(k, m)
    return None


# -- who the name is -------------------------------------------------------------------
def _person(doc: Document, k: Knowledge, m: OfficeMention, mentions: Sequence[OfficeMention]) -> Person | None:
    """The one person the name can be, or None (unknown, or two people of that name)."""
    if m.key:
        return _one(k.people(m.key), m.marker)
    # a surname alone: the full name written before it, else the one holder of a compared
    # office with that surname when the document confirms it
    written = [p for key in m.full_keys for p in k.people(key) if p.surname_key() == m.surname]
    if written:
        return _one(written, m.marker)
    person = _one(k.surname_people(m.surname), m.marker)
    if person is None:
        return None
    countries = {h.country for h in person.holdings if h.family in REPORTED}
    if m.marker in countries:
        return person
    for other in mentions:
        if other is not m and other.surname == m.surname and other.kinds & OFFICE and _title_ok(k, person, other.rendering):
            return person
    if any(k.names_country(doc.view, c) for c in sorted(countries)):
        return person
    return None


def _one(people: Sequence[Person], marker: str | None) -> Person | None:
    by_id = {p.pid: p for p in people}
    if len(by_id) > 1 and marker:
        by_id = {pid: p for pid, p in by_id.items() if any(h.country == marker for h in p.holdings)}
    return next(iter(by_id.values())) if len(by_id) == 1 else None


# -- offices ---------------------------------------------------------------------------
def _title_ok(k: Knowledge, person: Person, rendering: str) -> bool:
    """Whether the title is a rendering of an office the person held."""
    t = rendering
    for h in person.holdings:
        label = _norm(h.label)
        if t in k.accepted(h):
            office = k.offices.get((h.country, h.family))
            if not (office and (t in office.calques or t in office.wrong) and t not in office.accepted):
                return True
        if label.startswith(t + " ") or label == t or label.endswith(" " + t):
            return True
        # one of the offices a label names ("Minister of Justice and Attorney General")
        if f" {t} " in f" {label} " and not label.startswith(_LESSER):
            return True
    # a generic word: "President" of anything the person presided, "Chairman", "Secretary"
    if " " not in t:
        for h in person.holdings:
            words = _norm(h.label).split()
            if t in words and words[0] not in ("vice", "deputy"):
                return True
    return False


def _norm(text: str) -> str:
    return " ".join(text.lower().replace(".", "").replace(",", "").replace("-", " ").split())


def _held(k: Knowledge, person: Person, rendering: str) -> Holding | None:
    """The office to suggest when a title of a compared family is not one the person held."""
    families = k.family_titles.get(rendering, frozenset())
    if not families or _title_ok(k, person, rendering):
        return None
    held = {h.family for h in person.holdings if h.family in REPORTED}
    relevant = families & held
    if not relevant:
        relevant = frozenset(f for fam in families for f in k.groups.get(fam, ())) & held
    if not relevant:
        return None
    return _latest(h for h in person.holdings if h.family in relevant)


def _latest(holdings) -> Holding | None:
    return max(holdings, key=lambda h: (h.start or "0", h.end or "9999"), default=None)


def _top(person: Person) -> Holding | None:
    """The office to name a person by: the latest compared one, else the latest other one."""
    return _latest(h for h in person.holdings if h.family in REPORTED) or _latest(
        h for h in person.holdings if h.family not in ("leg", "jud")
    )


def _years(h: Holding) -> str:
    if h.start and h.end:
        return f" ({h.start}-{h.end})" if h.start != h.end else f" ({h.start})"
    if h.start:
        return f" (from {h.start})"
    return f" (until {h.end})" if h.end else ""


def _was(k: Knowledge, person: Person, h: Holding) -> str:
    verb = "was" if h.end else "has been"
    return f"{person.name} {verb} {k.office_name(h)}{_years(h)}"


def _office(k: Knowledge, m: OfficeMention, person: Person) -> OfficeError | None:
    distinct = k.distinct.get(m.rendering)
    if distinct and not any(h.country in distinct.countries for h in person.holdings):
        h = _distinct_holding(person, distinct)
        if h is not None:
            where = ", ".join(k.country_names.get(c, c) for c in sorted(distinct.countries)[:3])
            message = f"'{m.written}' {m.name}: '{m.written}' is an office of {where}; {_was(k, person, h)}"
            return OfficeError(m.start, m.end, m.written, m.name, message, k.suggestion(h))
    h = _held(k, person, m.rendering)
    if h is None:
        return None
    message = f"'{m.written}' {m.name}: {_was(k, person, h)}"
    return OfficeError(m.start, m.end, m.written, m.name, message, k.suggestion(h))


def _distinct_holding(person: Person, distinct) -> Holding | None:
    if distinct.family:
        h = _latest(h for h in person.holdings if h.family == distinct.family)
        if h is not None:
            return h
    if distinct.office:
        word = distinct.office.lower()
        h = _latest(h for h in person.holdings if word in h.label.lower())
        if h is not None:
            return h
    return _top(person)


def _marked(k: Knowledge, m: OfficeMention) -> OfficeError | None:
    """A country's marker and a title its system does not have, for anyone:
    "Mexican Chancellor", "Indian Taoiseach", "Georgian Chancellor"."""
    country = m.marker
    assert country is not None
    name = k.country_names.get(country, country)
    distinct = k.distinct.get(m.rendering)
    if distinct and country not in distinct.countries and country in k.country_names:
        where = ", ".join(k.country_names.get(c, c) for c in sorted(distinct.countries)[:3])
        message = f"'{m.written}' is an office of {where}, not of {name}"
        return OfficeError(m.start, m.end, m.written, m.name, message, None)
    offices = [(fam, o) for (c, fam), o in k.offices.items() if c == country]
    if any(m.rendering in o.accepted for _fam, o in offices):
        return None
    for _fam, office in offices:
        if not office.proper or not m.written[:1].isupper():
            continue
        if m.rendering in office.calques:
            native = f" ({office.native})" if office.native else ""
            message = f"'{m.written}' is a literal rendering of the {name} office{native}; in English it is '{office.proper}'"
            return OfficeError(m.start, m.end, m.written, m.name, message, office.proper)
        if m.rendering in office.wrong:
            message = f"'{m.written}' is not an office in {name}; the office is '{office.proper}'"
            return OfficeError(m.start, m.end, m.written, m.name, message, office.first or office.proper)
    return None


# -- forms of address ------------------------------------------------------------------
def _address(doc: Document, k: Knowledge, m: OfficeMention, person: Person | None, mentions: Sequence[OfficeMention]) -> OfficeError | None:
    """A form of address where English news gives an office-holder's office."""
    if not m.written[:1].isupper() or m.qualifier in ("rank", "org") or m.after:
        return None
    index = title_index()
    if m.sentence_start and m.rendering in index.kinship:
        return None
    royal = m.rendering in index.royal
    head = f"'{m.written}' {m.name}: a form of address where English names the office"
    if person is not None:
        h = _top(person)
        if h is not None and h.label.lower().startswith(_DIPLOMATIC):
            return None  # "His Excellency" is a diplomat's style
        if royal and any(_ROYAL.search(x.label) for x in person.holdings):
            return None  # "His Majesty" is a monarch's style
        if h is not None:
            return OfficeError(m.start, m.end, m.written, m.name, f"{head}; {_was(k, person, h)}", k.suggestion(h))
    # the same article gives the person an office
    for other in mentions:
        if other is m or other.qualifier or not other.kinds & OFFICE or other.kinds & ADDRESS:
            continue
        same = (m.key and other.key == m.key) or (not m.key and other.surname == m.surname) or (m.key and not other.key and other.surname == m.surname)
        if same:
            if royal and _ROYAL.search(other.written):
                return None
            line = doc.position(other.start).line
            return OfficeError(m.start, m.end, m.written, m.name, f"{head} ('{other.written}' on line {line})", other.written)
    return None


# -- the newsroom's overrides: options of T103 ([tool.lintnews.rules.T103]) ----------------
def _check_people(value: Any) -> tuple:
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, Mapping) and isinstance(p.get("name"), str) for p in value):
        raise Invalid("'{key}' must be a list of tables, each with a name (a string)")
    return freeze(value)


def _check_renderings(value: Any) -> Mapping:
    def titles(rs: Any) -> bool:
        return isinstance(rs, (list, tuple)) and all(isinstance(r, str) for r in rs)

    if not isinstance(value, Mapping) or not all(isinstance(f, Mapping) and all(map(titles, f.values())) for f in value.values()):
        raise Invalid("'{key}' must be a table of country = {family = [titles]}")
    return freeze(value)


PEOPLE = Kind("list of tables", _check_people, join=lambda a, b: (*a, *b), type=tuple)
RENDERINGS = Kind("table of country = {family = [titles]}", _check_renderings, type=Mapping)


# -- the newsroom's overrides: options of T103 ([tool.lintnews.rules.T103]) ----------------
def _check_people(value: Any) -> tuple:
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, Mapping) and isinstance(p.get("name"), str) for p in value):
        raise Invalid("'{key}' must be a list of tables, each with a name (a string)")
    return freeze(value)


def _check_renderings(value: Any) -> Mapping:
    def titles(rs: Any) -> bool:
        return isinstance(rs, (list, tuple)) and all(isinstance(r, str) for r in rs)

    if not isinstance(value, Mapping) or not all(isinstance(f, Mapping) and all(map(titles, f.values())) for f in value.values()):
        raise Invalid("'{key}' must be a table of country = {family = [titles]}")
    return freeze(value)


PEOPLE = Kind("list of tables", _check_people, join=lambda a, b: (*a, *b), type=tuple)
RENDERINGS = Kind("table of country = {family = [titles]}", _check_renderings, type=Mapping)
def _thaw(value: Any) -> Any:
    """Frozen option values as the plain lists and dicts the knowledge takes."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


#: id(settings) -> (the settings, the knowledge under them, its verdicts); a few at most.
_MADE: dict[int, tuple[Any, Knowledge, dict]] = {}


@register
class OfficeNotHeld(CorpusRule):
    """Finds a title next to a person's name that is not an office the person held, or
    that English gives no one: ``Prime Minister Olaf Scholz`` (he was Chancellor),
    ``General Secretary Guterres`` (Secretary-General), ``Taoiseach Narendra Modi``
    (Ireland's office), ``His Excellency Volodymyr Zelenskyy`` (a form of address for the
    President), ``Minister of Enlightenment Sergey Kravtsov`` (the Education Minister).

    Why: machine translation renders an office through another language's vocabulary
    (Bundeskanzler -> "Prime Minister", canciller -> "Chancellor", 秘书长 -> "General
    Secretary", 阁下 -> "His Excellency", министр просвещения -> "Minister of
    Enlightenment") and turns the person into the holder of an office they never held.

    Example: ``Prime Minister Olaf Scholz`` -> ``Chancellor Olaf Scholz``.

    The people and their offices (past and present; about 47,000 people and 84,000
    office-holdings in 46 countries and organisations) come from Wikidata through
    ``lintnews/data/offices.tsv``; each country's offices, their English titles, the
    literal renderings machine translation makes of them, the titles of one country's
    system and forms of address are in ``rules/offices-by-country.yaml``.  Names are
    matched by N101's spelling key; a surname alone counts after the full name, or when
    one holder of an office has it and the article confirms who (a country marker, the
    country named, a title the person held); a name two people share is checked only when
    a country marker leaves one.  "Former", "acting", "deputy" and "vice" titles are
    other offices and are left alone, and so are titles in quotations.  A country's marker
    with a title its system lacks (``Mexican Chancellor``, ``Indian Taoiseach``) and a
    word-by-word rendering that is an office nowhere are reported for anyone; a form of
    address is reported for a person the table knows or the article gives an office.  A
    title that T102 reports (a country's title its system lacks, from ``rules/titles.yaml``)
    is left to T102 when T102 runs.

    Newsroom overrides: ``[tool.lintnews.offices]`` (people, house style, renderings to
    report, names to ignore; see the README's Configuration section).
    """

    code = "T103"
    name = "office-not-held"
    severity = "warning"
    reads_quotes = False

    needs = (OFFICE_TITLES,)

    options = (
        Option("people", PEOPLE, (), "People the table lacks or has wrong: tables of name, country, office, family (optional), start, end; a name given here replaces the table's people of that name."),
        Option("house-style", RENDERINGS, FrozenMap({}), 'Renderings the newsroom uses for an office, never reported: {CN = {head-of-government = ["Prime Minister"]}}.'),
        Option("report", RENDERINGS, FrozenMap({}), "Renderings the newsroom rejects for an office, reported (same shape as house-style)."),
        Option("ignore", strings(), (), "Names of people never reported."),
    )

    def _knowledge(self) -> tuple[Knowledge, dict]:
        """The knowledge under this rule's settings and its verdicts (made once per settings)."""
        s = self.settings
        made = _MADE.get(id(s))
        if made is None or made[0] is not s:
            overrides = _thaw({"people": s.people, "house-style": s.house_style, "report": s.report, "ignore": s.ignore})
            k = knowledge()
            if len(_MADE) >= 8:
                _MADE.clear()
            made = _MADE[id(s)] = (s, k.with_overrides(overrides) if any(overrides.values()) else k, {})
        return made[1], made[2]

    def collect(self, doc: Document, office_titles: tuple[OfficeMention, ...]) -> list[Finding]:
        if not office_titles:
            return []  # the knowledge is not even loaded
        found = []
        k, memo = self._knowledge()
        for e in office_errors(doc, k, office_titles, memo):
            if not in_quote(doc, e.start):
                found.append(self.finding(doc, e.start, e.end, e.message, suggestion=e.suggestion))
        return found

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        # One finding per problem: a title T102 reports (it runs when its facts are here)
        # is left to T102; both end where the name ends.
        facts = corpus.of(self.code)
        if not any(facts.values()):
            return
        t102 = corpus.of(TitleNotInJurisdiction.code)
        left = {(m.loc.path, m.loc.end) for m, *_ in not_in_jurisdiction([t for p in corpus.paths for t in t102.get(p, [])])} if t102 else set()
        for path in corpus.paths:
            for f in facts.get(path, []):
                if (path, f.end) not in left:
                    yield f


__all__ = ["OfficeError", "OfficeNotHeld", "office_errors"]

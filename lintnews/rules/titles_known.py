"""T103 office-not-held: a title next to a person's name that is not an office the
person held, or that no English usage gives anyone.

The knowledge (who held which office, each country's offices and their renderings) and
the titled mentions of a document are the analysis layer's
(:mod:`lintnews.analyses.offices`); this module only judges them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lintnews.analyses.offices import (
    ADDRESS,
    GENERIC,
    LITERAL,
    OFFICE,
    OFFICE_TITLES,
    REPORTED,
    STRUCT,
    TOP as TOP_FAMILIES,
    WORDS,
    Holding,
    CONNECTORS,
    Knowledge,
    OfficeMention,
    Person,
    knowledge,
    name_key,
    norm_title,
    stem,
    title_index,
    title_structure,
)
from lintnews.analyses.dictionary import is_common_word
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
#: the United Kingdom, the Commonwealth realms and Ireland: knighthoods and peerages are theirs
_REALMS = frozenset("GB UK AU NZ CA IE JM BS BZ AG KN LC VC GD PG SB TV IN PK ZA NG KE GH MY SG LK BD MT CY".split())
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
    documents judged with the same knowledge: those of a name the table gives one person
    (an unknown name's or namesakes' depend on the countries the document names)."""
    if mentions is None:
        mentions = OFFICE_TITLES.of(doc)
    errors = []
    for m in mentions:
        if memo is not None and m.key and not m.kinds & ADDRESS and _one_person(k, m.key):
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
    errors.extend(_conflicts(doc, k, mentions, {(e.start, e.end) for e in errors}))
    return errors


def _one_person(k: Knowledge, key: str) -> bool:
    people = k.people(key)
    return bool(people) and all(p.pid == people[0].pid for p in people)


#: heads of a country's top offices, of which a person holds one at a time; "premier"
#: and "prime minister" are one office
_STATE_HEADS = {"prime minister": "prime minister", "premier": "prime minister", "chancellor": "chancellor",
                "president": "president", "taoiseach": "taoiseach", "governor": "governor", "mayor": "mayor",
                "prefect": "prefect", "voivode": "voivode", "king": "king", "queen": "king", "emperor": "emperor",
                "first minister": "first minister", "chief minister": "chief minister",
                "minister president": "minister president", "governor general": "governor general",
                "secretary of state": "secretary of state", "foreign secretary": "foreign secretary",
                "home secretary": "home secretary", "secretary general": "secretary general"}


def _state_head(m: OfficeMention) -> str:
    head, _mods = title_structure(m.rendering.split(" of ")[0] if " of " in m.rendering else m.rendering)
    if head not in _STATE_HEADS:
        head, _mods = title_structure(m.rendering)
    return _STATE_HEADS.get(_head(head), "")


def _conflicts(doc: Document, k: Knowledge, mentions: Sequence[OfficeMention], reported: set[tuple[int, int]]) -> list[OfficeError]:
    """A person the table does not know, given one top office in an article that calls
    them by another at least twice ("Prime Minister Fan Mingzheng" twice, then
    "Chancellor Fan Mingzheng"): the odd title is another system's office."""
    groups: dict[str, list[tuple[OfficeMention, str]]] = {}
    for m in mentions:
        if m.after or m.qualifier or m.marker or not m.written[:1].isupper() or not m.kinds & (OFFICE | STRUCT):
            continue
        head = _state_head(m)
        if not head:
            continue
        who = m.key or (m.full_keys[0] if len(m.full_keys) == 1 else "")
        if who:
            groups.setdefault(who, []).append((m, head))
    found = []
    for who, titled in groups.items():
        heads: dict[str, list[OfficeMention]] = {}
        for m, head in titled:
            heads.setdefault(head, []).append(m)
        if len(heads) != 2:
            continue
        (major, ms), (minor, odd) = sorted(heads.items(), key=lambda kv: -len(kv[1]))
        if len(ms) == 1 and len(odd) == 1:
            # one against one: the title of one country's system is the odd one ("Voivode"
            # against "Governor"), when only one of them is
            a, b = ms[0].rendering in k.distinct, odd[0].rendering in k.distinct
            if a == b:
                continue
            if a:
                ms, odd = odd, ms
        elif len(ms) < 2 or len(odd) != 1:
            continue
        if (odd[0].start, odd[0].end) in reported:
            continue
        if k.people(who) or who in k.ignore:
            continue  # the table knows this name: T103 judged the titles against it
        m = odd[0]
        lines = ", ".join(str(doc.position(x.start).line) for x in ms[:3])
        message = f"'{m.written}' {m.name}: the same article calls {m.name} '{ms[0].written}' (lines {lines}), another country's office"
        found.append(OfficeError(m.start, m.end, m.written, m.name, message, ms[0].written))
    return found


_MEMO_SIZE = 50_000


def _judge_mention(doc: Document, k: Knowledge, m: OfficeMention, mentions: Sequence[OfficeMention]) -> OfficeError | None:
    if m.key and m.key in k.ignore:
        return None
    if m.kinds & LITERAL and m.rendering in k.literal:
        lit = k.literal[m.rendering]
        native = f" ({lit.native})" if lit.native else ""
        message = f"'{m.written}' is a word-by-word rendering of an office{native}; in English it is '{lit.office}'"
        return OfficeError(m.start, m.end, m.written, m.name, message, lit.office)
    people = _candidates(doc, k, m, mentions)
    person = people[0] if len(people) == 1 else None
    if people and any(p in k.ignore for p in (m.key, *m.full_keys)):
        return None
    if person is None and len(people) > 1:
        # namesakes: a form of address is judged for the one who held a compared office
        # when the others held none (the others are no office-holders English news titles)
        notable = [p for p in people if _notable(p)]
        if m.kinds & (WORDS | ADDRESS) and len(notable) == 1:
            person = notable[0]
    if m.kinds & WORDS:
        return _words_before(k, m, person)
    if m.kinds & ADDRESS and m.rendering in k.address:
        return _address(doc, k, m, person, mentions)
    if not m.kinds & (OFFICE | STRUCT):
        return None
    if person is not None and (m.marker is None or any(h.country == m.marker for h in person.holdings)):
        if m.qualifier and (m.qualifier != "time" or not m.written[:1].isupper()):
            return None  # "deputy", "Party": another office; "her former foreign minister": a description
        # "former": past offices are in the table too (a former office never held is wrong)
        return _office(k, m, person)
    if len(people) > 1 and not m.qualifier:
        # (a former office may predate the table, which starts in 2000: left alone)
        found = _namesakes(k, m, people)
        if found is not None:
            return found
    if m.marker and m.qualifier in ("", "time"):
        # unknown, or the table knows none of the person's offices in that country: the
        # title is judged against the country's system ("former Georgian Chancellor")
        found = _marked(k, m)
        if found is not None:
            return found
    if person is None and not m.qualifier:
        return _no_english_office(k, m) or _distinct_elsewhere(doc, k, m) or _one_country(doc, k, m)
    return None


_WRITTEN: dict[int, dict[str, re.Pattern[str]]] = {}


def _named_countries(view: str, k: Knowledge) -> set[str]:
    """The countries a text names by a marker as written, case and all ("US", not "us";
    "UN", not "Un"), or by the place of a possessive marker ("Dublin" for "Dublin's")."""
    got = _WRITTEN.get(id(k.table))
    if got is None:
        from lintnews.analyses.offices import _data

        got = {}
        for country, spec in _data()["countries"].items():
            words = {str(w) for w in spec.get("markers", [])}
            words |= {w[:-2] if w.endswith(("'s", "’s")) else w[:-1] for w in list(words) if w.endswith(("'s", "’s", "'"))}
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
            if alternatives:
                got[country] = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")
        _WRITTEN[id(k.table)] = got
    last = _LAST_NAMED.get(id(k.table))
    if last is not None and last[0] is view:
        return last[1]
    named = {c for c, rx in got.items() if rx.search(view)}
    _LAST_NAMED[id(k.table)] = (view, named)  # the document's other titles ask again
    return named


_LAST_NAMED: dict[int, tuple[str, set[str]]] = {}


#: organisations in the country data: an article that names one is about no country's system
_ORGANISATIONS = frozenset({"UN", "EU", "NATO", "VA"})


#: a university's or a school's officer: "Chancellor" is their title as well as a state's
_ACADEMIC = re.compile(r"(?i)\b(?:universit|college|campus|tuition|student|school|academ|facult|professor)")
#: titles organisations give too that a state's system is still judged by: "Chancellor"
#: (canciller, the Latin American foreign minister, rendered as a cognate) unless the
#: article is about a university
_JUDGED_GENERIC = frozenset({"chancellor"})
#: more countries than this named: an article about the world, whose people come from anywhere
_MOST_NAMED = 4


def _one_country(doc: Document, k: Knowledge, m: OfficeMention) -> OfficeError | None:
    """A title before a full name the table does not know, in an article that names one
    country, or a few, and no organisation's officer: judged against each country's system
    as if its marker stood before the title, and reported when every one of them lacks it
    ("Chancellor Ivan Petrenko" in an article about Ukraine, "Foreign Secretary Li Wenhao"
    in one about China and Russia).  A country the data lists no offices of accepts any
    title but its own-system ones.  Titles that organisations give too ("President" of a
    club) are left alone, and "Chancellor" in an article about a university."""
    if m.after or m.marker or not m.key or not m.written[:1].isupper() or k.people(m.key):
        return None
    if not m.kinds & (OFFICE | STRUCT):
        return None
    if m.rendering in GENERIC and (m.rendering not in _JUDGED_GENERIC or _ACADEMIC.search(doc.view)):
        return None
    named = _named_countries(doc.view, k) - _ORGANISATIONS
    if not named or len(named) > _MOST_NAMED:
        return None
    found = []
    for country in sorted(named):
        e = _marked(k, m._replace(marker=country)) or _not_in_system(k, m, country)
        if e is None:
            return None
        found.append(e)
    names = [k.country_names.get(c, c) for c in sorted(named)]
    if len(found) == 1:
        return replace(found[0], message=f"{found[0].message} (the article names {names[0]} and no other country)")
    suggestions = {e.suggestion for e in found}
    where = ", ".join(names[:-1]) + " or " + names[-1]
    message = f"'{m.written}' {m.name}: not an office in {where}, the countries the article names"
    return OfficeError(m.start, m.end, m.written, m.name, message, found[0].suggestion if len(suggestions) == 1 else None)


@functools.lru_cache(maxsize=1)
def _family_titles() -> frozenset[str]:
    """The titles of the families of the country data (how English names an office of the
    family), without the renderings the countries' lists add."""
    from lintnews.analyses.offices import _data

    return frozenset(norm_title(t) for spec in _data()["families"].values() for t in spec.get("titles", []))


def _not_in_system(k: Knowledge, m: OfficeMention, country: str) -> OfficeError | None:
    """A title of a compared family ("Federal Chancellor", head of government) that the
    country's office of that family does not accept, when the data describes that office
    (its accepted renderings, and the family's unless the country rejects them) and no
    office of the country accepts the title: another system's title."""
    if m.rendering not in _family_titles():
        return None  # a title only some country's lists name ("Council President"): English elsewhere
    families = k.family_titles.get(m.rendering, frozenset()) & REPORTED
    if not families or not m.kinds & OFFICE:
        return None
    mine = {fam: o for (c, fam), o in k.offices.items() if c == country}
    described = [fam for fam in families if fam in mine and mine[fam].proper]
    if not described:
        return None
    for fam, o in mine.items():
        if m.rendering in o.accepted or (m.rendering in k.family_accepted.get(fam, frozenset()) and m.rendering not in o.wrong | o.calques):
            return None
    for fam in families - mine.keys():
        if m.rendering in k.family_accepted.get(fam, frozenset()):
            return None
    office = mine[sorted(described)[0]]
    name = k.country_names.get(country, country)
    message = f"'{m.written}' is not an office in {name}; the office is '{office.proper}'"
    return OfficeError(m.start, m.end, m.written, m.name, message, office.first or office.proper)


def _distinct_elsewhere(doc: Document, k: Knowledge, m: OfficeMention) -> OfficeError | None:
    """A title of one country's system ("Voivode", "Prefect", "Taoiseach") before a full
    name the table does not know, in an article that names countries but none of those
    whose system has it: another system's office put on the person."""
    distinct = k.distinct.get(m.rendering)
    if distinct is None or m.after or m.marker or not m.key or not m.written[:1].isupper() or k.people(m.key):
        return None
    named = _named_countries(doc.view, k)
    if not named or named & distinct.countries:
        return None
    where = ", ".join(k.country_names.get(c, c) for c in sorted(distinct.countries)[:3])
    names = ", ".join(k.country_names.get(c, c) for c in sorted(named)[:3])
    message = f"'{m.written}' {m.name}: '{m.written}' is an office of {where}; the article names {names}, none of them"
    return OfficeError(m.start, m.end, m.written, m.name, message, None)


def _no_english_office(k: Knowledge, m: OfficeMention) -> OfficeError | None:
    """A title whose modifiers hold a word no English office title has ("Upper Mayor",
    "Minister of Enlightenment", "Total Manager Minister"): a word-by-word rendering,
    whoever the person is.  English office titles are the table's office labels and the
    renderings the country data accepts."""
    if m.after or not m.written[:1].isupper() or not m.kinds & (OFFICE | STRUCT):
        return None
    head, _mods = title_structure(m.rendering)
    if not head:
        return None
    if head in _ORGANISATION_HEADS and _OF_A_NAME.search(m.written):
        return None  # "Chairman of Australian Wool Innovation": an organisation's, no public office
    vocabulary = _office_words(k)
    head_words = set(head.split())
    odd = [w for w in m.rendering.split() if w not in head_words and w not in CONNECTORS and w not in vocabulary
           and _singular(w) not in vocabulary and is_common_word(w)]
    if not odd:
        return None
    words = ", ".join(f"'{w}'" for w in odd)
    message = (f"'{m.written}' {m.name}: no English office title has {words}; "
               f"a word-by-word rendering of an office (in English: '{head.title()}' and its portfolio)")
    return OfficeError(m.start, m.end, m.written, m.name, message, None)


#: Heads an organisation's officer has as well as a state's: before "of" and a name
#: written with capitals, the title is the organisation's.
_ORGANISATION_HEADS = frozenset(
    "chairman chairwoman chairperson chair head chief director president leader manager executive founder".split()
)
_OF_A_NAME = re.compile(r"\bof\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|and|for|&)?\s*[A-Z][\w'’-]*)*\s*$")


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


_WORDS: dict[int, frozenset[str]] = {}


def _office_words(k: Knowledge) -> frozenset[str]:
    """Every word of an English office title: the table's labels and the accepted
    renderings and proper titles of the country data (not its calques or wrong ones)."""
    got = _WORDS.get(id(k.table))
    if got is None:
        words: set[str] = set()
        for label in k.table.labels:
            words.update(norm_title(label.replace(",", " ").replace("(", " ").replace(")", " ")).split())
        for fam_accepted in k.family_accepted.values():
            for t in fam_accepted:
                words.update(t.split())
        for office in k.offices.values():
            for t in office.accepted | {norm_title(office.proper)}:
                words.update(t.split())
        from lintnews.analyses.offices import _data

        words.update(str(w) for w in _data().get("english-office-words") or [])
        for titles in k.family_titles:
            if not any(titles in o.calques or titles in o.wrong for o in k.offices.values()):
                words.update(titles.split())
        got = _WORDS[id(k.table)] = frozenset(words)
    return got


# -- who the name is -------------------------------------------------------------------
def _person(doc: Document, k: Knowledge, m: OfficeMention, mentions: Sequence[OfficeMention]) -> Person | None:
    """The one person the name can be, or None (unknown, or two people of that name)."""
    people = _candidates(doc, k, m, mentions)
    return people[0] if len(people) == 1 else None


def _candidates(doc: Document, k: Knowledge, m: OfficeMention, mentions: Sequence[OfficeMention]) -> tuple[Person, ...]:
    """The people the name can be: none, one, or namesakes the document does not tell
    apart (:func:`_narrow`)."""
    if m.key:
        return _narrow(doc, k, m, k.people(m.key))
    # a surname alone: the full name written before it, else the one holder of a compared
    # office with that surname when the document confirms it
    written = [p for key in m.full_keys for p in k.people(key) if p.surname_key() == m.surname]
    if written:
        return _narrow(doc, k, m, written)
    person = _one(k.surname_people(m.surname), m.marker)
    if person is None:
        return ()
    countries = {h.country for h in person.holdings if h.family in REPORTED}
    if m.marker in countries:
        return (person,)
    for other in mentions:
        if other is not m and other.surname == m.surname and other.kinds & OFFICE and _title_ok(k, person, other.rendering):
            return (person,)
    if any(k.names_country(doc.view, c) for c in sorted(countries)):
        return (person,)
    return ()


def _one(people: Sequence[Person], marker: str | None) -> Person | None:
    by_id = {p.pid: p for p in people}
    if len(by_id) > 1 and marker:
        by_id = {pid: p for pid, p in by_id.items() if any(h.country == marker for h in p.holdings)}
    return next(iter(by_id.values())) if len(by_id) == 1 else None


def _narrow(doc: Document, k: Knowledge, m: OfficeMention, people: Sequence[Person]) -> tuple[Person, ...]:
    """The people of one name key that the document leaves possible.  One person listed
    under several lines (a second name) is one; of namesakes (two people whose names
    share a spelling key: "Kim Jong-un" and "Kim Jong-hoon", or one name: three Wang Yis
    of the Chinese legislature and the foreign minister), the ones of the country a marker
    gives, then the ones spelled as the document spells the name (letters, case and
    accents aside), then the ones of a country the document names, when any is left."""
    by_id = {p.pid: p for p in people}
    if len(by_id) < 2:
        return tuple(by_id.values())
    found = list(by_id.values())
    if m.marker:
        found = [p for p in found if any(h.country == m.marker for h in p.holdings)]
        if len(found) < 2:
            return tuple(found)
    spelled = _spelling(m.name)
    same = [p for p in found if _spelling(p.name) == spelled]
    if same:
        found = same
    if len(found) > 1 and not m.marker:
        named = _named_countries(doc.view, k)
        there = [p for p in found if any(h.country in named for h in p.holdings)]
        if there:
            found = there
    return tuple(found)


def _spelling(name: str) -> str:
    """A name's letters, without case, accents, hyphens or spaces ("Kim Jong-un" ->
    "kimjongun"; "Kim Jong-hoon", which N101's spelling key makes the same, stays apart)."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c)).lower()


def _office_where(k: Knowledge, h: Holding) -> str:
    """An office's name with its country ("Minister for Europe and Foreign Affairs, France")."""
    name = k.office_name(h)
    country = k.country_names.get(h.country, "")
    return name if not country or country.removeprefix("the ") in name else f"{name}, {country}"


def _notable(person: Person) -> bool:
    """Whether the person held an office of a compared family (the table lists every
    holder of those since 2000 in its countries; a namesake who holds none of them held
    no such office)."""
    return any(h.family in REPORTED for h in person.holdings)


def _namesakes(k: Knowledge, m: OfficeMention, people: Sequence[Person]) -> OfficeError | None:
    """A title given to a name several people in the table share, which the document
    does not tell apart: reported when it is wrong whoever is meant.  A namesake who held
    a compared office is judged as one person would be; one who held none (a legislator)
    is wrong only for a title of a compared family (head of government or of state,
    foreign minister...), since the table lists every holder of those; for any other
    title ("Governor", "Chairman") they might hold an office the table lacks, and the
    name is left alone.  The suggestion is the office of the namesake who held a
    compared office most recently."""
    if not m.kinds & OFFICE and not m.kinds & STRUCT:
        return None
    compared = bool(k.family_titles.get(m.rendering, frozenset()) & REPORTED) and bool(m.kinds & OFFICE)
    found: list[tuple[Holding, OfficeError]] = []
    for p in people:
        if _notable(p):
            e = _office(k, m, p)
            if e is None:
                return None
            h = _top(p)
            if h is not None:
                found.append((h, e))
        elif not compared:
            return None
    if not found:
        return None
    found.sort(key=lambda he: (he[0].start or "0", he[0].end or "9999"), reverse=True)
    if len(found) == 1:
        return found[0][1]
    # several office-holders of that name, none of whom held it: each one's office
    first = found[0][1]
    offices = "; ".join(f"{_office_where(k, h)}{_years(h)}" for h, _e in found[:3])
    suggestions = {e.suggestion for _h, e in found}
    message = f"'{m.written}' {m.name}: no one of that name in the table held it ({len(found)} office-holders of that name: {offices})"
    return replace(first, message=message, suggestion=first.suggestion if len(suggestions) == 1 else None)


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
    h = _held(k, person, m.rendering) if m.kinds & OFFICE else None
    if h is None:
        h = _unlike(k, m, person)
    if h is None:
        h = _executive(k, m, person)
    if h is None:
        return None
    message = f"'{m.written}' {m.name}: {_was(k, person, h)}"
    return OfficeError(m.start, m.end, m.written, m.name, message, k.suggestion(h))


#: heads of a region's or a city's executive office (a governor, a mayor, a premier of a province)
_EXECUTIVE_HEADS = frozenset(["governor", "mayor", "lord mayor", "premier", "chief minister", "first minister",
                              "minister president", "prefect", "voivode", "burgomaster", "chief executive"])
#: titles organisations give too that are still a head of government's before such a person
_EXECUTIVE_GENERIC = frozenset({"chancellor", "premier"})


def _executive(k: Knowledge, m: OfficeMention, person: Person) -> Holding | None:
    """A head of government's or of state's title ("Premier", "Chancellor", "Prime
    Minister", "King") before a person the table knows as a region's or a city's executive
    and as no holder of a compared office ("Premier Gavin Newsom": he is Governor of
    California): the office to suggest.  Titles a club or a company gives too
    ("President", "Chairman") are left alone, as are the person's other offices the table
    may lack (a governor may have been a mayor: "Mayor" and "Governor" are never judged
    here), and the newsroom's people (the one office given for them is not all they held)."""
    if not m.kinds & OFFICE or person.pid.startswith("o:") or any(h.family in REPORTED for h in person.holdings):
        return None
    if not k.family_titles.get(m.rendering, frozenset()) & TOP_FAMILIES:
        return None
    if m.rendering in GENERIC and m.rendering not in _EXECUTIVE_GENERIC:
        return None
    head, _mods = title_structure(m.rendering)
    if _head(head) in ("governor", "mayor", "lord mayor") or _title_ok(k, person, m.rendering):
        return None
    executive = []
    for h in person.holdings:
        label = _norm(h.label)
        if label.startswith(_LESSER) or label.startswith("lieutenant "):
            continue
        lh, _lm = title_structure(label.split(" of ")[0])
        if _head(lh) in _EXECUTIVE_HEADS:
            executive.append(h)
    return _latest(executive)


#: heads of the offices a structural comparison reports (a person's other roles, party
#: and club offices, ranks, are too often missing from the table to be compared)
_COMPARED_HEADS = frozenset(
    "minister secretary president chancellor premier chairman chairwoman chairperson mayor governor judge "
    "prosecutor king queen emperor empress monarch sultan emir amir taoiseach voivode burgomaster prefect "
    "head chief".split()
    + ["prime minister", "secretary general", "general secretary", "chief justice", "chief judge", "attorney general",
       "prosecutor general", "general prosecutor", "governor general", "chief executive", "chief minister",
       "first minister", "secretary of state", "lord mayor", "lord chancellor", "state councillor", "state councilor",
       "minister president", "chief secretary", "head of state", "head of government", "foreign secretary",
       "home secretary", "supreme leader", "high representative"]
)
#: heads whose "of" names a country or a city, not a portfolio
_PLACE_HEADS = frozenset(["prime minister", "president", "chancellor", "premier", "king", "emperor", "monarch",
                          "head of state", "head of government", "governor", "mayor", "lord mayor", "sultan", "emir"])
#: heads that are one office under several words
_SAME_HEAD = {"chairwoman": "chairman", "chairperson": "chairman", "chair": "chairman", "councilor": "councillor",
              "state councilor": "state councillor", "general prosecutor": "prosecutor general", "amir": "emir",
              "empress": "emperor", "queen": "king", "sovereign": "monarch"}
#: modifiers any office may carry ("Federal Chancellor", "Cabinet Minister")
_GENERIC_MODS = frozenset(stem(w) for w in "federal cabinet government national union state's welsh scottish english "
                          "irish northern catalan basque bavarian flemish".split())


def _head(h: str) -> str:
    return _SAME_HEAD.get(h, h)


def _unlike(k: Knowledge, m: OfficeMention, person: Person) -> Holding | None:
    """The office to suggest when the title's structure (head word and modifiers) is
    that of none of the person's offices: a head they never held ("Governor" for a
    president, "Prime Minister" for a chancellor) or a head they held with modifiers no
    rendering of it has ("Upper Mayor", "Minister of Enlightenment")."""
    head, mods = title_structure(m.rendering)
    head = _head(head)
    if head in _PLACE_HEADS:
        # "of" names the place ("Prime Minister of the Jewish State"), not a portfolio
        head, mods = title_structure(m.rendering.split(" of ")[0])
        head = _head(head)
    if head not in _COMPARED_HEADS or _title_ok(k, person, m.rendering):
        return None
    # modifiers that are no common word name a place or a party: not evidence
    mods = (mods & _COMMON_STEMS[m.rendering]) - _GENERIC_MODS
    held = [h for h in person.holdings if h.family != "leg"]
    if not any(h.family in REPORTED for h in held):
        return None
    same_head = []
    for h in person.holdings:
        markers = frozenset(stem(w) for mk, c in k.markers.items() if c == h.country for w in mk.split())
        office = k.offices.get((h.country, h.family))
        # the country's own renderings when it lists them (the family's may be another system's)
        renderings = office.accepted | {norm_title(office.proper)} if office and office.accepted else k.accepted(h)
        for r in (norm_title(h.label), *renderings):
            rh, rm = title_structure(r)
            if _head(rh) != head:
                continue
            same_head.append(h)
            if mods <= rm | markers | frozenset(stem(w) for w in norm_title(h.label).split()):
                return None
    if same_head:
        return _latest(same_head)
    return _top(person)


def _common_stems(rendering: str) -> frozenset[str]:
    return frozenset(stem(w) for w in rendering.split() if is_common_word(w))


class _CommonStems(dict):
    def __missing__(self, rendering: str) -> frozenset[str]:
        got = self[rendering] = _common_stems(rendering)
        return got


_COMMON_STEMS: dict[str, frozenset[str]] = _CommonStems()


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
def _words_before(k: Knowledge, m: OfficeMention, person: Person | None) -> OfficeError | None:
    """Capitalised common words of no English title before a known office-holder's full
    name, mid-sentence ("met Citizen Emmanuel Macron", "with Sire Emmanuel Macron"):
    English writes a word that describes a person in lower case there ("populist Viktor
    Orban"), so a capitalised one is a form of address or another system's office."""
    if person is None or not m.key:
        return None
    h = _latest(h for h in person.holdings if h.family in REPORTED)
    if h is None:
        return None
    words = m.written.split()
    for i in range(len(words)):
        if k.people(name_key([*words[i:], *m.name.split()])):
            return None  # the words are part of a longer name the table knows
    message = f"'{m.written}' {m.name}: a word English does not put before a name with a capital; {_was(k, person, h)}"
    return OfficeError(m.start, m.end, m.written, m.name, message, k.suggestion(h))



def _address(doc: Document, k: Knowledge, m: OfficeMention, person: Person | None, mentions: Sequence[OfficeMention]) -> OfficeError | None:
    """A form of address where English news gives an office-holder's office."""
    if not m.written[:1].isupper() or m.qualifier in ("rank", "org") or m.after:
        return None
    index = title_index()
    if m.sentence_start and m.rendering in index.kinship:
        return None
    royal = m.rendering in index.royal
    if m.rendering in index.peerage:
        # a knighthood or peerage: only for a known person of no Commonwealth realm
        if person is None or any(h.country in _REALMS or _ROYAL.search(h.label) for h in person.holdings):
            return None
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
        if other is m or other.qualifier or not other.kinds & (OFFICE | STRUCT) or other.kinds & ADDRESS:
            continue
        same = (m.key and other.key == m.key) or (not m.key and other.surname == m.surname) or (m.key and not other.key and other.surname == m.surname)
        if same:
            if royal and _ROYAL.search(other.written):
                return None
            line = doc.position(other.start).line
            return OfficeError(m.start, m.end, m.written, m.name, f"{head} ('{other.written}' on line {line})", other.written)
    if m.rendering in index.anyone and person is None and (m.key or not is_common_word(m.name)):
        # no English style before anyone's name: the office it stands for is unknown
        return OfficeError(m.start, m.end, m.written, m.name, f"'{m.written}' {m.name}: a form of address that English news does not put before a name; give the person's office", None)
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

    The people and their offices (past and present; about 72,000 people and 123,000
    office-holdings in 120 countries and organisations) come from Wikidata through
    ``lintnews/data/offices.tsv``; each country's offices, their English titles, the
    literal renderings machine translation makes of them, the titles of one country's
    system and forms of address are in ``rules/offices-by-country.yaml``.  Names are
    matched by N101's spelling key; a surname alone counts after the full name, or when
    one holder of an office has it and the article confirms who (a country marker, the
    country named, a title the person held); a name several people share is narrowed by a
    country marker, the name's spelling and the countries the article names, and a title
    that none of those left held is reported (for a namesake who held no compared office,
    only a compared family's title counts as not held).  A title in no list is read by its structure (a head
    word such as minister, secretary, president, mayor, with modifiers or a portfolio
    after "of") and compared with the person's offices by head and modifiers: a head the
    person never held (``Governor Vladimir Putin``) or modifiers no rendering of a held
    office has (``Minister of Outer Relations Dmytro Kuleba``) is reported.  "Acting",
    "deputy" and "vice" titles are other offices and are left alone; a head of government's
    or of state's title before a region's or a city's executive the table knows, who held
    no compared office, is reported (``Premier Gavin Newsom``: Governor of California); a capitalised
    "Former" title is judged against every office held, past or present; titles in
    quotations are left alone.  Whoever the person is: a title with a common word that no
    English office title has (the table's office labels, the accepted renderings and
    ``english-office-words``: ``Head Long Minister``), a form of address that is no
    English style before a name (``Comrade``, ``Teacher``, ``Boss``).  Capitalised common
    words that are no English title, courtesy title, rank or style before a known
    office-holder's full name are a form of address (``met Citizen Emmanuel Macron``):
    English writes a descriptive word there in lower case (``populist Viktor Orbán``), so
    only mid-sentence, or two such words at a sentence's start, count.  A person the table
    does not know, called by one top office against two others in the article, has the
    odd one reported.  ``Sir``/``Lord`` before a known person of no Commonwealth realm
    is a form of address.  A country's marker
    with a title its system lacks (``Mexican Chancellor``, ``Indian Taoiseach``), one
    country's office (``Voivode``, ``Prefect``) before a name the table does not know in an
    article that names other countries (their markers as written) and none of its own, a
    title before such a name in an article that names one to four countries, judged as if
    each country's marker stood before it and reported when none of their systems has it
    (titles organisations give too are left alone, but for "Chancellor" outside an article
    about a university), and a
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

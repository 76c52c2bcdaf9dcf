"""Who held which office, and the titles a document writes next to names.

Two parts, both read by T103 (``lintnews/rules/titles_known.py``):

* **The knowledge**: people and the offices they held (``lintnews/data/offices.tsv``,
  built by ``training/build_offices.py`` from Wikidata, CC0) and each country's offices
  with their English titles, the renderings English news uses, the literal renderings
  machine translation makes of them, the titles of one country's system, forms of
  address and word-by-word renderings that are an office nowhere
  (``rules/offices-by-country.yaml``, loaded from its JSON compilation
  ``lintnews/data/offices-by-country.json``).  The table is read as bytes and searched by
  bisection over its sorted lines: loading it parses nothing, and only the names a
  document gives a title are ever looked up.  A newsroom's overrides (people, house
  style) make a new :class:`Knowledge` (:meth:`Knowledge.with_overrides`).

* **The analysis** :data:`OFFICE_TITLES`: the person mentions of :data:`NAMES` whose
  title (the words before the name in its clause, or an apposition after it: ", the
  prime minister,") is an office, a form of address or a literal rendering, with the
  country marker before the title ("German Chancellor"), a qualifier that makes it
  another office or another time ("former", "deputy"), the name's spelling key (the
  key of N101's name matching, ``names.keys.folded``) and, for a surname alone, the
  full names written before it with that surname.  One dictionary look-up per mention
  decides whether its title is one; the rest runs for the few that are.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from lintnews.analyses.dictionary import is_common_word, is_known_word
from lintnews.analyses.names.keys import folded
from lintnews.analyses.names.mentions import NAMES, Mention
from lintnews.core.analysis import Analysis, analysis
from lintnews.core.document import Document

FAMILY_CODES = {
    "head-of-government": "hog",
    "head-of-state": "hos",
    "secretary-general": "sg",
    "chief-justice": "cj",
    "foreign-affairs": "fm",
    "defence": "def",
    "finance": "fin",
    "interior": "int",
    "justice": "just",
    "attorney-general": "ag",
    "crown-prince": "cp",
    "speaker": "spk",
    "deputy-head-of-government": "dhog",
    "health": "hea",
    "education": "edu",
}
#: families whose titles are compared (the others are only known, never reported)
REPORTED = frozenset({"hog", "hos", "sg", "cj", "fm", "def", "fin", "int", "cp", "ag", "just", "hea", "edu"})
TOP = frozenset({"hog", "hos"})
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
#: countries whose names English writes surname first (up to three words)
SURNAME_FIRST = frozenset({"CN", "TW", "KR", "KP"})
MONARCH_LABEL = re.compile(r"^(monarch|king|queen|emperor|emir|amir|sultan)\b", re.I)
MONARCH_TITLES = frozenset({"king", "queen", "monarch", "sovereign", "emperor", "emir", "amir", "sultan", "head of state"})

# Words before a title that make it another time ("former Prime Minister") or another
# office ("Deputy Prime Minister", "a prime minister").
TIME_QUALIFIERS = frozenset(
    "former ex then late outgoing incoming future previous past erstwhile onetime one-time retired would-be "
    "elect designate".split()
)
RANK_QUALIFIERS = frozenset(
    "acting interim caretaker deputy vice assistant shadow opposition honorary alternate junior senior "
    "associate provisional candidate prospective presumptive potential possible aspiring transitional a an sub".split()
)
#: qualifiers only when written with a capital ("Under Secretary", "First Deputy"): in
#: lower case they are a preposition or an ordinal ("under Chancellor Scholz")
CAPITAL_QUALIFIERS = frozenset({"Under", "First", "Second", "Third", "Co"})


def qualifier_of(token: str) -> str:
    """``"time"``, ``"rank"`` or ``""``: what the token before a title makes of it."""
    word = token.lower().rstrip(".,")
    if word in TIME_QUALIFIERS:
        return "time"
    if word in RANK_QUALIFIERS or token in CAPITAL_QUALIFIERS:
        return "rank"
    return ""

#: titles that organisations give too ("ANO President", "Senate Chairman", "Tesla Chief"):
#: after an organisation's name they are its office, not a country's
GENERIC = frozenset(
    ["president", "chairman", "chairwoman", "chair", "chairperson", "secretary", "leader", "chief", "head", "director",
     "chancellor", "speaker", "general secretary", "secretary general", "premier", "vice president", "governor",
     "commissioner", "ruler"]
)
#: common nouns that name an organisation before its office ("Party Chairman", "Senate President")
ORGANISATION_NOUNS = frozenset(
    "party senate bank club company corporation group council commission committee board union federation "
    "association league assembly parliament congress court university college institute foundation movement "
    "front alliance coalition fund authority agency society academy chamber house duma knesset bundestag sejm "
    "rada diet majlis politburo presidium bureau cabinet conference synod church team firm network".split()
)
#: kinds of title in the index (a bit mask: a rendering can be several); STRUCT: a title
#: recognised by its structure (a head word and its modifiers), in no list; WORDS: one to
#: three capitalised common words of no title before a full name ("Citizen Emmanuel
#: Macron"), judged by T103 against what English puts before a name
OFFICE, LITERAL, ADDRESS, STRUCT, WORDS = 1, 2, 4, 8, 16

# -- the structure of an office title ---------------------------------------------------
# An English office title is a head word (minister, secretary, president, mayor...) with
# modifiers before it ("Foreign Minister") or a portfolio after "of"/"for" ("Minister of
# Foreign Affairs").  Titles in no list are recognised by this structure, and compared
# with the offices a person held by head and modifiers (analyses here, judgement in T103).
HEADS = frozenset(
    "minister secretary president chancellor premier chairman chairwoman chairperson chair mayor governor "
    "judge justice magistrate prosecutor speaker head chief director commissioner ambassador envoy consul "
    "prefect king queen emperor empress monarch sovereign sultan emir amir taoiseach voivode burgomaster "
    "senator congressman congresswoman councillor councilor administrator spokesman spokeswoman spokesperson "
    "leader commander governess regent viceroy ruler".split()
)
#: heads of several words (normalised), compared as one
COMPOUND_HEADS = tuple(
    tuple(h.split())
    for h in sorted(
        [
            "prime minister", "secretary general", "general secretary", "chief justice", "chief judge", "attorney general",
            "prosecutor general", "general prosecutor", "governor general", "chief executive", "chief minister",
            "first minister", "vice president", "vice chancellor", "supreme leader", "secretary of state",
            "commander in chief", "high commissioner", "high representative", "lord mayor", "lord chancellor",
            "surgeon general", "state councillor", "state councilor", "minister president", "chief secretary",
            "head of state", "head of government", "crown prince", "foreign secretary", "home secretary",
        ],
        key=lambda h: -len(h.split()),
    )
)
CONNECTORS = frozenset({"of", "the", "for", "and", "on", "to"})
#: compound heads of two words whose last word is no head itself ("Chief Executive")
_TWO_WORD_HEADS = frozenset(" ".join(h) for h in COMPOUND_HEADS if len(h) == 2 and h[1] not in HEADS)
#: Parties' adjectives, which may stand before an office's head.
PARTY_WORDS = frozenset("labor labour liberal conservative democratic democrat republican socialist communist green greens tory".split())
#: capitalised words that open a clause or tell a time: never a title's modifier
CLAUSE_WORDS = frozenset(
    "when as but and then if after before while since yesterday today tomorrow meanwhile also now so because though "
    "although with without by from in on at to for the a an this that these those his her their its our my your "
    "said says told according under via where whom who which what why how once later earlier last next both "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december here there thus hence instead indeed however moreover furthermore still "
    "even only just nor or not no yes dear".split()
)


def title_structure(rendering: str) -> tuple[str, frozenset[str]]:
    """``(head, modifier stems)`` of a normalised title: "minister of foreign affairs" ->
    ("minister", {"forei", "affai"}); "" for the head when it has none."""
    words = [w for w in rendering.replace("'s", "").split()]
    cut = len(words)
    for i, w in enumerate(words):
        if w in ("of", "for", "to") and i:
            cut = i
            break
    front = words[:cut]
    head, at, size = "", -1, 0
    for i in range(len(front)):
        for ch in COMPOUND_HEADS:
            if tuple(front[i : i + len(ch)]) == ch and (at < 0 or i >= at):
                head, at, size = " ".join(ch), i, len(ch)
                break
    if at < 0 or at + size < len(front):
        for i in range(len(front) - 1, -1, -1):
            if front[i] in HEADS and i >= at + size:
                head, at, size = front[i], i, 1
                break
    if at < 0:
        return "", frozenset()
    # A party before the head says who, not which office: "Labor Premier", "Republican Senator".
    mods = [w for j, w in enumerate(words) if not (at <= j < at + size) and w not in CONNECTORS and not (j < at and w in PARTY_WORDS)]
    return head, frozenset(stem(w) for w in mods)


def stem(word: str) -> str:
    """A crude stem that makes "economy" and "economic", "defense" and "defence" meet."""
    return word[:5]


def norm_title(text: str) -> str:
    """A title compared in lower case, without full stops, hyphens as spaces."""
    return " ".join(text.lower().replace("’", "'").replace(".", "").replace("-", " ").split())


def name_key(words: Iterable[str]) -> str:
    """The look-up key of a name: N101's spelling key (``folded``) of its words written
    together, suffixes left out ("Zelenskyy"/"Zelensky", "Jong-un"/"Jong Un" meet)."""
    return folded("".join(w for w in words if w not in SUFFIXES))


# -- the table -------------------------------------------------------------------------
@dataclass(frozen=True)
class Holding:
    country: str
    family: str
    label: str
    start: str
    end: str


@dataclass(frozen=True)
class Person:
    name: str
    pid: str
    holdings: tuple[Holding, ...]

    def surname_key(self) -> str:
        words = [w for w in self.name.split() if w not in SUFFIXES]
        if len(words) < 2:
            return ""
        first = any(h.country in SURNAME_FIRST for h in self.holdings) and len(words) <= 3
        return folded(words[0] if first else words[-1])


class OfficeTable:
    """The shipped table, kept as bytes; people are found by bisection over its sorted
    ``P`` lines (by name key) and ``S`` lines (by surname key) and parsed when found."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        header_end = data.index(b"\n") + 1
        header = data[:header_end].split()
        if header[:2] != [b"#lintnews-offices", b"2"]:
            raise ValueError(f"not a version 2 office table: {data[:40]!r}")
        self.size = int(header[2])
        p0 = data.find(b"\nP\t") + 1
        s0 = data.find(b"\nS\t") + 1 or len(data)
        self.labels = tuple(line[2:] for line in data[header_end:p0].decode("utf-8").split("\n") if line)
        self.people_section = (p0, s0)
        self.surname_section = (s0, len(data))
        self._people: dict[str, tuple[Person, ...]] = {}

    def _lines(self, section: tuple[int, int], prefix: bytes) -> list[bytes]:
        """The lines of a sorted section that start with ``prefix``."""
        data = self.data
        lo, hi = section
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            start = max(start, lo)
            end = data.find(b"\n", start, hi)
            end = hi if end < 0 else end
            if data[start:end] < prefix:
                lo = end + 1
            else:
                hi = start
        found = []
        while data.startswith(prefix, lo):
            end = data.find(b"\n", lo)
            found.append(data[lo:end])
            lo = end + 1
        return found

    def people(self, key: str) -> tuple[Person, ...]:
        got = self._people.get(key)
        if got is None:
            got = self._people[key] = tuple(self._person(line) for line in self._lines(self.people_section, f"P\t{key}\t".encode()))
        return got

    def _person(self, line: bytes) -> Person:
        _p, _key, name, pid, cells = line.decode("utf-8").split("\t")
        holdings = []
        for cell in cells.split(";"):
            c, f, n, s, e = cell.split("|")
            holdings.append(Holding(c, f, self.labels[int(n)], s, e))
        return Person(name, pid, tuple(holdings))

    def surname_rows(self, key_start: str) -> list[list[str]]:
        """The fields of the ``S`` lines (holders of a compared office, by surname key) whose
        surname key starts with ``key_start``; a whole key when it ends with a tab."""
        return [line.decode("utf-8").split("\t") for line in self._lines(self.surname_section, f"S\t{key_start}".encode())]

    def surname_keys(self, skey: str) -> tuple[str, ...]:
        """The name keys of the holders of a compared office with this surname key."""
        return tuple(row[2] for row in self.surname_rows(f"{skey}\t"))

    def __len__(self) -> int:
        return self.size


def table_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "offices.tsv"


@functools.lru_cache(maxsize=1)
def office_table() -> OfficeTable:
    return OfficeTable(table_path().read_bytes())


# -- the per-country knowledge -------------------------------------------------------------
@dataclass(frozen=True)
class CountryOffice:
    proper: str
    accepted: frozenset[str]
    calques: frozenset[str]
    wrong: frozenset[str]
    native: str = ""
    first: str = ""  # the first accepted rendering, suggested in messages


@dataclass(frozen=True)
class Distinct:
    """A title of one country's system (or a few): "Taoiseach", "Voivode"."""

    written: str
    countries: frozenset[str]
    family: str  # a family code, or ""
    office: str  # a word of the person's own office to suggest ("Governor"), or ""


@dataclass(frozen=True)
class Literal:
    """A word-by-word rendering that is an office nowhere in English."""

    written: str
    office: str  # the English office
    native: str
    lang: str


@dataclass(frozen=True)
class TitleIndex:
    """What the analysis needs to recognise titles (no people): every rendering, by kind."""

    kinds: dict[str, int]  # normalised rendering -> OFFICE | LITERAL | ADDRESS
    kinship: frozenset[str]  # forms of address that are also family words
    anyone: frozenset[str]  # forms of address that are no English style before anyone's name
    peerage: frozenset[str]  # knighthoods and peerages: right in the Commonwealth realms only
    royal: frozenset[str]  # royal and religious styles, right for royalty
    markers: dict[str, str]  # normalised marker -> country
    marker_words: frozenset[str]  # the first words of the markers, normalised
    words: frozenset[str]  # every word of every rendering, lower case
    last_words: frozenset[str]  # the last words of the renderings
    longest: int  # the most words a rendering has
    distinct: frozenset[str]  # titles of one country's system ("voivode")
    after: re.Pattern[str]  # an apposition after a name: ", the prime minister,"


def _expand(rendering: str, portfolios: Sequence[str]) -> list[str]:
    if "{portfolio}" not in rendering:
        return [rendering]
    return [rendering.replace("{portfolio}", p) for p in portfolios]


def _expand_office(rendering: str, office: str, portfolios: Sequence[str]) -> list[tuple[str, str]]:
    """A rendering's expansions, each with its office ("{portfolio} Minister" -> "Defense Minister")."""
    if "{portfolio}" not in rendering:
        return [(rendering, office.replace("{portfolio} ", ""))]
    return [(rendering.replace("{portfolio}", p), office.replace("{portfolio}", p)) for p in portfolios]


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """``rules/offices-by-country.yaml`` as compiled to ``lintnews/data/offices-by-country.json``
    by ``training/build_offices.py`` (a test checks that they agree): JSON loads in a
    millisecond, the YAML in tens."""
    with open(table_path().parent / "offices-by-country.json", encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def title_index() -> TitleIndex:
    data = _data()
    kinds: dict[str, int] = {}

    def add(rendering: str, kind: int) -> None:
        t = norm_title(rendering)
        if t:
            kinds[t] = kinds.get(t, 0) | kind

    for spec in data["families"].values():
        for t in [*spec.get("titles", []), *spec.get("accepted", [])]:
            add(t, OFFICE)
    markers: dict[str, str] = {}
    for country, spec in data["countries"].items():
        for m in spec.get("markers", []):
            markers[norm_title(m)] = country
        for o in (spec.get("offices") or {}).values():
            for key in ("accepted", "calques", "wrong"):
                for t in o.get(key) or []:
                    add(t, OFFICE)
    for t in data.get("distinct") or {}:
        add(t, OFFICE)
    portfolios = data.get("portfolios") or []
    for spec in data.get("literal") or []:
        for r in spec["renderings"]:
            for t in _expand(r, portfolios):
                add(t, LITERAL)
    kinship, royal, anyone, peerage = set(), set(), set(), set()
    for spec in data.get("forms-of-address") or []:
        for t in spec["forms"]:
            add(t, ADDRESS)
            if spec.get("kinship"):
                kinship.add(norm_title(t))
            if spec.get("royal"):
                royal.add(norm_title(t))
            if spec.get("anyone"):
                anyone.add(norm_title(t))
            if spec.get("peerage"):
                peerage.add(norm_title(t))
    words = frozenset(w for t in kinds for w in t.split()) | HEADS
    marks = "|".join(re.escape(m) for m in sorted(data_markers_written(data), key=len, reverse=True))
    # ", the prime minister," / ", Germany's chancellor, said" / ", the foreign minister of Russia."
    after = re.compile(
        rf",[ \u00a0]+(?:the[ \u00a0]+)?(?P<title>(?:(?:{marks})[ \u00a0]+)?[A-Za-z][A-Za-z'’\- ]{{1,60}}?)"
        rf"(?:[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?P<of>[A-Z][\w'’ ]{{1,40}}?))?"
        rf"(?=[ \u00a0]*[,.;:)]|[ \u00a0]+(?:and|who|said|says|told|has|had|was|is|will|would)\b)"
    )
    return TitleIndex(
        kinds=kinds,
        kinship=frozenset(kinship),
        royal=frozenset(royal),
        anyone=frozenset(anyone),
        peerage=frozenset(peerage),
        markers=markers,
        marker_words=frozenset(m.split()[0] for m in markers),
        words=words,
        last_words=frozenset(t.rsplit(" ", 1)[-1] for t in kinds) | HEADS | {h.split()[1] for h in _TWO_WORD_HEADS},
        longest=max(len(t.split()) for t in kinds),
        distinct=frozenset(norm_title(t) for t in data.get("distinct") or {}),
        after=after,
    )


def data_markers_written(data: dict[str, Any]) -> list[str]:
    return [str(m) for spec in data["countries"].values() for m in spec.get("markers", [])]


@dataclass(frozen=True)
class Knowledge:
    """The people table, each country's offices, and the newsroom's overrides."""

    table: OfficeTable
    offices: dict[tuple[str, str], CountryOffice]  # (country, family code) -> office
    country_names: dict[str, str]
    markers: dict[str, str]  # normalised marker -> country
    family_titles: dict[str, frozenset[str]]  # normalised title -> family codes
    family_accepted: dict[str, frozenset[str]]  # family code -> accepted renderings
    groups: dict[str, frozenset[str]]  # family code -> the families compared with it
    distinct: dict[str, Distinct]
    literal: dict[str, Literal]
    address: frozenset[str]
    extra: dict[str, tuple[Person, ...]] = field(default_factory=dict)  # the newsroom's people, by key
    ignore: frozenset[str] = frozenset()  # name keys never reported
    _country_words: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)
    _accepted: dict[Holding, frozenset[str]] = field(default_factory=dict, compare=False)

    # -- people --------------------------------------------------------------------------
    def people(self, key: str) -> tuple[Person, ...]:
        """The people whose name has this key (the newsroom's replace the table's)."""
        if key in self.extra:
            return self.extra[key]
        return self.table.people(key)

    def surname_people(self, skey: str) -> tuple[Person, ...]:
        """The holders of a compared office whose surname has this key."""
        found = {p.pid: p for key in self.table.surname_keys(skey) for p in self.people(key) if p.surname_key() == skey}
        for people in self.extra.values():
            for p in people:
                if p.surname_key() == skey and any(h.family in REPORTED for h in p.holdings):
                    found[p.pid] = p
        return tuple(found.values())

    # -- offices -------------------------------------------------------------------------
    def accepted(self, h: Holding) -> frozenset[str]:
        """The renderings that are right for an office held."""
        got = self._accepted.get(h)
        if got is None:
            got = self._accepted[h] = self._accepted_now(h)
        return got

    def _accepted_now(self, h: Holding) -> frozenset[str]:
        office = self.offices.get((h.country, h.family))
        base = self.family_accepted.get(h.family, frozenset())
        if office:
            # the country's renderings, and the family's unless the country rejects them
            base = office.accepted | (base - office.wrong - office.calques)
        if h.family == "hos" and MONARCH_LABEL.match(h.label):
            base = (base - {"president"}) | MONARCH_TITLES
        label = norm_title(h.label)
        return frozenset(base | {label, label.split(" of ")[0]})

    def office_name(self, h: Holding) -> str:
        office = self.offices.get((h.country, h.family))
        if office and office.proper and h.family in REPORTED:
            return office.proper
        label = h.label
        country = self.country_names.get(h.country)
        if country and " of " not in label and h.country not in ("UN", "EU", "NATO", "VA", "WHO", "IMF"):
            return f"{label[0].upper() + label[1:]} of {country}"
        return label

    def suggestion(self, h: Holding) -> str:
        office = self.offices.get((h.country, h.family))
        if office and office.first and h.family in REPORTED:
            return office.first
        short = h.label.split(" of ")[0]
        return short[0].upper() + short[1:]

    def names_country(self, view: str, country: str) -> bool:
        """Whether a text names the country (one of its markers, as a word)."""
        rx = self._country_words.get(country)
        if rx is None:
            words = sorted((m for m, c in self.markers.items() if c == country), key=len, reverse=True)
            if not words:
                return False
            alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)
            rx = self._country_words[country] = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", re.IGNORECASE)
        return rx.search(view) is not None

    # -- overrides -----------------------------------------------------------------------
    def with_overrides(self, overrides: dict[str, Any] | None) -> Knowledge:
        """A copy with the newsroom's additions, which take precedence over the table.

        ``overrides`` is a plain dict (``[tool.lintnews.offices]`` of the configuration)::

            people:        # added people; a name given here replaces the table's people of that name
              - {name: "Jane Smith", country: "US", office: "Mayor of Springfield",
                 family: "head-of-government" (optional), start: 2020, end: null,
                 id: "smith-1" (optional: rows of one name with other ids are namesakes)}
            house-style:   # renderings the newsroom uses: accepted, never reported
              CN: {head-of-government: ["Prime Minister"]}
            report:        # renderings the newsroom rejects for an office: reported
              CN: {head-of-government: ["Premier Minister"]}
            ignore: ["John Roberts"]   # names never reported
        """
        if not overrides:
            return self
        check_overrides(overrides)
        added: dict[str, dict[tuple[str, str], list[Holding]]] = {}
        for spec in overrides.get("people") or []:
            name = str(spec["name"])
            country = str(spec.get("country", ""))
            office = str(spec.get("office", ""))
            fam_name = str(spec.get("family") or "")
            fam = FAMILY_CODES.get(fam_name, fam_name) or self.family_of(office, country)
            h = Holding(country, fam, office, str(spec.get("start") or ""), str(spec.get("end") or ""))
            # rows of one name are one person's offices, unless an ``id`` tells namesakes apart
            person = (name, str(spec.get("id") or ""))
            added.setdefault(name_key(name.split()), {}).setdefault(person, []).append(h)
        extra = dict(self.extra)
        for key, by_person in added.items():
            extra[key] = tuple(Person(name, f"o:{key}:{pid or i}", tuple(hs)) for i, ((name, pid), hs) in enumerate(by_person.items()))
        offices = dict(self.offices)
        for section, accept in (("house-style", True), ("report", False)):
            for country, fams in (overrides.get(section) or {}).items():
                for fam_name, renderings in (fams or {}).items():
                    fam = FAMILY_CODES.get(fam_name, fam_name)
                    old = offices.get((country, fam)) or CountryOffice("", self.family_accepted.get(fam, frozenset()), frozenset(), frozenset())
                    rs = frozenset(norm_title(r) for r in renderings)
                    if accept:
                        offices[(country, fam)] = replace(old, accepted=old.accepted | rs, calques=old.calques - rs, wrong=old.wrong - rs)
                    else:
                        offices[(country, fam)] = replace(old, accepted=old.accepted - rs, calques=old.calques | rs)
        ignore = self.ignore | {name_key(str(n).split()) for n in overrides.get("ignore") or []}
        return replace(self, offices=offices, extra=extra, ignore=ignore, _country_words={}, _accepted={})

    def family_of(self, label: str, country: str) -> str:
        """The family of a newsroom's office from its title: the country's renderings first."""
        t = norm_title(label)
        for (c, fam), office in self.offices.items():
            if c == country and (t in office.accepted or t == norm_title(office.proper)):
                return fam
        fams = self.family_titles.get(t, frozenset())
        return next(iter(fams)) if len(fams) == 1 else "oth"


class OverridesError(ValueError):
    """Newsroom overrides of the wrong shape (the message says which part)."""


def check_overrides(overrides: Any) -> None:
    """Raise :class:`OverridesError` unless ``overrides`` has the documented shape."""
    if not isinstance(overrides, dict):
        raise OverridesError("offices: must be a table")
    unknown = sorted(set(overrides) - {"people", "house-style", "report", "ignore"})
    if unknown:
        raise OverridesError(f"offices: unknown key(s): {', '.join(unknown)} (known: house-style, ignore, people, report)")
    people = overrides.get("people") or []
    if not isinstance(people, list) or not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in people):
        raise OverridesError("offices.people: must be a list of tables, each with a name (a string)")
    for section in ("house-style", "report"):
        value = overrides.get(section) or {}
        ok = isinstance(value, dict) and all(
            isinstance(fams, dict) and all(isinstance(rs, list) and all(isinstance(r, str) for r in rs) for rs in fams.values())
            for fams in value.values()
        )
        if not ok:
            raise OverridesError(f"offices.{section}: must be a table of country = {{family = [titles]}}")
    ignore = overrides.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(n, str) for n in ignore):
        raise OverridesError("offices.ignore: must be a list of names")


@functools.lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once (on first use)."""
    return build_knowledge(_data(), office_table())


def build_knowledge(data: dict[str, Any], table: OfficeTable) -> Knowledge:
    family_titles: dict[str, set[str]] = {}
    family_accepted: dict[str, frozenset[str]] = {}
    for fam_name, spec in data["families"].items():
        code = FAMILY_CODES[fam_name]
        for t in spec.get("titles", []):
            family_titles.setdefault(norm_title(t), set()).add(code)
        family_accepted[code] = frozenset(norm_title(t) for t in spec.get("accepted", []))
    groups: dict[str, frozenset[str]] = {}
    for group in data.get("groups") or []:
        codes = frozenset(FAMILY_CODES[g] for g in group)
        for c in codes:
            groups[c] = groups.get(c, frozenset()) | codes
    offices: dict[tuple[str, str], CountryOffice] = {}
    markers: dict[str, str] = {}
    names: dict[str, str] = {}
    for country, spec in data["countries"].items():
        names[country] = spec.get("name", country)
        for m in spec.get("markers", []):
            markers[norm_title(m)] = country
        for fam_name, o in (spec.get("offices") or {}).items():
            code = FAMILY_CODES[fam_name]
            lists = {k: frozenset(norm_title(t) for t in o.get(k, []) or []) for k in ("accepted", "calques", "wrong")}
            first = (o.get("accepted") or [""])[0]
            offices[(country, code)] = CountryOffice(o.get("proper", ""), lists["accepted"], lists["calques"], lists["wrong"], o.get("native", ""), first)
            for k in ("calques", "wrong"):
                for t in lists[k]:
                    family_titles.setdefault(t, set()).add(code)
    distinct: dict[str, Distinct] = {}
    for written, spec in (data.get("distinct") or {}).items():
        fam = FAMILY_CODES.get(spec.get("family", ""), "")
        distinct[norm_title(written)] = Distinct(written, frozenset(spec["countries"]), fam, spec.get("office", ""))
        if fam:
            family_titles.setdefault(norm_title(written), set()).add(fam)
    literal: dict[str, Literal] = {}
    portfolios = data.get("portfolios") or []
    for spec in data.get("literal") or []:
        for r in spec["renderings"]:
            for t, office in _expand_office(r, str(spec["office"]), portfolios):
                literal[norm_title(t)] = Literal(t, office, spec.get("native", ""), spec.get("lang", ""))
    address = frozenset(norm_title(t) for spec in data.get("forms-of-address") or [] for t in spec["forms"])
    return Knowledge(
        table=table,
        offices=offices,
        country_names=names,
        markers=markers,
        family_titles={k: frozenset(v) for k, v in family_titles.items()},
        family_accepted=family_accepted,
        groups=groups,
        distinct=distinct,
        literal=literal,
        address=address,
    )


# -- the analysis: titles next to names ---------------------------------------------------
class OfficeMention(NamedTuple):
    """A person mention with an office, a form of address or a literal rendering for a title.

    (A named tuple: a document makes a few, a corpus many thousands, and nothing caches them.)"""

    written: str  # the title as written ("Prime Minister", "His Excellency")
    rendering: str  # normalised ("prime minister")
    kinds: int  # OFFICE | LITERAL | ADDRESS
    marker: str | None  # the country of a marker before the title ("German") or "of Germany" after
    qualifier: str  # "" or "time" ("former") or "rank" ("deputy", "a")
    after: bool  # the title follows the name (", the prime minister,")
    sentence_start: bool  # the title starts a sentence
    name: str  # the name as written ("Olaf Scholz", "Scholz")
    key: str  # the name key of a full name ("" for a surname alone)
    surname: str  # the spelling key of the last word
    start: int  # the title and the name, in the document
    end: int
    name_start: int
    name_end: int
    full_keys: tuple[str, ...] = ()  # a surname alone: the keys of full names with it written before


_TOKEN = re.compile(r"[^\s\-]+")
_SENTENCE_END = frozenset(".!?\n\"“”'‘’«»:")


@functools.lru_cache(maxsize=16384)
def parse_title(tokens: tuple[str, ...]) -> tuple[str, int, int, str | None, int, str] | None:
    """``(rendering, kinds, rendering tokens, marker country, marker tokens, qualifier)``
    for the title that ends ``tokens`` (the words before a name), or None."""
    idx = title_index()
    n = len(tokens)
    for size in range(min(idx.longest, n), 0, -1):
        rendering = norm_title(" ".join(tokens[n - size :]))
        kinds = idx.kinds.get(rendering)
        if kinds is None:
            continue
        # a marker written into the rendering ("German Chancellor"): split it off
        for m in range(min(3, size - 1), 0, -1):
            head = norm_title(" ".join(tokens[n - size : n - size + m]))
            rest = norm_title(" ".join(tokens[n - size + m :]))
            if head in idx.markers and rest in idx.kinds:
                rendering, kinds, size = rest, idx.kinds[rest], size - m
                break
        before = tokens[: n - size]
        marker, marker_size = None, 0
        for m in range(min(3, len(before)), 0, -1):
            country = idx.markers.get(norm_title(" ".join(before[len(before) - m :])))
            if country:
                marker, marker_size = country, m
                break
        qualifier = ""
        rest = before[: len(before) - marker_size]
        if rest:
            qualifier = qualifier_of(rest[-1])
            if not qualifier and not marker_size and rendering in GENERIC and _organisation(rest[-1]):
                qualifier = "org"
        if not marker_size and not qualifier and kinds == OFFICE and rendering not in idx.distinct:
            longer = _structural(tokens, n - size)
            if longer is not None:
                return longer
        return rendering, kinds, size, marker, marker_size, qualifier
    return _structural(tokens, n)


def _structural(tokens: tuple[str, ...], first: int) -> tuple[str, int, int, str | None, int, str] | None:
    """A title recognised by its structure, that ends ``tokens`` and starts before
    ``first``: capitalised modifiers and connectors with a head word ("Upper Mayor",
    "Minister of Enlightenment", "State Affairs Minister"), or None."""
    idx = title_index()
    n = len(tokens)
    start = n
    while start > 0 and n - start < 7:
        t = tokens[start - 1]
        w = _last_word(t)
        if t.endswith((",", ";", ":", ".", ")", '"', "”")) and start < n:
            break
        if w in CONNECTORS and start < n:
            start -= 1
            continue
        if not t[:1].isupper() or w in CLAUSE_WORDS or w in TIME_QUALIFIERS or w in RANK_QUALIFIERS or t in CAPITAL_QUALIFIERS:
            break
        if t.endswith(("’s", "'s")) and start < n:
            break
        if idx.kinds.get(w, 0) & ADDRESS:
            break  # "His Excellency President": a form of address before the office
        start -= 1
    run = [_last_word(t) for t in tokens[start:]]
    of = next((i for i, w in enumerate(run) if w in ("of", "for")), len(run))
    cut = max((i + 1 for i, w in enumerate(run[:of]) if w in ("and", "to", "on")), default=0)
    start += cut
    while start < n and _last_word(tokens[start]) in CONNECTORS:
        start += 1
    if start >= first or n - start < 1:
        return None
    # it ends with its head ("State Affairs Minister") or with a portfolio after "of"
    # ("Minister of Enlightenment"), never with a given name ("Finance Minister Christian")
    last = _last_word(tokens[-1])
    compound = n >= 2 and f"{_last_word(tokens[-2])} {last}" in _TWO_WORD_HEADS  # "Chief Executive"
    if last not in HEADS and not compound and not any(_last_word(t) in ("of", "for") for t in tokens[start:]):
        return None
    # a marker at the start is the country, not a modifier
    marker, marker_size = None, 0
    for m in range(min(3, n - start - 1), 0, -1):
        country = idx.markers.get(norm_title(" ".join(tokens[start : start + m])))
        if country:
            marker, marker_size = country, m
            break
    # at a sentence's start, a capitalised word is any word ("Could Prime Minister"):
    # only a word of a title is a modifier there
    if start + marker_size < n and (start == 0 or tokens[start - 1].endswith(tuple(_SENTENCE_END))):
        w = _last_word(tokens[start + marker_size])
        if w not in idx.words and not marker_size:
            start += 1
    if start + marker_size >= first:
        return None
    if first < n and not all(is_common_word(_last_word(t)) or _last_word(t) in CONNECTORS for t in tokens[start + marker_size : first]):
        return None  # a place or a name before a listed title ("California Voivode"): not a modifier of it
    words = tokens[start + marker_size :]
    rendering = norm_title(" ".join(words))
    head, _mods = title_structure(rendering)
    if not head or _last_word(words[0]) in CONNECTORS:
        return None
    qualifier = ""
    if any(_named(t) and _last_word(t) not in HEADS and norm_title(t) not in idx.markers for t in words if _last_word(t) not in CONNECTORS):
        qualifier = "org"
    else:
        before = tokens[:start]
        if before:
            qualifier = qualifier_of(before[-1])
    kinds = idx.kinds.get(rendering, 0) | STRUCT
    return rendering, kinds, len(words), marker, marker_size, qualifier


def _named(token: str) -> bool:
    """Whether a capitalised modifier names an organisation or a party ("ANO", "Labour",
    "Gazprom", "Party"): an acronym, an organisation noun, or a word no dictionary knows."""
    word = token.rstrip(".,")
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    if word.lower() in ORGANISATION_NOUNS or (len(word) >= 2 and word.isupper()):
        return True
    return not is_known_word(word)


def _organisation(token: str) -> bool:
    """Whether a capitalised word before a title names an organisation: an acronym
    ("ANO"), a name no dictionary has ("Gazprom"), or an organisation noun ("Party")."""
    word = token.rstrip(".,")
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    if not word[:1].isupper():
        return False
    if word.lower() in ORGANISATION_NOUNS or (len(word) >= 2 and word.isupper()):
        return True
    return not is_common_word(word)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _last_word(token: str) -> str:
    return token[token.rfind("-") + 1 :].lower().replace(".", "").replace("’", "'")


#: Whether a word (as written) ends a rendering, and whether it can start one; filled as
#: words are met (a corpus has a few thousand distinct last words of titles).
_ENDS: dict[str, int] = {}
_STARTS: dict[str, bool] = {}
_WORD_CACHE_SIZE = 100_000
#: what the last word of a mention's title is (``_ENDS``): the end of a rendering, a
#: capitalised word that no rendering has (a given name the title kept: "Prime Minister
#: Fan" + "Mingzheng"), or neither
_END, _CAPITAL, _OTHER = 1, 2, 0


def _ends(token: str) -> int:
    if len(_ENDS) >= _WORD_CACHE_SIZE:
        _ENDS.clear()
    word = _last_word(token)
    idx = title_index()
    hit = _ENDS[token] = _END if word in idx.last_words else _CAPITAL if token[:1].isupper() and word not in idx.words else _OTHER
    return hit


def _starts(word: str) -> bool:
    if len(_STARTS) >= _WORD_CACHE_SIZE:
        _STARTS.clear()
    hit = _STARTS[word] = _last_word(word) in title_index().words
    return hit


_MARKER_WORDS: dict[str, bool] = {}


def _marker_word(word: str) -> bool:
    """Whether a word is a country's marker by itself ("Belarusian", "German")."""
    hit = _MARKER_WORDS.get(word)
    if hit is None:
        if len(_MARKER_WORDS) >= _WORD_CACHE_SIZE:
            _MARKER_WORDS.clear()
        hit = _MARKER_WORDS[word] = norm_title(word) in title_index().markers
    return hit


_OPENS: dict[str, bool] = {}


def _opens(word: str) -> bool:
    """Whether a word can start an apposition title: a word of a rendering or a marker."""
    if len(_OPENS) >= _WORD_CACHE_SIZE:
        _OPENS.clear()
    w = _last_word(word.rstrip(",.;:"))
    idx = title_index()
    hit = _OPENS[word] = w in idx.words or w in idx.marker_words
    return hit


_HEADED: dict[str, bool] = {}


def _headed(title: str) -> bool:
    """Whether a head word is among the five words before a title's last (titles recur:
    a line of names under one title asked it of every name)."""
    if len(_HEADED) >= _WORD_CACHE_SIZE:
        _HEADED.clear()
    hit = _HEADED[title] = any(_last_word(t) in HEADS for t in title.split()[-6:-1])
    return hit


def _find(doc: Document) -> tuple[OfficeMention, ...]:
    mentions = NAMES.of(doc).mentions
    if not mentions:
        return ()
    view = doc.view
    full_names = _FullNames(mentions)
    ends, starts, opens = _ENDS.get, _STARTS.get, _OPENS.get
    found: list[OfficeMention] = []
    for i, m in enumerate(mentions):
        words = m.words
        multi = len(words) > 1
        # One look-up per mention: does the name start with a word of a rendering
        # ("Taoiseach Andrej Babiš"), or the title end with one?
        candidate = False
        if multi:
            candidate = starts(words[0])
            if candidate is None:
                candidate = _starts(words[0])
            if not candidate and len(words) > 2 and (
                view.startswith(("'s", "’s"), m.full.start + len(words[0])) or _marker_word(words[0])
            ):
                # "Britain's Prime Minister Theresa May", "Belarusian Chancellor Alexander
                # Lukashenko": kept whole by the name finder
                candidate = starts(words[1])
                if candidate is None:
                    candidate = _starts(words[1])
        title = m.title
        if title and not candidate:
            cut = title.rfind(" ")
            token = title[cut + 1 :]
            end = ends(token)
            if end is None:
                end = _ends(token)
            if end == _END:
                candidate = True
            elif end == _CAPITAL and cut > 0:
                # "Prime Minister Fan" + "Mingzheng", "Comrade Kim" + "Jong Un": the title kept a
                # capitalised word of the name
                token = title[title.rfind(" ", 0, cut) + 1 : cut]
                prev = ends(token)
                if prev is None:
                    prev = _ends(token)
                candidate = prev == _END
                if not multi:
                    end = prev
            if not candidate and end == _CAPITAL:
                # "Minister of Enlightenment" + "Sergey Kravtsov": a head word before the
                # capitalised word (the title's structure decides)
                candidate = _HEADED.get(title)
                if candidate is None:
                    candidate = _headed(title)
        if candidate:
            om = _before(doc, m, i, full_names)
            if om is not None:
                found.append(om)
                continue
        if multi and title[-1:].isalpha() and title[title.rfind(" ") + 1 :][:1].isupper():
            om = _words_before(doc, m)
            if om is not None:
                found.append(om)
                continue
        if multi and view.startswith(",", m.full.end):
            # an apposition that starts with a word of a title or of a marker
            end = m.full.end + 1
            while view.startswith((" ", "\u00a0"), end):
                end += 1
            if view.startswith(("the ", "The "), end):
                end += 4
            word = view[end : end + 24].split(" ", 1)[0]
            hit = opens(word)
            if hit is None:
                hit = _opens(word)
            if hit:
                om = _after(doc, m, title_index())
                if om is not None:
                    found.append(om)
    return tuple(found)


#: The title and name a mention's title and words make (``_shape``), by both: titles and
#: names recur across a corpus.  Emptied when full.
_SHAPES: dict[tuple[str, tuple[str, ...]], Any] = {}


def _shape(title: str, words: tuple[str, ...]) -> tuple[tuple, tuple[str, ...], tuple[str, ...]] | None:
    """``(parsed title, the name's words, the title's tokens)`` of a mention whose title
    is ``title``, with words moved between the name and the title, or None."""
    idx = title_index()
    # a dash standing alone ends a title ("Daily Online - Prime Minister"): kept as a token
    tokens = tuple(_TOKEN.findall(" ".join("|" if not w.strip("-–—") else w for w in title.split()[-(idx.longest + 4) :])))
    # Office words that the name kept ("Taoiseach Andrej Babiš"): into the title, and a
    # possessive marker before them ("Britain's", "New" + "Zealand's").
    peeled = 0
    if len(words) > 2 and _last_word(words[1]) in idx.words:
        marker = norm_title(words[0])
        if marker in idx.markers or (tokens and norm_title(f"{tokens[-1]} {words[0]}") in idx.markers):
            peeled = 1
    while peeled < len(words) - 1 and _last_word(words[peeled]) in idx.words:
        peeled += 1
    for p in range(peeled, -1, -1):
        candidate = tokens + tuple(t for w in words[:p] for t in _TOKEN.findall(w))
        parsed = parse_title(candidate) if candidate else None
        if parsed is not None:
            return parsed, words[p:], candidate
    # Capitalised words that the title kept ("Prime Minister Fan" + "Mingzheng"): into the name.
    for t in (1, 2):
        if len(tokens) <= t or not all(_is_cap(w) and _last_word(w) not in idx.words for w in tokens[-t:]):
            break
        parsed = parse_title(tokens[:-t])
        if parsed is not None:
            moved = tuple(w[:-2] if w.endswith(("’s", "'s")) else w for w in tokens[-t:])
            return parsed, moved + words, tokens[:-t]
    return None


def _before(doc: Document, m: Mention, index: int, full_names: _FullNames) -> OfficeMention | None:
    """The title before a mention, with the name's words moved to or from it."""
    words_in = m.words
    if len(words_in) > 2 and doc.view.startswith(("'s ", "’s ", "'s\u00a0", "’s\u00a0"), m.full.start + len(words_in[0])):
        # "Britain's Prime Minister Theresa May": the name finder kept the possessive marker
        # and the title in the name, without the "'s"
        words_in = (words_in[0] + doc.view[m.full.start + len(words_in[0]) : m.full.start + len(words_in[0]) + 2], *words_in[1:])
    key = (m.title, words_in)
    shape = _SHAPES.get(key, False)
    if shape is False:
        if len(_SHAPES) >= _WORD_CACHE_SIZE:
            _SHAPES.clear()
        shape = _SHAPES[key] = _shape(m.title, words_in)
    if shape is None:
        return None
    parsed, words, tokens = shape
    rendering, kinds, size, marker, marker_size, qualifier = parsed
    view = doc.view
    name_end = m.full.end
    # Offsets: the name's words and the title's tokens, read backwards from the name's end.
    name_start = m.full.start
    moved = len(words) - len(m.words)
    pos = name_start
    if moved > 0:
        for w in reversed(words[:moved]):
            at = view.rfind(w, max(0, pos - len(w) - 8), pos)
            if at < 0:
                return None
            pos = at
        name_start = pos
    elif moved < 0:
        name_start = view.find(words[0], name_start, name_end) if words else -1
        if name_start < 0:
            return None
    pos = name_start
    title_tokens = tokens[len(tokens) - size :]
    title_end = None
    for t in reversed(title_tokens):
        at = view.rfind(t, max(0, pos - len(t) - 8), pos)
        if at < 0:
            return None
        if title_end is None:
            title_end = at + len(t)
        pos = at
    title_start = pos
    if title_end is None:
        return None
    sentence_start = marker_size == 0
    j = title_start - 1
    while j >= 0 and view[j] in " \t\u00a0":
        j -= 1
    if j >= 0 and view[j] not in _SENTENCE_END:
        sentence_start = False
    if view.startswith(("-elect", "-designate", " elect", "-in-waiting"), name_end):
        qualifier = qualifier or "time"
    written = view[title_start:title_end]
    # a possessive ends the name: "Narendra Modi's Twitter" is Narendra Modi
    cut = re.search(r"['’]s\b", view[name_start:name_end])
    if cut is not None:
        kept = view[name_start : name_start + cut.start()].split()
        if not kept:
            return None
        words = tuple(words[: len(kept)])
        name_end = name_start + cut.start()
    else:
        # a surname with a particle in lower case, where the name finder stopped: "Bashar"
        # + "al-Assad", "Ursula" + "von der Leyen"; kept when the table knows the longer name
        tail = _PARTICLE_TAIL.match(view, name_end)
        if tail is not None:
            longer = (*words, *tail.group(0).split())
            if office_table().people(name_key(longer)):
                words, name_end = longer, tail.end()
    key = name_key(words) if len(words) > 1 else ""
    full_keys: tuple[str, ...] = ()
    surname = folded(words[-1])
    if not key:
        full_keys = full_names.before(index, surname)
    return OfficeMention(
        written=written,
        rendering=rendering,
        kinds=kinds,
        marker=marker,
        qualifier=qualifier,
        after=False,
        sentence_start=sentence_start,
        name=view[name_start:name_end],
        key=key,
        surname=surname,
        start=title_start,
        end=name_end,
        name_start=name_start,
        name_end=name_end,
        full_keys=full_keys,
    )


#: a surname with a lower-case particle after a name ("al-Assad", "el-Sisi", "von der Leyen",
#: "de Gaulle"), up to a possessive
_PARTICLE_TAIL = re.compile(
    r"(?:[ \u00a0](?:(?:al|el|ad|as|ash|at|ar|an|az|ud|ul)-|(?:von der|van der|van den|von|van|de la|de|du|del|della|di|le|la)[ \u00a0])"
    r"[A-Z][\w’'-]*?(?=['’]s\b|[^\w’'-]|$))+"
)


class _FullNames:
    """The full names of a document by the spelling key of their last and first words,
    read as far as asked (a surname alone looks only at the names before it)."""

    __slots__ = ("mentions", "read", "by_surname")

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.read = 0
        self.by_surname: dict[str, list[str]] = {}

    def before(self, index: int, surname: str) -> tuple[str, ...]:
        for m in self.mentions[self.read : index]:
            words = m.words
            if len(words) > 1:
                key = name_key(words)
                for word in {folded(words[-1]), folded(words[0])}:
                    keys = self.by_surname.setdefault(word, [])
                    if key not in keys:
                        keys.append(key)
        self.read = max(self.read, index)
        return tuple(self.by_surname.get(surname, ()))


def _after(doc: Document, m: Mention, idx: TitleIndex) -> OfficeMention | None:
    """An apposition after a full name: "Olaf Scholz, the prime minister, said"."""
    if len(m.words) < 2:
        return None
    view = doc.view
    end = m.full.end
    found = idx.after.match(view, end, min(len(view), end + 120))
    if found is None:
        return None
    tokens = tuple(_TOKEN.findall(found.group("title")))
    parsed = parse_title(tokens)
    if parsed is None or not parsed[1] & (OFFICE | LITERAL):
        return None
    rendering, kinds, size, marker, marker_size, qualifier = parsed
    if size + marker_size != len(tokens):
        return None  # the whole apposition must be the title ("the prime minister", not "a friend of the minister")
    if found.group("of"):
        of_marker = idx.markers.get(norm_title(found.group("of")))
        if of_marker is None:
            qualifier = qualifier or "org"  # "the Chairman of the Board of Directors": an organisation's office
        marker = of_marker or marker
    title_start = found.start("title")
    if marker_size:
        at = title_start
        for t in tokens[:marker_size]:
            at = view.find(t, at) + len(t)
        title_start = at + 1
    title_end = found.end("title")
    return OfficeMention(
        written=view[title_start:title_end],
        rendering=rendering,
        kinds=kinds,
        marker=marker,
        qualifier=qualifier,
        after=True,
        sentence_start=False,
        name=view[m.full.start : end],
        key=name_key(m.words),
        surname=folded(m.words[-1]),
        start=m.full.start,
        end=title_end,
        name_start=m.full.start,
        name_end=end,
    )


#: What English itself writes with a capital before a name besides offices: courtesy and
#: academic titles, ranks, religious and noble styles, elected and professional roles
#: (the target language's styles, not any source language's forms of address)
ENGLISH_STYLES = frozenset(
    "mr mrs ms miss mx dr doctor prof professor sir dame lord lady master madam reverend rev father sister brother "
    "pastor bishop archbishop cardinal rabbi imam sheikh sheik ayatollah mullah saint st pope patriarch metropolitan "
    "prince princess duke duchess earl baron baroness count countess viscount marquess marquis knight "
    "general gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm sergeant sgt corporal "
    "cpl private pvt marshal brigadier commodore ensign officer detective inspector constable superintendent sheriff "
    "deputy agent trooper chaplain dean provost rector coach judge justice senator sen representative rep "
    "congressman congresswoman delegate assemblyman assemblywoman councilman councilwoman alderman commissioner "
    "ambassador attorney solicitor barrister nurse astronaut chef candidate nominee team".split()
)


@functools.lru_cache(maxsize=1)
def _office_title_words() -> frozenset[str]:
    """The words of the index's office titles (not of its literal renderings nor of its
    forms of address), the head words and English's own styles before a name."""
    return frozenset(w for t, kinds in title_index().kinds.items() if kinds & OFFICE for w in t.split()) | HEADS | ENGLISH_STYLES


_CAPITAL_RUN = re.compile(r"(?:(?<=[\s\u00a0(\"“‘'—–-])|^)((?:[A-Z][a-z]+[ \u00a0]){1,3})$")


def _words_before(doc: Document, m: Mention) -> OfficeMention | None:
    """One to three capitalised common words right before a full name that no title,
    marker or qualifier has ("Citizen Emmanuel Macron", "Respected Comrade Kim Jong Un"):
    English writes a descriptive word before a name in lower case ("populist Viktor
    Orban") but at a sentence's start, so such a run is a form of address or an office
    the index does not know.  At a sentence's start only a run of two or more words
    counts (its second capital is the evidence: "Researcher David Hodgson" is English,
    "Respected Comrade Kim Jong Un" is not).  Not after another capitalised word (a
    headline in title case, a longer name) nor in a line that does not end a sentence,
    nor before a name that a word in lower case does not follow.  T103 judges it."""
    view = doc.view
    start = m.full.start
    run = _CAPITAL_RUN.search(view, max(0, start - 40), start)
    if run is None:
        return None
    idx = title_index()
    office_words = _office_title_words()
    words = run.group(1).split()
    keep: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if (low in office_words or low.endswith("s") and low[:-1] in office_words or low in CLAUSE_WORDS or low in TIME_QUALIFIERS or low in RANK_QUALIFIERS
                or low in idx.marker_words or low in PARTY_WORDS or not is_common_word(low)):
            break
        keep.insert(0, w)
    if not keep:
        return None
    title_start = start - len(" ".join(keep)) - 1
    if view[title_start : start].split() != keep:
        return None
    # what stands before the run: a sentence's end (or the text's start), or a word in lower case
    j = title_start - 1
    while j >= 0 and view[j] in " \t\u00a0":
        j -= 1
    sentence_start = j < 0 or view[j] in _SENTENCE_END
    if sentence_start and len(keep) < 2:
        return None  # "Researcher David Hodgson": any word has a capital there; a second one is the evidence
    if not sentence_start:
        before = view[max(0, j - 30) : j + 1].split()
        if not before or before[-1][:1].isupper() and not before[-1].endswith(","):
            return None  # title case, or a longer name
    # the line ends a sentence, and the name is followed by a word in lower case (a verb)
    line_end = view.find("\n", m.full.end)
    line = view[m.full.end : line_end if line_end >= 0 else len(view)].rstrip()
    if not line.endswith((".", "!", "?", '"', "”", "'", "’")):
        return None
    nxt = line.lstrip(" ,\u00a0")[:1]
    if not nxt.islower():
        return None
    rendering = norm_title(" ".join(keep))
    return OfficeMention(
        written=view[title_start:start].rstrip(),
        rendering=rendering,
        kinds=WORDS,
        marker=None,
        qualifier="",
        after=False,
        sentence_start=sentence_start,
        name=view[start : m.full.end],
        key=name_key(m.words),
        surname=folded(m.words[-1]),
        start=title_start,
        end=m.full.end,
        name_start=start,
        name_end=m.full.end,
    )


#: The titled person mentions of a document that T103 judges.
OFFICE_TITLES: Analysis[tuple[OfficeMention, ...]] = analysis("office_titles")(_find)



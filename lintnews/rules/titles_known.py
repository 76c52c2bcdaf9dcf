"""T103 office-not-held: a title next to a known person's name that is not an office
the person held.

Knowledge: ``lintnews/data/offices.tsv`` (people and the offices they held, built by
``training/build_offices.py`` from Wikidata-derived tables, CC0) and
``rules/offices-by-country.yaml`` (each country's offices, their proper English titles,
accepted renderings and the literal renderings machine translation makes of them).

The logic is :func:`find_office_errors`, a pure function of a text, the knowledge and the
newsroom's overrides (a plain dict, see :func:`Knowledge.with_overrides`); the rule class
only wraps it.  This module imports nothing else from lintnews but the registry and data
helpers, so it can move as a whole.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lintnews.core.data import builtin_yaml, rules_dir
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.options import FrozenMap, Invalid, Kind, Option, freeze, strings
from lintnews.core.rule import DocumentRule, register

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
    "crown-prince": "cp",
    "speaker": "spk",
}
#: families whose titles are compared (the others are only known, never reported)
REPORTED = frozenset({"hog", "hos", "sg", "cj", "fm", "def", "fin", "int", "cp"})
TOP = frozenset({"hog", "hos"})
MONARCH_LABEL = re.compile(r"^(monarch|king|queen|emperor|emir|amir|sultan)\b", re.I)
MONARCH_TITLES = frozenset({"king", "queen", "monarch", "sovereign", "emperor", "emir", "amir", "sultan", "head of state"})

# Words before a title that make it another office or another time: "former Prime
# Minister", "Deputy Prime Minister", "then-Chancellor", "Prime Minister-designate".
QUALIFIERS = frozenset(
    "former ex then late acting interim caretaker deputy vice outgoing incoming designate elect future "
    "would-be prospective candidate shadow opposition first assistant under honorary erstwhile onetime "
    "one-time previous past retired transitional alternate junior senior associate co provisional "
    "aspiring presumptive potential possible".split()
)
_TRAILING_QUALIFIER = re.compile(r"^(?:-|\s+)(?:elect|designate|nominee|candidate|hopeful)\b", re.I)
NAME_PARTICLES = frozenset("de da do dos das di del della van von der den ter bin ibn al el la le du y e".split())
_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]\"“”«»\n]|,(?!\d)")


def fold(text: str) -> str:
    """Accents, case and punctuation folded, and a few transliteration variants made one:
    ``Sergei``/``Sergey``, ``Zelenskyy``/``Zelensky``/``Zelenskiy``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"(?:iy|yy|ii|yi)\b", "y", text)
    text = re.sub(r"ey\b", "ei", text)
    return text


def norm_title(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower().replace(".", "")).strip()


# -- the knowledge ---------------------------------------------------------------------
@dataclass(frozen=True)
class Holding:
    country: str
    family: str
    label: str
    start: str
    end: str


@dataclass
class Person:
    name: str
    pid: str
    raw: str = ""
    _holdings: tuple[Holding, ...] | None = None
    labels: tuple[str, ...] = ()

    @property
    def holdings(self) -> tuple[Holding, ...]:
        if self._holdings is None:
            hs = []
            for cell in self.raw.split(";"):
                c, f, n, s, e = cell.split("|")
                hs.append(Holding(c, f, self.labels[int(n)], s, e))
            self._holdings = tuple(hs)
        return self._holdings


@dataclass
class CountryOffice:
    proper: str
    accepted: frozenset[str]
    calques: frozenset[str]
    wrong: frozenset[str]
    native: str = ""
    first: str = ""  # the first accepted rendering, suggested in messages


class PeopleIndex:
    """Folded full name -> people; the table's lines are parsed when a name is looked up,
    and the newsroom's people (``extra``) replace the table's of the same name."""

    def __init__(self, lines: list[str], labels: tuple[str, ...], extra=None) -> None:
        self.lines = lines  # sorted; each starts with its key and a tab
        self.labels = labels
        self.extra: dict[str, list[Person]] = dict(extra or {})
        self._cache: dict[str, list[Person]] = {}

    def get(self, key: str) -> list[Person] | None:
        if key in self.extra:
            return self.extra[key]
        got = self._cache.get(key)
        if got is None:
            i = bisect.bisect_left(self.lines, key + "\t")
            lines = []
            while i < len(self.lines) and self.lines[i].startswith(key + "\t"):
                lines.append(self.lines[i])
                i += 1
            if not lines:
                return None
            got = []
            for line in lines:
                _key, name, pid, cells = line.split("\t")
                p = Person(name, pid, cells)
                p.labels = self.labels
                got.append(p)
            self._cache[key] = got
        return got

    def with_extra(self, extra: dict[str, list[Person]]) -> PeopleIndex:
        return PeopleIndex(self.lines, self.labels, {**self.extra, **extra})

    def __len__(self) -> int:
        return len(self.lines)


@dataclass
class Knowledge:
    people: PeopleIndex  # folded full name -> people
    offices: dict[tuple[str, str], CountryOffice]  # (country, family code) -> office
    country_names: dict[str, str]
    markers: dict[str, str]  # folded marker -> country
    family_titles: dict[str, frozenset[str]]  # normalised title -> family codes
    family_accepted: dict[str, frozenset[str]]  # family code -> accepted renderings
    ignore: frozenset[str] = frozenset()
    title_regex: re.Pattern[str] | None = None
    marker_regex: str = ""
    surnames_cache: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, overrides: dict[str, Any] | None) -> Knowledge:
        """A copy with the newsroom's additions, which take precedence over the table.

        ``overrides`` is a plain dict (from the configuration)::

            people:        # added people; a name given here replaces the table's people of that name
              - {name: "Jane Smith", country: "US", office: "Mayor of Springfield",
                 family: "head-of-government" (optional), start: 2020, end: null}
            house-style:   # renderings the newsroom uses: accepted, never reported
              CN: {head-of-government: ["Prime Minister"]}
            report:        # renderings the newsroom rejects for an office: reported
              CN: {head-of-government: ["Premier Minister"]}
            ignore: ["John Roberts"]   # names never reported
        """
        if not overrides:
            return self
        added: dict[str, list[Person]] = {}
        for spec in overrides.get("people", []) or []:
            name = str(spec["name"])
            fam = FAMILY_CODES.get(str(spec.get("family", "")), str(spec.get("family", "")))
            if not fam:
                fam = self._family_of(str(spec.get("office", "")), str(spec.get("country", "")))
            h = Holding(
                str(spec.get("country", "")),
                fam,
                str(spec.get("office", "")),
                str(spec.get("start") or ""),
                str(spec.get("end") or ""),
            )
            key = fold(name)
            existing = [p for p in added.get(key, []) if p.name == name]
            if existing:
                p = existing[0]
                p._holdings = p.holdings + (h,)
            else:
                p = Person(name, f"o:{key}")
                p._holdings = (h,)
                added.setdefault(key, []).append(p)
        people = self.people.with_extra(added)
        offices = dict(self.offices)
        for section, accept in (("house-style", True), ("report", False)):
            for country, fams in (overrides.get(section) or {}).items():
                for fam_name, renderings in (fams or {}).items():
                    fam = FAMILY_CODES.get(fam_name, fam_name)
                    old = offices.get((country, fam)) or CountryOffice(
                        "", self.family_accepted.get(fam, frozenset()), frozenset(), frozenset()
                    )
                    rs = frozenset(norm_title(r) for r in renderings)
                    if accept:
                        offices[(country, fam)] = CountryOffice(
                            old.proper, old.accepted | rs, old.calques - rs, old.wrong - rs, old.native, old.first
                        )
                    else:
                        offices[(country, fam)] = CountryOffice(
                            old.proper, old.accepted - rs, old.calques | rs, old.wrong, old.native, old.first
                        )
        ignore = self.ignore | {fold(n) for n in overrides.get("ignore", []) or []}
        return Knowledge(
            people, offices, self.country_names, self.markers, self.family_titles, self.family_accepted,
            ignore, self.title_regex, self.marker_regex,
        )


def _family_of_label(k: Knowledge, label: str, country: str) -> str:
    """The family of a newsroom's office from its title: the country's renderings first."""
    t = norm_title(label)
    for (c, fam), office in k.offices.items():
        if c == country and (t in office.accepted or t == norm_title(office.proper)):
            return fam
    fams = k.family_titles.get(t, frozenset())
    return next(iter(fams)) if len(fams) == 1 else "oth"


Knowledge._family_of = lambda self, label, country: _family_of_label(self, label, country)  # type: ignore[attr-defined]


def _load_table(path) -> PeopleIndex:
    """The table's lines, sorted by folded name (each line's first column)."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    i = 1
    while i < len(lines) and lines[i].startswith("L\t"):
        i += 1
    labels = tuple(line[2:] for line in lines[1:i])
    people = lines[i:]
    if people and not people[-1]:
        people.pop()
    return PeopleIndex(people, labels)


def table_path():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "data" / "offices.tsv"


@functools.lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once (on first use)."""
    data = builtin_yaml("offices-by-country.yaml")
    return build_knowledge(data, _load_table(table_path()))


def build_knowledge(data: dict, people: PeopleIndex) -> Knowledge:
    family_titles: dict[str, set[str]] = {}
    family_accepted: dict[str, frozenset[str]] = {}
    for fam_name, spec in data["families"].items():
        code = FAMILY_CODES[fam_name]
        for t in spec.get("titles", []):
            family_titles.setdefault(norm_title(t), set()).add(code)
        family_accepted[code] = frozenset(norm_title(t) for t in spec.get("accepted", []))
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
            offices[(country, code)] = CountryOffice(
                o.get("proper", ""), lists["accepted"], lists["calques"], lists["wrong"], o.get("native", ""), first
            )
            for k in ("calques", "wrong"):
                for t in lists[k]:
                    family_titles.setdefault(t, set()).add(code)
    titles = sorted(family_titles, key=len, reverse=True)
    title_alt = "|".join(re.escape(t).replace(r"\ ", r"[\s\-]+") for t in titles)
    marks = sorted(markers, key=len, reverse=True)
    marker_alt = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in marks)
    # a title that ends right before a name, with an optional marker and qualifiers
    title_regex = re.compile(
        rf"(?:(?P<marker>{marker_alt})\.?\s+)?(?P<title>{title_alt})\s+$",
        re.IGNORECASE,
    )
    return Knowledge(
        people,
        offices,
        names,
        markers,
        {k: frozenset(v) for k, v in family_titles.items()},
        family_accepted,
        frozenset(),
        title_regex,
        marker_alt,
    )


# -- finding titles next to names --------------------------------------------------------
@dataclass(frozen=True)
class OfficeError:
    start: int  # the title (and name) in the text
    end: int
    title: str
    name: str
    person: str
    message: str
    suggestion: str | None


def _name_runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised tokens (with name particles inside) separated by single spaces."""
    run: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        capital = word[0].isupper()
        if run:
            gap = text[run[-1].end() : m.start()]
            joined = gap in (" ", "\u00a0")
            if joined and (capital or (word in NAME_PARTICLES)):
                run.append(m)
                continue
            yield _trim(run)
            run = []
        if capital:
            run.append(m)
    if run:
        yield _trim(run)


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    while run and run[-1].group() in NAME_PARTICLES:
        run = run[:-1]
    return run


def _surname(person: Person) -> str | None:
    words = fold(person.name).split()
    if len(words) < 2:
        return None
    countries = {h.country for h in person.holdings}
    if countries & {"CN", "TW", "KR", "KP"} and len(words) <= 3:
        return words[0]
    return words[-1]


def _years(h: Holding) -> str:
    if h.start and h.end:
        return f"{h.start}-{h.end}" if h.start != h.end else h.start
    if h.start:
        return f"from {h.start}"
    return f"until {h.end}" if h.end else ""


def _office_name(k: Knowledge, h: Holding) -> str:
    office = k.offices.get((h.country, h.family))
    if office and office.proper and h.family in REPORTED:
        return office.proper
    label = h.label
    country = k.country_names.get(h.country)
    if country and " of " not in label and h.country not in ("UN", "EU", "NATO", "VA", "WHO", "IMF"):
        return f"{label[0].upper() + label[1:]} of {country}"
    return label


def _accepted(k: Knowledge, h: Holding) -> frozenset[str]:
    office = k.offices.get((h.country, h.family))
    base = k.family_accepted.get(h.family, frozenset())
    if office:
        # the country's renderings, and the family's unless the country rejects them
        base = office.accepted | (base - office.wrong - office.calques)
    if h.family == "hos" and MONARCH_LABEL.match(h.label):
        base = (base - {"president"}) | MONARCH_TITLES
    label = norm_title(h.label)
    forms = {label, label.split(" of ")[0]}
    return base | frozenset(forms)


def _title_ok(k: Knowledge, person: Person, title: str) -> bool:
    """Whether the title is a rendering of an office the person held."""
    t = norm_title(title)
    for h in person.holdings:
        label = norm_title(h.label)
        if t in _accepted(k, h):
            office = k.offices.get((h.country, h.family))
            if not (office and (t in office.calques or t in office.wrong) and t not in office.accepted):
                return True
        if label.startswith(t + " ") or label == t or label.endswith(" " + t):
            return True
    words = set(t.split())
    # generic words: "President" of anything the person presided, "Chairman", "Secretary"
    if len(words) == 1:
        w = next(iter(words))
        for h in person.holdings:
            lw = norm_title(h.label)
            if w in lw.split() and not lw.startswith(("vice ", "deputy ")):
                return True
    return False


def _judge(k: Knowledge, person: Person, title: str, marker: str | None) -> str | None:
    """The office to suggest when ``title`` is not an office ``person`` held, else None."""
    t = norm_title(title)
    families = k.family_titles.get(t, frozenset())
    if not families:
        return None
    held = person.holdings
    if marker:
        country = k.markers.get(norm_title(marker))
        if country and not any(h.country == country for h in held):
            return None
    if _title_ok(k, person, title):
        return None
    held_families = {h.family for h in held if h.family in REPORTED}
    relevant = families & held_families
    if not relevant and families & TOP:
        relevant = held_families & TOP
    if not relevant:
        return None
    hs = [h for h in held if h.family in relevant]
    # an explicitly listed calque or wrong rendering for the held office, or a title of the
    # family that no held office accepts
    h = max(hs, key=lambda h: (h.start or "0", h.end or "9999"))
    return h


def find_office_errors(text: str, k: Knowledge) -> list[OfficeError]:
    """Titles next to known people's names that are not offices they held (pure)."""
    found: list[OfficeError] = []
    seen_full: dict[str, list[Person]] = {}  # surname -> people whose full name appeared
    for run in _name_runs(text):
        n = len(run)
        i = 0
        while i < n:
            hit = None
            for a in range(i, n):
                for b in range(n, a + 1, -1):
                    key = fold(text[run[a].start() : run[b - 1].end()])
                    people = k.people.get(key)
                    if people:
                        hit = (a, b, people)
                        break
                if hit:
                    break
            if hit is None:
                # a surname alone, after the full name appeared
                for a in range(i, n):
                    w = fold(run[a].group())
                    cands = seen_full.get(w)
                    if cands and (a == n - 1 or run[a + 1].group()[0].isupper() is False):
                        hit = (a, a + 1, cands)
                        break
                if hit is None:
                    break
                surname_only = True
            else:
                surname_only = False
            a, b, people = hit
            name_start, name_end = run[a].start(), run[b - 1].end()
            name_text = text[name_start:name_end]
            if not surname_only:
                for p in people:
                    s = _surname(p)
                    if s:
                        lst = seen_full.setdefault(s, [])
                        if all(q.pid != p.pid for q in lst):
                            lst.append(p)
            err = _check_mention(text, k, people, name_start, name_end, name_text)
            if err:
                found.append(err)
            i = b
    return found


def _check_mention(text: str, k: Knowledge, people: list[Person], start: int, end: int, name_text: str):
    if fold(name_text) in k.ignore or any(fold(p.name) in k.ignore for p in people):
        return None
    # the clause before the name
    before = text[max(0, start - 90) : start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    clause = before[cut:]
    m = k.title_regex.search(clause) if k.title_regex else None
    title_start = title_end = -1
    title = marker = None
    if m:
        title, marker = m.group("title"), m.group("marker")
        title_start = start - len(clause) + m.start("marker" if marker else "title")
        title_end = start - len(clause) + m.end("title")
        head = clause[: m.start()].rstrip()
        last = re.split(r"[\s]+", head)[-1].lower() if head else ""
        if last.endswith("-") or re.search(r"\b(ex|then|former|vice|deputy)[-\s]*$", head.lower()):
            return None
        if last.rstrip("-") in QUALIFIERS or last in ("a", "an"):
            return None
        if re.search(r"(?:'s|’s)$", last):  # "Germany's Chancellor" is a marker too
            marker = marker or last[:-2]
        if _TRAILING_QUALIFIER.match(text[end:]):
            return None
        # the title must be the words right before the name ("Prime Minister Olaf Scholz")
        if text[title_end:start].strip():
            return None
    else:
        after = text[end : end + 90]
        m2 = re.match(
            rf",\s+(?:the\s+)?(?:(?P<marker>{k.marker_regex})\s+)?(?P<title>[A-Za-z][A-Za-z \-]+?)"
            rf"(?:\s+of\s+(?P<of>[A-Z][\w ]+?))?(?=\s*[,.;:)]|\s+(?:and|who|said|says|told)\b)",
            after,
        )
        if not m2 or norm_title(m2.group("title")) not in k.family_titles:
            return None
        head = m2.group("title").split()[0].lower()
        if head in QUALIFIERS:
            return None
        title, marker = m2.group("title"), m2.group("marker") or m2.group("of")
        title_start, title_end = end + m2.start("title"), end + m2.end("title")
    if not title:
        return None
    # which person: ambiguous names need a marker that leaves one
    cands = people
    if len({p.pid for p in cands}) > 1 and marker:
        country = k.markers.get(norm_title(marker))
        cands = [p for p in cands if any(h.country == country for h in p.holdings)]
    if len({p.pid for p in cands}) != 1:
        return None
    person = cands[0]
    h = _judge(k, person, title, marker)
    if h is None:
        return None
    office = _office_name(k, h)
    years = _years(h)
    offices = k.offices.get((h.country, h.family))
    suggestion = None
    if offices and offices.first:
        suggestion = offices.first
    else:
        suggestion = h.label.split(" of ")[0]
        suggestion = suggestion[0].upper() + suggestion[1:]
    verb = "was" if h.end else "has been"
    span_start = min(title_start, start)
    span_end = max(title_end, end)
    message = f"'{title}' {name_text}: {person.name} {verb} {office}" + (f" ({years})" if years else "")
    return OfficeError(span_start, span_end, title, name_text, person.name, message, suggestion)


def _titlecase(t: str) -> str:
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else (w.upper() if w in ("pm", "un", "us") else w.capitalize()) for w in t.split())


def find_literal_calques(text: str, k: Knowledge) -> list[OfficeError]:
    """A country's marker, a literal rendering of one of its offices and a name:
    ``Mexican Chancellor Marcelo Ebrard``, for a person the table may not know."""
    out = []
    calques = {}
    for (country, fam), office in k.offices.items():
        for c in office.calques:
            calques.setdefault(c, []).append((country, fam, office))
    if not calques:
        return out
    alt = "|".join(re.escape(c).replace(r"\ ", r"[\s\-]+") for c in sorted(calques, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w-])(?P<marker>{k.marker_regex})\s+(?P<title>{alt})\s+(?=[A-Z][a-z])", re.IGNORECASE)
    for m in rx.finditer(text):
        country = k.markers.get(norm_title(m.group("marker")))
        t = norm_title(m.group("title"))
        for c_country, fam, office in calques.get(t, []):
            if c_country != country or t in office.accepted or not office.proper:
                continue
            head = text[max(0, m.start() - 20) : m.start()].lower().split()
            if head and head[-1].rstrip("-") in QUALIFIERS:
                continue
            if not m.group("title")[0].isupper():
                continue
            native = f" ({office.native})" if office.native else ""
            message = (
                f"'{m.group('title')}' is a literal rendering of the {k.country_names.get(country, country)} "
                f"office{native}; in English it is '{office.proper}'"
            )
            out.append(OfficeError(m.start("title"), m.end("title"), m.group("title"), "", "", message, office.proper))
    return out


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


@register
class OfficeNotHeld(DocumentRule):
    """Finds a title next to a known person's name that is not an office the person held:
    ``Prime Minister Olaf Scholz`` (he was Chancellor), ``General Secretary Guterres``
    (Secretary-General), ``Chief Judge Roberts`` (Chief Justice).

    Why: machine translation renders an office through another language's vocabulary
    (Bundeskanzler -> "Prime Minister", canciller -> "Chancellor", 秘书长 -> "General
    Secretary") and turns the person into the holder of an office they never held.

    Example: ``Prime Minister Olaf Scholz`` -> ``Chancellor Olaf Scholz``.

    The people and their offices (past and present; about 51,000 people, 88,000
    office-holdings in 45 countries and organisations) come from Wikidata through
    ``lintnews/data/offices.tsv``; the offices of each country, their English titles and
    the literal renderings machine translation makes of them are in
    ``rules/offices-by-country.yaml``.  A surname alone counts after the full name; a name
    two people share is checked only when a country marker leaves one.  "Former",
    "acting", "deputy" and "vice" titles are other offices and are left alone, and so are
    titles in quotations.  A country's marker with a literal rendering of its office
    (``Mexican Chancellor``) is reported for anyone.
    """

    code = "T103"
    name = "office-not-held"
    severity = "warning"
    reads_quotes = False

    options = (
        Option("people", PEOPLE, (), "People the table lacks or has wrong: tables of name, country, office, family (optional), start, end; a name given here replaces the table's people of that name."),
        Option("house-style", RENDERINGS, FrozenMap({}), 'Renderings the newsroom uses for an office, never reported: {CN = {head-of-government = ["Prime Minister"]}}.'),
        Option("report", RENDERINGS, FrozenMap({}), "Renderings the newsroom rejects for an office, reported (same shape as house-style)."),
        Option("ignore", strings(), (), "Names of people never reported."),
    )

    def _knowledge(self) -> Knowledge:
        k = knowledge()
        s = self.settings
        overrides = {"people": s.people, "house-style": s.house_style, "report": s.report, "ignore": s.ignore}
        return k.with_overrides(overrides) if any(overrides.values()) else k

    def check(self, doc: Document) -> Iterator[Finding]:
        k = self._knowledge()
        errors = find_office_errors(doc.view, k)
        spans = [(e.start, e.end) for e in errors]
        for e in find_literal_calques(doc.view, k):
            if not any(s <= e.start < t for s, t in spans):
                errors.append(e)
        for e in sorted(errors, key=lambda e: e.start):
            yield self.finding(doc, e.start, e.end, e.message, suggestion=e.suggestion)


__all__ = ["OfficeNotHeld", "find_office_errors", "find_literal_calques", "knowledge", "build_knowledge", "fold"]
_ = rules_dir  # the YAML is found through lintnews.core.data (source tree or wheel)

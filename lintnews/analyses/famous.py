"""Famous office-holders, looked up by a respelling of their name.

The holders of the compared offices (heads of state and government, ministers of the
compared portfolios, secretaries-general, chief justices: the ``S`` lines of
``lintnews/data/offices.tsv``, see :mod:`lintnews.analyses.offices`) are indexed once,
lazily, by their given name, and found by their surname's spelling key
(``names.keys.folded``) by bisection over the table's surname lines.
:func:`famous_lookalike` says which one holder a written name is a respelling of: the
same given name and a surname one letter-edit away (a transliteration swap, "y"/"i",
"w"/"v", counts as one), or the same surname and a given name one edit away (two edits
found real namesakes in edited news: "Chris Higgins"/"Chris Hipkins");
``None`` when the written name is itself a table person's, when no holder or more than
one is that close, or when both surnames are frequent surnames (two families).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lintnews.analyses.names.keys import folded, strip_accents
from lintnews.analyses.names.surnames import is_frequent_surname
from lintnews.analyses.offices import REPORTED, SUFFIXES, TOP, Holding, Person, knowledge, name_key, norm_title, office_table


@dataclass(frozen=True)
class Holder:
    given: str  # as the table writes them
    surname: str
    name: str
    key: str  # the table's name key


@dataclass(frozen=True)
class Lookalike:
    name: str  # the holder's spelling
    office: str  # "President of Russia"


@functools.lru_cache(maxsize=1)
def _by_given() -> dict[str, list[str]]:
    """The ``S`` lines of the holders of compared offices by their given name in lower
    case (accents kept: a look-up tries the written form and the form without accents);
    a line is parsed only when its given name is looked up."""
    table = office_table()
    s0, s1 = table.surname_section
    by_given: dict[str, list[str]] = {}
    for line in table.data[s0:s1].decode("utf-8").split("\n"):
        name = line[line.rfind("\t") + 1 :]
        by_given.setdefault(name[: name.find(" ")].lower(), []).append(line)
    return by_given


def _given_holders(given: str) -> tuple[Holder, ...]:
    lines = _by_given().get(given, ())
    return tuple(h for h in (_holder(line.split("\t")) for line in lines if line.count("\t") == 3) if h is not None)


def _holder(parts: list[str]) -> Holder | None:
    words = [w for w in parts[3].split() if w not in SUFFIXES]
    if len(words) < 2 or len(words[0]) < 2 or len(words[-1]) < 3 or words[0].endswith("."):
        return None
    return Holder(words[0], words[-1], parts[3], parts[2])


def _by_surname(surname: str) -> tuple[Holder, ...]:
    """The holders of compared offices whose surname has this spelling key (a bisection
    over the table's sorted ``S`` lines)."""
    rows = office_table().surname_rows(f"{folded(surname)}\t")
    return tuple(h for h in map(_holder, rows) if h is not None)


def _plain(word: str) -> str:
    return strip_accents(word).lower()


def _ending(word: str) -> str:
    """A name word with the iotation and adjective-ending spellings English news mixes
    made one: "Zelenskyy"/"Zelensky"/"Zelenskiy", "Smaiylov"/"Smailov"."""
    s = word.replace("iy", "i").replace("yy", "y")
    return s[:-1] + "i" if s.endswith("y") else s


def accepted_variant(a: str, b: str) -> bool:
    """Two spellings of one name word that English news both writes: they differ only in
    accents, in an iotated "iy"/"y" or in a final "y"/"yy"/"iy"/"i"."""
    return _ending(_plain(a)) == _ending(_plain(b))


def _given_key(word: str) -> str:
    """A given name folded, "kh"/"h", "zh"/"j" and "sch"/"sh" made one ("Alikhan"/"Alihan")."""
    s = _plain(word)
    for a, b in (("sch", "sh"), ("kh", "h"), ("zh", "j")):
        s = s.replace(a, b)
    return folded(s)


def edits(a: str, b: str) -> int:
    """Letter-edits between two name words, a transliteration swap counting as one."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return 0
    fa, fb = folded(a), folded(b)
    if fa == fb:
        return 1
    from rapidfuzz.distance import Levenshtein  # only when a look-up finds a holder

    return min(Levenshtein.distance(a, b), Levenshtein.distance(fa, fb) + 1)


def _office(holdings: tuple[Holding, ...]) -> str:
    """The holder's most telling compared office: a current one first, a head of state
    or government first, then the latest."""
    compared = [h for h in holdings if h.family in REPORTED]
    if not compared:
        return ""
    best = max(compared, key=lambda h: (h.end == "", h.family in TOP, h.start))
    return knowledge().office_name(best)


def famous_lookalike(words: tuple[str, ...]) -> Lookalike | None:
    """The one famous holder whose name ``words`` (a person's name as written) respells."""
    words = tuple(w for w in words if w not in SUFFIXES)
    if len(words) < 2:
        return None
    given, surname = words[0], words[-1]
    if len(given) < 2 or given.endswith(".") or len(surname) < 4:
        return None
    table = office_table()
    written = _plain(" ".join(words))
    if any(_plain(p.name) == written for p in table.people(name_key(words))):
        return None  # a table person's own spelling
    near = {*_given_holders(given.lower()), *_given_holders(strip_accents(given).lower()), *_by_surname(surname)}
    found: dict[str, Holder] = {}
    for h in sorted(near, key=lambda h: h.key):
        g, s = edits(given, h.given), edits(surname, h.surname)
        if accepted_variant(surname, h.surname):
            s = 0
        if g and _given_key(given) == _given_key(h.given):
            g = 0  # a given name anglicised or transliterated another way: "Victor"/"Viktor", "Sergei"/"Sergey"
        if g + s == 0:
            if len(words) == 2 or _plain(h.name) == written:
                return None  # the holder, written with another middle name or none
            continue
        if g + s == 1:
            found[h.key] = h
    if not found:
        return None
    people = {p.pid: p for key in found for p in table.people(key)}
    if len(people) != 1:
        return None
    [person] = people.values()
    holder = next(h for h in found.values() if _plain(h.name) == _plain(person.name)) if any(
        _plain(h.name) == _plain(person.name) for h in found.values()
    ) else next(iter(found.values()))
    if surname != holder.surname and is_frequent_surname(surname) and is_frequent_surname(holder.surname):
        return None  # Johnston and Johnson: two families
    office = _office(person.holdings)
    if not office:
        return None
    return Lookalike(holder.name, office)


def _near_surname(surname: str) -> tuple[Holder, ...]:
    """The holders of compared offices whose surname key starts as this one's does (the
    same first two letters of ``folded``): a vowel changed later in the name stays near."""
    key = folded(surname)
    if len(key) < 4:
        return ()
    return tuple(h for h in map(_holder, office_table().surname_rows(key[:2])) if h is not None)


def famous_by_title(surname: str, title: str) -> Lookalike | None:
    """The one holder a surname written alone after an office of a named country
    respells ("German Chancellor Scolz"): the title names a country (its marker) and an
    office that country's holder of a compared office held, and the surname is one
    letter-edit from the holder's (a transliteration swap counting as one) and is no
    holder's of that office."""
    if len(surname) < 4:
        return None
    know = knowledge()
    words = norm_title(title).split()
    country, rest = "", words
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            marker = " ".join(words[i : i + size])
            if marker in know.markers and not country:
                country, rest = know.markers[marker], words[:i] + words[i + size :]
    office = " ".join(rest)
    if not country or not office:
        return None
    table = office_table()
    people: dict[str, tuple[Holder, Person]] = {}
    for h in _near_surname(surname):
        for p in table.people(h.key):
            held = [x for x in p.holdings if x.country == country and x.family in REPORTED and office in know.accepted(x)]
            if not held:
                continue
            if _plain(h.surname) == _plain(surname):
                return None  # a holder of this office with this very surname
            if edits(surname, h.surname) == 1 and not accepted_variant(surname, h.surname):
                people[p.pid] = (h, p)
    if len(people) != 1:
        return None
    [(holder, person)] = people.values()
    if is_frequent_surname(surname) and is_frequent_surname(holder.surname):
        return None
    return Lookalike(holder.surname, _office(person.holdings))

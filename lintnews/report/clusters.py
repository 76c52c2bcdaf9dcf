"""Name and title clusters for reports: one person, several spellings or titles.

Pure functions over findings and document texts (no I/O), used by the HTML report.  The
clusters come from the groups the findings carry (:class:`lintnews.core.finding.Group`):

- **Names** (N101): a group joins the spelling each of its findings flags (the text at
  the finding) to the group's canonical spelling; a tie's group joins the spellings
  its findings flag and those of its variants that other findings flag.
- **Titles** (T101/T102): a group joins its titled mentions, the text at each of its
  places ("Foreign Secretary Mike Pompeo", "Secretary of State Mike Pompeo"); the words
  all forms end with name the person.

Groups that share a form (two misspellings of one name) make one cluster.  A form's
occurrences are the places its groups hold for it: the mentions the rule compared, so
a spelling's count is the count N101's message gives ("'Badin' looks like 'Biden' (3
mentions: ...)"), not every string match in the texts.  The canonical form comes first:
the group's canonical spelling (or the mentions of its canonical title), else the most
frequent form; a cluster none of whose groups has a canonical form is a tie (``tie``):
the rule asks to choose one spelling, and no form is canonical.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lintnews.core.finding import Finding, Group
from lintnews.core.lines import LineIndex

if TYPE_CHECKING:
    from lintnews.core.corpus import Loc

NAME_CODES = ("N101",)
TITLE_CODES = ("T101", "T102")


@dataclass(frozen=True, order=True)
class Occurrence:
    """Where a form occurs (``end_column`` exclusive, as in findings)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Form:
    """One spelling of a name, or one titled mention, with every place it occurs."""

    text: str
    occurrences: tuple[Occurrence, ...]
    flagged: bool  # some finding reports this form
    canonical: bool = False  # the spelling (or title) the rule takes as right


@dataclass(frozen=True)
class Cluster:
    """One person: ``label`` is the canonical spelling (names) or the person (titles)."""

    kind: str  # "name" or "title"
    label: str
    forms: tuple[Form, ...]  # canonical first
    #: no form is canonical: the spellings tie and the rule asks to choose one
    tie: bool = False


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in sorted(self.parent):
            out[self.find(x)].append(x)
        return list(out.values())


class _Indexes(dict):
    """path -> LineIndex, built on first use (most texts are never asked for)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, path: str) -> LineIndex:
        index = self[path] = LineIndex.of(self.texts[path])
        return index

    def get(self, path: str, default=None):  # type: ignore[override]
        return self[path] if path in self.texts else default


def _indexes(texts: Mapping[str, str]) -> dict[str, LineIndex]:
    return _Indexes(texts)


def _span_text(text: str | None, index: LineIndex | None, loc: Finding | Loc) -> str | None:
    if index is None:
        return None
    start = index.offset(loc.line, loc.column)
    end = index.offset(loc.end_line, loc.end_column)
    return " ".join(text[start:end].split()) or None


def _occurrence(loc: Finding | Loc) -> Occurrence:
    return Occurrence(loc.path, loc.line, loc.column, loc.end_line, loc.end_column)


def _forms(
    groups: list[list[str]],
    preferred: set[str],
    places: Mapping[str, set[Occurrence]],
    flagged: Mapping[str, set[Occurrence]],
) -> list[list[Form]]:
    """Each group's forms with their occurrences, canonical first."""
    out = []
    for group in groups:
        forms = [Form(text, tuple(sorted(places.get(text, set()) | flagged.get(text, set()))), text in flagged, text in preferred) for text in group]
        forms.sort(key=lambda f: (f.text not in preferred, -len(f.occurrences), f.text))
        out.append(forms)
    return out


def name_clusters(findings: Sequence[Finding], texts: Mapping[str, str]) -> list[Cluster]:
    """People whose name is spelled more than one way, from the groups of N101 findings."""
    indexes = _indexes(texts)
    uf = _UnionFind()
    preferred: set[str] = set()
    flagged: dict[str, set[Occurrence]] = defaultdict(set)
    places: dict[str, set[Occurrence]] = defaultdict(set)
    tied: dict[int, tuple[Group, list[str]]] = {}  # a tie's group and the spellings its findings flag
    read: dict[int, dict[str, list[str]]] = {}  # a group -> its variants' forms (read once per group)

    def forms_of(group: Group) -> dict[str, list[str]]:
        """Each variant's forms: the text at each of its places (its spelling where the
        text is not in the report), each place kept as an occurrence of its form."""
        found = read.get(id(group))
        if found is None:
            found = read[id(group)] = {}
            for variant in group.variants:
                texts_of = found.setdefault(variant.text, [])
                for p in variant.places:
                    there = _span_text(texts.get(p.path), indexes.get(p.path), p) or " ".join(variant.text.split())
                    places[there].add(_occurrence(p))
                    if there not in texts_of:
                        texts_of.append(there)
        return found

    for f in findings:
        if f.code not in NAME_CODES or f.group is None:
            continue
        found = _span_text(texts.get(f.path), indexes.get(f.path), f)
        if found is None:
            continue
        flagged[found].add(_occurrence(f))
        uf.find(found)
        variants = forms_of(f.group)
        if f.group.canonical is None:
            tied.setdefault(id(f.group), (f.group, []))[1].append(found)
            continue
        for canonical in variants.get(f.group.canonical) or [" ".join(f.group.canonical.split())]:
            preferred.add(canonical)
            uf.union(found, canonical)
    for group, spellings in tied.values():
        # A tie joins its spellings that findings flag: those of its own findings, and a
        # spelling whose mentions an earlier pair reported (they carry that pair's group).
        spellings += [text for v in group.variants for text in read[id(group)].get(v.text, []) if text in flagged]
        for other in spellings[1:]:
            uf.union(spellings[0], other)
    clusters = []
    for forms in _forms([g for g in uf.groups() if len(g) > 1], preferred, places, flagged):
        tie = forms[0].text not in preferred
        label = " or ".join(sorted(f.text for f in forms)) if tie else forms[0].text
        clusters.append(Cluster("name", label, tuple(forms), tie))
    return sorted(clusters, key=lambda c: (c.label.lower(), c.label))


def _common_suffix(forms: Sequence[str]) -> str:
    """The words every form ends with, short of a whole form: the person."""
    split = [f.split() for f in forms]
    n = 0
    while all(len(words) > n + 1 for words in split) and len({tuple(words[len(words) - n - 1 :]) for words in split}) == 1:
        n += 1
    return " ".join(split[0][len(split[0]) - n :]) if n else ""


def title_clusters(findings: Sequence[Finding], texts: Mapping[str, str]) -> list[Cluster]:
    """One person given more than one title, from the groups of T101/T102 findings."""
    indexes = _indexes(texts)
    uf = _UnionFind()
    preferred: set[str] = set()
    flagged: dict[str, set[Occurrence]] = defaultdict(set)
    places: dict[str, set[Occurrence]] = defaultdict(set)
    mentions: dict[int, list[str]] = {}  # a group -> its titled mentions as written, each once

    def written(group: Group) -> list[str]:
        """The text at each place of ``group`` (read once per group, however many findings)."""
        found: dict[str, None] = {}
        for variant in group.variants:
            for place in variant.places:
                there = _span_text(texts.get(place.path), indexes.get(place.path), place)
                if there is not None:
                    found[there] = None
                    places[there].add(_occurrence(place))
                    if group.canonical is not None and variant.text == group.canonical:
                        preferred.add(there)
        return list(found)

    for f in findings:
        if f.code not in TITLE_CODES or f.group is None:
            continue
        here = _span_text(texts.get(f.path), indexes.get(f.path), f)
        if here is None:
            continue
        flagged[here].add(_occurrence(f))
        uf.find(here)
        if id(f.group) not in mentions:
            mentions[id(f.group)] = written(f.group)
        for there in mentions[id(f.group)]:
            uf.union(here, there)
    clusters = []
    for forms in _forms([g for g in uf.groups() if len(g) > 1], preferred, places, flagged):
        person = _common_suffix([f.text for f in forms]) or forms[0].text
        clusters.append(Cluster("title", person, tuple(forms), forms[0].text not in preferred))
    return sorted(clusters, key=lambda c: (c.label.lower(), c.label))

"""What a rule reports: a finding with its place, its evidence and, maybe, a fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from lintnews.core.facts import fact_type

if TYPE_CHECKING:
    from lintnews.core.corpus import Loc


class Position(NamedTuple):
    """A 1-based line and column; columns count characters (code points)."""

    line: int
    column: int


SEVERITIES = ("error", "warning", "info")


@fact_type
@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (the canonical spelling, the other title)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }


@fact_type
@dataclass(frozen=True)
class Fix:
    """A replacement of ``[start, end)`` (character offsets) by ``replacement``.

    ``safe`` fixes may be applied without review; a name is never fixed safely.
    """

    start: int
    end: int
    replacement: str
    safe: bool = False


def _place(loc: Loc) -> dict:
    return {"path": loc.path, "line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column}


@fact_type
@dataclass(frozen=True)
class Variant:
    """One way a group's entity is written, and every place it is written so."""

    text: str  # a spelling of a name, or a rendering of an office
    places: tuple[Loc, ...]  # in path and offset order

    def as_dict(self) -> dict:
        return {"text": self.text, "places": [_place(p) for p in self.places]}


@fact_type
@dataclass(frozen=True)
class Group:
    """The findings about one entity written more than one way (N101, T101, T102).

    ``entity`` is the person; ``canonical`` is what the rule takes as right (a
    spelling, an office's rendering; for T102 the office the country has, which no
    variant may write), ``None`` when the variants tie; ``variants`` are the ways the
    entity is written, each with every place it is written that way in the scope of the
    rule's evidence: the canonical variant first, then the others in alphabetical order.
    Every finding of a group is at a place of one of its variants; the findings of one
    group share one object (the JSON output lists each group once).
    """

    entity: str
    canonical: str | None
    variants: tuple[Variant, ...]

    def as_dict(self) -> dict:
        return {"entity": self.entity, "canonical": self.canonical, "variants": [v.as_dict() for v in self.variants]}


@fact_type
@dataclass(frozen=True)
class Finding:
    """One reported problem.

    ``end_column`` is exclusive: the column just past the last character, as in SARIF.
    ``start``/``end`` are the character offsets of the span in the document text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    suggestion: str | None = None
    related: tuple[Related, ...] = field(default_factory=tuple)
    start: int = 0
    end: int = 0
    fix: Fix | None = None
    #: the entity written several ways that the finding is about (N101, T101, T102)
    group: Group | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "related": [r.as_dict() for r in self.related],
        }

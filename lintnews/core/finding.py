"""What a rule reports: a finding with its place, its evidence and, maybe, a fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lintnews.core.facts import fact_type


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

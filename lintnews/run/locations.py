"""Whether the locations a per-document result holds lie in its document.

A cache entry is checked for its checksum, its types and its fields, but a forged entry
can carry all of those and still say ``line 1000000000, column -5``: reported, that is a
finding nobody can find and SARIF that fails its schema.  Before a cached result is
taken, every place it names (findings, their related places and fixes, the facts' ``Loc``
values, suppression markers) is checked against the document it is for; one outside it
makes the entry a miss, and the document is linted again.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

from lintnews.analyses.suppressions import Marker
from lintnews.core.corpus import Loc
from lintnews.core.document import normalise_newlines
from lintnews.core.finding import Finding, Fix, Related

_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})


class _Bounds:
    """The lines of a document's text (BOM removed, newlines normalised, as rules see it)."""

    def __init__(self, raw: str) -> None:
        text = normalise_newlines(raw.removeprefix("\ufeff"))[0]
        self.size = len(text)
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.starts = starts

    def line_length(self, line: int) -> int:
        starts = self.starts
        end = starts[line] - 1 if line < len(starts) else self.size
        return end - starts[line - 1]

    def span(self, start: int, end: int) -> bool:
        return 0 <= start <= end <= self.size

    def region(self, line: int, column: int, end_line: int, end_column: int) -> bool:
        """1-based lines and columns in the text: a start column may be the line's newline,
        an (exclusive) end column one past it, after a span that takes the newline."""
        if not 1 <= line <= end_line <= len(self.starts) or column < 1 or end_column < 1:
            return False
        return column <= self.line_length(line) + 1 and end_column <= self.line_length(end_line) + 2


def locations_fit(result: Any, path: str, raw: str) -> bool:
    """Whether every location in ``result`` (a per-document result, its facts and all)
    lies in the document ``path`` whose decoded contents are ``raw``."""
    bounds = _Bounds(raw)
    region, span = bounds.region, bounds.span
    stack = [result]
    pop, push, extend = stack.pop, stack.append, stack.extend
    # A decoded entry is a tree (JSON), so nothing is visited twice but the shared
    # frozensets of strings, which cost little.
    while stack:
        value = pop()
        kind = type(value)
        if kind is Loc:
            if value.path != path or not span(value.start, value.end) or not region(value.line, value.column, value.end_line, value.end_column):
                return False
        elif kind in _SCALAR_TYPES:
            continue
        elif kind is list or kind is tuple or kind is frozenset or kind is set:
            extend(value)
        elif kind is dict:
            extend(value.values())
        elif kind is Finding:
            if value.path != path or not span(value.start, value.end) or not region(value.line, value.column, value.end_line, value.end_column):
                return False
            extend(value.related)
            if value.fix is not None:
                push(value.fix)
        elif kind is Related:
            # Another document's place cannot be checked here; its numbers must still be places.
            if value.path == path:
                if not region(value.line, value.column, value.end_line, value.end_column):
                    return False
            elif min(value.line, value.column, value.end_line, value.end_column) < 1:
                return False
        elif kind is Fix:
            if not span(value.start, value.end):
                return False
        elif kind is Marker:
            # disable-next-line on the last line names the line after it
            if not 1 <= value.first_line <= value.last_line or value.first_line > len(bounds.starts) + 1:
                return False
            push(value.loc)
        elif dataclasses.is_dataclass(value):
            names = _field_names(kind)
            extend(getattr(value, name) for name in names)
    return True


_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _NAMES.get(kind)
    if names is None:
        names = _NAMES[kind] = tuple(getattr(kind, "__slots__", None) or (f.name for f in dataclasses.fields(kind)))
    return names

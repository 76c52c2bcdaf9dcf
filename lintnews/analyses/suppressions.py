"""Inline suppression markers, in plain text and Markdown alike.

An HTML comment that starts with ``lintnews:`` is a marker (Markdown hides it; in plain
text it is blanked out of what the rules read)::

    <!-- lintnews: disable=N101,S101 -->   ... up to the matching enable, or the file's end
    <!-- lintnews: enable=N101 -->
    <!-- lintnews: disable -->              every rule
    <!-- lintnews: disable-next-line=W101 -->
    A line with a finding. <!-- lintnews: disable-line=P101 -->

Codes may be prefixes (``disable=N`` for every name rule).  A marker that suppresses
nothing is itself reported (X100), as ruff reports an unused ``noqa``: stale markers
hide future findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lintnews.core.corpus import Loc
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.facts import fact_type
from lintnews.core.markdown import prose_view
from lintnews.core.markers import MARKER



@fact_type
@dataclass(frozen=True)
class Marker:
    """One suppression: which codes (empty: all), which lines, where it is written."""

    codes: tuple[str, ...]
    first_line: int
    last_line: int  # inclusive; a large number for "to the end of the file"
    loc: Loc

    def covers(self, finding: Finding) -> bool:
        if not (self.first_line <= finding.line <= self.last_line):
            return False
        return not self.codes or any(finding.code.startswith(c) for c in self.codes)


def find_markers(doc: Document) -> list[Marker]:
    """The document's markers, with disable/enable ranges resolved (pure).

    A range is kept per code: ``disable=S101,P101`` then ``enable=S101`` leaves P101
    disabled.  ``enable=CODE`` also ends a range of a prefix of it (``disable=P`` then
    ``enable=P101`` re-enables all of P: when in doubt, report).  In Markdown, a marker
    shown inside code (a fenced block, an inline span) is an example, not a directive.
    """
    markers: list[Marker] = []
    open_ranges: dict[str, tuple[int, Loc]] = {}  # code ("" for every rule) -> first line, marker
    last = doc.line_count
    source = doc.text
    if doc.kind == "markdown":
        source = prose_view(doc.text, keep_comments=True)
    for m in MARKER.finditer(source):
        action = m.group("action")
        codes = tuple(sorted({c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip()}))
        loc = Loc.of(doc, m.start(), m.end())
        if action == "disable-line":
            markers.append(Marker(codes, loc.line, loc.line, loc))
        elif action == "disable-next-line":
            markers.append(Marker(codes, loc.end_line + 1, loc.end_line + 1, loc))
        elif action == "disable":
            for code in codes or ("",):
                open_ranges.setdefault(code, (loc.line, loc))
        else:  # enable: ends the ranges of the codes it names (or every range)
            for key in sorted(open_ranges):
                if not codes or any(c.startswith(key) or key.startswith(c) for c in codes):
                    first, where = open_ranges.pop(key)
                    markers.append(Marker((key,) if key else (), first, loc.line, where))
    for key, (first, where) in open_ranges.items():
        markers.append(Marker((key,) if key else (), first, last, where))
    return sorted(markers, key=lambda mk: (mk.loc.start, mk.codes))

"""JSON output, schema version 1 (documented in the README, "Output formats").

``{"schema": "lintnews/findings", "version": 1, "lintnews_version": ..., "findings": [...],
"errors": [...]}``; each finding has path, line, column, end_line, end_column (1-based,
in characters, end exclusive), code, name, severity, message, suggestion (or null) and
related (a list of locations with a message).  ``"documents"`` lists every document
linted, sorted by path: ``{"path", "words", "mt_score", "mt_reasons"}``, where
``mt_score`` (0 to 1) says how much it reads as machine-translated and ``mt_reasons``
names the features that raised it most (see :mod:`lintnews.analyses.mtscore`).

``"groups"`` lists the entities written more than one way that findings are about (a
name spelled two ways, N101; a person given two titles, T101/T102), each once:
``{"entity", "canonical", "variants": [{"text", "places": [location, ...]}]}``; such a
finding has ``"group"``, the index of its group in that list.  A group's places can
number thousands (every mention of a frequent name), and one group has many findings:
inlined in each finding they made the output grow with findings times places.
"""

from __future__ import annotations

from lintnews.core.version import __version__
from lintnews.core.finding import Group
from lintnews.report.json_text import dumps_indented
from lintnews.report.model import Renderer, Report

SCHEMA_VERSION = 1


class Json(Renderer):
    format = "json"
    needs = frozenset({"errors", "documents"})

    def render(self, report: Report) -> str:
        groups = _Groups()
        doc = {
            "schema": "lintnews/findings",
            "version": SCHEMA_VERSION,
            "lintnews_version": __version__,
            "findings": [f.as_dict() if f.group is None else f.as_dict() | {"group": groups.index(f.group)} for f in report.findings],
            "errors": [{"path": e.path, "message": e.message} for e in report.errors],
            "documents": [d.as_dict() for d in report.documents],
            "groups": [g.as_dict() for g in groups.listed],
        }
        return dumps_indented(doc) + "\n"  # json.dumps(doc, ensure_ascii=False, indent=2)


class _Groups:
    """The groups of the findings, each listed once, in the order findings first name them."""

    def __init__(self) -> None:
        self.listed: list[Group] = []
        self._by_id: dict[int, int] = {}  # the findings of a group share one object ...
        self._by_value: dict[Group, int] = {}  # ... unless copies were made (equal groups: one entry)

    def index(self, group: Group) -> int:
        at = self._by_id.get(id(group))
        if at is None:
            at = self._by_id[id(group)] = self._by_value.setdefault(group, len(self.listed))
            if at == len(self.listed):
                self.listed.append(group)
        return at

"""The output formats: one renderer per format, each turning a :class:`Report` into text.

``render(fmt, report)`` is all a caller needs; ``needs(fmt)`` says which fields of the
report the format reads besides the findings (so that the run keeps the documents'
texts, or scores them, only when the format shows them).  A renderer sees only the
fields it declares (:mod:`lintnews.report.model`).  A new format is a module here with a
:class:`Renderer` subclass, listed in ``RENDERERS``.
"""

from __future__ import annotations

from lintnews.report.github import Github
from lintnews.report.html import Html
from lintnews.report.json_report import Json
from lintnews.report.model import DeclaredReport, Renderer, Report, UndeclaredField
from lintnews.report.sarif import Sarif
from lintnews.report.text import Text

RENDERERS: dict[str, Renderer] = {r.format: r for r in (Text(), Json(), Github(), Sarif(), Html())}

#: the ``--format`` values
FORMATS = tuple(sorted(RENDERERS))


def needs(fmt: str) -> frozenset[str]:
    """The fields of a report that format ``fmt`` reads besides the findings."""
    return RENDERERS[fmt].needs


def render(fmt: str, report: Report) -> str:
    """The output of format ``fmt``; its renderer sees only the fields it declares."""
    renderer = RENDERERS[fmt]
    return renderer.render(DeclaredReport(report, renderer))  # type: ignore[arg-type]


__all__ = ["FORMATS", "RENDERERS", "Renderer", "Report", "UndeclaredField", "needs", "render"]

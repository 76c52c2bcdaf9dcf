"""The output formats: one renderer per format, each turning a :class:`Report` into text.

``render(fmt, report)`` is all a caller needs; ``needs(fmt)`` says which fields of the
report the format reads besides the findings (so that the run keeps the documents'
texts, or scores them, only when the format shows them).  A renderer sees only the
fields it declares (:mod:`lintnews.report.model`).  A new format is a module here with a
:class:`Renderer` subclass, listed in ``_MODULES``.

A format's module is imported when the format is used (the HTML page's, with its name
clusters, costs a run in another format a few milliseconds of start-up for nothing);
``RENDERERS`` (every renderer) imports them all.
"""

from __future__ import annotations

import importlib

from lintnews.report.model import DeclaredReport, Renderer, Report, UndeclaredField

#: format -> (module, class) of its renderer
_MODULES: dict[str, tuple[str, str]] = {
    "text": ("lintnews.report.text", "Text"),
    "json": ("lintnews.report.json_report", "Json"),
    "github": ("lintnews.report.github", "Github"),
    "sarif": ("lintnews.report.sarif", "Sarif"),
    "html": ("lintnews.report.html", "Html"),
}

#: the ``--format`` values
FORMATS = tuple(sorted(_MODULES))

_made: dict[str, Renderer] = {}


def renderer(fmt: str) -> Renderer:
    """The renderer of format ``fmt`` (its module imported on first use)."""
    made = _made.get(fmt)
    if made is None:
        module, name = _MODULES[fmt]
        made = _made[fmt] = getattr(importlib.import_module(module), name)()
    return made


def __getattr__(name: str):
    if name == "RENDERERS":  # every renderer, by format
        return {fmt: renderer(fmt) for fmt in _MODULES}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def needs(fmt: str) -> frozenset[str]:
    """The fields of a report that format ``fmt`` reads besides the findings."""
    return renderer(fmt).needs


def render(fmt: str, report: Report) -> str:
    """The output of format ``fmt``; its renderer sees only the fields it declares."""
    made = renderer(fmt)
    return made.render(DeclaredReport(report, made))  # type: ignore[arg-type]


__all__ = ["FORMATS", "RENDERERS", "Renderer", "Report", "UndeclaredField", "needs", "render", "renderer"]

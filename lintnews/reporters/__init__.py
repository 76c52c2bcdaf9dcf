"""One renderer per output format; each turns sorted findings into the text to print."""

from __future__ import annotations

from lintnews.reporters import github, json_report, sarif, text

RENDERERS = {"text": text.render, "json": json_report.render, "github": github.render, "sarif": sarif.render}

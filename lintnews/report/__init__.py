"""One renderer per output format; each turns sorted findings into the text to print.

Renderers take the findings and keyword arguments, and ignore those they do not use:
``errors`` (files not linted), ``show_source`` and ``source_line`` (text), ``texts``
(path -> document text) and ``word_counts`` (path -> words) for the HTML page.
"""

from __future__ import annotations

from lintnews.report import github, html, json_report, sarif, text

RENDERERS = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
    "sarif": sarif.render,
    "html": html.render,
}

#: formats whose renderer shows the documents' texts (the CLI keeps them for it)
NEEDS_TEXTS = frozenset({"html"})

"""JSON output, schema version 1 (documented in the README, "Output formats").

``{"schema": "lintnews/findings", "version": 1, "lintnews_version": ..., "findings": [...],
"errors": [...]}``; each finding has path, line, column, end_line, end_column (1-based,
in characters, end exclusive), code, name, severity, message, suggestion (or null) and
related (a list of locations with a message).  ``"documents"`` lists every document
linted, sorted by path: ``{"path", "words", "mt_score", "mt_reasons"}``, where
``mt_score`` (0 to 1) says how much it reads as machine-translated and ``mt_reasons``
names the features that raised it most (see :mod:`lintnews.analyses.mtscore`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from lintnews.core.version import __version__
from lintnews.core.finding import Finding

SCHEMA_VERSION = 1


def render(findings: Sequence[Finding], *, errors: Sequence[object] = (), documents: Sequence[object] = (), **_: object) -> str:
    doc = {
        "schema": "lintnews/findings",
        "version": SCHEMA_VERSION,
        "lintnews_version": __version__,
        "findings": [f.as_dict() for f in findings],
        "errors": [{"path": e.path, "message": e.message} for e in errors],
        "documents": [d.as_dict() for d in documents],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

"""lintnews: find the damage machine translation, spinning and scraping leave in news text.

The Python API::

    from lintnews import lint_texts
    findings = lint_texts({"a.txt": "text ...", "b.txt": "..."})

lints the texts as one corpus and returns sorted :class:`~lintnews.core.finding.Finding`
objects; ``score_texts`` scores how much each text reads as machine-translated.
"""

from __future__ import annotations

from lintnews.api import lint_paths, lint_texts, score_texts
from lintnews.core.version import __version__

__all__ = ["__version__", "lint_paths", "lint_texts", "score_texts"]

"""lintnews: find the damage machine translation, spinning and scraping leave in news text.

The Python API::

    from lintnews import lint_texts
    findings = lint_texts({"a.txt": "text ...", "b.txt": "..."})

lints the texts as one corpus and returns sorted :class:`~lintnews.core.finding.Finding`
objects; ``score_texts`` scores how much each text reads as machine-translated.
"""

from __future__ import annotations

import gc as _gc

# The import creates many objects and no garbage: the cyclic collector, which would scan
# them again and again while they are made (about 2% of a one-file run), waits until it
# is done.
_collecting = _gc.isenabled()
_gc.disable()
try:
    # First the built-in regexes, compiled ahead at install (lintnews/data/compiled-regexes.json):
    # the imports below and the first document find them in re's cache.
    from lintnews.core.compiled_regexes import preload as _preload

    _preload()
    from lintnews.api import lint_paths, lint_texts, score_texts
    from lintnews.core.version import __version__
finally:
    if _collecting:
        _gc.enable()

__all__ = ["__version__", "lint_paths", "lint_texts", "score_texts"]

"""The syntax of inline suppression markers, which the document view blanks out.

An HTML comment that starts with ``lintnews:`` is a marker (see
:mod:`lintnews.analyses.suppressions` for what markers mean).  A document's view blanks
markers out, so that no rule reads them as prose.
"""

from __future__ import annotations

import re

MARKER = re.compile(
    r"<!--\s*lintnews:\s*(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9,\s]*?))?\s*-->"
)


def blank_markers(view: str) -> str:
    """The view with markers replaced by spaces, so no rule reads them as prose."""
    return MARKER.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), view)

"""One document rule, as a plugin gives it to lintnews."""

from __future__ import annotations

import re

from lintnews.core.rule import DocumentRule

_DEGREE = re.compile(r"\b(?:very|rather|quite|most|more|so)\s+(unique|fatal|unanimous)\b", re.IGNORECASE)


class DegreeOfUnique(DocumentRule):
    """Finds an absolute adjective with a degree: "very unique", "most fatal".

    Why: the house style keeps absolutes absolute; a degree on one is filler.

    Example: ``a very unique chance`` -> ``a unique chance``.
    """

    code = "X950"
    name = "degree-of-unique"
    severity = "info"
    default = False  # on with --extend-select X950 (or extend-select in the configuration)

    def check(self, doc):
        for m in _DEGREE.finditer(doc.view):
            yield self.finding(doc, m.start(), m.end(), f"'{m.group(0)}': '{m.group(1)}' takes no degree", suggestion=m.group(1))

"""Where a word can be written twice in a row: a necessary condition RE2 cannot state.

A regex with a backreference (``(?P<word>[a-z]+) +(?P=word)``) gets a superset that
forgets the repetition (:mod:`.superset`): any two words in a row, so nearly every line.
:func:`lines_with_repeated_word` finds the lines that can hold such a repeat from the
document's runs of lower-case letters instead, and a pattern declares it with
``Pattern(..., within_lines=True, lines=lines_with_repeated_word)``; the equivalence tests
compare the pattern's matches with its plain scan.
"""

from __future__ import annotations

import operator
import re
from itertools import compress, islice

#: Up to this many repeated words are looked for one by one; more, and every line is
#: scanned (a text of thousands of doubled words stays linear).
FEW_WORDS = 16


def lines_with_repeated_word(doc) -> list[tuple[int, int]] | None:
    """The lines of the view where a run of ASCII lower-case letters is followed, after
    spaces, by the same run (None: every line).

    Such a repeat is two equal tokens in a row of :attr:`Document.lowercase_runs`, a run
    being whole (a letter, digit, ``_`` or ``'`` glued to it would make it part of another
    token): one C-level comparison finds the few candidate words (most documents have
    none), and a search for each, which jumps from one occurrence to the next, finds
    their lines.  A regex that matches a repeat only between whole runs (with a
    lookbehind and ``\\b``) has its matches on these lines.
    """
    runs = doc.lowercase_runs
    words = {run for run in compress(runs, map(operator.eq, runs, islice(runs, 1, None))) if run.islower()}
    if not words:
        return []
    if len(words) > FEW_WORDS:
        return None
    view = doc.view
    return doc.line_spans(m.start() for word in words for m in re.finditer(f"{word} +{word}", view))

"""G106 repeated-list-item."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

# Inside a list (after a comma or an opening parenthesis, before a comma, "and", "or"
# or a closing parenthesis), the same item twice in a row.
_REPEATED_ITEM = re.compile(r"(?:(?<=, )|(?<=\())(?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))")
# The same, from the comma or the parenthesis before the item: a pattern that starts with
# a literal is tried only where that literal is (the one above, at every position).  A
# line where neither matches has no repeated item and is not scanned in full.  The
# repeats are possessive: an item is followed by ", ", so a shorter item (part of a
# word, fewer words) is never followed by it, and giving characters back finds nothing.
_AFTER_COMMA = re.compile(r", (?P<item>\w++(?: \w++){0,2}+), (?P=item)(?=, | and | or |\))")
_AFTER_PARENTHESIS = re.compile(r"\((?P<item>\w++(?: \w++){0,2}+), (?P=item)(?=, | and | or |\))")


@register
class RepeatedListItem(DocumentRule):
    """Finds a list that names the same item twice in a row: ``green tea, black tea,
    black tea and other teas``.

    Why: a translator that maps two different source words (two kinds of tea, two
    kinds of prefecture) onto one English word produces a list with a duplicate; the
    reader cannot tell what the second item was.

    Example: ``cities (prefectures, prefectures, leagues)``.
    """

    code = "G106"
    name = "repeated-list-item"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        places = [m.start() for m in _AFTER_COMMA.finditer(view)]
        if "(" in view:
            places += [m.start() for m in _AFTER_PARENTHESIS.finditer(view)]
        # A match lies within a line; only the lines where the patterns above match are
        # scanned.
        for line_start, line_end in doc.line_spans(places):
            yield from self._check_line(doc, line_start, line_end)

    def _check_line(self, doc: Document, line_start: int, line_end: int) -> Iterator[Finding]:
        for m in _REPEATED_ITEM.finditer(doc.view, line_start, line_end):
            item = m.group("item")
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"the list names '{item}' twice in a row: two different things translated to one word, or a duplicate",
            )

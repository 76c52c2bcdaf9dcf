"""G106 repeated-list-item."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.registry import DocumentRule, register

# Inside a list (after a comma or an opening parenthesis, before a comma, "and", "or"
# or a closing parenthesis), the same item twice in a row.
_REPEATED_ITEM = re.compile(r"(?:(?<=, )|(?<=\())(?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))")
# The same, from the comma or the parenthesis before the item: a pattern that starts with
# a literal is tried only where that literal is (the one above, at every position).  A
# document where neither matches has no repeated item and skips the full scan.
_AFTER_COMMA = re.compile(r", (?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))")
_AFTER_PARENTHESIS = re.compile(r"\((?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))")


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
        if not _AFTER_COMMA.search(view) and not ("(" in view and _AFTER_PARENTHESIS.search(view)):
            return
        for m in _REPEATED_ITEM.finditer(view):
            item = m.group("item")
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"the list names '{item}' twice in a row: two different things translated to one word, or a duplicate",
            )

"""G106 repeated-list-item."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

# Inside a list (after a comma or an opening parenthesis, before a comma, "and", "or"
# or a closing parenthesis), the same item twice in a row.
REPEATED_ITEM = Pattern(
    "repeated_item", r"(?:(?<=, )|(?<=\())(?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))", within_lines=True
)


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

    needs = (REPEATED_ITEM,)

    def check(self, doc: Document, repeated_item: list) -> Iterator[Finding]:
        for m in repeated_item:
            item = m.group("item")
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"the list names '{item}' twice in a row: two different things translated to one word, or a duplicate",
            )

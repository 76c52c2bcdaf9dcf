"""P101 doubled-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern
from lintnews.rules.punctuation_space import SPACED_ELLIPSIS

# A full stop, comma, semicolon or colon followed (after optional spaces) by another
# one.  An ellipsis ("...", "…") is not doubled punctuation, and neither is an
# abbreviation's full stop before a comma ("U.S., Canada": no space between them).
# (?=[.,;:]) first: every match starts with one of those, and a pattern that starts with
# a lookbehind is otherwise tried at every position (same matches, faster scan).
DOUBLED = Pattern(
    "doubled",
    r"(?=[.,;:])(?:(?<=\w|[”\"’)\]])([.,;:])( +)([.,;:])(?![.\w])|(?<=\w)(,,|;;|,\.|;\.|,;|:[.,;]|\.\.)(?![.\w]))",
    within_lines=True,
)


# An HTML entity's closing semicolon ("&amp;", "&#8217;", "&nbsp;") before a mark.
_ENTITY_BEFORE = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})$")
# The rest of an emoticon whose eyes are the second mark: ":)", ";-)", ":(", ":/".
_EMOTICON_REST = re.compile(r"[-'^o]?[()\[\]/\\|*]")


@register
class DoubledPunctuation(DocumentRule):
    """Finds punctuation marks doubled up: ``issue. .``, ``Washington. , DC``, ``said,,``.

    Why: machine translation and spinners drop or move words between two marks and leave
    both marks behind; no editor lets ". ," through.

    Example: ``adding that Mr Pompeo had ignored the issue. .`` -> ``the issue.``;
    ``New York and Washington. , DC`` -> ``Washington, DC``.  Fix (safe): keep the
    second mark, which the text goes on from.

    An ellipsis (``...``) and an abbreviation's full stop before a comma (``U.S.,``)
    are not reported, nor an HTML entity's semicolon (``&amp;.``), an emoticon after a
    mark (``fun, :)``) or a mark before a spaced ellipsis (``desirable. . . . The``,
    ``equal, . . . endowed``).
    """

    code = "P101"
    name = "doubled-punctuation"

    needs = (DOUBLED,)

    def check(self, doc: Document, doubled: list) -> Iterator[Finding]:
        for m in doubled:
            start, end = m.span()
            text = doc.view[start:end]
            if text[-1] in ":;" and _EMOTICON_REST.match(doc.view, end):
                continue  # an emoticon: "fun, :)"
            if text[0] == ";" and _ENTITY_BEFORE.search(doc.view, max(0, start - 40), start):
                continue  # an HTML entity left in the text: "&nbsp;."
            if m.group(1) and m.group(3) == "." and SPACED_ELLIPSIS.match(doc.view, m.start(3)):
                continue  # a mark before a spaced ellipsis: "desirable. . . . The", "equal, . . . endowed"
            if m.group(1):
                # Keep the mark the text goes on from: "issue. ." -> "issue.",
                # "Washington. , DC" -> "Washington, DC".
                keep = m.group(3)
            else:
                pair = m.group(4)
                keep = "." if "." in pair else pair[0]
            yield self.finding(
                doc,
                start,
                end,
                f"doubled punctuation '{text}'",
                suggestion=keep,
                fix=Fix(start, end, keep, safe=True),
            )

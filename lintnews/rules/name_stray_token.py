"""N102 stray-token-in-name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.names.mentions import context
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import first_char_guard


# What every match of the rule's regex contains: a number, a space and a capitalised word.
# Its scan stops only at digits; the rule's regex tries every honorific at every capital.
_NECESSARY = re.compile(r"\d[\d,.]* [A-Z][a-z]")


@register
class StrayTokenInName(DocumentRule):
    """Finds a number standing between an honorific and a name: ``Mr. 58 Freericks``.

    Why: a translator that carries a footnote mark, an age or a list number into the
    wrong place lands it inside a name, where it reads as part of the name.

    Example: ``the release of Mr. 58 Freericks`` -> ``Mr. Freericks``.
    """

    code = "N102"
    name = "stray-token-in-name"
    severity = "error"

    def __init__(self) -> None:
        honorifics = sorted({h.rstrip(".") for h in context()["honorifics"] if h[:1].isupper()}, key=len, reverse=True)
        alternatives = "|".join(re.escape(h) for h in honorifics)
        # The first-character lookahead lets the scan skip to possible honorifics.
        self.regex = re.compile(
            first_char_guard(honorifics) + rf"\b(?P<honorific>(?:{alternatives})\.?) (?P<stray>\d[\d,.]*) (?P<name>[A-Z][a-z][\w’'-]*)"
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        if _NECESSARY.search(doc.view) is None:
            return  # no number followed by a capitalised word: most articles
        for m in self.regex.finditer(doc.view):
            if m.group("honorific").rstrip(".") in {"General", "Major", "Chief", "Officer", "Inspector", "Director"}:
                continue  # "General 5 Division", ranks before unit numbers
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"'{m.group('stray')}' stands between '{m.group('honorific')}' and the name '{m.group('name')}'",
                suggestion=f"{m.group('honorific')} {m.group('name')}",
            )

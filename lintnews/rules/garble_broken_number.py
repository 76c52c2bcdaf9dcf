"""G108 broken-number-or-date: a full stop inside a number or a date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.analyses.matching import Pattern
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
BROKEN = Pattern(
    "broken_number",
    # "28. November" (a day written the German or Czech way, or a broken "28 November")
    rf"(?<![\w.,])(?P<day_month>[0-3]?\d)\. (?P<month1>{_MONTH})\b"
    # "December. 11", "March 15. 2022"
    rf"|\b(?P<month2>{_MONTH})\. (?P<day2>[0-3]?\d)\b(?![.,]\d)"
    rf"|\b(?P<month3>{_MONTH}) (?P<day3>[0-3]?\d)\. (?P<year>(?:19|20)\d\d)\b"
    # "by March. 2022.": a month and its year; a sentence may start with a year ("2022
    # was hard"), but not one that ends the clause right away
    rf"|\b(?P<month4>{_MONTH})\. (?P<year4>(?:19|20)\d\d)(?=[.;:)]|$)"
    # "2. 000", "62. 41", "0. 2": digits, a full stop and a space, digits
    r"|(?<![\w.,])(?P<left>\d{1,3})\. (?P<right>\d{1,3})(?![\w.,]?\d)",
    re.MULTILINE,
    within_lines=True,
)


@register
class BrokenNumberOrDate(DocumentRule):
    """Finds a full stop inside a number or a date: ``2. 000``, ``7. 5``, ``28. November``,
    ``December. 11``, ``March 15. 2022``, ``by March. 2022.``

    Why: a machine translation (or a sentence splitter before it) takes the thousands
    separator, the decimal point or the ordinal dot of a number or date for the end of a
    sentence and puts a space after it; the number falls in two.

    Example: ``The deal is worth 2. 000 euros`` -> ``2,000``; ``on 28. November`` ->
    ``on 28 November``.

    English news does not start a sentence with a digit, so a number on both sides of a
    full stop is one number broken in two.
    """

    code = "G108"
    name = "broken-number-or-date"

    needs = (BROKEN,)

    def check(self, doc: Document, broken_number: list) -> Iterator[Finding]:
        for m in broken_number:
            if m.group("day_month"):
                message, suggestion = "a day and a month split by a full stop", f"{m.group('day_month')} {m.group('month1')}"
            elif m.group("month2"):
                message, suggestion = "a month and a day split by a full stop", f"{m.group('month2')} {m.group('day2')}"
            elif m.group("month4"):
                message, suggestion = "a month and its year split by a full stop", f"{m.group('month4')} {m.group('year4')}"
            elif m.group("month3"):
                message = "a date split by a full stop before its year"
                suggestion = f"{m.group('month3')} {m.group('day3')}, {m.group('year')}"
            else:
                message, suggestion = "a number split by a full stop and a space", None
            yield self.finding(doc, m.start(), m.end(), f"'{m.group()}': {message}", suggestion=suggestion)

"""N102 stray-token-in-name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.dictionary import is_known_word
from lintnews.analyses.names.mentions import context, given_names
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import first_char_guard


# What every match of the rule's regex contains: a number, a space and a capitalised word.
# Its scan stops only at digits; the rule's regex tries every honorific at every capital.
_NECESSARY = re.compile(r"\d[\d,.]* [A-Z][a-z]")


@register
class StrayTokenInName(DocumentRule):
    """Finds a stray token inside a name: a number after an honorific (``Mr. 58
    Freericks``), or a number, a lower-case word or a caption's bracket between the two
    words of a name the article writes whole elsewhere (``Harriet 53 Harman``, ``Sebastian
    then Schuster``, ``Olaf (left) Scholz``) or after an honorific (``Dr too Maruyama``).

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
        yield from self._inside_a_full_name(doc)
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

    def _inside_a_full_name(self, doc: Document) -> Iterator[Finding]:
        """A number, a lower-case word or a caption's bracket between the two words of a
        name the article writes whole elsewhere, or after an honorific: ``Harriet 53
        Harman``, ``Sebastian then Schuster``, ``Olaf (left) Scholz``, ``Dr too Maruyama``."""
        view = doc.view
        given = given_names()
        for m in _INSIDE.finditer(view):
            first, stray, last = m.group("first"), m.group("stray"), m.group("last")
            if stray.lower() in _JOINERS or is_known_word(last):
                continue
            if first.rstrip(".") in _HONORIFICS:
                if stray[:1].isdigit():
                    continue  # "Mr. 58 Freericks": the honorific's own case, below
            elif first not in given and is_known_word(first):
                continue  # an English word ("The", "Minister"), not a given name
            elif f"{first} {last}" not in view and not _surname_evidence(view, first, stray, last, given):
                continue
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"'{stray}' stands inside the name '{first} {last}'",
                suggestion=f"{first} {last}",
            )


def _surname_evidence(view: str, first: str, stray: str, last: str, given: frozenset[str]) -> bool:
    """Without the whole name elsewhere: a known given name, the surname written again,
    and a stray token that cannot stand between two people's names (a number, a
    caption's bracket, an adverb: not a verb, as in "Slavia promised Berbr")."""
    if first not in given or view.count(last) < 2:
        return False
    return stray[:1].isdigit() or stray.startswith("(") or stray in _ADVERBS or stray.endswith("ly")


_ADVERBS = frozenset("then too also earlier later himself herself again meanwhile now already still even just once".split())
# Honorifics that only ever stand right before a name.
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Rev", "Fr"})
# A capitalised word, a stray token, a capitalised word; the stray token is a number, a
# lower-case word or a bracketed caption word ("(left)", "(photo)", "(file)").
_NAME = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+"
_INSIDE = re.compile(
    rf"(?<![\w’'\-])(?P<first>{_NAME}\.?) (?P<stray>\d[\d,.]*|[a-z]+|\((?:left|right|centre|center|pictured|photo|file|"
    rf"archive|above|below|inset|top|bottom|video)\)) (?P<last>{_NAME})(?![\w’'\-])"
)
# Words that join two names rather than stand in one: "Maria and José", "Smith or Jones".
_JOINERS = frozenset({"and", "or", "nor", "but", "vs", "versus", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el"})

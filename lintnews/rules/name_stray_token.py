"""N102 stray-token-in-name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.dictionary import frequency, is_common_word
from lintnews.analyses.names import given as _given
from lintnews.analyses.names.mentions import context, given_names
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern, first_char_guard
from lintnews.rules.name_cues import after_role, after_title, titles


# What every match of the rule's regex contains: a number, a space and a capitalised word.
# Its scan stops only at digits; the rule's regex tries every honorific at every capital.
_NECESSARY = re.compile(r"\d[\d,.]* [A-Z][a-z]")


# A capitalised word, a stray token, a capitalised word; the stray token is a number, a
# lower-case word or a bracket of a caption or a credit (``_caption_bracket``: "(left)",
# "(second right)", "(File photo)", "(L)", "(AP)", "(SPD)", "(58)", "(photo: AFP)"),
# not a nickname ("Charles (Chuck) Schumer").  The token
# and the surname (possessive or not: "Pavel (C) Nedved's") are a lookahead, so that a
# surname may be the next match's first word
# ("Kabuki actor Ichimura 86 Uzaemon").
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]+"  # Latin Extended-A: upper case checked in code
INSIDE = Pattern(
    "inside",
    rf"(?<![\w’'\-])(?P<first>{_NAME}\.?) (?=(?P<stray>\d[\d,.]*|[a-z]+|\([^\W_][^()\n]{{0,30}}\))"
    rf" (?P<last>{_NAME})(?:[’']s)?(?![\w’'\-]))",
)


@register
class StrayTokenInName(DocumentRule):
    """Finds a stray token inside a name: a number after an honorific (``Mr. 58
    Freericks``), or a number, a lower-case word or a caption's or a credit's bracket
    between the two words of a name (``Harriet 53 Harman``, ``Sebastian then Schuster``,
    ``Olaf (left) Scholz``, ``Olaf (L) Scholz``, ``Pavel (photo: AFP) Nedved's``) or
    after an honorific (``Dr too Maruyama``); a nickname, a birth name or a year in
    brackets is the name's own (``Charles (Chuck) Schumer``, ``Mary (née Smith) Jones``).  The two words are one name
    when the article writes them whole elsewhere, or when the first is a known given
    name or follows a title or role word ("spokesman", "Minister") and the token cannot
    stand between two people's names (a number, a caption's bracket, an adverb); after a
    title, a bare given name is the start of a full name, so any word but a preposition
    or determiner is stray there (``Deputy Foreign Minister Sergei said Ryabkov``).

    Why: a translator that carries a footnote mark, an age or a list number into the
    wrong place lands it inside a name, where it reads as part of the name.

    Example: ``the release of Mr. 58 Freericks`` -> ``Mr. Freericks``.
    """

    code = "N102"
    name = "stray-token-in-name"
    severity = "error"

    def __init__(self) -> None:
        # Longest first, words of one length in a fixed order: the same regex in every process.
        honorifics = sorted({h.rstrip(".") for h in context()["honorifics"] if h[:1].isupper()}, key=lambda h: (-len(h), h))
        alternatives = "|".join(re.escape(h) for h in honorifics)
        # The first-character lookahead lets the scan skip to possible honorifics.
        self.regex = re.compile(
            first_char_guard(honorifics) + rf"\b(?P<honorific>(?:{alternatives})\.?) (?P<stray>\d[\d,.]*) (?P<name>[A-Z][a-z][\w’'-]*)"
        )

    needs = (INSIDE,)

    def check(self, doc: Document, inside: list) -> Iterator[Finding]:
        yield from self._inside_a_full_name(doc, inside)
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

    def _inside_a_full_name(self, doc: Document, inside: list) -> Iterator[Finding]:
        """A number, a lower-case word or a caption's bracket between the two words of a
        name, or after an honorific: ``Harriet 53 Harman``, ``Sebastian then Schuster``,
        ``Olaf (left) Scholz``, ``Dr too Maruyama``, ``spokesman Emil said Sedlařík``."""
        view = doc.view
        given = given_names()
        for m in inside:
            first, stray, last = m.group("first"), m.group("stray"), m.group("last")
            if stray.lower() in _JOINERS or not (first[0].isupper() and last[0].isupper()) or not _could_be_surname(last):
                continue
            if stray.startswith("(") and not _caption_bracket(stray[1:-1]):
                continue
            if first.rstrip(".") in _HONORIFICS:
                if stray[:1].isdigit():
                    continue  # "Mr. 58 Freericks": the honorific's own case, in check()
            elif not _one_name(view, m.start(), first, stray, last, given):
                continue
            yield self.finding(
                doc,
                m.start(),
                m.end("last"),
                f"'{stray}' stands inside the name '{first} {last}'",
                suggestion=f"{first} {last}",
            )


def _could_be_surname(word: str) -> bool:
    """Not an ordinary English word ("Sun", "Brown", "Moon" may be surnames, but a
    capitalised common word after a stray token is more often a new sentence or a title)."""
    return not word.isupper() and frequency(word) < _COMMON_SURNAME_FREQUENCY


def _one_name(view: str, start: int, first: str, stray: str, last: str, given: frozenset[str]) -> bool:
    """Evidence that ``first`` and ``last`` make one person's name, with ``stray``
    between them: the whole name written elsewhere; or a given name or a name after a
    title or role word ("spokesman", "Minister") with a token that cannot stand between
    two people's names (a number, a caption's bracket, an adverb); or a given name after
    a title or role word, which stands there only as the start of a full name ("Deputy
    Foreign Minister Sergei said Ryabkov"), with any lower-case word."""
    if first.lower() in _DETERMINERS or stray in _DETERMINERS or stray in _PREPOSITIONS:
        return False  # "The 1974 Bills", "Saint Michal on Dominikánské square"
    is_given = first in given
    strong = (stray[:1].isdigit() and len(stray) <= 5) or stray.startswith("(") or stray in _ADVERBS or stray.endswith("ly")
    if f"{first} {last}" in view:
        # "Xi said Jinping" with "Xi Jinping" elsewhere; not "Pirelli tyre Scorpion"
        return strong or is_given or (_could_be_surname(first) and stray in context()["speech"])
    if first in titles():
        # "Prince (right) Charles"; not "General 5 Division", "Chief hygienist Pavla"
        return last in given and (stray.startswith("(") or stray in _ADVERBS)
    titled = after_title(view, start)
    if is_given and titled:
        return True
    # After a title or role, a given name that is also a word ("spokeswoman Mia also
    # Zschocke"), or a word no given name, that is no ordinary word.
    return strong and (is_given or ((titled or after_role(view, start)) and (_given.is_given_name(first) or not is_common_word(first))))


#: Words that open a bracket of a name's own (a former or birth name), not a caption's.
_OWN_NAME_BRACKETS = frozenset("née nee born aka formerly geb".split())
_BRACKET_TOKEN = re.compile(r"[^\W_]+")


def _caption_bracket(content: str) -> bool:
    """Whether a bracket inside a name is a caption's or a credit's ("left", "File photo",
    "L", "AP", "2nd right", "photo: AFP", "58"), not the name's own: a nickname ("Chuck",
    a given name alone and capitalised), a birth or former
    name ("née Smith"), or a year.  A capitalised word no dictionary knows is an agency's
    or a photographer's credit ("Reuters", "Xinhua")."""
    words = _BRACKET_TOKEN.findall(content)
    if not words or words[0].lower() in _OWN_NAME_BRACKETS:
        return False
    if any(w.isdigit() and len(w) > 3 for w in words):
        return False  # "(1999)", "(born 1950)"
    if len(words) == 1 and words[0][0].isupper() and not words[0].isupper():
        word = words[0]
        return not _given.is_given_name(word)  # "(Photo)", "(Reuters)", not "(Chuck)"
    return True


_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
_PREPOSITIONS = frozenset("on in at of to from for with by into onto as via".split())
#: Surnames that are also ordinary words are told from the words by frequency: "Mack"
#: 1,027, "Charles" 1,824, "Adam" 3,389; "Moon" 59,927, "Sun" 106,205, "Brown" 33,083.
_COMMON_SURNAME_FREQUENCY = 20000


_ADVERBS = frozenset("then too also earlier later himself herself themselves again meanwhile now already still even just once however instead though therefore thus first".split())
# Honorifics that only ever stand right before a name.
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Rev", "Fr"})
# Words that join two names rather than stand in one: "Maria and José", "Smith or Jones".
_JOINERS = frozenset({"and", "or", "nor", "but", "vs", "versus", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el"})

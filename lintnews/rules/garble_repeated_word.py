"""G105 repeated-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.analyses.dictionary import is_known_word

from lintnews.core.document import Document, in_quote
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern
from lintnews.analyses.matching.repeats import lines_with_repeated_word

# A lower-case word written twice in a row, also as the tail of a compound
# ("cross-border border").  Capitalised repeats are often names ("Run Run Shaw").
REPEATED = Pattern(
    "repeated",
    r"(?<![\w’'])(?:[a-z]+-)?(?P<word>[a-z]+)(?P<gap>(?: +(?P=word)\b(?![’'-]))+)",
    lines=lines_with_repeated_word,
)
# Doubles that English grammar allows: "what it is is", "he had had", "that that".
_ALLOWED = frozenset({"had", "that", "is", "do", "bye", "no", "so", "very", "ha", "far", "knock", "tut", "chop"})
# Words nobody doubles for emphasis: doubled, they are a slip even in quoted speech,
# where "go go", "yes yes", "please please" may be meant.
_FUNCTION_WORDS = frozenset(
    """the a an of to in on at for by with from into onto and or but nor if as than then this these those
    his her its their our my your we they he she it you i me him them us was were are be been being has have
    will would shall should can could may might must not""".split()
)


# Words a speaker doubles for emphasis: "no no no", "go go go", "very very", "please
# please".
_EMPHATIC = frozenset(
    """no yes yeah go come on please never very really so much more now stop wait help run quick quickly
    oh ah ha hey wow bye well okay ok thank thanks sorry hello hi again faster slowly long far big bad good""".split()
)
# An opening quotation mark or a punctuation mark, then spaces: a clause starts after it.
_CLAUSE_START = re.compile(r"(?:^|[“\"‘'(,;:!?.—–-])\s*$")


def is_function_word(word: str) -> bool:
    """An article, preposition, conjunction, pronoun or auxiliary: a word that is not
    doubled on purpose."""
    return word.lower() in _FUNCTION_WORDS


def emphatic_in_quote(doc: Document, start: int, word: str) -> bool:
    """Whether ``word``, said again and again from ``start``, may be a speaker's emphasis
    in quoted speech: a word doubled for emphasis ("“It is very very bad”"), or an
    English word (no function word) doubled where the quotation or a clause of it starts
    ("“Please please help us”", "“Never never again”").  A name doubled inside quotation
    marks ("“Ukroboronprom Ukroboronprom”") or a function word ("“the the”") is a slip."""
    lower = word.lower()
    if lower in _FUNCTION_WORDS or not in_quote(doc, start):
        return False
    if lower in _EMPHATIC:
        return True
    before = doc.view[max(0, start - 3) : start]
    return _CLAUSE_START.search(before) is not None and is_known_word(lower)


def _repeated(word: str, times: int) -> str:
    return f"'{word}' is repeated" + (f" ({times} times in a row)" if times > 2 else "")


@register
class RepeatedWord(DocumentRule):
    """Finds a word written twice in a row: ``announce the the candidates``,
    ``cross-border border trade``.

    Why: a translator that renders a compound and then its head again, or an edit that
    left the old word beside the new one, leaves a doubled word every reader trips on.

    Example: ``cross-border border trade`` -> ``cross-border trade``.

    A word said three or more times is one finding.  Grammatical doubles ("had had",
    "that that", "is is"), capitalised repeats (names such as "Run Run Shaw") and a word
    doubled for emphasis in quoted speech ("“very very bad”", "“go go go”"; not a
    function word: "“the the”" is a slip) are not reported.
    """

    code = "G105"
    name = "repeated-word"

    needs = (REPEATED,)

    def check(self, doc: Document, repeated: list) -> Iterator[Finding]:
        for m in repeated:
            word = m.group("word")
            if word in _ALLOWED:
                continue
            if emphatic_in_quote(doc, m.start("word"), word):
                continue  # "go go go", "very very" said for emphasis
            start, end = m.start("gap"), m.end()
            yield self.finding(
                doc,
                m.start("word"),
                end,
                _repeated(word, len(m.group("gap").split()) + 1),
                suggestion=word,
                fix=Fix(start, end, "", safe=True),
            )

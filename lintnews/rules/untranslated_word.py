"""S103 untranslated-word."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.analyses.foreign import FOREIGN_WORDS, ForeignWord
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

_WHAT = {
    "script": "is in another script",
    "mixed-script": "is written in another script right next to Latin letters (it may look alike, but it does not search or sort alike)",
    "function-word": "is a word of another language",
    "unit": "after a number is a unit or number word of another language",
    "honorific": "is a form of address of another language",
}


@register
class UntranslatedWord(DocumentRule):
    """Finds a word of another language left in an English sentence: ``the ministry
    však said``, ``21 procent``, ``3 тыс. people``, ``pan Aslin``, ``Matsumoto-san``.

    Why: machine translation leaves words it could not map (a rare conjunction, a unit
    abbreviation, a form of address) in the source language; a reader sees a word that
    is not English in the middle of an English sentence.

    Example: ``The government také announced 21 procent more funds`` -> two findings,
    ``také`` and ``procent``.

    A word of another script counts on a line of English prose; a listed function word,
    unit or form of address (``rules/foreign-words.yaml``, none of them an English word)
    only where the words around it are English and it is not set apart in italics or
    quotation marks (a loanword used as one).
    """

    code = "S103"
    name = "untranslated-word"
    needs = (FOREIGN_WORDS,)

    def check(self, doc: Document, foreign_words: tuple[ForeignWord, ...]) -> Iterator[Finding]:
        for word in foreign_words:
            message = f"'{word.word}' {_WHAT[word.kind]}"
            if word.kind != "mixed-script":
                message += ": left untranslated in an English sentence"
            yield self.finding(doc, word.start, word.end, message)

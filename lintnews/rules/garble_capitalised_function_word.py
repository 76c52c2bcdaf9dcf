"""G101 capitalised-function-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

_FUNCTION_WORDS = (
    "On|In|At|Of|For|With|To|By|From|And|Or|But|The|An|After|Before|During|Since|Until|"
    "About|Into|Over|Under|Against|Between|Among|Than|That|Which|Who|While|When"
)
# A lower-case word, one space, then a capitalised function word and another word:
# "In one declaration On Sunday".  Headlines in title case put a capital before the
# function word too ("Envoy In Kabul") and are not matched.
_MID_SENTENCE = re.compile(rf"(?<![\w'’.-])(?P<prev>[a-z]{{2,}}) (?P<word>{_FUNCTION_WORDS}) (?=[\w“\"‘'])")


def _hint_branch(word: str) -> str:
    """``word`` after a lower-case word, as a branch that starts with its capital.

    A branch that starts with a literal lets the scan skip to the next possible capital;
    the lookbehind after the capital asks for two lower-case letters and a space before
    it.  "The" and "An" before a capital are titles, never reported."""
    title = "(?! [A-Z])" if word in ("The", "An") else ""
    return f"{word[0]}(?<=[a-z][a-z] .){word[1:]}{title}"


# What every reported match contains (some non-reported places too): a cheap test that
# lets most documents skip the full scan, whose lookbehind is tried at every position.
_HINT = re.compile("(?:" + "|".join(_hint_branch(w) for w in _FUNCTION_WORDS.split("|")) + r") (?=[\w“\"‘'])")
# Cheaper still, over Document.shape, where every capital is "A": an "A" after two
# lower-case letters and a space, the rest of a function word and a space ("he", the
# rest of "The", not before a capital).  One literal to scan for, so the scan jumps from
# capital to capital; most documents have no match at all.
_SHAPE_HINT = re.compile(
    rb"A(?<=[a-z][a-z] A)(?:"
    + "|".join("he(?! A)" if rest == "he" else rest for rest in sorted({w[1:] for w in _FUNCTION_WORDS.split("|")})).encode()
    + rb") "
)


@register
class CapitalisedFunctionWord(DocumentRule):
    """Finds a capitalised function word in the middle of a sentence: ``declaration On Sunday``.

    Why: machine translation that works sentence by sentence, and text re-assembled from
    fragments, leave a sentence-initial capital where two pieces were glued together.

    Example: ``In one declaration On Sunday, the US State Department said`` ->
    ``In a statement on Sunday``.

    "The" or "An" before a capitalised word is a title ("told The Times") and is not
    reported; neither are headlines in title case ("Envoy In Kabul").
    """

    code = "G101"
    name = "capitalised-function-word"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _SHAPE_HINT.search(doc.shape):
            return
        # A match lies within a line; only the lines where the hint matches are scanned.
        for line_start, line_end in doc.line_spans(m.start() for m in _HINT.finditer(doc.view)):
            yield from self._check_line(doc, line_start, line_end)

    def _check_line(self, doc: Document, line_start: int, line_end: int) -> Iterator[Finding]:
        for m in _MID_SENTENCE.finditer(doc.view, line_start, line_end):
            word = m.group("word")
            start, end = m.span("word")
            if word in ("The", "An") and doc.view[end + 1 : end + 2].isupper():
                continue  # a title or a publication: "told The New York Times"
            yield self.finding(
                doc,
                start,
                end,
                f"'{word}' is capitalised in mid-sentence ('{m.group('prev')} {word}'): "
                "a broken sentence boundary or a machine-translation artifact",
                suggestion=word.lower(),
            )

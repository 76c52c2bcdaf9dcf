"""G101 capitalised-function-word."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

_FUNCTION_WORDS = (
    "On|In|At|Of|For|With|To|By|From|And|Or|But|The|An|After|Before|During|Since|Until|"
    "About|Into|Over|Under|Against|Between|Among|Than|That|Which|Who|While|When"
)
# A lower-case word, one space, then a capitalised function word and another word:
# "In one declaration On Sunday".  Headlines in title case put a capital before the
# function word too ("Envoy In Kabul") and are not matched.
MID_SENTENCE = Pattern(
    "mid_sentence",
    rf"(?<![\w'’.-])(?P<prev>[a-z]{{2,}}) (?P<word>{_FUNCTION_WORDS}) (?=[\w“\"‘'])",
    within_lines=True,
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

    needs = (MID_SENTENCE,)

    def check(self, doc: Document, mid_sentence: list) -> Iterator[Finding]:
        for m in mid_sentence:
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

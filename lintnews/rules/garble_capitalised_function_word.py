"""G101 capitalised-function-word."""

from __future__ import annotations

import re
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


# Words that introduce the title of a work: "the film On the Waterfront", "a book titled
# After the Storm".
_WORK_WORDS = frozenset(
    "film films movie movies book books novel novels song songs album albums programme documentary painting poem"
    " poems opera musical exhibition podcast essay memoir biography series sitcom drama comedy thriller ballet"
    " symphony anthem slogan motto titled entitled called named dubbed".split()
)
# A lower-case function word between capitalised words, inside a title written in title
# case: "Beautiful New World and On the Spirit of Arts".
_TITLE_JOINERS = frozenset("and or of in to for the a an on at with by from nor but as vs".split())
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
#: A line whose longer words are capitalised at least this often is a title-case headline.
HEADLINE_SHARE = 0.7
#: A headline has at most this many words.
HEADLINE_WORDS = 20


def _in_title(view: str, prev_start: int, word_end: int) -> bool:
    """Whether the capitalised function word is part of a title: of a work named before
    it, inside a run of title-case words, or in a headline written in title case."""
    line_start = view.rfind("\n", 0, prev_start) + 1
    line_end = view.find("\n", word_end)
    line = view[line_start : len(view) if line_end == -1 else line_end]
    before = _WORDS.findall(view[line_start:prev_start])
    prev = _WORDS.match(view, prev_start)
    prev_word = prev.group(0) if prev else ""
    if prev_word in _WORK_WORDS or any(w.lower() in _WORK_WORDS for w in before[-2:]):
        return True
    if prev_word in _TITLE_JOINERS and before and before[-1][:1].isupper():
        return True
    words = _WORDS.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    return (
        len(words) <= HEADLINE_WORDS
        and bool(long_words)
        and sum(w[:1].isupper() for w in long_words) >= HEADLINE_SHARE * len(long_words)
    )


@register
class CapitalisedFunctionWord(DocumentRule):
    """Finds a capitalised function word in the middle of a sentence: ``declaration On Sunday``.

    Why: machine translation that works sentence by sentence, and text re-assembled from
    fragments, leave a sentence-initial capital where two pieces were glued together.

    Example: ``In one declaration On Sunday, the US State Department said`` ->
    ``In a statement on Sunday``.

    "The" or "An" before a capitalised word is a title ("told The Times") and is not
    reported; neither are headlines in title case ("Envoy In Kabul", "Five things to know
    About the vote" on a line whose longer words are mostly capitalised), titles of works
    ("the film On the Waterfront", "a book titled After the Storm") and a function word
    inside a run of title-case words ("Brave New World and On the Spirit of Arts").
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
            if _in_title(doc.view, m.start("prev"), end):
                continue
            yield self.finding(
                doc,
                start,
                end,
                f"'{word}' is capitalised in mid-sentence ('{m.group('prev')} {word}'): "
                "a broken sentence boundary or a machine-translation artifact",
                suggestion=word.lower(),
            )

"""G103 name-split-by-sentence-break."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

_NOT_SURNAMES = (
    "Prior|After|Before|In|On|At|During|Since|While|When|Although|Though|However|But|And|The|"
    "As|For|With|From|To|By|Of|Despite|Following|Under|Over|According|Meanwhile|Earlier|Later"
)
_SPEECH = frozenset("said says told added wrote tweeted stated noted insisted explained announced".split())
# A given name and a middle initial, then a word that cannot be a surname, continued in
# lower case: "Joseph R. Prior to taking office".
SPLIT = Pattern("split", rf"\b(?P<name>[A-Z][a-z]+ [A-Z]\.) (?P<word>{_NOT_SURNAMES}) (?P<next>[a-z]+)\b")


@register
class NameSplitBySentenceBreak(DocumentRule):
    """Finds a name cut off after its middle initial by a broken sentence:
    ``Joseph R. Prior to taking office``.

    Why: a translator or spinner that mistakes an initial's full stop for a sentence end
    moves the rest of the name elsewhere ("..., Biden Jr. was"), garbling both sentences.

    Example: ``President-elect Joseph R. Prior to taking office, Biden Jr. was`` ->
    ``Prior to taking office, President-elect Joseph R. Biden Jr. was``.
    """

    code = "G103"
    name = "name-split-by-sentence-break"

    needs = (SPLIT,)

    def check(self, doc: Document, split: list) -> Iterator[Finding]:
        for m in split:
            if m.group("next") in _SPEECH:
                continue  # "John A. After said": After is a surname here
            start, end = m.start("name"), m.end("word")
            yield self.finding(
                doc,
                start,
                end,
                f"the name '{m.group('name')}' is cut off: '{m.group('word')} {m.group('next')}' "
                "continues a different sentence",
            )

"""G102 lowercase-after-sentence-break."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

# Any lower-case word continues the sentence, but one joined to a capital, a digit or a
# hyphen ("iPhone", "al-Qaeda", "eBay") and one that ends the line (an agency's credit,
# "... the final round. dpa", is W104's concern).
_CONTINUATIONS = r"[a-z]+(?![A-Z0-9\-’'])(?![.!?]?[ \t]*$)"
# A word, a full stop (before or after a closing quote), then a lower-case function word
# that can only continue the sentence: "to “accept help”. of the group".  The word is
# the whole run of word characters before the mark, so the scan may start only where a
# run starts, and never gives characters back (possessive): same matches, 3x faster.
BREAK = Pattern(
    "sentence_break",
    rf"(?<!\w)(?P<word>\w++)(?P<mark>[”\"’]?\.[”\"’]?)(?P<space> +)(?P<next>{_CONTINUATIONS})\b",
    re.MULTILINE,
    within_lines=True,
)

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """etc vs approx incl esp cf viz ca al no nos govt dept est jr sr st mt ft pp vol ed eds fig misc
    inc ltd co corp bros excl mr mrs ms dr prof gen col sen rep gov lt sgt capt rev cmdr adm maj
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m am pm op ibid resp approx min max av ave blvd rd hwy mph kph km kg cm mm lb lbs oz""".split()
)


@register
class LowercaseAfterSentenceBreak(DocumentRule):
    """Finds a full stop followed by a lower-case word that continues the sentence:
    ``“accept help”. of the group``, ``Tian Feiyu. said``.

    Why: a sentence split in the wrong place, typical of machine translation that
    re-segments long sentences, leaves a fragment starting in lower case.

    Example: ``they continue to “accept help”. of the group`` ->
    ``they continue to “accept help” of the group``.

    A full stop after an abbreviation (``etc. and``, ``Inc. in``) is not a sentence end;
    a lower-case word joined to a capital, digit or hyphen (``iPhone``, ``al-Qaeda``) or
    ending the line (an agency's credit) is not a continuation.
    """

    code = "G102"
    name = "lowercase-after-sentence-break"

    needs = (BREAK,)

    def check(self, doc: Document, sentence_break: list) -> Iterator[Finding]:
        for m in sentence_break:
            word = m.group("word")
            if len(word) < 2 or not word.isalpha() or word.lower() in _ABBREVIATIONS or word.isupper():
                continue
            start = m.start("mark")
            end = m.end("next")
            yield self.finding(
                doc,
                start,
                end,
                f"sentence break followed by lower-case '{m.group('next')}': the sentence seems split in the wrong place",
            )

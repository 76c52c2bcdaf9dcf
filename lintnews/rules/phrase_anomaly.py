"""M103 unusual-phrase: a rare near-synonym swap of a set phrase of edited English.

The knowledge is a table built by ``training/build_phrase_table.py`` from the Google
Books bigram counts that symspellpy ships and from WordNet 3.0 (sources and licences in
``lintnews/data/NOTICE-phrases.txt``).  Each row maps a *suspect* two-word phrase Q
(one word of a set phrase P swapped for a near-synonym, Q rare or absent in edited
English) to P and both counts.  At run time the rule only looks the text's word pairs up
in that table (:mod:`lintnews.analyses.phrases`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.analyses.phrases import load_table, reported_phrases
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register


def _times(ratio: float) -> str:
    if ratio >= 10:
        return f"{round(ratio):,}"
    return f"{ratio:.1f}".rstrip("0").rstrip(".")


@register
class UnusualPhrase(DocumentRule):
    """Finds a set phrase of English with one word swapped for a near-synonym, when the
    swapped phrase is rare in edited English and the set phrase is common: ``curiosity
    rates`` for ``interest rates``, ``the Ultimate Court`` for ``the Supreme Court``.

    Why: an article spinner replaces words with thesaurus synonyms, and a literal
    translator picks one dictionary sense of each word; both break fixed expressions in a
    way no editor does, and no list can name every break.

    Example: ``the central bank raised curiosity rates`` -> ``interest rates``.

    An adverbial idiom with an article or a preposition changed word for word (``for the
    example,``) is M104's (idiom-calque), read from the same table.

    The knowledge comes from the Google Books bigram counts shipped by symspellpy and from
    WordNet 3.0, compiled into ``lintnews/data/phrases-v1.tsv.gz`` by
    ``training/build_phrase_table.py``.  Quotations, names of people and capitalised
    names other than those of institutions are not read; a phrase whose swap is itself
    common in English is not in the table.

    On by default, it reports what needs no count finer than the table's: a swap written
    as a name of its own (``the Armed Pressures``, ``the Ultimate Court``), and a lower-case
    swap only where the article itself writes the set phrase elsewhere (``interest rates``
    in one paragraph, ``curiosity rates`` in another).  The table alone reports about 1.2
    phrases per 10,000 words of edited prose that are good English ("modern humans",
    "allergic response"): its counts (Google Books bigrams of at least 6.4 million) cannot
    tell a rare phrase from an unlisted one (training/README-phrases.md).
    """

    code = "M103"
    name = "unusual-phrase"
    reads_quotes = False

    def check(self, doc: Document) -> Iterator[Finding]:
        for hit in reported_phrases(doc.view, load_table()):
            bound = "more than " if hit.absent else "about "
            yield self.finding(
                doc,
                hit.start,
                hit.end,
                f"'{hit.phrase}': edited English writes '{hit.suggestion}' {bound}{_times(hit.ratio)} times as often",
                suggestion=hit.suggestion,
            )

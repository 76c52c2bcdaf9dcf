"""M104 idiom-calque: an adverbial idiom of English with an article or its preposition
changed word for word ("for the example," "In the same time," "on other hand,").

The idioms and their variants are rows of M103's phrase table (built from WordNet 3.0 and
the Google Books bigram counts by ``training/build_phrase_table.py``); this rule reports
what :func:`lintnews.analyses.phrases.find_article_idioms` finds in them.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.phrases import find_article_idioms, load_table

_CHANGE = {
    "ci": "without an article",
    "ka": "without an article",
    "kd": "with its article",
    "ks": "with another article",
    "kp": "with another preposition",
}


@register
class IdiomCalque(DocumentRule):
    """Finds an adverbial idiom of English written with an article or its opening
    preposition changed word for word: ``For the example,`` -> ``For example``, ``In the
    same time,`` -> ``At the same time``, ``on other hand,`` -> ``on the other hand``.

    Why: a literal translation from a language without articles, or with other
    prepositions in its idioms, renders each word; an editor writes the idiom as English
    fixes it.

    Example: ``In the same time, prices rose.`` -> ``At the same time``.

    The idioms are WordNet 3.0's adverbs of two to five words that open with a
    preposition and that the Google Books bigram counts show to be common; a variant
    that is a WordNet phrase of its own ("in the way", "at the least") is not reported.
    An idiom is read only where nothing can continue it: a punctuation mark must follow
    it, and a changed preposition or article (or an article put into an idiom of three
    words or more) is read only where the idiom opens a clause and a comma follows.
    Quotations are not read.
    """

    code = "M104"
    name = "idiom-calque"
    reads_quotes = False

    def check(self, doc: Document) -> Iterator[Finding]:
        table = load_table()
        if not table.idioms:
            return
        for hit in find_article_idioms(doc.view, table):
            change = _CHANGE.get(table.idiom_kinds.get(hit.phrase.lower(), "ci"), "written so")
            yield self.finding(
                doc,
                hit.start,
                hit.end,
                f"'{hit.phrase}': the idiom is '{hit.suggestion}', {change}",
                suggestion=hit.suggestion,
            )

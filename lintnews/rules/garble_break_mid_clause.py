"""G109 sentence-break-mid-clause."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.analyses.dictionary import is_common_word
from lintnews.analyses.matching import Pattern
from lintnews.analyses.names.mentions import given_names
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register

# A lower-case word, a full stop, one space, a capitalised word, on one line; what
# follows the capitalised word (a comma: "Still, ..."), if anything.
BREAK = Pattern(
    "break_mid_clause",
    r"(?<![\w’'\-.])(?P<word>[a-z]+)\. (?P<next>[A-Z][a-z]+)(?P<after>[,;:]| [\w’'\-]+)?",
    within_lines=True,
)

# Words an English sentence does not end on: articles, coordinating conjunctions,
# possessive determiners, subject pronouns, subordinators, prepositions that are not
# left at a sentence's end, modal verbs that need a verb after them, determiners and
# adjectives that only stand before a noun ("several", "multiple", "entire").  In
# 5 million words of machine-translated and original English news, each ends a sentence
# at most once in 20,000 uses.
_NEVER_FINAL = frozenset(
    """the a an and but or nor of than as if unless because whose which every its their our your my
    i he she we they into onto via per amid despite during among amongst including towards toward unlike
    could would should must might shall also very
    some several various numerous multiple entire respective upcoming mere sheer utter""".split()
)
# Words that end a sentence only in an ellipsis ("whatever support we can.", "as they
# used to.", "I know that.", "soon after."): a sentence end when what follows starts a
# sentence, a cut when a content word follows that no sentence would start with here.
_RARELY_FINAL = frozenset("can will have to that all after".split())
# Of those, words that no sentence but an elliptical one ends on, which a pronoun starts
# again: "as they used to. They", "as we have. We"; before any other word, a cut ("I
# have. To go"). ("can" is also a noun: "the trash can. On the front...")
_BEFORE_ANY_BUT_A_PRONOUN = frozenset("to have".split())
_PRONOUNS = frozenset("i we you he she they it".split())
# Words that start sentences: after a rarely-final word they make a sentence end likely.
_STARTERS = frozenset(
    """the a an this that these those it he she we they i you there here in on at for from with by as but
    and or so if when while after before since however meanwhile now then also yet thus therefore according
    despite although though because what who which how why where his her their our my your its one some
    many most all both each every no not only even just mr mrs ms dr to of""".split()
)


def _content_word(word: str, after: str) -> bool:
    """Whether a capitalised ``word`` is an ordinary English word that does not start a
    sentence here: not a function word, a name, or a sentence adverb before a comma
    ("Still, ...")."""
    lower = word.lower()
    return (
        lower not in _STARTERS
        and is_common_word(lower)
        and word not in given_names()
        and after not in {",", ";", ":"}
    )


@register
class SentenceBreakMidClause(DocumentRule):
    """Finds a full stop inside a clause, the next word capitalised: after a word no
    sentence ends on (``the protests and. People came``, ``it was not now deciding on
    the law, but. On a technical issue``), or after a modal, "to", "have", "that",
    "all" or "after" before a word no sentence starts with there (``bacteria can.
    Survive the wash``, ``I have. To go to work``).

    Why: machine translation that re-segments a long sentence, or a scraper that joins
    lines, puts a sentence end in mid-clause and capitalises the word after it, so that
    neither half is a sentence.

    Example: ``the super-rich people can. Afford it`` -> ``the super-rich people can
    afford it``.

    A sentence that ends in an ellipsis (``whatever support we can. We have also...``,
    ``as they used to. They``) and an abbreviation's full stop are left alone; a full
    stop followed by a lower-case word is G102's.

    Off by default (``--extend-select G109``): on held-out planted garbles it finds 1 in
    17, and in edited speeches it reports real sentence ends ("as we must. We have",
    "say yes to. And"), about 0.4 per 10,000 words.
    """

    code = "G109"
    name = "sentence-break-mid-clause"
    default = False

    needs = (BREAK,)

    def check(self, doc: Document, break_mid_clause: list) -> Iterator[Finding]:
        for m in break_mid_clause:
            word, following = m.group("word"), m.group("next")
            after = (m.group("after") or "").strip()
            if word == "all" and doc.view[max(0, m.start() - 3) : m.start()] in {"at ", "of "}:
                continue  # "not at all.", "best of all."
            if word not in _NEVER_FINAL:
                if word not in _RARELY_FINAL or after in {",", ";", ":"}:
                    continue
                pronoun = following.lower() in _PRONOUNS
                if not (_content_word(following, after) or (word in _BEFORE_ANY_BUT_A_PRONOUN and not pronoun)):
                    continue
            start, end = m.start("word"), m.end("next")
            yield self.finding(
                doc,
                start,
                end,
                f"a full stop after '{word}' cuts the clause: '{following}' continues it",
                suggestion=f"{word} {following[0].lower()}{following[1:]}",
            )

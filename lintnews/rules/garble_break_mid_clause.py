"""G109 sentence-break-mid-clause."""

from __future__ import annotations

import functools
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
    r"(?<![\w’'\-.;&])(?P<word>[a-z]+)\. (?P<next>[A-Z][a-z]+)(?P<after>[,;:]| [\w’'\-]+)?",
    within_lines=True,
)

# Words an English sentence does not end on: articles, coordinating conjunctions,
# possessive determiners, subject pronouns, subordinators, prepositions that are not left
# at a sentence's end, "would", "very", determiners and adjectives that only stand before
# a noun ("several", "multiple", "entire").  In a million words of edited English (State
# of the Union addresses and ABC science news, their development part) none of them ends
# a sentence.
_NEVER_FINAL = frozenset(
    """the a an and but or nor of than as if unless because whose which every its their our your my
    i he she we they into onto via per amid despite during among amongst including towards toward unlike
    would very these those such each whether although
    several various numerous multiple entire respective upcoming mere sheer utter""".split()
)
# Prepositions and determiners that end a sentence only when stranded ("what it is for.",
# "hard to deal with.", "where it comes from."), which is followed by a new sentence's
# usual first word: a cut before any other word.
_STRANDED_FINAL = frozenset("at for with from by under across until upon any some what who when where while".split())
# Words that end a sentence now and then (up to 40 times in 10,000 uses in that prose:
# "whatever support we can.", "as they used to.", "I know that.", "the day after.", "what
# kind of nation we are.", "to take it in."): a sentence end when what follows starts a
# sentence, a cut when an ordinary lower-case word follows that no sentence would start
# with there.  Words that end sentences more often ("it", "them", "before", "now",
# "there", "more", "over") are not read, nor "in", "on" (particles: "coming in.
# Housing starts rose"), "is" and "have" ("someone who is. Join the", "what they might
# have. Australian researchers"), which did so before a capitalised ordinary word in
# that prose.
_RARELY_FINAL = frozenset(
    """can could will should must might shall has had are was were be been
    to that all after about between against without not this no also same just only""".split()
)
# Of those, a word that no sentence but an elliptical one ends on, which a pronoun or a
# conjunction starts again: "as they used to. They", "futures to say yes to. And"; before
# any other word, a cut ("I have to. Go", "next to. The").
_BEFORE_ANY_BUT_A_PRONOUN = frozenset(["to"])
_PRONOUNS = frozenset("i we you he she they it".split())
_CONJUNCTIONS = frozenset("and but or so yet nor".split())
# Words that start sentences: after a rarely-final or stranded word they make a sentence
# end likely.
_STARTERS = frozenset(
    """the a an this that these those it he she we they i you there here in on at for from with by as but
    and or so if when while after before since however meanwhile now then also yet thus therefore according
    despite although though because what who which how why where his her their our my your its one some
    many most all both each every no not only even just mr mrs ms dr to of today tonight tomorrow yesterday
    let nor instead indeed still besides otherwise unless until once during within without across against
    among between through under over about into upon beyond like unlike above below behind near well
    two three four five six seven eight nine ten thank thanks please yes do does did is are was were can could
    will would should have has based given contrary compared nothing nobody none everyone everybody everything
    someone somebody something anyone anybody anything neither either another other such few little much more""".split()
)


# The word before "all" when "all" ends a sentence: "not at all.", "for us all."
_AFTER_ALL = re.compile(r"\b(?:at|of|us|you|them|we|they|these|those) $")


def _content_word(word: str, after: str) -> bool:
    """Whether a capitalised ``word`` is an ordinary English word that does not start a
    sentence here: not a function word, a name, or a sentence adverb before a comma
    ("Still, ...")."""
    lower = word.lower()
    return (
        lower not in _STARTERS
        and not lower.endswith("ly")  # a sentence adverb: "Alternately", "Finally"
        and not _plural(lower)
        and is_common_word(lower)
        and word not in given_names()
        and after not in {",", ";", ":"}
    )


def _plural(word: str) -> bool:
    """A plural noun, which often starts a sentence as its subject: "Sources said"."""
    return word.endswith("s") and not word.endswith("ss")


_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,] ([A-Z][a-z]+)\b")


def _capitalised_mid_sentence(view: str) -> frozenset[str]:
    """The words the document writes capitalised after a lower-case word or a comma
    (proper nouns and titles: "America", "Congressman", "Government")."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(view))


@register
class SentenceBreakMidClause(DocumentRule):
    """Finds a full stop inside a clause, the next word capitalised: after a word no
    sentence ends on (``the protests and. People came``, ``it was not now deciding on
    the law, but. On a technical issue``, ``fired numerous. Missiles``), after a
    preposition before a word that does not start sentences (``waiting for. Rain since
    May``), or after a verb, a modal or another word that ends a sentence only now and
    then before an ordinary word that no sentence starts with there (``bacteria can.
    Survive the wash``, ``residents were. Told to stay indoors``).

    Why: machine translation that re-segments a long sentence, or a scraper that joins
    lines, puts a sentence end in mid-clause and capitalises the word after it, so that
    neither half is a sentence.

    Example: ``the super-rich people can. Afford it`` -> ``the super-rich people can
    afford it``.

    The words were chosen by how often they end a sentence in a million words of edited
    English (State of the Union addresses, ABC news; development part): never, when
    stranded, or up to 40 times in 10,000 uses; words that end sentences more often
    ("it", "them", "now", "there", "before") are not read.  Left alone: a sentence that
    ends in an ellipsis or a stranded preposition before a usual first word (``whatever
    support we can. We have also...``, ``what the money is for. Critics say``), a plural
    subject, an indefinite pronoun, a number word or a participle opener after the stop
    (``Sources said``, ``Nothing more``, ``Based on``), a word the document capitalises
    elsewhere mid-sentence (a name: ``America``), an abbreviation's full stop.  A full
    stop followed by a lower-case word is G102's.  A content word cut from the next
    (``a new economic. Plan``) is not found.
    """

    code = "G109"
    name = "sentence-break-mid-clause"

    needs = (BREAK,)

    def check(self, doc: Document, break_mid_clause: list) -> Iterator[Finding]:
        capitalised = functools.lru_cache(maxsize=1)(_capitalised_mid_sentence)  # read once, when needed
        for m in break_mid_clause:
            word, following = m.group("word"), m.group("next")
            after = (m.group("after") or "").strip()
            if word == "all" and _AFTER_ALL.search(doc.view, max(0, m.start() - 6), m.start()):
                continue  # "not at all.", "best of all.", "thank you all."
            if word not in _NEVER_FINAL:
                if after in {",", ";", ":"}:
                    continue
                lower = following.lower()
                if word in _STRANDED_FINAL:
                    if lower in _STARTERS or lower in _PRONOUNS or lower.endswith("ly") or _plural(lower):
                        continue
                elif word not in _RARELY_FINAL:
                    continue
                elif not (
                    (_content_word(following, after) and following not in capitalised(doc.view))
                    or (word in _BEFORE_ANY_BUT_A_PRONOUN and lower not in _PRONOUNS and lower not in _CONJUNCTIONS)
                ):
                    continue
            start, end = m.start("word"), m.end("next")
            yield self.finding(
                doc,
                start,
                end,
                f"a full stop after '{word}' cuts the clause: '{following}' continues it",
                suggestion=f"{word} {following[0].lower()}{following[1:]}",
            )

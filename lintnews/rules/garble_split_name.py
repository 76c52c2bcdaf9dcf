"""G103 name-split-by-sentence-break."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.analyses.dictionary import frequency, is_common_word, is_known_word
from lintnews.analyses.names.mentions import context, given_names
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.rules.name_cues import after_role, after_title
from lintnews.analyses.matching import Pattern

_NOT_SURNAMES = (
    "Prior|After|Before|In|On|At|During|Since|While|When|Although|Though|However|But|And|The|"
    "As|For|With|From|To|By|Of|Despite|Following|Under|Over|According|Meanwhile|Earlier|Later"
)
_SPEECH = frozenset("said says told added wrote tweeted stated noted insisted explained announced".split())
# A given name and a middle initial, then a word that cannot be a surname, continued in
# lower case: "Joseph R. Prior to taking office".
SPLIT = Pattern("split", rf"\b(?P<name>[A-Z][a-z]+ [A-Z]\.) (?P<word>{_NOT_SURNAMES}) (?P<next>[a-z]+)\b")
# A given name, then a full stop or a clause between commas, then a capitalised word:
# "Karel. Havlíček said", "Prince, as is known, William".  After a full stop the given
# name must stand mid-sentence (a sentence may end on a name, but rarely on a bare given
# name); the word after it must be no English word.
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž][^\W\d_A-Z]+"  # a capital (Latin Extended-A: checked in code), then lower case
CUT = Pattern(
    "name_cut",
    rf"(?:(?<=[a-z,;] )(?P<given>{_NAME_WORD})(?P<stop>\. )"
    rf"|(?<![\w’'\-])(?P<given2>{_NAME_WORD})(?P<clause>, (?:[a-z]+ ){{0,5}}[a-z]+, ))"
    rf"(?P<surname>{_NAME_WORD})(?![\w\-])(?![’'](?!s\b))",  # a possessive may follow: "Karel. Havlíček's"
    within_lines=True,
)
#: After a spliced clause, a given name that is also an English word is told from the
#: word by frequency: "William", "Charles" 1,824; "Rose" 27,460, "Black" 253,234.
_COMMON_SURNAME_FREQUENCY = 20000
_CONJUNCTIONS = ("and ", "or ", "but ", "nor ")
# Given names that are also words a sentence may end on ("... the Prince. Charles").
_NOT_GIVEN = frozenset({"Prince", "Princess", "King", "Queen", "Pope", "Will", "May", "June", "April", "August"})


def _honorifics() -> frozenset[str]:
    """Honorifics whose full stop is no sentence end ("Mr. Pompeo", "Dr. Smith")."""
    return frozenset(h.rstrip(".") for h in context()["honorifics"])


@register
class NameSplitBySentenceBreak(DocumentRule):
    """Finds a name cut in two by a broken sentence or a spliced clause: after its
    middle initial (``Joseph R. Prior to taking office``), after the given name
    (``Karel. Havlíček said``), or around a clause (``Uğur, as is known, Şahin``).

    Why: a translator or spinner that mistakes an initial's full stop for a sentence end
    moves the rest of the name elsewhere ("..., Biden Jr. was"), garbling both sentences.

    Example: ``President-elect Joseph R. Prior to taking office, Biden Jr. was`` ->
    ``Prior to taking office, President-elect Joseph R. Biden Jr. was``.
    """

    code = "G103"
    name = "name-split-by-sentence-break"

    needs = (SPLIT, CUT)

    def check(self, doc: Document, split: list, name_cut: list) -> Iterator[Finding]:
        yield from self._given_name_cut_off(doc, name_cut)
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

    def _given_name_cut_off(self, doc: Document, name_cut: list) -> Iterator[Finding]:
        given = given_names()
        view = doc.view
        for m in name_cut:
            first, surname = m.group("given") or m.group("given2"), m.group("surname")
            if not (first[0].isupper() and surname[0].isupper()):
                continue
            if (
                m.group("stop")
                and is_known_word(surname)
                and not (frequency(surname) < _COMMON_SURNAME_FREQUENCY and after_title(view, m.start()))
            ):
                continue  # "... from Switzerland. Omega is elegant"; not "owner Jürgen. Mack"
            # The word before is read only now: a common word after a full stop ("Nov. On")
            # ended the sentence whatever stood before it.
            titled = m.group("stop") and after_title(view, m.start())
            if m.group("clause") and (
                frequency(surname) >= _COMMON_SURNAME_FREQUENCY or m.group("clause")[2:].startswith(_CONJUNCTIONS)
            ):
                continue  # "Prince Charles, and his wife, Camilla": an apposition, not a splice
            if m.group("stop") and ((first in _NOT_GIVEN and not titled) or first in _honorifics()):
                continue  # "the Prince. Charles"; not "the broker Will. Christie"
            # Evidence that the two make one name: a known given name, the whole name
            # written elsewhere in the article, a title or role word before the given
            # name ("the broker Will. Christie"), or a title and a given name around a
            # clause ("Prince, as is known, William").
            # "Prince, as is known, William", "President, in turn, Putin": a title is not
            # followed by a clause and a name in English
            title_before_given = (
                m.group("clause") and first in _honorifics() and (surname in given or not is_common_word(surname))
            )  # not "the President, however, Congress voted"
            role_before_clause = m.group("clause") and after_role(view, m.start())  # "actor Ichimura, as is known, Uzaemon"
            if first in given or titled or title_before_given or role_before_clause:
                pass
            elif is_common_word(first) or f"{first} {surname}" not in view:
                continue  # "When, after two terms, Putin"
            what = "a full stop" if m.group("stop") else f"the clause '{m.group('clause').strip(', ')}'"
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"the name '{first} {surname}' is cut in two by {what}",
                suggestion=f"{first} {surname}",
            )

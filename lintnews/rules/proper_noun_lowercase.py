"""N103 proper-noun-in-lower-case."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lintnews.analyses.dictionary import is_common_word, unknown_words
from lintnews.analyses.names import given as _given
from lintnews.analyses.names.mentions import NAMES, NameFacts, context
from lintnews.core.corpus import Corpus, Loc
from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document
from lintnews.core.facts import fact_type
from lintnews.core.finding import Finding
from lintnews.core.rule import CorpusRule, register
from lintnews.analyses.dictionary import acceptable

# A possessive ending may follow ("aslin’s unit"); another apostrophe may not ("don’t").
_LOWER = re.compile(r"(?<![\w@#/.’'\-])[a-zß-ÿĀ-ž]{3,}(?![\w@/\-]|[’'](?!s\b)|\.[a-z])")
_CAPITALISED = re.compile(r"(?<![\w@#/.’'\-])[A-ZÀ-ÞĀ-Ž][a-zß-ÿĀ-ž]{2,}(?![\w@/’'\-])")
# A word right after one of these (or at a line's start) may be capitalised for the
# sentence, not as a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(\[—–-]\s*|\n)\s*$")
# A word in lower case right after an opening bracket is no sentence's first word: a
# proper noun there is written with a capital all the same ("Toray (japan)").
_SENTENCE_START_LOWER = re.compile(r"(?:^|[.!?:;\"“”‘’—–-]\s*|\n)\s*$")
# A given name or an honorific right before a lower-case word: "Alina grijseels".
_NAME_BEFORE = re.compile(r"([A-Z][^\W\d_]+\.?) $")
_DATE_AFTER = re.compile(r"\s+(?:\d{1,2}\b|\d{4}\b)")
#: A word counts as a proper noun of the corpus when it is written capitalised in the
#: middle of a sentence at least this many times, and this many times as often as in
#: lower case.
MIN_CAPITALISED = 2


_SPEECH_ONLY = frozenset({"speech"})
#: Evidence that a title or a role stands before a name ("President Biden", "spokesman").
_TITLED = frozenset({"honorific", "role"})


@dataclass(frozen=True)
class Lists:
    always: dict[str, str]  # lower-case form -> what it is ("weekday", "country", ...)
    before_a_date: frozenset[str]
    ambiguous: dict[str, str]  # lower-case form that is also an English word -> what it is
    compounds: frozenset[str]  # nouns after which such an adjective is a thing's name


@functools.lru_cache(maxsize=1)
def _lists() -> Lists:
    data = builtin_yaml("proper-nouns.yaml")
    kinds = {"weekdays": "weekday", "months": "month", "countries": "country", "nationalities": "nationality", "cities": "city"}
    always = {str(w): kind for key, kind in kinds.items() for w in data[key]}
    ambiguous = {str(w): "nationality" for w in data["ambiguous-nationalities"]}
    ambiguous.update({str(w): "country" for w in data["ambiguous-countries"]})
    compounds = frozenset(str(w) for w in data["ambiguous-compounds"])
    return Lists(always, frozenset(str(w) for w in data["months-before-a-date"]), ambiguous, compounds)


# Around an ambiguous word ("polish", "china"): the word before it and the word after it.
_WORD_AROUND_BEFORE = re.compile(r"(?:^|[^\w’'-])([\w’'-]+|\()\s*$")
_WORD_AROUND_AFTER = re.compile(r"\s+([a-z]{3,})\b")
#: Words after which an adjective is a verb or a noun ("to polish", "will polish").
_NOT_BEFORE_ADJECTIVE = frozenset("to will would can could must should may might and or not".split())
#: Words after an adjective that say it is no adjective ("polish the", "polish it").
_NOT_A_NOUN = frozenset(
    """the a an his her its their our my your this that these those it them him us me up off and or nor but of in on
    at to for with by from as is are was were be been has have had will would can could""".split()
)
#: Words before a country ("exports from china", "(turkey)").
_BEFORE_A_COUNTRY = frozenset("in from to with against between of and visit visited visiting ( into across".split())


def _ambiguous_reading(view: str, start: int, end: int, kind: str) -> bool:
    """Whether an ambiguous word is read as the nationality (before a noun) or the country
    (after a preposition) at this place."""
    before = _WORD_AROUND_BEFORE.search(view, max(0, start - 30), start)
    previous = before.group(1).lower() if before else ""
    if kind == "country":
        return previous in _BEFORE_A_COUNTRY
    after = _WORD_AROUND_AFTER.match(view, end)
    if after is None or after.group(1) in _NOT_A_NOUN or after.group(1) in _lists().compounds:
        return False
    return previous not in _NOT_BEFORE_ADJECTIVE


@fact_type
@dataclass(frozen=True)
class LowerCaseProperNouns:
    """What N103 needs of one document."""

    listed: tuple[tuple[str, str, Loc], ...]  # (word, kind, where): listed proper nouns in lower case
    unknown: tuple[tuple[str, Loc], ...]  # lower-case words no English dictionary knows
    lower_counts: dict[str, int]  # those words -> how often this document writes them
    capitalised: dict[str, int]  # capitalised words mid-sentence, not English words -> count
    people: dict[str, int]  # words of names used as people's names here (lower case) -> count
    #: words of ``unknown`` that a dictionary knows, as a rare word ("putin", "hamilton":
    #: pyspellchecker lists many names in lower case) or with an affix ("nunes"), and
    #: that this document writes capitalised in a name
    known: frozenset[str] = frozenset()
    #: places of ``unknown`` right after a given name or an honorific ("Alina grijseels")
    after_name: frozenset[int] = frozenset()
    #: places of ``unknown`` beside a speech verb ("admits liban", "reznikov recalled")
    beside_speech: frozenset[int] = frozenset()
    #: words of names whose only person evidence is a speech verb ("Kochetkov added")
    speakers: dict[str, int] = field(default_factory=dict)
    #: words of ``unknown`` written capitalised at a sentence start -> count
    capitalised_first: dict[str, int] = field(default_factory=dict)
    #: surnames (last words) of names after a title or a role word -> count
    surnames: dict[str, int] = field(default_factory=dict)
    #: places of ``unknown`` right after a preposition of place ("in kharkiv")
    after_place: frozenset[int] = frozenset()


# A quotation closed by a comma goes on with its speaker: ",” geywitz said".
_AFTER_QUOTED_CLAUSE = re.compile(r",\s*[”\"’]\s*$")


def _mid_sentence(view: str, start: int, starts: re.Pattern[str] = _SENTENCE_START) -> bool:
    begin = max(0, start - 4)
    return starts.search(view, begin, start) is None or _AFTER_QUOTED_CLAUSE.search(view, begin, start) is not None


_WORD_AFTER = re.compile(r",?\s*([a-z]+)")
_WORD_BEFORE = re.compile(r"([a-z]+),?\s+$")


def _beside_speech(view: str, start: int, end: int) -> bool:
    """Whether a speech verb stands right before or after the word: "admits liban",
    ", reznikov recalled"."""
    ctx = context()
    after = _WORD_AFTER.match(view, end)
    if after is not None and after.group(1) in ctx["speech"] and after.group(1) not in _NOT_SPEECH_CUES:
        return True
    before = _WORD_BEFORE.search(view, max(0, start - 30), start)
    return before is not None and (before.group(1) in ctx["speech-before"] or before.group(1) in ctx["speech"]) and before.group(1) not in _NOT_SPEECH_CUES


_PLACE_BEFORE = re.compile(r"\b(in|from|near|to|into|across|outside|around)\s+$")


def _after_place_word(view: str, start: int) -> bool:
    """Whether a preposition of place stands right before the word: "in kharkiv"."""
    return _PLACE_BEFORE.search(view, max(0, start - 12), start) is not None


#: Words of the speech list that follow a thing as well as a person ("who", "met").
_NOT_SPEECH_CUES = frozenset({"who", "met", "visited", "believes", "thinks"})


def _after_name(view: str, start: int, word: str, pairs: set[tuple[str, str]], strict: bool = False) -> bool:
    """Whether a given name or an honorific stands right before ``start``, or the word
    that stands before it in a name of the document ("Xiu lipeng" beside "Xiu Lipeng")."""
    m = _NAME_BEFORE.search(view, max(0, start - 40), start)
    if m is None:
        return False
    before = m.group(1)
    return _given.is_given_name(before.rstrip("."), strict=strict) or before in context()["honorifics"] or (before, word) in pairs


def _collect(doc: Document, names: NameFacts) -> LowerCaseProperNouns:
    view = doc.view
    lists = _lists()
    lower_words = set(_LOWER.findall(view))
    listed_words = {w for w in lower_words if w in lists.always or w in lists.before_a_date}
    # An ambiguous word counts only in an article that writes it capitalised mid-sentence.
    ambiguous = {w for w in lower_words if w in lists.ambiguous}
    if ambiguous:
        written = {m.group().lower() for m in _CAPITALISED.finditer(view) if m.group().lower() in ambiguous and _mid_sentence(view, m.start())}
        listed_words |= written
    # A British spelling ("centre", "harbour") or a known word with an affix is English.
    unknown = {w for w in unknown_words({w for w in lower_words if len(w) >= 4}) if not acceptable(w)} - listed_words
    # A word a dictionary knows, but no ordinary one, that this document writes in a name:
    # a name the dictionary lists in lower case ("putin", "hamilton") or reads as a word
    # with an affix ("nunes").  Counted only as a person's surname (``check_corpus``).
    name_words = {w.lower() for m in names.mentions for w in m.words if len(w) >= 4}
    known = {w for w in (lower_words & name_words) - unknown - listed_words if not is_common_word(w)}
    unknown |= known
    after_name: set[int] = set()
    beside_speech: set[int] = set()
    after_place: set[int] = set()
    pairs = {(a, b.lower()) for m in names.mentions for a, b in zip(m.words, m.words[1:])}
    listed: list[tuple[str, str, Loc]] = []
    found_unknown: list[tuple[str, Loc]] = []
    lower_counts: Counter[str] = Counter()
    if listed_words or unknown:
        for m in _LOWER.finditer(view):
            word = m.group()
            if word in listed_words and _mid_sentence(view, m.start(), _SENTENCE_START_LOWER):
                if word in lists.before_a_date and not _DATE_AFTER.match(view, m.end()):
                    continue
                if word in lists.ambiguous and not _ambiguous_reading(view, m.start(), m.end(), lists.ambiguous[word]):
                    continue
                kind = lists.always.get(word) or lists.ambiguous.get(word) or "month"
                listed.append((word, kind, Loc.of(doc, m.start(), m.end())))
            elif word in unknown:
                lower_counts[word] += 1
                if _mid_sentence(view, m.start(), _SENTENCE_START_LOWER):
                    found_unknown.append((word, Loc.of(doc, m.start(), m.end())))
                    # A word of the dictionary takes only a given name that is no other
                    # word or an honorific as a cue ("Lewis hamilton"; not "Riverina
                    # irrigators said", "Bacchus Marsh irrigators").
                    if _after_name(view, m.start(), word, pairs, strict=False) if word not in known else _after_name(view, m.start(), word, set(), strict=True):
                        after_name.add(m.start())
                    elif word not in known and _beside_speech(view, m.start(), m.end()):
                        beside_speech.add(m.start())
                    elif word not in known and _after_place_word(view, m.start()):
                        after_place.add(m.start())
    capitalised: Counter[str] = Counter()
    capitalised_first: Counter[str] = Counter()
    cap_words = {w.lower(): w for w in _CAPITALISED.findall(view)}
    proper = unknown_words(set(cap_words))
    if proper:
        for m in _CAPITALISED.finditer(view):
            word = m.group().lower()
            if word in proper:
                if _mid_sentence(view, m.start()):
                    capitalised[word] += 1
                else:
                    capitalised_first[word] += 1
    # A speech verb alone is weak evidence here: "Citrus Growers said" names no person.
    people = Counter(w.lower() for m in names.mentions if m.evidence - _SPEECH_ONLY for w in m.words)
    speakers = Counter(w.lower() for m in names.mentions if m.evidence == _SPEECH_ONLY for w in m.words)
    surnames = Counter(m.words[-1].lower() for m in names.mentions if m.evidence & _TITLED)
    return LowerCaseProperNouns(
        tuple(listed),
        tuple(found_unknown),
        dict(lower_counts),
        dict(capitalised),
        dict(people),
        frozenset(known),
        frozenset(after_name),
        frozenset(beside_speech),
        dict(speakers),
        dict(capitalised_first),
        dict(surnames),
        frozenset(after_place),
    )


@register
class ProperNounInLowerCase(CorpusRule):
    """Finds a proper noun written in lower case: a weekday, month, country, city or
    nationality (``on sunday``, ``the czech government``, ``in prague``), or a name the
    corpus writes capitalised (``met saakashvili`` where other sentences write
    ``Saakashvili``).

    Why: Czech, Russian, Ukrainian, Polish, Spanish and French write weekdays, months and
    nationality adjectives in lower case, and a literal translation keeps it; a machine
    translation may also lower-case a name it did not recognise.

    Example: ``the talks resumed on sunday in prague`` -> ``Sunday``, ``Prague``.

    Lists: ``rules/proper-nouns.yaml`` (words that are also ordinary English words in
    lower case, such as ``china`` or ``polish``, are not listed; ``may``, ``march`` and
    ``august`` count only before a day or a year).  A name of the corpus counts when no
    English dictionary knows the word and the corpus writes it capitalised mid-sentence
    at least twice, and twice as often as in lower case (a word of a person's name, after
    an honorific, a title, a known given name or before "said": once, and as often).  A
    lower-case word is read as a name by its own place too: after a given name, an
    honorific or the word that stands before it in a name of the article (``Alina
    grijseels``, ``Xiu lipeng``: written capitalised once elsewhere, at a sentence start
    too), beside a speech verb (``admits liban``: written capitalised as a person's
    name elsewhere), or after a preposition of place (``in zvolinka``: written
    capitalised mid-sentence once elsewhere).  A name the dictionary lists in lower case (``biden``, ``hamilton``)
    counts only after a title in the article, or right after a given name that is no
    other word.  A word at a sentence start, in a web address, a hashtag or a file name
    is left alone; one right after an opening bracket is not (``(december 11)``).
    """

    code = "N103"
    name = "proper-noun-in-lower-case"

    needs = (NAMES,)

    def collect(self, doc: Document, names: NameFacts) -> LowerCaseProperNouns:
        return _collect(doc, names)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        facts: dict[str, LowerCaseProperNouns] = corpus.of(self.code)
        capitalised: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        people: Counter[str] = Counter()
        speakers: Counter[str] = Counter()
        first: Counter[str] = Counter()
        for f in facts.values():
            capitalised.update(f.capitalised)
            lower.update(f.lower_counts)
            people.update(f.people)
            speakers.update(f.speakers)
            first.update(f.capitalised_first)
        for path in corpus.paths:
            f = facts.get(path)
            if f is None:
                continue
            for word, kind, loc in f.listed:
                proper = word[:1].upper() + word[1:]
                yield self.finding_at(loc, f"'{word}' is a {kind} and is written with a capital: '{proper}'", suggestion=proper)
            for word, loc in f.unknown:
                times = self._times(word, loc, f, capitalised, lower, people, speakers, first)
                if times:
                    proper = word[:1].upper() + word[1:]
                    message = f"'{word}' is written '{proper}' {times} times in the corpus: a proper noun in lower case"
                    yield self.finding_at(loc, message, suggestion=proper)

    @staticmethod
    def _times(word: str, loc: Loc, f: LowerCaseProperNouns, capitalised, lower, people, speakers, first) -> int:
        """How often the corpus writes ``word`` capitalised, by the first reading that
        says it is a proper noun, or 0 when none does.  Each reading is ``(times, needed,
        ratio)``: at least ``needed`` times, and ``ratio`` times as often as in lower case."""
        readings = []
        if word in f.known:
            # A word of the dictionary: after a given name or an honorific, or as a
            # person's surname after a title here, written so twice as often as not.
            if loc.start in f.after_name:
                readings.append((people[word] + speakers[word], 1, 1))
            if f.surnames.get(word):
                readings.append((people[word] + speakers[word], MIN_CAPITALISED, MIN_CAPITALISED))
        else:
            if loc.start in f.after_name:
                # After a given name or an honorific ("Nikolay kryuchkov"), a word written
                # capitalised elsewhere, at a sentence start too ("Kryuchkov also noted").
                readings.append((capitalised[word] + first[word] + people[word] + speakers[word], 1, 1))
            if loc.start in f.beside_speech:
                # Beside a speech verb ("admits liban"): a word written capitalised as a
                # person's name elsewhere (not "the growers said" beside "Citrus Growers").
                readings.append((people[word] + speakers[word], 1, 1))
            if loc.start in f.after_place:
                # After a preposition of place ("in kharkiv"): a word written capitalised
                # mid-sentence elsewhere, once is enough.
                readings.append((capitalised[word], 1, 1))
            if word in people:  # a person's name, at a sentence start too: once is enough
                readings.append((capitalised[word] + people[word], 1, 1))
            readings.append((capitalised[word], MIN_CAPITALISED, MIN_CAPITALISED))
        for times, needed, ratio in readings:
            if times >= needed and times >= ratio * lower[word]:
                return times
        return 0

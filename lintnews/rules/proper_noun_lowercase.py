"""N103 proper-noun-in-lower-case."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from dataclasses import dataclass

from lintnews.analyses.dictionary import unknown_words
from lintnews.analyses.names.mentions import NAMES, NameFacts
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
_DATE_AFTER = re.compile(r"\s+(?:\d{1,2}\b|\d{4}\b)")
#: A word counts as a proper noun of the corpus when it is written capitalised in the
#: middle of a sentence at least this many times, and this many times as often as in
#: lower case.
MIN_CAPITALISED = 2


@dataclass(frozen=True)
class Lists:
    always: dict[str, str]  # lower-case form -> what it is ("weekday", "country", ...)
    before_a_date: frozenset[str]


@functools.lru_cache(maxsize=1)
def _lists() -> Lists:
    data = builtin_yaml("proper-nouns.yaml")
    kinds = {"weekdays": "weekday", "months": "month", "countries": "country", "nationalities": "nationality", "cities": "city"}
    always = {str(w): kind for key, kind in kinds.items() for w in data[key]}
    return Lists(always, frozenset(str(w) for w in data["months-before-a-date"]))


@fact_type
@dataclass(frozen=True)
class LowerCaseProperNouns:
    """What N103 needs of one document."""

    listed: tuple[tuple[str, str, Loc], ...]  # (word, kind, where): listed proper nouns in lower case
    unknown: tuple[tuple[str, Loc], ...]  # lower-case words no English dictionary knows
    lower_counts: dict[str, int]  # those words -> how often this document writes them
    capitalised: dict[str, int]  # capitalised words mid-sentence, not English words -> count
    people: dict[str, int]  # words of names used as people's names here (lower case) -> count


# A quotation closed by a comma goes on with its speaker: ",” geywitz said".
_AFTER_QUOTED_CLAUSE = re.compile(r",\s*[”\"’]\s*$")


def _mid_sentence(view: str, start: int) -> bool:
    begin = max(0, start - 4)
    return _SENTENCE_START.search(view, begin, start) is None or _AFTER_QUOTED_CLAUSE.search(view, begin, start) is not None


def _collect(doc: Document, names: NameFacts) -> LowerCaseProperNouns:
    view = doc.view
    lists = _lists()
    lower_words = set(_LOWER.findall(view))
    listed_words = {w for w in lower_words if w in lists.always or w in lists.before_a_date}
    # A British spelling ("centre", "harbour") or a known word with an affix is English.
    unknown = {w for w in unknown_words({w for w in lower_words if len(w) >= 4}) if not acceptable(w)} - listed_words
    listed: list[tuple[str, str, Loc]] = []
    found_unknown: list[tuple[str, Loc]] = []
    lower_counts: Counter[str] = Counter()
    if listed_words or unknown:
        for m in _LOWER.finditer(view):
            word = m.group()
            if word in listed_words and _mid_sentence(view, m.start()):
                if word in lists.before_a_date and not _DATE_AFTER.match(view, m.end()):
                    continue
                listed.append((word, lists.always.get(word, "month"), Loc.of(doc, m.start(), m.end())))
            elif word in unknown:
                lower_counts[word] += 1
                if _mid_sentence(view, m.start()):
                    found_unknown.append((word, Loc.of(doc, m.start(), m.end())))
    capitalised: Counter[str] = Counter()
    cap_words = {w.lower(): w for w in _CAPITALISED.findall(view)}
    proper = unknown_words(set(cap_words))
    if proper:
        for m in _CAPITALISED.finditer(view):
            if m.group().lower() in proper and _mid_sentence(view, m.start()):
                capitalised[m.group().lower()] += 1
    people = Counter(w.lower() for m in names.mentions if m.evidence for w in m.words)
    return LowerCaseProperNouns(tuple(listed), tuple(found_unknown), dict(lower_counts), dict(capitalised), dict(people))


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
    an honorific, a title, a known given name or before "said": once, and as often).  A word at a sentence
    start, in a web address, a hashtag or a file name is left alone.
    """

    code = "N103"
    name = "proper-noun-in-lower-case"

    needs = (NAMES,)

    def collect(self, doc: Document, names: NameFacts) -> LowerCaseProperNouns:
        return _collect(doc, names)

    # Incremental runs (lintnews.run.index): a document's findings depend on its own
    # words and on three corpus-wide counts of each of its words, so its facts are cut
    # into its own slice and one slice per word it counts, the slices of other documents
    # are never read, and the counts come from the index's totals.
    def slices(self, facts: LowerCaseProperNouns) -> list[tuple[str | None, Any]]:
        own = [(None, (facts.listed, facts.unknown))] if facts.listed or facts.unknown else []
        words = dict.fromkeys([*facts.lower_counts, *facts.capitalised, *facts.people])
        counts = (facts.capitalised, facts.lower_counts, facts.people)
        return own + [(w, [w, *(c.get(w, 0) for c in counts)]) for w in words]

    def join(self, slices: list[Any]) -> LowerCaseProperNouns:
        listed: tuple = ()
        unknown: tuple = ()
        counts: tuple[dict[str, int], ...] = ({}, {}, {})
        for part in slices:
            if type(part) is tuple and len(part) == 2 and type(part[0]) is tuple and type(part[1]) is tuple:
                listed, unknown = part
            elif type(part) is list and len(part) == 4 and type(part[0]) is str and all(type(n) is int for n in part[1:]):
                for count, n in zip(counts, part[1:]):
                    if n:
                        count[part[0]] = n
            else:
                raise ValueError("not a slice of N103's facts")
        capitalised, lower_counts, people = counts
        return LowerCaseProperNouns(listed, unknown, lower_counts, capitalised, people)

    def tally(self, key: str, slice: Any) -> dict[str, int]:
        return {name: n for name, n in zip("clp", slice[1:]) if n}

    def wants_slices(self, key: str, totals: dict[str, int], given: dict[str, int] | None = None) -> bool:
        return False  # the corpus-wide counts are all a word's findings read

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        facts: dict[str, LowerCaseProperNouns] = corpus.of(self.code)
        capitalised: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        people: Counter[str] = Counter()
        for f in facts.values():
            capitalised.update(f.capitalised)
            lower.update(f.lower_counts)
            people.update(f.people)
        # Part of the corpus (a run through the index): its words counted over the whole.
        for word, totals in corpus.tallies.get(self.code, {}).items():
            for name, counter in (("c", capitalised), ("l", lower), ("p", people)):
                if totals.get(name):
                    counter[word] = totals[name]
                else:
                    counter.pop(word, None)
        for path in corpus.paths:
            f = facts.get(path)
            if f is None:
                continue
            for word, kind, loc in f.listed:
                proper = word[:1].upper() + word[1:]
                yield self.finding_at(loc, f"'{word}' is a {kind} and is written with a capital: '{proper}'", suggestion=proper)
            for word, loc in f.unknown:
                if word in people:  # a person's name, at a sentence start too: once is enough
                    times, needed, ratio = capitalised[word] + people[word], 1, 1
                else:
                    times, needed, ratio = capitalised[word], MIN_CAPITALISED, MIN_CAPITALISED
                if times >= needed and times >= ratio * lower[word]:
                    proper = word[:1].upper() + word[1:]
                    message = f"'{word}' is written '{proper}' {times} times in the corpus: a proper noun in lower case"
                    yield self.finding_at(loc, message, suggestion=proper)

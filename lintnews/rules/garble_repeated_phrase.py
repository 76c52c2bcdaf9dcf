"""G107 repeated-phrase: a capitalised word, a phrase or a loop said twice or more in a
row, and "X and X"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.analyses.matching.phrase_repeats import lines_with_repeated_phrase
from lintnews.core.document import Document
from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule, register
from lintnews.rules.garble_repeated_word import emphatic_in_quote

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
#: the longest phrase looked for, in words
MAX_PHRASE = 6
# Names that are one word said twice, and emphatic doublings of plural quantities.
_DOUBLED_NAMES = frozenset(
    "sirhan lang yao bora walla sing duran mahi tora pago baden cous chop knock bye tut pom tsk aye".split()
)
_IDIOMS = frozenset(
    "more less again over on by through round so up out neck time half miles years months weeks days hours "
    "minutes seconds pages rows tons thousands millions hundreds dozens layers ages".split()
)
# Irregular comparatives ("worse and worse", "better and better": the regular ones end in
# -er) and number words ("putting two and two together", "one and one make two").
_COMPARATIVES = frozenset("better worse further farther".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# Short words that a doubled capital shows as a slip ("It It"), not a name ("Han Han").
_SHORT_FUNCTION_WORDS = frozenset("it the a an and he she we in on at to of for is as by".split())
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
_PRONOUNS = frozenset(
    "it you we they he she this that something someone anything nothing everything one "
    "mine yours hers ours theirs".split()
)
_ASCII_LOWER = re.compile(r"[a-z]+")
_COORDINATED = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_AND_OR = re.compile(
    rf"(?<![\w’'\-])(?P<x>{_COORDINATED}) (?P<conjunction>and|or) (?P<y>{_COORDINATED})(?![\w’'\-])"
    r"(?P<after> [\w’'\-]+)?"
)
# Words after "X and X" that make the second X another phrase: "war crimes and crimes
# against humanity", "aged patients and patients with health problems", "parking and
# parking is free".
_MODIFIER_AFTER = frozenset(
    "against with in of for from by under over directly who which whose where is are was were it occurred".split()
)


def _coordination_slip(m: re.Match) -> bool:
    """Whether "word and word" cannot be meant: not an idiom ("more and more", "years
    and years"), a comparative ("faster and faster"), a verb said twice for emphasis
    ("tried and tried", "waiting and waiting"), a pronoun, two names ("P. Diddy or
    Diddy"), or a second word another phrase starts with ("crimes and crimes against
    humanity")."""
    word = m.group("x")
    after = (m.group("after") or " ").strip()
    if word != m.group("y") or len(word) <= 2 or _emphatic(word):
        return False
    if after.lower() in _MODIFIER_AFTER:
        return False
    if m.group("conjunction") != "and" and after[:1].isalpha():
        # "family or family members", "research or research based on...": "or" narrows
        # what was just said when a word goes on from the second one ("decals or decals."
        # at a clause's end is a slip)
        return False
    if word[0].isupper():
        # "Laos and Laos", not a firm ("Smith and Smith Ltd") nor a name's variant ("or")
        return m.group("conjunction") == "and" and word[1:].islower() and not after[:1].isupper()
    return word.islower()


def _emphatic(word: str) -> bool:
    """A word said on both sides of "and" for emphasis or as an idiom: "more and more",
    "years and years", "faster and faster", "worse and worse", "tried and tried", "waiting
    and waiting", "two and two", "yours and yours alone"."""
    lower = word.lower()
    return (
        lower in _IDIOMS
        or lower in _PRONOUNS
        or lower in _COMPARATIVES
        or lower in _NUMBER_WORDS
        or lower.endswith(("er", "ed", "ing"))
    )


def _words(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)]


def _joined_to(line: str, words: list[tuple[int, int, str]]) -> list[int]:
    """For each word i, the last word j such that words i..j follow each other with only
    spaces between them (one pass: asking it per phrase made a long line of short words
    read each gap many times)."""
    joined = list(range(len(words)))
    for k in range(len(words) - 2, -1, -1):
        if line[words[k][1] : words[k + 1][0]] == " ":
            joined[k] = joined[k + 1]
    return joined


def _repeats(line: str) -> Iterator[tuple[int, int, int, int, str]]:
    """(start, end, size, times, phrase) of each phrase said again right after itself."""
    words = _words(line)
    lower = [w.lower() for _, _, w in words]
    joined = _joined_to(line, words)
    i = 0
    while i < len(words):
        found = None
        for size in range(1, MAX_PHRASE + 1):
            if i + 2 * size > len(words) or joined[i] < i + 2 * size - 1:
                break  # too few words left, or a gap other than a space: no longer phrase either
            if lower[i : i + size] != lower[i + size : i + 2 * size]:
                continue
            times = 2
            while joined[i] >= i + (times + 1) * size - 1 and lower[i : i + size] == lower[i + times * size : i + (times + 1) * size]:
                times += 1
            found = (size, times)
            break
        if found is None:
            i += 1
            continue
        size, times = found
        start, end = words[i][0], words[i + times * size - 1][1]
        yield start, end, size, times, line[words[i][0] : words[i + size - 1][1]]
        i += times * size


def _worth_reporting(size: int, times: int, phrase: str) -> bool:
    if phrase.replace(" ", "").isdigit():
        return False
    if phrase.rsplit(" ", 1)[-1].lower() in _CONJUNCTIONS:
        return False  # "again and again and again", "faster and faster and faster"
    first, _, rest = phrase.partition(" ")
    if size == 2 and times == 2 and first.lower() in _CONJUNCTIONS and rest.lower() in _IDIOMS | _COMPARATIVES:
        return False  # "jobs and more and more production": "more and more" after "and"
    if size == 1 and _ASCII_LOWER.fullmatch(phrase):
        return False  # G105's, a loop of it too ("the the the"): reported once, there
    if size == 1 and times == 2:
        # One word twice: lower-case words are G105's; a capitalised one may be a name
        # that is one word said twice ("Lang Lang", "Han Han": short Chinese names).
        word = phrase.lower()
        if not phrase[:1].isupper() or word in _DOUBLED_NAMES:
            return False
        return len(word) > 3 or word in _SHORT_FUNCTION_WORDS
    return True


@register
class RepeatedPhrase(DocumentRule):
    """Finds a phrase said twice or more in a row (``are the key are the key``), a
    capitalised word doubled (``the Supreme Supreme Court``), a repetition loop (``a
    single mechanism a single mechanism a single mechanism ...``, reported once), and a
    word coordinated with itself (``pandemic and pandemic``).

    Why: neural machine translation sometimes repeats what it has just produced, up to
    a loop that fills the rest of the sentence, or copies one word to both sides of an
    "and"; a spinner can double a word it replaced.

    Example: ``the movement could be movement could be stronger`` -> ``the movement
    could be stronger``.

    Lower-case words said twice or more (``the the``, ``the the the``) are G105's.
    Names that are one word twice (``Lang Lang``, short capitalised words that are not
    English), a word doubled for emphasis in quoted speech (``“Never never again”``),
    emphatic coordinations (``more and more``, ``again and again and again``, ``years and
    years``, ``faster and faster``, ``tried and tried``), pronouns (``you and you``), a
    second word that starts another phrase (``war crimes and crimes against humanity``)
    and names around "or" are left alone.  Only the lines where a repeat can be are read
    (:mod:`lintnews.analyses.matching.phrase_repeats`).
    """

    code = "G107"
    name = "repeated-phrase"

    def check(self, doc: Document) -> Iterator[Finding]:
        numbers = lines_with_repeated_phrase(doc.view, MAX_PHRASE)
        spans = doc.spans_of_lines(range(doc.line_count) if numbers is None else numbers)
        for line_start, line_end in spans:
            line = doc.view[line_start:line_end]
            for start, end, size, times, phrase in _repeats(line):
                if not _worth_reporting(size, times, phrase):
                    continue
                if size == 1 and emphatic_in_quote(doc, line_start + start, phrase):
                    continue  # "“No no no,” he said", "“Please please help us”"
                keep_end = start + len(phrase)
                what = f"'{phrase}' is said {times} times in a row" + (" (a repetition loop)" if times > 2 else "")
                fix = Fix(line_start + keep_end, line_start + end, "", safe=False)
                yield self.finding(doc, line_start + start, line_start + end, what, suggestion=phrase, fix=fix)
            for m in _AND_OR.finditer(line):
                if not _coordination_slip(m):
                    continue
                said = line[m.start() : m.end("y")]
                message = f"'{said}' coordinates a word with itself: one of them was meant to be another word"
                yield self.finding(doc, line_start + m.start(), line_start + m.end("y"), message)

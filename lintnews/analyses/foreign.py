"""Words of another language left in an English sentence: the analysis ``FOREIGN_WORDS``.

Machine translation and hurried translators leave three kinds of words untranslated:

- a word in another script ("Также", "уряд", "県") among Latin letters;
- a function word, unit or number word of another language ("však", "jedoch", "21
  procent", "3 тыс.", "300 千");
- a form of address ("pan Aslin", "Herr Schmidt", "Matsumoto-san", "Jiang nüshi").

The words of the second and third kinds are listed in ``rules/foreign-words.yaml``; none
of them is an English word.  A listed word counts only where the words around it are
English (a quotation left in German on purpose is not a leftover), and never in italics
or in quotation marks of its own (a loanword used as one).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lintnews.analyses.dictionary import is_known_word
from lintnews.analyses.matching import Pattern
from lintnews.analyses.names.given import is_given_name
from lintnews.core.analysis import Analysis, analysis
from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document

# Letters of the scripts English news is translated from, other than Latin.
_OTHER_SCRIPTS = (
    "\u0370-\u03ff"  # Greek
    "\u0400-\u052f"  # Cyrillic
    "\u0530-\u058f"  # Armenian
    "\u0590-\u05ff"  # Hebrew
    "\u0600-\u06ff\u0750-\u077f"  # Arabic
    "\u0900-\u0dff"  # Indic scripts
    "\u0e00-\u0e7f"  # Thai
    "\u10a0-\u10ff"  # Georgian
    "\u1100-\u11ff\uac00-\ud7af"  # Hangul
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and CJK ideographs
)
_SCRIPT_RUN = re.compile(rf"[{_OTHER_SCRIPTS}]+(?:[ \-][{_OTHER_SCRIPTS}]+)*\.?")
_GREEK = re.compile("[\u0370-\u03ff]")
# Greek and Cyrillic letters, many of which look like Latin ones ("WНO" with a Cyrillic Н).
_LOOKALIKE = re.compile("[\u0370-\u03ff\u0400-\u052f]+")
# CJK characters that Chinese news uses as separators in headlines ("Xinhua 丨 ...").
_SEPARATORS = frozenset("丨")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
#: A line is English prose when it has at least this many Latin letters ...
MIN_LATIN_LETTERS = 20


@dataclass(frozen=True)
class ForeignWord:
    """A word of another language in an English sentence, with its kind."""

    start: int
    end: int
    kind: str  # "script", "mixed-script", "function-word", "unit", "honorific"
    word: str


@functools.lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = builtin_yaml("foreign-words.yaml")
    words = frozenset(str(w) for ws in data["function-words"].values() for w in ws)
    units = sorted((str(u) for u in data["units"]), key=len, reverse=True)
    # A unit ends a token: its own full stop or the end of a word (CJK units need none).
    unit_alternatives = "|".join(re.escape(u) + ("" if u.endswith(".") else r"(?![^\W\d_])") for u in units)
    unit_re = re.compile(rf"(?<![\w.,])\d[\d.,]*\s?(?P<unit>{unit_alternatives})")
    before = "|".join(re.escape(str(h)) for h in data["honorifics"]["before"])
    after = "|".join(re.escape(str(h)) for h in data["honorifics"]["after"])
    honorific_re = re.compile(
        rf"(?<![\w’'-])(?P<before>{before}) (?P<name>[A-Z][^\W\d_]+)(?![\w’'-])"
        rf"|(?<=[^\W\d_])(?P<after>-(?:{after})|(?<=[a-z]) (?:{after}))(?![\w’'-])"
    )
    # Longest first, then alphabetical: the same source in every process (the translations
    # of lintnews/data/supersets.json are found by it).
    word_re = re.compile(r"(?<![\w’'\-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?![\w’'\-])", re.IGNORECASE)
    return words, word_re, unit_re, honorific_re


def _english_line(line: str) -> bool:
    latin = len(_LATIN_LETTER.findall(line))
    return latin >= MIN_LATIN_LETTERS and latin >= 2 * (sum(1 for ch in line if ch.isalpha()) - latin)


def _english_around(line: str, start: int, end: int) -> bool:
    """Whether most of the three words on each side of ``line[start:end]`` are English."""
    before = _WORD.findall(line[max(0, start - 60) : start])[-3:]
    after = _WORD.findall(line[end : end + 60])[:3]
    near = [w for w in before + after if w[:1].islower()]
    return len(near) >= 2 and sum(1 for w in near if is_known_word(w)) * 3 >= len(near) * 2


def _set_apart(line: str, start: int, end: int) -> bool:
    """A word in italics or in quotation marks of its own: a loanword, used as one."""
    left, right = line[start - 1 : start], line[end : end + 1]
    return (left, right) in {("*", "*"), ("_", "_"), ('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")}


def _at_sentence_start(line: str, start: int) -> bool:
    """Whether ``line[:start]`` ends a sentence: it is empty, or ends in ``.``, ``!`` or
    ``?``, maybe a closing quote or bracket, then white space; an opening quote or bracket
    may follow.  (What ``(?:^|[.!?]["”’)]?\\s+)["“‘(]?$`` says, read backwards from
    ``start``: a search of the regex in ``line[:start]`` would read the line from its
    beginning for every word, quadratic on a long line.)"""
    ends = (start, start - 1) if start > 0 and line[start - 1] in "\"“‘(" else (start,)
    for end in ends:
        if end == 0:
            return True
        i = end
        while i > 0 and line[i - 1].isspace():
            i -= 1
        if i == end:
            continue
        if i > 0 and line[i - 1] in ".!?":
            return True
        if i > 1 and line[i - 1] in "\"”’)" and line[i - 2] in ".!?":
            return True
    return False


def _in_a_name(line: str, start: int, end: int) -> bool:
    """Between two capitalised words: part of a name or a title ("Wissenschaft und Politik")."""
    before = _WORD.findall(line[max(0, start - 40) : start])[-1:]
    after = _WORD.findall(line[end : end + 40])[:1]
    return bool(before and after and before[0][:1].isupper() and after[0][:1].isupper())


def _function_word(line: str, m: re.Match[str], words: frozenset[str]) -> bool:
    word = m.group()
    if _in_a_name(line, m.start(), m.end()):
        return False
    if word not in words:  # capitalised: only as the first word of a sentence, not a name
        lower = word[:1].lower() + word[1:]
        if lower not in words or not word[:1].isupper() or len(word) < 4 or is_given_name(word, strict=True):
            return False
        if not _at_sentence_start(line, m.start()):
            return False
    return _english_around(line, m.start(), m.end()) and not _set_apart(line, m.start(), m.end())


def _in_line(line: str) -> list[tuple[int, int, str, str]]:
    """The foreign words of one line of prose: (start, end, kind, word)."""
    if not _english_line(line):
        return []
    words, word_re, unit_re, honorific_re = _lists()
    found: list[tuple[int, int, str, str]] = []
    for m in _SCRIPT_RUN.finditer(line):
        run = m.group().rstrip(".")
        if not any(ch.isalpha() for ch in run) or run in _SEPARATORS:
            continue  # punctuation of those scripts ("・") or a letter used as a separator
        if len(run) == 1 and _GREEK.match(run):
            continue  # a Greek letter as a symbol: α, β, π
        touching = line[m.start() - 1 : m.start()] + line[m.end() : m.end() + 1]
        glued = any(ch.isascii() and ch.isalpha() or ch == "°" for ch in touching)
        kind = "mixed-script" if glued and _LOOKALIKE.fullmatch(run) else "script"
        found.append((m.start(), m.end(), kind, m.group()))
    for m in unit_re.finditer(line):
        found.append((m.start("unit"), m.end("unit"), "unit", m.group("unit")))
    for m in honorific_re.finditer(line):
        if m.group("before"):
            name = m.group("name")
            if m.group("before").islower() and is_known_word(name):
                continue  # "pan Asian": an English word after an English-looking one
            found.append((m.start("before"), m.end("before"), "honorific", m.group("before")))
        else:
            found.append((m.start("after"), m.end("after"), "honorific", m.group("after").lstrip("- ")))
    for m in word_re.finditer(line):
        if _function_word(line, m, words):
            found.append((m.start(), m.end(), "function-word", m.group()))
    return found


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[Pattern, ...]:
    """The regexes of :func:`_in_line`, declared to the matching layer: its one pass over
    a document says which lines can hold a match of one of them, and only those lines are
    read (most lines of English news hold none; scanning every line with the word regex,
    which is tried at every position, was most of S103's time)."""
    _words, word_re, unit_re, honorific_re = _lists()
    regexes = {"script": _SCRIPT_RUN, "unit": unit_re, "honorific": honorific_re, "word": word_re}
    return tuple(Pattern(f"foreign_{name}", regex, within_lines=True) for name, regex in regexes.items())


def _candidate_lines(doc: Document) -> list[tuple[int, str]]:
    """``(start, line)`` of the lines where :func:`_in_line` can find something."""
    view = doc.view
    offsets = [m.start() for pattern in _patterns() for m in pattern.of(doc)]
    return [(start, view[start:end]) for start, end in doc.line_spans(offsets)]


# Where two kinds meet, the more telling one is reported ("3 тыс.": a unit in Cyrillic).
_PRIORITY = {"unit": 0, "honorific": 1, "function-word": 2, "mixed-script": 3, "script": 3}


def _find(doc: Document) -> tuple[ForeignWord, ...]:
    found: list[ForeignWord] = []
    for line_start, line in _candidate_lines(doc):
        if not line.strip():
            continue
        # In order of start: a word overlaps one taken before it when it starts before the
        # furthest end taken so far.
        taken_to = 0
        for start, end, kind, word in sorted(_in_line(line), key=lambda f: (f[0], _PRIORITY[f[2]], -f[1])):
            if start < taken_to:
                continue
            taken_to = max(taken_to, end)
            found.append(ForeignWord(line_start + start, line_start + end, kind, word))
    return tuple(found)


#: The words of other languages in a document's English sentences.
FOREIGN_WORDS: Analysis[tuple[ForeignWord, ...]] = analysis("foreign_words")(_find)

"""A newsroom's own word lists: accepted and rejected spellings.

Each entry is a term or a regular expression that must match a whole word or name
(case-insensitive unless it starts with ``(?-i)``), one per line in a file, as in Vale's
``accept.txt`` and ``reject.txt``.  Accepted terms are never reported as misspellings
(S101) and win over any other spelling of a name (N101: "Zabihullah Mujahid is our
spelling"); rejected terms are reported wherever they occur (S102).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from lintnews.analyses.matching import PatternError, compile_user
from lintnews.core.options import Invalid, Kind, Option


class VocabularyError(ValueError):
    pass


def _split(entry: str) -> tuple[str, bool]:
    """The entry's pattern and whether case is ignored."""
    return (entry[5:], False) if entry.startswith("(?-i)") else (entry, True)


def _compile(entry: str, whole_words: bool = False):
    source, ignore_case = _split(entry)
    if whole_words:
        source = rf"\b(?:{source})\b"
    try:
        # RE2: a vocabulary entry comes from users and must not be able to hang lintnews.
        return compile_user(source, ignore_case=ignore_case, multiline=False)
    except PatternError as exc:
        raise VocabularyError(f"invalid vocabulary entry {entry!r}: {exc}") from None


@dataclass(frozen=True)
class TermList:
    entries: tuple[str, ...] = ()

    def matches(self, term: str) -> bool:
        """True when the whole ``term`` ("mentionned", "Zabihullah Mujahid") is listed."""
        return any(p.fullmatch(term) for p in self._compiled(False))

    def _compiled(self, whole_words: bool) -> tuple:
        return self._whole_word_patterns if whole_words else self._term_patterns

    @cached_property
    def _term_patterns(self) -> tuple:
        return tuple(_compile(e, False) for e in self.entries)

    @cached_property
    def _whole_word_patterns(self) -> tuple:
        return tuple(_compile(e, True) for e in self.entries)

    def finditer(self, text: str) -> Iterable:
        """Whole-word occurrences of any entry in ``text``, in order of position."""
        matches = [m for p in self._compiled(True) for m in p.finditer(text)]
        return sorted(matches, key=lambda m: (m.start(), -m.end()))


def term_list(entries: Iterable[str]) -> TermList:
    terms = tuple(e.strip() for e in entries if e.strip() and not e.lstrip().startswith("#"))
    for t in terms:
        _compile(t)  # fail early, with the entry named
    return TermList(terms)


# -- the options that hold them: at the top level of the configuration, one list for every
# rule that reads it (S101, N101 and L101 read ``accept``; S102 reads ``reject``) ---------
def _check_terms(value: object) -> TermList:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise Invalid("'{key}' must be a list of strings")
    try:
        return term_list(value)
    except VocabularyError as exc:
        raise Invalid("{name}: " + str(exc)) from None


TERMS = Kind(
    "list of terms or regexes",
    _check_terms,
    join=lambda a, b: TermList(a.entries + b.entries),
    multiple=True,
    type=TermList,
)

ACCEPT = Option(
    "accept",
    TERMS,
    TermList(),
    "Accepted spellings: never misspellings (S101, L101), and the canonical spelling of a name (N101); whole words or regexes.",
    aliases=("vocabulary",),
    shared=True,
)
REJECT = Option(
    "reject",
    TERMS,
    TermList(),
    "Rejected spellings, reported wherever they occur (S102); whole words or regexes.",
    shared=True,
)

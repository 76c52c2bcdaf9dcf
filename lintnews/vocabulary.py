"""A newsroom's own word lists: accepted and rejected spellings.

Each entry is a term or a regular expression that must match a whole word or name
(case-insensitive unless it starts with ``(?-i)``), one per line in a file, as in Vale's
``accept.txt`` and ``reject.txt``.  Accepted terms are never reported as misspellings
(S101) and win over any other spelling of a name (N101: "Zabihullah Mujahid is our
spelling"); rejected terms are reported wherever they occur (S102).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


class VocabularyError(ValueError):
    pass


def _compile(entry: str) -> re.Pattern[str]:
    flags = 0 if entry.startswith("(?-i)") else re.IGNORECASE
    source = entry[5:] if entry.startswith("(?-i)") else entry
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise VocabularyError(f"invalid vocabulary entry {entry!r}: {exc}") from None


@dataclass(frozen=True)
class TermList:
    entries: tuple[str, ...] = ()

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(e) for e in self.entries)

    def matches(self, term: str) -> bool:
        """True when the whole ``term`` ("mentionned", "Zabihullah Mujahid") is listed."""
        return any(p.fullmatch(term) for p in self._compiled())

    def _compiled(self) -> tuple[re.Pattern[str], ...]:
        cached = self.__dict__.get("_cache")
        if cached is None:
            cached = self.patterns
            object.__setattr__(self, "_cache", cached)
        return cached

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """Whole-word occurrences of any entry in ``text``."""
        for pattern in self._compiled():
            yield from re.finditer(rf"(?<!\w)(?:{pattern.pattern})(?!\w)", text, pattern.flags)


def term_list(entries: Iterable[str]) -> TermList:
    terms = tuple(e.strip() for e in entries if e.strip() and not e.lstrip().startswith("#"))
    for t in terms:
        _compile(t)  # fail early, with the entry named
    return TermList(terms)

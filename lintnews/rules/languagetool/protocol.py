"""LanguageTool's HTTP protocol, as far as lintnews uses it (pure: no I/O).

A ``/v2/check`` answer is JSON with a ``matches`` list; each match has ``offset`` and
``length`` (counted in UTF-16 code units, as Java strings are), ``message``,
``replacements`` (``[{"value": ...}]``) and ``rule`` (``id``, ``category.id``).
An astral character (an emoji, a rare CJK ideograph) is one character in Python but two
UTF-16 units in LanguageTool, so every offset after one is shifted; :func:`utf16_to_chars`
undoes that.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

#: Categories reported unless configured otherwise: the ones that catch translation
#: damage.  Style, typography, casing, redundancy and "picky" rules are left out.
#: MISC is where LanguageTool's English files some grammar rules (the a/an rule).
DEFAULT_CATEGORIES = ("GRAMMAR", "TYPOS", "CONFUSED_WORDS", "PUNCTUATION", "COLLOCATIONS", "MISC")

#: Spelling categories and rules: the ones the name filter applies to.
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SPELLING_RULE_PREFIXES = ("MORFOLOGIK_", "HUNSPELL_")

_ASTRAL = "\U00010000"
_SENTENCE_END = re.compile(r"[.!?][”\"’')]*\s+")


class ProtocolError(ValueError):
    """An answer that is not in LanguageTool's format."""


@dataclass(frozen=True)
class Chunk:
    """A piece of a document sent in one request: its character offset and its text."""

    start: int
    text: str


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with character offsets into the chunk's text."""

    start: int
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]

    def is_spelling(self) -> bool:
        return self.category in SPELLING_CATEGORIES or self.rule_id.startswith(SPELLING_RULE_PREFIXES)


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ch >= _ASTRAL)


def utf16_to_chars(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 offset in ``text`` to a character offset.

    Each astral character before the offset takes two UTF-16 units and one character.
    An offset inside a surrogate pair is rounded down to the character.
    """
    astral_units = []  # the UTF-16 offset of each astral character
    shift = 0
    for i, ch in enumerate(text):
        if ch >= _ASTRAL:
            astral_units.append(i + shift)
            shift += 1
    if not astral_units:
        return lambda offset: offset

    def convert(offset: int) -> int:
        # Astral characters that start before `offset` each took one unit too many.
        return offset - bisect.bisect_left(astral_units, offset)

    return convert


def split_chunks(text: str, limit: int) -> list[Chunk]:
    """Cut ``text`` into chunks of at most ``limit`` UTF-16 units, at line breaks.

    Lines (paragraphs, in news text) are kept whole and gathered up to the limit; a line
    longer than the limit is cut after a sentence end, else at a space, else anywhere.
    Chunks that are only white space are dropped.  Concatenating the chunks and the
    dropped white space gives the text back, so chunk offsets are document offsets.
    """
    if limit < 100:
        raise ValueError("a chunk limit under 100 characters cannot hold a sentence")
    pieces: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        for piece in _cut_line(line, limit):
            pieces.append((pos, piece))
            pos += len(piece)
    chunks: list[Chunk] = []
    start, parts, size = 0, [], 0
    for offset, piece in pieces:
        units = utf16_length(piece)
        if parts and size + units > limit:
            chunks.append(Chunk(start, "".join(parts)))
            parts, size = [], 0
        if not parts:
            start = offset
        parts.append(piece)
        size += units
    if parts:
        chunks.append(Chunk(start, "".join(parts)))
    return [c for c in chunks if c.text.strip()]


def _cut_line(line: str, limit: int) -> list[str]:
    out = []
    while utf16_length(line) > limit:
        window = line[: _chars_within(line, limit)]
        cut = 0
        for m in _SENTENCE_END.finditer(window):
            cut = m.end()
        if cut == 0:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = len(window)
        out.append(line[:cut])
        line = line[cut:]
    if line:
        out.append(line)
    return out


def _chars_within(text: str, units: int) -> int:
    """How many leading characters of ``text`` fit in ``units`` UTF-16 units (at least one)."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ch >= _ASTRAL else 1
        if used > units:
            return max(i, 1)
    return len(text)


def parse_matches(payload: object, text: str) -> list[Match]:
    """The matches of a ``/v2/check`` answer for ``text``, with character offsets.

    Raises :class:`ProtocolError` when the answer is not in LanguageTool's format or a
    match lies outside the text.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise ProtocolError("the answer has no 'matches' list")
    to_chars = utf16_to_chars(text)
    total = utf16_length(text)
    matches = []
    for raw in payload["matches"]:
        try:
            offset, length = raw["offset"], raw["length"]
            rule = raw["rule"]
            rule_id, category = rule["id"], rule["category"]["id"]
            message = raw.get("message") or rule.get("description") or rule_id
            replacements = tuple(r["value"] for r in raw.get("replacements", []) if isinstance(r, dict) and "value" in r)
        except (KeyError, TypeError) as exc:
            raise ProtocolError(f"a match lacks a field: {exc}") from None
        if not (isinstance(offset, int) and isinstance(length, int) and isinstance(rule_id, str) and isinstance(category, str)):
            raise ProtocolError("a match has a field of the wrong type")
        if offset < 0 or length < 0 or offset + length > total:
            raise ProtocolError(f"a match at {offset}+{length} lies outside the text ({total} UTF-16 units)")
        start, end = to_chars(offset), to_chars(offset + length)
        matches.append(Match(start, end, rule_id, category, " ".join(str(message).split()), replacements))
    return matches


def minimal_answer(payload: dict) -> dict:
    """The part of an answer lintnews reads, for the cache (no context, no sentence)."""
    keep = []
    for raw in payload["matches"]:
        keep.append(
            {
                "offset": raw["offset"],
                "length": raw["length"],
                "message": raw.get("message", ""),
                "replacements": [{"value": r["value"]} for r in raw.get("replacements", [])[:5] if isinstance(r, dict) and "value" in r],
                "rule": {"id": raw["rule"]["id"], "category": {"id": raw["rule"]["category"]["id"]}},
            }
        )
    return {"matches": keep}

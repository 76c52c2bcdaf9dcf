"""Phrases as regular expressions: literal words, any white space between them, any
form of apostrophe and quotation mark.

A rule's phrase list is its one source; the regex written here is what the rule reads,
and its fast path (the RE2 superset, :mod:`.superset`) is derived from that regex like
any other's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Apostrophes and quotes vary between straight and typographic forms; a phrase written
# with one matches text written with the other.
APOSTROPHES = "'’‘`"
DOUBLE_QUOTES = "\"“”"


def phrase_regex(phrase: str, lookaround: bool = True) -> str:
    """A regex source matching ``phrase`` literally, with flexible spaces and quotes.

    Word boundaries only where the phrase starts or ends with a word character: as
    lookarounds for Python, as ``\\b`` with ``lookaround=False`` (a pattern RE2 accepts,
    for user packs).
    """
    out = []
    for ch in phrase:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in APOSTROPHES:
            out.append(f"[{APOSTROPHES}]")
        elif ch in DOUBLE_QUOTES:
            out.append(f"[{DOUBLE_QUOTES}]")
        else:
            out.append(re.escape(ch))
    head, tail = phrase[:1].isalnum(), phrase[-1:].isalnum()
    if lookaround:
        return (r"(?<!\w)" if head else "") + "".join(out) + (r"(?!\w)" if tail else "")
    return (r"\b" if head else "") + "".join(out) + (r"\b" if tail else "")


_SPACES = re.compile(r"\s+")
_PLAIN = str.maketrans({ch: "a" for ch in " " + APOSTROPHES + DOUBLE_QUOTES})


def phrase_regex_length(phrase: str, lookaround: bool = True) -> int:
    """``len(phrase_regex(phrase, lookaround))``, counted without writing the regex (a rule
    orders its alternatives by it; a list of 100,000 phrases is ordered in a blink)."""
    collapsed = _SPACES.sub(" ", phrase)
    n = len(re.escape(collapsed.translate(_PLAIN)))
    n += 2 * collapsed.count(" ")  # \s+ for a run of white space
    n += (len(APOSTROPHES) + 1) * sum(map(collapsed.count, APOSTROPHES))
    n += (len(DOUBLE_QUOTES) + 1) * sum(map(collapsed.count, DOUBLE_QUOTES))
    head, tail = phrase[:1].isalnum(), phrase[-1:].isalnum()
    return n + (head * (7 if lookaround else 2)) + (tail * (6 if lookaround else 2))


def first_char_guard(phrases: Iterable[str]) -> str:
    """A lookahead for the characters a match of the phrases' regexes can start with.

    Python's ``re`` scans quickly for a set of first characters when a pattern starts with
    one; a pattern starting with a lookbehind is instead tried at every position.  Putting
    ``(?=[...])`` first changes no match (every match starts with one of those characters,
    the apostrophe and quote classes of :func:`phrase_regex` included) and makes the scan
    several times faster.  Empty when a phrase starts with a space (no guard).
    """
    chars: set[str] = set()
    for phrase in phrases:
        first = phrase[:1]
        if not first or first.isspace():
            return ""
        if first in APOSTROPHES:
            chars.update(APOSTROPHES)
        elif first in DOUBLE_QUOTES:
            chars.update(DOUBLE_QUOTES)
        else:
            chars.add(first)
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"

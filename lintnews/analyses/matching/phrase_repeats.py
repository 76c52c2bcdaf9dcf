"""Lines where a phrase can be said twice in a row: a necessary condition found with
C-level string and list operations instead of a Python loop over the words.

G107 reads each line word by word (``[^\\W_]+(?:[’'\\-][^\\W_]+)*``, compared lower-case)
for a phrase of up to ``max_size`` words followed, after single spaces, by itself, and
for "X and X".  :func:`lines_with_repeated_phrase` finds the lines where such a thing
*can* be: the view is lower-cased, every character no word can hold becomes a space, a
joiner (``’ ' -``) not between two word characters is dropped, so that every word the
rule reads is one whitespace-separated token; a phrase of k words said twice is then k
tokens followed by the same k tokens, which one regex finds over a string of one
character per token.  The rule then reads only those lines.  A document holding a
character this cannot classify (a non-ASCII mark that is no letter, no digit and no
punctuation, or a Greek capital sigma, whose lower case depends on its neighbours)
gets None: every line.  ``tests/test_rules_repetition.py`` checks that the rule finds
the same things with and without it.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

_JOINERS = ("’".encode(), b"'", b"-")
_LINE = b"\x00"
# Over the UTF-8 bytes of the lower-cased view: ASCII letters and digits stay, the
# joiners stay, a line break becomes a byte of its own, every other ASCII byte a space;
# bytes of non-ASCII characters stay (the non-ASCII characters that are no letter or
# digit are made spaces before).
_BYTES = bytes(
    b if (chr(b).isalnum() or chr(b) in "'-" or b >= 128) else (0 if b == 10 else 32) for b in range(256)
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_JOINER_PAIRS = [j + k for j in _JOINERS for k in _JOINERS]
_JOINER_BYTES = b"".join(_JOINERS)


def _separators(view: str) -> list[str] | None:
    """The view's non-ASCII characters that no word holds, or None if one cannot be told."""
    found = []
    for char in set(_NON_ASCII.findall(view)):
        if char.isalnum() or char == "’":
            continue
        if char == "Σ" or unicodedata.category(char)[0] not in "PSZC":
            return None  # a combining mark, or a capital whose lower case depends on its neighbours
        found.append(char)
    return found


def _tokens(view: str) -> list[bytes] | None:
    separators = _separators(view)
    if separators is None:
        return None
    text = view.lower()
    for char in separators:
        text = text.replace(char, " ")
    data = text.encode("utf-8", "surrogatepass").translate(_BYTES).replace(_LINE, b" \x00 ")
    for pair in _JOINER_PAIRS:  # "a--b" is two words: split it
        if pair in data:
            data = data.replace(pair, b"  ")
    # A word's token may carry joiners at its edges ("'the", "key-"): strip them.  Strip
    # removes bytes, not characters, and may take the last byte of a word ending in
    # U+0100 or U+0119, but it does so to every copy of the word alike: equal words
    # still give equal tokens, which is all the search needs.
    return list(map(bytes.strip, data.split(), itertools.repeat(_JOINER_BYTES)))


@functools.lru_cache(maxsize=None)
def _repeat_regex(max_size: int) -> re.Pattern[str]:
    # Over one character per token: up to max_size tokens followed by themselves, or a
    # token on both sides of "and" or "or" (\x01, \x02); "." never crosses a line (\n).
    return re.compile(rf"(.{{1,{max_size}}})\1|(.)[\x01\x02]\2")


def lines_with_repeated_phrase(view: str, max_size: int) -> list[int] | None:
    """The numbers (from 0) of the lines of ``view`` where a phrase of up to ``max_size``
    words may follow itself, or a word may stand on both sides of "and" or "or" (None:
    every line).

    Each distinct token becomes one character (a line break ``\n``, "and" and "or"
    characters of their own), and one regex with a backreference finds the repeats in
    that string, in C: a line holds a repeat if and only if its string does, so the
    non-overlapping matches flag every such line.
    """
    tokens = _tokens(view)
    if tokens is None:
        return None
    ids = dict(zip(dict.fromkeys(tokens), map(chr, itertools.count(0x100))))
    ids.update({_LINE: "\n", b"and": "\x01", b"or": "\x02"})
    coded = "".join(map(ids.__getitem__, tokens))
    # Line numbers counted on from the previous match (counting from the start for each
    # match made a long line with many repeats quadratic: 'Nov. On ' repeated).
    found, line, counted_to = [], 0, 0
    for m in _repeat_regex(max_size).finditer(coded):
        line += coded.count("\n", counted_to, m.start())
        counted_to = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found

"""An RE2 pattern that matches wherever a Python regex does: its *superset*.

Rules are written with Python's ``re`` (lookbehinds, Unicode ``\\w``), and Python's
``re`` tries a pattern at every position of the text unless it starts with a literal.
RE2 runs one automaton over the text whatever the pattern, and many patterns in one
pass (:mod:`.scan`), but it lacks lookaround and backreferences and its ``\\w``, ``\\s``
and ``\\b`` are ASCII-only, so it cannot run a rule's regex.  It can run a wider one:
:func:`re2_superset` translates a Python regex into an RE2 pattern that matches at every
place where the Python regex matches, with the same start (and, with ``within_lines``,
never across a line break).  Where it does not match, the Python regex cannot either;
elsewhere the Python regex decides, so the findings are those of the Python regex alone.

The translation reads the regex as CPython parses it, with the ``re`` module's private
parser (``re._parser``, ``sre_parse`` before Python 3.11).  This module is the only
reader of it: a rule declares one regex, and its superset must follow that regex
exactly, which only the parse tree can give.  If a future Python changes the tree, a
construct not recognised here makes :func:`re2_superset` return None and the rule's regex
runs alone (slower, same findings); a test checks the translation on every regex the
built-in rules declare.  A phrase list needs no parser: :mod:`.phrases` writes the
superset of a phrase directly.

The translation, construct by construct:

- a character or class becomes the set of code points it may match, *widened* where RE2
  cannot say exactly what Python means: ``\\w`` and ``\\d`` take every non-ASCII
  character, a case-insensitive non-ASCII letter becomes any character.  Inside a
  negated class the members are *narrowed* instead (``[^\\w]`` leaves out only the ASCII
  word characters), so the complement is still wide enough.  ``\\s`` is exact.
- a lookaround, a word boundary and an anchor RE2 reads differently are zero-width and
  left out (that only widens the match); ``^``, ``$`` (multi-line), ``\\A`` and ``\\Z``
  are kept, and so is ``\\b`` next to a character that is always an ASCII letter, digit
  or ``_`` (RE2's ``\\b`` knows ASCII only, and there it asks for no more than Python's).
  A lookaround at either end of the pattern reads what it looks at where that keeps the
  place a match starts (:meth:`_Translation.top`).
- a backreference becomes its group's pattern again (the text it repeats matched it).
- with ``within_lines`` (the regex never matches across a line break) no class keeps the
  line break, so that the superset's matches stay on one line too.
- a case-insensitive ASCII letter matches both cases, another letter every letter that
  Python's ``re`` folds alike (``casefold.same_fold``).  Python also folds four non-ASCII
  letters to ASCII ones (:data:`CASE_EXOTIC`); a case-insensitive superset is not
  used on a text that holds one.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import zlib
from pathlib import Path

try:  # the regex parser is private; its module was renamed in Python 3.11
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre  # type: ignore[no-redef]

MAX_CODE_POINT = 0x10FFFF

#: Characters Python's ``re`` counts as ``\s`` (str.isspace; a test checks the list).
PY_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: The only non-ASCII characters that Python's ``re`` matches to ASCII letters under
#: IGNORECASE (İ and ı to i, ſ to s, the Kelvin sign to k; a test checks the list).  RE2
#: folds the first two differently, and all four break the ASCII reasoning behind a
#: case-insensitive superset, so such a superset is not used on a text containing one.
CASE_EXOTIC = ("\u0130", "\u0131", "\u017f", "\u212a")

# A set of code points: sorted, disjoint (low, high) ranges, both ends included.
Ranges = list[tuple[int, int]]


def _normal(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def _complement(ranges: Ranges) -> Ranges:
    out, at = [], 0
    for low, high in _normal(ranges):
        if low > at:
            out.append((at, low - 1))
        at = high + 1
    if at <= MAX_CODE_POINT:
        out.append((at, MAX_CODE_POINT))
    return out


def _chars(text: str) -> Ranges:
    return _normal([(ord(c), ord(c)) for c in text])


_ALL: Ranges = [(0, MAX_CODE_POINT)]
_NON_ASCII: Ranges = [(0x80, MAX_CODE_POINT)]
_ASCII_WORD = _chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
_ASCII_DIGIT = _chars("0123456789")
_SPACE = _chars(PY_SPACES)
_ASCII_ALL: Ranges = [(0, 0x7F)]


def _ascii_minus(ranges: Ranges) -> Ranges:
    """The ASCII characters not in ``ranges``."""
    return [(low, min(high, 0x7F)) for low, high in _complement(ranges) if low <= 0x7F]


# Python's classes as code point sets: (wide, narrow).  ``wide`` holds every character
# the class matches (for a class); ``narrow`` only characters it surely matches (for a
# negated class, whose complement must be wide).
_CATEGORIES = {
    _sre.CATEGORY_SPACE: (_SPACE, _SPACE),
    _sre.CATEGORY_NOT_SPACE: (_complement(_SPACE), _complement(_SPACE)),
    _sre.CATEGORY_WORD: (_ASCII_WORD + _NON_ASCII, _ASCII_WORD),
    _sre.CATEGORY_NOT_WORD: (_ascii_minus(_ASCII_WORD) + _NON_ASCII, _ascii_minus(_ASCII_WORD)),
    _sre.CATEGORY_DIGIT: (_ASCII_DIGIT + _NON_ASCII, _ASCII_DIGIT),
    _sre.CATEGORY_NOT_DIGIT: (_ascii_minus(_ASCII_DIGIT) + _NON_ASCII, _ascii_minus(_ASCII_DIGIT)),
}


class Untranslatable(Exception):
    """A construct without an RE2 counterpart: the regex gets no superset."""


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


def _char_set(ch: str, ignore_case: bool, wide: bool) -> Ranges:
    """The code points a literal character matches (wide), or surely matches (narrow)."""
    if ignore_case and _cased(ch):
        if ch.isascii():
            return _chars(ch.lower() + ch.upper())
        from lintnews.analyses.matching.casefold import same_fold

        return _chars(same_fold(ch))  # exactly the letters Python folds alike ("ž", "Ž")
    return _chars(ch)


def _range_set(low: int, high: int, ignore_case: bool, wide: bool) -> Ranges:
    if not ignore_case:
        return [(low, high)]
    if high > 0x7F:
        return _ALL if wide else [(low, high)]
    letters = "".join(chr(c) for c in range(low, high + 1))
    return _normal([(low, high)] + _chars(letters.lower() + letters.upper()))


def _class_set(items, ignore_case: bool, wide: bool = True) -> Ranges:
    """The code points a class (``[...]``, ``\\w``...) may match (``wide``), or surely
    matches (not ``wide``)."""
    negated = bool(items) and items[0][0] is _sre.NEGATE
    members_wide = wide != negated  # the complement of a narrowed set is wide, and back
    found: Ranges = []
    for op, av in items[1:] if negated else items:
        if op is _sre.LITERAL:
            found += _char_set(chr(av), ignore_case, members_wide)
        elif op is _sre.RANGE:
            found += _range_set(av[0], av[1], ignore_case, members_wide)
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            found += _CATEGORIES[av][0 if members_wide else 1]
        elif members_wide:  # a member not known here: any character, widening
            found = _ALL
            break
        # narrowing: a member not known here adds nothing for sure
    return _complement(found) if negated else _normal(found)


#: A class that holds more non-ASCII characters than this is widened to all of them: a
#: class with holes among the 1.1 million code points makes a large automaton in RE2
#: (which reads UTF-8 bytes), and the holes (a typographic apostrophe, a dash) rarely
#: decide whether a superset matches.
WIDEN_NON_ASCII = 0x1000


def _widened(ranges: Ranges) -> Ranges:
    non_ascii = sum(min(high, MAX_CODE_POINT) - max(low, 0x80) + 1 for low, high in ranges if high >= 0x80)
    if non_ascii <= WIDEN_NON_ASCII:
        return ranges
    return _normal([(low, min(high, 0x7F)) for low, high in ranges if low <= 0x7F] + _NON_ASCII)


def _class_re2(ranges: Ranges) -> str:
    """A code point set as an RE2 class."""
    ranges = _widened(_normal(ranges))
    if ranges == _ALL:
        return "(?s:.)"
    if not ranges:
        return "[^\\x{0}-\\x{10ffff}]"  # matches nothing

    def char(code: int) -> str:
        ch = chr(code)
        return ch if ch.isascii() and ch.isalnum() else "\\x{%x}" % code

    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return char(ranges[0][0])
    return "[" + "".join(char(lo) if lo == hi else f"{char(lo)}-{char(hi)}" for lo, hi in ranges) + "]"


_NEWLINE = _chars("\n")


def _without_newline(ranges: Ranges) -> Ranges:
    return [(lo, hi) for low, high in _normal(ranges) for lo, hi in ((low, min(high, 9)), (max(low, 11), high)) if lo <= hi]


def _within(inner: Ranges, outer: Ranges) -> bool:
    """Whether every code point of ``inner`` is in ``outer``."""
    return not _overlaps(inner, _complement(outer))


def _overlaps(a: Ranges, b: Ranges) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in _normal(a) for lo2, hi2 in _normal(b))


def _is_lookahead(item) -> bool:
    op, av = item
    if op is _sre.BRANCH:
        return all(len(branch) == 1 and _is_lookahead(branch[0]) for branch in av[1])
    return op in (_sre.ASSERT, _sre.ASSERT_NOT) and av[0] == 1


def _first_chars(items, translation: _Translation, last: bool = False) -> Ranges | None:
    """The characters a match of ``items`` can start with (``last``: end with); None:
    cannot tell, or the match can be empty."""
    for op, av in reversed(items) if last else items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width: the next item starts the match
        chars = translation.char_set(op, av, wide=True)
        if chars is not None:
            return chars
        if op is _sre.SUBPATTERN and not (av[1] or av[2]):
            return _first_chars(av[3], translation, last)
        if op is _sre.BRANCH:
            found = [_first_chars(branch, translation, last) for branch in av[1]]
            return None if any(f is None for f in found) else _normal([r for f in found for r in f])  # type: ignore[union-attr]
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            return _first_chars(av[2], translation, last)
        return None
    return None


def _ascii_word_side(before, after, translation: _Translation) -> bool:
    """Whether the character before a place, or the one after it, is always an ASCII word
    character: then Python's ``\\b`` there implies RE2's (the other side is no word
    character for Python, so none for RE2's ASCII ``\\b`` either)."""
    for chars in (_first_chars(before, translation, last=True), _first_chars(after, translation)):
        if chars is not None and _within(chars, _ASCII_WORD):
            return True
    return False


class _Translation:
    def __init__(self, flags: int, within_lines: bool) -> None:
        self.ignore_case = bool(flags & re.IGNORECASE)
        self.dotall = bool(flags & re.DOTALL)
        self.multiline = bool(flags & re.MULTILINE)
        self.within_lines = within_lines
        self.groups: dict[int, list] = {}

    def chars(self, ranges: Ranges) -> str:
        return _class_re2(_without_newline(ranges) if self.within_lines else ranges)

    def char_set(self, op, av, wide: bool) -> Ranges | None:
        """The code points one character item matches (wide) or surely matches (narrow);
        None for an item that is not one character."""
        if op is _sre.LITERAL:
            return _char_set(chr(av), self.ignore_case, wide)
        if op is _sre.NOT_LITERAL:
            return _complement(_char_set(chr(av), self.ignore_case, not wide))
        if op is _sre.ANY:
            return _ALL if self.dotall else _complement(_NEWLINE)
        if op is _sre.IN:
            return _class_set(av, self.ignore_case, wide)
        return None

    # -- the pattern as a whole: a lookaround at either end becomes a character read -------
    def top(self, items) -> str:
        """The regex, where a lookahead that ends it is read as the characters it looks
        at (the match starts at the same place, and the superset is longer) and, with
        ``within_lines``, a lookbehind that starts it too (the superset starts earlier,
        on the same line: what :meth:`.scan.Candidates.lines` needs)."""
        items = list(items)
        # A lookahead that opens the pattern (a guard on its first character) reads nothing.
        while items and items[0][0] in (_sre.ASSERT, _sre.ASSERT_NOT) and items[0][1][0] == 1:
            items = items[1:]
        if len(items) == 1 and items[0][0] is _sre.BRANCH:
            return "(?:" + "|".join(self.top(branch) for branch in items[0][1][1]) + ")"
        if len(items) == 1 and items[0][0] is _sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
            group, _, _, sub = items[0][1]
            if group is not None:
                self.groups[group] = sub
            return self.top(sub)
        head = tail = ""
        if items:
            head = self.behind(items[0]) if self.within_lines else self.boundary(items[0], items[1:])
            if head:
                items = items[1:]
        # Of the lookaheads that end the pattern (all at one place), one is read.
        end = len(items)
        while end and _is_lookahead(items[end - 1]):
            end -= 1
        for item in items[end:]:
            tail = self.ahead(item)
            if tail:
                break
        return head + self.items(items[:end]) + tail

    def boundary(self, item, rest) -> str:
        """A lookbehind as RE2's ``\\b`` ("" when it cannot be one): before a pattern that
        starts with an ASCII word character, a lookbehind that rules out every ASCII word
        character before it (``(?<![\\w.])``) asks for what ``\\b`` asks for, or more."""
        op, av = item
        if op not in (_sre.ASSERT, _sre.ASSERT_NOT) or av[0] != -1 or len(av[1]) != 1:
            return ""
        first = _first_chars(list(rest), self)
        if first is None or not _within(first, _ASCII_WORD):
            return ""
        if op is _sre.ASSERT_NOT:
            ruled_out = self.char_set(*av[1][0], wide=False)
            return "\\b" if ruled_out is not None and _within(_ASCII_WORD, ruled_out) else ""
        allowed = self.char_set(*av[1][0], wide=True)
        return "\\b" if allowed is not None and not _overlaps(allowed, _ASCII_WORD) else ""

    def behind(self, item) -> str:
        """A lookbehind as what it reads before the match ("" when it cannot be read)."""
        op, av = item
        if op is _sre.BRANCH:
            branches = [self.behind(branch[0]) if len(branch) == 1 else "" for branch in av[1]]
            return "(?:" + "|".join(branches) + ")" if all(branches) else ""
        if op not in (_sre.ASSERT, _sre.ASSERT_NOT) or av[0] != -1:
            return ""
        sub = list(av[1])
        if op is _sre.ASSERT:
            try:
                body = self.items(sub)
                whole = _Translation(self.flags(), False).items(sub)
            except Untranslatable:
                return ""
            # Looking at the line break before a line: the match starts a line.
            return f"(?:{body}|(?m:^))" if whole != body else body
        # (?<!c): a character other than c before the match, or the start of a line
        chars = self.char_set(*sub[0], wide=False) if len(sub) == 1 else None
        return "" if chars is None else f"(?:{self.chars(_complement(chars))}|(?m:^))"

    def ahead(self, item) -> str:
        """A lookahead as what it reads after the match ("" when it cannot be read)."""
        op, av = item
        if op is _sre.BRANCH:
            branches = [self.ahead(branch[0]) if len(branch) == 1 else "" for branch in av[1]]
            return "(?:" + "|".join(branches) + ")" if all(branches) else ""
        if op not in (_sre.ASSERT, _sre.ASSERT_NOT) or av[0] != 1:
            return ""
        sub = list(av[1])
        end = "(?m:$)" if self.within_lines else "\\z"
        if op is _sre.ASSERT:
            try:
                body = self.items(sub)
                whole = _Translation(self.flags(), False).items(sub)
            except Untranslatable:
                return ""
            return f"(?:{body}|(?m:$))" if whole != body else body
        chars = self.char_set(*sub[0], wide=False) if len(sub) == 1 else None
        return "" if chars is None else f"(?:{self.chars(_complement(chars))}|{end})"

    def flags(self) -> int:
        return (re.IGNORECASE if self.ignore_case else 0) | (re.DOTALL if self.dotall else 0) | (
            re.MULTILINE if self.multiline else 0
        )

    # -- anywhere else ----------------------------------------------------------------------
    def items(self, items, anchors: bool = True) -> str:
        out = []
        items = list(items)
        for index, (op, av) in enumerate(items):
            chars = self.char_set(op, av, wide=True)
            if chars is not None:
                out.append(self.chars(chars))
            elif op is _sre.BRANCH:
                out.append("(?:" + "|".join(self.items(branch, anchors) for branch in av[1]) + ")")
            elif op is _sre.SUBPATTERN:
                group, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    raise Untranslatable("scoped flags")
                if group is not None:
                    self.groups[group] = sub
                out.append("(?:" + self.items(sub, anchors) + ")")
            elif op is getattr(_sre, "ATOMIC_GROUP", None):
                out.append("(?:" + self.items(av, anchors) + ")")  # giving back less matches less
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
                low, high, sub = av
                if low > 1000 or (high != _sre.MAXREPEAT and high > 1000):
                    raise Untranslatable("repeat over 1000")
                body = "(?:" + self.items(sub, anchors) + ")"
                out.append(body + ("{%d,}" % low if high == _sre.MAXREPEAT else "{%d,%d}" % (low, high)))
            elif op is _sre.GROUPREF:
                if av not in self.groups:
                    raise Untranslatable("a reference to a group not closed yet")
                # The repeated text matched the group's pattern; out of its place, only
                # the anchors might not hold.
                out.append("(?:" + self.items(self.groups[av], anchors=False) + ")")
            elif op is _sre.AT:
                if av is _sre.AT_BOUNDARY and _ascii_word_side(items[:index], items[index + 1 :], self):
                    out.append("\\b")
                elif anchors:
                    out.append(self.anchor(av))
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
                pass  # zero-width: leaving a lookaround out only widens the match
            else:
                raise Untranslatable(str(op))
        return "".join(out)

    def anchor(self, at) -> str:
        """An anchor that means the same in RE2; the others are left out (zero-width)."""
        if at is _sre.AT_BEGINNING and self.multiline or at is _sre.AT_BEGINNING_LINE:
            return "(?m:^)"
        if at is _sre.AT_BEGINNING_STRING or at is _sre.AT_BEGINNING:
            return "\\A"
        if at is _sre.AT_END and self.multiline:
            return "(?m:$)"
        if at is _sre.AT_END_STRING:
            return "\\z"
        return ""


#: The supersets and single characters of the built-in rules' regexes, translated before
#: (``training/build_supersets.py``): translating them at start-up was about a tenth of a
#: one-file run.  Used only under the Python (major.minor: its regex parser and Unicode
#: tables) and the translation code (this module and ``phrase_set.py``, by checksum) they
#: were made with; any other regex is translated as it comes.
TABLE = Path(__file__).resolve().parent.parent.parent / "data" / "supersets.json"
#: The translations asked for in this process, by key (``training/build_supersets.py``
#: writes the table from them).
asked: set[tuple] = set()


def translator_checksum() -> int:
    """The CRC-32 of the code a translation depends on (0 when it cannot be read)."""
    crc = 0
    for name in ("superset.py", "phrase_set.py"):
        try:
            crc = zlib.crc32((Path(__file__).resolve().parent / name).read_bytes(), crc)
        except OSError:
            return 0
    return crc


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple, str | None]:
    try:
        with open(TABLE, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != 1 or data.get("python") != "%d.%d" % sys.version_info[:2]:
            return {}
        if data.get("translator") != translator_checksum():
            return {}  # the translation changed since: translate anew
        return {tuple(key): value for key, value in data["entries"]}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


def translate(key: tuple) -> str | None:
    """The translation of a key of the table, made now."""
    if key[0] == "superset":
        return _re2_superset(*key[1:])
    return _single_characters(*key[1:])


def _known(key: tuple) -> tuple[bool, str | None]:
    asked.add(key)
    table = _table()
    return (True, table[key]) if key in table else (False, None)


def re2_superset(source: str, flags: int = 0, within_lines: bool = False) -> str | None:
    """An RE2 pattern that matches wherever the Python regex ``source`` does (same start).

    None when the regex uses something without an RE2 counterpart (scoped flags, a
    conditional group) or is not valid: such a regex gets no superset.  With
    ``within_lines`` the caller knows that no match of the regex crosses a line break,
    and no match of the superset does either.
    """
    key = ("superset", source, flags, within_lines)
    known, value = _known(key)
    if known:
        return value
    return _re2_superset(source, flags, within_lines)


def _re2_superset(source: str, flags: int, within_lines: bool) -> str | None:
    try:
        parsed = _sre.parse(source, flags)
    except Exception:  # an invalid regex is reported when it is compiled
        return None
    translation = _Translation(parsed.state.flags, within_lines)
    try:
        return translation.top(parsed.data)
    except Untranslatable:
        return None


def single_characters(source: str, flags: int = 0) -> str | None:
    """The characters of a regex that is one character of a few (``[“”]``), case-sensitive;
    None for any other regex.  Its matches are the places of those characters, which
    ``str.find`` finds faster than Python's ``re`` or RE2 (a literal scan)."""
    key = ("characters", source, flags)
    known, value = _known(key)
    if known:
        return value
    return _single_characters(source, flags)


def _single_characters(source: str, flags: int) -> str | None:
    try:
        parsed = _sre.parse(source, flags)
    except Exception:
        return None
    if parsed.state.flags & re.IGNORECASE or len(parsed.data) != 1:
        return None
    op, av = parsed.data[0]
    if op is _sre.LITERAL:
        return chr(av)
    if op is _sre.IN and av and all(member_op is _sre.LITERAL for member_op, _ in av):
        return "".join(chr(code) for _, code in av)
    return None

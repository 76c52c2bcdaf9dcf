"""Compiling regular expressions that come from users: they must not be able to hang lintnews.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes exponential time on a
line of a's.  Patterns from user rule packs and vocabularies are therefore compiled
with RE2 (google-re2), which matches in time linear in the text and refuses the
constructs that need backtracking (lookaround, backreferences).  The built-in rule data
is reviewed and tested here, and keeps Python's ``re`` with its lookbehinds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
import functools
import os
import re
import threading

from lintnews.core.analysis import Analysis


class PatternError(ValueError):
    """A user pattern that cannot be compiled; the message says why."""


@functools.lru_cache(maxsize=1)
def _re2():
    import re2  # google-re2

    return re2


#: A user pattern longer than this is refused before RE2 sees it.
MAX_PATTERN_CHARS = 20_000


@contextlib.contextmanager
def _quiet_stderr():
    """RE2 (through absl) logs some parse problems to file descriptor 2 itself, bypassing
    Python; silence it while compiling so a bad pattern gives one line of error, not
    thousands."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def compile_user(source: str, ignore_case: bool = False, multiline: bool = True):
    """Compile a user pattern with RE2; the result has ``finditer``, ``search``, ``fullmatch``."""
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"pattern of {len(source)} characters, over the limit of {MAX_PATTERN_CHARS}")
    re2 = _re2()
    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr itself
    options.case_sensitive = not ignore_case
    options.max_mem = 64 << 20  # a bound on the automaton, so a huge pattern is refused
    prefix = "(?m)" if multiline else ""
    try:
        with _quiet_stderr():
            return re2.compile(prefix + source, options=options)
    except Exception as exc:  # re2 raises its own error type
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "(?<" in source or "(?=" in source or "(?!" in source or re.search(r"\\[1-9]", source):
            hint = " (lookaround and backreferences are not available: user patterns are matched with RE2 so that none can hang lintnews)"
        raise PatternError(f"{reason}{hint}") from None


def phrase_pattern(body: str, head_word: bool, tail_word: bool, lookaround: bool) -> str:
    """Word boundaries around a phrase regex: lookarounds for Python, ``\\b`` for RE2."""
    if lookaround:
        return (r"(?<!\w)" if head_word else "") + body + (r"(?!\w)" if tail_word else "")
    return (r"\b" if head_word else "") + body + (r"\b" if tail_word else "")


# -- prefilters: a fast RE2 scan that every match of a built-in regex passes ------------
#
# Python's ``re`` tries a pattern at every position of the text unless the pattern starts
# with a literal or a set of plain characters; the built-in rules' patterns start with
# lookbehinds, word boundaries or case-insensitive letters, so each scan of a 5 KB article
# costs tens of microseconds, and a rule with many phrases costs that many times.  RE2 runs
# one automaton over the UTF-8 bytes whatever the number of alternatives.  It lacks
# lookaround and its ``\w``, ``\s`` and ``\b`` are ASCII-only, so it cannot replace the
# Python regex; instead each built-in regex is translated into an RE2 pattern matching a
# *superset*: wherever the Python regex matches, the RE2 pattern matches at the same
# start.  A document the RE2 pattern does not match is skipped; elsewhere the Python regex
# decides, so the findings are exactly those of the Python regex alone.

try:  # the regex parser is private; its module was renamed in Python 3.11
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre  # type: ignore[no-redef]

# Characters Python's ``re`` counts as ``\s`` (str.isspace; a test checks the list).
_PY_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_WORD = "0-9A-Za-z_"
#: The only non-ASCII characters that Python's ``re`` matches to ASCII letters under
#: IGNORECASE (İ and ı to i, ſ to s, the Kelvin sign to k; a test checks the list).  RE2
#: folds the first two differently, and all four break the ASCII reasoning behind ``\b``
#: in a prefilter, so a case-insensitive prefilter is not used on a text containing one.
CASE_EXOTIC_FOR_RE2 = ("\u0130", "\u0131", "\u017f", "\u212a")


def _re2_char(ch: str) -> str:
    """One character as an RE2 literal (inside or outside a class)."""
    if ch.isascii() and ch.isalnum():
        return ch
    return "\\x{%x}" % ord(ch)


def _class(chars: str) -> str:
    return "[" + "".join(_re2_char(c) for c in chars) + "]"


SPACE_CLASS = _class(_PY_SPACES)
_ANY = "(?s:.)"
# Python's Unicode classes as RE2 class members: ``\s`` exactly, ``\w`` and ``\d``
# exact on ASCII with every non-ASCII character allowed (a superset).  A negated class
# or category is widened to any character.
_CLASS_CONTENT = {
    _sre.CATEGORY_SPACE: SPACE_CLASS[1:-1],
    _sre.CATEGORY_WORD: f"{_ASCII_WORD}\\x{{80}}-\\x{{10ffff}}",
    _sre.CATEGORY_DIGIT: "0-9\\x{80}-\\x{10ffff}",
}


class _Untranslatable(Exception):
    pass


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


def _translate(items, ignore_case: bool, dotall: bool, multiline: bool) -> str:
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            ch = chr(av)
            out.append(_ANY if ignore_case and not ch.isascii() and _cased(ch) else _re2_char(ch))
        elif op is _sre.NOT_LITERAL:
            ch = chr(av)
            out.append(_ANY if ignore_case and _cased(ch) else "[^" + _re2_char(ch) + "]")
        elif op is _sre.ANY:
            out.append(_ANY if dotall else ".")
        elif op is _sre.IN:
            out.append(_translate_class(av, ignore_case))
        elif op is _sre.BRANCH:
            out.append("(?:" + "|".join(_translate(b, ignore_case, dotall, multiline) for b in av[1]) + ")")
        elif op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Untranslatable("scoped flags")
            out.append("(?:" + _translate(sub, ignore_case, dotall, multiline) + ")")
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            if low > 1000 or (high != _sre.MAXREPEAT and high > 1000):
                raise _Untranslatable("repeat over 1000")
            body = "(?:" + _translate(sub, ignore_case, dotall, multiline) + ")"
            out.append(body + ("{%d,}" % low if high == _sre.MAXREPEAT else "{%d,%d}" % (low, high)))
        elif op is _sre.AT:
            # Anchors that mean the same in RE2 are kept (they make W101 selective); the
            # others are zero-width, and leaving them out only widens the match.
            if av is _sre.AT_BEGINNING and multiline or av is _sre.AT_BEGINNING_LINE:
                out.append("(?m:^)")
            elif av is _sre.AT_BEGINNING_STRING or av is _sre.AT_BEGINNING:
                out.append("\\A")
            elif av is _sre.AT_END and multiline:
                out.append("(?m:$)")
            elif av is _sre.AT_END_STRING:
                out.append("\\z")
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            pass  # zero-width: leaving a lookaround out only widens the match
        else:
            raise _Untranslatable(str(op))
    return "".join(out)


def _translate_class(items, ignore_case: bool) -> str:
    parts = []
    for op, av in items:
        if op is _sre.NEGATE:
            return _ANY  # a negated class: any character is a superset
        if op is _sre.LITERAL:
            ch = chr(av)
            if ignore_case and not ch.isascii() and _cased(ch):
                return _ANY
            parts.append(_re2_char(ch))
        elif op is _sre.RANGE:
            lo, hi = av
            if ignore_case and (hi > 0x7F):
                return _ANY
            parts.append(_re2_char(chr(lo)) + "-" + _re2_char(chr(hi)))
        elif op is _sre.CATEGORY and av in _CLASS_CONTENT:
            parts.append(_CLASS_CONTENT[av])
        else:
            return _ANY
    return "[" + "".join(parts) + "]" if parts else "[^\\x{0}-\\x{10ffff}]"


def re2_superset(source: str, flags: int = 0) -> str | None:
    """An RE2 pattern that matches wherever the Python regex ``source`` does (same start).

    None when the regex uses something without an RE2 counterpart (backreferences,
    scoped flags): such a regex gets no prefilter.
    """
    try:
        parsed = _sre.parse(source, flags)
    except Exception:  # an invalid regex is reported when it is compiled
        return None
    flags = parsed.state.flags
    try:
        body = _translate(
            parsed.data, bool(flags & re.IGNORECASE), bool(flags & re.DOTALL), bool(flags & re.MULTILINE)
        )
    except _Untranslatable:
        return None
    return ("(?i)" if flags & re.IGNORECASE else "") + body


def scoped(re2_source: str) -> str:
    """An RE2 superset as a group, keeping its case-insensitivity to itself."""
    if re2_source.startswith("(?i)"):
        return "(?i:" + re2_source[4:] + ")"
    return "(?:" + re2_source + ")"


def utf8_view(doc) -> bytes | None:
    """The document's view as UTF-8 bytes, what RE2 scans (cached on the document).

    None for a text that has no UTF-8 form (a lone surrogate, from the API): RE2 cannot
    read it as Python does, so no prefilter is used on it.
    """
    return UTF8_VIEW.of(doc)


def _encode_view(doc) -> bytes | None:
    try:
        return doc.view.encode("utf-8")
    except UnicodeEncodeError:
        return None


UTF8_VIEW: Analysis[bytes | None] = Analysis("utf8_view", _encode_view)


class _PrefilterSet:
    """Every prefilter's pattern, run over a document in one RE2 pass (an RE2::Set).

    Most documents match none of a rule's phrases; one pass that says which prefilters
    match at all costs about what one prefilter's scan does, instead of one per rule.
    Patterns are kept once each (a rule pack loaded twice adds nothing).
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.compiled = None
        self.lock = threading.Lock()

    def add(self, source: str) -> int:
        with self.lock:
            if source not in self.index:
                self.index[source] = len(self.index)
                self.compiled = None
            return self.index[source]

    def _compile(self):
        with self.lock:
            if self.compiled is None:
                re2 = _re2()
                options = re2.Options()
                options.log_errors = False
                options.max_mem = 256 << 20
                compiled = re2.Set.SearchSet(options)
                with _quiet_stderr():
                    for source in sorted(self.index, key=self.index.__getitem__):
                        compiled.Add(source)
                    compiled.Compile()
                self.compiled = (len(self.index), compiled)
            return self.compiled

    def matching(self, doc, data: bytes) -> frozenset[int]:
        """The indexes of the patterns that match somewhere in ``data`` (cached per doc)."""
        compiled = self.compiled or self._compile()
        # Kept with the document's analyses under this set, with the number of patterns
        # it had: a rule pack loaded later makes it match again.
        cached = doc.analyses.get(self)
        if cached is None or cached[0] != compiled[0]:
            cached = doc.analyses[self] = (compiled[0], frozenset(compiled[1].Match(data) or ()))
        return cached[1]


_SHARED = _PrefilterSet()


def has_case_exotic(doc) -> bool:
    """Whether the view holds a character of :data:`CASE_EXOTIC_FOR_RE2` (cached)."""
    return CASE_EXOTIC.of(doc)


CASE_EXOTIC: Analysis[bool] = Analysis("case_exotic", lambda doc: any(ch in doc.view for ch in CASE_EXOTIC_FOR_RE2))


class Prefilter:
    """A cheap RE2 test that a document may match a built-in regex: False means it cannot.

    ``starts(doc)`` gives every character offset where a match can start.
    """

    def __init__(self, re2_source: str, ignore_case: bool) -> None:
        re2 = _re2()
        options = re2.Options()
        options.log_errors = False
        options.max_mem = 64 << 20
        with _quiet_stderr():
            self.regex = re2.compile(re2_source, options=options)
        self.source = re2_source
        self.ignore_case = ignore_case
        self.shared_index = _SHARED.add(re2_source)

    # A rule sent to a worker process (spawned, or a Dask worker) arrives with its
    # prefilter; the index of its pattern in the shared pass is this process's, so the
    # prefilter is built again there, registering its pattern in that process's pass.
    def __getstate__(self) -> dict:
        return {"source": self.source, "ignore_case": self.ignore_case}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["source"], state["ignore_case"])

    @classmethod
    def for_regex(cls, source: str, flags: int = 0) -> Prefilter | None:
        """The prefilter of a Python regex, or None when it cannot be translated."""
        return cls.for_re2(re2_superset(source, flags), bool(flags & re.IGNORECASE))

    @classmethod
    def for_re2(cls, re2_source: str | None, ignore_case: bool) -> Prefilter | None:
        """The prefilter of an RE2 superset (None when there is none or RE2 refuses it)."""
        if re2_source is None:
            return None
        try:
            return cls(re2_source, ignore_case)
        except Exception:  # RE2 refused the pattern (too large, say): no prefilter
            return None

    def usable(self, doc) -> bool:
        """False for a case-insensitive prefilter on a text with a character of
        :data:`CASE_EXOTIC_FOR_RE2`: then the Python regex scans everything."""
        return not self.ignore_case or not has_case_exotic(doc)

    def starts(self, doc) -> Iterator[int] | None:
        """Every character offset where a match can start, in order; None: cannot tell
        (the text has a character RE2 folds differently), so every offset is possible."""
        data = utf8_view(doc)
        if data is None or not self.usable(doc):
            return None
        if self.shared_index not in _SHARED.matching(doc, data):
            return iter(())
        return self._starts(doc, data)

    def _starts(self, doc, data: bytes) -> Iterator[int]:
        ascii_only = len(data) == len(doc.view)
        search = self.regex.search
        byte_at, char_at = 0, 0
        m = search(data)
        while m is not None:
            start = m.start()
            if ascii_only:
                yield start
            elif data[start] & 0xC0 != 0x80:  # a character's first byte, not a continuation
                char_at += len(data[byte_at:start].decode("utf-8"))
                byte_at = start
                yield char_at
            m = search(data, start + 1)


def matches_at(regex, text: str, starts: Iterable[int] | None) -> Iterator:
    """``regex.finditer(text)``, trying the regex only at ``starts`` (None: everywhere).

    ``starts`` must be increasing and hold every offset where ``regex`` can match (as a
    :class:`Prefilter` gives them).  The scan takes the leftmost match, then the leftmost
    one from where it ended, as ``finditer`` does; a match depends only on where it
    starts, since lookbehinds and anchors see the whole text.  After an empty match
    ``finditer`` may take a longer one at the same place, so from there it scans itself.
    """
    if starts is None:
        yield from regex.finditer(text)
        return
    match = regex.match
    taken_to = 0
    for start in starts:
        if start < taken_to:
            continue
        m = match(text, start)
        if m is None:
            continue
        if m.end() == start:
            yield from regex.finditer(text, start)
            return
        yield m
        taken_to = m.end()

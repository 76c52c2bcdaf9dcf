"""Compiling regular expressions that come from users: they must not be able to hang lintnews.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes exponential time on a
line of a's.  Patterns from user rule packs and vocabularies are therefore compiled
with RE2 (google-re2), which matches in time linear in the text and refuses the
constructs that need backtracking (lookaround, backreferences).  The built-in rule data
is reviewed and tested here, and keeps Python's ``re`` with its lookbehinds.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re


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

"""Compiling regular expressions that come from users: they must not be able to hang lintnews.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes exponential time on a
line of a's.  Patterns from user rule packs and vocabularies are therefore compiled
with RE2 (google-re2), which matches in time linear in the text and refuses the
constructs that need backtracking (lookaround, backreferences).  The built-in rule data
is reviewed and tested, and keeps Python's ``re`` with its lookbehinds.
"""

from __future__ import annotations

import re

from lintnews.analyses.matching.scan import quiet_stderr, re2_module


class PatternError(ValueError):
    """A user pattern that cannot be compiled; the message says why."""


#: A user pattern longer than this is refused before RE2 sees it.
MAX_PATTERN_CHARS = 20_000


def compile_user(source: str, ignore_case: bool = False, multiline: bool = True):
    """Compile a user pattern with RE2; the result has ``finditer``, ``search``, ``fullmatch``."""
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"pattern of {len(source)} characters, over the limit of {MAX_PATTERN_CHARS}")
    re2 = re2_module()
    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr itself
    options.case_sensitive = not ignore_case
    options.max_mem = 64 << 20  # a bound on the automaton, so a huge pattern is refused
    prefix = "(?m)" if multiline else ""
    try:
        with quiet_stderr():
            return re2.compile(prefix + source, options=options)
    except Exception as exc:  # re2 raises its own error type
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "(?<" in source or "(?=" in source or "(?!" in source or re.search(r"\\[1-9]", source):
            hint = " (lookaround and backreferences are not available: user patterns are matched with RE2 so that none can hang lintnews)"
        raise PatternError(f"{reason}{hint}") from None

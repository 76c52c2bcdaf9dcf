"""Compiling regular expressions that come from users: they must not be able to hang lintnews.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes exponential time on a
line of a's.  Patterns from user rule packs and vocabularies are therefore compiled
with RE2 (google-re2), which matches in time linear in the text and refuses the
constructs that need backtracking (lookaround, backreferences).  The built-in rule data
is reviewed and tested, and keeps Python's ``re`` with its lookbehinds.

Linear is not cheap enough by itself: when RE2's DFA cannot serve a search (to find the
groups of a match, or when its states blow up), it simulates the program's instructions
over every byte, so the work grows as *program size x text length*.  ``(.*a){1000}``
compiles to 11,004 instructions and took 5 s on one line of 50,000 characters (issue 21,
item 17).  A user pattern is therefore refused when its RE2 program is over
:data:`MAX_PROGRAM_SIZE` instructions: the work per byte of text is bounded by the limit.
RE2 compiles alternations of words into a trie, so a list of a hundred words is a few
dozen instructions; what the limit refuses is large counted repetition
(``[a-z]{300}``, ``(.*a){50}``).  Phrase lists do not go through here at all
(:mod:`.phrase_set`).
"""

from __future__ import annotations

import re

from lintnews.analyses.matching.scan import quiet_stderr, re2_module


class PatternError(ValueError):
    """A user pattern that cannot be compiled; the message says why."""


#: A user pattern longer than this is refused before RE2 sees it.
MAX_PATTERN_CHARS = 20_000

#: A user pattern whose RE2 program (:func:`program_size`) has more instructions than
#: this is refused: RE2's slowest path (its NFA, used for a match's groups) does work in
#: proportion to it for each byte of text (``benchmarks/user_patterns.py`` measures a
#: pattern at the limit on hostile text).  A list of 300 words between ``\b`` is 71.
MAX_PROGRAM_SIZE = 250


def compile_user(source: str, ignore_case: bool = False, multiline: bool = True, max_program: int | None = MAX_PROGRAM_SIZE):
    """Compile a user pattern with RE2; the result has ``finditer``, ``search``, ``fullmatch``.

    ``max_program``: the largest RE2 program accepted (None: no limit, for an alternation
    of patterns each compiled with the limit before)."""
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
            compiled = re2.compile(prefix + source, options=options)
    except Exception as exc:  # re2 raises its own error type
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "(?<" in source or "(?=" in source or "(?!" in source or re.search(r"\\[1-9]", source):
            hint = " (lookaround and backreferences are not available: user patterns are matched with RE2 so that none can hang lintnews)"
        raise PatternError(f"{reason}{hint}") from None
    size = program_size(prefix + source, ignore_case)
    if max_program is not None and size is not None and size > max_program:
        raise PatternError(
            f"pattern too complex: {size:,} RE2 instructions, over the limit of {max_program:,} "
            "(the time to match grows with program size times text length; write large counted repetitions "
            "such as {1000} as something shorter)"
        )
    return compiled


def program_size(source: str, ignore_case: bool = False) -> int | None:
    """The size of a pattern's RE2 program as the structure of the pattern makes it: the
    pattern compiled for Latin-1 text, where a character class is one instruction (in
    UTF-8, ``\\pL`` alone is 1,200 byte-range instructions, which cost little: a thread
    follows one path through them).  None: RE2 cannot compile it so (the UTF-8 program
    is then within RE2's own memory bound)."""
    re2 = re2_module()
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    options.encoding = re2.Options.Encoding.LATIN1
    try:
        with quiet_stderr():
            compiled = re2.compile(source.encode("utf-8", "surrogatepass"), options=options)
    except Exception:
        return None
    raw = getattr(compiled, "_regexp", None)
    return raw.ProgramSize() if raw is not None and hasattr(raw, "ProgramSize") else None

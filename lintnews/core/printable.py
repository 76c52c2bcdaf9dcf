"""Text that must stay on one line of output: file names and messages.

A file name may hold a newline, a carriage return or any other character that ends a
line for some reader (``str.splitlines`` splits at eleven of them) or steers a terminal
(ESC).  Printed as they are, ``a\\nb.txt:1:1: ...`` would forge a line of output.  They
are written as escapes instead (``\\n``, ``\\r``, ``\\x1b``, ``\\u2028``); every other
character, tabs and non-ASCII letters included, is written as it is.
"""

from __future__ import annotations

import re

# C0 controls but the tab, DEL, C1 controls (NEL among them), and the line and paragraph
# separators.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    named = _NAMED.get(char)
    if named is not None:
        return named
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def one_line(text: str) -> str:
    """``text`` with every character that could end a line or steer a terminal escaped."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text

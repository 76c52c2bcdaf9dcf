"""Blank out the parts of a Markdown file that are not prose.

The result has the same length and the same newlines as the input, so every offset the
rules find in it is an offset in the original file.  Blanked out: YAML/TOML front
matter, fenced code blocks, inline code, HTML comments, link and image targets,
reference definitions and autolinks.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A code span stays inside its line: a stray backtick (an apostrophe typed as `) must not
# blank the prose up to the next one.
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def prose_view(text: str, keep_comments: bool = False) -> str:
    """Return ``text`` with its non-prose Markdown parts replaced by spaces.

    ``keep_comments`` keeps HTML comments (where suppression markers live) while code is
    still blanked, so a marker quoted in code is not taken for a directive.
    """
    chars = list(text)
    m = _FRONT_MATTER.match(text)
    if m:
        _blank(chars, 0, m.end())
    # Fenced code: line by line, since fences nest only by length and character.
    offset = 0
    fence: str | None = None
    fence_start = 0
    for line in text.split("\n"):
        if fence is None:
            fm = _FENCE_OPEN.match(line)
            if fm:
                fence, fence_start = fm.group(2), offset
        else:
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                _blank(chars, fence_start, offset + len(line))
                fence = None
        offset += len(line) + 1
    if fence is not None:  # an unclosed fence runs to the end of the file
        _blank(chars, fence_start, len(text))
    masked = "".join(chars)
    patterns = (_INLINE_CODE,) if keep_comments else (_HTML_COMMENT, _INLINE_CODE, _LINK_TARGET, _REFERENCE_DEF, _AUTOLINK)
    for pattern in patterns:
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    return masked

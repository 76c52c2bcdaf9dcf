"""Positions: lintnews's lines and character columns as the editor counts them.

lintnews counts 1-based lines and columns in characters (code points) of the text with
its line endings normalised and its byte-order mark removed.  The Language Server
Protocol counts 0-based lines (a line ends at ``\\n``, ``\\r\\n`` or ``\\r``, as lintnews's
normalisation has it) and columns in the *units* client and server agreed on at
initialisation: UTF-16 code units unless the client offered another encoding (an emoji
or any character outside the Basic Multilingual Plane is two UTF-16 units, four UTF-8
bytes and one UTF-32 unit).  The editor's text may still begin with the byte-order
mark, which is then the first character of its first line.

Nothing here imports the LSP library: positions are ``(line, character)`` pairs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def unit_counter(encoding: str) -> Callable[[str], int]:
    """How many units of ``encoding`` a string takes."""
    if encoding == UTF32:
        return len
    if encoding == UTF8:
        return lambda s: len(s.encode("utf-8", "surrogatepass"))
    return lambda s: len(s.encode("utf-16-le", "surrogatepass")) // 2


class ColumnMap:
    """Converts lintnews's ``(line, column)`` in one text to the editor's ``(line, units)``.

    Only the lines with characters outside ASCII are kept (in every encoding an ASCII
    character is one unit), so a map of a closed file costs little memory: it converts
    the places of related information in files the editor has not opened.
    """

    __slots__ = ("bom", "wide_lines")

    def __init__(self, text: str) -> None:
        self.bom = text.startswith("\ufeff")
        if self.bom:
            text = text[1:]
        self.wide_lines: dict[int, str] = {}
        if not text.isascii():
            for number, line in enumerate(_LINE_BREAK.split(text)):
                if not line.isascii():
                    self.wide_lines[number] = line

    def position(self, line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
        """The editor's 0-based ``(line, character)`` of lintnews's 1-based line and column
        (``column`` may be one past the last character: an exclusive end)."""
        row = max(line - 1, 0)
        characters = max(column - 1, 0)
        wide = self.wide_lines.get(row)
        units = characters if wide is None else unit_counter(encoding)(wide[:characters]) + max(characters - len(wide), 0)
        if row == 0 and self.bom:
            units += 1  # U+FEFF is one unit in UTF-16 and UTF-32, three bytes in UTF-8
            if encoding == UTF8:
                units += 2
        return row, units


class TextIndex:
    """Offsets of a text as the editor holds it (line endings and BOM as they are)."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.units = unit_counter(encoding)
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The ``(line, character)`` of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        row = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[row]
        piece = self.text[start:offset]
        return row, len(piece) if piece.isascii() else self.units(piece)

    def offset(self, line: int, character: int) -> int:
        """The character offset of an editor position (clamped to the line's end)."""
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[max(line, 0)]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        body = self.text[start:end].rstrip("\r\n")
        if body.isascii():
            return start + min(character, len(body))
        counted = 0
        for i, char in enumerate(body):
            if counted >= character:
                return start + i
            counted += self.units(char)
        return start + len(body)

    def line_end(self, line: int) -> int:
        """The offset just past the last character of ``line`` (before its line break)."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        return start + len(self.text[start:end].rstrip("\r\n"))

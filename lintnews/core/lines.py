"""Character offsets <-> 1-based lines and columns: the one line index of the package.

Documents, located facts (:class:`lintnews.core.corpus.Loc`), the LanguageTool rule and
the HTML report all place spans with it, so a span has the same line and column
wherever it is shown.  Columns count characters (code points); a span's end column is
exclusive (the column just past its last character), as in findings and SARIF.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate

from lintnews.core.finding import Position


class LineIndex:
    """Where each line of one text starts; answers offset -> (line, column) and back."""

    __slots__ = ("starts", "length")

    def __init__(self, starts: Sequence[int], length: int) -> None:
        #: the offset of each line's first character (the first is 0)
        self.starts = starts
        #: the text's length in characters
        self.length = length

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """The index of ``text`` (lines end at ``\\n``)."""
        # Line i starts after the i lines before it and their newlines; summed in C.
        starts = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        starts.pop()  # where a line after the last would start
        return cls(starts, len(text))

    def __reduce__(self) -> tuple[type[LineIndex], tuple[Sequence[int], int]]:
        return (LineIndex, (self.starts, self.length))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineIndex) and (self.length, list(self.starts)) == (other.length, list(other.starts))

    def __hash__(self) -> int:
        return hash((self.length, tuple(self.starts)))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> Position:
        """The 1-based line and column of a character offset."""
        starts = self.starts
        line = bisect.bisect_right(starts, offset) - 1
        return Position(line + 1, offset - starts[line] + 1)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``(line, column, end_line, end_column)`` of ``[start, end)``.

        The end is placed after the span's last character (at least one character:
        an empty span covers the character at ``start``), so a span that ends with a
        line's last character ends on that line, not at the start of the next one.
        """
        starts = self.starts
        last_char = max(end, start + 1) - 1
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, last_char) - 1
        return first + 1, start - starts[first] + 1, last + 1, last_char - starts[last] + 2

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column), clamped into the text."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return self.length
        return max(0, min(self.length, self.starts[line - 1] + column - 1))

    def line_end(self, line: int) -> int:
        """The offset of the newline that ends a 1-based line (or the text's end)."""
        return self.starts[line] - 1 if line < len(self.starts) else self.length

"""Documents: the text of one file plus what every rule needs to point into it.

A :class:`Document` holds the decoded text with line endings normalised to ``\\n``
(so a CRLF file and an LF file get the same columns), and a *view* of it in which
everything the rules must not read (Markdown front matter, fenced code, HTML comments,
link targets) is blanked out with spaces.  The view has exactly the same length and the
same line breaks as the text, so an offset found in the view is an offset in the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from lintnews.core.analysis import Analysis
from lintnews.core.finding import Position
from lintnews.core.lines import LineIndex
from lintnews.core.markdown import prose_view
from lintnews.core.markers import blank_markers

# Opening and closing quotation marks, straight and typographic.  Straight double
# quotes alternate; typographic ones say which side they are on.
_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»"
_QUOTE_OR_BREAK = re.compile("[" + _QUOTE_OPEN + _QUOTE_CLOSE + '"\n]')


def _shape_table() -> bytes:
    """The byte table of :attr:`Document.shape`."""

    def shape(byte: int) -> str:
        char = chr(byte)
        if "a" <= char <= "z" or char == " ":
            return char
        if "A" <= char <= "Z":
            return "A"
        if "0" <= char <= "9" or char in "_'":
            return "0"
        return "\t"

    return "".join(shape(b) for b in range(256)).encode("ascii")


_SHAPE_TABLE = _shape_table()


def shape_of(text: str) -> bytes:
    """``text`` as :attr:`Document.shape` gives a document's view."""
    return text.encode("utf-8", "surrogatepass").translate(_SHAPE_TABLE)


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets ``[start, end)`` in a document's text."""

    start: int
    end: int


@dataclass
class Document:
    """One input file, decoded, with an offset -> (line, column) index.

    ``text`` is what the file says (newlines normalised); ``view`` is what the rules read.
    ``newline`` and ``bom`` remember how the file was written, for writers that must
    preserve it.
    """

    path: str
    text: str
    view: str = ""
    newline: str = "\n"
    bom: bool = False
    kind: str = "text"
    #: offsets <-> lines and columns of ``text`` (and of ``view``: same lines)
    index: LineIndex = field(init=False, repr=False, compare=False)
    #: the values of the analyses computed for this document so far (see
    #: :mod:`lintnews.core.analysis`), keyed by the analysis
    analyses: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.view:
            self.view = self.text
        if len(self.view) != len(self.text):  # pragma: no cover - programming error
            raise ValueError("a document's view must keep the text's length")
        self.index = LineIndex.of(self.text)

    # -- positions -------------------------------------------------------------------
    def position(self, offset: int) -> Position:
        """The 1-based line and column (in characters) of a character offset."""
        return self.index.position(offset)

    @property
    def line_count(self) -> int:
        return self.index.line_count

    def line_spans(self, offsets) -> list[tuple[int, int]]:
        """``(start, end)`` of each line holding one of the offsets, in order, each once.

        ``end`` is the offset of the line's newline (or the text's end).  A rule whose
        matches never cross a line break can scan only these lines with
        ``pattern.finditer(view, start, end)``: a lookbehind still sees the newline before
        ``start``, and a lookaround at ``end`` sees nothing, as it would see the newline.
        """
        index = self.index
        return self.spans_of_lines({index.line_of(offset) - 1 for offset in offsets})

    def spans_of_lines(self, numbers) -> list[tuple[int, int]]:
        """:meth:`line_spans` of lines given by number (from 0)."""
        index = self.index
        return [(index.starts[i], index.line_end(i + 1)) for i in sorted(set(numbers))]

    def lines(self):
        """``(start_offset, line_of_view)`` for every line of the view, in order (an iterator)."""
        return zip(self.index.starts, self.view.split("\n"))

    @cached_property
    def word_count(self) -> int:
        return len(self.view.split())

    # -- prefilters -------------------------------------------------------------------
    # Most rules find nothing in most documents.  These give a rule a cheap test that
    # every match of its regular expression passes, so that the expression (which may
    # try every position of the text) runs only where it can match.

    @cached_property
    def shape(self) -> bytes:
        """The view as bytes that keep only the letters' case and the spaces.

        The view is encoded as UTF-8; ASCII lower-case letters and the space stay, ASCII
        upper-case letters become ``A``, digits, ``_`` and ``'`` become ``0``, and every
        other byte (punctuation, line breaks, every byte of a non-ASCII character)
        becomes a tab.  With one byte for every capital, a pattern over the shape can
        start with a literal (a scan that jumps from one capital to the next) where the
        view would need a class.  Byte offsets are not the view's offsets: the shape
        answers whether a document *can* contain something, not where.  One C-level pass.
        """
        return shape_of(self.view)

    @cached_property
    def lowercase_runs(self) -> list[str]:
        """The tokens of :attr:`shape`, in order.

        A run of ASCII lower-case letters that stands between spaces and punctuation is
        one token (the same string as in the view); a run glued to an upper-case letter,
        digit, ``_`` or ``'`` is part of a token with an ``A`` or a ``0`` in it
        (``Washington`` is ``Aashington``, ``don't`` is ``don0t``).  A non-ASCII letter
        separates runs, so a token may be a piece of a word (``ller`` of ``Müller``):
        every lower-case word a rule reads is a token, not every token is a word.
        """
        return self.shape.decode("ascii").split()

    # -- quotations ------------------------------------------------------------------
    @cached_property
    def quote_spans(self) -> list[Span]:
        """Spans of quoted speech, paragraph by paragraph.

        A quotation opened and not closed before the end of its paragraph runs to that
        end (news style leaves a quote open when the next paragraph continues it).
        """
        # One scan over the quote marks and line breaks only (a paragraph is a line).
        spans: list[Span] = []
        open_at = -1
        straight_open = False
        for m in _QUOTE_OR_BREAK.finditer(self.view):
            ch = m.group()
            i = m.start()
            if ch == "\n":
                if open_at >= 0:
                    spans.append(Span(open_at, i))
                open_at, straight_open = -1, False
            elif ch in _QUOTE_OPEN and open_at < 0:
                open_at = i
            elif ch in _QUOTE_CLOSE and open_at >= 0 and not straight_open:
                spans.append(Span(open_at, i + 1))
                open_at = -1
            elif ch == '"':
                if open_at < 0:
                    open_at, straight_open = i, True
                elif straight_open:
                    spans.append(Span(open_at, i + 1))
                    open_at, straight_open = -1, False
        if open_at >= 0:
            spans.append(Span(open_at, len(self.view)))
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s.start for s in self.quote_spans]

    def in_quote(self, offset: int) -> bool:
        """True when the character at ``offset`` lies inside quoted speech."""
        spans = self.quote_spans
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and spans[i].start <= offset < spans[i].end


#: The lines of a document asked about by :func:`in_quote` so far: line start -> a
#: document of that line alone, or None for a line without a quotation mark.
QUOTED_LINES: Analysis[dict[int, "Document | None"]] = Analysis("quoted_lines", lambda doc: {})

# Every character that opens or closes a quotation for Document.quote_spans.
_QUOTE_MARK = re.compile("[“«„”»\"]")


def in_quote(doc: Document, offset: int) -> bool:
    """``doc.in_quote(offset)``, without finding the quotations of the whole document.

    Quotations are found paragraph by paragraph, a paragraph being a line (see
    Document.quote_spans), so whether an offset is quoted depends on its line alone: the
    answer is that of a document made of that line.  A rule that asks about a few places
    of an article then reads a few lines instead of the whole text (a test checks that
    both answers agree).
    """
    view = doc.view
    # The line index, not a search back for a newline: that costs the line's length per
    # call, quadratic on one long line asked about at every word.
    line = doc.index.line_of(offset)
    line_start = doc.index.starts[line - 1]
    lines = QUOTED_LINES.of(doc)
    line_doc = lines.get(line_start, False)
    if line_doc is False:
        line = view[line_start : doc.index.line_end(line)]
        line_doc = lines[line_start] = Document(doc.path, line) if _QUOTE_MARK.search(line) else None
    return line_doc is not None and line_doc.in_quote(offset - line_start)


_NEWLINES = re.compile(r"\r\n?")


def normalise_newlines(raw: str) -> tuple[str, str]:
    """Return the text with ``\\n`` line endings and the style the file used."""
    if "\r" not in raw:
        return raw, "\n"
    newline = "\r\n" if "\r\n" in raw else "\r"
    return _NEWLINES.sub("\n", raw), newline


def make_document(path: str, raw: str, kind: str = "text") -> Document:
    """Build a document from decoded file contents (pure: no I/O).

    ``kind`` is ``"text"`` or ``"markdown"``; Markdown gets its non-prose parts
    blanked out of the view.
    """
    bom = raw.startswith("\ufeff")
    if bom:
        raw = raw[1:]
    text, newline = normalise_newlines(raw)
    view = blank_markers(text) if "lintnews:" in text else text
    if kind == "markdown":
        view = prose_view(view)
    return Document(path=path, text=text, view=view, newline=newline, bom=bom, kind=kind)

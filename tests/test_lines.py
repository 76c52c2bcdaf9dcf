"""The line index (lintnews/core/lines.py): the one offset <-> line/column mapping."""

from __future__ import annotations

import pickle

from lintnews.core.corpus import Loc
from lintnews.core.document import make_document
from lintnews.core.lines import LineIndex


def test_round_trip_and_clamping():
    index = LineIndex.of("ab\ncd\n")
    assert index.starts == [0, 3, 6] and index.line_count == 3
    assert index.offset(2, 2) == 4 and index.position(4) == (2, 2)
    assert index.offset(9, 1) == 6 and index.offset(1, 99) == 6 and index.offset(0, 1) == 0


def test_every_offset_maps_back_to_itself():
    text = "«Zabihullah\nMujahid» said.\n\nlast line without newline"
    index = LineIndex.of(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert index.offset(line, column) == offset
        assert line == text.count("\n", 0, offset) + 1
        assert column == offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_span_ends_after_its_last_character():
    index = LineIndex.of("one two\nthree\n")
    assert index.span(4, 7) == (1, 5, 1, 8)  # "two": end column exclusive
    assert index.span(4, 8) == (1, 5, 1, 9)  # with the newline: still on line 1
    assert index.span(4, 13) == (1, 5, 2, 6)  # "two\nthree"
    assert index.span(8, 8) == (2, 1, 2, 2)  # empty: the character at start


def test_line_ends():
    index = LineIndex.of("ab\n\ncd")
    assert [index.line_end(n) for n in (1, 2, 3)] == [2, 3, 6]


def test_documents_and_locations_use_it():
    doc = make_document("a.txt", "first\r\nsecond line\n")
    assert doc.index == LineIndex.of("first\nsecond line\n")
    assert doc.position(8) == (2, 3) and doc.line_spans([8]) == [(6, 17)] and doc.line_count == 3
    loc = Loc.of(doc, 6, 12)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 1, 2, 7)


def test_pickles():
    index = LineIndex.of("a\nb")
    assert pickle.loads(pickle.dumps(index)) == index

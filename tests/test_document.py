"""Documents: positions, newlines, BOM, the Markdown prose view, quotations."""

from __future__ import annotations

import pytest

from lintnews.api import lint_texts
from lintnews.core.document import Span, make_document
from lintnews.core.finding import Position


def pos_of(doc, needle: str, nth: int = 0) -> Position:
    """The position of the ``nth`` occurrence of ``needle`` in the document's text."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return doc.position(start)


# -- positions ---------------------------------------------------------------------------


def test_positions_are_one_based_lines_and_columns():
    doc = make_document("a.txt", "First line\nSecond line here\nthird")
    assert doc.position(0) == Position(1, 1)
    assert pos_of(doc, "line") == Position(1, 7)
    assert pos_of(doc, "Second") == Position(2, 1)
    assert pos_of(doc, "here") == Position(2, 13)
    assert pos_of(doc, "third") == Position(3, 1)


def test_newline_character_belongs_to_the_line_it_ends():
    doc = make_document("a.txt", "ab\ncd")
    assert doc.position(2) == Position(1, 3)  # the "\n" itself
    assert doc.position(3) == Position(2, 1)


@pytest.mark.parametrize(
    "prefix, expected_column",
    [
        ("é ", 3),  # one precomposed character, two UTF-8 bytes
        ("😀 ", 3),  # an astral character: one code point, two UTF-16 units, four bytes
        ("Café 😀 « ", 10),
        ("日本語 ", 5),
    ],
)
def test_columns_count_characters_not_bytes(prefix, expected_column):
    doc = make_document("a.txt", f"intro\n{prefix}Badin said")
    assert pos_of(doc, "Badin") == Position(2, expected_column)


def test_line_count_and_the_line_of_each_offset():
    doc = make_document("a.txt", "one\ntwo\n\nfour")
    assert doc.line_count == 4
    assert [doc.text.split("\n")[doc.position(o).line - 1] for o in (0, 4, 8, 9)] == ["one", "two", "", "four"]


# -- newlines ----------------------------------------------------------------------------

LINES = ["Héllo 😀 world,", "second line with Badin", "", "“quoted” third"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_give_the_same_positions_as_lf(newline):
    lf = make_document("a.txt", "\n".join(LINES) + "\n")
    other = make_document("a.txt", newline.join(LINES) + newline)
    assert other.text == lf.text
    assert other.newline == newline
    assert lf.newline == "\n"
    for needle in ["world", "second", "Badin", "third", "“quoted”"]:
        assert pos_of(other, needle) == pos_of(lf, needle), needle
    assert other.text.split("\n")[:4] == LINES


def test_crlf_findings_point_where_lf_findings_point():
    body = ["The minister spoke.", "She mentionned the plan. .", "Source link"]
    lf = lint_texts({"a.txt": "\n".join(body) + "\n"})
    crlf = lint_texts({"a.txt": "\r\n".join(body) + "\r\n"})
    assert lf, "the sample should produce findings"
    key = lambda f: (f.line, f.column, f.end_line, f.end_column, f.code, f.message)  # noqa: E731
    assert [key(f) for f in crlf] == [key(f) for f in lf]


# -- byte order mark ---------------------------------------------------------------------


def test_bom_is_stripped_and_remembered():
    doc = make_document("a.txt", "\ufeffBadin said\nmore")
    assert doc.bom is True
    assert not doc.text.startswith("\ufeff")
    assert doc.text == "Badin said\nmore"
    assert pos_of(doc, "Badin") == Position(1, 1)
    assert pos_of(doc, "said") == Position(1, 7)


def test_no_bom_is_remembered_as_no_bom():
    doc = make_document("a.txt", "Badin said")
    assert doc.bom is False
    assert doc.text == "Badin said"


def test_bom_with_crlf():
    doc = make_document("a.txt", "\ufeffone\r\ntwo\r\n")
    assert (doc.bom, doc.newline, doc.text) == (True, "\r\n", "one\ntwo\n")
    assert pos_of(doc, "two") == Position(2, 1)


# -- the Markdown prose view -------------------------------------------------------------


def view_of(markdown: str) -> str:
    doc = make_document("a.md", markdown, "markdown")
    assert len(doc.view) == len(doc.text), "the view must keep the text's length"
    newlines = [i for i, c in enumerate(doc.text) if c == "\n"]
    assert [i for i, c in enumerate(doc.view) if c == "\n"] == newlines, "the view must keep the newlines"
    return doc.view


def assert_blanked(markdown: str, hidden: str) -> None:
    view = view_of(markdown)
    start = markdown.index(hidden)
    segment = view[start : start + len(hidden)]
    assert segment.strip() == "", f"{hidden!r} should be blanked, view has {segment!r}"


def assert_kept(markdown: str, prose: str) -> None:
    view = view_of(markdown)
    start = markdown.index(prose)
    assert view[start : start + len(prose)] == prose, f"{prose!r} should be kept in the view"


def test_plain_text_view_is_the_text():
    text = "---\ntitle: x\n---\nSee [a](http://b) and `code` <!-- c -->\n"
    doc = make_document("a.txt", text, "text")
    assert doc.view == doc.text == text


@pytest.mark.parametrize(
    "markdown",
    [
        "---\ntitle: Mentionned\nauthor: Somebody\n---\nThe prose starts here.\n",
        "+++\ntitle = 'Mentionned'\n+++\nThe prose starts here.\n",
    ],
)
def test_front_matter_is_blanked(markdown):
    front = markdown[: markdown.index("The prose")]
    assert_blanked(markdown, front)
    assert_kept(markdown, "The prose starts here.")


def test_front_matter_only_at_the_start_of_the_file():
    markdown = "Intro paragraph.\n\n---\nnot: front matter\n---\n"
    assert_kept(markdown, "not: front matter")


def test_front_matter_with_crlf_is_blanked():
    doc = make_document("a.md", "---\r\ntitle: Secret\r\n---\r\nProse.\r\n", "markdown")
    assert "Secret" not in doc.view
    assert "Prose." in doc.view


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_fenced_code_is_blanked(fence):
    markdown = f"Before the code.\n\n{fence}python\nx = mentionned(1)\n{fence}\n\nAfter the code.\n"
    assert_blanked(markdown, f"{fence}python\nx = mentionned(1)\n{fence}")
    assert_kept(markdown, "Before the code.")
    assert_kept(markdown, "After the code.")


def test_a_shorter_or_different_fence_does_not_close_a_fence():
    markdown = "````\ncode\n```\n~~~~\nstill code\n````\nprose\n"
    assert_blanked(markdown, "still code")
    assert_kept(markdown, "prose")


def test_an_unclosed_fence_runs_to_the_end_of_the_file():
    markdown = "Prose.\n```\ncode one\n\ncode two\n"
    assert_blanked(markdown, "code one\n\ncode two")
    assert_kept(markdown, "Prose.")


def test_inline_code_is_blanked():
    markdown = "Call `frobnicate()` and ``a ` tick`` now.\n"
    assert_blanked(markdown, "`frobnicate()`")
    assert_blanked(markdown, "``a ` tick``")
    assert_kept(markdown, "Call ")
    assert_kept(markdown, " and ")
    assert_kept(markdown, " now.")


def test_a_stray_backtick_does_not_hide_the_next_paragraph():
    # A code span cannot cross a blank line (a paragraph break): two lone backticks in
    # different paragraphs are literal characters, and the prose between them is prose.
    markdown = "He said it won`t happen.\n\nOfficials mentionned a date and it doesn`t matter.\n"
    assert_kept(markdown, "happen.")
    assert_kept(markdown, "Officials mentionned a date")


@pytest.mark.parametrize(
    "markdown, hidden",
    [
        ("Text <!-- an editor's note --> more text.\n", "<!-- an editor's note -->"),
        ("Text <!-- a note\nover two lines --> more text.\n", "<!-- a note\nover two lines -->"),
    ],
)
def test_html_comments_are_blanked(markdown, hidden):
    assert_blanked(markdown, hidden)
    assert_kept(markdown, "Text ")
    assert_kept(markdown, " more text.")


@pytest.mark.parametrize(
    "markdown, hidden, prose",
    [
        ("Read [the report](https://example.com/report) today.\n", "(https://example.com/report)", "[the report]"),
        ('Read [it](https://e.com/a "A Title") now.\n', '(https://e.com/a "A Title")', "[it]"),
        ("See ![a chart](img/chart.png) below.\n", "(img/chart.png)", "![a chart]"),
        ("Wiki [page](https://e.org/Foo_(bar)) here.\n", "(https://e.org/Foo_(bar))", "[page]"),
        ("Mail <https://example.com/x> now.\n", "<https://example.com/x>", "Mail "),
        ("Intro.\n\n[ref]: https://example.com/ref\n", "[ref]: https://example.com/ref", "Intro."),
    ],
)
def test_link_targets_are_blanked_and_link_text_kept(markdown, hidden, prose):
    assert_blanked(markdown, hidden)
    assert_kept(markdown, prose)


def test_rules_do_not_read_what_the_view_blanks():
    markdown = (
        "---\ntitle: mentionned\n---\n"
        "The spokesman mentionned the plan.\n\n"
        "```\nmentionned = 1\n```\n\n"
        "Use `mentionned` and <!-- mentionned --> [a](https://e.com/mentionned).\n"
    )
    findings = lint_texts({"a.md": markdown}, select=["S101"])
    assert [(f.line, f.column) for f in findings] == [(4, 15)]
    # The same text as plain text is read everywhere (the word then repeats, and a
    # repeated unknown word is a term of art for S101, so check a single occurrence).
    plain = lint_texts({"a.txt": "```\nx mentionned\n```\n"}, select=["S101"])
    assert [(f.line, f.column) for f in plain] == [(2, 3)]


# -- quotations --------------------------------------------------------------------------


def quoted(doc) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.quote_spans]


def test_quote_spans_straight_and_typographic():
    doc = make_document("a.txt", 'He said "go now" and “stay here” and «partez».\n')
    assert quoted(doc) == ['"go now"', "“stay here”", "«partez»"]
    assert all(isinstance(s, Span) for s in doc.quote_spans)


def test_straight_quotes_inside_typographic_ones_stay_one_quotation():
    doc = make_document("a.txt", 'She said “he called it "odd" today” and left.\n')
    assert quoted(doc) == ['“he called it "odd" today”']


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    text = "“It will continue,\n“and it goes on,” he said.\nNo quote here.\n"
    doc = make_document("a.txt", text)
    assert quoted(doc) == ["“It will continue,", "“and it goes on,”"]
    assert doc.in_quote(text.index("continue,"))
    assert not doc.in_quote(text.index("he said"))
    assert not doc.in_quote(text.index("No quote"))


def test_in_quote_is_true_inside_and_false_outside():
    text = 'Before "inside words" after.'
    doc = make_document("a.txt", text)
    open_at, close_at = text.index('"'), text.rindex('"')
    assert doc.in_quote(text.index("inside"))
    assert doc.in_quote(text.index("words"))
    assert doc.in_quote(open_at) and doc.in_quote(close_at)
    assert not doc.in_quote(open_at - 1)
    assert not doc.in_quote(close_at + 1)
    assert not doc.in_quote(text.index("Before"))
    assert not doc.in_quote(text.index("after"))


def test_in_quote_with_several_quotations():
    text = 'A "one" b "two" c “three” d'
    doc = make_document("a.txt", text)
    assert [w for w in ["one", "two", "three"] if doc.in_quote(text.index(w))] == ["one", "two", "three"]
    assert [w for w in [" b ", " c ", " d"] if doc.in_quote(text.index(w) + 1)] == []
    assert not doc.in_quote(0)


def test_no_quotations():
    doc = make_document("a.txt", "Nothing quoted, it's an apostrophe only.\n")
    assert doc.quote_spans == []
    assert not doc.in_quote(0)

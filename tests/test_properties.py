"""Properties that hold for any text: lintnews never raises, points exactly, fixes safely.

Hypothesis generates texts from news-like pieces (words, names such as "Mr. Badin",
punctuation with stray spaces, straight and typographic quotes, boilerplate lines) mixed
with adversarial ones (emoji and ZWJ sequences, combining marks, zero-width and
bidirectional characters, right-to-left and CJK scripts, very long tokens, unbalanced
quotes, CR/LF/CRLF line ends, a BOM, Markdown and suppression markers, and arbitrary
code points).  The properties:

1. ``lint_texts`` never raises, and every renderer accepts what it returns.
2. Every finding points into its document.  Positions are those of the document's text
   (BOM removed, every line end counted as one ``\\n``), 1-based, in code points, the
   end exclusive.  With ``lines = text.split("\\n")``:
   ``1 <= line <= end_line <= len(lines)``; ``1 <= column <= len(lines[line-1]) + 1``
   (``+ 1``: a finding may sit on the end of a line, e.g. an unclosed quote); on one
   line ``column < end_column``; ``end_column - 1 <= len(lines[end_line-1]) + 1`` (a
   span may take its line's ``\\n``, as a deleted boilerplate line does).  And the
   positions are exactly those of the offsets ``start``/``end``: the finding's line
   and column and its character span agree, so the text shown is the text found; a
   message that starts by quoting the text (``'mentionned' is not ...``) quotes text
   inside that span.
3. Output is deterministic: the same texts give equal findings, also given in the
   reverse order.
4. ``--fix`` is idempotent (fixing the fixed files changes nothing) and touches only
   the reported spans: one pass of safe fixes leaves every line that no fix span
   touches byte-identical, in order, with its line ending; the BOM stays.

The default run is short (15 examples per property, 60 under CI, derandomised so every run is
reproducible); ``LINTNEWS_HYPOTHESIS_EXAMPLES=2000`` runs a longer, random search.
Nothing is stored between runs (no ``.hypothesis`` folder).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lintnews.api import configured_rules, fix_files, lint_paths, lint_texts
from lintnews.run.config import Config
from lintnews.core.document import make_document
from lintnews.run.pipeline import finish, lint_document
from lintnews.run.fixing import apply_fixes
from lintnews.core.rule import DocumentRule
from lintnews.report import FORMATS, Report, render

from conftest import property_settings

PROPERTY = property_settings(60)

# -- texts ----------------------------------------------------------------------------------

WORDS = [
    "the", "The", "minister", "said", "talks", "would", "continue", "on", "Monday", "a", "difficult",
    "issue", "mentionned", "recieve", "government", "of", "and", "to", "in", "is", "was", "that",
    "President", "Secretary", "of State", "Foreign Secretary", "spokesman", "police", "Kabul", "city",
]
NAMES = [
    "Mr. Badin", "Mr. Biden", "Joe Biden", "Biden", "Badin", "Tariq Arian", "Tariq Erian", "Ms. Smith",
    "Zabihullah Mujahid", "Zabiullah Mujahid", "Mike Pompeo", "Mr. 58 Freericks", "Dr. Amina Yusuf",
]
PUNCTUATION = [". ", ", ", " ,", " .", ". .", ",,", "!!", "?", "; ", ": ", " - ", "—", "–", "...", "…", "(", ")"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "`"]
EXOTIC = [
    "😀", "👩‍👩‍👧", "🇬🇧", "👍🏽", "e\u0301", "\u0301", "a\u0308\u0323", "\u200b", "\u200c", "\u200d",
    "\u2060", "\ufeff", "\u00ad", "\u202e", "\u202c", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x85",
    "مرحبا بالعالم", "שלום", "北京", "東京都", "한국어", "Ελλάδα", "Москва", "İstanbul", "ß", "ﬁ", "Ⅻ", "٣",
    "\t", "\u00a0", "\u3000",
]
LINES = ["Source link", "Read more:", "Share this article", "Advertisement", "<!-- lintnews: disable -->",
         "<!-- lintnews: disable-next-line=P102 -->", "<!-- lintnews: enable -->", "# Heading", "```", "---",
         "[a link](http://example.com/x_y)", "<b>bold</b>", "RT @someone: 12 retweets"]
NEWLINES = ["\n", "\r\n", "\r", "\n\n"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(QUOTES),
    st.sampled_from(EXOTIC),
    st.sampled_from(LINES),
    st.just(" "),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "x", "ab", " ", ".", "'", "😀", "\u0301"]), st.integers(1, 3000)),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=8),  # anything but lone surrogates
)
line = st.lists(st.one_of(piece, piece.map(lambda p: p + " ")), max_size=25).map("".join)


@st.composite
def article(draw) -> str:
    """A text of up to a dozen lines, one line-end style (or mixed), maybe with a BOM."""
    lines = draw(st.lists(line, max_size=12))
    style = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    out = []
    for text in lines:
        out.append(text)
        out.append(draw(st.sampled_from(NEWLINES)) if style == "mixed" else style)
    if out and draw(st.booleans()):
        out.pop()  # no line end at the end of the file
    bom = "\ufeff" if draw(st.integers(0, 9)) == 0 else ""
    return bom + "".join(out)


corpus = st.dictionaries(
    st.sampled_from(["a.txt", "b.txt", "c.md", "d.txt", "e.markdown"]), article(), min_size=1, max_size=3
)

# -- helpers --------------------------------------------------------------------------------


def _normalised(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("‘", "'").replace("`", "'").casefold().split())


def assert_points_into(findings, docs) -> None:
    for f in findings:
        doc = docs[f.path]
        lines = doc.text.split("\n")
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert f.end_column - 1 <= len(lines[f.end_line - 1]) + 1, f
        if f.line == f.end_line:
            assert f.column < f.end_column, f
        assert 0 <= f.start <= f.end <= len(doc.text), f
        # The line/column form and the offset form are the same span.
        first, last = doc.position(f.start), doc.position(max(f.end, f.start + 1) - 1)
        assert (f.line, f.column, f.end_line, f.end_column) == (first.line, first.column, last.line, last.column + 1), f
        if f.message.startswith("'") and "'" in f.message[1:]:
            quoted = f.message[1:].split("'", 1)[0]
            assert _normalised(quoted) in _normalised(doc.text[f.start : f.end]), (f, doc.text[f.start : f.end])
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(doc.text), f
            # A fix changes the reported text: a part of it (the second 'the' of "the the"),
            # or all of it plus only white space around it (a boilerplate line and its line end).
            inside = f.start <= f.fix.start and f.fix.end <= f.end
            around = (
                f.fix.start <= f.start
                and f.end <= f.fix.end
                and not doc.text[f.fix.start : f.start].strip()
                and not doc.text[f.end : f.fix.end].strip()
            )
            assert inside or around, (f, doc.text[f.fix.start : f.fix.end])
        for r in f.related:
            if r.path in docs:
                rel_lines = docs[r.path].text.split("\n")
                assert 1 <= r.line <= r.end_line <= len(rel_lines), (f, r)
                assert 1 <= r.column <= len(rel_lines[r.line - 1]) + 1, (f, r)


def _raw_lines(raw: str) -> list[str]:
    """The lines of a file's text with their endings (only CR, LF and CRLF end a line)."""
    return [m.group(0) for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", raw)]


_RULES = configured_rules(Config(), select=["ALL"])
_DOCUMENT_RULES = [r for r in _RULES if isinstance(r, DocumentRule)]


# -- 1 and 2: never raises, points exactly ---------------------------------------------------


@PROPERTY
@given(corpus)
def test_lint_never_raises_and_every_finding_points_into_its_document(texts):
    findings = lint_texts(texts, select=["ALL"])
    docs = {path: make_document(path, text, "markdown" if path.endswith((".md", ".markdown")) else "text") for path, text in texts.items()}
    assert_points_into(findings, docs)
    lines = {path: doc.text.split("\n") for path, doc in docs.items()}

    def source_line(path: str, n: int) -> str:
        return lines[path][n - 1] if 0 < n <= len(lines[path]) else ""

    report = Report(
        findings, errors=[], rules=_RULES, show_source=True, source_line=source_line,
        texts={p: d.text for p, d in docs.items()}, word_counts={p: d.word_count for p, d in docs.items()},
    )
    for fmt in FORMATS:
        out = render(fmt, report)
        assert isinstance(out, str)
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "text":  # one line per finding, one for its source line, one for the caret
            assert out.count("\n") == 3 * len(findings)


@PROPERTY
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=400))
def test_any_string_at_all_is_linted_without_error(text):
    findings = lint_texts({"any.txt": text, "any.md": text}, select=["ALL"])
    docs = {"any.txt": make_document("any.txt", text, "text"), "any.md": make_document("any.md", text, "markdown")}
    assert_points_into(findings, docs)


# -- 3: deterministic -----------------------------------------------------------------------


@PROPERTY
@given(corpus)
def test_the_same_texts_give_the_same_findings_in_any_order(texts):
    first = lint_texts(texts, select=["ALL"])
    assert lint_texts(texts, select=["ALL"]) == first
    assert lint_texts(dict(reversed(list(texts.items()))), select=["ALL"]) == first


def test_name_variant_evidence_does_not_depend_on_the_file_order():
    texts = {"a.txt": "Tariq Arian spoke.\n", "b.txt": "Tariq Erian said.\n", "c.txt": "Tariq Erian said.\n"}
    forward = lint_texts(texts)
    assert [f.code for f in forward] == ["N101"]
    assert lint_texts(dict(reversed(list(texts.items())))) == forward


# -- 4: fixes --------------------------------------------------------------------------------


@PROPERTY
@given(article())
def test_one_pass_of_safe_fixes_touches_only_the_reported_spans(raw):
    doc = make_document("a.txt", raw)
    findings = finish([lint_document(doc, _DOCUMENT_RULES)], _DOCUMENT_RULES)
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.safe]
    fixed, applied = apply_fixes(raw, fixes)
    assert applied <= len(fixes)
    if not fixes:
        assert fixed == raw
        return
    # Lines (of the normalised text) that a fix span touches; a span ending just after a
    # line's "\n" touches that line only.
    touched = set()
    for fix in fixes:
        first = doc.position(fix.start).line
        last = doc.position(max(fix.end, fix.start + 1) - 1).line
        touched.update(range(first, last + 1))
    before = _raw_lines(raw[1:] if raw.startswith("\ufeff") else raw)
    kept = [text for n, text in enumerate(before, start=1) if n not in touched]
    after = _raw_lines(fixed[1:] if fixed.startswith("\ufeff") else fixed)
    it = iter(after)
    assert all(any(text == candidate for candidate in it) for text in kept), "an untouched line changed or moved"
    assert fixed.startswith("\ufeff") == raw.startswith("\ufeff")


def test_fixing_a_boilerplate_line_keeps_the_suppression_marker_on_it(tmp_path):
    (tmp_path / "a.txt").write_text("Source link <!-- lintnews: disable-next-line=P102 -->\nHe said , yes.\n")
    result = lint_paths([str(tmp_path / "a.txt")], Config(), _RULES)
    assert [f.code for f in result.findings] == ["W101"]  # P102 is suppressed
    fixes = fix_files(result, _RULES)
    after = fixes[0].after if fixes else (tmp_path / "a.txt").read_text()
    assert "He said , yes." in after  # a suppressed finding is never fixed
    assert "<!-- lintnews: disable-next-line=P102 -->" in after


def _fix_on_disk(folder: Path, texts: dict[str, str]) -> dict[str, str]:
    """What ``lintnews --fix`` computes for these files (in memory; nothing is written)."""
    for name, text in texts.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    paths = [str(folder / name) for name in sorted(texts)]
    result = lint_paths(paths, Config(), _RULES)
    assert result.errors == []
    return {Path(f.path).name: f.after for f in fix_files(result, _RULES)}


@PROPERTY
@given(corpus)
def test_fix_is_idempotent(texts):
    texts = {name: text.replace("\x00", "") for name, text in texts.items()}  # NUL: a binary file, refused
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fixed = _fix_on_disk(folder, texts)
        once = {name: fixed.get(name, text) for name, text in texts.items()}
        assert _fix_on_disk(folder, once) == {}, "a second --fix changed the fixed files"
        for name, text in once.items():
            assert text.startswith("\ufeff") == texts[name].startswith("\ufeff")

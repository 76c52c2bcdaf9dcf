"""Reading input: expanding paths, decoding files, reporting unreadable ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.api import lint_paths
from lintnews.core.document import Document
from lintnews.run.files import InputError, expand_paths, kind_of, read_document

DIRTY = "The minister mentionned the plan.\nSource link\n"


@pytest.fixture
def tree(write_files, tmp_path):
    """A folder with text, Markdown, other files, hidden files and nested folders."""
    write_files(
        {
            "news/z.txt": "z",
            "news/b.md": "b",
            "news/a.txt": "a",
            "news/UPPER.TXT": "upper",
            "news/notes.rst": "not linted from a folder",
            "news/data.json": "{}",
            "news/.hidden.txt": "hidden",
            "news/.git/objects.txt": "hidden folder",
            "news/sub/c.markdown": "c",
            "news/sub/deeper/d.text": "d",
            "news/sub/deeper/e.mdown": "e",
            "news/sub/deeper/f.py": "print()",
            "news/m/n.txt": "n",
        }
    )
    return tmp_path / "news"


def rel(files: list[str], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_a_folder_is_searched_recursively_in_sorted_order(tree):
    files, errors = expand_paths([str(tree)])
    assert errors == []
    assert rel(files, tree) == [
        "UPPER.TXT",
        "a.txt",
        "b.md",
        "m/n.txt",
        "sub/c.markdown",
        "sub/deeper/d.text",
        "sub/deeper/e.mdown",
        "z.txt",
    ]


def test_folder_order_does_not_depend_on_creation_order(tmp_path, write_files):
    write_files({"f/c.txt": "", "f/a.txt": "", "f/b/x.txt": "", "f/b.txt": ""})
    files, _ = expand_paths([str(tmp_path / "f")])
    assert rel(files, tmp_path / "f") == sorted(rel(files, tmp_path / "f"))
    assert rel(files, tmp_path / "f") == ["a.txt", "b.txt", "b/x.txt", "c.txt"]


def test_a_folder_yields_only_text_and_markdown_files(tree):
    files, _ = expand_paths([str(tree)])
    suffixes = {Path(f).suffix.lower() for f in files}
    assert suffixes <= {".txt", ".text", ".md", ".markdown", ".mdown"}
    names = {Path(f).name for f in files}
    assert not names & {"notes.rst", "data.json", "f.py", ".hidden.txt", "objects.txt"}


def test_a_file_named_explicitly_is_always_linted(tree):
    explicit = [str(tree / "notes.rst"), str(tree / "data.json"), str(tree / ".hidden.txt")]
    files, errors = expand_paths(explicit)
    assert errors == []
    assert files == explicit


def test_explicit_paths_keep_their_order_and_are_not_repeated(tree):
    z, a = str(tree / "z.txt"), str(tree / "a.txt")
    files, _ = expand_paths([z, a, z, str(tree)])
    assert files[:2] == [z, a]
    assert len(files) == len(set(files)) == 8  # the folder adds the other six once each


def test_relative_paths_are_reported_as_given(tree, monkeypatch):
    monkeypatch.chdir(tree.parent)
    files, _ = expand_paths(["news/sub", "./news/a.txt"])
    assert files == ["news/sub/c.markdown", "news/sub/deeper/d.text", "news/sub/deeper/e.mdown", "news/a.txt"]


def test_a_missing_path_is_an_input_error_and_the_others_are_still_used(tree):
    missing = str(tree / "nope.txt")
    files, errors = expand_paths([missing, str(tree / "a.txt")])
    assert files == [str(tree / "a.txt")]
    assert len(errors) == 1
    assert isinstance(errors[0], InputError)
    assert errors[0].path == missing
    assert "no such file" in errors[0].message
    assert str(errors[0]).startswith(missing)


def test_kind_of():
    assert kind_of("a.md") == kind_of("b.MARKDOWN") == kind_of("c.mdown") == "markdown"
    assert kind_of("a.txt") == kind_of("b.text") == kind_of("c.rst") == "text"


# -- reading and decoding ----------------------------------------------------------------


def test_read_document_decodes_utf8(tmp_path, write_files):
    write_files({"a.md": "Café 😀\r\nline two\r\n"})
    doc = read_document(str(tmp_path / "a.md"))
    assert isinstance(doc, Document)
    assert doc.text == "Café 😀\nline two\n"
    assert doc.newline == "\r\n"
    assert doc.kind == "markdown"
    assert doc.path == str(tmp_path / "a.md")


def test_read_document_strips_a_utf8_bom(tmp_path, write_files):
    write_files({"a.txt": b"\xef\xbb\xbfHello\n"})
    doc = read_document(str(tmp_path / "a.txt"))
    assert isinstance(doc, Document)
    assert doc.bom is True and doc.text == "Hello\n"


def test_invalid_utf8_is_an_input_error_naming_the_file(tmp_path, write_files):
    write_files({"latin1.txt": "Café déjà vu\n".encode("latin-1")})
    path = str(tmp_path / "latin1.txt")
    err = read_document(path)
    assert isinstance(err, InputError)
    assert err.path == path
    assert "UTF-8" in err.message
    assert path in str(err)


def test_binary_file_is_an_input_error(tmp_path, write_files):
    write_files({"image.txt": b"GIF89a\x00\x01\x02\x00binary"})
    err = read_document(str(tmp_path / "image.txt"))
    assert isinstance(err, InputError)
    assert "binary" in err.message


def test_a_folder_given_to_read_document_is_an_input_error(tmp_path):
    err = read_document(str(tmp_path))
    assert isinstance(err, InputError)


# -- lint_paths: bad files do not stop the good ones -------------------------------------


def test_lint_paths_reports_bad_files_and_lints_the_others(tmp_path, write_files):
    write_files(
        {
            "a_good.txt": DIRTY,
            "b_latin1.txt": "Café mentionned\n".encode("latin-1"),
            "c_binary.txt": b"\x00\x01\x02 Source link\n",
            "d_good.txt": DIRTY,
        }
    )
    result = lint_paths([str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.files == 2
    assert sorted({Path(f.path).name for f in result.findings}) == ["a_good.txt", "d_good.txt"]
    assert {f.code for f in result.findings} >= {"S101", "W101"}
    by_name = {Path(e.path).name: e.message for e in result.errors}
    assert set(by_name) == {"b_latin1.txt", "c_binary.txt", "missing.txt"}
    assert "UTF-8" in by_name["b_latin1.txt"]
    assert "binary" in by_name["c_binary.txt"]
    assert [e.path for e in result.errors] == sorted(e.path for e in result.errors)


def test_lint_paths_counts_words(tmp_path, write_files):
    write_files({"a.txt": "one two three\nfour\n", "b.md": "five `six`\n"})
    result = lint_paths([str(tmp_path)])
    assert result.files == 2
    assert result.words == 5  # inline code is not prose

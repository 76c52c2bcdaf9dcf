"""The shipped English word table (lintnews/data/english-words.txt) is pyspellchecker's
English list, word for word and count for count, and is looked up as a dict would be."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import pkgutil
from pathlib import Path

import pytest

from lintnews.analyses import dictionary
from lintnews.analyses.dictionary import WORDS_PATH, WordTable, word_table

ROOT = Path(__file__).resolve().parent.parent


def _build_module():
    spec = importlib.util.spec_from_file_location("build_english_words", ROOT / "training" / "build_english_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pyspellchecker_words() -> dict[str, int]:
    build = _build_module()
    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz") or b""
    if hashlib.sha256(packed).hexdigest() != build.SOURCE_SHA256:
        pytest.skip("the installed pyspellchecker's English list is not the one the table was built from")
    return json.loads(gzip.decompress(packed))


def test_the_table_holds_pyspellcheckers_words_and_counts():
    theirs = _pyspellchecker_words()
    table = word_table()
    assert dict(table.items()) == theirs
    assert table.size == len(theirs)
    assert all(table.frequency(word) == count for word, count in theirs.items())
    checker = dictionary.spellchecker().word_frequency
    assert table.letters == checker.letters
    assert table.longest == checker.longest_word_length


def test_the_shipped_table_is_what_the_build_script_writes():
    build = _build_module()
    assert WORDS_PATH.read_bytes().decode("utf-8") == build.table_text(_pyspellchecker_words())


@pytest.mark.parametrize(
    "word",
    ["", " ", "the said", "said\nthe", "the\t", "\ud800", "The", "zqxv", "governmentx", "1", "50", "government 50"],
)
def test_what_is_not_a_word_of_the_list_has_no_count(word):
    theirs = _pyspellchecker_words()
    assert word_table().frequency(word) == theirs.get(word, 0) == 0
    assert word not in word_table()


def test_a_lookup_neither_runs_into_the_next_line_nor_takes_a_longer_word():
    table = WordTable(
        "# lintnews English words v1 buckets=1 words=3 longest=5 letters=aehlort source=test sha256=0\n"
        "\nhello 7\nthe 12\nother 3\n"
    )
    assert (table.frequency("hello"), table.frequency("the"), table.frequency("other")) == (7, 12, 3)
    assert table.frequency("he") == table.frequency("hell") == table.frequency("othe") == 0
    assert table.frequency("hello 7\nthe") == 0
    assert table.words() == {"hello", "the", "other"}


def test_a_file_that_is_not_a_table_is_refused():
    with pytest.raises(ValueError):
        WordTable("word 1\n")
    with pytest.raises(ValueError):
        WordTable("# lintnews English words v1 buckets=3 words=1 longest=4 letters=dorw\n\nword 1\n")


def test_the_word_functions_read_the_table_case_insensitively():
    assert dictionary.frequency("Government") == dictionary.frequency("government") > dictionary.COMMON_WORD_FREQUENCY
    assert dictionary.is_known_word("Prior") and dictionary.is_common_word("prior")
    assert not dictionary.is_known_word("Badin") and dictionary.frequency("badin") == 0
    assert dictionary.longest_word_length() == word_table().longest
    assert "é" in dictionary.letters() and "a" in dictionary.letters()


def test_cognate_candidates_undo_one_or_two_correspondences():
    from lintnews.analyses.dictionary import cognate_candidates

    assert "commission" in cognate_candidates("komission")  # k/c and a doubled m
    assert "president" in cognate_candidates("prezydent")  # z/s and y/i
    assert "conference" in cognate_candidates("konference")
    assert cognate_candidates("president") == frozenset()  # a known word
    assert "xylophone" not in cognate_candidates("ksilofon")  # three steps away


def test_cognate_endings_are_read_on_the_word_as_written():
    from lintnews.analyses.dictionary import cognate_candidates

    assert "academy" in cognate_candidates("akademia")  # an ending and a letter
    assert "structure" in cognate_candidates("struktur")
    assert "yard" not in cognate_candidates("yardea")  # two endings

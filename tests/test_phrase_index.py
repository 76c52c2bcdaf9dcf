"""The phrase table of M103 and M104 is read from its derived form
``lintnews/data/phrases-v1-index.txt`` (issue 19: no unzipping nor indexing row by row at
start-up), which reads as the table does, is used only while it was made from the
shipped table, and is rebuilt byte for byte by ``training/build_phrase_index.py``; the
idioms' regex and the set of Qs are built only for a text that may need them."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from lintnews.analyses import phrases
from lintnews.analyses.phrases import (
    Entry,
    PhraseTable,
    derive,
    find_article_idioms,
    find_unusual_phrases,
    load_table,
    may_hold_idiom,
    may_hold_phrase,
)

ROOT = Path(__file__).resolve().parent.parent
SHORT = "The minister spoke to reporters on Monday.\nShe said the talks would continue next week.\n"


def _table_rows() -> list[list[str]]:
    text = gzip.decompress(phrases.table_path().read_bytes()).decode("utf-8")
    return [row.split("\t") for row in text.split("\n")[1:] if row]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_phrase_index", ROOT / "training" / "build_phrase_index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_index_is_what_the_build_makes_of_the_shipped_table():
    # Fails after the table changed: run python training/build_phrase_index.py.
    build = _build_module()
    assert phrases.index_path().read_bytes() == build.index_text().encode("utf-8")
    assert build.main(["--check"]) == 0


def test_the_shipped_table_is_read_from_the_index_as_it_reads_from_the_table(monkeypatch):
    table = load_table()
    rows = _table_rows()
    idiom_rows = [r for r in rows if r[4] == "ci" or r[4].startswith("k")]
    assert len(idiom_rows) > 100 and len(rows) - len(idiom_rows) == len(table) > 20_000
    assert table.floor == 6_400_000
    assert table.idioms == {q: p for q, p, *_ in idiom_rows}
    assert table.idiom_kinds == {q: flags for q, *_, flags in idiom_rows}
    pairs = [r for r in rows if r not in idiom_rows]
    assert table.first_words == {r[0].split(" ")[0] for r in pairs}
    assert table.byte_keys == {r[0].encode("ascii") for r in pairs}
    for q, p, cq, cp, flags in pairs[::97] + pairs[-3:]:
        assert table.lookup(q) == Entry(q, p, int(cq), int(cp), flags.startswith("N"))
    assert table.lookup(idiom_rows[0][0]) is None and table.lookup("zzz zzz") is None and table.lookup("") is None
    # The shipped table is not derived from its text at start-up.
    monkeypatch.setattr(phrases, "derive", lambda text: pytest.fail("derived again"))
    assert len(phrases._shipped_table()) == len(table)


def test_a_stale_or_missing_index_is_not_read(tmp_path, monkeypatch):
    fresh = load_table()
    index = tmp_path / phrases.INDEX_NAME
    stamp, _, derived = phrases.index_path().read_text(encoding="utf-8").partition("\n")
    monkeypatch.setattr(phrases, "index_path", lambda: index)
    q = fresh._keys[0]
    # Made from another table (another CRC-32 or size), with a row that table had changed:
    # read from the table instead, as is the missing one.
    wrong = derived.replace(fresh._rows[0], "wrong\t1\t1\tNa", 1)
    for text in (None, stamp.replace("crc32=", "crc32=0") + "\n" + wrong, stamp.replace("size=", "size=1") + "\n" + wrong):
        if text is not None:
            index.write_text(text, encoding="utf-8")
        table = phrases._shipped_table()
        assert len(table) == len(fresh) and table.idioms == fresh.idioms
        assert table.lookup(q) == fresh.lookup(q) and table.lookup(q).original != "wrong"
    index.write_text(stamp + "\n" + wrong, encoding="utf-8")
    assert phrases._shipped_table().lookup(q).original == "wrong"  # the check is the stamp alone


def test_the_derived_form_reads_as_the_table_text_did():
    text = (
        "# lintnews phrase table v1: test; floor=1000\n"
        "stake rates\tinterest rates\t0\t50000\tcs\n"
        "for the example\tfor example\t0\t90000\tci\n"
        "ultimate court\tsupreme court\t20\t50000\tNa\n"
        "in the same time\tat the same time\t0\t80000\tkp\n"
        "stake rates\tinterest rates\t7\t50000\tcsx\n"  # listed twice: the last row counts
        "abbreviated circuit\tshort circuit\t0\t16701184\tca\n"
    )
    table = PhraseTable(text)
    assert table.floor == 1000 and len(table) == 3
    assert table.lookup("stake rates") == Entry("stake rates", "interest rates", 7, 50000, False)
    assert table.lookup("ultimate court") == Entry("ultimate court", "supreme court", 20, 50000, True)
    assert table.lookup("for the example") is None
    assert table.idioms == {"for the example": "for example", "in the same time": "at the same time"}
    assert table.idiom_kinds == {"for the example": "ci", "in the same time": "kp"}
    assert table.first_words == {"abbreviated", "stake", "ultimate"}
    assert table.idiom_key_words == {b"example", b"time"}  # the last of the longest
    again = PhraseTable.from_derived("junk\n" + derive(text), len("junk\n"))
    assert [again.lookup(q) for q in ("stake rates", "abbreviated circuit")] == [table.lookup(q) for q in ("stake rates", "abbreviated circuit")]
    empty = PhraseTable("# lintnews phrase table v1: test\n")
    assert len(empty) == 0 and empty.floor == 1 and empty.lookup("a b") is None and not empty.idioms
    assert find_unusual_phrases("stake rates", empty) == []
    with pytest.raises(ValueError):
        derive("q\tp\t0\t1\tc\n")


def _idiom_texts(q: str) -> list[str]:
    title = q[0].upper() + q[1:]
    return [
        f"{q},", f"He left. {title}, she stayed.", f"x {q.upper()}.", f"({q})", f"5{q}.", f"{q} of it.",
        f"“{title}”", f"a {q}\n", q.replace("i", "\u0130") + ",", q.replace("s", "\u017f") + ".",
        q.replace("i", "\u0131") + ",", q.replace("k", "\u212a") + ",", f"{q}-like,", f"{q}  ;",
    ]


def test_the_idiom_test_passes_every_text_the_idioms_regex_matches():
    table = load_table()
    pattern = table.idiom_pattern
    matched = 0
    for q in table.idioms:
        for text in _idiom_texts(q):
            if pattern.search(text):
                matched += 1
                assert may_hold_idiom(text, table), text
    assert matched > 8 * len(table.idioms)
    assert not may_hold_idiom(SHORT, table)
    assert may_hold_idiom("Prices rose \u0130n March.", table) is True  # a folded letter: always tried


def test_a_text_without_a_first_word_of_any_q_holds_no_phrase():
    table = load_table()
    assert not may_hold_phrase(SHORT, table)
    assert may_hold_phrase("Stake rates rose.", table) and not may_hold_phrase("Stake prices rose.", table)
    assert table.first_word_bytes == {q.split(b" ")[0] for q in table.byte_keys}


def test_a_short_text_builds_neither_the_idioms_regex_nor_the_set_of_qs():
    table = PhraseTable.from_derived(*_shipped_derived())
    assert find_article_idioms(SHORT, table) == [] and find_unusual_phrases(SHORT, table) == []
    assert not {"idiom_pattern", "byte_keys", "_keys", "_rows", "first_words"} & set(vars(table))
    hits = find_unusual_phrases("For the example, stake rates rose.", table)
    assert [h.phrase for h in hits] == ["For the example", "stake rates"]
    assert {"idiom_pattern", "byte_keys", "_keys", "_rows"} <= set(vars(table))


def _shipped_derived() -> tuple[str, int]:
    text = phrases.index_path().read_text(encoding="utf-8")
    return text, text.index("\n") + 1


def test_an_idiom_matched_through_a_letter_that_only_case_folds_to_its_own_is_not_read():
    # "ſ" (long s), "ı" (dotless i) and "İ" match s and i in a case-insensitive regex but
    # are not lower-cased to them: M104 failed with a KeyError on such a text.
    table = load_table()
    assert [h.suggestion for h in find_article_idioms("In the same time, prices rose.", table)] == ["At the same time"]
    for text in ("In the \u017fame time, prices rose.", "\u0130n the same time, prices rose.", "In the same t\u0131me, prices rose."):
        assert find_article_idioms(text, table) == [], text

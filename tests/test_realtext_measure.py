"""Tests of benchmarks/realtext/measure_real.py on tiny hand-made folders (no external data)."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "realtext" / "measure_real.py"


def load():
    spec = importlib.util.spec_from_file_location("measure_real", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_real"] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


mr = load()


def texts_of(line, spans):
    return [line[s:e] for s, e in spans]


# Sentence splitting ---------------------------------------------------------


def test_split_line_at_full_stops_question_and_exclamation_marks():
    line = "It rained. Did it? Yes! 42 people came."
    assert texts_of(line, mr.split_line(line)) == ["It rained.", "Did it?", "Yes!", "42 people came."]


def test_split_line_keeps_honorifics_initials_and_dotted_abbreviations():
    line = "Mr. Smith met Dr. Jones in the U.S. Senate. Joseph R. Biden spoke at 9 a.m. Then he left."
    assert texts_of(line, mr.split_line(line)) == [
        "Mr. Smith met Dr. Jones in the U.S. Senate.",
        "Joseph R. Biden spoke at 9 a.m. Then he left.",
    ]


def test_split_line_takes_closing_quotes_with_the_sentence():
    line = "He said: “It is over.” Then he left. ‘Fine,’ she said."
    assert texts_of(line, mr.split_line(line)) == ["He said: “It is over.”", "Then he left.", "‘Fine,’ she said."]


def test_split_line_does_not_split_before_a_lower_case_word():
    line = "The rate fell to 3.5 per cent. in May, officials said."
    assert texts_of(line, mr.split_line(line)) == [line]


def test_split_line_trims_white_space_and_skips_empty_lines():
    assert mr.split_line("   ") == []
    line = "  One.   Two.  "
    assert texts_of(line, mr.split_line(line)) == ["One.", "Two."]


def test_split_sentences_numbers_lines_like_the_linter():
    text = "\ufeffTitle line\r\n\r\nFirst one. Second one.\nThird one.\n"
    got = mr.split_sentences(text)
    assert [(s.line, s.start, s.end) for s in got] == [(1, 0, 10), (3, 0, 10), (3, 11, 22), (4, 0, 10)]


def test_the_same_text_splits_the_same_way_in_every_variant():
    a = "The minister said. The plan is ready."
    assert mr.split_sentences(a) == mr.split_sentences(a)
    assert len(mr.split_sentences(a)) == 2


# Findings to sentences ------------------------------------------------------


def finding(line, column, end_line=None, end_column=None, code="X1"):
    f = {"path": "d.txt", "line": line, "column": column, "code": code}
    if end_line is not None:
        f["end_line"] = end_line
        f["end_column"] = end_column
    return f


def test_a_finding_flags_the_sentence_it_overlaps():
    sents = mr.split_sentences("One two. Three four. Five six.")
    # "Three" is columns 10-14 (1-based), end exclusive 15.
    per, lost = mr.assign_findings(sents, [finding(1, 10, 1, 15)])
    assert [len(x) for x in per] == [0, 1, 0]
    assert lost == []


def test_a_finding_across_a_sentence_break_flags_both_sentences():
    sents = mr.split_sentences("Joseph R. Biden said. Prior to that he left.")
    # "said. Prior": from column 17 to 28 (exclusive).
    per, _ = mr.assign_findings(sents, [finding(1, 17, 1, 28)])
    assert [len(x) for x in per] == [1, 1]


def test_a_finding_over_several_lines_flags_each_line_it_covers():
    sents = mr.split_sentences("First line.\nSecond line.\nThird line.")
    per, _ = mr.assign_findings(sents, [finding(1, 7, 2, 3)])
    assert [len(x) for x in per] == [1, 1, 0]


def test_a_point_finding_without_end_flags_its_sentence():
    sents = mr.split_sentences("One two. Three four.")
    per, _ = mr.assign_findings(sents, [finding(1, 12)])
    assert [len(x) for x in per] == [0, 1]


def test_a_finding_between_sentences_goes_to_the_nearest_on_its_line():
    sents = mr.split_sentences("One two.    Three four.")
    # Column 10 (0-based 9) is white space, one from "One two." and two from "Three".
    per, lost = mr.assign_findings(sents, [finding(1, 10, 1, 11)])
    assert [len(x) for x in per] == [1, 0]
    assert lost == []


def test_a_finding_on_a_line_without_sentences_is_unplaced():
    sents = mr.split_sentences("One.\n\nTwo.")
    per, lost = mr.assign_findings(sents, [finding(2, 1)])
    assert [len(x) for x in per] == [0, 0]
    assert len(lost) == 1


def test_two_findings_in_one_sentence_flag_it_once():
    corpus = make_corpus("v", {"a.txt": "One two three. Four five."},
                         {"a.txt": [finding(1, 1, 1, 4), finding(1, 5, 1, 8, code="X2")]})
    stats = mr.variant_stats(corpus)
    assert (stats["sentences"], stats["flagged"], stats["findings"]) == (2, 1, 2)
    assert stats["flagged_by_rule"] == {"X1": 1, "X2": 1}


# Ratios ---------------------------------------------------------------------


def test_share_ratio():
    assert mr.share_ratio((3, 6), (1, 4)) == pytest.approx(2.0)
    assert mr.share_ratio((0, 6), (1, 4)) == 0.0
    assert mr.share_ratio((2, 6), (0, 4)) == float("inf")
    assert mr.share_ratio((0, 6), (0, 4)) == 1.0
    assert mr.share_ratio((1, 0), (1, 4)) is None


def make_corpus(name, docs, findings, root="/r"):
    paths = {f"{root}/{n}": t for n, t in docs.items()}
    return mr.Corpus(
        name=name,
        root=root,
        documents=sorted(paths),
        texts=paths,
        findings={f"{root}/{n}": list(findings.get(n, [])) for n in docs},
    )


def test_flagged_share_from_a_findings_list_on_hand_made_documents():
    human = make_corpus("human-A", {"a.txt": "One. Two. Three. Four."}, {"a.txt": [finding(1, 6, 1, 9)]})
    mt = make_corpus(
        "mt",
        {"a.txt": "One. Two. Three.", "b.txt": "Four five.\nSix. Seven."},
        {"a.txt": [finding(1, 1, 1, 4), finding(1, 11, 1, 16)], "b.txt": [finding(2, 1, 2, 4)]},
    )
    h, m = mr.variant_stats(human), mr.variant_stats(mt)
    assert (h["sentences"], h["flagged"]) == (4, 1)
    assert (m["sentences"], m["flagged"]) == (6, 3)
    assert mr.share_ratio((m["flagged"], m["sentences"]), (h["flagged"], h["sentences"])) == pytest.approx(2.0)


# End to end with a stand-in linter -------------------------------------------

FAKE_LINTER = textwrap.dedent(
    """
    import json, os, re, sys
    found = []
    for arg in sys.argv[1:]:
        if arg.startswith("--"):
            continue
        for root, _, files in os.walk(arg):
            for name in sorted(files):
                path = os.path.join(root, name)
                for n, line in enumerate(open(path, encoding="utf-8").read().split("\\n"), 1):
                    for m in re.finditer(r"XX", line):
                        found.append({"path": path, "line": n, "column": m.start() + 1,
                                      "end_line": n, "end_column": m.end() + 1, "code": "Z101",
                                      "name": "fake", "message": "XX"})
    print(json.dumps({"findings": found}))
    """
)


def write(folder: Path, files: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def fake_linter(tmp_path):
    script = tmp_path / "fake_linter.py"
    script.write_text(FAKE_LINTER, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_pairs_report_per_set_and_pooled(tmp_path, fake_linter):
    root = tmp_path / "toen"
    write(root / "xx-en" / "human-A", {"d1.txt": "One. Two XX. Three. Four.\n"})
    write(root / "xx-en" / "sys1", {"d1.txt": "One XX. Two XX. Three. Four.\n"})
    write(root / "xx-en" / "human-PE", {"d1.txt": "XX. XX. XX. XX.\n"})
    write(root / "yy-en" / "human-A", {"d1.txt": "One. Two. Three. Four. Five.\n"})
    write(root / "yy-en" / "sys1", {"d1.txt": "One. Two XX. Three. Four. Five.\n"})
    rep = mr.pairs_report([str(root)], "human", ["human-PE"], fake_linter, None, lambda m: None)
    by_set = {s["set"]: s for s in rep["sets"]}
    assert by_set["xx-en"]["control"] == [1, 4]
    assert by_set["xx-en"]["treated"] == [2, 4]
    assert by_set["xx-en"]["ratio"] == pytest.approx(2.0)
    roles = {v["variant"]: v["role"] for v in by_set["xx-en"]["variants"]}
    assert roles == {"human-A": "control", "human-PE": "reported only", "sys1": "machine"}
    assert by_set["yy-en"]["ratio"] == float("inf")
    assert rep["pooled"]["control"] == [1, 9]
    assert rep["pooled"]["treated"] == [3, 9]
    assert rep["pooled"]["ratio"] == pytest.approx(3.0)
    assert rep["pooled"]["met"]


def test_one_set_folder_is_recognised(tmp_path, fake_linter):
    root = tmp_path / "zh-en"
    write(root / "human-A", {"d.txt": "A. B.\n"})
    write(root / "sys", {"d.txt": "A XX. B.\n"})
    assert mr.find_sets(str(root)) == [("zh-en", str(root))]


def test_edited_report_counts_per_10k_and_lists_kinds(tmp_path, fake_linter):
    folder = tmp_path / "prose"
    docs = {f"d{i}.txt": "word " * 999 + ("XX\n" if i < 3 else "end\n") for i in range(10)}
    write(folder, docs)
    corpus = mr.lint_folder("prose", str(folder), fake_linter, None)
    rep = mr.edited_report([corpus])
    assert rep["words"] == 10_000
    assert rep["findings"] == 3
    assert rep["per_10k"] == pytest.approx(3.0)
    assert not rep["met"]
    # d0, d5 and d9 are held out (hash of the path): one finding there, two in dev.
    assert [mr.held_out(f"d{i}.txt") for i in range(10)].count(True) == 3
    assert (rep["dev"]["findings"], rep["held_out"]["findings"]) == (2, 1)
    assert (rep["dev"]["words"], rep["held_out"]["words"]) == (7_000, 3_000)
    kinds = rep["false_positive_kinds_dev"]
    assert kinds[0]["code"] == "Z101" and kinds[0]["count"] == 2
    assert kinds[0]["kinds"][0]["text"] == "XX"
    assert [e["where"] for e in kinds[0]["kinds"][0]["examples"]] == ["prose/d1.txt:1:4996", "prose/d2.txt:1:4996"]
    assert "«XX»" in kinds[0]["kinds"][0]["examples"][0]["excerpt"]


def test_held_out_is_a_stable_fifth_of_the_documents():
    names = [f"doc-{i}.txt" for i in range(1000)]
    share = sum(mr.held_out(n) for n in names) / len(names)
    assert 0.15 < share < 0.25
    assert [mr.held_out(n) for n in names] == [mr.held_out(n) for n in names]


def test_main_writes_json_and_markdown(tmp_path, fake_linter, capsys):
    root = tmp_path / "zh-en"
    write(root / "human-A", {"d.txt": "One. Two XX.\n"})
    write(root / "sys", {"d.txt": "One XX. Two XX.\n"})
    out = tmp_path / "out.json"
    assert mr.main(["--mt", str(root), "--lintnews", fake_linter, "--json-out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mt"]["pooled"]["ratio"] == pytest.approx(2.0)
    assert "| **pooled** |" in capsys.readouterr().out


def test_a_failing_linter_is_reported_not_a_traceback(tmp_path, capsys):
    root = tmp_path / "zh-en"
    write(root / "human-A", {"d.txt": "A.\n"})
    write(root / "sys", {"d.txt": "A.\n"})
    bad = f"{sys.executable} -c 'import sys; sys.exit(3)'"
    assert mr.main(["--mt", str(root), "--lintnews", bad]) == 2
    assert "exited with 3" in capsys.readouterr().err


def test_with_the_real_linter_a_repeated_word_flags_its_sentence(tmp_path):
    folder = tmp_path / "prose"
    write(folder, {"a.txt": "The minister spoke on Monday. She will announce the the candidates soon.\n"})
    corpus = mr.lint_folder("prose", str(folder), f"{sys.executable} -m lintnews", None)
    codes = [f["code"] for f in corpus.all_findings()]
    assert "G105" in codes
    stats = mr.variant_stats(corpus)
    assert (stats["sentences"], stats["flagged"]) == (2, 1)

"""Tests of the pure functions of benchmarks/measure.py (no linter, no corpora)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "measure.py"


def load_measure():
    """Import benchmarks/measure.py from its path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("measure", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


measure = load_measure()


# AUC ---------------------------------------------------------------------


def test_auc_perfect_separation_is_one():
    assert measure.auc([3.0, 4.0, 5.0], [0.0, 1.0, 2.0]) == 1.0


def test_auc_reversed_is_zero():
    assert measure.auc([0.0, 1.0], [2.0, 3.0, 4.0]) == 0.0


def test_auc_all_ties_is_half():
    assert measure.auc([1.0, 1.0, 1.0], [1.0, 1.0]) == 0.5


def test_auc_hand_computed():
    # pairs (p, n): (0.5,1)=0 (0.5,2)=0 (2,1)=1 (2,2)=0.5 (3,1)=1 (3,2)=1 -> 3.5 / 6
    assert measure.auc([0.5, 2.0, 3.0], [1.0, 2.0]) == pytest.approx(3.5 / 6)


def test_auc_empty_group_is_none():
    assert measure.auc([], [1.0]) is None
    assert measure.auc([1.0], []) is None


# density and words -------------------------------------------------------


def test_density_per_thousand_and_ten_thousand():
    assert measure.density(3, 1500, 1000) == pytest.approx(2.0)
    assert measure.density(1, 5000, 10_000) == pytest.approx(2.0)
    assert measure.density(0, 800, 1000) == 0.0


def test_density_without_words_is_zero():
    assert measure.density(2, 0, 1000) == 0.0


def test_document_densities():
    words = {"a.txt": 500, "b.txt": 2000}
    matched = {"a.txt": [{"code": "N101"}], "b.txt": []}
    assert measure.document_densities(words, matched) == {"a.txt": 2.0, "b.txt": 0.0}


def test_count_words_uses_whitespace_tokens():
    assert measure.count_words("  Hello,  world!\nIt's\tfine. \n") == 4
    assert measure.count_words("") == 0


def test_mean():
    assert measure.mean([1.0, 2.0, 6.0]) == 3.0
    assert measure.mean([]) is None


# documents and path matching ---------------------------------------------


@pytest.fixture
def corpus(tmp_path):
    """A small corpus folder: two .txt, one .md in a subfolder, one ignored file."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("one two three\n", encoding="utf-8")
    (root / "b.txt").write_text("four five\n", encoding="utf-8")
    (root / "sub" / "c.md").write_text("# six\n", encoding="utf-8")
    (root / "notes.csv").write_text("x,y\n", encoding="utf-8")
    return root


def test_list_documents_recursive_txt_and_md(corpus):
    docs = measure.list_documents(str(corpus))
    assert [os.path.relpath(d, corpus) for d in docs] == [
        "a.txt", "b.txt", os.path.join("sub", "c.md")]
    assert measure.read_word_counts(docs) == dict(zip(docs, [3, 2, 2]))


def test_match_by_resolved_path(corpus, monkeypatch):
    docs = measure.list_documents(str(corpus))
    a, b = docs[0], docs[1]
    monkeypatch.chdir(corpus.parent)
    findings = [
        {"path": "corpus/a.txt", "code": "N101"},                  # relative
        {"path": str(corpus / "sub" / ".." / "b.txt"), "code": "P102"},  # unnormalised
    ]
    matched, unmatched = measure.match_findings(findings, docs)
    assert [f["code"] for f in matched[a]] == ["N101"]
    assert [f["code"] for f in matched[b]] == ["P102"]
    assert matched[docs[2]] == []
    assert unmatched == []


def test_match_through_symlink(corpus, tmp_path):
    link = tmp_path / "link"
    try:
        link.symlink_to(corpus, target_is_directory=True)
    except OSError:
        pytest.skip("symlinks not supported")
    docs = measure.list_documents(str(corpus))
    matched, unmatched = measure.match_findings(
        [{"path": str(link / "a.txt"), "code": "N101"}], docs)
    assert len(matched[docs[0]]) == 1 and unmatched == []


def test_match_falls_back_to_unique_basename(corpus):
    docs = measure.list_documents(str(corpus))
    matched, unmatched = measure.match_findings(
        [{"path": "elsewhere/c.md", "code": "S201"}], docs)
    assert len(matched[docs[2]]) == 1 and unmatched == []


def test_ambiguous_basename_and_unknown_path_are_unmatched(tmp_path):
    docs = [str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt")]
    findings = [{"path": "elsewhere/a.txt"}, {"path": "zzz.txt"}, {"line": 1}]
    matched, unmatched = measure.match_findings(findings, docs)
    assert all(v == [] for v in matched.values())
    assert unmatched == findings


# linter output and reports -----------------------------------------------


def test_parse_findings_object_and_bare_list():
    finding = {"path": "a.txt", "line": 1, "column": 1, "code": "N101"}
    assert measure.parse_findings(json.dumps({"findings": [finding]})) == [finding]
    assert measure.parse_findings(json.dumps([finding])) == [finding]


@pytest.mark.parametrize("output", ["not json", "{}", '{"findings": 3}', "[1]"])
def test_parse_findings_rejects_bad_output(output):
    with pytest.raises(measure.MeasureError):
        measure.parse_findings(output)


def test_linter_command():
    assert measure.linter_command("python -m lintnews", "dir x", "P1,N2") == [
        "python", "-m", "lintnews", "--format", "json", "--exit-zero",
        "--ignore", "P1,N2", "dir x"]
    assert measure.linter_command("lintnews", "d", None)[-1] == "d"


def test_clean_report_rules_sorted_and_top_documents():
    words = {"a.txt": 4000, "b.txt": 6000, "c.txt": 10}
    matched = {
        "a.txt": [{"code": "P102"}, {"code": "N101"}, {"code": "N101"}],
        "b.txt": [{"code": "N101"}],
        "c.txt": [],
    }
    report = measure.clean_report(words, matched, unmatched=0)
    assert report["words"] == 10010 and report["findings"] == 4
    assert report["per_10k"] == pytest.approx(4 * 10_000 / 10010)
    assert [(r["code"], r["count"]) for r in report["rules"]] == [
        ("N101", 3), ("P102", 1)]
    assert [d["path"] for d in report["top_documents"]] == ["a.txt", "b.txt"]


def test_zh_en_report_auc_per_system_and_pooled():
    def system(densities):
        return {"densities": dict(enumerate(densities))}

    systems = {
        "human-A": system([0.0, 1.0]),
        "good": system([2.0, 3.0]),   # all above human -> 1.0
        "bad": system([0.0, 0.5]),    # 0 tie 0.5, 0 < 1, 0.5 > 0, 0.5 < 1 -> 1.5/4
    }
    report = measure.zh_en_report(systems, "human-A", ["bad", "good"])
    assert report["auc"] == {"bad": pytest.approx(0.375), "good": 1.0}
    assert report["pooled_auc"] == pytest.approx((1.5 + 4) / 8)


def test_markdown_table_right_aligns_numbers():
    table = measure.markdown_table(["code", "count"], [["N101", 12], ["P2", 3]])
    assert table.splitlines() == [
        "| code | count |",
        "| ---- | ----: |",
        "| N101 |    12 |",
        "| P2   |     3 |",
    ]


def test_write_json_atomic(tmp_path):
    target = tmp_path / "out.json"
    measure.write_json_atomic(str(target), {"x": 1})
    assert json.loads(target.read_text(encoding="utf-8")) == {"x": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_at_least_one_corpus_required(capsys):
    with pytest.raises(SystemExit) as exc:
        measure.parse_args([])
    assert exc.value.code == 2


# end to end with a stand-in linter (not lintnews) ------------------------


FAKE_LINTER = """
import json, os, sys
folder = sys.argv[-1]
if "FAIL" in sys.argv[1:-1]:
    sys.stderr.write("boom\\n"); sys.exit(3)
findings = []
for root, _, files in os.walk(folder):
    for name in sorted(files):
        path = os.path.join(root, name)
        n = open(path, encoding="utf-8").read().count("X")
        findings += [{"path": path, "line": 1, "column": 1, "code": "T001"}] * n
print(json.dumps({"findings": findings}))
sys.exit(1 if findings else 0)
"""


def test_main_end_to_end_with_stand_in_linter(tmp_path, capsys):
    fake = tmp_path / "fake.py"
    fake.write_text(FAKE_LINTER, encoding="utf-8")
    zh = tmp_path / "zh-en"
    texts = {"human-A": ["a b c d", "a b c d"], "SysA": ["X b c d", "X X c d"]}
    for system, docs in texts.items():
        (zh / system).mkdir(parents=True)
        for i, text in enumerate(docs):
            (zh / system / f"d{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    cmd = f'"{sys.executable}" "{fake}"'
    assert measure.main(["--zh-en", str(zh), "--lintnews", cmd,
                         "--json-out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["zh_en"]["auc"] == {"SysA": 1.0}
    assert data["zh_en"]["systems"]["SysA"]["rules"] == {"T001": 3}
    assert "Pooled AUC" in capsys.readouterr().out

    assert measure.main(["--zh-en", str(zh), "--lintnews", cmd,
                         "--ignore", "FAIL"]) == 2
    assert "boom" in capsys.readouterr().err

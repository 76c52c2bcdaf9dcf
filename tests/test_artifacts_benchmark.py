"""The planted-artifact benchmark (benchmarks/artifacts/): generator and scorer.

Runs on a small corpus built here; no ../shared needed."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent / "benchmarks" / "artifacts"


@pytest.fixture(scope="module")
def plant():
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("plant")
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def score():
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("score")
    finally:
        sys.path.remove(str(BENCH))


LINES = [
    "Prime Minister Tomas Berger said on 12 March that interest rates would stay where they are.",
    "Berger told a press conference in Prague that the government had made a decision on the budget.",
    "According to Mr. Berger, the central bank took part in the talks with the finance ministry.",
    "The Russian delegation arrived on Monday, and the talks took place in the old town hall.",
    "About 1,500 people gathered in the square, where spokesman Pavel Kratochvil read a statement.",
    "Kratochvil said that the police had closed several streets for a long time during the event.",
    "President Anna Lindqvist welcomed the decision, and Lindqvist added that human rights must be respected.",
    "Foreign Minister Jan Okonkwo met his counterparts in Berlin; Okonkwo said the meeting was useful.",
    "The company reported a growth rate of 3.5 percent and said 2 million euros would be invested.",
    "Local residents were also asked to pay attention to the warnings issued by the city council.",
]


def make_docs(plant, n=6):
    docs = []
    for i in range(n):
        lines = LINES[i % 3:] + LINES[: i % 3]
        text = "\n".join(lines) + "\n"
        lang = ["cs", "de", "ru", "uk", "zh", "ja"][i % 6]
        docs.append(plant.Doc(path=f"{lang}-en/doc{i}.txt", lang=lang, text=text))
    return docs


def run(plant, seed=0, split="dev"):
    docs = make_docs(plant)
    texts, key = plant.plant_documents(docs, split=split, seed=seed, every=2.0, untouched_share=0.0,
                                       inventory=plant.build_inventory("all"))
    return docs, texts, key


def test_same_seed_same_bytes(plant, tmp_path):
    docs, texts1, key1 = run(plant, seed=7)
    _, texts2, key2 = run(plant, seed=7)
    assert texts1 == texts2 and key1 == key2
    for name, (texts, key) in (("a", (texts1, key1)), ("b", (texts2, key2))):
        manifest = plant.make_manifest(docs, key, "dev", 7, 2.0, 0.0, plant.build_inventory("all"))
        plant.write_output(tmp_path / name, docs, texts, key, manifest)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) == 2 * len(docs) + 2
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_other_seed_other_artifacts(plant):
    _, texts1, key1 = run(plant, seed=1)
    _, texts2, key2 = run(plant, seed=2)
    assert texts1 != texts2


def test_key_spans_match_the_planted_text(plant, score):
    docs, texts, key = run(plant)
    assert len(key) >= 20
    originals = {d.path: d.text for d in docs}
    for rec in key:
        text = texts[rec["path"]]
        starts = score.line_starts(text)
        for sp in score.spans_of(rec):
            assert text[sp["start"]:sp["end"]] == sp["text"] != ""
            assert sp["edit_start"] <= sp["start"] < sp["end"] <= sp["edit_end"]
            assert text[sp["edit_start"]:sp["edit_end"]] == sp["planted"]
            assert originals[rec["path"]][sp["orig_start"]:sp["orig_end"]] == sp["original"]
            assert sp["planted"] != sp["original"]
            # line and column (1-based, end exclusive) point at the same characters
            assert starts[sp["line"] - 1] + sp["column"] - 1 == sp["start"]
            assert starts[sp["end_line"] - 1] + sp["end_column"] - 1 == sp["end"]


def test_undoing_the_edits_gives_the_original_back(plant, score):
    docs, texts, key = run(plant)
    for d in docs:
        text = texts[d.path]
        spans = sorted((sp for r in key if r["path"] == d.path for sp in score.spans_of(r)),
                       key=lambda sp: sp["edit_start"], reverse=True)
        for sp in spans:
            text = text[:sp["edit_start"]] + sp["original"] + text[sp["edit_end"]:]
        assert text == d.text


def test_no_two_artifacts_overlap_or_share_a_line(plant, score):
    docs, texts, key = run(plant)
    for d in docs:
        recs = [r for r in key if r["path"] == d.path]
        edits = sorted((sp["orig_start"], sp["orig_end"]) for r in recs for sp in score.spans_of(r))
        for (s1, e1), (s2, e2) in zip(edits, edits[1:]):
            assert e1 <= s2
        lines = Counter()
        for r in recs:
            touched = set()
            for sp in score.spans_of(r):
                a = d.text.count("\n", 0, sp["orig_start"])
                b = d.text.count("\n", 0, max(sp["orig_start"], sp["orig_end"] - 1))
                touched.update(range(a, b + 1))
            lines.update(touched)
        assert not [ln for ln, n in lines.items() if n > 1]


def test_many_categories_are_planted(plant):
    _, _, key = run(plant)
    cats = Counter(r["category"] for r in key)
    assert len(cats) >= 9, cats


def test_the_splits_use_disjoint_inventories(plant):
    dev, held = plant.build_inventory("dev"), plant.build_inventory("heldout")
    assert dev.swaps and held.swaps
    assert not {k for *_, k in dev.swaps} & {k for *_, k in held.swaps}
    assert not {k for *_, k in dev.calques} & {k for *_, k in held.calques}
    assert not set(dev.cognates) & set(held.cognates)
    assert not set(dev.tags) & set(held.tags)
    for sub in dev.residue:
        assert not set(dev.residue[sub]) & set(held.residue[sub])
    dev_offices = {r for rs in dev.office_literal.values() for r, _ in rs}
    held_offices = {r for rs in held.office_literal.values() for r, _ in rs}
    assert not dev_offices & held_offices
    assert plant.doc_split("ru-en", "x.1") == plant.doc_split("ru-en", "x.1")
    assert {plant.doc_split("ru-en", f"x.{i}") for i in range(20)} == {"dev", "heldout"}


def test_respellings_of_a_name(plant):
    assert "Erian" in plant.respellings("Arian", "vowel")
    assert "Zabiullah" in plant.respellings("Zabihullah", "h")
    assert "Freerics" not in plant.respellings("Freericks", "double")
    assert "Volodymir" in plant.respellings("Volodymyr", "translit")
    assert "Jaroslav" in plant.respellings("Yaroslav", "translit")
    assert "Volodjmyr" not in plant.respellings("Volodymyr", "translit")
    assert all(v != "Arian" for v in plant.respellings("Arian", "vowel"))


# --- scorer ----------------------------------------------------------------------

TEXT = "First line here.\nThe minister Tomas 58 Berger said so.\nLast line.\n"
KEY = [{
    "id": "t-1", "path": "a.txt", "category": "stray-token", "subtype": "number",
    "start": 30, "end": 45, "line": 2, "column": 14, "end_line": 2, "end_column": 29,
    "text": "Tomas 58 Berger", "original": "Tomas Berger", "planted": "Tomas 58 Berger",
    "orig_start": 30, "orig_end": 42, "edit_start": 30, "edit_end": 45, "item": None, "detail": {},
}]
ORIG = "First line here.\nThe minister Tomas Berger said so.\nLast line.\n"


def finding(code, line, col, end_col, path="a.txt"):
    return {"path": path, "code": code, "line": line, "column": col, "end_line": line, "end_column": end_col}


def test_key_fixture_is_consistent():
    assert TEXT[30:45] == "Tomas 58 Berger" and ORIG[30:42] == "Tomas Berger"


@pytest.mark.parametrize("findings, found", [
    ([finding("N102", 2, 20, 22)], True),   # the number itself
    ([finding("N102", 2, 28, 31)], True),   # overlaps the span's last character
    ([finding("X999", 2, 29, 30)], False),  # starts where the span ends: no overlap
    ([finding("X999", 2, 5, 14)], False),   # ends where the span starts
    ([finding("X999", 2, 14, 14)], True),   # zero width at the span's start counts as one character
    ([finding("X999", 1, 14, 16)], False),  # the same columns on another line
    ([finding("X999", 2, 20, 22, path="b.txt")], False),  # another file
    ([], False),
])
def test_a_hit_is_a_finding_overlapping_the_span(score, findings, found):
    t = score.Tally()
    t.add(KEY, {"a.txt": TEXT, "b.txt": TEXT}, findings, None, None)
    s = score.summary(t)
    assert s["per_subtype"]["stray-token/number"] == {"planted": 1, "found": int(found), "recall": float(found)}


def test_precision_counts_and_pre_existing_findings(score):
    findings = [
        finding("N102", 2, 20, 22),  # hit
        finding("N102", 2, 20, 22),  # a second finding on the same artifact: still a true positive
        finding("S101", 1, 1, 6),    # no artifact: a false positive
        finding("G105", 3, 1, 5),    # also in the untouched document: pre-existing
    ]
    orig_findings = [finding("G105", 3, 1, 5)]
    t = score.Tally()
    t.add(KEY, {"a.txt": TEXT}, findings, {"a.txt": ORIG}, orig_findings)
    s = score.summary(t)
    assert s["per_rule"]["N102"]["true_pos"] == 2 and s["per_rule"]["N102"]["precision"] == 1.0
    assert s["per_rule"]["S101"] == {"true_pos": 0, "false_pos": 1, "pre_existing": 0, "counterpart": 0,
                                     "precision": 0.0}
    assert s["per_rule"]["G105"]["pre_existing"] == 1 and s["per_rule"]["G105"]["false_pos"] == 0
    assert s["macro_recall"] == 1.0
    # untouched lines: 1 and 3 (line 2 holds the artifact): 3 + 2 words, two findings
    assert s["untouched_lines"]["words"] == 5 and s["untouched_lines"]["findings"] == 2
    assert s["untouched_lines"]["findings_not_pre_existing"] == 1


def test_a_pre_existing_finding_is_not_a_hit(score):
    # the untouched document already has a finding where the artifact later sits beside it
    orig_findings = [finding("G101", 2, 1, 4)]  # 'The' on line 2, before the edit
    findings = [finding("G101", 2, 1, 4)]
    t = score.Tally()
    t.add(KEY, {"a.txt": TEXT}, findings, {"a.txt": ORIG}, orig_findings)
    s = score.summary(t)
    assert s["found"] == 0 and s["per_rule"]["G101"]["pre_existing"] == 1


def test_mapping_shifts_offsets_after_an_edit(score):
    m = score.Mapper(KEY)
    assert m.map(0, 5) == (0, 5)                          # before the edit
    assert m.map(43, 47) == (46, 50)                      # after it: 'said' moves by 3 characters
    assert ORIG[43:47] == TEXT[46:50] == "said"
    assert m.map(36, 42) is None                          # inside the edit

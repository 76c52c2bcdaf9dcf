"""Baselines: adopt lintnews on an archive by recording today's findings.

``--write-baseline FILE`` records the current findings (and reports none: exit 0);
``--baseline FILE`` then reports only findings that are not recorded.  A recorded
finding stays recorded when lines are inserted above it; a new finding of the same rule
on another line, or a second copy of a recorded finding, is new.  A baseline that cannot
be read is an error (exit 2) naming the file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import copy_seeds, json_findings, run_lintnews, span_of

BASELINE = "lintnews-baseline.json"
TOP = "seeds/002_38a747c9cd03c8b7.txt"
OTHER = "seeds/004_9ced0776c13fb033.txt"


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the seeds with a baseline written in it, and the write's result."""
    root = copy_seeds(tmp_path_factory.mktemp("baseline"))
    report = run_lintnews(["--format", "json", "seeds"], cwd=root)
    proc = run_lintnews(["--write-baseline", BASELINE, "seeds"], cwd=root)
    return root, proc, json_findings(report.stdout)


@pytest.fixture
def project(recorded, tmp_path) -> Path:
    """A fresh copy of the recorded project for one test to edit."""
    root, _, _ = recorded
    copy = tmp_path / "project"
    shutil.copytree(root, copy)
    return copy


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8")


def lint_with_baseline(root: Path, *args: str):
    proc = run_lintnews(["--format", "json", "--baseline", BASELINE, *args, "seeds"], cwd=root)
    assert "Traceback" not in proc.stderr
    return proc, json_findings(proc.stdout) if proc.stdout else []


def test_write_baseline_records_every_finding_and_reports_none(recorded):
    root, proc, findings = recorded
    assert (proc.returncode, proc.stdout) == (0, "")
    assert BASELINE in proc.stderr and str(len(findings)) in proc.stderr
    data = json.loads((root / BASELINE).read_text(encoding="utf-8"))
    assert data["schema"] == "lintnews/baseline"
    assert len(data["fingerprints"]) == len(findings) > 0
    assert data["fingerprints"] == sorted(data["fingerprints"])  # diffs well in git
    assert not [p.name for p in root.iterdir() if p.name.startswith(".")], "a temporary file was left behind"


def test_writing_the_baseline_again_gives_the_same_file(recorded, project):
    root, _, _ = recorded
    again = run_lintnews(["--write-baseline", "again.json", "seeds"], cwd=project)
    assert again.returncode == 0
    assert (project / "again.json").read_bytes() == (root / BASELINE).read_bytes()


def test_the_baseline_holds_however_the_folder_is_spelled(recorded, project):
    # Written for "seeds", read for "./seeds" or "seeds/": the same files, no new finding.
    for spelling in ("./seeds", "seeds/", "./seeds/"):
        proc = run_lintnews(["--format", "json", "--baseline", BASELINE, spelling], cwd=project)
        assert (proc.returncode, json_findings(proc.stdout)) == (0, []), spelling


def test_another_folder_with_the_same_files_is_not_covered(project):
    # The path is part of a fingerprint: the same article elsewhere is another document.
    shutil.copytree(project / "seeds", project / "elsewhere")
    proc = run_lintnews(["--format", "json", "--baseline", BASELINE, "elsewhere"], cwd=project)
    assert proc.returncode == 1 and json_findings(proc.stdout)


def test_an_unchanged_corpus_reports_nothing(project):
    proc, findings = lint_with_baseline(project)
    assert (proc.returncode, findings) == (0, [])


def test_lines_inserted_above_the_findings_bring_nothing_back(project):
    top = project / TOP
    write_lines(top, ["Editor's note: this article was updated.", "", "A correction was made.", "", *lines_of(top)])
    other = lines_of(project / OTHER)
    other.insert(12, "Additional reporting was contributed by staff.")
    write_lines(project / OTHER, other)
    proc, findings = lint_with_baseline(project)
    assert (proc.returncode, findings) == (0, [])
    # The findings did move: without the baseline they are reported on other lines.
    moved = json_findings(run_lintnews(["--format", "json", "seeds"], cwd=project).stdout)
    assert min(f["line"] for f in moved if f["path"] == TOP) > 4


def _clean_sentence_line(root: Path, rel: str, findings: list[dict]) -> int:
    """The first line of ``rel`` without a finding that ends a sentence with a letter and a full stop."""
    flagged = {f["line"] for f in findings if f["path"] == rel}
    for number, text in enumerate(lines_of(root / rel), start=1):
        if number not in flagged and len(text) > 40 and text.endswith(".") and text[-2].isalpha():
            return number
    raise AssertionError(f"no clean sentence line in {rel}")


def test_a_new_doubled_punctuation_on_another_line_is_reported(recorded, project):
    _, _, findings = recorded
    number = _clean_sentence_line(project, OTHER, findings)
    lines = lines_of(project / OTHER)
    lines[number - 1] += " ."
    write_lines(project / OTHER, lines)
    proc, new = lint_with_baseline(project)
    assert proc.returncode == 1
    column = len(lines[number - 1]) - 2  # the ". ." at the end of the line
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in new] == [(OTHER, number, column, "P101")]
    # The recorded P101 findings elsewhere stay hidden.
    assert sum(f["code"] == "P101" for f in findings) >= 2


@pytest.mark.parametrize("code", ["P101", "W101"])
def test_a_copy_of_a_recorded_finding_is_reported(recorded, project, code):
    _, _, findings = recorded
    original = next(f for f in findings if f["path"] == TOP and f["code"] == code)
    lines = lines_of(project / TOP)
    lines.insert(original["line"], lines[original["line"] - 1])  # the line twice
    write_lines(project / TOP, lines)
    proc, new = lint_with_baseline(project)
    assert proc.returncode == 1
    assert [(f["path"], f["code"], f["column"]) for f in new] == [(TOP, code, original["column"])]
    assert new[0]["line"] in (original["line"], original["line"] + 1)
    text = "\n".join(lines)
    flagged = text[slice(*span_of(text, new[0]["line"], new[0]["column"], new[0]["end_line"], new[0]["end_column"]))]
    original_text = "\n".join(lines_of(recorded[0] / TOP))
    assert flagged == original_text[slice(*span_of(original_text, original["line"], original["column"], original["end_line"], original["end_column"]))]


def test_a_fixed_finding_does_not_make_the_others_reappear(recorded, project):
    _, _, findings = recorded
    first = next(f for f in findings if f["path"] == TOP and f["code"] == "P101")
    lines = lines_of(project / TOP)
    lines[first["line"] - 1] = lines[first["line"] - 1].replace(". ,", ",")
    write_lines(project / TOP, lines)
    proc, new = lint_with_baseline(project)
    assert (proc.returncode, new) == (0, [])


def test_other_formats_filter_through_the_baseline_too(recorded, project):
    _, _, findings = recorded
    number = _clean_sentence_line(project, OTHER, findings)
    lines = lines_of(project / OTHER)
    lines[number - 1] += " ."
    write_lines(project / OTHER, lines)
    sarif = run_lintnews(["--format", "sarif", "--baseline", BASELINE, "seeds"], cwd=project)
    assert [r["ruleId"] for r in json.loads(sarif.stdout)["runs"][0]["results"]] == ["P101"]
    text = run_lintnews(["--baseline", BASELINE, "seeds"], cwd=project)
    assert text.stdout.startswith(f"{OTHER}:{number}:") and text.stdout.count("\n") == 1


@pytest.mark.parametrize(
    "content",
    [
        "this is not JSON {",
        "[1, 2, 3]",
        '{"schema": "something/else", "version": 1, "fingerprints": []}',
        '{"schema": "lintnews/baseline", "version": 99, "fingerprints": []}',
        '{"schema": "lintnews/baseline", "version": 1, "fingerprints": "abc"}',
        '{"schema": "lintnews/baseline", "version": 1, "fingerprints": [1, 2]}',
    ],
    ids=["not-json", "a-list", "another-schema", "another-version", "fingerprints-not-a-list", "fingerprints-not-strings"],
)
def test_a_malformed_baseline_is_an_error_naming_the_file(project, content):
    (project / "broken-baseline.json").write_text(content, encoding="utf-8")
    proc = run_lintnews(["--baseline", "broken-baseline.json", "seeds"], cwd=project)
    assert proc.returncode == 2
    assert "broken-baseline.json" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""  # no findings reported as if nothing were recorded


def test_a_missing_baseline_is_an_error_naming_the_file(project):
    proc = run_lintnews(["--baseline", "no-such-baseline.json", "seeds"], cwd=project)
    assert proc.returncode == 2
    assert "no-such-baseline.json" in proc.stderr and "Traceback" not in proc.stderr


def test_a_baseline_that_cannot_be_written_is_an_error(project):
    proc = run_lintnews(["--write-baseline", "no-such-folder/baseline.json", "seeds"], cwd=project)
    assert proc.returncode == 2
    assert "no-such-folder/baseline.json" in proc.stderr and "Traceback" not in proc.stderr
    assert not (project / "no-such-folder").exists()

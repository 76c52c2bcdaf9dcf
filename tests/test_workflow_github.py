"""GitHub Actions: annotations on stdout, and a job summary when the runner asks for one.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step, and
50 per job.  With ``--format github`` and ``$GITHUB_STEP_SUMMARY`` set, lintnews appends
a Markdown table of the findings per rule to that file, and says how many findings
GitHub will not show as annotations.  Without the variable nothing is written.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import json_findings, run_lintnews

ANNOTATION = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")
ROW = re.compile(r"^\| (?P<code>[A-Z]\d{3}) \| (?P<name>[a-z0-9-]+) \| (?P<count>\d+) \|$")
HIDDEN = re.compile(r"(\d+) findings? (?:are|is) not annotated")
PER_KIND = 10


def annotations(stdout: str) -> list[tuple[str, str]]:
    """``(kind, rule code)`` of every annotation (the code starts the ``title`` property)."""
    out = []
    for line in stdout.splitlines():
        m = ANNOTATION.match(line)
        assert m, f"not a workflow command: {line!r}"
        title = dict(p.split("=", 1) for p in m["props"].split(","))["title"]
        out.append((m["kind"], title.split(" ")[0]))
    return out


def table(summary: str) -> dict[str, int]:
    rows = {}
    for line in summary.splitlines():
        m = ROW.match(line)
        if m:
            assert m["code"] not in rows, f"{m['code']} listed twice"
            rows[m["code"]] = int(m["count"])
    return rows


def hidden_count(summary: str) -> int:
    """The number of findings the summary says GitHub does not annotate (0 if it says none)."""
    said = HIDDEN.findall(summary)
    assert len(said) <= 1, summary
    return int(said[0]) if said else 0


@pytest.fixture(scope="module")
def seeds_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """``--format github seeds/`` with a summary file that an earlier step already wrote to."""
    tmp = tmp_path_factory.mktemp("github")
    summary = tmp / "step_summary.md"
    summary.write_text("## Earlier step\n\nits own text\n", encoding="utf-8")
    proc = run_lintnews(["--format", "github", seeds_dir], cwd=tmp, env={"GITHUB_STEP_SUMMARY": str(summary)})
    reference = run_lintnews(["--format", "json", seeds_dir], cwd=tmp, env={"GITHUB_STEP_SUMMARY": None})
    return proc, summary.read_text(encoding="utf-8"), json_findings(reference.stdout)


def test_the_summary_is_appended_after_what_earlier_steps_wrote(seeds_run):
    proc, summary, _ = seeds_run
    assert proc.returncode == 1, proc.stderr
    assert summary.startswith("## Earlier step\n\nits own text\n")
    assert len(summary) > len("## Earlier step\n\nits own text\n")
    assert "::" not in summary, "annotations belong on stdout, not in the summary"


def test_the_summary_counts_each_rule_as_often_as_it_is_found(seeds_run):
    proc, summary, findings = seeds_run
    expected = Counter(f["code"] for f in findings)
    assert table(summary) == dict(expected)
    assert Counter(code for _, code in annotations(proc.stdout)) == expected
    total = sum(expected.values())
    assert re.search(rf"\b{total} findings in 5 files\b", summary), summary


def test_the_summary_says_how_many_findings_github_does_not_annotate(seeds_run):
    proc, summary, _ = seeds_run
    per_kind = Counter(kind for kind, _ in annotations(proc.stdout))
    expected_hidden = sum(max(0, n - PER_KIND) for n in per_kind.values())
    assert expected_hidden > 0, per_kind  # the seeds exceed the limit for at least one kind
    # Counted per kind: not simply the total beyond 10.
    assert expected_hidden != sum(per_kind.values()) - PER_KIND
    assert hidden_count(summary) == expected_hidden
    assert "10 annotations of each kind per step" in summary


def test_without_the_variable_nothing_is_written(seeds_run, seeds_dir, tmp_path):
    proc, _, _ = seeds_run
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    plain = run_lintnews(["--format", "github", seeds_dir], cwd=cwd, env={"GITHUB_STEP_SUMMARY": None})
    assert plain.returncode == 1
    assert plain.stdout == proc.stdout  # the annotations do not depend on the summary
    assert list(cwd.iterdir()) == []
    assert "### lintnews" not in plain.stdout + plain.stderr


def test_other_formats_do_not_write_a_summary(seeds_dir, tmp_path):
    summary = tmp_path / "summary.md"
    proc = run_lintnews(["--format", "text", seeds_dir], cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    assert not summary.exists()


@pytest.mark.parametrize("count, hidden", [(PER_KIND, 0), (PER_KIND + 1, 1)])
def test_the_limit_is_ten_of_a_kind(tmp_path, count, hidden):
    article = "".join(f"Item {i} was discussed at length. .\n" for i in range(count))
    (tmp_path / "items.txt").write_text(article, encoding="utf-8")
    summary = tmp_path / "summary.md"
    proc = run_lintnews(["--format", "github", "items.txt"], cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    assert [code for _, code in annotations(proc.stdout)] == ["P101"] * count
    text = summary.read_text(encoding="utf-8")
    assert table(text) == {"P101": count}
    assert hidden_count(text) == hidden


def test_a_clean_run_writes_a_summary_without_rows(tmp_path):
    (tmp_path / "clean.txt").write_text("The minister spoke to reporters on Monday.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    proc = run_lintnews(["--format", "github", "clean.txt"], cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert (proc.returncode, proc.stdout) == (0, "")
    text = summary.read_text(encoding="utf-8")
    assert "0 findings in 1 file" in text
    assert table(text) == {}
    assert hidden_count(text) == 0


def test_an_unwritable_summary_is_reported_and_the_annotations_still_printed(seeds_run, seeds_dir, tmp_path):
    proc, _, _ = seeds_run
    not_a_file = tmp_path / "summary-dir"
    not_a_file.mkdir()
    bad = run_lintnews(["--format", "github", seeds_dir], cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(not_a_file)})
    assert bad.stdout == proc.stdout
    assert "Traceback" not in bad.stderr
    assert str(not_a_file) in bad.stderr
    assert bad.returncode == 1  # the findings decide the exit code; the summary is extra

"""The sample corpus in seeds/, scored against seeds/seeds-expected.yaml.

A finding *covers* an expected entry when it is in the same file (by basename), the
entry's line lies within ``[line, end_line]`` of the finding, and the column spans
overlap.  The entry's span is ``[start, start + len(text))`` where ``start`` is the
1-based column of ``text`` on that line; the finding's span is ``[column, end_column)``,
and for a finding over several lines its span on a line other than its first starts at
column 1 and on a line other than its last runs to the end of the line.

- every ``must`` entry is covered;
- no ``must_not`` entry is covered;
- at least 17 of the 20 ``should`` entries are covered.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from lintnews.api import lint_paths
from lintnews.core.finding import Finding

SHOULD_AT_LEAST = 17


def entry_span(seeds_dir: Path, entry: dict) -> tuple[int, int]:
    """The 1-based, end-exclusive column span of the entry's text on its line."""
    lines = (seeds_dir / entry["file"]).read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    line = lines[entry["line"] - 1]
    index = line.find(entry["text"])
    assert index >= 0, f"seeds-expected.yaml: {entry['text']!r} is not on {entry['file']}:{entry['line']}"
    return index + 1, index + 1 + len(entry["text"])


def finding_span_on(finding: Finding, line: int) -> tuple[float, float]:
    start = finding.column if line == finding.line else 1
    end = finding.end_column if line == finding.end_line else math.inf
    return start, end


def covers(finding: Finding, entry: dict, span: tuple[int, int]) -> bool:
    if Path(finding.path).name != entry["file"]:
        return False
    if not finding.line <= entry["line"] <= finding.end_line:
        return False
    f_start, f_end = finding_span_on(finding, entry["line"])
    e_start, e_end = span
    return f_start < e_end and e_start < f_end


def covering(findings: list[Finding], entry: dict, seeds_dir: Path) -> list[Finding]:
    span = entry_span(seeds_dir, entry)
    return [f for f in findings if covers(f, entry, span)]


def describe(entry: dict) -> str:
    return f"{entry['file']}:{entry['line']} {entry['text']!r} ({entry.get('category', '')})"


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict:
    with open(seeds_dir / "seeds-expected.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert set(data) >= {"must", "should", "must_not"}
    return data


@pytest.fixture(scope="module")
def findings(seeds_dir: Path) -> list[Finding]:
    result = lint_paths([str(seeds_dir)])
    assert result.errors == []
    assert result.files == 5
    return result.findings


# -- the coverage rule itself ------------------------------------------------------------


def _finding(line, column, end_line, end_column, path="x/a.txt") -> Finding:
    return Finding(path, line, column, end_line, end_column, "X101", "x", "warning", "m")


@pytest.mark.parametrize(
    "finding, covered",
    [
        (_finding(2, 5, 2, 10), True),  # same span
        (_finding(2, 9, 2, 12), True),  # overlaps the last character
        (_finding(2, 10, 2, 12), False),  # starts just past the end (end is exclusive)
        (_finding(2, 1, 2, 5), False),  # ends just before the start
        (_finding(2, 1, 2, 6), True),
        (_finding(1, 30, 2, 6), True),  # multi-line, ends on the entry line
        (_finding(1, 30, 2, 5), False),
        (_finding(2, 9, 3, 2), True),  # multi-line, starts on the entry line
        (_finding(1, 99, 3, 1), True),  # the entry line is in the middle
        (_finding(3, 5, 3, 10), False),  # another line
        (_finding(2, 5, 2, 10, path="y/b.txt"), False),  # another file
    ],
)
def test_coverage_rule(finding, covered):
    entry = {"file": "a.txt", "line": 2}
    assert covers(finding, entry, (5, 10)) is covered


# -- the seeds ---------------------------------------------------------------------------


def test_every_must_is_covered(findings, expected, seeds_dir):
    missed = [describe(e) for e in expected["must"] if not covering(findings, e, seeds_dir)]
    assert not missed, "must entries not reported:\n  " + "\n  ".join(missed)


def test_no_must_not_is_covered(findings, expected, seeds_dir):
    false_positives = []
    for entry in expected["must_not"]:
        for f in covering(findings, entry, seeds_dir):
            false_positives.append(f"{describe(entry)} <- {f.code} {f.line}:{f.column}-{f.end_line}:{f.end_column} {f.message}")
    assert not false_positives, "must_not entries reported:\n  " + "\n  ".join(false_positives)


def test_most_shoulds_are_covered(findings, expected, seeds_dir):
    should = expected["should"]
    assert len(should) == 20
    missed = [describe(e) for e in should if not covering(findings, e, seeds_dir)]
    covered = len(should) - len(missed)
    assert covered >= SHOULD_AT_LEAST, (
        f"{covered}/{len(should)} should entries covered (need {SHOULD_AT_LEAST}); missed:\n  " + "\n  ".join(missed)
    )


def test_the_api_and_its_order_are_stable(findings, seeds_dir):
    again = lint_paths([str(seeds_dir)]).findings
    assert again == findings
    assert findings == sorted(findings, key=Finding.sort_key)

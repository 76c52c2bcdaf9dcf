"""SARIF 2.1.0 output (``--format sarif``) for code-scanning upload.

The log validates against the official SARIF 2.1.0 JSON schema (shipped as
``tests/sarif-schema-2.1.0.json``, Draft 7, format checks off); the driver lists every
rule a result names, with its documentation; each result's region is the finding's
place in characters, exactly as the JSON format gives it (``columnKind:
unicodeCodePoints``, ``endColumn`` exclusive); ``partialFingerprints`` stay the same when
lines are inserted above a finding, so code scanning keeps tracking an alert as the
article is edited.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from conftest import copy_seeds, json_findings, run_lintnews, span_of
from lintnews.rules.registry import all_rules

SCHEMA_PATH = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "lintnewsFingerprint/v1"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("sarif-schema-2.1.0.json")
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)  # no format_checker: formats are not asserted


def errors_of(validator: Draft7Validator, log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


@pytest.fixture(scope="module")
def seeds_reports(tmp_path_factory: pytest.TempPathFactory):
    """SARIF and JSON of a copy of the seeds, run from the copy (relative paths)."""
    root = copy_seeds(tmp_path_factory.mktemp("sarif"))
    sarif = run_lintnews(["--format", "sarif", "seeds"], cwd=root)
    assert sarif.returncode == 1, sarif.stderr
    report = run_lintnews(["--format", "json", "seeds"], cwd=root)
    return root, json.loads(sarif.stdout), json_findings(report.stdout)


def results_of(log: dict) -> list[dict]:
    (run,) = log["runs"]
    return run["results"]


def fingerprints_by_place(log: dict) -> dict[tuple[str, int, int, str], str]:
    """``(uri, startLine, startColumn, ruleId)`` -> the partial fingerprint."""
    out = {}
    for r in results_of(log):
        region = r["locations"][0]["physicalLocation"]["region"]
        key = (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], region["startLine"], region["startColumn"], r["ruleId"])
        assert key not in out, key
        out[key] = r["partialFingerprints"][FINGERPRINT_KEY]
    return out


# -- the schema -------------------------------------------------------------------------


def test_the_seeds_log_validates_against_the_sarif_schema(validator, seeds_reports):
    _, log, findings = seeds_reports
    assert log["version"] == "2.1.0"
    assert errors_of(validator, log) == []
    assert len(results_of(log)) == len(findings) > 0


def test_the_validator_is_not_vacuous(validator, seeds_reports):
    _, log, _ = seeds_reports
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    del broken["version"]
    assert len(errors_of(validator, broken)) == 2


def test_a_clean_run_is_a_valid_log_without_results(validator, tmp_path):
    (tmp_path / "clean.txt").write_text("The minister spoke to reporters on Monday.\n", encoding="utf-8")
    proc = run_lintnews(["--format", "sarif", "clean.txt"], cwd=tmp_path)
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    assert errors_of(validator, log) == []
    assert results_of(log) == []


def test_a_log_with_an_input_error_validates_and_says_the_run_failed(validator, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    proc = run_lintnews(["--format", "sarif", "bad.txt"], cwd=tmp_path)
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    assert errors_of(validator, log) == []
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in invocation["toolExecutionNotifications"]] == ["bad.txt"]


# -- rules ------------------------------------------------------------------------------


def test_every_rule_id_is_described_in_the_driver(seeds_reports):
    _, log, _ = seeds_reports
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "lintnews"
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for result in results_of(log):
        assert result["ruleId"] in ids
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_the_driver_rules_carry_the_rules_documentation(seeds_reports):
    _, log, _ = seeds_reports
    known = {r.code: r for r in all_rules()}
    for entry in log["runs"][0]["tool"]["driver"]["rules"]:
        rule = known[entry["id"]]
        doc = rule.describe()
        assert entry["name"] == rule.name
        assert entry["fullDescription"]["text"] == doc
        assert "Example" in doc and entry["help"]["text"] == doc
        assert entry["shortDescription"]["text"] and entry["shortDescription"]["text"] in " ".join(doc.split())


# -- regions ----------------------------------------------------------------------------


def test_regions_equal_the_json_lines_and_columns(seeds_reports):
    _, log, findings = seeds_reports
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    results = results_of(log)
    assert len(results) == len(findings)
    for result, f in zip(results, findings):
        location = result["locations"][0]["physicalLocation"]
        assert result["ruleId"] == f["code"]
        assert location["artifactLocation"]["uri"] == f["path"]
        assert location["region"] == {
            "startLine": f["line"],
            "startColumn": f["column"],
            "endLine": f["end_line"],
            "endColumn": f["end_column"],
        }
        related = [
            (r["physicalLocation"]["artifactLocation"]["uri"], r["physicalLocation"]["region"])
            for r in result.get("relatedLocations", [])
        ]
        assert related == [
            (r["path"], {"startLine": r["line"], "startColumn": r["column"], "endLine": r["end_line"], "endColumn": r["end_column"]})
            for r in f["related"]
        ]


def test_columns_count_code_points_outside_the_basic_plane(tmp_path):
    # Each emoji is one code point (two UTF-16 units, four UTF-8 bytes).
    text = "\U0001F600\U0001F4F0 Café owners said the talks were a difficult issue. .\n"
    (tmp_path / "emoji.txt").write_text(text, encoding="utf-8")
    proc = run_lintnews(["--format", "sarif", "--select", "P101", "emoji.txt"], cwd=tmp_path)
    (result,) = results_of(json.loads(proc.stdout))
    region = result["locations"][0]["physicalLocation"]["region"]
    start = text.index(". .")
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, start + 1, start + 4)
    assert text[slice(*span_of(text, 1, region["startColumn"], 1, region["endColumn"]))] == ". ."


# -- fingerprints -----------------------------------------------------------------------


def test_every_result_has_a_distinct_partial_fingerprint(seeds_reports):
    _, log, _ = seeds_reports
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in results_of(log)]
    assert all(prints)
    assert len(set(prints)) == len(prints)


def test_fingerprints_survive_lines_inserted_above_the_findings(seeds_reports, tmp_path):
    root, log, _ = seeds_reports
    edited = tmp_path / "edited"
    shutil.copytree(root, edited)
    # Three lines at the top of one article, one line in the middle of another (above
    # some of its findings, below others).
    top = edited / "seeds" / "002_38a747c9cd03c8b7.txt"
    top.write_text("Editor's note: updated.\n\nThis article was revised.\n" + top.read_text(encoding="utf-8"), encoding="utf-8")
    middle = edited / "seeds" / "004_9ced0776c13fb033.txt"
    lines = middle.read_text(encoding="utf-8").split("\n")
    lines.insert(10, "Additional reporting was contributed by staff.")
    middle.write_text("\n".join(lines), encoding="utf-8")

    after = run_lintnews(["--format", "sarif", "seeds"], cwd=edited)
    shift = {"seeds/002_38a747c9cd03c8b7.txt": lambda n: n + 3, "seeds/004_9ced0776c13fb033.txt": lambda n: n + 1 if n > 10 else n}
    before = fingerprints_by_place(log)
    moved = {(uri, shift.get(uri, lambda n: n)(line), col, code): fp for (uri, line, col, code), fp in before.items()}
    assert fingerprints_by_place(json.loads(after.stdout)) == moved
    # Lines really moved: the edited files' findings are on other lines now.
    assert set(moved) != set(before)


def test_a_new_finding_of_the_same_rule_gets_a_new_fingerprint(seeds_reports, tmp_path):
    root, log, _ = seeds_reports
    edited = tmp_path / "edited"
    shutil.copytree(root, edited)
    article = edited / "seeds" / "004_9ced0776c13fb033.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nThe talks were a difficult issue. .\n", encoding="utf-8")
    after = fingerprints_by_place(json.loads(run_lintnews(["--format", "sarif", "seeds"], cwd=edited).stdout))
    before = fingerprints_by_place(log)
    new = {k: v for k, v in after.items() if k not in before}
    assert [k[3] for k in new] == ["P101"]
    assert set(new.values()).isdisjoint(before.values())
    assert {k: v for k, v in after.items() if k in before} == before

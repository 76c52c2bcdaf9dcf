"""The RE2 supersets of the built-in rules' regexes are read from
``lintnews/data/supersets.json`` instead of being translated at every start (issue 19),
under the Python version and translation code they were made with only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.analyses.matching import superset

ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> dict:
    return json.loads(superset.TABLE.read_text(encoding="utf-8"))


def test_the_table_is_what_the_built_in_rules_ask_for_now():
    # Fails after a rule's regex or the translation changed: run training/build_supersets.py.
    shipped = _shipped()
    if shipped["python"] != "%d.%d" % sys.version_info[:2]:
        pytest.skip(f"the table was made under Python {shipped['python']}: not used here")
    done = subprocess.run(
        [sys.executable, str(ROOT / "training" / "build_supersets.py"), "--print"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    fresh = json.loads(done.stdout)
    assert fresh["translator"] == shipped["translator"], "run: python training/build_supersets.py"
    assert fresh["entries"] == shipped["entries"], "run: python training/build_supersets.py"
    assert len(shipped["entries"]) >= 50


def test_a_table_of_other_code_or_another_python_is_not_used(monkeypatch):
    superset._table.cache_clear()
    try:
        assert superset._table()  # the shipped one, current
        monkeypatch.setattr(superset, "translator_checksum", lambda: 1)
        superset._table.cache_clear()
        assert superset._table() == {}
        monkeypatch.undo()
        monkeypatch.setattr(superset.sys, "version_info", (2, 7, 0))
        superset._table.cache_clear()
        assert superset._table() == {}
    finally:
        monkeypatch.undo()
        superset._table.cache_clear()


def test_a_recorded_translation_is_the_one_made_now():
    entries = _shipped()["entries"]
    for key, value in entries[:: max(1, len(entries) // 12)]:
        assert superset.translate(tuple(key)) == value
    assert superset.re2_superset(r"(?<=\d)zz\d", 0) == superset.translate(("superset", r"(?<=\d)zz\d", 0, False))

"""The built-in YAML files are read from ``lintnews/data/rules-parsed.json`` when their
text is the one recorded there (start-up, issue 19: PyYAML's import and parse were about
7% of a one-file run), and parsed by PyYAML otherwise."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from lintnews.core import data

ROOT = Path(__file__).resolve().parent.parent


def _build():
    spec = importlib.util.spec_from_file_location("build_parsed_rules", ROOT / "training" / "build_parsed_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_table_is_that_of_the_current_files():
    # Fails after a YAML file in rules/ was edited: run training/build_parsed_rules.py.
    table = json.loads(data.PARSED_RULES.read_text(encoding="utf-8"))
    assert table["format"] == 1
    assert table["files"] == _build().entries(), "run: python training/build_parsed_rules.py"
    assert {"M101-tortured-phrases.yaml", "titles.yaml", "W101-boilerplate.yaml"} <= set(table["files"])


def test_a_recorded_file_reads_as_pyyaml_parses_it():
    same = _build().same
    for name in json.loads(data.PARSED_RULES.read_text(encoding="utf-8"))["files"]:
        path = data.rules_dir() / name
        assert data._parsed(path, path.read_text(encoding="utf-8")) is not None, name
        assert same(data.read_yaml(path), data.parse_yaml(path, path.read_text(encoding="utf-8"))), name


def test_a_file_changed_since_is_parsed_by_pyyaml(tmp_path, monkeypatch):
    for name in ("W104-site-credit.yaml", "spelling.yaml"):
        shutil.copy(data.rules_dir() / name, tmp_path / name)
    monkeypatch.setattr(data, "rules_dir", lambda: tmp_path)
    kept = tmp_path / "W104-site-credit.yaml"
    assert data._parsed(kept, kept.read_text(encoding="utf-8")) is not None
    changed = tmp_path / "spelling.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nadded_by_a_test: 1\n", encoding="utf-8")
    assert data._parsed(changed, changed.read_text(encoding="utf-8")) is None
    assert data.read_yaml(changed)["added_by_a_test"] == 1  # type: ignore[index]
    # A file of a built-in name outside the built-in folder is the user's: always parsed.
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    shutil.copy(kept, elsewhere / kept.name)
    assert data._parsed(elsewhere / kept.name, kept.read_text(encoding="utf-8")) is None


def test_each_call_gets_its_own_objects():
    first = data.read_yaml(data.rules_dir() / "titles.yaml")
    second = data.read_yaml(data.rules_dir() / "titles.yaml")
    assert first == second and first is not second

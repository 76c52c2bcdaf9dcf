"""The built-in regexes are built from code compiled ahead (issue 19): the list
``lintnews/data/regexes.json`` is what ``training/build_compiled_regexes.py`` records now,
the install compiles it (``hatch_build.py`` -> ``lintnews/data/compiled-regexes.json``),
each regex built from the table is the one ``re.compile`` makes, the table is read only
under the engine it was made for, and a one-file run compiles none of lintnews's regexes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.core import compiled_regexes
from lintnews.core.compiled_regexes import REGEX_LIST, TABLE, engine, preload, write_table

try:
    from re import _compiler
except ImportError:  # pragma: no cover - Python 3.9, 3.10
    import sre_compile as _compiler

ROOT = Path(__file__).resolve().parent.parent


def _listed() -> list[list]:
    return json.loads(REGEX_LIST.read_text(encoding="utf-8"))["entries"]


def _installed() -> dict:
    """The table the install made; missing is a failure under CI (the README's install
    makes it), a skip elsewhere (a checkout not installed since the list changed)."""
    if not TABLE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{TABLE.name} is missing: the install did not run hatch_build.py")
        pytest.skip(f"{TABLE.name} not made yet: run pip install -e .")
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    if data["engine"] != engine():
        pytest.skip(f"the table was made for {data['engine']}: not read here")
    return data


@pytest.fixture
def compiled(tmp_path) -> Path:
    """The listed regexes compiled by this Python, as the install compiles them."""
    path = tmp_path / "compiled-regexes.json"
    write_table(path)
    return path


def test_the_list_is_what_the_build_records_now():
    # Fails after a built-in regex changed: run python training/build_compiled_regexes.py.
    done = subprocess.run(
        [sys.executable, str(ROOT / "training" / "build_compiled_regexes.py"), "--print"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    fresh = json.loads(done.stdout)["entries"]
    changed = {tuple(e) for e in fresh} ^ {tuple(e) for e in _listed()}
    assert not changed, f"{len(changed)} regexes differ: run python training/build_compiled_regexes.py"
    assert len(fresh) >= 150


def test_the_installed_table_compiles_the_list():
    # Fails after the list changed until lintnews is installed again (pip install -e .).
    assert [[p, f] for p, f, *_ in _installed()["entries"]] == _listed()


def test_every_regex_of_the_table_is_the_one_re_compiles(compiled, monkeypatch):
    entries = json.loads(compiled.read_text(encoding="utf-8"))["entries"]
    cache: dict = {}
    monkeypatch.setattr(re, "_cache", cache)
    assert preload(compiled) == len(entries) == len(_listed())
    for pattern, flags, *_ in entries:
        ahead = cache[str, pattern, flags]
        fresh = _compiler.compile(pattern, flags)
        assert ahead is not fresh and ahead == fresh, pattern  # equal: flags, pattern and code
        assert (ahead.groups, ahead.groupindex, ahead.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    # What re.compile returns for them is then the regex built ahead.
    pattern, flags, *_ = entries[0]
    assert re.compile(pattern, flags) is cache[str, pattern, flags]


def test_the_table_is_not_read_for_another_engine_nor_when_turned_off(compiled, tmp_path, monkeypatch):
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setenv("LINTNEWS_COMPILED_REGEXES", "0")
    assert preload(compiled) == 0 and re._cache == {}
    monkeypatch.delenv("LINTNEWS_COMPILED_REGEXES")
    monkeypatch.setattr(compiled_regexes, "engine", lambda: {**engine(), "magic": 1})
    assert preload(compiled) == 0 and re._cache == {}
    monkeypatch.undo()
    monkeypatch.setattr(re, "_cache", {})
    assert preload(tmp_path / "missing.json") == 0
    data = json.loads(compiled.read_text(encoding="utf-8"))
    data["entries"][0][3] = "AAAAAAAAAAA="  # code the engine refuses: no regex from it
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    assert preload(tmp_path / "bad.json") == 0
    # A cache that is almost full takes what room it has.
    monkeypatch.setattr(re, "_cache", {("x", i, 0): None for i in range(re._MAXCACHE - 3)})
    assert preload(compiled) == 3 and len(re._cache) == re._MAXCACHE


PROBE = """
import os, re, sys
try:
    from re import _compiler
except ImportError:
    import sre_compile as _compiler
compile_, compiled, engine = _compiler.compile, [], os.path.dirname(re.__file__)
def recording(p, flags=0):
    frame = sys._getframe(1)
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == engine:
        frame = frame.f_back
    if frame is not None and isinstance(p, str) and "lintnews" in frame.f_code.co_filename.replace(os.sep, "/").split("/"):
        compiled.append(p[:40])
    return compile_(p, flags)
_compiler.compile = recording
from lintnews import cli
try:
    cli.main(["one.txt"])
except SystemExit:
    pass
print(compiled)
"""


def test_a_one_file_run_compiles_none_of_lintnewss_regexes(tmp_path):
    _installed()
    (tmp_path / "one.txt").write_text("The minister spoke to reporters on Monday.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    off = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True,
        env={**os.environ, "LINTNEWS_COMPILED_REGEXES": "0"},
    )
    assert len(eval(off.stdout.strip().splitlines()[-1])) > 100  # the probe sees them otherwise

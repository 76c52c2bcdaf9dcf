"""The built-in regexes are built from the code compiled ahead in
``lintnews/data/compiled-regexes.json`` (issue 19): each is the regex ``re.compile``
makes, the table is what ``training/build_compiled_regexes.py`` makes now, it is read only
under the engine it was made for, and a one-file run compiles none of the regexes of lintnews's own code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.core import compiled_regexes
from lintnews.core.compiled_regexes import TABLE, engine, preload

try:
    from re import _compiler
except ImportError:  # pragma: no cover - Python 3.9, 3.10
    import sre_compile as _compiler

ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> dict:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    if data["engine"] != engine():
        pytest.skip(f"the table was made for {data['engine']}: not read here")
    return data


def test_the_table_is_what_the_build_makes_now():
    # Fails after a built-in regex changed: run python training/build_compiled_regexes.py.
    shipped = _shipped()
    done = subprocess.run(
        [sys.executable, str(ROOT / "training" / "build_compiled_regexes.py"), "--print"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    fresh = json.loads(done.stdout)
    assert fresh["engine"] == shipped["engine"]
    missing = {(p, f) for p, f, *_ in fresh["entries"]} ^ {(p, f) for p, f, *_ in shipped["entries"]}
    assert not missing, f"{len(missing)} regexes differ: run python training/build_compiled_regexes.py"
    assert fresh["entries"] == shipped["entries"]
    assert len(shipped["entries"]) >= 150


def test_every_regex_of_the_table_is_the_one_re_compiles(monkeypatch):
    entries = _shipped()["entries"]
    cache: dict = {}
    monkeypatch.setattr(re, "_cache", cache)
    assert preload() == len(entries)
    for pattern, flags, *_ in entries:
        ahead = cache[str, pattern, flags]
        fresh = _compiler.compile(pattern, flags)
        assert ahead is not fresh and ahead == fresh, pattern  # equal: flags, pattern and code
        assert (ahead.groups, ahead.groupindex, ahead.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    # What re.compile returns for them is then the regex built ahead.
    pattern, flags, *_ = entries[0]
    assert re.compile(pattern, flags) is cache[str, pattern, flags]


def test_the_table_is_not_read_for_another_engine_nor_when_turned_off(tmp_path, monkeypatch):
    _shipped()
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setenv("LINTNEWS_COMPILED_REGEXES", "0")
    assert preload() == 0 and re._cache == {}
    monkeypatch.delenv("LINTNEWS_COMPILED_REGEXES")
    monkeypatch.setattr(compiled_regexes, "engine", lambda: {**engine(), "magic": 1})
    assert preload() == 0 and re._cache == {}
    monkeypatch.undo()
    monkeypatch.setattr(re, "_cache", {})
    assert preload(tmp_path / "missing.json") == 0
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    data["entries"][0][3] = "AAAAAAAAAAA="  # code the engine refuses: no regex from it
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    assert preload(tmp_path / "bad.json") == 0
    # A cache that is almost full takes what room it has.
    monkeypatch.setattr(re, "_cache", {("x", i, 0): None for i in range(re._MAXCACHE - 3)})
    assert preload() == 3 and len(re._cache) == re._MAXCACHE


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
    _shipped()
    (tmp_path / "one.txt").write_text("The minister spoke to reporters on Monday.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    off = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True,
        env={**__import__("os").environ, "LINTNEWS_COMPILED_REGEXES": "0"},
    )
    assert len(eval(off.stdout.strip().splitlines()[-1])) > 100  # the probe sees them otherwise

"""No data lost under faults: a full disk, a read-only file system, an interrupt, a bad cache.

``--fix`` writes each file atomically (a temporary file in the same folder, synced, then
renamed over the original), so whatever goes wrong, every file is either exactly as it
was or exactly as the fixes make it, and no temporary file is left behind.  The
corpus index (``cache-dir``) is an optimisation only: an entry that is corrupt, forged or
from another version is detected, the index is reported in one line and rebuilt, and a
run with it prints what a run without it prints.

(Failing renames, immutable files and the corrupt-entry basics are in
``test_workflow_fix.py`` and ``test_workflow_cache.py``; these are the remaining faults.)
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import lintnews.run.atomic
import lintnews.run.cache
import lintnews.run.index
from conftest import cli_env, lintnews_executable, run_lintnews
from lintnews.api import configured_rules, lint_paths
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.cli import main as cli_main
from lintnews.run.config import Config
from lintnews.run.index import Index

# Three safe fixes (P102 twice, W101) and one finding that is never fixed (S101).
DIRTY = "The minister mentionned the plan , he said .\nSource link\n"
FIXED = "The minister mentionned the plan, he said.\n"


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".lintnews-*"))


def fix_in_process(folder: Path, args: list[str], monkeypatch) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("LINTNEWS_DEBUG", raising=False)
    result = CliRunner().invoke(cli_main, ["--fix", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def three_files(tmp_path) -> Path:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DIRTY)
    return tmp_path


def test_the_fixes_used_below(three_files, monkeypatch):
    """Without a fault every file gets the same fixed text: the reference for the cases below."""
    code, stdout, stderr = fix_in_process(three_files, ["a.txt", "b.txt", "c.txt"], monkeypatch)
    assert code == 1  # S101 remains
    assert stderr == "lintnews: fixed 9 problems in 3 files\n"
    assert [(three_files / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED] * 3


# -- a full disk ----------------------------------------------------------------------------


def _enospc_on_sync(monkeypatch, fail_on: int = 1) -> list[int]:
    """Make the ``fail_on``-th ``fsync`` of a temporary file fail as a full disk does."""
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == fail_on:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(lintnews.run.atomic.os, "fsync", fsync)
    return calls


def test_a_full_disk_leaves_the_file_intact_and_no_temporary_file(three_files, monkeypatch):
    _enospc_on_sync(monkeypatch)
    code, stdout, stderr = fix_in_process(three_files, ["a.txt"], monkeypatch)
    assert code == 2
    assert "No space left on device" in stderr and "Traceback" not in stderr
    assert (three_files / "a.txt").read_text() == DIRTY
    assert temp_files(three_files) == []


def test_a_full_disk_midway_keeps_every_file_whole(three_files, monkeypatch):
    """The second write fails: the first file is fixed, the others are untouched."""
    _enospc_on_sync(monkeypatch, fail_on=2)
    code, _, stderr = fix_in_process(three_files, ["a.txt", "b.txt", "c.txt"], monkeypatch)
    assert code == 2
    assert [(three_files / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, DIRTY, DIRTY]
    assert temp_files(three_files) == []
    # Run again once there is room: it finishes the job.
    monkeypatch.undo()
    code, _, stderr = fix_in_process(three_files, ["a.txt", "b.txt", "c.txt"], monkeypatch)
    assert (code, stderr) == (1, "lintnews: fixed 6 problems in 2 files\n")
    assert [(three_files / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED] * 3


def test_a_full_disk_error_names_the_file_that_was_not_fixed(three_files, monkeypatch):
    _enospc_on_sync(monkeypatch)
    code, _, stderr = fix_in_process(three_files, ["a.txt"], monkeypatch)
    assert code == 2
    assert stderr.splitlines() == ["lintnews: error: a.txt: cannot write the fixes: No space left on device (the file is unchanged)"]


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """A real 1 MiB file system (tmpfs), unmounted afterwards."""
    where = tmp_path / "disk"
    _mount_tmpfs(where, "1m")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_really_full_disk_leaves_the_file_intact(small_disk):
    article = small_disk / "article.txt"
    original = (DIRTY * 9000).encode()  # about 500 KB: the fixed copy does not fit beside it
    article.write_bytes(original)
    filler = small_disk / "filler.bin"
    with open(filler, "wb") as fh:  # take all but about 100 KB
        free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
        fh.write(b"\0" * max(0, free - 100_000))
    proc = run_lintnews(["--fix", "--select", "P102,W101", "article.txt"], cwd=small_disk)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "No space left on device" in proc.stderr and "Traceback" not in proc.stderr
    assert article.read_bytes() == original
    assert temp_files(small_disk) == []
    filler.unlink()  # room again: the same command now succeeds
    proc = run_lintnews(["--fix", "--select", "P102,W101", "article.txt"], cwd=small_disk)
    assert proc.returncode == 0, proc.stderr
    assert article.read_text() == FIXED * 9000


def test_a_read_only_file_system_leaves_the_file_intact(tmp_path):
    where = tmp_path / "ro"
    _mount_tmpfs(where, "1m")
    try:
        (where / "a.txt").write_text(DIRTY)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        proc = run_lintnews(["--fix", "a.txt"], cwd=where)
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        assert proc.stderr.splitlines() == ["lintnews: error: a.txt: read-only, not fixed (nothing was changed in it)"]
        assert (where / "a.txt").read_text() == DIRTY
        assert temp_files(where) == []
        # --diff still shows what --fix would do, and writes nothing.
        proc = run_lintnews(["--diff", "a.txt"], cwd=where)
        assert proc.returncode == 1 and "+The minister mentionned the plan, he said." in proc.stdout
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


# -- an interrupt ---------------------------------------------------------------------------


def test_an_interrupt_during_a_write_keeps_the_file_and_exits_130(three_files, monkeypatch):
    """Ctrl-C while the second file is being written: it stays as it was."""
    calls = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_fsync(fd)

    monkeypatch.setattr(lintnews.run.atomic.os, "fsync", fsync)
    code, _, stderr = fix_in_process(three_files, ["a.txt", "b.txt", "c.txt"], monkeypatch)
    assert code == 130
    assert stderr.endswith("lintnews: interrupted\n")
    assert [(three_files / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, DIRTY, DIRTY]
    assert temp_files(three_files) == []


def test_an_interrupt_just_after_the_temporary_file_is_made_leaves_no_temporary_file(three_files, monkeypatch):
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        real_mkstemp(*args, **kwargs)
        raise KeyboardInterrupt  # the signal lands as mkstemp returns

    monkeypatch.setattr(lintnews.run.atomic.tempfile, "mkstemp", mkstemp)
    code, _, _ = fix_in_process(three_files, ["a.txt"], monkeypatch)
    assert code == 130
    assert (three_files / "a.txt").read_text() == DIRTY
    assert temp_files(three_files) == []


def _story(i: int) -> str:
    return f"Story {i} , said the editor .\nThe talks were a difficult issue. .\nSource link\n"


def _fixed_story(i: int) -> str:
    return f"Story {i}, said the editor.\nThe talks were a difficult issue.\n"


#: Run inside the lintnews process (as sitecustomize): after the fix of the first file is
#: renamed into place, say so in a marker file and wait; the test interrupts it there.
_PAUSE_AFTER_FIRST_WRITE = """
import os, signal, time
# Python ignores SIGINT for good when it starts with SIGINT ignored (inherited from a
# parent that ignores it, as some test runners' children do): as a shell would, hand it
# Python's own handler, so the interrupt is the one a user's Ctrl-C sends.
signal.signal(signal.SIGINT, signal.default_int_handler)
_replace = os.replace
def replace(src, dst, *args, **kwargs):
    _replace(src, dst, *args, **kwargs)
    if os.fspath(dst).endswith("0000.txt"):
        with open(os.environ["LINTNEWS_TEST_MARKER"], "w") as marker:
            marker.write("written")
        while True:
            time.sleep(0.05)
os.replace = replace
"""


def test_a_real_sigint_during_fix_leaves_each_file_old_or_new(tmp_path):
    """SIGINT to a running ``lintnews --fix`` over 200 files, just after it has written the
    first: the process waits there (a test hook), so the interrupt lands at this point on
    every machine, however fast (it once fixed all the files before a timed interrupt came).

    Observed: exit 130 with 'lintnews: interrupted'; the file before the interrupt is
    fixed, the rest untouched, none half-written, no temporary file left.
    """
    folder = tmp_path / "news"
    folder.mkdir()
    n = 200
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(_story(i))
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_PAUSE_AFTER_FIRST_WRITE)
    marker = tmp_path / "written"
    env = cli_env({"PYTHONPATH": str(hook), "LINTNEWS_TEST_MARKER": str(marker)})
    proc = subprocess.Popen(
        [lintnews_executable(), "--fix", "--select", "P101,P102,W101", "news"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # a hang guard, not a speed assertion
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert marker.exists() and proc.poll() is None, "the hook did not stop lintnews after the first write"
        proc.send_signal(signal.SIGINT)
        stderr = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr
    assert stderr.endswith("lintnews: interrupted\n") and "Traceback" not in stderr
    states = []
    for i in range(n):
        text = (folder / f"{i:04d}.txt").read_text()
        assert text in (_story(i), _fixed_story(i)), f"{i:04d}.txt is half-fixed: {text!r}"
        states.append(text == _fixed_story(i))
    assert states == [True] + [False] * (n - 1), "the first file fixed, the others untouched"
    # No temporary file is left, even when the interrupt lands right after one is made
    # (see test_an_interrupt_just_after_the_temporary_file_is_made_leaves_no_temporary_file).
    assert temp_files(folder) == []


# -- the cache ------------------------------------------------------------------------------

CORPUS = {
    "a.txt": DIRTY,
    "b.txt": "Interior Ministry spokesman Tariq Arian spoke on Saturday.\n",
    "c.txt": "Tariq Erian said the attack had killed eight people.\n",
}


@pytest.fixture
def cache_project(tmp_path, monkeypatch):
    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(cache_dir: str = "cache") -> tuple[DocumentCache, list, list]:
    config = Config()
    rules = configured_rules(config)
    cache = DocumentCache(cache_dir, rules_fingerprint(rules, config.rule_packs))
    result = lint_paths(sorted(CORPUS), config, rules, cache=cache)
    return cache, result.findings, result.notices


def _cold() -> list:
    return lint_paths(sorted(CORPUS), Config()).findings


def _index() -> Path:
    (index,) = Path("cache").glob("index-*.sqlite")
    return index


def _entry_text(path: str) -> str:
    with sqlite3.connect(_index()) as db:
        (blob,) = db.execute("SELECT result FROM docs WHERE path = ?", (path,)).fetchone()
    unpacker = zlib.decompressobj(15, lintnews.run.index._ZDICT)
    return (unpacker.decompress(blob) + unpacker.flush()).decode("utf-8")


def _set_entry(path: str, text: str | bytes, packed: bool = True) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if packed:
        packer = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, lintnews.run.index._ZDICT)
        data = packer.compress(data) + packer.flush()
    with sqlite3.connect(_index()) as db:
        db.execute("UPDATE docs SET result = ? WHERE path = ?", (data, path))


def _damage(kind: str, good: str) -> tuple[str | bytes, bool]:
    """A damaged entry (its JSON text, or raw bytes when not packed) and whether to pack it."""
    encoded = json.loads(good)
    if kind == "forbidden-type":
        encoded["c"] = "os.system"
        return json.dumps(encoded), True
    if kind == "untagged-object":
        return json.dumps({"path": "a.txt", "findings": []}), True
    if kind == "unknown-field":
        encoded["v"].append("rm -rf /")
        return json.dumps(encoded), True
    if kind == "another-type":
        return json.dumps([encoded]), True
    if kind == "deeply-nested":
        return "[" * 100_000 + "]" * 100_000, True
    if kind == "wrong-field-type":
        encoded["v"][4] = "7"  # words
        return json.dumps(encoded), True
    if kind == "empty":
        return b"", False
    if kind == "flipped-bytes":
        packer = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, lintnews.run.index._ZDICT)
        data = bytearray(packer.compress(good.encode()) + packer.flush())
        data[len(data) // 2] ^= 0xFF
        return bytes(data), False
    raise AssertionError(kind)


DAMAGES = ["forbidden-type", "untagged-object", "unknown-field", "another-type", "deeply-nested", "wrong-field-type", "empty", "flipped-bytes"]


def test_a_cached_run_equals_a_cold_run(cache_project):
    cold = _cold()
    assert {f.code for f in cold} >= {"S101", "P102", "W101", "N101"}  # document and corpus rules
    first, findings, notices = _run()
    assert (first.hits, first.misses, findings, notices) == (0, 3, cold, [])
    second, findings, notices = _run()
    assert (second.hits, second.misses, findings, notices) == (3, 0, cold, [])


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_entry_is_detected_reported_and_the_index_rebuilt(cache_project, kind):
    _run()
    _set_entry("a.txt", *_damage(kind, _entry_text("a.txt")))
    cache, findings, notices = _run()
    assert findings == _cold()
    assert len(notices) == 1 and "damaged" in notices[0] and "rebuilt" in notices[0]
    cache, findings, notices = _run()
    assert (cache.hits, cache.misses, notices) == (3, 0, [])


def test_a_forbidden_type_tag_is_never_looked_up_as_a_name(cache_project, monkeypatch):
    """Only the known fact classes can be built: a tag is a key into that table, nothing else."""
    _run()
    _set_entry("a.txt", *_damage("forbidden-type", _entry_text("a.txt")))
    ran = []
    monkeypatch.setattr(os, "system", lambda *args: ran.append(args))
    _run()
    assert ran == []


def test_an_index_of_another_format_version_is_not_read(cache_project, monkeypatch):
    _run()
    monkeypatch.setattr(lintnews.run.index, "INDEX_VERSION", lintnews.run.index.INDEX_VERSION + 1)
    cache, findings, _ = _run()
    assert (cache.hits, cache.misses, findings) == (0, 3, _cold())
    assert len(list(Path("cache").glob("index-*.sqlite"))) == 2


def test_an_index_of_another_lintnews_version_is_not_read(cache_project, monkeypatch):
    _run()
    monkeypatch.setattr(lintnews.run.cache, "__version__", "999.0")
    cache, findings, _ = _run()
    assert (cache.hits, cache.misses, findings) == (0, 3, _cold())


def test_an_index_replaced_by_a_folder_costs_only_time(cache_project):
    _run()
    index = _index()
    Index.remove(index)
    index.mkdir()
    cache, findings, _ = _run()
    assert (cache.hits, findings) == (0, _cold())


def test_a_cache_folder_that_cannot_be_made_costs_only_time(cache_project):
    Path("cache").write_text("a file where the cache folder should be\n")
    cache, findings, _ = _run()
    assert (cache.hits, findings) == (0, _cold())
    assert Path("cache").read_text() == "a file where the cache folder should be\n"


def test_a_damaged_cache_through_the_cli_prints_the_cold_output_and_one_line(cache_project):
    cold = run_lintnews(["--format", "json", "a.txt", "b.txt", "c.txt"], cwd=cache_project)
    warm = run_lintnews(["--format", "json", "--cache-dir", "cache", "a.txt", "b.txt", "c.txt"], cwd=cache_project)
    assert warm.stdout == cold.stdout
    _set_entry("a.txt", *_damage("forbidden-type", _entry_text("a.txt")))
    damaged = run_lintnews(["--format", "json", "--cache-dir", "cache", "a.txt", "b.txt", "c.txt"], cwd=cache_project)
    assert (damaged.returncode, damaged.stdout) == (cold.returncode, cold.stdout)
    assert len(damaged.stderr.splitlines()) == 1 and "rebuilt" in damaged.stderr

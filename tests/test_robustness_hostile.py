"""Hostile files and hostile neighbours (issue 21, items 7-14, 16, 19-21).

The contract of docs/robustness.md: an input that cannot be used is one line on stderr
naming it (``lintnews: PATH: reason``), the other files are linted and reported as usual,
and the exit code is 2; nothing hangs, nothing grows without bound.  The timing items
are tested by a bound on the work done (operations counted, or the work of an input
compared with the work of one four times its size), never by a wall-clock limit; their
timings are in ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from conftest import cli_env, lintnews_executable

# One finding of a known place: S101 at 1:14.
DIRTY = "The minister mentionned the plan.\n"


def run(args: list[str], cwd: Path, env: dict | None = None, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    """The installed console script; ``timeout`` turns a hang into a failure."""
    return subprocess.run(
        [lintnews_executable(), *args], cwd=str(cwd), env=cli_env(env), capture_output=True, text=True, timeout=timeout, **kwargs
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("lintnews: ")]


def finding_paths(stdout: str) -> list[str]:
    return [line.partition(": ")[0].rsplit(":", 2)[0] for line in stdout.splitlines() if line and not line.startswith(" ")]


# -- item 7: paths that cannot be read or entered ----------------------------------------


@pytest.fixture
def shared_folder():
    """A folder outside pytest's private temporary tree, which 'nobody' may enter."""
    folder = Path(tempfile.mkdtemp(prefix="lintnews-hostile-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """lintnews run as the unprivileged user 'nobody' (permission bits do not stop root)."""
    if os.geteuid() != 0:
        return run(args, cwd)
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("no setpriv")
    command = [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", lintnews_executable()]
    probe = subprocess.run([*command, "--version"], cwd=str(cwd), capture_output=True, text=True, env=cli_env())
    if probe.returncode != 0:
        pytest.skip(f"lintnews cannot run as 'nobody' here: {probe.stderr.strip()[:200]}")
    return subprocess.run([*command, *args], cwd=str(cwd), env=cli_env({"HOME": str(cwd)}), capture_output=True, text=True, timeout=120)


def _tree(folder: Path) -> None:
    """a.txt, an unreadable secret.txt, a folder 'locked' nobody may not enter, and 'sub'
    holding another such folder beside a readable file."""
    for name in ("a.txt", "secret.txt", "locked/b.txt", "sub/d.txt", "sub/locked/c.txt"):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.parent.chmod(0o755)
        path.write_text(DIRTY)
        path.chmod(0o644)
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0o700)
    (folder / "sub" / "locked").chmod(0o700)


def test_an_unreadable_file_on_the_command_line_does_not_stop_the_others(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["secret.txt", "a.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert "Usage" not in proc.stderr
    assert finding_paths(proc.stdout) == ["a.txt"]
    assert error_lines(proc.stderr) == ["lintnews: secret.txt: permission denied"]


def test_a_file_in_a_folder_that_cannot_be_entered_is_one_line_and_the_json_is_whole(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["--format", "json", "a.txt", "locked/b.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["findings"]] == ["a.txt"]
    assert [e["path"] for e in report["errors"]] == ["locked/b.txt"]
    assert error_lines(proc.stderr) == ["lintnews: locked/b.txt: permission denied (a folder on its path cannot be entered); skipped"]


def test_a_folder_that_cannot_be_entered_while_walking_is_named(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["sub", "locked"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert finding_paths(proc.stdout) == ["sub/d.txt"]
    assert error_lines(proc.stderr) == ["lintnews: locked: permission denied; folder skipped", "lintnews: sub/locked: permission denied; folder skipped"]


def test_an_unreadable_corpus_path_is_reported_like_a_linted_one(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["--corpus", "secret.txt", "a.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert finding_paths(proc.stdout) == ["a.txt"]
    assert error_lines(proc.stderr) == ["lintnews: secret.txt: permission denied"]

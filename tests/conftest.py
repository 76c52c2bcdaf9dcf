"""Shared fixtures for the lintnews specification.

- ``repo_root``: the repository (the folder holding ``pyproject.toml`` and ``lintnews/``).
- ``seeds_dir``: ``seeds/``, the five sample articles and ``seeds-expected.yaml``.
- ``run_cli``: run the *installed* ``lintnews`` console script in a subprocess.
- ``write_files``: write a small tree of files into a fresh temporary folder.
- ``run_lintnews``, ``json_findings``, ``copy_seeds``, ``span_of``, ``tree_snapshot``:
  plain helpers for the workflow tests (usable from module-scoped fixtures).

The ``slow`` marker is registered here: the slow tests (builds, installs, the real
pre-commit) run under CI (``CI`` set, as ``.ci/run`` sets it), with
``LINTNEWS_SLOW_TESTS=1``, or when selected (``-m slow``); elsewhere they are skipped,
with the reason, so the default run on a laptop stays short.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: builds and installs lintnews into a fresh environment (a wheel, a pre-commit "
        "hook; may use the package registry for the build backend); "
        "runs under CI (CI set), with LINTNEWS_SLOW_TESTS=1 or with -m slow; skipped otherwise",
    )


def slow_tests_wanted(config: pytest.Config) -> bool:
    """Whether this run runs the ``slow`` tests (see the module's docstring)."""
    return bool(os.environ.get("CI")) or os.environ.get("LINTNEWS_SLOW_TESTS") == "1" or "slow" in (config.getoption("-m") or "").replace("not slow", "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if slow_tests_wanted(config):
        return
    skip = pytest.mark.skip(reason="slow (builds, installs or runs pre-commit): runs under CI (.ci/run), with LINTNEWS_SLOW_TESTS=1 or -m slow")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


# -- helpers -------------------------------------------------------------------------------


def lintnews_executable() -> str:
    """The installed console script: on PATH, else beside the running interpreter."""
    found = shutil.which("lintnews")
    if found:
        return found
    bindir = Path(sys.executable).parent
    for name in ("lintnews", "lintnews.exe"):
        candidate = bindir / name
        if candidate.is_file():
            return str(candidate)
    pytest.fail(f"the lintnews console script is not installed (not on PATH, not in {bindir})")


def cli_env(extra: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The environment for a lintnews subprocess: ours, UTF-8 output, no debug mode.

    ``extra`` overrides variables; a value of ``None`` removes the variable.
    """
    env = dict(os.environ)
    env.pop("LINTNEWS_DEBUG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def seed_files() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def with_newlines(data: bytes, newline: bytes) -> bytes:
    """An LF file's bytes with every line ending rewritten to ``newline``."""
    assert b"\r" not in data, "expected an LF-only file"
    return data.replace(b"\n", newline)


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def repo_root() -> Path:
    assert (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "lintnews").is_dir()
    return REPO_ROOT


@pytest.fixture(scope="session")
def seeds_dir(repo_root: Path) -> Path:
    seeds = repo_root / "seeds"
    assert len(list(seeds.glob("*.txt"))) == 5, "seeds/ should hold five sample articles"
    return seeds


@pytest.fixture(scope="session")
def lintnews_exe() -> str:
    return lintnews_executable()


@pytest.fixture
def run_cli(tmp_path_factory: pytest.TempPathFactory):
    """``run_cli(args, cwd=None, env=None)`` -> ``CompletedProcess`` (text stdout/stderr).

    Without ``cwd`` the command runs in a fresh empty folder, so no configuration file
    is discovered.  ``env`` holds overrides of the current environment (``None`` removes
    a variable).
    """

    def run(
        args: Sequence[object],
        cwd: Path | str | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return run_lintnews(args, cwd if cwd is not None else tmp_path_factory.mktemp("cwd"), env)

    return run


@pytest.fixture
def write_files(tmp_path: Path):
    """``write_files({"a.txt": "text", "sub/b.md": b"bytes"}, root=None)`` -> the root folder.

    ``str`` contents are written as UTF-8 exactly as given (no newline translation);
    ``bytes`` contents are written as they are.
    """

    def write(files: Mapping[str, str | bytes], root: Path | None = None) -> Path:
        root = root or tmp_path
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        return root

    return write


# -- helpers for the workflow tests (pre-commit, CI formats, baselines, fixes, cache) -------


def run_lintnews(
    args: Sequence[object],
    cwd: Path | str,
    env: Mapping[str, str | None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``lintnews`` in ``cwd``; usable from module-scoped fixtures too."""
    return subprocess.run(
        [lintnews_executable(), *map(str, args)],
        cwd=str(cwd),
        env=cli_env(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,  # a hang guard, not a timing assertion
    )


def json_findings(stdout: str) -> list[dict]:
    """The findings of a ``--format json`` report."""
    report = json.loads(stdout)
    assert report["schema"] == "lintnews/findings", report
    return report["findings"]


def copy_seeds(dest: Path) -> Path:
    """Copy the five sample articles to ``dest/seeds`` and return ``dest``."""
    (dest / "seeds").mkdir(parents=True)
    for path in seed_files():
        shutil.copy2(path, dest / "seeds" / path.name)
    return dest


def span_of(text: str, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int]:
    """Character offsets in ``text`` (``\\n`` line ends) of a 1-based, end-exclusive span."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts[line - 1] + column - 1, starts[end_line - 1] + end_column - 1


def tree_snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root``: relative path -> (content, mtime in ns)."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def property_settings(default_examples: int) -> settings:
    """Hypothesis settings for a property test.

    The default run tries ``default_examples`` examples, derandomised so that CI is
    reproducible; ``LINTNEWS_HYPOTHESIS_EXAMPLES=2000`` asks for a longer, random search.
    No deadline: a text of long tokens may take a second, and speed is a benchmark's job.
    """
    examples = int(os.environ.get("LINTNEWS_HYPOTHESIS_EXAMPLES", default_examples))
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=examples == default_examples,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

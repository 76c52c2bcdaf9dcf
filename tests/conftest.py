"""Shared fixtures for the lintnews specification.

- ``repo_root``: the repository (the folder holding ``pyproject.toml`` and ``lintnews/``).
- ``seeds_dir``: ``seeds/``, the five sample articles and ``seeds-expected.yaml``.
- ``run_cli``: run the *installed* ``lintnews`` console script in a subprocess.
- ``write_files``: write a small tree of files into a fresh temporary folder.
- ``run_lintnews``, ``json_findings``, ``copy_seeds``, ``span_of``, ``tree_snapshot``:
  plain helpers for the workflow tests (usable from module-scoped fixtures).

The ``slow`` marker is registered here: the slow tests (builds, installs, the real
pre-commit, table rebuilds, the long form of a stress run) run under CI (``CI`` set, as
``.ci/run`` sets it), with ``LINTNEWS_SLOW_TESTS=1``, or when selected (``-m slow``);
elsewhere they are skipped, with the reason, so the default run on a laptop stays short.
The same switch (``long_runs_wanted``) gives property tests their full example counts
(``property_settings``); the default run tries a quarter of them.

The ``lintnews`` subprocesses the tests start share one temporary bytecode folder
(``PYTHONPYCACHEPREFIX``) when ``PYTHONDONTWRITEBYTECODE`` is set, rather than each
compiling the package again (see ``_share_bytecode_with_subprocesses``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    _share_bytecode_with_subprocesses(config)
    config.addinivalue_line(
        "markers",
        "slow: a long run (builds and installs lintnews into a fresh environment, a wheel, a "
        "pre-commit hook, may use the package registry for the build backend; rebuilds a "
        "shipped table; the long form of a stress run whose short form runs by default); "
        "runs under CI (CI set), with LINTNEWS_SLOW_TESTS=1 or with -m slow; skipped otherwise",
    )


def _share_bytecode_with_subprocesses(config: pytest.Config) -> None:
    """Let the lintnews processes the tests start reuse one another's compiled bytecode.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on the development machines) every ``lintnews``
    subprocess compiled the whole package from source again: about 0.2 s of CPU each, over
    some hundreds of them.  Instead, the children write their bytecode into one temporary
    folder (``PYTHONPYCACHEPREFIX``), removed when the run ends, so nothing is written
    beside the sources, as the variable asks.  The pytest process itself is unchanged, and
    under pytest-xdist the workers inherit the folder the controller made.
    """
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    prefix = tempfile.mkdtemp(prefix="lintnews-tests-pycache-")
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    config.stash[_PYCACHE_KEY] = (prefix, os.environ.pop("PYTHONDONTWRITEBYTECODE"))


_PYCACHE_KEY = pytest.StashKey[tuple[str, str]]()


def pytest_unconfigure(config: pytest.Config) -> None:
    made = config.stash.get(_PYCACHE_KEY, None)
    if made is not None:
        prefix, dont_write = made
        shutil.rmtree(prefix, ignore_errors=True)
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
        os.environ["PYTHONDONTWRITEBYTECODE"] = dont_write


def slow_tests_wanted(config: pytest.Config) -> bool:
    """Whether this run runs the ``slow`` tests (see the module's docstring)."""
    return long_runs_wanted() or "slow" in (config.getoption("-m") or "").replace("not slow", "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if slow_tests_wanted(config):
        return
    skip = pytest.mark.skip(reason="slow (builds, installs, runs pre-commit or a long stress run): runs under CI (.ci/run), with LINTNEWS_SLOW_TESTS=1 or -m slow")
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


#: benchmarks/chromium.py (finding and driving headless Chromium), shared by the browser
#: tests of the HTML report.
_CHROMIUM_SPEC = importlib.util.spec_from_file_location("lintnews_chromium", REPO_ROOT / "benchmarks" / "chromium.py")
chromium = importlib.util.module_from_spec(_CHROMIUM_SPEC)
_CHROMIUM_SPEC.loader.exec_module(chromium)

# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> str:
    """The headless Chromium to drive; the test is skipped without one, and fails under CI."""
    found = chromium.find_chromium()
    if found is None:
        reason = "headless Chromium is not installed (apt-get install chromium); the browser test of the HTML report cannot run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return found


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


def long_runs_wanted() -> bool:
    """Whether this run wants the long searches: under CI or with ``LINTNEWS_SLOW_TESTS=1``.

    (The same switch as the ``slow`` marker's, read from the environment only, because
    Hypothesis settings are made when a test module is imported.)
    """
    return bool(os.environ.get("CI")) or os.environ.get("LINTNEWS_SLOW_TESTS") == "1"


def property_settings(default_examples: int) -> settings:
    """Hypothesis settings for a property test.

    CI (and ``LINTNEWS_SLOW_TESTS=1``) tries ``default_examples`` examples; the default run
    on a laptop a quarter of them (at least 5, at most ``default_examples``), so that it
    stays short.  Both are derandomised, so every run is reproducible;
    ``LINTNEWS_HYPOTHESIS_EXAMPLES=2000`` asks for a longer, random search.
    No deadline: a text of long tokens may take a second, and speed is a benchmark's job.
    """
    planned = default_examples if long_runs_wanted() else min(default_examples, max(5, default_examples // 4))
    examples = int(os.environ.get("LINTNEWS_HYPOTHESIS_EXAMPLES", planned))
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=examples == planned,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

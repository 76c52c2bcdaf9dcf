"""lintnews as a pre-commit hook, run by the real ``pre-commit`` on a real git repository.

A newsroom repository names this repository in its ``.pre-commit-config.yaml`` (``repo:``
a local path, ``rev:`` the commit under test, ``id: lintnews``); pre-commit clones it at
that commit and installs the hook into its own virtual environment (the build needs
hatchling and the dependencies from the package registry).  pre-commit passes only the
staged files, shuffled and split across parallel runs, so the cross-document name check
must take the rest of the articles from ``corpus`` in ``[tool.lintnews]``: a name
spelled two ways, one of them in an unchanged file, is still reported, once, in the
changed file.

What is tested is the repository's HEAD commit (pre-commit installs from git), not
uncommitted changes in the working tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# A spokesman named twice, spelled two ways in two articles (one mention each: a tie,
# so each spelling is reported and points at the other).
ARTICLE_A = "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had hit the city on Saturday.\n"
ARTICLE_B = "Interior Ministry spokesman Tariq Erian said the attack had killed eight people.\n"
# Clean filler articles: enough files that pre-commit splits them into several parallel
# batches (at least 4 files a batch, as many batches as CPUs), so "a" and "b" need not
# be in the same batch.
FILLER_COUNT = 14

FINDING = re.compile(r"^(?P<path>articles/[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<message>.*)$")

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "lintnews tests",
    "GIT_AUTHOR_EMAIL": "tests@lintnews.invalid",
    "GIT_COMMITTER_NAME": "lintnews tests",
    "GIT_COMMITTER_EMAIL": "tests@lintnews.invalid",
}


def _clean_env(**extra: str) -> dict[str, str]:
    """Our environment without git variables that would point git at another repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.pop("LINTNEWS_DEBUG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(GIT_IDENTITY)
    env.update(extra)
    return env


def _git(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=str(cwd), env=env or _clean_env(), capture_output=True, text=True, timeout=120
    )


def _head_commit(repo_root: Path) -> str:
    """The commit pre-commit will install: HEAD of the repository under test (or skip)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inside = _git(["rev-parse", "--show-toplevel"], repo_root)
    if inside.returncode != 0:
        pytest.skip(f"{repo_root} is not a git checkout, so pre-commit cannot install the hook from it")
    if Path(inside.stdout.strip()).resolve() != repo_root.resolve():
        pytest.skip(f"{repo_root} is inside another git repository ({inside.stdout.strip()}), not a checkout of its own")
    head = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], repo_root)
    if head.returncode != 0:
        pytest.skip(f"{repo_root} has no HEAD commit yet: nothing for pre-commit to install")
    sha = head.stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{40}", sha), sha
    hooks = _git(["cat-file", "-e", f"{sha}:.pre-commit-hooks.yaml"], repo_root)
    assert hooks.returncode == 0, f"commit {sha} has no .pre-commit-hooks.yaml: other repositories cannot use the hook"
    return sha


def _pre_commit(args: list[str], repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the real pre-commit (the package of the test extra) in ``repo``."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=str(repo),
        env=_clean_env(PRE_COMMIT_HOME=str(home)),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=1200,  # a hang guard for the hook's install, not a timing assertion
    )


def _findings(output: str) -> list[tuple[str, int, str, str]]:
    """``(path, line, code, message)`` of every lintnews finding in pre-commit's output."""
    out = []
    for line in output.splitlines():
        m = FINDING.match(line.strip())
        if m:
            out.append((m["path"], int(m["line"]), m["code"], m["message"]))
    return out


@pytest.fixture(scope="module")
def newsroom(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A newsroom repository using the hook, committed, with pre-commit's home in a tmp dir."""
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.fail("the pre-commit package is missing: install the test extra (pip install -e '.[test]')")
    sha = _head_commit(repo_root)
    base = tmp_path_factory.mktemp("precommit")
    repo, home = base / "newsroom", base / "pre-commit-home"
    articles = repo / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (articles / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    for i in range(FILLER_COUNT):
        (articles / f"filler{i:02d}.txt").write_text(
            f"The council met on Tuesday to discuss budget item {i}.\nMembers agreed to meet again next month.\n",
            encoding="utf-8",
        )
    (repo / "pyproject.toml").write_text(
        '[tool.lintnews]\ncorpus = ["articles"]\ncache-dir = ".lintnews-cache"\n', encoding="utf-8"
    )
    (repo / ".gitignore").write_text(".lintnews-cache/\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {repo_root.resolve().as_posix()}\n"
        f"    rev: {sha}\n"
        "    hooks:\n"
        "      - id: lintnews\n",
        encoding="utf-8",
    )
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "articles"]):
        proc = _git(args, repo)
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
    return {"repo": repo, "home": home}


def test_all_files_reports_the_name_variant_in_both_files_once(newsroom):
    proc = _pre_commit(["run", "--all-files"], newsroom["repo"], newsroom["home"])
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert re.search(r"^lintnews\.+Failed$", proc.stdout, re.M), output
    found = _findings(proc.stdout)
    # Each spelling once (no batch reports it twice, none misses it), each pointing at the
    # other; batches may print in any order.
    assert sorted((p, line, code) for p, line, code, _ in found) == [
        ("articles/a.txt", 1, "N101"),
        ("articles/b.txt", 1, "N101"),
    ], output
    messages = {p: m for p, _, _, m in found}
    assert "'Arian'" in messages["articles/a.txt"] and "b:1" in messages["articles/a.txt"], output
    assert "'Erian'" in messages["articles/b.txt"] and "a:1" in messages["articles/b.txt"], output
    # The hook used the configured cache.
    assert list((newsroom["repo"] / ".lintnews-cache").glob("index-*.sqlite")), "cache-dir was not used"


def test_a_commit_changing_one_file_reports_the_variant_against_the_unchanged_file(newsroom):
    repo = newsroom["repo"]
    with open(repo / "articles" / "b.txt", "a", encoding="utf-8") as fh:
        fh.write("Officials said more talks would follow next week.\n")
    assert _git(["add", "articles/b.txt"], repo).returncode == 0
    # Without arguments pre-commit runs on the staged files only: here, b.txt.
    proc = _pre_commit(["run"], repo, newsroom["home"])
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    found = _findings(proc.stdout)
    assert [(p, line, code) for p, line, code, _ in found] == [("articles/b.txt", 1, "N101")], output
    assert "'Arian' at a:1" in found[0][3], output  # the other spelling, in the unchanged file
    # The same with the files named explicitly.
    named = _pre_commit(["run", "--files", "articles/b.txt"], repo, newsroom["home"])
    assert named.returncode == 1, named.stdout + named.stderr
    assert [(p, line, code) for p, line, code, _ in _findings(named.stdout)] == [("articles/b.txt", 1, "N101")]


def test_a_change_to_a_clean_file_passes_without_reporting_the_unchanged_files(newsroom):
    repo = newsroom["repo"]
    with open(repo / "articles" / "filler03.txt", "a", encoding="utf-8") as fh:
        fh.write("The meeting ended at noon.\n")
    proc = _pre_commit(["run", "--files", "articles/filler03.txt"], repo, newsroom["home"])
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert re.search(r"^lintnews\.+Passed$", proc.stdout, re.M), output
    assert _findings(proc.stdout) == [], output

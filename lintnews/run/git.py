"""The corpus of a git repository, for runs that name some files and no corpus.

pre-commit passes only the staged files.  When no ``corpus`` is configured and only files
(no folders) are given inside a git work tree, the repository's tracked files of the
linted types are the corpus: the name, title and house-style checks still compare the
staged articles with every article, without configuration.  The corpus index then lives
in the repository's git folder (``.git/lintnews``), never committed, unless ``cache-dir``
says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Repository:
    top: str  # the work tree's top folder (real path)
    git_dir: str  # its git folder (absolute)


def _may_be_in_a_work_tree(folder: str) -> bool:
    """Whether git may find a work tree from ``folder``: a ``.git`` in it or in a folder
    above it, or git told where to look (``GIT_DIR``, ``GIT_WORK_TREE``).  Without one,
    ``git rev-parse`` can only fail, and is not started (a process of its own on every run
    outside a repository)."""
    if "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return True
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent


def repository_of(paths: Sequence[str]) -> Repository | None:
    """The git work tree that holds every path given, when they are all files; else None.

    It is looked for from the files' common folder, not the current one: a file outside
    the repository one works in (``lintnews /tmp/draft.txt``) takes no corpus from it, and
    ``cd /; lintnews newsroom/x.txt`` finds the newsroom's."""
    if not paths or not all(os.path.isfile(p) for p in paths):
        return None
    try:
        reals = [os.path.realpath(p) for p in paths]
        folder = os.path.commonpath([os.path.dirname(r) for r in reals])
    except (OSError, ValueError):  # ValueError: paths on different drives
        return None
    if not _may_be_in_a_work_tree(folder):
        return None
    import subprocess  # only where git is asked

    try:
        done = subprocess.run(
            ["git", "-C", folder, "rev-parse", "--show-toplevel", "--absolute-git-dir"],
            capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) != 2:
        return None
    top = os.path.realpath(lines[0])
    if not all(r == top or r.startswith(top.rstrip(os.sep) + os.sep) for r in reals):
        return None  # GIT_WORK_TREE names a tree that does not hold them all
    return Repository(top, lines[1])


def tracked_files(repo: Repository, extensions: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(path as this folder shows it, real path)`` of the tracked files with one of the
    ``extensions``, in sorted order, that exist in the work tree (a file deleted but not
    yet staged is no article)."""
    import subprocess  # only where git is asked

    try:
        done = subprocess.run(["git", "-C", repo.top, "ls-files", "-z"], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    here = os.path.realpath(os.getcwd())
    inside = here == repo.top
    prefix = os.path.relpath(repo.top, here)
    found = []
    for raw in done.stdout.split(b"\0"):
        if not raw:
            continue
        rel = os.fsdecode(raw)
        if not rel.lower().endswith(extensions):
            continue
        real = os.path.join(repo.top, rel)
        if not os.path.isfile(real):
            continue
        found.append((rel if inside else os.path.normpath(os.path.join(prefix, rel)), real))
    found.sort(key=lambda pair: pair[0])
    return found


def ignored_files(folder: str, paths: Sequence[str]) -> set[str]:
    """The ``paths`` (found under ``folder``) that git ignores: ``.gitignore`` files, the
    repository's ``info/exclude`` and the user's global excludes, as ``git status`` reads
    them; a tracked file is never ignored.  Nothing outside a git work tree, without git,
    or when ``folder`` itself is ignored (it was named: its files are wanted)."""
    if not paths:
        return set()
    root = os.path.abspath(folder)
    import subprocess  # only where git is asked

    try:
        done = subprocess.run(
            ["git", "-C", folder, "check-ignore", "--stdin", "-z"],
            input=b"".join(os.fsencode(p) + b"\0" for p in [root, *map(os.path.abspath, paths)]),
            capture_output=True, timeout=120, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 1: nothing ignored; 128: not a work tree
        return set()
    ignored = {os.fsdecode(raw) for raw in done.stdout.split(b"\0") if raw}
    if root in ignored:
        # The folder named is itself ignored (build output, a scratch folder): it was asked
        # for by name, so its files are linted, as ripgrep and ruff search a folder named.
        return set()
    return {p for p in paths if os.path.abspath(p) in ignored}

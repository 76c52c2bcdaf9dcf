"""git is asked for the work tree only where it can find one (start-up, issue 19): outside
a repository ``git rev-parse`` can only fail, and starting it cost a process per run."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from lintnews.run import git


def _no_git_above(folder) -> bool:
    folder = str(folder)
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return False
        if os.path.dirname(folder) == folder:
            return True
        folder = os.path.dirname(folder)


def test_outside_a_work_tree_git_is_not_started(tmp_path, monkeypatch):
    if not _no_git_above(tmp_path):
        pytest.skip("the temporary folder lies inside a git work tree")
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)

    def refuse(*args, **kwargs):
        raise AssertionError("git was started")

    monkeypatch.setattr(subprocess, "run", refuse)
    assert git.repository_of(["a.txt"]) is None
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere.git"))  # git told where to look: it decides
    with pytest.raises(AssertionError, match="git was started"):
        git.repository_of(["a.txt"])


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_inside_a_work_tree_it_is_found_from_a_subfolder(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    repo = git.repository_of(["a.txt"])
    assert repo is not None and repo.top == os.path.realpath(tmp_path)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_file_outside_the_work_tree_one_stands_in_takes_no_corpus_from_it(tmp_path, monkeypatch):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    elsewhere.mkdir()
    (elsewhere / "draft.txt").write_text("text\n", encoding="utf-8")
    (repo / "a.txt").write_text("text\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    assert git.repository_of([str(elsewhere / "draft.txt")]) is None
    assert git.repository_of(["a.txt", str(elsewhere / "draft.txt")]) is None
    assert git.repository_of(["a.txt"]).top == os.path.realpath(repo)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_work_tree_is_found_from_the_files_not_from_the_current_folder(tmp_path, monkeypatch):
    repo = tmp_path / "newsroom"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "articles").mkdir()
    (repo / "articles" / "x.txt").write_text("text\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    found = git.repository_of([str(repo / "articles" / "x.txt")])
    assert found is not None and found.top == os.path.realpath(repo)

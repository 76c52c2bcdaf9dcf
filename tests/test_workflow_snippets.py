"""The snippets a newcomer copies, run as written (issue 19, items 1 and 2): the shell
steps of ``action.yml`` (with GitHub's ``${{ ... }}`` filled in as the runner would),
the example workflow's permissions and triggers, and the README's pre-commit snippet with
the real pre-commit, only the repository location substituted."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "The minister mentionned the talks on Monday.\nThe talks were a difficult issue. .\n"
HOUSE_STYLE = {"a.txt": "The ceasefire held.\n", "b.txt": "The ceasefire held again.\n", "c.txt": "A cease-fire.\n"}


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict:
    [found] = [s for s in action()["runs"]["steps"] if s.get("name") == name]
    return found


def expand(value: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    """GitHub's expressions ``${{ inputs.x }}`` and ``${{ github.x }}``, as the runner fills them."""
    defaults = {k: v.get("default", "") for k, v in action()["inputs"].items()}

    def one(m: re.Match) -> str:
        scope, key = m[1], m[2]
        if scope == "inputs":
            assert key in defaults, f"action.yml uses an undeclared input {key!r}"
            return inputs.get(key, defaults[key])
        return github[key]

    return re.sub(r"\$\{\{\s*(inputs|github)\.([\w-]+)\s*\}\}", one, value)


def run_step(name: str, inputs: dict[str, str], cwd: Path, path_dirs: list[str], github: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A ``run:`` step of action.yml, in the shell GitHub uses for ``shell: bash``."""
    s = step(name)
    assert s["shell"] == "bash"
    github = github or {"action_path": str(ROOT)}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "LINTNEWS_"))}
    env.update({k: expand(str(v), inputs, github) for k, v in s.get("env", {}).items()})
    env["PATH"] = os.pathsep.join([*path_dirs, env.get("PATH", "")])
    script = cwd / f"{name.replace(' ', '-')}.sh"
    script.write_text(expand(s["run"], inputs, github), encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def venv_bin() -> str:
    return str(Path(sys.executable).parent)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


# -- action.yml ---------------------------------------------------------------------------------
def test_the_action_has_the_inputs_a_workflow_needs():
    assert {"paths", "args", "fail-on", "sarif-file"} <= set(action()["inputs"])


def test_the_install_step_installs_the_actions_own_checkout(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "python-args"
    (fake / "python").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\n', encoding="utf-8")
    (fake / "python").chmod(0o755)
    checkout = tmp_path / "the action at its ref"
    proc = run_step("Install lintnews", {}, tmp_path, [str(fake)], {"action_path": str(checkout)})
    assert proc.returncode == 0, proc.stderr
    assert log.read_text().splitlines() == ["-m", "pip", "install", str(checkout)]
    assert "lintnews" not in run_step("Install lintnews", {"version": "lintnews-fork==1.0"}, tmp_path, [str(fake)]).stderr
    assert log.read_text().splitlines()[-1] == "lintnews-fork==1.0"


def test_the_run_step_annotates_and_quotes_paths(tmp_path):
    write(tmp_path, {"my articles/x.txt": DIRTY, "other/*.txt": DIRTY, "other/y.txt": DIRTY})
    proc = run_step("Run lintnews", {"paths": "my articles\nother/*.txt\n"}, tmp_path, [venv_bin()])
    assert proc.returncode == 1, proc.stderr
    files = set(re.findall(r"file=([^,]+),", proc.stdout))
    assert files == {"my articles/x.txt", "other/*.txt"}, proc.stdout  # no split, no glob
    assert "::warning " in proc.stdout


def test_the_run_step_fail_on_and_sarif_file(tmp_path):
    write(tmp_path, HOUSE_STYLE)
    info = run_step("Run lintnews", {"paths": "a.txt b.txt c.txt"}, tmp_path, [venv_bin()])
    assert info.returncode == 0 and "C102" in info.stdout, info.stderr  # info does not fail
    assert run_step("Run lintnews", {"paths": "a.txt b.txt c.txt", "fail-on": "info"}, tmp_path, [venv_bin()]).returncode == 1
    write(tmp_path, {"d.txt": DIRTY})
    never = run_step("Run lintnews", {"paths": ".", "fail-on": "never", "sarif-file": "out.sarif", "args": "--select S,P"}, tmp_path, [venv_bin()])
    assert never.returncode == 0, never.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"S101", "P101"}
    assert "C102" not in never.stdout  # args reached both runs


# -- the example workflow -----------------------------------------------------------------------
def test_the_example_workflow_has_the_permissions_and_triggers_code_scanning_needs():
    workflow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    scanning = workflow["jobs"]["code-scanning"]
    assert scanning["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    inputs = set(action()["inputs"])
    for job in workflow["jobs"].values():
        for s in job["steps"]:
            assert "pip install lintnews" not in s.get("run", ""), "no index serves lintnews"
            if s.get("uses", "").startswith("OWNER/lintnews@"):
                assert set(s.get("with", {})) <= inputs
    [upload] = [s for s in scanning["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    [ours] = [s for s in scanning["steps"] if s.get("uses", "").startswith("OWNER/lintnews@")]
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]


def test_the_readme_action_snippet_uses_declared_inputs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## GitHub Actions", 1)[1].split("\n## ", 1)[0]
    snippet = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    [ours] = [s for s in snippet["steps"] if "lintnews@" in s.get("uses", "")]
    assert set(ours["with"]) <= set(action()["inputs"])


# -- the README's pre-commit snippet, by the real pre-commit ------------------------------------
@pytest.mark.slow
def test_the_readme_pre_commit_snippet_works_as_written(tmp_path):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t.invalid", "PRE_COMMIT_HOME": str(tmp_path / "home")})

    def git(*args: str, cwd: Path) -> None:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (args, done.stderr)

    # "This repository": a clone of the commit under test, as its default branch.
    upstream = tmp_path / "upstream"
    git("clone", "-q", "--no-local", str(ROOT), str(upstream), cwd=tmp_path)
    git("checkout", "-q", "-B", "main", "HEAD", cwd=upstream)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## pre-commit", 1)[1].split("\n## ", 1)[0]
    snippet = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = re.sub(r"(- repo: )\S+", lambda m: m[1] + upstream.as_posix(), snippet, count=1)
    assert config != snippet
    newsroom = tmp_path / "newsroom"
    write(newsroom, {".pre-commit-config.yaml": config, "articles/x.txt": DIRTY})
    git("init", "-q", "-b", "main", cwd=newsroom)
    git("add", "-A", cwd=newsroom)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"], cwd=newsroom, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "articles/x.txt:1:14: S101" in done.stdout and "articles/x.txt:2:33: P101" in done.stdout

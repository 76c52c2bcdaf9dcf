"""Issue 19, the first hour of a new user: nothing fails silently, configuration is found
from the files, output is deterministic, and the conveniences of ruff's command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintnews.api import lint_paths
from lintnews.core.rule import RuleError

DIRTY = "The minister mentionned the talks on Monday.\nThe talks were a difficult issue. .\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# -- item 3: silent failures --------------------------------------------------------------------
@pytest.mark.parametrize("name, text", [
    ("pyproject.toml", '[tool.lintnews]\nselect = ["N"\n'),
    ("pyproject.toml", '[project]\nname = "x"\n[tool.lintnews.rules.N101]\nx = = 1\n'),
    ("lintnews.toml", 'select = ["N"\n'),
])
def test_a_malformed_configuration_of_lintnews_is_an_error(run_cli, tmp_path, name, text):
    write(tmp_path, {"a.txt": DIRTY, name: text})
    proc = run_cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{name}: malformed TOML" in proc.stderr


def test_a_malformed_pyproject_without_lintnews_is_not_ours(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY, "pyproject.toml": '[project]\nname = "x\n[tool.ruff]\n'})
    proc = run_cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 1 and "malformed" not in proc.stderr


def test_per_file_ignores_rejects_an_unknown_code_as_ignore_does(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY, "lintnews.toml": 'per-file-ignores = {"*.txt" = ["S101", "X999"]}\n'})
    proc = run_cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "per-file-ignores '*.txt': unknown rule code or prefix 'X999'" in proc.stderr
    write(tmp_path, {"lintnews.toml": 'per-file-ignores = {"*.txt" = ["S101"]}\n'})
    proc = run_cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 1 and "S101" not in proc.stdout and "P101" in proc.stdout


def test_reject_without_s102_selected_says_so(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY, "lintnews.toml": 'reject = ["talks"]\n'})
    on = run_cli(["a.txt"], cwd=tmp_path)
    assert "S102" in on.stdout and "warning" not in on.stderr
    off = run_cli(["--select", "S101", "a.txt"], cwd=tmp_path)
    assert "S102" not in off.stdout
    assert "warning: 'reject' is set" in off.stderr and "S102" in off.stderr


def test_statistics_honour_format_json(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    proc = run_cli(["--statistics", "--format", "json", "a.txt"], cwd=tmp_path)
    table = json.loads(proc.stdout)
    by_code = {row["code"]: row for row in table}
    assert by_code["P101"]["count"] == 1 and by_code["P101"]["fixable"] == 1
    assert by_code["S101"]["fixable"] == 0 and by_code["S101"]["name"] == "misspelling"


def test_diff_honours_format_json_and_refuses_others(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    proc = run_cli(["--diff", "--format", "json", "a.txt"], cwd=tmp_path)
    assert proc.returncode == 1
    [entry] = json.loads(proc.stdout)
    assert entry["path"] == "a.txt" and entry["fixes"] == 1 and entry["diff"].startswith("--- a/a.txt\n+++ b/a.txt\n")
    for fmt in ("sarif", "github", "html"):
        for flag in ("--diff", "--statistics"):
            proc = run_cli([flag, "--format", fmt, "a.txt"], cwd=tmp_path)
            assert proc.returncode == 2 and f"--format {fmt} is not for it" in proc.stderr


def test_diff_of_an_absolute_path_has_no_double_slash(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    proc = run_cli(["--diff", str(tmp_path / "a.txt")])
    assert proc.returncode == 1
    absolute = (tmp_path / "a.txt").as_posix().lstrip("/")
    assert f"--- a/{absolute}\n+++ b/{absolute}\n" in proc.stdout
    assert "a//" not in proc.stdout and "b//" not in proc.stdout


@pytest.mark.parametrize("paths", ["seeds/", b"seeds/", Path("seeds")])
def test_lint_paths_refuses_one_string(paths):
    with pytest.raises(TypeError, match="sequence of paths"):
        lint_paths(paths)


def test_lint_paths_takes_select_and_ignore(tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    every = {f.code for f in lint_paths([str(tmp_path / "a.txt")]).findings}
    assert {"S101", "P101"} <= every
    assert {f.code for f in lint_paths([tmp_path / "a.txt"], select=["P"]).findings} == {"P101"}
    assert "P101" not in {f.code for f in lint_paths([str(tmp_path)], ignore=["P"]).findings}
    with pytest.raises(RuleError, match="X999"):
        lint_paths([str(tmp_path)], select=["X999"])


# -- item 4: the configuration is found from the files ------------------------------------------
def test_the_configuration_is_found_above_the_files_not_the_current_folder(run_cli, tmp_path):
    write(tmp_path, {"newsroom/lintnews.toml": 'ignore = ["S101"]\n', "newsroom/articles/x.txt": DIRTY, "elsewhere/.keep": ""})
    from_outside = run_cli(["newsroom/articles/x.txt"], cwd=tmp_path)
    assert "P101" in from_outside.stdout and "S101" not in from_outside.stdout
    from_a_sibling = run_cli([tmp_path / "newsroom" / "articles"], cwd=tmp_path / "elsewhere")
    assert "P101" in from_a_sibling.stdout and "S101" not in from_a_sibling.stdout
    shown = run_cli(["--show-config", "newsroom/articles/x.txt"], cwd=tmp_path)
    first = shown.stdout.splitlines()[0]
    assert first.startswith(f"# configuration: {tmp_path / 'newsroom' / 'lintnews.toml'} (searched from {tmp_path / 'newsroom' / 'articles'}")


def test_the_closest_configuration_above_the_common_folder_wins(run_cli, tmp_path):
    write(tmp_path, {
        "lintnews.toml": 'ignore = ["P101"]\n',
        "newsroom/lintnews.toml": 'ignore = ["S101"]\n',
        "newsroom/a/x.txt": DIRTY,
        "newsroom/b/y.txt": DIRTY,
        "other/z.txt": DIRTY,
    })
    both = run_cli([tmp_path / "newsroom/a/x.txt", tmp_path / "newsroom/b/y.txt"])
    assert "P101" in both.stdout and "S101" not in both.stdout  # newsroom/lintnews.toml
    wider = run_cli([tmp_path / "newsroom/a/x.txt", tmp_path / "other/z.txt"])
    assert "S101" in wider.stdout and "P101" not in wider.stdout  # the top lintnews.toml


# -- item 5: determinism ------------------------------------------------------------------------
CEASEFIRE = {
    "001_a.txt": "The ceasefire held on Monday.\n",
    "002_b.txt": "The ceasefire held on Tuesday.\n",
    "003_c.txt": "Talks on a cease-fire resumed.\n",
}


def test_the_output_does_not_depend_on_the_order_of_the_paths(run_cli, tmp_path):
    write(tmp_path, CEASEFIRE)
    forward = run_cli(["001_a.txt", "002_b.txt", "003_c.txt"], cwd=tmp_path)
    backward = run_cli(["003_c.txt", "002_b.txt", "001_a.txt"], cwd=tmp_path)
    shuffled = run_cli(["002_b.txt", "003_c.txt", "001_a.txt"], cwd=tmp_path)
    assert "C102" in forward.stdout
    assert forward.stdout == backward.stdout == shuffled.stdout
    assert "001:1, 002:1" in forward.stdout


def test_the_c102_message_says_whose_places_it_lists(run_cli, tmp_path):
    write(tmp_path, CEASEFIRE)
    proc = run_cli(["--select", "C102", "."], cwd=tmp_path)
    [line] = proc.stdout.splitlines()
    assert line.endswith("('ceasefire' 2x, 'cease-fire' 1x; 'ceasefire' at 001:1, 002:1) [suggestion: 'ceasefire']"), line


# -- item 6: the conveniences of ruff's command line --------------------------------------------
def test_standard_input_with_a_filename(run_cli, tmp_path):
    import subprocess

    from conftest import cli_env, lintnews_executable

    write(tmp_path, {"news/lintnews.toml": 'ignore = ["S101"]\n'})

    def piped(*args: str, text: str = DIRTY) -> subprocess.CompletedProcess[str]:
        return subprocess.run([lintnews_executable(), *args], input=text, cwd=tmp_path, env=cli_env(None), capture_output=True, text=True, timeout=300)

    proc = piped("-", "--stdin-filename", "news/x.txt")
    assert proc.returncode == 1
    assert proc.stdout == "news/x.txt:2:33: P101 doubled punctuation '. .' [suggestion: '.']\n"  # news/lintnews.toml found
    bare = piped("-")
    assert "-:1:14: S101" in bare.stdout
    assert piped("--fix", "-").stdout == "The minister mentionned the talks on Monday.\nThe talks were a difficult issue.\n"
    diff = piped("--diff", "-", "--stdin-filename", "x.txt")
    assert diff.returncode == 1 and diff.stdout.startswith("--- a/x.txt\n+++ b/x.txt\n")
    assert piped("-", "other.txt").returncode == 2
    assert piped("--stdin-filename", "x.txt", "other.txt").returncode == 2
    assert piped("--baseline", "b.json", "-").returncode == 2
    assert piped("--write-baseline", "b.json", "-").returncode == 2


def test_exclude_and_extend_exclude_flags(run_cli, tmp_path):
    write(tmp_path, {"a/one.txt": DIRTY, "b/two.txt": DIRTY, "lintnews.toml": 'exclude = ["a/*"]\n'})
    files = lambda proc: {line.split(":")[0] for line in proc.stdout.splitlines()}  # noqa: E731
    assert files(run_cli(["."], cwd=tmp_path)) == {"b/two.txt"}
    assert files(run_cli(["--extend-exclude", "two.txt", "."], cwd=tmp_path)) == set()
    assert files(run_cli(["--exclude", "b/*", "."], cwd=tmp_path)) == {"a/one.txt"}  # replaces the file's


def test_gitignore_is_respected_unless_told(run_cli, tmp_path):
    import subprocess

    write(tmp_path, {"kept.txt": DIRTY, "build/copy.txt": DIRTY, "scratch.txt": DIRTY, ".gitignore": "build/\nscratch.txt\n"})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    files = lambda proc: {line.split(":")[0] for line in proc.stdout.splitlines()}  # noqa: E731
    assert files(run_cli(["."], cwd=tmp_path)) == {"kept.txt"}
    assert files(run_cli(["--no-respect-gitignore", "."], cwd=tmp_path)) == {"kept.txt", "build/copy.txt", "scratch.txt"}
    assert files(run_cli(["scratch.txt"], cwd=tmp_path)) == {"scratch.txt"}  # named: linted
    # A folder named that git ignores (build output) is linted: it was asked for by name.
    assert files(run_cli(["build"], cwd=tmp_path)) == {"build/copy.txt"}
    write(tmp_path, {"lintnews.toml": "respect-gitignore = false\n"})
    assert "build/copy.txt" in files(run_cli(["."], cwd=tmp_path))


def test_quiet_prints_the_findings_only(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY, "lintnews.toml": 'reject = ["talks"]\n'})
    loud = run_cli(["--select", "S101", "--summary", "a.txt"], cwd=tmp_path)
    assert "warning" in loud.stderr and "1 file" in loud.stderr
    quiet = run_cli(["-q", "--select", "S101", "--summary", "a.txt"], cwd=tmp_path)
    assert quiet.stderr == "" and quiet.stdout == loud.stdout and quiet.returncode == 1


def test_colour_always_never_and_no_color(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    plain = run_cli(["a.txt"], cwd=tmp_path)
    assert "\033[" not in plain.stdout  # a pipe: auto is off
    coloured = run_cli(["--color", "always", "a.txt"], cwd=tmp_path)
    assert "\033[1ma.txt\033[0m:1:14: \033[33m\033[1mS101\033[0m" in coloured.stdout
    assert run_cli(["--color", "never", "a.txt"], cwd=tmp_path).stdout == plain.stdout
    assert "\033[" not in run_cli(["--color", "always", "--format", "json", "a.txt"], cwd=tmp_path).stdout


def test_no_color_turns_auto_off_on_a_terminal():
    from lintnews import cli

    class Tty:
        def isatty(self):
            return True

    import os
    import sys

    saved, sys.stdout = sys.stdout, Tty()
    old = os.environ.pop("NO_COLOR", None), os.environ.get("TERM")
    try:
        os.environ["TERM"] = "xterm"
        assert cli._use_color("auto")
        os.environ["NO_COLOR"] = "1"
        assert not cli._use_color("auto") and cli._use_color("always")
    finally:
        sys.stdout = saved
        os.environ.pop("NO_COLOR", None)
        if old[0] is not None:
            os.environ["NO_COLOR"] = old[0]
        if old[1] is not None:
            os.environ["TERM"] = old[1]


def test_fail_on_sets_the_severity_that_fails(run_cli, tmp_path):
    write(tmp_path, {"a.txt": "The ceasefire held.\n", "b.txt": "The ceasefire held again.\n", "c.txt": "A cease-fire.\n"})
    info_only = run_cli(["."], cwd=tmp_path)
    assert "C102" in info_only.stdout and info_only.returncode == 0  # info: reported, not failed
    assert run_cli(["--fail-on", "info", "."], cwd=tmp_path).returncode == 1
    write(tmp_path, {"d.txt": DIRTY})
    assert run_cli(["."], cwd=tmp_path).returncode == 1  # warnings fail by default
    assert run_cli(["--fail-on", "error", "."], cwd=tmp_path).returncode == 0
    bad = run_cli(["--fail-on", "fatal", "."], cwd=tmp_path)
    assert bad.returncode == 2 and "must be one of info, warning, error" in bad.stderr
    write(tmp_path, {"lintnews.toml": 'fail-on = "info"\n', "d.txt": "Fine.\n"})
    assert run_cli(["."], cwd=tmp_path).returncode == 1


def test_explain_by_rule_name(run_cli):
    by_name = run_cli(["--explain", "misspelling"])
    assert by_name.returncode == 0 and by_name.stdout == run_cli(["--explain", "S101"]).stdout
    assert run_cli(["--explain", "no-such-rule"]).returncode == 2


def test_the_summary_counts_severities_and_fixable(run_cli, tmp_path):
    write(tmp_path, {"a.txt": DIRTY})
    proc = run_cli(["--summary", "a.txt"], cwd=tmp_path)
    assert "lintnews: 1 file, 2 findings (2 warnings; 1 fixable with --fix), " in proc.stderr


# -- item 7: the README for a newcomer ----------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent


def _slug(title: str) -> str:
    import re

    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def test_the_readme_has_a_quick_start_and_a_table_of_contents_that_resolves():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.MULTILINE)
    assert headings[:2] == ["Install and Quick start", "Contents"]
    contents = readme.split("## Contents\n", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"^- \[(.+)\]\(#(.+)\)$", contents, re.MULTILINE)
    assert [title for title, _ in links] == [h for h in headings if h != "Contents"]
    assert all(anchor == _slug(title) for title, anchor in links)
    assert "Chromium" in readme.split("## Contents", 1)[0]


def test_the_readme_gives_the_exit_codes_of_diff_and_a_license_file_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = readme.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    assert "With `--diff`: 0 nothing to fix, 1 a diff was printed" in codes
    assert "fail-on" in codes
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_example_plugin_works_through_its_entry_point(run_cli, tmp_path):
    """examples/plugin as pip would install it: its module on the path and the dist-info
    record of its pyproject's entry point (no build, no network)."""
    import shutil
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    plugin = ROOT / "examples" / "plugin"
    project = tomllib.loads((plugin / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = project["entry-points"]["lintnews.rules"]
    site = tmp_path / "site"
    shutil.copytree(plugin / "lintnews_house", site / "lintnews_house")
    dist = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[lintnews.rules]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()), encoding="utf-8")
    write(tmp_path, {"a.txt": "It was a very unique chance, and a unique one.\n"})
    env = {"PYTHONPATH": str(site)}
    assert run_cli(["--explain", "degree-of-unique"], env=env).stdout.startswith("X950 degree-of-unique (info, off by default")
    assert "X950" not in run_cli(["a.txt"], cwd=tmp_path, env=env).stdout
    proc = run_cli(["--extend-select", "X950", "--fail-on", "info", "a.txt"], cwd=tmp_path, env=env)
    assert proc.returncode == 1
    assert proc.stdout == "a.txt:1:10: X950 'very unique': 'unique' takes no degree [suggestion: 'unique']\n"


# -- item 9: the slow tests run under CI, not by default on a laptop ----------------------------
def test_slow_tests_run_under_ci_or_when_asked(monkeypatch):
    from conftest import slow_tests_wanted

    class Config:
        def __init__(self, marks: str) -> None:
            self.marks = marks

        def getoption(self, name: str) -> str:
            assert name == "-m"
            return self.marks

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("LINTNEWS_SLOW_TESTS", raising=False)
    assert not slow_tests_wanted(Config(""))
    assert not slow_tests_wanted(Config("not slow"))
    assert slow_tests_wanted(Config("slow"))
    monkeypatch.setenv("CI", "true")  # .ci/run exports it
    assert slow_tests_wanted(Config(""))
    monkeypatch.delenv("CI")
    monkeypatch.setenv("LINTNEWS_SLOW_TESTS", "1")
    assert slow_tests_wanted(Config(""))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'export CI="${CI:-true}"' in ci

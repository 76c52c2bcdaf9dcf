"""The command line, run through the installed ``lintnews`` console script.

Exit codes: 0 nothing found, 1 findings, 2 a usage, configuration or input error (a
message on stderr, never a traceback).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import cli_env, seed_files, with_newlines
from lintnews.rules.registry import all_rules

CLEAN = "The minister spoke to reporters on Monday.\nShe said the talks would continue next week.\n"
DIRTY = "The minister mentionned the talks on Monday.\nThe talks were a difficult issue. .\nSource link\n"
OTHER = "Officials later mentionned a new date.\n"

FINDING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{1,3}[0-9]{3}) (?P<message>.+)$")


def parse_text(stdout: str) -> list[tuple[str, int, int, str]]:
    """``(path, line, column, code)`` of every finding line of the text format."""
    out = []
    for line in stdout.splitlines():
        m = FINDING_LINE.match(line)
        assert m, f"not a finding line: {line!r}"
        out.append((m["path"], int(m["line"]), int(m["col"]), m["code"]))
    return out


def codes_of(stdout: str) -> list[str]:
    return [code for _, _, _, code in parse_text(stdout)]


def assert_clean_error(proc, *needles: str) -> None:
    """Exit 2 with a one-line style message on stderr naming ``needles``, no traceback."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.stderr.strip(), "an error must be explained on stderr"
    for needle in needles:
        assert needle in proc.stderr, f"{needle!r} not in stderr: {proc.stderr!r}"


@pytest.fixture
def sample(write_files, tmp_path) -> Path:
    """A project folder with a clean file, a dirty one and another dirty one."""
    return write_files({"clean.txt": CLEAN, "dirty.txt": DIRTY, "other.txt": OTHER}, tmp_path)


# -- exit codes --------------------------------------------------------------------------


def test_clean_file_exits_0_and_prints_nothing(run_cli, sample):
    proc = run_cli(["clean.txt"], cwd=sample)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_findings_exit_1_and_print_path_line_column_code(run_cli, sample):
    proc = run_cli(["dirty.txt"], cwd=sample)
    assert proc.returncode == 1
    assert parse_text(proc.stdout) == [
        ("dirty.txt", 1, 14, "S101"),
        ("dirty.txt", 2, 33, "P101"),
        ("dirty.txt", 3, 1, "W101"),
    ]
    assert proc.stderr == ""


def test_missing_path_exits_2_with_a_clear_message(run_cli, sample):
    proc = run_cli(["no-such-file.txt"], cwd=sample)
    assert_clean_error(proc, "no-such-file.txt", "no such file")


def test_missing_path_does_not_hide_findings_of_the_other_files(run_cli, sample):
    proc = run_cli(["dirty.txt", "no-such-file.txt"], cwd=sample)
    assert_clean_error(proc, "no-such-file.txt")
    assert "W101" in codes_of(proc.stdout)


def test_invalid_utf8_exits_2_and_the_other_files_are_still_reported(run_cli, sample):
    (sample / "latin1.txt").write_bytes("Caf\xe9 and Source link\n".encode("latin-1"))
    proc = run_cli(["dirty.txt", "latin1.txt", "other.txt"], cwd=sample)
    assert_clean_error(proc, "latin1.txt", "UTF-8")
    found = parse_text(proc.stdout)
    assert {path for path, *_ in found} == {"dirty.txt", "other.txt"}
    assert ("other.txt", 1, 17, "S101") in found


def test_binary_file_exits_2(run_cli, sample):
    (sample / "blob.txt").write_bytes(b"\x00\x01binary\x00")
    proc = run_cli(["clean.txt", "blob.txt"], cwd=sample)
    assert_clean_error(proc, "blob.txt", "binary")
    assert proc.stdout == ""


def test_exit_zero_turns_findings_into_success(run_cli, sample):
    proc = run_cli(["--exit-zero", "dirty.txt"], cwd=sample)
    assert proc.returncode == 0
    assert codes_of(proc.stdout) == ["S101", "P101", "W101"]


def test_exit_zero_does_not_hide_input_errors(run_cli, sample):
    proc = run_cli(["--exit-zero", "dirty.txt", "missing.txt"], cwd=sample)
    assert_clean_error(proc, "missing.txt")


def test_no_paths_is_a_usage_error(run_cli, sample):
    assert_clean_error(run_cli([], cwd=sample), "no paths")


def test_version(run_cli):
    from lintnews import __version__

    proc = run_cli(["--version"])
    assert proc.returncode == 0
    assert __version__ in proc.stdout


# -- selecting rules ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_default_codes(lintnews_exe, seeds_dir, tmp_path_factory) -> Counter:
    """The codes reported on seeds/ with the default selection."""
    proc = subprocess.run(
        [lintnews_exe, "--format", "json", str(seeds_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(),
        cwd=str(tmp_path_factory.mktemp("cwd")),
    )
    assert proc.returncode == 1, proc.stderr
    return Counter(f["code"] for f in json.loads(proc.stdout)["findings"])


def test_seeds_report_several_families_by_default(seeds_default_codes):
    # the selection tests below are meaningful only if there is something to filter
    families = {code[0] for code in seeds_default_codes}
    assert {"N", "W", "C", "M"} <= families
    assert {"N101", "N102"} <= set(seeds_default_codes)


def test_select_by_prefix(run_cli, seeds_dir, seeds_default_codes):
    proc = run_cli(["--select", "W", seeds_dir])
    assert proc.returncode == 1
    got = Counter(codes_of(proc.stdout))
    assert got == Counter({c: n for c, n in seeds_default_codes.items() if c.startswith("W")})


def test_select_by_exact_code(run_cli, seeds_dir):
    proc = run_cli(["--select", "W101", seeds_dir])
    assert set(codes_of(proc.stdout)) == {"W101"}


def test_select_several_codes_comma_separated_and_repeated(run_cli, seeds_dir):
    proc = run_cli(["--select", "W101,N102", "--select", "P", seeds_dir])
    codes = set(codes_of(proc.stdout))
    assert {"W101", "N102", "P101"} <= codes
    assert all(c in ("W101", "N102") or c.startswith("P") for c in codes)


def test_ignore_by_exact_code_keeps_its_siblings(run_cli, seeds_dir, seeds_default_codes):
    proc = run_cli(["--ignore", "N101", seeds_dir])
    got = Counter(codes_of(proc.stdout))
    assert "N101" not in got
    assert got == Counter({c: n for c, n in seeds_default_codes.items() if c != "N101"})


def test_ignore_by_prefix(run_cli, seeds_dir):
    proc = run_cli(["--ignore", "N,C1", seeds_dir])
    codes = set(codes_of(proc.stdout))
    assert codes and not any(c.startswith(("N", "C")) for c in codes)


def test_extend_select_adds_to_select(run_cli, seeds_dir):
    proc = run_cli(["--select", "W101", "--extend-select", "P", "--extend-select", "S101", seeds_dir])
    codes = set(codes_of(proc.stdout))
    assert {"W101", "P101", "S101"} <= codes
    assert all(c in ("W101", "S101") or c.startswith("P") for c in codes)


def test_ignore_wins_over_select(run_cli, seeds_dir):
    proc = run_cli(["--select", "W", "--ignore", "W101", seeds_dir])
    codes = set(codes_of(proc.stdout))
    assert codes and "W101" not in codes and all(c.startswith("W") for c in codes)


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("code", ["Z999", "N9"])
def test_unknown_code_is_an_error(run_cli, sample, option, code):
    proc = run_cli([option, code, "dirty.txt"], cwd=sample)
    assert_clean_error(proc, code)
    assert proc.stdout == ""


# -- statistics, listing, explaining -----------------------------------------------------


def test_statistics_counts_findings_per_rule(run_cli, seeds_dir, seeds_default_codes):
    proc = run_cli(["--statistics", seeds_dir])
    assert proc.returncode == 1
    rows = [re.match(r"^\s*(\d+)\s+([A-Z]{1,3}\d{3})\s+(\S+)$", line) for line in proc.stdout.splitlines()]
    assert all(rows), proc.stdout
    counts = {m[2]: int(m[1]) for m in rows}
    assert counts == dict(seeds_default_codes)
    names = {r.code: r.name for r in all_rules(plugins=False)}
    assert all(m[3] == names[m[2]] for m in rows)
    numbers = [int(m[1]) for m in rows]
    assert numbers == sorted(numbers, reverse=True)


def test_statistics_of_a_clean_file_is_empty(run_cli, sample):
    proc = run_cli(["--statistics", "clean.txt"], cwd=sample)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_list_rules_shows_what_the_configuration_turns_on(run_cli, tmp_path):
    # Enabling the LanguageTool backend turns L101 on by default: the listing says so.
    listing = lambda **kw: dict(re.findall(r"^\s+([A-Z]{1,3}[0-9]{3})\s+(on|off)\s", run_cli(["--list-rules"], **kw).stdout, re.M))
    assert listing(cwd=tmp_path)["L101"] == "off"
    (tmp_path / "pyproject.toml").write_text('[tool.lintnews]\nlanguagetool = "http://127.0.0.1:9"\n', encoding="utf-8")
    assert listing(cwd=tmp_path)["L101"] == "on"


def test_list_rules_lists_every_rule(run_cli):
    proc = run_cli(["--list-rules"])
    assert proc.returncode == 0
    listed = re.findall(r"^\s+([A-Z]{1,3}[0-9]{3})\s+(on|off)\s+(\S+)\s*$", proc.stdout, re.M)
    expected = {r.code: (("on" if r.default else "off"), r.name) for r in all_rules()}
    assert len(listed) == len(expected)
    assert {code: (state, name) for code, state, name in listed} == expected
    # grouped by family, each family under a heading line
    for family in {code[0] for code in expected}:
        assert re.search(rf"^{family}\s+\S", proc.stdout, re.M), f"no heading for family {family}"


def test_explain_prints_the_rule_documentation(run_cli):
    rule = next(r for r in all_rules() if r.code == "N101")
    proc = run_cli(["--explain", "N101"])
    assert proc.returncode == 0
    assert proc.stdout.startswith("N101 name-variant")
    assert rule.describe() in proc.stdout
    assert "Example" in proc.stdout


def test_explain_a_data_rule(run_cli):
    proc = run_cli(["--explain", "W101"])
    assert proc.returncode == 0
    assert "Source link" in proc.stdout and "Example" in proc.stdout


def test_explain_unknown_code_is_an_error(run_cli):
    assert_clean_error(run_cli(["--explain", "Q999"]), "Q999")


# -- output formats ----------------------------------------------------------------------


def test_json_format(run_cli, sample):
    proc = run_cli(["--format", "json", "dirty.txt"], cwd=sample)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["schema"] == "lintnews/findings" and report["version"] == 1
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in report["findings"]] == parse_text(
        run_cli(["dirty.txt"], cwd=sample).stdout
    )
    assert report["errors"] == []


def test_json_format_lists_input_errors(run_cli, sample):
    proc = run_cli(["--format", "json", "dirty.txt", "gone.txt"], cwd=sample)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert report["findings"]
    assert report["errors"] == [{"path": "gone.txt", "message": "no such file or directory"}]


def test_github_format(run_cli, sample):
    proc = run_cli(["--format", "github", "dirty.txt"], cwd=sample)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    assert all(re.match(r"^::(error|warning|notice) file=dirty\.txt,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[A-Z]\d{3} [a-z-]+::\S", ln) for ln in lines), lines
    assert lines[2].startswith("::warning file=dirty.txt,line=3,endLine=3,col=1,endColumn=12,title=W101 boilerplate-line::")


def test_text_is_the_default_format(run_cli, sample):
    assert run_cli(["dirty.txt"], cwd=sample).stdout == run_cli(["--format", "text", "dirty.txt"], cwd=sample).stdout


def test_unknown_format_is_a_usage_error(run_cli, sample):
    proc = run_cli(["--format", "xml", "dirty.txt"], cwd=sample)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_show_source_puts_a_caret_under_the_span(run_cli, sample):
    proc = run_cli(["--show-source", "--select", "W101,S101", "dirty.txt"], cwd=sample)
    assert proc.stdout.splitlines() == [
        "dirty.txt:1:14: S101 'mentionned' is not an English word; did you mean 'mentioned'? [suggestion: 'mentioned']",
        "    The minister mentionned the talks on Monday.",
        "                 ^^^^^^^^^^",
        "dirty.txt:3:1: W101 'Source link' is page furniture left by a scraper, not article text",
        "    Source link",
        "    ^^^^^^^^^^^",
    ]


# -- configuration -----------------------------------------------------------------------


def test_lintnews_toml_is_discovered_in_the_working_directory(run_cli, sample):
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")
    proc = run_cli(["dirty.txt", "other.txt"], cwd=sample)
    assert codes_of(proc.stdout) == ["W101"]


def test_config_is_discovered_from_a_subfolder(run_cli, sample):
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")
    (sample / "deep" / "er").mkdir(parents=True)
    proc = run_cli(["../../dirty.txt"], cwd=sample / "deep" / "er")
    assert codes_of(proc.stdout) == ["W101"]


def test_pyproject_tool_lintnews_is_discovered(run_cli, sample):
    (sample / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.lintnews]\nignore = ["W101", "P"]\n', encoding="utf-8"
    )
    proc = run_cli(["dirty.txt"], cwd=sample)
    assert codes_of(proc.stdout) == ["S101"]


def test_pyproject_without_tool_lintnews_is_not_a_config(run_cli, sample):
    (sample / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.other]\nselect = 3\n', encoding="utf-8")
    proc = run_cli(["dirty.txt"], cwd=sample)
    assert codes_of(proc.stdout) == ["S101", "P101", "W101"]


def test_lintnews_toml_wins_over_pyproject_in_the_same_folder(run_cli, sample):
    (sample / "pyproject.toml").write_text('[tool.lintnews]\nselect = ["P"]\n', encoding="utf-8")
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")
    assert codes_of(run_cli(["dirty.txt"], cwd=sample).stdout) == ["W101"]


def test_config_select_and_command_line_extend_select(run_cli, sample):
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")
    proc = run_cli(["--extend-select", "P101", "dirty.txt"], cwd=sample)
    assert codes_of(proc.stdout) == ["P101", "W101"]


def test_command_line_select_replaces_config_select(run_cli, sample):
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")
    assert codes_of(run_cli(["--select", "P", "dirty.txt"], cwd=sample).stdout) == ["P101"]


# -- --show-config: every option of the table and the rules, its value, where it came from ----

SHOWN = re.compile(r"^(?P<name>[a-z0-9.A-Z-]+) = (?P<value>.+?)  # (?P<origin>.+)$")


def shown(stdout: str) -> dict[str, tuple[str, str]]:
    lines = stdout.splitlines()
    assert lines[0].startswith("# configuration: "), lines[0]
    parsed = [SHOWN.match(line) for line in lines[1:]]
    assert all(parsed), [line for line, m in zip(lines[1:], parsed) if not m]
    return {m["name"]: (m["value"], m["origin"]) for m in parsed}


def test_show_config_lists_every_option_of_the_table(run_cli):
    from lintnews.run.options import builtin_rule_classes, every_option

    proc = run_cli(["--show-config"])
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.startswith("# configuration: none found")
    options = shown(proc.stdout)
    assert list(options) == [name for name, _ in every_option(builtin_rule_classes())]
    assert {origin.split(":")[0] for _, origin in options.values()} == {"default"}
    assert options["rules.L101.chunk-size"] == ("10000", "default")
    assert options["rules.D101.threshold"] == ("none", "default: the model's own")


def test_show_config_says_where_each_value_came_from(run_cli, sample):
    (sample / "words.txt").write_text("jirga\n", encoding="utf-8")
    (sample / "lintnews.toml").write_text(
        'ignore = ["C101"]\nmt-threshold = 0.8\naccept-file = "words.txt"\n'
        '[rules.L101]\nserver = "local"\nworkers = 2\n',
        encoding="utf-8",
    )
    proc = run_cli(["--show-config", "--ignore", "W101", "--languagetool", "off", "--cache-dir", "here"], cwd=sample)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines()[0] == f"# configuration: {sample / 'lintnews.toml'}"
    options = shown(proc.stdout)
    assert options["ignore"] == ('["C101", "W101"]', "file + command line (--ignore)")
    assert options["rules.D101.threshold"] == ("0.8", "file (as mt-threshold)")
    assert options["rules.L101.server"] == ("none", "command line (--languagetool)")
    assert options["rules.L101.workers"] == ("2", "file")
    assert options["accept"] == ('["jirga"]', "file")
    assert options["cache-dir"] == ('"here"', "command line (--cache-dir)")
    assert options["select"][1] == "default: the rules on by default"


def test_show_config_checks_the_tables_of_rules_loaded_later(run_cli, tmp_path):
    """A [rules.CODE] table of a code no built-in rule has waits for packs and plugins
    (tests/test_plugins.py); when none of them has the code, it is an error."""
    (tmp_path / "lintnews.toml").write_text("[rules.W999]\nmaximum = 3\n", encoding="utf-8")
    proc = run_cli(["--show-config"], cwd=tmp_path)
    assert_clean_error(proc, "no rule has the code W999")


def test_help_of_the_flags_that_set_options_comes_from_their_declarations(run_cli):
    from lintnews.run.options import builtin_rule_classes, every_option

    # click wraps lines after a hyphen too ("extend-" / "exclude"): join those back.
    help_text = re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(run_cli(["--help"]).stdout.split()))
    for name, option in every_option(builtin_rule_classes()):
        if option.flag:
            assert (f"{option.flag} {option.metavar}" if option.metavar else option.flag) in help_text, option.flag
            assert re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(option.help.rstrip(".").split())) in help_text, name
            assert f"'{name}' of the configuration" in help_text, name


def test_per_file_ignores(run_cli, sample):
    (sample / "lintnews.toml").write_text('[per-file-ignores]\n"dirty.txt" = ["S101", "W"]\n', encoding="utf-8")
    proc = run_cli(["dirty.txt", "other.txt"], cwd=sample)
    assert parse_text(proc.stdout) == [("dirty.txt", 2, 33, "P101"), ("other.txt", 1, 17, "S101")]


def test_per_file_ignores_with_a_glob(run_cli, sample):
    (sample / "lintnews.toml").write_text('[per-file-ignores]\n"*ther.txt" = ["ALL"]\n', encoding="utf-8")
    proc = run_cli(["dirty.txt", "other.txt"], cwd=sample)
    assert {path for path, *_ in parse_text(proc.stdout)} == {"dirty.txt"}


@pytest.fixture
def project(write_files, tmp_path) -> Path:
    """A project with the README's example of exclude and per-file-ignores."""
    furniture = "A short item.\nSource link\n"
    write_files(
        {
            "lintnews.toml": 'exclude = ["archive/drafts/*"]\n\n[per-file-ignores]\n"press-releases/*" = ["W101"]\n',
            "press-releases/pr.txt": furniture,
            "archive/drafts/draft.txt": furniture,
            "archive/old.txt": furniture,
            "news/story.txt": furniture,
        },
        tmp_path / "project",
    )
    return tmp_path / "project"


def reported_files(proc, cwd: Path, project: Path) -> set[str]:
    """The files reported, relative to the project folder (``cwd``: where lintnews ran)."""
    out = set()
    for path, *_ in parse_text(proc.stdout):
        p = Path(path) if Path(path).is_absolute() else cwd / path
        out.add(p.resolve().relative_to(project.resolve()).as_posix())
    return out


def test_exclude_from_the_project_root(run_cli, project):
    proc = run_cli(["."], cwd=project)
    assert "archive/drafts/draft.txt" not in reported_files(proc, project, project)
    assert {"archive/old.txt", "news/story.txt"} <= reported_files(proc, project, project)


def test_per_file_ignores_from_the_project_root(run_cli, project):
    # "press-releases/*" = ["W101"] is the README's example: globs match paths relative
    # to the configuration file's folder.
    proc = run_cli(["."], cwd=project)
    assert "press-releases/pr.txt" not in reported_files(proc, project, project)


def test_globs_are_relative_to_the_config_folder_with_absolute_paths(run_cli, project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cwd")
    proc = run_cli(["--config", project / "lintnews.toml", project], cwd=elsewhere)
    assert reported_files(proc, elsewhere, project) == {"archive/old.txt", "news/story.txt"}


def test_globs_are_relative_to_the_config_folder_from_a_subfolder(run_cli, project):
    proc = run_cli(["."], cwd=project / "archive")
    assert reported_files(proc, project / "archive", project) == {"archive/old.txt"}


def test_vocabulary_suppresses_a_misspelling(run_cli, sample):
    assert "S101" in codes_of(run_cli(["other.txt"], cwd=sample).stdout)
    (sample / "lintnews.toml").write_text('vocabulary = ["mentionned"]\n', encoding="utf-8")
    proc = run_cli(["other.txt", "dirty.txt"], cwd=sample)
    assert "S101" not in codes_of(proc.stdout)
    assert codes_of(proc.stdout) == ["P101", "W101"]


def test_vocabulary_file(run_cli, sample):
    (sample / "words.txt").write_text("# house words\nmentionned\n", encoding="utf-8")
    (sample / "lintnews.toml").write_text('vocabulary-file = "words.txt"\n', encoding="utf-8")
    assert "S101" not in codes_of(run_cli(["other.txt", "dirty.txt"], cwd=sample).stdout)


def test_malformed_toml_is_an_error_naming_the_file(run_cli, sample):
    (sample / "lintnews.toml").write_text('select = ["W"\n', encoding="utf-8")
    proc = run_cli(["dirty.txt"], cwd=sample)
    assert_clean_error(proc, "lintnews.toml")
    assert proc.stdout == ""


def test_malformed_pyproject_with_tool_lintnews_named_by_config_is_an_error(run_cli, sample):
    bad = sample / "pyproject.toml"
    bad.write_text("[tool.lintnews\nselect = 1\n", encoding="utf-8")
    assert_clean_error(run_cli(["--config", bad, "dirty.txt"], cwd=sample), "pyproject.toml")


@pytest.mark.parametrize(
    "content, needle",
    [
        ('selekt = ["W"]\n', "selekt"),
        ('select = "W"\n', "select"),
        ("[per-file-ignores]\n\"a.txt\" = \"W\"\n", "per-file-ignores"),
    ],
)
def test_unknown_option_or_wrong_type_is_an_error(run_cli, sample, content, needle):
    (sample / "lintnews.toml").write_text(content, encoding="utf-8")
    assert_clean_error(run_cli(["dirty.txt"], cwd=sample), "lintnews.toml", needle)


def test_unknown_option_in_pyproject_is_an_error(run_cli, sample):
    (sample / "pyproject.toml").write_text("[tool.lintnews]\ncolour = true\n", encoding="utf-8")
    assert_clean_error(run_cli(["dirty.txt"], cwd=sample), "pyproject.toml", "colour")


def test_unknown_code_in_config_is_an_error(run_cli, sample):
    (sample / "lintnews.toml").write_text('ignore = ["Q123"]\n', encoding="utf-8")
    assert_clean_error(run_cli(["dirty.txt"], cwd=sample), "Q123")


def test_explicit_config_file(run_cli, sample, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("conf") / "custom.toml"
    elsewhere.write_text('select = ["S"]\n', encoding="utf-8")
    (sample / "lintnews.toml").write_text('select = ["W"]\n', encoding="utf-8")  # not used
    proc = run_cli(["--config", elsewhere, "dirty.txt"], cwd=sample)
    assert codes_of(proc.stdout) == ["S101"]


def test_explicit_pyproject_config_file(run_cli, sample, tmp_path_factory):
    conf = tmp_path_factory.mktemp("conf") / "pyproject.toml"
    conf.write_text('[tool.lintnews]\nselect = ["P"]\n', encoding="utf-8")
    assert codes_of(run_cli(["--config", conf, "dirty.txt"], cwd=sample).stdout) == ["P101"]


def test_missing_config_file_is_an_error(run_cli, sample):
    assert_clean_error(run_cli(["--config", "nope.toml", "dirty.txt"], cwd=sample), "nope.toml")


# -- determinism and newlines ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_output_is_byte_identical_across_runs(run_cli, seeds_dir, fmt):
    first = run_cli(["--format", fmt, seeds_dir])
    second = run_cli(["--format", fmt, seeds_dir])
    assert first.returncode == 1
    assert first.stdout
    assert first.stdout == second.stdout


def test_findings_do_not_depend_on_the_order_files_are_given(run_cli, seeds_dir):
    # (the evidence quoted in corpus messages follows the order of the files given)
    files = [str(p) for p in seed_files()]
    forward = parse_text(run_cli(files).stdout)
    backward = parse_text(run_cli(list(reversed(files))).stdout)
    assert forward and forward == backward


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_crlf_copy_of_the_seeds_reports_the_same_lines_and_columns(run_cli, tmp_path, newline):
    lf, other = tmp_path / "lf", tmp_path / "other"
    lf.mkdir()
    other.mkdir()
    for seed in seed_files():
        data = seed.read_bytes()
        (lf / seed.name).write_bytes(data)
        (other / seed.name).write_bytes(with_newlines(data, newline))
    a = json.loads(run_cli(["--format", "json", "lf"], cwd=tmp_path).stdout)["findings"]
    b = json.loads(run_cli(["--format", "json", "other"], cwd=tmp_path).stdout)["findings"]

    def strip(findings):
        return [
            (Path(f["path"]).name, f["line"], f["column"], f["end_line"], f["end_column"], f["code"], f["message"])
            for f in findings
        ]

    assert len(a) > 10
    assert strip(b) == strip(a)


def test_a_single_crlf_seed_matches_its_lf_original(run_cli, tmp_path, seeds_dir):
    seed = seeds_dir / "002_38a747c9cd03c8b7.txt"
    (tmp_path / "crlf.txt").write_bytes(with_newlines(seed.read_bytes(), b"\r\n"))
    (tmp_path / "lf.txt").write_bytes(seed.read_bytes())
    lf = [t[1:] for t in parse_text(run_cli(["lf.txt"], cwd=tmp_path).stdout)]
    crlf = [t[1:] for t in parse_text(run_cli(["crlf.txt"], cwd=tmp_path).stdout)]
    assert lf and crlf == lf


def test_text_format_is_one_finding_a_line_even_when_a_phrase_spans_a_line_break(run_cli, tmp_path):
    # M101 matches "warning voices" across the line break; the report must still be
    # one finding per line, "path:line:col: CODE message".
    (tmp_path / "wrapped.txt").write_text("The warning\nvoices sounded over the city.\n", encoding="utf-8")
    proc = run_cli(["--select", "M101", "wrapped.txt"], cwd=tmp_path)
    assert proc.returncode == 1
    assert parse_text(proc.stdout) == [("wrapped.txt", 1, 5, "M101")]


def test_an_unrelated_pyproject_with_an_odd_tool_key_is_ignored(run_cli, sample):
    # only a pyproject.toml with a [tool.lintnews] table is a configuration; any other
    # pyproject.toml, even an odd one, is not ours to report
    (sample / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")
    proc = run_cli(["clean.txt"], cwd=sample)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_a_terminal_that_cannot_encode_the_output_is_not_a_traceback(run_cli, seeds_dir):
    # The seeds' findings quote typographic apostrophes; an ASCII-only stdout must get a
    # readable report (or a clean error), never a traceback that exits 1 like findings.
    proc = run_cli([seeds_dir], env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": None})
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (1, 2)
    if proc.returncode == 1:
        utf8 = run_cli([seeds_dir])
        assert len(proc.stdout.splitlines()) == len(utf8.stdout.splitlines())

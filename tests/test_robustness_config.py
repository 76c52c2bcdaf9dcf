"""Configuration and rule-pack errors: one clear message, exit 2, never a traceback.

And user rule packs cannot hang lintnews: their patterns are matched with RE2 (linear
time, no backtracking), their YAML is read with the safe loader and a size limit.

Most cases run the click command in-process (fast); the ones that could hang or
exhaust memory if the protection were missing run the installed script in a
subprocess with a memory limit and a timeout that guards the test run (it is not a
speed assertion: a protected lintnews finishes these in about a second).
"""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import cli_env, lintnews_executable
from lintnews.core import data
from lintnews.cli import main as cli_main

TEXT = "Source link\nThe minister mentionned the plan.\n"


def lint_in(folder: Path, args: list[str], monkeypatch) -> tuple[int, str, str]:
    """Run the CLI in-process in ``folder``: ``(exit code, stdout, stderr)``."""
    monkeypatch.chdir(folder)
    monkeypatch.delenv("LINTNEWS_DEBUG", raising=False)
    result = CliRunner().invoke(cli_main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def assert_one_error(outcome: tuple[int, str, str], *needles: str) -> str:
    """Exit 2, nothing on stdout, one ``lintnews: error:`` line naming ``needles``."""
    code, stdout, stderr = outcome
    assert code == 2, outcome
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {stderr[:2000]!r}"
    assert lines[0].startswith("lintnews: error: "), lines
    assert "internal error" not in lines[0] and "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    return lines[0]


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT)
    return tmp_path


def with_config(project: Path, toml: str | bytes) -> Path:
    path = project / "lintnews.toml"
    path.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    return path


def with_pack(project: Path, yaml_text: str | bytes, name: str = "pack.yaml") -> Path:
    """A user rule pack in ``packs/`` and a config that loads that folder."""
    (project / "packs").mkdir(exist_ok=True)
    path = project / "packs" / name
    path.write_bytes(yaml_text if isinstance(yaml_text, bytes) else yaml_text.encode())
    with_config(project, 'rule-packs = ["packs"]\n')
    return path


def pack(body: str, kind: str = "existence", code: str = "W901") -> str:
    return f"code: {code}\nname: user-rule\ntype: {kind}\nmessage: \"'{{match}}' found\"\n{body}"


# -- the configuration file ------------------------------------------------------------------


def test_a_working_config_and_pack_are_the_baseline(project, monkeypatch):
    """The cases below differ from this one by one fault."""
    with_pack(project, pack("tokens: [minister]\n"))
    code, stdout, stderr = lint_in(project, ["a.txt"], monkeypatch)
    assert (code, stderr) == (1, "")
    assert "a.txt:2:5: W901 'minister' found" in stdout.splitlines()


def test_malformed_toml_names_the_file_and_line(project, monkeypatch):
    with_config(project, 'select = ["W"\nignore = []\n')
    line = assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", "malformed TOML")
    assert "line 2" in line


def test_a_config_that_is_not_utf8_is_a_clear_error(project, monkeypatch):
    with_config(project, b'select = ["W"]\n# caf\xe9\n')
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", "UTF-8")


def test_an_unrelated_pyproject_that_is_not_utf8_is_ignored(project, monkeypatch):
    """Only a pyproject with [tool.lintnews] is ours; any other is not ours to judge."""
    (project / "pyproject.toml").write_bytes(b"[project]\nname = 'caf\xe9'\n")
    code, stdout, stderr = lint_in(project, ["a.txt"], monkeypatch)
    assert (code, stderr) == (1, ""), stderr
    assert "W101" in stdout


@pytest.mark.parametrize(
    "toml, needle",
    [
        ('select = "W"\n', "'select' must be a list of strings"),
        ("ignore = 3\n", "'ignore' must be a list of strings"),
        ("extend-select = [1]\n", "'extend-select' must be a list of strings"),
        ("exclude = 'x'\n", "'exclude' must be a list of strings"),
        ("corpus = {}\n", "'corpus' must be a list of strings"),
        ("rule-packs = 'packs'\n", "'rule-packs' must be a list of strings"),
        ("cache-dir = 3\n", "'cache-dir' must be a string"),
        ("reject-file = ['a']\n", "'reject-file' must be a string"),
        ('per-file-ignores = ["x"]\n', "'per-file-ignores' must be a table"),
        ('per-file-ignores = {"*.txt" = "W"}\n', "'per-file-ignores.*.txt' must be a list of strings"),
        ("selct = ['W']\n", "unknown option(s): selct"),
        ("mt-threshold = 2\n", "'mt-threshold' must be a number from 0 to 1"),
        ("[rules.D101]\nthreshold = 'high'\n", "'rules.D101.threshold' must be a number from 0 to 1"),
        ("[rules.L101]\nworkers = 0\n", "'rules.L101.workers' must be an integer of at least 1"),
        ("[rules.L101]\nservr = 'local'\n", "unknown option(s) of L101: servr"),
        ("[rules.S101]\naccept = ['x']\n", "unknown option(s) of S101: accept"),
        ("[rules.P101]\nlevel = 1\n", "unknown option(s) of P101: level (known: none)"),
        ("[rules.Q999]\nlevel = 1\n", "[rules.Q999]: no rule has the code Q999"),
        ("rules = 3\n", "'rules' must be a table of tables"),
        ("[rules.T103]\npeople = [{country = 'US'}]\n", "'rules.T103.people' must be a list of tables, each with a name"),
        ("[rules.T103]\nhouse-style = {CN = 'Premier'}\n", "'rules.T103.house-style' must be a table of country"),
        ("languagetool = 'local'\n[rules.L101]\nserver = 'local'\n", "'languagetool' and 'rules.L101.server' are the same option: give one"),
        ("accept-file = 'a'\nvocabulary-file = 'b'\n", "'vocabulary-file' and 'accept-file' are the same option"),
    ],
)
def test_a_wrong_type_or_unknown_option_is_one_error_naming_the_file(project, monkeypatch, toml, needle):
    with_config(project, toml)
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", needle)


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore"])
def test_an_unknown_rule_code_in_the_config_names_the_code_and_the_file(project, monkeypatch, key):
    with_config(project, f'{key} = ["Q999"]\n')
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "Q999", "lintnews.toml")


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--ignore"])
def test_an_unknown_rule_code_on_the_command_line_is_one_error(project, monkeypatch, option):
    assert_one_error(lint_in(project, [option, "W101,Q999", "a.txt"], monkeypatch), "'Q999'")


@pytest.mark.parametrize(
    "toml, needles",
    [
        ('reject = ["(unclosed"]\n', ["reject", "(unclosed", "missing )"]),
        ('accept = ["(?<=Mr )Smith"]\n', ["accept", "lookaround"]),
        ('vocabulary = ["(\\\\w+) \\\\1"]\n', ["accept", "backreferences"]),
    ],
)
def test_an_invalid_vocabulary_regex_is_one_error(project, monkeypatch, toml, needles):
    with_config(project, toml)
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", *needles)


def test_an_invalid_regex_in_a_reject_file_names_the_entry(project, monkeypatch):
    (project / "reject.txt").write_text("# our banned words\ncolour\n[unclosed\n")
    with_config(project, 'reject-file = "reject.txt"\n')
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", "[unclosed")


def test_a_missing_vocabulary_file_is_one_error(project, monkeypatch):
    with_config(project, 'accept-file = "nowhere.txt"\n')
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "lintnews.toml", "nowhere.txt")


# -- rule packs: YAML ------------------------------------------------------------------------


def test_malformed_yaml_in_a_pack_names_the_file_and_line(project, monkeypatch):
    path = with_pack(project, "code: W901\nname: x\ntype: existence\nmessage: m\ntokens: [a, b\n")
    line = assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "malformed YAML")
    assert f"{path}:" in line
    assert line.split(f"{path}:")[1].split(":")[0].isdigit(), line


def test_bad_indentation_in_a_pack_names_the_line(project, monkeypatch):
    path = with_pack(project, "code: W901\nname: x\n  type: existence\n")
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), f"{path}:3:", "malformed YAML")


@pytest.mark.parametrize(
    "document",
    [
        '!!python/object/apply:os.system ["touch {marker}"]\n',
        'code: W901\nname: x\ntype: existence\nmessage: m\ntokens: !!python/object/apply:os.system ["touch {marker}"]\n',
        "code: W901\nname: x\ntype: existence\nmessage: m\ntokens: !!python/name:os.system\n",
    ],
    ids=["top-level", "in-a-key", "python-name"],
)
def test_python_tags_in_a_pack_are_refused_and_never_run(project, monkeypatch, document):
    marker = project / "pwned"
    path = with_pack(project, document.format(marker=marker))
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path), "python")
    assert not marker.exists()


def test_a_pack_that_is_not_utf8_is_one_error(project, monkeypatch):
    path = with_pack(project, b"code: W901\nname: caf\xe9\n")
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path))


def _padded_pack(size: int) -> str:
    """A valid pack padded with comment lines to exactly ``size`` bytes."""
    body = pack("tokens: [minister]\n")
    filler = size - len(body)
    lines, rest = divmod(filler, 80)
    text = body + ("#" * 79 + "\n") * lines + ("#" * (rest - 1) + "\n" if rest else "")
    assert len(text.encode()) == size
    return text


def test_a_pack_over_the_size_limit_is_refused_before_parsing(project, monkeypatch):
    path = with_pack(project, _padded_pack(data.MAX_PACK_BYTES + 1))
    parsed = []
    real_safe_load = data.yaml.safe_load
    monkeypatch.setattr(data.yaml, "safe_load", lambda fh: parsed.append(fh.name) or real_safe_load(fh))
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path), "over the limit")
    assert str(path) not in parsed


def test_a_pack_of_exactly_the_size_limit_is_loaded(project, monkeypatch):
    with_pack(project, _padded_pack(data.MAX_PACK_BYTES))
    code, stdout, stderr = lint_in(project, ["a.txt"], monkeypatch)
    assert (code, stderr) == (1, "")
    assert "a.txt:2:5: W901 'minister' found" in stdout.splitlines()


# -- rule packs: shape -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "document, needle",
    [
        ("- a\n- b\n", "must be a mapping"),
        ("", "must be a mapping"),
        (pack("tokens: [a]\n", kind="grep"), "unknown rule type 'grep'"),
        (pack("tokens: [a]\n", code="12"), "'code' must be a str, not int"),
        (pack("tokens: [a]\n", code="W12"), "is not a family letter"),
        ("name: x\ntype: existence\nmessage: m\ntokens: [a]\n", "missing key 'code'"),
        (pack("tokens: abc\n"), "needs a list of 'tokens' or 'patterns'"),
        (pack("tokens: []\n"), "needs a list of 'tokens' or 'patterns'"),
        (pack("tokens: [a]\nseverity: fatal\n"), "severity must be one of"),
        (pack("groups: [[a]]\n", kind="consistency"), "group 1 needs at least two forms"),
        (pack("swap: [{wrong: a}]\n", kind="substitution"), "swap entry 1 needs 'wrong' and 'expected'"),
        (pack("", kind="pattern"), "missing key 'pattern'"),
    ],
)
def test_a_pack_of_the_wrong_shape_is_one_error_naming_it(project, monkeypatch, document, needle):
    path = with_pack(project, document)
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path), needle)


def test_a_pack_reusing_a_built_in_code_is_one_error(project, monkeypatch):
    with_pack(project, pack("tokens: [a]\n", code="W101"))
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), "two rules share the code W101", "user-rule")


def test_a_token_that_is_not_a_string_is_refused(project, monkeypatch):
    """A nested list is not a phrase: it must not be turned into one with str()."""
    path = with_pack(project, pack("tokens: [[minister, plan]]\n"))
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path), "tokens")


def test_a_message_template_naming_an_unknown_field_is_refused_when_loaded(project, monkeypatch):
    """Caught at load time, not only when a text happens to match."""
    (project / "clean.txt").write_text("Nothing to see.\n")
    path = with_pack(project, "code: W901\nname: x\ntype: existence\nmessage: '{nope}'\ntokens: [minister]\n")
    assert_one_error(lint_in(project, ["clean.txt"], monkeypatch), str(path), "nope")


# -- rule packs: regular expressions ---------------------------------------------------------


@pytest.mark.parametrize(
    "document, needles",
    [
        (pack('patterns: ["(unclosed"]\n'), ["invalid regex in tokens/patterns", "missing )"]),
        (pack('patterns: ["(?<=Mr )Smith"]\n'), ["invalid regex", "lookaround and backreferences are not available"]),
        (pack('patterns: ["Smith(?= said)"]\n'), ["invalid regex", "lookaround"]),
        (pack('pattern: "(\\\\w+) \\\\1"\n', kind="pattern"), ["invalid regex in pattern", "backreferences"]),
        (pack('swap: [{wrong: "(a", expected: b, regex: true}]\n', kind="substitution"), ["swap entry 1"]),
        (pack('patterns: ["a{1001}"]\n'), ["invalid repetition size"]),
    ],
)
def test_an_invalid_user_regex_is_one_error_naming_the_pack(project, monkeypatch, document, needles):
    path = with_pack(project, document)
    assert_one_error(lint_in(project, ["a.txt"], monkeypatch), str(path), *needles)


def test_a_user_pattern_is_matched_with_re2_not_python_re(project, monkeypatch):
    """The pattern means RE2's syntax: ``\\pL`` (a letter) is RE2's, Python's ``re`` refuses it."""
    with_pack(project, pack('patterns: ["mi\\\\pL+ter"]\n'))
    code, stdout, stderr = lint_in(project, ["a.txt"], monkeypatch)
    assert (code, stderr) == (1, "")
    assert "a.txt:2:5: W901 'minister' found" in stdout.splitlines()


# -- user patterns cannot hang lintnews ------------------------------------------------------

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space for a guarded subprocess


def run_guarded(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed lintnews with 2 GiB of address space and a 60 s hang guard."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [lintnews_executable(), *args],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=60,  # guards the suite against a hang; RE2 takes about a second here
        preexec_fn=limit,
    )


def test_a_redos_pattern_in_a_user_pack_finishes_and_still_matches(tmp_path):
    """``(a+)+$`` on 50,000 a's and a '!' would backtrack for ages in Python's ``re``."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "redos.yaml").write_text(pack('patterns: ["(a+)+$"]\n', code="W902"))
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["packs"]\nselect = ["W902"]\n')
    (tmp_path / "attack.txt").write_text("a" * 50_000 + "!\n")
    (tmp_path / "match.txt").write_text("Hello\nbaaa\n")
    proc = run_guarded(["attack.txt", "match.txt"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout == "match.txt:2:2: W902 'aaa' found\n"


def test_a_redos_pattern_in_the_reject_list_finishes(tmp_path):
    (tmp_path / "lintnews.toml").write_text('reject = ["(x+x+)+y"]\nselect = ["S102"]\n')
    (tmp_path / "attack.txt").write_text("x" * 50_000 + "\n")
    (tmp_path / "match.txt").write_text("It was xxy.\n")
    proc = run_guarded(["attack.txt", "match.txt"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [line.split(": ")[0] for line in proc.stdout.splitlines()] == ["match.txt:1:8"]


def _alias_bomb(levels: int) -> str:
    """A few hundred bytes of YAML whose aliases expand to 10**levels strings."""
    lines = [pack(""), 'x0: &x0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]")
    lines.append(f"tokens: [*x{levels}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_a_pack_is_refused(tmp_path):
    """'Billion laughs': 500 bytes on disk, 10**9 strings once the aliases are expanded.

    The size limit cannot see it; the pack must be refused (aliases, or entries that
    are not strings), in one line, within the guard's memory and time.
    """
    (tmp_path / "packs").mkdir()
    bomb = _alias_bomb(9)
    assert len(bomb) < 1000
    (tmp_path / "packs" / "bomb.yaml").write_text(bomb)
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["packs"]\n')
    (tmp_path / "a.txt").write_text(TEXT)
    proc = run_guarded(["a.txt"], tmp_path)
    assert_one_error((proc.returncode, proc.stdout, proc.stderr), "bomb.yaml")


def test_a_pattern_too_large_for_re2_is_one_line_of_error(tmp_path):
    """A pattern of 1.6 MB is refused; RE2's own logging must not flood stderr.  (A token
    of that length is only a long phrase: tests/test_phrase_set.py.)"""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "long.yaml").write_text(pack(f'patterns: ["{"lol " * 400_000}end"]\n'))
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["packs"]\n')
    (tmp_path / "a.txt").write_text(TEXT)
    proc = run_guarded(["a.txt"], tmp_path)
    assert_one_error((proc.returncode, proc.stdout, proc.stderr), "long.yaml")


def test_the_guard_itself_lets_a_normal_run_through(tmp_path):
    """The memory limit of ``run_guarded`` is no obstacle to an ordinary run."""
    (tmp_path / "a.txt").write_text(TEXT)
    proc = run_guarded(["a.txt"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert {line.split(": ")[1].split(" ")[0] for line in proc.stdout.splitlines()} == {"W101", "S101"}

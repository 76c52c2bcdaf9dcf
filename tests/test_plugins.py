"""Extending lintnews: third-party rules through the ``lintnews.rules`` entry-point group,
and user rule packs (YAML files of the generic rule types) named in the configuration."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

from lintnews.api import configured_rules, lint_paths, lint_texts
from lintnews.run.config import load_config
from lintnews.core.data import DataError
from lintnews.core.rule import RuleError
from lintnews.rules.registry import all_rules

PLUGIN_SOURCE = '''
from lintnews.core.rule import DocumentRule, Rule


class Shouting(DocumentRule):
    """Finds the word SHOUT written in capitals.

    Example: ``They SHOUT`` -> ``They shout``.
    """

    code = "X901"
    name = "shouting"
    severity = "info"

    def check(self, doc):
        start = doc.view.find("SHOUT")
        while start != -1:
            yield self.finding(doc, start, start + 5, "'SHOUT' is shouting", suggestion="shout")
            start = doc.view.find("SHOUT", start + 1)


class Whisper(DocumentRule):
    """Finds 'psst'.  Example: ``psst``."""

    code = "X902"
    name = "whisper"
    default = False

    def check(self, doc):
        start = doc.view.find("psst")
        if start != -1:
            yield self.finding(doc, start, start + 4, "whispering")


def make_rules():
    return [Whisper()]
'''


def make_plugin(root: Path, entry_points: str, source: str = PLUGIN_SOURCE) -> str:
    """Write a module and an installed-distribution record for it; return the module name."""
    module = f"lintnews_test_plugin_{uuid.uuid4().hex[:12]}"
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    dist = root / "lintnews_test_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lintnews-test-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(entry_points.replace("MODULE", module), encoding="utf-8")
    return module


@pytest.fixture
def plugin_dir(tmp_path, monkeypatch):
    """A folder on sys.path, where importlib.metadata finds the dist-info we write."""
    root = tmp_path / "plugin-site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    before = set(sys.modules)
    yield root
    for name in set(sys.modules) - before:
        if name.startswith("lintnews_test_plugin_"):
            del sys.modules[name]


@pytest.fixture
def plugin(plugin_dir):
    make_plugin(plugin_dir, "[lintnews.rules]\nshouting = MODULE:Shouting\nwhisper = MODULE:make_rules\n")
    return plugin_dir


# -- entry points ------------------------------------------------------------------------


def test_a_plugin_rule_class_is_registered(plugin):
    rules = {r.code: r for r in all_rules()}
    assert "X901" in rules
    assert rules["X901"].name == "shouting"
    assert "Example" in rules["X901"].describe()


def test_a_plugin_callable_returning_rules_is_registered(plugin):
    assert "X902" in {r.code for r in all_rules()}


def test_plugins_can_be_left_out(plugin):
    assert not {"X901", "X902"} & {r.code for r in all_rules(plugins=False)}


def test_without_the_plugin_there_is_no_such_rule():
    assert "X901" not in {r.code for r in all_rules()}


def test_a_selected_plugin_rule_reports_findings(plugin):
    findings = lint_texts({"a.txt": "First line.\nThey SHOUT at night.\n"}, select=["X901"])
    assert [(f.path, f.line, f.column, f.end_line, f.end_column, f.code, f.severity, f.suggestion) for f in findings] == [
        ("a.txt", 2, 6, 2, 11, "X901", "info", "shout")
    ]


def test_plugin_rules_follow_their_default(plugin):
    text = {"a.txt": "They SHOUT, psst.\n"}
    assert {f.code for f in lint_texts(text)} == {"X901"}  # X902 is off by default
    assert {f.code for f in lint_texts(text, select=["X"])} == {"X901", "X902"}


def test_plugin_rules_through_the_command_line(tmp_path, run_cli):
    root = tmp_path / "site"
    root.mkdir()
    make_plugin(root, "[lintnews.rules]\nshouting = MODULE:Shouting\n")
    (tmp_path / "a.txt").write_text("They SHOUT.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(root)}
    listed = run_cli(["--list-rules"], cwd=tmp_path, env=env)
    assert listed.returncode == 0 and "X901" in listed.stdout
    finding = "a.txt:1:6: X901 'SHOUT' is shouting [suggestion: 'shout']\n"
    proc = run_cli(["--select", "X901", "a.txt"], cwd=tmp_path, env=env)
    assert (proc.returncode, proc.stdout) == (0, finding)  # an info finding fails no run by default
    proc = run_cli(["--select", "X901", "--fail-on", "info", "a.txt"], cwd=tmp_path, env=env)
    assert (proc.returncode, proc.stdout) == (1, finding)


def test_a_plugin_that_fails_to_load_is_a_rule_error_naming_it(plugin_dir):
    make_plugin(plugin_dir, "[lintnews.rules]\nbroken = lintnews_no_such_module_xyz:Rule\n")
    with pytest.raises(RuleError, match="broken"):
        all_rules()


def test_a_plugin_that_is_not_a_rule_is_a_rule_error(plugin_dir):
    make_plugin(plugin_dir, "[lintnews.rules]\nnotarule = MODULE:PLUGIN_CONSTANT\n", PLUGIN_SOURCE + "\nPLUGIN_CONSTANT = 42\n")
    with pytest.raises(RuleError, match="notarule"):
        all_rules()


def test_a_plugin_reusing_a_built_in_code_is_a_rule_error(plugin_dir):
    source = PLUGIN_SOURCE.replace('code = "X901"', 'code = "N101"')
    make_plugin(plugin_dir, "[lintnews.rules]\nshouting = MODULE:Shouting\n", source)
    with pytest.raises(RuleError, match="N101"):
        all_rules()


def test_a_plugin_with_a_malformed_code_is_a_rule_error(plugin_dir):
    source = PLUGIN_SOURCE.replace('code = "X901"', 'code = "shout"')
    make_plugin(plugin_dir, "[lintnews.rules]\nshouting = MODULE:Shouting\n", source)
    with pytest.raises(RuleError, match="shout"):
        all_rules()


# -- user rule packs ---------------------------------------------------------------------

HOUSE_PACK = """\
code: W901
name: house-banned-phrase
type: existence
severity: error
reads_quotes: false
ignore_case: true
message: "'{match}' is banned by the house style"
doc: |
  Finds phrases the house style bans.

  Example: ``at this point in time`` -> ``now``.
tokens:
  - at this point in time
patterns:
  - "\\\\bvery unique\\\\b"
"""

TEXT = 'At this point in time we act.\nA very unique plan.\nHe said "at this point in time" twice.\n'


@pytest.fixture
def project(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_a_rule_pack_named_in_the_config_fires(project):
    (project / "lintnews.toml").write_text('rule-packs = ["packs/house.yaml"]\n', encoding="utf-8")
    config = load_config(project / "lintnews.toml")
    rules = configured_rules(config, select=["W901"])
    assert [r.code for r in rules] == ["W901"]
    result = lint_paths([str(project / "a.txt")], config, rules)
    assert [(f.line, f.column, f.end_column, f.code, f.severity, f.message) for f in result.findings] == [
        (1, 1, 22, "W901", "error", "'At this point in time' is banned by the house style"),
        (2, 3, 14, "W901", "error", "'very unique' is banned by the house style"),
        # line 3 is inside a quotation, which the rule does not read
    ]


def test_a_rule_pack_folder(project):
    (project / "packs" / "other.yml").write_text(
        HOUSE_PACK.replace("W901", "W902").replace("house-banned-phrase", "other-phrase"), encoding="utf-8"
    )
    (project / "packs" / "notes.txt").write_text("not a rule", encoding="utf-8")
    (project / "lintnews.toml").write_text('rule-packs = ["packs"]\n', encoding="utf-8")
    config = load_config(project / "lintnews.toml")
    assert {"W901", "W902"} <= {r.code for r in all_rules(config.rule_packs)}


def test_a_rule_pack_through_the_command_line(project, run_cli):
    (project / "lintnews.toml").write_text('rule-packs = ["packs/house.yaml"]\n', encoding="utf-8")
    proc = run_cli(["--select", "W9", "a.txt"], cwd=project)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "a.txt:1:1: W901 'At this point in time' is banned by the house style",
        "a.txt:2:3: W901 'very unique' is banned by the house style",
    ]
    explained = run_cli(["--explain", "W901"], cwd=project)
    assert explained.returncode == 0 and "Finds phrases the house style bans." in explained.stdout


@pytest.mark.parametrize(
    "content, needle",
    [
        (HOUSE_PACK.replace('"\\\\bvery unique\\\\b"', '"(unclosed"'), "regex"),
        (HOUSE_PACK.replace("message:", "massage:"), "message"),
        (HOUSE_PACK.replace("name: house-banned-phrase\n", ""), "name"),
        (HOUSE_PACK.replace("type: existence", "type: nonsense"), "nonsense"),
        (HOUSE_PACK.replace("code: W901", "code: W9"), "W9"),
        (HOUSE_PACK.replace("severity: error", "severity: fatal"), "severity"),
        ("code: W901\nname: x\ntype: existence\nmessage: m\n", "tokens"),
        ("code: W901\ntype: [unclosed\n", "YAML"),
        ("- just\n- a list\n", "mapping"),
    ],
    ids=["bad-regex", "missing-message", "missing-name", "unknown-type", "bad-code", "bad-severity", "no-tokens", "bad-yaml", "not-a-mapping"],
)
def test_a_malformed_rule_pack_is_a_data_error_naming_the_file(tmp_path, content, needle):
    pack = tmp_path / "broken-pack.yaml"
    pack.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        all_rules([str(pack)])
    assert "broken-pack.yaml" in str(info.value)
    assert needle in str(info.value)


def test_a_missing_rule_pack_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="nowhere.yaml"):
        all_rules([str(tmp_path / "nowhere.yaml")])


def test_a_malformed_rule_pack_through_the_command_line(project, run_cli):
    (project / "packs" / "house.yaml").write_text(HOUSE_PACK.replace("type: existence", "type: nonsense"), encoding="utf-8")
    (project / "lintnews.toml").write_text('rule-packs = ["packs/house.yaml"]\n', encoding="utf-8")
    proc = run_cli(["a.txt"], cwd=project)
    assert proc.returncode == 2
    assert "house.yaml" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


OPTIONS_PLUGIN = '''
from lintnews.core.options import Option, integer
from lintnews.core.rule import DocumentRule


class LongWord(DocumentRule):
    """Finds words longer than a maximum.  Example: ``incomprehensibilities``."""

    code = "X903"
    name = "long-word"
    options = (Option("maximum", integer(1), 20, "The longest word allowed."),)

    def check(self, doc):
        for start, word in ((m.start(), m.group()) for m in __import__("re").finditer(r"\\w+", doc.view)):
            if len(word) > self.settings.maximum:
                yield self.finding(doc, start, start + len(word), f"a word of {len(word)} letters")
'''


def test_a_plugged_in_rule_declares_its_options_and_receives_its_settings(plugin_dir, tmp_path):
    from lintnews.run.config import ConfigError, show

    make_plugin(plugin_dir, "[lintnews.rules]\nlong = MODULE:LongWord\n", OPTIONS_PLUGIN)
    (tmp_path / "a.txt").write_text("Some extraordinarily long words here.\n", encoding="utf-8")
    default_rules = configured_rules(load_config(None), select=["X903"])
    assert default_rules[0].settings.maximum == 20
    assert lint_paths([str(tmp_path / "a.txt")], load_config(None), default_rules).findings == []
    (tmp_path / "lintnews.toml").write_text("[rules.X903]\nmaximum = 6\n", encoding="utf-8")
    config = load_config(tmp_path / "lintnews.toml")
    rules = configured_rules(config, select=["X903"])
    assert rules[0].settings.maximum == 6 and default_rules[0].settings.maximum == 20
    found = lint_paths([str(tmp_path / "a.txt")], config, rules).findings
    assert [f.message for f in found] == ["a word of 15 letters"]
    assert "rules.X903.maximum = 6  # file" in show(config, rules).splitlines()
    (tmp_path / "lintnews.toml").write_text("[rules.X903]\nmaximum = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'rules.X903.maximum' must be an integer of at least 1"):
        configured_rules(load_config(tmp_path / "lintnews.toml"))

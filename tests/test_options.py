"""Options declared once, and configuration that never changes a rule.

Every option is declared once (the configuration's table, and each rule's ``options``);
checking a file, the flags, ``--show-config`` and the README's table come from those
declarations.  Configuring and selecting rules yields a frozen :class:`RuleSet`: rule
objects are made with their settings, never changed afterwards.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from lintnews.api import configure, configured_rules, known_rules, lint_paths
from lintnews.core.options import Invalid, make_settings, settings_type
from lintnews.core.rule import Rule
from lintnews.rules.document_mt_score import ReadsMachineTranslated
from lintnews.rules.registry import all_rules, select_rules
from lintnews.rules.ruleset import RuleSet
from lintnews.run.config import Config, ConfigError, load_config
from lintnews.run.options import OPTIONS, builtin_rule_classes, every_option
from lintnews.run.run import Run

# Configurations that set every option of the built-in rules (and the shared lists),
# under the canonical names and under the older top-level ones.
EVERYTHING = {
    "accept": ["Zabihullah Mujahid"],
    "reject": ["Zabiullah"],
    "rules": {
        "D101": {"threshold": 0.5},
        "L101": {"server": "http://127.0.0.1:9", "language": "en-GB", "categories": ["GRAMMAR"], "timeout": 2, "chunk-size": 500, "workers": 1, "cache": False},
        "T103": {"people": [{"name": "Jane Smith", "country": "US", "office": "Mayor"}], "house-style": {"CN": {"head-of-government": ["Premier"]}}, "report": {}, "ignore": ["Olaf Scholz"]},
    },
}
OLDER_NAMES = {"vocabulary": ["Zabihullah Mujahid"], "mt_threshold": 0.5, "languagetool": "local", "languagetool_timeout": 2.5, "languagetool_cache": False}
SELECTIONS = [
    {},
    {"select": ["ALL"]},
    {"select": ["N", "L101:EN_A_VS_AN"], "ignore": ["L101:MORFOLOGIK", "S"]},
    {"extend_select": ["D101"], "ignore": ["T103"]},
]


def snapshot(rules: list[Rule]) -> list[tuple[type, dict]]:
    """Each rule's class and a copy of its attributes (compared by value and identity)."""
    return [(type(r), dict(vars(r))) for r in rules]


def class_attributes() -> dict[type, dict]:
    # (copy.copy caches a class's __slotnames__ on it: Python's bookkeeping, not a setting)
    return {cls: {k: v for k, v in vars(cls).items() if k != "__slotnames__"} for cls in builtin_rule_classes()}


@pytest.mark.parametrize("values", [EVERYTHING, OLDER_NAMES, {}], ids=["canonical", "older-names", "nothing"])
@pytest.mark.parametrize("selection", SELECTIONS, ids=["default", "all", "subcodes", "extend"])
def test_no_rule_object_is_changed_by_configuration_or_selection(values, selection):
    rules = all_rules(plugins=False)
    before, classes = snapshot(rules), class_attributes()
    config = Config(**values)
    made = configure(rules, config)
    chosen = select_rules(made, **selection)
    assert snapshot(rules) == before and class_attributes() == classes
    # a rule whose settings differ from its defaults is another object; the others are the same
    for fresh, configured in zip(rules, made):
        same = configured.settings == fresh.settings
        assert (configured is fresh) == same
        assert snapshot([configured])[0][1].keys() <= {*before[rules.index(fresh)][1], "_settings"}
    assert isinstance(chosen, RuleSet) and all(r in made for r in chosen)


def test_a_run_leaves_its_rules_as_it_found_them(tmp_path):
    """open/close are the only state a rule holds, and only while a run is open."""
    (tmp_path / "a.txt").write_text("Zabiullah Mujahid said the talks . . continue.\n", encoding="utf-8")
    config = Config(**{**EVERYTHING, "rules": {**EVERYTHING["rules"], "L101": {"server": "off"}}})
    rules = configured_rules(config, select=["ALL"])
    before = snapshot(list(rules))
    lint_paths([str(tmp_path / "a.txt")], config, rules)
    Run(config, rules).execute([str(tmp_path / "a.txt")])
    assert snapshot(list(rules)) == before


def test_configuring_languagetool_turns_l101_on_in_the_rule_set_only():
    plain, configured = known_rules(Config()), known_rules(Config(languagetool="local"))
    l101 = next(r for r in configured if r.code == "L101")
    assert l101.default is False and l101.settings.server == "local"
    assert configured.is_default(l101) and not plain.is_default(next(r for r in plain if r.code == "L101"))
    assert "L101" in {r.code for r in select_rules(configured)} - {r.code for r in select_rules(plain)}


def test_the_rule_set_is_frozen():
    rules = configured_rules(Config(), select=["L101:EN_A"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.defaults = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        rules.subcodes["L101"] = None  # type: ignore[index]
    assert rules.keep_selected([]) == [] and not hasattr(rules, "append")


def test_a_config_is_frozen_and_a_command_line_makes_another():
    config = Config(select=["N"])
    with pytest.raises(AttributeError, match="frozen"):
        config.select = ["W"]  # type: ignore[misc]
    with_flags = config.with_command_line({"select": ("W,P",), "ignore": ("P101",)})
    assert (config.select, with_flags.select, with_flags.ignore) == (("N",), ("W", "P"), ("P101",))
    assert with_flags.origin("select") == "command line (--select)" and config.origin("select") == "api"


# -- settings ------------------------------------------------------------------------------


def test_settings_are_a_frozen_typed_dataclass_made_from_the_declarations():
    for cls in builtin_rule_classes():
        made = settings_type(cls)
        assert [f.name for f in dataclasses.fields(made)] == [o.attr for o in cls.options]
        defaults = cls().settings
        assert [getattr(defaults, o.attr) for o in cls.options] == [o.default for o in cls.options]
    d101 = ReadsMachineTranslated().with_settings(make_settings(ReadsMachineTranslated, {"threshold": 0.75}))
    assert d101.settings.threshold == 0.75
    with pytest.raises(dataclasses.FrozenInstanceError):
        d101.settings.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(Invalid, match="'threshold' must be a number from 0 to 1"):
        make_settings(ReadsMachineTranslated, {"threshold": 3})
    with pytest.raises(TypeError):
        ReadsMachineTranslated().with_settings(known_rules(Config())[0].settings)


def test_configured_rules_travel_to_worker_processes():
    """Rules are pickled for worker processes: their settings with them."""
    for rule in known_rules(Config(**EVERYTHING)):
        again = pickle.loads(pickle.dumps(rule))
        assert again.settings == rule.settings and type(again.settings) is type(rule.settings)


def test_python_keywords_take_the_canonical_and_the_older_names():
    older = known_rules(Config(mt_threshold=0.5, languagetool="local", vocabulary=["x"]))
    canonical = known_rules(Config(rules={"D101": {"threshold": 0.5}, "L101": {"server": "local"}}, accept=["x"]))
    assert [r.settings for r in older] == [r.settings for r in canonical]
    with pytest.raises(ConfigError, match="Config\\(\\): 'rules.D101.threshold' must be a number from 0 to 1"):
        Config(rules={"D101": {"threshold": "high"}})


def test_a_rule_table_of_a_plugged_in_rule_is_checked_once_the_rule_is_known(tmp_path, monkeypatch):
    path = tmp_path / "lintnews.toml"
    path.write_text('[rules.W999]\nlevel = 3\n', encoding="utf-8")
    config = load_config(path)  # W999 may come from a pack or a plugin: not known yet
    with pytest.raises(ConfigError, match="no rule has the code W999"):
        known_rules(config)


# -- one table -----------------------------------------------------------------------------


def test_every_option_is_declared_once_with_help():
    names = [name for name, _ in every_option(builtin_rule_classes())]
    assert len(names) == len(set(names))
    keys = [key for _, o in every_option(builtin_rule_classes()) for key in (o.name, *o.aliases) if o in OPTIONS or key in o.aliases]
    assert len(keys) == len(set(keys)), "a top-level key names two options"
    for name, option in every_option(builtin_rule_classes()):
        assert option.help.strip() and option.kind.name, name
        assert option.name == option.name.lower() and " " not in option.name and "_" not in option.name, name
        assert option.command_line in ("replace", "extend")


def test_every_declared_default_is_a_value_the_option_takes(tmp_path: Path):
    """A file that sets every option to its default configures what no file does."""
    plain = [r.settings for r in known_rules(Config())]
    lines = []
    from lintnews.core.options import show_value

    for name, option in every_option(builtin_rule_classes()):
        if option.default is not None and option.paths is None and not name.startswith("rules."):
            lines.append(f"{name} = {show_value(option.default)}")
    for cls in builtin_rule_classes():
        given = [o for o in cls.options if not o.shared and o.default is not None and o.paths is None]
        if given:
            lines.append(f"[rules.{cls.code}]")
            lines += [f"{o.name} = {show_value(o.default)}" for o in given]
    path = tmp_path / "lintnews.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [r.settings for r in known_rules(load_config(path))] == plain

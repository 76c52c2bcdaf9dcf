"""The rule catalogue: the README's table is generated from the registry, and every rule
is documented well enough to be listed and explained."""

from __future__ import annotations

import re

import pytest

from lintnews import catalogue
from lintnews.core.finding import SEVERITIES
from lintnews.core.rule import CODE_RE, FAMILIES
from lintnews.rules.registry import all_rules

REGENERATE = "run `python -m lintnews.catalogue --write README.md` and commit the README"


@pytest.fixture(scope="module")
def rules():
    return all_rules(plugins=False)


def test_readme_catalogue_is_up_to_date(repo_root, rules):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert catalogue.START in readme and catalogue.END in readme, (
        f"README.md has no {catalogue.START} ... {catalogue.END} section: add the two markers "
        f"where the rule catalogue goes, then {REGENERATE}"
    )
    assert readme.index(catalogue.START) < readme.index(catalogue.END)
    section = readme.split(catalogue.START, 1)[1].split(catalogue.END, 1)[0]
    rendered = catalogue.render(rules)
    assert section.strip("\n") == rendered, f"the README's rule catalogue is out of date: {REGENERATE}"
    assert catalogue.splice(readme, rendered) == readme, f"the README's rule catalogue is out of date: {REGENERATE}"


def test_readme_options_table_is_up_to_date(repo_root):
    """The README's table of options is made from the options' declarations."""
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    start, end = catalogue.OPTIONS_START, catalogue.OPTIONS_END
    assert start in readme and end in readme and readme.index(start) < readme.index(end)
    rendered = catalogue.render_options()
    assert readme.split(start, 1)[1].split(end, 1)[0].strip("\n") == rendered, f"the README's table of options is out of date: {REGENERATE}"


def test_options_table_lists_every_option_once():
    from lintnews.run.options import builtin_rule_classes, every_option

    table = catalogue.render_options()
    rows = re.findall(r"^\| `([a-z-]+)` \|", table, re.M)
    sections = re.findall(r"^\| \*\*`\[rules\.([A-Z]+[0-9]+)\]`\*\*", table, re.M)
    expected = [name.rsplit(".", 1)[-1] for name, _ in every_option(builtin_rule_classes())]
    assert rows == expected
    assert sections == sorted({name.split(".")[1] for name, _ in every_option(builtin_rule_classes()) if name.startswith("rules.")})
    for name, option in every_option(builtin_rule_classes()):
        for alias in option.aliases:
            assert f"`{alias}`" in table, alias
        if option.flag:
            assert f"`{option.flag}`" in table, option.flag


def test_catalogue_lists_every_rule_once(rules):
    table = catalogue.render(rules)
    rows = re.findall(r"^\| ([A-Z]{1,3}[0-9]{3}) \| ([^|]+) \|", table, re.M)
    assert [(code, name.strip()) for code, name in rows] == [
        (r.code, r.name) for family in FAMILIES for r in rules if r.code.startswith(family)
    ]
    assert sorted(code for code, _ in rows) == [r.code for r in rules]


def test_splice_replaces_only_the_marked_section():
    readme = f"# Title\n\nintro\n\n{catalogue.START}\nold table\n{catalogue.END}\n\n## After\n"
    new = catalogue.splice(readme, "NEW")
    assert new == f"# Title\n\nintro\n\n{catalogue.START}\nNEW\n{catalogue.END}\n\n## After\n"
    with pytest.raises(ValueError):
        catalogue.splice("# no markers\n", "NEW")


def test_there_are_rules(rules):
    assert len(rules) >= 10


def test_every_rule_has_a_well_formed_unique_code(rules):
    codes = [r.code for r in rules]
    assert all(CODE_RE.match(c) for c in codes), [c for c in codes if not CODE_RE.match(c)]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_every_rule_belongs_to_a_family(rules):
    # otherwise it would be missing from the catalogue and from --list-rules headings
    assert [r.code for r in rules if r.code[0] not in FAMILIES] == []


def test_every_rule_has_a_kebab_case_name(rules):
    bad = [(r.code, r.name) for r in rules if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name or "")]
    assert bad == []
    names = [r.name for r in rules]
    assert len(names) == len(set(names)), "rule names must be unique"


def test_every_rule_is_documented_with_an_example(rules):
    undocumented = [r.code for r in rules if not r.describe().strip()]
    assert undocumented == []
    no_example = [r.code for r in rules if "Example" not in r.describe()]
    assert no_example == [], "every rule's description must contain an 'Example'"


def test_every_rule_has_a_valid_severity_and_scope(rules):
    assert [r.code for r in rules if r.severity not in SEVERITIES] == []
    assert [r.code for r in rules if r.scope not in ("document", "corpus")] == []

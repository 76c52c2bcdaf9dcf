"""The rule catalogue and the table of options of the README, generated from the registry
and the options' declarations.

``python -m lintnews.catalogue`` prints them; ``--write README.md`` replaces the text
between the ``<!-- rules:start -->`` and ``<!-- rules:end -->`` markers, and between the
``<!-- options:start -->`` and ``<!-- options:end -->`` markers (atomically).  A test
fails when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lintnews.run.atomic import write_atomically
from lintnews.core.rule import FAMILIES, Rule
from lintnews.rules.registry import all_rules
from lintnews.run.options import builtin_rule_classes, render_table

START, END = "<!-- rules:start -->", "<!-- rules:end -->"
OPTIONS_START, OPTIONS_END = "<!-- options:start -->", "<!-- options:end -->"


def _summary(rule: Rule) -> str:
    first = rule.describe().split("\n\n")[0]
    return " ".join(first.split())


def render(rules: list[Rule]) -> str:
    lines = ["| code | name | default | scope | reads quotes | what it finds |", "|---|---|---|---|---|---|"]
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.code.startswith(family)]
        if not members:
            continue
        lines.append(f"| **{family}** | | | | | **{title}** |")
        for r in members:
            summary = _summary(r).replace("|", "\\|")
            lines.append(
                f"| {r.code} | {r.name} | {'on' if r.default else 'off'} | {r.scope} | "
                f"{'yes' if r.reads_quotes else 'no'} | {summary} |"
            )
    lines.append("")
    lines.append("`lintnews --explain CODE` prints a rule's whole documentation, with its example.")
    return "\n".join(lines)


def render_options() -> str:
    """The table of options: the configuration's own, then the built-in rules'."""
    return render_table(builtin_rule_classes())


def splice(readme: str, catalogue: str, start: str = START, end: str = END) -> str:
    head, sep, rest = readme.partition(start)
    if not sep or end not in rest:
        raise ValueError(f"the README has no {start} ... {end} section")
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{catalogue}\n{end}{tail}"


def main(argv: list[str]) -> int:
    text = render(all_rules(plugins=False))
    options = render_options()
    if len(argv) == 2 and argv[0] == "--write":
        path = Path(argv[1])
        new = splice(path.read_text(encoding="utf-8"), text)
        new = splice(new, options, OPTIONS_START, OPTIONS_END)
        write_atomically(path, new)
        return 0
    sys.stdout.write(text + "\n\n" + options + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The rule catalogue of the README, generated from the registry.

``python -m lintnews.catalogue`` prints it; ``--write README.md`` replaces the text
between the ``<!-- rules:start -->`` and ``<!-- rules:end -->`` markers (atomically).
A test fails when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lintnews.run.atomic import write_atomically
from lintnews.core.rule import FAMILIES, Rule
from lintnews.rules.registry import all_rules

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


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


def splice(readme: str, catalogue: str) -> str:
    head, sep, rest = readme.partition(START)
    if not sep or END not in rest:
        raise ValueError(f"the README has no {START} ... {END} section")
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{catalogue}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = render(all_rules(plugins=False))
    if len(argv) == 2 and argv[0] == "--write":
        path = Path(argv[1])
        new = splice(path.read_text(encoding="utf-8"), text)
        write_atomically(path, new)
        return 0
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Where a diagnostic's code links to: one page with every built-in rule's documentation.

``docs/rules.md`` holds, for each rule, a heading ``CODE name`` and what
``lintnews --explain CODE`` prints (generated from the rules' docstrings:
``python -m lintnews.server.rule_docs --write docs/rules.md``; a test fails when it is
out of date).  A diagnostic's ``codeDescription`` is that page with the heading's
anchor, which GitHub, GitLab and most Markdown renderers derive the same way from
"N101 name-variant": ``#n101-name-variant``.  Codes and names are stable (a rule keeps
both for life), so the links are too.  The base can be changed with the server's
``ruleDocsUrl`` initialisation option (a template with ``{code}``, ``{name}`` and
``{anchor}``), for a fork or a mirror.  Rules of plugins and of user rule packs get no
link: their documentation is not on the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lintnews.core.rule import FAMILIES, Rule
from lintnews.rules.registry import all_rules
from lintnews.run.atomic import write_atomically

DEFAULT_URL = "https://github.com/lintnews/lintnews/blob/main/docs/rules.md#{anchor}"


def anchor(code: str, name: str) -> str:
    """The heading anchor of a rule on the page: ``n101-name-variant``."""
    return f"{code.lower()}-{name.lower()}"


def rule_url(template: str, code: str, name: str) -> str:
    return template.format(code=code, name=name, anchor=anchor(code, name))


def builtin_codes() -> dict[str, str]:
    """The documented rules: code -> name (built-in Python and data rules)."""
    return {r.code: r.name for r in all_rules(plugins=False)}


def render(rules: list[Rule]) -> str:
    out = [
        "# lintnews rules",
        "",
        "Generated from the rules themselves (`python -m lintnews.server.rule_docs --write docs/rules.md`);",
        "each section is what `lintnews --explain CODE` prints.  The language server links every",
        "diagnostic's code to its section here.",
        "",
    ]
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.code.startswith(family)]
        if not members:
            continue
        out += [f"## {family}: {title}", ""]
        for r in members:
            out += [
                f"### {r.code} {r.name}",
                "",
                f"*{r.severity}, {'on' if r.default else 'off'} by default, {r.scope} rule*",
                "",
                r.describe().strip(),
                "",
            ]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    text = render(all_rules(plugins=False))
    if len(argv) == 2 and argv[0] == "--write":
        write_atomically(Path(argv[1]), text)
        return 0
    if argv:
        sys.stderr.write("usage: python -m lintnews.server.rule_docs [--write docs/rules.md]\n")
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))

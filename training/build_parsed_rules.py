"""Write ``lintnews/data/rules-parsed.json``: the built-in YAML files of ``rules/`` that a
run parses, as JSON, each with the checksum of its text.

    python training/build_parsed_rules.py

A run reads a built-in file from this table when its text is the one recorded here, and
parses it with PyYAML otherwise (a file edited since is read correctly, only without the
saving: PyYAML's import and parse were about 7% of a one-file run).  Run it after editing
a YAML file in ``rules/``; ``tests/test_parsed_rules.py`` fails until then.  Files whose
data JSON cannot hold exactly (keys that are not strings, dates) are left to PyYAML, and
so are the data files no run parses (``offices-by-country.yaml``: its table is
``offices-by-country.json``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lintnews.core.data import PARSED_RULES, parse_yaml, rules_dir, text_checksum

#: Read from tables of their own, never parsed in a run.
NOT_PARSED_IN_A_RUN = frozenset({"offices-by-country.yaml"})


def same(a: object, b: object) -> bool:
    """Equal, with equal types all the way down (``1 == True`` and ``1 == 1.0`` are not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    return a == b


def entries() -> dict[str, list]:
    files = {}
    for path in sorted(rules_dir().glob("*.yaml")):
        if path.name in NOT_PARSED_IN_A_RUN:
            continue
        text = path.read_text(encoding="utf-8")
        data = parse_yaml(path, text)
        try:
            encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            print(f"{path.name}: not representable in JSON, left to PyYAML", file=sys.stderr)
            continue
        if not same(json.loads(encoded), data):
            print(f"{path.name}: JSON does not hold it exactly, left to PyYAML", file=sys.stderr)
            continue
        files[path.name] = [text_checksum(text), encoded]
    return files


def main() -> None:
    files = entries()
    # One file per line, so that a change to one YAML file is a change to one line.
    lines = [f"{json.dumps(name)}: {json.dumps(entry, ensure_ascii=False)}" for name, entry in files.items()]
    Path(PARSED_RULES).write_text('{"format": 1, "files": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    print(f"{PARSED_RULES}: {len(files)} files")


if __name__ == "__main__":
    main()

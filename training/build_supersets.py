"""Write ``lintnews/data/supersets.json``: the RE2 supersets (and single characters) of
the regexes the built-in rules declare, translated once here instead of at every start.

    python training/build_supersets.py [--print]

Every built-in rule is made and lints a short text with every rule selected, so that
patterns made on first use are translated too; each translation is recorded with its
arguments.  A run uses the table only under the Python version (major.minor) and the
translation code (``superset.py``, ``phrase_set.py``) it was built with; a regex not in
it is translated as it comes (same result, slower).  Run it after changing a rule's
regex or the translation; ``tests/test_superset_table.py`` fails until then.
"""

from __future__ import annotations

import json
import sys

from lintnews.analyses.matching import superset

SAMPLE = (
    "Prime Minister Jane Doe said on Monday that the talks would go on. Mr. Smith, the"
    " spokesman, said 21 procent of 3 тыс. people agreed.\n"
)


def entries() -> list[list]:
    """Every translation the built-in rules ask for, made anew, sorted."""
    from lintnews.api import lint_texts
    from lintnews.rules.registry import all_rules

    all_rules(plugins=False)
    lint_texts({"a.txt": SAMPLE, "b.md": SAMPLE}, select=["ALL"])
    keys = sorted(superset.asked, key=json.dumps)
    return [[list(key), superset.translate(key)] for key in keys]


def table() -> dict:
    return {
        "format": 1,
        "python": "%d.%d" % sys.version_info[:2],
        "translator": superset.translator_checksum(),
        "entries": entries(),
    }


def main() -> None:
    data = table()
    if "--print" in sys.argv[1:]:  # for tests/test_superset_table.py: what would be written
        print(json.dumps(data, ensure_ascii=False))
        return
    from json_table import write_entries  # training/, beside this script

    print(f"{superset.TABLE}: {write_entries(superset.TABLE, data)} translations")


if __name__ == "__main__":
    main()

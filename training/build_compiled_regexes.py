"""Write ``lintnews/data/regexes.json``: the regexes lintnews's own code compiles in a run,
which the package build compiles ahead with the installing Python
(``lintnews/data/compiled-regexes.json``; :mod:`lintnews.core.compiled_regexes`,
``hatch_build.py``), so that a start-up builds them from their code instead of parsing
and compiling them (issue 19).

    python training/build_compiled_regexes.py [--print]

The regexes are those lintnews's own code compiles (not the modules it imports: their
regexes change with their versions) while lintnews is imported and lints: a one-file
run of the command line, and every built-in rule over a
short text and a Markdown file (as ``build_supersets.py`` runs them), with the table off.
That is done twice, under two hash seeds, and only the regexes made in both are kept (a
regex built from a set's order would differ between runs).  The list is the same on every
Python.  Run it after changing a built-in regex (with ``build_supersets.py``), then
reinstall (``pip install -e .``) to compile the new list; ``tests/test_compiled_regexes.py``
fails until then.
"""

from __future__ import annotations

import os
import sys

# Only os and sys before the recording starts: every other module's regexes are recorded.

SAMPLE = (
    "Prime Minister Jane Doe said on Monday that the talks would go on. Mr. Smith, the"
    " spokesman, said 21 procent of 3 тыс. people agreed.\n"
)
SHORT = "The minister spoke to reporters on Monday.\nShe said the talks would continue next week.\n"
# Words that make regexes built on first need be built (the idioms' of M104: "time").
ARTICLE = "At the same time, the de facto rules stood for the first time in a long time.\n"


def record() -> list[list]:
    """In this process (the table off): every regex compiled while lintnews is imported and
    lints, as [pattern, flags], in the order first compiled."""
    assert os.environ.get("LINTNEWS_COMPILED_REGEXES") == "0"
    import re

    try:
        from re import _compiler
    except ImportError:  # pragma: no cover - Python 3.9, 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
    seen: dict[tuple[str, int], None] = {}
    compile_ = _compiler.compile

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    package, engine = os.path.join(here, "lintnews", ""), os.path.dirname(re.__file__)

    def recording(p, flags=0):
        frame = sys._getframe(1)
        while frame is not None and os.path.dirname(frame.f_code.co_filename) == engine:
            frame = frame.f_back  # re.compile, re.match, ...: who called them
        caller = frame.f_code.co_filename if frame is not None else ""
        if isinstance(p, str) and caller.startswith(package) and not flags & (re.DEBUG | getattr(re, "TEMPLATE", 0)):
            seen.setdefault((p, int(flags)), None)
        return compile_(p, flags)

    _compiler.compile = recording
    import tempfile

    from lintnews import cli
    from lintnews.api import lint_texts
    from lintnews.rules.registry import all_rules

    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "one.txt"), "w", encoding="utf-8") as fh:
            fh.write(SHORT)
        cwd, stdout = os.getcwd(), sys.stdout
        try:
            os.chdir(folder)
            sys.stdout = open(os.devnull, "w", encoding="utf-8")
            try:
                cli.main(["one.txt"], standalone_mode=False)
            except SystemExit:
                pass
        finally:
            sys.stdout.close()
            sys.stdout = stdout
            os.chdir(cwd)
    all_rules(plugins=False)
    lint_texts({"a.txt": SAMPLE, "b.md": SAMPLE, "c.txt": SHORT, "d.txt": ARTICLE})
    return [list(key) for key in seen]


def regex_list() -> dict:
    """Every regex recorded in both of two runs under different hash seeds, sorted."""
    import json
    import subprocess

    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "LINTNEWS_COMPILED_REGEXES": "0"}
        done = subprocess.run([sys.executable, __file__, "--record"], env=env, capture_output=True, text=True, check=True)
        runs.append({tuple(key) for key in json.loads(done.stdout)})
    return {"format": 1, "entries": [list(key) for key in sorted(runs[0] & runs[1])]}


def main() -> None:
    if "--record" in sys.argv[1:]:  # before lintnews is imported
        keys = record()
        import json

        print(json.dumps(keys, ensure_ascii=False))
        return
    import json

    from lintnews.core.compiled_regexes import REGEX_LIST

    data = regex_list()
    if "--print" in sys.argv[1:]:  # for tests/test_compiled_regexes.py: what would be written
        print(json.dumps(data, ensure_ascii=False))
        return
    from json_table import write_entries  # training/, beside this script

    print(f"{REGEX_LIST}: {write_entries(REGEX_LIST, data)} regexes")


if __name__ == "__main__":
    main()

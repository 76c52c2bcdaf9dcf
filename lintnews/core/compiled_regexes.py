"""The built-in regexes, compiled ahead: a start-up no longer parses and compiles them.

Python's ``re`` turns a regex into its engine's code in Python (the parser and compiler of
``re._parser``, ``re._compiler``): for the some 280 regexes a run of lintnews makes at
import and on its first document, about a third of the instructions of a one-file run
(issue 19).  That code depends on the Python version, so it is made where lintnews is
installed: ``lintnews/data/regexes.json`` (made by ``training/build_compiled_regexes.py``,
the same on every Python) lists the regexes, [pattern, flags]; the package build
(``hatch_build.py``, on ``pip install``) compiles each with the installing Python into
``lintnews/data/compiled-regexes.json``, as ``compileall`` makes bytecode.
:func:`preload` builds each regex from its code (``_sre.compile``, what
``re._compiler.compile`` ends with) and puts it into ``re``'s own cache, where
``re.compile`` (and every ``re`` function) looks first.  The regexes are the ones
``re.compile`` would make (equal, code and all: ``tests/test_compiled_regexes.py``); any
regex not in the table is compiled as it always was.

The table is read only under the Python version (major.minor.micro) and the engine's version
(``_sre.MAGIC``, ``CODESIZE``) it was made with, and only if ``re`` keeps its cache as it
does in that version; ``LINTNEWS_COMPILED_REGEXES=0`` turns it off.  Without the table (a
copy of the source tree never installed) every regex is compiled as usual.  This module
imports nothing of lintnews: the build loads it by its path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
#: the regexes to compile ahead, [pattern, flags] (shipped; the same on every Python)
REGEX_LIST = DATA / "regexes.json"
#: their compiled code, for the Python that installed lintnews (made by the build)
TABLE = DATA / "compiled-regexes.json"
#: set to "0" to compile every regex as ``re`` does by itself (the table's build does)
ENVIRONMENT = "LINTNEWS_COMPILED_REGEXES"


def engine() -> dict[str, object]:
    """What the table's code depends on: the Python version and the regex engine's."""
    from array import array

    import _sre

    return {
        "python": "%d.%d.%d" % sys.version_info[:3],  # a patch release may change the compiler
        "magic": _sre.MAGIC,
        "codesize": _sre.CODESIZE,
        "itemsize": array("I").itemsize,  # the code is stored as an array of "I" items
        "byteorder": sys.byteorder,
    }


def preload(path: Path = TABLE) -> int:
    """Put the table's regexes into ``re``'s cache; returns how many (0 when the table is
    not for this Python, is missing or unreadable, or is turned off)."""
    if os.environ.get(ENVIRONMENT) == "0":
        return 0
    import re

    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not isinstance(getattr(re, "_MAXCACHE", None), int):
        return 0
    try:
        import json
        from array import array
        from binascii import a2b_base64

        import _sre

        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != 1 or data.get("engine") != engine():
            return 0
        room = re._MAXCACHE - len(cache)
        entries = data["entries"][: max(0, room)]
        for pattern, flags, compiled_flags, code, groups, groupindex, indexgroup in entries:
            regex = _sre.compile(pattern, compiled_flags, array("I", a2b_base64(code)).tolist(), groups, groupindex, tuple(indexgroup))
            cache.setdefault((str, pattern, flags), regex)
        return len(entries)
    except (OSError, ValueError, TypeError, KeyError, RuntimeError, AttributeError, ImportError):
        return 0


def compile_parts(pattern: str, flags: int) -> list:
    """The table's row of ``re.compile(pattern, flags)``: what ``re._compiler.compile``
    passes to ``_sre.compile`` (for ``training/build_compiled_regexes.py``)."""
    from array import array
    from binascii import b2a_base64

    try:  # the parser and compiler are private; renamed in Python 3.11
        from re import _compiler, _parser
    except ImportError:  # pragma: no cover - Python 3.9, 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    encoded = b2a_base64(array("I", code).tobytes(), newline=False).decode("ascii")
    return [pattern, flags, flags | parsed.state.flags, encoded, parsed.state.groups - 1, groupindex, indexgroup]


def compile_table(regex_list: Path = REGEX_LIST) -> dict:
    """The table of the regexes listed in ``regex_list``, compiled by this Python."""
    import json

    keys = json.loads(regex_list.read_text(encoding="utf-8"))["entries"]
    return {"format": 1, "engine": engine(), "entries": [compile_parts(p, f) for p, f in keys]}


def write_table(path: Path = TABLE, regex_list: Path = REGEX_LIST) -> int:
    """Compile the listed regexes into ``path`` (through a temporary file and a rename: a
    reader never sees half a table); returns how many."""
    import json
    import os

    data = compile_table(regex_list)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
    return len(data["entries"])

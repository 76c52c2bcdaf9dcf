"""Writing a shipped JSON table one entry a line, so that a changed entry changes one line
of the diff (``build_supersets.py``, ``build_compiled_regexes.py``)."""

from __future__ import annotations

import json
from pathlib import Path


def write_entries(path: Path, data: dict) -> int:
    """Write ``data`` (a dict with an ``entries`` list) to ``path``: its other keys first,
    then each entry on a line of its own.  Returns the number of entries."""
    head = json.dumps({k: v for k, v in data.items() if k != "entries"}, ensure_ascii=False)[:-1]
    lines = [json.dumps(entry, ensure_ascii=False) for entry in data["entries"]]
    path.write_text(head + ', "entries": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    return len(lines)

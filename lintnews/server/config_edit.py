"""Adding a spelling to the project's accepted terms (``accept``), safely.

Where the term goes, in this order:

1. the configuration names an ``accept-file`` (or ``vocabulary-file``): one line is
   appended to that file;
2. the configuration (``lintnews.toml``, or ``[tool.lintnews]`` of ``pyproject.toml``)
   has an ``accept`` (or ``vocabulary``) list: the term is added at its end;
3. it has neither: ``accept = ["term"]`` is added to its table;
4. there is no configuration: a ``lintnews.toml`` holding ``accept = ["term"]`` is
   created in the workspace folder.

The term is written as a literal (the regular-expression characters of an accept entry
escaped: "U.S." stays "U.S.", not "U" and any character and "S").  TOML is edited as
text, so comments and layout are kept, and the result is checked by parsing both texts:
unless the new configuration is the old one with exactly this term added, nothing is
written.  Writing is :func:`lintnews.run.safe_write.write_fixed_file`'s (atomic, only if
the file is unchanged since it was read, owner and mode kept); when the file is open in
the editor the server sends the same change as an edit of the buffer instead.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")
_HEADER = re.compile(r"^[ \t]*\[\[?[^\]\n]*\]\]?[ \t]*(?:#.*)?$", re.M)
_LIST_KEY = re.compile(r"^[ \t]*(accept|vocabulary|\"accept\"|\"vocabulary\")[ \t]*=[ \t]*\[", re.M)
_FILE_KEYS = ("accept-file", "vocabulary-file")


class EditError(Exception):
    """The term cannot be added safely; the message says why (add it by hand)."""


def literal_entry(term: str) -> str:
    """An accept entry that matches ``term`` literally (whole words, any case)."""
    return _SPECIAL.sub(r"\\\1", term.strip())


@dataclass(frozen=True)
class Edit:
    """The new text of one file (``before`` is None for a file to create)."""

    path: Path
    before: str | None
    after: str


def plan(config_path: Path | None, root: Path | None, term: str, read=lambda p: p.read_text(encoding="utf-8")) -> Edit:
    """The edit that adds ``term`` to the accepted terms of the configuration at
    ``config_path`` (None: create ``lintnews.toml`` in ``root``).  ``read`` gives a
    file's current text (the editor's buffer, when the file is open)."""
    entry = literal_entry(term)
    if not entry or "\n" in entry:
        raise EditError(f"{term!r} is not a term that can be accepted")
    if config_path is None:
        if root is None:
            raise EditError("no workspace folder to create lintnews.toml in")
        return Edit(root / "lintnews.toml", None, f"accept = [{_toml_string(entry)}]\n")
    text = read(config_path)
    table = _table(text, config_path)
    for key in _FILE_KEYS:
        if isinstance(table.get(key), str):
            words = config_path.parent / table[key]
            before = read(words) if words.exists() else ""
            after = before + ("" if before == "" or before.endswith("\n") else "\n") + entry + "\n"
            return Edit(words, before if words.exists() else None, after)
    after = add_to_toml(text, entry, pyproject=config_path.name == "pyproject.toml")
    return Edit(config_path, text, after)


def add_to_toml(text: str, entry: str, pyproject: bool) -> str:
    """``text`` with ``entry`` added to the accepted terms; checked by parsing both."""
    old = _table_of(text, pyproject)
    start, end = _table_span(text, pyproject)
    found = _LIST_KEY.search(text, start, end)
    if found:
        key = found.group(1).strip('"')
        close = _closing_bracket(text, found.end())
        last = _last_significant(text, found.end(), close)
        if text[last] == "[":
            piece = _toml_string(entry)
        elif text[last] == ",":
            piece = " " + _toml_string(entry)
        else:
            piece = ", " + _toml_string(entry)
        new = text[: last + 1] + piece + text[last + 1 :]
    else:
        key = "accept"
        at = start if pyproject else end
        line = f"accept = [{_toml_string(entry)}]\n"
        if at > 0 and text[at - 1] != "\n":
            line = "\n" + line
        new = text[:at] + line + text[at:]
    expected = dict(old)
    expected[key] = [*old.get(key, []), entry]
    if _table_of(new, pyproject) != expected:
        raise EditError("the configuration is written in a way this edit does not understand; add the term by hand")
    return new


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _table(text: str, path: Path) -> dict:
    return _table_of(text, path.name == "pyproject.toml", path)


def _table_of(text: str, pyproject: bool, path: Path | None = None) -> dict:
    """The lintnews table of a configuration's text (pyproject's ``[tool.lintnews]``, or
    the whole of a ``lintnews.toml``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EditError(f"{path or 'the configuration'} is not valid TOML ({exc}); fix it first") from None
    if not pyproject:
        return data
    table = data.get("tool", {}).get("lintnews", {})
    if not isinstance(table, dict):
        raise EditError("[tool.lintnews] is not a table")
    return table


def _table_span(text: str, pyproject: bool) -> tuple[int, int]:
    """Where the lintnews table's keys are: after ``[tool.lintnews]`` up to the next
    header (pyproject), or from the start to the first header (``lintnews.toml``)."""
    headers = list(_HEADER.finditer(text))
    if not pyproject:
        return 0, headers[0].start() if headers else len(text)
    for i, h in enumerate(headers):
        if re.fullmatch(r"\s*\[\s*tool\s*\.\s*lintnews\s*\]\s*(#.*)?", h.group(0)):
            end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
            return min(h.end() + 1, len(text)), end
    raise EditError("pyproject.toml has no [tool.lintnews] table")


def _closing_bracket(text: str, i: int) -> int:
    """The index of the ``]`` closing the array whose ``[`` is just before ``i``."""
    depth = 1
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c == "#":
            nl = text.find("\n", i)
            i = len(text) if nl == -1 else nl
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise EditError("an accept list that is never closed")


def _string_end(text: str, i: int) -> int:
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    if triple:
        end = text.find(quote * 3, i + 3)
        if end == -1:
            raise EditError("an unclosed string")
        return end + 3
    j = i + 1
    while j < len(text):
        if text[j] == "\\" and quote == '"':
            j += 2
            continue
        if text[j] == quote:
            return j + 1
        if text[j] == "\n":
            break
        j += 1
    raise EditError("an unclosed string")


def _last_significant(text: str, start: int, close: int) -> int:
    """The index of the last character before ``close`` that is neither space nor part
    of a comment (``start - 1``, the ``[``, when the array is empty)."""
    last = start - 1
    i = start
    while i < close:
        c = text[i]
        if c in "\"'":
            end = _string_end(text, i)
            last, i = end - 1, end
            continue
        if c == "#":
            nl = text.find("\n", i)
            i = close if nl == -1 or nl > close else nl
            continue
        if not c.isspace():
            last = i
        i += 1
    return last

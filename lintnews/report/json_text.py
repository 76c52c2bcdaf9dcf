"""``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, faster.

With ``indent`` Python's ``json`` leaves its C encoder aside (before Python 3.13) and
writes through nested generators, a few chunks per value: about 0.4 ms of every article's
JSON output (its findings, their places, its score).  :func:`dumps_indented` writes the
same text from one recursive walk that puts a key and a plain value in one chunk, with
the same C function for strings as ``json``.  It knows the types a report holds (``dict``
with string keys, ``list``, ``tuple``, ``str``, ``int``, finite ``float``, ``bool``,
``None``, exactly those types); anything else (a subclass, a number key, an infinite
float, a cycle) and it hands the whole value to ``json.dumps``, so the text is always
``json.dumps``'s (``tests/test_reporters.py`` compares them).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

_INDENT = 2
#: "\n" and the indentation of each level (deeper ones are made when needed).
_NEWLINES = tuple("\n" + " " * (_INDENT * level) for level in range(32))


class _Unsupported(Exception):
    """A value :func:`dumps_indented` leaves to ``json.dumps``."""


def dumps_indented(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    parts: list[str] = []
    try:
        _write(value, parts, 0)
    except (_Unsupported, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=_INDENT)
    return "".join(parts)


def _newline(level: int) -> str:
    return _NEWLINES[level] if level < len(_NEWLINES) else "\n" + " " * (_INDENT * level)


def _scalar(value: object) -> str | None:
    """The text of a plain value; None for a container (or anything else)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _Unsupported  # NaN, Infinity: json.dumps's own spelling
        return float.__repr__(value)
    return None


def _write(value: object, parts: list[str], level: int) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = _newline(level + 1)
        separator = "{" + inner
        for key, item in value.items():  # type: ignore[attr-defined]
            if type(key) is not str:
                raise _Unsupported  # json.dumps turns number and None keys into strings
            text = _scalar(item)
            if text is not None:
                parts.append(f"{separator}{encode_basestring(key)}: {text}")
            else:
                parts.append(f"{separator}{encode_basestring(key)}: ")
                _write(item, parts, level + 1)
            separator = "," + inner
        parts.append(_newline(level) + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = _newline(level + 1)
        separator = "[" + inner
        for item in value:  # type: ignore[attr-defined]
            text = _scalar(item)
            if text is not None:
                parts.append(separator + text)
            else:
                parts.append(separator)
                _write(item, parts, level + 1)
            separator = "," + inner
        parts.append(_newline(level) + "]")
    else:
        text = _scalar(value)
        if text is None:
            raise _Unsupported
        parts.append(text)

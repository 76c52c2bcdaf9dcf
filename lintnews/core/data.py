"""Where the rule data lives and how it is read.

Rule data (phrase lists, title tables, boilerplate patterns, name lists) is kept in the
top-level ``rules/`` folder of the source tree.  The wheel carries it as
``lintnews/_rules`` (see ``pyproject.toml``), so an installed lintnews finds it beside
its code and a source checkout finds it in ``rules/``.
"""

from __future__ import annotations

import functools
import json
import zlib
from pathlib import Path
from typing import Any

from lintnews.core.side_files import read_side_text


def __getattr__(name: str) -> Any:
    """``data.yaml``: PyYAML, imported on first use."""
    if name == "yaml":
        return _yaml()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def _yaml() -> tuple[Any, Any]:
    """PyYAML and its safe loader, imported when a file must be parsed (its import is
    about 6% of a one-file run): libyaml's loader when PyYAML was built with it, the same
    safe subset, several times faster."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Rule packs larger than this are refused: a rule pack is a list of phrases, not a corpus.
MAX_PACK_BYTES = 2 * 1024 * 1024


class DataError(Exception):
    """A data file that cannot be read; the message names the file (and line)."""


PACKAGE_DIR = Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    """The built-in rule data: ``lintnews/_rules`` in a wheel, the top-level ``rules/``
    folder in a checkout."""
    packaged = PACKAGE_DIR / "_rules"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "rules"


#: A rule pack's data, with its aliases expanded, may have at most this many nodes ...
MAX_PACK_NODES = 1_000_000
#: ... and at most this many characters in its strings: aliases may not make a pack larger
#: than a pack without aliases may be (``MAX_PACK_BYTES``).
MAX_PACK_CHARS = MAX_PACK_BYTES


def _check_expansion(path: Path, root: object) -> None:
    """Refuse a YAML document whose aliases would expand past ``MAX_PACK_NODES`` nodes or
    ``MAX_PACK_CHARS`` characters of strings.

    The size file limit does not bound this: a few hundred bytes of nested aliases
    ("billion laughs") expand into billions of strings, and a thousand aliases of one
    30,000-character string into 30 million characters of phrases (which took 15 s to
    build into patterns before anything refused them).  Sizes are counted on the node
    graph, each shared node once, so the check itself stays linear in the file.
    """
    yaml = _yaml()[0]
    sizes: dict[int, tuple[int, int]] = {}

    def size(node) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = (1, 0)  # a cycle counts once
        nodes, chars = 1, 0
        if isinstance(node, yaml.ScalarNode):
            chars = len(node.value)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                n, c = size(child)
                nodes, chars = nodes + n, chars + c
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                for child in (k, v):
                    n, c = size(child)
                    nodes, chars = nodes + n, chars + c
        sizes[key] = (nodes, chars)
        if nodes > MAX_PACK_NODES:
            raise DataError(f"{path}: rule pack expands to more than {MAX_PACK_NODES} values (YAML aliases); refused")
        if chars > MAX_PACK_CHARS:
            raise DataError(f"{path}: rule pack expands to more than {MAX_PACK_CHARS} characters (YAML aliases); refused")
        return nodes, chars

    if root is not None:
        size(root)


#: The built-in YAML files as JSON, each with the checksum of the text it was parsed from
#: (built by ``training/build_parsed_rules.py``).
PARSED_RULES = Path(__file__).resolve().parent.parent / "data" / "rules-parsed.json"


@functools.lru_cache(maxsize=1)
def _parsed_rules() -> dict[str, list]:
    try:
        with open(PARSED_RULES, encoding="utf-8") as fh:
            table = json.load(fh)
        return table["files"] if table.get("format") == 1 else {}
    except (OSError, ValueError, AttributeError, KeyError):
        return {}  # every file is parsed


def text_checksum(text: str) -> list[int]:
    """What identifies a file's text in :data:`PARSED_RULES`: its length and two checksums."""
    data = text.encode("utf-8", "surrogatepass")
    return [len(data), zlib.crc32(data), zlib.adler32(data)]


def _parsed(path: Path, text: str) -> object | None:
    """A built-in file's data as parsed before, when its text is the one parsed then."""
    if path.parent != rules_dir():
        return None
    entry = _parsed_rules().get(path.name)
    if entry is None or entry[0] != text_checksum(text):
        return None  # changed since (or never written): YAML reads it
    return json.loads(entry[1])  # new objects for each caller, as a parse gives


def read_yaml(path: Path) -> object:
    """Read a YAML file with the safe loader, refusing oversized files.  A built-in file
    whose text is the one recorded in :data:`PARSED_RULES` is read from there, without
    PyYAML."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise DataError(f"{path}: rule pack is {size} bytes, over the limit of {MAX_PACK_BYTES}")
        text = read_side_text(path, MAX_PACK_BYTES)
        parsed = _parsed(path, text)
        if parsed is not None:
            return parsed
        return parse_yaml(path, text)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None


def parse_yaml(path: Path, text: str) -> object:
    """The data of a YAML text (``path`` names it in errors), aliases bounded."""
    yaml, loader = _yaml()
    try:
        if "*" in text:  # aliases: make sure they do not expand into a bomb
            _check_expansion(path, yaml.compose(text, Loader=loader))
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{where}: malformed YAML: {problem}") from None


@functools.lru_cache(maxsize=None)
def builtin_yaml(name: str) -> object:
    """A built-in data file from ``rules/``, read once per process."""
    return read_yaml(rules_dir() / name)


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list from ``rules/`` (``#`` starts a comment)."""
    path = rules_dir() / name
    try:
        with open(path, encoding="utf-8") as fh:
            return frozenset(
                line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")
            )
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None

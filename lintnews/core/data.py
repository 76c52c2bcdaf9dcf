"""Where the rule data lives and how it is read.

Rule data (phrase lists, title tables, boilerplate patterns, name lists) is kept in the
top-level ``rules/`` folder of the source tree.  The wheel carries it as
``lintnews/_rules`` (see ``pyproject.toml``), so an installed lintnews finds it beside
its code and a source checkout finds it in ``rules/``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from lintnews.core.side_files import read_side_text

# libyaml's loader when PyYAML was built with it: the same safe subset, several times faster
# (rule loading is most of a one-file run's start-up).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


def read_yaml(path: Path) -> object:
    """Read a YAML file with the safe loader, refusing oversized files."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise DataError(f"{path}: rule pack is {size} bytes, over the limit of {MAX_PACK_BYTES}")
        text = read_side_text(path, MAX_PACK_BYTES)
        if "*" in text:  # aliases: make sure they do not expand into a bomb
            _check_expansion(path, yaml.compose(text, Loader=_SAFE_LOADER))
        return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{where}: malformed YAML: {problem}") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None


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

"""A persisted per-document cache, so corpus checks stay cheap when only some files change.

Under pre-commit, lintnews is given the staged files but must compare names, titles and
spellings against the whole corpus (``corpus`` in the configuration).  The per-document
stage of every unchanged corpus file is read back from this cache instead of being
recomputed.

An entry is keyed by a hash of the file's path and content *and* of everything that can
change its result: the lintnews version, the selected rules, the built-in and user rule
data, and the rule settings.  Entries are JSON with a type-tagged encoding of the known
fact classes only (never pickle: a cache file must not be able to run code), and carry a
checksum; an entry that is corrupt, from another version or of an unknown shape is
ignored and rebuilt, never trusted.  Writes are atomic, so parallel runs can share it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lintnews import __version__
from lintnews.corpus import Loc
from lintnews.data import rules_dir
from lintnews.engine import DocumentResult
from lintnews.finding import Finding, Fix, Related
from lintnews.registry import Rule

FORMAT = "lintnews-cache"
FORMAT_VERSION = 1


def _known_types() -> dict[str, type]:
    from lintnews.checks.titles import TitleMention
    from lintnews.mtscore import Score
    from lintnews.names.mentions import Mention, NameFacts
    from lintnews.suppressions import Marker

    return {t.__name__: t for t in (Finding, Related, Fix, Loc, Mention, NameFacts, TitleMention, Marker, Score, DocumentResult)}


_SCALARS = {"int": int, "str": str, "bool": bool, "float": float}


def _check_types(value: Any) -> None:
    """Every field of every decoded fact declared as a plain int, str, bool or float has
    that type (a forged or damaged entry otherwise fails later, mid-run)."""
    if isinstance(value, (list, tuple, frozenset)):
        for v in value:
            _check_types(v)
    elif isinstance(value, dict):
        for v in value.values():
            _check_types(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            got = getattr(value, f.name)
            declared = str(f.type).replace(" ", "")
            options = declared.split("|")
            allowed = tuple(_SCALARS[o] for o in options if o in _SCALARS)
            if allowed and len(allowed) == len([o for o in options if o != "None"]):
                if got is None and "None" in options:
                    continue
                if not isinstance(got, allowed) or (isinstance(got, bool) and bool not in allowed):
                    raise ValueError(f"{type(value).__name__}.{f.name} is a {type(got).__name__}")
            _check_types(got)


class _Unencodable(Exception):
    pass


def encode(value: Any) -> Any:
    """Plain JSON for the known fact classes, tuples and frozensets; anything else refuses."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"__frozenset": sorted((encode(v) for v in value), key=json.dumps)}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _Unencodable("dict keys must be strings")
        return {"__dict": {k: encode(v) for k, v in value.items()}}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _known_types():
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__type": type(value).__name__, "fields": fields}
    raise _Unencodable(f"cannot cache a {type(value).__name__}")


def decode(value: Any, types: dict[str, type] | None = None) -> Any:
    types = types or _known_types()
    if isinstance(value, list):
        return [decode(v, types) for v in value]
    if not isinstance(value, dict):
        return value
    if "__tuple" in value:
        return tuple(decode(v, types) for v in value["__tuple"])
    if "__frozenset" in value:
        return frozenset(decode(v, types) for v in value["__frozenset"])
    if "__dict" in value:
        return {k: decode(v, types) for k, v in value["__dict"].items()}
    if "__type" in value:
        cls = types.get(value["__type"])
        if cls is None:
            raise ValueError(f"unknown type {value['__type']!r}")
        return cls(**{k: decode(v, types) for k, v in value["fields"].items()})
    raise ValueError("untagged object")


def rules_fingerprint(rules: Sequence[Rule], settings: dict[str, Any], packs: Iterable[str] = ()) -> str:
    """A hash of everything besides a file's content that decides its per-document result."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}/{FORMAT_VERSION}/{__version__}\n".encode())
    for rule in rules:
        h.update(f"{rule.code}:{rule.name}:{type(rule).__module__}.{type(rule).__qualname__}\n".encode())
    data_files = sorted(p for p in rules_dir().rglob("*") if p.is_file())
    for extra in packs:
        p = Path(extra)
        data_files += sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
    for path in data_files:
        h.update(path.name.encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    h.update(repr(sorted((k, repr(v)) for k, v in settings.items())).encode())
    return h.hexdigest()


class DocumentCache:
    """Per-document results under ``directory``, keyed by path, content and rules."""

    def __init__(self, directory: str | os.PathLike[str], fingerprint: str) -> None:
        self.directory = Path(directory)
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    def key(self, path: str, content: str) -> str:
        h = hashlib.sha256()
        for part in (self.fingerprint, path, content):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / f"v{FORMAT_VERSION}" / key[:2] / f"{key}.json"

    def get(self, path: str, content: str) -> DocumentResult | None:
        key = self.key(path, content)
        try:
            with open(self._file(key), encoding="utf-8") as fh:
                entry = json.load(fh)
            if entry.get("format") != FORMAT or entry.get("version") != FORMAT_VERSION or entry.get("key") != key:
                raise ValueError("another format, version or key")
            payload = entry["payload"]
            if hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest() != entry.get("checksum"):
                raise ValueError("checksum mismatch")
            result = decode(payload)
            if not isinstance(result, DocumentResult) or result.path != path:
                raise ValueError("not a document result for this path")
            _check_types(result)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, UnicodeDecodeError):
            self.misses += 1  # corrupt or foreign: recompute, and the write below replaces it
            return None
        self.hits += 1
        return result

    def put(self, path: str, content: str, result: DocumentResult) -> None:
        try:
            payload = encode(result)
        except _Unencodable:
            return  # facts of a plugin rule we cannot store safely: just not cached
        key = self.key(path, content)
        entry = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "key": key,
            "checksum": hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest(),
            "payload": payload,
        }
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs time

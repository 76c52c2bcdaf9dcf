"""What a corpus index stores: the encoding of facts, and what identifies a valid entry.

The per-document results and the corpus rules' facts kept between runs
(:mod:`lintnews.run.index`, under ``cache-dir``) are JSON with a type-tagged encoding of
the registered fact types only (:mod:`lintnews.core.facts`) -- never pickle: a cache file
must not be able to run code -- and are checked when read: only registered classes are
built, with exactly their fields, each scalar field of its declared type.  A value that
fails is treated as damage, never trusted.

``rules_fingerprint`` hashes everything besides a file's content that decides its
per-document result: the lintnews version, the selected rules, the built-in and user rule
data, and the rule settings.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lintnews.core.version import __version__
from lintnews.core.data import MAX_PACK_BYTES, rules_dir
from lintnews.core.side_files import read_side_file
from lintnews.core.facts import FactType, fact_type_count, registered_fact_types
from lintnews.core.rule import Rule

FORMAT = "lintnews-cache"
FORMAT_VERSION = 4  # 3: dicts as pairs, so that every JSON object is tagged; 4: the corpus index

_SCALARS = {"int": int, "str": str, "bool": bool, "float": float, "None": type(None)}


@dataclasses.dataclass(frozen=True)
class _Shape:
    """What an encoded instance of a known class must look like."""

    tag: str  # the registered name, written in entries
    cls: type
    make: Any  # builds an instance from the field values, in order (the class or faster)
    names: tuple[str, ...]  # its fields, in declaration order (the encoded order)
    # The fields declared as plain scalars (maybe None), and the exact types each allows
    # (JSON gives exact types, so ``True`` is no int); containers and fact classes are
    # checked by being decoded themselves.
    scalar_fields: tuple[int, ...]
    scalar_types: tuple[frozenset[type], ...]
    string_fields: tuple[int, ...]  # those that may hold a string (kept once, see decode)
    # When every field is a scalar of one type (a Loc): those types, compared at once.
    exact_types: tuple[type, ...] | None


def _shape(fact: FactType) -> _Shape:
    cls = fact.cls
    fields = dataclasses.fields(cls)
    scalar_fields, scalar_types, string_fields = [], [], []
    for i, f in enumerate(fields):
        options = str(f.type).replace(" ", "").split("|")
        if all(o in _SCALARS for o in options):
            scalar_fields.append(i)
            scalar_types.append(frozenset(_SCALARS[o] for o in options))
            if "str" in options:
                string_fields.append(i)
    all_single = len(scalar_fields) == len(fields) and all(len(t) == 1 for t in scalar_types)
    exact = tuple(next(iter(t)) for t in scalar_types) if all_single else None
    return _Shape(fact.name, cls, fact.make, tuple(f.name for f in fields), tuple(scalar_fields), tuple(scalar_types), tuple(string_fields), exact)


_known: tuple[int, dict[str, _Shape]] = (-1, {})


def _shapes() -> dict[str, _Shape]:
    """The shapes of the registered fact types (a plugin may register more at any time:
    the registry's count says when to look again)."""
    global _known
    count = fact_type_count()
    if _known[0] != count:
        _known = (count, _shapes_of(tuple(registered_fact_types().values())))
    return _known[1]


@functools.lru_cache(maxsize=4)
def _shapes_of(facts: tuple[FactType, ...]) -> dict[str, _Shape]:
    return {fact.name: _shape(fact) for fact in facts}


def _shape_of_class(cls: type) -> _Shape | None:
    return _by_class(tuple(registered_fact_types().values())).get(cls)


@functools.lru_cache(maxsize=4)
def _by_class(facts: tuple[FactType, ...]) -> dict[type, _Shape]:
    return {shape.cls: shape for shape in _shapes_of(facts).values()}


class _Unencodable(Exception):
    pass


def encode(value: Any, path: str | None = None) -> Any:
    """Plain JSON for the registered fact types, tuples and frozensets; anything else refuses.

    A known class's instance is ``{"c": class name, "v": [field values in declaration
    order]}``; a tuple is ``{"t": [...]}``, a frozenset ``{"s": [...]}`` (sorted), a dict
    ``{"d": [[key, value], ...]}``; lists and scalars are themselves.  So every JSON object
    of an entry is one of these four (which lets :func:`decode` build each as it is read).
    With ``path``, a string equal to it (the document's own path, in every location) is
    ``{"p": 0}``, and :func:`decode` puts back the path it is given: an entry then does not
    depend on the name its document was read under, and is shorter.
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return _PATH if path is not None and value == path else value
    if isinstance(value, list):
        return [encode(v, path) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v, path) for v in value]}
    if isinstance(value, frozenset):
        return {"s": sorted((encode(v, path) for v in value), key=json.dumps)}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _Unencodable("dict keys must be strings")
        return {"d": [[k, encode(v, path)] for k, v in value.items()]}
    shape = _shape_of_class(type(value))
    if shape is not None:
        return {"c": shape.tag, "v": [encode(getattr(value, name), path) for name in shape.names]}
    raise _Unencodable(f"cannot cache a {type(value).__name__}")


_PATH = {"p": 0}


def decode(payload: str | bytes, shared: dict | None = None, path: str | None = None) -> Any:
    """The value :func:`encode` was given, from the JSON text of its encoding; ValueError
    for anything it could not have made.

    Only registered fact types can be built (a tag is a key into that registry,
    nothing else), with exactly their fields, and every field declared as a plain int,
    str, bool or float has that type: a forged or damaged entry fails here, not mid-run.
    ``shared`` (kept by the caller across entries) holds one copy of each string of a
    tuple or of a class's string field, and of each frozenset: a corpus read back from
    the cache repeats the same names, paths and evidence sets thousands of times.

    Each object is built by the JSON parser's ``object_hook`` as soon as it is read
    (innermost first), so no second walk over the parsed entry is needed: a warm
    pre-commit run reads thousands of entries.
    """
    return json.loads(payload, object_hook=_builder(_shapes(), {} if shared is None else shared, path))


def _builder(shapes: dict[str, _Shape], shared: dict, path: str | None = None) -> Any:
    keep = shared.setdefault

    def build(obj: dict) -> Any:
        if len(obj) == 2 and "c" in obj:
            shape = shapes.get(obj["c"]) if type(obj["c"]) is str else None
            body = obj.get("v")
            if shape is None:
                raise ValueError(f"unknown type {obj['c']!r}")
            if type(body) is not list or len(body) != len(shape.names):
                raise ValueError(f"{shape.cls.__name__}: {len(shape.names)} fields expected")
            if shape.exact_types is not None:
                if tuple(map(type, body)) != shape.exact_types:
                    raise ValueError(_wrong_field(shape, body))
            elif not all(map(operator.contains, shape.scalar_types, map(type, map(body.__getitem__, shape.scalar_fields)))):
                raise ValueError(_wrong_field(shape, body))
            for i in shape.string_fields:
                if body[i] is not None:
                    body[i] = keep(body[i], body[i])
            return shape.make(*body)
        if len(obj) == 1:
            (tag, body), = obj.items()
            if tag == "p" and type(body) is int and body == 0 and path is not None:
                return path
            if type(body) is list:
                if tag == "t" or tag == "s":
                    items = [keep(v, v) if type(v) is str else v for v in body]
                    if tag == "t":
                        return tuple(items)
                    made = frozenset(items)
                    return keep(made, made)
                if tag == "d" and all(type(pair) is list and len(pair) == 2 and type(pair[0]) is str for pair in body):
                    return dict(body)
        raise ValueError("untagged object")

    return build


def _wrong_field(shape: _Shape, body: list) -> str:
    for i, allowed in zip(shape.scalar_fields, shape.scalar_types):
        if type(body[i]) not in allowed:
            return f"{shape.cls.__name__}.{shape.names[i]} is a {type(body[i]).__name__}"
    return f"{shape.cls.__name__}: a field of the wrong type"


def sign(payload: str) -> str:
    """The checksum of an entry's payload text."""
    import hashlib  # only with a cache (hashlib's import is a few ms of every run)

    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def rules_fingerprint(rules: Sequence[Rule], packs: Iterable[str] = ()) -> str:
    """A hash of everything besides a file's content that decides its per-document result:
    the rules, each with its settings (every option's value), and the rules' data files."""
    import hashlib

    h = hashlib.sha256()
    h.update(f"{FORMAT}/{FORMAT_VERSION}/{__version__}\n".encode())
    for rule in rules:
        h.update(f"{rule.code}:{rule.name}:{type(rule).__module__}.{type(rule).__qualname__}\n".encode())
        if rule.options:
            h.update(f"{rule.settings!r}\n".encode())
    data_files = sorted(p for p in rules_dir().rglob("*") if p.is_file())
    for extra in packs:
        p = Path(extra)
        data_files += sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
    for path in data_files:
        h.update(path.name.encode() + b"\0")
        try:
            h.update(read_side_file(path, MAX_PACK_BYTES))
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()


class DocumentCache:
    """Where a run keeps its corpus index (:mod:`lintnews.run.index`) and under which
    fingerprint; counts the documents taken from it (``hits``) and linted (``misses``)."""

    def __init__(self, directory: str | os.PathLike[str], fingerprint: str) -> None:
        self.directory = Path(directory)
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

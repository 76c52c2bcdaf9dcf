"""Fact types: the classes whose instances the per-document stage may hand to the corpus
stage, and so the classes the cache may store.

A fact type is a dataclass whose fields hold plain values (``int``, ``str``, ``bool``,
``float``, ``None``), tuples, frozensets, lists, dicts with string keys, or other fact
types.  Registering one (the decorator :func:`fact_type`) is what makes it cacheable:
the cache writes an instance as JSON tagged with the registered name and builds, when it
reads an entry back, only registered classes with exactly their fields, each scalar field
of its declared type.  A class that is not registered is never built from a cache file,
and a document whose facts hold one is simply not cached.

Built-in rules register their facts where the classes are defined (name mentions, title
mentions, suppression markers, the document score, findings); a plugin registers its own
the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, is_dataclass
from typing import Any, TypeVar

C = TypeVar("C", bound=type)


@dataclass(frozen=True)
class FactType:
    """A registered fact class and how to build an instance from its field values."""

    name: str  # the tag in cache entries
    cls: type
    make: Callable[..., Any]  # called with the field values in declaration order


_REGISTERED: dict[str, FactType] = {}


def fact_type(cls: C | None = None, *, name: str | None = None, make: Callable[..., Any] | None = None) -> Any:
    """Class decorator: register a dataclass as a fact type.

    ``name`` is its tag in cache entries (default: the class name; a plugin should give a
    dotted name of its own); ``make`` builds an instance from the field values in their
    declared order, when something faster than the class itself does the same.
    """

    def register(klass: C) -> C:
        if not is_dataclass(klass):
            raise TypeError(f"a fact type must be a dataclass: {klass.__qualname__}")
        tag = name or klass.__name__
        known = _REGISTERED.get(tag)
        if known is not None and known.cls is not klass:
            raise ValueError(f"a fact type named {tag!r} is registered already ({known.cls.__module__}.{known.cls.__qualname__})")
        _REGISTERED[tag] = FactType(tag, klass, make or klass)
        return klass

    return register(cls) if cls is not None else register


def registered_fact_types() -> dict[str, FactType]:
    """Every fact type registered so far, by tag."""
    return dict(_REGISTERED)


def fact_type_count() -> int:
    """How many fact types are registered (a cheap test of whether any was added)."""
    return len(_REGISTERED)

"""Analyses: what is known about one document, computed once and read by many rules.

An :class:`Analysis` is a named function of a document: its name mentions, its title
mentions, its machine-translation score, the matches of every rule's patterns.  Its value
is computed on first use and kept with the document (``Document.analyses``, keyed by the
analysis itself), so N101, T101, T102 and L101 read one list of name mentions, found once.

A rule declares the analyses it reads::

    class ConflictingTitles(CorpusRule):
        needs = (TITLES,)

        def collect(self, doc, titles):
            ...

and the engine passes each value as a keyword argument named after the analysis.  An
analysis may read others (``TITLES`` reads ``NAMES``) through :meth:`Analysis.of`.  A
plugin registers its own the same way, with :func:`analysis`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")


class HasAnalyses(Protocol):
    analyses: dict[Any, Any]


class Analysis(Generic[T]):
    """A named fact about a document, computed by ``compute(document)`` at most once."""

    __slots__ = ("name", "compute")

    def __init__(self, name: str, compute: Callable[[Any], T]) -> None:
        if not name.isidentifier():
            raise ValueError(f"an analysis name must be an identifier (a keyword argument): {name!r}")
        self.name = name
        self.compute = compute

    def of(self, document: HasAnalyses) -> T:
        """The value for ``document``, computed now if it is not known yet."""
        known = document.analyses
        try:
            return known[self]
        except KeyError:
            value = known[self] = self.compute(document)
            return value

    def __repr__(self) -> str:
        return f"Analysis({self.name!r})"


_REGISTERED: dict[str, Analysis[Any]] = {}


def analysis(name: str) -> Callable[[Callable[[Any], T]], Analysis[T]]:
    """Decorator: register ``compute`` as the analysis ``name`` (names are unique)."""

    def make(compute: Callable[[Any], T]) -> Analysis[T]:
        if name in _REGISTERED:
            raise ValueError(f"an analysis named {name!r} is registered already")
        made = _REGISTERED[name] = Analysis(name, compute)
        return made

    return make


def registered_analyses() -> dict[str, Analysis[Any]]:
    """Every analysis registered so far, by name."""
    return dict(_REGISTERED)


def arguments(needs: tuple[Analysis[Any], ...], document: HasAnalyses) -> dict[str, Any]:
    """The keyword arguments a rule that ``needs`` these analyses is called with."""
    return {a.name: a.of(document) for a in needs}

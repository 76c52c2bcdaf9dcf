"""Engines run the per-document stage over many documents and hand back the results.

An *item* is a document to lint: ``(path, text)``, where ``text`` is None when the file
is to be read from ``path`` (by whichever process lints it).  Every engine returns one
:class:`Outcome` per item, in the order of the items, whatever order the work finished
in, so the corpus stage and the report do not depend on the engine:

- :mod:`lintnews.engines.local`: this process, or a pool of worker processes (``jobs``);
- :mod:`lintnews.engines.dask_engine`: tasks on a Dask cluster (optional extra).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Optional, Union

from lintnews.document import make_document
from lintnews.engine import DocumentResult, lint_document
from lintnews.loading import InputError, kind_of, read_document
from lintnews.registry import Rule

Item = tuple[str, Optional[str]]
#: Called as ``progress(done, total)`` while documents are linted.
ProgressCallback = Callable[[int, int], None]

ENGINES = ("local", "dask")


@dataclass
class Outcome:
    """The per-document stage's result for one item: a result or an input error."""

    result: Union[DocumentResult, InputError]
    words: int = 0


def lint_item(item: Item, rules: Sequence[Rule]) -> Outcome:
    """Read (when needed) and lint one document."""
    path, text = item
    doc = read_document(path) if text is None else make_document(path, text, kind_of(path))
    if isinstance(doc, InputError):
        return Outcome(doc)
    return Outcome(lint_document(doc, rules), doc.word_count)


def lint_items(items: Sequence[Item], rules: Sequence[Rule]) -> list[Outcome]:
    """Lint a batch of items in this process (the unit of work of every engine)."""
    return [lint_item(item, rules) for item in items]


def chunk(items: Sequence[Item], size: int) -> list[list[Item]]:
    """Consecutive slices of ``items`` of at most ``size`` items."""
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class EngineError(Exception):
    """An engine that cannot run (not installed, no cluster); the message says why."""

"""Engines run the per-document stage over many documents and hand back the results.

An *item* is a document to lint: ``(path, text)``, where ``text`` is None when the file
is to be read from ``path`` (by whichever process lints it).  Every engine returns one
:class:`Outcome` per item, in the order of the items, whatever order the work finished
in, so the corpus stage and the report do not depend on the engine:

- :mod:`lintnews.run.executors.local`: this process, or a pool of worker processes (``jobs``);
- :mod:`lintnews.run.executors.dask_cluster`: tasks on a Dask cluster (optional extra).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Optional, Union

from lintnews.core.document import make_document
from lintnews.run.index import Packed, pack
from lintnews.run.pipeline import DocumentResult, lint_document
from lintnews.run.files import InputError, kind_of, read_text
from lintnews.core.rule import Rule


Item = tuple[str, Optional[str]]
#: Called as ``progress(done, total)`` while documents are linted.
ProgressCallback = Callable[[int, int], None]

ENGINES = ("local", "dask")


@dataclass
class Outcome:
    """The per-document stage's result for one item: a result or an input error."""

    result: Union[DocumentResult, InputError]
    words: int = 0
    text: str = ""  # the document's text (newlines normalised), when asked for
    packed: Optional[Packed] = None  # its rows for the corpus index, when asked for


@dataclass(frozen=True)
class ItemOptions:
    """What every item of a run asks for besides findings and facts (picklable)."""

    score: bool = False  # the machine-translation score
    keep_text: bool = False  # the document's text, for reporters that show it
    pack: bool = False  # the result's rows for the corpus index, made where it was linted


def lint_item(item: Item, rules: Sequence[Rule], options: ItemOptions = ItemOptions()) -> Outcome:
    """Read (when needed) and lint one document."""
    path, raw = item
    if raw is None:
        raw = read_text(path)
        if isinstance(raw, InputError):
            return Outcome(raw)
    doc = make_document(path, raw, kind_of(path))
    result = lint_document(doc, rules, score=options.score)
    packed = pack(result, rules) if options.pack else None
    return Outcome(result, doc.word_count, doc.text if options.keep_text else "", packed)


def lint_items(items: Sequence[Item], rules: Sequence[Rule], options: ItemOptions = ItemOptions()) -> list[Outcome]:
    """Lint a batch of items in this process (the unit of work of every engine)."""
    return [lint_item(item, rules, options) for item in items]


def chunk(items: Sequence[Item], size: int) -> list[list[Item]]:
    """Consecutive slices of ``items`` of at most ``size`` items."""
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class EngineError(Exception):
    """An engine that cannot run (not installed, no cluster); the message says why."""

"""The corpus: what the corpus rules see of every document given.

Corpus rules work in two steps.  ``collect(doc)`` runs per document and returns plain,
picklable facts (name mentions, title mentions, style forms, each with its location);
``check_corpus(corpus)`` then sees the facts of every document at once.  Because facts
carry their own locations, a corpus rule never needs the documents themselves, so facts
can be computed in parallel, on another machine, or read back from a cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lintnews.core.document import Document
from lintnews.core.facts import fact_type
from lintnews.core.finding import Related
from lintnews.core.labels import Labels


_NUMBERED = re.compile(r"^(\d+)_")


@dataclass(frozen=True)
class Loc:
    """A located piece of text: where it is, in offsets and in line/column.

    Every name mention carries several of these and a corpus run keeps all of them until
    the corpus stage, so they have slots (no per-instance dict: about a third of the
    memory) and pickle as a plain tuple (worker processes send them back).
    """

    __slots__ = ("path", "start", "end", "line", "column", "end_line", "end_column")

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def __reduce__(self) -> tuple[type[Loc], tuple[str, int, int, int, int, int, int]]:
        # A frozen class with slots cannot be unpickled attribute by attribute.
        return (Loc, (self.path, self.start, self.end, self.line, self.column, self.end_line, self.end_column))

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Loc:
        return cls(doc.path, start, end, *doc.index.span(start, end))

    def related(self, message: str = "") -> Related:
        return Related(self.path, self.line, self.column, self.end_line, self.end_column, message)

    def short(self) -> str:
        """``name:line`` with the file's stem ("cnn.304400:10").

        A stem that starts with a number and an underscore ("000_1f079a1ce9d05eea") is
        shortened to the number ("000:10"): numbered article files are named that way.
        Messages cite places by :meth:`Corpus.label` instead, which tells apart two
        documents of the run that share a stem ("a/story:1", "b/story:1").
        """
        stem = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        stem = stem.rsplit(".", 1)[0] if "." in stem else stem
        number = _NUMBERED.match(stem)
        return f"{number.group(1) if number else stem}:{self.line}"


# Name mentions make locations by the ten thousand per second; a frozen dataclass's
# __init__ sets each field through object.__setattr__, the slots' own setters are faster.
_new_object = object.__new__
_SETTERS = tuple(Loc.__dict__[name].__set__ for name in Loc.__slots__)


def new_loc(path: str, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> Loc:
    """``Loc(path, start, end, line, column, end_line, end_column)``, made faster."""
    loc = _new_object(Loc)
    set_path, set_start, set_end, set_line, set_column, set_end_line, set_end_column = _SETTERS
    set_path(loc, path)
    set_start(loc, start)
    set_end(loc, end)
    set_line(loc, line)
    set_column(loc, column)
    set_end_line(loc, end_line)
    set_end_column(loc, end_column)
    return loc


fact_type(Loc, make=new_loc)


@dataclass
class Corpus:
    """Facts per rule code, per document path, in the order the documents were given."""

    paths: list[str] = field(default_factory=list)
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: inline suppression markers per document path (only documents that have any)
    markers: dict[str, list[Any]] = field(default_factory=dict)
    #: corpus-wide counts per rule code, key and name, when the facts are only part of the
    #: corpus (an incremental run over the index: :meth:`CorpusRule.tally`); else empty
    tallies: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    #: every document of the run, whose paths the labels of :meth:`label` tell apart,
    #: when the facts are only part of them (an incremental run); None: ``paths``
    documents: list[str] | None = None
    _labels: Labels | None = field(default=None, repr=False, compare=False)

    def label(self, loc: Loc) -> str:
        """How a message cites ``loc``: ``label:line``, the label the shortest part of
        the document's path that no other document of the run shares ("000:8",
        "story:1", "a/story:1"; :mod:`lintnews.core.labels`)."""
        if self._labels is None:
            self._labels = Labels(self.documents if self.documents is not None else self.paths)
        return self._labels.at(loc.path, loc.line)

    def add(self, path: str, code: str, facts: Any) -> None:
        self.facts.setdefault(code, {})[path] = facts

    def of(self, code: str) -> dict[str, Any]:
        return self.facts.get(code, {})

    def merge(self, other: Corpus) -> Corpus:
        """This corpus followed by ``other`` (a new corpus; neither is changed).

        Merging is associative, so the corpora of consecutive partitions can be merged in
        any tree shape; it is not commutative: document order is kept.
        """
        merged = Corpus(
            paths=[*self.paths, *other.paths],
            facts={code: dict(per) for code, per in self.facts.items()},
            markers={**self.markers, **other.markers},
        )
        for code, per_path in other.facts.items():
            merged.facts.setdefault(code, {}).update(per_path)
        return merged

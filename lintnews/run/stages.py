"""The values the stages of a run hand on (:mod:`lintnews.run.run`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lintnews.core.corpus import Corpus
from lintnews.run.executors import Outcome
from lintnews.run.files import InputError
from lintnews.run.pipeline import DocumentResult


@dataclass(frozen=True)
class Found:
    """One document of a run."""

    path: str  # the name it is read and reported under
    identity: str  # its name in the corpus (the name a corpus root reaches it by)
    ord: str  # its place in the corpus order (compared as a string)
    reported: bool  # a file to lint, not context


@dataclass
class Discovered:
    """What the discover stage found: files to lint, corpus context, unreadable paths.

    ``documents`` holds every document in *corpus order*, the order the corpus rules see
    them in: the files given that no corpus root holds, as given; then the corpus roots'
    files in the order of the roots, each root's in sorted order, a file given that a root
    holds at its place there.  So linting some files of an archive with the archive as
    corpus shows the corpus rules what linting the whole archive shows them.
    ``spec`` names the corpus: its roots (or the paths given, without a corpus).
    """

    files: list[str]
    context: list[str]
    errors: list[InputError]
    documents: list[Found] = field(default_factory=list)
    spec: list[str] = field(default_factory=list)


@dataclass
class PerDocument:
    """What the per-document stage gave: the outcomes of the documents read, the corpus
    when the executor built it itself (Dask's tree reduce), and the read errors."""

    outcomes: list[Outcome]
    corpus: Corpus | None
    errors: list[InputError]

    @property
    def results(self) -> list[DocumentResult]:
        return [o.result for o in self.outcomes]  # type: ignore[misc]

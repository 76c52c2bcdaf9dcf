"""The Dask engine: the per-document stage as tasks on a Dask cluster.

``pip install 'lintnews[dask]'``.  The items are cut into consecutive partitions; one
task per partition lints its documents and builds the partition's corpus facts
(:func:`lintnews.run.pipeline.build_corpus`); the partition corpora are then merged pairwise,
neighbour with neighbour, as a tree of tasks (a distributed reduce that keeps document
order), and only the merged corpus and the document findings come back to this process,
which runs the corpus rules.  The result is the local engine's, byte for byte.

With ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) the run uses that
cluster; its workers must see the files under the same paths (a shared file system) when
paths rather than texts are linted.  Without it, a local cluster of ``jobs`` worker
processes is started for the run and shut down after it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lintnews.core.corpus import Corpus
from lintnews.run.pipeline import DocumentResult, RuleFailure, build_corpus
from lintnews.run.executors import EngineError, Item, ItemOptions, Outcome, ProgressCallback, chunk, lint_items
from lintnews.core.finding import Finding
from lintnews.run.files import InputError
from lintnews.core.rule import Rule


@dataclass
class PartitionResult:
    """What one partition task sends back: its documents' findings and errors, in order."""

    paths: list[str] = field(default_factory=list)
    findings: list[list[Finding]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    scores: list[object] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    failures: list[list[RuleFailure]] = field(default_factory=list)  # rules that raised, per document


@dataclass
class DaskRun:
    """The outcome of a Dask run: per-document results without facts, and the corpus."""

    outcomes: list[Outcome]
    corpus: Corpus


def lint_partition(items: list[Item], rules: Sequence[Rule], options: ItemOptions = ItemOptions()) -> tuple[PartitionResult, Corpus]:
    """A partition task: lint its documents, split findings from corpus facts."""
    outcomes = lint_items(items, rules, options)
    part = PartitionResult()
    results: list[DocumentResult] = []
    for outcome in outcomes:
        if isinstance(outcome.result, InputError):
            part.errors.append(outcome.result)
            continue
        results.append(outcome.result)
        part.paths.append(outcome.result.path)
        part.findings.append(outcome.result.findings)
        part.words.append(outcome.words)
        part.scores.append(outcome.result.score)
        part.texts.append(outcome.text)
        part.failures.append(outcome.result.failures)
    return part, build_corpus(results)


def _first(pair: tuple[PartitionResult, Corpus]) -> PartitionResult:
    return pair[0]


def _second(pair: tuple[PartitionResult, Corpus]) -> Corpus:
    return pair[1]


def _merge(left: Corpus, right: Corpus) -> Corpus:
    return left.merge(right)


def _import_distributed():
    try:
        from dask import distributed
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'lintnews[dask]'") from None
    return distributed


@contextlib.contextmanager
def _quiet_local_cluster() -> Iterator[None]:
    """Keep a local cluster's own log lines (start-up, "event loop was unresponsive" on a
    busy machine) off the user's stderr: only errors get through.  Worker processes read
    the level from the environment they inherit; both are restored afterwards."""
    key = "DASK_LOGGING__DISTRIBUTED"
    if key in os.environ:  # a level the user chose is theirs
        yield
        return
    logger = logging.getLogger("distributed")
    saved_level = logger.level
    os.environ[key] = "error"
    logger.setLevel(max(saved_level, logging.ERROR))
    try:
        yield
    finally:
        logger.setLevel(saved_level)
        os.environ.pop(key, None)


def run(
    items: Sequence[Item],
    rules: Sequence[Rule],
    jobs: int = 1,
    scheduler: str | None = None,
    partitions: int | None = None,
    progress: ProgressCallback | None = None,
    processes: bool = True,
    options: ItemOptions = ItemOptions(),
) -> DaskRun:
    """Lint ``items`` on a Dask cluster; outcomes in item order and the merged corpus.

    ``partitions`` defaults to four per worker (at least one per 500 documents), so a
    slow partition does not hold up the run.  ``processes=False`` starts the local
    cluster's workers as threads (for tests: cheap to start, same results).
    """
    distributed = _import_distributed()
    with contextlib.ExitStack() as stack:
        if not scheduler:
            stack.enter_context(_quiet_local_cluster())
        return _run(distributed, items, rules, jobs, scheduler, partitions, progress, processes, options)


def _run(distributed, items, rules, jobs, scheduler, partitions, progress, processes, options) -> DaskRun:
    cluster = None
    try:
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(f"cannot connect to the Dask scheduler at {scheduler!r}: {exc}") from None
        else:
            cluster = distributed.LocalCluster(
                n_workers=max(1, jobs), threads_per_worker=1, processes=processes, dashboard_address=None
            )
            client = distributed.Client(cluster)
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            count = partitions or max(workers * 4, -(-len(items) // 500))
            parts = chunk(items, -(-len(items) // max(1, count))) if items else []
            [rules_future] = client.scatter([list(rules)], broadcast=True)
            pairs = client.map(lint_partition, parts, rules=rules_future, options=options, pure=False)
            part_results = client.map(_first, pairs)
            corpora = client.map(_second, pairs)
            # The distributed reduce: merge neighbours until one corpus is left.
            while len(corpora) > 1:
                merged = [client.submit(_merge, a, b, pure=False) for a, b in zip(corpora[0::2], corpora[1::2])]
                if len(corpora) % 2:
                    merged.append(corpora[-1])
                corpora = merged
            outcomes: list[Outcome] = []
            done = 0
            for future in part_results:
                part: PartitionResult = future.result()
                outcomes.extend(_outcomes(part))
                done += len(part.paths) + len(part.errors)
                if progress:
                    progress(done, len(items))
            corpus = corpora[0].result() if corpora else Corpus()
    finally:
        if cluster is not None:
            cluster.close()
    return DaskRun(outcomes, corpus)


def _outcomes(part: PartitionResult) -> list[Outcome]:
    """Outcomes of a partition, findings without facts (the corpus holds those)."""
    outcomes = [
        Outcome(DocumentResult(path, findings, {}, words=words, score=score, failures=failures), words, text)
        for path, findings, words, score, text, failures in zip(part.paths, part.findings, part.words, part.scores, part.texts, part.failures)
    ]
    outcomes += [Outcome(error) for error in part.errors]
    return outcomes

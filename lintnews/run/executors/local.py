"""The local engine: the per-document stage in this process or in worker processes.

With ``jobs`` > 1 the items are cut into consecutive chunks and linted by a pool of
worker processes, each of which receives the rules once (pool initializer) and keeps
them, with the dictionaries they load, for every chunk it is given.  Chunks come back
in order (``imap``), so the outcome never depends on which worker finished first.

Small inputs are linted in this process: starting processes costs more than it saves
below a few dozen documents (``min_parallel_items``).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from lintnews.run.executors import Item, ItemOptions, Outcome, ProgressCallback, chunk, lint_item, lint_items
from lintnews.core.rule import Rule

#: Below this many documents, ``jobs`` > 1 still lints in this process.
MIN_PARALLEL_ITEMS = 48

_worker_rules: Sequence[Rule] = ()
_worker_options = ItemOptions()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def relax_garbage_collection() -> None:
    """Make the cyclic garbage collector run rarely, for a process that lints a corpus.

    A run allocates millions of small objects (name mentions, findings) that live until
    the corpus stage and hold no reference cycles; with the default thresholds the
    collector scans them again and again (about a tenth of a 10,000-article run).  What
    exists already (rules, dictionaries) is frozen out of its sight.  For processes that
    lintnews owns (the command line, worker processes), not for a library caller's.
    """
    gc.freeze()
    gc.set_threshold(50_000, 100, 1_000)


def _init_worker(rules: Sequence[Rule], options: ItemOptions) -> None:
    global _worker_rules, _worker_options
    relax_garbage_collection()
    _worker_rules = rules
    _worker_options = options


def _lint_chunk(items: list[Item]) -> list[Outcome]:
    return lint_items(items, _worker_rules, _worker_options)


def start_method() -> str:
    """``fork`` where it is safe and cheap (Linux: workers inherit loaded dictionaries),
    ``spawn`` elsewhere; ``LINTNEWS_START_METHOD`` overrides."""
    wanted = os.environ.get("LINTNEWS_START_METHOD")
    if wanted:
        return wanted
    return "fork" if sys.platform.startswith("linux") else "spawn"


def warm_up(rules: Sequence[Rule]) -> None:
    """Load what the rules load lazily (dictionaries, word lists) before workers fork."""
    lint_item(("warm-up.txt", "Mr. Warmup Testname said the mentionned U.S. cease-fire.\n"), rules)


def run(
    items: Sequence[Item],
    rules: Sequence[Rule],
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    min_parallel_items: int = MIN_PARALLEL_ITEMS,
    method: str | None = None,
    options: ItemOptions = ItemOptions(),
) -> list[Outcome]:
    """Lint ``items`` with ``jobs`` processes; one outcome per item, in item order."""
    total = len(items)
    jobs = max(1, min(jobs, total))
    if jobs == 1 or total < min_parallel_items:
        outcomes = []
        for i, item in enumerate(items):
            outcomes.append(lint_item(item, rules, options))
            if progress:
                progress(i + 1, total)
        return outcomes
    method = method or start_method()
    if method == "fork":
        warm_up(rules)
    # Enough chunks to balance the load and report progress, few enough to keep the
    # per-chunk overhead (pickling the outcomes) small.
    size = max(1, min(200, total // (jobs * 8)))
    import multiprocessing  # only with worker processes (about 10 ms of a one-file run)

    context = multiprocessing.get_context(method)
    outcomes: list[Outcome] = []
    # Forked workers share this process's memory until they write to it; the cyclic
    # collector writes to every object it scans, so what exists now (rules, dictionaries)
    # is kept out of its sight while the workers live.
    gc.freeze()
    try:
        with context.Pool(jobs, initializer=_init_worker, initargs=(list(rules), options)) as pool:
            for done in pool.imap(_lint_chunk, chunk(items, size)):
                outcomes.extend(done)
                if progress:
                    progress(len(outcomes), total)
    finally:
        gc.unfreeze()
    return outcomes

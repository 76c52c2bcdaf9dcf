"""The Python API: lint texts or paths, get findings.  The CLI is a thin shell over it.

``lint_texts(texts)`` and ``lint_paths(paths)`` lint their documents as one corpus and
return sorted findings; ``jobs`` runs the per-document stage in worker processes and
``engine="dask"`` (with an optional ``scheduler`` address) on a Dask cluster.  Every
engine and every ``jobs`` gives the same findings in the same order.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.config import Config
from lintnews.document import make_document
from lintnews.engine import DocumentResult, finish, finish_corpus
from lintnews.engines import ENGINES, EngineError, Item, ProgressCallback
from lintnews.finding import Finding
from lintnews.loading import InputError, expand_paths
from lintnews.registry import Rule, all_rules, select_rules


@dataclass
class Result:
    findings: list[Finding]
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    words: int = 0


def configured_rules(config: Config, select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules a run uses: all known rules, filtered by config and the command line."""
    rules = all_rules(config.rule_packs)
    chosen = select_rules(
        rules,
        select=select if select is not None else config.select,
        extend_select=[*config.extend_select, *extend_select],
        ignore=[*config.ignore, *ignore],
    )
    settings = config.rule_settings()
    for rule in chosen:
        rule.configure(settings)
    return chosen


def _glob_candidates(path: str, base: Path | None) -> list[str]:
    """The forms of a path a glob may match: as given, relative to the config's folder, its name."""
    forms = [path, path.rsplit("/", 1)[-1]]
    if base is not None:
        try:
            forms.append(Path(os.path.abspath(path)).relative_to(base.resolve()).as_posix())
        except ValueError:
            pass
    return forms


def per_file_filter(
    findings: Iterable[Finding], per_file_ignores: Mapping[str, Sequence[str]], base: Path | None = None
) -> list[Finding]:
    """Drop findings whose file matches a glob of ``per-file-ignores`` for their code.

    Globs are matched against the path as given, the path relative to the folder of the
    configuration file (``base``) and the file name; ``*`` also matches ``/``.
    """
    if not per_file_ignores:
        return list(findings)
    kept = []
    for f in findings:
        forms = _glob_candidates(f.path, base)
        ignored = any(
            any(fnmatch.fnmatch(form, glob) for form in forms)
            and any(code == "ALL" or f.code.startswith(code) for code in codes)
            for glob, codes in per_file_ignores.items()
        )
        if not ignored:
            kept.append(f)
    return kept


def _lint_items(
    items: Sequence[Item],
    rules: Sequence[Rule],
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[list[Finding], list[InputError], int, int]:
    """Both stages over ``items`` with the chosen engine: (findings, errors, files, words)."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    if jobs < 1:
        raise EngineError(f"jobs must be at least 1, not {jobs}")
    if engine == "dask":
        from lintnews.engines import dask_engine

        run = dask_engine.run(items, rules, jobs=jobs, scheduler=scheduler, progress=progress)
        outcomes, corpus = run.outcomes, run.corpus
    else:
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        from lintnews.engines import local

        outcomes, corpus = local.run(items, rules, jobs=jobs, progress=progress), None
    results: list[DocumentResult] = []
    errors: list[InputError] = []
    words = 0
    for outcome in outcomes:
        if isinstance(outcome.result, InputError):
            errors.append(outcome.result)
        else:
            results.append(outcome.result)
            words += outcome.words
    if corpus is None:
        findings = finish(results, rules)
    else:
        findings = finish_corpus([f for r in results for f in r.findings], corpus, rules)
    return findings, errors, len(results), words


def lint_paths(
    paths: Sequence[str],
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> Result:
    """Lint files and folders as one corpus.

    ``jobs``: worker processes for the per-document stage (local engine; small inputs
    stay in this process); ``engine``: ``"local"`` or ``"dask"``; ``scheduler``: the
    address of a running Dask scheduler (default: a local cluster of ``jobs`` workers);
    ``progress``: called as ``progress(done, total)`` while documents are linted.
    Raises :class:`lintnews.engines.EngineError` for an engine that cannot run.
    """
    config = config or Config()
    rules = list(rules) if rules is not None else configured_rules(config)
    files, errors = expand_paths(paths)
    base = config.path.parent if config.path is not None else None
    if config.exclude:
        files = [
            f for f in files if not any(fnmatch.fnmatch(form, g) for form in _glob_candidates(f, base) for g in config.exclude)
        ]
    findings, read_errors, count, words = _lint_items(
        [(path, None) for path in files], rules, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress
    )
    errors += read_errors
    findings = per_file_filter(findings, config.per_file_ignores, base)
    errors.sort(key=lambda e: e.path)
    return Result(findings, errors, files=count, words=words)


def lint_texts(
    texts: Mapping[str, str] | Sequence[str],
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[Finding]:
    """Lint in-memory texts as one corpus.  Keys (or ``doc0``, ``doc1``, ...) are the paths.

    A key ending in ``.md`` is read as Markdown.  ``jobs``, ``engine`` and ``scheduler``
    are those of :func:`lint_paths`; the texts travel to the workers with the tasks.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    rules = configured_rules(Config(), select=select, ignore=ignore)
    findings, _, _, _ = _lint_items([(path, text) for path, text in items], rules, jobs=jobs, engine=engine, scheduler=scheduler)
    return findings

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

from lintnews import mtscore
from lintnews.cache import DocumentCache
from lintnews.config import Config
from lintnews.document import make_document
from lintnews.engine import DocumentResult, finish, finish_corpus, lint_document
from lintnews.corpus import Corpus
from lintnews.engines import ENGINES, EngineError, Item, ItemOptions, Outcome, ProgressCallback
from lintnews.finding import Finding
from lintnews.fixing import FileFix, apply_fixes, file_state, fixes_by_path
from lintnews.loading import InputError, expand_paths, kind_of, read_source
from lintnews.registry import DocumentRule, Rule, RuleError, all_rules, finding_matches, select_rules

LANGUAGETOOL_CODE = "L101"


@dataclass(frozen=True)
class DocumentScore:
    """One document's machine-translation score (0 to 1) and the features behind it."""

    path: str
    words: int
    mt_score: float
    mt_reasons: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"path": self.path, "words": self.words, "mt_score": self.mt_score, "mt_reasons": list(self.mt_reasons)}


@dataclass
class Result:
    findings: list[Finding]
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    words: int = 0
    #: one-line notices for stderr: an optional backend that was skipped, and why
    notices: list[str] = field(default_factory=list)
    #: whether LanguageTool (L101) was selected but could not be used
    languagetool_skipped: bool = False
    #: words per document linted, in the order the documents were read
    word_counts: dict[str, int] = field(default_factory=dict)
    #: each document's text (newlines normalised), kept only when asked for (``keep_texts``)
    texts: dict[str, str] = field(default_factory=dict)
    #: every document's score, sorted by path (empty when scores were not asked for)
    documents: list[DocumentScore] = field(default_factory=list)


def known_rules(config: Config) -> list[Rule]:
    """Every rule known under ``config`` (built-in, plugins, its packs), with the defaults
    the configuration implies: enabling the LanguageTool backend turns L101 on."""
    rules = all_rules(config.rule_packs)
    for rule in rules:
        if rule.code == LANGUAGETOOL_CODE and config.languagetool:
            rule.default = True
    return rules


def configured_rules(config: Config, select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules a run uses: all known rules, filtered by config and the command line."""
    rules = known_rules(config)
    if config.path is not None:
        # A selector of the configuration that matches nothing is reported with its file.
        try:
            select_rules(rules, select=config.select, extend_select=config.extend_select, ignore=config.ignore)
        except RuleError as exc:
            raise RuleError(f"{config.path}: {exc}") from None
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
            and any(finding_matches(code, f.code, f.name) for code in codes)
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
    options: ItemOptions = ItemOptions(),
) -> tuple[list[DocumentResult], list[Outcome], Corpus | None, list[InputError]]:
    """The per-document stage over ``items`` with the chosen engine.

    Returns the results and outcomes of the documents read (in item order), the corpus
    when the engine built it itself (Dask's distributed reduce), and the input errors.
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    if jobs < 1:
        raise EngineError(f"jobs must be at least 1, not {jobs}")
    if engine == "dask":
        from lintnews.engines import dask_engine

        run = dask_engine.run(items, rules, jobs=jobs, scheduler=scheduler, progress=progress, options=options)
        outcomes, corpus = run.outcomes, run.corpus
    else:
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        from lintnews.engines import local

        outcomes, corpus = local.run(items, rules, jobs=jobs, progress=progress, options=options), None
    errors = [o.result for o in outcomes if isinstance(o.result, InputError)]
    read = [o for o in outcomes if not isinstance(o.result, InputError)]
    return [o.result for o in read], read, corpus, errors


def _finish(
    results: list[DocumentResult], corpus: Corpus | None, rules: Sequence[Rule], report_paths: set[str] | None = None
) -> list[Finding]:
    """The corpus stage, over the engine's corpus when it built one."""
    if corpus is None:
        return finish(results, rules, report_paths)
    return finish_corpus([f for r in results for f in r.findings], corpus, rules, report_paths)


def _expand(paths: Sequence[str], config: Config, base: Path | None, seen: set[str]) -> tuple[list[str], list[InputError]]:
    files, errors = expand_paths(paths, seen=seen)
    if config.exclude:
        files = [
            f for f in files if not any(fnmatch.fnmatch(form, g) for form in _glob_candidates(f, base) for g in config.exclude)
        ]
    return files, errors


def lint_paths(
    paths: Sequence[str],
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    corpus: Sequence[str] = (),
    cache: DocumentCache | None = None,
    keep_texts: bool = False,
    scores: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> Result:
    """Lint files and folders as one corpus.

    ``corpus`` names more files and folders that the corpus rules compare against (a
    name in a linted file against the whole archive) without reporting findings in
    them: this is how a pre-commit run on a few staged files still sees every article.
    ``cache`` keeps the per-document stage of unchanged files between runs.
    ``keep_texts`` keeps every linted document's text in the result, for reporters that
    show the text (HTML); the findings' lines and columns point into exactly these texts.
    With ``scores`` (the default), every linted document's machine-translation score is
    in ``Result.documents``.  ``jobs``: worker processes for the per-document stage
    (local engine; small inputs stay in this process); ``engine``: ``"local"`` or
    ``"dask"``; ``scheduler``: the address of a running Dask scheduler (default: a local
    cluster of ``jobs`` workers); ``progress``: called as ``progress(done, total)``.
    Raises :class:`lintnews.engines.EngineError` for an engine that cannot run.
    """
    config = config or Config()
    rules = list(rules) if rules is not None else configured_rules(config)
    base = config.path.parent if config.path is not None else None
    seen: set[str] = set()  # real paths of the files taken so far
    files, errors = _expand(paths, config, base, seen)
    context: list[str] = []
    corpus_paths = [*config.corpus, *corpus]
    if corpus_paths:
        # Context files are the corpus's files that are not linted already.
        context, more_errors = _expand(corpus_paths, config, base, seen)
        errors += more_errors
    word_counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    documents: list[DocumentScore] = []
    notices: list[str] = []
    grammar = next((r for r in rules if r.code == LANGUAGETOOL_CODE), None)
    session = _languagetool_session(config, notices) if grammar is not None else None
    if session is not None:
        jobs, engine = 1, "local"  # the LanguageTool session lives in this process
    try:
        if grammar is not None:
            grammar.session = session
        options = ItemOptions(score=scores, keep_text=keep_texts, cache=cache)
        items: list[Item] = [(path, None) for path in [*files, *context]]
        results, outcomes, built, read_errors = _lint_items(
            items, rules, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress, options=options
        )
        errors += read_errors
        linted = set(files)
        for outcome in outcomes:
            path = outcome.result.path
            if path not in linted:
                continue
            word_counts[path] = outcome.words
            if keep_texts:
                texts[path] = outcome.text
            if scores:
                documents.append(_document_score(path, outcome.words, outcome.result.score))
        report = set(files) if context else None
        findings = per_file_filter(_finish(results, built, rules, report), config.per_file_ignores, base)
    finally:
        if grammar is not None:
            grammar.session = None
        if session is not None:
            session.close()
    if session is not None and session.failure:
        notices.append(f"grammar checks (L101, LanguageTool) skipped: {session.failure}")
    errors.sort(key=lambda e: e.path)
    documents.sort(key=lambda d: d.path)
    skipped = grammar is not None and (session is None or session.failure is not None)
    return Result(
        findings,
        errors,
        files=len(word_counts),
        words=sum(word_counts.values()),
        notices=notices,
        languagetool_skipped=skipped,
        word_counts=word_counts,
        texts=texts,
        documents=documents,
    )


def _languagetool_session(config: Config, notices: list[str]):
    """A LanguageTool session for a run that selected L101, or None with a notice."""
    if not config.languagetool:
        notices.append(
            "grammar checks (L101, LanguageTool) skipped: no LanguageTool configured "
            "(languagetool = \"local\" or a server URL, or --languagetool)"
        )
        return None
    from lintnews.languagetool.backend import Session, Settings

    settings = Settings(
        server=config.languagetool,
        language=config.languagetool_language,
        timeout=float(config.languagetool_timeout),
        chunk_size=config.languagetool_chunk_size,
        workers=config.languagetool_workers,
        cache_dir=Path(config.languagetool_cache) if config.languagetool_cache else None,
    )
    return Session(settings)


def _document_score(path: str, words: int, score: mtscore.Score | None) -> DocumentScore:
    assert score is not None
    return DocumentScore(path, words, score.score, score.reasons)


def score_texts(texts: Mapping[str, str] | Sequence[str]) -> list[DocumentScore]:
    """Score in-memory texts: how much each reads as machine-translated (0 to 1), and why.

    Keys (or ``doc0``, ``doc1``, ...) are the paths.  A score depends on its text only,
    never on the other texts.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    scored = []
    for path, text in items:
        doc = make_document(path, text, kind_of(path))
        scored.append(_document_score(path, doc.word_count, mtscore.document_score(doc)))
    return scored


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
    results, _, built, _ = _lint_items(list(items), rules, jobs=jobs, engine=engine, scheduler=scheduler)
    return _finish(results, built, rules)


def fix_files(result: Result, rules: Sequence[Rule], config: Config | None = None, max_passes: int = 10) -> list[FileFix]:
    """The safe fixes for the files of ``result`` that have any, applied in memory.

    Fixing one problem can reveal another ("said . ." -> "said ."), so each file is
    re-checked and fixed again until nothing changes (at most ``max_passes`` times), as
    ruff does; the result is what a second ``--fix`` would leave unchanged.  Suppressed
    and per-file-ignored findings are not fixed.  Nothing is written here.
    """
    config = config or Config()
    base = config.path.parent if config.path is not None else None
    document_rules = [r for r in rules if isinstance(r, DocumentRule)]
    fixed: list[FileFix] = []
    for path in sorted(fixes_by_path(result.findings)):
        state = file_state(path)  # before reading: a change while reading then shows
        source = read_source(path)
        if isinstance(source, InputError):
            continue
        raw = source.text
        current, applied = raw, 0
        for _ in range(max_passes):
            doc = make_document(path, current, kind_of(path))
            findings = per_file_filter(finish([lint_document(doc, document_rules)], document_rules), config.per_file_ignores, base)
            fixes = [f.fix for f in findings if f.fix is not None and f.fix.safe]
            if not fixes:
                break
            current, n = apply_fixes(current, fixes)
            applied += n
        if current != raw:
            fixed.append(FileFix(path, raw, current, applied, source.encoding, state))
    return fixed

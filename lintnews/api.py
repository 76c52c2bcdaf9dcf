"""The Python API: lint texts or paths, get findings.  The CLI is a thin shell over it.

``lint_texts(texts)`` and ``lint_paths(paths)`` lint their documents as one corpus and
return sorted findings; ``jobs`` runs the per-document stage in worker processes and
``engine="dask"`` (with an optional ``scheduler`` address) on a Dask cluster.  Every
engine and every ``jobs`` gives the same findings in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from lintnews.analyses import mtscore
from lintnews.core.document import make_document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, Rule, RuleError
from lintnews.rules.registry import all_rules, select_rules
from lintnews.rules.ruleset import RuleSet
from lintnews.run.cache import DocumentCache
from lintnews.run.config import Config
from lintnews.run.executors import ProgressCallback
from lintnews.run.files import InputError, kind_of, read_source
from lintnews.run.fixing import FileFix, apply_fixes, file_state, fixes_by_path
from lintnews.run.pipeline import finish, lint_document
from lintnews.run.run import DocumentScore, Result, Run, RunOptions, document_score, per_file_filter

__all__ = ["DocumentScore", "Result", "RuleSet", "configure", "configured_rules", "fix_files", "fix_text", "known_rules", "lint_paths", "lint_texts", "score_texts"]

def configure(rules: Sequence[Rule], config: Config) -> RuleSet:
    """The rules made with their settings under ``config`` (new rule objects where the
    settings differ from a rule's own; the given rules are left as they are), and which of
    them the configuration turns on by default (configuring LanguageTool turns L101 on)."""
    config = config.with_rules([type(r) for r in rules])
    made = tuple(rule.with_settings(config.settings_for(type(rule), rule.code)) if rule.options else rule for rule in rules)
    return RuleSet.of(made)


def known_rules(config: Config) -> RuleSet:
    """Every rule known under ``config`` (built-in, plugins, its packs), made with its
    settings, with the defaults the configuration implies."""
    return configure(all_rules(config.rule_packs), config)


def configured_rules(config: Config, select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
    """The rules a run uses: all known rules, filtered by config and the command line
    (``select`` replaces the configuration's, the others add to it)."""
    return select_configured(known_rules(config), config, select, extend_select, ignore)


def select_configured(rules: RuleSet, config: Config, select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
    """Select among configured ``rules`` by the configuration and the arguments.

    Every selector is checked, those of ``per-file-ignores`` too: a code no rule has is an
    error wherever it is written (in ``per-file-ignores`` it would otherwise ignore nothing,
    without a word)."""
    for glob, codes in config.per_file_ignores.items():
        try:
            select_rules(rules, select=(), ignore=codes)
        except RuleError as exc:
            where = f"{config.path}: " if config.path is not None else ""
            raise RuleError(f"{where}per-file-ignores {glob!r}: {exc}") from None
    if config.path is not None:
        # A selector of the configuration file that matches nothing is reported with its file.
        given = config.given("file")
        try:
            select_rules(rules, given.get("select"), given.get("extend-select", ()), given.get("ignore", ()))
        except RuleError as exc:
            raise RuleError(f"{config.path}: {exc}") from None
    return select_rules(
        rules,
        select=select if select is not None else config.select,
        extend_select=[*config.extend_select, *extend_select],
        ignore=[*config.ignore, *ignore],
    )


def lint_paths(
    paths: Sequence[str],
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
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
    ``select`` and ``ignore`` are those of :func:`lint_texts` (and of the command line:
    ``select`` replaces the configuration's, ``ignore`` adds to it); with ``rules``, they
    choose among those rules.
    Raises :class:`TypeError` when ``paths`` is one string (a sequence of paths is wanted:
    ``lint_paths(["seeds/"])``), :class:`lintnews.run.executors.EngineError` for an engine
    that cannot run.
    """
    _check_paths(paths)
    paths = [os.fspath(p) for p in paths]
    config = config or Config()
    if rules is not None:
        rules = select_configured(RuleSet.of(rules), config, select, ignore=ignore) if select is not None or ignore else RuleSet.of(rules)
    else:
        rules = configured_rules(config, select=select, ignore=ignore)
    options = RunOptions(corpus, cache, keep_texts, scores, jobs, engine, scheduler, progress)
    return Run(config, rules, options).execute(paths)


def _check_paths(paths: object) -> None:
    """A string (or bytes, or a path) is not a sequence of paths: iterated, it would be one
    path per character, and ``/`` among them the whole disk."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths must be a sequence of paths, not one {type(paths).__name__}: lint_paths([{str(paths)!r}])")
    for path in paths:  # type: ignore[attr-defined]
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"each path must be a str or a path, not {type(path).__name__} ({path!r})")


def score_texts(texts: Mapping[str, str] | Sequence[str]) -> list[DocumentScore]:
    """Score in-memory texts: how much each reads as machine-translated (0 to 1), and why.

    Keys (or ``doc0``, ``doc1``, ...) are the paths.  A score depends on its text only,
    never on the other texts.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    scored = []
    for path, text in items:
        doc = make_document(path, text, kind_of(path))
        scored.append(document_score(path, doc.word_count, mtscore.document_score(doc)))
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
    options = RunOptions(scores=False, jobs=jobs, engine=engine, scheduler=scheduler)
    return Run(Config(), rules, options).execute_texts(list(items))


def fix_files(result: Result, rules: Sequence[Rule], config: Config | None = None, max_passes: int = 10) -> list[FileFix]:
    """The safe fixes for the files of ``result`` that have any, applied in memory.

    Fixing one problem can reveal another ("said . ." -> "said ."), so each file is
    re-checked and fixed again until nothing changes (at most ``max_passes`` times), as
    ruff does; the result is what a second ``--fix`` would leave unchanged.  Suppressed
    and per-file-ignored findings are not fixed.  Nothing is written here.
    """
    fixed: list[FileFix] = []
    for path in sorted(fixes_by_path(result.findings)):
        state = file_state(path)  # before reading: a change while reading then shows
        source = read_source(path)
        if isinstance(source, InputError):
            continue
        raw = source.text
        current, applied = fix_text(path, raw, rules, config, max_passes)
        if current != raw:
            fixed.append(FileFix(path, raw, current, applied, source.encoding, state))
    return fixed


def fix_text(path: str, raw: str, rules: Sequence[Rule], config: Config | None = None, max_passes: int = 10, kind: str | None = None) -> tuple[str, int]:
    """``raw`` (a file's text, or an editor's buffer) with the safe fixes of ``rules``
    applied, again and again until nothing changes (at most ``max_passes`` times), and
    how many fixes were applied.  Suppressed and per-file-ignored findings are not fixed;
    ``kind`` ("text" or "markdown") defaults to what the path's extension says."""
    config = config or Config()
    base = config.path.parent if config.path is not None else None
    document_rules = RuleSet.of(rules).restricted(lambda r: isinstance(r, DocumentRule))
    current, applied = raw, 0
    for _ in range(max_passes):
        doc = make_document(path, current, kind or kind_of(path))
        findings = per_file_filter(finish([lint_document(doc, document_rules)], document_rules), config.per_file_ignores, base)
        fixes = [f.fix for f in findings if f.fix is not None and f.fix.safe]
        if not fixes:
            break
        current, n = apply_fixes(current, fixes)
        applied += n
    return current, applied

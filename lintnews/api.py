"""The Python API: lint texts or paths, get findings.  The CLI is a thin shell over it."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.config import Config
from lintnews.document import make_document
from lintnews.engine import finish, lint_document
from lintnews.finding import Finding
from lintnews.loading import InputError, expand_paths, kind_of, read_document
from lintnews.registry import Rule, all_rules, finding_matches, select_rules

LANGUAGETOOL_CODE = "L101"


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


def configured_rules(config: Config, select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules a run uses: all known rules, filtered by config and the command line."""
    rules = all_rules(config.rule_packs)
    for rule in rules:
        if rule.code == LANGUAGETOOL_CODE and config.languagetool:
            rule.default = True  # enabling the backend turns its rule on by default
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


def lint_paths(paths: Sequence[str], config: Config | None = None, rules: Sequence[Rule] | None = None) -> Result:
    """Lint files and folders as one corpus."""
    config = config or Config()
    rules = list(rules) if rules is not None else configured_rules(config)
    files, errors = expand_paths(paths)
    base = config.path.parent if config.path is not None else None
    if config.exclude:
        files = [
            f for f in files if not any(fnmatch.fnmatch(form, g) for form in _glob_candidates(f, base) for g in config.exclude)
        ]
    results = []
    words = 0
    notices: list[str] = []
    grammar = next((r for r in rules if r.code == LANGUAGETOOL_CODE), None)
    session = _languagetool_session(config, notices) if grammar is not None else None
    try:
        if grammar is not None:
            grammar.session = session
        for path in files:
            doc = read_document(path)
            if isinstance(doc, InputError):
                errors.append(doc)
                continue
            words += doc.word_count
            results.append(lint_document(doc, rules))
        findings = per_file_filter(finish(results, rules), config.per_file_ignores, base)
    finally:
        if grammar is not None:
            grammar.session = None
        if session is not None:
            session.close()
    if session is not None and session.failure:
        notices.append(f"grammar checks (L101, LanguageTool) skipped: {session.failure}")
    errors.sort(key=lambda e: e.path)
    skipped = grammar is not None and (session is None or session.failure is not None)
    return Result(findings, errors, files=len(results), words=words, notices=notices, languagetool_skipped=skipped)


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


def lint_texts(texts: Mapping[str, str] | Sequence[str], select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Finding]:
    """Lint in-memory texts as one corpus.  Keys (or ``doc0``, ``doc1``, ...) are the paths."""
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    rules = configured_rules(Config(), select=select, ignore=ignore)
    results = [lint_document(make_document(path, text, kind_of(path)), rules) for path, text in items]
    return finish(results, rules)

"""The Python API: lint texts or paths, get findings.  The CLI is a thin shell over it."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintnews import mtscore
from lintnews.config import Config
from lintnews.document import make_document
from lintnews.engine import finish, lint_document
from lintnews.finding import Finding
from lintnews.loading import InputError, expand_paths, kind_of, read_document
from lintnews.registry import Rule, all_rules, select_rules


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
    #: every document's score, sorted by path (empty when scores were not asked for)
    documents: list[DocumentScore] = field(default_factory=list)


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


def lint_paths(
    paths: Sequence[str], config: Config | None = None, rules: Sequence[Rule] | None = None, scores: bool = True
) -> Result:
    """Lint files and folders as one corpus.

    With ``scores`` (the default), every document's machine-translation score is in
    ``Result.documents``.
    """
    config = config or Config()
    rules = list(rules) if rules is not None else configured_rules(config)
    files, errors = expand_paths(paths)
    base = config.path.parent if config.path is not None else None
    if config.exclude:
        files = [
            f for f in files if not any(fnmatch.fnmatch(form, g) for form in _glob_candidates(f, base) for g in config.exclude)
        ]
    results = []
    documents: list[DocumentScore] = []
    words = 0
    for path in files:
        doc = read_document(path)
        if isinstance(doc, InputError):
            errors.append(doc)
            continue
        words += doc.word_count
        results.append(lint_document(doc, rules, score=scores))
        if scores:
            documents.append(_document_score(doc.path, doc.word_count, results[-1].score))
    findings = per_file_filter(finish(results, rules), config.per_file_ignores, base)
    errors.sort(key=lambda e: e.path)
    documents.sort(key=lambda d: d.path)
    return Result(findings, errors, files=len(results), words=words, documents=documents)


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


def lint_texts(texts: Mapping[str, str] | Sequence[str], select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Finding]:
    """Lint in-memory texts as one corpus.  Keys (or ``doc0``, ``doc1``, ...) are the paths."""
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    rules = configured_rules(Config(), select=select, ignore=ignore)
    results = [lint_document(make_document(path, text, kind_of(path)), rules) for path, text in items]
    return finish(results, rules)

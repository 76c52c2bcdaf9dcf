"""A run: the stages that turn paths into a result, one method each (as flake8's
Application does).

    discover      the files to lint and the corpus files to compare against (+ excludes)
    per_document  read each file, run the document rules, collect the corpus rules' facts
                  (in this process, worker processes or on a Dask cluster: an executor)
    corpus        the corpus rules over the facts of every document
    filter        inline suppressions, the documents to report, per-file ignores, the
                  baseline; identical findings once; sorted
    result        findings, errors, words, scores and texts for the reporters

Outside resources that a rule holds for a run (LanguageTool's server for L101) are opened
by the rule's ``open`` hook before the per-document stage and released by its ``close``
hook after the corpus stage; a rule that keeps such a resource in this process keeps the
per-document stage in this process too.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.analyses import mtscore
from lintnews.analyses.suppressions import Marker
from lintnews.core.corpus import Corpus
from lintnews.core.finding import Finding
from lintnews.core.rule import Rule, RuleError
from lintnews.rules.registry import finding_matches
from lintnews.rules.ruleset import RuleSet
from lintnews.run.baseline import new_findings
from lintnews.run.cache import DocumentCache
from lintnews.run.config import Config
from lintnews.run.executors import ENGINES, EngineError, Item, ItemOptions, Outcome, ProgressCallback
from lintnews.run.files import DEFAULT_EXTENSIONS, InputError, expand_roots
from lintnews.run.git import Repository, ignored_files, tracked_files
from lintnews.run.fingerprints import SourceLines, fingerprints
from lintnews.run.incremental import execute_indexed
from lintnews.run.pipeline import RuleFailure, build_corpus, filter_findings, lint_corpus
from lintnews.run.stages import Discovered, Found, PerDocument


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
    #: rule code -> why the rule could not do its work in this run (L101 without a server)
    skipped: dict[str, str] = field(default_factory=dict)
    #: words per document linted, in the order the documents were read
    word_counts: dict[str, int] = field(default_factory=dict)
    #: each document's text (newlines normalised), kept only when asked for (``keep_texts``)
    texts: dict[str, str] = field(default_factory=dict)
    #: every document's score, sorted by path (empty when scores were not asked for)
    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def languagetool_skipped(self) -> bool:
        """Whether LanguageTool (L101) was selected but could not be used."""
        return "L101" in self.skipped


@dataclass(frozen=True)
class RunOptions:
    """How a run is carried out; none of it changes what a rule finds in a document."""

    corpus: Sequence[str] = ()  # more files and folders for the corpus rules, never reported
    cache: DocumentCache | None = None  # where the corpus index is kept between runs
    keep_texts: bool = False  # keep each linted document's text (reporters that show it)
    scores: bool = True  # every linted document's machine-translation score
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None  # a Dask scheduler's address
    progress: ProgressCallback | None = None  # called as progress(done, total)
    baseline: Mapping[str, int] | None = None  # fingerprint -> count: findings to leave out
    #: the git repository whose tracked files are the corpus when none is configured and
    #: only files are given (lintnews.run.git); None: no such corpus
    repository: Repository | None = None


class Run:
    """One run of the given rules under a configuration; ``execute`` runs every stage."""

    def __init__(self, config: Config, rules: Sequence[Rule], options: RunOptions = RunOptions()) -> None:
        if options.engine not in ENGINES:
            raise EngineError(f"unknown engine {options.engine!r} (expected one of {', '.join(ENGINES)})")
        if options.jobs < 1:
            raise EngineError(f"jobs must be at least 1, not {options.jobs}")
        if options.scheduler and options.engine != "dask":
            raise EngineError("--scheduler needs --engine dask")
        self.config = config
        self.rules = RuleSet.of(rules)
        self.options = options
        self.base = config.path.parent if config.path is not None else None
        self.failures: list[RuleFailure] = []  # rules that raised in this run

    def execute(self, paths: Sequence[str]) -> Result:
        """Every stage over files and folders."""
        found = self.discover(paths)
        if self.options.cache is not None:
            return execute_indexed(self, found)
        return self.execute_found(found)

    def execute_found(self, found: Discovered) -> Result:
        """Every stage after discovery, without the corpus index."""
        items: list[Item] = [(d.path, None) for d in found.documents]
        self.failures = []
        with self.rules_opened() as skipped:
            done = self.per_document(items)
            findings, markers = self.corpus(done, [d.path for d in found.documents])
        report = set(found.files) if found.context else None
        findings = self.filter(findings, markers, report)
        return self.result(found, done, findings, skipped)

    def execute_texts(self, items: Sequence[Item]) -> list[Finding]:
        """Every stage but discovery over in-memory ``(path, text)`` items.

        A rule that failed is a RuleError here (there is no list of errors to put it in)."""
        self.failures = []
        with self.rules_opened():
            done = self.per_document(items)
            findings, markers = self.corpus(done)
        if self.failures:
            first = self.failures[0]
            raise RuleError(f"{first.path}: {first.message}" if first.path else first.message)
        return self.filter(findings, markers, None)

    # -- the stages ------------------------------------------------------------------------
    def discover(self, paths: Sequence[str]) -> Discovered:
        """The files under ``paths`` and the corpus files not among them, less excludes,
        in corpus order (see :class:`Discovered`)."""
        # The paths in sorted order: the documents' order, and with it the order of the
        # places a message lists, must not depend on the order the paths were given in
        # (pre-commit shuffles them); the output is byte-identical either way.
        paths = sorted(paths)
        given, errors = self._expand(paths, set())
        corpus_paths = [*self.config.corpus, *self.options.corpus]
        repository = self.options.repository
        if not corpus_paths and repository is not None:
            held = self._exclude([(path, real, 0) for path, real in tracked_files(repository, DEFAULT_EXTENSIONS)])
            # Paths are shown relative to this folder: an index per folder it is run from.
            return self._with_corpus(given, held, errors, ["git", repository.top, os.path.realpath(os.getcwd())])
        if not corpus_paths:
            documents = [Found(path, path, f"1/{root:05d}/{path}", True) for path, _, root in given]
            return Discovered([d.path for d in documents], [], errors, documents, ["paths", *paths])
        held, more_errors = self._expand(corpus_paths, set())
        return self._with_corpus(given, held, [*errors, *more_errors], ["corpus", *corpus_paths])

    def _with_corpus(self, given: list[tuple[str, str, int]], held: list[tuple[str, str, int]], errors: list[InputError], spec: list[str]) -> Discovered:
        """The files given and the corpus files ``held``, in corpus order."""
        given_as = {real: path for path, real, _ in given}
        in_corpus = set()
        archive = []
        for path, real, root in held:
            shown = given_as.get(real)
            if shown is not None:
                in_corpus.add(real)
            archive.append(Found(shown or path, path, f"1/{root:05d}/{path}", shown is not None))
        outside = [(path, real) for path, real, _ in given if real not in in_corpus]
        documents = [Found(path, path, f"0/{i:09d}", True) for i, (path, _) in enumerate(outside)] + archive
        files = [path for path, _, _ in given]
        context = [d.path for d in documents if not d.reported]
        return Discovered(files, context, errors, documents, spec)

    def per_document(self, items: Sequence[Item], pack: bool = False) -> PerDocument:
        """Read and lint every item with the executor the options name (``pack``: with
        each result's rows for the corpus index)."""
        options = self.options
        engine, jobs = options.engine, options.jobs
        if any(rule.bound_to_this_process for rule in self.rules):
            engine, jobs = "local", 1
        item_options = ItemOptions(score=options.scores, keep_text=options.keep_texts, pack=pack)
        if engine == "dask":
            from lintnews.run.executors import dask_cluster

            ran = dask_cluster.run(items, self.rules, jobs=jobs, scheduler=options.scheduler, progress=options.progress, options=item_options)
            outcomes, corpus = ran.outcomes, ran.corpus
        else:
            from lintnews.run.executors import local

            outcomes, corpus = local.run(items, self.rules, jobs=jobs, progress=options.progress, options=item_options), None
        errors = [o.result for o in outcomes if isinstance(o.result, InputError)]
        read = [o for o in outcomes if not isinstance(o.result, InputError)]
        return PerDocument(read, corpus, errors)  # type: ignore[arg-type]

    def corpus(self, done: PerDocument, documents: list[str] | None = None) -> tuple[list[Finding], dict[str, list[Marker]]]:
        """The document rules' findings and the corpus rules' over every document, and
        the documents' suppression markers; only the sub-codes the selection keeps.
        ``documents``: every document found (read or not), whose paths the labels in
        messages tell apart (:meth:`Corpus.label`); by default the documents read."""
        corpus = done.corpus if done.corpus is not None else build_corpus(done.results)
        corpus.documents = documents
        self.failures += [failure for r in done.results for failure in r.failures]
        found = [f for r in done.results for f in r.findings] + lint_corpus(corpus, self.rules, self.failures)
        return self.rules.keep_selected(found), corpus.markers

    def filter(self, findings: list[Finding], markers: dict[str, list[Marker]], report: set[str] | None) -> list[Finding]:
        """Suppressions, the documents to report, per-file ignores and the baseline."""
        selected = {r.code for r in self.rules}
        kept = filter_findings(findings, markers, selected, report)
        kept = per_file_filter(kept, self.config.per_file_ignores, self.base)
        if self.options.baseline is not None:
            kept = drop_baselined(kept, self.options.baseline)
        return kept

    def result(self, found: Discovered, done: PerDocument, findings: list[Finding], skipped: dict[str, str]) -> Result:
        """The run's result: only the linted files count (not the corpus context)."""
        linted = set(found.files)
        word_counts: dict[str, int] = {}
        texts: dict[str, str] = {}
        documents: list[DocumentScore] = []
        for outcome in done.outcomes:
            path = outcome.result.path
            if path not in linted:
                continue
            word_counts[path] = outcome.words
            if self.options.keep_texts:
                texts[path] = outcome.text
            if self.options.scores:
                documents.append(document_score(path, outcome.words, outcome.result.score))
        failed = [InputError(f.path, f.message) for f in self.failures]  # rules that raised: one line each
        errors = sorted([*found.errors, *done.errors, *failed], key=lambda e: e.path)
        return Result(
            findings,
            errors,
            files=len(word_counts),
            words=sum(word_counts.values()),
            notices=list(skipped.values()),
            skipped=skipped,
            word_counts=word_counts,
            texts=texts,
            documents=sorted(documents, key=lambda d: d.path),
        )

    # -- helpers ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def rules_opened(self) -> Iterator[dict[str, str]]:
        """Open the rules' outside resources; close them and collect why any was skipped."""
        skipped: dict[str, str] = {}
        opened: list[Rule] = []
        try:
            for rule in self.rules:
                rule.open()
                opened.append(rule)
            yield skipped
        finally:
            for rule in opened:
                notice = rule.close()
                if notice is not None:
                    skipped[rule.code] = notice

    def _expand(self, paths: Sequence[str], seen: set[str]) -> tuple[list[tuple[str, str, int]], list[InputError]]:
        files, errors = expand_roots(paths, seen=seen)
        if self.config.respect_gitignore:
            files = self._not_gitignored(paths, files)
        return self._exclude(files), errors

    @staticmethod
    def _not_gitignored(roots: Sequence[str], files: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        """``files`` less those git ignores among the ones found by searching a folder (a
        file named on the command line is linted whatever .gitignore says, as in ruff)."""
        by_root: dict[int, list[str]] = {}
        for path, _, root in files:
            if os.path.isdir(roots[root]):
                by_root.setdefault(root, []).append(path)
        ignored: set[str] = set()
        for root, found in by_root.items():
            ignored |= ignored_files(roots[root], found)
        return [f for f in files if f[0] not in ignored] if ignored else files

    def _exclude(self, files: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        excluded = (*self.config.exclude, *self.config.extend_exclude)
        if excluded:
            files = [f for f in files if not any(fnmatch.fnmatch(form, g) for form in glob_forms(f[0], self.base) for g in excluded)]
        return files


def glob_forms(path: str, base: Path | None) -> list[str]:
    """The forms of a path a glob may match: as given, relative to the config's folder, its name."""
    forms = [path, path.rsplit("/", 1)[-1]]
    if base is not None:
        try:
            forms.append(Path(os.path.abspath(path)).relative_to(base.resolve()).as_posix())
        except ValueError:
            pass
    return forms


def per_file_filter(findings: Iterable[Finding], per_file_ignores: Mapping[str, Sequence[str]], base: Path | None = None) -> list[Finding]:
    """Drop findings whose file matches a glob of ``per-file-ignores`` for their code.

    Globs are matched against the path as given, the path relative to the folder of the
    configuration file (``base``) and the file name; ``*`` also matches ``/``.
    """
    if not per_file_ignores:
        return list(findings)
    kept = []
    for f in findings:
        forms = glob_forms(f.path, base)
        ignored = any(
            any(fnmatch.fnmatch(form, glob) for form in forms) and any(finding_matches(code, f.code, f.name) for code in codes)
            for glob, codes in per_file_ignores.items()
        )
        if not ignored:
            kept.append(f)
    return kept


def drop_baselined(findings: list[Finding], baseline: Mapping[str, int]) -> list[Finding]:
    """The findings whose fingerprint the baseline does not hold (each entry used once)."""
    return new_findings(findings, fingerprints(findings, SourceLines()), Counter(baseline))


def document_score(path: str, words: int, score: mtscore.Score | None) -> DocumentScore:
    assert score is not None
    return DocumentScore(path, words, score.score, score.reasons)

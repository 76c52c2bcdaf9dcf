"""A workspace as lintnews sees it in an editor: one corpus, some of it open in buffers.

The server keeps lintnews's per-document result (:class:`~lintnews.run.pipeline.DocumentResult`:
findings of the document rules, facts of the corpus rules, suppression markers) of every
file of the workspace and of the configuration's ``corpus``.  A closed file's result
comes from its text on disk and changes when the file does; an open file's comes from
its buffer, which is what the editor shows, saved or not.  Checking the open documents
is then lintnews's own corpus stage (``build_corpus`` + ``lint_corpus``) over all of
those results, and its own filter stage (:meth:`lintnews.run.run.Run.filter`:
suppressions, per-file ignores) for the open documents: a name in a buffer is compared
with every spelling of the archive without reading the archive again.

A rule that raises does not take the others down: its failure becomes a
:class:`Notice` and the other rules' findings are kept (each rule is retried alone
only after a failure, so the common path is lintnews's own).  Nothing here speaks the
Language Server Protocol; :mod:`lintnews.server.server` does.
"""

from __future__ import annotations

import fnmatch
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.analyses.suppressions import find_markers
from lintnews.api import configured_rules
from lintnews.core.corpus import Corpus
from lintnews.core.data import DataError
from lintnews.core.document import Document, make_document
from lintnews.core.finding import Finding
from lintnews.core.rule import CorpusRule, Rule, RuleError
from lintnews.run.config import Config, ConfigError, find_config, load_config
from lintnews.run.files import MAX_FILE_BYTES, InputError, kind_of, read_source
from lintnews.run.pipeline import DocumentResult, build_corpus, filter_findings, lint_corpus, lint_document
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.run.incremental import indexed_documents
from lintnews.run.run import Run, RunOptions, glob_forms
from lintnews.server.positions import ColumnMap

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Rules that ask an outside service and run only when a document is saved.
ON_SAVE = frozenset({"L101"})
#: More workspace files than this are not read (an editor opened on a home folder).
MAX_FILES = 20_000


@dataclass(frozen=True)
class Notice:
    """Something to tell the user: ``level`` is "error", "warning" or "info"; ``detail``
    (a traceback) goes to the log only."""

    level: str
    message: str
    detail: str = ""


@dataclass
class Checked:
    """The findings of the documents checked, and what went wrong meanwhile."""

    findings: dict[str, list[Finding]]
    notices: list[Notice] = field(default_factory=list)


class Workspace:
    """The corpus of one workspace folder (or of the open files only, without a folder)."""

    def __init__(self, root: str | None) -> None:
        self.root = os.path.abspath(root) if root else None
        self.config = Config()
        self.rules: list[Rule] = []  # checked on every change
        self.save_rules: list[Rule] = []  # checked on save only (L101)
        #: path -> per-document result: of the buffer for an open file, of the disk otherwise
        self.results: dict[str, DocumentResult] = {}
        #: path -> how to turn its columns into the editor's (the text the result was made of)
        self.columns: dict[str, ColumnMap] = {}
        self.open: set[str] = set()
        self.on_disk: set[str] = set()  # the workspace's and the corpus's files
        self.watched: set[str] = set()  # files whose change reloads the configuration
        self._order: list[str] | None = None
        self._reported: set[tuple[str, str]] = set()  # failures told once: (rule, error)
        self._pending_notices: list[Notice] = []  # of a check cancelled before it could tell them

    # -- configuration -----------------------------------------------------------------
    def configure(self) -> list[Notice]:
        """Load the configuration found from the root and its rules; forget every result.

        A configuration that cannot be loaded is reported and the defaults are used, so
        the editor still gets the other diagnostics.
        """
        notices: list[Notice] = []
        start = Path(self.root) if self.root else Path.cwd()
        path = find_config(start)
        try:
            config = load_config(path)
        except ConfigError as exc:
            notices.append(Notice("error", f"lintnews: {exc}; using the default configuration until it is fixed"))
            config = Config()
        try:
            rules = configured_rules(config)
        except (RuleError, DataError, ConfigError) as exc:
            notices.append(Notice("error", f"lintnews: {exc}; using the default rules until it is fixed"))
            config = Config()
            rules = configured_rules(config)
        self.config = config
        self.rules = [r for r in rules if r.code not in ON_SAVE]
        self.save_rules = [r for r in rules if r.code in ON_SAVE]
        self.watched = {os.path.abspath(p) for p in self._config_files(path)}
        self.results.clear()
        self.columns.clear()
        self.on_disk.clear()
        self._order = None
        return notices

    def _config_files(self, found: Path | None) -> list[str]:
        """The files whose change changes the configuration: the one found (or any that
        would be found) and the word lists and rule packs it names."""
        files = [str(found)] if found is not None else []
        if self.root:
            files += [os.path.join(self.root, "lintnews.toml"), os.path.join(self.root, "pyproject.toml")]
        if found is not None:
            try:
                with open(found, "rb") as fh:
                    data = tomllib.load(fh)
                table = data.get("tool", {}).get("lintnews", {}) if found.name == "pyproject.toml" else data
                for key in ("vocabulary-file", "accept-file", "reject-file"):
                    if isinstance(table.get(key), str):
                        files.append(str(found.parent / table[key]))
            except (OSError, ValueError, AttributeError):
                pass
        return files

    # -- the corpus on disk ------------------------------------------------------------
    def discover(self) -> tuple[list[str], list[Notice]]:
        """The workspace's text and Markdown files and the configuration's ``corpus``,
        less ``exclude`` (lintnews's own discovery stage)."""
        if self.root is None and not self.config.corpus:
            return [], []
        found = Run(self.config, self.rules).discover([self.root] if self.root else [])
        files = [os.path.abspath(p) for p in [*found.files, *found.context]]
        notices = [Notice("warning", f"lintnews: {e}") for e in found.errors]
        if len(files) > MAX_FILES:
            notices.append(Notice("warning", f"lintnews: the workspace holds {len(files)} text files; only the first {MAX_FILES} are compared"))
            files = files[:MAX_FILES]
        return files, notices

    def add_files(self, paths: Iterable[str]) -> list[Notice]:
        """Read files and run the per-document stage on them; an open file keeps its
        buffer's result."""
        notices: list[Notice] = []
        unreadable: list[InputError] = []
        paths = [os.path.abspath(path) for path in paths]
        indexed, told = self._indexed([p for p in paths if p not in self.open]) if len(paths) > 1 else ({}, [])
        notices += told
        for path in paths:
            self.on_disk.add(path)
            if path in self.open:
                continue
            source = read_source(path)
            if isinstance(source, InputError):
                unreadable.append(source)
                self._forget(path)
                continue
            result = indexed.get(path)
            if result is None:
                result, failures = self._per_document(path, source.text, kind_of(path))
                notices += failures
            self._keep(path, result, source.text)
        if unreadable:
            first = "; ".join(str(e) for e in unreadable[:3])
            more = f" (and {len(unreadable) - 3} more)" if len(unreadable) > 3 else ""
            notices.append(Notice("warning", f"lintnews: {len(unreadable)} file(s) not read and not compared: {first}{more}"))
        return notices

    def remove_file(self, path: str) -> None:
        path = os.path.abspath(path)
        self.on_disk.discard(path)
        if path not in self.open:
            self._forget(path)

    # -- buffers -----------------------------------------------------------------------
    def set_buffer(self, path: str, text: str, kind: str | None = None) -> list[Notice]:
        """The per-document stage over an open buffer's text; its result replaces the file's."""
        path = os.path.abspath(path)
        self.open.add(path)
        if self.excluded(path):
            self._forget(path)
            return []
        if len(text) > MAX_FILE_BYTES:  # as lintnews refuses such a file
            self._forget(path)
            return [Notice("warning", f"lintnews: {path}: {len(text) / 1e6:.1f} million characters is over the limit of a file; not linted")]
        result, notices = self._per_document(path, text, kind or kind_of(path))
        self._keep(path, result, text)
        return notices

    def close_buffer(self, path: str) -> list[Notice]:
        """The file is closed: its text on disk counts again (or nothing, if it is not a
        file of the workspace or the corpus)."""
        path = os.path.abspath(path)
        self.open.discard(path)
        if path in self.on_disk:
            return self.add_files([path])
        self._forget(path)
        return []

    def excluded(self, path: str) -> bool:
        base = self.config.path.parent if self.config.path is not None else None
        return any(fnmatch.fnmatch(form, g) for form in glob_forms(path, base) for g in self.config.exclude)

    # -- checking ----------------------------------------------------------------------
    def check(self, paths: Iterable[str], cancelled: Callable[[], bool] | None = None) -> Checked | None:
        """The findings in ``paths`` (open documents) against the whole corpus: the
        document rules' findings kept from the per-document stage, the corpus stage over
        every result, then suppressions and per-file ignores.  ``cancelled`` is asked
        between corpus rules; when it says yes, the check stops and gives None."""
        report = {os.path.abspath(p) for p in paths}
        results = self.ordered()
        corpus = build_corpus(results)
        findings = [f for p in report if p in self.results for f in self.results[p].findings]
        corpus_findings: list[Finding] = []
        notices: list[Notice] = []
        # lintnews's corpus stage is each corpus rule in turn: with ``cancelled``, one at a time.
        groups = [[r] for r in self.rules if isinstance(r, CorpusRule)] if cancelled is not None else [self.rules]
        for group in groups:
            if cancelled is not None and cancelled():
                self._pending_notices += notices
                return None
            more, told = self._corpus_stage(corpus, group)
            corpus_findings += more
            notices += told
        notices, self._pending_notices = self._pending_notices + notices, []
        kept = Run(self.config, self.rules).filter(findings + corpus_findings, corpus.markers, report)
        by_path: dict[str, list[Finding]] = {p: [] for p in report}
        for f in kept:
            by_path.setdefault(f.path, []).append(f)
        return Checked(by_path, notices)

    def check_on_save(self, path: str, text: str, kind: str | None = None) -> Checked:
        """The rules that run on save only (L101) over one document, whose resources the
        rules hold open between saves (closed by :meth:`close`)."""
        path = os.path.abspath(path)
        if not self.save_rules or self.excluded(path):
            return Checked({path: []})
        notices: list[Notice] = []
        for rule in self.save_rules:
            if getattr(rule, "session", None) is None:
                rule.open()
        doc = make_document(path, text, kind or kind_of(path))
        result, failures = self._document_stage(doc, self.save_rules)
        notices += failures
        corpus_findings, more = self._corpus_stage(build_corpus([result]), self.save_rules)
        notices += more
        for rule in self.save_rules:
            session = getattr(rule, "session", None)
            failure = getattr(session, "failure", None)
            if failure and ("session", rule.code) not in self._reported:
                self._reported.add(("session", rule.code))
                notices.append(Notice("warning", f"lintnews: {rule.code} skipped: {failure}"))
        kept = filter_findings(result.findings + corpus_findings, {path: result.markers} if result.markers else {}, {r.code for r in self.save_rules}, {path})
        return Checked({path: kept}, notices)

    def close(self) -> None:
        """Release what the on-save rules hold (LanguageTool's session)."""
        for rule in self.save_rules:
            if getattr(rule, "session", None) is not None:
                rule.close()

    def ordered(self) -> list[DocumentResult]:
        """Every result, in path order (the corpus's document order, as a run over the
        workspace folder has it)."""
        if self._order is None:
            self._order = sorted(self.results)
        return [self.results[p] for p in self._order]

    # -- the stages, guarded -------------------------------------------------------------
    def _indexed(self, paths: list[str]) -> tuple[dict[str, DocumentResult], list[Notice]]:
        """The results of ``paths`` through the corpus index, when ``cache-dir`` is set:
        a server started again reads what it (or a run of lintnews) linted before."""
        if not self.config.cache_dir or not paths:
            return {}, []
        cache = DocumentCache(self.config.cache_dir, rules_fingerprint(self.rules, self.config.rule_packs))
        try:
            # The roots, not the files: the index is one per corpus (its roots), and a file
            # added since must not make another one.
            roots = [self.root] if self.root else []
            got = indexed_documents(Run(self.config, self.rules, RunOptions(cache=cache)), roots)
        except Exception:  # noqa: BLE001 - the index only saves time: lint the files one by one
            return {}, []
        if got is None:
            return {}, []
        results, _unreadable, told = got  # unreadable files are told when they are read below
        wanted = set(paths)
        return {r.path: r for r in results if r.path in wanted}, [Notice("warning", f"lintnews: {n}") for n in told]

    def _per_document(self, path: str, text: str, kind: str) -> tuple[DocumentResult, list[Notice]]:
        doc = make_document(path, text, kind)
        return self._document_stage(doc, self.rules)

    def _document_stage(self, doc: Document, rules: Sequence[Rule]) -> tuple[DocumentResult, list[Notice]]:
        """:func:`lint_document`; after a failure, rule by rule, keeping the others' work."""
        try:
            result = lint_document(doc, rules)
        except Exception:  # noqa: BLE001 - a rule's bug must not take the server down
            pass
        else:  # the pipeline keeps a failing rule's error with the result, the others' work too
            return result, [n for f in result.failures for n in self._told(f.code, f.path, f.error, f.error)]
        findings: list[Finding] = []
        facts: dict[str, object] = {}
        notices: list[Notice] = []
        for rule in rules:
            try:
                part = lint_document(doc, [rule])
            except Exception as exc:  # noqa: BLE001
                notices += self._failed(rule, doc.path, exc)
                continue
            findings += part.findings
            facts.update(part.facts)
        try:
            markers = find_markers(doc) if "lintnews:" in doc.text else []
        except Exception as exc:  # noqa: BLE001 - pragma: no cover - lintnews's own bug
            notices += self._failed(None, doc.path, exc)
            markers = []
        return DocumentResult(doc.path, findings, facts, markers, doc.word_count), notices

    def _corpus_stage(self, corpus: Corpus, rules: Sequence[Rule]) -> tuple[list[Finding], list[Notice]]:
        """:func:`lint_corpus`; after a failure, rule by rule."""
        try:
            return lint_corpus(corpus, rules), []
        except Exception:  # noqa: BLE001
            pass
        findings: list[Finding] = []
        notices: list[Notice] = []
        for rule in rules:
            try:
                findings += lint_corpus(corpus, [rule])
            except Exception as exc:  # noqa: BLE001
                notices += self._failed(rule, None, exc)
        return findings, notices

    def _failed(self, rule: Rule | None, path: str | None, exc: Exception) -> list[Notice]:
        """A rule's failure, told once per rule and error (the traceback goes to the log)."""
        code = rule.code if rule is not None else "lintnews"
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return self._told(code, path, f"{type(exc).__name__}: {exc}", detail)

    def _told(self, code: str, path: str | None, error: str, detail: str) -> list[Notice]:
        key = (code, error)
        if key in self._reported:
            return []
        self._reported.add(key)
        where = f" on {path}" if path else ""
        return [Notice("error", f"lintnews: rule {code} failed{where}: {error}; the other rules' diagnostics are shown (please report it)", detail)]

    # -- bookkeeping -------------------------------------------------------------------
    def _keep(self, path: str, result: DocumentResult, text: str) -> None:
        if path not in self.results:
            self._order = None
        self.results[path] = result
        self.columns[path] = ColumnMap(text)

    def _forget(self, path: str) -> None:
        if self.results.pop(path, None) is not None:
            self._order = None
        self.columns.pop(path, None)

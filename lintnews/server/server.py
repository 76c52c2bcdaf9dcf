"""The language server: lintnews's diagnostics and code actions over LSP (pygls).

Threads.  The protocol runs on pygls's event loop.  Every piece of lintnews's work on
the workspace (reading the corpus, linting a buffer, the corpus stage, fixes) runs on
one worker thread, in order of priority (a buffer first, then file events and the
corpus's reading in chunks), so the workspace's state is touched by one thread only and
a keystroke never waits for the whole corpus to be read.  LanguageTool (L101), when
enabled, runs on save only, on a thread of its own: a slow server never delays the
other diagnostics.

Timing.  A change is linted after ``debounce`` seconds without another change (75 ms
unless the client's ``initializationOptions`` say otherwise); opening and saving lint at
once.  A lint whose buffer changed before it started is skipped, and diagnostics are
published only for the version they were computed from.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import logging
import os
import queue
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from lintnews.api import fix_text
from lintnews.core.finding import Finding
from lintnews.core.version import __version__
from lintnews.run.files import DEFAULT_EXTENSIONS, MARKDOWN_EXTENSIONS, InputError, read_source
from lintnews.run.executors.local import relax_garbage_collection
from lintnews.run.fixing import FileFix, RawOffsets, file_state
from lintnews.run.safe_write import FixFailed, NotFixed, write_fixed_file
from lintnews.run.atomic import replace_atomically
from lintnews.server import actions, config_edit
from lintnews.server.diagnostics import SOURCE, diagnostic
from lintnews.server.positions import UTF16, ColumnMap, TextIndex
from lintnews.server.rule_docs import DEFAULT_URL, builtin_codes, rule_url
from lintnews.server.workspace import Checked, Notice, Workspace

log = logging.getLogger("lintnews.server")

PRIORITY_BUFFER, PRIORITY_EVENTS, PRIORITY_LOAD = 0, 1, 2
LOAD_CHUNK = 25
DEFAULT_DEBOUNCE = 0.075
TEXT_LANGUAGES = frozenset({"plaintext", "text", "txt", "markdown"})
CONFIG_NAMES = frozenset({"lintnews.toml", "pyproject.toml"})


class Worker:
    """One thread that runs jobs by priority, then in order; results come back as
    asyncio futures on the server's loop."""

    def __init__(self, name: str) -> None:
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._count = itertools.count()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, priority: int, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        self._queue.put((priority, next(self._count), fn, args, future))
        return future

    async def run(self, priority: int, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.wrap_future(self.submit(priority, fn, *args))

    def stop(self) -> None:
        self._queue.put((-1, -1, None, (), None))

    def _loop(self) -> None:
        while True:
            _, _, fn, args, future = self._queue.get()
            if fn is None:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                future.set_exception(exc)


@dataclass
class Published:
    """What was last published for an open document."""

    version: int | None
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)


@dataclass
class OnSave:
    """The on-save rules' findings (L101) and the text of each one's line when found:
    a finding is shown while its line is unchanged."""

    findings: list[Finding]
    lines: list[str]


class LintnewsServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("lintnews", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.ws: Workspace | None = None
        self.worker = Worker("lintnews-worker")
        self.save_worker = Worker("lintnews-on-save")
        self.debounce = DEFAULT_DEBOUNCE
        self.docs_url = DEFAULT_URL
        self.links: dict[str, str] = {}
        self.generation = 0  # readings of the corpus started (a newer one stops an older)
        self._watch_id: str | None = None  # the file watchers registered with the client
        self._watched_globs: list[str] = []
        self.paths: dict[str, str] = {}  # uri -> the path lintnews knows it by
        self.uris: dict[str, str] = {}  # path -> uri, open documents
        self.versions: dict[str, int | None] = {}  # uri -> the editor's version (loop thread writes)
        self.linted_versions: dict[str, int | None] = {}  # path -> the version its result was made from
        self.published: dict[str, Published] = {}  # uri -> last published
        self.on_save: dict[str, OnSave] = {}  # uri -> L101's findings of the last save
        self.pending: dict[str, asyncio.Task] = {}
        self._tasks: set[asyncio.Task] = set()
        self.rule_count = 0
        self.stashed: list[Notice] = []  # notices of a lint whose diagnostics were not published
        self.shut_down = False  # the client asked to shut down: exit status 0, else 1

    @property
    def exit_status(self) -> int:
        """The protocol's exit status: 0 when ``shutdown`` came before the end, else 1."""
        return 0 if self.shut_down else 1

    # -- helpers on the loop ---------------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or UTF16)
        except RuntimeError:  # pragma: no cover - before initialisation
            return UTF16

    def tell(self, notices: list[Notice]) -> None:
        levels = {"error": lsp.MessageType.Error, "warning": lsp.MessageType.Warning, "info": lsp.MessageType.Info}
        for n in notices:
            self.window_show_message(lsp.ShowMessageParams(type=levels.get(n.level, lsp.MessageType.Info), message=n.message))
            self.window_log_message(lsp.LogMessageParams(type=levels.get(n.level, lsp.MessageType.Info), message=n.message + ("\n" + n.detail if n.detail else "")))

    def log_info(self, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Info, message=message))

    def spawn(self, coroutine) -> asyncio.Task:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            self.tell([Notice("error", f"lintnews: internal error: {type(exc).__name__}: {exc} (the server goes on; please report it)", detail)])

    def lintable(self, doc) -> bool:
        path = doc.path or doc.uri
        return path.lower().endswith(DEFAULT_EXTENSIONS) or (doc.language_id or "").lower() in TEXT_LANGUAGES

    @staticmethod
    def kind_of(doc) -> str:
        path = (doc.path or doc.uri).lower()
        if (doc.language_id or "").lower() == "markdown" or path.endswith(MARKDOWN_EXTENSIONS):
            return "markdown"
        return "text"

    # -- lifecycle -------------------------------------------------------------------
    def start_workspace(self, root: str | None, options: dict) -> None:
        if isinstance(options.get("debounce"), (int, float)) and not isinstance(options.get("debounce"), bool):
            self.debounce = max(0.0, float(options["debounce"]) / 1000)
        if isinstance(options.get("ruleDocsUrl"), str):
            self.docs_url = options["ruleDocsUrl"]
        self.ws = Workspace(root)
        self.spawn(self.load())

    async def load(self) -> None:
        """Configuration, rules, then the corpus in chunks; then every open document again."""
        assert self.ws is not None
        started = time.perf_counter()
        self.generation += 1
        generation = self.generation
        notices, files = await self.worker.run(PRIORITY_EVENTS, self._configure)
        self.tell(notices)
        token = await self._progress_begin(f"reading {len(files)} files")
        try:
            for i in range(0, len(files), LOAD_CHUNK):
                if generation != self.generation:
                    return  # a newer reading (the configuration changed) took over
                notices = await self.worker.run(PRIORITY_LOAD, self.ws.add_files, files[i : i + LOAD_CHUNK])
                self.tell(notices)
                self._progress_report(token, f"{min(i + LOAD_CHUNK, len(files))}/{len(files)} files", 100 * min(i + LOAD_CHUNK, len(files)) // max(len(files), 1))
        finally:
            self._progress_end(token)
        await self.worker.run(PRIORITY_EVENTS, settle_memory)
        self.log_info(f"lintnews: ready: {len(self.ws.results)} documents in the corpus, {self.rule_count} rules, read in {time.perf_counter() - started:.1f} s")
        await self.recheck()
        await self._watch()

    def _configure(self) -> tuple[list[Notice], list[str]]:
        assert self.ws is not None
        old_save_rules = list(self.ws.save_rules)
        notices = self.ws.configure()
        for rule in old_save_rules:
            if getattr(rule, "session", None) is not None:
                self.save_worker.submit(0, rule.close)
        codes = builtin_codes()
        self.links = {r.code: rule_url(self.docs_url, r.code, r.name) for r in [*self.ws.rules, *self.ws.save_rules] if codes.get(r.code) == r.name}
        self.rule_count = len(self.ws.rules) + len(self.ws.save_rules)
        files, more = self.ws.discover()
        # The open buffers are documents of the corpus as they are in the editor.
        for uri, path in list(self.paths.items()):  # a copy: the loop thread owns the dict
            doc = self.workspace.text_documents.get(uri)
            if doc is not None:
                notices += self.ws.set_buffer(path, doc.source, self.kind_of(doc))
                self.linted_versions[path] = doc.version
        return notices + more, files

    async def _progress_begin(self, message: str) -> str | None:
        caps = self.client_capabilities.window
        if not (caps and caps.work_done_progress):
            return None
        token = f"lintnews-load-{time.monotonic_ns()}"
        try:
            await self.work_done_progress.create_async(token)
        except Exception:  # noqa: BLE001 - progress is a courtesy
            return None
        self.work_done_progress.begin(token, lsp.WorkDoneProgressBegin(title="lintnews", message=message, percentage=0))
        return token

    def _progress_report(self, token: str | None, message: str, percentage: int) -> None:
        if token is not None:
            self.work_done_progress.report(token, lsp.WorkDoneProgressReport(message=message, percentage=percentage))

    def _progress_end(self, token: str | None) -> None:
        if token is not None:
            self.work_done_progress.end(token, lsp.WorkDoneProgressEnd(message="done"))

    async def _watch(self) -> None:
        """Ask the client to tell about changed text files and configuration files."""
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if not (watched and watched.dynamic_registration) or self.ws is None:
            return
        exts = ",".join(e.lstrip(".") for e in DEFAULT_EXTENSIONS)
        globs = [f"**/*.{{{exts}}}", "**/{lintnews.toml,pyproject.toml}"]
        globs += [p for p in sorted(self.ws.watched) if not p.endswith(tuple(CONFIG_NAMES))]  # word lists
        if globs == self._watched_globs:
            return
        try:
            if self._watch_id is not None:
                unregistration = lsp.Unregistration(id=self._watch_id, method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
                await self.client_unregister_capability_async(lsp.UnregistrationParams(unregisterations=[unregistration]))
            self._watch_id = f"lintnews-watch-{self.generation}"
            registration = lsp.Registration(
                id=self._watch_id,
                method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in globs]),
            )
            await self.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
            self._watched_globs = globs
        except Exception as exc:  # noqa: BLE001 - without it, closing a file still rereads it
            log.info("file watching not registered: %s", exc)

    def stop(self) -> None:
        """On ``shutdown``: no more lints; the on-save rules' resources (LanguageTool's
        server) released before the answer, so that ``exit`` leaves nothing behind."""
        for task in list(self.pending.values()):
            task.cancel()
        if self.ws is not None:
            closing = self.save_worker.submit(-1, self.ws.close)
            try:
                closing.result(timeout=10)
            except Exception as exc:  # noqa: BLE001 - shutting down regardless
                log.warning("closing the on-save rules: %s", exc)
        self.worker.stop()
        self.save_worker.stop()

    # -- linting ---------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = self.spawn(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        scheduled = time.perf_counter()
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.text_documents.get(uri)
        if doc is None or self.ws is None:
            return
        path, version = self.paths[uri], doc.version
        woke = time.perf_counter()
        outcome = await self.worker.run(PRIORITY_BUFFER, self._lint_job, uri, path, version, doc.source, self.kind_of(doc))
        linted = time.perf_counter()
        if outcome is not None:
            self._publish(outcome, always={uri})
        if log.isEnabledFor(logging.DEBUG):
            done = time.perf_counter()
            log.debug(
                "lint %s v%s: %s; %.0f ms after the change (debounce %.0f, worker %.0f, publish %.0f)",
                path, version, "published" if outcome is not None else "typed over",
                1000 * (done - scheduled), 1000 * (woke - scheduled), 1000 * (linted - woke), 1000 * (done - linted),
            )

    def _lint_job(self, uri: str, path: str, version: int | None, text: str, kind: str):
        """On the worker: the buffer's per-document stage, then the corpus stage for
        every open document."""
        if self.versions.get(uri) != version:
            return None  # changed again meanwhile: the newer lint will publish
        assert self.ws is not None
        notices = self.ws.set_buffer(path, text, kind)
        self.linted_versions[path] = version
        typed_on = lambda: self.versions.get(uri) != version  # noqa: E731
        if typed_on():
            self.stashed += notices  # told with the next lint's diagnostics
            return None  # typed on meanwhile: leave the corpus stage to the next lint
        return self._check_open(notices, typed_on)

    def _check_open(self, notices: list[Notice] | None = None, cancelled: Callable[[], bool] | None = None):
        """On the worker: every open document's findings and diagnostics (None when
        ``cancelled`` says so between corpus rules)."""
        assert self.ws is not None
        open_paths = set(self.uris)  # one C-level copy: the loop thread may open a document meanwhile
        checked = self.ws.check(open_paths, cancelled)
        if checked is None:
            self.stashed += notices or []
            return None
        columns = dict(self.ws.columns)
        encoding = self.encoding
        out = {}
        for path, findings in checked.findings.items():
            uri = self.uris.get(path)
            if uri is None:
                continue
            diagnostics = [diagnostic(f, columns.get, encoding, self.links, self.uris) for f in findings]
            out[uri] = (self.linted_versions.get(path), findings, diagnostics)
        told, self.stashed = self.stashed, []
        return out, told + (notices or []) + checked.notices

    async def recheck(self) -> None:
        """Check the open documents again against the corpus (after it changed)."""
        if self.ws is None or not self.uris:
            return
        outcome = await self.worker.run(PRIORITY_EVENTS, self._check_open)
        self._publish(outcome)

    def _publish(self, outcome, always: set[str] = frozenset()) -> None:
        results, notices = outcome
        self.tell(notices)
        for uri, (version, findings, diagnostics) in results.items():
            if uri not in self.versions or self.versions[uri] != version:
                continue  # the buffer changed since: its own lint will publish
            last = self.published.get(uri)
            if uri not in always and last is not None and last.version == version and last.diagnostics == diagnostics:
                continue
            self.published[uri] = Published(version, findings, diagnostics)
            self._send(uri)

    def _send(self, uri: str) -> None:
        published = self.published.get(uri)
        if published is None:
            return
        diagnostics = list(published.diagnostics)
        saved = self.on_save.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if saved is not None and doc is not None and saved.findings:
            index = TextIndex(doc.source, self.encoding)
            columns = ColumnMap(doc.source)
            for f, line in zip(saved.findings, saved.lines):
                row = f.line - 1
                if row < len(index.line_starts) and _line(index, row) == line:
                    diagnostics.append(diagnostic(f, lambda _p: columns, self.encoding, self.links, self.uris))
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=published.version))

    async def lint_on_save(self, uri: str) -> None:
        if self.ws is None or not self.ws.save_rules:
            return
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return
        path, text = self.paths[uri], doc.source
        checked: Checked = await self.save_worker.run(0, self.ws.check_on_save, path, text, self.kind_of(doc))
        self.tell(checked.notices)
        findings = checked.findings.get(os.path.abspath(path), [])
        index = TextIndex(text)
        self.on_save[uri] = OnSave(findings, [_line(index, f.line - 1) for f in findings])
        self._send(uri)

    # -- file events -----------------------------------------------------------------
    def _files_changed(self, changes: list[lsp.FileEvent]) -> tuple[bool, list[Notice]]:
        """On the worker: take file events into the corpus; True when the configuration
        changed (everything is read again)."""
        assert self.ws is not None
        notices: list[Notice] = []
        for change in changes:
            path = to_fs_path(change.uri)
            if path is None:
                continue
            path = os.path.abspath(path)
            if path in self.ws.watched or (os.path.basename(path) in CONFIG_NAMES and self._in_workspace(path)):
                return True, notices
            if not path.lower().endswith(DEFAULT_EXTENSIONS):
                continue
            if change.type == lsp.FileChangeType.Deleted:
                self.ws.remove_file(path)
            elif path in self.ws.on_disk or (self._in_workspace(path) and not self.ws.excluded(path)):
                notices += self.ws.add_files([path])
        return False, notices

    def _in_workspace(self, path: str) -> bool:
        root = self.ws.root if self.ws else None
        return root is not None and (path == root or path.startswith(root.rstrip(os.sep) + os.sep))

    async def files_changed(self, changes: list[lsp.FileEvent]) -> None:
        if self.ws is None:
            return
        reload, notices = await self.worker.run(PRIORITY_EVENTS, self._files_changed, changes)
        self.tell(notices)
        if reload:
            await self.load()
        else:
            await self.recheck()

    # -- accepting a spelling --------------------------------------------------------
    def _read_config(self, path: Path) -> str:
        """A configuration file's text: the editor's buffer when it is open."""
        uri = from_fs_path(str(path))
        doc = self.workspace.text_documents.get(uri) if uri else None
        if doc is not None:
            return doc.source
        source = read_source(str(path))
        if isinstance(source, InputError):
            raise config_edit.EditError(str(source))
        return source.text

    def _plan(self, term: str) -> config_edit.Edit:
        assert self.ws is not None
        root = Path(self.ws.root) if self.ws.root else None
        return config_edit.plan(self.ws.config.path, root, term, self._read_config)

    def accept_action(self, term: str) -> lsp.WorkspaceEdit | lsp.Command | None:
        """How a code action adds ``term`` to ``accept``: an edit of the configuration
        (the client applies it, the server reloads when it is saved), or the command
        that writes it when the client cannot create the file."""
        if self.ws is None:
            return None
        try:
            edit = self._plan(term)
        except config_edit.EditError as exc:
            log.info("no accept action for %r: %s", term, exc)
            return None
        uri = from_fs_path(str(edit.path))
        doc = self.workspace.text_documents.get(uri) if uri else None
        caps = self.client_capabilities.workspace
        operations = caps.workspace_edit.resource_operations if caps and caps.workspace_edit else None
        how = actions.accept_edit(edit, uri, doc.version if doc else None, self.encoding, _document_changes(self), bool(operations and lsp.ResourceOperationKind.Create in operations))
        return how if how is not None else lsp.Command(title="Accept the spelling", command=actions.ACCEPT_COMMAND, arguments=[term])

    async def accept(self, term: str) -> None:
        """The ``lintnews.accept`` command: the term written into the configuration on
        disk (or into its buffer, when it is open), then the configuration read again."""
        assert self.ws is not None
        try:
            edit = self._plan(term)
        except config_edit.EditError as exc:
            self.tell([Notice("warning", f"lintnews: cannot add {term!r} to the accepted spellings: {exc}")])
            return
        uri = from_fs_path(str(edit.path))
        open_doc = self.workspace.text_documents.get(uri) if uri else None
        if open_doc is not None and edit.before is not None:
            index = TextIndex(edit.before, self.encoding)
            edits = actions.text_edits(actions.minimal_edits(edit.before, edit.after), index)
            await self.workspace_apply_edit_async(
                lsp.ApplyWorkspaceEditParams(edit=actions.workspace_edit(uri, open_doc.version, edits), label=f"lintnews: accept {term!r}")
            )
            self.log_info(f"lintnews: {term!r} added to {edit.path} in the editor; it counts once the file is saved")
            return
        try:
            await self.worker.run(PRIORITY_BUFFER, _write, edit)
        except (OSError, FixFailed, NotFixed, config_edit.EditError) as exc:
            self.tell([Notice("warning", f"lintnews: cannot add {term!r} to {edit.path}: {exc}")])
            return
        self.log_info(f"lintnews: {term!r} added to the accepted spellings in {edit.path}")
        await self.load()


def settle_memory() -> None:
    """After the corpus is read: its results live as long as the server, so the cyclic
    garbage collector is told to leave them alone (``gc.freeze``), and to run less often
    (lintnews's own setting for the processes it owns).  A lint of 5,000 words over 300
    articles then takes about a third less CPU, and its slowest runs half as long."""
    gc.unfreeze()
    gc.collect()
    relax_garbage_collection()


def _write(edit: config_edit.Edit) -> None:
    """Write a configuration edit: a new file if none was there, else only over the text
    it was planned from (atomically, keeping the file's owner and mode)."""
    path = str(edit.path)
    if edit.before is None:
        if os.path.lexists(path):
            raise config_edit.EditError(f"{path} appeared meanwhile; try again")
        replace_atomically(path, edit.after.encode("utf-8"))
        return
    state = file_state(path)
    source = read_source(path)
    if isinstance(source, InputError):
        raise config_edit.EditError(str(source))
    if source.text != edit.before:
        raise config_edit.EditError("the file changed meanwhile; try again")
    write_fixed_file(FileFix(path, source.text, edit.after, 1, source.encoding, state))


def _line(index: TextIndex, row: int) -> str:
    if row >= len(index.line_starts):
        return ""
    return index.text[index.line_starts[row] : index.line_end(row)]


# -- the protocol ----------------------------------------------------------------------
def build() -> LintnewsServer:
    server = LintnewsServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: LintnewsServer, params: lsp.InitializeParams) -> None:
        folders = params.workspace_folders or []
        root_uri = folders[0].uri if folders else params.root_uri
        root = to_fs_path(root_uri) if root_uri else params.root_path
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        ls._root, ls._options = root, options

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: LintnewsServer, params: lsp.InitializedParams) -> None:
        ls.start_workspace(getattr(ls, "_root", None), getattr(ls, "_options", {}))

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: LintnewsServer, params: None) -> None:
        ls.stop()
        ls.shut_down = True

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LintnewsServer, params: lsp.DidOpenTextDocumentParams) -> None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        if not ls.lintable(doc):
            return
        # A buffer without a file (untitled:...) gets a path of its own that no file has.
        path = os.path.abspath(doc.path) if doc.path else os.path.abspath(os.sep + doc.uri.replace("/", "_"))
        ls.paths[doc.uri] = path
        ls.uris[path] = doc.uri
        ls.versions[doc.uri] = doc.version
        ls.schedule(doc.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LintnewsServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.paths:
            return
        ls.versions[uri] = params.text_document.version
        ls.schedule(uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: LintnewsServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri)
        if ls.ws is not None and path and (os.path.abspath(path) in ls.ws.watched):
            ls.spawn(ls.load())  # the configuration was saved from the editor
            return
        if uri not in ls.paths:
            return
        ls.schedule(uri, 0)
        ls.spawn(ls.lint_on_save(uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LintnewsServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = ls.paths.pop(uri, None)
        if path is None:
            return
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.uris.pop(path, None)
        ls.versions.pop(uri, None)
        ls.published.pop(uri, None)
        ls.on_save.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

        async def closed() -> None:
            if ls.ws is None:
                return
            notices = await ls.worker.run(PRIORITY_EVENTS, ls.ws.close_buffer, path)
            ls.tell(notices)
            await ls.recheck()

        ls.spawn(closed())

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: LintnewsServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.spawn(ls.files_changed(list(params.changes)))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, actions.FIX_ALL], resolve_provider=True),
    )
    async def code_action(ls: LintnewsServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        published = ls.published.get(uri)
        doc = ls.workspace.text_documents.get(uri)
        if published is None or doc is None or doc.version != published.version:
            return None
        only = params.context.only
        index = TextIndex(doc.source, ls.encoding)
        offsets = RawOffsets(doc.source)
        document_changes = _document_changes(ls)
        found: list[lsp.CodeAction] = []
        safe_here = False
        if actions.wanted(lsp.CodeActionKind.QuickFix, only):
            for d in params.context.diagnostics:
                if d.source != SOURCE:
                    continue
                for f, mine in zip(published.findings, published.diagnostics):
                    if mine.code == d.code and mine.range == d.range:
                        found += actions.finding_actions(f, mine, uri, doc.version, index, offsets, document_changes, ls.accept_action)
                        safe_here = safe_here or (f.fix is not None and f.fix.safe)
                        break
        if actions.wanted(actions.FIX_ALL, only) and any(f.fix is not None and f.fix.safe for f in published.findings):
            action = lsp.CodeAction(title="lintnews: Fix all safe problems in this file", kind=actions.FIX_ALL, data={"uri": uri, "version": doc.version})
            if _resolves(ls):
                found.append(action)
            elif only or safe_here:  # computed now only when asked for or beside a fix
                found.append(await fix_all(ls, action))
        return found or None

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def resolve(ls: LintnewsServer, action: lsp.CodeAction) -> lsp.CodeAction:
        return await fix_all(ls, action)

    async def fix_all(ls: LintnewsServer, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        doc = ls.workspace.text_documents.get(uri) if isinstance(uri, str) else None
        if doc is None or ls.ws is None or doc.version != data.get("version"):
            return action
        text, version, kind, path = doc.source, doc.version, ls.kind_of(doc), ls.paths.get(uri, uri)
        ws = ls.ws
        fixed, _ = await ls.worker.run(PRIORITY_BUFFER, lambda: fix_text(path, text, ws.rules, ws.config, kind=kind))
        index = TextIndex(text, ls.encoding)
        action.edit = actions.workspace_edit(uri, version, actions.text_edits(actions.minimal_edits(text, fixed), index), _document_changes(ls))
        return action

    @server.command(actions.ACCEPT_COMMAND)
    async def accept(ls: LintnewsServer, *args: Any) -> None:
        if ls.ws is None or not args or not isinstance(args[0], str):
            return
        await ls.accept(args[0])

    return server


def _resolves(ls: LintnewsServer) -> bool:
    """Whether the client resolves a code action's edit later (so it is computed only
    when the user picks the action)."""
    caps = ls.client_capabilities.text_document
    action = caps.code_action if caps else None
    support = action.resolve_support if action else None
    return bool(support and "edit" in support.properties)


def _document_changes(ls: LintnewsServer) -> bool:
    caps = ls.client_capabilities.workspace
    edit = caps.workspace_edit if caps else None
    return bool(edit and edit.document_changes)

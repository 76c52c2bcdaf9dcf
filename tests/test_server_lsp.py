"""The language server, driven as a subprocess over stdio by a real LSP client (pytest-lsp,
on pygls's client): initialisation, diagnostics at the right UTF-16 range, an edit that
clears them, code actions applied, a name compared with a closed file of the workspace,
a malformed configuration, a failing plugin rule and an unreadable file reported
without the server dying, the configuration's accept list written, shutdown and exit.

No assertion is timed: waits have generous guards against a hung server only.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
lsp = pytest.importorskip("lsprotocol.types")

from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

SERVER = [sys.executable, "-m", "lintnews.server"]
GUARD = 20  # seconds: only a hung server gets near it

ARCHIVE = "Taliban spokesman Zabihullah Mujahid said the group would talk.\nMujahid added that the talks would go on.\n"


def workspace_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


async def start(client: LanguageClient, root: Path, capabilities: str = "visual-studio-code", options: dict | None = None) -> lsp.InitializeResult:
    client.registrations = []

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    params = lsp.InitializeParams(
        capabilities=client_capabilities(capabilities),
        root_uri=from_fs_path(str(root)),
        workspace_folders=[lsp.WorkspaceFolder(uri=from_fs_path(str(root)), name="ws")],
        initialization_options=options or {"debounce": 10},
    )
    result = await client.initialize_session(params)
    await until(client, "window/logMessage", lambda: any(m.message.startswith("lintnews: ready") for m in client.log_messages))
    return result


async def until(client: LanguageClient, method: str, condition) -> None:
    """Wait for notifications of ``method`` until ``condition()`` holds."""

    async def wait() -> None:
        while not condition():
            await client.wait_for_notification(method)

    await asyncio.wait_for(wait(), GUARD)


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "plaintext") -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change_doc(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics(client: LanguageClient, uri: str, condition=lambda ds: True) -> list[lsp.Diagnostic]:
    await until(client, "textDocument/publishDiagnostics", lambda: uri in client.diagnostics and condition(client.diagnostics[uri]))
    return list(client.diagnostics[uri])


def codes(ds) -> list[str]:
    return sorted(str(d.code) for d in ds)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


UNITS = {"utf-16": utf16, "utf-8": lambda s: len(s.encode("utf-8")), "utf-32": len}


def apply_edits(text: str, edits: list[lsp.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits (positions in ``encoding``'s units) to ``text``, as an editor would."""
    units_of = UNITS[encoding]
    lines = text.splitlines(keepends=True) or [""]

    def offset(pos: lsp.Position) -> int:
        before = sum(len(line) for line in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return before + i
            units += units_of(ch)
        return before + len(line.rstrip("\r\n"))

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = offset(e.range.start), offset(e.range.end)
        text = text[:s] + e.new_text + text[t:]
        lines = text.splitlines(keepends=True) or [""]
    return text


def edits_of(action: lsp.CodeAction, uri: str) -> list[lsp.TextEdit]:
    edit = action.edit
    assert edit is not None
    if edit.document_changes:
        return [e for dc in edit.document_changes if dc.text_document.uri == uri for e in dc.edits]
    return list(edit.changes[uri])


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    yield
    await finish(lsp_client)


async def finish(client: LanguageClient) -> None:
    """Shut the server down by the protocol; a server that did not end is killed, so
    that a failed test never hangs (pygls's client waits for the server to exit)."""
    try:
        if not client.stopped and client._server is not None and client._server.returncode is None:
            await asyncio.wait_for(client.shutdown_session(), GUARD)
    finally:
        server = client._server
        if server is not None and server.returncode is None:
            try:
                await asyncio.wait_for(server.wait(), 5)
            except asyncio.TimeoutError:
                server.kill()
                await server.wait()


# -- tests ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_initialize_announces_diagnostics_and_code_actions(client: LanguageClient, tmp_path):
    result = await start(client, workspace_files(tmp_path, {"a.txt": "Hello.\n"}))
    caps = result.capabilities
    assert result.server_info.name == "lintnews"
    assert caps.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
    assert caps.code_action_provider.resolve_provider is True
    assert "source.fixAll.lintnews" in caps.code_action_provider.code_action_kinds
    assert list(caps.execute_command_provider.commands) == ["lintnews.accept"]
    assert caps.position_encoding == lsp.PositionEncodingKind.Utf16


@pytest.mark.asyncio
async def test_a_repeated_word_after_an_emoji_gets_its_utf16_range_and_an_edit_clears_it(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    prefix = "🙂 Le 𝕏 minister said that the "
    text = prefix + "the talks would go on.\n"
    uri = open_doc(client, tmp_path / "note.txt", text)
    ds = await diagnostics(client, uri, lambda ds: len(ds) > 0)
    (d,) = [d for d in ds if d.code == "G105"]
    # lintnews's columns count characters; the editor counts UTF-16 units (🙂 and 𝕏 are two each).
    first = utf16(prefix) - len("the ")
    assert (d.range.start.line, d.range.start.character) == (0, first)
    assert (d.range.end.line, d.range.end.character) == (0, first + len("the the"))
    assert d.severity == lsp.DiagnosticSeverity.Warning
    assert d.source == "lintnews"
    assert d.code_description.href.endswith("docs/rules.md#g105-repeated-word")
    change_doc(client, uri, 2, text.replace("the the", "the"))
    assert await diagnostics(client, uri, lambda ds: "G105" not in codes(ds)) == []


@pytest.mark.asyncio
@pytest.mark.parametrize("editor, encoding", [("neovim@v0.11.0", "utf-8"), ("emacs@v29.1", "utf-32")])
async def test_ranges_and_edits_are_in_the_encoding_the_client_prefers(client: LanguageClient, tmp_path, editor, encoding):
    result = await start(client, tmp_path, capabilities=editor)
    assert result.capabilities.position_encoding == encoding
    prefix = "🙂 Le 𝕏 café said . Then the "
    text = prefix + "the talks would go on.\n"
    uri = open_doc(client, tmp_path / "note.txt", text)
    ds = await diagnostics(client, uri, lambda ds: "G105" in codes(ds))
    (d,) = [d for d in ds if d.code == "G105"]
    first = UNITS[encoding](prefix) - len("the ")
    assert (d.range.start.character, d.range.end.character) == (first, first + len("the the"))
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll.lintnews"]),
        )
    )
    (action,) = found
    if action.edit is None:  # a client that resolves code actions
        action = await client.code_action_resolve_async(action)
    assert apply_edits(text, edits_of(action, uri), encoding) == "🙂 Le 𝕏 café said. Then the talks would go on.\n"


@pytest.mark.asyncio
async def test_an_untitled_buffer_is_linted_and_another_language_is_not(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    untitled = "untitled:Untitled-1"
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text="They said that the the talks went on.\n"))
    )
    assert codes(await diagnostics(client, untitled, lambda ds: len(ds) > 0)) == ["G105"]
    python = open_doc(client, tmp_path / "x.py", "x = 'the the'\n", language="python")
    other = open_doc(client, tmp_path / "y.md", "the the end\n", language="markdown")
    await diagnostics(client, other, lambda ds: len(ds) > 0)
    assert python not in client.diagnostics


@pytest.mark.asyncio
async def test_a_quick_fix_applied_clears_the_finding(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = "The minister said . The talks would go on.\n"
    uri = open_doc(client, tmp_path / "fix.txt", text)
    (d,) = await diagnostics(client, uri, lambda ds: len(ds) > 0)
    assert d.code == "P102"
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(text_document=lsp.TextDocumentIdentifier(uri), range=d.range, context=lsp.CodeActionContext(diagnostics=[d]))
    )
    titles = [a.title for a in found]
    fix = next(a for a in found if a.kind == lsp.CodeActionKind.QuickFix and a.edit is not None and a.is_preferred)
    assert any("Disable P102 for this line" in t for t in titles)
    fixed = apply_edits(text, edits_of(fix, uri))
    assert fixed == "The minister said. The talks would go on.\n"
    change_doc(client, uri, 2, fixed)
    assert await diagnostics(client, uri, lambda ds: not ds) == []


@pytest.mark.asyncio
async def test_fix_all_and_disable_line(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = "The minister said . . that the the talks would go on.\n\nSource link\n"
    uri = open_doc(client, tmp_path / "all.txt", text)
    ds = await diagnostics(client, uri, lambda ds: "W101" in codes(ds))
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    (action,) = found
    assert action.edit is None  # resolved when picked
    resolved = await client.code_action_resolve_async(action)
    assert apply_edits(text, edits_of(resolved, uri)) == "The minister said. that the talks would go on.\n"
    w101 = next(d for d in ds if d.code == "W101")
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(text_document=lsp.TextDocumentIdentifier(uri), range=w101.range, context=lsp.CodeActionContext(diagnostics=[w101]))
    )
    disable = next(a for a in found if a.title == "lintnews: Disable W101 for this line")
    marked = apply_edits(text, edits_of(disable, uri))
    assert marked.endswith("Source link <!-- lintnews: disable-line=W101 -->\n")
    change_doc(client, uri, 2, marked)
    assert "W101" not in codes(await diagnostics(client, uri, lambda ds: "W101" not in codes(ds)))


@pytest.mark.asyncio
async def test_a_name_is_compared_with_the_closed_files_of_the_workspace(client: LanguageClient, tmp_path):
    workspace_files(tmp_path, {f"archive/{i}.txt": ARCHIVE for i in range(3)})
    await start(client, tmp_path)
    prefix = "🙂 Spokesman "
    text = prefix + "Zabiullah Mujahid said on Monday that the group would meet.\n"
    uri = open_doc(client, tmp_path / "new.txt", text)
    ds = await diagnostics(client, uri, lambda ds: "N101" in codes(ds))
    (d,) = [d for d in ds if d.code == "N101"]
    assert "'Zabiullah' looks like 'Zabihullah' (3 mentions" in d.message
    assert (d.range.start.character, d.range.end.character) == (utf16(prefix), utf16(prefix) + len("Zabiullah Mujahid"))
    related = sorted(r.location.uri for r in d.related_information)
    assert related == [from_fs_path(str(tmp_path / "archive" / f"{i}.txt")) for i in range(3)]
    assert all(r.location.range.start == lsp.Position(0, 18) for r in d.related_information)
    # The name is a suggestion for this one place only, never a safe fix.
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(text_document=lsp.TextDocumentIdentifier(uri), range=d.range, context=lsp.CodeActionContext(diagnostics=[d]))
    )
    change = next(a for a in found if a.edit is not None and "here only" in a.title)
    assert not change.is_preferred
    assert apply_edits(text, edits_of(change, uri)) == text.replace("Zabiullah", "Zabihullah")


@pytest.mark.asyncio
async def test_a_closed_file_changed_on_disk_changes_the_open_documents_diagnostics(client: LanguageClient, tmp_path):
    workspace_files(tmp_path, {"archive/0.txt": ARCHIVE, "archive/1.txt": ARCHIVE})
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "new.txt", "Spokesman Zabiullah Mujahid said on Monday that the group would meet.\n")
    assert "(2 mentions" in next(d.message for d in await diagnostics(client, uri, lambda ds: "N101" in codes(ds)))
    third = workspace_files(tmp_path, {"archive/2.txt": ARCHIVE}) / "archive" / "2.txt"
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=from_fs_path(str(third)), type=lsp.FileChangeType.Created)])
    )
    ds = await diagnostics(client, uri, lambda ds: any("(3 mentions" in d.message for d in ds))
    assert [d.code for d in ds] == ["N101"]


@pytest.mark.asyncio
async def test_a_malformed_config_and_an_unreadable_file_are_told_and_the_server_goes_on(client: LanguageClient, tmp_path):
    workspace_files(tmp_path, {"lintnews.toml": "select = [\n", "latin1.txt": "caf\xe9 cr\xe8me".encode("latin-1")})
    await start(client, tmp_path)
    messages = [m.message for m in client.messages]
    assert any("lintnews.toml: malformed TOML" in m and "default configuration" in m for m in messages)
    assert any("latin1.txt: not valid UTF-8" in m for m in messages)
    uri = open_doc(client, tmp_path / "a.txt", "They said that the the talks would go on.\n")
    assert "G105" in codes(await diagnostics(client, uri, lambda ds: len(ds) > 0))


FAILING_PLUGIN = '''
from lintnews.core.rule import DocumentRule


class Broken(DocumentRule):
    """Fails on every document.  Example: ``anything``."""

    code = "X950"
    name = "broken"

    def check(self, doc):
        raise KeyError("boom")
'''


@pytest.fixture
def failing_plugin(tmp_path, monkeypatch):
    """A plugin rule that raises, installed for the server through PYTHONPATH."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "lintnews_failing_plugin.py").write_text(FAILING_PLUGIN, encoding="utf-8")
    dist = site / "lintnews_failing_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lintnews-failing-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[lintnews.rules]\nbroken = lintnews_failing_plugin:Broken\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(site))
    return site


@pytest.mark.asyncio
async def test_an_exception_in_one_rule_is_told_and_the_other_rules_report(failing_plugin, tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    config = ClientServerConfig(server_command=SERVER)
    client = await config.start()
    try:
        await start(client, root)
        uri = open_doc(client, root / "a.txt", "They said that the the talks would go on.\n")
        assert "G105" in codes(await diagnostics(client, uri, lambda ds: len(ds) > 0))
        await until(client, "window/showMessage", lambda: any("X950" in m.message for m in client.messages))
        (message,) = [m for m in client.messages if "X950" in m.message]
        assert message.type == lsp.MessageType.Error
        assert "KeyError" in message.message and "other rules' diagnostics are shown" in message.message
    finally:
        await finish(client)
        await client.stop()


@pytest.mark.asyncio
async def test_accepting_a_spelling_edits_the_config_and_clears_the_finding(client: LanguageClient, tmp_path):
    config = workspace_files(tmp_path, {"lintnews.toml": '# house style\nselect = ["S", "G"]\n'}) / "lintnews.toml"
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "a.txt", "The minister mentionned the talks.\n")
    (d,) = await diagnostics(client, uri, lambda ds: "S101" in codes(ds))
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(text_document=lsp.TextDocumentIdentifier(uri), range=d.range, context=lsp.CodeActionContext(diagnostics=[d]))
    )
    accept = next(a for a in found if "Accept the spelling 'mentionned'" in a.title)
    config_uri = from_fs_path(str(config))
    # The editor applies the edit to the configuration and saves it; the server hears of it.
    config.write_text(apply_edits(config.read_text(encoding="utf-8"), edits_of(accept, config_uri)), encoding="utf-8")
    assert config.read_text(encoding="utf-8") == '# house style\nselect = ["S", "G"]\naccept = ["mentionned"]\n'
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=config_uri, type=lsp.FileChangeType.Changed)]))
    assert await diagnostics(client, uri, lambda ds: "S101" not in codes(ds)) == []


@pytest.mark.asyncio
async def test_the_accept_command_creates_the_config_and_clears_the_finding(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "a.txt", "The minister mentionned the talks.\n")
    await diagnostics(client, uri, lambda ds: "S101" in codes(ds))
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(command="lintnews.accept", arguments=["mentionned"]))
    assert "S101" not in codes(await diagnostics(client, uri, lambda ds: "S101" not in codes(ds)))
    assert (tmp_path / "lintnews.toml").read_text(encoding="utf-8") == 'accept = ["mentionned"]\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("shutdown, status", [(True, 0), (False, 1)])
async def test_exit_ends_the_server_with_status_0_after_shutdown_and_1_without(tmp_path, shutdown, status):
    client = await ClientServerConfig(server_command=SERVER).start()
    try:
        await start(client, tmp_path)
        if shutdown:
            await client.shutdown_async(None)
        client.exit(None)
        assert await asyncio.wait_for(client._server.wait(), GUARD) == status
    finally:
        await finish(client)
        await client.stop()


@pytest.mark.asyncio
async def test_languagetool_runs_on_save_only_and_its_findings_leave_with_their_line(client: LanguageClient, tmp_path):
    from languagetool_replay import LanguageToolReplay, ScriptedRule

    a_vs_an = ScriptedRule("EN_A_VS_AN", "MISC", r"\b(?P<m>a) apple", "Use 'an' instead of 'a'.", ("an",))
    with LanguageToolReplay([a_vs_an]) as replay:
        workspace_files(tmp_path, {"lintnews.toml": f'languagetool = "{replay.url}"\nlanguagetool-cache = false\n'})
        await start(client, tmp_path)
        text = "🙂 Officials said it was a apple of discord.\nThey said that the the talks went on.\n"
        uri = open_doc(client, tmp_path / "a.txt", text)
        assert codes(await diagnostics(client, uri, lambda ds: "G105" in codes(ds))) == ["G105"]
        assert replay.texts == []  # nothing sent while typing
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri)))
        ds = await diagnostics(client, uri, lambda ds: "L101" in codes(ds))
        (d,) = [d for d in ds if d.code == "L101"]
        column = utf16("🙂 Officials said it was ")
        assert (d.range.start.line, d.range.start.character, d.range.end.character) == (0, column, column + 1)
        assert len(replay.texts) == 1
        change_doc(client, uri, 2, text.replace("the the", "the"))  # another line: L101 stays
        assert codes(await diagnostics(client, uri, lambda ds: "G105" not in codes(ds))) == ["L101"]
        change_doc(client, uri, 3, text.replace("a apple", "an apple").replace("the the", "the"))
        assert await diagnostics(client, uri, lambda ds: "L101" not in codes(ds)) == []


@pytest.mark.asyncio
async def test_the_seeds_diagnostics_are_what_lintnews_reports_for_them(client: LanguageClient, tmp_path):
    """The server runs lintnews's own stages: opening two seed articles in a workspace of
    the five gives, for each, the findings of `lintnews seeds/` (cross-file names included)."""
    import shutil

    from lintnews.api import lint_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    expected = lint_paths([str(tmp_path)]).findings
    await start(client, tmp_path)
    for name in ("000_1f079a1ce9d05eea.txt", "004_9ced0776c13fb033.txt"):
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        uri = open_doc(client, path, text)
        mine = [f for f in expected if f.path == str(path)]
        assert mine, "the seeds have findings in both files"
        ds = await diagnostics(client, uri, lambda ds: len(ds) >= len(mine))
        lines = text.split("\n")
        want = sorted((f.code, f.line - 1, utf16(lines[f.line - 1][: f.column - 1]), f.message) for f in mine)
        got = sorted((str(d.code), d.range.start.line, d.range.start.character, d.message) for d in ds)
        assert got == want

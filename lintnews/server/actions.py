"""Code actions on lintnews's findings in a buffer.

For a finding under the cursor:

- **Apply the fix or the suggestion** (quick fix).  A finding's ``fix`` is an exact
  edit and is used when there is one (preferred when it is safe).  Otherwise the
  suggestion replaces the finding's text, keeping the capital of a sentence's first
  word ("In one declaration" -> "In a statement"); the title rules (T101-T103) flag
  "title and name" and suggest the office, so their suggestion replaces the title that
  the message quotes, and the name stays.  A name (N101) is changed in this one place
  only, when the user picks it, with a title that says so: never in other files, never
  among the fixes applied together.
- **Accept the spelling** (S101 misspellings, N101 names, LanguageTool's spelling
  matches): an edit of the configuration that adds it to the project's ``accept`` list
  (:mod:`lintnews.server.config_edit`), which the editor applies (and can undo) like any
  edit; the configuration counts once the file is saved.  A configuration to create,
  with a client that cannot create files, is written by the server instead (the
  ``lintnews.accept`` command, which any client may also call with a term).
- **Disable the rule for this line**: ``<!-- lintnews: disable-line=CODE -->`` at the
  end of the finding's first line, or the code added to a marker already there.

For the file: **fix all safe problems** (``source.fixAll.lintnews``), the safe fixes of
``lintnews --fix`` applied to the buffer until nothing changes
(:func:`lintnews.api.fix_text`), as the smallest edits of the buffer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lsprotocol import types as lsp

from lintnews.core.finding import Finding
from lintnews.core.markers import MARKER
from lintnews.run.fixing import RawOffsets
from lintnews.server.positions import UTF16, TextIndex

FIX_ALL = "source.fixAll.lintnews"
ACCEPT_COMMAND = "lintnews.accept"

#: Rules whose suggestion replaces a part of the finding's text that the message quotes:
#: the office of "title and name" (T101-T103), the misspelt word of a whole name (N101).
PART_RULES = frozenset({"N101", "T101", "T102", "T103"})
#: Rules whose finding is a spelling a newsroom may accept.
SPELLING_RULES = frozenset({"S101", "N101"})
NAME_RULES = frozenset({"N101"})

_QUOTED = re.compile(r"'([^']+)'")
_OPENERS = "\"'“‘«([ \t"


@dataclass(frozen=True)
class Replacement:
    start: int  # offsets in the buffer's text (its line endings and BOM as they are)
    end: int
    text: str
    title: str
    preferred: bool = False


def replacement(f: Finding, buffer: str, offsets: RawOffsets | None = None) -> Replacement | None:
    """The edit that applies a finding's fix or suggestion, or None."""
    offsets = offsets or RawOffsets(buffer)
    if f.fix is not None:
        start, end = offsets.raw(f.fix.start), offsets.raw(f.fix.end)
        old = buffer[start:end]
        new = f.fix.replacement
        title = f"Delete {_quote(old)}" if new == "" else f"Replace {_quote(old)} with {_quote(new)}"
        return Replacement(start, end, new, f"lintnews: {title} ({f.code})", preferred=f.fix.safe)
    if not f.suggestion or f.end <= f.start:
        return None
    start, end = offsets.raw(f.start), offsets.raw(f.end)
    old = buffer[start:end]
    new = f.suggestion
    if f.code in PART_RULES:
        part = _quoted_part(f.message, old)
        if part is None:
            return None
        start, end = start + part[0], start + part[1]
        old = buffer[start:end]
    elif _sentence_start(buffer, start) and old[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    if old == new:
        return None
    if f.code in NAME_RULES:
        return Replacement(start, end, new, f"lintnews: Change {_quote(old)} to {_quote(new)} here only (check that it is the same person)")
    return Replacement(start, end, new, f"lintnews: Replace {_quote(old)} with {_quote(new)} ({f.code})")


def accepted_term(f: Finding, buffer: str, offsets: RawOffsets | None = None) -> str | None:
    """The spelling a user may add to ``accept`` for this finding, or None."""
    if not (f.code in SPELLING_RULES or (f.code == "L101" and f.name.startswith(("MORFOLOGIK", "HUNSPELL")))):
        return None
    offsets = offsets or RawOffsets(buffer)
    term = buffer[offsets.raw(f.start) : offsets.raw(f.end)].strip()
    return term if term and "\n" not in term and "\r" not in term and len(term) <= 100 else None


def disable_line_edit(f: Finding, index: TextIndex) -> tuple[int, int, str] | None:
    """``(start, end, text)``: the marker that disables ``f.code`` on the finding's line."""
    row = f.line - 1
    if row >= len(index.line_starts):
        return None
    start, end = index.line_starts[row], index.line_end(row)
    line = index.text[start:end]
    for m in MARKER.finditer(line):
        if m.group("action") != "disable-line":
            continue
        codes = [c.strip() for c in (m.group("codes") or "").split(",") if c.strip()]
        if not codes or any(f.code.startswith(c.upper()) for c in codes):
            return None  # already disabled here
        at = start + m.end("codes") if m.group("codes") is not None else None
        if at is None:
            return None
        return at, at, "," + f.code
    gap = "" if line == "" or line.endswith((" ", "\t")) else " "
    return end, end, f"{gap}<!-- lintnews: disable-line={f.code} -->"


def minimal_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, text)`` of ``old`` (in order, not overlapping) that give ``new``:
    the lines that differ, trimmed to the characters that differ."""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    starts_a = [0]
    for line in a:
        starts_a.append(starts_a[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = starts_a[i1], starts_a[i2]
        piece_old, piece_new = old[start:end], "".join(b[j1:j2])
        prefix = _common_prefix(piece_old, piece_new)
        suffix = _common_prefix(piece_old[prefix:][::-1], piece_new[prefix:][::-1])
        edits.append((start + prefix, end - suffix, piece_new[prefix : len(piece_new) - suffix]))
    return edits


def text_edits(edits: Sequence[tuple[int, int, str]], index: TextIndex) -> list[lsp.TextEdit]:
    return [lsp.TextEdit(range=lsp.Range(lsp.Position(*index.position(s)), lsp.Position(*index.position(e))), new_text=t) for s, e, t in edits]


def workspace_edit(uri: str, version: int | None, edits: list[lsp.TextEdit], document_changes: bool = True) -> lsp.WorkspaceEdit:
    if document_changes:
        return lsp.WorkspaceEdit(
            document_changes=[lsp.TextDocumentEdit(text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits)]
        )
    return lsp.WorkspaceEdit(changes={uri: edits})


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether an action of ``kind`` is asked for (kinds are hierarchical: "source"
    asks for "source.fixAll.lintnews")."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def finding_actions(
    f: Finding,
    diagnostic: lsp.Diagnostic,
    uri: str,
    version: int | None,
    index: TextIndex,
    offsets: RawOffsets,
    document_changes: bool = True,
    accept: Callable[[str], lsp.WorkspaceEdit | lsp.Command | None] | None = None,
) -> list[lsp.CodeAction]:
    """The quick fixes of one finding.  ``accept(term)`` gives the edit (or the command)
    that adds a term to the accepted spellings, or None when it cannot be done."""
    actions: list[lsp.CodeAction] = []
    buffer = index.text
    repl = replacement(f, buffer, offsets)
    if repl is not None:
        edit = workspace_edit(uri, version, text_edits([(repl.start, repl.end, repl.text)], index), document_changes)
        actions.append(lsp.CodeAction(title=repl.title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit, is_preferred=repl.preferred or None))
    term = accepted_term(f, buffer, offsets)
    how = accept(term) if term is not None and accept is not None else None
    if how is not None:
        if f.code in NAME_RULES:  # an accepted spelling of a name is the canonical one
            title = f"lintnews: Make {_quote(term or '')} the house spelling (add it to 'accept'; the other spellings are then reported)"
        else:
            title = f"lintnews: Accept the spelling {_quote(term or '')} (add it to 'accept' in the configuration)"
        if isinstance(how, lsp.Command):
            actions.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], command=how))
        else:
            actions.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=how))
    marker = disable_line_edit(f, index)
    if marker is not None:
        edit = workspace_edit(uri, version, text_edits([marker], index), document_changes)
        actions.append(lsp.CodeAction(title=f"lintnews: Disable {f.code} for this line", kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit))
    return actions


def accept_edit(edit, uri: str, version: int | None, encoding: str, document_changes: bool, can_create: bool) -> lsp.WorkspaceEdit | None:
    """A configuration edit (:class:`lintnews.server.config_edit.Edit`) as a workspace
    edit: the smallest change of the file, or the file created with its text; None
    when the client cannot create files."""
    if edit.before is None:
        if not (document_changes and can_create):
            return None
        insert = lsp.TextEdit(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), new_text=edit.after)
        return lsp.WorkspaceEdit(
            document_changes=[
                lsp.CreateFile(uri=uri, options=lsp.CreateFileOptions(overwrite=False, ignore_if_exists=False)),
                lsp.TextDocumentEdit(text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None), edits=[insert]),
            ]
        )
    edits = text_edits(minimal_edits(edit.before, edit.after), TextIndex(edit.before, encoding))
    return workspace_edit(uri, version, edits, document_changes)


def _quoted_part(message: str, text: str) -> tuple[int, int] | None:
    """Where in ``text`` the first text that ``message`` quotes stands, as whole words and
    only once (else None: no guess)."""
    for quoted in _QUOTED.findall(message):
        spots = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(quoted)}(?!\w)", text)]
        if len(spots) == 1:
            return spots[0]
        if spots:
            return None
    return None


def _sentence_start(buffer: str, start: int) -> bool:
    line_start = max(buffer.rfind("\n", 0, start), buffer.rfind("\r", 0, start)) + 1
    before = buffer[line_start:start].rstrip(_OPENERS)
    return before == "" or before.endswith((".", "!", "?", ":"))


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"

"""Findings as LSP diagnostics.

A finding's range is converted from lintnews's characters to the negotiated position
units (:mod:`lintnews.server.positions`); its code links to the rule's documentation
(:mod:`lintnews.server.rule_docs`); its related places (the other spellings of a name,
the other rendering of a title) become ``relatedInformation`` in the files they are in,
open or not; text to delete (an unused suppression marker, a boilerplate line, a tweet
counter, a site credit) is tagged ``Unnecessary``, which editors show faded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from lintnews.core.finding import Finding, Related
from lintnews.server.positions import UTF16, ColumnMap

SOURCE = "lintnews"

SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}

#: Rules whose finding is text that should go (shown faded): an unused marker, page
#: furniture, a tweet counter, a site builder's credit.
UNNECESSARY = frozenset({"X100", "W101", "W103", "W104"})

_ASCII = ColumnMap("")


def to_range(columns: ColumnMap, line: int, column: int, end_line: int, end_column: int, encoding: str = UTF16) -> lsp.Range:
    start = columns.position(line, column, encoding)
    end = columns.position(end_line, end_column, encoding)
    return lsp.Range(lsp.Position(*start), lsp.Position(*end))


def finding_range(f: Finding | Related, columns: ColumnMap, encoding: str = UTF16) -> lsp.Range:
    return to_range(columns, f.line, f.column, f.end_line, f.end_column, encoding)


def uri_of(path: str, open_uris: Mapping[str, str]) -> str:
    return open_uris.get(path) or from_fs_path(path) or path


def diagnostic(
    f: Finding,
    columns: Callable[[str], ColumnMap | None],
    encoding: str = UTF16,
    links: Mapping[str, str] | None = None,
    open_uris: Mapping[str, str] | None = None,
) -> lsp.Diagnostic:
    """The diagnostic of one finding.  ``columns(path)`` gives the column map of a file
    (the buffer's for an open one); ``links`` maps a code to its documentation URL."""
    open_uris = open_uris or {}
    related = [
        lsp.DiagnosticRelatedInformation(
            location=lsp.Location(uri=uri_of(r.path, open_uris), range=finding_range(r, columns(r.path) or _ASCII, encoding)),
            message=r.message or "here",
        )
        for r in f.related
    ]
    href = (links or {}).get(f.code)
    tags = [lsp.DiagnosticTag.Unnecessary] if f.code in UNNECESSARY else None
    return lsp.Diagnostic(
        range=finding_range(f, columns(f.path) or _ASCII, encoding),
        message=f.message,
        severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
        code=f.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
        tags=tags,
    )

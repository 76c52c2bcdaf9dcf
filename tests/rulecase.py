"""Helpers for the rule specifications: lint texts with one rule, get the flagged text."""

from __future__ import annotations

from lintnews.api import lint_texts


def flagged(texts, code: str) -> list[str]:
    """The text each finding of rule ``code`` points at, in output order."""
    if isinstance(texts, str):
        texts = {"doc.txt": texts}
    findings = lint_texts(texts, select=[code])
    assert all(f.code == code for f in findings)
    out = []
    for f in findings:
        lines = texts[f.path].replace("\r\n", "\n").split("\n")
        if f.line == f.end_line:
            out.append(lines[f.line - 1][f.column - 1 : f.end_column - 1])
        else:
            out.append(lines[f.line - 1][f.column - 1 :])
    return out


def findings(texts, code: str):
    if isinstance(texts, str):
        texts = {"doc.txt": texts}
    return lint_texts(texts, select=[code])

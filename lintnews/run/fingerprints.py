"""Fingerprints that identify a finding without its line number.

A fingerprint hashes the rule code, the file path, the flagged text and the text of its
line (whitespace folded), so it survives lines moving above the finding; two identical
findings on identical lines are told apart by their order (the n-th occurrence).  Used
by the baseline and by SARIF's ``partialFingerprints``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from lintnews.core.finding import Finding


def _digest(*parts: str) -> str:
    import hashlib  # only for a baseline

    # surrogateescape: a file name that is not UTF-8 still hashes (to its own bytes).
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:20]


def fingerprints(findings: Iterable[Finding], line_of: Callable[[str, int], str]) -> list[str]:
    """One fingerprint per finding, in the same order (``line_of(path, line)`` gives a line)."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        line = line_of(f.path, f.line)
        span = line[f.column - 1 : f.end_column - 1] if f.end_line == f.line else line[f.column - 1 :]
        base = _digest(f.code, f.path.replace("\\", "/"), " ".join(span.split()), " ".join(line.split()))
        seen[base] += 1
        out.append(f"{base}:{seen[base]}")
    return out


class SourceLines:
    """Reads each file once, on demand, for reporters that show or hash source lines."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def __call__(self, path: str, line: int) -> str:
        if path not in self._lines:
            from lintnews.run.files import read_document

            doc = read_document(path)
            self._lines[path] = doc.text.split("\n") if hasattr(doc, "text") else []
        lines = self._lines[path]
        return lines[line - 1] if 0 < line <= len(lines) else ""

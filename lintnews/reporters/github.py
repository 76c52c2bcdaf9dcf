"""GitHub Actions workflow commands: ``::warning file=...,line=...::message``.

GitHub turns them into annotations on the pull request.  Data (the message) escapes
``%``, ``\\r`` and ``\\n``; properties also escape ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lintnews.finding import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding], **_: object) -> str:
    out = []
    for f in findings:
        props = ",".join(
            f"{k}={escape_property(str(v))}"
            for k, v in (
                ("file", f.path),
                ("line", f.line),
                ("endLine", f.end_line),
                ("col", f.column),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        out.append(f"::{_LEVEL.get(f.severity, 'warning')} {props}::{escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")

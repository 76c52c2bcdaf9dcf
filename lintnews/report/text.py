"""``path:line:col: CODE message``, one finding a line, optionally with the source line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lintnews.core.finding import Finding
from lintnews.core.printable import one_line


def render(findings: Sequence[Finding], *, show_source: bool = False, source_line: Callable[[str, int], str] | None = None, **_: object) -> str:
    out = []
    for f in findings:
        # One finding, one line: a newline in a file name or a message must not forge another.
        line = f"{one_line(f.path)}:{f.line}:{f.column}: {f.code} {one_line(f.message)}"
        if f.suggestion is not None and f.suggestion != "":
            line += f" [suggestion: {f.suggestion!r}]"
        out.append(line)
        if show_source and source_line is not None:
            src = source_line(f.path, f.line)
            width = (f.end_column - f.column) if f.end_line == f.line else max(1, len(src) - f.column + 1)
            out.append(f"    {src}")
            out.append("    " + " " * (f.column - 1) + "^" * max(1, width))
    return "\n".join(out) + ("\n" if out else "")

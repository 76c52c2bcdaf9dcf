"""``path:line:col: CODE message``, one finding a line, optionally with the source line."""

from __future__ import annotations

from lintnews.core.printable import one_line
from lintnews.report.model import Renderer, Report


class Text(Renderer):
    format = "text"
    needs = frozenset({"show_source", "source_line"})

    def render(self, report: Report) -> str:
        show_source, source_line = report.show_source, report.source_line
        out = []
        for f in report.findings:
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

"""``path:line:col: CODE message``, one finding a line, optionally with the source line;
and the summary line of a run (counts per severity, how many are fixable)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from lintnews.core.finding import Finding
from lintnews.core.printable import one_line
from lintnews.report.model import Renderer, Report

#: ANSI colours of the text format (``--color``): the path bold, the code by severity.
BOLD, RESET = "\033[1m", "\033[0m"
SEVERITY_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


class Text(Renderer):
    format = "text"
    needs = frozenset({"show_source", "source_line", "color"})

    def render(self, report: Report) -> str:
        show_source, source_line, color = report.show_source, report.source_line, report.color
        out = []
        for f in report.findings:
            # One finding, one line: a newline in a file name or a message must not forge another.
            path, code = one_line(f.path), f.code
            if color:
                path = f"{BOLD}{path}{RESET}"
                code = f"{SEVERITY_COLOURS.get(f.severity, SEVERITY_COLOURS['warning'])}{BOLD}{code}{RESET}"
            line = f"{path}:{f.line}:{f.column}: {code} {one_line(f.message)}"
            if f.suggestion is not None and f.suggestion != "":
                line += f" [suggestion: {f.suggestion!r}]"
            out.append(line)
            if show_source and source_line is not None:
                src = source_line(f.path, f.line)
                width = (f.end_column - f.column) if f.end_line == f.line else max(1, len(src) - f.column + 1)
                out.append(f"    {src}")
                out.append("    " + " " * (f.column - 1) + "^" * max(1, width))
        return "\n".join(out) + ("\n" if out else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def summary_line(files: int, findings: Sequence[Finding], seconds: float) -> str:
    """``lintnews: 5 files, 38 findings (2 errors, 30 warnings, 6 info; 4 fixable with --fix), 0.27 s``."""
    text = f"lintnews: {_plural(files, 'file')}, {_plural(len(findings), 'finding')}"
    if findings:
        by_severity = Counter(f.severity for f in findings)
        order = ["error", "warning", "info", *sorted(set(by_severity) - {"error", "warning", "info"})]
        parts = [_plural(by_severity[s], s) for s in order if by_severity[s]]
        fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
        text += f" ({', '.join(parts)}; {fixable} fixable with --fix)"
    return f"{text}, {seconds:.2f} s"

"""GitHub Actions workflow commands: ``::warning file=...,line=...::message``.

GitHub turns them into annotations on the pull request.  Data (the message) escapes
``%``, ``\\r`` and ``\\n``; properties also escape ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lintnews.core.finding import Finding
from lintnews.report.model import Renderer, Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Github(Renderer):
    format = "github"

    def render(self, report: Report) -> str:
        out = []
        for f in report.findings:
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


# GitHub shows at most this many annotations of one kind per step (and 50 per job); the
# rest are still in the log, and the job summary counts them all.
ANNOTATIONS_PER_KIND = 10


def step_summary(findings: Sequence[Finding], files: int) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: findings per rule, and what GitHub hides."""
    counts: dict[tuple[str, str], int] = {}
    levels: dict[str, int] = {}
    for f in findings:
        counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
        level = _LEVEL.get(f.severity, "warning")
        levels[level] = levels.get(level, 0) + 1
    lines = [f"### lintnews: {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''}", ""]
    if counts:
        lines += ["| rule | name | findings |", "|---|---|---:|"]
        lines += [f"| {code} | {name} | {n} |" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        hidden = sum(max(0, n - ANNOTATIONS_PER_KIND) for n in levels.values())
        if hidden:
            lines += [
                "",
                f"GitHub shows {ANNOTATIONS_PER_KIND} annotations of each kind per step (50 per job): "
                f"{hidden} finding{'s are' if hidden != 1 else ' is'} not annotated on the pull request. "
                "All of them are in the step's log.",
            ]
    return "\n".join(lines) + "\n\n"

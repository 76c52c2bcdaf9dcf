"""The command line: ``lintnews PATH...``.

Exit codes: 0 nothing found, 1 findings, 2 a usage, configuration or input error
(printed on stderr after the findings; never a traceback).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import click

from lintnews import __version__
from lintnews.api import configured_rules, lint_paths
from lintnews.config import ConfigError, find_config, load_config
from lintnews.data import DataError
from lintnews.engines import ENGINES, EngineError
from lintnews.progress import ProgressBar, summary
from lintnews.registry import FAMILIES, RuleError, all_rules
from lintnews.reporters import RENDERERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: tuple[str, ...]) -> list[str]:
    """``--select N,T1 --select P`` -> ["N", "T1", "P"]."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _fail(message: str) -> None:
    click.echo(f"lintnews: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--select", multiple=True, help="Rule codes or prefixes to use instead of the default set (comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, help="Rule codes or prefixes to add to the selection.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to leave out.")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True, help="Output format.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file (default: lintnews.toml or pyproject.toml found upward).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-source", is_flag=True, help="Text format: show the source line with a caret under the finding.")
@click.option("--list-rules", is_flag=True, help="List every rule with its code, whether it is on by default, and its name.")
@click.option("--explain", metavar="CODE", help="Explain a rule: what it finds, why, an example.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes for the per-document stage (default: every core; small inputs use one).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, help="Where documents are linted: this machine, or a Dask cluster (pip install 'lintnews[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask engine: the address of a running scheduler (default: a local cluster).")
@click.option("--progress/--no-progress", default=None, help="A progress bar and a summary line on stderr (default: when stderr is a terminal).")
@click.option("--summary", "show_summary", is_flag=True, help="Print the one-line summary (files, findings, seconds) on stderr even when it is not a terminal.")
@click.version_option(__version__, prog_name="lintnews")
def main(paths, select, extend_select, ignore, fmt, config_path, exit_zero, statistics, show_source, list_rules, explain, jobs, engine, scheduler, progress, show_summary):
    """Find machine-translation, spinning and scraping artifacts in news text.

    PATHS are files or folders (searched recursively for .txt and .md files); all of
    them are checked together, so names and spellings are compared across documents.
    """
    # A terminal that cannot show a character gets an escape, not a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    started = time.perf_counter()
    if progress is None:
        progress = sys.stderr.isatty()
    bar = ProgressBar(sys.stderr) if progress else None
    if jobs is None:
        from lintnews.engines.local import default_jobs

        jobs = default_jobs()
    try:
        config = load_config(config_path if config_path else find_config(Path.cwd()))
        if list_rules or explain:
            _describe(all_rules(config.rule_packs), list_rules, explain)
            return
        if not paths:
            _fail("no paths given (try 'lintnews --help')")
        rules = configured_rules(
            config,
            select=_codes(select) if select else None,
            extend_select=_codes(extend_select),
            ignore=_codes(ignore),
        )
        try:
            result = lint_paths(paths, config, rules, jobs=jobs, engine=engine, scheduler=scheduler, progress=bar)
        finally:
            if bar is not None:
                bar.close()
    except (ConfigError, DataError, RuleError, EngineError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:  # pragma: no cover - interactive
        click.echo("lintnews: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line for users, the traceback on request
        if os.environ.get("LINTNEWS_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set LINTNEWS_DEBUG=1 for the traceback, and please report it)")

    if statistics:
        counts = Counter((f.code, f.name) for f in result.findings)
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"{n:6d}  {code}  {name}")
    else:
        sources: dict[str, list[str]] = {}

        def source_line(path: str, line: int) -> str:
            if path not in sources:
                from lintnews.loading import read_document

                doc = read_document(path)
                sources[path] = [] if isinstance(doc, Exception) or not hasattr(doc, "text") else doc.text.split("\n")
            lines = sources[path]
            return lines[line - 1] if 0 < line <= len(lines) else ""

        out = RENDERERS[fmt](result.findings, errors=result.errors, show_source=show_source, source_line=source_line)
        sys.stdout.write(out)
    for error in result.errors:
        click.echo(f"lintnews: {error}", err=True)
    if progress or show_summary:
        click.echo(summary(result.files, len(result.findings), time.perf_counter() - started), err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    if result.findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _describe(rules, list_rules: bool, explain: str | None) -> None:
    if explain:
        matches = [r for r in rules if r.code == explain.upper()]
        if not matches:
            _fail(f"unknown rule code {explain!r}")
        r = matches[0]
        click.echo(f"{r.code} {r.name} ({r.severity}, {'on' if r.default else 'off'} by default, {r.scope} rule)\n")
        click.echo(r.describe())
        return
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.code.startswith(family)]
        if not members:
            continue
        click.echo(f"{family}  {title}")
        for r in members:
            click.echo(f"  {r.code}  {'on ' if r.default else 'off'}  {r.name}")
    others = [r for r in rules if r.code[0] not in FAMILIES]
    for r in others:
        click.echo(f"  {r.code}  {'on ' if r.default else 'off'}  {r.name}")

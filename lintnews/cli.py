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
from lintnews.api import configured_rules, fix_files, known_rules, lint_paths
from lintnews.run.atomic import write_atomically
from lintnews.run.baseline import BaselineError, new_findings, read_baseline, write_baseline
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.run.config import ConfigError, check_languagetool_server, find_config, load_config
from lintnews.core.data import DataError
from lintnews.run.fingerprints import SourceLines, fingerprints
from lintnews.run.executors import ENGINES, EngineError
from lintnews.run.executors.local import relax_garbage_collection
from lintnews.progress import ProgressBar, summary
from lintnews.core.rule import FAMILIES, RuleError
from lintnews.report import FORMATS, Report, needs, render
from lintnews.report.github import step_summary

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
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file (default: lintnews.toml or pyproject.toml found upward).")
@click.option("--corpus", "corpus", multiple=True, type=click.Path(path_type=str), help="More files or folders the corpus rules compare against, without reporting in them (also 'corpus' in the config).")
@click.option("--cache-dir", type=click.Path(path_type=str), help="Keep per-document results here between runs (also 'cache-dir' in the config).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache, even if configured.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-source", is_flag=True, help="Text format: show the source line with a caret under the finding.")
@click.option("--fix", "apply_fix", is_flag=True, help="Apply the safe fixes (punctuation, repeated words, boilerplate lines) in place; never names.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=str), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(path_type=str), help="Record the current findings in this baseline file (and report nothing).")
@click.option("--languagetool", "languagetool", metavar="local|URL|off", help="Grammar checks by LanguageTool (rule L101): 'local' starts one server for the run, a URL uses a running server; overrides the configuration.")
@click.option("--require-languagetool", is_flag=True, help="Exit 2 when the LanguageTool checks cannot run (instead of a notice).")
@click.option("--list-rules", is_flag=True, help="List every rule with its code, whether it is on by default, and its name.")
@click.option("--explain", metavar="CODE", help="Explain a rule: what it finds, why, an example.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes for the per-document stage (default: every core; small inputs use one).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, help="Where documents are linted: this machine, or a Dask cluster (pip install 'lintnews[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask engine: the address of a running scheduler (default: a local cluster).")
@click.option("--progress/--no-progress", default=None, help="A progress bar and a summary line on stderr (default: when stderr is a terminal).")
@click.option("--summary", "show_summary", is_flag=True, help="Print the one-line summary (files, findings, seconds) on stderr even when it is not a terminal.")
@click.version_option(__version__, prog_name="lintnews")
def main(
    paths,
    select,
    extend_select,
    ignore,
    fmt,
    output,
    config_path,
    corpus,
    cache_dir,
    no_cache,
    exit_zero,
    statistics,
    show_source,
    apply_fix,
    show_diff,
    baseline_path,
    write_baseline_path,
    languagetool,
    require_languagetool,
    list_rules,
    explain,
    jobs,
    engine,
    scheduler,
    progress,
    show_summary,
):
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
        from lintnews.run.executors.local import default_jobs

        jobs = default_jobs()
    try:
        config = load_config(config_path if config_path else find_config(Path.cwd()))
        if languagetool is not None:
            config.languagetool = check_languagetool_server(languagetool, "--languagetool")
        if list_rules or explain:
            _describe(known_rules(config), list_rules, explain)
            return
        if not paths:
            _fail("no paths given (try 'lintnews --help')")
        if apply_fix and show_diff:
            _fail("--fix and --diff exclude each other (--diff shows what --fix would do)")
        if output is not None:
            _check_writable(output)
        rules = configured_rules(
            config,
            select=_codes(select) if select else None,
            extend_select=_codes(extend_select),
            ignore=_codes(ignore),
        )
        relax_garbage_collection()
        cache = None
        directory = cache_dir or config.cache_dir
        if directory and not no_cache:
            cache = DocumentCache(directory, rules_fingerprint(rules, config.rule_settings(), config.rule_packs))
        baseline = read_baseline(baseline_path) if baseline_path else None
        # Only a format that shows every document's score (JSON) has them computed; rule
        # D101, when selected, computes the score itself (once per document) for any format.
        engine_options = {"jobs": jobs, "engine": engine, "scheduler": scheduler}
        try:
            result = lint_paths(
                paths,
                config,
                rules,
                corpus=corpus,
                cache=cache,
                keep_texts="texts" in needs(fmt) and not statistics,
                scores="documents" in needs(fmt) and not statistics,
                progress=bar,
                **engine_options,
            )
        finally:
            if bar is not None:
                bar.close()
        if apply_fix or show_diff:
            fixed = fix_files(result, rules, config)
            if show_diff:
                sys.stdout.write("".join(f.diff() for f in fixed))
                _report_errors(result.errors)
                sys.exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if fixed else EXIT_CLEAN)
            for f in fixed:
                _write_fix(f)
            if fixed:
                n = sum(f.applied for f in fixed)
                click.echo(f"lintnews: fixed {n} problem{'s' if n != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}", err=True)
                result = lint_paths(paths, config, rules, corpus=corpus, cache=cache, **engine_options)
    except (ConfigError, DataError, RuleError, BaselineError, EngineError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{getattr(exc, 'filename', None) or ''}: {exc.strerror or exc}".lstrip(": "))
    except KeyboardInterrupt:  # pragma: no cover - interactive
        click.echo("lintnews: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line for users, the traceback on request
        if os.environ.get("LINTNEWS_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set LINTNEWS_DEBUG=1 for the traceback, and please report it)")

    source_line = SourceLines()
    findings = result.findings
    if baseline is not None or write_baseline_path:
        prints = fingerprints(findings, source_line)
        if write_baseline_path:
            try:
                write_baseline(write_baseline_path, prints)
            except OSError as exc:
                _fail(f"{write_baseline_path}: cannot write baseline: {exc.strerror or exc}")
            click.echo(f"lintnews: recorded {len(prints)} finding{'s' if len(prints) != 1 else ''} in {write_baseline_path}", err=True)
            _report_errors(result.errors)
            sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
        findings = new_findings(findings, prints, baseline)

    if statistics:
        counts = Counter((f.code, f.name) for f in findings)
        out = "".join(f"{n:6d}  {code}  {name}\n" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    else:
        out = render(fmt, Report(
            findings,
            errors=result.errors,
            rules=rules,
            show_source=show_source,
            source_line=source_line,
            texts=result.texts,
            word_counts=result.word_counts,
            documents=result.documents,
        ))
    if output is None:
        sys.stdout.write(out)
    else:
        try:
            write_atomically(output, out)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
    if fmt == "github" and not statistics and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_summary(os.environ["GITHUB_STEP_SUMMARY"], step_summary(findings, result.files))
    for notice in result.notices:
        click.echo(f"lintnews: {notice}", err=True)
    _report_errors(result.errors)
    if progress or show_summary:
        click.echo(summary(result.files, len(findings), time.perf_counter() - started), err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    if require_languagetool and (result.languagetool_skipped or not any(r.code == "L101" for r in rules)):
        if not result.languagetool_skipped:
            click.echo("lintnews: error: --require-languagetool, but L101 (LanguageTool) is not selected", err=True)
        sys.exit(EXIT_ERROR)
    if findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _write_fix(fixed) -> None:
    """Write one fixed file, refusing a read-only one (even as root: the mode says "keep")."""
    try:
        mode = os.stat(fixed.path).st_mode
        if not mode & 0o222 or not os.access(fixed.path, os.W_OK):
            _fail(f"{fixed.path}: read-only, not fixed (nothing was changed in it)")
        write_atomically(fixed.path, fixed.after, fixed.encoding)
    except OSError as exc:
        _fail(f"{fixed.path}: cannot write the fixes: {exc.strerror or exc} (the file is unchanged)")


def _report_errors(errors) -> None:
    for error in errors:
        click.echo(f"lintnews: {error}", err=True)


def _append_summary(path: str, markdown: str) -> None:
    """GitHub's job summary: a file the runner names, which steps append to."""
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        click.echo(f"lintnews: cannot write the job summary {path}: {exc.strerror or exc}", err=True)


def _check_writable(output: Path) -> None:
    """Fail before linting when the report could not be written."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        _fail(f"cannot write {output}: it is a directory")
    if not folder.is_dir():
        _fail(f"cannot write {output}: no such directory {folder}")
    if not os.access(folder, os.W_OK):
        _fail(f"cannot write {output}: permission denied")


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

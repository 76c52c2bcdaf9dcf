"""The command line: ``lintnews PATH...``.

Exit codes: 0 nothing found, 1 findings, 2 a usage, configuration or input error
(printed on stderr after the findings; never a traceback).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from lintnews.core.version import __version__
from lintnews.api import configured_rules, fix_files, fix_text, known_rules
from lintnews.core.data import DataError
from lintnews.core.printable import one_line
from lintnews.core.side_files import append_side_file
from lintnews.core.options import Option
from lintnews.core.rule import FAMILIES, RuleError
from lintnews.rules.ruleset import RuleSet
from lintnews.progress import ProgressBar
from lintnews.report import FORMATS, Report, needs, render
from lintnews.report.github import step_summary
from lintnews.report.text import summary_line
from lintnews.run.baseline import BaselineError, read_baseline, write_baseline
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.run.git import repository_of
from lintnews.run.config import Config, ConfigError, find_config, load_config
from lintnews.run.config import show as show_config
from lintnews.run.files import kind_of
from lintnews.run.fixing import FileFix
from lintnews.run.options import builtin_rule_classes, every_option, severity_rank
from lintnews.run.executors import ENGINES, EngineError
from lintnews.run.executors.local import default_jobs, relax_garbage_collection
from lintnews.run.fingerprints import SourceLines, fingerprints
from lintnews.run.run import Result, Run, RunOptions, drop_baselined
from lintnews.run.safe_write import FixFailed, ReportNotWritten, check_report_target, write_fixes, write_report

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


# -- the flags that set options: made from their declarations (lintnews.run.options) -------
FLAGS: dict[str, Option] = {name: o for name, o in every_option(builtin_rule_classes()) if o.flag is not None}


def _dest(option: Option) -> str:
    return (option.flag or "").lstrip("-").replace("-", "_")


def table_flag(name: str):
    """The click option of the flag that sets option ``name``, from its declaration."""
    option = FLAGS[name]
    if option.kind.type is bool:  # "--no-respect-gitignore": a switch that sets false
        help_text = f"{option.help.rstrip('.')} (sets '{name}' of the configuration to false)."
        return click.option(option.flag, _dest(option), is_flag=True, flag_value=False, default=None, help=help_text)
    combined = "added to" if option.command_line == "extend" else "replaces"
    owner = f"{name.split('.')[1]}: " if name.startswith("rules.") else ""
    commas = "; comma-separated, repeatable" if option.kind.from_flag is not list and option.kind.multiple else ""
    repeat = "; repeatable" if option.kind.from_flag is list else ""
    help_text = f"{owner}{option.help.rstrip('.')}{commas}{repeat} ({combined} '{name}' of the configuration)."
    return click.option(option.flag, _dest(option), multiple=option.kind.multiple, metavar=option.metavar, help=help_text)


def _codes(values: tuple[str, ...]) -> list[str]:
    """``--select N,T1 --select P`` -> ["N", "T1", "P"]."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _fail(message: str) -> None:
    if message:  # none for a closed pipe
        click.echo(f"lintnews: error: {one_line(message)}", err=True)
    sys.exit(EXIT_ERROR)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
# ``readable=False``: a path that cannot be read is the run's to report (one line, the
# other files linted), not the parser's to refuse before anything is linted.
@click.argument("paths", nargs=-1, type=click.Path(path_type=str, readable=False))
@table_flag("select")
@table_flag("extend-select")
@table_flag("ignore")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file (default: the closest lintnews.toml, or pyproject.toml with [tool.lintnews], in the common folder of PATHS or above it).")
@table_flag("exclude")
@table_flag("extend-exclude")
@table_flag("respect-gitignore")
@table_flag("fail-on")
@table_flag("corpus")
@table_flag("cache-dir")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache, even if configured.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-source", is_flag=True, help="Text format: show the source line with a caret under the finding.")
@click.option("--fix", "apply_fix", is_flag=True, help="Apply the safe fixes (punctuation, repeated words, boilerplate lines) in place; never names.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=str), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(path_type=str), help="Record the current findings in this baseline file (and report nothing).")
@table_flag("rules.L101.server")
@click.option("--require-languagetool", is_flag=True, help="Exit 2 when the LanguageTool checks cannot run (instead of a notice).")
@click.option("--show-config", is_flag=True, help="Print the configuration file used and every option's value with where it came from (default, file, command line), then exit.")
@click.option("--list-rules", is_flag=True, help="List every rule with its code, whether it is on by default, and its name.")
@click.option("--explain", metavar="CODE|NAME", help="Explain a rule (by code or name): what it finds, why, an example.")
@click.option("--stdin-filename", metavar="PATH", help="The path to report (and match per-file-ignores against) for the text read from standard input with '-'.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings (and errors) only: no notices, warnings, summary or 'fixed' line.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="Colour the text format: auto = on a terminal unless NO_COLOR is set.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes for the per-document stage (default: every core; small inputs use one).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, help="Where documents are linted: this machine, or a Dask cluster (pip install 'lintnews[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask engine: the address of a running scheduler (default: a local cluster).")
@click.option("--progress/--no-progress", default=None, help="A progress bar and a summary line on stderr (default: when stderr is a terminal).")
@click.option("--summary", "show_summary", is_flag=True, help="Print the one-line summary (files, findings, seconds) on stderr even when it is not a terminal.")
@click.version_option(__version__, prog_name="lintnews")
def main(**arguments) -> None:
    """Find machine-translation, spinning and scraping artifacts in news text.

    PATHS are files or folders (searched recursively for .txt and .md files); all of
    them are checked together, so names and spellings are compared across documents.
    """
    # A terminal that cannot show a character gets an escape, not a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    flags = {name: arguments.pop(_dest(option)) for name, option in FLAGS.items()}
    args = Arguments(**arguments, flags=flags)
    try:
        code = _main(args, time.perf_counter())
    except (ConfigError, DataError, RuleError, BaselineError, EngineError, FixFailed, ReportNotWritten) as exc:
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
    sys.exit(code)


@dataclass(frozen=True)
class Arguments:
    """The command line, as click parsed it."""

    paths: tuple[str, ...]
    fmt: str
    output: Path | None
    config_path: Path | None
    no_cache: bool
    exit_zero: bool
    statistics: bool
    show_source: bool
    apply_fix: bool
    show_diff: bool
    baseline_path: str | None
    write_baseline_path: str | None
    require_languagetool: bool
    show_config: bool
    list_rules: bool
    explain: str | None
    jobs: int | None
    engine: str
    scheduler: str | None
    progress: bool | None
    show_summary: bool
    stdin_filename: str | None
    quiet: bool
    color: str
    flags: Mapping[str, Any]  # the flags that set options, by option name (lintnews.run.options)


def _main(args: Arguments, started: float) -> int:
    """The stages of the command: configuration, rules, run (and fixes), report, exit code."""
    start = config_start(tuple(args.stdin_filename if p == "-" and args.stdin_filename else p for p in args.paths))
    config = load_config(args.config_path if args.config_path else find_config(start)).with_command_line(args.flags)
    if args.show_config:
        searched = start if args.paths and not args.config_path else None
        click.echo(show_config(config, known_rules(config), searched), nl=False)
        return EXIT_CLEAN
    if args.list_rules or args.explain:
        _describe(known_rules(config), args.list_rules, args.explain)
        return EXIT_CLEAN
    _check_arguments(args)
    rules = configured_rules(config)
    if not args.quiet:
        _warn_unused(config, rules)
    relax_garbage_collection()
    terminal = sys.stderr is not None and sys.stderr.isatty()
    show_progress = (terminal and not args.quiet) if args.progress is None else args.progress
    if "-" in args.paths:
        return _lint_stdin(args, config, rules, started)
    result = _lint(args, config, rules, show_progress)
    if args.write_baseline_path:
        return _write_baseline(args.write_baseline_path, result)
    _report(args, result, rules)
    if (show_progress or args.show_summary) and not args.quiet:
        click.echo(summary_line(result.files, result.findings, time.perf_counter() - started), err=True)
    return _exit_code(args, result, rules, config)


def config_start(paths: tuple[str, ...]) -> Path:
    """Where the search for a configuration starts, as ruff's: the common folder of the
    paths given (a file's folder, a folder itself), so ``cd /; lintnews newsroom/x.txt``
    finds ``newsroom/lintnews.toml``; the current folder without paths (or for ``-``)."""
    folders = []
    for raw in paths:
        if raw == "-":
            continue
        path = Path(os.path.abspath(raw))
        # os.path.isdir, not Path.is_dir: a folder on the way that cannot be entered raises
        # in the latter, and is the run's to report, not a reason to stop here.
        folders.append(str(path if os.path.isdir(path) else path.parent))
    if not folders:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # paths on two drives (Windows)
        return Path.cwd()


def _warn_unused(config: Config, rules: RuleSet) -> None:
    """Settings that no selected rule reads are said, not dropped without a word."""
    if config.reject and config.origin("reject") != "default" and not any(r.code == "S102" for r in rules):
        click.echo(f"lintnews: warning: 'reject' is set ({config.origin('reject')}) but S102 (which reports rejected spellings) is not selected; add it with --extend-select S102", err=True)


def _check_arguments(args: Arguments) -> None:
    if not args.paths:
        _fail("no paths given (try 'lintnews --help')")
    select = args.flags.get("select") or ()
    if select and not _codes(select):
        # "--select ''" (an unset variable in a script) would run no rule and report a clean run.
        given = " ".join(f"--select {v!r}" for v in select)
        _fail(f"{given} names no rule code or prefix; a run without rules would check nothing (leave --select out for the default rules)")
    if "-" in args.paths and len(args.paths) > 1:
        _fail("'-' (standard input) cannot be given with other paths")
    if "-" in args.paths and (args.write_baseline_path or args.baseline_path):
        _fail("a baseline holds the findings of files, by their lines; it cannot take '-' (standard input)")
    if args.stdin_filename and "-" not in args.paths:
        _fail("--stdin-filename names the text read with '-'; give '-' as the path")
    if args.apply_fix and args.show_diff:
        _fail("--fix and --diff exclude each other (--diff shows what --fix would do)")
    if args.output is not None:
        check_report_target(args.output)
    # Formats a table of counts or a diff cannot take are refused, not ignored.
    for flag, given in (("--statistics", args.statistics), ("--diff", args.show_diff)):
        if given and args.fmt not in ("text", "json"):
            _fail(f"{flag} prints text or JSON; --format {args.fmt} is not for it (use --format text or --format json)")


def _lint(args: Arguments, config: Config, rules: RuleSet, show_progress: bool) -> Result:
    """The run, and with --fix or --diff the fixes and the run after them."""
    cache = None
    directory = config.cache_dir
    # Some files, no corpus, in a git work tree (pre-commit): the tracked articles are the
    # corpus, and the index lives in the git folder unless cache-dir says otherwise.
    repository = None if config.corpus else repository_of(args.paths)
    if repository is not None and directory is None:
        directory = os.path.join(repository.git_dir, "lintnews")
    if directory and not args.no_cache:
        cache = DocumentCache(directory, rules_fingerprint(rules, config.rule_packs))
    baseline = read_baseline(args.baseline_path) if args.baseline_path and not args.write_baseline_path else None
    jobs = args.jobs if args.jobs is not None else default_jobs()
    fixing = args.apply_fix or args.show_diff
    bar = ProgressBar(sys.stderr) if show_progress else None
    # Texts and scores are kept only for a format that shows them; rule D101, when
    # selected, computes the score itself (once per document) for any format.
    options = RunOptions(
        cache=cache,
        keep_texts="texts" in needs(args.fmt) and not args.statistics,
        scores="documents" in needs(args.fmt) and not args.statistics,
        jobs=jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        progress=bar,
        baseline=None if fixing else baseline,
        repository=repository,
    )
    try:
        result = Run(config, rules, options).execute(args.paths)
    finally:
        if bar is not None:
            bar.close()
    if not fixing:
        return result
    fixed = fix_files(result, rules, config)
    if args.show_diff:
        write_report(args.output, _diff(fixed, args.fmt))
        _report_errors(result.errors)
        sys.exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if fixed else EXIT_CLEAN)
    fixed, not_fixed = write_fixes(fixed)
    if fixed:
        n = sum(f.applied for f in fixed)
        if not args.quiet:
            click.echo(f"lintnews: fixed {n} problem{'s' if n != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}", err=True)
        result = Run(config, rules, replace(options, progress=None, baseline=baseline)).execute(args.paths)
    elif baseline is not None:
        result.findings = drop_baselined(result.findings, baseline)
    result.errors.extend(not_fixed)  # files left alone (changed since read, hard links, ...)
    return result


def _write_baseline(path: str, result: Result) -> int:
    prints = fingerprints(result.findings, SourceLines())
    try:
        write_baseline(path, prints)
    except OSError as exc:
        _fail(f"{path}: cannot write baseline: {exc.strerror or exc}")
    click.echo(f"lintnews: recorded {len(prints)} finding{'s' if len(prints) != 1 else ''} in {one_line(path)}", err=True)
    _report_errors(result.errors)
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _report(args: Arguments, result: Result, rules: RuleSet) -> None:
    """The report on stdout or in --output, the job summary, notices and input errors."""
    findings = result.findings
    if args.statistics:
        out = _statistics(findings, args.fmt)
    else:
        report = Report(
            findings,
            errors=result.errors,
            documents=result.documents,
            texts=result.texts,
            word_counts=result.word_counts,
            rules=rules,
            show_source=args.show_source,
            source_line=SourceLines(),
            color=args.fmt == "text" and args.output is None and _use_color(args.color),
        )
        out = render(args.fmt, report)
    try:
        write_report(args.output, out)
    except ReportNotWritten as exc:
        _fail(str(exc))
    if args.fmt == "github" and not args.statistics and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_summary(os.environ["GITHUB_STEP_SUMMARY"], step_summary(findings, result.files))
    if not args.quiet:
        for notice in result.notices:
            click.echo(f"lintnews: {notice}", err=True)
    _report_errors(result.errors)


def _statistics(findings, fmt: str) -> str:
    """``--statistics``: the findings per rule, most first, as text or JSON (as ruff's)."""
    counts = Counter((f.code, f.name) for f in findings)
    fixable = Counter((f.code, f.name) for f in findings if f.fix is not None and f.fix.safe)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        table = [{"code": code, "name": name, "count": n, "fixable": fixable[(code, name)]} for (code, name), n in rows]
        return json.dumps(table, indent=2, ensure_ascii=False) + "\n"
    return "".join(f"{n:6d}  {code}  {name}\n" for (code, name), n in rows)


def _diff(fixed, fmt: str) -> str:
    """``--diff``: the safe fixes as one unified diff, or in JSON one entry a file."""
    if fmt == "json":
        table = [{"path": f.path, "fixes": f.applied, "diff": f.diff()} for f in fixed]
        return json.dumps(table, indent=2, ensure_ascii=False) + "\n"
    return "".join(f.diff() for f in fixed)


def _use_color(choice: str) -> bool:
    """``--color``: always, never, or (auto) on a terminal unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    terminal = sys.stdout is not None and sys.stdout.isatty()  # None: closed at start-up
    return terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _lint_stdin(args: Arguments, config: Config, rules: RuleSet, started: float) -> int:
    """``lintnews -`` (an editor's buffer): the text of standard input, reported under
    ``--stdin-filename`` (default ``-``); with ``--fix`` the fixed text on stdout, as ruff."""
    name = args.stdin_filename or "-"
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(f"{name}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
    kind = kind_of(name) if name != "-" else "text"
    if args.apply_fix or args.show_diff:
        fixed, applied = fix_text(name, text, rules, config, kind=kind)
        if args.apply_fix:
            sys.stdout.write(fixed)
            return EXIT_CLEAN
        write_report(args.output, _diff([FileFix(name, text, fixed, applied)] if fixed != text else [], args.fmt))
        return EXIT_FINDINGS if fixed != text else EXIT_CLEAN
    keep = "texts" in needs(args.fmt) and not args.statistics
    findings = Run(config, rules, RunOptions(scores=False, jobs=1, keep_texts=keep)).execute_texts([(name, text)])
    normalised = text.replace("\r\n", "\n")
    result = Result(findings, files=1, words=0, texts={name: normalised} if keep else {}, word_counts={name: len(normalised.split())})
    _report(args, result, rules)
    if args.show_summary and not args.quiet:
        click.echo(summary_line(1, findings, time.perf_counter() - started), err=True)
    return _exit_code(args, result, rules, config)


def _exit_code(args: Arguments, result: Result, rules: RuleSet, config: Config) -> int:
    if result.errors:
        return EXIT_ERROR
    if args.require_languagetool and (result.languagetool_skipped or not any(r.code == "L101" for r in rules)):
        if not result.languagetool_skipped:
            click.echo("lintnews: error: --require-languagetool, but L101 (LanguageTool) is not selected", err=True)
        return EXIT_ERROR
    threshold = severity_rank(config.fail_on)
    if not args.exit_zero and any(severity_rank(f.severity) >= threshold for f in result.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _report_errors(errors) -> None:
    for error in errors:
        click.echo(f"lintnews: {error}", err=True)


def _append_summary(path: str, markdown: str) -> None:
    """GitHub's job summary: a file the runner names, which steps append to."""
    try:
        append_side_file(path, markdown)  # a regular file only: a FIFO would wait for a reader
    except OSError as exc:
        click.echo(f"lintnews: cannot write the job summary {one_line(path)}: {exc.strerror or exc}", err=True)


def _describe(rules: RuleSet, list_rules: bool, explain: str | None) -> None:
    if explain:
        wanted = explain.strip()
        matches = [r for r in rules if r.code == wanted.upper() or r.name == wanted.lower()]
        if not matches:
            _fail(f"unknown rule code or name {explain!r} (lintnews --list-rules lists them)")
        r = matches[0]
        click.echo(f"{r.code} {r.name} ({r.severity}, {'on' if rules.is_default(r) else 'off'} by default, {r.scope} rule)\n")
        click.echo(r.describe())
        return
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.code.startswith(family)]
        if not members:
            continue
        click.echo(f"{family}  {title}")
        for r in members:
            click.echo(f"  {r.code}  {'on ' if rules.is_default(r) else 'off'}  {r.name}")
    others = [r for r in rules if r.code[0] not in FAMILIES]
    for r in others:
        click.echo(f"  {r.code}  {'on ' if rules.is_default(r) else 'off'}  {r.name}")

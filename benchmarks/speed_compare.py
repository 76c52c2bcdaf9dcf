#!/usr/bin/env python3
"""CPU time of this checkout against an older one, side by side on the same corpus.

Issue 14 asks that a refactoring cost no speed: this runs two lintnews installations
(each its own virtualenv: ``--base`` is the old checkout, ``--new`` this one by default)
on the same generated corpus, alternately, ``--rounds`` times each, and prints the CPU
seconds (user + system of the lintnews process and its children, from the kernel's
accounting of the waited-for process: exact, and much less disturbed by a busy machine
than wall time), the ratio new/old of the medians, and the peak resident memory::

    python benchmarks/speed_compare.py --base ../base --sizes 1000,10000

Both run with the same rules: the rules the *old* version lists (``lintnews
--list-rules``), less L101 (LanguageTool, an outside service), passed to both as
``--select``, so rules added since are off on both.  The runs are ``--jobs 1 --no-cache
--format json --exit-zero --no-progress``.  Outputs may differ (the rules were improved
since); the table gives each version's number of findings and a digest of its output, so
a speed change that also changed the output shows up (the new version's digest must be
the same in every round, and the same before and after a speed-only change).

The corpus is ``benchmarks/speed.py``'s generator (articles of about 5 KB of news
paragraphs, recurring and sometimes misspelled names, fixed seed) written under
``--work`` (default: a temporary folder, removed afterwards).

With ``--peers`` it also runs the new version with its *default* rules and default jobs
and ``codespell`` on the same folder (issue 18's cold-run comparison), and prints CPU ms
per article and peak memory (proportional set size of the process tree, sampled).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import make_corpus, measure  # noqa: E402  (benchmarks/speed.py)

REPO = HERE.parent
OUTSIDE = {"L101"}  # LanguageTool: an outside service, not part of a speed comparison


def lintnews_of(checkout: Path) -> Path:
    command = checkout / ".venv" / "bin" / "lintnews"
    if not command.exists():
        sys.exit(f"{command}: not found (create the checkout's venv: python3 -m venv .venv && .venv/bin/pip install -e .)")
    return command


def listed_rules(command: Path) -> list[str]:
    """The rule codes ``lintnews --list-rules`` prints (on or off), less :data:`OUTSIDE`."""
    out = subprocess.run([str(command), "--list-rules"], capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    codes = []
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] in ("on", "off") and parts[0] not in OUTSIDE:
            codes.append(parts[0])
    return codes


def run_once(command: list[str]) -> dict:
    """One run: CPU seconds and peak RSS (``wait4``: the process and the children it waited
    for), the output's digest and number of findings."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
        stderr = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        data = out.read()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} ... exited {proc.returncode}: {stderr.strip()[-500:]}")
    try:
        parsed = json.loads(data)
        findings = len(parsed["findings"] if isinstance(parsed, dict) else parsed)
    except (ValueError, KeyError, TypeError):
        findings = -1
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": wall,
        "rss": usage.ru_maxrss / 1024,  # MB (Linux reports KB)
        "digest": hashlib.sha256(data).hexdigest()[:12],
        "findings": findings,
    }


def compare(folder: Path, count: int, versions: dict[str, Path], select: list[str], rounds: int) -> list[str]:
    runs: dict[str, list[dict]] = {name: [] for name in versions}
    for k in range(rounds):
        order = list(versions) if k % 2 == 0 else list(reversed(versions))  # alternate who goes first
        for name in order:
            command = [str(versions[name]), "--select", ",".join(select), "--jobs", "1", "--no-cache",
                       "--format", "json", "--exit-zero", "--no-progress", str(folder)]
            runs[name].append(run_once(command))
            r = runs[name][-1]
            print(f"  {count:,} round {k + 1} {name}: {r['cpu']:.2f} CPU s, {r['wall']:.2f} wall s, "
                  f"{r['rss']:.0f} MB, {r['findings']} findings, {r['digest']}", file=sys.stderr, flush=True)
    medians = {name: statistics.median(r["cpu"] for r in rs) for name, rs in runs.items()}
    base, new = list(versions)
    lines = []
    for name, rs in runs.items():
        digests = sorted({r["digest"] for r in rs})
        cpus = " ".join(f"{r['cpu']:.2f}" for r in rs)
        ratio = f"{medians[name] / medians[base]:.3f}" if name != base else "1"
        lines.append(f"| {count:,} | {name} | {medians[name]:.2f} | {min(r['cpu'] for r in rs):.2f} | {cpus} | "
                     f"{ratio} | {max(r['rss'] for r in rs):.0f} | {rs[0]['findings']} | {', '.join(digests)} |")
    return lines


def peers(folder: Path, count: int, new: Path) -> list[str]:
    rows = [("lintnews, default rules and jobs", [str(new), "--exit-zero", "--no-progress", "--no-cache", str(folder)])]
    codespell = shutil.which("codespell") or str(Path(sys.executable).parent / "codespell")
    if Path(codespell).exists() or shutil.which("codespell"):
        rows.append(("codespell", [codespell, str(folder)]))
    lines = []
    results = {}
    for name, command in rows:
        r = measure(command)
        results[name] = r
        lines.append(f"| {count:,} | {name} | {r['cpu']:.2f} | {r['cpu'] * 1000 / count:.2f} | {r['wall']:.2f} | {r['peak'] / 2**20:.0f} |")
    if "codespell" in results:
        ours = results[rows[0][0]]["cpu"]
        lines.append(f"| {count:,} | CPU ratio codespell/lintnews | {results['codespell']['cpu'] / ours:.2f} | | | |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the old checkout (with its own .venv)")
    parser.add_argument("--new", type=Path, default=REPO, help="the new checkout (default: this one)")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes in articles (comma-separated)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each version per size (alternating)")
    parser.add_argument("--select", help="rule codes for both (default: the old version's --list-rules less L101)")
    parser.add_argument("--variant-rate", type=float, default=0.05, help="share of name mentions misspelled")
    parser.add_argument("--work", type=Path, help="where to write the corpora (default: a temporary folder, removed)")
    parser.add_argument("--peers", action="store_true", help="also the default rules and jobs against codespell")
    parser.add_argument("--no-compare", action="store_true", help="only --peers")
    args = parser.parse_args()

    versions = {"base": lintnews_of(args.base.resolve()), "new": lintnews_of(args.new.resolve())}
    select = args.select.split(",") if args.select else listed_rules(versions["base"])
    work = args.work or Path(tempfile.mkdtemp(prefix="lintnews-compare-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"base {args.base.resolve()}, new {args.new.resolve()}")
    print(f"rules on both: {','.join(select)}")
    try:
        table = ["| articles | version | CPU s (median) | CPU s (best) | CPU s (each round) | new/base | peak RSS MB | findings | output digest |",
                 "|---:|---|---:|---:|---|---:|---:|---:|---|"]
        peer_table = ["| articles | run | CPU s | CPU ms/article | wall s | peak MB (PSS) |", "|---:|---|---:|---:|---:|---:|"]
        for count in [int(s) for s in args.sizes.split(",") if s]:
            folder = work / f"zipf-{count}"
            if len(list(folder.glob("*.txt"))) != count:
                shutil.rmtree(folder, ignore_errors=True)
                make_corpus(folder, count, args.variant_rate)
            if not args.no_compare:
                table += compare(folder, count, versions, select, args.rounds)
            if args.peers:
                peer_table += peers(folder, count, versions["new"])
        if not args.no_compare:
            print("\n".join(table))
        if args.peers:
            print("\n" + "\n".join(peer_table))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

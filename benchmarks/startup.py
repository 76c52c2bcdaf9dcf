"""Start-up of ``lintnews one-file.txt``: the wall time of the whole command on one short
file (the interpreter, the imports, the rules' data, the run, the report), and where the
import time goes (``python -X importtime``).

    nice -n 10 .venv/bin/python benchmarks/startup.py [--runs 7] [--top 15] [--instructions]

Bytecode is compiled first (``compileall``), as an installed package has it.  Prints the
median and the minimum of ``--runs`` runs (the minimum is the least disturbed by other
load on the machine), the CPU time of the runs (which other load changes much less) and
the load average and the imports that cost the most, cumulatively.  The target of
issue 19 is a median under 0.3 s.  ``--instructions`` also counts the instructions of one
run under valgrind (callgrind, ``PYTHONHASHSEED=0``): what load on the machine does not
change.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lintnews

TEXT = "The minister spoke to reporters on Monday.\nShe said the talks would continue next week.\n"


def lintnews_command() -> list[str]:
    executable = Path(sys.executable).with_name("lintnews")
    return [str(executable)] if executable.exists() else [sys.executable, "-m", "lintnews"]


def timed_runs(command: list[str], folder: str, runs: int) -> tuple[list[float], list[float]]:
    """The wall times and the CPU times (user + system, of the process and its children)
    of ``runs`` runs.  On a machine shared with other work the wall time grows with the
    load; the CPU time much less."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


def import_profile(folder: str, top: int) -> list[tuple[int, str]]:
    """The ``top`` imports by cumulative microseconds, from ``-X importtime``."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "lintnews", "one.txt"], cwd=folder, capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line[len("import time:"):].split("|", 2)
        rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def instructions(command: list[str], folder: str) -> int | None:
    """The instructions of one run (valgrind's callgrind), or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.devnull}", *command],
        cwd=folder, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--instructions", action="store_true", help="also count the instructions of one run (valgrind)")
    args = parser.parse_args()
    compileall.compile_dir(os.path.dirname(lintnews.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "one.txt").write_text(TEXT, encoding="utf-8")
        command = [*lintnews_command(), "one.txt"]
        timed_runs(command, folder, 1)  # warm the disk cache
        times, cpus = timed_runs(command, folder, args.runs)
        print(f"lintnews one.txt: median {statistics.median(times):.3f} s, min {min(times):.3f} s over {args.runs} runs (target: median < 0.3 s)")
        print(f"  CPU time (user + system): median {statistics.median(cpus):.3f} s, min {min(cpus):.3f} s; load average {os.getloadavg()[0]:.2f}")
        if args.instructions:
            count = instructions(command, folder)
            print(f"  instructions of one run (callgrind): {count:,}" if count else "  instructions: valgrind not found")
        print(f"top {args.top} imports by cumulative time (python -X importtime):")
        for micros, name in import_profile(folder, args.top):
            print(f"  {micros / 1e6:7.3f} s  {name}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How the HTML report copes with many findings: build time, file size, load time.

Writes a synthetic corpus with about ``--findings`` findings spread over ``--docs``
documents (each line carries a doubled full stop, P101), runs
``lintnews --format html -o`` on it, and opens the page in headless Chromium.
Reported: the findings count (from ``--format json``), lintnews's wall time for the
HTML report, the page's size, the time the page's own script reports as ready
(``performance.now()`` at the end of its start-up, so parsing included), and the wall
time of a whole ``chromium --dump-dom`` run (browser start-up included).

    python benchmarks/html_load.py --findings 100000 --docs 1000
    python benchmarks/html_load.py --findings 100000 --docs 1

A measurement, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("lintnews_chromium", HERE / "chromium.py")
chromium = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(chromium)

LINE = "The delegation said the talks on trade were a difficult issue. . Officials expect more meetings next week."


def write_corpus(folder: Path, findings: int, docs: int) -> None:
    per_doc = max(1, findings // docs)
    for i in range(docs):
        lines = [LINE] * per_doc
        (folder / f"{i:05d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--lintnews", default=shutil.which("lintnews") or str(Path(sys.executable).parent / "lintnews"))
    args = parser.parse_args()
    browser = chromium.find_chromium()
    if browser is None:
        print("html_load: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.findings, args.docs)
        page = Path(tmp) / "report.html"
        started = time.perf_counter()
        subprocess.run([args.lintnews, "--format", "html", "--exit-zero", "-o", str(page), str(corpus)], check=True)
        build = time.perf_counter() - started
        report = subprocess.run([args.lintnews, "--format", "json", "--exit-zero", str(corpus)], capture_output=True, text=True, encoding="utf-8", check=True)
        count = len(json.loads(report.stdout)["findings"])
        started = time.perf_counter()
        dom = chromium.dump_dom(browser, page, Path(tmp) / "chromium")
        wall = time.perf_counter() - started
        ready = re.search(r'data-ready-ms="(\d+)"', dom)
        highlighted = dom.count('class="hl ')
        size = page.stat().st_size
    print(f"documents: {args.docs}")
    print(f"findings: {count} (highlighted in the browser's DOM: {highlighted})")
    print(f"lintnews --format html: {build:.1f} s wall, page {size / 1e6:.1f} MB")
    print(f"page ready (its script's performance.now()): {int(ready.group(1)) / 1000:.2f} s" if ready else "page ready: not reported (script did not finish)")
    print(f"chromium --dump-dom, whole run: {wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

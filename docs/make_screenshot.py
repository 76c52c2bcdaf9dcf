#!/usr/bin/env python3
"""Make docs/report-seeds.png, the README's picture of the HTML report of ``seeds/``.

Run from the repository root with lintnews installed and Chromium present::

    python docs/make_screenshot.py

It writes the report to a temporary folder, opens it in headless Chromium at the
first name-variant finding of the document with most findings per 1,000 words (so the
picture shows highlights and the message panel), and saves a 1400 x 1000 PNG.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("lintnews_chromium", ROOT / "benchmarks" / "chromium.py")
chromium = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(chromium)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-seeds.png")
    args = parser.parse_args()
    browser = chromium.find_chromium()
    if browser is None:
        print("make_screenshot: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    exe = shutil.which("lintnews") or str(Path(sys.executable).parent / "lintnews")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([exe, "--format", "html", "-o", str(page), "seeds/"], cwd=ROOT, check=False)
        report = subprocess.run([exe, "--format", "json", "seeds/"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        findings = json.loads(report.stdout)["findings"]
        per_doc = Counter(f["path"] for f in findings)
        worst = max(per_doc, key=lambda p: (per_doc[p], p))
        target = next(i for i, f in enumerate(findings) if f["path"] == worst and f["code"] == "N101")
        chromium.screenshot(browser, page, args.out, Path(tmp) / "chromium", fragment=f"f{target}")
    print(f"{args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

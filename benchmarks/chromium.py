"""Headless Chromium for the HTML report: the DOM after scripts ran, and screenshots.

Used by the browser test (tests/test_html_browser.py), the load-time benchmark
(benchmarks/html_load.py) and the README screenshot (docs/make_screenshot.py).  Debian
packages the browser as ``chromium`` (``apt-get install chromium``).  Every run gets a
fresh profile and HOME in a given folder and no network services.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The browser's executable, or None when none is installed."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, args: list[str], url: str, workdir: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    workdir.mkdir(parents=True, exist_ok=True)
    command = [
        browser,
        "--headless",
        "--no-sandbox",  # needed as root in containers; the page is our own file
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        f"--user-data-dir={workdir / 'profile'}",
        *args,
        url,
    ]
    env = {**os.environ, "HOME": str(workdir)}
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{browser} exited with {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def file_url(path: Path, fragment: str = "") -> str:
    return path.resolve().as_uri() + (f"#{fragment}" if fragment else "")


def dump_dom(browser: str, page: Path, workdir: Path, fragment: str = "", timeout: float = 300) -> str:
    """The serialised DOM of ``page`` after it loaded and its scripts ran.

    (Chromium serialises the DOM through script, so ``--dump-dom`` prints nothing when
    scripts are disabled; the page without JavaScript is tested on its markup.)
    """
    return _run(browser, ["--dump-dom"], file_url(page, fragment), workdir, timeout).stdout


def screenshot(browser: str, page: Path, png: Path, workdir: Path, width: int = 1400, height: int = 1000, fragment: str = "", timeout: float = 300) -> Path:
    """Save a PNG of the first ``width`` x ``height`` pixels of ``page``."""
    png.parent.mkdir(parents=True, exist_ok=True)
    _run(browser, [f"--screenshot={png}", f"--window-size={width},{height}", "--hide-scrollbars"], file_url(page, fragment), workdir, timeout)
    if not png.is_file():
        raise RuntimeError(f"{browser} wrote no screenshot to {png}")
    return png


def png_size(png: Path) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; raises ValueError if it is not a PNG."""
    data = png.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError(f"{png} is not a PNG file")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")

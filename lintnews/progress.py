"""A minimal progress bar and the run summary, both on stderr.

The bar is drawn only on a terminal (never into a pipe or a file, never on stdout, which
may carry JSON), redrawn at most ten times a second, and erased when the run ends.
"""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 30


class ProgressBar:
    """``bar(done, total)`` redraws ``[#####.....] 512/1000 files``; ``close()`` erases it."""

    def __init__(self, stream: TextIO, interval: float = 0.1) -> None:
        self.stream = stream
        self.interval = interval
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < self.interval:
            return
        self.last = now
        filled = _WIDTH * done // total if total else _WIDTH
        self.stream.write(f"\r[{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} files")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (_WIDTH + 40) + "\r")
            self.stream.flush()
            self.drawn = False


def summary(files: int, findings: int, seconds: float) -> str:
    """``lintnews: 5 files, 38 findings, 0.27 s``."""
    return (
        f"lintnews: {files} file{'s' if files != 1 else ''}, "
        f"{findings} finding{'s' if findings != 1 else ''}, {seconds:.2f} s"
    )

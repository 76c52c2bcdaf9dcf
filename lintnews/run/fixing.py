"""Safe fixes: apply them to a file's text, show them as a diff, write them atomically.

Only fixes a rule marks ``safe`` are applied: doubled punctuation (P101), a space before
punctuation (P102), a repeated word (G105) and whole boilerplate lines (W101).  A name is
never fixed.  Fixes are computed on the document's normalised text (``\\n`` line ends)
and applied to the file's raw text through an offset map, so CRLF and lone-CR line
endings, the BOM and every character outside the fixed spans are kept as they were.

Writing a fixed file back safely (unchanged since it was read, through links, keeping
its owner) is :mod:`lintnews.safe_write`'s job.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable
from dataclasses import dataclass

from lintnews.core.finding import Finding, Fix


@dataclass(frozen=True)
class FileState:
    """What ``stat`` said of a file just before it was read: a later change shows in one of these."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileState:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def file_state(path: str) -> FileState | None:
    """The state of ``path`` (following links) now, or None if it cannot be had.

    Take it *before* reading the file: a change between the two then shows as a
    different state, never as a state that matches newer bytes.
    """
    try:
        return FileState.of(os.stat(path))
    except OSError:
        return None


@dataclass(frozen=True)
class FileFix:
    """The result of fixing one file: its old and new raw text, and how many fixes.

    ``before`` is the text exactly as read (its bytes are :attr:`original_bytes`) and
    ``read_state`` the file's state just before it was read: together they say whether
    the file is still the one the fixes were computed from.
    """

    path: str
    before: str
    after: str
    applied: int
    encoding: str = "utf-8"
    read_state: FileState | None = None

    @property
    def original_bytes(self) -> bytes:
        """The file's bytes as read (decoding is strict, so encoding gives them back exactly)."""
        return self.before.encode(self.encoding)

    @property
    def fixed_bytes(self) -> bytes:
        return self.after.encode(self.encoding)

    def diff(self) -> str:
        import difflib  # for --diff only

        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            # An absolute path as git shows it: "a/tmp/x.txt", not "a//tmp/x.txt".
            fromfile=f"a/{self.path.lstrip('/')}",
            tofile=f"b/{self.path.lstrip('/')}",
        )
        # As diff(1) does: a last line without a newline is marked, so patches apply.
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


class RawOffsets:
    """Maps offsets of the normalised text (``\\n`` only, no BOM) to the raw text.

    Normalisation turns each ``\\r\\n`` into one ``\\n``; every other character keeps its
    place.  A normalised offset is shifted by the number of ``\\r\\n`` pairs before it.
    """

    def __init__(self, raw: str) -> None:
        self.bom = 1 if raw.startswith("\ufeff") else 0
        body = raw[self.bom :]
        self._pairs: list[int] = []  # normalised offsets of the "\n" that stood for "\r\n"
        removed = 0
        start = body.find("\r\n")
        while start != -1:
            self._pairs.append(start - removed)
            removed += 1
            start = body.find("\r\n", start + 2)

    def raw(self, offset: int) -> int:
        """The raw offset of normalised ``offset`` (an end offset after a CRLF maps past it)."""
        return self.bom + offset + bisect.bisect_left(self._pairs, offset)


def apply_fixes(raw: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply non-overlapping safe fixes to ``raw``; overlapping ones wait for the next pass."""
    offsets = RawOffsets(raw)
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted((f for f in fixes if f.safe), key=lambda f: (f.start, f.end, f.replacement)):
        if fix.start < last_end:
            continue
        chosen.append(fix)
        last_end = max(fix.end, fix.start + 1)
    out = []
    cursor = 0
    for fix in chosen:
        start, end = offsets.raw(fix.start), offsets.raw(fix.end)
        out.append(raw[cursor:start])
        out.append(fix.replacement)
        cursor = end
    out.append(raw[cursor:])
    return "".join(out), len(chosen)


def fixes_by_path(findings: Iterable[Finding]) -> dict[str, list[Fix]]:
    by_path: dict[str, list[Fix]] = {}
    for f in findings:
        if f.fix is not None and f.fix.safe:
            by_path.setdefault(f.path, []).append(f.fix)
    return by_path

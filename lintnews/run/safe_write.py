"""Writing what a run produces without losing or damaging anything: fixed files and the report.

The command line calls four functions here and handles three exception types:

- :func:`write_fixes` writes every fixed file with :func:`write_fixed_file`.  A file that
  cannot be fixed safely (:class:`NotFixed`: it changed since it was read, it has other
  hard links, its owner or an extended attribute cannot be kept) is left alone and
  returned with the reason, and the other files are still fixed: the caller reports
  each in one line and exits 2.  A write that fails (:class:`FixFailed`: a read-only
  file, a full disk) stops the run: the files before it are fixed, the rest untouched.
- :func:`check_report_target` refuses an ``-o`` target before the run; :func:`write_report`
  writes the report to a file or standard output.  Both raise :class:`ReportNotWritten`,
  whose text is the one line to print (empty for a closed pipe: the reader has gone,
  as with ``| head``, and there is nobody to tell).

How a fixed file is written (see docs/robustness.md, "Fixing and the cache"):

1. A symbolic link is followed: the file it points to is fixed, the link stays.
2. The file is opened and compared with what the fixes were computed from: the same
   file (device, inode), size and modification time as just before it was read, and the
   same bytes.  Otherwise it is left alone (an editor saved it meanwhile).
3. A file with more than one hard link is left alone: a new file in its place would
   leave the other names with the old text, and writing into it in place would not be
   atomic (a crash could leave half a file), and would change every name at once, also
   the copies of a hard-link backup.  ``--diff`` shows the fixes to apply by hand.
4. The fixed text goes to a temporary file beside it, which takes the file's owner,
   group, extended attributes (ACLs among them) and mode, or the file is left alone.
5. Right before the rename the file is checked once more (``lstat``: the same inode,
   size, times, mode, owner and links; and the same bytes).  The rename follows at once.
   POSIX has no "rename if unchanged": an edit landing in the microseconds between this
   last check and the rename is still lost.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable

from lintnews.run.atomic import MetadataNotKept, replace_atomically, write_atomically
from lintnews.run.fixing import FileFix, FileState
from lintnews.run.files import InputError


class NotFixed(Exception):
    """A file lintnews left alone because fixing it could lose or damage data; the others are fixed."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def as_error(self) -> InputError:
        """The reason as an input error, to report beside the files that could not be read."""
        return InputError(self.path, self.message)


class FileChanged(NotFixed):
    """The file is not the one the fixes were computed from any more."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "changed since lintnews read it; not fixed (run --fix again)")


class FixFailed(Exception):
    """Writing a fixed file failed (read-only, full disk, ...); the file is unchanged, the run stops."""


class ReportNotWritten(Exception):
    """The report could not be written; ``str()`` is the line to print (empty: print nothing)."""


_SAME_FILE_FIELDS = ("st_dev", "st_ino", "st_size", "st_mtime_ns", "st_ctime_ns", "st_mode", "st_uid", "st_gid", "st_nlink")


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in _SAME_FILE_FIELDS)


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of the file ``fd`` from its start."""
    chunks: list[bytes] = []
    offset = 0
    while offset < limit:
        chunk = os.pread(fd, min(limit - offset, 1 << 20), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _holds(fd: int, expected: bytes) -> bool:
    """Whether the file ``fd`` holds exactly ``expected`` (one byte more is read to see a longer file)."""
    return _read_at_most(fd, len(expected) + 1) == expected


def write_fixed_file(fix: FileFix) -> None:
    """Write ``fix.after`` over the file it was computed from, or leave the file alone.

    Raises :class:`NotFixed` (the file is left alone; go on with the others) or
    :class:`FixFailed` (the write failed; the file is unchanged).
    """
    path = fix.path
    real = os.path.realpath(path)
    original = fix.original_bytes
    try:
        # O_NOFOLLOW: the real path was a file a moment ago; a link now means it changed.
        # O_NONBLOCK: if a FIFO took its place, opening must not wait for a writer.
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ELOOP):
            raise FileChanged(path) from exc
        raise FixFailed(f"{path}: cannot write the fixes: {exc.strerror or exc} (the file is unchanged)") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileChanged(path)
        if fix.read_state is not None and FileState.of(st) != fix.read_state:
            raise FileChanged(path)
        if not _holds(fd, original):
            raise FileChanged(path)
        if st.st_nlink > 1:
            raise NotFixed(
                path,
                f"has {st.st_nlink} hard links; not fixed, as a rewritten file would leave the other names "
                "with the old text (--diff shows the fixes)",
            )
        # A file without write permission is kept as it is, even by root: the mode says "keep".
        if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
            raise FixFailed(f"{path}: read-only, not fixed (nothing was changed in it)")

        def unchanged_until_now() -> None:
            try:
                now = os.stat(real, follow_symlinks=False)
            except OSError as exc:
                raise FileChanged(path) from exc
            if not _same(now, st) or not _holds(fd, original):
                raise FileChanged(path)

        try:
            replace_atomically(real, fix.fixed_bytes, like=st, source=fd, strict=True, check=unchanged_until_now)
        except MetadataNotKept as exc:
            raise NotFixed(path, f"{exc.strerror}; not fixed") from exc
        except OSError as exc:
            raise FixFailed(f"{path}: cannot write the fixes: {exc.strerror or exc} (the file is unchanged)") from exc
    finally:
        os.close(fd)


def write_fixes(fixes: Iterable[FileFix]) -> tuple[list[FileFix], list[InputError]]:
    """Write each fixed file in turn: ``(written, left alone with the reason)``.

    :class:`FixFailed` stops the loop (and propagates): the files before it are written.
    """
    written: list[FileFix] = []
    left: list[InputError] = []
    for fix in fixes:
        try:
            write_fixed_file(fix)
        except NotFixed as exc:
            left.append(exc.as_error())
        else:
            written.append(fix)
    return written, left


def check_report_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`ReportNotWritten` now, before the run, if the report cannot go to ``path``."""
    shown = os.fspath(path)
    real = os.path.realpath(shown)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ReportNotWritten(f"cannot write {shown}: {exc.strerror or exc}") from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ReportNotWritten(f"cannot write {shown}: it is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # A device or FIFO is written into: its own permission counts, not its folder's.
        if not os.access(real, os.W_OK):
            raise ReportNotWritten(f"cannot write {shown}: permission denied")
        return
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        named = folder if os.path.islink(shown) else (os.path.dirname(shown) or ".")
        raise ReportNotWritten(f"cannot write {shown}: no such directory {named}")
    if not os.access(folder, os.W_OK):
        raise ReportNotWritten(f"cannot write {shown}: permission denied")


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer): nothing will be flushed to the system


def write_report(path: str | os.PathLike[str] | None, text: str) -> None:
    """Write the report to ``path`` (see :func:`lintnews.run.atomic.write_atomically`), or to
    standard output if it is None, flushed.  Raises :class:`ReportNotWritten`."""
    if path is not None:
        try:
            write_atomically(path, text)
        except OSError as exc:
            raise ReportNotWritten(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from exc
        return
    stream = sys.stdout
    if stream is None:  # started with standard output closed (">&-")
        raise ReportNotWritten("cannot write the report: standard output is closed")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError as exc:
        # The reader has gone (| head): print nothing, as cat and grep do; exit 2.
        _discard_stdout()
        raise ReportNotWritten("") from exc
    except OSError as exc:
        _discard_stdout()
        raise ReportNotWritten(f"cannot write the report to standard output: {exc.strerror or exc}") from exc

"""Side files: the files lintnews reads or appends to besides the documents.

The configuration, accept and reject lists, rule packs, a baseline, cache entries and
GitHub's job summary are named by the user or found on disk, so any of them may be a
FIFO (opening one waits for a writer forever), a device (``/dev/zero`` never ends) or a
link to one.  Every side file is opened through :func:`read_side_file` or
:func:`append_side_file`: only a regular file is read or written, it is opened without
blocking, checked again once open (the path may have been replaced in between), and
read only up to a size limit.  Anything else is an :class:`OSError` whose ``strerror``
says why, which the callers already turn into one line naming the file.
"""

from __future__ import annotations

import errno
import os
import stat

_OPEN_FLAGS = os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is: ``a FIFO``, ``a directory``, ..."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def open_nonblocking(path: str | os.PathLike[str], flags: int) -> int:
    """An ``opener`` for :func:`open` that never waits (for a FIFO's writer)."""
    return os.open(path, flags | _OPEN_FLAGS)


def _check(path: str | os.PathLike[str], st: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, f"not a regular file ({kind_of_file(st.st_mode)})", os.fspath(path))
    if st.st_size > limit:
        raise OSError(errno.EFBIG, f"{st.st_size} bytes, over the limit of {limit} for this file", os.fspath(path))


def read_side_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit``.

    Raises OSError for a file that is missing, unreadable, not a regular file or larger
    than ``limit`` bytes; never blocks and never reads more than ``limit`` + 1 bytes.
    """
    _check(path, os.stat(path), limit)  # a device is never opened: opening some has effects
    fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd), limit)  # the file opened, should the path have changed
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # the file grew since it was checked
            raise OSError(errno.EFBIG, f"over the limit of {limit} bytes for this file", os.fspath(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_side_text(path: str | os.PathLike[str], limit: int) -> str:
    """:func:`read_side_file` decoded as UTF-8 with universal newlines (as ``open(path,
    encoding="utf-8")`` reads it); UnicodeDecodeError for bytes that are not UTF-8."""
    text = read_side_file(path, limit).decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def append_side_file(path: str | os.PathLike[str], text: str) -> None:
    """Append ``text`` (UTF-8) to the regular file at ``path``, made if missing.

    Raises OSError for anything else (a FIFO is refused without waiting for a reader).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        pass
    else:
        _check(path, st, limit=1 << 62)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _OPEN_FLAGS, 0o666)
    try:
        _check(path, os.fstat(fd), limit=1 << 62)
        data = text.encode("utf-8")
        while data:
            written = os.write(fd, data)
            data = data[written:]
    finally:
        os.close(fd)

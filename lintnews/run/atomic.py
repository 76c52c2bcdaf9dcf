"""Writing files so that a crash, a full disk or an interrupt never leaves half a file.

A regular file is replaced atomically: the new content goes to a temporary file in the
same folder, named ``.lintnews-p<pid>-<random>-<random>.tmp``, which takes the old file's
owner, group, extended attributes and mode, is synced and is renamed over the old file.
A symbolic link is followed: the file it points to is replaced, the link stays.  A target
that exists and is not a regular file (a device such as ``/dev/null``, a FIFO) is opened
and written into, never replaced.

A temporary file outlives its run only when the process is killed (``kill -9``, a power
cut).  The first write into a folder removes the stale ones of our naming there
(:func:`remove_stale_temporaries`): the pid in the name says which run made it.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
import time
from collections.abc import Callable
from typing import Any


def __getattr__(name: str) -> Any:
    """``secrets`` and ``tempfile`` (with ``hashlib`` and ``shutil`` behind them, a few ms of
    every run) are imported when a file is first written, not with this module."""
    if name in ("secrets", "tempfile"):
        import importlib

        return importlib.import_module(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: A temporary file whose creating process is gone is stale once it is this old (seconds):
#: the grace period covers a run in another pid namespace (a container) writing into a
#: shared folder, whose pid means nothing here.
STALE_AFTER_EXIT = 60
#: Any temporary file of our naming this old (seconds) is stale, whatever its pid says
#: (the pid may have been reused, or the run was on another machine): one file takes
#: well under a second to write.
STALE_AFTER = 3600

# ".lintnews-p<pid>-<hex>-<mkstemp>.tmp"; before the pid was recorded ".lintnews-<hex>-<mkstemp>.tmp".
_TEMP_NAME = re.compile(r"\.lintnews-(?:p(\d{1,10})-)?[0-9a-f]{12}-[A-Za-z0-9_]+\.tmp\Z")

# Folders this process has cleaned of stale temporary files already (once a run is enough).
_cleaned: set[str] = set()


class MetadataNotKept(OSError):
    """The new file could not be given the old one's owner or extended attributes."""


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except (OSError, OverflowError):
        return False
    return True


def remove_stale_temporaries(directory: str, now: float | None = None) -> list[str]:
    """Remove the temporary files a killed run left in ``directory``; return their paths.

    Only regular files of our naming are considered.  One is stale when the process that
    made it (its pid is in the name) no longer runs and it is over :data:`STALE_AFTER_EXIT`
    seconds old, or when it is over :data:`STALE_AFTER` seconds old.  A file a running
    write is using is never removed (its process runs and it is young).
    """
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_NAME.match(name)
        if match is None:
            continue
        path = os.path.join(directory, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        age = now - st.st_mtime
        pid = match.group(1)
        if age >= STALE_AFTER or (pid is not None and age >= STALE_AFTER_EXIT and not _pid_running(int(pid))):
            try:
                os.unlink(path)
            except OSError:
                continue
            removed.append(path)
    return removed


def _clean_once(directory: str) -> None:
    if directory not in _cleaned:
        _cleaned.add(directory)
        remove_stale_temporaries(directory)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _owner_text(st: os.stat_result) -> str:
    """``user:group`` by name where the system knows them (``root:root``), else by number."""
    try:
        import grp
        import pwd
    except ImportError:  # pragma: no cover - not POSIX
        return f"{st.st_uid}:{st.st_gid}"
    try:
        user = pwd.getpwuid(st.st_uid).pw_name
    except KeyError:
        user = str(st.st_uid)
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    return f"{user}:{group}"


def _keep_metadata(fd: int, like: os.stat_result, source: int | str, strict: bool) -> None:
    """Give the temporary file ``fd`` the owner, group, extended attributes and mode of ``like``.

    The owner comes first, because changing it clears the set-user-ID bit and file
    capabilities; the mode comes last.  With ``strict``, an owner or attribute that cannot
    be kept raises :class:`MetadataNotKept`; otherwise it is left as the new file has it.
    """
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (like.st_uid, like.st_gid):
        try:
            os.chown(fd, like.st_uid, like.st_gid)
        except OSError as exc:
            if strict:
                raise MetadataNotKept(exc.errno, f"owned by {_owner_text(like)}, which a fixed copy made by this user could not keep") from exc
    try:
        names = os.listxattr(source)
    except OSError as exc:
        if exc.errno not in (errno.ENOTSUP, errno.EOPNOTSUPP) and strict:
            raise MetadataNotKept(exc.errno, f"cannot read its extended attributes: {exc.strerror}") from exc
        names = []
    for name in names:
        try:
            value = os.getxattr(source, name)
            try:
                if os.getxattr(fd, name) == value:
                    continue  # e.g. a security label the new file got already
            except OSError:
                pass
            os.setxattr(fd, name, value)
        except OSError as exc:
            if strict:
                raise MetadataNotKept(exc.errno, f"cannot keep its extended attribute {name} ({exc.strerror})") from exc
    try:
        extra = [n for n in os.listxattr(fd) if n not in names]
    except OSError:
        extra = []
    for name in extra:  # e.g. a default ACL of the folder the old file did not have
        try:
            os.removexattr(fd, name)
        except OSError:
            pass
    os.chmod(fd, stat.S_IMODE(like.st_mode))


def replace_atomically(
    path: str,
    data: bytes,
    like: os.stat_result | None = None,
    source: int | str | None = None,
    strict: bool = False,
    check: Callable[[], None] | None = None,
) -> None:
    """Replace the regular file (or create the file) ``path`` by ``data``, atomically.

    ``path`` must not be a symbolic link (resolve it first).  ``like`` is the old file's
    ``stat``: the new one takes its owner, group and mode, and the extended attributes of
    ``source`` (the old file's descriptor or path); a new file gets the mode the umask
    allows.  ``strict``: fail (:class:`MetadataNotKept`) rather than lose the owner or an
    attribute.  ``check`` runs last, right before the rename, and may raise to cancel it.
    If anything fails, the old file is untouched and the temporary file removed.
    """
    import secrets
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    _clean_once(directory)
    tmp = None
    # A prefix of this call's own, so that an interrupt arriving after the temporary file
    # exists but before its name is known here can still find it and remove it.
    prefix = f".lintnews-p{os.getpid()}-{secrets.token_hex(6)}-"
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
        try:
            _write_all(fd, data)
            if like is not None:
                _keep_metadata(fd, like, source if source is not None else path, strict)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(fd, 0o666 & ~umask)
            os.fsync(fd)
        finally:
            os.close(fd)
        if check is not None:
            check()
        os.replace(tmp, path)
    except BaseException:
        leftovers = [tmp] if tmp is not None else glob.glob(os.path.join(glob.escape(directory), prefix + "*.tmp"))
        for name in leftovers:
            try:
                os.unlink(name)
            except OSError:
                pass
        raise


def write_into(path: str, data: bytes) -> None:
    """Write ``data`` into an existing file that is not replaced (a device, a FIFO)."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def write_atomically(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path``: readers see the old file or the new one, never half.

    A regular file (or a new one) is replaced atomically and keeps its permissions, and
    its owner, group and extended attributes where this user may keep them.  A symbolic
    link is followed and the file it points to written, so the link stays.  An existing
    target that is not a regular file (``/dev/null``, a FIFO) is written into.  Line
    endings are written as given.
    """
    data = text.encode(encoding)
    real = os.path.realpath(os.fspath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        write_into(real, data)
        return
    replace_atomically(real, data, like=st)

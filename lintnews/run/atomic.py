"""Writing files so that a crash, a full disk or an interrupt never leaves half a file."""

from __future__ import annotations

import glob
import os
import secrets
import tempfile


def write_atomically(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text``: readers see the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is synced, takes the old
    file's permissions and is renamed over it.  If anything fails, the original is
    untouched and the temporary file removed.  Line endings are written as given.
    """
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = None
    # A prefix of this call's own, so that an interrupt arriving after the temporary file
    # exists but before its name is known here can still find it and remove it.
    prefix = f".lintnews-{secrets.token_hex(6)}-"
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        leftovers = [tmp] if tmp is not None else glob.glob(os.path.join(glob.escape(directory), prefix + "*.tmp"))
        for name in leftovers:
            try:
                os.unlink(name)
            except OSError:
                pass
        raise

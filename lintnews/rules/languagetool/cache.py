"""LanguageTool answers stored by content hash.

The key is the SHA-256 of the backend's identity, the language and the chunk's text, so
a rerun over unchanged files sends nothing to the server (and, for a local server, does
not even start one).  Entries are small JSON files written atomically (a temporary
file in the same folder, then ``os.replace``); an entry that cannot be read or is not in
LanguageTool's format is ignored and written anew.  The answers are stored whole (every
category), so changing the reported categories or ignored rules needs no new requests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from lintnews.rules.languagetool.protocol import ProtocolError, parse_matches
from lintnews.core.side_files import read_side_text


def cache_key(backend: str, language: str, text: str) -> str:
    import hashlib  # only when LanguageTool runs

    data = json.dumps([backend, language, text], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


#: An answer larger than this is not read (a FIFO or a device is never read: see
#: :mod:`lintnews.core.side_files`).
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class AnswerCache:
    """A folder of answers, ``<folder>/<key[:2]>/<key>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, text: str) -> dict | None:
        """The stored answer for ``text``, or None when absent or unusable."""
        try:
            payload = json.loads(read_side_text(self._path(key), MAX_ANSWER_BYTES))
            parse_matches(payload, text)  # a damaged entry must not become findings
        except (OSError, ValueError, ProtocolError, RecursionError):
            return None
        return payload

    def put(self, key: str, payload: dict) -> None:
        """Store an answer atomically; a cache that cannot be written is not an error."""
        import tempfile

        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False, sort_keys=True)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass

"""Talking to LanguageTool: a server URL, or a local server started once per run.

Requests go over HTTP with the standard library, so that every request has a timeout
lintnews controls.  ``"local"`` starts LanguageTool's HTTP server through
language-tool-python (one server for the whole run, closed at the end) and then talks to
it the same way.  lintnews never downloads LanguageTool: "local" uses an unpacked
``LanguageTool-X.Y`` folder that is already in language-tool-python's download folder
(``$LTP_PATH``, default ``~/.cache/language_tool_python``); without one it says so.

Every failure (no Java, no LanguageTool, a refused connection, a timeout, an HTTP error,
an answer that is not LanguageTool's) becomes :class:`Unavailable` with a one-line
reason; the session remembers the first one and sends nothing more.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.rules.languagetool.cache import AnswerCache, cache_key
from lintnews.rules.languagetool.protocol import Match, ProtocolError, minimal_answer, parse_matches

_INSTALL_DIR = re.compile(r"^LanguageTool-(\d+\.\d+|\d{8})$")
_SERVER_CLASS = "org/languagetool/server/HTTPServer.class"


class Unavailable(Exception):
    """LanguageTool cannot be used; the message is the one-line reason."""


@dataclass
class Settings:
    """How to reach LanguageTool and what to ask it (from the configuration)."""

    server: str  # "local" or an http(s) URL
    language: str = "en-US"
    timeout: float = 60.0
    chunk_size: int = 10_000
    workers: int = 4
    cache_dir: Path | None = field(default_factory=lambda: Path(".lintnews-cache") / "languagetool")


# -- HTTP --------------------------------------------------------------------------------
def api_url(server: str) -> str:
    """``http://host:8081`` or ``http://host:8081/v2`` -> ``http://host:8081/v2/``."""
    base = server.rstrip("/")
    if not base.endswith("/v2"):
        base += "/v2"
    return base + "/"


class HttpChecker:
    """Sends ``/v2/check`` requests to one LanguageTool server."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout

    def _request(self, path: str, data: dict[str, str] | None = None) -> object:
        body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
        request = urllib.request.Request(self.url + path, data=body, headers={"Accept": "application/json"})
        where = self.url.rstrip("/")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(200).decode("utf-8", "replace").split())
            raise Unavailable(f"{where} answered HTTP {exc.code}{': ' + detail if detail else ''}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise Unavailable(f"{where} did not answer within {self.timeout:g} s") from None
            if isinstance(reason, ConnectionRefusedError):
                raise Unavailable(f"connection to {where} refused (no server there)") from None
            raise Unavailable(f"cannot reach {where}: {reason}") from None
        except (TimeoutError, socket.timeout):
            raise Unavailable(f"{where} did not answer within {self.timeout:g} s") from None
        except (OSError, ValueError) as exc:
            raise Unavailable(f"cannot reach {where}: {exc}") from None
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Unavailable(f"{where} did not answer in LanguageTool's JSON format") from None

    def check(self, text: str, language: str) -> dict:
        payload = self._request("check", {"text": text, "language": language})
        try:
            parse_matches(payload, text)
        except ProtocolError as exc:
            raise Unavailable(f"{self.url.rstrip('/')} gave an answer lintnews cannot read: {exc}") from None
        return minimal_answer(payload)  # type: ignore[arg-type]


# -- a local server through language-tool-python ----------------------------------------
def download_folder() -> Path:
    """language-tool-python's download folder (read, never created, by lintnews)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def installed_languagetool(folder: Path) -> Path | None:
    """The newest unpacked LanguageTool in ``folder`` with a server jar, or None."""
    if not folder.is_dir():
        return None
    found = [p for p in folder.iterdir() if p.is_dir() and _INSTALL_DIR.match(p.name) and (p / "languagetool-server.jar").is_file()]

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in p.name.split("-", 1)[1].split("."))

    return max(found, key=version) if found else None


def start_local(settings: Settings) -> tuple[HttpChecker, Callable[[], None]]:
    """Start one LanguageTool server through language-tool-python; return it and its closer."""
    if shutil.which("java") is None:
        raise Unavailable("no Java on PATH (LanguageTool needs Java 17 or newer)")
    folder = download_folder()
    install = installed_languagetool(folder)
    if install is None:
        raise Unavailable(
            f"no LanguageTool in {folder} and lintnews does not download it "
            "(unpack LanguageTool-X.Y there or set LTP_PATH, or give a server URL)"
        )
    jar = install / "languagetool-server.jar"
    try:
        with zipfile.ZipFile(jar) as archive:
            if _SERVER_CLASS not in archive.namelist():
                raise Unavailable(f"{jar} has no LanguageTool HTTP server in it")
    except (OSError, zipfile.BadZipFile):
        raise Unavailable(f"{jar} is not a readable jar") from None
    try:
        import language_tool_python
    except ImportError:
        raise Unavailable("language-tool-python is not installed (pip install 'lintnews[languagetool]')") from None
    version = install.name.split("-", 1)[1]
    try:
        tool = language_tool_python.LanguageTool(settings.language, language_tool_download_version=version)
    except Exception as exc:  # language-tool-python raises many kinds; each is one reason
        raise Unavailable(f"the local LanguageTool server did not start: {type(exc).__name__}: {' '.join(str(exc).split())}") from None
    return HttpChecker(tool.url, settings.timeout), tool.close


def backend_identity(settings: Settings) -> str:
    """What the cache keys on besides the text: the server, or the local version."""
    if settings.server == "local":
        install = installed_languagetool(download_folder())
        return f"local:{install.name if install else 'none'}"
    return api_url(settings.server)


# -- a run's session ---------------------------------------------------------------------
class Session:
    """LanguageTool for one run: requests in worker threads, answers from the cache.

    ``prefetch`` starts a request and returns at once (the other rules go on meanwhile);
    ``matches`` waits for it.  The server is reached only on the first cache miss, so a
    rerun over unchanged files starts no server.  After the first failure nothing more
    is sent and ``failure`` holds the reason.
    """

    def __init__(self, settings: Settings, connect: Callable[[Settings], tuple[HttpChecker, Callable[[], None]]] | None = None) -> None:
        self.settings = settings
        self.failure: str | None = None
        self.requests = 0
        self._connect_with = connect or (start_local if settings.server == "local" else _connect_url)
        self._checker: HttpChecker | None = None
        self._close: Callable[[], None] | None = None
        self._lock = threading.Lock()  # guards the small state; never held while waiting
        self._connect_lock = threading.Lock()  # one connection attempt at a time
        self._pool = ThreadPoolExecutor(max_workers=max(1, settings.workers), thread_name_prefix="languagetool")
        self._pending: dict[str, Future] = {}
        self._cache = AnswerCache(settings.cache_dir) if settings.cache_dir is not None else None
        self._identity = backend_identity(settings)

    # public ----------------------------------------------------------------------------
    def prefetch(self, text: str) -> None:
        with self._lock:
            if text not in self._pending and self.failure is None:
                self._pending[text] = self._pool.submit(self._answer, text)

    def matches(self, text: str) -> list[Match] | None:
        """The matches for ``text``, or None when LanguageTool failed (see ``failure``)."""
        self.prefetch(text)
        future = self._pending.get(text)
        if future is None:
            return None
        try:
            payload = future.result()
        except Unavailable:
            return None
        return parse_matches(payload, text)

    def close(self) -> None:
        for future in self._pending.values():
            future.cancel()
        self._pool.shutdown(wait=True)
        if self._close is not None:
            try:
                self._close()
            finally:
                self._close = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # internals -------------------------------------------------------------------------
    def _fail(self, reason: str) -> None:
        with self._lock:
            if self.failure is None:
                self.failure = reason

    def _checker_or_fail(self) -> HttpChecker:
        with self._connect_lock:
            if self.failure is not None:
                raise Unavailable(self.failure)
            if self._checker is None:
                try:
                    self._checker, self._close = self._connect_with(self.settings)
                except Unavailable as exc:
                    self._fail(str(exc))
                    raise
            return self._checker

    def _answer(self, text: str) -> dict:
        key = cache_key(self._identity, self.settings.language, text)
        if self._cache is not None:
            cached = self._cache.get(key, text)
            if cached is not None:
                return cached
        checker = self._checker_or_fail()
        if self.failure is not None:
            raise Unavailable(self.failure)
        try:
            with self._lock:
                self.requests += 1
            payload = checker.check(text, self.settings.language)
        except Unavailable as exc:
            self._fail(str(exc))
            raise
        if self._cache is not None:
            self._cache.put(key, payload)
        return payload


def _connect_url(settings: Settings) -> tuple[HttpChecker, Callable[[], None]]:
    """A running server: check once that it answers like LanguageTool."""
    checker = HttpChecker(api_url(settings.server), settings.timeout)
    languages = checker._request("languages")
    if not isinstance(languages, list):
        raise Unavailable(f"{checker.url.rstrip('/')} does not answer like a LanguageTool server (/v2/languages)")
    return checker, lambda: None

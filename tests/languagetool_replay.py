"""A replay of LanguageTool's HTTP protocol, for tests where no LanguageTool runs.

This is NOT LanguageTool and finds nothing by itself: it answers ``/v2/check`` with
matches scripted by the test (a regex per LanguageTool rule, the group ``m`` marking the
span), in the JSON shape LanguageTool's documented API returns (``software``,
``language``, ``matches`` with ``offset``/``length`` in UTF-16 code units, ``message``,
``replacements``, ``context``, ``sentence``, ``type``, ``rule.id``,
``rule.category.id``), recorded from LanguageTool 6.x answers.  It tests lintnews'
side of the protocol: requests, offsets, chunking, caching and failures.  It can also
misbehave on purpose: answer slowly, answer with an HTTP error, refuse texts over a
length limit (HTTP 413, as LanguageTool does), or answer with something not JSON.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class ScriptedRule:
    """A LanguageTool rule the replay applies: where ``pattern``'s group ``m`` matches."""

    rule_id: str
    category: str
    pattern: str
    message: str
    replacements: tuple[str, ...] = ()
    issue_type: str = "grammar"


@dataclass
class LanguageToolReplay:
    rules: list[ScriptedRule] = field(default_factory=list)
    delay: float = 0.0  # seconds to wait before answering /v2/check
    status: int = 200  # an HTTP error status to answer /v2/check with
    max_text_length: int | None = None  # UTF-16 units; longer texts get HTTP 413
    garbage: bool = False  # answer /v2/check with HTML instead of JSON
    texts: list[str] = field(default_factory=list)  # the texts of /v2/check requests

    def answer(self, text: str, language: str) -> dict:
        matches = []
        for rule in self.rules:
            for m in re.finditer(rule.pattern, text):
                start, end = m.span("m")
                sentence_start = max(text.rfind("\n", 0, start) + 1, 0)
                sentence_end = text.find("\n", end)
                sentence = text[sentence_start : sentence_end if sentence_end != -1 else len(text)]
                matches.append(
                    {
                        "message": rule.message,
                        "shortMessage": "",
                        "replacements": [{"value": r} for r in rule.replacements],
                        "offset": utf16_units(text[:start]),
                        "length": utf16_units(text[start:end]),
                        "context": {
                            "text": sentence,
                            "offset": utf16_units(text[sentence_start:start]),
                            "length": utf16_units(text[start:end]),
                        },
                        "sentence": sentence,
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule.rule_id,
                            "description": rule.message,
                            "issueType": rule.issue_type,
                            "category": {"id": rule.category, "name": rule.category.title()},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        matches.sort(key=lambda d: d["offset"])
        return {
            "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1, "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": language, "detectedLanguage": {"name": "English (US)", "code": language, "confidence": 0.99}},
            "matches": matches,
        }

    # -- the HTTP server -----------------------------------------------------------------
    def __enter__(self) -> LanguageToolReplay:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _languages(self) -> None:
                self._send(200, json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]).encode())

            def do_GET(self):
                if self.path.rstrip("/") == "/v2/languages":
                    self._languages()
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                if self.path.rstrip("/") == "/v2/languages":
                    return self._languages()
                if self.path.rstrip("/") != "/v2/check":
                    return self._send(404, b"not found", "text/plain")
                text = form.get("text", [""])[0]
                replay.texts.append(text)
                if replay.delay:
                    time.sleep(replay.delay)
                if replay.status != 200:
                    return self._send(replay.status, b"Error: internal error", "text/plain")
                if replay.max_text_length is not None and utf16_units(text) > replay.max_text_length:
                    message = f"Error: Your text exceeds the limit of {replay.max_text_length} characters"
                    return self._send(413, message.encode(), "text/plain")
                if replay.garbage:
                    return self._send(200, b"<html>It works!</html>", "text/html")
                self._send(200, json.dumps(replay.answer(text, form.get("language", ["en-US"])[0])).encode())

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

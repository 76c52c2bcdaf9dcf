"""Reading files: the input edge of the pipeline.

Paths are expanded (folders recursively, in sorted order), files read and decoded.  A
file that cannot be read or decoded becomes an :class:`InputError` with one clear
message; the other files are still linted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lintnews.document import Document, make_document

#: Extensions linted when a folder is given; a file named explicitly is always linted.
TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown")
DEFAULT_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS


@dataclass(frozen=True)
class InputError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def kind_of(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_EXTENSIONS) else "text"


def display_path(path: Path) -> str:
    return path.as_posix() if not path.is_absolute() else str(path)


def expand_paths(paths: Iterable[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS) -> tuple[list[str], list[InputError]]:
    """Files to lint, in a stable order, and the paths that could not be used."""
    files: list[str] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    if name.lower().endswith(extensions) and not name.startswith("."):
                        found.append(Path(root) / name)
            candidates = sorted(found, key=lambda q: q.as_posix())
        elif p.exists():
            candidates = [p]
        else:
            errors.append(InputError(raw, "no such file or directory"))
            continue
        for c in candidates:
            key = os.path.realpath(c)
            if key not in seen:
                seen.add(key)
                files.append(display_path(c))
    return files, errors


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); raise UnicodeDecodeError otherwise."""
    return data.decode("utf-8")


def read_text(path: str) -> str | InputError:
    """The decoded contents of a file, exactly as stored (BOM and line endings kept)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        return InputError(path, "is a directory")
    except PermissionError:
        return InputError(path, "permission denied")
    except OSError as exc:
        return InputError(path, f"cannot read: {exc.strerror or exc}")
    if b"\x00" in data[:8192]:
        return InputError(path, "binary file (NUL bytes), skipped")
    try:
        return decode(data)
    except UnicodeDecodeError as exc:
        return InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped")


def read_document(path: str) -> Document | InputError:
    text = read_text(path)
    if isinstance(text, InputError):
        return text
    return make_document(path, text, kind_of(path))


def read_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    for path in paths:
        yield read_document(path)

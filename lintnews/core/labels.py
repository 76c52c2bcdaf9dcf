"""Short labels for the places a message cites ("000:8", "story:1", "a/story:1").

A corpus message names other documents by a short label, not by the whole path.  The
label is the file's stem (a numbered article file "000_1f079a1ce9d05eea.txt" by its
number, "000"), which is enough while no other document of the run shares it.  When two
documents of the run share it ("a/story.txt" and "b/story.txt"), each is labelled by the
shortest path suffix that names it alone ("a/story", "b/story"), as ruff tells two files
of one name apart.

A label depends only on the *set* of the run's document paths, never on their order, so
the output is the same whatever order the files were given in (pre-commit shuffles
them), and a run through the corpus index labels as a run over every file does.

Candidates, shortest first: the file's name in up to three forms (the number, the stem,
the whole name with its extension), then the same with one more folder in front, and so
on.  A candidate names a document alone when no other document of the run has the same
trailing folders and that form of its name; the first such candidate is the label.  A
document no suffix names alone (``b.txt`` beside ``a/b.txt``) is labelled by its path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBERED = re.compile(r"^(\d+)_")


def name_forms(name: str) -> tuple[str, ...]:
    """A file name's forms, shortest first: its number, its stem, the name itself."""
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    number = _NUMBERED.match(stem)
    forms = [number.group(1)] if number else []
    forms += [stem, name]
    return tuple(dict.fromkeys(forms))


def _parts(path: str) -> list[str]:
    """The path's folders and name, ``\\`` read as ``/``; empty and ``.`` parts dropped."""
    return [p for p in path.replace("\\", "/").split("/") if p and p != "."]


class Labels:
    """The short label of each document among ``paths`` (computed when first asked for)."""

    def __init__(self, paths: Iterable[str]) -> None:
        self._parts: dict[str, list[str]] = {}
        #: a name form -> the documents that have it (most forms belong to one document)
        self._holders: dict[str, list[str]] = {}
        for path in dict.fromkeys(paths):
            parts = _parts(path) or [path]
            self._parts[path] = parts
            for form in name_forms(parts[-1]):
                self._holders.setdefault(form, []).append(path)
        self._labels: dict[str, str] = {}
        self._counts: dict[tuple[str, int], dict[str, int]] = {}

    def of(self, path: str) -> str:
        """The label of the document ``path`` (a path not among the run's is labelled as
        if it were the only one of its name)."""
        label = self._labels.get(path)
        if label is None:
            label = self._labels[path] = self._label(path)
        return label

    def at(self, path: str, line: int) -> str:
        """``label:line``, as a message cites a place."""
        return f"{self.of(path)}:{line}"

    def _label(self, path: str) -> str:
        parts = self._parts.get(path) or _parts(path) or [path]
        forms = name_forms(parts[-1])
        # A candidate (some trailing folders and a form of the name) names the documents
        # that hold that form and end in those folders: one of them, it names this alone.
        for depth in range(1, len(parts) + 1):
            folders = "/".join(parts[-depth:-1])
            for form in forms:
                if self._named(form, depth).get(folders, 0) <= 1:
                    return f"{folders}/{form}" if folders else form
        return path.replace("\\", "/")

    def _named(self, form: str, depth: int) -> dict[str, int]:
        """How many documents holding ``form`` end in each ``depth - 1`` folders."""
        key = (form, depth)
        counts = self._counts.get(key)
        if counts is None:
            counts = {}
            for holder in self._holders.get(form, ()):
                parts = self._parts[holder]
                if len(parts) >= depth:
                    folders = "/".join(parts[-depth:-1])
                    counts[folders] = counts.get(folders, 0) + 1
            self._counts[key] = counts
        return counts

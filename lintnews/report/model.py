"""What an output format is given: one :class:`Report`, and the :class:`Renderer` contract.

A run ends with one report: the sorted findings and everything a format may show with
them (the files not linted, every document's score, texts, word counts, the rules, the
options of the text format).  A renderer declares in ``needs`` which of these it reads
besides the findings, and sees only those: the CLI keeps the documents' texts only for a
format that needs ``texts`` and scores the documents only for one that needs
``documents``, and a renderer that reads a field it did not declare fails at once
(:class:`UndeclaredField`) instead of quietly getting nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from lintnews.core.finding import Finding


@dataclass(frozen=True)
class Report:
    """The outcome of a run, as the output formats get it."""

    #: sorted, filtered findings
    findings: Sequence[Finding]
    #: files not linted (``.path``, ``.message``)
    errors: Sequence[Any] = ()
    #: every document's machine-translation score, sorted by path (``.as_dict()``)
    documents: Sequence[Any] = ()
    #: path -> the document's text (newlines normalised): findings point into it
    texts: Mapping[str, str] = field(default_factory=dict)
    #: path -> the document's words, for every document linted
    word_counts: Mapping[str, int] = field(default_factory=dict)
    #: the rules that ran (``.code``, ``.name``, ``.severity``, ``.default``, ``.describe()``)
    rules: Sequence[Any] = ()
    #: text format: show each finding's source line with a caret under its span
    show_source: bool = False
    #: ``source_line(path, line)``: the text of a line of a file (reads it on demand)
    source_line: Callable[[str, int], str] | None = None
    #: text format: ANSI colours (a terminal, ``--color always``)
    color: bool = False


#: the fields of a report a renderer may declare (the findings it always gets)
REPORT_FIELDS = frozenset(f.name for f in fields(Report)) - {"findings"}


class UndeclaredField(AttributeError):
    """A renderer read a field of the report that its ``needs`` does not name."""


class Renderer:
    """One output format.

    A subclass names its ``format`` (the ``--format`` value), declares in ``needs`` the
    fields of :class:`Report` it reads besides ``findings``, and implements
    :meth:`render`, which returns the whole output as text.
    """

    format: ClassVar[str]
    needs: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        unknown = set(cls.needs) - REPORT_FIELDS
        if unknown:
            raise TypeError(f"{cls.__qualname__}.needs names no field of Report: {', '.join(sorted(unknown))}")

    def render(self, report: Report) -> str:
        raise NotImplementedError


class DeclaredReport:
    """A report as one renderer sees it: the findings and the fields it declared."""

    __slots__ = ("_report", "_format", "_needs")

    def __init__(self, report: Report, renderer: Renderer) -> None:
        self._report = report
        self._format = renderer.format
        self._needs = renderer.needs

    def __getattr__(self, name: str) -> Any:
        if name == "findings" or name in self._needs:
            return getattr(self._report, name)
        if name in REPORT_FIELDS:
            raise UndeclaredField(f"the {self._format} renderer reads report.{name} without declaring it in its needs")
        raise AttributeError(name)

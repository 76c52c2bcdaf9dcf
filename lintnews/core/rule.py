"""The rule registry: every rule, built in, data-driven or plugged in, in one place.

A rule is a small object with a stable ``code`` (a family letter and three digits, as in
ruff: ``N101``), a ``name``, a default ``severity`` and a docstring that says what it
finds, why it matters and gives an example.  Document rules see one document at a time;
corpus rules see the facts gathered from every document.  Both are pure: text in,
findings out.
"""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lintnews.core.analysis import Analysis
from lintnews.core.corpus import Loc
from lintnews.core.finding import Finding, Fix, Group, Related
from lintnews.core.options import Option, default_settings, settings_type

if TYPE_CHECKING:  # pragma: no cover
    from lintnews.core.corpus import Corpus
    from lintnews.core.document import Document

CODE_RE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")

FAMILIES = {
    "N": "Names: the same person spelled more than one way, stray tokens in names",
    "T": "Titles: offices given wrongly or inconsistently",
    "M": "Machine-translation phrasing: tortured phrases and calques",
    "G": "Garbled sentences: broken sentence boundaries, split names and dates",
    "P": "Punctuation artifacts",
    "W": "Web residue left by scrapers",
    "C": "Consistency of house style",
    "S": "Spelling",
    "X": "lintnews itself: suppression markers",
    "L": "Language checks by LanguageTool (optional backend)",
    "D": "Documents: how a whole article reads",
}


class Rule:
    """Base of all rules.  Subclasses set the class attributes and implement a check."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    #: whether the rule is on when nothing is selected
    default: ClassVar[bool] = True
    #: "document" or "corpus"
    scope: ClassVar[str] = "document"
    #: the analyses the rule reads (:mod:`lintnews.core.analysis`): the engine computes
    #: each once per document and passes it to ``check``/``collect`` as a keyword
    #: argument named after the analysis
    needs: ClassVar[tuple[Analysis[Any], ...]] = ()
    #: whether the rule reads inside quoted speech.  When False, the engine drops a
    #: document rule's findings that start inside a quotation; a corpus rule must leave
    #: quotations out of what it collects itself (the engine sees no text at that stage).
    reads_quotes: ClassVar[bool] = True
    #: whether the rule's findings carry a sub-code in their ``name`` (a backend's own
    #: rule id), selectable as ``CODE:SUBCODE`` (e.g. ``L101:EN_A_VS_AN``); the selection
    #: (:class:`lintnews.rules.ruleset.RuleSet`) keeps or drops findings by sub-code
    subcodes: ClassVar[bool] = False
    #: the rule's options (:mod:`lintnews.core.options`), under ``[tool.lintnews.rules.CODE]``
    #: (a ``shared`` one at the top level); their values arrive as :attr:`settings`
    options: ClassVar[tuple[Option, ...]] = ()
    _settings: Any = None  # given by with_settings to the rule it makes; None: the defaults

    # -- settings: given when the rule is made, never changed afterwards ------------------
    @property
    def settings(self) -> Any:
        """The values of :attr:`options` (a frozen dataclass): ``self.settings.chunk_size``."""
        return self._settings if self._settings is not None else default_settings(type(self))

    def with_settings(self, settings: Any) -> Rule:
        """This rule under other settings: a new rule object (this one is left as it is),
        or this one when the settings are its own."""
        if settings == self.settings:
            return self
        if type(settings) is not settings_type(type(self)):
            raise TypeError(f"{type(self).__name__} takes {settings_type(type(self)).__name__}, not {type(settings).__name__}")
        made = copy.copy(self)
        made._settings = settings  # part of making the copy
        return made

    def on_by_default(self) -> bool:
        """Whether the rule is on when nothing is selected, under its settings (L101 is on
        once a LanguageTool server is configured)."""
        return self.default

    # -- a run's lifecycle: outside resources (a server connection) ----------------------
    def open(self) -> None:
        """Acquire what the rule needs from outside for one run, before any document."""

    def close(self) -> str | None:
        """Release it after the corpus stage; return a one-line notice when the rule could
        not do its work in this run (and so reported nothing), else None."""
        return None

    @property
    def bound_to_this_process(self) -> bool:
        """Whether the rule, once open, must run its per-document stage in this process
        (it holds a connection that cannot travel to worker processes)."""
        return False

    # Data-driven rules set these per instance; Python rules use the class docstring.
    def describe(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    # -- helpers for subclasses --------------------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]``."""
        return self.finding_at(Loc.of(doc, start, end), message, suggestion, related, fix)

    def finding_at(
        self,
        loc: Loc,
        message: str,
        suggestion: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        group: Group | None = None,
    ) -> Finding:
        """Build a finding at a located span (also one recorded in corpus facts)."""
        return Finding(
            path=loc.path,
            line=loc.line,
            column=loc.column,
            end_line=loc.end_line,
            end_column=loc.end_column,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            suggestion=suggestion,
            related=tuple(related),
            start=loc.start,
            end=loc.end,
            fix=fix,
            group=group,
        )


class DocumentRule(Rule):
    scope: ClassVar[str] = "document"

    def check(self, doc: Document, **analyses: Any) -> Iterator[Finding]:  # pragma: no cover - abstract
        """The findings in one document; ``analyses`` are the values of :attr:`needs`."""
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that sees every document: ``collect`` per document, then ``check_corpus``."""

    scope: ClassVar[str] = "corpus"

    def collect(self, doc: Document, **analyses: Any) -> Any:  # pragma: no cover - abstract
        """Plain facts about one document (see :mod:`lintnews.core.corpus`): values of
        registered fact types (:mod:`lintnews.core.facts`), so that they can be cached."""
        raise NotImplementedError

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    # -- incremental runs over the corpus index (lintnews.run.index) ----------------------
    #
    # A rule that cuts its facts by *key* lets a run over a few changed documents read,
    # from the index of an archive, only what those documents' findings depend on:
    #
    # - ``slices(facts)`` cuts one document's facts into ``(key, slice)`` pairs.  The rule
    #   promises that its findings in a document depend only on the slices, in every
    #   document, of the keys that document has (a key of ``None`` is the document's own:
    #   it is never read for another document);
    # - ``join(slices)`` makes facts again from some of a document's slices (all of them
    #   give back exactly what ``collect`` returned; some of them, what those keys hold);
    # - ``key_reading`` says what a run reads for a key of a changed document: ``"slices"``,
    #   every document's slice of that key; or ``"tallies"``, for a key that most of the
    #   archive shares (a house-style group): the corpus-wide counts ``tally(slice)``
    #   summed per name, handed to ``check_corpus`` as ``corpus.tallies[code][key]``, and
    #   the slices of the first ``evidence_documents`` documents (in corpus order) that
    #   count each name;
    # - a rule that reads slices may also count names per key (``tally``) and say, from
    #   the corpus-wide counts of a key and the counts the files given add to it, whether
    #   that key's slices can matter to those files' findings (``wants_slices``): N101
    #   reads a block of similar spellings only when one of the files' spellings in it
    #   may be reported (it is no more frequent than a look-alike).  The corpus-wide
    #   counts of every key of the files given are handed to ``check_corpus`` as
    #   ``corpus.tallies[code][key]``, read or not.
    #
    # A rule that does not cut its facts (``slices`` returns None, the default) is read
    # whole from every document of the archive: correct, only slower.
    key_reading: ClassVar[str] = "slices"
    evidence_documents: ClassVar[int] = 0

    def slices(self, facts: Any) -> list[tuple[str | None, Any]] | None:
        """One document's facts cut by key (see above), or None: not cut."""
        return None

    def join(self, slices: list[Any]) -> Any:
        """A document's facts from some of its slices, in the order ``slices`` gave them."""
        raise NotImplementedError

    def tally(self, key: str, slice: Any) -> dict[str, int]:
        """The counts per name a slice adds to its key (see above)."""
        return {}

    def wants_slices(self, key: str, totals: dict[str, int], given: dict[str, int] | None = None) -> bool:
        """Whether an incremental run must read every document's slice of ``key``, given
        the corpus-wide counts of its names and those the files given add to them
        (``key_reading = "slices"``; ``given`` None: unknown)."""
        return True


# -- registration of the built-in rules ---------------------------------------------------
_BUILTIN_CLASSES: list[type[Rule]] = []


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator for built-in Python rules."""
    _BUILTIN_CLASSES.append(cls)
    return cls


def registered_classes() -> list[type[Rule]]:
    """The built-in rule classes registered so far, in the order they were registered."""
    return list(_BUILTIN_CLASSES)


class RuleError(Exception):
    """A rule pack or plugin that cannot be loaded; the message says where and why."""

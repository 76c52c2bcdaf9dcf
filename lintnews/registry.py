"""The rule registry: every rule, built in, data-driven or plugged in, in one place.

A rule is a small object with a stable ``code`` (a family letter and three digits, as in
ruff: ``N101``), a ``name``, a default ``severity`` and a docstring that says what it
finds, why it matters and gives an example.  Document rules see one document at a time;
corpus rules see the facts gathered from every document.  Both are pure: text in,
findings out.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lintnews.finding import Finding, Fix, Related

if TYPE_CHECKING:  # pragma: no cover
    from lintnews.corpus import Corpus, Loc
    from lintnews.document import Document

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
    #: whether the rule reads inside quoted speech.  When False, the engine drops a
    #: document rule's findings that start inside a quotation; a corpus rule must leave
    #: quotations out of what it collects itself (the engine sees no text at that stage).
    reads_quotes: ClassVar[bool] = True
    #: whether the rule's findings carry a sub-code in their ``name`` (a backend's own
    #: rule id), selectable as ``CODE:SUBCODE`` (e.g. ``L101:EN_A_VS_AN``)
    subcodes: ClassVar[bool] = False
    #: sub-codes (prefixes) to keep (None: all) and to drop; set by the selection
    sub_select: tuple[str, ...] | None = None
    sub_ignore: tuple[str, ...] = ()

    def wants_subcode(self, subcode: str) -> bool:
        """Whether ``--select``/``--ignore`` keep findings with this sub-code."""
        if self.sub_select is not None and not subcode.startswith(self.sub_select):
            return False
        return not subcode.startswith(self.sub_ignore) if self.sub_ignore else True

    def configure(self, settings: dict[str, Any]) -> None:
        """Take settings from the configuration (``[tool.lintnews]``); most rules have none."""

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
        from lintnews.corpus import Loc

        return self.finding_at(Loc.of(doc, start, end), message, suggestion, related, fix)

    def finding_at(
        self,
        loc: Loc,
        message: str,
        suggestion: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
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
        )


class DocumentRule(Rule):
    scope: ClassVar[str] = "document"

    def check(self, doc: Document) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that sees every document: ``collect`` per document, then ``check_corpus``."""

    scope: ClassVar[str] = "corpus"

    def collect(self, doc: Document) -> Any:  # pragma: no cover - abstract
        """Plain, picklable facts about one document (see :mod:`lintnews.corpus`)."""
        raise NotImplementedError

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError


# -- the registry -------------------------------------------------------------------------
_BUILTIN_CLASSES: list[type[Rule]] = []


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator for built-in Python rules."""
    _BUILTIN_CLASSES.append(cls)
    return cls


class RuleError(Exception):
    """A rule pack or plugin that cannot be loaded; the message says where and why."""


def _builtin_rules() -> list[Rule]:
    import lintnews.checks  # noqa: F401  (registers the built-in rules)
    import lintnews.suppressions  # noqa: F401  (registers X100)

    return [cls() for cls in _BUILTIN_CLASSES]


def _plugin_rules() -> list[Rule]:
    """Rules from installed packages, through the ``lintnews.rules`` entry-point group.

    An entry point names a :class:`Rule` subclass or a callable returning rules.
    """
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for ep in sorted(entry_points(group="lintnews.rules"), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take lintnews down
            raise RuleError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from None
        if isinstance(obj, type) and issubclass(obj, Rule):
            rules.append(obj())
        elif callable(obj):
            made = obj()
            rules.extend([made] if isinstance(made, Rule) else list(made))
        else:
            raise RuleError(f"plugin {ep.name!r} is neither a Rule class nor a callable")
    return rules


def all_rules(extra_packs: Iterable[str] = (), plugins: bool = True) -> list[Rule]:
    """Every known rule, sorted by code; codes must be unique and well formed."""
    from lintnews.ruletypes import load_packs

    rules = _builtin_rules() + load_packs(extra_packs)
    if plugins:
        rules += _plugin_rules()
    seen: dict[str, Rule] = {}
    for rule in rules:
        if not CODE_RE.match(rule.code):
            raise RuleError(f"rule {rule.name!r} has a malformed code {rule.code!r}")
        if rule.code in seen:
            raise RuleError(f"two rules share the code {rule.code}: {seen[rule.code].name!r} and {rule.name!r}")
        seen[rule.code] = rule
    return sorted(seen.values(), key=lambda r: r.code)


def split_selector(selector: str) -> tuple[str, str | None]:
    """``"L101:EN_A_VS_AN"`` -> ``("L101", "EN_A_VS_AN")``; ``"N1"`` -> ``("N1", None)``."""
    code, sep, sub = selector.partition(":")
    return (code, sub) if sep else (code, None)


def finding_matches(selector: str, code: str, name: str) -> bool:
    """Whether a selector (``ALL``, a code prefix, or ``CODE:SUBCODE``) names a finding."""
    base, sub = split_selector(selector)
    if sub is not None:
        return code == base and name.startswith(sub)
    return selector == "ALL" or code.startswith(selector)


def select_rules(
    rules: list[Rule],
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Rule]:
    """Pick rules by code or code prefix, as ruff does.

    ``select`` replaces the default set (``ALL`` means every rule); ``extend_select``
    adds to it; ``ignore`` removes.  A selector that matches no rule is an error.

    A rule with sub-codes (a backend's own rule ids) also takes ``CODE:SUBCODE``
    selectors (``L101:EN_A_VS_AN``, or a prefix of the sub-code): selecting one turns
    the rule on for those sub-codes only, unless the rule is selected whole as well;
    ignoring one keeps the rule and drops those sub-codes.  The chosen rules get
    ``sub_select`` and ``sub_ignore`` set accordingly.
    """
    by_code = {r.code: r for r in rules}
    select = list(select) if select is not None else None
    extend_select, ignore = list(extend_select), list(ignore)

    def matches(selector: str, code: str) -> bool:
        return selector == "ALL" or code.startswith(selector)

    for selector in [*(select or []), *extend_select, *ignore]:
        base, sub = split_selector(selector)
        if sub is not None:
            rule = by_code.get(base)
            if rule is None or not rule.subcodes or not sub:
                raise RuleError(f"unknown rule code or prefix {selector!r} (CODE:SUBCODE works only for a rule with sub-codes, such as L101)")
        elif not any(matches(selector, c) for c in by_code):
            raise RuleError(f"unknown rule code or prefix {selector!r}")

    def plain(selectors: list[str]) -> list[str]:
        return [s for s in selectors if split_selector(s)[1] is None]

    def subs(selectors: list[str], code: str) -> list[str]:
        return [sub for s in selectors for base, sub in [split_selector(s)] if sub is not None and base == code]

    whole: set[str] = (
        {r.code for r in rules if r.default}
        if select is None
        else {r.code for r in rules if any(matches(s, r.code) for s in plain(select))}
    )
    whole |= {r.code for r in rules if any(matches(s, r.code) for s in plain(extend_select))}
    wanted = [*(select or []), *extend_select]
    partly = {r.code for r in rules if subs(wanted, r.code)} - whole
    chosen = (whole | partly) - {r.code for r in rules if any(matches(s, r.code) for s in plain(ignore))}
    for rule in rules:
        if rule.subcodes:
            rule.sub_select = tuple(subs(wanted, rule.code)) if rule.code in partly else None
            rule.sub_ignore = tuple(subs(ignore, rule.code))
    return [r for r in rules if r.code in chosen]

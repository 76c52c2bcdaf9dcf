"""The selection's result: an immutable set of rules, read by the run and the reporters.

Selecting rules changes no rule.  What the selection decides beside the rules themselves
lives here: which rules are on by default under the configuration (L101 once a
LanguageTool server is configured), and which sub-codes of a rule with sub-codes are kept
(``--select L101:EN_A_VS_AN``, ``--ignore L101:MORFOLOGIK``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from lintnews.core.finding import Finding
from lintnews.core.options import FrozenMap
from lintnews.core.rule import Rule


@dataclass(frozen=True)
class SubSelection:
    """The sub-codes (prefixes) of one rule to keep (None: all) and to drop."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    def wants(self, subcode: str) -> bool:
        if self.select is not None and not subcode.startswith(self.select):
            return False
        return not subcode.startswith(self.ignore) if self.ignore else True


@dataclass(frozen=True)
class RuleSet(Sequence[Rule]):
    """Rules (each made with its settings), which of them are on by default, and the
    sub-code selection of rules with sub-codes.  A sequence of its rules."""

    rules: tuple[Rule, ...]
    defaults: frozenset[str] = frozenset()  # codes on when nothing is selected
    subcodes: Mapping[str, SubSelection] = field(default_factory=lambda: FrozenMap({}))

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> RuleSet:
        """Rules as they are, under their own defaults, every sub-code kept."""
        if isinstance(rules, RuleSet):
            return rules
        rules = tuple(rules)
        return cls(rules, frozenset(r.code for r in rules if r.on_by_default()))

    # -- a sequence of rules ---------------------------------------------------------------
    @overload
    def __getitem__(self, index: int) -> Rule: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Rule]: ...
    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self.rules[index]

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def restricted(self, keep: Callable[[Rule], bool]) -> RuleSet:
        """The rules ``keep`` accepts, under the same decisions."""
        return RuleSet(tuple(r for r in self.rules if keep(r)), self.defaults, self.subcodes)

    # -- what the selection decided ------------------------------------------------------
    def is_default(self, rule: Rule) -> bool:
        """Whether the rule is on by default under this configuration."""
        return rule.code in self.defaults

    def wants_subcode(self, code: str, subcode: str) -> bool:
        """Whether findings of rule ``code`` with this sub-code are kept."""
        chosen = self.subcodes.get(code)
        return chosen is None or chosen.wants(subcode)

    def keep_selected(self, findings: list[Finding]) -> list[Finding]:
        """The findings whose sub-code the selection keeps (a finding's sub-code is its name)."""
        if not self.subcodes:
            return findings
        return [f for f in findings if self.wants_subcode(f.code, f.name)]

"""The registry: every rule, built in, data-driven or plugged in, in one place, and the
selection of rules by code or prefix (as in ruff)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence

from lintnews.core.options import FrozenMap
from lintnews.core.rule import CODE_RE, Rule, RuleError, registered_classes
from lintnews.rules.ruleset import RuleSet, SubSelection
from lintnews.rules.types import load_packs


def _builtin_rules() -> list[Rule]:
    import lintnews.rules.builtin  # noqa: F401  (registers the built-in rules)

    return [cls() for cls in registered_classes()]


def may_have_plugins() -> bool:
    """Whether an installed distribution may declare an entry point of ``lintnews.rules``.

    Found without importing ``importlib.metadata`` (its import and its scan of every
    installed distribution cost about 20 ms of every run, most of them with no plugin):
    the metadata folders (``*.dist-info``, ``*.egg-info``) of each folder on ``sys.path``
    are looked at, and a file ``entry_points.txt`` that names ``lintnews.rules`` anywhere
    says yes.  Whatever this cannot read as ``importlib.metadata`` would (a zip file on
    the path, a finder of distributions other than the path finder) says yes too: then
    ``importlib.metadata`` decides, as before.
    """
    import importlib.machinery

    for finder in sys.meta_path:
        if finder is not importlib.machinery.PathFinder and hasattr(finder, "find_distributions"):
            return True
    for entry in sys.path:
        folder = entry or "."
        try:
            with os.scandir(folder) as found:
                names = [e.name for e in found if e.name.lower().endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return True  # a zip or an egg on the path
        except OSError:
            continue  # no such folder: nothing installed there
        for name in names:
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as fh:
                    if b"lintnews.rules" in fh.read():
                        return True
            except OSError:
                continue  # no entry points (or an egg-info file)
    return False


def _plugin_rules() -> list[Rule]:
    """Rules from installed packages, through the ``lintnews.rules`` entry-point group.

    An entry point names a :class:`Rule` subclass or a callable returning rules.
    """
    if not may_have_plugins():
        return []
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for ep in sorted(entry_points(group="lintnews.rules"), key=lambda e: e.name):
        # A broken plugin must not take lintnews down, nor end it quietly: sys.exit (or
        # SystemExit raised otherwise) while it is imported or makes its rules would end
        # the run with the plugin's exit code and no output.
        try:
            obj = ep.load()
        except (Exception, SystemExit) as exc:
            raise RuleError(f"plugin {ep.name!r} ({ep.value}) failed to load: {_why(exc)}") from None
        try:
            if isinstance(obj, type) and issubclass(obj, Rule):
                made: object = obj()
            elif callable(obj):
                made = obj()
            else:
                raise RuleError(f"plugin {ep.name!r} is neither a Rule class nor a callable")
            made_rules = [made] if isinstance(made, Rule) else list(made)  # type: ignore[call-overload]
        except RuleError:
            raise
        except (Exception, SystemExit) as exc:
            raise RuleError(f"plugin {ep.name!r} ({ep.value}) failed to make its rules: {_why(exc)}") from None
        if not all(isinstance(r, Rule) for r in made_rules):
            raise RuleError(f"plugin {ep.name!r} ({ep.value}) gave something that is not a rule")
        rules.extend(made_rules)
    return rules


def _why(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    return str(exc) or type(exc).__name__


def all_rules(extra_packs: Iterable[str] = (), plugins: bool = True) -> list[Rule]:
    """Every known rule, sorted by code; codes must be unique and well formed."""
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
    rules: Sequence[Rule],
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> RuleSet:
    """Pick rules by code or code prefix, as ruff does; no rule is changed.

    ``select`` replaces the default set (``ALL`` means every rule); ``extend_select``
    adds to it; ``ignore`` removes.  A selector that matches no rule is an error.  The
    default set is the rules on by default (``rules.defaults`` for a :class:`RuleSet`).

    A rule with sub-codes (a backend's own rule ids) also takes ``CODE:SUBCODE``
    selectors (``L101:EN_A_VS_AN``, or a prefix of the sub-code): selecting one turns
    the rule on for those sub-codes only, unless the rule is selected whole as well;
    ignoring one keeps the rule and drops those sub-codes.  The result holds each such
    rule's :class:`SubSelection`.
    """
    known = RuleSet.of(rules)
    select = list(select) if select is not None else None
    extend_select, ignore = list(extend_select), list(ignore)
    _check_selectors(known, [*(select or []), *extend_select, *ignore])
    whole: set[str] = (
        set(known.defaults) if select is None else {r.code for r in known if any(_matches(s, r.code) for s in _plain(select))}
    )
    whole |= {r.code for r in known if any(_matches(s, r.code) for s in _plain(extend_select))}
    wanted = [*(select or []), *extend_select]
    partly = {r.code for r in known if _subs(wanted, r.code)} - whole
    chosen = (whole | partly) - {r.code for r in known if any(_matches(s, r.code) for s in _plain(ignore))}
    subcodes = {}
    for rule in known:
        if rule.subcodes and rule.code in chosen:
            sub = SubSelection(tuple(_subs(wanted, rule.code)) if rule.code in partly else None, tuple(_subs(ignore, rule.code)))
            if sub != SubSelection():
                subcodes[rule.code] = sub
    return RuleSet(tuple(r for r in known if r.code in chosen), known.defaults, FrozenMap(subcodes))


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _plain(selectors: list[str]) -> list[str]:
    return [s for s in selectors if split_selector(s)[1] is None]


def _subs(selectors: list[str], code: str) -> list[str]:
    return [sub for s in selectors for base, sub in [split_selector(s)] if sub is not None and base == code]


def _check_selectors(rules: RuleSet, selectors: list[str]) -> None:
    by_code = {r.code: r for r in rules}
    for selector in selectors:
        base, sub = split_selector(selector)
        if sub is not None:
            rule = by_code.get(base)
            if rule is None or not rule.subcodes or not sub:
                raise RuleError(f"unknown rule code or prefix {selector!r} (CODE:SUBCODE works only for a rule with sub-codes, such as L101)")
        elif not any(_matches(selector, c) for c in by_code):
            raise RuleError(f"unknown rule code or prefix {selector!r}")

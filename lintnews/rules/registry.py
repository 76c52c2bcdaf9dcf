"""The registry: every rule, built in, data-driven or plugged in, in one place, and the
selection of rules by code or prefix (as in ruff)."""

from __future__ import annotations

from collections.abc import Iterable

from lintnews.core.rule import CODE_RE, Rule, RuleError, registered_classes
from lintnews.rules.types import load_packs


def _builtin_rules() -> list[Rule]:
    import lintnews.rules.builtin  # noqa: F401  (registers the built-in rules)

    return [cls() for cls in registered_classes()]


def _plugin_rules() -> list[Rule]:
    """Rules from installed packages, through the ``lintnews.rules`` entry-point group.

    An entry point names a :class:`Rule` subclass or a callable returning rules.
    """
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

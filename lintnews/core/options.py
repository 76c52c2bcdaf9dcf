"""Options: each declared once, with its name, kind of value, default, help and flag.

The configuration's own options (``select``, ``exclude``, ...) form one table
(:mod:`lintnews.run.options`); a rule declares its options beside its code, as the class
attribute ``options``.  Validation of a configuration file, the command line's flags,
``--show-config`` and the README's table of options are all made from these declarations.

A rule receives its options' values as one frozen settings object (``rule.settings``), a
dataclass made from the declarations, never a loose dict: ``settings.chunk_size``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, make_dataclass
from functools import cache
from typing import Any


class Invalid(ValueError):
    """A value an option does not take.  The message may hold ``{key}`` (the key or flag
    as written) and ``{name}`` (the option's canonical name); the reader fills them in."""


@dataclass(frozen=True)
class Kind:
    """The values an option takes.

    ``check`` turns a value as TOML gives it into the option's value (lists become
    tuples, tables read-only mappings) or raises :class:`Invalid`; ``join`` combines two
    values given for one option (a list from the file and one from the command line),
    None when it cannot be given twice; ``from_flag`` turns what a command-line flag
    received (a string, or a tuple of strings for a ``multiple`` flag) into a TOML value.
    """

    name: str  # for people: "list of strings"
    check: Callable[[Any], Any]
    join: Callable[[Any, Any], Any] | None = None
    multiple: bool = False  # a flag that may be repeated
    from_flag: Callable[[Any], Any] = lambda value: value
    type: Any = Any  # the Python type of a value (the settings' annotations)


@dataclass(frozen=True)
class Option:
    """One option.  ``name`` is the key in ``[tool.lintnews]`` (kebab-case); a rule's
    option lives under ``[tool.lintnews.rules.CODE]`` unless it is ``shared`` (one value at
    the top level for every rule that reads it, such as ``accept``)."""

    name: str
    kind: Kind
    default: Any
    help: str
    flag: str | None = None  # the command-line flag that also sets it ("--select")
    metavar: str | None = None
    command_line: str = "replace"  # "replace": the flag wins; "extend": added to the file's
    aliases: tuple[str, ...] = ()  # other top-level keys that mean this option (older names)
    paths: str | None = None  # "join": paths relative to the file's folder; "relative": the same, as seen from the current directory
    adds_to: str | None = None  # a file of entries, one a line, added to that option
    shared: bool = False
    default_text: str | None = None  # the default in words, when its value says little (None)

    @property
    def attr(self) -> str:
        """The name as a Python attribute: ``chunk-size`` -> ``chunk_size``."""
        return self.name.replace("-", "_")

    def describe_default(self) -> str:
        return self.default_text if self.default_text is not None else show_value(self.default)


def canonical_name(code: str, option: Option) -> str:
    """Where a rule's option lives: ``rules.L101.server``, or ``accept`` if shared."""
    return option.name if option.shared else f"rules.{code}.{option.name}"


# -- values ------------------------------------------------------------------------------
class FrozenMap(Mapping[str, Any]):
    """A read-only table (unlike ``MappingProxyType``, it travels to worker processes)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "_items", dict(items or {}))

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a FrozenMap cannot be changed")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple:
        return (FrozenMap, (self._items,))


def freeze(value: Any) -> Any:
    """Lists as tuples, tables as read-only mappings, all the way down."""
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    if isinstance(value, Mapping):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    return value


def show_value(value: Any) -> str:
    """A value as TOML writes it (``none`` for an unset one)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if hasattr(value, "entries") and not isinstance(value, Mapping):  # a term list
        return show_value(value.entries)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{show_value(str(k))} = {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple, frozenset)):
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    return repr(value)


# -- kinds -------------------------------------------------------------------------------
def _concatenated(a: Any, b: Any) -> Any:
    return (*a, *b)


def _string_list(value: Any, message: str = "'{key}' must be a list of strings") -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise Invalid(message)
    return tuple(value)


def _split_commas(values: Sequence[str]) -> list[str]:
    """``--select N,T1 --select P`` -> ["N", "T1", "P"]."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def strings(commas: bool = False, name: str = "list of strings") -> Kind:
    """A list of strings; on the command line a repeatable flag (comma-separated with ``commas``)."""
    return Kind(
        name,
        _string_list,
        join=_concatenated,
        multiple=True,
        from_flag=_split_commas if commas else list,
        type=tuple[str, ...],
    )


def _check_string(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("'{key}' must be a string")
    return value


STRING = Kind("string", _check_string, type=str)
PATH = Kind("path", _check_string, type=str)


def _check_table_of_lists(value: Any) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise Invalid("'{key}' must be a table of glob = [codes]")
    return FrozenMap({str(k): _string_list(v, "'{key}." + str(k) + "' must be a list of strings") for k, v in value.items()})


TABLE_OF_LISTS = Kind("table of lists of strings", _check_table_of_lists, type=Mapping[str, tuple[str, ...]])


def number(low: float, high: float | None = None, what: str | None = None) -> Kind:
    """A number (an integer or a float, never a boolean) from ``low`` (excluded when
    ``high`` is None: a positive number) to ``high``."""
    what = what or (f"a number from {low:g} to {high:g}" if high is not None else f"a number above {low:g}")

    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Invalid("'{key}' must be " + what)
        if value < low or (high is not None and value > high) or (high is None and value == low):
            raise Invalid("'{key}' must be " + what)
        return float(value)

    return Kind(what.removeprefix("a "), check, type=float)


def integer(low: int) -> Kind:
    """An integer of at least ``low``."""
    what = f"an integer of at least {low}"

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise Invalid("'{key}' must be " + what)
        return value

    return Kind(what.removeprefix("an "), check, type=int)


def pattern_strings(regex: str, what: str) -> Kind:
    """A list of strings each matching ``regex`` (``what`` names them in the message)."""
    compiled = re.compile(regex)

    def check(value: Any) -> tuple[str, ...]:
        items = _string_list(value)
        bad = [v for v in items if not compiled.match(v)]
        if bad:
            raise Invalid("'{key}' holds " + what + ", not " + repr(bad[0]))
        return items

    return Kind(f"list of {what.split(' such as')[0]}", check, join=_concatenated, type=tuple[str, ...])


# -- settings: a frozen dataclass per rule class -----------------------------------------
@cache
def settings_type(rule_class: type) -> type:
    """The settings class of a rule class: one field per declared option, frozen."""
    columns = [(o.attr, o.kind.type, field(default_factory=_constant(o.default))) for o in getattr(rule_class, "options", ())]
    return make_dataclass(
        f"{rule_class.__name__}Settings",
        columns,
        frozen=True,
        namespace={"rule_class": rule_class, "__reduce__": _reduce, "__hash__": None},
    )


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _reduce(settings: Any) -> tuple:
    # A made class cannot be found by its name in another process; its rule class can.
    return (_rebuilt, (settings.rule_class, {f.name: getattr(settings, f.name) for f in fields(settings)}))


def _rebuilt(rule_class: type, values: dict[str, Any]) -> Any:
    return settings_type(rule_class)(**values)


@cache
def default_settings(rule_class: type) -> Any:
    """The settings of a rule that nothing configured: every option at its default."""
    return settings_type(rule_class)()


def make_settings(rule_class: type, values: Mapping[str, Any]) -> Any:
    """Settings of ``rule_class`` from option values by attribute name (the others keep
    their defaults); values are checked by their options' kinds, as a file's are."""
    options = {o.attr: o for o in getattr(rule_class, "options", ())}
    unknown = sorted(set(values) - set(options))
    if unknown:
        raise Invalid(f"{rule_class.__name__} has no option {', '.join(unknown)}")
    checked = {}
    for attr, value in values.items():
        option = options[attr]
        try:
            checked[attr] = option.kind.check(value)
        except Invalid as exc:
            raise Invalid(str(exc).replace("{key}", option.name).replace("{name}", option.name)) from None
    return settings_type(rule_class)(**checked)

"""The configuration's options, declared once: the table below, and the rules' own options
(``options`` of each rule class, under ``[tool.lintnews.rules.CODE]``).

From these declarations come: the checking of ``[tool.lintnews]`` or a ``lintnews.toml``
(:func:`read_table`), the command line's flags that set options (their help included),
``--show-config`` (:func:`show`), and the README's table of options (:func:`render_table`).

A rule's option has one canonical place, ``rules.CODE.NAME``; older top-level names
(``languagetool``, ``languagetool-timeout``, ``mt-threshold``) are aliases that lead there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintnews.analyses.term_lists import ACCEPT, REJECT
from lintnews.core.side_files import read_side_text
from lintnews.core.options import PATH, TABLE_OF_LISTS, FrozenMap, Invalid, Kind, Option, canonical_name, show_value, strings

#: An accept-file or reject-file larger than this is refused (a FIFO or a device is
#: refused whatever its size: see :mod:`lintnews.core.side_files`).
MAX_TERM_LIST_BYTES = 64 * 1024 * 1024


class ConfigError(Exception):
    pass


SELECTORS = strings(commas=True, name="list of rule codes")
GLOBS = strings(name="list of globs")

#: Severities from the least to the most severe (a rule's own severity outside these counts as a warning).
SEVERITIES = ("info", "warning", "error")


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("'{key}' must be true or false")
    return value


def _check_severity(value: Any) -> str:
    if value not in SEVERITIES:
        raise Invalid(f"'{{key}}' must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value


BOOLEAN = Kind("boolean", _check_bool, type=bool)
SEVERITY = Kind("one of error, warning, info", _check_severity, type=str)


def severity_rank(severity: str) -> int:
    """info 0, warning 1, error 2 (another severity, as a plugin's, counts as a warning)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else 1
PATHS = strings(name="list of paths")

OPTIONS: tuple[Option, ...] = (
    Option(
        "select",
        SELECTORS,
        None,
        "Rule codes or prefixes to use instead of the default set (ALL: every rule; L101:RULE_ID: one of a rule's sub-codes).",
        flag="--select",
        metavar="CODES",
        default_text="the rules on by default",
    ),
    Option("extend-select", SELECTORS, (), "Rule codes or prefixes to add to the selection.", flag="--extend-select", metavar="CODES", command_line="extend"),
    Option("ignore", SELECTORS, (), "Rule codes or prefixes to leave out.", flag="--ignore", metavar="CODES", command_line="extend"),
    Option(
        "per-file-ignores",
        TABLE_OF_LISTS,
        FrozenMap({}),
        'Rule codes to leave out in the files a glob matches ("press-releases/*" = ["W101"]); globs match paths relative to the configuration\'s folder.',
    ),
    Option(
        "exclude",
        GLOBS,
        (),
        "Globs of files not to lint (matched against the path as given, relative to the configuration's folder, and the file name; '*' also matches '/').",
        flag="--exclude",
        metavar="GLOB",
    ),
    Option("extend-exclude", GLOBS, (), "Globs of files not to lint, added to exclude.", flag="--extend-exclude", metavar="GLOB", command_line="extend"),
    Option(
        "respect-gitignore",
        BOOLEAN,
        True,
        "Leave out the files git ignores (.gitignore, .git/info/exclude, the global excludes) when a folder is searched; a file named on the command line is always linted.",
        flag="--no-respect-gitignore",
    ),
    Option(
        "fail-on",
        SEVERITY,
        "warning",
        "The lowest severity that fails the run (exit code 1): error, warning or info; by default info findings (house style) are reported but do not fail a commit.",
        flag="--fail-on",
        metavar="SEVERITY",
    ),
    ACCEPT,
    Option(
        "accept-file",
        PATH,
        None,
        "A file of accepted spellings, one term or regex a line (# comments), added to accept.",
        aliases=("vocabulary-file",),
        paths="join",
        adds_to="accept",
    ),
    REJECT,
    Option("reject-file", PATH, None, "A file of rejected spellings, added to reject.", paths="join", adds_to="reject"),
    Option("rule-packs", PATHS, (), "Folders or YAML files of your own data rules.", paths="join"),
    Option(
        "corpus",
        PATHS,
        (),
        "More files or folders the corpus rules compare against, without reporting in them.",
        flag="--corpus",
        metavar="PATH",
        command_line="extend",
        paths="relative",
    ),
    Option("cache-dir", PATH, None, "Keep the corpus index here between runs (default in a git work tree given only files: .git/lintnews).", flag="--cache-dir", metavar="DIR", paths="join"),
)

TOP_LEVEL = {o.name: o for o in OPTIONS}


def builtin_rule_classes() -> list[type]:
    """The built-in Python rule classes (the rules whose options a file can name before
    any plugin or pack is loaded)."""
    from lintnews.core.rule import registered_classes
    import lintnews.rules.builtin  # noqa: F401  (registers the built-in rules)

    return registered_classes()


def rule_options(rule_classes: Iterable[type]) -> Iterator[tuple[str, type, Option]]:
    """``(canonical name, rule class, option)`` for every option of the rules (shared ones
    are the table's, listed there)."""
    for cls in sorted(rule_classes, key=lambda c: c.code):
        for option in cls.options:
            if not option.shared:
                yield canonical_name(cls.code, option), cls, option


def every_option(rule_classes: Iterable[type]) -> list[tuple[str, Option]]:
    """Every option by canonical name: the table's, then the rules' by code."""
    return [(o.name, o) for o in OPTIONS] + [(name, o) for name, _, o in rule_options(rule_classes)]


# -- reading a table: a file's [tool.lintnews], or Python's keywords --------------------------
@dataclass(frozen=True)
class Layer:
    """Option values from one place: the file, the command line, or Python (``api``)."""

    source: str  # "file", "command line" or "api"
    values: Mapping[str, Any]  # canonical name -> value, checked
    options: Mapping[str, Option]  # canonical name -> its option
    keys: Mapping[str, str]  # canonical name -> the key or flag it was given as
    pending: Mapping[str, Any] = field(default_factory=dict)  # rule code -> its table, for rules not known yet
    where: str = ""  # the file (or "--flag", "Config()") for messages
    base: Path | None = None  # paths in the file are relative to this folder


def fail(where: str, message: str, key: str, name: str) -> ConfigError:
    return ConfigError(f"{where}: {message.replace('{key}', key).replace('{name}', name)}")


def _relative(base: Path, path: str) -> str:
    """A path of the configuration, as the user would type it from the current directory."""
    full = base / path
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return str(full)


def _placed(option: Option, value: Any, base: Path | None) -> Any:
    """Paths of a file relative to its folder."""
    if base is None or option.paths is None or value is None:
        return value
    place = (lambda p: str(base / p)) if option.paths == "join" else (lambda p: _relative(base, p))
    return tuple(place(p) for p in value) if isinstance(value, tuple) else place(value)


class _Reader:
    """Checks the keys of one table into a :class:`Layer`."""

    def __init__(self, source: str, where: str, base: Path | None) -> None:
        self.source, self.where, self.base = source, where, base
        self.values: dict[str, Any] = {}
        self.options: dict[str, Option] = {}
        self.keys: dict[str, str] = {}

    def take(self, name: str, option: Option, key: str, raw: Any) -> None:
        try:
            value = _placed(option, option.kind.check(raw), self.base)
        except Invalid as exc:
            raise fail(self.where, str(exc), key, name) from None
        if name in self.values:
            if option.kind.join is None:
                raise ConfigError(f"{self.where}: '{self.keys[name]}' and '{key}' are the same option: give one")
            value = option.kind.join(self.values[name], value)
        self.values[name], self.options[name], self.keys[name] = value, option, key

    def layer(self, pending: Mapping[str, Any] = FrozenMap({})) -> Layer:
        return Layer(self.source, FrozenMap(self.values), FrozenMap(self.options), FrozenMap(self.keys), pending, self.where, self.base)


def _top_level_keys(rule_classes: Iterable[type]) -> dict[str, tuple[str, Option]]:
    """Every top-level key, alias first, with the canonical name and option it sets."""
    keys: dict[str, tuple[str, Option]] = {}
    for name, option in every_option(rule_classes):
        for key in (*option.aliases, *((option.name,) if name == option.name else ())):
            keys[key] = (name, option)
    return keys


def read_table(table: Mapping[str, Any], source: str, where: str, base: Path | None = None, rule_classes: Sequence[type] = ()) -> Layer:
    """Check every key of ``table`` (unknown ones and wrong types are errors) into a
    layer.  ``rules`` tables of rules among ``rule_classes`` are checked too; those of
    other codes wait, unchecked, in ``pending`` (:func:`check_pending`)."""
    keys = _top_level_keys(rule_classes)
    unknown = sorted(set(table) - set(keys) - {"rules"})
    if unknown:
        raise ConfigError(f"{where}: unknown option(s): {', '.join(unknown)} (known: {', '.join(sorted([*keys, 'rules']))})")
    reader = _Reader(source, where, base)
    for key, (name, option) in keys.items():
        if key in table:
            reader.take(name, option, key, table[key])
    pending = _read_rules(reader, table.get("rules", {}), {cls.code: cls for cls in rule_classes})
    _add_files(reader)
    return reader.layer(pending)


def _read_rules(reader: _Reader, rules: Any, known: Mapping[str, type]) -> dict[str, Any]:
    """The ``[rules.CODE]`` tables: those of ``known`` rules into ``reader``, the others back."""
    if not isinstance(rules, Mapping) or not all(isinstance(t, Mapping) for t in rules.values()):
        raise ConfigError(f"{reader.where}: 'rules' must be a table of tables: [rules.CODE] with the rule's options")
    pending = {}
    for code, table in rules.items():
        if code not in known:
            pending[code] = table
            continue
        options = {o.name: o for o in known[code].options if not o.shared}
        unknown = sorted(set(table) - set(options))
        if unknown:
            raise ConfigError(f"{reader.where}: unknown option(s) of {code}: {', '.join(unknown)} (known: {', '.join(sorted(options)) or 'none'})")
        for key, raw in table.items():
            reader.take(canonical_name(code, options[key]), options[key], f"rules.{code}.{key}", raw)
    return pending


def _add_files(reader: _Reader) -> None:
    """The entries of files (``accept-file``) added to the options they feed."""
    for name, value in list(reader.values.items()):
        option = reader.options[name]
        if option.adds_to is None or value is None:
            continue
        key = reader.keys[name]
        try:
            lines = read_side_text(Path(value), MAX_TERM_LIST_BYTES).splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            shown = os.path.relpath(value, reader.base) if reader.base is not None else value
            raise ConfigError(f"{reader.where}: {key} {shown!r}: {getattr(exc, 'strerror', None) or exc}") from None
        entries = [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]
        reader.take(option.adds_to, TOP_LEVEL[option.adds_to], option.adds_to, entries)


def check_pending(layer: Layer, rule_classes: Sequence[type]) -> Layer:
    """The layer with its waiting ``rules`` tables checked, now that every rule is known;
    a code no rule has is an error."""
    if not layer.pending:
        return layer
    known = {cls.code: cls for cls in rule_classes}
    strangers = sorted(code for code in layer.pending if code not in known)
    if strangers:
        raise ConfigError(f"{layer.where}: [rules.{strangers[0]}]: no rule has the code {strangers[0]}")
    reader = _Reader(layer.source, layer.where, layer.base)
    reader.values, reader.options, reader.keys = dict(layer.values), dict(layer.options), dict(layer.keys)
    _read_rules(reader, layer.pending, known)
    return reader.layer()


def read_flags(given: Mapping[str, Any], rule_classes: Sequence[type]) -> Layer:
    """The command line's flags that set options: option name -> what click parsed (a
    flag not given is None or an empty tuple, and sets nothing)."""
    reader = _Reader("command line", "", None)
    for name, option in every_option(rule_classes):
        raw = given.get(name)
        if option.flag is None or raw is None or raw == ():
            continue
        reader.where = option.flag
        reader.take(name, option, option.flag.lstrip("-"), option.kind.from_flag(raw))
    return reader.layer()


# -- the README's table of options ------------------------------------------------------------
def render_table(rule_classes: Iterable[type]) -> str:
    """The README's table: every option of the table, then each rule's under its key."""
    lines = ["| option | type | default | flag | what it sets |", "|---|---|---|---|---|"]
    lines += [_row(o.name, o, "alias") for o in OPTIONS]
    by_code: dict[str, list[Option]] = {}
    names: dict[str, str] = {}
    for name, cls, option in rule_options(rule_classes):
        by_code.setdefault(cls.code, []).append(option)
        names[cls.code] = cls.name
    for code, options in by_code.items():
        lines.append(f"| **`[rules.{code}]`** | | | | **{code} {names[code]}** |")
        lines += [_row(o.name, o, "at the top level also") for o in options]
    lines.append("")
    lines.append("`lintnews --show-config` prints every option's value and where it came from.")
    return "\n".join(lines)


def _row(name: str, option: Option, alias_word: str) -> str:
    default = option.default_text if option.default_text is not None else f"`{show_value(option.default)}`"
    also = f" ({alias_word} {', '.join(f'`{a}`' for a in option.aliases)})" if option.aliases else ""
    flag = f"`{option.flag}`" if option.flag else ""
    cells = [f"`{name}`", option.kind.name, default, flag, option.help.rstrip(".") + also + "."]
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

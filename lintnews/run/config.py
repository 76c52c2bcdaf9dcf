"""Configuration: ``[tool.lintnews]`` in ``pyproject.toml`` or a ``lintnews.toml``.

Found by walking up from the common folder of the paths given (the command line starts
there; without paths, from the current directory): the first ``lintnews.toml``, or the
first ``pyproject.toml`` with a ``[tool.lintnews]`` table, wins; or named with
``--config``.  Every key is checked against the declared options
(:mod:`lintnews.run.options`, and each rule's own): an unknown key or a wrong type is an
error with the file's name, never silently ignored.

A :class:`Config` is frozen: the command line's flags make another one, whose every
value remembers where it came from (default, file, command line) for ``--show-config``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lintnews.core.side_files import read_side_file
from lintnews.core.options import Option, canonical_name, settings_type, show_value
from lintnews.run.options import OPTIONS, TOP_LEVEL, ConfigError, Layer, builtin_rule_classes, check_pending, read_flags, read_table



def _toml() -> Any:
    """The TOML parser, imported when a TOML file is first read (a run without a
    configuration file, as one file in a folder without one, does without it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib

__all__ = ["Config", "ConfigError", "find_config", "load_config", "show"]


#: A configuration file larger than this is refused (a FIFO or a device is refused whatever
#: its size: see :mod:`lintnews.core.side_files`).
MAX_CONFIG_BYTES = 10 * 1024 * 1024


class Config:
    """Every option's value, from layers read in order (the file, then the command line):
    a later layer's value replaces an earlier one's, or extends it (``extend-select``).

    ``Config(select=["N"], accept=["Zabihullah Mujahid"])`` configures from Python: the
    keywords are the options' names (``_`` for ``-``, older names too), checked as a
    file's keys are.  Top-level options read as attributes (``config.per_file_ignores``).
    """

    def __init__(self, path: Path | None = None, layers: Sequence[Layer] = (), **values: Any) -> None:
        if values:
            table = {key.replace("_", "-"): value for key, value in values.items()}
            layers = (*layers, read_table(table, "api", "Config()", None, builtin_rule_classes()))
        resolved, origins = _resolve(layers)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "layers", tuple(layers))
        object.__setattr__(self, "_values", resolved)
        object.__setattr__(self, "_origins", origins)

    path: Path | None
    layers: tuple[Layer, ...]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Config is frozen; make another (Config(...), with_command_line) to set {name!r}")

    def __getattr__(self, attr: str) -> Any:
        option = TOP_LEVEL.get(attr.replace("_", "-")) if not attr.startswith("_") else None
        if option is None:
            raise AttributeError(f"Config has no option {attr!r}")
        return self.value(option.name, option)

    def __repr__(self) -> str:
        return f"Config(path={self.path!r}, values={dict(self._values)!r})"

    def value(self, name: str, option: Option) -> Any:
        """The value of the option at canonical ``name`` (its default if none was given)."""
        return self._values.get(name, option.default)

    def origin(self, name: str) -> str:
        """Where the value came from: ``default``, ``file``, ``command line (--select)``, ..."""
        return self._origins.get(name, "default")

    def given(self, source: str) -> Mapping[str, Any]:
        """The values one layer gave (``"file"``): canonical name -> value."""
        return {k: v for layer in self.layers if layer.source == source for k, v in layer.values.items()}

    def with_command_line(self, flags: Mapping[str, Any]) -> Config:
        """This configuration with the command line's flags on top (option name -> value)."""
        layer = read_flags(flags, builtin_rule_classes())
        return Config(self.path, (*self.layers, layer)) if layer.values else self

    def with_rules(self, rule_classes: Sequence[type]) -> Config:
        """This configuration with the ``rules`` tables of every known rule checked (those
        of rules from packs and plugins wait until the rules are loaded)."""
        if not any(layer.pending for layer in self.layers):
            return self
        return Config(self.path, tuple(check_pending(layer, rule_classes) for layer in self.layers))

    def settings_for(self, rule_class: type, code: str) -> Any:
        """The settings of a rule under this configuration (a frozen dataclass)."""
        values = {o.attr: self.value(canonical_name(code, o), o) for o in rule_class.options}
        return settings_type(rule_class)(**values)


def _resolve(layers: Sequence[Layer]) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:
        for name, value in layer.values.items():
            option = layer.options[name]
            key = layer.keys[name]
            here = _origin(layer.source, option, key, name)
            if name in values and option.command_line == "extend" and option.kind.join is not None:
                values[name] = option.kind.join(values[name], value)
                origins[name] = f"{origins[name]} + {here}"
            else:
                values[name], origins[name] = value, here
    return values, origins


def _origin(source: str, option: Option, key: str, name: str) -> str:
    if source == "command line":
        return f"command line ({option.flag})"
    return source if key == name else f"{source} (as {key})"


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "lintnews.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                raw = read_side_file(candidate, MAX_CONFIG_BYTES)
            except OSError:
                continue  # an unreadable pyproject is not ours to report
            tomllib = _toml()
            try:
                tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
                if isinstance(tool, dict) and "lintnews" in tool:
                    return candidate
            except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                # An unrelated broken pyproject is not ours to report; one that has a
                # [tool.lintnews] table is (load_config says what is wrong with it): its
                # settings would otherwise be lost without a word.
                if _MENTIONS_LINTNEWS.search(raw):
                    return candidate
    return None


#: ``[tool.lintnews]``, ``[tool.lintnews.rules.N101]`` or ``tool.lintnews.select = ...`` at
#: the start of a line: a pyproject meant to configure lintnews, parsed or not.
_MENTIONS_LINTNEWS = re.compile(rb"^[ \t]*\[?[ \t]*tool[ \t]*\.[ \t]*[\"']?lintnews\b", re.MULTILINE)


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    tomllib = _toml()
    try:
        data = tomllib.loads(read_side_file(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except RecursionError:
        raise ConfigError(f"{path}: malformed TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    table = data.get("tool", {}).get("lintnews", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.lintnews] must be a table")
    return Config(path, (read_table(table, "file", str(path), path.parent, builtin_rule_classes()),))


def show(config: Config, rules: Sequence[Any], searched_from: Path | None = None) -> str:
    """``--show-config``: the file loaded, then every option (the table's, then each rule's)
    as ``name = value  # where it came from``.  ``searched_from``: the folder the search for
    the file started in, when it was not the current one (the paths' common folder)."""
    config = config.with_rules([type(r) for r in rules])  # the tables of rules from packs and plugins
    rows = [(o.name, o) for o in OPTIONS]
    for rule in sorted(rules, key=lambda r: r.code):
        rows += [(canonical_name(rule.code, o), o) for o in type(rule).options if not o.shared]
    lines = [f"# configuration: {config.path}" if config.path is not None else "# configuration: none found (every option at its default)"]
    if searched_from is not None:
        lines[0] += f" (searched from {searched_from}, the common folder of the paths given, upward)"
    for name, option in rows:
        origin = config.origin(name)
        if origin == "default" and option.default_text is not None:
            origin = f"default: {option.default_text}"
        lines.append(f"{name} = {show_value(config.value(name, option))}  # {origin}")
    return "\n".join(lines) + "\n"

"""Configuration: ``[tool.lintnews]`` in ``pyproject.toml`` or a ``lintnews.toml``.

Found by walking up from the current directory (the first ``lintnews.toml``, or the
first ``pyproject.toml`` with a ``[tool.lintnews]`` table, wins), or named with
``--config``.  Every key is checked: an unknown key or a wrong type is an error with
the file's name, never silently ignored.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    mt_threshold: float | None = None  # None: the model's own threshold

    def rule_settings(self) -> dict[str, Any]:
        return {"vocabulary": self.vocabulary, "mt-threshold": self.mt_threshold}


_LIST_KEYS = {"select", "extend-select", "ignore", "vocabulary", "rule-packs", "exclude"}
_KNOWN = _LIST_KEYS | {"per-file-ignores", "vocabulary-file", "mt-threshold"}


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "lintnews.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                with open(candidate, "rb") as fh:
                    tool = tomllib.load(fh).get("tool", {})
                if isinstance(tool, dict) and "lintnews" in tool:
                    return candidate
            except (OSError, tomllib.TOMLDecodeError):
                continue  # an unrelated broken pyproject is not ours to report
    return None


def _string_list(value: Any, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return list(value)


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    table = data.get("tool", {}).get("lintnews", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.lintnews] must be a table")
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown option(s): {', '.join(unknown)} (known: {', '.join(sorted(_KNOWN))})")
    cfg = Config(path=path)
    base = path.parent
    if "select" in table:
        cfg.select = _string_list(table["select"], "select", path)
    cfg.extend_select = _string_list(table.get("extend-select", []), "extend-select", path)
    cfg.ignore = _string_list(table.get("ignore", []), "ignore", path)
    cfg.vocabulary = _string_list(table.get("vocabulary", []), "vocabulary", path)
    cfg.exclude = _string_list(table.get("exclude", []), "exclude", path)
    cfg.rule_packs = [str(base / p) for p in _string_list(table.get("rule-packs", []), "rule-packs", path)]
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
    cfg.per_file_ignores = {str(k): _string_list(v, f"per-file-ignores.{k}", path) for k, v in pfi.items()}
    if "mt-threshold" in table:
        value = table["mt-threshold"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{path}: 'mt-threshold' must be a number from 0 to 1")
        cfg.mt_threshold = float(value)
    if "vocabulary-file" in table:
        vf = table["vocabulary-file"]
        if not isinstance(vf, str):
            raise ConfigError(f"{path}: 'vocabulary-file' must be a string")
        try:
            words = (base / vf).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: vocabulary-file {vf!r}: {exc}") from None
        cfg.vocabulary += [w.strip() for w in words if w.strip() and not w.startswith("#")]
    return cfg

"""Configuration: ``[tool.lintnews]`` in ``pyproject.toml`` or a ``lintnews.toml``.

Found by walking up from the current directory (the first ``lintnews.toml``, or the
first ``pyproject.toml`` with a ``[tool.lintnews]`` table, wins), or named with
``--config``.  Every key is checked: an unknown key or a wrong type is an error with
the file's name, never silently ignored.
"""

from __future__ import annotations

import os
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
    vocabulary: list[str] = field(default_factory=list)  # accepted terms
    reject: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    corpus: list[str] = field(default_factory=list)  # context for the corpus rules, never reported
    cache_dir: str | None = None

    def rule_settings(self) -> dict[str, Any]:
        from lintnews.vocabulary import term_list

        return {"accept": term_list(self.vocabulary), "reject": term_list(self.reject)}


_LIST_KEYS = {"select", "extend-select", "ignore", "vocabulary", "accept", "reject", "rule-packs", "exclude", "corpus"}
# "vocabulary" and "vocabulary-file" are the first names of "accept" and "accept-file".
_FILE_KEYS = {"vocabulary-file": "vocabulary", "accept-file": "vocabulary", "reject-file": "reject"}
_KNOWN = _LIST_KEYS | set(_FILE_KEYS) | {"per-file-ignores", "cache-dir"}


def _relative(base: Path, path: str) -> str:
    """A path of the configuration, as the user would type it from the current directory."""
    full = base / path
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return str(full)


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
    cfg.vocabulary += _string_list(table.get("accept", []), "accept", path)
    cfg.reject = _string_list(table.get("reject", []), "reject", path)
    cfg.exclude = _string_list(table.get("exclude", []), "exclude", path)
    cfg.rule_packs = [str(base / p) for p in _string_list(table.get("rule-packs", []), "rule-packs", path)]
    cfg.corpus = [_relative(base, p) for p in _string_list(table.get("corpus", []), "corpus", path)]
    if "cache-dir" in table:
        if not isinstance(table["cache-dir"], str):
            raise ConfigError(f"{path}: 'cache-dir' must be a string")
        cfg.cache_dir = str(base / table["cache-dir"])
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
    cfg.per_file_ignores = {str(k): _string_list(v, f"per-file-ignores.{k}", path) for k, v in pfi.items()}
    for key, target in sorted(_FILE_KEYS.items()):
        if key not in table:
            continue
        vf = table[key]
        if not isinstance(vf, str):
            raise ConfigError(f"{path}: '{key}' must be a string")
        try:
            words = (base / vf).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {key} {vf!r}: {exc}") from None
        getattr(cfg, target).extend(w.strip() for w in words if w.strip() and not w.lstrip().startswith("#"))
    from lintnews.vocabulary import VocabularyError, term_list

    for name, entries in (("accept", cfg.vocabulary), ("reject", cfg.reject)):
        try:
            term_list(entries)
        except VocabularyError as exc:
            raise ConfigError(f"{path}: {name}: {exc}") from None
    return cfg

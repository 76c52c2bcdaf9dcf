"""Configuration: ``[tool.lintnews]`` in ``pyproject.toml`` or a ``lintnews.toml``.

Found by walking up from the current directory (the first ``lintnews.toml``, or the
first ``pyproject.toml`` with a ``[tool.lintnews]`` table, wins), or named with
``--config``.  Every key is checked: an unknown key or a wrong type is an error with
the file's name, never silently ignored.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintnews.analyses.term_lists import VocabularyError, term_list
from lintnews.core.side_files import read_side_file, read_side_text
from lintnews.rules.languagetool.protocol import DEFAULT_CATEGORIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    pass


#: A configuration file larger than this is refused (a FIFO or a device is refused whatever
#: its size: see :mod:`lintnews.core.side_files`).
MAX_CONFIG_BYTES = 10 * 1024 * 1024
#: An accept-file or reject-file larger than this is refused.
MAX_TERM_LIST_BYTES = 64 * 1024 * 1024


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
    # LanguageTool (rule L101): "local", a server URL, or None (off)
    languagetool: str | None = None
    languagetool_language: str = "en-US"
    languagetool_categories: list[str] = field(default_factory=lambda: list(DEFAULT_CATEGORIES))
    languagetool_timeout: float = 60.0
    languagetool_chunk_size: int = 10_000
    languagetool_workers: int = 4
    languagetool_cache: str | None = ".lintnews-cache/languagetool"
    mt_threshold: float | None = None  # None: the model's own threshold

    def rule_settings(self) -> dict[str, Any]:
        return {
            "accept": term_list(self.vocabulary),
            "reject": term_list(self.reject),
            "languagetool": self.languagetool,
            "languagetool_language": self.languagetool_language,
            "languagetool_categories": self.languagetool_categories,
            "languagetool_timeout": self.languagetool_timeout,
            "languagetool_chunk_size": self.languagetool_chunk_size,
            "languagetool_workers": self.languagetool_workers,
            "languagetool_cache": self.languagetool_cache,
            "mt-threshold": self.mt_threshold,
        }


_LIST_KEYS = {"select", "extend-select", "ignore", "vocabulary", "accept", "reject", "rule-packs", "exclude", "corpus"}
# "vocabulary" and "vocabulary-file" are the first names of "accept" and "accept-file".
_FILE_KEYS = {"vocabulary-file": "vocabulary", "accept-file": "vocabulary", "reject-file": "reject"}
_LANGUAGETOOL_KEYS = {
    "languagetool",
    "languagetool-language",
    "languagetool-categories",
    "languagetool-timeout",
    "languagetool-chunk-size",
    "languagetool-workers",
    "languagetool-cache",
}
_KNOWN = _LIST_KEYS | set(_FILE_KEYS) | {"per-file-ignores", "cache-dir", "mt-threshold"} | _LANGUAGETOOL_KEYS


def _relative(base: Path, path: str) -> str:
    """A path of the configuration, as the user would type it from the current directory."""
    full = base / path
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return str(full)


def check_languagetool_server(value: str, where: str) -> str | None:
    """``"local"``, an http(s) URL, or ``"off"`` (None); anything else is an error."""
    if value == "off":
        return None
    if value == "local" or re.match(r"^https?://[^\s/]+", value):
        return value
    raise ConfigError(f"{where}: languagetool must be \"local\", \"off\" or a server URL such as http://localhost:8081, not {value!r}")


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "lintnews.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                tool = tomllib.loads(read_side_file(candidate, MAX_CONFIG_BYTES).decode("utf-8")).get("tool", {})
                if isinstance(tool, dict) and "lintnews" in tool:
                    return candidate
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
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
    if "mt-threshold" in table:
        value = table["mt-threshold"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{path}: 'mt-threshold' must be a number from 0 to 1")
        cfg.mt_threshold = float(value)
    for key, target in sorted(_FILE_KEYS.items()):
        if key not in table:
            continue
        vf = table[key]
        if not isinstance(vf, str):
            raise ConfigError(f"{path}: '{key}' must be a string")
        try:
            words = read_side_text(base / vf, MAX_TERM_LIST_BYTES).splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {key} {vf!r}: {getattr(exc, 'strerror', None) or exc}") from None
        getattr(cfg, target).extend(w.strip() for w in words if w.strip() and not w.lstrip().startswith("#"))

    for name, entries in (("accept", cfg.vocabulary), ("reject", cfg.reject)):
        try:
            term_list(entries)
        except VocabularyError as exc:
            raise ConfigError(f"{path}: {name}: {exc}") from None
    _load_languagetool(cfg, table, path)
    return cfg


def _load_languagetool(cfg: Config, table: dict[str, Any], path: Path) -> None:
    if "languagetool" in table:
        if not isinstance(table["languagetool"], str):
            raise ConfigError(f"{path}: 'languagetool' must be a string (\"local\" or a server URL)")
        cfg.languagetool = check_languagetool_server(table["languagetool"], str(path))
    if "languagetool-language" in table:
        if not isinstance(table["languagetool-language"], str) or not table["languagetool-language"]:
            raise ConfigError(f"{path}: 'languagetool-language' must be a language code such as \"en-US\"")
        cfg.languagetool_language = table["languagetool-language"]
    if "languagetool-categories" in table:
        categories = _string_list(table["languagetool-categories"], "languagetool-categories", path)
        bad = [c for c in categories if not re.match(r"^[A-Z][A-Z_]*$", c)]
        if bad:
            raise ConfigError(f"{path}: 'languagetool-categories' holds LanguageTool category ids such as GRAMMAR, not {bad[0]!r}")
        cfg.languagetool_categories = categories
    for key, attr, low in (("languagetool-timeout", "languagetool_timeout", 0), ("languagetool-chunk-size", "languagetool_chunk_size", 100), ("languagetool-workers", "languagetool_workers", 1)):
        if key not in table:
            continue
        value = table[key]
        integral = key != "languagetool-timeout"
        kinds = (int,) if integral else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < low or (not integral and value == 0):
            what = f"an integer of at least {low}" if integral else "a positive number of seconds"
            raise ConfigError(f"{path}: '{key}' must be {what}")
        setattr(cfg, attr, value)
    if "languagetool-cache" in table:
        value = table["languagetool-cache"]
        if value is False:
            cfg.languagetool_cache = None
        elif isinstance(value, str) and value:
            cfg.languagetool_cache = str(path.parent / value)
        else:
            raise ConfigError(f"{path}: 'languagetool-cache' must be a folder (a string) or false")

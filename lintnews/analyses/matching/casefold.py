"""Python's case folding under ``IGNORECASE``, code point by code point.

The phrase automaton (``phrase_set``) folds a text the way ``re`` compares letters, and the
RE2 superset translator (``superset``) lists the letters ``re`` matches to a literal; both
read the fold here, so neither imports the other.
"""

from __future__ import annotations

import functools

#: No code point after this one has a case fold other than itself (a test checks every
#: code point), so the table is built from the ones before it.
LAST_CASED = 0x1FFFF


def _case_fixes() -> dict[int, tuple[int, ...]]:
    """Python's extra case equivalences (``ſ`` with ``s``, the Kelvin sign with ``k``):
    lower-case code point -> the others that match it under ``IGNORECASE``."""
    from re import _compiler  # type: ignore[attr-defined]

    return getattr(_compiler, "_EXTRA_CASES", None) or getattr(_compiler, "_ignorecase_fixes", {})


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    """Code point -> its case fold, for every code point whose fold is not itself."""
    import _sre

    fixes = _case_fixes()
    table = {}
    for code in range(LAST_CASED + 1):
        if not _sre.unicode_iscased(code):
            continue
        lower = _sre.unicode_tolower(code)
        folded = min(lower, *fixes[lower]) if lower in fixes else lower
        if folded != code:
            table[code] = folded
    return table


@functools.lru_cache(maxsize=1)
def _folded_together() -> dict[int, tuple[int, ...]]:
    """A case fold -> every code point with that fold (itself included), for the folds
    shared by more than one code point."""
    table = _fold_table()
    groups: dict[int, list[int]] = {}
    for code, folded in table.items():
        groups.setdefault(folded, [folded] if folded not in table else []).append(code)
    return {folded: tuple(sorted(codes)) for folded, codes in groups.items()}


def same_fold(ch: str) -> str:
    """Every character Python's ``re`` matches to ``ch`` under ``IGNORECASE`` (``ch`` too)."""
    folded = _fold_table().get(ord(ch), ord(ch))
    return "".join(map(chr, _folded_together().get(folded, (ord(ch),))))


def fold(ch: str) -> str:
    """The character two characters share when Python's ``re`` matches one against the
    other under ``IGNORECASE`` (its lower case, or the least of its extra equivalents)."""
    return chr(_fold_table().get(ord(ch), ord(ch)))

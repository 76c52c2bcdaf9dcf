"""HTML character references left in plain text ("Jos&eacute;", "&#214;tztal"): W106
reports them; the spelling rules must not call their pieces misspellings."""

from __future__ import annotations

import re

# An HTML character reference ("&eacute;", "&#214;", "&#xD6;"), and one that ends right
# before or starts right after a word.
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_ENTITY_BEFORE = re.compile(rf"(?:{_ENTITY}|&(?:[A-Za-z][A-Za-z0-9]{{0,31}}|#[xX]?)?)$")
_ENTITY_AFTER = re.compile(_ENTITY)


def touches_entity(view: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is an HTML entity's name ("eacute" of
    "&eacute;") or a piece of a word an entity cuts ("Jos" of "Jos&eacute;", "tztal" of
    "&#214;tztal"): residue W106 reports, not a misspelling."""
    return bool(_ENTITY_BEFORE.search(view, max(0, start - 40), start) or _ENTITY_AFTER.match(view, end))

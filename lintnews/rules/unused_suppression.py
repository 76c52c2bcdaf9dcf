"""X100 unused-suppression: a suppression marker that suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register


@register
class UnusedSuppression(DocumentRule):
    """Finds a ``<!-- lintnews: disable... -->`` marker that suppresses no finding.

    Why: a marker left behind after the text was corrected will silently hide the next
    real finding at that place; like ruff's unused ``noqa`` check, lintnews reports it.

    Example: ``<!-- lintnews: disable-line=P101 -->`` on a line without doubled
    punctuation.

    Reported only when a rule the marker names is selected in the run.
    """

    code = "X100"
    name = "unused-suppression"

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # reported by the engine after suppressions are applied

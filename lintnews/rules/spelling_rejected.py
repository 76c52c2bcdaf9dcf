"""S102 rejected-term."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.term_lists import REJECT


@register
class RejectedTerm(DocumentRule):
    """Finds terms the newsroom has rejected (``reject``/``reject-file`` in the
    configuration): a spelling of a name or a word it does not use.

    Why: a house list ("we write Zabihullah, never Zabiullah") catches the spellings a
    style guide rules out even where the corpus has no other spelling to compare with.

    Example: with ``reject = ["Zabiullah"]``, ``spokesman Zabiullah Mujahid said`` is
    reported.

    Entries are whole words or regular expressions, case-insensitive unless they start
    with ``(?-i)``.  Without a reject list the rule finds nothing.
    """

    code = "S102"
    name = "rejected-term"
    severity = "error"

    options = (REJECT,)

    def check(self, doc: Document) -> Iterator[Finding]:
        reject = self.settings.reject
        if not reject.entries:
            return
        for m in reject.finditer(doc.view):
            if m.end() > m.start():
                yield self.finding(doc, m.start(), m.end(), f"'{m.group(0)}' is on the rejected list of this newsroom")

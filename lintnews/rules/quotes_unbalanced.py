"""P103 unbalanced-quotes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern

_OPEN, _CLOSE = "“", "”"
MARKS = Pattern("marks", f"[{_OPEN}{_CLOSE}]")
_STRAIGHT = '"'
# A straight quote by its shape: an opener stands after a space, a bracket or a dash and
# before a word; a closer after a word or a mark and before a space, a mark or the line's
# end.  One after a digit is an inch or a second (5'10"), and is left alone.
#: A quotation left open is closed by a closer at most this many lines further on.
CONTINUED_LINES = 3
_STRAIGHT_MARK = re.compile(r'(?<!\d)"')
_OPENER_BEFORE = frozenset(" \t([{—–-/")
_CLOSER_AFTER = frozenset(" \t.,;:!?)]}—–-…'’")


@register
class UnbalancedQuotes(DocumentRule):
    """Finds a closing quotation mark that no opening one precedes, and an opening one
    that is never closed, counting over the whole document.

    Why: machine translation reorders clauses and drops or duplicates quotation marks,
    so readers cannot tell who said what.

    Example: ``he said the talks were over.” The envoy left`` (no opening ``“`` before it).

    The count runs over the whole document, not line by line: news style lets a
    quotation run over several paragraphs, and sentence-per-line text splits one
    quotation over several lines.  Only typographic quotes are counted: a straight
    ``"`` cannot tell opening from closing.  A quotation opened with a straight ``"`` and
    closed with a curly ``”`` on the same line (or opened curly and closed straight) is
    not unbalanced: it is reported as mixed quotation marks, at the straight one.

    A stray mark inside a clause is also found, in either style (a straight quote read by
    its shape: after a space and before a word it opens, after a word and before a space
    or a mark it closes), on a line holding an odd number of them: an opener after a
    lower-case word that another opener follows before any closer, or that is never
    closed (``called the plan "reckless and left``), and a closer between a word and a
    lower-case word that nothing opened (``the policy" had failed``).  Of two openers or
    two closers, the one inside the clause is reported.  Quotations that run over lines
    or are reopened at a paragraph's start, a quotation inside a quotation, inches
    (``6"``) and an apostrophe typed as a quote after a plural's s are left alone.
    """

    code = "P103"
    name = "unbalanced-quotes"

    needs = (MARKS,)

    def check(self, doc: Document, marks: list) -> Iterator[Finding]:
        reported: set[int] = set()
        for finding in self._document_balance(doc, marks):
            reported.add(finding.start)
            yield finding
        view = doc.view
        curly = [(m.start(), "open" if m.group() == _OPEN else "close") for m in marks]
        straight = _straight_marks(view) if _STRAIGHT in view else []
        index = doc.index
        for sequence in (curly, straight):
            lines = Counter(index.line_of(at) for at, _ in sequence)
            for at, message in _out_of_order(view, sequence, lambda at: index.starts[index.line_of(at) - 1]):
                # an odd number of marks on the line: an even one is a quotation inside
                # one, or two quotations that run over lines
                if at not in reported and lines[index.line_of(at)] % 2 == 1:
                    reported.add(at)
                    yield self.finding(doc, at, at + 1, message)

    def _document_balance(self, doc: Document, marks: list) -> Iterator[Finding]:
        view = doc.view
        open_stack: list[int] = []
        for m in marks:
            i = m.start()
            if m.group() == _OPEN:
                open_stack.append(i)
            else:
                if open_stack:
                    open_stack.pop()
                else:
                    straight = self._straight_partner(view, i, before=True)
                    if straight is not None:
                        yield self._mixed(doc, straight, _OPEN)
                    else:
                        yield self.finding(doc, i, i + 1, "closing quotation mark without an opening one")
        last_open, last_close = view.rfind(_OPEN), view.rfind(_CLOSE)
        for i in open_stack:
            # A quote left open that a later paragraph reopens is a continued quotation.
            if last_open <= i or last_close <= i:
                straight = self._straight_partner(view, i, before=False)
                if straight is not None:
                    yield self._mixed(doc, straight, _CLOSE)
                else:
                    yield self.finding(doc, i, i + 1, "quotation mark opened and never closed")

    @staticmethod
    def _straight_partner(view: str, i: int, before: bool) -> int | None:
        """The straight quote that pairs with the curly one at ``i`` on its line: the last
        of an odd number of straight quotes before it (an opener), or the first of an odd
        number after it (a closer), with no curly quote between them."""
        line_start = view.rfind("\n", 0, i) + 1
        line_end = view.find("\n", i)
        line_end = len(view) if line_end == -1 else line_end
        if before:
            span = view[line_start:i]
            span = span[max(span.rfind(_OPEN), span.rfind(_CLOSE)) + 1 :]
            count = span.count(_STRAIGHT)
            return i - len(span) + span.rfind(_STRAIGHT) if count % 2 else None
        span = view[i + 1 : line_end]
        cut = min((p for p in (span.find(_OPEN), span.find(_CLOSE)) if p != -1), default=len(span))
        span = span[:cut]
        return i + 1 + span.find(_STRAIGHT) if span.count(_STRAIGHT) % 2 else None

    def _mixed(self, doc: Document, at: int, curly: str) -> Finding:
        return self.finding(
            doc,
            at,
            at + 1,
            f"mixed quotation marks: a straight '\"' pairs with a curly one; write '{curly}'",
            suggestion=curly,
        )


def _straight_shape(line: str, i: int) -> str | None:
    """'open', 'close' or None (glued on both sides or on neither: cannot tell)."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    opener = before in _OPENER_BEFORE and not after.isspace()
    closer = not before.isspace() and after in _CLOSER_AFTER
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return None


def _straight_marks(view: str) -> list[tuple[int, str | None]]:
    """The straight quotes of the lines that hold no curly double quote (those are P103's
    count and its mixed styles), each with its shape."""
    marks: list[tuple[int, str | None]] = []
    start = 0
    for line in view.split("\n"):
        if _STRAIGHT in line and _OPEN not in line and _CLOSE not in line:
            marks += [(start + m.start(), _straight_shape(line, m.start())) for m in _STRAIGHT_MARK.finditer(line)]
        start += len(line) + 1
    return marks


_BLANKS = re.compile(r"[ \t]*")
# A quotation mark inside a clause: after a lower-case word and a space ("this “blackmail"),
# or between a word and a lower-case word ("the beam” bridge").
_AFTER_WORD = re.compile(r"[a-z] $")
_BEFORE_WORD = re.compile(r" [a-z]")


def _out_of_order(
    view: str, marks: list[tuple[int, str | None]], line_start_of: Callable[[int], int]
) -> Iterator[tuple[int, str]]:
    """Quotation marks of one style out of order, read over the document (a quotation may
    run over lines), where the mark stands inside a clause:

    - an opener after a lower-case word, followed by another opener before any closer,
      on its line or inside a later line (a quotation that runs over paragraphs is
      reopened at a paragraph's start, and one introduced by "said:" may run over
      lines): the first was never closed, as double quotes do not nest;
    - a closer between a word and a lower-case word when nothing is open: it was never
      opened.  Not a closer after a plural's s
      (``the Lakers" official website``: an apostrophe typed as a quote).

    Of two openers, or two closers, the one inside a clause is reported.  A quotation
    left open at the document's end is reported only when it was opened inside a clause
    (one opened at a paragraph's start or after "said:" is a story cut short), and a
    straight quote glued on both sides or on neither is not read.
    """
    open_at: int | None = None
    last_close: tuple[int, bool, int] | None = None  # where, inside a clause, its line
    outer: int | None = None  # the quotation around a quotation inside it
    for n, (at, shape) in enumerate(marks):
        line_start = line_start_of(at)
        if shape is None:
            open_at = last_close = outer = None  # cannot tell: start afresh
        elif shape == "open":
            reopened = _BLANKS.match(view, line_start).end() >= at  # the line's first mark
            nested = n + 1 < len(marks) and _inside(view, marks[n + 1][0])
            same_line = open_at is not None and line_start_of(open_at) == line_start
            if same_line and nested and outer is None:
                outer = open_at  # a quotation inside one: its closer stands inside a clause
            elif open_at is not None and (same_line or not reopened):
                if _after_word(view, open_at):
                    yield open_at, "quotation mark opened and never closed"
                elif _after_word(view, at):
                    # the first opens the quotation, the second (inside a clause) is stray
                    yield at, "quotation mark opened and never closed"
                    continue
            open_at = at
        elif open_at is not None:
            open_at, outer = outer, None
            last_close = (at, _inside(view, at), line_start)
        else:
            if _inside(view, at):
                yield at, "closing quotation mark without an opening one"
            elif last_close is not None and last_close[1] and last_close[2] == line_start:
                # the earlier closer, inside a clause, took this one's opener
                yield last_close[0], "closing quotation mark without an opening one"
            last_close = None
    if open_at is not None and _after_word(view, open_at):
        yield open_at, "quotation mark opened and never closed"


def _after_word(view: str, at: int) -> bool:
    return _AFTER_WORD.search(view, max(0, at - 2), at) is not None


def _inside(view: str, at: int) -> bool:
    """A closer between a word and a lower-case word, not after a plural's s."""
    return view[at - 1 : at].isalpha() and view[at - 1] != "s" and _BEFORE_WORD.match(view, at + 1) is not None

"""Lint work grows linearly with the input, for every default rule (issue 21, "done when").

No wall clock here (the project has no timed assertions): the *work* of a run is the
number of Python function calls and calls into C functions it makes (``sys.setprofile``
events), counted per rule, which is deterministic.  A text is made of random pieces of
hostile shapes (dense capitalised words, honorifics and names, many spellings of one
name, unclosed HTML comments, long tokens, other scripts, quotes, lines of every
length); the same text repeated four times more must cost each rule at most
:data:`FACTOR` times as much work, plus a constant.  A rule that compares every pair of
names, or rescans its line for every match, costs 16 times as much and fails.

What a count of calls cannot see is work inside one C call (a regex backtracking over
a line): that is measured in wall-clock time by ``benchmarks/linear.py``, on 1 MB
inputs of the same shapes (docs/robustness.md has the table).

The default run draws :data:`EXAMPLES` texts of about 4 KB and 16 KB;
``LINTNEWS_HYPOTHESIS_EXAMPLES=200 LINTNEWS_LINEAR_BYTES=250000`` runs a longer search
with inputs up to 1 MB (250 KB x 4).
"""

from __future__ import annotations

import collections
import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews.api import configured_rules
from lintnews.analyses.matching import SHARED, UTF8_VIEW
from lintnews.core.analysis import arguments
from lintnews.core.document import make_document
from lintnews.core.rule import DocumentRule
from lintnews.run import pipeline
from lintnews.run.config import Config

EXAMPLES = int(os.environ.get("LINTNEWS_HYPOTHESIS_EXAMPLES", "6"))
BASE_BYTES = int(os.environ.get("LINTNEWS_LINEAR_BYTES", "4000"))
#: Four times the text may cost a rule at most this many times the work (linear: 4).
FACTOR = 5.0
#: ... plus this many calls (a rule's fixed cost: loading a list on first use).
CONSTANT = 5_000

PIECES = [
    # news-like
    "The minister said on Monday that talks would continue.", "Mr. Badin", "said.", "the government",
    "Nov. On ", "Mr. Xaaxa said. ", "President Ashraf Ghani", "Ghani", "Gani", "Ghany", "Khalilzad",
    # many spellings of one name (item 21)
    "Mr. Baran said", "Mr. Boren said", "Mr. Biran said", "Mr. Barun said", "Mr. Beron said",
    # dense capitalised words (item 20)
    "Alpha Beta Gamma Delta", "On Nov. Dec. Jan.", "UN US UK EU",
    # markup and furniture (item 19)
    "<!--", "-->", "<b>", "**", "_", "# Heading", "Source link", "Read more", "Photo: AFP",
    # punctuation, quotes, numbers
    '"', "“", "”", "'", "’", ",,", " .", "(", ")", "21 procent", "3 тыс.", "1,000", "2022",
    # other scripts, foreign words, long tokens
    "Также", "уряд", "県", "však", "jedoch", "pan Aslin", "Matsumoto-san", "0123456789abcdef" * 8,
    "mentionned", "recieve", "the the", "White Home", "\u200b", "\u202e", "👍🏽",
    # line structure
    "\n", "\n\n", "\r\n", " ", "  ", "\t",
]


def _shape():
    return st.lists(st.sampled_from(PIECES), min_size=3, max_size=40).map(" ".join)


def _rules():
    return configured_rules(Config())


RULES = _rules()


def _work(text: str) -> collections.Counter[str]:
    """Calls made by each rule (its analyses charged to the first rule that reads them)
    and by the corpus stage, linting ``text`` as one document."""
    counts: collections.Counter[str] = collections.Counter()
    current = ["(pass)"]

    def profile(frame, event, arg):
        if event in ("call", "c_call"):
            counts[current[0]] += 1

    doc = make_document("w.txt", text)
    findings, facts = [], {}
    sys.setprofile(profile)
    try:
        data = UTF8_VIEW.of(doc)
        if data is not None:
            SHARED.matching(doc, data)
        for rule in RULES:
            current[0] = rule.code
            needs = arguments(rule.needs, doc) if rule.needs else {}
            if isinstance(rule, DocumentRule):
                findings.extend(rule.check(doc, **needs))
            else:
                facts[rule.code] = rule.collect(doc, **needs)
        current[0] = "(corpus stage)"
        pipeline.finish([pipeline.DocumentResult(doc.path, findings, facts, [], doc.word_count)], RULES)
    finally:
        sys.setprofile(None)
    return counts


def _sized(piece: str, size: int, one_line: bool = False) -> str:
    """``piece`` repeated to ``size`` characters, a line each or all on one line."""
    end = " " if one_line else "\n"
    return (piece.replace("\n", end) + end) * max(1, size // (len(piece) + 1))


@given(shape=_shape(), one_line=st.booleans())
@settings(
    max_examples=EXAMPLES, derandomize=EXAMPLES <= 6, deadline=None, suppress_health_check=list(HealthCheck)
)
def test_four_times_the_text_is_at_most_about_four_times_the_work_of_every_rule(shape, one_line):
    _work(_sized(shape, 200))  # first use of every list and table, not charged below
    small = _work(_sized(shape, BASE_BYTES, one_line))
    large = _work(_sized(shape, 4 * BASE_BYTES, one_line))
    over = {
        stage: (small[stage], large[stage])
        for stage in large
        if large[stage] > FACTOR * small[stage] + CONSTANT
    }
    assert not over, f"more than linear work on {shape!r:.200}: {over}"


@pytest.mark.parametrize(
    "line",
    [
        "Mr. B{v}r{w}n said the talks would continue.",  # item 21: many spellings, one group
        "Nov. On ",  # item 20
        "Mr. Xaaxa said. ",
        "<!-- unclosed comment ",  # item 19
        "The ministry však said 21 procent and 3 тыс. people, pan Aslin and Также 県. ",  # S103 on one line
    ],
)
def test_the_hostile_inputs_of_the_issue_cost_linear_work(line):
    vowels = "aeiou"

    def text(n: int) -> str:
        return ("" if line.endswith(" ") else "\n").join(line.format(v=vowels[i % 5] + vowels[i // 5 % 5], w=vowels[i // 25 % 5]) for i in range(n))

    _work(text(20))
    small, large = _work(text(150)), _work(text(600))
    over = {stage: (small[stage], large[stage]) for stage in large if large[stage] > FACTOR * small[stage] + CONSTANT}
    assert not over, over


def test_the_work_count_sees_a_quadratic_rule():
    """The measure is able to fail: a rule comparing every pair of lines is caught."""

    class Pairs(DocumentRule):
        code = "X999"
        name = "pairs"

        def check(self, doc):
            lines = doc.view.split("\n")
            for a in lines:
                for b in lines:
                    a.startswith(b)
            return iter(())

    global RULES
    saved, RULES = RULES, [Pairs()]
    try:
        small, large = _work(_sized("Mr. Badin said.", 2_000)), _work(_sized("Mr. Badin said.", 8_000))
    finally:
        RULES = saved
    assert large["X999"] > FACTOR * small["X999"] + CONSTANT

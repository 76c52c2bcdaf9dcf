"""Names far into a long line read their title from ten tokens back (issue 21, item 20):
whether a stretch holds ten tokens is first told by its space-separated chunks, and that
answer must be the token regex's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.analyses.names.mentions import _TOKEN, _Context
from lintnews.core.document import make_document

_PIECES = st.lists(st.sampled_from(["Nov.", "On", " ", "  ", "_", "_a", "3.5", ",", "—", "\u00a0", "\n", "x'y", "²", "-", "Ж"]), max_size=40)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_PIECES, st.integers(min_value=1, max_value=12))
def test_enough_chunks_mean_enough_tokens(pieces, count):
    context = _Context(make_document("t.txt", "".join(pieces)))
    view = context.view
    assert context._tokens_at_least(0, len(view), count) == (len(_TOKEN.findall(view)) >= count)

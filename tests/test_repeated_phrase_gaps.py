"""G107 reads the gaps between a line's words once (issue 21, item 20: a long line of
short words separated by punctuation, ``Nov. On Nov. On ...``, asked the same gaps again
for every phrase size).  The repeats it finds must be those of the plain reading, which
checks the gaps of each candidate phrase itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.rules.garble_repeated_phrase import MAX_PHRASE, _repeats, _words


def _plain_repeats(line: str):
    """The reading before: equal words first, then every gap of the phrase asked again."""

    def joined(words, i, j):
        return all(line[words[k][1] : words[k + 1][0]] == " " for k in range(i, j - 1))

    words = _words(line)
    lower = [w.lower() for _, _, w in words]
    i = 0
    while i < len(words):
        found = None
        for size in range(1, MAX_PHRASE + 1):
            if i + 2 * size > len(words) or lower[i : i + size] != lower[i + size : i + 2 * size]:
                continue
            if not joined(words, i, i + 2 * size):
                continue
            times = 2
            while lower[i : i + size] == lower[i + times * size : i + (times + 1) * size] and joined(words, i, i + (times + 1) * size):
                times += 1
            found = (size, times)
            break
        if found is None:
            i += 1
            continue
        size, times = found
        yield words[i][0], words[i + times * size - 1][1], size, times, line[words[i][0] : words[i + size - 1][1]]
        i += times * size


# Few words and few gaps, so that repeats (and repeats broken by a gap) are common.
_PIECES = st.lists(st.sampled_from(["Nov", "On", "on", "the", "key", "are", "A", " ", " ", " ", ". ", ", ", "  ", "-"]), max_size=80)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_PIECES)
def test_the_repeats_are_those_of_the_plain_reading(pieces):
    line = "".join(pieces)
    assert list(_repeats(line)) == list(_plain_repeats(line))


def test_a_long_line_of_words_after_a_full_stop_has_no_repeat():
    line = "Nov. On " * 2000
    assert list(_repeats(line)) == list(_plain_repeats(line)) == []
    assert list(_repeats("the key are the key are the key are done")) == [(0, 35, 3, 3, "the key are")]

"""Locations and the corpus: what corpus rules see of every document."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from lintnews.core.corpus import Corpus, Loc, new_loc
from lintnews.core.document import Document


def test_new_loc_makes_the_same_location_as_the_constructor():
    made = new_loc("a.txt", 4, 9, 1, 5, 1, 10)
    assert made == Loc("a.txt", 4, 9, 1, 5, 1, 10) and hash(made) == hash(Loc("a.txt", 4, 9, 1, 5, 1, 10))
    assert made != new_loc("a.txt", 4, 9, 1, 5, 1, 11)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]


def test_a_location_pickles_to_an_equal_one_and_has_no_instance_dict():
    # Worker processes send locations back by the hundred thousand: no per-instance dict.
    loc = Loc.of(Document("a.txt", "one\ntwo words\n"), 4, 7)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 1, 2, 4)
    assert pickle.loads(pickle.dumps(loc)) == loc
    assert not hasattr(loc, "__dict__")


def test_merging_keeps_document_order_and_changes_neither_side():
    left, right = Corpus(), Corpus()
    left.paths.append("a.txt")
    left.add("a.txt", "N101", 1)
    right.paths.append("b.txt")
    right.add("b.txt", "N101", 2)
    merged = left.merge(right)
    assert merged.paths == ["a.txt", "b.txt"] and list(merged.of("N101").items()) == [("a.txt", 1), ("b.txt", 2)]
    assert left.paths == ["a.txt"] and right.of("N101") == {"b.txt": 2}

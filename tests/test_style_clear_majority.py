"""C102 on a many-writer archive (issue 15): a form written three times or more is
reported only against a clear majority (four times as often); strays still are."""

import pytest
from rulecase import flagged

from lintnews.core.data import DataError
from lintnews.rules.types import rule_from_spec


def _speeches(old: int, new: int) -> dict:
    texts = {f"old{k}.txt": "Our vital interests are world-wide and our aid is world-wide.\n" for k in range(old)}
    texts.update({f"new{k}.txt": "Our interests are worldwide.\n" for k in range(new)})
    return texts


def test_two_established_styles_side_by_side_are_left_alone():
    assert flagged(_speeches(3, 10), "C102") == []  # 6 against 10


def test_an_established_form_against_a_clear_majority_is_reported():
    assert flagged(_speeches(2, 16), "C102") == ["world-wide"] * 4  # 4 against 16


def test_a_stray_form_is_reported_against_any_majority():
    texts = {"a.txt": "A nationwide ceasefire.", "b.txt": "The ceasefire held.", "c.txt": "A cease-fire was agreed."}
    assert flagged(texts, "C102") == ["cease-fire"]


@pytest.mark.parametrize("extra", [{"established": 0}, {"established": True}, {"majority_ratio": 0.5}, {"majority_ratio": "4"}])
def test_bad_thresholds_are_refused(extra):
    spec = {"code": "X901", "name": "x", "type": "consistency", "message": "{match} {expected} {counts} {where}",
            "groups": [["a", "b"]], **extra}
    with pytest.raises(DataError):
        rule_from_spec(spec, "test.yaml")

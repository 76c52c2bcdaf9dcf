"""S101 on edited Commonwealth prose (issue 15): British and Australian spellings of
known words and Latin phrases of science are English; typos and cognates are not."""

import pytest
from rulecase import flagged


@pytest.mark.parametrize("text", [
    "Wool growers will sell their fibre through a new pool; the fibres break.",
    "Experts remain sceptical, and one healthy sceptic says so.",
    "In vitro experiments and in vivo tests agree.",
])
def test_commonwealth_spellings_and_latin_phrases_are_english(text):
    assert flagged(text, "S101") == []


@pytest.mark.parametrize("text, expected", [
    ("Officials met quarantine officals and looked at the market.", ["officals"]),
    ("They are uniting research and commerical operations.", ["commerical"]),
    ("Experts are skeptcal about the claim.", ["skeptcal"]),
])
def test_typos_are_still_reported(text, expected):
    assert flagged(text, "S101") == expected

"""P101 and P102 leave a spaced ellipsis alone (". . .", transcripts and shortened
quotations: issue 15, edited prose) and still report the slips around it."""

import pytest
from rulecase import flagged


@pytest.mark.parametrize("text", [
    'Lincoln said we must "let reverence for the laws . . . become the political religion."',
    "I see America in the crimson light of a rising sun . . . I see great days ahead.",
    '"Isolation is no longer possible or desirable. . . . The period of exclusiveness is past."',
    "That all men are created equal, . . . endowed by their Creator.",
])
def test_a_spaced_ellipsis_is_no_slip(text):
    assert flagged(text, "P101") == [] and flagged(text, "P102") == []


@pytest.mark.parametrize("text, code, expected", [
    ("The talks ended . He left.", "P102", [" ."]),
    ("The talks ended , he said . . . and left.", "P102", [" ,"]),
    ("He ignored the issue. . Then he left.", "P101", [". ."]),
    ("He ignored the issue, . Then he left.", "P101", [", ."]),
])
def test_slips_beside_no_ellipsis_are_still_reported(text, code, expected):
    assert flagged(text, code) == expected

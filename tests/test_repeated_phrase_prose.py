"""G107 on edited prose (issue 15): emphatic and idiomatic coordinations, "or" that
narrows; slips still reported."""

import pytest
from rulecase import flagged


@pytest.mark.parametrize("text", [
    "We must achieve more and more jobs and more and more production.",
    "The Communist Party took worse and worse beatings at the polls.",
    "It was a case of putting two and two together.",
    "On the destiny that is yours and yours alone.",
    "A lot of them have got family or family members competing.",
    "We do pure basic research or research based purely on scholarship.",
])
def test_idioms_emphasis_corrections_and_longer_names_are_left_alone(text):
    assert flagged(text, "G107") == []


@pytest.mark.parametrize("text, expected", [
    ("Ministers agreed on energy and energy policy.", ["energy and energy"]),
    ("Talks were held in Laos and Laos last week.", ["Laos and Laos"]),
    ("In Laos and Laos the rains came early.", ["Laos and Laos"]),
    ("Exports from the Czech Republic and Republic rose.", ["Republic and Republic"]),
    ("He came home and signed and signed the papers.", ["and signed and signed"]),
    ("Our inflation rate is now the lowest in a in a quarter of a century.", ["in a in a"]),
    ("The team bought equipment and equipment last year.", ["equipment and equipment"]),
    ("True to the original, the models achieve it through the decals or decals.", ["decals or decals"]),
    ("We say we don't want to go there or there.", ["there or there"]),
    ("The child ran to the end and over and over and over and over.", ["and over and over and over and over"]),
])
def test_slips_are_still_reported(text, expected):
    assert flagged(text, "G107") == expected

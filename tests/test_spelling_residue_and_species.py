"""S101/S104 leave HTML entities to W106 and species names alone (issue 15, edited
prose); W106 reports the entity; misspellings beside them are still reported."""

import pytest
from rulecase import flagged

ENTITIES = (
    "Dr Jos&eacute; Halloy spoke. The Charit&eacute; University Hospital and the &#214;tztal valley.\n"
    "S&oslash;ren Pedersen solved the Poincar&eacute; Conjecture at Nestl&eacute; &amp; co.\n"
)


def test_html_entities_are_web_residue_not_misspellings():
    assert flagged(ENTITIES, "S101") == [] and flagged(ENTITIES, "S104") == []
    assert flagged(ENTITIES, "W106") == ["&eacute;", "&eacute;", "&#214;", "&oslash;", "&eacute;", "&eacute;", "&amp;"]


def test_a_capitalised_misspelling_before_a_semicolon_is_still_reported():
    assert flagged("Prague is the capital of the Czech Repuglic; it is old.", "S104") == ["Repuglic"]


def test_no_entity_no_w106_and_misspellings_beside_entities_are_still_reported():
    assert flagged("Fish & chips; R&D costs; AT&T rose.", "W106") == []
    text = "Dr Jos&eacute; Halloy met quarantine officals at the Nestl&eacute; plant."
    assert flagged(text, "S101") == ["officals"]


@pytest.mark.parametrize("text", [
    "They used ten male feral goats (Capra hircus) as taste testers.",
    "The grey short-tailed opossum (Monodelphis domestica) is a marsupial.",
    "The wild horse, Equus ferus, vanished; poison ivy (Toxicodendron radicans) grew.",
    "The new specimen, Isisfordia duncani, shares features with crocodiles.",
])
def test_species_names_are_not_misspellings(text):
    assert flagged(text, "S101") == []


@pytest.mark.parametrize("text, expected", [
    ("The President anounced that quarantine officals met.", ["anounced", "officals"]),
    ("Officials in Prague announed the talks.", ["announed"]),
    ("The goats were kept as Capra hircus, and the vets were suprised.", ["suprised"]),
    ("The Czech programa was signed.", ["programa"]),
])
def test_misspellings_after_capitalised_words_are_still_reported(text, expected):
    assert flagged(text, "S101") == expected

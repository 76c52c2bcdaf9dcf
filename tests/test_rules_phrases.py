"""M101 tortured-phrase and M102 lowercase-in-organisation-name."""

from rulecase import findings, flagged


def test_word_by_word_renderings_are_reported_with_the_expected_wording():
    text = (
        "The attack silenced warning voices that erupted in the capital. "
        "Qatar is the latest stop on Mr. Pompeo’s hurricane, officials said.\n"
        "In one declaration On Sunday, the department spoke of two major sticking issues."
    )
    assert flagged(text, "M101") == ["warning voices", "’s hurricane", "In one declaration", "sticking issues"]
    assert [f.suggestion for f in findings(text, "M101")][0] == "sirens"


def test_spinner_party_names_are_matched_by_regex_entries():
    assert flagged("The Labour Get together won the seat.", "M101") == ["Labour Get together"]


def test_ordinary_uses_of_the_same_words_are_not_reported():
    text = (
        "Hurricane Ida made landfall; warning sirens sounded. The hurricane season is long. "
        "The declaration of independence was read. Voices of warning were raised."
    )
    assert flagged(text, "M101") == []


def test_half_capitalised_organisation_names():
    text = "Officials of the Ministry of public security and the Chinese Academy of engineering attended."
    assert flagged(text, "M102") == ["Ministry of public", "Chinese Academy of engineering"]


def test_fully_capitalised_and_descriptive_organisation_names_are_not_reported():
    text = (
        "The Ministry of Public Security and the Standing Committee of the provincial congress met. "
        "The Department of Justice said the Office for National Statistics agreed."
    )
    assert flagged(text, "M102") == []


def test_tortured_phrases_inside_quoted_speech_are_reported_too():
    # M101 reads quotes: a quotation translated word by word is as tortured as the narrative.
    text = "“Qatar is the latest stop on the warning voices tour,” officials said. He spoke of “sticking issues”."
    assert flagged(text, "M101") == ["warning voices", "sticking issues"]


def test_half_capitalised_organisation_names_inside_quoted_speech_are_reported_too():
    # M102 reads quotes: the translator capitalised the quotation's names as it did the text's.
    text = "“Officials of the Ministry of public security attended,” he said."
    assert flagged(text, "M102") == ["Ministry of public"]

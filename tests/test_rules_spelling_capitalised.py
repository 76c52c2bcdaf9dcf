"""S104 capitalised-misspelling: both ways, on sentences written for the test."""

from rulecase import findings, flagged

from lintnews.rules.spelling_capitalised import slip


def test_a_mistyped_word_at_a_sentence_start_is_reported_with_the_word_meant():
    text = "The storm came at night. Peolpe said the roof was gone. “Nobdoy slept,” she said."
    assert flagged(text, "S104") == ["Peolpe", "Nobdoy"]
    assert [f.suggestion for f in findings(text, "S104")] == ["People", "Nobody"]


def test_a_cognate_spelling_inside_an_institution_name_is_reported():
    text = "She met the Slovak Prezident and officials of the Czech Republik in the Central Banc building."
    assert flagged(text, "S104") == ["Prezident", "Republik"]


def test_a_typo_in_a_title_case_headline_and_after_the_is_reported():
    assert flagged("Five Things You Should Know About Winter Drivign", "S104") == ["Drivign"]
    assert flagged("They sailed down the Danube Rivwr for a week.", "S104") == ["Rivwr"]


def test_names_one_edit_from_a_word_are_not_reported():
    text = (
        "Macedonian President Gjorge Ivanov spoke. Singapore Changi Airport reopened. "
        "Deutsche Welle reported it. Toray (Japan) supplies fibre. "
        "The opponent of the Nord Stream pipeline spoke to Scott Pelley and Robert Malley. "
        "Tice was freed, said Ariana Grande."
    )
    assert flagged(text, "S104") == []


def test_a_word_used_twice_a_known_word_a_british_spelling_and_a_quoted_title_are_not_reported():
    text = (
        "Kaboni said yes. Kaboni left. Colour matters. Behaviour too. "
        "He starred in “The Chekist” of 1992 and in the Milion chvilek protests."
    )
    assert flagged(text, "S104") == []


def test_a_lower_case_word_is_left_to_s101():
    assert flagged("the neighbuors said so.", "S104") == []


def test_slips_are_typing_slips_or_cognate_letters():
    assert slip("thosr", "those") and slip("rgion", "region") and slip("policce", "police")
    assert slip("wotld", "world") and slip("republik", "republic") and slip("situacion", "situation")
    assert not slip("changi", "change") and not slip("welle", "well") and not slip("gjorge", "george")


def test_a_title_respelled_before_a_name_and_a_vowel_ending_are_reported():
    assert flagged("It was signed by Prezident Volodymyr Zelensky on Monday.", "S104") == ["Prezident"]
    assert flagged("Thousands of people in the Vltava Regione were cut off.", "S104") == ["Regione"]
    assert slip("regione", "region") and slip("reforma", "reform")
    assert not slip("costa", "cost")  # a short word with a vowel ending is a name as often


def test_a_given_name_before_a_surname_is_not_a_title():
    assert flagged("Macedonian President Gjorge Ivanov spoke. Later Zelensky spoke to Anna Marka.", "S104") == []


def test_a_name_at_a_sentence_start_one_slip_from_a_rarer_word_is_not_reported():
    assert flagged("Sova came home late. Pesel said nothing.", "S104") == []
    assert flagged("Peolpe came home late.", "S104") == ["Peolpe"]


def test_a_name_after_a_capitalised_function_word_or_a_rare_word_after_the_is_not_reported():
    text = "But Pesel was trained. Our Panas stays home. They dealt with the Stasi files."
    assert flagged(text, "S104") == []
    assert flagged("The Wotld Health Organization met.", "S104") == ["Wotld"]


def test_a_name_after_a_party_or_role_word_is_not_reported():
    assert flagged("Many are calling on Democrat Badin and Striker Kanre to act.", "S104") == []


# -- issue 15, fourth round: cognates two letters away or at the first letter ---------------


def test_a_cognate_spelling_that_changes_the_first_letter_or_two_letters():
    text = "The Kommittee met on Tuesday. Later the Prezydent of the Konference spoke."
    assert flagged(text, "S104") == ["Kommittee", "Prezydent", "Konference"]
    assert [f.suggestion for f in findings(text, "S104")] == ["Committee", "President", "Conference"]


def test_after_the_at_a_sentence_start_and_before_an_office():
    assert flagged("The Unversity of Leeds said so.", "S104") == ["Unversity"]
    assert flagged("The Ekonomy Minister presented the budget.", "S104") == ["Ekonomy"]
    assert flagged("Meanwhlie, the opposition called for new elections.", "S104") == ["Meanwhlie"]


def test_names_with_no_foreign_letter_or_a_foreign_article_are_not_cognates():
    # "tch" is no other language's spelling of "ch"; "d'" starts a French name's next word
    assert flagged("He was with the Batchelor Institute of Tertiary Education.", "S104") == []
    assert flagged("She works at the Institut d'Astrophysique in Paris.", "S104") == []
    assert flagged("Kowalczyk and Nakamura met in Geneva on Monday.", "S104") == []


def test_a_typo_after_a_dateline_bracket_and_a_name_before_a_comma():
    text = "Tianjin, December 12 (reporter: Li Wei) Accordinng to experts, the meteors will peak tonight."
    assert flagged(text, "S104") == ["Accordinng"]
    # a name at a sentence's start before a comma is not a sentence adverb mistyped
    assert flagged("Sova, a clear example, is a deep-sea fish.", "S104") == []

"""N104 famous-name-respelled: a famous office-holder's name respelled, with no right
spelling in the corpus to compare with."""

from rulecase import findings, flagged

from lintnews.analyses.famous import accepted_variant, edits, famous_lookalike

# -- must fire ----------------------------------------------------------------------------
def test_respelled_surname_of_a_head_of_government_with_no_right_spelling_in_the_corpus():
    text = "Prime Minister Jacinda Arden said the borders would stay shut until March."
    [f] = findings(text, "N104")
    assert flagged(text, "N104") == ["Jacinda Arden"]
    assert f.message == "'Jacinda Arden' looks like 'Jacinda Ardern' (Prime Minister of New Zealand)"
    assert f.suggestion == "Jacinda Ardern"
    assert f.fix is None  # a name is never auto-fixed


def test_each_kind_of_one_letter_respelling_is_found():
    # invented respellings: a vowel, a doubled letter, a transliteration swap, an h
    for written, right in [
        ("Fumio Kishyda", "Fumio Kishida"),
        ("Jacinda Ardernn", "Jacinda Ardern"),
        ("Mark Rute", "Mark Rutte"),
        ("Olaf Sholz", "Olaf Scholz"),
        ("Naftali Benet", "Naftali Bennett"),
    ]:
        hit = famous_lookalike(tuple(written.split()))
        assert hit is not None and hit.name == right, written


def test_every_mention_in_an_article_is_reported():
    text = "Yesterday Fumio Kishyda spoke in Tokyo.\nLater Fumio Kishyda said he would go to Seoul.\n"
    assert flagged(text, "N104") == ["Fumio Kishyda", "Fumio Kishyda"]


def test_a_transliteration_swap_counts_as_one_edit():
    assert edits("Putyn", "Putin") == 1 and edits("Sholz", "Scholz") == 1 and edits("Scholz", "Scholz") == 0


# -- must not fire ------------------------------------------------------------------------
def test_the_right_spelling_is_silent():
    assert flagged("Prime Minister Jacinda Ardern said the borders would stay shut.", "N104") == []


def test_two_real_holders_one_letter_apart_are_both_the_tables_own():
    # both are holders of compared offices in the table, one edit apart
    assert famous_lookalike(("Mohamed", "Hassad")) is None
    assert famous_lookalike(("Kim", "Yong-il")) is None and famous_lookalike(("Kim", "Jong-il")) is None


def test_namesakes_two_edits_away_or_with_frequent_surnames_are_other_people():
    text = (
        "Chris Higgins, a farmer near Dubbo, said the rain came late.\n"
        "Scott Bassett, who runs the co-op, said prices were down.\n"
        "Mike Johnston said the bridge would reopen.\n"
    )
    assert flagged(text, "N104") == []


def test_accepted_transliterations_are_not_respellings():
    assert accepted_variant("Zelensky", "Zelenskyy") and accepted_variant("Zelenskiy", "Zelenskyy")
    assert accepted_variant("Smailov", "Smaiylov") and not accepted_variant("Putyn", "Putin")
    text = "President Volodymyr Zelensky met Viktor Orban; Victor Orban left early."
    assert flagged(text, "N104") == []


def test_the_article_writing_the_right_spelling_is_left_to_n101():
    text = "Prime Minister Jacinda Ardern spoke on Monday.\nOn Tuesday Jacinda Arden flew to Sydney.\n"
    assert flagged(text, "N104") == []


def test_a_name_without_person_evidence_or_a_given_name_is_silent():
    assert flagged("Arden Street was closed on Monday.", "N104") == []


def test_a_surname_alone_after_a_countrys_office_is_compared_with_that_offices_holders():
    text = "British Prime Minister Sunac said the talks would go on.\n"
    [f] = findings(text, "N104")
    assert flagged(text, "N104") == ["Sunac"]
    assert f.message == "'Sunac' looks like 'Sunak' (Prime Minister of the United Kingdom)"


def test_a_surname_alone_after_an_office_it_was_not_held_by_or_no_country_is_silent():
    text = (
        "British Prime Minister Sunak said the talks would go on.\n"
        "French Ambassador Sunac arrived.\n"
        "Prime Minister Sunac spoke.\n"
    )
    assert flagged(text, "N104") == []

"""N101 name-variant and N102 stray-token-in-name."""

from rulecase import findings, flagged

from lintnews.names.keys import skeleton
from lintnews.names.variants import is_derivation, similar

BIDEN_ARTICLE = (
    "Trump refuses to acknowledge his defeat by Joe Biden in the elections.\n"
    "The Pentagon acted five days before the inauguration of President-elect Joe Biden.\n"
    "Biden also wants to end the war in Afghanistan.\n"
    "Many voices are also calling on Democrat Badin to keep the envoy in his post.\n"
)


# -- must fire ---------------------------------------------------------------------------
def test_misspelled_surname_in_the_same_article_points_to_the_majority_spelling():
    [f] = findings(BIDEN_ARTICLE, "N101")
    assert (f.line, BIDEN_ARTICLE.split("\n")[3][f.column - 1 : f.end_column - 1]) == (4, "Badin")
    assert f.suggestion == "Biden"
    assert "'Badin' looks like 'Biden' (3 mentions: doc:1, doc:2, doc:3" in f.message
    assert [r.line for r in f.related] == [1, 2, 3]


def test_same_given_name_with_two_surname_spellings_across_documents_is_a_tie_reported_twice():
    texts = {
        "a.txt": "“They fired 23 missiles,” said Interior Ministry spokesman Tariq Erian.",
        "b.txt": "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had landed.",
    }
    fs = findings(texts, "N101")
    assert [(f.path, f.suggestion) for f in fs] == [("a.txt", None), ("b.txt", None)]
    assert "'Arian' at b:1" in fs[0].message and "'Erian' at a:1" in fs[1].message
    assert flagged(texts, "N101") == ["Erian", "Arian"]


def test_same_surname_with_two_given_name_spellings_across_documents():
    texts = {
        "a.txt": "Taliban spokesman Zabihullah Mujahid said there was progress.",
        "b.txt": "“No agreement was reached,” spokesman Zabiullah Mujahid said.",
    }
    assert flagged(texts, "N101") == ["Zabihullah Mujahid", "Zabiullah Mujahid"]


def test_respelling_with_different_letters_but_same_skeleton_in_one_article():
    text = (
        "The Taliban are still holding American Mark Friarix, a former Navy diver. "
        "It is not clear if Mr. Pompeo discussed the release of Mr. Freericks."
    )
    assert flagged(text, "N101") == ["Friarix", "Freericks"]


def test_keys_block_the_known_variant_pairs_together():
    assert skeleton("Erian") == skeleton("Arian")  # Metaphone splits these
    assert skeleton("Friarix") == skeleton("Freericks")
    assert skeleton("Zabihullah") == skeleton("Zabiullah")
    assert skeleton("Badin") == skeleton("Biden")
    assert similar("Badin", "Biden") and similar("Erian", "Arian") and similar("Friarix", "Freericks")


# -- must not fire -----------------------------------------------------------------------
def test_derived_words_are_not_respellings():
    assert is_derivation("Mujahid", "Mujahideen")
    assert is_derivation("Kabul", "Kabulis")
    assert is_derivation("Qatar", "Qatari")
    assert not is_derivation("Ross", "Ros") and not is_derivation("Brown", "Browne")
    text = (
        "Spokesman Zabihullah Mujahid said the talks went well. Mujahid added more.\n"
        "“We want to reassure our Mujahideen,” the statement said.\n"
        "Kabulis were passing through Kabul. A Qatari official in Qatar said so.\n"
    )
    assert flagged(text, "N101") == []


def test_place_sharing_a_skeleton_with_a_person_is_not_a_variant():
    text = "Mr. Pompeo visited Italy. Tourists crowd the ruins of Pompeii every summer."
    assert flagged(text, "N101") == []


def test_short_form_and_full_form_of_one_name_are_not_variants():
    text = (
        "President-elect Joseph R. Biden Jr. was pursuing the policy. "
        "Trump lost to Joe Biden. Mr Biden said so."
    )
    assert flagged(text, "N101") == []


def test_two_people_with_their_own_given_names_are_not_one_person():
    text = "Anna Smyth said the vote was close. Carl Smith told reporters he disagreed."
    assert flagged(text, "N101") == []


def test_similar_names_in_different_documents_without_a_shared_partner_are_not_reported():
    texts = {"a.txt": "Mr. Badin said the road was closed.", "b.txt": "Mr. Biden said the road was open."}
    assert flagged(texts, "N101") == []


def test_a_name_seen_once_is_not_an_error():
    text = "General Abdulmomin Hassankhail was killed in the attack, officials said."
    assert flagged(text, "N101") == []


def test_accent_only_differences_are_typography():
    text = "Coach Luis Martinez said the team was ready. Luis Martínez added that it was."
    assert flagged(text, "N101") == []


# -- N102 --------------------------------------------------------------------------------
def test_number_between_honorific_and_name_is_reported():
    text = "It is not clear if Mr. Pompeo discussed the release of Mr. 58 Freericks during the meeting."
    [f] = findings(text, "N102")
    assert flagged(text, "N102") == ["Mr. 58 Freericks"]
    assert f.suggestion == "Mr. Freericks"


def test_numbers_that_are_not_inside_names_are_not_reported():
    text = "Mr. Smith, 58, said General 5 Division troops and Dr. Who fans met at 10 Downing Street."
    assert flagged(text, "N102") == []


def test_accepted_spelling_is_canonical_whatever_the_counts():
    from lintnews.api import configured_rules
    from lintnews.config import Config
    from lintnews.document import make_document
    from lintnews.engine import finish, lint_document

    texts = {
        "a.txt": "Taliban spokesman Zabihullah Mujahid said there was progress.",
        "b.txt": "“No agreement,” spokesman Zabiullah Mujahid said. Spokesman Zabiullah Mujahid added more.",
    }
    config = Config(vocabulary=["Zabihullah Mujahid"], select=["N101"])
    rules = configured_rules(config)
    results = [lint_document(make_document(p, t), rules) for p, t in texts.items()]
    fs = finish(results, rules)
    assert {f.path for f in fs} == {"b.txt"}
    assert all(f.suggestion == "Zabihullah" and "accepted spelling" in f.message for f in fs)

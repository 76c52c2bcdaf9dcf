"""C101 style-inconsistent-in-document and C102 style-inconsistent-across-corpus."""

from rulecase import findings, flagged


def test_minority_abbreviation_style_in_an_article():
    text = "Mr Pompeo spoke. Mr Biden listened. Mr. Amiri said so. The US and the US. The U.S. agreed."
    assert flagged(text, "C101") == ["Mr.", "U.S."]
    assert [f.suggestion for f in findings(text, "C101")] == ["Mr", "US"]


def test_ties_and_quotations_are_not_reported():
    text = "Mr Pompeo spoke. Mr. Biden listened.\n“The U.S. will not leave,” the US envoy said, and the US agreed."
    assert flagged(text, "C101") == []


def test_each_article_has_its_own_style():
    texts = {"a.txt": "Mr Smith and Mr Jones.", "b.txt": "Mr. Smith and Mr. Jones."}
    assert flagged(texts, "C101") == []


def test_minority_spelling_across_the_corpus():
    texts = {
        "a.txt": "They asked for a nationwide ceasefire.",
        "b.txt": "A “permanent and complete ceasefire” was demanded.",
        "c.txt": "Reports of an agreement on a cease-fire were not true.",
    }
    [f] = findings(texts, "C102")
    assert f.path == "c.txt" and f.suggestion == "ceasefire"
    assert flagged(texts, "C102") == ["cease-fire"]


def test_a_quoted_form_counts_as_the_house_style_but_is_never_reported():
    texts = {
        "a.txt": "They asked for a nationwide ceasefire.",
        "b.txt": "“The ceasefire is over,” he said. “No ceasefire,” she said.",  # quoted: still evidence
        "c.txt": "“We reject any cease-fire,” the spokesman said. Talk of a cease-fire faded.",
    }
    [f] = findings(texts, "C102")
    assert (f.path, f.column, f.suggestion) == ("c.txt", texts["c.txt"].rindex("cease-fire") + 1, "ceasefire")


def test_one_spelling_across_the_corpus_is_consistent():
    texts = {"a.txt": "A ceasefire held.", "b.txt": "The Ceasefire collapsed."}
    assert flagged(texts, "C102") == []


def test_forms_are_found_in_any_case_and_with_any_apostrophe_the_group_allows():
    # The scan starts only at a form's possible first characters; a form written in
    # another case (C102 ignores case) or with a typographic apostrophe must still count.
    texts = {
        "a.txt": "Daesh attacked. Daesh retreated.",
        "b.txt": "DAESH claimed it. Da’esh denied it.",
        "c.txt": "daesh fighters, da'esh flags.",
    }
    assert flagged(texts, "C102") == ["Da’esh", "da'esh"]


def test_first_char_guard_lists_every_possible_first_character():
    import re

    from lintnews.analyses.matching import first_char_guard, phrase_regex

    guard = first_char_guard(["'tis", "“quoted”", "Mr"])
    for text in ["'tis", "’tis", "‘tis", "`tis", '"quoted"', "“quoted”", "”quoted”", "Mr"]:
        assert re.match(guard, text), text
    assert not re.match(guard, "mr")
    assert re.match(first_char_guard(["Mr"]) + phrase_regex("Mr"), "Mr")
    assert first_char_guard([" leading space", "Mr"]) == ""


def test_a_currency_sign_is_not_the_abbreviation():
    assert flagged("The U.S. and the U.S. agreed to pay US$5 million; the U.S. paid.", "C101") == []
    assert flagged("The US and the US agreed. The U.S. paid US$5 million and $US3 more.", "C101") == ["U.S."]


def test_folders_are_compared_apart():
    outlets = {
        "bbc/a.txt": "Send an e-mail.",
        "bbc/b.txt": "An e-mail came.",
        "cnn/c.txt": "Send an email.",
        "cnn/d.txt": "The email was sent.",
        "cnn/e.txt": "An email arrived.",
    }
    assert flagged(outlets, "C102") == []
    assert flagged({"x/a.txt": "Send an e-mail.", "x/b.txt": "An email came.", "x/c.txt": "Send an email."}, "C102") == ["e-mail"]

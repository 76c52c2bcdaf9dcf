"""G101-G106: broken sentences, split names and dates, repeated words and list items."""

import pytest
from rulecase import findings, flagged

from lintnews.run.fixing import apply_fixes


def test_capitalised_function_word_mid_sentence():
    text = "In one declaration On Sunday, the department said."
    assert flagged(text, "G101") == ["On"]
    assert [f.suggestion for f in findings(text, "G101")] == ["on"]


def test_titles_and_title_case_headlines_are_not_mid_sentence_capitals():
    text = "He told The New York Times so.\nU.S. Peace Envoy In Kabul After Progress Made In Qatar"
    assert flagged(text, "G101") == []


def test_sentence_break_followed_by_lower_case_continuation():
    text = "They continue to “accept help”. of the group, the panel said."
    assert flagged(text, "G102") == ["”. of"]


def test_abbreviations_do_not_end_sentences():
    text = "Apples, pears etc. and other fruit. Smith & Co. in London. It was 9 a.m. in Kabul. The U.S. and China."
    assert flagged(text, "G102") == []


def test_name_cut_off_after_its_initial():
    text = "President-elect Joseph R. Prior to taking office, Biden Jr. was pursuing goals."
    assert flagged(text, "G103") == ["Joseph R. Prior"]


def test_complete_names_with_initials_are_not_reported():
    text = "George W. Bush said so. John A. After said it too. Harry S. Truman was president."
    assert flagged(text, "G103") == []


def test_date_split_by_a_broken_sentence():
    text = "According to data compiled by the paper. Nov. On the 2nd, three gunmen attacked."
    [f] = findings(text, "G104")
    assert flagged(text, "G104") == ["Nov. On the 2nd"]
    assert f.suggestion == "On Nov. 2"


def test_dates_written_whole_are_not_reported():
    assert flagged("On Nov. 2, gunmen attacked. On the 2nd of November they left.", "G104") == []


def test_repeated_words():
    text = "It was unable to announce the the candidates; cross-border border trade grew."
    assert flagged(text, "G105") == ["the the", "border border"]
    assert [f.suggestion for f in findings(text, "G105")] == ["the", "border"]
    fixes = [f.fix for f in findings(text, "G105")]
    assert all(fix is not None and fix.safe for fix in fixes)
    assert apply_fixes(text, fixes) == ("It was unable to announce the candidates; cross-border trade grew.", 2)


def test_grammatical_doubles_and_names_are_not_repeated_words():
    text = "He had had enough. What it is is unclear. He said that that was fine. Run Run Shaw Hospital."
    assert flagged(text, "G105") == []


def test_repeated_list_items():
    text = "Green tea, black tea, black tea and other teas; cities (prefectures, prefectures, leagues)."
    assert flagged(text, "G106") == ["black tea, black tea", "prefectures, prefectures"]


def test_repetition_outside_a_list_is_not_a_repeated_item():
    text = "After picking black tea and black tea, tea farmers earn. University students, students who left."
    assert flagged(text, "G106") == []


def test_a_date_split_inside_quoted_speech_is_reported_too():
    # G104 reads quotes: a translated quotation is split the same way as the narrative.
    text = "The minister said: “According to data compiled by the paper. Nov. On the 2nd, three gunmen attacked.”"
    assert flagged(text, "G104") == ["Nov. On the 2nd"]


# -- G107: phrases, capitals and loops said again, "X and X" ------------------------------


def test_a_phrase_said_twice_in_a_row():
    assert flagged("The movement could be movement could be stronger.", "G107") == ["movement could be movement could be"]
    assert [f.suggestion for f in findings("They are the key are the key here.", "G107")] == ["are the key"]


def test_a_repetition_loop_is_one_finding():
    text = "He said a single mechanism a single mechanism a single mechanism a single mechanism"
    (finding,) = findings(text, "G107")
    assert "4 times in a row (a repetition loop)" in finding.message


def test_a_capitalised_word_doubled():
    assert flagged("The Supreme Supreme Court ruled. It It was late.", "G107") == ["Supreme Supreme", "It It"]


def test_a_word_coordinated_with_itself():
    assert flagged("The pandemic and pandemic hit the region.", "G107") == ["pandemic and pandemic"]


@pytest.mark.parametrize(
    "text",
    [
        "The pianist Lang Lang and the writer Han Han met Sirhan Sirhan's lawyer.",  # names
        "More and more people waited for years and years, again and again and again.",
        "Crimes and crimes were committed; you and you alone decide; half and half.",
        "Faster and faster and faster the car went.",
        "the the",  # lower-case single words are G105's
        "The score was 50 50 after the break.",
    ],
)
def test_names_idioms_and_emphasis_are_left_alone(text):
    assert flagged(text, "G107") == []


# -- G103 (given names) and G108: names and numbers cut in two --------------------------


@pytest.mark.parametrize(
    "text, cut",
    [
        ("The spokesman David. Šinták said on Monday that talks would go on.", "David. Šinták"),
        ("Labour MP Harriet, reportedly, Harman said so.", "Harriet, reportedly, Harman"),
    ],
)
def test_a_name_cut_after_its_given_name(text, cut):
    assert flagged(text, "G103") == [cut]


def test_a_sentence_may_end_on_a_name_and_commas_may_follow_one():
    text = "They met David. Afterwards they left. In Germany, for example, Merkel spoke. Prince. William"
    assert flagged(text, "G103") == []


@pytest.mark.parametrize(
    "text, broken",
    [
        ("The deal is worth 2. 000 euros.", "2. 000"),
        ("Growth was 7. 5 percent.", "7. 5"),
        ("It happened on 28. November in Prague.", "28. November"),
        ("It happened on December. 11 in Prague.", "December. 11"),
        ("It happened on March 15. 2022 in Prague.", "March 15. 2022"),
    ],
)
def test_a_number_or_date_broken_by_a_full_stop(text, broken):
    assert flagged(text, "G108") == [broken]


def test_numbers_at_the_end_of_a_sentence_and_decimals_are_left_alone():
    assert flagged("The score was 2.5. Then came 3,000 more. Page 12.", "G108") == []


def test_any_lower_case_word_after_a_sentence_break_continues_it():
    assert flagged("The minister Tian Feiyu. said the plan was very. serious indeed", "G102") == [". said", ". serious"]


def test_an_agency_credit_a_hyphenated_prefix_and_a_brand_are_not_continuations():
    text = "He stepped onto the podium 103 times. dpa\nThey stopped hosting. al-Qaeda fighters. iPhone sales rose."
    assert flagged(text, "G102") == []


def test_g101_a_function_word_in_a_title_of_a_work_or_a_title_case_run_is_not_reported():
    for text in (
        "He starred in the film On the Waterfront and later in a play.",
        "She wrote a book titled After the Storm about the floods of that year.",
        "The works were Public, Beautiful New World and On the Spirit of Arts, all printed.",
        "Teachers Head back to On-Site Classes After Two Years",
    ):
        assert flagged(text, "G101") == [], text


def test_g101_a_capitalised_function_word_after_running_text_is_still_reported():
    assert flagged("The report was released and On Monday the minister resigned from his post.", "G101") == ["On"]
    assert flagged("The leaders, including The leader of Taiwan, were invited to the summit.", "G101") == ["The"]

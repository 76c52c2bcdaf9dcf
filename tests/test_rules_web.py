"""W101 boilerplate-line, W102 run-together-tags, W103 tweet-thread-counter, W104 site-credit."""

import pytest
from rulecase import findings, flagged


def test_boilerplate_lines():
    text = "The article ends here.\n\nSource link\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\nBack to top button"
    assert flagged(text, "W101") == [
        "Source link",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
    ]
    assert all(f.fix is not None and f.fix.safe for f in findings(text, "W101"))


def test_boilerplate_words_inside_sentences_are_not_reported():
    text = "He said the source link was broken, and readers should leave a reply to the editor."
    assert flagged(text, "W101") == []


def test_tags_run_together():
    text = "Asia PacificPeacePolitics\n\nTaliban and US hold talks"
    assert flagged(text, "W102") == ["PacificPeacePolitics"]
    assert [f.suggestion for f in findings(text, "W102")] == ["Pacific Peace Politics"]


def test_brands_are_not_run_together_tags():
    text = "Data from CoinMarketCap showed that WhatsApp and BlackRock shares rose in the session today."
    assert flagged(text, "W102") == []


def test_tweet_thread_counter():
    text = "1/3 After six days in Doha, I’m headed to #Afghanistan for consultations."
    assert flagged(text, "W103") == ["1/3"]


def test_dates_and_long_paragraphs_are_not_tweet_counters():
    text = "9/11 Commission members met.\n24/7 coverage continued.\n" + "2/3 Of the votes " + "word " * 80
    assert flagged(text, "W103") == []


def test_site_credit():
    text = "U.S. Peace Envoy In Kabul | Security Risks Asia Made with Humane Club"
    assert flagged(text, "W104") == ["Made with Humane Club"]


def test_a_credit_in_a_title_line_that_opens_a_quotation_is_reported_too():
    # W104 reads quotes: a scraped headline that opens a quotation and never closes it is
    # quoted to its end, credit and all.
    text = "U.S. Peace Envoy In Kabul | “We Will Not Leave Made with Humane Club"
    assert flagged(text, "W104") == ["Made with Humane Club"]


def test_made_with_in_a_sentence_is_not_a_credit():
    assert flagged("The cake was made with Belgian chocolate, the baker said.", "W104") == []


# -- W105: captions, credits, notices and interface text by their shape ----------------


@pytest.mark.parametrize(
    "line",
    [
        "Photo: EPA-EFE",
        "(Photo: Reuters)",
        "Image caption: Volodymyr Zelenskyy",
        "© 2022 iStock. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Subscribe to our daily newsletter",
        "Click to share on WhatsApp (Opens in new window)",
        "Share this story",
        "Skip to main content",
        "Log in to leave a comment",
    ],
)
def test_page_furniture_on_a_line_of_its_own(line):
    # A whole line of W101's list ("© 2022 ...") is W101's to report, not both rules'.
    text = f"The talks resumed on Monday, officials said.\n{line}\nThey will meet again."
    assert flagged(text, "W105") + flagged(text, "W101") == [line]


def test_page_furniture_glued_after_the_last_sentence_of_a_line():
    assert flagged("The market is declining. Comments are closed.", "W105") == ["Comments are closed."]
    assert flagged("The talks resumed, officials said. Photo: EPA-EFE", "W105") == ["Photo: EPA-EFE"]


@pytest.mark.parametrize(
    "text",
    [
        "Follow the money, investigators said, and they did.",
        "Watch your child once when it is asleep.",
        "Share prices fell sharply on Monday as investors sold their holdings in the company.",
        "Click, the sound the camera made, was all she heard.",
    ],
)
def test_sentences_that_start_like_interface_text_are_left_alone(text):
    assert flagged(text, "W105") == []


def test_category_tags_glued_to_a_lines_edges():
    text = "CrimeEconomyIt was a quiet week in the city.\nPrices rose to a record level.PoliticsBusinessSociety"
    assert flagged(text, "W102") == ["CrimeEconomy", "PoliticsBusinessSociety"]


def test_a_brand_at_a_line_start_is_not_glued_tags():
    assert flagged("WhatsApp said on Monday it would change its terms.\nBlackRock It said.", "W102") == []

"""W105 and W102: scraper residue recognised by its shape, on lines written for these
tests (not the benchmark's templates), both ways."""

import pytest
from rulecase import flagged

_AROUND = "The talks resumed on Monday, officials said.\n{}\nThey will meet again."

RESIDUE = [
    'Reuters contributed to this report.',
    'By Jane Doe, Reuters',
    'Jane Doe | AFP',
    '— AFP',
    'With agencies',
    'Sources: Reuters, AFP',
    'Main image: Reuters',
    'AFP PHOTO',
    'Get our morning briefing',
    'Receive the latest news by email',
    'Become a member',
    'Support independent journalism',
    'Sign up now',
    "Don't miss out – subscribe today",
    'Write a comment',
    'Reply',
    'Comments have been disabled for this article.',
    'There are no comments yet.',
    'Have your say',
    'Sort by: Newest',
    'Share this page',
    'Share on WhatsApp',
    'Email this article',
    'Copy link',
    'Link copied!',
    'Facebook Twitter WhatsApp Email',
    'Share | Print | Comments (4)',
    '12 Shares',
    'Tweet this',
    'Print this page',
    'Send this story to a friend',
    'Sign up to our free newsletter',
    'Enter your email address',
    'Join our mailing list',
    'Get the best stories delivered to your inbox every morning',
    'Never miss a story',
    'Thank you for subscribing!',
    'By signing up, you agree to our Privacy Policy',
    'Follow us on Twitter',
    'Download our app',
    'Join us on Telegram',
    'Read more: Stocks slide as inflation bites',
    'You may also like',
    'More on this story',
    'Related stories',
    'Most popular',
    'Top stories',
    'Latest news',
    'Next article',
    'Continue reading',
    'Story continues below advertisement',
    'Advertisement',
    'Recommended for you',
    "Editor's picks",
    'Leave a comment',
    'Add a comment',
    'Post comment',
    'Your email address will not be published.',
    'Required fields are marked *',
    'Be the first to comment',
    'Comments (0)',
    '14 comments',
    'Join the conversation',
    'You must be logged in to post a comment.',
    'Photo by Jane Doe/Reuters',
    'Photograph: John Smith/AFP',
    'Picture: Getty Images',
    'Image: Shutterstock',
    'AFP/Getty Images',
    'Reuters/Jane Doe',
    '(AP Photo/John Minchillo)',
    'Photo credit: Anadolu Agency',
    'Image copyright Reuters',
    'Photo courtesy of Kyodo',
    'Reporting by Anna Ivanova; Editing by Tom Hogue',
    'Additional reporting by Mark Lee',
    'Olaf Scholz (left) and Emmanuel Macron in Berlin',
    'FILE PHOTO: Olaf Scholz speaks in Berlin',
    'Pictured: Olaf Scholz and Emmanuel Macron',
    'Olaf Scholz is pictured in Berlin on Monday.',
    'EPA-EFE/Jane Doe',
    '(Reuters)',
    '© Reuters 2022',
]

LOOK_ALIKES = [
    'Police declined to comment on this story.',
    'They sort by size.',
    'Become a member of the EU, he urged.',
    'Stay at home today.',
    'By Monday, Reuters said, the deal was done.',
    'Watch your child once when it is asleep.',
    'With AFP reporting the deal, markets rose.',
    'Share prices rose on Monday.',
    'Read the full statement, he said.',
    'Get well soon, she wrote.',
    'Join the army and see the world, the poster said.',
    'Email was his main way of working.',
    'Print media is in decline across the region.',
    'More than 100 people were injured.',
    'Top officials met on Sunday.',
    'Related charges were dropped.',
    'Recommended doses were cut.',
    'Leave the country, the court told him.',
    'Follow the money.',
    'Stay calm and carry on.',
    'See you next year.',
    'He is pictured, smiling, in a photograph from 2019 that his lawyer released last week to reporters.',
    'Copyright law changed in 2019.',
    'Source: the ministry said nothing.',
    'Reuters reported the deal on Monday.',
    'AFP said two people died.',
    'Advertisement revenue fell by a third.',
    'Comments by the minister angered unions.',
    'Latest figures show a fall in unemployment.',
    'Most people agreed.',
    'Photo opportunities were rare.',
    'Watch the skies, astronomers said.',
    'Subscribe? Not yet.',
    'Continue the talks, the union said.',
]


@pytest.mark.parametrize("line", RESIDUE)
def test_interface_text_captions_and_credits_on_a_line_of_their_own(line):
    assert flagged(_AROUND.format(line), "W105") + flagged(_AROUND.format(line), "W101") != []


@pytest.mark.parametrize("line", LOOK_ALIKES)
def test_sentences_that_look_like_interface_text_are_left_alone(line):
    assert flagged(_AROUND.format(line), "W105") == []


def test_residue_glued_after_the_last_sentence_is_reported_alone():
    assert flagged("Prices fell again. Share on WhatsApp", "W105") == ["Share on WhatsApp"]
    assert flagged("Prices fell again… Photo credit: Anadolu Agency", "W105") == ["Photo credit: Anadolu Agency"]
    assert flagged("Prices fell again. Most people agreed.", "W105") == []


def test_section_names_the_dictionary_lacks_are_tags():
    text = "TechSportOpinionThe match was delayed.\nPrices rose to a record level.CovidHealthTech\nUKPoliticsBrexit“We agree,” she said."
    assert flagged(text, "W102") == ["TechSportOpinion", "CovidHealthTech", "UKPoliticsBrexit"]


def test_a_brand_or_a_made_up_word_is_not_tags():
    text = "PricewaterhouseCoopers said so.\nPrices rose.ZorblaxQuimFrob\nThe firm, FlixBus, grew."
    assert flagged(text, "W102") == []


def test_a_line_w101_lists_is_left_to_w101():
    text = "The talks resumed.\nLeave a Reply\nBack to top button\nThey will meet again."
    assert flagged(text, "W101") == ["Leave a Reply", "Back to top button"]
    assert flagged(text, "W105") == []


def test_a_line_of_w101s_list_glued_after_a_sentence_is_reported_by_w105():
    assert flagged("Prices fell again. Leave a Reply", "W105") == ["Leave a Reply"]
    assert flagged("Prices fell again. Leave a Reply", "W101") == []


def test_a_line_made_of_w101s_lines_is_left_to_w101():
    text = "The talks resumed.\nYour email address will not be published. Required fields are marked *\nThey met."
    assert flagged(text, "W105") == []
    assert flagged(text, "W101") != []


# -- issue 15, fourth round: tags before a space, a digit or after one; more furniture --------


@pytest.mark.parametrize(
    "text, tags",
    [
        ("WorldScienceSpace NASA said the launch was delayed.", "WorldScienceSpace"),
        ("WorldWeatherClimate2022 was the hottest year on record.", "WorldWeatherClimate"),
        ("The season ends in May.SportFootballNHL", "SportFootballNHL"),
        ("The results came late at night. ElectionsPolitics", "ElectionsPolitics"),
    ],
)
def test_tags_glued_before_a_space_or_a_digit_or_after_a_space(text, tags):
    assert flagged(text, "W102") == [tags]


def test_a_brand_before_a_space_or_a_digit_is_not_tags():
    assert flagged("YouTube The video platform said so.", "W102") == []
    assert flagged("PlayStation5 sales rose in May.", "W102") == []


def test_a_caption_pictured_and_a_most_read_header():
    assert flagged("The talks ended.\nThe new ferry, pictured during sea trials last month\nIt sails in May.", "W105") == [
        "The new ferry, pictured during sea trials last month"
    ]
    assert flagged("The talks ended.\nMost read this week\nIt sails in May.", "W105") == ["Most read this week"]
    # a sentence about a picture is not a caption
    assert flagged("The Milky Way is more massive than Andromeda, pictured here.", "W105") == []
    assert flagged("The talks ended. Save to reading list\nIt sails in May.", "W105") == ["Save to reading list"]


@pytest.mark.parametrize(
    "line",
    [
        "Photographer: Anna Holm/Bloomberg",
        "Photo courtesy of the city council",
        "Photo provided by the ministry",
        "Screenshot: Twitter",
        "Copyright: Lars Berg",
        "Source: ministry of health",
        "All photos by Anna Holm",
        "Name (required)",
        "Notify me of new comments via email",
        "Our best stories, in your inbox",
        "Free newsletter, every Friday",
    ],
)
def test_credits_by_a_medium_and_forms_by_their_shape(line):
    assert flagged(_AROUND.format(line), "W105") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Photos from the scene show the damage to the bridge.",
        "Footage by a local resident was shared widely online, police said.",
        "The newsletter was launched in 2019 and has 40,000 readers.",
        "Sources close to the talks said a deal was near.",
        # a label word that opens a name or an ordinary phrase, without the label's mark
        "Credit Suisse did not provide any official comment on the new regulations.",
        "Source code for the app was published on Monday.",
    ],
)
def test_sentences_about_photos_and_newsletters_are_not_furniture(line):
    assert flagged(_AROUND.format(line), "W105") == []

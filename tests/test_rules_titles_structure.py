"""T103 by the structure of office titles: a title in no list (a head word and its
modifiers) compared with the offices the person held.  Every example here is invented
for the test: titles no list of the rule holds, for people the table knows."""

from __future__ import annotations

import pytest

from lintnews.analyses.offices import knowledge, title_structure
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors


def titles(text: str) -> list[str]:
    return [f"{e.title} {e.name}" for e in office_errors(Document(path="a.txt", text=text), knowledge())]


@pytest.mark.parametrize(
    "rendering, head, mods",
    [
        ("minister of foreign affairs", "minister", {"forei", "affai"}),
        ("foreign minister", "minister", {"forei"}),
        ("general secretary", "general secretary", set()),
        ("secretary general of the united nations", "secretary general", {"unite", "natio"}),
        ("upper mayor", "mayor", {"upper"}),
        ("head of the foreign office", "head", {"forei", "offic"}),
        ("state affairs minister", "minister", {"state", "affai"}),
        ("chairman of the government", "chairman", {"gover"}),
        ("economy and finance minister", "minister", {"econo", "finan"}),
        ("spring festival", "", set()),
    ],
)
def test_title_structure(rendering, head, mods):
    assert title_structure(rendering) == (head, frozenset(mods))


# -- fires: a head the person never held, or a held head with modifiers none of its renderings has
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Governor Vladimir Putin signed the decree.", "Governor Vladimir Putin"),  # a head never held
        ("Speaking in Kyiv, Mayor Volodymyr Zelensky thanked them.", "Mayor Volodymyr Zelensky"),
        ("Secretary of Foreign Relations Sergey Lavrov arrived.", "Secretary of Foreign Relations Sergey Lavrov"),
        ("Chief Secretary António Guterres spoke.", "Chief Secretary António Guterres"),
        ("Minister of Outer Relations Dmytro Kuleba spoke.", "Minister of Outer Relations Dmytro Kuleba"),
        ("It was signed by Premier Joe Biden yesterday.", "Premier Joe Biden"),
        ("Supreme Judge John Roberts wrote it.", "Supreme Judge John Roberts"),  # a judge's head, not his office
        ("Republic Chairman Emmanuel Macron arrived.", "Republic Chairman Emmanuel Macron"),
        ("Former Prime Minister Olaf Scholz met the press.", "Prime Minister Olaf Scholz"),  # never held, at any time
        ("Ex-Governor Joe Biden spoke.", "Governor Joe Biden"),
    ],
)
def test_a_title_by_its_structure(text, expected):
    assert titles(text) == [expected]


# -- silent: right titles in no list, lower-case descriptions, parties, places, ranks
@pytest.mark.parametrize(
    "text",
    [
        "Federal Finance Minister Olaf Scholz presented the budget.",  # modifiers of the office held
        "Finance Minister Bruno Le Maire and Economy Minister Bruno Le Maire.",
        "Russian Foreign Minister Sergey Lavrov arrived.",
        "Foreign Affairs Minister Sergey Lavrov arrived.",
        "Senator Joe Biden voted.",  # a legislator's title: another office, not compared
        "Labour Party leader Keir Starmer spoke.",
        "Munich Mayor Dieter Reiter opened it.",
        "First Mayor Olaf Scholz opened the port.",  # First Mayor of Hamburg
        "Chairman Xi Jinping spoke.",
        "Secretary of State Antony Blinken and Secretary Antony Blinken.",
        "Supreme Commander-in-Chief Vladimir Putin ordered it.",
        "When Vladimir Putin spoke, Russian President Vladimir Putin was firm.",
        "Yesterday President Emmanuel Macron spoke.",
        "His Excellency President Volodymyr Zelenskyy spoke.",
        "Lord Mayor Jane Unknownperson spoke.",  # not in the table
        "Party General Secretary Xi Jinping spoke.",
    ],
)
def test_right_titles_by_structure_are_left_alone(text):
    assert titles(text) == []


# -- forms of address that are no English style before anyone's name ----------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plan of Comrade Ivan Unknownperson was adopted.", "Comrade Ivan Unknownperson"),
        ("They thanked Respected Jana Unknownperson for it.", "Respected Jana Unknownperson"),
        ("Boss Wang Unknownperson signed the order.", "Boss Wang Unknownperson"),
    ],
)
def test_a_form_of_address_before_anyone(text, expected):
    assert titles(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Father Ivan Unknownperson led the prayer.",  # a priest: a family word is a clergy style too
        "The Venerable Ajahn Unknownperson taught there.",  # a monk's style
        "Madam Jana Unknownperson spoke.",
        "comrade Ivan Unknownperson",  # lower case: a noun
        "His Excellency Ivan Unknownperson presented his credentials.",  # an ambassador, maybe
    ],
)
def test_other_forms_before_unknown_people_are_left_alone(text):
    assert titles(text) == []


# -- a person the table does not know: one top office against the article's other two -----
def test_an_odd_top_office_in_the_article_is_reported():
    text = (
        "Premier Ruan Qingfang arrived on Monday.\n"
        "On Tuesday, Premier Ruan Qingfang met the press.\n"
        "Later President Ruan Qingfang left.\n"
    )
    assert titles(text) == ["President Ruan Qingfang"]


@pytest.mark.parametrize(
    "text",
    [
        # one against one: which is right is not told
        "Governor Jan Unknownperson arrived.\nPresident Jan Unknownperson spoke.\n",
        # "Premier" and "Prime Minister" are one office
        "Premier Ruan Qingfang came.\nPrime Minister Ruan Qingfang spoke.\nPremier Ruan Qingfang left.\n",
        # a former office is another time
        "President Jan Unknownperson came.\nPresident Jan Unknownperson spoke.\nFormer Governor Jan Unknownperson left.\n",
        # a known name: the table judges it, not the article
        "President Emmanuel Macron came.\nPresident Emmanuel Macron spoke.\nMinister Emmanuel Macron left.\n",
        # two people of one surname
        "President Kim Dae-jung came.\nPresident Kim Dae-jung spoke.\nPrime Minister Kim Jong-pil left.\n",
    ],
)
def test_titles_in_an_article_that_do_not_conflict(text):
    assert titles(text) == []


def test_a_possessive_ends_the_name():
    assert titles("Chancellor Narendra Modi's plan failed.") == ["Chancellor Narendra Modi"]
    assert titles("Prime Minister Narendra Modi's plan failed.") == []


# -- a modifier no English office title has: a word-by-word rendering, whoever the person is
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The talks, said Minister of Inside Matters Sergey Unknownov, went well.", "Minister of Inside Matters Sergey Unknownov"),
        ("Big Chancellor Jan Unknownperson arrived.", "Big Chancellor Jan Unknownperson"),
        ("He met Country Secretary Jiro Unknownda.", "Country Secretary Jiro Unknownda"),
        ("He met Head Long Minister Taro Unknownda.", "Head Long Minister Taro Unknownda"),
    ],
)
def test_a_word_no_english_office_has(text, expected):
    assert titles(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Transport Secretary Grant Unknownps spoke.",
        "Levelling Up Secretary Michael Unknown spoke.",
        "County Commissioner Sebastian Unknown spoke.",
        "Taiwan's Minister of Digital Technologies Audrey Unknown spoke.",
        "People's Daily Online - Prime Minister Pham Unknown attends.",
        "Police Chief John Unknown and Fire Chief Jim Unknown spoke.",
        "Outland Affairs Minister Jan Unknownperson spoke.",  # a rare word: maybe a place
        "Could Prime Minister Jan Unknownperson have done more?",  # a sentence's first word
    ],
)
def test_english_office_words_are_left_alone(text):
    assert titles(text) == []


def test_a_knighthood_for_a_person_of_no_commonwealth_realm():
    assert titles("The speech of Lord Vladimir Putin was long.") == ["Lord Vladimir Putin"]
    assert titles("Sir Olaf Scholz replied.") == ["Sir Olaf Scholz"]
    assert titles("Sir Keir Starmer replied.") == []  # a knight of the realm
    assert titles("Dame Jacinda Ardern replied.") == []  # New Zealand
    assert titles("Lady Jane Unknownperson came.") == []  # nobody the table knows


def test_one_against_one_the_title_of_one_countrys_system_is_odd():
    text = "Governor Jan Unknownperson arrived.\nLater Voivode Jan Unknownperson spoke.\n"
    assert titles(text) == ["Voivode Jan Unknownperson"]
    text = "Prime Minister Jan Unknownperson arrived.\nLater Taoiseach Jan Unknownperson spoke.\n"
    assert titles(text) == ["Taoiseach Jan Unknownperson"]


def test_a_form_of_address_before_anyone_needs_a_name():
    # "Honoured Artist of Science of Russia": an honorary title; "Artist" is no name
    assert titles("said Honoured Artist of Science of Russia Anatoly Unknownstein in an interview") == []
    assert titles("He thanked Comrade Unknownyama for it.") == ["Comrade Unknownyama"]


@pytest.mark.parametrize(
    "text",
    [
        "Chairman of Australian Wool Innovation Ian McLachlan says he understands.",  # an organisation's officer
        "Head of Australian Dairy Farmers John McQueen says prices will rise.",
        "Labor Premier Peter Beattie spoke to reporters.",  # a party before the office
        "Republican Senator Mitch McConnell spoke.",
    ],
)
def test_an_organisations_officer_and_a_party_before_the_office_are_no_wrong_office(text):
    assert titles(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Labor President Anthony Albanese spoke.", "Labor President Anthony Albanese"),  # the party changes nothing
        ("The Minister of Enlightenment Ivan Petrov spoke.", "Minister of Enlightenment Ivan Petrov"),
    ],
)
def test_a_wrong_office_is_still_wrong_after_a_party_or_before_a_name_of_its_own(text, expected):
    assert titles(text) == [expected]

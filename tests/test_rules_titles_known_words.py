"""T103: capitalised common words of no English title before a known office-holder's
full name (a form of address or another system's office the lists do not have)."""

from __future__ import annotations

import pytest

from lintnews.analyses.offices import ENGLISH_STYLES, OFFICE_TITLES, WORDS, knowledge
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors


def titles(text: str) -> list[str]:
    return [f"{e.title} {e.name}" for e in office_errors(Document(path="a.txt", text=text), knowledge())]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The talks with Sire Emmanuel Macron ended on Friday.", "Sire Emmanuel Macron"),
        ("On Monday, Citizen Emmanuel Macron addressed the crowd.", "Citizen Emmanuel Macron"),
        ("Crowds cheered Companion Luiz Inácio Lula da Silva in São Paulo.", "Companion Luiz Inácio Lula da Silva"),
        ("The envoy met Gentleman Vladimir Putin in the Kremlin.", "Gentleman Vladimir Putin"),
        # at a sentence's start, a second capitalised word is the evidence
        ("Beloved Friend Emmanuel Macron received the envoy.", "Beloved Friend Emmanuel Macron"),
    ],
)
def test_reports_capitalised_words_of_no_english_title(text, expected):
    assert titles(text) == [expected]
    (e,) = office_errors(Document(path="a.txt", text=text), knowledge())
    assert e.suggestion  # the office the person held


@pytest.mark.parametrize(
    "text",
    [
        # the correct English titles
        "Foreign Secretary James Cleverly flew to Washington.",
        "Premier Li Qiang addressed the forum in Davos.",
        "Chancellor Olaf Scholz spoke in the Bundestag.",
        "Governor Gavin Newsom signed the budget on Tuesday.",
        "Earlier this year Professor Lawrence Summers resigned as president of Harvard.",
        # one capitalised word at a sentence's start: any descriptive word has a capital there
        "Populist Viktor Orbán won a fourth term.",
        "Citizen Emmanuel Macron addressed the crowd.",
        # in lower case mid-sentence: English's own descriptive words
        "Voters backed populist Viktor Orbán again.",
        # a headline in title case, a line that ends no sentence
        "Crowds Cheer Citizen Emmanuel Macron",
        "The Crowds Cheered Citizen Emmanuel Macron in Paris.",
        # a person the table does not know
        "The envoy met Gentleman Fan Mingzheng in the capital.",
        # plural office words before a name: a list ("Senators Barnaby Joyce and ...")
        "The motion was moved by Senators Barnaby Joyce and Ron Boswell.",
    ],
)
def test_silent_on_english(text):
    assert titles(text) == []


def test_the_mention_is_of_its_own_kind_and_the_styles_are_english():
    (m,) = [m for m in OFFICE_TITLES.of(Document("a.txt", "They met Sire Emmanuel Macron in Paris.\n")) if m.kinds & WORDS]
    assert (m.written, m.name, m.sentence_start) == ("Sire", "Emmanuel Macron", False)
    # the styles are what English puts before a name, never a source language's forms
    assert {"professor", "reverend", "captain"} <= ENGLISH_STYLES
    assert not {"citizen", "comrade", "companion", "gentleman", "sire"} & ENGLISH_STYLES


def test_a_form_of_address_before_a_name_whose_first_word_the_title_kept():
    # the name finder leaves "Kim" with the title; the form of address is still read
    # before "Kim Jong Un", and the right office before the same name stays silent
    assert titles("They met Comrade Kim Jong Un at the plant.") == ["Comrade Kim Jong Un"]
    assert titles("They met Supreme Leader Kim Jong Un at the plant.") == []
    # "Kim" is a common word: it is no form of address of its own
    assert [m.kinds & WORDS for m in OFFICE_TITLES.of(Document("a.txt", "They met Comrade Kim Jong Un at the plant.\n"))] == [0]


# -- one country's office before a person the table does not know ---------------------------
def test_one_systems_office_in_an_article_of_other_countries():
    assert titles("In Texas, Prefect Michael Harlan said the US border would stay closed.") == ["Prefect Michael Harlan"]
    assert titles("The US envoy met Taoiseach Michael Harlan in Cork.") == ["Taoiseach Michael Harlan"]


@pytest.mark.parametrize(
    "text",
    [
        "The Polish town hall said Voivode Michael Harlan would visit.",  # the article names Poland
        "The US envoy met Taoiseach Michael Harlan in Dublin.",  # Dublin's: a place of Ireland
        "Voivode Michael Harlan said the road would reopen.",  # the article names no country
        "In Texas, former Prefect Michael Harlan said the US border would stay closed.",  # another time
        "In Ohio, Governor Michael Harlan said the US border would stay closed.",  # no one system's office
    ],
)
def test_one_systems_office_silent(text):
    assert titles(text) == []


# -- an article that names one country: its system judges the titles of unknown people -------
def test_another_systems_title_in_an_article_of_one_country():
    assert titles("In Kyiv, Ukrainian officials said Foreign Secretary Ivan Petrenko would travel.") == [
        "Foreign Secretary Ivan Petrenko"
    ]
    assert titles("In the US, Prime Minister John Harlan said taxes would rise.") == ["Prime Minister John Harlan"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's parliament met as Prime Minister Ivan Petrenko spoke.",  # the country's own title
        "Ukrainian and Polish officials said Foreign Secretary Ivan Petrenko would travel.",  # two countries
        "In the US, Chancellor Gene Harlan said tuition would rise.",  # a university's title too
        "Officials said Foreign Secretary Ivan Petrenko would travel.",  # no country named
        "In Kyiv, Ukrainian officials said former Foreign Secretary Ivan Petrenko would travel.",  # another time
        "Officials told us that Prime Minister John Harlan would travel.",  # "us" is no marker of the US
    ],
)
def test_one_country_silent(text):
    assert titles(text) == []

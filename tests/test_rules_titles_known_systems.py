"""T103: another country's title, before a person the table knows whose own country does
not use it, or before an unknown person in an article whose named countries all lack it
(issue 17, other-country titles)."""

from __future__ import annotations

import pytest

from lintnews.analyses.offices import knowledge
from lintnews.api import lint_texts
from lintnews.core.document import Document
from lintnews.rules.titles_known import office_errors


def found(text: str) -> list[str]:
    return [f"{e.title} {e.name}" for e in office_errors(Document(path="a.txt", text=text + "\n"), knowledge())]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person the table knows
        ("Secretary of State Sergey Lavrov spoke.", "Secretary of State Sergey Lavrov"),
        ("Taoiseach Rishi Sunak spoke.", "Taoiseach Rishi Sunak"),
        ("Chancellor Emmanuel Macron spoke.", "Chancellor Emmanuel Macron"),
        ("Foreign Secretary Annalena Baerbock spoke.", "Foreign Secretary Annalena Baerbock"),
        # a two-word head whose last word is no head ("Chief Executive"), read by its structure
        ("On Monday, Chief Executive Volodymyr Zelenskyy said so.", "Chief Executive Volodymyr Zelenskyy"),
        # a marker the name finder kept in the name, possessive or adjective
        ("Britain's Federal Chancellor Theresa May arrives.", "Federal Chancellor Theresa May"),
        ("He called New Zealand's First Minister Jacinda Ardern a communist.", "First Minister Jacinda Ardern"),
        ("Belarusian Chancellor Alexander Lukashenko is seeking it.", "Chancellor Alexander Lukashenko"),
        ("Macedonian Federal Chancellor Gjorge Ivanov has said it.", "Federal Chancellor Gjorge Ivanov"),
        # a surname without its Arabic article (the table has "Bashar al-Assad")
        ("On Monday, Premier Bashar Assad said so.", "Premier Bashar Assad"),
        # ... and with it: the name finder stops at the particle in lower case
        ("On Monday, Prime Minister Bashar al-Assad said so.", "Prime Minister Bashar al-Assad"),
        ("On Monday, King Abdel Fattah el-Sisi said so.", "King Abdel Fattah el-Sisi"),
        # a region's executive the table knows (Governor of California), no compared office
        ("Premier Gavin Newsom spoke.", "Premier Gavin Newsom"),
        ("Prime Minister Gavin Newsom spoke.", "Prime Minister Gavin Newsom"),
        ("Burgomaster Gavin Newsom spoke.", "Burgomaster Gavin Newsom"),
        # Japan's prefectures have governors, not prefects
        ("Prefect Yuriko Koike spoke in Tokyo.", "Prefect Yuriko Koike"),
        # unknown people: every country the article names lacks the title
        ("Talks between Peru and Chile ended, and Chancellor Lucia Ferrante said a deal was close.",
         "Chancellor Lucia Ferrante"),
        ("Russia and China agreed, Federal Chancellor Oleg Smirnov said.", "Federal Chancellor Oleg Smirnov"),
        ("In Kyiv, Ukrainian officials said Chancellor Ivan Petrenko would travel.", "Chancellor Ivan Petrenko"),
    ],
)
def test_another_systems_title_fires(text, expected):
    assert found(text) == [expected]


def test_the_message_names_the_countries():
    (e,) = office_errors(Document("a.txt", "Russia and China agreed, Federal Chancellor Oleg Smirnov said.\n"), knowledge())
    assert "China or Russia" in e.message


@pytest.mark.parametrize(
    "text",
    [
        # the person's own office
        "Foreign Secretary James Cleverly flew to Washington.",
        "Premier Li Qiang addressed the forum in Davos.",
        "Chancellor Olaf Scholz spoke in the Bundestag.",
        "Governor Kathy Hochul of New York spoke.",
        "Chief Executive John Lee said so.",  # Hong Kong's
        "Britain's Prime Minister Theresa May arrives.",
        "On Monday, President Bashar Assad said so.",
        "On Monday, President Bashar al-Assad said so.",
        "On Monday, President Bashar al-Assad's forces attacked.",
        "President Ursula von der Leyen said so.",
        "Belarusian President Alexander Lukashenko is seeking it.",
        "China's Premier Li Qiang said so.",
        "Russia's Foreign Minister Sergei Lavrov said so.",
        "Belarusian Chancellor Ivan Petrov said so.",  # unknown, and a country the data lists no offices of
        "Chief Executive Elon Musk said so.",  # a company's, of someone the table does not know
        "Tesla Chief Executive Elon Musk said so.",
        "On Monday, former Prime Minister Theresa May spoke.",
        # a governor may have been a mayor (the table lacks it); "President" of anything
        "Mayor Gavin Newsom spoke.",
        "Governor Gavin Newsom spoke.",
        "President Gavin Newsom spoke.",
        # unknown people: one of the named countries has the title
        "Germany and Ukraine agreed, and Chancellor Ivan Petrenko spoke.",
        "Britain and France agreed on the patrols; Foreign Secretary Edward Pryce flew to Paris.",
        "Poland and Ukraine agreed, and Prime Minister Ivan Petrenko spoke.",
        "Spain and Portugal agreed, President of the Government Javier Ortega said.",
        # a university's chancellor; a council's president; a title only one country's lists name
        "In the US and Canada, Chancellor Gene Harlan said tuition would rise.",
        "Peru and Chile agreed, and Chancellor Lucia Ferrante of the university said students would benefit.",
        "Japan and Australia agreed; Council President Ken Sato said.",
        # no country named, or too many to say whose system it is
        "Officials said Chancellor Ivan Petrenko would travel.",
        "Russia, China, Peru, Chile and Brazil agreed, and Chancellor Lucia Ferrante said so.",
        # another time, another rank
        "Russia and China agreed, former Federal Chancellor Oleg Smirnov said.",
        "Russia and China agreed, Deputy Chancellor Oleg Smirnov said.",
        # India's Foreign Secretary and Home Secretary are civil-service offices of its own
        "Indian Foreign Secretary Vikram Misri met officials in New Delhi, India said.",
        "India's Home Secretary Ajay Bhalla said the talks went well.",
    ],
)
def test_another_systems_title_silent(text):
    assert found(text) == []


def test_a_title_in_a_quotation_is_left_alone():
    texts = {"a.txt": 'Russia and China agreed. "Federal Chancellor Oleg Smirnov will come," he said.\n'}
    assert [f for f in lint_texts(texts, select=["T103"])] == []
    texts = {"a.txt": "Russia and China agreed. Federal Chancellor Oleg Smirnov will come, he said.\n"}
    assert [f.code for f in lint_texts(texts, select=["T103"])] == ["T103"]

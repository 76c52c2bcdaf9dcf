"""T103 and names the office table gives several people (issue 17): namesakes are told
apart by a marker, the name's spelling and the countries the article names, and a title
that no namesake held is reported whoever is meant."""

from __future__ import annotations

import pytest

from lintnews.analyses.offices import knowledge, name_key
from lintnews.core.document import Document, in_quote
from lintnews.rules.titles_known import office_errors


def found(text: str) -> list[str]:
    return [f"{e.title} {e.name}" for e in office_errors(Document(path="a.txt", text=text + "\n"), knowledge())]


def test_the_table_still_has_these_namesakes():
    # the cases below are about shared keys: if the table changes, they must be rewritten
    k = knowledge()
    assert len({p.pid for p in k.people(name_key(["Wang", "Yi"]))}) > 1
    assert len({p.pid for p in k.people(name_key(["Kim", "Jong", "Un"]))}) > 1
    assert len({p.pid for p in k.people(name_key(["Helen", "Clark"]))}) > 1


@pytest.mark.parametrize(
    "text, expected",
    [
        # the foreign minister and legislators of one name: a head of government's title is no one's
        ("On Monday, Prime Minister Wang Yi met Antony Blinken.", ["Prime Minister Wang Yi"]),
        ("Premier Wang Yi met Antony Blinken in Munich.", ["Premier Wang Yi"]),
        # "Kim Jong-hoon" shares the spelling key; the spelling tells them apart
        ("On Monday, Prime Minister Kim Jong Un inspected a factory.", ["Prime Minister Kim Jong Un"]),
        ("Foreign Minister Kim Jong-un inspected a factory.", ["Foreign Minister Kim Jong-un"]),
        # a form of address, for the one namesake who held a compared office
        ("On Monday, Comrade Wang Yi met Antony Blinken.", ["Comrade Wang Yi"]),
        # the country the article names picks the New Zealand prime minister
        ("President Helen Clark spoke in Wellington, New Zealand.", ["President Helen Clark"]),
    ],
)
def test_namesakes_are_judged(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Foreign Minister Wang Yi met Antony Blinken.",
        "Chinese Foreign Minister Wang Yi met Antony Blinken.",
        "On Monday, State Councillor Wang Yi met Antony Blinken.",
        # a title a legislator namesake may hold (the table lists no provincial offices)
        "On Monday, Governor Wang Yi met reporters.",
        "On Monday, Chairman Kim Jong Un inspected a factory.",
        "On Monday, President Kim Jong Un inspected a factory.",
        "Prime Minister Helen Clark spoke in Wellington, New Zealand.",
        "On Monday, former Prime Minister Wang Yi met reporters.",
        "On Monday, former Prime Minister Helen Clark met reporters.",
        'He said: "Prime Minister Wang Yi will come."',
    ],
)
def test_namesakes_are_left_alone(text):
    doc = Document(path="a.txt", text=text + "\n")
    errs = office_errors(doc, knowledge())
    assert [e for e in errs if not in_quote(doc, e.start)] == []


def test_a_verdict_that_depends_on_the_article_is_not_carried_to_another():
    # an unknown person's title is judged against the one country an article names: the
    # verdict of one article must not be reused for another that names another country
    from lintnews.api import lint_texts

    texts = {
        "a.txt": "Foreign Secretary Ivan Petrenko spoke in Kyiv. Ukraine will answer.\n",
        "b.txt": "Foreign Secretary Ivan Petrenko spoke in London. Britain will answer.\n",
    }
    got = {(f.path, f.code) for f in lint_texts(texts, select=["T103"])}
    assert ("b.txt", "T103") not in got
    assert ("a.txt", "T103") in got

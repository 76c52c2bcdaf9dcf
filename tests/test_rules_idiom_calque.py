"""M104 idiom-calque: an adverbial idiom with an article or its preposition changed word
for word (a specification).  The rows are built into M103's table from WordNet's adverbs
by ``training/build_phrase_table.py``; the build is tested on a small WordNet here.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest
from rulecase import findings, flagged

from lintnews.analyses.phrases import load_table

ROOT = Path(__file__).resolve().parent.parent


# An article put into a prepositional idiom (a calque of a language that marks
# definiteness otherwise): read only where the idiom ends, so no noun can continue it.
@pytest.mark.parametrize(
    ("text", "phrase", "suggestion"),
    [
        ("For the example, the ministry cut its budget twice.", "For the example", "For example"),
        ("Prices rose, in the particular, in the capital.", "in the particular", "in particular"),
        ("The team rebuilt the system from the scratch.", "from the scratch", "from scratch"),
        ("Some regions voted no, for the instance.", "for the instance", "for instance"),
    ],
)
def test_an_article_put_into_an_idiom_is_reported(text, phrase, suggestion):
    [finding] = findings(text, "M104")
    assert flagged(text, "M104") == [phrase]
    assert finding.suggestion == suggestion
    assert "without an article" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "He cited it as a warning for the example of others.",
        "In the particular case of the north, turnout fell.",
        "The plan was explained in the detail it deserved.",
        "For the example he gave, the figures were wrong.",
        "At the least, the rules should be published.",
        "Costs rose in the turn of the year.",
        "She said that \"for the example, nothing changed\" at the meeting.",
    ],
)
def test_an_idiom_with_an_article_that_a_noun_continues_is_not_reported(text):
    assert flagged(text, "M104") == []


@pytest.mark.parametrize(
    ("text", "phrase", "suggestion", "change"),
    [
        ("In the same time, prices rose in the capital.", "In the same time", "At the same time", "with another preposition"),
        ("Prices rose; in the other hand, wages fell.", "in the other hand", "on the other hand", "with another preposition"),
        ("Wages fell, on other hand, in the north.", "on other hand", "on the other hand", "with its article"),
        ("The team won the cup for first time.", "for first time", "for the first time", "with its article"),
        ("At a same time, the ministry cut its budget.", "At a same time", "At the same time", "with another article"),
        ("In the other words, the plan failed.", "In the other words", "In other words", "without an article"),
        ("At the first sight, the plan looked sound.", "At the first sight", "At first sight", "without an article"),
        ("In the fact, the plan failed.", "In the fact", "In fact", "without an article"),
        ("In a meantime, the plan failed.", "In a meantime", "In the meantime", "with another article"),
        ("The plan failed, on contrary.", "on contrary", "on the contrary", "with its article"),
    ],
)
def test_an_idiom_with_an_article_or_preposition_changed_is_reported(text, phrase, suggestion, change):
    [finding] = findings(text, "M104")
    assert flagged(text, "M104") == [phrase]
    assert finding.suggestion == suggestion
    assert finding.message == f"'{phrase}': the idiom is '{suggestion}', {change}"


@pytest.mark.parametrize(
    "text",
    [
        # The idiom itself, and variants that are English (a WordNet phrase of their own,
        # a noun common after "the", an article left out of a three-word idiom).
        "At the same time, prices rose. On the other hand, wages fell. In the end, it passed.",
        "In the future, prices will rise. At the time, nobody knew. For a moment, he paused.",
        "In the way, there was a rock. By day, the roads are full. In a way, it worked.",
        # A changed preposition or article only where the idiom opens a clause before a comma.
        "She held a cup in the other hand and left.",
        "They ran in the same time as last year.",
        "He said in the same time, the plan worked.",
        "The facts in the fact, sheet were wrong.",
        # An article dropped only where a mark ends the idiom: a headline is not read.
        "Team wins cup for first time\nThe team won on Sunday.",
        "The first-time buyers were offered loans for first time buyers.",
        # Quotations are not read.
        "She said: “In the same time, we grew.”",
    ],
)
def test_english_and_literal_readings_are_not_reported(text):
    assert flagged(text, "M104") == []


def test_the_shipped_table_holds_every_kind_of_idiom_row():
    kinds = set(load_table().idiom_kinds.values())
    assert kinds == {"ci", "ka", "kd", "ks", "kp"}


def _build_module():
    spec = importlib.util.spec_from_file_location("build_phrase_table", ROOT / "training" / "build_phrase_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_writes_calques_of_adverbial_idioms_that_are_not_phrases_of_their_own():
    build = _build_module()
    wordnet = {
        "n": "00000001 03 n 01 time 0 000 | a period\n00000003 03 n 01 in_the_same_time 0 000 | a phrase of its own here",
        "v": "",
        "a": "",
        "r": "\n".join(
            [
                "00000002 02 r 01 at_the_same_time 0 000 | simultaneously",
                "00000004 02 r 01 for_a_moment 0 000 | briefly",
                "00000005 02 r 01 in_other_words 0 000 | that is to say",
                "00000006 02 r 01 at_rare_times 0 000 | seldom",
            ]
        ),
    }
    bigrams = {"at the": 900, "the same": 900, "same time": 900, "in the": 900, "for a": 500, "a moment": 500, "the moment": 800,
               "in other": 300, "other words": 300, "at rare": 5, "rare times": 5}
    args = argparse.Namespace(calque_count=100)
    rows = build.idiom_calques(bigrams, build.WordNet(wordnet), args)
    assert rows["at same time"] == ("at the same time", 0, 900, "kd")
    assert rows["at a same time"] == ("at the same time", 0, 900, "ks")
    assert rows["on the same time"] == ("at the same time", 0, 900, "kp")
    assert rows["in the other words"] == ("in other words", 0, 300, "ka")
    # A WordNet phrase of its own is not a calque; an article is not swapped in a three-word
    # idiom where the pair it makes is English ("the moment": in "for the moment"); a rare idiom
    # (a pair counted under --calque-count) has no rows.
    assert "in the same time" not in rows
    assert "for the moment" not in rows
    # An article dropped from it is, where the pair left is not in the list ("for moment").
    assert rows["for moment"] == ("for a moment", 0, 500, "kd")
    assert not any(p == "at rare times" for p, _, _, _ in rows.values())
    assert rows == build.idiom_calques(dict(bigrams), build.WordNet(wordnet), args)


def test_an_idiom_row_of_two_words_is_an_idiom_not_a_swap_of_m103():
    # "on contrary" (the article dropped from "on the contrary") has two words like M103's
    # rows: it is read by M104 only.
    text = "The plan failed, on contrary. On contrary it passed"
    assert flagged(text, "M103") == []
    assert flagged(text, "M104") == ["on contrary"]

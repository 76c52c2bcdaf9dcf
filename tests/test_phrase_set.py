"""Phrase lists matched with Aho-Corasick, and user patterns bounded (issue 21, items 17-18).

The automaton (lintnews.analyses.matching.phrase_set) must find exactly what the regex of
the phrases finds: the same spans, the same phrase at each, the same word boundaries and
case folding.  The regex is the oracle here: random lists and texts, of the characters
where the two could differ (letters with odd case folds, every apostrophe and quote, runs
of white space, word characters at the edges).
"""

from __future__ import annotations

import os
import random
import re
import sys

import _sre
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews.analyses.matching import (
    MAX_PHRASE_CHARS,
    MAX_PROGRAM_SIZE,
    PatternError,
    PhraseSet,
    compile_user,
    phrase_regex,
    phrase_regex_length,
)
from lintnews.analyses.matching.casefold import LAST_CASED, fold
from lintnews.analyses.matching.phrase_set import _table, merge_matches, PhraseMatch
from lintnews.core.data import DataError
from lintnews.core.document import make_document
from lintnews.analyses.matching import plain_arguments
from lintnews.rules.types import rule_from_spec

EXAMPLES = int(os.environ.get("LINTNEWS_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, derandomize=EXAMPLES <= 150, deadline=None, suppress_health_check=list(HealthCheck))

# Letters whose case differs between str.lower and re (Kelvin sign, long s, dotted I,
# Greek sigmas, the German sharp s), word characters of other scripts, every apostrophe
# and quote, white space of several kinds, and punctuation at word edges.
ALPHABET = "aAbBkKsSſ\u212aiIİıσςΣßẞéÉ1_ '’‘`\"“”\t\n\u00a0\u2003-.,"


def _text(draw_chars, max_size):
    return st.text(alphabet=draw_chars, max_size=max_size)


# -- the normalisation is Python's own ------------------------------------------------------


def test_the_case_fold_is_the_one_of_re_on_every_cased_code_point():
    cased = [chr(c) for c in range(sys.maxunicode + 1) if _sre.unicode_iscased(c)]
    everything = "".join(cased)
    same_fold: dict[str, set[str]] = {}  # fold -> the cased characters with that fold
    for other in cased:
        same_fold.setdefault(fold(other), set()).add(other)
    for ch in cased:
        matched = set(re.findall(re.escape(ch), everything, re.IGNORECASE))
        assert matched == same_fold[fold(ch)], ch


def test_no_code_point_after_the_last_cased_one_folds():
    assert all(_sre.unicode_tolower(c) == c for c in range(LAST_CASED + 1, sys.maxunicode + 1))


def test_every_white_space_character_is_a_space_and_no_other():
    table = _table(False)
    for code in range(sys.maxunicode + 1):
        assert (table.get(code) == 32) == (chr(code).isspace() and code != 32), hex(code)


@given(phrase=_text(ALPHABET, 12).filter(bool))
@SETTINGS
def test_the_length_of_a_phrase_regex_is_counted_without_writing_it(phrase):
    for lookaround in (True, False):
        assert phrase_regex_length(phrase, lookaround) == len(phrase_regex(phrase, lookaround))


# -- the automaton finds what the regex finds ------------------------------------------------


@given(
    phrases=st.lists(_text(ALPHABET, 5).filter(bool), min_size=1, max_size=10),
    text=_text(ALPHABET, 80),
    ignore_case=st.booleans(),
)
@SETTINGS
def test_the_automaton_finds_exactly_the_matches_of_the_regex(phrases, text, ignore_case):
    phrase_set = PhraseSet("p", phrases, ignore_case)
    assert phrase_set.find(text) == phrase_set.plain(make_document("t.txt", text))


def test_the_automaton_and_the_regex_agree_on_many_random_lists_of_words():
    rng = random.Random(21)
    words = ["minister", "Minister", "foreign", "affairs", "it's", "it’s", "don't", "state", "STATE", "ſtate", "a", "the"]
    for _ in range(300):
        phrases = [" ".join(rng.choices(words, k=rng.randint(1, 3))) for _ in range(rng.randint(1, 40))]
        text = rng.choice([" ", "  ", "\n", ", ", "-"]).join(rng.choices(words + ["x", "état"], k=60))
        for ignore_case in (False, True):
            phrase_set = PhraseSet("p", phrases, ignore_case)
            doc = make_document("t.txt", text)
            assert phrase_set.find(text) == phrase_set.plain(doc), (phrases, text)
            assert phrase_set.of(doc) == phrase_set.plain(doc), (phrases, text)  # the RE2 test first


ASCII_ALPHABET = "aAbBkKsSiI1_ '`\"\t\n-.,"


@given(
    phrases=st.lists(_text(ASCII_ALPHABET, 5).filter(bool), min_size=1, max_size=10),
    text=_text(ALPHABET, 80),
    ignore_case=st.booleans(),
)
@SETTINGS
def test_a_document_whose_bytes_re2_finds_no_phrase_in_has_no_match(phrases, text, ignore_case):
    # A list of ASCII phrases is first looked for in the document's bytes with one RE2
    # search (a superset of the phrases); a document it finds nothing in has no match.
    phrase_set = PhraseSet("p", phrases, ignore_case)
    doc = make_document("t.txt", text)
    assert phrase_set.of(doc) == phrase_set.plain(doc)
    assert phrase_set._search is not None  # the RE2 test was made and used


def test_the_re2_test_rejects_a_document_without_a_phrase():
    phrase_set = PhraseSet("p", ["foreign minister", "it's"], ignore_case=True)
    assert phrase_set.of(make_document("a.txt", "The Foreign\u00a0 Minister said")) == [PhraseMatch(4, 21, 0)]
    assert phrase_set.of(make_document("b.txt", "It\u2019s here")) == [PhraseMatch(0, 4, 1)]
    assert phrase_set._may_occur(make_document("c.txt", "The foreign office, its minister")) is False


@pytest.mark.parametrize(
    "phrases, text, expected",
    [
        (["foreign minister"], "the Foreign  Minister said", [(4, 21)]),  # any run of spaces, case folded
        (["it's"], "it’s here; its", [(0, 4)]),  # any apostrophe
        (["state"], "statement state", [(10, 15)]),  # a whole word only
        (["state", "state of"], "state of play", [(0, 5)]),  # the first listed wins at a place
        (["state of", "state"], "state of play", [(0, 8)]),
        (["K"], "\u212a and ſ", [(0, 1)]),  # the Kelvin sign is a k under IGNORECASE
        (["s"], "ſ", [(0, 1)]),
    ],
)
def test_phrases_match_as_their_regex_does(phrases, text, expected):
    phrase_set = PhraseSet("p", phrases, ignore_case=True)
    assert [(m.start, m.end) for m in phrase_set.find(text)] == expected
    assert phrase_set.find(text) == phrase_set.plain(make_document("t.txt", text))


def test_matches_found_apart_are_merged_as_one_alternation_takes_them():
    # Leftmost first; at one place the lower number; none inside the one taken.
    a = [PhraseMatch(0, 5, 3), PhraseMatch(6, 9, 1)]
    b = [PhraseMatch(0, 7, 2), PhraseMatch(8, 12, 0)]
    assert merge_matches(a, b) == [PhraseMatch(0, 7, 2), PhraseMatch(8, 12, 0)]


# -- rules: phrase lists of any length ------------------------------------------------------


def _findings(rule, text, plain=False):
    doc = make_document("t.txt", text)
    arguments = plain_arguments(rule.needs, doc) if plain else {a.name: a.of(doc) for a in rule.needs}
    return [(f.line, f.column, f.message, f.suggestion) for f in rule.check(doc, **arguments)]


@pytest.mark.parametrize("trusted", [True, False])
@given(
    tokens=st.lists(_text("abAB '’-", 6).filter(str.strip), min_size=1, max_size=8),
    text=_text("abAB '’-\n", 60),
    ignore_case=st.booleans(),
)
@SETTINGS
def test_an_existence_rule_finds_what_the_regex_of_its_tokens_finds(trusted, tokens, text, ignore_case):
    spec = {"code": "X101", "name": "x", "type": "existence", "message": "{match}", "tokens": tokens, "ignore_case": ignore_case}
    rule = rule_from_spec(spec, "pack.yaml", trusted=trusted)
    assert _findings(rule, text) == _findings(rule, text, plain=True)
    # And what the one regex of today's rule finds: the tokens longest regex first.
    ordered = sorted(tokens, key=lambda t: len(phrase_regex(t, trusted)), reverse=True)
    regex = re.compile("|".join(phrase_regex(t) for t in ordered), re.IGNORECASE if ignore_case else 0)
    doc = make_document("t.txt", text)
    spans = [(m.start(), m.end()) for m in regex.finditer(doc.view) if m.group().strip()]
    assert len(_findings(rule, text)) == len(spans)


def test_a_substitution_list_of_30000_entries_loads_and_is_matched():
    """Before: the entries were one regex, refused after seconds as over 20,000 characters."""
    rng = random.Random(18)
    words = {"".join(rng.choices("abcdefghij", k=8)) for _ in range(31_000)}
    swaps = [{"wrong": w, "expected": w.upper()} for w in sorted(words)[:30_000]]
    spec = {"code": "X102", "name": "x", "type": "substitution", "message": "{match}", "swap": swaps}
    rule = rule_from_spec(spec, "pack.yaml", trusted=False)
    wrong = swaps[12_345]["wrong"]
    assert [f[3] for f in _findings(rule, f"He wrote {wrong} twice: {wrong}.")] == [wrong.upper()] * 2


def test_an_existence_list_past_the_old_ceiling_is_matched():
    tokens = [f"term{n:05d}" for n in range(5_000)]
    spec = {"code": "X103", "name": "x", "type": "existence", "message": "{match}", "tokens": tokens}
    rule = rule_from_spec(spec, "pack.yaml", trusted=False)
    assert [f[2] for f in _findings(rule, "see term04999 and term00000, not term0")] == ["term04999", "term00000"]


def test_a_phrase_over_the_length_limit_is_one_error_naming_the_pack():
    """The automaton's work per character is bounded by its longest phrase: a phrase that
    repeats itself ("lol lol ... lol end") over a text of the same made it quadratic."""
    long_phrase = "lol " * (MAX_PHRASE_CHARS // 4) + "end"
    spec = {"code": "X109", "name": "x", "type": "existence", "message": "{match}", "tokens": ["ok", long_phrase]}
    with pytest.raises(DataError, match=rf"long\.yaml: phrase 'lol lol .* over the limit of {MAX_PHRASE_CHARS}"):
        rule_from_spec(spec, "long.yaml", trusted=False)
    spec["tokens"] = ["ok", "lol " * (MAX_PHRASE_CHARS // 4 - 1) + "end"]
    assert len(_findings(rule_from_spec(spec, "long.yaml", trusted=False), "ok " + spec["tokens"][1])) == 2


def test_tokens_and_patterns_together_are_merged():
    spec = {
        "code": "X104",
        "name": "x",
        "type": "existence",
        "message": "{match}",
        "tokens": ["Source link", "Read more"],
        "patterns": [r"Photo: \w+"],
    }
    for trusted in (True, False):
        rule = rule_from_spec(spec, "pack.yaml", trusted=trusted)
        text = "Source link. Photo: AFP. Read  more here. Source linked"
        assert [f[2] for f in _findings(rule, text)] == ["Source link", "Photo: AFP", "Read more"]


def test_a_substitution_with_regex_entries_keeps_the_first_listed_at_a_place():
    swaps = [
        {"wrong": "White Home", "expected": "White House"},
        {"wrong": r"White \w+ said", "regex": True, "expected": "X"},
        {"wrong": "Home said", "expected": "Y"},
    ]
    spec = {"code": "X105", "name": "x", "type": "substitution", "message": "{match}", "swap": swaps}
    for trusted in (True, False):
        rule = rule_from_spec(spec, "pack.yaml", trusted=trusted)
        assert [f[3] for f in _findings(rule, "The White Home said; White Paper said; Home said")] == [
            "White House",
            "X",
            "Y",
        ]


# -- user patterns: the work per byte is bounded (item 17) ------------------------------------


@pytest.mark.parametrize("pattern", [r"(.*a){1000}", r"[a-z]{1000}", r"(\w+\s+){100}", r"(.*a){50}"])
def test_a_user_pattern_whose_program_is_over_the_limit_is_refused(pattern):
    with pytest.raises(PatternError, match=f"over the limit of {MAX_PROGRAM_SIZE}"):
        compile_user(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"mi\pL+ter", r"(.*a){49}", r"\b(?:" + "|".join(f"word{n}" for n in range(300)) + r")\b", r"(?i)\p{Greek}+"],
)
def test_ordinary_user_patterns_are_within_the_limit(pattern):
    compile_user(pattern)  # raises PatternError when refused


def test_a_pack_with_a_heavy_pattern_is_one_error_naming_the_pack():
    spec = {"code": "X106", "name": "x", "type": "pattern", "message": "{match}", "pattern": r"(.*a){1000}"}
    with pytest.raises(DataError, match=r"heavy\.yaml: invalid regex in pattern: pattern too complex"):
        rule_from_spec(spec, "heavy.yaml", trusted=False)
    spec = {"code": "X107", "name": "x", "type": "existence", "message": "{match}", "patterns": ["ok", r"(.*a){1000}"]}
    with pytest.raises(DataError, match="too complex"):
        rule_from_spec(spec, "heavy.yaml", trusted=False)


def test_a_user_pack_gets_unicode_word_boundaries_for_its_phrases():
    """RE2's ``\\b`` is ASCII-only: the token ``café`` was found inside ``cafés``, and not
    in ``a café here``."""
    spec = {"code": "X108", "name": "x", "type": "existence", "message": "{match}", "tokens": ["café"]}
    rule = rule_from_spec(spec, "pack.yaml", trusted=False)
    assert [f[2] for f in _findings(rule, "a café here, two cafés")] == ["café"]
    assert [f[1] for f in _findings(rule, "a café here, two cafés")] == [3]


def test_an_accepted_or_rejected_term_is_bounded_like_a_pattern():
    from lintnews.analyses.term_lists import VocabularyError, term_list

    with pytest.raises(VocabularyError, match="too complex"):
        term_list(["(.*a){1000}"])
    assert term_list(["Zabihullah Mujahid", r"mi\pL+ter"]).matches("minister")


@pytest.mark.parametrize("ignore_case", [True, False])
def test_the_quick_mapping_is_the_tables_for_every_character(ignore_case):
    """``_mapped`` (str.lower and replacements) maps each character as the table does,
    except the listed ones, which send a text to the table itself."""
    from lintnews.analyses.matching.phrase_set import LOWER_IS_NOT_FOLD, _mapped

    table = _table(ignore_case)
    listed = set(LOWER_IS_NOT_FOLD)
    quick_differs = set()
    spaces_and_quotes = {c: to for c, to in table.items() if to in (32, 34, 39)}
    for code in range(LAST_CASED + 1):
        ch = chr(code)
        expected = ch.translate(table)
        if ch in listed:
            assert _mapped(ch, ignore_case) == expected  # through the table
            quick = ch.lower() if ignore_case else ch
        else:
            quick = _mapped(ch, ignore_case)
        if quick.translate(spaces_and_quotes) != expected:
            quick_differs.add(ch)
    assert quick_differs == (listed if ignore_case else set())
    news = "“Iñtërnâtiônàl” Σ news’\tTEXT\u00a0here"
    assert _mapped(news, ignore_case) == news.translate(table)

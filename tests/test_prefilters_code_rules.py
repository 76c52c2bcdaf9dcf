"""The rules' prefilters change no finding: each rule reports what its full scan reports.

Most rules find nothing in most documents, so they first test something cheap that every
match needs (a pattern that starts with a literal, a token of Document.lowercase_runs, a
byte pattern over Document.shape) and run their full regular expression only where that
test passes, often only on the lines where it does.  These properties compare, on texts
that Hypothesis builds from the pieces the rules look for, each rule's findings with its
full scan over the whole view (the way the rule worked before it had a prefilter).  A
prefilter that missed a place would fail here; one that lets everything through would
not, which the speed benchmark (benchmarks/rules_profile.py) is there to see.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spellchecker import SpellChecker

from lintnews.api import configured_rules
from lintnews.rules import spelling
from lintnews.run.config import Config
from lintnews.core.document import make_document, shape_of
from lintnews.analyses import dictionary as lexicon
from lintnews.analyses.dictionary import is_common_word, known_words, spellchecker

from conftest import property_settings

PROPERTY = property_settings(150)

# What the rules look for, and what sits next to it: words in both cases, function
# words, abbreviations, marks with and without spaces, quotes, slashes, digits,
# non-ASCII letters, URL pieces, line breaks.
PIECES = [
    " ", " ", " ", "  ", "\t", "\n", "\n\n", ",", ", ", ".", ". ", "...", ";", ":", "!", "?", "-",
    "/", "(", ")", "[", "]", "@", "#", "_", "'", "’", "‘", '"', "“", "”", "«", "»",
    "the", "the the", "that that", "cross-border border", "tea", "black tea", "green tea, black tea, black tea and",
    "cities (prefectures, prefectures, leagues)", "of", "and", "or", "in", "etc", "Inc", "p.m", "U.S",
    "On", "In", "The", "An", "And", "At", "Or", "To", "Into", "Mr", "St", "Times", "Sunday",
    "declaration", "said", "group", "Pacific", "Peace", "Politics", "PacificPeacePolitics", "CoinMarketCap",
    "1/3", "2/3", "9/11", "01/03", "24", "5", "é", "Müller", "vis-à-vis", "www.", "example", ".com", ".org",
    "http://", "https://", "news@example.com", "mentionned", "goverment", "colour", "reinjected", "facto",
    "de facto", "nauseam", "abcdefg", "Abcdefg", "don't", "isn’t", "\ufeff", "😀",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)

_RULES = {rule.code: rule for rule in configured_rules(Config())}


def _line(doc):
    return 0, len(doc.view)


# Each rule's full scan over the whole view: what it reported before its prefilter.
FULL_SCANS = {
    "G101": lambda rule, doc: rule._check_line(doc, *_line(doc)),
    "G102": lambda rule, doc: rule._check_line(doc, *_line(doc)),
    "G105": lambda rule, doc: rule._check_line(doc, doc.view, *_line(doc)),
    "G106": lambda rule, doc: rule._check_line(doc, *_line(doc)),
    "P101": lambda rule, doc: rule._check_line(doc, *_line(doc)),
    "P102": lambda rule, doc: [*rule._check_spaces(doc, *_line(doc)), *rule._check_close_quotes(doc, *_line(doc))],
    "P103": lambda rule, doc: rule._check_stack(doc),
    "W102": lambda rule, doc: rule._check_lines(doc, doc.lines()),
    "W103": lambda rule, doc: rule._check_lines(doc, doc.lines()),
}


@pytest.mark.parametrize("code", sorted(FULL_SCANS))
@PROPERTY
@given(text=TEXTS)
def test_a_prefilter_drops_no_finding_of_the_full_scan(code, text):
    rule = _RULES[code]
    doc = make_document("doc.txt", text)
    assert list(rule.check(doc)) == list(FULL_SCANS[code](rule, doc))


@pytest.mark.parametrize(
    "code, text",
    [
        ("G101", "In one declaration On Sunday, the department said."),
        ("G102", "They continue to “accept help”. of the group."),
        ("G105", "to announce the the approved list\nand cross-border border trade"),
        ("G106", "green tea, black tea, black tea and other teas (prefectures, prefectures)"),
        ("P101", "the issue. . And Washington. , DC said,, so"),
        ("P102", "the talks ended , he said .\ninsurgency, ”he added"),
        ("P103", "he said.” The envoy “left"),
        ("W102", "Asia PacificPeacePolitics"),
        ("W103", "1/3 After six days in Doha, I am headed to Kabul."),
    ],
)
def test_the_comparison_sees_findings(code, text):
    # The property above compares lists that are not all empty.
    rule = _RULES[code]
    assert list(rule.check(make_document("doc.txt", text)))


# -- S101 ---------------------------------------------------------------------------------


def _misspellings_by_scanning_every_word(rule, doc):
    """S101 as it was written first: every match of _WORD over the view with URLs blanked."""
    view = doc.view
    if any(marker in view for marker in spelling._URL_MARKERS):
        view = spelling._URL.sub(lambda m: " " * len(m.group(0)), view)
    unknown = [m for m in spelling._WORD.finditer(view) if not spelling.acceptable(m.group(0))]
    _, _, _, phrases, _ = spelling._spelling_data()
    spans = [m.span() for m in phrases.finditer(view)]
    unknown = [m for m in unknown if not any(s <= m.start() < e for s, e in spans)]
    counts = Counter(m.group(0) for m in unknown)
    found = []
    for m in unknown:
        word = m.group(0)
        if counts[word] > 1 or rule.settings.accept.matches(word):
            continue
        suggestion = spelling._correction(word)
        if suggestion and spelling._fold(suggestion) != word and is_common_word(suggestion):
            found.append((m.start(), m.end(), suggestion))
    return found


@PROPERTY
@given(text=TEXTS)
def test_misspellings_are_those_a_scan_of_every_word_finds(text):
    rule = _RULES["S101"]
    doc = make_document("doc.txt", text)
    found = [(f.line, f.column, f.end_column, f.suggestion) for f in rule.check(doc)]
    expected = [(*doc.position(s), doc.position(e).column, sug) for s, e, sug in _misspellings_by_scanning_every_word(rule, doc)]
    assert found == expected


def test_misspelling_comparison_sees_findings():
    rule = _RULES["S101"]
    doc = make_document("doc.txt", "Lloyd Austin mentionned the goverment at www.example.com/mentionned today")
    assert [f.suggestion for f in rule.check(doc)] == ["mentioned", "government"]
    assert len(_misspellings_by_scanning_every_word(rule, doc)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "see www.example.com and news@example.org today",
        "abcdehttps://example.com/x and xwww.example.net",
        "a@b.com)abcdef mail@host.co.uk, http://x.io/y",
        "@" * 50 + "x" * 50 + ".com",
    ],
)
def test_urls_are_blanked_token_by_token_as_over_the_whole_view(text):
    whole = spelling._URL.sub(lambda m: " " * len(m.group(0)), text)
    assert spelling._blank_urls(text, spelling._url_marker_positions(text)) == whole


def test_a_view_without_url_markers_has_no_marker_positions():
    assert spelling._url_marker_positions("No address here. Only words, dots.") == []


@pytest.mark.parametrize(
    "word",
    ["mentionned", "goverment", "materiel", "recieve", "abcdefghij", "qqqqqq", "accomodation", "x" * 60],
)
def test_candidates_are_pyspellcheckers(word):
    assert spelling._candidates(word) == spellchecker().candidates(word)


def test_the_occurrences_of_a_word_are_its_matches_of_word_pattern():
    view = "mentionned, xmentionned mentionned- “mentionned” @mentionned mentionned_ mentionnedé mentionned"
    expected = [m.span() for m in spelling._WORD.finditer(view) if m.group(0) == "mentionned"]
    assert list(spelling._occurrences(view, "mentionned")) == expected
    assert len(expected) == 3


# -- the document's prefilter views ---------------------------------------------------


def test_lowercase_runs_are_the_runs_of_lower_case_letters_between_separators():
    doc = make_document("doc.txt", "The cross-border trade, Müller’s don't 42nd x_y\nend")
    assert doc.lowercase_runs == ["Ahe", "cross", "border", "trade", "A", "ller", "s", "don0t", "00nd", "x0y", "end"]


def test_shape_keeps_case_and_spaces():
    assert shape_of("Ab c,D1'_\né") == b"Ab c\tA000\t\t\t"


def test_line_spans_give_each_line_once_in_order():
    doc = make_document("doc.txt", "one\ntwo\n\nfour")
    assert doc.line_spans([10, 0, 1, 5, 9, 8]) == [(0, 3), (4, 7), (8, 8), (9, 13)]
    assert doc.line_spans([]) == []


# -- the dictionary ---------------------------------------------------------------------


def test_the_dictionary_is_pyspellcheckers_english_one():
    ours, theirs = spellchecker().word_frequency, SpellChecker(language="en", distance=1).word_frequency
    assert ours.dictionary == theirs.dictionary
    assert ours.letters == theirs.letters
    assert ours.longest_word_length == theirs.longest_word_length
    assert known_words() == set(theirs.dictionary)


def test_many_odd_words_are_found_in_one_scan_as_one_by_one():
    # Past a few unknown words S101 scans the text once instead of once per word.
    rule = _RULES["S101"]
    misspelt = ["mentionned", "goverment", "recieved", "accomodation", "untill", "tommorow", "begining"]
    odd = [f"zq{chr(97 + i)}{chr(97 + j)}xv" for i in range(3) for j in range(6)]  # not words, no suggestion
    doc = make_document("doc.txt", " ".join(misspelt + odd) + " goverment")
    assert len(odd) + len(misspelt) > spelling._FEW_WORDS
    found = [(f.column, f.suggestion) for f in rule.check(doc)]
    expected = [(doc.position(s).column, sug) for s, _, sug in _misspellings_by_scanning_every_word(rule, doc)]
    assert found == expected
    assert [sug for _, sug in found] == ["mentioned", "received", "accommodation"]


def test_many_doubled_words_are_found_in_one_scan_as_one_by_one():
    from lintnews.rules import garble_repeated_word

    rule = _RULES["G105"]
    words = [f"w{chr(97 + i)}{chr(97 + j)}" for i in range(4) for j in range(5)]
    assert len(words) > garble_repeated_word._FEW_WORDS
    doc = make_document("doc.txt", "\n".join(f"say {w} {w} now" for w in words))
    assert list(rule.check(doc)) == list(FULL_SCANS["G105"](rule, doc))
    assert len(list(rule.check(doc))) == len(words)


def test_words_are_looked_up_the_same_before_and_after_the_word_set_is_built(monkeypatch):
    words = {"the", "said", "government", "mentionned", "zqxv"}
    monkeypatch.setattr(lexicon, "_lookups", 0)  # the first sets: one by one
    before = lexicon.unknown_words(words), lexicon.known_among(words)
    monkeypatch.setattr(lexicon, "_lookups", lexicon.LOOKUPS_BEFORE_WORD_SET)  # then: the frozenset
    after = lexicon.unknown_words(words), lexicon.known_among(words)
    assert before == after == ({"mentionned", "zqxv"}, {"the", "said", "government"})

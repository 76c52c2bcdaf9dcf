"""RE2 prefilters of the data rule types: they make rules cheaper and change no finding.

A built-in data rule's regexes are run by Python's ``re`` only where an RE2 pattern, a
translated *superset* of the regex, says a match can start (lintnews.analyses.matching).  The
specification: every place the Python regex matches is such a place (so the findings are
those of the Python regex alone), a document without any of a rule's phrases is skipped,
and the shortcuts around them (one match per candidate place for the consistency groups,
the quote test that reads one line) answer as the long way does.
"""

from __future__ import annotations

import copy
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lintnews.core.document import Document, make_document
from lintnews.analyses.matching import CASE_EXOTIC_FOR_RE2, Prefilter, _PY_SPACES, matches_at, re2_superset
from lintnews.core.rule import DocumentRule
from lintnews.rules.types import ConsistencyRule, in_quote, load_packs, rule_from_spec

from conftest import property_settings

PROPERTY = property_settings(150)

ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)

BUILT_IN = {rule.code: rule for rule in load_packs()}
DATA_CODES = sorted(code for code, rule in BUILT_IN.items() if getattr(rule, "trusted", False))


def _fragments(rule) -> list[str]:
    """Pieces of text that come near a rule's matches: its phrases and their words."""
    spec = rule.spec
    phrases = [str(t) for t in spec.get("tokens", [])]
    phrases += [str(e["wrong"]) for e in spec.get("swap", []) if not e.get("regex")]
    for group in spec.get("groups", []):
        phrases += group.get("forms", []) if isinstance(group, dict) else group
    phrases += ["Nov. On the 2nd", "Sept. In the 21st", "Ministry of transport", "Made with Humane Club",
                "Powered by WordPress", "Labour Get together", "Copyright © 2021 All", "Tags: news",
                "Your email address will not be published."]
    words = [w for p in phrases for w in p.split()]
    return phrases + words


SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2009", "\u3000", "\x85", ". ", ", ", "-", ".", "’", "'",
              "“", "”", '"', "(", ""]
WHITE_SPACE = [" ", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\u3000", "\x85", "\x1c", " \n "]
NOISE = ["x", "the", "and", "1", "2nd", "İ", "ı", "ſ", "\u212a", "é", "É", "ß", "_", "©"]


def _recase(text: str, how: int) -> str:
    """The text in another case, or with the letters Python folds to i, s and k."""
    if how == 5:
        return text.replace("i", "İ").replace("s", "ſ").replace("K", "\u212a")
    if how == 6:
        return text.replace("i", "ı").replace("k", "\u212a")
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()][how]


@st.composite
def texts_near(draw, rule):
    pieces = _fragments(rule)
    out = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 9))
        if kind < 6:
            piece = _recase(draw(st.sampled_from(pieces)), draw(st.integers(0, 6)) if kind < 2 else 0)
            # a phrase's words may be apart by any run of white space
            out.append(piece.replace(" ", draw(st.sampled_from(WHITE_SPACE))))
        elif kind < 9:
            out.append(draw(st.sampled_from(SEPARATORS)))
        else:
            out.append(draw(st.sampled_from(NOISE)))
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


def _without_prefilter(rule):
    """The same rule with its RE2 shortcuts taken out: Python's ``re`` over the whole text."""
    plain = copy.copy(rule)
    if isinstance(rule, ConsistencyRule):
        plain.candidates = None
    else:
        plain.prefilter_re2 = None
    return plain


def _results(rule, doc):
    if isinstance(rule, DocumentRule):
        return [(f.line, f.column, f.end_line, f.end_column, f.message, f.suggestion, f.fix) for f in rule.check(doc)]
    return rule.collect(doc)


# -- the facts the translation relies on ---------------------------------------------------


def test_case_exotic_letters_are_exactly_those_python_folds_to_ascii():
    folded = set(re.findall(r"(?i)[a-z]", ALL_CHARACTERS)) - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert folded == set(CASE_EXOTIC_FOR_RE2)


def test_python_spaces_are_exactly_what_backslash_s_matches():
    assert set(_PY_SPACES) == set(re.findall(r"\s", ALL_CHARACTERS))


# -- the translation matches at least where the Python regex does -----------------------------

REGEXES = [
    (r"(?<!\w)Source\s+link(?!\w)", re.IGNORECASE),
    (r"^[ \t]*(?:Read more|Tags?:\s.{0,20})[ \t]*$", re.IGNORECASE | re.MULTILINE),
    (r"\b(?P<m>Jan|Sept)\.\s+(?:On|In)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd)\b", 0),
    (r"(?<=\s)(?:Made|Built) with [A-Z]\w+(?: [A-Z]\w+){0,2}(?=[ \t]*$)", re.MULTILINE),
    (r"(?<![\w-])[A-Z][a-z]+ (?:of|for) (?!the\b)(?P<w>[a-z]{4,})\b", 0),
    (r"[^\w\s]{2}\W\S\D[^a-c]", 0),
    (r"k[^s]\d+|\AStart|end\Z", re.IGNORECASE),
    (r"a.b", re.DOTALL),
    (r"(?<!\w)in\s+one\s+declaration(?!\w)", re.IGNORECASE),
]


@pytest.mark.parametrize("source, flags", REGEXES)
@PROPERTY
@given(data=st.data())
def test_the_re2_superset_matches_wherever_the_regex_does(source, flags, data):
    pieces = ["Source link", "source\xa0LINK", "Read more", "Tags: a b", "Jan. On the 2nd", "SEPT. in The 21ST",
              "Made with Humane Club", "Built with X", "Ministry of trade", "k9", "K\u212a1", "ſ", "İ", "x!?", "a\nb",
              "Start", "end", "İn one declaratıon", "in one declaration", " ", "\n", "\t", "é", "—", "##-~", "_"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=12)))
    regex = re.compile(source, flags)
    prefilter = Prefilter.for_regex(source, flags)
    assert prefilter is not None
    starts = prefilter.starts(make_document("t.txt", text))
    if starts is None:  # a case-insensitive prefilter steps aside on İ, ı, ſ and the Kelvin sign
        assert flags & re.IGNORECASE and any(ch in text for ch in CASE_EXOTIC_FOR_RE2)
        return
    starts = set(starts)
    for position in range(len(text) + 1):
        if regex.match(text, position):
            assert position in starts, (text, position)


def test_a_regex_without_an_re2_counterpart_gets_no_prefilter():
    assert re2_superset(r"(\w)\1") is None  # a backreference
    assert re2_superset(r"(?i:a)b") is None  # scoped flags
    assert Prefilter.for_regex(r"(\w)\1") is None


def test_a_document_without_the_phrases_offers_no_place_to_match():
    prefilter = Prefilter.for_regex(r"(?<!\w)warning\s+voices(?!\w)", re.IGNORECASE)
    assert list(prefilter.starts(make_document("a.txt", "The sirens sounded; voices were heard."))) == []
    assert list(prefilter.starts(make_document("b.txt", "ab WARNING\nVoices"))) == [3]


def test_matches_at_is_finditer_where_the_places_include_every_match():
    for source, text in [
        (r"ab|b", "abab b xab"),
        (r"a*", "baac aa"),  # empty matches: finditer's own rules from there on
        (r"(?<=x)y+|x", "xyyxyx"),
        (r"^\w+$", "one\ntwo three\nfour"),
    ]:
        regex = re.compile(source, re.MULTILINE)
        expected = [m.span() for m in regex.finditer(text)]
        every_place = range(len(text) + 1)
        assert [m.span() for m in matches_at(regex, text, every_place)] == expected
        assert [m.span() for m in matches_at(regex, text, None)] == expected
    # Places where nothing matches are passed over; a place inside a match is not taken.
    regex = re.compile("aa")
    assert [m.span() for m in matches_at(regex, "aaaa", [0, 1, 2, 3])] == [(0, 2), (2, 4)]
    assert [m.span() for m in matches_at(regex, "aaaa", [])] == []


# -- the built-in rules find the same with and without their prefilters ---------------------


@pytest.mark.parametrize("code", DATA_CODES)
@PROPERTY
@given(data=st.data())
def test_a_built_in_data_rule_finds_the_same_without_its_prefilter(code, data):
    rule = BUILT_IN[code]
    text = data.draw(texts_near(rule))
    doc, plain_doc = make_document("t.txt", text), make_document("t.txt", text)
    assert _results(rule, doc) == _results(_without_prefilter(rule), plain_doc)


def test_the_built_in_data_rules_all_have_prefilters():
    for code in DATA_CODES:
        rule = BUILT_IN[code]
        assert (rule.candidates if isinstance(rule, ConsistencyRule) else rule.prefilter_re2) is not None, code


def test_user_packs_are_not_prefiltered_and_still_match():
    spec = {"code": "X101", "name": "x", "type": "existence", "message": "{match}", "tokens": ["Source link"]}
    rule = rule_from_spec(spec, "user.yaml", trusted=False)
    assert rule.prefilter_re2 is None
    assert [f.message for f in rule.check(make_document("u.txt", "see Source  link here"))] == ["Source link"]


CROSSING_GROUPS = {
    "code": "X102", "name": "crossing", "type": "consistency", "message": "{match} {expected} {counts} {where}",
    "reads_quotes": False,
    "groups": [["Al", "Al."], ["Al Qaeda", "al-Qaeda"], {"forms": ["cease fire", "ceasefire"], "ignore_case": True},
               ["fire", "fires"], ["U.S.", "US"], ["S.", "S"], ["New York", "York"]],
}


@PROPERTY
@given(st.lists(st.sampled_from(["Al", "Al.", "Al Qaeda", "al-Qaeda", "Cease fire", "CEASEFIRE", "fire", "fires",
                                 "U.S.", "US", "S.", "S", "New", "York", " ", "\n", "\xa0", "“", "”", "x", "."]), max_size=16))
def test_groups_whose_forms_meet_are_each_scanned_as_on_their_own(pieces):
    # Forms of different groups start at one place ("Al" in "Al Qaeda") or inside one
    # another ("fire" in "cease fire"); each group must still see all its own matches,
    # and not a match inside its own ("York" in "New York").
    rule = rule_from_spec(CROSSING_GROUPS, "crossing.yaml", trusted=True)
    text = "".join(pieces)
    assert rule.collect(make_document("t.txt", text)) == _without_prefilter(rule).collect(make_document("t.txt", text))


def test_groups_that_meet_at_one_place_both_count():
    rule = rule_from_spec(CROSSING_GROUPS, "crossing.yaml", trusted=True)
    text = "Al Qaeda; cease fire in New York"
    found = [(gi, form) for gi, form, _loc, _reportable in rule.collect(make_document("t.txt", text))]
    assert found == [(0, "Al"), (1, "Al Qaeda"), (2, "cease fire"), (3, "fire"), (6, "New York")]


# -- the one-line quote test ---------------------------------------------------------------


@PROPERTY
@given(st.lists(st.sampled_from(["He said ", "“Yes", "”", '"', "«", "»", "„", "no", "\n", " ", "x."]), max_size=20))
def test_the_one_line_quote_test_answers_as_the_document_does(pieces):
    text = "".join(pieces)
    whole = Document("q.txt", text)
    by_lines = Document("q.txt", text)
    for offset in range(len(text)):
        assert in_quote(by_lines, offset) == whole.in_quote(offset), (text, offset)
    assert "quote_spans" not in by_lines.__dict__  # it read lines, not the whole text
    # A document whose quotations are already known answers from them.
    known = Document("q.txt", text)
    assert known.quote_spans is not None
    for offset in range(len(text)):
        assert in_quote(known, offset) == whole.in_quote(offset)


def test_a_text_without_a_utf8_form_is_scanned_by_python_alone():
    # A lone surrogate (possible through the API) has no UTF-8 form for RE2 to read.
    rule = BUILT_IN["M101"]
    doc = make_document("s.txt", "\ud800 the White Home said")
    assert rule.prefilter_re2.starts(doc) is None
    assert [f.suggestion for f in rule.check(doc)] == ["White House"]


def test_one_shared_pass_tells_each_rule_whether_to_look_further():
    doc = make_document("n.txt", "Nothing here is furniture, a tortured phrase or a date.")
    for code in DATA_CODES:
        rule = BUILT_IN[code]
        prefilter = rule.candidates if isinstance(rule, ConsistencyRule) else rule.prefilter_re2
        assert list(prefilter.starts(doc)) == [], code
    from lintnews.analyses import matching

    assert matching._SHARED in doc.analyses  # the one pass, kept with the document
    doc = make_document("y.txt", "The White Home said so.")
    assert list(BUILT_IN["M101"].prefilter_re2.starts(doc)) == [4]
    assert list(BUILT_IN["W101"].prefilter_re2.starts(doc)) == []


def test_a_rule_sent_to_another_process_registers_its_prefilter_there(monkeypatch):
    # A spawned worker or a Dask worker unpickles the rules into a process whose shared
    # pass has none of their patterns yet.
    import pickle

    from lintnews.analyses import matching as patterns

    sent = pickle.dumps(BUILT_IN["M101"])
    monkeypatch.setattr(patterns, "_SHARED", patterns._PrefilterSet())
    rule = pickle.loads(sent)
    doc = make_document("w.txt", "The White Home said so.")
    assert [f.suggestion for f in rule.check(doc)] == ["White House"]
    assert list(patterns._SHARED.index) == [rule.prefilter_re2.source]

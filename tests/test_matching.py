"""The matching layer: its fast path gives exactly what the plain path gives.

A rule declares its regular expression once (lintnews.analyses.matching.Pattern) and
receives its matches, which must be those of ``regex.finditer(doc.view)``.  The layer
finds them fast: one RE2 pass over the document says which patterns can match at all;
an RE2 *superset* of each regex (translated from its parse tree) says where, or on which
lines; the Python regex runs only there.  The specification, tested here:

- the translation: the superset matches at every place the regex does (same start), and
  with ``within_lines`` its matches keep to the line of the regex's;
- every pattern the built-in rules declare gives, on texts built from the pieces it looks
  for, the same matches (spans and groups) as its plain scan, and every rule the same
  findings with the fast matches as with the plain ones;
- the shortcuts around them answer as the long way does (a word looked for by its
  occurrences, the quote test that reads one line, S101's dictionary difference).

A fast path that missed a place would fail here; one that lets everything through would
not, which the speed benchmark (benchmarks/rules_profile.py) is there to see.
"""

from __future__ import annotations

import pickle
import re
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spellchecker import SpellChecker

from lintnews.analyses import dictionary as lexicon
from lintnews.analyses.dictionary import is_common_word, known_words, one_edit_candidates, spellchecker
from lintnews.analyses.matching import (
    CASE_EXOTIC,
    PY_SPACES,
    Candidates,
    Pattern,
    Patterns,
    PhraseSet,
    matches_at,
    matches_of_words,
    plain_arguments,
    re2_superset,
    scan,
)
from lintnews.analyses.matching.repeats import FEW_WORDS, lines_with_repeated_word
from lintnews.api import configured_rules
from lintnews.core.data import builtin_yaml
from lintnews.core.analysis import arguments
from lintnews.core.document import Document, in_quote, make_document, shape_of
from lintnews.core.rule import DocumentRule
from lintnews.rules import spelling
from lintnews.rules.types import rule_from_spec
from lintnews.run.config import Config

from conftest import property_settings

PROPERTY = property_settings(150)

ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)

RULES = {rule.code: rule for rule in configured_rules(Config(), select=["ALL"]) if rule.code != "L101"}
PATTERN_RULES = sorted(code for code, rule in RULES.items() if any(isinstance(a, (Pattern, Patterns)) for a in rule.needs))


def _declared(rule) -> list:
    return [a for a in rule.needs if isinstance(a, (Pattern, Patterns))]


def _as_compared(value):
    """A pattern's value in comparable form: each match's spans (the whole and its groups)."""
    if value and isinstance(value[0], list):  # Patterns: spans, regex by regex
        return value
    return [m.regs for m in value]


# -- texts near what the rules look for ---------------------------------------------------

# Pieces the code rules look for, and what sits next to them: words in both cases,
# function words, abbreviations, marks with and without spaces, quotes, slashes, digits,
# non-ASCII letters, URL pieces, line breaks.
CODE_PIECES = [
    " ", " ", " ", "  ", "\t", "\n", "\n\n", ",", ", ", ".", ". ", "...", ";", ":", "!", "?", "-",
    "/", "(", ")", "[", "]", "@", "#", "_", "'", "’", "‘", '"', "“", "”", "«", "»",
    "the", "the the", "that that", "cross-border border", "tea", "black tea", "green tea, black tea, black tea and",
    "cities (prefectures, prefectures, leagues)", "of", "and", "or", "in", "etc", "Inc", "p.m", "U.S",
    "On", "In", "The", "An", "And", "At", "Or", "To", "Into", "Mr", "St", "Times", "Sunday",
    "declaration", "said", "group", "Pacific", "Peace", "Politics", "PacificPeacePolitics", "CoinMarketCap",
    "1/3", "2/3", "9/11", "01/03", "24", "5", "é", "Müller", "vis-à-vis", "www.", "example", ".com", ".org",
    "http://", "https://", "news@example.com", "mentionned", "goverment", "colour", "reinjected", "facto",
    "de facto", "nauseam", "abcdefg", "Abcdefg", "don't", "isn’t", "\ufeff", "😀", "Joseph R. Prior to",
    "Jan. On the 2nd", "İ", "ı", "ſ", "\u212a", "\xa0", "\u3000",
]
# Several lines, so that a pattern may match on more than one.
CODE_TEXTS = st.lists(st.lists(st.sampled_from(CODE_PIECES), max_size=15).map("".join), max_size=5).map("\n".join)

SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2009", "\u3000", "\x85", ". ", ", ", "-", ".", "’", "'",
              "“", "”", '"', "(", ""]
WHITE_SPACE = [" ", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\u3000", "\x85", "\x1c", " \n "]
NOISE = ["x", "the", "and", "1", "2nd", "İ", "ı", "ſ", "\u212a", "é", "É", "ß", "_", "©"]


def _phrases(rule) -> list[str]:
    """Pieces of text that come near a data rule's matches: its phrases and their words."""
    spec = getattr(rule, "spec", {})
    phrases = [str(t) for t in spec.get("tokens", [])]
    phrases += [str(e["wrong"]) for e in spec.get("swap", []) if not e.get("regex")]
    for group in spec.get("groups", []):
        phrases += group.get("forms", []) if isinstance(group, dict) else group
    phrases += ["Nov. On the 2nd", "Sept. In the 21st", "Ministry of transport", "Made with Humane Club",
                "Powered by WordPress", "Labour Get together", "Copyright © 2021 All", "Tags: news",
                "Your email address will not be published."]
    return phrases + [w for p in phrases for w in p.split()]


def _recase(text: str, how: int) -> str:
    """The text in another case, or with the letters Python folds to i, s and k."""
    if how == 5:
        return text.replace("i", "İ").replace("s", "ſ").replace("K", "\u212a")
    if how == 6:
        return text.replace("i", "ı").replace("k", "\u212a")
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()][how]


@st.composite
def texts_near(draw, rule):
    """Texts of a data rule's phrases (in any case, any white space between their words)
    or of the code rules' pieces."""
    if not getattr(rule, "spec", None):
        return draw(CODE_TEXTS)
    pieces = _phrases(rule)
    out = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 9))
        if kind < 6:
            piece = _recase(draw(st.sampled_from(pieces)), draw(st.integers(0, 6)) if kind < 2 else 0)
            out.append(piece.replace(" ", draw(st.sampled_from(WHITE_SPACE))))
        elif kind < 9:
            out.append(draw(st.sampled_from(SEPARATORS)))
        else:
            out.append(draw(st.sampled_from(NOISE)))
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


# -- every declared pattern: the fast path finds what the plain scan finds -----------------


def test_the_rules_declare_patterns():
    assert {"C101", "C102", "G101", "G102", "G103", "G105", "G106", "M101", "P101", "P102", "P103", "S101",
            "W101", "W102", "W103", "W104"} <= set(PATTERN_RULES)


def test_every_built_in_pattern_has_a_fast_path():
    for code in PATTERN_RULES:
        for declared in _declared(RULES[code]):
            fast = declared.candidates is not None or getattr(declared, "lines", None) or getattr(declared, "characters", None)
            assert fast, (code, declared.name)


@pytest.mark.parametrize("code", PATTERN_RULES)
@PROPERTY
@given(data=st.data())
def test_a_declared_pattern_matches_as_its_plain_scan(code, data):
    rule = RULES[code]
    text = data.draw(texts_near(rule))
    for declared in _declared(rule):
        fast, plain = make_document("t.txt", text), make_document("t.txt", text)
        assert _as_compared(declared.of(fast)) == _as_compared(declared.plain(plain)), declared.name


def _results(rule, doc, needs):
    if isinstance(rule, DocumentRule):
        found = rule.check(doc, **needs)
        return [(f.line, f.column, f.end_line, f.end_column, f.message, f.suggestion, f.fix) for f in found]
    return rule.collect(doc, **needs)


@pytest.mark.parametrize("code", PATTERN_RULES)
@PROPERTY
@given(data=st.data())
def test_a_rule_finds_the_same_with_its_plain_matches(code, data):
    rule = RULES[code]
    text = data.draw(texts_near(rule))
    fast, plain = make_document("t.txt", text), make_document("t.txt", text)
    assert _results(rule, fast, arguments(rule.needs, fast)) == _results(rule, plain, plain_arguments(rule.needs, plain))


@pytest.mark.parametrize(
    "code, text",
    [
        ("G101", "In one declaration On Sunday, the department said."),
        ("G102", "They continue to “accept help”. of the group."),
        ("G103", "President-elect Joseph R. Prior to taking office"),
        ("G105", "to announce the the approved list\nand cross-border border trade"),
        ("G106", "green tea, black tea, black tea and other teas (prefectures, prefectures)"),
        ("P101", "the issue. . And Washington. , DC said,, so"),
        ("P102", "the talks ended , he said .\ninsurgency, ”he added"),
        ("P103", "he said.” The envoy “left"),
        ("W102", "Asia PacificPeacePolitics"),
        ("W103", "1/3 After six days in Doha, I am headed to Kabul."),
        ("M101", "The White Home said"),
        ("C101", "Mr Smith and Mr. Jones"),
    ],
)
def test_the_comparisons_see_findings(code, text):
    # The properties above compare lists that are not all empty.
    rule = RULES[code]
    doc = make_document("doc.txt", text)
    assert _results(rule, doc, arguments(rule.needs, doc))


# -- the translation into RE2 ------------------------------------------------------------------


def test_case_exotic_letters_are_exactly_those_python_folds_to_ascii():
    folded = set(re.findall(r"(?i)[a-z]", ALL_CHARACTERS)) - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert folded == set(CASE_EXOTIC)


def test_python_spaces_are_exactly_what_backslash_s_matches():
    assert set(PY_SPACES) == set(re.findall(r"\s", ALL_CHARACTERS))


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
    (r"(?=[M])(?<![\w.])(?:Mr\.|Mr)(?!\w)(?!\.\w)", 0),  # a consistency group
    (r"(?:(?<=, )|(?<=\())(?P<item>\w+(?: \w+){0,2}), (?P=item)(?=, | and | or |\))", 0),  # a backreference
    (r"(?<![\w’'])(?:[a-z]+-)?(?P<word>[a-z]+)(?P<gap> +)(?P=word)\b(?![’'-])", 0),
    (r"(?<=\n)x|(?<![^\n])y|z(?=\n)", 0),  # lookarounds that see a line break
    (r"(?<!\S)\S+@\S+\.\w+", 0),
    (r"[^İ]k[^\nİ]", re.IGNORECASE),
]
PIECES = ["Source link", "source\xa0LINK", "Read more", "Tags: a b", "Jan. On the 2nd", "SEPT. in The 21ST",
          "Made with Humane Club", "Built with X", "Ministry of trade", "k9", "K\u212a1", "ſ", "İ", "x!?", "a\nb",
          "Start", "end", "İn one declaratıon", "in one declaration", " ", "\n", "\t", "é", "—", "##-~", "_",
          "Mr", "Mr.", "Mrs", ".x", "tea", ", ", "(", " and ", "the the", "x-the", "’", "news@example.com", "y", "z"]


@pytest.mark.parametrize("source, flags", REGEXES)
@PROPERTY
@given(data=st.data())
def test_the_re2_superset_matches_wherever_the_regex_does(source, flags, data):
    text = "".join(data.draw(st.lists(st.sampled_from(PIECES), max_size=12)))
    regex = re.compile(source, flags)
    candidates = Candidates.of(re2_superset(source, flags), bool(flags & re.IGNORECASE))
    assert candidates is not None
    starts = candidates.starts(make_document("t.txt", text))
    if starts is None:  # a case-insensitive superset steps aside on İ, ı, ſ and the Kelvin sign
        assert flags & re.IGNORECASE and any(ch in text for ch in CASE_EXOTIC)
        return
    starts = set(starts)
    for position in range(len(text) + 1):
        if regex.match(text, position):
            assert position in starts, (text, position)


@pytest.mark.parametrize("source, flags", [(s, f) for s, f in REGEXES if "\\n" not in s and "DOTALL" not in str(f)])
@PROPERTY
@given(data=st.data())
def test_a_superset_within_lines_finds_the_line_of_every_match(source, flags, data):
    text = "".join(data.draw(st.lists(st.sampled_from(PIECES + ["\n"] * 4), max_size=24)))
    regex = re.compile(source, flags)
    doc = make_document("t.txt", text)
    candidates = Candidates.of(re2_superset(source, flags, within_lines=True), bool(flags & re.IGNORECASE))
    lines = candidates.lines(doc)
    if lines is None:
        return
    for m in regex.finditer(text):
        if "\n" not in m.group():
            assert doc.line_spans([m.start()])[0] in lines, (text, m.span())


def test_a_regex_without_an_re2_counterpart_gets_no_superset():
    assert re2_superset(r"(?i:a)b") is None  # scoped flags
    assert re2_superset(r"(a)?(?(1)b|c)") is None  # a conditional group
    assert re2_superset(r"(") is None  # not a regex
    assert Pattern("p", r"(?i:a)b").candidates is None
    assert Pattern("p", "(?i:a)b").of(make_document("t.txt", "xAb")) != []  # the regex runs alone


def test_the_superset_reads_what_lookarounds_at_the_ends_read():
    # A lookahead that ends the pattern is read (same start); with within_lines a
    # lookbehind that starts it is too (same line); elsewhere a lookbehind before a word
    # character is RE2's \b.
    assert re2_superset(r"(?<![\w.])Mr(?!\w)") == r"\bMr(?:[\x{0}-\x{2f}\x{3a}-\x{40}\x{5b}-\x{5e}\x{60}\x{7b}-\x{10ffff}]|\z)"
    assert re2_superset(r"(?<=, )x(?=y)", within_lines=True) == r"\x{2c}\x{20}xy"
    word = r"(?:[0-9A-Z\x{5f}a-z\x{80}-\x{10ffff}]){1,}"
    assert re2_superset(r"(\w+) \1") == f"(?:{word})\\x{{20}}(?:{word})"  # a backreference: its group again


def test_a_document_without_the_phrases_offers_no_place_to_match():
    candidates = Candidates.of(re2_superset(r"(?<!\w)warning\s+voices(?!\w)", re.IGNORECASE), True)
    assert list(candidates.starts(make_document("a.txt", "The sirens sounded; voices were heard."))) == []
    assert list(candidates.starts(make_document("b.txt", "ab WARNING\nVoices"))) == [3]


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


def test_a_regex_of_one_character_is_found_by_a_literal_scan():
    marks = Pattern("marks", "[“”]")
    assert marks.characters == "“”" and marks.candidates is None
    doc = make_document("q.txt", "“a” b ”“\n“")
    assert [m.span() for m in marks.of(doc)] == [m.span() for m in marks.plain(doc)] == [(0, 1), (2, 3), (6, 7), (7, 8), (9, 10)]
    assert Pattern("p", "(?i)[ab]").characters is None  # case folding: not a literal scan


# -- several regexes found together --------------------------------------------------------

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
    fast, plain = make_document("t.txt", text), make_document("t.txt", text)
    assert rule.collect(fast, **arguments(rule.needs, fast)) == rule.collect(plain, **plain_arguments(rule.needs, plain))


def test_groups_that_meet_at_one_place_both_count():
    rule = rule_from_spec(CROSSING_GROUPS, "crossing.yaml", trusted=True)
    doc = make_document("t.txt", "Al Qaeda; cease fire in New York")
    found = [(gi, form) for gi, form, _loc, _reportable in rule.collect(doc, **arguments(rule.needs, doc))]
    assert found == [(0, "Al"), (1, "Al Qaeda"), (2, "cease fire"), (3, "fire"), (6, "New York")]


def test_regexes_with_groups_of_their_own_are_found_one_by_one():
    patterns = Patterns("p", [re.compile(r"(a)b"), re.compile("b")])
    assert patterns.candidates is None
    assert patterns.of(make_document("t.txt", "abab")) == [[(0, 2), (2, 4)], [(1, 2), (3, 4)]]


# -- user packs, other processes, texts RE2 cannot read -------------------------------------


def test_user_packs_are_matched_by_re2_alone():
    spec = {"code": "X101", "name": "x", "type": "existence", "message": "{match}", "tokens": ["Source link"]}
    rule = rule_from_spec(spec, "user.yaml", trusted=False)
    # A phrase list goes to the automaton (tests/test_phrase_set.py), a pattern to RE2 alone.
    assert isinstance(rule.needs[0], PhraseSet)
    spec = {"code": "X102", "name": "x", "type": "existence", "message": "{match}", "patterns": ["Source +link"]}
    assert rule_from_spec(spec, "user.yaml", trusted=False).needs[0].candidates is None
    doc = make_document("u.txt", "see Source  link here")
    assert [f.message for f in rule.check(doc, **arguments(rule.needs, doc))] == ["Source link"]


def test_a_text_without_a_utf8_form_is_scanned_by_python_alone():
    # A lone surrogate (possible through the API) has no UTF-8 form for RE2 to read.
    rule = RULES["M101"]
    doc = make_document("s.txt", "\ud800 the White Home said")
    pattern = next(need for need in rule.needs if isinstance(need, Pattern))
    assert pattern.candidates.starts(doc) is None
    assert [f.suggestion for f in rule.check(doc, **arguments(rule.needs, doc))] == ["White House"]


def test_one_pass_tells_each_pattern_whether_to_look_further():
    doc = make_document("n.txt", "Nothing here is furniture, a tortured phrase or a date.")
    for code in ("M101", "W101", "W104", "G104", "M102", "G101", "W102", "S101"):
        for declared in _declared(RULES[code]):
            assert declared.candidates.may_match(doc) is False, code
    assert scan.SHARED in doc.analyses  # the one pass, kept with the document
    doc = make_document("y.txt", "The White Home said so.")
    assert [m.start for m in RULES["M101"].needs[0].of(doc)] == [4]  # a phrase: the automaton
    pattern = next(need for need in RULES["M101"].needs if isinstance(need, Pattern))  # its regex entries
    assert pattern.candidates.may_match(doc) is False
    assert RULES["W101"].needs[0].candidates.may_match(doc) is False


def test_a_rule_sent_to_another_process_registers_its_patterns_there(monkeypatch):
    # A spawned worker or a Dask worker unpickles the rules into a process whose pass has
    # none of their supersets yet.
    sent = pickle.dumps(RULES["M101"])
    monkeypatch.setattr(scan, "SHARED", scan.PatternSet())
    rule = pickle.loads(sent)
    doc = make_document("w.txt", "The White Home said so.")
    assert [f.suggestion for f in rule.check(doc, **arguments(rule.needs, doc))] == ["White House"]
    pattern = next(need for need in rule.needs if isinstance(need, Pattern))
    assert list(scan.SHARED.index) == [pattern.candidates.superset]


# -- words looked for by their occurrences -------------------------------------------------


def test_the_occurrences_of_words_are_their_matches_of_the_word_pattern():
    view = "mentionned, xmentionned mentionned- “mentionned” @mentionned mentionned_ mentionnedé mentionned mention"
    for words in (["mentionned"], ["mentionned", "mention", "ntionned"], [f"w{i}" for i in range(20)] + ["mentionned"]):
        expected = [m for m in spelling._WORD.finditer(view) if m.group() in words]
        assert [m.span() for m in matches_of_words(spelling._WORD, view, words)] == [m.span() for m in expected]
    assert len(matches_of_words(spelling._WORD, view, ["mentionned"])) == 3


def test_lines_with_a_repeated_word_hold_every_repeat():
    doc = make_document("d.txt", "say the the now\nno repeat here\nbut cross-border border\nthe, the")
    assert lines_with_repeated_word(doc) == [(0, 15), (31, 54)]
    many = make_document("m.txt", "\n".join(f"w{chr(97 + i)} w{chr(97 + i)}".replace("w", "xq") for i in range(FEW_WORDS + 1)))
    assert lines_with_repeated_word(many) is None  # every line, in one scan
    assert lines_with_repeated_word(make_document("n.txt", "No Repeat at all")) == []


# -- S101: the words the dictionary does not know ---------------------------------------------


def _misspellings_by_scanning_every_word(rule, doc):
    """S101 as it was written first: every match of _WORD over the view with URLs blanked."""
    view = spelling.URLS.regex.sub(lambda m: " " * len(m.group(0)), doc.view)
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


@st.composite
def texts_of_foreign_phrases(draw):
    """Texts of S101's foreign set phrases and their words, in any case (the letters
    Python folds to i, s and k too), any white space or hyphen between words."""
    phrases = [str(p) for p in builtin_yaml("spelling.yaml")["phrases"]]
    pieces = phrases + [w for p in phrases for w in p.split()]
    out = []
    for _ in range(draw(st.integers(1, 8))):
        piece = _recase(draw(st.sampled_from(pieces)), draw(st.integers(0, 6)))
        out.append(piece.replace(" ", draw(st.sampled_from([*WHITE_SPACE, "-", " - ", "_"]))))
        out.append(draw(st.sampled_from(SEPARATORS + NOISE)))
    return "".join(out)


@PROPERTY
@given(texts_of_foreign_phrases())
def test_the_foreign_phrases_are_matched_as_their_regex_matches(text):
    """S101 reads the foreign set phrases through the matching layer (when an unknown word
    is one of their words): the same matches as the regex over the whole view."""
    pattern = spelling.foreign_phrases()
    doc = make_document("doc.txt", text)
    assert [m.regs for m in pattern.of(doc)] == [m.regs for m in spelling._spelling_data()[3].finditer(doc.view)]


def test_the_foreign_phrases_comparison_sees_matches():
    doc = make_document("doc.txt", "It is a de facto ban, a DE-FACTO one, and ad\tnauseam.\nStatus quo.")
    assert [doc.view[slice(*m.span())] for m in spelling.foreign_phrases().of(doc)] == ["de facto", "DE-FACTO", "ad\tnauseam", "Status quo"]
    assert spelling.foreign_phrases().candidates is not None  # the fast path, not the regex alone


def _misspellings(rule, doc):
    return [(f.line, f.column, f.end_column, f.suggestion) for f in rule.check(doc, **arguments(rule.needs, doc))]


@PROPERTY
@given(text=CODE_TEXTS)
def test_misspellings_are_those_a_scan_of_every_word_finds(text):
    rule = RULES["S101"]
    doc = make_document("doc.txt", text)
    expected = [(*doc.position(s), doc.position(e).column, sug) for s, e, sug in _misspellings_by_scanning_every_word(rule, doc)]
    assert _misspellings(rule, doc) == expected


def test_misspelling_comparison_sees_findings():
    rule = RULES["S101"]
    doc = make_document("doc.txt", "Lloyd Austin mentionned the goverment at www.example.com/mentionned today")
    assert [suggestion for *_, suggestion in _misspellings(rule, doc)] == ["mentioned", "government"]
    assert len(_misspellings_by_scanning_every_word(rule, doc)) == 2


def test_many_odd_words_are_found_in_one_scan_as_one_by_one():
    # Past a few unknown words S101 scans the text once instead of once per word.
    rule = RULES["S101"]
    misspelt = ["mentionned", "goverment", "recieved", "accomodation", "untill", "tommorow", "begining"]
    odd = [f"zq{chr(97 + i)}{chr(97 + j)}xv" for i in range(3) for j in range(6)]  # not words, no suggestion
    doc = make_document("doc.txt", " ".join(misspelt + odd) + " goverment")
    assert len(odd) + len(misspelt) > scan.FEW_WORDS
    expected = [(*doc.position(s), doc.position(e).column, sug) for s, e, sug in _misspellings_by_scanning_every_word(rule, doc)]
    assert _misspellings(rule, doc) == expected
    assert [sug for *_, sug in expected] == ["mentioned", "received", "accommodation"]


@pytest.mark.parametrize(
    "word",
    ["mentionned", "goverment", "materiel", "recieve", "abcdefghij", "qqqqqq", "accomodation", "x" * 60],
)
def test_candidates_are_pyspellcheckers(word):
    assert one_edit_candidates(word) == spellchecker().candidates(word)


def test_the_dictionary_is_pyspellcheckers_english_one():
    ours, theirs = spellchecker().word_frequency, SpellChecker(language="en", distance=1).word_frequency
    assert ours.dictionary == theirs.dictionary
    assert ours.letters == theirs.letters
    assert ours.longest_word_length == theirs.longest_word_length
    assert known_words() == set(theirs.dictionary)


def test_words_are_looked_up_the_same_before_and_after_the_word_set_is_built(monkeypatch):
    words = {"the", "said", "government", "mentionned", "zqxv"}
    monkeypatch.setattr(lexicon, "_lookups", 0)  # the first sets: one by one
    before = lexicon.unknown_words(words), lexicon.known_among(words)
    monkeypatch.setattr(lexicon, "_lookups", lexicon.LOOKUPS_BEFORE_WORD_SET)  # then: the frozenset
    after = lexicon.unknown_words(words), lexicon.known_among(words)
    assert before == after == ({"mentionned", "zqxv"}, {"the", "said", "government"})


# -- the document's views for cheap tests --------------------------------------------------


def test_lowercase_runs_are_the_runs_of_lower_case_letters_between_separators():
    doc = make_document("doc.txt", "The cross-border trade, Müller’s don't 42nd x_y\nend")
    assert doc.lowercase_runs == ["Ahe", "cross", "border", "trade", "A", "ller", "s", "don0t", "00nd", "x0y", "end"]


def test_shape_keeps_case_and_spaces():
    assert shape_of("Ab c,D1'_\né") == b"Ab c\tA000\t\t\t"


def test_line_spans_give_each_line_once_in_order():
    doc = make_document("doc.txt", "one\ntwo\n\nfour")
    assert doc.line_spans([10, 0, 1, 5, 9, 8]) == [(0, 3), (4, 7), (8, 8), (9, 13)]
    assert doc.line_spans([]) == []
    assert doc.spans_of_lines([3, 0, 0]) == [(0, 3), (9, 13)]


@PROPERTY
@given(st.lists(st.sampled_from(["He said ", "“Yes", "”", '"', "«", "»", "„", "no", "\n", " ", "x."]), max_size=20))
def test_the_one_line_quote_test_answers_as_the_document_does(pieces):
    text = "".join(pieces)
    whole = Document("q.txt", text)
    by_lines = Document("q.txt", text)
    for offset in range(len(text)):
        assert in_quote(by_lines, offset) == whole.in_quote(offset), (text, offset)
    assert "quote_spans" not in by_lines.__dict__  # it read lines, not the whole text

"""P101 doubled-punctuation, P102 space-before-punctuation, P103 unbalanced-quotes."""

import pytest
from rulecase import findings, flagged

from lintnews.run.fixing import apply_fixes


def test_doubled_punctuation():
    text = "Mr Pompeo had ignored the issue. .\nAttacks in New York and Washington. , DC from its base."
    assert flagged(text, "P101") == [". .", ". ,"]
    assert [f.suggestion for f in findings(text, "P101")] == [".", ","]
    assert all(f.fix is not None and f.fix.safe for f in findings(text, "P101"))
    assert apply_fixes(text, [f.fix for f in findings(text, "P101")]) == (
        "Mr Pompeo had ignored the issue.\nAttacks in New York and Washington, DC from its base.",
        2,
    )


def test_ellipses_and_abbreviations_before_commas_are_not_doubled():
    text = "He paused... and went on. The U.S., Canada and Mexico agreed. It was 5 p.m., he said. Wait…"
    assert flagged(text, "P101") == []


def test_space_before_punctuation():
    text = "The talks ended , he said .\nAn emboldened insurgency, ”he added."
    assert flagged(text, "P102") == [" ,", " .", " ”"]
    found = findings(text, "P102")
    assert [f.suggestion for f in found] == [",", ".", "” "]
    # The space before a closing quote may belong after it: suggested, not fixed.
    assert [f.fix is not None and f.fix.safe for f in found] == [True, True, False]
    fixed, applied = apply_fixes(text, [f.fix for f in found if f.fix is not None])
    assert (fixed.split("\n")[0], applied) == ("The talks ended, he said.", 2)


def test_ellipsis_decimals_and_dashes_are_not_spacing_errors():
    text = "Growth was .5 percent ... and then – as expected – it fell. “Yes,” he said."
    assert flagged(text, "P102") == []


def test_unbalanced_quotes():
    text = "He said the talks were over.” The envoy left.\n“We will return, the spokesman said."
    assert flagged(text, "P103") == ["”", "“"]


def test_quotations_spanning_lines_and_paragraphs_are_balanced():
    text = "“The first paragraph of a long quote.\n“And its second paragraph,” he said.\n“Short.”"
    assert flagged(text, "P103") == []


# -- P104, P105: a missing space, a sentence over two lines --------------------------------


@pytest.mark.parametrize("text, glued", [("The talks went well,and they left.", "well,and"), ("He said.The talks ended.", "said.The")])
def test_no_space_after_a_comma_or_a_full_stop(text, glued):
    assert flagged(text, "P104") == [glued]


def test_the_missing_space_is_a_safe_fix():
    (finding,) = findings("Moreover,the talks ended.", "P104")
    assert finding.fix.safe and finding.fix.replacement == " " and finding.suggestion == "Moreover, the"


@pytest.mark.parametrize("text", ["It cost 1,000 euros, or 2.5 times more.", "See example.com or report.pdf.", "The U.S. and e.g. Yahoo!News."])
def test_numbers_addresses_and_abbreviations_are_left_alone(text):
    assert flagged(text, "P104") == []


def test_a_sentence_broken_over_two_lines():
    text = "The talks resumed on Monday.\nThe ministers have been\nlooking for a compromise.\nThey met again.\n"
    assert flagged(text, "P105") == ["been"]  # the finding runs from "been" to "looking"


def test_hard_wrapped_text_is_wrapped_on_purpose():
    text = "The talks resumed on Monday and the\nministers have been looking for a\ncompromise since the spring of\nthat year, officials said.\n"
    assert flagged(text, "P105") == []


def test_an_emoticon_or_an_html_entity_is_not_doubled_punctuation():
    text = "It was fun, :) really. See you, ;-) bye. AT&amp;. It&#8217;. He said&nbsp;, then."
    assert flagged(text, "P101") == []
    assert flagged("He left. . Then the issue,, and he said;. Then :) it", "P101") == [". .", ",,", ";."]


def test_a_straight_opener_closed_by_a_curly_quote_is_mixed_marks_not_unbalanced():
    for text, curly in (('He said: "We will go.”\nThen he left.', "“"), ('“We stay," she said.\nThen she left.', "”")):
        [f] = findings(text, "P103")
        assert f.message.startswith("mixed quotation marks") and f.suggestion == curly
        assert flagged(text, "P103") == ['"']
    assert [f.message for f in findings("He left.” Then.", "P103")] == ["closing quotation mark without an opening one"]
    assert [f.message for f in findings("“They came, he said.\nThen.", "P103")] == ["quotation mark opened and never closed"]
    assert flagged('He said "yes" and “no” then.', "P103") == []


# -- P103: a stray quotation mark inside a clause (issue 15, fourth round) ------------------


@pytest.mark.parametrize(
    "text, stray",
    [
        # an opener inside a clause never closed, or followed by another opener
        ('The minister called the proposal "reckless and said it would fail.', '"'),
        ('The bank got a "rescue package from the state, the "largest" in its history.', '"'),
        ("The union said the offer was “unacceptable and called a strike.\nThe firm called it “illegal” then.", "“"),
        # of two openers, the one inside a clause: the first opens the quotation
        ('"Poland must answer this "pressure from abroad with a veto," he said.', '"'),
        # a closer between a word and a lower-case word that nothing opened
        ('The report found that the policy" had failed to reduce crime.', '"'),
        # of two closers, the one inside a clause took the other's opener
        ('The board said "the new tax" will be applied to everyone."\nThen it left.', '"'),
    ],
)
def test_a_stray_quotation_mark(text, stray):
    assert flagged(text, "P103") == [stray]


def test_the_stray_quote_reported_is_the_one_inside_the_clause():
    text = '"Poland must answer this "pressure from abroad with a veto," he said.'
    [f] = findings(text, "P103")
    assert f.column == text.index('"pressure') + 1


@pytest.mark.parametrize(
    "text",
    [
        'He said "we will go on.\n"We are not afraid," he added.',  # reopened paragraph
        'She said: "The plan is ready.\nIt will be presented on Monday," she added.',  # over two lines
        'The 6" pipe burst, and the "leak" was fixed.',  # inches
        'He said on the Lakers" official website that he would stay.',  # an apostrophe typed as a quote
        '"The market was, "priced to perfection" I think," he said.',  # a quotation inside one
        'It began: "The river rose fast and we had no time',  # a story cut short
        'The play "Winter Light" opens on Friday, and critics call it "moving".',
    ],
)
def test_quotes_that_are_not_stray(text):
    assert flagged(text, "P103") == []

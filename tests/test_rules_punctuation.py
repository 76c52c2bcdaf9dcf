"""P101 doubled-punctuation, P102 space-before-punctuation, P103 unbalanced-quotes."""

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

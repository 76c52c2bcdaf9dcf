"""S101 misspelling."""

from rulecase import findings, flagged

from lintnews.api import lint_paths
from lintnews.config import Config


def test_lower_case_misspelling_with_a_suggestion():
    text = "But his Defense Secretary mentionned the withdrawal last week."
    [f] = findings(text, "S101")
    assert flagged(text, "S101") == ["mentionned"]
    assert f.suggestion == "mentioned"


def test_british_spellings_affixes_names_and_set_phrases_are_not_misspellings():
    text = (
        "The neighbouring centre honoured the organisation's defence programme. "
        "Kandahar's Katyusha rockets were reinjected; the de facto multibillion intra-Afghan deal. "
        "Tech firms and cryptos rose."
    )
    assert flagged(text, "S101") == []


def test_a_word_used_twice_is_taken_as_intended():
    assert flagged("The frobnicator broke. A new frobnicator came.", "S101") == []


def test_vocabulary_accepts_words(tmp_path):
    (tmp_path / "a.txt").write_text("The team mentionned it.", encoding="utf-8")
    config = Config(vocabulary=["mentionned"], select=["S101"])
    from lintnews.api import configured_rules

    result = lint_paths([str(tmp_path)], config, configured_rules(config))
    assert result.findings == []

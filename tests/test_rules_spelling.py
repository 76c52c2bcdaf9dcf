"""S101 misspelling."""

from rulecase import findings, flagged

from lintnews.api import lint_paths
from lintnews.run.config import Config


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


def test_a_word_of_a_foreign_set_phrase_is_reported_only_outside_the_phrase():
    # "nauseam" alone is one edit from "nauseas"; inside "ad nauseam" it is Latin, in any
    # case and across a line break.
    assert flagged("They repeated it nauseam in the hall.", "S101") == ["nauseam"]
    assert flagged("They repeated it ad nauseam in the hall.", "S101") == []
    assert flagged("They said it AD\nnauseam, and the sub judice case went on.", "S101") == []
    assert flagged("The sub judice case, the judice rule and an unheard-of typo, mentionned.", "S101") == ["judice", "mentionned"]


def test_a_word_used_twice_is_taken_as_intended():
    assert flagged("The frobnicator broke. A new frobnicator came.", "S101") == []


def test_vocabulary_accepts_words(tmp_path):
    (tmp_path / "a.txt").write_text("The team mentionned it.", encoding="utf-8")
    config = Config(vocabulary=["mentionned"], select=["S101"])
    from lintnews.api import configured_rules

    result = lint_paths([str(tmp_path)], config, configured_rules(config))
    assert result.findings == []


def _lint_with(config, text):
    from lintnews.api import configured_rules
    from lintnews.core.document import make_document
    from lintnews.run.pipeline import finish, lint_document

    rules = configured_rules(config)
    return finish([lint_document(make_document("a.txt", text), rules)], rules)


def test_rejected_terms_are_reported_as_whole_words():
    config = Config(reject=["Zabiullah", "e-?mail"], select=["S102"])
    fs = _lint_with(config, "Spokesman Zabiullah Mujahid sent an e-mail and an email, not a Zabiullahs.")
    text = "Spokesman Zabiullah Mujahid sent an e-mail and an email, not a Zabiullahs."
    assert [text[f.column - 1 : f.end_column - 1] for f in fs] == ["Zabiullah", "e-mail", "email"]


def test_no_reject_list_no_findings():
    assert _lint_with(Config(select=["S102"]), "Anything at all, Zabiullah included.") == []


def test_accept_entries_may_be_regular_expressions():
    config = Config(vocabulary=["mention+ed"], select=["S101"])
    assert _lint_with(config, "He mentionned it.") == []

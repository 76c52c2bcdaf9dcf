"""The document score: "does this article read as machine-translated?" (lintnews.analyses.mtscore).

The model is the packaged ``lintnews/models/mtscore-v2.json``; the corpora it was trained
on are not redistributable, so these tests use texts written here.  How well the score
separates machine from human translation is measured by ``training/train_mtscore.py``
and reported in ``benchmarks/README.md``, not asserted here.
"""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lintnews import score_texts
from lintnews.analyses import mtscore
from lintnews.analyses.mtscore import features
from lintnews.api import configured_rules, lint_paths, lint_texts
from lintnews.run.config import Config, ConfigError, load_config
from lintnews.core.document import make_document
from lintnews.core.rule import FAMILIES
from lintnews.rules.registry import all_rules

from conftest import property_settings

ARTICLE = """Officials said on Tuesday that the new bridge over the river would open next spring, a year later than planned.
The delay, they said, was caused by a shortage of steel and by a dispute with the main contractor over the cost of the foundations.
"We're disappointed, but we'd rather get it right," the city's transport director, Maria Lopez, told reporters at a briefing.
Residents who have waited nearly a decade for the crossing were less forgiving.
"It's the third time they've pushed it back," said John Carter, who runs a bakery near the old ferry landing.
The council will vote next month on whether to fine the contractor - a move that could lead to a lengthy court case.
"""

STRAIGHT = ARTICLE
CURLY = (
    ARTICLE.replace("\"We're", "“We’re")
    .replace("we'd", "we’d")
    .replace("right,\"", "right,”")
    .replace("city's", "city’s")
    .replace("\"It's", "“It’s")
    .replace("they've", "they’ve")
    .replace("back,\"", "back,”")
    .replace(" - ", " — ")
)


# -- the model file ------------------------------------------------------------------------


def test_the_packaged_model_loads_and_is_small():
    path = mtscore.model_path()
    assert path.is_file()
    assert path.stat().st_size < 1_000_000  # well under the 10 MB budget
    model = mtscore.load_model()
    assert len(model.features) == len(model.weights) == len(model.means) == len(model.scales) > 20
    assert all(s > 0 for s in model.scales)
    assert 0 < model.threshold < 1
    assert model.meta["seed"] == json.loads(path.read_text(encoding="utf-8"))["meta"]["seed"]


def test_the_model_records_what_it_was_trained_on():
    data = json.loads(mtscore.model_path().read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["kind"] == "logistic-regression"
    assert "wmt22-toen" in data["meta"]["data"] and "clean-en" in data["meta"]["data"]
    assert data["meta"]["data"]["positives"] > 0 and data["meta"]["data"]["negatives"] > 0
    # Trained on the same sample of each document that lintnews scores.
    assert data["meta"]["sample_chars"] == mtscore.SAMPLE_CHARS


def test_every_model_feature_is_one_the_extractor_produces():
    """A feature the extractor never emits would silently be 0 for every document."""
    emitted = set(mtscore.extract(ARTICLE * 3).features)
    fixed = [n for n in mtscore.load_model().features if not n.startswith("tag:")]
    assert fixed and set(fixed) <= emitted
    assert all(n.startswith(("tag:", "sent:", "rep:")) for n in mtscore.load_model().features)


def test_a_malformed_model_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "m.json"
    bad.write_text('{"features": ["a"], "means": [0], "scales": [1], "weights": [], "intercept": 0, "threshold": 0.5}')
    with pytest.raises(mtscore.ModelError, match="differ in length"):
        mtscore.load_model(str(bad))
    with pytest.raises(mtscore.ModelError, match="cannot read"):
        mtscore.load_model(str(tmp_path / "missing.json"))


def test_the_model_is_not_loaded_until_a_score_is_asked_for():
    """Linting without scores must not pay for reading the model."""
    import subprocess
    import sys

    code = (
        "import lintnews.analyses.mtscore as m, lintnews.api as a; "
        "a.lint_texts(['Some text here.']); "
        "print(m.load_model.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


# -- scores ---------------------------------------------------------------------------------


def test_scores_are_probabilities_with_reasons():
    score = mtscore.score_text(ARTICLE)
    assert 0.0 <= score.score <= 1.0
    assert score.words == len(ARTICLE.split()) - ARTICLE.count(" - ")
    assert len(score.reasons) <= 3
    for reason in score.reasons:
        assert "typical" in reason


def test_scores_are_deterministic():
    first = [mtscore.score_text(ARTICLE) for _ in range(3)]
    assert len(set(first)) == 1
    assert score_texts([ARTICLE, ARTICLE])[0].mt_score == score_texts([ARTICLE])[0].mt_score


def test_curly_and_straight_quotes_give_the_same_score():
    assert CURLY != STRAIGHT and "“" in CURLY and "’" in CURLY and "—" in CURLY
    assert mtscore.score_text(CURLY) == mtscore.score_text(STRAIGHT)


def test_typography_normalisation():
    assert mtscore.normalise_typography("“It’s” — ‘so’…\u00a0a\u2009b") == "\"It's\" - 'so'... a b"
    # Line structure: blank lines between paragraphs count the same as single line breaks.
    assert mtscore.normalise_typography("One.\n\n\nTwo.\r\n  Three.") == "One.\nTwo.\nThree."


def test_blank_lines_between_paragraphs_do_not_change_the_score():
    paragraphs = ARTICLE.strip().split("\n")
    assert mtscore.score_text("\n\n".join(paragraphs)) == mtscore.score_text("\n".join(paragraphs))


def test_different_texts_get_different_scores():
    """A score that ignores its input would pass every other test."""
    literal = (
        "The relevant departments of the city stated that the construction of the bridge will be completed in the "
        "next year's spring. The delay of the construction is due to the shortage of the steel and the dispute with "
        "the contractor of the project. The relevant person in charge said that the city will carry out the "
        "relevant work in accordance with the relevant regulations. The residents of the city expressed that they "
        "hope the construction of the bridge can be completed as soon as possible.\n"
    ) * 2
    assert mtscore.score_text(literal).score != mtscore.score_text(ARTICLE).score


# -- features ------------------------------------------------------------------------------


def test_sentences_end_at_marks_and_paragraphs_not_at_abbreviations():
    text = 'He said: "We will go." Mr. Smith left at 3.5 p.m. today\nA headline\nLast one. "Why?" he asked. Dr. No! Etc. and so on.'
    assert mtscore.split_sentences(text) == [
        'He said: "We will go."',
        "Mr. Smith left at 3.5 p.m. today",
        "A headline",
        "Last one.",
        '"Why?" he asked.',
        "Dr. No!",
        "Etc. and so on.",
    ]
    assert mtscore.extract(text).sentence_lengths == [5, 7, 2, 2, 3, 2, 4]


def test_tokens_and_tags():
    """Function words and marks are their own tags; other words are classes; n't and
    clitics are split off; a sentence break is a token."""
    profile = mtscore.extract("The officials didn't say it's quickly rising. Taxes were raised by 3.5 percent")
    tags = {name[4:] for name in profile.features if name.startswith("tag:") and " " not in name}
    assert tags == {"the", "-s", "did", "n't", "say", "it", "'s", "-ly", "-ing", ".", "Cap", "were", "-ed", "by", "#", "w"}
    assert "tag:<s> Cap" in profile.features  # the second sentence opens with a capitalised word
    assert "tag:<s>" not in profile.features  # breaks are not counted as tokens
    assert profile.words == 12


def test_feature_values():
    profile = mtscore.extract("The cat sat on the mat. The cat sat on the mat.")
    f = profile.features
    assert profile.words == 12
    assert f["sent:mean"] == 6 and f["sent:sd"] == 0
    # 14 tokens: "the" 4 times.
    assert math.isclose(f["tag:the"], 1000 * 4 / 14)
    assert math.isclose(f["tag:the w"], 1000 * 4 / 14)  # "The cat", "the mat" twice each
    assert math.isclose(f["tag:<s> the w"], 1000 * 2 / 14)  # each sentence opens "The cat"
    assert f["rep:start"] == 1.0  # both sentences open "the cat"
    assert mtscore.extract("One two three. Four five six.").features["rep:start"] == 0


def test_only_the_sample_is_read():
    """Features come from the first SAMPLE_CHARS characters, cut at a line break."""
    paragraph = "The minister said the plan would be ready by May. " * 8
    head = (paragraph.strip() + "\n") * (mtscore.SAMPLE_CHARS // len(paragraph) + 1)
    tail = "Completely different text, with commas, and more commas; and semicolons!\n" * 200
    assert mtscore.extract(head + tail).features == mtscore.extract(head + "Another line.\n" * 200).features
    sample = mtscore.sample(head + tail)
    assert len(sample) <= mtscore.SAMPLE_CHARS and sample.endswith("May.") and "commas" not in sample
    assert mtscore.sample("Short text.\n\nTwo lines.") == "Short text.\nTwo lines."


def test_unusual_white_space_is_normalised_like_plain():
    plain = "One sentence here.\nAnother one there."
    for variant in ("One  sentence\there.\r\nAnother\u00a0one there.", " One sentence here. \n\n Another one there.\n", "One sentence here.\u2028Another one there."):
        assert mtscore.normalise_typography(variant) == plain


def test_scoring_reads_the_same_values_training_saw():
    """Scoring extracts only the model's n-grams; their values equal the full extraction's."""
    model = mtscore.load_model()
    for text in (ARTICLE, CURLY, "Short. Text!", ""):
        full = mtscore.extract(text).features
        restricted = mtscore.extract(text, model.vocabulary).features
        assert set(restricted) == set(model.features)  # every one the model reads, no other
        assert [full.get(n, 0.0) for n in model.features] == [restricted[n] for n in model.features]
    assert any(n.startswith("tag:") and n not in model.features for n in mtscore.extract(ARTICLE).features)


def test_the_training_script_uses_the_runtime_feature_extraction(repo_root: Path):
    """Training and scoring share one feature extractor: the script imports it, defines none."""
    source = (repo_root / "training" / "train_mtscore.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "lintnews.analyses.mtscore"
        for alias in node.names
    }
    assert "extract" in imported
    defined = {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    assert not defined & {"extract", "normalise_typography", "_tag", "score_text"}


# -- in lintnews ---------------------------------------------------------------------------


def test_the_rule_is_registered_off_by_default_in_its_own_family():
    rule = next(r for r in all_rules(plugins=False) if r.code == "D101")
    assert rule.name == "reads-machine-translated" and rule.scope == "document"
    assert "D" in FAMILIES
    assert "D101" not in {r.code for r in configured_rules(Config())}


def test_the_rule_reports_at_the_first_line_above_the_threshold(tmp_path: Path):
    text = "\n\n" + ARTICLE * 2
    score = mtscore.score_text(text).score
    (tmp_path / "lintnews.toml").write_text(f"mt-threshold = {max(score - 0.001, 0)}\n")
    config = load_config(tmp_path / "lintnews.toml")
    rules = configured_rules(config, select=["D101"])
    findings = lint_texts({"a.txt": text}, select=["D101"])  # the model's own threshold
    assert all(f.code == "D101" for f in findings)
    (tmp_path / "a.txt").write_text(text)
    found = lint_paths([str(tmp_path / "a.txt")], config, rules).findings
    assert [(f.code, f.line, f.column) for f in found] == [("D101", 3, 1)]
    assert f"score {score:.2f}" in found[0].message
    (tmp_path / "lintnews.toml").write_text(f"mt-threshold = {min(score + 0.001, 1)}\n")
    config = load_config(tmp_path / "lintnews.toml")
    assert lint_paths([str(tmp_path / "a.txt")], config, configured_rules(config, select=["D101"])).findings == []


TRANSLATED_PARAGRAPH = (
    "The implementation of the plan, but also the completion of the construction of the bridge, "
    "the rest of the funding of the project and the protection of the environment of the region, "
    "but also the promotion of the development of the economy in the city, the province and the country."
)


def _d101_config(tmp_path: Path, threshold: float):
    (tmp_path / "lintnews.toml").write_text(f"mt-threshold = {threshold}\n")
    config = load_config(tmp_path / "lintnews.toml")
    return config, configured_rules(config, select=["D101"])


def test_the_rule_names_the_paragraph_that_raises_the_score_most(tmp_path: Path):
    paragraphs = ARTICLE.strip().split("\n")
    text = "\n".join(paragraphs[:3] + [TRANSLATED_PARAGRAPH] + paragraphs[3:]) + "\n"
    config, rules = _d101_config(tmp_path, 0)
    (tmp_path / "a.txt").write_text(text)
    [finding] = lint_paths([str(tmp_path / "a.txt")], config, rules).findings
    assert (finding.line, finding.column) == (1, 1)  # the finding is the document's
    assert "reads most translated at line 4 ('The implementation of the plan, but also the" in finding.message
    assert "e.g. 'The implementation of', 'the completion of'" in finding.message  # reasons in the text's words
    assert [(r.line, r.column, r.end_line, r.end_column) for r in finding.related] == [(4, 1, 4, len(TRANSLATED_PARAGRAPH) + 1)]
    # moved elsewhere, the paragraph is still the one named
    text = "\n".join(paragraphs + [TRANSLATED_PARAGRAPH]) + "\n"
    (tmp_path / "a.txt").write_text(text)
    [finding] = lint_paths([str(tmp_path / "a.txt")], config, rules).findings
    assert [r.line for r in finding.related] == [len(paragraphs) + 1]


def test_explained_reasons_show_a_pattern_in_the_articles_own_words():
    text = ARTICLE + TRANSLATED_PARAGRAPH + "\n"
    reasons = mtscore.explain(text)
    assert reasons[0] == "more 'the -tion of' per 1,000 tokens (35.2, typical 2.06; e.g. 'The implementation of', 'the completion of')"
    # the same reasons as the score's, in the same order, with examples added only
    assert [r.split("; e.g. ")[0].rstrip(")") for r in reasons] == [r.rstrip(")") for r in mtscore.score_text(text).reasons]
    # a pattern of function words and marks only is its own example
    but = next(r for r in reasons if r.startswith("more ', but'"))
    assert "e.g." not in but
    # marks are written against the word before them, as in the text
    assert "e.g. 'The delay,', 'the plan,'" in next(r for r in mtscore.explain(text, top=8) if "'the w ,'" in r)


def test_the_most_frequent_occurrences_are_the_examples():
    """Most frequent first; between equals, the one the text has first ("the cost of" is
    in ARTICLE, "the rest of" in the paragraph after it)."""
    text = ARTICLE + TRANSLATED_PARAGRAPH + "\nThey spent the end of the day, the end of the week and the end of the month on it.\n"
    reason = next(r for r in mtscore.explain(text, top=30) if r.startswith("more 'the w of'"))
    assert reason.endswith("e.g. 'the end of', 'the cost of')")


def test_no_paragraph_is_named_when_there_is_nothing_to_compare(tmp_path: Path):
    """One paragraph, or one beside datelines and bylines too short to be telling."""
    config, rules = _d101_config(tmp_path, 0)
    one_paragraph = "Published Jan 28, 2019\nBy a staff writer\n\n" + " ".join(ARTICLE.split("\n")) + "\n"
    (tmp_path / "a.txt").write_text(one_paragraph)
    [finding] = lint_paths([str(tmp_path / "a.txt")], config, rules).findings
    assert "reads most translated" not in finding.message and finding.related == ()


def test_only_the_scored_sample_is_searched_for_the_telling_paragraph():
    from lintnews.rules.document_mt_score import telling_paragraph

    filler = "\n".join([ARTICLE.strip()] * 12)
    assert len(filler) > mtscore.SAMPLE_CHARS
    start, end, drop = telling_paragraph(ARTICLE + TRANSLATED_PARAGRAPH + "\n" + filler)
    assert (start, end) == (len(ARTICLE), len(ARTICLE) + len(TRANSLATED_PARAGRAPH)) and drop > 0
    past_the_sample = telling_paragraph(filler + "\n" + TRANSLATED_PARAGRAPH)
    assert past_the_sample is None or past_the_sample[1] <= mtscore.SAMPLE_CHARS


def test_the_rule_skips_short_documents(tmp_path: Path):
    (tmp_path / "lintnews.toml").write_text("mt-threshold = 0\n")
    config = load_config(tmp_path / "lintnews.toml")
    (tmp_path / "short.txt").write_text("A short note of a few words.\n")
    assert lint_paths([str(tmp_path / "short.txt")], config, configured_rules(config, select=["D101"])).findings == []


@pytest.mark.parametrize("value", ['"high"', "1.5", "-0.1", "true"])
def test_a_bad_threshold_is_a_configuration_error(tmp_path: Path, value: str):
    (tmp_path / "lintnews.toml").write_text(f"mt-threshold = {value}\n")
    with pytest.raises(ConfigError, match="mt-threshold"):
        load_config(tmp_path / "lintnews.toml")


def test_lint_paths_gives_every_document_a_score(tmp_path: Path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(CURLY)
    result = lint_paths([str(tmp_path)])
    assert [Path(d.path).name for d in result.documents] == ["a.txt", "b.txt"]
    assert result.documents[0].mt_score == result.documents[1].mt_score
    assert result.documents[0].words == make_document("a", CURLY).word_count
    assert lint_paths([str(tmp_path)], scores=False).documents == []


def test_json_output_has_a_score_per_document(run_cli, seeds_dir: Path):
    proc = run_cli(["--format", "json", str(seeds_dir)])
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    docs = report["documents"]
    assert [Path(d["path"]).name for d in docs] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for d in docs:
        assert set(d) == {"path", "words", "mt_score", "mt_reasons"}
        assert 0 <= d["mt_score"] <= 1 and d["words"] > 400
        assert isinstance(d["mt_reasons"], list)
    assert "D101" not in {f["code"] for f in report["findings"]}


def test_the_probability_is_the_logistic_of_the_standardised_weighted_sum():
    """The vectorised scoring computes exactly what the model file says."""
    model = mtscore.load_model()
    features = mtscore.extract(ARTICLE, model.vocabulary).features
    logit = model.intercept + sum(
        w * (features[n] - mu) / sd for n, mu, sd, w in zip(model.features, model.means, model.scales, model.weights)
    )
    assert math.isclose(model.probability(features), 1 / (1 + math.exp(-logit)), rel_tol=1e-9)
    assert mtscore.score_text(ARTICLE).score == round(1 / (1 + math.exp(-logit)), 4)


def test_every_kind_of_white_space_is_caught():
    """The fast path of normalisation lists the white space NFKC keeps; nothing is missed."""
    import sys
    import unicodedata

    kept = {unicodedata.normalize("NFKC", chr(c)) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert kept - {" ", "\n"} == set(features._OTHER_SPACES)
    for c in range(sys.maxunicode + 1):
        if chr(c).isspace() and chr(c) != "\n":
            assert mtscore.normalise_typography(f"a{chr(c)}b") in ("a b", "a\nb"), hex(c)


@property_settings(60)
@given(
    st.lists(
        st.lists(st.sampled_from(["the", "of", ",", "but", "also", "Officials", "said", "bridge", "in", "Kabul", "which", "."]), max_size=40).map(" ".join),
        min_size=0,
        max_size=12,
    ),
    st.sampled_from(["\n", "\n\n", "\n \n"]),
)
def test_the_telling_paragraph_is_always_a_whole_line_of_the_sample(paragraphs: list[str], separator: str):
    from lintnews.rules.document_mt_score import MIN_PARAGRAPH_WORDS, telling_paragraph

    view = separator.join(paragraphs)
    found = telling_paragraph(view)
    if found is None:
        return
    start, end, drop = found
    assert drop > 0 and 0 <= start < end <= len(view)
    line_start = view.rfind("\n", 0, start) + 1
    line_end = view.find("\n", end)
    line = view[line_start : len(view) if line_end == -1 else line_end]
    assert view[start:end] == line.strip() and len(line.split()) >= MIN_PARAGRAPH_WORDS


# Line contents for the line-by-line scorer: sentence ends and abbreviations, curly quotes
# and ellipses (normalised), runs of spaces, tabs, other line separators and no-break
# spaces (white space handled line by line), a ligature (NFKC), empty and blank lines.
_LINE_PIECES = [
    "the", "of", ",", "but", "also", "Officials", "said", "Mr.", "Smith", "etc.", "and",
    "end.", "Start", "“quoted”", "it’s", "…", "—", "  ", "\t", "\u00a0", "\r", "\u2028", "ﬁne", "n't", "3.5", "",
]


def _scored_one_by_one(lines: list[str]) -> list[float]:
    """The reference: the text without each line in turn, scored from the start."""
    return [mtscore.score_text("\n".join(lines[:i] + lines[i + 1 :])).score for i in range(len(lines))]


@property_settings(80)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=25).map(" ".join), max_size=10))
def test_taking_out_a_line_scores_as_scoring_the_text_without_it(lines: list[str]):
    every_line = range(len(lines))
    assert mtscore.scores_without_lines("\n".join(lines), every_line) == _scored_one_by_one(lines)


def test_lines_are_taken_out_one_by_one_in_every_seed(seeds_dir: Path):
    """The telling paragraph's shortcut gives the scores of scoring from the start."""
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        prefix = text[: text.rfind("\n", 0, mtscore.SAMPLE_CHARS + 1)]
        lines = prefix.split("\n")
        assert mtscore.scores_without_lines(prefix, range(len(lines))) == _scored_one_by_one(lines), path.name


def test_a_text_longer_than_the_sample_is_left_to_scoring_one_by_one():
    """Normalising can lengthen a text ("…" is three full stops): past the sample, taking a
    line out would let in text the whole does not read."""
    lines = [ARTICLE.strip()] * 3 + ["…" * 600]
    assert len("\n".join(lines)) <= mtscore.SAMPLE_CHARS < len(mtscore.normalise_typography("\n".join(lines)))
    assert mtscore.scores_without_lines("\n".join(lines), [0]) is None

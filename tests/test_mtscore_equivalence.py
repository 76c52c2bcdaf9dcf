"""The feature extraction gives what its plain description says (lintnews.analyses.mtscore).

One extractor (``features.Extractor``) serves training (every tag n-gram of a text, to
choose a vocabulary from) and scoring (only a model's vocabulary, counted with
``str.count`` over strings of codes).  Its docstring describes what it computes in plain
terms: tokens, tags, n-grams counted per 1,000 tokens.  That description is written out
here as the reference (:func:`plain_tag_ngrams`: one regex, one tag per token,
``Counter``), and both ways of using the extractor must give its numbers, to the bit, for
any text: these properties check it on generated texts (news-like pieces, clitics,
abbreviations, every kind of white space and line end, exotic scripts, arbitrary code
points), and on the other counting strategies the extractor falls back to.

The default run is short and derandomised (``LINTNEWS_HYPOTHESIS_EXAMPLES`` raises it, as
for ``test_properties.py``).
"""

from __future__ import annotations

import heapq

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collections import Counter

from lintnews.analyses import mtscore
from lintnews.analyses.mtscore import features

from conftest import property_settings

PROPERTY = property_settings(80)

WORDS = [
    "the", "The", "of", "and", "to", "a", "in", "is", "was", "said", "that", "which", "who", "it", "It",
    "officials", "Officials", "quickly", "running", "raised", "nation", "movement", "steel", "class", "Kabul",
    "Mr.", "Dr.", "etc.", "U.S.", "No.", "3.5", "1,000", "2021", "well-known", "x_y", "_under", "ÉTAT", "İstanbul",
    "don't", "can't", "WON'T", "it's", "they're", "we've", "I'd", "o'clock", "'s", "n't", "'", "''",
]
MARKS = [".", ",", "!", "?", ";", ":", '"', "'", "(", ")", "[", "]", "-", "--", "...", "…", "—", "–", "“", "”", "‘", "’", "«", "»"]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "\x85", " \n "]
EXOTIC = ["北京", "한국어", "Москва", "مرحبا", "😀", "e\u0301", "\u200b", "\x00", "ß", "ﬁ", "Σ", "ΟΔΟΣ", "①", "Ⅻ", "\ufeff"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKS),
    st.sampled_from(EXOTIC),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=6),
)
text = st.lists(st.tuples(piece, st.sampled_from(SPACES)), max_size=120).map(lambda pairs: "".join(p + s for p, s in pairs))
# Some texts longer than the sample, so that cutting it is exercised as well.
long_text = st.builds(lambda t, n: t * n, text, st.integers(1, 40))


def plain_tag_ngrams(marked: str) -> tuple[dict[str, float], int]:
    """The extractor's plain description: every tag n-gram's rate and the number of words."""
    tokens = features._tokens(marked)
    tags = [features._tag(t) for t in tokens]
    unigrams = Counter(tags)
    n_breaks = unigrams.pop("<s>", 0)
    per_thousand = 1000.0 / max(len(tags) - n_breaks, 1)
    found: dict[str, float] = {"tag:" + t: c * per_thousand for t, c in unigrams.items()}
    found.update({f"tag:{a} {b}": c * per_thousand for (a, b), c in Counter(zip(tags, tags[1:])).items()})
    found.update({f"tag:{a} {b} {c}": n * per_thousand for (a, b, c), n in Counter(zip(tags, tags[1:], tags[2:])).items()})
    return found, sum(map(str.isalpha, tokens))


def reference_profile(source: str, vocabulary: tuple[str, ...] | None = None) -> mtscore.Profile:
    """The plain description's profile, restricted to a vocabulary as extraction promises."""
    norm = features.sample(source)
    marked = features._mark_sentences(norm)
    every, words = plain_tag_ngrams(marked)
    if vocabulary is None:
        found = every
    else:
        found = {n: every.get(n, 0.0) for n in vocabulary if n.startswith("tag:")}
    lengths = features._sentence_lengths(marked)
    found.update(zip(mtscore.SENTENCE_FEATURES, features._sentence_profile(lengths, marked)))
    return mtscore.Profile(found, words, lengths, norm)


def reference_score(source: str, model: mtscore.Model, top: int = 3) -> mtscore.Score:
    """The score as the model defines it, from the plain description: the probability
    of the features' values, and the (at most) ``top`` features with the largest
    positive contributions, largest first, the earlier feature first on a tie."""
    profile = reference_profile(source, model.vocabulary)
    contributions = model.contributions(profile.features)
    reasons = []
    for i in heapq.nlargest(top, range(len(contributions)), key=contributions.__getitem__):
        if contributions[i] <= 0:
            break
        name, mean = model.features[i], model.means[i]
        value = profile.features.get(name, 0.0)
        if name.startswith("tag:"):
            direction = "more" if value > mean else "fewer"
        else:
            direction = "higher" if value > mean else "lower"
        reasons.append(f"{direction} {mtscore.describe_feature(name)} ({value:.3g}, typical {mean:.3g})")
    return mtscore.Score(round(model.probability(profile.features), 4), profile.words, tuple(reasons))


def assert_same_profile(fast: mtscore.Profile, reference: mtscore.Profile) -> None:
    assert fast.features.keys() == reference.features.keys()
    # Bit for bit: float.hex tells 0.1 + 0.2 from 0.3.
    assert {n: v.hex() for n, v in fast.features.items()} == {n: v.hex() for n, v in reference.features.items()}
    assert (fast.words, fast.sentence_lengths, fast.text) == (reference.words, reference.sentence_lengths, reference.text)


@PROPERTY
@given(st.one_of(text, long_text))
def test_scoring_extracts_what_the_plain_description_gives(source: str):
    vocabulary = mtscore.load_model().vocabulary
    assert_same_profile(mtscore.extract(source, vocabulary), reference_profile(source, vocabulary))


@PROPERTY
@given(st.one_of(text, long_text))
def test_training_extracts_what_the_plain_description_gives(source: str):
    # Every tag n-gram found, and only those: the names training chooses from.
    assert_same_profile(mtscore.extract(source), reference_profile(source))


@PROPERTY
@given(st.one_of(text, long_text))
def test_scores_and_reasons_are_those_of_the_plain_description(source: str):
    model = mtscore.load_model()
    assert mtscore.score_text(source) == reference_score(source, model)


NEWS = (
    "Officials said on Tuesday that the bridge would open next spring, a year later than planned.\n"
    "\"We're disappointed,\" said Maria Lopez. It's the third delay - the council will vote on it.\n\n"
    "Mr. Smith, who runs a bakery, wasn't surprised: \"They've pushed it back again (and again)!\"\n"
    "Is it 3.5 or 4 km? Nobody knows... The the the. W W W w w w, and of the of the of the.\n"
)
TEXTS = [NEWS, NEWS * 12, "", " \n ", "...", "A", "a b", "Cap Cap Cap Cap. x x x x", "北京 😀 \x00 ΟΔΟΣ."]


@pytest.mark.parametrize("setting, value", [("FIRST_TAGS", 1), ("FIRST_TAGS", 3), ("MAX_CODE", 3), ("MAX_CHUNKS", 4)])
def test_other_counting_strategies_give_the_same_values(monkeypatch: pytest.MonkeyPatch, setting: str, value: int):
    """One triple string per first tag, per three of them; Counter for a vocabulary of
    many tags; a memo that is cleared every few chunks: the same values as ever."""
    model = mtscore.load_model()
    expected = [mtscore.extract(t, model.vocabulary) for t in TEXTS]
    expected_scores = [mtscore.score_text(t) for t in TEXTS]
    monkeypatch.setattr(mtscore.Extractor, setting, value)
    mtscore.extractor.cache_clear()
    try:
        coder = mtscore.extractor(model.vocabulary)
        for source, before, score in zip(TEXTS, expected, expected_scores):
            assert_same_profile(mtscore.extract(source, model.vocabulary), before)
            assert mtscore.score_text(source) == score
        assert len(coder.trigram_groups) > 1 if setting == "FIRST_TAGS" else True
        assert coder.pairs_work is (setting != "MAX_CODE")
        assert len(coder.chunk_codes) <= value + 1 if setting == "MAX_CHUNKS" else True
    finally:
        mtscore.extractor.cache_clear()


def test_a_vocabulary_of_many_tags_odd_names_and_breaks():
    """More tags than codes fit in a byte (the Counter path), a unigram of the sentence
    break (never counted), n-grams of tags no text has and a name that is no feature."""
    made_up = tuple(f"tag:made{i}" for i in range(300)) + ("tag:made1 the", "tag:the made2 w")
    odd = ("tag:<s>", "tag:<s> Cap", "tag:w w w", "tag:Cap Cap Cap", "no-such-feature")
    vocabulary = mtscore.load_model().vocabulary + made_up + odd
    coder = mtscore.extractor(vocabulary)
    assert not coder.pairs_work
    for source in TEXTS:
        assert_same_profile(mtscore.extract(source, vocabulary), reference_profile(source, vocabulary))
    assert mtscore.extract(NEWS, vocabulary).features["tag:<s>"] == 0.0
    assert mtscore.extract(NEWS, vocabulary).features["tag:w w w"] > 0  # "w w w" overlaps itself

    small = odd + mtscore.SENTENCE_FEATURES
    model = mtscore.Model(list(small), [1.0] * len(small), [2.0] * len(small), [0.5] * len(small), -1.0, 0.5, {})
    for source in TEXTS:
        assert mtscore.score_text(source, model) == reference_score(source, model)


def test_a_chunk_is_tokenised_alone_as_in_the_whole_text():
    """Chunks are cut at spaces: no token spans one, and a clitic or "n't" is split off
    the same way inside a chunk as in the whole text."""
    source = "They didn't know it's Mr. O'Neill's car (the one they'd seen)."
    coder = mtscore.extractor(mtscore.load_model().vocabulary)
    marked = features._SENTENCE_BREAK.sub("\\1\n", mtscore.sample(source))
    whole = "".join(map(coder.token_codes.__getitem__, features._TOKEN.findall("\n" + marked.replace("n't", " n't"))))
    chunked = coder.brk + "".join(map(coder.chunk_codes.__getitem__, marked.replace("\n", " \n ").split(" ")))
    assert chunked == whole
    assert coder.chunk_codes["didn't"] == "".join(map(coder.token_codes.__getitem__, ["did", "n't"]))

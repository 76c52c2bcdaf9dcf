"""A document-level score: does this article read as machine-translated?

Rules point at artifacts an editor can see; this module answers the question behind them
for a whole document, with a number from 0 to 1 and the features that drove it.  The
same feature extraction is used by the training script (``training/train_mtscore.py``)
and at run time, so what was trained is what is scored.  Scoring is pure Python: the
model is a logistic regression stored as a small JSON file inside the package
(``lintnews/models/mtscore-v1.json``), read lazily on first use.

Text preparation
    1. **Typography is normalised first** (:func:`normalise_typography`): NFKC, curly
       quotes and apostrophes to straight ones, en/em dashes and minus signs to ``-``,
       ``…`` to ``...``, every Unicode space to a plain space.  Human reference
       translations tend to use typographic quotes and MT outputs straight ones; that is
       house style, not translation, and must not be scored.
    2. **Line structure is ignored**: any run of line breaks (one segment per line, or
       paragraphs separated by blank lines) is one paragraph boundary, which ends a
       sentence like a full stop does.

Tokens and tags
    Tokens are words (letters, with a clitic such as ``'s`` or ``n't`` split off),
    numbers and single punctuation marks.  Each token gets a coarse, part-of-speech-like
    tag that keeps the *function* words and throws the *content* away, so that what is
    learnt is how a text is put together rather than what it is about:

    - a function word (articles, pronouns, prepositions, conjunctions, auxiliaries,
      common adverbs and determiners; :data:`FUNCTION_WORDS`) is its own tag, lower-cased;
    - a punctuation mark is its own tag;
    - a number is ``#``;
    - a capitalised word is ``Cap`` (``Cap0`` at the start of a sentence);
    - any other word is tagged by its ending: ``-ly``, ``-ing``, ``-ed``, ``-tion`` (also
      ``-ment``, ``-ness``, ``-ity``, ``-ance``, ``-ence``), ``-s``, else ``w``.

Features (every one a rate, so a long and a short document are comparable)
    - ``tag:<t>``, ``tag:<t1> <t2>``, ``tag:<t1> <t2> <t3>``: tag unigrams, bigrams and
      trigrams per 1,000 tokens.  Function-word and punctuation n-grams are what stylometry
      and translationese studies find most telling (e.g. "of the", ", which", "the w of").
      The model keeps a fixed vocabulary of the most common ones, chosen at training time.
    - ``sent:mean``, ``sent:sd``, ``sent:long``, ``sent:short``: sentence length in words,
      its mean and standard deviation and the shares of sentences over 40 and under 8
      words (translation tends to follow the source's sentence lengths).
    - ``word:len``: mean word length in letters.
    - ``lex:mattr``: moving-average type/token ratio over windows of 50 words (lexical
      diversity, independent of length; MT tends to be more repetitive and less varied).
    - ``lex:hapax``: share of word types used once.
    - ``rep:trigram``: share of word trigrams that occur more than once in the document
      (repeated phrasing).
    - ``rep:start``: share of sentences whose first two words start another sentence too.
    - ``freq:log``, ``freq:rare``, ``freq:middle``, ``freq:unknown``: how common the
      lower-case content words are in general English (mean log10 frequency in
      pyspellchecker's word list; shares under 10,000, under 1,000,000 and absent).
      Translation studies find MT output leans on the most frequent words, human
      translators less so.

Cost: one regex tokenisation and a few counters per document, linear in its length.
"""

from __future__ import annotations

import heapq
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

MODEL_NAME = "mtscore-v1.json"

#: Words kept as their own tag.  Articles, pronouns, prepositions, conjunctions,
#: auxiliaries and modals, negation, common determiners, quantifiers and adverbs.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    myself ourselves yourself himself herself itself themselves
    who whom whose which what where when why how whether
    of in on at by for with from to into onto upon about above below over under between among
    through during before after since until against without within along across around behind
    beyond toward towards via per despite except near off out up down
    and or but nor so yet if then than because although though while whereas unless as also
    be am is are was were been being have has had having do does did done
    will would shall should can could may might must
    not no never none nothing only just even still already again very too quite rather more most
    less least much many some any all each every both either neither few several other another such
    own same there here now however therefore thus moreover furthermore meanwhile indeed
    one ones said says say according
    's 't 're 've 'll 'd 'm
    """.split()
)

_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")

# Typography: every variant of a quote, apostrophe, dash or space maps to its plain form.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
    }
)
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
# Tokens: a word before "n't", "n't", a clitic, a (hyphenated) word, a number, one mark.
_L = r"[^\W\d_]"  # a letter, in any script
_TOKEN = re.compile(
    rf"{_L}+(?=n't)|n't|'(?:s|t|re|ve|ll|d|m)(?!{_L})|{_L}+(?:-{_L}+)*|\d+(?:[.,:]\d+)*|[^\s\w]|_",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st gen sen rep gov lt col sgt capt jr sr no vs etc inc co corp".split())
_CLOSERS = frozenset('"\')]')
_MATTR_WINDOW = 50


def normalise_typography(text: str) -> str:
    """Plain quotes, apostrophes, dashes and spaces; runs of line breaks become one."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    text = _SPACES.sub(" ", text)
    return _LINE_BREAKS.sub("\n", text).strip()


def _tag(token: str, sentence_start: bool) -> str:
    first = token[0]
    if first.isdigit():
        return "#"
    if not (first.isalpha() or first == "'") or token == "'":
        return token  # punctuation is its own tag
    lower = token.lower()
    if lower in FUNCTION_WORDS or lower == "n't":
        return lower
    if first.isupper():
        return "Cap0" if sentence_start else "Cap"
    if lower.endswith("ly"):
        return "-ly"
    if lower.endswith("ing"):
        return "-ing"
    if lower.endswith("ed"):
        return "-ed"
    if lower.endswith(_NOMINAL_ENDINGS):
        return "-tion"
    if lower.endswith("s") and not lower.endswith("ss"):
        return "-s"
    return "w"


@dataclass
class Profile:
    """The features of one document and the counts they came from."""

    features: dict[str, float]
    words: int
    sentences: list[tuple[int, int]]  # (start, end) character offsets in the normalised text
    text: str  # the normalised text


def extract(text: str, vocabulary: tuple[str, ...] | None = None) -> Profile:
    """Every feature of a document (see the module docstring), by name.

    Without ``vocabulary`` every tag n-gram found is returned (training chooses among
    them); with it, only the tag n-grams it names (scoring: a model reads no others).
    The values are the same either way.
    """
    norm = normalise_typography(text)
    words: list[str] = []
    sentence_lengths: list[int] = []
    sentence_spans: list[tuple[int, int]] = []
    openers: list[str] = []
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    trigrams_of_tags: Counter[tuple[str, str, str]] = Counter()
    tag_of = _TAG_CACHE
    if len(tag_of) > 200_000:  # a bound on memory; tags do not depend on the cache
        tag_of.clear()
    for paragraph_match in re.finditer(r"[^\n]+", norm):
        base = paragraph_match.start()
        matches = list(_TOKEN.finditer(paragraph_match.group(0)))
        tokens = [m.group(0) for m in matches]
        tags = [tag_of.get(t) or tag_of.setdefault(t, _tag(t, False)) for t in tokens]
        for first, last in _sentences(tokens):
            sequence = tags[first : last + 1]
            if sequence[0] == "Cap":
                sequence[0] = "Cap0"  # the only tag that depends on the position
            padded = ["<s>", "<s>", *sequence]
            unigrams.update(sequence)
            bigrams.update(zip(padded[1:], padded[2:]))
            trigrams_of_tags.update(zip(padded, padded[1:], padded[2:]))
            sentence_words = [t.lower() for t in tokens[first : last + 1] if t[0].isalpha()]
            if sentence_words:
                words.extend(sentence_words)
                sentence_lengths.append(len(sentence_words))
                sentence_spans.append((base + matches[first].start(), base + matches[last].end()))
                openers.append(" ".join(sentence_words[:2]))
    n_tokens = max(sum(unigrams.values()), 1)
    per_thousand = 1000.0 / n_tokens
    if vocabulary is None:
        features: dict[str, float] = {"tag:" + t: c * per_thousand for t, c in unigrams.items()}
        features.update({f"tag:{a} {b}": c * per_thousand for (a, b), c in bigrams.items()})
        features.update({f"tag:{a} {b} {c}": n * per_thousand for (a, b, c), n in trigrams_of_tags.items()})
    else:
        by_length = (None, unigrams, bigrams, trigrams_of_tags)
        features = {}
        for name, key in _tag_keys(vocabulary):
            count = by_length[len(key)].get(key[0] if len(key) == 1 else key, 0)
            if count:
                features[name] = count * per_thousand
    n_sent = max(len(sentence_lengths), 1)
    mean = sum(sentence_lengths) / n_sent
    variance = sum((x - mean) ** 2 for x in sentence_lengths) / n_sent
    features["sent:mean"] = mean
    features["sent:sd"] = math.sqrt(variance)
    features["sent:long"] = sum(1 for x in sentence_lengths if x > 40) / n_sent
    features["sent:short"] = sum(1 for x in sentence_lengths if x < 8) / n_sent
    n_words = len(words)
    features["word:len"] = sum(len(w) for w in words) / n_words if n_words else 0.0
    features["lex:mattr"] = _mattr(words)
    types = Counter(words)
    features["lex:hapax"] = sum(1 for c in types.values() if c == 1) / len(types) if types else 0.0
    features.update(_frequency_profile(types))
    trigrams = Counter(zip(words, words[1:], words[2:]))
    n_tri = max(sum(trigrams.values()), 1)
    features["rep:trigram"] = sum(c for c in trigrams.values() if c > 1) / n_tri
    opener_counts = Counter(o for o in openers if " " in o)
    features["rep:start"] = sum(c for c in opener_counts.values() if c > 1) / n_sent
    return Profile(features, n_words, sentence_spans, norm)


_TAG_CACHE: dict[str, str] = {}  # token -> its tag inside a sentence


@lru_cache(maxsize=8)
def _tag_keys(vocabulary: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The tag n-gram features of a vocabulary, each with its tags as a tuple."""
    return tuple((name, tuple(name[4:].split(" "))) for name in vocabulary if name.startswith("tag:"))


def _sentences(tokens: list[str]) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (first, last) token indices.

    A sentence ends at ``.``, ``!`` or ``?`` (with any quotes or brackets right after it),
    unless the text goes on in lower case ("etc. and") or the full stop closes an
    abbreviation ("Mr. Smith"); the paragraph's end ends a sentence too.
    """
    spans = []
    first = 0
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token in _SENTENCE_END and not (token == "." and i > first and tokens[i - 1].lower() in _ABBREVIATIONS):
            j = i + 1
            while j < n and tokens[j] in _CLOSERS:
                j += 1
            if j == n or not tokens[j][0].islower():
                spans.append((first, j - 1))
                first = i = j
                continue
        i += 1
    if first < n:
        spans.append((first, n - 1))
    return spans


def _frequency_profile(types: Counter[str]) -> dict[str, float]:
    """How common the document's lower-case content words are in general English.

    Frequencies are pyspellchecker's (a dependency of lintnews already).  Capitalised
    words (mostly names) and function words are left out.
    """
    from lintnews.lexicon import spellchecker

    dictionary = spellchecker().word_frequency.dictionary
    total = log_sum = rare = middle = unknown = 0
    for word, count in types.items():
        if word in FUNCTION_WORDS or not word.islower():
            continue
        frequency = dictionary.get(word, 0)
        total += count
        if frequency == 0:
            unknown += count
            continue
        log_sum += count * math.log10(frequency)
        if frequency < 10_000:
            rare += count
        elif frequency < 1_000_000:
            middle += count
    if not total:
        return {"freq:log": 0.0, "freq:rare": 0.0, "freq:middle": 0.0, "freq:unknown": 0.0}
    known = max(total - unknown, 1)
    return {
        "freq:log": log_sum / known,
        "freq:rare": rare / total,
        "freq:middle": middle / total,
        "freq:unknown": unknown / total,
    }


def _mattr(words: list[str]) -> float:
    """Moving-average type/token ratio over windows of 50 words (whole text if shorter)."""
    if not words:
        return 0.0
    if len(words) <= _MATTR_WINDOW:
        return len(set(words)) / len(words)
    window: dict[str, int] = {}
    for word in words[:_MATTR_WINDOW]:
        window[word] = window.get(word, 0) + 1
    total = len(window)
    for out, into in zip(words, words[_MATTR_WINDOW:]):
        left = window[out] - 1
        if left:
            window[out] = left
        else:
            del window[out]
        window[into] = window.get(into, 0) + 1
        total += len(window)
    return total / ((len(words) - _MATTR_WINDOW + 1) * _MATTR_WINDOW)


# -- the model ----------------------------------------------------------------------------
class ModelError(Exception):
    """The packaged model file is missing or malformed."""


@dataclass
class Model:
    """A logistic regression over standardised features, as stored in the JSON file."""

    features: list[str]
    means: list[float]
    scales: list[float]
    weights: list[float]
    intercept: float
    threshold: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        try:
            model = cls(
                features=list(data["features"]),
                means=[float(x) for x in data["means"]],
                scales=[float(x) for x in data["scales"]],
                weights=[float(x) for x in data["weights"]],
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                meta=dict(data.get("meta", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"malformed model: {exc}") from None
        n = len(model.features)
        if not (len(model.means) == len(model.scales) == len(model.weights) == n):
            raise ModelError("malformed model: features, means, scales and weights differ in length")
        return model

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        return tuple(self.features)

    def contributions(self, features: dict[str, float]) -> list[float]:
        """Each feature's share of the logit: weight times its standardised value."""
        return [
            w * (features.get(name, 0.0) - mu) / sd
            for name, mu, sd, w in zip(self.features, self.means, self.scales, self.weights)
        ]

    def probability(self, features: dict[str, float], contributions: list[float] | None = None) -> float:
        if contributions is None:
            contributions = self.contributions(features)
        logit = self.intercept + sum(contributions)
        logit = max(-60.0, min(60.0, logit))
        return 1.0 / (1.0 + math.exp(-logit))


def model_path() -> Path:
    return Path(__file__).resolve().parent / "models" / MODEL_NAME


@lru_cache(maxsize=None)
def load_model(path: str | None = None) -> Model:
    """The packaged model (read once per process), or the one at ``path``."""
    where = Path(path) if path else model_path()
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{where}: cannot read the model: {exc}") from None
    return Model.from_dict(data)


# -- scores and reasons -------------------------------------------------------------------
@dataclass(frozen=True)
class Score:
    """A document's score (0 to 1) and the reasons for it, strongest first."""

    score: float
    words: int
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"mt_score": self.score, "mt_reasons": list(self.reasons)}


def describe_feature(name: str) -> str:
    """A reader's name for a feature."""
    fixed = {
        "sent:mean": "mean sentence length",
        "sent:sd": "spread of sentence lengths",
        "sent:long": "share of sentences over 40 words",
        "sent:short": "share of sentences under 8 words",
        "word:len": "mean word length",
        "lex:mattr": "lexical diversity (type/token ratio)",
        "lex:hapax": "share of words used once",
        "rep:trigram": "repeated three-word phrases",
        "rep:start": "sentences opening with the same two words",
        "freq:log": "mean word frequency (log10, general English)",
        "freq:rare": "share of rare words",
        "freq:middle": "share of moderately common words",
        "freq:unknown": "share of words not in the English word list",
    }
    if name in fixed:
        return fixed[name]
    return f"'{name[4:]}'" + " per 1,000 tokens"


def score_text(text: str, model: Model | None = None, top: int = 3) -> Score:
    """Score one text: probability that it reads as machine-translated, and why.

    The reasons are the features that pushed the score up most, each with its value and
    the value typical of the training documents (the mean): ``more 'of the' per 1,000
    tokens (31.2, typical 24.0)``.
    """
    model = model or load_model()
    profile = extract(text, model.vocabulary)
    contributions = model.contributions(profile.features)
    probability = model.probability(profile.features, contributions)
    raising = [(-c, model.features[i], i) for i, c in enumerate(contributions) if c > 0]
    reasons = []
    for _, _, i in heapq.nsmallest(top, raising):
        name = model.features[i]
        value = profile.features.get(name, 0.0)
        above = value > model.means[i]
        if name.startswith("tag:"):
            direction = "more" if above else "fewer"
        else:
            direction = "higher" if above else "lower"
        reasons.append(f"{direction} {describe_feature(name)} ({value:.3g}, typical {model.means[i]:.3g})")
    return Score(round(probability, 4), profile.words, tuple(reasons))


def document_score(doc: Any) -> Score:
    """The score of a :class:`~lintnews.document.Document`, computed once and kept on it."""
    cached = doc.__dict__.get("_mt_score")
    if cached is None:
        cached = score_text(doc.view)
        doc.__dict__["_mt_score"] = cached
    return cached

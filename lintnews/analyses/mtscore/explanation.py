"""Scores and their reasons: what pushed a document's score up, shown in its own words,
and which paragraph reads most translated.

:func:`score_text` gives the probability and the features that raised it most, each with
its value and the value typical of the training documents.  :func:`explain` shows each
tag pattern among them as the article wrote it ("'the w of' ... e.g. 'the rest of'"), for
a document being reported.  :func:`scores_without_lines` scores the text with each
paragraph taken out, which tells D101 the paragraph that reads most translated.
"""

from __future__ import annotations

import heapq
import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

from lintnews.analyses.mtscore import features
from lintnews.analyses.mtscore.features import (
    _mark_sentences,
    _tag,
    _tokens,
    extractor,
    model_values,
    normalise_typography,
    sample,
    values_of,
)
from lintnews.analyses.mtscore.model import Model, load_model
from lintnews.core.facts import fact_type


@fact_type
@dataclass(frozen=True)
class Score:
    """A document's score (0 to 1) and the reasons for it, strongest first."""

    score: float
    words: int
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"mt_score": self.score, "mt_reasons": list(self.reasons)}



def score_text(text: str, model: Model | None = None, top: int = 3) -> Score:
    """Score one text: probability that it reads as machine-translated, and why.

    The reasons are the features that pushed the score up most, each with its value and
    the value typical of the training documents (the mean): ``more 'of the' per 1,000
    tokens (31.2, typical 24.0)``.
    """
    model = model or load_model()
    values, words = model_values(text, model.vocabulary)
    contributions = model.contributions_of(values)
    probability = model.probability_of(contributions)
    reasons = [_reason(model, i, values[i]) for i in _pushing_up_most(contributions, top)]
    return Score(round(probability, 4), words, tuple(reasons))


def scores_without_lines(text: str, lines: Iterable[int], model: Model | None = None) -> list[float] | None:
    """The score of ``text`` with each of the given lines (numbered from 0) taken out in
    turn: ``score_text(text without that line).score``, exactly; or None when the
    normalised text is longer than the sample (taking a line out could then let text in
    that the whole does not read: score those texts one by one).

    Each line is normalised, marked and coded once; a text without line ``i`` is then
    the other lines' marked texts and codes joined, so only counting and the sentence
    profile are paid per line (about a third of scoring from the start).  This holds
    because every step before counting works line by line: typography, white space and
    NFKC change nothing across a line break, a line left empty is dropped, sentence ends
    are found within a line, and a line break is a chunk, coded as a break, of its own.
    """
    model = model or load_model()
    normalised = [normalise_typography(line) for line in text.split("\n")]
    limit = features.SAMPLE_CHARS
    if limit is not None and sum(map(len, normalised)) + len(normalised) > limit:
        return None
    coder = extractor(model.vocabulary)
    marked = [_mark_sentences(line) for line in normalised]
    codes = [coder.codes_of(line) for line in marked]
    present = [j for j, line in enumerate(marked) if line]  # an empty line is no line
    scores = []
    for i in lines:
        kept = [j for j in present if j != i]
        values, _ = values_of(
            coder, "\n".join(map(marked.__getitem__, kept)), coder.brk + coder.brk.join(map(codes.__getitem__, kept))
        )
        scores.append(round(model.probability_of(model.contributions_of(values)), 4))
    return scores



def explain(text: str, model: Model | None = None, top: int = 3, examples: int = 2) -> list[str]:
    """The reasons of :func:`score_text`, each tag pattern with up to ``examples`` of its
    most frequent occurrences in the text: ``more 'the w of' per 1,000 tokens (9.98,
    typical 5.62; e.g. 'the rest of', 'the end of')``.

    A tag pattern such as ``'the w of'`` means little to an editor until it is shown in
    the article's own words.  Finding them takes a token-by-token pass, so this is for a
    document being reported (rule D101), not for every score.
    """
    model = model or load_model()
    values, _ = model_values(text, model.vocabulary)
    chosen = _pushing_up_most(model.contributions_of(values), top)
    found = _occurrences(text, [model.features[i] for i in chosen], examples)
    reasons = []
    for i in chosen:
        reason = _reason(model, i, values[i])
        shown = found.get(model.features[i])
        if shown:
            reason = reason[:-1] + "; e.g. " + ", ".join(f"'{example}'" for example in shown) + ")"
        reasons.append(reason)
    return reasons


#: Tags that stand for a class of words rather than one word or mark.
_CLASS_TAGS = frozenset({"<s>", "Cap", "#", "w", "-ly", "-ing", "-ed", "-tion", "-s"})
#: Tokens written against the word before them.
_ATTACHED = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "n't"})


def _as_written(tokens: Iterable[str]) -> str:
    """Tokens joined as text is written: no space before a mark that closes or a clitic."""
    text = ""
    for token in tokens:
        attached = not text or token in _ATTACHED or token.startswith("'")
        text += token if attached else " " + token
    return text


def _pushing_up_most(contributions: list[float], top: int) -> list[int]:
    """The features that raised the logit most, at most ``top``, strongest first."""
    pushing_up = compress(range(len(contributions)), map(operator.gt, contributions, repeat(0.0)))
    return heapq.nlargest(top, pushing_up, key=contributions.__getitem__)


def _reason(model: Model, i: int, value: float) -> str:
    more, fewer, description, typical = model.reason_parts[i]
    return f"{more if value > model.means[i] else fewer} {description} ({value:.3g}, typical {typical})"


def _occurrences(text: str, names: list[str], limit: int) -> dict[str, list[str]]:
    """For each tag n-gram among ``names``, its ``limit`` most frequent occurrences in the
    scored sample, as the words were written (sentence breaks left out; ties in order of
    first occurrence)."""
    # A pattern of function words and marks only ("also", ", but") is its own example.
    patterns = {
        tuple(name[4:].split(" ")): name
        for name in names
        if name.startswith("tag:") and not _CLASS_TAGS.isdisjoint(name[4:].split(" "))
    }
    if not patterns:
        return {}
    marked = _mark_sentences(sample(text))
    tokens = _tokens(marked)
    tags = list(map(_tag, tokens))
    seen: dict[str, Counter[str]] = {name: Counter() for name in patterns.values()}
    for size in {len(pattern) for pattern in patterns}:
        for start in range(len(tags) - size + 1):
            name = patterns.get(tuple(tags[start : start + size]))
            if name is not None:
                words = _as_written(t for t in tokens[start : start + size] if t != "\n")
                if words:
                    seen[name][words] += 1
    return {name: [words for words, _ in counts.most_common(limit)] for name, counts in seen.items() if counts}

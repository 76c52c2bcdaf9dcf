"""A document-level score: does this article read as machine-translated?

Rules point at artifacts an editor can see; this package answers the question behind them
for a whole document, with a number from 0 to 1 and the features that drove it.

- :mod:`.features`: the text preparation, tokens and tags, and the one feature
  extraction (:class:`~.features.Extractor`), used by the training script
  (``training/train_mtscore.py``) and at run time alike, so what was trained is what is
  scored;
- :mod:`.model`: the logistic regression, stored as a small JSON file inside the package
  (``lintnews/models/mtscore-v2.json``) and read lazily on first use; pure Python;
- :mod:`.explanation`: the score of a text and its reasons, the reasons shown in the
  article's own words, and the score without each paragraph (which paragraph reads most
  translated, for rule D101).

A document's score is an analysis (:data:`MT_SCORE`), computed once and read by D101 and
the JSON and HTML reports.
"""

from __future__ import annotations

from typing import Any

from lintnews.analyses.mtscore.explanation import Score, explain, score_text, scores_without_lines
from lintnews.analyses.mtscore.features import (
    FUNCTION_WORDS,
    SAMPLE_CHARS,
    SENTENCE_FEATURES,
    Extractor,
    Profile,
    describe_feature,
    extract,
    extractor,
    normalise_typography,
    sample,
    split_sentences,
)
from lintnews.analyses.mtscore.model import MODEL_NAME, Model, ModelError, load_model, model_path
from lintnews.core.analysis import Analysis, analysis

__all__ = [
    "FUNCTION_WORDS",
    "MODEL_NAME",
    "MT_SCORE",
    "SAMPLE_CHARS",
    "SENTENCE_FEATURES",
    "Extractor",
    "Model",
    "ModelError",
    "Profile",
    "Score",
    "describe_feature",
    "document_score",
    "explain",
    "extract",
    "extractor",
    "load_model",
    "model_path",
    "normalise_typography",
    "sample",
    "score_text",
    "scores_without_lines",
    "split_sentences",
]


def _score_document(doc: Any) -> Score:
    return score_text(doc.view)


#: A document's machine-translation score (read by D101 and the JSON and HTML reports).
MT_SCORE: Analysis[Score] = analysis("mt_score")(_score_document)


def document_score(doc: Any) -> Score:
    """The score of a :class:`~lintnews.core.document.Document`, computed once."""
    return MT_SCORE.of(doc)

"""D101 reads-machine-translated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lintnews import mtscore
from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.registry import DocumentRule, register

#: Below this many words a document's rates are too noisy to report on.
MIN_WORDS = 100


@register
class ReadsMachineTranslated(DocumentRule):
    """Finds an article that, as a whole, reads as machine-translated: its document score
    (0 to 1) is at or above the threshold.

    Why: a content farm passes machine translations off as original reporting; no single
    line need be wrong for the whole to read as translated.  The score comes from a small
    logistic regression over cheap style features (function-word and punctuation
    patterns, sentence lengths, repeated sentence openings), trained on WMT22 human and
    machine translations into English and on original English news; see ``lintnews/mtscore.py`` and ``benchmarks/README.md`` for what it measures
    and how well it does.  Typography (curly or straight quotes, dashes) is normalised
    first and does not count; the first 3,000 characters of the document are read.

    Example: ``reads as machine-translated (score 0.95, threshold 0.92): more ', which'
    per 1,000 tokens ...``, reported at the document's first line.

    Reasons name tag patterns: function words and punctuation as written, ``Cap`` a
    capitalised word, ``#`` a number, ``-ly``/``-ing``/``-ed``/``-tion``/``-s`` other words
    by their ending, ``w`` any other word (``'the w of'``: "the rest of"), ``<s>`` the
    start of a sentence.

    Off by default: across language pairs it separates machine from human translation
    only moderately (document ROC AUC 0.65 to 0.69 on held-out pairs, 0.66 pooled), so a
    single document's score is a lead for an auditor, not a verdict.  The threshold is
    ``mt-threshold`` in ``[tool.lintnews]`` (default: the model's own, at which about 1 in
    50 human-written documents scored).
    Documents under 100 words are not reported.
    """

    code = "D101"
    name = "reads-machine-translated"
    default = False

    def __init__(self) -> None:
        self.threshold: float | None = None

    def configure(self, settings: dict[str, Any]) -> None:
        self.threshold = settings.get("mt-threshold")

    def check(self, doc: Document) -> Iterator[Finding]:
        score = mtscore.document_score(doc)
        if score.words < MIN_WORDS:
            return
        threshold = self.threshold if self.threshold is not None else mtscore.load_model().threshold
        if score.score < threshold:
            return
        first = next((i for i, ch in enumerate(doc.view) if not ch.isspace()), 0)
        line_end = doc.view.find("\n", first)
        end = len(doc.view) if line_end == -1 else line_end
        reasons = "; ".join(score.reasons) or "no single feature stands out"
        message = f"reads as machine-translated (score {score.score:.2f}, threshold {threshold:.2f}): {reasons}"
        yield self.finding(doc, first, max(end, first + 1), message)

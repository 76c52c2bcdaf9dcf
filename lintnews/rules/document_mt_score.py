"""D101 reads-machine-translated."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from lintnews.analyses import mtscore
from lintnews.core.corpus import Loc
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.options import Option, number
from lintnews.core.rule import DocumentRule, register

#: Below this many words a document's rates are too noisy to report on.
MIN_WORDS = 100

#: A line of fewer words (a dateline, a byline) is not offered as the telling paragraph.
MIN_PARAGRAPH_WORDS = 8

#: How much of the telling paragraph the message quotes.
QUOTE_CHARS = 60


def telling_paragraph(view: str) -> tuple[int, int, float] | None:
    """The paragraph (line) of the scored sample that raises the score most: the one whose
    removal lowers it most.  ``(start, end, drop)`` in offsets of ``view``, or None when
    no paragraph raises the score (or there is only one to try).

    The score is a logistic regression over rates, so no single token carries it; taking
    each paragraph out in turn and scoring again asks the model itself which stretch of
    text pulled the document up.  Only the sample the score reads is considered (the text
    after it could not have moved the score), and taking a paragraph out does not let the
    text after the sample in (save where normalising typography lengthens the text, as
    ``…`` to ``...`` does, by a few characters; those texts are scored one by one).  Each
    paragraph is taken out with :func:`~lintnews.analyses.mtscore.scores_without_lines`, which
    tags every line once: about a third of a scoring per paragraph of the sample (some
    20 for a news article), so it is done only for a document being reported.
    """
    limit = mtscore.SAMPLE_CHARS
    end = len(view)
    if limit is not None and end > limit:
        cut = view.rfind("\n", 0, limit + 1)
        end = cut if cut > 0 else limit
    prefix = view[:end]
    lines = prefix.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    candidates = [i for i, line in enumerate(lines) if len(line.split()) >= MIN_PARAGRAPH_WORDS]
    if len(candidates) < 2:
        return None
    whole = mtscore.score_text(prefix).score
    without = mtscore.scores_without_lines(prefix, candidates)
    if without is None:
        without = [mtscore.score_text("\n".join(lines[:i] + lines[i + 1 :])).score for i in candidates]
    best: tuple[int, int, float] | None = None
    for i, score in zip(candidates, without):
        drop = whole - score
        if drop > 0 and (best is None or drop > best[2]):
            start = starts[i] + len(lines[i]) - len(lines[i].lstrip())
            best = (start, starts[i] + len(lines[i].rstrip()), drop)
    return best


@register
class ReadsMachineTranslated(DocumentRule):
    """Finds an article that, as a whole, reads as machine-translated: its document score
    (0 to 1) is at or above the threshold.

    Why: a content farm passes machine translations off as original reporting; no single
    line need be wrong for the whole to read as translated.  The score comes from a small
    logistic regression over cheap style features (function-word and punctuation
    patterns, sentence lengths, repeated sentence openings), trained on WMT22 human and
    machine translations into English and on original English news; see ``lintnews/analyses/mtscore/`` and ``benchmarks/README.md`` for what it measures
    and how well it does.  Typography (curly or straight quotes, dashes) is normalised
    first and does not count; the first 3,000 characters of the document are read.

    Example: ``reads as machine-translated (score 0.95, threshold 0.92): more 'the w of'
    per 1,000 tokens (15, typical 5.62; e.g. 'the source of', 'the goal of'); ...; reads
    most translated at line 12 ('The implementation of the plan, but also...', without it
    the score falls by 0.08)``, reported at the document's first line, with the telling
    paragraph as a related location: the paragraph of the scored sample whose removal
    lowers the score most (paragraphs under 8 words, such as datelines, are not offered;
    with fewer than two paragraphs to compare, none is named).

    Reasons name tag patterns, each shown by its most frequent occurrences in the
    article: function words and punctuation as written, ``Cap`` a capitalised word, ``#``
    a number, ``-ly``/``-ing``/``-ed``/``-tion``/``-s`` other words by their ending, ``w``
    any other word (``'the w of'``: "the rest of"), ``<s>`` the start of a sentence.

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

    options = (
        Option(
            "threshold",
            number(0, 1),
            None,
            "Report documents scoring at least this (0 to 1).",
            aliases=("mt-threshold",),
            default_text="the model's own",
        ),
    )

    needs = (mtscore.MT_SCORE,)

    def check(self, doc: Document, mt_score: mtscore.Score) -> Iterator[Finding]:
        score = mt_score
        if score.words < MIN_WORDS:
            return
        threshold = self.settings.threshold
        if threshold is None:
            threshold = mtscore.load_model().threshold
        if score.score < threshold:
            return
        first = next((i for i, ch in enumerate(doc.view) if not ch.isspace()), 0)
        line_end = doc.view.find("\n", first)
        end = len(doc.view) if line_end == -1 else line_end
        reasons = "; ".join(mtscore.explain(doc.view)) or "no single feature stands out"
        message = f"reads as machine-translated (score {score.score:.2f}, threshold {threshold:.2f}): {reasons}"
        related = []
        paragraph = telling_paragraph(doc.view)
        if paragraph is not None:
            start, stop, drop = paragraph
            where = Loc.of(doc, start, stop)
            quoted = doc.view[start:stop]
            if len(quoted) > QUOTE_CHARS:
                quoted = quoted[: QUOTE_CHARS - 3].rstrip() + "..."
            message += f"; reads most translated at line {where.line} ('{quoted}', without it the score falls by {drop:.2f})"
            related.append(where.related("the paragraph that raises the score most"))
        yield self.finding(doc, first, max(end, first + 1), message, related=related)

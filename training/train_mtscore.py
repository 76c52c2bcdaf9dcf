#!/usr/bin/env python3
"""Train, evaluate and write the document score model (``lintnews/models/mtscore-v2.json``).

Usage (from the repository root, with the ``train`` extra installed)::

    python training/train_mtscore.py                       # defaults below
    python training/train_mtscore.py --wmt ../shared/corpora/wmt22-toen \\
        --clean ../shared/corpora/clean-en --seeds seeds --report /tmp/mtscore.md

Data.  Positives: MT outputs of ``wmt22-toen`` (six systems per pair).  Negatives: the
human reference translations of ``wmt22-toen`` and the original English news of
``clean-en``.  cs-en ``human-B`` is left out of training and evaluation: 44% of its
segments are near-identical to one MT system's output (the corpus README calls it
possibly post-edited MT), so its label is unreliable.

Features come from :func:`lintnews.analyses.mtscore.extract`, the extraction lintnews scores
with (every tag n-gram found here, the model's vocabulary there), so what is trained is
what runs.  Typography is normalised there, and only the first
``mtscore.SAMPLE_CHARS`` characters of a document are read, as at run time.

Variants (for the table in ``benchmarks/README.md``): ``--max-n`` (longest tag n-gram),
``--drop`` (feature-name prefixes to leave out), ``--sample-chars`` (a different sample;
0 reads whole documents; the model written then does not match lintnews, so use it with
``--no-write``), ``--C`` and ``--vocab-size``.

Evaluation.  Every version of one source document (its human references and its MT
outputs) stays on one side of every split.  Leave-one-pair-out: for each of the six pairs,
a model is trained on the other five pairs and five sixths of clean-en (clean-en
documents are dealt into six folds by sorted id) and scores the held-out pair and the
held-out sixth of clean-en.  Reported: document ROC AUC (MT vs human) per held-out pair,
on all its documents and on news documents only, per MT system, and the share of clean-en
documents scoring at or above the threshold (all out of fold).

Threshold.  The score at which the D101 rule reports a document: the 98th percentile of
the out-of-fold scores of every negative document (human translations and clean-en)
of at least ``--min-words`` words, so that about one negative in fifty is flagged.

The final model is trained on everything, with a fixed seed; running the script again
writes a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lintnews import __version__  # noqa: E402
from lintnews.analyses import mtscore  # noqa: E402
from lintnews.analyses.mtscore import MODEL_NAME, Model, extract  # noqa: E402
from lintnews.analyses.mtscore import features as extraction  # noqa: E402

PAIRS = ("cs-en", "de-en", "ja-en", "ru-en", "uk-en", "zh-en")
EXCLUDED_VARIANTS = {("cs-en", "human-B")}  # possibly post-edited MT (see the corpus README)
CLEAN_FOLDS = 6


@dataclass
class Doc:
    pair: str  # "clean" for clean-en
    system: str
    is_mt: bool
    docid: str
    domain: str
    words: int
    features: dict[str, float]

    @property
    def group(self) -> str:
        return f"{self.pair}/{self.docid}"


def load_wmt(root: Path) -> list[Doc]:
    docs = []
    with open(root / "manifest.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if (row["pair"], row["system"]) in EXCLUDED_VARIANTS:
                continue
            profile = extract((root / row["path"]).read_text(encoding="utf-8"))
            docs.append(
                Doc(row["pair"], row["system"], row["is_human"] == "0", row["docid"], row["domain"], profile.words, profile.features)
            )
    return docs


def load_clean(root: Path) -> list[Doc]:
    docs = []
    for path in sorted(root.glob("*.txt")):
        profile = extract(path.read_text(encoding="utf-8"))
        docs.append(Doc("clean", "original", False, path.stem, "news", profile.words, profile.features))
    return docs


def clean_fold(doc: Doc, clean_ids: list[str]) -> int:
    return clean_ids.index(doc.docid) % CLEAN_FOLDS


def choose_vocabulary(docs: list[Doc], size: int, min_df: float, max_n: int = 3, drop: tuple[str, ...] = ()) -> list[str]:
    """The profile features plus the ``size`` tag n-grams (n <= ``max_n``) found in most
    training documents; none whose name starts with one of ``drop``."""
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for name in d.features:
            if name.startswith("tag:") and name.count(" ") < max_n:
                df[name] += 1
    floor = min_df * len(docs)
    common = sorted((n for n, c in df.items() if c >= floor and not n.startswith(drop)), key=lambda n: (-df[n], n))[:size]
    fixed = sorted(n for n in docs[0].features if not n.startswith("tag:") and not n.startswith(drop))
    return fixed + sorted(common)


def matrix(docs: list[Doc], names: list[str]) -> np.ndarray:
    return np.array([[d.features.get(n, 0.0) for n in names] for d in docs], dtype=float)


def fit(train: list[Doc], args: argparse.Namespace) -> Model:
    """Vocabulary, scaling and logistic regression from the training documents only."""
    train = [d for d in train if d.words >= args.min_words]
    names = choose_vocabulary(train, args.vocab_size, args.min_df, args.max_n, tuple(args.drop))
    x = matrix(train, names)
    y = np.array([d.is_mt for d in train], dtype=int)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    # Each class weighs the same in total; within the negatives, human translations and
    # original English weigh the same too, so neither kind of negative dominates.
    weights = np.ones(len(train))
    n_pos = y.sum()
    clean = np.array([d.pair == "clean" for d in train])
    human = (y == 0) & ~clean
    weights[y == 1] = 1.0 / n_pos
    weights[human] = 0.5 / human.sum()
    weights[clean] = 0.5 / clean.sum()
    weights *= len(train) / weights.sum()
    lr = LogisticRegression(C=args.C, max_iter=5000, random_state=args.seed)
    lr.fit((x - means) / scales, y, sample_weight=weights)
    return Model(
        features=names,
        means=[float(v) for v in means],
        scales=[float(v) for v in scales],
        weights=[float(v) for v in lr.coef_[0]],
        intercept=float(lr.intercept_[0]),
        threshold=0.5,
        meta={},
    )


def auc(docs: list[Doc], scores: dict[int, float]) -> float | None:
    labels = [d.is_mt for d in docs]
    if len(set(labels)) < 2:
        return None
    return float(roc_auc_score(labels, [scores[id(d)] for d in docs]))


def auc_interval(docs: list[Doc], scores: dict[int, float], seed: int, rounds: int = 1000) -> tuple[float, float]:
    """A 95% bootstrap interval of the AUC, resampling whole source documents.

    Every version of a source document (its human and MT translations) is drawn together,
    as the evaluation keeps them together, so the interval reflects how many *sources*
    the figure rests on, not how many files.
    """
    groups: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    for d in docs:
        groups[d.group].append((d.is_mt, scores[id(d)]))
    members = list(groups.values())
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(rounds):
        drawn = [pair for i in rng.integers(0, len(members), len(members)) for pair in members[i]]
        labels = [label for label, _ in drawn]
        if len(set(labels)) == 2:
            values.append(roc_auc_score(labels, [score for _, score in drawn]))
    low, high = np.quantile(values, [0.025, 0.975])
    return float(low), float(high)


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def evaluate(wmt: list[Doc], clean: list[Doc], args: argparse.Namespace) -> tuple[dict[int, float], list[str]]:
    """Leave-one-pair-out scores for every document (out of fold) and report lines."""
    clean_ids = sorted(d.docid for d in clean)
    oof: dict[int, float] = {}
    for k, pair in enumerate(PAIRS):
        train = [d for d in wmt if d.pair != pair] + [d for d in clean if clean_fold(d, clean_ids) != k]
        model = fit(train, args)
        for d in [d for d in wmt if d.pair == pair] + [d for d in clean if clean_fold(d, clean_ids) == k]:
            oof[id(d)] = model.probability(d.features)
        print(f"  held out {pair}", file=sys.stderr)
    return oof, clean_ids


def threshold_from(negatives: list[Doc], oof: dict[int, float], quantile: float) -> float:
    scores = sorted(oof[id(d)] for d in negatives)
    return float(np.quantile(scores, quantile))


def report(wmt: list[Doc], clean: list[Doc], oof: dict[int, float], threshold: float, seeds: dict[str, float], args) -> str:
    eligible = [d for d in wmt if d.words >= args.min_words]
    lines = [
        f"Leave-one-pair-out, documents of at least {args.min_words} words "
        f"(all versions of a source document on one side; cs-en human-B left out).",
        "",
        "| held-out pair | docs MT / human | AUC all domains | news docs MT / human | AUC news | MT flagged at threshold | human flagged at threshold |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    pooled = []
    for pair in PAIRS:
        docs = [d for d in eligible if d.pair == pair]
        news = [d for d in docs if d.domain == "news"]
        mt = [d for d in docs if d.is_mt]
        hu = [d for d in docs if not d.is_mt]
        pooled += docs
        flagged_mt = sum(oof[id(d)] >= threshold for d in mt) / max(len(mt), 1)
        flagged_hu = sum(oof[id(d)] >= threshold for d in hu) / max(len(hu), 1)
        lines.append(
            f"| {pair} | {len(mt)} / {len(hu)} | {fmt(auc(docs, oof))} | "
            f"{sum(d.is_mt for d in news)} / {sum(not d.is_mt for d in news)} | {fmt(auc(news, oof))} | "
            f"{flagged_mt:.1%} | {flagged_hu:.1%} |"
        )
    lines.append(f"| all six (pooled out-of-fold scores) | {sum(d.is_mt for d in pooled)} / {sum(not d.is_mt for d in pooled)} | {fmt(auc(pooled, oof))} | | {fmt(auc([d for d in pooled if d.domain == 'news'], oof))} | | |")
    low, high = auc_interval(pooled, oof, args.seed)
    lines += ["", f"Pooled AUC, 95% bootstrap interval over source documents: {low:.3f}–{high:.3f}."]
    lines += ["", "Per MT system (AUC of that system's documents against the pair's human references):", ""]
    lines += ["| pair | system | AUC |", "|---|---|---:|"]
    for pair in PAIRS:
        docs = [d for d in eligible if d.pair == pair]
        hu = [d for d in docs if not d.is_mt]
        for system in sorted({d.system for d in docs if d.is_mt}):
            lines.append(f"| {pair} | {system} | {fmt(auc(hu + [d for d in docs if d.system == system], oof))} |")
    clean_scores = sorted(oof[id(d)] for d in clean)
    flagged = [d for d in clean if oof[id(d)] >= threshold]
    median = float(np.median(clean_scores))
    lines += [
        "",
        f"clean-en (98 original English news documents, out of fold): {len(flagged)} of {len(clean)} "
        f"flagged at the threshold {threshold:.3f} ({len(flagged) / len(clean):.1%}); "
        f"median score {median:.3f}." + (f" Flagged: {', '.join(sorted(d.docid for d in flagged))}." if flagged else ""),
    ]
    if seeds:
        above = sum(s > median for s in seeds.values())
        lines += [
            "",
            f"Seeds (final model) against the out-of-fold clean-en median {median:.3f}: {above} of {len(seeds)} above.",
            "",
            "| seed | score |",
            "|---|---:|",
        ]
        lines += [f"| {name} | {s:.3f} |" for name, s in sorted(seeds.items())]
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; the model ships in the package
    os.replace(tmp, path)


def rounded(values: list[float]) -> list[float]:
    return [float(f"{v:.6g}") for v in values]


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wmt", type=Path, default=here.parent / "shared/corpora/wmt22-toen", help="wmt22-toen folder (with manifest.tsv)")
    parser.add_argument("--clean", type=Path, default=here.parent / "shared/corpora/clean-en", help="clean-en folder")
    parser.add_argument("--seeds", type=Path, default=here / "seeds", help="seed articles, scored for the report")
    parser.add_argument("--out", type=Path, default=here / "lintnews" / "models" / MODEL_NAME, help="model file to write")
    parser.add_argument("--report", type=Path, help="also write the evaluation tables (Markdown) here")
    parser.add_argument("--no-write", action="store_true", help="evaluate only; do not write the model")
    parser.add_argument("--seed", type=int, default=20221207)
    parser.add_argument("--vocab-size", type=int, default=200, help="tag n-grams kept")
    parser.add_argument("--min-df", type=float, default=0.05, help="a tag n-gram must occur in this share of training documents")
    parser.add_argument("--max-n", type=int, default=3, choices=(1, 2, 3), help="longest tag n-gram used")
    parser.add_argument("--drop", action="append", default=[], metavar="PREFIX", help="leave out features whose name starts with this (repeatable)")
    parser.add_argument("--sample-chars", type=int, default=mtscore.SAMPLE_CHARS, help="characters of each document read (0: all)")
    parser.add_argument("--C", type=float, default=0.005, help="inverse L2 regularisation strength")
    parser.add_argument("--min-words", type=int, default=100, help="documents shorter than this are not trained or evaluated on")
    parser.add_argument("--quantile", type=float, default=0.98, help="threshold: this quantile of out-of-fold negative scores")
    args = parser.parse_args(argv)
    for folder in (args.wmt, args.clean):
        if not folder.is_dir():
            parser.error(f"{folder}: no such folder")

    if args.sample_chars != mtscore.SAMPLE_CHARS and not args.no_write:
        parser.error("--sample-chars differs from lintnews' own; add --no-write")
    extraction.SAMPLE_CHARS = args.sample_chars or None
    print("reading and extracting features", file=sys.stderr)
    wmt = load_wmt(args.wmt)
    clean = load_clean(args.clean)
    print("leave-one-pair-out evaluation", file=sys.stderr)
    oof, _ = evaluate(wmt, clean, args)
    negatives = [d for d in wmt + clean if not d.is_mt and d.words >= args.min_words]
    threshold = threshold_from(negatives, oof, args.quantile)

    print("final model", file=sys.stderr)
    final = fit(wmt + clean, args)
    final.threshold = threshold
    seeds = {}
    if args.seeds.is_dir():
        for path in sorted(args.seeds.glob("*.txt")):
            seeds[path.name] = final.probability(extract(path.read_text(encoding="utf-8")).features)
    tables = report(wmt, clean, oof, threshold, seeds, args)
    sys.stdout.write(tables)
    if args.report:
        write_atomic(args.report, tables)
    if args.no_write:
        return 0
    used = [d for d in wmt + clean if d.words >= args.min_words]
    data = {
        "name": "mtscore",
        "version": 2,
        "kind": "logistic-regression",
        "features": final.features,
        "means": rounded(final.means),
        "scales": rounded(final.scales),
        "weights": rounded(final.weights),
        "intercept": float(f"{final.intercept:.6g}"),
        "threshold": float(f"{threshold:.4g}"),
        "meta": {
            "trained_with": f"training/train_mtscore.py (lintnews {__version__})",
            "seed": args.seed,
            "C": args.C,
            "vocab_size": args.vocab_size,
            "min_df": args.min_df,
            "min_words": args.min_words,
            "max_n": args.max_n,
            "sample_chars": args.sample_chars,
            "threshold_rule": f"{args.quantile:.0%} quantile of leave-one-pair-out scores of the negatives",
            "data": {
                "wmt22-toen": "WMT22 general test sets into English (cs, de, ja, ru, uk, zh), MT outputs positive, "
                "human references negative; cs-en human-B left out",
                "clean-en": "WMT22 English-original news documents, negative",
                "documents": len(used),
                "positives": sum(d.is_mt for d in used),
                "negatives": sum(not d.is_mt for d in used),
            },
        },
    }
    write_atomic(args.out, json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

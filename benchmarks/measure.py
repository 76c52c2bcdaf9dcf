#!/usr/bin/env python3
"""Measure how precise lintnews is on real news corpora.

Two measurements, each optional (at least one is required):

``--clean DIR`` -- English news written by people (``clean-en``).
    Nothing here is machine-translated, spun or scraped, so every finding is a
    false positive.  We report findings per 10,000 words, overall and per rule,
    plus the documents with most findings.  Target: at most 2 per 10,000 words.

``--zh-en DIR`` -- one news test set translated from Chinese by a human
    (``human-A/``) and by several MT systems (every other subfolder whose name
    does not start with ``human``).  A linter that finds MT artifacts should
    flag the MT documents more densely than the human translation of the same
    articles.  We score each document by its findings per 1,000 words and report
    the ROC AUC of "MT (positive) vs human-A (negative)" per system and pooled
    (0.5 = no separation, 1.0 = every MT document denser than every human one).
    Each subfolder is linted on its own: the documents of one system are a
    corpus of their own, and mixing systems would let cross-document rules
    compare different translations of the same article.

    Confound: human-A writes curly quotes and apostrophes, while the MT outputs
    (and clean-en) almost only use straight ones.  Quote style therefore
    separates MT from human-A here without being an MT artifact; the linter
    must not score it, and a high AUC driven by a quote rule is not a success.
    The per-rule table per system makes such a rule visible.

The linter runs as a subprocess, ``<CMD> --format json --exit-zero [--ignore
CODES] <dir>``; its JSON output is ``{"findings": [...]}`` (or a bare list) of
objects with at least ``path``, ``line``, ``column`` and ``code``.  Words are
whitespace tokens (``len(text.split())``); documents are the ``*.txt`` and
``*.md`` files under a folder, recursively.

Tables are Markdown pipe tables; ``--json-out FILE`` also writes every number
to a JSON file.  Standard library only; Python 3.9+.

Example::

    python benchmarks/measure.py --clean ../shared/corpora/clean-en \\
        --zh-en ../shared/corpora/zh-en --lintnews "python -m lintnews"
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

DOCUMENT_SUFFIXES = (".txt", ".md")
HUMAN_PREFIX = "human"
HUMAN_REFERENCE = "human-A"
CLEAN_PER = 10_000
ZH_EN_PER = 1_000
TOP_DOCUMENTS = 5

Finding = dict
Matched = Dict[str, List[Finding]]


class MeasureError(Exception):
    """The measurement cannot go on (the linter failed, a folder is missing)."""


# --------------------------------------------------------------------------
# Pure helpers


def auc(positives: Sequence[float], negatives: Sequence[float]) -> Optional[float]:
    """ROC AUC of ``positives`` vs ``negatives`` (Mann-Whitney formulation).

    The probability that a random positive scores higher than a random
    negative, counting ties as 0.5.  ``None`` if either group is empty.
    """
    if not positives or not negatives:
        return None
    wins = 0.0
    for p in positives:
        for n in negatives:
            if p > n:
                wins += 1.0
            elif p == n:
                wins += 0.5
    return wins / (len(positives) * len(negatives))


def density(findings: int, words: int, per: int) -> float:
    """Findings per ``per`` words; 0.0 for a document without words."""
    if words <= 0:
        return 0.0
    return findings * per / words


def mean(values: Sequence[float]) -> Optional[float]:
    """Arithmetic mean, or ``None`` for no values."""
    if not values:
        return None
    return sum(values) / len(values)


def count_words(text: str) -> int:
    """Number of whitespace-separated tokens in ``text``."""
    return len(text.split())


def list_documents(folder: str) -> List[str]:
    """The ``*.txt`` and ``*.md`` files under ``folder`` (recursively), sorted.

    Paths are ``folder`` joined with the relative path, as the linter sees them.
    """
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(DOCUMENT_SUFFIXES):
                found.append(os.path.join(root, name))
    return found


def read_word_counts(paths: Iterable[str]) -> Dict[str, int]:
    """Map each document path to its word count."""
    counts = {}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        counts[path] = count_words(text)
    return counts


def parse_findings(output: str) -> List[Finding]:
    """The findings in the linter's JSON output (an object or a bare list)."""
    try:
        data = json.loads(output)
    except json.JSONDecodeError as exc:
        raise MeasureError(f"linter output is not JSON: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("findings")
    if not isinstance(data, list) or not all(isinstance(f, dict) for f in data):
        raise MeasureError("linter JSON has no list of findings")
    return data


def match_findings(
    findings: Iterable[Finding], documents: Iterable[str]
) -> Tuple[Matched, List[Finding]]:
    """Assign each finding to the document it is about.

    A finding matches the document with the same resolved path
    (``os.path.realpath``, relative paths taken from the current directory);
    failing that, the only document with the same basename.  Returns the
    findings per document (every document present, maybe with an empty list)
    and the findings that matched no document.
    """
    documents = list(documents)
    by_real = {os.path.realpath(doc): doc for doc in documents}
    by_base: Dict[str, List[str]] = {}
    for doc in documents:
        by_base.setdefault(os.path.basename(doc), []).append(doc)
    matched: Matched = {doc: [] for doc in documents}
    unmatched = []
    for finding in findings:
        path = str(finding.get("path", ""))
        doc = by_real.get(os.path.realpath(path)) if path else None
        if doc is None:
            candidates = by_base.get(os.path.basename(path), [])
            doc = candidates[0] if len(candidates) == 1 else None
        if doc is None:
            unmatched.append(finding)
        else:
            matched[doc].append(finding)
    return matched, unmatched


def rule_counts(findings: Iterable[Finding]) -> Counter:
    """Number of findings per rule code."""
    return Counter(str(f.get("code", "?")) for f in findings)


def sorted_rules(counts: Counter) -> List[Tuple[str, int]]:
    """Rule counts sorted by count (descending), then code."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


# --------------------------------------------------------------------------
# Running the linter


def linter_command(cmd: str, folder: str, ignore: Optional[str]) -> List[str]:
    """The argument list that lints ``folder`` with JSON output."""
    argv = shlex.split(cmd) + ["--format", "json", "--exit-zero"]
    if ignore:
        argv += ["--ignore", ignore]
    return argv + [folder]


def run_linter(cmd: str, folder: str, ignore: Optional[str]) -> List[Finding]:
    """Lint ``folder`` and return the findings; exit codes 0 and 1 are fine."""
    argv = linter_command(cmd, folder, ignore)
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError as exc:
        raise MeasureError(f"cannot run {argv[0]!r}: {exc}") from exc
    if proc.returncode not in (0, 1):
        raise MeasureError(
            f"{shlex.join(argv)} exited with {proc.returncode}\n{proc.stderr}"
        )
    try:
        return parse_findings(proc.stdout)
    except MeasureError as exc:
        raise MeasureError(f"{shlex.join(argv)}: {exc}\n{proc.stderr}") from exc


def lint_corpus(
    cmd: str, folder: str, ignore: Optional[str]
) -> Tuple[Dict[str, int], Matched, List[Finding]]:
    """Word counts, findings per document and unmatched findings of a folder."""
    documents = list_documents(folder)
    words = read_word_counts(documents)
    matched, unmatched = match_findings(run_linter(cmd, folder, ignore), documents)
    return words, matched, unmatched


# --------------------------------------------------------------------------
# Measurements


def clean_report(words: Dict[str, int], matched: Matched, unmatched: int) -> dict:
    """False positives on clean English: totals, per rule and worst documents."""
    total_words = sum(words.values())
    all_findings = [f for doc in words for f in matched.get(doc, [])]
    rules = [
        {"code": code, "count": n, "per_10k": density(n, total_words, CLEAN_PER)}
        for code, n in sorted_rules(rule_counts(all_findings))
    ]
    ranked = sorted(words, key=lambda doc: (-len(matched.get(doc, [])), doc))
    top = [
        {
            "path": doc,
            "findings": len(matched[doc]),
            "words": words[doc],
            "per_10k": density(len(matched[doc]), words[doc], CLEAN_PER),
        }
        for doc in ranked[:TOP_DOCUMENTS]
        if matched.get(doc)
    ]
    return {
        "documents": len(words),
        "words": total_words,
        "findings": len(all_findings),
        "per_10k": density(len(all_findings), total_words, CLEAN_PER),
        "unmatched_findings": unmatched,
        "rules": rules,
        "top_documents": top,
    }


def document_densities(words: Dict[str, int], matched: Matched) -> Dict[str, float]:
    """Findings per 1,000 words for each document."""
    return {
        doc: density(len(matched.get(doc, [])), n, ZH_EN_PER)
        for doc, n in words.items()
    }


def system_summary(words: Dict[str, int], matched: Matched, unmatched: int) -> dict:
    """Totals, per-document densities and rule counts of one translation system."""
    densities = document_densities(words, matched)
    findings = [f for doc in words for f in matched.get(doc, [])]
    total_words = sum(words.values())
    return {
        "documents": len(words),
        "words": total_words,
        "findings": len(findings),
        "per_1k": density(len(findings), total_words, ZH_EN_PER),
        "mean_density": mean(list(densities.values())),
        "unmatched_findings": unmatched,
        "rules": dict(sorted_rules(rule_counts(findings))),
        "densities": densities,
    }


def discover_systems(folder: str) -> List[str]:
    """The MT system subfolders: every subfolder not starting with "human"."""
    return sorted(
        entry.name
        for entry in os.scandir(folder)
        if entry.is_dir() and not entry.name.startswith(HUMAN_PREFIX)
    )


def zh_en_report(systems: Dict[str, dict], human: str, mt: List[str]) -> dict:
    """AUC of each MT system (and all pooled) against the human translation."""
    negatives = list(systems[human]["densities"].values())
    positives = {name: list(systems[name]["densities"].values()) for name in mt}
    pooled = [score for name in mt for score in positives[name]]
    return {
        "human": human,
        "mt_systems": mt,
        "systems": systems,
        "auc": {name: auc(positives[name], negatives) for name in mt},
        "pooled_auc": auc(pooled, negatives),
    }


def measure_zh_en(cmd: str, folder: str, ignore: Optional[str]) -> dict:
    """Lint each subfolder of the zh-en corpus alone and compare MT with human."""
    human_dir = os.path.join(folder, HUMAN_REFERENCE)
    if not os.path.isdir(human_dir):
        raise MeasureError(f"{human_dir}: no human reference folder")
    mt = discover_systems(folder)
    systems = {}
    for name in [HUMAN_REFERENCE] + mt:
        words, matched, unmatched = lint_corpus(cmd, os.path.join(folder, name), ignore)
        systems[name] = system_summary(words, matched, len(unmatched))
    return zh_en_report(systems, HUMAN_REFERENCE, mt)


def measure_clean(cmd: str, folder: str, ignore: Optional[str]) -> dict:
    """Lint the clean corpus and summarise its false positives."""
    words, matched, unmatched = lint_corpus(cmd, folder, ignore)
    return clean_report(words, matched, len(unmatched))


# --------------------------------------------------------------------------
# Output


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown pipe table padded for the terminal; numbers right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    numeric = [
        bool(cells) and all(is_number(row[i]) for row in cells)
        for i in range(len(headers))
    ]
    widths = [
        max([len(h), 3] + [len(row[i]) for row in cells])
        for i, h in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        padded = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [("-" * (w - 1) + ":") if num else "-" * w for w, num in zip(widths, numeric)]
    return "\n".join([line(headers), line(rule)] + [line(row) for row in cells])


def is_number(cell: str) -> bool:
    """Whether a table cell holds a number (or a placeholder for a missing one)."""
    if cell in ("n/a", "-"):
        return True
    try:
        float(cell)
    except ValueError:
        return False
    return True


def fmt(value: Optional[float], digits: int = 2) -> str:
    """A float with ``digits`` decimals for display, or "n/a" for ``None``."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_clean(report: dict) -> str:
    """The clean-corpus section of the text report."""
    parts = [
        "## clean-en: false positives (target: at most 2 per 10,000 words)",
        "",
        markdown_table(
            ["documents", "words", "findings", "per 10k words"],
            [[report["documents"], report["words"], report["findings"],
              fmt(report["per_10k"])]],
        ),
        "",
        "### Per rule",
        "",
    ]
    rows = [[r["code"], r["count"], fmt(r["per_10k"])] for r in report["rules"]]
    parts.append(markdown_table(["code", "count", "per 10k words"], rows) if rows
                 else "(no findings)")
    parts += ["", f"### Documents with most findings (top {TOP_DOCUMENTS})", ""]
    rows = [[d["path"], d["findings"], d["words"], fmt(d["per_10k"])]
            for d in report["top_documents"]]
    parts.append(markdown_table(["document", "findings", "words", "per 10k words"],
                                rows) if rows else "(no findings)")
    return "\n".join(parts)


def format_zh_en(report: dict) -> str:
    """The zh-en section of the text report."""
    systems = report["systems"]
    names = [report["human"]] + report["mt_systems"]
    summary = [
        [name, systems[name]["documents"], systems[name]["words"],
         systems[name]["findings"], fmt(systems[name]["per_1k"]),
         fmt(systems[name]["mean_density"]),
         fmt(report["auc"][name], 3) if name in report["auc"] else "-"]
        for name in names
    ]
    codes = sorted({c for n in names for c in systems[n]["rules"]},
                   key=lambda c: (-sum(systems[n]["rules"].get(c, 0) for n in names), c))
    rule_rows = [[c] + [systems[n]["rules"].get(c, 0) for n in names] for c in codes]
    parts = [
        "## zh-en: MT (positive) vs human translation (negative)",
        "",
        "Score: findings per 1,000 words per document. "
        "Beware: quote style separates human-A from MT without being an MT artifact.",
        "",
        markdown_table(["system", "documents", "words", "findings", "per 1k words",
                        "mean doc density", "AUC vs " + report["human"]], summary),
        "",
        f"Pooled AUC (all MT vs {report['human']}): {fmt(report['pooled_auc'], 3)}",
        "",
        "### Findings per rule and system",
        "",
        markdown_table(["code"] + names, rule_rows) if rule_rows else "(no findings)",
    ]
    return "\n".join(parts)


def unmatched_warnings(results: dict) -> List[str]:
    """Warnings for findings that matched no document."""
    warnings = []
    if "clean" in results and results["clean"]["unmatched_findings"]:
        warnings.append(f"clean-en: {results['clean']['unmatched_findings']} "
                        "findings matched no document")
    for name, summary in results.get("zh_en", {}).get("systems", {}).items():
        if summary["unmatched_findings"]:
            warnings.append(f"zh-en/{name}: {summary['unmatched_findings']} "
                            "findings matched no document")
    return warnings


def write_json_atomic(path: str, data: dict) -> None:
    """Write ``data`` as JSON to ``path`` via a temp file and ``os.replace``."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".measure-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------
# Command line


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """Parse the command line; at least one of --clean and --zh-en is required."""
    parser = argparse.ArgumentParser(
        description="Measure lintnews precision on clean English and zh-en corpora.")
    parser.add_argument("--clean", metavar="DIR",
                        help="clean English news (false positives per 10,000 words)")
    parser.add_argument("--zh-en", dest="zh_en", metavar="DIR",
                        help="zh-en translations: human-A/ and one folder per MT system")
    parser.add_argument("--lintnews", default="lintnews", metavar="CMD",
                        help='linter command, shell-split (default: "lintnews")')
    parser.add_argument("--ignore", metavar="CODES",
                        help="passed to the linter as --ignore CODES")
    parser.add_argument("--json-out", metavar="FILE", help="also write all numbers here")
    args = parser.parse_args(argv)
    if not args.clean and not args.zh_en:
        parser.error("give --clean DIR, --zh-en DIR or both")
    for folder in (args.clean, args.zh_en):
        if folder and not os.path.isdir(folder):
            parser.error(f"{folder}: not a directory")
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the requested measurements, print the tables, maybe write JSON."""
    args = parse_args(argv)
    results: dict = {"lintnews": args.lintnews, "ignore": args.ignore}
    sections = []
    try:
        if args.clean:
            results["clean"] = measure_clean(args.lintnews, args.clean, args.ignore)
            sections.append(format_clean(results["clean"]))
        if args.zh_en:
            results["zh_en"] = measure_zh_en(args.lintnews, args.zh_en, args.ignore)
            sections.append(format_zh_en(results["zh_en"]))
    except MeasureError as exc:
        print(f"measure.py: {exc}", file=sys.stderr)
        return 2
    print("\n\n".join(sections))
    for warning in unmatched_warnings(results):
        print(f"measure.py: warning: {warning}", file=sys.stderr)
    if args.json_out:
        write_json_atomic(args.json_out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

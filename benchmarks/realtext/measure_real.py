#!/usr/bin/env python3
"""Measure lintnews on real text that nobody on the project wrote.

Two measurements (give at least one):

``--edited DIR`` (repeatable): carefully edited English prose.  Every finding
    is taken as a false positive (the texts may hold a real slip, which the
    examples show).  Reported: findings per 10,000 words (target: at most 1.5),
    per folder and pooled, per rule, on a development part and a held-out part
    of the documents (one in five documents, chosen by a hash of its path), and
    the most frequent kinds of finding with example lines, taken from the
    development part only, so that fixes are written against the development
    part and checked on the held-out part.

``--mt DIR`` / ``--spun DIR`` (repeatable): the same content written by people
    and by a machine.  DIR is either one *set*, a folder of *variant* folders
    (``zh-en/human-A``, ``zh-en/NiuTrans``, ...), or a folder of sets
    (``wmt22-toen/cs-en/...``).  Variants whose name starts with ``human``
    (``--mt``) or ``original`` (``--spun``) are the control; every other
    variant is a machine's.  Each variant folder is linted as one corpus.
    Every document is split into sentences the same way for every variant
    (``split_sentences``); a sentence is *flagged* when a finding overlaps it.
    Reported per variant: sentences, flagged sentences, share flagged, findings
    per 10,000 words; per set and pooled: the ratio of the flagged share of the
    machine variants to that of the control (target: at least 2).  A variant
    named with ``--not-control`` (a name, or ``set/name``) is reported but not
    pooled into either side (e.g. a human post-edit of MT).

The linter runs as ``<CMD> --format json --exit-zero [--ignore CODES] PATHS``
from an empty temporary folder (so that no project configuration applies: the
default rules), once per edited folder or variant folder.  Documents are the
``*.txt`` and ``*.md`` files under a folder, recursively; words are whitespace
tokens.  Nothing is fetched: ``prepare.py`` documents how the folders are made.

Standard library only.  Tables are Markdown; ``--json-out FILE`` writes every
number.  Example::

    python benchmarks/realtext/measure_real.py \\
        --edited ~/realtext/edited/state-union --edited ~/realtext/edited/abc-news \\
        --mt ~/realtext/zh-en-wmt17 --not-control human-PE
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

DOCUMENT_SUFFIXES = (".txt", ".md")
PER_WORDS = 10_000
EDITED_TARGET = 1.5
RATIO_TARGET = 2.0
HELD_OUT_MODULUS = 5
EXAMPLES_PER_KIND = 3
KINDS_PER_RULE = 6

Finding = dict


class MeasureError(Exception):
    """The measurement cannot go on (the linter failed, a folder is missing)."""


# --------------------------------------------------------------------------
# Sentences

# Words that end in a full stop without ending a sentence (compared without
# the stop, case-sensitively for the capitalised ones).
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Messrs Mme Mlle Dr Prof Sr Jr St Rev Hon Fr Gen Lt Col Maj Capt Cmdr
    Adm Sgt Cpl Pvt Gov Sen Rep Pres Supt Insp Det Atty Amb Sec Treas Brig Cdr
    No Nos Nr Vol Vols Art Fig Figs Op Ch Sec Pp Ed Eds Rt
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Inc Ltd Co Corp Bros Dept Univ Assn Ave Blvd Rd Mt Ft Ky Pa Va Wash Calif Fla Ill Mass Mich
    Conn Tenn Ariz Colo Okla Ore Nev Wis Minn Ala Ga La Md Mo Miss Neb Del Kan
    approx etc vs viz cf al ca est dept govt incl
    """.split()
)

_OPENERS = "\"'\u201c\u2018(["
_CLOSERS = "\"'\u201d\u2019)]"
# A sentence end: ., ! or ? (or an ellipsis), closing quotes or brackets,
# then white space, then something that starts a sentence.
_BOUNDARY = re.compile(
    r"(?P<end>(?:\.\.\.|\u2026|[.!?])[" + re.escape(_CLOSERS) + r"]*)"
    r"(?P<gap>\s+)"
    r"(?=[" + re.escape(_OPENERS) + r"]*[A-Z0-9\u00c0-\u00de])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(line: str, stop: int) -> bool:
    """Whether the full stop at ``line[stop]`` belongs to an abbreviation."""
    match = _WORD_BEFORE.search(line, 0, stop)
    if not match:
        return False
    word = match.group(1)
    if "." in word:  # U.S., a.m., e.g.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Joseph R."
        return True
    return word in ABBREVIATIONS or word.lower() in ABBREVIATIONS


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: 1-based line, 0-based [start, end) columns."""

    line: int
    start: int
    end: int


def split_line(line: str) -> List[Tuple[int, int]]:
    """Sentence spans [start, end) of one line, white space trimmed."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end_mark = match.group("end")
        if end_mark.startswith(".") and not end_mark.startswith("...") and _is_abbreviation(line, match.start("end")):
            continue
        spans.append((start, match.end("end")))
        start = match.end("gap")
    spans.append((start, len(line)))
    trimmed = []
    for s, e in spans:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def document_lines(text: str) -> List[str]:
    """The lines of a document as the linter numbers them (LF, CRLF or CR)."""
    text = text.lstrip("\ufeff")
    return re.split(r"\r\n|\r|\n", text)


def split_sentences(text: str) -> List[Sentence]:
    """Every sentence of a document, in order.  A line break always ends one."""
    sentences = []
    for number, line in enumerate(document_lines(text), start=1):
        for start, end in split_line(line):
            sentences.append(Sentence(number, start, end))
    return sentences


def _position(finding: Finding) -> Tuple[Tuple[int, int], Tuple[int, int]]:
    """A finding's (line, column) start and exclusive end, 0-based columns."""
    line = int(finding.get("line") or 1)
    col = max(int(finding.get("column") or 1) - 1, 0)
    end_line = int(finding.get("end_line") or line)
    end_col = int(finding.get("end_column") or 0) - 1
    if (end_line, end_col) <= (line, col):
        end_line, end_col = line, col + 1  # a point: one character
    return (line, col), (end_line, end_col)


def assign_findings(sentences: Sequence[Sentence], findings: Iterable[Finding]) -> Tuple[List[List[Finding]], List[Finding]]:
    """The findings overlapping each sentence, and those overlapping none.

    A finding overlaps a sentence when their character spans intersect; a
    finding that spans several sentences flags each of them.  A finding that
    touches no sentence (it lies between two, e.g. on the space before a
    stray mark) is given to the nearest sentence on its line; one on a line
    without sentences is returned as unplaced.
    """
    per_sentence: List[List[Finding]] = [[] for _ in sentences]
    by_line: Dict[int, List[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        by_line[sentence.line].append(index)
    unplaced = []
    for finding in findings:
        (line, col), (end_line, end_col) = _position(finding)
        hit = False
        for number in range(line, end_line + 1):
            for index in by_line.get(number, ()):
                sentence = sentences[index]
                lo = col if number == line else 0
                hi = end_col if number == end_line else sys.maxsize
                if sentence.start < hi and lo < sentence.end:
                    per_sentence[index].append(finding)
                    hit = True
        if hit:
            continue
        candidates = by_line.get(line, [])
        if not candidates:
            unplaced.append(finding)
            continue
        nearest = min(
            candidates,
            key=lambda i: (max(sentences[i].start - col, col - sentences[i].end, 0), i),
        )
        per_sentence[nearest].append(finding)
    return per_sentence, unplaced


def flagged_share(flagged: int, sentences: int) -> Optional[float]:
    """Share of sentences flagged; None without sentences."""
    return flagged / sentences if sentences else None


def share_ratio(treated: Tuple[int, int], control: Tuple[int, int]) -> Optional[float]:
    """Ratio of the flagged shares, each given as (flagged, sentences).

    ``None`` when a side has no sentences; ``inf`` when the control has no
    flagged sentence and the treated side has some; 1.0 when neither has any.
    """
    t = flagged_share(*treated)
    c = flagged_share(*control)
    if t is None or c is None:
        return None
    if c == 0:
        return float("inf") if t > 0 else 1.0
    return t / c


# --------------------------------------------------------------------------
# Documents and the linter


def list_documents(folder: str) -> List[str]:
    """The ``*.txt`` and ``*.md`` files under ``folder`` (recursively), sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(DOCUMENT_SUFFIXES):
                found.append(os.path.join(root, name))
    return found


def read_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


def count_words(text: str) -> int:
    return len(text.split())


def held_out(relative_path: str) -> bool:
    """Whether a document is in the held-out part (one in five, by path hash)."""
    digest = hashlib.sha1(relative_path.replace(os.sep, "/").encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % HELD_OUT_MODULUS == 0


def parse_findings(output: str) -> List[Finding]:
    try:
        data = json.loads(output)
    except json.JSONDecodeError as exc:
        raise MeasureError(f"linter output is not JSON: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("findings")
    if not isinstance(data, list) or not all(isinstance(f, dict) for f in data):
        raise MeasureError("linter JSON has no list of findings")
    return data


def run_linter(cmd: str, paths: Sequence[str], ignore: Optional[str]) -> List[Finding]:
    """Lint ``paths`` as one corpus, from an empty folder (default rules)."""
    argv = shlex.split(cmd) + ["--format", "json", "--exit-zero"]
    if ignore:
        argv += ["--ignore", ignore]
    argv += [os.path.abspath(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="measure-real-") as cwd:
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False)
        except OSError as exc:
            raise MeasureError(f"cannot run {argv[0]!r}: {exc}") from exc
    if proc.returncode not in (0, 1):
        raise MeasureError(f"{shlex.join(argv[:6])} ... exited with {proc.returncode}\n{proc.stderr}")
    return parse_findings(proc.stdout)


def findings_by_document(findings: Iterable[Finding], documents: Sequence[str]) -> Tuple[Dict[str, List[Finding]], List[Finding]]:
    """Findings per document (matched by resolved path) and the unmatched ones."""
    by_real = {os.path.realpath(d): d for d in documents}
    result: Dict[str, List[Finding]] = {d: [] for d in documents}
    unmatched = []
    for finding in findings:
        doc = by_real.get(os.path.realpath(str(finding.get("path", ""))))
        if doc is None:
            unmatched.append(finding)
        else:
            result[doc].append(finding)
    return result, unmatched


@dataclass
class Corpus:
    """One linted folder: documents, their text, words and findings."""

    name: str
    root: str
    documents: List[str]
    texts: Dict[str, str]
    findings: Dict[str, List[Finding]]
    unmatched: List[Finding] = field(default_factory=list)

    def words(self, docs: Optional[Iterable[str]] = None) -> int:
        return sum(count_words(self.texts[d]) for d in (self.documents if docs is None else docs))

    def all_findings(self, docs: Optional[Iterable[str]] = None) -> List[Finding]:
        return [f for d in (self.documents if docs is None else docs) for f in self.findings[d]]

    def relative(self, doc: str) -> str:
        return os.path.relpath(doc, self.root)


def lint_folder(name: str, folder: str, cmd: str, ignore: Optional[str]) -> Corpus:
    if not os.path.isdir(folder):
        raise MeasureError(f"not a folder: {folder}")
    documents = list_documents(folder)
    if not documents:
        raise MeasureError(f"no documents in {folder}")
    findings, unmatched = findings_by_document(run_linter(cmd, [folder], ignore), documents)
    texts = {d: read_text(d) for d in documents}
    return Corpus(name, folder, documents, texts, findings, unmatched)


# --------------------------------------------------------------------------
# Edited prose


def density(n: int, words: int) -> float:
    return n * PER_WORDS / words if words else 0.0


def span_text(text: str, finding: Finding) -> str:
    """The text a finding points at (first line of it), or '' if none."""
    lines = document_lines(text)
    (line, col), (end_line, end_col) = _position(finding)
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1]
    end = end_col if end_line == line else len(source)
    return source[col:end]


def excerpt(text: str, finding: Finding, width: int = 60) -> str:
    """The finding's line around its span, the span marked with « »."""
    lines = document_lines(text)
    (line, col), (end_line, end_col) = _position(finding)
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1]
    end = min(end_col if end_line == line else len(source), len(source))
    left = source[max(0, col - width):col]
    right = source[end:end + width]
    return ("…" if col > width else "") + left + "«" + source[col:end] + "»" + right + ("…" if end + width < len(source) else "")


def kind_key(text: str, finding: Finding) -> str:
    """What a finding is about, to group like findings: the text it points at."""
    span = span_text(text, finding).strip()
    return re.sub(r"\s+", " ", span)[:40] or "(empty span)"


def edited_report(corpora: Sequence[Corpus]) -> dict:
    folders = []
    parts = {"dev": {"words": 0, "findings": 0}, "held-out": {"words": 0, "findings": 0}}
    rules_total: Counter = Counter()
    kinds: Dict[str, Dict[str, List[Tuple[Corpus, str, Finding]]]] = defaultdict(lambda: defaultdict(list))
    rules_dev: Counter = Counter()
    for corpus in corpora:
        dev = [d for d in corpus.documents if not held_out(corpus.relative(d))]
        hold = [d for d in corpus.documents if held_out(corpus.relative(d))]
        rules = Counter(str(f.get("code")) for f in corpus.all_findings())
        rules_total.update(rules)
        entry = {
            "name": corpus.name,
            "documents": len(corpus.documents),
            "words": corpus.words(),
            "findings": len(corpus.all_findings()),
            "unmatched_findings": len(corpus.unmatched),
            "rules": dict(rules),
        }
        for part, docs in (("dev", dev), ("held-out", hold)):
            w, n = corpus.words(docs), len(corpus.all_findings(docs))
            entry[part] = {"documents": len(docs), "words": w, "findings": n, "per_10k": density(n, w)}
            parts[part]["words"] += w
            parts[part]["findings"] += n
        entry["per_10k"] = density(entry["findings"], entry["words"])
        folders.append(entry)
        for doc in dev:
            for finding in corpus.findings[doc]:
                code = str(finding.get("code"))
                rules_dev[code] += 1
                kinds[code][kind_key(corpus.texts[doc], finding)].append((corpus, doc, finding))
    words = sum(f["words"] for f in folders)
    findings = sum(f["findings"] for f in folders)
    for part in parts.values():
        part["per_10k"] = density(part["findings"], part["words"])
    fp_kinds = []
    for code, n in sorted(rules_dev.items(), key=lambda kv: (-kv[1], kv[0])):
        groups = sorted(kinds[code].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        name = ""
        examples = []
        for _, items in groups:
            for corpus, doc, finding in items:
                name = name or str(finding.get("name", ""))
        for key, items in groups[:KINDS_PER_RULE]:
            shown = []
            for corpus, doc, finding in items[:EXAMPLES_PER_KIND]:
                shown.append({
                    "where": f"{corpus.name}/{corpus.relative(doc)}:{finding.get('line')}:{finding.get('column')}",
                    "excerpt": excerpt(corpus.texts[doc], finding),
                    "message": str(finding.get("message", "")),
                })
            examples.append({"text": key, "count": len(items), "examples": shown})
        fp_kinds.append({"code": code, "name": name, "count": n, "distinct": len(groups), "kinds": examples})
    return {
        "folders": folders,
        "words": words,
        "findings": findings,
        "per_10k": density(findings, words),
        "target_per_10k": EDITED_TARGET,
        "met": density(findings, words) <= EDITED_TARGET,
        "dev": parts["dev"],
        "held_out": parts["held-out"],
        "rules": [{"code": c, "count": n, "per_10k": density(n, words)} for c, n in sorted(rules_total.items(), key=lambda kv: (-kv[1], kv[0]))],
        "false_positive_kinds_dev": fp_kinds,
    }


# --------------------------------------------------------------------------
# Machine versus people


def variant_stats(corpus: Corpus, docs: Optional[Sequence[str]] = None) -> dict:
    """Sentences, flagged sentences, findings and words of a variant."""
    sentences = flagged = unplaced = 0
    rules: Counter = Counter()
    docs = corpus.documents if docs is None else docs
    for doc in docs:
        sents = split_sentences(corpus.texts[doc])
        per_sentence, lost = assign_findings(sents, corpus.findings[doc])
        sentences += len(sents)
        unplaced += len(lost)
        for found in per_sentence:
            if found:
                flagged += 1
                for code in {str(f.get("code")) for f in found}:
                    rules[code] += 1
    words = corpus.words(docs)
    n = len(corpus.all_findings(docs))
    return {
        "documents": len(docs),
        "words": words,
        "findings": n,
        "per_10k": density(n, words),
        "sentences": sentences,
        "flagged": flagged,
        "share": flagged_share(flagged, sentences),
        "unplaced_findings": unplaced,
        "flagged_by_rule": dict(rules),
    }


def find_sets(folder: str) -> List[Tuple[str, str]]:
    """(name, path) of the sets under ``folder``: itself if its subfolders hold documents."""
    subdirs = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))
    if not subdirs:
        raise MeasureError(f"no variant folders in {folder}")
    def holds_docs(path: str) -> bool:
        return any(n.endswith(DOCUMENT_SUFFIXES) for n in os.listdir(path))
    if any(holds_docs(os.path.join(folder, d)) for d in subdirs):
        return [(os.path.basename(os.path.normpath(folder)), folder)]
    return [(d, os.path.join(folder, d)) for d in subdirs]


def is_excluded(set_name: str, variant: str, not_control: Sequence[str]) -> bool:
    return variant in not_control or f"{set_name}/{variant}" in not_control


def pairs_report(folders: Sequence[str], control_prefix: str, not_control: Sequence[str], cmd: str, ignore: Optional[str], log) -> dict:
    sets = []
    pooled = {"treated": [0, 0], "control": [0, 0], "treated_held": [0, 0], "control_held": [0, 0]}
    for folder in folders:
        for set_name, set_path in find_sets(folder):
            variants = sorted(d for d in os.listdir(set_path) if os.path.isdir(os.path.join(set_path, d)))
            rows = []
            totals = {"treated": [0, 0], "control": [0, 0], "treated_held": [0, 0], "control_held": [0, 0]}
            for variant in variants:
                log(f"linting {set_name}/{variant}")
                corpus = lint_folder(f"{set_name}/{variant}", os.path.join(set_path, variant), cmd, ignore)
                stats = variant_stats(corpus)
                held = variant_stats(corpus, [d for d in corpus.documents if held_out(corpus.relative(d))])
                role = "control" if variant.startswith(control_prefix) else "machine"
                if is_excluded(set_name, variant, not_control):
                    role = "reported only"
                stats.update({"variant": variant, "role": role, "held_out": held})
                rows.append(stats)
                side = {"control": "control", "machine": "treated"}.get(role)
                if side:
                    totals[side][0] += stats["flagged"]
                    totals[side][1] += stats["sentences"]
                    totals[side + "_held"][0] += held["flagged"]
                    totals[side + "_held"][1] += held["sentences"]
            for key in pooled:
                pooled[key][0] += totals[key][0]
                pooled[key][1] += totals[key][1]
            sets.append({
                "set": set_name,
                "variants": rows,
                "control": totals["control"],
                "treated": totals["treated"],
                "ratio": share_ratio(tuple(totals["treated"]), tuple(totals["control"])),
                "ratio_held_out": share_ratio(tuple(totals["treated_held"]), tuple(totals["control_held"])),
            })
    ratio = share_ratio(tuple(pooled["treated"]), tuple(pooled["control"]))
    return {
        "control_prefix": control_prefix,
        "sets": sets,
        "pooled": {
            "control": pooled["control"],
            "treated": pooled["treated"],
            "ratio": ratio,
            "ratio_held_out": share_ratio(tuple(pooled["treated_held"]), tuple(pooled["control_held"])),
            "target": RATIO_TARGET,
            "met": ratio is not None and ratio >= RATIO_TARGET,
        },
    }


# --------------------------------------------------------------------------
# Output


def fmt_ratio(r: Optional[float]) -> str:
    if r is None:
        return "–"
    if r == float("inf"):
        return "∞"
    return f"{r:.2f}"


def fmt_share(s: Optional[float]) -> str:
    return "–" if s is None else f"{100 * s:.2f}%"


def print_edited(rep: dict, out) -> None:
    print("## Edited prose: findings per 10,000 words (every finding counted as a false positive)\n", file=out)
    print("| folder | docs | words | findings | per 10k | dev per 10k | held-out per 10k |", file=out)
    print("|---|---:|---:|---:|---:|---:|---:|", file=out)
    for f in rep["folders"]:
        print(f"| {f['name']} | {f['documents']:,} | {f['words']:,} | {f['findings']} | {f['per_10k']:.2f} "
              f"| {f['dev']['per_10k']:.2f} | {f['held-out']['per_10k']:.2f} |", file=out)
    print(f"| **pooled** | | {rep['words']:,} | {rep['findings']} | **{rep['per_10k']:.2f}** "
          f"| {rep['dev']['per_10k']:.2f} | {rep['held_out']['per_10k']:.2f} |", file=out)
    status = "met" if rep["met"] else "not met"
    print(f"\nTarget: at most {EDITED_TARGET} per 10,000 words: **{status}**.\n", file=out)
    codes = [r["code"] for r in rep["rules"]]
    print("| rule | " + " | ".join(f["name"] for f in rep["folders"]) + " | total | per 10k |", file=out)
    print("|---|" + "---:|" * (len(rep["folders"]) + 2), file=out)
    for r in rep["rules"]:
        cells = " | ".join(str(f["rules"].get(r["code"], 0)) for f in rep["folders"])
        print(f"| {r['code']} | {cells} | {r['count']} | {r['per_10k']:.2f} |", file=out)
    if not codes:
        print("| (none) | | | |", file=out)
    print("\n### Most frequent kinds of finding on edited prose (development part only)\n", file=out)
    for rule in rep["false_positive_kinds_dev"]:
        print(f"**{rule['code']} {rule['name']}**: {rule['count']} findings, {rule['distinct']} distinct texts", file=out)
        for kind in rule["kinds"]:
            print(f"- `{kind['text']}` ×{kind['count']}", file=out)
            for ex in kind["examples"]:
                print(f"  - {ex['where']}: {ex['excerpt']}", file=out)
        print("", file=out)


def print_pairs(rep: dict, title: str, out) -> None:
    print(f"## {title}: flagged sentences, machine vs control (control: `{rep['control_prefix']}*`)\n", file=out)
    print("| set | variant | role | docs | words | findings | per 10k | sentences | flagged | share flagged |", file=out)
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|", file=out)
    for s in rep["sets"]:
        for v in s["variants"]:
            print(f"| {s['set']} | {v['variant']} | {v['role']} | {v['documents']} | {v['words']:,} | {v['findings']} "
                  f"| {v['per_10k']:.2f} | {v['sentences']:,} | {v['flagged']} | {fmt_share(v['share'])} |", file=out)
    print("\n| set | control flagged / sentences | machine flagged / sentences | ratio | ratio (held-out docs) |", file=out)
    print("|---|---:|---:|---:|---:|", file=out)
    for s in rep["sets"]:
        c, t = s["control"], s["treated"]
        print(f"| {s['set']} | {c[0]} / {c[1]:,} ({fmt_share(flagged_share(*c))}) | {t[0]} / {t[1]:,} "
              f"({fmt_share(flagged_share(*t))}) | {fmt_ratio(s['ratio'])} | {fmt_ratio(s['ratio_held_out'])} |", file=out)
    p = rep["pooled"]
    c, t = p["control"], p["treated"]
    print(f"| **pooled** | {c[0]} / {c[1]:,} ({fmt_share(flagged_share(*c))}) | {t[0]} / {t[1]:,} "
          f"({fmt_share(flagged_share(*t))}) | **{fmt_ratio(p['ratio'])}** | {fmt_ratio(p['ratio_held_out'])} |", file=out)
    print(f"\nTarget: ratio at least {RATIO_TARGET}: **{'met' if p['met'] else 'not met'}**.\n", file=out)
    rules: Counter = Counter()
    for s in rep["sets"]:
        for v in s["variants"]:
            rules.update(v["flagged_by_rule"])
    if rules:
        print("Sentences flagged per rule (control | machine | reported only):\n", file=out)
        print("| rule | control | machine | reported only |", file=out)
        print("|---|---:|---:|---:|", file=out)
        for code, _ in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
            by_role = Counter()
            for s in rep["sets"]:
                for v in s["variants"]:
                    by_role[v["role"]] += v["flagged_by_rule"].get(code, 0)
            print(f"| {code} | {by_role['control']} | {by_role['machine']} | {by_role['reported only']} |", file=out)
        print("", file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edited", action="append", default=[], metavar="DIR", help="edited English prose (repeatable)")
    parser.add_argument("--mt", action="append", default=[], metavar="DIR", help="human vs machine translations (repeatable)")
    parser.add_argument("--spun", action="append", default=[], metavar="DIR", help="original vs spun text (repeatable)")
    parser.add_argument("--not-control", action="append", default=[], metavar="NAME",
                        help="a variant (NAME or SET/NAME) reported but left out of both sides of the ratio")
    parser.add_argument("--lintnews", default="lintnews", help="the linter command (default: lintnews)")
    parser.add_argument("--ignore", default=None, help="rule codes passed to --ignore")
    parser.add_argument("--json-out", default=None, help="also write every number to this JSON file")
    args = parser.parse_args(argv)
    if not (args.edited or args.mt or args.spun):
        parser.error("give --edited, --mt or --spun")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    result = {}
    out = sys.stdout
    try:
        if args.edited:
            corpora = []
            for folder in args.edited:
                log(f"linting {folder}")
                corpora.append(lint_folder(os.path.basename(os.path.normpath(folder)), folder, args.lintnews, args.ignore))
            result["edited"] = edited_report(corpora)
            print_edited(result["edited"], out)
        if args.mt:
            result["mt"] = pairs_report(args.mt, "human", args.not_control, args.lintnews, args.ignore, log)
            print_pairs(result["mt"], "Machine translation", out)
        if args.spun:
            result["spun"] = pairs_report(args.spun, "original", args.not_control, args.lintnews, args.ignore, log)
            print_pairs(result["spun"], "Spun text", out)
    except MeasureError as exc:
        print(f"measure_real: {exc}", file=sys.stderr)
        return 2
    if args.json_out:
        def default(o):
            return str(o)
        text = json.dumps(result, indent=1, ensure_ascii=False, default=default,
                          allow_nan=True).replace("Infinity", '"inf"')
        Path(args.json_out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

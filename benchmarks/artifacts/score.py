"""Score lintnews against a planted-artifact folder made by plant.py.

    python benchmarks/artifacts/score.py benchmarks/out/artifacts-dev/seed-0 --clean ../shared/corpora/clean-en [--json]

runs the installed ``lintnews`` (default rule set, JSON output, one run over the whole
planted folder so the corpus rules see every document; another over the untouched
copies in ``orig/``; another over the clean folder) and prints

- **span recall** per category and subtype: an artifact is *found* when a finding
  (any rule) of the same file has a character range that overlaps one of the
  artifact's planted spans: ``f.start < s.end and s.start < f.end``, offsets in
  characters, the finding's range from (line, column) to (end_line, end_column), end
  exclusive; a finding of zero width counts as one character.  A finding that was
  already there in the untouched document (see below) never counts as a hit;
- **macro recall** (mean of the per-category recalls) and micro recall;
- **per-rule precision on the planted set**: a finding overlapping a planted span is a
  true positive of its rule; one overlapping none is a false positive, unless the same
  rule reports the same range in the untouched copy of the document (mapped through
  the edits), in which case it is *pre-existing*: the human reference's own text
  (often a real slip of the reference, sometimes a false alarm on clean text); those
  are counted separately and in neither column;
- **findings per 10,000 words** on the untouched lines of the planted documents (lines
  holding no planted edit), all findings and those that are not pre-existing;
- **findings per 10,000 words on the clean folder** (original English news), per rule.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path


# ---------------------------------------------------------------------------
# Running lintnews


def lintnews_command(explicit: str | None = None) -> list[str]:
    """The lintnews CLI: --lintnews, else the one beside this Python, else on PATH."""
    if explicit:
        return explicit.split()
    beside = Path(sys.executable).with_name("lintnews")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("lintnews")
    if found:
        return [found]
    return [sys.executable, "-m", "lintnews.cli"]


def run_lintnews(folder: Path, command: list[str] | None = None, extra_args: list[str] | None = None) -> list[dict]:
    """The findings of one lintnews run over ``folder`` (paths relative to it).

    The run uses an empty configuration file, so no pyproject.toml or lintnews.toml
    found upward changes the rule set, and no cache."""
    command = command or lintnews_command()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "lintnews.toml"
        cfg.write_text("", encoding="utf-8")
        args = command + ["--config", str(cfg), "--no-cache", "--format", "json", "--exit-zero",
                          "--no-progress"] + list(extra_args or []) + ["."]
        proc = subprocess.run(args, cwd=folder, capture_output=True, text=True, encoding="utf-8",
                              env={**os.environ, "NO_COLOR": "1"})
    if proc.returncode not in (0,):
        raise RuntimeError(f"lintnews failed ({proc.returncode}) on {folder}:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    out = []
    for f in data["findings"]:
        f = dict(f)
        f["path"] = f["path"][2:] if f["path"].startswith("./") else f["path"]
        out.append(f)
    return out


# ---------------------------------------------------------------------------
# Offsets


def line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def finding_range(f: dict, starts: list[int]) -> tuple[int, int]:
    """Character offsets [start, end) of a finding (at least one character wide)."""
    def off(line, col):
        line = max(1, min(line, len(starts)))
        return starts[line - 1] + col - 1
    s = off(f["line"], f["column"])
    e = off(f.get("end_line") or f["line"], f.get("end_column") or f["column"])
    if e <= s:
        e = s + 1
    return s, e


def spans_of(rec: dict) -> list[dict]:
    return [rec] + list(rec.get("extra_spans", []))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Mapper:
    """Maps offsets of an untouched document into its planted version."""

    def __init__(self, recs: list[dict]):
        self.edits = sorted((s["orig_start"], s["orig_end"], s["edit_end"] - s["edit_start"])
                            for r in recs for s in spans_of(r))

    def map(self, start: int, end: int) -> tuple[int, int] | None:
        """The range in the planted text, or None when an edit touches it."""
        shift = 0
        for os_, oe, newlen in self.edits:
            if overlaps((start, end), (os_, max(oe, os_ + 1))):
                return None
            if oe <= start:
                shift += newlen - (oe - os_)
        return start + shift, end + shift


# ---------------------------------------------------------------------------
# Scoring


class Tally:
    """Counts that add up over several planted folders (seeds)."""

    def __init__(self):
        self.n = Counter()  # (category, subtype) -> planted
        self.hit = Counter()  # (category, subtype) -> found
        self.hit_rules = defaultdict(Counter)  # category -> rule -> artifacts it found
        self.tp = Counter()  # rule -> findings overlapping a span
        self.fp = Counter()  # rule -> findings overlapping none, not pre-existing
        self.pre = Counter()  # rule -> pre-existing findings
        self.counterpart = Counter()  # rule -> findings on the right spelling of a respelled name
        self.untouched_words = 0
        self.untouched_findings = Counter()  # rule -> findings on untouched lines
        self.untouched_new = Counter()  # the same, pre-existing left out
        self.orig_words = 0
        self.orig_findings = Counter()
        self.artifacts = []  # per-artifact results
        self.fp_examples = []
        self.seeds = 0

    def add(self, key: list[dict], planted: dict, findings: list[dict], orig: dict | None,
            orig_findings: list[dict] | None, seed_label: str = "") -> None:
        self.seeds += 1
        by_path = defaultdict(list)
        for r in key:
            by_path[r["path"]].append(r)
        starts = {p: line_starts(t) for p, t in planted.items()}
        pre_keys = set()
        if orig is not None and orig_findings is not None:
            ostarts = {p: line_starts(t) for p, t in orig.items()}
            for f in orig_findings:
                if f["path"] not in orig:
                    continue
                s, e = finding_range(f, ostarts[f["path"]])
                m = Mapper(by_path.get(f["path"], [])).map(s, e)
                if m is not None:
                    pre_keys.add((f["path"], f["code"], m[0], m[1]))
            for p, t in orig.items():
                self.orig_words += len(t.split())
            for f in orig_findings:
                self.orig_findings[f["code"]] += 1
        # findings -> ranges
        fr = []
        for f in findings:
            if f["path"] not in planted:
                continue
            s, e = finding_range(f, starts[f["path"]])
            fr.append((f, s, e, (f["path"], f["code"], s, e) in pre_keys))
        per_path_findings = defaultdict(list)
        for item in fr:
            per_path_findings[item[0]["path"]].append(item)
        # recall
        used = set()
        for r in key:
            codes = Counter()
            for idx, (f, s, e, pre) in enumerate(per_path_findings[r["path"]]):
                if pre:
                    continue
                if any(overlaps((s, e), (sp["start"], sp["end"])) for sp in spans_of(r)):
                    codes[f["code"]] += 1
                    used.add((r["path"], idx))
            k = (r["category"], r["subtype"])
            self.n[k] += 1
            if codes:
                self.hit[k] += 1
                for c in codes:
                    self.hit_rules[r["category"]][c] += 1
            self.artifacts.append({"seed": seed_label, "id": r["id"], "path": r["path"], "line": r["line"],
                                   "category": r["category"], "subtype": r["subtype"], "text": r["text"],
                                   "original": r["original"], "found": bool(codes), "rules": sorted(codes)})
        # the right spelling of every respelled name: in its article, or anywhere for the cross-article case
        right_here = defaultdict(set)
        right_anywhere = set()
        for r in key:
            correct = (r.get("detail") or {}).get("correct")
            if r["category"] == "name-in-article" and correct:
                right_here[r["path"]].add(correct)
            elif r["category"] == "name-across-articles" and correct:
                right_anywhere.add(correct)
        # precision
        for p, items in per_path_findings.items():
            for idx, (f, s, e, pre) in enumerate(items):
                found_text = planted[p][s:e]
                if (p, idx) in used:
                    self.tp[f["code"]] += 1
                elif pre:
                    self.pre[f["code"]] += 1
                elif any(n in found_text for n in right_here[p] | right_anywhere):
                    self.counterpart[f["code"]] += 1
                else:
                    self.fp[f["code"]] += 1
                    if len(self.fp_examples) < 400:
                        t = planted[p]
                        self.fp_examples.append({"seed": seed_label, "path": p, "line": f["line"], "code": f["code"],
                                                 "text": t[s:e], "message": f.get("message", "")})
        # untouched lines
        for p, t in planted.items():
            touched = set()
            st = starts[p]
            for r in by_path.get(p, []):
                for sp in spans_of(r):
                    a = _line_of(st, sp["edit_start"])
                    b = _line_of(st, max(sp["edit_start"], sp["edit_end"] - 1))
                    touched.update(range(a, b + 1))
            lines = t.split("\n")
            for i, line in enumerate(lines, start=1):
                if i not in touched:
                    self.untouched_words += len(line.split())
            for f, s, e, pre in per_path_findings[p]:
                if f["line"] not in touched:
                    self.untouched_findings[f["code"]] += 1
                    counterpart = any(n in t[s:e] for n in right_here[p] | right_anywhere)
                    if not pre and not counterpart:
                        self.untouched_new[f["code"]] += 1


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def clean_rates(folder: Path, findings: list[dict]) -> dict:
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(Path(folder).rglob("*.txt")))
    codes = Counter(f["code"] for f in findings)
    return {"folder": str(folder), "words": words, "findings": sum(codes.values()),
            "per_10k": 1e4 * sum(codes.values()) / words if words else 0.0,
            "per_rule": {c: {"count": n, "per_10k": 1e4 * n / words} for c, n in sorted(codes.items())},
            "examples": [{"path": f["path"], "line": f["line"], "code": f["code"], "message": f.get("message", "")}
                         for f in findings[:50]]}


def summary(t: Tally, clean: dict | None = None) -> dict:
    cats = defaultdict(lambda: [0, 0])
    for (c, s), n in t.n.items():
        cats[c][0] += n
        cats[c][1] += t.hit[(c, s)]
    per_cat = {c: {"planted": n, "found": h, "recall": h / n if n else None,
                   "rules": dict(t.hit_rules[c].most_common())} for c, (n, h) in sorted(cats.items())}
    per_sub = {f"{c}/{s}": {"planted": n, "found": t.hit[(c, s)], "recall": t.hit[(c, s)] / n}
               for (c, s), n in sorted(t.n.items())}
    recalls = [v["recall"] for v in per_cat.values() if v["recall"] is not None]
    total_n = sum(t.n.values())
    total_h = sum(t.hit.values())
    rules = sorted(set(t.tp) | set(t.fp) | set(t.pre) | set(t.counterpart))
    per_rule = {r: {"true_pos": t.tp[r], "false_pos": t.fp[r], "pre_existing": t.pre[r],
                    "counterpart": t.counterpart[r],
                    "precision": t.tp[r] / (t.tp[r] + t.fp[r]) if t.tp[r] + t.fp[r] else None} for r in rules}
    ut_all = sum(t.untouched_findings.values())
    ut_new = sum(t.untouched_new.values())
    out = {
        "seeds": t.seeds,
        "artifacts": total_n,
        "found": total_h,
        "micro_recall": total_h / total_n if total_n else None,
        "macro_recall": sum(recalls) / len(recalls) if recalls else None,
        "per_category": per_cat,
        "per_subtype": per_sub,
        "per_rule": per_rule,
        "untouched_lines": {
            "words": t.untouched_words,
            "findings": ut_all, "per_10k": 1e4 * ut_all / t.untouched_words if t.untouched_words else None,
            "findings_not_pre_existing": ut_new,  # nor on the right spelling of a respelled name
            "per_10k_not_pre_existing": 1e4 * ut_new / t.untouched_words if t.untouched_words else None,
            "per_rule": dict(t.untouched_findings.most_common()),
        },
        "orig": {"words": t.orig_words, "findings": sum(t.orig_findings.values()),
                 "per_10k": 1e4 * sum(t.orig_findings.values()) / t.orig_words if t.orig_words else None,
                 "per_rule": dict(t.orig_findings.most_common())},
        "artifacts_detail": t.artifacts,
        "false_positive_examples": t.fp_examples,
    }
    if clean is not None:
        out["clean"] = clean
    return out


def pct(x) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def table(s: dict) -> str:
    lines = []
    lines.append(f"Planted artifacts: {s['artifacts']} over {s['seeds']} seed(s); found {s['found']}; "
                 f"micro recall {pct(s['micro_recall'])}; **macro recall {pct(s['macro_recall'])}**")
    lines.append("")
    lines.append("| category | subtype | planted | found | recall | rules that found them |")
    lines.append("|---|---|---:|---:|---:|---|")
    for c, v in s["per_category"].items():
        rules = ", ".join(f"{r} {n}" for r, n in v["rules"].items())
        lines.append(f"| **{c}** | **all** | **{v['planted']}** | **{v['found']}** | **{pct(v['recall'])}** | {rules} |")
        for k, sv in s["per_subtype"].items():
            cc, sub = k.split("/", 1)
            if cc == c:
                lines.append(f"| | {sub} | {sv['planted']} | {sv['found']} | {pct(sv['recall'])} | |")
    lines.append("")
    lines.append("Per-rule precision on the planted documents.  Pre-existing: the same finding on the untouched "
                 "document.  Counterpart: a finding on the right spelling of a name planted respelled (the other "
                 "side of the inconsistency).  Both are in neither column.")
    lines.append("")
    lines.append("| rule | true pos | false pos | precision | pre-existing | counterpart |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for r, v in s["per_rule"].items():
        lines.append(f"| {r} | {v['true_pos']} | {v['false_pos']} | {pct(v['precision'])} | {v['pre_existing']} "
                     f"| {v['counterpart']} |")
    u = s["untouched_lines"]
    lines.append("")
    if u["per_10k"] is not None:
        lines.append(f"Untouched lines of the planted documents: {u['words']:,} words, {u['findings']} findings = "
                     f"{u['per_10k']:.2f} per 10,000 words ({u['findings_not_pre_existing']} neither pre-existing nor counterparts = "
                     f"{u['per_10k_not_pre_existing']:.2f}); by rule: "
                     + (", ".join(f"{r} {n}" for r, n in u["per_rule"].items()) or "none"))
    o = s["orig"]
    if o["words"]:
        lines.append(f"The same documents untouched (per seed): {o['words']:,} words, {o['findings']} findings = "
                     f"{o['per_10k']:.2f} per 10,000 words; by rule: "
                     + (", ".join(f"{r} {n}" for r, n in o["per_rule"].items()) or "none"))
    if "clean" in s:
        c = s["clean"]
        lines.append(f"Clean folder {c['folder']}: {c['words']:,} words, {c['findings']} findings = "
                     f"**{c['per_10k']:.2f} per 10,000 words**; by rule: "
                     + (", ".join(f"{r} {v['count']}" for r, v in c["per_rule"].items()) or "none"))
    return "\n".join(lines)


def read_folder(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(Path(folder).rglob("*.txt"))}


def read_key(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score_folder(out: Path, tally: Tally, command=None, extra_args=None, orig_findings=None, label=""):
    """Lint OUT/planted (and OUT/orig unless its findings are given) and add to the tally.
    Returns the findings of orig/ (to reuse for another seed of the same documents)."""
    out = Path(out)
    key = read_key(out / "key.jsonl")
    planted = read_folder(out / "planted")
    orig = read_folder(out / "orig")
    findings = run_lintnews(out / "planted", command, extra_args)
    if orig_findings is None:
        orig_findings = run_lintnews(out / "orig", command, extra_args)
    tally.add(key, planted, findings, orig, orig_findings, label)
    return orig_findings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Score lintnews on planted artifacts (see the module docstring).")
    ap.add_argument("folders", nargs="+", type=Path, help="output folders of plant.py (planted/, orig/, key.jsonl)")
    ap.add_argument("--clean", type=Path, help="a folder of clean original English news (false positives)")
    ap.add_argument("--lintnews", help="the lintnews command (default: beside this Python, else on PATH)")
    ap.add_argument("--lintnews-args", default="", help="extra lintnews arguments, e.g. '--select ALL'")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args(argv)
    cmd = lintnews_command(args.lintnews)
    extra = args.lintnews_args.split()
    tally = Tally()
    for i, folder in enumerate(args.folders):
        score_folder(folder, tally, cmd, extra, label=str(folder))
    clean = clean_rates(args.clean, run_lintnews(args.clean, cmd, extra)) if args.clean else None
    s = summary(tally, clean)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(table(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())

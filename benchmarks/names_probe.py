"""Invented name artifacts planted into untouched documents, to check N101, N102 and N103
on more cases of a kind than the planted benchmark holds (issue 15, fourth round).

The documents are the untouched dev documents the planted benchmark writes
(``benchmarks/out/artifacts-dev/seed-0/orig`` after ``run.py --split dev``); nothing of
``inventories.py`` or ``plant.py`` is used: the names are those lintnews finds in the
documents, the operations and stray tokens are written here.  Each name (or stray token)
falls in the ``tune`` or the ``held`` half by the SHA-256 of its text; at most one
artifact per document, so one run holds one artifact per document that offers one.

Kinds:

- ``respell``: one mention of a surname written twice or more in the article respelled by
  one operation (a vowel changed, an h added or dropped, a letter doubled or undoubled, a
  transliteration swap), the new spelling no dictionary word nor a word of the corpus
  (scored on N101);
- ``across``: every mention of a surname in the article that writes it least often
  respelled, where other articles write it more often (N101);
- ``lower``: one mid-sentence mention of a person's surname (a name with person evidence,
  or a full name) written in lower case (N103); ``place``: the same for a one-word name
  with no person evidence (places, organisations);
- ``stray``: a caption bracket, a word or a number put between the two words of a
  two-word name (N102; two-word names of places are planted too and rightly missed).

An artifact is found when a finding of the rule is on its line (on any of its lines for
``across``).  Usage::

    python benchmarks/names_probe.py benchmarks/out/artifacts-dev/seed-0/orig --kind lower --half held --seed 1
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lintnews.analyses.dictionary import is_common_word, is_known_word
from lintnews.analyses.names.mentions import extract
from lintnews.core.document import make_document

VOWELS = "aeiou"
SWAPS = [
    ("v", "w"), ("w", "v"), ("z", "s"), ("s", "z"), ("y", "i"), ("i", "y"), ("ou", "u"), ("u", "ou"), ("ee", "i"),
    ("ck", "k"), ("kh", "h"), ("g", "h"), ("h", "g"), ("ts", "tz"), ("tz", "ts"), ("ya", "ia"), ("ia", "ya"), ("iy", "y"),
    ("k", "kh"), ("f", "ph"), ("ph", "f"), ("c", "k"), ("k", "c"), ("j", "y"), ("x", "ks"), ("ks", "x"), ("sch", "sh"),
    ("sh", "sch"), ("e", "ye"),
]
STRAYS = {
    "bracket": ["(centre)", "(L)", "(R)", "(top)", "(above)", "(inset)", "(archive image)", "(Photo: Reuters)", "(2nd left)",
                "(far right)", "(front row)", "(AFP)", "(Getty)", "(seated)", "(Photo)", "(Left)", "(C)", "(standing)",
                "(file image)", "(in the middle)"],
    "word": ["however", "reportedly", "meanwhile", "first", "herself", "instead", "allegedly", "previously", "recently", "personally"],
    "number": ["12", "1,200", "3.5", "7", "2021", "64"],
}
RULE = {"respell": "N101", "across": "N101", "lower": "N103", "place": "N103", "stray": "N102"}


def in_half(text: str, half: str) -> bool:
    return (hashlib.sha256(text.encode()).digest()[0] % 2 == 0) == (half == "tune")


def respellings(w: str) -> list[tuple[str, str]]:
    out = []
    for i, c in enumerate(w):
        if i and c in VOWELS:
            out += [("vowel", w[:i] + v + w[i + 1 :]) for v in VOWELS if v != c]
        if i and c == "h":
            out.append(("h", w[:i] + w[i + 1 :]))
        if i and c.isalpha() and c not in VOWELS and c != "h":
            out.append(("h", w[: i + 1] + "h" + w[i + 1 :]))
        if i and c.isalpha():
            out.append(("double", w[: i + 1] + c + w[i + 1 :]))
        if i and i + 1 < len(w) and w[i + 1] == c:
            out.append(("double", w[:i] + w[i + 1 :]))
    for a, b in SWAPS:
        for m in re.finditer(re.escape(a), w[1:]):
            j = m.start() + 1
            out.append(("translit", w[:j] + b + w[j + len(a) :]))
    return [(k, x) for k, x in out if x != w and not is_known_word(x.lower())]


def mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?\"“”\n:"


def plant(orig: Path, out: Path, kind: str, half: str, seed: int) -> list[dict]:
    rng = random.Random(seed)
    shutil.copytree(orig, out)
    vocab = {w for p in orig.rglob("*.txt") for w in re.findall(r"\w+", p.read_text(encoding="utf-8"))}
    paths = sorted(out.rglob("*.txt"))
    texts = {p: p.read_text(encoding="utf-8") for p in paths}
    mentions = {p: extract(make_document(str(p), texts[p])).mentions for p in paths}
    key = []
    if kind == "across":
        docs: dict[str, dict[Path, list]] = collections.defaultdict(dict)
        for p in paths:
            for m in mentions[p]:
                s = m.words[-1]
                if len(s) >= 4 and s.isalpha() and not is_common_word(s):
                    docs[s].setdefault(p, []).append(m)
        used: set[Path] = set()
        for s in sorted(docs):
            d = docs[s]
            if len(d) < 2 or not in_half(s, half) or not any(m.evidence for ms in d.values() for m in ms):
                continue
            p = min(d, key=lambda q: (len(d[q]), str(q)))
            if sum(len(ms) for q, ms in d.items() if q != p) <= len(d[p]) or p in used:
                continue
            choices = [o for o in respellings(s) if o[1] not in vocab]
            if not choices:
                continue
            op, new = rng.choice(choices)
            text = texts[p]
            spans = sorted({(m.surname_loc.start, m.surname_loc.end, m.surname_loc.line) for m in d[p]}, reverse=True)
            for a, b, _ in spans:
                text = text[:a] + new + text[b:]
            texts[p] = text
            used.add(p)
            key.append(dict(path=str(p), lines=[line for _, _, line in spans], op=op, old=s, new=new))
    else:
        for p in paths:
            text = texts[p]
            if kind == "stray":
                ms = [m for m in mentions[p] if len(m.words) == 2 and m.given_loc and text[m.given_loc.end : m.surname_loc.start] == " "]
                items = [(k, x) for k, xs in STRAYS.items() for x in xs if in_half(x, half)]
                if not ms:
                    continue
                m = rng.choice(ms)
                op, tok = rng.choice(items)
                texts[p] = text[: m.given_loc.end] + " " + tok + text[m.given_loc.end :]
                key.append(dict(path=str(p), lines=[m.full.line], op=op, old=" ".join(m.words), new=tok))
                continue
            by: dict[str, list] = {}
            for m in mentions[p]:
                s = m.words[-1]
                if len(s) >= 4 and not is_common_word(s) and s.isalpha():
                    by.setdefault(s, []).append(m)
            candidates = []
            for s, ms in by.items():
                person = any(m.evidence for m in ms) or any(len(m.words) >= 2 for m in ms)
                if len(ms) < 2 or not in_half(s, half):
                    continue
                if kind == "place" and (any(m.evidence for m in ms) or any(len(m.words) > 1 for m in ms)):
                    continue
                if kind in ("respell", "lower") and not person:
                    continue
                candidates.append((s, ms))
            if not candidates:
                continue
            s, ms = rng.choice(sorted(candidates, key=lambda c: c[0]))
            if kind == "respell":
                m = rng.choice(ms)
                choices = [o for o in respellings(s) if o[1] not in vocab]
                if not choices:
                    continue
                op, new = rng.choice(choices)
            else:
                middle = [m for m in ms if mid_sentence(text, m.surname_loc.start)]
                if not middle:
                    continue
                m = rng.choice(middle)
                op, new = "lower", s.lower()
            loc = m.surname_loc
            texts[p] = text[: loc.start] + new + text[loc.end :]
            key.append(dict(path=str(p), lines=[loc.line], op=op, old=s, new=new))
    for p in paths:
        p.write_text(texts[p], encoding="utf-8")
    return key


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("orig", type=Path, help="untouched documents (run.py --split dev writes them)")
    ap.add_argument("--kind", choices=sorted(RULE), required=True)
    ap.add_argument("--half", choices=["tune", "held"], required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lintnews", default=f"{sys.executable} -m lintnews")
    ap.add_argument("--misses", type=int, default=0, help="list up to N missed artifacts")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "planted"
        key = plant(args.orig.resolve(), out, args.kind, args.half, args.seed)
        code = RULE[args.kind]
        run = subprocess.run(
            [*args.lintnews.split(), "--no-cache", "--exit-zero", "--select", code, "--format", "json", str(out)],
            capture_output=True, text=True, cwd=tmp, check=True,
        )
        data = json.loads(run.stdout)
        findings = data["findings"] if isinstance(data, dict) else data
        lines = collections.defaultdict(set)
        for f in findings:
            lines[str(Path(tmp, f["path"]).resolve()) if not Path(f["path"]).is_absolute() else f["path"]].add(f["line"])
        total, hit, missed = collections.Counter(), collections.Counter(), []
        for k in key:
            found = bool(lines[str(Path(k["path"]).resolve())] & set(k["lines"]))
            total[k["op"]] += 1
            hit[k["op"]] += found
            if not found:
                missed.append(k)
        for op in sorted(total):
            print(f"{args.kind}/{op}: {hit[op]}/{total[op]}")
        print(f"{args.kind} {args.half} seed {args.seed}: {sum(hit.values())}/{sum(total.values())} found, {len(findings)} {code} findings")
        for k in missed[: args.misses]:
            print(f"  missed {Path(k['path']).name}:{k['lines'][0]} {k['old']} -> {k['new']}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turn public material into one-document-per-file folders for measure_real.py.

Nothing is downloaded here: each subcommand reads a git directory that you have
already brought onto the machine (a clone, or the bare snapshot that the
project's repository-fetching tool leaves under ``/work/.mirror/OWNER+NAME/``)
with ``git show COMMIT:PATH``, and writes plain UTF-8 text files.  The commits
below are the ones measured; another commit works if its files are the same.

``msparity``  Microsoft Translator Human Parity Data (WMT17 newstest2017
    Chinese->English news) with the article boundaries of Läubli et al. (2018).
    Writes ``OUT/zh-en-wmt17/<variant>/<article>.txt`` for the 54 native-Chinese
    articles whose boundaries that study published, one WMT segment per line,
    and, with ``--chunks N``, ``OUT/zh-en-wmt17-all/<variant>/chunk-NNN.txt``:
    all 2,001 segments cut into pieces of N consecutive lines (boundaries are
    artificial there; every variant is cut the same way).  Variants:
    ``human-HT`` (professional translation from scratch), ``human-PE``
    (professional post-edit of MT; it starts from MT, so it is not a clean
    control), ``Combo-4``, ``Combo-5``, ``Combo-6`` (Microsoft research
    systems, 2018), ``Online-A-1710`` (an online MT service, October 2017).
      github.com/MicrosoftTranslator/Translator-HumanParityData
        commit 52e67aefc6a703d589cbe468f4935ac350d264fa (2018-03-19)
        licence: Microsoft Research Data License Agreement: non-commercial
        research use, no redistribution.  Do not commit the output.
      github.com/laeubli/parity  commit 58ea685 (data/documents.csv: article
        ids and the text of each article, used only to find its lines)
        no licence file.  Nothing of its text is written out.

``nltk``  Edited English prose from the NLTK data repository.
    ``OUT/state-union/<year-president>.txt``: the C-Span State of the Union
    addresses 1945-2006 (public domain), title and date lines dropped,
    ``(Applause.)``-style audience notes removed, one paragraph per line as
    in the corpus.
    ``OUT/abc-news/<section>-NNNN.txt``: Australian Broadcasting Corporation
    rural and science news of 2006, one story block per file (the corpus
    separates blocks with a blank line; a block is a story or a sub-headed
    part of one).  Copyright ABC; no licence is stated: measure, do not commit.
      github.com/nltk/nltk_data  commit 5db857e6f7df11eabb5e5665836db9ec8df07e28
        (packages/corpora/state_union.zip, packages/corpora/abc.zip)

Example (the paths are where the fetch tool put the snapshots)::

    python benchmarks/realtext/prepare.py msparity \\
        --ms /work/.mirror/MicrosoftTranslator+Translator-HumanParityData/repo/.git \\
        --parity /work/.mirror/laeubli+parity/repo --chunks 20 --out ~/realtext
    python benchmarks/realtext/prepare.py nltk \\
        --nltk /work/.mirror/nltk+nltk_data/repo --out ~/realtext/edited

Standard library only; deterministic (same input, same bytes out).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

MS_COMMIT = "52e67aefc6a703d589cbe468f4935ac350d264fa"
PARITY_COMMIT = "58ea685"
NLTK_COMMIT = "5db857e6f7df11eabb5e5665836db9ec8df07e28"

MS_FILES = {
    "human-HT": "Translator-HumanParityData/References/Translator-HumanParityData-Reference-HT.txt",
    "human-PE": "Translator-HumanParityData/References/Translator-HumanParityData-Reference-PE.txt",
    "Combo-4": "Translator-HumanParityData/Translations/Translator-HumanParityData-Combo-4.txt",
    "Combo-5": "Translator-HumanParityData/Translations/Translator-HumanParityData-Combo-5.txt",
    "Combo-6": "Translator-HumanParityData/Translations/Translator-HumanParityData-Combo-6.txt",
    "Online-A-1710": "Translator-HumanParityData/Translations/Translator-HumanParityData-Online-A-1710.txt",
}
MS_SEGMENTS = 2001

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def git_show(gitdir: str, commit: str, path: str) -> bytes:
    """The bytes of ``path`` at ``commit`` in the git directory ``gitdir``."""
    proc = subprocess.run(
        ["git", "--git-dir", gitdir, "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"git show {commit}:{path} in {gitdir} failed:\n"
                 f"{proc.stderr.decode(errors='replace')}")
    return proc.stdout


def git_dir(path: str) -> str:
    """Accept a work tree or a git directory; return the git directory."""
    p = Path(path)
    return str(p / ".git") if (p / ".git").exists() else str(p)


def segments(data: bytes) -> List[str]:
    """Lines of a one-segment-per-line file: BOM and the final newline dropped."""
    text = data.decode("utf-8").lstrip("\ufeff")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _match_key(text: str) -> str:
    """Text reduced for matching: straight quotes, no whitespace."""
    return re.sub(r"\s+", "", text.translate(_QUOTES))


def article_spans(reference: Sequence[str], articles: Dict[str, str]) -> Dict[str, Tuple[int, int]]:
    """Find each article's line span [start, end) in ``reference``.

    ``articles`` maps an id to the article's text as the segments of
    ``reference`` joined (quotes and spacing may differ).  Articles not found
    are left out.
    """
    keys = [_match_key(line) for line in reference]
    spans = {}
    for art_id, text in articles.items():
        target = _match_key(text)
        for start, key in enumerate(keys):
            if not key or not target.startswith(key):
                continue
            end, acc = start, ""
            while end < len(keys) and len(acc) < len(target):
                acc += keys[end]
                end += 1
            if acc == target:
                spans[art_id] = (start, end)
                break
    return spans


def safe_name(doc_id: str) -> str:
    """A file name for a document id."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._") or "doc"


def write_doc(path: Path, lines: Sequence[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def cmd_msparity(args: argparse.Namespace) -> None:
    ms, parity = git_dir(args.ms), git_dir(args.parity)
    variants = {name: segments(git_show(ms, MS_COMMIT, path)) for name, path in MS_FILES.items()}
    for name, lines in variants.items():
        if len(lines) != MS_SEGMENTS:
            sys.exit(f"{name}: {len(lines)} segments, expected {MS_SEGMENTS}")
    rows = list(csv.DictReader(io.StringIO(
        git_show(parity, PARITY_COMMIT, "data/documents.csv").decode("utf-8"))))
    articles: Dict[str, str] = {}
    for row in rows:
        # Control items ("spam") had their human or MT side garbled.
        if row["spam"].strip() == "human":
            continue
        articles.setdefault(row["wmt_article_id"], row["human"])
    spans = article_spans(variants["human-HT"], articles)
    out = Path(args.out)
    for name, lines in variants.items():
        for art_id, (start, end) in sorted(spans.items()):
            write_doc(out / "zh-en-wmt17" / name / f"{safe_name(art_id)}.txt", lines[start:end])
        if args.chunks:
            for k in range(0, MS_SEGMENTS, args.chunks):
                write_doc(out / "zh-en-wmt17-all" / name / f"chunk-{k // args.chunks:03d}.txt",
                          lines[k:k + args.chunks])
    print(f"zh-en-wmt17: {len(spans)} of {len(articles)} articles found, "
          f"{sum(e - s for s, e in spans.values())} segments, {len(variants)} variants")
    if args.chunks:
        print(f"zh-en-wmt17-all: {MS_SEGMENTS} segments in chunks of {args.chunks}")


_AUDIENCE = re.compile(r"\s*\((?:Applause|Laughter|Cheers|applause|laughter)[^)]*\)\s*")


def state_union_doc(text: str) -> List[str]:
    """Paragraphs of one address: header lines and audience notes dropped."""
    # One paragraph per line (a few files also leave blank lines between).
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in text.replace("\r", "").split("\n")]
    body = []
    for para in paragraphs:
        if not para:
            continue
        para = _AUDIENCE.sub(" ", para).strip()
        if not para:
            continue
        letters = [c for c in para if c.isalpha()]
        # Title lines in capitals, dates and times before the speech.
        if not body and (not letters or sum(c.isupper() for c in letters) > 0.8 * len(letters)
                         or len(para.split()) < 8):
            continue
        body.append(para)
    return body


def cmd_nltk(args: argparse.Namespace) -> None:
    repo = git_dir(args.nltk)
    out = Path(args.out)
    with zipfile.ZipFile(io.BytesIO(git_show(repo, NLTK_COMMIT, "packages/corpora/state_union.zip"))) as z:
        names = sorted(n for n in z.namelist() if n.endswith(".txt"))
        for name in names:
            text = z.read(name).decode("latin-1" if b"\x92" in z.read(name) else "utf-8", "replace")
            write_doc(out / "state-union" / Path(name).name, state_union_doc(text))
    print(f"state-union: {len(names)} addresses")
    with zipfile.ZipFile(io.BytesIO(git_show(repo, NLTK_COMMIT, "packages/corpora/abc.zip"))) as z:
        total = 0
        for section in ("rural", "science"):
            text = z.read(f"abc/{section}.txt").decode("utf-8", "replace").replace("\r\n", "\n")
            blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
            for i, block in enumerate(blocks):
                lines = [line.strip() for line in block.split("\n") if line.strip()]
                write_doc(out / "abc-news" / f"{section}-{i:04d}.txt", lines)
            total += len(blocks)
    print(f"abc-news: {total} story blocks")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("msparity", help="WMT17 zh-en: human vs MT (Microsoft human parity data)")
    p.add_argument("--ms", required=True, help="git dir of MicrosoftTranslator/Translator-HumanParityData")
    p.add_argument("--parity", required=True, help="git dir of laeubli/parity")
    p.add_argument("--chunks", type=int, default=0, help="also write all segments in chunks of N lines")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_msparity)
    p = sub.add_parser("nltk", help="edited prose: State of the Union, ABC news")
    p.add_argument("--nltk", required=True, help="git dir of nltk/nltk_data")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_nltk)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()

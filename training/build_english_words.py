#!/usr/bin/env python3
"""Build the English word table (``lintnews/data/english-words.txt``) from pyspellchecker's list.

lintnews reads English word frequencies (is a word English? how common is it?) from
pyspellchecker's English list (``resources/en.json.gz`` of pyspellchecker 0.9.x).  Parsed
as JSON, its 160,572 words take about 0.1 s to load, a third of a one-file run; the table
built here holds the same words and counts in a form that is read without being parsed:

- line 1, a header: ``# lintnews English words v1`` and ``key=value`` fields (the number
  of buckets, the longest word, the letters of all words, the source and its SHA-256);
- then the buckets, separated by a tab: bucket ``i`` holds, as ``\\nword count`` lines
  (each bucket starts and ends with a newline), the words whose CRC-32 of their UTF-8
  bytes is ``i`` modulo the number of buckets, in alphabetical order.

A lookup (``lintnews.analyses.dictionary``) hashes the word, takes its bucket (about 20
words) and finds ``\\nword `` in it.  Nothing is downloaded: the input is the installed
pyspellchecker's file, checked against its SHA-256 (the list lintnews has always used).

    python training/build_english_words.py [--output lintnews/data/english-words.txt]

Licence: pyspellchecker is MIT (Tyler Barrus); its English list is derived from the
OpenSubtitles frequency lists of hermitdave/FrequencyWords (content CC BY-SA 4.0); see
``lintnews/data/NOTICE-english-words.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pkgutil
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "lintnews" / "data" / "english-words.txt"
SOURCE = "pyspellchecker-0.9.1:resources/en.json.gz"
SOURCE_SHA256 = "2474a48af86fd81dccea9edd0bba6cd36dd2ecedc0ae217cefcb233bba28613c"
BUCKETS = 8192


def read_source() -> dict[str, int]:
    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz") or b""
    digest = hashlib.sha256(packed).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"pyspellchecker's resources/en.json.gz has SHA-256 {digest}, not the pinned {SOURCE_SHA256} (pyspellchecker 0.9.1)")
    return json.loads(gzip.decompress(packed))


def table_text(words: dict[str, int], buckets: int = BUCKETS) -> str:
    """The table of ``words`` (word -> count), as lintnews.analyses.dictionary reads it."""
    for word, count in words.items():
        if not word or any(c.isspace() for c in word) or not isinstance(count, int) or count < 1:
            raise SystemExit(f"cannot store {word!r} {count!r}: a word has no white space, a count is a whole number above 0")
    rows: list[list[str]] = [[] for _ in range(buckets)]
    for word in sorted(words):
        rows[zlib.crc32(word.encode("utf-8")) % buckets].append(f"{word} {words[word]}\n")
    letters = "".join(sorted(set("".join(words))))
    header = (
        f"# lintnews English words v1 buckets={buckets} words={len(words)} longest={max(map(len, words))}"
        f" letters={letters} source={SOURCE} sha256={SOURCE_SHA256}"
    )
    return header + "\n" + "\t".join("\n" + "".join(row) for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    text = table_text(read_source())
    args.output.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.output} ({len(text.encode('utf-8')):,} bytes)")


if __name__ == "__main__":
    main()

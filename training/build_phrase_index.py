"""Write ``lintnews/data/phrases-v1-index.txt``: the phrase table of M103 and M104
(``phrases-v1.tsv.gz``, built by ``training/build_phrase_table.py``) in the derived form a
run reads without a loop in Python (:func:`lintnews.analyses.phrases.derive`), so that
the start-up of a run does not unzip and index the table row by row (issue 19).

    python training/build_phrase_index.py [--check]

The first line names the size and CRC-32 of the table it was made from: a run reads the
derived form only while the table is that one, and derives it from the table otherwise
(same result, about 40 ms slower).  ``build_phrase_table.py`` runs this after writing
the table; ``tests/test_phrase_index.py`` fails while the file is stale.
"""

from __future__ import annotations

import gzip
import sys

from lintnews.analyses.phrases import derive, index_path, index_stamp, table_path


def index_text() -> str:
    """The derived form of the shipped table, with its first line."""
    data = table_path().read_bytes()
    return index_stamp(data) + "\n" + derive(gzip.decompress(data).decode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = index_text()
    out = index_path()
    if "--check" in argv:
        if not out.is_file() or out.read_bytes() != text.encode("utf-8"):
            print(f"{out} is stale: run python training/build_phrase_index.py", file=sys.stderr)
            return 1
        print(f"{out}: identical to a rebuild")
        return 0
    out.write_bytes(text.encode("utf-8"))
    print(f"wrote {out} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every finding and document score on the sample articles and a small generated corpus
is byte for byte what it was when the snapshot was recorded.

A change to the engine, the analyses or the reporters must not change a single byte here;
a change to a rule that is meant to change what it finds re-records the snapshot in the
same commit, so that the review sees every finding that moved::

    LINTNEWS_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_outputs_unchanged.py

The larger comparison (clean-en, the zh-en systems, a wmt22 pair, 1,000 generated
articles) is ``benchmarks/compare_outputs.py``, run against outputs recorded from the
older code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpusgen import generate

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "outputs"
UPDATE = os.environ.get("LINTNEWS_UPDATE_SNAPSHOTS") == "1"
#: Every rule but the LanguageTool backend (it needs a server): D101 scores every document.
SELECTION = ["--select", "ALL", "--ignore", "L101"]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("outputs")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    generate(ROOT / "seeds", work / "generated", 40)
    return work


def lintnews_json(folder: str, cwd: Path) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "lintnews", "--format", "json", "--exit-zero", "--no-cache", "--jobs", "1", *SELECTION, folder],
        capture_output=True,
        cwd=cwd,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


@pytest.mark.parametrize("folder", ["seeds", "generated"])
def test_findings_and_scores_are_byte_identical_to_the_snapshot(corpora, folder):
    now = lintnews_json(folder, corpora)
    snapshot = SNAPSHOTS / f"{folder}.json"
    if UPDATE:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(now)
    assert snapshot.is_file(), f"no snapshot {snapshot}: record it with LINTNEWS_UPDATE_SNAPSHOTS=1"
    recorded = snapshot.read_bytes()
    if now != recorded:
        import difflib

        diff = difflib.unified_diff(recorded.decode().splitlines(), now.decode().splitlines(), "recorded", "now", lineterm="", n=2)
        pytest.fail("output changed (re-record only if the change is meant):\n" + "\n".join(list(diff)[:60]))


def test_the_generated_corpus_gives_the_corpus_rules_work(corpora):
    """The small corpus is worth comparing: names spelled two ways across documents."""
    assert b'"N101"' in lintnews_json("generated", corpora)

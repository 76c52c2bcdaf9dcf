"""The shipped document-score model is exactly what the training script makes.

``training/train_mtscore.py`` reads the public corpora (WMT22 translations into English and
original English news) from ``../shared/corpora``, which sits beside the repository in this
workplace and in its CI but is not redistributable, so a user's fresh clone has no copy:
there the test is skipped.  Where the corpora are present it must pass, so a change to
the feature extraction, the training script or the model file that breaks reproducibility
is caught.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

CORPORA = REPO_ROOT.parent / "shared" / "corpora"
HAVE_CORPORA = (CORPORA / "wmt22-toen" / "manifest.tsv").is_file() and (CORPORA / "clean-en").is_dir()


@pytest.mark.skipif(not HAVE_CORPORA, reason="the training corpora (../shared/corpora) are not beside this checkout")
def test_the_training_script_reproduces_the_shipped_model(repo_root: Path, tmp_path: Path):
    shipped = repo_root / "lintnews" / "models" / "mtscore-v2.json"
    retrained = tmp_path / "mtscore-v2.json"
    command = [
        sys.executable,
        str(repo_root / "training" / "train_mtscore.py"),
        "--wmt", str(CORPORA / "wmt22-toen"),
        "--clean", str(CORPORA / "clean-en"),
        "--seeds", str(repo_root / "seeds"),
        "--out", str(retrained),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    new, old = json.loads(retrained.read_text(encoding="utf-8")), json.loads(shipped.read_text(encoding="utf-8"))
    differing = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    assert not differing, f"retrained model differs from the shipped one in {differing}"
    assert retrained.read_bytes() == shipped.read_bytes()
    assert "seeds" in done.stdout.lower()  # the report scored the seed articles too

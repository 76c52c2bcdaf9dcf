"""The corpus index (``cache-dir``): a run over a few files with the archive as corpus
reports, for those files, exactly what a full run reports; the index follows files added,
changed and deleted; concurrent runs and runs killed at any moment leave it usable; a
damaged or foreign file is reported in one line and rebuilt.

The corpora are generated (:mod:`corpusgen`: seed paragraphs shuffled into articles, people
whose names recur and are sometimes misspelled), so the name, title and house-style rules
have work across documents; Hypothesis chooses the files given and the edits.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS_DIR, cli_env, lintnews_executable, property_settings, run_lintnews
from corpusgen import PEOPLE, generate
from lintnews.api import configured_rules, lint_paths
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.run.config import Config

ARTICLES = 40


def _rules():
    config = Config()
    return config, configured_rules(config)


def _handle(cache: Path) -> DocumentCache:
    config, rules = _rules()
    return DocumentCache(cache, rules_fingerprint(rules, config.rule_packs))


def _as_tuples(findings) -> list[tuple]:
    return [(f.path, f.line, f.column, f.code, f.message, f.suggestion, f.related) for f in findings]


def _full(folder: str) -> list[tuple]:
    config, rules = _rules()
    return _as_tuples(lint_paths([folder], config, rules).findings)


def _incremental(folder: str, files: list[str], cache: Path) -> tuple[list[tuple], DocumentCache]:
    config, rules = _rules()
    handle = _handle(cache)
    result = lint_paths(files, config, rules, corpus=[folder], cache=handle)
    return _as_tuples(result.findings), handle


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    """A generated archive, its full run, and an index built by a first incremental run."""
    root = tmp_path_factory.mktemp("archive")
    folder = root / "articles"
    generate(SEEDS_DIR, folder, ARTICLES, seed=11, variant_rate=0.3)
    full = _full(str(folder))
    assert {f[3] for f in full} >= {"N101", "C102", "T101"}, "the corpus should give the corpus rules work"
    files = sorted(str(p) for p in folder.iterdir())
    _incremental(str(folder), files[:1], root / "cache")
    return root, files, full


@property_settings(12)
@given(data=st.data())
def test_some_files_against_the_index_report_what_the_full_run_reports(archive, data):
    root, files, full = archive
    chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=4, unique=True))
    got, handle = _incremental(str(root / "articles"), chosen, root / "cache")
    assert got == [f for f in full if f[0] in chosen]
    assert handle.misses == 0  # nothing changed: every document came from the index


def _mutate(rng: random.Random, folder: Path) -> None:
    """Add, change and delete articles, with names the archive knows (and misspellings)."""
    files = sorted(folder.iterdir())
    for path in rng.sample(files, 2):
        given_name, surname, variants = rng.choice(PEOPLE)
        text = path.read_text(encoding="utf-8")
        path.write_text(text + f"Spokesman {rng.choice(variants)} said {given_name} {surname} would stay.\n", encoding="utf-8")
    rng.choice(files).unlink()
    given_name, surname, variants = rng.choice(PEOPLE)
    (folder / f"new{rng.randrange(10**6):06d}.txt").write_text(
        f"Foreign Minister {given_name} {rng.choice([surname, *variants])} said the colour of the cease-fire was clear.\n",
        encoding="utf-8",
    )


@property_settings(6)
@given(seed=st.integers(0, 10**6), picks=st.integers(1, 3))
def test_after_files_are_added_changed_and_deleted_the_index_still_agrees(tmp_path_factory, seed, picks):
    root = tmp_path_factory.mktemp("changing")
    folder = root / "articles"
    generate(SEEDS_DIR, folder, 24, seed=seed % 1000, variant_rate=0.3)
    files = sorted(str(p) for p in folder.iterdir())
    _incremental(str(folder), files[:1], root / "cache")
    rng = random.Random(seed)
    _mutate(rng, folder)
    files = sorted(str(p) for p in folder.iterdir())
    chosen = rng.sample(files, picks)
    got, handle = _incremental(str(folder), chosen, root / "cache")
    assert got == [f for f in _full(str(folder)) if f[0] in chosen]
    assert 1 <= handle.misses <= 3  # the changed and added files only
    (index,) = (root / "cache").glob("index-*.sqlite")
    with sqlite3.connect(index) as db:
        (count,) = db.execute("SELECT count(*) FROM docs").fetchone()
    assert count == len(files)  # the deleted file is forgotten


def test_a_full_run_through_the_index_is_byte_identical(tmp_path):
    generate(SEEDS_DIR, tmp_path / "articles", 30, seed=5, variant_rate=0.3)
    cold = run_lintnews(["--format", "json", "articles"], cwd=tmp_path)
    first = run_lintnews(["--format", "json", "--cache-dir", "cache", "articles"], cwd=tmp_path)
    warm = run_lintnews(["--format", "json", "--cache-dir", "cache", "articles"], cwd=tmp_path)
    assert cold.stdout == first.stdout == warm.stdout
    assert first.stderr == warm.stderr == ""


def _index_of(cache: Path) -> Path:
    (index,) = cache.glob("index-*.sqlite")
    return index


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign-database", "another-version", "damaged-entry", "forged-type"])
def test_a_damaged_or_foreign_index_is_reported_in_one_line_and_rebuilt(tmp_path, damage):
    generate(SEEDS_DIR, tmp_path / "articles", 12, seed=3, variant_rate=0.3)
    args = ["--format", "json", "--cache-dir", "cache", "--corpus", "articles", "articles/0001_gen.txt"]
    good = run_lintnews(args, cwd=tmp_path)
    index = _index_of(tmp_path / "cache")
    if damage == "garbage":
        index.write_bytes(b"\x00\xff not a database at all \x9c" * 100)
    elif damage == "truncated":
        data = index.read_bytes()
        index.write_bytes(data[: len(data) // 3])
    elif damage == "foreign-database":
        index.unlink()
        with sqlite3.connect(index) as db:
            db.execute("CREATE TABLE customers(name TEXT)")
    else:
        with sqlite3.connect(index) as db:
            if damage == "another-version":
                db.execute("UPDATE meta SET value = '999' WHERE name = 'version'")
            elif damage == "damaged-entry":
                db.execute("UPDATE slices SET data = substr(data, 1, length(data) / 2)")
                db.execute("UPDATE docs SET result = substr(result, 1, length(result) / 2)")
            else:  # a well-formed entry naming a class that is not a fact type
                import zlib

                from lintnews.run.index import _ZDICT

                packer = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
                forged = packer.compress(b'{"c": "os.system", "v": ["echo forged"]}') + packer.flush()
                db.execute("UPDATE slices SET data = ?", (forged,))
                db.execute("UPDATE docs SET result = ?", (forged,))
    again = run_lintnews(args, cwd=tmp_path)
    assert again.stdout == good.stdout
    lines = again.stderr.splitlines()
    assert len(lines) == 1 and "corpus index" in lines[0] and "rebuilt" in lines[0], again.stderr
    third = run_lintnews(args, cwd=tmp_path)
    assert (third.stdout, third.stderr) == (good.stdout, "")


def test_two_runs_at_once_share_the_index(tmp_path):
    generate(SEEDS_DIR, tmp_path / "articles", 60, seed=8, variant_rate=0.3)
    want = run_lintnews(["--format", "json", "--corpus", "articles", "articles/0003_gen.txt", "articles/0040_gen.txt"], cwd=tmp_path)
    args = [lintnews_executable(), "--format", "json", "--jobs", "1", "--cache-dir", "cache", "--corpus", "articles"]
    procs = [
        subprocess.Popen([*args, "articles/0003_gen.txt", "articles/0040_gen.txt"], cwd=tmp_path, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for out, err in outs:
        assert out.decode() == want.stdout and err.decode() == ""
    again = run_lintnews(args[1:] + ["articles/0003_gen.txt", "articles/0040_gen.txt"], cwd=tmp_path)
    assert (again.stdout, again.stderr) == (want.stdout, "")


@pytest.mark.parametrize("kills", [10, pytest.param(50, marks=pytest.mark.slow)])
def test_runs_killed_at_random_moments_never_leave_a_wrong_index(tmp_path, kills):
    """Runs killed (SIGKILL) after a random short delay while they build or update the
    index; after every fifth, a run through the index prints what a run without it prints.
    The default run kills 10 (about 10 s); CI kills 50 (a minute, marked ``slow``)."""
    folder = tmp_path / "articles"
    generate(SEEDS_DIR, folder, 40, seed=21, variant_rate=0.3)
    rng = random.Random(1)
    files = sorted(f"articles/{p.name}" for p in folder.iterdir())
    args = [lintnews_executable(), "--format", "json", "--jobs", "1", "--cache-dir", "cache", "--corpus", "articles"]
    checked = 0
    for kill in range(kills):
        if kill % 5 == 0:  # change the archive now and then, so there is something to write
            path = folder / rng.choice(files).split("/", 1)[1]
            given_name, surname, variants = rng.choice(PEOPLE)
            path.write_text(path.read_text(encoding="utf-8") + f"{given_name} {rng.choice(variants)} said so.\n", encoding="utf-8")
        if kill % 10 == 0:  # and start again from nothing
            for stale in (tmp_path / "cache").glob("*"):
                stale.unlink()
        proc = subprocess.Popen([*args, rng.choice(files)], cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if kill % 5 == 4:  # bounded in time: the check costs two runs
            chosen = rng.choice(files)
            fresh = run_lintnews(["--format", "json", "--corpus", "articles", chosen], cwd=tmp_path)
            through = run_lintnews(["--format", "json", "--cache-dir", "cache", "--corpus", "articles", chosen], cwd=tmp_path)
            assert through.stdout == fresh.stdout and through.stderr == ""
            checked += 1
    assert checked == kills // 5


NAMES_A = "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had hit the city on Saturday.\n"
NAMES_B = "Interior Ministry spokesman Tariq Erian said the attack had killed eight people.\n"


def _git(args: list[str], cwd: Path) -> None:
    env = cli_env({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t.invalid"})
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="git is not installed")
def test_in_a_git_repository_some_files_are_checked_against_the_tracked_articles(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "a.txt").write_text(NAMES_A, encoding="utf-8")
    (repo / "articles" / "b.txt").write_text(NAMES_B, encoding="utf-8")
    (repo / "draft.txt").write_text("Tariq Erian said so, in a file nobody tracks.\n", encoding="utf-8")
    _git(["init", "-q"], repo)
    _git(["add", "articles"], repo)
    _git(["commit", "-q", "-m", "articles"], repo)
    proc = run_lintnews(["articles/b.txt"], cwd=repo)
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.startswith("articles/b.txt:1:35: N101 ") and "'Arian' at a:1" in proc.stdout
    assert list((repo / ".git" / "lintnews").glob("index-*.sqlite"))  # the index is kept in the git folder
    assert run_lintnews(["articles/b.txt"], cwd=repo).stdout == proc.stdout
    # From a subfolder, with paths as that folder shows them.
    inside = run_lintnews(["b.txt"], cwd=repo / "articles")
    assert inside.stdout == proc.stdout.replace("articles/b.txt", "b.txt")
    # A folder given is a whole run (no corpus added); --no-cache keeps the git corpus.
    assert run_lintnews(["--no-cache", "articles/b.txt"], cwd=repo).stdout == proc.stdout
    assert run_lintnews(["articles"], cwd=repo).stdout.count("N101") == 2

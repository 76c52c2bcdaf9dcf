"""The corpus context (``--corpus``, ``corpus = [...]``) and the per-document cache.

Context files are read by the corpus rules (names, titles, spelling consistency) but no
finding located in them is reported: linting a subset of the articles with the rest as
context reports, for the subset, exactly what linting everything reports.  This is what
keeps pre-commit's partial runs correct.

The cache (``--cache-dir``, ``cache-dir = ...``) is the corpus index
(:mod:`lintnews.run.index`): each document's per-document result and corpus facts, kept
with its stat and content hash, in one SQLite file per fingerprint of everything else
that decides the result (version, selected rules, rule data, vocabularies) and per corpus.
A cached run prints exactly what an uncached one prints; a damaged index is reported in
one line and rebuilt; ``--no-cache`` neither reads nor writes it.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_seeds, json_findings, run_lintnews, seed_files, tree_snapshot
from lintnews.api import configured_rules, lint_paths
from lintnews.run.cache import DocumentCache, decode, encode, rules_fingerprint
from lintnews.run.index import _pack, _unpack
from lintnews.run.config import Config, load_config

NAMES_A = "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had hit the city on Saturday.\n"
NAMES_B = "Interior Ministry spokesman Tariq Erian said the attack had killed eight people.\n"


# -- corpus context ------------------------------------------------------------------------


@pytest.fixture
def newsroom(write_files) -> Path:
    return write_files(
        {
            "articles/a.txt": NAMES_A + "The talks were a difficult issue. .\n",  # its own P101
            "articles/b.txt": NAMES_B,
            "articles/c.txt": "The council met on Tuesday.\n\nSource link\n",  # its own W101
        }
    )


def test_corpus_context_reports_the_variant_in_the_given_file_only(newsroom):
    proc = run_lintnews(["--format", "json", "--corpus", "articles", "articles/b.txt"], cwd=newsroom)
    assert proc.returncode == 1, proc.stderr
    findings = json_findings(proc.stdout)
    assert [(f["path"], f["line"], f["code"]) for f in findings] == [("articles/b.txt", 1, "N101")]
    (variant,) = findings
    assert "'Arian' at a:1" in variant["message"]
    assert [r["path"] for r in variant["related"]] == ["articles/a.txt"]  # points to the context file
    # Without the context the file alone has nothing to compare with.
    alone = run_lintnews(["--format", "json", "articles/b.txt"], cwd=newsroom)
    assert (alone.returncode, json_findings(alone.stdout)) == (0, [])


def test_corpus_from_the_configuration_relative_to_its_folder(newsroom):
    (newsroom / "lintnews.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
    (newsroom / "desk").mkdir()
    proc = run_lintnews(["../articles/b.txt"], cwd=newsroom / "desk")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("../articles/b.txt:1:") and " N101 " in proc.stdout
    assert proc.stdout.count("\n") == 1


def test_a_missing_corpus_folder_is_an_input_error(newsroom):
    proc = run_lintnews(["--corpus", "no-such-folder", "articles/b.txt"], cwd=newsroom)
    assert proc.returncode == 2
    assert "no-such-folder" in proc.stderr and "Traceback" not in proc.stderr


def test_fix_with_a_corpus_does_not_touch_the_context_files(newsroom):
    before = tree_snapshot(newsroom / "articles")
    (newsroom / "articles" / "b.txt").write_text(NAMES_B + "It rained. .\n", encoding="utf-8")
    before["b.txt"] = ((newsroom / "articles" / "b.txt").read_bytes(), 0)
    proc = run_lintnews(["--fix", "--corpus", "articles", "articles/b.txt"], cwd=newsroom)
    assert "fixed 1 problem in 1 file" in proc.stderr
    after = tree_snapshot(newsroom / "articles")
    assert after["a.txt"] == before["a.txt"] and after["c.txt"] == before["c.txt"]
    assert after["b.txt"][0] == (NAMES_B + "It rained.\n").encode("utf-8")


@pytest.fixture(scope="module")
def seeds_full_run(tmp_path_factory: pytest.TempPathFactory):
    root = copy_seeds(tmp_path_factory.mktemp("corpus-seeds"))
    proc = run_lintnews(["seeds"], cwd=root)
    assert proc.returncode == 1
    return root, proc.stdout.splitlines()


@pytest.mark.parametrize("index", range(5))
def test_one_seed_with_the_rest_as_context_reports_what_the_full_run_reports_for_it(seeds_full_run, index):
    root, full = seeds_full_run
    rel = f"seeds/{seed_files()[index].name}"
    proc = run_lintnews(["--corpus", "seeds", rel], cwd=root)
    assert proc.stdout.splitlines() == [line for line in full if line.startswith(rel + ":")]


def test_a_subset_given_in_reverse_order_with_an_absolute_context_path(seeds_full_run):
    root, full = seeds_full_run
    subset = [f"seeds/{p.name}" for p in seed_files()[2:0:-1]]  # 002, 001
    proc = run_lintnews(["--corpus", root / "seeds", *subset], cwd=root)
    assert proc.stdout.splitlines() == [line for line in full if line.startswith(tuple(p + ":" for p in subset))]


# -- the cache: the corpus index ----------------------------------------------------------


def index_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("index-*.sqlite"))


def indexed_paths(cache: Path) -> list[str]:
    (index,) = index_files(cache)
    with sqlite3.connect(index) as db:
        return sorted(path for (path,) in db.execute("SELECT path FROM docs"))


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the seeds, an uncached report, and the index one run leaves."""
    root = copy_seeds(tmp_path_factory.mktemp("cache"))
    uncached = run_lintnews(["--format", "json", "seeds"], cwd=root)
    first = run_lintnews(["--format", "json", "--cache-dir", "cache", "seeds"], cwd=root)
    return root, uncached.stdout, first


@pytest.fixture
def project(cached, tmp_path) -> Path:
    root, _, _ = cached
    copy = tmp_path / "project"
    shutil.copytree(root, copy)
    return copy


def test_a_cached_run_prints_byte_identical_output(cached, project):
    _, uncached, first = cached
    assert first.stdout == uncached
    second = run_lintnews(["--format", "json", "--cache-dir", "cache", "seeds"], cwd=project)
    assert second.stdout == uncached
    assert second.returncode == first.returncode == 1


def test_one_index_file_holding_every_document_and_nothing_else(cached):
    root, _, _ = cached
    files = sorted(p for p in (root / "cache").rglob("*") if p.is_file())
    assert files == index_files(root / "cache")  # no journal or temporary files left
    assert indexed_paths(root / "cache") == [f"seeds/{p.name}" for p in seed_files()]


def _api_run(root: Path, monkeypatch, config: Config | None = None) -> tuple[DocumentCache, list]:
    """The CLI's cache, used through the API: its hit and miss counts show what was reused."""
    monkeypatch.chdir(root)
    config = config or Config()
    rules = configured_rules(config)
    cache = DocumentCache("cache", rules_fingerprint(rules, config.rule_packs))
    result = lint_paths(["seeds"], config, rules, cache=cache)
    return cache, result.findings


def test_the_second_run_reuses_every_entry(project, monkeypatch):
    cache, findings = _api_run(project, monkeypatch)
    assert (cache.hits, cache.misses) == (5, 0)
    assert findings


def test_an_edited_file_is_linted_again(project, cached, monkeypatch):
    _, uncached, _ = cached
    article = project / "seeds" / seed_files()[4].name
    article.write_text(article.read_text(encoding="utf-8") + "\n\nIt rained all day. .\n", encoding="utf-8")
    proc = run_lintnews(["--format", "json", "--cache-dir", "cache", "seeds"], cwd=project)
    fresh = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert proc.stdout == fresh.stdout != uncached
    assert len(indexed_paths(project / "cache")) == 5  # the edited document replaced its entry
    cache, _ = _api_run(project, monkeypatch)
    assert (cache.hits, cache.misses) == (5, 0)


def test_a_file_touched_but_unchanged_is_read_not_linted(project, monkeypatch):
    article = project / "seeds" / seed_files()[1].name
    article.write_bytes(article.read_bytes())  # a new modification time, the same content
    cache, _ = _api_run(project, monkeypatch)
    assert (cache.hits, cache.misses) == (5, 0)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_index_is_reported_in_one_line_and_rebuilt(project, cached, monkeypatch, damage):
    _, uncached, _ = cached
    (index,) = index_files(project / "cache")
    good = index.read_bytes()
    index.write_bytes(b"\x00\xff not a database \x9c" * 50 if damage == "garbage" else good[: len(good) // 2])
    proc = run_lintnews(["--format", "json", "--cache-dir", "cache", "seeds"], cwd=project)
    assert proc.stdout == uncached  # the damaged index was not trusted
    assert "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1 and "rebuilt" in proc.stderr
    cache, _ = _api_run(project, monkeypatch)
    assert (cache.hits, cache.misses) == (5, 0)


def test_changing_the_vocabulary_changes_the_fingerprint(project, monkeypatch):
    (project / "lintnews.toml").write_text('cache-dir = "cache"\n', encoding="utf-8")
    first = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert any(f["code"] == "S101" and "mentionned" in f["message"] for f in json_findings(first.stdout))
    (project / "lintnews.toml").write_text('cache-dir = "cache"\nvocabulary = ["mentionned"]\n', encoding="utf-8")
    second = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert not any("mentionned" in f["message"] for f in json_findings(second.stdout))  # no stale reuse
    assert len(index_files(project / "cache")) == 2
    plain = load_config(None)
    vocab = load_config(project / "lintnews.toml")
    assert rules_fingerprint(configured_rules(plain)) != rules_fingerprint(configured_rules(vocab))


# A value other than the default for every option a built-in rule reads.
CHANGED = {
    "accept": ["mentionned"],
    "reject": ["Zabiullah"],
    "rules.D101.threshold": 0.5,
    "rules.L101.server": "http://127.0.0.1:9",
    "rules.L101.language": "en-GB",
    "rules.L101.categories": ["GRAMMAR"],
    "rules.L101.timeout": 5,
    "rules.L101.chunk-size": 500,
    "rules.L101.workers": 1,
    "rules.L101.cache": False,
    "rules.T103.people": [{"name": "Jane Smith", "country": "US", "office": "Mayor"}],
    "rules.T103.house-style": {"CN": {"head-of-government": ["Premier"]}},
    "rules.T103.report": {"CN": {"head-of-government": ["Premier Minister"]}},
    "rules.T103.ignore": ["Olaf Scholz"],
}


def test_every_setting_of_a_rule_is_part_of_the_fingerprint():
    """A rule's settings decide its findings: changing any one must miss the cache."""
    from lintnews.core.options import canonical_name
    from lintnews.run.options import builtin_rule_classes

    declared = {canonical_name(cls.code, o) for cls in builtin_rule_classes() for o in cls.options}
    assert set(CHANGED) == declared, "give every rule option a changed value here"
    base = rules_fingerprint(configured_rules(Config(), select=["ALL"]))
    for name, value in CHANGED.items():
        _, code, key = name.split(".") if name.startswith("rules.") else (None, None, name)
        config = Config(rules={code: {key: value}}) if code else Config(**{key: value})
        assert rules_fingerprint(configured_rules(config, select=["ALL"])) != base, name
    # the same settings under the older names give the same fingerprint
    older = Config(mt_threshold=0.5, vocabulary=["mentionned"])
    canonical = Config(rules={"D101": {"threshold": 0.5}}, accept=["mentionned"])
    assert rules_fingerprint(configured_rules(older)) == rules_fingerprint(configured_rules(canonical))


def test_changing_an_accept_file_changes_the_fingerprint(project):
    (project / "accept.txt").write_text("# nothing yet\n", encoding="utf-8")
    (project / "lintnews.toml").write_text('cache-dir = "cache"\naccept-file = "accept.txt"\n', encoding="utf-8")
    first = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert any("mentionned" in f["message"] for f in json_findings(first.stdout))
    (project / "accept.txt").write_text("mentionned\n", encoding="utf-8")
    second = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert not any("mentionned" in f["message"] for f in json_findings(second.stdout))


def test_the_selection_is_part_of_the_fingerprint(project):
    only_p = run_lintnews(["--format", "json", "--select", "P", "--cache-dir", "cache", "seeds"], cwd=project)
    assert {f["code"] for f in json_findings(only_p.stdout)} == {"P101", "P102"}
    everything = run_lintnews(["--format", "json", "--cache-dir", "cache", "seeds"], cwd=project)
    fresh = run_lintnews(["--format", "json", "seeds"], cwd=project)
    assert everything.stdout == fresh.stdout


def forge(cache: Path, rel: str, message: str) -> None:
    """Rewrite the first finding's message in the index entry of ``rel``, as a valid entry
    (an index can be forged by whoever can write it; this shows whether a run read it)."""
    (index,) = index_files(cache)
    with sqlite3.connect(index) as db:
        (blob,) = db.execute("SELECT result FROM docs WHERE path = ?", (rel,)).fetchone()
        result = _unpack(blob, rel, {})
        db.execute("UPDATE docs SET result = ? WHERE path = ?", (_pack(_with_first_message(result, message), rel), rel))


def _with_first_message(result, message: str):
    first = dataclasses.replace(result.findings[0], message=message)
    return dataclasses.replace(result, findings=[first, *result.findings[1:]])


def test_no_cache_neither_writes_nor_reads(project, cached):
    _, uncached, _ = cached
    (project / "lintnews.toml").write_text('cache-dir = "other-cache"\n', encoding="utf-8")
    for args in (["--no-cache"], ["--no-cache", "--cache-dir", "third-cache"]):
        proc = run_lintnews(["--format", "json", *args, "seeds"], cwd=project)
        assert proc.stdout == uncached
    assert not (project / "other-cache").exists() and not (project / "third-cache").exists()
    # Nor does it read: a forged entry shows with the cache, and not with --no-cache.
    forge(project / "cache", "seeds/002_38a747c9cd03c8b7.txt", "FORGED")
    snapshot = tree_snapshot(project / "cache")
    assert "FORGED" in run_lintnews(["--cache-dir", "cache", "seeds"], cwd=project).stdout
    snapshot = tree_snapshot(project / "cache")
    assert "FORGED" not in run_lintnews(["--no-cache", "--cache-dir", "cache", "seeds"], cwd=project).stdout
    assert tree_snapshot(project / "cache") == snapshot


def test_cache_dir_in_the_configuration_is_relative_to_its_folder(project):
    (project / "lintnews.toml").write_text('cache-dir = ".lintnews-cache"\n', encoding="utf-8")
    (project / "desk").mkdir()
    proc = run_lintnews(["../seeds"], cwd=project / "desk")
    assert proc.returncode == 1
    assert len(indexed_paths(project / ".lintnews-cache")) == 5
    assert list((project / "desk").iterdir()) == []


def test_suppression_markers_survive_the_cache(write_files):
    root = write_files(
        {
            "a.txt": "The talks were a difficult issue. . <!-- lintnews: disable-line=P101 -->\nIt rained all day. .\n",
            "b.md": "# Weather\n\nIt was fine. <!-- lintnews: disable-line=P101 -->\n",
        }
    )
    uncached = run_lintnews(["a.txt", "b.md"], cwd=root)
    assert [line.split(" ")[:2] for line in uncached.stdout.splitlines()] == [["a.txt:2:18:", "P101"], ["b.md:3:14:", "X100"]]
    for _ in range(2):  # writing the cache, then reading it
        assert run_lintnews(["--cache-dir", "cache", "a.txt", "b.md"], cwd=root).stdout == uncached.stdout
    assert len(indexed_paths(root / "cache")) == 2


def test_entries_read_back_share_their_repeated_strings_and_sets():
    # A corpus read from the index repeats names and evidence sets thousands of times:
    # one copy of each is kept (memory).
    from lintnews.run.pipeline import lint_document
    from lintnews.core.document import make_document

    rules = configured_rules(Config())
    texts = ["Spokesman Tariq Arian said the road was closed.\n", "Later Tariq Arian said so again.\n"]
    encoded = [json.dumps(encode(lint_document(make_document(f"{i}.txt", t), rules))) for i, t in enumerate(texts)]
    shared: dict = {}
    first, second = (decode(e, shared) for e in encoded)
    a, b = first.facts["N101"].mentions[0], second.facts["N101"].mentions[0]
    assert a.words == b.words == ("Tariq", "Arian")
    assert a.words[1] is b.words[1] and a.evidence is b.evidence
    assert decode(encoded[0]) == first  # sharing changes no value


def test_a_document_path_is_not_stored_in_its_entry_and_is_given_back():
    from lintnews.core.corpus import Loc

    loc = Loc("a.txt", 0, 4, 1, 1, 1, 5)
    text = json.dumps(encode([loc, "a.txt", "b.txt"], path="a.txt"))
    assert "a.txt" not in text
    assert decode(text, path="c.txt") == [Loc("c.txt", 0, 4, 1, 1, 1, 5), "c.txt", "b.txt"]


def test_every_kind_of_value_reads_back_as_it_was_written():
    """Dicts are stored as pairs, so a dict whose key looks like a tag ("t", "c") or that
    holds nested containers reads back as itself."""
    from lintnews.core.corpus import Loc

    loc = Loc("a.txt", 0, 4, 1, 1, 1, 5)
    value = [
        {"t": (1, "two", None), "c": [loc, {"v": frozenset({"x", "y"})}], "": {}},
        (True, 2.5, "", [], ()),
        frozenset(),
    ]
    assert decode(json.dumps(encode(value))) == value


@pytest.mark.parametrize(
    "payload, why",
    [
        ('{"c": "Loc", "v": ["a.txt", 0, 4, 1, 1, 1, "5"]}', "Loc.end_column is a str"),
        ('{"c": "Loc", "v": ["a.txt", 0, 4, 1, 1, 1, true]}', "Loc.end_column is a bool"),
        ('{"c": "Loc", "v": ["a.txt", 0, 4, 1, 1, 1]}', "Loc: 7 fields expected"),
        ('{"c": "os.system", "v": ["ls"]}', "unknown type 'os.system'"),
        ('{"d": {"C101": []}}', "untagged object"),  # the format before dicts were pairs
        ('{"d": [["C101"]]}', "untagged object"),
        ('{"d": [[1, []]]}', "untagged object"),
        ('{"t": [1], "s": [2]}', "untagged object"),
    ],
)
def test_what_encode_could_not_have_written_is_refused(payload: str, why: str):
    with pytest.raises(ValueError, match=f"^{why}$".replace("(", r"\(").replace(")", r"\)")):
        decode(payload)

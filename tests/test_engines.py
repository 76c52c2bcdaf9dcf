"""Engines: ``--jobs`` and ``--engine dask`` give the findings of a one-process run, byte
for byte; the parallel paths really run elsewhere; progress goes to a terminal only.

The generated corpus (:mod:`corpusgen`) has people whose names recur across a few hundred
articles with misspellings, so the corpus rules (N101, T101, C102) see facts from every
partition: an engine that lost, reordered or duplicated facts would change the report.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env, long_runs_wanted
from corpusgen import generate
from lintnews.api import configured_rules, lint_paths, lint_texts
from lintnews.run.config import Config
from lintnews.core.corpus import Corpus
from lintnews.core.document import Document
from lintnews.run.pipeline import finish, lint_document
from lintnews.run.executors import local
from lintnews.run.files import InputError, expand_paths
from lintnews.core.rule import CorpusRule, DocumentRule
from lintnews.report import Report, render

dask_distributed = pytest.importorskip("dask.distributed")

#: Enough articles for several chunks per worker and corpus-rule work across documents;
#: CI (and LINTNEWS_SLOW_TESTS=1) lints three times as many.
GENERATED_ARTICLES = 300 if long_runs_wanted() else 100


@pytest.fixture(scope="module")
def generated(tmp_path_factory, seeds_dir) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(seeds_dir, out, GENERATED_ARTICLES)
    return out


@pytest.fixture(scope="module")
def rules():
    return configured_rules(Config())


def json_of(findings, errors=()) -> str:
    return render("json", Report(findings, errors=errors))


def json_via_local(paths, rules, jobs, **kwargs) -> str:
    files, _ = expand_paths(paths)
    outcomes = local.run([(f, None) for f in files], rules, jobs=jobs, **kwargs)
    return json_of(finish([o.result for o in outcomes], rules))


@pytest.fixture(scope="module")
def reference(seeds_dir, generated, rules) -> dict[str, str]:
    """The one-process JSON of each corpus (the reference every engine must reproduce)."""
    return {name: json_via_local([str(path)], rules, jobs=1) for name, path in (("seeds", seeds_dir), ("generated", generated))}


def _lint(docs, rules):
    """Documents linted as one corpus, as a run does: findings deduplicated and sorted."""
    return finish([lint_document(doc, rules) for doc in docs], rules)


def test_the_generated_corpus_gives_the_corpus_rules_work(reference):
    codes = [f["code"] for f in json.loads(reference["generated"])["findings"]]
    for code in ("N101", "T101", "C102", "C101"):
        assert codes.count(code) >= 5, code


# -- --jobs -------------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_two_worker_processes_give_byte_identical_json(corpus, seeds_dir, generated, rules, reference):
    path = seeds_dir if corpus == "seeds" else generated
    assert json_via_local([str(path)], rules, jobs=2, min_parallel_items=0) == reference[corpus]


def test_spawned_workers_give_byte_identical_json(seeds_dir, rules, reference):
    assert json_via_local([str(seeds_dir)], rules, jobs=2, min_parallel_items=0, method="spawn") == reference["seeds"]


def test_with_an_index_workers_lint_once_and_the_next_run_reads_it(generated, rules, reference, tmp_path):
    from lintnews.api import lint_paths
    from lintnews.run.cache import DocumentCache
    from lintnews.run.config import Config

    files, _ = expand_paths([str(generated)])
    first = DocumentCache(tmp_path / "cache", "fingerprint")
    built = lint_paths(files, Config(), rules, cache=first, jobs=2)
    assert (first.hits, first.misses) == (0, len(files))
    second = DocumentCache(tmp_path / "cache", "fingerprint")
    again = lint_paths(files, Config(), rules, cache=second, jobs=2)
    assert (second.hits, second.misses) == (len(files), 0)  # what the workers linted was stored
    assert json_of(again.findings) == json_of(built.findings) == reference["generated"]


class _WhoLinted(CorpusRule):
    """Records the process that ran ``collect`` (to see where the work happened)."""

    code, name = "X990", "who-linted"

    def collect(self, doc: Document) -> int:
        return os.getpid()

    def check_corpus(self, corpus: Corpus):
        return iter(())


class _Echo(DocumentRule):
    """Reports every "echo" (once per entry of ``reports``: a message and a suggestion);
    declares that it leaves quoted speech alone."""

    code, name, reads_quotes = "X992", "echo", False
    reports: list[tuple[str, str | None]] = [("an echo", None)]

    def check(self, doc: Document):
        for m in re.finditer("echo", doc.text):
            for message, suggestion in self.reports:
                yield self.finding(doc, m.start(), m.end(), message, suggestion=suggestion)


class _EchoTwice(_Echo):
    """Reports each "echo" twice alike, once with a suggestion and once with another message."""

    code, name, reads_quotes = "X991", "echo-twice", True
    reports = [("an echo", None), ("an echo", None), ("an echo", "quiet"), ("another echo", None)]


def test_identical_findings_are_reported_once_and_findings_that_differ_each_once():
    findings = _lint([Document("a.txt", "One echo, two echo.\n")], [_EchoTwice()])
    assert [(f.column, f.message, f.suggestion) for f in findings] == [
        (5, "an echo", None),
        (5, "an echo", "quiet"),
        (5, "another echo", None),
        (15, "an echo", None),
        (15, "an echo", "quiet"),
        (15, "another echo", None),
    ]


class _EchoInQuotesToo(_Echo):
    code, name, reads_quotes = "X993", "echo-in-quotes-too", True


def test_a_document_rule_that_does_not_read_quotes_reports_nothing_inside_them():
    """The engine keeps the promise ``reads_quotes = False`` makes (the catalogue shows it),
    for a plugin's Python rule as for the data rule types."""
    text = 'An echo. He said: "an echo here" and \u201canother echo\u201d.\nA last echo.\n'
    doc = Document("a.txt", text)
    assert [(f.line, f.column) for f in _lint([doc], [_Echo()])] == [(1, 4), (2, 8)]
    assert len(_lint([Document("a.txt", text)], [_EchoInQuotesToo()])) == 4


def _pids(items, jobs, min_parallel_items=local.MIN_PARALLEL_ITEMS) -> set[int]:
    outcomes = local.run(items, [_WhoLinted()], jobs=jobs, min_parallel_items=min_parallel_items)
    return {o.result.facts["X990"] for o in outcomes}


def test_jobs_2_lints_in_worker_processes_and_jobs_1_in_this_one():
    items = [(f"d{i}.txt", "Some text.\n") for i in range(60)]
    workers = _pids(items, jobs=2)
    assert os.getpid() not in workers and len(workers) >= 1
    assert _pids(items, jobs=1) == {os.getpid()}


def test_a_handful_of_documents_starts_no_process():
    items = [(f"d{i}.txt", "Some text.\n") for i in range(5)]
    assert _pids(items, jobs=2) == {os.getpid()}


def test_outcomes_keep_the_order_of_the_items_and_input_errors(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9: not utf-8")  # no BOM: refused
    items = [(f"d{i:03d}.txt", f"Text {i}.\n") for i in range(80)]
    items.insert(40, (str(tmp_path / "bad.txt"), None))
    outcomes = local.run(items, [_WhoLinted()], jobs=2, min_parallel_items=0)
    assert [o.result.path for o in outcomes] == [path for path, _ in items]
    assert isinstance(outcomes[40].result, InputError)


# -- the Dask engine -------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_dask_engine_gives_byte_identical_json(corpus, seeds_dir, generated, rules, reference):
    from lintnews.run.executors import dask_cluster as dask_engine

    path = seeds_dir if corpus == "seeds" else generated
    files, _ = expand_paths([str(path)])
    # An odd number of partitions exercises the unpaired branch of the merge tree.
    run = dask_engine.run([(f, None) for f in files], rules, jobs=2, partitions=7, processes=False)
    assert len(run.corpus.paths) == len(files)
    assert run.corpus.paths == files  # the reduce keeps document order
    from lintnews.run.pipeline import finish_corpus

    findings = finish_corpus([f for o in run.outcomes for f in o.result.findings], run.corpus, rules)
    assert json_of(findings) == reference[corpus]


def test_corpus_merge_keeps_order_and_is_associative():
    a, b, c = Corpus(["a"], {"X": {"a": 1}}), Corpus(["b"], {"X": {"b": 2}, "Y": {"b": 3}}), Corpus(["c"], {"Y": {"c": 4}})
    left, right = a.merge(b).merge(c), a.merge(b.merge(c))
    assert left == right
    assert left.paths == ["a", "b", "c"] and list(left.facts["X"]) == ["a", "b"] and list(left.facts["Y"]) == ["b", "c"]
    assert a.paths == ["a"] and a.facts == {"X": {"a": 1}}  # merging changes neither side


def test_cli_jobs_and_dask_engine_match_one_process(run_cli, generated, reference):
    outputs = {}
    for args in (["--jobs", "1"], ["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]):
        proc = run_cli(["--format", "json", *args, str(generated)])
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr == ""
        outputs[" ".join(args)] = proc.stdout
    # Byte-identical across engines, document scores included; the findings are the reference's.
    assert len(set(outputs.values())) == 1
    (output,) = set(outputs.values())
    assert json.loads(output)["findings"] == json.loads(reference["generated"])["findings"]
    assert len(json.loads(output)["documents"]) == GENERATED_ARTICLES


def test_api_lint_texts_with_jobs_and_dask_engine(seeds_dir):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    one = lint_texts(texts)
    assert one, "the seeds have findings"
    assert lint_texts(texts, jobs=2) == one
    assert lint_texts(texts, engine="dask", jobs=1) == one


def test_api_lint_paths_counts_files_and_words_with_every_engine(seeds_dir):
    results = [lint_paths([str(seeds_dir)], jobs=j, engine=e) for j, e in ((1, "local"), (2, "local"), (1, "dask"))]
    assert {(r.files, r.words, len(r.findings)) for r in results} == {(results[0].files, results[0].words, len(results[0].findings))}
    assert results[0].files == 5 and results[0].words > 3000


def test_scheduler_without_the_dask_engine_is_an_error(run_cli, seeds_dir):
    proc = run_cli(["--scheduler", "tcp://127.0.0.1:8786", str(seeds_dir)])
    assert proc.returncode == 2 and "--engine dask" in proc.stderr and "Traceback" not in proc.stderr


def test_jobs_must_be_positive(run_cli, seeds_dir):
    proc = run_cli(["--jobs", "0", str(seeds_dir)])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_dask_engine_without_dask_is_one_clear_error(run_cli, seeds_dir, tmp_path):
    # A ``dask`` package that cannot be imported stands for an installation without it.
    fake = tmp_path / "nodask" / "dask"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('dask is not installed')\n")
    proc = run_cli(["--engine", "dask", str(seeds_dir)], env={"PYTHONPATH": str(fake.parent)})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines() == ["lintnews: error: the dask engine needs dask.distributed: pip install 'lintnews[dask]'"]


# -- progress and summary -------------------------------------------------------------------


def _run_with_terminal_stderr(args, cwd) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe."""
    from conftest import lintnews_executable

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [lintnews_executable(), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env=cli_env()
    )
    os.close(slave)
    stdout = proc.stdout.read().decode("utf-8")
    proc.wait(timeout=300)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.returncode, stdout, b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
def test_a_terminal_gets_a_progress_bar_and_a_summary_and_stdout_stays_clean(generated, reference):
    code, stdout, stderr = _run_with_terminal_stderr(["--format", "json", "--jobs", "2", str(generated)], cwd=generated)
    assert code == 1
    assert json.loads(stdout)["findings"] == json.loads(reference["generated"])["findings"]  # stdout untouched
    assert f"/{GENERATED_ARTICLES} files" in stderr  # the bar was drawn
    last = stderr.replace("\r", "\n").strip().splitlines()[-1]
    findings = len(json.loads(reference["generated"])["findings"])
    assert re.fullmatch(rf"lintnews: {GENERATED_ARTICLES} files, {findings} findings \([^)]*fixable with --fix\), [0-9.]+ s", last), last


def test_a_pipe_gets_no_progress_and_summary_only_on_request(run_cli, seeds_dir):
    quiet = run_cli(["--format", "json", str(seeds_dir)])
    assert quiet.stderr == ""
    asked = run_cli(["--format", "json", "--summary", str(seeds_dir)])
    assert asked.stdout == quiet.stdout
    lines = asked.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lintnews: 5 files, ") and "\r" not in asked.stderr


def test_a_local_cluster_logs_only_errors_and_leaves_the_settings_as_they_were(monkeypatch):
    import logging

    from lintnews.run.executors import dask_cluster as dask_engine

    monkeypatch.delenv("DASK_LOGGING__DISTRIBUTED", raising=False)
    logger = logging.getLogger("distributed")
    before = logger.level
    with dask_engine._quiet_local_cluster():
        # what the worker processes inherit, and this process's own logger
        assert os.environ["DASK_LOGGING__DISTRIBUTED"] == "error"
        assert logger.getEffectiveLevel() >= logging.ERROR
    assert "DASK_LOGGING__DISTRIBUTED" not in os.environ and logger.level == before
    # A level the user chose is theirs.
    monkeypatch.setenv("DASK_LOGGING__DISTRIBUTED", "debug")
    with dask_engine._quiet_local_cluster():
        assert os.environ["DASK_LOGGING__DISTRIBUTED"] == "debug" and logger.level == before
    assert os.environ["DASK_LOGGING__DISTRIBUTED"] == "debug"

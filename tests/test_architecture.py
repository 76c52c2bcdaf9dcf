"""The architecture, as a specification: layers, no import cycles, short stages, analyses
computed once and kept by the engine, and a cache that knows no rule.

The layers (``pyproject.toml``, ``[tool.importlinter]``): the command line; the API; the
reports; the run; the rules; the analyses; the core.  Each imports only the ones below it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import grimp
import pytest

from lintnews.api import lint_paths
from lintnews.core.analysis import Analysis, analysis, registered_analyses
from lintnews.core.facts import fact_type, registered_fact_types
from lintnews.core.rule import CorpusRule
from lintnews.run.cache import DocumentCache
from lintnews.run.config import Config

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "lintnews"


def test_every_layer_imports_only_the_layers_below_it():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    done = subprocess.run([lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 kept, 0 broken" in done.stdout


def test_no_module_imports_itself_through_others():
    # Imports for type annotations only (under TYPE_CHECKING) run never: not a cycle.
    graph = grimp.build_graph("lintnews", exclude_type_checking_imports=True)
    cycles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=imported, imported=module)
    ]
    assert cycles == []


def _functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.end_lineno - node.lineno + 1


@pytest.mark.parametrize("module", ["cli.py", "api.py", "run/run.py", "run/pipeline.py"])
def test_the_command_line_and_the_run_stages_are_short_functions(module):
    long = {name: lines for name, lines in _functions(PACKAGE / module) if lines > 60}
    assert long == {}


def _string_key_memos(path: Path) -> list[int]:
    """Lines that read or write ``something.__dict__`` under a constant string key."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = None
        if isinstance(node, ast.Subscript):
            target, key = node.value, node.slice
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            target, key = node.func.value, node.args[0]
        is_dict = isinstance(target, ast.Attribute) and target.attr == "__dict__"
        if is_dict and isinstance(key, ast.Constant) and isinstance(key.value, str):
            lines.append(node.lineno)
    return lines


def test_no_rule_or_analysis_keeps_results_under_string_keys_in_an_objects_dict():
    found = {str(p.relative_to(PACKAGE)): _string_key_memos(p) for p in PACKAGE.rglob("*.py")}
    assert {p: lines for p, lines in found.items() if lines} == {}


def test_the_cache_and_the_index_import_no_rule_and_no_analysis():
    graph = grimp.build_graph("lintnews")
    for module in ("lintnews.run.cache", "lintnews.run.index", "lintnews.run.incremental"):
        imported = graph.find_modules_directly_imported_by(module)
        assert not [m for m in imported if m.startswith(("lintnews.rules", "lintnews.analyses"))], module


def _index_texts(cache: Path) -> list[str]:
    """Every value the corpus index under ``cache`` holds, as JSON text."""
    import sqlite3
    import zlib

    from lintnews.run.index import _ZDICT

    texts = []
    for index in cache.glob("index-*.sqlite"):
        with sqlite3.connect(index) as db:
            blobs = [b for (b,) in db.execute("SELECT result FROM docs")] + [b for (b,) in db.execute("SELECT data FROM slices")]
        for blob in blobs:
            unpacker = zlib.decompressobj(15, _ZDICT)
            texts.append((unpacker.decompress(blob) + unpacker.flush()).decode("utf-8"))
    return texts


def test_the_built_in_analyses_and_fact_types_are_registered():
    import lintnews.rules.builtin  # noqa: F401

    assert {"names", "titles", "mt_score"} <= set(registered_analyses())
    assert {"Finding", "Loc", "Mention", "NameFacts", "TitleMention", "Marker", "Score", "DocumentResult"} <= set(
        registered_fact_types()
    )


# -- a plugin's own analysis and facts ---------------------------------------------------


@dataclass(frozen=True)
class ShoutCount:
    """What the example plugin collects: how many words of a document are in capitals."""

    words: int
    shouted: int


def _count_shouting(doc) -> ShoutCount:
    words = doc.view.split()
    return ShoutCount(len(words), sum(1 for w in words if len(w) > 2 and w.isupper()))


# A unique name, so that the test can run twice in one process.
SHOUTING = analysis(f"shouting_{uuid.uuid4().hex[:8]}")(_count_shouting)
fact_type(ShoutCount, name="tests.ShoutCount")


class ShoutingCorpus(CorpusRule):
    """Finds a corpus in which more than one word in ten is written in capitals.

    Example: two articles of ``THE END IS NEAR``.
    """

    code = "X950"
    name = "shouting-corpus"
    needs = (SHOUTING,)

    def collect(self, doc, **analyses) -> ShoutCount:
        return analyses[SHOUTING.name]

    def check_corpus(self, corpus):
        counts = list(corpus.of(self.code).values())
        words, shouted = sum(c.words for c in counts), sum(c.shouted for c in counts)
        if words and shouted * 10 > words:
            from lintnews.core.corpus import Loc

            yield self.finding_at(Loc(corpus.paths[0], 0, 1, 1, 1, 1, 2), f"{shouted} of {words} words shouted")


def test_a_rule_receives_the_analyses_it_needs_computed_once(tmp_path):
    calls = []
    counted = Analysis("counted_for_test", lambda doc: calls.append(doc.path) or len(doc.view))

    class Reader(CorpusRule):
        code, name, needs = "X951", "reader", (counted,)

        def collect(self, doc, counted_for_test):
            return counted_for_test + counted.of(doc)  # a second read is the same value

        def check_corpus(self, corpus):
            return iter(())

    (tmp_path / "a.txt").write_text("Twelve chars\n", encoding="utf-8")
    lint_paths([str(tmp_path / "a.txt")], Config(), [Reader()])
    assert calls == [str(tmp_path / "a.txt")]


def test_a_plugin_registers_its_own_analysis_and_facts_and_they_are_cached(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("THE END IS NEAR, they said.\n", encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    first_cache = DocumentCache(tmp_path / "cache", "fingerprint")
    first = lint_paths(paths, Config(), [ShoutingCorpus()], cache=first_cache)
    again_cache = DocumentCache(tmp_path / "cache", "fingerprint")
    again = lint_paths(paths, Config(), [ShoutingCorpus()], cache=again_cache)
    assert [f.message for f in first.findings] == ["6 of 12 words shouted"]
    assert again.findings == first.findings
    assert (first_cache.hits, first_cache.misses) == (0, 2)
    assert (again_cache.hits, again_cache.misses) == (2, 0)
    assert any("tests.ShoutCount" in text for text in _index_texts(tmp_path / "cache"))


def test_facts_of_an_unregistered_class_are_not_cached_and_the_run_goes_on(tmp_path):
    @dataclass(frozen=True)
    class Unregistered:
        words: int

    class Plain(CorpusRule):
        code, name = "X952", "plain"

        def collect(self, doc):
            return Unregistered(len(doc.view.split()))

        def check_corpus(self, corpus):
            return iter(())

    (tmp_path / "a.txt").write_text("Some words here.\n", encoding="utf-8")
    cache = DocumentCache(tmp_path / "cache", "fingerprint")
    lint_paths([str(tmp_path / "a.txt")], Config(), [Plain()], cache=cache)
    again = DocumentCache(tmp_path / "cache", "fingerprint")
    lint_paths([str(tmp_path / "a.txt")], Config(), [Plain()], cache=again)
    assert again.hits == 0 and not _index_texts(tmp_path / "cache")

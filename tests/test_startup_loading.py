"""Loading the built-in rule packs skips data files without parsing them, and skips
exactly the files that have no top-level ``type`` (the rules loaded are the same)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lintnews.core.data import read_yaml, rules_dir
from lintnews.rules import types
from lintnews.rules.types import load_packs, may_be_a_rule, pack_files


def one_file_run_then(folder: Path, setup: str, report: str, env: dict[str, str] | None = None) -> str:
    """In a fresh interpreter: ``setup``, lint one short file of ``folder`` through the
    CLI, then print ``report``; returns what it printed last."""
    (folder / "one.txt").write_text("The minister spoke on Monday.\n", encoding="utf-8")
    probe = f"import sys; from lintnews import cli\n{setup}try:\n    cli.main(['one.txt'])\nexcept SystemExit:\n    pass\nprint({report})"
    done = subprocess.run([sys.executable, "-c", probe], cwd=folder, capture_output=True, text=True, check=True, env=env)
    return done.stdout.strip().splitlines()[-1]


def test_a_built_in_file_is_skipped_unparsed_only_when_it_has_no_top_level_type():
    files = pack_files(rules_dir())
    skipped = [p for p in files if not may_be_a_rule(p)]
    assert skipped, "the data files (titles.yaml, offices-by-country.yaml, ...) are skipped"
    for path in files:
        spec = read_yaml(path)
        has_type = isinstance(spec, dict) and "type" in spec
        if not may_be_a_rule(path):
            assert not has_type, path


def test_the_built_in_rules_are_those_of_every_file_with_a_type(monkeypatch):
    fast = [(r.code, r.name, r.source) for r in load_packs()]
    monkeypatch.setattr(types, "may_be_a_rule", lambda path: True)  # parse every file, as before
    slow = [(r.code, r.name, r.source) for r in load_packs()]
    assert fast == slow and len(fast) >= 7


def test_the_word_type_outside_a_comment_makes_a_file_parsed(tmp_path: Path):
    cases = {
        "comment.yaml": ("# not a rule: it has no top-level `type`\nwords: [a, b]\n", False),
        "plain.yaml": ("words:\n  - a\n", False),
        "rule.yaml": ("code: W999\ntype: existence\n", True),
        "quoted.yaml": ('"type": existence\n', True),
        "nested.yaml": ("entries:\n  - type: x\n", True),
        "flow.yaml": ("{code: W999, type: existence}\n", True),
    }
    for name, (text, parsed) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert may_be_a_rule(path) is parsed, name


def test_a_text_run_does_not_import_the_other_formats_renderers(tmp_path: Path):
    renderers = ("lintnews.report.html", "lintnews.report.sarif", "lintnews.report.text")
    assert one_file_run_then(tmp_path, "", f"sorted(m for m in {renderers!r} if m in sys.modules)") == "['lintnews.report.text']"


def test_every_format_has_its_renderer():
    from lintnews.report import FORMATS, RENDERERS, needs, renderer

    assert sorted(RENDERERS) == list(FORMATS) == ["github", "html", "json", "sarif", "text"]
    assert all(renderer(fmt).format == fmt and needs(fmt) == RENDERERS[fmt].needs for fmt in FORMATS)


def test_plugins_are_looked_for_with_importlib_metadata_only_where_one_may_be(tmp_path: Path, monkeypatch):
    from importlib.metadata import entry_points

    from lintnews.rules.registry import may_have_plugins

    # This environment: the quick look says no only when importlib.metadata finds none.
    assert may_have_plugins() or not list(entry_points(group="lintnews.rules"))
    site = tmp_path / "site"
    dist = site / "some_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "missing")])
    # Finders other tests may have installed in this process (an editable install's) say
    # "maybe" whatever the path holds: the path alone is the subject here.
    import importlib.machinery

    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if f is importlib.machinery.PathFinder or not hasattr(f, "find_distributions")])
    assert not may_have_plugins()
    (dist / "entry_points.txt").write_text("[lintnews.rules]\nshout = shout:Shouting\n", encoding="utf-8")
    assert may_have_plugins()
    (site / "Other.EGG-INFO").mkdir()
    (site / "Other.EGG-INFO" / "entry_points.txt").write_text("[lintnews.rules]\nx = y:Z\n", encoding="utf-8")
    dist.joinpath("entry_points.txt").unlink()
    assert may_have_plugins()
    archive = tmp_path / "packages.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert may_have_plugins()  # what is in a zip file is left to importlib.metadata


def test_a_run_without_plugins_does_not_import_importlib_metadata(tmp_path: Path):
    printed = one_file_run_then(
        tmp_path, "from lintnews.rules.registry import may_have_plugins\n", "may_have_plugins(), 'importlib.metadata' in sys.modules"
    )
    plugins, imported = printed.split()
    assert imported == plugins  # imported exactly when a plugin may be installed


def test_a_one_file_run_imports_no_module_it_does_not_use(tmp_path: Path):
    # Issue 19: the index's sqlite3, the workers' multiprocessing, git's subprocess and the
    # writers' tempfile (with hashlib behind it) are imported where they are used, PyYAML
    # only for a YAML file not in lintnews/data/rules-parsed.json, rapidfuzz when names are
    # compared, the TOML parser for a configuration file, difflib for --diff; a run of one
    # file outside a git work tree, with no cache nor configuration, uses none of them.
    unused = ("sqlite3", "multiprocessing", "subprocess", "tempfile", "hashlib", "yaml", "rapidfuzz", "tomllib", "difflib")
    outside = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")}
    printed = one_file_run_then(tmp_path, "", f"sorted(m for m in {unused!r} if m in sys.modules)", env=outside)
    in_work_tree = any((parent / ".git").exists() for parent in [tmp_path, *tmp_path.parents])
    expected = ["subprocess"] if in_work_tree else []  # inside one, git is asked for it
    assert printed == str(expected)


def test_a_one_file_run_reads_the_phrase_table_from_its_derived_form_and_no_more(tmp_path: Path):
    # Issue 19: M103 and M104 read lintnews/data/phrases-v1-index.txt (no gzip, no loop over
    # the rows); a short text with no first word of any Q and no word of any idiom builds
    # neither the set of Qs, their rows nor the idioms' regex.
    built = ("byte_keys", "_keys", "_rows", "first_words", "idiom_pattern")
    report = f"'gzip' in sys.modules, sorted(set({built!r}) & set(vars(__import__('lintnews.analyses.phrases', fromlist=['x']).load_table())))"
    assert one_file_run_then(tmp_path, "", report) == "False []"

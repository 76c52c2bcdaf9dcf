"""Loading the built-in rule packs skips data files without parsing them, and skips
exactly the files that have no top-level ``type`` (the rules loaded are the same)."""

from __future__ import annotations

from pathlib import Path

from lintnews.core.data import read_yaml, rules_dir
from lintnews.rules import types
from lintnews.rules.types import load_packs, may_be_a_rule, pack_files


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
    import subprocess
    import sys

    (tmp_path / "one.txt").write_text("The minister spoke on Monday.\n", encoding="utf-8")
    probe = (
        "import sys; from lintnews import cli\n"
        "try:\n    cli.main(['one.txt'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('lintnews.report.html', 'lintnews.report.sarif', 'lintnews.report.text') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "['lintnews.report.text']"


def test_every_format_has_its_renderer():
    from lintnews.report import FORMATS, RENDERERS, needs, renderer

    assert sorted(RENDERERS) == list(FORMATS) == ["github", "html", "json", "sarif", "text"]
    assert all(renderer(fmt).format == fmt and needs(fmt) == RENDERERS[fmt].needs for fmt in FORMATS)

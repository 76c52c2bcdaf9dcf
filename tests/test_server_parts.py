"""The language server's parts, in this process: positions in the editor's units, the
workspace's corpus (closed files, buffers, a failing rule), the edits of code actions,
the edit of the configuration that accepts a spelling, and the rule documentation page
the diagnostics link to."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.core.finding import Finding, Fix
from lintnews.core.rule import DocumentRule
from lintnews.server.config_edit import EditError, add_to_toml, literal_entry, plan
from lintnews.server.positions import UTF8, UTF16, UTF32, ColumnMap, TextIndex
from lintnews.server.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
ARCHIVE = "Taliban spokesman Zabihullah Mujahid said the group would talk.\nMujahid added that the talks would go on.\n"


# -- positions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, expected",
    # 🙂 and 𝕏 are astral (2 UTF-16 units, 4 UTF-8 bytes), é is 2 UTF-8 bytes; 3 spaces
    [(UTF16, (1, 2 + 1 + 2 + 3)), (UTF8, (1, 4 + 2 + 4 + 3)), (UTF32, (1, 3 + 3))],
)
def test_a_column_after_astral_and_accented_characters_counts_the_encodings_units(encoding, expected):
    text = "first line\n🙂 é 𝕏 target\n"
    column = text.split("\n")[1].index("target") + 1  # lintnews: characters, 1-based
    assert ColumnMap(text).position(2, column, encoding) == expected


def test_a_byte_order_mark_is_the_first_character_of_the_editors_first_line():
    text = "\ufeffab target\nx target\n"
    columns = ColumnMap(text)
    # lintnews drops the BOM: "target" starts at column 4 of line 1; the editor still has U+FEFF.
    assert columns.position(1, 4, UTF16) == (0, 4)
    assert columns.position(1, 4, UTF8) == (0, 6)
    assert columns.position(2, 3, UTF16) == (1, 2)


def test_crlf_and_lone_cr_end_lines_as_lintnews_counts_them():
    text = "a\r\nb\rc🙂d\ne"
    index = TextIndex(text)
    assert index.line_starts == [0, 3, 5, 9]
    offset = text.index("d")
    assert index.position(offset) == (2, 3)
    assert index.offset(2, 3) == offset
    assert index.line_end(0) == 1
    assert ColumnMap(text).position(3, 3, UTF16) == (2, 3)


def test_an_exclusive_end_past_the_line_keeps_counting():
    assert ColumnMap("é\n").position(1, 2, UTF8) == (0, 2)
    assert ColumnMap("é\n").position(1, 3, UTF8) == (0, 3)


# -- the workspace ---------------------------------------------------------------------------


def make_workspace(root: Path, files: dict[str, str]) -> Workspace:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    ws = Workspace(str(root))
    assert ws.configure() == []
    found, notices = ws.discover()
    assert notices == []
    assert ws.add_files(found) == []
    return ws


def test_a_buffer_is_checked_against_the_closed_files(tmp_path):
    ws = make_workspace(tmp_path, {f"archive/{i}.txt": ARCHIVE for i in range(3)})
    draft = str(tmp_path / "draft.txt")
    ws.set_buffer(draft, "Spokesman Zabiullah Mujahid said on Monday that the group would meet.\n")
    checked = ws.check({draft})
    (finding,) = checked.findings[draft]
    assert finding.code == "N101" and "(3 mentions" in finding.message
    assert sorted(r.path for r in finding.related) == [str(tmp_path / "archive" / f"{i}.txt") for i in range(3)]


def test_the_buffer_replaces_its_file_and_closing_brings_the_disk_back(tmp_path):
    ws = make_workspace(tmp_path, {"a.txt": ARCHIVE, "b.txt": ARCHIVE, "c.txt": ARCHIVE.replace("Zabihullah", "Zabiullah")})
    c = str(tmp_path / "c.txt")
    assert [f.code for f in ws.check({c}).findings[c]] == ["N101"]
    ws.set_buffer(c, ARCHIVE)  # the unsaved buffer is what counts
    assert ws.check({c}).findings[c] == []
    ws.close_buffer(c)
    assert [f.code for f in ws.check({c}).findings[c]] == ["N101"]


def test_removed_and_excluded_files_leave_the_corpus(tmp_path):
    (tmp_path / "lintnews.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    ws = make_workspace(tmp_path, {"a.txt": ARCHIVE, "drafts/x.txt": ARCHIVE})
    assert sorted(ws.results) == [str(tmp_path / "a.txt")]
    assert ws.excluded(str(tmp_path / "drafts" / "y.txt"))
    ws.remove_file(str(tmp_path / "a.txt"))
    assert ws.results == {}


def test_with_a_cache_dir_a_restarted_server_reads_the_workspace_from_the_corpus_index(tmp_path, monkeypatch):
    (tmp_path / "lintnews.toml").write_text('cache-dir = ".lintnews-cache"\n', encoding="utf-8")
    files = {"a.txt": ARCHIVE, "b.txt": ARCHIVE, "c.txt": ARCHIVE.replace("Zabihullah", "Zabiullah")}
    first = make_workspace(tmp_path, files)
    assert list((tmp_path / ".lintnews-cache").glob("index-*.sqlite"))
    from lintnews.run import executors, pipeline
    from lintnews.server import workspace

    linted: list[str] = []
    real = pipeline.lint_document
    for module in (executors, workspace):  # where the per-document stage is called from
        monkeypatch.setattr(module, "lint_document", lambda doc, *a, **k: linted.append(doc.path) or real(doc, *a, **k))
    (tmp_path / "d.txt").write_text(ARCHIVE, encoding="utf-8")
    second = make_workspace(tmp_path, {})  # started again: only the new file is linted
    assert linted == [str(tmp_path / "d.txt")]
    del second.results[str(tmp_path / "d.txt")]
    assert second.results == first.results
    c = str(tmp_path / "c.txt")
    assert [f.code for f in second.check({c}).findings[c]] == ["N101"]


class Exploding(DocumentRule):
    """Fails.  Example: ``x``."""

    code = "X951"
    name = "exploding"

    def check(self, doc):
        raise ZeroDivisionError("division by zero in a rule")


def test_a_rule_that_raises_is_told_once_and_the_other_rules_still_report(tmp_path):
    ws = make_workspace(tmp_path, {})
    ws.rules = [*ws.rules, Exploding()]
    draft = str(tmp_path / "draft.txt")
    notices = ws.set_buffer(draft, "They said that the the talks would go on.\n")
    (notice,) = notices
    assert notice.level == "error" and "X951" in notice.message and "ZeroDivisionError" in notice.message
    assert "ZeroDivisionError" in notice.detail  # the pipeline keeps the error, not its traceback
    assert [f.code for f in ws.check({draft}).findings[draft]] == ["G105"]
    assert ws.set_buffer(draft, "They said that the the talks went on.\n") == []  # told once


def test_a_malformed_configuration_is_told_and_the_defaults_are_used(tmp_path):
    (tmp_path / "lintnews.toml").write_text("select = [\n", encoding="utf-8")
    ws = Workspace(str(tmp_path))
    (notice,) = ws.configure()
    assert notice.level == "error" and "malformed TOML" in notice.message
    assert any(r.code == "G105" for r in ws.rules)
    assert str(tmp_path / "lintnews.toml") in ws.watched


def test_languagetool_runs_on_save_only(tmp_path):
    (tmp_path / "lintnews.toml").write_text('languagetool = "http://127.0.0.1:9"\n', encoding="utf-8")
    ws = Workspace(str(tmp_path))
    assert ws.configure() == []
    assert [r.code for r in ws.save_rules] == ["L101"]
    assert "L101" not in [r.code for r in ws.rules]


# -- code actions ----------------------------------------------------------------------------

lsp = pytest.importorskip("lsprotocol.types")
from lintnews.server import actions  # noqa: E402


def finding(text: str, span: str, code: str, message: str, suggestion: str | None = None, fix: Fix | None = None, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Finding("a.txt", 1, start + 1, 1, start + 1 + len(span), code, "x", "warning", message, suggestion, (), start, start + len(span), fix)


def test_a_title_rules_suggestion_replaces_the_quoted_title_and_keeps_the_name():
    text = "Foreign Secretary Mike Pompeo flew in.\n"
    f = finding(text, "Foreign Secretary Mike Pompeo", "T102", "'Foreign Secretary' is not an office in the US; ...", "Secretary of State")
    r = actions.replacement(f, text)
    assert text[: r.start] + r.text + text[r.end :] == "Secretary of State Mike Pompeo flew in.\n"


def test_a_names_suggestion_changes_the_misspelt_word_here_only():
    text = "Spokesman Zabiullah Mujahid said.\n"
    f = finding(text, "Zabiullah Mujahid", "N101", "'Zabiullah' looks like 'Zabihullah' (3 mentions ...)", "Zabihullah")
    r = actions.replacement(f, text)
    assert (text[r.start : r.end], r.text, r.preferred) == ("Zabiullah", "Zabihullah", False)
    assert "here only" in r.title


def test_a_suggestion_at_a_sentence_start_keeps_its_capital_and_elsewhere_not():
    text = "Yes. In one declaration On Sunday, they spoke.\n"
    m101 = finding(text, "In one declaration", "M101", "'In one declaration' reads as ...", "in a statement")
    r = actions.replacement(m101, text)
    assert r.text == "In a statement"
    g101 = finding(text, "On", "G101", "capitalised 'On'", "on", nth=0)
    assert actions.replacement(g101, text).text == "on"


def test_a_fix_is_the_edit_mapped_through_crlf_and_the_bom():
    raw = "\ufeffline one\r\nThey said .\r\n"
    text = raw[1:].replace("\r\n", "\n")
    start = text.index(" .")
    f = Finding("a.txt", 2, 10, 2, 12, "P102", "x", "warning", "space", ".", (), start, start + 2, Fix(start, start + 2, ".", True))
    r = actions.replacement(f, raw)
    assert raw[: r.start] + r.text + raw[r.end :] == "\ufeffline one\r\nThey said.\r\n"
    assert r.preferred


def test_disable_line_adds_a_marker_or_a_code_to_the_one_there():
    text = "A doubled mark. .\nB\n"
    f = finding(text, ". .", "P101", "doubled")
    s, e, t = actions.disable_line_edit(f, TextIndex(text))
    assert text[:s] + t + text[e:] == "A doubled mark. . <!-- lintnews: disable-line=P101 -->\nB\n"
    marked = "A doubled mark. . <!-- lintnews: disable-line=S101 -->\n"
    s, e, t = actions.disable_line_edit(f, TextIndex(marked))
    assert marked[:s] + t + marked[e:] == "A doubled mark. . <!-- lintnews: disable-line=S101,P101 -->\n"
    assert actions.disable_line_edit(f, TextIndex("A doubled mark. . <!-- lintnews: disable-line -->\n")) is None


@pytest.mark.parametrize(
    "old, new",
    [
        ("said . .\nthe the end\n\nSource link\n", "said .\nthe end\n"),
        ("no change\n", "no change\n"),
        ("🙂 a  b\r\nc\r\n", "🙂 a b\r\nc\r\n"),
        ("", "new\n"),
    ],
)
def test_minimal_edits_rebuild_the_new_text(old, new):
    edits = actions.minimal_edits(old, new)
    out = old
    for s, e, t in reversed(edits):
        out = out[:s] + t + out[e:]
    assert out == new
    assert sum(e - s for s, e, _ in edits) <= len(old)


def test_only_spellings_can_be_accepted():
    text = "They mentionned it.\n"
    assert actions.accepted_term(finding(text, "mentionned", "S101", "misspelt"), text) == "mentionned"
    assert actions.accepted_term(finding(text, "mentionned", "M101", "phrase"), text) is None


# -- accepting a spelling: the configuration edit -------------------------------------------


def test_a_term_is_added_to_an_accept_list_keeping_comments_and_layout():
    text = '# house style\nselect = ["N"]\naccept = [\n  "jirga",  # a council\n]\n\n[per-file-ignores]\n"x/*" = ["W101"]\n'
    new = add_to_toml(text, literal_entry("U.S."), pyproject=False)
    assert new == '# house style\nselect = ["N"]\naccept = [\n  "jirga", "U\\\\.S\\\\."  # a council\n]\n\n[per-file-ignores]\n"x/*" = ["W101"]\n'


def test_a_term_goes_into_the_tool_lintnews_table_of_pyproject():
    text = '[project]\nname = "x"\n\n[tool.lintnews]\nselect = ["N"]\n\n[tool.other]\naccept = 1\n'
    new = add_to_toml(text, "Zabiullah", pyproject=True)
    assert new == '[project]\nname = "x"\n\n[tool.lintnews]\naccept = ["Zabiullah"]\nselect = ["N"]\n\n[tool.other]\naccept = 1\n'


def test_an_edit_that_would_not_give_the_expected_table_is_refused():
    with pytest.raises(EditError):
        add_to_toml('accept = """a\n[x]"""\n', "b", pyproject=False)  # not a list: the check refuses
    with pytest.raises(EditError):
        add_to_toml("select = [\n", "b", pyproject=False)


def test_an_accept_file_gets_the_term_and_no_configuration_gets_a_new_one(tmp_path):
    config = tmp_path / "lintnews.toml"
    config.write_text('accept-file = "styles/accept.txt"\n', encoding="utf-8")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "accept.txt").write_text("# ours\njirga", encoding="utf-8")
    edit = plan(config, tmp_path, "Zabiullah")
    assert (edit.path, edit.after) == (tmp_path / "styles" / "accept.txt", "# ours\njirga\nZabiullah\n")
    created = plan(None, tmp_path, "Zabiullah")
    assert (created.path, created.before, created.after) == (tmp_path / "lintnews.toml", None, 'accept = ["Zabiullah"]\n')


def test_the_accepted_term_is_read_back_as_the_literal_spelling(tmp_path):
    from lintnews.run.config import load_config

    (tmp_path / "lintnews.toml").write_text(add_to_toml("", literal_entry("U.S. (Mr.)"), pyproject=False), encoding="utf-8")
    accept = load_config(tmp_path / "lintnews.toml").accept
    assert accept.matches("U.S. (Mr.)") and not accept.matches("UxS. (Mr.)")


# -- the rule documentation ------------------------------------------------------------------


def test_the_rule_page_is_up_to_date():
    from lintnews.rules.registry import all_rules
    from lintnews.server.rule_docs import render

    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render(all_rules(plugins=False)), "run: python -m lintnews.server.rule_docs --write docs/rules.md"


def test_every_built_in_rule_has_the_heading_its_link_points_to():
    from lintnews.server.rule_docs import DEFAULT_URL, anchor, builtin_codes, rule_url

    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for code, name in builtin_codes().items():
        assert f"\n### {code} {name}\n" in page
        assert rule_url(DEFAULT_URL, code, name).endswith("#" + anchor(code, name))
    assert anchor("N101", "name-variant") == "n101-name-variant"


def test_the_workspace_and_its_edits_need_no_lsp_library():
    """Only the protocol's modules import pygls and lsprotocol (the others are lintnews)."""
    import subprocess
    import sys

    code = "import sys, lintnews.server.workspace, lintnews.server.config_edit, lintnews.server.positions, lintnews.server.rule_docs; print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

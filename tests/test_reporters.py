"""The renderers: snapshot tests plus format-level checks.

The snapshots live in ``tests/snapshots/``.  After an intended change of a format,
regenerate them with::

    LINTNEWS_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_reporters.py -k regenerate

and review the diff.  The JSON snapshot stores ``<VERSION>`` instead of the lintnews
version, so a release does not change it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lintnews import __version__
from lintnews.api import DocumentScore
from lintnews.core.corpus import Loc
from lintnews.core.finding import Finding, Group, Related, Variant
from lintnews.run.files import InputError
from lintnews.report import FORMATS, Report, github
from lintnews.report import render as render_report
from lintnews.report.json_text import dumps_indented

from conftest import property_settings

PROPERTY = property_settings(300)

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("LINTNEWS_UPDATE_SNAPSHOTS") == "1"

TRICKY_MESSAGE = "50% of quotes: 'a, b' differ\nsecond line\r\nthird %0A literal"

BIDEN_GROUP = Group(
    "Biden",
    "Biden",
    (
        Variant("Biden", (Loc("news/b.txt", 1, 6, 1, 2, 1, 7), Loc("news/c.txt", 30, 35, 4, 1, 4, 6))),
        Variant("Badin", (Loc("news/a.txt", 40, 45, 3, 5, 3, 10),)),
    ),
)

FINDINGS = [
    Finding(
        path="news/a.txt",
        line=3,
        column=5,
        end_line=3,
        end_column=10,
        code="N101",
        name="name-variant",
        severity="error",
        message="'Badin' looks like 'Biden' (3 mentions: a:1, b:2)",
        suggestion="Biden",
        related=(
            Related("news/b.txt", 1, 2, 1, 7, "'Biden' here"),
            Related("news/c.txt", 4, 1, 4, 6, ""),
        ),
        group=BIDEN_GROUP,
    ),
    Finding(
        path="news/d.txt",
        line=2,
        column=33,
        end_line=2,
        end_column=36,
        code="P101",
        name="doubled-punctuation",
        severity="warning",
        message="doubled punctuation '. ,' (50%: a, b)",
        suggestion=".",
    ),
    Finding(
        path="news/odd, name: 50%.txt",
        line=7,
        column=1,
        end_line=7,
        end_column=12,
        code="W101",
        name="boilerplate-line",
        severity="warning",
        message=TRICKY_MESSAGE,
    ),
    Finding(
        path="news/é😀.md",
        line=10,
        column=40,
        end_line=11,
        end_column=3,
        code="G102",
        name="lowercase-after-sentence-break",
        severity="info",
        message="sentence break followed by lower-case 'of'",
        suggestion="’s whirlwind, “tour”",
    ),
]

BADIN, DOUBLED, TRICKY, MULTILINE = FINDINGS

ERRORS = [InputError("news/bad.txt", "not valid UTF-8 (byte 0xe9 at offset 3); skipped")]

DOCUMENTS = [
    DocumentScore("news/a.txt", 412, 0.8125, ("more 'the w of' per 1,000 tokens (31.2, typical 24)",)),
    DocumentScore("news/é😀.md", 96, 0.0731, ()),
]

SNAPSHOT_FILES = {"text": "report.txt", "json": "report.json", "github": "report.github"}


def snapshot_findings(fmt: str) -> list[Finding]:
    """The fixed findings of a format's snapshot.

    The text format is one finding a line, so its snapshot leaves out the message with
    line breaks (how the CLI keeps that promise is tested in test_cli.py).
    """
    if fmt == "text":
        return [f for f in FINDINGS if "\n" not in f.message]
    return FINDINGS


def output(fmt: str, findings, **fields) -> str:
    """``fmt``'s output for a report of ``findings`` with the other fields given."""
    return render_report(fmt, Report(findings, **fields))


def render(fmt: str) -> str:
    out = output(fmt, snapshot_findings(fmt), errors=ERRORS, documents=DOCUMENTS)
    if fmt == "json":
        marker = f'"lintnews_version": {json.dumps(__version__)}'
        assert marker in out
        out = out.replace(marker, '"lintnews_version": "<VERSION>"')
    return out


# -- snapshots ---------------------------------------------------------------------------


@pytest.mark.skipif(not UPDATE, reason="set LINTNEWS_UPDATE_SNAPSHOTS=1 to regenerate the snapshots")
def test_regenerate_snapshots():
    SNAPSHOTS.mkdir(exist_ok=True)
    for fmt, name in SNAPSHOT_FILES.items():
        (SNAPSHOTS / name).write_bytes(render(fmt).encode("utf-8"))


@pytest.mark.parametrize("fmt", sorted(SNAPSHOT_FILES))
def test_renderer_matches_snapshot(fmt):
    path = SNAPSHOTS / SNAPSHOT_FILES[fmt]
    assert path.is_file(), f"missing snapshot {path}: run with LINTNEWS_UPDATE_SNAPSHOTS=1"
    expected = path.read_bytes().decode("utf-8")
    assert render(fmt) == expected, f"{fmt} output changed; if intended, regenerate with LINTNEWS_UPDATE_SNAPSHOTS=1"


@pytest.mark.parametrize("fmt", sorted(SNAPSHOT_FILES))
def test_no_findings(fmt):
    out = output(fmt, [], errors=[])
    if fmt == "json":
        assert json.loads(out)["findings"] == []
    else:
        assert out == ""


# -- text --------------------------------------------------------------------------------


def test_text_one_line_per_finding_with_suggestion():
    out = output("text", [BADIN])
    assert out == "news/a.txt:3:5: N101 'Badin' looks like 'Biden' (3 mentions: a:1, b:2) [suggestion: 'Biden']\n"


def test_text_show_source_underlines_the_span():
    lines = {("news/a.txt", 3): "Mr. Badin said"}
    out = output("text", [BADIN], show_source=True, source_line=lambda p, n: lines[(p, n)])
    assert out.splitlines()[1:] == ["    Mr. Badin said", "        ^^^^^"]


def test_text_show_source_of_a_multi_line_finding_underlines_to_the_end_of_the_line():
    src = "x" * 45
    out = output("text", [MULTILINE], show_source=True, source_line=lambda p, n: src)
    assert out.splitlines()[2] == "    " + " " * 39 + "^" * 6


# -- github workflow commands ------------------------------------------------------------

_UNESCAPE_DATA = {"%25": "%", "%0D": "\r", "%0A": "\n"}
_UNESCAPE_PROPERTY = {**_UNESCAPE_DATA, "%3A": ":", "%2C": ","}


def _unescape(value: str, table: dict[str, str]) -> str:
    """Undo GitHub's percent-escaping in one pass (so ``%250A`` becomes ``%0A``)."""
    pattern = re.compile("|".join(map(re.escape, table)), re.IGNORECASE)
    return pattern.sub(lambda m: table[m.group(0).upper()], value)


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """Parse ``::command key=value,key=value::data`` as the Actions runner does.

    Properties are split on ``,`` and each on its first ``=``; the data starts after
    the first ``::`` that follows the command.  Escapes: data ``%25 %0D %0A``;
    properties additionally ``%3A %2C``.
    """
    assert line.startswith("::"), line
    assert "\n" not in line and "\r" not in line, "a workflow command must be one line"
    head, sep, data = line[2:].partition("::")
    assert sep, f"no '::' after the command in {line!r}"
    command, _, props_text = head.partition(" ")
    properties: dict[str, str] = {}
    if props_text:
        for item in props_text.split(","):
            key, eq, value = item.partition("=")
            assert eq, f"property without '=' in {line!r}"
            assert key not in properties, f"duplicate property {key}"
            properties[key] = _unescape(value, _UNESCAPE_PROPERTY)
    return command, properties, _unescape(data, _UNESCAPE_DATA)


def test_parser_follows_githubs_rules():
    cmd, props, data = parse_workflow_command("::warning file=a%2Cb%3Ac.txt,line=3::100%25 sure%0Anext%250A")
    assert (cmd, props, data) == ("warning", {"file": "a,b:c.txt", "line": "3"}, "100% sure\nnext%0A")


def test_github_escaping_functions():
    assert github.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_round_trip():
    out = output("github", FINDINGS)
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == len(FINDINGS) + 1, "one line per finding, newline-terminated"
    for line, f in zip(lines, FINDINGS):
        command, props, message = parse_workflow_command(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        assert props == {
            "file": f.path,
            "line": str(f.line),
            "endLine": str(f.end_line),
            "col": str(f.column),
            "endColumn": str(f.end_column),
            "title": f"{f.code} {f.name}",
        }
        expected = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        assert message == expected


def test_github_message_with_newlines_stays_on_one_line():
    out = output("github", [TRICKY])
    assert out.count("\n") == 1 and "\r" not in out
    assert parse_workflow_command(out.rstrip("\n"))[2] == TRICKY_MESSAGE


# -- json --------------------------------------------------------------------------------

FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "severity",
    "message",
    "suggestion",
    "related",
}
RELATED_KEYS = {"path", "line", "column", "end_line", "end_column", "message"}


def test_json_schema():
    report = json.loads(output("json", FINDINGS, errors=ERRORS, documents=DOCUMENTS))
    assert set(report) == {"schema", "version", "lintnews_version", "findings", "errors", "documents", "groups"}
    assert report["schema"] == "lintnews/findings"
    assert report["version"] == 1
    assert report["lintnews_version"] == __version__
    assert len(report["findings"]) == len(FINDINGS)
    for item in report["findings"]:
        assert set(item) == FINDING_KEYS | ({"group"} if item["code"] == "N101" else set())
        for key in ("line", "column", "end_line", "end_column"):
            assert type(item[key]) is int and item[key] >= 1
        for key in ("path", "code", "name", "message"):
            assert isinstance(item[key], str) and item[key]
        assert item["severity"] in ("error", "warning", "info")
        assert item["suggestion"] is None or isinstance(item["suggestion"], str)
        assert isinstance(item["related"], list)
        for rel in item["related"]:
            assert set(rel) == RELATED_KEYS
    assert report["findings"][2]["suggestion"] is None
    assert report["findings"][0]["related"][0] == {
        "path": "news/b.txt",
        "line": 1,
        "column": 2,
        "end_line": 1,
        "end_column": 7,
        "message": "'Biden' here",
    }
    assert report["findings"][0]["group"] == 0
    assert report["groups"] == [
        {
            "entity": "Biden",
            "canonical": "Biden",
            "variants": [
                {
                    "text": "Biden",
                    "places": [
                        {"path": "news/b.txt", "line": 1, "column": 2, "end_line": 1, "end_column": 7},
                        {"path": "news/c.txt", "line": 4, "column": 1, "end_line": 4, "end_column": 6},
                    ],
                },
                {"text": "Badin", "places": [{"path": "news/a.txt", "line": 3, "column": 5, "end_line": 3, "end_column": 10}]},
            ],
        }
    ]
    assert report["errors"] == [{"path": "news/bad.txt", "message": "not valid UTF-8 (byte 0xe9 at offset 3); skipped"}]
    assert report["documents"] == [
        {"path": "news/a.txt", "words": 412, "mt_score": 0.8125, "mt_reasons": ["more 'the w of' per 1,000 tokens (31.2, typical 24)"]},
        {"path": "news/é😀.md", "words": 96, "mt_score": 0.0731, "mt_reasons": []},
    ]


def test_json_round_trips_every_finding():
    report = json.loads(output("json", FINDINGS, errors=[]))
    assert [{k: v for k, v in item.items() if k != "group"} for item in report["findings"]] == [f.as_dict() for f in FINDINGS]
    assert [report["groups"][item["group"]] for item in report["findings"] if "group" in item] == [BIDEN_GROUP.as_dict()]
    assert report["findings"][2]["message"] == TRICKY_MESSAGE
    assert report["findings"][3]["path"] == "news/é😀.md"
    assert report["errors"] == []


def test_json_keeps_non_ascii_readable():
    out = output("json", [MULTILINE])
    assert "é😀" in out and "\\u" not in out


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.none(), inner, max_size=2),
    max_leaves=20,
)


@PROPERTY
@given(_JSON_VALUES)
def test_json_text_is_json_dumps_text(value):
    """The JSON output's writer gives json.dumps's text for any value (NaN, number keys
    and tuples included: what it does not write itself, json.dumps writes)."""
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_text_of_a_full_report_is_json_dumps_text():
    out = output("json", FINDINGS, errors=ERRORS, documents=DOCUMENTS)
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    deep = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{"a": [1]}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    assert dumps_indented(deep) == json.dumps(deep, ensure_ascii=False, indent=2)


# -- the renderer contract ---------------------------------------------------------------

from lintnews.api import configured_rules  # noqa: E402
from lintnews.report import RENDERERS, needs  # noqa: E402
from lintnews.run.config import Config  # noqa: E402
from lintnews.report.model import REPORT_FIELDS, DeclaredReport, Renderer, UndeclaredField  # noqa: E402


class _Reads(Renderer):
    """A renderer that reads the fields it is told to, declaring only some."""

    format = "reads"
    needs = frozenset({"texts"})

    def __init__(self, reads: tuple[str, ...]) -> None:
        self.reads = reads

    def render(self, report) -> str:
        return repr([getattr(report, name) for name in self.reads])


FULL_REPORT = Report(
    FINDINGS,
    errors=ERRORS,
    documents=DOCUMENTS,
    texts={"news/a.txt": "text"},
    word_counts={"news/a.txt": 1},
    rules=configured_rules(Config(), select=["N101", "P101"]),
    show_source=True,
    source_line=lambda p, n: "line",
)


def test_a_renderer_gets_the_findings_and_what_it_declares():
    renderer = _Reads(("findings", "texts"))
    assert renderer.render(DeclaredReport(FULL_REPORT, renderer)) == repr([FINDINGS, {"news/a.txt": "text"}])


@pytest.mark.parametrize("field", sorted(REPORT_FIELDS - {"texts"}))
def test_a_renderer_reading_a_field_it_did_not_declare_fails(field):
    renderer = _Reads(("texts", field))
    with pytest.raises(UndeclaredField, match=f"reads report.{field} without declaring it"):
        renderer.render(DeclaredReport(FULL_REPORT, renderer))


def test_needs_must_name_fields_of_the_report():
    with pytest.raises(TypeError, match="names no field of Report: text"):

        class _Typo(Renderer):  # noqa: F841 - defining it is the test
            format = "typo"
            needs = frozenset({"text"})


def test_each_format_declares_what_it_shows():
    assert FORMATS == ("github", "html", "json", "sarif", "text")
    assert {fmt: set(needs(fmt)) for fmt in FORMATS} == {
        "github": set(),
        "html": {"errors", "texts", "word_counts", "rules"},  # rules: their documentation on the page
        "json": {"errors", "documents"},
        "sarif": {"errors", "rules", "source_line"},
        "text": {"show_source", "source_line", "color"},
    }
    assert all(r.format == fmt for fmt, r in RENDERERS.items())


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_renders_a_full_report_reading_only_what_it_declares(fmt):
    """Every renderer runs through render(), which withholds the undeclared fields: a
    renderer that read one would raise here."""
    out = render_report(fmt, FULL_REPORT)
    assert isinstance(out, str) and out



def test_json_lists_each_group_once_in_the_order_findings_name_it():
    """The findings of a group share it; a group's places may be thousands, so the JSON
    lists each group once and a finding gives its index."""
    tie = Group("Tariq Arian", None, (Variant("Arian", (Loc("b.txt", 6, 11, 1, 7, 1, 12),)), Variant("Erian", (Loc("a.txt", 0, 5, 1, 1, 1, 6),))))
    copy = Group(BIDEN_GROUP.entity, BIDEN_GROUP.canonical, BIDEN_GROUP.variants)  # equal, another object
    grouped = [
        Finding("a.txt", 1, 1, 1, 6, "N101", "name-variant", "error", "m", group=tie),
        Finding("a.txt", 2, 1, 2, 6, "N101", "name-variant", "error", "m", group=BIDEN_GROUP),
        Finding("b.txt", 1, 7, 1, 12, "N101", "name-variant", "error", "m", group=tie),
        Finding("c.txt", 1, 1, 1, 6, "N101", "name-variant", "error", "m", group=copy),
        Finding("c.txt", 2, 1, 2, 6, "P101", "doubled-punctuation", "warning", "m"),
    ]
    report = json.loads(output("json", grouped))
    assert [item.get("group") for item in report["findings"]] == [0, 1, 0, 1, None]
    assert report["groups"] == [tie.as_dict(), BIDEN_GROUP.as_dict()]
    assert report["groups"][0]["canonical"] is None

"""Inline suppression markers, the unused-marker finding (X100) and the newsroom's vocabularies.

Markers are HTML comments, in plain text and Markdown alike::

    text <!-- lintnews: disable-line=P101 -->     this line only
    <!-- lintnews: disable-next-line=P -->        the next line only (codes may be prefixes)
    <!-- lintnews: disable=S101 --> ... <!-- lintnews: enable=S101 -->   a range
    <!-- lintnews: disable -->                    no codes: every rule

Each marker suppresses what it names and nothing more.  A marker that suppresses
nothing is reported (X100), but only when one of its codes is selected in the run.

Vocabularies: ``accept``/``vocabulary`` (and ``accept-file``/``vocabulary-file``) list
terms the spelling rule accepts and name spellings that are canonical for N101;
``reject``/``reject-file`` list terms (or regular expressions) reported as S102.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import json_findings, run_lintnews

MARKER = re.compile(r"[ \t]*<!--.*?-->")  # keeps line breaks: same line numbers


def lint(root: Path, *args: object) -> list[tuple[str, int, str]]:
    """``(file name, line, code)`` of every finding of ``lintnews --format json ARGS`` in ``root``."""
    proc = run_lintnews(["--format", "json", *args], cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return [(Path(f["path"]).name, f["line"], f["code"]) for f in json_findings(proc.stdout)]


def without_markers(text: str) -> str:
    return MARKER.sub("", text)


# One line per case; the comment says what must be reported there.
LINE_MARKERS = (
    "The minister mentionned the issue. . <!-- lintnews: disable-line=P101 -->\n"  # S101 only
    "The talks were a difficult issue. .\n"  # P101: the line after a disable-line
    "Officials said the goverment would act. . <!-- lintnews: disable-next-line=P -->\n"  # S101 and P101
    "The council adressed the matter. .\n"  # S101 only: P suppressed by prefix
    "The weather was fine. .\n"  # P101: two lines after a disable-next-line
)
LINE_MARKERS_EXPECTED = [(1, "S101"), (2, "P101"), (3, "S101"), (3, "P101"), (4, "S101"), (5, "P101")]

RANGE_MARKERS = (
    "The weather was fine. .\n"  # P101: before the range
    "<!-- lintnews: disable=S101 -->\n"
    "Officials said the goverment would act. .\n"  # P101 only
    "The council adressed the matter.\n"  # nothing
    "<!-- lintnews: enable=S101 -->\n"
    "The minister mentionned the issue.\n"  # S101: the range has ended
)
RANGE_MARKERS_EXPECTED = [(1, "P101"), (3, "P101"), (6, "S101")]

ALL_CODES = (
    "<!-- lintnews: disable -->\n"
    "The council adressed the matter. .\n"  # nothing
    "<!-- lintnews: enable -->\n"
    "The minister mentionned the issue. .\n"  # S101 and P101
    "\n"
    "Source link <!-- lintnews: disable-line -->\n"  # nothing
    "<!-- lintnews: disable-next-line -->\n"
    "Leave a Reply\n"  # nothing
    "<!-- lintnews: disable=P101 -->\n"
    "The talks were a difficult issue. .\n"  # nothing: disabled to the end of the file
    "It rained all day. .\n"  # nothing
)
ALL_CODES_EXPECTED = [(4, "S101"), (4, "P101")]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize(
    "text, expected",
    [
        (LINE_MARKERS, LINE_MARKERS_EXPECTED),
        (RANGE_MARKERS, RANGE_MARKERS_EXPECTED),
        (ALL_CODES, ALL_CODES_EXPECTED),
    ],
    ids=["disable-line-and-next-line", "disable-enable-range", "no-codes-means-every-rule"],
)
def test_each_marker_suppresses_what_it_names_and_nothing_more(tmp_path, suffix, text, expected):
    (tmp_path / f"marked{suffix}").write_text(text, encoding="utf-8")
    (tmp_path / f"bare{suffix}").write_text(without_markers(text), encoding="utf-8")
    found = lint(tmp_path, f"marked{suffix}", f"bare{suffix}")
    marked = sorted((line, code) for name, line, code in found if name.startswith("marked"))
    bare = sorted((line, code) for name, line, code in found if name.startswith("bare"))
    assert marked == sorted(expected)
    # Without the markers more is reported: the markers, not the text, made the difference.
    assert set(marked) < set(bare)
    assert "X100" not in {code for _, code in bare}


def test_enable_ends_the_range_for_the_codes_it_names(tmp_path):
    (tmp_path / "a.txt").write_text(
        "<!-- lintnews: disable=S101,P101 -->\n"
        "The council adressed the matter. .\n"  # nothing
        "<!-- lintnews: enable=S101 -->\n"
        "The minister mentionned the issue. .\n"  # S101 again; P101 still disabled
        "<!-- lintnews: enable=P101 -->\n"
        "It rained all day. .\n",  # P101 again
        encoding="utf-8",
    )
    assert lint(tmp_path, "a.txt") == [("a.txt", 4, "S101"), ("a.txt", 6, "P101")]


def test_enable_ends_a_range_its_code_and_the_ranges_codes_share_a_prefix_with(tmp_path):
    # When in doubt, report: enable=P101 ends a disable=P range (all of P is reported
    # again), and enable=P ends a disable=P101 range.
    (tmp_path / "a.txt").write_text(
        "<!-- lintnews: disable=P -->\n"
        "The talks ended , he said. .\n"  # nothing
        "<!-- lintnews: enable=P101 -->\n"
        "The talks ended , he said. .\n",  # P101 and P102 again
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "<!-- lintnews: disable=P101 -->\n"
        "The talks ended , he said. .\n"  # P102 only
        "<!-- lintnews: enable=P -->\n"
        "The talks ended , he said. .\n",  # P101 and P102
        encoding="utf-8",
    )
    assert lint(tmp_path, "a.txt", "b.txt") == [
        ("a.txt", 4, "P102"),
        ("a.txt", 4, "P101"),
        ("b.txt", 2, "P102"),
        ("b.txt", 4, "P102"),
        ("b.txt", 4, "P101"),
    ]


def test_a_marker_suppresses_only_in_its_own_file(tmp_path):
    (tmp_path / "a.txt").write_text("The talks were a difficult issue. . <!-- lintnews: disable=P101 -->\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The talks were a difficult issue. .\n", encoding="utf-8")
    assert lint(tmp_path, "a.txt", "b.txt") == [("b.txt", 1, "P101")]


# -- X100: unused markers ------------------------------------------------------------------

STALE = (
    "The weather was fine. <!-- lintnews: disable-line=P101 -->\n"  # nothing to suppress
    "The talks were a difficult issue. . <!-- lintnews: disable-line=P101 -->\n"  # used
)


def test_a_stale_marker_is_reported_where_it_is_written_and_a_used_one_is_not(tmp_path):
    (tmp_path / "a.txt").write_text(STALE, encoding="utf-8")
    proc = run_lintnews(["--format", "json", "a.txt"], cwd=tmp_path)
    findings = json_findings(proc.stdout)
    assert [(f["line"], f["code"]) for f in findings] == [(1, "X100")]
    (x100,) = findings
    column = STALE.index("<!--") + 1
    assert (x100["column"], x100["end_column"]) == (column, STALE.index("-->") + 4)
    assert "P101" in x100["message"]
    assert proc.returncode == 1


@pytest.mark.parametrize(
    "select, reported",
    [
        (None, True),  # the default selection has P101 and X100
        ("P,X100", True),
        ("P101,X", True),
        ("S,X100", False),  # the marker's rule is not selected: it may be needed another time
        ("P", False),  # X100 itself is not selected
    ],
)
def test_x100_only_when_the_markers_rule_is_selected(tmp_path, select, reported):
    (tmp_path / "a.txt").write_text(
        "The weather was fine. <!-- lintnews: disable-line=P101 -->\nThe minister mentionned the issue.\n", encoding="utf-8"
    )
    args = ["--select", select] if select else []
    found = lint(tmp_path, *args, "a.txt")
    assert (("a.txt", 1, "X100") in found) is reported
    if select in (None, "S,X100"):
        assert ("a.txt", 2, "S101") in found  # the run itself did happen


def test_a_stale_marker_without_codes_is_reported_and_a_stale_range_at_its_disable(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The weather was fine. <!-- lintnews: disable-line -->\n"
        "<!-- lintnews: disable=S101 -->\n"
        "The talks were a difficult issue. .\n"
        "<!-- lintnews: enable=S101 -->\n",
        encoding="utf-8",
    )
    assert lint(tmp_path, "a.txt") == [("a.txt", 1, "X100"), ("a.txt", 2, "X100"), ("a.txt", 3, "P101")]


def test_markers_in_markdown_are_not_read_as_prose(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Talks\n\nThe talks went well. <!-- lintnews: disable-line=P101 -->\n", encoding="utf-8"
    )
    # Only the stale marker itself: no spelling, punctuation or garble finding in its text.
    assert lint(tmp_path, "a.md") == [("a.md", 3, "X100")]


def test_markers_quoted_in_markdown_code_are_examples_not_directives(tmp_path):
    (tmp_path / "guide.md").write_text(
        "# How to silence lintnews\n"
        "\n"
        "```\n"
        "<!-- lintnews: disable -->\n"
        "```\n"
        "\n"
        "The talks were a difficult issue. .\n"
        "\n"
        "Write `<!-- lintnews: disable-next-line=P101 -->` before a line.\n"
        "The weather was fine. .\n",
        encoding="utf-8",
    )
    assert lint(tmp_path, "guide.md") == [("guide.md", 7, "P101"), ("guide.md", 10, "P101")]


# -- vocabularies ------------------------------------------------------------------------

NAMES_A = "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had hit the city on Saturday.\n"
NAMES_B = "Interior Ministry spokesman Tariq Erian said the attack had killed eight people.\n"
WORDS = (
    "The goverment said the warlord and two war lords met the Taleban on Monday.\n"
    "She adressed the Talebans and the TALEBAN.\n"
    "The Kabul Times and the kabul times.\n"
)


@pytest.fixture
def newsroom(write_files):
    return write_files({"a.txt": NAMES_A, "b.txt": NAMES_B, "c.txt": WORDS})


def test_without_vocabularies(newsroom):
    found = lint(newsroom, "a.txt", "b.txt", "c.txt")
    assert found == [
        ("a.txt", 1, "N101"),  # a tie: each spelling reported
        ("b.txt", 1, "N101"),
        ("c.txt", 1, "S101"),  # goverment
        ("c.txt", 2, "S101"),  # adressed
        ("c.txt", 3, "N103"),  # kabul: a city in lower case
    ]


def test_accept_and_reject_files_from_a_lintnews_toml(newsroom):
    (newsroom / "lists").mkdir()
    (newsroom / "lists" / "accept.txt").write_text("# our spellings\ngoverment\n\nErian\n", encoding="utf-8")
    (newsroom / "lists" / "reject.txt").write_text("Taleban\nwar ?lords?\n(?-i)Kabul Times\n", encoding="utf-8")
    (newsroom / "lintnews.toml").write_text(
        'accept-file = "lists/accept.txt"\nreject-file = "lists/reject.txt"\n', encoding="utf-8"
    )
    proc = run_lintnews(["--format", "json", "a.txt", "b.txt", "c.txt"], cwd=newsroom)
    findings = json_findings(proc.stdout)
    located = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert located == [
        ("a.txt", 1, NAMES_A.index("Arian") + 1, "N101"),  # only the spelling that is not accepted
        ("c.txt", 1, WORDS.index("warlord") + 1, "S102"),
        ("c.txt", 1, WORDS.index("war lords") + 1, "S102"),
        ("c.txt", 1, WORDS.index("Taleban") + 1, "S102"),
        ("c.txt", 2, 5, "S101"),  # adressed: not accepted, still reported
        ("c.txt", 2, WORDS.split("\n")[1].index("TALEBAN") + 1, "S102"),  # case-insensitive by default
        ("c.txt", 3, 5, "S102"),  # (?-i): "Kabul Times" but not "kabul times"
        ("c.txt", 3, WORDS.split("\n")[2].index("kabul") + 1, "N103"),  # a city in lower case
    ]
    # Whole words only: "Talebans" is not "Taleban".
    assert "Talebans" not in " ".join(f["message"] for f in findings)
    (name,) = [f for f in findings if f["code"] == "N101"]
    assert name["suggestion"] == "Erian"  # the accepted spelling is canonical
    assert "accepted" in name["message"]


def test_inline_lists_in_pyproject(newsroom):
    (newsroom / "pyproject.toml").write_text(
        '[tool.lintnews]\nvocabulary = ["goverment"]\naccept = ["Tariq Arian"]\nreject = ["Taleban"]\n', encoding="utf-8"
    )
    found = lint(newsroom, "a.txt", "b.txt", "c.txt")
    assert found == [
        ("b.txt", 1, "N101"),  # "Tariq Arian" accepted as a full name: Erian is the variant
        ("c.txt", 1, "S102"),
        ("c.txt", 2, "S101"),
        ("c.txt", 2, "S102"),
        ("c.txt", 3, "N103"),
    ]


def test_a_rejected_term_can_be_suppressed_inline(write_files):
    root = write_files(
        {
            "lintnews.toml": 'reject = ["Taleban"]\n',
            "a.txt": "The Taleban met. <!-- lintnews: disable-line=S102 -->\nThe Taleban left.\n",
        }
    )
    assert lint(root, "a.txt") == [("a.txt", 2, "S102")]


@pytest.mark.parametrize(
    "config, files, needle",
    [
        ('reject = ["war (lord"]\n', {}, "war (lord"),
        ('reject-file = "reject.txt"\n', {"reject.txt": "ok\nbad[regex\n"}, "bad[regex"),
        ('accept-file = "missing.txt"\n', {}, "missing.txt"),
    ],
)
def test_a_bad_vocabulary_is_an_error_naming_the_config(write_files, config, files, needle):
    root = write_files({"lintnews.toml": config, "a.txt": NAMES_A, **files})
    proc = run_lintnews(["a.txt"], cwd=root)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "lintnews.toml" in proc.stderr and needle in proc.stderr, proc.stderr

"""The HTML review page, read without a browser (what a reader without JavaScript gets).

The browser test (test_html_browser.py) checks the same page after its script ran.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from htmldom import highlights, parse
from lintnews.core.corpus import Loc
from lintnews.core.finding import Finding, Group, Related, Variant
from lintnews.report import Report
from lintnews.report import render as render_report


def render(findings, **fields) -> str:
    return render_report("html", Report(findings, **fields))


def finding(path: str, line: int, column: int, end_line: int, end_column: int, code: str = "P101", message: str = "m", suggestion=None, related=(), group=None) -> Finding:
    return Finding(path, line, column, end_line, end_column, code, "rule-name", "warning", message, suggestion, tuple(related), group=group)


def source_lines(root, path: str) -> list[str]:
    [doc] = [d for d in root.find_all("section", "doc") if d.find_all("h3")[0].text() == path]
    return [row.find_all("span", "src")[0].text() for row in doc.find_all("span", "ln")]


def anchor_spans(root) -> dict[int, tuple[int, int, int]]:
    """finding id -> (line, column, total highlighted length over its pieces on that line)."""
    spans: dict[int, list] = {}
    for h in highlights(root):
        if h["anchor"]:
            spans[h["finding"]] = [h["line"], h["column"], h["length"]]
    for h in highlights(root):
        if not h["anchor"] and h["line"] == spans[h["finding"]][0]:
            spans[h["finding"]][2] += h["length"]
    return {k: tuple(v) for k, v in spans.items()}


# -- the seeds through the CLI ------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, lintnews_exe, seeds_dir):
    import subprocess

    from conftest import cli_env

    out = tmp_path_factory.mktemp("html") / "report.html"
    root = seeds_dir.parent
    html_proc = subprocess.run([lintnews_exe, "--format", "html", "-o", str(out), "seeds/"], cwd=root, env=cli_env(), capture_output=True, text=True)
    json_proc = subprocess.run([lintnews_exe, "--format", "json", "seeds/"], cwd=root, env=cli_env(), capture_output=True, text=True, encoding="utf-8")
    assert html_proc.returncode == 1 and html_proc.stdout == "", html_proc.stderr
    return out.read_text(encoding="utf-8"), json.loads(json_proc.stdout)["findings"]


def test_seeds_page_highlights_every_json_finding_at_its_line_and_column(seeds_report):
    html, findings = seeds_report
    root = parse(html)
    anchors = [h for h in highlights(root) if h["anchor"]]
    assert len(anchors) == len(findings) == len(root.find_all("mark", "hl"))
    by_id = {h["finding"]: h for h in anchors}
    spans = anchor_spans(root)
    for i, f in enumerate(findings):
        h = by_id[i]
        assert (h["path"], h["line"], h["column"]) == (f["path"], f["line"], f["column"]), f
        if f["end_line"] == f["line"]:
            assert spans[i][2] == f["end_column"] - f["column"], f


def test_seeds_page_lists_every_finding_with_its_cli_location(seeds_report):
    html, findings = seeds_report
    root = parse(html)
    items = root.find_all("li", where=lambda e: (e.attrs.get("id") or "").startswith("m"))
    locations = [li.find_all("a", "loc")[0].text() for li in items]
    assert locations == [f"{f['path']}:{f['line']}:{f['column']}" for f in findings]
    assert all(f["message"] in li.text() for f, li in zip(findings, items))


def test_seeds_page_text_is_the_files_text(seeds_report, seeds_dir):
    html, _ = seeds_report
    root = parse(html)
    for doc in root.find_all("section", "doc"):
        path = doc.find_all("h3")[0].text()
        expected = (seeds_dir.parent / path).read_text(encoding="utf-8").split("\n")
        assert source_lines(root, path) == expected


def test_seeds_page_shows_the_name_and_title_clusters(seeds_report):
    root = parse(seeds_report[0])
    names = [[f.text() for f in c.find_all("span", "form")] for c in root.find_all("div", "name-cluster")]
    assert ["Arian", "Erian"] in names
    assert ["Biden", "Badin"] in names  # the suggested spelling first
    assert any({"Zabihullah Mujahid", "Zabiullah Mujahid"} == set(n) for n in names)
    titles = root.find_all("div", "title-cluster")
    assert len(titles) == 1 and "Mike Pompeo" in titles[0].find_all("h3")[0].text()
    assert [f.text() for f in titles[0].find_all("span", "form")][0] == "Secretary of State Mike Pompeo"


def test_seeds_page_ranks_documents_by_findings_per_thousand_words(seeds_report):
    root = parse(seeds_report[0])
    [table] = root.find_all("table", "docs")
    rows = [[td.text() for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    densities = [float(r[4]) for r in rows]
    assert densities == sorted(densities, reverse=True) and len(rows) == 5
    assert sum(int(r[3]) for r in rows) == len(seeds_report[1])


def test_page_is_readable_without_javascript(seeds_report):
    """Nothing is hidden in the markup itself; only the script hides documents and pages."""
    html, findings = seeds_report
    root = parse(html)
    [body] = root.find_all("body")
    assert "js" not in body.classes
    docs = root.find_all("section", "doc")
    assert docs and not any("hidden" in d.attrs for d in docs)
    assert not any("hidden" in li.attrs for li in root.find_all("li"))
    assert ".js section.doc,.js section.view{display:none}" in html
    assert "<html lang=\"en\">" in html  # the "js" class comes from the page's script only
    assert "<link" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html


def test_overview_counts_families_and_charts_rules(seeds_report):
    html, findings = seeds_report
    root = parse(html)
    [families] = root.find_all("table", "families")
    by_family = {tr.find_all("th")[0].text().split()[0]: int(tr.find_all("td")[0].text()) for tr in families.find_all("tr")[1:]}
    assert by_family["N"] == sum(f["code"].startswith("N") for f in findings)
    assert sum(by_family.values()) == len(findings)
    [svg] = root.find_all("svg")
    assert len(svg.find_all("rect")) == len({f["code"] for f in findings})


# -- markup ---------------------------------------------------------------------------------


def test_document_text_is_escaped_and_scripts_in_it_are_inert():
    text = "Source link <script>alert('x')</script> & <img src=x onerror=alert(1)>\n"
    f = finding("evil<b>.txt", 1, 13, 1, 21, message="found '<script>' here", suggestion="</script>")
    html = render([f], texts={"evil<b>.txt": text}, word_counts={"evil<b>.txt": 7})
    assert html.count("<script") == 2  # the page's own scripts only (one in the head, one at the end)
    assert "<img" not in html and "<b>" not in html
    root = parse(html)
    assert source_lines(root, "evil<b>.txt") == [text.rstrip("\n"), ""]
    [mark] = root.find_all("mark", "hl")
    assert mark.text() == "<script>" and "found '<script>' here" in mark.attrs["title"]


def test_crossing_findings_nest_with_continuations_and_keep_the_text():
    text = "alpha beta gamma delta\n"
    a = finding("a.txt", 1, 1, 1, 11)  # "alpha beta"
    b = finding("a.txt", 1, 7, 1, 17)  # "beta gamma": crosses a
    c = finding("a.txt", 1, 7, 1, 11)  # "beta": inside both
    html = render([a, b, c], texts={"a.txt": text}, word_counts={"a.txt": 4})
    root = parse(html)  # raises on badly nested markup
    assert source_lines(root, "a.txt")[0] == "alpha beta gamma delta"
    assert len(root.find_all("mark", "hl")) == 3
    assert anchor_spans(root) == {0: (1, 1, 10), 1: (1, 7, 10), 2: (1, 7, 4)}
    assert len(root.find_all("mark", "hlc")) >= 1


def test_identical_spans_each_get_an_anchor():
    text = "Foreign Secretary Mike Pompeo.\n"
    f1, f2 = finding("a.txt", 1, 1, 1, 30, code="T101"), finding("a.txt", 1, 1, 1, 30, code="T102")
    root = parse(render([f1, f2], texts={"a.txt": text}))
    assert anchor_spans(root) == {0: (1, 1, 29), 1: (1, 1, 29)}


def test_multi_line_finding_continues_on_the_next_line():
    text = "one two\nthree four\n"
    f = finding("a.txt", 1, 5, 2, 6)  # "two\nthree"
    root = parse(render([f], texts={"a.txt": text}))
    pieces = [(h["line"], h["column"], h["length"], h["anchor"]) for h in highlights(root)]
    assert pieces == [(1, 5, 3, True), (2, 1, 5, False)]
    assert source_lines(root, "a.txt") == ["one two", "three four", ""]


def test_span_past_the_end_of_a_line_still_gets_its_anchor():
    text = "He said “yes\nand left.\n"
    f = finding("a.txt", 1, 13, 1, 14)  # the newline after "yes"
    root = parse(render([f], texts={"a.txt": text}))
    assert [(h["line"], h["column"], h["anchor"]) for h in highlights(root)] == [(1, 13, True)]
    assert source_lines(root, "a.txt")[:2] == ["He said “yes", "and left."]


def test_findings_without_text_are_still_listed():
    f = finding("gone.txt", 3, 1, 3, 4, message="lost")
    root = parse(render([f], texts={}, word_counts={}))
    assert [li.find_all("a", "loc")[0].text() for li in root.find_all("li", where=lambda e: e.attrs.get("id") == "m0")] == ["gone.txt:3:1"]


def test_related_locations_link_to_rendered_lines():
    texts = {"a.txt": "Badin spoke.\n", "b.txt": "x\nJoe Biden won.\n"}
    group = Group("Biden", "Biden", (Variant("Biden", (Loc("b.txt", 6, 11, 2, 5, 2, 10),)), Variant("Badin", (Loc("a.txt", 0, 5, 1, 1, 1, 6),))))
    f = finding("a.txt", 1, 1, 1, 6, code="N101", suggestion="Biden", related=[Related("b.txt", 2, 1, 2, 10, "'Biden' here")], group=group)
    root = parse(render([f], texts=texts, word_counts={"a.txt": 2, "b.txt": 4}))  # b.txt is shown: it has a form of the name cluster
    hrefs = [a.attrs["href"] for a in root.find_all("li", where=lambda e: e.attrs.get("id") == "m0")[0].find_all("a")]
    targets = {e.attrs.get("id") for e in root.iter()}
    assert all(h.lstrip("#") in targets for h in hrefs) and len(hrefs) == 2


def test_empty_report_is_a_page():
    root = parse(render([], texts={"a.txt": "fine\n"}, word_counts={"a.txt": 1}))
    assert root.find_all("mark") == [] and root.find_all("section", "doc") == []
    assert "No name is spelled more than one way" in root.find_all("section", where=lambda e: e.attrs.get("id") == "clusters")[0].text()


def test_output_is_deterministic():
    texts = {"a.txt": "Badin spoke. Biden won. Biden left.\n"}
    findings = [finding("a.txt", 1, 1, 1, 6, code="N101", suggestion="Biden")]
    assert render(findings, texts=texts) == render(findings, texts=texts)


# -- -o / --output through the CLI ------------------------------------------------------------


def test_output_option_writes_atomically_and_html_goes_to_stdout_without_it(run_cli, write_files, tmp_path):
    root = write_files({"a.txt": "The talks were a difficult issue. .\n"})
    to_stdout = run_cli(["--format", "html", "a.txt"], cwd=root)
    assert to_stdout.returncode == 1 and to_stdout.stdout.startswith("<!DOCTYPE html>")
    written = run_cli(["--format", "html", "-o", "out/report.html", "a.txt"], cwd=root)
    assert written.returncode == 2 and "no such directory" in written.stderr and "Traceback" not in written.stderr
    assert not (root / "out").exists()
    (root / "out").mkdir()
    written = run_cli(["--format", "html", "-o", "out/report.html", "a.txt"], cwd=root)
    assert written.returncode == 1 and written.stdout == ""
    assert (root / "out" / "report.html").read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in (root / "out").iterdir()) == ["report.html"]  # no temporary file left
    mode = (root / "out" / "report.html").stat().st_mode & 0o777
    assert mode & 0o044 or os.umask(os.umask(0)) & 0o044  # readable by others unless the umask forbids it


def test_output_option_works_for_every_format(run_cli, write_files):
    root = write_files({"a.txt": "The talks were a difficult issue. .\n"})
    for fmt in ("text", "json", "github"):
        plain = run_cli(["--format", fmt, "a.txt"], cwd=root)
        to_file = run_cli(["--format", fmt, "--output", f"r.{fmt}", "a.txt"], cwd=root)
        assert to_file.stdout == "" and (root / f"r.{fmt}").read_text(encoding="utf-8") == plain.stdout
    stats = run_cli(["--statistics", "-o", "stats.txt", "a.txt"], cwd=root)
    assert stats.stdout == "" and "P101" in (root / "stats.txt").read_text(encoding="utf-8")


def test_output_to_a_directory_is_an_error(run_cli, write_files):
    root = write_files({"a.txt": "Fine.\n"})
    (root / "dir").mkdir()
    proc = run_cli(["-o", "dir", "a.txt"], cwd=root)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr

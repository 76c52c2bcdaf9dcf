"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package).

The page of ``seeds/`` is loaded from disk with its script running; the DOM Chromium
serialises afterwards must hold one highlight per JSON finding, at the same line and
column, and the Erian/Arian name cluster.  A screenshot is kept as an artifact in
``$TMPDIR/lintnews-browser-artifacts/`` (its path is printed).

Without Chromium the tests skip, saying why; under CI (``CI=true``, set by ``.ci/run``,
which installs Chromium when it is missing) they fail instead.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import chromium, cli_env
from htmldom import highlights, parse


ARTIFACTS = Path(tempfile.gettempdir()) / "lintnews-browser-artifacts"


def lintnews(exe: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe, *args], cwd=cwd, env=cli_env(), capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory, lintnews_exe, seeds_dir):
    folder = tmp_path_factory.mktemp("browser")
    page = folder / "report.html"
    proc = lintnews(lintnews_exe, ["--format", "html", "-o", str(page), "seeds/"], seeds_dir.parent)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(lintnews(lintnews_exe, ["--format", "json", "seeds/"], seeds_dir.parent).stdout)["findings"]
    return page, findings, folder


def test_browser_shows_every_json_finding_and_the_erian_arian_cluster(browser, seeds_page):
    page, findings, folder = seeds_page
    dom = chromium.dump_dom(browser, page, folder / "chromium")
    root = parse(dom)
    [body] = root.find_all("body")
    assert "js" in body.classes, "the page's script did not run"
    assert len(root.find_all(cls="hl")) == len(findings) > 0
    anchors = {h["finding"]: h for h in highlights(root) if h["anchor"]}
    assert [(anchors[i]["path"], anchors[i]["line"], anchors[i]["column"]) for i in range(len(findings))] == [
        (f["path"], f["line"], f["column"]) for f in findings
    ]
    clusters = [{f.text() for f in c.find_all("span", "form")} for c in root.find_all("div", "name-cluster")]
    assert any({"Erian", "Arian"} <= forms for forms in clusters), clusters
    # the script shows one document at a time, with a pager
    assert len([d for d in root.find_all("section", "doc") if "current" in d.classes]) == 1
    [pager] = root.find_all("nav", "pager")
    assert "hidden" not in pager.attrs and pager.find_all("select")


def test_browser_opens_the_document_of_a_linked_finding(browser, seeds_page):
    page, findings, folder = seeds_page
    last = len(findings) - 1
    root = parse(chromium.dump_dom(browser, page, folder / "chromium", fragment=f"f{last}"))
    [current] = [d for d in root.find_all("section", "doc") if "current" in d.classes]
    assert current.find_all("h3")[0].text() == findings[last]["path"]
    assert findings[last]["path"] != findings[0]["path"]  # so the first document is not simply the default


def test_browser_does_not_run_scripts_from_document_text(browser, lintnews_exe, write_files, tmp_path):
    evil = (
        "Officials mentionned the plan <script>document.documentElement.setAttribute('data-pwned','script')</script>\n"
        "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\"> Source link\n"
        "Source link\n"
    )
    root_dir = write_files({"evil.txt": evil})
    page = tmp_path / "evil.html"
    proc = lintnews(lintnews_exe, ["--format", "html", "-o", str(page), "evil.txt"], root_dir)
    assert proc.returncode == 1, proc.stderr
    dom = chromium.dump_dom(browser, page, tmp_path / "chromium")
    root = parse(dom)
    [html] = root.find_all("html")
    assert "data-ready-ms" in html.attrs, "the page's own script must have run"
    assert "data-pwned" not in html.attrs
    assert root.find_all("img") == []
    assert "<script>document.documentElement" in root.find_all("section", "doc")[0].text()  # shown as text


def test_browser_screenshot_is_kept_as_an_artifact(browser, seeds_page):
    page, _, folder = seeds_page
    png = chromium.screenshot(browser, page, ARTIFACTS / "report-seeds.png", folder / "chromium")
    assert chromium.png_size(png) == (1400, 1000)
    assert png.stat().st_size > 10_000  # a blank page compresses to almost nothing
    print(f"screenshot: {png}")

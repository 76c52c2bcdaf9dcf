"""A review page: one self-contained HTML file (inline CSS, JS and SVG; no network).

Sections: an overview (documents ranked by findings per 1,000 words, counts per rule
family, a bar chart of findings per rule), the name and title clusters, every document
that has findings (or a clustered name) with each finding highlighted at its exact span,
followed by the list of its findings, and the documentation of every rule that has
findings (what ``lintnews --explain CODE`` prints; each finding's code links to it).

Without JavaScript everything is on the page: the texts with their highlights and the
full findings lists.  The script only adds: one document at a time with a pager, the
findings list in pages, filters by rule family and severity, keyboard navigation
(``n``/``p`` next and previous finding, ``]``/``[`` next and previous document), a
panel showing the focused finding's message, a search box (findings whose location,
code, rule name, message or suggestion hold every word typed) and the *accepted* view:
findings marked "accept" and spellings marked "accept spelling" on the page, exported
as a baseline file (``--baseline``) and as ``accept`` entries (the configuration's
``accept`` list, or lines of an ``accept-file``).  The entries are computed here, in
Python (each finding's fingerprint, each spelling's escaped term, in data attributes);
the script only collects the marked ones, in the formats of :func:`baseline_json`,
:func:`accept_toml` and :func:`accept_lines`.  Filters work by classes on ``<body>``, so
they cost the same with 100,000 findings as with ten.

All document text, messages and paths are escaped.  Each finding has exactly one
element with the class ``hl`` (its anchor, ``id="f<N>"``); a finding that crosses
another one or a line break continues in elements of class ``hlc``, so the markup stays
well nested however findings overlap.  Lines and columns are those of the other formats.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from lintnews.core.version import __version__
from lintnews.core.finding import SEVERITIES, Finding
from lintnews.core.rule import FAMILIES
from lintnews.core.lines import LineIndex
from lintnews.report.clusters import Cluster, Occurrence, name_clusters, title_clusters
from lintnews.report.model import Renderer, Report
from lintnews.rules.ruleset import RuleSet
from lintnews.run.baseline import SCHEMA as BASELINE_SCHEMA
from lintnews.run.baseline import VERSION as BASELINE_VERSION
from lintnews.run.fingerprints import fingerprints

LIST_PAGE_SIZE = 200  # findings per page of a document's list (with JavaScript)
_LINKS_OPEN = 12  # occurrence links shown before the rest fold into <details>


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _family(code: str) -> str:
    return code[0] if code and code[0] in FAMILIES else "other"


#: Rules a flagged spelling of which the configuration's ``accept`` list silences: S101
#: never reports an accepted word; N101 takes an accepted spelling as the canonical one.
ACCEPT_CODES = frozenset({"S101", "N101"})
_REGEX_SPECIAL = frozenset("\\.^$|?*+()[]{}#")


def accept_entry(text: str) -> str:
    """An ``accept`` entry that matches ``text`` and nothing else (entries are regular
    expressions: "Mr." would match "Mrs"; a leading "#" would be a comment)."""
    return "".join("\\" + c if c in _REGEX_SPECIAL else c for c in " ".join(text.split()))


def _toml_string(value: str) -> str:
    # JSON's string syntax is TOML's basic string (the page's script writes JSON.stringify);
    # TOML also wants DEL escaped.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def accept_toml(entries: Iterable[str]) -> str:
    """The ``accept`` option holding ``entries`` (in ``lintnews.toml``, or under
    ``[tool.lintnews]`` of ``pyproject.toml``); what the page exports."""
    entries = list(entries)
    return f"accept = [{', '.join(_toml_string(e) for e in entries)}]\n" if entries else ""


def accept_lines(entries: Iterable[str]) -> str:
    """``entries`` as an ``accept-file``: one a line."""
    return "".join(f"{e}\n" for e in entries)


def baseline_json(prints: Iterable[str]) -> str:
    """A baseline file of the fingerprints ``prints``, as ``--write-baseline`` writes it."""
    data = {"schema": BASELINE_SCHEMA, "version": BASELINE_VERSION, "fingerprints": sorted(prints)}
    return json.dumps(data, indent=1) + "\n"


def rule_anchor(code: str) -> str:
    return f"rule-{code}"


def _where(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}"


def _tip(f: Finding) -> str:
    tip = f"{f.code} {f.name} ({f.severity}): {f.message}"
    if f.suggestion:
        tip += f"\nsuggestion: {f.suggestion}"
    return tip


class _Page:
    """Ids for documents and lines, shared by every section."""

    def __init__(self, doc_paths: Sequence[str], texts: Mapping[str, str]) -> None:
        self.doc_id = {p: f"d{i}" for i, p in enumerate(doc_paths)}
        self.line_counts = {p: texts[p].count("\n") + 1 for p in doc_paths if p in texts}

    def line_link(self, path: str, line: int, label: str) -> str:
        did = self.doc_id.get(path)
        if did is None or not 0 < line <= self.line_counts.get(path, 0):
            return _e(label)
        return f'<a href="#{did}-L{line}">{_e(label)}</a>'


# -- highlighting --------------------------------------------------------------------------


def _pieces_by_line(text: str, findings: Sequence[tuple[int, Finding]]) -> dict[int, list[tuple[int, int, int]]]:
    """``line -> [(start column0, end column0, finding id)]``: each finding cut at line ends."""
    index = LineIndex.of(text)
    lines = text.split("\n")
    out: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for fid, f in findings:
        start = index.offset(f.line, f.column)
        end = max(start, index.offset(f.end_line, f.end_column))
        first_line, _ = index.position(start)
        last_line, _ = index.position(end) if end > start else (first_line, 0)
        for n in range(first_line, last_line + 1):
            line_start = index.starts[n - 1]
            length = len(lines[n - 1])
            a = max(0, start - line_start)
            b = min(length, end - line_start)
            if n > first_line and b <= 0 and n == last_line:
                break  # the span ends at the newline before this line
            out[n].append((min(a, length), max(min(a, length), b), fid))
    return out


def _render_line(line: str, pieces: list[tuple[int, int, int]], open_tag: Callable[[int, bool], str], anchored: set[int]) -> str:
    """One line's text with its pieces as properly nested ``<mark>`` elements.

    Longer pieces open first; a piece that must close while a shorter one that started
    later is still open closes that one too and reopens it as a continuation.
    """
    if not pieces:
        return _e(line)
    pieces = sorted(pieces, key=lambda p: (p[0], -p[1], p[2]))
    bounds = sorted({0, len(line), *(p[0] for p in pieces), *(p[1] for p in pieces)})
    out: list[str] = []
    stack: list[tuple[int, int]] = []  # (end, finding id)
    waiting = list(reversed(pieces))

    def tag(fid: int) -> str:
        first = fid not in anchored
        anchored.add(fid)
        return open_tag(fid, first)

    for i, pos in enumerate(bounds):
        if any(end <= pos for end, _ in stack):
            reopen = []
            while any(end <= pos for end, _ in stack):
                end, fid = stack.pop()
                out.append("</mark>")
                if end > pos:
                    reopen.append((end, fid))
            for end, fid in reversed(reopen):
                out.append(tag(fid))
                stack.append((end, fid))
        while waiting and waiting[-1][0] == pos:
            a, b, fid = waiting.pop()
            if a == b:  # an empty span (past the end of a line): a visible caret
                out.append(tag(fid) + "</mark>")
                continue
            out.append(tag(fid))
            stack.append((b, fid))
        if i + 1 < len(bounds):
            out.append(_e(line[pos : bounds[i + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _render_text(did: str, text: str, findings: Sequence[tuple[int, Finding]]) -> str:
    by_id = dict(findings)

    def open_tag(fid: int, first: bool) -> str:
        f = by_id[fid]
        classes = f"s-{_e(f.severity)} f-{_family(f.code)}"
        if first:
            return (
                f'<mark class="hl {classes}" id="f{fid}" data-f="{fid}" tabindex="0" '
                f'aria-describedby="m{fid}" title="{_e(_tip(f))}">'
            )
        return f'<mark class="hlc {classes}" data-f="{fid}" title="{_e(_tip(f))}">'

    pieces = _pieces_by_line(text, findings)
    anchored: set[int] = set()
    rows = []
    for n, line in enumerate(text.split("\n"), 1):
        body = _render_line(line, pieces.get(n, []), open_tag, anchored)
        rows.append(f'<span class="ln" id="{did}-L{n}"><a class="no" href="#{did}-L{n}" aria-hidden="true">{n}</a><span class="src">{body}</span></span>')
    missing = [fid for fid, _ in findings if fid not in anchored]
    for fid in missing:  # cannot happen with offsets clamped into the text; kept visible if it does
        rows.append(f'<span class="ln">{open_tag(fid, True)}</mark></span>')
    return '<pre class="text">' + "\n".join(rows) + "</pre>"


# -- sections ------------------------------------------------------------------------------


def _finding_item(fid: int, f: Finding, page: _Page, extra: _Extra) -> str:
    related = ""
    if f.related:
        links = ", ".join(
            page.line_link(r.path, r.line, _where(r.path, r.line, r.column)) + (f" ({_e(r.message)})" if r.message else "")
            for r in f.related
        )
        related = f'<span class="rel">see {links}</span>'
    suggestion = f' <span class="sugg">suggestion: <q>{_e(f.suggestion)}</q></span>' if f.suggestion else ""
    code = _e(f.code)
    if f.code in extra.documented:
        code = f'<a href="#{_e(rule_anchor(f.code))}">{code}</a>'
    data = f' data-fp="{_e(extra.prints[fid])}"' if extra.prints[fid] else ""
    term = extra.terms.get(fid)
    if term:
        data += f' data-term="{_e(term)}"'
    return (
        f'<li id="m{fid}" class="s-{_e(f.severity)} f-{_family(f.code)}" data-f="{fid}"{data}>'
        f'<a class="loc" href="#f{fid}">{_e(_where(f.path, f.line, f.column))}</a> '
        f'<code title="{_e(f.name)}">{code}</code> <span class="sev">{_e(f.severity)}</span> '
        f'<span class="msg">{_e(f.message)}</span>{suggestion}{related}</li>'
    )


def _chart(per_rule: Counter, names: Mapping[str, str]) -> str:
    """A horizontal bar chart of findings per rule, as inline SVG."""
    if not per_rule:
        return ""
    rows = sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    top = rows[0][1]
    bar_h, gap, label_w, bar_w = 13, 4, 230, 300
    height = len(rows) * (bar_h + gap) + gap
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title" width="{label_w + bar_w + 70}" height="{height}" '
        f'viewBox="0 0 {label_w + bar_w + 70} {height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Findings per rule</title>',
    ]
    for i, (code, n) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1, round(bar_w * n / top))
        parts.append(
            f'<g class="f-{_family(code)}"><text x="0" y="{y + bar_h - 2}">{_e(code)} {_e(names.get(code, ""))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + bar_h - 2}">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _overview(findings: Sequence[Finding], doc_rows: list[tuple[str, int, int, Counter]], page: _Page, errors: Sequence[object]) -> str:
    words = sum(w for _, w, _, _ in doc_rows)
    per_family = Counter(_family(f.code) for f in findings)
    per_family_sev = Counter((_family(f.code), f.severity) for f in findings)
    per_rule = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    out = ['<section id="overview" class="view"><h2>Overview</h2>']
    out.append(
        f'<p class="summary">{len(doc_rows)} document{"s" if len(doc_rows) != 1 else ""}, {words:,} words, '
        f'<strong>{len(findings):,}</strong> finding{"s" if len(findings) != 1 else ""}'
        + (f" ({1000 * len(findings) / words:.2f} per 1,000 words)" if words else "")
        + "</p>"
    )
    if errors:
        out.append('<div class="errors"><h3>Files not linted</h3><ul>')
        out.extend(f"<li>{_e(e)}</li>" for e in errors)
        out.append("</ul></div>")
    out.append('<div class="cols"><div><h3>Findings per rule family</h3><table class="families"><thead><tr><th scope="col">family</th><th scope="col">findings</th>')
    out.extend(f'<th scope="col">{s}</th>' for s in SEVERITIES)
    out.append("</tr></thead><tbody>")
    for fam, title in [*FAMILIES.items(), ("other", "Rules from plugins and rule packs")]:
        if fam == "other" and not per_family[fam]:
            continue
        out.append(f'<tr class="f-{fam}"><th scope="row"><span class="swatch"></span>{_e(fam)} <span class="dim">{_e(title)}</span></th><td>{per_family[fam]}</td>')
        out.extend(f"<td>{per_family_sev[(fam, s)]}</td>" for s in SEVERITIES)
        out.append("</tr>")
    out.append("</tbody></table></div>")
    out.append(f'<div><h3>Findings per rule</h3>{_chart(per_rule, names)}</div></div>')

    out.append('<h3>Documents by findings per 1,000 words</h3><table class="docs"><thead><tr>'
               '<th scope="col">#</th><th scope="col">document</th><th scope="col">words</th><th scope="col">findings</th>'
               '<th scope="col">per 1,000 words</th>')
    out.extend(f'<th scope="col">{s}</th>' for s in SEVERITIES)
    out.append("</tr></thead><tbody>")
    def density(row: tuple[str, int, int, Counter]) -> float:
        _, w, n, _ = row
        return n / w if w else (float("inf") if n else 0.0)

    ranked = sorted(doc_rows, key=lambda r: (-density(r), -r[2], r[0]))
    for rank, (path, w, n, sev) in enumerate(ranked, 1):
        did = page.doc_id.get(path)
        name = f'<a href="#{did}">{_e(path)}</a>' if did else _e(path)
        per_thousand = f"{1000 * n / w:.1f}" if w else "–"
        out.append(f"<tr><td>{rank}</td><td>{name}</td><td>{w:,}</td><td>{n}</td><td>{per_thousand}</td>")
        out.extend(f"<td>{sev[s]}</td>" for s in SEVERITIES)
        out.append("</tr>")
    out.append("</tbody></table></section>")
    return "".join(out)


def _occurrence_links(occurrences: Sequence[Occurrence], page: _Page) -> str:
    links = [page.line_link(o.path, o.line, _where(o.path, o.line, o.column)) for o in occurrences]
    shown, rest = links[:_LINKS_OPEN], links[_LINKS_OPEN:]
    out = ", ".join(shown)
    if rest:
        out += f' <details><summary>{len(rest)} more</summary>{", ".join(rest)}</details>'
    return out


def _clusters(names: Sequence[Cluster], titles: Sequence[Cluster], page: _Page) -> str:
    out = ['<section id="clusters" class="view"><h2>Name clusters</h2>']
    if not names:
        out.append("<p>No name is spelled more than one way.</p>")
    for kind, clusters in (("name", names), ("title", titles)):
        if kind == "title":
            out.append("<h2 id=\"titles\">Titles given to the same person</h2>")
            if not clusters:
                out.append("<p>No person is given conflicting titles.</p>")
        for c in clusters:
            total = sum(len(f.occurrences) for f in c.forms)
            what = "mentions" if kind == "name" else "titled mentions"
            tie = ' <span class="tie">choose one spelling</span>' if c.tie and kind == "name" else ' <span class="tie">no rendering is the majority</span>' if c.tie else ""
            out.append(f'<div class="cluster {kind}-cluster"><h3>{_e(c.label)}{tie} <span class="dim">{len(c.forms)} forms, {total} {what}</span></h3><ul>')
            for form in c.forms:
                badge = '<span class="canon">canonical</span> ' if form.canonical and not c.tie else ""
                flag = ' <span class="dim">(reported)</span>' if form.flagged else ""
                term = f' data-term="{_e(accept_entry(form.text))}"' if kind == "name" else ""
                out.append(
                    f'<li{term}>{badge}<span class="form">{_e(form.text)}</span> <span class="count">×{len(form.occurrences)}</span>{flag}: '
                    f"{_occurrence_links(form.occurrences, page)}</li>"
                )
            out.append("</ul></div>")
    out.append("</section>")
    return "".join(out)


def _documents(doc_paths: Sequence[str], texts: Mapping[str, str], by_doc: Mapping[str, list[tuple[int, Finding]]], words: Mapping[str, int], page: _Page, extra: _Extra) -> str:
    out = ['<section id="documents" class="view"><h2>Documents</h2><nav class="pager" hidden></nav>']
    for path in doc_paths:
        did = page.doc_id[path]
        items = by_doc.get(path, [])
        sev = Counter(f.severity for _, f in items)
        counts = ", ".join(f"{sev[s]} {s}" for s in SEVERITIES if sev[s])
        out.append(
            f'<section class="doc" id="{did}" aria-labelledby="{did}-h"><h3 id="{did}-h">{_e(path)}</h3>'
            f'<p class="dim">{words.get(path, 0):,} words, {len(items)} finding{"s" if len(items) != 1 else ""}{": " + counts if counts else ""}</p>'
        )
        text = texts.get(path)
        if text is None:
            out.append('<p class="dim">The text of this document was not available to the report.</p>')
        else:
            out.append(_render_text(did, text, items))
        if items:
            out.append(f'<h4>Findings in {_e(path)}</h4><nav class="listpager" hidden></nav><ol class="findings">')
            out.extend(_finding_item(fid, f, page, extra) for fid, f in items)
            out.append("</ol>")
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


class _Extra:
    """What the findings list needs besides the findings: each finding's baseline
    fingerprint, the accept entry of each flagged spelling (S101, N101), and the codes
    whose documentation is on the page."""

    def __init__(self, findings: Sequence[Finding], texts: Mapping[str, str], documented: set[str]) -> None:
        lines: dict[str, list[str]] = {}

        def line_of(path: str, line: int) -> str:
            if path not in lines:
                lines[path] = texts[path].split("\n") if path in texts else []
            got = lines[path]
            return got[line - 1] if 0 < line <= len(got) else ""

        # A finding whose text the report lacks gets no fingerprint: it could not be
        # that of --write-baseline, which reads the file.
        prints = fingerprints(findings, line_of)
        self.prints = [fp if f.path in texts else "" for f, fp in zip(findings, prints)]
        self.terms: dict[int, str] = {}
        indexes: dict[str, LineIndex] = {}
        for fid, f in enumerate(findings):
            if f.code not in ACCEPT_CODES or f.path not in texts:
                continue
            text = texts[f.path]
            index = indexes.get(f.path) or indexes.setdefault(f.path, LineIndex.of(text))
            flagged = " ".join(text[index.offset(f.line, f.column) : index.offset(f.end_line, f.end_column)].split())
            if flagged:
                self.terms[fid] = accept_entry(flagged)
        self.documented = documented


def _rule_docs(codes: Iterable[str], rules: Sequence[Any]) -> tuple[str, set[str]]:
    """The documentation of the rules ``codes`` (what ``lintnews --explain`` prints), and
    the codes documented (a rule that did not run here has no documentation to show)."""
    by_code = {r.code: r for r in rules}
    selection = RuleSet.of(rules) if rules else None
    out = ['<section id="rules" class="view"><h2>Rules</h2>']
    documented: set[str] = set()
    for code in sorted(set(codes)):
        r = by_code.get(code)
        if r is None:
            continue
        try:
            text = r.describe()
        except Exception:  # noqa: BLE001 - a plugin's docstring must not cost the report
            continue
        documented.add(code)
        default = selection.is_default(r) if selection is not None else getattr(r, "default", False)
        scope = getattr(r, "scope", "document")
        out.append(
            f'<section class="rule" id="{_e(rule_anchor(code))}"><h3>{_e(code)} {_e(r.name)}</h3>'
            f'<p class="dim">{_e(r.severity)}, {"on" if default else "off"} by default, {_e(scope)} rule</p>'
            f'<pre class="ruledoc">{_e(text.strip())}</pre></section>'
        )
    if not documented:
        out.append("<p>No rule has findings here.</p>")
    out.append("</section>")
    return "".join(out), documented


_ACCEPTED = (
    '<section id="accepted" class="view" hidden><h2>Accepted</h2>'
    '<p>Mark findings with <strong>accept</strong> (they go to a baseline) and spellings with <strong>accept spelling</strong> '
    "(they go to the configuration's <code>accept</code> list: S101 no longer reports the word, and N101 takes "
    "the spelling as the canonical one, so the <em>other</em> spellings are reported). "
    'Nothing is kept when the page is closed: copy or download what is below.</p>'
    '<p class="acc-count" id="accepted-count">Nothing accepted yet.</p>'
    '<h3>Baseline (<code>lintnews --baseline lintnews-baseline.json</code>)</h3>'
    '<p class="dim">A new baseline of the findings accepted here; with a baseline already, add these fingerprints to its list. '
    'Fingerprints hold the path as given: run from the same folder with the same paths.</p>'
    '<textarea id="export-baseline" readonly rows="6" aria-label="baseline file"></textarea>'
    '<p><a id="download-baseline" download="lintnews-baseline.json" href="#accepted">download lintnews-baseline.json</a></p>'
    '<h3>Accepted spellings (<code>lintnews.toml</code>, or under <code>[tool.lintnews]</code> in <code>pyproject.toml</code>)</h3>'
    '<textarea id="export-accept" readonly rows="3" aria-label="accept option"></textarea>'
    '<h3>The same as lines of an <code>accept-file</code></h3>'
    '<textarea id="export-accept-file" readonly rows="4" aria-label="accept file lines"></textarea>'
    '<p><a id="download-accept" download="accept.txt" href="#accepted">download accept.txt</a></p>'
    "</section>"
)


class Html(Renderer):
    format = "html"
    needs = frozenset({"errors", "texts", "word_counts", "rules"})
    title = "lintnews report"

    def render(self, report: Report) -> str:
        return _page(report, self.title)


def _page(report: Report, title: str) -> str:
    """The whole page.  ``report.texts`` maps each path to its text (newlines normalised)."""
    findings, errors = report.findings, report.errors
    texts = dict(report.texts)
    word_counts = dict(report.word_counts)
    by_doc: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for fid, f in enumerate(findings):
        by_doc[f.path].append((fid, f))
    names = name_clusters(findings, texts)
    titles = title_clusters(findings, texts)
    clustered = {o.path for c in [*names, *titles] for form in c.forms for o in form.occurrences}
    all_paths = sorted(set(word_counts) | set(by_doc))
    doc_paths = [p for p in all_paths if p in by_doc or p in clustered]
    page = _Page(doc_paths, texts)
    rule_docs, documented = _rule_docs({f.code for f in findings}, list(report.rules))
    extra = _Extra(findings, texts, documented)
    doc_rows = [(p, word_counts.get(p, len(texts.get(p, "").split())), len(by_doc.get(p, [])), Counter(f.severity for _, f in by_doc.get(p, []))) for p in all_paths]

    families = [*FAMILIES, "other"]
    filters = (
        '<fieldset class="filters" hidden><legend>Show</legend>'
        + "".join(f'<label><input type="checkbox" checked data-hide="hide-f-{fam}"> <span class="f-{fam}"><span class="swatch"></span></span>{_e(fam)}</label>' for fam in families)
        + '<span class="sep"></span>'
        + "".join(f'<label><input type="checkbox" checked data-hide="hide-s-{s}"> {s}</label>' for s in SEVERITIES)
        + '<span class="keys">keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous finding, <kbd>]</kbd>/<kbd>[</kbd> next/previous document, <kbd>/</kbd> search</span></fieldset>'
    )
    search = (
        '<div class="search" hidden><input type="search" id="search" placeholder="Search findings: text, code, path" '
        'aria-label="Search findings by text, code or path" autocomplete="off"> <span id="search-count" role="status"></span></div>'
    )
    filter_css = "".join(
        f"body.hide-{k} mark.{k},body.hide-{k} mark.hlc.{k}{{background:none;border-bottom:0;box-shadow:none}}"
        f"body.hide-{k} li.{k}{{display:none}}"
        for k in [*(f"f-{fam}" for fam in families), *(f"s-{s}" for s in SEVERITIES)]
    )
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="lintnews {_e(__version__)}">',
            f"<title>{_e(title)}</title><style>{_CSS}{filter_css}</style>",
            # Before the body is parsed: with a script, documents stay hidden while the
            # page loads (laying out every document first would take minutes).
            "<script>document.documentElement.className='js'</script></head>",
            '<body><header><h1>lintnews report</h1><nav class="top"><a href="#overview">Overview</a> '
            '<a href="#clusters">Name clusters</a> <a href="#documents">Documents</a> <a href="#rules">Rules</a> '
            '<a href="#results" hidden>Search results</a> <a href="#accepted" hidden>Accepted</a></nav>',
            search,
            filters,
            "</header><main>",
            _overview(findings, doc_rows, page, errors),
            _clusters(names, titles, page),
            _documents(doc_paths, texts, by_doc, word_counts, page, extra),
            '<section id="results" class="view" hidden><h2>Search results</h2><p id="results-summary"></p><ol class="results"></ol></section>',
            rule_docs,
            _ACCEPTED,
            '</main><div id="detail" role="status" aria-live="polite" hidden></div>',
            f"<script>var LIST_PAGE_SIZE={LIST_PAGE_SIZE};{_JS}</script></body></html>\n",
        ]
    )


_CSS = """
:root{--fg:#1d1d1f;--dim:#666;--bg:#fff;--line:#e3e3e3;
--N:#f4a3a3;--T:#f6c28b;--M:#c7b6f2;--G:#9fd3f0;--P:#b9e3a1;--W:#d9d9d9;--C:#f2e28b;--S:#f2b6dc;--other:#cfcfcf}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{position:sticky;top:0;z-index:2;background:#fafafa;border-bottom:1px solid var(--line);padding:.4rem 1rem}
header h1{font-size:1.1rem;margin:0 1rem 0 0;display:inline-block}
nav.top a{margin-right:.8rem}
main{padding:0 1rem 4rem;max-width:1300px}
h2{margin:1.2rem 0 .4rem;border-bottom:2px solid var(--line)}
h3{margin:.8rem 0 .3rem}
.dim{color:var(--dim);font-weight:normal}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:.15rem .6rem;border-bottom:1px solid var(--line);text-align:left}
td{text-align:right}td:nth-child(2){text-align:left}
table.families td{text-align:right}
.cols{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
table.families .dim{font-size:12px;display:block;max-width:22rem;line-height:1.2}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px}
.chart text{font:11px system-ui,sans-serif;fill:var(--fg)}
.f-N .swatch,.f-N rect,mark.f-N{background:var(--N);fill:var(--N)}
.f-T .swatch,.f-T rect,mark.f-T{background:var(--T);fill:var(--T)}
.f-M .swatch,.f-M rect,mark.f-M{background:var(--M);fill:var(--M)}
.f-G .swatch,.f-G rect,mark.f-G{background:var(--G);fill:var(--G)}
.f-P .swatch,.f-P rect,mark.f-P{background:var(--P);fill:var(--P)}
.f-W .swatch,.f-W rect,mark.f-W{background:var(--W);fill:var(--W)}
.f-C .swatch,.f-C rect,mark.f-C{background:var(--C);fill:var(--C)}
.f-S .swatch,.f-S rect,mark.f-S{background:var(--S);fill:var(--S)}
.f-other .swatch,.f-other rect,mark.f-other{background:var(--other);fill:var(--other)}
mark{color:inherit;border-radius:2px;padding:0}
mark.s-error{border-bottom:2px solid #b00020}
mark.s-warning{border-bottom:2px solid #a15c00}
mark.s-info{border-bottom:2px dotted #555}
mark mark{box-shadow:0 0 0 1px #555 inset}
mark:empty::after{content:"\\2038";color:#b00020}
mark.hl:focus,mark.hl.current{outline:3px solid #1a57d6;outline-offset:1px}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.6 ui-monospace,"DejaVu Sans Mono",monospace;background:#fcfcfc;border:1px solid var(--line);padding:.5rem 0}
.ln{display:block;padding-left:4.2em;text-indent:-4.2em}
.js .ln{content-visibility:auto;contain-intrinsic-size:auto 1.6em}
.ln:target{background:#fff6c8}
.ln .no{display:inline-block;width:3.6em;margin-right:.6em;text-indent:0;text-align:right;color:#999;text-decoration:none;user-select:none}
ol.findings{font-size:14px;padding-left:2.5rem}
ol.findings li{margin:.2rem 0}
ol.findings li:target{background:#fff6c8}
.loc{font-family:ui-monospace,monospace}
.sev{font-size:12px;color:var(--dim)}
.sugg{color:#0a6b2f}.rel{display:block;color:var(--dim);font-size:13px}
.cluster{border:1px solid var(--line);border-radius:4px;padding:.2rem .8rem;margin:.6rem 0}
.cluster h3{margin:.3rem 0;font-size:1rem}
.cluster ul{margin:.2rem 0;padding-left:1.2rem}
.form{font-weight:600}.canon{font-size:11px;background:#0a6b2f;color:#fff;border-radius:3px;padding:0 .3em}
.cluster details{display:inline}
fieldset.filters{display:inline-block;border:0;margin:0;padding:0}
fieldset.filters legend{float:left;margin-right:.4rem;font-weight:600}
fieldset.filters label{margin-right:.5rem;white-space:nowrap}
.sep{display:inline-block;width:1rem}.keys{color:var(--dim);font-size:12px;margin-left:1rem}
.pager,.listpager{margin:.5rem 0}.pager button,.listpager button{margin-right:.3rem}
.js body{height:100vh;display:flex;flex-direction:column}.js header{position:static;flex:none}.js main{flex:1;overflow:auto;max-width:none}.js main>*{max-width:1300px}
.js section.doc,.js section.view{display:none}.js section.doc.current,.js section.view.active{display:block}
.js nav.top a[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
#detail{position:fixed;bottom:0;left:0;right:0;background:#1d1d1f;color:#fff;padding:.5rem 1rem;font-size:14px;z-index:3}
#detail .sugg{color:#9be3b1}
.errors{color:#b00020}
.search{display:inline-block;margin-left:1rem}.search input{width:18rem;max-width:60vw}#search-count{color:var(--dim);font-size:12px}
body.searching li.nomatch{display:none}
body.searching mark.nomatch{background:none;border-bottom:0;box-shadow:none}
.tie{font-size:11px;background:#a15c00;color:#fff;border-radius:3px;padding:0 .3em;font-weight:normal}
pre.ruledoc{white-space:pre-wrap;font:14px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;background:#fcfcfc;border:1px solid var(--line);padding:.5rem;max-width:90ch}
.rule:target h3{background:#fff6c8}
button.acc{font-size:11px;margin-left:.4rem;padding:0 .4em}
li.accepted>.msg,li.spelling-accepted>.form{text-decoration:line-through;color:var(--dim)}
button.acc[aria-pressed=true]{background:#0a6b2f;color:#fff}
mark.accepted{outline:2px dashed #0a6b2f}
#accepted textarea{width:100%;max-width:90ch;font:13px ui-monospace,monospace}
"""

# Plain ES5 so it runs in any browser; everything it needs is already in the DOM.
_JS = r"""
(function(){
var body=document.body,docs=Array.prototype.slice.call(document.querySelectorAll('section.doc'));
body.classList.add('js');
var filters=document.querySelector('fieldset.filters');filters.hidden=false;
var main=document.querySelector('main'),pager=document.querySelector('nav.pager'),detail=document.getElementById('detail');
var cur=-1,listPage=0;
function docOf(el){while(el&&!(el.classList&&el.classList.contains('doc')))el=el.parentNode;return el;}
function hiddenByFilter(el){if(body.classList.contains('searching')&&el.classList.contains('nomatch'))return true;for(var i=0;i<el.classList.length;i++){var c=el.classList[i];if((c.indexOf('f-')===0||c.indexOf('s-')===0)&&body.classList.contains('hide-'+c))return true;}return false;}
function button(label,fn,off){var b=document.createElement('button');b.type='button';b.textContent=label;b.disabled=!!off;b.onclick=fn;return b;}
function renderPager(){pager.hidden=docs.length<2;pager.textContent='';if(cur<0)return;
 pager.appendChild(button('\u2039 previous',function(){show(cur-1,true);},cur===0));
 var sel=document.createElement('select');sel.setAttribute('aria-label','document');
 docs.forEach(function(d,i){var o=document.createElement('option');o.value=i;o.textContent=(i+1)+'. '+d.querySelector('h3').textContent;if(i===cur)o.selected=true;sel.appendChild(o);});
 sel.onchange=function(){show(+sel.value,true);};pager.appendChild(sel);
 pager.appendChild(button('next \u203a',function(){show(cur+1,true);},cur===docs.length-1));}
function renderList(){if(cur<0)return;var d=docs[cur],nav=d.querySelector('nav.listpager'),ol=d.querySelector('ol.findings');if(!ol)return;
 var items=Array.prototype.filter.call(ol.children,function(li){return !hiddenByFilter(li);});
 var pages=Math.max(1,Math.ceil(items.length/LIST_PAGE_SIZE));if(listPage>=pages)listPage=pages-1;
 Array.prototype.forEach.call(ol.children,function(li){li.hidden=true;});
 items.slice(listPage*LIST_PAGE_SIZE,(listPage+1)*LIST_PAGE_SIZE).forEach(function(li){li.hidden=false;buttons(li);});
 nav.hidden=pages<2;nav.textContent='';if(pages<2)return;
 nav.appendChild(button('\u2039',function(){listPage--;renderList();},listPage===0));
 nav.appendChild(document.createTextNode(' findings '+(listPage*LIST_PAGE_SIZE+1)+'\u2013'+Math.min(items.length,(listPage+1)*LIST_PAGE_SIZE)+' of '+items.length+' '));
 nav.appendChild(button('\u203a',function(){listPage++;renderList();},listPage===pages-1));}
function show(i,scroll){if(i<0||i>=docs.length)return;activate(document.getElementById('documents'));if(i!==cur){if(cur>=0)docs[cur].classList.remove('current');cur=i;listPage=0;docs[cur].classList.add('current');renderPager();renderList();}
 if(scroll)main.scrollTop=0;}
var views=Array.prototype.slice.call(document.querySelectorAll('section.view')),tabs=document.querySelectorAll('nav.top a');
function activate(view){views.forEach(function(v){v.classList.toggle('active',v===view);});
 Array.prototype.forEach.call(tabs,function(a){var on=document.getElementById(a.getAttribute('href').slice(1));var v=on;while(v&&!(v.classList&&v.classList.contains('view')))v=v.parentNode;if(v===view)a.setAttribute('aria-current','page');else a.removeAttribute('aria-current');});}
function viewOf(el){while(el&&!(el.classList&&el.classList.contains('view')))el=el.parentNode;return el;}
function reveal(id){var el=id&&document.getElementById(id);if(!el)return;var view=viewOf(el);if(view)activate(view);
 if(el===view||el.tagName==='H2'){main.scrollTop=0;return;}var d=docOf(el);if(!d){el.scrollIntoView({block:'nearest'});return;}show(docs.indexOf(d),false);
 if(el.tagName==='LI'){var ol=el.parentNode,items=Array.prototype.filter.call(ol.children,function(li){return !hiddenByFilter(li);});var k=items.indexOf(el);if(k>=0){listPage=Math.floor(k/LIST_PAGE_SIZE);renderList();}}
 el.scrollIntoView({block:'center'});if(el.tagName==='MARK'){el.focus({preventScroll:true});describe(el);}}
function describe(mark){var li=document.getElementById('m'+mark.getAttribute('data-f'));if(!li)return;detail.hidden=false;detail.textContent='';
 var where=li.querySelector('.loc').textContent+'  '+li.querySelector('code').textContent+' ';detail.appendChild(document.createTextNode(where));
 var msg=li.querySelector('.msg').cloneNode(true);detail.appendChild(msg);var s=li.querySelector('.sugg');if(s){detail.appendChild(document.createTextNode(' '));detail.appendChild(s.cloneNode(true));}}
document.addEventListener('focusin',function(ev){var t=ev.target;if(t.tagName==='MARK')describe(t);});
document.addEventListener('mouseover',function(ev){var t=ev.target;if(t.tagName==='MARK'){var a=t.classList.contains('hl')?t:document.getElementById('f'+t.getAttribute('data-f'));if(a)describe(a);}});
function step(dir){if(cur<0)return;activate(document.getElementById('documents'));var marks=Array.prototype.filter.call(docs[cur].querySelectorAll('mark.hl'),function(m){return !hiddenByFilter(m);});if(!marks.length)return;
 var at=marks.indexOf(document.activeElement),next=at<0?(dir>0?0:marks.length-1):at+dir;
 if(next<0||next>=marks.length){show(cur+dir,false);var m2=Array.prototype.filter.call(docs[cur].querySelectorAll('mark.hl'),function(m){return !hiddenByFilter(m);});if(m2.length&&docs[cur]!==docOf(marks[0])){var t=dir>0?m2[0]:m2[m2.length-1];t.focus();t.scrollIntoView({block:'nearest'});}return;}
 marks[next].focus();marks[next].scrollIntoView({block:'nearest'});}
document.addEventListener('keydown',function(ev){if(ev.ctrlKey||ev.metaKey||ev.altKey)return;var tag=(ev.target.tagName||'');if(tag==='INPUT'||tag==='SELECT'||tag==='TEXTAREA')return;
 if(ev.key==='n'||ev.key==='j'){step(1);ev.preventDefault();}else if(ev.key==='p'||ev.key==='k'){step(-1);ev.preventDefault();}
 else if(ev.key===']'){show(cur+1,true);}else if(ev.key==='['){show(cur-1,true);}});
Array.prototype.forEach.call(filters.querySelectorAll('input'),function(box){box.onchange=function(){body.classList.toggle(box.getAttribute('data-hide'),!box.checked);renderList();};});
window.addEventListener('hashchange',function(){reveal(location.hash.slice(1));});
// -- search: findings whose location, code, rule name, severity, message, suggestion or related places hold every word typed
var searchBox=document.getElementById('search'),searchCount=document.getElementById('search-count');searchBox.parentNode.hidden=false;
var resultsTab=document.querySelector('nav.top a[href="#results"]'),resultsList=document.querySelector('#results ol.results'),resultsSummary=document.getElementById('results-summary');
var allItems=null,marksOf=null,RESULTS_SHOWN=500,SEARCH_AT_ONCE=5000;
function part(li,sel){var e=li.querySelector(sel);return e?e.textContent:'';}
function items(){if(allItems)return allItems;allItems=[];Array.prototype.forEach.call(document.querySelectorAll('ol.findings>li'),function(li){
 var code=li.querySelector('code');allItems.push({li:li,hay:[part(li,'.loc'),code?code.textContent+' '+code.getAttribute('title'):'',part(li,'.sev'),part(li,'.msg'),part(li,'.sugg'),part(li,'.rel')].join(' ').toLowerCase()});});
 marksOf={};Array.prototype.forEach.call(document.querySelectorAll('section.doc mark[data-f]'),function(m){var f=m.getAttribute('data-f');(marksOf[f]=marksOf[f]||[]).push(m);});return allItems;}
function search(){var words=searchBox.value.toLowerCase().split(/\s+/).filter(function(w){return w;});var on=words.length>0;
 body.classList.toggle('searching',on);resultsTab.hidden=!on;resultsList.textContent='';
 if(!on){searchCount.textContent='';renderList();return;}
 var n=0,all=items(),docsHit={};
 all.forEach(function(it){var ok=words.every(function(w){return it.hay.indexOf(w)>=0;});var f=it.li.getAttribute('data-f');
  it.li.classList.toggle('nomatch',!ok);(marksOf[f]||[]).forEach(function(m){m.classList.toggle('nomatch',!ok);});
  if(!ok)return;n++;var d=docOf(it.li);if(d)docsHit[d.id]=1;
  if(n<=RESULTS_SHOWN){var r=document.createElement('li');var a=document.createElement('a');a.href='#f'+f;a.className='loc';a.textContent=part(it.li,'.loc');r.appendChild(a);
   r.appendChild(document.createTextNode(' '+part(it.li,'code')+' '+part(it.li,'.msg')));resultsList.appendChild(r);}});
 var k=Object.keys(docsHit).length;searchCount.textContent=n+' of '+all.length+' findings match'+(n?' in '+k+' document'+(k===1?'':'s'):'');
 resultsSummary.textContent=searchCount.textContent+(n>RESULTS_SHOWN?'; the first '+RESULTS_SHOWN+' are listed':'')+'.';renderList();}
var searchTimer=null;  // a large page: search when typing pauses, not at every key
searchBox.addEventListener('input',function(){clearTimeout(searchTimer);if(items().length>SEARCH_AT_ONCE)searchTimer=setTimeout(search,250);else search();});
searchBox.addEventListener('keydown',function(ev){if(ev.key==='Enter'){search();activate(document.getElementById('results'));main.scrollTop=0;}});
document.addEventListener('keydown',function(ev){if(ev.key==='/'&&!/^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName||'')){searchBox.focus();ev.preventDefault();}});
// -- accepting findings (a baseline) and spellings (accept entries), exported for the configuration
var acceptedTab=document.querySelector('nav.top a[href="#accepted"]');acceptedTab.hidden=false;
document.getElementById('results').hidden=false;document.getElementById('accepted').hidden=false;
var acceptedPrints={},acceptedTerms={};
function keys(o){return Object.keys(o).filter(function(k){return o[k];}).sort();}
function tomlString(s){return JSON.stringify(s).replace(/\u007f/g,'\\u007f');}
function exportAll(){var prints=keys(acceptedPrints),terms=keys(acceptedTerms);
 var baseline=JSON.stringify({schema:'lintnews/baseline',version:1,fingerprints:prints},null,1)+'\n';
 var accept=terms.length?'accept = ['+terms.map(tomlString).join(', ')+']\n':'';
 var lines=terms.map(function(t){return t+'\n';}).join('');
 document.getElementById('export-baseline').value=prints.length?baseline:'';
 document.getElementById('export-accept').value=accept;document.getElementById('export-accept-file').value=lines;
 document.getElementById('download-baseline').href='data:application/json;charset=utf-8,'+encodeURIComponent(baseline);
 document.getElementById('download-accept').href='data:text/plain;charset=utf-8,'+encodeURIComponent(lines);
 var said=prints.length+' finding'+(prints.length===1?'':'s')+' and '+terms.length+' spelling'+(terms.length===1?'':'s')+' accepted';
 document.getElementById('accepted-count').textContent=said+'.';acceptedTab.textContent='Accepted ('+(prints.length+terms.length)+')';}
function addButton(li,cls,label){if(li.querySelector('button.'+cls))return;var b=document.createElement('button');b.type='button';b.className='acc '+cls;b.textContent=label;
 var on=cls==='acc-f'?acceptedPrints[li.getAttribute('data-fp')]:acceptedTerms[li.getAttribute('data-term')];b.setAttribute('aria-pressed',String(!!on));var after=li.querySelector('.rel');if(after&&li.querySelector('.msg'))li.insertBefore(b,after);else li.appendChild(b);}
function buttons(li){if(li.getAttribute('data-fp'))addButton(li,'acc-f','accept');if(li.getAttribute('data-term'))addButton(li,'acc-t','accept spelling');}
function syncTerm(term){var on=!!acceptedTerms[term];Array.prototype.forEach.call(document.querySelectorAll('li[data-term]'),function(li){if(li.getAttribute('data-term')!==term)return;
 li.classList.toggle('spelling-accepted',on);var b=li.querySelector('button.acc-t');if(b)b.setAttribute('aria-pressed',String(on));});}
document.addEventListener('click',function(ev){var b=ev.target;if(!(b.tagName==='BUTTON'&&b.classList.contains('acc')))return;var li=b.parentNode;
 if(b.classList.contains('acc-f')){var fp=li.getAttribute('data-fp'),on=!acceptedPrints[fp];acceptedPrints[fp]=on;li.classList.toggle('accepted',on);b.setAttribute('aria-pressed',String(on));
  (marksOf&&marksOf[li.getAttribute('data-f')]||[document.getElementById('f'+li.getAttribute('data-f'))]).forEach(function(m){if(m)m.classList.toggle('accepted',on);});}
 else{var t=li.getAttribute('data-term');acceptedTerms[t]=!acceptedTerms[t];syncTerm(t);}
 exportAll();});
Array.prototype.forEach.call(document.querySelectorAll('#clusters li[data-term]'),buttons);exportAll();
if(docs.length)show(0,false);activate(document.getElementById('overview'));if(location.hash)reveal(location.hash.slice(1));
void main.scrollHeight;  // lay out the shown view now, so the figure below includes it
document.documentElement.setAttribute('data-ready-ms',String(Math.round(performance.now())));
})();
"""

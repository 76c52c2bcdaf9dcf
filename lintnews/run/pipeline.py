"""The pipeline: documents -> document rules and corpus facts -> corpus rules -> findings.

Everything here is pure: documents come in, sorted findings go out.  Reading files and
printing reports happen at the edges (:mod:`lintnews.run.files`, :mod:`lintnews.cli`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lintnews.analyses import mtscore
from lintnews.core.corpus import Corpus
from lintnews.core.document import Document, in_quote
from lintnews.core.analysis import arguments
from lintnews.core.facts import fact_type
from lintnews.core.finding import Finding
from lintnews.analyses.mtscore import Score
from lintnews.core.rule import CorpusRule, DocumentRule, Rule
from lintnews.rules.ruleset import RuleSet
from lintnews.analyses.suppressions import Marker, find_markers
from lintnews.run.suppressions import apply as apply_suppressions


@fact_type
@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised instead of returning its findings (a plugin's bug, most often):
    on one document (``path``), or in the corpus stage (``path`` empty)."""

    code: str
    name: str
    path: str
    error: str  # "ValueError: the message"

    @property
    def message(self) -> str:
        where = "" if self.path else " on the corpus"
        scope = "in this file " if self.path else ""
        return f"rule {self.code} ({self.name}) failed{where}: {self.error}; its findings {scope}are left out"


def _failure(rule: Rule, path: str, exc: BaseException) -> RuleFailure:
    if os.environ.get("LINTNEWS_DEBUG"):  # the traceback, for whoever debugs the rule
        raise exc
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, SystemExit):
        error = f"called sys.exit({exc.code!r})"
    return RuleFailure(rule.code, rule.name, path, " ".join(error.split()))


@fact_type
@dataclass
class DocumentResult:
    """What the per-document stage yields for one document."""

    path: str
    findings: list[Finding]
    facts: dict[str, object]  # corpus-rule code -> that rule's facts for this document
    markers: list[Marker] = field(default_factory=list)  # inline suppressions
    words: int = 0  # whitespace-separated words of the document's prose
    score: Score | None = None  # the machine-translation score, when asked for
    failures: list[RuleFailure] = field(default_factory=list)  # rules that raised here (never cached)


def lint_document(doc: Document, rules: Sequence[Rule], score: bool = False) -> DocumentResult:
    """Run the document rules on one document and collect the corpus rules' facts.

    With ``score``, the document's machine-translation score is computed here too (once:
    rule D101 reads the same cached score), so it runs wherever the documents run.

    A rule that raises (or calls ``sys.exit``) is a :class:`RuleFailure` of this document:
    its findings or facts here are left out, and the other rules' are kept.
    """
    findings: list[Finding] = []
    facts: dict[str, object] = {}
    failures: list[RuleFailure] = []
    document_score = mtscore.document_score(doc) if score else None
    for rule in rules:
        try:
            needs = arguments(rule.needs, doc) if rule.needs else {}
            if isinstance(rule, DocumentRule):
                if rule.reads_quotes:
                    found = list(rule.check(doc, **needs))
                else:  # any document rule, a plugin's too, that declares it leaves quoted speech alone
                    found = [f for f in rule.check(doc, **needs) if not in_quote(doc, f.start)]
                findings.extend(found)
            elif isinstance(rule, CorpusRule):
                facts[rule.code] = rule.collect(doc, **needs)
        except (Exception, SystemExit) as exc:
            failures.append(_failure(rule, doc.path, exc))
    markers = find_markers(doc) if "lintnews:" in doc.text else []
    return DocumentResult(doc.path, findings, facts, markers, doc.word_count, document_score, failures)


def build_corpus(results: Iterable[DocumentResult]) -> Corpus:
    """The corpus facts of documents, in the order given."""
    corpus = Corpus()
    for result in results:
        corpus.paths.append(result.path)
        for code, facts in result.facts.items():
            corpus.add(result.path, code, facts)
        if result.markers:
            corpus.markers[result.path] = result.markers
    return corpus


def lint_corpus(corpus: Corpus, rules: Sequence[Rule], failures: list[RuleFailure] | None = None) -> list[Finding]:
    """The corpus rules' findings.  A rule that raises is added to ``failures`` (when
    given: otherwise the exception goes on) and its findings are left out."""
    findings: list[Finding] = []
    for rule in rules:
        if isinstance(rule, CorpusRule):
            if failures is None:
                findings.extend(rule.check_corpus(corpus))
                continue
            try:
                findings.extend(list(rule.check_corpus(corpus)))
            except (Exception, SystemExit) as exc:
                failures.append(_failure(rule, "", exc))
    return findings


def finish(results: list[DocumentResult], rules: Sequence[Rule], report_paths: set[str] | None = None) -> list[Finding]:
    """The corpus stage and the final ordering, shared by every engine.

    ``report_paths``, when given, keeps only findings in those documents (the others
    were given as context for the corpus rules).
    """
    findings = [f for r in results for f in r.findings]
    return finish_corpus(findings, build_corpus(results), rules, report_paths)


def finish_corpus(
    document_findings: list[Finding], corpus: Corpus, rules: Sequence[Rule], report_paths: set[str] | None = None
) -> list[Finding]:
    """:func:`finish` for engines that build the corpus themselves (a distributed reduce)."""
    findings = RuleSet.of(rules).keep_selected(document_findings + lint_corpus(corpus, rules))
    return filter_findings(findings, corpus.markers, {r.code for r in rules}, report_paths)


def filter_findings(
    findings: list[Finding], markers: dict[str, list[Marker]], selected: set[str], report_paths: set[str] | None = None
) -> list[Finding]:
    """Inline suppressions (and X100 for unused markers), the documents to report, each
    finding once, sorted."""
    if markers:
        findings, unused = apply_suppressions(findings, markers, selected)
        findings += unused
    if report_paths is not None:
        findings = [f for f in findings if f.path in report_paths]
    unique = {(f.sort_key(), f.suggestion): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)

"""The pipeline: documents -> document rules and corpus facts -> corpus rules -> findings.

Everything here is pure: documents come in, sorted findings go out.  Reading files and
printing reports happen at the edges (:mod:`lintnews.run.files`, :mod:`lintnews.cli`).
"""

from __future__ import annotations

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
@dataclass
class DocumentResult:
    """What the per-document stage yields for one document."""

    path: str
    findings: list[Finding]
    facts: dict[str, object]  # corpus-rule code -> that rule's facts for this document
    markers: list[Marker] = field(default_factory=list)  # inline suppressions
    words: int = 0  # whitespace-separated words of the document's prose
    score: Score | None = None  # the machine-translation score, when asked for


def lint_document(doc: Document, rules: Sequence[Rule], score: bool = False) -> DocumentResult:
    """Run the document rules on one document and collect the corpus rules' facts.

    With ``score``, the document's machine-translation score is computed here too (once:
    rule D101 reads the same cached score), so it runs wherever the documents run.
    """
    findings: list[Finding] = []
    facts: dict[str, object] = {}
    document_score = mtscore.document_score(doc) if score else None
    for rule in rules:
        needs = arguments(rule.needs, doc) if rule.needs else {}
        if isinstance(rule, DocumentRule):
            if rule.reads_quotes:
                findings.extend(rule.check(doc, **needs))
            else:  # any document rule, a plugin's too, that declares it leaves quoted speech alone
                findings.extend(f for f in rule.check(doc, **needs) if not in_quote(doc, f.start))
        elif isinstance(rule, CorpusRule):
            facts[rule.code] = rule.collect(doc, **needs)
    markers = find_markers(doc) if "lintnews:" in doc.text else []
    return DocumentResult(doc.path, findings, facts, markers, doc.word_count, document_score)


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


def lint_corpus(corpus: Corpus, rules: Sequence[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if isinstance(rule, CorpusRule):
            findings.extend(rule.check_corpus(corpus))
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

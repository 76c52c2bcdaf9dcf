"""The pipeline: documents -> document rules and corpus facts -> corpus rules -> findings.

Everything here is pure: documents come in, sorted findings go out.  Reading files and
printing reports happen at the edges (:mod:`lintnews.loading`, :mod:`lintnews.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lintnews.corpus import Corpus
from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.registry import CorpusRule, DocumentRule, Rule


@dataclass
class DocumentResult:
    """What the per-document stage yields for one document."""

    path: str
    findings: list[Finding]
    facts: dict[str, object]  # corpus-rule code -> that rule's facts for this document


def lint_document(doc: Document, rules: Sequence[Rule]) -> DocumentResult:
    """Run the document rules on one document and collect the corpus rules' facts."""
    findings: list[Finding] = []
    facts: dict[str, object] = {}
    for rule in rules:
        if isinstance(rule, DocumentRule):
            findings.extend(rule.check(doc))
        elif isinstance(rule, CorpusRule):
            facts[rule.code] = rule.collect(doc)
    return DocumentResult(doc.path, findings, facts)


def build_corpus(results: Iterable[DocumentResult]) -> Corpus:
    """The corpus facts of documents, in the order given."""
    corpus = Corpus()
    for result in results:
        corpus.paths.append(result.path)
        for code, facts in result.facts.items():
            corpus.add(result.path, code, facts)
    return corpus


def lint_corpus(corpus: Corpus, rules: Sequence[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if isinstance(rule, CorpusRule):
            findings.extend(rule.check_corpus(corpus))
    return findings


def lint_documents(docs: Iterable[Document], rules: Sequence[Rule]) -> list[Finding]:
    """Lint documents as one corpus; the findings are deduplicated and sorted."""
    results = [lint_document(doc, rules) for doc in docs]
    return finish(results, rules)


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
    findings = document_findings + lint_corpus(corpus, rules)
    if report_paths is not None:
        findings = [f for f in findings if f.path in report_paths]
    unique = {(f.sort_key(), f.suggestion): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)

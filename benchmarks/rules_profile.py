"""Where the per-document time goes: CPU milliseconds per document for each rule.

    python benchmarks/rules_profile.py FOLDER [--select CODES]

Reads every ``*.txt``/``*.md`` file of FOLDER, runs the configured default rules one at a
time on each document (document rules' ``check``, corpus rules' ``collect``), then the
corpus stage, and prints CPU ms per document per stage, largest first.  A rule that
first touches a lazily computed property of the document (its quote spans, say) is
charged for it, and so is the first rule that needs an analysis (its names, its pattern
matches) for computing it; the matching layer's one RE2 pass over each document, which
every rule that declares patterns reads, is a stage of its own.  For a whole-run figure use ``speed.py``; this is for finding the rule
to work on.

``--by-analysis`` computes each analysis a rule needs before the rule runs, as a stage of
its own (``analysis:names``, ``pattern:doubled``; an analysis that reads another, as the
titles read the names, is charged for it when it comes first), so that a rule's line is
its own logic only; ``--corpus-rules`` splits the corpus stage by rule; ``--cprofile
FILE`` writes a cProfile of the per-document and corpus stages (read it with ``python -m
pstats FILE``)::

    python benchmarks/rules_profile.py FOLDER --by-analysis --corpus-rules --cprofile /tmp/p.prof
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from lintnews import api
from lintnews.run import pipeline as engine
from lintnews.run.config import Config
from lintnews.analyses.matching import SHARED, UTF8_VIEW
from lintnews.core.analysis import Analysis, arguments
from lintnews.core.document import make_document
from lintnews.core.rule import CorpusRule, DocumentRule
from lintnews.rules.ruleset import RuleSet


def timed_document_stage(doc, rules, spent: collections.Counter, by_analysis: bool = False) -> engine.DocumentResult:
    """The per-document stage of ``rules`` over ``doc``, adding each rule's CPU seconds
    (and the matching layer's one pass) to ``spent``; ``by_analysis``: each analysis
    computed first, as a stage of its own."""
    findings, facts = [], {}
    start = time.process_time()
    data = UTF8_VIEW.of(doc)
    if data is not None:  # the matching layer's one pass over the document, for every rule
        SHARED.matching(doc, data)
    spent["(matching pass)"] += time.process_time() - start
    for rule in rules:
        if by_analysis:
            for need in rule.needs:
                if need not in doc.analyses:
                    start = time.process_time()
                    need.of(doc)
                    kind = "analysis" if type(need) is Analysis else type(need).__name__.lower()
                    spent[f"{kind}:{need.name}"] += time.process_time() - start
        start = time.process_time()
        needs = arguments(rule.needs, doc) if rule.needs else {}
        if isinstance(rule, DocumentRule):
            findings.extend(rule.check(doc, **needs))
        else:
            facts[rule.code] = rule.collect(doc, **needs)
        spent[rule.code] += time.process_time() - start
    return engine.DocumentResult(doc.path, findings, facts, [], doc.word_count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--select", help="comma-separated rule codes or prefixes (default: the default set)")
    parser.add_argument("--by-analysis", action="store_true", help="each analysis a stage of its own (see above)")
    parser.add_argument("--corpus-rules", action="store_true", help="the corpus stage split by rule")
    parser.add_argument("--cprofile", type=Path, help="write a cProfile of the per-document and corpus stages here")
    args = parser.parse_args()
    select = args.select.split(",") if args.select else None
    spent: collections.Counter[str] = collections.Counter()

    start = time.process_time()
    rules = api.configured_rules(Config(), select=select)
    spent["(load rules)"] = time.process_time() - start

    files = sorted(p for p in args.folder.rglob("*") if p.suffix in {".txt", ".md"})
    start = time.process_time()
    docs = [make_document(str(p), p.read_text(encoding="utf-8"), "markdown" if p.suffix == ".md" else "text") for p in files]
    spent["(read, documents)"] = time.process_time() - start

    profile = None
    if args.cprofile:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    results = []
    for doc in docs:
        results.append(timed_document_stage(doc, rules, spent, by_analysis=args.by_analysis))
    start = time.process_time()
    if args.corpus_rules:
        corpus = engine.build_corpus(results)
        found = [f for r in results for f in r.findings]
        spent["(build corpus)"] += time.process_time() - start
        for rule in rules:
            if isinstance(rule, CorpusRule):
                begin = time.process_time()
                found += engine.lint_corpus(corpus, [rule])
                spent[f"(corpus) {rule.code}"] += time.process_time() - begin
        begin = time.process_time()
        findings = engine.filter_findings(RuleSet.of(rules).keep_selected(found), corpus.markers, {r.code for r in rules})
        spent["(filter)"] += time.process_time() - begin
    else:
        findings = engine.finish(results, rules)
        spent["(corpus stage)"] = time.process_time() - start
    if profile is not None:
        profile.disable()
        profile.dump_stats(str(args.cprofile))

    n = max(1, len(docs))
    print(f"{len(docs)} documents, {len(findings)} findings; CPU ms per document:")
    for stage, seconds in spent.most_common():
        print(f"  {stage:20s} {seconds * 1000 / n:8.3f}")
    print(f"  {'total':20s} {sum(spent.values()) * 1000 / n:8.3f}")


if __name__ == "__main__":
    main()

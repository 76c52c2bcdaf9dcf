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
from lintnews.core.analysis import arguments
from lintnews.core.document import make_document
from lintnews.core.rule import DocumentRule


def timed_document_stage(doc, rules, spent: collections.Counter) -> engine.DocumentResult:
    """The per-document stage of ``rules`` over ``doc``, adding each rule's CPU seconds
    (and the matching layer's one pass) to ``spent``."""
    findings, facts = [], {}
    start = time.process_time()
    data = UTF8_VIEW.of(doc)
    if data is not None:  # the matching layer's one pass over the document, for every rule
        SHARED.matching(doc, data)
    spent["(matching pass)"] += time.process_time() - start
    for rule in rules:
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

    results = []
    for doc in docs:
        results.append(timed_document_stage(doc, rules, spent))
    start = time.process_time()
    findings = engine.finish(results, rules)
    spent["(corpus stage)"] = time.process_time() - start

    n = max(1, len(docs))
    print(f"{len(docs)} documents, {len(findings)} findings; CPU ms per document:")
    for stage, seconds in spent.most_common():
        print(f"  {stage:20s} {seconds * 1000 / n:8.3f}")
    print(f"  {'total':20s} {sum(spent.values()) * 1000 / n:8.3f}")


if __name__ == "__main__":
    main()

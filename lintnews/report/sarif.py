"""SARIF 2.1.0 for code-scanning upload (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the driver lists the rules that were used with their documentation; each
result has its region in characters (``columnKind: unicodeCodePoints``; ``endColumn``
exclusive, as SARIF defines it), related locations, and a partial fingerprint that
survives lines moving (see :mod:`lintnews.run.fingerprints`).
"""

from __future__ import annotations

import json
from urllib.parse import quote

from lintnews.core.version import __version__
from lintnews.report.model import Renderer, Report
from lintnews.rules.ruleset import RuleSet
from lintnews.run.fingerprints import fingerprints

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    # A file name that is not UTF-8 reaches us with surrogate escapes: percent-encode its
    # bytes.  A colon is encoded too: "co:lon.txt" would be a URI of the scheme "co".
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"), safe="/._-~")


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _rule(rule, enabled: bool) -> dict:
    text = rule.describe()
    first = " ".join(text.split("\n\n")[0].split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": first},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "warning"), "enabled": enabled},
        "properties": {"tags": [rule.code[0]]},
    }


class Sarif(Renderer):
    format = "sarif"
    needs = frozenset({"rules", "errors", "source_line"})

    def render(self, report: Report) -> str:
        findings, rules, errors, source_line = report.findings, report.rules, report.errors, report.source_line
        used = sorted({f.code for f in findings} | {r.code for r in rules})
        selection = RuleSet.of(rules)  # on by default: as the configuration has it (L101 with a server)
        by_code = {r.code: r for r in selection}
        driver_rules = [_rule(by_code[c], selection.is_default(by_code[c])) for c in used if c in by_code]
        index = {r["id"]: i for i, r in enumerate(driver_rules)}
        prints = fingerprints(findings, source_line) if source_line else [None] * len(findings)
        results = []
        for f, fp in zip(findings, prints):
            result = {
                "ruleId": f.code,
                "level": _LEVEL.get(f.severity, "warning"),
                "message": {"text": f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(f.path)},
                            "region": _region(f.line, f.column, f.end_line, f.end_column),
                        }
                    }
                ],
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": i + 1,
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(r.path)},
                            "region": _region(r.line, r.column, r.end_line, r.end_column),
                        },
                        "message": {"text": r.message or "related"},
                    }
                    for i, r in enumerate(f.related)
                ]
            if fp:
                result["partialFingerprints"] = {"lintnewsFingerprint/v1": fp}
            results.append(result)
        notifications = [
            {"level": "error", "message": {"text": e.message}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
            if e.path
            else {"level": "error", "message": {"text": e.message}}  # no file: a rule that failed on the corpus
            for e in errors
        ]
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "lintnews",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": driver_rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
                    "results": results,
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

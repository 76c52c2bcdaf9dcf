"""Applying inline suppression markers to the findings of a run (a filter stage).

A marker that suppresses nothing is reported as X100 (:mod:`lintnews.rules.unused_suppression`).
"""

from __future__ import annotations

from collections.abc import Iterable

from lintnews.analyses.suppressions import Marker
from lintnews.core.finding import Finding
from lintnews.rules.unused_suppression import UnusedSuppression


def apply(findings: Iterable[Finding], markers_by_path: dict[str, list[Marker]], selected: set[str]) -> tuple[list[Finding], list[Finding]]:
    """Drop suppressed findings; return the kept ones and X100 findings for unused markers.

    A marker counts as unused only if one of its codes is selected in this run: a marker
    for a rule that is switched off may still be needed when the rule is on.
    """
    kept = []
    used: set[tuple[str, int, tuple[str, ...]]] = set()
    for f in findings:
        suppressed = False
        for marker in markers_by_path.get(f.path, ()):
            if marker.covers(f):
                used.add((f.path, marker.loc.start, marker.codes))
                suppressed = True
        if not suppressed:
            kept.append(f)
    unused = []
    rule = UnusedSuppression()
    if rule.code in selected:
        for path, markers in markers_by_path.items():
            for marker in markers:
                relevant = not marker.codes or any(code.startswith(c) for c in marker.codes for code in selected)
                if (path, marker.loc.start, marker.codes) not in used and relevant:
                    names = ",".join(marker.codes) or "every rule"
                    unused.append(
                        rule.finding_at(marker.loc, f"suppression marker for {names} suppresses nothing; remove it")
                    )
    return kept, unused

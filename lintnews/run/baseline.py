"""Baselines: adopt lintnews on an existing archive by recording what it finds today.

``--write-baseline FILE`` records the fingerprints of the current findings (see
:mod:`lintnews.run.fingerprints`); ``--baseline FILE`` then reports only findings that are
not in it.  Fingerprints ignore line numbers, so edits above a finding do not bring it
back; they include the flagged text and its line, so a new finding of the same rule
elsewhere is reported.  Identical findings are counted: a third copy of a baselined pair
is new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from lintnews.core.side_files import read_side_text
from lintnews.run.atomic import write_atomically
from lintnews.core.finding import Finding

SCHEMA = "lintnews/baseline"
VERSION = 1


#: A baseline larger than this is refused (a million findings take about 70 MB).
MAX_BASELINE_BYTES = 256 * 1024 * 1024


class BaselineError(Exception):
    pass


def write_baseline(path: str, prints: Sequence[str]) -> None:
    """Write the baseline atomically; its content is sorted, so it diffs well in git."""
    data = {"schema": SCHEMA, "version": VERSION, "fingerprints": sorted(prints)}
    write_atomically(path, json.dumps(data, indent=1) + "\n")


def read_baseline(path: str) -> Counter[str]:
    try:
        data = json.loads(read_side_text(path, MAX_BASELINE_BYTES))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a lintnews baseline (malformed JSON: {exc})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a lintnews baseline (malformed JSON: nested too deeply)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a lintnews baseline")
    if data.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r}, this lintnews reads {VERSION}")
    prints = data.get("fingerprints")
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise BaselineError(f"{path}: 'fingerprints' must be a list of strings")
    return Counter(prints)


def new_findings(findings: Sequence[Finding], prints: Sequence[str], baseline: Counter[str]) -> list[Finding]:
    """The findings whose fingerprint the baseline does not hold (each entry used once)."""
    remaining = Counter(baseline)
    kept = []
    for f, fp in zip(findings, prints):
        if remaining[fp] > 0:
            remaining[fp] -= 1
        else:
            kept.append(f)
    return kept

"""A run through the corpus index (``cache-dir``): what is unchanged is read, not linted.

Without a corpus (``lintnews --cache-dir DIR PATHS``) every document is reported: the index
gives back the per-document results of the unchanged files, the others are linted and
stored, and the corpus rules see every document, as without the index.

With a corpus (pre-commit: a few staged files, the archive as corpus), only the files given
are reported, so only what their findings depend on is read: for each corpus rule, the
corpus-wide counts of the keys those files have (``corpus.tallies``), and the slices of
those keys (:meth:`lintnews.core.rule.CorpusRule.slices`) that the rule says can matter
to the files' findings given the counts (``wants_slices``), or, for a rule that reads
tallies, the first documents per name.
The corpus rules then run over that part of the corpus, in corpus order; their findings
in the files given are those of a run over the whole archive.  Files of the archive that
changed since they were indexed are linted and stored first, so the index always
describes the files as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from lintnews.core.corpus import Corpus
from lintnews.core.document import normalise_newlines
from lintnews.core.rule import CorpusRule
from lintnews.run.executors import Item, Outcome
from lintnews.run.files import InputError, read_text
from lintnews.run.index import Entry, Index, IndexDamaged, Packed, content_hash, cuts, index_file, joined, _stat
from lintnews.run.locations import locations_fit
from lintnews.run.pipeline import DocumentResult, build_corpus, lint_corpus

#: Documents read, linted and stored at a time while an index is built or brought up to date.
CHUNK = 2000

from lintnews.run.stages import Discovered, Found, PerDocument

# ``run`` below is a lintnews.run.run.Run and a Result its result (not imported: that
# module imports this one).
Run = Result = Any


def execute_indexed(run: Run, found: Discovered) -> Result:
    """Every stage of ``run`` over the documents found, through the index."""
    run.failures = []
    outcome, notices, skipped = _through_index(run, found)
    if outcome is None:  # no index to be had, or facts that cannot be stored
        return _with_notices(_without_index(run, found), notices)
    done, findings, markers, report = outcome
    result = run.result(found, done, run.filter(findings, markers, report), skipped)
    return _with_notices(result, notices)


def indexed_documents(run: Run, paths: Sequence[str]) -> tuple[list[DocumentResult], list[InputError], list[str]] | None:
    """The per-document results of the files under ``paths`` (linted where the index does
    not hold them, and stored), the files that could not be read, and notices; None when
    the index cannot be used (the caller lints the files itself).  For a process that
    keeps the results, such as the language server."""
    found = run.discover(paths)
    # Every document's result is wanted whole: all are "reported" (no incremental run).
    documents = [replace(d, reported=True) for d in found.documents]
    found = replace(found, files=[d.path for d in documents], context=[], documents=documents)
    run.failures = []
    outcome, notices, _ = _through_index(run, found)
    if outcome is None:
        return None
    done = outcome[0]
    results = [o.result for o in done.outcomes if isinstance(o.result, DocumentResult)]
    return results, [*found.errors, *done.errors], notices


def _through_index(run: Run, found: Discovered) -> tuple[Any, list[str], dict[str, str]]:
    """``_indexed`` with the index opened and checked, a damaged one rebuilt once:
    ``(its outcome or None, notices, the rules skipped)``."""
    import sqlite3  # only with an index

    handle = run.options.cache
    assert handle is not None
    file = index_file(handle.directory, handle.fingerprint, found.spec)
    notices: list[str] = []
    for attempt in range(2):
        try:
            index = _open(file, handle.fingerprint, found.spec, notices)
        except OSError:
            return None, notices, {}  # no place for an index: it only costs time
        try:
            with run.rules_opened() as skipped:
                outcome = _indexed(run, found, index)
        except (IndexDamaged, sqlite3.DatabaseError) as exc:
            index.close()
            if attempt or (isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)):
                notices.append(f"corpus index {file} not used ({exc})")
                return None, notices, {}
            notices.append(f"corpus index {file} was damaged ({exc}); rebuilt")
            Index.remove(file)
            continue
        index.close()
        return outcome, notices, skipped
    raise AssertionError("unreachable")


def _open(file, fingerprint, spec, notices: list[str]) -> Index:
    try:
        return Index(file, fingerprint, spec)
    except IndexDamaged as exc:
        notices.append(f"corpus index {file}: {exc}; rebuilt")
        Index.remove(file)
        return Index(file, fingerprint, spec)


def _with_notices(result: Result, notices: list[str]) -> Result:
    result.notices[:0] = notices
    return result


def _without_index(run: Run, found: Discovered) -> Result:
    plain = type(run)(run.config, run.rules, replace(run.options, cache=None))
    return plain.execute_found(found)


def _indexed(run: Run, found: Discovered, index: Index):
    """The per-document and corpus stages through the index; None when some document's
    facts cannot be stored."""
    handle = run.options.cache
    options = run.options
    incremental = bool(found.context)
    documents = found.documents
    archive = [d for d in documents if d.ord.startswith("1/")]
    known = index.known()
    fresh, stale = index.fresh([Entry(d.identity, d.ord) for d in archive], known)
    by_identity = {d.identity: d for d in archive}
    reported_paths = set(found.files)

    # Stale files: read and hashed; linted only when their content changed; stored, a
    # chunk at a time (an archive being indexed is not held in memory whole).
    errors: list[InputError] = []
    touched: list[tuple[str, tuple[int, int, int]]] = []
    linted: dict[str, Outcome] = {}
    keep_all = not incremental
    ids: dict[str, int] = {}
    written = 0
    # Files given that are fresh in the index but lack a score that this run shows.
    rescore = [d.identity for d in archive if options.scores and d.reported and d.identity in fresh and not known[d.identity][5]]
    for identity in rescore:
        del fresh[identity]
    pending = [*stale, *rescore]
    outside = [d for d in documents if not d.ord.startswith("1/")]
    for at in range(0, max(len(pending), 1), CHUNK):
        to_lint: list[tuple[Found, str, tuple[int, int, int] | None]] = []  # doc, hash, stat
        items: list[Item] = []
        for identity in pending[at : at + CHUNK]:
            d = by_identity[identity]
            stat = _stat(d.path)
            text = read_text(d.path)
            if isinstance(text, InputError):
                errors.append(text)
                continue
            digest = content_hash(text)
            row = known.get(identity)
            if row is not None and row[4] == digest and stat is not None and (not d.reported or not options.scores or row[5]):
                touched.append((identity, stat))
                fresh[identity] = row[0]
            else:
                to_lint.append((d, digest, stat))
                items.append((d.path, text))
        if at == 0:
            items += [(d.path, None) for d in outside]
        if not items:
            continue
        done = run.per_document(items, pack=True)
        errors += done.errors
        chunk_outcomes = {o.result.path: o for o in done.outcomes}
        rows: list[tuple[Entry, str, Packed, tuple[int, int, int] | None]] = []
        for d, digest, stat in to_lint:
            outcome = chunk_outcomes.get(d.path)
            if outcome is None:
                continue
            if outcome.packed is None or outcome.result.failures:
                return None  # facts that cannot be stored, or a rule failed here (not to be kept)
            rows.append((Entry(d.identity, d.ord), digest, outcome.packed, stat))
        ids.update(index.write(rows))
        written += len(items)
        for path, outcome in chunk_outcomes.items():
            outcome.packed = None
            if keep_all or path in reported_paths:
                linted[path] = outcome
    # Forget what is gone.
    present = {d.identity for d in archive}
    gone = [path for path in known if path not in present]
    index.touch(touched)
    index.write([], gone)
    ids = {**fresh, **ids}
    if handle is not None:
        handle.hits += len(fresh)
        handle.misses += written

    # The per-document results this run needs whole: every document, or the files given.
    wanted = {ids[d.identity]: d.path for d in archive if (d.reported or not incremental) and d.identity in fresh}
    results = index.results(wanted, run.rules)
    outcomes: dict[str, Outcome] = dict(linted)
    for doc, result in results.items():
        text = ""
        if result.path in reported_paths:
            # What is reported is checked against the document: a forged or damaged entry
            # must not print a place that is not there (the index is rebuilt instead).
            raw = read_text(result.path)
            if isinstance(raw, str) and not locations_fit(result, result.path, raw):
                raise IndexDamaged(f"an entry of {result.path} names a place outside it")
            if options.keep_texts and isinstance(raw, str):
                text = normalise_newlines(raw.removeprefix("\ufeff"))[0]
        outcomes[result.path] = Outcome(result, result.words, text)
    ordered = [outcomes[d.path] for d in documents if d.path in outcomes]
    per_document = PerDocument(ordered, None, errors)
    if not incremental:
        findings, markers = run.corpus(per_document, [d.path for d in documents])
        return per_document, findings, markers, None

    reported = set(found.files)
    given = [o.result for o in ordered if isinstance(o.result, DocumentResult) and o.result.path in reported]
    corpus = _partial_corpus(run, found, index, given, {ids[d.identity] for d in archive if d.reported and d.identity in ids})
    findings = run.rules.keep_selected([f for r in given for f in r.findings] + lint_corpus(corpus, run.rules, run.failures))
    return per_document, findings, corpus.markers, set(found.files)


def _partial_corpus(run: Run, found: Discovered, index: Index, given: Sequence[DocumentResult], given_ids: set[int]) -> Corpus:
    """The corpus rules' facts that the findings in the files given depend on."""
    ords = {d.path: d.ord for d in found.documents}
    outside = {d.path for d in found.documents if not d.ord.startswith("1/")}
    corpus = build_corpus(given)
    corpus.documents = [d.path for d in found.documents]  # labels as a run over them all
    loaded: dict[int, dict[str, dict[int, bytes]]] = defaultdict(lambda: defaultdict(dict))
    for rule in run.rules:
        if not isinstance(rule, CorpusRule):
            continue
        code = rule.code
        if not cuts(rule):
            for doc, seq, data in index.whole(code, given_ids):
                loaded[doc][code][seq] = data
            continue
        keys: set[str] = set()
        extra: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # counts of files outside the index
        own: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # counts of the files given
        for result in given:
            for key, part in rule.slices(result.facts[code]) or ():
                if key is None:
                    continue
                keys.add(key)
                for name, count in rule.tally(key, part).items():
                    own[key][name] += count
                    if result.path in outside:  # not in the index: its counts are added here
                        extra[key][name] += count
        for key in sorted(keys):
            totals = index.totals(code, key)
            for name, count in extra.get(key, {}).items():
                totals[name] = totals.get(name, 0) + count
            if totals or rule.key_reading == "tallies":
                corpus.tallies.setdefault(code, {})[key] = totals
            if rule.key_reading == "tallies":
                for name in totals:
                    for doc in index.first(code, key, name, rule.evidence_documents):
                        if doc not in given_ids:
                            row = index.slice_of(code, key, doc)
                            if row is not None:
                                loaded[doc][code][row[0]] = row[1]
            elif rule.wants_slices(key, totals, own.get(key, {})):
                for doc, seq, data in index.keyed(code, key, given_ids):
                    loaded[doc][code][seq] = data
    if not loaded:
        return corpus
    names = index.paths(loaded)
    rules = {r.code: r for r in run.rules if isinstance(r, CorpusRule)}
    order = [(ords[path], path) for path in corpus.paths]
    for doc, by_rule in loaded.items():
        path, ord_ = names[doc]
        order.append((ord_, path))
        for code, parts in by_rule.items():
            slices = [index.unpack(parts[seq], path) for seq in sorted(parts)]
            rule = rules[code]
            corpus.add(path, code, joined(rule, slices, path) if cuts(rule) else slices[0])
    corpus.paths = [path for _, path in sorted(order)]
    return corpus

"""The corpus index: an archive's per-document results and corpus facts in SQLite.

A newsroom's archive is linted once; after that a run over a few changed files reads
from the index only what their findings depend on, never the whole archive.

What is stored (one database file per fingerprint of the rules and per corpus, under
``cache-dir``; standard library ``sqlite3``, WAL journal):

``docs``     per document: its path, its place in the corpus order, the size, modification
             time and inode it was read with, a hash of its content, and its per-document
             result without the corpus facts (findings, suppression markers, words, score)
``slices``   per corpus rule, key and document: that document's facts for the key, as the
             rule cut them (:meth:`lintnews.core.rule.CorpusRule.slices`); key ``=`` is a
             document's own slice, ``*`` the whole facts of a rule that does not cut them
``tallies``  per rule, key, name and document: the counts a rule that reads tallies adds,
             with the document's place in the corpus order (the first documents per name)
``totals``   per rule, key and name: the sum of every document's counts (kept with the
             document, ``docs.counts``), up to date in the same transaction as the documents:
             the aggregates a run over a few files reads instead of other documents' slices
             (N101's spellings, documents and person uses per name block, N103's counts per
             word, the consistency rules' forms per folder)

Every value is the checked JSON of :mod:`lintnews.run.cache` (registered fact types only,
never pickle), compressed with zlib, whose own checksum catches damaged bytes; a document's
own path is not stored inside its values, so an entry is the same whatever name its file
is read under.

Freshness is decided as git decides it: a file whose size, modification time and inode are
those it was indexed with is not read again; one whose stat differs is read and hashed, and
linted again only when its content changed.  A file modified less than two seconds before
it was indexed is always read again (its stat could hide a later change in the same tick).

Concurrent runs (two hooks at once, CI beside a local run) share the file: readers never
wait, writers take turns (``BEGIN IMMEDIATE``, a busy timeout); every change is a
transaction, so a run killed at any moment leaves the index as it was before the
transaction or after it.  A file that is not such an index, of another version or
damaged, is reported in one line and rebuilt.
"""

from __future__ import annotations

import json
import os
import stat
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lintnews.core.rule import CorpusRule, Rule
from lintnews.run.cache import FORMAT_VERSION, _Unencodable, decode, encode
from lintnews.run.pipeline import DocumentResult

FORMAT = "lintnews-index"
INDEX_VERSION = 4  # 3: the consistency rules' tallies per folder and form; 4: N101's documents and person
# surnames/given names per spelling, N103's counts per word, T103 cut (its own slice)
OWN, WHOLE = "=", "*"  # the key column of a document's own slice, of uncut facts
_KEYED = "k"  # prefix of a rule's key in the key column
#: Seconds within which a file's modification time cannot be trusted (see above).
RACY_SECONDS = 2.0
#: Documents written per transaction while an index is built.
BATCH = 500

_SCHEMA = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, ord TEXT NOT NULL,
    size INTEGER NOT NULL, mtime INTEGER NOT NULL, ino INTEGER NOT NULL,
    hash TEXT NOT NULL, scored INTEGER NOT NULL, result BLOB NOT NULL, counts TEXT NOT NULL);
CREATE TABLE slices(
    rule TEXT NOT NULL, key TEXT NOT NULL, doc INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY(rule, key, doc)) WITHOUT ROWID;
CREATE INDEX slices_doc ON slices(doc);
CREATE TABLE tallies(
    rule TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, ord TEXT NOT NULL, doc INTEGER NOT NULL,
    count INTEGER NOT NULL, PRIMARY KEY(rule, key, name, ord, doc)) WITHOUT ROWID;
CREATE INDEX tallies_doc ON tallies(doc);
CREATE TABLE totals(
    rule TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, total INTEGER NOT NULL,
    PRIMARY KEY(rule, key, name)) WITHOUT ROWID;
"""

# Fragments every stored value repeats: zlib starts from them, so that a value of a few
# hundred bytes compresses too.
_ZDICT = (
    b'{"s":[]}{"t":[]}{"d":[["N101",{"c":"NameFacts","v":[{"t":[]},{"s":[]}]}],["T101",[]],["T102",[]],["C101",[]],["C102",[]]]}'
    b'{"c":"Finding","v":[{"p":0},{"c":"Fix","v":[{"c":"Edit","v":["warning","error",{"t":[]},null,false,true,'
    b'{"s":["honorific"]}{"s":["given","speech"]}{"s":["role","speech"]}{"s":["speech"]}'
    b'{"c":"TitleMention","v":["' b'{"c":"Mention","v":[{"t":["' b'"]},"' b'"," said","",null,'
    b'{"c":"Loc","v":[{"p":0},' b'{"t":[0,{"c":"Mention","v":[{"t":["' b'{"c":"Loc","v":[{"p":0},'
)


class IndexDamaged(Exception):
    """The index file is not a readable index of this version: it is rebuilt."""


def _pack(value: Any, path: str) -> bytes:
    data = json.dumps(encode(value, path), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    packer = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    return packer.compress(data) + packer.flush()


def _unpack(blob: bytes, path: str, shared: dict) -> Any:
    try:
        unpacker = zlib.decompressobj(15, _ZDICT)
        data = unpacker.decompress(blob) + unpacker.flush()
        if not unpacker.eof or unpacker.unused_data:
            raise ValueError("truncated or trailing data")
        return decode(data, shared, path)
    except (zlib.error, ValueError, TypeError, KeyError, AttributeError, RecursionError, UnicodeDecodeError) as exc:
        raise IndexDamaged(f"an entry of {path} cannot be read ({exc})") from None


@dataclass(frozen=True)
class Entry:
    """A document of the corpus as a run sees it."""

    path: str  # the name it is read and reported under in this run
    ord: str  # its place in the corpus order (compared as a string)


@dataclass
class Stored:
    """What a run wrote or read for one document."""

    id: int
    path: str
    result: DocumentResult | None = None  # the per-document result, when it was loaded


@dataclass(frozen=True)
class Packed:
    """One document's rows, encoded (in the process that linted it)."""

    result: bytes
    scored: bool
    slices: tuple[tuple[str, str, int, bytes], ...]  # rule, key column, seq, data
    tallies: tuple[tuple[str, str, str, int], ...]  # rule, key, name, count (listed per document)
    counts: str  # every rule's counts, as JSON [[rule, key, name, count], ...]


def pack(result: DocumentResult, rules: Sequence[Rule]) -> Packed | None:
    """The rows of one document's result, or None when its facts cannot be stored (a
    plugin's unregistered class: that document is then linted again every run)."""
    path = result.path
    try:
        head = _pack(replace(result, facts={}), path)
        slices: list[tuple[str, str, int, bytes]] = []
        tallies: list[tuple[str, str, str, int]] = []
        counts: list[tuple[str, str, str, int]] = []
        for rule in rules:
            if not isinstance(rule, CorpusRule) or rule.code not in result.facts:
                continue
            facts = result.facts[rule.code]
            cut = rule.slices(facts) if cuts(rule) else None
            if cut is None:
                slices.append((rule.code, WHOLE, 0, _pack(facts, path)))
                continue
            for seq, (key, part) in enumerate(cut):
                column = OWN if key is None else _KEYED + key
                slices.append((rule.code, column, seq, _pack(part, path)))
                if key is not None:
                    counted = [(rule.code, key, name, count) for name, count in rule.tally(key, part).items()]
                    counts += counted
                    if rule.key_reading == "tallies":
                        tallies += counted
    except _Unencodable:
        return None
    return Packed(head, result.score is not None, tuple(slices), tuple(tallies), json.dumps(counts, ensure_ascii=False))


def joined(rule: CorpusRule, slices: list[Any], path: str) -> Any:
    """``rule.join(slices)``; a slice the rule refuses is damage."""
    try:
        return rule.join(slices)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise IndexDamaged(f"a slice of {rule.code} for {path} cannot be read ({exc})") from None


def cuts(rule: Rule) -> bool:
    """Whether a corpus rule cuts its facts by key (overrides :meth:`CorpusRule.slices`)."""
    return isinstance(rule, CorpusRule) and type(rule).slices is not CorpusRule.slices


def index_file(directory: Path, fingerprint: str, spec: Sequence[str]) -> Path:
    """The index of one fingerprint and one corpus (its roots, and where they are read from)."""
    import hashlib

    h = hashlib.sha256(json.dumps([FORMAT, INDEX_VERSION, fingerprint, list(spec)]).encode("utf-8", "surrogatepass"))
    return directory / f"index-{h.hexdigest()[:20]}.sqlite"


def _stat(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def content_hash(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


class Index:
    """An open corpus index (one connection; not shared between processes)."""

    def __init__(self, file: Path, fingerprint: str, spec: Sequence[str]) -> None:
        self.file = file
        self.fingerprint = fingerprint
        self.spec = json.dumps(list(spec))
        self.shared: dict = {}  # strings and frozensets read so far, one copy each
        self.db = self._connect()

    # -- opening, checking, rebuilding ------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        import sqlite3  # only for an index: a plain run never opens one

        self.file.parent.mkdir(parents=True, exist_ok=True)
        try:
            st = os.lstat(self.file)
        except FileNotFoundError:
            pass
        else:
            # A FIFO would block SQLite's first read for ever, a link to a device feed it
            # without end: only a regular file is opened (the rebuild replaces the rest).
            if not stat.S_ISREG(st.st_mode):
                raise IndexDamaged("not a regular file")
        try:
            db = sqlite3.connect(self.file, timeout=120, isolation_level=None, check_same_thread=False)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(str(exc)) from None
        try:
            db.execute("PRAGMA busy_timeout = 120000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            self._check_or_create(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise IndexDamaged(str(exc)) from None
        except IndexDamaged:
            db.close()
            raise
        return db

    def _check_or_create(self, db: sqlite3.Connection) -> None:
        expected = {"format": FORMAT, "version": str(INDEX_VERSION), "codec": str(FORMAT_VERSION), "fingerprint": self.fingerprint, "spec": self.spec}
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            db.execute("BEGIN IMMEDIATE")
            try:
                tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not tables:  # nobody made it meanwhile
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(expected.items()))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        if "meta" not in tables and tables:
            raise IndexDamaged("not a lintnews index")
        found = dict(db.execute("SELECT name, value FROM meta"))
        if found != expected:
            if found.get("format") != FORMAT:
                raise IndexDamaged("not a lintnews index")
            raise IndexDamaged("an index of another version or configuration")

    @staticmethod
    def remove(file: Path) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{file}{suffix}")
            except FileNotFoundError:
                pass

    def close(self) -> None:
        self.db.close()

    # -- freshness ---------------------------------------------------------------------------
    def known(self) -> dict[str, tuple[int, int, int, int, str, int]]:
        """path -> (id, size, mtime, inode, hash, scored) of every indexed document."""
        return {row[0]: row[1:] for row in self.db.execute("SELECT path, id, size, mtime, ino, hash, scored FROM docs")}

    def fresh(self, entries: Sequence[Entry], known: dict[str, tuple[int, int, int, int, str, int]]) -> tuple[dict[str, int], list[str]]:
        """The documents whose file is as it was indexed (path -> id), and the others."""
        fresh: dict[str, int] = {}
        stale: list[str] = []
        for entry in entries:
            row = known.get(entry.path)
            if row is not None and row[3] >= 0 and _stat(entry.path) == (row[1], row[2], row[3]):
                fresh[entry.path] = row[0]
            else:
                stale.append(entry.path)
        return fresh, stale

    # -- writing ----------------------------------------------------------------------------
    def write(self, documents: Iterable[tuple[Entry, str, Packed, tuple[int, int, int] | None]], gone: Iterable[str] = ()) -> dict[str, int]:
        """Store documents (entry, content hash, rows, the stat they were read with) and
        forget the paths ``gone``, in transactions of :data:`BATCH` documents; the ids."""
        ids: dict[str, int] = {}
        batch: list = []
        for item in documents:
            batch.append(item)
            if len(batch) >= BATCH:
                ids.update(self._write(batch, ()))
                batch = []
        ids.update(self._write(batch, list(gone)))
        return ids

    def _write(self, batch: list, gone: list[str]) -> dict[str, int]:
        if not batch and not gone:
            return {}
        db = self.db
        ids: dict[str, int] = {}
        racy = (time.time() - RACY_SECONDS) * 1e9
        db.execute("BEGIN IMMEDIATE")
        try:
            for path in gone:
                row = db.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
                if row is not None:
                    self._forget(row[0])
                    db.execute("DELETE FROM docs WHERE id = ?", (row[0],))
            for entry, digest, packed, stat in batch:
                size, mtime, ino = stat if stat is not None else (-1, -1, -1)
                if mtime >= racy:
                    ino = -1  # read it again next time: a change in the same tick would not show
                row = db.execute("SELECT id FROM docs WHERE path = ?", (entry.path,)).fetchone()
                values = (entry.ord, size, mtime, ino, digest, int(packed.scored), packed.result, packed.counts)
                if row is None:
                    doc = db.execute(
                        "INSERT INTO docs(ord, size, mtime, ino, hash, scored, result, counts, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, entry.path),
                    ).lastrowid
                else:
                    doc = row[0]
                    self._forget(doc)
                    db.execute("UPDATE docs SET ord = ?, size = ?, mtime = ?, ino = ?, hash = ?, scored = ?, result = ?, counts = ? WHERE id = ?", (*values, doc))
                db.executemany("INSERT INTO slices VALUES (?, ?, ?, ?, ?)", [(rule, key, doc, seq, data) for rule, key, seq, data in packed.slices])
                if packed.tallies:
                    db.executemany("INSERT INTO tallies VALUES (?, ?, ?, ?, ?, ?)", [(r, k, n, entry.ord, doc, c) for r, k, n, c in packed.tallies])
                counts = json.loads(packed.counts)
                if counts:
                    db.executemany(
                        "INSERT INTO totals VALUES (?, ?, ?, ?) ON CONFLICT(rule, key, name) DO UPDATE SET total = total + excluded.total",
                        counts,
                    )
                ids[entry.path] = doc
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return ids

    def touch(self, stats: Iterable[tuple[str, tuple[int, int, int]]]) -> None:
        """Record that files whose content is unchanged now have this stat."""
        racy = (time.time() - RACY_SECONDS) * 1e9
        rows = [(size, mtime, -1 if mtime >= racy else ino, path) for path, (size, mtime, ino) in stats]
        if not rows:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("UPDATE docs SET size = ?, mtime = ?, ino = ? WHERE path = ?", rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _forget(self, doc: int) -> None:
        """Take a document's rows out (its counts out of the totals), within a transaction."""
        db = self.db
        (text,) = db.execute("SELECT counts FROM docs WHERE id = ?", (doc,)).fetchone()
        try:
            old = json.loads(text)
        except ValueError:
            raise IndexDamaged("the counts of a document cannot be read") from None
        if old:
            db.executemany("UPDATE totals SET total = total - ? WHERE rule = ? AND key = ? AND name = ?", [(c, r, k, n) for r, k, n, c in old])
            db.execute("DELETE FROM totals WHERE total <= 0")
        db.execute("DELETE FROM tallies WHERE doc = ?", (doc,))
        db.execute("DELETE FROM slices WHERE doc = ?", (doc,))

    # -- reading ----------------------------------------------------------------------------
    def results(self, docs: dict[int, str], rules: Sequence[Rule]) -> dict[int, DocumentResult]:
        """The whole per-document results of documents (id -> the path to read it under)."""
        corpus_rules = {r.code: r for r in rules if isinstance(r, CorpusRule)}
        out: dict[int, DocumentResult] = {}
        parts: dict[int, dict[str, list[tuple[int, str, bytes]]]] = defaultdict(lambda: defaultdict(list))
        for chunk in _chunks(list(docs), 500):
            marks = ",".join("?" * len(chunk))
            for doc, blob in self.db.execute(f"SELECT id, result FROM docs WHERE id IN ({marks})", chunk):
                out[doc] = _unpack(blob, docs[doc], self.shared)
            for rule, key, doc, seq, data in self.db.execute(f"SELECT rule, key, doc, seq, data FROM slices WHERE doc IN ({marks})", chunk):
                parts[doc][rule].append((seq, key, data))
        for doc, result in out.items():
            if not isinstance(result, DocumentResult):
                raise IndexDamaged("an entry that is not a document result")
            path = docs[doc]
            facts: dict[str, object] = {}
            for code, rule in corpus_rules.items():
                rows = sorted(parts[doc].get(code, ()))
                if len(rows) == 1 and rows[0][1] == WHOLE:
                    facts[code] = _unpack(rows[0][2], path, self.shared)
                elif any(key == WHOLE for _, key, _ in rows):
                    raise IndexDamaged("uncut facts beside slices")
                elif not cuts(rule):
                    raise IndexDamaged(f"no facts of {code} for {path}")
                else:
                    facts[code] = joined(rule, [_unpack(data, path, self.shared) for _, _, data in rows], path)
            out[doc] = replace(result, path=path, facts=facts)
        if len(out) != len(docs):
            raise IndexDamaged("documents missing")
        return out

    def keyed(self, rule: str, key: str, skip: set[int]) -> Iterator[tuple[int, int, bytes]]:
        """(document, seq, data) of every document's slice of one key, but those in ``skip``."""
        for doc, seq, data in self.db.execute("SELECT doc, seq, data FROM slices WHERE rule = ? AND key = ?", (rule, _KEYED + key)):
            if doc not in skip:
                yield doc, seq, data

    def whole(self, rule: str, skip: set[int]) -> Iterator[tuple[int, int, bytes]]:
        for doc, seq, data in self.db.execute("SELECT doc, seq, data FROM slices WHERE rule = ? AND key = ?", (rule, WHOLE)):
            if doc not in skip:
                yield doc, seq, data

    def totals(self, rule: str, key: str) -> dict[str, int]:
        return dict(self.db.execute("SELECT name, total FROM totals WHERE rule = ? AND key = ?", (rule, key)))

    def first(self, rule: str, key: str, name: str, limit: int) -> list[int]:
        """The first ``limit`` documents, in corpus order, that count ``name`` under ``key``."""
        rows = self.db.execute("SELECT doc FROM tallies WHERE rule = ? AND key = ? AND name = ? ORDER BY ord LIMIT ?", (rule, key, name, limit))
        return [doc for (doc,) in rows]

    def slice_of(self, rule: str, key: str, doc: int) -> tuple[int, bytes] | None:
        row = self.db.execute("SELECT seq, data FROM slices WHERE rule = ? AND key = ? AND doc = ?", (rule, _KEYED + key, doc)).fetchone()
        return None if row is None else (row[0], row[1])

    def paths(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """id -> (path, ord)."""
        out: dict[int, tuple[str, str]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            out.update((doc, (path, ord_)) for doc, path, ord_ in self.db.execute(f"SELECT id, path, ord FROM docs WHERE id IN ({marks})", chunk))
        return out

    def unpack(self, blob: bytes, path: str) -> Any:
        return _unpack(blob, path, self.shared)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

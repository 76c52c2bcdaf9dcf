"""Generic rule types that users instantiate with data, no code (as in Vale).

Each YAML file in ``rules/`` (or in a user's rule pack) whose top level has a ``type``
is one rule::

    code: W101
    name: boilerplate-line
    type: existence            # existence | substitution | pattern | consistency
    message: "'{match}' is page furniture left by a scraper"
    doc: |
      What it finds, why it matters, an example.
    ...type-specific keys...

- ``existence``: report any of ``tokens`` (literal phrases) or ``patterns`` (regular
  expressions); with ``match: line`` a token must be a whole line.
- ``substitution``: ``swap`` is a list of ``{wrong, expected, note}``; report ``wrong``,
  suggest ``expected``.  ``wrong`` is a phrase, or a regex with ``regex: true``.
- ``pattern``: one regex with named groups; ``message`` and ``suggestion`` are
  templates over the groups.
- ``consistency``: ``groups`` of interchangeable forms (``Mr``/``Mr.``); with
  ``scope: document`` the minority form inside a document is reported, with
  ``scope: corpus`` the minority form across the documents of one folder.

Keys common to all: ``severity`` (error, warning, info), ``default`` (on unless
selected, true), ``ignore_case`` (false), ``reads_quotes`` (true): whether the rule
looks inside quoted speech.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from lintnews.core.corpus import Corpus, Loc
from lintnews.core.data import DataError, read_yaml, rules_dir
from lintnews.core.document import Document, in_quote
from lintnews.core.finding import SEVERITIES, Finding, Fix
from lintnews.analyses.matching import (
    MAX_PROGRAM_SIZE,
    Pattern,
    PatternError,
    Patterns,
    PhraseError,
    PhraseMatch,
    PhraseSet,
    compile_user,
    first_char_guard,
    merge_matches,
    phrase_regex,
    phrase_regex_length,
)
from lintnews.core.rule import CODE_RE, CorpusRule, DocumentRule, Rule

__all__ = ["RULE_TYPES", "DataRule", "first_char_guard", "load_packs", "phrase_regex", "rule_from_spec"]


class DataRule(Rule):
    """A rule instantiated from a data file."""

    def __init__(self, spec: dict[str, Any], source: str, trusted: bool = False) -> None:
        self.source = source
        self.spec = spec
        # Built-in data is reviewed and tested; a user's pack is matched with RE2.
        self.trusted = trusted
        self.code = _require(spec, "code", str, source)
        if not CODE_RE.match(self.code):
            raise DataError(f"{source}: code {self.code!r} is not a family letter and three digits (e.g. W101)")
        self.name = _require(spec, "name", str, source)
        self.severity = spec.get("severity", "warning")
        if self.severity not in SEVERITIES:
            raise DataError(f"{source}: severity must be one of {', '.join(SEVERITIES)}")
        self.default = bool(spec.get("default", True))
        self.reads_quotes = bool(spec.get("reads_quotes", True))
        self.message = _require(spec, "message", str, source)
        self.doc = str(spec.get("doc", "")).strip()
        self.flags = re.IGNORECASE if spec.get("ignore_case", False) else 0

    def describe(self) -> str:
        return self.doc or f"{self.name} (from {self.source})"

    def compile(self, source: str, what: str, whole: bool = False):
        """Python's ``re`` for built-in packs, RE2 for user packs (no catastrophic backtracking)."""
        if not self.trusted:
            try:
                # ``whole``: an alternation of entries compiled one by one before, each
                # within RE2's program limit; the whole is bounded by their sum.
                return compile_user(
                    source, ignore_case=bool(self.flags & re.IGNORECASE), max_program=None if whole else MAX_PROGRAM_SIZE
                )
            except PatternError as exc:
                raise DataError(f"{self.source}: invalid regex in {what}: {exc}") from None
        try:
            return re.compile(source, self.flags | re.MULTILINE)
        except re.error as exc:
            raise DataError(f"{self.source}: invalid regex in {what}: {exc}") from None

    def phrase(self, phrase: str) -> str:
        return phrase_regex(phrase, lookaround=self.trusted)

    def check_template(self, template: str, *fields: str) -> None:
        """Refuse, when the pack is loaded, a template naming a field the rule does not fill."""
        try:
            template.format(**{f: "" for f in fields})
        except (KeyError, IndexError, ValueError) as exc:
            raise DataError(
                f"{self.source}: template {template!r} names an unknown field {exc} (known: {', '.join(fields)})"
            ) from None

    def _format(self, template: str, **values: str) -> str:
        # A phrase may run over a line break; a message stays on one line.
        values = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in values.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise DataError(f"{self.source}: message template {template!r} names an unknown field: {exc}") from None


def _require(spec: dict[str, Any], key: str, kind: type, source: str) -> Any:
    if key not in spec:
        raise DataError(f"{source}: missing key {key!r}")
    value = spec[key]
    if not isinstance(value, kind):
        raise DataError(f"{source}: {key!r} must be a {kind.__name__}, not {type(value).__name__}")
    return value


class ExistenceRule(DataRule, DocumentRule):
    """Report every occurrence of listed phrases or patterns."""

    def __init__(self, spec: dict[str, Any], source: str, trusted: bool = False) -> None:
        super().__init__(spec, source, trusted)
        tokens = spec.get("tokens", [])
        patterns = spec.get("patterns", [])
        if not isinstance(tokens, list) or not isinstance(patterns, list) or not (tokens or patterns):
            raise DataError(f"{source}: an existence rule needs a list of 'tokens' or 'patterns'")
        for kind, values in (("tokens", tokens), ("patterns", patterns)):
            for n, value in enumerate(values, 1):
                if not isinstance(value, str) or not value:
                    raise DataError(f"{source}: {kind} entry {n} must be a non-empty string, not {value!r:.60}")
        self.check_template(self.message, "match")
        self.whole_line = spec.get("match", "phrase") == "line"
        self.safe_fix = spec.get("fix") == "delete-line" and self.whole_line
        # The alternatives in the order the one regex of them would try them: longest source
        # first.  A phrase's regex is written only where a regex is made of it.
        entries = [(str(t), True) for t in tokens] + [(f"(?:{p})", False) for p in map(str, patterns)]
        lengths = [phrase_regex_length(e, self.trusted) if is_phrase else len(e) for e, is_phrase in entries]
        order = sorted(range(len(entries)), key=lengths.__getitem__, reverse=True)
        alternatives = [entries[k] for k in order]  # (a phrase or a regex, whether a phrase)
        if self.whole_line:
            for entry, is_phrase in alternatives:
                if not is_phrase:
                    self.compile(entry, "tokens/patterns")  # report a bad one by itself
            body = "|".join(self.phrase(e) if is_phrase else e for e, is_phrase in alternatives)
            self.regex = self.compile(rf"^[ \t]*(?:{body})[ \t]*$", "tokens/patterns", whole=True)
            self.needs = (Pattern("matches", self.regex),)
            return
        # A list of phrases is matched by an automaton (as long as it may be), patterns by
        # one regex; their matches are merged as the alternation of both would take them.
        phrases = [(k, e) for k, (e, is_phrase) in enumerate(alternatives) if is_phrase]
        self.regex_numbers = [k for k, (_, is_phrase) in enumerate(alternatives) if not is_phrase]
        self.regex = None
        needs: list = [_phrase_set(phrases, bool(self.flags & re.IGNORECASE), source)] if phrases else []
        if self.regex_numbers:
            for k in self.regex_numbers:
                self.compile(alternatives[k][0], "tokens/patterns")  # report a bad one by itself
            body = "|".join(f"(?P<a{k}>{alternatives[k][0]})" for k in self.regex_numbers)
            self.regex = self.compile(body, "tokens/patterns", whole=True)
            needs.append(Pattern("matches", self.regex))
        self.needs = tuple(needs)

    def _spans(self, phrases: list, matches: list | None) -> Iterator[tuple[int, int]]:
        if self.whole_line:
            for m in matches or ():
                yield m.span()
            return
        if not matches:
            yield from ((m.start, m.end) for m in phrases)
            return
        found = [PhraseMatch(*m.span(), _alternative(m, self.regex_numbers, "a")) for m in matches]
        yield from ((m.start, m.end) for m in merge_matches(phrases, found))

    def check(self, doc: Document, phrases: list | None = None, matches: list | None = None) -> Iterator[Finding]:
        view = doc.view
        for start, end in self._spans(phrases or [], matches):
            if start == end:
                continue
            whole = view[start:end]
            text = whole.strip()
            start += len(whole) - len(whole.lstrip())
            end = start + len(text)
            yield self.finding(doc, start, end, self._format(self.message, match=text), fix=self._fix(doc, start, end))

    def _fix(self, doc: Document, start: int, end: int) -> Fix | None:
        """The deletion of the line, for a rule that offers it (looked for only then: a
        search for the line's ends per match would make a long line quadratic)."""
        if not self.safe_fix:
            return None
        line_start = doc.text.rfind("\n", 0, start) + 1
        line_end = doc.text.find("\n", end)
        # A line that also holds a suppression marker is not deleted: the marker is the
        # user's, and deleting it would un-suppress what it covers.
        if "lintnews:" in doc.text[line_start : len(doc.text) if line_end == -1 else line_end]:
            return None
        # Take the blank line before it too, so no run of empty lines is left.
        if line_start >= 2 and doc.text[line_start - 2] == "\n":
            line_start -= 1
        return Fix(line_start, len(doc.text) if line_end == -1 else line_end + 1, "", safe=True)


class SubstitutionRule(DataRule, DocumentRule):
    """Report a wrong phrase and suggest the expected one."""

    def __init__(self, spec: dict[str, Any], source: str, trusted: bool = False) -> None:
        super().__init__(spec, source, trusted)
        swaps = spec.get("swap")
        if not isinstance(swaps, list) or not swaps:
            raise DataError(f"{source}: a substitution rule needs a non-empty 'swap' list")
        self.entries: list[dict[str, str]] = []
        alternatives = []
        phrases = []
        for i, entry in enumerate(swaps):
            if not isinstance(entry, dict) or "wrong" not in entry or "expected" not in entry:
                raise DataError(f"{source}: swap entry {i + 1} needs 'wrong' and 'expected'")
            wrong = str(entry["wrong"])
            if entry.get("regex"):
                self.compile(wrong, f"swap entry {i + 1}")  # report a bad entry by number
                alternatives.append(f"(?P<s{i}>{wrong})")
            else:
                phrases.append((i, wrong))
            self.entries.append({"wrong": wrong, "expected": str(entry["expected"]), "note": str(entry.get("note", ""))})
        self.check_template(self.message, "match", "expected", "note")
        # Phrases go to an automaton, however many; regex entries are one regex, and the
        # matches of both are merged as the alternation of all entries would take them.
        needs: list = [_phrase_set(phrases, bool(self.flags & re.IGNORECASE), source)] if phrases else []
        self.regex = None
        if alternatives:
            self.regex = self.compile("|".join(alternatives), "swap", whole=True)
            needs.append(Pattern("matches", self.regex))
        self.needs = tuple(needs)

    def check(self, doc: Document, phrases: list | None = None, matches: list | None = None) -> Iterator[Finding]:
        found = phrases or []
        if matches:
            found = merge_matches(found, [PhraseMatch(*m.span(), int(m.lastgroup[1:])) for m in matches])
        view = doc.view
        for start, end, index in found:
            if start == end:
                continue
            entry = self.entries[index]
            message = self._format(self.message, match=view[start:end], expected=entry["expected"], note=entry["note"])
            yield self.finding(doc, start, end, message, suggestion=entry["expected"])


def _phrase_set(numbered: list[tuple[int, str]], ignore_case: bool, source: str) -> PhraseSet:
    """The matcher of a rule's phrases, each reported under its number (its place among
    the rule's alternatives)."""
    try:
        return PhraseSet("phrases", [p for _, p in numbered], ignore_case, numbers=[k for k, _ in numbered])
    except PhraseError as exc:
        raise DataError(f"{source}: {exc}") from None


def _alternative(m: Any, numbers: list[int], prefix: str) -> int:
    """The number of the alternative a match of ``(?P<a3>...)|(?P<a7>...)`` matched."""
    for k in numbers:
        if m.group(f"{prefix}{k}") is not None:
            return k
    return numbers[0]


class PatternRule(DataRule, DocumentRule):
    """Report matches of one regex; message and suggestion are templates over its groups."""

    def __init__(self, spec: dict[str, Any], source: str, trusted: bool = False) -> None:
        super().__init__(spec, source, trusted)
        pattern = _require(spec, "pattern", str, source)
        self.regex = self.compile(pattern, "pattern")
        self.needs = (Pattern("matches", self.regex),)
        self.suggestion = spec.get("suggestion")
        groups = ["match", *self.regex.groupindex]
        self.check_template(self.message, *groups)
        if self.suggestion is not None:
            if not isinstance(self.suggestion, str):
                raise DataError(f"{source}: 'suggestion' must be a string")
            self.check_template(self.suggestion, *groups)

    def check(self, doc: Document, matches: list) -> Iterator[Finding]:
        for m in matches:
            start, end = m.span()
            if start == end:
                continue
            groups = {k: v or "" for k, v in m.groupdict().items()}
            message = self._format(self.message, match=m.group(0), **groups)
            suggestion = self._format(self.suggestion, match=m.group(0), **groups) if self.suggestion else None
            yield self.finding(doc, start, end, message, suggestion=suggestion)


class ConsistencyRule(DataRule, CorpusRule):
    """Report the minority form of interchangeable spellings, in a document or the corpus.

    A tie has no minority and is not reported: there is no house style to point to.
    """

    MAX_RELATED = 5

    def __init__(self, spec: dict[str, Any], source: str, trusted: bool = False) -> None:
        super().__init__(spec, source, trusted)
        self.per_document = spec.get("scope", "document") == "document"
        # An established minority form (written ``established`` times or more) is reported
        # only when the majority form is written at least ``majority_ratio`` times as often.
        # A large archive of many writers and decades keeps two styles side by side
        # ("world-wide" 11 times beside "worldwide" 18): only a clear majority is a house
        # style such a form strays from.  Without ``established``, any majority is.
        established = spec.get("established")
        ratio = spec.get("majority_ratio", 1)
        if established is not None and (isinstance(established, bool) or not isinstance(established, int) or established < 1):
            raise DataError(f"{source}: 'established' must be a whole number of at least 1")
        if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or ratio < 1:
            raise DataError(f"{source}: 'majority_ratio' must be a number of at least 1")
        self.established: int | None = established
        self.majority_ratio = float(ratio)
        self.check_template(self.message, "match", "expected", "counts", "where")
        groups = spec.get("groups")
        if not isinstance(groups, list) or not groups:
            raise DataError(f"{source}: a consistency rule needs a non-empty 'groups' list")
        self.groups: list[tuple[list[str], Any, int]] = []
        self.exact_forms: list[dict[str, str]] = []
        for i, group in enumerate(groups):
            if isinstance(group, dict):
                forms, flags = group.get("forms"), re.IGNORECASE if group.get("ignore_case") else 0
            else:
                forms, flags = group, self.flags
            if not isinstance(forms, list) or len(forms) < 2 or not all(isinstance(f, str) and f for f in forms):
                raise DataError(f"{source}: group {i + 1} needs at least two forms, each a non-empty string")
            forms = [str(f) for f in forms]
            # Longest first, so "Mr." is taken whole before "Mr" could match its start.
            alternatives = "|".join(self.phrase(f) for f in sorted(forms, key=len, reverse=True))
            if self.trusted:
                # Not part of a currency sign: "US$", "$US" are not the abbreviation "US".
                regex = re.compile(first_char_guard(forms) + rf"(?<![\w.$])(?:{alternatives})(?!\w)(?!\.\w)(?!\$)", flags)
            else:
                try:
                    regex = compile_user(f"(?:{alternatives})", ignore_case=bool(flags & re.IGNORECASE))
                except PatternError as exc:
                    raise DataError(f"{source}: group {i + 1}: {exc}") from None
            self.groups.append((forms, regex, flags))
            # Text as matched -> its form, for the usual case of a match written exactly as
            # a form (the first equal form, as _form_of would find it).
            exact: dict[str, str] = {}
            for form in forms:
                exact.setdefault(form.lower() if flags & re.IGNORECASE else form, form)
            self.exact_forms.append(exact)
        self.ignore_case = [bool(flags & re.IGNORECASE) for _forms, _regex, flags in self.groups]
        self.needs = (Patterns("forms", [regex for _forms, regex, _flags in self.groups]),)

    def _form_of(self, forms: list[str], text: str, flags: int) -> str:
        norm = re.sub(r"\s+", " ", text).replace("’", "'")
        for form in forms:
            if (norm.lower() == form.lower()) if flags & re.IGNORECASE else norm == form:
                return form
        return norm

    def _visible(self, doc: Document, start: int) -> bool:
        """Whether a form found at ``start`` counts.  A corpus rule leaves quotations out
        itself (for a document rule the engine drops findings in quotations)."""
        return self.reads_quotes or not in_quote(doc, start)

    def collect(self, doc: Document, forms: list[list[tuple[int, int]]]) -> list[tuple[int, str, Loc, bool]]:
        """Every occurrence of a form: (group, form, location, reportable), group by group.

        ``forms``: the spans of each group's matches.  Quoted occurrences, when the rule
        does not read quotes, still count as evidence of the house style but are never
        reported: a quotation may be verbatim.
        """
        view = doc.view
        found = []
        for gi, spans in enumerate(forms):
            forms_of_group, _regex, flags = self.groups[gi]
            exact = self.exact_forms[gi]
            ignore_case = self.ignore_case[gi]
            for start, end in spans:
                text = view[start:end]
                form = exact.get(text.lower() if ignore_case else text)
                if form is None:
                    form = self._form_of(forms_of_group, text, flags)
                found.append((gi, form, Loc.of(doc, start, end), self._visible(doc, start)))
        return found

    # Incremental runs (lintnews.run.index): a document's own forms (scope "document"),
    # or the forms of each group keyed by the group, read as counts per folder and form
    # (folders are not compared) and the first documents of each (the majority's
    # locations shown).
    key_reading = "tallies"
    evidence_documents = MAX_RELATED

    def slices(self, facts: list[tuple[int, str, Loc, bool]]) -> list[tuple[str | None, Any]]:
        if self.per_document:
            return [(None, tuple(facts))] if facts else []
        groups: dict[int, list[tuple[int, tuple[int, str, Loc, bool]]]] = {}
        for i, item in enumerate(facts):
            groups.setdefault(item[0], []).append((i, item))
        return [(str(gi), tuple(items)) for gi, items in groups.items()]

    def join(self, slices: list[Any]) -> list[tuple[int, str, Loc, bool]]:
        if self.per_document:
            return [item for part in slices for item in part]
        return [item for _, item in sorted((pair for part in slices for pair in part), key=lambda pair: pair[0])]

    def tally(self, key: str, slice: Any) -> dict[str, int]:
        # Per folder and form: folders are not compared (a corpus-wide count made a run
        # through the index count other folders' forms that a whole run does not).
        return dict(Counter(f"{_folder(item[2].path)}\0{item[1]}" for _, item in slice))

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        scopes: Iterable[tuple[str | None, list[tuple[int, str, Loc, bool]]]]
        per_doc = corpus.of(self.code)
        if self.per_document:
            scopes = ((None, items) for items in per_doc.values())
        else:
            # One folder is one outlet or one pipeline: folders are not compared.
            folders: dict[str, list[tuple[int, str, Loc, bool]]] = {}
            for path in corpus.paths:
                folders.setdefault(_folder(path), []).extend(per_doc.get(path, []))
            scopes = folders.items()
        for folder, items in scopes:
            tallies = corpus.tallies.get(self.code, {})
            if tallies and folder is not None:  # this folder's counts (see tally)
                prefix = folder + "\0"  # no path holds a NUL
                tallies = {key: {name[len(prefix) :]: n for name, n in counts.items() if name.startswith(prefix)} for key, counts in tallies.items()}
            yield from self._check_scope(items, tallies, corpus.label)

    def _style_of_its_own(self, count: int, top: int) -> bool:
        """A minority form written often enough, against no clear majority, to be a style
        kept beside the majority's rather than a stray."""
        return self.established is not None and count >= self.established and count * self.majority_ratio > top

    def _check_scope(
        self, items: list[tuple[int, str, Loc, bool]], tallies: dict[str, dict[str, int]] | None = None, label: Callable[[Loc], str] = Loc.short
    ) -> Iterator[Finding]:
        by_group: dict[int, list[tuple[str, Loc, bool]]] = {}
        for gi, form, loc, reportable in items:
            by_group.setdefault(gi, []).append((form, loc, reportable))
        for gi, occurrences in sorted(by_group.items()):
            counts = Counter(form for form, _, _ in occurrences)
            known = tallies.get(str(gi)) if tallies else None
            if known is not None:  # the folder's counts in the corpus, in the order the forms first occur
                counts = Counter({**{form: known.get(form, 0) for form in counts}, **known})
            if len(counts) < 2:
                continue
            ranked = counts.most_common()
            majority, top = ranked[0]
            if ranked[1][1] == top:
                continue  # a tie: no house style to point to
            tally = ", ".join(f"'{f}' {n}x" for f, n in ranked)
            majority_locs = [loc for form, loc, _ in occurrences if form == majority]
            for form, loc, reportable in occurrences:
                if form == majority or not reportable or self._style_of_its_own(counts[form], top):
                    continue
                where = ", ".join(label(m) for m in majority_locs[:3])
                message = self._format(self.message, match=form, expected=majority, counts=tally, where=where)
                related = [m.related(f"'{majority}' here") for m in majority_locs[: self.MAX_RELATED]]
                yield self.finding_at(loc, message, suggestion=majority, related=related)


def _folder(path: str) -> str:
    """The folder of a document, as the consistency rules scope their counts."""
    return str(Path(path).parent)


RULE_TYPES: dict[str, type[DataRule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "pattern": PatternRule,
    "consistency": ConsistencyRule,
}


def rule_from_spec(spec: object, source: str, trusted: bool = False) -> DataRule:
    if not isinstance(spec, dict):
        raise DataError(f"{source}: a rule file must be a mapping of keys")
    kind = spec.get("type")
    if kind not in RULE_TYPES:
        raise DataError(f"{source}: unknown rule type {kind!r} (expected one of {', '.join(RULE_TYPES)})")
    return RULE_TYPES[kind](spec, source, trusted)


def pack_files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(p for p in location.iterdir() if p.suffix in (".yaml", ".yml"))
    return [location]


#: A line of a YAML file, outside a comment, that holds the word "type": only a file with
#: one can have a top-level ``type`` key.
_MAY_HOLD_TYPE = re.compile(r"^(?![ \t]*#).*type", re.MULTILINE)


def may_be_a_rule(path: Path) -> bool:
    """Whether a built-in YAML file can be a rule: a file with no line that holds "type"
    outside a comment has no top-level ``type``, and is data for a Python rule, which is
    not parsed here (parsing ``offices-by-country.yaml`` only to skip it took about 50 ms
    of every run)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True  # read_yaml reports it
    return _MAY_HOLD_TYPE.search(text) is not None


def load_packs(extra: Iterable[str] = ()) -> list[Rule]:
    """The built-in data rules of ``rules/`` plus user rule packs (files or folders).

    Files without a top-level ``type`` are data for Python rules (title tables, name
    lists) and are skipped here.
    """
    rules: list[Rule] = []
    locations = [rules_dir(), *map(Path, extra)]
    for location in locations:
        if not location.exists():
            raise DataError(f"{location}: rule pack not found")
        for path in pack_files(location):
            if location == locations[0] and not may_be_a_rule(path):
                continue
            spec = read_yaml(path)
            if isinstance(spec, dict) and "type" not in spec and location == locations[0]:
                continue
            rules.append(rule_from_spec(spec, str(path), trusted=location == locations[0]))
    return rules

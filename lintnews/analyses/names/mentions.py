"""Find the capitalised runs of a document that may name people, with the evidence.

A mention is a run of capitalised words ("Tariq Erian", "Mr. Pompeo", "Joseph R. Biden
Jr.") with leading titles and ordinary English words stripped ("Foreign Secretary Mike
Pompeo" -> "Mike Pompeo", title "Foreign Secretary").  Its ``evidence`` says why it
names a person: an honorific before it, a role noun ("spokesman"), a known given name
as its first word, or a speech verb after it ("said").  Runs without evidence are kept:
"Biden" at a sentence start names a person because other mentions of "Biden" say so.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from lintnews.core.analysis import Analysis, analysis
from lintnews.core.corpus import Loc, new_loc
from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document
from lintnews.core.facts import fact_type
from lintnews.analyses.dictionary import is_common_word
from lintnews.analyses.matching import matches_of_words
from lintnews.analyses.names import given as _given

_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*\.?|\d+(?:[.,:/]\d+)*|[^\w\s]")
_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "–", "—", "(", ")", "“", "”", '"', "|"})
_POSSESSIVE_ENDINGS = ("’s", "'s")


@dataclass(frozen=True)
class Mention:
    """A possible person name in one document.

    A corpus keeps every mention of every document until the corpus stage, and worker
    processes send them back, so mentions have slots and pickle as a plain tuple.
    """

    __slots__ = ("words", "given", "surname", "full", "surname_loc", "given_loc", "evidence", "title", "stray")

    words: tuple[str, ...]  # the name without titles: ("Mike", "Pompeo")
    given: str | None  # the first word when the name has two or more ("Mike")
    surname: str  # the last word before any suffix ("Pompeo")
    full: Loc  # the whole name
    surname_loc: Loc
    given_loc: Loc | None
    evidence: frozenset[str]  # honorific, role, given, speech
    title: str  # the words before the name in its clause ("US Secretary of State")
    stray: Loc | None  # a token between honorific and name ("Mr. 58 Freericks")

    def __reduce__(self) -> tuple[type[Mention], tuple]:
        # A frozen class with slots cannot be unpickled attribute by attribute.
        return (Mention, tuple(getattr(self, name) for name in Mention.__slots__))


@fact_type
@dataclass(frozen=True)
class NameFacts:
    mentions: tuple[Mention, ...]
    lower_forms: frozenset[str]  # capitalised words of the mentions also written in lower case here


@functools.lru_cache(maxsize=1)
def context() -> dict[str, frozenset[str]]:
    data = builtin_yaml("person-context.yaml")
    return {key: frozenset(str(v) for v in data[key]) for key in data}


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of the offices in ``rules/titles.yaml`` ("Defence", "Minister", ...)."""
    data = builtin_yaml("titles.yaml")
    return frozenset(
        word for offices in data["portfolios"].values() for renderings in offices for r in renderings for word in str(r).split()
    )


def given_names() -> frozenset[str]:
    """The given names that are no other kind of word (``given.given_names(strict=True)``):
    N102 and G103 read these, so "May", "Grace" or "Paris" alone make no name."""
    return _given.given_names(strict=True)


@functools.lru_cache(maxsize=65536)
def _is_cap_word(tok: str) -> bool:
    word = tok.rstrip(".")
    return len(word) >= 2 and word[0].isupper() and any(c.islower() for c in word[1:])


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


@functools.lru_cache(maxsize=65536)
def _is_title_word(word: str) -> bool:
    """A leading word that is not part of a name: an honorific or an ordinary word."""
    ctx = context()
    if word in ctx["honorifics"] or word.rstrip(".") in ctx["honorifics"] or word in title_words():
        return True
    if _given.is_given_name(word, strict=True):
        return False
    return "-" not in word and is_common_word(word)


def extract(doc: Document) -> NameFacts:
    """All candidate person mentions of a document, found once (the analysis ``NAMES``)."""
    return NAMES.of(doc)


def _extract(doc: Document) -> NameFacts:
    """All candidate person mentions of a document (pure).

    One regex pass splits the text at the *segments* that can hold a name (see
    :func:`_segment_regex`); a segment's runs and names depend on its text alone, so they
    are worked out once per distinct segment text (:func:`_segment_names`), and only the
    context of a name found (the tokens before and after it) is read from the document.
    """
    view = doc.view
    # [text, segment, text, segment, ..., text]; a segment's offset is the length of all
    # the pieces before it.
    pieces = _segment_regex().split(view)
    found = list(map(_SEGMENT_CACHE.get, pieces[1::2]))
    mentions: list[Mention] = []
    offsets: list[int] | None = None
    context_of: _Context | None = None
    line, line_start, counted_to = 1, 0, 0
    for k, names in enumerate(found):
        if names is None:
            names = _segment_names(pieces[2 * k + 1])
        if not names:
            continue
        if offsets is None:
            offsets = list(itertools.accumulate(map(len, pieces)))
            context_of = _Context(doc)
        seg_start = offsets[2 * k]
        # Counted from the previous segment on: a long line costs its length once.
        line += view.count("\n", counted_to, seg_start)
        last_newline = view.rfind("\n", counted_to, seg_start)
        if last_newline >= 0:
            line_start = last_newline + 1
        counted_to = seg_start
        for name in names:
            mentions.append(context_of.mention(seg_start, line, line_start, name))
    lower_forms: frozenset[str] = frozenset()
    if mentions:
        # A name word is also written in lower case here when a token that starts with a
        # lower-case letter is that word (a token loses its one sentence-final full stop).
        cap_lower = {w.lower() for m in mentions for w in m.words}
        wanted = [w for w in cap_lower if w[:1].islower() and _CORE.fullmatch(w)]
        if wanted:
            lower_forms = frozenset(m.group() for m in matches_of_words(_LOWER_TOKEN, view, wanted, few=_FEW_LOWER_WORDS))
    return NameFacts(tuple(mentions), lower_forms)


#: The name mentions of a document, read by the name rules, the title rules and L101.
NAMES: Analysis[NameFacts] = analysis("names")(_extract)


# Character classes of ``_TOKEN``: a letter (any word character but digits and the
# underscore) and the apostrophes and hyphen that join two letters into one word.
_LETTER = r"[^\W\d_]"
_JOINER = r"[’'\-]"
_WORD_REST = rf"{_LETTER}*(?:{_JOINER}{_LETTER}+)*"
# After the first character of a word: it started a token (no letter before it, and no
# joiner after a letter, which would have joined it to the word before).
_STARTED_TOKEN = rf"(?<!{_LETTER}.)(?<!{_LETTER}{_JOINER}.)"
# A word token ends here (the word does not go on with a letter or a joiner and letter).
_TOKEN_END = rf"(?!{_LETTER}|{_JOINER}{_LETTER})"
# Characters between tokens on a line: spaces (``str.isspace``, "\\s") other than the
# line break, and the underscore, are part of no token.  Spelled out as one class: the
# scan is faster than with an alternation ("[^\\S\\n]|_").
_SPACES = "\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_BETWEEN = f"[{_SPACES}_]*"
# Every character for which ``str.isupper`` is true, and others: the first character of
# every capitalised word and initial.  It leaves out the ASCII and Latin-1 lower case and
# the punctuation block (’ “ ” –), so the scan stops at few characters that start nothing.
_UPPER_OR_OTHER = "[A-Z\xc0-\xd6\xd8-\xde\u0100-\u1fff\u20d0-\U0010ffff]"
# Letters outside that class for which ``str.isdigit`` is true ("²"): a word token that
# starts with one is a number to a run (a stray token after an honorific).
_DIGIT_LETTERS = "\xb2\xb3\xb9\u2070-\u2089"


_CORE = re.compile(rf"{_LETTER}+(?:{_JOINER}{_LETTER}+)*")
# A word token without its full stop: a core that starts a token (no letter before it, nor
# a letter and a joiner); a core is as long as it goes, so it ends the token.
_LOWER_TOKEN = re.compile(rf"(?<!{_LETTER})(?<!{_LETTER}{_JOINER}){_LETTER}+(?:{_JOINER}{_LETTER}+)*")
#: Up to this many lower-case forms are looked for one by one (``str.find``, about a
#: hundredth of the cost of a scan with ``_LOWER_TOKEN`` each), more in one scan: a
#: document of thousands of distinct names stays linear.
_FEW_LOWER_WORDS = 128


@functools.lru_cache(maxsize=1)
def _segment_regex() -> re.Pattern[str]:
    """Maximal sequences of the tokens a run can hold, on one line (one capturing group).

    A segment starts with a word token whose first character may be a capital (or with
    an honorific that does not start with one) and goes on over such tokens, each
    optionally preceded by one particle or number (a run takes a particle or a stray
    number only when a capitalised word follows).  Every run of :func:`_runs` lies inside
    one segment and the tokens between segments can neither start nor continue a run,
    so the runs found segment by segment are the runs of the line.  Inside a segment
    every position after a token and the spaces after it starts a token, so only the
    first word is checked for that.
    """
    ctx = context()
    # The first character class lets the scan skip quickly to possible capitals; the
    # lookbehinds then keep letters that start a token.
    capital = rf"{_UPPER_OR_OTHER}(?<={_LETTER}){_WORD_REST}\.?"
    first = rf"{_UPPER_OR_OTHER}(?<={_LETTER}){_STARTED_TOKEN}{_WORD_REST}\.?"
    # Longest first; words of one length in a fixed order (no two match at one place): the
    # regex is the same in every process, so that it is compiled ahead (lintnews/data/regexes.json).
    other_honorifics = sorted({h.rstrip(".") for h in ctx["honorifics"] if not re.match(_UPPER_OR_OTHER, h)}, key=_longest_first)
    if other_honorifics:
        words = "|".join(map(re.escape, other_honorifics))
        first = rf"(?:{first}|(?<!{_LETTER})(?<!{_LETTER}{_JOINER})(?:{words}){_TOKEN_END}\.?)"
    particles = sorted(ctx["particles"], key=_longest_first)
    starts = "".join(sorted({re.escape(p[0]) for p in particles if p}))
    alternatives = "|".join(re.escape(p) for p in particles)
    # The lookahead skips the particle alternatives where no particle or number starts.
    numbers = rf"\d+(?:[.,:/]\d+)*|[{_DIGIT_LETTERS}](?<={_LETTER}){_WORD_REST}\.?"
    inside = rf"(?=[{starts}\d{_DIGIT_LETTERS}])(?:(?:{alternatives}){_TOKEN_END}(?!\.)|{numbers})"
    return re.compile(rf"({first}(?:{_BETWEEN}(?:{inside}{_BETWEEN})?{capital})*)")


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


class _Name(NamedTuple):
    """A name found in a segment, with offsets relative to the segment's start (a tuple:
    one long line makes them by the hundred thousand, and a frozen dataclass sets each
    field through ``object.__setattr__``)."""

    run_start: int  # the run's first token (titles included)
    run_end: int  # the end of the run's last token
    start: int  # the name's first word
    surname_start: int
    words: tuple[str, ...]
    given: str | None
    evidence: frozenset[str]  # what the run itself shows: an honorific, a known given name
    stray: tuple[int, int] | None
    lead: str  # the run's text before the name (its titles), as written
    lead_title: str  # ``lead`` with its spaces normalised


#: Names per segment text; emptied when full (a corpus has a few thousand distinct segments
#: that recur, sentence openers and the names of its people).
_SEGMENT_CACHE: dict[str, tuple[_Name, ...]] = {}
_SEGMENT_CACHE_SIZE = 100_000


def _segment_names(segment: str) -> tuple[_Name, ...]:
    """The names in one segment's text (most segments, "The", "However", have none)."""
    if len(_SEGMENT_CACHE) >= _SEGMENT_CACHE_SIZE:
        _SEGMENT_CACHE.clear()
    names = _SEGMENT_CACHE[segment] = _names_in(segment)
    return names


def _names_in(segment: str) -> tuple[_Name, ...]:
    ctx = context()
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(segment)]
    names = []
    for i, j, stray in _runs(tokens, ctx):
        name = _name(segment, tokens, i, j, stray, ctx)
        if name is not None:
            names.append(name)
    return tuple(names)


def _runs(tokens, ctx):
    """Yield ``(first, end, stray)`` for each run of capitalised words in ``tokens``."""
    honorifics = ctx["honorifics"]
    n = len(tokens)
    resume = 0
    for i in range(n):
        if i < resume:
            continue
        tok = tokens[i][0]
        if not (_is_cap_word(tok) or (tok.rstrip(".") in honorifics)):
            continue
        # Gather a run: capitalised words, initials, particles inside, a stray number
        # right after an honorific.
        j = i
        stray: tuple[int, int] | None = None
        while j < n:
            t = tokens[j][0]
            if _is_cap_word(t) or (_is_initial(t) and j > i):
                j += 1
                if t.endswith(".") and not _is_initial(t) and t.rstrip(".") not in honorifics and t not in ctx["suffixes"]:
                    break  # a full stop that ends the sentence ends the name
            elif t in ctx["particles"] and j + 1 < n and _is_cap_word(tokens[j + 1][0]) and j > i:
                j += 1
            elif (
                stray is None
                and j > i
                and tokens[j - 1][0].rstrip(".") in honorifics
                and t[0].isdigit()
                and j + 1 < n
                and _is_cap_word(tokens[j + 1][0])
            ):
                stray = (tokens[j][1], tokens[j][1] + len(t))
                j += 1
            else:
                break
        resume = max(j, i + 1)
        yield i, j, stray


def _name(segment, tokens, first_index, end_index, stray, ctx) -> _Name | None:
    """The name in a run without its leading titles, trailing suffixes and initials."""
    run = tokens[first_index:end_index]
    if not run:
        return None
    evidence: set[str] = set()
    # Strip leading titles and ordinary words; an honorific among them is evidence.
    k = 0
    while k < len(run) and (run[k][0][0].isdigit() or _is_title_word(_clean(run[k][0], ctx))):
        if run[k][0].rstrip(".") in ctx["honorifics"] or run[k][0] in ctx["honorifics"]:
            evidence.add("honorific")
        k += 1
    name = [(t, s) for t, s in run[k:] if not (stray and s == stray[0])]
    # Drop suffixes and trailing initials/particles from the end.
    while name and (name[-1][0] in ctx["suffixes"] or _is_initial(name[-1][0]) or name[-1][0] in ctx["particles"]):
        name.pop()
    if not name:
        return None
    words = tuple(_clean(t, ctx) for t, _ in name)
    if any(len(w) < 2 for w in words):
        return None
    given = words[0] if len(words) >= 2 else None
    if given is not None and _given.is_given_name(given, strict=True):
        evidence.add("given")
    last_token, last_start = run[-1]
    lead = segment[run[0][1] : name[0][1]]
    return _Name(
        run_start=run[0][1],
        run_end=last_start + len(last_token),
        start=name[0][1],
        surname_start=name[-1][1],
        words=words,
        given=given,
        evidence=frozenset(evidence),
        stray=stray,
        lead=lead,
        lead_title=" ".join(lead.split()),
    )


# The token after a name, and after a comma after it: a word that may be a speech verb.
_AFTER = re.compile(rf"{_BETWEEN}(?:,{_BETWEEN})?({_LETTER}+(?:{_JOINER}{_LETTER}+)*\.?)")
# A clause break (a token of ``_CLAUSE_BREAKS``) in the *reversed* text, so that a
# forward search finds the last one before a name: a full stop that no word takes (no
# letter before it) and no number takes (not between digits), a comma or colon not
# between digits, or one of the marks that are always tokens of their own.  In the
# reversed text the character before a mark is the one after it (a lookahead), and the
# one after it is the one before it (a lookbehind).
_OWN_TOKEN_BREAKS = "".join(re.escape(c) for c in sorted(_CLAUSE_BREAKS - {".", ",", ":"}))
_BREAK_REVERSED = re.compile(
    rf"[.,:{_OWN_TOKEN_BREAKS}]"
    rf"(?:(?<=[{_OWN_TOKEN_BREAKS}])|(?<=[,:])(?:(?!\d)|(?<!\d.))|(?!{_LETTER})(?:(?!\d)|(?<!\d.)))"
)
#: A title is looked for among this many tokens before a name.
_TITLE_TOKENS = 10
#: Before a name further than this into its line, the title is looked for only as far
#: back as the ten tokens reach (a line of names without a break stays linear).
_LONG_LINE = 1000
#: How far back ``_ten_tokens_back`` first looks for ten tokens (then twice as far, ...):
#: ten words of news, so that the gap read is short (and often recurs).
_TEN_TOKENS_WIDTH = 64


class _Context:
    """Reads the context of a document's names: their titles and evidence."""

    def __init__(self, doc: Document) -> None:
        self.path = doc.path
        self.view = doc.view
        self.reversed = doc.view[::-1]
        self.ctx = context()

    def _ten_tokens_back(self, line_start: int, run_start: int) -> int:
        """A token boundary after ``line_start`` with at least ten tokens from it to
        ``run_start``, or ``line_start``: reading the title from there reads the same
        last ten tokens and the same last clause break among them as from the line start."""
        width = _TEN_TOKENS_WIDTH
        while run_start - width > line_start:
            space = self.view.rfind(" ", line_start, run_start - width)
            if space < 0:
                break
            if self._tokens_at_least(space + 1, run_start, _TITLE_TOKENS):
                return space + 1  # no token holds a space: tokens start here as on the line
            width *= 2
        return line_start

    def _tokens_at_least(self, start: int, end: int, count: int) -> bool:
        """Whether ``view[start:end]`` holds at least ``count`` tokens.  Every character
        but a space and ``_`` is in a token, so without ``_`` each of its space-separated
        chunks holds one or more: enough chunks answer without the token regex (a long
        line of names asked it for every name)."""
        text = self.view[start:end]
        if "_" not in text and len(text.split(None, count)) >= count:
            return True
        return len(_TOKEN.findall(text)) >= count

    def mention(self, seg_start: int, line: int, line_start: int, name: _Name) -> Mention:
        """A segment's name placed in the document, with the evidence of its context."""
        view, ctx = self.view, self.ctx
        run_start = seg_start + name.run_start
        # The title: the clause's words before the name, as written ("U.S. Secretary of
        # State"), from the last clause break among the ten tokens before the run on its
        # line, or else from the first of those tokens.  A break is a token of its own,
        # so the tokens after it (the *gap*) are read from it.
        n = len(view)
        search_from = line_start
        if run_start - line_start > _LONG_LINE:
            search_from = self._ten_tokens_back(line_start, run_start)
        last_break = _BREAK_REVERSED.search(self.reversed, n - run_start, n - search_from)
        gap_start = n - last_break.start() if last_break else search_from
        gap = view[gap_start:run_start]
        role, clause_offset, gap_title = _gap(gap, last_break is not None)
        evidence = name.evidence
        if role:
            evidence = evidence | {role}
        after = _AFTER.match(view, seg_start + name.run_end)
        if after is not None and (after.group(1) in ctx["speech"] or after.group(1)[:-1] in ctx["speech"]):
            # "said" or a sentence's last word "said." ("“...,” Genth said.")
            evidence = evidence | {"speech"}
        if not name.lead:
            title = gap_title
        elif not gap_title:
            title = name.lead_title
        else:
            title = " ".join((gap[clause_offset:] + name.lead).split())
        start = seg_start + name.start
        words = name.words
        surname_start = seg_start + name.surname_start
        surname_end = surname_start + len(words[-1])
        path = self.path
        column = start - line_start + 1
        full = _loc(path, start, surname_end, line, column, surname_end - line_start + 1)
        surname_loc = full
        if surname_start != start:
            surname_loc = _loc(path, surname_start, surname_end, line, surname_start - line_start + 1, surname_end - line_start + 1)
        given_loc = None
        if name.given:
            given_end = start + len(words[0])
            given_loc = _loc(path, start, given_end, line, column, given_end - line_start + 1)
        stray = None
        if name.stray:
            a, b = seg_start + name.stray[0], seg_start + name.stray[1]
            stray = _loc(path, a, b, line, a - line_start + 1, b - line_start + 1)
        return make_mention(words, name.given, words[-1], full, surname_loc, given_loc, evidence, title, stray)


#: What the tokens between a clause break (or a line start) and a run say; most gaps
#: recur ("", " ", " spokesman ", " the ").  Emptied when full.
_GAP_CACHE: dict[tuple[str, bool], tuple[str | None, int, str]] = {}
_GAP_CACHE_SIZE = 50_000
_GAP_CACHED_LENGTH = 80


def _gap(gap: str, after_break: bool) -> tuple[str | None, int, str]:
    """``(evidence, clause_offset, title)`` of the text before a run on its line.

    ``gap`` starts right after a clause break (``after_break``) or at the line start and
    ends at the run.  The evidence is what its last token says ("role" for "spokesman",
    "honorific"), the clause starts at the break when it is among the ten tokens before
    the run, else at the first of those ten, and the title is the gap from there.
    """
    key = (gap, after_break)
    cached = _GAP_CACHE.get(key)
    if cached is not None:
        return cached
    ctx = context()
    tokens = list(_TOKEN.finditer(gap))  # match objects: only three are read
    limit = _TITLE_TOKENS - 1 if after_break else _TITLE_TOKENS
    if len(tokens) > limit:
        clause_offset = tokens[-_TITLE_TOKENS].start()
    elif after_break:
        clause_offset = 0
    else:
        clause_offset = tokens[0].start() if tokens else len(gap)
    role = None
    if tokens:
        # A break before the run says nothing (it is neither a role nor an honorific).
        previous = tokens[-1].group(0)
        if previous.lower() in ctx["roles"] or previous.rstrip(".") in ctx["honorifics"]:
            role = "role" if previous.islower() else "honorific"
        elif previous in ctx["speech-before"]:
            role = "speech"  # the speaker after the quote: "..., explains Vakhoshkin"
    value = (role, clause_offset, " ".join(gap[clause_offset:].split()))
    if len(gap) <= _GAP_CACHED_LENGTH:
        if len(_GAP_CACHE) >= _GAP_CACHE_SIZE:
            _GAP_CACHE.clear()
        _GAP_CACHE[key] = value
    return value


# Mentions and their locations are made by the ten thousand per second; these build the
# same frozen objects as their constructors, through the slots' own setters instead of the
# per-field ``object.__setattr__`` of a frozen dataclass's ``__init__``
# (tests/test_rules_names.py checks they stay equal).
_new = object.__new__
_MENTION_SETTERS = tuple(Mention.__dict__[name].__set__ for name in Mention.__slots__)


def _loc(path: str, start: int, end: int, line: int, column: int, end_column: int) -> Loc:
    """``Loc(path, start, end, line, column, line, end_column)``: a span on one line."""
    return new_loc(path, start, end, line, column, line, end_column)


def make_mention(words, given, surname, full, surname_loc, given_loc, evidence, title, stray) -> Mention:
    """``Mention(words, given, surname, full, surname_loc, given_loc, evidence, title, stray)``."""
    mention = _new(Mention)
    s_words, s_given, s_surname, s_full, s_surname_loc, s_given_loc, s_evidence, s_title, s_stray = _MENTION_SETTERS
    s_words(mention, words)
    s_given(mention, given)
    s_surname(mention, surname)
    s_full(mention, full)
    s_surname_loc(mention, surname_loc)
    s_given_loc(mention, given_loc)
    s_evidence(mention, evidence)
    s_title(mention, title)
    s_stray(mention, stray)
    return mention


fact_type(Mention, make=make_mention)


def _clean(tok: str, ctx: dict[str, frozenset[str]]) -> str:
    """A name word without a possessive or a sentence-final full stop."""
    word = tok[:-2] if tok.endswith(_POSSESSIVE_ENDINGS) else tok
    if word.endswith(".") and not _is_initial(word) and word not in ctx["suffixes"]:
        word = word[:-1]
    return word


# -- a compact form, for the corpus index ---------------------------------------------------
#
# A mention as a list of plain values (its locations without their path, which is the
# document's): an index reads the mentions of a frequent name by the ten thousand, and
# lists of plain values are parsed without building a tagged object for each part.


def _span(loc: Loc) -> list[int]:
    return [loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column]


def mention_row(m: Mention) -> list:
    """``m`` as plain values (see :func:`mention_from_row`)."""
    return [
        list(m.words), m.given, m.surname, _span(m.full), _span(m.surname_loc),
        None if m.given_loc is None else _span(m.given_loc), sorted(m.evidence), m.title,
        None if m.stray is None else _span(m.stray),
    ]


def _loc_of(path: str, span: object) -> Loc:
    if type(span) is not list or len(span) != 6 or not all(type(v) is int for v in span):
        raise ValueError("a location is six integers")
    return new_loc(path, *span)


def mention_from_row(row: object, path: str, shared: dict) -> Mention:
    """The mention a :func:`mention_row` list holds, in the document at ``path``; ValueError
    for anything else (every value is checked: an index file may be damaged)."""
    if type(row) is not list or len(row) != 9:
        raise ValueError("a mention is nine values")
    words, given, surname, full, surname_loc, given_loc, evidence, title, stray = row
    if type(words) is not list or not all(type(w) is str for w in words):
        raise ValueError("a mention's words are strings")
    if not (given is None or type(given) is str) or type(surname) is not str or type(title) is not str:
        raise ValueError("a mention's given name, surname and title are strings")
    if type(evidence) is not list or not all(type(e) is str for e in evidence):
        raise ValueError("a mention's evidence is strings")
    keep = shared.setdefault
    words_t = keep(("w",) + tuple(words), tuple(keep(w, w) for w in words))
    evidence_s = keep(("e",) + tuple(evidence), frozenset(evidence))
    return make_mention(
        words_t, None if given is None else keep(given, given), keep(surname, surname),
        _loc_of(path, full), _loc_of(path, surname_loc), None if given_loc is None else _loc_of(path, given_loc),
        evidence_s, keep(title, title), None if stray is None else _loc_of(path, stray),
    )

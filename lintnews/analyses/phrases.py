"""Knowledge of English set phrases: the phrase table and the readings M103 and M104 make of it.

The table is built by ``training/build_phrase_table.py`` from the Google Books bigram
counts that symspellpy ships and from WordNet 3.0 (sources and licences in
``lintnews/data/NOTICE-phrases.txt``).  Each row maps a *suspect* phrase Q (one word of
a set phrase P swapped for a near-synonym, or an adverbial idiom with an article or a
preposition changed word for word) to P and both counts.  The functions here are pure
functions of a document's view and the table; the rules decide what to report.
"""

from __future__ import annotations

import functools
import re
import zlib
from bisect import bisect_left
from itertools import islice
from pathlib import Path
from typing import NamedTuple

TABLE_NAME = "phrases-v1.tsv.gz"

# A word of letters only, not glued to a digit, apostrophe, hyphen, slash or handle mark:
# "long-term", "People's", "COVID-19" and "@user" hold no word this rule reads.
_WORD = re.compile(r"(?<![\w'’/@#&-])[A-Za-z]+(?![\w'’/@&-])")
# What may stand before a sentence-initial capital (after spaces): nothing, or the end of
# a sentence, a colon, an opening quote or bracket, a dash or a list mark.
_SENTENCE_OPENERS = frozenset('.!?:;"“”‘’\'([—–-•*#>')
# Capitalised words that may stand before a capitalised name without being part of it.
_NAME_OPENERS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"})


class Entry(NamedTuple):
    """One row of the table: a suspect phrase and the set phrase it is a swap of."""

    phrase: str  # Q, lower case
    original: str  # P, lower case
    count: int  # Q's count in the bigram list (0: not listed, rarer than ``floor``)
    original_count: int  # P's count
    proper: bool  # P is a proper name ("White House"): only capitalised Q is read


class Hit(NamedTuple):
    """A finding of :func:`find_unusual_phrases`: ``view[start:end]`` is ``phrase``."""

    start: int
    end: int
    phrase: str
    suggestion: str
    ratio: float
    #: True when the phrase is not in the bigram list: ``ratio`` is then a lower bound
    absent: bool
    #: an idiom changed word for word (M104's), not a swap of a set phrase
    idiom: bool = False


#: The derived form of the shipped table (``training/build_phrase_index.py``): the same rows
#: laid out so that reading it takes no loop in Python (see :func:`derive`).
INDEX_NAME = "phrases-v1-index.txt"
_INDEX_HEADER = "# lintnews phrase index v1 (training/build_phrase_index.py)"


def _is_idiom_row(flags: str) -> bool:
    return flags == "ci" or flags.startswith("k")


def derive(text: str) -> str:
    """The derived form of a phrase table's text (v1), which :class:`PhraseTable` reads
    with slices and ``str.split`` alone.  A first line ``floor=N`` and the length of each
    of four sections (``idioms= first-words= keys= rows=``, in characters), then the
    sections, each ended by a line break: the idiom rows (``Q<TAB>P<TAB>flags``, sorted by
    Q); the first words of the other rows' Qs (sorted); those Qs (sorted, one a line);
    and, line by line in the same order, the rest of their rows (``P<TAB>count Q<TAB>count
    P<TAB>flags``).  A Q listed twice keeps its last row, as a lookup of the table always
    did."""
    header, _, body = text.partition("\n")
    if not header.startswith("# lintnews phrase table v1"):
        raise ValueError("not a lintnews phrase table (v1)")
    floor = re.search(r"floor=(\d+)", header)
    rows = body.split("\n")
    if rows and not rows[-1]:
        rows.pop()
    idioms: dict[str, str] = {}
    pairs: dict[str, str] = {}
    for row in rows:
        q, _, rest = row.partition("\t")
        flags = rest.rpartition("\t")[2]
        if _is_idiom_row(flags):  # an idiom's row ("on contrary" has two words)
            idioms[q] = f"{q}\t{rest.partition(chr(9))[0]}\t{flags}"
        else:
            q.encode("ascii")  # a Q is ASCII (byte_keys); anything else is no table of ours
            pairs[q] = rest
    keys = sorted(pairs)
    sections = {
        "idioms": "\n".join(idioms[q] for q in sorted(idioms)),
        "first-words": "\n".join(sorted({q.partition(" ")[0] for q in keys})),
        "keys": "\n".join(keys),
        "rows": "\n".join(pairs[q] for q in keys),
    }
    first = f"floor={int(floor.group(1)) if floor else 1} " + " ".join(f"{name}={len(text)}" for name, text in sections.items())
    return "\n".join([first, *sections.values()]) + "\n"


def index_stamp(table_bytes: bytes) -> str:
    """The first line of the derived form of the table file ``table_bytes``: it names the
    file's size and CRC-32, so that a derived form of another table is never read."""
    return f"{_INDEX_HEADER} of {TABLE_NAME}: size={len(table_bytes)} crc32={zlib.crc32(table_bytes):08x}"


def _lines(section: str) -> list[str]:
    return section.split("\n") if section else []


def _byte_lines(section: str) -> list[bytes]:
    return section.encode("ascii").split(b"\n") if section else []


class PhraseTable:
    """The table, read once: ``lookup("curiosity rates")`` -> :class:`Entry` or None.

    Made from the table's text (``PhraseTable(text)``) or from its derived form
    (:meth:`from_derived`, what the shipped table is read from).  Only the floor and the
    idioms are read at once; the rest (the Qs, their rows, the idioms' regex) when a
    document first needs it: most documents hold no first word of any Q and no idiom's
    words (:func:`may_hold_phrase`, :func:`may_hold_idiom`)."""

    def __init__(self, text: str):
        self._read(derive(text))

    @classmethod
    def from_derived(cls, derived: str, start: int = 0) -> PhraseTable:
        """The table of the derived form (:func:`derive`) that starts at ``start``."""
        table = cls.__new__(cls)
        table._read(derived, start)
        return table

    def _read(self, derived: str, start: int = 0) -> None:
        first = derived[start : derived.index("\n", start)]
        fields = dict(field.split("=") for field in first.split(" "))
        # Each section is sliced out when first read (a slice of a string copies it).
        self._derived, self._sections, at = derived, {}, start + len(first) + 1
        for name in ("idioms", "first-words", "keys", "rows"):
            self._sections[name] = (at, at + int(fields[name]))
            at += int(fields[name]) + 1
        #: the smallest count in the bigram list: an unlisted phrase is rarer than this
        self.floor = int(fields["floor"])
        #: an article put into a prepositional idiom ("for the example" -> "for example"):
        #: rows of three words, read by :func:`find_article_idioms`
        self.idioms: dict[str, str] = {}
        #: how each idiom row changes its idiom: ``ci`` an article put into a two-word
        #: idiom; ``ka`` into a longer one; ``kd`` an article dropped; ``ks`` swapped;
        #: ``kp`` the opening preposition swapped (see ``training/build_phrase_table.py``)
        self.idiom_kinds: dict[str, str] = {}
        for row in _lines(self._section("idioms")):
            q, p, flags = row.split("\t")
            self.idioms[q] = p
            self.idiom_kinds[q] = flags

    def _section(self, name: str) -> str:
        start, end = self._sections[name]
        return self._derived[start:end]

    @functools.cached_property
    def _keys(self) -> list[str]:
        """Every Q (not the idioms'), sorted: :meth:`lookup` bisects it."""
        return _lines(self._section("keys"))

    @functools.cached_property
    def _rows(self) -> list[str]:
        return _lines(self._section("rows"))

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """The first words of every Q: a cheap test before a pair of words is joined."""
        return frozenset(_lines(self._section("first-words")))

    @functools.cached_property
    def first_word_bytes(self) -> frozenset[bytes]:
        """:attr:`first_words` as ASCII bytes, for :func:`may_hold_phrase`."""
        return frozenset(_byte_lines(self._section("first-words")))

    @functools.cached_property
    def byte_keys(self) -> frozenset[bytes]:
        """Every Q as ASCII bytes, for :func:`may_hold_phrase`."""
        return frozenset(_byte_lines(self._section("keys")))

    @functools.cached_property
    def idiom_pattern(self) -> re.Pattern[str] | None:
        """The idioms' regex, built when a document first may hold an idiom."""
        return _idiom_pattern(frozenset(self.idioms))

    @functools.cached_property
    def idiom_key_words(self) -> frozenset[bytes] | None:
        """For :func:`may_hold_idiom`: one word of each idiom (its longest word, as
        :func:`_letter_words` splits a text; the last of the longest), or None when an
        idiom has no such word (then no word can rule it out)."""
        keys = set()
        for q in self.idioms:
            words = q.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()
            if not words:
                return None
            keys.add(max(reversed(words), key=len))
        return frozenset(keys)

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, phrase: str) -> Entry | None:
        keys = self._keys
        i = bisect_left(keys, phrase)
        if i == len(keys) or keys[i] != phrase:
            return None
        p, cq, cp, flags = self._rows[i].split("\t")
        return Entry(phrase, p, int(cq), int(cp), flags.startswith("N"))


def table_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / TABLE_NAME


def index_path() -> Path:
    return table_path().with_name(INDEX_NAME)


def _shipped_table() -> PhraseTable:
    """The shipped table, read from its derived form ``phrases-v1-index.txt`` when that was
    made from the table as it is now (its first line names the table's size and CRC-32),
    else derived here from the table itself, as slowly as it always was."""
    data = table_path().read_bytes()
    try:
        text = index_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    stamp = index_stamp(data)
    if text.startswith(stamp + "\n"):
        return PhraseTable.from_derived(text, len(stamp) + 1)
    import gzip

    return PhraseTable(gzip.decompress(data).decode("utf-8"))


@functools.lru_cache(maxsize=1)
def load_table(path: str | None = None) -> PhraseTable:
    """The shipped table (or the one at ``path``), read on first use."""
    if path:
        import gzip  # not for the shipped table's derived form

        return PhraseTable(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    return _shipped_table()


def _shape(word: str) -> str:
    """``"l"`` lower case, ``"T"`` capitalised, ``""`` anything else (capitals, mixed)."""
    if word.islower():
        return "l"
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return "T"
    return ""


def _sentence_initial(view: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and view[i] == " ":
        i -= 1
    return i < 0 or view[i] == "\n" or view[i] in _SENTENCE_OPENERS


def _recase(word: str, like: str) -> str:
    return word.capitalize() if _shape(like) == "T" else word


# ASCII letters stay (the view is lower-cased first), every other byte becomes a space.
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_JOIN = b" ".join


@functools.lru_cache(maxsize=2)
def _letter_words(view: str) -> list[bytes]:
    """The words of ``view`` lower-cased, with everything but ASCII letters read as a
    space (M103 and M104 read the same view: it is split once)."""
    return view.lower().encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


def may_hold_phrase(view: str, table: PhraseTable) -> bool:
    """Whether ``view`` can hold a phrase of the table: a C-level test of every pair of
    neighbouring words, lower-cased, with everything but ASCII letters read as a space.

    Every pair :func:`find_unusual_phrases` reads is such a pair (its words are ASCII
    letters with spaces between), so a view without one has no finding; most have none.
    A view without any Q's first word has none of them either (the Qs are read then only).
    """
    words = _letter_words(view)
    if table.first_word_bytes.isdisjoint(words):
        return False
    return not table.byte_keys.isdisjoint(map(_JOIN, zip(words, islice(words, 1, None))))


# The characters other than ASCII letters that a case-insensitive regex matches to an ASCII
# letter: "İ" and "ı" to i, "ſ" to s, the Kelvin sign to k.  Lower-cased, they are no
# ASCII letter ("K" is, but is kept for certainty).
_FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"


def may_hold_idiom(view: str, table: PhraseTable) -> bool:
    """Whether ``view`` can hold a match of the idioms' regex (:func:`find_article_idioms`),
    tested without it: a word of each idiom (:attr:`PhraseTable.idiom_key_words`) must be
    a word of the view, split as :func:`may_hold_phrase` splits it.

    A match is the idiom's words with one space between, not glued to a letter before or
    after, in any case: split so, its words are words of the view.  A view with a
    character that the regex matches to an ASCII letter but lower-casing does not make one
    (``_FOLDED_TO_ASCII``) is always tried.  Almost every article holds one of the words
    ("time", "first", "part"): the test spares the regex (and building it) in a short text."""
    keys = table.idiom_key_words
    if keys is None or (not view.isascii() and any(c in view for c in _FOLDED_TO_ASCII)):
        return True
    return not keys.isdisjoint(_letter_words(view))


# What may follow an idiom with an article put in, where nothing can continue it: "for
# the example, ..." but not "for the example of" nor "in the particular case".
# A clause may follow a noun ("for the example he gave"), so only a mark ends the idiom.
_IDIOM_END = r"(?=[ ]*(?:[,.;:!?)\n—–]|$))"


# What may stand before an adverbial that opens a clause (after spaces): nothing, the end
# of a sentence, a comma, a colon, a semicolon, an opening quote or bracket, a dash.
_CLAUSE_OPENERS = _SENTENCE_OPENERS | frozenset(",")


def _clause_initial(view: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and view[i] == " ":
        i -= 1
    return i < 0 or view[i] == "\n" or view[i] in _CLAUSE_OPENERS


@functools.lru_cache(maxsize=4)
def _idiom_pattern(idioms: frozenset[str]) -> re.Pattern[str] | None:
    if not idioms:
        return None
    return re.compile(rf"(?<![\w'’/@#&-])(?:{_trie_pattern(sorted(q.split(' ') for q in idioms))}){_IDIOM_END}", re.IGNORECASE)


def _trie_pattern(phrases: list[list[str]]) -> str:
    """An alternation of word sequences, factored by their first words (a trie), so that
    the regex engine tries one branch per word instead of every phrase at every position;
    a longer phrase is tried before a phrase that is its prefix."""
    branches: dict[str, list[list[str]]] = {}
    for words in phrases:
        branches.setdefault(words[0], []).append(words[1:])
    parts = []
    for word, rests in sorted(branches.items()):
        longer = [r for r in rests if r]
        tail = f"[ ](?:{_trie_pattern(longer)})" if longer else ""
        if longer and len(longer) < len(rests):
            tail = f"(?:{tail})?"
        parts.append(re.escape(word) + tail)
    return "|".join(parts)


def find_article_idioms(view: str, table: PhraseTable) -> list[Hit]:
    """An adverbial idiom of English with an article or its preposition changed word for
    word, where the idiom ends (nothing a noun phrase could go on with follows): "for the
    example, ..." -> "for example", "In the same time, ..." -> "At the same time".

    An article put into a two-word idiom (``ci``) is read before any mark or a line end,
    one dropped from a longer idiom (``kd``) before a punctuation mark only (a headline
    drops articles); the other changes (``ka``, ``ks``, ``kp``: "In the other hand")
    only where the idiom opens a clause and a comma follows it, the place of an adverbial
    that no literal reading takes.  Lower case, or capitalised at the start of a sentence;
    pure, no I/O."""
    if not table.idioms or not may_hold_idiom(view, table):
        return []
    pattern = table.idiom_pattern
    if pattern is None:
        return []
    hits = []
    for m in pattern.finditer(view):
        phrase = m.group()
        words = phrase.split(" ")
        if not all(w.islower() for w in words[1:]):
            continue
        if not (words[0].islower() or (_shape(words[0]) == "T" and _sentence_initial(view, m.start()))):
            continue
        if phrase.lower() not in table.idioms:
            continue  # matched through a letter that only case-folds to the idiom's ("ſame"): not its words
        kind = table.idiom_kinds.get(phrase.lower(), "ci")
        if kind != "ci":
            after = view[m.end() : m.end() + 80].lstrip(" ")[:1]
            if kind == "kd":
                if not after or after not in ",.;:!?)—–":  # a mark, not the end of a headline
                    continue
            elif not (after == "," and _clause_initial(view, m.start())):
                continue
        original = table.idioms[phrase.lower()]
        suggestion = _recase(original.split(" ")[0], words[0]) + " " + original.split(" ", 1)[1]
        hits.append(Hit(m.start(), m.end(), phrase, suggestion, 0.0, True, idiom=True))
    return hits


def find_unusual_phrases(view: str, table: PhraseTable, idioms: bool = True) -> list[Hit]:
    """Every rare swap of a set phrase in ``view``, in order: pure, no I/O.

    A pair of words separated by spaces only is read when both are lower case (the first
    may be capitalised at the start of a sentence) and the table's set phrase is a common
    phrase; or when both are capitalised and form a capitalised run of their own (a name
    such as "Ultimate Court" or "Armed Pressures", not part of "Ultimate Court Records
    Inc" nor of a headline in title case).  A proper name's swap ("White Home") is read
    capitalised only.  Any other casing (a person's name beside a word, capitals) is not
    read.
    """
    hits: list[Hit] = find_article_idioms(view, table) if idioms and table.idioms else []
    if not may_hold_phrase(view, table):
        return hits
    first_words = table.first_words
    words = list(_WORD.finditer(view))
    for i in range(len(words) - 1):
        m1 = words[i]
        w1 = m1.group()
        low1 = w1.lower()
        if low1 not in first_words:
            continue
        m2 = words[i + 1]
        s1, e1, s2, e2 = m1.start(), m1.end(), m2.start(), m2.end()
        if e1 == s2 or view.count(" ", e1, s2) != s2 - e1:
            continue  # something other than spaces between the words
        w2 = m2.group()
        entry = table.lookup(f"{low1} {w2.lower()}")
        if entry is None:
            continue
        shapes = _shape(w1) + _shape(w2)
        if shapes == "TT":  # a name of its own: "the Ultimate Court", "the Armed Pressures"
            if not _own_run(view, words, i):
                continue
        elif entry.proper or not (shapes == "ll" or (shapes == "Tl" and _sentence_initial(view, s1))):
            continue
        orig1, orig2 = entry.original.split(" ")
        suggestion = f"{_recase(orig1, w1)} {_recase(orig2, w2)}"
        absent = entry.count == 0
        ratio = entry.original_count / max(entry.count, table.floor)
        hits.append(Hit(s1, e2, view[s1:e2], suggestion, ratio, absent))
    return sorted(hits)


def _stem(word: str) -> str:
    """A crude stem for finding a phrase's inflections: "rates" -> "rat", "market" -> "market"."""
    for ending in ("ies", "es", "s", "e", "y"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def written_elsewhere(view: str, hit: Hit) -> bool:
    """Whether ``view`` writes the set phrase ``hit.suggestion`` (in any case, singular or
    plural) outside the hit itself: the article's own wording is the evidence that the
    rare phrase is its swap ("interest rates" in one paragraph, "curiosity rates" in
    another), as a spinner or a literal translator leaves it, and an editor does not."""
    first, second = hit.suggestion.lower().split(" ")
    pattern = re.compile(rf"(?<![\w-]){re.escape(first)}[ ]+{re.escape(_stem(second))}[a-z]{{0,3}}(?![\w-])", re.IGNORECASE)
    return any(m.start() >= hit.end or m.end() <= hit.start for m in pattern.finditer(view))


def reported_phrases(view: str, table: PhraseTable) -> list[Hit]:
    """The hits of :func:`find_unusual_phrases` that M103 reports: a swap written as a name
    of its own ("the Armed Pressures"), and a lower-case swap where the article writes the
    set phrase elsewhere (:func:`written_elsewhere`).  Idioms are M104's (not looked for)."""
    hits = []
    for hit in find_unusual_phrases(view, table, idioms=False):
        first, second = hit.phrase.split(" ")
        if (first[:1].isupper() and second[:1].isupper()) or written_elsewhere(view, hit):
            hits.append(hit)
    return hits


def _own_run(view: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether words ``i`` and ``i + 1`` are a capitalised run of their own."""

    def joined(a: re.Match[str], b: re.Match[str]) -> bool:
        gap = view[a.end() : b.start()]
        return bool(gap) and gap.count(" ") == len(gap)

    if i > 0 and joined(words[i - 1], words[i]):
        before = words[i - 1].group()
        if before[0].isupper() and before not in _NAME_OPENERS:
            return False
    if i > 0 and view[words[i - 1].end() : words[i].start()].strip(" ") == "&" and words[i - 1].group()[0].isupper():
        return False  # "Clinical & Experimental Research": part of a longer name
    if i > 1 and words[i - 1].group() == "and" and joined(words[i - 1], words[i]) and joined(words[i - 2], words[i - 1]):
        if words[i - 2].group()[0].isupper():
            return False  # "Nuclear Science and Technology Organisation"
    if i + 2 < len(words) and joined(words[i + 1], words[i + 2]):
        if words[i + 2].group()[0].isupper():
            return False
    return True

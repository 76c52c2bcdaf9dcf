"""The features of a document's style: what the document score reads.

Text preparation
    1. **Typography is normalised first** (:func:`normalise_typography`): NFKC, curly
       quotes and apostrophes to straight ones, en/em dashes and minus signs to ``-``,
       ``…`` to ``...``, every Unicode space to a plain space.  Human reference
       translations tend to use typographic quotes and MT outputs straight ones; that is
       house style, not translation, and must not be scored.
    2. **Line structure is ignored**: any run of line breaks (one segment per line, or
       paragraphs separated by blank lines) is one paragraph boundary, which ends a
       sentence like a full stop does.
    3. **A sample, not the whole text** (:func:`sample`): the first 3,000 characters,
       cut at a line break.  The model was trained on documents mostly shorter than that
       (median 245 words), and the cost per document stays flat.

Tokens and tags
    Tokens are words (with a clitic such as ``'s`` or ``n't`` split off), numbers and
    single punctuation marks; a sentence break is a token too (``<s>``).  Each token gets
    a coarse, part-of-speech-like tag that keeps the *function* words and throws the
    *content* away, so that what is learnt is how a text is put together rather than
    what it is about:

    - a function word (articles, pronouns, prepositions, conjunctions, auxiliaries,
      common adverbs and determiners; :data:`FUNCTION_WORDS`) is its own tag, lower-cased;
    - a punctuation mark is its own tag;
    - a number is ``#``;
    - a capitalised word is ``Cap`` (``<s> Cap`` at the start of a sentence);
    - any other word is tagged by its ending: ``-ly``, ``-ing``, ``-ed``, ``-tion`` (also
      ``-ment``, ``-ness``, ``-ity``, ``-ance``, ``-ence``), ``-s``, else ``w``.

Features (every one a rate, so a long and a short document are comparable)
    - ``tag:<t>``, ``tag:<t1> <t2>``, ``tag:<t1> <t2> <t3>``: tag unigrams, bigrams and
      trigrams per 1,000 tokens (sentence breaks not counted in the 1,000).
      Function-word and punctuation n-grams are what stylometry and translationese
      studies find most telling (e.g. "of the", ", which", "the w of").  The model keeps
      a fixed vocabulary of the most common ones, chosen at training time.
    - ``sent:mean``, ``sent:sd``, ``sent:long``, ``sent:short``: sentence length in
      space-separated words, its mean and standard deviation and the shares of sentences
      over 40 and under 8 words (translation tends to follow the source's sentence
      lengths).
    - ``rep:start``: share of sentences whose first two words start another sentence too.

    Word-level profiles were tried and left out (see ``benchmarks/README.md``): mean word
    length, type/token ratio in windows of 50 words, the share of words used once,
    content-word repetition, word-frequency bands and repeated word trigrams added
    nothing measurable across language pairs (pooled AUC within +-0.005) and cost a
    fifth of the time.

One extraction, for training and for scoring: :class:`Extractor`, described there, with
the vocabulary of a model (scoring: only its n-grams are counted) or without one
(training: every n-gram found, to choose a vocabulary from).  About 0.22 ms per document
of any length when scoring (see ``benchmarks/README.md``, "Cost").
"""

from __future__ import annotations

import bisect
import math
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Any

#: Words kept as their own tag.  Articles, pronouns, prepositions, conjunctions,
#: auxiliaries and modals, negation, common determiners, quantifiers and adverbs.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    myself ourselves yourself himself herself itself themselves
    who whom whose which what where when why how whether
    of in on at by for with from to into onto upon about above below over under between among
    through during before after since until against without within along across around behind
    beyond toward towards via per despite except near off out up down
    and or but nor so yet if then than because although though while whereas unless as also
    be am is are was were been being have has had having do does did done
    will would shall should can could may might must
    not no never none nothing only just even still already again very too quite rather more most
    less least much many some any all each every both either neither few several other another such
    own same there here now however therefore thus moreover furthermore meanwhile indeed
    one ones said says say according
    's 't 're 've 'll 'd 'm
    """.split()
)

_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")

# Typography: every variant of a quote, apostrophe, dash or space maps to its plain form.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
    }
)
# Tokens: a (hyphenated) word or number, "n't" (split off its word beforehand), a clitic,
# one mark; a line break is a token too (the end of a sentence).
_TOKEN = re.compile(r"n't|\w+(?:-\w+)*|'(?:[sStTdDmM]|re|RE|ve|VE|ll|LL)\b|[^\w ]")
_ABBREVIATIONS = "mr mrs ms dr prof st gen sen rep gov lt col sgt capt jr sr no vs etc inc co corp".split()


def _sentence_break_pattern() -> re.Pattern[str]:
    """A full stop, ``!`` or ``?`` (and any quotes or brackets after it) followed by a
    space and anything but a lower-case letter; not the full stop of an abbreviation.

    Look-behinds must have one width, so the abbreviations are grouped by length.
    """
    by_length: dict[int, list[str]] = {}
    for word in _ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(f"[{word[0].upper()}{word[0]}]{word[1:]}")
    guards = "".join(rf"(?<!\b(?:{'|'.join(sorted(forms))})\.)" for _, forms in sorted(by_length.items()))
    return re.compile(rf"([.!?]{guards}[.!?]*[\"')\]]*) +(?![a-z])")


_SENTENCE_BREAK = _sentence_break_pattern()


def normalise_typography(text: str) -> str:
    """Plain quotes, apostrophes, dashes and spaces; runs of line breaks become one.

    NFKC and the character table apply only to non-ASCII text (ASCII is unchanged by
    both).  Only a text with unusual white space (tabs, no-break spaces, runs of spaces,
    other line separators) has each line's words split and joined again; otherwise the
    text has only single spaces and line breaks, and it is enough to strip a space off
    either end of each line and drop the empty ones (``str.split`` on one character and
    ``map``, in C; a search for two characters such as ``" \n"`` is slower).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for variant, plain in _TYPOGRAPHY_PAIRS:
            if variant in text:
                text = text.replace(variant, plain)
    if "  " in text or any(map(text.__contains__, _OTHER_SPACES)):
        lines = map(" ".join, map(str.split, text.splitlines()))
    else:
        lines = map(str.strip, text.split("\n"), repeat(" "))
    return "\n".join(filter(None, lines))


# The white space NFKC leaves as it is, other than a plain space and a line feed: every
# other white-space character (no-break, thin, ideographic spaces...) becomes a space.
_OTHER_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"
_TYPOGRAPHY_PAIRS = tuple((chr(code), plain) for code, plain in _TYPOGRAPHY.items())


#: Documents are scored on their first this many characters (after normalisation), cut
#: at a line break or space.  The model was trained on documents mostly shorter (median
#: 245 words), and the cost stays flat per document; reading whole documents would raise
#: the held-out AUC a little (0.661 to 0.668) at 1.6 times the cost.  ``None``: read all
#: (for the training script's variants only; the model must be trained as it is scored).
SAMPLE_CHARS: int | None = 3000


def sample(text: str) -> str:
    """The normalised text a document is scored on: its first :data:`SAMPLE_CHARS`
    characters, ending at a line break (or, failing one in the second half, a space).

    Normalisation runs on the first 3,750 characters of the raw text only.  It maps one
    quote, apostrophe or dash to one, so a text with curly quotes and the same text with
    straight ones are cut at the same place; runs of spaces shrink the sample a little.
    """
    limit = SAMPLE_CHARS
    if limit is None:
        return normalise_typography(text)
    norm = normalise_typography(text[: limit + limit // 4])
    if len(norm) <= limit:
        return norm
    cut = norm.rfind("\n", 0, limit + 1)
    if cut < limit // 2:
        cut = norm.rfind(" ", 0, limit + 1)
    return norm[: cut if cut > 0 else limit]


def split_sentences(text: str) -> list[str]:
    """The sentences of a normalised text (see :func:`normalise_typography`).

    A sentence ends at ``.``, ``!`` or ``?`` (with any quotes or brackets right after it)
    unless the text goes on in lower case ("etc. and") or the full stop closes an
    abbreviation ("Mr. Smith"); a line break ends a sentence too.
    """
    return [s for s in _mark_sentences(text).split("\n") if s]


def _mark_sentences(norm: str) -> str:
    """A normalised text with a line break after every sentence end (one sentence per line)."""
    return _SENTENCE_BREAK.sub("\\1\n", norm)


def _tokens(marked: str) -> list[str]:
    """The tokens of a marked text, a line break first (the start is a sentence start)."""
    return _TOKEN.findall("\n" + marked.replace("n't", " n't"))


def _tag(token: str) -> str:
    """The part-of-speech-like tag of one token (see the module docstring)."""
    if token == "\n":
        return "<s>"
    first = token[0]
    if first.isdigit():
        return "#"
    if first == "_":
        return "w"
    if not (first.isalpha() or first == "'") or token == "'":
        return token  # punctuation is its own tag
    lower = token.lower()
    if lower in FUNCTION_WORDS or lower == "n't":
        return lower
    if first.isupper():
        return "Cap"
    if lower.endswith("ly"):
        return "-ly"
    if lower.endswith("ing"):
        return "-ing"
    if lower.endswith("ed"):
        return "-ed"
    if lower.endswith(_NOMINAL_ENDINGS):
        return "-tion"
    if lower.endswith("s") and not lower.endswith("ss"):
        return "-s"
    return "w"


class _Memo(dict):  # type: ignore[type-arg]
    """key -> function(key), computed on first sight; bounded (cleared when full).

    A value depends on its key only, so threads that share a memo get the same values
    (at worst one computes what another is computing too)."""

    def __init__(self, function: Any, limit: int) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: str) -> str:
        if len(self) > self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


@dataclass
class Profile:
    """The features of one document and the counts they came from."""

    features: dict[str, float]
    words: int
    sentence_lengths: list[int]  # in space-separated words
    text: str  # the normalised text



def extract(text: str, vocabulary: tuple[str, ...] | None = None) -> Profile:
    """Every feature of a document (see the module docstring), by name.

    Without ``vocabulary`` every tag n-gram found is returned (training chooses among
    them); with it, exactly the tag n-grams it names, 0 where absent (scoring: a model
    reads no others).  The values are the same either way.
    """
    norm = sample(text)
    marked = _mark_sentences(norm)
    features, words = extractor(vocabulary).tag_ngrams(marked)
    lengths = _sentence_lengths(marked)
    features.update(zip(SENTENCE_FEATURES, _sentence_profile(lengths, marked)))
    return Profile(features, words, lengths, norm)


def model_values(text: str, vocabulary: tuple[str, ...]) -> tuple[list[float], int]:
    """What :func:`extract` gives with a vocabulary, as the list of the vocabulary's
    values in its order (0 for a name that is no feature) and the number of words:
    scoring reads no names."""
    marked = _mark_sentences(sample(text))
    coder = extractor(vocabulary)
    return values_of(coder, marked, coder.brk + coder.codes_of(marked))


def values_of(coder: Extractor, marked: str, codes: str) -> tuple[list[float], int]:
    """:func:`model_values` of a marked text whose codes (:meth:`Extractor.codes_of`,
    with the break of the text's start) are known."""
    rates, words = coder.rates_of(codes)
    rates += _sentence_profile(_sentence_lengths(marked), marked)
    rates.append(0.0)
    return list(map(rates.__getitem__, coder.vocabulary_order)), words


def _sentence_lengths(marked: str) -> list[int]:
    """The length of each sentence (a non-empty line) in space-separated words."""
    return [spaces + 1 for spaces in map(str.count, filter(None, marked.split("\n")), repeat(" "))]



class Extractor:
    """The tag n-gram rates of a text: the one feature extraction, for scoring and training.

    What it computes (the plain description): cut the marked text (one sentence per line,
    :func:`_mark_sentences`) into tokens with :data:`_TOKEN` after splitting off "n't",
    a line break before the text and each line break being a sentence-break token
    (``<s>``); tag every token (:func:`_tag`); count every tag, every two and every three
    neighbouring tags; divide each count by the number of tokens that are not sentence
    breaks and multiply by 1,000.  A unigram of the sentence break is no feature.  The
    words of a text are its tokens of letters only.

    With a ``vocabulary`` (a model's feature names; scoring), only its n-grams are
    counted, 0 where absent; without one (training), every n-gram found is returned, to
    choose a vocabulary from.  The values are the same either way, to the bit (a test
    checks them against the plain description).

    How it is fast.  Tokens: the text is cut at spaces into *chunks* ("said," or
    "(AP)"); a chunk's codes are computed once per process (the tokenising regex and tags
    above, run on the chunk alone: no token spans a space) and then looked up, so a
    document costs one dict lookup per chunk instead of a regex match and a tag lookup
    per token.  Every tag gets a code (a character); with a vocabulary, the tags it
    names do, every other tag one shared code, a sentence break its own.  A token's code
    has two forms: one for a word of letters only (what :attr:`Profile.words` counts) and
    one for anything else.

    Counting with a vocabulary: only its n-grams are counted, each with one ``str.count``
    of one character, and no Python object is made per token.  A unigram is counted in
    the codes.  For bigrams, the *pair string* has one character per pair of
    neighbouring codes, ``chr(256 * first + second)``: the code bytes interleaved with
    themselves shifted by one, read as UTF-16.  For trigrams, the *triple string* has
    one character per three neighbouring codes, ``chr(65536 * k + 256 * second +
    third)`` (UTF-32), where ``k`` (1 to 16, all a code point allows) numbers the first
    tags of the vocabulary's trigrams; with more than 16 first tags, there is one triple
    string per 16 of them.  A vocabulary of more tags than a byte holds, and training's
    open vocabulary, are counted with ``Counter`` over tuples of codes instead.
    """

    #: Chunks remembered (a bound on memory; codes do not depend on the cache).
    MAX_CHUNKS = 100_000
    #: The highest code for the pair and triple strings: a code is one byte, and as the
    #: high byte of a pair character it must stay below the UTF-16 surrogates (0xD800).
    #: A vocabulary of more tags is counted with ``Counter`` over tuples of codes instead.
    MAX_CODE = 0xD7
    #: First tags numbered in one triple string (the highest code point is 0x10FFFF).
    FIRST_TAGS = 16

    def __init__(self, vocabulary: tuple[str, ...] | None) -> None:
        self.vocabulary = vocabulary
        self.token_codes = _Memo(self._token_code, 200_000)
        self.chunk_codes = _Memo(self._chunk_code, self.MAX_CHUNKS)
        self.same_codes: dict[str, str] = {}
        if vocabulary is None:  # every tag gets its codes when first seen
            self.code: dict[str, str] = {}
            self.tag_of: dict[str, str] = {}
            self.word_form: dict[str, str] = {}
            self.merge_forms: dict[int, str] = {}
            self.drop_words: dict[int, None] = {}
            self.pairs_work = False
            self.brk = self._new_code("<s>")
            return
        by_n: tuple[list[tuple[str, tuple[str, ...]]], ...] = ([], [], [])
        for name in vocabulary:
            if name.startswith("tag:"):
                parts = tuple(name[4:].split(" "))
                by_n[len(parts) - 1].append((name, parts))
        tags = dict.fromkeys(["<s>"] + [t for ngrams in by_n for _, parts in ngrams for t in parts])
        # Codes 1..n for the tags, n+1 for any other tag; the word form of code c is c+n+1.
        code = {tag: chr(i) for i, tag in enumerate(tags, start=1)}
        self.code = code
        self.other = chr(len(tags) + 1)
        shift = len(tags) + 1
        self.word_form = {chr(c): chr(c + shift) for c in range(1, shift + 1)}
        self.merge_forms = str.maketrans({w: c for c, w in self.word_form.items()})
        self.drop_words = str.maketrans(dict.fromkeys(self.word_form.values()))
        self.brk = code["<s>"]

        unigrams, bigrams, trigrams = ([(name, tuple(map(code.__getitem__, parts))) for name, parts in ngrams] for ngrams in by_n)
        # A break is not one of the 1,000 tokens: a unigram "<s>" is never counted ("\0" is no code).
        self.unigrams = tuple("\0" if key == (self.brk,) else key[0] for _, key in unigrams)
        self.pairs_work = len(tags) + 1 <= self.MAX_CODE
        if not self.pairs_work:
            self.bigrams = tuple(key for _, key in bigrams)
            self.trigrams = tuple(key for _, key in trigrams)
            self.names = tuple(name for ngrams in (unigrams, bigrams, trigrams) for name, _ in ngrams)
            self.vocabulary_order = self._order(vocabulary)
            return
        self.bigrams = tuple(chr(256 * ord(a) + ord(b)) for _, (a, b) in bigrams)
        # Trigrams in groups of at most 16 first tags: (first-tag numbers as a byte
        # table, the triple characters, the names).
        firsts = list(dict.fromkeys(a for _, (a, _b, _c) in trigrams))
        self.trigram_groups = []
        names = [name for name, _ in unigrams + bigrams]
        for start in range(0, len(firsts), self.FIRST_TAGS):
            number = {a: k for k, a in enumerate(firsts[start : start + self.FIRST_TAGS], start=1)}
            table = bytes(number.get(chr(byte), 0) for byte in range(256))
            group = [(name, (a, b, c)) for name, (a, b, c) in trigrams if a in number]
            chars = tuple(chr(65536 * number[a] + 256 * ord(b) + ord(c)) for _, (a, b, c) in group)
            self.trigram_groups.append((table, chars))
            names += [name for name, _ in group]
        self.names = tuple(names)
        self.vocabulary_order = self._order(vocabulary)

    def _order(self, vocabulary: tuple[str, ...]) -> tuple[int, ...]:
        """Where each name of the vocabulary is in the tag rates, then the sentence
        features, then one 0 (for a name that is no feature)."""
        position = {name: i for i, name in enumerate(self.names + SENTENCE_FEATURES)}
        return tuple(position.get(name, len(position)) for name in vocabulary)

    def _new_code(self, tag: str) -> str:
        """Codes for a tag first seen (open vocabulary): one, and one for its word form."""
        base, word = chr(2 * len(self.code) + 1), chr(2 * len(self.code) + 2)
        self.code[tag], self.tag_of[base], self.word_form[base] = base, tag, word
        self.merge_forms[ord(word)], self.drop_words[ord(word)] = base, None
        return base

    def _token_code(self, token: str) -> str:
        tag = _tag(token)
        code = self.code.get(tag)
        if code is None:
            code = self.other if self.vocabulary is not None else self._new_code(tag)
        return self.word_form[code] if token.isalpha() else code

    def _chunk_code(self, chunk: str) -> str:
        codes = "".join(map(self.token_codes.__getitem__, _TOKEN.findall(chunk.replace("n't", " n't"))))
        # One string object per distinct code string: fewer objects for a lookup to touch.
        if len(self.same_codes) > self.MAX_CHUNKS:
            self.same_codes.clear()
        return self.same_codes.setdefault(codes, codes)

    def _counts(self, codes: str) -> list[int]:
        """The count of every n-gram of the vocabulary, in the order of :attr:`names`."""
        counts = list(map(codes.count, self.unigrams))
        if not self.pairs_work:  # a vocabulary of very many tags: tuples of codes, counted
            bigrams, trigrams = Counter(zip(codes, codes[1:])), Counter(zip(codes, codes[1:], codes[2:]))
            return counts + [*map(bigrams.get, self.bigrams, repeat(0)), *map(trigrams.get, self.trigrams, repeat(0))]
        first = codes.encode("latin-1")
        pairs = _rows(2, first[:-1], first[1:]).decode("utf-16-be")
        counts += map(pairs.count, self.bigrams)
        for first_numbers, chars in self.trigram_groups:
            triples = _rows(4, first[:-2].translate(first_numbers), first[1:-1], first[2:]).decode("utf-32-be")
            counts += map(triples.count, chars)
        return counts

    def codes_of(self, marked: str) -> str:
        """The codes of a marked text, chunk by chunk (a line break is a chunk of its own,
        coded as a break), words in their word form.  Cut at line breaks, a text's codes
        are its lines' codes joined by breaks."""
        return "".join(map(self.chunk_codes.__getitem__, marked.replace("\n", " \n ").split(" ")))

    def rates_of(self, with_words: str) -> tuple[list[float], int]:
        """The rates of the vocabulary's tag n-grams, in the order of :attr:`names` (0
        where absent), and the number of words, from a text's codes (:meth:`codes_of`)
        after a break for the text's start."""
        words = len(with_words) - len(with_words.translate(self.drop_words))
        codes = with_words.translate(self.merge_forms)
        per_thousand = 1000.0 / max(len(codes) - codes.count(self.brk), 1)
        return list(map(per_thousand.__mul__, self._counts(codes))), words

    def every_rate_of(self, with_words: str) -> tuple[dict[str, float], int]:
        """The rate of every tag n-gram found (open vocabulary), by name, and the number of
        words, from a text's codes after a break for the text's start."""
        words = len(with_words) - len(with_words.translate(self.drop_words))
        codes = with_words.translate(self.merge_forms)
        per_thousand = 1000.0 / max(len(codes) - codes.count(self.brk), 1)
        tag = self.tag_of.__getitem__
        unigrams = Counter(codes)
        unigrams.pop(self.brk, None)  # a break is not one of the 1,000 tokens
        features = {"tag:" + tag(a): n * per_thousand for a, n in unigrams.items()}
        features.update({f"tag:{tag(a)} {tag(b)}": n * per_thousand for (a, b), n in Counter(zip(codes, codes[1:])).items()})
        trigrams = Counter(zip(codes, codes[1:], codes[2:]))
        features.update({f"tag:{tag(a)} {tag(b)} {tag(c)}": n * per_thousand for (a, b, c), n in trigrams.items()})
        return features, words

    def tag_ngrams(self, marked: str) -> tuple[dict[str, float], int]:
        """The tag n-gram rates of a marked text by name (those of the vocabulary, or every
        one found), and its number of words."""
        with_words = self.brk + self.codes_of(marked)
        if self.vocabulary is None:
            return self.every_rate_of(with_words)
        rates, words = self.rates_of(with_words)
        return dict(zip(self.names, rates)), words


def _rows(width: int, *columns: bytes) -> bytearray:
    """Rows of ``width`` bytes, the last ``len(columns)`` of each taken from the columns in
    turn (row i holds ``column[i]`` of each), the first ones 0."""
    rows = bytearray(width * len(columns[0]))
    for offset, column in enumerate(columns, start=width - len(columns)):
        rows[offset::width] = column
    return rows



@lru_cache(maxsize=8)
def extractor(vocabulary: tuple[str, ...] | None) -> Extractor:
    """The extractor of a vocabulary (None: every n-gram), one per process."""
    return Extractor(vocabulary)


# The first two words of each sentence (one sentence per line of the marked text): after
# a line break (a literal the regex engine scans for; ``^`` would be tried at every
# position), and those of the first sentence, matched at the start.
_OPENER = re.compile(r"\n([^ \n]+ [^ \n]+)")
_FIRST_OPENER = re.compile(r"[^ \n]+ [^ \n]+")


#: The features of :func:`_sentence_profile`, in its order.
SENTENCE_FEATURES = ("sent:mean", "sent:sd", "sent:long", "sent:short", "rep:start")


def _sentence_profile(lengths: list[int], marked: str) -> list[float]:
    """Sentence lengths (space-separated words): mean, spread, extremes; and the share of
    sentences whose first two words open another sentence too (:data:`SENTENCE_FEATURES`)."""
    n = max(len(lengths), 1)
    mean = sum(lengths) / n
    variance = max(sum(map(operator.mul, lengths, lengths)) / n - mean * mean, 0.0)
    ordered = sorted(lengths)
    # Lower-cased after they are found: a space or a line break is one before and after.
    first = _FIRST_OPENER.match(marked)
    found = _OPENER.findall(marked)
    if first:
        found.insert(0, first.group())
    openers = Counter("\n".join(found).lower().split("\n") if found else ())
    return [
        mean,
        math.sqrt(variance),
        (len(ordered) - bisect.bisect_right(ordered, 40)) / n,
        bisect.bisect_left(ordered, 8) / n,
        (sum(openers.values()) - list(openers.values()).count(1)) / n,
    ]


def describe_feature(name: str) -> str:
    """A reader's name for a feature."""
    fixed = {
        "sent:mean": "mean sentence length",
        "sent:sd": "spread of sentence lengths",
        "sent:long": "share of sentences over 40 words",
        "sent:short": "share of sentences under 8 words",
        "rep:start": "sentences opening with the same two words",
    }
    if name in fixed:
        return fixed[name]
    return f"'{name[4:]}'" + " per 1,000 tokens"

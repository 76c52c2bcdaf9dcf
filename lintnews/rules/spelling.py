"""S101 misspelling."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from lintnews.core.data import builtin_yaml
from lintnews.core.document import Document, shape_of
from lintnews.core.finding import Finding
from lintnews.analyses.dictionary import acceptable, english_forms, frequency, is_common_word, one_edit_candidates, unknown_words
from lintnews.analyses.html_entities import touches_entity
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.matching import Pattern, matches_of_words
from lintnews.analyses.term_lists import ACCEPT

# Lower-case words only, whole (not part of a URL, handle, hashtag, e-mail address or a
# hyphenated compound).
_WORD = re.compile(r"(?<![\w@#/.’'-])[a-z]{5,}(?![\w@/’'-])")
# Addresses, whose words are not read.  The address forms start at a token's start
# ((?<!\S)): tried at every position of a long token, "\S+@" would rescan it each time
# (quadratic on a pasted hash or blob).
URLS = Pattern("urls", r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+\.\w+|(?<!\S)\S+\.(?:com|org|net|gov|io|co|uk)\b\S*")


@functools.lru_cache(maxsize=1)
def _spelling_data() -> tuple[list[tuple[str, str]], tuple[str, ...], tuple[str, ...], re.Pattern[str], frozenset[str]]:
    data = builtin_yaml("spelling.yaml")
    british, prefixes, suffixes = english_forms()
    # check() relies on every phrase starting and ending with a word character.
    if not all(str(p)[:1].isalnum() and str(p)[-1:].isalnum() for p in data["phrases"]):  # pragma: no cover
        raise ValueError("spelling.yaml: a phrase must start and end with a letter or digit")
    phrases = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in data["phrases"])
    # The words of the phrases, lower-cased: the only words a phrase match can contain.
    phrase_words = frozenset(w for p in data["phrases"] for w in re.findall(r"[^\W\d_]+", str(p).lower()))
    return british, prefixes, suffixes, re.compile(rf"\b(?:{phrases})\b", re.I), phrase_words


@functools.lru_cache(maxsize=1)
def foreign_phrases() -> Pattern:
    """The foreign set phrases' regex as a pattern of the matching layer (made when first
    needed: few articles hold an unknown word that is one of the phrases' words)."""
    return Pattern("foreign_phrases", _spelling_data()[3])


def _blank(view: str, spans: list) -> str:
    """The view with each of the matches replaced by spaces."""
    pieces: list[str] = []
    done = 0
    for m in spans:
        start, end = m.span()
        pieces += (view[done:start], " " * (end - start))
        done = end
    pieces.append(view[done:])
    return "".join(pieces)


@functools.lru_cache(maxsize=65536)
def _correction(word: str) -> str | None:
    """pyspellchecker's most probable correction (its candidate search is the costly part;
    the same unknown words recur across a corpus)."""
    # Not SpellChecker.correction: it takes max() over a set, so between candidates of
    # equal frequency the answer would depend on string hashing, run to run.  The most
    # frequent candidate, ties broken alphabetically, is the same every time.
    candidates = one_edit_candidates(word)
    if not candidates:
        return None
    # As pyspellchecker does: a candidate that differs only in accents wins ("matériel").
    pool = [c for c in candidates if _fold(c) == _fold(word)] or candidates
    return min(pool, key=lambda c: (-frequency(c), c))


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# A genus: a capitalised word of Latin or Greek shape right before the word ("Capra",
# "Equus", "Monodelphis", "Toxicodendron", "Bufo"), which the English list barely knows.
_GENUS = re.compile(r"(?<![\w’'-])([A-Z][a-z]{2,}(?:a|us|um|is|on|o|es|ia|ops|ys|ix|ax|ex)) $")
_GENUS_FREQUENCY = 100
# Endings of Latin and latinised species epithets ("hircus", "domestica", "duncani",
# "radicans", "marinus", "sapiens", "africanum", "neanderthalensis").
_EPITHET_ENDINGS = ("us", "a", "um", "i", "ii", "ae", "is", "ensis", "ans", "ens", "oides", "es")


def _species_epithet(view: str, start: int, word: str) -> bool:
    """Whether ``word`` is the second word of a species' scientific name: a capitalised
    word of Latin shape that the English list barely knows ("Capra", "Monodelphis",
    "Toxicodendron"; not "Czech", "Prague") right before it, and a Latin ending."""
    if not word.endswith(_EPITHET_ENDINGS):
        return False
    genus = _GENUS.search(view, max(0, start - 40), start)
    return genus is not None and frequency(genus.group(1).lower()) < _GENUS_FREQUENCY


@register
class Misspelling(DocumentRule):
    """Finds lower-case words that are not English and are one edit away from a common
    word that is: ``mentionned`` -> ``mentioned``.

    Why: spinners and careless post-editing leave misspellings that a spell checker
    would have caught; they are also a cheap signal of unedited text.

    Example: ``Lloyd Austin mentionned US troop withdrawal`` -> ``mentioned``.

    Capitalised words are left to the name rules: a name the dictionary does not know is
    not an error.  Not reported either: British spellings ("honour", "centre"), a known
    word with a common prefix or suffix ("reinjected"), words of four letters or fewer,
    parts of hyphenated compounds, URLs, foreign set phrases ("de facto"), a word used
    twice or more in the same document (a term of art), the second word of a species'
    scientific name after an unknown genus ("Capra hircus"), a word an HTML entity cuts
    or names ("Jos&eacute;": W106's), and every accepted term of the
    configuration (``vocabulary``/``accept``, ``accept-file``).  The dictionary is pyspellchecker's English list; the rewrites and
    affixes are data in ``rules/spelling.yaml``.
    """

    code = "S101"
    name = "misspelling"

    options = (ACCEPT,)

    needs = (URLS,)

    def check(self, doc: Document, urls: list) -> Iterator[Finding]:
        view = doc.view
        tokens = doc.lowercase_runs
        if urls:
            view = _blank(view, urls)
            tokens = shape_of(view).decode("ascii").split()
        # Every match of _WORD is a token (Document.lowercase_runs); the dictionary
        # knows most tokens, and the set difference drops those in C, as the filter does
        # the tokens with a capital or a digit in them.  The few left are tested one by
        # one, and only the words that are not acceptable are looked for in the text.
        leftovers = filter(str.islower, unknown_words(set(tokens)))
        odd_words = [w for w in leftovers if len(w) >= 5 and w.isalpha() and not acceptable(w)]
        if not odd_words:
            return
        unknown = [(m.start(), m.end(), m.group(0)) for m in matches_of_words(_WORD, view, odd_words)]
        if not unknown:
            return
        # Words inside a foreign set phrase are not read.  A phrase starts and ends with a
        # word character and a word is a whole run of them, so a word lies wholly inside
        # or wholly outside every phrase: dropping the words inside is what blanking the
        # phrases out before the word scan did.  The phrase scan is needed only when an
        # unknown word is one of the phrases' words ("facto", "nauseam").
        _, _, _, phrases, phrase_words = _spelling_data()
        phrase_spans = []
        if any(word in phrase_words for _, _, word in unknown):
            # Over the view as it is, the declared pattern's matches (where its RE2 superset
            # says a phrase can start); over a view with its addresses blanked, the regex's.
            phrase_spans = [m.span() for m in (foreign_phrases().of(doc) if view is doc.view else phrases.finditer(view))]
        if phrase_spans:
            unknown = [u for u in unknown if not any(start <= u[0] < end for start, end in phrase_spans)]
            if not unknown:
                return
        counts = Counter(word for _, _, word in unknown)
        for word_start, word_end, word in unknown:
            if counts[word] > 1 or self.settings.accept.matches(word):
                continue
            if touches_entity(view, word_start, word_end):
                continue  # "Jos&eacute;", "&#214;tztal": W106's, no misspelling
            if _species_epithet(view, word_start, word):
                continue  # "Capra hircus", "Equus ferus": a species' scientific name
            suggestion = _correction(word)
            if not suggestion or _fold(suggestion) == word or not is_common_word(suggestion):
                continue
            yield self.finding(
                doc, word_start, word_end, f"'{word}' is not an English word; did you mean '{suggestion}'?", suggestion=suggestion
            )

"""S104 capitalised-misspelling: a capitalised common word mistyped or respelled the way
another language spells it, where a name would not stand."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from lintnews.analyses.dictionary import COMMON_WORD_FREQUENCY, frequency
from lintnews.analyses.names.given import is_given_name
from lintnews.analyses.names.surnames import is_frequent_surname
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register
from lintnews.analyses.dictionary import acceptable, cognate_candidates, one_edit_candidates
from lintnews.analyses.html_entities import touches_entity

# A capitalised word of four letters or more, whole: not part of a hyphenated compound,
# an address or a handle, and not followed by an apostrophe (a possessive name).
_CAPITALISED = re.compile(r"(?<![\w@#/.’'-])[A-Z][a-z]{3,}(?![\w@/-]|[’'](?![sS]\b))")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\S+)")

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Letters other languages write where English has the other one: k/c (Republik,
# Kontrol), z/s (Prezident), c/t (situacion), i/y, c/s, f/v, k/q.
_COGNATE_LETTERS = frozenset(frozenset(p) for p in ("kc", "zs", "ct", "iy", "cs", "fv", "kq"))
# Words before a name: a person's name after them is not a common word misspelled.
_BEFORE_NAMES = frozenset(
    "Mr Mrs Ms Dr Sir Lord Lady Dame President Minister Secretary Chancellor Governor Mayor General Senator"
    " Judge King Queen Prince Princess Pope Chairman Chairwoman Director Ambassador Coach Captain Professor"
    " Prof Rep Sen Gov Gen Col Lt Sgt Officer Inspector Det Insp Saint St Father Sister Brother Bishop Rabbi"
    " Imam Sheikh Emir Sultan Premier Deputy Spokesman Spokeswoman Commissioner Chief Leader Colonel Major"
    " Lieutenant Sergeant Admiral Marshal Justice Chairperson CEO Vice Uncle Aunt Democrat Republican Tory"
    " Conservative Liberal Socialist Communist Congressman Congresswoman Representative Candidate Rapper Singer"
    " Actor Actress Striker Defender Midfielder Goalkeeper Manager Player Writer Author Artist Chef Pastor"
    " Reverend Rev Colleague Comrade Mister Madam Herr Frau Senior Junior Champion Veteran Opposition".split()
)


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """The keys around each letter of a QWERTY keyboard (the rows are offset: the keys
    below "i" are "j" and "k")."""
    where = {c: (r, i) for r, row in enumerate(_KEYBOARD) for i, c in enumerate(row)}
    out = {}
    for c, (r, i) in where.items():
        near = set()
        for d, (r2, i2) in where.items():
            if r2 == r:
                ok = abs(i2 - i) == 1
            elif r2 == r + 1:
                ok = i2 - i in (-1, 0)
            elif r2 == r - 1:
                ok = i2 - i in (0, 1)
            else:
                ok = False
            if ok:
                near.add(d)
        out[c] = frozenset(near)
    return out


def slip(word: str, right: str) -> bool:
    """Whether ``word`` is ``right`` mistyped once (a letter dropped, a letter doubled or
    hit beside its neighbour, two letters swapped, one key hit for the next) or respelled
    as another language spells it (k for c, z for s, c for t, a consonant single or
    doubled, a vowel ending: "Regione").  Names one edit from a word differ from it in
    other ways ("Changi", "Welle", "Gjorge"), which is what keeps them out."""
    near = _neighbours()
    if len(word) == len(right) - 1:
        return any(right[:i] + right[i + 1 :] == word for i in range(len(right)))
    if len(word) == len(right) + 1:
        if word[-1] in "aeio" and word[:-1] == right and len(right) >= 5 and right[-1] not in "aeiouy":
            return True  # a vowel ending of another language: "Regione", "Reforma"
        for i in range(len(word)):
            if word[:i] + word[i + 1 :] == right:
                c = word[i]
                around = [n for n in (word[i - 1] if i else "", word[i + 1] if i + 1 < len(word) else "") if n]
                if c in around or any(c in near.get(n, ()) for n in around):
                    return True
        return False
    if len(word) == len(right):
        diff = [i for i in range(len(word)) if word[i] != right[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == right[diff[1]] and word[diff[1]] == right[diff[0]]:
            return True
        if len(diff) == 1:
            a, b = word[diff[0]], right[diff[0]]
            return a in near.get(b, ()) or frozenset((a, b)) in _COGNATE_LETTERS
    return False


@functools.lru_cache(maxsize=65536)
def _meant(word: str) -> str | None:
    """The common word that the lower-case ``word`` is a slip of (the most frequent, ties
    alphabetical), or None."""
    if acceptable(word):
        return None
    # A name's first letter is the part least often mistyped and most often another
    # name's ("Xining", "Fuling"): the word must keep it.
    candidates = [c for c in one_edit_candidates(word) or () if c != word and c[:1] == word[:1] and slip(word, c)]
    candidates = [c for c in candidates if frequency(c) >= COMMON_WORD_FREQUENCY]
    if not candidates and len(word) >= COGNATE_LENGTH and _FOREIGN_LETTERS.search(word) and not is_frequent_surname(word):
        # A cognate spelling, which may change the first letter ("Kommittee") and take two
        # correspondences ("Prezydent", "Akademia"): only of a common word, and not a
        # frequent surname ("Currie", "Zeller").
        candidates = [c for c in cognate_candidates(word) if frequency(c) >= COGNATE_FREQUENCY]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (-frequency(c), c))


# Words capitalised at a sentence's start, which say nothing of the word after them.
_FUNCTION_WORDS = frozenset(
    "the a an but and or nor our my your his her their its this that these those in on at of for with by from to as"
    " so if when then now we you he she they it i all some no not our after before while since until about".split()
)
# What shows a cognate spelling: a letter that other languages write where English
# writes another (k, z, j, w, y, f), or a doubled consonant.
_FOREIGN_LETTERS = re.compile(r"[kzjwyf]|([bcdfgklmnprstz])\1")
#: A cognate spelling is read of a word at least this frequent ("republic" 3,245).
COGNATE_FREQUENCY = 1000
#: A cognate spelling is read in words of at least this many letters.
COGNATE_LENGTH = 6
#: A capitalised word beside the misspelled one is a common word at this frequency in
#: pyspellchecker's list ("Czech" 537, "Chongqing" 67, "Liberec" 50).
NEIGHBOUR_FREQUENCY = 250
#: At a sentence's start the word meant must be this frequent ("people", "police",
#: "economy" 11,327; not "sofa" 5,807, "peel" 7,462, "olden", "liner").
SENTENCE_START_FREQUENCY = 10000
#: The same for a sentence adverb before a comma ("Meanwhlie, ..."; "meanwhile" 4,457;
#: not "Sova, a clear example": "sofa" is no adverb).
ADVERB_START_FREQUENCY = 3000
_SENTENCE_ADVERBS = frozenset(
    """meanwhile however moreover furthermore nevertheless nonetheless therefore otherwise instead besides
    likewise consequently accordingly additionally finally thus hence still yet indeed anyway today yesterday
    tomorrow tonight later earlier afterwards meantime overall""".split()
)
#: After "the" inside a run of capitalised words, the word meant is this frequent
#: ("the Ministery of Finance": "ministry" 3,005; not "the Batchelor Institute").
AFTER_THE_FREQUENCY = 3000
# Offices that follow the field they govern: "the Ekonomy Minister".
_OFFICES = frozenset("Minister Ministry Secretary Commissioner Director Council Committee Office".split())


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'()[],.;:!?")


def _common_capitalised(token: str) -> bool:
    """A capitalised common word that is not a name nor a function word capitalised at a
    sentence's start: "Health", "Czech", "National"; not "But", "Our", "Kim"."""
    word = _bare(token)
    return (
        word[:1].isupper()
        and word.lower() not in _FUNCTION_WORDS
        and frequency(word) >= NEIGHBOUR_FREQUENCY
        and not is_given_name(word, strict=True)
        and word not in _BEFORE_NAMES
    )


def _name_like(token: str) -> bool:
    """A capitalised word that may be part of a person's name."""
    word = _bare(token)
    return word[:1].isupper() and not _common_capitalised(token)


@register
class CapitalisedMisspelling(DocumentRule):
    """Finds a capitalised common word mistyped or respelled as another language spells
    it, where the context says it is not a name: ``Thosr who stayed``, ``Accordinng to``,
    ``the Czech Republik``, ``the World Helth Organization``.

    Why: S101 leaves capitalised words to the name rules, so a typo at a sentence's start
    or inside an institution's name, and a cognate spelling of the source language
    ("Prezident", "Republik"), went unreported.

    Example: ``Policce are looking for him`` -> ``Police``.

    Reported: a capitalised word the dictionary does not know (nor with a British spelling
    or an affix), used once in the document, not a known given name, that is one slip from
    a common word: a letter dropped, doubled or hit beside a neighbour on the keyboard,
    two letters swapped, one key for the next, or a letter another language writes for
    the English one (k/c, z/s, c/t, i/y, c/s, f/v).  It must stand where a name would not:
    before a name when the word meant is a title ("Prezident Zeman"),
    at a sentence's start and not followed by another name-like word, or inside a run of
    capitalised words beside a common word ("Czech", "Health", "National") or after "the"
    — and not after a title or a given name ("President Gjorge").  Names one edit from a
    word usually differ in some other way ("Changi", "Welle").
    """

    code = "S104"
    name = "capitalised-misspelling"

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        matches = list(_CAPITALISED.finditer(view))
        if not matches:
            return
        counts = Counter(m.group(0) for m in matches)
        for m in matches:
            word = m.group(0)
            if counts[word] > 1 or is_given_name(word) or touches_entity(view, m.start(), m.end()):
                continue  # a name, or "Charit&eacute;": W106's
            meant = _meant(word.lower())
            if meant is None or not self._not_a_name(view, m.start(), m.end(), meant):
                continue
            suggestion = meant[:1].upper() + meant[1:]
            yield self.finding(
                doc, m.start(), m.end(), f"'{word}' is not an English word; did you mean '{suggestion}'?", suggestion=suggestion
            )

    @staticmethod
    def _not_a_name(view: str, start: int, end: int, meant: str) -> bool:
        word = view[start:end]
        line_start = view.rfind("\n", 0, start) + 1
        line_end = view.find("\n", end)
        line_end = len(view) if line_end == -1 else line_end
        before_m = _WORD_BEFORE.search(view, line_start, start)
        before = before_m.group(1) if before_m else ""
        after_m = _WORD_AFTER.match(view, end, line_end)
        after = after_m.group(1) if after_m else ""
        if not after[:1].isalpha():
            after = ""
        opened = view[start - 1 : start] in "\"“‘(" and start > line_start
        closed = view[end : end + 1] not in ("", " ", "\t", "\n")
        bare_before = _bare(before)
        bracket = before.endswith(")") and "(" in view[line_start:start]  # "(reporter: Li Wei) Accordinng"
        if not bracket and (bare_before in _BEFORE_NAMES or is_given_name(bare_before, strict=True)):
            return False
        if not bracket and bare_before[:1].isupper() and bare_before.isalpha() and not acceptable(bare_before.lower()):
            return False  # beside a word of another language's name: "Deutsche Welle", "Chongqing Fuling"
        if view[end : end + 2] == " (":
            return False  # a name and its gloss: "Toray (Japan)"
        if not closed and after[:1].isupper() and meant[:1].upper() + meant[1:] in _BEFORE_NAMES:
            return True  # a title before a name: "Prezident Zeman"
        if not closed and after[:1].isupper() and is_given_name(_bare(after), strict=True):
            return False
        head = view[line_start:start].rstrip(" \t\"“‘(")
        if not head or head[-1:] in ".!?:" or (head[-1:] == ")" and "(" in head):
            # (after a bracket closed: a dateline's "(journalist: ...) Accordinng to")
            # A sentence's first word: a name would go on with a surname, and a name
            # at a sentence's start is one slip from a rarer word ("Sova", "Pesel").
            adverb = view[end : end + 1] == "," and (meant.endswith("ly") or meant in _SENTENCE_ADVERBS)
            if frequency(meant) < (ADVERB_START_FREQUENCY if adverb else SENTENCE_START_FREQUENCY):
                return False
            return closed or not _name_like(after)
        if opened:
            return False
        if after[:1].islower() and _bare(after).isalpha() and not acceptable(_bare(after)):
            return False  # a phrase of another language: "Milion chvilek"
        if re.match(r"[a-z][’'][A-Z]", after):
            return False  # an elided article of another language: "Institut d'Astrophysique"
        if len(word) < 5:
            return False  # a short word inside a name: "the Nord Stream"
        # Inside a run of capitalised words: beside a common word, or in a run after "the".
        run = head.split()
        while run and run[-1][:1].isupper():
            word = run.pop()
            if word[:1] in "\"“‘(" or _bare(word) in _BEFORE_NAMES or is_given_name(_bare(word), strict=True):
                return False
            if word[-1:] in ",;:)\"”’":
                break
        after_the = (
            (run and run[-1] == "the") or head.split()[-1:] == ["The"]
        ) and frequency(meant) >= AFTER_THE_FREQUENCY
        if after_the and (closed or not after[:1].isupper() or _common_capitalised(after) or _bare(after) in _OFFICES):
            return True  # "the Ministery of", "the Ekonomy Minister"
        if before[:1].isupper() and before[-1:].isalpha() and _common_capitalised(before):
            return closed or not _name_like(after)
        if not closed and _common_capitalised(after):
            return True
        return False

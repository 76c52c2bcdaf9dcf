"""Find person names spelled two ways, with the evidence that they are one person.

Steps (see ``docs``/README, "How names are matched"):

1. Person strings: a surname (or given name) is a person's when at least one of its
   mentions has person evidence, it is not an ordinary English word, and the corpus
   never writes it in lower case.
2. Blocking: strings are grouped by their consonant skeleton (:mod:`keys`); only
   strings in one block are compared, so the work grows with the corpus, not its square.
3. Scoring: inside a block, rapidfuzz's Levenshtein distance between folded forms,
   at most 2 (1 for names of four letters or fewer).  A difference only at the end that
   is a suffix ("Qatar"/"Qatari", "Mujahid"/"Mujahideen") is a derivation, not a
   respelling; a doubled final letter or a dropped final e still counts.  Accent-only
   differences ("Martinez"/"Martínez") are typography, not reported.
4. Evidence, and the scope it gives the count:
   - a shared partner: the same given name with both surnames ("Tariq Erian"/"Tariq
     Arian"), or the same surname with both given names ("Zabihullah"/"Zabiullah
     Mujahid") -- counted over the corpus;
   - the same document: both spellings name a person in one article ("Badin"/"Biden")
     -- counted in that document only, and rejected when each spelling has its own,
     different given name there (two people).
5. Report: the majority spelling is canonical; every mention of the minority spelling
   is reported with the canonical one and where it occurs.  A tie is reported at both
   spellings, each pointing to the other.  The mentions reported for one pair of
   spellings share one :class:`~lintnews.core.finding.Group`: the person, the canonical
   spelling (none for a tie), and both spellings with every place they are written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from lintnews.analyses.dictionary import is_common_word
from lintnews.core.corpus import Loc
from lintnews.core.finding import Group
from lintnews.core.finding import Variant as Spelling
from lintnews.analyses.names.keys import folded, skeleton, strip_accents
from lintnews.analyses.names.mentions import Mention, NameFacts

# Endings that make a derived word of a name, not a new spelling of it.
_DERIVATION_SUFFIXES = ("i", "is", "s", "es", "een", "in", "ian", "ians", "an", "ans", "ese", "ite", "ites", "ism", "ist", "ists", "n", "ns")


@dataclass(frozen=True)
class Variant:
    """One reported mention: ``found`` where ``canonical`` is the usual spelling."""

    mention: Mention
    role: str  # "surname" or "given"
    found: str
    canonical: str
    canonical_mentions: tuple[Mention, ...]
    counts: tuple[int, int]  # (found, canonical) in the scope of the evidence
    evidence: str
    tie: bool
    group: Group  # the pair of spellings, shared by every variant reported for it


#: The largest edit distance ``similar`` accepts, and the block size from which pairs
#: are pre-scored in batch.
_WIDEST_LIMIT = 2
_BATCH_BLOCK = 12


def is_derivation(a: str, b: str) -> bool:
    """True when one name is the other plus a derivational ending."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if not long.startswith(short) or long == short:
        return False
    extra = long[len(short):]
    if extra == "e" or extra == short[-1]:
        return False  # Brown/Browne, Ros/Ross: respellings
    return extra in _DERIVATION_SUFFIXES


def similar(a: str, b: str) -> bool:
    if strip_accents(a) == strip_accents(b):
        return False  # accents only: typography, not a respelling
    if is_derivation(a, b):
        return False
    fa, fb = folded(a), folded(b)
    limit = 1 if min(len(a), len(b)) <= 4 else 2
    return Levenshtein.distance(fa, fb, score_cutoff=limit) <= limit


def candidate_pairs(strings: Iterable[str]) -> list[tuple[str, str]]:
    """Similar pairs among ``strings``, compared only inside skeleton blocks."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for s in sorted(set(strings)):
        blocks[skeleton(s)].append(s)
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) < _BATCH_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if similar(a, b):
                        pairs.append((a, b))
            continue
        # A large block: rapidfuzz scores one name against the rest of the block in C and
        # returns only those within the widest limit; ``similar`` then decides exactly.
        folded_members = [folded(m) for m in members]
        for i, a in enumerate(members):
            close = process.extract(
                folded_members[i],
                folded_members[i + 1 :],
                scorer=Levenshtein.distance,
                score_cutoff=_WIDEST_LIMIT,
                limit=None,
            )
            for index in sorted(k for _, _, k in close):
                b = members[i + 1 + index]
                if similar(a, b):
                    pairs.append((a, b))
    return pairs


def person_spelling(word: str, lower_forms: set[str] | frozenset[str]) -> bool:
    """Whether a surname or given name may be a person's spelling: not too short, not an
    ordinary word, never written in lower case in the corpus (``lower_forms``), not all
    capitals."""
    return len(word) >= 3 and not is_common_word(word) and word.lower() not in lower_forms and not word.isupper()


class _Index:
    """The mentions of a corpus grouped the ways the pairs are checked, built lazily.

    Every list keeps the corpus order of the mentions, and a list built once is shared
    by every pair that asks for it: checking a pair costs the size of its rarer side,
    not the size of a frequent name's mentions (a misspelling of a name mentioned
    80,000 times is checked without walking those 80,000 mentions again).
    """

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self._order: dict[int, int] | None = None
        self.by_surname: dict[str, list[Mention]] = defaultdict(list)
        self.by_given: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            self.by_surname[m.surname].append(m)
            if m.given:
                self.by_given[m.given].append(m)
        self._paths: dict[str, dict[str, list[Mention]]] = {}
        self._givens: dict[str, dict[str, list[Mention]]] = {}
        self._bare: dict[str, dict[str, list[Mention]]] = {}
        self._surnames_of_given: dict[str, dict[str, list[Mention]]] = {}
        self._with_bare: dict[tuple[str, str], list[Mention]] = {}
        self._given_paths: dict[tuple[str, str], dict[str, None]] = {}
        self._sorted: dict[int, tuple[list[Mention], tuple[Mention, ...]]] = {}
        self._places: dict[tuple[int, str], tuple[list[Mention], tuple[Loc, ...]]] = {}

    def by_path(self, surname: str) -> dict[str, list[Mention]]:
        """The mentions of a surname per document path."""
        grouped = self._paths.get(surname)
        if grouped is None:
            grouped = self._paths[surname] = _group(self.by_surname[surname], lambda m: m.full.path)
        return grouped

    def givens(self, surname: str) -> dict[str, list[Mention]]:
        """The mentions of a surname per given name (mentions without one left out)."""
        grouped = self._givens.get(surname)
        if grouped is None:
            grouped = self._givens[surname] = _group((m for m in self.by_surname[surname] if m.given), lambda m: m.given)
        return grouped

    def bare(self, surname: str) -> dict[str, list[Mention]]:
        """The mentions of a surname without a given name, per document path."""
        grouped = self._bare.get(surname)
        if grouped is None:
            grouped = self._bare[surname] = _group((m for m in self.by_surname[surname] if not m.given), lambda m: m.full.path)
        return grouped

    def surnames_of(self, given: str) -> dict[str, list[Mention]]:
        """The mentions of a given name per surname."""
        grouped = self._surnames_of_given.get(given)
        if grouped is None:
            grouped = self._surnames_of_given[given] = _group(self.by_given[given], lambda m: m.surname)
        return grouped

    def with_partner(self, surname: str, given: str, other: str) -> list[Mention]:
        """The mentions of ``surname`` with ``given`` or with no given name, in the
        documents where ``surname`` or ``other`` is written with ``given``."""
        own = self.givens(surname)[given]
        bare = self.bare(surname)
        if not bare:
            return own
        base = self._with_bare.get((surname, given))
        own_paths = self.given_paths(surname, given)
        if base is None:
            extra = [m for path in own_paths if path in bare for m in bare[path]]
            base = self._with_bare[(surname, given)] = self._merged(own, extra)
        other_paths = self.given_paths(other, given)
        if len(other_paths) < len(bare):
            extra = [m for path in other_paths if path not in own_paths and path in bare for m in bare[path]]
        else:
            extra = [m for path, ms in bare.items() if path in other_paths and path not in own_paths for m in ms]
        return self._merged(base, extra) if extra else base

    def given_paths(self, surname: str, given: str) -> dict[str, None]:
        """The paths where ``surname`` is written with ``given``."""
        paths = self._given_paths.get((surname, given))
        if paths is None:
            paths = self._given_paths[(surname, given)] = dict.fromkeys(m.full.path for m in self.givens(surname).get(given, ()))
        return paths

    def _merged(self, a: list[Mention], b: list[Mention]) -> list[Mention]:
        """``a`` and ``b`` (each in corpus order, no mention in both) in corpus order."""
        if not b:
            return a
        if self._order is None:
            self._order = {id(m): k for k, m in enumerate(self.mentions)}
        order = self._order
        return sorted(a + b, key=lambda m: order[id(m)])

    def sorted_by_place(self, mentions: list[Mention]) -> tuple[Mention, ...]:
        """``mentions`` by path and offset; one tuple per list, however often asked."""
        cached = self._sorted.get(id(mentions))
        if cached is not None and cached[0] is mentions:
            return cached[1]
        ordered = tuple(sorted(mentions, key=lambda c: (c.full.path, c.full.start)))
        self._sorted[id(mentions)] = (mentions, ordered)  # the list is kept, so its id stays its own
        return ordered

    def places(self, mentions: list[Mention], role: str) -> tuple[Loc, ...]:
        """Where ``mentions`` are reported for a ``role`` pair, by path and offset: the
        surname, or the whole name when the given names differ.  One tuple per list."""
        cached = self._places.get((id(mentions), role))
        if cached is not None and cached[0] is mentions:
            return cached[1]
        ordered = self.sorted_by_place(mentions)
        places = tuple(m.full for m in ordered) if role == "given" else tuple(m.surname_loc for m in ordered)
        self._places[(id(mentions), role)] = (mentions, places)
        return places


def _group(mentions: Iterable[Mention], key: Callable[[Mention], str]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[key(m)].append(m)
    return dict(grouped)


def _common(a: dict[str, object], b: dict[str, object]) -> list[str]:
    """The keys of both, sorted; walks the smaller one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sorted(k for k in small if k in large)


def find_variants(
    facts_by_path: dict[str, NameFacts], paths: list[str], accepted: Callable[[str], bool] = lambda _: False
) -> list[Variant]:
    """Every mention spelled as a variant of another spelling of the same person.

    ``accepted`` says whether a spelling (a word, or a full name) is the newsroom's own:
    an accepted spelling is canonical whatever the counts, and never reported.
    """
    mentions = [m for p in paths if p in facts_by_path for m in facts_by_path[p].mentions]
    lower_forms = set().union(*(f.lower_forms for f in facts_by_path.values())) if facts_by_path else set()

    def eligible(word: str) -> bool:
        return person_spelling(word, lower_forms)

    index = _Index(mentions)
    by_surname, by_given = index.by_surname, index.by_given
    person_surnames = {s for s, ms in by_surname.items() if eligible(s) and any(m.evidence for m in ms)}
    person_givens = {g for g, ms in by_given.items() if eligible(g) and any(m.evidence for m in ms)}
    # Whether a full name is accepted, asked once per name; whether a list of mentions
    # holds one, asked once per list (the lists of frequent names are shared by pairs).
    accepted_names: dict[tuple[str, ...], bool] = {}
    accepted_lists: dict[int, tuple[list[Mention], bool]] = {}

    variants: list[Variant] = []
    seen: set[tuple[str, int]] = set()

    def emit(found: list[Mention], canon: list[Mention], role: str, a: str, b: str, evidence: str, tie: bool, group: Group) -> None:
        # One tuple shared by every variant of the pair (and by every pair with the same
        # canonical mentions): a copy per variant made memory grow with variants times
        # canonical mentions (gigabytes at 100,000 articles).
        canonical = index.sorted_by_place(canon)  # order-free evidence
        counts = (len(found), len(canon))
        for m in found:
            key = (m.full.path, m.full.start)
            if key in seen:
                continue
            seen.add(key)
            variants.append(Variant(m, role, a, b, canonical, counts, evidence, tie, group))

    def group(role: str, partner: str | None, found: list[Mention], canon: list[Mention], a: str, b: str, tie: bool) -> Group:
        """The person, the canonical spelling ``b`` (none for a tie), and both spellings."""
        first = min(a, b) if tie else b
        entity = first if partner is None else f"{partner} {first}" if role == "surname" else f"{first} {partner}"
        spellings = (Spelling(b, index.places(canon, role)), Spelling(a, index.places(found, role)))
        if tie:
            spellings = tuple(sorted(spellings, key=lambda v: v.text))
        return Group(entity, None if tie else b, spellings)

    def name_accepted(words: tuple[str, ...]) -> bool:
        known = accepted_names.get(words)
        if known is None:
            known = accepted_names[words] = accepted(" ".join(words))
        return known

    def is_accepted(word: str, mentions: list[Mention]) -> bool:
        if accepted(word):
            return True
        cached = accepted_lists.get(id(mentions))
        if cached is not None and cached[0] is mentions:
            return cached[1]
        answer = any(name_accepted(m.words) for m in mentions)
        accepted_lists[id(mentions)] = (mentions, answer)  # the list is kept: its id stays its own
        return answer

    def report(ma: list[Mention], mb: list[Mention], role: str, a: str, b: str, evidence: str, partner: str | None) -> None:
        """Report the pair ``a``/``b``; ``partner`` is the name part both share, if any."""
        ok_a, ok_b = is_accepted(a, ma), is_accepted(b, mb)
        if ok_a and ok_b:
            return  # both spellings are the newsroom's: two people, or its own choice
        if ok_a or ok_b or len(ma) != len(mb):
            if ok_a or (not ok_b and len(mb) < len(ma)):
                ma, mb, a, b = mb, ma, b, a  # ``a`` is reported, ``b`` is canonical
            if ok_a or ok_b:
                evidence = f"{evidence}; '{b}' is the accepted spelling"
            emit(ma, mb, role, a, b, evidence, False, group(role, partner, ma, mb, a, b, False))
            return
        pair = group(role, partner, ma, mb, a, b, True)
        emit(ma, mb, role, a, b, evidence, True, pair)
        emit(mb, ma, role, b, a, evidence, True, pair)

    # Surnames.
    for a, b in candidate_pairs(person_surnames):
        shared = _common(index.givens(a), index.givens(b))
        if shared:
            given = shared[0]
            # The mentions with that given name or none, in the documents where either
            # spelling has that given name.
            sa = index.with_partner(a, given, b)
            sb = index.with_partner(b, given, a)
            report(sa, sb, "surname", a, b, f"both with the given name '{given}'", given)
            continue
        by_path_a, by_path_b = index.by_path(a), index.by_path(b)
        for path in _common(by_path_a, by_path_b):
            da, db = by_path_a[path], by_path_b[path]
            if not any(m.evidence for m in da) or not any(m.evidence for m in db):
                continue
            ga = {m.given for m in da if m.given}
            gb = {m.given for m in db if m.given}
            if ga and gb and not (ga & gb):
                continue  # two people with their own given names
            report(da, db, "surname", a, b, "in the same article", None)
    # Given names with a shared surname.
    for a, b in candidate_pairs(person_givens):
        surnames_a, surnames_b = index.surnames_of(a), index.surnames_of(b)
        for surname in _common(surnames_a, surnames_b):
            report(surnames_a[surname], surnames_b[surname], "given", a, b, f"both with the surname '{surname}'", surname)
    return variants

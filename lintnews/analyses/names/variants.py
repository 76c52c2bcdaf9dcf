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

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from lintnews.analyses.dictionary import is_common_word
from lintnews.core.corpus import Loc
from lintnews.core.finding import Group
from lintnews.core.finding import Variant as Spelling
from lintnews.analyses.names.keys import folded, second_skeleton, skeleton, strip_accents
from lintnews.analyses.names import given as _given
from lintnews.analyses.names.surnames import is_frequent_surname
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
    #: where to report, when not the mention's surname or whole name (the role says
    #: which): the word itself, for a respelling found word by word in one article
    loc: Loc | None = None


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


# Feminine and patronymic forms of a surname: (masculine ending, feminine ending).
_GENDER_ENDINGS = (
    ("", "a"),  # Ivanov/Ivanova, Putin/Putina
    ("i", "a"),  # Kowalski/Kowalska
    ("y", "a"),
    ("iy", "aya"),
    ("y", "aya"),  # Navalny/Navalnaya
    ("i", "aya"),
    ("yi", "aya"),
    ("ii", "aia"),
    ("y", "aia"),
    ("ich", "na"),  # patronymics: Sergeyevich/Sergeyevna
    ("", "ova"),  # Navratil/Navratilova
    ("", "ová"),
    ("ý", "á"),  # Czech: Novotný/Novotná
)


def is_gender_form(a: str, b: str) -> bool:
    """True when one name is the other's feminine or patronymic form ("Ivanov"/
    "Ivanova", "Kowalski"/"Kowalska", "Navalny"/"Navalnaya", "-ovich"/"-ovna"): two
    people of one family, or one person's two correct forms, not a respelling."""
    x, y = a.lower(), b.lower()
    for masculine, feminine in _GENDER_ENDINGS:
        for m, f in ((x, y), (y, x)):
            if f.endswith(feminine) and m.endswith(masculine):
                stem = f[: len(f) - len(feminine)]
                if len(stem) >= 3 and m[: len(m) - len(masculine)] == stem:
                    return True
    return False


def _distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """rapidfuzz's Levenshtein distance; rapidfuzz is imported when names are first compared
    (its import is about 4% of a one-file run, most of which compare none), and this name
    then is the C function itself."""
    global _distance
    from rapidfuzz.distance import Levenshtein

    _distance = Levenshtein.distance
    return _distance(a, b, score_cutoff=score_cutoff)


def similar(a: str, b: str) -> bool:
    if strip_accents(a).lower() == strip_accents(b).lower():
        return False  # accents or capitals only ("MacPherson"/"Macpherson"): typography, not a respelling
    if is_derivation(a, b) or is_gender_form(a, b):
        return False
    fa, fb = folded(a), folded(b)
    limit = 1 if min(len(a), len(b)) <= 4 else 2
    return _distance(fa, fb, score_cutoff=limit) <= limit


def candidate_pairs(strings: Iterable[str], lone: Container[str] = frozenset()) -> list[tuple[str, str]]:
    """Similar pairs among ``strings``, compared only inside skeleton blocks; two strings of
    ``lone`` are not compared (a pair needs one string outside it)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for s in sorted(set(strings)):
        if not folded(s):
            # No Latin letter ("Путин", "習近平"): no spelling key, compared with nothing
            # (their common key, the empty one, made every pair of them similar, and
            # one long article of other scripts a block of all its words).
            continue
        key = skeleton(s)
        blocks[key].append(s)
        other = second_skeleton(s)
        if other != key:
            blocks[other].append(s)
    pairs = []
    found: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) < _BATCH_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if (a, b) not in found and not (a in lone and b in lone) and similar(a, b):
                        found.add((a, b))
                        pairs.append((a, b))
            continue
        # A large block: rapidfuzz scores one name against the rest of the block in C and
        # returns only those within the widest limit; ``similar`` then decides exactly.
        # A string of ``lone`` is scored against the others after it only (``others``: their
        # places in the block).
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        folded_members = [folded(m) for m in members]
        others = [k for k, m in enumerate(members) if m not in lone]
        folded_others = [folded_members[k] for k in others]
        for i, a in enumerate(members):
            if a in lone:
                first = bisect_right(others, i)
                places, choices = others[first:], folded_others[first:]
            else:
                places, choices = range(i + 1, len(members)), folded_members[i + 1 :]
            close = process.extract(
                folded_members[i],
                choices,
                scorer=Levenshtein.distance,
                score_cutoff=_WIDEST_LIMIT,
                limit=None,
            )
            for index in sorted(k for _, _, k in close):
                b = members[places[index]]
                if (a, b) not in found and similar(a, b):
                    found.add((a, b))
                    pairs.append((a, b))
    return pairs


def block_keys(word: str) -> tuple[str, ...]:
    """The blocks a name word is compared in: ``w:`` and its two skeletons, ``f:`` and its
    letters after the first when that first letter is one transliterations swap
    (``_first_letter_pairs``).  The corpus index reads a changed document's blocks."""
    keys = ["w:" + skeleton(word)]
    other = second_skeleton(word)
    if other != skeleton(word):
        keys.append("w:" + other)
    if len(word) >= 5 and word[0].lower() in _FIRST_LETTERS:
        keys.append("f:" + strip_accents(word[1:]).lower())
    return tuple(keys)


def block_pairs(key: str, words: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs ``find_variants`` may compare among the words of one block."""
    words = [w for w in words if _comparable(w)]
    return _first_letter_pairs(words) if key.startswith("f:") else candidate_pairs(words)


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
        self._titled: dict[str, dict[str, list[Mention]]] = {}
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

    def titled(self, surname: str) -> dict[str, list[Mention]]:
        """The mentions of a surname per specific title word right before it ("Prince",
        "Chancellor"; not a form of address such as "Mr")."""
        grouped = self._titled.get(surname)
        if grouped is None:
            grouped = self._titled[surname] = _group((m for m in self.by_surname[surname] if _title_word(m)), _title_word)
        return grouped

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
    facts_by_path: dict[str, NameFacts],
    paths: list[str],
    accepted: Callable[[str], bool] = lambda _: False,
    documents: dict[str, int] | None = None,
    lower: Iterable[str] = (),
) -> list[Variant]:
    """Every mention spelled as a variant of another spelling of the same person.

    ``accepted`` says whether a spelling (a word, or a full name) is the newsroom's own:
    an accepted spelling is canonical whatever the counts, and never reported.
    When the facts are only part of the corpus (a run through the corpus index),
    ``documents`` gives, for some spellings, in how many documents of the whole corpus
    they are written, and ``lower`` words the whole corpus writes in lower case.
    """
    mentions = [m for p in paths if p in facts_by_path for m in facts_by_path[p].mentions]
    lower_forms = set().union(*(f.lower_forms for f in facts_by_path.values())) if facts_by_path else set()
    lower_forms.update(lower)

    index = _Index(mentions)
    by_surname, by_given = index.by_surname, index.by_given
    # Either spelling of a pair may be an ordinary word ("John", "William") or written in
    # lower case somewhere: the canonical one may, the reported one may not (``report``).
    person_surnames = {s for s, ms in by_surname.items() if _comparable(s) and any(m.evidence for m in ms)}
    person_givens = {g for g, ms in by_given.items() if _comparable(g) and any(m.evidence for m in ms)}
    # In how many documents each name word is written: the weight of a spelling.
    documents_of: Counter[str] = Counter()
    for p in paths:
        if p in facts_by_path:
            documents_of.update({w for m in facts_by_path[p].mentions for w in m.words})
    for word, count in (documents or {}).items():
        documents_of[word] = count
    # Whether a full name is accepted, asked once per name; whether a list of mentions
    # holds one, asked once per list (the lists of frequent names are shared by pairs).
    accepted_names: dict[tuple[str, ...], bool] = {}
    accepted_lists: dict[int, tuple[list[Mention], bool]] = {}

    variants: list[Variant] = []
    seen: set[tuple[str, int]] = set()
    # The lists of mentions emitted so far (by identity; each kept, so its id stays its
    # own): every mention of such a list is seen already, and a list of a frequent name
    # reported in many pairs is not walked again for each.
    emitted: dict[int, list[Mention]] = {}

    def emit(
        found: list[Mention], canon: list[Mention], role: str, a: str, b: str, evidence: str, tie: bool, group: Group, word: bool = False
    ) -> None:
        if emitted.get(id(found)) is found:
            return
        emitted[id(found)] = found
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
            variants.append(Variant(m, role, a, b, canonical, counts, evidence, tie, group, _word_loc(m, a) if word else None))

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

    def reportable(word: str) -> bool:
        """The rarer spelling of a pair is reported only when it is no ordinary word and
        never written in lower case in the corpus."""
        return person_spelling(word, lower_forms)

    def report(
        ma: list[Mention], mb: list[Mention], role: str, a: str, b: str, evidence: str, partner: str | None, word: bool = False
    ) -> None:
        """Report the pair ``a``/``b``; ``partner`` is the name part both share, if any."""
        ok_a, ok_b = is_accepted(a, ma), is_accepted(b, mb)
        if ok_a and ok_b:
            return  # both spellings are the newsroom's: two people, or its own choice
        if ok_a or ok_b:
            weight = 1 if ok_a else -1
        else:
            weight = _weigh(ma, mb, a, b, role, documents_of)
        if weight == 0 and not (reportable(a) and reportable(b)):
            weight = -1 if reportable(a) else 1  # the ordinary word is the canonical one
        if weight != 0:
            if weight > 0:
                ma, mb, a, b = mb, ma, b, a  # ``a`` is reported, ``b`` is canonical
            if not reportable(a):
                return
            if ok_a or ok_b:
                evidence = f"{evidence}; '{b}' is the accepted spelling"
            emit(ma, mb, role, a, b, evidence, False, group(role, partner, ma, mb, a, b, False), word)
            return
        pair = group(role, partner, ma, mb, a, b, True)
        emit(ma, mb, role, a, b, evidence, True, pair, word)
        emit(mb, ma, role, b, a, evidence, True, pair, word)

    # Surnames.
    for a, b in candidate_pairs(person_surnames):
        shared = _common(index.givens(a), index.givens(b))
        # A shared given name is weak evidence when the surnames differ by more than one
        # letter after folding, other than by letters moved ("Mujahid"/"Majuhid"): "Brian
        # Boyle" and "Brian Bailey", "Steve Janssen" and "Steve Johnson" are two people.
        if shared and (_distance(folded(a), folded(b), score_cutoff=1) <= 1 or sorted(folded(a)) == sorted(folded(b))):
            given = shared[0]
            # The mentions with that given name or none, in the documents where either
            # spelling has that given name.
            sa = index.with_partner(a, given, b)
            sb = index.with_partner(b, given, a)
            report(sa, sb, "surname", a, b, f"both with the given name '{given}'", given)
            continue
        families = _two_families(a, b)
        if _one_edit(a, b):
            # The same office before both spellings ("Prince William"/"Prince Wiliam",
            # "Chancellor Scholz"/"Chancellor Scolz"), in any documents; two frequent
            # surnames only after the same given name read as a title ("Don McDonald"/
            # "Don MacDonald"), not after "Professor" ("Cohen"/"Chen").
            titled_a, titled_b = index.titled(a), index.titled(b)
            common_titles = [t for t in _common(titled_a, titled_b) if not families or _given.is_given_name(t)]
            if common_titles:
                title = common_titles[0]
                report(titled_a[title], titled_b[title], "surname", a, b, f"both after '{title}'", None)
                continue
        if _one_edit(a, b) and not families:
            # A name many documents write one way against a string one document writes
            # ("Biden" in five articles, "Beden" in one).
            # The usual spelling's count says how a person's name is written only when it
            # is no ordinary word nor a given name standing alone: "Sea" and "Belt" in ten
            # articles, "Sarah" in eleven, are no count of "Sheehy", "Bult" or "Shara".
            docs_a, docs_b = documents_of[a], documents_of[b]
            if min(docs_a, docs_b) == 1 and max(docs_a, docs_b) >= _WELL_KNOWN:
                rare, usual = (a, b) if docs_a == 1 else (b, a)
                if (
                    reportable(rare)
                    and not _given.is_given_name(rare)
                    and not is_common_word(usual)
                    and not _given.is_given_name(usual, strict=True)
                    and any(m.evidence for m in by_surname[rare])
                ):
                    report(by_surname[rare], by_surname[usual], "surname", rare, usual, f"'{usual}' in {max(docs_a, docs_b)} articles", None)
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
            if _two_people(a, b, surnames_a[surname], surnames_b[surname], surname):
                continue
            report(surnames_a[surname], surnames_b[surname], "given", a, b, f"both with the surname '{surname}'", surname)
    # Any word of a name against any other in one article: a respelled given name beside
    # its surname alone ("Jahn Goodman" ... "John"), a word the title stripping left inside
    # ("Minister Klera Geywitz" ... "Minister Klara Geywitz"), a surname whose only person
    # evidence is on the other spelling ("Pillay said" ... "Dr. Pilay").
    for path in paths:
        facts = facts_by_path.get(path)
        if facts is not None and facts.mentions:
            for a, b, ma, mb in _document_pairs(facts.mentions):
                report(ma, mb, _role(ma, a), a, b, "in the same article", None, word=True)
    return variants


#: A name written in this many documents is well known: one document's look-alike of
#: it is reported without a shared partner.
_WELL_KNOWN = 4
#: Forms of address: they say a person is named, not which one.
_ADDRESS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Father", "Saint", "St", "Democrat", "Republican", "Officer"})


def _two_families(a: str, b: str) -> bool:
    """Both spellings are frequent surnames ("Daley"/"Daly", "Smyth"/"Smith",
    "Cohen"/"Chen": ``surnames.is_frequent_surname``): without a given name in common or
    the same article, they name two families, not one person spelled two ways."""
    return is_frequent_surname(a) and is_frequent_surname(b)


def _two_people(a: str, b: str, ma: list[Mention], mb: list[Mention], surname: str) -> bool:
    """Two given names with one surname are two people when both given names are real
    ones ("Gavan"/"Gavin", "Jan"/"John", "Jon"/"John"), the surname is a frequent one
    ("O'Connor", "Edwards", "Hayes") and no article writes both; and a "surname" that
    is an ordinary word and no surname ("Johannes Kepler University") names no person."""
    if is_common_word(surname) and not is_frequent_surname(surname):
        return True
    if not (_given.is_given_name(a, strict=True) and _given.is_given_name(b, strict=True) and is_frequent_surname(surname)):
        return False
    return not ({m.full.path for m in ma} & {m.full.path for m in mb})


def _title_word(m: Mention) -> str | None:
    """The capitalised word right before a name, when it is an office or a rank."""
    words = m.title.split()
    if not words:
        return None
    word = words[-1].rstrip(".,")
    if not word[:1].isupper() or word in _ADDRESS or not word.isalpha():
        return None
    return word


def _comparable(word: str) -> bool:
    return len(word) >= 3 and not word.isupper()


def _weigh(
    ma: list[Mention], mb: list[Mention], a: str, b: str, role: str, documents_of: Counter[str]
) -> int:
    """Which spelling is canonical: 1 for ``a``, -1 for ``b``, 0 for a tie.

    The evidence, strongest first: the spelling more *documents* of the corpus use (a
    new article that repeats a misspelling many times does not turn it canonical; the
    whole corpus, not the scope of the evidence, says how a name is usually written),
    then, when the mentions differ in number, a known given name against an unknown
    string (for given names: "Volodimir" written three times in one article does not
    outweigh "Volodymyr" once in another), then the spelling with more mentions in the
    scope of the evidence.  Equal documents and mentions are a tie, reported at both
    spellings: no order of documents says which came first.
    """
    # The documents of the mentions count only for a spelling the corpus counts in none
    # (asked of the lists themselves only then: a frequent name's list is long).
    weight_a = documents_of[a] or len({m.full.path for m in ma})
    weight_b = documents_of[b] or len({m.full.path for m in mb})
    if weight_a != weight_b:
        return 1 if weight_a > weight_b else -1
    if len(ma) == len(mb):
        return 0
    if role == "given":
        known_a, known_b = _given.is_given_name(a, strict=True), _given.is_given_name(b, strict=True)
        if known_a != known_b:
            return 1 if known_a else -1
    return 1 if len(ma) > len(mb) else -1


# First letters that transliterations exchange: "Günther"/"Hünther", "Yuri"/"Juri",
# "Kharkiv"/"Harkiv" (a blocking key keeps the first letter, so these pairs meet only here).
_FIRST_LETTER_SWAPS = frozenset({frozenset("gh"), frozenset("jy"), frozenset("kh")})
_FIRST_LETTERS = "ghjyk"


def _first_letter_pairs(words: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of words of five letters or more that differ only in a first letter that
    transliterations exchange."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for w in sorted(words):
        if len(w) >= 5 and w[0].lower() in _FIRST_LETTERS:
            by_rest[strip_accents(w[1:]).lower()].append(w)
    pairs = []
    for members in by_rest.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if frozenset((a[0].lower(), b[0].lower())) in _FIRST_LETTER_SWAPS:
                    pairs.append((a, b))
    return pairs


def _person_word(word: str, mentions: list[Mention]) -> bool:
    """A word of one document that names a person without context evidence: a known
    given name, or a surname that follows a given name once and stands alone elsewhere
    ("Gavin Newsom" ... "Newsom"; the given name may follow an unknown title word)."""
    if _given.is_given_name(word, strict=True):
        return True
    ends_full_name = alone = False
    for m in mentions:
        if len(m.words) == 1:
            alone = True
        elif m.words[-1] == word and any(_given.is_given_name(w) for w in m.words[:-1]):
            ends_full_name = True
    return ends_full_name and alone


def _final_e(a: str, b: str) -> bool:
    """One is the other with an e added at its end ("Hall"/"Halle", "Brown"/"Browne")."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return long == short + "e"


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or only a transliteration swap apart."""
    x, y = strip_accents(a).lower(), strip_accents(b).lower()
    return folded(x) == folded(y) or _distance(x, y, score_cutoff=1) <= 1


def _role(mentions: list[Mention], word: str) -> str:
    """"surname" when ``word`` ends every mention it is in, else "given" (the whole
    name is then reported, as for a given name)."""
    return "surname" if all(m.words[-1] == word for m in mentions) else "given"


def _word_loc(m: Mention, word: str) -> Loc:
    """Where ``word`` is in mention ``m``: its surname, its given name, or the whole name."""
    if m.words[-1] == word:
        return m.surname_loc
    if m.given_loc is not None and m.words[0] == word:
        return m.given_loc
    return m.full


class _Memo(dict):
    """A set given by a test of its members, each tested once, when first asked about."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, key: str) -> bool:
        value = self[key] = self.test(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self[key]  # type: ignore[index]


def _document_pairs(mentions: Sequence[Mention]) -> list[tuple[str, str, list[Mention], list[Mention]]]:
    """Similar name words of one document that may be one person's, with their mentions.

    A pair needs person evidence on a mention of either spelling, and is left out when
    both spellings stand in full names that share no other word (two people: "Bryan
    Adams" and "Brian Jones").
    """
    occurrences: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        words = m.words
        for w in dict.fromkeys(words) if len(words) > 1 else words:
            if len(w) >= 3 and not w.isupper():  # _comparable(w)
                occurrences[w].append(m)
    # Each mention's words as a set, and the words of every mention of a name word, built
    # once per list of mentions and compared once per two lists (one long line of capitalised
    # words is one mention of thousands of words: its pairs must not rebuild it each time).
    words_of = {id(m): frozenset(m.words) for m in mentions}
    union_of: dict[tuple[int, ...], frozenset[str]] = {}
    shared_of: dict[tuple[tuple[int, ...], tuple[int, ...]], frozenset[str]] = {}

    def words_around(ms: list[Mention]) -> tuple[tuple[int, ...], frozenset[str]]:
        key = tuple(map(id, ms))
        words = union_of.get(key)
        if words is None:
            words = union_of[key] = frozenset().union(*(words_of[id(m)] for m in ms))
        return key, words

    # A word with no person evidence, no person word (``_person_word``) and no other word
    # beside it in any mention pairs only with a word that has one of these: two such words
    # fail every test below, so they are not compared (an article of thousands of odd words
    # whose Latin letters fold to one or two would make a block of all of them).
    def is_lone(w: str) -> bool:
        ms = occurrences[w]
        return len(words_around(ms)[1]) == 1 and not any(m.evidence for m in ms) and not _person_word(w, ms)

    # Asked only of the words that share a block with another (most words of most
    # articles share none), and once per word.
    lone = _Memo(is_lone)
    pairs = []
    for a, b in candidate_pairs(occurrences, lone) + _first_letter_pairs(occurrences):
        ma, mb = occurrences[a], occurrences[b]
        if any(b in words_of[id(m)] for m in ma):
            continue  # both in one name: "Jan Janssen", two words of one person
        # No mention holds both words, so ``a`` is no partner of ``b`` nor ``b`` of ``a``:
        # the partners shared are the words common to the mentions of both.
        key_a, around_a = words_around(ma)
        key_b, around_b = words_around(mb)
        shared = shared_of.get((key_a, key_b))
        if shared is None:
            shared = shared_of[(key_a, key_b)] = around_a & around_b
        if len(around_a) > 1 and len(around_b) > 1 and not shared:
            continue
        evidence_a, evidence_b = any(m.evidence for m in ma), any(m.evidence for m in mb)
        if any(_comparable(w) and not is_common_word(w) for w in shared) or (evidence_a and evidence_b):
            pass  # a shared partner ("Klara"/"Klera Geywitz"), or both named as people
        elif not _one_edit(a, b) or _final_e(a, b):
            continue  # a person beside a place or a thing of like spelling: "Pompeo"/"Pompeii", "Hall"/"Halle"
        elif not (evidence_a or evidence_b or _person_word(a, ma) or _person_word(b, mb)):
            continue
        pairs.append((a, b, ma, mb))
    return pairs

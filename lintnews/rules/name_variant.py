"""N101 name-variant."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.corpus import Corpus
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.names.mentions import NAMES, NameFacts, mention_from_row, mention_row
from lintnews.analyses.names.variants import block_keys, block_pairs, find_variants, person_spelling
from lintnews.core.rule import CorpusRule, register
from lintnews.analyses.term_lists import ACCEPT

_SHOWN = 4


@register
class NameVariant(CorpusRule):
    """Finds a person's name spelled differently from its usual spelling in the corpus
    or the article: ``Badin`` beside ``Biden``, ``Tariq Erian`` beside ``Tariq Arian``.

    Why: machine translation transliterates names afresh each time, and spinners swap
    letters; the same person spelled two ways is the most visible mark of unedited
    translated news, and readers and search engines take them for two people.

    Example: ``many voices are calling on Democrat Badin`` in an article that writes
    ``Biden`` three times -> ``'Badin' looks like 'Biden' (3 mentions: 000:8, ...)``.

    How: names are found as capitalised runs with person evidence (an honorific, a role
    such as "spokesman", a known given name, a speech verb after it, "said." at a
    sentence end included, or before it: "..., explains Vakhoshkin"); spellings are
    compared only inside blocks of equal consonant skeleton (and a second key for
    "sch"/"sh", "kh"/"h", "zh"/"j", "hs"/"x" and a g/h swap after the first letter:
    "Jogn"/"John"), scored with rapidfuzz, and reported only with supporting context: a shared
    given name or surname, the same office right before both ("Prince William"/"Prince
    Wiliam"), a name many articles write against one article's look-alike, or the same
    article.  Inside one article every word of a name is compared with every other,
    whatever its place ("Jahn Goodman" ... "John"), and the person evidence of either
    spelling is enough when they are one letter or a transliteration swap apart.
    Feminine and patronymic forms (Ivanov/Ivanova, Kowalski/Kowalska, -ovich/-ovna) and
    differences of accents or capitals only are not respellings.  Two frequent surnames
    (``Daley``/``Daly``, ``Smyth``/``Smith``: the 20,000 most frequent of the US Census)
    in different articles are two families unless a given name is shared, and two real
    given names with one frequent surname in different articles (``Jan``/``John
    Edwards``) are two people.
    The canonical spelling is the one more articles use, then (given names) a known given
    name, then the one written more often: a new article that repeats a misspelling
    does not make it canonical.  The reported spelling is never an ordinary English word
    nor a word the corpus writes in lower case; the canonical one may be ("John").
    Names the corpus has never seen twice are not errors; a name is never auto-fixed.
    A spelling in the configuration's accepted terms (``accept``, ``accept-file``) is
    canonical whatever the counts: "Zabihullah Mujahid is our spelling".
    Reads quoted speech too: a name is spelled the same inside and outside quotes.
    """

    code = "N101"
    name = "name-variant"
    severity = "error"

    options = (ACCEPT,)

    needs = (NAMES,)

    def collect(self, doc: Document, names: NameFacts) -> NameFacts:
        return names

    # Names are only ever compared inside a block (``block_keys``: the two consonant
    # skeletons of a word, and its letters after a first letter that transliterations
    # swap), whatever their place in the name, so a mention's findings depend only on the
    # mentions and lower-case forms of the blocks of its words.
    # A slice is ``[path, lower-case forms, [index, mention as plain values], ...]``: the
    # mentions of a frequent name are read by the ten thousand (mention_row).
    def slices(self, facts: NameFacts) -> list[tuple[str | None, Any]]:
        blocks: dict[str, tuple[list[list], set[str]]] = {}
        path = facts.mentions[0].full.path if facts.mentions else ""
        for i, m in enumerate(facts.mentions):
            row = [i, mention_row(m)]
            keys = {key for w in m.words for key in block_keys(w)}
            for key in sorted(keys):
                blocks.setdefault(key, ([], set()))[0].append(row)
        for word in facts.lower_forms:
            for key in block_keys(word):
                blocks.setdefault(key, ([], set()))[1].add(word)
        return [(key, [path, sorted(lower), *rows]) for key, (rows, lower) in blocks.items()]

    def join(self, slices: list[Any]) -> NameFacts:
        mentions: dict[int, Any] = {}
        lower: set[str] = set()
        shared: dict = {}
        for part in slices:
            if type(part) is not list or len(part) < 2 or type(part[0]) is not str or type(part[1]) is not list:
                raise ValueError("not a slice of name facts")
            path, forms = part[0], part[1]
            if not all(type(w) is str for w in forms):
                raise ValueError("lower-case forms are strings")
            lower.update(forms)
            for item in part[2:]:
                if type(item) is not list or len(item) != 2 or type(item[0]) is not int:
                    raise ValueError("a mention is an index and its values")
                if item[0] not in mentions:
                    mentions[item[0]] = mention_from_row(item[1], path, shared)
        return NameFacts(tuple(mentions[i] for i in sorted(mentions)), frozenset(lower))

    def tally(self, key: str, slice: Any) -> dict[str, int]:
        """The spellings of the block (the words of its mentions that have its key), ``+``
        before those of a mention with person evidence, ``-`` before the words written in
        lower case: what says whether a block can hold a reported pair."""
        counts: dict[str, int] = {}
        for _, row in slice[2:]:
            for word in dict.fromkeys(row[0]):
                if key in block_keys(word):
                    tag = ("+" if row[6] else "=") + word
                    counts[tag] = counts.get(tag, 0) + 1
        for word in slice[1]:
            counts["-" + word] = counts.get("-" + word, 0) + 1
        return counts

    def wants_slices(self, key: str, totals: dict[str, int]) -> bool:
        """A block reports nothing unless two of its spellings are similar and one of
        them may be reported (``find_variants``: a person spelling; the other may be an
        ordinary word, and person evidence may come from the article)."""
        lower = {name[1:] for name in totals if name[0] == "-"}
        spellings = {name[1:] for name in totals if name[0] != "-"}
        return any(person_spelling(a, lower) or person_spelling(b, lower) for a, b in block_pairs(key, spellings))

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        for v in find_variants(corpus.of(self.code), corpus.paths, self.settings.accept.matches):
            m = v.mention
            loc = v.loc or (m.full if v.role == "given" else m.surname_loc)
            where = ", ".join(corpus.label(c.full) for c in v.canonical_mentions[:_SHOWN])
            more = ", ..." if len(v.canonical_mentions) > _SHOWN else ""
            n = len(v.canonical_mentions)
            if v.tie:
                message = (
                    f"'{v.found}' and '{v.canonical}' look like one person spelled two ways ({v.evidence}); "
                    f"'{v.canonical}' at {where}{more}: choose one spelling"
                )
            else:
                message = (
                    f"'{v.found}' looks like '{v.canonical}' ({n} mention{'s' if n != 1 else ''}: {where}{more}; "
                    f"{v.evidence})"
                )
            related = [c.full.related(f"'{v.canonical}' here") for c in v.canonical_mentions[:_SHOWN]]
            yield self.finding_at(loc, message, suggestion=None if v.tie else v.canonical, related=related, group=v.group)

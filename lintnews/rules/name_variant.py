"""N101 name-variant."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.core.corpus import Corpus
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.names.keys import skeleton
from lintnews.analyses.names.mentions import NAMES, NameFacts, mention_from_row, mention_row
from lintnews.analyses.names.variants import candidate_pairs, find_variants, person_spelling
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
    such as "spokesman", a known given name, "said" after it); spellings are compared
    only inside blocks of equal consonant skeleton, scored with rapidfuzz, and reported
    only with supporting context: a shared given name or surname, or the same article.
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

    # Names are only ever compared inside a block of equal consonant skeleton (surnames
    # with surnames, given names with given names), so a mention's findings depend only on
    # the mentions and lower-case forms of its surname's and its given name's blocks.
    # A slice is ``[path, lower-case forms, [index, mention as plain values], ...]``: the
    # mentions of a frequent name are read by the ten thousand (mention_row).
    def slices(self, facts: NameFacts) -> list[tuple[str | None, Any]]:
        blocks: dict[str, tuple[list[list], set[str]]] = {}
        path = facts.mentions[0].full.path if facts.mentions else ""
        for i, m in enumerate(facts.mentions):
            row = [i, mention_row(m)]
            blocks.setdefault("s:" + skeleton(m.surname), ([], set()))[0].append(row)
            if m.given:
                blocks.setdefault("g:" + skeleton(m.given), ([], set()))[0].append(row)
        for word in facts.lower_forms:
            key = skeleton(word)
            for kind in ("s:", "g:"):
                blocks.setdefault(kind + key, ([], set()))[1].add(word)
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
        """The spellings of the block (surnames in a surname block, given names in a given
        one), ``+`` before those of a mention with person evidence, ``-`` before the words
        written in lower case: what says whether a spelling is a person's."""
        counts: dict[str, int] = {}
        name_at = 2 if key.startswith("s:") else 1  # in a mention row: given 1, surname 2
        for _, row in slice[2:]:
            tag = ("+" if row[6] else "=") + row[name_at]
            counts[tag] = counts.get(tag, 0) + 1
        for word in slice[1]:
            counts["-" + word] = counts.get("-" + word, 0) + 1
        return counts

    def wants_slices(self, key: str, totals: dict[str, int]) -> bool:
        """A block reports nothing unless two of its person spellings are similar
        (``find_variants``: eligible, with person evidence somewhere in the corpus)."""
        lower = {name[1:] for name in totals if name[0] == "-"}
        people = {name[1:] for name in totals if name[0] == "+"}
        return bool(candidate_pairs(s for s in people if person_spelling(s, lower)))

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        for v in find_variants(corpus.of(self.code), corpus.paths, self.settings.accept.matches):
            m = v.mention
            loc = m.full if v.role == "given" else m.surname_loc
            where = ", ".join(c.full.short() for c in v.canonical_mentions[:_SHOWN])
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

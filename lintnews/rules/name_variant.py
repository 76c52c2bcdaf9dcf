"""N101 name-variant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lintnews.core.corpus import Corpus
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.names.keys import skeleton
from lintnews.analyses.names.mentions import NAMES, NameFacts
from lintnews.analyses.names.variants import candidate_pairs, find_variants
from lintnews.core.rule import CorpusRule, register
from lintnews.analyses.term_lists import TermList

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

    def __init__(self) -> None:
        self.accept = TermList()

    def configure(self, settings: dict[str, Any]) -> None:
        self.accept = settings.get("accept", TermList())

    needs = (NAMES,)

    def collect(self, doc: Document, names: NameFacts) -> NameFacts:
        return names

    # Names are only ever compared inside a block of equal consonant skeleton (surnames
    # with surnames, given names with given names), so a mention's findings depend only on
    # the mentions and lower-case forms of its surname's and its given name's blocks.
    def slices(self, facts: NameFacts) -> list[tuple[str | None, Any]]:
        blocks: dict[str, tuple[list[tuple[int, Any]], set[str]]] = {}
        for i, m in enumerate(facts.mentions):
            blocks.setdefault("s:" + skeleton(m.surname), ([], set()))[0].append((i, m))
            if m.given:
                blocks.setdefault("g:" + skeleton(m.given), ([], set()))[0].append((i, m))
        for word in facts.lower_forms:
            key = skeleton(word)
            for kind in ("s:", "g:"):
                blocks.setdefault(kind + key, ([], set()))[1].add(word)
        return [(key, (tuple(ms), frozenset(lower))) for key, (ms, lower) in blocks.items()]

    def join(self, slices: list[Any]) -> NameFacts:
        mentions: dict[int, Any] = {}
        lower: set[str] = set()
        for ms, forms in slices:
            mentions.update(ms)
            lower |= forms
        return NameFacts(tuple(mentions[i] for i in sorted(mentions)), frozenset(lower))

    def tally(self, key: str, slice: Any) -> dict[str, int]:
        """The spellings of the block: surnames in a surname block, given names in a given one."""
        mentions, _lower = slice
        counts: dict[str, int] = {}
        for _, m in mentions:
            name = m.surname if key.startswith("s:") else m.given
            counts[name] = counts.get(name, 0) + 1
        return counts

    def wants_slices(self, key: str, totals: dict[str, int]) -> bool:
        """A block whose spellings hold no similar pair reports nothing."""
        return bool(candidate_pairs(totals))

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        for v in find_variants(corpus.of(self.code), corpus.paths, self.accept.matches):
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
            yield self.finding_at(loc, message, suggestion=None if v.tie else v.canonical, related=related)

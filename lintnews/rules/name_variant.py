"""N101 name-variant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lintnews.core.corpus import Corpus
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.analyses.names.mentions import NAMES, NameFacts
from lintnews.analyses.names.variants import find_variants
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

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        for v in find_variants(corpus.of(self.code), corpus.paths, self.accept.matches):
            m = v.mention
            loc = v.loc or (m.full if v.role == "given" else m.surname_loc)
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

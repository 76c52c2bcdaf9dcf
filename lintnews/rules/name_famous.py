"""N104 famous-name-respelled."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.analyses.dictionary import is_common_word
from lintnews.analyses.names.mentions import NAMES, NameFacts
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.rule import DocumentRule, register


@register
class FamousNameRespelled(DocumentRule):
    """Finds a famous office-holder's name respelled: ``Vladimir Putyn`` for ``Vladimir
    Putin``, known from the shipped table of office-holders, in an article that never
    spells the name right.

    Why: machine translation transliterates a name afresh in every article, and a
    spinner swaps its letters; when the article never writes the right spelling, only
    knowing who is famous shows the error.

    Example: ``President Vladimir Putyn said`` -> ``'Vladimir Putyn' looks like 'Vladimir
    Putin' (President of Russia)``.

    How: a person's full name (N101's person evidence) that is no office-holder's of the
    shipped table (``lintnews/data/offices.tsv``) is looked up among the holders of the
    compared offices (heads of state and government, ministers of the compared
    portfolios, secretaries-general, chief justices): the same given name and a surname
    one letter-edit away (a transliteration swap such as y/i or w/v counts as one), or
    the same surname and a given name one edit away; two edits are too many, real
    namesakes are two apart ("Chris Higgins"/"Chris Hipkins").  A surname written alone
    after an office of a named country ("German Chancellor Scolz") is compared with the
    holders of that office by the same measure.  It is reported only when exactly one
    holder is that close, when the article does not write the holder's surname itself
    (N101 compares the two then), and never when both surnames are frequent surnames
    ("Johnston"/"Johnson": two families) or the written surname is an ordinary English
    word.  A suggestion only: a name is never auto-fixed.
    """

    code = "N104"
    name = "famous-name-respelled"
    severity = "warning"

    needs = (NAMES,)

    def check(self, doc: Document, names: NameFacts) -> Iterator[Finding]:
        from lintnews.analyses.famous import famous_by_title, famous_lookalike  # the office table only for a document with names

        surnames = {m.surname for m in names.mentions}
        for m in names.mentions:
            if not m.evidence or is_common_word(m.surname) or m.surname in names.lower_forms:
                continue
            if len(m.words) >= 2 and m.given is not None:
                hit = famous_lookalike(m.words)
            elif len(m.words) == 1 and m.title:
                hit = famous_by_title(m.surname, m.title)
            else:
                continue
            if hit is None:
                continue
            if hit.name.split()[-1] in surnames or hit.name.split()[0] == m.words[-1]:
                continue  # the article writes the holder's surname: N101's case
            written = " ".join(m.words)
            yield self.finding_at(m.full, f"'{written}' looks like '{hit.name}' ({hit.office})", suggestion=hit.name)

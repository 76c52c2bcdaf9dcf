"""Cues that a capitalised word starts a person's name, shared by N102 and G103: a
title or role word right before it ("Minister Sergei", "spokesman Emil",
"Attorney-general Iryna").  A title stands before a full name or a surname, rarely
before a given name alone; so a bare given name after one is the start of a full name."""

from __future__ import annotations

import functools
import re

from lintnews.analyses.names.mentions import context

# Titles and roles written before a name that the shared lists may lack.
_MORE_TITLES = frozenset("MP Secretary Minister Professor Doctor Premier Director Head Owner Spokesman Spokeswoman".split())
_WORD_BEFORE = re.compile(r"([\w.-]+) $")
# Honorifics that stand before a surname alone as often as before a full name.
_BEFORE_SURNAMES = frozenset("Mr Mrs Ms Miss Mx Dr Prof Herr Frau Madame Monsieur Mme".split())


@functools.lru_cache(maxsize=None)
def titles() -> frozenset[str]:
    """Capitalised titles and honorifics, without their full stops ("Dr", "Minister")."""
    return frozenset(h.rstrip(".") for h in context()["honorifics"]) | _MORE_TITLES


def after_title(view: str, start: int) -> bool:
    """Whether the word before ``start`` (one space before it) is a title or a role word
    that stands before a full name ("Minister", "spokesman"), not one that stands before
    a surname alone ("Mr", "Dr": "Mr Biden. Afghan forces" ends a sentence on a surname)."""
    m = _WORD_BEFORE.search(view, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1).rsplit("-", 1)[-1].rstrip(".")
    if word in _BEFORE_SURNAMES:
        return False
    return word.lower() in context()["roles"] or word in titles() or word.capitalize() in titles()


# Agent nouns not on the roles list ("driver", "broker", "engineer", "pianist"); words
# with those endings that are no agents.
_AGENT_ENDINGS = ("er", "or", "ist", "ian")
_NOT_AGENTS = frozenset(
    """other after over under never ever either neither whether however rather later former earlier
    together further another whatever whenever wherever per for nor order number member""".split()
)


def after_role(view: str, start: int) -> bool:
    """:func:`after_title`, or an agent noun before ``start`` ("tanker driver Imád", "the
    broker Will"): a weaker cue, for tokens that cannot stand between two names anyway."""
    if after_title(view, start):
        return True
    m = _WORD_BEFORE.search(view, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    return word.islower() and len(word) >= 5 and word.endswith(_AGENT_ENDINGS) and word not in _NOT_AGENTS

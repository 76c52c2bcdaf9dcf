"""Find the capitalised runs of a document that may name people, with the evidence.

A mention is a run of capitalised words ("Tariq Erian", "Mr. Pompeo", "Joseph R. Biden
Jr.") with leading titles and ordinary English words stripped ("Foreign Secretary Mike
Pompeo" -> "Mike Pompeo", title "Foreign Secretary").  Its ``evidence`` says why it
names a person: an honorific before it, a role noun ("spokesman"), a known given name
as its first word, or a speech verb after it ("said").  Runs without evidence are kept:
"Biden" at a sentence start names a person because other mentions of "Biden" say so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lintnews.corpus import Loc
from lintnews.data import builtin_yaml, word_list
from lintnews.document import Document
from lintnews.lexicon import is_common_word

_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*\.?|\d+(?:[.,:/]\d+)*|[^\w\s]")
_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "–", "—", "(", ")", "“", "”", '"', "|"})
_POSSESSIVE_ENDINGS = ("’s", "'s")


@dataclass(frozen=True)
class Mention:
    """A possible person name in one document."""

    words: tuple[str, ...]  # the name without titles: ("Mike", "Pompeo")
    given: str | None  # the first word when the name has two or more ("Mike")
    surname: str  # the last word before any suffix ("Pompeo")
    full: Loc  # the whole name
    surname_loc: Loc
    given_loc: Loc | None
    evidence: frozenset[str]  # honorific, role, given, speech
    title: str  # the words before the name in its clause ("US Secretary of State")
    stray: Loc | None = None  # a token between honorific and name ("Mr. 58 Freericks")


@dataclass(frozen=True)
class NameFacts:
    mentions: tuple[Mention, ...]
    lower_forms: frozenset[str]  # capitalised words of the mentions also written in lower case here


@functools.lru_cache(maxsize=1)
def context() -> dict[str, frozenset[str]]:
    data = builtin_yaml("person-context.yaml")
    return {key: frozenset(str(v) for v in data[key]) for key in data}


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of the offices in ``rules/titles.yaml`` ("Defence", "Minister", ...)."""
    data = builtin_yaml("titles.yaml")
    return frozenset(
        word for offices in data["portfolios"].values() for renderings in offices for r in renderings for word in str(r).split()
    )


def given_names() -> frozenset[str]:
    return word_list("given-names.txt")


@functools.lru_cache(maxsize=65536)
def _is_cap_word(tok: str) -> bool:
    word = tok.rstrip(".")
    return len(word) >= 2 and word[0].isupper() and any(c.islower() for c in word[1:])


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


@functools.lru_cache(maxsize=65536)
def _is_title_word(word: str) -> bool:
    """A leading word that is not part of a name: an honorific or an ordinary word."""
    ctx = context()
    if word in ctx["honorifics"] or word.rstrip(".") in ctx["honorifics"] or word in title_words():
        return True
    if word in given_names():
        return False
    return "-" not in word and is_common_word(word)


def extract(doc: Document) -> NameFacts:
    """All candidate person mentions of a document (pure)."""
    cached = doc.__dict__.get("_name_facts")
    if cached is not None:
        return cached
    ctx = context()
    mentions: list[Mention] = []
    cap_lower: set[str] = set()
    lower_words: set[str] = set()
    honorifics = ctx["honorifics"]
    capitalised_honorifics = all(h[:1].isupper() for h in honorifics)
    for line_start, line in doc.lines():
        tokens = [(m.group(0), line_start + m.start()) for m in _TOKEN.finditer(line)]
        lower_words.update([tok.rstrip(".") for tok, _ in tokens if tok[:1].islower()])
        n = len(tokens)
        # A run starts at a capitalised word or an honorific, so only tokens starting
        # with a capital are tried (when every honorific starts with one).
        starts = [k for k, (tok, _) in enumerate(tokens) if tok[0].isupper()] if capitalised_honorifics else range(n)
        resume = 0
        for i in starts:
            if i < resume:
                continue
            tok = tokens[i][0]
            if not (_is_cap_word(tok) or (tok.rstrip(".") in honorifics)):
                continue
            # Gather a run: capitalised words, initials, particles inside, a stray number
            # right after an honorific.
            j = i
            stray: tuple[int, int] | None = None
            while j < n:
                t = tokens[j][0]
                if _is_cap_word(t) or (_is_initial(t) and j > i):
                    j += 1
                    if t.endswith(".") and not _is_initial(t) and t.rstrip(".") not in ctx["honorifics"] and t not in ctx["suffixes"]:
                        break  # a full stop that ends the sentence ends the name
                elif t in ctx["particles"] and j + 1 < n and _is_cap_word(tokens[j + 1][0]) and j > i:
                    j += 1
                elif (
                    stray is None
                    and j > i
                    and tokens[j - 1][0].rstrip(".") in ctx["honorifics"]
                    and t[0].isdigit()
                    and j + 1 < n
                    and _is_cap_word(tokens[j + 1][0])
                ):
                    stray = (tokens[j][1], tokens[j][1] + len(t))
                    j += 1
                else:
                    break
            mention = _mention(doc, tokens, i, j, stray, ctx)
            resume = max(j, i + 1)
            if mention is not None:
                mentions.append(mention)
                cap_lower.update(w.lower() for w in mention.words)
    facts = NameFacts(tuple(mentions), frozenset(cap_lower & lower_words))
    doc.__dict__["_name_facts"] = facts
    return facts


def _clean(tok: str, ctx: dict[str, frozenset[str]]) -> str:
    """A name word without a possessive or a sentence-final full stop."""
    word = tok[:-2] if tok.endswith(_POSSESSIVE_ENDINGS) else tok
    if word.endswith(".") and not _is_initial(word) and word not in ctx["suffixes"]:
        word = word[:-1]
    return word


def _mention(doc, tokens, first_index, end_index, stray, ctx) -> Mention | None:
    run = tokens[first_index:end_index]
    if not run:
        return None
    evidence: set[str] = set()
    # Strip leading titles and ordinary words; an honorific among them is evidence.
    k = 0
    while k < len(run) and (run[k][0][0].isdigit() or _is_title_word(_clean(run[k][0], ctx))):
        if run[k][0].rstrip(".") in ctx["honorifics"] or run[k][0] in ctx["honorifics"]:
            evidence.add("honorific")
        k += 1
    name = [(t, s) for t, s in run[k:] if not (stray and s == stray[0])]
    # Drop suffixes and trailing initials/particles from the end.
    while name and (name[-1][0] in ctx["suffixes"] or _is_initial(name[-1][0]) or name[-1][0] in ctx["particles"]):
        name.pop()
    if not name:
        return None
    words = tuple(_clean(t, ctx) for t, _ in name)
    if any(len(w) < 2 for w in words):
        return None
    given = words[0] if len(words) >= 2 else None
    if given in given_names():
        evidence.add("given")
    before = tokens[first_index - 1][0] if first_index > 0 else ""
    if before.lower() in ctx["roles"] or before.rstrip(".") in ctx["honorifics"]:
        evidence.add("role" if before.islower() else "honorific")
    after_index = end_index
    after = [t for t, _ in tokens[after_index : after_index + 3]]
    if after and after[0] == ",":
        after = after[1:]
    if after and after[0] in ctx["speech"]:
        evidence.add("speech")
    # The title: the clause's words before the name, as written ("U.S. Secretary of State").
    clause_start = tokens[0][1]
    for t, s in reversed(tokens[max(0, first_index - 10) : first_index]):
        if t in _CLAUSE_BREAKS:
            clause_start = s + len(t)
            break
    else:
        clause_start = tokens[max(0, first_index - 10)][1]
    title = " ".join(doc.view[clause_start : name[0][1]].split())
    surname_tok, surname_start = name[-1]
    surname_word = words[-1]
    given_loc = Loc.of(doc, name[0][1], name[0][1] + len(words[0])) if given else None
    return Mention(
        words=words,
        given=given,
        surname=surname_word,
        full=Loc.of(doc, name[0][1], surname_start + len(surname_word)),
        surname_loc=Loc.of(doc, surname_start, surname_start + len(surname_word)),
        given_loc=given_loc,
        evidence=frozenset(evidence),
        title=title,
        stray=Loc.of(doc, *stray) if stray else None,
    )

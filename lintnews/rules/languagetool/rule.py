"""L101 languagetool: grammar, confused words and typos from LanguageTool (optional)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from lintnews.core.corpus import Corpus, Loc
from lintnews.core.document import Document
from lintnews.core.finding import Finding
from lintnews.core.lines import LineIndex
from lintnews.rules.languagetool.protocol import DEFAULT_CATEGORIES, Chunk, split_chunks
from lintnews.analyses.names.mentions import NAMES, NameFacts
from lintnews.analyses.term_lists import ACCEPT
from lintnews.core.options import Invalid, Kind, Option, integer, number, pattern_strings
from lintnews.core.rule import CorpusRule, register

CODE = "L101"


@dataclass(frozen=True)
class LanguageToolFacts:
    """What the corpus stage needs of one document: its chunks, lines and person names."""

    lines: LineIndex  # of the document's text, to place LanguageTool's matches
    chunks: tuple[Chunk, ...]
    person_words: frozenset[str]  # words of name mentions with person evidence
    lower_forms: frozenset[str]  # capitalised name words the document also writes in lower case


# -- the options' kinds ------------------------------------------------------------------
def _check_server(value: Any) -> str | None:
    """``"local"``, an http(s) URL, or ``"off"`` (None); anything else is an error."""
    if value is None:  # given from Python: off
        return None
    if not isinstance(value, str):
        raise Invalid("'{key}' must be a string (\"local\" or a server URL)")
    if value == "off":
        return None
    if value == "local" or re.match(r"^https?://[^\s/]+", value):
        return value
    raise Invalid('{key} must be "local", "off" or a server URL such as http://localhost:8081, not ' + repr(value))


def _check_language(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise Invalid("'{key}' must be a language code such as \"en-US\"")
    return value


def _check_folder_or_false(value: Any) -> str | None:
    if value is False or value is None:
        return None
    if isinstance(value, str) and value:
        return value
    raise Invalid("'{key}' must be a folder (a string) or false")


SERVER = Kind('"local", a URL or "off"', _check_server, type=Optional[str])
LANGUAGE = Kind("language code", _check_language, type=str)
CATEGORIES = pattern_strings(r"^[A-Z][A-Z_]*$", "LanguageTool category ids such as GRAMMAR")
FOLDER_OR_FALSE = Kind("folder or false", _check_folder_or_false, type=Optional[str])


@register
class LanguageTool(CorpusRule):
    """Finds grammar errors, confused words, typos and punctuation errors with
    LanguageTool's thousands of English rules: ``This is a apple``, ``their going``.

    Why: machine translation produces fluent-looking sentences with agreement, article
    and word-choice errors that no regular expression catches; LanguageTool's rules do.

    Example: ``a apple`` -> ``L101 EN_A_VS_AN: Use "an" instead of 'a' ...``.

    Off unless LanguageTool is enabled (``languagetool = "local"`` or a server URL in
    the configuration, or ``--languagetool``).  Each finding names LanguageTool's rule
    id (the finding's name and the start of its message); select or ignore single
    LanguageTool rules with ``L101:RULE_ID`` (a prefix works: ``L101:MORFOLOGIK``).
    Only the categories of ``languagetool-categories`` are reported (default: grammar,
    typos, confused words, punctuation, collocations, misc; not style or typography).
    A spelling match on a capitalised word that the corpus knows as a person's name is
    dropped: names are the name rules' business (N101 reports near-misses of a name).
    Accepted terms of the configuration (``vocabulary``/``accept``) are not reported as
    typos either.
    When LanguageTool cannot be reached, one line on stderr says so and the other rules
    run as usual.
    """

    code = CODE
    name = "languagetool"
    default = False
    subcodes = True
    options = (
        Option(
            "server",
            SERVER,
            None,
            "LanguageTool to use: \"local\" starts one server for the run, a URL uses a running one, \"off\" none.",
            flag="--languagetool",
            metavar="local|URL|off",
            aliases=("languagetool",),
            default_text="off",
        ),
        Option("language", LANGUAGE, "en-US", "The language code LanguageTool checks in.", aliases=("languagetool-language",)),
        Option(
            "categories",
            CATEGORIES,
            tuple(DEFAULT_CATEGORIES),
            "LanguageTool's categories to report (not style or typography by default).",
            aliases=("languagetool-categories",),
        ),
        Option("timeout", number(0, what="a positive number of seconds"), 60.0, "Seconds to wait for one answer.", aliases=("languagetool-timeout",)),
        Option("chunk-size", integer(100), 10_000, "Characters (UTF-16 units) per request.", aliases=("languagetool-chunk-size",)),
        Option("workers", integer(1), 4, "Requests in flight at once.", aliases=("languagetool-workers",)),
        Option(
            "cache",
            FOLDER_OR_FALSE,
            ".lintnews-cache/languagetool",
            "Folder of LanguageTool's answers, by content hash (false: none).",
            aliases=("languagetool-cache",),
            paths="join",
        ),
        ACCEPT,
    )

    def __init__(self) -> None:
        self.session = None  # a lintnews.rules.languagetool.backend.Session, open during a run

    def on_by_default(self) -> bool:
        return self.default or self.settings.server is not None

    def open(self) -> None:
        settings = self.settings
        if settings.server is None:
            return
        from lintnews.rules.languagetool.backend import Session, Settings

        self.session = Session(
            Settings(
                server=settings.server,
                language=settings.language,
                timeout=settings.timeout,
                chunk_size=settings.chunk_size,
                workers=settings.workers,
                cache_dir=Path(settings.cache) if settings.cache else None,
            )
        )

    def close(self) -> str | None:
        if self.settings.server is None:
            return (
                "grammar checks (L101, LanguageTool) skipped: no LanguageTool configured "
                '(languagetool = "local" or a server URL, or --languagetool)'
            )
        session, self.session = self.session, None
        if session is None:
            return None
        session.close()
        return f"grammar checks (L101, LanguageTool) skipped: {session.failure}" if session.failure else None

    @property
    def bound_to_this_process(self) -> bool:
        return self.session is not None

    needs = (NAMES,)

    def collect(self, doc: Document, names: NameFacts) -> LanguageToolFacts:
        chunks = tuple(split_chunks(doc.view, self.settings.chunk_size)) if self.session is not None else ()
        for chunk in chunks:
            self.session.prefetch(chunk.text)  # answers arrive while the other rules run
        person_words = frozenset(w for m in names.mentions if m.evidence for w in m.words)
        return LanguageToolFacts(doc.index, chunks, person_words, names.lower_forms)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        if self.session is None:
            return
        facts: dict[str, LanguageToolFacts] = corpus.of(self.code)
        lower = set().union(*(f.lower_forms for f in facts.values())) if facts else set()
        names = {w for f in facts.values() for w in f.person_words if w.lower() not in lower}
        categories, accept = self.settings.categories, self.settings.accept
        found: list[Finding] = []
        for path in corpus.paths:
            doc_facts = facts.get(path)
            if doc_facts is None:
                continue
            for chunk in doc_facts.chunks:
                matches = self.session.matches(chunk.text)
                if matches is None:
                    return  # LanguageTool failed: report none of it (the run says why)
                for m in matches:
                    if m.category not in categories:
                        continue
                    word = chunk.text[m.start : m.end]
                    if m.is_spelling() and (word in names or accept.matches(word)):
                        continue
                    start, end = chunk.start + m.start, chunk.start + max(m.end, m.start + 1)
                    loc = Loc(path, start, end, *doc_facts.lines.span(start, end))
                    suggestion = m.replacements[0] if m.replacements else None
                    finding = self.finding_at(loc, f"{m.rule_id}: {m.message}", suggestion=suggestion)
                    found.append(_renamed(finding, m.rule_id))
        yield from found


def _renamed(finding: Finding, rule_id: str) -> Finding:
    """The finding under LanguageTool's rule id, so that reports and statistics show it."""
    from dataclasses import replace

    return replace(finding, name=rule_id)

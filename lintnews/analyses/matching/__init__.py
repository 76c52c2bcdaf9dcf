"""The matching layer: where every speed trick for finding a rule's patterns lives.

A rule states what it looks for once, readably: a Python regular expression or a
phrase list, declared as a :class:`Pattern` in its ``needs``.  It receives the matches,
exactly those of ``regex.finditer(doc.view)``.  How they are found fast is decided here
and nowhere else:

- :mod:`.superset` derives from each regex an RE2 pattern that matches wherever the regex
  does (the only reader of CPython's regex parser);
- :mod:`.scan` runs every superset over a document in one RE2 pass, then finds the places
  (or lines) where a pattern can match, and tries the Python regex only there;
- :mod:`.pattern` is what rules declare (:class:`Pattern`, :class:`Patterns`);
- :mod:`.phrases` writes phrases as regexes;
- :mod:`.phrase_set` matches a list of phrases (any length) with Aho-Corasick, exactly as
  the alternation of their regexes would;
- :mod:`.user` compiles users' patterns with RE2, so that none can hang lintnews.

``tests/test_matching.py`` proves, for every pattern the built-in rules declare, that the
fast path gives exactly the plain path's matches.
"""

from lintnews.analyses.matching.pattern import Pattern, Patterns, plain_arguments
from lintnews.analyses.matching.phrase_set import MAX_PHRASE_CHARS, PhraseError, PhraseMatch, PhraseSet, merge_matches
from lintnews.analyses.matching.phrases import first_char_guard, phrase_regex, phrase_regex_length
from lintnews.analyses.matching.scan import SHARED, UTF8_VIEW, Candidates, matches_at, matches_in_lines, matches_of_words
from lintnews.analyses.matching.superset import CASE_EXOTIC, PY_SPACES, re2_superset
from lintnews.analyses.matching.user import MAX_PATTERN_CHARS, MAX_PROGRAM_SIZE, PatternError, compile_user

__all__ = [
    "CASE_EXOTIC",
    "MAX_PATTERN_CHARS",
    "MAX_PHRASE_CHARS",
    "MAX_PROGRAM_SIZE",
    "PY_SPACES",
    "SHARED",
    "UTF8_VIEW",
    "Candidates",
    "Pattern",
    "PatternError",
    "PhraseError",
    "Patterns",
    "PhraseMatch",
    "PhraseSet",
    "compile_user",
    "first_char_guard",
    "matches_at",
    "matches_in_lines",
    "matches_of_words",
    "merge_matches",
    "phrase_regex",
    "phrase_regex_length",
    "plain_arguments",
    "re2_superset",
]

"""N101's in-article comparison stays linear and finds the pairs of the plain comparison.

``variants._document_pairs`` leaves out pairs it can prove fail (two words with no person
evidence, no person word and no other word beside them) and reads the partners of a word
once per list of mentions; ``_plain_pairs`` below is the comparison without either, and
the two must agree on random articles.  The work test counts ``similar`` calls, not time.
"""

from __future__ import annotations

import random

from lintnews.analyses.names import variants
from lintnews.analyses.names.mentions import _extract
from lintnews.analyses.names.variants import _comparable, _document_pairs, _final_e, _one_edit, _person_word, candidate_pairs
from lintnews.analyses.dictionary import is_common_word
from lintnews.core.document import make_document


def _plain_pairs(mentions):
    """``_document_pairs`` as first written: every similar pair of the article, checked."""
    occurrences = {}
    for m in mentions:
        for w in dict.fromkeys(m.words):
            if _comparable(w):
                occurrences.setdefault(w, []).append(m)
    pairs = []
    for a, b in candidate_pairs(occurrences) + variants._first_letter_pairs(occurrences):
        ma, mb = occurrences[a], occurrences[b]
        partners_a = {w for m in ma for w in m.words if w != a}
        partners_b = {w for m in mb for w in m.words if w != b}
        shared = partners_a & partners_b
        if partners_a and partners_b and not shared:
            continue
        evidence_a, evidence_b = any(m.evidence for m in ma), any(m.evidence for m in mb)
        if any(_comparable(w) and not is_common_word(w) for w in shared) or (evidence_a and evidence_b):
            pass
        elif not _one_edit(a, b) or _final_e(a, b):
            continue
        elif not (evidence_a or evidence_b or _person_word(a, ma) or _person_word(b, mb)):
            continue
        if any(a in m.words and b in m.words for m in ma):
            continue
        pairs.append((a, b, ma, mb))
    return pairs


_PIECES = [
    "Mr. Baran said.", "Boren", "Biran said", "Tariq Erian", "Tariq Arian", "John Smith", "Jahn", "Smyth",
    "Dr. Pilay", "Pillay said", "Minister Klara Geywitz", "Klera Geywitz", "Pompeii", "Pompeo said",
    "Hall", "SV Halle", "Brad Hall", "Ab", "Ob", "Ub said", "Ȁx", "Éy Ǒz", "Yuri", "Juri said", "the", ",", ".",
    "Ivanov", "Ivanova", "Bryan Adams", "Brian Jones", "\n",
]


def test_document_pairs_are_the_plain_pairs_on_random_articles():
    rng = random.Random(18)
    for k in range(150):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(5, 120)))
        mentions = _extract(make_document(f"{k}.txt", text)).mentions
        assert _document_pairs(mentions) == _plain_pairs(mentions), text


def test_words_without_a_latin_letter_are_never_compared():
    assert candidate_pairs(["Путин", "Зеленский", "習近平"]) == []
    assert candidate_pairs(["Baran", "Boran"]) == [("Baran", "Boran")]


def test_lone_words_are_compared_only_with_others():
    words = ["Ab", "Ob", "Ub", "Eb"]
    assert candidate_pairs(words, lone=frozenset(words)) == []
    assert candidate_pairs(words, lone=frozenset(words) - {"Ob"}) == [p for p in candidate_pairs(words) if "Ob" in p]
    many = [f"{c}x" for c in "ABCDEFGIJKLMNOPRSTUVWYZ"] + ["Xa", "Xe", "Xi"]  # one block of more than twelve
    lone = frozenset(many) - {"Ax"}
    assert candidate_pairs(many, lone=lone) == [p for p in candidate_pairs(many) if "Ax" in p]


def _similar_calls(text: str, monkeypatch) -> int:
    calls = 0
    plain = variants.similar

    def counted(a, b):
        nonlocal calls
        calls += 1
        return plain(a, b)

    monkeypatch.setattr(variants, "similar", counted)
    _document_pairs(_extract(make_document("a.txt", text)).mentions)
    monkeypatch.setattr(variants, "similar", plain)
    return calls


def test_an_article_of_many_odd_short_names_is_not_quadratic(monkeypatch):
    # Distinct capitalised words whose Latin letters fold to one letter ("Ȁж", "Aщ", ...):
    # one skeleton block of all of them, and every two of them similar.
    rng = random.Random(21)
    letters = "жщфыэюяЖЩФЫЭЮЯ"

    def article(n: int) -> str:
        words = {rng.choice("AEIOUȀÉ") + "".join(rng.choice(letters) for _ in range(6)) for _ in range(n)}
        return ". ".join(sorted(words)) + "."

    small, large = _similar_calls(article(300), monkeypatch), _similar_calls(article(1200), monkeypatch)
    assert large <= 5 * small + 100

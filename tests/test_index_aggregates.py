"""The corpus index's aggregates: a run over a few files reads from the index the
corpus-wide counts of their name blocks (documents per spelling, lower-case forms) and
only the blocks where one of their spellings may be reported, and still reports, for
those files, exactly what a full run reports (findings and their groups).

The archives are small and invented (a cast of made-up people, each with a usual
spelling and look-alikes; Hypothesis chooses how often each spelling is written, in
which articles, with which given names and titles, and which files are linted), so
that the pruning by counts meets its edge cases: ties in documents, a look-alike more
frequent than the usual spelling, both spellings in one article, a word also written in
lower case, a file outside the archive.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import property_settings
from lintnews.api import configured_rules, lint_paths
from lintnews.run.cache import DocumentCache, rules_fingerprint
from lintnews.run.config import Config
from lintnews.run.index import Index

# Invented people: (given names, spellings of the surname), the first the usual one.
CAST = [
    (("Velmira", "Velmiro"), ("Draskovan", "Draskovin", "Draskoven")),
    (("Orsolt",), ("Quenbury", "Quenbery")),
    (("Halvard", "Halvord"), ("Tessaroni", "Tesaroni")),
    (("Ilkay",), ("Gorvath", "Horvath")),  # a first letter transliterations swap
]
TEMPLATES = [
    "{given} {surname} said on Monday that the talks would continue.",
    "Spokesman {surname} told reporters the plan was ready.",
    "Mr. {surname} added that more aid was needed.",
    "Foreign Minister {given} {surname} arrived in the capital.",
    "Foreign Secretary {given} {surname} met the envoy.",
    "The {lower} of the river was high this year.",
]

sentence = st.tuples(st.integers(0, len(CAST) - 1), st.integers(0, 2), st.integers(0, 1), st.integers(0, len(TEMPLATES) - 1))
article = st.lists(sentence, min_size=1, max_size=4)


def _text(sentences: list[tuple[int, int, int, int]]) -> str:
    lines = []
    for person, spelling, given_name, template in sentences:
        givens, surnames = CAST[person]
        surname = surnames[min(spelling, len(surnames) - 1)]
        lines.append(TEMPLATES[template].format(given=givens[min(given_name, len(givens) - 1)], surname=surname, lower=surname.lower()))
    return "\n".join(lines) + "\n"


def _handle(cache: Path) -> tuple[Config, list, DocumentCache]:
    config = Config()
    rules = configured_rules(config)
    return config, rules, DocumentCache(cache, rules_fingerprint(rules, config.rule_packs))


def _seen(findings) -> list[tuple]:
    return [(f.path, f.line, f.column, f.code, f.message, f.suggestion, f.related, f.group) for f in findings]


@property_settings(40)
@given(articles=st.lists(article, min_size=2, max_size=12), data=st.data())
def test_a_run_reading_the_aggregates_reports_what_the_full_run_reports(tmp_path_factory, articles, data):
    root = tmp_path_factory.mktemp("aggregates")
    folder = root / "articles"
    folder.mkdir()
    files = []
    for i, sentences in enumerate(articles):
        path = folder / f"{i:03d}.txt"
        path.write_text(_text(sentences), encoding="utf-8")
        files.append(str(path))
    config, rules, handle = _handle(root / "cache")
    lint_paths(files[:1], config, rules, corpus=[str(folder)], cache=handle)  # builds the index
    chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3, unique=True))
    outside = None
    if data.draw(st.booleans()):  # a draft outside the archive, linted with it
        outside = root / "draft.txt"
        outside.write_text(_text(data.draw(article)), encoding="utf-8")
        chosen = [*chosen, str(outside)]
    # What the run reports without the index: the files given, the whole archive read
    # (a draft outside it takes the place in the corpus order that such a run gives it).
    want = lint_paths(chosen, config, rules, corpus=[str(folder)]).findings
    if outside is None:
        assert _seen(want) == _seen([f for f in lint_paths([str(folder)], config, rules).findings if f.path in chosen])
    config, rules, handle = _handle(root / "cache")
    got = lint_paths(chosen, config, rules, corpus=[str(folder)], cache=handle).findings
    assert _seen(got) == _seen(want)


def _write(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir(parents=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_file_that_spells_a_name_the_usual_way_reads_none_of_its_block(tmp_path, monkeypatch):
    """The block of "Draskovan" holds a look-alike ("Draskovin", one article), but a file
    that writes only the usual spelling (six articles) cannot be reported in it: none of
    the block's slices are read.  A file with the look-alike reads the block."""
    usual = "Velmira Draskovan said on Monday that the talks would continue.\nMr. Draskovan added that more aid was needed.\n"
    rare = "Spokesman Draskovin told reporters the plan was ready.\n"
    files = _write(tmp_path / "articles", [usual] * 6 + [rare])
    config, rules, handle = _handle(tmp_path / "cache")
    lint_paths(files[:1], config, rules, corpus=[str(tmp_path / "articles")], cache=handle)
    read: list[str] = []
    keyed = Index.keyed

    def counting(self, rule, key, skip):
        if rule == "N101":
            read.append(key)
        return keyed(self, rule, key, skip)

    monkeypatch.setattr(Index, "keyed", counting)
    config, rules, handle = _handle(tmp_path / "cache")
    assert lint_paths([files[2]], config, rules, corpus=[str(tmp_path / "articles")], cache=handle).findings == []
    assert read == []
    config, rules, handle = _handle(tmp_path / "cache")
    found = lint_paths([files[6]], config, rules, corpus=[str(tmp_path / "articles")], cache=handle).findings
    assert [f.code for f in found] == ["N101"] and "'Draskovin' looks like 'Draskovan' (12 mentions" in found[0].message
    assert read  # the look-alike's block, with every mention of the usual spelling


def test_every_cut_rule_gives_back_its_facts_from_all_its_slices(seeds_dir):
    """``join(slices(facts)) == facts`` for every corpus rule that cuts its facts, on the
    sample articles (what a full run through the index reads back), and every slice
    keeps its key's counts."""
    from lintnews.core.document import Document
    from lintnews.run.index import cuts
    from lintnews.run.pipeline import lint_document

    rules = configured_rules(Config())
    cut = [r for r in rules if cuts(r)]
    assert {"N101", "N103", "T101", "T102", "T103", "C102"} <= {r.code for r in cut}
    for path in sorted(seeds_dir.glob("*.txt")):
        result = lint_document(Document(str(path), path.read_text(encoding="utf-8")), rules)
        for rule in cut:
            facts = result.facts[rule.code]
            parts = rule.slices(facts)
            assert rule.join([part for _, part in parts]) == facts, rule.code
            for key, part in parts:
                if key is not None:
                    assert all(n > 0 for n in rule.tally(key, part).values()), rule.code

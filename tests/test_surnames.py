"""The frequent-surname table and what N101 does with it (issue 15, edited prose)."""

import subprocess
import sys
from pathlib import Path

import pytest
from rulecase import flagged

from lintnews.analyses.names.surnames import DATA, fold, is_frequent_surname, surname_rank

ROOT = Path(__file__).resolve().parent.parent


def test_table_ranks_census_surnames_and_folds_like_the_census():
    assert surname_rank("Smith") == 1
    assert fold("O'Connor") == "oconnor" and surname_rank("O'Connor") is not None
    assert fold("Müller") == "muller"
    for name in ("Daley", "Daly", "Smyth", "Cohen", "Chen", "Whyte", "Preece", "Price"):
        assert is_frequent_surname(name), name
    for word in ("McGaruan", "Bartholemaeus", "Tariq", "Zabihullah", "Erian"):
        assert not is_frequent_surname(word), word


def test_table_is_the_build_scripts_output_with_its_header():
    lines = DATA.read_text(encoding="ascii").split("\n")
    assert lines[0].startswith("# Frequent surnames") and lines[4] == "smith"
    assert len([x for x in lines if x and not x.startswith("#")]) == 20_000


def test_build_script_builds_ranked_lower_case_names_from_census_rows(tmp_path):
    sys.path.insert(0, str(ROOT / "training"))
    try:
        import build_surnames
    finally:
        sys.path.pop(0)
    rows = [("SMITH", 1.006, 1.006, 1), ("JOHNSON", 0.81, 1.816, 2), ("OCONNOR", 0.1, 1.9, 3)]
    text = build_surnames.build(rows, 2)
    assert text.split("\n")[4:] == ["smith", "johnson", ""]
    assert build_surnames.build(rows, 2) == text
    with pytest.raises(SystemExit):
        build_surnames.build([("A", 1.0, 1.0, 2)], 1)


_INPUT = Path.home() / ".cache" / "lintnews-given-names" / "names-0.3.0.tar.gz"


@pytest.mark.skipif(not _INPUT.is_file(), reason="the Census archive is not in ~/.cache/lintnews-given-names")
def test_shipped_table_is_rebuilt_byte_for_byte():
    proc = subprocess.run([sys.executable, str(ROOT / "training" / "build_surnames.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- N101 ---------------------------------------------------------------------------------
def _well_known(usual: str, rare: str, given_usual=("Tom", "Anne", "Mark", "Ruth"), given_rare="George") -> dict:
    texts = {f"u{k}.txt": f"Farmer {g} {usual} says rain is needed. {usual} says so.\n" for k, g in enumerate(given_usual)}
    texts["r.txt"] = f"Dr {given_rare} {rare} of the hospital says the cells grew. {rare} says more.\n"
    return texts


def test_two_frequent_surnames_in_different_articles_without_a_shared_given_name_are_two_people():
    assert flagged(_well_known("Daly", "Daley"), "N101") == []
    assert flagged(_well_known("Smith", "Smyth"), "N101") == []


def test_a_rare_look_alike_of_a_frequent_surname_is_still_reported():
    # "Bidden" is no frequent surname: the one article's spelling against four articles.
    assert flagged(_well_known("Biden", "Bidden"), "N101") == ["Bidden", "Bidden"]
    assert flagged(_well_known("Daly", "Daely"), "N101") == ["Daely", "Daely"]


def test_frequent_surnames_sharing_a_given_name_or_an_article_are_still_reported():
    texts = {
        "a.txt": "Chief executive Kevin Cottrell says visas are slow.\n",
        "b.txt": "Kevin Cottrill from the Meat Industry Council says talks continue.\n",
    }
    assert flagged(texts, "N101") == ["Cottrell", "Cottrill"]
    text = "Dr Mary Kelly says the crop failed. Later Mr Kelley said the estimates were lowered. Kelly agreed.\n"
    assert flagged(text, "N101") == ["Kelley"]


def test_an_ordinary_word_or_a_given_name_written_in_many_articles_is_no_count_of_a_surname():
    texts = {f"s{k}.txt": f"The Dead Sea is shrinking, says Dr Ann Lee{k}.\n" for k in range(5)}
    texts["r.txt"] = "Chief executive Tim Sheahy says banks will call clients.\n"
    assert "Sheahy" not in flagged(texts, "N101")
    texts = {f"s{k}.txt": f"Sarah said the show was over, says the host Bob Lee{k}.\n" for k in range(5)}
    texts["r.txt"] = "The curator Dr Michael Sharah says the planet stays.\n"
    assert "Sharah" not in flagged(texts, "N101")


def test_two_real_given_names_with_a_frequent_surname_in_different_articles_are_two_people():
    texts = {
        "a.txt": "The Opposition's Gavan O'Connor says the letter was sent.\n",
        "b.txt": "Labor spokesman Gavan O'Connor says the budget missed chances.\n",
        "c.txt": "Director Gavin O'Connor says the film is done.\n",
    }
    assert flagged(texts, "N101") == []
    texts = {"a.txt": "Agronomist Jan Edwards says frosts hit Cowra.\n", "b.txt": "Farmer John Edwards says it rained.\n"}
    assert flagged(texts, "N101") == []


def test_a_respelled_given_name_or_one_article_with_both_is_still_reported():
    # "Zabiullah" is no given name; "Mujahid" no frequent surname.
    texts = {
        "a.txt": "Taliban spokesman Zabihullah Mujahid said there was progress.",
        "b.txt": "“No agreement was reached,” spokesman Zabiullah Mujahid said.",
    }
    assert flagged(texts, "N101") == ["Zabihullah Mujahid", "Zabiullah Mujahid"]
    # Both real given names, a frequent surname, but one article writes both: one person.
    text = "Chairman Denis Waddell says the delays are over. Dennis Waddell said so twice. Dennis Waddell agreed.\n"
    assert flagged(text, "N101") == ["Denis Waddell"]


def test_a_common_word_read_as_a_surname_names_nobody():
    texts = {
        "a.txt": "Peter Knees, a PhD candidate at Johannes Kepler University in Linz, says so.\n",
        "b.txt": "Professor Johns Kepler University said nothing.\n",
    }
    assert not any("University" in f for f in flagged(texts, "N101"))


def test_two_frequent_surnames_after_the_same_non_name_title_are_two_people():
    texts = {
        "a.txt": "Professor Marc Cohen of the medicine association says so.\n",
        "b.txt": "Professor Tsuhan Chen of the university says so.\n",
    }
    assert flagged(texts, "N101") == []

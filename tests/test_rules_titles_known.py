"""T103 office-not-held, as a specification: what it reports and what it leaves alone."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.rules import titles_known as tk
from lintnews.rules.titles_known import OfficeNotHeld, find_office_errors, knowledge
from lintnews.core.document import Document
from lintnews.core.options import make_settings

ROOT = Path(__file__).resolve().parent.parent


def errors(text: str, overrides=None):
    k = knowledge().with_overrides(overrides)
    return find_office_errors(text, k)


def titles(text: str, overrides=None) -> list[str]:
    return [f"{e.title} {e.name}" for e in errors(text, overrides)]


# -- fires ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected, office",
    [
        ("Prime Minister Olaf Scholz met the press.", "Prime Minister Olaf Scholz", "Chancellor of Germany (2021-2025)"),
        ("Chief Judge John Roberts wrote the opinion.", "Chief Judge John Roberts", "Chief Justice of the United States"),
        ("General Secretary António Guterres spoke in Geneva.", "General Secretary António Guterres", "Secretary-General of the United Nations"),
        ("Prime Minister Emmanuel Macron arrived.", "Prime Minister Emmanuel Macron", "President of France"),
        ("Foreign Secretary Antony Blinken flew to Kyiv.", "Foreign Secretary Antony Blinken", "Secretary of State"),
        ("Secretary-General Xi Jinping addressed the congress.", "Secretary-General Xi Jinping", "General Secretary of the Chinese Communist Party"),
        ("Chancellor Marcelo Ebrard met his US counterpart.", "Chancellor Marcelo Ebrard", "Secretary of Foreign Affairs of Mexico"),
    ],
)
def test_reports_an_office_the_person_did_not_hold(text, expected, office):
    found = errors(text)
    assert [f"{e.title} {e.name}" for e in found] == [expected]
    assert office in found[0].message


def test_message_names_the_office_and_years_and_suggests_the_title():
    (e,) = errors("Prime Minister Olaf Scholz met the press.")
    assert e.message == "'Prime Minister' Olaf Scholz: Olaf Scholz was Chancellor of Germany (2021-2025)"
    assert e.suggestion == "Chancellor"


def test_a_surname_alone_counts_after_the_full_name():
    text = "Olaf Scholz arrived on Monday. Later, Prime Minister Scholz said the talks went well."
    assert titles(text) == ["Prime Minister Scholz"]


def test_a_surname_alone_before_the_full_name_is_not_checked():
    text = "Prime Minister Scholz said the talks went well. Olaf Scholz arrived on Monday."
    assert titles(text) == []


def test_a_title_after_the_name():
    assert titles("Olaf Scholz, the prime minister, said so.") == ["prime minister Olaf Scholz"]


def test_a_country_marker_with_a_literal_rendering_is_reported_for_anyone():
    found = list(OfficeNotHeld().check(Document(path="a.txt", text="Mexican Chancellor Juan Pérez Gómez travelled.")))
    assert [f.message.split(":")[0] for f in found] == [
        "'Chancellor' is a literal rendering of the Mexico office (Secretario de Relaciones Exteriores (canciller)); in English it is 'Secretary of Foreign Affairs of Mexico'"
    ]


# -- must not fire -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Chancellor Olaf Scholz met the press.",
        "Federal Chancellor Olaf Scholz met the press.",
        "German Chancellor Olaf Scholz met the press.",
        "Former Prime Minister Olaf Scholz met the press.",  # another office, or another time
        "Deputy Prime Minister Olaf Scholz met the press.",
        "Vice-Chancellor Olaf Scholz met the press.",  # an office he held
        "then-Prime Minister Olaf Scholz met the press.",
        "Finance Minister Olaf Scholz met the press.",  # an office he held (2018-2021)
        "Secretary-General António Guterres spoke.",
        "Prime Minister António Guterres of Portugal spoke.",  # he was (1995-2002)
        "President Vladimir Putin and Prime Minister Vladimir Putin.",  # both held
        "Premier Li Keqiang and President Xi Jinping met.",
        "General Secretary Xi Jinping addressed the congress.",
        "Chairman Xi Jinping addressed the commission.",  # Central Military Commission
        "Secretary of State Antony Blinken flew to Kyiv.",
        "Chief Justice John Roberts wrote the opinion.",
        "President Pedro Sánchez spoke in Madrid.",  # Presidente del Gobierno, literal but official
        "Foreign Minister Annalena Baerbock and Minister for Foreign Affairs Annalena Baerbock.",
        "Prime Minister Olaf Scholz-designate spoke.",
        "Minister Olaf Scholz spoke.",  # generic word, not a family title
        "Prime Minister Jane Q. Unknownperson spoke.",  # not in the table
    ],
)
def test_leaves_right_and_other_offices_alone(text):
    assert titles(text) == []


def test_a_title_in_a_quotation_is_left_alone():
    doc = Document(path="a.txt", text='"Prime Minister Olaf Scholz is wrong," he said.')
    assert OfficeNotHeld.reads_quotes is False  # the engine drops findings inside quotations
    assert errors(doc.text)  # the pure function does see it
    from lintnews.core.document import in_quote

    assert in_quote(doc, doc.text.index("Prime"))


def test_an_ambiguous_name_needs_a_marker(monkeypatch):
    # two newsroom people named "Alex Moreau": one Canadian Premier, one French minister
    overrides = {
        "people": [
            {"name": "Alex Moreau", "country": "CA", "office": "Prime Minister", "family": "head-of-government", "start": 2020},
        ]
    }
    k = knowledge().with_overrides(overrides)
    other = tk.Person("Alex Moreau", "o:other")
    other._holdings = (tk.Holding("FR", "fm", "Minister for Europe and Foreign Affairs", "2019", ""),)
    k.people.extra["alex moreau"] = k.people.extra["alex moreau"] + [other]
    assert find_office_errors("President Alex Moreau spoke.", k) == []
    found = find_office_errors("Canadian President Alex Moreau spoke.", k)
    assert [f"{e.title} {e.name}" for e in found] == ["President Alex Moreau"]


# -- newsroom overrides --------------------------------------------------------------------
def test_overrides_add_people_and_house_style():
    overrides = {"people": [{"name": "Mary Quimby", "country": "US", "office": "Secretary of State", "start": 2031}]}
    assert titles("Foreign Minister Mary Quimby spoke.", overrides) == ["Foreign Minister Mary Quimby"]
    style = {"house-style": {"DE": {"head-of-government": ["Prime Minister"]}}}
    assert titles("Prime Minister Olaf Scholz spoke.", style) == []
    assert titles("Prime Minister Olaf Scholz spoke.", {"ignore": ["Olaf Scholz"]}) == []


def test_override_people_replace_the_tables_namesakes():
    overrides = {"people": [{"name": "Olaf Scholz", "country": "DE", "office": "Mayor of Somewhere", "start": 2030}]}
    assert titles("Prime Minister Olaf Scholz spoke.", overrides) == []


def test_rule_reads_overrides_from_its_settings():
    rule = OfficeNotHeld()
    ignoring = rule.with_settings(make_settings(OfficeNotHeld, {"ignore": ["Olaf Scholz"]}))
    assert list(ignoring.check(Document(path="a.txt", text="Prime Minister Olaf Scholz spoke."))) == []
    found = list(rule.check(Document(path="a.txt", text="Prime Minister Olaf Scholz spoke.")))  # the rule itself is unchanged
    assert [(f.code, f.column, f.suggestion) for f in found] == [("T103", 1, "Chancellor")]


# -- the table -----------------------------------------------------------------------------
def test_table_loads_and_knows_people_in_many_countries():
    k = knowledge()
    assert len(k.people) > 40_000
    (scholz,) = k.people.get(tk.fold("Olaf Scholz"))
    assert any(h.family == "hog" and h.country == "DE" for h in scholz.holdings)
    assert k.people.get(tk.fold("Sergei Lavrov")) == k.people.get(tk.fold("Sergey Lavrov"))


def _build_module():
    spec = importlib.util.spec_from_file_location("build_offices", ROOT / "training" / "build_offices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_and_runtime_fold_names_alike():
    build = _build_module()
    for name in ["Sergey Lavrov", "Volodymyr Zelenskyy", "António Guterres", "Recep Tayyip Erdoğan", "Xi Jinping"]:
        assert build.fold(name) == tk.fold(name)


def test_build_is_deterministic_when_its_inputs_are_here():
    build = _build_module()
    mirror = Path("/work/.mirror")
    missing = [r for r in build.SOURCES if not (mirror / f"{build.OWNER}+{r}" / "repo").is_dir()]
    if missing:
        pytest.skip(f"build inputs (Wikidata-derived git mirrors) absent: {len(missing)} of {len(build.SOURCES)}")
    result = subprocess.run(
        [sys.executable, str(ROOT / "training" / "build_offices.py"), "--mirror-dir", str(mirror), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr

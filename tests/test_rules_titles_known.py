"""T103 office-not-held, as a specification: what it reports and what it leaves alone."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.analyses import offices as ko
from lintnews.analyses.offices import OFFICE_TITLES, knowledge, name_key, norm_title
from lintnews.api import lint_texts
from lintnews.core.analysis import registered_analyses
from lintnews.core.document import Document, in_quote
from lintnews.core.options import Invalid, make_settings
from lintnews.rules.titles_known import OfficeNotHeld, office_errors

ROOT = Path(__file__).resolve().parent.parent


def errors(text: str, overrides=None):
    k = knowledge().with_overrides(overrides)
    return office_errors(Document(path="a.txt", text=text), k)


def titles(text: str, overrides=None) -> list[str]:
    return [f"{e.title} {e.name}" for e in errors(text, overrides)]


def t103(texts, select=("T103",)) -> list[str]:
    """T103's findings over a corpus, as ``path:line title-and-name``."""
    found = lint_texts(texts, select=list(select))
    return [f"{f.path}:{f.line} {f.code}" for f in found]


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
        # spelled another way than the table: N101's spelling key
        ("Prime Minister Volodymyr Zelensky spoke.", "Prime Minister Volodymyr Zelensky", "President of Ukraine"),
        # a justice minister given the attorney general's title, and the other way round
        ("Justice Minister Merrick Garland spoke.", "Justice Minister Merrick Garland", "Attorney General of the United States"),
        # health and education: another country's title for the minister
        ("Health Minister Xavier Becerra spoke.", "Health Minister Xavier Becerra", "Secretary of Health and Human Services"),
        ("Education Minister Miguel Cardona spoke.", "Education Minister Miguel Cardona", "Secretary of Education"),
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


def test_a_surname_alone_that_one_office_holder_has_counts_when_the_article_confirms_who():
    # "President Biden" elsewhere: a title Joe Biden held
    assert titles("President Biden spoke. Later, Chancellor Biden signed the bill.") == ["Chancellor Biden"]
    # a marker of his country on the mention itself
    assert titles("German Prime Minister Scholz attended.") == ["Prime Minister Scholz"]
    # the article names his country
    assert titles("Talks in Germany went on. Prime Minister Scholz attended.") == ["Prime Minister Scholz"]
    # nothing says who: left alone
    assert titles("Chancellor Biden signed the bill.") == []


def test_a_title_after_the_name():
    assert titles("Olaf Scholz, the prime minister, said so.") == ["prime minister Olaf Scholz"]
    assert titles("Emmanuel Macron, the prime minister of France, said so.") == ["prime minister Emmanuel Macron"]
    assert titles("Olaf Scholz, the chancellor, said so.") == []
    assert titles("Olaf Scholz, a former prime minister, said so.") == []


def test_a_country_marker_with_a_literal_rendering_is_reported_for_anyone():
    (e,) = errors("Mexican Chancellor Juan Pérez Gómez travelled.")
    assert e.message == (
        "'Chancellor' is a literal rendering of the Mexico office (Secretario de Relaciones Exteriores (canciller)); "
        "in English it is 'Secretary of Foreign Affairs of Mexico'"
    )


def test_a_country_marker_with_a_title_its_system_lacks_is_reported_for_anyone():
    assert titles("Georgian Chancellor Giorgi Unknownperson spoke.") == ["Chancellor Giorgi Unknownperson"]
    assert titles("Former Georgian Chancellor Giorgi Unknownperson spoke.") == ["Chancellor Giorgi Unknownperson"]
    assert titles("Indian Taoiseach Ravi Unknownperson spoke.") == ["Taoiseach Ravi Unknownperson"]
    assert titles("Irish Taoiseach Ravi Unknownperson spoke.") == []
    assert titles("Georgian Prime Minister Giorgi Unknownperson spoke.") == []


@pytest.mark.parametrize(
    "text, expected, where",
    [
        ("Indian Taoiseach Narendra Modi spoke.", "Taoiseach Narendra Modi", "an office of Ireland"),
        ("Taoiseach Mateusz Morawiecki spoke.", "Taoiseach Mateusz Morawiecki", "an office of Ireland"),
        ("California Voivode Gavin Newsom spoke.", "Voivode Gavin Newsom", "Governor of California"),
        ("First Minister Boris Johnson spoke.", "First Minister Boris Johnson", "Prime Minister of the United Kingdom"),
    ],
)
def test_a_title_of_another_countrys_system(text, expected, where):
    found = errors(text)
    assert [f"{e.title} {e.name}" for e in found] == [expected]
    assert where in found[0].message


@pytest.mark.parametrize(
    "text, expected, office",
    [
        ("Minister of Enlightenment Sergey Kravtsov opened the school.", "Minister of Enlightenment Sergey Kravtsov", "Education Minister"),
        ("Upper Mayor Hans Unknownperson opened the bridge.", "Upper Mayor Hans Unknownperson", "Mayor"),
        ("Defense Great Minister Taro Unknownperson spoke.", "Defense Great Minister Taro Unknownperson", "Defense Minister"),
        ("the former Head of the City Ivan Unknownperson said.", "Head of the City Ivan Unknownperson", "Mayor"),
        ("Covenant Prince Mohammed bin Salman arrived.", "Covenant Prince Mohammed bin Salman", "Crown Prince"),
        ("Head of the Pentagon Lloyd Austin arrived.", "Head of the Pentagon Lloyd Austin", "Secretary of Defense"),
        ("Head of the Foreign Ministry Sergey Lavrov arrived.", "Head of the Foreign Ministry Sergey Lavrov", "Foreign Minister"),
    ],
)
def test_a_word_by_word_rendering_that_is_no_office_in_english_is_reported_for_anyone(text, expected, office):
    (e,) = errors(text)
    assert f"{e.title} {e.name}" == expected
    assert e.suggestion == office


# -- forms of address ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected, suggestion",
    [
        ("His Excellency Volodymyr Zelenskyy believes the battles will go on.", "His Excellency Volodymyr Zelenskyy", "President"),
        ("It was approved by Comrade Mikhail Mishustin yesterday.", "Comrade Mikhail Mishustin", "Prime Minister"),
        # the article gives the person an office; the table does not know them
        ("Prime Minister Fan Mingzheng spoke. Later, Boss Fan Mingzheng left.", "Boss Fan Mingzheng", "Prime Minister"),
        ("President Biden spoke. The plan approved by Teacher Biden was sent.", "Teacher Biden", "President"),
        ("The wife of Father Lavrov, who leads Russia's diplomacy.", "Father Lavrov", "Foreign Minister"),
        # a royal style for someone who is not royal
        ("It was signed by His Majesty Joe Biden yesterday.", "His Majesty Joe Biden", "President"),
    ],
)
def test_a_form_of_address_in_place_of_an_office(text, expected, suggestion):
    found = errors(text)
    assert [f"{e.title} {e.name}" for e in found] == [expected]
    assert found[0].suggestion == suggestion
    assert "form of address" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "His father Joe Biden spoke.",  # a family word, not a form of address
        "Father Joe Biden spoke at the rally.",  # at a sentence start: a family word may start it
        "Mr Ivan Unknownperson spoke.",  # plain English style
        "His Excellency President Volodymyr Zelenskyy spoke.",  # the office is there
        "Sir Keir Starmer spoke.",  # a knighthood is right English
        "It was signed by His Royal Highness Mohammed bin Salman.",  # a royal style for a prince
        "Crown Prince Salman Unknownperson spoke. Later, His Highness Salman Unknownperson left.",
        "Prime Minister Fan Mingzheng spoke. Later, comrade Fan Mingzheng left.",  # lower case: a noun
    ],
)
def test_forms_of_address_left_alone(text):
    assert titles(text) == []


# -- must not fire -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Chancellor Olaf Scholz met the press.",
        "Federal Chancellor Olaf Scholz met the press.",
        "German Chancellor Olaf Scholz met the press.",
        "Former Chancellor Olaf Scholz met the press.",  # an office he held, at another time
        "her former foreign minister Boris Johnson",  # a description in lower case
        "Deputy Prime Minister Olaf Scholz met the press.",
        "Vice-Chancellor Olaf Scholz met the press.",  # an office he held
        "then-Finance Minister Olaf Scholz met the press.",
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
        "ANO President Andrej Babiš spoke.",  # the president of a party
        "Attorney General Merrick Garland spoke.",
        "Taoiseach Ravi Unknownperson spoke.",  # nobody says whose office
        "under Chancellor Olaf Scholz, Germany changed.",  # "under": a preposition here
    ],
)
def test_leaves_right_and_other_offices_alone(text):
    assert titles(text) == []


def test_a_title_in_a_quotation_is_left_alone():
    doc = Document(path="a.txt", text='"Prime Minister Olaf Scholz is wrong," he said.')
    assert OfficeNotHeld.reads_quotes is False
    assert errors(doc.text)  # the pure function does see it
    assert in_quote(doc, doc.text.index("Prime"))
    assert OfficeNotHeld().collect(doc, OFFICE_TITLES.of(doc)) == []  # the rule leaves it
    assert t103({"a.txt": doc.text}) == []


def test_an_ambiguous_name_needs_a_marker():
    # two newsroom people named "Alex Moreau": one Canadian Prime Minister, one French minister
    overrides = {
        "people": [
            {"name": "Alex Moreau", "id": "ca", "country": "CA", "office": "Prime Minister", "family": "head-of-government", "start": 2020},
            {"name": "Alex Moreau", "id": "fr", "country": "FR", "office": "Minister for Europe and Foreign Affairs", "start": 2019},
        ]
    }
    k = knowledge().with_overrides(overrides)
    assert len(k.people(name_key(["Alex", "Moreau"]))) == 2
    # a title one of them held is left alone; a marker picks one of them
    assert titles("Prime Minister Alex Moreau spoke.", overrides) == []
    assert titles("Foreign Minister Alex Moreau spoke.", overrides) == []
    assert titles("Canadian President Alex Moreau spoke.", overrides) == ["President Alex Moreau"]
    assert titles("French Prime Minister Alex Moreau spoke.", overrides) == ["Prime Minister Alex Moreau"]
    # a title neither held is wrong whoever is meant: reported, naming both offices
    k = knowledge().with_overrides(overrides)
    (e,) = office_errors(Document("a.txt", "President Alex Moreau spoke.\n"), k)
    assert "no one of that name" in e.message and "Canada" in e.message and "France" in e.message
    assert e.suggestion is None


# -- one finding per problem: T102 and T103 ------------------------------------------------
CORPUS = {
    "a.txt": "US Secretary of State Mike Pompeo flew to Doha.\n",
    "b.txt": "Secretary of State Mike Pompeo met the emir.\n",
    "c.txt": "Foreign Secretary Mike Pompeo visited Qatar.\n",
}


def test_a_title_t102_reports_is_left_to_t102():
    found = lint_texts(CORPUS, select=["T102", "T103"])
    assert [(f.path, f.line, f.code) for f in found] == [("c.txt", 1, "T102")]
    # alone, or with T102 off, T103 reports it
    assert t103({"c.txt": CORPUS["c.txt"]}, select=["T102", "T103"]) == ["c.txt:1 T103"]
    assert t103(CORPUS) == ["c.txt:1 T103"]


def test_titles_t102_does_not_know_stay_with_t103():
    texts = {**CORPUS, "d.txt": "Prime Minister Olaf Scholz met the press.\n"}
    found = lint_texts(texts, select=["T102", "T103"])
    assert [(f.path, f.code) for f in found] == [("c.txt", "T102"), ("d.txt", "T103")]


# -- newsroom overrides --------------------------------------------------------------------
def test_overrides_add_people_and_house_style():
    overrides = {"people": [{"name": "Mary Quimby", "country": "US", "office": "Secretary of State", "start": 2031}]}
    assert titles("Foreign Minister Mary Quimby spoke.", overrides) == ["Foreign Minister Mary Quimby"]
    style = {"house-style": {"DE": {"head-of-government": ["Prime Minister"]}}}
    assert titles("Prime Minister Olaf Scholz spoke.", style) == []
    assert titles("Prime Minister Olaf Scholz spoke.", {"ignore": ["Olaf Scholz"]}) == []
    report = {"report": {"CN": {"head-of-government": ["Prime Minister"]}}}
    assert titles("Prime Minister Li Keqiang spoke.", report) == ["Prime Minister Li Keqiang"]
    assert titles("Prime Minister Li Keqiang spoke.") == []


def test_override_people_replace_the_tables_namesakes():
    overrides = {"people": [{"name": "Olaf Scholz", "country": "DE", "office": "Mayor of Somewhere", "start": 2030}]}
    assert titles("Prime Minister Olaf Scholz spoke.", overrides) == []


def test_rule_reads_overrides_from_its_settings():
    doc = Document(path="a.txt", text="Prime Minister Olaf Scholz spoke.")
    rule = OfficeNotHeld()
    ignoring = rule.with_settings(make_settings(OfficeNotHeld, {"ignore": ["Olaf Scholz"]}))
    assert ignoring.collect(doc, OFFICE_TITLES.of(doc)) == []
    found = rule.collect(doc, OFFICE_TITLES.of(doc))  # the rule itself is unchanged
    assert [(f.code, f.column, f.suggestion) for f in found] == [("T103", 1, "Chancellor")]


@pytest.mark.parametrize(
    "values, part",
    [
        ({"people": [{"country": "US"}]}, "'people' must be a list of tables, each with a name"),
        ({"house_style": {"DE": ["Prime Minister"]}}, "'house-style' must be a table of country"),
        ({"ignore": 3}, "ignore"),
        ({"peeple": []}, "has no option peeple"),
    ],
)
def test_options_of_the_wrong_shape_are_an_error_that_names_the_option(values, part):
    with pytest.raises(Invalid, match=part):
        make_settings(OfficeNotHeld, values)


# -- the knowledge ---------------------------------------------------------------------------
def test_table_loads_and_knows_people_in_many_countries():
    k = knowledge()
    assert len(k.table) > 40_000
    (scholz,) = k.people(name_key(["Olaf", "Scholz"]))
    assert any(h.family == "hog" and h.country == "DE" for h in scholz.holdings)
    assert k.people(name_key(["Sergei", "Lavrov"])) == k.people(name_key(["Sergey", "Lavrov"]))
    assert k.people(name_key(["Volodymyr", "Zelensky"])) == k.people(name_key(["Volodymyr", "Zelenskyy"]))
    assert k.people(name_key(["Nobody", "Atallxyz"])) == ()
    assert [p.name for p in k.surname_people("biden")] == ["Joe Biden"]
    countries = {h.country for key in ("olafskols", name_key(["Narendra", "Modi"]), name_key(["Andrej", "Babiš"])) for p in k.people(key) for h in p.holdings}
    assert {"DE", "IN", "CZ"} <= countries


def test_the_analysis_is_registered_and_finds_titles_before_and_after_names():
    assert "office_titles" in registered_analyses()
    doc = Document(path="a.txt", text="Olaf Scholz, the chancellor, met U.S. Foreign Secretary Antony Blinken.")
    found = {(m.written, m.name, m.marker, m.after) for m in OFFICE_TITLES.of(doc)}
    assert found == {("chancellor", "Olaf Scholz", None, True), ("Foreign Secretary", "Antony Blinken", "US", False)}


def test_the_country_data_is_consistent():
    data = ko._data()
    accepted = {norm_title(t) for spec in data["countries"].values() for o in (spec.get("offices") or {}).values() for t in o.get("accepted") or []}
    accepted |= {norm_title(t) for spec in data["families"].values() for t in spec.get("accepted", [])}
    k = knowledge()
    # a word-by-word rendering reported for anyone must be right for no one
    assert not set(k.literal) & accepted
    assert not k.address & accepted
    assert not set(k.literal) & k.address
    # each distinct title belongs to countries with a name or markers
    for d in k.distinct.values():
        assert d.countries and (d.family or d.office)
    # the calques and wrong renderings of a country are never among its accepted ones
    for (country, fam), office in k.offices.items():
        assert not office.calques & office.accepted, (country, fam)
        assert not office.wrong & office.accepted, (country, fam)


def test_the_country_data_loaded_is_the_yaml_compiled():
    # lintnews loads lintnews/data/offices-by-country.json; the YAML is what people edit
    build = _build_module()
    assert (ROOT / "lintnews" / "data" / "offices-by-country.json").read_bytes() == build.country_data(), (
        "run python training/build_offices.py --country-data"
    )
    data = ko._data()
    # every key a string (YAML reads NO: as false), every entry of the known fields only
    assert all(isinstance(c, str) for c in data["countries"])
    for spec in data["literal"]:
        assert set(spec) <= {"lang", "native", "office", "renderings"}, spec
    for spec in data["forms-of-address"]:
        assert set(spec) <= {"forms", "native", "kinship", "royal", "anyone", "peerage"}, spec


def _build_module():
    spec = importlib.util.spec_from_file_location("build_offices", ROOT / "training" / "build_offices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_and_runtime_key_names_alike():
    build = _build_module()
    for name in ["Sergey Lavrov", "Volodymyr Zelenskyy", "António Guterres", "Recep Tayyip Erdoğan", "Xi Jinping", "Joseph Kennedy III"]:
        assert build.person_key(name) == name_key(name.split())


@pytest.mark.slow  # a full build of the offices table (about 5 s); CI runs it
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

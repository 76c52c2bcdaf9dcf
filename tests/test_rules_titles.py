"""T101 conflicting-titles and T102 title-not-in-jurisdiction."""

from rulecase import findings, flagged

CORPUS = {
    "a.txt": "US Secretary of State Mike Pompeo will meet negotiators in Qatar.",
    "b.txt": "U.S. special envoy Zalmay Khalilzad and U.S. Secretary of State Mike Pompeo hailed progress.",
    "c.txt": "KABUL, Afghanistan – Foreign Secretary Mike Pompeo visited the Gulf country of Qatar on Saturday.",
}


def test_title_that_the_persons_country_does_not_have():
    [f] = findings(CORPUS, "T102")
    assert f.path == "c.txt"
    assert flagged(CORPUS, "T102") == ["Foreign Secretary Mike Pompeo"]
    assert f.suggestion == "Secretary of State"
    assert "'Foreign Secretary' is not an office in the US" in f.message
    assert {r.path for r in f.related} == {"a.txt", "b.txt"}


def test_explicit_country_marker_with_a_title_it_does_not_have():
    text = "American Defence Minister Lloyd Austin told reporters the plan was sound."
    [f] = findings(text, "T102")
    assert f.suggestion == "Secretary of Defense"


def test_conflicting_renderings_of_one_office_report_the_minority():
    [f] = findings(CORPUS, "T101")
    assert f.path == "c.txt" and f.suggestion == "Secretary of State"


def test_titles_that_exist_are_not_reported():
    texts = {
        "a.txt": "British Foreign Secretary Dominic Raab met US Secretary of State Mike Pompeo.",
        "b.txt": "Defense Secretary Lloyd Austin and Secretary of Defense Lloyd Austin are one office.",
    }
    assert flagged(texts, "T102") == []
    assert flagged(texts, "T101") == []


def test_different_portfolios_are_a_career_not_a_conflict():
    texts = {
        "a.txt": "Foreign Secretary Jeremy Hunt spoke first.",
        "b.txt": "Health Secretary Jeremy Hunt spoke later, and Prime Minister Jeremy Hunt never did.",
    }
    assert flagged(texts, "T101") == []


def test_unknown_country_is_not_guessed():
    text = "Foreign Minister Wang Yi met the delegation."
    assert flagged(text, "T102") == []


# -- the group a finding carries ----------------------------------------------------------
def _places(texts, variant) -> list[tuple[str, str]]:
    return [(p.path, texts[p.path].split("\n")[p.line - 1][p.column - 1 : p.end_column - 1]) for p in variant.places]


def test_groups_name_the_person_the_right_office_and_every_titled_mention():
    [t101] = findings(CORPUS, "T101")
    [t102] = findings(CORPUS, "T102")
    for f in (t101, t102):
        assert (f.group.entity, f.group.canonical) == ("Mike Pompeo", "Secretary of State")
        assert [(v.text, _places(CORPUS, v)) for v in f.group.variants] == [
            ("Secretary of State", [("a.txt", "Secretary of State Mike Pompeo"), ("b.txt", "Secretary of State Mike Pompeo")]),
            ("Foreign Secretary", [("c.txt", "Foreign Secretary Mike Pompeo")]),
        ]
        place = f.group.variants[1].places[0]
        assert (f.path, f.line, f.column, f.end_column) == (place.path, place.line, place.column, place.end_column)


def test_tied_offices_have_no_canonical_rendering():
    texts = {
        "a.txt": "Secretary of State Mike Pompeo will meet negotiators in Qatar.",
        "b.txt": "Foreign Minister Mike Pompeo hailed progress.",
    }
    fs = findings(texts, "T101")
    assert len(fs) == 2 and fs[0].group is fs[1].group and fs[0].suggestion is None
    group = fs[0].group
    assert group.canonical is None and group.entity == "Mike Pompeo"
    assert [(v.text, _places(texts, v)) for v in group.variants] == [
        ("Foreign Minister", [("b.txt", "Foreign Minister Mike Pompeo")]),
        ("Secretary of State", [("a.txt", "Secretary of State Mike Pompeo")]),
    ]


def test_an_office_no_mention_writes_is_still_canonical():
    text = "American Defence Minister Lloyd Austin told reporters the plan was sound."
    [f] = findings(text, "T102")
    assert (f.group.entity, f.group.canonical) == ("Lloyd Austin", "Secretary of Defense")
    assert [(v.text, _places({"doc.txt": text}, v)) for v in f.group.variants] == [("Defence Minister", [("doc.txt", "Defence Minister Lloyd Austin")])]

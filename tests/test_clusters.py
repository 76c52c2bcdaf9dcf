"""Name and title clusters (lintnews/report/clusters.py): pure functions over findings, their groups and texts."""

from __future__ import annotations

from lintnews import lint_texts
from lintnews.core.corpus import Loc
from lintnews.core.finding import Finding, Group, Variant
from lintnews.report.clusters import name_clusters, title_clusters


def place(path: str, line: int, column: int, length: int) -> Loc:
    return Loc(path, 0, 0, line, column, line, column + length)  # clusters read lines and columns only


def at(where: Loc, group: Group | None, code: str = "N101", suggestion: str | None = None) -> Finding:
    return Finding(where.path, where.line, where.column, where.end_line, where.end_column, code, "x", "error", "m", suggestion, (), group=group)


TEXTS = {
    "a.txt": "Spokesman Tariq Erian said so.\nErian again.\n",
    "b.txt": "Tariq Arian spoke.\nLater Arian left. Arianna is someone else.\n",
}
ERIAN, ARIAN = place("a.txt", 1, 17, 5), place("b.txt", 1, 7, 5)
TIE = Group("Tariq Arian", None, (Variant("Arian", (ARIAN,)), Variant("Erian", (ERIAN,))))


def test_a_tie_joins_the_spellings_its_findings_flag():
    [cluster] = name_clusters([at(ERIAN, TIE), at(ARIAN, TIE)], TEXTS)
    assert cluster.kind == "name"
    # A tie: no spelling is canonical, the label names both (N101: "choose one spelling").
    assert cluster.tie and cluster.label == "Arian or Erian"
    assert {f.text for f in cluster.forms} == {"Erian", "Arian"}
    counts = {f.text: len(f.occurrences) for f in cluster.forms}
    # The places the rule compared, not every string match ("Erian again." on line 2 is
    # not among the group's places, nor is "Arianna").
    assert counts == {"Erian": 1, "Arian": 1}
    erian_places = [(o.path, o.line, o.column, o.end_column) for o in cluster.forms[[f.text for f in cluster.forms].index("Erian")].occurrences]
    assert erian_places == [("a.txt", 1, 17, 22)]


def test_a_tie_whose_other_spelling_no_finding_flags_is_not_a_cluster():
    """A finding left out (ignored, suppressed, in the baseline) leaves its spelling out."""
    assert name_clusters([at(ERIAN, TIE)], TEXTS) == []


def test_a_tie_joins_a_spelling_whose_findings_carry_an_earlier_group():
    """A mention is reported once: the other side of a tie may carry the group of the
    pair that reported it first (Araan, a variant of Arian), and still joins the tie."""
    texts = {"a.txt": "Kwame Arian. Kwame Arian. Kwame Araan. Kwame Arien.\n"}
    arian, araan, arien = (place("a.txt", 1, 7, 5), place("a.txt", 1, 20, 5)), place("a.txt", 1, 33, 5), place("a.txt", 1, 46, 5)
    first = Group("Kwame Arian", "Arian", (Variant("Arian", arian), Variant("Araan", (araan,))))
    tie = Group("Kwame Araan", None, (Variant("Araan", (araan,)), Variant("Arien", (arien,))))
    [cluster] = name_clusters([at(araan, first), at(arien, tie)], texts)
    assert [(f.text, f.flagged) for f in cluster.forms] == [("Arian", False), ("Araan", True), ("Arien", True)]


def test_the_canonical_spelling_is_first_even_when_rarer():
    texts = {"a.txt": "Democrat Badin spoke. Badin left. Joe Biden won.\n"}
    biden, badin1, badin2 = place("a.txt", 1, 39, 5), place("a.txt", 1, 10, 5), place("a.txt", 1, 23, 5)
    group = Group("Biden", "Biden", (Variant("Biden", (biden,)), Variant("Badin", (badin1, badin2))))
    [cluster] = name_clusters([at(badin1, group), at(badin2, group)], texts)
    assert cluster.label == "Biden" and not cluster.tie
    assert [(f.text, len(f.occurrences), f.flagged) for f in cluster.forms] == [("Biden", 1, False), ("Badin", 2, True)]


def test_the_forms_are_the_text_at_the_places_of_the_findings_and_of_the_canonical_spelling():
    """A given-name pair flags the whole name and holds whole names as its places: those
    are the forms; a place whose text the report lacks is the variant's spelling."""
    texts = {"a.txt": "Spokesman Zabiullah Mujahid said so. Zabihullah Mujahid did too.\n"}
    found, canon = place("a.txt", 1, 11, 17), place("a.txt", 1, 38, 18)
    group = Group("Zabihullah Mujahid", "Zabihullah", (Variant("Zabihullah", (canon, place("corpus.txt", 3, 1, 18))), Variant("Zabiullah", (found,))))
    [cluster] = name_clusters([at(found, group)], texts)
    got = [(f.text, len(f.occurrences), f.canonical) for f in cluster.forms]
    assert got == [("Zabihullah", 1, True), ("Zabihullah Mujahid", 1, True), ("Zabiullah Mujahid", 1, False)]


def test_groups_sharing_a_spelling_make_one_cluster():
    texts = {"a.txt": "Badin and Bidan met Biden. Biden won.\n"}
    badin, bidan, biden = place("a.txt", 1, 1, 5), place("a.txt", 1, 11, 5), place("a.txt", 1, 21, 5)
    one = Group("Biden", "Biden", (Variant("Biden", (biden,)), Variant("Badin", (badin,))))
    two = Group("Biden", "Biden", (Variant("Biden", (biden,)), Variant("Bidan", (bidan,))))
    [cluster] = name_clusters([at(badin, one), at(bidan, two)], texts)
    # "Biden" at 1:21 is a place of both groups, counted once; "Biden won" is no group's place.
    assert [(f.text, len(f.occurrences)) for f in cluster.forms] == [("Biden", 1), ("Badin", 1), ("Bidan", 1)]


def test_no_group_no_cluster_and_other_codes_are_ignored():
    assert name_clusters([], TEXTS) == []
    assert name_clusters([at(ERIAN, None, suggestion="Arian")], TEXTS) == []
    assert name_clusters([at(ERIAN, TIE, code="S101"), at(ARIAN, TIE, code="S101")], TEXTS) == []


def test_separate_people_stay_separate_clusters():
    texts = {"a.txt": "Badin and Biden. Zabiullah and Zabihullah.\n"}
    badin, biden = place("a.txt", 1, 1, 5), place("a.txt", 1, 11, 5)
    zabiullah, zabihullah = place("a.txt", 1, 18, 9), place("a.txt", 1, 32, 10)
    findings = [
        at(badin, Group("Biden", "Biden", (Variant("Biden", (biden,)), Variant("Badin", (badin,))))),
        at(zabiullah, Group("Zabihullah", "Zabihullah", (Variant("Zabihullah", (zabihullah,)), Variant("Zabiullah", (zabiullah,))))),
    ]
    clusters = name_clusters(findings, texts)
    assert [[f.text for f in c.forms] for c in clusters] == [["Biden", "Badin"], ["Zabihullah", "Zabiullah"]]


TITLE_TEXTS = {
    "a.txt": "Foreign Secretary Mike Pompeo flew in.\n",
    "b.txt": "Secretary of State Mike Pompeo spoke. Secretary of State Mike Pompeo left.\n",
}
FOREIGN = place("a.txt", 1, 1, 29)
STATE = (place("b.txt", 1, 1, 30), place("b.txt", 1, 39, 30))
TITLES = Group("Mike Pompeo", "Secretary of State", (Variant("Secretary of State", STATE), Variant("Foreign Secretary", (FOREIGN,))))


def test_title_cluster_names_the_person_and_puts_the_canonical_title_first():
    [cluster] = title_clusters([at(FOREIGN, TITLES, code="T101")], TITLE_TEXTS)
    assert cluster.kind == "title" and cluster.label == "Mike Pompeo"
    assert [(f.text, len(f.occurrences), f.flagged) for f in cluster.forms] == [
        ("Secretary of State Mike Pompeo", 2, False),
        ("Foreign Secretary Mike Pompeo", 1, True),
    ]


def test_tied_titles_are_ordered_by_count():
    tie = Group("Mike Pompeo", None, TITLES.variants)
    [cluster] = title_clusters([at(FOREIGN, tie, code="T101"), at(STATE[0], tie, code="T101")], TITLE_TEXTS)
    assert cluster.tie
    assert [f.text for f in cluster.forms] == ["Secretary of State Mike Pompeo", "Foreign Secretary Mike Pompeo"]


def test_title_findings_do_not_make_name_clusters_and_vice_versa():
    finding = at(FOREIGN, TITLES, code="T102")
    assert name_clusters([finding], TITLE_TEXTS) == []
    assert len(title_clusters([finding], TITLE_TEXTS)) == 1
    assert title_clusters([at(ERIAN, TIE), at(ARIAN, TIE)], TEXTS) == []


def test_clusters_of_real_findings():
    texts = {
        "a.txt": "Afghan Interior Ministry spokesman Tariq Erian said on Monday that the talks would go on.\n",
        "b.txt": "Tariq Arian, the ministry's spokesman, said the attackers had been arrested.\n",
        "c.txt": "US Secretary of State Mike Pompeo will meet negotiators in Qatar.\n",
        "d.txt": "KABUL, Afghanistan – Foreign Secretary Mike Pompeo visited the Gulf country of Qatar.\n",
        "e.txt": "U.S. Secretary of State Mike Pompeo hailed progress.\n",
    }
    findings = lint_texts(texts, select=["N101", "T101", "T102"])
    names = name_clusters(findings, texts)
    assert [{f.text for f in c.forms} for c in names] == [{"Erian", "Arian"}], (findings, names)
    [titles] = title_clusters(findings, texts)
    assert titles.label == "Mike Pompeo"
    assert [(f.text, len(f.occurrences)) for f in titles.forms] == [("Secretary of State Mike Pompeo", 2), ("Foreign Secretary Mike Pompeo", 1)]


def test_a_spellings_count_is_the_count_n101s_message_gives():
    """"'Badin' looks like 'Biden' (3 mentions: ...)": the cluster says Biden x3, although
    the texts write "Biden" more often (mentions outside the scope the rule compared)."""
    texts = {
        "a.txt": "Democrat Joe Biden spoke. Biden said so. President Biden left. Many voices call on Democrat Badin.\n",
        "b.txt": "Biden won. Biden again. Biden.\n",
    }
    findings = lint_texts(texts, select=["N101"])
    [n101] = [f for f in findings if f.code == "N101"]
    assert "(3 mentions:" in n101.message, n101.message
    [cluster] = name_clusters(findings, texts)
    assert not cluster.tie
    assert [(f.text, len(f.occurrences)) for f in cluster.forms] == [("Biden", 3), ("Badin", 1)]

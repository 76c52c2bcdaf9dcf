"""Name and title clusters (lintnews/reporters/clusters.py): pure functions over findings and texts."""

from __future__ import annotations

from lintnews import lint_texts
from lintnews.core.finding import Finding, Related
from lintnews.report.clusters import find_occurrences, name_clusters, title_clusters


def at(path: str, line: int, column: int, length: int, code: str = "N101", suggestion: str | None = None, related=()) -> Finding:
    return Finding(path, line, column, line, column + length, code, "x", "error", "m", suggestion, tuple(related))


def rel(path: str, line: int, column: int, length: int) -> Related:
    return Related(path, line, column, line, column + length, "")


TEXTS = {
    "a.txt": "Spokesman Tariq Erian said so.\nErian again.\n",
    "b.txt": "Tariq Arian spoke.\nLater Arian left. Arianna is someone else.\n",
}


def test_tie_pairs_join_through_related_locations():
    erian = at("a.txt", 1, 17, 5, related=[rel("b.txt", 1, 1, 11)])
    arian = at("b.txt", 1, 7, 5, related=[rel("a.txt", 1, 11, 11)])
    [cluster] = name_clusters([erian, arian], TEXTS)
    assert cluster.kind == "name"
    assert {f.text for f in cluster.forms} == {"Erian", "Arian"}
    counts = {f.text: len(f.occurrences) for f in cluster.forms}
    # whole words only: "Arianna" is not an occurrence of "Arian"
    assert counts == {"Erian": 2, "Arian": 2}
    erian_places = [(o.path, o.line, o.column, o.end_column) for o in cluster.forms[[f.text for f in cluster.forms].index("Erian")].occurrences]
    assert erian_places == [("a.txt", 1, 17, 22), ("a.txt", 2, 1, 6)]


def test_suggestion_is_canonical_and_first_even_when_rarer():
    texts = {"a.txt": "Democrat Badin spoke. Badin left. Joe Biden won.\n"}
    badin1 = at("a.txt", 1, 10, 5, suggestion="Biden")
    badin2 = at("a.txt", 1, 23, 5, suggestion="Biden")
    [cluster] = name_clusters([badin1, badin2], texts)
    assert cluster.label == "Biden"
    assert [(f.text, len(f.occurrences), f.flagged) for f in cluster.forms] == [("Biden", 1, False), ("Badin", 2, True)]


def test_no_name_findings_no_clusters_and_other_codes_are_ignored():
    assert name_clusters([], TEXTS) == []
    assert name_clusters([at("a.txt", 1, 17, 5, code="S101", suggestion="Brian")], TEXTS) == []


def test_a_spelling_linked_to_nothing_is_not_a_cluster():
    lonely = at("a.txt", 1, 17, 5, related=[rel("b.txt", 2, 20, 3)])  # no finding inside the related place
    assert name_clusters([lonely], TEXTS) == []


def test_separate_people_stay_separate_clusters():
    texts = {"a.txt": "Badin and Biden. Zabiullah and Zabihullah.\n"}
    findings = [at("a.txt", 1, 1, 5, suggestion="Biden"), at("a.txt", 1, 18, 9, suggestion="Zabihullah")]
    clusters = name_clusters(findings, texts)
    assert [[f.text for f in c.forms] for c in clusters] == [["Biden", "Badin"], ["Zabihullah", "Zabiullah"]]


def test_title_cluster_names_the_person_and_puts_the_suggested_title_first():
    texts = {
        "a.txt": "Foreign Secretary Mike Pompeo flew in.\n",
        "b.txt": "Secretary of State Mike Pompeo spoke. Secretary of State Mike Pompeo left.\n",
    }
    finding = at("a.txt", 1, 1, 29, code="T101", suggestion="Secretary of State", related=[rel("b.txt", 1, 1, 30)])
    [cluster] = title_clusters([finding], texts)
    assert cluster.kind == "title" and cluster.label == "Mike Pompeo"
    assert [(f.text, len(f.occurrences)) for f in cluster.forms] == [
        ("Secretary of State Mike Pompeo", 2),
        ("Foreign Secretary Mike Pompeo", 1),
    ]


def test_title_findings_do_not_make_name_clusters_and_vice_versa():
    texts = {"a.txt": "Foreign Secretary Mike Pompeo.\n", "b.txt": "Secretary of State Mike Pompeo.\n"}
    finding = at("a.txt", 1, 1, 29, code="T102", suggestion="Secretary of State", related=[rel("b.txt", 1, 1, 30)])
    assert name_clusters([finding], texts) == []
    assert len(title_clusters([finding], texts)) == 1


def test_occurrences_cross_line_breaks_and_count_characters():
    texts = {"é.txt": "«Zabihullah\nMujahid» said.\n"}
    found = find_occurrences(["Zabihullah Mujahid"], texts)
    [o] = found["Zabihullah Mujahid"]
    assert (o.line, o.column, o.end_line, o.end_column) == (1, 2, 2, 8)


def test_clusters_of_real_findings():
    texts = {
        "a.txt": "Afghan Interior Ministry spokesman Tariq Erian said on Monday that the talks would go on.\n",
        "b.txt": "Tariq Arian, the ministry's spokesman, said the attackers had been arrested.\n",
    }
    findings = lint_texts(texts, select=["N101"])
    clusters = name_clusters(findings, texts)
    assert any({"Erian", "Arian"} <= {f.text for f in c.forms} for c in clusters), (findings, clusters)

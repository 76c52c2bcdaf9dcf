"""The short labels a message cites places by ("000:8", "story:1", "a/story:1"): unique
among the run's documents, whatever order the files were given in, and the same in the
CLI's formats, through the corpus index and in the language server (issue 19, item 5)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_lintnews
from lintnews.core.labels import Labels, name_forms

ARIAN = "A spokesman for the Interior Ministry, Tariq Arian, said 23 rockets had hit the city on Saturday."
ERIAN = "Interior Ministry spokesman Tariq Erian said the attack had killed eight people."
#: Two folders with a file of one name ("story.txt"), and numbered files that share a number.
FILES = {
    "a/story.txt": f"{ARIAN}\n",
    "b/story.txt": f"{ARIAN} The ceasefire held.\n",
    "b/000_y.txt": f"{ARIAN}\n",
    "c/story.txt": f"{ERIAN} Talks on a cease-fire resumed.\n",
    "c/000_x.txt": "The ceasefire held on Monday.\n",
    "c/other.txt": "The ceasefire held on Tuesday.\n",
}
N101 = "'Erian' looks like 'Arian' (3 mentions: a/story:1, 000_y:1, b/story:1;"
C102 = "'ceasefire' at 000_x:1, other:1)"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


# -- the labels --------------------------------------------------------------------------------


def test_a_name_no_other_document_shares_is_its_stem_or_number():
    labels = Labels(["seeds/000_1f079a1ce9d05eea.txt", "x/cnn.304400.txt", "x/story.md"])
    assert [labels.of(p) for p in ["seeds/000_1f079a1ce9d05eea.txt", "x/cnn.304400.txt", "x/story.md"]] == ["000", "cnn.304400", "story"]
    assert labels.at("seeds/000_1f079a1ce9d05eea.txt", 8) == "000:8"


def test_two_folders_with_a_file_of_one_name_are_told_apart_by_the_shortest_unique_suffix():
    paths = ["news/a/story.txt", "news/b/story.txt", "news/b/000_y.txt", "news/c/000_x.txt", "x/y/a/z.txt", "x/q/a/z.txt", "k/m.txt", "k/m.md"]
    labels = Labels(paths)
    assert {p: labels.of(p) for p in paths} == {
        "news/a/story.txt": "a/story",
        "news/b/story.txt": "b/story",
        "news/b/000_y.txt": "000_y",  # the number is shared, the stem is not
        "news/c/000_x.txt": "000_x",
        "x/y/a/z.txt": "y/a/z",  # "a/z" is both
        "x/q/a/z.txt": "q/a/z",
        "k/m.txt": "m.txt",  # one folder, one stem: the extension tells them apart
        "k/m.md": "m.md",
    }


def test_a_path_that_ends_another_is_labelled_by_its_whole_path():
    labels = Labels(["b.txt", "a/b.txt", "./c\\d.txt"])
    assert (labels.of("b.txt"), labels.of("a/b.txt"), labels.of("./c\\d.txt")) == ("b.txt", "a/b", "d")


def test_name_forms():
    assert name_forms("000_1f0.txt") == ("000", "000_1f0", "000_1f0.txt")
    assert name_forms("cnn.304400.txt") == ("cnn.304400", "cnn.304400.txt")
    assert name_forms("README") == ("README",)
    assert name_forms(".hidden") == (".hidden",)


_part = st.sampled_from(["a", "b", "c", "000_x", "000_y", "1_z"])
_name = st.sampled_from(["s.txt", "s.md", "000_p.txt", "000_q.txt", "t.txt", "s"])
_paths = st.lists(st.builds(lambda folders, name: "/".join([*folders, name]), st.lists(_part, max_size=3), _name), min_size=1, max_size=12, unique=True)


def _names(label: str, path: str) -> bool:
    """Whether ``label`` describes ``path``: its folders end the path's, its last part is
    a form of the path's file name."""
    *folders, form = label.split("/")
    *path_folders, name = path.split("/")
    return form in name_forms(name) and (not folders or path_folders[-len(folders):] == folders)


@settings(max_examples=300, deadline=None)
@given(_paths, st.randoms(use_true_random=False))
def test_labels_are_unique_name_their_document_alone_and_ignore_the_order(paths, rng):
    labels = Labels(paths)
    got = {p: labels.of(p) for p in paths}
    assert len(set(got.values())) == len(paths)
    for p, label in got.items():
        if label != p:  # not the fallback: the label describes this document and no other
            assert [q for q in paths if _names(label, q)] == [p]
    shuffled = list(paths)
    rng.shuffle(shuffled)
    again = Labels(shuffled)
    assert {p: again.of(p) for p in reversed(shuffled)} == got


def test_many_files_of_one_name_are_labelled_in_linear_work():
    """index.html in 20,000 folders: each label reads the folders' counts once."""
    paths = [f"site/{i:05d}/index.html" for i in range(20_000)]
    labels = Labels(paths)
    got = [labels.of(p) for p in paths]
    assert got[:2] == ["00000/index", "00001/index"] and len(set(got)) == len(paths)
    # The counts of "index" and "index.html" at depth 1 and of "index" at depth 2, not
    # one table per document (20,000 tables of 20,000 made it quadratic).
    assert sorted(labels._counts) == [("index", 1), ("index", 2), ("index.html", 1)]


# -- the command line, the index, the language server ------------------------------------------


def test_the_cli_cites_places_by_unique_labels_whatever_the_order_in_every_format(tmp_path):
    write(tmp_path, FILES)
    proc = run_lintnews(["a", "b", "c"], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert N101 in proc.stdout and C102 in proc.stdout
    files = list(FILES)
    orders = [["c", "b", "a"], random.Random(19).sample(files, len(files)), sorted(files, reverse=True)]
    for fmt in ["text", "json", "sarif", "github", "html"]:
        first = run_lintnews(["--format", fmt, "a", "b", "c"], cwd=tmp_path).stdout
        assert "a/story:1" in first, fmt
        for order in orders:
            assert run_lintnews(["--format", fmt, *order], cwd=tmp_path).stdout == first, (fmt, order)


def test_a_one_file_run_against_an_indexed_archive_labels_as_a_full_run_does(tmp_path):
    """And counts as it does: C102 compares the forms of one folder (b/story.txt writes
    'ceasefire' too, in another folder); the index's counts were corpus-wide ('ceasefire'
    3x against the whole run's 2x)."""
    write(tmp_path / "articles", FILES)
    full = run_lintnews(["articles"], cwd=tmp_path).stdout.splitlines()
    want = [line for line in full if line.startswith("articles/c/story.txt:")]
    assert len(want) == 2 and N101 in want[0] and C102 in want[1] and "'ceasefire' 2x" in want[1]
    args = ["--cache-dir", "cache", "--corpus", "articles", "articles/c/story.txt"]
    for _ in range(2):  # the index built, then read
        assert run_lintnews(args, cwd=tmp_path).stdout.splitlines() == want


def test_the_language_server_labels_as_the_cli_does(tmp_path):
    from lintnews.server.workspace import Workspace

    write(tmp_path, FILES)
    ws = Workspace(str(tmp_path))
    assert ws.configure() == []
    found, _ = ws.discover()
    ws.add_files(found)
    target = str(tmp_path / "c" / "story.txt")
    checked = ws.check({target})
    messages = [f.message for f in checked.findings[target]]
    assert any(N101 in m for m in messages) and any(C102 in m for m in messages), messages


def test_labels_are_the_same_for_every_permutation_of_a_small_run():
    paths = ["a/story.txt", "b/story.txt", "b/000_y.txt", "c/000_x.txt"]
    seen = {tuple(Labels(order).of(p) for p in paths) for order in itertools.permutations(paths)}
    assert seen == {("a/story", "b/story", "000_y", "000_x")}

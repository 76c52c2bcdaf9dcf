"""Safe fixes: ``--fix`` rewrites only what the safe fixes cover; ``--diff`` shows it.

The safe fixes: doubled punctuation (P101, the second mark kept), a space before
punctuation (P102, not the closing-quote case), a repeated word (G105), a boilerplate
line (W101, deleted with the blank line before it).  A name is never fixed.  Writes are
atomic, keep the file's encoding, BOM and line endings, and a second ``--fix`` changes
nothing.  ``--diff`` writes nothing and exits 1 when there is something to fix.

The fixed text is checked against the original with exactly the reported spans
replaced (the flagged span by the suggestion; a W101 line and the blank line before it
removed), and with difflib, line by line, against the lines the findings name.
"""

from __future__ import annotations

import difflib
import errno
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import lintnews.run.atomic
from conftest import cli_env, copy_seeds, json_findings, lintnews_executable, run_lintnews, span_of, tree_snapshot
from lintnews.cli import main

# A file of our own beside the seeds: the fixes the seeds lack (G105, P102 before a
# comma) on the same line as a name variant (N101), which must stay as it is.
EXTRA = (
    "Senator Amy Klobuchar said the bill was ready for a vote.\n"
    "Ms Klobuchar told reporters that the the committee would meet on Monday.\n"
    "Ms Klobucher said , after the meeting, that she was hopeful. .\n"
    "The senator later left for Minnesota.\n"
)
SAFE = {"P101", "P102", "G105", "W101"}


def is_fixable(finding: dict) -> bool:
    """A finding ``--fix`` must fix: a safe rule, but not P102's closing-quote case."""
    return finding["code"] in SAFE and not (finding["code"] == "P102" and "quotation mark" in finding["message"])


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def expected_edits(text: str, findings: list[dict]) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` in ``text`` (LF, no BOM) for each fixable finding."""
    lines = text.split("\n")
    starts = line_starts(text)
    edits = []
    for f in findings:
        if not is_fixable(f):
            continue
        if f["code"] == "W101":
            n = f["line"]
            first = n - 1 if n > 1 and lines[n - 2].strip() == "" else n
            end = starts[n] if n < len(starts) else len(text)
            edits.append((starts[first - 1], end, ""))
        else:
            start, end = span_of(text, f["line"], f["column"], f["end_line"], f["end_column"])
            assert f["suggestion"] is not None, f
            edits.append((start, end, f["suggestion"]))
    return sorted(edits)


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, cursor = [], 0
    for start, end, replacement in edits:
        assert start >= cursor, "overlapping fixes in the test input"
        out += [text[cursor:start], replacement]
        cursor = end
    return "".join(out + [text[cursor:]])


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the seeds plus EXTRA, and its findings before any fix."""
    root = copy_seeds(tmp_path_factory.mktemp("fix-original"))
    (root / "seeds" / "extra.txt").write_text(EXTRA, encoding="utf-8")
    proc = run_lintnews(["--format", "json", "seeds"], cwd=root)
    return root, json_findings(proc.stdout)


@pytest.fixture(scope="module")
def fixed(original, tmp_path_factory: pytest.TempPathFactory):
    """The same tree after one ``lintnews --fix seeds``."""
    root, _ = original
    work = tmp_path_factory.mktemp("fix-fixed") / "project"
    shutil.copytree(root, work)
    proc = run_lintnews(["--format", "json", "--fix", "seeds"], cwd=work)
    return work, proc


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted((root / "seeds").iterdir())}


# -- what --fix changes ------------------------------------------------------------------


def test_fix_applies_exactly_the_reported_safe_fixes(original, fixed):
    root, findings = original
    work, proc = fixed
    assert "Traceback" not in proc.stderr
    before, after = texts(root), texts(work)
    assert sorted(before) == sorted(after)
    fixable = [f for f in findings if is_fixable(f)]
    assert {f["code"] for f in fixable} == SAFE  # every kind of safe fix is exercised
    for path, text in before.items():
        mine = [f for f in findings if f["path"] == path]
        assert after[path] == apply_edits(text, expected_edits(text, mine)), path
    changed_files = sum(before[p] != after[p] for p in before)
    assert f"fixed {len(fixable)} problems in {changed_files} files" in proc.stderr


def test_every_changed_line_is_a_line_a_safe_fix_names(original, fixed):
    root, findings = original
    work, _ = fixed
    before, after = texts(root), texts(work)
    for path in before:
        old, new = before[path].split("\n"), after[path].split("\n")
        named = {f["line"] for f in findings if f["path"] == path and is_fixable(f)}
        # A W101 line takes the blank line before it along.
        named |= {f["line"] - 1 for f in findings if f["path"] == path and f["code"] == "W101"}
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            touched = set(range(i1 + 1, i2 + 1))
            blank_shift = all(not line.strip() for line in old[i1:i2])  # difflib may pick either blank line
            assert touched <= named or blank_shift, (path, tag, old[i1:i2], new[j1:j2])
            if tag == "replace":  # an edited line keeps everything outside the fixed spans
                for line_old, line_new in zip(old[i1:i2], new[j1:j2]):
                    ratio = difflib.SequenceMatcher(None, line_old, line_new, autojunk=False).ratio()
                    assert ratio > 0.95, (line_old, line_new)


def test_fix_leaves_the_unfixable_findings_and_fixes_all_the_fixable_ones(original, fixed):
    _, findings = original
    work, proc = fixed
    assert proc.returncode == 1  # what remains is reported
    remaining = json_findings(proc.stdout)
    assert [f for f in remaining if is_fixable(f)] == []
    kept = [(f["path"], f["code"], f["message"]) for f in findings if not is_fixable(f) and f["path"] != "seeds/extra.txt"]
    assert kept == [(f["path"], f["code"], f["message"]) for f in remaining if f["path"] != "seeds/extra.txt"]


def test_names_are_never_fixed(original, fixed):
    _, findings = original
    work, proc = fixed
    names_before = [f for f in findings if f["code"] == "N101"]
    assert any(f["suggestion"] for f in names_before)  # a suggestion exists, yet it is not applied
    names_after = [f for f in json_findings(proc.stdout) if f["code"] == "N101"]
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in names_after] == [
        (f["path"], f["line"], f["column"], f["message"]) for f in names_before
    ]
    line = (work / "seeds" / "extra.txt").read_text(encoding="utf-8").split("\n")[2]
    assert line == "Ms Klobucher said, after the meeting, that she was hopeful."


def test_a_second_fix_changes_nothing_and_diff_is_empty(fixed):
    work, _ = fixed
    snapshot = tree_snapshot(work)
    again = run_lintnews(["--fix", "seeds"], cwd=work)
    assert again.returncode == 1  # the unfixable findings
    assert "fixed" not in again.stderr
    diff = run_lintnews(["--diff", "seeds"], cwd=work)
    assert (diff.returncode, diff.stdout) == (0, "")
    assert tree_snapshot(work) == snapshot  # not even rewritten with the same bytes


# -- --diff ---------------------------------------------------------------------------


def test_diff_shows_the_fixes_and_writes_nothing(original, fixed, tmp_path):
    root, _ = original
    work, _ = fixed
    copy = tmp_path / "project"
    shutil.copytree(root, copy, copy_function=shutil.copy2)
    snapshot = tree_snapshot(copy)
    proc = run_lintnews(["--diff", "seeds"], cwd=copy)
    assert proc.returncode == 1
    assert tree_snapshot(copy) == snapshot  # same files, same bytes, same mtimes
    before, after = texts(root), texts(work)
    expected = []
    for p in sorted(before):
        for line in difflib.unified_diff(
            before[p].splitlines(keepends=True), after[p].splitlines(keepends=True), f"a/{p}", f"b/{p}"
        ):
            # As diff(1) writes it: a last line without a newline gets the marker line.
            expected.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    assert expected, "nothing to fix in the test input"
    assert proc.stdout == "".join(expected)


def test_diff_of_a_clean_file_is_empty_with_exit_0(tmp_path):
    (tmp_path / "clean.txt").write_text("The minister spoke to reporters on Monday.\n", encoding="utf-8")
    proc = run_lintnews(["--diff", "clean.txt"], cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_fix_and_diff_together_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("It rained. .\n", encoding="utf-8")
    proc = run_lintnews(["--fix", "--diff", "a.txt"], cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "It rained. .\n"


# -- encodings, BOMs and line endings ---------------------------------------------------------

# Non-ASCII text, every safe fix, boilerplate at the end (the last line without a newline).
ARTICLE = (
    "Café owners in Zürich said the the strike would end. .\n"
    "The mayor ’s office said , however, that talks continue.\n"
    "\n"
    "Source link\n"
    "\n"
    "Officials met on Monday.\n"
    "\n"
    "Leave a Reply"
)


@pytest.fixture(scope="module")
def lf_fixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """ARTICLE fixed as a plain UTF-8 LF file (the reference for the other encodings), and the number of fixes."""
    root = tmp_path_factory.mktemp("lf")
    (root / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    findings = json_findings(run_lintnews(["--format", "json", "a.txt"], cwd=root).stdout)
    assert {f["code"] for f in findings} == SAFE
    run_lintnews(["--fix", "a.txt"], cwd=root)
    result = (root / "a.txt").read_bytes().decode("utf-8")
    assert result == apply_edits(ARTICLE, expected_edits(ARTICLE, findings))
    return result, len(findings)


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("utf-8", b"", "\r\n"),
        ("utf-8", b"\xef\xbb\xbf", "\n"),
        ("utf-8", b"", "\r"),
        ("utf-16-le", b"\xff\xfe", "\r\n"),
        ("utf-16-be", b"\xfe\xff", "\n"),
    ],
    ids=["utf8-bom-crlf", "utf8-crlf", "utf8-bom-lf", "utf8-cr", "utf16le-bom-crlf", "utf16be-bom-lf"],
)
def test_fix_keeps_encoding_bom_and_line_endings_byte_exact(tmp_path, lf_fixed, encoding, bom, newline):
    reference, fixes = lf_fixed
    raw = bom + ARTICLE.replace("\n", newline).encode(encoding)
    (tmp_path / "a.txt").write_bytes(raw)
    proc = run_lintnews(["--fix", "a.txt"], cwd=tmp_path)
    assert "Traceback" not in proc.stderr and f"fixed {fixes} problems in 1 file" in proc.stderr, proc.stderr
    assert (tmp_path / "a.txt").read_bytes() == bom + reference.replace("\n", newline).encode(encoding)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left
    second = run_lintnews(["--diff", "a.txt"], cwd=tmp_path)
    assert (second.returncode, second.stdout) == (0, "")


def test_fix_keeps_the_file_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained. .\n", encoding="utf-8")
    path.chmod(0o640)
    run_lintnews(["--fix", "a.txt"], cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "It rained.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- files that cannot be written --------------------------------------------------------

DIRTY = "The talks were a difficult issue. .\n"


def _assert_refused(proc, path: Path, before: bytes) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temporary file was left behind"


@pytest.fixture
def unreplaceable(tmp_path, monkeypatch) -> Path:
    """``a.txt`` (with fixable problems) in the current folder, which ``os.replace``
    refuses to overwrite: the write fails at its last step (as on a file the system will
    not replace)."""
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    real_replace = os.replace

    def refuse(src, dst, *args, **kwargs):
        if os.path.abspath(dst) == str(path):
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), src, None, dst)
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(lintnews.run.atomic.os, "replace", refuse)
    monkeypatch.chdir(tmp_path)
    return path


def test_a_failing_rename_leaves_the_file_and_no_temporary_file(unreplaceable, tmp_path):
    path = unreplaceable
    result = CliRunner().invoke(main, ["--fix", "a.txt"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert os.strerror(errno.EPERM) in result.output
    assert path.read_bytes() == DIRTY.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_the_error_names_the_file_that_could_not_be_fixed(unreplaceable):
    result = CliRunner().invoke(main, ["--fix", "a.txt"])
    assert result.exit_code == 2
    assert "a.txt" in result.output and ".tmp" not in result.output, result.output


@pytest.fixture
def immutable(tmp_path):
    """Make a file or folder immutable (chattr +i: not even root may replace it), undone after."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = []

    def make(path: Path) -> None:
        proc = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot make a file immutable here: {proc.stderr.strip()}")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_fix_of_an_immutable_file_or_folder_fails_cleanly(tmp_path, immutable, what):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    immutable(path if what == "file" else folder)
    proc = run_lintnews(["--fix", "articles/a.txt"], cwd=tmp_path)
    _assert_refused(proc, path, DIRTY.encode("utf-8"))
    # An immutable file is refused before writing; an immutable folder fails the write.
    assert ("read-only" if what == "file" else "not permitted") in proc.stderr


def _nobody_runner():
    """``run(args, cwd)`` running lintnews as the unprivileged user 'nobody' (we are root).

    ``setpriv`` switches user but keeps root's rights until the program starts, so an
    interpreter under a folder only root may enter still starts; the program then runs
    with nobody's rights.  Without setpriv, subprocess switches user itself.
    """
    nobody = pwd.getpwnam("nobody")
    setpriv = shutil.which("setpriv")

    def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [lintnews_executable(), *args]
        extra: dict = {}
        if setpriv:
            command = [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", *command]
        else:
            extra = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        return subprocess.run(
            command,
            cwd=str(cwd),
            env=cli_env({"HOME": str(cwd)}),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            **extra,
        )

    return run, nobody


@pytest.fixture
def unprivileged():
    """``(run, folder)``: lintnews as a user for whom permission bits count, and a folder it owns."""
    folder = Path(tempfile.mkdtemp(prefix="lintnews-readonly-"))
    try:
        if os.geteuid() != 0:
            yield (lambda args, cwd: run_lintnews(args, cwd=cwd)), folder
            return
        try:
            run, nobody = _nobody_runner()
        except KeyError:
            pytest.skip("no user 'nobody' to run lintnews as")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        try:
            probe = run(["--version"], folder)
        except OSError as exc:
            pytest.skip(f"lintnews cannot be started as 'nobody' here: {exc}")
        if probe.returncode != 0:
            pytest.skip(f"lintnews cannot run as 'nobody' here: {probe.stderr.strip()[:200]}")
        yield run, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_fix_of_a_read_only_file_fails_and_leaves_it_unchanged(unprivileged):
    run, folder = unprivileged
    path = folder / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    owner = folder.stat()
    os.chown(path, owner.st_uid, owner.st_gid)  # the user's own file, in the user's own folder,
    path.chmod(0o444)  # which the user made read-only
    proc = run(["--fix", "a.txt"], folder)
    _assert_refused(proc, path, DIRTY.encode("utf-8"))
    assert "a.txt" in proc.stderr


# -- what is not reported is not fixed ---------------------------------------------------------


@pytest.mark.parametrize(
    "config, args",
    [
        (None, []),  # the first line's marker
        ('[per-file-ignores]\n"a.txt" = ["P101"]\n', []),
        ('ignore = ["P101"]\n', []),
        (None, ["--select", "G"]),
    ],
    ids=["inline-marker", "per-file-ignores", "ignored-in-config", "not-selected"],
)
def test_a_finding_that_is_not_reported_is_not_fixed(tmp_path, config, args):
    text = "It rained. . <!-- lintnews: disable-line=P101 -->\nIt snowed. .\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    if config:
        (tmp_path / "lintnews.toml").write_text(config, encoding="utf-8")
    proc = run_lintnews(["--fix", *args, "a.txt"], cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    fixed_second_line = config is None and not args
    expected = text.replace("It snowed. .", "It snowed.") if fixed_second_line else text
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == expected

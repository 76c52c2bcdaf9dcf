"""Bad input: every kind of unusable file is one clear message, the others are still linted.

The contract (issue 5, docs/robustness.md): a file that cannot be linted is reported on
stderr as ``lintnews: PATH: reason`` after the findings of the other files, which are
printed as usual, and the exit code is 2 (an input error wins over findings).  Nothing
raises, nothing hangs, nothing is read that the limits refuse.

Each case runs the installed console script unless it must patch the process (a
permission error as root, the size limit counted by ``open`` calls); those run the API
or the click command in-process.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import cli_env, lintnews_executable
from lintnews.run import files as loading
from lintnews.api import lint_paths, lint_texts
from lintnews.cli import main as cli_main
from lintnews.run.files import MAX_FILE_BYTES, InputError, read_source

# One finding of a known place in each of these: S101 at 1:14, W101 at 2:1.
DIRTY = "The minister mentionned the plan.\nSource link\n"
DIRTY_FINDINGS = [("1", "14", "S101"), ("2", "1", "W101")]


def findings_of(stdout: str) -> list[tuple[str, str, str, str]]:
    """``(path, line, column, code)`` of each text-format finding line."""
    out = []
    for line in stdout.splitlines():
        location, _, rest = line.partition(": ")
        path, ln, col = location.rsplit(":", 2)
        out.append((path, ln, col, rest.split(" ", 1)[0]))
    return out


def assert_input_error(proc: subprocess.CompletedProcess[str], path: str, reason: str) -> None:
    """Exit 2, ``lintnews: PATH: ...reason...`` on stderr, no traceback."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.startswith(f"lintnews: {path}: ")]
    assert len(lines) == 1, f"expected one message for {path!r}: {proc.stderr!r}"
    assert reason in lines[0], f"{reason!r} not in {lines[0]!r}"


def run_with_good_file(run_cli, folder: Path, bad: str) -> subprocess.CompletedProcess[str]:
    """Lint ``good.txt`` (DIRTY), then ``bad``; the good file's findings must come through."""
    (folder / "good.txt").write_text(DIRTY, encoding="utf-8")
    proc = run_cli(["good.txt", bad], cwd=folder)
    assert [(ln, col, code) for _, ln, col, code in findings_of(proc.stdout)] == DIRTY_FINDINGS, proc.stdout
    return proc


# -- contents that are fine ----------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\n \r\n\n", b"\n" * 1000, b"\xef\xbb\xbf"], ids=["empty", "whitespace", "newlines", "bom-only"])
def test_an_empty_or_blank_file_is_clean(run_cli, tmp_path, content):
    (tmp_path / "blank.txt").write_bytes(content)
    proc = run_cli(["blank.txt"], cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_a_utf8_bom_is_not_a_column(run_cli, tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + DIRTY.encode())
    proc = run_cli(["bom.txt"], cwd=tmp_path)
    assert proc.returncode == 1
    assert [(ln, col, code) for _, ln, col, code in findings_of(proc.stdout)] == DIRTY_FINDINGS


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_decoded(run_cli, tmp_path, encoding, bom):
    (tmp_path / "wide.txt").write_bytes(bom + DIRTY.encode(encoding))
    proc = run_cli(["wide.txt"], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert [(ln, col, code) for _, ln, col, code in findings_of(proc.stdout)] == DIRTY_FINDINGS
    source = read_source(str(tmp_path / "wide.txt"))
    assert not isinstance(source, InputError)
    assert source.encoding == encoding  # kept, so --fix writes the file back as it was


def test_utf16_without_a_bom_is_refused_as_binary_not_misread(run_cli, tmp_path):
    """Without a BOM nothing says it is UTF-16; its NUL bytes mark it as not text."""
    (tmp_path / "wide.txt").write_bytes(DIRTY.encode("utf-16-le"))
    proc = run_with_good_file(run_cli, tmp_path, "wide.txt")
    assert_input_error(proc, "wide.txt", "binary")


# -- contents that are refused ---------------------------------------------------------------


def test_a_binary_file_is_skipped_with_a_notice(run_cli, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"GIF89a\x00\x01\x02\x00Source link\n")
    proc = run_with_good_file(run_cli, tmp_path, "image.txt")
    assert_input_error(proc, "image.txt", "binary file (NUL characters), skipped")


def test_invalid_utf8_names_the_byte_and_its_offset(run_cli, tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"Source link\ncaf\xc3 au lait\n")
    proc = run_with_good_file(run_cli, tmp_path, "broken.txt")
    assert_input_error(proc, "broken.txt", "not valid UTF-8 (byte 0xc3 at offset 15)")
    assert "Windows-1252" not in proc.stderr  # no typographic quotes: no guess


def test_windows_1252_text_is_refused_with_the_command_that_converts_it(run_cli, tmp_path):
    """Decision: refuse clearly rather than guess; a wrong guess would corrupt --fix."""
    (tmp_path / "cp1252.txt").write_bytes("\u201cSource link\u201d \u2013 the minister\u2019s words\n".encode("cp1252"))
    proc = run_with_good_file(run_cli, tmp_path, "cp1252.txt")
    assert_input_error(proc, "cp1252.txt", "not valid UTF-8 (byte 0x93 at offset 0)")
    assert "Windows-1252" in proc.stderr and "iconv -f cp1252 -t utf-8" in proc.stderr


def test_a_windows_1252_file_is_never_changed_by_fix(run_cli, tmp_path):
    data = "Caf\xe9 , said he . .\n".encode("cp1252")
    (tmp_path / "cp1252.txt").write_bytes(data)
    proc = run_cli(["--fix", "cp1252.txt"], cwd=tmp_path)
    assert_input_error(proc, "cp1252.txt", "not valid UTF-8")
    assert (tmp_path / "cp1252.txt").read_bytes() == data


# -- line endings ----------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_give_the_columns_of_the_lf_file(run_cli, tmp_path, newline):
    text = "Hi.\nThe plan , said he.\n\nSource link\nThe minister mentionned it.\n"
    (tmp_path / "lf.txt").write_bytes(text.encode())
    (tmp_path / "other.txt").write_bytes(text.replace("\n", newline).encode())
    lf = run_cli(["lf.txt"], cwd=tmp_path)
    other = run_cli(["other.txt"], cwd=tmp_path)
    expected = [("2", "9", "P102"), ("4", "1", "W101"), ("5", "14", "S101")]
    assert [(ln, col, code) for _, ln, col, code in findings_of(lf.stdout)] == expected
    assert [(ln, col, code) for _, ln, col, code in findings_of(other.stdout)] == expected


def test_mixed_line_endings_count_each_break_once(tmp_path):
    """``\\r\\n`` is one break, a lone ``\\r`` and a lone ``\\n`` are one each."""
    text = "One.\r\nTwo.\rThree.\nSource link\r\n"
    findings = lint_texts({"mixed.txt": text}, select=["W101"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(4, 1, 12)]


# -- size limits -----------------------------------------------------------------------------


def test_a_100_mb_file_is_refused_from_its_size(run_cli, tmp_path):
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(100 * 2**20)  # sparse: costs no disk
    proc = run_with_good_file(run_cli, tmp_path, "huge.txt")
    assert_input_error(proc, "huge.txt", "over the limit of 10 MiB")


def test_an_oversized_file_is_never_opened(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    opened = []
    real_open = builtins.open

    def spy_open(file, *args, **kwargs):
        opened.append(os.fspath(file) if not isinstance(file, int) else file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    result = read_source(str(huge))
    assert isinstance(result, InputError) and "over the limit" in result.message
    assert str(huge) not in opened


def test_the_size_limit_is_inclusive(tmp_path, monkeypatch):
    """A file of exactly the limit is linted; one byte more is refused."""
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 64)
    at_limit = "Source link\n" + "x" * (64 - 13) + "\n"
    assert len(at_limit.encode()) == 64
    (tmp_path / "a.txt").write_text(at_limit)
    (tmp_path / "b.txt").write_text(at_limit + "y")
    result = lint_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], rules=None)
    assert result.files == 1
    assert [(Path(f.path).name, f.code) for f in result.findings if f.code == "W101"] == [("a.txt", "W101")]
    assert [(Path(e.path).name, "over the limit" in e.message) for e in result.errors] == [("b.txt", True)]


def _repeated_line(size: int) -> tuple[str, int]:
    """One line of about ``size`` characters: a unit with three fixable faults, repeated."""
    unit = "The minister said the the plan , was ready . "  # G105 once, P102 twice
    n = size // len(unit)
    return unit * n, n


def test_a_very_long_line_is_linted_whole(tmp_path):
    """100 KB and 400 KB on one line: every repetition is found, at its exact column.

    The limit is the file size (10 MiB); a long line costs time linear in its length
    (figures in docs/robustness.md).  The time is measured there, not asserted here.
    """
    counts = {}
    for size in (100_000, 400_000):
        text, n = _repeated_line(size)
        every = lint_texts({"long.txt": text})  # all default rules run over the line
        findings = [f for f in every if f.code in ("P102", "G105")]
        counts[size] = (n, len(findings))
        assert {f.line for f in findings} == {1}
        assert len([f for f in findings if f.code == "G105"]) == n
        assert len([f for f in findings if f.code == "P102"]) == 2 * n
        last = max(findings, key=lambda f: f.column)
        assert text[last.column - 1 : last.end_column - 1] == " ."
        assert last.end_column - 1 <= len(text)
    assert counts[400_000][1] == 3 * counts[400_000][0]


def test_a_long_line_from_a_file_keeps_its_columns(run_cli, tmp_path):
    text, n = _repeated_line(200_000)
    (tmp_path / "long.txt").write_text(text + "\nSource link\n")
    proc = run_cli(["--select", "P102,W101", "long.txt"], cwd=tmp_path)
    found = findings_of(proc.stdout)
    assert proc.returncode == 1
    assert len(found) == 2 * n + 1
    assert found[-1][1:] == ("2", "1", "W101")
    assert int(found[-2][2]) == text.rindex(" .") + 1


def test_a_single_100_kb_token_is_linted_within_the_hang_guard(tmp_path):
    """One 'word' of 100,000 hex digits: linear work takes about a second; the guard is 30 s."""
    (tmp_path / "blob.txt").write_text("The hash is " + "0123456789abcdef" * 6250 + " , said the editor.\n")
    proc = subprocess.run(
        [lintnews_executable(), "blob.txt"], cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 1, proc.stderr
    assert [code for *_, code in findings_of(proc.stdout)] == ["P102"]


# -- many files ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [2_000, pytest.param(20_000, marks=pytest.mark.slow)])
def test_a_folder_of_thousands_of_small_files_is_linted_completely(tmp_path, count):
    """More files than a process may hold open at once (often 1,024): 2,000 in the default
    run, 20,000 under CI (marked ``slow``: about 20 s)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:05d}.txt").write_bytes(b"The minister spoke on Monday.\n")
    (folder / "01234.txt").write_bytes(DIRTY.encode())
    result = lint_paths([str(folder)])
    assert result.files == count
    assert result.errors == []
    assert sorted({(Path(f.path).name, f.code) for f in result.findings}) == [("01234.txt", "S101"), ("01234.txt", "W101")]


# -- special files and paths -----------------------------------------------------------------


def test_a_symbolic_link_loop_is_named(run_cli, tmp_path):
    os.symlink("loop_b.txt", tmp_path / "loop_a.txt")
    os.symlink("loop_a.txt", tmp_path / "loop_b.txt")
    proc = run_with_good_file(run_cli, tmp_path, "loop_a.txt")
    assert_input_error(proc, "loop_a.txt", "symbolic link loop")


def test_a_symbolic_link_loop_inside_a_folder_does_not_stop_the_walk(run_cli, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(DIRTY)
    os.symlink("self.txt", folder / "self.txt")
    os.symlink(".", folder / "here")  # a folder link back to itself: not followed
    (folder / "z.txt").write_text(DIRTY)
    proc = run_cli(["news"], cwd=tmp_path)
    assert_input_error(proc, "news/self.txt", "symbolic link loop")
    assert sorted({path for path, *_ in findings_of(proc.stdout)}) == ["news/a.txt", "news/z.txt"]


def test_a_broken_symbolic_link_is_named(run_cli, tmp_path):
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    proc = run_with_good_file(run_cli, tmp_path, "dangling.txt")
    assert_input_error(proc, "dangling.txt", "no such file or directory (a broken symbolic link?)")


def test_a_path_that_does_not_exist(run_cli, tmp_path):
    proc = run_with_good_file(run_cli, tmp_path, "missing.txt")
    assert_input_error(proc, "missing.txt", "no such file or directory")


def test_a_fifo_is_skipped_without_waiting_for_a_writer(run_cli, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    proc = run_with_good_file(run_cli, tmp_path, "pipe.txt")  # run_cli's timeout guards a hang
    assert_input_error(proc, "pipe.txt", "not a regular file (a FIFO), skipped")


def test_a_fifo_inside_a_folder_is_skipped_too(run_cli, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(DIRTY)
    os.mkfifo(tmp_path / "news" / "pipe.md")
    proc = run_cli(["news"], cwd=tmp_path)
    assert_input_error(proc, "news/pipe.md", "a FIFO")
    assert {path for path, *_ in findings_of(proc.stdout)} == {"news/a.txt"}


def test_a_socket_and_a_device_are_not_read(run_cli, tmp_path):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.txt"))
        proc = run_with_good_file(run_cli, tmp_path, "sock.txt")
        assert_input_error(proc, "sock.txt", "not a regular file (a socket)")
    finally:
        server.close()
    proc = run_with_good_file(run_cli, tmp_path, "/dev/null")
    assert_input_error(proc, "/dev/null", "not a regular file (a device)")


def test_a_folder_named_as_a_file_argument_is_walked_not_read(run_cli, tmp_path):
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.txt").write_text(DIRTY)
    proc = run_cli(["dir.txt"], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert {path for path, *_ in findings_of(proc.stdout)} == {"dir.txt/inner.txt"}


def _deny(monkeypatch, denied: Path) -> None:
    """Make ``open`` of one path fail as it does for a user without read permission."""
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if not isinstance(file, int) and os.path.abspath(os.fspath(file)) == str(denied):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)


def test_an_unreadable_file_is_reported_and_the_others_linted(tmp_path, monkeypatch):
    """Patched ``open`` (the suite runs as root, whom permission bits do not stop)."""
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "secret.txt").write_text(DIRTY)
    (tmp_path / "z.txt").write_text(DIRTY)
    _deny(monkeypatch, tmp_path / "secret.txt")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli_main, ["a.txt", "secret.txt", "z.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert {path for path, *_ in findings_of(result.stdout)} == {"a.txt", "z.txt"}
    assert result.stderr.splitlines() == ["lintnews: secret.txt: permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permission bits")
def test_an_unreadable_file_for_real(run_cli, tmp_path):
    (tmp_path / "secret.txt").write_text(DIRTY)
    os.chmod(tmp_path / "secret.txt", 0)
    proc = run_with_good_file(run_cli, tmp_path, "secret.txt")
    assert_input_error(proc, "secret.txt", "permission denied")


# -- file names that are not UTF-8 -----------------------------------------------------------

BAD_NAME = b"caf\xe9.txt"  # Latin-1 bytes: not valid UTF-8


@pytest.fixture
def odd_name_folder(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as fh:
        fh.write(DIRTY.encode())
    (folder / "z.txt").write_text(DIRTY)
    return tmp_path


def _run_bytes(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([lintnews_executable(), *args], cwd=cwd, env=cli_env(), capture_output=True, timeout=300)




@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_a_file_name_that_is_not_utf8_is_linted_in_every_format(odd_name_folder, fmt):
    proc = _run_bytes(["--format", fmt, "news"], odd_name_folder)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # the output itself is valid UTF-8
    if fmt == "json":
        assert sorted({f["path"][:8] for f in json.loads(out)["findings"]}) == ["news/caf", "news/z.t"]
    elif fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(out)["runs"][0]["results"]}
        assert len(uris) == 2 and "news/z.txt" in uris
    else:
        assert out.count("news/caf") == 2 and out.count("news/z.txt") == 2


def test_a_file_name_that_is_not_utf8_can_be_baselined(odd_name_folder):
    proc = _run_bytes(["--write-baseline", "base.json", "news"], odd_name_folder)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0
    proc = _run_bytes(["--baseline", "base.json", "news"], odd_name_folder)
    assert (proc.returncode, proc.stdout) == (0, b"")


def test_a_file_name_that_is_not_utf8_can_be_fixed(odd_name_folder):
    proc = _run_bytes(["--fix", "--select", "W101", "news"], odd_name_folder)
    assert proc.returncode == 0, proc.stderr
    path = os.path.join(os.fsencode(odd_name_folder / "news"), BAD_NAME)
    with open(path, "rb") as fh:
        assert fh.read() == b"The minister mentionned the plan.\n"


# -- everything at once ----------------------------------------------------------------------


def test_one_run_over_every_bad_input_reports_each_and_lints_the_rest(tmp_path):
    """Findings first (stdout), then one line per bad input (stderr), exit 2."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a_good.txt").write_text(DIRTY)
    (news / "b_binary.txt").write_bytes(b"\x00\x01")
    (news / "c_latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    os.mkfifo(news / "d_pipe.txt")
    os.symlink("e_loop.txt", news / "e_loop.txt")
    with open(news / "f_huge.txt", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    (news / "g_empty.txt").write_bytes(b"")
    (news / "h_utf16.txt").write_bytes(b"\xff\xfe" + DIRTY.encode("utf-16-le"))
    (news / "z_good.txt").write_text(DIRTY)
    proc = subprocess.run(
        [lintnews_executable(), "news", "missing.txt"],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, to see the order
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2
    lines = proc.stdout.splitlines()
    errors = [line for line in lines if line.startswith("lintnews: ")]
    findings = [line for line in lines if not line.startswith("lintnews: ")]
    assert lines == findings + errors, "input errors come after the findings"
    assert {line.split(":")[0] for line in findings} == {"news/a_good.txt", "news/h_utf16.txt", "news/z_good.txt"}
    assert len(findings) == 6
    assert [line.split(": ")[1] for line in errors] == [
        "missing.txt",
        "news/b_binary.txt",
        "news/c_latin1.txt",
        "news/d_pipe.txt",
        "news/e_loop.txt",
        "news/f_huge.txt",
    ]
    assert "Traceback" not in proc.stdout


def test_the_api_reports_the_same_errors_without_raising(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(DIRTY)
    result = lint_paths([str(tmp_path)])
    assert result.files == 1
    assert [Path(e.path).name for e in result.errors] == ["bin.txt", "pipe.txt"]
    assert all(isinstance(e, InputError) for e in result.errors)
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe.txt").st_mode)  # still there, never opened

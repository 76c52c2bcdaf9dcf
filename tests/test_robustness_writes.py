"""``--fix`` and ``-o`` never lose or damage data (issue 21, items 1-6).

1. A file edited while the run works is left alone, named in one line, exit 2; the other
   files are still fixed.  The edits are made by a hook at a fixed point of the write
   (when the temporary file is made), not by a race.
2. A symbolic link is fixed through: the file it points to changes, the link stays.  A
   file with other hard links is left alone (a new file would split the names).
3. The fixed file keeps its owner, group, mode (set-ID bits too) and extended
   attributes; a user who cannot keep the owner leaves the file alone.
4. Temporary files a killed run left are removed by the next run writing there.
5. ``-o`` onto a device, a FIFO or a symbolic link writes into it (through it); only a
   regular file is replaced.
6. A report that cannot be written to standard output is one line and exit 2; a closed
   pipe (``| head``) is exit 2 without a word, as cat and grep say nothing.

See docs/robustness.md, "Fixing and the cache" and "Writing the report".
"""

from __future__ import annotations

import errno
import json
import os
import pwd
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import lintnews.run.atomic
from conftest import cli_env, lintnews_executable, run_lintnews
from lintnews.cli import main as cli_main

# Three safe fixes (P102 twice, W101) and one finding that is never fixed (S101).
DIRTY = "The minister mentionned the plan , he said .\nSource link\n"
FIXED = "The minister mentionned the plan, he said.\n"
EDIT = "An editor's new paragraph , typed during the run.\n"


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".lintnews-*.tmp"))


def fix_in_process(folder: Path, args: list[str], monkeypatch) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("LINTNEWS_DEBUG", raising=False)
    result = CliRunner().invoke(cli_main, ["--fix", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def three_files(tmp_path) -> Path:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DIRTY)
    return tmp_path


def _xattrs_supported(path: Path) -> bool:
    try:
        os.setxattr(path, "user.lintnews-probe", b"1")
        os.removexattr(path, "user.lintnews-probe")
    except OSError:
        return False
    return True


# -- 1. a concurrent edit ---------------------------------------------------------------------


def _edit(path: Path, how: str) -> None:
    """Edit ``path`` as another program would."""
    if how == "append":  # in place, as `echo >>` or an editor writing into the file does
        with open(path, "a") as fh:
            fh.write(EDIT)
    elif how == "save-by-rename":  # a new file renamed over it, as most editors save
        new = path.with_name(path.name + ".new")
        new.write_text(path.read_text() + EDIT)
        os.replace(new, path)
    elif how == "same-size-same-mtime":  # only the bytes tell: the size and mtime are restored
        st = path.stat()
        data = path.read_bytes()
        path.write_bytes(data.replace(b"minister", b"MINISTER"))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    else:  # pragma: no cover
        raise AssertionError(how)


def _edited(how: str) -> str:
    return DIRTY.replace("minister", "MINISTER") if how == "same-size-same-mtime" else DIRTY + EDIT


def _edit_when_a_temporary_file_is_made(monkeypatch, path: Path, how: str) -> None:
    """Edit ``path`` when the first temporary file is made: while a.txt is being written."""
    real_mkstemp = tempfile.mkstemp
    done = []

    def mkstemp(*args, **kwargs):
        if not done:
            done.append(True)
            _edit(path, how)
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(lintnews.run.atomic.tempfile, "mkstemp", mkstemp)


HOW = ["append", "save-by-rename", "same-size-same-mtime"]


@pytest.mark.parametrize("how", HOW)
def test_a_file_edited_after_it_was_read_is_left_alone_and_the_others_are_fixed(three_files, monkeypatch, how):
    """b.txt is edited while a.txt is being written, after the fixes for all three were computed."""
    _edit_when_a_temporary_file_is_made(monkeypatch, three_files / "b.txt", how)
    code, _, stderr = fix_in_process(three_files, ["a.txt", "b.txt", "c.txt"], monkeypatch)
    assert [(three_files / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, _edited(how), FIXED]
    assert code == 2, stderr
    assert stderr.splitlines() == [
        "lintnews: fixed 6 problems in 2 files",
        "lintnews: b.txt: changed since lintnews read it; not fixed (run --fix again)",
    ]
    assert temp_files(three_files) == []


@pytest.mark.parametrize("how", HOW)
def test_a_file_edited_while_it_is_being_written_is_left_alone(three_files, monkeypatch, how):
    """The edit lands after the file was compared with what was read: the check right before
    the rename sees it."""
    _edit_when_a_temporary_file_is_made(monkeypatch, three_files / "a.txt", how)
    code, _, stderr = fix_in_process(three_files, ["a.txt", "b.txt"], monkeypatch)
    assert (three_files / "a.txt").read_text() == _edited(how)
    assert (three_files / "b.txt").read_text() == FIXED
    assert code == 2
    assert "lintnews: a.txt: changed since lintnews read it; not fixed (run --fix again)" in stderr.splitlines()
    assert temp_files(three_files) == []


def test_a_file_left_alone_is_an_error_in_the_json_report(three_files, monkeypatch):
    _edit_when_a_temporary_file_is_made(monkeypatch, three_files / "b.txt", "append")
    code, stdout, _ = fix_in_process(three_files, ["--format", "json", "a.txt", "b.txt"], monkeypatch)
    assert code == 2
    assert json.loads(stdout)["errors"] == [{"path": "b.txt", "message": "changed since lintnews read it; not fixed (run --fix again)"}]


# -- 2. links -------------------------------------------------------------------------------------


def test_fix_through_a_symbolic_link_fixes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "a.txt"
    target.write_text(DIRTY)
    link = tmp_path / "links" / "a.txt"
    link.symlink_to("../real/a.txt")
    proc = run_lintnews(["--fix", "links/a.txt"], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # S101 remains
    assert link.is_symlink() and os.readlink(link) == "../real/a.txt"
    assert target.read_text() == FIXED
    assert temp_files(tmp_path) == []


def test_fix_of_a_file_with_two_hard_links_leaves_both_names_alone(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY)
    os.link(a, b)
    c = tmp_path / "c.txt"
    c.write_text(DIRTY)
    proc = run_lintnews(["--fix", "a.txt", "c.txt"], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert a.read_text() == DIRTY and b.read_text() == DIRTY and c.read_text() == FIXED
    assert os.path.samefile(a, b), "the two names must stay one file"
    assert proc.stderr.splitlines()[-1] == (
        "lintnews: a.txt: has 2 hard links; not fixed, as a rewritten file would leave the other names with the old text (--diff shows the fixes)"
    )


# -- 3. owner, group, mode, extended attributes ---------------------------------------------------


def test_fix_keeps_extended_attributes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    if not _xattrs_supported(path):
        pytest.skip("no user extended attributes on this file system")
    os.setxattr(path, "user.newsroom.status", b"legal-reviewed")
    proc = run_lintnews(["--fix", "a.txt"], cwd=tmp_path)
    assert path.read_text() == FIXED, proc.stderr
    assert "user.newsroom.status" in os.listxattr(path)
    assert os.getxattr(path, "user.newsroom.status") == b"legal-reviewed"


needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (to own a file as another user)")


@needs_root
def test_fix_as_root_keeps_another_users_owner_group_set_id_mode_and_attributes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    os.chown(path, 65534, 65534)  # nobody: no user needs to be created
    path.chmod(0o4664)  # a set-user-ID bit must not end up on a root-owned file
    has_xattrs = _xattrs_supported(path)
    if has_xattrs:
        os.setxattr(path, "user.newsroom.status", b"legal-reviewed")
    proc = run_lintnews(["--fix", "a.txt"], cwd=tmp_path)
    assert path.read_text() == FIXED, proc.stderr
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o4664)
    if has_xattrs:
        assert os.getxattr(path, "user.newsroom.status") == b"legal-reviewed"


def _as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """lintnews run as the unprivileged user 'nobody' (we are root); skips if it cannot start."""
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    setpriv = shutil.which("setpriv")
    command = [lintnews_executable(), *args]
    extra: dict = {}
    if setpriv:
        command = [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", *command]
    else:
        extra = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    run = lambda cmd: subprocess.run(  # noqa: E731
        cmd, cwd=str(cwd), env=cli_env({"HOME": str(cwd)}), capture_output=True, text=True, timeout=300, **extra
    )
    probe = run(command[: command.index(lintnews_executable()) + 1] + ["--version"])
    if probe.returncode != 0:
        pytest.skip(f"lintnews cannot run as 'nobody' here: {probe.stderr.strip()[:200]}")
    return run(command)


@needs_root
def test_a_user_who_cannot_keep_the_owner_leaves_the_file_alone():
    """nobody may write root's world-writable file, in nobody's folder, but cannot give the
    fixed copy root's ownership: the file is left alone instead of changing owner."""
    folder = Path(tempfile.mkdtemp(prefix="lintnews-owner-"))
    try:
        os.chown(folder, 65534, 65534)
        path = folder / "a.txt"
        path.write_text(DIRTY)
        path.chmod(0o666)
        proc = _as_nobody(["--fix", "a.txt"], folder)
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        assert path.read_text() == DIRTY
        assert path.stat().st_uid == 0
        assert proc.stderr.splitlines()[-1] == (
            "lintnews: a.txt: owned by root:root, which a fixed copy made by this user could not keep; not fixed"
        )
        assert temp_files(folder) == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- 4. temporary files a killed run left ------------------------------------------------------------


# The documented policy: a temporary file is stale a minute after its process ended, or
# an hour after it was made whatever its pid says.
TWO_MINUTES, TWO_HOURS = 120, 7200


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_temporary_files_of_a_killed_write_are_removed_by_the_next_run(tmp_path):
    """A real kill -9 in the middle of a write (when it syncs the temporary file)."""
    folder = tmp_path / "news"
    folder.mkdir()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys, lintnews.run.atomic as a\n"
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
            "a.write_atomically(sys.argv[1], 'half of an article')\n",
            str(folder / "a.txt"),
        ],
        env=cli_env(),
        timeout=300,
    )
    assert child.returncode == -signal.SIGKILL
    left = temp_files(folder)
    assert len(left) == 1, "the killed write should have left its temporary file"
    _age(folder / left[0], TWO_MINUTES)
    (folder / "a.txt").write_text(DIRTY)
    proc = run_lintnews(["--fix", "news/a.txt"], cwd=tmp_path)
    assert (folder / "a.txt").read_text() == FIXED, proc.stderr
    assert temp_files(folder) == []


@pytest.mark.parametrize("via", ["--fix", "-o"])
def test_only_stale_temporary_files_of_our_naming_are_removed(tmp_path, via):
    dead, alive = _dead_pid(), os.getpid()
    files = {
        f".lintnews-p{dead}-0123456789ab-x1.tmp": (TWO_MINUTES, False),  # its run is gone
        ".lintnews-0123456789ab-x2.tmp": (TWO_HOURS, False),  # an older version's, old
        f".lintnews-p{alive}-0123456789ab-x3.tmp": (TWO_HOURS, False),  # very old
        f".lintnews-p{alive}-0123456789ab-x4.tmp": (TWO_MINUTES, True),  # its run still runs
        f".lintnews-p{dead}-0123456789ab-x5.tmp": (0, True),  # just made: maybe another machine's run
        ".lintnews-0123456789ab-x6.tmp": (0, True),
        ".lintnews-notes.tmp": (TWO_HOURS, True),  # not our naming
        "draft.tmp": (TWO_HOURS, True),
    }
    for name, (age, _) in files.items():
        (tmp_path / name).write_text("x")
        _age(tmp_path / name, age)
    (tmp_path / "a.txt").write_text(DIRTY)
    args = ["--fix", "a.txt"] if via == "--fix" else ["-o", "report.txt", "a.txt"]
    proc = run_lintnews(args, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    kept = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert kept == sorted(name for name, (_, keep) in files.items() if keep)


# -- 5. -o onto what is not a regular file ----------------------------------------------------------


def test_output_through_a_symbolic_link_writes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "latest.txt").write_text("yesterday's report\n")
    (tmp_path / "report.txt").symlink_to("reports/latest.txt")
    (tmp_path / "new.txt").symlink_to("reports/new.txt")  # dangling: the file is made
    expected = run_lintnews(["a.txt"], cwd=tmp_path).stdout
    for name in ("report.txt", "new.txt"):
        proc = run_lintnews(["-o", name, "a.txt"], cwd=tmp_path)
        assert (proc.returncode, proc.stdout) == (1, ""), proc.stderr
        assert (tmp_path / name).is_symlink()
        assert (tmp_path / "reports" / os.readlink(tmp_path / name).split("/")[-1]).read_text() == expected
    assert temp_files(tmp_path) == []


def test_output_into_a_fifo_writes_into_it(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The reading end is open before lintnews opens the writing end, so nothing waits.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        proc = run_lintnews(["-o", "pipe", "a.txt"], cwd=tmp_path)
        received = b""
        while True:
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(reader)
    assert proc.returncode == 1, proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a file"
    assert received.decode() == run_lintnews(["a.txt"], cwd=tmp_path).stdout


def _device(folder: Path, name: str, minor: int) -> Path:
    """A character device node like /dev/null (minor 3) or /dev/full (7), made in ``folder``:
    the system's own are never put at risk."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        path.chmod(0o666)
        with open(path, "rb"):
            pass
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def test_output_onto_a_device_writes_into_it_and_keeps_the_device(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    null = _device(tmp_path, "null", 3)
    proc = run_lintnews(["-o", "null", "a.txt"], cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "")
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device node was replaced by a file"
    full = _device(tmp_path, "full", 7)
    proc = run_lintnews(["-o", "full", "a.txt"], cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"lintnews: error: cannot write full: {os.strerror(errno.ENOSPC)}\n"
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    assert temp_files(tmp_path) == []


def test_output_to_dev_null_as_an_unprivileged_user(tmp_path):
    """The folder of a device (/dev) is not the user's to write: the device's own permission counts."""
    if os.geteuid() != 0:
        (tmp_path / "a.txt").write_text(DIRTY)
        proc = run_lintnews(["-o", "/dev/null", "a.txt"], cwd=tmp_path)
    else:  # as nobody: replacing /dev/null is out of its reach whatever lintnews does
        folder = Path(tempfile.mkdtemp(prefix="lintnews-devnull-"))
        try:
            os.chown(folder, 65534, 65534)
            (folder / "a.txt").write_text(DIRTY)
            proc = _as_nobody(["-o", "/dev/null", "a.txt"], folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


# -- 6. standard output that cannot take the report ---------------------------------------------------


def _run_with_stdout(args: list[str], cwd: Path, stdout, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [lintnews_executable(), *args], cwd=str(cwd), env=cli_env(), stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300, **kwargs
    )


@pytest.mark.parametrize("args", [["a.txt"], ["--diff", "a.txt"]], ids=["report", "diff"])
def test_a_full_standard_output_is_one_line_and_exit_2(tmp_path, args):
    (tmp_path / "a.txt").write_text(DIRTY)
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        proc = _run_with_stdout(args, tmp_path, full)
    assert proc.returncode == 2
    assert proc.stderr == f"lintnews: error: cannot write the report to standard output: {os.strerror(errno.ENOSPC)}\n"


@pytest.mark.parametrize("args", [["a.txt"], ["--diff", "a.txt"]], ids=["report", "diff"])
def test_a_closed_pipe_is_exit_2_without_a_word(tmp_path, args):
    """As `lintnews a.txt | head -0`: the reader is gone before anything is written."""
    (tmp_path / "a.txt").write_text(DIRTY)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = _run_with_stdout(args, tmp_path, write_end)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (2, "")


def test_a_closed_standard_output_is_one_line_and_exit_2(tmp_path):
    """As `lintnews a.txt >&-`."""
    (tmp_path / "a.txt").write_text(DIRTY)
    proc = _run_with_stdout(["a.txt"], tmp_path, subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    assert proc.stderr == "lintnews: error: cannot write the report: standard output is closed\n"

"""Hostile files and hostile neighbours (issue 21, items 7-14, 16, 19-21).

The contract of docs/robustness.md: an input that cannot be used is one line on stderr
naming it (``lintnews: PATH: reason``), the other files are linted and reported as usual,
and the exit code is 2; nothing hangs, nothing grows without bound.  The timing items
are tested by a bound on the work done (operations counted, or the work of an input
compared with the work of one four times its size), never by a wall-clock limit; their
timings are in ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import cli_env, lintnews_executable

# One finding of a known place: S101 at 1:14.
DIRTY = "The minister mentionned the plan.\n"


def run(args: list[str], cwd: Path, env: dict | None = None, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    """The installed console script; ``timeout`` turns a hang into a failure."""
    return subprocess.run(
        [lintnews_executable(), *args], cwd=str(cwd), env=cli_env(env), capture_output=True, text=True, timeout=timeout, **kwargs
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("lintnews: ")]


def finding_paths(stdout: str) -> list[str]:
    return [line.partition(": ")[0].rsplit(":", 2)[0] for line in stdout.splitlines() if line and not line.startswith(" ")]


# -- item 7: paths that cannot be read or entered ----------------------------------------


@pytest.fixture
def shared_folder():
    """A folder outside pytest's private temporary tree, which 'nobody' may enter."""
    folder = Path(tempfile.mkdtemp(prefix="lintnews-hostile-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """lintnews run as the unprivileged user 'nobody' (permission bits do not stop root)."""
    if os.geteuid() != 0:
        return run(args, cwd)
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("no setpriv")
    command = [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", lintnews_executable()]
    probe = subprocess.run([*command, "--version"], cwd=str(cwd), capture_output=True, text=True, env=cli_env())
    if probe.returncode != 0:
        pytest.skip(f"lintnews cannot run as 'nobody' here: {probe.stderr.strip()[:200]}")
    return subprocess.run([*command, *args], cwd=str(cwd), env=cli_env({"HOME": str(cwd)}), capture_output=True, text=True, timeout=120)


def _tree(folder: Path) -> None:
    """a.txt, an unreadable secret.txt, a folder 'locked' nobody may not enter, and 'sub'
    holding another such folder beside a readable file."""
    for name in ("a.txt", "secret.txt", "locked/b.txt", "sub/d.txt", "sub/locked/c.txt"):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.parent.chmod(0o755)
        path.write_text(DIRTY)
        path.chmod(0o644)
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0o700)
    (folder / "sub" / "locked").chmod(0o700)


def test_an_unreadable_file_on_the_command_line_does_not_stop_the_others(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["secret.txt", "a.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert "Usage" not in proc.stderr
    assert finding_paths(proc.stdout) == ["a.txt"]
    assert error_lines(proc.stderr) == ["lintnews: secret.txt: permission denied"]


def test_a_file_in_a_folder_that_cannot_be_entered_is_one_line_and_the_json_is_whole(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["--format", "json", "a.txt", "locked/b.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["findings"]] == ["a.txt"]
    assert [e["path"] for e in report["errors"]] == ["locked/b.txt"]
    assert error_lines(proc.stderr) == ["lintnews: locked/b.txt: permission denied (a folder on its path cannot be entered); skipped"]


def test_a_folder_that_cannot_be_entered_while_walking_is_named(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["sub", "locked"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert finding_paths(proc.stdout) == ["sub/d.txt"]
    assert error_lines(proc.stderr) == ["lintnews: locked: permission denied; folder skipped", "lintnews: sub/locked: permission denied; folder skipped"]


def test_an_unreadable_corpus_path_is_reported_like_a_linted_one(shared_folder):
    _tree(shared_folder)
    proc = as_nobody(["--corpus", "secret.txt", "a.txt"], shared_folder)
    assert proc.returncode == 2, proc.stderr
    assert finding_paths(proc.stdout) == ["a.txt"]
    assert error_lines(proc.stderr) == ["lintnews: secret.txt: permission denied"]


# -- item 8: a file its byte-order mark declares UTF-16 or UTF-32 but that is not --------


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"\xff\xfeH\x00i\x00!", "not valid UTF-16 (little-endian), as its byte-order mark says (bytes 0x21 at offset 6: truncated data)"),
        (b"\xff\xfeH\x00\x00\xd8i\x00", "not valid UTF-16 (little-endian), as its byte-order mark says (bytes 0x00 0xd8 at offset 4: illegal UTF-16 surrogate)"),
        (b"\xfe\xff\x00H\xd8\x00\x00i", "not valid UTF-16 (big-endian), as its byte-order mark says (bytes 0xd8 0x00 at offset 4: illegal UTF-16 surrogate)"),
        (b"\xff\xfe\x00\x00H\x00\x00\x00\x00\x00\x11\x00", "not valid UTF-32 (little-endian), as its byte-order mark says (bytes 0x00 0x00 0x11 0x00 at offset 8: code point not in range(0x110000))"),
    ],
    ids=["utf16-odd-length", "utf16le-lone-surrogate", "utf16be-lone-surrogate", "utf32-out-of-range"],
)
def test_a_broken_utf16_or_utf32_file_names_its_encoding_and_the_offset_in_the_file(tmp_path, content, expected):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "bad.txt").write_bytes(content)
    proc = run(["a.txt", "bad.txt"], tmp_path)
    assert proc.returncode == 2
    assert finding_paths(proc.stdout) == ["a.txt"]
    assert error_lines(proc.stderr) == [f"lintnews: bad.txt: {expected}; skipped"]


def test_a_broken_utf16_file_with_cp1252_bytes_gets_no_windows_1252_hint(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x93\x00\x94\x00!")
    proc = run(["bad.txt"], tmp_path)
    assert error_lines(proc.stderr) == ["lintnews: bad.txt: not valid UTF-16 (little-endian), as its byte-order mark says (bytes 0x21 at offset 6: truncated data); skipped"]


# -- item 9: file names that would forge output lines, or a URI scheme -------------------

FORGING_NAME = "a\nb.txt:9:9: X999 forged\r.txt"


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(tmp_path):
    (tmp_path / FORGING_NAME).write_text(DIRTY)
    proc = run(["."], tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "a\\nb.txt:9:9: X999 forged\\r.txt:1:14: S101 'mentionned' is not an English word; did you mean 'mentioned'? [suggestion: 'mentioned']"
    ]


@pytest.mark.parametrize("char, escaped", [("\n", "\\n"), ("\r", "\\r"), ("\x1b", "\\x1b"), ("\x85", "\\x85"), ("\u2028", "\\u2028"), ("\x0b", "\\x0b")])
def test_a_line_breaking_character_in_a_file_name_is_escaped_on_stderr(tmp_path, char, escaped):
    (tmp_path / f"bad{char}name.txt").write_bytes(b"\x00binary")
    proc = run(["."], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"lintnews: bad{escaped}name.txt: binary file (NUL characters), skipped\n"


def test_a_newline_in_a_file_name_stays_in_its_github_annotation(tmp_path):
    (tmp_path / FORGING_NAME).write_text(DIRTY)
    proc = run(["--format", "github", "."], tmp_path)
    assert len(proc.stdout.splitlines()) == 1
    assert proc.stdout.startswith("::warning file=a%0Ab.txt%3A9%3A9%3A X999 forged%0D.txt,line=1,")


@pytest.mark.parametrize("name, uri", [("co:lon.txt", "co%3Alon.txt"), (FORGING_NAME, "a%0Ab.txt%3A9%3A9%3A%20X999%20forged%0D.txt")])
def test_a_colon_in_a_file_name_is_no_uri_scheme_in_sarif(tmp_path, name, uri):
    (tmp_path / name).write_text(DIRTY)
    (tmp_path / f"x{name}").write_bytes(b"\x00")  # an error notification carries the path too
    proc = run(["--format", "sarif", "."], tmp_path)
    log = json.loads(proc.stdout)
    run_ = log["runs"][0]
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"] for loc in r["locations"]]
    notes = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
    assert uris == [uri] and notes == [f"x{uri}"]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    # RFC 3986: a relative reference has no scheme, so nothing before its first '/' is a colon.
    assert all(":" not in u.split("/")[0] for u in uris + notes)


# -- item 10: side files that are FIFOs or devices --------------------------------------


def _limited_memory() -> None:
    """Run with 1 GB of address space: reading /dev/zero ends in MemoryError, not in swap."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_guarded(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI with a timeout (a FIFO opened for reading waits for a writer forever) and
    bounded memory (a device read to its end never ends)."""
    try:
        return run(args, cwd, env=env, timeout=60, preexec_fn=_limited_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"lintnews {' '.join(args)} hung")


@pytest.fixture(params=["fifo", "dev-zero"])
def special(request, tmp_path) -> str:
    """A FIFO without a writer, or a link to /dev/zero, named 'special'."""
    (tmp_path / "a.txt").write_text(DIRTY)
    if request.param == "fifo":
        os.mkfifo(tmp_path / "special")
        return "a FIFO"
    (tmp_path / "special").symlink_to("/dev/zero")
    return "a character device"


def test_a_config_that_is_a_fifo_or_a_device_is_one_error(tmp_path, special):
    proc = run_guarded(["--config", "special", "a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"lintnews: error: special: cannot read: not a regular file ({special})\n"


@pytest.mark.parametrize("key", ["accept-file", "reject-file"])
def test_a_term_list_that_is_a_fifo_or_a_device_is_one_error(tmp_path, special, key):
    (tmp_path / "lintnews.toml").write_text(f'{key} = "special"\n')
    proc = run_guarded(["a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.startswith("lintnews: error: ") and len(proc.stderr.splitlines()) == 1
    assert proc.stderr.endswith(f"lintnews.toml: {key} 'special': not a regular file ({special})\n")


def test_a_rule_pack_that_is_a_fifo_or_a_device_is_one_error(tmp_path, special):
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["special"]\n')
    proc = run_guarded(["a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.endswith(f"special: cannot read: not a regular file ({special})\n") and len(proc.stderr.splitlines()) == 1


def test_a_baseline_that_is_a_fifo_or_a_device_is_one_error(tmp_path, special):
    proc = run_guarded(["--baseline", "special", "a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"lintnews: error: special: cannot read baseline: not a regular file ({special})\n"


def test_a_job_summary_that_is_a_fifo_or_a_device_is_one_line_and_the_annotations_are_printed(tmp_path, special):
    proc = run_guarded(["--format", "github", "a.txt"], tmp_path, env={"GITHUB_STEP_SUMMARY": str(tmp_path / "special")})
    assert proc.returncode == 1
    assert proc.stdout.startswith("::warning file=a.txt,line=1,")
    assert proc.stderr == f"lintnews: cannot write the job summary {tmp_path / 'special'}: not a regular file ({special})\n"


def test_a_job_summary_is_still_appended_to_a_regular_file(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    proc = run(["--format", "github", "a.txt"], tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1 and proc.stderr == ""
    assert summary.read_text().startswith("earlier step\n### lintnews: 1 finding in 1 file")


def test_an_index_replaced_by_a_fifo_or_linked_to_a_device_is_rebuilt(tmp_path, special):
    (tmp_path / "b.txt").write_text("Source link\n")
    cold = run(["--cache-dir", "cache", "a.txt", "b.txt"], tmp_path)
    [index] = sorted((tmp_path / "cache").glob("index-*.sqlite"))
    for extra in (tmp_path / "cache").glob("index-*.sqlite-*"):
        extra.unlink()
    index.unlink()
    if special == "a FIFO":
        os.mkfifo(index)
    else:
        index.symlink_to("/dev/zero")
    warm = run_guarded(["--cache-dir", "cache", "a.txt", "b.txt"], tmp_path)
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    [notice] = warm.stderr.splitlines()
    assert notice.startswith("lintnews: corpus index ") and notice.endswith(": not a regular file; rebuilt")
    assert index.is_file() and not index.is_symlink()  # rebuilt as a regular file


def test_a_file_to_lint_replaced_by_a_fifo_after_its_stat_is_not_waited_for(tmp_path, monkeypatch):
    """The stat that sorts FIFOs out and the open are two calls: a FIFO put in between
    must not make the open wait for a writer."""
    from lintnews.run import files

    (tmp_path / "a.txt").write_text(DIRTY)
    real_stat = os.stat

    def stat_then_swap(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if os.fspath(path) == str(tmp_path / "a.txt"):
            os.unlink(path)
            os.mkfifo(path)
        return result

    def writer_after_a_while() -> None:  # so that a blocking open fails the test, not hangs it
        time.sleep(10)
        try:
            os.close(os.open(tmp_path / "a.txt", os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody waits: the open did not block

    monkeypatch.setattr(files.os, "stat", stat_then_swap)
    threading.Thread(target=writer_after_a_while, daemon=True).start()
    assert files.read_source(str(tmp_path / "a.txt")) == files.InputError(str(tmp_path / "a.txt"), "not a regular file (a FIFO), skipped")


def test_side_files_are_read_only_up_to_their_limit(tmp_path):
    from lintnews.core.side_files import read_side_file

    (tmp_path / "big").write_bytes(b"x" * 101)
    (tmp_path / "small").write_bytes(b"x" * 100)
    assert read_side_file(tmp_path / "small", 100) == b"x" * 100
    with pytest.raises(OSError, match="101 bytes, over the limit of 100"):
        read_side_file(tmp_path / "big", 100)


# -- item 12: configuration and baseline nested too deeply -------------------------------


@pytest.mark.parametrize(
    "name, text, args, expected",
    [
        ("deep.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n", ["--config", "deep.toml"], "deep.toml: malformed TOML: nested too deeply"),
        ("deep.toml", "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n", ["--config", "deep.toml"], "deep.toml: malformed TOML: nested too deeply"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, ["--baseline", "deep.json"], "deep.json: not a lintnews baseline (malformed JSON: nested too deeply)"),
    ],
    ids=["toml-arrays", "toml-tables", "baseline-json"],
)
def test_a_deeply_nested_config_or_baseline_is_one_error_naming_the_file(tmp_path, name, text, args, expected):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / name).write_text(text)
    proc = run([*args, "a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"lintnews: error: {expected}\n")


def test_a_deeply_nested_pyproject_found_upward_is_skipped_as_not_ours(tmp_path):
    (tmp_path / "pyproject.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    (tmp_path / "a.txt").write_text(DIRTY)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 1 and proc.stderr == ""


def test_a_deeply_nested_rule_pack_is_one_error_naming_the_file(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "deep.yaml").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["deep.yaml"]\n')
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("lintnews: error: ") and "deep.yaml:1: malformed YAML" in proc.stderr and len(proc.stderr.splitlines()) == 1


# -- item 13: a selection of no rule -------------------------------------------------------


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_a_select_of_no_code_is_an_error_not_a_clean_run(tmp_path, value):
    (tmp_path / "a.txt").write_text(DIRTY)
    proc = run(["--select", value, "a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        f"lintnews: error: --select {value!r} names no rule code or prefix; a run without rules would check nothing (leave --select out for the default rules)\n"
    )


def test_an_empty_ignore_or_extend_select_changes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    plain = run(["a.txt"], tmp_path)
    assert run(["--ignore", "", "--extend-select", ",", "a.txt"], tmp_path).stdout == plain.stdout != ""


# -- item 14: plugins that fail ----------------------------------------------------------

FAILING_PLUGIN = '''
import sys

from lintnews.core.rule import CorpusRule, DocumentRule


class Boom(DocumentRule):
    """Raises on a document that says BOOM, after yielding one finding.  Example: ``BOOM``."""

    code = "X901"
    name = "boom"

    def check(self, doc):
        if "BOOM" in doc.text:
            yield self.finding(doc, 0, 1, "half a result")
            raise ValueError("cannot handle\\nthis document")


class Exiter(DocumentRule):
    """Calls sys.exit on a document that says EXIT.  Example: ``EXIT``."""

    code = "X902"
    name = "exiter"

    def check(self, doc):
        if "EXIT" in doc.text:
            sys.exit(0)
        return iter(())


class CorpusBoom(CorpusRule):
    """Collects, then raises in the corpus stage when asked to.  Example: ``x``."""

    code = "X903"
    name = "corpus-boom"
    default = False

    def collect(self, doc):
        return [doc.path]

    def check_corpus(self, corpus):
        raise KeyError("no such thing")
'''


def plugin_site(tmp_path: Path, entry_points: str, modules: dict[str, str]) -> dict[str, str]:
    """A folder holding plugin modules and their distribution record; the environment
    that puts it on lintnews's path."""
    site = tmp_path / "site"
    dist = site / "failing_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: failing-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[lintnews.rules]\n{entry_points}")
    for name, source in modules.items():
        (site / f"{name}.py").write_text(source)
    return {"PYTHONPATH": str(site)}


@pytest.fixture
def failing_plugin(tmp_path) -> dict[str, str]:
    (tmp_path / "a.txt").write_text("BOOM: the minister mentionned it.\n")
    (tmp_path / "b.txt").write_text(DIRTY)
    (tmp_path / "c.txt").write_text("EXIT: the minister mentionned it.\n")
    return plugin_site(tmp_path, "boom = failing_plugin:Boom\nexiter = failing_plugin:Exiter\ncboom = failing_plugin:CorpusBoom\n", {"failing_plugin": FAILING_PLUGIN})


BOOM_ERROR = "lintnews: a.txt: rule X901 (boom) failed: ValueError: cannot handle this document; its findings in this file are left out"
EXIT_ERROR = "lintnews: c.txt: rule X902 (exiter) failed: called sys.exit(0); its findings in this file are left out"


def test_a_rule_that_raises_on_one_document_is_one_line_and_the_rest_is_reported(tmp_path, failing_plugin):
    proc = run(["a.txt", "b.txt", "c.txt"], tmp_path, env=failing_plugin)
    assert proc.returncode == 2
    assert finding_paths(proc.stdout) == ["a.txt", "b.txt", "c.txt"]  # S101 everywhere, X901's half result nowhere
    assert "X901" not in proc.stdout
    assert error_lines(proc.stderr) == [BOOM_ERROR, EXIT_ERROR]


def test_a_rule_that_fails_keeps_the_json_report_whole(tmp_path, failing_plugin):
    proc = run(["--format", "json", "a.txt", "b.txt", "c.txt"], tmp_path, env=failing_plugin)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [(f["path"], f["code"]) for f in report["findings"]] == [("a.txt", "S101"), ("b.txt", "S101"), ("c.txt", "S101")]
    assert [e["path"] for e in report["errors"]] == ["a.txt", "c.txt"]


def test_a_corpus_rule_that_raises_is_one_line_and_valid_sarif(tmp_path, failing_plugin):
    proc = run(["--extend-select", "X903", "--format", "sarif", "b.txt"], tmp_path, env=failing_plugin)
    assert proc.returncode == 2
    assert error_lines(proc.stderr) == ["lintnews: rule X903 (corpus-boom) failed on the corpus: KeyError: 'no such thing'; its findings are left out"]
    log = json.loads(proc.stdout)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["S101"]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(log, json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text()))


def test_a_rule_failure_travels_back_from_worker_processes(tmp_path, failing_plugin):
    for i in range(60):  # enough documents for worker processes
        (tmp_path / "many" / f"d{i:02d}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "many" / f"d{i:02d}.txt").write_text("BOOM: mentionned.\n" if i == 7 else DIRTY)
    proc = run(["--jobs", "2", "many"], tmp_path, env=failing_plugin)
    assert proc.returncode == 2
    assert len(finding_paths(proc.stdout)) == 60
    assert error_lines(proc.stderr) == [BOOM_ERROR.replace("a.txt", "many/d07.txt")]


def _indexed_paths(folder: Path) -> list[str]:
    import sqlite3

    paths = []
    for file in sorted((folder / "cache").glob("index-*.sqlite")):
        db = sqlite3.connect(file)
        paths += [path for (path,) in db.execute("SELECT path FROM docs ORDER BY path")]
        db.close()
    return paths


def test_a_document_whose_rule_failed_is_not_stored_in_the_index(tmp_path, failing_plugin):
    first = run(["--cache-dir", "cache", "a.txt", "b.txt"], tmp_path, env=failing_plugin)
    second = run(["--cache-dir", "cache", "a.txt", "b.txt"], tmp_path, env=failing_plugin)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert error_lines(second.stderr) == [BOOM_ERROR]
    assert "a.txt" not in _indexed_paths(tmp_path)  # linted again, and failing again, each run


@pytest.mark.parametrize(
    "entry, source, reason",
    [
        ("exits = exits_on_import:Rule", "import sys\nsys.exit(0)\n", "failed to load: it called sys.exit(0)"),
        ("exits = exits_on_import:make", "import sys\ndef make():\n    sys.exit(3)\n", "failed to make its rules: it called sys.exit(3)"),
        ("exits = exits_on_import:make", "def make():\n    raise RuntimeError('no licence')\n", "failed to make its rules: no licence"),
    ],
    ids=["exit-on-import", "exit-in-factory", "raise-in-factory"],
)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_plugin_that_exits_while_loading_is_one_error_not_a_clean_run(tmp_path, entry, source, reason, fmt):
    (tmp_path / "a.txt").write_text(DIRTY)
    env = plugin_site(tmp_path, entry + "\n", {"exits_on_import": source})
    proc = run(["--format", fmt, "a.txt"], tmp_path, env=env)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"lintnews: error: plugin 'exits' ({entry.split(' = ')[1]}) {reason}\n"


# -- item 11: a forged index entry, well formed ---------------------------------

FORGED_CORPUS = {
    "a.txt": "The minister mentionned the plan.\nTariq Erian said so.\n",
    "b.txt": "Mr. Tariq Arian spoke.\nTariq Arian said.\n",
}


def _lint_with_cache(folder: Path, fmt: str = "text") -> subprocess.CompletedProcess[str]:
    return run(["--cache-dir", "cache", "--format", fmt, *sorted(FORGED_CORPUS)], folder)


def _forge(folder: Path, path: str, change) -> None:
    """Rewrite the index's rows of ``path`` with ``change`` applied to its result, well
    formed, so that only a check of the locations can catch it."""
    import sqlite3

    from lintnews import api
    from lintnews.run.config import Config
    from lintnews.run.index import Entry, Index, pack

    [file] = (folder / "cache").glob("index-*.sqlite")
    db = sqlite3.connect(file)
    meta = dict(db.execute("SELECT name, value FROM meta"))
    doc, ord_, size, mtime, ino, digest = db.execute("SELECT id, ord, size, mtime, ino, hash FROM docs WHERE path = ?", (path,)).fetchone()
    db.close()
    rules = api.configured_rules(Config())
    index = Index(file, meta["fingerprint"], json.loads(meta["spec"]))
    try:
        result = index.results({doc: path}, rules)[doc]
        index.write([(Entry(path, ord_), digest, pack(change(result), rules), (size, mtime, ino))])
    finally:
        index.close()


def _far_finding(result):
    import dataclasses

    f = result.findings[0]
    return dataclasses.replace(result, findings=[dataclasses.replace(f, line=1_000_000_000, column=-5)])


def _far_fact(result):
    """Every name mention of the document moved to line 1,000,000,000 (N101 reports mentions)."""
    import dataclasses

    from lintnews.core.corpus import Loc

    def far(loc):
        return None if loc is None else Loc(loc.path, loc.start, loc.end, 1_000_000_000, -5, 1_000_000_000, -4)

    facts = {}
    for code, value in result.facts.items():
        if hasattr(value, "mentions"):
            moved = tuple(
                type(m)(m.words, m.given, m.surname, far(m.full), far(m.surname_loc), far(m.given_loc), m.evidence, m.title, far(m.stray))
                for m in value.mentions
            )
            value = dataclasses.replace(value, mentions=moved)
        facts[code] = value
    return dataclasses.replace(result, facts=facts)


def _offsets_past_the_end(result):
    import dataclasses

    f = result.findings[0]
    return dataclasses.replace(result, findings=[dataclasses.replace(f, start=10_000, end=10_005)])


@pytest.mark.parametrize("change", [_far_finding, _far_fact], ids=["finding", "fact"])
def test_a_forged_entry_with_a_valid_checksum_and_places_outside_the_document_is_a_miss(tmp_path, change):
    for name, text in FORGED_CORPUS.items():
        (tmp_path / name).write_text(text)
    cold = _lint_with_cache(tmp_path)
    assert "N101" in cold.stdout and "S101" in cold.stdout
    _forge(tmp_path, "a.txt", change)
    warm = _lint_with_cache(tmp_path)
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert "names a place outside it); rebuilt" in warm.stderr
    # ... and the index was rebuilt: a third run reads it back, the same again, silently.
    third = _lint_with_cache(tmp_path)
    assert (third.stdout, third.stderr) == (cold.stdout, cold.stderr)


def test_offsets_past_the_end_of_the_document_fail_the_location_check(tmp_path):
    """No report prints offsets (and --fix lints again), but whatever reads them later
    must not get offsets outside the text either."""
    from lintnews.api import configured_rules
    from lintnews.core.document import make_document
    from lintnews.run.config import Config
    from lintnews.run.locations import locations_fit
    from lintnews.run.pipeline import lint_document

    text = FORGED_CORPUS["a.txt"]
    result = lint_document(make_document("a.txt", text), configured_rules(Config()))
    assert locations_fit(result, "a.txt", text)
    assert not locations_fit(_offsets_past_the_end(result), "a.txt", text)
    assert not locations_fit(_far_finding(result), "a.txt", text)
    assert not locations_fit(_far_fact(result), "a.txt", text)


def test_a_forged_entry_never_reaches_sarif(tmp_path):
    for name, text in FORGED_CORPUS.items():
        (tmp_path / name).write_text(text)
    cold = _lint_with_cache(tmp_path, "sarif")
    _forge(tmp_path, "a.txt", _far_finding)
    warm = _lint_with_cache(tmp_path, "sarif")
    assert warm.stdout == cold.stdout
    regions = [loc["physicalLocation"]["region"] for r in json.loads(warm.stdout)["runs"][0]["results"] for loc in r["locations"]]
    assert all(region["startLine"] <= 2 and region["startColumn"] >= 1 for region in regions)


def test_entries_of_real_documents_pass_the_location_check(tmp_path):
    """No false alarm: results at the ends of lines and files, across CRLF, after a BOM,
    with suppression markers on the last line, all fit their documents."""
    from lintnews.api import configured_rules
    from lintnews.core.document import make_document
    from lintnews.run.config import Config
    from lintnews.run.locations import locations_fit
    from lintnews.run.pipeline import lint_document

    rules = configured_rules(Config(), select=["ALL"])
    texts = {
        "a.txt": "\ufeffThe minister mentionned the plan ,\r\nSource link\r\nsaid said <!-- lintnews: disable-next-line=S101 -->",
        "b.md": "# Title\n\nMr. Tariq Erian said the the plan .\n<!-- lintnews: disable=P102 -->\n```\ncode\n```\n“unclosed",
        "c.txt": "",
        "d.txt": "Tariq Arian\r",
    }
    for path, raw in texts.items():
        result = lint_document(make_document(path, raw, "markdown" if path.endswith(".md") else "text"), rules, score=True)
        assert locations_fit(result, path, raw), path


# -- item 16: YAML aliases that repeat a long string ------------------------------------


def _long_string_aliases(length: int, repeats: int) -> str:
    """A rule pack whose tokens are one ``length``-character string and ``repeats``
    aliases of it: about ``length`` bytes on disk, ``length * (repeats + 1)`` characters
    of phrases once read."""
    return 'code: W901\nname: user-rule\ntype: existence\nmessage: "x"\ntokens: [&a "' + "w" * length + '"' + ", *a" * repeats + "]\n"


def test_aliases_of_a_long_string_are_refused_by_the_expansion_check(tmp_path):
    """The 33 KB pack of the issue: refused while its node graph is measured (work linear
    in the file), before a phrase or a pattern is built from it."""
    from lintnews.core.data import MAX_PACK_CHARS, DataError, read_yaml

    path = tmp_path / "pack.yaml"
    path.write_text(_long_string_aliases(30_000, 1000))
    assert path.stat().st_size < 35_000
    with pytest.raises(DataError, match=f"expands to more than {MAX_PACK_CHARS} characters"):
        read_yaml(path)


def test_aliases_of_a_long_string_are_one_error_from_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "pack.yaml").write_text(_long_string_aliases(30_000, 1000))
    (tmp_path / "lintnews.toml").write_text('rule-packs = ["pack.yaml"]\n')
    proc = run(["a.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.endswith("pack.yaml: rule pack expands to more than 2097152 characters (YAML aliases); refused\n")


def test_aliases_within_the_limit_are_read(tmp_path):
    from lintnews.core.data import read_yaml

    path = tmp_path / "pack.yaml"
    path.write_text(_long_string_aliases(1000, 100))
    assert read_yaml(path)["tokens"] == ["w" * 1000] * 101

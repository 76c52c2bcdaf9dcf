"""The wheel: built from the repository, installed into a bare folder, it lints the seeds
with the rule data it carries (``lintnews/_rules``), not the checkout's ``rules/``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=str(cwd), env=cli_env(), capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _hatchling_available() -> bool:
    try:
        import hatchling  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def installed_site(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a wheel of the repository and install it (no dependencies) into a folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheels = tmp / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-w", str(wheels), str(repo_root)]
    proc = _run(build, cwd=tmp)
    if proc.returncode != 0 and _hatchling_available():
        # No network for an isolated build environment: build with the hatchling at hand.
        proc = _run([*build[:4], "--no-build-isolation", *build[4:]], cwd=tmp)
    assert proc.returncode == 0, f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}"
    built = sorted(wheels.glob("lintnews-*.whl"))
    assert len(built) == 1, built
    site = tmp / "site"
    proc = _run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "--target", str(site), str(built[0])],
        cwd=tmp,
    )
    assert proc.returncode == 0, f"installing the wheel failed:\n{proc.stdout}\n{proc.stderr}"
    return site


def test_the_wheel_carries_the_rule_data(installed_site: Path, repo_root: Path):
    packaged = installed_site / "lintnews" / "_rules"
    assert packaged.is_dir()
    shipped = sorted(p.name for p in packaged.iterdir())
    in_repo = sorted(p.name for p in (repo_root / "rules").iterdir() if not p.name.startswith("."))
    assert shipped == in_repo
    assert "W101-boilerplate.yaml" in shipped
    # The built-in YAML files as parsed (read instead of parsing them when unchanged).
    assert (installed_site / "lintnews" / "data" / "rules-parsed.json").is_file()


def test_the_wheel_carries_the_regexes_compiled_by_the_python_that_built_it(installed_site: Path, repo_root: Path):
    # hatch_build.py compiles the listed regexes at build time, for the building Python.
    built = json.loads((installed_site / "lintnews" / "data" / "compiled-regexes.json").read_text(encoding="utf-8"))
    listed = json.loads((repo_root / "lintnews" / "data" / "regexes.json").read_text(encoding="utf-8"))["entries"]
    assert [[p, f] for p, f, *_ in built["entries"]] == listed
    assert built["engine"]["python"] == "%d.%d.%d" % sys.version_info[:3]


def test_the_installed_package_lints_the_seeds(installed_site: Path, seeds_dir: Path, tmp_path: Path):
    site = str(installed_site)
    code = (
        "import sys; sys.path.insert(0, SITE); import lintnews, lintnews.cli; "
        "assert lintnews.__file__.startswith(SITE), lintnews.__file__; "
        "sys.argv = ['lintnews', '--format', 'json', SEEDS]; lintnews.cli.main()"
    ).replace("SITE", repr(site)).replace("SEEDS", repr(str(seeds_dir)))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _run([sys.executable, "-c", code], cwd=elsewhere, timeout=300)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    codes = {f["code"] for f in report["findings"]}
    assert {"N101", "W101"} <= codes
    assert report["errors"] == []


def test_the_installed_package_reads_its_own_rule_data(installed_site: Path, tmp_path: Path):
    site = str(installed_site)
    code = (
        f"import sys; sys.path.insert(0, {site!r}); from lintnews.core.data import rules_dir; "
        "print(rules_dir())"
    )
    proc = _run([sys.executable, "-c", code], cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == (installed_site / "lintnews" / "_rules").resolve()


def test_the_wheel_carries_the_document_score_model(installed_site: Path, repo_root: Path, seeds_dir: Path, tmp_path: Path):
    shipped = installed_site / "lintnews" / "models" / "mtscore-v2.json"
    assert shipped.read_bytes() == (repo_root / "lintnews" / "models" / "mtscore-v2.json").read_bytes()
    code = (
        f"import sys; sys.path.insert(0, {str(installed_site)!r}); import lintnews.analyses.mtscore as m; "
        "assert m.__file__.startswith(sys.path[0]); "
        "print(m.load_model().threshold, m.score_text(open(sys.argv[1], encoding='utf-8').read()).score)"
    )
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    proc = _run([sys.executable, "-c", code, str(seed)], cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    threshold, score = map(float, proc.stdout.split())
    assert 0 < threshold < 1 and 0 <= score <= 1

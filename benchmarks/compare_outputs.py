#!/usr/bin/env python3
"""Record lintnews's output on fixed corpora, and compare a later version's with it.

A refactoring must not change a single finding or document score.  This script runs a
lintnews command over a set of corpora, in two selections (the default rules, and every
rule but the LanguageTool backend), as JSON (findings and every document's score), and
either records the outputs or compares them byte for byte with recorded ones::

    python benchmarks/compare_outputs.py record  /tmp/ref --shared ../shared/corpora
    # ... change the code ...
    python benchmarks/compare_outputs.py compare /tmp/ref --shared ../shared/corpora

The corpora: the sample articles (``seeds/``), ``clean-en``, the four ``zh-en`` folders,
``wmt22-toen/de-en`` (human and MT, as one corpus), and a generated corpus of
``--articles`` articles (``benchmarks/speed.py``'s generator, fixed seed) written under
the output folder.  Corpora under ``--shared`` that are absent are skipped and named.
``--lintnews`` names the command to run (default: the one beside this Python);
``--ignore CODE`` leaves out a rule added since the outputs were recorded.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SELECTIONS = {"default": [], "all": ["--select", "ALL", "--ignore", "L101"]}


def corpora(shared: Path | None, generated: Path) -> dict[str, Path]:
    found = {"seeds": REPO / "seeds"}
    if shared is not None:
        wanted = {
            "clean-en": shared / "clean-en",
            **{f"zh-en-{system.name}": system for system in sorted((shared / "zh-en").glob("*")) if system.is_dir()},
            "wmt22-de-en": shared / "wmt22-toen" / "de-en",
        }
        for name, folder in wanted.items():
            if folder.is_dir():
                found[name] = folder
            else:
                print(f"skipped {name}: no folder {folder}", file=sys.stderr)
    found["generated"] = generated
    return found


def generate(folder: Path, articles: int) -> None:
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == articles:
        return
    sys.path.insert(0, str(REPO / "benchmarks"))
    import speed  # the benchmark's generator: news-like articles with recurring names

    folder.mkdir(parents=True, exist_ok=True)
    speed.make_corpus(folder, articles, variant_rate=0.05)


def run(command: list[str], folder: Path, selection: list[str], ignore: list[str]) -> bytes:
    ignored = [arg for code in ignore for arg in ("--ignore", code)]
    done = subprocess.run(
        [*command, "--format", "json", "--exit-zero", "--no-cache", "--jobs", "2", *selection, *ignored, folder.name],
        capture_output=True,
        cwd=folder.resolve().parent,
    )
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed on {folder}: {done.stderr.decode(errors='replace')[-2000:]}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("outputs", type=Path, help="folder of the recorded outputs")
    parser.add_argument("--shared", type=Path, help="the shared corpora folder (../shared/corpora)")
    parser.add_argument("--articles", type=int, default=1000, help="size of the generated corpus")
    parser.add_argument("--ignore", action="append", default=[], metavar="CODE", help="leave out a rule added since the recording (repeatable)")
    parser.add_argument("--lintnews", default=str(Path(sys.executable).with_name("lintnews")), help="the command to run")
    args = parser.parse_args()
    generated = args.outputs / f"generated-{args.articles}"
    generate(generated, args.articles)
    differing = 0
    for name, folder in corpora(args.shared, generated).items():
        for selection, extra in SELECTIONS.items():
            output = run(args.lintnews.split(), folder, extra, args.ignore)
            recorded = args.outputs / f"{name}.{selection}.json"
            if args.action == "record":
                recorded.write_bytes(output)
                print(f"recorded {recorded.name}: {len(output):,} bytes")
                continue
            expected = recorded.read_bytes() if recorded.exists() else b""
            if output == expected:
                print(f"same      {name} ({selection})")
                continue
            differing += 1
            print(f"DIFFERENT {name} ({selection})")
            diff = difflib.unified_diff(
                expected.decode().splitlines(), output.decode().splitlines(), "recorded", "now", n=1, lineterm=""
            )
            print("\n".join(list(diff)[:40]))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How fast lintnews is at archive scale, side by side with codespell and proselint.

One command::

    pip install -e '.[bench]'
    python benchmarks/speed.py                        # N = 100, 1,000, 10,000
    python benchmarks/speed.py --sizes 100,1000 --names 1000,10000,100000

For each N it writes a corpus of N news articles of about 5 KB (paragraphs of the seed
articles and of ``../shared/corpora`` when present, shuffled; people whose names recur
across documents, misspelled at ``--variant-rate``), then runs on the same files, one
after the other:

- ``grep -rc`` of one word: the floor, reading the files and nothing else;
- ``lintnews`` with ``--jobs 1`` and ``--jobs J`` (every rule of the default set,
  spelling included, default text output; LanguageTool is not part of lintnews's
  default set), and ``lintnews --format json --jobs J``, whose output also carries every
  document's machine-translation score (the score's cost on top of the rules);
- ``codespell`` and ``proselint check`` (proselint only up to ``--proselint-max``
  documents: it takes about 10 s per 1,000 articles).

and prints wall seconds, CPU seconds (user + system of the whole process tree),
documents and MB per second, the peak memory of the process tree (proportional set
size summed over worker processes, sampled every 20 ms) and lintnews's throughput over each peer's.
It also times a one-file run (start-up included, best of five) and, with ``--names``,
the name-matching stage alone (N101's corpus index over synthetic mentions: time and
peak memory at each size).

With ``--index-sizes`` it measures the corpus index (``cache-dir``), the pre-commit case:
for each N, the index build (``lintnews --cache-dir DIR --corpus FOLDER ONE-FILE`` on an
empty index: every article linted and stored), its size on disk, then one-file runs
against the built index (start-up included, best of ``--repeat``): the same file again,
and a file just changed (a sentence with a misspelled name appended).  ``--kind seeds``
builds the corpora from the sample articles' paragraphs (``tests/corpusgen.py``: the same
people in most documents) instead of the Zipf cast.  The linearity line compares CPU
seconds per article of the full runs at the smallest and largest ``--sizes``.

Timings are wall-clock on a shared machine: run it on an idle one, and read CPU seconds
when the machine is busy.  Generated corpora go to ``--work`` (default: a temporary
folder), never into the repository.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover
    sys.exit("benchmarks/speed.py needs psutil: pip install -e '.[bench]'")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpora"
ARTICLE_BYTES = 5000

GIVEN = ["Tariq", "Karima", "Oleksandr", "Mariana", "Samuel", "Aisha", "Dmitri", "Li", "Fatima", "Jonas", "Elena", "Kwame"]
SYLLABLES = ["ar", "ian", "ko", "va", "len", "mu", "ja", "hid", "qu", "in", "te", "ro", "had", "da", "di", "sh", "ov", "el", "ba", "zan"]
SENTENCES = [
    "{given} {surname} said on Monday that the talks would continue.",
    "Spokesman {surname} told reporters the ceasefire was holding.",
    "Mr. {surname} added that the cease-fire could not last without aid.",
    "In a statement, {given} {surname} said the government had acted.",
    "Foreign Minister {given} {surname} met the delegation in the capital.",
]


# -- corpus ---------------------------------------------------------------------------------


def paragraphs() -> list[str]:
    """News paragraphs: the seeds, then clean-en and the to-English test sets if present."""
    sources = sorted((REPO / "seeds").glob("*.txt"))
    if SHARED.is_dir():
        sources += sorted((SHARED / "clean-en").glob("*.txt"))
        sources += sorted((SHARED / "wmt22-toen").glob("*/*/*.txt"))[:3000]
    found = []
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.split()) >= 8:
                found.append(line)
    return found


def misspell(name: str, rng: random.Random) -> str:
    """One plausible transliteration slip: a vowel swapped, a letter doubled or dropped."""
    i = rng.randrange(1, len(name))
    vowels = "aeiou"
    if name[i] in vowels:
        return name[:i] + rng.choice(vowels.replace(name[i], "")) + name[i + 1 :]
    if rng.random() < 0.5:
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1 :] if len(name) > 5 else name + "e"


def people(count: int, rng: random.Random) -> list[tuple[str, str]]:
    surnames = set()
    while len(surnames) < count:
        surnames.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return [(rng.choice(GIVEN), s) for s in sorted(surnames)]


def make_corpus(folder: Path, count: int, variant_rate: float, seed: int = 4) -> list[Path]:
    """``count`` articles of about 5 KB; names recur (Zipf-like) and are sometimes misspelled."""
    rng = random.Random(seed)
    pool = paragraphs()
    cast = people(max(20, count // 10), rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(cast))))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        lines, size = [], 0
        while size < ARTICLE_BYTES:
            line = rng.choice(pool)
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
        for _ in range(rng.randint(2, 6)):
            given, surname = rng.choices(cast, cum_weights=cumulative)[0]
            if rng.random() < variant_rate:
                surname = misspell(surname, rng)
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(SENTENCES).format(given=given, surname=surname))
        path = folder / f"{i:06d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


# -- measuring ------------------------------------------------------------------------------


def _memory(process: psutil.Process) -> int:
    info = process.memory_full_info()
    return getattr(info, "pss", info.rss)


def measure(command: list[str], cwd: Path | None = None) -> dict:
    """Run ``command``; wall and CPU seconds and peak memory of its process tree.

    CPU seconds come from the kernel's accounting of waited-for children (exact for the
    whole tree); memory is sampled, so a peak shorter than 20 ms may be missed.  Memory
    is the proportional set size (PSS) summed over the tree where the system reports it
    (Linux): forked workers share their parent's pages, and summing their resident sizes
    would count those pages once per process.  Elsewhere it is the summed RSS.
    """
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            rss = 0
            for p in tree:
                try:
                    rss += _memory(p)
                except psutil.Error:
                    pass
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": total_cpu, "peak": peak, "code": proc.returncode, "stderr": stderr}


def tool(name: str) -> str | None:
    """A command on PATH, or installed beside this Python (a virtualenv not activated)."""
    beside = Path(sys.executable).parent / name
    return shutil.which(name) or (str(beside) if beside.exists() else None)


def lintnews_cmd() -> list[str]:
    return [tool("lintnews") or "lintnews"]


def make_seeds_corpus(folder: Path, count: int, variant_rate: float, seed: int = 4) -> list[Path]:
    """``count`` articles of the sample articles' paragraphs (tests/corpusgen.py)."""
    sys.path.insert(0, str(REPO / "tests"))
    from corpusgen import generate

    return generate(REPO / "seeds", folder, count, seed=seed, variant_rate=variant_rate)


def run_tools(folder: Path, files: list[Path], jobs: int, proselint_max: int) -> list[tuple[str, dict]]:
    rows = []
    rows.append(("grep -rc (read floor)", measure(["grep", "-rc", "said", str(folder)])))
    base = [*lintnews_cmd(), "--exit-zero", "--no-progress"]
    rows.append(("lintnews (default jobs)", measure([*base, str(folder)])))
    rows.append(("lintnews --jobs 1", measure([*base, "--jobs", "1", str(folder)])))
    rows.append((f"lintnews --jobs {jobs}", measure([*base, "--jobs", str(jobs), str(folder)])))
    rows.append((f"lintnews --jobs {jobs} --format json", measure([*base, "--format", "json", "--jobs", str(jobs), str(folder)])))
    codespell, proselint = tool("codespell"), tool("proselint")
    if codespell:
        rows.append(("codespell", measure([codespell, str(folder)])))
    else:
        print("codespell not found: pip install -e '.[bench]'", file=sys.stderr)
    if proselint and len(files) <= proselint_max:
        rows.append(("proselint check", measure([proselint, "check", str(folder)])))
    elif not proselint:
        print("proselint not found: pip install -e '.[bench]'", file=sys.stderr)
    return rows


def table(count: int, megabytes: float, rows: list[tuple[str, dict]], jobs: int) -> str:
    ours = dict(rows).get(f"lintnews --jobs {jobs}")
    out = [
        f"\nN = {count:,} articles, {megabytes:.1f} MB",
        "| tool | wall s | CPU s | docs/s | MB/s | peak MB (PSS) | lintnews -j{}/tool |".format(jobs),
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        ratio = f"{r['wall'] / ours['wall']:.2f}x" if ours and name != f"lintnews --jobs {jobs}" else "–"
        out.append(
            f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {count / r['wall']:,.0f} | {megabytes / r['wall']:.2f} | "
            f"{r['peak'] / 2**20:.0f} | {ratio} |"
        )
    return "\n".join(out)


def single_file(path: Path) -> dict:
    runs = [measure([*lintnews_cmd(), "--exit-zero", "--no-progress", str(path)]) for _ in range(5)]
    return min(runs, key=lambda r: r["wall"])


# -- the corpus index ----------------------------------------------------------------------------


def index_runs(folder: Path, files: list[Path], cache: Path, repeat: int, keep: bool = False) -> list[tuple[str, dict]]:
    """Build the index of ``folder`` and time one-file runs against it (see the docstring);
    ``keep``: an index already under ``cache`` is used as it is (no build row)."""
    one = files[len(files) // 2]
    command = [*lintnews_cmd(), "--exit-zero", "--no-progress", "--cache-dir", str(cache), "--corpus", str(folder)]
    if keep and any(cache.glob("index-*.sqlite")):
        rows = [("index kept from an earlier build", {"wall": 0.0, "cpu": 0.0, "peak": 0})]
    else:
        shutil.rmtree(cache, ignore_errors=True)
        rows = [("index build (every article)", measure([*command, str(one)]))]
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    rows[0][1]["size"] = size
    runs = [measure([*command, str(one)]) for _ in range(repeat)]
    rows.append(("one file, unchanged", min(runs, key=lambda r: r["wall"])))
    changed = []
    text = one.read_text(encoding="utf-8")
    for k in range(repeat):
        one.write_text(text + f"Spokesman Tariq Erian{'n' * k} said the talks had stalled.\n", encoding="utf-8")
        changed.append(measure([*command, str(one)]))
    one.write_text(text, encoding="utf-8")
    rows.append(("one file, changed", min(changed, key=lambda r: r["wall"])))
    return rows


def index_table(count: int, rows: list[tuple[str, dict]]) -> str:
    out = [f"\nindex of N = {count:,} articles", "| run | wall s | CPU s | peak MB (PSS) | index MB |", "|---|---:|---:|---:|---:|"]
    for name, r in rows:
        size = f"{r['size'] / 1e6:.0f}" if "size" in r else ""
        out.append(f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['peak'] / 2**20:.0f} | {size} |")
    return "\n".join(out)


# -- the name-matching stage alone -----------------------------------------------------------

_NAMES_STAGE = r"""
import itertools, random, resource, sys, time
from lintnews.core.corpus import Loc
from lintnews.analyses.names.mentions import Mention, NameFacts
from lintnews.analyses.names.variants import find_variants
sys.path.insert(0, {bench!r})
from speed import misspell, people
count, rate = {count}, {rate}
rng = random.Random(7)
cast = people(max(20, count // 10), rng)
cumulative = list(itertools.accumulate(1 / (r + 1) for r in range(len(cast))))
facts, paths = {{}}, []
for d in range(count):
    path = f"doc{{d:06d}}.txt"
    mentions = []
    for k in range(8):
        given, surname = rng.choices(cast, cum_weights=cumulative)[0]
        if rng.random() < rate:
            surname = misspell(surname, rng)
        loc = Loc(path, k * 40, k * 40 + 12, k + 1, 1, k + 1, 13)
        sloc = Loc(path, k * 40 + 6, k * 40 + 12, k + 1, 7, k + 1, 13)
        ev = frozenset({{"speech"}}) if k % 2 else frozenset()
        mentions.append(Mention((given, surname), given, surname, loc, sloc, loc, ev, "", None))
    facts[path] = NameFacts(tuple(mentions), frozenset())
    paths.append(path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
variants = find_variants(facts, paths)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seconds, peak / 1024, (peak - before) / 1024, len(variants))
"""


def names_stage(count: int, rate: float) -> tuple[float, float, float, int]:
    code = _NAMES_STAGE.format(bench=str(Path(__file__).resolve().parent), count=count, rate=rate)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes in articles (comma-separated)")
    parser.add_argument("--names", default="1000,10000,100000", help="sizes for the name-matching stage alone ('' to skip)")
    parser.add_argument("--jobs", type=int, default=2, help="lintnews worker processes for the parallel run")
    parser.add_argument("--proselint-max", type=int, default=10000, help="run proselint only up to this many articles")
    parser.add_argument("--variant-rate", type=float, default=0.05, help="share of name mentions misspelled")
    parser.add_argument("--work", type=Path, help="where to write the corpora (default: a temporary folder, removed)")
    parser.add_argument("--kind", choices=("zipf", "seeds"), default="zipf", help="the corpus generator (see above)")
    parser.add_argument("--index-sizes", default="", help="corpus sizes for the index runs (comma-separated; '' to skip)")
    parser.add_argument("--repeat", type=int, default=3, help="one-file runs against the index, best of")
    parser.add_argument("--keep-index", action="store_true", help="use an index already built under --work (of the same rules and corpus) instead of building it again")
    parser.add_argument("--no-tools", action="store_true", help="skip the full runs (--sizes) and the peers")
    args = parser.parse_args()
    make = make_corpus if args.kind == "zipf" else make_seeds_corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="lintnews-speed-"))
    try:
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}")
        def corpus(count: int) -> tuple[Path, list[Path]]:
            folder = work / f"{args.kind}-{count}"
            files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
            if len(files) != count:
                shutil.rmtree(folder, ignore_errors=True)
                files = sorted(make(folder, count, args.variant_rate))
            return folder, files

        per_article: dict[int, float] = {}
        for count in [] if args.no_tools else [int(s) for s in args.sizes.split(",") if s]:
            folder, files = corpus(count)
            megabytes = sum(f.stat().st_size for f in files) / 1e6
            rows = run_tools(folder, files, args.jobs, args.proselint_max)
            print(table(count, megabytes, rows, args.jobs), flush=True)
            per_article[count] = dict(rows)["lintnews --jobs 1"]["cpu"] / count
            for name, r in rows:
                if name.startswith("lintnews") and r["code"] not in (0,):
                    print(f"  {name} exited {r['code']}: {r['stderr'].strip()[:300]}")
        if len(per_article) >= 2:
            small, large = min(per_article), max(per_article)
            print(
                f"\nlinearity: CPU ms per article (--jobs 1) {per_article[small] * 1e3:.2f} at {small:,}, "
                f"{per_article[large] * 1e3:.2f} at {large:,}: {per_article[large] / per_article[small]:.2f}x linear"
            )
        for count in [int(s) for s in args.index_sizes.split(",") if s]:
            folder, files = corpus(count)
            print(index_table(count, index_runs(folder, files, work / f"cache-{args.kind}-{count}", args.repeat, args.keep_index)), flush=True)
        if args.no_tools:
            return
        one = sorted((REPO / "seeds").glob("*.txt"))[0]
        r = single_file(one)
        print(f"\none file ({one.name}, start-up included, best of 5): {r['wall']:.3f} s wall, peak {r['peak'] / 2**20:.0f} MB")
        sizes = [int(s) for s in args.names.split(",") if s]
        if sizes:
            print("\nname-matching stage alone (N101 corpus index, 8 synthetic mentions per article)")
            print("| articles | mentions | seconds | peak RSS MB | RSS growth in stage MB | variants |")
            print("|---:|---:|---:|---:|---:|---:|")
            for count in sizes:
                seconds, peak, growth, found = names_stage(count, args.variant_rate)
                print(f"| {count:,} | {count * 8:,} | {seconds:.2f} | {peak:.0f} | {growth:.0f} | {found:,} |", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

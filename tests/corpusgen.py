"""A generated corpus for engine tests: seed paragraphs shuffled into new articles, with
people whose names recur across documents and are sometimes misspelled.

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
    "Spokesman {surname} told reporters the ceasefire was holding.",
    "Mr. {surname} added that the cease-fire could not last without aid.",
    "In a statement, {given} {surname} said the government had acted.",
]


def generate(seeds_dir: Path, out: Path, count: int, seed: int = 4, variant_rate: float = 0.08) -> list[Path]:
    """Write ``count`` articles into ``out`` and return their paths."""
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
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(SENTENCES).format(given=given, surname=surname))
        path = out / f"{i:04d}_gen.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths

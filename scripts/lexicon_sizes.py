#!/usr/bin/env python3
"""Writes the two 100,000-name user lexicons the README's load figures were measured on.

    python3 scripts/lexicon_sizes.py names > big-names.tsv       # given name + surname, places
    python3 scripts/lexicon_sizes.py syllables > big-syllables.tsv  # shared prefixes: a hard case
    perf stat -r 8 target/release/newslens --lexicon big-names.tsv <<< "Hello world."

`names` pairs the given names and surnames of the built-in census lists and adds the built-in
place names; `syllables` invents names from 18 syllables. Both are deterministic (fixed seeds);
one entry in five has a canonical name.
"""

import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "lexicon" / "data"
COUNT = 100_000


def words(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [l.split("\t")[0].strip() for l in lines if l.strip() and not l.startswith("#")]


def names():
    rng = random.Random(3)
    first, surnames = words("entities_first_names_census.txt"), words("entities_surnames.txt")
    seen, out = set(), []
    for place in words("entities_places.txt"):
        if place not in seen:
            seen.add(place)
            out.append(f"{place}\tGPE")
    while len(out) < COUNT:
        name = f"{rng.choice(first)} {rng.choice(surnames)}"
        if name not in seen:
            seen.add(name)
            out.append(f"{name}\tPERSON" if rng.random() < 0.8 else f"{name}\tPERSON\t{name} Sr")
    return out


def syllables():
    rng = random.Random(7)
    parts = "qua rel mor tin vas lek dor pim zan bro kel sut nal fen gor wil hax jun".split()
    types = ["ORG", "PERSON", "GPE", "FAC", "PRODUCT"]
    seen, out = set(), []
    while len(out) < COUNT:
        word = lambda: "".join(rng.choice(parts) for _ in range(rng.randint(2, 3))).capitalize()
        name = " ".join(word() for _ in range(rng.randint(1, 3)))
        if name not in seen:
            seen.add(name)
            label = rng.choice(types)
            out.append(f"{name}\t{label}" if rng.random() < 0.8 else f"{name}\t{label}\t{name} Group")
    return out


if __name__ == "__main__":
    kind = sys.argv[1] if len(sys.argv) > 1 else ""
    if kind not in ("names", "syllables"):
        sys.exit(__doc__)
    print(f"# {COUNT:,} generated names ({kind}), by scripts/lexicon_sizes.py")
    print("\n".join(names() if kind == "names" else syllables()))

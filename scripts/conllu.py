"""Reads a CoNLL-U file (Universal Dependencies) for newslens's measuring scripts.

Multi-word token lines (`1-2`) and empty nodes (`1.1`) are skipped: their parts are the
tokens. The data is only read, never copied.
"""


def read_conllu(path):
    """The sentences of `path`, each a list of token dicts: form, upos, xpos, head (0 for the
    root), rel, glued (True where the gold says SpaceAfter=No)."""
    sentences, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            cur.append(
                {
                    "form": cols[1],
                    "upos": cols[3],
                    "xpos": cols[4],
                    "head": int(cols[6]) if cols[6].isdigit() else 0,
                    "rel": cols[7],
                    "glued": "SpaceAfter=No" in cols[9],
                }
            )
    if cur:
        sentences.append(cur)
    return sentences

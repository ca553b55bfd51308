#!/usr/bin/env python3
"""Measures newslens's part-of-speech tagger against a CoNLL-U file (gold tokens, UPOS, XPOS).

    cargo build --release --example tag
    python3 scripts/eval_tagger.py ../shared/eval/syntax/en_ewt-ud-dev.conllu [--bin PATH] [--top N]

Feeds each gold sentence, already tokenised, to `examples/tag.rs` (a tab between two tokens
where the gold says SpaceAfter=No), so tokens align 1:1, and prints UPOS and Penn (XPOS)
accuracy over tokens and the most frequent confusions (gold -> ours). Multi-word token lines
(`1-2`) and empty nodes (`1.1`) are skipped: their parts are the tokens. The data is only
read, never copied.

With --segmenter the sentences are rebuilt as text instead (one per line, spaces where the
gold has them) and tokenised by newslens itself (`tag --text`); only tokens whose byte span
equals a gold token's are scored, and the share that align is printed.
"""

import argparse
import signal
import collections
import subprocess
import sys

import conllu


def read_conllu(path):
    """(form, upos, xpos, glued) tuples of each sentence."""
    return [
        [(t["form"], t["upos"], t["xpos"], t["glued"]) for t in s]
        for s in conllu.read_conllu(path)
    ]


def through_segmenter(sentences, binary):
    lines, gold, pos = [], [], 0
    for s in sentences:
        line = ""
        for form, upos, xpos, no_space_after in s:
            start = pos + len(line.encode())
            gold.append((start, start + len(form.encode()), upos, xpos))
            line += form if no_space_after else form + " "
        line = line.rstrip(" ")
        lines.append(line)
        pos += len(line.encode()) + 1
    text = "\n".join(lines) + "\n"
    out = subprocess.run(
        [binary, "--text"], input=text, capture_output=True, text=True, check=True
    ).stdout
    data, cur, ours = text.encode(), 0, {}
    for line in out.split("\n"):
        if line:
            token, tag, upos, _ = line.split("\t")
            t = token.encode()
            start = data.find(t, cur)
            ours[(start, start + len(t))] = (upos, tag)
            cur = start + len(t)
    aligned = upos_ok = xpos_ok = 0
    for start, end, upos, xpos in gold:
        if (start, end) in ours:
            aligned += 1
            upos_ok += ours[(start, end)][0] == upos
            xpos_ok += ours[(start, end)][1] == xpos
    n = len(gold)
    print(f"gold tokens {n}; same span in newslens's tokens {aligned} ({100 * aligned / n:.1f}%)")
    print(f"UPOS accuracy on those {100 * upos_ok / aligned:.2f}%")
    print(f"Penn (XPOS) accuracy on those {100 * xpos_ok / aligned:.2f}%")
    print(f"UPOS over all gold tokens (unaligned count as wrong) {100 * upos_ok / n:.2f}%")


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser()
    ap.add_argument("conllu")
    ap.add_argument("--bin", default="target/release/examples/tag")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--segmenter", action="store_true", help="tokenise with newslens itself")
    args = ap.parse_args()
    sentences = read_conllu(args.conllu)
    if args.segmenter:
        through_segmenter(sentences, args.bin)
        return
    lines = []
    for s in sentences:
        parts = []
        for k, (form, _, _, no_space_after) in enumerate(s):
            form = form.replace(" ", "_").replace("\t", "_")
            parts.append(form)
            if k + 1 < len(s):
                parts.append("\t" if no_space_after else " ")
        lines.append("".join(parts))
    out = subprocess.run(
        [args.bin], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True
    ).stdout
    predicted = [b.split("\n") for b in out.rstrip("\n").split("\n\n")]
    if len(predicted) != len(sentences):
        sys.exit(f"{len(sentences)} sentences in, {len(predicted)} out")
    n = upos_ok = xpos_ok = 0
    upos_conf, xpos_conf = collections.Counter(), collections.Counter()
    word_conf, xword_conf = collections.Counter(), collections.Counter()
    for gold, pred in zip(sentences, predicted):
        if len(gold) != len(pred):
            sys.exit(f"token count differs in: {' '.join(g[0] for g in gold)[:80]}")
        for (form, upos, xpos, _), line in zip(gold, pred):
            _, ptag, pupos, _ = line.split("\t")
            n += 1
            upos_ok += pupos == upos
            xpos_ok += ptag == xpos
            if pupos != upos:
                upos_conf[(upos, pupos)] += 1
                word_conf[(form.lower(), upos, pupos)] += 1
            if ptag != xpos:
                xpos_conf[(xpos, ptag)] += 1
                xword_conf[(form.lower(), xpos, ptag)] += 1
    print(f"tokens {n}, sentences {len(sentences)}")
    print(f"UPOS accuracy {100 * upos_ok / n:.2f}%")
    print(f"Penn (XPOS) accuracy {100 * xpos_ok / n:.2f}%")
    for title, conf in (("UPOS", upos_conf), ("XPOS", xpos_conf)):
        print(f"\nTop {title} confusions (gold -> ours):")
        for (g, p), c in conf.most_common(args.top):
            print(f"  {c:5d}  {g:6s} -> {p}")
    for title, conf in (("UPOS", word_conf), ("XPOS", xword_conf)):
        print(f"\nTop {title} confusions by word (word gold -> ours):")
        for (w, g, p), c in conf.most_common(args.top):
            print(f"  {c:5d}  {w:15s} {g:6s} -> {p}")


if __name__ == "__main__":
    main()

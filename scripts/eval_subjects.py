#!/usr/bin/env python3
"""Measures newslens's subject attachment against the nsubj relations of a CoNLL-U file.

    cargo build --release --example tag
    python3 scripts/eval_subjects.py ../shared/eval/syntax/en_ewt-ud-dev.conllu [--bin PATH] [--show N]

Feeds each gold sentence, already tokenised, to `examples/tag.rs --clauses`, which prints for
each token that heads a verb group's subject the index of that group's main verb. Gold pairs
are the `nsubj` and `nsubj:pass` relations (dependent -> head). A gold head that is not a verb
(copular "X is ready": nsubj(ready, X)) is mapped to its `cop` dependent, the verb newslens
sees; a verb with auxiliaries keeps its own index (newslens's group head is the main verb).

Each row also gives the subject phrase's first and last token, for a looser count: a gold
subject inside newslens's subject phrase of the same verb (names of several words have their
head at one end or the other depending on the kind of name).

Printed: recall (gold pairs found exactly: same subject head, same verb), precision (pairs
newslens wrote that are gold), F1, and recall restricted to sentences of news-like shape (no
gold token tagged as a URL, e-mail or emoticon). Multi-word token lines and empty nodes are
skipped. The data is only read, never copied.
"""

import argparse
import collections
import subprocess
import sys

from conllu import read_conllu


def gold_pairs(sentence):
    """(dependent, verb) 1-based pairs of nsubj relations, copular heads mapped to the copula."""
    cop = {}
    for i, t in enumerate(sentence, 1):
        if t["rel"] == "cop":
            cop[t["head"]] = i
    pairs = set()
    for i, t in enumerate(sentence, 1):
        if t["rel"] in ("nsubj", "nsubj:pass"):
            head = t["head"]
            if head == 0:
                continue
            if sentence[head - 1]["upos"] not in ("VERB", "AUX") and head in cop:
                head = cop[head]
            pairs.add((i, head))
    return pairs


def line_of(sentence):
    out = []
    for k, t in enumerate(sentence):
        out.append(t["form"])
        if k + 1 < len(sentence):
            out.append("\t" if t["glued"] else " ")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("conllu")
    ap.add_argument("--bin", default="target/release/examples/tag")
    ap.add_argument("--show", type=int, default=0, help="print N missed sentences")
    args = ap.parse_args()
    sentences = read_conllu(args.conllu)
    text = "\n".join(line_of(s) for s in sentences) + "\n"
    out = subprocess.run(
        [args.bin, "--clauses"], input=text, capture_output=True, text=True, check=True
    ).stdout
    blocks = [b for b in out.split("\n\n") if b.strip()]
    if len(blocks) != len(sentences):
        sys.exit(f"got {len(blocks)} sentences back for {len(sentences)}")
    tp = fp = fn = loose_tp = 0
    news_tp = news_fn = 0
    shown = 0
    misses = collections.Counter()
    for s, block in zip(sentences, blocks):
        rows = [r.split("\t") for r in block.strip("\n").split("\n")]
        if len(rows) != len(s):
            sys.exit(f"token count differs in: {line_of(s)}")
        ours = {(i, int(r[4])) for i, r in enumerate(rows, 1) if r[4] != "0"}
        spans = {int(r[4]): range(int(r[5]), int(r[6]) + 1) for r in rows if r[4] != "0"}
        gold = gold_pairs(s)
        news = not any(t["upos"] == "X" or t["upos"] == "SYM" for t in s)
        hit = ours & gold
        loose_tp += sum(1 for d, h in gold if h in spans and d in spans[h])
        tp += len(hit)
        fp += len(ours - gold)
        fn += len(gold - ours)
        if news:
            news_tp += len(hit)
            news_fn += len(gold - ours)
        for dep, head in gold - ours:
            misses[s[dep - 1]["upos"]] += 1
        if args.show and shown < args.show and (gold - ours or ours - gold):
            shown += 1
            forms = [t["form"] for t in s]
            fmt = lambda ps: ", ".join(f"{forms[d - 1]}->{forms[h - 1]}" for d, h in sorted(ps))
            print(" ".join(forms))
            print(f"   missed: {fmt(gold - ours)}   wrong: {fmt(ours - gold)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"sentences {len(sentences)}; gold nsubj pairs {tp + fn}; newslens pairs {tp + fp}")
    print(f"subject attachment: precision {100 * p:.2f}%  recall {100 * r:.2f}%  F1 {100 * f:.2f}%")
    print(
        f"recall counting a gold subject inside newslens's subject phrase of the same verb: "
        f"{100 * loose_tp / (tp + fn):.2f}%"
    )
    nr = news_tp / (news_tp + news_fn) if news_tp + news_fn else 0.0
    print(f"recall in sentences with no URL, e-mail or symbol token: {100 * nr:.2f}%")
    print("missed subjects by gold UPOS:", dict(misses.most_common(6)))


if __name__ == "__main__":
    main()

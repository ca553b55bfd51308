#!/usr/bin/env python3
"""Where newslens's heap is at its peak: the allocation sites of a valgrind massif profile,
each named by its first frame inside newslens (the code that asked for the memory).

    valgrind --tool=massif --depth=40 --massif-out-file=massif.out \\
        target/release/newslens -j 1 -q --max-bytes 0 --compact doc.txt > /dev/null
    python3 scripts/massif_sites.py massif.out [--top 20]
"""

import argparse
import re
from collections import Counter

NODE = re.compile(r"^( *)n(\d+): (\d+) (?:0x[0-9A-Fa-f]+: )?(.*)$")


def peak_tree(path):
    """The node lines of the peak snapshot (the detailed snapshot massif marks `peak`)."""
    lines, keep, in_peak = [], False, False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("snapshot="):
                keep = False
                in_peak = False
            elif line.startswith("heap_tree="):
                in_peak = line.strip() == "heap_tree=peak"
                keep = in_peak
            elif keep and NODE.match(line):
                lines.append(line.rstrip("\n"))
    return lines


def sites(lines):
    """Bytes by allocation site: the innermost newslens function on each branch (the tree
    runs from the allocator outwards, so that is the first one met), with what it called
    (`Vec::push`, `HashMap::with_capacity`). A branch that never reaches newslens code (the
    allocator's bookkeeping, the standard library's own) is counted apart."""
    found = Counter()
    stack = []  # the functions from the allocator down to the current node
    for line in lines:
        indent, children, size, func = NODE.match(line).groups()
        del stack[len(indent):]
        stack.append(func)
        ours = [i for i, f in enumerate(stack) if is_ours(f)]
        if ours and ours[0] == len(stack) - 1:
            callee = short(stack[-2]).split(" (")[0] if len(stack) > 1 else ""
            found[f"{short(func)}  <- {callee}"] += int(size)
        elif not ours and int(children) == 0:
            found["(outside newslens)"] += int(size)
    return found


def is_ours(func):
    return func.startswith(("newslens::", "<newslens::"))


def short(func):
    return re.sub(r"<[^<>]*>", "", re.sub(r"<[^<>]*>", "", func))[:150]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("massif_out")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    found = sites(peak_tree(args.massif_out))
    total = sum(found.values())
    print(f"peak heap {total / 1e6:.1f} MB")
    for func, size in found.most_common(args.top):
        print(f"{size / 1e6:8.2f} MB {100 * size / total:5.1f}%  {func}")


if __name__ == "__main__":
    main()

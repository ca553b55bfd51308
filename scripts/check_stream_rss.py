#!/usr/bin/env python3
"""Checks that a long JSON Lines stream passes through newslens in bounded memory.

Pipes generated news (examples/news_corpus.rs, nothing stored on disk) into
`newslens --input-format jsonl`, counts the output lines, and fails unless newslens exits 0,
writes one line per record and its peak RSS (its own, read with wait4) stays under the limit.
`.ci/run` runs it on 300 MB:

    cargo build --release --bin newslens --example news_corpus
    python3 scripts/check_stream_rss.py --bytes 300M --limit-mb 100
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/release/newslens")
    parser.add_argument("--gen", default="target/release/examples/news_corpus")
    parser.add_argument("--bytes", default="300M", help="stream size, as news_corpus takes it")
    parser.add_argument("--limit-mb", type=float, default=100.0, help="peak RSS limit, MB (10^6)")
    parser.add_argument("--threads", default=None, help="newslens -j (default: every core)")
    args = parser.parse_args()

    threads = ["-j", args.threads] if args.threads else []
    started = time.monotonic()
    with tempfile.TemporaryFile() as gen_err, tempfile.TemporaryFile() as lens_err:
        gen = subprocess.Popen(
            [args.gen, "--bytes", args.bytes, "--summary"], stdout=subprocess.PIPE, stderr=gen_err
        )
        lens = subprocess.Popen(
            [args.bin, "--input-format", "jsonl", "-q", "--stats", *threads],
            stdin=gen.stdout,
            stdout=subprocess.PIPE,
            stderr=lens_err,
        )
        gen.stdout.close()  # newslens holds the only read end: the generator sees a closed pipe
        lines = 0
        while chunk := lens.stdout.read(1 << 20):
            lines += chunk.count(b"\n")
        _, status, usage = os.wait4(lens.pid, 0)
        lens.returncode = os.waitstatus_to_exitcode(status)
        gen.wait()
        gen_err.seek(0)
        lens_err.seek(0)
        summary = gen_err.read().decode().strip()
        stats = lens_err.read().decode().strip()
    seconds = time.monotonic() - started

    peak_mb = usage.ru_maxrss * 1024 / 1e6  # Linux reports kilobytes
    records = int(summary.split()[0]) if gen.returncode == 0 and summary else -1
    print(f"generator: {summary} (exit {gen.returncode})")
    print(f"newslens: exit {lens.returncode}; {stats.splitlines()[-1] if stats else 'no stats'}")
    print(f"{lines} output lines in {seconds:.1f} s; peak RSS {peak_mb:.1f} MB (limit {args.limit_mb:g})")
    failures = []
    if gen.returncode != 0:
        failures.append(f"the generator failed: {summary}")
    if lens.returncode != 0:
        failures.append(f"newslens exited {lens.returncode}: {stats[-2000:]}")
    if lines != records:
        failures.append(f"{lines} output lines for {records} records")
    if peak_mb >= args.limit_mb:
        failures.append(f"peak RSS {peak_mb:.1f} MB is not under {args.limit_mb:g} MB")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print(f"stream: {0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

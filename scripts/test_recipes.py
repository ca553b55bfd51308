#!/usr/bin/env python3
"""Tests the README's scale-out recipes: their output must equal one newslens process's.

    cargo build --release --bin newslens --example news_corpus
    python3 scripts/test_recipes.py parallel    # GNU parallel --pipepart -k
    python3 scripts/test_recipes.py spark       # PySpark rdd.pipe in local mode (pip install pyspark)

Each test generates a JSON Lines corpus (examples/news_corpus.rs) with a few bad records
mixed in, runs `newslens --input-format jsonl` over it once as the reference, runs the recipe,
and compares line by line, in order. The one expected difference: an error record's
`error.line` counts lines of the piece of input its process read, not of the whole file, so
it is left out of the comparison (the record's `id` names it). A test that cannot run here
(GNU parallel missing; Java or pyspark missing for Spark) prints SKIPPED and exits 0.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWSLENS = os.path.join(ROOT, "target/release/newslens")
GENERATOR = os.path.join(ROOT, "target/release/examples/news_corpus")
WRAPPER = os.path.join(ROOT, "scripts/newslens-pipe")

# Lines put between the generated records: each gives an error record or nothing.
BAD_LINES = [
    '{"id": "bad-text", "text": 42}',  # bad_record, its id kept
    "",  # skipped: no output line
    '{"id": "blank", "text": "   "}',  # empty
    "{not json",  # bad_record, id null
]


def make_corpus(folder, size="3M"):
    """Writes docs.jsonl: generated records with BAD_LINES spread through them."""
    generated = subprocess.run(
        [GENERATOR, "--bytes", size], check=True, stdout=subprocess.PIPE
    ).stdout.split(b"\n")[:-1]
    step = len(generated) // (len(BAD_LINES) + 1)
    lines = []
    for i, line in enumerate(generated):
        if i and i % step == 0 and i // step <= len(BAD_LINES):
            lines.append(BAD_LINES[i // step - 1].encode())
        lines.append(line)
    path = os.path.join(folder, "docs.jsonl")
    with open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    return path, len(generated)


def reference(corpus):
    """One process over the whole file: exit status 1, because of the bad records."""
    run = subprocess.run(
        [NEWSLENS, "--input-format", "jsonl", "-q", corpus],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert run.returncode == 1, f"reference run exited {run.returncode}, expected 1"
    return lines(run.stdout)


def lines(output):
    """JSON Lines output as text lines. Split on newlines only: str.splitlines would also
    split at U+2028 or U+0085, which JSON strings may hold unescaped."""
    return output.decode("utf-8").split("\n")[:-1]


def comparable(line):
    """The line, with an error record's `error.line` (which depends on the split) left out."""
    value = json.loads(line)
    if "error" in value:
        value["error"].pop("line", None)
    return value


def assert_same(expected, got, what):
    assert len(got) == len(expected), f"{what}: {len(got)} lines, expected {len(expected)}"
    renumbered = 0
    for i, (want, have) in enumerate(zip(expected, got)):
        if want != have:
            if comparable(want) != comparable(have):
                raise AssertionError(f"{what}: line {i + 1} differs:\n  want {want[:200]}\n  got  {have[:200]}")
            renumbered += 1
    errors = sum("error" in json.loads(line) for line in got)
    print(
        f"{what}: {len(got)} lines equal to one process's output, in order "
        f"({errors} error records, {renumbered} of them with another error.line)"
    )


def test_parallel(folder):
    if shutil.which("parallel") is None:
        print("SKIPPED parallel: GNU parallel is not installed (apt-get install parallel)")
        return False
    corpus, _ = make_corpus(folder)
    expected = reference(corpus)
    # The README recipe. --block 256k splits the 3 MB corpus into a dozen pieces.
    recipe = [
        "parallel", "--pipepart", "-a", corpus, "--block", "256k", "-k",
        NEWSLENS, "--input-format", "jsonl", "-j", "1", "-q",
    ]
    run = subprocess.run(recipe, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # parallel's exit status is the number of jobs that failed: the pieces holding a bad record.
    assert run.returncode in range(1, len(BAD_LINES) + 1), f"parallel exited {run.returncode}"
    assert_same(expected, lines(run.stdout), "parallel --pipepart -k")
    wrapped = subprocess.run(
        [*recipe[: recipe.index(NEWSLENS)], WRAPPER, *recipe[recipe.index(NEWSLENS) + 1 :]],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NEWSLENS": NEWSLENS},
    )
    assert wrapped.returncode == 0, f"parallel with newslens-pipe exited {wrapped.returncode}"
    assert_same(expected, lines(wrapped.stdout), "parallel --pipepart -k newslens-pipe")
    return True


def test_spark(folder):
    """Runs `spark-inner` in a child process: Spark's logs and the failing tasks' tracebacks
    (the traps are failures on purpose) are shown only when the test fails."""
    log = os.path.join(folder, "spark.log")
    with open(log, "wb") as err:
        run = subprocess.run([sys.executable, __file__, "spark-inner"], stderr=err)
    if run.returncode != 0:
        with open(log, encoding="utf-8", errors="replace") as f:
            sys.stderr.write(f.read())
        sys.exit(f"spark: failed (exit {run.returncode}); Spark's log is above")
    return True


def test_spark_inner(folder):
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        print("SKIPPED spark: no Java (Spark needs Java 17 or later)")
        return False
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        print("SKIPPED spark: pyspark is not installed (pip install pyspark)")
        return False
    corpus, _ = make_corpus(folder)
    expected = reference(corpus)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("newslens-recipe-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        docs = sc.textFile(corpus, minPartitions=6)
        assert docs.getNumPartitions() >= 2, "the corpus should be split"

        # The README recipe: the wrapper, by absolute path, with the binary's path in env.
        command = f"{WRAPPER} --input-format jsonl -j 1 -q"
        out = os.path.join(folder, "out")
        docs.pipe(command, env={"NEWSLENS": NEWSLENS}, checkCode=True).saveAsTextFile(out)
        parts = sorted(p for p in os.listdir(out) if p.startswith("part-"))
        got = []
        for part in parts:
            with open(os.path.join(out, part), "rb") as f:
                got.extend(lines(f.read()))
        assert_same(expected, got, f"spark rdd.pipe, {len(parts)} partitions, saveAsTextFile")

        # Trap 1: the command runs with an empty environment, so no PATH lookup finds a binary
        # in ~/.cargo/bin: the wrapper without NEWSLENS exits 127 ("newslens: not found").
        # Trap 2: without the wrapper, a partition holding a bad record exits 1 and fails the job.
        sc.setLogLevel("OFF")
        for trap, cmd, code in [
            ("empty environment", command, 127),
            ("exit status 1", f"{NEWSLENS} --input-format jsonl -j 1 -q", 1),
        ]:
            try:
                docs.pipe(cmd, checkCode=True).count()
            except Exception as e:  # a Py4JJavaError wrapping the task's PySparkRuntimeError
                if f"exited with error code {code}." not in str(e):
                    raise
                print(f"spark trap '{trap}': the job fails (error code {code}) under checkCode=True")
            else:
                raise AssertionError(f"spark trap '{trap}': the job should have failed")
    finally:
        sc.stop()
    return True


def main():
    which = sys.argv[1:] or ["parallel", "spark"]
    for path in (NEWSLENS, GENERATOR):
        if not os.access(path, os.X_OK):
            sys.exit(f"{path} is missing: cargo build --release --bin newslens --example news_corpus")
    tests = {"parallel": test_parallel, "spark": test_spark, "spark-inner": test_spark_inner}
    if any(name not in tests for name in which):
        sys.exit("usage: test_recipes.py [parallel|spark]...")
    passed = skipped = 0
    for name in which:
        with tempfile.TemporaryDirectory() as folder:
            if tests[name](folder):
                passed += 1
            else:
                skipped += 1
    # A failure raises or exits above, so reaching here means none failed.
    if "spark-inner" not in which:
        print(f"recipes: {passed} passed, 0 failed" + (f", {skipped} skipped" if skipped else ""))


if __name__ == "__main__":
    main()

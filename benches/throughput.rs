//! The performance figures of the README, in one run: `cargo bench`.
//!
//! Builds a 32 MB JSON Lines corpus of generated news (`benches/corpus/mod.rs`) in a scratch
//! folder and runs the release binary over it as users do (a process per run, output to
//! `/dev/null`), printing for each figure the target beside it:
//!
//! - throughput on one thread (`-j 1`) and on every core (`-j N`), and their ratio;
//! - milliseconds per article (the one-thread run, less start-up, over its articles);
//! - start-up: one short article from process start to exit, the median of 21 runs;
//! - peak RSS of each batch run (from `wait4`, as `/usr/bin/time -v` reads it);
//! - `wc -w` over the same bytes, the floor set by reading the file;
//! - memory per document: the peak RSS of one 5 MB and one 20 MB document (`--max-bytes 0`)
//!   less that of the short article, per input byte;
//! - and, for comparison with earlier figures, the library's in-process throughput on the
//!   shipped seed article.
//!
//! Wall-clock figures on a shared machine vary by ±20% between runs. Not a pass/fail test:
//! the targets are printed, not enforced. `cargo bench -- --quick` skips the 20 MB document.

#[cfg(unix)]
mod corpus;

#[cfg(not(unix))]
fn main() {
    eprintln!("this benchmark needs a Unix system (it reads each child's peak memory with wait4)");
}

#[cfg(unix)]
fn main() {
    bench::main();
}

#[cfg(unix)]
mod bench {
    use std::fs::{self, File};
    use std::hint::black_box;
    use std::io::BufWriter;
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use newslens::{Sections, analyze, output};

    use crate::corpus::Corpus;

    const NEWSLENS: &str = env!("CARGO_BIN_EXE_newslens");
    const CORPUS_BYTES: u64 = 32_000_000;
    const STARTUP_RUNS: usize = 21;
    const SHORT_ARTICLE: &str = "Maria Lopez, the mayor of Leeds, said on Monday that the \
        new bridge would open in May. “It is on time and on budget,” she told reporters.\n";

    /// What one child process took.
    struct Run {
        wall: Duration,
        /// User plus system time: less disturbed than `wall` by other work on the machine.
        cpu: Duration,
        max_rss_bytes: u64,
    }

    /// Runs `cmd` with stdin from `input` and stdout to `/dev/null`; panics unless it exits 0.
    fn run(cmd: &mut Command, input: &Path) -> Run {
        let stdin = File::open(input).expect("scratch file opens");
        let started = Instant::now();
        let child = cmd
            .stdin(stdin)
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let pid = child.id() as libc::pid_t;
        let mut status = 0;
        // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `pid` is our child, not yet waited for; wait4 writes only into the two
        // locals it is given. `child` is then dropped without waiting again.
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let wall = started.elapsed();
        assert_eq!(
            waited,
            pid,
            "wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "{cmd:?} failed (wait status {status})"
        );
        drop(child);
        let seconds = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        Run {
            wall,
            cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            // Linux and the BSDs give kilobytes (macOS bytes; this figure is for Linux).
            max_rss_bytes: usage.ru_maxrss as u64 * 1024,
        }
    }

    fn newslens(args: &[&str]) -> Command {
        let mut cmd = Command::new(NEWSLENS);
        cmd.args(["-q"]).args(args);
        cmd
    }

    fn mb_per_s(bytes: u64, wall: Duration) -> f64 {
        bytes as f64 / 1e6 / wall.as_secs_f64()
    }

    fn mib(bytes: u64) -> f64 {
        bytes as f64 / (1 << 20) as f64
    }

    pub fn main() {
        let quick = std::env::args().any(|a| a == "--quick");
        let scratch = tempfile::tempdir().expect("scratch folder");
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        println!("newslens benchmark: {NEWSLENS}, {cores} cores");

        let corpus_path = scratch.path().join("corpus.jsonl");
        let mut out = BufWriter::new(File::create(&corpus_path).expect("scratch file"));
        let (records, bytes) = Corpus::new(1)
            .write_jsonl(&mut out, CORPUS_BYTES)
            .expect("corpus written");
        drop(out);
        println!(
            "corpus: {records} generated articles, {:.1} MB of JSON Lines ({:.0} bytes an article)",
            bytes as f64 / 1e6,
            bytes as f64 / records as f64
        );

        let short_path = scratch.path().join("short.txt");
        fs::write(&short_path, SHORT_ARTICLE).expect("scratch file");
        let mut startups: Vec<Run> = (0..STARTUP_RUNS)
            .map(|_| run(&mut newslens(&["-j", "1"]), &short_path))
            .collect();
        startups.sort_by_key(|r| r.wall);
        let startup = &startups[STARTUP_RUNS / 2];
        let baseline_rss = startups.iter().map(|r| r.max_rss_bytes).max().unwrap_or(0);
        let mut startup_cpu: Vec<Duration> = startups.iter().map(|r| r.cpu).collect();
        startup_cpu.sort();

        let jsonl = ["--input-format", "jsonl"];
        let one = run(
            &mut newslens(&[&jsonl[..], &["-j", "1"]].concat()),
            &corpus_path,
        );
        let all_cores = cores.to_string();
        let all = run(
            &mut newslens(&[&jsonl[..], &["-j", &all_cores]].concat()),
            &corpus_path,
        );
        let mut wc_cmd = Command::new("wc");
        wc_cmd.arg("-w").env("LC_ALL", "C.UTF-8");
        let wc = run(&mut wc_cmd, &corpus_path);

        let (single, multi) = (mb_per_s(bytes, one.wall), mb_per_s(bytes, all.wall));
        let per_article =
            (one.wall.saturating_sub(startup.wall)).as_secs_f64() * 1e3 / records as f64;
        println!(
            "one thread (-j 1):  {single:6.2} MB/s (target >= 15)          {:.2} MB per CPU second, peak RSS {:.1} MiB",
            mb_per_s(bytes, one.cpu),
            mib(one.max_rss_bytes)
        );
        println!(
            "all cores (-j {cores}):  {multi:6.2} MB/s, {:.2}x (target >= 1.7x)  {:.2} MB per CPU second, peak RSS {:.1} MiB (target < 100)",
            multi / single,
            mb_per_s(bytes, all.cpu),
            mib(all.max_rss_bytes)
        );
        println!(
            "per article (-j 1): {per_article:6.2} ms   ({:.0} articles/s)",
            1e3 / per_article
        );
        println!(
            "start-up, one short article: {:.1} ms median of {STARTUP_RUNS} (min {:.1}, max {:.1}; target < 5 ms), {:.1} ms CPU, peak RSS {:.1} MiB",
            startup.wall.as_secs_f64() * 1e3,
            startups[0].wall.as_secs_f64() * 1e3,
            startups[STARTUP_RUNS - 1].wall.as_secs_f64() * 1e3,
            startup_cpu[STARTUP_RUNS / 2].as_secs_f64() * 1e3,
            mib(startup.max_rss_bytes)
        );
        println!(
            "wc -w, same bytes:  {:6.1} MB/s   ({:.0}x newslens -j 1)",
            mb_per_s(bytes, wc.wall),
            mb_per_s(bytes, wc.wall) / single
        );

        let mut sizes = vec![5_000_000usize];
        if !quick {
            sizes.push(20_000_000);
        }
        for size in sizes {
            let path = scratch.path().join("document.txt");
            fs::write(&path, Corpus::new(2).document(size)).expect("scratch file");
            let len = fs::metadata(&path).map_or(size as u64, |m| m.len());
            let big = run(
                &mut newslens(&["-j", "1", "--max-bytes", "0", "--compact"]),
                &path,
            );
            let growth = big.max_rss_bytes.saturating_sub(baseline_rss);
            println!(
                "one {:.0} MB document: peak RSS {:.0} MiB, {:.1} bytes per input byte above start-up (target < 10), {:.2} MB/s",
                len as f64 / 1e6,
                mib(big.max_rss_bytes),
                growth as f64 / len as f64,
                mb_per_s(len, big.wall)
            );
        }

        in_process_seed();
    }

    /// The library alone on the seed article, as this benchmark measured before it ran the
    /// binary: comparable with the README's earlier figures.
    fn in_process_seed() {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed-xi-putin.txt");
        let text = fs::read_to_string(seed).expect("fixtures/seed-xi-putin.txt");
        let sections = Sections::all();
        let started = Instant::now();
        black_box(analyze(text.as_str(), &sections));
        let first = started.elapsed();
        let started = Instant::now();
        let mut docs = 0u64;
        while started.elapsed() < Duration::from_secs(3) {
            let analysis = analyze(text.as_str(), &sections);
            let wire = output::document(Some("bench"), &analysis, &sections, &[], false);
            black_box(serde_json::to_vec(&wire).expect("serialises"));
            docs += 1;
        }
        let wall = started.elapsed();
        println!(
            "in process, seed article: {:.2} MB/s on one core, first document {:.1} ms (lexicons loaded)",
            mb_per_s(docs * text.len() as u64, wall),
            first.as_secs_f64() * 1e3
        );
    }
}

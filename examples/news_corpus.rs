//! Writes generated news-like text (see `benches/corpus/mod.rs`) to stdout, for the scale
//! checks and the recipes' tests, so that no corpus needs to be stored.
//!
//! ```text
//! news_corpus --bytes 300M > docs.jsonl           # JSON Lines records, ids gen-000001, …
//! news_corpus --bytes 5M --document > big.txt     # one long plain-text document
//! news_corpus --bytes 2M --seed 7                 # another corpus of the same kind
//! news_corpus --bytes 2M --summary                # and "N records, B bytes" on stderr
//! ```
//!
//! Sizes take the suffixes `K`, `M` and `G` (powers of 1024), as `--max-bytes` does. The same
//! arguments always give the same bytes.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: news_corpus --bytes SIZE [--document] [--seed N] [--summary]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("news_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> io::Result<()> {
    let (mut bytes, mut document, mut seed, mut summary) = (None, false, 1u64, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bytes" => bytes = args.next().as_deref().and_then(size),
            "--document" => document = true,
            "--summary" => summary = true,
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            _ => return Err(io::Error::other(USAGE)),
        }
    }
    let bytes = bytes.ok_or_else(|| io::Error::other(USAGE))?;
    let mut corpus = corpus::Corpus::new(seed);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let (records, written) = if document {
        let text = corpus.document(bytes as usize);
        out.write_all(text.as_bytes())?;
        (1, text.len() as u64)
    } else {
        corpus.write_jsonl(&mut out, bytes)?
    };
    out.flush()?;
    if summary {
        eprintln!("{records} records, {written} bytes");
    }
    Ok(())
}

/// "300M" → 314,572,800.
fn size(s: &str) -> Option<u64> {
    let (digits, unit) = match s.char_indices().last()? {
        (i, 'K' | 'k') => (&s[..i], 1 << 10),
        (i, 'M' | 'm') => (&s[..i], 1 << 20),
        (i, 'G' | 'g') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(unit)
}

//! Tags pre-tokenised text, one sentence per line, for `scripts/eval_tagger.py`.
//!
//! ```text
//! cargo run --release --example tag < sentences.txt          # word TAB Penn TAB UPOS TAB lemma
//! cargo run --release --example tag -- --text < article.txt  # the same through our segmenter
//! cargo run --release --example tag -- --bench < article.txt # tagging throughput in MB/s
//! cargo run --release --example tag -- --clauses < sentences.txt # a fifth column: subjects
//! ```
//!
//! Tokens are separated by spaces or tabs. A tab means that no space separated the two tokens
//! in the original text (as UD's `SpaceAfter=No` says), which only matters for hyphens. Each
//! output line is one token; a blank line ends a sentence. With `--clauses` a fifth column
//! gives, for a token that heads the subject of a verb group, the 1-based index of that group's
//! main verb, and 0 for any other token; the sixth and seventh the subject phrase's first and
//! last token (1-based; 0 when there is none) (for `scripts/eval_subjects.py`). Only subjects written
//! in the clause count (before the verb, after a speech verb, or a relative pronoun); shared
//! and understood subjects are not written there.

use std::io::{self, BufWriter, Read, Write};
use std::time::Instant;

use newslens::analysis::clauses::SubjectHow;
use newslens::analysis::{Layer, Tokens};
use newslens::doc::Document;

fn main() -> io::Result<()> {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match mode.as_str() {
        "--bench" => bench(&input, &mut out)?,
        "--text" => {
            let doc = Document::new(input.as_str());
            let tokens = Tokens::new(&doc);
            for s in &doc.sentences {
                for i in s.tokens.clone() {
                    let t = tokens.get(i);
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        doc.token_text(i),
                        t.tag,
                        t.upos,
                        tokens.lemma(i)
                    )?;
                }
                writeln!(out)?;
            }
        }
        "--clauses" => {
            for line in input.lines() {
                let (words, glued) = split_line(line);
                let layer = Layer::from_words(&words, &glued);
                let mut subject_of = vec![(0, 0, 0); words.len()];
                for g in &layer.clauses.groups {
                    if let Some(s) = g.subject
                        && matches!(
                            s.how,
                            SubjectHow::Own | SubjectHow::Inverted | SubjectHow::Relative
                        )
                    {
                        subject_of[s.phrase.head] = (g.head + 1, s.phrase.start + 1, s.phrase.end);
                    }
                }
                for (i, w) in words.iter().enumerate() {
                    let t = layer.tokens.get(i);
                    writeln!(
                        out,
                        "{w}\t{}\t{}\t{}\t{}\t{}\t{}",
                        t.tag,
                        t.upos,
                        layer.tokens.lemma(i),
                        subject_of[i].0,
                        subject_of[i].1,
                        subject_of[i].2
                    )?;
                }
                writeln!(out)?;
            }
        }
        _ => {
            for line in input.lines() {
                let (words, glued) = split_line(line);
                let tokens = Tokens::from_words(&words, &glued);
                for (i, w) in words.iter().enumerate() {
                    let t = tokens.get(i);
                    writeln!(out, "{w}\t{}\t{}\t{}", t.tag, t.upos, tokens.lemma(i))?;
                }
                writeln!(out)?;
            }
        }
    }
    out.flush()
}

/// The words of one line, and for each whether a tab (no space in the original) preceded it.
fn split_line(line: &str) -> (Vec<&str>, Vec<bool>) {
    let mut words = Vec::new();
    let mut glued = Vec::new();
    let mut tab_before = false;
    for piece in line.split(' ') {
        for (k, w) in piece.split('\t').enumerate() {
            if k > 0 {
                tab_before = true;
            }
            if !w.is_empty() {
                words.push(w);
                glued.push(tab_before);
                tab_before = false;
            }
        }
    }
    (words, glued)
}

/// Segments once, then times the token table alone over repeated runs.
fn bench(input: &str, out: &mut impl Write) -> io::Result<()> {
    let doc = Document::new(input);
    let _warm = Tokens::new(&doc);
    let runs = (50_000_000 / input.len().max(1)).clamp(1, 200);
    let start = Instant::now();
    let mut total = 0;
    for _ in 0..runs {
        total += Tokens::new(&doc).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (input.len() * runs) as f64 / 1e6;
    writeln!(
        out,
        "{runs} runs, {} tokens each, {:.1} MB/s ({:.0} ns/token)",
        total / runs,
        mb / secs,
        secs * 1e9 / total as f64
    )
}

//! Throughput of the whole pipeline (segmenting, every extractor, JSON serialisation) on one
//! core, over a corpus made from the articles in `fixtures/`. Run with `cargo bench`; it prints
//! MB/s. Not a pass/fail test: compare the figure before and after a change.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use newslens::{Sections, analyze, output};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut articles: Vec<String> = fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect();
    articles.sort();
    assert!(!articles.is_empty(), "no fixtures/*.txt to measure on");
    let bytes_per_round: usize = articles.iter().map(String::len).sum();

    // Warm up: the first call parses the embedded lexicons.
    let started = Instant::now();
    black_box(analyze(articles[0].as_str(), &Sections::all()));
    println!(
        "first document (includes lexicon loading): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let sections = Sections::all();
    let started = Instant::now();
    let mut bytes = 0usize;
    let mut docs = 0usize;
    while started.elapsed() < Duration::from_secs(3) {
        for text in &articles {
            let analysis = analyze(text.as_str(), &sections);
            let wire = output::document(Some("bench"), &analysis, &sections, &[]);
            black_box(serde_json::to_vec(&wire).expect("serialises"));
            docs += 1;
        }
        bytes += bytes_per_round;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "pipeline, one core: {docs} documents, {:.2} MB in {secs:.2} s = {:.2} MB/s, {:.0} documents/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs
    );
}

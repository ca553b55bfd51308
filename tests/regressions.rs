//! Every input in `fuzz/regressions/` (minimised inputs that once crashed, stalled or misplaced
//! a span) goes through the library on each `cargo test`, checked as the fuzz targets check it.

use std::fs;
use std::path::Path;

use newslens::reader::{self, RecordFields};
use newslens::{Sections, analyze, output};

use crate::util::check_spans;

fn analyse_and_check(text: &str) {
    let analysis = analyze(text, &Sections::all());
    output::check_spans(&analysis).expect("spans fit the text");
    let wire = output::document(Some("r"), &analysis, &Sections::all(), &[], false);
    let json = serde_json::to_value(&wire).expect("output serialises");
    check_spans(text, &json);
}

#[test]
fn fuzz_regressions_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = fs::read(&path).unwrap();
        if name.starts_with("jsonl_record-") {
            let line = reader::decode_utf8(bytes, true).unwrap();
            if let Ok(record) = reader::parse_record(&line.text, &RecordFields::default()) {
                analyse_and_check(&record.text);
            }
        } else if let Ok(decoded) = reader::decode(bytes, true) {
            analyse_and_check(&decoded.text);
        }
        checked += 1;
    }
    assert!(
        checked >= 5,
        "only {checked} regression inputs in {}",
        dir.display()
    );
}

//! No input may panic the library, and every span it reports must be `text[start..end]` in code
//! points, whatever the text.

use proptest::prelude::*;

use newslens::reader;
use newslens::{Sections, analyze, output};

use crate::util::check_spans;

fn analyse_and_check(text: &str) {
    let analysis = analyze(text, &Sections::all());
    let warnings = Vec::new();
    let wire = output::document(Some("p"), &analysis, &Sections::all(), &warnings);
    let json = serde_json::to_value(&wire).expect("output serialises");
    check_spans(text, &json);
    assert_eq!(json["stats"]["chars"], text.chars().count());
}

/// Text that looks like news: capitalised words, names, numbers, quotes of every kind,
/// abbreviations, line breaks, and some non-ASCII.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("said".to_string()),
        Just("will".to_string()),
        Just("pledged to".to_string()),
        Just("according to".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’s".to_string()),
        Just("'".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("—".to_string()),
        Just("$1.5bn".to_string()),
        Just("12%".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,4}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

// 256 cases each by default; `PROPTEST_CASES=20000 cargo test --release props` for a long run.
proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        analyse_and_check(&text);
    }

    #[test]
    fn newsy_text_spans_are_exact(text in newsy_text()) {
        analyse_and_check(&text);
    }

    #[test]
    fn arbitrary_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // Strict decoding either succeeds or names a reason; lossy decoding of text without NUL
        // bytes always succeeds unless nothing but whitespace is left.
        let _ = reader::decode(bytes.clone(), false);
        if let Ok(decoded) = reader::decode(bytes, true) {
            analyse_and_check(&decoded.text);
        }
    }
}

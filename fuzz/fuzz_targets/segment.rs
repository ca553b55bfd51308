//! Segmentation alone: `Document::new` on any text, checked against what `doc.rs` documents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::doc::Document;

fuzz_target!(|data: &[u8]| {
    let doc = Document::new(newslens_fuzz::text_of(data));
    newslens_fuzz::check_document(&doc);
    let _ = doc.word_count();
});

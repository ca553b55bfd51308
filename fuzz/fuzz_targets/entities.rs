//! The entity extractor alone on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::doc::Document;
use newslens::extract::entities;

fuzz_target!(|data: &[u8]| {
    let doc = Document::new(newslens_fuzz::text_of(data));
    let found = entities::extract(&doc);
    newslens_fuzz::check_entities(&doc, &found);
});

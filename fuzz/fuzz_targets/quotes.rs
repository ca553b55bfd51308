//! The quote extractor on any text, given the entities it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::analysis::Layer;
use newslens::doc::Document;
use newslens::extract::{entities, quotes};

fuzz_target!(|data: &[u8]| {
    let doc = Document::new(newslens_fuzz::text_of(data));
    let entities = entities::extract(&doc);
    let quotes = quotes::extract(&doc, &Layer::new(&doc), &entities);
    newslens_fuzz::check_quotes(&doc, &quotes);
});

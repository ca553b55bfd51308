//! The commitment extractor on any text, given the entities and quotes it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::analysis::Layer;
use newslens::doc::Document;
use newslens::extract::{commitments, entities, quotes};

fuzz_target!(|data: &[u8]| {
    let doc = Document::new(newslens_fuzz::text_of(data));
    let entities = entities::extract(&doc);
    let layer = Layer::new(&doc);
    let quotes = quotes::extract(&doc, &layer, &entities);
    let found = commitments::extract(&doc, &layer, &entities, &quotes);
    newslens_fuzz::check_commitments(&doc, &found);
});

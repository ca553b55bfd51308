//! The key phrase extractor on any text, given the entities it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::doc::Document;
use newslens::extract::{entities, keyphrases};

fuzz_target!(|data: &[u8]| {
    let doc = Document::new(newslens_fuzz::text_of(data));
    let entities = entities::extract(&doc);
    for phrase in keyphrases::extract(&doc, &entities) {
        newslens_fuzz::check_unit(phrase.score, "keyphrase score");
        assert!(phrase.count > 0, "keyphrase {:?} never occurs", phrase.text);
    }
});

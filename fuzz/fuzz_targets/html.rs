//! HTML input, as `newslens --input-format html --lossy FILE` runs it: extract the page's text,
//! then analyse and print it with every span checked against that text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::reader;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = reader::decode(data.to_vec(), true) else {
        return;
    };
    let text = newslens::html::to_text(&decoded.text);
    if !text.is_empty() {
        newslens_fuzz::analyze_and_check(Some("fuzz"), &text, &decoded.warnings);
    }
});

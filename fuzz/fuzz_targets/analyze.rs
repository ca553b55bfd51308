//! The whole pipeline on any bytes, as `newslens --lossy FILE` runs it: decode, analyse, print
//! the JSON, and check every printed span against the text in code points.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::reader;

fuzz_target!(|data: &[u8]| {
    // Binary data and blank input are refused by the reader, as the CLI refuses them.
    let Ok(decoded) = reader::decode(data.to_vec(), true) else {
        return;
    };
    newslens_fuzz::analyze_and_check(Some("fuzz"), &decoded.text, &decoded.warnings);
});

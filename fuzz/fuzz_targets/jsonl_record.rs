//! One JSON Lines record, as `newslens --jsonl` reads a line: decode, parse the record, and when
//! it is one, check that it round-trips and analyse its text. Bad records must be errors, never
//! panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::reader::{self, RecordFields};

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = reader::decode_utf8(data.to_vec(), true) else {
        return;
    };
    let line = decoded
        .text
        .trim_start_matches('\u{FEFF}')
        .trim_end_matches(['\n', '\r']);
    let fields = RecordFields::default();
    let Ok(record) = reader::parse_record(line, &fields) else {
        return;
    };
    reader::check_text(&record.text).expect("a parsed record's text passed the text checks");
    let mut again = serde_json::Map::new();
    if let Some(id) = &record.id {
        again.insert("id".into(), id.clone().into());
    }
    again.insert("text".into(), record.text.clone().into());
    let again = serde_json::to_string(&again).expect("serialises");
    assert_eq!(
        reader::parse_record(&again, &fields).as_ref(),
        Ok(&record),
        "record does not round-trip through {again}"
    );
    newslens_fuzz::analyze_and_check(record.id.as_deref(), &record.text, &decoded.warnings);
});

//! Checks shared by the fuzz targets: what the library promises about every document, whatever
//! the text. Each check panics with a message naming the broken promise, so that libFuzzer
//! records the input as a crash.
//!
//! The wire-level span check is a copy of `tests/util.rs` `check_spans`, widened to every JSON
//! object that has `start`, `end` and `text` (the fuzz crate does not depend on the tests).

use newslens::doc::{Document, Span};
use newslens::extract::commitments::Commitment;
use newslens::extract::entities::Entity;
use newslens::extract::quotes::Quote;
use newslens::segment;
use serde_json::Value;

/// Text for the extractor targets: any bytes, invalid UTF-8 replaced with U+FFFD. The library
/// promises that any string is a document, so no input is rejected here.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A byte span of `text` that can be sliced: in order, inside the text, on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {}..{} outside a text of {} bytes",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} is not on char boundaries",
        span.start,
        span.end
    );
}

fn check_sentence_index(doc: &Document, sentence: usize, what: &str) {
    assert!(
        sentence < doc.sentences.len(),
        "{what}: sentence {sentence} of a document with {} sentences",
        doc.sentences.len()
    );
}

/// What `doc.rs` and `segment.rs` document: tokens in order, not overlapping, covering every
/// non-whitespace character; paragraphs in order without surrounding whitespace; sentences in
/// order, inside their paragraph, with their tokens; the title a span of the text.
pub fn check_document(doc: &Document) {
    let text = &doc.text;
    let mut covered = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        check_span(text, token.span, "token");
        assert!(!token.span.is_empty(), "token {i} is empty");
        assert!(
            token.span.start >= covered,
            "token {i} at {} overlaps the token before it (ends at {covered})",
            token.span.start
        );
        let gap = &text[covered..token.span.start];
        assert!(
            gap.chars().all(segment::is_space),
            "non-whitespace {gap:?} before token {i} belongs to no token"
        );
        covered = token.span.end;
    }
    let tail = &text[covered..];
    assert!(
        tail.chars().all(segment::is_space),
        "non-whitespace {tail:?} after the last token belongs to no token"
    );

    let mut after = 0;
    for (i, para) in doc.paragraphs.iter().enumerate() {
        check_span(text, *para, "paragraph");
        assert!(para.start >= after, "paragraph {i} overlaps the one before");
        let body = doc.slice(*para);
        assert!(
            !body.starts_with(segment::is_space) && !body.ends_with(segment::is_space),
            "paragraph {i} {body:?} has surrounding whitespace"
        );
        after = para.end;
    }

    let mut after = 0;
    let mut next_token = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(
            s.span.start >= after,
            "sentence {i} overlaps the one before"
        );
        after = s.span.end;
        let para = doc.paragraphs.get(s.paragraph).unwrap_or_else(|| {
            panic!(
                "sentence {i} is in paragraph {} of {}",
                s.paragraph,
                doc.paragraphs.len()
            )
        });
        assert!(
            para.contains(s.span),
            "sentence {i} {:?} crosses its paragraph {:?}",
            s.span,
            para
        );
        assert!(
            s.tokens.start <= s.tokens.end && s.tokens.end <= doc.tokens.len(),
            "sentence {i} has tokens {:?} of {}",
            s.tokens,
            doc.tokens.len()
        );
        assert!(
            s.tokens.start >= next_token,
            "sentence {i} shares tokens with the one before"
        );
        next_token = s.tokens.end;
        for t in &doc.tokens[s.tokens.clone()] {
            assert!(
                s.span.contains(t.span),
                "sentence {i} {:?} does not contain its token {:?}",
                s.span,
                t.span
            );
        }
    }
    if let Some(title) = doc.title {
        check_span(text, title, "title");
    }
}

/// A score documented as lying in 0..1.
pub fn check_unit(score: f64, what: &str) {
    assert!(
        score.is_finite() && (0.0..=1.0).contains(&score),
        "{what} {score} is not in 0..1"
    );
}

/// Entities: mentions are spans of the text, in text order, in existing sentences; salience in 0..1.
pub fn check_entities(doc: &Document, entities: &[Entity]) {
    for e in entities {
        check_unit(e.salience, "salience");
        assert!(!e.mentions.is_empty(), "entity {:?} has no mention", e.name);
        let mut last = 0;
        for m in &e.mentions {
            check_span(&doc.text, m.span, "mention");
            check_sentence_index(doc, m.sentence, "mention");
            assert!(
                m.span.start >= last,
                "mentions of {:?} are not in text order",
                e.name
            );
            last = m.span.start;
        }
    }
}

pub fn check_quotes(doc: &Document, quotes: &[Quote]) {
    for q in quotes {
        check_span(&doc.text, q.span, "quote");
        check_sentence_index(doc, q.sentence, "quote");
    }
}

pub fn check_commitments(doc: &Document, commitments: &[Commitment]) {
    for c in commitments {
        check_span(&doc.text, c.span, "commitment");
        check_sentence_index(doc, c.sentence, "commitment");
    }
}

/// Code point slice `text[start..end]`, as Python's and jq's string slicing give it.
fn char_slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Checks the wire form of one document against the text it was made from: every object with
/// `start`, `end` and `text` is a code point range of `text` whose content equals its `text`
/// field; `stats.chars` counts code points; every score is a number in 0..1 (a NaN would be
/// printed as `null`). Returns how many spans were checked.
pub fn check_wire(text: &str, doc: &Value) -> usize {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        doc["stats"]["chars"].as_u64(),
        Some(chars.len() as u64),
        "stats.chars"
    );
    if let Some(title) = doc["title"].as_str() {
        assert!(text.contains(title), "title {title:?} is not in the text");
    }
    let mut spans = 0;
    walk(&chars, doc, &mut spans);
    spans
}

fn walk(chars: &[char], value: &Value, spans: &mut usize) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk(chars, v, spans)),
        Value::Object(obj) => {
            for key in ["score", "salience"] {
                if let Some(score) = obj.get(key) {
                    let x = score
                        .as_f64()
                        .unwrap_or_else(|| panic!("{key} {score} is not a number"));
                    check_unit(x, key);
                }
            }
            if let (Some(start), Some(end), Some(span_text)) =
                (obj.get("start"), obj.get("end"), obj.get("text"))
            {
                let start = start.as_u64().expect("start is a number") as usize;
                let end = end.as_u64().expect("end is a number") as usize;
                assert!(
                    start <= end && end <= chars.len(),
                    "span {start}..{end} outside a text of {} chars",
                    chars.len()
                );
                assert_eq!(
                    span_text.as_str().expect("span text is a string"),
                    char_slice(chars, start, end),
                    "span {start}..{end}"
                );
                *spans += 1;
            }
            obj.values().for_each(|v| walk(chars, v, spans));
        }
        _ => {}
    }
}

/// The whole pipeline and its wire form, as the CLI runs them: analyse `text`, build the JSON,
/// serialise it to a string, parse that back and check it. Returns the parsed output.
pub fn analyze_and_check(id: Option<&str>, text: &str, warnings: &[String]) -> Value {
    let sections = newslens::Sections::all();
    let analysis = newslens::analyze(text, &sections);
    check_document(&analysis.doc);
    check_entities(&analysis.doc, &analysis.entities);
    check_quotes(&analysis.doc, &analysis.quotes);
    check_commitments(&analysis.doc, &analysis.commitments);
    let wire = newslens::output::document(id, &analysis, &sections, warnings, false);
    let json = serde_json::to_string(&wire).expect("output serialises");
    let value: Value = serde_json::from_str(&json).expect("output is JSON");
    check_wire(text, &value);
    assert_eq!(value["id"].as_str(), id, "id");
    value
}

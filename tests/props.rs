//! Properties that hold for every input, whatever the text:
//! - the library never panics;
//! - every span it reports is `text[start..end]` in code points (checked on the JSON), and
//!   every byte span inside the library is ordered, within the text and on char boundaries;
//! - mentions of entities of one type never overlap;
//! - the sentences tile the text: see [`check_sentences_tile`];
//! - the output is deterministic: two separate analyses serialise to the same bytes.

use proptest::prelude::*;

use newslens::doc::{Document, Span};
use newslens::segment::is_space;
use std::sync::{Arc, LazyLock};

use newslens::extract::entities::user_lexicon::LexiconBuilder;
use newslens::{Analysis, EntityOptions, Sections, analyze_with, output, reader};

use crate::util::check_spans;

fn serialise(analysis: &Analysis) -> Vec<u8> {
    let warnings = Vec::new();
    let wire = output::document(Some("p"), analysis, &Sections::all(), &warnings, false);
    serde_json::to_vec(&wire).expect("output serialises")
}

fn analyse_and_check(text: &str) {
    analyse_and_check_with(text, &EntityOptions::default());
}

/// A user lexicon whose names collide with the built-in finds of [`newsy_text`] (inside them,
/// across them, retyping them), to check that the priority rules keep every property.
static COLLIDING: LazyLock<EntityOptions> = LazyLock::new(|| {
    let data = "Xi\tPERSON\tXi Jinping\nJinping said\tORG\nChina\tORG\nU.S.\tGPE\tUnited States\n\
                the Minister\tPERSON\nboth\tNORP\n2010\tEVENT\nThe U.S.\tFAC\nMr.\tPERSON\n";
    let mut builder = LexiconBuilder::default();
    builder.add("props.tsv", data.as_bytes()).unwrap();
    EntityOptions {
        lexicon: Some(Arc::new(builder.build().unwrap())),
        ..Default::default()
    }
});

fn analyse_and_check_with(text: &str, options: &EntityOptions) {
    let analysis = analyze_with(text, &Sections::all(), options);
    let bytes = serialise(&analysis);
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("output is JSON");
    check_spans(text, &json);
    assert_eq!(json["stats"]["chars"], text.chars().count());
    check_byte_spans(&analysis);
    check_mentions_disjoint_per_type(&analysis);
    check_sentences_tile(&analysis.doc);
    let again = serialise(&analyze_with(text, &Sections::all(), options));
    assert!(bytes == again, "two analyses of the same text differ");
}

/// Every span the library holds is `start <= end <= text.len()`, both on char boundaries.
fn check_byte_spans(a: &Analysis) {
    let text = &a.doc.text;
    let ok = |what: &str, s: Span| {
        assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "{what} span {}..{} in a text of {} bytes",
            s.start,
            s.end,
            text.len()
        );
    };
    a.doc.tokens.iter().for_each(|t| ok("token", t.span));
    a.doc.paragraphs.iter().for_each(|&p| ok("paragraph", p));
    a.doc.sentences.iter().for_each(|s| ok("sentence", s.span));
    a.doc.title.into_iter().for_each(|t| ok("title", t));
    for e in &a.entities {
        e.mentions.iter().for_each(|m| ok("mention", m.span));
    }
    a.quotes.iter().for_each(|q| ok("quote", q.span));
    a.commitments.iter().for_each(|c| ok("commitment", c.span));
}

/// No two mentions of entities of the same type overlap (one stretch of text is one mention).
fn check_mentions_disjoint_per_type(a: &Analysis) {
    let mut mentions: Vec<(&'static str, Span)> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (e.label.as_str(), m.span)))
        .collect();
    mentions.sort_by_key(|&(label, s)| (label, s.start, s.end));
    for pair in mentions.windows(2) {
        let ((l1, a1), (l2, b1)) = (pair[0], pair[1]);
        assert!(
            l1 != l2 || a1.end <= b1.start,
            "{l1} mentions {a1:?} and {b1:?} overlap"
        );
    }
}

/// The sentences tile the text: each is non-empty and starts and ends on a non-space
/// character; they come in text order without overlapping; what lies before the first,
/// between two and after the last is whitespace only ([`is_space`]), so every other character
/// is in exactly one sentence. Their token ranges partition the tokens in order, and each
/// sentence's span runs from its first token's start to its last token's end.
fn check_sentences_tile(doc: &Document) {
    let text = &doc.text;
    let gap_is_space = |from: usize, to: usize| {
        assert!(
            text[from..to].chars().all(is_space),
            "non-space text {from}..{to} outside every sentence"
        );
    };
    let mut pos = 0;
    let mut next_token = 0;
    for s in &doc.sentences {
        assert!(!s.span.is_empty(), "empty sentence at {}", s.span.start);
        assert!(
            pos <= s.span.start,
            "sentence at {} overlaps the one before",
            s.span.start
        );
        gap_is_space(pos, s.span.start);
        let sentence = &text[s.span.start..s.span.end];
        assert!(!sentence.starts_with(is_space) && !sentence.ends_with(is_space));
        assert_eq!(s.tokens.start, next_token, "token ranges are consecutive");
        assert!(s.tokens.end > s.tokens.start);
        assert_eq!(doc.tokens[s.tokens.start].span.start, s.span.start);
        assert_eq!(doc.tokens[s.tokens.end - 1].span.end, s.span.end);
        next_token = s.tokens.end;
        pos = s.span.end;
    }
    gap_is_space(pos, text.len());
    assert_eq!(next_token, doc.tokens.len(), "every token is in a sentence");
}

/// Text that looks like news: capitalised words, names, numbers, quotes of every kind,
/// abbreviations, line breaks, and some non-ASCII.
pub fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("said".to_string()),
        Just("will".to_string()),
        Just("pledged to".to_string()),
        Just("according to".to_string()),
        Just("According to".to_string()),
        Just("and said".to_string()),
        Just("he".to_string()),
        Just("She".to_string()),
        Just("if".to_string()),
        Just("by 2010".to_string()),
        Just("Xi Jinping".to_string()),
        Just("China".to_string()),
        Just("the Minister".to_string()),
        Just("both leaders".to_string()),
        Just(":".to_string()),
        Just(";".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("-".to_string()),
        Just("?".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\r\n".to_string()),
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
        "[a-z]{1,3}['’](if|s|ll|t|unless)",
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,4}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// Tag soup: the pieces an HTML page is made of, whole and broken, mixed with newsy words.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<!DOCTYPE html>".to_string()),
        Just("<html>".to_string()),
        Just("<title>".to_string()),
        Just("</title>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"a\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("</article>".to_string()),
        Just("<main>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<header>".to_string()),
        Just("</header>".to_string()),
        Just("<nav>".to_string()),
        Just("</nav>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<svg/>".to_string()),
        Just("<br>".to_string()),
        Just("<q>".to_string()),
        Just("</q>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<a href=\"x".to_string()),
        Just("&amp;".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#233;".to_string()),
        Just("&#x1F642;".to_string()),
        Just("&#0;".to_string()),
        Just("&eacute".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("Xi Jinping said".to_string()),
        Just("China will cut tariffs.".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

// 256 cases each by default (proptest reads PROPTEST_CASES); `PROPTEST_CASES=20000 cargo test
// --release props` for a long run.
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
    fn newsy_text_with_a_colliding_lexicon_keeps_every_property(text in newsy_text()) {
        analyse_and_check_with(&text, &COLLIDING);
    }

    #[test]
    fn html_soup_converts_and_its_text_keeps_every_property(page in html_soup()) {
        let text = newslens::html::to_text(&page);
        prop_assert!(!text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace));
        prop_assert!(!text.contains("\n\n\n"), "at most one blank line: {text:?}");
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

//! Helpers shared by the integration tests.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The built `newslens` binary, run with `args`, with no stdin unless the test gives one.
pub fn newslens(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("newslens").expect("the newslens binary is built");
    cmd.args(args);
    cmd
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Parses JSON Lines output, one value per line.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The stdout of `newslens` run with `args`, which must succeed.
pub fn stdout_ok(args: &[&str]) -> Vec<u8> {
    newslens(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// Each output line's `id`.
pub fn ids(docs: &[Value]) -> Vec<&str> {
    docs.iter()
        .map(|d| d["id"].as_str().expect("an id"))
        .collect()
}

/// Each output line's `error.kind`, or "ok" for a result.
pub fn kinds(docs: &[Value]) -> Vec<&str> {
    docs.iter()
        .map(|d| d["error"]["kind"].as_str().unwrap_or("ok"))
        .collect()
}

/// An error record's `error.message` ("" for a result).
pub fn error_message(doc: &Value) -> &str {
    doc["error"]["message"].as_str().unwrap_or("")
}

/// Code point slice `text[start..end]`, as Python's and jq's string slicing give it.
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Checks that every span in a document's output (entity mentions, commitments, quotes) is a
/// code point range of `text` whose content equals the span's `text` field. Returns how many
/// spans were checked.
pub fn check_spans(text: &str, doc: &Value) -> usize {
    let chars = text.chars().count();
    let mut spans: Vec<&Value> = Vec::new();
    for entity in doc["entities"].as_array().into_iter().flatten() {
        spans.extend(entity["mentions"].as_array().into_iter().flatten());
    }
    spans.extend(doc["commitments"].as_array().into_iter().flatten());
    spans.extend(doc["quotes"].as_array().into_iter().flatten());
    for span in &spans {
        let start = span["start"].as_u64().expect("start is a number") as usize;
        let end = span["end"].as_u64().expect("end is a number") as usize;
        assert!(
            start <= end && end <= chars,
            "span {start}..{end} outside a text of {chars} chars"
        );
        assert_eq!(
            span["text"].as_str().expect("span text"),
            char_slice(text, start, end),
            "span {start}..{end}"
        );
    }
    spans.len() + check_finding_spans(text, doc)
}

/// Topic evidence and key phrases carry bare spans (no text): each lies in the text, in text
/// order, and one of them is spelt as the term or phrase shown. Returns how many there were.
fn check_finding_spans(text: &str, doc: &Value) -> usize {
    let chars = text.chars().count();
    let mut n = 0;
    let mut check = |shown: &str, spans: &[Value]| {
        assert!(!spans.is_empty(), "{shown} has no mentions");
        let mut last = (0, 0);
        let mut spelt = false;
        for span in spans {
            let start = span["start"].as_u64().expect("start is a number") as usize;
            let end = span["end"].as_u64().expect("end is a number") as usize;
            assert!(
                start < end && end <= chars,
                "{shown}: {start}..{end} of {chars}"
            );
            assert!(
                (start, end) > last || last == (0, 0),
                "{shown}: out of order"
            );
            last = (start, end);
            spelt |= char_slice(text, start, end) == shown;
        }
        assert!(spelt, "{shown}: no mention spelt so");
        n += spans.len();
    };
    for topic in doc["topics"].as_array().into_iter().flatten() {
        let evidence = topic["evidence"].as_array().expect("evidence");
        let mentions = topic["evidence_mentions"]
            .as_array()
            .expect("evidence_mentions");
        assert_eq!(evidence.len(), mentions.len());
        for (term, spans) in evidence.iter().zip(mentions) {
            check(term.as_str().unwrap(), spans.as_array().unwrap());
        }
    }
    for phrase in doc["keyphrases"].as_array().into_iter().flatten() {
        let spans = phrase["mentions"].as_array().expect("mentions");
        assert_eq!(phrase["count"].as_u64(), Some(spans.len() as u64));
        check(phrase["text"].as_str().unwrap(), spans);
    }
    n
}

/// The one JSON document newslens prints for `stdin` with `args`; the run must succeed.
pub fn stdout_json(args: &[&str], stdin: &str) -> Value {
    let out = newslens(args)
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("one JSON document")
}

/// Writes `bytes` to `name` inside `dir` (making its folders) and returns the path as text.
pub fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

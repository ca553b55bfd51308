//! Several threads give the same bytes, in input order, as one.

use crate::util::{json_lines, newslens};

fn record(id: usize, text: &str) -> String {
    format!(
        "{}\n",
        serde_json::json!({"id": id.to_string(), "text": text})
    )
}

/// A batch mixing long and short documents (so they finish out of order) and bad records.
fn batch() -> String {
    let seed = std::fs::read_to_string(crate::util::fixture("seed-xi-putin.txt")).unwrap();
    let short = "Maria Lopez, the mayor, said the bridge would open in May.";
    let mut input = String::new();
    for i in 0..60 {
        match i % 6 {
            0 => input.push_str(&record(i, &seed)),
            3 => input.push_str("{\"id\": \"broken\", \"text\": \n"),
            5 => input.push_str(&record(i, "   ")),
            _ => input.push_str(&record(i, short)),
        }
    }
    input
}

fn run(threads: &str, input: &str) -> (Option<i32>, Vec<u8>) {
    let out = newslens(&["--input-format", "jsonl", "-j", threads])
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    (out.status.code(), out.stdout)
}

#[test]
fn any_thread_count_gives_the_same_bytes_in_input_order() {
    let input = batch();
    let (code, one) = run("1", &input);
    assert_eq!(code, Some(1), "the batch holds bad records");
    let docs = json_lines(&one);
    assert_eq!(docs.len(), 60);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(
            doc["error"]["line"].as_u64().unwrap_or(i as u64 + 1),
            i as u64 + 1
        );
    }
    for threads in ["2", "4", "7"] {
        let (code, many) = run(threads, &input);
        assert_eq!(code, Some(1));
        assert!(one == many, "-j {threads} differs from -j 1");
    }
}

#[test]
fn threads_must_be_at_least_one_and_stats_go_to_stderr() {
    newslens(&["-j", "0"]).assert().code(2);
    let out = newslens(&["--input-format", "jsonl", "--stats"])
        .write_stdin(record(1, "A short note on the weather.") + &record(2, "Another one."))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("newslens: 2 documents, "), "{stderr}");
    assert!(stderr.contains("MB/s, 0 failed"), "{stderr}");
}

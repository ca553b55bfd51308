//! What the scale-out recipes of the README ("Scaling out: GNU parallel and Spark") rely on,
//! checked without GNU parallel or Spark: a stream cut into pieces of whole lines, each run by
//! its own process, gives the lines of one run over the whole stream, in order, except each
//! error record's `error.line`; and `scripts/newslens-pipe` turns only exit status 1 into 0.
//! The recipes themselves are run by `scripts/test_recipes.py` (from `.ci/run`).

use std::process::{Command as StdCommand, Stdio};

use serde_json::Value;

use crate::util::{json_lines, newslens};

fn record(id: usize, text: &str) -> String {
    format!(
        "{}\n",
        serde_json::json!({"id": format!("r{id}"), "text": text})
    )
}

/// Articles of different lengths with a bad record, an empty text and a blank line among them.
fn stream() -> Vec<String> {
    let seed = std::fs::read_to_string(crate::util::fixture("seed-xi-putin.txt")).unwrap();
    let short = "Maria Lopez, the mayor, said the bridge would open in May.";
    (0..24)
        .map(|i| match i % 8 {
            2 => "{\"id\": \"bad\", \"text\": 7}\n".to_string(),
            5 => "\n".to_string(),
            6 => record(i, "  "),
            0 | 3 => record(i, &seed),
            _ => record(i, short),
        })
        .collect()
}

fn run(lines: &[String]) -> (Option<i32>, Vec<Value>) {
    let out = newslens(&["--input-format", "jsonl", "-j", "1", "-q"])
        .write_stdin(lines.concat())
        .output()
        .unwrap();
    (out.status.code(), json_lines(&out.stdout))
}

/// A document's output with `error.line`, which counts lines of the piece a process read, left out.
fn without_line(mut doc: Value) -> Value {
    if let Some(error) = doc.get_mut("error").and_then(Value::as_object_mut) {
        error.remove("line");
    }
    doc
}

#[test]
fn pieces_of_a_stream_give_the_lines_of_the_whole_in_order() {
    let lines = stream();
    let (code, whole) = run(&lines);
    assert_eq!(code, Some(1), "the stream holds bad records");
    assert_eq!(
        whole.len(),
        lines.len() - 3,
        "one output line per non-blank line"
    );
    for cuts in [vec![1], vec![5, 13], vec![3, 4, 9, 17, 23]] {
        let mut joined = Vec::new();
        let mut start = 0;
        for end in cuts.iter().copied().chain([lines.len()]) {
            joined.extend(run(&lines[start..end]).1);
            start = end;
        }
        assert_eq!(joined.len(), whole.len(), "pieces cut at {cuts:?}");
        for (i, (one, piece)) in whole.iter().zip(&joined).enumerate() {
            if one != piece {
                assert!(
                    one.get("error").is_some(),
                    "line {i}, pieces cut at {cuts:?}"
                );
                assert_eq!(without_line(one.clone()), without_line(piece.clone()));
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn the_pipe_wrapper_turns_only_status_1_into_0() {
    let wrapper = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/newslens-pipe");
    let binary = assert_cmd::cargo::cargo_bin("newslens");
    let status = |newslens: &std::path::Path, args: &[&str], input: &str| {
        let mut child = StdCommand::new(&wrapper)
            .args(args)
            .env_clear()
            .env("NEWSLENS", newslens)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A wrapper that fails at once may close its stdin first: that write may fail.
        let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes());
        let out = child.wait_with_output().unwrap();
        (out.status.code(), json_lines(&out.stdout).len())
    };
    let jsonl = ["--input-format", "jsonl"];
    let bad = "{\"id\": \"bad\", \"text\": 7}\n";
    let good = record(1, "The council met on Monday.");
    // A failed record: newslens exits 1 with its error record written; the wrapper exits 0.
    assert_eq!(status(&binary, &jsonl, &(good.clone() + bad)), (Some(0), 2));
    assert_eq!(status(&binary, &jsonl, &good), (Some(0), 1));
    // A usage error and a missing binary still fail.
    assert_eq!(status(&binary, &["--only", "nothing"], "").0, Some(2));
    let missing = std::path::Path::new("/nonexistent/newslens");
    assert_eq!(status(missing, &jsonl, &good).0, Some(127));
}

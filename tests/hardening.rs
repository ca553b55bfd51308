//! Hostile but plausible input, run through the built binary: every run ends with a documented
//! status, every line written parses, and one bad document never costs the others.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{check_spans, error_message, ids, json_lines, kinds, newslens};

fn bin() -> StdCommand {
    StdCommand::new(assert_cmd::cargo::cargo_bin("newslens"))
}

/// One JSON Lines record.
fn record(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

/// Runs newslens on JSON Lines `input`, returning the status code, the parsed output lines and
/// stderr.
fn run_jsonl(args: &[&str], input: &str) -> (Option<i32>, Vec<Value>, String) {
    let mut all = vec!["--input-format", "jsonl"];
    all.extend_from_slice(args);
    let out = newslens(&all).write_stdin(input).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    (out.status.code(), json_lines(&out.stdout), stderr)
}

/// Writes `dir/in.jsonl`: `count` records with ids "0", "1", ..., each `NEWS` repeated `repeat`
/// times.
fn records_file(dir: &TempDir, count: usize, repeat: usize) -> std::path::PathBuf {
    let path = dir.path().join("in.jsonl");
    let long = NEWS.repeat(repeat);
    let records: String = (0..count).map(|i| record(&i.to_string(), &long)).collect();
    fs::write(&path, records).unwrap();
    path
}

const NEWS: &str = "Maria Lopez, the city's mayor, said on Monday that the council would \
    build two new bridges. \"We will start in the spring,\" she said.";

#[test]
fn colon_after_the_source_of_according_to() {
    let input = record("a", "According to officials, : the plan failed.")
        + &record("b", "According to the agency; the plan failed.")
        + &record("c", NEWS);
    let (code, docs, stderr) = run_jsonl(&[], &input);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(kinds(&docs), ["ok", "ok", "ok"]);
    assert_eq!(docs[2]["id"], "c");
}

#[test]
fn long_chains_of_speech_verbs_do_not_overflow_the_stack() {
    let chain = "The man went and said ".repeat(60_000) + "nothing.";
    let input = record("chain", &chain) + &record("after", NEWS);
    let (code, docs, stderr) = run_jsonl(&["--max-bytes", "0", "--only", "quotes"], &input);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(kinds(&docs), ["ok", "ok"]);
    assert_eq!(docs[1]["id"], "after");
}

#[test]
fn an_output_file_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = TempDir::new().unwrap();
    let text = dir.path().join("a.txt");
    fs::write(&text, NEWS).unwrap();
    let jsonl = dir.path().join("docs.jsonl");
    fs::write(&jsonl, record("x", NEWS)).unwrap();
    let (t, j) = (text.to_str().unwrap(), jsonl.to_str().unwrap());

    for args in [
        vec![t, "-o", t],
        vec!["--input-format", "jsonl", j, "-o", j],
        vec![dir.path().to_str().unwrap(), "-o", t],
    ] {
        let out = newslens(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("output file"), "{stderr}");
    }
    // The same file as stdin.
    let out = bin()
        .args(["--input-format", "jsonl", "-o", j])
        .stdin(File::open(&jsonl).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&text).unwrap(), NEWS);
    assert_eq!(fs::read_to_string(&jsonl).unwrap(), record("x", NEWS));
    // A new file beside the inputs, with an extension the walk does not read, is fine.
    let out_path = dir.path().join("out.json");
    let out = newslens(&[
        dir.path().to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_closed_pipe_ends_quietly_with_short_and_long_lines() {
    // Lines of about 700 bytes, and lines far over 8 KiB (as real articles give).
    for (repeat, records) in [(1, 3000), (40, 300)] {
        let long = NEWS.repeat(repeat);
        let input: String = (0..records)
            .map(|i| record(&i.to_string(), &long))
            .collect();
        let mut child = bin()
            .args(["--input-format", "jsonl"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            // The child stops reading once its stdout is gone; a failed write here is expected.
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert!(repeat == 1 || line.len() > 8192, "{}", line.len());
        serde_json::from_str::<Value>(&line).unwrap();
        drop(stdout); // as `head -1` does
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    }
}

#[test]
fn processes_sharing_one_output_file_never_interleave_inside_a_line() {
    let dir = TempDir::new().unwrap();
    let input = records_file(&dir, 40, 30);
    let out_path = dir.path().join("out.jsonl");
    // As `xargs -P 4 … > out.jsonl` does: four processes, one open file.
    let shared = File::create(&out_path).unwrap();
    let children: Vec<Child> = (0..4)
        .map(|_| {
            bin()
                .args(["--input-format", "jsonl", input.to_str().unwrap()])
                .stdout(shared.try_clone().unwrap())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let written = fs::read(&out_path).unwrap();
    let docs = json_lines(&written);
    assert_eq!(docs.len(), 160);
    assert!(docs.iter().all(|d| d["error"].is_null()));
}

/// Sends `signal` (a name `kill` knows) to the child.
fn kill(child: &Child, signal: &str) {
    let status = StdCommand::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_with_deadline(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        assert!(Instant::now() < deadline, "newslens did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_signal_while_waiting_for_input_stops_at_once_with_130() {
    for signal in ["INT", "TERM"] {
        let mut child = bin()
            .args(["--input-format", "jsonl"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(record("first", NEWS).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&line).unwrap()["id"], "first");
        // newslens now waits for the next line, which never comes.
        kill(&child, signal);
        assert_eq!(wait_with_deadline(&mut child), Some(130), "SIG{signal}");
        drop(stdin);
    }
}

#[test]
fn a_signal_mid_batch_leaves_only_whole_lines_in_the_output_file() {
    let dir = TempDir::new().unwrap();
    let input = records_file(&dir, 3000, 20);
    let out_path = dir.path().join("out.jsonl");
    let mut child = bin()
        .args(["--input-format", "jsonl", input.to_str().unwrap()])
        .args(["-o", out_path.to_str().unwrap()])
        .spawn()
        .unwrap();
    // Wait until some results are written, then interrupt.
    let deadline = Instant::now() + Duration::from_secs(60);
    while fs::metadata(&out_path).map_or(0, |m| m.len()) < 20_000 {
        assert!(Instant::now() < deadline, "no output appeared");
        std::thread::sleep(Duration::from_millis(10));
    }
    kill(&child, "INT");
    assert_eq!(wait_with_deadline(&mut child), Some(130));
    let written = fs::read(&out_path).unwrap();
    assert!(written.ends_with(b"\n"), "the last line is whole");
    let docs = json_lines(&written);
    assert!(!docs.is_empty() && docs.len() < 3000, "{}", docs.len());
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["id"], i.to_string(), "in order");
    }
}

#[test]
fn a_closed_stdout_is_an_error() {
    let article = crate::util::fixture("seed-xi-putin.txt");
    let out = StdCommand::new("sh")
        .args(["-c", "exec \"$0\" \"$1\" >&-"])
        .arg(assert_cmd::cargo::cargo_bin("newslens"))
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("stdout") && stderr.contains("closed"),
        "{stderr}"
    );
    // Writing to /dev/null is not a closed stdout, whether opened write-only (a shell's
    // `> /dev/null`) or read-write (Python's `subprocess.DEVNULL`).
    let status = bin().arg(&article).stdout(Stdio::null()).status().unwrap();
    assert_eq!(status.code(), Some(0));
    let read_write = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let status = bin()
        .arg(&article)
        .stdout(Stdio::from(read_write))
        .status()
        .unwrap();
    #[cfg(target_os = "linux")]
    assert_eq!(status.code(), Some(0));
    #[cfg(not(target_os = "linux"))]
    let _ = status;
}

#[test]
fn utf16_and_compressed_files_say_what_they_are() {
    let dir = TempDir::new().unwrap();
    let utf16: Vec<u8> = format!("\u{FEFF}{NEWS}")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let wide = dir.path().join("wide.txt");
    fs::write(&wide, utf16).unwrap();
    let gz = dir.path().join("news.txt");
    fs::write(&gz, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]).unwrap();
    let gz_jsonl = dir.path().join("news.jsonl");
    fs::write(&gz_jsonl, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]).unwrap();
    let out = newslens(&[wide.to_str().unwrap(), gz.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out.stdout);
    assert_eq!(kinds(&docs), ["invalid_utf8", "compressed"]);
    assert!(error_message(&docs[0]).contains("UTF-16"));
    assert!(error_message(&docs[1]).contains("gzip"));
    let out = newslens(&["--input-format", "jsonl", gz_jsonl.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(kinds(&json_lines(&out.stdout)), ["compressed"]);
}

#[test]
fn records_keep_their_ids_exactly_and_deep_fields_are_skipped() {
    let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
    let input = format!(
        "{{\"id\": 123456789012345678901234567890, \"text\": \"Anna Berg spoke.\"}}\n\
         {{\"id\": -0, \"text\": \"Anna Berg spoke.\"}}\n\
         {{\"id\": \"deep\", \"meta\": {deep}, \"text\": \"Anna Berg spoke.\"}}\n"
    );
    let (code, docs, stderr) = run_jsonl(&[], &input);
    assert_eq!(code, Some(0), "{stderr}");
    let ids: Vec<&str> = ids(&docs);
    assert_eq!(ids, ["123456789012345678901234567890", "-0", "deep"]);
}

#[test]
fn documents_over_max_bytes_get_too_large_and_the_batch_goes_on() {
    let dir = TempDir::new().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, NEWS.repeat(100)).unwrap();
    let small = dir.path().join("small.txt");
    fs::write(&small, NEWS).unwrap();
    let out = newslens(&[
        "--max-bytes",
        "4K",
        big.to_str().unwrap(),
        small.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out.stdout);
    assert_eq!(kinds(&docs), ["too_large", "ok"]);
    let message = error_message(&docs[0]);
    assert!(
        message.contains(&format!("{} bytes", NEWS.len() * 100)),
        "{message}"
    );
    assert!(message.contains("4096"), "{message}");

    let input = record("huge", &NEWS.repeat(100)) + &record("next", NEWS);
    let (code, docs, _) = run_jsonl(&["--max-bytes", "4K"], &input);
    assert_eq!(code, Some(1));
    assert_eq!(kinds(&docs), ["too_large", "ok"]);
    assert_eq!(docs[0]["id"], "huge", "the id before the text is kept");
    assert_eq!(docs[0]["error"]["line"], 1);
    assert_eq!(docs[1]["id"], "next");

    let out = newslens(&["--max-bytes", "1K"])
        .write_stdin(NEWS.repeat(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-bytes"));
}

#[test]
fn input_that_is_not_an_english_article_is_flagged() {
    let html = format!(
        "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>{NEWS}</p></body></html>"
    );
    let french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui doit \
        entrer en vigueur au début de l'année prochaine selon le ministre. Les syndicats ont \
        appelé à une grève nationale pour protester contre ce projet.";
    // A fragment is not a page: it is analysed as it is, with a warning.
    let fragment = format!("<div><p>{NEWS}</p><p>{NEWS}</p></div>");
    let jsonl = record("1", NEWS) + &record("2", NEWS);
    for (input, opening) in [
        (html.as_str(), "HTML converted to text"),
        (fragment.as_str(), "HTML markup detected"),
        (french, "not English"),
        (jsonl.as_str(), "looks like JSON Lines"),
    ] {
        let out = newslens(&["--compact"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let doc = &json_lines(&out.stdout)[0];
        let warnings: Vec<&str> = doc["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert!(
            warnings.iter().any(|w| w.starts_with(opening)),
            "{warnings:?}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("newslens: stdin: warning: {opening}")),
            "{stderr}"
        );
        let quiet = newslens(&["--compact", "--quiet"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    }
    // A plain English article gets no warning.
    let out = newslens(&["--compact"]).write_stdin(NEWS).output().unwrap();
    assert_eq!(
        json_lines(&out.stdout)[0]["warnings"],
        serde_json::json!([])
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_document_alone_and_inside_a_batch_get_the_same_analysis() {
    let texts = [
        NEWS.to_string(),
        "Rome, 4 May - Officials said the port would reopen. \"It is safe,\" Luca Bianchi said."
            .to_string(),
        fs::read_to_string(crate::util::fixture("seed-xi-putin.txt")).unwrap(),
    ];
    let batch: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| record(&i.to_string(), t))
        .collect();
    let (code, docs, _) = run_jsonl(&[], &batch);
    assert_eq!(code, Some(0));
    for (i, text) in texts.iter().enumerate() {
        let (_, alone, _) = run_jsonl(&[], &record(&i.to_string(), text));
        assert_eq!(alone[0], docs[i], "document {i}");
        assert!(check_spans(text, &docs[i]) > 0);
    }
}

#[test]
fn a_fifo_is_read_as_a_stream() {
    // Paths that are not regular files (process substitution, named pipes) are read to the end.
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = StdCommand::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut pipe = OpenOptions::new().write(true).open(path).unwrap();
        pipe.write_all(NEWS.as_bytes()).unwrap();
    });
    let out = newslens(&["--compact", fifo.to_str().unwrap()])
        .output()
        .unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json_lines(&out.stdout)[0]["stats"]["chars"],
        NEWS.chars().count()
    );
}

//! The command line as users run it: files, stdin, directories, JSON Lines, errors, exit codes.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command as StdCommand, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{
    check_spans, error_message, fixture, ids, json_lines, kinds, newslens, stdout_json, stdout_ok,
    write,
};

const ARTICLE: &str = "Talks Resume in Geneva\n\nThe foreign ministers of France and Germany met in Geneva on Monday. \
Officials said the talks would continue.\n";

#[test]
fn one_file_gives_one_pretty_object() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "a.txt", ARTICLE.as_bytes());
    let out = stdout_ok(&[&path]);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("{\n  \""), "pretty-printed: {text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["id"], path.as_str());
    assert_eq!(doc["title"], "Talks Resume in Geneva");
    assert_eq!(doc["stats"]["sentences"], 3);
    assert_eq!(doc["stats"]["paragraphs"], 2);
    assert_eq!(doc["stats"]["chars"], ARTICLE.chars().count());
    for section in [
        "entities",
        "topics",
        "keyphrases",
        "commitments",
        "quotes",
        "warnings",
    ] {
        assert!(doc[section].is_array(), "{section} is a list");
    }
}

#[test]
fn stdin_is_read_with_no_path_or_dash() {
    for args in [&[][..], &["-"][..]] {
        let doc = stdout_json(args, ARTICLE);
        assert_eq!(doc["id"], "-");
        assert_eq!(doc["title"], "Talks Resume in Geneva");
    }
}

#[test]
fn compact_prints_one_line() {
    let out = newslens(&["--compact"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.ends_with('\n'));
}

#[test]
fn several_files_give_json_lines_in_order() {
    let dir = TempDir::new().unwrap();
    let b = write(&dir, "b.txt", b"Second article text here.");
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let out = stdout_ok(&[&b, &a]);
    let docs = json_lines(&out);
    let ids: Vec<&str> = ids(&docs);
    assert_eq!(ids, [b.as_str(), a.as_str()]);
}

#[test]
fn directories_are_walked_for_text_files_in_path_order() {
    let dir = TempDir::new().unwrap();
    write(&dir, "b.txt", ARTICLE.as_bytes());
    write(&dir, "a/z.TXT", ARTICLE.as_bytes());
    write(&dir, "a/notes.md", ARTICLE.as_bytes());
    write(&dir, ".hidden/c.txt", ARTICLE.as_bytes());
    write(&dir, "a/.d.txt", ARTICLE.as_bytes());
    write(&dir, "c.text", ARTICLE.as_bytes());
    let root = dir.path().display().to_string();
    let out = stdout_ok(&[&root]);
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let expect: Vec<String> = ["a/z.TXT", "b.txt", "c.text"]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    assert_eq!(ids, expect);
}

#[test]
fn a_directory_with_nothing_to_read_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(&dir, "notes.md", ARTICLE.as_bytes());
    let root = dir.path().display().to_string();
    let assert = newslens(&["--compact", &root]).assert().code(1);
    let out = assert.get_output();
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], root.as_str());
    assert_eq!(docs[0]["error"]["kind"], "no_documents");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("newslens: {root}: no .txt or .text files in this directory")
    );
}

#[test]
fn jsonl_records_stream_one_line_each_with_errors_in_place() {
    let input = concat!(
        "{\"id\": \"r1\", \"text\": \"Officials met in Paris.\"}\n",
        "\n",
        "{\"id\": \"r2\", \"body\": \"no text field\"}\n",
        "not json at all\n",
        "{\"id\": 3, \"text\": \"   \"}\n",
        "{\"text\": \"A record without an id.\"}\r\n",
        "{\"id\": \"r5\", \"text\": \"Last one.\"}",
    );
    let assert = newslens(&["--input-format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = assert.get_output();
    let docs = json_lines(&out.stdout);
    assert_eq!(
        docs.len(),
        6,
        "blank line skipped, every other line answered"
    );
    assert_eq!(docs[0]["id"], "r1");
    assert!(docs[0]["entities"].is_array());
    assert_eq!(docs[1]["id"], "r2");
    assert_eq!(docs[1]["error"]["kind"], "bad_record");
    assert_eq!(docs[1]["error"]["line"], 3);
    assert_eq!(docs[2]["id"], Value::Null);
    assert_eq!(docs[2]["error"]["kind"], "bad_record");
    assert_eq!(docs[3]["id"], "3");
    assert_eq!(docs[3]["error"]["kind"], "empty");
    assert_eq!(docs[4]["id"], Value::Null);
    assert_eq!(docs[4]["schema_version"], 1);
    assert_eq!(docs[5]["id"], "r5");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("stdin:3: malformed JSON Lines record"),
        "{stderr}"
    );
    assert!(stderr.contains("stdin:4:"), "{stderr}");
    assert_eq!(
        stderr.lines().count(),
        3,
        "one line per failed record: {stderr}"
    );
}

#[test]
fn jsonl_field_names_can_be_set_and_files_read() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "in.jsonl",
        b"\xEF\xBB\xBF{\"doc\": \"d1\", \"body\": \"Hello from Rome.\"}\n",
    );
    let out = stdout_ok(&[
        "--input-format",
        "jsonl",
        "--id-field",
        "doc",
        "--text-field",
        "body",
        &path,
    ]);
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "d1");
}

#[test]
fn jsonl_output_streams_before_input_ends() {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("newslens"))
        .args(["--input-format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin
        .write_all(b"{\"id\": \"first\", \"text\": \"The talks began.\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    // stdin is still open: the answer to the first record must already be readable.
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let first: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(first["id"], "first");
    stdin
        .write_all(b"{\"id\": \"second\", \"text\": \"They ended.\"}\n")
        .unwrap();
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(json_lines(rest.as_bytes())[0]["id"], "second");
}

#[test]
fn input_errors_name_the_input_and_batch_goes_on() {
    let dir = TempDir::new().unwrap();
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let bad_utf8 = write(&dir, "latin1.txt", b"Caf\xE9 society returns.");
    let binary = write(&dir, "blob.txt", b"GIF8\x00\x00binary");
    let empty = write(&dir, "empty.txt", b" \n\n ");
    let missing = dir.path().join("missing.txt").display().to_string();
    let assert = newslens(&[&good, &bad_utf8, &binary, &empty, &missing])
        .assert()
        .code(1);
    let out = assert.get_output();
    let docs = json_lines(&out.stdout);
    assert_eq!(
        kinds(&docs),
        ["ok", "invalid_utf8", "binary", "empty", "unreadable"]
    );
    assert_eq!(docs[1]["id"], bad_utf8.as_str());
    assert!(error_message(&docs[1]).contains("byte 3"));
    assert!(error_message(&docs[2]).contains("byte 4"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for path in [&bad_utf8, &binary, &empty, &missing] {
        assert!(
            stderr.contains(&format!("newslens: {path}: ")),
            "{path} named in: {stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn single_bad_document_prints_only_to_stderr() {
    let assert = newslens(&[]).write_stdin(&b"caf\xE9"[..]).assert().code(1);
    let out = assert.get_output();
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "newslens: stdin: invalid UTF-8 at byte 3; use --lossy to replace invalid bytes with U+FFFD"
    );
}

#[test]
fn lossy_replaces_and_warns_with_offsets_into_the_replaced_text() {
    let input = b"Caf\xE9 owners in Paris said prices rose.";
    let out = newslens(&["--lossy"])
        .write_stdin(&input[..])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let warnings = doc["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .contains("replaced with U+FFFD")
    );
    check_spans(&String::from_utf8_lossy(input), &doc);
}

#[test]
fn offsets_are_code_points_into_the_text_as_given() {
    let text = "\u{FEFF}Café talks\r\n\r\n“We will not back down,” said Ms Müller of Zürich’s council. 🙂 Officials in Berlin said the plan would go ahead.\r\n";
    let doc = stdout_json(&[], text);
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .contains("byte-order mark")
    );
    check_spans(text, &doc);
}

#[test]
fn only_limits_sections() {
    let doc = stdout_json(&["--only", "entities,quotes"], ARTICLE);
    assert!(doc["entities"].is_array() && doc["quotes"].is_array());
    for absent in ["topics", "keyphrases", "commitments"] {
        assert!(doc.get(absent).is_none(), "{absent} not printed");
    }
}

#[test]
fn output_file() {
    let dir = TempDir::new().unwrap();
    let out_path = dir.path().join("out.json").display().to_string();
    newslens(&["-o", &out_path])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout("");
    let doc: Value = serde_json::from_str(&fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(doc["id"], "-");
    let bad = dir
        .path()
        .join("no/such/dir/out.json")
        .display()
        .to_string();
    let assert = newslens(&["-o", &bad])
        .write_stdin(ARTICLE)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.starts_with("newslens: cannot create output file"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    newslens(&["--no-such-flag"]).assert().code(2);
    newslens(&["--only", "entities,sentiment"]).assert().code(2);
    newslens(&["--input-format", "xml"]).assert().code(2);
}

#[test]
fn version_and_help() {
    let out = stdout_ok(&["--version"]);
    assert_eq!(
        String::from_utf8(out).unwrap().trim(),
        format!("newslens {}", env!("CARGO_PKG_VERSION"))
    );
    let out = stdout_ok(&["--help"]);
    let help = String::from_utf8(out).unwrap();
    for needle in [
        "Examples:",
        "--input-format",
        "--only",
        "--lossy",
        "Exit status",
    ] {
        assert!(help.contains(needle), "help mentions {needle}");
    }
}

#[test]
fn same_input_same_bytes() {
    let text = std::fs::read_to_string(fixture("seed-xi-putin.txt")).unwrap();
    let first = newslens(&[])
        .write_stdin(text.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let second = newslens(&[])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(first, second);
}

#[test]
fn the_token_view_prints_one_line_per_sentence_with_offsets_into_the_text() {
    let text = "Talks Resume in Genève\n\nThe ministers met on Monday. “We agreed,” she said.\n";
    let out = newslens(&["--tokens"]).write_stdin(text).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "headline and two sentences");
    let chars: Vec<char> = text.chars().collect();
    for line in &lines {
        for token in line["tokens"].as_array().unwrap() {
            let (start, end) = (
                token["start"].as_u64().unwrap() as usize,
                token["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(token["text"], slice.as_str());
        }
    }
    let met = &lines[1]["tokens"][2];
    assert_eq!(
        (met["text"].as_str(), met["lemma"].as_str()),
        (Some("met"), Some("meet"))
    );
    assert_eq!(met["upos"], "VERB");
}

#[test]
fn the_token_view_shows_each_verb_group_with_its_subject_and_embedder() {
    let text = "The mayor said the council would not close the library.\n";
    let out = newslens(&["--tokens"]).write_stdin(text).output().unwrap();
    let lines = json_lines(&out.stdout);
    let line = &lines[0];
    let word = |i: &serde_json::Value| line["tokens"][i.as_u64().unwrap() as usize]["text"].clone();
    let verbs = line["verbs"].as_array().unwrap();
    assert_eq!(verbs.len(), 2, "{verbs:?}");
    let (said, close) = (&verbs[0], &verbs[1]);
    assert_eq!(word(&said["head"]), "said");
    assert_eq!(word(&said["subject"]["head"]), "mayor");
    assert_eq!(said["tense"], "past");
    assert_eq!(word(&close["head"]), "close");
    assert_eq!(word(&close["modal"]), "would");
    assert_eq!(close["negated"], true);
    assert_eq!(word(&close["subject"]["head"]), "council");
    assert_eq!(word(&close["embedded_by"]["token"]), "said");
    assert_eq!(close["embedded_by"]["link"], "zero");
    assert_eq!(word(&close["object"]["head"]), "library");
    let heads: Vec<_> = line["phrases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| word(&p["head"]))
        .collect();
    assert_eq!(heads, ["mayor", "council", "library"]);
}

/// `--explain`: every entity mention names the rule that found it; where another mention
/// decided the type, `decided_by` names that rule; without the flag neither field is there.
#[test]
fn explain_gives_each_mention_its_rule() {
    let text = "Sophos said profits rose. The anti-virus firm Sophos hired Mr Brown.";
    let explained = stdout_json(&["--explain", "--only", "entities"], text);
    let entities = explained["entities"].as_array().unwrap();
    let sophos = entities.iter().find(|e| e["name"] == "Sophos").unwrap();
    assert_eq!(sophos["type"], "ORG");
    let mentions = sophos["mentions"].as_array().unwrap();
    // "Sophos said" alone suggests a person; the firm's description decided for both.
    assert_eq!(mentions[0]["rule"], "said");
    assert_eq!(mentions[0]["decided_by"], "org-noun-before");
    assert_eq!(mentions[1]["rule"], "org-noun-before");
    assert!(mentions[1].get("decided_by").is_none());
    let brown = entities.iter().find(|e| e["name"] == "Brown").unwrap();
    assert_eq!(brown["mentions"][0]["rule"], "title-before-name");
    for e in entities {
        for m in e["mentions"].as_array().unwrap() {
            assert!(m["rule"].is_string(), "{m}");
        }
    }
    let plain = stdout_json(&["--only", "entities"], text);
    for e in plain["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert!(
                m.get("rule").is_none() && m.get("decided_by").is_none(),
                "{m}"
            );
        }
    }
}

/// `newslens completions SHELL` and `newslens man` print from the real binary, and a file
/// named like a command is still read when written as a path (`./completions`).
#[test]
fn commands_print_and_paths_named_like_them_are_read() {
    for shell in ["bash", "zsh", "fish"] {
        let out = newslens(&["completions", shell]).assert().success();
        let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(
            script.contains("input-format") && script.contains("only"),
            "{shell}"
        );
    }
    newslens(&["completions"]).assert().code(2);
    newslens(&["completions", "tcsh"]).assert().code(2);
    let out = newslens(&["man"]).assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains(".TH newslens 1"), "{page}");
    newslens(&["schema"]).assert().success();

    let dir = TempDir::new().unwrap();
    for name in ["completions", "man", "schema"] {
        write(&dir, name, ARTICLE.as_bytes());
        let out = newslens(&[&format!("./{name}"), "--compact"])
            .current_dir(dir.path())
            .assert()
            .success();
        let docs = json_lines(&out.get_output().stdout);
        assert_eq!(docs[0]["id"], format!("./{name}"));
        assert_eq!(docs[0]["title"], "Talks Resume in Geneva");
    }
    // After a first path, a word is a path again.
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let out = newslens(&[&a, "man", "--compact"])
        .current_dir(dir.path())
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["id"], "man");
}

/// The entity whose mentions include `text`.
fn entity_mentioned<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["text"] == text)
        })
        .unwrap_or_else(|| panic!("no mention {text:?} in {doc}"))
}

#[test]
fn date_resolves_relative_dates() {
    let article =
        "The council met yesterday and will meet again next month. It spent $2.5 million.\n";
    let doc = stdout_json(&["--date", "2021-03-03", "--only", "entities"], article);
    let value = |text: &str| entity_mentioned(&doc, text)["value"].clone();
    assert_eq!(
        value("yesterday"),
        serde_json::json!({"date": "2021-03-02"})
    );
    assert_eq!(value("next month"), serde_json::json!({"date": "2021-04"}));
    assert_eq!(
        value("$2.5 million"),
        serde_json::json!({"amount": 2500000, "currency": "USD"})
    );
    // Without --date or a dateline, what is known.
    let doc = stdout_json(&["--only", "entities"], article);
    assert_eq!(
        entity_mentioned(&doc, "yesterday")["value"],
        serde_json::json!({"relative": true, "offset": -1, "period": "day"})
    );
    // A name has no value field at all.
    let doc = stdout_json(&["--only", "entities"], ARTICLE);
    assert!(entity_mentioned(&doc, "Geneva").get("value").is_none());
}

#[test]
fn a_bad_date_is_a_usage_error() {
    for bad in ["2021-02-30", "03/03/2021", "tomorrow"] {
        let out = newslens(&["--date", bad])
            .write_stdin(ARTICLE)
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert!(out.stdout.is_empty(), "{bad}: nothing on stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--date") && err.contains(bad), "{bad}: {err}");
    }
}

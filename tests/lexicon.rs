//! `--lexicon FILE`: user lexicons from the command line, in every input mode.

use std::fs;

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{check_spans, json_lines, newslens, stdout_json, stdout_ok, write};

/// (name, type) of every entity of one document's output.
fn names(doc: &Value) -> Vec<(String, String)> {
    doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            let field = |k: &str| e[k].as_str().unwrap().to_string();
            (field("name"), field("type"))
        })
        .collect()
}

fn has(doc: &Value, name: &str, label: &str) -> bool {
    names(doc).contains(&(name.to_string(), label.to_string()))
}

const FIRMS: &[u8] = b"# Firms we follow\nQuillmark Labs\tORG\nQML\tORG\tQuillmark Labs\n";

#[test]
fn a_malformed_line_is_a_usage_error_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let bad = write(
        &dir,
        "bad.tsv",
        b"# ok so far\nQuillmark Labs\tORG\nTessaly\tCOUNTRY\n",
    );
    let out = newslens(&["--lexicon", &bad])
        .write_stdin("Quillmark Labs opened in Tessaly.")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty(), "nothing analysed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("newslens: {bad}:3: unknown type 'COUNTRY'")),
        "{stderr}"
    );
    // One bad file among good ones stops the run all the same.
    let good = write(&dir, "good.tsv", FIRMS);
    let tabs = write(&dir, "spaces.tsv", b"Tessaly GPE\n");
    let out = newslens(&["--lexicon", &good, "--lexicon", &tabs])
        .write_stdin("Tessaly.")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("newslens: {tabs}:1: no type")),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_lexicon_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.tsv").display().to_string();
    let out = newslens(&["--lexicon", &missing])
        .write_stdin("Text.")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("newslens: {missing}: cannot read the lexicon: no such file or directory\n")
    );
}

#[test]
fn a_user_entry_retypes_a_built_in_name() {
    let text = "President Orrin Vale of Tessaly spoke on Monday.";
    let plain = stdout_json(&["--only", "entities"], text);
    // No list knows the place, so the built-in rules alone cannot tell it is one.
    assert!(!has(&plain, "Tessaly", "GPE"), "{:?}", names(&plain));
    let dir = TempDir::new().unwrap();
    let lexicon = write(&dir, "places.tsv", b"Tessaly\tGPE\n");
    let doc = stdout_json(&["--only", "entities", "--lexicon", &lexicon], text);
    assert!(has(&doc, "Tessaly", "GPE"), "{:?}", names(&doc));
    assert!(has(&doc, "Orrin Vale", "PERSON"), "{:?}", names(&doc));
    assert_eq!(names(&doc).len(), names(&plain).len());
    check_spans(text, &doc);
}

#[test]
fn a_jsonl_batch_on_two_threads_uses_the_lexicon() {
    let dir = TempDir::new().unwrap();
    let lexicon = write(&dir, "firms.tsv", FIRMS);
    let texts = [
        "QML hired forty engineers. Quillmark Labs said more would follow.",
        "A pineapple grower spoke.",
        "Shares of QML rose in Tessaly.",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let out = newslens(&["--input-format", "jsonl", "-j", "2", "--lexicon", &lexicon])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 3);
    let first = &docs[0]["entities"][0];
    assert_eq!(first["name"], "Quillmark Labs");
    assert_eq!(first["type"], "ORG");
    assert_eq!(first["aliases"], serde_json::json!(["QML"]));
    assert_eq!(first["count"], 2);
    // Named by its canonical name where the text only writes the short form.
    assert!(
        has(&docs[2], "Quillmark Labs", "ORG"),
        "{:?}",
        names(&docs[2])
    );
    for (doc, text) in docs.iter().zip(texts) {
        check_spans(text, doc);
    }
}

#[test]
fn lexicon_given_twice_merges_and_the_later_file_wins() {
    let dir = TempDir::new().unwrap();
    let first = write(
        &dir,
        "first.tsv",
        b"Marrow Point\tLOC\nQuillmark Labs\tORG\n",
    );
    let second = write(&dir, "second.tsv", b"Marrow Point\tFAC\n");
    let text = "Quillmark Labs built a plant at Marrow Point.";
    let both = |a: &str, b: &str| {
        stdout_json(
            &["--only", "entities", "--lexicon", a, "--lexicon", b],
            text,
        )
    };
    let doc = both(&first, &second);
    assert!(has(&doc, "Marrow Point", "FAC"), "{:?}", names(&doc));
    assert!(has(&doc, "Quillmark Labs", "ORG"), "{:?}", names(&doc));
    let doc = both(&second, &first);
    assert!(has(&doc, "Marrow Point", "LOC"), "{:?}", names(&doc));
}

#[test]
fn files_directories_and_the_token_view_use_the_lexicon() {
    let dir = TempDir::new().unwrap();
    let lexicon = write(&dir, "firms.tsv", b"Still Water\tORG\n");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text = "Staff of Still Water met on Monday.";
    fs::write(corpus.join("a.txt"), text).unwrap();
    fs::write(corpus.join("b.txt"), text).unwrap();
    let corpus = corpus.display().to_string();
    let out = stdout_ok(&["--lexicon", &lexicon, "--only", "entities", &corpus]);
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| has(d, "Still Water", "ORG")));
    // The tagger sees the user's names as names.
    let out = newslens(&["--tokens", "--lexicon", &lexicon])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = &json_lines(&out)[0];
    let tags: Vec<(&str, &str)> = line["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["tag"].as_str().unwrap()))
        .collect();
    assert!(tags.contains(&("Still", "NNP")), "{tags:?}");
}

#[test]
fn the_readme_example_lexicon_gives_what_the_readme_shows() {
    let root = env!("CARGO_MANIFEST_DIR");
    let lexicon = format!("{root}/examples/lexicon.tsv");
    let article = format!("{root}/examples/lexicon_article.txt");
    let run = |args: &[&str]| {
        let out = newslens(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let doc: Value = serde_json::from_slice(&out).unwrap();
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let aliases: Vec<&str> = e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap())
                    .collect();
                format!(
                    "{} {} {}",
                    e["type"].as_str().unwrap(),
                    e["name"].as_str().unwrap(),
                    aliases.join(",")
                )
            })
            .collect::<Vec<String>>()
    };
    // (Without the lexicon the output depends on the built-in rules, so it is not checked.)
    assert_eq!(
        run(&["--only", "entities", "--lexicon", &lexicon, &article]),
        [
            "ORG Quillmark Labs QML,Quillmark",
            "GPE Tessaly ",
            "PRODUCT Still Water ",
            "FAC Marrow Point ",
            "ORG Brask Foundry ",
            "DATE Monday ",
            "CARDINAL 300 ",
        ]
    );
}

/// With `--explain`, a user entry's mention names the file and line that found it.
#[test]
fn explain_names_the_lexicon_line() {
    let dir = TempDir::new().unwrap();
    let firms = write(&dir, "firms.tsv", FIRMS);
    let doc = stdout_json(
        &["--lexicon", &firms, "--explain", "--only", "entities"],
        "QML said Quillmark Labs would grow.",
    );
    let firm = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Quillmark Labs")
        .expect("the lexicon's firm");
    let rules: Vec<&str> = firm["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [format!("lexicon:{firms}:3"), format!("lexicon:{firms}:2")]
    );
}

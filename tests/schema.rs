//! `newslens schema`: the printed JSON Schema is draft 2020-12 and real output validates against
//! it (the seed article, a JSON Lines batch with error records, `--explain`, `--date`, `--only`,
//! the token view), while broken documents do not.

use serde_json::{Value, json};
use tempfile::TempDir;

use crate::util::{fixture, json_lines, newslens};

/// The schema `newslens schema ARGS` prints, compiled.
fn validator(args: &[&str]) -> (Value, jsonschema::Validator) {
    let out = newslens(&[&["schema"], args].concat()).assert().success();
    let schema: Value = serde_json::from_slice(&out.get_output().stdout).expect("schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    (schema, validator)
}

/// Asserts every document is valid, naming the first error of one that is not.
fn assert_valid(validator: &jsonschema::Validator, docs: &[Value]) {
    assert!(!docs.is_empty());
    for doc in docs {
        if let Err(err) = validator.validate(doc) {
            panic!(
                "invalid at {}: {err}\n{}",
                err.instance_path(),
                &doc.to_string()[..doc.to_string().len().min(400)]
            );
        }
    }
}

fn seed_output(args: &[&str]) -> Vec<Value> {
    let seed = fixture("seed-xi-putin.txt");
    let out = newslens(&[args, &["--compact", seed.to_str().unwrap()]].concat())
        .assert()
        .success();
    json_lines(&out.get_output().stdout)
}

#[test]
fn the_schema_is_draft_2020_12_and_valid_itself() {
    for args in [&[][..], &["--tokens"]] {
        let (schema, _) = validator(args);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{args:?}"
        );
        assert!(jsonschema::meta::is_valid(&schema), "{args:?}");
    }
    let (schema, _) = validator(&[]);
    let document = &schema["$defs"]["DocumentOut"];
    assert_eq!(document["properties"]["schema_version"]["const"], 1);
    assert_eq!(document["additionalProperties"], false);
    // Optional fields are those the output may leave out; `null`-able ones are still required.
    let mention = &schema["$defs"]["MentionOut"];
    assert!(mention["properties"]["rule"].is_object());
    assert!(
        !mention["required"]
            .as_array()
            .unwrap()
            .contains(&json!("rule"))
    );
    let quote = &schema["$defs"]["QuoteOut"]["required"];
    assert!(quote.as_array().unwrap().contains(&json!("speaker_entity")));
    assert!(
        schema["$defs"]["EntityOut"]["properties"]["type"]["enum"]
            .as_array()
            .unwrap()
            .contains(&json!("WORK_OF_ART"))
    );
    assert!(
        schema.to_string().contains("Canonical name"),
        "doc comments are descriptions"
    );
}

#[test]
fn the_seed_output_and_its_golden_fixture_are_valid() {
    let (_, validator) = validator(&[]);
    assert_valid(&validator, &seed_output(&[]));
    let golden = std::fs::read_to_string(fixture("seed-xi-putin.json")).unwrap();
    assert_valid(&validator, &[serde_json::from_str(&golden).unwrap()]);
}

#[test]
fn explain_date_and_only_outputs_are_valid() {
    let (_, validator) = validator(&[]);
    let explained = seed_output(&["--explain"]);
    assert!(explained[0]["entities"][0]["mentions"][0]["rule"].is_string());
    assert_valid(&validator, &explained);
    assert_valid(&validator, &seed_output(&["--date", "2021-03-03"]));
    let only = seed_output(&["--only", "entities"]);
    assert!(only[0].get("topics").is_none() && only[0]["entities"].is_array());
    assert_valid(&validator, &only);
}

#[test]
fn a_json_lines_batch_with_error_records_is_valid() {
    let (_, validator) = validator(&[]);
    let input = concat!(
        "{\"id\": \"r1\", \"text\": \"Officials met in Paris yesterday. \\\"We will act,\\\" Smith said.\"}\n",
        "{\"id\": \"r2\", \"body\": \"no text field\"}\n",
        "not json at all\n",
        "{\"id\": 3, \"text\": \"   \"}\n",
        "{\"text\": \"A record without an id. The minister pledged to cut taxes by 2030.\"}\n",
    );
    let out = newslens(&["--input-format", "jsonl", "--explain"])
        .write_stdin(input)
        .assert()
        .code(1);
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 5);
    assert!(docs[1]["error"]["line"].is_number() && docs[4]["id"].is_null());
    assert_valid(&validator, &docs);
    // A file that cannot be read gives an error record without `line`.
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.txt");
    let ok = fixture("seed-xi-putin.txt");
    let out = newslens(&[missing.to_str().unwrap(), ok.to_str().unwrap()])
        .assert()
        .code(1);
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs[0]["error"]["kind"], "unreadable");
    assert_valid(&validator, &docs);
}

/// A way to break a valid document.
type Break = fn(&mut Value);

#[test]
fn broken_documents_are_invalid() {
    let (_, validator) = validator(&[]);
    let good = seed_output(&[]).remove(0);
    assert!(validator.is_valid(&good));
    let broken: [(&str, Break); 7] = [
        ("entities a string", |d| d["entities"] = json!("none")),
        ("schema_version 2", |d| d["schema_version"] = json!(2)),
        ("an unknown field", |d| d["extra"] = json!(1)),
        ("no stats", |d| {
            d.as_object_mut().unwrap().remove("stats");
        }),
        ("an unknown entity type", |d| {
            d["entities"][0]["type"] = json!("THING")
        }),
        ("a null value", |d| d["entities"][0]["value"] = json!(null)),
        ("a negative offset", |d| {
            d["entities"][0]["mentions"][0]["start"] = json!(-1)
        }),
    ];
    for (what, breaks) in broken {
        let mut doc = good.clone();
        breaks(&mut doc);
        assert!(!validator.is_valid(&doc), "{what} passed");
    }
    let bad_error = json!({"id": null, "error": {"kind": "oops", "message": "m"}});
    assert!(!validator.is_valid(&bad_error));
}

#[test]
fn the_token_view_is_valid_against_its_own_schema() {
    let (_, tokens) = validator(&["--tokens"]);
    let seed = fixture("seed-xi-putin.txt");
    let out = newslens(&["--tokens", seed.to_str().unwrap()])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert!(lines.len() > 10);
    assert_valid(&tokens, &lines);
    let (_, documents) = validator(&[]);
    assert!(
        !documents.is_valid(&lines[0]),
        "a token line is not a document"
    );
}

#[test]
fn the_text_of_an_html_page_is_an_optional_string_and_valid() {
    let (schema, validator) = validator(&[]);
    let document = &schema["$defs"]["DocumentOut"];
    assert_eq!(document["properties"]["text"]["type"], "string");
    assert!(
        !document["required"]
            .as_array()
            .unwrap()
            .contains(&json!("text")),
        "only HTML input has it"
    );
    let page = "<!DOCTYPE html><title>Talks Resume</title><nav>Home</nav>\
        <article><p>Officials met in Paris yesterday. &ldquo;We will act,&rdquo; Smith said.</p>\
        </article>";
    let out = newslens(&["--compact", "-q"])
        .write_stdin(page)
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert!(docs[0]["text"].is_string());
    assert_valid(&validator, &docs);
    let mut broken = docs[0].clone();
    broken["text"] = json!(null);
    assert!(!validator.is_valid(&broken), "a null text is not valid");
}

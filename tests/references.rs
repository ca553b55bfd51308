//! Entity ids and the links to them: every entity has an id ("e1", ...) in output order, quote
//! speakers and commitment actors and speakers point at them, and the ids are the same whether
//! or not the entities section is printed.

use serde_json::Value;

use crate::util::stdout_json;

const ARTICLE: &str = "Nordvik Bank plans new branches\n\n\
Maria Lund, chief executive of Nordvik Bank, said on Monday that the bank will open three \
branches next year. \"We will hire two hundred staff,\" Ms Lund said.\n\n\
The bank said it expected demand to grow.\n";

fn run(args: &[&str]) -> Value {
    stdout_json(args, ARTICLE)
}

fn id_of<'a>(doc: &'a Value, name: &str) -> &'a str {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .and_then(|e| e["id"].as_str())
        .unwrap_or_else(|| panic!("no entity {name}"))
}

#[test]
fn entities_have_ids_in_output_order() {
    let doc = run(&[]);
    let ids: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let want: Vec<String> = (1..=ids.len()).map(|i| format!("e{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn quote_speakers_point_at_entities() {
    let doc = run(&[]);
    let lund = id_of(&doc, "Maria Lund");
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(q.get("speaker_entity").is_some(), "{q}");
        if q["speaker"] == "Maria Lund" {
            assert_eq!(q["speaker_entity"], lund, "{q}");
        }
    }
    let direct = quotes.iter().find(|q| q["kind"] == "direct").unwrap();
    assert_eq!(direct["speaker"], "Maria Lund");
    assert_eq!(direct["speaker_entity"], lund);
}

#[test]
fn commitment_actors_and_speakers_point_at_entities() {
    let doc = run(&[]);
    let lund = id_of(&doc, "Maria Lund");
    let firm = id_of(&doc, "Nordvik Bank");
    let commitments = doc["commitments"].as_array().unwrap();
    let hire = commitments
        .iter()
        .find(|c| c["action"].as_str().unwrap_or("").contains("hire"))
        .expect("the hiring pledge");
    // "We" in the chief executive's quote is her company.
    assert_eq!(hire["actor"]["entity"], firm, "{hire}");
    assert_eq!(hire["speaker_entity"], lund, "{hire}");
    // "the bank" is the bank the article named.
    let open = commitments
        .iter()
        .find(|c| c["action"].as_str().unwrap_or("").contains("open"))
        .expect("the branch plan");
    assert_eq!(open["actor"]["entity"], firm, "{open}");
    for c in commitments {
        assert!(c["actor"].is_null() || c["actor"].get("entity").is_some());
        assert!(c.get("speaker_entity").is_some());
    }
}

#[test]
fn ids_are_the_same_without_the_entities_section() {
    let full = run(&[]);
    let only = run(&["--only", "quotes,commitments"]);
    assert!(only.get("entities").is_none());
    for section in ["quotes", "commitments"] {
        assert_eq!(full[section], only[section], "{section}");
    }
}

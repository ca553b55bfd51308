//! The acceptance article: a report on a Xi Jinping / Vladimir Putin state visit and joint
//! statement. Each assertion is what a careful reader of the article would state; the counts
//! were made by hand from `fixtures/seed-xi-putin.txt`.

use std::sync::LazyLock;

use serde_json::Value;

use crate::util::{check_spans, fixture, stdout_ok};

static TEXT: LazyLock<String> =
    LazyLock::new(|| std::fs::read_to_string(fixture("seed-xi-putin.txt")).unwrap());

static OUT: LazyLock<Value> = LazyLock::new(|| {
    let out = stdout_ok(&[fixture("seed-xi-putin.txt").to_str().unwrap()]);
    serde_json::from_slice(&out).unwrap()
});

fn entity(name: &str) -> &'static Value {
    OUT["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity named {name:?}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

#[test]
fn spans_point_into_the_text() {
    assert!(check_spans(&TEXT, &OUT) > 30);
}

#[test]
fn headline_and_stats() {
    assert_eq!(
        OUT["title"],
        "Xi Jinping and Putin Sign Joint Statement; China-Russia Partnership Marks 75th Anniversary of Diplomatic Ties Between Two Nations"
    );
    // The headline plus nine paragraphs; the headline plus sixteen body sentences.
    assert_eq!(OUT["stats"]["paragraphs"], 10);
    assert_eq!(OUT["stats"]["sentences"], 17);
}

#[test]
fn the_two_leaders_with_all_their_mentions() {
    let xi = entity("Xi Jinping");
    assert_eq!(xi["type"], "PERSON");
    assert_eq!(strings(&xi["aliases"]), ["Xi"]);
    assert!(
        strings(&xi["roles"]).contains(&"President"),
        "{}",
        xi["roles"]
    );
    // Twice as "Xi Jinping" (headline, third paragraph), six times as "Xi".
    assert_eq!(xi["count"], 8);
    let putin = entity("Vladimir Putin");
    assert_eq!(putin["type"], "PERSON");
    assert_eq!(strings(&putin["aliases"]), ["Putin"]);
    // Once as "Vladimir Putin", twelve times as "Putin" (five of them "Putin’s").
    assert_eq!(putin["count"], 13);
    for mention in putin["mentions"].as_array().unwrap() {
        assert!(["Putin", "Vladimir Putin"].contains(&mention["text"].as_str().unwrap()));
    }
}

#[test]
fn places_organisations_and_groups() {
    for name in [
        "China", "Russia", "Beijing", "Harbin", "Ukraine", "Gaza", "Moscow",
    ] {
        assert_eq!(entity(name)["type"], "GPE", "{name}");
    }
    assert_eq!(entity("Xinhua")["type"], "ORG");
    let hit = entity("Harbin Institute of Technology");
    assert_eq!(hit["type"], "ORG");
    assert_eq!(hit["count"], 1);
    // "Harbin" the city is named once ("Putin’s trip to Harbin"); the institute is not a city.
    assert_eq!(entity("Harbin")["count"], 1);
    for name in ["Russian", "Western"] {
        assert_eq!(entity(name)["type"], "NORP", "{name}");
    }
}

#[test]
fn no_junk_from_sentence_initial_capitals() {
    for e in OUT["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let text = m["text"].as_str().unwrap();
            for junk in [
                "The",
                "Overall",
                "Additionally",
                "Discussions",
                "The discussions",
            ] {
                assert_ne!(text, junk, "junk entity {e}");
            }
        }
    }
}

fn topic_rank(pred: impl Fn(&Value) -> bool) -> Option<usize> {
    OUT["topics"].as_array().unwrap().iter().position(pred)
}

#[test]
fn topics() {
    let label = |t: &Value| t["label"].as_str().unwrap().to_lowercase();
    let diplomacy = topic_rank(|t| {
        t["id"] == "medtop:11000000"
            || label(t).contains("diplomacy")
            || label(t).contains("international relations")
    });
    assert!(
        diplomacy.is_some_and(|r| r <= 1),
        "diplomacy first or near first: {}",
        OUT["topics"]
    );
    for (what, id) in [
        ("conflict", "medtop:16000000"),
        ("economy", "medtop:04000000"),
    ] {
        assert!(
            topic_rank(|t| t["id"] == id).is_some(),
            "{what} present: {}",
            OUT["topics"]
        );
    }
    assert!(
        topic_rank(|t| label(t).contains("energy")).is_some(),
        "energy present: {}",
        OUT["topics"]
    );
    assert!(
        topic_rank(|t| t["id"] == "medtop:13000000" || t["id"] == "medtop:05000000").is_some(),
        "science or education present: {}",
        OUT["topics"]
    );
}

fn commitments() -> &'static Vec<Value> {
    OUT["commitments"].as_array().unwrap()
}

#[test]
fn china_is_prepared_to_work_with_russia() {
    let c = commitments()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("prepared to work with Russia")
        })
        .unwrap_or_else(|| panic!("commitment missing: {}", OUT["commitments"]));
    assert_eq!(c["kind"], "intent");
    assert_eq!(c["actor"]["name"], "China");
    assert_eq!(c["actor"]["type"], "GPE");
    assert_eq!(c["speaker"], "Xi Jinping");
    assert_eq!(c["negated"], false);
}

#[test]
fn both_leaders_reaffirm_their_commitment() {
    let c = commitments()
        .iter()
        .find(|c| c["kind"] == "reaffirmation")
        .unwrap_or_else(|| panic!("reaffirmation missing: {}", OUT["commitments"]));
    assert!(
        c["text"]
            .as_str()
            .unwrap()
            .contains("mutual support and cooperation"),
        "{c}"
    );
    assert_eq!(c["actor"]["type"], "GROUP");
    let members = strings(&c["actor"]["members"]);
    assert!(
        members.contains(&"Xi Jinping") && members.contains(&"Vladimir Putin"),
        "{c}"
    );
}

#[test]
fn the_joint_statement_is_an_agreement() {
    let c = commitments()
        .iter()
        .find(|c| c["kind"] == "agreement")
        .unwrap_or_else(|| panic!("agreement missing: {}", OUT["commitments"]));
    assert!(
        c["text"]
            .as_str()
            .unwrap()
            .contains("deepen their comprehensive strategic partnership"),
        "{c}"
    );
}

#[test]
fn pressure_on_china_is_not_a_commitment() {
    let sentence = TEXT
        .find("Additionally, there was growing pressure")
        .unwrap();
    let sentence_chars = TEXT[..sentence].chars().count();
    for c in commitments() {
        let start = c["start"].as_u64().unwrap() as usize;
        assert!(
            !(sentence_chars..sentence_chars + 180).contains(&start),
            "a demand on China is not China's commitment: {c}"
        );
    }
}

#[test]
fn xi_stated_is_reported_speech() {
    let q = OUT["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("China is prepared to work with Russia")
        })
        .unwrap_or_else(|| panic!("quote missing: {}", OUT["quotes"]));
    assert_eq!(q["kind"], "reported");
    assert_eq!(q["speaker"], "Xi Jinping");
    assert_eq!(q["verb"], "stated");
}

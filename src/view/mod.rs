//! Views for people: the terminal report of `--format text` ([`text`]) and the self-contained
//! HTML page of `--format html` ([`html`]).
//!
//! Both render a [`DocumentOut`], the very struct the JSON output serialises, so a view can
//! never say something the JSON does not: same entities, same order, same offsets (code points,
//! converted back to bytes here by [`OffsetMap::byte_offset`]). Sections left out with `--only`
//! are `None` there and absent from the views too.
//!
//! ```
//! use newslens::{analyze, output, view, Sections};
//!
//! let text = "Orrin Vale said the city will open the bridge by May.";
//! let analysis = analyze(text, &Sections::all());
//! let wire = output::document(Some("a.txt"), &analysis, &Sections::all(), &[], false);
//! let report = view::text::document(&wire, None, &view::text::TextOptions::plain());
//! assert!(report.contains("PERSON"));
//! let page = view::html::page(&wire, text);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! ```

use crate::output::{CommitmentOut, DocumentOut, EntityOut, OffsetMap, ValueOut};

pub mod html;
pub mod text;

/// Topics shown by the views; the JSON has them all, and past the fifth they are rarely
/// what a reader is after.
pub const TOP_TOPICS: usize = 5;

/// Key phrases shown by the views, for the same reason.
pub const TOP_KEYPHRASES: usize = 10;

/// The entities of a document grouped by type: the groups in the order their most salient
/// entity comes in the entities section, the entities of a group in that order too.
pub fn entity_groups<'d, 'a>(
    entities: &'d [EntityOut<'a>],
) -> Vec<(&'static str, Vec<&'d EntityOut<'a>>)> {
    let mut groups: Vec<(&'static str, Vec<&EntityOut>)> = Vec::new();
    for entity in entities {
        match groups.iter_mut().find(|(label, _)| *label == entity.label) {
            Some((_, members)) => members.push(entity),
            None => groups.push((entity.label, vec![entity])),
        }
    }
    groups
}

/// The parts of a commitment's line, for a view to style each its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Actor,
    /// " — " and the spaces around a parenthesis or bracket.
    Separator,
    Kind,
    Action,
    /// `(deadline; condition)`.
    When,
    /// `[speaker]`.
    Speaker,
}

/// A commitment in one line, `ACTOR — kind — action (deadline; condition) [speaker]`, cut
/// into its parts. The parenthesis and the brackets are left out when the article gives no
/// deadline, condition or speaker; a negated commitment that is not a refusal reads
/// `kind, negated`; with no actor found, ACTOR is "(no actor)".
pub fn commitment_parts(c: &CommitmentOut) -> Vec<(Part, String)> {
    let mut parts = vec![
        (Part::Actor, commitment_actor(c).to_string()),
        (Part::Separator, " — ".to_string()),
        (Part::Kind, commitment_kind(c)),
        (Part::Separator, " — ".to_string()),
        (Part::Action, c.action.to_string()),
    ];
    if let Some(when) = commitment_when(c) {
        parts.push((Part::Separator, " ".to_string()));
        parts.push((Part::When, format!("({when})")));
    }
    if let Some(speaker) = c.speaker {
        parts.push((Part::Separator, " ".to_string()));
        parts.push((Part::Speaker, format!("[{speaker}]")));
    }
    parts
}

/// A commitment in one line: its [`commitment_parts`] run together.
pub fn commitment_line(c: &CommitmentOut) -> String {
    commitment_parts(c).into_iter().map(|(_, s)| s).collect()
}

/// Who is committed: the actor's name, or "(no actor)" when none was found.
pub fn commitment_actor<'a>(c: &CommitmentOut<'a>) -> &'a str {
    c.actor.as_ref().map_or("(no actor)", |a| a.name)
}

/// A commitment's deadline and condition, "by May; if funded", when it states either.
pub fn commitment_when(c: &CommitmentOut) -> Option<String> {
    let when: Vec<&str> = [c.deadline, c.condition].into_iter().flatten().collect();
    (!when.is_empty()).then(|| when.join("; "))
}

/// The kind of a commitment as the views print it.
pub fn commitment_kind(c: &CommitmentOut) -> String {
    if c.negated && c.kind != "refusal" {
        format!("{}, negated", c.kind)
    } else {
        c.kind.to_string()
    }
}

/// An entity's normalised value in a few words ("date 2021-03-02", "amount 4500000 currency
/// USD"), from the fields the JSON prints, in their order.
pub fn value_words(value: &ValueOut) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(value) else {
        return String::new();
    };
    fields
        .iter()
        .map(|(key, v)| match v {
            serde_json::Value::String(s) => format!("{key} {s}"),
            other => format!("{key} {other}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A span of the wire (code points, `end` exclusive) as a byte range of `text`; `None` when it
/// does not fit the text, which a [`DocumentOut`] built from `text` never gives.
pub fn byte_range(
    map: &OffsetMap,
    text: &str,
    start: usize,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    let start = map.byte_offset(text, start)?;
    let end = map.byte_offset(text, end)?;
    (start <= end).then_some(start..end)
}

/// A document's stats in words: "413 words, 17 sentences, 10 paragraphs".
pub fn stats_line(doc: &DocumentOut) -> String {
    let s = &doc.stats;
    format!(
        "{}, {}, {}",
        plural(s.words, "word", "words"),
        plural(s.sentences, "sentence", "sentences"),
        plural(s.paragraphs, "paragraph", "paragraphs")
    )
}

/// "1 mention", "3 mentions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::ActorOut;

    fn commitment<'a>(
        actor: Option<&'a str>,
        kind: &'static str,
        negated: bool,
        deadline: Option<&'a str>,
        condition: Option<&'a str>,
        speaker: Option<&'a str>,
    ) -> CommitmentOut<'a> {
        CommitmentOut {
            text: "",
            start: 0,
            end: 0,
            sentence: 0,
            trigger: "will",
            kind,
            actor: actor.map(|name| ActorOut {
                name,
                label: None,
                members: &[],
                entity: None,
            }),
            speaker,
            speaker_entity: None,
            action: "open the bridge",
            negated,
            condition,
            deadline,
            rule: "plain",
        }
    }

    #[test]
    fn commitment_lines() {
        #[rustfmt::skip]
        let cases = [
            // (actor, kind, negated, deadline, condition, speaker, line)
            (Some("The city"), "pledge", false, Some("by May"), None, Some("Orrin Vale"),
             "The city — pledge — open the bridge (by May) [Orrin Vale]"),
            (Some("The city"), "intent", false, None, None, None,
             "The city — intent — open the bridge"),
            (None, "pledge", true, Some("by May"), Some("if funded"), None,
             "(no actor) — pledge, negated — open the bridge (by May; if funded)"),
            (Some("Labour"), "refusal", true, None, None, Some("Ann Lee"),
             "Labour — refusal — open the bridge [Ann Lee]"),
        ];
        for (actor, kind, negated, deadline, condition, speaker, line) in cases {
            let c = commitment(actor, kind, negated, deadline, condition, speaker);
            assert_eq!(commitment_line(&c), line);
        }
    }

    #[test]
    fn byte_ranges_invert_code_points() {
        let text = "Zürich’s mayor";
        let map = OffsetMap::new(text);
        assert_eq!(byte_range(&map, text, 0, 6), Some(0..7));
        assert_eq!(&text[byte_range(&map, text, 9, 14).unwrap()], "mayor");
        assert_eq!(byte_range(&map, text, 14, 15), None);
        let ascii = OffsetMap::new("abc");
        assert_eq!(byte_range(&ascii, "abc", 1, 3), Some(1..3));
        assert_eq!(byte_range(&ascii, "abc", 2, 1), None);
        assert_eq!(byte_range(&ascii, "abc", 2, 4), None);
    }

    #[test]
    fn values_in_words() {
        let v = ValueOut {
            date: Some("2021-03-02"),
            relative: true,
            ..ValueOut::default()
        };
        assert_eq!(value_words(&v), "date 2021-03-02, relative true");
    }
}

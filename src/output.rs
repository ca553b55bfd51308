//! The JSON wire format, schema version 1. The README documents every field; the structs here
//! are the single source of their names and order.
//!
//! This is the one place where byte offsets become Unicode code point offsets.

use serde::Serialize;

use crate::Analysis;
use crate::Sections;
use crate::doc::Span;
use crate::extract::entities::Value;
use crate::extract::entities::values::TimeValue;

pub const SCHEMA_VERSION: u32 = 1;

/// Converts byte offsets into code point offsets for one text.
pub struct OffsetMap {
    /// Byte offset of every char, for non-ASCII text; `None` when bytes and chars coincide.
    char_starts: Option<Vec<usize>>,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let char_starts = (!text.is_ascii()).then(|| text.char_indices().map(|(b, _)| b).collect());
        OffsetMap { char_starts }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.char_starts {
            None => byte,
            Some(starts) => starts.partition_point(|&b| b < byte),
        }
    }
}

#[derive(Serialize)]
pub struct DocumentOut<'a> {
    pub schema_version: u32,
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub stats: Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<TopicOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyphrases: Option<Vec<KeyphraseOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitments: Option<Vec<CommitmentOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteOut<'a>>>,
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct Stats {
    pub chars: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

#[derive(Serialize)]
pub struct EntityOut<'a> {
    /// "e1", "e2", ...: the entity's place in the entities section, the same in every mode.
    pub id: String,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub label: &'static str,
    pub aliases: &'a [String],
    pub roles: &'a [String],
    pub count: usize,
    pub salience: f64,
    /// Absent where the entity is not numeric or the text determines no value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueOut<'a>>,
    pub mentions: Vec<MentionOut<'a>>,
}

/// A number in JSON: a whole number within 2^53 prints as an integer (4500000000, not
/// 4500000000.0), anything else as a decimal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// Every whole number up to 2^53 is exact in an f64.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if self.0.fract() == 0.0 && self.0.abs() <= EXACT {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// An entity's normalised `value`; which fields are present depends on the type (README,
/// "Values"). Fields print in this order.
#[derive(Serialize, Debug, Default, PartialEq)]
pub struct ValueOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<Num>,
}

impl<'a> From<&'a Value> for ValueOut<'a> {
    fn from(v: &'a Value) -> ValueOut<'a> {
        match v {
            Value::Date(d) => ValueOut {
                date: d.date.as_deref(),
                duration: d.duration.as_deref(),
                season: d.season,
                relative: d.relative,
                weekday: d.weekday,
                offset: d.offset,
                period: d.period,
                ..ValueOut::default()
            },
            Value::Time(TimeValue::Clock(t)) => ValueOut {
                time: Some(t),
                ..ValueOut::default()
            },
            Value::Time(TimeValue::Duration(d)) => ValueOut {
                duration: Some(d),
                ..ValueOut::default()
            },
            Value::Money { amount, currency } => ValueOut {
                amount: Some(Num(*amount)),
                currency: *currency,
                ..ValueOut::default()
            },
            Value::Percent(p) => ValueOut {
                percent: Some(Num(*p)),
                ..ValueOut::default()
            },
            Value::Quantity { amount, unit } => ValueOut {
                amount: Some(Num(*amount)),
                unit: Some(unit),
                ..ValueOut::default()
            },
            Value::Number(n) => ValueOut {
                number: Some(Num(*n)),
                ..ValueOut::default()
            },
        }
    }
}

#[derive(Serialize)]
pub struct MentionOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// With `--explain`: the rule that found the mention (README, "Rule ids").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    /// With `--explain`, where another mention decided the type: the rule that did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<&'static str>,
}

#[derive(Serialize)]
pub struct TopicOut<'a> {
    pub id: &'static str,
    pub label: &'static str,
    pub score: f64,
    pub evidence: &'a [String],
}

#[derive(Serialize)]
pub struct KeyphraseOut<'a> {
    pub text: &'a str,
    pub score: f64,
    pub count: usize,
}

#[derive(Serialize)]
pub struct ActorOut<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub label: Option<&'a str>,
    pub members: &'a [String],
    /// The id of the entity the actor is.
    pub entity: Option<String>,
}

#[derive(Serialize)]
pub struct CommitmentOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub trigger: &'a str,
    pub kind: &'static str,
    pub actor: Option<ActorOut<'a>>,
    pub speaker: Option<&'a str>,
    /// The id of the entity the speaker is.
    pub speaker_entity: Option<String>,
    pub action: &'a str,
    pub negated: bool,
    pub condition: Option<&'a str>,
    pub deadline: Option<&'a str>,
    pub rule: &'static str,
}

#[derive(Serialize)]
pub struct QuoteOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub speaker: Option<&'a str>,
    /// The id of the entity the speaker is.
    pub speaker_entity: Option<String>,
    pub verb: Option<&'a str>,
    pub kind: &'static str,
}

/// The record printed in place of a document that could not be read.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    pub id: Option<&'a str>,
    pub error: ErrorOut<'a>,
}

#[derive(Serialize)]
pub struct ErrorOut<'a> {
    pub kind: &'a str,
    pub message: &'a str,
    /// The 1-based line of a JSON Lines input the error is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// The wire id of the entity at `index` of [`Analysis::entities`] (the order of the entities
/// section): "e1" for the first. Quotes and commitments hold such indices whether or not the
/// entities section is printed, so an id means the same entity in every mode.
pub fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

/// Scores are rounded so that output bytes do not hinge on the last bits of a float.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Checks every span the output will print (mentions, commitments, quotes, the title) against
/// the text: in order, inside it, on char boundaries. Run in release builds too, before
/// [`document`] slices the text: a span broken by a fault in an extractor becomes an error
/// record for that document instead of a crash of the whole batch.
pub fn check_spans(analysis: &Analysis) -> Result<(), String> {
    let text = &analysis.doc.text;
    let check = |what: &str, span: Span| {
        let ok = span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if ok {
            Ok(())
        } else {
            Err(format!(
                "{what} span {}..{} does not fit a text of {} bytes",
                span.start,
                span.end,
                text.len()
            ))
        }
    };
    if let Some(title) = analysis.doc.title {
        check("title", title)?;
    }
    for mention in analysis.entities.iter().flat_map(|e| &e.mentions) {
        check("entity mention", mention.span)?;
    }
    for commitment in &analysis.commitments {
        check("commitment", commitment.span)?;
    }
    for quote in &analysis.quotes {
        check("quote", quote.span)?;
    }
    Ok(())
}

/// Builds the wire form of one analysed document; `explain` adds each entity mention's rule.
pub fn document<'a>(
    id: Option<&'a str>,
    analysis: &'a Analysis,
    sections: &Sections,
    warnings: &'a [String],
    explain: bool,
) -> DocumentOut<'a> {
    let doc = &analysis.doc;
    let map = OffsetMap::new(&doc.text);
    let span_out = |span: Span| {
        (
            doc.slice(span),
            map.char_offset(span.start),
            map.char_offset(span.end),
        )
    };
    let entities = sections.entities.then(|| {
        analysis
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityOut {
                id: entity_id(i),
                name: &e.name,
                label: e.label.as_str(),
                aliases: &e.aliases,
                roles: &e.roles,
                count: e.mentions.len(),
                salience: round(e.salience),
                value: e.value.as_ref().map(ValueOut::from),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let (text, start, end) = span_out(m.span);
                        MentionOut {
                            text,
                            start,
                            end,
                            sentence: m.sentence,
                            rule: explain.then_some(&*m.rule),
                            decided_by: m.decided_by.filter(|_| explain),
                        }
                    })
                    .collect(),
            })
            .collect()
    });
    let topics = sections.topics.then(|| {
        analysis
            .topics
            .iter()
            .map(|t| TopicOut {
                id: t.id,
                label: t.label,
                score: round(t.score),
                evidence: &t.evidence,
            })
            .collect()
    });
    let keyphrases = sections.keyphrases.then(|| {
        analysis
            .keyphrases
            .iter()
            .map(|k| KeyphraseOut {
                text: &k.text,
                score: round(k.score),
                count: k.count,
            })
            .collect()
    });
    let commitments = sections.commitments.then(|| {
        analysis
            .commitments
            .iter()
            .map(|c| {
                let (text, start, end) = span_out(c.span);
                CommitmentOut {
                    text,
                    start,
                    end,
                    sentence: c.sentence,
                    trigger: &c.trigger,
                    kind: c.kind.as_str(),
                    actor: c.actor.as_ref().map(|a| ActorOut {
                        name: &a.name,
                        label: a.label.as_deref(),
                        members: &a.members,
                        entity: a.entity.map(entity_id),
                    }),
                    speaker: c.speaker.as_deref(),
                    speaker_entity: c.speaker_entity.map(entity_id),
                    action: &c.action,
                    negated: c.negated,
                    condition: c.condition.as_deref(),
                    deadline: c.deadline.as_deref(),
                    rule: c.rule,
                }
            })
            .collect()
    });
    let quotes = sections.quotes.then(|| {
        analysis
            .quotes
            .iter()
            .map(|q| {
                let (text, start, end) = span_out(q.span);
                QuoteOut {
                    text,
                    start,
                    end,
                    sentence: q.sentence,
                    speaker: q.speaker.as_deref(),
                    speaker_entity: q.speaker_entity.map(entity_id),
                    verb: q.cue.as_deref(),
                    kind: q.kind.as_str(),
                }
            })
            .collect()
    });
    DocumentOut {
        schema_version: SCHEMA_VERSION,
        id,
        title: doc.title.map(|t| doc.slice(t)),
        stats: Stats {
            chars: map.char_offset(doc.text.len()),
            words: doc.word_count(),
            sentences: doc.sentences.len(),
            paragraphs: doc.paragraphs.len(),
        },
        entities,
        topics,
        keyphrases,
        commitments,
        quotes,
        warnings,
    }
}

/// One sentence of the `--tokens` view.
#[derive(Serialize)]
pub struct SentenceTokensOut<'a> {
    pub id: Option<&'a str>,
    pub sentence: usize,
    pub paragraph: usize,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<TokenOut<'a>>,
    pub phrases: Vec<PhraseOut>,
    pub verbs: Vec<VerbGroupOut>,
}

/// A noun phrase of the `--tokens` view: token indices within the sentence, `end` exclusive.
#[derive(Serialize)]
pub struct PhraseOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

/// A verb group of the `--tokens` view (see [`crate::analysis::clauses::VerbGroup`]); token
/// indices within the sentence.
#[derive(Serialize)]
pub struct VerbGroupOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    pub form: &'static str,
    pub tense: &'static str,
    pub modal: Option<usize>,
    pub negated: bool,
    pub passive: bool,
    pub perfect: bool,
    pub progressive: bool,
    pub subject: Option<SubjectOut>,
    pub object: Option<PhraseOut>,
    /// The main verb of the clause this verb takes ("said" → the verb of its "that" clause).
    pub complement: Option<usize>,
    pub embedded_by: Option<EmbedderOut>,
    pub relative: bool,
    pub conditional: bool,
    pub question: bool,
}

#[derive(Serialize)]
pub struct SubjectOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    /// "own", "inverted", "relative", "shared" or "controlled".
    pub how: &'static str,
    /// For a relative pronoun: the head of the phrase it stands for.
    pub antecedent: Option<usize>,
}

#[derive(Serialize)]
pub struct EmbedderOut {
    /// The token that embeds the clause: a verb group's main verb, a noun or an adjective.
    pub token: usize,
    /// "verb" or "word".
    pub kind: &'static str,
    /// "that", "zero" or "to".
    pub link: Option<&'static str>,
}

#[derive(Serialize)]
pub struct TokenOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub lower: &'a str,
    pub lemma: &'a str,
    pub tag: &'static str,
    pub upos: &'static str,
    pub classes: Vec<&'static str>,
}

/// The `--tokens` view of a document: one JSON line per sentence with its tokens and what the
/// analysis layer says of each. Offsets are code points, as everywhere in the output.
pub fn token_lines(
    id: Option<&str>,
    doc: &crate::doc::Document,
    entity_options: &crate::EntityOptions,
) -> Result<Vec<u8>, String> {
    let entities = crate::extract::entities::extract_with(doc, entity_options);
    let layer =
        crate::analysis::Layer::with_names(doc, &crate::extract::entities::name_spans(&entities));
    let tokens = &layer.tokens;
    let map = OffsetMap::new(&doc.text);
    let mut out = Vec::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let wire = SentenceTokensOut {
            id,
            sentence: i,
            paragraph: sentence.paragraph,
            text: doc.slice(sentence.span),
            start: map.char_offset(sentence.span.start),
            end: map.char_offset(sentence.span.end),
            tokens: sentence
                .tokens
                .clone()
                .map(|t| {
                    let span = tokens.span(t);
                    TokenOut {
                        text: doc.slice(span),
                        start: map.char_offset(span.start),
                        end: map.char_offset(span.end),
                        lower: tokens.lower(t),
                        lemma: tokens.lemma(t),
                        tag: tokens.tag(t).as_str(),
                        upos: tokens.upos(t).as_str(),
                        classes: tokens.classes(t).names().collect(),
                    }
                })
                .collect(),
            phrases: phrases_in(&layer, sentence.tokens.clone()),
            verbs: verbs_in(&layer, sentence.tokens.clone()),
        };
        serde_json::to_writer(&mut out, &wire).map_err(|e| format!("cannot serialise: {e}"))?;
        out.push(b'\n');
    }
    Ok(out)
}

fn phrases_in(layer: &crate::analysis::Layer, range: std::ops::Range<usize>) -> Vec<PhraseOut> {
    let base = range.start;
    // Phrases are in text order: the sentence's are one run, found by binary search.
    let phrases = &layer.clauses.phrases;
    let from = phrases.partition_point(|p| p.start < range.start);
    let to = phrases.partition_point(|p| p.start < range.end);
    phrases[from..to]
        .iter()
        .map(|p| PhraseOut {
            start: p.start - base,
            end: p.end - base,
            head: p.head - base,
        })
        .collect()
}

fn verbs_in(layer: &crate::analysis::Layer, range: std::ops::Range<usize>) -> Vec<VerbGroupOut> {
    use crate::analysis::clauses::{Embedder, Form, Link, SubjectHow, Tense};
    let base = range.start;
    let clauses = &layer.clauses;
    // Indices outside the sentence (none are expected) are clamped to it.
    let rel = |i: usize| i.clamp(base, range.end.saturating_sub(1).max(base)) - base;
    let phrase = |p: crate::analysis::clauses::Phrase| PhraseOut {
        start: rel(p.start),
        end: rel(p.end.saturating_sub(1)) + 1,
        head: rel(p.head),
    };
    // Verb groups are in text order too.
    let from = clauses.groups.partition_point(|g| g.head < range.start);
    let to = clauses.groups.partition_point(|g| g.head < range.end);
    clauses.groups[from..to]
        .iter()
        .map(|g| VerbGroupOut {
            start: rel(g.start),
            end: rel(g.end.saturating_sub(1)) + 1,
            head: rel(g.head),
            form: match g.form {
                Form::Finite => "finite",
                Form::Infinitive => "infinitive",
                Form::Gerund => "gerund",
                Form::Participle => "participle",
            },
            tense: match g.tense {
                Tense::Present => "present",
                Tense::Past => "past",
                Tense::Future => "future",
                Tense::Modal => "modal",
                Tense::None => "none",
            },
            modal: g.modal.map(rel),
            negated: g.negated,
            passive: g.passive,
            perfect: g.perfect,
            progressive: g.progressive,
            subject: g.subject.map(|s| {
                let p = phrase(s.phrase);
                SubjectOut {
                    start: p.start,
                    end: p.end,
                    head: p.head,
                    how: match s.how {
                        SubjectHow::Own => "own",
                        SubjectHow::Inverted => "inverted",
                        SubjectHow::Relative => "relative",
                        SubjectHow::Shared => "shared",
                        SubjectHow::Controlled => "controlled",
                    },
                    antecedent: g.antecedent.map(|a| rel(a.head)),
                }
            }),
            object: g.object.map(phrase),
            complement: g.complement.map(|c| rel(clauses.groups[c].head)),
            embedded_by: g.embedded_by.map(|e| {
                let (token, kind) = match e {
                    Embedder::Verb(up) => (clauses.groups[up].head, "verb"),
                    Embedder::Word(w) => (w, "word"),
                };
                EmbedderOut {
                    token: rel(token),
                    kind,
                    link: g.link.map(|l| match l {
                        Link::That => "that",
                        Link::Zero => "zero",
                        Link::To => "to",
                    }),
                }
            }),
            relative: g.relative,
            conditional: g.conditional,
            question: g.question,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_code_points() {
        let text = "China’s Xi — 习近平 met 🙂 Putin";
        let map = OffsetMap::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(b), ci);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
        assert_eq!(OffsetMap::new("ascii").char_offset(3), 3);
    }

    #[test]
    fn a_broken_span_is_reported_not_sliced() {
        let mut analysis = crate::analyze("Anna Berg met Tom Reyes.", &Sections::all());
        assert_eq!(check_spans(&analysis), Ok(()));
        let mention = &mut analysis.entities[0].mentions[0];
        mention.span = Span {
            start: mention.span.end,
            end: mention.span.start,
        };
        let err = check_spans(&analysis).unwrap_err();
        assert!(err.starts_with("entity mention span"), "{err}");
    }

    #[test]
    fn the_token_view_has_a_line_per_sentence_with_tags_and_lemmas() {
        let doc = crate::doc::Document::new("The minister pledged to act. Talks resumed.");
        let out = token_lines(Some("t"), &doc, &crate::EntityOptions::default()).unwrap();
        let lines: Vec<serde_json::Value> = std::str::from_utf8(&out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["text"], "Talks resumed.");
        assert_eq!(lines[1]["start"], 29);
        let pledged = &lines[0]["tokens"][2];
        assert_eq!(
            (
                &pledged["text"],
                &pledged["lemma"],
                &pledged["tag"],
                &pledged["upos"]
            ),
            (
                &serde_json::json!("pledged"),
                &serde_json::json!("pledge"),
                &serde_json::json!("VBD"),
                &serde_json::json!("VERB")
            )
        );
        assert_eq!(lines[0]["tokens"][0]["lower"], "the");
    }

    #[test]
    fn unselected_sections_are_absent() {
        let analysis = crate::analyze("Plain text.", &Sections::all());
        let mut only = Sections::none();
        only.enable("topics");
        let json = serde_json::to_value(document(Some("x"), &analysis, &only, &[], false)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "schema_version",
                "stats",
                "title",
                "topics",
                "warnings"
            ]
        );
    }
}

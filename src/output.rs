//! The JSON wire format, schema version 1. The README documents every field; the structs here
//! are the single source of their names and order.
//!
//! This is the one place where byte offsets become Unicode code point offsets.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use crate::Analysis;
use crate::Sections;
use crate::analysis::clauses::{Form, Link, SubjectHow, Tense};
use crate::doc::Span;
use crate::extract::commitments::CommitmentKind;
use crate::extract::entities::values::TimeValue;
use crate::extract::entities::{EntityType, Value};
use crate::extract::quotes::QuoteKind;
use crate::reader::ReadError;

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

    /// The byte offset of code point offset `char` in `text`, the text this map was built for
    /// (the inverse of [`OffsetMap::char_offset`]); `None` past the end of the text.
    pub fn byte_offset(&self, text: &str, char: usize) -> Option<usize> {
        match &self.char_starts {
            None => (char <= text.len()).then_some(char),
            Some(starts) => starts
                .get(char)
                .copied()
                .or((char == starts.len()).then_some(text.len())),
        }
    }
}

/// The analysis of one document. Sections not chosen with `--only` are absent.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentOut<'a> {
    /// Always 1; changes only when a field's meaning changes.
    #[schemars(schema_with = "schema_version")]
    pub schema_version: u32,
    /// The path as given, "-" for stdin, or the JSON Lines record's id (null when it has none).
    pub id: Option<&'a str>,
    /// The headline, when the first line is one.
    pub title: Option<&'a str>,
    /// Counts over the whole text.
    pub stats: Stats,
    /// One object per distinct entity, by salience, highest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<EntityOut<'a>>")]
    pub entities: Option<Vec<EntityOut<'a>>>,
    /// IPTC Media Topics, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<TopicOut<'a>>")]
    pub topics: Option<Vec<TopicOut<'a>>>,
    /// Key phrases, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<KeyphraseOut<'a>>")]
    pub keyphrases: Option<Vec<KeyphraseOut<'a>>>,
    /// Stated commitments, in text order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<CommitmentOut<'a>>")]
    pub commitments: Option<Vec<CommitmentOut<'a>>>,
    /// Quotes and reported speech, in text order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<QuoteOut<'a>>")]
    pub quotes: Option<Vec<QuoteOut<'a>>>,
    /// What the reader had to work around, and signs the input is not an English article.
    pub warnings: &'a [String],
    /// Only for an HTML page: the text extracted from it, which was analysed and which every
    /// offset of this document points into (code points, as everywhere).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub text: Option<&'a str>,
}

/// Counts over the whole text.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Stats {
    /// Length of the text in code points.
    pub chars: usize,
    /// Word and number tokens.
    pub words: usize,
    /// Sentences (the headline is one).
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// One distinct entity and its mentions.
pub struct EntityOut<'a> {
    /// "e1", "e2", ...: the entity's place in the entities section, the same in every mode.
    pub id: String,
    /// Canonical name: the longest form the article gives.
    pub name: &'a str,
    /// OntoNotes label.
    #[serde(rename = "type")]
    #[schemars(schema_with = "entity_type")]
    pub label: &'static str,
    /// The other forms it is mentioned by, sorted.
    pub aliases: &'a [String],
    /// Titles seen with a person, in order of first sighting.
    pub roles: &'a [String],
    /// Number of mentions.
    pub count: usize,
    /// 0..1: how central the entity is to the article.
    pub salience: f64,
    /// Absent where the entity is not numeric or the text determines no value.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ValueOut<'a>")]
    pub value: Option<ValueOut<'a>>,
    /// Every mention, in text order.
    pub mentions: Vec<MentionOut<'a>>,
}

/// A number in JSON: a whole number within 2^53 prints as an integer (4500000000, not
/// 4500000000.0), anything else as a decimal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Num".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An exact decimal: a whole number prints as an integer."
        })
    }
}

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
#[derive(Serialize, JsonSchema, Debug, Default, PartialEq)]
#[schemars(deny_unknown_fields)]
pub struct ValueOut<'a> {
    /// ISO 8601, as precise as the text: a day, month, year, ISO week, decade ("199X"), or
    /// "--MM-DD".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub date: Option<&'a str>,
    /// 24-hour "HH:MM".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub time: Option<&'a str>,
    /// ISO 8601 duration ("P3M", "PT20M").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub duration: Option<&'a str>,
    /// "spring", "summer", "autumn" or "winter".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub season: Option<&'a str>,
    /// True when the date depends on a reference date that is not known.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
    /// An unresolved weekday, in lower case.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub weekday: Option<&'a str>,
    /// An unresolved relative date: how many periods from the reference (-1 for "last").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "i64")]
    pub offset: Option<i64>,
    /// The unit of `offset`: "day", "week", "month" or "year".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub period: Option<&'a str>,
    /// Of money or a quantity.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Num")]
    pub amount: Option<Num>,
    /// ISO 4217 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub currency: Option<&'a str>,
    /// The unit of a quantity ("m", "km2", "kg", "bbl/d").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub unit: Option<&'a str>,
    /// A percentage (5.25 for 5.25%).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Num")]
    pub percent: Option<Num>,
    /// A cardinal or ordinal number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Num")]
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

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// One mention of an entity; offsets are code points, `end` exclusive.
pub struct MentionOut<'a> {
    /// The mention as written.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// 0-based index of the sentence it is in.
    pub sentence: usize,
    /// With `--explain`: the rule that found the mention (README, "Rule ids").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub rule: Option<&'a str>,
    /// With `--explain`, where another mention decided the type: the rule that did.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "str")]
    pub decided_by: Option<&'static str>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// An IPTC Media Topic the article is about.
pub struct TopicOut<'a> {
    /// IPTC Media Topic code, e.g. "medtop:11000000".
    pub id: &'static str,
    /// IPTC's English label.
    pub label: &'static str,
    /// The IPTC parent topic's code; null for a top-level topic.
    pub parent: Option<&'static str>,
    /// 0..1.
    pub score: f64,
    /// The terms in the text that fired the topic, most frequent first.
    pub evidence: &'a [String],
    /// Per term of `evidence` (same order), its occurrences in text order; offsets are code
    /// points, `end` exclusive.
    pub evidence_mentions: Vec<Vec<SpanOut>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// Where a finding occurs; offsets are code points, `end` exclusive.
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// A key phrase of the article.
pub struct KeyphraseOut<'a> {
    /// The phrase as it appears in the article.
    pub text: &'a str,
    /// 0..1, higher is more central.
    pub score: f64,
    /// Occurrences, case-insensitive, singular and plural together.
    pub count: usize,
    /// Those occurrences in text order; offsets are code points, `end` exclusive.
    pub mentions: Vec<SpanOut>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// Who is committed.
pub struct ActorOut<'a> {
    /// The actor as the article names it, in its fullest form.
    pub name: &'a str,
    /// The entity type when the actor is a recognised entity, "GROUP" for a plural group.
    #[serde(rename = "type")]
    #[schemars(schema_with = "actor_type")]
    pub label: Option<&'a str>,
    /// A group's members where the article names them.
    pub members: &'a [String],
    /// The id of the entity the actor is.
    pub entity: Option<String>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// What an actor bound itself, or declared itself ready, to do (or not to do).
pub struct CommitmentOut<'a> {
    /// The clause that states the commitment; offsets are code points, `end` exclusive.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// 0-based index of the sentence it is in.
    pub sentence: usize,
    /// The words that carry it ("pledged to", "will").
    pub trigger: &'a str,
    /// Pledge, agreement (parties bound together), intent, reaffirmation or refusal.
    #[schemars(schema_with = "commitment_kind")]
    pub kind: &'static str,
    /// Who is committed.
    pub actor: Option<ActorOut<'a>>,
    /// Who stated it, when the article attributes it.
    pub speaker: Option<&'a str>,
    /// The id of the entity the speaker is.
    pub speaker_entity: Option<String>,
    /// The committed action, a short verb phrase from the text.
    pub action: &'a str,
    /// True for refusals and negated commitments.
    pub negated: bool,
    /// A stated condition ("if elected").
    pub condition: Option<&'a str>,
    /// A stated time ("by 2010").
    pub deadline: Option<&'a str>,
    /// Which rule found it (README, "commitments[]").
    pub rule: &'static str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// A direct quote or reported speech.
pub struct QuoteOut<'a> {
    /// The content (inside the marks for a direct quote); offsets are code points.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// 0-based index of the sentence the content starts in.
    pub sentence: usize,
    /// Who said it, in the fullest form the article gives.
    pub speaker: Option<&'a str>,
    /// The id of the entity the speaker is.
    pub speaker_entity: Option<String>,
    /// The speech verb or phrase ("said", "according to").
    pub verb: Option<&'a str>,
    /// "direct" (inside quotation marks) or "reported".
    #[schemars(schema_with = "quote_kind")]
    pub kind: &'static str,
}

/// The record printed in place of a document that could not be read.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ErrorRecord<'a> {
    /// The path for files; the record's id when it could be read, else null.
    pub id: Option<&'a str>,
    /// What went wrong.
    pub error: ErrorOut<'a>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
/// What went wrong.
pub struct ErrorOut<'a> {
    /// Why the document could not be analysed (README, "Errors and exit status").
    #[schemars(schema_with = "error_kind")]
    pub kind: &'a str,
    /// What went wrong, for people.
    pub message: &'a str,
    /// The 1-based line of a JSON Lines input the error is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u64")]
    pub line: Option<u64>,
}

/// One line of the output: the analysis of a document, or the error record printed in its place.
#[derive(JsonSchema)]
#[schemars(untagged, rename = "newslens output, schema version 1")]
pub enum Line<'a> {
    Document(DocumentOut<'a>),
    Error(ErrorRecord<'a>),
}

/// The JSON Schema (draft 2020-12) of one document of the output (`newslens schema`).
pub fn schema() -> Schema {
    generator().into_root_schema_for::<Line<'static>>()
}

/// The JSON Schema of one line of the `--tokens` view (`newslens schema --tokens`).
pub fn tokens_schema() -> Schema {
    generator().into_root_schema_for::<SentenceTokensOut<'static>>()
}

/// A generator for what is serialised (not parsed): a field is required unless it has a
/// `skip_serializing_if`, so an `Option` printed as `null` is required and may be null.
fn generator() -> SchemaGenerator {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
}

fn schema_version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "const": SCHEMA_VERSION })
}

/// The wire names of a Rust enum, listed from its own `ALL`/`as_str` so the schema cannot drift.
fn strings(values: impl IntoIterator<Item = &'static str>, nullable: bool) -> Schema {
    let mut list: Vec<serde_json::Value> = values.into_iter().map(Into::into).collect();
    if nullable {
        list.push(serde_json::Value::Null);
        json_schema!({ "type": ["string", "null"], "enum": list })
    } else {
        json_schema!({ "type": "string", "enum": list })
    }
}

fn entity_type(_: &mut SchemaGenerator) -> Schema {
    strings(EntityType::ALL.map(EntityType::as_str), false)
}

fn actor_type(_: &mut SchemaGenerator) -> Schema {
    strings(
        EntityType::ALL
            .map(EntityType::as_str)
            .into_iter()
            .chain([crate::analysis::references::GROUP]),
        true,
    )
}

fn commitment_kind(_: &mut SchemaGenerator) -> Schema {
    strings(CommitmentKind::ALL.map(CommitmentKind::as_str), false)
}

fn quote_kind(_: &mut SchemaGenerator) -> Schema {
    strings(QuoteKind::ALL.map(QuoteKind::as_str), false)
}

fn error_kind(_: &mut SchemaGenerator) -> Schema {
    strings(ReadError::KINDS.iter().copied(), false)
}

/// What embeds a clause in the `--tokens` view: a verb group, or a noun or adjective.
const EMBEDDER_KINDS: [&str; 2] = ["verb", "word"];

fn embedder_kind(_: &mut SchemaGenerator) -> Schema {
    strings(EMBEDDER_KINDS, false)
}

fn form(_: &mut SchemaGenerator) -> Schema {
    strings(Form::ALL.map(Form::as_str), false)
}

fn tense(_: &mut SchemaGenerator) -> Schema {
    strings(Tense::ALL.map(Tense::as_str), false)
}

fn subject_how(_: &mut SchemaGenerator) -> Schema {
    strings(SubjectHow::ALL.map(SubjectHow::as_str), false)
}

fn link(_: &mut SchemaGenerator) -> Schema {
    strings(Link::ALL.map(Link::as_str), true)
}

fn upos(_: &mut SchemaGenerator) -> Schema {
    strings(
        crate::analysis::Upos::ALL.map(crate::analysis::Upos::as_str),
        false,
    )
}

fn penn_tag(_: &mut SchemaGenerator) -> Schema {
    strings(
        crate::analysis::Tag::ALL.map(crate::analysis::Tag::as_str),
        false,
    )
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
    let spans_out = |spans: &[Span]| -> Vec<SpanOut> {
        spans
            .iter()
            .map(|s| SpanOut {
                start: map.char_offset(s.start),
                end: map.char_offset(s.end),
            })
            .collect()
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
                parent: t.parent,
                score: round(t.score),
                evidence: &t.evidence,
                evidence_mentions: t.evidence_spans.iter().map(|s| spans_out(s)).collect(),
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
                mentions: spans_out(&k.mentions),
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
        text: None,
    }
}

/// One sentence of the `--tokens` view.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SentenceTokensOut<'a> {
    /// The document's id, as in the main output.
    pub id: Option<&'a str>,
    /// 0-based index of the sentence.
    pub sentence: usize,
    /// 0-based index of its paragraph.
    pub paragraph: usize,
    /// The sentence; offsets are code points, `end` exclusive.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// One object per token, in order.
    pub tokens: Vec<TokenOut<'a>>,
    /// The base noun phrases.
    pub phrases: Vec<PhraseOut>,
    /// The verb groups, in order.
    pub verbs: Vec<VerbGroupOut>,
}

/// A noun phrase of the `--tokens` view: token indices within the sentence, `end` exclusive.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PhraseOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

/// A verb group of the `--tokens` view (see [`crate::analysis::clauses::VerbGroup`]); token
/// indices within the sentence.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VerbGroupOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    /// Finite, infinitive ("to cut"), gerund or participle (no auxiliary).
    #[schemars(schema_with = "form")]
    pub form: &'static str,
    /// "future" for "will", "shall", "'ll", "is going to"; "modal" for another modal.
    #[schemars(schema_with = "tense")]
    pub tense: &'static str,
    /// The modal token.
    pub modal: Option<usize>,
    pub negated: bool,
    pub passive: bool,
    pub perfect: bool,
    pub progressive: bool,
    /// The subject phrase.
    pub subject: Option<SubjectOut>,
    /// The noun phrase right after the verb.
    pub object: Option<PhraseOut>,
    /// The main verb of the clause this verb takes ("said" → the verb of its "that" clause).
    pub complement: Option<usize>,
    /// What the clause depends on.
    pub embedded_by: Option<EmbedderOut>,
    pub relative: bool,
    pub conditional: bool,
    pub question: bool,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SubjectOut {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    /// How the verb got its subject.
    #[schemars(schema_with = "subject_how")]
    pub how: &'static str,
    /// For a relative pronoun: the head of the phrase it stands for.
    pub antecedent: Option<usize>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct EmbedderOut {
    /// The token that embeds the clause: a verb group's main verb, a noun or an adjective.
    pub token: usize,
    /// A verb group's main verb, or a noun or adjective.
    #[schemars(schema_with = "embedder_kind")]
    pub kind: &'static str,
    /// How the clause is tied to it: "that", no word ("zero") or a "to"-infinitive.
    #[schemars(schema_with = "link")]
    pub link: Option<&'static str>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TokenOut<'a> {
    /// The token; offsets are code points.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Lower case (curly apostrophes written as straight ones).
    pub lower: &'a str,
    /// Lemma, lower case.
    pub lemma: &'a str,
    /// Penn Treebank tag.
    #[schemars(schema_with = "penn_tag")]
    pub tag: &'static str,
    /// Universal Dependencies part of speech.
    #[schemars(schema_with = "upos")]
    pub upos: &'static str,
    /// The word classes it belongs to (`src/lexicon/data/analysis_word_classes.txt`).
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
    use crate::analysis::clauses::{Embedder, Link};
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
            form: g.form.as_str(),
            tense: g.tense.as_str(),
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
                    how: s.how.as_str(),
                    antecedent: g.antecedent.map(|a| rel(a.head)),
                }
            }),
            object: g.object.map(phrase),
            complement: g.complement.map(|c| rel(clauses.groups[c].head)),
            embedded_by: g.embedded_by.map(|e| {
                let (token, kind) = match e {
                    Embedder::Verb(up) => (clauses.groups[up].head, EMBEDDER_KINDS[0]),
                    Embedder::Word(w) => (w, EMBEDDER_KINDS[1]),
                };
                EmbedderOut {
                    token: rel(token),
                    kind,
                    link: g.link.map(Link::as_str),
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

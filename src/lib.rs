//! newslens: a rule-based analyser of English news articles, as a library.
//!
//! The `newslens` command is a thin layer over this crate; everything it prints is computed
//! here. Give the library an article's text and it finds:
//!
//! | what | type | extractor |
//! |---|---|---|
//! | who and what is named: people, places, organisations, dates, amounts, with normalised values | [`Entity`] | [`extract::entities::extract`] |
//! | what the story is about: IPTC Media Topics with scores and evidence | [`Topic`] | [`extract::topics::extract`] |
//! | its key phrases | [`Keyphrase`] | [`extract::keyphrases::extract`] |
//! | direct quotes and reported speech, with speakers | [`Quote`] | [`extract::quotes::extract`] |
//! | stated commitments: who pledged, agreed, intends or refused to do what | [`Commitment`] | [`extract::commitments::extract`] |
//! | the analysis layer: tokens, lemmas, part-of-speech tags, noun phrases, verb groups | [`analysis::Layer`] | [`analysis::Layer::with_names`] |
//!
//! Everything is rule-based and compiled into the crate: no model files and no network. The
//! analysis does no I/O (only [`reader`] and [`UserLexicon::load`] read files, for the command
//! line); every extractor is a pure, deterministic function of the text (the same text always
//! gives the same result) and never panics, whatever the text.
//!
//! # The whole pipeline: [`analyze`]
//!
//! [`analyze`] runs every extractor in order and returns an [`Analysis`]; [`Sections`] says
//! which of the optional sections to compute (the entities are always found, since the
//! others read them):
//!
//! ```
//! use newslens::{analyze, Sections};
//!
//! let analysis = analyze("Xi Jinping met Vladimir Putin in Beijing.", &Sections::all());
//! let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
//! assert!(names.contains(&"Xi Jinping") && names.contains(&"Beijing"));
//! assert_eq!(analysis.doc.sentences.len(), 1);
//! ```
//!
//! [`analyze_with`] takes the entity extractor's [`EntityOptions`] too: user lexicons
//! ([`UserLexicon`], the command line's `--lexicon`) and the date that relative dates are
//! resolved against (`--date`).
//!
//! # Spans: byte offsets here, code points on the wire
//!
//! Every finding points at its evidence by a [`doc::Span`]: a half-open range
//! `start..end` of **byte offsets into the `&str` that was analysed** (the text is kept, as
//! given, in [`doc::Document::text`]). Byte offsets slice a Rust string directly:
//! `&text[span.start..span.end]`, or [`doc::Document::slice`].
//!
//! The command line's JSON gives **Unicode code point offsets** instead, which is what Python's
//! and jq's string slicing count. To convert one offset, count the characters before it:
//! `text[..span.start].chars().count()`; to convert many, build an [`output::OffsetMap`] once
//! (it is what the command line uses, with a fast path for ASCII text). [`output::document`]
//! builds the whole JSON object of a document, offsets converted, exactly as the command line
//! prints it.
//!
//! ```
//! use newslens::{analyze, output::OffsetMap, Sections};
//!
//! let text = "Zürich’s mayor met Anna Berg.";
//! let analysis = analyze(text, &Sections::all());
//! let anna = analysis.entities.iter().find(|e| e.name == "Anna Berg").unwrap();
//! let span = anna.mentions[0].span;
//! assert_eq!(&text[span.start..span.end], "Anna Berg"); // bytes, in the library
//! assert_eq!(span.start, 22); // "ü" and "’" take 2 and 3 bytes
//!
//! let start = text[..span.start].chars().count(); // code points, as on the wire
//! assert_eq!(start, 19);
//! assert_eq!(OffsetMap::new(text).char_offset(span.start), start);
//! let by_chars: String = text.chars().skip(start).take(9).collect();
//! assert_eq!(by_chars, "Anna Berg");
//! ```
//!
//! # Entities
//!
//! [`extract::entities::extract`] finds the names, dates, times, amounts and numbers of a
//! [`doc::Document`] (the text segmented into paragraphs, sentences and tokens) and groups
//! their mentions: "Merkel" later in the text is a mention of "Angela Merkel". Types are the
//! OntoNotes labels spaCy uses ([`EntityType`](extract::entities::EntityType)); a person's
//! titles are kept as `roles`; numeric entities carry a normalised
//! [`Value`](extract::entities::Value).
//!
//! ```
//! use newslens::doc::Document;
//! use newslens::extract::entities::{self, EntityType};
//!
//! let doc = Document::new(
//!     "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris. \
//!      Merkel said the talks went well.",
//! );
//! let found = entities::extract(&doc);
//! let merkel = found.iter().find(|e| e.name == "Angela Merkel").unwrap();
//! assert_eq!(merkel.label, EntityType::Person);
//! assert_eq!(merkel.roles, ["Chancellor"]);
//! assert_eq!(merkel.aliases, ["Merkel"]);
//! assert_eq!(merkel.mentions.len(), 2);
//! let paris = found.iter().find(|e| e.name == "Paris").unwrap();
//! assert_eq!(paris.label, EntityType::Gpe);
//! assert!(found.iter().any(|e| e.name == "French" && e.label == EntityType::Norp));
//! ```
//!
//! Relative dates resolve against a reference date, and a user lexicon adds names the
//! built-in lists do not know (its format is the README's "User lexicons"):
//!
//! ```
//! use std::sync::Arc;
//! use newslens::doc::Document;
//! use newslens::extract::entities::{self, user_lexicon::LexiconBuilder, EntityType, Value};
//! use newslens::EntityOptions;
//!
//! let mut lexicon = LexiconBuilder::default();
//! lexicon.add("firms.tsv", b"Quillmark Labs\tORG\nQML\tORG\tQuillmark Labs\n").unwrap();
//! let options = EntityOptions {
//!     lexicon: Some(Arc::new(lexicon.build().unwrap())),
//!     date: Some(jiff::civil::date(2021, 3, 3)),
//! };
//! let doc = Document::new("QML opened a plant in Tessaly yesterday.");
//! let found = entities::extract_with(&doc, &options);
//! let firm = found.iter().find(|e| e.name == "Quillmark Labs").unwrap();
//! assert_eq!((firm.label, firm.aliases.as_slice()), (EntityType::Org, &["QML".to_string()][..]));
//! let yesterday = found.iter().find(|e| e.label == EntityType::Date).unwrap();
//! match &yesterday.value {
//!     Some(Value::Date(date)) => assert_eq!(date.date.as_deref(), Some("2021-03-02")),
//!     other => panic!("no date value: {other:?}"),
//! }
//! ```
//!
//! # Topics
//!
//! [`extract::topics::extract`] scores the document against the IPTC Media Topics taxonomy
//! from weighted terms and the entities found; each [`Topic`] has
//! IPTC's code and English label, a score in 0..1 and the terms that fired it.
//!
//! ```
//! use newslens::doc::Document;
//! use newslens::extract::{entities, topics};
//!
//! let doc = Document::new(
//!     "The striker scored twice as Leeds United beat Chelsea 3-1 in the Premier League. \
//!      The coach praised the team's defence after the match.",
//! );
//! let found = topics::extract(&doc, &entities::extract(&doc));
//! assert_eq!((found[0].id, found[0].label), ("medtop:15000000", "sport"));
//! assert!(found[0].evidence.iter().any(|term| term == "striker"));
//! assert!(found.iter().any(|t| t.label == "football"));
//! ```
//!
//! # Key phrases
//!
//! [`extract::keyphrases::extract`] ranks the words and short phrases (one to three words,
//! never cutting through an entity's name) that best sum up the article, by statistics of the
//! article alone (after YAKE!), best first; each [`Keyphrase`] has a score in 0..1 and how
//! often it occurs (singular and plural together).
//!
//! ```
//! use newslens::doc::Document;
//! use newslens::extract::{entities, keyphrases};
//!
//! let doc = Document::new(
//!     "The central bank raised interest rates again to fight inflation. Inflation rose to \
//!      its highest level in a decade, and the bank said inflation would stay high.",
//! );
//! let found = keyphrases::extract(&doc, &entities::extract(&doc));
//! assert_eq!(found[0].text.to_lowercase(), "inflation");
//! assert_eq!(found[0].count, 3);
//! assert_eq!(found[0].score, 1.0);
//! ```
//!
//! # Quotes
//!
//! [`extract::quotes::extract`] finds direct quotes (inside quotation marks) and reported
//! speech ("officials said the work would start"), with the speaker in the fullest form the
//! text gives and the index of the speaker's entity. It reads the
//! [analysis layer](#the-analysis-layer) as well as the entities.
//!
//! ```
//! use newslens::analysis::Layer;
//! use newslens::doc::Document;
//! use newslens::extract::entities::{self, name_spans};
//! use newslens::extract::quotes::{self, QuoteKind};
//!
//! let doc = Document::new(
//!     "\u{201C}We will rebuild the bridge,\u{201D} said Mayor Tom Reyes. \
//!      Officials said the work would start in May.",
//! );
//! let found_entities = entities::extract(&doc);
//! let layer = Layer::with_names(&doc, &name_spans(&found_entities));
//! let found = quotes::extract(&doc, &layer, &found_entities);
//! assert_eq!(found[0].kind, QuoteKind::Direct);
//! assert_eq!(doc.slice(found[0].span), "We will rebuild the bridge,");
//! assert_eq!(found[0].speaker.as_deref(), Some("Tom Reyes"));
//! assert_eq!(found_entities[found[0].speaker_entity.unwrap()].name, "Tom Reyes");
//! assert_eq!(found[1].kind, QuoteKind::Reported);
//! assert_eq!(doc.slice(found[1].span), "the work would start in May");
//! assert_eq!(found[1].speaker.as_deref(), Some("Officials"));
//! ```
//!
//! # Commitments
//!
//! [`extract::commitments::extract`] finds stated commitments: who bound itself, or declared
//! itself ready, to do (or not to do) what, with the kind
//! ([`CommitmentKind`](extract::commitments::CommitmentKind)), the action, a deadline or
//! condition, and who stated it. It reads the quotes (a commitment inside a quote is the
//! speaker's).
//!
//! ```
//! use newslens::analysis::Layer;
//! use newslens::doc::Document;
//! use newslens::extract::commitments::{self, CommitmentKind};
//! use newslens::extract::entities::{self, name_spans};
//! use newslens::extract::quotes;
//!
//! let doc = Document::new(
//!     "The government pledged to cut income taxes by 2030, Finance Minister Ruth Okafor said.",
//! );
//! let found_entities = entities::extract(&doc);
//! let layer = Layer::with_names(&doc, &name_spans(&found_entities));
//! let found_quotes = quotes::extract(&doc, &layer, &found_entities);
//! let found = commitments::extract(&doc, &layer, &found_entities, &found_quotes);
//! let pledge = &found[0];
//! assert_eq!(pledge.kind, CommitmentKind::Pledge);
//! assert_eq!(pledge.actor.as_ref().unwrap().name, "The government");
//! assert_eq!(pledge.action, "cut income taxes by 2030");
//! assert_eq!(pledge.deadline.as_deref(), Some("by 2030"));
//! assert_eq!(pledge.speaker.as_deref(), Some("Ruth Okafor"));
//! assert!(!pledge.negated);
//! ```
//!
//! # The analysis layer
//!
//! [`analysis::Layer`] is what the quote and commitment extractors read, and what the command
//! line's `--tokens` prints: a token table ([`analysis::Tokens`]: lower case, lemma, Penn and
//! Universal part-of-speech tags, word classes) and the clauses ([`analysis::Clauses`]: base
//! noun phrases, verb groups with tense, negation, subject and embedding). Token indices are
//! into [`doc::Document::tokens`].
//!
//! ```
//! use newslens::analysis::{Layer, Tag, Upos};
//! use newslens::doc::Document;
//!
//! let doc = Document::new("The minister will not cut taxes.");
//! let layer = Layer::new(&doc);
//! let t = &layer.tokens;
//! assert_eq!(doc.token_text(4), "cut");
//! assert_eq!((t.tag(4), t.upos(4)), (Tag::VB, Upos::Verb));
//! assert_eq!(t.lemma(5), "tax");
//! let group = &layer.clauses.groups[0];
//! assert_eq!(doc.token_text(group.head), "cut");
//! assert!(group.negated);
//! let subject = group.subject.expect("the minister is the subject").phrase;
//! assert_eq!(doc.token_text(subject.head), "minister");
//! ```
//!
//! [`output::token_lines`] prints this view as the command line does, one JSON line per
//! sentence.
//!
//! # HTML pages
//!
//! [`html::to_text`] turns an HTML page into the text of its article (main content, headline
//! first, no navigation), which is then analysed like any text. Spans point into that
//! extracted text, so keep it: the command line prints it as the `text` field.
//!
//! ```
//! use newslens::{analyze, html, Sections};
//!
//! let page = "<html><title>Talks</title><nav><a href=/>Home</a></nav>\
//!     <article><h1>Talks Resume</h1><p>Anna Berg met ministers in Geneva.</p></article>";
//! let text = html::to_text(page);
//! assert_eq!(text, "Talks Resume\n\nAnna Berg met ministers in Geneva.");
//! let analysis = analyze(text.as_str(), &Sections::all());
//! assert_eq!(analysis.doc.title.map(|t| analysis.doc.slice(t)), Some("Talks Resume"));
//! assert!(analysis.entities.iter().any(|e| e.name == "Geneva"));
//! ```
//!
//! # The modules
//!
//! The pipeline is [`reader`] (bytes to text: decoding, directory walks, JSON Lines records;
//! [`html`] for pages) → [`doc::Document`] (paragraphs, sentences, tokens; see [`segment`]) →
//! the [`extract`] modules, with [`analysis`] and the data of [`lexicon`] → [`output`] (the
//! JSON wire format, schema version 1, and its JSON Schema). [`sniff`] holds the checks that
//! warn about input that is not an English article. The README is the manual of the command
//! line and documents every rule and figure; `cargo doc --open` shows this page.

pub mod analysis;
pub mod doc;
pub mod extract;
pub mod html;
pub mod lexicon;
pub mod output;
pub mod reader;
pub mod segment;
pub mod sniff;
pub mod view;

use doc::Document;
use extract::commitments::Commitment;
use extract::entities::Entity;
pub use extract::entities::Options as EntityOptions;
pub use extract::entities::user_lexicon::{LexiconError, UserLexicon};
use extract::keyphrases::Keyphrase;
use extract::quotes::Quote;
use extract::topics::Topic;

/// Which sections of the output to compute and print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    pub entities: bool,
    pub topics: bool,
    pub keyphrases: bool,
    pub commitments: bool,
    pub quotes: bool,
}

impl Sections {
    /// The sections' names, as `--only` takes them.
    pub const NAMES: [&'static str; 5] =
        ["entities", "topics", "keyphrases", "commitments", "quotes"];

    /// Every section.
    pub fn all() -> Sections {
        Sections {
            entities: true,
            topics: true,
            keyphrases: true,
            commitments: true,
            quotes: true,
        }
    }

    /// No section. The entities are found all the same (the other sections read them), but
    /// [`Analysis::entities`] is left empty.
    pub fn none() -> Sections {
        Sections {
            entities: false,
            topics: false,
            keyphrases: false,
            commitments: false,
            quotes: false,
        }
    }

    /// Turns on the section called `name`; false when there is no such section.
    pub fn enable(&mut self, name: &str) -> bool {
        let flag = match name {
            "entities" => &mut self.entities,
            "topics" => &mut self.topics,
            "keyphrases" => &mut self.keyphrases,
            "commitments" => &mut self.commitments,
            "quotes" => &mut self.quotes,
            _ => return false,
        };
        *flag = true;
        true
    }
}

/// Everything found in one document. Sections not asked for are empty. Every span in it is a
/// byte range of `doc.text` (see [the crate doc](crate#spans-byte-offsets-here-code-points-on-the-wire)),
/// and entity indices (`speaker_entity`, `actor.entity`) are indices into `entities`.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub doc: Document,
    pub entities: Vec<Entity>,
    pub topics: Vec<Topic>,
    pub keyphrases: Vec<Keyphrase>,
    pub commitments: Vec<Commitment>,
    pub quotes: Vec<Quote>,
}

/// Runs the whole pipeline over `text`. Never panics, whatever the text.
pub fn analyze(text: impl Into<String>, sections: &Sections) -> Analysis {
    analyze_with(text, sections, &EntityOptions::default())
}

/// [`analyze`] with options for the entity extractor (the command line's `--date`,
/// `--lexicon`, `--explain`).
pub fn analyze_with(
    text: impl Into<String>,
    sections: &Sections,
    entity_options: &EntityOptions,
) -> Analysis {
    let doc = Document::new(text);
    // Every other extractor reads the entities, and commitments read the quotes.
    let entities = extract::entities::extract_with(&doc, entity_options);
    // The analysis layer and one reference resolver, for the two extractors that read them.
    let (quotes, commitments) = if sections.quotes || sections.commitments {
        let layer = analysis::Layer::with_names(&doc, &extract::entities::name_spans(&entities));
        let mut names = analysis::references::Names::for_document(&doc, &layer, &entities);
        let quotes = extract::quotes::extract_with(&doc, &layer, &mut names);
        let commitments = if sections.commitments {
            extract::commitments::extract_with(&doc, &layer, &mut names, &quotes)
        } else {
            Vec::new()
        };
        (quotes, commitments)
    } else {
        (Vec::new(), Vec::new())
    };
    let topics = if sections.topics {
        extract::topics::extract(&doc, &entities)
    } else {
        Vec::new()
    };
    let keyphrases = if sections.keyphrases {
        extract::keyphrases::extract(&doc, &entities)
    } else {
        Vec::new()
    };
    Analysis {
        entities: if sections.entities {
            entities
        } else {
            Vec::new()
        },
        quotes: if sections.quotes { quotes } else { Vec::new() },
        doc,
        topics,
        keyphrases,
        commitments,
    }
}

//! newslens: a rule-based analyser of English news articles.
//!
//! The pipeline is [`reader`] (bytes to text) → [`doc::Document`] (paragraphs, sentences,
//! tokens; see [`segment`]) → the [`extract`] modules → [`output`] (the JSON wire format,
//! schema version 1). Every extractor is a pure function over the document, so results are
//! deterministic: the same text always gives the same bytes out.
//!
//! ```
//! let analysis = newslens::analyze("Xi met Putin in Beijing.", &newslens::Sections::all());
//! assert_eq!(analysis.doc.sentences.len(), 1);
//! ```

pub mod analysis;
pub mod doc;
pub mod extract;
pub mod html;
pub mod lexicon;
pub mod output;
pub mod reader;
pub mod segment;
pub mod sniff;

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
    pub const NAMES: [&'static str; 5] =
        ["entities", "topics", "keyphrases", "commitments", "quotes"];

    pub fn all() -> Sections {
        Sections {
            entities: true,
            topics: true,
            keyphrases: true,
            commitments: true,
            quotes: true,
        }
    }

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

/// Everything found in one document. Sections not asked for are empty.
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

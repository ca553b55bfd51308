//! Quotations and reported speech, with their speakers.

use crate::doc::{Document, Span};
use crate::extract::entities::Entity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Indirect speech after a speech verb: "X said (that) ...", "according to X, ...".
    Reported,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The content: inside the marks for direct quotes, the reported clause otherwise.
    pub span: Span,
    pub sentence: usize,
    /// The speaker's name, in its fullest form in the article.
    pub speaker: Option<String>,
    /// The speech verb or phrase ("said", "told reporters", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

pub fn extract(_doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}

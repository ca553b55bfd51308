//! IPTC Media Topics: what the story is about, ranked, with the terms that fired each topic.

use crate::doc::Document;
use crate::extract::entities::Entity;

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// IPTC Media Topic code, e.g. "medtop:11000000".
    pub id: &'static str,
    pub label: &'static str,
    /// 0..1, see the README ("topics").
    pub score: f64,
    /// The terms in the text that fired it, most frequent first.
    pub evidence: Vec<String>,
}

pub fn extract(_doc: &Document, _entities: &[Entity]) -> Vec<Topic> {
    Vec::new()
}

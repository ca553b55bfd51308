//! Key phrases: the words and short phrases that best sum up the article.

use crate::doc::Document;
use crate::extract::entities::Entity;

#[derive(Clone, Debug, PartialEq)]
pub struct Keyphrase {
    pub text: String,
    /// 0..1, higher is more central; see the README ("keyphrases").
    pub score: f64,
    /// How often the phrase occurs (case-insensitive).
    pub count: usize,
}

pub fn extract(_doc: &Document, _entities: &[Entity]) -> Vec<Keyphrase> {
    Vec::new()
}

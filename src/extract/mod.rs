//! The extractors: pure functions over a [`Document`](crate::doc::Document), one module each.
//!
//! Each takes what it needs from the extractors before it as arguments, so the order of the
//! pipeline is visible in [`crate::analyze`]: entities, then quotes (speakers are entities), then
//! commitments (speakers come from quotes), topics and keyphrases.

pub mod commitments;
pub mod entities;
pub mod keyphrases;
pub mod quotes;
pub mod topics;

/// Hand-built entities for the extractors' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::doc::{Document, Span};
    use crate::extract::entities::{Entity, EntityType, Mention};
    use crate::lexicon::is_word_bounded;

    /// An entity called `name` whose mentions are every word-bounded occurrence of `forms`.
    pub fn entity(name: &str, label: EntityType, doc: &Document, forms: &[&str]) -> Entity {
        let mut mentions: Vec<Mention> = forms
            .iter()
            .flat_map(|form| {
                doc.text
                    .match_indices(form)
                    .map(|(start, _)| Span::new(start, start + form.len()))
            })
            .filter(|&span| is_word_bounded(&doc.text, span))
            .map(|span| Mention {
                span,
                sentence: doc.sentence_at(span.start).unwrap_or(0),
                rule: "gazetteer".into(),
                decided_by: None,
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        Entity {
            name: name.into(),
            label,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions,
            salience: 0.0,
            value: None,
        }
    }
}

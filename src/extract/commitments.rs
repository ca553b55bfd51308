//! Stated commitments: who promised, agreed, intends, reaffirmed or refused to do what.

use crate::doc::{Document, Span};
use crate::extract::entities::Entity;
use crate::extract::quotes::Quote;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitmentKind {
    Pledge,
    Agreement,
    Intent,
    Reaffirmation,
    Refusal,
}

impl CommitmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentKind::Pledge => "pledge",
            CommitmentKind::Agreement => "agreement",
            CommitmentKind::Intent => "intent",
            CommitmentKind::Reaffirmation => "reaffirmation",
            CommitmentKind::Refusal => "refusal",
        }
    }
}

/// Who is committed.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub name: String,
    /// An OntoNotes label ("PERSON", "GPE", "ORG", ...) when the actor is a recognised entity,
    /// "GROUP" for a plural group ("both leaders", "the two sides"), else `None`.
    pub label: Option<String>,
    /// For a group: its members' names where the article gives them.
    pub members: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Commitment {
    /// The clause that states the commitment.
    pub span: Span,
    pub sentence: usize,
    /// The words that carry it ("pledged to", "is prepared to", "will").
    pub trigger: String,
    pub kind: CommitmentKind,
    pub actor: Option<Actor>,
    /// Who stated it, when the article attributes it to someone.
    pub speaker: Option<String>,
    /// The committed action, a short verb phrase from the text.
    pub action: String,
    pub negated: bool,
    pub condition: Option<String>,
    pub deadline: Option<String>,
}

pub fn extract(_doc: &Document, _entities: &[Entity], _quotes: &[Quote]) -> Vec<Commitment> {
    Vec::new()
}

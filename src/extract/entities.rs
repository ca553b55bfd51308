//! Named entities: people, places, organisations, groups, dates and amounts.

use crate::doc::{Document, Span};

/// OntoNotes 5 entity types, as spaCy users know them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl EntityType {
    pub const ALL: [EntityType; 18] = [
        EntityType::Person,
        EntityType::Norp,
        EntityType::Fac,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Product,
        EntityType::Event,
        EntityType::WorkOfArt,
        EntityType::Law,
        EntityType::Language,
        EntityType::Date,
        EntityType::Time,
        EntityType::Percent,
        EntityType::Money,
        EntityType::Quantity,
        EntityType::Ordinal,
        EntityType::Cardinal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Norp => "NORP",
            EntityType::Fac => "FAC",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Product => "PRODUCT",
            EntityType::Event => "EVENT",
            EntityType::WorkOfArt => "WORK_OF_ART",
            EntityType::Law => "LAW",
            EntityType::Language => "LANGUAGE",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Percent => "PERCENT",
            EntityType::Money => "MONEY",
            EntityType::Quantity => "QUANTITY",
            EntityType::Ordinal => "ORDINAL",
            EntityType::Cardinal => "CARDINAL",
        }
    }

    pub fn parse(label: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == label)
    }
}

/// One place the entity is named.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
}

/// One distinct entity with all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Canonical name: the longest form the text gives.
    pub name: String,
    pub label: EntityType,
    /// Other forms it is mentioned by, sorted, without `name`.
    pub aliases: Vec<String>,
    /// Titles seen with a person ("President", "Prime Minister"), in order of first sighting.
    pub roles: Vec<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// 0..1, see the README ("salience").
    pub salience: f64,
}

pub fn extract(_doc: &Document) -> Vec<Entity> {
    Vec::new()
}

//! Named entities: people, places, organisations, groups, dates and amounts.
//!
//! The extractor is rule-based, in the manner of GATE ANNIE and spaCy's EntityRuler (the
//! modules named here are private: [`extract`] and [`extract_with`] are the way in):
//! 1. `names` finds capitalised sequences in each sentence and classifies them with the
//!    gazetteers and word lists of `lists` (countries, cities, demonyms, organisations, given
//!    names, titles, organisation suffixes...) and with context (a title before a name, "said",
//!    an age after a name). Headlines in capitals or title case only take what is certain.
//! 2. `numeric` finds dates, times, amounts and numbers in what is left.
//!
//! With user lexicons ([`Options::lexicon`], `--lexicon`), [`user_lexicon`] finds the user's
//! names after steps 1 and 2; they replace the built-in mentions they overlap before step 3.
//!
//! 3. `resolve` groups mentions into entities: "Putin" joins "Vladimir Putin", "U.S." joins
//!    "United States", an acronym joins the name it abbreviates; it then scores salience.

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

    /// A name of someone or something (a person, organisation, place, facility, product,
    /// event, work or law), not a number, a date, a nationality or a language, which English
    /// writes as adjectives too ("British", "French").
    pub fn is_proper_name(self) -> bool {
        !(self.is_numeric() || matches!(self, EntityType::Norp | EntityType::Language))
    }

    /// A date, time, amount or number.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            EntityType::Date
                | EntityType::Time
                | EntityType::Percent
                | EntityType::Money
                | EntityType::Quantity
                | EntityType::Ordinal
                | EntityType::Cardinal
        )
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
    /// The rule or list that found the mention and gave its type (`--explain`): one of
    /// [`RULES`], or `lexicon:FILE:LINE` for the entry of a user lexicon that found it.
    pub rule: std::borrow::Cow<'static, str>,
    /// Where the entity's type was decided by another mention, the rule that decided it: the
    /// mention joined an entity ("part-of-name", "initials", ...) or the name's strongest cue
    /// elsewhere in the document won the vote ("org-noun-before", ...).
    pub decided_by: Option<&'static str>,
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
    /// Of a date, time, amount or number: its normalised value, where the text determines one
    /// ([`values`]). Every mention has this value or the same text.
    pub value: Option<Value>,
}

/// The spans of every mention of a proper name (see [`EntityType::is_proper_name`]), for the
/// analysis layer's tagger ([`crate::analysis::Layer::with_names`]).
pub fn name_spans(entities: &[Entity]) -> Vec<Span> {
    entities
        .iter()
        .filter(|e| e.label.is_proper_name())
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect()
}

/// Every rule id a mention's `rule` or `decided_by` can hold (`--explain`), with what it
/// means. The README's table lists the same ids (a test checks).
pub const RULES: &[(&str, &str)] = &[
    (
        "gazetteer",
        "a name of the built-in lists (places, organisations, nationalities...)",
    ),
    (
        "gazetteer-capitals",
        "a list name in a line written in capitals",
    ),
    (
        "language-context",
        "a nationality word used as a language (\"speaks French\")",
    ),
    (
        "given-name-said",
        "a town of the lists that is also a given name, before a verb of saying and a person's pronoun or listener (\"Mary said she\")",
    ),
    (
        "dateline",
        "a place in capitals before a date at the start of a line",
    ),
    (
        "quoted-title",
        "a title-cased title in quotation marks: a work",
    ),
    (
        "work-cue",
        "title-cased words after a word for a work (\"the film X\")",
    ),
    (
        "title-before-name",
        "a person's name after a title or courtesy title (\"Mr\", \"President\")",
    ),
    (
        "stage-name",
        "a title of nobility before a word no name list has (\"Lady Gaga\")",
    ),
    (
        "actor-in-title",
        "title-cased words after a person and \"in\": the work they appear in",
    ),
    (
        "capitalised-article",
        "title-cased words after a capitalised \"The\" inside a sentence: a work",
    ),
    (
        "venue-listing",
        "a name before a town and a day in a listing (\"X, Leeds, Mon;\"): a venue",
    ),
    (
        "person-name",
        "a given name and surname from the name lists",
    ),
    (
        "role-beside-name",
        "a name with a role written beside it (\"X, the finance minister,\")",
    ),
    (
        "head-word",
        "a name ending in a word for its kind (\"... University\", \"... River\")",
    ),
    (
        "nationality-pair",
        "two nationality words in a row (\"Iraqi Kurds\")",
    ),
    (
        "headline-body-name",
        "in a headline, a name the body of the article established",
    ),
    (
        "sports-team",
        "in a sports report, a city or region named as a team",
    ),
    ("number", "a date, time, amount or number"),
    (
        "unclassified",
        "a capitalised name no rule could type; kept only by joining an entity",
    ),
    ("acronym", "a word in capitals: most often an organisation"),
    ("ampersand", "a name with \"&\": an organisation"),
    (
        "locative-compound",
        "a hyphenated unknown name after \"in\", \"near\"...: a place",
    ),
    (
        "known-then-word",
        "a known place or group then an unknown word (\"Beijing Guoan\")",
    ),
    (
        "place-then-surname",
        "a one-word place then a rare word: a person (\"Torrance Zellner\")",
    ),
    (
        "org-noun-before",
        "after a noun for an organisation (\"the firm X\")",
    ),
    (
        "org-noun-after",
        "before a noun for an organisation (\"X newspaper\")",
    ),
    (
        "event-noun-after",
        "before a noun for an event (\"the X festival\", \"her X tour\")",
    ),
    (
        "age-before-name",
        "a given name after an age (\"5-year-old Mary\"): a person",
    ),
    (
        "facility-noun-after",
        "before a noun for a building or site (\"X airport\")",
    ),
    (
        "apposition-org-noun",
        "a noun for an organisation in apposition (\"X, the company that\")",
    ),
    (
        "apposition-work-noun",
        "a noun for a work in apposition (\"X, a film based on\")",
    ),
    (
        "employer-before-title",
        "before a job (\"X general manager Y\"): the employer",
    ),
    ("said-it", "\"X said it\": a thing, not a person"),
    (
        "organisation-possession",
        "what only organisations have (\"X's shareholders\", \"X's album\")",
    ),
    (
        "person-of",
        "after a person and \"of\" (\"Joe Mount of X\"): where the person works",
    ),
    ("shares-of", "\"shares of X\", \"a stake in X\""),
    (
        "place-comma-region",
        "before a comma and a country or region (\"X, Scotland\")",
    ),
    ("age", "before an age in commas (\"X, 45,\"): a person"),
    ("said", "next to a verb of saying: most often a person"),
    (
        "person-noun-before",
        "after a noun for a person (\"striker X\")",
    ),
    (
        "place-noun-of",
        "after \"the village of\", \"the province of\"...: a place",
    ),
    (
        "adjective-of-nationality",
        "an unknown \"-ian\"/\"-ese\" word before a noun: a nationality",
    ),
    (
        "word-shape",
        "the word's shape (\"-ski\": a person, \"-grad\": a place)",
    ),
    ("article", "an unknown word after \"the\": not a person"),
    ("given-name", "a given name alone"),
    (
        "rare-words",
        "two or three rare capitalised words: most often a person",
    ),
    (
        "rare-word",
        "one rare capitalised word: most often a surname",
    ),
    ("locative", "a rare word after \"in\", \"near\"...: a place"),
    (
        "score-line",
        "in a sports report, a name in a line of scores: a team",
    ),
    (
        "result",
        "in a sports report, a name in a result (\"X beat Y\"): a team",
    ),
    (
        "team-country",
        "in a sports report, one word before a country in brackets: a team",
    ),
    ("venue", "in a sports report, a name after \"at\": a ground"),
    (
        "venue-line",
        "in a sports report, a name heading a match's scores: a town",
    ),
    ("same-name", "decided by another mention of the same name"),
    (
        "part-of-name",
        "joined the person whose full name holds it (\"Putin\")",
    ),
    (
        "initials",
        "joined the organisation it abbreviates (\"WHO\")",
    ),
    (
        "acronym-in-brackets",
        "joined the name it follows in brackets",
    ),
    (
        "first-word-of-organisation",
        "joined the organisation it starts (\"Menatep Group\")",
    ),
    (
        "surname-of-person",
        "a place name that is the surname of a person in the article",
    ),
];

pub(crate) mod lists;
mod names;
mod numeric;
mod resolve;
pub mod user_lexicon;
pub mod values;

pub use values::Value;

#[cfg(test)]
mod tests;

/// Finds the named entities of `doc`, one [`Entity`] per distinct entity, most salient first
/// (ties: earliest first mention).
///
/// Salience, in 0..1, combines how often and how early an entity is named:
///
/// `salience = weight × (0.55 × mentions / most_mentions + 0.30 × (1 − first / length) +
/// 0.15 × headline)`, where `mentions` counts the entity's mentions, `most_mentions` is the
/// highest count of any name in the document (of any entity when there is no name; names are
/// every type but the numeric ones), `first / length` is the byte offset of its first mention
/// relative to the document's length, `headline` is 1 when the entity is named in the title or
/// first sentence, and `weight` is 1 for names and 0.5 for dates, times, amounts and numbers
/// (they are rarely what an article is about). A date, time, amount or number never ranks
/// above a name: its salience is at most the lowest salience of a name, and on a tie the name
/// comes first. Numeric mentions group by type and value ("two" and "2"), else by text.
pub fn extract(doc: &Document) -> Vec<Entity> {
    extract_with(doc, &Options::default())
}

/// What the user tells the entity extractor beyond the text (command-line flags). The default
/// is what [`extract`] uses.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// User lexicons (`--lexicon`): their names take priority over the built-in finds.
    pub lexicon: Option<std::sync::Arc<user_lexicon::UserLexicon>>,
    /// The date relative dates ("yesterday", "next year") are resolved against (`--date`);
    /// without it, the document's dateline date ([`values::dateline_date`]).
    pub date: Option<jiff::civil::Date>,
}

/// [`extract`] with the user's [`Options`].
pub fn extract_with(doc: &Document, options: &Options) -> Vec<Entity> {
    let found = names::find(doc);
    let reference = options.date.or_else(|| {
        let dates = found
            .iter()
            .filter(|f| f.label == Some(EntityType::Date))
            .map(|f| f.span);
        values::dateline_date(doc, dates)
    });
    let Some(lexicon) = &options.lexicon else {
        return resolve::resolve(doc, found, reference);
    };
    let user = lexicon.find(doc);
    let mut entities = resolve::resolve(doc, user_lexicon::overrule(found, &user), reference);
    user_lexicon::name_entities(doc, &mut entities, &user);
    entities
}

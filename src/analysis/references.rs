//! The document's one reference resolver, part of the analysis layer: who a phrase names.
//! Quotes and commitments both read it ([`Names`]), so a speaker and an actor are resolved
//! the same way. It is fed by the entity extractor's names and the layer's tokens and
//! clauses: a phrase resolves to the entity it mentions (by its head, a short form, an alias
//! or a surname), a role noun ("the minister", "the company") to the entity the article
//! introduced in that role, a pronoun by gender, number and animacy to the most recent
//! fitting entity or the sentence's topic, and "we" in a quote to the speaker's organisation.
//!
//! Everything works on token indices into [`Document::tokens`]; walks are bounded so that no
//! input makes them quadratic.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::analysis::clauses::{Form, SubjectHow};
use crate::analysis::tagger::FnvMap;
use crate::analysis::{Clauses, Layer, Tag, Tokens, WordClasses};
use crate::doc::{Document, Span, TokenKind};
use crate::extract::entities::lists::{self, class};
use crate::extract::entities::{Entity, EntityType};
use crate::lexicon;

/// The gender a courtesy title or rank marks before a name ("Mr", "Ms", "Queen"): the third
/// field of the entity rules (`entities_rules.txt`), the one list of such words.
static TITLE_GENDERS: LazyLock<FnvMap<&'static str, Gender>> = LazyLock::new(|| {
    lexicon::entries(lists::RULES)
        .filter_map(|f| Some((f[0], Gender::parse(f.get(2)?)?)))
        .collect()
});

/// The gender a given name usually marks: the second field of the entity extractor's given
/// names (the census list, with the sex that carries the name three times as often, and the
/// hand-written world-news list), as a table `build.rs` writes: name → 1 (male) or 2
/// (female), a later line winning.
static FIRST_NAMES: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_name_genders.table"
)));

/// The gender the given name `name` (as written) usually marks.
pub(crate) fn first_name_gender(name: &str) -> Option<Gender> {
    match FIRST_NAMES.get(name)? {
        1 => Some(Gender::Male),
        _ => Some(Gender::Female),
    }
}

/// A courtesy title that marks a gender ("Mr", "Ms", "Sir", "Queen"): it stands before a
/// name, not inside a role description.
pub(crate) fn gendered_title(word: &str) -> Option<Gender> {
    TITLE_GENDERS.get(word).copied()
}

/// An honorific or title before a name ("Ms", "Dr", "President", "Foreign Minister").
fn is_title_word(word: &str) -> bool {
    lists::LISTS.is(word, class::HONORIFIC | class::TITLE | class::TITLE_MOD)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    fn parse(field: &str) -> Option<Gender> {
        match field {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

pub const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you",
];

pub fn is_pronoun(word: &str) -> bool {
    // An ASCII word is compared in place (the pronouns are ASCII); another is lower-cased as
    // Unicode does it (the Kelvin sign lower-cases to "k").
    if word.is_ascii() {
        PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word))
    } else {
        PRONOUNS.contains(&word.to_lowercase().as_str())
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'S" | "’S")
}

/// The label of a plural group referent ("both leaders"), beside the entity types.
pub const GROUP: &str = "GROUP";

/// Who a phrase names: the fullest name the article gives, with its entity label.
#[derive(Clone, Debug, PartialEq)]
pub struct Referent {
    pub name: String,
    pub label: Option<String>,
    pub members: Vec<String>,
    /// The index of the entity it names, into the entity list the [`Names`] was built from
    /// (the document's entities, in their output order).
    pub entity: Option<usize>,
}

impl Referent {
    /// A referent that is only words of the text, no entity.
    fn words(name: impl Into<String>) -> Referent {
        Referent {
            name: name.into(),
            label: None,
            members: Vec::new(),
            entity: None,
        }
    }
}

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// "he", "she", "his", "her", "I": a person, of that gender when given.
    Person(Option<Gender>),
    /// "it", "they", "we": an organisation, place or people.
    Body,
}

/// The pronoun forms [`Names::antecedent`] understands, by what they want.
fn pronoun_want(pronoun: &str) -> Option<Want> {
    Some(match pronoun {
        "he" | "him" | "his" | "himself" => Want::Person(Some(Gender::Male)),
        "she" | "her" | "hers" | "herself" => Want::Person(Some(Gender::Female)),
        "i" | "me" | "my" | "myself" => Want::Person(None),
        "it" | "its" | "itself" | "they" | "them" | "their" | "themselves" | "we" | "our" => {
            Want::Body
        }
        _ => return None,
    })
}

/// The role noun an abbreviated title before a name stands for ("Sen. Ann Ross" is a
/// senator: "the senator" later names her).
fn title_role(lower: &str) -> Option<&'static str> {
    Some(match lower.trim_end_matches('.') {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "lt" | "lieut" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "adm" => "admiral",
        "sgt" => "sergeant",
        "supt" => "superintendent",
        "insp" => "inspector",
        "prof" => "professor",
        "pres" => "president",
        "atty" => "attorney",
        _ => return None,
    })
}

/// What kind of thing a role noun describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RoleKind {
    Person,
    Body,
}

/// The kind of thing a role noun (lower case, singular) describes: "the minister" a person,
/// "the company" an organisation.
fn role_kind(head: &str) -> Option<RoleKind> {
    if PERSON_ROLES.contains(&head) {
        Some(RoleKind::Person)
    } else if ORG_ROLES.contains(&head) {
        Some(RoleKind::Body)
    } else {
        None
    }
}

fn fits_role(label: EntityType, kind: RoleKind) -> bool {
    match kind {
        RoleKind::Person => label == EntityType::Person,
        RoleKind::Body => matches!(label, EntityType::Org | EntityType::Gpe | EntityType::Norp),
    }
}

fn fits(label: EntityType, want: Want) -> bool {
    match want {
        Want::Person(_) => label == EntityType::Person,
        Want::Body => matches!(label, EntityType::Org | EntityType::Gpe | EntityType::Norp),
    }
}

/// A sentence's topic: the subject of its main clause.
#[derive(Clone, Copy, Debug)]
struct Topic {
    /// The subject phrase.
    span: Span,
    /// The entity heading it, when it is a name.
    entity: Option<usize>,
    /// The pronoun it is, when it is one ("he"), lower case.
    pronoun: Option<&'static str>,
}

/// Resolves phrases of one document to the entities they name. Build once per document.
///
/// Everything is fed by the entity extractor: its mentions (names, short forms, acronyms) are
/// the names; the words around them (a title before a name, an apposition after it) are the
/// roles ("the minister", "the company") that later refer back; the subjects of sentences
/// are the salient referents pronouns continue.
pub struct Names<'a> {
    pub doc: &'a Document,
    entities: Cow<'a, [Entity]>,
    layer: Option<&'a Layer>,
    /// Every entity mention (span, entity index), sorted by start.
    mentions: Vec<(Span, usize)>,
    /// Spans (direct quote contents) whose names are not antecedents for pronouns outside.
    excluded: Vec<Span>,
    /// Per entity: the gender its honorific ("Ms Lund") or given name ("Maria Lund") shows.
    genders: Vec<Option<Gender>>,
    /// Per entity: a gender learnt from a "he" or "she" resolved to it, with the sentence
    /// where it was learnt (used only for pronouns after it).
    learnt: RefCell<Vec<Option<(Gender, usize)>>>,
    /// Capitalised words seen other than first in their sentence.
    mid_caps: HashSet<&'a str>,
    /// For each token, the first token of the chain of the same pronoun (each within
    /// [`SAME_PRONOUN_WINDOW`] tokens of the one before, in one sentence) that it ends; the
    /// token itself when it is no pronoun or the chain's first. Computed once, so resolving
    /// every pronoun of a sentence that repeats one is linear, not quadratic.
    same_pronoun_root: Vec<usize>,
    /// Entity name -> the first entity of that name.
    by_name: HashMap<String, usize>,
    /// A form an entity is mentioned by (lower case) -> the entity, when only one has it.
    by_form: HashMap<String, Option<usize>>,
    /// A person's surname (lower case) -> the person whose full name ends in it, when only
    /// one does.
    by_surname: HashMap<String, Option<usize>>,
    /// A role description (lower-case words: "trade secretary", "secretary") -> where an
    /// entity was introduced with it (token, entity), in text order.
    roles: HashMap<String, Vec<(usize, usize)>>,
    /// Per sentence: its topic, computed once.
    topics: Vec<Option<Topic>>,
    /// Per sentence: the entity its topic resolves to (a pronoun through its antecedent),
    /// filled in sentence order as pronouns need them.
    topic_entity: RefCell<Vec<Option<usize>>>,
    /// [`Names::affiliation`]'s answers so far, by entity.
    affiliations: RefCell<HashMap<usize, Option<Referent>>>,
}

/// The longest description ("the Trade Secretary") matched against the words before a name.
const MAX_DESCRIPTION_WORDS: usize = 5;

/// Roles are looked for only in a document's first tokens: enough for any article, and a
/// bound on the index for a huge input.
const DESCRIPTION_SCAN_TOKENS: usize = 50_000;

/// How many of an entity's mentions [`Names::affiliation`] looks at: an article introduces
/// its people early.
const AFFILIATION_MENTIONS: usize = 8;

/// How far back (in tokens) an earlier occurrence of the same pronoun is taken to name the
/// same person.
const SAME_PRONOUN_WINDOW: usize = 40;

/// How many sentences back a pronoun looks for a topic it continues.
const TOPIC_SENTENCES: usize = 3;

/// How many sentences back a pronoun looks for those topics, quoted sentences included.
const TOPIC_LOOKBACK: usize = 15;

/// How many sentences back an unnamed role ("the minister") looks for whom it describes.
const ROLE_SENTENCES: usize = 5;

/// How many mentions back a pronoun looks for the nearest fitting name.
const MENTION_WINDOW: usize = 300;

/// [`Names::same_pronoun_root`] for every token of `doc`.
fn same_pronoun_roots(doc: &Document) -> Vec<usize> {
    let mut root: Vec<usize> = (0..doc.tokens.len()).collect();
    for sent in &doc.sentences {
        let mut last_seen: [Option<usize>; PRONOUNS.len()] = [None; PRONOUNS.len()];
        for i in sent.tokens.clone() {
            let t = doc.token_text(i);
            let Some(p) = PRONOUNS.iter().position(|p| t.eq_ignore_ascii_case(p)) else {
                continue;
            };
            let floor = sent.tokens.start.max(i.saturating_sub(SAME_PRONOUN_WINDOW));
            if let Some(j) = last_seen[p].filter(|&j| j >= floor) {
                root[i] = root[j];
            }
            last_seen[p] = Some(i);
        }
    }
    root
}

/// The static form of a subject pronoun, for [`Topic::pronoun`].
fn static_pronoun(lower: &str) -> Option<&'static str> {
    PRONOUNS.iter().copied().find(|p| *p == lower)
}

/// Whether a word may stand in a role description before a name or after a comma
/// ("former Tory treasurer", "aviation analyst", "chief executive").
fn description_word(doc: &Document, tk: Option<&Tokens>, i: usize) -> bool {
    let Some(tk) = tk else {
        return false;
    };
    let tag = tk.tag(i);
    (tag.is_noun() || tag.is_adjective() || matches!(tag, Tag::VBN | Tag::VBG))
        && !tk.has(i, WordClasses::PRONOUN)
        && gendered_title(doc.token_text(i)).is_none()
}

impl<'a> Names<'a> {
    /// A resolver over `entities` (the document's, in output order) and the document's
    /// analysis layer. With no entities it runs the entity extractor itself, so that a
    /// caller with none still resolves names.
    pub fn with_layer(doc: &'a Document, layer: &'a Layer, entities: &'a [Entity]) -> Names<'a> {
        let layer = (layer.tokens.len() == doc.tokens.len()).then_some(layer);
        Self::build(doc, layer, entities)
    }

    /// As [`Names::with_layer`] over exactly `entities`, even none: for the pipeline, which
    /// has already run the entity extractor.
    pub fn for_document(doc: &'a Document, layer: &'a Layer, entities: &'a [Entity]) -> Names<'a> {
        let layer = (layer.tokens.len() == doc.tokens.len()).then_some(layer);
        Self::build_over(doc, layer, Cow::Borrowed(entities))
    }

    /// The clause layer the resolver was built with, if any.
    pub fn clauses(&self) -> Option<&'a Clauses> {
        self.layer.map(|l| &l.clauses)
    }

    /// The token table the resolver was built with, if any.
    pub fn tokens(&self) -> Option<&'a crate::analysis::Tokens> {
        self.layer.map(|l| &l.tokens)
    }

    fn build(doc: &'a Document, layer: Option<&'a Layer>, entities: &'a [Entity]) -> Names<'a> {
        let entities: Cow<'a, [Entity]> = if entities.is_empty() {
            Cow::Owned(crate::extract::entities::extract(doc))
        } else {
            Cow::Borrowed(entities)
        };
        Self::build_over(doc, layer, entities)
    }

    fn build_over(
        doc: &'a Document,
        layer: Option<&'a Layer>,
        entities: Cow<'a, [Entity]>,
    ) -> Names<'a> {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        mentions.sort_by_key(|&(s, i)| (s.start, s.end, i));
        let mut by_name = HashMap::new();
        let mut by_form: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_name.entry(e.name.clone()).or_insert(i);
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                by_form
                    .entry(form.to_lowercase())
                    .and_modify(|o| {
                        if *o != Some(i) {
                            *o = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        let mut by_surname: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if e.label != EntityType::Person || !e.name.contains(' ') {
                continue;
            }
            if let Some(last) = e.name.split(' ').next_back() {
                by_surname
                    .entry(last.to_lowercase())
                    .and_modify(|o| {
                        if *o != Some(i) {
                            *o = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        short_form_mentions(doc, &by_form, &by_surname, &mut mentions);
        let genders = entity_genders(doc, &entities, &mentions);
        let mut mid_caps = HashSet::new();
        for sent in &doc.sentences {
            for i in sent.tokens.clone().skip(1) {
                let t = doc.token_text(i);
                if doc.tokens[i].kind == TokenKind::Word && starts_upper(t) {
                    let prev = doc.token_text(i - 1);
                    // After an opening quote mark a word is sentence-initial too.
                    if !matches!(prev, "\"" | "\u{201C}" | "'" | "\u{2018}" | ":") {
                        mid_caps.insert(t);
                    }
                }
            }
        }
        let n = entities.len();
        let mut names = Names {
            doc,
            layer,
            mentions,
            excluded: Vec::new(),
            genders,
            learnt: RefCell::new(vec![None; n]),
            mid_caps,
            same_pronoun_root: same_pronoun_roots(doc),
            by_name,
            by_form,
            by_surname,
            roles: HashMap::new(),
            topics: Vec::new(),
            topic_entity: RefCell::new(Vec::new()),
            affiliations: RefCell::new(HashMap::new()),
            entities,
        };
        names.roles = names.role_index();
        names.topics = (0..doc.sentences.len()).map(|s| names.topic(s)).collect();
        names
    }

    /// The entities this resolver reads (the indices of [`Referent::entity`] point here).
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Names inside these spans (direct quote contents) are not taken as pronoun antecedents
    /// for text outside them.
    pub fn set_excluded(&mut self, mut spans: Vec<Span>) {
        spans.sort();
        self.excluded = spans;
        self.topic_entity.borrow_mut().clear();
        for l in self.learnt.borrow_mut().iter_mut() {
            *l = None;
        }
    }

    fn is_excluded(&self, span: Span) -> bool {
        let i = self.excluded.partition_point(|s| s.start <= span.start);
        i > 0 && self.excluded[i - 1].contains(span)
    }

    fn entity_referent(&self, i: usize) -> Referent {
        let e = &self.entities[i];
        Referent {
            name: e.name.clone(),
            label: Some(e.label.as_str().to_string()),
            members: Vec::new(),
            entity: Some(i),
        }
    }

    /// The mentions overlapping `span`, in text order.
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let lo = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        self.mentions[lo..]
            .iter()
            .copied()
            .take_while(move |(s, _)| s.start < span.end)
            .filter(move |(s, _)| s.overlaps(span))
    }

    /// The entity with a mention covering token `i`.
    fn entity_at_token(&self, i: usize) -> Option<usize> {
        let at = self.doc.tokens.get(i)?.span;
        self.mentions_in(at).last().map(|(_, e)| e)
    }

    /// The entity that heads the phrase at `span`: the last mention reaching the phrase's
    /// head, which ends before a post-modifier that follows a name ("aviation analyst Mike
    /// Powell of Dresdner Bank" is Mike Powell; "Rabbi Ann Hier, founder of ..." is Ann Hier),
    /// and at the last word otherwise (the head of "China's President Xi Jinping" is Xi
    /// Jinping; "the party leader" has no name for a head).
    fn head_entity(&self, span: Span) -> Option<usize> {
        let doc = self.doc;
        let head_end = self.head_end(span);
        let span = Span::new(span.start, head_end);
        let mut best = None;
        for (s, e) in self.mentions_in(span) {
            if span.contains(s) && s.end >= head_end {
                best = Some(e);
            }
        }
        // A name's possessive ends the phrase too: "Acme's" in "Acme's".
        best.or_else(|| {
            let last = self.mentions_in(span).last()?;
            (last.0.end >= text_end_without_possessive(doc, span)).then_some(last.1)
        })
    }

    /// Where the head of the phrase at `span` ends: before a post-modifier ("of", "from",
    /// "at", a comma, a bracket, "who") that follows a name, else at the end (without a final
    /// possessive).
    fn head_end(&self, span: Span) -> usize {
        let doc = self.doc;
        let end = text_end_without_possessive(doc, span);
        let first = doc.token_at_or_after(span.start);
        let mut seen_name_end: Option<usize> = None;
        let mut i = first;
        while i < doc.tokens.len() && doc.tokens[i].span.end <= end {
            let tok = doc.tokens[i].span;
            let inside = self
                .mentions_in(tok)
                .any(|(s, _)| s.start < tok.start && s.end > tok.end || s.contains(tok));
            if inside {
                seen_name_end = Some(tok.end);
            } else if let Some(name_end) = seen_name_end
                && matches!(
                    doc.token_text(i),
                    "of" | "from" | "at" | "," | "(" | "who" | "whose" | "\u{2014}" | "\u{2013}"
                )
            {
                return name_end;
            } else if doc.token_text(i) != "'s" && doc.token_text(i) != "’s" {
                seen_name_end = None;
            }
            i += 1;
        }
        end
    }

    /// Resolves the phrase at `span` (a subject or a speaker phrase) to who it names.
    pub fn resolve(&self, span: Span) -> Option<Referent> {
        let doc = self.doc;
        let text = doc.slice(span).trim();
        let text = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text)
            .trim_end();
        if text.is_empty() {
            return None;
        }
        let lower = text.to_lowercase();
        if is_pronoun(&lower) || pronoun_want(&lower).is_some() {
            return self.antecedent(&lower, span.start);
        }
        if let Some(group) = self.group(span) {
            return Some(group);
        }
        if let Some(e) = self.head_entity(span) {
            return Some(self.entity_referent(e));
        }
        if let Some(e) = self.short_form(text) {
            return Some(self.entity_referent(e));
        }
        if let Some(e) = self.description(span) {
            return Some(self.entity_referent(e));
        }
        Some(Referent::words(text))
    }

    /// A name the entity extractor did not mark here but that is a form of one entity: an
    /// honorific or title with a surname ("Ms May" for Anna May), or a form the entity is
    /// mentioned by elsewhere.
    fn short_form(&self, text: &str) -> Option<usize> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let titled = words.len() >= 2 && words[..words.len() - 1].iter().all(|w| is_title_word(w));
        if !(titled || (words.len() == 1 && starts_upper(words[0]))) {
            return None;
        }
        let last = words.last()?.to_lowercase();
        if let Some(&Some(e)) = self.by_form.get(&last) {
            return Some(e);
        }
        self.by_surname.get(&last).copied().flatten()
    }

    /// "the Trade Secretary", "the company", "the Tory leader": the entity the article
    /// introduced in that role (a title before its name, an apposition after it), the nearest
    /// introduction before the phrase; else, as a lead sentence often names its subject by
    /// role and the next ones by name, the first introduction in the next sentences.
    fn description(&self, span: Span) -> Option<usize> {
        let doc = self.doc;
        let first = doc.token_at_or_after(span.start);
        let mut end = first;
        while end < doc.tokens.len() && doc.tokens[end].span.end <= span.end {
            end += 1;
        }
        if end <= first + 1 || !doc.token_text(first).eq_ignore_ascii_case("the") {
            return None;
        }
        // "the company's chief executive": the description after the possessive.
        let mut from = first + 1;
        if let Some(p) = (from..end)
            .rev()
            .find(|&i| is_possessive(doc.token_text(i)))
        {
            from = p + 1;
        }
        if from >= end || end - from > MAX_DESCRIPTION_WORDS {
            return None;
        }
        let words: Vec<String> = (from..end)
            .map(|i| doc.token_text(i).to_lowercase())
            .collect();
        let kind = role_kind(words.last()?)?;
        let sent = doc.sentence_at(span.start)?;
        for k in 0..words.len() {
            // "the shadow secretary", "the deputy leader": a word of another office may not
            // be dropped ("the secretary" is someone else).
            if k > 0 && is_former_office(&words[k - 1]) {
                break;
            }
            let key = words[k..].join(" ");
            let Some(list) = self.roles.get(&key) else {
                continue;
            };
            let fitting = |&&(_, e): &&(usize, usize)| fits_role(self.entities[e].label, kind);
            let before = list.partition_point(|&(t, _)| t < first);
            if let Some(&(_, e)) = list[..before].iter().rev().find(fitting) {
                return Some(e);
            }
            if let Some(&(t, e)) = list[before..].iter().find(fitting)
                && doc
                    .sentence_at(doc.tokens[t].span.start)
                    .is_some_and(|s| s <= sent + 2)
            {
                return Some(e);
            }
        }
        if kind == RoleKind::Body {
            // "the party" after "the Green Party": an organisation named with that head.
            let head = words.last()?;
            let hi = self.mentions.partition_point(|(s, _)| s.start < span.start);
            if let Some(&(_, e)) =
                self.mentions[..hi]
                    .iter()
                    .rev()
                    .take(MENTION_WINDOW)
                    .find(|&&(_, e)| {
                        let ent = &self.entities[e];
                        fits_role(ent.label, kind)
                            && ent.name.contains(' ')
                            && ent
                                .name
                                .split(' ')
                                .next_back()
                                .is_some_and(|w| w.eq_ignore_ascii_case(head))
                    })
            {
                return Some(e);
            }
        }
        None
    }

    /// Where each entity is introduced with a role: the words before a mention ("Trade
    /// Secretary Maria Lund", "carmaker Acme"), an apposition after it ("Maria Lund, the
    /// trade secretary,", "Jo Marsh, Acme's chief executive,") or before it ("the trade
    /// secretary, Maria Lund,"), and the titles the entity extractor saw. Every tail of the
    /// description ending in a role noun is a key: "trade secretary" and "secretary".
    fn role_index(&self) -> HashMap<String, Vec<(usize, usize)>> {
        let doc = self.doc;
        let mut index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let limit = DESCRIPTION_SCAN_TOKENS.min(doc.tokens.len());
        let add = |index: &mut HashMap<String, Vec<(usize, usize)>>,
                   words: &[String],
                   at: usize,
                   e: usize| {
            let Some(head) = words.last() else { return };
            if role_kind(head).is_none() {
                return;
            }
            for k in 0..words.len() {
                let list = index.entry(words[k..].join(" ")).or_default();
                if list.last() != Some(&(at, e)) {
                    list.push((at, e));
                }
            }
        };
        let lower_words = |a: usize, b: usize| -> Vec<String> {
            (a..b)
                .map(|i| {
                    let lower = doc.token_text(i).to_lowercase();
                    title_role(&lower).map_or(lower, str::to_string)
                })
                .collect()
        };
        for &(span, e) in &self.mentions {
            let first = doc.token_at_or_after(span.start);
            if first >= limit {
                break;
            }
            let mut end = first;
            while end < doc.tokens.len() && doc.tokens[end].span.end <= span.end {
                end += 1;
            }
            let Some(si) = doc.sentence_at(span.start) else {
                continue;
            };
            let sent = &doc.sentences[si];
            // Before the name: "former Tory treasurer (Lord) X".
            let mut j = first;
            while j > sent.tokens.start && gendered_title(doc.token_text(j - 1)).is_some() {
                j -= 1;
            }
            let mut i = j;
            while i > sent.tokens.start
                && j - i < MAX_DESCRIPTION_WORDS
                && (description_word(doc, self.tokens(), i - 1) || doc.token_text(i - 1) == "-")
            {
                i -= 1;
            }
            if i < j {
                add(&mut index, &lower_words(i, j), first, e);
            }
            // Before the name, in apposition: "the trade secretary, X".
            if i == j && j >= sent.tokens.start + 3 && doc.token_text(j - 1) == "," {
                let mut k = j - 1;
                while k > sent.tokens.start
                    && j - 1 - k < MAX_DESCRIPTION_WORDS
                    && description_word(doc, self.tokens(), k - 1)
                {
                    k -= 1;
                }
                if k < j - 1
                    && k > sent.tokens.start
                    && doc.token_text(k - 1).eq_ignore_ascii_case("the")
                {
                    add(&mut index, &lower_words(k, j - 1), first, e);
                }
            }
            // After the name: ", the trade secretary", ", Acme's chief executive", ", a
            // spokesman for".
            if end + 2 < sent.tokens.end && doc.token_text(end) == "," {
                let mut k = end + 1;
                let det = doc.token_text(k).to_lowercase();
                if matches!(
                    det.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                ) {
                    k += 1;
                } else {
                    // "X, Acme's chief executive": a possessive name.
                    let mut p = k;
                    while p < (k + 4).min(sent.tokens.end) && !is_possessive(doc.token_text(p)) {
                        p += 1;
                    }
                    if p < sent.tokens.end && is_possessive(doc.token_text(p)) && p > k {
                        k = p + 1;
                    }
                }
                let from = k;
                while k < sent.tokens.end
                    && k - from < MAX_DESCRIPTION_WORDS
                    && (description_word(doc, self.tokens(), k) || doc.token_text(k) == "-")
                {
                    k += 1;
                }
                if k > from {
                    add(&mut index, &lower_words(from, k), first, e);
                }
            }
        }
        // The titles the entity extractor saw ("President"), at the entity's first mention.
        for (e, ent) in self.entities.iter().enumerate() {
            let Some(m) = ent.mentions.first() else {
                continue;
            };
            let at = doc.token_at_or_after(m.span.start);
            if at >= limit {
                continue;
            }
            for role in &ent.roles {
                let words: Vec<String> = role.split_whitespace().map(str::to_lowercase).collect();
                add(&mut index, &words, at, e);
            }
        }
        for list in index.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    /// "both leaders", "the two sides", "X and Y": a group, with members where clear.
    fn group(&self, span: Span) -> Option<Referent> {
        let doc = self.doc;
        let text = doc.slice(span).trim();
        let lower = text.to_lowercase();
        let group_nouns = [
            "leaders",
            "sides",
            "countries",
            "nations",
            "governments",
            "parties",
            "presidents",
            "companies",
            "firms",
            "men",
            "ministers",
        ];
        let is_plural_group = lower.split_whitespace().count() <= 3
            && (lower.starts_with("both ") || lower.starts_with("the two "))
            && group_nouns.iter().any(|n| lower.ends_with(n));
        if is_plural_group {
            let members = self.recent_pair(span.start);
            return Some(Referent {
                name: text.to_string(),
                label: Some(GROUP.into()),
                members,
                entity: None,
            });
        }
        // A coordination of two names: "China’s President Xi Jinping and ... Vladimir Putin".
        let first = doc.token_at_or_after(span.start);
        let and = (first..doc.tokens.len())
            .take_while(|&i| doc.tokens[i].span.end <= span.end)
            .find(|&i| doc.token_text(i) == "and" || doc.token_text(i) == "&")?;
        let left = Span::new(span.start, doc.tokens[and].span.start);
        // "and" may end the phrase ("Smith and"): then there is no second name.
        let right_start = doc.tokens.get(and + 1)?.span.start;
        if right_start >= span.end {
            return None;
        }
        let right = Span::new(right_start, span.end);
        // "Marks and Spencer chief executive Stuart Rose": two single names joined by "and"
        // before a role and a name modify that name; it is the phrase's head.
        let single =
            |i: usize| doc.tokens[i].kind == TokenKind::Word && starts_upper(doc.token_text(i));
        let right_first = and + 1;
        if and > first
            && single(and - 1)
            && (and - 1 == first || !single(and - 2))
            && single(right_first)
            && doc.tokens.get(right_first + 1).is_some_and(|t| {
                t.span.end <= span.end
                    && t.kind == TokenKind::Word
                    && !starts_upper(doc.token_text(right_first + 1))
            })
            && self
                .mentions_in(Span::new(doc.tokens[right_first + 1].span.start, span.end))
                .next()
                .is_some()
        {
            return None;
        }
        let l = self.name_only(left)?;
        let r = self.name_only(right)?;
        Some(Referent {
            name: format!("{l} and {r}"),
            label: Some(GROUP.into()),
            members: vec![l, r],
            entity: None,
        })
    }

    /// The name a phrase holds: an entity's, no pronouns or descriptions.
    fn name_only(&self, span: Span) -> Option<String> {
        let e = self
            .head_entity(span)
            .or_else(|| self.mentions_in(span).last().map(|m| m.1))?;
        Some(self.entities[e].name.clone())
    }

    /// Whether a name (an entity mention) heads the phrase at `span`.
    pub fn is_name_head(&self, span: Span) -> bool {
        self.head_entity(span).is_some()
    }

    /// Whether `word` appears capitalised somewhere other than a sentence's first word: a
    /// sentence-initial "Prices" is a common noun, a sentence-initial "Acme" a name.
    pub fn is_name_word(&self, word: &str) -> bool {
        self.mid_caps.contains(word)
    }

    /// The two names of the nearest "A and B" before `pos`: the members of "both leaders".
    fn recent_pair(&self, pos: usize) -> Vec<String> {
        let doc = self.doc;
        let end = doc.token_at_or_after(pos);
        let start = end.saturating_sub(400);
        for i in (start + 1..end.saturating_sub(1)).rev() {
            if doc.token_text(i) != "and" {
                continue;
            }
            let (l, r) = (i - 1, i + 1);
            if !starts_upper(doc.token_text(l)) || !starts_upper(doc.token_text(r)) {
                continue;
            }
            let ls = self.entity_at_token(l);
            let rs = self.entity_at_token(r);
            if let (Some(a), Some(b)) = (ls, rs)
                && a != b
            {
                return vec![self.entities[a].name.clone(), self.entities[b].name.clone()];
            }
        }
        Vec::new()
    }

    /// The topic of sentence `si`: the subject of its main clause (from the clause layer when
    /// there is one), with the entity heading it or the pronoun it is.
    fn topic(&self, si: usize) -> Option<Topic> {
        let doc = self.doc;
        let sent = &doc.sentences[si];
        if doc.title.is_some_and(|t| t.contains(sent.span)) {
            return None;
        }
        let from_layer = self.clauses().and_then(|clauses| {
            let lo = clauses
                .groups
                .partition_point(|g| g.start < sent.tokens.start);
            // Of the main clauses, the one whose subject comes first: a clause set between a
            // subject and its verb ("Obama, for all the progress he made, seems to agree")
            // is not the sentence's main clause, though its verb comes first.
            let group = clauses.groups[lo..]
                .iter()
                .take_while(|g| g.start < sent.tokens.end)
                .filter(|g| {
                    g.form == Form::Finite
                        && !g.relative
                        && g.embedded_by.is_none()
                        && g.subject.is_some_and(|s| {
                            matches!(s.how, SubjectHow::Own | SubjectHow::Inverted)
                        })
                })
                .min_by_key(|g| {
                    let s = g.subject.expect("filtered on a subject");
                    if s.how == SubjectHow::Own {
                        s.phrase.start
                    } else {
                        g.start
                    }
                })?;
            // Who the subject names: a name in apposition to a title ("The Shadow Home
            // Secretary, Jo Li, said") is the topic, not the title.
            let p = self
                .tokens()
                .and_then(|tk| clauses.subject_referent(tk, group))
                .filter(|r| group.apposition.is_some_and(|a| a.start == r.start))
                .or(group.subject.map(|s| s.phrase))?;
            // The whole name holding the head ("Dr Liam Fox").
            let mut span = Span::new(
                doc.tokens[p.start].span.start,
                doc.tokens[p.end - 1].span.end,
            );
            if let Some((s, _)) = self.mentions_in(doc.tokens[p.head].span).last() {
                span = Span::new(span.start.min(s.start), span.end.max(s.end));
            }
            Some(span)
        });
        // A sentence whose main verb the layer did not find: its opening noun phrase
        // (after an opening quotation mark).
        let span = from_layer.or_else(|| {
            let (clauses, tk) = (self.clauses()?, self.tokens()?);
            let mut first = sent.tokens.start;
            while first < sent.tokens.end && tk.has(first, WordClasses::QUOTE) {
                first += 1;
            }
            let p = clauses.phrase_from(tk, first, sent.tokens.end)?;
            Some(Span::new(
                doc.tokens[p.start].span.start,
                doc.tokens[p.end - 1].span.end,
            ))
        })?;
        let lower = doc.slice(span).to_lowercase();
        let pronoun = static_pronoun(&lower);
        let entity = if pronoun.is_some() {
            None
        } else {
            self.head_entity(span)
                .or_else(|| self.short_form(doc.slice(span).trim()))
                .or_else(|| self.description(span))
        };
        Some(Topic {
            span,
            entity,
            pronoun,
        })
    }

    /// The entity sentence `si`'s topic names, resolving a pronoun topic through the topics
    /// before it. Fills the cache in sentence order, so no chain of pronoun topics recurses.
    fn topic_entity(&self, si: usize) -> Option<usize> {
        let have = self.topic_entity.borrow().len();
        for k in have..=si.min(self.topics.len().saturating_sub(1)) {
            let e = self.topics[k].and_then(|t| match t.pronoun {
                None => t.entity,
                Some(p) => {
                    let e = self.antecedent_in(p, t.span.start, k)?.entity?;
                    if let Want::Person(Some(g)) = pronoun_want(p)? {
                        let mut learnt = self.learnt.borrow_mut();
                        if self.genders[e].is_none() && learnt[e].is_none() {
                            learnt[e] = Some((g, k));
                        }
                    }
                    Some(e)
                }
            });
            self.topic_entity.borrow_mut().push(e);
        }
        self.topic_entity.borrow().get(si).copied().flatten()
    }

    /// The gender known for entity `e` before sentence `si`.
    fn gender(&self, e: usize, si: usize) -> Option<Gender> {
        self.genders[e].or_else(|| {
            self.learnt.borrow()[e]
                .filter(|&(_, at)| at < si)
                .map(|(g, _)| g)
        })
    }

    fn compatible(&self, e: usize, want: Want, si: usize) -> bool {
        if !fits(self.entities[e].label, want) {
            return false;
        }
        match want {
            Want::Person(Some(g)) => self.gender(e, si).is_none_or(|eg| eg == g),
            _ => true,
        }
    }

    /// What a pronoun at byte `pos` refers to: for "he"/"she" a person of that gender (by
    /// honorific, given name, or an earlier "he"/"she" for them), for "it"/"they"/"we" an
    /// organisation, place or people. In order: the topic of its own sentence when it comes
    /// before the pronoun, the topics of the sentences before (what a pronoun most often
    /// continues), then the nearest fitting name.
    pub fn antecedent(&self, pronoun: &str, pos: usize) -> Option<Referent> {
        let si = self.doc.sentence_at(pos)?;
        if si > 0 {
            self.topic_entity(si - 1);
        }
        self.antecedent_in(pronoun, pos, si)
    }

    /// [`Names::antecedent`] in sentence `si`, reading only the topics before it.
    fn antecedent_in(&self, pronoun: &str, pos: usize, si: usize) -> Option<Referent> {
        let want = pronoun_want(pronoun)?;
        let doc = self.doc;
        // "He will attack ... and he will set out ...": the same pronoun earlier in the sentence
        // names the same person; the first of such a chain is resolved (`same_pronoun_root`).
        let here = doc.token_at_or_after(pos);
        let mut pos = pos;
        let floor = doc.sentences[si]
            .tokens
            .start
            .max(here.saturating_sub(SAME_PRONOUN_WINDOW));
        if let Some(earlier) = (floor..here)
            .rev()
            .find(|&i| doc.token_text(i).eq_ignore_ascii_case(pronoun))
        {
            pos = doc.tokens[self.same_pronoun_root[earlier]].span.start;
        }
        let inside_quote = self.is_excluded(Span::new(pos, pos));
        let usable = |s: Span| inside_quote || !self.is_excluded(s);
        // The topic of this sentence, before the pronoun ("Greene believes Gatlin is the
        // threat to his ambitions"); not for an object pronoun, which names someone else than
        // its clause's subject ("Smith praised him").
        let object_form = matches!(pronoun, "him" | "them" | "me" | "us");
        if !object_form
            && let Some(t) = self.topics[si]
            && t.pronoun.is_none()
            && t.span.end <= pos
            && usable(t.span)
            && let Some(e) = t.entity
            && self.compatible(e, want, si)
        {
            return Some(self.entity_referent(e));
        }
        // The topics of the sentences before; sentences inside quotation marks (a quoted
        // paragraph between "Mr Law said:" and "He added") do not count.
        let mut counted = 0;
        for k in (si.saturating_sub(TOPIC_LOOKBACK)..si).rev() {
            if counted == TOPIC_SENTENCES {
                break;
            }
            let Some(t) = self.topics[k] else {
                counted += 1;
                continue;
            };
            if !usable(t.span) {
                continue;
            }
            counted += 1;
            let e = match t.pronoun {
                None => t.entity,
                Some(_) => self.topic_entity.borrow().get(k).copied().flatten(),
            };
            if let Some(e) = e
                && self.compatible(e, want, si)
            {
                return Some(self.entity_referent(e));
            }
        }
        // The nearest fitting name.
        let hi = self.mentions.partition_point(|(s, _)| s.start < pos);
        for &(s, e) in self.mentions[..hi].iter().rev().take(MENTION_WINDOW) {
            if usable(s) && self.compatible(e, want, si) {
                return Some(self.entity_referent(e));
            }
        }
        None
    }

    /// Resolves a speaker phrase: as [`Names::resolve`], and a role the article gave no one
    /// ("the minister", "the company") to the person or organisation the story was about.
    pub fn resolve_speaker(&self, span: Span) -> Option<Referent> {
        let r = self.resolve(span)?;
        let text = self.doc.slice(span).to_lowercase();
        if r.entity.is_some() || r.label.is_some() || !text.starts_with("the ") {
            return Some(r);
        }
        let head = text.split_whitespace().last().unwrap_or("");
        let want = match role_kind(head) {
            Some(RoleKind::Person) => Want::Person(None),
            Some(RoleKind::Body) => Want::Body,
            None => return Some(r),
        };
        // The story's most salient fitting entity named in the sentences around: a role the
        // article gives no name to is most often its main person or body's ("the first
        // minister" in a story about him); a lead sentence's role is named just after it.
        let doc = self.doc;
        let si = doc.sentence_at(span.start)?;
        let usable = |s: Span| !self.is_excluded(s);
        let window = |from: usize, to: usize| {
            let lo = doc.sentences[from].span.start;
            let hi = doc.sentences[to.min(doc.sentences.len() - 1)].span.end;
            let a = self.mentions.partition_point(|(s, _)| s.start < lo);
            let b = self.mentions.partition_point(|(s, _)| s.start < hi);
            self.mentions[a..b]
                .iter()
                .filter(|&&(s, e)| {
                    usable(s) && !s.overlaps(span) && fits(self.entities[e].label, want)
                })
                .map(|&(_, e)| e)
                .min()
        };
        if let Some(e) =
            window(si.saturating_sub(ROLE_SENTENCES), si).or_else(|| window(si, si + 2))
        {
            return Some(self.entity_referent(e));
        }
        Some(r)
    }

    /// The organisation a person speaks for, when the article introduces them with it:
    /// "Acme's chief executive Jo Marsh", "Acme chief executive Jo Marsh", "Jo Marsh, chief
    /// executive of Acme". What "we" in their quotes stands for.
    pub fn affiliation(&self, person: &str) -> Option<Referent> {
        let &e = self.by_name.get(person)?;
        if let Some(known) = self.affiliations.borrow().get(&e) {
            return known.clone();
        }
        let found = self.find_affiliation(e);
        self.affiliations.borrow_mut().insert(e, found.clone());
        found
    }

    fn find_affiliation(&self, person: usize) -> Option<Referent> {
        let doc = self.doc;
        let ent = &self.entities[person];
        if ent.label != EntityType::Person {
            return None;
        }
        let org_at = |i: usize| -> Option<Referent> {
            let e = self.entity_at_token(i)?;
            matches!(self.entities[e].label, EntityType::Org | EntityType::Gpe)
                .then(|| self.entity_referent(e))
        };
        let mut minister = false;
        for m in ent.mentions.iter().take(AFFILIATION_MENTIONS) {
            let first = doc.token_at_or_after(m.span.start);
            let sent = &doc.sentences[m.sentence.min(doc.sentences.len() - 1)];
            let (floor, end) = (sent.tokens.start, sent.tokens.end);
            minister |= government_role(doc, floor, first);
            // Before the name: lower-case role words, then "Org's" or "Org".
            let mut i = first;
            while i > floor && gendered_title(doc.token_text(i - 1)).is_some() {
                i -= 1;
            }
            let mut role_words = 0;
            while i > floor && role_words < 4 {
                let t = doc.token_text(i - 1);
                let role_word = t.chars().next().is_some_and(char::is_lowercase)
                    && description_word(doc, self.tokens(), i - 1);
                if role_word || t == "-" {
                    i -= 1;
                    role_words += 1;
                } else {
                    break;
                }
            }
            if role_words > 0 && i > floor {
                let mut j = i;
                if is_possessive(doc.token_text(j - 1)) {
                    j -= 1;
                }
                if j > floor {
                    if let Some(o) = org_at(j - 1) {
                        return Some(o);
                    }
                    // Capitalised words right before a role ("Acme Foods chief executive")
                    // are an organisation whatever their shape, named or not.
                    let mut k = j;
                    while k > floor && j - k < 4 && starts_upper(doc.token_text(k - 1)) {
                        k -= 1;
                    }
                    let proper =
                        |k: usize| self.tokens().is_some_and(|tk| tk.tag(k).is_proper_noun());
                    if k < j && (k..j).all(proper) {
                        let span = Span::new(doc.tokens[k].span.start, doc.tokens[j - 1].span.end);
                        return Some(Referent::words(doc.slice(span)));
                    }
                }
            }
            // After the name: ", chief executive of Org".
            let mut k = doc.token_at_or_after(m.span.end);
            if k < end && doc.token_text(k) == "," {
                k += 1;
                let limit = (k + 6).min(end);
                while k < limit
                    && doc
                        .token_text(k)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                {
                    if matches!(doc.token_text(k), "of" | "at" | "for") && k + 1 < end {
                        let p = self.clauses()?.phrase_from(self.tokens()?, k + 1, end)?;
                        let last = p.end - 1;
                        if let Some(o) = org_at(last) {
                            return Some(o);
                        }
                        break;
                    }
                    k += 1;
                }
                // ", Acme's chief executive".
                if k < end
                    && k + 1 < end
                    && is_possessive(doc.token_text(k + 1))
                    && let Some(o) = org_at(k)
                {
                    return Some(o);
                }
            }
        }
        // "economy minister Heizo Takenaka", "the Home Secretary, Ann Lee": a minister with
        // no organisation named speaks for the government.
        minister.then(|| Referent::words("the government"))
    }

    /// Whether `name` is a person's: a PERSON entity, else a titled or given-name shape.
    pub fn is_person(&self, name: &str) -> bool {
        if let Some(&e) = self.by_name.get(name) {
            return self.entities[e].label == EntityType::Person;
        }
        if let Some(Some(e)) = self.by_form.get(&name.to_lowercase()) {
            return self.entities[*e].label == EntityType::Person;
        }
        let mut words = name.split_whitespace();
        words
            .next()
            .is_some_and(|w| gendered_title(w).is_some() || FIRST_NAMES.contains(w))
            && words.next().is_some()
    }

    /// The referent for a name already resolved elsewhere (a quote's speaker), with its label
    /// and entity: an entity's name, or a form only one entity is mentioned by.
    pub fn referent_for_name(&self, name: &str) -> Referent {
        let e = self
            .by_name
            .get(name)
            .copied()
            .or_else(|| self.by_form.get(&name.to_lowercase()).copied().flatten());
        match e {
            Some(e) if self.entities[e].name == name => self.entity_referent(e),
            Some(e) => Referent {
                name: name.to_string(),
                ..self.entity_referent(e)
            },
            None => Referent::words(name),
        }
    }
}

/// Adds the mentions the entity extractor left unmarked where an honorific or title stands
/// before a capitalised word that is a form of one entity ("Mr Law" of Jack Law, "Ms May" of
/// Anna May). One pass over the tokens; keeps `mentions` sorted.
fn short_form_mentions(
    doc: &Document,
    by_form: &HashMap<String, Option<usize>>,
    by_surname: &HashMap<String, Option<usize>>,
    mentions: &mut Vec<(Span, usize)>,
) {
    let mut added = Vec::new();
    let mut m = 0;
    for i in 0..doc.tokens.len().saturating_sub(1) {
        if !is_title_word(doc.token_text(i)) {
            continue;
        }
        let name = doc.tokens[i + 1].span;
        let word = doc.token_text(i + 1);
        if doc.tokens[i + 1].kind != TokenKind::Word || !starts_upper(word) {
            continue;
        }
        while m < mentions.len() && mentions[m].0.end <= name.start {
            m += 1;
        }
        if m < mentions.len() && mentions[m].0.overlaps(name) {
            continue;
        }
        let lower = word.to_lowercase();
        let e = match by_form.get(&lower) {
            Some(&Some(e)) => Some(e),
            _ => by_surname.get(&lower).copied().flatten(),
        };
        if let Some(e) = e {
            added.push((name, e));
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|&(s, i)| (s.start, s.end, i));
    }
}

/// Whether a government office stands right before the name at token `first`, in the
/// sentence from `floor`: "economy minister", "the Trade and Industry Secretary", "Finance
/// Minister", not "shadow", "former" or "deputy leader". Looks at most six words back.
fn government_role(doc: &Document, floor: usize, first: usize) -> bool {
    let mut k = first;
    // The office word seen, and whether lower-case words of its field may come before it:
    // "economy minister", but not "club secretary", "press secretary" or "university
    // chancellor", which name no government office; those need capitals ("Home Secretary").
    let mut office = false;
    let mut lower_field = false;
    while k > floor && first - k < 6 {
        let w = doc.token_text(k - 1);
        let alphabetic = w.chars().all(char::is_alphabetic);
        match w {
            "minister" | "Minister" => (office, lower_field) = (true, true),
            "Secretary" | "Chancellor" => office = true,
            _ if is_former_office(&w.to_lowercase()) || w.eq_ignore_ascii_case("opposition") => {
                return false;
            }
            "and" | "of" => {}
            // The office's name: "Trade and Industry", "Secretary of State".
            _ if alphabetic && (starts_upper(w) || (lower_field && w.len() > 3)) => {}
            _ => break,
        }
        k -= 1;
    }
    office
}

/// A word that makes an office someone else's ("shadow", "former", "deputy" ...): the
/// holder speaks for no government, and "the shadow secretary" is not "the secretary".
fn is_former_office(lower: &str) -> bool {
    matches!(
        lower,
        "shadow" | "deputy" | "former" | "vice" | "assistant" | "junior" | "ex" | "general"
    )
}

/// Each entity's gender: an honorific before a mention ("Ms Lund", "Sir Tom"), else the given
/// name of its full name ("Maria Lund").
fn entity_genders(
    doc: &Document,
    entities: &[Entity],
    mentions: &[(Span, usize)],
) -> Vec<Option<Gender>> {
    let mut genders: Vec<Option<Gender>> = vec![None; entities.len()];
    let honorific = gendered_title;
    for &(span, e) in mentions {
        if genders[e].is_some() || entities[e].label != EntityType::Person {
            continue;
        }
        let first = doc.token_at_or_after(span.start);
        let before = (first > 0).then(|| doc.token_text(first - 1));
        let inside = doc.slice(span).split_whitespace().next();
        genders[e] = before
            .and_then(honorific)
            .or_else(|| inside.and_then(honorific));
    }
    for (e, ent) in entities.iter().enumerate() {
        if genders[e].is_none() && ent.label == EntityType::Person && ent.name.contains(' ') {
            genders[e] = ent
                .name
                .split_whitespace()
                .next()
                .and_then(first_name_gender);
        }
    }
    genders
}

/// Heads of definite descriptions of a person by role ("the minister said"), lower case.
const PERSON_ROLES: &[&str] = &[
    "minister",
    "secretary",
    "commissioner",
    "chancellor",
    "president",
    "vice-president",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "co-chairman",
    "co-chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "executive",
    "head",
    "director",
    "governor",
    "mayor",
    "premier",
    "senator",
    "representative",
    "lawmaker",
    "legislator",
    "lieutenant",
    "colonel",
    "admiral",
    "sergeant",
    "congressman",
    "congresswoman",
    "ambassador",
    "manager",
    "coach",
    "founder",
    "boss",
    "star",
    "singer",
    "actor",
    "actress",
    "player",
    "striker",
    "champion",
    "athlete",
    "author",
    "analyst",
    "economist",
    "producer",
    "presenter",
    "editor",
    "treasurer",
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "adviser",
    "advisor",
    "candidate",
    "nominee",
    "chairperson",
    "officer",
    "inspector",
    "superintendent",
    "general",
    "owner",
    "prince",
    "princess",
    "king",
    "queen",
    "rapper",
    "director-general",
    "secretary-general",
    "deputy",
    "professor",
    "scientist",
    "researcher",
    "campaigner",
    "activist",
    "captain",
    "winger",
    "midfielder",
    "defender",
    "goalkeeper",
    "batsman",
    "bowler",
    "sprinter",
    "runner",
    "driver",
    "rider",
    "musician",
    "comedian",
    "filmmaker",
    "film-maker",
    "writer",
    "novelist",
    "journalist",
    "speaker",
    "justice",
    "pope",
    "bishop",
    "archbishop",
    "chairman-elect",
    "president-elect",
];

/// Heads of definite descriptions of an organisation ("the company said"), lower case.
const ORG_ROLES: &[&str] = &[
    "company",
    "firm",
    "group",
    "carrier",
    "airline",
    "bank",
    "lender",
    "retailer",
    "insurer",
    "maker",
    "carmaker",
    "giant",
    "operator",
    "party",
    "club",
    "organisation",
    "organization",
    "agency",
    "watchdog",
    "regulator",
    "broadcaster",
    "publisher",
    "newspaper",
    "paper",
    "network",
    "channel",
    "studio",
    "label",
    "union",
    "charity",
    "council",
    "commission",
    "committee",
    "ministry",
    "department",
    "authority",
    "body",
    "association",
    "federation",
    "institute",
    "court",
    "board",
    "team",
    "side",
    "corporation",
    "conglomerate",
    "chain",
    "supermarket",
    "manufacturer",
    "developer",
    "exporter",
    "importer",
    "utility",
    "supplier",
    "provider",
    "outlet",
    "website",
    "magazine",
    "daily",
    "tabloid",
];

/// Where a phrase's text ends, not counting a final possessive mark.
fn text_end_without_possessive(doc: &Document, span: Span) -> usize {
    let t = doc.slice(span);
    for p in ["'s", "\u{2019}s"] {
        if let Some(rest) = t.strip_suffix(p) {
            return span.start + rest.trim_end().len();
        }
    }
    span.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::entity;

    #[test]
    fn genders_come_from_the_entity_lists() {
        assert_eq!(gendered_title("Ms"), Some(Gender::Female));
        assert_eq!(gendered_title("Sir"), Some(Gender::Male));
        assert_eq!(gendered_title("Dr"), None);
        assert!(is_title_word("Dr") && is_title_word("Senator"));
        assert_eq!(first_name_gender("Maria"), Some(Gender::Female));
        assert_eq!(first_name_gender("Vladimir"), Some(Gender::Male));
        // A family name that comes first ("Xi Jinping") and a name both sexes carry say
        // nothing.
        assert_eq!(first_name_gender("Xi"), None);
        assert_eq!(first_name_gender("Taylor"), None);
        // Every gender field is m or f, and the table `build.rs` writes holds what parsing
        // the lists gives (a later line winning).
        let mut parsed: FnvMap<&str, Gender> = FnvMap::default();
        for f in lexicon::entries(lists::FIRST_NAMES_CENSUS)
            .chain(lexicon::entries(lists::FIRST_NAMES_EXTRA))
        {
            assert!(
                f.len() == 1 || (f.len() == 2 && Gender::parse(f[1]).is_some()),
                "{f:?}"
            );
            if let Some(g) = f.get(1).and_then(|g| Gender::parse(g)) {
                parsed.insert(f[0], g);
            }
        }
        for (name, gender) in &parsed {
            assert_eq!(first_name_gender(name), Some(*gender), "{name:?}");
        }
        assert_eq!(FIRST_NAMES.iter().count(), parsed.len());
        for f in lexicon::entries(lists::RULES).filter(|f| f.len() > 2) {
            assert!(f.len() == 3 && Gender::parse(f[2]).is_some(), "{f:?}");
        }
    }

    fn find(doc: &Document, s: &str) -> Span {
        let p = doc.text.find(s).unwrap();
        Span::new(p, p + s.len())
    }

    fn resolved(names: &Names, doc: &Document, s: &str) -> Option<String> {
        names.resolve(find(doc, s)).map(|r| r.name)
    }

    #[test]
    fn resolution_without_entities_runs_the_entity_extractor() {
        let doc = Document::new(
            "Trade Secretary Maria Lund spoke on Monday. Ms Lund said it was fine. She left. Mr Tom Brown waved.",
        );
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &[]);
        let r = names.resolve(find(&doc, "Ms Lund")).unwrap();
        assert_eq!(r.name, "Maria Lund");
        assert!(r.entity.is_some());
        assert_eq!(resolved(&names, &doc, "She").as_deref(), Some("Maria Lund"));
        assert_eq!(
            resolved(&names, &doc, "Mr Tom Brown").as_deref(),
            Some("Tom Brown")
        );
    }

    #[test]
    fn month_words_as_surnames() {
        let doc = Document::new("Shadow minister Anna May spoke on May 5. Ms May left in June.");
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &[]);
        assert_eq!(
            resolved(&names, &doc, "Ms May").as_deref(),
            Some("Anna May")
        );
    }

    /// Resolves each (phrase, nth occurrence) of `text` with the entity extractor's entities.
    fn resolve_all(text: &str, phrases: &[(&str, usize)]) -> Vec<Option<String>> {
        let doc = Document::new(text);
        let layer = Layer::new(&doc);
        let ents = crate::extract::entities::extract(&doc);
        let names = Names::with_layer(&doc, &layer, &ents);
        phrases
            .iter()
            .map(|&(p, nth)| {
                let at = doc
                    .text
                    .match_indices(p)
                    .nth(nth)
                    .expect("phrase in text")
                    .0;
                names.resolve(Span::new(at, at + p.len())).map(|r| r.name)
            })
            .collect()
    }

    #[test]
    fn pronouns_take_gender_and_the_sentence_topic() {
        // "she" skips a man named later; "his" is the subject's, not the nearer name's.
        let got = resolve_all(
            "Ms Anna Berg chairs the board. Tom Lund joined it in May. She said the talks went well. \
             Tom Lund believes Carl Ek is the biggest threat to his hopes.",
            &[("She", 0), ("his", 0)],
        );
        assert_eq!(got[0].as_deref(), Some("Anna Berg"));
        assert_eq!(got[1].as_deref(), Some("Tom Lund"));
    }

    #[test]
    fn a_pronoun_after_a_quoted_paragraph_continues_its_speaker() {
        let text = "Mr Piet Kramer met Jan Vos on Monday.\n\n\
            \"We will fight. We will not give up. They know that.\" Mr Kramer said.\n\n\
            He said more talks would follow.";
        let doc = Document::new(text);
        let layer = Layer::new(&doc);
        let ents = crate::extract::entities::extract(&doc);
        let mut names = Names::with_layer(&doc, &layer, &ents);
        let open = text.find('"').unwrap() + 1;
        let close = open + text[open..].find('"').unwrap();
        names.set_excluded(vec![Span::new(open, close)]);
        let he = text.rfind("He").unwrap();
        let r = names.resolve(Span::new(he, he + 2)).unwrap();
        assert_eq!(r.name, "Piet Kramer");
        assert!(r.entity.is_some());
    }

    #[test]
    fn roles_refer_to_who_the_article_introduced_in_them() {
        let got = resolve_all(
            "Trade Secretary Maria Lund met Carl Ek, the chief executive of Nordvik Bank, on Monday. \
             The trade secretary said the bank would open new branches.",
            &[("The trade secretary", 0), ("the bank", 0)],
        );
        assert_eq!(got[0].as_deref(), Some("Maria Lund"));
        assert_eq!(got[1].as_deref(), Some("Nordvik Bank"));
    }

    #[test]
    fn a_shadow_office_is_not_the_office() {
        let got = resolve_all(
            "Home Secretary Maria Lund spoke first. The shadow home secretary said the plan \
             would fail.",
            &[("The shadow home secretary", 0)],
        );
        assert_eq!(got[0].as_deref(), Some("The shadow home secretary"));
    }

    #[test]
    fn a_minister_speaks_for_the_government() {
        let doc = Document::new(
            "On Monday economy minister Ken Sato spoke. Former finance minister Ada Ito spoke too.",
        );
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &[]);
        let gov = names.affiliation("Ken Sato").map(|r| r.name);
        assert_eq!(gov.as_deref(), Some("the government"));
        assert_eq!(names.affiliation("Ada Ito"), None);
        // Secretaries of clubs and press offices hold no government office.
        let doc =
            Document::new("On Monday club secretary Ann Lee spoke. Home Secretary Jo Bell spoke.");
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &[]);
        assert_eq!(names.affiliation("Ann Lee"), None);
        let gov = names.affiliation("Jo Bell").map(|r| r.name);
        assert_eq!(gov.as_deref(), Some("the government"));
    }

    #[test]
    fn a_name_before_of_heads_its_phrase() {
        let got = resolve_all(
            "Analyst Maria Lund of Nordvik Bank spoke. Marks and Spencer executive producer Anna Berg spoke.",
            &[
                ("Analyst Maria Lund of Nordvik Bank", 0),
                ("Marks and Spencer executive producer Anna Berg", 0),
            ],
        );
        assert_eq!(got[0].as_deref(), Some("Maria Lund"));
        assert_eq!(got[1].as_deref(), Some("Anna Berg"));
    }

    #[test]
    fn a_long_run_of_pronoun_topics_resolves_without_recursion() {
        let text = format!("Anna Lund arrived. {}", "She spoke. ".repeat(20_000));
        let doc = Document::new(text.as_str());
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &[]);
        let last = text.rfind("She").unwrap();
        assert_eq!(
            names
                .resolve(Span::new(last, last + 3))
                .map(|r| r.name)
                .as_deref(),
            Some("Anna Lund")
        );
    }

    #[test]
    fn a_phrase_ending_in_and_is_no_group() {
        // (text, the phrase: its first n bytes, a group?) The coordination's right half would
        // start after a phrase that ends in "and".
        for (text, n, group) in [
            ("Smith and Jones left.", 9, false),
            ("Berg & Lund left.", 6, false),
            ("Anna Berg and Carl Lund left.", 23, true),
        ] {
            let doc = Document::new(text);
            let layer = Layer::new(&doc);
            let names = Names::with_layer(&doc, &layer, &[]);
            let got = names.resolve(Span::new(0, n));
            assert_eq!(
                got.is_some_and(|r| r.label.as_deref() == Some("GROUP")),
                group,
                "{text}"
            );
        }
    }

    #[test]
    fn a_repeated_pronoun_resolves_to_the_first_ones_antecedent() {
        // "she ... and she ...": every "she" of the sentence names who the first one does, for
        // chains of any length (iteratively: the chain is longer than the stack allows).
        for reps in [1, 2, 30_000] {
            let text = format!(
                "Anna Lund met Carl Berg. She said she{} would win.",
                " and she".repeat(reps)
            );
            let doc = Document::new(text.as_str());
            let layer = Layer::new(&doc);
            let names = Names::with_layer(&doc, &layer, &[]);
            let last = text.rfind("she").unwrap();
            let r = names.resolve(Span::new(last, last + 3)).expect("resolved");
            assert_eq!(r.name, "Anna Lund", "{reps}");
        }
    }

    #[test]
    fn resolution_with_entities_uses_canonical_names() {
        let doc = Document::new(
            "Vladimir Putin arrived. Putin said he was pleased. Both leaders smiled with Xi.",
        );
        let ents = vec![
            entity(
                "Vladimir Putin",
                EntityType::Person,
                &doc,
                &["Vladimir Putin", "Putin"],
            ),
            entity("Xi Jinping", EntityType::Person, &doc, &["Xi"]),
        ];
        let layer = Layer::new(&doc);
        let names = Names::with_layer(&doc, &layer, &ents);
        let p = doc.text.find("Putin said").unwrap();
        let r = names.resolve(Span::new(p, p + 5)).unwrap();
        assert_eq!(r.name, "Vladimir Putin");
        assert_eq!(r.label.as_deref(), Some("PERSON"));
        let he = doc.text.find("he was").unwrap();
        assert_eq!(
            names.resolve(Span::new(he, he + 2)).unwrap().name,
            "Vladimir Putin"
        );
    }
}

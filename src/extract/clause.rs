//! Shared clause helpers for the quote and commitment extractors: finding the noun phrase that
//! is the subject of a verb, and turning a phrase into the name of who it refers to (entities
//! first, then capitalised names in the text, pronouns to the most recent suitable name).
//!
//! Everything works on token indices into [`Document::tokens`]; walks are bounded so that no
//! input makes them quadratic.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::doc::{Document, Span, TokenKind};
use crate::extract::entities::{Entity, EntityType};
use crate::lexicon;

static NAME_WORDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../lexicon/data/quotes_name_words.txt"))
        .filter(|f| f.len() >= 2)
        .map(|f| (f[0], f[1]))
        .collect()
});

static FIRST_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../lexicon/data/quotes_first_names.txt"))
        .filter_map(|f| match f.get(1).copied() {
            Some("m") => Some((f[0], Gender::Male)),
            Some("f") => Some((f[0], Gender::Female)),
            _ => None,
        })
        .collect()
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Function words that may open a sentence capitalised without being part of a name.
const NON_NAME_CAPS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "With",
    "By",
    "From",
    "To",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "Yet",
    "So",
    "Now",
    "Then",
    "However",
    "Meanwhile",
    "Also",
    "Since",
    "Although",
    "Though",
    "Because",
    "Under",
    "Over",
    "During",
    "Both",
    "Some",
    "Many",
    "Most",
    "All",
    "Any",
    "Each",
    "Every",
    "No",
    "Not",
    "Mrs",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Finally",
    "Overall",
    "Additionally",
    "Still",
    "Even",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Asked",
    "According",
    "Despite",
    "Among",
    "Between",
    "Against",
    "Without",
    "Instead",
    "Other",
    "Another",
    "Several",
    "Few",
    "Only",
    "Just",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Lower-case words that may stand inside a capitalised name ("Bank of England").
const NAME_CONNECTORS: &[&str] = &["of", "for", "de", "van", "von", "bin", "al", "la", "du"];

/// Words that end a backward walk for a subject: the subject does not reach past them.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "while", "as", "when", "after",
    "before", "because", "if", "so", "than", "where", "although", "though", "since", "until",
    "unless", "whether", "said", "says", "say", "told", "with", "by", "to", "in", "on", "at",
    "for", "from", "of", "about", "into", "over", "under", "between", "against", "during", "is",
    "are", "was", "were", "be", "been", "being", "not", "also", "has", "have", "had", "will",
    "would", "could", "should", "can", "may", "might", "must", "do", "does", "did",
];

/// Determiners that open a noun phrase; the backward walk stops after taking one.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "both", "two", "some", "many", "several", "all", "other", "another", "each", "every", "most",
];

/// Words between a subject and its verb that are not part of the subject ("Xi has also said").
const VERB_PREFIX: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "earlier",
    "previously",
    "recently",
    "again",
    "then",
    "now",
    "today",
    "yesterday",
    "repeatedly",
    "already",
    "publicly",
    "privately",
    "once",
    "always",
    "still",
    "had",
    "further",
    "separately",
    "subsequently",
    "finally",
    "quickly",
    "clearly",
    "firmly",
    "openly",
    "last",
    "week",
    "is",
    "are",
    "was",
    "were",
    "would",
    "will",
    "did",
    "does",
    "do",
    "be",
    "been",
    "being",
    "not",
    "never",
    "apparently",
    "reportedly",
];

pub const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you",
];

pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word.to_lowercase().as_str())
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'S" | "’S")
}

/// Who a phrase names: the fullest name the article gives, with its entity label.
#[derive(Clone, Debug, PartialEq)]
pub struct Referent {
    pub name: String,
    pub label: Option<String>,
    pub members: Vec<String>,
}

/// A capitalised name found in the text without the entity extractor's help.
#[derive(Clone, Debug)]
struct NameRun {
    span: Span,
    /// The run with leading titles stripped ("Maria Lund" from "Secretary Maria Lund").
    name: String,
    person: bool,
    gender: Option<Gender>,
}

/// Resolves phrases of one document to names. Build once per document.
pub struct Names<'a> {
    pub doc: &'a Document,
    entities: &'a [Entity],
    /// Every entity mention (span, entity index), sorted by start.
    mentions: Vec<(Span, usize)>,
    runs: Vec<NameRun>,
    /// A name word (lower case) -> the fullest person name holding it as first or last word.
    fullest: HashMap<String, usize>,
    /// Spans (direct quote contents) whose names are not antecedents for pronouns outside.
    excluded: Vec<Span>,
    /// A name's last word (lower case) -> the gender its honorific shows ("Ms Lund").
    genders: HashMap<String, Gender>,
    /// Capitalised words seen other than first in their sentence.
    mid_caps: std::collections::HashSet<&'a str>,
    /// For each token, the first token of the chain of the same pronoun (each within
    /// [`SAME_PRONOUN_WINDOW`] tokens of the one before, in one sentence) that it ends; the
    /// token itself when it is no pronoun or the chain's first. Computed once, so resolving
    /// every pronoun of a sentence that repeats one is linear, not quadratic.
    same_pronoun_root: Vec<usize>,
    /// Entity name -> the first entity of that name.
    by_name: HashMap<&'a str, usize>,
    /// The first [`AFFILIATION_RUNS`] person runs (index into `runs`) with their fullest
    /// names: where [`Names::affiliation`] looks for how a person was introduced.
    person_runs: OnceCell<Vec<(usize, String)>>,
    /// [`Names::affiliation`]'s answers so far, by person.
    affiliations: RefCell<HashMap<String, Option<Referent>>>,
    /// The 1 to [`MAX_DESCRIPTION_WORDS`] tokens right before a person's name ("Trade
    /// Secretary" before "Maria Lund") -> the first such person run: what a definite
    /// description ("the Trade Secretary") refers to, found by one lookup.
    before_person: HashMap<Vec<&'a str>, usize>,
}

/// The longest description ("the Trade Secretary") matched against the words before a name.
const MAX_DESCRIPTION_WORDS: usize = 5;

/// Names are looked for after descriptions only in a document's first tokens: enough for any
/// article, and a bound on the index for a huge input.
const DESCRIPTION_SCAN_TOKENS: usize = 50_000;

/// [`Names::before_person`] for `runs`.
fn words_before_persons<'a>(doc: &'a Document, runs: &[NameRun]) -> HashMap<Vec<&'a str>, usize> {
    let mut index = HashMap::new();
    for (r, run) in runs.iter().enumerate() {
        if !run.person {
            continue;
        }
        let at = doc.token_at_or_after(run.span.start);
        if at >= DESCRIPTION_SCAN_TOKENS.min(doc.tokens.len()) {
            break;
        }
        for n in 1..=MAX_DESCRIPTION_WORDS.min(at) {
            let words: Vec<&str> = (at - n..at).map(|i| doc.token_text(i)).collect();
            index.entry(words).or_insert(r);
        }
    }
    index
}

/// How many of a document's person names [`Names::affiliation`] looks at: an article
/// introduces its people early.
const AFFILIATION_RUNS: usize = 2000;

/// How far back (in tokens) an earlier occurrence of the same pronoun is taken to name the
/// same person.
const SAME_PRONOUN_WINDOW: usize = 40;

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

impl<'a> Names<'a> {
    pub fn new(doc: &'a Document, entities: &'a [Entity]) -> Names<'a> {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        mentions.sort_by_key(|&(s, i)| (s.start, s.end, i));
        let runs = name_runs(doc);
        let mut fullest: HashMap<String, usize> = HashMap::new();
        for (i, run) in runs.iter().enumerate() {
            if !run.person {
                continue;
            }
            let words: Vec<&str> = run.name.split(' ').collect();
            if words.len() < 2 {
                continue;
            }
            for key in [words[0], words[words.len() - 1]] {
                let key = key.to_lowercase();
                let better = match fullest.get(&key) {
                    Some(&j) => runs[j].name.len() < run.name.len(),
                    None => true,
                };
                if better {
                    fullest.insert(key, i);
                }
            }
        }
        // Gender by honorific ("Ms Lund") first, then by a given name ("Maria Lund").
        let mut genders = HashMap::new();
        for run in &runs {
            if let (Some(g), Some(last)) = (run.gender, run.name.split(' ').next_back()) {
                genders.entry(last.to_lowercase()).or_insert(g);
            }
        }
        for run in runs.iter().filter(|r| r.person) {
            let mut words = run.name.split(' ');
            if let (Some(first), Some(last)) = (words.next(), run.name.split(' ').next_back())
                && first != last
                && let Some(&g) = FIRST_NAMES.get(first)
            {
                genders.entry(last.to_lowercase()).or_insert(g);
            }
        }
        let mut mid_caps = std::collections::HashSet::new();
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
        let mut by_name = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_name.entry(e.name.as_str()).or_insert(i);
        }
        Names {
            person_runs: OnceCell::new(),
            affiliations: RefCell::new(HashMap::new()),
            before_person: words_before_persons(doc, &runs),
            by_name,
            mid_caps,
            same_pronoun_root: same_pronoun_roots(doc),
            doc,
            entities,
            mentions,
            runs,
            fullest,
            excluded: Vec::new(),
            genders,
        }
    }

    /// Names inside these spans (direct quote contents) are not taken as pronoun antecedents
    /// for text outside them.
    pub fn set_excluded(&mut self, mut spans: Vec<Span>) {
        spans.sort();
        self.excluded = spans;
    }

    fn is_excluded(&self, span: Span) -> bool {
        let i = self.excluded.partition_point(|s| s.start <= span.start);
        i > 0 && self.excluded[i - 1].contains(span)
    }

    /// The entity whose mention is the last one inside `span` (the head of "China's President
    /// Xi Jinping" is Xi Jinping), or one overlapping it.
    fn entity_in(&self, span: Span) -> Option<&'a Entity> {
        self.entity_index_in(span).map(|i| &self.entities[i])
    }

    /// [`Names::entity_in`] as an index into the entities.
    fn entity_index_in(&self, span: Span) -> Option<usize> {
        let lo = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        let mut best = None;
        for &(s, i) in &self.mentions[lo..] {
            if s.start >= span.end {
                break;
            }
            if s.overlaps(span) {
                best = Some(i);
            }
        }
        best
    }

    /// The entity that heads the phrase at `span`: one with a mention inside the phrase that
    /// reaches `head_end` (its last word). Only the mentions inside `span` are looked at, not
    /// every mention of the entity, so a name repeated through the document costs nothing
    /// extra per phrase.
    fn heading_entity(&self, span: Span, head_end: usize) -> Option<&'a Entity> {
        let e = self.entity_index_in(span)?;
        let lo = self.mentions.partition_point(|(s, _)| s.start < span.start);
        self.mentions[lo..]
            .iter()
            .take_while(|(s, _)| s.start <= span.end)
            .any(|&(s, i)| i == e && span.contains(s) && s.end >= head_end)
            .then(|| &self.entities[e])
    }

    fn entity_referent(e: &Entity) -> Referent {
        Referent {
            name: e.name.clone(),
            label: Some(e.label.as_str().to_string()),
            members: Vec::new(),
        }
    }

    /// The fullest form of a capitalised name seen in the text ("Lund" -> "Maria Lund").
    pub fn fullest_name(&self, name: &str) -> String {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return name.to_string();
        };
        for key in [last, first] {
            if let Some(&i) = self.fullest.get(&key.to_lowercase()) {
                let full = &self.runs[i].name;
                let full_words: Vec<&str> = full.split(' ').collect();
                let inside = full_words
                    .windows(words.len())
                    .any(|w| w == words.as_slice());
                if full.len() >= name.len() && inside {
                    return full.clone();
                }
            }
        }
        name.to_string()
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
        if is_pronoun(&lower) {
            return self.antecedent(&lower, span.start);
        }
        if let Some(group) = self.group(span) {
            return Some(group);
        }
        // A name ending the phrase is its head: "party co-chair Dan Okafor". A name before a
        // common noun only modifies it ("the party leader", "a Treasury spokeswoman").
        let head_end = text_end_without_possessive(doc, span);
        if let Some(e) = self.heading_entity(span, head_end) {
            return Some(Self::entity_referent(e));
        }
        let first = doc.token_at_or_after(span.start);
        let mut end = first;
        while end < doc.tokens.len() && doc.tokens[end].span.end <= span.end {
            end += 1;
        }
        if let Some(run) = self
            .runs_in(span)
            .last()
            .filter(|r| !r.name.is_empty() && r.span.end >= head_end)
        {
            // A person by their fullest name; an organisation by the phrase as written.
            let name = if run.person || !run.name.contains(' ') {
                self.run_name(run)
            } else {
                strip_article(text).to_string()
            };
            return Some(Referent {
                name,
                label: None,
                members: Vec::new(),
            });
        }
        if let Some(name) = self.definite_description(first, end) {
            return Some(name);
        }
        Some(Referent {
            name: text.to_string(),
            label: None,
            members: Vec::new(),
        })
    }

    /// "the Trade Secretary" -> the name that follows the same words elsewhere in the article
    /// ("Trade Secretary Maria Lund").
    fn definite_description(&self, first: usize, end: usize) -> Option<Referent> {
        let doc = self.doc;
        if end <= first + 1 || !doc.token_text(first).eq_ignore_ascii_case("the") {
            return None;
        }
        let words: Vec<&str> = (first + 1..end).map(|i| doc.token_text(i)).collect();
        if words.len() > MAX_DESCRIPTION_WORDS || words.iter().all(|w| !starts_upper(w)) {
            return None;
        }
        let &run = self.before_person.get(words.as_slice())?;
        Some(Referent {
            name: self.fullest_name(&self.runs[run].name),
            label: None,
            members: Vec::new(),
        })
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
                label: Some("GROUP".into()),
                members,
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
        let l = self.name_only(left)?;
        let r = self.name_only(right)?;
        Some(Referent {
            name: format!("{l} and {r}"),
            label: Some("GROUP".into()),
            members: vec![l, r],
        })
    }

    /// The name a phrase holds: an entity or a capitalised name, no pronouns or descriptions.
    fn name_only(&self, span: Span) -> Option<String> {
        if let Some(e) = self.entity_in(span) {
            return Some(e.name.clone());
        }
        let run = self.runs_in(span).last()?;
        Some(self.run_name(run))
    }

    /// A run's name: a person's fullest form; a single word that is part of a person's fuller
    /// name ("Xi" of "Xi Jinping"); else the run as written.
    fn run_name(&self, run: &NameRun) -> String {
        if run.person || !run.name.contains(' ') {
            self.fullest_name(&run.name)
        } else {
            run.name.clone()
        }
    }

    /// Whether a capitalised name (or an entity mention) ends the phrase at `span`.
    pub fn is_name_head(&self, span: Span) -> bool {
        let head_end = text_end_without_possessive(self.doc, span);
        self.entity_in(span).is_some()
            || self
                .runs_in(span)
                .last()
                .is_some_and(|r| r.span.end >= head_end)
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
            let ls = self.name_only(doc.tokens[l].span);
            let rs = self.name_only(doc.tokens[r].span);
            if let (Some(a), Some(b)) = (ls, rs)
                && a != b
            {
                return vec![a, b];
            }
        }
        Vec::new()
    }

    /// The most recent suitable name before `pos` for a pronoun.
    pub fn antecedent(&self, pronoun: &str, pos: usize) -> Option<Referent> {
        let want_person = matches!(pronoun, "he" | "she" | "him" | "her" | "i");
        let want_gender = match pronoun {
            "he" | "him" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        };
        if matches!(pronoun, "you" | "us") {
            return None;
        }
        // "He will attack ... and he will set out ...": the same pronoun earlier in the sentence
        // names the same person; the first of such a chain is resolved (`same_pronoun_root`).
        let doc = self.doc;
        let here = doc.token_at_or_after(pos);
        let mut pos = pos;
        if let Some(si) = doc.sentence_at(pos) {
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
        }
        let inside_quote = self.is_excluded(Span::new(pos, pos));
        let usable = |s: Span| inside_quote || !self.is_excluded(s);
        if !want_person && let Some(r) = self.recent_subject(pos, &usable) {
            return Some(r);
        }
        // A sentence-initial "He said" most often continues the person the sentences before
        // were about: their subject, not the last name mentioned in passing.
        if want_person
            && self.sentence_initial(pos)
            && let Some(r) = self.recent_person_subject(pos, want_gender, &usable)
        {
            return Some(r);
        }
        // Entities first.
        let hi = self.mentions.partition_point(|(s, _)| s.start < pos);
        for &(s, i) in self.mentions[..hi].iter().rev().take(300) {
            if !usable(s) {
                continue;
            }
            let e = &self.entities[i];
            let ok = if want_person {
                e.label == EntityType::Person
            } else {
                matches!(
                    e.label,
                    EntityType::Org | EntityType::Gpe | EntityType::Norp
                )
            };
            if ok {
                if let Some(g) = want_gender
                    && self.gender_of(&e.name).is_some_and(|eg| eg != g)
                {
                    continue;
                }
                return Some(Self::entity_referent(e));
            }
        }
        if !self.entities.is_empty() && want_person {
            return None;
        }
        let hi = self.runs.partition_point(|r| r.span.start < pos);
        for run in self.runs[..hi].iter().rev().take(300) {
            if !usable(run.span) || run.person != want_person {
                continue;
            }
            if let (Some(g), Some(rg)) = (want_gender, self.gender_of(&run.name))
                && g != rg
            {
                continue;
            }
            let name = if run.person {
                self.fullest_name(&run.name)
            } else {
                run.name.clone()
            };
            return Some(Referent {
                name,
                label: None,
                members: Vec::new(),
            });
        }
        None
    }

    /// Whether `pos` is at its sentence's start (after a quote mark or conjunction at most).
    fn sentence_initial(&self, pos: usize) -> bool {
        let doc = self.doc;
        let Some(si) = doc.sentence_at(pos) else {
            return false;
        };
        let t = doc.token_at_or_after(pos);
        let first = doc.sentences[si].tokens.start;
        t <= first + 3
            && (first..t).all(|i| {
                let w = doc.token_text(i);
                !starts_upper(w) && doc.tokens[i].kind == TokenKind::Punct
                    || matches!(
                        w,
                        "But" | "And" | "So" | "Yet" | "Then" | "Now" | "Later" | "Earlier"
                    )
            })
    }

    /// The person who is the subject of one of the three sentences before `pos`.
    fn recent_person_subject(
        &self,
        pos: usize,
        gender: Option<Gender>,
        usable: &dyn Fn(Span) -> bool,
    ) -> Option<Referent> {
        let doc = self.doc;
        let here = doc.sentence_at(pos)?;
        for si in (here.saturating_sub(3)..here).rev() {
            let sent = &doc.sentences[si];
            if doc.title.is_some_and(|t| t.contains(sent.span)) {
                continue;
            }
            let Some(np) = sentence_subject(doc, sent.tokens.start, sent.tokens.end) else {
                continue;
            };
            if !usable(np) || is_pronoun(doc.slice(np)) {
                continue;
            }
            let head_end = text_end_without_possessive(doc, np);
            let name = if let Some(e) = self.entity_in(np) {
                (e.label == EntityType::Person && self.heading_entity(np, head_end).is_some())
                    .then(|| e.name.clone())
            } else {
                self.runs_in(np)
                    .last()
                    .filter(|r| r.person && r.span.end >= head_end)
                    .map(|r| self.fullest_name(&r.name))
            };
            let Some(name) = name else { continue };
            if let (Some(g), Some(ng)) = (gender, self.gender_of(&name))
                && g != ng
            {
                continue;
            }
            return Some(Referent {
                name,
                label: (!self.entities.is_empty()).then(|| "PERSON".to_string()),
                members: Vec::new(),
            });
        }
        None
    }

    /// Resolves a speaker phrase: as [`Names::resolve`], and a role described by a definite
    /// phrase ("the minister", "the company") to the person or organisation the story was about.
    pub fn resolve_speaker(&self, span: Span) -> Option<Referent> {
        let r = self.resolve(span)?;
        let text = self.doc.slice(span).to_lowercase();
        if r.label.is_some() || !text.starts_with("the ") || r.name != self.doc.slice(span) {
            return Some(r);
        }
        let head = text.split_whitespace().last().unwrap_or("");
        let usable = |s: Span| !self.is_excluded(s);
        let resolved = if PERSON_ROLES.contains(&head) {
            self.recent_person_subject(span.start, None, &usable)
        } else if ORG_ROLES.contains(&head) {
            self.recent_name_with_head(span.start, head)
                .or_else(|| self.recent_subject(span.start, &usable))
        } else {
            None
        };
        Some(resolved.unwrap_or(r))
    }

    /// The organisation a person speaks for, when the article introduces them with it:
    /// "Acme's chief executive Jo Marsh", "Acme chief executive Jo Marsh", "Jo Marsh, chief
    /// executive of Acme". What "we" in their quotes stands for.
    pub fn affiliation(&self, person: &str) -> Option<Referent> {
        // Asked once per first-person commitment: the answer depends on the name only.
        if let Some(known) = self.affiliations.borrow().get(person) {
            return known.clone();
        }
        let found = self.find_affiliation(person);
        self.affiliations
            .borrow_mut()
            .insert(person.to_string(), found.clone());
        found
    }

    fn find_affiliation(&self, person: &str) -> Option<Referent> {
        let doc = self.doc;
        let org_at = |span: Span| -> Option<Referent> {
            if let Some(e) = self.entity_in(span) {
                return matches!(e.label, EntityType::Org | EntityType::Gpe)
                    .then(|| Self::entity_referent(e));
            }
            // A name right before a role ("Acme Foods chief executive") is an organisation
            // whatever its shape.
            let run = self.runs_in(span).last()?;
            (run.span.end == span.end).then(|| Referent {
                name: run.name.clone(),
                label: None,
                members: Vec::new(),
            })
        };
        let person_runs = self.person_runs.get_or_init(|| {
            self.runs
                .iter()
                .enumerate()
                .filter(|(_, r)| r.person)
                .take(AFFILIATION_RUNS)
                .map(|(i, r)| (i, self.fullest_name(&r.name)))
                .collect()
        });
        for (r, full) in person_runs {
            if full != person {
                continue;
            }
            let run = &self.runs[*r];
            let first = doc.token_at_or_after(run.span.start);
            let sent = doc.sentence_at(run.span.start)?;
            let floor = doc.sentences[sent].tokens.start;
            let end = doc.sentences[sent].tokens.end;
            // Before the name: lower-case role words, then "Org's" or "Org".
            let mut i = first;
            let mut role_words = 0;
            while i > floor && role_words < 4 {
                let t = doc.token_text(i - 1);
                let lower = t.to_lowercase();
                let role_word = t.chars().next().is_some_and(char::is_lowercase)
                    && !CLAUSE_WORDS.contains(&lower.as_str())
                    && !DETERMINERS.contains(&lower.as_str());
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
                    let org_end = doc.tokens[j - 1].span;
                    let org = self.runs_in(Span::new(
                        doc.tokens[j.saturating_sub(4).max(floor)].span.start,
                        org_end.end,
                    ));
                    if let Some(r) = org.last().and_then(|r| org_at(r.span)) {
                        return Some(r);
                    }
                }
            }
            // After the name: ", chief executive of Org".
            let mut k = doc.token_at_or_after(run.span.end);
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
                        let (np, _) = noun_phrase_starting_at(doc, k + 1, end)?;
                        if let Some(r) = org_at(np) {
                            return Some(r);
                        }
                        break;
                    }
                    k += 1;
                }
            }
        }
        None
    }

    /// The most recent name before `pos` whose last word is `head` capitalised: "the party"
    /// after "the Green Party".
    fn recent_name_with_head(&self, pos: usize, head: &str) -> Option<Referent> {
        let hi = self.runs.partition_point(|r| r.span.start < pos);
        self.runs[..hi]
            .iter()
            .rev()
            .take(300)
            .find(|r| {
                r.name
                    .split(' ')
                    .next_back()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
                    && r.name.contains(' ')
            })
            .map(|r| Referent {
                name: r.name.clone(),
                label: None,
                members: Vec::new(),
            })
    }

    /// For "it" and "they": the named subject of this sentence (when it comes before `pos`) or
    /// of one of the two sentences before, which is what such a pronoun most often continues.
    fn recent_subject(&self, pos: usize, usable: &dyn Fn(Span) -> bool) -> Option<Referent> {
        let doc = self.doc;
        let here = doc.sentence_at(pos)?;
        for si in (here.saturating_sub(2)..=here).rev() {
            let sent = &doc.sentences[si];
            if doc.title.is_some_and(|t| t.contains(sent.span)) {
                continue;
            }
            let Some(np) = sentence_subject(doc, sent.tokens.start, sent.tokens.end) else {
                continue;
            };
            // A one-word capitalised subject at the sentence start must be a name elsewhere
            // too ("Turnover rose" is not an organisation).
            let np_text = doc.slice(np);
            let lone_initial = np.start == sent.span.start
                && !np_text.contains(' ')
                && !self.is_name_word(np_text);
            if lone_initial || np.end > pos || !usable(np) || is_pronoun(np_text) {
                continue;
            }
            let head_end = text_end_without_possessive(doc, np);
            let named_entity = self.heading_entity(np, head_end).is_some_and(|e| {
                matches!(
                    e.label,
                    EntityType::Org | EntityType::Gpe | EntityType::Norp
                )
            });
            // Not a person, nor a surname standing for one ("Smith said").
            let named_run = self.entities.is_empty()
                && self.runs_in(np).last().is_some_and(|r| {
                    !r.person && r.span.end >= head_end && !self.is_person(&r.name)
                });
            if named_entity || named_run {
                return self.resolve(np);
            }
        }
        None
    }

    /// Whether `name` is a person's: a PERSON entity, or a person-like capitalised name.
    pub fn is_person(&self, name: &str) -> bool {
        if let Some(e) = self.entity_named(name) {
            return e.label == EntityType::Person;
        }
        self.fullest
            .contains_key(&name.split_whitespace().last().unwrap_or("").to_lowercase())
    }

    /// The referent for a name already resolved elsewhere (a quote's speaker), with its label.
    pub fn referent_for_name(&self, name: &str) -> Referent {
        let label = self
            .entity_named(name)
            .map(|e| e.label.as_str().to_string());
        Referent {
            name: name.to_string(),
            label,
            members: Vec::new(),
        }
    }

    /// The first entity called `name`, looked up in a map rather than by a scan of all
    /// entities (called once per quote and commitment).
    fn entity_named(&self, name: &str) -> Option<&'a Entity> {
        self.by_name.get(name).map(|&i| &self.entities[i])
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        // A full name's given name decides ("Ella Stone" beside "Mr Stone").
        if let Some(&g) = name
            .split_whitespace()
            .next()
            .and_then(|f| FIRST_NAMES.get(f))
            && name.contains(' ')
        {
            return Some(g);
        }
        let last = name.split_whitespace().last()?;
        self.genders.get(&last.to_lowercase()).copied()
    }

    /// The name runs lying inside `span`, in text order.
    fn runs_in(&self, span: Span) -> &[NameRun] {
        let lo = self.runs.partition_point(|r| r.span.start < span.start);
        let hi = self.runs.partition_point(|r| r.span.start < span.end);
        let hi = hi.max(lo);
        let mut end = lo;
        while end < hi && span.contains(self.runs[end].span) {
            end += 1;
        }
        // Runs are disjoint and ordered, so those inside form a prefix of [lo, hi).
        &self.runs[lo..end]
    }
}

/// Heads of definite descriptions of a person by role ("the minister said").
const PERSON_ROLES: &[&str] = &[
    "minister",
    "secretary",
    "commissioner",
    "chancellor",
    "president",
    "leader",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "chief",
    "executive",
    "head",
    "director",
    "governor",
    "mayor",
    "premier",
    "senator",
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
];

/// Heads of definite descriptions of an organisation ("the company said").
const ORG_ROLES: &[&str] = &[
    "company",
    "firm",
    "group",
    "carrier",
    "airline",
    "bank",
    "retailer",
    "insurer",
    "maker",
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
];

/// The subject opening a sentence, after any leading phrase up to a comma ("On Monday, the
/// ministry ...", "Realising the mistake, Mr Ferris ...") or an opening quotation mark.
pub fn sentence_subject(doc: &Document, floor: usize, limit: usize) -> Option<Span> {
    if floor >= limit {
        return None;
    }
    let mut start = floor;
    let first = doc.token_text(floor);
    let quote = matches!(first, "\"" | "\u{201C}" | "'" | "\u{2018}");
    let leading = quote
        || first.ends_with("ing")
        || matches!(
            first,
            "On" | "In"
                | "At"
                | "After"
                | "Before"
                | "During"
                | "Earlier"
                | "Later"
                | "Last"
                | "Asked"
                | "Since"
                | "Meanwhile"
                | "However"
                | "But"
                | "And"
                | "Despite"
                | "Following"
                | "While"
                | "When"
                | "As"
                | "With"
                | "Under"
                | "For"
                | "Overall"
                | "Additionally"
                | "Finally"
                | "Still"
                | "So"
                | "Now"
                | "Then"
                | "Yet"
                | "Instead"
                | "Indeed"
                | "Nevertheless"
                | "Therefore"
                | "Thus"
                | "Today"
                | "Yesterday"
                | "Separately"
                | "Elsewhere"
        );
    if leading {
        if matches!(first, "But" | "And") || quote {
            start = floor + 1;
        } else {
            let comma = (floor..limit.min(floor + 30)).find(|&i| doc.token_text(i) == ",")?;
            start = comma + 1;
        }
        if start < limit && is_mark_text(doc.token_text(start)) {
            start += 1;
        }
    }
    noun_phrase_starting_at(doc, start, limit).map(|(s, _)| s)
}

fn is_mark_text(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{201D}" | "'" | "\u{2018}" | "\u{2019}"
    )
}

/// Where a phrase's text ends, not counting a final possessive mark.
fn text_end_without_possessive(doc: &Document, span: Span) -> usize {
    let t = doc.slice(span);
    for p in ["'s", "’s"] {
        if let Some(rest) = t.strip_suffix(p) {
            return span.start + rest.trim_end().len();
        }
    }
    span.end
}

fn strip_article(s: &str) -> &str {
    let s = s.trim();
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest;
        }
    }
    s
}

/// Capitalised names outside the headline: runs of capitalised words (with "of" and the like
/// inside), titles stripped from the front.
fn name_runs(doc: &Document) -> Vec<NameRun> {
    let mut runs = Vec::new();
    for sent in &doc.sentences {
        if doc.title.is_some_and(|t| t.contains(sent.span)) {
            continue;
        }
        let mut i = sent.tokens.start;
        while i < sent.tokens.end {
            let t = doc.token_text(i);
            let is_cap_word =
                |j: usize| doc.tokens[j].kind == TokenKind::Word && starts_upper(doc.token_text(j));
            if !is_cap_word(i) || (NON_NAME_CAPS.contains(&t) && !NAME_WORDS.contains_key(t)) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < sent.tokens.end {
                // A month after a name is a surname ("Theresa May said"), not a date
                // ("... on May 5").
                let month_surname = matches!(doc.token_text(end), "May" | "June" | "April")
                    && !doc
                        .tokens
                        .get(end + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number);
                if is_cap_word(end)
                    && (!NON_NAME_CAPS.contains(&doc.token_text(end)) || month_surname)
                {
                    end += 1;
                } else if end + 1 < sent.tokens.end
                    && is_cap_word(end + 1)
                    && (NAME_CONNECTORS.contains(&doc.token_text(end))
                        || (doc.token_text(end) == "-" && !doc.tokens[end].space_before))
                {
                    // "Bank of England", "Rolls-Royce".
                    end += 2;
                } else {
                    break;
                }
            }
            runs.push(make_run(doc, start, end));
            i = end;
        }
    }
    runs
}

fn make_run(doc: &Document, start: usize, end: usize) -> NameRun {
    let words: Vec<&str> = (start..end).map(|i| doc.token_text(i)).collect();
    let mut gender = None;
    let mut titled = false;
    let mut name_from = 0;
    for (k, w) in words.iter().enumerate() {
        match NAME_WORDS.get(w) {
            Some(&"m") => {
                gender = Some(Gender::Male);
                titled = true;
                name_from = k + 1;
            }
            Some(&"f") => {
                gender = Some(Gender::Female);
                titled = true;
                name_from = k + 1;
            }
            Some(&"title") if k + 1 < words.len() => {
                titled = true;
                name_from = k + 1;
            }
            _ => {}
        }
    }
    let rest = &words[name_from.min(words.len())..];
    let org = rest
        .iter()
        .any(|w| NAME_WORDS.get(w) == Some(&"org") || NAME_CONNECTORS.contains(w));
    let has_hyphen = rest.contains(&"-");
    // "Jean-Luc Moreau" is a person; "China-Russia" (the hyphen joins the last word) is not.
    let hyphen_last = rest.len() >= 2 && rest[rest.len() - 2] == "-";
    let name_words = rest.iter().filter(|w| **w != "-").count();
    let person = !org
        && !hyphen_last
        && !rest.is_empty()
        && (titled || (2..=3).contains(&name_words))
        && rest
            .iter()
            .all(|w| *w == "-" || w.chars().any(char::is_lowercase) || w.len() <= 2);
    let name = if rest.is_empty() {
        words.join(" ")
    } else if has_hyphen {
        doc.slice(Span::new(
            doc.tokens[start + name_from].span.start,
            doc.tokens[end - 1].span.end,
        ))
        .to_string()
    } else {
        rest.join(" ")
    };
    NameRun {
        span: Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end),
        name,
        person,
        gender,
    }
}

/// The subject noun phrase of the verb at token `verb`, searched backwards inside the sentence
/// that starts at token `floor`. Skips auxiliaries and adverbs ("has also said"), steps over a
/// relative clause or apposition between commas ("Piet Kramer, who chairs ..., warned").
pub fn subject_before(doc: &Document, floor: usize, verb: usize) -> Option<Span> {
    let mut i = verb;
    // Skip auxiliaries and adverbs, at most a few.
    let mut skipped = 0;
    while i > floor && skipped < 4 {
        let w = doc.token_text(i - 1).to_lowercase();
        if VERB_PREFIX.contains(&w.as_str()) || w.ends_with("ly") && w.len() > 4 {
            i -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    // "people who said": the relative pronoun stands for the phrase before it.
    if i > floor && matches!(doc.token_text(i - 1), "who" | "which") {
        let mut j = i - 1;
        if j > floor && doc.token_text(j - 1) == "," {
            j -= 1;
        }
        return noun_phrase_ending_at(doc, floor, j);
    }
    // ", who chairs the committee," or " - who was convicted - " between subject and verb.
    let is_sep = |t: &str| matches!(t, "," | "-" | "\u{2014}" | "\u{2013}");
    if i > floor && is_sep(doc.token_text(i - 1)) {
        let sep = doc.token_text(i - 1).to_string();
        let mut j = i - 1;
        let mut steps = 0;
        while j > floor && steps < 25 && doc.token_text(j - 1) != sep {
            j -= 1;
            steps += 1;
        }
        if !(j > floor && steps < 25 && doc.token_text(j - 1) == sep) {
            return None;
        }
        let first = doc.token_text(j);
        let before = noun_phrase_ending_at(doc, floor, j - 1);
        // A name before the comma ("Mr Okoro, from ...,"), not a description ("The minister, ...").
        let before_named = before.is_some_and(|b| {
            let first = doc.slice(b).split_whitespace().next().unwrap_or("");
            starts_upper(first) && !DETERMINERS.contains(&first.to_lowercase().as_str())
        });
        // A segment of capitalised words only is a name in apposition ("..., Rachel Harvey,").
        let segment_is_name = (j..i - 1)
            .all(|k| starts_upper(doc.token_text(k)) || is_possessive(doc.token_text(k)))
            && i - 1 - j <= 4;
        if !segment_is_name
            && (matches!(first, "who" | "which" | "whose") || !starts_upper(first) || before_named)
        {
            // "Piet Kramer, who chairs ...," / "Mr Okoro, from Clean Rivers Trust,".
            return before;
        }
        // An apposition naming the subject: "The trade minister, Anna Berg, said".
        return noun_phrase_ending_at(doc, j, i - 1);
    }
    let np = noun_phrase_ending_at(doc, floor, i)?;
    // "Lena Ortiz, Harbour Traders Association said": the person named first, then their
    // organisation without a closing comma.
    let np_first = doc.token_at_or_after(np.start);
    if np_first > floor + 1
        && doc.token_text(np_first - 1) == ","
        && let Some(person) = noun_phrase_ending_at(doc, floor, np_first - 1)
    {
        let words: Vec<&str> = doc.slice(person).split_whitespace().collect();
        let is_name = person.start == doc.tokens[floor].span.start
            && (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| starts_upper(w) && !NON_NAME_CAPS.contains(w));
        if is_name {
            return Some(person);
        }
    }
    Some(np)
}

/// The noun phrase whose last token is `end - 1`, not reaching before token `floor`.
pub fn noun_phrase_ending_at(doc: &Document, floor: usize, end: usize) -> Option<Span> {
    if end <= floor || end > doc.tokens.len() {
        return None;
    }
    let last = doc.token_text(end - 1);
    if doc.tokens[end - 1].kind != TokenKind::Word {
        return None;
    }
    let lower_last = last.to_lowercase();
    if is_pronoun(&lower_last) {
        // "he", "they": only when it is not the object of a preposition or verb.
        return Some(doc.tokens[end - 1].span);
    }
    if CLAUSE_WORDS.contains(&lower_last.as_str())
        || DETERMINERS.contains(&lower_last.as_str())
        || (!starts_upper(last) && (lower_last.ends_with("ed") || lower_last.ends_with("ing")))
    {
        // A verb form ("investigated"), not a noun phrase's head.
        return None;
    }
    let mut start = end - 1;
    let mut words = 1;
    let mut lower_words = usize::from(!starts_upper(last));
    while start > floor && words < 10 {
        let prev = start - 1;
        let t = doc.token_text(prev);
        let lower = t.to_lowercase();
        let tok = doc.tokens[prev];
        if is_possessive(t) || (t == "-" && !tok.space_before) {
            start = prev;
            continue;
        }
        if tok.kind == TokenKind::Punct && t != "." {
            break;
        }
        if DETERMINERS.contains(&lower.as_str()) {
            start = prev;
            // "the two firms", "all the members".
            if prev > floor
                && DETERMINERS.contains(&doc.token_text(prev - 1).to_lowercase().as_str())
            {
                start = prev - 1;
            }
            break;
        }
        if starts_upper(t) {
            if NON_NAME_CAPS.contains(&t) && !NAME_WORDS.contains_key(t) {
                break;
            }
            start = prev;
            words += 1;
            continue;
        }
        if lower == "of"
            && prev > floor
            && doc.tokens[prev - 1].kind == TokenKind::Word
            && !CLAUSE_WORDS.contains(&doc.token_text(prev - 1).to_lowercase().as_str())
            && lower_words < 3
        {
            // "a committee of MPs", "the chairman of the board".
            start = prev;
            words += 1;
            lower_words += 1;
            continue;
        }
        if NAME_CONNECTORS.contains(&lower.as_str())
            && prev > floor
            && starts_upper(doc.token_text(prev - 1))
            && starts_upper(doc.token_text(start))
        {
            start = prev;
            words += 1;
            continue;
        }
        if lower == "and"
            && prev > floor
            && starts_upper(doc.token_text(prev - 1))
            && starts_upper(doc.token_text(start))
        {
            start = prev;
            words += 1;
            continue;
        }
        if CLAUSE_WORDS.contains(&lower.as_str()) || tok.kind != TokenKind::Word {
            break;
        }
        // A lower-case word: part of the phrase only as a modifier ("party co-chair", "a
        // Treasury spokeswoman"), a few at most.
        if lower_words >= 3 || lower.ends_with("ed") || lower.ends_with("ing") {
            break;
        }
        lower_words += 1;
        start = prev;
        words += 1;
    }
    // Do not begin on a possessive mark, hyphen or "of".
    while start < end
        && (is_possessive(doc.token_text(start))
            || matches!(doc.token_text(start), "-" | "of" | "and"))
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // A phrase of lower-case words only needs a determiner or a plural head to be a subject
    // ("officials", "the ministry"); a bare adjective or verb is not.
    let first = doc.token_text(start).to_lowercase();
    let has_cap = (start..end).any(|k| starts_upper(doc.token_text(k)));
    if !has_cap && !DETERMINERS.contains(&first.as_str()) && !lower_last.ends_with('s') {
        return None;
    }
    Some(Span::new(
        doc.tokens[start].span.start,
        doc.tokens[end - 1].span.end,
    ))
}

/// The noun phrase starting at token `start` ("said Mr Varga", "according to the report"),
/// not reaching token `limit`. Returns the span and the index after it.
pub fn noun_phrase_starting_at(
    doc: &Document,
    start: usize,
    limit: usize,
) -> Option<(Span, usize)> {
    let limit = limit.min(doc.tokens.len());
    if start >= limit {
        return None;
    }
    let mut end = start;
    let mut words = 0;
    let mut lower_words = 0;
    // Consecutive capitalised words just taken: after a full name ("Mr Ferris") a lower-case
    // word is the verb, not part of the phrase.
    let mut caps_run = 0;
    while end < limit && words < 10 {
        let t = doc.token_text(end);
        let lower = t.to_lowercase();
        let tok = doc.tokens[end];
        // "the two firms", "all the members".
        if (end == start || (end == start + 1 && words == 1 && lower_words == 0 && caps_run == 0))
            && DETERMINERS.contains(&lower.as_str())
        {
            end += 1;
            words += 1;
            continue;
        }
        if is_possessive(t) || (t == "-" && !tok.space_before) {
            end += 1;
            continue;
        }
        if tok.kind == TokenKind::Number && end > start && starts_upper(doc.token_text(end - 1)) {
            // "Radio 4", "Channel 4".
            end += 1;
            continue;
        }
        if tok.kind != TokenKind::Word {
            break;
        }
        if end == start && is_pronoun(&lower) {
            end += 1;
            break;
        }
        if end > start && (DETERMINERS.contains(&lower.as_str()) || is_pronoun(&lower)) {
            break;
        }
        if starts_upper(t) {
            end += 1;
            words += 1;
            caps_run += 1;
            continue;
        }
        if (NAME_CONNECTORS.contains(&lower.as_str()) || lower == "and")
            && end + 1 < limit
            && starts_upper(doc.token_text(end + 1))
            && end > start
        {
            end += 1;
            continue;
        }
        let titled_name = caps_run >= 2
            || (caps_run == 1
                && end >= 2
                && NAME_WORDS
                    .get(doc.token_text(end - 2))
                    .is_some_and(|c| matches!(*c, "m" | "f" | "title")));
        // "The regulator fined ...": an -ed word after the phrase's noun is its verb (right
        // after the determiner it is an adjective: "the embattled firm").
        let verb_form = lower.ends_with("ed")
            && lower.len() > 3
            && end > start
            && !DETERMINERS.contains(&doc.token_text(end - 1).to_lowercase().as_str())
            && doc.token_text(end - 1) != "-";
        if CLAUSE_WORDS.contains(&lower.as_str()) || lower_words >= 3 || titled_name || verb_form {
            break;
        }
        caps_run = 0;
        end += 1;
        words += 1;
        lower_words += 1;
    }
    if end == start {
        return None;
    }
    Some((
        Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end),
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::entity;

    #[test]
    fn first_names_list_parses() {
        let n = lexicon::entries(include_str!("../lexicon/data/quotes_first_names.txt"))
            .inspect(|f| assert!(f.len() == 2 && matches!(f[1], "m" | "f"), "{f:?}"))
            .count();
        assert_eq!(n, FIRST_NAMES.len());
    }

    #[test]
    fn name_words_list_parses() {
        let n = lexicon::entries(include_str!("../lexicon/data/quotes_name_words.txt"))
            .inspect(|f| {
                assert_eq!(f.len(), 2, "{f:?}");
                assert!(matches!(f[1], "m" | "f" | "title" | "org"), "{f:?}");
            })
            .count();
        assert!(n > 50);
    }

    fn subject(text: &str, verb: &str) -> Option<String> {
        let doc = Document::new(text);
        let v = (0..doc.tokens.len()).find(|&i| doc.token_text(i) == verb)?;
        let s = doc.sentence_at(doc.tokens[v].span.start)?;
        subject_before(&doc, doc.sentences[s].tokens.start, v).map(|sp| doc.slice(sp).to_string())
    }

    #[test]
    fn subjects() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Deputy Prime Minister Omar Haddad said it was fine.",
                "said",
                Some("Deputy Prime Minister Omar Haddad"),
            ),
            (
                "But a Treasury spokeswoman said no.",
                "said",
                Some("a Treasury spokeswoman"),
            ),
            ("Officials have also said so.", "said", Some("Officials")),
            ("The ministry said so.", "said", Some("The ministry")),
            (
                "Piet Kramer, who chairs the committee, warned of costs.",
                "warned",
                Some("Piet Kramer"),
            ),
            ("He said so.", "said", Some("He")),
            (
                "The trade minister of Ruritania, Anna Berg, said yes.",
                "said",
                Some("Anna Berg"),
            ),
        ];
        for (text, verb, want) in cases {
            assert_eq!(subject(text, verb).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn resolution_without_entities_uses_fullest_names_and_pronouns() {
        let doc = Document::new(
            "Trade Secretary Maria Lund spoke on Monday. Ms Lund said it was fine. She left. Mr Tom Brown waved.",
        );
        let names = Names::new(&doc, &[]);
        let find = |s: &str| {
            let p = doc.text.find(s).unwrap();
            Span::new(p, p + s.len())
        };
        assert_eq!(names.resolve(find("Ms Lund")).unwrap().name, "Maria Lund");
        let she = find("She");
        assert_eq!(names.resolve(she).unwrap().name, "Maria Lund");
        assert_eq!(names.fullest_name("Brown"), "Tom Brown");
    }

    #[test]
    fn month_words_as_surnames() {
        let doc = Document::new("Shadow minister Anna May spoke on May 5. Ms May left in June.");
        let names = Names::new(&doc, &[]);
        assert_eq!(names.fullest_name("May"), "Anna May");
        let p = doc.text.find("Ms May").unwrap();
        assert_eq!(names.resolve(Span::new(p, p + 6)).unwrap().name, "Anna May");
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
            let names = Names::new(&doc, &[]);
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
            let names = Names::new(&doc, &[]);
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
        let names = Names::new(&doc, &ents);
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

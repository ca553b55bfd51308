//! Finding names: capitalised sequences of tokens classified by gazetteers, word lists and
//! context, sentence by sentence; then the dates and amounts in what is left.
//!
//! Text written in capitals ("SOCCER - JAPAN GET LUCKY WIN .") or in title case (a headline)
//! gives no capitalisation evidence, so there only certain finds are kept: gazetteer names
//! (case-insensitively in capitals), given name + surname, title + name, and names the body of
//! the same document has already established.
//!
//! In body text, the order of the passes and of the rules (cheap and certain first):
//! 1. datelines ("KHASAVYURT , Russia 1996-08-30"), quoted titles of works and titles after a
//!    cue word ("the film X");
//! 2. capitalised chunks, joined over name particles ("von der"), hyphens, "&", one-word
//!    possessive heads ("Scott's Club") and "of" after an organisation head ("Institute of");
//! 3. per chunk: whole gazetteer name; article and sentence-initial ordinary words stripped;
//!    a known name split off before a title, a given name or another known name ("Russian
//!    President Vladimir Putin", "China-Russia"); titles and honorifics ("President Xi");
//!    head words ("... University", "Mount ...", "... Airport"); acronyms; given name or
//!    surname; otherwise a [`Guess`] with a weight: descriptors ("tyre maker X", "X said it",
//!    "X, Scotland") [`DESCRIPTOR`], context ("said X", "in X") [`CONTEXT`], the word's rarity
//!    and shape [`WEAK`]; [`super::resolve`] gives every mention of the name the type of its
//!    strongest guess in the document;
//! 4. in a sports report (sports words, or lines of scores), cities and regions named as teams
//!    become organisations, and unknown names in results, rows of scores and venues get team,
//!    ground or town guesses.

use std::borrow::Cow;

use super::EntityType;
use super::lists::{GAZETTEER_CI, LISTS, Lists, class::*, ctx};
use super::numeric;
use crate::doc::{Document, Span, TokenKind};
use crate::lexicon::SmallGazetteer;

/// A mention found in one sentence, before mentions are grouped into entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Span,
    pub sentence: usize,
    /// `None`: a capitalised name the rules could not classify. It is kept only if the rest of
    /// the document says what it is (it names a part of a known person, say).
    pub label: Option<EntityType>,
    /// What the name merges into, from the gazetteer ("U.S." -> "United States") or a user
    /// lexicon.
    pub canonical: Option<Cow<'static, str>>,
    pub roles: Vec<String>,
    /// A label that holds only when the rest of the document does not say otherwise.
    pub guess: Option<Guess>,
    /// The rule that found the mention and gave its label or guess (`--explain`): one of
    /// [`super::RULES`], or `lexicon:FILE:LINE` for a user lexicon's entry.
    pub rule: Cow<'static, str>,
}

/// What the words around an unclassified name suggest it is. The guesses of every mention of
/// the same name add up by weight, so one "the anti-virus firm Sophos" outweighs a "Sophos
/// said" elsewhere ([`super::resolve`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Guess {
    pub label: EntityType,
    /// [`WEAK`], [`CONTEXT`] or [`DESCRIPTOR`].
    pub weight: u8,
    /// The rule that made the guess, for `--explain`.
    pub rule: &'static str,
}

/// A default from the word's shape or rarity ("-ski", an unknown capitalised word).
pub const WEAK: u8 = 1;
/// A context word that most often goes with the type ("said X", "in X").
pub const CONTEXT: u8 = 2;
/// Words that say what the name is: a descriptor ("the firm X", "X, Scotland"), a pronoun
/// that refers to it ("X said it"), what only an organisation has ("X's shareholders").
pub const DESCRIPTOR: u8 = 4;

fn guess(label: EntityType, weight: u8, rule: &'static str) -> Option<Guess> {
    Some(Guess {
        label,
        weight,
        rule,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Body,
    TitleCase,
    Caps,
}

/// Opening marks after which a capital letter says nothing (a new sentence may start there).
const OPENERS: &[&str] = &[
    "\"", "“", "‘", "'", "(", "[", ":", "-", "—", "–", "--", "''", "``", "\"\"", ";", "...", "…",
];

/// A capital inside a word after lower-case letters, except in name prefixes ("McDonald",
/// "MacLeod", "DeShawn", "LeBoff").
fn is_camel_case(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let inner = (2..chars.len()).any(|i| chars[i].is_uppercase() && chars[i - 1].is_lowercase());
    let prefix = [
        "Mc", "Mac", "De", "La", "Le", "Di", "Da", "Van", "Von", "O'",
    ]
    .iter()
    .any(|p| word.starts_with(p));
    chars.len() > 4 && chars[0].is_uppercase() && inner && !prefix
}

/// Word shapes that say what an unknown name is: "-ski", "-enko" (persons), "-grad", "-stan"
/// (places), "-bank" (organisations).
fn shape_label(word: &str, len: usize) -> Option<EntityType> {
    let w = word.to_lowercase();
    const PERSON_ENDS: &[&str] = &[
        "ov", "ova", "ev", "eva", "ski", "sky", "skiy", "enko", "shvili", "dze", "opoulos", "escu",
        "vic", "vich", "ić", "ovic", "sson", "sen",
    ];
    const PLACE_ENDS: &[&str] = &[
        "grad", "stan", "burg", "bourg", "ville", "abad", "pur", "shire", "sk", "polis",
    ];
    // CamelCase is how companies and products are written: "NetRatings", "PodShow".
    if len == 1 && is_camel_case(word) {
        return Some(EntityType::Org);
    }
    const ORG_ENDS: &[&str] = &["bank", "corp", "tech", "soft", "com", "air"];
    if len == 1
        && ORG_ENDS
            .iter()
            .any(|e| w.ends_with(e) && w.len() > e.len() + 2)
    {
        return Some(EntityType::Org);
    }
    if len == 1
        && PLACE_ENDS
            .iter()
            .any(|e| w.ends_with(e) && w.len() > e.len() + 2)
    {
        return Some(EntityType::Gpe);
    }
    if PERSON_ENDS
        .iter()
        .any(|e| w.ends_with(e) && w.len() > e.len() + 2)
    {
        return Some(EntityType::Person);
    }
    // Plurals of unknown words are groups, not one person: "Afrikaners", "Azeris"; but
    // "Scorers" and "Travellers" are English words.
    if len == 1
        && !is_english_word(word)
        && ["ans", "ens", "ers", "ites", "ese", "is"]
            .iter()
            .any(|e| w.ends_with(e) && w.len() > e.len() + 3)
    {
        return Some(EntityType::Norp);
    }
    None
}

/// Word classes that end a name of some kind ("League", "River", "Airport").
const HEADS: u16 = ORG_END | FAC_END | LOC_END | GPE_END | EVENT_END | LAW_END;

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// English writes `word` in lower case: the tagger's lexicon has its lower-case form. Given
/// names that are frequent words of news ("Liam", "Rohan") are not there.
fn is_english_word(word: &str) -> bool {
    let mut lower = String::with_capacity(word.len());
    crate::analysis::tagger::push_lower(&mut lower, word);
    crate::analysis::tagger::lexicon_tag(&lower).is_some()
}

/// "KANSAS CITY" -> "Kansas City": each word's first letter kept, the rest in lower case.
pub(super) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_uppercase() || c == '&' || c == '.' || c.is_ascii_digit())
}

/// The small words a title in title case leaves in lower case ("Snakes on a Plane").
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "from", "or", "is",
    "my", "your",
];

/// Prefixes English writes before a hyphen and a capitalised word ("Trans-Pacific").
const BOUND_PREFIXES: &[&str] = &[
    "Trans", "Pan", "Anti", "Inter", "Intra", "Sub", "Non", "Pro", "Post", "Pre", "Mid", "Neo",
    "Ultra", "Pseudo", "Counter", "Cross",
];

/// Titles of nobility, which also make stage names ("Lady Gaga").
const NOBLE: &[&str] = &["Lady", "Lord", "Dame", "Sir"];

/// Words of four letters or more that a title-case headline may leave in lower case.
const TITLE_CASE_SMALL: &[&str] = &[
    "with", "from", "into", "onto", "over", "than", "that", "this", "upon", "about", "after",
    "under", "amid", "says", "said", "will", "were", "been", "have", "their", "they", "what",
    "when", "where", "which", "while", "your", "them", "then", "some", "more", "most", "also",
    "just", "near", "past", "till", "until", "without", "within", "through", "versus",
];

fn mode_of(doc: &Document, s: usize) -> Mode {
    let text = doc.sentence_text(s);
    // One pass, with a fast path for ASCII: this reads every character of the document.
    let (mut letters, mut upper) = (0usize, 0usize);
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii() {
            letters += usize::from(b.is_ascii_alphabetic());
            upper += usize::from(b.is_ascii_uppercase());
            k += 1;
        } else {
            // `k` is at the first byte of a character: ASCII bytes are whole characters.
            let c = text[k..].chars().next().expect("a character at a boundary");
            letters += usize::from(c.is_alphabetic());
            upper += usize::from(c.is_uppercase());
            k += c.len_utf8();
        }
    }
    if letters >= 4 && upper * 10 >= letters * 8 {
        return Mode::Caps;
    }
    let span = doc.sentences[s].span;
    let in_title = doc
        .title
        .is_some_and(|t| t.contains(span) || span.contains(t));
    // Title case: most longer words capitalised, as in a headline.
    // Longer words (four characters or more, not month or day names), and how many of them
    // are capitalised.
    // A headline in title case leaves only the small words of English in lower case ("with",
    // "from"); two content words in lower case ("previously played") make it a sentence of a
    // body that names many people or works.
    let (mut words, mut caps, mut lower_content) = (0usize, 0usize, 0usize);
    for t in doc.sentence_tokens(s) {
        let w = doc.slice(t.span);
        if t.kind == TokenKind::Word
            && (w.len() >= 4 && (w.is_ascii() || w.chars().count() >= 4))
            && !numeric::is_calendar_word(w)
        {
            words += 1;
            caps += usize::from(starts_upper(w));
        }
    }
    if !(words >= 3 && caps * 4 >= words * 3) {
        return Mode::Body;
    }
    // Only for sentences that look like headlines: a second look at their words.
    for t in doc.sentence_tokens(s) {
        let w = doc.slice(t.span);
        if t.kind == TokenKind::Word
            && (w.len() >= 4 && (w.is_ascii() || w.chars().count() >= 4))
            && !numeric::is_calendar_word(w)
            && !starts_upper(w)
            && !TITLE_CASE_SMALL.contains(&w)
        {
            lower_content += 1;
        }
    }
    if lower_content >= 2 && !in_title {
        return Mode::Body;
    }
    // A headline stands on its own line; a sentence that ends with a full stop inside a
    // paragraph, after another that did, is prose that names many people or works ("Or Ann
    // Lee and Tom Berg in Hollywood Nights.").
    let ends = |k: usize| {
        doc.sentence_tokens(k)
            .iter()
            .rev()
            .map(|t| doc.slice(t.span))
            .find(|w| !matches!(*w, "\"" | "”" | "’" | "'" | ")" | "\"\""))
            .is_some_and(|w| matches!(w, "." | "?" | "!"))
    };
    let inside = s > 0
        && doc.sentences[s - 1].paragraph == doc.sentences[s].paragraph
        && !doc.tokens[doc.sentences[s].tokens.start].line_start;
    if inside && !in_title && ends(s) && ends(s - 1) {
        return Mode::Body;
    }
    // Lists of names ("Lewis 94 , Butcher 70 , Kersey 63") are capitalised too, but unlike a
    // headline they carry numbers, commas and brackets.
    let tokens = doc.sentence_tokens(s);
    let listy = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number || matches!(doc.slice(t.span), "," | "(" | ")"))
        .count()
        > 2;
    let headline_like = in_title || (words >= 6 && !listy);
    if words >= 3 && caps * 4 >= words * 3 && headline_like {
        return Mode::TitleCase;
    }
    Mode::Body
}

/// A sports report: three distinct sports words or more, one of them unmistakable.
fn is_sports(doc: &Document, lists: &Lists) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || t.span.len() > 16 {
            continue;
        }
        let w = doc.token_lower(i);
        if lists.in_class(w, ctx::SPORT) && !seen.contains(&w) {
            seen.push(w);
            if seen.len() >= 3 && seen.iter().any(|w| lists.in_class(w, ctx::SPORT_STRONG)) {
                return true;
            }
        }
    }
    false
}

/// Lines of results: a capitalised name, a score, another name, another score ("Leeds 2
/// Hull City 1", "DETROIT 4 Kansas City 1"), and nothing else but a bracket.
fn score_lines(doc: &Document) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < doc.tokens.len() {
        let mut j = i + 1;
        while j < doc.tokens.len() && !doc.tokens[j].line_start {
            j += 1;
        }
        // The line's shape: runs of capitalised words as 'N', numbers as '#'.
        let mut shape = [0u8; 5];
        let mut n = 0;
        for t in &doc.tokens[i..j] {
            let class = match t.kind {
                TokenKind::Number => b'#',
                TokenKind::Word if starts_upper(doc.slice(t.span)) => b'N',
                _ => break,
            };
            if n > 0 && shape[n - 1] == class && class == b'N' {
                continue;
            }
            if n == shape.len() {
                n += 1;
                break;
            }
            shape[n] = class;
            n += 1;
        }
        if n == 4 && &shape[..4] == b"N#N#" {
            count += 1;
        }
        i = j;
    }
    count
}

/// Every name, date and amount mention of `doc`, in text order.
pub fn find(doc: &Document) -> Vec<Found> {
    let lists = &*LISTS;
    let modes: Vec<Mode> = (0..doc.sentences.len()).map(|s| mode_of(doc, s)).collect();
    let mut f = Finder {
        doc,
        lists,
        taken: vec![false; doc.tokens.len()],
        found: Vec::new(),
        s: 0,
        strict: false,
        lower_words: {
            // Sized for an article; a long document repeats its words.
            let mut set = crate::lexicon::TextSet::with_capacity_and_hasher(
                (doc.tokens.len() / 4).min(8192),
                Default::default(),
            );
            set.extend(
                doc.tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| doc.slice(t.span))
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
            );
            set
        },
    };
    for s in 0..doc.sentences.len() {
        f.s = s;
        f.dateline();
    }
    for (s, mode) in modes.iter().enumerate() {
        if *mode != Mode::Caps {
            f.s = s;
            f.strict = *mode == Mode::TitleCase;
            f.scan_sentence();
        }
    }
    if modes.iter().any(|m| *m != Mode::Body) {
        f.headlines(&modes);
    }
    if is_sports(doc, lists) || score_lines(doc) >= 2 {
        f.teams();
    }
    // Unclassified single capitals ("This", "Sat") do not stop a date or number.
    for x in &f.found {
        if x.label.is_none() && x.guess.is_none() {
            let a = doc.token_at_or_after(x.span.start);
            let b = doc.token_at_or_after(x.span.end);
            for t in &mut f.taken[a..b] {
                *t = false;
            }
        }
    }
    let before = f.found.len();
    for s in 0..doc.sentences.len() {
        for n in numeric::scan(doc, s, &f.taken) {
            f.found.push(Found {
                span: n.span,
                sentence: s,
                label: Some(n.label),
                canonical: None,
                roles: Vec::new(),
                guess: None,
                rule: Cow::Borrowed("number"),
            });
        }
    }
    let mut numbers: Vec<Span> = f.found[before..].iter().map(|x| x.span).collect();
    numbers.sort();
    // Numbers do not overlap each other, so the one starting last before a span's end is
    // the only one that can overlap it.
    f.found.retain(|x| {
        // An acronym inside a time or amount is its zone or unit: "8 PM ET/PT".
        let weak_acronym = x.rule == "acronym";
        if (x.label.is_some() || x.guess.is_some()) && !weak_acronym {
            return true;
        }
        let i = numbers.partition_point(|n| n.start < x.span.end);
        i == 0 || !numbers[i - 1].overlaps(x.span)
    });
    f.found.sort_by_key(|x| (x.span.start, x.span.end));
    f.found
}

struct Finder<'a> {
    doc: &'a Document,
    lists: &'a Lists,
    /// Tokens already inside a mention.
    taken: Vec<bool>,
    found: Vec<Found>,
    /// The sentence being scanned.
    s: usize,
    /// Headline mode: keep only certain finds.
    strict: bool,
    /// Words the document writes in lower case somewhere.
    lower_words: crate::lexicon::TextSet<&'a str>,
}

impl Finder<'_> {
    fn range(&self) -> std::ops::Range<usize> {
        self.doc.sentences[self.s].tokens.clone()
    }

    fn text(&self, i: usize) -> &str {
        let r = self.range();
        if i < r.start || i >= r.end {
            return "";
        }
        self.doc.token_text(i)
    }

    /// Token `i` is written right against the one before it.
    fn glued(&self, i: usize) -> bool {
        let r = self.range();
        i > r.start && i < r.end && !self.doc.tokens[i].space_before
    }

    fn is_cap(&self, i: usize) -> bool {
        let r = self.range();
        if i < r.start || i >= r.end || self.taken[i] {
            return false;
        }
        let t = self.doc.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.doc.slice(t.span);
        // Without a capital letter, the answer is no whatever follows (most words).
        if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        if numeric::is_calendar_word(w) || w == "I" || numeric::is_day_abbreviation(self.doc, i) {
            return false;
        }
        // A hashtag ("#Monsters") names a topic of a social network, not an entity.
        if i > r.start && !t.space_before && self.doc.token_text(i - 1) == "#" {
            return false;
        }
        // "March 12", "12 May", "Jan 5": a month name that is also a word or a given name
        // ("Jan Ullrich"), next to a day.
        if matches!(w, "March" | "May" | "Jan" | "JAN") {
            let number = |k: usize| {
                k >= r.start && k < r.end && self.doc.tokens[k].kind == TokenKind::Number
            };
            if number(i + 1) || (i > 0 && number(i - 1)) {
                return false;
            }
        }
        starts_upper(w) || (w.chars().any(char::is_uppercase) && self.lists.known.contains_key(w))
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(
            self.doc.tokens[a].span.start,
            self.doc.tokens[b - 1].span.end,
        )
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        self.doc.slice(self.span(a, b))
    }

    fn known(&self, a: usize, b: usize) -> Option<&super::lists::Known> {
        if a >= b {
            return None;
        }
        let text = self.slice(a, b);
        // Decomposed accents ("Sa\u{303}o Paulo") match the lists' composed forms; offsets stay
        // those of the text as written.
        if !text.is_ascii()
            && !matches!(
                unicode_normalization::is_nfc_quick(text.chars()),
                unicode_normalization::IsNormalized::Yes
            )
        {
            let composed: String = unicode_normalization::UnicodeNormalization::nfc(text).collect();
            if let Some(k) = self.lists.known.get(&composed) {
                return Some(k);
            }
        }
        self.lists.known.get(text).or_else(|| {
            // A name in capitals in a line of body text ("DETROIT 4 Kansas City 1"): the
            // gazetteer's form in title case. Short words in capitals are acronyms ("IT").
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 4 || text.chars().any(char::is_lowercase) {
                return None;
            }
            let title = title_case(text);
            self.lists.known.get(&title)
        })
    }

    /// The end of the longest gazetteer name that starts at `a` and ends by `b`.
    fn known_prefix(&self, a: usize, b: usize) -> Option<usize> {
        (a + 1..=b.min(a + 8))
            .rev()
            .find(|&e| self.known(a, e).is_some())
    }

    /// A capital here may just start a sentence.
    fn at_start(&self, a: usize) -> bool {
        let r = self.range();
        a == r.start || OPENERS.contains(&self.text(a - 1)) || self.doc.tokens[a].line_start
    }

    fn emit_label(&mut self, a: usize, b: usize, label: EntityType, rule: &'static str) {
        self.emit_full(a, b, Some(label), None, Vec::new(), rule);
    }

    /// An unclassified name, with what its context suggests it is.
    fn emit_guess(&mut self, a: usize, b: usize, guess: Option<Guess>) {
        let rule = guess.map_or("unclassified", |g| g.rule);
        self.push(a, b, None, guess, None, Vec::new(), rule);
    }

    fn emit_full(
        &mut self,
        a: usize,
        b: usize,
        label: Option<EntityType>,
        canonical: Option<Cow<'static, str>>,
        roles: Vec<String>,
        rule: &'static str,
    ) {
        self.push(a, b, label, None, canonical, roles, rule);
    }

    #[allow(clippy::too_many_arguments)] // one field each of `Found`
    fn push(
        &mut self,
        a: usize,
        b: usize,
        label: Option<EntityType>,
        guess: Option<Guess>,
        canonical: Option<Cow<'static, str>>,
        roles: Vec<String>,
        rule: &'static str,
    ) {
        if a >= b || (self.strict && label.is_none()) {
            return;
        }
        for t in &mut self.taken[a..b] {
            *t = true;
        }
        self.found.push(Found {
            span: self.span(a, b),
            sentence: self.s,
            label,
            canonical,
            roles,
            guess,
            rule: Cow::Borrowed(rule),
        });
    }

    fn emit_known(&mut self, a: usize, b: usize) {
        let Some(k) = self.known(a, b).cloned() else {
            return;
        };
        // A nationality that is also a language ("French") is the language only in a language
        // context; a pure language name ("Mandarin") is listed as LANGUAGE already.
        let (label, rule) = if k.also_language && self.language_context(a, b) {
            (EntityType::Language, "language-context")
        } else if self.given_name_said(a, b, &k) {
            (EntityType::Person, "given-name-said")
        } else {
            (k.label, "gazetteer")
        };
        self.emit_full(
            a,
            b,
            Some(label),
            Some(k.canonical.into()),
            Vec::new(),
            rule,
        );
    }

    /// "Mary said she would stay": a town that is also a given name, before a verb of saying
    /// that a person's pronoun or a listener follows, is the person (towns say nothing; "it"
    /// after the verb would be a council's voice).
    fn given_name_said(&self, a: usize, b: usize, k: &super::lists::Known) -> bool {
        let r = self.range();
        k.label == EntityType::Gpe
            && !k.country
            && !k.region
            && b == a + 1
            && b + 1 < r.end
            && self.lists.is_first_name(self.text(a))
            && self.lists.in_class(self.text(b), ctx::SAID)
            && !matches!(self.text(b + 1), "it" | "its" | "on" | "in" | "that")
    }

    /// "speaks French", "in English", "the Chinese language", "Spanish-speaking".
    fn language_context(&self, a: usize, b: usize) -> bool {
        let before = if a > self.range().start {
            self.text(a - 1).to_lowercase()
        } else {
            String::new()
        };
        let after = self.text(b).to_lowercase();
        let after2 = self.text(b + 1).to_lowercase();
        matches!(
            before.as_str(),
            "in" | "speak"
                | "speaks"
                | "spoke"
                | "speaking"
                | "into"
                | "learn"
                | "learning"
                | "fluent"
                | "taught"
        ) && !starts_upper(self.text(b))
            && !matches!(
                after.as_str(),
                "people" | "government" | "team" | "authorities"
            )
            || matches!(
                after.as_str(),
                "language" | "languages" | "translation" | "subtitles" | "speakers" | "dialect"
            )
            || (after == "-" && matches!(after2.as_str(), "speaking" | "language"))
    }

    fn scan_sentence(&mut self) {
        // Quoted titles first: their words are capitalised like names but belong together.
        self.quoted_titles();
        self.titles_after_cues();
        let r = self.range();
        let mut i = r.start;
        while i < r.end {
            if !self.is_cap(i) {
                i += 1;
                continue;
            }
            let a = i;
            let mut b = i + 1;
            while b < r.end && !self.doc.tokens[b].line_start && b - a < 16 {
                let t = self.text(b);
                if self.is_cap(b) && self.run_break(b) {
                    break;
                } else if self.is_cap(b) {
                    // A word in capitals after mixed-case words starts something else:
                    // "Photo: Mark Cina LOS ANGELES".
                    let shouting = |w: &str| {
                        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !w.chars().any(char::is_lowercase)
                    };
                    // A company suffix is written in capitals after any name ("Cofinec S.A.").
                    // A generation after a name is part of it: "Norman Golden II".
                    let generation = matches!(t, "II" | "III" | "IV");
                    if shouting(t)
                        && !generation
                        && self.lists.class(t) & ORG_END == 0
                        && !shouting(self.text(b - 1))
                        && self.text(b - 1).chars().any(char::is_lowercase)
                    {
                        break;
                    }
                    b += 1;
                } else if matches!(t, "’s" | "'s") && self.is_cap(b + 1) {
                    // A possessive inside a name: "Caesar's Palace", "Ronnie Scott's Club".
                    let mut c = b + 1;
                    while self.is_cap(c) && c - b < 6 {
                        c += 1;
                    }
                    // Only a one-word head: "Kristen Wiig's Universal Pictures comedy" is a
                    // person's possession, not one name.
                    if c == b + 2 && self.lists.class(self.text(c - 1)) & (FAC_END | ORG_END) != 0 {
                        b = c;
                    } else {
                        break;
                    }
                } else if (t == "-" && self.glued(b) && self.glued(b + 1) || t == "&")
                    && self.is_cap(b + 1)
                {
                    b += 2;
                } else if self.lists.in_class(t, ctx::PARTICLE) && self.is_cap(b - 1) {
                    let mut c = b;
                    while self.lists.in_class(self.text(c), ctx::PARTICLE) {
                        c += 1;
                    }
                    if self.is_cap(c) && c - b <= 2 {
                        b = c + 1;
                    } else {
                        break;
                    }
                } else if (t == "of" || t == "for")
                    && self.lists.is(
                        self.text(b - 1),
                        ORG_OF | FAC_END | LOC_END | GPE_END | EVENT_END | LAW_END | TITLE,
                    )
                {
                    let mut c = b + 1;
                    if self.text(c) == "the" {
                        c += 1;
                    }
                    if self.is_cap(c) {
                        b = c + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            self.classify(a, b);
            i = b;
        }
    }

    /// Classifies the capitalised sequence of tokens `a..b` and emits what it holds.
    ///
    /// It recurses on the parts it splits off, each shorter than `a..b`, and the run loop in
    /// `scan_sentence` stops a sequence at 16 tokens (a last step over a particle or a
    /// possessive adds a few), so the depth is bounded by a constant whatever the input.
    fn classify(&mut self, a: usize, b: usize) {
        if a >= b {
            return;
        }
        let mut a = a;
        // "5-year-old Mary", "the 34-year-old Smith": an age written before a name makes it a
        // person's, whatever the lists say ("Mary" is also a city).
        let r = self.range();
        if a >= r.start + 3
            && b - a <= 3
            && self.text(a - 1) == "old"
            && self.text(a - 2) == "-"
            && matches!(self.text(a - 3), "year" | "years")
            && self.lists.is_first_name(self.text(a))
        {
            return self.emit_label(a, b, EntityType::Person, "age-before-name");
        }
        if self.known(a, b).is_some() {
            return self.emit_known(a, b);
        }
        if self.listing_venue(a, b) {
            return self.emit_label(a, b, EntityType::Fac, "venue-listing");
        }
        if let Some(end) = self.title_after_actor(a) {
            return self.emit_label(a, end, EntityType::WorkOfArt, "actor-in-title");
        }
        if self.capitalised_article_title(a, b) {
            return self.emit_label(a, b, EntityType::WorkOfArt, "capitalised-article");
        }
        // An article is not part of a name ("the Kremlin"), unless the gazetteer says so, nor
        // a capitalised conjunction a run broke at ("for the Guardian For Metronomy's").
        while a < b && matches!(self.text(a), "The" | "A" | "An" | "For" | "And") {
            a += 1;
            if self.known(a, b).is_some() {
                return self.emit_known(a, b);
            }
        }
        if a >= b {
            return;
        }
        // "Trans-Pacific Partnership", "Anti-Defamation League": a bound prefix belongs to the
        // name its hyphen joins it to.
        if b >= a + 4
            && BOUND_PREFIXES.contains(&self.text(a))
            && self.text(a + 1) == "-"
            && self.glued(a + 1)
            && self.glued(a + 2)
        {
            let n = self.found.len();
            self.classify(a + 2, b);
            if self.found.len() == n + 1 && self.found[n].span == self.span(a + 2, b) {
                self.found[n].span = self.span(a, b);
                self.found[n].canonical = None;
                for t in &mut self.taken[a..a + 2] {
                    *t = true;
                }
            }
            return;
        }
        let first = self.text(a);
        // A capital at the start of a sentence may be an ordinary word ("Overall", "Analysts").
        if self.at_start(a)
            && self.known_prefix(a, b).is_none()
            && !self.lists.is_first_name(first)
            && !self
                .lists
                .is(first, HONORIFIC | TITLE | TITLE_MOD | LOC_START)
            && !(b - a > 1 && self.lists.in_class(first, ctx::NAME_START))
            // The common-word list also holds names ("Rohan", "Liam"), so only its frequent
            // part counts, and only a word English writes in lower case (the tagger's
            // lexicon), or one the document itself writes in lower case.
            && ((self.lists.common_rank(first).is_some_and(|r| r < 20000)
                && is_english_word(first))
                || self.lower_words.contains(first.to_lowercase().as_str()))
            && !is_acronym(first)
        {
            if b - a == 1 {
                // Kept unclassified: "Putin" is a common word nowhere, but "Bush" is; the
                // document may still show it is a name.
                return self.emit_guess(a, b, None);
            }
            a += 1;
            if self.text(a) == "-" {
                a += 1;
            }
            return self.classify(a, b);
        }
        // A known name followed by more: split it off when what follows is a person's title
        // or name, another known name, or the other half of a hyphenated pair ("China-Russia").
        if let Some(e) = self.known_prefix(a, b)
            && e < b
        {
            let mut rest = e;
            let hyphen = self.text(e) == "-";
            if hyphen || self.text(e) == "&" {
                rest += 1;
            }
            let next = self.text(rest);
            // "George Lucas" is a person, not the South African town George.
            let person = self.lists.is_first_name(self.text(a)) && e == a + 1;
            // "George Bush", "Austin Henderson": after a given name, a town that is also a
            // surname is the surname.
            let surname = person
                && !hyphen
                && b == rest + 1
                && self.lists.surnames.contains(next)
                && self.known(rest, b).is_some_and(|k| !k.country);
            let splits = hyphen
                || self.lists.is(next, HONORIFIC | TITLE | TITLE_MOD)
                || (self.lists.is_first_name(next) && !person)
                || (self.known_prefix(rest, b).is_some() && !surname)
                || self
                    .known(a, e)
                    .is_some_and(|k| k.label == EntityType::Norp);
            let headed = self.has_head(rest, b) || self.lists.class(self.text(b - 1)) & HEADS != 0;
            // Two group words in a row are one group: "Iraqi Kurds".
            let norp =
                |k: Option<&super::lists::Known>| k.is_some_and(|k| k.label == EntityType::Norp);
            if norp(self.known(a, e)) && norp(self.known(rest, b)) && !hyphen {
                return self.emit_label(a, b, EntityType::Norp, "nationality-pair");
            }
            if splits && !headed {
                self.emit_known(a, e);
                // After a nationality a lone word is what it qualifies ("Soviet Republics",
                // "European Indoors"), not a name of its own.
                let lone = b == rest + 1
                    && norp(self.known(a, e))
                    && !self.lists.is_first_name(self.text(rest))
                    && !self.lists.is(self.text(rest), TITLE | HONORIFIC)
                    && self.known(rest, b).is_none();
                if lone {
                    return;
                }
                return self.classify(rest, b);
            }
        }
        // Titles and honorifics before a name: "President Xi Jinping", "Mr Smith".
        let (p, roles) = self.title_prefix(a, b);
        if p > a {
            if p >= b {
                return; // a title alone: "the President", "Prime Minister"
            }
            // "the General Election": a title before an ordinary word is no person, but a
            // courtesy title is never anything else ("Mr Brown", "Mrs Green").
            let word = self.text(p);
            let courtesy = self.lists.is(self.text(p - 1), HONORIFIC);
            if b == p + 1
                && !courtesy
                && !self.lists.is_first_name(word)
                && !self.lists.surnames.contains(word)
                && self.lists.common_rank(word).is_some_and(|r| r < 20000)
            {
                return;
            }
            // "Lady Gaga", "Lord Voldemort": a title of nobility before one word that is no
            // given name or surname of the lists is a stage name or a character's, and the
            // title is part of it; "Lady Thatcher", "Sir Elton John" keep only the name.
            if p == a + 1
                && b == p + 1
                && NOBLE.contains(&self.text(a))
                && !self.lists.is_first_name(word)
                && !self.lists.surnames.contains(word)
            {
                return self.emit_label(a, b, EntityType::Person, "stage-name");
            }
            let roles = roles.into_iter().chain(self.roles_around(p, b)).collect();
            return self.emit_full(
                p,
                b,
                Some(EntityType::Person),
                None,
                roles,
                "title-before-name",
            );
        }
        let len = b - a;
        let last = self.text(b - 1);
        let head = self.lists.class(last);
        if let Some(label) = self.head_label(a, b) {
            return self.emit_label(a, b, label, "head-word");
        }
        // Codes and models ("P7131", "MP3", "FY500") are no names.
        if len == 1 && first.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        if len == 1 && is_acronym(first) {
            if self.lists.in_class(first, ctx::NOT_NAME) || self.strict {
                return;
            }
            return self.emit_guess(a, b, guess(EntityType::Org, WEAK, "acronym"));
        }
        if self.lists.in_class(first, ctx::NOT_NAME) && len == 1 {
            return;
        }
        // A hyphenated pair of names: classify each half ("Xi-Putin", "Paris-Berlin").
        let hyphen = (a + 1..b).find(|&k| self.text(k) == "-");
        if let Some(h) = hyphen
            && !self.lists.is_first_name(first)
        {
            if self.known_prefix(a, h).is_some() || self.known_prefix(h + 1, b).is_some() {
                self.classify(a, h);
                return self.classify(h + 1, b);
            }
            // An unknown compound ("Nagorno-Karabakh"): a place after "in", else unsure.
            let prev = if a > self.range().start {
                self.text(a - 1)
            } else {
                ""
            };
            let place = self.lists.in_class(prev, ctx::LOCATIVE);
            let g = if place {
                guess(EntityType::Gpe, CONTEXT, "locative-compound")
            } else {
                None
            };
            return self.emit_guess(a, b, g);
        }
        // A word before a given name is no part of the name: "Fullback Andre Joubert".
        if len >= 3
            && !self.lists.is_first_name(first)
            && self.lists.is_first_name(self.text(a + 1))
            && self.text(a + 1) != "-"
        {
            self.classify(a, a + 1);
            return self.classify(a + 1, b);
        }
        // Hyphens do not count as words: "Jean-Claude Van Damme" has three.
        let words = (a..b).filter(|&k| self.text(k) != "-").count();
        let person_like = |f: &Self| {
            (2..=4).contains(&words)
                && (f.lists.is_first_name(first) || f.lists.surnames.contains(last))
                && head & HEADS == 0
                // The common-word list holds frequent surnames too ("Johnson"), so a given
                // name is evidence enough; a surname alone needs a rarer word before it, and
                // not a known name ("Russia Partnership Marks" is a headline, not a person).
                && (f.lists.is_first_name(first)
                    || (f.lists.common_rank(first).is_none_or(|r| r > 6000)
                        && !f.lists.known.contains_key(first)))
        };
        // "the Clinton White House": a name of two or more words that is no person's ends
        // the run; what comes before it names its holder.
        if words >= 3
            && let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| {
                self.text(k - 1) != "-"
                    && self
                        .known(k, b)
                        .is_some_and(|e| e.label != EntityType::Person)
            })
        {
            self.classify(a, k);
            return self.classify(k, b);
        }
        if person_like(self) && !(a..b).any(|k| self.text(k) == "&") {
            // Two names in a row, as in captions: "Eric Richmond Tim Garland".
            if let Some(k) = (a + 2..b - 1).find(|&k| {
                self.lists.is_first_name(self.text(k))
                    && self.text(k - 1) != "-"
                    // "Van" in "Jean-Claude Van Damme" is a particle, not a second given name.
                    && !self
                        .lists
                        .in_class(&self.text(k).to_lowercase(), ctx::PARTICLE)
            }) {
                self.classify(a, k);
                return self.classify(k, b);
            }
            let roles = self.roles_around(a, b);
            return self.emit_full(a, b, Some(EntityType::Person), None, roles, "person-name");
        }
        if self.strict {
            return;
        }
        if (a..b).any(|k| self.text(k) == "&") {
            return self.emit_guess(a, b, guess(EntityType::Org, CONTEXT, "ampersand"));
        }
        // A known place or group before an unknown word: "New York Knicks", "Beijing Guoan".
        if len >= 2
            && let Some(e) = self.known_prefix(a, b)
        {
            // A one-word place then one rare, surname-like word is more often a person named
            // like a town ("Torrance Zellner", "Ogun Temizkanoglu").
            let last = self.text(b - 1);
            let person = e == a + 1
                && len == 2
                && self.lists.common_rank(last).is_none()
                && !last.ends_with('s')
                && self.known(a, e).is_some_and(|k| k.label == EntityType::Gpe);
            let g = if person {
                guess(EntityType::Person, WEAK, "place-then-surname")
            } else {
                guess(EntityType::Org, WEAK, "known-then-word")
            };
            return self.emit_guess(a, b, g);
        }
        // A role written beside it ("Otieno, the finance minister,") makes it a person.
        let roles = self.roles_around(a, b);
        if !roles.is_empty() && len <= 4 {
            return self.emit_full(
                a,
                b,
                Some(EntityType::Person),
                None,
                roles,
                "role-beside-name",
            );
        }
        // Words that say what the name is, then context ("said X"), which is weaker evidence
        // than the document's other mentions of X, so both give a guess: "TimeWarner said"
        // stays with the organisation TimeWarner.
        if let Some(g) = self.descriptor(a, b).or_else(|| self.context_label(a, b)) {
            return self.emit_guess(a, b, Some(g));
        }
        // Mid-sentence capitals are names unless the word is very frequent or the document
        // writes it in lower case too (the common-word list folds case and so also holds
        // names like "Madonna").
        let rare = (a..b).all(|k| {
            let w = self.text(k);
            self.lists.in_class(w, ctx::PARTICLE)
                || w == "-"
                || (self.lists.common_rank(w).is_none_or(|r| r > 4000) && !is_acronym(w))
        });
        // A single word must be rarer still: "Election", "Embassy", "Coalition" capitalised
        // alone are pieces of longer names or headings, not names. Known surnames pass.
        let rare = rare
            && (len > 1
                || self.lists.surnames.contains(first)
                || self.lists.common_rank(first).is_none_or(|r| r > 20000));
        let prev = if a > self.range().start {
            self.text(a - 1)
        } else {
            ""
        };
        let prev_lower = prev.to_lowercase();
        let lower_elsewhere = (a..b).any(|k| {
            self.lower_words
                .contains(self.text(k).to_lowercase().as_str())
        });
        let before_prev = if a >= self.range().start + 2 {
            self.text(a - 2).to_lowercase()
        } else {
            String::new()
        };
        let number_after = matches!(self.doc.tokens.get(b), Some(t) if t.kind == TokenKind::Number);
        // "Linux-based", "Dublin-born", "Sarkozy-led": the first half of a compound modifier
        // may be anything; only its other mentions can say what.
        let modifier = self.text(b) == "-"
            && self.glued(b)
            && self.glued(b + 1)
            && self
                .text(b + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let guess = if lower_elsewhere || !rare || modifier {
            // Written in lower case elsewhere in the document: a word, not a name.
            None
        } else if prev_lower == "of" && self.lists.in_class(before_prev.as_str(), ctx::PLACE_NOUN) {
            // "the village of X", "the province of X"
            guess(EntityType::Gpe, DESCRIPTOR, "place-noun-of")
        } else if len == 1
            && !self.lists.is_first_name(first)
            && ["ian", "ean", "ese"].iter().any(|e| first.ends_with(e))
            && first.chars().count() > 5
            && self.text(b).chars().all(char::is_lowercase)
            && self
                .doc
                .tokens
                .get(b)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            // An adjective of nationality or region before a noun: "a Zairean minister".
            guess(EntityType::Norp, CONTEXT, "adjective-of-nationality")
        } else if let Some(label) = shape_label(first, len).filter(|l| {
            // "Lewis", "Dennis" end like "Azeris" but are names of people.
            *l != EntityType::Norp
                || !(self.lists.is_first_name(first) || self.lists.surnames.contains(first))
        }) {
            guess(label, WEAK, "word-shape")
        } else if len == 1 && prev_lower == "the" && self.text(b) != "-" && !self.is_cap(b) {
            // People do not take an article; teams, ships, indices and agencies do. In "the
            // Linux-based system" and "the Obama White House" the article goes with the
            // compound, not the name.
            guess(EntityType::Org, WEAK, "article")
        } else if len == 1 && self.lists.is_first_name(first) {
            guess(EntityType::Person, CONTEXT, "given-name")
        } else if (2..=3).contains(&len) {
            // Two or three rare capitalised words are most often a person, unless the
            // last is an ordinary word ("Rum Diary", "Stranger Tides"), not a surname.
            let last = self.text(b - 1);
            let surname_like = self.lists.surnames.contains(last)
                || self.lists.common_rank(last).is_none_or(|r| r > 10000);
            if surname_like {
                guess(EntityType::Person, WEAK, "rare-words")
            } else {
                None
            }
        } else if len == 1
            && first.chars().count() > 2
            // Not the first part of a compound ("Trans-Pacific") or a unit ("degrees
            // Celsius").
            && self.text(b) != "-"
            && !matches!(prev_lower.as_str(), "degrees" | "degree")
            // At a sentence start only in tables and lists ("Hartlepool 4 2 1", "Smith (USA)"),
            // and only words that are in no word list ("Extras 5" is a word).
            && (!self.at_start(a)
                || ((number_after || self.text(b) == "(")
                    && self.lists.common_rank(first).is_none()))
        {
            // An unknown rare word: a place after "in", "near"...; else most often a surname.
            if self.lists.in_class(prev, ctx::LOCATIVE) {
                guess(EntityType::Gpe, CONTEXT, "locative")
            } else {
                guess(EntityType::Person, WEAK, "rare-word")
            }
        } else {
            None
        };
        self.emit_guess(a, b, guess)
    }

    /// "Harrison Ford and Josh Hartnett in Hollywood Homicide", "Stallone in Stop or My Mom
    /// Will Shoot": title-cased words of two capitals or more after a person and "in" are
    /// the work the person appears in, unless the lists know them (a place: "Ann Lee in New
    /// York"). The end of the title, or `None`.
    fn title_after_actor(&self, a: usize) -> Option<usize> {
        let r = self.range();
        if a < r.start + 2 || self.text(a - 1) != "in" || self.strict {
            return None;
        }
        let actor = self.found.last().is_some_and(|f| {
            f.sentence == self.s
                && f.label == Some(EntityType::Person)
                && f.span.end == self.doc.tokens[a - 2].span.end
        });
        if !actor {
            return None;
        }
        let (mut e, mut end, mut capitals) = (a, a, 0);
        while e < r.end && e - a < 14 {
            let w = self.text(e);
            if self.is_cap(e) || (e > a && self.doc.tokens[e].kind == TokenKind::Number) {
                capitals += usize::from(self.is_cap(e));
                e += 1;
                end = e;
            } else if e > a && (TITLE_SMALL.contains(&w) || (w == ":" && self.is_cap(e + 1))) {
                e += 1;
            } else {
                break;
            }
        }
        let closes = end == r.end
            || matches!(
                self.text(end),
                "," | "." | ";" | ")" | "(" | "and" | "with" | "as" | "opposite" | "?" | "!"
            );
        let known = self.known_prefix(a, end) == Some(end)
            || (self
                .known_prefix(a, end)
                .is_some_and(|k| self.known_prefix(k, end) == Some(end) || self.text(k) == ","));
        let headed = self.lists.class(self.text(end - 1)) & (HEADS | ORG_OF) != 0;
        (capitals >= 2 && closes && !known && !headed).then_some(end)
    }

    /// "I saw her in The Social Network", "Welcome to The English Riviera": inside a
    /// sentence, English writes "the" in lower case before the names of organisations and
    /// places ("the Beatles", "the Kremlin"), so a capitalised "The" opens a title, unless
    /// the words after it are a name the lists know or end in a head word ("The Alternative
    /// Comedy Society") or a noun for an organisation follows ("The Smiths' label").
    fn capitalised_article_title(&self, a: usize, b: usize) -> bool {
        if self.text(a) != "The" || b < a + 2 || self.at_start(a) || self.strict {
            return false;
        }
        let r = self.range();
        let prev = self.text(a - 1);
        // Inside a longer title ("Dark of The Moon") or a quotation the other rules decide.
        // "at The Oval": a ground or a hall, which keeps its article.
        if prev == "-"
            || prev == "at"
            || starts_upper(prev)
            || (a > r.start + 1 && self.taken[a - 1])
        {
            return false;
        }
        let next = self.text(b);
        // Places take a lower-case "the" ("the English Riviera"), so a place's head word
        // after "The" is a title's ("The Bay"); a building's or an organisation's is theirs.
        let heads = ORG_END | ORG_OF | FAC_END | EVENT_END | LAW_END;
        self.known(a + 1, b).is_none()
            && (a + 1..b).all(|k| self.lists.class(self.text(k)) & heads == 0)
            && !self.lists.in_class(&next.to_lowercase(), ctx::ORG_NOUN)
            && !matches!(next, "'s" | "’s" | "'" | "’")
            && !(a + 1..b).any(|k| self.lists.is_first_name(self.text(k)))
    }

    /// A capitalised word at `b` inside a run starts a new one: an article or "For" after a
    /// name ("a photograph for the Guardian The record", captions run into the next
    /// sentence), unless a small word of a title stands before it ("Return Of The King");
    /// "And" before a given name ("Photo: Ann Lee And Tom Berg").
    fn run_break(&self, b: usize) -> bool {
        let t = self.text(b);
        let prev = self.text(b - 1);
        let small_before = matches!(prev, "Of" | "And" | "In" | "On" | "&" | "-" | "To" | "At");
        (matches!(t, "The" | "For" | "A" | "An") && !small_before)
            || (t == "And" && self.lists.is_first_name(self.text(b + 1)))
    }

    /// A venue in a listing of dates: "Komedia, Brighton, Wed;", "Dingwalls, London, Tue",
    /// "Ronnie Scott's Club, W1, Mon": the name, a comma, a town or a postal district, a comma
    /// and a day.
    fn listing_venue(&self, a: usize, b: usize) -> bool {
        let r = self.range();
        if self.text(b) != "," || b + 1 >= r.end {
            return false;
        }
        let code = |w: &str| {
            (2..=4).contains(&w.len())
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().any(|c| c.is_ascii_digit())
                && w.bytes().all(|c| c.is_ascii_alphanumeric())
        };
        // The comma and the day first: most names before a comma are in no listing.
        let Some(e) = (b + 2..(b + 6).min(r.end))
            .find(|&k| self.text(k) == "," && numeric::is_day_abbreviation(self.doc, k + 1))
        else {
            return false;
        };
        let place = (e == b + 2 && code(self.text(b + 1)))
            || self
                .known(b + 1, e)
                .is_some_and(|k| k.label == EntityType::Gpe);
        // The run is the venue alone, not a sentence's capitals before it.
        let lone = a == r.start
            || matches!(self.text(a - 1), "," | ";" | ":" | "(")
            || self.doc.tokens[a].line_start
            || numeric::is_day_abbreviation(self.doc, a - 1);
        place && lone
    }

    /// A head word that names the kind of thing: "... University" (ORG), "... River" (LOC),
    /// "Mount ..." (LOC), "... Airport" (FAC), "... Festival" (EVENT), "... Act" (LAW).
    fn head_label(&self, a: usize, b: usize) -> Option<EntityType> {
        let len = b - a;
        let last = self.text(b - 1);
        let head = self.lists.class(last);
        let first_class = self.lists.class(self.text(a));
        let has_of_head = (a..b).any(|k| {
            matches!(self.text(k), "of" | "for") && self.lists.is(self.text(k - 1), ORG_OF)
        });
        if len >= 2 || matches!(last, "FC" | "F.C.") {
            if head & ORG_END != 0 || has_of_head {
                return Some(EntityType::Org);
            }
            if first_class & LOC_START != 0 || head & LOC_END != 0 {
                return Some(EntityType::Loc);
            }
            if head & FAC_END != 0 {
                return Some(EntityType::Fac);
            }
            if head & EVENT_END != 0 {
                return Some(EntityType::Event);
            }
            if head & GPE_END != 0 {
                return Some(EntityType::Gpe);
            }
            if head & LAW_END != 0 && !self.strict {
                return Some(EntityType::Law);
            }
            // "Treaty of Baden", "Battle of Hastings", "Festival of Britain".
            if len >= 3 && self.text(a + 1) == "of" {
                if first_class & LAW_END != 0 && !self.strict {
                    return Some(EntityType::Law);
                }
                if first_class & EVENT_END != 0 {
                    return Some(EntityType::Event);
                }
            }
        }
        None
    }

    fn has_head(&self, a: usize, b: usize) -> bool {
        a < b && self.head_label(a, b).is_some()
    }

    /// One past the field of an office after its "of" or "for" ("State", "the Family",
    /// "Home Affairs"): capitalised common words, not a given name, before `b`.
    fn office_field(&self, mut k: usize, b: usize) -> Option<usize> {
        if k < b && self.text(k) == "the" {
            k += 1;
        }
        let start = k;
        while k < b && k - start < 3 {
            let w = self.text(k);
            if self.lists.is_first_name(w)
                || !self.is_cap(k)
                || self.lists.common_rank(w).is_none()
                || !is_english_word(w)
            {
                break;
            }
            k += 1;
        }
        (k > start).then_some(k)
    }

    /// Leading titles and honorifics; returns where the name starts and the roles seen.
    fn title_prefix(&self, a: usize, b: usize) -> (usize, Vec<String>) {
        let mut p = a;
        let mut saw_title = false;
        let mut role_words: Vec<&str> = Vec::new();
        let mut roles = Vec::new();
        // Role words that stay whatever follows ("of State").
        let mut kept = 0;
        // "Industry Secretary", "Education Minister": capitalised common words naming the
        // office's field before a title word are part of the role.
        if let Some(k) = (a..b.min(a + 4)).find(|&k| self.lists.class(self.text(k)) & TITLE != 0)
            && k > a
            && (a..k).all(|j| {
                let w = self.text(j);
                self.lists.class(w) & (HONORIFIC | TITLE | TITLE_MOD | HEADS | ORG_OF) == 0
                    && !self.lists.is_first_name(w)
                    && self.lists.common_rank(w).is_some()
                    && is_english_word(w)
            })
        {
            role_words.extend((a..k).map(|j| self.text(j)));
            p = k;
        }
        while p < b {
            let w = self.text(p);
            let c = self.lists.class(w);
            if c & HONORIFIC != 0 {
                saw_title = true;
                p += 1;
            } else if c & (TITLE | TITLE_MOD) != 0 {
                saw_title |= c & TITLE != 0;
                role_words.push(w);
                p += 1;
            } else if (w == "of" || w == "for")
                && saw_title
                && !role_words.is_empty()
                && let Some(field) = self.office_field(p + 1, b)
            {
                // "Secretary of State", "Minister for the Family": the office's field.
                role_words.extend((p..field).map(|j| self.text(j)));
                kept = role_words.len();
                p = field;
            } else if (w == "of" || w == "-") && !role_words.is_empty() {
                role_words.push(w);
                p += 1;
            } else {
                break;
            }
        }
        // "General Motors", "Justice Department": the head word makes it no title.
        // "Major League Baseball": a head word anywhere in the rest makes it no title either.
        let headed = p < b
            && (self.has_head(p, b)
                || (p..b).any(|k| self.lists.class(self.text(k)) & (HEADS | ORG_OF) != 0));
        if !saw_title || headed {
            return (a, roles);
        }
        // A name may start with what looks like a title word ("Major", "Rose"): keep a given
        // name in the name. Never strip everything but nothing.
        while role_words.len() > kept
            && role_words
                .last()
                .is_some_and(|w| self.lists.class(w) & TITLE == 0 && !matches!(*w, "of" | "-"))
        {
            role_words.pop();
        }
        let role: Vec<&str> = role_words
            .into_iter()
            .filter(|w| !matches!(*w, "Former" | "Acting" | "Then"))
            .collect();
        if !role.is_empty() {
            roles.push(role.join(" ").replace(" - ", "-"));
        }
        (p, roles)
    }

    /// Roles written around a person's name in lower case: "president Xi", "Xi, the Chinese
    /// president,", "Tim Cook, chief executive of Apple".
    fn roles_around(&self, a: usize, b: usize) -> Vec<String> {
        let mut roles = Vec::new();
        let r = self.range();
        // Before: "prime minister Narendra Modi".
        let mut k = a;
        let mut words = Vec::new();
        while k > r.start && a - k < 4 {
            let w = self.text(k - 1);
            if w.chars().all(char::is_lowercase) && self.lists.is(&capitalize(w), TITLE | TITLE_MOD)
            {
                words.push(capitalize(w));
                k -= 1;
            } else {
                break;
            }
        }
        words.reverse();
        if words
            .last()
            .is_some_and(|w| self.lists.is(w, TITLE) || words.len() >= 2)
        {
            roles.push(words.join(" "));
        }
        // After: ", the ... president".
        if self.text(b) == "," {
            let mut words: Vec<String> = Vec::new();
            let mut k = b + 1;
            while k < r.end && k < b + 8 {
                let w = self.text(k);
                let cap = capitalize(w);
                if self.lists.is(&cap, TITLE | TITLE_MOD) && !starts_upper(w) {
                    words.push(cap);
                } else if !words.is_empty()
                    || !(matches!(w, "the" | "a" | "an" | "’s" | "'s" | "its" | "former")
                        || self.lists.known.contains_key(w)
                        || (w.chars().all(char::is_lowercase) && w.len() > 2 && k < b + 4))
                {
                    break;
                }
                k += 1;
            }
            while words.last().is_some_and(|w| !self.lists.is(w, TITLE)) {
                words.pop();
            }
            if !words.is_empty() {
                roles.push(words.join(" "));
            }
        }
        roles
    }

    /// Words right around an unknown name that say what it is: a descriptor noun before or
    /// after it ("the anti-virus firm X", "X newspaper"), a pronoun for a thing ("X said it"),
    /// what only organisations have ("X's shareholders", "shares of X"), a region after a
    /// comma ("X, Scotland").
    fn descriptor(&self, a: usize, b: usize) -> Option<Guess> {
        let r = self.range();
        let lower = |k: usize| -> String {
            let mut w = String::new();
            if k >= r.start && k < r.end {
                crate::analysis::tagger::push_lower(&mut w, self.text(k));
            }
            w
        };
        let is_lower_word = |k: usize| self.text(k).chars().next().is_some_and(char::is_lowercase);
        let org = |rule| guess(EntityType::Org, DESCRIPTOR, rule);
        if a > r.start && self.lists.in_class(&lower(a - 1), ctx::ORG_NOUN) {
            return org("org-noun-before");
        }
        // "Its distributor, Fox Searchlight, said": the noun in apposition before the name.
        if a >= r.start + 2
            && self.text(a - 1) == ","
            && self.text(b) == ","
            && self.lists.in_class(&lower(a - 2), ctx::ORG_NOUN)
        {
            return org("org-noun-before");
        }
        // "bands like the Beach Boys", "labels such as Sub Pop": examples of a plural noun for
        // organisations.
        let mut k = a;
        if k > r.start && lower(k - 1) == "the" {
            k -= 1;
        }
        let example = k >= r.start + 2
            && (lower(k - 1) == "like" || (lower(k - 1) == "as" && lower(k - 2) == "such"));
        if example {
            let noun = if lower(k - 1) == "as" {
                lower(k.wrapping_sub(3))
            } else {
                lower(k - 2)
            };
            if noun
                .strip_suffix('s')
                .is_some_and(|n| self.lists.in_class(n, ctx::ORG_NOUN))
            {
                return org("org-noun-before");
            }
        }
        if is_lower_word(b) && self.lists.in_class(self.text(b), ctx::ORG_NOUN) {
            return org("org-noun-after");
        }
        if self.lists.in_class(&lower(b), ctx::SAID)
            && matches!(lower(b + 1).as_str(), "it" | "its")
        {
            return org("said-it");
        }
        // "X's shareholders", "X's second album": one word may stand between.
        if matches!(self.text(b), "'s" | "’s")
            && (self.lists.in_class(&lower(b + 1), ctx::ORG_PART)
                || (is_lower_word(b + 1) && self.lists.in_class(&lower(b + 2), ctx::ORG_PART)))
        {
            return org("organisation-possession");
        }
        // "Joe Mount of X", "Tim Cook of X": a person of an unknown name works there.
        if a >= r.start + 2
            && self.text(a - 1) == "of"
            && self.taken[a - 2]
            && self.found.last().is_some_and(|f| {
                // "President X of Y" names a country: a person with a title is of a place.
                f.label == Some(EntityType::Person)
                    && f.roles.is_empty()
                    && f.span.end == self.doc.tokens[a - 2].span.end
            })
        {
            return guess(EntityType::Org, CONTEXT, "person-of");
        }
        if a >= r.start + 2
            && matches!(self.text(a - 1), "of" | "in")
            && self.lists.in_class(&lower(a - 2), ctx::ORG_PART)
        {
            return org("shares-of");
        }
        // "Stansted airport", "the Kosevo stadium": a noun for a building or a site.
        if is_lower_word(b) && self.lists.class(&capitalize(self.text(b))) & FAC_END != 0 {
            return guess(EntityType::Fac, DESCRIPTOR, "facility-noun-after");
        }
        // "the Ether festival", "her Aphrodite tour": a noun for an event.
        if matches!(
            self.text(b),
            "festival" | "tour" | "convention" | "summit" | "conference" | "expo" | "carnival"
        ) && self.known_prefix(a, b).is_none()
            // "at Venice festival": after "at" or "in" the name is where it is held.
            && !(a > r.start
                && (matches!(lower(a - 1).as_str(), "at" | "in")
                    || self.lists.in_class(&lower(a - 1), ctx::LOCATIVE)))
            && !(b - a == 1
                && (self.lists.is_first_name(self.text(a))
                    || self.lists.common_rank(self.text(a)).is_some_and(|r| r < 5000)))
        {
            // Only context: a town holds festivals too ("screened at Venice festival"), and
            // its other mentions say so.
            return guess(EntityType::Event, CONTEXT, "event-noun-after");
        }
        // "X, the first foreign company to ...", "X, one of its units": a noun for an
        // organisation in apposition.
        if self.text(b) == "," {
            let mut k = b + 1;
            if lower(k) == "one" && lower(k + 1) == "of" {
                k += 2;
            }
            if matches!(lower(k).as_str(), "a" | "an" | "the" | "its" | "their") {
                let end = (k + 6).min(r.end);
                let head = (k + 1..end).take_while(|&j| is_lower_word(j)).find(|&j| {
                    let w = self.text(j);
                    self.lists.in_class(w, ctx::ORG_NOUN)
                        || w.strip_suffix('s')
                            .is_some_and(|w| self.lists.in_class(w, ctx::ORG_NOUN))
                });
                if head.is_some() {
                    return org("apposition-org-noun");
                }
                // "Rum Diary, a film based on ...", "Nights Out, their second album,".
                let work = (k + 1..end)
                    .take_while(|&j| is_lower_word(j))
                    .any(|j| self.lists.in_class(self.text(j), ctx::WORK_CUE));
                if work {
                    return guess(EntityType::WorkOfArt, DESCRIPTOR, "apposition-work-noun");
                }
            }
        }
        // "X general manager Y", "X spokesman": an unknown name before a job is the employer.
        // Not a word of a title itself ("Former finance minister Ada Ito").
        if is_lower_word(b)
            && self.lists.is(&capitalize(self.text(b)), TITLE | TITLE_MOD)
            && !(b - a == 1 && self.lists.is(self.text(a), HONORIFIC | TITLE | TITLE_MOD))
        {
            let mut k = b;
            while is_lower_word(k) && self.lists.is(&capitalize(self.text(k)), TITLE_MOD) {
                k += 1;
            }
            if is_lower_word(k) && self.lists.is(&capitalize(self.text(k)), TITLE) {
                return guess(EntityType::Org, CONTEXT, "employer-before-title");
            }
        }
        // "Lockerbie, Scotland", "Jacksonville, Fla.": a region after a comma, then the end of
        // the phrase.
        if self.text(b) == ","
            && let Some(e) = self.known_prefix(b + 1, r.end)
            && self
                .known(b + 1, e)
                .is_some_and(|k| k.label == EntityType::Gpe && (k.country || k.region))
            && (e == r.end || matches!(self.text(e), "," | "." | ")" | ";" | ":"))
        {
            return guess(EntityType::Gpe, DESCRIPTOR, "place-comma-region");
        }
        None
    }

    /// What the words around an unknown name suggest it is.
    fn context_label(&self, a: usize, b: usize) -> Option<Guess> {
        let r = self.range();
        let len = b - a;
        let next = self.text(b).to_lowercase();
        let prev = if a > r.start {
            self.text(a - 1).to_lowercase()
        } else {
            String::new()
        };
        let common = (a..b).all(|k| {
            self.lists
                .common_rank(self.text(k))
                .is_some_and(|r| r < 6000)
        });
        if common {
            return None;
        }
        // "Smith, 45, said"
        let age = self.text(b) == ","
            && self
                .doc
                .tokens
                .get(b + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
            && self.text(b + 1).len() <= 2
            && self.text(b + 2) == ",";
        if age && len <= 4 {
            return guess(EntityType::Person, DESCRIPTOR, "age");
        }
        if len <= 3
            && (self.lists.in_class(next.as_str(), ctx::SAID)
                || (self.lists.in_class(prev.as_str(), ctx::SAID)
                    && matches!(next.as_str(), "." | "," | "")))
        {
            return guess(EntityType::Person, CONTEXT, "said");
        }
        if len <= 3 && self.lists.in_class(prev.as_str(), ctx::PERSON_NOUN) {
            return guess(EntityType::Person, DESCRIPTOR, "person-noun-before");
        }
        None
    }

    /// Titles of works named right after a word for a work: "the film The Tree of Life",
    /// "his second album, Nights Out,", "a remake of The Girl With the Dragon Tattoo".
    fn titles_after_cues(&mut self) {
        let r = self.range();
        let small = |w: &str| {
            matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "in"
                    | "on"
                    | "and"
                    | "to"
                    | "for"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "or"
                    | "is"
            )
        };
        for k in r.clone() {
            if !self
                .lists
                .in_class(&self.doc.token_lowercase(k), ctx::WORK_CUE)
            {
                continue;
            }
            let mut a = k + 1;
            let comma = self.text(a) == ",";
            if comma || matches!(self.text(a), "of" | "to") {
                a += 1;
            }
            if !self.is_cap(a) || self.lists.is(self.text(a), TITLE | HONORIFIC) {
                continue;
            }
            // Title case: capitals, small words between them, numbers, "Superman: The Movie".
            let mut e = a;
            let mut end = a;
            while e < r.end && e - a < 14 {
                let w = self.text(e);
                if self.is_cap(e) || self.doc.tokens[e].kind == TokenKind::Number {
                    e += 1;
                    end = e;
                } else if small(w) || (w == ":" && self.is_cap(e + 1)) || w == "-" {
                    e += 1;
                } else {
                    break;
                }
            }
            // After a comma the title must close with one too ("album, Nights Out, offered").
            if end == a || (comma && !matches!(self.text(end), "," | "." | ")")) {
                continue;
            }
            // A person's name is more likely than a one-word title: "the film's star Smith".
            if end - a == 1 && self.lists.is_first_name(self.text(a)) {
                continue;
            }
            if (a..end).all(|t| !self.taken[t]) {
                self.emit_label(a, end, EntityType::WorkOfArt, "work-cue");
            }
        }
    }

    /// Titles of works in quotation marks: ‘“The Tree of Life”’, ‘""Crazy Love""’.
    fn quoted_titles(&mut self) {
        let r = self.range();
        let is_open = |w: &str| matches!(w, "\"" | "“" | "\"\"" | "''" | "``" | "‘");
        let mut i = r.start;
        while i < r.end {
            if !is_open(self.text(i)) {
                i += 1;
                continue;
            }
            let open = self.text(i).to_string();
            let a = i + 1;
            // The closing mark may open the next sentence: the segmenter ends a sentence at
            // 'Anarchist.' before a doubled quote ('""'), so look one token past the end.
            let limit = (r.end + 1).min(self.doc.tokens.len()).min(a + 12);
            let close = (a..limit).find(|&k| {
                let w = self.doc.token_text(k);
                w == open || matches!(w, "”" | "’") || (open == "``" && w == "''")
            });
            let Some(c) = close else {
                i += 1;
                continue;
            };
            let mut e = c;
            while e > a && matches!(self.text(e - 1), "," | "." | ":" | ";") {
                e -= 1;
            }
            let words: Vec<&str> = (a..e)
                .map(|k| self.text(k))
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            let caps = words
                .iter()
                .filter(|w| starts_upper(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .count();
            let small = |w: &&str| {
                matches!(
                    *w,
                    "a" | "an"
                        | "the"
                        | "of"
                        | "in"
                        | "on"
                        | "and"
                        | "to"
                        | "for"
                        | "at"
                        | "by"
                        | "with"
                        | "from"
                        | "or"
                        | "is"
                        | "my"
                        | "your"
                        | "me"
                        | "you"
                )
            };
            let title_case = !words.is_empty()
                && starts_upper(words[0])
                && words.iter().all(|w| {
                    starts_upper(w)
                        || small(w)
                        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                })
                && caps * 2 >= words.len();
            let free = (a..e).all(|k| !self.taken[k]);
            let single_known = e == a + 1 && self.lists.known.contains_key(self.text(a));
            if title_case && free && e > a && words.len() <= 10 && !single_known && !self.strict {
                self.emit_label(a, e, EntityType::WorkOfArt, "quoted-title");
            }
            i = c + 1;
        }
    }

    /// A dateline: a place in capitals at the start of a line, before a date, possibly with
    /// its country or state: "LONDON 1996-08-30", "KHASAVYURT , Russia 1996-08-30".
    fn dateline(&mut self) {
        let r = self.range();
        let a = r.start;
        if a >= r.end || !self.doc.tokens[a].line_start {
            return;
        }
        let caps_word = |f: &Self, k: usize| {
            let w = f.text(k);
            f.doc
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        let mut b = a;
        while b < r.end && b - a < 4 && (caps_word(self, b) || (b > a && self.text(b) == "-")) {
            b += 1;
        }
        if b == a || self.text(b - 1) == "-" {
            return;
        }
        let is_date = |f: &Self, k: usize| {
            let w = f.text(k);
            f.doc
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
                && w.len() >= 8
                && w.contains('-')
        };
        let mut k = b;
        if self.text(k) == "," {
            k += 1;
            let start = k;
            while k < r.end && k - start < 4 && self.doc.tokens[k].kind == TokenKind::Word {
                k += 1;
            }
            if k == start {
                return;
            }
        }
        if !is_date(self, k) {
            return;
        }
        let text = self.slice(a, b);
        let canonical = GAZETTEER_CI
            .find_all(text)
            .find(|(m, _)| m.start == 0 && m.end == text.len())
            .map(|(_, key)| self.lists.known[*key].canonical.into());
        self.emit_full(
            a,
            b,
            Some(EntityType::Gpe),
            canonical,
            Vec::new(),
            "dateline",
        );
    }

    /// In a sports report a city or region names a team ("Kent beat Essex", "BOSTON AT
    /// OAKLAND"), except where it is where something happens ("in Tokyo") or a dateline.
    fn teams(&mut self) {
        for i in 0..self.found.len() {
            let f = &self.found[i];
            if f.label.is_none() {
                let a = self.doc.token_at_or_after(f.span.start);
                let b = self.doc.token_at_or_after(f.span.end);
                // A capitalised word kept only in case ("Extras 5") names no team, except in a
                // row of a results table ("Reading 2 Stoke 2", "Bury 4 3 1 0 8 2 10").
                let word = f.guess.is_some()
                    || (b == a + 1 && self.lists.common_rank(self.doc.token_text(a)).is_none())
                    || self.table_row(a, b);
                if word && let Some(cue) = self.venue_cue(a, b).or_else(|| self.team_cue(a, b)) {
                    let stronger = f.guess.is_none_or(|g| g.weight <= cue.weight);
                    if stronger {
                        self.found[i].guess = Some(cue);
                        self.found[i].rule = Cow::Borrowed(cue.rule);
                    }
                }
                continue;
            }
            if f.label != Some(EntityType::Gpe) {
                continue;
            }
            let country = f
                .canonical
                .as_deref()
                .and_then(|c| self.lists.known.get(c))
                .is_some_and(|k| k.country);
            if country {
                continue;
            }
            let a = self.doc.token_at_or_after(f.span.start);
            let b = self.doc.token_at_or_after(f.span.end);
            let prev = if a > 0 {
                self.doc.token_text(a - 1).to_lowercase()
            } else {
                String::new()
            };
            let next = self.doc.tokens.get(b).map(|t| self.doc.slice(t.span));
            let dateline = self.doc.tokens[a].line_start
                && next.is_some_and(|n| n.len() >= 8 && n.contains('-') || n == ",");
            // "in Texas", "at California", "the north of London"; "Milwaukee, Wisconsin":
            // a region after a place and a comma says where the place is.
            let after_place = prev == ","
                && i > 0
                && self.found[i - 1].label == Some(EntityType::Gpe)
                && a >= 2
                && self.doc.tokens[a - 2].span.end == self.found[i - 1].span.end;
            let after_prep = self.lists.in_class(prev.as_str(), ctx::LOCATIVE)
                || matches!(prev.as_str(), "of" | "at")
                || after_place;
            // "the Moscow club", "the Volgograd side": the place that names a team, before
            // the team; "Leicester :" heads the results of a match played there.
            // "( at The Oval , London )": a place closing a bracket says where.
            let modifier = next.is_some_and(|n| {
                n == ":"
                    || n == ")"
                    || n.chars().next().is_some_and(char::is_lowercase) && prev == "the"
            });
            if !dateline && !after_prep && !modifier {
                self.found[i].label = Some(EntityType::Org);
                self.found[i].rule = Cow::Borrowed("sports-team");
            }
        }
    }

    /// The name at tokens `a..b` heads or sits inside a row of results: three numbers or more
    /// after it (a table of standings), or a score, then a capitalised name and its score;
    /// or scores on both sides of it.
    fn table_row(&self, a: usize, b: usize) -> bool {
        let doc = self.doc;
        let number = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
        };
        let cap = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(doc.slice(t.span)))
        };
        let numbers = (b..b + 3).take_while(|&k| number(k)).count();
        let same_line = |k: usize| doc.tokens.get(k).is_some_and(|t| !t.line_start);
        numbers >= 3
            || (numbers == 1 && cap(b + 1) && same_line(b + 1))
            || (a > 0 && number(a - 1) && number(b) && same_line(a) && same_line(b))
    }

    /// What says that the unclassified name at tokens `a..b` of a sports report is where a
    /// game is played: "at Headingley" (a ground), "Tunbridge Wells :" heading a match's
    /// scores (a town).
    fn venue_cue(&self, a: usize, b: usize) -> Option<Guess> {
        let doc = self.doc;
        let text = |k: usize| doc.tokens.get(k).map_or("", |t| doc.slice(t.span));
        if a > 0 && text(a - 1).eq_ignore_ascii_case("at") {
            return guess(EntityType::Fac, CONTEXT, "venue");
        }
        if doc.tokens[a].line_start && text(b) == ":" {
            return guess(EntityType::Gpe, CONTEXT, "venue-line");
        }
        None
    }

    /// What says that the unclassified name at tokens `a..b` of a sports report is a team:
    /// a line of scores ("Ruch 2 Petofi 1", "Hartlepool 4 2 1 1"), a result ("X beat Y",
    /// "winners over X", "Walsall v X"), a country in brackets after a one-word name ("Dinamo
    /// (Russia)"), a plural verb after it ("X are top").
    fn team_cue(&self, a: usize, b: usize) -> Option<Guess> {
        let doc = self.doc;
        let text = |k: usize| doc.tokens.get(k).map_or("", |t| doc.slice(t.span));
        let number = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
        };
        let lower = |k: usize| text(k).to_lowercase();
        let line_start = doc.tokens[a].line_start;
        if number(b) && (line_start || (a > 0 && number(a - 1))) {
            return guess(EntityType::Org, DESCRIPTOR, "score-line");
        }
        // Players of tennis or squash beat each other too, so these cues are weak: a person's
        // cue anywhere in the document ("X said") outweighs them.
        let before = if a > 0 { lower(a - 1) } else { String::new() };
        // "Adams and Platt are": a plural verb after a coordination says nothing.
        let coordinated = matches!(before.as_str(), "and" | "&" | "," | "or");
        if self.lists.in_class(&before, ctx::RESULT_BEFORE)
            || (self.lists.in_class(&lower(b), ctx::RESULT_AFTER) && !coordinated)
        {
            return guess(EntityType::Org, WEAK, "result");
        }
        let country_after = text(b) == "("
            && self
                .known(b + 1, b + 2)
                .or_else(|| self.known(b + 1, b + 3))
                .is_some_and(|k| k.country);
        if b == a + 1 && country_after {
            return guess(EntityType::Org, WEAK, "team-country");
        }
        None
    }

    /// Names in headlines and in capitals: gazetteer names, and the names the body found.
    fn headlines(&mut self, modes: &[Mode]) {
        let mut names: Vec<(String, usize)> = Vec::new();
        for (idx, f) in self.found.iter().enumerate() {
            if f.label.is_none() && f.guess.is_none() {
                continue;
            }
            let text = self.doc.slice(f.span);
            names.push((text.to_string(), idx));
            if f.label == Some(EntityType::Person) {
                for part in text.split_whitespace().filter(|p| p.chars().count() > 2) {
                    names.push((part.to_string(), idx));
                }
            }
        }
        // One pattern per distinct name (a long document names its people many times).
        names.sort();
        names.dedup_by(|x, y| x.0 == y.0);
        let doc_names = (!names.is_empty()).then(|| {
            let lookup: Vec<usize> = names.iter().map(|n| n.1).collect();
            (
                SmallGazetteer::new(names.iter().map(|(n, _)| n.as_str()).zip(0..), true, {
                    let headline = |(s, m): (usize, &Mode)| {
                        (*m != Mode::Body).then(|| self.doc.sentences[s].span.len())
                    };
                    modes.iter().enumerate().filter_map(headline).sum()
                }),
                lookup,
            )
        });
        for (s, mode) in modes.iter().enumerate() {
            if *mode == Mode::Body {
                continue;
            }
            self.s = s;
            self.strict = true;
            let span = self.doc.sentences[s].span;
            let text = self.doc.slice(span);
            let caps = *mode == Mode::Caps;
            type Hit = (
                Span,
                Option<EntityType>,
                Option<Cow<'static, str>>,
                &'static str,
            );
            let mut hits: Vec<Hit> = Vec::new();
            if caps {
                for (m, key) in GAZETTEER_CI.find_all(text) {
                    let k = &self.lists.known[*key];
                    let canonical = Some(k.canonical.into());
                    hits.push((m, Some(k.label), canonical, "gazetteer-capitals"));
                }
            }
            if let Some((g, lookup)) = &doc_names {
                for (m, v) in g.find_all(text) {
                    let f = &self.found[lookup[*v]];
                    let matched = &text[m.start..m.end];
                    // In title case, a body name must match as written.
                    if !caps && !starts_upper(matched) {
                        continue;
                    }
                    let label = f.label.or(f.guess.map(|g| g.label));
                    hits.push((m, label, f.canonical.clone(), "headline-body-name"));
                }
            }
            // Longest first, then earliest.
            hits.sort_by_key(|(m, _, _, _)| (std::cmp::Reverse(m.len()), m.start));
            for (m, label, canonical, rule) in hits {
                let m = Span::new(m.start + span.start, m.end + span.start);
                let a = self.doc.token_at_or_after(m.start);
                let mut b = a;
                while b < self.doc.tokens.len() && self.doc.tokens[b].span.end <= m.end {
                    b += 1;
                }
                if a >= b
                    || self.doc.tokens[a].span.start != m.start
                    || self.doc.tokens[b - 1].span.end != m.end
                    || self.taken[a..b].iter().any(|t| *t)
                {
                    continue;
                }
                self.emit_full(a, b, label, canonical, Vec::new(), rule);
            }
        }
    }
}

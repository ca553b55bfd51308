//! Phrases and clauses: base noun phrases with their heads, verb groups with their tense,
//! modality, negation and voice, and for each verb group its subject, its object, its
//! complement clause and what embeds it.
//!
//! The analysis is a shallow parse read off the token table's tags, lemmas and word classes,
//! one sentence at a time, left to right. Every walk is bounded ([`MAX_WALK`] tokens), so a
//! sentence costs time linear in its length whatever it holds.
//!
//! ```
//! use newslens::analysis::{Layer, clauses::{Embedder, Tense}};
//! use newslens::doc::Document;
//!
//! let doc = Document::new("Analysts expect that the bank will not raise rates.");
//! let layer = Layer::new(&doc);
//! let raise = layer.clauses.group_with_head(7).unwrap();
//! assert_eq!(raise.tense, Tense::Future);
//! assert!(raise.negated);
//! assert_eq!(layer.clauses.subject_head(raise), Some(4)); // "bank"
//! let expect = layer.clauses.group_with_head(1).unwrap();
//! assert_eq!(raise.embedded_by, Some(Embedder::Verb(layer.clauses.index_of(expect))));
//! ```

use std::ops::Range;

use super::{Tag, Tokens, WordClasses};

/// The longest stretch any rule walks over, in tokens: a bound on the cost per token.
pub const MAX_WALK: usize = 40;

/// How far back a closing bracket looks for its opening one ("(D-Va.)", "(R-Texas)").
const BRACKET_WINDOW: usize = 12;

/// A base noun phrase: determiners, adjectives, numbers and nouns up to the head noun, or a
/// pronoun alone. Token indices, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    /// The head: the last noun or number of the phrase (of a name of several words, its
    /// first word, as UD's flat names), a pronoun alone, or else its last word.
    pub head: usize,
}

/// Finite or not, and which non-finite form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Carries tense or a modal ("said", "will cut", "has agreed").
    Finite,
    /// "to" and a bare verb ("to cut"), or a bare verb after a verb ("let them go").
    Infinitive,
    /// An "-ing" form with no auxiliary ("cutting").
    Gerund,
    /// A past participle with no auxiliary ("the plan announced on Monday").
    Participle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Present,
    Past,
    /// "will", "shall", "'ll", "is going to".
    Future,
    /// Another modal ("would", "could", "may", "must"): see [`VerbGroup::modal`].
    Modal,
    /// Not finite.
    None,
}

/// How a verb group got its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectHow {
    /// The noun phrase before the verb group ("The minister said").
    Own,
    /// The noun phrase after a speech verb ("..., said the minister").
    Inverted,
    /// A relative pronoun ("the minister who said"): the phrase is the pronoun, and
    /// [`VerbGroup::antecedent`] is what it stands for.
    Relative,
    /// The subject of an earlier verb group it is coordinated with ("X said A and warned B").
    Shared,
    /// A non-finite group's understood subject: the subject of the verb that embeds it
    /// ("X pledged to cut"), or its object ("urged Y to cut").
    Controlled,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    pub phrase: Phrase,
    pub how: SubjectHow,
}

/// What a clause depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embedder {
    /// A verb group (index into [`Clauses::groups`]): "said that ...", "pledged to ...".
    Verb(usize),
    /// A noun or adjective token: "a promise to ...", "the claim that ...", "ready to ...".
    Word(usize),
}

/// How a clause is tied to what embeds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// "that" opens it.
    That,
    /// No word opens it ("said the plan would work").
    Zero,
    /// It is a "to"-infinitive.
    To,
}

impl Form {
    pub const ALL: [Form; 4] = [
        Form::Finite,
        Form::Infinitive,
        Form::Gerund,
        Form::Participle,
    ];

    /// The name the `--tokens` view prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Finite => "finite",
            Form::Infinitive => "infinitive",
            Form::Gerund => "gerund",
            Form::Participle => "participle",
        }
    }
}

impl Tense {
    pub const ALL: [Tense; 5] = [
        Tense::Present,
        Tense::Past,
        Tense::Future,
        Tense::Modal,
        Tense::None,
    ];

    /// The name the `--tokens` view prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Present => "present",
            Tense::Past => "past",
            Tense::Future => "future",
            Tense::Modal => "modal",
            Tense::None => "none",
        }
    }
}

impl SubjectHow {
    pub const ALL: [SubjectHow; 5] = [
        SubjectHow::Own,
        SubjectHow::Inverted,
        SubjectHow::Relative,
        SubjectHow::Shared,
        SubjectHow::Controlled,
    ];

    /// The name the `--tokens` view prints.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectHow::Own => "own",
            SubjectHow::Inverted => "inverted",
            SubjectHow::Relative => "relative",
            SubjectHow::Shared => "shared",
            SubjectHow::Controlled => "controlled",
        }
    }
}

impl Link {
    pub const ALL: [Link; 3] = [Link::That, Link::Zero, Link::To];

    /// The name the `--tokens` view prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Link::That => "that",
            Link::Zero => "zero",
            Link::To => "to",
        }
    }
}

/// A verb group: its auxiliaries, modal, negators and adverbs up to its main verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    pub start: usize,
    pub end: usize,
    /// The main verb (or the modal alone, in "he will.").
    pub head: usize,
    pub form: Form,
    pub tense: Tense,
    /// The modal token ("will", "would", "going" of "going to"), if any.
    pub modal: Option<usize>,
    pub negated: bool,
    pub passive: bool,
    pub perfect: bool,
    pub progressive: bool,
    pub subject: Option<Subject>,
    /// For a relative clause, the noun phrase the relative pronoun stands for.
    pub antecedent: Option<Phrase>,
    /// An apposition between the subject and the verb ("the minister" in "Jane Roe, the
    /// minister, said"; "Jane Roe" in "The minister, Jane Roe, said").
    pub apposition: Option<Phrase>,
    /// The noun phrase right after the verb.
    pub object: Option<Phrase>,
    /// The clause the verb takes: index into [`Clauses::groups`] of that clause's verb group.
    pub complement: Option<usize>,
    /// What this clause depends on, and how.
    pub embedded_by: Option<Embedder>,
    pub link: Option<Link>,
    /// In a relative clause ("who said", "the plan that X announced").
    pub relative: bool,
    /// In a clause opened by "if", "unless", "provided".
    pub conditional: bool,
    /// In a question.
    pub question: bool,
}

/// The phrases and verb groups of a document, in text order.
#[derive(Clone, Debug, Default)]
pub struct Clauses {
    pub phrases: Vec<Phrase>,
    pub groups: Vec<VerbGroup>,
    /// Per token: the index of the verb group holding it, or `NONE`.
    group_of: Vec<u32>,
    /// Per token: the index of the phrase holding it, or `NONE`.
    phrase_of: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Clauses {
    /// Analyses each sentence (a token range of `tokens`).
    pub fn new(tokens: &Tokens, sentences: impl Iterator<Item = Range<usize>>) -> Clauses {
        let mut clauses = Clauses {
            phrases: Vec::new(),
            groups: Vec::new(),
            group_of: vec![NONE; tokens.len()],
            phrase_of: vec![NONE; tokens.len()],
        };
        for range in sentences {
            let range = range.start.min(tokens.len())..range.end.min(tokens.len());
            if !range.is_empty() {
                Sentence::new(tokens, range, &mut clauses).analyse();
            }
        }
        clauses
    }

    /// The verb group holding token `i`.
    pub fn group_at(&self, i: usize) -> Option<&VerbGroup> {
        self.index_at(i).map(|g| &self.groups[g])
    }

    /// The index of the verb group holding token `i`.
    pub fn index_at(&self, i: usize) -> Option<usize> {
        match self.group_of.get(i) {
            Some(&g) if g != NONE => Some(g as usize),
            _ => None,
        }
    }

    /// The verb group whose main verb is token `i`.
    pub fn group_with_head(&self, i: usize) -> Option<&VerbGroup> {
        self.group_at(i).filter(|g| g.head == i)
    }

    /// The index of `group` in [`Clauses::groups`] (which must hold it).
    pub fn index_of(&self, group: &VerbGroup) -> usize {
        self.group_of[group.head] as usize
    }

    /// The phrase holding token `i`.
    pub fn phrase_at(&self, i: usize) -> Option<Phrase> {
        match self.phrase_of.get(i) {
            Some(&p) if p != NONE => Some(self.phrases[p as usize]),
            _ => None,
        }
    }

    /// The head token of `group`'s subject: for a relative pronoun, its antecedent's head.
    pub fn subject_head(&self, group: &VerbGroup) -> Option<usize> {
        let subject = group.subject?;
        if subject.how == SubjectHow::Relative {
            return group.antecedent.map(|a| a.head);
        }
        Some(subject.phrase.head)
    }

    /// Who the subject of `group` names, as a phrase: a relative pronoun's antecedent; a name
    /// in apposition to a common noun or a title ("Mr Howard's wife, Sandra, said":
    /// "Sandra"); without
    /// the prepositional phrases after its head ("the head of the bank" is "the head",
    /// "maternity pay for mothers" is "maternity pay"), but a name with "of" inside stays whole
    /// ("the Bank of England") and coordinated names too ("Xi and Putin").
    pub fn subject_referent(&self, tokens: &Tokens, group: &VerbGroup) -> Option<Phrase> {
        let s = group.subject?;
        let mut phrase = match s.how {
            SubjectHow::Relative => group.antecedent?,
            _ => s.phrase,
        };
        // "Acme, a firm that has refused to": the relative clause describes the name that the
        // apposition follows.
        if s.how == SubjectHow::Relative
            && phrase.start >= 2
            && tokens.has(phrase.start, WordClasses::ARTICLE)
            && tokens.tag(phrase.start - 1) == Tag::Comma
            && let Some(name) = self.phrase_at(phrase.start - 2)
            && name.end == phrase.start - 1
            && (name.start..name.end).all(|k| tokens.tag(k).is_proper_noun())
        {
            phrase = name;
        }
        // A name in apposition to a common noun or a title ("The Shadow Secretary of State,
        // Jo Li, said") names who it is.
        if let Some(a) = group.apposition
            && tokens.tag(a.head).is_proper_noun()
            && (!tokens.tag(phrase.head).is_proper_noun()
                || (tokens.has(phrase.head, WordClasses::PERSON_NOUN)
                    && tokens.has(phrase.start, WordClasses::ARTICLE)))
        {
            phrase = a;
        }
        if phrase.end <= phrase.start {
            return None;
        }
        // "of" or "for" between names joins them ("the Bank of England"); "on Friday" not.
        let name = |k: usize| tokens.tag(k).is_proper_noun();
        let joins = |k: usize| {
            matches!(tokens.lower(k), "of" | "for")
                && name(k - 1)
                && k + 1 < phrase.end
                && name(k + 1)
                && !tokens
                    .classes(k + 1)
                    .intersects(WordClasses::WEEKDAY | WordClasses::MONTH)
        };
        let cut = (phrase.head + 1..phrase.end).find(|&k| tokens.tag(k) == Tag::IN && !joins(k));
        // "spokeswoman for women Sandra Gidley said": a role, its prepositional phrase, then
        // the name of who holds it; the name is who the subject names.
        if let Some(k) = cut
            && !name(phrase.head)
            && name(phrase.end - 1)
        {
            let mut first = phrase.end - 1;
            while first > k + 1 && name(first - 1) {
                first -= 1;
            }
            if first > k + 1 && tokens.tag(first - 1).is_noun() {
                return Some(Phrase {
                    start: first,
                    end: phrase.end,
                    head: first,
                });
            }
        }
        let last = cut.map_or(phrase.end - 1, |k| k - 1).max(phrase.start);
        Some(Phrase {
            start: phrase.start,
            end: last + 1,
            head: phrase.head,
        })
    }

    /// The noun phrase that starts at token `start` and ends before `limit`, with the names
    /// joined to it by "of", "for" or "and" ("the Bank of England", "Richard and Judy
    /// producer Amanda Ross"): who "said Mr Varga" or "according to the bank" names.
    pub fn phrase_from(&self, tokens: &Tokens, start: usize, limit: usize) -> Option<Phrase> {
        let mut p = self
            .phrase_at(start)
            .filter(|p| p.start == start && p.end <= limit)?;
        let name = |k: usize| tokens.tag(k).is_proper_noun();
        let mut steps = 0;
        while p.end + 1 < limit
            && steps < 4
            && matches!(tokens.lower(p.end), "of" | "for" | "and")
            && name(p.end - 1)
            && let Some(q) = self.phrase_at(p.end + 1)
            && q.start == p.end + 1
            && q.end <= limit
            && name(q.start)
        {
            p.end = q.end;
            steps += 1;
        }
        Some(p)
    }

    /// The subject of the first main clause among tokens `floor..limit` (a clause not opened
    /// by a subordinator or a relative pronoun, not embedded, not a condition), as
    /// [`Clauses::subject_referent`] gives it: "On Monday, the ministry said" gives "the
    /// ministry"; "When he arrived, the minister said" gives "the minister".
    pub fn main_subject(&self, tokens: &Tokens, floor: usize, limit: usize) -> Option<Phrase> {
        // Groups are in text order: the first at or after `floor` by binary search, so a
        // long run of words before it costs nothing per call.
        let first = self.groups.partition_point(|g| g.start < floor);
        self.groups[first..]
            .iter()
            .take_while(|g| g.head < limit)
            .take(MAX_WALK)
            .filter(|g| g.form == Form::Finite && !g.relative && !g.conditional)
            .filter(|g| g.embedded_by.is_none())
            .find_map(|g| {
                let s = g.subject?;
                if !matches!(s.how, SubjectHow::Own | SubjectHow::Shared) || s.phrase.start < floor
                {
                    return None;
                }
                let opened = s.phrase.start > floor
                    && (tokens.has(s.phrase.start - 1, WordClasses::SUBORDINATOR)
                        || tokens.has(s.phrase.start - 1, WordClasses::WH));
                if opened {
                    return None;
                }
                self.subject_referent(tokens, g)
            })
    }

    /// The chain of verb groups that embed `group`, nearest first (bounded by [`MAX_WALK`]).
    pub fn embedders(&self, group: &VerbGroup) -> impl Iterator<Item = &VerbGroup> {
        let mut next = group.embedded_by;
        std::iter::from_fn(move || match next? {
            Embedder::Verb(g) => {
                let up = &self.groups[g];
                next = up.embedded_by;
                Some(up)
            }
            Embedder::Word(_) => None,
        })
        .take(MAX_WALK)
    }
}

/// The analysis of one sentence in progress.
struct Sentence<'a> {
    t: &'a Tokens,
    range: Range<usize>,
    out: &'a mut Clauses,
    /// Index of the sentence's first group in `out.groups`.
    first_group: usize,
    question: bool,
}

impl<'a> Sentence<'a> {
    fn new(t: &'a Tokens, range: Range<usize>, out: &'a mut Clauses) -> Sentence<'a> {
        let question = (range.clone()).rev().take(3).any(|i| t.lower(i) == "?");
        let first_group = out.groups.len();
        Sentence {
            t,
            range,
            out,
            first_group,
            question,
        }
    }

    fn analyse(&mut self) {
        self.phrases();
        self.verb_groups();
        for g in self.first_group..self.out.groups.len() {
            self.participle_as_past(g);
        }
        for g in self.first_group..self.out.groups.len() {
            self.attach_subject(g);
        }
        for g in self.first_group..self.out.groups.len() {
            self.attach_complement(g);
        }
        for g in self.first_group..self.out.groups.len() {
            self.word_embedders(g);
            self.share_subject(g);
            self.flags(g);
        }
    }

    fn tag(&self, i: usize) -> Tag {
        self.t.tag(i)
    }

    fn has(&self, i: usize, class: WordClasses) -> bool {
        self.t.has(i, class)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.t.lower(i) == word
    }

    /// The verb of a prefixed compound starting at `k` ("re-elected", "co-founded"): the
    /// verb's index.
    fn prefixed_verb(&self, k: usize) -> Option<usize> {
        (k + 2 < self.range.end
            && self.has(k, WordClasses::PREFIX)
            && self.tag(k + 1) == Tag::Hyph
            && self.tag(k + 2).is_verb())
        .then_some(k + 2)
    }

    /// A word joined to the one before it by a hyphen, not the verb of a prefixed compound:
    /// "Moscow-based", "well-known", "center-left", "follow-up" are one modifier or noun.
    fn after_hyphen(&self, i: usize) -> bool {
        i >= self.range.start + 2
            && self.tag(i - 1) == Tag::Hyph
            && self.prefixed_verb(i - 2).is_none()
    }

    /// A word joined to the one after it by a hyphen ("well" in "well-known"), not a prefix
    /// of a verb.
    fn before_hyphen(&self, i: usize) -> bool {
        i + 2 < self.range.end
            && self.tag(i + 1) == Tag::Hyph
            && self.prefixed_verb(i).is_none()
            && self.t.lower(i + 2).starts_with(char::is_alphanumeric)
    }

    /// Tags that may continue a noun phrase.
    fn in_phrase(&self, i: usize, started: bool) -> bool {
        // The words of a hyphenated compound belong to the phrase whatever their tags
        // ("a well-known firm", "the Moscow-based lawyer", "a follow-up").
        let word = |t: Tag| t.is_noun() || t.is_adjective() || t.is_adverb() || t.is_verb();
        let tag = self.tag(i);
        if (word(tag) && self.before_hyphen(i))
            || (started
                && self.after_hyphen(i)
                && (word(tag) || matches!(tag, Tag::IN | Tag::RP | Tag::CD)))
        {
            return true;
        }
        match self.tag(i) {
            Tag::DT | Tag::PDT | Tag::PRPS | Tag::WPS => {
                // A determiner inside a phrase follows only a predeterminer ("all the"); after
                // a noun or another determiner it starts a new phrase ("gave the boy the
                // book", "that the").
                !started
                    || (i > self.range.start
                        && (self.tag(i - 1) == Tag::PDT
                            || (self.tag(i - 1) == Tag::DT
                                && self.has(i - 1, WordClasses::QUANTIFIER)
                                && self.has(i, WordClasses::ARTICLE))))
            }
            Tag::CD | Tag::Dollar | Tag::Pound => true,
            t if t.is_noun() || t.is_adjective() => true,
            Tag::POS => started,
            // "the proposed law", "a growing number": a participle between a determiner or
            // adjective and a noun.
            // After a noun it is a verb: "the minister telling reporters", "officials said".
            Tag::VBN | Tag::VBG => {
                started
                    && !self.tag(i - 1).is_noun()
                    && i + 1 < self.range.end
                    && (self.tag(i + 1).is_noun() || self.tag(i + 1).is_adjective())
            }
            // "China-Russia", "well-known": a hyphen inside a compound.
            Tag::Hyph => started && i > self.range.start && self.before_hyphen(i - 1),
            _ => false,
        }
    }

    fn phrases(&mut self) {
        let end = self.range.end;
        let mut i = self.range.start;
        while i < end {
            let tag = self.tag(i);
            let single = matches!(tag, Tag::PRP | Tag::EX | Tag::WP | Tag::WDT)
                || (tag == Tag::DT
                    && self.has(i, WordClasses::DEMONSTRATIVE)
                    && !(i + 1 < end && self.in_phrase(i + 1, true)));
            if single {
                self.push_phrase(i, i + 1, i);
                i += 1;
                continue;
            }
            if !self.in_phrase(i, false) {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i + 1;
            while j < end && j - start < MAX_WALK && self.in_phrase(j, true) {
                // "On Monday Lib Dem chairman Alan Beith warned": a day or month that opens
                // a phrase does not run into the name after it.
                if j == start + 1
                    && self
                        .t
                        .classes(start)
                        .intersects(WordClasses::WEEKDAY | WordClasses::MONTH)
                    && self.tag(start).is_proper_noun()
                    && self.tag(j).is_proper_noun()
                {
                    break;
                }
                j += 1;
            }
            // The head: the last noun, number or adjective (not a possessive marker); of a
            // name of several words, its first word ("Anna Berg", as UD's flat names).
            let mut head = (start..j)
                .rev()
                .find(|&k| self.tag(k).is_noun() || self.tag(k) == Tag::CD)
                .or_else(|| (start..j).rev().find(|&k| self.tag(k) != Tag::POS))
                .unwrap_or(start);
            while head > start
                && self.tag(head).is_proper_noun()
                && self.tag(head - 1).is_proper_noun()
            {
                head -= 1;
            }
            let only_determiners = (start..j).all(|k| matches!(self.tag(k), Tag::DT | Tag::PDT));
            if !only_determiners || j - start == 1 {
                self.push_phrase(start, j, head);
            }
            i = j;
        }
    }

    fn push_phrase(&mut self, start: usize, end: usize, head: usize) {
        let index = self.out.phrases.len() as u32;
        self.out.phrases.push(Phrase { start, end, head });
        for k in start..end {
            self.out.phrase_of[k] = index;
        }
    }

    /// The phrase that ends at token `i` (inclusive).
    fn phrase_ending_at(&self, i: usize) -> Option<Phrase> {
        self.out.phrase_at(i).filter(|p| p.end == i + 1)
    }

    fn phrase_starting_at(&self, i: usize) -> Option<Phrase> {
        if i >= self.range.end {
            return None;
        }
        self.out.phrase_at(i).filter(|p| p.start == i)
    }

    /// An auxiliary: a modal, or a form of "be", "have", "do" or "get" (the passive "got
    /// elected") that another verb follows.
    fn is_aux(&self, i: usize) -> bool {
        let tag = self.tag(i);
        tag == Tag::MD
            || tag == Tag::TO
            || (tag.is_verb()
                && (self.has(i, WordClasses::BE)
                    || self.has(i, WordClasses::HAVE)
                    || self.has(i, WordClasses::DO)
                    || self.t.lemma(i) == "get"))
    }

    fn starts_group(&self, i: usize) -> bool {
        let tag = self.tag(i);
        if tag == Tag::TO {
            return self.next_verb(i).is_some();
        }
        if self.prefixed_verb(i).is_some() {
            return true;
        }
        // A verb inside a hyphenated compound ("Moscow-based", "follow-up") is no clause.
        if self.after_hyphen(i) || self.before_hyphen(i) {
            return false;
        }
        tag == Tag::MD || tag.is_verb()
    }

    /// The verb after `i`, past adverbs and negators, if one comes within the walk.
    fn next_verb(&self, i: usize) -> Option<usize> {
        let mut k = i + 1;
        while k < self.range.end && k - i < 6 {
            if let Some(v) = self.prefixed_verb(k) {
                return Some(v);
            }
            let tag = self.tag(k);
            if tag.is_verb() || tag == Tag::MD {
                return Some(k);
            }
            if !(tag.is_adverb() || self.has(k, WordClasses::NEGATOR)) {
                return None;
            }
            k += 1;
        }
        None
    }

    fn verb_groups(&mut self) {
        let end = self.range.end;
        let mut i = self.range.start;
        while i < end {
            if !self.starts_group(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut last = self.prefixed_verb(i).unwrap_or(i);
            // Extend while the last verb is an auxiliary and another verb follows.
            while self.is_aux(last) && last - start < MAX_WALK {
                match self.next_verb(last) {
                    Some(k) => last = k,
                    None => break,
                }
            }
            // "is going to cut": "going to" is a modal of the future.
            let mut going = None;
            if self.t.lemma(last) == "go"
                && self.tag(last) == Tag::VBG
                && (last > start || matches!(self.clitic_before(start), Some("'re" | "'m")))
                && last + 1 < end
                && self.tag(last + 1) == Tag::TO
                && let Some(k) = self.next_verb(last + 1)
            {
                going = Some(last);
                last = k;
            }
            self.push_group(start, last, going);
            i = last + 1;
        }
    }

    /// The auxiliary written inside a pronoun right before token `start` ("we'll", "they're",
    /// "I've"): "'ll", "'d", "'re", "'m" or "'ve".
    fn clitic_before(&self, start: usize) -> Option<&'static str> {
        if start == self.range.start || self.tag(start - 1) != Tag::PRP {
            return None;
        }
        let (_, clitic) = super::tagger::split_clitic(self.t.lower(start - 1))?;
        ["'ll", "'d", "'re", "'m", "'ve"]
            .into_iter()
            .find(|c| *c == clitic)
    }

    fn push_group(&mut self, start: usize, head: usize, going: Option<usize>) {
        let t = self.t;
        let tokens = start..head + 1;
        let clitic = self.clitic_before(start);
        let clitic_modal = matches!(clitic, Some("'ll" | "'d")).then(|| start - 1);
        let clitic_be = matches!(clitic, Some("'re" | "'m"));
        let modal = going
            .or(clitic_modal)
            .or_else(|| tokens.clone().find(|&k| t.tag(k) == Tag::MD));
        let negated = tokens.clone().any(|k| t.has(k, WordClasses::NEGATOR));
        let verbs: Vec<usize> = tokens
            .clone()
            .filter(|&k| t.tag(k).is_verb() || t.tag(k) == Tag::MD)
            .collect();
        let aux_before = |k: usize| verbs.iter().rev().find(|&&v| v < k).copied();
        let head_tag = t.tag(head);
        let be_before = |k: usize| match aux_before(k) {
            Some(a) => t.has(a, WordClasses::BE) || t.lemma(a) == "get",
            None => clitic_be,
        };
        let passive = head_tag == Tag::VBN && be_before(head);
        let perfect = clitic == Some("'ve")
            || verbs
                .iter()
                .any(|&v| v < head && t.has(v, WordClasses::HAVE) && t.tag(head) != Tag::TO);
        let progressive = head_tag == Tag::VBG && be_before(head);
        let first = verbs.first().copied().unwrap_or(head);
        let form = if t.tag(start) == Tag::TO {
            Form::Infinitive
        } else if clitic.is_some() {
            Form::Finite
        } else {
            match t.tag(first) {
                Tag::MD | Tag::VBD | Tag::VBZ | Tag::VBP => Form::Finite,
                Tag::VBG => Form::Gerund,
                Tag::VBN => Form::Participle,
                // A bare verb is finite at the start of a sentence (an imperative) or after
                // a subject (the tagger's VB for VBP); else it is an infinitive ("let it go").
                _ => {
                    // Or after the subject of a question ("will the minister resign").
                    let before = self.skip_adverbs_back(start);
                    let after_aux = |p: Phrase| {
                        p.start > self.range.start
                            && self.out.index_at(p.start - 1).is_some_and(|a| {
                                let aux = &self.out.groups[a];
                                aux.start == aux.head && self.is_aux(aux.head)
                            })
                    };
                    if before == self.range.start
                        || self.phrase_ending_at(before - 1).is_some_and(|p| {
                            (matches!(t.tag(p.head), Tag::PRP | Tag::NNS | Tag::NNPS)
                                && !t.tag(before - 1).is_verb())
                                || after_aux(p)
                        })
                    {
                        Form::Finite
                    } else {
                        Form::Infinitive
                    }
                }
            }
        };
        let tense = if form != Form::Finite {
            if going.is_some() {
                Tense::Future
            } else {
                Tense::None
            }
        } else if let Some(m) = modal {
            if going.is_some()
                || clitic == Some("'ll")
                || matches!(t.lemma(m), "will" | "shall" | "'ll" | "wo")
            {
                Tense::Future
            } else {
                Tense::Modal
            }
        } else if t.tag(first) == Tag::VBD && clitic.is_none() {
            Tense::Past
        } else {
            Tense::Present
        };
        let index = self.out.groups.len() as u32;
        self.out.groups.push(VerbGroup {
            start,
            end: head + 1,
            head,
            form,
            tense,
            modal,
            negated,
            passive,
            perfect,
            progressive,
            subject: None,
            antecedent: None,
            apposition: None,
            object: None,
            complement: None,
            embedded_by: None,
            link: None,
            relative: false,
            conditional: false,
            question: false,
        });
        for k in tokens {
            self.out.group_of[k] = index;
        }
    }

    /// "Officials announced the plan": a past participle with no auxiliary right after the
    /// phrase that opens its clause, with no finite verb after it in that clause, is the
    /// clause's past-tense verb (the tagger's VBN for VBD). A participle that does have a
    /// finite verb after it is a reduced relative ("the plan announced on Monday will").
    fn participle_as_past(&mut self, g: usize) {
        let group = self.out.groups[g];
        let single =
            group.start == group.head || self.prefixed_verb(group.start) == Some(group.head);
        if group.form != Form::Participle || !single {
            return;
        }
        // "pulled out the book and defiantly offered": after "and", a participle goes on
        // from the active past verb before it ("was arrested and charged" stays passive).
        // "said she admires him and highlighted": an active past verb anywhere before, unless
        // the nearest verb is a passive or a perfect the participle goes on ("he said the
        // driver was arrested and charged").
        let at = self.skip_adverbs_back(group.start);
        if at > self.range.start && self.has(at - 1, WordClasses::COORDINATOR) {
            let before = |e: &usize| self.out.groups[*e].end < at;
            let mut earlier = (self.first_group..g).rev().filter(before).take(MAX_WALK);
            let nearest = earlier.clone().next().map(|e| self.out.groups[e]);
            let active_past = |v: &VerbGroup| {
                v.form == Form::Finite && v.tense == Tense::Past && !v.passive && !v.perfect
            };
            if nearest.is_some_and(|v| !v.passive && !v.perfect)
                && earlier.any(|e| active_past(&self.out.groups[e]))
            {
                let group = &mut self.out.groups[g];
                group.form = Form::Finite;
                group.tense = Tense::Past;
            }
            return;
        }
        // "De Blasio, speaking on radio, called Trump a blowhard": across a parenthesis too;
        // "Li then e-mailed": past adverbs.
        let Some(p) = self
            .skip_adverbs_back(group.start)
            .checked_sub(1)
            .filter(|&k| k >= self.range.start)
            .and_then(|k| {
                self.phrase_ending_at(k).or_else(|| {
                    (self.tag(k) == Tag::Comma)
                        .then(|| self.across_parenthesis(k).map(|(p, _)| p))
                        .flatten()
                })
            })
        else {
            return;
        };
        if !self.opens_clause(p.start) || matches!(self.tag(p.head), Tag::WP | Tag::WDT) {
            return;
        }
        let mut k = group.end;
        while k < self.range.end && k - group.end < MAX_WALK {
            let tag = self.tag(k);
            if matches!(tag, Tag::Comma | Tag::Period | Tag::Colon | Tag::CC)
                || self.has(k, WordClasses::SUBORDINATOR)
            {
                break;
            }
            if let Some(later) = self.out.index_at(k)
                && self.out.groups[later].form == Form::Finite
            {
                return;
            }
            k += 1;
        }
        let group = &mut self.out.groups[g];
        group.form = Form::Finite;
        group.tense = Tense::Past;
    }

    /// The first token at or before `i` that is not preceded by an adverb.
    fn skip_adverbs_back(&self, mut i: usize) -> usize {
        let floor = self.range.start;
        while i > floor && self.tag(i - 1).is_adverb() && self.tag(i - 1) != Tag::WRB {
            i -= 1;
        }
        i
    }

    /// A preposition a phrase can hang from ("the head of X"), not a clause opener.
    fn is_preposition(&self, i: usize) -> bool {
        self.tag(i) == Tag::IN
            && !self.has(i, WordClasses::SUBORDINATOR)
            && !self.has(i, WordClasses::CONDITIONAL)
    }

    /// From a phrase, climbs over the prepositional phrases and coordinated phrases it ends
    /// ("the head of the central bank", "Britain and France") to the phrase that starts them.
    /// Returns that phrase and where the whole stretch starts.
    fn climb(&self, mut p: Phrase) -> (Phrase, usize) {
        let floor = self.range.start;
        let mut start = p.start;
        let mut steps = 0;
        while start > floor + 1 && steps < 8 {
            steps += 1;
            let before = start - 1;
            let joined = self.is_preposition(before)
                || (self.tag(before) == Tag::CC && self.has(before, WordClasses::COORDINATOR));
            if !joined {
                break;
            }
            match self.phrase_ending_at(before - 1) {
                Some(q) if !self.tag(q.head).is_verb() => {
                    // "A, B and C": a list before the last conjunct.
                    let mut first = q;
                    if self.tag(before) == Tag::CC {
                        let mut k = q.start;
                        while k > floor + 1 && self.tag(k - 1) == Tag::Comma && start - k < MAX_WALK
                        {
                            match self.phrase_ending_at(k - 2) {
                                Some(r) => {
                                    first = r;
                                    k = r.start;
                                }
                                None => break,
                            }
                        }
                    }
                    // "on the road and the bridge was bombed": a conjunct that is the object
                    // of a preposition or verb belongs to that, not to this subject.
                    // A name that joins two names by "of" or "for" ("the Department for
                    // Trade and Industry") is one phrase, though.
                    let name_of_names = self.tag(p.head).is_proper_noun()
                        && self.tag(first.head).is_proper_noun()
                        && first.start > floor + 1
                        && matches!(self.t.lower(first.start - 1), "of" | "for")
                        && self.tag(first.start - 2).is_proper_noun();
                    if self.tag(before) == Tag::CC
                        && first.start > floor
                        && !name_of_names
                        && (self.is_preposition(first.start - 1)
                            || self.out.index_at(first.start - 1).is_some())
                    {
                        break;
                    }
                    p = first;
                    start = first.start;
                }
                _ => break,
            }
        }
        (p, start)
    }

    fn attach_subject(&mut self, g: usize) {
        let group = self.out.groups[g];
        // "with both leaders reaffirming ...": an "-ing" clause with its own subject.
        if group.form == Form::Gerund
            && group.start > self.range.start
            && let Some(p) = self.phrase_ending_at(group.start - 1)
            && p.start > self.range.start
            && matches!(self.t.lower(p.start - 1), "with" | "without")
        {
            self.out.groups[g].subject = Some(Subject {
                phrase: p,
                how: SubjectHow::Own,
            });
            return;
        }
        if group.form == Form::Gerund {
            self.gerund_after_phrase(g);
            return;
        }
        if group.form != Form::Finite {
            return;
        }
        let floor = self.range.start;
        let at = self.skip_adverbs_back(group.start);
        if at > floor {
            let before = at - 1;
            if let Some(p) = self.phrase_ending_at(before) {
                // "Colin Asplin, Blackpool Hotel Association said": a person's name that
                // opens the sentence, then their organisation with no closing comma.
                // A time ("Last September, Beck said") is no name, whatever its tags.
                let proper = |q: Phrase| {
                    (q.start..q.end).all(|k| {
                        self.tag(k).is_proper_noun()
                            && !self.t.tokens[k].classes.intersects(
                                WordClasses::MONTH | WordClasses::WEEKDAY | WordClasses::TIME,
                            )
                    })
                };
                if p.start >= floor + 3
                    && self.tag(p.start - 1) == Tag::Comma
                    && proper(p)
                    && let Some(person) = self.phrase_ending_at(p.start - 2)
                    && person.start == floor
                    && (2..=3).contains(&(person.end - person.start))
                    && proper(person)
                {
                    self.subject_from_phrase(g, person);
                    self.out.groups[g].apposition = Some(p);
                    return;
                }
                self.subject_from_phrase(g, p);
                return;
            }
            if self.tag(before) == Tag::Comma
                && let Some((p, appositive)) = self.name_before_parentheses(before)
            {
                self.subject_from_phrase(g, p);
                self.out.groups[g].apposition = appositive;
                return;
            }
            if self.tag(before) == Tag::Comma
                && let Some((p, appositive)) = self.across_parenthesis(before)
            {
                self.subject_from_phrase(g, p);
                self.out.groups[g].apposition = appositive;
                return;
            }
            // "Sen. Ann Ross (D-Md.) said": a bracket after the subject.
            if self.tag(before) == Tag::Rrb
                && let Some(open) = (floor..before)
                    .rev()
                    .take(12)
                    .find(|&k| self.tag(k) == Tag::Lrb)
                && open > floor
                && let Some(p) = self.phrase_ending_at(open - 1)
            {
                self.subject_from_phrase(g, p);
                return;
            }
        }
        self.inverted_subject(g);
    }

    /// An "-ing" clause right after a noun phrase: "voters saying they want a ban", "with
    /// Li telling reporters": the phrase is its subject when it names someone; "X released
    /// a statement saying": a statement says what its issuer says, and after another object
    /// that names no one ("contacted the show saying") the subject is the clause's.
    fn gerund_after_phrase(&mut self, g: usize) {
        let group = self.out.groups[g];
        let floor = self.range.start;
        let Some(p) = (group.start > floor)
            .then(|| self.phrase_ending_at(group.start - 1))
            .flatten()
        else {
            return;
        };
        // "emailed supporters saying", "wrote members vowing": after the object of a verb of
        // writing or saying, a saying is the writer's.
        let before_object = self.skip_adverbs_back(p.start);
        if self.has(group.head, WordClasses::SPEECH)
            && before_object > floor
            && let Some(v) = self.out.index_at(before_object - 1)
            && self.out.groups[v].form == Form::Finite
            && self.t.tokens[self.out.groups[v].head]
                .classes
                .intersects(WordClasses::SPEECH | WordClasses::DOCUMENT)
            && let Some(s) = self.out.groups[v].subject
            && s.how != SubjectHow::Relative
        {
            self.out.groups[g].subject = Some(Subject {
                phrase: s.phrase,
                how: SubjectHow::Shared,
            });
            return;
        }
        let head = p.head;
        let names = self.tag(head).is_proper_noun()
            || (self.tag(head) == Tag::PRP && !self.has(head, WordClasses::NEUTER))
            || self.has(head, WordClasses::AGENT)
            || self.has(head, WordClasses::PERSON_NOUN);
        if names {
            let (whole, _) = self.climb(p);
            self.out.groups[g].subject = Some(Subject {
                phrase: Phrase {
                    start: whole.start.min(p.start),
                    end: p.end,
                    head: whole.head,
                },
                how: SubjectHow::Own,
            });
            return;
        }
        let mut before = p.start;
        while before > floor && p.start - before < 3 && self.tag(before - 1) == Tag::RP {
            before -= 1;
        }
        // "contacted the show saying", "ran ads reminding voters": after an object that
        // names no one, the "-ing" clause is the clause's subject's.
        if before > floor
            && let Some(v) = self.out.index_at(before - 1)
            && v != g
            && self.out.groups[v].form == Form::Finite
            && let Some(s) = self.out.groups[v].subject
            && s.how != SubjectHow::Relative
        {
            self.out.groups[g].subject = Some(Subject {
                phrase: s.phrase,
                how: SubjectHow::Shared,
            });
        }
    }

    fn subject_from_phrase(&mut self, g: usize, p: Phrase) {
        let t = self.t;
        // "there will be a vote": the subject is what there is.
        if t.tag(p.head) == Tag::EX {
            let group = self.out.groups[g];
            if t.has(group.head, WordClasses::BE)
                && let Some(q) = self.phrase_starting_at(self.after_verb(&group))
            {
                let q = self.climb_right(q);
                self.out.groups[g].subject = Some(Subject {
                    phrase: q,
                    how: SubjectHow::Inverted,
                });
            }
            return;
        }
        if matches!(t.tag(p.head), Tag::WP | Tag::WDT)
            || (t.tag(p.head) == Tag::IN && self.is(p.head, "that"))
        {
            // "the minister who said": the relative pronoun is the subject.
            let antecedent = p
                .start
                .checked_sub(1)
                .filter(|&k| k >= self.range.start)
                .and_then(|k| {
                    if t.tag(k) == Tag::Comma {
                        k.checked_sub(1).and_then(|k| self.phrase_ending_at(k))
                    } else {
                        self.phrase_ending_at(k)
                    }
                })
                .map(|a| self.climb(a).0);
            let group = &mut self.out.groups[g];
            group.subject = Some(Subject {
                phrase: p,
                how: SubjectHow::Relative,
            });
            group.antecedent = antecedent;
            group.relative = true;
            return;
        }
        // "the campaign itself will": an emphatic reflexive belongs to the phrase before it.
        let p = match p.start.checked_sub(1) {
            Some(k)
                if k >= self.range.start
                    && t.has(p.head, WordClasses::REFLEXIVE)
                    && self.phrase_ending_at(k).is_some() =>
            {
                let q = self.phrase_ending_at(k).unwrap_or(p);
                Phrase {
                    start: q.start,
                    end: p.end,
                    head: q.head,
                }
            }
            _ => p,
        };
        let (mut head_phrase, start) = self.climb(p);
        // The object of a relative clause is not the next verb's subject ("the firm that
        // makes chips said"): the relative clause's antecedent is.
        if start > self.range.start
            && let Some(r) = self.out.index_at(start - 1)
            && self.out.groups[r].end == start
            && self.out.groups[r].relative
            && let Some(a) = self.out.groups[r].antecedent
        {
            head_phrase = a;
        }
        // "will the government cut": the auxiliary before the subject gives its modality.
        let mut inherited = None;
        if start > self.range.start
            && let Some(a) = self.out.index_at(start - 1)
            && a != g
        {
            let aux = self.out.groups[a];
            if aux.end == start && aux.start == aux.head && self.is_aux(aux.head) {
                inherited = Some(aux);
            }
        }
        let group = &mut self.out.groups[g];
        group.subject = Some(Subject {
            phrase: Phrase {
                start: head_phrase.start.min(start),
                end: p.end,
                head: head_phrase.head,
            },
            how: SubjectHow::Own,
        });
        if let Some(aux) = inherited
            && group.form == Form::Finite
            && group.modal.is_none()
        {
            group.modal = aux.modal;
            group.tense = aux.tense;
            group.negated |= aux.negated;
            group.question = self.question;
        }
    }

    /// Whether a phrase starting at token `start` opens its clause: at the sentence start, or
    /// after a comma, a conjunction, a quotation mark, a colon or a subordinator.
    fn opens_clause(&self, start: usize) -> bool {
        start == self.range.start
            || matches!(
                self.tag(start - 1),
                Tag::Comma | Tag::CC | Tag::OpenQuote | Tag::CloseQuote | Tag::Colon
            )
            || self.has(start - 1, WordClasses::SUBORDINATOR)
    }

    /// Whether the stretch from token `from` to the comma `comma` ends in a report with its
    /// own subject ("Jo Li, the minister said, was ..."): no description of what comes before.
    fn ends_in_report(&self, from: usize, comma: usize) -> bool {
        self.out.group_at(comma - 1).is_some_and(|v| {
            v.form == Form::Finite
                && v.subject
                    .is_some_and(|s| s.how == SubjectHow::Own && s.phrase.start >= from)
        })
    }

    /// "Jo Li, 29, of Leeds, says", "Jo Li, whose firm, Acme, made the ads, said": a name
    /// that opens its clause, then up to four stretches between commas (none a clause of its
    /// own: not "..., Acme made the ads,"), up to the comma `comma` before the verb.
    /// Also returns the phrase that opens the first stretch, when one does ("the minister").
    fn name_before_parentheses(&self, comma: usize) -> Option<(Phrase, Option<Phrase>)> {
        let floor = self.range.start;
        let mut commas = 0;
        let mut marks = 0;
        let mut k = comma;
        while k > floor + 1 && comma - k < MAX_WALK {
            k -= 1;
            match self.tag(k) {
                // "of Huntsville, Ala., says": the full stop of a short abbreviation.
                Tag::Period if self.tag(k - 1) == Tag::NNP && self.t.lower(k - 1).len() <= 4 => {
                    continue;
                }
                // "Jo Li, one of the so-called "Blair Babes", told": a quoted name inside.
                Tag::OpenQuote | Tag::CloseQuote => {
                    marks += 1;
                    continue;
                }
                Tag::Period | Tag::Colon => return None,
                Tag::Comma => {}
                _ => continue,
            }
            // A comma inside an open quotation is no boundary of the stretch.
            if marks % 2 == 1 {
                continue;
            }
            commas += 1;
            if commas > 4 {
                return None;
            }
            // The stretch after this comma opens with a verb: the phrase before is its
            // subject, not the subject we look for.
            if self.tag(k + 1).is_verb()
                && self
                    .out
                    .group_at(k + 1)
                    .is_some_and(|v| v.form == Form::Finite)
            {
                continue;
            }
            let Some(p) = self.phrase_ending_at(k - 1) else {
                continue;
            };
            let (whole, _) = self.climb(p);
            if !(self.tag(p.head).is_proper_noun() && self.opens_clause(whole.start)) {
                continue;
            }
            let reports = self.ends_in_report(k + 1, comma);
            let appositive = self.phrase_starting_at(k + 1).map(|first| Phrase {
                start: first.start,
                end: if k + 1 < comma {
                    self.phrase_ending_at(comma - 1)
                        .filter(|last| last.start > k)
                        .map_or(first.end, |last| last.end)
                } else {
                    first.end
                },
                head: first.head,
            });
            return (!reports).then_some((whole, appositive));
        }
        None
    }

    /// "Jane Roe, the minister, said" and "The minister, who took office in May, said": the
    /// phrase before the parenthesis that ends at the comma `comma`.
    /// Also returns the apposition itself ("the minister" in the first), when it is one.
    fn across_parenthesis(&self, comma: usize) -> Option<(Phrase, Option<Phrase>)> {
        let floor = self.range.start;
        let mut k = comma;
        while k > floor && comma - k < MAX_WALK {
            k -= 1;
            if self.tag(k) == Tag::Comma {
                let inside = k + 1..comma;
                if inside.is_empty() {
                    return None;
                }
                let apposition = self.phrase_starting_at(inside.start).is_some()
                    && self.phrase_ending_at(comma - 1).is_some()
                    && !(inside.clone()).any(|i| self.out.index_at(i).is_some());
                let reports = self.ends_in_report(inside.start, comma);
                // After a name, a description may hold its own verbs ("Jo Li, a founder of
                // the group, said"; "Jo Li, an engineer visiting Paris, told"), but not a
                // report.
                let described = !apposition
                    && k > floor
                    && self
                        .name_ending_at(k - 1)
                        .is_some_and(|p| self.tag(p.head).is_proper_noun())
                    && self.phrase_starting_at(inside.start).is_some()
                    && !reports;
                let apposition = apposition || described;
                let relative = matches!(self.tag(inside.start), Tag::WP | Tag::WDT | Tag::WPS);
                // "Li, in a statement, said", "Li, speaking on radio, said", "Li, like her
                // rivals, says", "Li, then 38, said": an adverbial between commas, after a
                // subject that opens its clause (not "After the vote, in a statement, ...").
                let adverbial = matches!(
                    self.tag(inside.start),
                    Tag::IN | Tag::VBG | Tag::VBN | Tag::CC
                ) && !self.has(inside.start, WordClasses::SUBORDINATOR)
                    && !self.has(inside.start, WordClasses::CONDITIONAL)
                    || self.tag(inside.start).is_adverb();
                let parenthetical = inside.clone().all(|i| self.tag(i).is_adverb())
                    || (adverbial
                        && !reports
                        && k > floor
                        && self
                            .name_ending_at(k - 1)
                            .is_some_and(|p| self.opens_clause(self.climb(p).0.start)));
                if !(apposition || relative || parenthetical) || k == floor {
                    return None;
                }
                let appositive = apposition
                    .then(|| {
                        let first = self.phrase_starting_at(inside.start)?;
                        let end = self
                            .phrase_ending_at(comma - 1)
                            .map_or(first.end, |p| p.end);
                        Some(Phrase {
                            start: first.start,
                            end,
                            head: first.head,
                        })
                    })
                    .flatten();
                return self
                    .name_ending_at(k - 1)
                    .map(|p| (self.climb(p).0, appositive));
            }
            if matches!(
                self.tag(k),
                Tag::Period | Tag::Colon | Tag::OpenQuote | Tag::CloseQuote
            ) {
                return None;
            }
        }
        None
    }

    /// The phrase ending at token `i`, or before a bracket that ends there ("Ann Ross
    /// (D-Va.)", "Acme (ACM)"): a name with its party, state or ticker.
    fn name_ending_at(&self, i: usize) -> Option<Phrase> {
        if self.tag(i) != Tag::Rrb {
            return self.phrase_ending_at(i);
        }
        let floor = self.range.start;
        let open = (floor..i)
            .rev()
            .take(BRACKET_WINDOW)
            .find(|&j| self.tag(j) == Tag::Lrb)?;
        (open > floor)
            .then(|| self.phrase_ending_at(open - 1))
            .flatten()
    }

    /// "..., said the minister": a speech verb with no subject before it takes the phrase
    /// after it.
    fn inverted_subject(&mut self, g: usize) {
        let group = self.out.groups[g];
        if !self.has(group.head, WordClasses::SPEECH) || group.modal.is_some() {
            return;
        }
        let floor = self.range.start;
        let at = self.skip_adverbs_back(group.start);
        let after_report = at == floor
            || matches!(
                self.tag(at - 1),
                Tag::Comma | Tag::CloseQuote | Tag::Colon | Tag::OpenQuote
            )
            || self.has(at - 1, WordClasses::QUOTE);
        if !after_report {
            return;
        }
        if let Some(p) = self.phrase_starting_at(group.end) {
            if matches!(self.tag(p.head), Tag::WP | Tag::WDT | Tag::EX) {
                return;
            }
            self.out.groups[g].subject = Some(Subject {
                phrase: p,
                how: SubjectHow::Inverted,
            });
        }
    }

    /// The token after the verb and its particles and adverbs.
    fn after_verb(&self, group: &VerbGroup) -> usize {
        let mut k = group.end;
        while k < self.range.end
            && k - group.end < 4
            && (self.tag(k) == Tag::RP || (self.tag(k).is_adverb() && self.tag(k) != Tag::WRB))
            // "down-ballot": the first part of a compound, not an adverb of the verb.
            && !(k + 1 < self.range.end && self.t.lower(k + 1) == "-")
        {
            k += 1;
        }
        k
    }

    /// The group that starts at token `k`, if one does.
    fn group_starting_at(&self, k: usize) -> Option<usize> {
        if k >= self.range.end {
            return None;
        }
        self.out
            .index_at(k)
            .filter(|&g| self.out.groups[g].start == k)
    }

    /// The finite clause that starts at `k` (a subject phrase and its verb group): its group.
    fn clause_starting_at(&self, k: usize) -> Option<usize> {
        let first = self.group_starting_at(k).or_else(|| {
            let p = self.phrase_starting_at(k)?;
            // The clause's verb is within reach: the first group after the phrase whose
            // subject starts at k.
            let mut j = p.end;
            while j < self.range.end && j - k < MAX_WALK {
                if let Some(g) = self.group_starting_at(j) {
                    let s = self.out.groups[g].subject?;
                    return (s.phrase.start == k || self.coordinated_from(k, s.phrase))
                        .then_some(g);
                }
                j += 1;
            }
            None
        })?;
        let group = &self.out.groups[first];
        (group.form == Form::Finite).then_some(first)
    }

    /// "Obama and party leaders will": subject `s` is the last of noun phrases joined by
    /// "and" or "or" that start at `k`.
    fn coordinated_from(&self, k: usize, s: Phrase) -> bool {
        let mut at = s.start;
        for _ in 0..4 {
            if at < k + 2 || !matches!(self.t.lower(at - 1), "and" | "or") {
                return false;
            }
            let Some(p) = self.phrase_ending_at(at - 2) else {
                return false;
            };
            if p.start == k {
                return true;
            }
            at = p.start;
        }
        false
    }

    fn embed(&mut self, child: usize, by: Embedder, link: Link) {
        let c = &mut self.out.groups[child];
        if c.embedded_by.is_none() {
            c.embedded_by = Some(by);
            c.link = Some(link);
        }
    }

    fn attach_complement(&mut self, g: usize) {
        let group = self.out.groups[g];
        let t = self.t;
        let end = self.range.end;
        let k = self.after_verb(&group);
        if k >= end {
            return;
        }
        let reports = t.has(group.head, WordClasses::SPEECH)
            || t.has(group.head, WordClasses::THOUGHT)
            || t.has(group.head, WordClasses::EVALUATION);
        // "pledged to cut"
        if let Some(c) = self.group_starting_at(k)
            && self.out.groups[c].form == Form::Infinitive
            && t.tag(k) == Tag::TO
        {
            self.out.groups[g].complement = Some(c);
            self.embed(c, Embedder::Verb(g), Link::To);
            if let Some(s) = group.subject {
                self.control(c, s, group.antecedent);
            }
            return;
        }
        // "that the plan would work", after the verb or after a hearer ("told reporters
        // that") or a short time or place phrase ("said on Tuesday that").
        if let Some(that) = self.that_ahead(k, reports)
            && let Some(c) = self.clause_starting_at(that + 1)
        {
            if let Some(p) = self.phrase_starting_at(k) {
                self.out.groups[g].object = Some(p);
            }
            self.out.groups[g].complement = Some(c);
            self.embed(c, Embedder::Verb(g), Link::That);
            return;
        }
        let Some(p) = self.phrase_starting_at(k) else {
            return;
        };
        if matches!(t.tag(p.head), Tag::WP | Tag::WDT) {
            return;
        }
        // "said the plan would work": a speech or thought verb and a clause with no "that".
        if reports
            && let Some(c) = self.clause_starting_at(k)
            && c != g
        {
            self.out.groups[g].complement = Some(c);
            self.embed(c, Embedder::Verb(g), Link::Zero);
            // "fear Obama and party leaders will": the subject takes in every conjunct.
            if let Some(s) = self.out.groups[c].subject.as_mut()
                && s.phrase.start > k
            {
                s.phrase.start = k;
            }
            return;
        }
        // "told reporters he would resign": a hearer, then the clause.
        if t.has(group.head, WordClasses::HEARER)
            && let Some(c) = self.clause_starting_at(p.end)
            && c != g
        {
            self.out.groups[g].object = Some(p);
            self.out.groups[g].complement = Some(c);
            self.embed(c, Embedder::Verb(g), Link::Zero);
            return;
        }
        self.out.groups[g].object = Some(p);
        // "urged the government to act": after a directive verb the object is the
        // infinitive's subject. (After another verb the infinitive hangs from the object
        // noun: "made a promise to act".)
        let after = self.past_of_phrases(p);
        if let Some(c) = self.group_starting_at(after)
            && self.out.groups[c].form == Form::Infinitive
            && t.tag(after) == Tag::TO
            && (t.has(group.head, WordClasses::DIRECTIVE)
                || t.has(group.head, WordClasses::THOUGHT))
        {
            self.out.groups[g].complement = Some(c);
            self.embed(c, Embedder::Verb(g), Link::To);
            self.control(
                c,
                Subject {
                    phrase: p,
                    how: SubjectHow::Own,
                },
                None,
            );
        }
    }

    /// A phrase and the prepositional phrases hanging from it, as one phrase with the first
    /// one's head.
    fn climb_right(&self, p: Phrase) -> Phrase {
        Phrase {
            start: p.start,
            end: self.past_of_phrases(p),
            head: p.head,
        }
    }

    /// One past a phrase and the prepositional phrases hanging from it.
    fn past_of_phrases(&self, p: Phrase) -> usize {
        let mut k = p.end;
        let mut steps = 0;
        while k + 1 < self.range.end && steps < 4 && self.is_preposition(k) {
            match self.phrase_starting_at(k + 1) {
                Some(q) => k = q.end,
                None => break,
            }
            steps += 1;
        }
        k
    }

    /// The "that" of a complement clause at `k`, or after a short phrase there when the verb
    /// reports (`reports`).
    fn that_ahead(&self, k: usize, reports: bool) -> Option<usize> {
        let is_that = |i: usize| self.is(i, "that") && !matches!(self.tag(i), Tag::NN);
        if is_that(k) {
            return Some(k);
        }
        if !reports {
            return None;
        }
        let mut i = k;
        while i < self.range.end && i - k < 8 {
            if is_that(i) {
                return Some(i);
            }
            let tag = self.tag(i);
            let skippable = tag.is_noun()
                || tag.is_adjective()
                || matches!(
                    tag,
                    Tag::IN | Tag::DT | Tag::CD | Tag::PRP | Tag::PRPS | Tag::Comma | Tag::POS
                )
                || tag.is_adverb();
            if !skippable || self.out.index_at(i).is_some() {
                return None;
            }
            i += 1;
        }
        None
    }

    /// Gives the non-finite group `c` the understood subject `s` (with `antecedent`, when `s`
    /// is a relative pronoun).
    fn control(&mut self, c: usize, s: Subject, antecedent: Option<Phrase>) {
        let group = &mut self.out.groups[c];
        if group.subject.is_none() {
            group.subject = Some(Subject {
                phrase: s.phrase,
                how: SubjectHow::Controlled,
            });
            group.antecedent = if s.how == SubjectHow::Relative {
                antecedent
            } else {
                None
            };
        }
    }

    /// "a promise to cut", "ready to act", "the claim that X lied": a clause that hangs from
    /// a noun or an adjective.
    fn word_embedders(&mut self, g: usize) {
        let group = self.out.groups[g];
        if group.embedded_by.is_some() || group.start == self.range.start {
            return;
        }
        let t = self.t;
        let mut before = group.start - 1;
        if group.form == Form::Infinitive {
            // "not to cut"
            while before > self.range.start && t.has(before, WordClasses::NEGATOR) {
                before -= 1;
            }
            let tag = t.tag(before);
            if tag.is_noun() || tag.is_adjective() || (tag == Tag::VBN) {
                self.embed(g, Embedder::Word(before), Link::To);
            }
            return;
        }
        // "the claim that the plan failed": a noun of saying or thinking and "that".
        let Some(s) = group.subject else { return };
        if s.how != SubjectHow::Own || s.phrase.start <= self.range.start {
            return;
        }
        let that = s.phrase.start - 1;
        if !self.is(that, "that") || that == self.range.start {
            return;
        }
        let word = that - 1;
        let tag = t.tag(word);
        let reports = t.has(word, WordClasses::SPEECH) || t.has(word, WordClasses::THOUGHT);
        if (tag.is_noun() && reports) || tag.is_adjective() {
            self.embed(g, Embedder::Word(word), Link::That);
        }
    }

    /// "X said A and warned that B": a finite group after "and" with no subject shares the
    /// subject of the nearest earlier group of the same form. So does an "-ing" clause after
    /// a comma or "by" ("X left, vowing to return"; "won by promising").
    fn share_subject(&mut self, g: usize) {
        let group = self.out.groups[g];
        if group.subject.is_some() || group.embedded_by.is_some() {
            return;
        }
        let at = self.skip_adverbs_back(group.start);
        if at == self.range.start {
            return;
        }
        let coordinated = self.has(at - 1, WordClasses::COORDINATOR)
            && (group.form == Form::Finite
                || (group.form == Form::Gerund
                    && self.out.groups[self.first_group..g]
                        .iter()
                        .rev()
                        .take(MAX_WALK)
                        .any(|v| v.form == Form::Gerund && v.end < at)));
        let adverbial =
            group.form == Form::Gerund && (self.tag(at - 1) == Tag::Comma || self.is(at - 1, "by"));
        if !(coordinated || adverbial) {
            return;
        }
        let t = self.t;
        let first_tag = |v: &VerbGroup| t.tag(v.start);
        // "saying A and vowing B": a coordinated "-ing" clause goes on from the "-ing" clause
        // before it; other groups from a finite one.
        let form = if coordinated && group.form == Form::Gerund {
            Form::Gerund
        } else {
            Form::Finite
        };
        let earlier = (self.first_group..g).rev().take(MAX_WALK).filter(|&e| {
            let v = &self.out.groups[e];
            v.form == form && v.subject.is_some() && v.end < at
        });
        // Prefer a group of the same level (not itself embedded) and the same form, except
        // for a modal after a reported clause, which goes on with it ("warned that the
        // deficit was large and would hamper growth").
        let main = |e: &usize| self.out.groups[*e].embedded_by.is_none();
        let nearest = earlier.clone().next();
        // An "-ing" clause after a comma goes on from the clause right before it ("Xi said
        // China is ready to act, aiming to ...": China's).
        let chosen = if adverbial
            || (self.tag(group.start) == Tag::MD
                && nearest.is_some_and(|e| self.out.groups[e].link.is_some()))
        {
            nearest
        } else {
            earlier
                .clone()
                .filter(main)
                .find(|&e| first_tag(&self.out.groups[e]) == first_tag(&group))
                .or_else(|| earlier.clone().find(main))
                .or(nearest)
        };
        if let Some(e) = chosen {
            let from = self.out.groups[e];
            let group = &mut self.out.groups[g];
            group.subject = from.subject.map(|s| Subject {
                phrase: s.phrase,
                how: SubjectHow::Shared,
            });
            group.antecedent = from.antecedent;
            group.relative = from.relative;
            if group.embedded_by.is_none() {
                group.embedded_by = from.embedded_by;
                group.link = from.link;
            }
        }
    }

    fn flags(&mut self, g: usize) {
        let group = self.out.groups[g];
        let t = self.t;
        let floor = self.range.start;
        let opener = match group.subject {
            Some(s) if s.how == SubjectHow::Own => s.phrase.start,
            _ => group.start,
        };
        let mut conditional = false;
        let mut relative = group.relative;
        if opener > floor {
            let k = opener - 1;
            conditional = t.has(k, WordClasses::CONDITIONAL)
                || (self.is(k, "as") && k > floor && self.is(k - 1, "long"));
            // "the plan which the minister announced"
            relative |= matches!(t.tag(k), Tag::WDT | Tag::WP)
                && k > floor
                && self.phrase_ending_at(k - 1).is_some();
        }
        // A clause embedded in a conditional or relative clause is one too.
        if let Some(Embedder::Verb(up)) = group.embedded_by
            && up < g
        {
            conditional |= self.out.groups[up].conditional;
        }
        let question = self.question
            && (group.embedded_by.is_none() || group.question)
            && !matches!(group.subject.map(|s| s.how), Some(SubjectHow::Relative));
        let group = &mut self.out.groups[g];
        group.conditional = conditional;
        group.relative = relative;
        group.question |= question;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Layer;
    use crate::doc::{Document, Span};

    /// The document, its layer, and the index of the first token spelled `word`.
    struct Parsed {
        doc: Document,
        layer: Layer,
    }

    impl Parsed {
        fn new(text: &str) -> Parsed {
            let doc = Document::new(text);
            let layer = Layer::new(&doc);
            Parsed { doc, layer }
        }

        fn at(&self, word: &str) -> usize {
            (0..self.doc.tokens.len())
                .find(|&i| self.doc.token_text(i) == word)
                .unwrap_or_else(|| panic!("no token {word:?}"))
        }

        /// The verb group whose main verb is `verb`.
        fn group(&self, verb: &str) -> VerbGroup {
            *self
                .layer
                .clauses
                .group_with_head(self.at(verb))
                .unwrap_or_else(|| panic!("no group headed by {verb:?}"))
        }

        fn subject(&self, verb: &str) -> Option<(&str, SubjectHow)> {
            let g = self.group(verb);
            let s = g.subject?;
            Some((self.doc.token_text(s.phrase.head), s.how))
        }

        fn embedder(&self, verb: &str) -> Option<&str> {
            let head = match self.group(verb).embedded_by? {
                Embedder::Verb(g) => self.layer.clauses.groups[g].head,
                Embedder::Word(w) => w,
            };
            Some(self.doc.token_text(head))
        }
    }

    #[test]
    fn subject_control_of_an_infinitive() {
        let p = Parsed::new("The minister pledged to cut taxes.");
        let pledged = p.group("pledged");
        assert_eq!((pledged.form, pledged.tense), (Form::Finite, Tense::Past));
        assert_eq!(p.subject("pledged"), Some(("minister", SubjectHow::Own)));
        let cut = p.group("cut");
        assert_eq!(cut.form, Form::Infinitive);
        assert_eq!(cut.link, Some(Link::To));
        assert_eq!(p.embedder("cut"), Some("pledged"));
        assert_eq!(p.subject("cut"), Some(("minister", SubjectHow::Controlled)));
        assert_eq!(pledged.complement, Some(p.layer.clauses.index_of(&cut)));
    }

    #[test]
    fn object_control_after_a_directive() {
        let p = Parsed::new("Regulators urged the carmaker to recall the vehicles.");
        assert_eq!(
            p.subject("recall"),
            Some(("carmaker", SubjectHow::Controlled))
        );
        assert_eq!(p.embedder("recall"), Some("urged"));
        let urged = p.group("urged");
        assert_eq!(
            urged.object.map(|o| p.doc.token_text(o.head)),
            Some("carmaker")
        );
    }

    #[test]
    fn future_negated_and_modal() {
        let p = Parsed::new("The government will not raise taxes, but it could cut them.");
        let raise = p.group("raise");
        assert_eq!(raise.tense, Tense::Future);
        assert!(raise.negated);
        assert_eq!(raise.modal.map(|m| p.doc.token_text(m)), Some("will"));
        let cut = p.group("cut");
        assert_eq!(cut.tense, Tense::Modal);
        assert!(!cut.negated);
        assert_eq!(p.subject("cut"), Some(("it", SubjectHow::Own)));
        let p = Parsed::new("The council won't approve the plan.");
        assert!(p.group("approve").negated);
        assert_eq!(p.group("approve").tense, Tense::Future);
    }

    #[test]
    fn auxiliaries_written_inside_a_pronoun() {
        let p = Parsed::new(
            "\u{201c}We\u{2019}ll fight them,\u{201d} he said. They're going to cut taxes.",
        );
        let fight = p.group("fight");
        assert_eq!((fight.form, fight.tense), (Form::Finite, Tense::Future));
        assert_eq!(
            fight.modal.map(|m| p.doc.token_text(m)),
            Some("We\u{2019}ll")
        );
        assert_eq!(p.subject("fight").map(|s| s.1), Some(SubjectHow::Own));
        assert_eq!(p.group("cut").tense, Tense::Future);
        assert_eq!(
            Parsed::new("I'd resign.").group("resign").tense,
            Tense::Modal
        );
        let p = Parsed::new("We've been warned.");
        let warned = p.group("warned");
        assert!(warned.perfect);
    }

    #[test]
    fn passive_perfect_and_progressive() {
        let p = Parsed::new("The bill was passed by parliament after it had been debated.");
        assert!(p.group("passed").passive);
        assert_eq!(p.subject("passed"), Some(("bill", SubjectHow::Own)));
        let debated = p.group("debated");
        assert!(debated.passive && debated.perfect);
        let p = Parsed::new("The union is planning a strike.");
        let planning = p.group("planning");
        assert!(planning.progressive && !planning.passive);
        assert_eq!(planning.tense, Tense::Present);
    }

    #[test]
    fn going_to_is_a_future() {
        let p = Parsed::new("The mayor is going to resign.");
        let resign = p.group("resign");
        assert_eq!((resign.form, resign.tense), (Form::Finite, Tense::Future));
        assert_eq!(resign.modal.map(|m| p.doc.token_text(m)), Some("going"));
        assert_eq!(p.subject("resign"), Some(("mayor", SubjectHow::Own)));
    }

    #[test]
    fn that_clause_after_a_time_phrase() {
        let p = Parsed::new("The head of the central bank said on Monday that rates would rise.");
        assert_eq!(p.subject("said"), Some(("head", SubjectHow::Own)));
        let rise = p.group("rise");
        assert_eq!(rise.link, Some(Link::That));
        assert_eq!(p.embedder("rise"), Some("said"));
        assert_eq!(rise.tense, Tense::Modal);
        assert_eq!(p.subject("rise"), Some(("rates", SubjectHow::Own)));
    }

    #[test]
    fn a_relative_clause_after_an_apposition_describes_the_name() {
        let p = Parsed::new("He praised Acme Foods, a firm that has refused to cut jobs.");
        let refused = p.group("refused");
        let who = p
            .layer
            .clauses
            .subject_referent(&p.layer.tokens, &refused)
            .expect("a referent");
        assert_eq!(p.doc.token_text(who.start), "Acme");
        assert_eq!(who.end - who.start, 2);
    }

    #[test]
    fn zero_that_clause_with_coordinated_subjects() {
        // The first name is no object of "fear": both are the subject of "close".
        let p = Parsed::new("Residents fear the mayor and his allies will close the pool.");
        assert_eq!(p.embedder("close"), Some("fear"));
        let close = p.group("close");
        assert_eq!(close.link, Some(Link::Zero));
        let s = close.subject.expect("a subject").phrase;
        assert_eq!(p.doc.token_text(s.start), "the");
        assert_eq!(p.doc.token_text(s.head), "allies");
        assert_eq!(p.group("fear").object, None);
    }

    #[test]
    fn zero_that_clause_after_a_thought_verb() {
        let p = Parsed::new("Analysts expect the bank will raise rates.");
        assert_eq!(p.embedder("raise"), Some("expect"));
        assert_eq!(p.group("raise").link, Some(Link::Zero));
        assert_eq!(p.subject("raise"), Some(("bank", SubjectHow::Own)));
        assert_eq!(p.subject("expect"), Some(("Analysts", SubjectHow::Own)));
    }

    #[test]
    fn hearer_then_clause() {
        let p = Parsed::new("The mayor told reporters she would resign.");
        assert_eq!(p.embedder("resign"), Some("told"));
        assert_eq!(p.group("resign").link, Some(Link::Zero));
        let told = p.group("told");
        assert_eq!(
            told.object.map(|o| p.doc.token_text(o.head)),
            Some("reporters")
        );
    }

    #[test]
    fn adverbial_ing_clause_shares_the_subject() {
        let p = Parsed::new("The senator left the hall, vowing to return.");
        assert_eq!(p.subject("vowing"), Some(("senator", SubjectHow::Shared)));
        // The clause right before it, not the main one.
        let p = Parsed::new("The mayor said the council is ready to act, aiming to cut costs.");
        assert_eq!(p.subject("aiming"), Some(("council", SubjectHow::Shared)));
        // After the object of a verb of writing, a saying is the writer's, and a coordinated
        // "-ing" clause goes on from it.
        let p =
            Parsed::new("The senator emailed donors saying the fight goes on and vowing to win.");
        assert_eq!(p.subject("saying"), Some(("senator", SubjectHow::Shared)));
        assert_eq!(p.subject("vowing"), Some(("senator", SubjectHow::Shared)));
        // Not after other verbs: the people seen say it.
        let p = Parsed::new("The reporter met voters saying they want a ban.");
        assert_eq!(p.subject("saying"), Some(("voters", SubjectHow::Own)));
    }

    #[test]
    fn a_fronted_time_is_no_subject() {
        let p = Parsed::new("Last September, Ann Lee called the plan a failure.");
        assert_eq!(subject_text(&p, "called").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn participle_after_and_goes_on_from_a_past_verb() {
        let p = Parsed::new("Ann Hale stood up and quietly offered to pay.");
        let g = p.group("offered");
        assert_eq!((g.form, g.tense), (Form::Finite, Tense::Past));
        assert_eq!(p.subject("offered"), Some(("Ann", SubjectHow::Shared)));
        // A passive goes on as a passive.
        let p = Parsed::new("The driver was arrested and charged with theft.");
        assert_eq!(p.group("charged").form, Form::Participle);
    }

    #[test]
    fn apposition_between_subject_and_verb() {
        let p = Parsed::new("Jane Roe, the finance minister, said the plan would work.");
        assert_eq!(p.subject("said"), Some(("Jane", SubjectHow::Own)));
        let s = p.group("said").subject.unwrap().phrase;
        assert_eq!(p.doc.slice(p.doc.tokens[s.start].span), "Jane");
        assert_eq!(p.doc.token_text(s.end - 1), "Roe");
        let a = p.group("said").apposition.unwrap();
        assert_eq!(p.doc.token_text(a.head), "minister");
        let p = Parsed::new("The finance minister, Jane Roe, said the plan would work.");
        assert_eq!(p.subject("said"), Some(("minister", SubjectHow::Own)));
        let a = p.group("said").apposition.unwrap();
        assert_eq!(p.doc.token_text(a.head), "Jane");
    }

    /// The text of phrase `p` of the parsed sentence.
    fn phrase_text(parsed: &Parsed, p: Phrase) -> String {
        let doc = &parsed.doc;
        doc.slice(Span::new(
            doc.tokens[p.start].span.start,
            doc.tokens[p.end - 1].span.end,
        ))
        .to_string()
    }

    /// The subject phrase of `verb`, as text.
    fn subject_text(p: &Parsed, verb: &str) -> Option<String> {
        Some(phrase_text(p, p.group(verb).subject?.phrase))
    }

    #[test]
    fn a_name_then_descriptions_between_commas() {
        // A description holding verbs of its own.
        let p =
            Parsed::new("Omar Haddad, a founder of the think tank New Course, said it would fail.");
        assert_eq!(subject_text(&p, "said").as_deref(), Some("Omar Haddad"));
        // Adverbials between commas.
        for text in [
            "Kim Osei, in a statement on Friday, said the talks were over.",
            "Kim Osei, speaking on local radio, said the talks were over.",
            "Kim Osei, then 38, said the talks were over.",
            "Kim Osei, 29, of Dayton, Ohio, said the talks were over.",
        ] {
            let p = Parsed::new(text);
            assert_eq!(
                subject_text(&p, "said").as_deref(),
                Some("Kim Osei"),
                "{text}"
            );
        }
        // A participle for a past tense, across the same stretch.
        let p = Parsed::new("Kim Osei, speaking on local radio, called the plan a disgrace.");
        assert_eq!(p.group("called").form, Form::Finite);
        assert_eq!(subject_text(&p, "called").as_deref(), Some("Kim Osei"));
        // A report between commas is no description: "Kim Osei" is not who said it.
        let p = Parsed::new("Kim Osei, the minister said, was wrong.");
        assert_eq!(subject_text(&p, "said").as_deref(), Some("the minister"));
        // An adverbial after a phrase that does not open its clause is no subject's.
        let p = Parsed::new("After the vote, in a statement, the minister said it was over.");
        assert_eq!(subject_text(&p, "said").as_deref(), Some("the minister"));
        // A bracket after the subject.
        let p = Parsed::new("Senator Ann Ross (D-Md.) said the bill was dead.");
        assert_eq!(
            subject_text(&p, "said").as_deref(),
            Some("Senator Ann Ross")
        );
    }

    #[test]
    fn hyphenated_compounds_and_prefixed_verbs() {
        let p = Parsed::new("The Leeds-based lawyer said a well-known firm had a follow-up.");
        assert_eq!(
            subject_text(&p, "said").as_deref(),
            Some("The Leeds-based lawyer")
        );
        assert_eq!(
            subject_text(&p, "had").as_deref(),
            Some("a well-known firm")
        );
        assert!(p.layer.clauses.group_at(p.at("based")).is_none());
        let p = Parsed::new("He was re-elected in May.");
        let g = p.group("elected");
        assert!(g.passive);
        assert_eq!(p.doc.token_text(g.start), "was");
        let p = Parsed::new("They re-elected him.");
        assert_eq!(p.group("elected").form, Form::Finite);
        assert_eq!(p.subject("elected"), Some(("They", SubjectHow::Own)));
    }

    /// The referent of `verb`'s subject, as text.
    fn referent_text(p: &Parsed, verb: &str) -> Option<String> {
        let clauses = &p.layer.clauses;
        let r = clauses.subject_referent(&p.layer.tokens, &p.group(verb))?;
        Some(phrase_text(p, r))
    }

    #[test]
    fn who_a_subject_names() {
        // A role, its prepositional phrase, then the name of who holds it.
        let p = Parsed::new("Green Party spokeswoman for farming Ana Ruiz said it was late.");
        assert_eq!(referent_text(&p, "said").as_deref(), Some("Ana Ruiz"));
        // A role of an organisation stays the role.
        let p = Parsed::new("A spokesman for the Kestrel Trust said it was late.");
        assert_eq!(referent_text(&p, "said").as_deref(), Some("A spokesman"));
        // A name, then an organisation with no closing comma.
        let p = Parsed::new("Ana Ruiz, Dayton Hotel Association said the rooms were full.");
        assert_eq!(referent_text(&p, "said").as_deref(), Some("Ana Ruiz"));
        // A title, then the name in apposition.
        let p = Parsed::new(
            "The shadow secretary of state for farming, Ana Ruiz, said the plan was late.",
        );
        assert_eq!(referent_text(&p, "said").as_deref(), Some("Ana Ruiz"));
        // A description holding a quoted name.
        let p = Parsed::new("Ana Ruiz, one of the so-called \"Class of 97\", told reporters.");
        assert_eq!(subject_text(&p, "told").as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_name_of_coordinated_names_is_one_subject() {
        let p = Parsed::new("The Department for Trade and Industry will provide funding.");
        assert_eq!(
            subject_text(&p, "provide").as_deref(),
            Some("The Department for Trade and Industry")
        );
        // A conjunct that is a preposition's object still belongs to it.
        let p = Parsed::new("Troops fired on the road and the bridge was bombed.");
        assert_eq!(subject_text(&p, "bombed").as_deref(), Some("the bridge"));
    }

    #[test]
    fn a_day_does_not_run_into_the_name_after_it() {
        let p = Parsed::new("On Monday Senator Ann Ross warned that the plan would fail.");
        assert_eq!(
            subject_text(&p, "warned").as_deref(),
            Some("Senator Ann Ross")
        );
    }

    #[test]
    fn ing_clauses_after_a_noun_phrase() {
        // Someone named: the phrase is the subject.
        let p = Parsed::new("The share of voters saying it matters rose.");
        assert_eq!(
            subject_text(&p, "saying").as_deref(),
            Some("The share of voters")
        );
        let p = Parsed::new("He spoke, with the minister telling reporters he was wrong.");
        assert_eq!(subject_text(&p, "telling").as_deref(), Some("the minister"));
        // A message says what its issuer says; another object names no one.
        let p = Parsed::new("His office put out a statement saying the plan was dead.");
        assert_eq!(p.group("put").form, Form::Finite);
        assert_eq!(
            p.group("saying").subject.map(|s| s.how),
            Some(SubjectHow::Shared)
        );
        assert_eq!(subject_text(&p, "saying").as_deref(), Some("His office"));
        let p = Parsed::new("He contacted the show saying the e-mail was sent in error.");
        assert_eq!(subject_text(&p, "saying").as_deref(), Some("He"));
    }

    #[test]
    fn names_from_the_entity_extractor_are_proper_nouns() {
        // "Jack" alone is a verb to the tagger; the entity extractor knows the name.
        let text = "Jack Law, chief executive of Alcohol Focus Scotland, said it was wrong.";
        let doc = Document::new(text);
        let plain = Layer::new(&doc);
        assert_ne!(plain.tokens.tag(0), Tag::NNP);
        let names = [Span::new(0, "Jack Law".len())];
        let layer = Layer::with_names(&doc, &names);
        assert_eq!(layer.tokens.tag(0), Tag::NNP);
        let said = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "said")
            .unwrap();
        let s = layer
            .clauses
            .group_with_head(said)
            .unwrap()
            .subject
            .unwrap()
            .phrase;
        assert_eq!((s.start, s.end), (0, 2));
    }

    #[test]
    fn relative_clauses() {
        let p = Parsed::new("The firm that makes the chips said it would build a plant.");
        assert_eq!(p.subject("said"), Some(("firm", SubjectHow::Own)));
        let makes = p.group("makes");
        assert!(makes.relative);
        assert_eq!(p.subject("makes"), Some(("that", SubjectHow::Relative)));
        assert_eq!(p.layer.clauses.subject_head(&makes), Some(p.at("firm")));
        let p = Parsed::new("The senator, who pledged reform, will resign.");
        assert_eq!(p.subject("resign"), Some(("senator", SubjectHow::Own)));
        assert!(p.group("pledged").relative);
        assert!(!p.group("resign").relative);
    }

    #[test]
    fn conditional_clauses() {
        let p = Parsed::new("If the talks fail, the union will strike.");
        assert!(p.group("fail").conditional);
        assert!(!p.group("strike").conditional);
        assert_eq!(p.subject("strike"), Some(("union", SubjectHow::Own)));
        let p = Parsed::new("The union will strike unless the company raises pay.");
        assert!(p.group("raises").conditional);
    }

    #[test]
    fn questions_take_the_auxiliary_before_the_subject() {
        let p = Parsed::new("Will the minister resign?");
        let resign = p.group("resign");
        assert!(resign.question);
        assert_eq!(resign.tense, Tense::Future);
        assert_eq!(p.subject("resign"), Some(("minister", SubjectHow::Own)));
        assert!(
            !Parsed::new("The minister will resign.")
                .group("resign")
                .question
        );
    }

    #[test]
    fn inverted_speech_verb_after_a_quote() {
        let p = Parsed::new("\u{201c}We will fight on,\u{201d} said the party leader.");
        assert_eq!(p.subject("said"), Some(("leader", SubjectHow::Inverted)));
        assert_eq!(p.subject("fight"), Some(("We", SubjectHow::Own)));
    }

    #[test]
    fn expletive_there() {
        let p = Parsed::new("There will be a vote on the bill.");
        assert_eq!(p.subject("be"), Some(("vote", SubjectHow::Inverted)));
    }

    #[test]
    fn coordinated_verbs_share_a_subject() {
        let p = Parsed::new("The company said profits rose and warned that sales would fall.");
        assert_eq!(p.subject("warned"), Some(("company", SubjectHow::Shared)));
        assert_eq!(p.embedder("fall"), Some("warned"));
        assert_eq!(p.embedder("rose"), Some("said"));
    }

    #[test]
    fn clauses_that_hang_from_nouns_and_adjectives() {
        let p = Parsed::new("The party made a promise to cut taxes.");
        assert_eq!(p.embedder("cut"), Some("promise"));
        let p = Parsed::new("The union is ready to negotiate.");
        assert_eq!(p.embedder("negotiate"), Some("ready"));
        let p = Parsed::new("Officials rejected the claim that the dam had failed.");
        assert_eq!(p.embedder("failed"), Some("claim"));
    }

    #[test]
    fn noun_phrases_have_heads() {
        let p = Parsed::new("All the central bank's economists met.");
        let phrase = p.layer.clauses.phrase_at(p.at("bank")).unwrap();
        assert_eq!(p.doc.token_text(phrase.head), "economists");
        assert_eq!(p.doc.token_text(phrase.start), "All");
    }

    #[test]
    fn long_garbage_stays_linear_and_bounded() {
        // Every walk is bounded, so a long run of one word is analysed without trouble.
        for word in ["said ", "the ", "that ", "to ", ", ", "and "] {
            let text = word.repeat(20_000);
            let doc = Document::new(text);
            let layer = Layer::new(&doc);
            assert!(layer.clauses.groups.len() <= doc.tokens.len());
        }
    }
}

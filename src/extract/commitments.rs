//! Stated commitments: who promised, agreed, intends, reaffirmed or refused to do what.
//!
//! Finding is separate from checking: a trigger lexicon (`commitments_triggers.txt`) finds the
//! candidate words ("pledged to", "is prepared to", "will", "signed ... a treaty"), then each
//! candidate must pass the checks its mode asks for (a verb after "will", a deal word after
//! "signed", an actor as subject, not a question, not inside an "if" clause, not a prediction
//! by others, not "declined to comment"). The actor is the subject, resolved through the
//! entities and pronouns; the speaker comes from the quote that holds the trigger.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Layer;
use crate::doc::{Document, Span, TokenKind};
use crate::extract::clause::{self, Names, Referent};
use crate::extract::entities::Entity;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::lexicon::{self, Gazetteer};

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

    fn parse(s: &str) -> Option<CommitmentKind> {
        Some(match s {
            "pledge" => CommitmentKind::Pledge,
            "agreement" => CommitmentKind::Agreement,
            "intent" => CommitmentKind::Intent,
            "reaffirmation" => CommitmentKind::Reaffirmation,
            "refusal" => CommitmentKind::Refusal,
            _ => return None,
        })
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

/// What a trigger needs around it to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Stands alone ("reaffirmed", "no plans for").
    Plain,
    /// A future modal: a verb must follow and the subject must be an actor.
    Modal,
    /// A deal word must follow ("signed a treaty").
    Deal,
    /// A verb must follow ("agreed to allow").
    To,
    /// An object must follow ("rejected the offer").
    Object,
}

static TRIGGERS: LazyLock<Gazetteer<(CommitmentKind, Mode)>> = LazyLock::new(|| {
    let pairs = lexicon::entries(include_str!("../lexicon/data/commitments_triggers.txt"))
        .filter_map(|f| {
            let kind = CommitmentKind::parse(f.get(1)?)?;
            let mode = match f.get(2).copied() {
                None => Mode::Plain,
                Some("modal") => Mode::Modal,
                Some("deal") => Mode::Deal,
                Some("to") => Mode::To,
                Some("obj") => Mode::Object,
                Some(_) => return None,
            };
            Some((f[0], (kind, mode)))
        })
        .collect::<Vec<_>>();
    Gazetteer::new(pairs, true)
});

static ACTOR_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::words(include_str!("../lexicon/data/commitments_actor_nouns.txt")).collect()
});

/// Nouns that make "signed a ..." or "struck a ..." an agreement.
const DEAL_WORDS: &[&str] = &[
    "deal",
    "deals",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "treaty",
    "treaties",
    "pact",
    "pacts",
    "contract",
    "contracts",
    "statement",
    "declaration",
    "memorandum",
    "settlement",
    "compromise",
    "truce",
    "ceasefire",
    "framework",
    "understanding",
    "partnership",
    "protocol",
    "alliance",
    "charter",
    "convention",
];

/// What one refuses when one refuses to speak, not to act ("declined to comment").
const SPEECH_ACTS: &[&str] = &[
    "comment",
    "discuss",
    "confirm",
    "say",
    "elaborate",
    "speculate",
    "reveal",
    "disclose",
    "answer",
    "name",
    "give",
    "identify",
    "respond",
    "specify",
    "deny",
    "detail",
    "explain",
];

/// Objects that make "rejected ..." a denial, not a refusal ("rejected claims that ...").
const DENIAL_OBJECTS: &[&str] = &[
    "claims",
    "claim",
    "allegations",
    "allegation",
    "accusations",
    "accusation",
    "reports",
    "report",
    "suggestions",
    "suggestion",
    "criticism",
    "charges",
    "charge",
    "idea",
    "notion",
    "view",
    "assertion",
    "speculation",
    "rumours",
    "rumors",
    "comparisons",
];

/// Words before a subject that make what follows someone's forecast, not a commitment.
const PREDICTION_WORDS: &[&str] = &[
    "expect",
    "expects",
    "expected",
    "predict",
    "predicts",
    "predicted",
    "forecast",
    "forecasts",
    "likely",
    "unlikely",
    "believe",
    "believes",
    "think",
    "thinks",
    "fear",
    "fears",
    "feared",
    "doubt",
    "doubts",
    "suspect",
    "suspects",
    "speculated",
    "rumoured",
    "rumored",
    "perhaps",
    "maybe",
    "possibly",
    "probably",
    "whether",
    "reportedly",
];

/// Past intents: a commitment only when reported as someone's statement ("he said he wanted to").
const PAST_INTENTS: &[&str] = &[
    "planned to",
    "wanted to",
    "hoped to",
    "aimed to",
    "intended to",
];

/// Wishes: a commitment only when the actor states them of itself.
const DESIRES: &[&str] = &[
    "wants to",
    "want to",
    "wanted to",
    "hopes to",
    "hope to",
    "hoped to",
];

/// Verbs after "will" that forecast what happens to someone rather than what they commit to
/// ("farmers will need aid", "she will see if").
const NON_VOLITIONAL: &[&str] = &[
    "need", "face", "see", "become", "remain", "fall", "rise", "grow", "suffer", "cost", "mean",
    "include", "receive", "benefit", "happen", "affect", "depend", "feel", "find", "lose", "die",
    "win", "likely", "probably", "hurt", "struggle", "come", "get", "require", "expire", "last",
    "occur", "reach", "exceed", "drop", "increase", "decline", "take", "look", "seem", "appear",
    "miss", "end", "fail", "catch",
];

/// Last words of capitalised names of things, not actors ("the Clean Air Act").
const THINGS: &[&str] = &[
    "Act",
    "Bill",
    "Day",
    "Report",
    "Review",
    "Inquiry",
    "Treaty",
    "Cup",
    "Games",
    "Championship",
    "Championships",
    "Olympics",
    "Prize",
    "Award",
    "Awards",
    "Festival",
    "Show",
    "Index",
    "Conference",
    "Summit",
    "Election",
    "Budget",
    "Law",
    "Directive",
    "Plan",
    "Programme",
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "twenty", "hundred", "thousand", "million", "half",
];

/// Verbs of announced participation: "will visit", "is to attend" are intents (the guidelines'
/// "express intent to meet"), not pledges.
const PARTICIPATION: &[&str] = &[
    "visit", "attend", "join", "host", "lead", "perform", "play", "meet", "travel", "speak",
    "tour", "address", "compete", "star", "present", "appear", "fly", "go", "make", "return",
    "stand", "run", "chair", "headline", "open", "launch", "hold",
];

/// Adverbs between a modal and its verb ("will also provide", "will definitely extend").
const MODAL_ADVERBS: &[&str] = &[
    "also",
    "now",
    "still",
    "then",
    "soon",
    "definitely",
    "certainly",
    "immediately",
    "again",
    "only",
    "further",
    "eventually",
    "finally",
    "jointly",
    "continue",
    "shortly",
    "initially",
    "instead",
    "either",
    "even",
    "always",
    "probably",
    "actually",
    "duly",
    "swiftly",
    "formally",
];

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    let month =
        "January|February|March|April|May|June|July|August|September|October|November|December";
    let day = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    let unit = "days?|weeks?|months?|years?|decades?";
    let period = "year|month|week|decade|summer|spring|autumn|fall|winter|parliament|term|season|quarter|century";
    let count = r"\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|several|a few";
    let pattern = format!(
        r"\b(?:(?:by|before|until|within|in|from|no later than|over)\s+(?:the\s+)?(?:(?:end|start|beginning|middle|spring|summer|autumn|winter)\s+of\s+(?:the\s+)?)?(?:(?:next|this|coming|current)\s+)?(?:(?:{count})\s+(?:{unit})|\d{{4}}|(?:{month})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{month})(?:\s+\d{{4}})?|(?:{period})\b(?:\s+\d{{4}})?|(?:{day}))|(?:on\s+)(?:{day}|\d{{1,2}}\s+(?:{month})(?:\s+\d{{4}})?|(?:{month})\s+\d{{1,2}})|(?:later\s+)?(?:next|this)\s+(?:{period}|{day})|later\s+(?:today|this\s+(?:{period})|on\s+(?:{day}))|(?:{day})|tomorrow|tonight)\b"
    );
    Regex::new(&pattern).expect("deadline pattern compiles")
});

static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:if|unless|provided(?: that)?|providing|as long as|so long as|on condition that|in return for)\b")
        .expect("condition pattern compiles")
});

pub fn extract(
    doc: &Document,
    layer: &Layer,
    entities: &[Entity],
    quotes: &[Quote],
) -> Vec<Commitment> {
    let _ = layer;
    let mut names = Names::new(doc, entities);
    names.set_excluded(
        quotes
            .iter()
            .filter(|q| q.kind == crate::extract::quotes::QuoteKind::Direct)
            .map(|q| q.span)
            .collect(),
    );
    let mut out = Vec::new();
    for si in 0..doc.sentences.len() {
        find_in_sentence(doc, &names, quotes, si, &mut out);
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// A trigger found in a sentence, as token indices.
struct Candidate {
    first: usize,
    /// One past the trigger's last token.
    end: usize,
    kind: CommitmentKind,
    mode: Mode,
}

fn find_in_sentence(
    doc: &Document,
    names: &Names,
    quotes: &[Quote],
    si: usize,
    out: &mut Vec<Commitment>,
) {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let end = sent.tokens.end;
    if floor >= end {
        return;
    }
    // Questions state no commitment.
    if doc.token_text(end - 1).contains('?') {
        return;
    }
    let text = doc.slice(sent.span);
    let base = sent.span.start;
    let mut candidates = Vec::new();
    for (span, &(kind, mode)) in TRIGGERS.find_all(text) {
        let first = doc.token_at_or_after(base + span.start);
        let stop = doc.token_at_or_after(base + span.end);
        if first < stop && stop <= end {
            candidates.push(Candidate {
                first,
                end: stop,
                kind,
                mode,
            });
        }
    }
    // "we'll", "they’ll": the modal is inside the pronoun's token.
    for i in floor..end {
        let t = doc.token_text(i);
        if t.len() > 3 && (t.ends_with("'ll") || t.ends_with("’ll")) {
            candidates.push(Candidate {
                first: i,
                end: i + 1,
                kind: CommitmentKind::Pledge,
                mode: Mode::Modal,
            });
        }
    }
    if doc.title.is_some_and(|t| t.contains(sent.span)) {
        headline_to(doc, floor, end, &mut candidates);
    }
    candidates.sort_by_key(|c| c.first);
    let mut last_end = floor;
    for c in candidates {
        if c.first < last_end {
            continue;
        }
        if let Some(found) = check(doc, names, quotes, si, &c) {
            last_end = c.end;
            out.push(found);
        }
    }
}

/// Headlines drop the verb: "Minister to attend summit" is an announced intent.
fn headline_to(doc: &Document, floor: usize, end: usize, out: &mut Vec<Candidate>) {
    for i in floor + 1..end.saturating_sub(1) {
        if doc.token_text(i) != "to" {
            continue;
        }
        let prev = doc.token_text(i - 1);
        let next = doc.token_text(i + 1);
        let prev_name = prev.chars().next().is_some_and(char::is_uppercase);
        let next_verb = doc.tokens[i + 1].kind == TokenKind::Word
            && next.chars().next().is_some_and(char::is_lowercase);
        if prev_name && next_verb {
            out.push(Candidate {
                first: i,
                end: i + 1,
                kind: CommitmentKind::Intent,
                mode: Mode::To,
            });
        }
    }
    // "Council plans new school", "Minister pledges cash for hospitals": a headline's
    // present tense with a plain object.
    for i in floor + 1..end.saturating_sub(1) {
        let kind = match doc.token_text(i) {
            "plans" => CommitmentKind::Intent,
            "pledges" | "vows" | "promises" => CommitmentKind::Pledge,
            _ => continue,
        };
        let prev_name = doc
            .token_text(i - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let next = doc.token_text(i + 1);
        let object = doc.tokens[i + 1].kind == TokenKind::Word
            && next != "to"
            && next.chars().next().is_some_and(char::is_lowercase);
        if prev_name && object {
            out.push(Candidate {
                first: i,
                end: i + 1,
                kind,
                mode: Mode::Plain,
            });
        }
    }
}

fn lower(doc: &Document, i: usize) -> String {
    doc.token_text(i).to_lowercase()
}

fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

fn check(
    doc: &Document,
    names: &Names,
    quotes: &[Quote],
    si: usize,
    c: &Candidate,
) -> Option<Commitment> {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let end = sent.tokens.end;
    let mut kind = c.kind;
    let trigger_lower = doc
        .slice(Span::new(
            doc.tokens[c.first].span.start,
            doc.tokens[c.end - 1].span.end,
        ))
        .to_lowercase();
    // Where the committed action starts.
    let mut action_start = c.end;
    match c.mode {
        Mode::Modal => {
            // "What Would Kenny Do": a capitalised modal is part of a title (a sentence-initial
            // one opens a question, dropped above).
            if doc
                .token_text(c.first)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                && !doc.token_text(c.first).contains('\'')
                && !doc.token_text(c.first).contains('’')
            {
                return None;
            }
            let mut v = c.end;
            while v < end && MODAL_ADVERBS.contains(&lower(doc, v).as_str()) {
                v += 1;
            }
            if !is_word(doc, v) {
                return None;
            }
            let verb = lower(doc, v);
            // "will be played", "would have": timetables, passives and hypotheticals.
            if matches!(verb.as_str(), "have" | "be" | "been" | "not" | "if")
                || verb.chars().next().is_some_and(char::is_uppercase)
                || verb.ends_with("ed") && verb != "need"
            {
                let be_ing =
                    verb == "be" && is_word(doc, v + 1) && lower(doc, v + 1).ends_with("ing");
                if !be_ing {
                    return None;
                }
            }
            if NON_VOLITIONAL.contains(&verb.as_str()) {
                return None;
            }
            // "would not discuss", "will not comment": silence now, not a refusal to act.
            if c.kind == CommitmentKind::Refusal && SPEECH_ACTS.contains(&verb.as_str()) {
                return None;
            }
            if PARTICIPATION.contains(&verb.as_str()) {
                kind = CommitmentKind::Intent;
            }
            action_start = v;
        }
        Mode::To => {
            if !is_word(doc, c.end) {
                return None;
            }
            let verb = lower(doc, c.end);
            if (trigger_lower.ends_with("to") || c.end > c.first)
                && matches!(
                    trigger_lower.as_str(),
                    "declined to"
                        | "declines to"
                        | "refused to"
                        | "refuses to"
                        | "refuse to"
                        | "refusal to"
                )
                && SPEECH_ACTS.contains(&verb.as_str())
            {
                return None;
            }
            // "is to" needs a bare verb ("is to restate"), not "is to be" or "is to nine".
            let lowercase_verb = doc
                .token_text(c.end)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if (matches!(trigger_lower.as_str(), "is to" | "are to")
                || trigger_lower.ends_with("going to"))
                && (!lowercase_verb
                    || matches!(verb.as_str(), "be" | "blame" | "the" | "a" | "an")
                    || NUMBER_WORDS.contains(&verb.as_str()))
            {
                return None;
            }
            if matches!(trigger_lower.as_str(), "is to" | "are to" | "to")
                && PARTICIPATION.contains(&verb.as_str())
            {
                kind = CommitmentKind::Intent;
            }
        }
        Mode::Deal => {
            let deal = (c.end..(c.end + 7).min(end))
                .find(|&i| DEAL_WORDS.contains(&lower(doc, i).as_str()))?;
            // "signed a joint statement to deepen ...": the action is what the deal is to do.
            action_start = if deal + 2 < end && lower(doc, deal + 1) == "to" {
                deal + 2
            } else {
                deal
            };
            // "agreed" alone is an agreement only with a deal word; keep kind.
        }
        Mode::Object => {
            if !is_word(doc, c.end) {
                return None;
            }
            let obj = lower(doc, c.end);
            if matches!(obj.as_str(), "by" | "as" | "that" | "in" | "on" | "at") {
                return None;
            }
            let head_window = (c.end..(c.end + 4).min(end)).map(|i| lower(doc, i));
            for w in head_window {
                if DENIAL_OBJECTS.contains(&w.as_str()) {
                    return None;
                }
            }
        }
        Mode::Plain => {}
    }
    // Passive or adjectival use ("was rejected", "is committed"): no commitment by a subject,
    // except the "be" forms that are part of the trigger itself.
    if c.first > floor
        && matches!(
            lower(doc, c.first - 1).as_str(),
            "was" | "were" | "been" | "being"
        )
        && matches!(c.mode, Mode::Object | Mode::Deal)
    {
        return None;
    }
    // Inside an "if" clause: a hypothetical, not a commitment.
    // Look-backs are bounded so that a run-on sentence costs linear time.
    let near = c.first.saturating_sub(40).max(floor);
    let clause_start = (near..c.first)
        .rev()
        .find(|&i| matches!(doc.token_text(i), "," | ";" | ":") || is_quote_mark(doc.token_text(i)))
        .map_or(near, |i| i + 1);
    if (clause_start..c.first)
        .any(|i| matches!(lower(doc, i).as_str(), "if" | "unless" | "whether"))
    {
        return None;
    }
    // "urged X to", "pressure on X to": a demand on someone else. Only "to"-headed triggers can
    // be reached from such a phrase.
    if (c.first.saturating_sub(6).max(floor)..c.first).any(|i| {
        matches!(
            lower(doc, i).as_str(),
            "urged"
                | "urging"
                | "urges"
                | "pressure"
                | "pressed"
                | "asked"
                | "called"
                | "calls"
                | "demanded"
                | "told"
        )
    }) && c.mode == Mode::To
        && c.kind != CommitmentKind::Refusal
    {
        return None;
    }

    let speaker_quote = quote_holding(quotes, doc.tokens[c.first].span);
    let speaker = speaker_quote.and_then(|q| q.speaker.clone());
    // "would" and past intents ("wanted to") state a commitment only as reported speech:
    // elsewhere they are hypotheticals or history.
    let reported = speaker_quote.is_some_and(|q| q.kind == QuoteKind::Reported);
    if (trigger_lower == "would" || PAST_INTENTS.contains(&trigger_lower.as_str())) && !reported {
        return None;
    }

    // The actor: the subject of the trigger.
    // Inside a quote or a report the subject lies within its words ("the fund warned that the
    // deficit was large and would hamper growth": the deficit, not the fund).
    let clause_floor = speaker_quote
        .map(|q| doc.token_at_or_after(q.span.start))
        .filter(|&t| t > floor && t <= c.first)
        .unwrap_or(floor);
    let subject = subject_of(doc, clause_floor, c);
    let subject_text = subject.map(|s| doc.slice(s).to_lowercase());
    let pronoun = subject_text
        .as_deref()
        .map(pronoun_stem)
        .filter(|p| clause::is_pronoun(p));
    let first_person = matches!(pronoun, Some("we" | "i"));
    let mut actor = match pronoun {
        // "we" in a quote: the organisation the speaker speaks for, else the speaker; "I": the
        // speaker.
        Some("we") => speaker.as_deref().map(|n| {
            names
                .affiliation(n)
                .unwrap_or_else(|| names.referent_for_name(n))
        }),
        Some("i") => speaker.as_deref().map(|n| names.referent_for_name(n)),
        // A pronoun in a reported clause is most often the reporting subject: "the party said
        // it would not raise fees", "the minister said he hopes to".
        Some(p)
            if reported
                && speaker.as_deref().is_some_and(|n| {
                    let person = names.is_person(n);
                    if matches!(p, "he" | "she") {
                        person
                    } else {
                        !person
                    }
                }) =>
        {
            speaker.as_deref().map(|n| names.referent_for_name(n))
        }
        Some(p) => names.antecedent(p, doc.tokens[c.first].span.start),
        None => subject.and_then(|s| names.resolve(s)),
    };
    if actor.as_ref().is_some_and(|a| clause::is_pronoun(&a.name)) {
        actor = None;
    }
    // Wishes count only when the actor says them of itself ("wants to" by others is a guess).
    if DESIRES.contains(&trigger_lower.as_str())
        && speaker.is_some()
        && !first_person
        && actor.as_ref().map(|a| &a.name) != speaker.as_ref()
    {
        return None;
    }
    // "what they want to eat": a wish inside a relative clause describes, it does not state.
    if let Some(s) = subject {
        let t = doc.token_at_or_after(s.start);
        if t > floor
            && matches!(
                lower(doc, t - 1).as_str(),
                "what" | "whatever" | "how" | "whom" | "where"
            )
        {
            return None;
        }
    }
    // "does not want to", "no longer plans to": not a commitment either way.
    if c.kind == CommitmentKind::Intent
        && c.first > floor
        && matches!(
            lower(doc, c.first - 1).as_str(),
            "not" | "n't" | "never" | "longer"
        )
    {
        return None;
    }
    if c.mode == Mode::Modal
        && !first_person
        && (near..c.first).any(|i| PREDICTION_WORDS.contains(&lower(doc, i).as_str()))
    {
        return None;
    }
    let actor_ok = first_person
        || match (&actor, subject) {
            (Some(a), Some(s)) => is_actor(doc, names, s, a),
            _ => false,
        };
    if !actor_ok {
        match c.mode {
            Mode::Modal => return None,
            // "there are no plans for ...", said by someone: the speaker's.
            Mode::Plain if speaker.is_some() && subject.is_none() => {
                actor = speaker.as_deref().map(|n| names.referent_for_name(n));
            }
            // A signed deal with no subject still binds its parties; other triggers with no
            // actor, or common ones ("is to", "plans to") after a non-actor, are dropped.
            Mode::Deal if subject.is_none() => {}
            _ if subject.is_none() || is_plain_to(&trigger_lower) => return None,
            _ => {}
        }
    }
    // A pronoun nobody in the article answers to ("you are going to"): no identifiable actor.
    if actor.is_none() && pronoun.is_some() && !first_person {
        return None;
    }

    // "agreed to" by one actor is a pledge; with a partner ("with Y") or a group, an agreement.
    let mut members = actor
        .as_ref()
        .map(|a| a.members.clone())
        .unwrap_or_default();
    let is_group = actor
        .as_ref()
        .is_some_and(|a| a.label.as_deref() == Some("GROUP"));
    if matches!(trigger_lower.as_str(), "agreed to" | "agrees to") && is_group {
        kind = CommitmentKind::Agreement;
    }
    if kind == CommitmentKind::Agreement
        && let Some(partner) = partner_after(doc, names, c.end, end)
    {
        if let Some(a) = &actor
            && members.is_empty()
        {
            members.push(a.name.clone());
        }
        if !members.contains(&partner) {
            members.push(partner);
        }
    }

    // Span: from the subject when it is close, to the end of the action.
    let action_end = action_end(doc, action_start, end);
    let span_first = match subject {
        Some(s) => {
            let t = doc.token_at_or_after(s.start);
            if t >= floor && t <= c.first && c.first - t <= 12 {
                t
            } else {
                c.first
            }
        }
        None => c.first,
    };
    let span_last = action_end.max(c.end);
    let span = Span::new(
        doc.tokens[span_first].span.start,
        doc.tokens[span_last - 1].span.end,
    );
    let action = if action_end > action_start {
        doc.slice(Span::new(
            doc.tokens[action_start].span.start,
            doc.tokens[action_end - 1].span.end,
        ))
        .to_string()
    } else {
        String::new()
    };
    let trigger = doc
        .slice(Span::new(
            doc.tokens[c.first].span.start,
            doc.tokens[c.end - 1].span.end,
        ))
        .to_string();
    let negated = kind == CommitmentKind::Refusal
        || trigger_lower.contains("not")
        || trigger_lower.contains("n't")
        || trigger_lower.contains("n’t")
        || trigger_lower.contains("never");
    if negated {
        kind = CommitmentKind::Refusal;
    }
    // The condition is looked for near the commitment only (a window of the sentence), so a
    // run-on sentence with many triggers costs linear time.
    let window_end = (span_last + 25).min(end);
    let window = Span::new(
        doc.tokens[near].span.start,
        doc.tokens[window_end - 1].span.end,
    );
    let base = window.start;
    let condition = CONDITION.find(doc.slice(window)).and_then(|m| {
        let from = base + m.start();
        let t = doc.token_at_or_after(from);
        // A match inside the window's last token ("o'if": a word boundary after the
        // apostrophe) leaves no token for the condition to start at.
        if t >= window_end {
            return None;
        }
        let mut stop = t;
        while stop < window_end
            && !matches!(doc.token_text(stop), "," | ";" | "." | ":")
            && !is_quote_mark(doc.token_text(stop))
        {
            stop += 1;
        }
        let stop = stop.max(t + 1).min(window_end);
        Some(
            doc.slice(Span::new(
                doc.tokens[t].span.start,
                doc.tokens[stop - 1].span.end,
            ))
            .to_string(),
        )
    });
    let deadline = {
        let from = doc.tokens[c.first].span.start;
        let to = doc.tokens[span_last.max(c.end).min(end) - 1].span.end;
        let region = doc.slice(Span::new(from, to));
        DEADLINE.find(region).map(|m| m.as_str().to_string())
    };
    let actor = actor.map(|a| Actor {
        name: a.name,
        label: a.label,
        members,
    });
    Some(Commitment {
        span,
        sentence: si,
        trigger,
        kind,
        actor,
        speaker,
        action,
        negated,
        condition,
        deadline,
    })
}

/// "we're" -> "we", "I'm" -> "i", "they’ll" -> "they"; other words as they are.
fn pronoun_stem(word: &str) -> &str {
    for suffix in [
        "'ll", "’ll", "'re", "’re", "'m", "’m", "'ve", "’ve", "'d", "’d",
    ] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// Triggers like "is to" and "plans to" that are too common to stand without a real actor.
fn is_plain_to(trigger: &str) -> bool {
    matches!(
        trigger,
        "is to"
            | "are to"
            | "plans to"
            | "plan to"
            | "wants to"
            | "want to"
            | "hopes to"
            | "hope to"
            | "aims to"
            | "aim to"
            | "is set to"
            | "are set to"
            | "is due to"
            | "are due to"
            | "offered to"
            | "offers to"
            | "seeks to"
            | "agreed to"
            | "agrees to"
            | "wanted to"
            | "hoped to"
            | "planned to"
            | "aimed to"
            | "intended to"
    )
}

fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}" | "'"
    )
}

/// The quote whose content holds `span`. Quotes come sorted by start and do not nest, so the
/// last one starting at or before `span` is the only one that can hold it.
fn quote_holding(quotes: &[Quote], span: Span) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.span.start <= span.start);
    quotes[..i]
        .iter()
        .rev()
        .take(3)
        .find(|q| q.span.contains(span))
}

/// The subject of the trigger: the noun phrase before it, looking past a possessive
/// ("its intention of") and a participle's comma ("..., with both leaders reaffirming").
fn subject_of(doc: &Document, floor: usize, c: &Candidate) -> Option<Span> {
    let t = doc.token_text(c.first);
    if t.ends_with("'ll") || t.ends_with("’ll") {
        return Some(doc.tokens[c.first].span);
    }
    // "the mayor's refusal to": the possessor.
    if c.first > floor + 1 && matches!(doc.token_text(c.first - 1), "'s" | "’s") {
        return clause::noun_phrase_ending_at(doc, floor, c.first - 1);
    }
    // "It hopes to ... and will try to", "... and are already planning on": the subject of the
    // first verb, opening the sentence.
    let mut before = c.first;
    while before > floor + 1
        && matches!(
            lower(doc, before - 1).as_str(),
            "also" | "already" | "now" | "still" | "are" | "is" | "has" | "have" | "then"
        )
    {
        before -= 1;
    }
    if before > floor + 1 && matches!(lower(doc, before - 1).as_str(), "and" | "but") {
        return clause::sentence_subject(doc, floor, c.first);
    }
    if let Some(s) = clause::subject_before(doc, floor, c.first) {
        return Some(s);
    }
    // "has indicated its intention of": the subject of the verb before the possessive.
    if c.first > floor + 1
        && matches!(
            lower(doc, c.first - 1).as_str(),
            "its" | "their" | "his" | "her" | "our"
        )
    {
        let verb = c.first - 2;
        return clause::subject_before(doc, floor, verb);
    }
    None
}

/// Whether the resolved subject can commit itself: a name, a resolved pronoun, a group, or a
/// phrase headed by an actor noun ("the government"); not "prices" or "the match".
fn is_actor(doc: &Document, names: &Names, subject: Span, actor: &Referent) -> bool {
    let text = doc.slice(subject);
    let lower = text.to_lowercase();
    if clause::is_pronoun(&lower) {
        // Resolved to a name (or the speaker), not left as a bare pronoun.
        return !clause::is_pronoun(&actor.name.to_lowercase());
    }
    if let Some(label) = &actor.label {
        // Laws, events, works and dates do not commit themselves.
        return matches!(label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP" | "GROUP");
    }
    let head = lower.split_whitespace().last().unwrap_or("");
    let head = head.trim_end_matches("’s").trim_end_matches("'s");
    if ACTOR_NOUNS.contains(head) {
        return true;
    }
    // A capitalised name ("Acme Corp", "Ruritania"), but not a common noun that is capitalised
    // only because it opens the sentence ("Prices").
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    if THINGS.contains(last) {
        return false;
    }
    if !last.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if !names.is_name_head(subject) {
        // "What will happen": a capitalised function word, not a name.
        return false;
    }
    let sentence_initial = doc
        .sentence_at(subject.start)
        .is_some_and(|s| doc.sentences[s].span.start == subject.start);
    !(words.len() == 1 && sentence_initial && !names.is_name_word(last))
}

/// "a deal with Globex": the partner of an agreement.
fn partner_after(doc: &Document, names: &Names, from: usize, end: usize) -> Option<String> {
    let with = (from..(from + 8).min(end)).find(|&i| lower(doc, i) == "with")?;
    let (np, _) = clause::noun_phrase_starting_at(doc, with + 1, end)?;
    let r = names.resolve(np)?;
    r.name
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(r.name)
}

/// Where the action phrase ends: before the clause's punctuation, a quote mark, or a new
/// clause, at most 14 tokens on.
fn action_end(doc: &Document, start: usize, end: usize) -> usize {
    let mut i = start;
    let limit = (start + 14).min(end);
    while i < limit {
        let t = doc.token_text(i);
        if matches!(
            t,
            "," | ";" | ":" | "." | "(" | ")" | "?" | "!" | "\u{2014}"
        ) || is_quote_mark(t)
        {
            break;
        }
        if matches!(t, "but" | "while" | "which" | "whereas" | "although") {
            break;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::EntityType;
    use crate::extract::quotes;
    use crate::extract::testing::entity;

    #[test]
    fn trigger_and_actor_lists_parse() {
        let n = lexicon::entries(include_str!("../lexicon/data/commitments_triggers.txt"))
            .inspect(|f| {
                assert!(CommitmentKind::parse(f[1]).is_some(), "{f:?}");
                assert!(
                    f.len() == 2 || matches!(f[2], "modal" | "deal" | "to" | "obj"),
                    "{f:?}"
                );
            })
            .count();
        assert_eq!(n, TRIGGERS.len());
        assert!(ACTOR_NOUNS.contains("government"));
        assert!(
            lexicon::words(include_str!("../lexicon/data/commitments_actor_nouns.txt"))
                .all(|w| w == w.to_lowercase())
        );
    }

    struct Got {
        trigger: String,
        action: String,
        kind: &'static str,
        actor: Option<String>,
        speaker: Option<String>,
        negated: bool,
        condition: Option<String>,
        deadline: Option<String>,
        members: Vec<String>,
        label: Option<String>,
    }

    fn run(text: &str, entities: &[Entity]) -> Vec<Got> {
        let doc = Document::new(text);
        let layer = Layer::new(&doc);
        let qs = quotes::extract(&doc, &layer, entities);
        extract(&doc, &layer, entities, &qs)
            .into_iter()
            .map(|c| Got {
                trigger: c.trigger,
                action: c.action,
                kind: c.kind.as_str(),
                actor: c.actor.as_ref().map(|a| a.name.clone()),
                members: c
                    .actor
                    .as_ref()
                    .map(|a| a.members.clone())
                    .unwrap_or_default(),
                label: c.actor.and_then(|a| a.label),
                speaker: c.speaker,
                negated: c.negated,
                condition: c.condition,
                deadline: c.deadline,
            })
            .collect()
    }

    #[test]
    fn commitments_found() {
        // (text, trigger, kind, actor, speaker)
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            (
                "The ministry pledged to cut fees by 2030.",
                "pledged to",
                "pledge",
                "The ministry",
                None,
            ),
            (
                "Anna Berg said the government will build a bridge.",
                "will",
                "pledge",
                "the government",
                Some("Anna Berg"),
            ),
            (
                "Mr Tom Reed spoke. He vowed not to raise taxes.",
                "vowed not to",
                "refusal",
                "Tom Reed",
                None,
            ),
            (
                "The two firms agreed to merge their networks.",
                "agreed to",
                "agreement",
                "The two firms",
                None,
            ),
            (
                "Acme Corp has signed a deal with Globex to supply engines.",
                "has signed",
                "agreement",
                "Acme Corp",
                None,
            ),
            (
                "The company reaffirmed its commitment to the plan.",
                "reaffirmed",
                "reaffirmation",
                "The company",
                None,
            ),
            (
                "The minister ruled out a referendum.",
                "ruled out",
                "refusal",
                "The minister",
                None,
            ),
            (
                "Troops from Ruritania left. Ruritania is prepared to send more.",
                "is prepared to",
                "intent",
                "Ruritania",
                None,
            ),
            (
                "The council plans to open a school next year.",
                "plans to",
                "intent",
                "The council",
                None,
            ),
        ];
        for (text, trigger, kind, actor, speaker) in cases {
            let got = run(text, &[]);
            assert_eq!(
                got.len(),
                1,
                "{text}: {:?}",
                got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
            );
            let g = &got[0];
            assert_eq!(g.trigger, *trigger, "{text}");
            assert_eq!(g.kind, *kind, "{text}");
            assert_eq!(g.actor.as_deref(), Some(*actor), "{text}");
            assert_eq!(g.speaker.as_deref(), *speaker, "{text}");
            assert_eq!(g.negated, *kind == "refusal", "{text}");
        }
    }

    #[test]
    fn actors_from_speech() {
        // (text, trigger, kind, actor, speaker)
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            // A pronoun in a reported clause is the reporting subject.
            (
                "Last year the Green Party said it would not raise the levy.",
                "would not",
                "refusal",
                "Green Party",
                Some("Green Party"),
            ),
            // "we" in a direct quote is the speaker.
            (
                "\"We will cut fees,\" said Mr Ivo Lind.",
                "will",
                "pledge",
                "Ivo Lind",
                Some("Ivo Lind"),
            ),
            // Announced participation is intent.
            (
                "Trade envoy Ana Reyes will visit Oslo next week.",
                "will",
                "intent",
                "Ana Reyes",
                None,
            ),
        ];
        for (text, trigger, kind, actor, speaker) in cases {
            let got = run(text, &[]);
            assert_eq!(got.len(), 1, "{text}");
            let g = &got[0];
            assert_eq!(
                (
                    g.trigger.as_str(),
                    g.kind,
                    g.actor.as_deref(),
                    g.speaker.as_deref()
                ),
                (*trigger, *kind, Some(*actor), *speaker),
                "{text}"
            );
        }
        let got = run("Trade envoy Ana Reyes will visit Oslo next week.", &[]);
        assert_eq!(got[0].deadline.as_deref(), Some("next week"));
    }

    #[test]
    fn we_is_the_speakers_organisation() {
        let text = "Acme Foods chief executive Jo Marsh spoke on Monday. \"We will open ten shops,\" Ms Marsh said.";
        let got = run(text, &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].actor.as_deref(), Some("Acme Foods"));
        assert_eq!(got[0].speaker.as_deref(), Some("Jo Marsh"));
        // Without an organisation in the article, "we" is the speaker.
        let got = run("\"We will open ten shops,\" said Jo Marsh.", &[]);
        assert_eq!(got[0].actor.as_deref(), Some("Jo Marsh"));
    }

    #[test]
    fn headlines() {
        for (text, trigger, kind, actor) in [
            (
                "Rosa Diaz to attend summit\n\nThe summit opens in Lima.",
                "to",
                "intent",
                "Rosa Diaz",
            ),
            (
                "Acme plans new plant\n\nAcme builds cars in Ohio.",
                "plans",
                "intent",
                "Acme",
            ),
        ] {
            let got = run(text, &[]);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(
                (
                    got[0].trigger.as_str(),
                    got[0].kind,
                    got[0].actor.as_deref()
                ),
                (trigger, kind, Some(actor)),
                "{text}"
            );
        }
        // Outside a headline "plans" with an object is a noun or a past report, not a marker.
        assert!(run("Acme said on Monday that its plans changed.", &[]).is_empty());
    }

    #[test]
    fn not_commitments() {
        for text in [
            "The union urged the firm to raise wages.",
            "There was pressure on the ministry to ensure that exports do not rise.",
            "The spokesman declined to comment.",
            "Analysts expect the bank will raise rates.",
            "Prices will rise next year.",
            "The match will be played on Sunday.",
            "Will the minister resign?",
            "If the council wins, it will build a school.",
            "The company built a plant in 1998.",
            "The firm is said to be considering a sale.",
            "The minister rejected claims that he lied.",
            // "would" outside reported speech is a hypothetical; a wish reported by someone
            // else is a guess; silence now is not a refusal.
            "The council would build a school with more money.",
            "What will happen next is unclear.",
            "Shoppers buy what they want to eat.",
            "The striker will miss the cup final.",
            "Fans watched What Would Jesus Buy on Friday.",
            "Mr Ivo Lind said the mayor wants to resign.",
            "The minister would not comment on the report.",
        ] {
            let got = run(text, &[]);
            assert!(
                got.is_empty(),
                "{text}: {:?}",
                got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn condition_and_deadline() {
        let got = run("The union will strike unless the offer improves.", &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].condition.as_deref(),
            Some("unless the offer improves")
        );
        let got = run("The council will open the school within six months.", &[]);
        assert_eq!(got[0].deadline.as_deref(), Some("within six months"));
        let got = run("The board will decide by the end of next year.", &[]);
        assert_eq!(got[0].deadline.as_deref(), Some("by the end of next year"));
    }

    const SEED: &str = include_str!("../../fixtures/seed-xi-putin.txt");

    fn check_seed(got: &[Got], xi: &str, putin: &str) {
        let intent = got
            .iter()
            .find(|g| g.trigger == "is prepared to")
            .expect("Xi's statement that China is prepared to work with Russia");
        assert_eq!(intent.kind, "intent");
        assert_eq!(intent.actor.as_deref(), Some("China"));
        assert_eq!(intent.speaker.as_deref(), Some(xi));
        let re = got
            .iter()
            .find(|g| g.kind == "reaffirmation")
            .expect("the leaders' reaffirmed commitment");
        assert_eq!(re.actor.as_deref(), Some("both leaders"));
        assert_eq!(re.label.as_deref(), Some("GROUP"));
        assert_eq!(re.members, [xi, putin]);
        let ag = got
            .iter()
            .find(|g| g.kind == "agreement")
            .expect("the signed joint statement");
        assert_eq!(ag.trigger, "signed");
        assert_eq!(ag.label.as_deref(), Some("GROUP"));
        assert_eq!(ag.members, [xi, putin]);
        // "pressure on China to ensure ..." is a demand on China, not its commitment.
        assert!(got.iter().all(|g| !g.action.contains("ensure")));
        assert_eq!(
            got.len(),
            3,
            "{:?}",
            got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
        );
    }

    #[test]
    fn seed_fixture_without_entities() {
        let got = run(SEED, &[]);
        check_seed(&got, "Xi Jinping", "Vladimir Putin");
        let doc = Document::new(SEED);
        let qs = quotes::extract(&doc, &Layer::new(&doc), &[]);
        let stated = qs
            .iter()
            .find(|q| q.cue.as_deref() == Some("stated"))
            .expect("Xi stated that ...");
        assert_eq!(stated.kind, quotes::QuoteKind::Reported);
        assert_eq!(stated.speaker.as_deref(), Some("Xi Jinping"));
        assert!(
            doc.slice(stated.span)
                .starts_with("China is prepared to work with Russia")
        );
        // The other report is the lede's "according to state media Xinhua"; ", adding urgency
        // to their discussions" attributes nothing.
        let cues: Vec<&str> = qs.iter().filter_map(|q| q.cue.as_deref()).collect();
        assert_eq!(cues, ["according to", "stated"]);
        let ag = got.iter().find(|g| g.kind == "agreement").unwrap();
        assert!(
            ag.action
                .starts_with("deepen their comprehensive strategic partnership")
        );
    }

    #[test]
    fn seed_fixture_with_entities() {
        let doc = Document::new(SEED);
        let ents = vec![
            entity(
                "Xi Jinping",
                EntityType::Person,
                &doc,
                &["Xi Jinping", "Xi"],
            ),
            entity(
                "Vladimir Putin",
                EntityType::Person,
                &doc,
                &["Vladimir Putin", "Putin"],
            ),
            entity("China", EntityType::Gpe, &doc, &["China"]),
            entity("Russia", EntityType::Gpe, &doc, &["Russia"]),
        ];
        let got = run(SEED, &ents);
        check_seed(&got, "Xi Jinping", "Vladimir Putin");
        let intent = got.iter().find(|g| g.trigger == "is prepared to").unwrap();
        assert_eq!(intent.label.as_deref(), Some("GPE"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "will ".repeat(3000) + &"\"we'll\" ".repeat(500);
        // One run-on sentence with thousands of triggers and conditions: must stay linear.
        let run_on = "Mr Smith said that if asked the government will build ".repeat(3000);
        for text in [
            "will",
            "We'll",
            "signed",
            "refused to",
            "\u{1F642} will go",
            "is to",
            long.as_str(),
            run_on.as_str(),
            "If",
            "’ll",
        ] {
            let _ = run(text, &[]);
        }
    }

    #[test]
    fn condition_word_inside_the_last_token() {
        // "o'if" is one token, but the condition pattern's word boundary falls after its
        // apostrophe: a match in the window's last token has no token to start the condition.
        for (text, condition) in [
            ("China will act o'if", None),
            ("China will act o\u{2019}if", None),
            ("China will act if asked.", Some("if asked")),
        ] {
            let got = crate::analyze(text, &crate::Sections::all()).commitments;
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].condition.as_deref(), condition, "{text}");
        }
    }
}

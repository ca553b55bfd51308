//! Stated commitments: who promised, agreed, intends, reaffirmed or refused to do what.
//!
//! The rules read the analysis layer ([`crate::analysis::Layer`]). Finding is separate from
//! checking: triggers written as lemmas with their frame (`commitments_triggers.txt`: "pledge
//! to", "be prepared to", "no plan to", "rule out", "sign", "will") find the candidates over
//! the token table; then the named rejection rules (`Reject`, tried in order) read the
//! clause analysis: is the trigger's clause a question, a condition, a wh-clause; is it
//! embedded under a verb of belief or of demand; is a future the actor's own word, a named
//! speaker's for a body, or the narrator's announcement of a named actor's plan. The actor is
//! the subject the clause layer finds (an infinitive's understood subject, a relative
//! pronoun's antecedent, a possessor), resolved by the document's one resolver
//! ([`Names`]); the speaker comes from the quote that holds the trigger, else from the speech
//! verb whose clause embeds it. Each commitment names the rule that found it (`rule`).

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::analysis::clauses::{
    Embedder, Form, Link, MAX_WALK, Phrase, SubjectHow, Tense, VerbGroup,
};
use crate::analysis::references::{self, Names, Referent};
use crate::analysis::tagger::FnvMap;
use crate::analysis::{Clauses, Layer, Tag, Tokens, WordClasses};
use crate::doc::{Document, Span, TokenKind};
use crate::extract::entities::Entity;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitmentKind {
    Pledge,
    Agreement,
    Intent,
    Reaffirmation,
    Refusal,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 5] = [
        CommitmentKind::Pledge,
        CommitmentKind::Agreement,
        CommitmentKind::Intent,
        CommitmentKind::Reaffirmation,
        CommitmentKind::Refusal,
    ];

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
    /// The entity the actor is (an index into the document's entities), if any.
    pub entity: Option<usize>,
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
    /// The entity the speaker is (an index into the document's entities), if any.
    pub speaker_entity: Option<usize>,
    /// The committed action, a short verb phrase from the text.
    pub action: String,
    pub negated: bool,
    pub condition: Option<String>,
    pub deadline: Option<String>,
    /// The rule that found it: its frame and, for a future, whose voice states it
    /// ("to-infinitive", "future-quoted", "future-reported", "future-announced", "object",
    /// "deal", "of-ing", "plain", "headline").
    pub rule: &'static str,
}

/// What must follow a trigger (the data file's third field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    /// A "to"-infinitive: the committed action ("agreed to allow").
    To,
    /// An "-ing" form ("no intention of leaving").
    Ing,
    /// A noun phrase: what is committed to or refused ("ruled out a vote").
    Object,
    /// A noun of a binding agreement within a few words ("signed a treaty").
    Deal,
    /// A future modal; its verb group is the action.
    Modal,
    /// A present progressive of a planned act ("is joining the board", "is not running
    /// for reelection"); its verb group is the action.
    Progressive,
    /// Nothing in particular ("reaffirmed").
    Plain,
}

/// One line of `commitments_triggers.txt`.
#[derive(Clone, Debug)]
struct Trigger {
    /// Lemmas (or lower-case forms), in order.
    words: Vec<&'static str>,
    kind: CommitmentKind,
    frame: Frame,
    /// A wish: a commitment only when the actor states it of itself.
    desire: bool,
    /// Too common to stand without an actor that can commit itself.
    common: bool,
    /// A plan only with a time to come after it ("is visiting Paris next week").
    dated: bool,
    /// An act of offering that stands when told in the past ("offered to help").
    act: bool,
}

/// The triggers by first word, longest first.
static TRIGGERS: LazyLock<FnvMap<&'static str, Vec<Trigger>>> = LazyLock::new(|| {
    let mut map: FnvMap<&'static str, Vec<Trigger>> = FnvMap::default();
    for f in lexicon::entries(include_str!("../lexicon/data/commitments_triggers.txt")) {
        let (Some(kind), Some(frame)) = (
            f.get(1).and_then(|k| CommitmentKind::parse(k)),
            f.get(2).and_then(|m| parse_frame(m)),
        ) else {
            debug_assert!(false, "bad trigger line {f:?}");
            continue;
        };
        let flags: Vec<&str> = f.get(3).map_or(Vec::new(), |s| s.split(' ').collect());
        let words: Vec<&'static str> = f[0].split(' ').filter(|w| !w.is_empty()).collect();
        let Some(&first) = words.first() else {
            continue;
        };
        map.entry(first).or_default().push(Trigger {
            words,
            kind,
            frame,
            desire: flags.contains(&"desire"),
            common: flags.contains(&"common"),
            dated: flags.contains(&"dated"),
            act: flags.contains(&"act"),
        });
    }
    for list in map.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    map
});

fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "to" => Frame::To,
        "ing" => Frame::Ing,
        "obj" => Frame::Object,
        "deal" => Frame::Deal,
        "modal" => Frame::Modal,
        "prog" => Frame::Progressive,
        "plain" => Frame::Plain,
        _ => return None,
    })
}

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

/// A pattern compiled on first need: until it is compiled, a cheap test of the text (every
/// match holds one of a few words) decides whether the text needs it; once compiled, the
/// pattern alone runs, as the test would then only cost time.
struct Gated {
    cell: OnceLock<Regex>,
    build: fn() -> Regex,
}

impl Gated {
    const fn new(build: fn() -> Regex) -> Gated {
        Gated {
            cell: OnceLock::new(),
            build,
        }
    }

    /// The pattern, compiled if need be.
    fn regex(&self) -> &Regex {
        self.cell.get_or_init(self.build)
    }

    /// The pattern, unless it is not compiled yet and `may_match` says `text` has no match.
    fn for_text(&self, text: &str, may_match: impl FnOnce(&str) -> bool) -> Option<&Regex> {
        match self.cell.get() {
            Some(r) => Some(r),
            None => may_match(text).then(|| self.regex()),
        }
    }
}

static DEADLINE: Gated = Gated::new(|| {
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

/// Words of which every match of [`DEADLINE`] holds one, unless it holds a digit: its units
/// and periods ("day" also stands for the weekdays and "today"), the months, "tomorrow" and
/// "tonight". Compiling the pattern costs about 19 M instructions (more than analysing a
/// short article), so it is compiled only for a text that could match it.
const DEADLINE_WORDS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "decade",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "parliament",
    "term",
    "season",
    "quarter",
    "century",
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
    "tomorrow",
    "tonight",
];

/// Whether `text` could hold a match of [`DEADLINE`]. `\d` is a Unicode digit, so any
/// numeric character lets the pattern run.
fn deadline_may_match(text: &str) -> bool {
    text.chars().any(char::is_numeric) || DEADLINE_WORDS.iter().any(|w| text.contains(w))
}

/// The first deadline written in `text` ("by the end of next year", "within six months").
fn deadline_in(text: &str) -> Option<&str> {
    let m = DEADLINE.for_text(text, deadline_may_match)?.find(text)?;
    Some(m.as_str())
}

/// Words of which every match of [`FUTURE_TIME`] holds one (see [`DEADLINE_WORDS`]).
const FUTURE_TIME_WORDS: &[&str] = &[
    "week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "day", "later",
    "tomorrow", "tonight",
];

/// Whether `text` could hold a match of [`FUTURE_TIME`].
fn future_time_may_match(text: &str) -> bool {
    FUTURE_TIME_WORDS.iter().any(|w| text.contains(w))
}

/// Whether `text` names a time to come (see [`FUTURE_TIME`]).
fn names_future_time(text: &str) -> bool {
    FUTURE_TIME
        .for_text(text, future_time_may_match)
        .is_some_and(|r| r.is_match(text))
}

/// A time to come: "next week", "tomorrow", "later this month", "on Monday".
static FUTURE_TIME: Gated = Gated::new(|| {
    let day = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    let pattern = format!(
        r"\b(?:(?:next|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter|{day})|this\s+(?:weekend|{day})|later\s+(?:today|this\s+\w+|in\s+the\s+\w+)|tomorrow|tonight|on\s+(?:{day}))\b"
    );
    Regex::new(&pattern).expect("future time pattern compiles")
});

/// Pieces of which every match of [`CONDITION`] holds one, in any ASCII case: none holds an
/// `s` or a `k`, the letters with a non-ASCII case variant ("ſ", the Kelvin sign), so the
/// test is exact. The pattern is compiled only for a text that could match it.
const CONDITION_PIECES: &[&[u8]] = &[
    b"if",
    b"unle",
    b"provid",
    b"long a",
    b"condition that",
    b"return for",
];

/// Whether `text` could hold a match of [`CONDITION`].
fn condition_may_match(text: &str) -> bool {
    let bytes = text.as_bytes();
    CONDITION_PIECES
        .iter()
        .any(|p| bytes.windows(p.len()).any(|w| w.eq_ignore_ascii_case(p)))
}

/// The first condition word in `text` ("if", "unless", "provided that", "as long as").
fn condition_in(text: &str) -> Option<regex::Match<'_>> {
    CONDITION.for_text(text, condition_may_match)?.find(text)
}

static CONDITION: Gated = Gated::new(|| {
    Regex::new(r"(?i)\b(?:if|unless|provided(?: that)?|providing|as long as|so long as|on condition that|in return for)\b")
        .expect("condition pattern compiles")
});

pub fn extract(
    doc: &Document,
    layer: &Layer,
    entities: &[Entity],
    quotes: &[Quote],
) -> Vec<Commitment> {
    extract_with(
        doc,
        layer,
        &mut Names::with_layer(doc, layer, entities),
        quotes,
    )
}

/// As [`extract`], with the document's resolver (which the pipeline shares with the quote
/// extractor).
pub fn extract_with(
    doc: &Document,
    layer: &Layer,
    names: &mut Names,
    quotes: &[Quote],
) -> Vec<Commitment> {
    names.set_excluded(
        quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect(),
    );
    let finder = Finder {
        doc,
        t: &layer.tokens,
        clauses: &layer.clauses,
        names,
        quotes,
    };
    let mut out = Vec::new();
    for si in 0..doc.sentences.len() {
        finder.sentence(si, &mut out);
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
    frame: Frame,
    desire: bool,
    common: bool,
    dated: bool,
    act: bool,
    /// "not" came before the trigger's "to" ("vowed not to").
    not_to: bool,
    /// Found by a headline rule ("Minister to attend summit").
    headline: bool,
}

/// Everything the rules read about one candidate.
struct Context<'c> {
    c: &'c Candidate,
    si: usize,
    floor: usize,
    end: usize,
    /// The verb group that holds the trigger (for a noun trigger, the verb that governs it).
    group: Option<VerbGroup>,
    /// The verb group of the committed action, when the trigger takes one.
    action: Option<VerbGroup>,
    /// Where the action starts.
    action_start: usize,
    /// The speaker: the quote's, else the subject of the speech verb that embeds the clause.
    speaker: Option<String>,
    /// Inside reported speech (a reported quote, or a clause under a speech verb).
    reported: bool,
    /// Inside a direct quote.
    direct: bool,
    subject: Option<Span>,
    /// The subject phrase's head token.
    subject_head: Option<usize>,
    /// The subject as a pronoun stem ("we" for "we'll"), when it is one.
    pronoun: Option<String>,
    first_person: bool,
    actor: Option<Referent>,
    /// The speech verb's subject is a number or share of people ("two-thirds said"): a poll.
    speaker_generic: bool,
}

/// Why a candidate is not a commitment. Each is a statement about how English news is
/// written, with its test in `each_rule_rejects_its_shape`. [`Finder::reject`] tries them
/// roughly in this order (some are tried at two places: a future's own checks come with the
/// frame rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reject {
    /// A question states no commitment ("Will the minister resign?").
    Question,
    /// Inside an "if"/"unless" clause: a hypothetical ("If the mayor pledges to resign, ...").
    Conditional,
    /// A trigger written with a capital inside a sentence, part of a title ("What Would
    /// Jesus Buy").
    Title,
    /// Inside a clause opened by "what", "how", "why" ...: it describes, it does not state
    /// ("what they want to eat", "how she will respond").
    WhClause,
    /// A generic actor ("any voter who refuses to", "candidates who reject"), a number of
    /// unnamed people ("one official will"), or a poll ("two-thirds said they will").
    Generic,
    /// Under a verb or word of belief or expectation, or hedged: a forecast ("analysts
    /// expect the bank will", "is expected to", "will probably").
    Forecast,
    /// Under a verb or noun of demand: someone else's demand ("urged the firm to").
    Demand,
    /// A refusal negated ("did not rule out", "has not rejected"): the door is left open.
    NegatedRefusal,
    /// Declining to speak now is not a refusal to act ("declined to comment").
    Silence,
    /// A passive trigger commits nobody ("the offer was rejected").
    PassiveTrigger,
    /// Rejecting or repeating what someone said or demanded ("rejected claims that",
    /// "reiterated calls for").
    Denial,
    /// What happens rather than what someone does: "will be", "will have", "will be
    /// played", "will need", "agreed to be taken over", a verb that is no verb.
    NotAnAct,
    /// A future stated in someone's voice about someone else, or in the narrator's voice
    /// about a pronoun, a class of people, a statement to come, or negated: a forecast, not a
    /// commitment.
    NotTheActorsWord,
    /// "have to", "need to": an obligation, not a commitment.
    Obligation,
    /// "would" and past intents ("wanted to") count only as reported speech.
    PastIntent,
    /// "no longer wants to": neither a commitment nor a refusal. ("does not want to", "is
    /// not prepared to" are refusals.)
    NegatedIntent,
    /// A common trigger ("is to", "aims to") after a subject that cannot act ("the scheme").
    NoActor,
    /// A wish that someone else reports ("X said the mayor wants to"), or that the narrator
    /// ascribes to a pronoun.
    OthersWish,
    /// What the actor held back from: "stopped short of committing to", "without pledging
    /// to", "instead of promising".
    Withheld,
    /// A degree of readiness, not a statement of it: "more willing to", "less determined
    /// to", "increasingly ready to".
    Degree,
}

/// The rule that accepted a commitment, as shown in the output's `rule` field.
fn rule_name(c: &Candidate, ctx: &Context) -> &'static str {
    if c.headline {
        return "headline";
    }
    match c.frame {
        Frame::Modal if ctx.direct => "future-quoted",
        Frame::Modal if ctx.reported => "future-reported",
        Frame::Modal => "future-announced",
        Frame::To => "to-infinitive",
        Frame::Ing => "of-ing",
        Frame::Object => "object",
        Frame::Deal => "deal",
        Frame::Plain => "plain",
        Frame::Progressive => "progressive",
    }
}

struct Finder<'a> {
    doc: &'a Document,
    t: &'a Tokens,
    clauses: &'a Clauses,
    names: &'a Names<'a>,
    quotes: &'a [Quote],
}

impl<'a> Finder<'a> {
    /// The candidates of sentence `si`, in text order: the longest trigger at each token, and
    /// in a headline the headline shapes.
    fn candidates(&self, si: usize) -> Vec<Candidate> {
        let sent = &self.doc.sentences[si];
        let (floor, end) = (sent.tokens.start, sent.tokens.end);
        let mut candidates = Vec::new();
        let mut i = floor;
        while i < end {
            match self.trigger_at(i, end) {
                Some(c) => {
                    let next = c.end;
                    candidates.push(c);
                    i = next;
                }
                None => i += 1,
            }
        }
        if floor < end && self.doc.title.is_some_and(|t| t.contains(sent.span)) {
            self.headline(floor, end, &mut candidates);
            candidates.sort_by_key(|c| c.first);
        }
        candidates
    }

    fn sentence(&self, si: usize, out: &mut Vec<Commitment>) {
        let sent = &self.doc.sentences[si];
        let (floor, end) = (sent.tokens.start, sent.tokens.end);
        if floor >= end {
            return;
        }
        let candidates = self.candidates(si);
        let mut last_end = floor;
        // The subject of the last commitment found in this sentence.
        let mut found_subject = None;
        for c in candidates {
            if c.first < last_end {
                continue;
            }
            // "The council is ready to act ..., aiming to cut ...": an "-ing" clause that goes
            // on from a commitment with the same subject elaborates it.
            let elaborates = self.clauses.group_at(c.first).is_some_and(|g| {
                g.form == Form::Gerund
                    && g.subject.is_some_and(|s| {
                        s.how == SubjectHow::Shared && Some(s.phrase) == found_subject
                    })
            });
            if elaborates {
                continue;
            }
            if let Some((found, action_end)) = self.check(si, &c) {
                found_subject = self
                    .clauses
                    .group_at(c.first)
                    .and_then(|g| g.subject)
                    .map(|s| s.phrase);
                // A trigger inside the action ("is to restate") is part of this commitment.
                last_end = c.end.max(action_end);
                out.push(found);
            }
        }
    }

    /// Whether token `i` is the trigger word `w` (by lemma or by form).
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.t.lemma(i) == w
            || self.t.lower(i) == w
            || (w == "will" && self.t.tag(i) == Tag::PRP && self.t.lower(i).ends_with("'ll"))
            || (w == "would" && self.t.tag(i) == Tag::PRP && self.t.lower(i).ends_with("'d"))
    }

    /// The longest trigger starting at token `i`.
    fn trigger_at(&self, i: usize, end: usize) -> Option<Candidate> {
        let keys = [
            self.t.lemma(i),
            self.t.lower(i),
            if self.is_word(i, "will") {
                "will"
            } else if self.is_word(i, "would") {
                "would"
            } else {
                ""
            },
        ];
        for key in keys.iter().filter(|k| !k.is_empty()) {
            let Some(list) = TRIGGERS.get(key) else {
                continue;
            };
            for trig in list {
                if let Some((stop, not_to)) = self.match_rest(i, end, &trig.words[1..]) {
                    // A modal, a pronoun holding one ("we'll"), or the "going" of a future
                    // the clause layer found ("are going to cut").
                    let future_going = self.clauses.group_at(i).is_some_and(|g| {
                        g.modal == Some(i) && g.tense == Tense::Future && self.t.lemma(i) == "go"
                    });
                    if trig.frame == Frame::Progressive && self.progressive_verb(i, stop).is_none()
                    {
                        continue;
                    }
                    if trig.frame == Frame::Modal
                        && !(self.t.tag(i) == Tag::MD
                            || self.is_word(i, "will")
                            || self.is_word(i, "would")
                            || future_going)
                    {
                        continue;
                    }
                    return Some(Candidate {
                        first: i,
                        end: stop,
                        kind: if not_to {
                            CommitmentKind::Refusal
                        } else {
                            trig.kind
                        },
                        frame: trig.frame,
                        desire: trig.desire,
                        common: trig.common,
                        dated: trig.dated,
                        act: trig.act,
                        not_to,
                        headline: false,
                    });
                }
            }
        }
        None
    }

    /// The "-ing" verb of a present progressive trigger from `i` ("is" or "are", not "was",
    /// "will be" or "being") to `stop`.
    fn progressive_verb(&self, i: usize, stop: usize) -> Option<usize> {
        let present = matches!(self.t.tag(i), Tag::VBZ | Tag::VBP)
            && !(i > 0 && self.t.tag(i - 1) == Tag::MD);
        present
            .then(|| (i + 1..stop).find(|&k| self.t.tag(k) == Tag::VBG))
            .flatten()
    }

    /// Matches `rest` after token `i`, skipping up to two adverbs, negators, determiners or
    /// possessives before each word. Returns one past the last word, and whether a negator
    /// came right before a final "to".
    fn match_rest(&self, i: usize, end: usize, rest: &[&str]) -> Option<(usize, bool)> {
        let mut j = i + 1;
        let mut not_to = false;
        for w in rest {
            let mut skipped = 0;
            let mut negated = false;
            let after_be = self.t.has(j - 1, WordClasses::BE);
            // "pledged on Monday to", "decided last month not to": a time phrase may stand
            // between the trigger's verb and its "to" (not after "be": "is in May to").
            if *w == "to"
                && !after_be
                && j < end
                && !self.is_word(j, w)
                && let Some(after) = self.time_phrase_end(j, end)
            {
                j = after;
            }
            while j < end && !self.is_word(j, w) && skipped < 2 {
                let tag = self.t.tag(j);
                let negator = self.t.has(j, WordClasses::NEGATOR);
                // "renewed its commitment": a determiner before a noun of the trigger; after
                // "be" one adverb ("is also to") or "not" before a word ("is not prepared
                // to"), but never "not to" ("is not to be").
                let skippable = if after_be {
                    (tag.is_adverb() || negator) && (!negator || *w != "to") && skipped == 0
                } else {
                    tag.is_adverb()
                        || negator
                        || (matches!(tag, Tag::DT | Tag::PRPS | Tag::JJ)
                            && j + 1 < end
                            && self.t.tag(j + 1).is_noun())
                };
                if !skippable || tag == Tag::WRB {
                    return None;
                }
                negated |= negator;
                j += 1;
                skipped += 1;
            }
            if j >= end || !self.is_word(j, w) {
                return None;
            }
            not_to = negated && *w == "to";
            j += 1;
        }
        Some((j, not_to))
    }

    /// One past a time phrase starting at `j` ("on Monday", "in April 2004", "last week",
    /// "yesterday"), at most five tokens; `None` when none starts there.
    fn time_phrase_end(&self, j: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let timely = |k: usize| {
            t.classes(k)
                .intersects(WordClasses::WEEKDAY | WordClasses::MONTH | WordClasses::TIME)
        };
        let mut k = j;
        if matches!(
            t.lower(k),
            "on" | "in" | "at" | "during" | "last" | "next" | "this" | "earlier"
        ) {
            k += 1;
        }
        let first = k;
        while k < end
            && k - j < 5
            && (timely(k)
                || (k > first && t.tag(k) == Tag::CD)
                || (k == first && t.tag(k) == Tag::DT))
        {
            k += 1;
        }
        // At least one word of time, and something taken.
        ((first..k).any(timely) && k > j).then_some(k)
    }

    /// Headlines drop the verb: "Minister to attend summit" is an announced intent, and
    /// "Council plans new school" a plan.
    fn headline(&self, floor: usize, end: usize, out: &mut Vec<Candidate>) {
        let doc = self.doc;
        let upper = |i: usize| written_upper(doc.token_text(i));
        let lower_word = |i: usize| {
            doc.tokens[i].kind == TokenKind::Word
                && doc
                    .token_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        };
        for i in floor + 1..end.saturating_sub(1) {
            let candidate = |kind, frame| Candidate {
                first: i,
                end: i + 1,
                kind,
                frame,
                desire: false,
                common: false,
                dated: false,
                act: false,
                not_to: false,
                headline: true,
            };
            if self.t.lower(i) == "to" && upper(i - 1) && lower_word(i + 1) {
                out.push(candidate(CommitmentKind::Intent, Frame::To));
            }
            // A headline's present tense with a plain object.
            let kind = match self.t.lower(i) {
                "plans" => CommitmentKind::Intent,
                "pledges" | "vows" | "promises" => CommitmentKind::Pledge,
                _ => continue,
            };
            if upper(i - 1) && lower_word(i + 1) && self.t.lower(i + 1) != "to" {
                out.push(candidate(kind, Frame::Plain));
            }
        }
    }

    /// The verb group that governs token `i` of a noun trigger: the verb whose object or
    /// complement holds it ("has no plans to", "made a promise to"), or the "be" of "the aim
    /// is to".
    fn governing_group(
        &self,
        c: &Candidate,
        floor: usize,
        sentence_end: usize,
    ) -> Option<VerbGroup> {
        // "we'll fight": the group after the pronoun that holds the modal (in this sentence).
        if self.t.tag(c.first) == Tag::PRP {
            return self
                .clauses
                .group_at(c.first + 1)
                .filter(|g| g.start > c.first && g.start < sentence_end)
                .copied();
        }
        // The trigger's own verb, not the infinitive its "to" opens.
        let own = (c.first..c.end).find_map(|k| {
            self.clauses
                .group_at(k)
                .filter(|g| !(g.form == Form::Infinitive && self.t.tag(g.start) == Tag::TO))
        });
        if let Some(g) = own {
            return Some(*g);
        }
        let start = self.clauses.phrase_at(c.first).map_or(c.first, |p| p.start);
        let mut k = start;
        while k > floor && start - k < 3 {
            k -= 1;
            if let Some(g) = self.clauses.group_at(k) {
                return Some(*g);
            }
            if !self.t.tag(k).is_adverb() {
                break;
            }
        }
        None
    }

    /// The subject of the trigger: a possessor inside a noun trigger's phrase ("its plans
    /// to", "the mayor's refusal to"), else the subject of its verb group.
    /// Returns the subject's span and its head token.
    fn subject(
        &self,
        c: &Candidate,
        group: Option<&VerbGroup>,
        floor: usize,
    ) -> Option<(Span, usize)> {
        let doc = self.doc;
        if self.t.tag(c.first) == Tag::PRP {
            return Some((doc.tokens[c.first].span, c.first));
        }
        // An adjective of readiness with no "be": after the noun it describes ("the only
        // candidate ready to act"), or opening the sentence before its subject ("Ready to
        // act, the council met").
        let adjective = self.t.tag(c.first).is_adjective() || self.t.tag(c.first) == Tag::VBN;
        if adjective && self.clauses.group_at(c.first).is_none() {
            let phrase = if c.first == floor {
                let sentence_end = doc.sentences[doc.sentence_at(doc.tokens[floor].span.start)?]
                    .tokens
                    .end;
                let comma = (c.end..sentence_end).find(|&k| doc.token_text(k) == ",")?;
                self.clauses
                    .main_subject(self.t, comma + 1, sentence_end)
                    .filter(|p| p.start == comma + 1)?
            } else {
                self.clauses
                    .phrase_at(c.first - 1)
                    .filter(|p| p.end == c.first && p.start >= floor)?
            };
            let span = Span::new(
                doc.tokens[phrase.start].span.start,
                doc.tokens[phrase.end - 1].span.end,
            );
            return Some((span, phrase.head));
        }
        if self.clauses.group_at(c.first).is_none()
            && let Some(p) = self.clauses.phrase_at(c.first)
        {
            if let Some(pos) = (p.start..c.first).find(|&k| self.t.tag(k) == Tag::POS)
                && pos > p.start
            {
                let span = Span::new(doc.tokens[p.start].span.start, doc.tokens[pos - 1].span.end);
                return Some((span, pos - 1));
            }
            if let Some(k) = (p.start..c.first).find(|&k| self.t.tag(k) == Tag::PRPS) {
                // "The senators expressed their willingness to", "the firm announced its
                // plans to": under a verb of saying the possessive is the speaker.
                if let Some(g) = group.filter(|g| self.t.has(g.head, WordClasses::SPEECH))
                    && let Some(s) = self.clauses.subject_referent(self.t, g)
                    && s.start >= floor
                    && s.end <= p.start
                    && self.t.tag(s.head) != Tag::PRP
                {
                    let span = Span::new(
                        doc.tokens[s.start].span.start,
                        doc.tokens[s.end - 1].span.end,
                    );
                    return Some((span, s.head));
                }
                return Some((doc.tokens[k].span, k));
            }
        }
        let phrase = self.clauses.subject_referent(self.t, group?)?;
        if phrase.start < floor {
            return None;
        }
        let span = Span::new(
            doc.tokens[phrase.start].span.start,
            doc.tokens[phrase.end - 1].span.end,
        );
        Some((span, phrase.head))
    }

    /// The speech verb group that embeds `group`, if any, before a verb of belief does.
    fn speech_embedder(&self, group: &VerbGroup) -> Option<VerbGroup> {
        self.clauses
            .embedders(group)
            .find(|g| self.t.has(g.head, WordClasses::SPEECH))
            .copied()
    }

    /// A verb or word of belief, expectation or demand above the trigger's clause.
    fn embedded_in(&self, group: &VerbGroup, class: WordClasses) -> bool {
        let mut next = group.embedded_by;
        let mut link = group.link;
        for _ in 0..MAX_WALK {
            match next {
                Some(Embedder::Verb(g)) => {
                    let up = &self.clauses.groups[g];
                    // "we expect to finish": an expectation of one's own act is an intent;
                    // "is expected to", "expect the bank to" are forecasts.
                    let own = class == WordClasses::THOUGHT
                        && link == Some(Link::To)
                        && !up.passive
                        && up.object.is_none();
                    if self.t.has(up.head, class) && !own {
                        return true;
                    }
                    // Belief and demand reach through "said" no further: "X said analysts
                    // expect" is the analysts' forecast; "analysts expect X said" is rare.
                    if self.t.has(up.head, WordClasses::SPEECH)
                        && !self.t.has(up.head, WordClasses::THOUGHT)
                    {
                        return false;
                    }
                    next = up.embedded_by;
                    link = up.link;
                }
                Some(Embedder::Word(w)) => return self.t.has(w, class),
                None => return false,
            }
        }
        false
    }

    fn context<'c>(&self, si: usize, c: &'c Candidate) -> Context<'c>
    where
        'a: 'c,
    {
        let doc = self.doc;
        let sent = &doc.sentences[si];
        let (floor, end) = (sent.tokens.start, sent.tokens.end);
        let group = if c.headline {
            None
        } else {
            self.governing_group(c, floor, end)
        };
        // "pledged to 'promote ...'": a quotation mark may open the action.
        let after = if c.end < end && self.t.has(c.end, WordClasses::QUOTE) {
            c.end + 1
        } else {
            c.end
        };
        // "no plans to either address": an adverb may split the infinitive.
        let split = (after..end.min(after + 3))
            .find(|&k| !(self.t.tag(k).is_adverb() || self.t.lower(k) == "either"))
            .unwrap_or(after);
        let action = match c.frame {
            Frame::To => self
                .clauses
                .group_at(c.end.saturating_sub(1))
                .filter(|g| g.form == Form::Infinitive)
                .or_else(|| self.clauses.group_at(after))
                .or_else(|| self.clauses.group_at(split))
                .copied(),
            Frame::Modal => group,
            Frame::Progressive => self
                .progressive_verb(c.first, c.end)
                .and_then(|v| self.clauses.group_at(v))
                .copied(),
            _ => None,
        };
        let action_start = match (c.frame, action) {
            (Frame::Modal, Some(a)) => {
                // The action starts at the main verb, past the modal and adverbs.
                let mut k = c.end;
                while k < a.head && !self.t.tag(k).is_verb() {
                    k += 1;
                }
                k.max(c.end)
            }
            (Frame::Progressive, Some(_)) => self.progressive_verb(c.first, c.end).unwrap_or(c.end),
            _ => c.end,
        };
        let quote = quote_holding(self.quotes, doc.tokens[c.first].span);
        let direct = quote.is_some_and(|q| q.kind == QuoteKind::Direct);
        let clause = group.or(action);
        let speech = clause.as_ref().and_then(|g| self.speech_embedder(g));
        let speaker = quote.and_then(|q| q.speaker.clone()).or_else(|| {
            let s = speech?.subject?;
            let phrase = if s.how == SubjectHow::Relative {
                speech?.antecedent?
            } else {
                s.phrase
            };
            let span = Span::new(
                doc.tokens[phrase.start].span.start,
                doc.tokens[phrase.end - 1].span.end,
            );
            self.names.resolve(span).map(|r| r.name)
        });
        let reported = quote.is_some_and(|q| q.kind == QuoteKind::Reported) || speech.is_some();
        let speaker_generic = speech.and_then(|g| g.subject).is_some_and(|s| {
            (s.phrase.start..s.phrase.end).any(|k| self.t.tag(k) == Tag::CD)
                || matches!(
                    self.t.lemma(s.phrase.head),
                    "percent" | "%" | "quarter" | "third" | "half" | "majority" | "minority"
                )
        });
        let found = self.subject(c, group.as_ref(), floor);
        let subject = found.map(|f| f.0);
        let subject_head = found.map(|f| f.1);
        let pronoun = subject
            .map(|s| pronoun_stem(&doc.slice(s).to_lowercase()))
            .filter(|p| references::is_pronoun(p));
        let first_person = matches!(pronoun.as_deref(), Some("we" | "i" | "our" | "my"));
        let names = self.names;
        let mut actor = match pronoun.as_deref() {
            // "we" in a quote: the organisation the speaker speaks for, else the speaker; "I":
            // the speaker.
            Some("we" | "our") => speaker.as_deref().map(|n| {
                names
                    .affiliation(n)
                    .unwrap_or_else(|| names.referent_for_name(n))
            }),
            Some("i" | "my") => speaker.as_deref().map(|n| names.referent_for_name(n)),
            // A pronoun in a reported clause is most often the reporting subject: "the party
            // said it would not raise fees", "the minister said he hopes to".
            Some(p)
                if reported
                    && speaker.as_deref().is_some_and(|n| {
                        let person = names.is_person(n);
                        if matches!(p, "he" | "she" | "his" | "her") {
                            person
                        } else {
                            !person
                        }
                    }) =>
            {
                speaker.as_deref().map(|n| names.referent_for_name(n))
            }
            Some(p) => names.antecedent(p, doc.tokens[c.first].span.start),
            // "The senator vowed to": a role the article gives no one is the story's
            // person or body of that kind, as for a speaker; not the one who speaks of it
            // ("Ivo Lind said the mayor wants to"), and a capitalised one ("The Queen") is
            // an office of its own.
            None => subject.and_then(|s| {
                let head = subject_head.map_or("", |h| doc.token_text(h));
                let plain = names.resolve(s);
                if written_upper(head) || plain.as_ref().is_some_and(|r| r.entity.is_some()) {
                    return plain;
                }
                names
                    .resolve_speaker(s)
                    .filter(|r| speaker.as_deref() != Some(r.name.as_str()))
                    .or(plain)
            }),
        };
        if actor
            .as_ref()
            .is_some_and(|a| references::is_pronoun(&a.name))
        {
            actor = None;
        }
        Context {
            c,
            si,
            floor,
            end,
            group,
            action,
            action_start,
            speaker,
            reported,
            direct,
            subject,
            subject_head,
            pronoun,
            first_person,
            actor,
            speaker_generic,
        }
    }

    /// The first rule that says the candidate is not a commitment.
    fn reject(&self, ctx: &Context) -> Option<Reject> {
        let c = ctx.c;
        let t = self.t;
        let group = ctx.group.as_ref();
        let clause = group.or(ctx.action.as_ref());
        let last = self.doc.token_text(ctx.end - 1);
        if last.contains('?') || clause.is_some_and(|g| g.question) {
            return Some(Reject::Question);
        }
        if clause.is_some_and(|g| g.conditional) || ctx.action.is_some_and(|a| a.conditional) {
            return Some(Reject::Conditional);
        }
        // "What Would Jesus Buy", "Leaders Sign Pact": a trigger written with a capital inside
        // a sentence belongs to a title, whose words the rules cannot read.
        let written = self.doc.token_text(c.first);
        if !c.headline
            && c.first > ctx.floor
            && written_upper(written)
            && !written.contains('\'')
            && !written.contains('\u{2019}')
        {
            return Some(Reject::Title);
        }
        if self.opened_by_wh(ctx) || self.in_whether_clause(ctx) {
            return Some(Reject::WhClause);
        }
        if self.withheld(ctx) {
            return Some(Reject::Withheld);
        }
        if c.first > ctx.floor
            && (t.tag(c.first).is_adjective() || t.tag(c.first) == Tag::VBN)
            && (matches!(
                t.lower(c.first - 1),
                "more" | "less" | "increasingly" | "too"
            ) || (c.first + 1 < c.end && t.lower(c.first + 1) == "enough"))
        {
            return Some(Reject::Degree);
        }
        // "any voter who refuses to", "one official will": a generic or unnamed actor.
        if let Some(s) = ctx.subject {
            let k = self.doc.token_at_or_after(s.start);
            // A number of unnamed people ("one official", "two voters"), not of bodies
            // ("200 countries signed").
            let counted = t.tag(k) == Tag::CD
                && ctx.subject_head.is_some_and(|h| {
                    h != k && !t.tag(h).is_proper_noun() && t.has(h, WordClasses::PERSON_NOUN)
                });
            // "candidates who reject Wall Street money": a relative clause that defines a
            // class of people named by a bare plural noun.
            let class = ctx.group.is_some_and(|g| {
                g.relative
                    && g.subject.is_some_and(|s| s.how == SubjectHow::Relative)
                    && g.antecedent.is_some_and(|a| {
                        t.tag(a.head) == Tag::NNS
                            && !t.has(a.start, WordClasses::DETERMINER)
                            && !t.tag(a.start).is_proper_noun()
                            && t.tag(a.start) != Tag::PRPS
                            && t.tag(a.start) != Tag::CD
                    })
            });
            // "someone willing to", "anyone who refuses to": an indefinite pronoun.
            let indefinite =
                t.has(k, WordClasses::INDEFINITE) && k == ctx.subject_head.unwrap_or(k);
            if matches!(t.lower(k), "any" | "every" | "each") || counted || class || indefinite {
                return Some(Reject::Generic);
            }
        }
        let phrase_start = self.clauses.phrase_at(c.first).map_or(c.first, |p| p.start);
        let hedged = |g: &VerbGroup| {
            (g.start.saturating_sub(2).max(ctx.floor)..g.end)
                .chain(phrase_start..c.first)
                .any(|k| t.has(k, WordClasses::HEDGE))
        };
        if clause.is_some_and(|g| self.embedded_in(g, WordClasses::THOUGHT) || hedged(g))
            || ctx
                .action
                .is_some_and(|a| self.embedded_in(&a, WordClasses::THOUGHT) && c.frame != Frame::To)
        {
            return Some(Reject::Forecast);
        }
        let demanded =
            |g: &VerbGroup| g.link == Some(Link::To) && self.embedded_in(g, WordClasses::DIRECTIVE);
        // "is expected to", "was thought to": a passive of belief.
        if c.frame == Frame::To
            && group.is_some_and(|g| g.passive && t.has(g.head, WordClasses::THOUGHT))
        {
            return Some(Reject::Forecast);
        }
        if c.kind != CommitmentKind::Refusal && clause.is_some_and(demanded) {
            return Some(Reject::Demand);
        }
        // "did not rule out", "has not rejected": no refusal, and no commitment either.
        if c.kind == CommitmentKind::Refusal
            && !c.not_to
            && c.frame != Frame::Modal
            && group.is_some_and(|g| g.negated)
        {
            return Some(Reject::NegatedRefusal);
        }
        if c.kind == CommitmentKind::Refusal
            && let Some(a) = ctx.action
            && t.has(a.head, WordClasses::SILENCE)
        {
            return Some(Reject::Silence);
        }
        if matches!(c.frame, Frame::Object | Frame::Deal) && group.is_some_and(|g| g.passive) {
            return Some(Reject::PassiveTrigger);
        }
        // "the pledged assets", "a promise": a thing committed to needs the verb.
        if c.frame == Frame::Object
            && (self.clauses.group_at(c.first).is_none()
                || (c.first > ctx.floor && matches!(t.tag(c.first - 1), Tag::DT | Tag::PRPS)))
        {
            return Some(Reject::NotAnAct);
        }
        if c.frame == Frame::Object {
            let k = self.after_trigger(c.end, ctx.end);
            let head = self.clauses.phrase_at(k).map_or(k, |p| p.head);
            if k >= ctx.end
                || self.clauses.phrase_at(k).is_none()
                || t.has(head, WordClasses::ASSERTION)
                || t.has(head, WordClasses::SPEECH)
            {
                return Some(Reject::Denial);
            }
        }
        if c.frame == Frame::Deal {
            let deal = (c.end..(c.end + 7).min(ctx.end))
                .any(|k| t.has(k, WordClasses::DEAL) && t.tag(k).is_noun());
            if !deal {
                return Some(Reject::NotAnAct);
            }
        }
        match c.frame {
            Frame::Modal => {
                if let Some(r) = self.future_rules(ctx) {
                    return Some(r);
                }
            }
            // "is joining the board": a plan, when the actor announces it or the narrator
            // names the actor; "who is visiting", "is now touring" describe what goes on.
            Frame::Progressive => {
                let ongoing = |g: &VerbGroup| {
                    g.relative
                        || (g.start..g.end).any(|k| {
                            matches!(t.lower(k), "now" | "currently" | "still" | "already")
                        })
                };
                if ctx.action.is_none_or(|a| ongoing(&a) || a.passive) {
                    return Some(Reject::NotAnAct);
                }
                // "is attending the summit": under way, unless a time to come follows.
                // The time is looked for in the clause: up to a comma or semicolon.
                let doc = self.doc;
                let clause_end = (c.end..ctx.end)
                    .find(|&k| matches!(doc.token_text(k), "," | ";"))
                    .unwrap_or(ctx.end);
                let rest = Span::new(
                    doc.tokens[c.end - 1].span.end,
                    doc.tokens[clause_end.max(c.end) - 1].span.end,
                );
                if c.dated && !names_future_time(doc.slice(rest)) {
                    return Some(Reject::NotAnAct);
                }
                if let Some(r) = self.voice(ctx, false, false) {
                    return Some(r);
                }
            }
            Frame::To | Frame::Ing => {
                let k = c.end;
                let verb_ok = match c.frame {
                    Frame::Ing => k < ctx.end && t.tag(k) == Tag::VBG,
                    _ => {
                        ctx.action.is_some_and(|a| t.tag(a.head).is_verb())
                            || (t.lemma(c.first) == "commit" || t.lower(c.first) == "committed")
                    }
                };
                if !verb_ok || self.is_be_to_be(ctx) {
                    return Some(Reject::NotAnAct);
                }
                if let Some(a) = ctx.action {
                    // "agreed to be acquired", "is to be raised": someone else acts.
                    let commit = t.lemma(c.first) == "commit";
                    // "looks to see if": a common trigger before a verb of what happens.
                    let happens = c.common
                        && t.has(a.head, WordClasses::NONVOLITIONAL)
                        && !self.acting(a.head, ctx.end);
                    if (a.passive && !commit) || happens {
                        return Some(Reject::NotAnAct);
                    }
                }
            }
            _ => {}
        }
        // "reiterated calls for", "restated its claim": repeating a demand or a claim is no
        // commitment.
        if c.kind == CommitmentKind::Reaffirmation {
            let k = self.after_trigger(c.end, ctx.end);
            let head = self.clauses.phrase_at(k).map(|p| p.head);
            if head.is_some_and(|h| {
                t.has(h, WordClasses::DIRECTIVE)
                    || t.has(h, WordClasses::ASSERTION)
                    || t.has(h, WordClasses::SPEECH)
            }) {
                return Some(Reject::Denial);
            }
        }
        // "we have to be willing to", "they need to promise": an obligation, not a commitment.
        if clause.is_some_and(|g| {
            matches!(g.embedded_by, Some(Embedder::Verb(up))
                if g.link == Some(Link::To)
                    && matches!(t.lemma(self.clauses.groups[up].head), "have" | "need"))
        }) {
            return Some(Reject::Obligation);
        }
        // "she'll be eager to prove", "he'll be looking to": a future of an intent is read
        // like any future.
        if c.frame != Frame::Modal
            && group.is_some_and(|g| g.tense == Tense::Future)
            && let Some(r) = self.voice(ctx, false, group.is_some_and(|g| g.negated))
        {
            return Some(r);
        }
        let past = group.is_some_and(|g| g.tense == Tense::Past);
        // "expressed a willingness to", "announced plans to": a noun trigger that a verb of
        // saying governs was stated, whatever the tense.
        let stated = group.is_some_and(|g| {
            t.tag(c.first).is_noun()
                && !(c.first..c.end).contains(&g.head)
                && t.has(g.head, WordClasses::SPEECH)
        });
        if c.kind == CommitmentKind::Intent
            && !c.headline
            && !c.act
            && past
            && !ctx.reported
            && !stated
        {
            return Some(Reject::PastIntent);
        }
        // "no longer plans to": neither a commitment nor a refusal.
        if c.kind == CommitmentKind::Intent
            && c.first > ctx.floor
            && t.lower(c.first - 1) == "longer"
        {
            return Some(Reject::NegatedIntent);
        }
        // "its science-rejecting stance", "a much-promised reform": a trigger inside a
        // hyphenated compound modifies a noun; nobody acts.
        if c.first > ctx.floor + 1
            && t.tag(c.first - 1) == Tag::Hyph
            && self.clauses.group_at(c.first).is_none()
        {
            return Some(Reject::NotAnAct);
        }
        // "Plans to extend leave should be ...": a trigger noun that is itself the subject of
        // another verb names a plan; it does not state one.
        if t.tag(c.first).is_noun()
            && let Some(p) = self.clauses.phrase_at(c.first)
            && self.subject_of_other_verb(p, c, ctx)
        {
            return Some(Reject::NotAnAct);
        }
        // "The second trick is to", "The scheme aims to": a common trigger needs a subject
        // that can act: a name, a pronoun, or a noun of a body or group.
        if c.common
            && let Some(head) = ctx.subject_head
            && !(t.tag(head).is_proper_noun()
                || t.has(head, WordClasses::PRONOUN)
                || t.classes(head)
                    .intersects(WordClasses::AGENT | WordClasses::ACTOR))
        {
            return Some(Reject::NoActor);
        }
        // "they want to lose": a wish the narrator ascribes to a pronoun is a guess (a
        // company's "it hopes to" is its stated aim).
        if c.desire
            && !ctx.reported
            && !ctx.direct
            && ctx.pronoun.is_some()
            && !(matches!(ctx.pronoun.as_deref(), Some("it" | "its"))
                && ctx
                    .actor
                    .as_ref()
                    .is_some_and(|r| r.label.as_deref() == Some("ORG")))
        {
            return Some(Reject::OthersWish);
        }
        if c.desire
            && ctx.speaker.is_some()
            && !ctx.first_person
            && ctx.actor.as_ref().map(|a| &a.name) != ctx.speaker.as_ref()
        {
            return Some(Reject::OthersWish);
        }
        None
    }

    /// Whether phrase `p` is the subject of a verb group outside the trigger ("Plans to X
    /// should be ...", but not the "is" of "the aim is to").
    fn subject_of_other_verb(&self, p: Phrase, c: &Candidate, ctx: &Context) -> bool {
        (p.end..ctx.end.min(p.end + MAX_WALK))
            .filter_map(|k| self.clauses.group_at(k))
            .filter(|g| !(c.first..c.end).contains(&g.head))
            .find(|g| g.subject.is_some() && g.form == Form::Finite)
            .is_some_and(|g| {
                g.subject
                    .is_some_and(|s| s.phrase.start <= p.start && p.end <= s.phrase.end)
            })
    }

    /// "what they want to", "how she will": the trigger's clause opens with a wh-word that is
    /// not a relative pronoun.
    fn opened_by_wh(&self, ctx: &Context) -> bool {
        let t = self.t;
        let start = ctx
            .group
            .and_then(|g| g.subject)
            .filter(|s| s.how == SubjectHow::Own)
            .map_or(ctx.c.first, |s| s.phrase.start);
        if start <= ctx.floor {
            return false;
        }
        let wh = |k: usize| {
            t.has(k, WordClasses::WH)
                && !matches!(t.lower(k), "who" | "whom" | "whose" | "which" | "that")
                && t.tag(k) != Tag::WDT
        };
        // "how much I'm going to make": the wh-word may quantify a word of its own.
        let k = start - 1;
        wh(k)
            || (k > ctx.floor
                && (t.tag(k).is_adjective() || t.tag(k).is_adverb())
                && t.lower(k - 1) == "how")
    }

    /// "the question is whether the firm will", "asked whether, after the vote, she would":
    /// a clause opened by "whether" (a parenthesis between commas may come before its
    /// subject) asks, it does not state.
    fn in_whether_clause(&self, ctx: &Context) -> bool {
        let t = self.t;
        let start = ctx
            .group
            .or(ctx.action)
            .and_then(|g| g.subject)
            .filter(|s| s.how == SubjectHow::Own)
            .map_or(ctx.c.first, |s| s.phrase.start);
        if start <= ctx.floor {
            return false;
        }
        let mut k = start - 1;
        if t.lower(k) == "," {
            // Back over the parenthesis to its opening comma.
            let Some(open) = (ctx.floor..k)
                .rev()
                .take(MAX_WALK)
                .find(|&j| t.lower(j) == ",")
            else {
                return false;
            };
            if open <= ctx.floor {
                return false;
            }
            k = open - 1;
        }
        t.lower(k) == "whether"
    }

    /// A modal whose verb is left out: the clause ends after it ("he would.", "we will, if").
    fn elided(&self, a: VerbGroup, end: usize) -> bool {
        let t = self.t;
        a.end >= end
            || matches!(
                t.lower(a.end),
                "." | "," | ";" | "!" | "if" | "unless" | "when" | "\u{2014}" | "--"
            )
            || t.has(a.end, WordClasses::CLOSE_QUOTE)
    }

    /// "stopped short of committing to", "without pledging to", "instead of promising": the
    /// trigger is what the actor did not do.
    fn withheld(&self, ctx: &Context) -> bool {
        let t = self.t;
        let k = ctx.c.first;
        if k <= ctx.floor || t.tag(k) != Tag::VBG {
            return false;
        }
        let before = t.lower(k - 1);
        before == "without"
            || (before == "of"
                && k >= ctx.floor + 2
                && matches!(t.lower(k - 2), "short" | "instead"))
    }

    /// "is to be", "are to blame": "be to" with a verb of being is no plan.
    fn is_be_to_be(&self, ctx: &Context) -> bool {
        let t = self.t;
        t.lemma(ctx.c.first) == "be"
            && ctx
                .action
                .is_some_and(|a| t.has(a.head, WordClasses::BE) || t.lemma(a.head) == "blame")
    }

    fn after_trigger(&self, mut k: usize, end: usize) -> usize {
        while k < end && (self.t.tag(k) == Tag::RP || self.t.tag(k).is_adverb()) {
            k += 1;
        }
        k
    }

    /// The rules for a future modal ("will", "'ll", "is going to", "would").
    fn future_rules(&self, ctx: &Context) -> Option<Reject> {
        let t = self.t;
        let c = ctx.c;
        let Some(a) = ctx.action else {
            return Some(Reject::NotAnAct);
        };
        let head = a.head;
        let is_would = t.lemma(c.first) == "would" || t.lower(c.first).ends_with("'d");
        // "Flake said he would.", "I will if I must": the verb is elided; what it stands for
        // was said before. Only in someone's word, where the voice rules decide.
        if a.head == c.first && (ctx.reported || ctx.direct) && self.elided(a, ctx.end) {
            return self.voice(ctx, is_would, a.negated);
        }
        let next = head + 1;
        let acting = self.acting(head, ctx.end);
        // "I would think", "I'd like", "will have a hard time", "he'd be doing": a belief, a
        // wish, a state or a hypothetical.
        let state = t.has(head, WordClasses::THOUGHT)
            || matches!(t.lemma(head), "like" | "love" | "prefer")
            || t.has(head, WordClasses::HAVE)
            || (is_would
                && a.progressive
                && !(ctx.reported && !ctx.direct && t.lemma(head) != "do"));
        if a.head == c.first
            || !t.tag(head).is_verb()
            || a.passive
            || a.perfect
            || state
            || (t.has(head, WordClasses::BE) && !a.progressive)
            || (t.has(head, WordClasses::NONVOLITIONAL) && !acting)
            || written_upper(self.doc.token_text(head))
        {
            return Some(Reject::NotAnAct);
        }
        // "I'll tell you", "we will say more": a statement to come commits to nothing yet;
        // "would have to": an obligation, not a promise.
        if !a.negated
            && ((t.has(head, WordClasses::SILENCE) && t.has(head, WordClasses::SPEECH))
                || t.lemma(head) == "tell"
                || (t.has(head, WordClasses::HAVE) && next < ctx.end && t.tag(next) == Tag::TO))
        {
            return Some(Reject::NotAnAct);
        }
        if a.negated && t.has(head, WordClasses::SILENCE) {
            return Some(Reject::Silence);
        }
        self.voice(ctx, is_would, a.negated)
    }

    /// Whose word a future is: a commitment when the actor states it ("we will", "X said it
    /// will"), or a named speaker states it for a named actor, or the narrator announces a
    /// named actor's plan; not a forecast about someone else. `strict` ("would") asks for the
    /// actor's own reported word.
    fn voice(&self, ctx: &Context, strict: bool, negated: bool) -> Option<Reject> {
        let speaker = ctx.speaker.as_deref();
        let actor = ctx.actor.as_ref().map(|r| r.name.as_str());
        let own = ctx.first_person
            || (actor.is_some() && actor == speaker)
            || speaker
                .and_then(|s| self.names.affiliation(s))
                .is_some_and(|org| Some(org.name.as_str()) == actor);
        if ctx.speaker_generic {
            // "two-thirds said they will vote for X": a poll, not a commitment.
            return Some(Reject::Generic);
        }
        if ctx.direct {
            // In a direct quote the speaker commits "I", "we", or the body they speak for.
            return (!own).then_some(Reject::NotTheActorsWord);
        }
        if ctx.reported && speaker.is_some() {
            // "X said it will": the pronoun is X. "X said the government will": a named
            // speaker speaks for the body it names; "analysts said the bank will" is a
            // forecast.
            let named_speaker = speaker.is_some_and(written_upper);
            // With "would" ("X said the party would ...") only a body the speaker can speak
            // for: an organisation, a group, an institution; a person or a place other than
            // the speaker is a guess ("Putin would recognise", "Texas would derail").
            let bodies: &[&str] = if strict {
                &["ORG", "NORP", "GROUP"]
            } else {
                &["ORG", "GPE", "NORP", "GROUP", "PERSON"]
            };
            let institution = ctx.subject_head.is_some_and(|h| {
                ctx.subject.is_some_and(|s| self.is_institution(s))
                    || (strict
                        && self.t.has(h, WordClasses::AGENT)
                        && self.t.tag(h) == Tag::NNS
                        && !self.bare_plural(ctx))
            });
            let for_named = ctx.pronoun.is_none()
                && named_speaker
                && (ctx
                    .actor
                    .as_ref()
                    .is_some_and(|r| r.label.as_deref().is_some_and(|l| bodies.contains(&l)))
                    || institution);
            return (!(own || for_named)).then_some(Reject::NotTheActorsWord);
        }
        // "news that the union would strike", "the announcement that Acme will close": a
        // plan the story reports as news is the named actor's own.
        let news = |w: usize| {
            matches!(
                self.t.lemma(w),
                "news" | "word" | "announcement" | "confirmation"
            )
        };
        let announced = ctx.group.or(ctx.action).is_some_and(|g| {
            // The tagger may read the "that" as a relative pronoun: the words decide.
            let after_that = g.subject.is_some_and(|s| {
                s.how == SubjectHow::Own
                    && s.phrase.start >= ctx.floor + 2
                    && self.t.lower(s.phrase.start - 1) == "that"
                    && news(s.phrase.start - 2)
            });
            after_that || matches!(g.embedded_by, Some(Embedder::Word(w)) if news(w))
        });
        let named_actor = ctx.pronoun.is_none()
            && (ctx.actor.as_ref().is_some_and(|r| r.label.is_some())
                || ctx
                    .subject_head
                    .is_some_and(|h| self.t.tag(h).is_proper_noun()));
        if announced && named_actor && !negated {
            return None;
        }
        if strict {
            // "would" outside reported speech is a hypothetical.
            return Some(Reject::PastIntent);
        }
        // The narrator's own future: an announced plan of a named actor ("The council will
        // open a school in May", and "it" for a company named before), never a person's
        // pronoun or a negation (those are the narrator's forecasts: "he will not cave").
        let organisation = matches!(ctx.pronoun.as_deref(), Some("it" | "its"))
            && ctx
                .actor
                .as_ref()
                .is_some_and(|r| r.label.as_deref() == Some("ORG"));
        // "Voters will be watching", "the pundits will scoff": a class of people is the
        // narrator's forecast; an announced plan has a named actor or a body.
        let named = ctx.pronoun.is_some()
            || ctx.actor.as_ref().is_some_and(|r| r.label.is_some())
            || ctx
                .subject_head
                .is_some_and(|h| self.t.tag(h).is_proper_noun())
            || ctx.subject.is_some_and(|s| self.is_institution(s));
        // "The agency will announce its figures": a statement to come, not a plan to act.
        let statement = ctx
            .action
            .is_some_and(|a| self.t.has(a.head, WordClasses::SPEECH));
        ((ctx.pronoun.is_some() && !organisation) || negated || !named || statement)
            .then_some(Reject::NotTheActorsWord)
    }

    /// "worried voters", "farmers": a subject that is a plural noun with no determiner,
    /// possessor or name names a class of people, not a body that speaks for itself.
    fn bare_plural(&self, ctx: &Context) -> bool {
        let t = self.t;
        let (Some(s), Some(head)) = (ctx.subject, ctx.subject_head) else {
            return false;
        };
        let first = self.doc.token_at_or_after(s.start);
        t.tag(head) == Tag::NNS
            && (first..head).all(|k| {
                !(t.has(k, WordClasses::DETERMINER)
                    || matches!(t.tag(k), Tag::PRPS | Tag::POS | Tag::CD)
                    || t.tag(k).is_proper_noun())
            })
    }

    /// "the aim is to": the trigger's own noun is the subject of its "be".
    fn subject_is_trigger(&self, ctx: &Context) -> bool {
        ctx.subject_head
            .is_some_and(|head| (ctx.c.first..ctx.c.end).contains(&head))
    }

    /// "will need", "will look tired" say what happens, unless a particle or preposition
    /// makes the verb an act ("will take down", "will look for") or it is taking part ("will
    /// appear in the show", not "will appear to").
    fn acting(&self, head: usize, end: usize) -> bool {
        let t = self.t;
        let next = head + 1;
        next < end
            && (t.tag(next) == Tag::RP
                || self.light_verb_act(head, end)
                || matches!(
                    t.lower(next),
                    "for" | "into" | "at" | "after" | "down" | "over"
                )
                || (t.has(head, WordClasses::PARTICIPATION)
                    && t.tag(next) != Tag::TO
                    && !t.tag(next).is_adjective()))
    }

    /// "take" is an act with an object that is no time or event ("will take action", "take
    /// a role"), not in "will take years", "will take place", "will take effect".
    fn light_verb_act(&self, head: usize, end: usize) -> bool {
        let t = self.t;
        if t.lemma(head) != "take" {
            return false;
        }
        let k = self.after_trigger(head + 1, end);
        let Some(object) = self.clauses.phrase_at(k).filter(|p| p.start == k) else {
            return false;
        };
        let h = object.head;
        !(t.has(h, WordClasses::TIME)
            || matches!(
                t.lemma(h),
                "place" | "effect" | "hold" | "root" | "shape" | "toll"
            )
            || (object.start..object.end).any(|j| t.tag(j) == Tag::CD))
    }

    /// A phrase headed by a noun of an institution ("the ministry", "the council").
    fn is_institution(&self, span: Span) -> bool {
        ends_in_actor_noun(&self.doc.slice(span).to_lowercase())
    }

    /// Every candidate of sentence `si` with the rule that rejects it (`None`: accepted by
    /// the rules; the actor check may still drop it). For the tests of each rule.
    #[cfg(test)]
    fn decisions(&self, si: usize) -> Vec<(String, Option<Reject>)> {
        self.candidates(si)
            .iter()
            .map(|c| {
                let words = Span::new(
                    self.doc.tokens[c.first].span.start,
                    self.doc.tokens[c.end - 1].span.end,
                );
                let why = self.reject(&self.context(si, c));
                (self.doc.slice(words).to_string(), why)
            })
            .collect()
    }

    /// The commitment, and one past its action's verb group.
    fn check(&self, si: usize, c: &Candidate) -> Option<(Commitment, usize)> {
        let ctx = self.context(si, c);
        if self.reject(&ctx).is_some() {
            return None;
        }
        let doc = self.doc;
        let names = self.names;
        let mut actor = ctx.actor.clone();
        // A name, a resolved pronoun, a group, or a noun of people ("the owners", "his wife").
        // (A subject tagged as a name passed the title rule: it is not a capitalised title.)
        let agent_noun = ctx.subject_head.is_some_and(|h| {
            (self.t.has(h, WordClasses::AGENT) && self.t.tag(h).is_noun()
                || self.t.tag(h).is_proper_noun())
                && actor.is_some()
        });
        let actor_ok = ctx.first_person
            || agent_noun
            || match (&actor, ctx.subject) {
                (Some(a), Some(s)) => is_actor(doc, names, s, a),
                _ => false,
            };
        if !actor_ok {
            match c.frame {
                Frame::Modal | Frame::Progressive => return None,
                // "there are no plans for ...", said by someone: the speaker's.
                Frame::Plain | Frame::To
                    if ctx.speaker.is_some()
                        && (ctx.subject.is_none()
                            || self.t.tag(doc.token_at_or_after(ctx.subject?.start))
                                == Tag::EX
                            || self.subject_is_trigger(&ctx)) =>
                {
                    actor = ctx.speaker.as_deref().map(|n| names.referent_for_name(n));
                }
                // A signed deal with no subject still binds its parties; other triggers with
                // no actor, or common ones after a non-actor, are dropped.
                Frame::Deal if ctx.subject.is_none() => {}
                _ if ctx.subject.is_none() && c.headline => {}
                _ if ctx.subject.is_none() || c.common => return None,
                _ => {}
            }
        }
        // A pronoun nobody in the article answers to ("you are going to"): no actor.
        if actor.is_none() && ctx.pronoun.is_some() && !ctx.first_person {
            return None;
        }
        if c.headline && actor.is_none() {
            // "Rosa Diaz to attend": the headline's capitalised name before the trigger.
            let last = c.first - 1;
            let mut k = last;
            while k > ctx.floor
                && last - k < 6
                && written_upper(doc.token_text(k - 1))
                && doc.tokens[k - 1].kind == TokenKind::Word
            {
                k -= 1;
            }
            let span = Span::new(doc.tokens[k].span.start, doc.tokens[last].span.end);
            actor = names.resolve(span);
            actor.as_ref()?;
        }
        let action_end = ctx.action.map_or(c.end, |a| a.end);
        Some((self.build(&ctx, actor), action_end))
    }

    fn build(&self, ctx: &Context, actor: Option<Referent>) -> Commitment {
        let doc = self.doc;
        let t = self.t;
        let c = ctx.c;
        let (floor, end) = (ctx.floor, ctx.end);
        let mut kind = c.kind;
        let action_verb = ctx.action.map(|a| a.head);
        if action_verb.is_some_and(|v| t.has(v, WordClasses::PARTICIPATION))
            && (c.frame == Frame::Modal || t.lemma(c.first) == "be")
            && kind == CommitmentKind::Pledge
        {
            kind = CommitmentKind::Intent;
        }
        let negated = kind == CommitmentKind::Refusal
            || (c.frame == Frame::Modal && ctx.action.is_some_and(|a| a.negated))
            || (kind == CommitmentKind::Intent
                && (ctx.group.is_some_and(|g| g.negated)
                    || (c.first..c.end).any(|k| t.has(k, WordClasses::NEGATOR))));
        if negated {
            kind = CommitmentKind::Refusal;
        }
        // "agreed to" by a group is an agreement; with a partner ("with Y") one too.
        let mut members = actor
            .as_ref()
            .map(|a| a.members.clone())
            .unwrap_or_default();
        let is_group = actor
            .as_ref()
            .is_some_and(|a| a.label.as_deref() == Some("GROUP"));
        if t.lemma(c.first) == "agree" && c.frame == Frame::To && is_group {
            kind = CommitmentKind::Agreement;
        }
        if kind == CommitmentKind::Agreement
            && let Some(partner) = partner_after(doc, self.names, c.end, end)
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
        let action_start = match c.frame {
            Frame::Deal => {
                // "signed a joint statement to deepen ...": the action is what the deal is for.
                let deal = (c.end..(c.end + 7).min(end))
                    .find(|&k| t.has(k, WordClasses::DEAL))
                    .unwrap_or(c.end);
                if deal + 2 < end && t.lower(deal + 1) == "to" {
                    deal + 2
                } else {
                    deal
                }
            }
            _ => ctx.action_start,
        };
        let mut action_end = action_end(doc, action_start, end);
        // "said he would.": the elided verb leaves no action in the text.
        if c.frame == Frame::Modal && ctx.action.is_some_and(|a| a.head == c.first) {
            action_end = action_start;
        }
        // "... to nine months and the aim is to ...": a coordinator that opens a clause with
        // a subject of its own ends the action.
        if let Some(k) = (action_start..action_end).find(|&k| {
            t.tag(k) == Tag::CC
                && self.clauses.group_at(k + 1).is_none()
                && (k + 1..action_end.min(k + 1 + MAX_WALK)).any(|j| {
                    self.clauses
                        .group_at(j)
                        .and_then(|g| g.subject)
                        .is_some_and(|s| s.how == SubjectHow::Own && s.phrase.start == k + 1)
                })
        }) {
            action_end = k;
        }
        // "Her determination to broker a truce is driven by ...": the verb of a subject that
        // stands before the action ends it.
        if let Some(k) = (action_start + 1..action_end).find(|&k| {
            self.clauses.group_at(k).is_some_and(|g| {
                g.start == k
                    && g.form == Form::Finite
                    && g.subject
                        .is_some_and(|s| s.phrase.start < action_start && s.how == SubjectHow::Own)
            })
        }) {
            action_end = k;
        }
        // Span: from the subject when it is close, to the end of the action.
        let span_first = match ctx.subject {
            Some(s) => {
                let k = doc.token_at_or_after(s.start);
                if k >= floor && k <= c.first && c.first - k <= 12 {
                    k
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
        // The trigger as written, with its auxiliaries ("has signed") and, for a modal, its
        // negation ("would not").
        let mut trigger_first = c.first;
        if let Some(g) = ctx.group
            && g.head == c.first
            && g.start < c.first
            && t.tag(g.start) != Tag::TO
        {
            trigger_first = g.start;
        }
        let mut trigger_end = c.end;
        if c.frame == Frame::Modal {
            while trigger_end < end && t.has(trigger_end, WordClasses::NEGATOR) {
                trigger_end += 1;
            }
        }
        let trigger = doc
            .slice(Span::new(
                doc.tokens[trigger_first].span.start,
                doc.tokens[trigger_end - 1].span.end,
            ))
            .to_string();
        let condition = condition_near(doc, floor, c.first, span_last, end);
        // The deadline is looked for in the action: a time inside the trigger ("pledged on
        // Monday to") is when the pledge was made.
        let deadline = {
            let last = span_last.max(c.end).min(end) - 1;
            let first = if action_start <= last {
                action_start
            } else {
                c.first
            };
            let from = doc.tokens[first].span.start;
            let to = doc.tokens[last].span.end;
            deadline_in(doc.slice(Span::new(from, to))).map(str::to_string)
        };
        let rule = rule_name(c, ctx);
        Commitment {
            span,
            sentence: ctx.si,
            trigger,
            kind,
            actor: actor.map(|a| Actor {
                name: a.name,
                label: a.label,
                members,
                entity: a.entity,
            }),
            speaker: ctx.speaker.clone(),
            speaker_entity: ctx
                .speaker
                .as_deref()
                .and_then(|n| self.names.referent_for_name(n).entity),
            action,
            negated,
            condition,
            deadline,
            rule,
        }
    }
}

/// Whether a lower-case phrase ends in a noun of an actor ("the ministry", "the union's"):
/// the token table's `actor` lemma class.
fn ends_in_actor_noun(lower: &str) -> bool {
    let head = lower.split_whitespace().last().unwrap_or("");
    let head = head.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    let lemma = crate::analysis::lemma::lemma(head, Tag::NNS);
    crate::analysis::classes::classify(head, &lemma).contains(WordClasses::ACTOR)
}

/// A word written with a capital inside a sentence ("Buy" in a title).
fn written_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The condition stated near a commitment: "if ...", "unless ...", "provided ...", up to the
/// clause's punctuation. Looked for in a window of the sentence only, so a run-on sentence
/// with many triggers costs linear time.
fn condition_near(
    doc: &Document,
    floor: usize,
    first: usize,
    span_last: usize,
    end: usize,
) -> Option<String> {
    let near = first.saturating_sub(40).max(floor);
    let window_end = (span_last + 25).min(end);
    let window = Span::new(
        doc.tokens[near].span.start,
        doc.tokens[window_end - 1].span.end,
    );
    let m = condition_in(doc.slice(window))?;
    let t = doc.token_at_or_after(window.start + m.start());
    // A match inside the window's last token ("o'if": a word boundary after the apostrophe)
    // leaves no token for the condition to start at.
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
}

/// "we're" -> "we", "I'm" -> "i", "they’ll" -> "they" (the tagger's clitics, after the
/// apostrophe is normalised); other words as they are.
fn pronoun_stem(word: &str) -> String {
    let word = word.replace('\u{2019}', "'");
    match crate::analysis::tagger::split_clitic(&word) {
        Some((stem, clitic)) if clitic != "n't" => stem.to_string(),
        _ => word,
    }
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

/// Whether the resolved subject can commit itself: a name, a resolved pronoun, a group, or a
/// phrase headed by an actor noun ("the government"); not "prices" or "the match".
fn is_actor(doc: &Document, names: &Names, subject: Span, actor: &Referent) -> bool {
    let text = doc.slice(subject);
    let lower = text.to_lowercase();
    if references::is_pronoun(&lower) {
        // Resolved to a name (or the speaker), not left as a bare pronoun.
        return !references::is_pronoun(&actor.name.to_lowercase());
    }
    if let Some(label) = &actor.label {
        // Laws, events, works and dates do not commit themselves.
        return matches!(label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP" | "GROUP");
    }
    if ends_in_actor_noun(&lower) {
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
    let with =
        (from..(from + 8).min(end)).find(|&i| doc.token_text(i).eq_ignore_ascii_case("with"))?;
    let tk = names.tokens()?;
    let p = names.clauses()?.phrase_from(tk, with + 1, end)?;
    let np = Span::new(
        doc.tokens[p.start].span.start,
        doc.tokens[p.end - 1].span.end,
    );
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

    /// The word gates before the time and condition patterns never hide a match: a text the
    /// gate turns away has none, and the gated look-ups give what the patterns alone give.
    #[test]
    fn time_gates_keep_every_match() {
        // (text, the deadline found, whether the gate lets the text through)
        let cases: &[(&str, Option<&str>, bool)] = &[
            (
                "finish the bridge by the end of next year",
                Some("by the end of next year"),
                true,
            ),
            (
                "cut taxes within six months",
                Some("within six months"),
                true,
            ),
            ("open the line by 2031", Some("by 2031"), true),
            ("sign the deal on 4 March", Some("on 4 March"), true),
            ("vote on Thursday", Some("on Thursday"), true),
            ("report back later today", Some("later today"), true),
            ("leave tomorrow", Some("tomorrow"), true),
            ("hold talks over the coming weeks", None, true),
            (
                "hold talks over the coming two weeks",
                Some("over the coming two weeks"),
                true,
            ),
            ("close the plant in the autumn", Some("in the autumn"), true),
            // Arabic-Indic digits are digits to the pattern.
            (
                "finish by \u{0662}\u{0660}\u{0663}\u{0660}",
                Some("by \u{0662}\u{0660}\u{0663}\u{0660}"),
                true,
            ),
            ("raise the wage for all workers", None, false),
            ("build more homes", None, false),
            ("\u{201c}keep the promise\u{201d}", None, false),
            ("act in the interest of the country", None, false),
        ];
        for &(text, want, gate) in cases {
            assert_eq!(deadline_may_match(text), gate, "{text}");
            assert_eq!(
                DEADLINE.regex().find(text).map(|m| m.as_str()),
                want,
                "{text}"
            );
            assert_eq!(deadline_in(text), want, "{text}");
        }
        let future: &[(&str, bool, bool)] = &[
            ("the summit next week", true, true),
            ("talks later this month", true, true),
            ("the meeting on Friday", true, true),
            ("the meeting tonight", true, true),
            ("the summit in Paris", false, false),
            ("the talks with the union", false, false),
        ];
        for &(text, want, gate) in future {
            assert_eq!(future_time_may_match(text), gate, "{text}");
            assert_eq!(FUTURE_TIME.regex().is_match(text), want, "{text}");
            assert_eq!(names_future_time(text), want, "{text}");
        }
    }

    #[test]
    fn condition_gate_keeps_every_match() {
        let cases: &[(&str, Option<&str>, bool)] = &[
            ("will resign if the bill fails", Some("if"), true),
            ("will go UNLESS they pay", Some("UNLESS"), true),
            (
                "will go unle\u{17f}\u{17f} they pay",
                Some("unle\u{17f}\u{17f}"),
                true,
            ),
            ("provided that it rains", Some("provided that"), true),
            ("As long as they stay", Some("As long as"), true),
            ("in return for aid", Some("in return for"), true),
            ("will build a new bridge", None, false),
            ("a gift for life", None, true),
        ];
        for &(text, want, gate) in cases {
            assert_eq!(condition_may_match(text), gate, "{text}");
            assert_eq!(
                CONDITION.regex().find(text).map(|m| m.as_str()),
                want,
                "{text}"
            );
            assert_eq!(condition_in(text).map(|m| m.as_str()), want, "{text}");
        }
    }

    #[test]
    fn trigger_and_actor_lists_parse() {
        let n = lexicon::entries(include_str!("../lexicon/data/commitments_triggers.txt"))
            .inspect(|f| {
                assert!(f.len() == 3 || f.len() == 4, "{f:?}");
                assert!(CommitmentKind::parse(f[1]).is_some(), "{f:?}");
                assert!(parse_frame(f[2]).is_some(), "{f:?}");
                for flag in f.get(3).into_iter().flat_map(|x| x.split(' ')) {
                    assert!(
                        matches!(flag, "desire" | "common" | "dated" | "act"),
                        "{f:?}"
                    );
                }
                assert_eq!(f[0], f[0].to_lowercase(), "lemmas are lower case");
            })
            .count();
        assert_eq!(n, TRIGGERS.values().map(Vec::len).sum::<usize>());
        for actor in ["the government", "officials", "the bank's", "the newspaper"] {
            assert!(ends_in_actor_noun(actor), "{actor}");
        }
        for thing in ["prices", "the match", "the plan", "voters"] {
            assert!(!ends_in_actor_noun(thing), "{thing}");
        }
    }

    #[derive(Debug)]
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
    fn noun_adjective_and_threat_triggers() {
        for (text, trigger, kind) in [
            (
                "The insurer has threatened to leave the market.",
                "has threatened to",
                "pledge",
            ),
            (
                "The ministry proposed raising the fee.",
                "proposed",
                "pledge",
            ),
            (
                "The board is open to selling the stadium.",
                "is open to",
                "intent",
            ),
            (
                "The union's willingness to talk surprised the firm.",
                "willingness to",
                "intent",
            ),
        ] {
            let got = run(text, &[]);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].trigger, trigger, "{text}");
            assert_eq!(got[0].kind, kind, "{text}");
        }
    }

    /// Siblings of the listed triggers: a promise of a thing, an offer told in the past,
    /// refusals by unwillingness, and plans announced in the present progressive.
    #[test]
    fn a_role_names_who_holds_it() {
        for (text, actor) in [
            // An abbreviated title before the name gives the role.
            (
                "Sen. Ann Ross spoke on Tuesday. The senator vowed to stay in the race.",
                "Ann Ross",
            ),
            (
                "Ohio Gov. Tom Hale spoke on Tuesday. The governor vowed to veto the bill.",
                "Tom Hale",
            ),
            // A role the article gives no one: the story's person.
            (
                "Maria Costa toured the plant on Monday. The senator vowed to save it.",
                "Maria Costa",
            ),
            // An apposition before a relative clause: the name is who refused.
            (
                "Critics praised Acme Foods, a firm that has refused to cut jobs.",
                "Acme Foods",
            ),
        ] {
            let got = run(text, &[]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].actor.as_deref(), Some(actor), "{text}");
        }
    }

    #[test]
    fn split_infinitives_stated_nouns_and_light_verbs() {
        // (text, trigger, kind, actor)
        for (text, trigger, kind, actor) in [
            (
                "The bishop has no plans to either visit the camp or meet its leaders.",
                "no plans to",
                "refusal",
                "The bishop",
            ),
            (
                "The governors expressed a willingness to hold talks with the unions.",
                "willingness to",
                "intent",
                "The governors",
            ),
            (
                "Dana Lee met them. The senators confirmed their willingness to vote.",
                "willingness to",
                "intent",
                "senators",
            ),
            (
                "The pilots' union said its members would be campaigning for the mayor.",
                "would",
                "pledge",
                "members",
            ),
            (
                "\u{201c}We will take legal action,\u{201d} the council said.",
                "will",
                "pledge",
                "council",
            ),
            (
                "The campaign will begin airing new ads in Ohio next week.",
                "will",
                "pledge",
                "The campaign",
            ),
            (
                "Then came the news that the Harbour Trust would sell the pier.",
                "would",
                "pledge",
                "Harbour Trust",
            ),
            (
                "Asked about the plan, Acme Foods said it would.",
                "would",
                "pledge",
                "Acme Foods",
            ),
            (
                "Landlords have been plotting to scrap the rent cap for years.",
                "have been plotting to",
                "intent",
                "Landlords",
            ),
        ] {
            let got = run(text, &[]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].trigger, trigger, "{text}");
            assert_eq!(got[0].kind, kind, "{text}");
            assert!(
                got[0].actor.as_deref().is_some_and(|a| a.contains(actor)),
                "{text}: {:?}",
                got[0].actor
            );
        }
        // A time, a place or an event after "take" says what happens, not what anyone does.
        for text in [
            "The repairs will take three months.",
            "The vote will take place in May.",
            "The new rules will take effect on Monday.",
        ] {
            assert!(run(text, &[]).is_empty(), "{text}");
        }
    }

    #[test]
    fn objects_offers_and_progressive_plans() {
        // (text, trigger, kind, actor, action)
        for (text, trigger, kind, actor, action) in [
            (
                "The governor promised a referendum on the bridge.",
                "promised",
                "pledge",
                "The governor",
                "a referendum on the bridge",
            ),
            (
                "Ada Moss walked to the stage and calmly offered to repay the loan.",
                "offered to",
                "intent",
                "Ada Moss",
                "repay the loan",
            ),
            (
                "The landlord is unwilling to cut the rent.",
                "is unwilling to",
                "refusal",
                "The landlord",
                "cut the rent",
            ),
            (
                "Rita Vance is joining the bank's board as its chair.",
                "is joining",
                "intent",
                "Rita Vance",
                "joining the bank's board as its chair",
            ),
            (
                "Senator Ed Wells is not running for reelection.",
                "is not running for",
                "refusal",
                "Ed Wells",
                "running for reelection",
            ),
            (
                "The council is axing 200 jobs.",
                "is axing",
                "pledge",
                "The council",
                "axing 200 jobs",
            ),
            (
                "The paper is planning a smaller format.",
                "is planning",
                "intent",
                "The paper",
                "a smaller format",
            ),
            (
                "The minister is visiting Lagos next week.",
                "is visiting",
                "intent",
                "The minister",
                "visiting Lagos next week",
            ),
            (
                "The senator emailed donors saying the race goes on and vowing to compete in the last primary.",
                "vowing to",
                "pledge",
                "The senator",
                "compete in the last primary",
            ),
        ] {
            let got = run(text, &[]);
            assert_eq!(
                got.len(),
                1,
                "{text}: {:?}",
                got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
            );
            assert_eq!(got[0].trigger, trigger, "{text}");
            assert_eq!(got[0].kind, kind, "{text}");
            assert_eq!(got[0].actor.as_deref(), Some(actor), "{text}");
            assert_eq!(got[0].action, action, "{text}");
        }
        // Under way, told of the past, described, or a thing pledged: no plan.
        for text in [
            "The minister is attending the summit as a guest.",
            "Rita Vance is visiting Lagos, as she did last Monday.",
            "Rita Vance was joining the board when the crash came.",
            "Rita Vance, who is visiting Lagos next week, praised the port.",
            "The striker is now leaving the pitch.",
            "The pledged assets are held by the bank.",
            "The mayor wanted to build a bridge.",
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
            // "threaten to" needs someone who can threaten.
            "The storm threatened to flood the town.",
        ] {
            let got = run(text, &[]);
            assert!(
                got.is_empty(),
                "{text}: {:?}",
                got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
            );
        }
    }

    /// The rule that rejects the candidate `trigger` in `text` (every sentence looked at).
    fn rejected_by(text: &str, trigger: &str) -> Option<Reject> {
        let doc = Document::new(text);
        let layer = Layer::new(&doc);
        let qs = quotes::extract(&doc, &layer, &[]);
        let names = Names::with_layer(&doc, &layer, &[]);
        let finder = Finder {
            doc: &doc,
            t: &layer.tokens,
            clauses: &layer.clauses,
            names: &names,
            quotes: &qs,
        };
        let all: Vec<_> = (0..doc.sentences.len())
            .flat_map(|si| finder.decisions(si))
            .collect();
        all.iter()
            .find(|(t, _)| t == trigger)
            .unwrap_or_else(|| panic!("{text}: no candidate {trigger:?} in {all:?}"))
            .1
    }

    #[test]
    fn each_rule_rejects_its_shape() {
        use Reject::*;
        let cases: &[(&str, &str, Reject)] = &[
            ("Will the council open a school?", "Will", Question),
            (
                "If the mayor pledges to resign, the council will act.",
                "pledges to",
                Conditional,
            ),
            ("Nobody knows how the board will respond.", "will", WhClause),
            ("Nobody knows how much we will earn.", "will", WhClause),
            (
                "Analysts expect that the bank will cut rates.",
                "will",
                Forecast,
            ),
            (
                "The bank is expected to cut rates.",
                "expected to",
                Forecast,
            ),
            ("The firm will probably close the plant.", "will", Forecast),
            (
                "Unions urged the company to promise to raise pay.",
                "promise to",
                Demand,
            ),
            ("The minister declined to comment.", "declined to", Silence),
            (
                "The mayor rejected allegations of fraud.",
                "rejected",
                Denial,
            ),
            (
                "The offer was rejected by the board.",
                "rejected",
                PassiveTrigger,
            ),
            ("The match will be played on Sunday.", "will", NotAnAct),
            ("Farmers will need more help.", "will", NotAnAct),
            ("The club will have a new coach.", "will", NotAnAct),
            ("The firm agreed to be taken over.", "agreed to", NotAnAct),
            (
                "Critics mocked the party's science-rejecting stance.",
                "rejecting",
                NotAnAct,
            ),
            (
                "\u{201c}They will raise taxes,\u{201d} said Ana Ruiz.",
                "will",
                NotTheActorsWord,
            ),
            ("The mayor will not resign.", "will", NotTheActorsWord),
            (
                "The mayor stopped short of committing to a second term.",
                "committing to",
                Withheld,
            ),
            (
                "The firm sold the site without pledging to keep the staff.",
                "pledging to",
                Withheld,
            ),
            (
                "Voters became more willing to back the plan.",
                "willing to",
                Degree,
            ),
            (
                "The issue is whether, after the vote, the party will back the plan.",
                "will",
                WhClause,
            ),
            (
                "Officials said they fear the mayor and his allies will close the pool.",
                "will",
                Forecast,
            ),
            ("Voters will flock to the polls.", "will", NotTheActorsWord),
            (
                "The council would build a school with more money.",
                "would",
                PastIntent,
            ),
            (
                "The mayor wanted to build a bridge.",
                "wanted to",
                PastIntent,
            ),
            (
                "The party no longer wants to stand.",
                "wants to",
                NegatedIntent,
            ),
            (
                "The union did not rule out a strike.",
                "rule out",
                NegatedRefusal,
            ),
            (
                "Any driver who refuses to stop will be fined.",
                "refuses to",
                Generic,
            ),
            (
                "Two-thirds said they will vote for the mayor.",
                "will",
                Generic,
            ),
            ("One inspector will check every bag.", "will", Generic),
            (
                "Voters back candidates who reject donations from banks.",
                "reject",
                Generic,
            ),
            (
                "The Ruritanian Post will announce its results on Monday.",
                "will",
                NotTheActorsWord,
            ),
            (
                "Fans watched What Would Jesus Buy on Friday.",
                "Would",
                Title,
            ),
            ("The scheme aims to cut costs.", "aims to", NoActor),
            ("We have to be ready to act.", "be ready to", Obligation),
            (
                "Ivo Lind said the mayor wants to resign.",
                "wants to",
                OthersWish,
            ),
            ("They want to cut taxes.", "want to", OthersWish),
        ];
        for &(text, trigger, rule) in cases {
            assert_eq!(rejected_by(text, trigger), Some(rule), "{text}");
        }
    }

    #[test]
    fn triggers_match_every_inflection_and_negation() {
        // (text, trigger as written, kind)
        let cases: &[(&str, &str, &str)] = &[
            (
                "The ministry is pledging to cut fees.",
                "is pledging to",
                "pledge",
            ),
            (
                "The union has also vowed to strike.",
                "has also vowed to",
                "pledge",
            ),
            (
                "The club decided not to sell the ground.",
                "decided not to",
                "refusal",
            ),
            (
                "The firm said it decided to close the plant.",
                "decided to",
                "intent",
            ),
            (
                "The council is keen to open a library.",
                "is keen to",
                "intent",
            ),
            (
                "The party does not want to raise taxes.",
                "does not want to",
                "refusal",
            ),
            (
                "The league renewed its commitment to the rules.",
                "renewed its commitment",
                "reaffirmation",
            ),
            (
                "Acme has no plans to close the plant.",
                "no plans to",
                "refusal",
            ),
            (
                "Acme is not prepared to sell.",
                "is not prepared to",
                "refusal",
            ),
        ];
        for &(text, trigger, kind) in cases {
            let got = run(text, &[]);
            let found = got
                .iter()
                .find(|g| g.trigger == trigger)
                .unwrap_or_else(|| {
                    panic!(
                        "{text}: {:?}",
                        got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
                    )
                });
            assert_eq!(found.kind, kind, "{text}");
        }
    }

    #[test]
    fn futures_by_voice() {
        // The actor's own word, a named speaker for a body, the narrator's announcement.
        let got = run("\u{201c}We will cut fees,\u{201d} said Ivo Lind.", &[]);
        assert_eq!(got.len(), 1);
        let got = run("Ivo Lind said the council will build a bridge.", &[]);
        assert_eq!(got[0].speaker.as_deref(), Some("Ivo Lind"));
        let text = "The Royal Ballet will tour Japan in May.";
        let ballet = entity(
            "Royal Ballet",
            EntityType::Org,
            &Document::new(text),
            &["Royal Ballet"],
        );
        let got = run(text, &[ballet]);
        assert_eq!(got[0].kind, "intent");
        // A company's "it", named before, is its plan.
        let acme = entity("Acme", EntityType::Org, &Document::new(ACME), &["Acme"]);
        let got = run(ACME, &[acme]);
        assert_eq!(
            got.len(),
            1,
            "{:?}",
            got.iter().map(|g| &g.trigger).collect::<Vec<_>>()
        );
        assert_eq!(got[0].actor.as_deref(), Some("Acme"));
    }

    #[test]
    fn going_to_and_a_second_clause() {
        let got = run(
            "\u{201c}We are going to widen the road and the aim is to finish by May,\u{201d} said Ivo Lind.",
            &[],
        );
        let triggers: Vec<&str> = got.iter().map(|g| g.trigger.as_str()).collect();
        assert_eq!(triggers, ["going to", "aim is to"]);
        assert_eq!(got[0].action, "widen the road");
        assert_eq!(got[1].action, "finish by May");
        assert!(got.iter().all(|g| g.actor.as_deref() == Some("Ivo Lind")));
    }

    #[test]
    fn a_trigger_at_the_end_of_a_sentence() {
        // Nothing after the trigger: the action, the condition and the deadline are empty
        // windows, never inverted ones.
        for text in [
            "The company reaffirmed.",
            "Both sides agreed on.",
            "The club has no plans for",
            "\u{201c}We will,\u{201d} she said.",
            "The mayor pledged on Monday to",
        ] {
            for c in run(text, &[]) {
                assert!(c.deadline.is_none(), "{text}");
            }
        }
    }

    const ACME: &str = "Acme makes engines. It will open a plant in Ohio next year.";

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

//! Quotations and reported speech, with their speakers.
//!
//! Three passes over the document, each linear in its length:
//! 1. quotation marks are paired within each paragraph (an opening mark while a quote is open
//!    starts a new quote, as when a quote runs over paragraphs that were joined);
//! 2. speech cues ("said", "told", "according to") give reported speech, forwards ("X said
//!    (that) ...") or backwards ("..., X said.");
//! 3. each quote is attributed: the cue next to the marks, else (for a whole quoted sentence)
//!    the speaker of the neighbouring quote. Short quoted fragments count only when a cue in
//!    their sentence attributes them; otherwise they are scare quotes or titles.

use std::sync::LazyLock;

use crate::analysis::references::{Names, Referent};
use crate::analysis::{Clauses, Layer, Tag, Tokens, WordClasses, classes, lemma};
use crate::doc::{Document, Span, TokenKind};
use crate::extract::entities::Entity;
use crate::lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Indirect speech after a speech verb: "X said (that) ...", "according to X, ...".
    Reported,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 2] = [QuoteKind::Direct, QuoteKind::Reported];

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The content: inside the marks for direct quotes, the reported clause otherwise.
    pub span: Span,
    pub sentence: usize,
    /// The speaker's name, in its fullest form in the article.
    pub speaker: Option<String>,
    /// The entity the speaker is (an index into the document's entities), when the speaker
    /// resolved to one.
    pub speaker_entity: Option<usize>,
    /// The speech verb or phrase ("said", "told reporters", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueClass {
    Speech,
    Thought,
    Fragment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CuePos {
    Verb,
    /// "the warning that ...": reports only the clause after its "that".
    Noun,
    /// "was worried that ...": after a form of "be", with "that".
    Adj,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    class: CueClass,
    /// Takes a hearer before its clause ("told reporters that").
    object: bool,
    /// A belief, which also takes a clause without "that" ("believes the plan works").
    belief: bool,
    /// Reports an infinitive: "promised to cut taxes".
    infinitive: bool,
    pos: CuePos,
}

/// What a line of `quotes_cues.txt` says of a lemma: its behaviour, or that it is no cue.
#[derive(Clone, Copy, Debug)]
enum Entry {
    Cue(CueClass, bool),
    /// Speech that also reports an infinitive ("vowed to fight on").
    Pledge,
    NotACue,
}

/// Lines of `quotes_cues.txt`, by (lemma, part of speech).
static CUE_DATA: LazyLock<crate::analysis::tagger::FnvMap<(&'static str, CuePosKey), Entry>> =
    LazyLock::new(|| {
        lexicon::entries(include_str!("../lexicon/data/quotes_cues.txt"))
            .filter_map(|f| {
                let entry = match *f.get(1)? {
                    "speech" => Entry::Cue(CueClass::Speech, false),
                    "thought" => Entry::Cue(CueClass::Thought, false),
                    "belief" => Entry::Cue(CueClass::Thought, true),
                    "frag" => Entry::Cue(CueClass::Fragment, false),
                    "pledge" => Entry::Pledge,
                    "none" => Entry::NotACue,
                    _ => return None,
                };
                let pos = match f.get(2).copied() {
                    None | Some("verb") => CuePosKey::Verb,
                    Some("noun") => CuePosKey::Noun,
                    Some("adj") => CuePosKey::Adj,
                    _ => return None,
                };
                Some(((f[0], pos), entry))
            })
            .collect()
    });

/// [`CuePos`] as a hashable key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CuePosKey {
    Verb,
    Noun,
    Adj,
}

/// The cue a verb lemma's classes make, unless `quotes_cues.txt` says otherwise.
fn verb_cue(lemma: &str, classes: WordClasses) -> Option<Cue> {
    let object = classes.contains(WordClasses::HEARER);
    let (class, belief) = match CUE_DATA.get(&(lemma, CuePosKey::Verb)) {
        Some(Entry::NotACue) => return None,
        Some(&Entry::Cue(class, belief)) => (class, belief),
        Some(Entry::Pledge) => (CueClass::Speech, false),
        None if classes.contains(WordClasses::SPEECH) => (CueClass::Speech, false),
        None if classes.contains(WordClasses::THOUGHT) => (CueClass::Thought, false),
        None if classes.intersects(WordClasses::EVALUATION | WordClasses::DIRECTIVE) => {
            (CueClass::Fragment, false)
        }
        None => return None,
    };
    Some(Cue {
        class,
        object,
        belief,
        infinitive: matches!(CUE_DATA.get(&(lemma, CuePosKey::Verb)), Some(Entry::Pledge)),
        pos: CuePos::Verb,
    })
}

/// The speech cue at token `i`: a verb whose lemma reports speech or thought, a noun of
/// saying ("the warning that"), or a stance adjective after "be" ("is confident that").
fn cue_at(doc: &Document, tk: &Tokens, i: usize) -> Option<Cue> {
    let t = doc.token_text(i);
    if doc.tokens[i].kind != TokenKind::Word || t.chars().any(char::is_uppercase) && i > 0 {
        // Capitalised mid-sentence words are names ("Says"), except a sentence's first word.
        if !(t.chars().next().is_some_and(char::is_uppercase)
            && doc
                .sentence_at(doc.tokens[i].span.start)
                .is_some_and(|s| doc.sentences[s].tokens.start == i))
        {
            return None;
        }
    }
    // "so-called", "well-said": part of a compound, not a verb.
    if i > 0 && doc.token_text(i - 1) == "-" && !doc.tokens[i].space_before {
        return None;
    }
    let tag = tk.tag(i);
    let lemma = tk.lemma(i);
    let after_be = i > 0 && tk.has(i - 1, WordClasses::BE)
        || i > 1 && tk.tag(i - 1).is_adverb() && tk.has(i - 2, WordClasses::BE);
    if (tag.is_adjective() || tag == Tag::VBN)
        && after_be
        && let Some(&Entry::Cue(class, _)) = CUE_DATA.get(&(tk.lower(i), CuePosKey::Adj))
    {
        return Some(Cue {
            class,
            object: false,
            belief: true,
            infinitive: false,
            pos: CuePos::Adj,
        });
    }
    if tag.is_verb() {
        return verb_cue(lemma, tk.classes(i));
    }
    if matches!(tag, Tag::NN | Tag::NNS) {
        if let Some(&Entry::Cue(class, _)) = CUE_DATA.get(&(lemma, CuePosKey::Noun)) {
            return Some(Cue {
                class,
                object: false,
                belief: false,
                infinitive: false,
                pos: CuePos::Noun,
            });
        }
        // The tagger now and then takes a verb after its subject for a plural noun ("Smith
        // says"): a form that is a verb of saying right after a name or pronoun is one.
        let clause_follows =
            i + 1 < tk.len() && (tk.lower(i + 1) == "that" || starts_clause(tk, i + 1));
        if i > 0 && (tk.tag(i - 1).is_noun() || tk.tag(i - 1) == Tag::PRP) && clause_follows {
            let as_verb = lemma::lemma(tk.lower(i), Tag::VBZ);
            if as_verb != tk.lower(i) {
                return verb_cue(&as_verb, classes::classify(tk.lower(i), &as_verb));
            }
        }
    }
    None
}

/// A present participle ("adding", "saying"): attaches a second report to the main clause's
/// subject ("..., adding that").
fn is_participle(tk: &Tokens, i: usize) -> bool {
    tk.tag(i) == Tag::VBG || tk.lower(i).ends_with("ing")
}

/// Whether token `p`, right after a cue, shows that no clause follows: a preposition or
/// particle ("warned of", "told to", "spoke out"), a coordinator ("said and did").
fn is_not_clause_start(tk: &Tokens, p: usize) -> bool {
    if tk.has(p, WordClasses::SUBORDINATOR) || tk.has(p, WordClasses::WH) {
        return false;
    }
    matches!(tk.tag(p), Tag::IN | Tag::TO | Tag::RP | Tag::CC) && tk.lower(p) != "that"
}

/// A word of time: a day, a month, or a noun or adverb of time ("week", "yesterday"), all
/// classes of the token table. After "this"/"last"/"next" it makes an adverbial of time
/// ("said last week that").
fn is_time_word(tk: &Tokens, i: usize) -> bool {
    tk.classes(i)
        .intersects(WordClasses::WEEKDAY | WordClasses::MONTH | WordClasses::TIME)
}

/// Whether token `p` opens an adverbial between a cue and its clause ("on Monday", "last
/// week", "repeatedly"); "this"/"last" only before a time noun ("said this was a bold step"
/// is a clause).
fn is_adverbial_start(tk: &Tokens, p: usize) -> bool {
    let w = tk.lower(p);
    if matches!(w, "this" | "last" | "next") {
        return p + 1 < tk.len() && is_time_word(tk, p + 1);
    }
    if is_time_word(tk, p) {
        return true;
    }
    // A preposition opening a phrase of time or place; "that", "if", "whether" open clauses.
    if tk.tag(p) == Tag::IN {
        return !tk.has(p, WordClasses::SUBORDINATOR)
            && !matches!(
                w,
                "that"
                    | "if"
                    | "whether"
                    | "of"
                    | "about"
                    | "for"
                    | "with"
                    | "by"
                    | "as"
                    | "from"
                    | "against"
            );
    }
    // An adverb ("publicly", "again", "also"), not a negator or a wh-word.
    tk.tag(p).is_adverb()
        && !tk.has(p, WordClasses::NEGATOR)
        && !tk.has(p, WordClasses::WH)
        && !matches!(w, "so" | "there" | "here")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn mark_style(t: &str) -> Option<Style> {
    match t {
        "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "«" | "»" | "''" | "``" => {
            Some(Style::Double)
        }
        "'" | "\u{2018}" | "\u{2019}" | "\u{201A}" | "‹" | "›" => Some(Style::Single),
        _ => None,
    }
}

fn is_mark(t: &str) -> bool {
    mark_style(t).is_some()
}

/// Whether the mark at token `i` opens or closes, from the marks' shape and its spacing.
fn mark_role(doc: &Document, i: usize, para_end: usize) -> Role {
    match doc.token_text(i) {
        "\u{201C}" | "\u{2018}" | "\u{201E}" | "\u{201A}" | "«" | "‹" | "``" => {
            return Role::Open;
        }
        "\u{201D}" | "»" | "›" => return Role::Close,
        _ => {}
    }
    let tok = doc.tokens[i];
    let left_free = tok.space_before
        || i == 0
        || matches!(
            doc.token_text(i - 1),
            "(" | "[" | ":" | "-" | "\u{2014}" | "\u{2013}"
        );
    let next = doc.tokens.get(i + 1).filter(|n| n.span.start < para_end);
    let right_attached = next.is_some_and(|n| !n.space_before);
    let next_is_word = next.is_some_and(|n| {
        matches!(
            n.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Symbol
        ) || is_mark(doc.slice(n.span))
    });
    if left_free && right_attached && next_is_word {
        Role::Open
    } else if !left_free || next.is_none() {
        Role::Close
    } else {
        Role::Either
    }
}

/// A span between quotation marks.
#[derive(Clone, Debug)]
struct Marked {
    open: usize,
    /// The closing mark, when the quote closes in its paragraph.
    close: Option<usize>,
    content: Span,
    /// Token range of the content.
    first: usize,
    end: usize,
}

/// Pairs quotation marks paragraph by paragraph.
fn marked_spans(doc: &Document) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut t = 0;
    for para in &doc.paragraphs {
        let start = doc.token_at_or_after(para.start).max(t);
        let mut end = start;
        while end < doc.tokens.len() && doc.tokens[end].span.start < para.end {
            end += 1;
        }
        t = end;
        pair_paragraph(doc, start, end, para.end, &mut out);
    }
    out.sort_by_key(|m| m.content.start);
    out
}

fn pair_paragraph(
    doc: &Document,
    start: usize,
    end: usize,
    para_end: usize,
    out: &mut Vec<Marked>,
) {
    let emit = |open: usize, close: Option<usize>, stop: usize, out: &mut Vec<Marked>| {
        let first = open + 1;
        if stop > first {
            let content = Span::new(doc.tokens[first].span.start, doc.tokens[stop - 1].span.end);
            out.push(Marked {
                open,
                close,
                content,
                first,
                end: stop,
            });
        }
    };
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for i in start..end {
        let Some(style) = mark_style(doc.token_text(i)) else {
            continue;
        };
        let role = mark_role(doc, i, para_end);
        match style {
            Style::Double => {
                open_single = None;
                match (role, open_double) {
                    (Role::Open, Some(o)) => {
                        // A new opening mark while one is open: the previous quote ran on
                        // (joined paragraphs) and ends here.
                        emit(o, None, i, out);
                        open_double = Some(i);
                    }
                    (Role::Open | Role::Either, None) => open_double = Some(i),
                    (Role::Close | Role::Either, Some(o)) => {
                        emit(o, Some(i), i, out);
                        open_double = None;
                    }
                    (Role::Close, None) => {}
                }
            }
            Style::Single => {
                if open_double.is_some() {
                    continue; // quotes inside quotes are part of the outer quote
                }
                let t = doc.token_text(i);
                match (role, open_single) {
                    (Role::Open, _) if t != "\u{2019}" || doc.tokens[i].space_before => {
                        open_single = Some(i)
                    }
                    (Role::Close | Role::Either, Some(o)) => {
                        emit(o, Some(i), i, out);
                        open_single = None;
                    }
                    _ => {}
                }
            }
        }
    }
    // A quote still open at the paragraph's end runs on to the next paragraph: it is one quote
    // per paragraph. Only long enough runs count, so a stray mark does not swallow text.
    if let Some(o) = open_double
        && end > o + 4
    {
        emit(o, None, end, out);
    }
}

fn words_in(doc: &Document, first: usize, end: usize) -> usize {
    (first..end)
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .count()
}

/// A quoted fragment, not a quoted sentence: short, and not ending in a sentence's punctuation.
fn is_fragment(doc: &Document, m: &Marked) -> bool {
    let words = words_in(doc, m.first, m.end);
    let last = doc.token_text(m.end - 1);
    let ends_sentence = matches!(last, "." | "?" | "!" | "," | "..." | "\u{2026}") && words >= 3;
    words <= 6 && !ends_sentence
}

/// Answers "does any of these spans contain this one?" in logarithmic time.
struct Coverage {
    /// Sorted by start, with the running maximum of ends.
    spans: Vec<(usize, usize)>,
}

impl Coverage {
    fn new(mut spans: Vec<Span>) -> Coverage {
        spans.sort();
        let mut max_end = 0;
        let spans = spans
            .into_iter()
            .map(|s| {
                max_end = max_end.max(s.end);
                (s.start, max_end)
            })
            .collect();
        Coverage { spans }
    }

    fn contains(&self, span: Span) -> bool {
        let i = self
            .spans
            .partition_point(|&(start, _)| start <= span.start);
        i > 0 && self.spans[i - 1].1 >= span.end
    }
}

struct Found {
    quote: Quote,
    /// The cue token, for dropping reports nested in other reports.
    cue_tok: Option<usize>,
}

pub fn extract(doc: &Document, layer: &Layer, entities: &[Entity]) -> Vec<Quote> {
    extract_with(doc, layer, &mut Names::with_layer(doc, layer, entities))
}

/// As [`extract`], with the document's resolver (which the pipeline shares with the
/// commitment extractor).
pub fn extract_with(doc: &Document, layer: &Layer, names: &mut Names) -> Vec<Quote> {
    let tk = &layer.tokens;
    let marked = marked_spans(doc);
    // Names inside quotation marks (quotes and quoted phrases alike) are not what a pronoun
    // outside them refers to.
    names.set_excluded(marked.iter().map(|m| m.content).collect());
    let inside_marks = |pos: usize| {
        let i = marked.partition_point(|m| m.content.start <= pos);
        i > 0 && marked[i - 1].content.start <= pos && pos < marked[i - 1].content.end
    };

    let mut reported = Vec::new();
    for si in 0..doc.sentences.len() {
        reported_in_sentence(doc, tk, names, si, &inside_marks, &marked, &mut reported);
    }
    // A report whose cue lies inside another report is part of it. (A report's own content
    // never holds its cue, so no report excludes itself.)
    let covers = Coverage::new(reported.iter().map(|f: &Found| f.quote.span).collect());
    reported.retain(|f| {
        f.cue_tok.is_none_or(|c| {
            let at = doc.tokens[c].span;
            !covers.contains(Span::new(at.start, at.start + 1))
        })
    });
    let report_spans = Coverage::new(reported.iter().map(|f| f.quote.span).collect());

    let mut direct: Vec<Found> = Vec::new();
    for m in &marked {
        // A fragment quoted inside a report is part of that report (mixed quote).
        if report_spans.contains(m.content) {
            continue;
        }
        if let Some(f) = attribute_direct(doc, tk, names, m) {
            direct.push(f);
        }
    }
    if let Some(f) = colon_headline(doc, names)
        && !direct.iter().any(|d| d.quote.span.overlaps(f.quote.span))
    {
        direct.push(f);
    }

    let mut all: Vec<Found> = direct.into_iter().chain(reported).collect();
    all.sort_by_key(|f| (f.quote.span.start, f.quote.span.end));
    fill_speakers(doc, &mut all);
    all.into_iter().map(|f| f.quote).collect()
}

/// A quote with no cue in its sentence takes the speaker of its paragraph's attribution: news
/// attributes a paragraph of quotes once ("..., she said. ..."), before or after the cue-less
/// sentences. A paragraph with no attribution of its own continues the previous paragraph's
/// last speaker when that paragraph ended in the same speaker's quote; a headline takes the
/// source named in the first paragraphs below it.
fn fill_speakers(doc: &Document, all: &mut [Found]) {
    let para = |f: &Found| doc.sentences[f.quote.sentence].paragraph;
    // Each quote's paragraph attribution: the nearest attributed quote (one with a cue and a
    // speaker) in its paragraph, found by one pass each way.
    let attributed = |f: &Found| f.quote.cue.is_some() && f.quote.speaker.is_some();
    let n = all.len();
    let mut before: Vec<Option<usize>> = vec![None; n];
    let mut after: Vec<Option<usize>> = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if last.is_some_and(|l| para(&all[l]) != para(&all[i])) {
            last = None;
        }
        before[i] = last;
        if attributed(&all[i]) {
            last = Some(i);
        }
    }
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        if next.is_some_and(|l| para(&all[l]) != para(&all[i])) {
            next = None;
        }
        after[i] = next;
        if attributed(&all[i]) {
            next = Some(i);
        }
    }
    for i in 0..n {
        if all[i].quote.speaker.is_some() || all[i].quote.cue.is_some() {
            continue;
        }
        let p = para(&all[i]);
        let in_title = doc.title.is_some_and(|t| t.contains(all[i].quote.span));
        // The paragraph's attribution before the quote, unless the one after it is nearer by
        // more than a sentence.
        let here = all[i].quote.sentence;
        let own = match (before[i], after[i]) {
            (Some(b), Some(a)) => {
                if all[a].quote.sentence - here + 1 < here - all[b].quote.sentence {
                    Some(a)
                } else {
                    Some(b)
                }
            }
            (b, a) => b.or(a),
        };
        // Only a quote attributed by its own cue lends its speaker: a speaker filled in
        // here is itself a guess.
        let from = if let Some(j) = own {
            Some(j)
        } else if in_title {
            (i + 1..n)
                .take(50)
                .take_while(|&j| para(&all[j]) <= p + 2)
                .find(|&j| attributed(&all[j]))
        } else {
            // The last speaker of this or the previous paragraph (a quotation running on over
            // paragraphs).
            (0..i)
                .rev()
                .take(50)
                .take_while(|&j| para(&all[j]) + 1 >= p)
                .find(|&j| attributed(&all[j]))
        };
        if let Some(j) = from {
            all[i].quote.speaker = all[j].quote.speaker.clone();
            all[i].quote.speaker_entity = all[j].quote.speaker_entity;
        }
    }
}

fn phrase_span(doc: &Document, p: crate::analysis::clauses::Phrase) -> Span {
    Span::new(
        doc.tokens[p.start].span.start,
        doc.tokens[p.end - 1].span.end,
    )
}

/// The noun phrase starting at token `start`, before `limit`, from the clause layer (see
/// [`Clauses::phrase_from`]): its span and the token after it.
fn phrase_from(
    doc: &Document,
    tk: &Tokens,
    clauses: Option<&Clauses>,
    start: usize,
    limit: usize,
) -> Option<(Span, usize)> {
    let p = clauses?.phrase_from(tk, start, limit)?;
    Some((phrase_span(doc, p), p.end))
}

/// The subject of the first main clause in tokens `floor..limit` (see
/// [`Clauses::main_subject`]).
fn main_subject(
    doc: &Document,
    tk: &Tokens,
    clauses: Option<&Clauses>,
    floor: usize,
    limit: usize,
) -> Option<Span> {
    let p = clauses?.main_subject(tk, floor, limit)?;
    Some(phrase_span(doc, p))
}

/// The noun phrase whose last token is `end - 1`, not starting before `floor`.
fn phrase_ending_at(
    doc: &Document,
    clauses: Option<&Clauses>,
    floor: usize,
    end: usize,
) -> Option<Span> {
    let p = clauses?.phrase_at(end.checked_sub(1)?)?;
    (p.end == end && p.start >= floor).then(|| phrase_span(doc, p))
}

fn sentence_of(doc: &Document, tok: usize) -> usize {
    doc.sentence_at(doc.tokens[tok].span.start).unwrap_or(0)
}

fn resolve_name(names: &Names, span: Option<Span>) -> Option<Referent> {
    let span = span?;
    let doc = names.doc;
    // "At a dinner hosted by the mayor, she said": a subject pronoun after a leading phrase
    // continues the person the story was about, not a name inside that phrase.
    if let Some(si) = doc.sentence_at(span.start) {
        let sent = &doc.sentences[si];
        let first = doc.token_at_or_after(span.start);
        let lower = doc.slice(span).to_lowercase();
        if first > sent.tokens.start + 2
            && matches!(lower.as_str(), "he" | "she")
            && doc.token_text(first - 1) == ","
            && names.tokens().is_some_and(|tk| {
                main_subject(doc, tk, names.clauses(), sent.tokens.start, sent.tokens.end)
                    == Some(span)
            })
            && let Some(r) = names.antecedent(&lower, sent.span.start)
        {
            return Some(r);
        }
    }
    if let Some(r) = same_description(names, span) {
        return Some(r);
    }
    names
        .resolve_speaker(span)
        .or_else(|| described_antecedent(names, span))
}

/// "The prime minister's spokesman was asked ... The spokesman said:": a definite role that
/// names nobody the article introduced in it repeats the description with the same head
/// noun that was the subject of one of the two sentences before.
fn same_description(names: &Names, span: Span) -> Option<Referent> {
    let doc = names.doc;
    let tk = names.tokens()?;
    let first = doc.token_at_or_after(span.start);
    let last = doc.token_at_or_after(span.end).saturating_sub(1);
    if last != first + 1 || tk.lower(first) != "the" || tk.tag(last) != Tag::NN {
        return None;
    }
    if names.resolve(span).is_some_and(|r| r.entity.is_some()) {
        return None;
    }
    let p = subjects_before(names, tk, doc.sentence_at(span.start)?).find(|p| {
        p.end - p.start > 1
            && tk.lemma(p.head) == tk.lemma(last)
            && !tk.tag(p.head).is_proper_noun()
    })?;
    names
        .resolve(phrase_span(doc, p))
        .filter(|r| r.entity.is_none())
}

/// The main clauses' subjects of the [`DESCRIBED_LOOKBACK`] sentences before sentence `si`,
/// nearest first (sentences with none are passed over).
fn subjects_before<'n>(
    names: &'n Names,
    tk: &'n Tokens,
    si: usize,
) -> impl Iterator<Item = crate::analysis::clauses::Phrase> + 'n {
    let doc = names.doc;
    (si.saturating_sub(DESCRIBED_LOOKBACK)..si)
        .rev()
        .filter_map(move |k| {
            let sent = &doc.sentences[k];
            names
                .clauses()?
                .main_subject(tk, sent.tokens.start, sent.tokens.end)
        })
}

/// How many sentences back a pronoun with no name to refer to looks for a described subject.
const DESCRIBED_LOOKBACK: usize = 2;

/// "A spokeswoman for the charity said ... She added:", "the committee said ... it said":
/// a pronoun that no name fits continues the subject of a sentence just before, when that
/// subject is a description of its kind (a person noun for "he"/"she", a body for "it").
fn described_antecedent(names: &Names, span: Span) -> Option<Referent> {
    let doc = names.doc;
    let tk = names.tokens()?;
    let lower = doc.slice(span).to_lowercase();
    let person = match lower.as_str() {
        "he" | "she" => true,
        "it" => false,
        _ => return None,
    };
    // The nearest subject decides: a name or a pronoun there has had the resolver's say.
    let p = subjects_before(names, tk, doc.sentence_at(span.start)?).next()?;
    let head = p.head;
    if tk.has(head, WordClasses::PRONOUN) || tk.tag(head).is_proper_noun() {
        return None;
    }
    let fits = if person {
        let gendered = match tk.lower(head) {
            w if w.ends_with("woman") || w.ends_with("women") => Some("she"),
            w if w.ends_with("man") || w.ends_with("men") => Some("he"),
            _ => None,
        };
        tk.tag(head) == Tag::NN
            && tk.has(head, WordClasses::PERSON_NOUN)
            && gendered.is_none_or(|g| g == lower)
    } else {
        tk.tag(head) == Tag::NN
            && tk.has(head, WordClasses::ACTOR)
            && !tk.has(head, WordClasses::PERSON_NOUN)
    };
    if fits {
        names.resolve_speaker(phrase_span(doc, p))
    } else {
        None
    }
}

/// Attributes a marked span; `None` for scare quotes and titles.
fn attribute_direct(doc: &Document, tk: &Tokens, names: &Names, m: &Marked) -> Option<Found> {
    let si = sentence_of(doc, m.first);
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let sent_end = sent.tokens.end;
    let fragment = is_fragment(doc, m);
    let make = |speaker: Option<Referent>, cue: Option<(usize, String)>| Found {
        quote: Quote {
            span: m.content,
            sentence: si,
            speaker_entity: speaker.as_ref().and_then(|r| r.entity),
            speaker: speaker.map(|r| r.name),
            cue: cue.as_ref().map(|c| c.1.clone()),
            kind: QuoteKind::Direct,
        },
        cue_tok: cue.map(|c| c.0),
    };

    // After the closing mark: `", Mr Varga said.` / `," said Mr Varga` / `" he told reporters`.
    if let Some(close) = m.close {
        // A quote of several sentences ends in a later sentence than it opens: its tail is
        // read in the sentence of the closing mark.
        let sent_end = doc.sentences[sentence_of(doc, close)]
            .tokens
            .end
            .max(sent_end);
        let mut i = close + 1;
        if i < sent_end && doc.token_text(i) == "," {
            i += 1;
        }
        if i < sent_end {
            if let Some(cue) = cue_at(doc, tk, i)
                && cue.class != CueClass::Thought
            {
                let np = phrase_from(doc, tk, names.clauses(), i + 1, sent_end).map(|(s, _)| s);
                let speaker = resolve_name(names, np);
                return Some(make(speaker, Some((i, doc.token_text(i).to_string()))));
            }
            // A subject the clause layer finds right after the mark, then the cue, with a
            // description or an adverbial between ("", Jo Li, after a pause, said"); not
            // after a quoted fragment, which the main clause's subject does not say ("as
            // 'an island of calm', President Li has ...").
            let layer_cue = (i + 1..(i + 16).min(sent_end))
                .filter(|_| !fragment)
                .find_map(|k| {
                    cue_at(doc, tk, k).filter(|c| c.class != CueClass::Thought)?;
                    let np = layer_subject(doc, tk, names.clauses(), i, k)?;
                    (np.start == doc.tokens[i].span.start).then_some((k, np))
                });
            if let Some((k, np)) = layer_cue {
                let speaker = resolve_name(names, Some(np));
                return Some(make(speaker, Some((k, doc.token_text(k).to_string()))));
            }
            // A subject of a few words, then the cue; a new clause ("..., while the
            // opposition said") is someone else speaking.
            for k in i + 1..(i + 8).min(sent_end) {
                let w = doc.token_text(k);
                if is_mark(w)
                    || matches!(
                        w,
                        "." | "," | ";" | "while" | "but" | "and" | "although" | "whereas"
                    )
                {
                    break;
                }
                if let Some(cue) = cue_at(doc, tk, k) {
                    if cue.class == CueClass::Thought {
                        break;
                    }
                    let np = layer_subject(doc, tk, names.clauses(), i, k);
                    if np.is_some() {
                        let speaker = resolve_name(names, np);
                        return Some(make(speaker, Some((k, doc.token_text(k).to_string()))));
                    }
                    break;
                }
            }
        }
    }

    // `Li responded: ¶ "If there are ..."`: a quote that opens its sentence right after a
    // sentence ending in a colon is what that sentence's clause introduces; its subject speaks.
    if m.open <= floor + 1
        && (floor..m.open).all(|k| is_mark(doc.token_text(k)))
        && floor > 0
        && doc.token_text(floor - 1) == ":"
        && let Some(clauses) = names.clauses()
    {
        let ps = sentence_of(doc, floor - 1);
        let prev = doc.sentences[ps].tokens.clone();
        let speaker = (prev.start..floor - 1)
            .rev()
            .take(MAX_CUE_CHAIN * 4)
            .find_map(|k| {
                let g = clauses.group_with_head(k)?;
                (g.form == crate::analysis::clauses::Form::Finite).then_some(k)
            })
            .and_then(|k| layer_subject(doc, tk, Some(clauses), prev.start, k))
            .and_then(|np| resolve_name(names, Some(np)));
        if speaker.is_some() {
            return Some(make(speaker, None));
        }
    }
    // `Jo Li: "We will win."`, as transcripts and headlines write it: before the colon, a
    // short label with no verb of its own that ends in a name ("Former secretary of state Jo
    // Li:").
    if m.open >= floor + 2
        && m.open - floor <= MAX_LABEL_TOKENS
        && doc.token_text(m.open - 1) == ":"
        && tk.tag(m.open - 2).is_proper_noun()
        && let Some(clauses) = names.clauses()
        && (floor..m.open - 1).all(|k| clauses.group_at(k).is_none())
        && let Some(np) = phrase_ending_at(doc, Some(clauses), floor, m.open - 1)
    {
        let speaker = resolve_name(names, Some(np));
        if speaker.is_some() {
            return Some(make(speaker, None));
        }
    }
    // Before the opening mark: `Mr Varga said: "` / `He added, "` / `told the seminar: "`.
    let mut j = m.open;
    while j > floor && matches!(doc.token_text(j - 1), ":" | "," | "-" | "\u{2014}") {
        j -= 1;
    }
    let lo = j.saturating_sub(9).max(floor);
    // A noun of saying right before the mark whose speaker is not written ("the statement").
    let mut unattributed_noun = None;
    for k in (lo..j).rev() {
        if is_mark(doc.token_text(k)) {
            break;
        }
        let Some(cue) = cue_at(doc, tk, k) else {
            continue;
        };
        if cue.class == CueClass::Thought {
            continue;
        }
        // "a documentary called 'Dark Waters'": a name or title, not a quote.
        if k + 1 == m.open
            && matches!(
                doc.token_text(k).to_lowercase().as_str(),
                "called" | "dubbed" | "titled" | "entitled" | "named" | "nicknamed"
            )
        {
            return None;
        }
        // Between the cue and the mark only a hearer may stand ("told the seminar").
        if k + 1 != j && !cue.object && !fragment {
            break;
        }
        // "called the statement 'a disgrace.'": the noun of saying is what a verb of judging
        // judges; that verb is the cue.
        let judged = cue.pos == CuePos::Noun
            && names.clauses().is_some_and(|c| {
                (floor..k)
                    .rev()
                    .find_map(|i| c.group_with_head(i))
                    .is_some_and(|g| tk.has(g.head, WordClasses::EVALUATION))
            });
        if judged {
            continue;
        }
        let speaker = if cue.pos == CuePos::Noun {
            // A noun of saying whose speaker is not written is no attribution; a verb further
            // back may be.
            match noun_cue_speaker(doc, tk, names, floor, k) {
                Some(s) => Some(s),
                None => {
                    unattributed_noun.get_or_insert(k);
                    continue;
                }
            }
        } else {
            speaker_of_cue(doc, tk, names, floor, k)
        };
        // The cue keeps its hearer: "told the seminar".
        let cue_text = if cue.object && k + 1 < j {
            doc.slice(Span::new(
                doc.tokens[k].span.start,
                doc.tokens[j - 1].span.end,
            ))
        } else {
            doc.token_text(k)
        };
        return Some(make(speaker, Some((k, cue_text.to_string()))));
    }

    // A fragment needs a cue earlier in its sentence ("dismissed the scheme as 'reckless'");
    // so does a quoted sentence that ends a sentence it does not open ("Ross called the plan
    // 'a waste of money.'"): the cue's subject said it.
    let embedded = (floor..m.open).any(|k| doc.tokens[k].kind == TokenKind::Word);
    if fragment || embedded {
        for k in (m.open.saturating_sub(40).max(floor)..m.open).rev() {
            if let Some(cue) = cue_at(doc, tk, k) {
                if cue.class == CueClass::Thought {
                    continue;
                }
                // Nouns of saying were read right before the mark, above.
                if cue.pos == CuePos::Noun {
                    continue;
                }
                let speaker = speaker_of_cue(doc, tk, names, floor, k);
                if speaker.is_none() {
                    break;
                }
                return Some(make(speaker, Some((k, doc.token_text(k).to_string()))));
            }
        }
    }
    if fragment {
        // Headlines quote without cues ("Minister's 'regret' over delays"): the words are the
        // source's, named in the story below.
        if doc.title.is_some_and(|t| t.contains(m.content)) {
            return Some(make(None, None));
        }
        // "a statement: 'no comment'": words quoted as someone's, who is not named.
        return unattributed_noun.map(|k| make(None, Some((k, doc.token_text(k).to_string()))));
    }
    // A quoted sentence with no cue: the speaker comes from the neighbouring quotes.
    Some(make(None, None))
}

/// The longest label before a colon that names a quote's speaker ("Former secretary of
/// state Jo Li:"), in tokens.
const MAX_LABEL_TOKENS: usize = 12;

/// How many coordinated cues ("... and said ... and said") a speaker is traced back through.
/// News sentences chain two or three; the bound keeps a sentence that repeats "and said"
/// thousands of times linear (each step scans at most [`EARLIER_CUE_WINDOW`] tokens).
const MAX_CUE_CHAIN: usize = 16;

/// How far back (in tokens) a coordinated cue looks for the report it continues.
const EARLIER_CUE_WINDOW: usize = 40;

/// The speaker of the cue at token `k`: its subject, or for a participle after a comma
/// ("..., saying") or a coordinated cue ("... and said"), the speaker of the sentence's earlier
/// report, else the subject of the sentence.
fn speaker_of_cue(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    floor: usize,
    k: usize,
) -> Option<Referent> {
    // Follow the chain of coordinated cues back to one with a subject of its own; each link
    // that finds no speaker further back falls back to the sentence's subject before it.
    let mut chain = Vec::new();
    let mut k = k;
    loop {
        let prev = if k > floor { doc.token_text(k - 1) } else { "" };
        let participle = is_participle(tk, k) && prev == ",";
        // "..., adding that", "... and said", "went on to say": the subject of the sentence's
        // first report, else of the sentence.
        if !(participle || matches!(prev, "and" | "but" | "to")) {
            // The cue's subject from the clause analysis: it sees past relative clauses,
            // appositions, brackets ("Sen. Ann Ross (D-Md.) said") and long subjects.
            let np = layer_subject(doc, tk, names.clauses(), floor, k);
            if let Some(s) = resolve_name(names, np) {
                return Some(s);
            }
            break;
        }
        chain.push(k);
        let earlier = (floor..k.saturating_sub(1))
            .rev()
            .take(EARLIER_CUE_WINDOW)
            .find(|&i| {
                cue_at(doc, tk, i).is_some_and(|c| c.class != CueClass::Thought)
                    && !is_participle(tk, i)
            });
        match earlier {
            Some(e) if chain.len() < MAX_CUE_CHAIN => k = e,
            _ => break,
        }
    }
    chain
        .iter()
        .rev()
        .find_map(|&c| resolve_name(names, main_subject(doc, tk, names.clauses(), floor, c)))
}

/// The speaker of a noun cue: the possessive before it ("his warning that", "the union's
/// claim that"), else the subject of the sentence when the noun stands after it ("officials
/// repeated their claim", "the minister made the announcement that").
fn noun_cue_speaker(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    floor: usize,
    k: usize,
) -> Option<Referent> {
    // Adjectives and nouns between the possessive and the cue ("his stark warning").
    let mut j = k;
    while j > floor && k - j < 3 && (tk.tag(j - 1).is_adjective() || tk.tag(j - 1) == Tag::NN) {
        j -= 1;
    }
    if j > floor {
        let before = j - 1;
        if tk.tag(before) == Tag::PRPS {
            let pronoun = match tk.lower(before) {
                "his" => "he",
                "her" => "she",
                "their" => "they",
                "its" => "it",
                _ => return None,
            };
            // "The union repeated its warning": the possessive most often is the subject.
            if let Some(r) = names.antecedent(pronoun, doc.tokens[before].span.start) {
                return Some(r);
            }
        }
        if tk.tag(before) == Tag::POS {
            return resolve_name(
                names,
                phrase_ending_at(doc, names.clauses(), floor, before + 1),
            );
        }
    }
    let subject = main_subject(doc, tk, names.clauses(), floor, k)?;
    if subject.end > doc.tokens[j.max(floor)].span.start {
        return None;
    }
    resolve_name(names, Some(subject))
}

/// The subject of the verb group holding the cue at `k`, from the clause layer: written before
/// the verb (its own, a relative pronoun's antecedent, or shared with a coordinated verb), at
/// or after `floor`; the phrase without the prepositional phrases after its head ("the head of
/// the bank" is "the head"), and with a name in apposition to a common noun taken for it.
fn layer_subject(
    doc: &Document,
    tk: &Tokens,
    clauses: Option<&Clauses>,
    floor: usize,
    k: usize,
) -> Option<Span> {
    use crate::analysis::clauses::SubjectHow;
    let clauses = clauses?;
    // A stance adjective takes the subject of the "be" before it ("Li is confident that").
    let g = clauses.group_at(k).or_else(|| {
        let mut b = k;
        while b > floor && k - b < 3 && tk.tag(b - 1).is_adverb() {
            b -= 1;
        }
        (b > floor && tk.has(b - 1, WordClasses::BE))
            .then(|| clauses.group_at(b - 1))
            .flatten()
    })?;
    // Only a subject written before the cue: not "..., said the minister" (handled by the
    // trailing-report rules), not an understood one.
    if !matches!(
        g.subject?.how,
        SubjectHow::Own | SubjectHow::Shared | SubjectHow::Relative
    ) {
        return None;
    }
    let phrase = clauses.subject_referent(tk, g)?;
    if phrase.start < floor || phrase.end > k {
        return None;
    }
    Some(Span::new(
        doc.tokens[phrase.start].span.start,
        doc.tokens[phrase.end - 1].span.end,
    ))
}

/// Reported speech in sentence `si`.
fn reported_in_sentence(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    inside_marks: &dyn Fn(usize) -> bool,
    marked: &[Marked],
    out: &mut Vec<Found>,
) {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let end = sent.tokens.end;
    // The sentence's content end: before final punctuation (closing marks stay).
    let mut last = end;
    while last > floor
        && matches!(
            doc.token_text(last - 1),
            "." | "!" | "?" | "..." | "\u{2026}"
        )
    {
        last -= 1;
    }
    let mut k = floor;
    while k < end {
        let word = tk.lower(k);
        if inside_marks(doc.tokens[k].span.start) {
            k += 1;
            continue;
        }
        // "according to X, ..." / "..., according to X."
        if word == "according" && k + 1 < end && doc.token_text(k + 1) == "to" {
            if let Some(f) = according_to(doc, tk, names, si, k, last) {
                out.push(f);
            }
            k += 2;
            continue;
        }
        let Some(cue) = cue_at(doc, tk, k) else {
            k += 1;
            continue;
        };
        // The auxiliaries and adverbs right before the cue ("has also said", "was told").
        let mut aux = k;
        while aux > floor
            && k - aux < 3
            && (tk.tag(aux - 1).is_adverb() && !tk.has(aux - 1, WordClasses::WH)
                || tk
                    .classes(aux - 1)
                    .intersects(WordClasses::BE | WordClasses::HAVE))
        {
            aux -= 1;
        }
        let be_before = (aux..k).any(|i| tk.has(i, WordClasses::BE));
        // "It is thought that", "it has been agreed that": nobody in particular.
        let impersonal = be_before && aux > floor && tk.lower(aux - 1) == "it";
        // "is said to", "was also denied": passives, not someone speaking. A stance adjective
        // ("is confident that") stands after "be".
        if be_before && !impersonal && cue.pos != CuePos::Adj {
            k += 1;
            continue;
        }
        // "refused to say whether ...", "declined to comment": a speech act with no content.
        let refused = k >= floor + 2
            && tk.tag(k - 1) == Tag::TO
            && (matches!(tk.lemma(k - 2), "refuse" | "decline")
                || matches!(tk.lower(k - 2), "unable" | "reluctant" | "wouldn't"));
        if refused {
            k += 1;
            continue;
        }
        if let Some(f) = complement_report(doc, tk, names, si, k, cue, last) {
            out.push(f);
            k += 1;
            continue;
        }
        if cue.class == CueClass::Fragment {
            k += 1;
            continue;
        }
        if let Some(f) = forward_report(doc, tk, names, si, k, cue, impersonal, last, marked)
            .or_else(|| layer_report(doc, tk, names, si, k, cue, last))
        {
            out.push(f);
        } else if let Some(f) = trailing_report(doc, tk, names, si, k, impersonal, last, marked) {
            out.push(f);
        }
        k += 1;
    }
}

/// Reports whose content is no finite clause: a pledge's infinitive ("vowed to fight on"), a
/// question's wh-clause ("asked (the minister) whether taxes would rise"). A directive's object
/// and infinitive ("urged ministers to act") reports an act urged, not words, and is left out.
fn complement_report(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    k: usize,
    cue: Cue,
    last: usize,
) -> Option<Found> {
    if cue.pos != CuePos::Verb || k + 2 >= last {
        return None;
    }
    let floor = doc.sentences[si].tokens.start;
    let to_verb = |i: usize| i + 1 < last && tk.tag(i) == Tag::TO && tk.tag(i + 1) == Tag::VB;
    // "When asked whether ...", "asked by a reporter whether ...": a question put to the
    // clause's subject, by the agent after "by" or by nobody written.
    let mut asker = None;
    let mut unwritten_asker = false;
    let start = if cue.infinitive && to_verb(k + 1) {
        k + 1
    } else if tk.lemma(k) == "ask" {
        let mut p = k + 1;
        if tk.lower(p) == "by"
            && let Some((span, after)) = phrase_from(doc, tk, names.clauses(), p + 1, last)
        {
            asker = resolve_name(names, Some(span));
            p = after;
        } else if k == floor
            || matches!(tk.lower(k - 1), "when" | "if" | "after" | "once" | "being")
        {
            // "Asked whether ..., she laughed", "when asked", "after being asked".
            unwritten_asker = true;
        }
        if !tk.has(p, WordClasses::WH) && !matches!(tk.lower(p), "whether" | "if") {
            p = phrase_from(doc, tk, names.clauses(), p, last)?.1;
        }
        if p >= last || !(tk.has(p, WordClasses::WH) || matches!(tk.lower(p), "whether" | "if")) {
            return None;
        }
        p
    } else {
        return None;
    };
    let mut stop = clause_end(doc, tk, names.clauses(), start, last);
    // "Asked by a reporter whether he would run, Hale laughed": a question fronted before the
    // main clause ends at its comma.
    if asker.is_some() || unwritten_asker || k == floor {
        stop = (start..stop)
            .find(|&i| doc.token_text(i) == ",")
            .unwrap_or(stop);
    }
    if stop <= start + 1 {
        return None;
    }
    let speaker = if asker.is_some() || unwritten_asker {
        asker
    } else {
        written_speaker(doc, tk, names, floor, k)?
    };
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[stop - 1].span.end);
    Some(reported(
        span,
        si,
        speaker,
        doc.token_text(k).to_string(),
        Some(k),
    ))
}

/// `X said (that) CLAUSE`: the content runs from the clause start to its end.
#[allow(clippy::too_many_arguments)]
fn forward_report(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    k: usize,
    cue: Cue,
    impersonal: bool,
    last: usize,
    marked: &[Marked],
) -> Option<Found> {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let mut p = k + 1;
    if p >= last {
        return None;
    }
    let find_that = |from: usize, within: usize| {
        (from..(from + within).min(last))
            .take_while(|&i| {
                let t = doc.token_text(i);
                doc.tokens[i].kind == TokenKind::Word || t == "’s" || t == "'s"
            })
            .find(|&i| doc.token_text(i).eq_ignore_ascii_case("that"))
    };
    let mut had_that = false;
    // Where the hearer of "told reporters (that)" ends, to keep it in the cue.
    let mut hearer_end = k + 1;
    if cue.pos != CuePos::Verb {
        // "the warning that ...", "his view is that ...", "is confident that ...".
        if cue.pos == CuePos::Noun && tk.has(p, WordClasses::BE) && p + 1 < last {
            p += 1;
        }
        if tk.lower(p) == "that" {
            p += 1;
            had_that = true;
        } else if cue.pos == CuePos::Noun || !starts_clause(tk, p) {
            return None;
        }
    } else if doc.token_text(p).eq_ignore_ascii_case("that") {
        p += 1;
        had_that = true;
    } else if cue.object {
        if let Some(t) = find_that(p, 10) {
            // "told reporters on Monday that": the hearer ends before the adverbial.
            hearer_end = (p..t).find(|&i| is_adverbial_start(tk, i)).unwrap_or(t);
            p = t + 1;
            had_that = true;
        } else {
            // Skip the hearer: "told party members the rivals offered ...".
            let (_, after) = phrase_from(doc, tk, names.clauses(), p, last)?;
            hearer_end = after;
            p = after;
        }
    } else if is_adverbial_start(tk, p) {
        if let Some(t) = find_that(p, 8) {
            p = t + 1;
            had_that = true;
        } else {
            // "said in a statement it is", "said last week it was": skip the adverbial, then a
            // clause must start.
            p = if tk.tag(p) == Tag::IN {
                phrase_from(doc, tk, names.clauses(), p + 1, last)?.1
            } else if matches!(tk.lower(p), "last" | "this" | "next") {
                phrase_from(doc, tk, names.clauses(), p, last)?.1
            } else {
                p + 1
            };
            if p >= last || !starts_clause(tk, p) {
                return None;
            }
        }
    }
    if p >= last {
        return None;
    }
    let start_text = doc.token_text(p);
    if doc.tokens[p].kind == TokenKind::Punct && !is_mark(start_text) {
        return None;
    }
    if is_not_clause_start(tk, p) {
        return None;
    }
    // "policies which he said had harmed the economy", "a charity that prosecutors said was a
    // front": the cue sits inside a relative clause whose subject is the relative pronoun;
    // what was said is the verb phrase after the cue.
    let relative_gap = cue.pos == CuePos::Verb
        && !had_that
        && p == k + 1
        && is_finite(tk, p)
        && layer_subject(doc, tk, names.clauses(), floor, k).is_some_and(|subj| {
            let s = doc.token_at_or_after(subj.start);
            s > floor && matches!(tk.lower(s - 1), "that" | "which" | "who")
        });
    if relative_gap {
        let stop = clause_end(doc, tk, names.clauses(), p, last);
        if stop <= p {
            return None;
        }
        let speaker = written_speaker(doc, tk, names, floor, k)?;
        return Some(reported(
            Span::new(doc.tokens[p].span.start, doc.tokens[stop - 1].span.end),
            si,
            speaker,
            cue_text(doc, k, false),
            Some(k),
        ));
    }
    // Findings ("the study found", "the photo shows") report only with "that"; beliefs
    // ("believes", "think") also take a bare clause.
    if cue.class == CueClass::Thought
        && !had_that
        && (!cue.belief
            || !(starts_clause(tk, p) || start_text.chars().next().is_some_and(char::is_uppercase)))
    {
        // "found a body", "believes in": a belief verb reports only a clause.
        return None;
    }
    // Without "that", what follows must be a clause, not an object: "announced a review",
    // "predicted a defeat" report no speech.
    if !had_that
        && !impersonal
        && !looks_like_clause(doc, tk, p, clause_end(doc, tk, names.clauses(), p, last))
    {
        return None;
    }
    // A clause that is a whole direct quote (`said "We will win."`) is direct, not reported.
    if is_mark(start_text) {
        let at = marked.partition_point(|m| m.open < p);
        if let Some(m) = marked.get(at).filter(|m| m.open == p)
            && m.close.is_none_or(|c| c + 1 >= last)
        {
            return None;
        }
    }
    let stop = clause_end(doc, tk, names.clauses(), p, last);
    if stop <= p {
        return None;
    }
    let speaker = if impersonal {
        None
    } else if cue.pos == CuePos::Noun {
        noun_cue_speaker(doc, tk, names, floor, k)
    } else {
        written_speaker(doc, tk, names, floor, k)?
    };
    let span = Span::new(doc.tokens[p].span.start, doc.tokens[stop - 1].span.end);
    Some(Found {
        quote: Quote {
            span,
            sentence: si,
            speaker_entity: speaker.as_ref().and_then(|r| r.entity),
            speaker: speaker.map(|r| r.name),
            cue: Some(if hearer_end > k + 1 {
                doc.slice(Span::new(
                    doc.tokens[k].span.start,
                    doc.tokens[hearer_end - 1].span.end,
                ))
                .to_string()
            } else {
                cue_text(doc, k, impersonal)
            }),
            kind: QuoteKind::Reported,
        },
        cue_tok: Some(k),
    })
}

/// `X said CLAUSE` where the word shapes after the cue hide the clause from
/// [`forward_report`] ("said down-ballot races can help", "said just because ..."): the
/// clause layer's complement of the cue's verb, a finite clause with or without "that", from
/// its subject to its end.
fn layer_report(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    k: usize,
    cue: Cue,
    last: usize,
) -> Option<Found> {
    use crate::analysis::clauses::{Form, Link};
    if cue.pos != CuePos::Verb || cue.class == CueClass::Fragment {
        return None;
    }
    let clauses = names.clauses()?;
    let group = clauses.group_with_head(k)?;
    let c = &clauses.groups[group.complement?];
    if c.form != Form::Finite || !matches!(c.link, Some(Link::Zero | Link::That)) {
        return None;
    }
    // Findings ("the study found") report only with "that".
    if cue.class == CueClass::Thought && !cue.belief && c.link != Some(Link::That) {
        return None;
    }
    let p = c
        .subject
        .map_or(c.start, |s| s.phrase.start.min(c.start))
        .max(k + 1);
    if p >= last || doc.tokens[p].kind == TokenKind::Punct && !is_mark(doc.token_text(p)) {
        return None;
    }
    // "repeated its warning that ...": the noun between is the cue of that clause.
    if (k + 1..p).any(|i| cue_at(doc, tk, i).is_some()) {
        return None;
    }
    let stop = clause_end(doc, tk, Some(clauses), p, last);
    if stop <= p + 1 {
        return None;
    }
    let floor = doc.sentences[si].tokens.start;
    let speaker = written_speaker(doc, tk, names, floor, k)?;
    let span = Span::new(doc.tokens[p].span.start, doc.tokens[stop - 1].span.end);
    Some(reported(
        span,
        si,
        speaker,
        cue_text(doc, k, false),
        Some(k),
    ))
}

/// A reported quote of sentence `si` with its speaker and cue.
fn reported(
    span: Span,
    si: usize,
    speaker: Option<Referent>,
    cue: String,
    cue_tok: Option<usize>,
) -> Found {
    Found {
        quote: Quote {
            span,
            sentence: si,
            speaker_entity: speaker.as_ref().and_then(|r| r.entity),
            speaker: speaker.map(|r| r.name),
            cue: Some(cue),
            kind: QuoteKind::Reported,
        },
        cue_tok,
    }
}

/// The speaker of the cue at `k` when a subject is written before it: `None` when none is
/// (a report needs someone saying it), `Some(None)` when the subject names nobody the
/// resolver knows.
fn written_speaker(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    floor: usize,
    k: usize,
) -> Option<Option<Referent>> {
    let speaker = speaker_of_cue(doc, tk, names, floor, k);
    if speaker.is_none() && layer_subject(doc, tk, names.clauses(), floor, k).is_none() {
        return None;
    }
    Some(speaker)
}

fn cue_text(doc: &Document, k: usize, impersonal: bool) -> String {
    if impersonal {
        let sent = doc.sentence_at(doc.tokens[k].span.start).unwrap_or(0);
        let floor = doc.sentences[sent].tokens.start;
        let from = (floor..k)
            .rev()
            .find(|&i| doc.token_text(i).eq_ignore_ascii_case("it"))
            .unwrap_or(k);
        return doc
            .slice(Span::new(
                doc.tokens[from].span.start,
                doc.tokens[k].span.end,
            ))
            .to_string();
    }
    doc.token_text(k).to_string()
}

/// Whether token `i` is a finite verb: a modal, or a verb in the past or present tense.
fn is_finite(tk: &Tokens, i: usize) -> bool {
    matches!(tk.tag(i), Tag::MD | Tag::VBD | Tag::VBZ | Tag::VBP)
}

/// Whether the words from token `p` read as a clause (subject and finite verb) rather than an
/// object noun phrase ("announced a review of fares"): a subject pronoun, or a finite verb
/// after the first word and before any relative clause or infinitive ("a drive to help women
/// who want ..." has none).
fn looks_like_clause(doc: &Document, tk: &Tokens, p: usize, last: usize) -> bool {
    if tk.has(p, WordClasses::SUBJECT) || tk.tag(p) == Tag::EX {
        return true;
    }
    let stop = last.min(p + 16);
    let mut i = p + 1;
    while i < stop {
        // ", which brings in house arrest," between the subject and its verb.
        if doc.token_text(i) == "," && i + 1 < stop && tk.has(i + 1, WordClasses::WH) {
            match (i + 1..stop).find(|&j| doc.token_text(j) == ",") {
                Some(j) => {
                    i = j + 1;
                    continue;
                }
                None => return false,
            }
        }
        if tk.has(i, WordClasses::WH)
            || tk.has(i, WordClasses::SUBORDINATOR)
            || matches!(tk.tag(i), Tag::TO | Tag::WDT | Tag::WP)
            || tk.lower(i) == "that"
        {
            return false;
        }
        // The tagger may take a past tense after its subject for a participle ("the deal
        // held"); one not followed by an agent ("raised by") is the clause's verb.
        let past_after_noun = tk.tag(i) == Tag::VBN
            && tk.tag(i - 1).is_noun()
            && (i + 1 >= stop || tk.lower(i + 1) != "by");
        if past_after_noun {
            return true;
        }
        if is_finite(tk, i) {
            // "the rivals offered": a past form right after a determiner or preposition is
            // a participle modifying a noun ("the embattled firm").
            let modifier_slot = tk.classes(i - 1).intersects(
                WordClasses::ARTICLE | WordClasses::POSSESSIVE | WordClasses::COORDINATOR,
            ) || matches!(tk.tag(i - 1), Tag::IN | Tag::TO);
            let auxiliary = tk
                .classes(i)
                .intersects(WordClasses::BE | WordClasses::HAVE);
            if !(tk.tag(i) == Tag::VBD && modifier_slot && !auxiliary) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether token `p` can open a reported clause after a belief verb or an adverbial without
/// "that": a subject pronoun, a determiner, a proper noun, "there".
fn starts_clause(tk: &Tokens, p: usize) -> bool {
    tk.has(p, WordClasses::SUBJECT)
        || tk.classes(p).intersects(
            WordClasses::ARTICLE
                | WordClasses::DETERMINER
                | WordClasses::DEMONSTRATIVE
                | WordClasses::QUANTIFIER
                | WordClasses::POSSESSIVE,
        )
        || matches!(
            tk.tag(p),
            Tag::EX | Tag::DT | Tag::PRPS | Tag::NNP | Tag::NNPS
        )
}

/// Whether the clause layer read the participle at `i` as a past verb sharing an earlier
/// subject ("said she admires him and highlighted their goals").
fn shared_past(clauses: Option<&Clauses>, i: usize) -> bool {
    use crate::analysis::clauses::{Form, SubjectHow};
    clauses.and_then(|c| c.group_at(i)).is_some_and(|g| {
        g.start == i
            && g.form == Form::Finite
            && g.subject.is_some_and(|s| s.how == SubjectHow::Shared)
    })
}

/// Whether a verb phrase starts at token `i` with no subject of its own: an auxiliary ("and
/// has vowed"), a finite verb ("and warned"), or an adverb before one ("and also said").
fn verb_without_subject(tk: &Tokens, i: usize) -> bool {
    let mut i = i;
    if tk.tag(i).is_adverb() && !tk.has(i, WordClasses::WH) && i + 1 < tk.len() {
        i += 1;
    }
    tk.classes(i)
        .intersects(WordClasses::BE | WordClasses::HAVE)
        && is_finite(tk, i)
        || matches!(tk.tag(i), Tag::VBD | Tag::VBZ | Tag::MD)
}

/// Where a reported clause starting at token `p` ends: the sentence end, or before a tail
/// that is not part of it (", he said", "; ...", ", but ...", ": \"...").
fn clause_end(
    doc: &Document,
    tk: &Tokens,
    clauses: Option<&Clauses>,
    p: usize,
    last: usize,
) -> usize {
    // A reported clause longer than this is a run-on paragraph; capping keeps the work linear.
    let last = last.min(p + 200);
    let mut i = p;
    while i < last {
        let t = doc.token_text(i);
        match t {
            ";" | ":" => return i,
            // "The firm denies X and has vowed to appeal", "said A and warned that B": a
            // coordinator before a verb (no subject of its own) carries on the main clause,
            // not the report.
            _ if i > p + 2
                && i + 1 < last
                && tk.has(i, WordClasses::COORDINATOR)
                && (verb_without_subject(tk, i + 1) || shared_past(clauses, i + 1)) =>
            {
                let end = if doc.token_text(i - 1) == "," {
                    i - 1
                } else {
                    i
                };
                return end;
            }
            "," => {
                let next = doc
                    .tokens
                    .get(i + 1)
                    .map(|_| doc.token_text(i + 1).to_lowercase());
                match next.as_deref() {
                    Some("but" | "while" | "although" | "though" | "whereas") => {
                        let after = doc.tokens.get(i + 2).map(|_| doc.token_text(i + 2));
                        // The report goes on when "that" repeats or the speaker's own quoted
                        // words follow ("..., but it was an \"urgent priority\"").
                        let quoted_words_follow = (i + 2..last).any(|j| is_mark(doc.token_text(j)));
                        if !after.is_some_and(|a| a.eq_ignore_ascii_case("that"))
                            && !quoted_words_follow
                        {
                            return i;
                        }
                    }
                    Some(_) if is_participle(tk, i + 1) && cue_at(doc, tk, i + 1).is_some() => {
                        return i;
                    }
                    _ => {}
                }
                // "Li, who said she votes for the party, said ...": the comma closes a
                // relative clause, and the verb after it is the main clause's, its subject
                // written before the report.
                if let Some(g) = clauses.and_then(|c| c.group_at(i + 1))
                    && g.start == i + 1
                    && g.form == crate::analysis::clauses::Form::Finite
                    && g.subject.is_some_and(|s| s.phrase.end <= p)
                {
                    return i;
                }
                // ", X said" tail.
                for k in i + 1..(i + 8).min(last) {
                    if doc.token_text(k) == "," || is_mark(doc.token_text(k)) {
                        break;
                    }
                    if cue_at(doc, tk, k).is_some_and(|c| c.class == CueClass::Speech) {
                        if k == i + 1 || layer_subject(doc, tk, clauses, i + 1, k).is_some() {
                            let rest = last - k;
                            if rest <= 8 {
                                return i;
                            }
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    last
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`: the content is the clause before the comma.
#[allow(clippy::too_many_arguments)]
fn trailing_report(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    k: usize,
    impersonal: bool,
    last: usize,
    marked: &[Marked],
) -> Option<Found> {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    // The tail after the cue is short: a hearer or a time ("told GMTV's programme", "on Monday").
    let tail_ok = |from: usize| {
        last.saturating_sub(from) <= 8
            && (from..last).all(|i| doc.token_text(i) != "," || i + 1 == last)
    };
    // "claims denied by the party": a passive participle. ", adding urgency to the talks": a
    // participle never attributes what comes before it.
    if (k + 1 < last && doc.token_text(k + 1) == "by") || is_participle(tk, k) {
        return None;
    }
    // "CLAUSE, he said, CLAUSE": an attribution set between commas inside the reported
    // sentence; the content resumes after the comma that closes it (within a few words: "said
    // on Monday,"), and a clause follows.
    let resumes_after = |from: usize| {
        let c = (from..last.min(from + 4)).find(|&i| doc.token_text(i) == ",")?;
        (c + 2 < last && !is_mark(doc.token_text(c + 1))).then_some(c + 1)
    };
    let mut resume = None;
    let (comma, speaker_span) = if k > floor && doc.token_text(k - 1) == "," {
        // ", said Mr Varga."
        let (np, after) = phrase_from(doc, tk, names.clauses(), k + 1, last)?;
        // ", said he fully supports the deal": the phrase is the subject of a clause after
        // the cue, not a speaker after it.
        let v = (after..last)
            .find(|&i| !tk.tag(i).is_adverb())
            .unwrap_or(last);
        if v < last && (tk.tag(v).is_verb() || tk.tag(v) == Tag::MD) {
            return None;
        }
        if last.saturating_sub(after) > 4 {
            resume = Some(resumes_after(after)?);
        }
        (k - 1, Some(np))
    } else {
        let subj = if impersonal {
            let it = (floor..k)
                .rev()
                .find(|&i| doc.token_text(i).eq_ignore_ascii_case("it"))?;
            Span::new(doc.tokens[it].span.start, doc.tokens[it].span.end)
        } else {
            layer_subject(doc, tk, names.clauses(), floor, k)?
        };
        let s = doc.token_at_or_after(subj.start);
        if s <= floor || doc.token_text(s - 1) != "," {
            return None;
        }
        if !tail_ok(k + 1) {
            // The subject of a parenthetical is short ("officials", "Mr Ross").
            if k - s > 4 || impersonal {
                return None;
            }
            resume = Some(resumes_after(k + 1)?);
        }
        (s - 1, (!impersonal).then_some(subj))
    };
    let mut start = floor;
    // A one-word front ("Now, she said, ...", "That, they say, will ...") reports only when
    // the sentence resumes after the attribution.
    if comma <= start || (comma == start + 1 && resume.is_none()) {
        return None;
    }
    // A direct quote before the comma is attributed as direct, not reported.
    if is_mark(doc.token_text(comma - 1)) || is_mark(doc.token_text(start)) {
        let at = marked.partition_point(|m| m.open < start);
        let opens_at_start = marked
            .get(at)
            .is_some_and(|m| m.open == start && m.close.is_some_and(|c| c + 1 >= comma));
        if opens_at_start {
            return None;
        }
    }
    if matches!(doc.token_text(start).to_lowercase().as_str(), "but" | "and") {
        start += 1;
    }
    let end = match resume {
        Some(r) => {
            let stop = clause_end(doc, tk, names.clauses(), r, last);
            if stop <= r {
                return None;
            }
            stop
        }
        None => comma,
    };
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
    let speaker = speaker_span.and_then(|s| names.resolve_speaker(s));
    // The content holds a parenthetical cue, so no report is nested in it by its cue.
    let cue_tok = resume.is_none().then_some(k);
    Some(reported(
        span,
        si,
        speaker,
        cue_text(doc, k, impersonal),
        cue_tok,
    ))
}

/// "According to X, CLAUSE." or "CLAUSE, according to X."
fn according_to(
    doc: &Document,
    tk: &Tokens,
    names: &Names,
    si: usize,
    k: usize,
    last: usize,
) -> Option<Found> {
    let sent = &doc.sentences[si];
    let floor = sent.tokens.start;
    let (np, after) = phrase_from(doc, tk, names.clauses(), k + 2, last)?;
    let speaker = names.resolve_speaker(np);
    let span =
        if k == floor || (k == floor + 1 && doc.token_text(floor).eq_ignore_ascii_case("but")) {
            // Clause after the source's comma.
            let comma = (after..last).find(|&i| doc.token_text(i) == ",")?;
            let p = comma + 1;
            if p >= last {
                return None;
            }
            // The clause may end before it starts ("According to X, : ..."): no content.
            let stop = clause_end(doc, tk, names.clauses(), p, last);
            if stop <= p {
                return None;
            }
            Span::new(doc.tokens[p].span.start, doc.tokens[stop - 1].span.end)
        } else if k > floor + 1 && doc.token_text(k - 1) == "," {
            let mut start = floor;
            if is_mark(doc.token_text(start)) {
                start += 1;
            }
            if k - 1 <= start {
                return None;
            }
            Span::new(doc.tokens[start].span.start, doc.tokens[k - 2].span.end)
        } else {
            return None;
        };
    Some(reported(span, si, speaker, "according to".into(), Some(k)))
}

/// A headline "Name: words" is the named person's direct quote.
fn colon_headline(doc: &Document, names: &Names) -> Option<Found> {
    let title = doc.title?;
    let si = doc.sentence_at(title.start)?;
    let sent = &doc.sentences[si];
    let colon = sent.tokens.clone().find(|&i| doc.token_text(i) == ":")?;
    let before = colon - sent.tokens.start;
    if before == 0 || before > 3 || colon + 2 > sent.tokens.end {
        return None;
    }
    let all_caps_words = (sent.tokens.start..colon).all(|i| {
        doc.tokens[i].kind == TokenKind::Word
            && doc
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    if !all_caps_words {
        return None;
    }
    let np = Span::new(
        doc.tokens[sent.tokens.start].span.start,
        doc.tokens[colon - 1].span.end,
    );
    let mut first = colon + 1;
    let mut end = sent.tokens.end;
    if is_mark(doc.token_text(first)) {
        first += 1;
    }
    if end > first && is_mark(doc.token_text(end - 1)) {
        end -= 1;
    }
    if end <= first + 1 {
        return None;
    }
    let speaker = names.resolve(np);
    Some(Found {
        quote: Quote {
            span: Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end),
            sentence: si,
            speaker_entity: speaker.as_ref().and_then(|r| r.entity),
            speaker: Some(speaker.map_or_else(|| doc.slice(np).to_string(), |r| r.name)),
            cue: None,
            kind: QuoteKind::Direct,
        },
        cue_tok: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_list_parses() {
        let n = lexicon::entries(include_str!("../lexicon/data/quotes_cues.txt"))
            .inspect(|f| {
                assert!(
                    matches!(
                        f[1],
                        "speech" | "thought" | "belief" | "frag" | "none" | "pledge"
                    ),
                    "{f:?}"
                );
                assert!(
                    f.len() == 2 || matches!(f[2], "verb" | "noun" | "adj"),
                    "{f:?}"
                );
                assert_eq!(f[0], f[0].to_lowercase());
            })
            .count();
        assert_eq!(n, CUE_DATA.len(), "no entry twice");
    }

    #[test]
    fn cues_are_lemmas_with_fitting_tags() {
        let doc = Document::new("She warns that he warned them, a warning they heed.");
        let layer = Layer::new(&doc);
        let at = |w: &str| {
            let i = (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap();
            cue_at(&doc, &layer.tokens, i)
        };
        assert!(at("warns").is_some_and(|c| c.class == CueClass::Speech));
        assert!(at("warned").is_some_and(|c| c.object));
        assert!(at("warning").is_some_and(|c| c.pos == CuePos::Noun));
        assert!(at("heed").is_none());
    }

    #[test]
    fn a_bracket_and_an_apposition_after_the_speaker() {
        for text in [
            "Rep. Ann Ross (D-Va.), a senior member of the committee, said she fully supports the deal.",
            "Rep. Ann Ross (D-Va.), ranking member of the panel and one of its negotiators, said she fully supports the deal.",
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, "she fully supports the deal", "{text}");
            assert_eq!(got[0].2.as_deref(), Some("Ann Ross"), "{text}");
        }
    }

    #[test]
    fn a_report_in_a_relative_clause_ends_at_its_comma() {
        let got = quotes(
            "Mia Berg, who said she usually votes for the Greens, said the mayor deserves a second term.",
        );
        let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "she usually votes for the Greens",
                "the mayor deserves a second term"
            ],
            "{got:?}"
        );
        assert!(
            got.iter().all(|q| q.2.as_deref() == Some("Mia Berg")),
            "{got:?}"
        );
    }

    #[test]
    fn a_cue_inside_a_relative_clause_reports_the_verb_after_it() {
        for (text, content, speaker) in [
            (
                "Ann Ross cited the new rules, which she said had hurt small farms.",
                "had hurt small farms",
                Some("Ann Ross"),
            ),
            (
                "They closed a charity that prosecutors said was a front for fraud.",
                "was a front for fraud",
                Some("prosecutors"),
            ),
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, content, "{text}");
            assert_eq!(got[0].2.as_deref(), speaker, "{text}");
        }
    }

    #[test]
    fn a_one_word_front_before_a_parenthetical_cue() {
        for text in [
            "Now, she said, the two villages rarely speak.",
            "That, they say, will be harder next year.",
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(text.starts_with(&got[0].0[..4]), "{text}: {got:?}");
            assert!(
                got[0].0.ends_with("speak") || got[0].0.ends_with("year"),
                "{got:?}"
            );
        }
        // With nothing after the attribution, one word reports nothing.
        assert!(quotes("Yes, she said.").is_empty());
    }

    #[test]
    fn a_repeated_role_is_the_description_before_it() {
        let got = quotes(
            "The mayor's spokesman was asked about the vote. The spokesman said: \u{201c}We will not comment.\u{201d}",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].2.as_deref(),
            Some("The mayor's spokesman"),
            "{got:?}"
        );
    }

    #[test]
    fn a_pronoun_continues_a_described_speaker() {
        for (text, speaker) in [
            (
                "A spokeswoman for the charity said the plan was flawed. She added: \u{201c}Nobody asked us.\u{201d}",
                "A spokeswoman",
            ),
            (
                "The committee said the cuts were too deep. \u{201c}We are deeply concerned,\u{201d} it said.",
                "The committee",
            ),
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1].2.as_deref(), Some(speaker), "{text}: {got:?}");
        }
        // A described subject of the other gender, or a name the resolver passed over, is not
        // taken.
        let got = quotes(
            "A spokesman for the charity said the plan was flawed. She added: \u{201c}Nobody asked us.\u{201d}",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].2, None, "{got:?}");
    }

    #[test]
    fn the_cue_subject_comes_from_the_clause_layer() {
        // A relative clause with its own object between the speaker and the cue.
        let got = quotes(
            "Anna Berg, who chairs the committee that approved the plan, said the vote would pass.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("Anna Berg"));
        // A long subject whose head has a prepositional phrase of its own.
        let got = quotes("Tom Reyes of the Harbour Trust said the pier would reopen.");
        assert_eq!(got[0].2.as_deref(), Some("Tom Reyes"));
    }

    /// (content, kind, speaker, cue) of every quote found.
    fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
        let doc = Document::new(text);
        extract(&doc, &Layer::new(&doc), &[])
            .into_iter()
            .map(|q| {
                (
                    doc.slice(q.span).to_string(),
                    q.kind.as_str(),
                    q.speaker,
                    q.cue,
                )
            })
            .collect()
    }

    fn q(
        content: &str,
        kind: &'static str,
        speaker: Option<&str>,
        cue: Option<&str>,
    ) -> (String, &'static str, Option<String>, Option<String>) {
        (
            content.into(),
            kind,
            speaker.map(Into::into),
            cue.map(Into::into),
        )
    }

    #[test]
    fn direct_quotes() {
        let cases: Vec<(&str, Vec<_>)> = vec![
            // A quoted sentence that ends a sentence it does not open: the cue before it
            // (not the noun of saying, whose speaker is not written) gives the speaker.
            (
                "Ann Ross called the statement \"a cynical stunt.\"",
                vec![q(
                    "a cynical stunt.",
                    "direct",
                    Some("Ann Ross"),
                    Some("called"),
                )],
            ),
            // "he" continues the subject of the sentence before, not the pronoun of a clause
            // set between that subject and its verb.
            (
                "Mara Quist said the plan was late.\n\nBut Tom Field, for all the doubts he \
                 voiced in May, seems to agree. \"We can still finish it,\" he said.",
                vec![
                    q(
                        "the plan was late",
                        "reported",
                        Some("Mara Quist"),
                        Some("said"),
                    ),
                    q(
                        "We can still finish it,",
                        "direct",
                        Some("Tom Field"),
                        Some("said"),
                    ),
                ],
            ),
            // A quote of two sentences: its tail is in the sentence of the closing mark.
            (
                "\"We lost the vote. It has been a hard week,\" Corrigan said.",
                vec![q(
                    "We lost the vote. It has been a hard week,",
                    "direct",
                    Some("Corrigan"),
                    Some("said"),
                )],
            ),
            (
                "Mr Anton Berg spoke first. \"We will not raise taxes,\" Mr Berg said.",
                vec![q(
                    "We will not raise taxes,",
                    "direct",
                    Some("Anton Berg"),
                    Some("said"),
                )],
            ),
            (
                "Lena Ortiz left early. \u{201C}We will,\u{201D} she said, \u{201C}cut waste.\u{201D}",
                vec![
                    q("We will,", "direct", Some("Lena Ortiz"), Some("said")),
                    q("cut waste.", "direct", Some("Lena Ortiz"), Some("said")),
                ],
            ),
            (
                // The subject after the quote, with an adverbial before its verb.
                "Ana Ruiz arrived late. \"We had many friends here,\" Ms Ruiz, after a long pause, said of the town.",
                vec![q(
                    "We had many friends here,",
                    "direct",
                    Some("Ana Ruiz"),
                    Some("said"),
                )],
            ),
            (
                // A quoted fragment, then the main clause's subject with a description: the
                // fragment is no one's quote.
                "Living up to its name as \"an island of calm\", President Ana Ruiz, who took office in May, said the vote would go ahead.",
                vec![q(
                    "the vote would go ahead",
                    "reported",
                    Some("Ana Ruiz"),
                    Some("said"),
                )],
            ),
            (
                // A present-tense cue after the quote, that reads as a plural noun alone.
                "Ana Ruiz arrived late. \"Read the statement,\" Ruiz notes.",
                vec![q(
                    "Read the statement,",
                    "direct",
                    Some("Ana Ruiz"),
                    Some("notes"),
                )],
            ),
            (
                // A sentence ending in a colon introduces the quote that opens the next.
                "The Kestrel Trust responded:\n\n\"If there are people who doubt us, let them come.\"",
                vec![q(
                    "If there are people who doubt us, let them come.",
                    "direct",
                    Some("Kestrel Trust"),
                    None,
                )],
            ),
            (
                // A transcript's label.
                "Senator Ana Ruiz: \"We will win the vote.\"",
                vec![q("We will win the vote.", "direct", Some("Ana Ruiz"), None)],
            ),
            (
                "Tom Reed told the forum: \"The plan is dead. It cannot work.\"",
                vec![q(
                    "The plan is dead. It cannot work.",
                    "direct",
                    Some("Tom Reed"),
                    Some("told the forum"),
                )],
            ),
            (
                // Joined paragraphs: the opening mark repeats before the quote closes.
                "Tom Reed said: \"First part of the quote. \"Second part of it.\" Then he left.",
                vec![
                    q(
                        "First part of the quote.",
                        "direct",
                        Some("Tom Reed"),
                        Some("said"),
                    ),
                    q("Second part of it.", "direct", Some("Tom Reed"), None),
                ],
            ),
            (
                // Scare quotes and titles are not quotes.
                "The so-called \"war on terror\" went on. She read \"Dune\" twice.",
                vec![],
            ),
            (
                "Critics dismissed the scheme as \"reckless\".",
                vec![q("reckless", "direct", Some("Critics"), Some("dismissed"))],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn reported_speech() {
        let cases: Vec<(&str, Vec<_>)> = vec![
            // A question put to someone: by the agent after "by", or by nobody written; a
            // fronted question ends at its comma.
            (
                "Asked by a reporter whether he would run, Tom Hale laughed.",
                vec![q(
                    "whether he would run",
                    "reported",
                    Some("a reporter"),
                    Some("Asked"),
                )],
            ),
            (
                "Tom Hale, when asked whether he would run, laughed.",
                vec![q("whether he would run", "reported", None, Some("asked"))],
            ),
            (
                "Asked whether the plan would work, Ann Lee laughed.",
                vec![q(
                    "whether the plan would work",
                    "reported",
                    None,
                    Some("Asked"),
                )],
            ),
            // Inside the sentence the question runs past a comma.
            (
                "Ann Lee asked whether the plan, which costs a lot, would work.",
                vec![q(
                    "whether the plan, which costs a lot, would work",
                    "reported",
                    Some("Ann Lee"),
                    Some("asked"),
                )],
            ),
            // A verb after "and" that goes on from "said" (a participle in form) is no part
            // of the report.
            (
                "Mia Holt said she admires the plan and highlighted its costs.",
                vec![q(
                    "she admires the plan",
                    "reported",
                    Some("Mia Holt"),
                    Some("said"),
                )],
            ),
            // A compound's first part is no adverb to skip: the clause layer finds the
            // complement clause the word shapes hide.
            (
                "Rita Vance said down-market brands would gain from the tax.",
                vec![q(
                    "down-market brands would gain from the tax",
                    "reported",
                    Some("Rita Vance"),
                    Some("said"),
                )],
            ),
            (
                "The ministry said that exports rose sharply in May.",
                vec![q(
                    "exports rose sharply in May",
                    "reported",
                    Some("The ministry"),
                    Some("said"),
                )],
            ),
            (
                "Exports rose sharply in May, the ministry said.",
                vec![q(
                    "Exports rose sharply in May",
                    "reported",
                    Some("the ministry"),
                    Some("said"),
                )],
            ),
            (
                "Prices will fall, according to the central bank.",
                vec![q(
                    "Prices will fall",
                    "reported",
                    Some("the central bank"),
                    Some("according to"),
                )],
            ),
            (
                "Officials told reporters on Monday that the bridge would reopen.",
                vec![q(
                    "the bridge would reopen",
                    "reported",
                    Some("Officials"),
                    Some("told reporters"),
                )],
            ),
            (
                // Mixed: the quoted fragment is part of the report.
                "Anna Berg said the plan was \"a disaster for everyone\".",
                vec![q(
                    "the plan was \"a disaster for everyone\"",
                    "reported",
                    Some("Anna Berg"),
                    Some("said"),
                )],
            ),
            (
                "Anna Berg declined to comment. She warned of delays. He is said to be ill. \
                 She refused to say whether taxes would rise. The photo shows the singer smiling. \
                 The band confirmed its summer tour dates.",
                vec![],
            ),
            (
                // A weekday between the cue and its clause, with or without "that".
                "Jane Ruiz said Tuesday that the plant would stay. Ruiz said Friday the deal held.",
                vec![
                    q(
                        "the plant would stay",
                        "reported",
                        Some("Jane Ruiz"),
                        Some("said"),
                    ),
                    q("the deal held", "reported", Some("Jane Ruiz"), Some("said")),
                ],
            ),
            (
                "It is thought that the talks failed.",
                vec![q(
                    "the talks failed",
                    "reported",
                    None,
                    Some("It is thought"),
                )],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn attribution_shapes() {
        let cases: Vec<(&str, Vec<_>)> = vec![
            (
                // Apposition between commas; the participle's report shares the speaker.
                "Jo Marsh, chief executive of Acme Foods, said profits rose, adding that jobs were safe.",
                vec![
                    q("profits rose", "reported", Some("Jo Marsh"), Some("said")),
                    q(
                        "jobs were safe",
                        "reported",
                        Some("Jo Marsh"),
                        Some("adding"),
                    ),
                ],
            ),
            (
                // A coordinated second cue takes the sentence's subject.
                "The regulator fined the bank and said the rules were clear.",
                vec![q(
                    "the rules were clear",
                    "reported",
                    Some("The regulator"),
                    Some("said"),
                )],
            ),
            (
                // An object, not a clause: no report.
                "The minister announced a review of rail fares.",
                vec![],
            ),
            (
                // "said this was" is a clause, not the adverbial "this week".
                "Mr Karl Vogt said this was a bold step. Vogt said last week that costs fell.",
                vec![
                    q(
                        "this was a bold step",
                        "reported",
                        Some("Karl Vogt"),
                        Some("said"),
                    ),
                    q("costs fell", "reported", Some("Karl Vogt"), Some("said")),
                ],
            ),
            (
                // A sentence-initial pronoun continues the previous sentence's subject, not a
                // name mentioned in passing.
                "Mr Paul Ward met Mr Sam Green in Leeds. He said the talks went well.",
                vec![q(
                    "the talks went well",
                    "reported",
                    Some("Paul Ward"),
                    Some("said"),
                )],
            ),
            (
                // A quoted headline takes the source named below it.
                "Berg 'regrets' delays\n\nAnna Berg said she regretted the delays.",
                vec![
                    q("regrets", "direct", Some("Anna Berg"), None),
                    q(
                        "she regretted the delays",
                        "reported",
                        Some("Anna Berg"),
                        Some("said"),
                    ),
                ],
            ),
            (
                // With its cue the headline is a report holding a quoted fragment.
                "Deal 'close', says union\n\nThe union met.",
                vec![q("Deal 'close'", "reported", Some("union"), Some("says"))],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn reports_news_writes_in_other_shapes() {
        let cases: Vec<(&str, Vec<_>)> = vec![
            (
                // An attribution set between commas inside the reported sentence.
                "Mr Omar Lind spoke. The levy, he said, would hurt farmers.",
                vec![q(
                    "The levy, he said, would hurt farmers",
                    "reported",
                    Some("Omar Lind"),
                    Some("said"),
                )],
            ),
            (
                // A name, then an age and a home town between commas, then the cue.
                "Ana Ruiz, 41, of Dayton, Ohio, said the tour would go on.",
                vec![q(
                    "the tour would go on",
                    "reported",
                    Some("Ana Ruiz"),
                    Some("said"),
                )],
            ),
            (
                // A stance adjective after "be" takes the subject of "be".
                "The sprinter Ana Ruiz is confident she can win a medal in March.",
                vec![q(
                    "she can win a medal in March",
                    "reported",
                    Some("Ana Ruiz"),
                    Some("confident"),
                )],
            ),
            (
                // Two coordinated reports are two quotes with one speaker.
                "The mayor said the bridge was safe and warned that repairs would take years.",
                vec![
                    q(
                        "the bridge was safe",
                        "reported",
                        Some("The mayor"),
                        Some("said"),
                    ),
                    q(
                        "repairs would take years",
                        "reported",
                        Some("The mayor"),
                        Some("warned"),
                    ),
                ],
            ),
            (
                // A pledge reports its infinitive; a question its wh-clause.
                "Nina Holt vowed to fight the ruling. Holt asked whether the court had erred.",
                vec![
                    q(
                        "to fight the ruling",
                        "reported",
                        Some("Nina Holt"),
                        Some("vowed"),
                    ),
                    q(
                        "whether the court had erred",
                        "reported",
                        Some("Nina Holt"),
                        Some("asked"),
                    ),
                ],
            ),
            (
                // Noun and adjective cues report the clause after them.
                "The union repeated its warning that strikes would spread. Ms Ada Voss is \
                 confident that the deal will pass.",
                vec![
                    q(
                        "strikes would spread",
                        "reported",
                        Some("The union"),
                        Some("warning"),
                    ),
                    q(
                        "the deal will pass",
                        "reported",
                        Some("Ada Voss"),
                        Some("confident"),
                    ),
                ],
            ),
            (
                // A verb the tagger reads in the past after its subject; a bracket after the
                // subject; a relative clause inside the subject.
                "Sen. Ruth Kale (D-Ore.) said the vote held. Ruth Kale, who chairs the panel \
                 that wrote the bill, said it was fair.",
                vec![
                    q("the vote held", "reported", Some("Ruth Kale"), Some("said")),
                    q("it was fair", "reported", Some("Ruth Kale"), Some("said")),
                ],
            ),
            (
                // Urging an act is not reporting words; an object is not a clause.
                "The council urged residents to save water. The firm posted a loss.",
                vec![],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn a_quote_without_cue_takes_its_paragraphs_attribution() {
        let got = quotes(
            "\"We will win the vote,\" said Ann Berg.\n\n\"The rates are far too high.\" Omar \
             Lind, the treasurer, said: \"We cannot pay them.\"\n\n\"Nobody in this town could ever pay them.\"",
        );
        let speakers: Vec<_> = got.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Ann Berg"),
                Some("Omar Lind"),
                Some("Omar Lind"),
                Some("Omar Lind")
            ],
            "{got:?}"
        );
    }

    #[test]
    fn colon_headline_is_direct() {
        let got = quotes("Berg: we will win\n\nAnna Berg spoke in Oslo.");
        // The headline's short form is the person the story names in full.
        assert_eq!(
            got,
            vec![q("we will win", "direct", Some("Anna Berg"), None)]
        );
    }

    #[test]
    fn punctuation_right_after_a_cue_gives_no_inverted_span() {
        // A colon or semicolon right after the source's comma ends the clause before it starts.
        let cases = [
            ("According to officials, : the plan failed.", 0),
            ("According to officials, ; the plan failed.", 0),
            ("But according to the union, : it failed.", 0),
            ("According to officials, the plan failed.", 1),
        ];
        for (text, want) in cases {
            let doc = Document::new(text);
            let found = extract(&doc, &Layer::new(&doc), &[]);
            for q in &found {
                assert!(
                    q.span.start < q.span.end && q.span.end <= text.len(),
                    "{text}"
                );
                assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            }
            assert_eq!(found.len(), want, "{text}");
        }
    }

    #[test]
    fn long_chains_of_coordinated_cues_keep_the_speaker() {
        // Each "and said" continues the report before it; a chain far longer than any real
        // sentence must neither exhaust the stack nor lose the speaker.
        for reps in [1, 3, 30_000] {
            let text = format!(
                "Anna Berg said{} \"We will win.\"",
                " and said".repeat(reps)
            );
            let got = quotes(&text);
            let direct = got.iter().find(|q| q.1 == "direct").expect("the quote");
            assert_eq!(direct.0, "We will win.", "{reps}");
            assert_eq!(direct.2.as_deref(), Some("Anna Berg"), "{reps}");
        }
    }

    #[test]
    fn unbalanced_and_odd_input_does_not_panic() {
        let long = "\"".repeat(5000) + &"word ".repeat(2000);
        // Thousands of opening marks in one paragraph: each is a fragment; must stay linear.
        let opens = " \"a".repeat(20000);
        for text in [
            "\"",
            "\u{201C}",
            "said",
            "he said that",
            "\"\"\"",
            "according to",
            ", said",
            "\u{1F642} said \"\u{00E9}",
            long.as_str(),
            opens.as_str(),
            "'",
            "’s said ’",
            "X: \"",
        ] {
            let doc = Document::new(text);
            let _ = extract(&doc, &Layer::new(&doc), &[]);
        }
    }
}
